/* abstract.c — the object protocols (obj_*): repr/str/hash/compare/truth,
 * attribute access entry points, calls, numeric operators, containers,
 * iteration, isinstance/issubclass, format and sequence helpers.
 * OWNER: TYPES.  Messages follow CPython 3.11 exactly. */
#include "gilpy.h"
#include "objects/typeobj.h"
#include "objects/exceptions.h"
#include <stdlib.h>
#include <math.h>
#include <errno.h>
#include <ctype.h>

/* ---- repr / str / ascii ------------------------------------------------- */
Obj *obj_repr(Obj *o) {
    if (!o) return str_from_cstr("<NULL>");
    unaryfunc f = TYPE(o)->repr;
    if (!f) return object_repr(o);
    if (enter_recursive_call(" while getting the repr of an object") < 0) return NULL;
    Obj *r = f(o);
    leave_recursive_call();
    if (r && !str_check(r)) {
        err_format(&Exc_TypeError, "__repr__ returned non-string (type %s)", TP_NAME(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    return r;
}

Obj *obj_str(Obj *o) {
    if (!o) return str_from_cstr("<NULL>");
    if (!IS_SMALLINT(o) && TYPE(o) == &Str_Type) return NEWREF(o);
    unaryfunc f = TYPE(o)->str;
    if (!f) return obj_repr(o);
    if (enter_recursive_call(" while getting the str of an object") < 0) return NULL;
    Obj *r = f(o);
    leave_recursive_call();
    if (r && !str_check(r)) {
        err_format(&Exc_TypeError, "__str__ returned non-string (type %s)", TP_NAME(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    return r;
}

/* Decode one UTF-8 code point; returns its length. */
static int utf8_decode(const unsigned char *s, ssize_t n, uint32_t *cp) {
    unsigned c = s[0];
    if (c < 0x80 || n < 2) { *cp = c; return 1; }
    if ((c & 0xE0) == 0xC0) { *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F); return 2; }
    if ((c & 0xF0) == 0xE0 && n >= 3) { *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F); return 3; }
    if (n >= 4) { *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F); return 4; }
    *cp = c;
    return 1;
}

Obj *obj_escape_ascii(Obj *s) {
    if (((StrObj *)s)->ascii) return NEWREF(s);
    StrBuilder sb;
    sb_init(&sb);
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    ssize_t n = STR_SIZE(s), i = 0;
    char buf[16];
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(p + i, n - i, &cp);
        i += k;
        int r;
        if (cp < 0x80) { buf[0] = (char)cp; r = sb_append(&sb, buf, 1); }
        else if (cp < 0x100) { snprintf(buf, sizeof buf, "\\x%02x", cp); r = sb_append_cstr(&sb, buf); }
        else if (cp < 0x10000) { snprintf(buf, sizeof buf, "\\u%04x", cp); r = sb_append_cstr(&sb, buf); }
        else { snprintf(buf, sizeof buf, "\\U%08x", cp); r = sb_append_cstr(&sb, buf); }
        if (r < 0) { sb_discard(&sb); return NULL; }
    }
    return sb_finish(&sb);
}

Obj *obj_ascii(Obj *o) {
    Obj *r = obj_repr(o);
    if (!r) return NULL;
    Obj *e = obj_escape_ascii(r);
    DECREF(r);
    return e;
}

/* ---- hash --------------------------------------------------------------- */
hash_t hash_not_implemented(Obj *o) {
    err_format(&Exc_TypeError, "unhashable type: '%s'", TP_NAME(TYPE(o)));
    return -1;
}

hash_t obj_hash(Obj *o) {
    hashfunc f = TYPE(o)->hash;
    if (!f) return hash_not_implemented(o);
    return f(o);
}

/* ---- comparisons -------------------------------------------------------- */
static const int swapped_op[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
static const char *const cmp_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

static Obj *do_richcompare(Obj *a, Obj *b, int op) {
    TypeObj *ta = TYPE(a), *tb = TYPE(b);
    int checked_reverse = 0;
    Obj *r;
    if (ta != tb && tb->richcompare && type_is_subtype(tb, ta)) {
        checked_reverse = 1;
        r = tb->richcompare(b, a, swapped_op[op]);
        if (r != NotImplemented) return r;
    }
    if (ta->richcompare) {
        r = ta->richcompare(a, b, op);
        if (r != NotImplemented) return r;
    }
    if (!checked_reverse && tb->richcompare) {
        r = tb->richcompare(b, a, swapped_op[op]);
        if (r != NotImplemented) return r;
    }
    switch (op) {
    case CMP_EQ: RETURN_BOOL(a == b);
    case CMP_NE: RETURN_BOOL(a != b);
    default:
        return err_format(&Exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                          cmp_symbol[op], TP_NAME(ta), TP_NAME(tb));
    }
}

Obj *obj_richcompare(Obj *a, Obj *b, int op) {
    if (op < 0 || op > 5) return err_bad_internal_call();
    if (enter_recursive_call(" in comparison") < 0) return NULL;
    Obj *r = do_richcompare(a, b, op);
    leave_recursive_call();
    return r;
}

int obj_richcompare_bool(Obj *a, Obj *b, int op) {
    if (a == b) {
        if (op == CMP_EQ) return 1;
        if (op == CMP_NE) return 0;
    }
    Obj *r = obj_richcompare(a, b, op);
    if (!r) return -1;
    int t;
    if (r == True_) t = 1;
    else if (r == False_) t = 0;
    else t = obj_is_true(r);
    DECREF(r);
    return t;
}

int obj_is_true(Obj *o) {
    if (o == True_) return 1;
    if (o == False_ || o == None) return 0;
    if (IS_SMALLINT(o)) return SMALLINT_VALUE(o) != 0;
    TypeObj *t = TYPE(o);
    if (t->nb_bool) return t->nb_bool(o);
    if (t->len) {
        ssize_t n = t->len(o);
        if (n < 0) return -1;
        return n > 0;
    }
    return 1;
}

/* ---- attributes --------------------------------------------------------- */
/* 3.10+: AttributeError carries .name and .obj (used for "Did you mean"). */
static void attr_error_set_context(Obj *o, Obj *name) {
    Obj *exc = err_occurred();
    if (!exc || IS_SMALLINT(exc) || !type_is_subtype(TYPE(exc), &Exc_AttributeError)) return;
    AttributeErrorObj *e = (AttributeErrorObj *)exc;
    if (!e->name) e->name = NEWREF(name);
    if (!e->obj) e->obj = NEWREF(o);
}

Obj *obj_getattr(Obj *o, Obj *name) {
    if (!str_check(name))
        return err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
    getattrfunc f = TYPE(o)->getattr;
    if (!f) f = obj_generic_getattr;
    Obj *r = f(o, name);
    if (!r) attr_error_set_context(o, name);
    return r;
}

Obj *obj_getattr_str(Obj *o, const char *name) {
    Obj *n = str_intern_cstr(name);
    if (!n) return NULL;
    return obj_getattr(o, n);
}

int obj_lookup_attr(Obj *o, Obj *name, Obj **res) {
    getattrfunc ga = TYPE(o)->getattr;
    if ((ga == obj_generic_getattr || ga == Type_Type.getattr) && str_check(name)) {
        *res = ga == obj_generic_getattr ? obj_generic_getattr_ex(o, name, 1) : type_getattro_ex(o, name, 1);
        if (*res) return 1;
        if (!err_occurred()) return 0;
        if (err_matches(&Exc_AttributeError)) { err_clear(); return 0; }
        return -1;
    }
    *res = obj_getattr(o, name);
    if (*res) return 1;
    if (err_matches(&Exc_AttributeError)) { err_clear(); return 0; }
    return -1;
}

int obj_setattr(Obj *o, Obj *name, Obj *value) {
    if (!str_check(name)) {
        err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    setattrfunc f = TYPE(o)->setattr;
    if (!f) {
        if (TYPE(o)->getattr && TYPE(o)->getattr != obj_generic_getattr)
            err_format(&Exc_TypeError, "'%s' object has only read-only attributes (%s .%U)",
                       TP_NAME(TYPE(o)), value ? "assign to" : "del", name);
        else
            err_format(&Exc_AttributeError, "'%s' object has no attribute '%U'", TP_NAME(TYPE(o)), name);
        return -1;
    }
    return f(o, name, value);
}

int obj_setattr_str(Obj *o, const char *name, Obj *value) {
    Obj *n = str_intern_cstr(name);
    if (!n) return -1;
    return obj_setattr(o, n, value);
}

int obj_hasattr_str(Obj *o, const char *name) {
    Obj *r, *n = obj_intern_safe(name);
    if (!n) return 0;
    int k = obj_lookup_attr(o, n, &r);
    XDECREF(r);
    if (k < 0) { err_clear(); return 0; }
    return k;
}

Obj *obj_lookup_special(Obj *self, Obj *name) {
    TypeObj *t = TYPE(self);
    Obj *a = type_lookup(t, name);
    if (!a) return NULL;
    descrgetfunc f = TYPE(a)->descr_get;
    if (f) return f(a, self, OBJ(t));
    return NEWREF(a);
}

Obj *obj_type_lookup_special(Obj *self, Obj *name) { return obj_lookup_special(self, name); }

/* ---- calls -------------------------------------------------------------- */
Obj *obj_call(Obj *c, Obj *const *args, size_t nargs, Obj *kwnames) {
    callfunc f = TYPE(c)->call;
    if (!f) return err_format(&Exc_TypeError, "'%s' object is not callable", TP_NAME(TYPE(c)));
    if (kwnames && TUPLE_SIZE(kwnames) == 0) kwnames = NULL;
    return f(c, args, nargs, kwnames);
}

Obj *obj_call_tuple(Obj *c, Obj *args, Obj *kwargs) {
    ssize_t na = args ? TUPLE_SIZE(args) : 0;
    ssize_t nk = kwargs ? dict_size(kwargs) : 0;
    Obj *small[8];
    Obj **vec = small;
    if (na + nk > 8) {
        vec = mem_alloc(sizeof(Obj *) * (size_t)(na + nk));
        if (!vec) return NULL;
    }
    for (ssize_t i = 0; i < na; i++) vec[i] = TUPLE_GET(args, i);
    Obj *kwnames = NULL;
    Obj *res = NULL;
    if (nk) {
        kwnames = tuple_new(nk);
        if (!kwnames) goto done;
        ssize_t pos = 0, i = 0;
        Obj *k, *v;
        while (dict_next(kwargs, &pos, &k, &v) && i < nk) {
            if (!str_check(k)) {
                err_set_str(&Exc_TypeError, "keywords must be strings");
                goto done;
            }
            TUPLE_SET(kwnames, i, NEWREF(k));
            vec[na + i] = v;
            i++;
        }
    }
    res = obj_call(c, vec, (size_t)na, kwnames);
done:
    XDECREF(kwnames);
    if (vec != small) mem_free(vec);
    return res;
}

Obj *obj_call0(Obj *c) { return obj_call(c, NULL, 0, NULL); }
Obj *obj_call1(Obj *c, Obj *a) { return obj_call(c, &a, 1, NULL); }
Obj *obj_call2(Obj *c, Obj *a, Obj *b) { Obj *v[2] = {a, b}; return obj_call(c, v, 2, NULL); }

Obj *obj_call_method_obj(Obj *self, Obj *name, Obj *const *args, size_t nargs) {
    Obj *m = obj_getattr(self, name);
    if (!m) return NULL;
    Obj *r = obj_call(m, args, nargs, NULL);
    DECREF(m);
    return r;
}

Obj *obj_call_method(Obj *self, const char *name, Obj *const *args, size_t nargs) {
    Obj *n = str_intern_cstr(name);
    if (!n) return NULL;
    return obj_call_method_obj(self, n, args, nargs);
}

bool obj_callable(Obj *o) { return TYPE(o)->call != NULL; }

Obj *call_unbound(Obj *func, Obj *self, Obj *const *args, size_t nargs) {
    Obj *small[6];
    Obj **vec = small;
    if (nargs + 1 > 6) {
        vec = mem_alloc(sizeof(Obj *) * (nargs + 1));
        if (!vec) return NULL;
    }
    vec[0] = self;
    for (size_t i = 0; i < nargs; i++) vec[i + 1] = args[i];
    Obj *r = obj_call(func, vec, nargs + 1, NULL);
    if (vec != small) mem_free(vec);
    return r;
}

/* ---- numbers ------------------------------------------------------------ */
static const char *const nb_symbol[NB_COUNT] = {
#define X(n, s, d) s,
    NB_OPS(X)
#undef X
};

static Obj *binary_op1(Obj *a, Obj *b, int op) {
    TypeObj *ta = TYPE(a), *tb = TYPE(b);
    binaryfunc fa = ta->nb[op], fb = NULL;
    if (tb != ta) {
        fb = tb->nb[op];
        if (fb == fa) fb = NULL;
    }
    Obj *r;
    if (fa) {
        if (fb && type_is_subtype(tb, ta)) {
            r = fb(a, b);
            if (r != NotImplemented) return r;
            fb = NULL;
        }
        r = fa(a, b);
        if (r != NotImplemented) return r;
    }
    if (fb) return fb(a, b);
    RETURN_NOTIMPL;
}

static Obj *binop_error(Obj *a, Obj *b, int op, int inplace) {
    if (op == NB_POW && !inplace)
        return err_format(&Exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                          TP_NAME(TYPE(a)), TP_NAME(TYPE(b)));
    return err_format(&Exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                      nb_symbol[op], inplace ? "=" : "", TP_NAME(TYPE(a)), TP_NAME(TYPE(b)));
}

Obj *obj_binop(Obj *a, Obj *b, int op) {
    if (op < 0 || op >= NB_COUNT) return err_bad_internal_call();
    Obj *r = binary_op1(a, b, op);
    if (r == NotImplemented) return binop_error(a, b, op, 0);
    return r;
}

Obj *obj_inplace_op(Obj *a, Obj *b, int op) {
    if (op >= NB_INPLACE_BASE) op -= NB_INPLACE_BASE;
    if (op < 0 || op >= NB_COUNT) return err_bad_internal_call();
    binaryfunc f = TYPE(a)->nb_inplace[op];
    if (f) {
        Obj *r = f(a, b);
        if (r != NotImplemented) return r;
    }
    Obj *r = binary_op1(a, b, op);
    if (r == NotImplemented) return binop_error(a, b, op, 1);
    return r;
}

Obj *obj_pow3(Obj *a, Obj *b, Obj *mod) {
    if (!mod || mod == None) return obj_binop(a, b, NB_POW);
    TypeObj *ta = TYPE(a), *tb = TYPE(b), *tm = TYPE(mod);
    ternaryfunc fa = ta->nb_pow3, fb = NULL, fm = NULL;
    if (tb != ta) { fb = tb->nb_pow3; if (fb == fa) fb = NULL; }
    Obj *r;
    if (fa) {
        if (fb && type_is_subtype(tb, ta)) {
            r = fb(a, b, mod);
            if (r != NotImplemented) return r;
            fb = NULL;
        }
        r = fa(a, b, mod);
        if (r != NotImplemented) return r;
    }
    if (fb) {
        r = fb(a, b, mod);
        if (r != NotImplemented) return r;
    }
    fm = tm->nb_pow3;
    if (fm && fm != fa && fm != tb->nb_pow3) {
        r = fm(a, b, mod);
        if (r != NotImplemented) return r;
    }
    return err_format(&Exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                      TP_NAME(ta), TP_NAME(tb), TP_NAME(tm));
}

#define UNARY(fn, slot, what) \
    Obj *fn(Obj *o) { \
        unaryfunc f = TYPE(o)->slot; \
        if (!f) return err_format(&Exc_TypeError, "bad operand type for " what ": '%s'", TP_NAME(TYPE(o))); \
        return f(o); \
    }
UNARY(obj_neg, nb_neg, "unary -")
UNARY(obj_pos, nb_pos, "unary +")
UNARY(obj_invert, nb_invert, "unary ~")
UNARY(obj_abs, nb_abs, "abs()")

Obj *obj_index(Obj *o) {
    if (int_check_exact(o)) return NEWREF(o);
    if (int_check(o)) return int_normalize_exact(o);
    unaryfunc f = TYPE(o)->nb_index;
    if (!f) return err_format(&Exc_TypeError, "'%s' object cannot be interpreted as an integer", TP_NAME(TYPE(o)));
    Obj *r = f(o);
    if (!r || int_check_exact(r)) return r;
    if (!int_check(r)) {
        err_format(&Exc_TypeError, "__index__ returned non-int (type %s)", TP_NAME(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    Obj *e = int_normalize_exact(r);
    DECREF(r);
    return e;
}

ssize_t obj_as_ssize(Obj *o, TypeObj *overflow_exc) {
    if (IS_SMALLINT(o)) return (ssize_t)SMALLINT_VALUE(o);
    Obj *i = obj_index(o);
    if (!i) return -1;
    long long v;
    int ov = int_as_long_overflow(i, &v);
    if (ov) {
        int sign = int_sign(i);
        DECREF(i);
        if (!overflow_exc) return sign < 0 ? (ssize_t)LLONG_MIN : (ssize_t)LLONG_MAX;
        err_format(overflow_exc, "cannot fit '%s' into an index-sized integer", TP_NAME(TYPE(o)));
        return -1;
    }
    DECREF(i);
    return (ssize_t)v;
}

Obj *obj_to_int(Obj *o) {
    if (int_check_exact(o)) return NEWREF(o);
    TypeObj *t = TYPE(o);
    if (t->nb_int) {
        Obj *r = t->nb_int(o);
        if (!r || int_check_exact(r)) return r;
        if (!int_check(r)) {
            err_format(&Exc_TypeError, "__int__ returned non-int (type %s)", TP_NAME(TYPE(r)));
            DECREF(r);
            return NULL;
        }
        Obj *e = int_normalize_exact(r);
        DECREF(r);
        return e;
    }
    if (t->nb_index) return obj_index(o);
    Obj *tr = obj_lookup_special(o, ID(__trunc__));
    if (tr) {
        Obj *r = obj_call0(tr);
        DECREF(tr);
        if (!r || int_check(r)) { if (r && !int_check_exact(r)) { Obj *e = int_normalize_exact(r); DECREF(r); return e; } return r; }
        Obj *e = obj_index(r);
        DECREF(r);
        if (!e && err_matches(&Exc_TypeError)) {
            err_clear();
            err_format(&Exc_TypeError, "__trunc__ returned non-Integral (type %s)", TP_NAME(TYPE(r)));
        }
        return e;
    }
    if (err_occurred()) return NULL;
    if (str_check(o)) return int_from_string(STR_DATA(o), STR_SIZE(o), 10);
    if (bytes_check(o)) return int_from_string(BYTES_DATA(o), BYTES_SIZE(o), 10);
    if (TYPE(o) == &ByteArray_Type) return int_from_string(((ByteArrayObj *)o)->data, ((ByteArrayObj *)o)->size, 10);
    return err_format(&Exc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                      TP_NAME(t));
}

/* Parse a float literal the way float(str) does. */
static Obj *float_from_text(Obj *orig, const char *s, ssize_t n) {
    while (n > 0 && isspace((unsigned char)*s)) { s++; n--; }
    while (n > 0 && isspace((unsigned char)s[n - 1])) n--;
    char small[64];
    char *buf = n < 63 ? small : mem_alloc((size_t)n + 1);
    if (!buf) return NULL;
    ssize_t k = 0;
    bool ok = n > 0;
    for (ssize_t i = 0; i < n && ok; i++) {
        char c = s[i];
        if (c == '_') {
            if (i == 0 || i == n - 1 || !isdigit((unsigned char)s[i - 1]) || !isdigit((unsigned char)s[i + 1])) ok = false;
            continue;
        }
        if ((unsigned char)c >= 0x80 || c == 0) ok = false;
        buf[k++] = c;
    }
    buf[k] = 0;
    double d = 0;
    if (ok) {
        const char *p = buf;
        int sign = 1;
        if (*p == '+' || *p == '-') { if (*p == '-') sign = -1; p++; }
        if (!strcasecmp(p, "inf") || !strcasecmp(p, "infinity")) d = sign * INFINITY;
        else if (!strcasecmp(p, "nan")) d = sign * NAN;
        else {
            bool digits = false;
            for (const char *q = p; *q; q++) {
                if (isdigit((unsigned char)*q)) digits = true;
                else if (!strchr(".eE+-", *q)) { ok = false; break; }
            }
            if (!digits) ok = false;
            if (ok) {
                char *end;
                errno = 0;
                d = strtod(buf, &end);
                if (*end) ok = false;
            }
        }
    }
    if (buf != small) mem_free(buf);
    if (!ok) return err_format(&Exc_ValueError, "could not convert string to float: %R", orig);
    return float_from_double(d);
}

Obj *obj_to_float(Obj *o) {
    if (!IS_SMALLINT(o) && TYPE(o) == &Float_Type) return NEWREF(o);
    TypeObj *t = TYPE(o);
    if (t->nb_float) {
        Obj *r = t->nb_float(o);
        if (!r) return NULL;
        if (TYPE(r) == &Float_Type) return r;
        if (!float_check(r)) {
            err_format(&Exc_TypeError, "%s.__float__ returned non-float (type %s)", TP_NAME(t), TP_NAME(TYPE(r)));
            DECREF(r);
            return NULL;
        }
        Obj *e = float_from_double(FLOAT_VAL(r));
        DECREF(r);
        return e;
    }
    if (t->nb_index) {
        Obj *i = obj_index(o);
        if (!i) return NULL;
        double d = int_as_double(i);
        DECREF(i);
        if (d == -1.0 && err_occurred()) return NULL;
        return float_from_double(d);
    }
    if (str_check(o)) return float_from_text(o, STR_DATA(o), STR_SIZE(o));
    if (bytes_check(o)) return float_from_text(o, BYTES_DATA(o), BYTES_SIZE(o));
    if (TYPE(o) == &ByteArray_Type) return float_from_text(o, ((ByteArrayObj *)o)->data, ((ByteArrayObj *)o)->size);
    return err_format(&Exc_TypeError, "float() argument must be a string or a real number, not '%s'", TP_NAME(t));
}

/* ---- containers --------------------------------------------------------- */
ssize_t obj_len(Obj *o) {
    lenfunc f = TYPE(o)->len;
    if (!f) {
        err_format(&Exc_TypeError, "object of type '%s' has no len()", TP_NAME(TYPE(o)));
        return -1;
    }
    return f(o);
}

Obj *obj_getitem(Obj *o, Obj *key) {
    binaryfunc f = TYPE(o)->getitem;
    if (f) return f(o, key);
    if (!IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_TYPE_SUBCLASS)) {
        if (o == OBJ(&Type_Type)) return generic_alias_new(o, key);
        Obj *m;
        int r = obj_lookup_attr(o, ID(__class_getitem__), &m);
        if (r < 0) return NULL;
        if (r > 0) {
            Obj *res = obj_call1(m, key);
            DECREF(m);
            return res;
        }
        return err_format(&Exc_TypeError, "type '%s' is not subscriptable", TP_NAME((TypeObj *)o));
    }
    return err_format(&Exc_TypeError, "'%s' object is not subscriptable", TP_NAME(TYPE(o)));
}

int obj_setitem(Obj *o, Obj *key, Obj *value) {
    objobjargproc f = TYPE(o)->setitem;
    if (!f) {
        if (value) err_format(&Exc_TypeError, "'%s' object does not support item assignment", TP_NAME(TYPE(o)));
        else err_format(&Exc_TypeError, "'%s' object doesn't support item deletion", TP_NAME(TYPE(o)));
        return -1;
    }
    return f(o, key, value);
}

int obj_delitem(Obj *o, Obj *key) { return obj_setitem(o, key, NULL); }

Obj *obj_iter(Obj *o) {
    TypeObj *t = TYPE(o);
    unaryfunc f = t->iter;
    if (!f) {
        if (t->getitem && !type_has_flag(t, TF_DICT_SUBCLASS)) return seqiter_new(o);
        return err_format(&Exc_TypeError, "'%s' object is not iterable", TP_NAME(t));
    }
    Obj *it = f(o);
    if (it && !TYPE(it)->iternext) {
        err_format(&Exc_TypeError, "iter() returned non-iterator of type '%s'", TP_NAME(TYPE(it)));
        DECREF(it);
        return NULL;
    }
    return it;
}

Obj *obj_iternext(Obj *it) {
    unaryfunc f = TYPE(it)->iternext;
    if (!f) return err_format(&Exc_TypeError, "'%s' object is not an iterator", TP_NAME(TYPE(it)));
    Obj *r = f(it);
    if (!r && err_occurred() && err_matches(&Exc_StopIteration)) err_clear();
    return r;
}

int obj_contains(Obj *c, Obj *item) {
    objobjproc f = TYPE(c)->contains;
    if (f) return f(c, item);
    TypeObj *t = TYPE(c);
    if (!t->iter && !t->getitem) {
        err_format(&Exc_TypeError, "argument of type '%s' is not iterable", TP_NAME(t));
        return -1;
    }
    Obj *it = obj_iter(c);
    if (!it) return -1;
    for (;;) {
        Obj *x = obj_iternext(it);
        if (!x) { DECREF(it); return err_occurred() ? -1 : 0; }
        int eq = obj_richcompare_bool(x, item, CMP_EQ);
        DECREF(x);
        if (eq != 0) { DECREF(it); return eq; }
    }
}

/* ---- isinstance / issubclass -------------------------------------------- */
bool type_is_subtype(TypeObj *a, TypeObj *b) {
    if (a == b) return true;
    Obj *mro = a->mro;
    if (mro) {
        ssize_t n = TUPLE_SIZE(mro);
        for (ssize_t i = 0; i < n; i++)
            if (TUPLE_GET(mro, i) == OBJ(b)) return true;
        return false;
    }
    for (TypeObj *t = a; t; t = t->base)
        if (t == b) return true;
    return b == &Object_Type;
}

static bool is_type(Obj *o) { return !IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_TYPE_SUBCLASS); }

/* __bases__ of an arbitrary object, or NULL (no error) when absent / not a tuple. */
static Obj *abstract_get_bases(Obj *cls) {
    Obj *b;
    int r = obj_lookup_attr(cls, ID(__bases__), &b);
    if (r <= 0) return NULL;
    if (!tuple_check(b)) { DECREF(b); return NULL; }
    return b;
}

static int abstract_issubclass(Obj *derived, Obj *cls) {
    for (int depth = 0; depth < 10000; depth++) {
        if (derived == cls) return 1;
        Obj *bases = abstract_get_bases(derived);
        if (!bases) return err_occurred() ? -1 : 0;
        ssize_t n = TUPLE_SIZE(bases);
        if (n == 0) { DECREF(bases); return 0; }
        if (n == 1) { derived = TUPLE_GET(bases, 0); DECREF(bases); continue; }
        for (ssize_t i = 0; i < n; i++) {
            if (enter_recursive_call(" in __subclasscheck__") < 0) { DECREF(bases); return -1; }
            int r = abstract_issubclass(TUPLE_GET(bases, i), cls);
            leave_recursive_call();
            if (r != 0) { DECREF(bases); return r; }
        }
        DECREF(bases);
        return 0;
    }
    return 0;
}

static int check_class(Obj *cls, const char *msg) {
    if (is_type(cls)) return 1;
    Obj *b = abstract_get_bases(cls);
    if (!b) {
        if (!err_occurred()) err_set_str(&Exc_TypeError, msg);
        return 0;
    }
    DECREF(b);
    return 1;
}

static bool is_union(Obj *o) {
    const char *n = TYPE(o)->name;
    return n && (!strcmp(n, "types.UnionType") || !strcmp(n, "UnionType"));
}

static int recursive_isinstance(Obj *inst, Obj *cls) {
    if (is_type(cls)) {
        if (type_is_subtype(TYPE(inst), (TypeObj *)cls)) return 1;
        Obj *icls;
        int r = obj_lookup_attr(inst, ID(__class__), &icls);
        if (r < 0) return -1;
        if (r == 0) return 0;
        int res = 0;
        if (icls != OBJ(TYPE(inst)) && is_type(icls))
            res = type_is_subtype((TypeObj *)icls, (TypeObj *)cls);
        DECREF(icls);
        return res;
    }
    if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")) return -1;
    Obj *icls;
    int r = obj_lookup_attr(inst, ID(__class__), &icls);
    if (r <= 0) return r;
    int res = abstract_issubclass(icls, cls);
    DECREF(icls);
    return res;
}

int obj_isinstance(Obj *inst, Obj *cls) {
    if (OBJ(TYPE(inst)) == cls) return 1;
    if (!IS_SMALLINT(cls) && TYPE(cls) == &Type_Type) return recursive_isinstance(inst, cls);
    if (tuple_check(cls)) {
        if (enter_recursive_call(" in __instancecheck__") < 0) return -1;
        int r = 0;
        for (ssize_t i = 0; i < TUPLE_SIZE(cls) && r == 0; i++)
            r = obj_isinstance(inst, TUPLE_GET(cls, i));
        leave_recursive_call();
        return r;
    }
    if (is_union(cls)) {
        Obj *args = obj_getattr(cls, ID(__args__));
        if (!args) return -1;
        int r = obj_isinstance(inst, args);
        DECREF(args);
        return r;
    }
    Obj *checker = obj_lookup_special(cls, ID(__instancecheck__));
    if (checker) {
        if (enter_recursive_call(" in __instancecheck__") < 0) { DECREF(checker); return -1; }
        Obj *res = obj_call1(checker, inst);
        leave_recursive_call();
        DECREF(checker);
        if (!res) return -1;
        int t = obj_is_true(res);
        DECREF(res);
        return t;
    }
    if (err_occurred()) return -1;
    return recursive_isinstance(inst, cls);
}

static int recursive_issubclass(Obj *derived, Obj *cls) {
    if (is_type(cls) && is_type(derived))
        return type_is_subtype((TypeObj *)derived, (TypeObj *)cls);
    if (!check_class(derived, "issubclass() arg 1 must be a class")) return -1;
    if (!is_union(cls) && !check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")) return -1;
    return abstract_issubclass(derived, cls);
}

int obj_issubclass(Obj *derived, Obj *cls) {
    if (!IS_SMALLINT(cls) && TYPE(cls) == &Type_Type) {
        if (derived == cls) return 1;
        return recursive_issubclass(derived, cls);
    }
    if (tuple_check(cls)) {
        if (enter_recursive_call(" in __subclasscheck__") < 0) return -1;
        int r = 0;
        for (ssize_t i = 0; i < TUPLE_SIZE(cls) && r == 0; i++)
            r = obj_issubclass(derived, TUPLE_GET(cls, i));
        leave_recursive_call();
        return r;
    }
    if (is_union(cls)) {
        Obj *args = obj_getattr(cls, ID(__args__));
        if (!args) return -1;
        int r = obj_issubclass(derived, args);
        DECREF(args);
        return r;
    }
    Obj *checker = obj_lookup_special(cls, ID(__subclasscheck__));
    if (checker) {
        if (enter_recursive_call(" in __subclasscheck__") < 0) { DECREF(checker); return -1; }
        Obj *res = obj_call1(checker, derived);
        leave_recursive_call();
        DECREF(checker);
        if (!res) return -1;
        int t = obj_is_true(res);
        DECREF(res);
        return t;
    }
    if (err_occurred()) return -1;
    return recursive_issubclass(derived, cls);
}

/* ---- format ------------------------------------------------------------- */
Obj *obj_format(Obj *o, Obj *spec) {
    Obj *empty = NULL;
    if (!spec || (str_check(spec) && STR_LEN(spec) == 0)) {
        if (!IS_SMALLINT(o) && TYPE(o) == &Str_Type) return NEWREF(o);
        if (int_check_exact(o)) return obj_str(o);
        if (!spec) { spec = empty = str_from_cstr(""); if (!spec) return NULL; }
    }
    Obj *meth = obj_lookup_special(o, ID(__format__));
    if (!meth) {
        XDECREF(empty);
        if (!err_occurred())
            err_format(&Exc_TypeError, "Type %s doesn't define __format__", TP_NAME(TYPE(o)));
        return NULL;
    }
    Obj *r = obj_call1(meth, spec);
    DECREF(meth);
    XDECREF(empty);
    if (r && !str_check(r)) {
        err_format(&Exc_TypeError, "__format__ must return a str, not %s", TP_NAME(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    return r;
}

/* ---- sequences ---------------------------------------------------------- */
Obj *seq_list(Obj *iterable) {
    Obj *l = list_new(0);
    if (!l) return NULL;
    if (list_extend(l, iterable) < 0) { DECREF(l); return NULL; }
    return l;
}

Obj *seq_tuple(Obj *iterable) {
    if (!IS_SMALLINT(iterable) && TYPE(iterable) == &Tuple_Type) return NEWREF(iterable);
    if (!IS_SMALLINT(iterable) && TYPE(iterable) == &List_Type)
        return tuple_from_array(LIST_ITEMS(iterable), LIST_SIZE(iterable));
    Obj *l = seq_list(iterable);
    if (!l) return NULL;
    Obj *t = list_as_tuple(l);
    DECREF(l);
    return t;
}

int seq_unpack(Obj *iterable, Obj **out, ssize_t n) {
    Obj *const *items = NULL;
    ssize_t size = -1;
    if (!IS_SMALLINT(iterable) && TYPE(iterable) == &Tuple_Type) { items = TUPLE_ITEMS(iterable); size = TUPLE_SIZE(iterable); }
    else if (!IS_SMALLINT(iterable) && TYPE(iterable) == &List_Type) { items = LIST_ITEMS(iterable); size = LIST_SIZE(iterable); }
    if (items) {
        if (size == n) {
            for (ssize_t i = 0; i < n; i++) out[i] = NEWREF(items[i]);
            return 0;
        }
        if (size < n) err_format(&Exc_ValueError, "not enough values to unpack (expected %zd, got %zd)", n, size);
        else err_format(&Exc_ValueError, "too many values to unpack (expected %zd)", n);
        return -1;
    }
    TypeObj *t = TYPE(iterable);
    if (!t->iter && !t->getitem) {
        err_format(&Exc_TypeError, "cannot unpack non-iterable %s object", TP_NAME(t));
        return -1;
    }
    Obj *it = obj_iter(iterable);
    if (!it) return -1;
    ssize_t i = 0;
    for (; i < n; i++) {
        Obj *x = obj_iternext(it);
        if (!x) {
            if (!err_occurred())
                err_format(&Exc_ValueError, "not enough values to unpack (expected %zd, got %zd)", n, i);
            goto fail;
        }
        out[i] = x;
    }
    Obj *extra = obj_iternext(it);
    if (extra) {
        DECREF(extra);
        err_format(&Exc_ValueError, "too many values to unpack (expected %zd)", n);
        goto fail;
    }
    if (err_occurred()) goto fail;
    DECREF(it);
    return 0;
fail:
    for (ssize_t j = 0; j < i; j++) CLEAR(out[j]);
    DECREF(it);
    return -1;
}
