/* intconv.c — int construction: int(x, base), string/bytes parsing,
 * int subclasses, to_bytes/from_bytes. */
#include "objects/int.h"
#include <math.h>
#include <stdlib.h>

/* Unicode decimal digit blocks (Nd): the code point of each block's zero. */
static const uint32_t nd_zeros[] = {
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50,
    0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0,
    0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140,
    0x1E2F0, 0x1E950, 0x1FBF0,
};

static bool uni_space(uint32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Decode one UTF-8 code point (input assumed valid); advances *p. */
static uint32_t utf8_next(const unsigned char **p, const unsigned char *end) {
    const unsigned char *s = *p;
    uint32_t c = *s++;
    if (c >= 0xF0 && s + 2 < end) { c = ((c & 7) << 18) | ((s[0] & 63u) << 12) | ((s[1] & 63u) << 6) | (s[2] & 63u); s += 3; }
    else if (c >= 0xE0 && s + 1 < end) { c = ((c & 15) << 12) | ((s[0] & 63u) << 6) | (s[1] & 63u); s += 2; }
    else if (c >= 0xC0 && s < end) { c = ((c & 31) << 6) | (s[0] & 63u); s += 1; }
    *p = s;
    return c;
}

char *int_transform_ascii(const char *s, ssize_t n, ssize_t *outlen) {
    char *buf = mem_alloc((size_t)n + 1);
    if (!buf) return NULL;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    ssize_t k = 0;
    while (p < end) {
        if (*p < 0x80) { buf[k++] = (char)*p++; continue; }
        uint32_t c = utf8_next(&p, end);
        char out = '?';
        if (uni_space(c)) out = ' ';
        else {
            for (size_t i = 0; i < ARRAY_LEN(nd_zeros); i++)
                if (c >= nd_zeros[i] && c < nd_zeros[i] + 10) { out = (char)('0' + (c - nd_zeros[i])); break; }
        }
        buf[k++] = out;
    }
    buf[k] = 0;
    *outlen = k;
    return buf;
}

static bool ascii_space(char c) { return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f); }

static int digit_val(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Parse ASCII text s[0..n) as int(s, base).  Returns new int, or NULL with
 * *bad = 1 when the literal is invalid (no error set), or NULL with an error
 * set (limit exceeded / memory). */
static Obj *parse_ascii(const char *s, ssize_t n, int base, int *bad) {
    *bad = 0;
    const char *p = s, *end = s + n;
    while (p < end && ascii_space(*p)) p++;
    while (end > p && ascii_space(end[-1])) end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) { neg = *p == '-'; p++; }
    bool prefixed = false;
    if (p + 1 < end && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) { base = pb; p += 2; prefixed = true; }
    }
    bool base0 = base == 0;
    if (base0) base = 10;
    char stackbuf[64];
    char *digits = (end - p + 2) <= (ssize_t)sizeof stackbuf ? stackbuf : mem_alloc((size_t)(end - p) + 2);
    if (!digits) return NULL;
    ssize_t nd = 0;
    bool prev_digit = prefixed;     /* an '_' may follow a prefix */
    bool nonzero = false;
    for (; p < end; p++) {
        if (*p == '_') {
            if (!prev_digit) goto invalid;
            prev_digit = false;
            continue;
        }
        int v = digit_val(*p);
        if (v >= base) goto invalid;
        if (v) nonzero = true;
        digits[nd++] = *p;
        prev_digit = true;
    }
    if (nd == 0 || !prev_digit) goto invalid;
    if (base0 && !prefixed && digits[0] == '0' && nonzero) goto invalid;
    digits[nd] = 0;
    Obj *res;
    int limit = int_get_max_str_digits();
    if ((base & (base - 1)) != 0 && limit > 0 && nd > limit) {
        res = err_format(&Exc_ValueError,
            "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; "
            "use sys.set_int_max_str_digits() to increase the limit", limit, nd);
    } else if (nd <= 15 && base <= 16) {
        long long v = strtoll(digits, NULL, base);
        res = int_from_long(neg ? -v : v);
    } else {
        mpz_t z;
        mpz_init(z);
        mpz_set_str(z, digits, base);
        if (neg) mpz_neg(z, z);
        res = int_from_mpz(z);
        mpz_clear(z);
    }
    if (digits != stackbuf) mem_free(digits);
    return res;
invalid:
    if (digits != stackbuf) mem_free(digits);
    *bad = 1;
    return NULL;
}

static Obj *invalid_literal(int base, Obj *src) {
    Obj *r = obj_repr(src);
    if (!r) return NULL;
    if (STR_LEN(r) > 200) {
        Obj *t = str_substr(r, 0, 200);
        DECREF(r);
        if (!t) return NULL;
        r = t;
    }
    err_format(&Exc_ValueError, "invalid literal for int() with base %d: %U", base, r);
    DECREF(r);
    return NULL;
}

