/* strformat.c — str.format / format_map (replacement fields, auto/manual
 * numbering, attribute and index access, conversions, nested specs),
 * str.__format__, and printf-style `%` formatting for str and bytes.
 */
#include "gilpy.h"
#include "objects/strimpl/strimpl.h"
#include <math.h>

/* ---- str.__format__ ----------------------------------------------------- */

typedef struct {
    uint32_t fill;
    char align;        /* 0, '<', '>', '^', '=' */
    char sign;         /* 0, '+', '-', ' ' */
    int alt, zero, zcoerce;
    ssize_t width, precision;   /* -1 = absent */
    char grouping;     /* 0, ',', '_' */
    uint32_t type;     /* 0 = none */
} FmtSpec;

static int parse_spec(Obj *spec, FmtSpec *f) {
    const unsigned char *p = (const unsigned char *)STR_DATA(spec);
    ssize_t n = STR_SIZE(spec), i = 0;
    memset(f, 0, sizeof *f);
    f->fill = ' ';
    f->width = f->precision = -1;
    int l0 = 0, l1 = 0;
    uint32_t c0 = n > 0 ? u8_decode(p, &l0) : 0;
    uint32_t c1 = n > l0 ? u8_decode(p + l0, &l1) : 0;
    if (n > l0 && (c1 == '<' || c1 == '>' || c1 == '^' || c1 == '=')) {
        f->fill = c0; f->align = (char)c1; i = l0 + l1;
    } else if (n > 0 && (c0 == '<' || c0 == '>' || c0 == '^' || c0 == '=')) {
        f->align = (char)c0; i = 1;
    }
    if (i < n && (p[i] == '+' || p[i] == '-' || p[i] == ' ')) f->sign = (char)p[i++];
    if (i < n && p[i] == 'z') { f->zcoerce = 1; i++; }
    if (i < n && p[i] == '#') { f->alt = 1; i++; }
    if (i < n && p[i] == '0') {
        f->zero = 1;
        if (!f->align) { f->fill = '0'; f->align = '='; }
        i++;
    }
    if (i < n && p[i] >= '0' && p[i] <= '9') {
        ssize_t w = 0;
        while (i < n && p[i] >= '0' && p[i] <= '9') {
            if (w > SSIZE_MAX / 10 - 10) { err_set_str(&Exc_ValueError, "Too many decimal digits in format string"); return -1; }
            w = w * 10 + (p[i++] - '0');
        }
        f->width = w;
    }
    if (i < n && (p[i] == ',' || p[i] == '_')) f->grouping = (char)p[i++];
    if (i < n && (p[i] == ',' || p[i] == '_')) { err_set_str(&Exc_ValueError, "Cannot specify both ',' and '_'."); return -1; }
    if (i < n && p[i] == '.') {
        i++;
        if (i >= n || p[i] < '0' || p[i] > '9') { err_set_str(&Exc_ValueError, "Format specifier missing precision"); return -1; }
        ssize_t w = 0;
        while (i < n && p[i] >= '0' && p[i] <= '9') {
            if (w > SSIZE_MAX / 10 - 10) { err_set_str(&Exc_ValueError, "Too many decimal digits in format string"); return -1; }
            w = w * 10 + (p[i++] - '0');
        }
        f->precision = w;
    }
    if (n - i > 1 || (n - i == 1 && p[i] >= 0x80)) {
        /* more than one type char */
        err_format(&Exc_ValueError, "Invalid format specifier '%U' for object of type 'str'", spec);
        return -1;
    }
    if (i < n) f->type = p[i];
    return 0;
}

