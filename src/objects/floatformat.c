/* floatformat.c — float to text (repr, 'e'/'f'/'g' formatting), hex/fromhex,
 * round().
 *
 * repr: the shortest digit string that round-trips, found by trying
 * precisions 1..17 with "%.*e" and strtod; laid out like CPython (fixed
 * notation when -4 <= exponent < 16, else scientific).  glibc's printf is
 * exact (correctly rounded, ties-to-even on the exact binary value), which is
 * what CPython's dtoa produces for 'e', 'f' and 'g'.
 */
#include "objects/int.h"
#include <math.h>
#include <float.h>
#include <stdlib.h>

static const uint64_t pow10_tab[20] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull,
    1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
    100000000000000ull, 1000000000000000ull, 10000000000000000ull, 100000000000000000ull,
    1000000000000000000ull, 10000000000000000000ull,
};

/* Parse "d.ddde[+-]XX" into digits (no dot) and exponent; returns count. */
static int split_e(const char *buf, char *digits, int *exp10) {
    int n = 0;
    const char *s = buf;
    while (*s && *s != 'e') {
        if (*s >= '0' && *s <= '9') digits[n++] = *s;
        s++;
    }
    *exp10 = atoi(s + 1);
    return n;
}

/* Does digits[0..p) * 10**(e-p+1) read back as d? */
static bool roundtrips(const char *digits, int p, int e, double d) {
    char buf[48];
    int k = 0;
    buf[k++] = digits[0];
    buf[k++] = '.';
    memcpy(buf + k, digits + 1, (size_t)p - 1);
    k += p - 1;
    snprintf(buf + k, sizeof buf - (size_t)k, "e%d", e);
    return strtod(buf, NULL) == d;
}

static double digits_value(const char *digits, int p, int e) {
    char buf[48];
    int k = 0;
    buf[k++] = digits[0];
    buf[k++] = '.';
    memcpy(buf + k, digits + 1, (size_t)p - 1);
    k += p - 1;
    snprintf(buf + k, sizeof buf - (size_t)k, "e%d", e);
    return strtod(buf, NULL);
}

/* cand (16 digits, exponent *e) does not round-trip; step it one unit toward
 * and past d and test again.  On success cand/e hold the new digits. */
static bool try_other_side(char *cand, int *e, double d) {
    double v = digits_value(cand, 16, *e);
    char c[24];
    int ce = *e;
    memcpy(c, cand, 16);
    if (v < d) {
        int i = 15;
        while (i >= 0 && c[i] == '9') c[i--] = '0';
        if (i >= 0) c[i]++;
        else { c[0] = '1'; ce++; }
    } else {
        int i = 15;
        while (i >= 0 && c[i] == '0') c[i--] = '9';
        if (i >= 0) c[i]--;
        if (c[0] == '0') {          /* 1000.. -> 0999..: renormalise */
            memmove(c, c + 1, 15);
            c[15] = '9';
            ce--;
        }
    }
    if (!roundtrips(c, 16, ce, d)) return false;
    memcpy(cand, c, 16);
    *e = ce;
    return true;
}


/* The 17 significant digits of a ("%.16e", correctly rounded half-even) by
 * exact 128-bit arithmetic, for 1e-5 <= a < 1e22.  false = out of range. */
static bool fast_e17(double a, char *d17, int *exp10) {
    if (!(a >= 1e-5 && a < 1e22)) return false;
    int e;
    double m = frexp(a, &e);
    uint64_t M = (uint64_t)ldexp(m, 53);
    int E = e - 53;
    int k = (int)floor(log10(a));
    for (int tries = 0; tries < 3; tries++) {
        int sc = 16 - k;
        unsigned __int128 q;
        if (sc >= 0) {
            if (sc > 22) return false;
            unsigned __int128 scale = sc < 20 ? pow10_tab[sc] : (unsigned __int128)pow10_tab[19] * pow10_tab[sc - 19];
            unsigned __int128 n = (unsigned __int128)M * scale;
            if (E >= 0) {
                if (E > 40) return false;
                q = n << E;
            } else {
                int sh = -E;
                if (sh > 126) return false;
                q = n >> sh;
                unsigned __int128 rem = n - (q << sh);
                unsigned __int128 half = (unsigned __int128)1 << (sh - 1);
                if (rem > half || (rem == half && (q & 1))) q++;
            }
        } else {
            int t = -sc;
            if (t > 19 || E < 0 || E > 70) return false;
            unsigned __int128 v = (unsigned __int128)M << E;
            q = v / pow10_tab[t];
            unsigned __int128 rem = v - q * pow10_tab[t];
            unsigned __int128 twice = rem * 2;
            if (twice > pow10_tab[t] || (twice == pow10_tab[t] && (q & 1))) q++;
        }
        const unsigned __int128 lo = (unsigned __int128)pow10_tab[16];
        const unsigned __int128 hi = (unsigned __int128)pow10_tab[17];
        if (q < lo) { k--; continue; }
        if (q > hi) { k++; continue; }
        if (q == hi) { q = lo; k++; }
        for (int i = 16; i >= 0; i--) { d17[i] = (char)('0' + (int)(q % 10)); q /= 10; }
        *exp10 = k;
        return true;
    }
    return false;
}

