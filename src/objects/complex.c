/* complex.c — the complex type (arithmetic as CPython's _Py_c_* helpers). */
#include "objects/int.h"
#include <math.h>
#include <errno.h>

typedef struct { double real, imag; } cplx;

static inline cplx CVAL(Obj *o) { ComplexObj *c = (ComplexObj *)o; return (cplx){c->real, c->imag}; }
static inline bool complex_check(Obj *o) { return !IS_SMALLINT(o) && type_is_subtype(TYPE(o), &Complex_Type); }

Obj *complex_from_doubles(double re, double im) {
    ComplexObj *c = (ComplexObj *)obj_alloc(&Complex_Type, 0);
    if (!c) return NULL;
    c->real = re;
    c->imag = im;
    return OBJ(c);
}
static Obj *from_c(cplx c) { return complex_from_doubles(c.real, c.imag); }

static void complex_dealloc(Obj *o) { obj_free(o); }

/* 1 ok, 0 unsupported operand, -1 error */
static int to_complex(Obj *o, cplx *out) {
    if (complex_check(o)) { out->real = ((ComplexObj *)o)->real; out->imag = ((ComplexObj *)o)->imag; return 1; }
    if (float_check(o)) { out->real = FLOAT_VAL(o); out->imag = 0.0; return 1; }
    if (int_check(o)) {
        double d = int_as_double(o);
        if (d == -1.0 && err_occurred()) return -1;
        out->real = d;
        out->imag = 0.0;
        return 1;
    }
    return 0;
}

#define CONVERT2(a, b, x, y) do { \
    int r1_ = to_complex(a, &x); if (r1_ <= 0) { if (r1_ < 0) return NULL; RETURN_NOTIMPL; } \
    int r2_ = to_complex(b, &y); if (r2_ <= 0) { if (r2_ < 0) return NULL; RETURN_NOTIMPL; } \
} while (0)

static cplx c_sum(cplx a, cplx b) { return (cplx){a.real + b.real, a.imag + b.imag}; }
static cplx c_diff(cplx a, cplx b) { return (cplx){a.real - b.real, a.imag - b.imag}; }
static cplx c_prod(cplx a, cplx b) {
    return (cplx){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}
static cplx c_quot(cplx a, cplx b, int *err) {
    cplx r;
    double abr = fabs(b.real), abi = fabs(b.imag);
    if (abr >= abi) {
        if (abr == 0.0) { *err = EDOM; r.real = r.imag = 0.0; }
        else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abi >= abr) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN;
    }
    return r;
}
static cplx c_pow(cplx a, cplx b, int *err) {
    cplx r;
    if (b.real == 0.0 && b.imag == 0.0) { r.real = 1.0; r.imag = 0.0; }
    else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) *err = EDOM;
        r.real = r.imag = 0.0;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}
static cplx c_powu(cplx x, long n) {
    cplx r = {1.0, 0.0}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask) r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}
static cplx c_powi(cplx x, long n, int *err) {
    if (n > 0) return c_powu(x, n);
    return c_quot((cplx){1.0, 0.0}, c_powu(x, -n), err);
}

static Obj *pow_result(cplx a, cplx b) {
    int err = 0;
    cplx p;
    errno = 0;     /* libm errors (cos(inf) -> EDOM ...) count, as in CPython */
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0)
        p = c_powi(a, (long)b.real, &err);
    else
        p = c_pow(a, b, &err);
    if (!err) err = errno;
    if (isinf(p.real) || isinf(p.imag)) { if (err == 0) err = ERANGE; }
    else if (err == ERANGE) err = 0;
    if (err == EDOM) return err_set_str(&Exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (err == ERANGE) return err_set_str(&Exc_OverflowError, "complex exponentiation");
    return from_c(p);
}

Obj *complex_pow_doubles(double ar, double ai, double br, double bi) {
    return pow_result((cplx){ar, ai}, (cplx){br, bi});
}

