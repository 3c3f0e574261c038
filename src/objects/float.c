/* float.c — the float type: arithmetic, comparison (exact against ints),
 * hashing compatible with int hashing, construction.  Repr/format/hex/round
 * helpers live in floatformat.c. */
#include "objects/int.h"
#include <math.h>
#include <float.h>
#include <errno.h>
#include <stdlib.h>

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

/* Free list of exact-float blocks.  Objects are only created and destroyed
 * with the GIL held, so a plain list is safe; a free-threaded build must make
 * it per-thread.  Float_Type is neither GC-tracked nor a heap type, so a block
 * is exactly sizeof(FloatObj) and obj_free() (free) can release it. */
#define FLOAT_FREELIST_MAX 256
static FloatObj *float_freelist;
static int float_freelist_len;

Obj *float_from_double(double d) {
    FloatObj *f = float_freelist;
    if (LIKELY(f != NULL)) {
        float_freelist = *(FloatObj **)f;
        float_freelist_len--;
    } else {
        f = malloc(sizeof(FloatObj));
        if (!f) return err_no_memory();
    }
    f->ob_base.refcnt = 1;
    f->ob_base.type = &Float_Type;
    f->value = d;
    return OBJ(f);
}

static void float_dealloc(Obj *o) {
    if (TYPE(o) == &Float_Type && float_freelist_len < FLOAT_FREELIST_MAX) {
        *(FloatObj **)o = float_freelist;
        float_freelist = (FloatObj *)o;
        float_freelist_len++;
        return;
    }
    obj_free(o);
}

double float_as_double(Obj *o) {
    if (float_check(o)) return FLOAT_VAL(o);
    if (int_check(o)) return int_as_double(o);
    TypeObj *t = TYPE(o);
    if (t->nb_float) {
        Obj *r = t->nb_float(o);
        if (!r) return -1.0;
        if (!float_check(r)) {
            err_format(&Exc_TypeError, "%s.__float__ returned non-float (type %T)", type_name(t), r);
            DECREF(r);
            return -1.0;
        }
        double d = FLOAT_VAL(r);
        DECREF(r);
        return d;
    }
    if (t->nb_index) {
        Obj *i = obj_index(o);
        if (!i) return -1.0;
        double d = int_as_double(i);
        DECREF(i);
        return d;
    }
    err_format(&Exc_TypeError, "must be real number, not %T", o);
    return -1.0;
}

hash_t float_hash_double(double d) {
    if (isinf(d)) return d > 0 ? 314159 : -314159;
    if (isnan(d)) return 0;
    int e;
    double m = frexp(fabs(d), &e);         /* |d| = m * 2**e, 0.5 <= m < 1 */
    /* take the 53-bit integer mantissa: |d| = M * 2**(e-53) */
    uint64_t M = (uint64_t)ldexp(m, 53);
    long ex = (long)e - 53;
    long s = ex % HASH_BITS;
    if (s < 0) s += HASH_BITS;
    unsigned __int128 x = ((unsigned __int128)(M % HASH_MOD)) << s;
    uint64_t h = (uint64_t)(x % HASH_MOD);
    hash_t r = d < 0 ? -(hash_t)h : (hash_t)h;
    if (r == -1) r = -2;
    return r;
}

static hash_t float_hash(Obj *o) {
    double d = FLOAT_VAL(o);
    if (isnan(d)) {
        /* CPython 3.10+: identity-based hash for nan */
        uintptr_t p = (uintptr_t)o;
        hash_t h = (hash_t)((p >> 4) | (p << (8 * sizeof(p) - 4)));
        return h == -1 ? -2 : h;
    }
    return float_hash_double(d);
}

static Obj *float_repr(Obj *o) { return float_repr_double(FLOAT_VAL(o)); }

/* Convert a number operand: 1 ok, 0 not a number we handle, -1 error. */
static int to_double(Obj *o, double *out) {
    if (float_check(o)) { *out = FLOAT_VAL(o); return 1; }
    if (int_check(o)) {
        double d = int_as_double(o);
        if (d == -1.0 && err_occurred()) return -1;
        *out = d;
        return 1;
    }
    return 0;
}

#define CONVERT2(a, b, x, y) do { \
    int r1_ = to_double(a, &x); if (r1_ <= 0) { if (r1_ < 0) return NULL; RETURN_NOTIMPL; } \
    int r2_ = to_double(b, &y); if (r2_ <= 0) { if (r2_ < 0) return NULL; RETURN_NOTIMPL; } \
} while (0)