/* Shortest round-trip digits of finite |d| > 0: digits (no dot) and decimal
 * exponent of the first digit.  Returns number of digits.
 *
 * Normal doubles carry more than 15 significant digits, so if any decimal
 * with <= 15 digits round-trips it is the 15-digit rounding of d (trailing
 * zeros stripped); else the 16-digit rounding if it round-trips; else the
 * 17-digit one.  One "%.16e" gives the 17-digit rounding D17; the 15- and
 * 16-digit roundings of d follow from D17's tail unless that tail is exactly
 * half ("50" / "5"), where printf is asked again. */
static int shortest_digits(double d, char *digits, int *exp10) {
    char buf[48];
    int n, e;
    if (d < DBL_MIN) {
        int p;
        for (p = 1; p <= 17; p++) {
            snprintf(buf, sizeof buf, "%.*e", p - 1, d);
            if (p == 17 || strtod(buf, NULL) == d) break;
        }
        n = split_e(buf, digits, exp10);
    } else {
        char d17[24];
        if (!fast_e17(d, d17, &e)) {
            snprintf(buf, sizeof buf, "%.16e", d);
            split_e(buf, d17, &e);
        }
        n = 17;
        for (int p = 15; p <= 16; p++) {
            char cand[24];
            int ce = e;
            int tail = p == 15 ? (d17[15] - '0') * 10 + (d17[16] - '0') : d17[16] - '0';
            int half = p == 15 ? 50 : 5;
            if (tail == half) {
                snprintf(buf, sizeof buf, "%.*e", p - 1, d);
                split_e(buf, cand, &ce);
            } else {
                memcpy(cand, d17, (size_t)p);
                if (tail > half) {
                    int i = p - 1;
                    while (i >= 0 && cand[i] == '9') cand[i--] = '0';
                    if (i >= 0) cand[i]++;
                    else { cand[0] = '1'; ce++; }   /* 99..9 -> 100..0 */
                }
            }
            if (roundtrips(cand, p, ce, d)) {
                memcpy(digits, cand, (size_t)p);
                n = p;
                e = ce;
                break;
            }
            if (p == 16 && try_other_side(cand, &ce, d)) {
                /* powers of two: the rounding interval is asymmetric, so the
                 * 16-digit neighbour on the far side of d may round-trip */
                memcpy(digits, cand, 16);
                n = 16;
                e = ce;
                break;
            }
        }
        if (n == 17) memcpy(digits, d17, 17);
        *exp10 = e;
    }
    while (n > 1 && digits[n - 1] == '0') n--;
    digits[n] = 0;
    return n;
}

/* Lay out digits with decimal exponent e (value = 0.d1d2.. * 10**(e+1)). */
static void layout(StrBuilder *sb, const char *digits, int n, int e, bool sci, bool dot0, bool alt, char echar) {
    if (!sci) {
        int decpt = e + 1;
        if (decpt <= 0) {
            sb_append(sb, "0.", 2);
            for (int i = 0; i < -decpt; i++) sb_append(sb, "0", 1);
            sb_append(sb, digits, n);
        } else if (decpt >= n) {
            sb_append(sb, digits, n);
            for (int i = n; i < decpt; i++) sb_append(sb, "0", 1);
            if (dot0) sb_append(sb, ".0", 2);
            else if (alt) sb_append(sb, ".", 1);
        } else {
            sb_append(sb, digits, decpt);
            sb_append(sb, ".", 1);
            sb_append(sb, digits + decpt, n - decpt);
        }
    } else {
        sb_append(sb, digits, 1);
        if (n > 1) {
            sb_append(sb, ".", 1);
            sb_append(sb, digits + 1, n - 1);
        } else if (alt) {
            sb_append(sb, ".", 1);
        }
        char eb[16];
        int k = snprintf(eb, sizeof eb, "%c%c%02d", echar, e < 0 ? '-' : '+', e < 0 ? -e : e);
        sb_append(sb, eb, k);
    }
}