static Obj *cx_add(Obj *a, Obj *b) { cplx x, y; CONVERT2(a, b, x, y); return from_c(c_sum(x, y)); }
static Obj *cx_sub(Obj *a, Obj *b) { cplx x, y; CONVERT2(a, b, x, y); return from_c(c_diff(x, y)); }
static Obj *cx_mul(Obj *a, Obj *b) { cplx x, y; CONVERT2(a, b, x, y); return from_c(c_prod(x, y)); }
static Obj *cx_div(Obj *a, Obj *b) {
    cplx x, y;
    CONVERT2(a, b, x, y);
    int err = 0;
    cplx r = c_quot(x, y, &err);
    if (err) return err_set_str(&Exc_ZeroDivisionError, "complex division by zero");
    return from_c(r);
}
static Obj *cx_pow(Obj *a, Obj *b) { cplx x, y; CONVERT2(a, b, x, y); return pow_result(x, y); }
static Obj *cx_pow3(Obj *a, Obj *b, Obj *m) {
    if (m && m != None) return err_set_str(&Exc_ValueError, "complex modulo");
    return cx_pow(a, b);
}
static Obj *cx_neg(Obj *a) { cplx x = CVAL(a); return complex_from_doubles(-x.real, -x.imag); }
static Obj *cx_pos(Obj *a) {
    if (TYPE(a) == &Complex_Type) return NEWREF(a);
    return from_c(CVAL(a));
}
static Obj *cx_abs(Obj *a) {
    cplx x = CVAL(a);
    if (isinf(x.real) || isinf(x.imag)) return float_from_double(INFINITY);
    if (isnan(x.real) || isnan(x.imag)) return float_from_double(NAN);
    double r = hypot(x.real, x.imag);
    if (isinf(r)) return err_set_str(&Exc_OverflowError, "absolute value too large");
    return float_from_double(r);
}
static int cx_bool(Obj *a) { cplx x = CVAL(a); return x.real != 0.0 || x.imag != 0.0; }

static Obj *cx_richcompare(Obj *a, Obj *b, int op) {
    if (op != CMP_EQ && op != CMP_NE) RETURN_NOTIMPL;
    if (!complex_check(a)) RETURN_NOTIMPL;
    cplx x = CVAL(a);
    bool eq;
    if (int_check(b)) {
        if (x.imag != 0.0) eq = false;
        else eq = int_compare_double(b, x.real) == 0;
    } else if (float_check(b)) {
        eq = x.real == FLOAT_VAL(b) && x.imag == 0.0;
    } else if (complex_check(b)) {
        cplx y = CVAL(b);
        eq = x.real == y.real && x.imag == y.imag;
    } else {
        RETURN_NOTIMPL;
    }
    RETURN_BOOL(op == CMP_EQ ? eq : !eq);
}

static hash_t cx_hash(Obj *a) {
    cplx x = CVAL(a);
    hash_t hr = isnan(x.real) ? (hash_t)(uintptr_t)a : float_hash_double(x.real);
    hash_t hi = isnan(x.imag) ? (hash_t)(uintptr_t)a : float_hash_double(x.imag);
    uint64_t h = (uint64_t)hr + 1000003u * (uint64_t)hi;
    hash_t r = (hash_t)h;
    if (r == -1) r = -2;
    return r;
}

static Obj *cx_repr(Obj *a) {
    cplx x = CVAL(a);
    char *im = float_format_double(x.imag, 'r', 0, 0, NULL);
    if (!im) return NULL;
    Obj *r;
    if (x.real == 0.0 && !signbit(x.real)) {
        r = str_from_format("%sj", im);
    } else {
        char *re = float_format_double(x.real, 'r', 0, 0, NULL);
        if (!re) { mem_free(im); return NULL; }
        char *ims = float_format_double(x.imag, 'r', 0, FLOAT_FMT_SIGN, NULL);
        if (!ims) { mem_free(re); mem_free(im); return NULL; }
        r = str_from_format("(%s%sj)", re, ims);
        mem_free(re);
        mem_free(ims);
    }
    mem_free(im);
    return r;
}