static Obj *f_add(Obj *a, Obj *b) { double x, y; CONVERT2(a, b, x, y); return float_from_double(x + y); }
static Obj *f_sub(Obj *a, Obj *b) { double x, y; CONVERT2(a, b, x, y); return float_from_double(x - y); }
static Obj *f_mul(Obj *a, Obj *b) { double x, y; CONVERT2(a, b, x, y); return float_from_double(x * y); }
static Obj *f_truediv(Obj *a, Obj *b) {
    double x, y;
    CONVERT2(a, b, x, y);
    if (y == 0.0) return err_set_str(&Exc_ZeroDivisionError, "float division by zero");
    return float_from_double(x / y);
}

static void float_divmod_raw(double vx, double wx, double *floordiv, double *mod) {
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m != 0.0) {
        if ((wx < 0) != (m < 0)) { m += wx; div -= 1.0; }
    } else {
        m = copysign(0.0, wx);
    }
    double fd;
    if (div != 0.0) {
        fd = floor(div);
        if (div - fd > 0.5) fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *mod = m;
}

static Obj *f_mod(Obj *a, Obj *b) {
    double x, y;
    CONVERT2(a, b, x, y);
    if (y == 0.0) return err_set_str(&Exc_ZeroDivisionError, "float modulo");
    double m = fmod(x, y);
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) m += y;
    } else {
        m = copysign(0.0, y);
    }
    return float_from_double(m);
}

static Obj *f_floordiv(Obj *a, Obj *b) {
    double x, y, q, m;
    CONVERT2(a, b, x, y);
    if (y == 0.0) return err_set_str(&Exc_ZeroDivisionError, "float floor division by zero");
    float_divmod_raw(x, y, &q, &m);
    return float_from_double(q);
}

Obj *float_divmod(Obj *a, Obj *b) {
    double x, y, q, m;
    CONVERT2(a, b, x, y);
    if (y == 0.0) return err_set_str(&Exc_ZeroDivisionError, "float divmod()");
    float_divmod_raw(x, y, &q, &m);
    Obj *qo = float_from_double(q);
    if (!qo) return NULL;
    Obj *mo = float_from_double(m);
    if (!mo) { DECREF(qo); return NULL; }
    Obj *t = tuple_new(2);
    if (!t) { DECREF(qo); DECREF(mo); return NULL; }
    TUPLE_SET(t, 0, qo);
    TUPLE_SET(t, 1, mo);
    return t;
}

static bool is_odd_integer(double w) {
    return fmod(fabs(w), 2.0) == 1.0;
}

Obj *complex_pow_doubles(double ar, double ai, double br, double bi);