/* Parse UTF-8 text; src (may be NULL) is the object named in the error. */
static Obj *parse_text(const char *s, ssize_t len, int base, Obj *src) {
    int bad;
    Obj *res;
    bool ascii = true;
    for (ssize_t i = 0; i < len; i++) if ((unsigned char)s[i] >= 0x80) { ascii = false; break; }
    if (ascii) {
        if (memchr(s, 0, (size_t)len)) { bad = 1; res = NULL; }
        else res = parse_ascii(s, len, base, &bad);
    } else {
        ssize_t n;
        char *a = int_transform_ascii(s, len, &n);
        if (!a) return NULL;
        res = parse_ascii(a, n, base, &bad);
        mem_free(a);
    }
    if (res || !bad) return res;
    if (src) return invalid_literal(base, src);
    Obj *tmp = str_from_utf8(s, len);
    if (!tmp) return NULL;
    invalid_literal(base, tmp);
    DECREF(tmp);
    return NULL;
}

Obj *int_from_string(const char *s, ssize_t len, int base) {
    return parse_text(s, len, base, NULL);
}

/* Parse bytes-like data (ASCII only; NUL bytes are invalid). */
static Obj *parse_bytes(const char *s, ssize_t len, int base, Obj *src) {
    int bad;
    for (ssize_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == 0) return invalid_literal(base, src);
    Obj *res = parse_ascii(s, len, base, &bad);
    if (res || !bad) return res;
    return invalid_literal(base, src);
}

Obj *int_subtype_from(TypeObj *type, Obj *exact) {
    IntObj *r = (IntObj *)type_generic_alloc(type, 0);
    if (!r) return NULL;
    IntTmp t;
    mpz_init_set(r->z, int_view(exact, &t));
    return OBJ(r);
}

static bool is_bytearray(Obj *o) {
    return !IS_SMALLINT(o) && type_is_subtype(TYPE(o), &ByteArray_Type);
}

static Obj *check_int_result(Obj *r, const char *what) {
    if (!r) return NULL;
    if (int_check_exact(r)) return r;
    if (!int_check(r)) {
        err_format(&Exc_TypeError, "%s returned non-int (type %T)", what, r);
        DECREF(r);
        return NULL;
    }
    Obj *e = int_normalize_exact(r);
    DECREF(r);
    return e;
}