/* ---- construction ------------------------------------------------------------ */

static bool sp(char c) { return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f); }

/* Length of a float literal at s (digits, '.', exponent, inf/nan words, '_'). */
static size_t scan_float(const char *s, const char *end) {
    const char *p = s;
    const char *words[] = {"infinity", "inf", "nan"};
    for (size_t w = 0; w < 3; w++) {
        size_t l = strlen(words[w]);
        if ((size_t)(end - p) >= l && strncasecmp(p, words[w], l) == 0) return l;
    }
    while (p < end && ((*p >= '0' && *p <= '9') || *p == '_' || *p == '.')) p++;
    if (p > s && p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-')) q++;
        if (q < end && *q >= '0' && *q <= '9') {
            while (q < end && ((*q >= '0' && *q <= '9') || *q == '_')) q++;
            p = q;
        }
    }
    return (size_t)(p - s);
}

static int parse_part(const char *s, size_t n, double *out) {
    /* remove valid underscores */
    char buf[256] = {0};
    char *b = n < sizeof buf ? buf : mem_alloc(n + 1);
    if (!b) { err_clear(); return -1; }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '_') {
            if (i == 0 || i + 1 >= n || !(s[i - 1] >= '0' && s[i - 1] <= '9') || !(s[i + 1] >= '0' && s[i + 1] <= '9')) {
                if (b != buf) mem_free(b);
                return -1;
            }
            continue;
        }
        b[k++] = s[i];
    }
    int r = float_parse_cstr(b, k, out);
    if (b != buf) mem_free(b);
    return r;
}

static int parse_complex(const char *s, ssize_t len, cplx *out) {
    const char *p = s, *end = s + len;
    while (p < end && sp(*p)) p++;
    while (end > p && sp(end[-1])) end--;
    if (p < end && *p == '(') {
        if (end[-1] != ')') return -1;
        p++; end--;
        while (p < end && sp(*p)) p++;
        while (end > p && sp(end[-1])) end--;
    }
    if (p >= end) return -1;
    double x = 0.0, y = 0.0;
    /* first number */
    const char *a = p;
    if (p < end && (*p == '+' || *p == '-')) p++;
    size_t n1 = scan_float(p, end);
    p += n1;
    if (p == end) {                       /* pure real */
        if (n1 == 0 || parse_part(a, (size_t)(p - a), &x) < 0) return -1;
        *out = (cplx){x, 0.0};
        return 0;
    }
    if (*p == 'j' || *p == 'J') {         /* pure imaginary */
        if (p + 1 != end) return -1;
        if (n1 == 0) y = (*a == '-') ? -1.0 : 1.0;
        else if (parse_part(a, (size_t)(p - a), &y) < 0) return -1;
        *out = (cplx){0.0, y};
        return 0;
    }
    if (n1 == 0 || (*p != '+' && *p != '-')) return -1;
    if (parse_part(a, (size_t)(p - a), &x) < 0) return -1;
    const char *b = p;
    p++;
    size_t n2 = scan_float(p, end);
    p += n2;
    if (p >= end || (*p != 'j' && *p != 'J') || p + 1 != end) return -1;
    if (n2 == 0) y = (*b == '-') ? -1.0 : 1.0;
    else if (parse_part(b, (size_t)(p - b), &y) < 0) return -1;
    *out = (cplx){x, y};
    return 0;
}

/* CPython's underscore rule: '_' only between digits; else "could not
 * convert string to complex".  Strips them into a new buffer. */
static char *strip_underscores(const char *s, ssize_t n, ssize_t *outn) {
    char *buf = mem_alloc((size_t)n + 1);
    if (!buf) return NULL;
    ssize_t k = 0;
    char prev = 0;
    for (ssize_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '_') {
            if (!(prev >= '0' && prev <= '9')) goto bad;
        } else {
            buf[k++] = c;
            if (prev == '_' && !(c >= '0' && c <= '9')) goto bad;
        }
        prev = c;
    }
    if (prev == '_') goto bad;
    buf[k] = 0;
    *outn = k;
    return buf;