/* '%.<p>f' of a finite d without printf when the exact value fits 128-bit
 * arithmetic: d = M * 2**E, so d * 10**p = M * 10**p * 2**E, rounded half to
 * even exactly.  Returns false (nothing written) when out of range. */
static bool fast_fixed(StrBuilder *sb, double d, int p, int flags) {
    if (!isfinite(d)) return false;
    bool neg = signbit(d) != 0;
    double a = fabs(d);
    unsigned __int128 q;
    unsigned __int128 scale = p < 20 ? pow10_tab[p] : (unsigned __int128)pow10_tab[19] * pow10_tab[p - 19];
    if (a == 0.0) {
        q = 0;
    } else {
        int e;
        double m = frexp(a, &e);                /* a = m * 2**e, 0.5 <= m < 1 */
        uint64_t M = (uint64_t)ldexp(m, 53);    /* a = M * 2**(e-53) */
        int E = e - 53;
        if (E >= 0) {
            if (E + 53 + 4 * p > 124) return false;
            q = ((unsigned __int128)M * scale) << E;
        } else {
            int sh = -E;
            if (sh > 120) return false;
            unsigned __int128 n = (unsigned __int128)M * scale;   /* < 2**127 */
            q = n >> sh;
            unsigned __int128 rem = n - (q << sh);
            unsigned __int128 half = (unsigned __int128)1 << (sh - 1);
            if (rem > half || (rem == half && (q & 1))) q++;
        }
    }
    char digits[64];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + (int)(q % 10));
        q /= 10;
    } while (q);
    while (nd <= p) digits[nd++] = '0';        /* at least one integer digit */
    bool allzero = true;
    for (int i = 0; i < nd; i++) if (digits[i] != '0') { allzero = false; break; }
    if (neg && !(allzero && (flags & FLOAT_FMT_NO_NEG_0))) sb_append(sb, "-", 1);
    else if (flags & FLOAT_FMT_SIGN) sb_append(sb, "+", 1);
    char out[80];
    int k = 0;
    for (int i = nd - 1; i >= p; i--) out[k++] = digits[i];
    if (p > 0 || (flags & FLOAT_FMT_ALT)) out[k++] = '.';
    for (int i = p - 1; i >= 0; i--) out[k++] = digits[i];
    sb_append(sb, out, k);
    return true;
}