static Obj *int_exact_from(Obj *x, Obj *base) {
    if (base) {
        Obj *bi = obj_index(base);
        if (!bi) return NULL;
        long long b;
        if (int_as_long_overflow(bi, &b) || !(b == 0 || (b >= 2 && b <= 36))) {
            DECREF(bi);
            return err_set_str(&Exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        DECREF(bi);
        if (str_check(x)) return parse_text(STR_DATA(x), STR_SIZE(x), (int)b, x);
        if (bytes_check(x)) return parse_bytes(BYTES_DATA(x), BYTES_SIZE(x), (int)b, x);
        if (is_bytearray(x)) return parse_bytes(((ByteArrayObj *)x)->data, ((ByteArrayObj *)x)->size, (int)b, x);
        return err_set_str(&Exc_TypeError, "int() can't convert non-string with explicit base");
    }
    if (int_check_exact(x)) return NEWREF(x);
    TypeObj *t = TYPE(x);
    if (t->nb_int) return check_int_result(t->nb_int(x), "__int__");
    if (t->nb_index) return check_int_result(t->nb_index(x), "__index__");
    Obj *trunc = obj_type_lookup_special(x, str_intern_cstr("__trunc__"));
    if (trunc) {
        if (err_warn(&Exc_DeprecationWarning, "The delegation of int() to __trunc__ is deprecated.", 1) < 0) {
            DECREF(trunc);
            return NULL;
        }
        Obj *r = obj_call0(trunc);
        DECREF(trunc);
        if (!r) return NULL;
        if (int_check(r)) return check_int_result(r, "__trunc__");
        if (!TYPE(r)->nb_index) {
            err_format(&Exc_TypeError, "__trunc__ returned non-Integral (type %T)", r);
            DECREF(r);
            return NULL;
        }
        Obj *i = obj_index(r);
        DECREF(r);
        return i;
    }
    if (err_occurred()) return NULL;
    if (str_check(x)) return parse_text(STR_DATA(x), STR_SIZE(x), 10, x);
    if (bytes_check(x)) return parse_bytes(BYTES_DATA(x), BYTES_SIZE(x), 10, x);
    if (is_bytearray(x)) return parse_bytes(((ByteArrayObj *)x)->data, ((ByteArrayObj *)x)->size, 10, x);
    return err_format(&Exc_TypeError,
        "int() argument must be a string, a bytes-like object or a real number, not '%s'",
        type_name(TYPE(x)));
}

Obj *int_new_impl(TypeObj *type, Obj *x, Obj *base) {
    if (type == &Bool_Type)
        return err_set_str(&Exc_TypeError, "int.__new__(bool) is not safe, use bool.__new__()");
    Obj *r;
    if (!x) {
        if (base) return err_set_str(&Exc_TypeError, "int() missing string argument");
        r = MAKE_SMALLINT(0);
    } else {
        r = int_exact_from(x, base);
        if (!r) return NULL;
    }
    if (type == &Int_Type) return r;
    Obj *s = int_subtype_from(type, r);
    DECREF(r);
    return s;
}

Obj *int_from_object(Obj *o) { return int_new_impl(&Int_Type, o, NULL); }

/* ---- to_bytes / from_bytes --------------------------------------------------- */

static int parse_byteorder(const char *fname, Obj *o, int *little) {
    if (!o) { *little = 0; return 0; }
    if (!str_check(o)) {
        err_format(&Exc_TypeError, "%s() argument 'byteorder' must be str, not %T", fname, o);
        return -1;
    }
    if (str_eq_cstr(o, "little")) *little = 1;
    else if (str_eq_cstr(o, "big")) *little = 0;
    else {
        err_set_str(&Exc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

Obj *int_to_bytes_meth(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    static const char *const names[] = {"length", "byteorder", "signed"};
    Obj *out[3] = {NULL, NULL, NULL};
    if (args_parse("to_bytes", args, nargs, kw, names, 3, 0, 2, out) < 0) return NULL;
    ssize_t length = 1;
    if (out[0]) {
        length = obj_as_ssize(out[0], &Exc_OverflowError);
        if (length == -1 && err_occurred()) return NULL;
        if (length < 0) return err_set_str(&Exc_ValueError, "length argument must be non-negative");
    }
    int little;
    if (parse_byteorder("to_bytes", out[1], &little) < 0) return NULL;
    int is_signed = 0;
    if (out[2]) { is_signed = obj_is_true(out[2]); if (is_signed < 0) return NULL; }
    IntTmp t;
    mpz_srcptr z = int_view(self, &t);
    if (!is_signed && mpz_sgn(z) < 0)
        return err_set_str(&Exc_OverflowError, "can't convert negative int to unsigned");
    mpz_t v;
    mpz_init(v);
    mpz_set(v, z);
    size_t nbits = mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2);
    bool fits;
    if (!is_signed) fits = nbits <= (size_t)length * 8;
    else if (mpz_sgn(z) >= 0) fits = nbits < (size_t)length * 8 || (nbits == 0);
    else {
        /* -2**(8n-1) <= z : |z| <= 2**(8n-1) */
        mpz_t a;
        mpz_init(a);
        mpz_neg(a, z);
        mpz_sub_ui(a, a, 1);
        size_t ab = mpz_sgn(a) == 0 ? 0 : mpz_sizeinbase(a, 2);
        fits = length > 0 && ab < (size_t)length * 8;
        mpz_clear(a);
    }
    if (!fits) { mpz_clear(v); return err_set_str(&Exc_OverflowError, "int too big to convert"); }
    if (mpz_sgn(v) < 0) {
        mpz_t m;
        mpz_init(m);
        mpz_setbit(m, (mp_bitcnt_t)length * 8);
        mpz_add(v, v, m);
        mpz_clear(m);
    }
    unsigned char *d = mem_calloc((size_t)length + 1, 1);
    if (!d) { mpz_clear(v); return NULL; }
    size_t count = 0;
    if (mpz_sgn(v) != 0) {
        size_t need = (mpz_sizeinbase(v, 2) + 7) / 8;
        mpz_export(d + (little ? 0 : (size_t)length - need), &count, little ? -1 : 1, 1, 0, 0, v);
    }
    mpz_clear(v);
    Obj *b = bytes_from((const char *)d, length);
    mem_free(d);
    return b;
}

Obj *int_from_bytes_meth(Obj *cls, Obj *const *args, size_t nargs, Obj *kw) {
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    Obj *out[3] = {NULL, NULL, NULL};
    if (args_parse("from_bytes", args, nargs, kw, names, 3, 1, 2, out) < 0) return NULL;
    int little;
    if (parse_byteorder("from_bytes", out[1], &little) < 0) return NULL;
    int is_signed = 0;
    if (out[2]) { is_signed = obj_is_true(out[2]); if (is_signed < 0) return NULL; }
    Obj *b;
    if (bytes_check(out[0])) b = NEWREF(out[0]);
    else { b = bytes_from_obj(out[0]); if (!b) return NULL; }
    ssize_t n = BYTES_SIZE(b);
    const unsigned char *d = (const unsigned char *)BYTES_DATA(b);
    mpz_t z;
    mpz_init(z);
    if (n > 0) mpz_import(z, (size_t)n, little ? -1 : 1, 1, 0, 0, d);
    if (is_signed && n > 0) {
        unsigned char top = little ? d[n - 1] : d[0];
        if (top & 0x80) {
            mpz_t m;
            mpz_init(m);
            mpz_setbit(m, (mp_bitcnt_t)n * 8);
            mpz_sub(z, z, m);
            mpz_clear(m);
        }
    }
    DECREF(b);
    Obj *r = int_from_mpz(z);
    mpz_clear(z);
    if (!r) return NULL;
    if ((TypeObj *)cls != &Int_Type) {
        Obj *x = obj_call1(cls, r);
        DECREF(r);
        return x;
    }
    return r;
}
