/* int.c — the int type: tagged small ints + GMP-backed heap ints.
 *
 * Canonical form: every exact-int result whose value fits SMALLINT range is
 * returned tagged; heap IntObj of exact type int only hold values outside it.
 * Operands may be tagged ints, heap ints, bools (True_/False_) or instances of
 * int subclasses: int_view() gives a read-only mpz for any of them without
 * allocating (mpz_roinit_n over one stack limb).
 *
 * Construction from strings/bytes, int.__new__, to_bytes/from_bytes live in
 * intconv.c; the format mini-language in numformat.c.
 */
#include "objects/int.h"
#include <math.h>
#include <float.h>
#include <errno.h>

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159
/* Results above this many bits raise MemoryError instead of aborting in GMP. */
#define MAX_RESULT_BITS ((uint64_t)1 << 36)

/* The limit lives in sys (sys.set_int_max_str_digits stores it as
 * sys._gilpy_int_max_str_digits); -1 here means "not overridden". */
static int max_str_digits_override = -1;
int int_get_max_str_digits(void) {
    if (max_str_digits_override >= 0) return max_str_digits_override;
    Obj *v = sys_get_object("_gilpy_int_max_str_digits");
    long long n;
    if (v && IS_SMALLINT(v) && (n = SMALLINT_VALUE(v)) >= 0 && n <= INT_MAX) return (int)n;
    return 4300;
}
void int_set_max_str_digits(int n) { max_str_digits_override = n; }

/* ---- views and construction ---------------------------------------------- */

static inline mpz_srcptr small_view(long long v, IntTmp *t) {
    t->limb = (mp_limb_t)(v < 0 ? -(unsigned long long)v : (unsigned long long)v);
    return mpz_roinit_n(&t->z, &t->limb, v < 0 ? -1 : (v > 0 ? 1 : 0));
}

mpz_srcptr int_view(Obj *o, IntTmp *t) {
    if (IS_SMALLINT(o)) return small_view(SMALLINT_VALUE(o), t);
    if (TYPE(o) == &Bool_Type) return small_view(o == True_, t);
    return INT_MPZ(o);
}

/* Move z (initialised, owned) into a new exact int; z is consumed. */
static Obj *from_mpz_steal(mpz_ptr z) {
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        if (SMALLINT_FITS(v)) {
            mpz_clear(z);
            return MAKE_SMALLINT(v);
        }
    }
    IntObj *r = (IntObj *)obj_alloc(&Int_Type, 0);
    if (!r) { mpz_clear(z); return NULL; }
    r->z[0] = *z;       /* take ownership of the limbs */
    return OBJ(r);
}

Obj *int_from_mpz(mpz_srcptr z) {
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        if (SMALLINT_FITS(v)) return MAKE_SMALLINT(v);
    }
    IntObj *r = (IntObj *)obj_alloc(&Int_Type, 0);
    if (!r) return NULL;
    mpz_init_set(r->z, z);
    return OBJ(r);
}

Obj *int_from_long(long long v) {
    if (SMALLINT_FITS(v)) return MAKE_SMALLINT(v);
    mpz_t z;
    mpz_init_set_si(z, (long)v);
    return from_mpz_steal(z);
}

Obj *int_from_ulong(unsigned long long v) {
    if (v <= (unsigned long long)SMALLINT_MAX) return MAKE_SMALLINT((intptr_t)v);
    mpz_t z;
    mpz_init_set_ui(z, (unsigned long)v);
    return from_mpz_steal(z);
}

Obj *int_from_ssize(ssize_t v) { return int_from_long(v); }