Obj *float_pow_double(double iv, double iw) {
    if (iw == 0.0) return float_from_double(1.0);
    if (isnan(iv)) return float_from_double(iv);
    if (isnan(iw)) return float_from_double(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        double av = fabs(iv);
        if (av == 1.0) return float_from_double(1.0);
        if ((iw > 0) == (av > 1.0)) return float_from_double(fabs(iw));
        return float_from_double(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0) return float_from_double(odd ? iv : fabs(iv));
        return float_from_double(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0)
            return err_set_str(&Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_from_double(odd ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw)) return complex_pow_doubles(iv, 0.0, iw, 0.0);
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) return float_from_double(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (negate) ix = -ix;
    if (isinf(ix)) {
        Obj *msg = str_from_cstr("Numerical result out of range");
        if (!msg) return NULL;
        Obj *t = tuple_pack(2, MAKE_SMALLINT(34), msg);
        DECREF(msg);
        if (!t) return NULL;
        err_set_obj(&Exc_OverflowError, t);
        DECREF(t);
        return NULL;
    }
    return float_from_double(ix);
}

static Obj *f_pow(Obj *a, Obj *b) {
    double x, y;
    CONVERT2(a, b, x, y);
    return float_pow_double(x, y);
}

static Obj *f_pow3(Obj *a, Obj *b, Obj *m) {
    if (m && m != None)
        return err_set_str(&Exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return f_pow(a, b);
}

static Obj *f_neg(Obj *a) { return float_from_double(-FLOAT_VAL(a)); }
static Obj *f_pos(Obj *a) {
    if (TYPE(a) == &Float_Type) return NEWREF(a);
    return float_from_double(FLOAT_VAL(a));
}
static Obj *f_abs(Obj *a) { return float_from_double(fabs(FLOAT_VAL(a))); }
static int f_bool(Obj *a) { return FLOAT_VAL(a) != 0.0; }
static Obj *f_int(Obj *a) { return int_from_double(FLOAT_VAL(a)); }

static Obj *float_richcompare(Obj *a, Obj *b, int op) {
    if (!float_check(a)) RETURN_NOTIMPL;
    double x = FLOAT_VAL(a);
    int c;
    if (float_check(b)) {
        double y = FLOAT_VAL(b);
        if (isnan(x) || isnan(y)) c = 2;
        else c = x < y ? -1 : x > y;
    } else if (int_check(b)) {
        c = int_compare_double(b, x);
        if (c != 2) c = -c;
    } else {
        RETURN_NOTIMPL;
    }
    if (c == 2) RETURN_BOOL(op == CMP_NE);
    switch (op) {
    case CMP_LT: RETURN_BOOL(c < 0);
    case CMP_LE: RETURN_BOOL(c <= 0);
    case CMP_EQ: RETURN_BOOL(c == 0);
    case CMP_NE: RETURN_BOOL(c != 0);
    case CMP_GT: RETURN_BOOL(c > 0);
    default: RETURN_BOOL(c >= 0);
    }
}

/* ---- construction --------------------------------------------------------- */

static bool sp(char c) { return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f); }

static bool word_ieq(const char *s, size_t n, const char *w) {
    if (strlen(w) != n) return false;
    for (size_t i = 0; i < n; i++) if ((s[i] | 0x20) != w[i]) return false;
    return true;
}

int float_parse_cstr(const char *s, size_t n, double *out) {
    const char *p = s, *end = s + n;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) { neg = *p == '-'; p++; }
    size_t rest = (size_t)(end - p);
    if (word_ieq(p, rest, "inf") || word_ieq(p, rest, "infinity")) { *out = neg ? -INFINITY : INFINITY; return 0; }
    if (word_ieq(p, rest, "nan")) { *out = neg ? -NAN : NAN; return 0; }
    /* validate decimal grammar */
    const char *q = p;
    size_t nd = 0;
    while (q < end && *q >= '0' && *q <= '9') { q++; nd++; }
    if (q < end && *q == '.') {
        q++;
        while (q < end && *q >= '0' && *q <= '9') { q++; nd++; }
    }
    if (nd == 0) return -1;
    if (q < end && (*q == 'e' || *q == 'E')) {
        q++;
        if (q < end && (*q == '+' || *q == '-')) q++;
        size_t ne = 0;
        while (q < end && *q >= '0' && *q <= '9') { q++; ne++; }
        if (ne == 0) return -1;
    }
    if (q != end) return -1;
    char stackbuf[128];
    char *buf = n < sizeof stackbuf ? stackbuf : mem_alloc(n + 1);
    if (!buf) { err_clear(); return -1; }
    memcpy(buf, s, n);
    buf[n] = 0;
    *out = strtod(buf, NULL);
    if (buf != stackbuf) mem_free(buf);
    return 0;
}

/* Parse text (ASCII, after Unicode transform): strip, remove valid '_'. */
static int parse_float_text(const char *s, ssize_t n, double *out) {
    const char *p = s, *end = s + n;
    while (p < end && sp(*p)) p++;
    while (end > p && sp(end[-1])) end--;
    size_t len = (size_t)(end - p);
    if (len == 0) return -1;
    if (!memchr(p, '_', len)) return float_parse_cstr(p, len, out);
    char *buf = mem_alloc(len + 1);
    if (!buf) { err_clear(); return -1; }
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '_') {
            bool okprev = i > 0 && p[i - 1] >= '0' && p[i - 1] <= '9';
            bool oknext = i + 1 < len && p[i + 1] >= '0' && p[i + 1] <= '9';
            if (!okprev || !oknext) { mem_free(buf); return -1; }
            continue;
        }
        buf[k++] = p[i];
    }
    int r = float_parse_cstr(buf, k, out);
    mem_free(buf);
    return r;
}

static Obj *float_from_text(const char *s, ssize_t n, Obj *src, bool is_str) {
    double d;
    int r;
    bool ascii = true;
    for (ssize_t i = 0; i < n; i++) if ((unsigned char)s[i] >= 0x80 || s[i] == 0) { ascii = false; break; }
    if (ascii) r = parse_float_text(s, n, &d);
    else if (!is_str) r = -1;
    else {
        ssize_t an;
        char *a = int_transform_ascii(s, n, &an);
        if (!a) return NULL;
        r = memchr(a, 0, (size_t)an) ? -1 : parse_float_text(a, an, &d);
        mem_free(a);
    }
    if (r < 0) return err_format(&Exc_ValueError, "could not convert string to float: %R", src);
    return float_from_double(d);
}