Obj *strformat_format_spec(Obj *s, Obj *spec) {
    if (STR_SIZE(spec) == 0) return str_exact_copy(s);
    FmtSpec f;
    if (parse_spec(spec, &f) < 0) return NULL;
    if (f.type && f.type != 's') {
        if (f.type >= 0x20 && f.type < 0x7F)
            return err_format(&Exc_ValueError, "Unknown format code '%c' for object of type 'str'", (int)f.type);
        return err_format(&Exc_ValueError, "Unknown format code '\\x%x' for object of type 'str'", (unsigned)f.type);
    }
    if (f.sign) return err_set_str(&Exc_ValueError, "Sign not allowed in string format specifier");
    if (f.zcoerce) return err_set_str(&Exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alt) return err_set_str(&Exc_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (f.grouping) return err_format(&Exc_ValueError, "Cannot specify '%c' with 's'.", f.grouping);
    if (f.align == '=') {
        if (f.zero && STR_SIZE(spec) && STR_DATA(spec)[0] != '=' && !(STR_SIZE(spec) > 1 && STR_DATA(spec)[1] == '=')) {
            f.align = '<';      /* zero padding of strings pads on the right */
        } else
            return err_set_str(&Exc_ValueError, "'=' alignment not allowed in string format specifier");
    }
    ssize_t len = STR_LEN(s);
    Obj *src = s;
    Obj *cut = NULL;
    if (f.precision >= 0 && f.precision < len) {
        cut = str_substr(s, 0, f.precision);
        if (!cut) return NULL;
        src = cut;
        len = f.precision;
    }
    ssize_t pad = f.width > len ? f.width - len : 0;
    if (!pad) {
        Obj *r = cut ? cut : str_exact_copy(s);
        return r;
    }
    ssize_t left = 0, right = 0;
    char al = f.align ? f.align : '<';
    if (al == '<') right = pad;
    else if (al == '>') left = pad;
    else { left = pad / 2; right = pad - left; }
    StrBuilder sb;
    sb_init(&sb);
    int r = sb_append_char_n(&sb, f.fill, left) < 0 || sb_append_str(&sb, src) < 0 || sb_append_char_n(&sb, f.fill, right) < 0;
    XDECREF(cut);
    if (r) { sb_discard(&sb); return NULL; }
    return sb_finish(&sb);
}

/* ---- str.format ------------------------------------------------------------ */

typedef struct {
    Obj *const *args;
    size_t nargs;
    Obj *kwnames;
    Obj *mapping;
    int auto_state;     /* 0 unknown, 1 auto, 2 manual */
    ssize_t auto_idx;
} FmtCtx;

static Obj *vformat(FmtCtx *ctx, const char *p, ssize_t n, int depth);

static Obj *lookup_kw(FmtCtx *ctx, const char *name, ssize_t len) {
    Obj *key = str_from_utf8(name, len);
    if (!key) return NULL;
    if (ctx->mapping) {
        Obj *v = obj_getitem(ctx->mapping, key);
        DECREF(key);
        return v;
    }
    if (ctx->kwnames) {
        for (ssize_t i = 0; i < TUPLE_SIZE(ctx->kwnames); i++) {
            if (str_eq(TUPLE_GET(ctx->kwnames, i), key)) {
                DECREF(key);
                return NEWREF(ctx->args[ctx->nargs + (size_t)i]);
            }
        }
    }
    err_set_obj(&Exc_KeyError, key);
    DECREF(key);
    return NULL;
}

static int parse_uint(const char *p, ssize_t n, ssize_t *out) {
    if (n == 0) return 0;
    ssize_t v = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return 0;
        if (v > SSIZE_MAX / 10 - 10) return -1;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return 1;
}

static Obj *get_positional(FmtCtx *ctx, ssize_t idx) {
    if (ctx->mapping) return err_set_str(&Exc_ValueError, "Format string contains positional fields");
    if (idx >= (ssize_t)ctx->nargs)
        return err_format(&Exc_IndexError, "Replacement index %zd out of range for positional args tuple", idx);
    return NEWREF(ctx->args[idx]);
}

/* Resolve a field name (arg_name followed by .attr / [key] parts). */
static Obj *get_field(FmtCtx *ctx, const char *p, ssize_t n) {
    ssize_t i = 0;
    while (i < n && p[i] != '.' && p[i] != '[') i++;
    Obj *obj;
    ssize_t idx;
    int r = parse_uint(p, i, &idx);
    if (r < 0) return err_set_str(&Exc_ValueError, "Too many decimal digits in format string");
    if (i == 0) {
        if (ctx->auto_state == 2)
            return err_set_str(&Exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
        ctx->auto_state = 1;
        obj = get_positional(ctx, ctx->auto_idx++);
    } else if (r == 1) {
        if (ctx->auto_state == 1)
            return err_set_str(&Exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
        ctx->auto_state = 2;
        obj = get_positional(ctx, idx);
    } else {
        obj = lookup_kw(ctx, p, i);
    }
    if (!obj) return NULL;
    while (i < n) {
        if (p[i] == '.') {
            i++;
            ssize_t s = i;
            while (i < n && p[i] != '.' && p[i] != '[') i++;
            if (i == s) { DECREF(obj); return err_set_str(&Exc_ValueError, "Empty attribute in format string"); }
            Obj *name = str_from_utf8(p + s, i - s);
            if (!name) { DECREF(obj); return NULL; }
            Obj *v = obj_getattr(obj, name);
            DECREF(name);
            DECREF(obj);
            if (!v) return NULL;
            obj = v;
        } else if (p[i] == '[') {
            i++;
            ssize_t s = i;
            while (i < n && p[i] != ']') i++;
            if (i >= n) { DECREF(obj); return err_set_str(&Exc_ValueError, "Missing ']' in format string"); }
            if (i == s) { DECREF(obj); return err_set_str(&Exc_ValueError, "Empty attribute in format string"); }
            Obj *key;
            ssize_t k;
            if (parse_uint(p + s, i - s, &k) == 1) key = int_from_ssize(k);
            else key = str_from_utf8(p + s, i - s);
            i++;
            if (!key) { DECREF(obj); return NULL; }
            Obj *v = obj_getitem(obj, key);
            DECREF(key);
            DECREF(obj);
            if (!v) return NULL;
            obj = v;
        } else {
            DECREF(obj);
            return err_set_str(&Exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

static int do_field(FmtCtx *ctx, StrBuilder *sb, const char *p, ssize_t n, int depth) {
    /* split name ! conv : spec, honouring brackets in the name */
    ssize_t i = 0;
    while (i < n && p[i] != '!' && p[i] != ':') {
        if (p[i] == '[') { while (i < n && p[i] != ']') i++; if (i < n) i++; continue; }
        i++;
    }
    ssize_t name_end = i;
    char conv = 0;
    if (i < n && p[i] == '!') {
        if (i + 1 >= n) { err_set_str(&Exc_ValueError, "end of string while looking for conversion specifier"); return -1; }
        conv = p[i + 1];
        i += 2;
        if (i < n && p[i] != ':') { err_set_str(&Exc_ValueError, "expected ':' after conversion specifier"); return -1; }
    }
    const char *spec = NULL;
    ssize_t spec_n = 0;
    if (i < n && p[i] == ':') { spec = p + i + 1; spec_n = n - i - 1; }
    Obj *obj = get_field(ctx, p, name_end);
    if (!obj) return -1;
    if (conv) {
        Obj *c;
        if (conv == 'r') c = obj_repr(obj);
        else if (conv == 's') c = obj_str(obj);
        else if (conv == 'a') c = obj_ascii(obj);
        else {
            DECREF(obj);
            if ((unsigned char)conv >= 0x20 && (unsigned char)conv < 0x7F)
                err_format(&Exc_ValueError, "Unknown conversion specifier %c", conv);
            else err_format(&Exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)(unsigned char)conv);
            return -1;
        }
        DECREF(obj);
        if (!c) return -1;
        obj = c;
    }
    Obj *specobj;
    if (spec && memchr(spec, '{', (size_t)spec_n)) specobj = vformat(ctx, spec, spec_n, depth - 1);
    else specobj = spec_n ? str_from_utf8(spec, spec_n) : NULL;
    if (spec_n && !specobj) { DECREF(obj); return -1; }
    Obj *res;
    if (TYPE(obj) == &Str_Type && (!specobj || STR_SIZE(specobj) == 0)) res = NEWREF(obj);
    else if (TYPE(obj) == &Str_Type) res = strformat_format_spec(obj, specobj);
    else res = obj_format(obj, specobj);
    DECREF(obj);
    XDECREF(specobj);
    if (!res) return -1;
    if (!str_check(res)) {
        err_format(&Exc_TypeError, "__format__ must return a str, not %T", res);
        DECREF(res);
        return -1;
    }
    int r = sb_append_str(sb, res);
    DECREF(res);
    return r;
}

static Obj *vformat(FmtCtx *ctx, const char *p, ssize_t n, int depth) {
    if (depth <= 0) return err_set_str(&Exc_ValueError, "Max string recursion exceeded");
    StrBuilder sb;
    sb_init(&sb);
    ssize_t i = 0;
    while (i < n) {
        ssize_t s = i;
        while (i < n && p[i] != '{' && p[i] != '}') i++;
        if (sb_append(&sb, p + s, i - s) < 0) goto fail;
        if (i >= n) break;
        if (p[i] == '}') {
            if (i + 1 < n && p[i + 1] == '}') { if (sb_append_char(&sb, '}') < 0) goto fail; i += 2; continue; }
            err_set_str(&Exc_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (i + 1 < n && p[i + 1] == '{') { if (sb_append_char(&sb, '{') < 0) goto fail; i += 2; continue; }
        /* field: find the matching '}' counting nested braces */
        ssize_t fs = ++i;
        int level = 1;
        int in_bracket = 0;
        while (i < n) {
            char c = p[i];
            if (c == '[' && level == 1) in_bracket = 1;
            else if (c == ']' && level == 1) in_bracket = 0;
            else if (!in_bracket || level > 1) {
                if (c == '{') level++;
                else if (c == '}') { if (--level == 0) break; }
            }
            i++;
        }
        if (i >= n) {
            if (level > 1 || in_bracket)
                err_set_str(&Exc_ValueError, "expected '}' before end of string");
            else
                err_set_str(&Exc_ValueError, fs == n ? "Single '{' encountered in format string" : "expected '}' before end of string");
            goto fail;
        }
        if (do_field(ctx, &sb, p + fs, i - fs, depth) < 0) goto fail;
        i++;
    }
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

Obj *strformat_format(Obj *fmt, Obj *const *args, size_t nargs, Obj *kwnames, Obj *mapping) {
    FmtCtx ctx = {args, nargs, kwnames, mapping, 0, 0};
    return vformat(&ctx, STR_DATA(fmt), STR_SIZE(fmt), 2);
}

/* ---- printf-style formatting -------------------------------------------------- */

typedef struct {
    int minus, plus, space, alt, zero;
    ssize_t width, prec;
} PctFlags;

static int append_padded(StrBuilder *sb, const char *s, ssize_t n, ssize_t cps, PctFlags *f) {
    ssize_t pad = f->width > cps ? f->width - cps : 0;
    if (!f->minus && sb_append_ascii_n(sb, ' ', pad) < 0) return -1;
    if (sb_append(sb, s, n) < 0) return -1;
    if (f->minus && sb_append_ascii_n(sb, ' ', pad) < 0) return -1;
    return 0;
}

/* Format a number: sign + prefix + digits with zero/space padding. */
static int append_number(StrBuilder *sb, int neg, const char *prefix, const char *digits, ssize_t nd, PctFlags *f) {
    char sign = neg ? '-' : f->plus ? '+' : f->space ? ' ' : 0;
    ssize_t plen = (ssize_t)strlen(prefix);
    ssize_t zeros = f->prec > nd ? f->prec - nd : 0;
    ssize_t body = (sign ? 1 : 0) + plen + zeros + nd;
    ssize_t pad = f->width > body ? f->width - body : 0;
    if (!f->minus && !f->zero && sb_append_ascii_n(sb, ' ', pad) < 0) return -1;
    if (sign && sb_append_char(sb, (uint32_t)sign) < 0) return -1;
    if (sb_append(sb, prefix, plen) < 0) return -1;
    if (!f->minus && f->zero && sb_append_ascii_n(sb, '0', pad) < 0) return -1;
    if (sb_append_ascii_n(sb, '0', zeros) < 0) return -1;
    if (sb_append(sb, digits, nd) < 0) return -1;
    if (f->minus && sb_append_ascii_n(sb, ' ', pad) < 0) return -1;
    return 0;
}

static int fmt_int(StrBuilder *sb, Obj *v, char conv, PctFlags *f) {
    Obj *iv;
    if (conv == 'd' || conv == 'i' || conv == 'u') {
        if (int_check(v)) iv = NEWREF(v);
        else if (float_check(v) || TYPE(v)->nb_int || TYPE(v)->nb_index) {
            iv = obj_to_int(v);
            if (!iv) return -1;
        } else {
            err_format(&Exc_TypeError, "%%%c format: a real number is required, not %T", conv, v);
            return -1;
        }
    } else {
        if (int_check(v)) iv = NEWREF(v);
        else if (!float_check(v) && TYPE(v)->nb_index) {
            iv = obj_index(v);
            if (!iv) return -1;
        } else {
            err_format(&Exc_TypeError, "%%%c format: an integer is required, not %T", conv, v);
            return -1;
        }
    }
    int neg = int_sign(iv) < 0;
    Obj *a = neg ? obj_neg(iv) : NEWREF(iv);
    DECREF(iv);
    if (!a) return -1;
    Obj *s;
    const char *skip = "";
    if (conv == 'x' || conv == 'X') s = int_format_base(a, 16);
    else if (conv == 'o') s = int_format_base(a, 8);
    else s = int_to_decimal_string(a);
    DECREF(a);
    if (!s) return -1;
    const char *d = STR_DATA(s);
    ssize_t nd = STR_SIZE(s);
    if (conv == 'x' || conv == 'X' || conv == 'o') {
        if (nd >= 2 && d[0] == '0' && (d[1] == 'x' || d[1] == 'o')) { d += 2; nd -= 2; }
        if (f->alt) skip = conv == 'x' ? "0x" : conv == 'X' ? "0X" : "0o";
    }
    char *buf = NULL;
    if (conv == 'X') {
        buf = mem_alloc((size_t)nd + 1);
        if (!buf) { DECREF(s); return -1; }
        for (ssize_t k = 0; k < nd; k++) buf[k] = (d[k] >= 'a' && d[k] <= 'f') ? (char)(d[k] - 32) : d[k];
        d = buf;
    }
    int r = append_number(sb, neg, skip, d, nd, f);
    mem_free(buf);
    DECREF(s);
    return r;
}

static int fmt_float(StrBuilder *sb, Obj *v, char conv, PctFlags *f) {
    if (!float_check(v) && !int_check(v) && !TYPE(v)->nb_float && !TYPE(v)->nb_index) {
        err_format(&Exc_TypeError, "must be real number, not %T", v);
        return -1;
    }
    double d = float_as_double(v);
    if (d == -1.0 && err_occurred()) return -1;
    ssize_t prec = f->prec < 0 ? 6 : f->prec;
    if (prec > 1000) prec = 1000;
    int neg = signbit(d) != 0 && !isnan(d);
    double a = neg ? -d : d;
    char spec[16], *buf;
    int k = 0;
    spec[k++] = '%';
    if (f->alt) spec[k++] = '#';
    spec[k++] = '.'; spec[k++] = '*';
    spec[k++] = conv;
    spec[k] = 0;
    if (isinf(a) || isnan(a)) {
        const char *t = isinf(a) ? "inf" : "nan";
        char up[4];
        if (conv == 'E' || conv == 'F' || conv == 'G') { for (int z = 0; z < 4; z++) up[z] = t[z] ? (char)(t[z] - 32) : 0; t = up; }
        PctFlags g = *f;
        g.zero = 0;
        g.prec = -1;
        return append_number(sb, neg, "", t, 3, &g);
    }
    int len = snprintf(NULL, 0, spec, (int)prec, a);
    buf = mem_alloc((size_t)len + 1);
    if (!buf) return -1;
    snprintf(buf, (size_t)len + 1, spec, (int)prec, a);
    PctFlags g = *f;
    g.prec = -1;
    int r = append_number(sb, neg, "", buf, len, &g);
    mem_free(buf);
    return r;
}

static int get_bytes_arg(Obj *v, ByteView *bv) {
    int r = bytes_view_try(v, bv);
    if (r != 0) return r < 0 ? -1 : 0;
    Obj *m = obj_type_lookup_special(v, str_intern_cstr("__bytes__"));
    if (m) {
        Obj *b = obj_call0(m);
        DECREF(m);
        if (!b) return -1;
        if (!bytes_check(b)) {
            err_format(&Exc_TypeError, "__bytes__ returned non-bytes (type %T)", b);
            DECREF(b);
            return -1;
        }
        bv->buf = BYTES_DATA(b);
        bv->len = BYTES_SIZE(b);
        bv->owner = b;
        return 0;
    }
    if (err_occurred()) return -1;
    err_format(&Exc_TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%T'", v);
    return -1;
}

static Obj *percent_format(Obj *fmtobj, const char *p, ssize_t n, Obj *args, int is_bytes) {
    Obj *dict = NULL;
    Obj *const *argv;
    ssize_t argc, argi = 0;
    Obj *single = args;
    if (tuple_check(args)) { argv = TUPLE_ITEMS(args); argc = TUPLE_SIZE(args); }
    else { argv = &single; argc = 1; }
    /* CPython: any object with __getitem__ (other than tuple/str, and for bytes the bytes-likes) is a mapping */
    if (!tuple_check(args) && !str_check(args) && TYPE(args)->getitem &&
        !(is_bytes && (bytes_check(args) || type_is_subtype(TYPE(args), &ByteArray_Type))))
        dict = args;
    StrBuilder sb;
    sb_init(&sb);
    ssize_t i = 0;
    int used_dict = 0;
    while (i < n) {
        ssize_t s = i;
        while (i < n && p[i] != '%') i++;
        if (sb_append(&sb, p + s, i - s) < 0) goto fail;
        if (i >= n) break;
        ssize_t pct = i;
        i++;
        if (i >= n) { err_set_str(&Exc_ValueError, "incomplete format"); goto fail; }
        Obj *keyed = NULL;
        if (p[i] == '(') {
            if (!dict) { err_set_str(&Exc_TypeError, "format requires a mapping"); goto fail; }
            int level = 1;
            ssize_t ks = ++i;
            while (i < n && level) {
                if (p[i] == '(') level++;
                else if (p[i] == ')') level--;
                i++;
            }
            if (level) { err_set_str(&Exc_ValueError, "incomplete format key"); goto fail; }
            Obj *key = is_bytes ? bytes_from(p + ks, i - 1 - ks) : str_from_utf8(p + ks, i - 1 - ks);
            if (!key) goto fail;
            keyed = obj_getitem(dict, key);
            DECREF(key);
            if (!keyed) goto fail;
            used_dict = 1;
        }
        PctFlags f = {0, 0, 0, 0, 0, -1, -1};
        for (; i < n; i++) {
            char c = p[i];
            if (c == '-') f.minus = 1;
            else if (c == '+') f.plus = 1;
            else if (c == ' ') f.space = 1;
            else if (c == '#') f.alt = 1;
            else if (c == '0') f.zero = 1;
            else break;
        }
#define NEXT_ARG(dst) do { \
            if (keyed) { dst = keyed; } \
            else if (argi < argc) dst = argv[argi++]; \
            else { err_set_str(&Exc_TypeError, "not enough arguments for format string"); goto fail; } } while (0)
        if (i < n && p[i] == '*') {
            Obj *w;
            if (argi >= argc) { XDECREF(keyed); err_set_str(&Exc_TypeError, "not enough arguments for format string"); goto fail; }
            w = argv[argi++];
            if (!int_check(w)) { XDECREF(keyed); err_set_str(&Exc_TypeError, "* wants int"); goto fail; }
            f.width = obj_as_ssize(w, &Exc_OverflowError);
            if (f.width == -1 && err_occurred()) { XDECREF(keyed); goto fail; }
            if (f.width < 0) { f.minus = 1; f.width = -f.width; }
            i++;
        } else {
            ssize_t w = -1;
            while (i < n && p[i] >= '0' && p[i] <= '9') { w = (w < 0 ? 0 : w) * 10 + (p[i] - '0'); i++; if (w > 1000000000) w = 1000000000; }
            f.width = w;
        }
        if (i < n && p[i] == '.') {
            i++;
            if (i < n && p[i] == '*') {
                Obj *w;
                if (argi >= argc) { XDECREF(keyed); err_set_str(&Exc_TypeError, "not enough arguments for format string"); goto fail; }
                w = argv[argi++];
                if (!int_check(w)) { XDECREF(keyed); err_set_str(&Exc_TypeError, "* wants int"); goto fail; }
                f.prec = obj_as_ssize(w, &Exc_OverflowError);
                if (f.prec == -1 && err_occurred()) { XDECREF(keyed); goto fail; }
                if (f.prec < 0) f.prec = 0;
                i++;
            } else {
                ssize_t w = 0;
                while (i < n && p[i] >= '0' && p[i] <= '9') { w = w * 10 + (p[i] - '0'); i++; if (w > 1000000000) w = 1000000000; }
                f.prec = w;
            }
        }
        while (i < n && (p[i] == 'h' || p[i] == 'l' || p[i] == 'L')) i++;
        if (i >= n) { XDECREF(keyed); err_set_str(&Exc_ValueError, "incomplete format"); goto fail; }
        unsigned char conv = (unsigned char)p[i];
        ssize_t conv_at = i;
        i++;
        if (conv == '%') {
            XDECREF(keyed);
            if (sb_append_char(&sb, '%') < 0) goto fail;
            continue;
        }
        Obj *v = NULL;
        int r = 0;
        switch (conv) {
        case 's': case 'r': case 'a': case 'b': {
            NEXT_ARG(v);
            if (is_bytes && (conv == 's' || conv == 'b')) {
                ByteView bv;
                if (get_bytes_arg(v, &bv) < 0) { r = -1; break; }
                ssize_t len = bv.len;
                if (f.prec >= 0 && f.prec < len) len = f.prec;
                r = append_padded(&sb, bv.buf, len, len, &f);
                XDECREF(bv.owner);
                break;
            }
            if (!is_bytes && conv == 'b') goto badchar;
            Obj *t = conv == 's' ? obj_str(v) : conv == 'r' ? (is_bytes ? obj_ascii(v) : obj_repr(v)) : obj_ascii(v);
            if (!t) { r = -1; break; }
            ssize_t nbytes = STR_SIZE(t), cps = STR_LEN(t);
            if (f.prec >= 0 && f.prec < cps) { nbytes = str_byte_offset(t, f.prec); cps = f.prec; }
            r = append_padded(&sb, STR_DATA(t), nbytes, cps, &f);
            DECREF(t);
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            NEXT_ARG(v);
            r = fmt_int(&sb, v, (char)conv, &f);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            NEXT_ARG(v);
            r = fmt_float(&sb, v, (char)conv, &f);
            break;
        case 'c': {
            NEXT_ARG(v);
            char tmp[4];
            if (is_bytes) {
                if (int_check(v)) {
                    long long x = int_as_long(v);
                    if (x == -1 && err_occurred()) { r = -1; break; }
                    if (x < 0 || x > 255) { err_set_str(&Exc_OverflowError, "%c arg not in range(256)"); r = -1; break; }
                    tmp[0] = (char)x;
                } else if ((bytes_check(v) && BYTES_SIZE(v) == 1) ||
                           (TYPE(v) == &ByteArray_Type && ((ByteArrayObj *)v)->size == 1)) {
                    tmp[0] = bytes_check(v) ? BYTES_DATA(v)[0] : ((ByteArrayObj *)v)->data[0];
                } else {
                    err_set_str(&Exc_TypeError, "%c requires an integer in range(256) or a single byte");
                    r = -1;
                    break;
                }
                r = append_padded(&sb, tmp, 1, 1, &f);
                break;
            }
            uint32_t cp;
            if (int_check(v)) {
                long long x = int_as_long(v);
                if (x == -1 && err_occurred()) {
                    if (err_matches(&Exc_OverflowError)) { err_clear(); err_set_str(&Exc_OverflowError, "%c arg not in range(0x110000)"); }
                    r = -1; break;
                }
                if (x < 0 || x > 0x10FFFF) { err_set_str(&Exc_OverflowError, "%c arg not in range(0x110000)"); r = -1; break; }
                cp = (uint32_t)x;
            } else if (str_check(v) && STR_LEN(v) == 1) {
                cp = str_char_at(v, 0);
            } else {
                err_set_str(&Exc_TypeError, "%c requires int or char");
                r = -1;
                break;
            }
            r = append_padded(&sb, tmp, u8_encode(tmp, cp), 1, &f);
            break;
        }
        default:
        badchar:
            XDECREF(keyed);
            keyed = NULL;
            if (conv >= 0x20 && conv < 0x7F)
                err_format(&Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd", (int)conv, (unsigned)conv,
                           is_bytes ? conv_at : u8_count(p, conv_at));
            else {
                int l;
                uint32_t c = is_bytes ? conv : u8_decode((const unsigned char *)p + conv_at, &l);
                err_format(&Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd", (int)c, (unsigned)c,
                           is_bytes ? conv_at : u8_count(p, conv_at));
            }
            goto fail;
        }
#undef NEXT_ARG
        XDECREF(keyed);
        if (r < 0) goto fail;
        (void)pct;
    }
    if (!dict && argi < argc) {
        err_set_str(&Exc_TypeError, is_bytes ? "not all arguments converted during bytes formatting"
                                             : "not all arguments converted during string formatting");
        goto fail;
    }
    (void)used_dict;
    (void)fmtobj;
    if (is_bytes) {
        Obj *b = bytes_from(sb.buf ? sb.buf : "", sb.size);
        sb_discard(&sb);
        return b;
    }
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

Obj *strformat_mod(Obj *fmt, Obj *args) {
    return percent_format(fmt, STR_DATA(fmt), STR_SIZE(fmt), args, 0);
}

Obj *strformat_bytes_mod(Obj *fmt, Obj *args, int is_bytearray) {
    ByteView v;
    if (bytes_get_view(fmt, &v) < 0) return NULL;
    Obj *r = percent_format(fmt, v.buf, v.len, args, 1);
    XDECREF(v.owner);
    if (r && is_bytearray) {
        Obj *ba = bytearray_from(BYTES_DATA(r), BYTES_SIZE(r));
        DECREF(r);
        return ba;
    }
    return r;
}