Obj *int_from_double(double d) {
    if (isinf(d)) return err_set_str(&Exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return err_set_str(&Exc_ValueError, "cannot convert float NaN to integer");
    if (d > -2305843009213693952.0 && d < 2305843009213693952.0)   /* |d| < 2**61 */
        return MAKE_SMALLINT((intptr_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);
    return from_mpz_steal(z);
}

static void int_dealloc(Obj *o) {
    mpz_clear(INT_MPZ(o));
    obj_free(o);
}

/* ---- conversions --------------------------------------------------------- */

int int_as_long_overflow(Obj *o, long long *out) {
    if (IS_SMALLINT(o)) { *out = SMALLINT_VALUE(o); return 0; }
    if (TYPE(o) == &Bool_Type) { *out = (o == True_); return 0; }
    if (!mpz_fits_slong_p(INT_MPZ(o))) return 1;
    *out = mpz_get_si(INT_MPZ(o));
    return 0;
}

long long int_as_long(Obj *o) {
    long long v;
    if (!int_check(o)) {
        Obj *i = obj_index(o);
        if (!i) return -1;
        long long r = int_as_long(i);
        DECREF(i);
        return r;
    }
    if (int_as_long_overflow(o, &v)) {
        err_set_str(&Exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return v;
}

ssize_t int_as_ssize(Obj *o) {
    long long v;
    if (!int_check(o)) {
        Obj *i = obj_index(o);
        if (!i) return -1;
        ssize_t r = int_as_ssize(i);
        DECREF(i);
        return r;
    }
    if (int_as_long_overflow(o, &v)) {
        err_set_str(&Exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (ssize_t)v;
}

int int_sign(Obj *o) {
    IntTmp t;
    return mpz_sgn(int_view(o, &t));
}

bool int_is_zero(Obj *o) { return int_sign(o) == 0; }

Obj *int_normalize_exact(Obj *o) {
    if (IS_SMALLINT(o)) return o;
    if (TYPE(o) == &Int_Type) return NEWREF(o);
    IntTmp t;
    return int_from_mpz(int_view(o, &t));
}

/* Round q * 2**shift to a double, half-even, where q's lowest bit is a sticky
 * bit (q has at least 55 significant bits or is exact).  Handles subnormals.
 * Returns 0, or -1 on overflow. */
int int_round_to_double(uint64_t q, long shift, double *out) {
    if (q == 0) { *out = 0.0; return 0; }
    int qbits = 64 - __builtin_clzll(q);
    long drop = qbits - DBL_MANT_DIG;
    long mindrop = -1074 - shift;       /* lsb weight must be >= 2**-1074 */
    if (drop < mindrop) drop = mindrop;
    uint64_t m;
    if (drop <= 0) {
        m = q;
        drop = 0;
    } else if (drop >= 64) {
        m = 0;
        if (drop == qbits && q > ((uint64_t)1 << (qbits - 1))) m = 1;
    } else {
        m = q >> drop;
        uint64_t rem = q & (((uint64_t)1 << drop) - 1);
        uint64_t half = (uint64_t)1 << (drop - 1);
        if (rem > half || (rem == half && (m & 1))) m++;
    }
    double d = ldexp((double)m, (int)(shift + drop));
    if (isinf(d)) return -1;
    *out = d;
    return 0;
}

int int_mpz_to_double(mpz_srcptr z, double *out) {
    size_t nbits = mpz_sizeinbase(z, 2);
    if (nbits <= 53) { *out = mpz_get_d(z); return 0; }
    if (nbits > 1025) return -1;
    long shift = (long)nbits > 55 ? (long)nbits - 55 : 0;
    mpz_t t;
    mpz_init(t);
    mpz_abs(t, z);
    bool sticky = mpz_scan1(t, 0) < (mp_bitcnt_t)shift;
    mpz_tdiv_q_2exp(t, t, (mp_bitcnt_t)shift);
    uint64_t q = mpz_get_ui(t) | (sticky ? 1 : 0);
    mpz_clear(t);
    double d;
    if (int_round_to_double(q, shift, &d) < 0) return -1;
    *out = mpz_sgn(z) < 0 ? -d : d;
    return 0;
}

double int_as_double(Obj *o) {
    long long v;
    if (IS_SMALLINT(o)) {
        v = SMALLINT_VALUE(o);
        if (v >= -(1LL << 53) && v <= (1LL << 53)) return (double)v;
    }
    IntTmp t;
    double d;
    if (int_mpz_to_double(int_view(o, &t), &d) < 0) {
        err_set_str(&Exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

hash_t int_hash(Obj *o) {
    long long v;
    uint64_t h;
    bool neg;
    if (int_as_long_overflow(o, &v) == 0) {
        neg = v < 0;
        uint64_t a = neg ? -(uint64_t)v : (uint64_t)v;
        h = a % HASH_MOD;
    } else {
        mpz_srcptr z = INT_MPZ(o);
        neg = mpz_sgn(z) < 0;
        h = mpz_tdiv_ui(z, (unsigned long)HASH_MOD);
    }
    hash_t r = neg ? -(hash_t)h : (hash_t)h;
    if (r == -1) r = -2;
    return r;
}

/* ---- string conversion --------------------------------------------------- */

static Obj *digits_limit_error(int limit) {
    return err_format(&Exc_ValueError,
        "Exceeds the limit (%d digits) for integer string conversion; "
        "use sys.set_int_max_str_digits() to increase the limit", limit);
}

Obj *int_to_decimal_string(Obj *o) {
    char buf[32];
    long long v;
    if (int_as_long_overflow(o, &v) == 0) {
        char *p = buf + sizeof buf;
        unsigned long long u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
        do { *--p = (char)('0' + (int)(u % 10)); u /= 10; } while (u);
        if (v < 0) *--p = '-';
        return str_from_utf8(p, buf + sizeof buf - p);
    }
    mpz_srcptr z = INT_MPZ(o);
    int max_str_digits = int_get_max_str_digits();
    if (max_str_digits > 0) {
        /* cheap early reject: bits * log10(2) lower bound */
        size_t bits = mpz_sizeinbase(z, 2);
        if ((double)(bits - 1) * 0.30102999566398 > (double)max_str_digits + 1)
            return digits_limit_error(max_str_digits);
    }
    char *s = mpz_get_str(NULL, 10, z);
    size_t n = strlen(s);
    size_t ndig = n - (s[0] == '-');
    Obj *r;
    if (max_str_digits > 0 && ndig > (size_t)max_str_digits) r = digits_limit_error(max_str_digits);
    else r = str_from_utf8(s, (ssize_t)n);
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    freefunc(s, n + 1);
    return r;
}

Obj *int_format_base(Obj *o, int base) {
    IntTmp t;
    mpz_srcptr z = int_view(o, &t);
    if (base == 10) return int_to_decimal_string(o);
    const char *prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
    size_t cap = mpz_sizeinbase(z, base) + 4;
    char *buf = mem_alloc(cap);
    if (!buf) return NULL;
    size_t pos = 0;
    if (mpz_sgn(z) < 0) buf[pos++] = '-';
    buf[pos++] = prefix[0];
    buf[pos++] = prefix[1];
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    mpz_get_str(buf + pos, base, a);
    mpz_clear(a);
    Obj *r = str_from_cstr(buf);
    mem_free(buf);
    return r;
}

static Obj *int_repr(Obj *o) {
    return int_to_decimal_string(o);
}

/* ---- arithmetic ----------------------------------------------------------- */

#define BOTH_INTS(a, b) do { if (!int_check(a) || !int_check(b)) RETURN_NOTIMPL; } while (0)

Obj *int_add(Obj *a, Obj *b) {
    if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
        intptr_t r = SMALLINT_VALUE(a) + SMALLINT_VALUE(b);
        if (SMALLINT_FITS(r)) return MAKE_SMALLINT(r);
    }
    IntTmp ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_add(r, int_view(a, &ta), int_view(b, &tb));
    return from_mpz_steal(r);
}

Obj *int_sub(Obj *a, Obj *b) {
    if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
        intptr_t r = SMALLINT_VALUE(a) - SMALLINT_VALUE(b);
        if (SMALLINT_FITS(r)) return MAKE_SMALLINT(r);
    }
    IntTmp ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_sub(r, int_view(a, &ta), int_view(b, &tb));
    return from_mpz_steal(r);
}

Obj *int_mul(Obj *a, Obj *b) {
    if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
        long long r;
        if (!__builtin_mul_overflow((long long)SMALLINT_VALUE(a), (long long)SMALLINT_VALUE(b), &r)
            && SMALLINT_FITS(r))
            return MAKE_SMALLINT(r);
    }
    IntTmp ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_mul(r, int_view(a, &ta), int_view(b, &tb));
    return from_mpz_steal(r);
}

Obj *int_floordiv(Obj *a, Obj *b) {
    IntTmp ta, tb;
    mpz_srcptr y = int_view(b, &tb);
    if (mpz_sgn(y) == 0)
        return err_set_str(&Exc_ZeroDivisionError, "integer division or modulo by zero");
    if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
        intptr_t x = SMALLINT_VALUE(a), yv = SMALLINT_VALUE(b);
        intptr_t q = x / yv;
        if ((x % yv != 0) && ((x < 0) != (yv < 0))) q--;
        if (SMALLINT_FITS(q)) return MAKE_SMALLINT(q);
    }
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q(r, int_view(a, &ta), y);
    return from_mpz_steal(r);
}

Obj *int_mod(Obj *a, Obj *b) {
    IntTmp ta, tb;
    mpz_srcptr y = int_view(b, &tb);
    if (mpz_sgn(y) == 0)
        return err_set_str(&Exc_ZeroDivisionError, "integer modulo by zero");
    if (IS_SMALLINT(a) && IS_SMALLINT(b)) return int_mod_small(a, b);
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_r(r, int_view(a, &ta), y);
    return from_mpz_steal(r);
}

Obj *int_divmod(Obj *a, Obj *b) {
    BOTH_INTS(a, b);
    IntTmp ta, tb;
    mpz_srcptr y = int_view(b, &tb);
    if (mpz_sgn(y) == 0)
        return err_set_str(&Exc_ZeroDivisionError, "integer division or modulo by zero");
    mpz_t q, r;
    mpz_init(q);
    mpz_init(r);
    mpz_fdiv_qr(q, r, int_view(a, &ta), y);
    Obj *qo = from_mpz_steal(q);
    Obj *ro = from_mpz_steal(r);
    if (!qo || !ro) { XDECREF(qo); XDECREF(ro); return NULL; }
    Obj *t = tuple_new(2);
    if (!t) { DECREF(qo); DECREF(ro); return NULL; }
    TUPLE_SET(t, 0, qo);
    TUPLE_SET(t, 1, ro);
    return t;
}

Obj *int_truediv(Obj *a, Obj *b) {
    IntTmp ta, tb;
    mpz_srcptr x = int_view(a, &ta), y = int_view(b, &tb);
    if (mpz_sgn(y) == 0) return err_set_str(&Exc_ZeroDivisionError, "division by zero");
    size_t nx = mpz_sizeinbase(x, 2), ny = mpz_sizeinbase(y, 2);
    if (nx <= 53 && ny <= 53) return float_from_double(mpz_get_d(x) / mpz_get_d(y));
    if (mpz_sgn(x) == 0) return float_from_double(mpz_sgn(y) < 0 ? -0.0 : 0.0);
    bool neg = (mpz_sgn(x) < 0) != (mpz_sgn(y) < 0);
    long shift = (long)nx - (long)ny - 55;
    if (shift > 1100) return err_set_str(&Exc_OverflowError, "integer division result too large for a float");
    if (shift < -1200) return float_from_double(neg ? -0.0 : 0.0);
    mpz_t n, d, q, r;
    mpz_init(n); mpz_init(d); mpz_init(q); mpz_init(r);
    mpz_abs(n, x);
    mpz_abs(d, y);
    if (shift < 0) mpz_mul_2exp(n, n, (mp_bitcnt_t)(-shift));
    else mpz_mul_2exp(d, d, (mp_bitcnt_t)shift);
    mpz_tdiv_qr(q, r, n, d);
    uint64_t qv = mpz_get_ui(q) | (mpz_sgn(r) != 0 ? 1 : 0);
    mpz_clear(n); mpz_clear(d); mpz_clear(q); mpz_clear(r);
    double res;
    if (int_round_to_double(qv, shift, &res) < 0)
        return err_set_str(&Exc_OverflowError, "integer division result too large for a float");
    return float_from_double(neg ? -res : res);
}

static Obj *nb_add(Obj *a, Obj *b) { BOTH_INTS(a, b); return int_add(a, b); }
static Obj *nb_sub(Obj *a, Obj *b) { BOTH_INTS(a, b); return int_sub(a, b); }
static Obj *nb_mul(Obj *a, Obj *b) { BOTH_INTS(a, b); return int_mul(a, b); }
static Obj *nb_floordiv(Obj *a, Obj *b) { BOTH_INTS(a, b); return int_floordiv(a, b); }
static Obj *nb_mod(Obj *a, Obj *b) { BOTH_INTS(a, b); return int_mod(a, b); }
static Obj *nb_truediv(Obj *a, Obj *b) { BOTH_INTS(a, b); return int_truediv(a, b); }

static Obj *int_pow2(Obj *a, Obj *b) {
    IntTmp ta, tb;
    mpz_srcptr x = int_view(a, &ta), y = int_view(b, &tb);
    if (mpz_sgn(y) < 0) {
        double dx = int_as_double(a);
        if (dx == -1.0 && err_occurred()) return NULL;
        double dy = int_as_double(b);
        if (dy == -1.0 && err_occurred()) return NULL;
        return float_pow_double(dx, dy);
    }
    /* trivial bases */
    if (mpz_cmpabs_ui(x, 1) <= 0) {
        if (mpz_sgn(x) == 0) return MAKE_SMALLINT(mpz_sgn(y) == 0 ? 1 : 0);
        if (mpz_sgn(x) > 0) return MAKE_SMALLINT(1);
        return MAKE_SMALLINT(mpz_odd_p(y) ? -1 : 1);
    }
    if (!mpz_fits_ulong_p(y)) return err_no_memory();
    unsigned long e = mpz_get_ui(y);
    if (IS_SMALLINT(a) && e < 64) {
        long long base = SMALLINT_VALUE(a), acc = 1;
        bool ok = true;
        unsigned long k = e;
        long long p = base;
        while (k) {
            if (k & 1) { if (__builtin_mul_overflow(acc, p, &acc)) { ok = false; break; } }
            k >>= 1;
            if (k && __builtin_mul_overflow(p, p, &p)) { ok = false; break; }
        }
        if (ok) return int_from_long(acc);
    }
    double bits = (double)mpz_sizeinbase(x, 2) * (double)e;
    if (bits > (double)MAX_RESULT_BITS) return err_no_memory();
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, x, e);
    return from_mpz_steal(r);
}

static Obj *int_pow3(Obj *a, Obj *b, Obj *m) {
    if (m == NULL || m == None) {
        BOTH_INTS(a, b);
        return int_pow2(a, b);
    }
    if (!int_check(a) || !int_check(b) || !int_check(m)) RETURN_NOTIMPL;
    IntTmp ta, tb, tm;
    mpz_srcptr x = int_view(a, &ta), y = int_view(b, &tb), mod = int_view(m, &tm);
    if (mpz_sgn(mod) == 0) return err_set_str(&Exc_ValueError, "pow() 3rd argument cannot be 0");
    mpz_t am, base, r, e;
    mpz_init(am); mpz_init(base); mpz_init(r); mpz_init(e);
    mpz_abs(am, mod);
    mpz_set(base, x);
    mpz_abs(e, y);
    if (mpz_sgn(y) < 0) {
        if (!mpz_invert(base, base, am) || mpz_cmp_ui(am, 1) == 0) {
            bool one = mpz_cmp_ui(am, 1) == 0;
            if (!one) {
                mpz_clear(am); mpz_clear(base); mpz_clear(r); mpz_clear(e);
                return err_set_str(&Exc_ValueError, "base is not invertible for the given modulus");
            }
            mpz_set_ui(base, 0);
        }
    }
    mpz_powm(r, base, e, am);
    if (mpz_sgn(mod) < 0 && mpz_sgn(r) != 0) mpz_add(r, r, mod);
    mpz_clear(am); mpz_clear(base); mpz_clear(e);
    return from_mpz_steal(r);
}

static Obj *nb_pow(Obj *a, Obj *b) { BOTH_INTS(a, b); return int_pow2(a, b); }

static Obj *shift_count_error(Obj *b) {
    return err_set_str(&Exc_ValueError, "negative shift count");
}

static Obj *nb_lshift(Obj *a, Obj *b) {
    BOTH_INTS(a, b);
    IntTmp ta, tb;
    mpz_srcptr x = int_view(a, &ta), y = int_view(b, &tb);
    if (mpz_sgn(y) < 0) return shift_count_error(b);
    if (mpz_sgn(x) == 0) return MAKE_SMALLINT(0);
    if (!mpz_fits_slong_p(y)) return err_set_str(&Exc_OverflowError, "too many digits in integer");
    long n = mpz_get_si(y);
    if (IS_SMALLINT(a) && n < 62) {
        long long v = SMALLINT_VALUE(a);
        long long r = (long long)((unsigned long long)v << n);
        if ((r >> n) == v && SMALLINT_FITS(r)) return MAKE_SMALLINT(r);
    }
    if ((uint64_t)n + mpz_sizeinbase(x, 2) > MAX_RESULT_BITS) return err_no_memory();
    mpz_t r;
    mpz_init(r);
    mpz_mul_2exp(r, x, (mp_bitcnt_t)n);
    return from_mpz_steal(r);
}

static Obj *nb_rshift(Obj *a, Obj *b) {
    BOTH_INTS(a, b);
    IntTmp ta, tb;
    mpz_srcptr x = int_view(a, &ta), y = int_view(b, &tb);
    if (mpz_sgn(y) < 0) return shift_count_error(b);
    if (!mpz_fits_ulong_p(y) || mpz_get_ui(y) >= mpz_sizeinbase(x, 2) + 1)
        return MAKE_SMALLINT(mpz_sgn(x) < 0 ? -1 : 0);
    unsigned long n = mpz_get_ui(y);
    if (IS_SMALLINT(a)) {
        long long v = SMALLINT_VALUE(a);
        return MAKE_SMALLINT(n >= 63 ? (v < 0 ? -1 : 0) : (v >> n));
    }
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q_2exp(r, x, n);
    return from_mpz_steal(r);
}

static Obj *int_bitop(Obj *a, Obj *b, int op) {
    if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
        intptr_t x = SMALLINT_VALUE(a), y = SMALLINT_VALUE(b);
        return MAKE_SMALLINT(op == NB_AND ? (x & y) : op == NB_OR ? (x | y) : (x ^ y));
    }
    IntTmp ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_srcptr x = int_view(a, &ta), y = int_view(b, &tb);
    if (op == NB_AND) mpz_and(r, x, y);
    else if (op == NB_OR) mpz_ior(r, x, y);
    else mpz_xor(r, x, y);
    return from_mpz_steal(r);
}
static Obj *nb_and(Obj *a, Obj *b) { BOTH_INTS(a, b); return int_bitop(a, b, NB_AND); }
static Obj *nb_or(Obj *a, Obj *b) { BOTH_INTS(a, b); return int_bitop(a, b, NB_OR); }
static Obj *nb_xor(Obj *a, Obj *b) { BOTH_INTS(a, b); return int_bitop(a, b, NB_XOR); }

static Obj *int_neg(Obj *a) {
    if (IS_SMALLINT(a) && SMALLINT_VALUE(a) != SMALLINT_MIN) return MAKE_SMALLINT(-SMALLINT_VALUE(a));
    IntTmp t;
    mpz_t r;
    mpz_init(r);
    mpz_neg(r, int_view(a, &t));
    return from_mpz_steal(r);
}
static Obj *int_pos(Obj *a) { return int_normalize_exact(a); }
static Obj *int_abs(Obj *a) {
    if (int_sign(a) < 0) return int_neg(a);
    return int_normalize_exact(a);
}
static Obj *int_invert(Obj *a) {
    if (IS_SMALLINT(a)) return MAKE_SMALLINT(~SMALLINT_VALUE(a));
    IntTmp t;
    mpz_t r;
    mpz_init(r);
    mpz_com(r, int_view(a, &t));
    return from_mpz_steal(r);
}
static int int_bool(Obj *a) { return int_sign(a) != 0; }
static Obj *int_float(Obj *a) {
    double d = int_as_double(a);
    if (d == -1.0 && err_occurred()) return NULL;
    return float_from_double(d);
}

/* ---- comparison ----------------------------------------------------------- */

int int_compare(Obj *a, Obj *b) {
    if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
        intptr_t x = SMALLINT_VALUE(a), y = SMALLINT_VALUE(b);
        return x < y ? -1 : x > y;
    }
    IntTmp ta, tb;
    int c = mpz_cmp(int_view(a, &ta), int_view(b, &tb));
    return c < 0 ? -1 : c > 0;
}

int int_compare_double(Obj *a, double d) {
    if (isnan(d)) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    long long v;
    if (int_as_long_overflow(a, &v) == 0 && v >= -(1LL << 53) && v <= (1LL << 53)) {
        double x = (double)v;
        return x < d ? -1 : x > d;
    }
    double fl = floor(d);
    IntTmp t;
    mpz_srcptr z = int_view(a, &t);
    mpz_t f;
    mpz_init_set_d(f, fl);
    int c = mpz_cmp(z, f);
    mpz_clear(f);
    if (c < 0) return -1;
    if (c > 0) return 1;
    return fl == d ? 0 : -1;     /* z == floor(d) < d */
}

static bool cmp_result(int c, int op) {
    switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

Obj *int_compare_op(Obj *a, Obj *b, int op) {
    return BOOL(cmp_result(int_compare(a, b), op));
}

static Obj *int_richcompare(Obj *a, Obj *b, int op) {
    if (!int_check(a) || !int_check(b)) RETURN_NOTIMPL;
    return BOOL(cmp_result(int_compare(a, b), op));
}

/* ---- methods -------------------------------------------------------------- */

/* METH_NOARGS-style checks with CPython's messages ("int.bit_length() takes no arguments (1 given)"). */
static int noargs(const char *qualname, size_t nargs, Obj *kw) {
    if (kw && TUPLE_SIZE(kw) > 0) {
        err_format(&Exc_TypeError, "%s() takes no keyword arguments", qualname);
        return -1;
    }
    if (nargs) {
        err_format(&Exc_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
        return -1;
    }
    return 0;
}


static Obj *int_bit_length(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (noargs("int.bit_length", nargs, kw) < 0) return NULL;
    IntTmp t;
    mpz_srcptr z = int_view(self, &t);
    if (mpz_sgn(z) == 0) return MAKE_SMALLINT(0);
    return int_from_ulong(mpz_sizeinbase(z, 2));
}

static Obj *int_bit_count(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (noargs("int.bit_count", nargs, kw) < 0) return NULL;
    IntTmp t;
    mpz_srcptr z = int_view(self, &t);
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    unsigned long long c = mpz_popcount(a);
    mpz_clear(a);
    return int_from_ulong(c);
}

static Obj *int_as_integer_ratio(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (noargs("int.as_integer_ratio", nargs, kw) < 0) return NULL;
    Obj *n = int_normalize_exact(self);
    if (!n) return NULL;
    Obj *t = tuple_pack(2, n, MAKE_SMALLINT(1));
    DECREF(n);
    return t;
}

#define SELF_EXACT(cname, qual) \
    static Obj *cname(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { \
        if (noargs(qual, nargs, kw) < 0) return NULL; \
        return int_normalize_exact(self); }
SELF_EXACT(int_conjugate, "int.conjugate")
SELF_EXACT(int_trunc, "int.__trunc__")
SELF_EXACT(int_floor, "int.__floor__")
SELF_EXACT(int_ceil, "int.__ceil__")

static Obj *int_round(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__round__", kw) < 0 || args_count("__round__", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0 || args[0] == None) return int_normalize_exact(self);
    Obj *nd = obj_index(args[0]);
    if (!nd) return NULL;
    if (int_sign(nd) >= 0) { DECREF(nd); return int_normalize_exact(self); }
    /* round half to even to a multiple of 10**(-nd) */
    IntTmp tn, ts;
    mpz_srcptr ndz = int_view(nd, &tn);
    mpz_srcptr z = int_view(self, &ts);
    if (!mpz_fits_slong_p(ndz) || -(double)mpz_get_si(ndz) > (double)mpz_sizeinbase(z, 10) + 1) {
        DECREF(nd);
        return MAKE_SMALLINT(0);
    }
    unsigned long k = (unsigned long)(-mpz_get_si(ndz));
    DECREF(nd);
    mpz_t p, q, r, twice;
    mpz_init(p); mpz_init(q); mpz_init(r); mpz_init(twice);
    mpz_ui_pow_ui(p, 10, k);
    mpz_fdiv_qr(q, r, z, p);           /* z = q*p + r, 0 <= r < p */
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clear(p); mpz_clear(r); mpz_clear(twice);
    return from_mpz_steal(q);
}

static Obj *int_format_meth(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__format__", kw) < 0 || args_count("__format__", nargs, 1, 1) < 0) return NULL;
    if (!str_check(args[0]))
        return err_format(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    return numformat_int(self, args[0]);
}

static Obj *int_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    Obj *n = int_normalize_exact(self);
    if (!n) return NULL;
    Obj *t = tuple_pack(1, n);
    DECREF(n);
    return t;
}

static Obj *int_sizeof(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    IntTmp t;
    mpz_srcptr z = int_view(self, &t);
    size_t digits = (mpz_sizeinbase(z, 2) + 29) / 30;
    if (mpz_sgn(z) == 0) digits = 0;
    return int_from_ulong(24 + 4 * digits);
}

static Obj *int_divmod_meth(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__divmod__", kw) < 0 || args_count("__divmod__", nargs, 1, 1) < 0) return NULL;
    return int_divmod(self, args[0]);
}
static Obj *int_rdivmod_meth(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__rdivmod__", kw) < 0 || args_count("__rdivmod__", nargs, 1, 1) < 0) return NULL;
    return int_divmod(args[0], self);
}

Obj *int_to_bytes_meth(Obj *self, Obj *const *args, size_t nargs, Obj *kw);
Obj *int_from_bytes_meth(Obj *cls, Obj *const *args, size_t nargs, Obj *kw);

static MethodDef int_methods[] = {
    {"bit_length", int_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, 0, "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_to_bytes_meth, 0, "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes_meth, METH_CLASS, "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, 0, "Return integer ratio."},
    {"conjugate", int_conjugate, 0, "Returns self, the complex conjugate of any int."},
    {"__trunc__", int_trunc, 0, "Truncating an Integral returns itself."},
    {"__floor__", int_floor, 0, "Flooring an Integral returns itself."},
    {"__ceil__", int_ceil, 0, "Ceiling of an Integral returns itself."},
    {"__round__", int_round, 0, "Rounding an Integral returns itself."},
    {"__format__", int_format_meth, 0, NULL},
    {"__divmod__", int_divmod_meth, 0, "Return divmod(self, value)."},
    {"__rdivmod__", int_rdivmod_meth, 0, "Return divmod(value, self)."},
    {"__getnewargs__", int_getnewargs, 0, NULL},
    {"__sizeof__", int_sizeof, 0, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

static Obj *get_self(Obj *self, void *c) { return int_normalize_exact(self); }
static Obj *get_zero(Obj *self, void *c) { return MAKE_SMALLINT(0); }
static Obj *get_one(Obj *self, void *c) { return MAKE_SMALLINT(1); }

static GetSetDef int_getset[] = {
    {"real", get_self, NULL, "the real part of a complex number", NULL},
    {"imag", get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", get_one, NULL, "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static Obj *int_tp_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    static const char *const names[] = {"", "base"};
    Obj *out[2] = {NULL, NULL};
    size_t total = nargs + (kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0);
    if (total > 2) return err_format(&Exc_TypeError, "int() takes at most 2 arguments (%zu given)", total);
    if (args_parse("int", args, nargs, kwnames, names, 2, 0, 2, out) < 0) return NULL;
    return int_new_impl(type, out[0], out[1]);
}

static hash_t int_hash_slot(Obj *o) { return int_hash(o); }

TypeObj Int_Type = {
    TYPE_HEAD_INIT,
    .name = "int",
    .basicsize = sizeof(IntObj),
    .flags = TF_BASETYPE | TF_INT_SUBCLASS | TF_IMMUTABLETYPE,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
           "Convert a number or string to an integer, or return 0 if no arguments\n"
           "are given.",
    .dealloc = int_dealloc,
    .repr = int_repr,
    .hash = int_hash_slot,
    .richcompare = int_richcompare,
    .new_ = int_tp_new,
    .nb = {
        [NB_ADD] = nb_add, [NB_SUB] = nb_sub, [NB_MUL] = nb_mul,
        [NB_TRUEDIV] = nb_truediv, [NB_FLOORDIV] = nb_floordiv, [NB_MOD] = nb_mod,
        [NB_POW] = nb_pow, [NB_LSHIFT] = nb_lshift, [NB_RSHIFT] = nb_rshift,
        [NB_AND] = nb_and, [NB_OR] = nb_or, [NB_XOR] = nb_xor,
    },
    .nb_pow3 = int_pow3,
    .nb_neg = int_neg, .nb_pos = int_pos, .nb_abs = int_abs, .nb_invert = int_invert,
    .nb_bool = int_bool,
    .nb_int = int_pos, .nb_float = int_float, .nb_index = int_pos,
    .methods = int_methods,
    .getset = int_getset,
    .base = &Object_Type,
};