static Obj *float_from_any(Obj *x) {
    if (TYPE(x) == &Float_Type) return NEWREF(x);
    if (str_check(x)) return float_from_text(STR_DATA(x), STR_SIZE(x), x, true);
    if (bytes_check(x)) return float_from_text(BYTES_DATA(x), BYTES_SIZE(x), x, false);
    if (!IS_SMALLINT(x) && type_is_subtype(TYPE(x), &ByteArray_Type))
        return float_from_text(((ByteArrayObj *)x)->data, ((ByteArrayObj *)x)->size, x, false);
    TypeObj *t = TYPE(x);
    if (t->nb_float) {
        Obj *r = t->nb_float(x);
        if (!r) return NULL;
        if (TYPE(r) == &Float_Type) return r;
        if (!float_check(r)) {
            err_format(&Exc_TypeError, "%s.__float__ returned non-float (type %T)", type_name(t), r);
            DECREF(r);
            return NULL;
        }
        Obj *f = float_from_double(FLOAT_VAL(r));
        DECREF(r);
        return f;
    }
    if (t->nb_index) {
        Obj *i = obj_index(x);
        if (!i) return NULL;
        double d = int_as_double(i);
        DECREF(i);
        if (d == -1.0 && err_occurred()) return NULL;
        return float_from_double(d);
    }
    return err_format(&Exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                      type_name(t));
}

Obj *float_from_object(Obj *o) { return float_from_any(o); }

static Obj *float_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames) > 0)
        return err_set_str(&Exc_TypeError, "float() takes no keyword arguments");
    if (nargs > 1) return err_format(&Exc_TypeError, "float expected at most 1 argument, got %zu", nargs);
    Obj *r = nargs == 0 ? float_from_double(0.0) : float_from_any(args[0]);
    if (!r || type == &Float_Type) return r;
    FloatObj *f = (FloatObj *)type_generic_alloc(type, 0);
    if (f) f->value = FLOAT_VAL(r);
    DECREF(r);
    return OBJ(f);
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
#define NOARGS(name) do { if (noargs("float." name, nargs, kw) < 0) return NULL; } while (0)

static Obj *m_is_integer(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    NOARGS("is_integer");
    double d = FLOAT_VAL(self);
    RETURN_BOOL(isfinite(d) && floor(d) == d);
}

static Obj *m_as_integer_ratio(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    NOARGS("as_integer_ratio");
    double d = FLOAT_VAL(self);
    if (isinf(d)) return err_set_str(&Exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d)) return err_set_str(&Exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(d, &e);
    int i;
    for (i = 0; i < 300 && m != floor(m); i++) { m *= 2.0; e--; }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else mpz_mul_2exp(den, den, (mp_bitcnt_t)(-e));
    Obj *n = int_from_mpz(num), *dd = int_from_mpz(den);
    mpz_clear(num);
    mpz_clear(den);
    if (!n || !dd) { XDECREF(n); XDECREF(dd); return NULL; }
    Obj *t = tuple_pack(2, n, dd);
    DECREF(n);
    DECREF(dd);
    return t;
}

static Obj *m_conjugate(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    NOARGS("conjugate");
    return f_pos(self);
}
static Obj *m_trunc(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    NOARGS("__trunc__");
    return int_from_double(FLOAT_VAL(self));
}
static Obj *m_floor(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    NOARGS("__floor__");
    return int_from_double(floor(FLOAT_VAL(self)));
}
static Obj *m_ceil(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    NOARGS("__ceil__");
    return int_from_double(ceil(FLOAT_VAL(self)));
}

Obj *float_round_meth(double x, Obj *ndigits);   /* floatformat.c */
Obj *float_hex_double(double x);                 /* floatformat.c */
Obj *float_fromhex_str(Obj *s);                  /* floatformat.c */

static Obj *m_round(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__round__", kw) < 0 || args_count("__round__", nargs, 0, 1) < 0) return NULL;
    return float_round_meth(FLOAT_VAL(self), nargs ? args[0] : NULL);
}