bad:
    mem_free(buf);
    *outn = -1;
    return NULL;
}

static Obj *complex_from_str(Obj *s) {
    if (memchr(STR_DATA(s), '_', (size_t)STR_SIZE(s))) {
        ssize_t n;
        char *b = strip_underscores(STR_DATA(s), STR_SIZE(s), &n);
        if (!b) {
            if (n < 0) return err_format(&Exc_ValueError, "could not convert string to complex: %R", s);
            return NULL;
        }
        Obj *t = str_from_utf8(b, n);
        mem_free(b);
        if (!t) return NULL;
        cplx c;
        int r = -1;
        bool ascii = true;
        for (ssize_t i = 0; i < STR_SIZE(t); i++) if ((unsigned char)STR_DATA(t)[i] >= 0x80 || STR_DATA(t)[i] == 0) { ascii = false; break; }
        if (ascii) r = parse_complex(STR_DATA(t), STR_SIZE(t), &c);
        else {
            ssize_t an;
            char *a = int_transform_ascii(STR_DATA(t), STR_SIZE(t), &an);
            if (!a) { DECREF(t); return NULL; }
            r = memchr(a, 0, (size_t)an) ? -1 : parse_complex(a, an, &c);
            mem_free(a);
        }
        DECREF(t);
        if (r < 0) return err_set_str(&Exc_ValueError, "complex() arg is a malformed string");
        return from_c(c);
    }
    cplx c;
    int r;
    bool ascii = true;
    for (ssize_t i = 0; i < STR_SIZE(s); i++) if ((unsigned char)STR_DATA(s)[i] >= 0x80 || STR_DATA(s)[i] == 0) { ascii = false; break; }
    if (ascii) r = parse_complex(STR_DATA(s), STR_SIZE(s), &c);
    else {
        ssize_t n;
        char *a = int_transform_ascii(STR_DATA(s), STR_SIZE(s), &n);
        if (!a) return NULL;
        r = memchr(a, 0, (size_t)n) ? -1 : parse_complex(a, n, &c);
        mem_free(a);
    }
    if (r < 0) return err_set_str(&Exc_ValueError, "complex() arg is a malformed string");
    return from_c(c);
}

/* __complex__ lookup: 1 found (*out set), 0 none, -1 error. */
static int try_complex_dunder(Obj *o, cplx *out) {
    Obj *m = obj_type_lookup_special(o, str_intern_cstr("__complex__"));
    if (!m) return err_occurred() ? -1 : 0;
    Obj *r = obj_call0(m);
    DECREF(m);
    if (!r) return -1;
    if (!complex_check(r)) {
        err_format(&Exc_TypeError, "__complex__ returned non-complex (type %T)", r);
        DECREF(r);
        return -1;
    }
    *out = CVAL(r);
    DECREF(r);
    return 1;
}

static bool is_number(Obj *o) {
    TypeObj *t = TYPE(o);
    return complex_check(o) || t->nb_float || t->nb_index || int_check(o);
}

