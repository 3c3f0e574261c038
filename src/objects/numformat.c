/* numformat.c — the format-spec mini-language for int, float and complex:
 *   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 * Layout follows CPython: sign, prefix (0x...), digits grouped (zero padding
 * takes part in grouping), remainder (fraction, exponent, '%'), then padding
 * by alignment ('=' pads between sign/prefix and digits).
 */
#include "objects/int.h"
#include <math.h>

typedef struct {
    char fill[5];        /* UTF-8 of the fill code point */
    int fill_len;
    bool fill_given;
    char align;          /* 0 = default */
    char sign;           /* 0, '+', '-', ' ' */
    bool z, alt, zero;
    ssize_t width;       /* -1 none */
    char grouping;       /* 0, ',', '_' */
    ssize_t precision;   /* -1 none */
    uint32_t type;       /* 0 = none */
} Spec;

static int utf8_len(unsigned char c) {
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static int parse_num(const char **pp, const char *end, ssize_t *out) {
    const char *p = *pp;
    ssize_t v = 0;
    bool any = false;
    while (p < end && *p >= '0' && *p <= '9') {
        if (v > (SSIZE_MAX - 9) / 10) {
            err_set_str(&Exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (*p - '0');
        p++;
        any = true;
    }
    *pp = p;
    *out = any ? v : -1;
    return 0;
}

static bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static int parse_spec(Obj *specobj, const char *tname, Spec *s) {
    const char *p = STR_DATA(specobj), *end = p + STR_SIZE(specobj);
    memset(s, 0, sizeof *s);
    s->fill[0] = ' ';
    s->fill_len = 1;
    s->width = -1;
    s->precision = -1;
    if (p < end) {
        int l = utf8_len((unsigned char)*p);
        if (p + l < end && is_align(p[l])) {
            memcpy(s->fill, p, (size_t)l);
            s->fill_len = l;
            s->fill_given = true;
            s->align = p[l];
            p += l + 1;
        } else if (is_align(*p)) {
            s->align = *p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) s->sign = *p++;
    if (p < end && *p == 'z') { s->z = true; p++; }
    if (p < end && *p == '#') { s->alt = true; p++; }
    if (p < end && *p == '0') {
        s->zero = true;
        if (!s->fill_given) { s->fill[0] = '0'; s->fill_len = 1; }
        if (!s->align) s->align = '=';
        p++;
    }
    if (parse_num(&p, end, &s->width) < 0) return -1;
    if (p < end && *p == ',') { s->grouping = ','; p++; }
    if (p < end && *p == '_') {
        if (s->grouping) { err_set_str(&Exc_ValueError, "Cannot specify both ',' and '_'."); return -1; }
        s->grouping = '_';
        p++;
    }
    if (p < end && *p == ',' && s->grouping == '_') {
        err_set_str(&Exc_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (p < end && *p == '.') {
        p++;
        if (parse_num(&p, end, &s->precision) < 0) return -1;
        if (s->precision < 0) { err_set_str(&Exc_ValueError, "Format specifier missing precision"); return -1; }
    }
    if (end - p > 1) {
        /* more than one char left: maybe one multi-byte type char */
        if (end - p != utf8_len((unsigned char)*p)) {
            err_format(&Exc_ValueError, "Invalid format specifier '%U' for object of type '%s'", specobj, tname);
            return -1;
        }
    }
    if (p < end) {
        const unsigned char *u = (const unsigned char *)p;
        int l = utf8_len(*u);
        uint32_t c = *u;
        if (l == 2) c = ((c & 31u) << 6) | (u[1] & 63u);
        else if (l == 3) c = ((c & 15u) << 12) | ((u[1] & 63u) << 6) | (u[2] & 63u);
        else if (l == 4) c = ((c & 7u) << 18) | ((u[1] & 63u) << 12) | ((u[2] & 63u) << 6) | (u[3] & 63u);
        s->type = c;
    }
    if (s->grouping) {
        bool ok;
        switch (s->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            ok = true; break;
        case 'b': case 'o': case 'x': case 'X':
            ok = s->grouping == '_'; break;
        default: ok = false;
        }
        if (!ok) {
            if (s->type > 32 && s->type < 128)
                err_format(&Exc_ValueError, "Cannot specify '%c' with '%c'.", s->grouping, (int)s->type);
            else
                err_format(&Exc_ValueError, "Cannot specify '%c' with '\\x%x'.", s->grouping, (int)s->type);
            return -1;
        }
    }
    return 0;
}

static Obj *unknown_code(uint32_t type, const char *tname) {
    if (type > 32 && type < 128)
        return err_format(&Exc_ValueError, "Unknown format code '%c' for object of type '%s'", (int)type, tname);
    return err_format(&Exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'", (int)type, tname);
}

/* Assemble: sign, prefix, intdigits (grouped every `gsize`), remainder. */
static int render(StrBuilder *sb, const Spec *s, char defalign, const char *sign, const char *prefix,
                  const char *digits, ssize_t ndigits, const char *rem, ssize_t nrem, int gsize, char gsep) {
    ssize_t nsign = (ssize_t)strlen(sign), npre = (ssize_t)strlen(prefix);
    char align = s->align ? s->align : defalign;
    ssize_t minw = 0;
    if (s->fill_len == 1 && s->fill[0] == '0' && align == '=' && s->width > 0)
        minw = s->width - nsign - npre - nrem;
    /* grouped digits, built reversed */
    ssize_t cap = ndigits + (minw > ndigits ? minw : ndigits) / (gsize ? gsize : 1) + (minw > 0 ? minw : 0) + 8;
    char *g = mem_alloc((size_t)cap);
    if (!g) return -1;
    ssize_t gl = 0;
    if (gsep) {
        ssize_t i = ndigits - 1;
        int k = 0;
        for (;;) {
            char ch;
            if (i >= 0) ch = digits[i--];
            else if (gl < minw) ch = '0';
            else break;
            if (k == gsize) { g[gl++] = gsep; k = 0; }
            g[gl++] = ch;
            k++;
        }
    } else {
        for (ssize_t i = ndigits - 1; i >= 0; i--) g[gl++] = digits[i];
        while (gl < minw) g[gl++] = '0';
    }
    ssize_t total = nsign + npre + gl + nrem;
    ssize_t pad = s->width > total ? s->width - total : 0;
    ssize_t left = 0, mid = 0, right = 0;
    if (align == '<') right = pad;
    else if (align == '^') { left = pad / 2; right = pad - left; }
    else if (align == '=') mid = pad;
    else left = pad;
    for (ssize_t i = 0; i < left; i++) sb_append(sb, s->fill, s->fill_len);
    sb_append(sb, sign, nsign);
    sb_append(sb, prefix, npre);
    for (ssize_t i = 0; i < mid; i++) sb_append(sb, s->fill, s->fill_len);
    for (ssize_t i = gl - 1; i >= 0; i--) sb_append(sb, g + i, 1);
    sb_append(sb, rem, nrem);
    for (ssize_t i = 0; i < right; i++) sb_append(sb, s->fill, s->fill_len);
    mem_free(g);
    return 0;
}

static const char *sign_str(const Spec *s, bool neg) {
    if (neg) return "-";
    if (s->sign == '+') return "+";
    if (s->sign == ' ') return " ";
    return "";
}

/* Pad an already complete string (used for 'c' and complex). */
static Obj *pad_plain(const Spec *s, char defalign, const char *text, ssize_t nbytes, ssize_t nchars) {
    StrBuilder sb;
    sb_init(&sb);
    char align = s->align ? s->align : defalign;
    ssize_t pad = s->width > nchars ? s->width - nchars : 0;
    ssize_t left = 0, right = 0;
    if (align == '<') right = pad;
    else if (align == '^') { left = pad / 2; right = pad - left; }
    else left = pad;
    for (ssize_t i = 0; i < left; i++) sb_append(&sb, s->fill, s->fill_len);
    sb_append(&sb, text, nbytes);
    for (ssize_t i = 0; i < right; i++) sb_append(&sb, s->fill, s->fill_len);
    return sb_finish(&sb);
}

/* ---- floats ------------------------------------------------------------------ */

/* Format d per spec into sb (no padding applied when `raw`); used by float and
 * complex.  force_sign: always emit a sign (imaginary part). */
static int float_body(StrBuilder *sb, const Spec *s, double d, uint32_t type, ssize_t prec,
                      int extra_flags, bool force_sign, bool pad, const char *tname) {
    char code;
    int flags = extra_flags;
    bool percent = false;
    switch (type) {
    case 0:
        if (prec >= 0) { code = 'g'; flags |= FLOAT_FMT_ADD_DOT_0; }
        else code = 'r';
        break;
    case 'n': code = 'g'; break;
    case '%': code = 'f'; percent = true; d *= 100.0; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': code = (char)type; break;
    default:
        unknown_code(type, tname);
        return -1;
    }
    if (prec < 0 && code != 'r') prec = 6;
    if (prec > INT_MAX) { err_set_str(&Exc_ValueError, "precision too big"); return -1; }
    if (s->alt) flags |= FLOAT_FMT_ALT;
    if (s->z) flags |= FLOAT_FMT_NO_NEG_0;
    char *txt = float_format_double(d, code, (int)prec, flags, NULL);
    if (!txt) return -1;
    const char *t = txt;
    bool neg = false;
    if (*t == '-') { neg = true; t++; }
    const char *sign = sign_str(s, neg);
    if (force_sign && (!*sign || *sign == ' ')) sign = "+";
    ssize_t tl = (ssize_t)strlen(t);
    ssize_t nd = 0;
    while (nd < tl && t[nd] >= '0' && t[nd] <= '9') nd++;
    bool finite = isfinite(d);
    if (!finite) nd = tl;
    char rembuf[8];
    const char *rem = t + nd;
    ssize_t nrem = tl - nd;
    char *remalloc = NULL;
    if (percent) {
        remalloc = mem_alloc((size_t)nrem + 2);
        if (!remalloc) { mem_free(txt); return -1; }
        memcpy(remalloc, rem, (size_t)nrem);
        remalloc[nrem++] = '%';
        remalloc[nrem] = 0;
        rem = remalloc;
    }
    (void)rembuf;
    Spec local = *s;
    if (!pad) local.width = -1;
    int r = render(sb, &local, '>', sign, "", t, nd, rem, nrem, 3, finite ? s->grouping : 0);
    mem_free(remalloc);
    mem_free(txt);
    return r;
}

Obj *numformat_float(double d, Obj *spec, const char *tname) {
    if (STR_SIZE(spec) == 0) return float_repr_double(d);
    Spec s;
    if (parse_spec(spec, tname, &s) < 0) return NULL;
    if (s.type == 'n' && s.grouping) {
        err_set_str(&Exc_ValueError, "Cannot specify ',' with 'n'.");
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    if (float_body(&sb, &s, d, s.type, s.precision, s.type == 0 && s.precision < 0 ? FLOAT_FMT_ADD_DOT_0 : 0,
                   false, true, tname) < 0) {
        sb_discard(&sb);
        return NULL;
    }
    return sb_finish(&sb);
}

/* ---- ints -------------------------------------------------------------------- */

Obj *numformat_int(Obj *v, Obj *spec) {
    if (STR_SIZE(spec) == 0) {
        if (int_check_exact(v)) return int_to_decimal_string(v);
        return obj_str(v);
    }
    Spec s;
    const char *tname = type_name(TYPE(v));
    if (parse_spec(spec, tname, &s) < 0) return NULL;
    switch (s.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = int_as_double(v);
        if (d == -1.0 && err_occurred()) return NULL;
        StrBuilder sb;
        sb_init(&sb);
        if (float_body(&sb, &s, d, s.type, s.precision, 0, false, true, tname) < 0) {
            sb_discard(&sb);
            return NULL;
        }
        return sb_finish(&sb);
    }
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
        break;
    default:
        return unknown_code(s.type, tname);
    }
    if (s.precision >= 0) return err_set_str(&Exc_ValueError, "Precision not allowed in integer format specifier");
    if (s.z) return err_set_str(&Exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    if (s.type == 'n' && s.grouping) return err_set_str(&Exc_ValueError, "Cannot specify ',' with 'n'.");
    IntTmp t;
    mpz_srcptr z = int_view(v, &t);
    if (s.type == 'c') {
        if (s.sign) return err_set_str(&Exc_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (s.alt) return err_set_str(&Exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
        if (!mpz_fits_slong_p(z))
            return err_set_str(&Exc_OverflowError, "Python int too large to convert to C long");
        if (mpz_sgn(z) < 0 || mpz_cmp_ui(z, 0x10FFFF) > 0)
            return err_set_str(&Exc_OverflowError, "%c arg not in range(0x110000)");
        Obj *ch = str_from_codepoint((uint32_t)mpz_get_ui(z));
        if (!ch) return NULL;
        Obj *r = pad_plain(&s, '>', STR_DATA(ch), STR_SIZE(ch), 1);
        DECREF(ch);
        return r;
    }
    int base = 10;
    const char *prefix = "";
    switch (s.type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    if (!s.alt) prefix = "";
    bool neg = mpz_sgn(z) < 0;
    char *digits;
    char small[80];
    if (base == 10 && int_get_max_str_digits() > 0 && !IS_SMALLINT(v)) {
        /* honour the str() digit limit */
        Obj *str = int_to_decimal_string(v);
        if (!str) return NULL;
        DECREF(str);
    }
    size_t need = mpz_sizeinbase(z, base) + 2;
    digits = need <= sizeof small ? small : mem_alloc(need);
    if (!digits) return NULL;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    mpz_get_str(digits, base, a);
    mpz_clear(a);
    if (s.type == 'X') for (char *q = digits; *q; q++) if (*q >= 'a' && *q <= 'f') *q = (char)(*q - 32);
    StrBuilder sb;
    sb_init(&sb);
    int gsize = base == 10 ? 3 : 4;
    int r = render(&sb, &s, '>', sign_str(&s, neg), prefix, digits, (ssize_t)strlen(digits), "", 0, gsize,
                   s.type == 'n' ? 0 : s.grouping);
    if (digits != small) mem_free(digits);
    if (r < 0) { sb_discard(&sb); return NULL; }
    return sb_finish(&sb);
}

/* ---- complex ------------------------------------------------------------------ */

Obj *numformat_complex(double re, double im, Obj *spec, const char *tname) {
    Spec s;
    if (parse_spec(spec, tname, &s) < 0) return NULL;
    switch (s.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default: return unknown_code(s.type, tname);
    }
    if (s.fill_len == 1 && s.fill[0] == '0')
        return err_set_str(&Exc_ValueError, "Zero padding is not allowed in complex format specifier");
    if (s.align == '=')
        return err_set_str(&Exc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
    bool bare = s.type == 0;
    bool skip_re = bare && re == 0.0 && !signbit(re);
    StrBuilder sb;
    sb_init(&sb);
    uint32_t type = s.type;
    ssize_t prec = s.precision;
    if (bare && prec >= 0) type = 'g';
    if (bare && !skip_re) sb_append(&sb, "(", 1);
    if (!skip_re) {
        if (float_body(&sb, &s, re, type, prec, 0, false, false, tname) < 0) goto fail;
    }
    Spec si = s;
    if (float_body(&sb, &si, im, type, prec, 0, !skip_re, false, tname) < 0) goto fail;
    sb_append(&sb, "j", 1);
    if (bare && !skip_re) sb_append(&sb, ")", 1);
    Obj *body = sb_finish(&sb);
    if (!body) return NULL;
    if (s.width <= 0) return body;
    Obj *r = pad_plain(&s, '>', STR_DATA(body), STR_SIZE(body), STR_LEN(body));
    DECREF(body);
    return r;
fail:
    sb_discard(&sb);
    return NULL;
}