static Obj *m_hex(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    NOARGS("hex");
    return float_hex_double(FLOAT_VAL(self));
}

static Obj *m_fromhex(Obj *cls, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("float.fromhex", kw) < 0) return NULL;
    if (nargs != 1)
        return err_format(&Exc_TypeError, "float.fromhex() takes exactly one argument (%zu given)", nargs);
    if (!str_check(args[0])) return err_set_str(&Exc_TypeError, "bad argument type for built-in operation");
    Obj *r = float_fromhex_str(args[0]);
    if (!r || (TypeObj *)cls == &Float_Type) return r;
    Obj *x = obj_call1(cls, r);
    DECREF(r);
    return x;
}

static Obj *m_format(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__format__", kw) < 0 || args_count("__format__", nargs, 1, 1) < 0) return NULL;
    if (!str_check(args[0]))
        return err_format(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    return numformat_float(FLOAT_VAL(self), args[0], type_name(TYPE(self)));
}

static Obj *m_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    Obj *f = float_from_double(FLOAT_VAL(self));
    if (!f) return NULL;
    Obj *t = tuple_pack(1, f);
    DECREF(f);
    return t;
}

static Obj *m_getformat(Obj *cls, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__getformat__", kw) < 0 || args_count("__getformat__", nargs, 1, 1) < 0) return NULL;
    if (!str_check(args[0]))
        return err_format(&Exc_TypeError, "__getformat__() argument must be str, not %T", args[0]);
    if (!str_eq_cstr(args[0], "double") && !str_eq_cstr(args[0], "float"))
        return err_set_str(&Exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return str_from_cstr("IEEE, little-endian");
}

static Obj *m_divmod(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__divmod__", kw) < 0 || args_count("__divmod__", nargs, 1, 1) < 0) return NULL;
    return float_divmod(self, args[0]);
}
static Obj *m_rdivmod(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__rdivmod__", kw) < 0 || args_count("__rdivmod__", nargs, 1, 1) < 0) return NULL;
    return float_divmod(args[0], self);
}

static MethodDef float_methods[] = {
    {"is_integer", m_is_integer, 0, "Return True if the float is an integer."},
    {"as_integer_ratio", m_as_integer_ratio, 0, "Return integer ratio."},
    {"conjugate", m_conjugate, 0, "Return self, the complex conjugate of any float."},
    {"hex", m_hex, 0, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", m_fromhex, METH_CLASS, "Create a floating-point number from a hexadecimal string."},
    {"__trunc__", m_trunc, 0, "Return the Integral closest to x between 0 and x."},
    {"__floor__", m_floor, 0, "Return the floor as an Integral."},
    {"__ceil__", m_ceil, 0, "Return the ceiling as an Integral."},
    {"__round__", m_round, 0, "Return the Integral closest to x, rounding half toward even."},
    {"__format__", m_format, 0, "Formats the float according to format_spec."},
    {"__getnewargs__", m_getnewargs, 0, NULL},
    {"__getformat__", m_getformat, METH_CLASS, NULL},
    {"__divmod__", m_divmod, 0, "Return divmod(self, value)."},
    {"__rdivmod__", m_rdivmod, 0, "Return divmod(value, self)."},
    {NULL, NULL, 0, NULL}
};

static Obj *get_real(Obj *self, void *c) { return f_pos(self); }
static Obj *get_imag(Obj *self, void *c) { return float_from_double(0.0); }

static GetSetDef float_getset[] = {
    {"real", get_real, NULL, "the real part of a complex number", NULL},
    {"imag", get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

TypeObj Float_Type = {
    TYPE_HEAD_INIT,
    .name = "float",
    .basicsize = sizeof(FloatObj),
    .flags = TF_BASETYPE | TF_IMMUTABLETYPE,
    .doc = "Convert a string or number to a floating point number, if possible.",
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .new_ = float_new,
    .nb = {
        [NB_ADD] = f_add, [NB_SUB] = f_sub, [NB_MUL] = f_mul, [NB_TRUEDIV] = f_truediv,
        [NB_FLOORDIV] = f_floordiv, [NB_MOD] = f_mod, [NB_POW] = f_pow,
    },
    .nb_pow3 = f_pow3,
    .nb_neg = f_neg, .nb_pos = f_pos, .nb_abs = f_abs, .nb_bool = f_bool,
    .nb_int = f_int, .nb_float = f_pos,
    .methods = float_methods,
    .getset = float_getset,
    .base = &Object_Type,
};