/* Format into a C buffer (mem_alloc'd).  code: 'e','E','f','F','g','G','r'. */
char *float_format_double(double d, char code, int precision, int flags, int *type_out) {
    StrBuilder sb;
    sb_init(&sb);
    bool upper = code == 'E' || code == 'F' || code == 'G';
    char lc = (char)(upper ? code + 32 : code);
    int type = FLOAT_TYPE_FINITE;
    if (isnan(d)) {
        type = FLOAT_TYPE_NAN;
        if (flags & FLOAT_FMT_SIGN) sb_append(&sb, "+", 1);
        sb_append(&sb, upper ? "NAN" : "nan", 3);
    } else if (isinf(d)) {
        type = FLOAT_TYPE_INF;
        if (d < 0) sb_append(&sb, "-", 1);
        else if (flags & FLOAT_FMT_SIGN) sb_append(&sb, "+", 1);
        sb_append(&sb, upper ? "INF" : "inf", 3);
    } else if (lc == 'r') {
        if (signbit(d) && !(d == 0.0 && (flags & FLOAT_FMT_NO_NEG_0))) sb_append(&sb, "-", 1);
        else if (flags & FLOAT_FMT_SIGN) sb_append(&sb, "+", 1);
        double a = fabs(d);
        if (a == 0.0) {
            if (flags & FLOAT_FMT_ADD_DOT_0) sb_append(&sb, "0.0", 3);
            else if (flags & FLOAT_FMT_ALT) sb_append(&sb, "0.", 2);
            else sb_append(&sb, "0", 1);
        } else {
            char digits[24];
            int e;
            int n = shortest_digits(a, digits, &e);
            layout(&sb, digits, n, e, e < -4 || e >= 16, (flags & FLOAT_FMT_ADD_DOT_0) != 0,
                   (flags & FLOAT_FMT_ALT) != 0, 'e');
        }
    } else if (lc == 'g') {
        /* CPython's 'g': P significant digits; exponent form when decpt <= -4
         * or decpt > P (P - 1 with ADD_DOT_0); '#' keeps trailing zeros. */
        if (precision < 0) precision = 6;
        if (precision == 0) precision = 1;
        bool neg = signbit(d) != 0;
        bool nozero = (flags & FLOAT_FMT_NO_NEG_0) != 0;
        int need = snprintf(NULL, 0, "%.*e", precision - 1, fabs(d));
        char *tmp = mem_alloc((size_t)need + 1);
        if (!tmp) { sb_discard(&sb); return NULL; }
        snprintf(tmp, (size_t)need + 1, "%.*e", precision - 1, fabs(d));
        char *digits = mem_alloc((size_t)need + 1);
        if (!digits) { mem_free(tmp); sb_discard(&sb); return NULL; }
        int n = 0;
        char *q = tmp;
        while (*q && *q != 'e') { if (*q >= '0' && *q <= '9') digits[n++] = *q; q++; }
        int e = atoi(q + 1);
        bool alt = (flags & FLOAT_FMT_ALT) != 0;
        if (!alt) while (n > 1 && digits[n - 1] == '0') n--;
        if (d == 0.0) e = 0;
        bool allzero = digits[0] == '0';
        if (neg && !(nozero && allzero)) sb_append(&sb, "-", 1);
        else if (flags & FLOAT_FMT_SIGN) sb_append(&sb, "+", 1);
        int decpt = e + 1;
        bool dot0 = (flags & FLOAT_FMT_ADD_DOT_0) != 0;
        bool sci = decpt <= -4 || decpt > (dot0 ? precision - 1 : precision);
        if (!sci) {
            if (decpt <= 0) {
                sb_append(&sb, "0.", 2);
                for (int i = 0; i < -decpt; i++) sb_append(&sb, "0", 1);
                sb_append(&sb, digits, n);
            } else if (decpt >= n) {
                sb_append(&sb, digits, n);
                for (int i = n; i < decpt; i++) sb_append(&sb, "0", 1);
                if (alt) sb_append(&sb, ".", 1);
                else if (dot0) sb_append(&sb, ".0", 2);
            } else {
                sb_append(&sb, digits, decpt);
                sb_append(&sb, ".", 1);
                sb_append(&sb, digits + decpt, n - decpt);
            }
        } else {
            sb_append(&sb, digits, 1);
            if (n > 1 || alt) sb_append(&sb, ".", 1);
            if (n > 1) sb_append(&sb, digits + 1, n - 1);
            char eb[16];
            int k = snprintf(eb, sizeof eb, "%c%c%02d", upper ? 'E' : 'e', e < 0 ? '-' : '+', e < 0 ? -e : e);
            sb_append(&sb, eb, k);
        }
        mem_free(digits);
        mem_free(tmp);
    } else if (lc == 'f' && precision >= 0 && precision <= 22 && fast_fixed(&sb, d, precision, flags)) {
        /* done: exact integer arithmetic */
    } else {
        if (precision < 0) precision = 6;
        char fmtbuf[16];
        int fl = 0;
        fmtbuf[fl++] = '%';
        if (flags & FLOAT_FMT_SIGN) fmtbuf[fl++] = '+';
        if (flags & FLOAT_FMT_ALT) fmtbuf[fl++] = '#';
        fmtbuf[fl++] = '.';
        fmtbuf[fl++] = '*';
        fmtbuf[fl++] = code;
        fmtbuf[fl] = 0;
        int need = snprintf(NULL, 0, fmtbuf, precision, d);
        char *tmp = mem_alloc((size_t)need + 4);
        if (!tmp) { sb_discard(&sb); return NULL; }
        snprintf(tmp, (size_t)need + 1, fmtbuf, precision, d);
        if ((flags & FLOAT_FMT_NO_NEG_0) && tmp[0] == '-') {
            bool allzero = true;
            for (char *q = tmp + 1; *q && *q != 'e' && *q != 'E'; q++)
                if (*q >= '1' && *q <= '9') { allzero = false; break; }
            if (allzero) {
                memmove(tmp, tmp + 1, (size_t)need);
                need--;
                if (flags & FLOAT_FMT_SIGN) { memmove(tmp + 1, tmp, (size_t)need + 1); tmp[0] = '+'; need++; }
            }
        }
        sb_append(&sb, tmp, need);
        mem_free(tmp);
    }
    if (type_out) *type_out = type;
    char *out = mem_alloc((size_t)sb.size + 1);
    if (!out) { sb_discard(&sb); return NULL; }
    memcpy(out, sb.buf, (size_t)sb.size);
    out[sb.size] = 0;
    sb_discard(&sb);
    return out;
}