static Obj *complex_new_impl(Obj *r, Obj *i) {
    cplx cr = {0.0, 0.0}, ci = {0.0, 0.0};
    bool cr_is_complex = false;
    if (r && str_check(r)) {
        if (i) return err_set_str(&Exc_TypeError, "complex() can't take second arg if first is a string");
        return complex_from_str(r);
    }
    if (i && str_check(i)) return err_set_str(&Exc_TypeError, "complex() second arg can't be a string");
    if (r) {
        if (TYPE(r) == &Complex_Type && !i) return NEWREF(r);
        int got = try_complex_dunder(r, &cr);
        if (got < 0) return NULL;
        if (got) cr_is_complex = true;
        else {
            if (!is_number(r))
                return err_format(&Exc_TypeError, "complex() first argument must be a string or a number, not '%s'",
                                  type_name(TYPE(r)));
            if (complex_check(r)) { cr = CVAL(r); cr_is_complex = true; }
            else {
                cr.real = float_as_double(r);
                if (cr.real == -1.0 && err_occurred()) return NULL;
            }
        }
    }
    if (i) {
        if (!is_number(i))
            return err_format(&Exc_TypeError, "complex() second argument must be a number, not '%s'",
                              type_name(TYPE(i)));
        if (complex_check(i)) ci = CVAL(i);
        else {
            ci.real = float_as_double(i);
            if (ci.real == -1.0 && err_occurred()) return NULL;
        }
    }
    /* real - i.imag only when i is complex; imag + r.imag only when r is complex */
    double re = cr.real, im = i ? ci.real : cr.imag;
    if (i && complex_check(i)) re -= ci.imag;
    if (cr_is_complex && i) im += cr.imag;
    return complex_from_doubles(re, im);
}

static Obj *complex_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    static const char *const names[] = {"real", "imag"};
    Obj *out[2] = {NULL, NULL};
    if (args_parse("complex", args, nargs, kwnames, names, 2, 0, 2, out) < 0) return NULL;
    Obj *r = complex_new_impl(out[0], out[1]);
    if (!r || type == &Complex_Type) return r;
    ComplexObj *c = (ComplexObj *)type_generic_alloc(type, 0);
    if (c) { c->real = ((ComplexObj *)r)->real; c->imag = ((ComplexObj *)r)->imag; }
    DECREF(r);
    return OBJ(c);
}

/* ---- methods ------------------------------------------------------------------ */

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


static Obj *m_conjugate(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (noargs("complex.conjugate", nargs, kw) < 0) return NULL;
    cplx x = CVAL(self);
    return complex_from_doubles(x.real, -x.imag);
}
static Obj *m_complex(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (noargs("complex.__complex__", nargs, kw) < 0) return NULL;
    return cx_pos(self);
}
static Obj *m_format(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__format__", kw) < 0 || args_count("__format__", nargs, 1, 1) < 0) return NULL;
    if (!str_check(args[0]))
        return err_format(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    if (STR_SIZE(args[0]) == 0) return obj_str(self);
    cplx x = CVAL(self);
    return numformat_complex(x.real, x.imag, args[0], type_name(TYPE(self)));
}
static Obj *m_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    cplx x = CVAL(self);
    Obj *a = float_from_double(x.real), *b = float_from_double(x.imag);
    Obj *t = (a && b) ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return t;
}

static MethodDef complex_methods[] = {
    {"conjugate", m_conjugate, 0, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", m_complex, 0, "Convert this value to exact type complex."},
    {"__format__", m_format, 0, "Convert to a string according to format_spec."},
    {"__getnewargs__", m_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL}
};

static MemberDef complex_members[] = {
    {"real", MEMBER_DOUBLE, offsetof(ComplexObj, real), 1, "the real part of a complex number"},
    {"imag", MEMBER_DOUBLE, offsetof(ComplexObj, imag), 1, "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL}
};

TypeObj Complex_Type = {
    TYPE_HEAD_INIT,
    .name = "complex",
    .basicsize = sizeof(ComplexObj),
    .flags = TF_BASETYPE | TF_IMMUTABLETYPE,
    .doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
           "This is equivalent to (real + imag*1j) where imag defaults to 0.",
    .dealloc = complex_dealloc,
    .repr = cx_repr,
    .hash = cx_hash,
    .richcompare = cx_richcompare,
    .new_ = complex_new,
    .nb = { [NB_ADD] = cx_add, [NB_SUB] = cx_sub, [NB_MUL] = cx_mul, [NB_TRUEDIV] = cx_div, [NB_POW] = cx_pow },
    .nb_pow3 = cx_pow3,
    .nb_neg = cx_neg, .nb_pos = cx_pos, .nb_abs = cx_abs, .nb_bool = cx_bool,
    .methods = complex_methods,
    .members = complex_members,
    .base = &Object_Type,
};