Obj *float_repr_double(double d) {
    char buf[64];
    if (isnan(d)) return str_from_cstr("nan");
    if (isinf(d)) return str_from_cstr(d > 0 ? "inf" : "-inf");
    /* fast path: digits up to 17, layout in a stack buffer */
    char digits[24];
    double a = fabs(d);
    int k = 0;
    if (signbit(d)) buf[k++] = '-';
    if (a == 0.0) {
        memcpy(buf + k, "0.0", 4);
        return str_from_cstr(buf);
    }
    int e;
    int n = shortest_digits(a, digits, &e);
    if (e < -4 || e >= 16) {
        buf[k++] = digits[0];
        if (n > 1) { buf[k++] = '.'; memcpy(buf + k, digits + 1, (size_t)n - 1); k += n - 1; }
        k += snprintf(buf + k, sizeof buf - (size_t)k, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else {
        int decpt = e + 1;
        if (decpt <= 0) {
            buf[k++] = '0'; buf[k++] = '.';
            for (int i = 0; i < -decpt; i++) buf[k++] = '0';
            memcpy(buf + k, digits, (size_t)n); k += n;
        } else if (decpt >= n) {
            memcpy(buf + k, digits, (size_t)n); k += n;
            for (int i = n; i < decpt; i++) buf[k++] = '0';
            buf[k++] = '.'; buf[k++] = '0';
        } else {
            memcpy(buf + k, digits, (size_t)decpt); k += decpt;
            buf[k++] = '.';
            memcpy(buf + k, digits + decpt, (size_t)(n - decpt)); k += n - decpt;
        }
    }
    return str_from_utf8(buf, k);
}

/* ---- round ----------------------------------------------------------------- */

#define NDIGITS_MAX 323
#define NDIGITS_MIN (-308)

static Obj *round_to_int(double x) {
    double r = rint(x);     /* default rounding mode: half to even */
    return int_from_double(r);
}

Obj *float_round_meth(double x, Obj *ndigits) {
    if (!ndigits || ndigits == None) return round_to_int(x);
    Obj *nd = obj_index(ndigits);
    if (!nd) return NULL;
    long long n;
    if (int_as_long_overflow(nd, &n)) n = int_sign(nd) > 0 ? LLONG_MAX : LLONG_MIN;
    DECREF(nd);
    if (!isfinite(x) || x == 0.0) return float_from_double(x);
    if (n > NDIGITS_MAX) return float_from_double(x);
    if (n < NDIGITS_MIN) return float_from_double(0.0 * x);
    if (n >= 0) {
        int need = snprintf(NULL, 0, "%.*f", (int)n, x);
        char *buf = mem_alloc((size_t)need + 1);
        if (!buf) return NULL;
        snprintf(buf, (size_t)need + 1, "%.*f", (int)n, x);
        double r = strtod(buf, NULL);
        mem_free(buf);
        if (r == 0.0) r = copysign(0.0, x);
        return float_from_double(r);
    }
    /* negative ndigits: exact round-half-even to a multiple of 10**k */
    unsigned long k = (unsigned long)(-n);
    double a = fabs(x);
    double ip = floor(a);
    double f = a - ip;
    mpz_t N, P, q, r;
    mpz_init_set_d(N, ip);
    mpz_init(P); mpz_init(q); mpz_init(r);
    mpz_ui_pow_ui(P, 10, k);
    mpz_tdiv_qr(q, r, N, P);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, P);
    if (c > 0 || (c == 0 && (f > 0 || mpz_odd_p(q)))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, P);
    double res;
    int ov = int_mpz_to_double(q, &res);
    mpz_clear(N); mpz_clear(P); mpz_clear(q); mpz_clear(r);
    if (ov < 0) return err_set_str(&Exc_OverflowError, "rounded value too large to represent");
    return float_from_double(copysign(res, x));
}

/* ---- hex ------------------------------------------------------------------- */

Obj *float_hex_double(double x) {
    if (isnan(x)) return str_from_cstr("nan");
    if (isinf(x)) return str_from_cstr(x > 0 ? "inf" : "-inf");
    if (x == 0.0) return str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    char buf[64];
    int k = 0;
    if (x < 0) buf[k++] = '-';
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    static const char hexd[] = "0123456789abcdef";
    buf[k++] = '0'; buf[k++] = 'x';
    int lead = (int)m;
    buf[k++] = hexd[lead];
    m -= lead;
    buf[k++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        int dgt = (int)m;
        buf[k++] = hexd[dgt];
        m -= dgt;
    }
    k += snprintf(buf + k, sizeof buf - (size_t)k, "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return str_from_utf8(buf, k);
}

static bool hsp(char c) { return c == ' ' || (c >= 9 && c <= 13); }
static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Obj *float_fromhex_str(Obj *str) {
    const char *s = STR_DATA(str), *end = s + STR_SIZE(str);
    while (s < end && hsp(*s)) s++;
    while (end > s && hsp(end[-1])) end--;
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) { neg = *s == '-'; s++; }
    double special;
    if (float_parse_cstr(s, (size_t)(end - s), &special) == 0 && (isinf(special) || isnan(special))) {
        /* only the words inf/infinity/nan reach here as non-finite */
        return float_from_double(neg ? -special : special);
    }
    if (end - s >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x') s += 2;
    mpz_t m;
    mpz_init(m);
    long ndig = 0, fracdig = 0;
    bool dot = false;
    const char *p = s;
    for (; p < end; p++) {
        if (*p == '.') {
            if (dot) break;
            dot = true;
            continue;
        }
        int v = hexval(*p);
        if (v < 0) break;
        mpz_mul_2exp(m, m, 4);
        mpz_add_ui(m, m, (unsigned long)v);
        ndig++;
        if (dot) fracdig++;
    }
    long long ex = 0;
    if (ndig == 0) goto invalid;
    if (p < end && (*p == 'p' || *p == 'P')) {
        p++;
        bool eneg = false;
        if (p < end && (*p == '+' || *p == '-')) { eneg = *p == '-'; p++; }
        if (p >= end || *p < '0' || *p > '9') goto invalid;
        while (p < end && *p >= '0' && *p <= '9') {
            if (ex < 100000000LL) ex = ex * 10 + (*p - '0');
            p++;
        }
        if (eneg) ex = -ex;
    }
    if (p != end) goto invalid;
    ex -= 4LL * fracdig;
    double res = 0.0;
    if (mpz_sgn(m) != 0) {
        long nbits = (long)mpz_sizeinbase(m, 2);
        if (ex + nbits > DBL_MAX_EXP + 1) goto overflow;
        if (ex + nbits < DBL_MIN_EXP - DBL_MANT_DIG - 2) {
            res = 0.0;
        } else {
            long shift = nbits > 55 ? nbits - 55 : 0;
            bool sticky = shift > 0 && mpz_scan1(m, 0) < (mp_bitcnt_t)shift;
            mpz_tdiv_q_2exp(m, m, (mp_bitcnt_t)shift);
            uint64_t q = mpz_get_ui(m) | (sticky ? 1 : 0);
            if (int_round_to_double(q, (long)(ex + shift), &res) < 0) goto overflow;
        }
    }
    mpz_clear(m);
    return float_from_double(neg ? -res : res);
invalid:
    mpz_clear(m);
    return err_set_str(&Exc_ValueError, "invalid hexadecimal floating-point string");
overflow:
    mpz_clear(m);
    return err_set_str(&Exc_OverflowError, "hexadecimal value too large to represent as a float");
}
