/* bytearray.c — the mutable byte sequence: growth, item and slice
 * assignment/deletion, the mutating methods (append, extend, pop, insert,
 * remove, reverse, clear, copy) and in-place operators.  The read-only
 * methods are shared with bytes (bytesmethods.c).
 */
#include "gilpy.h"
#include "objects/strimpl/strimpl.h"

#define BA(o) ((ByteArrayObj *)(o))
#define METHOD(name) Obj *name(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)

static int ba_resize(ByteArrayObj *b, ssize_t n) {
    if (n < 0) { err_no_memory(); return -1; }
    if (n + 1 > b->alloc || (b->alloc > 64 && n + 1 < b->alloc / 4)) {
        ssize_t cap = n + 1 + (n >> 3) + 8;
        char *d = mem_realloc(b->data, (size_t)cap);
        if (!d) return -1;
        b->data = d;
        b->alloc = cap;
    }
    b->size = n;
    b->data[n] = 0;
    return 0;
}

static int ba_check_exports(ByteArrayObj *b) {
    if (b->exports > 0) {
        err_set_str(&Exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

static Obj *ba_alloc_type(TypeObj *type) {
    ByteArrayObj *b = (ByteArrayObj *)(type == &ByteArray_Type ? obj_alloc(type, 0) : type_generic_alloc(type, 0));
    if (!b) return NULL;
    b->size = 0; b->alloc = 0; b->data = NULL; b->exports = 0;
    return OBJ(b);
}

Obj *bytearray_from(const char *p, ssize_t n) {
    Obj *o = ba_alloc_type(&ByteArray_Type);
    if (!o) return NULL;
    if (ba_resize(BA(o), n) < 0) { DECREF(o); return NULL; }
    if (n) memcpy(BA(o)->data, p, (size_t)n);
    return o;
}

static void ba_dealloc(Obj *o) {
    mem_free(BA(o)->data);
    obj_free(o);
}

static Obj *ba_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    return ba_alloc_type(type);
}

static int ba_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    static const char *const names[] = {"source", "encoding", "errors"};
    Obj *a[3] = {NULL, NULL, NULL};
    if (args_parse("bytearray", args, nargs, kwnames, names, 3, 0, 3, a) < 0) return -1;
    char *data;
    ssize_t n;
    Obj *owner;
    int r = bytes_source_data(a[0], a[1], a[2], "bytearray", &data, &n, &owner);
    if (r < 0) return -1;
    int res = ba_resize(BA(self), n);
    if (res == 0 && n) memcpy(BA(self)->data, data, (size_t)n);
    if (r == 1) mem_free(data);
    XDECREF(owner);
    return res;
}

static Obj *ba_repr(Obj *o) {
    const char *nm = type_name(TYPE(o));
    char prefix[128];
    snprintf(prefix, sizeof prefix, "%s(b", nm);
    return bytes_repr_data(BA(o)->data ? BA(o)->data : "", BA(o)->size, prefix, ")");
}

static Obj *ba_richcompare(Obj *a, Obj *b, int op) {
    ByteView va, vb;
    if (bytes_view_try(a, &va) != 1) { if (err_occurred()) return NULL; RETURN_NOTIMPL; }
    int r = bytes_view_try(b, &vb);
    if (r != 1) { XDECREF(va.owner); if (r < 0) return NULL; RETURN_NOTIMPL; }
    Obj *res = bytes_richcompare_views(va.buf, va.len, vb.buf, vb.len, op);
    XDECREF(va.owner);
    XDECREF(vb.owner);
    return res;
}

static ssize_t ba_len(Obj *o) { return BA(o)->size; }

static Obj *ba_getitem(Obj *o, Obj *key) {
    return bytes_getitem_data(BA(o)->data ? BA(o)->data : "", BA(o)->size, key, o);
}

static int byte_value(Obj *v, int *out) {
    if (!int_check(v) && !TYPE(v)->nb_index) {
        err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    ssize_t x = obj_as_ssize(v, NULL);
    if (x == -1 && err_occurred()) return -1;
    if (x < 0 || x > 255) { err_set_str(&Exc_ValueError, "byte must be in range(0, 256)"); return -1; }
    *out = (int)x;
    return 0;
}

/* Replace bytes [lo, hi) with n bytes from src. */
static int ba_splice(ByteArrayObj *b, ssize_t lo, ssize_t hi, const char *src, ssize_t n) {
    ssize_t old = b->size, growth = n - (hi - lo);
    if (growth != 0 && ba_check_exports(b) < 0) return -1;
    if (growth > 0) {
        if (ba_resize(b, old + growth) < 0) return -1;
        memmove(b->data + hi + growth, b->data + hi, (size_t)(old - hi));
    } else if (growth < 0) {
        memmove(b->data + hi + growth, b->data + hi, (size_t)(old - hi));
        if (ba_resize(b, old + growth) < 0) return -1;
    }
    if (n) memcpy(b->data + lo, src, (size_t)n);
    return 0;
}

/* Get the content of an assigned value: bytes-like or iterable of ints. buf must be freed if *owned. */
static int value_bytes(Obj *self, Obj *v, char **buf, ssize_t *n, Obj **owner) {
    if (v == self) {
        *buf = mem_alloc((size_t)BA(self)->size + 1);
        if (!*buf) return -1;
        memcpy(*buf, BA(self)->data ? BA(self)->data : "", (size_t)BA(self)->size);
        *n = BA(self)->size;
        *owner = NULL;
        return 1;
    }
    if (int_check(v)) {
        err_set_str(&Exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
    }
    if (str_check(v)) {
        err_set_str(&Exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
    }
    int r = bytes_source_data(v, NULL, NULL, "bytearray", buf, n, owner);
    return r;
}

static int ba_setitem(Obj *o, Obj *key, Obj *value) {
    ByteArrayObj *b = BA(o);
    if (IS_SMALLINT(key) || int_check(key) || (TYPE(key) != &Slice_Type && TYPE(key)->nb_index)) {
        ssize_t i = str_index_arg(key, "bytearray");
        if (i == -1 && err_occurred()) return -1;
        if (i < 0) i += b->size;
        if (i < 0 || i >= b->size) { err_set_str(&Exc_IndexError, "bytearray index out of range"); return -1; }
        if (!value) return ba_splice(b, i, i + 1, NULL, 0);
        int x;
        if (byte_value(value, &x) < 0) return -1;
        b->data[i] = (char)x;
        return 0;
    }
    if (TYPE(key) != &Slice_Type) {
        err_format(&Exc_TypeError, "bytearray indices must be integers or slices, not %T", key);
        return -1;
    }
    ssize_t start, stop, step;
    ssize_t len = slice_indices(key, b->size, &start, &stop, &step);
    if (len < 0) return -1;
    if (!value) {
        if (step == 1) return ba_splice(b, start, start + len, NULL, 0);
        if (len == 0) return 0;
        if (ba_check_exports(b) < 0) return -1;
        /* delete extended slice: compact */
        if (step < 0) { start = start + step * (len - 1); step = -step; }
        ssize_t w = start, k = 0;
        for (ssize_t i = start; i < b->size; i++) {
            if (k < len && i == start + k * step) { k++; continue; }
            b->data[w++] = b->data[i];
        }
        return ba_resize(b, w);
    }
    char *buf;
    ssize_t n;
    Obj *owner;
    int r = value_bytes(o, value, &buf, &n, &owner);
    if (r < 0) return -1;
    int res = 0;
    if (step == 1) {
        if (stop < start) stop = start;
        res = ba_splice(b, start, start + len, buf, n);
    } else if (n != len) {
        err_format(&Exc_ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd", n, len);
        res = -1;
    } else {
        for (ssize_t k = 0, i = start; k < len; k++, i += step) b->data[i] = buf[k];
    }
    if (r == 1) mem_free(buf);
    XDECREF(owner);
    return res;
}

static int ba_contains(Obj *o, Obj *x) { return bytes_contains_data(BA(o)->data ? BA(o)->data : "", BA(o)->size, x); }

static Obj *ba_add(Obj *a, Obj *b) {
    ByteView va, vb;
    int ra = bytes_view_try(a, &va);
    if (ra != 1) { if (ra < 0) return NULL; RETURN_NOTIMPL; }
    int rb = bytes_view_try(b, &vb);
    if (rb != 1) {
        XDECREF(va.owner);
        if (rb < 0) return NULL;
        return err_format(&Exc_TypeError, "can't concat %T to %T", b, a);
    }
    Obj *r = bytearray_from(va.buf, va.len);
    if (r && ba_splice(BA(r), va.len, va.len, vb.buf, vb.len) < 0) CLEAR(r);
    XDECREF(va.owner);
    XDECREF(vb.owner);
    return r;
}

static Obj *ba_iadd(Obj *a, Obj *b) {
    if (TYPE(a) != &ByteArray_Type && !type_is_subtype(TYPE(a), &ByteArray_Type)) RETURN_NOTIMPL;
    ByteView vb;
    int rb = bytes_view_try(b, &vb);
    if (rb != 1) {
        if (rb < 0) return NULL;
        return err_format(&Exc_TypeError, "can't concat %T to %T", b, a);
    }
    /* vb may alias a's buffer: copy first */
    char *tmp = mem_alloc((size_t)vb.len + 1);
    if (!tmp) { XDECREF(vb.owner); return NULL; }
    memcpy(tmp, vb.buf, (size_t)vb.len);
    ssize_t n = vb.len;
    XDECREF(vb.owner);
    int r = ba_splice(BA(a), BA(a)->size, BA(a)->size, tmp, n);
    mem_free(tmp);
    if (r < 0) return NULL;
    return NEWREF(a);
}

static Obj *ba_mul(Obj *a, Obj *b) {
    Obj *s = a, *c = b;
    if (!type_is_subtype(TYPE(a), &ByteArray_Type)) { s = b; c = a; }
    if (IS_SMALLINT(s) || !type_is_subtype(TYPE(s), &ByteArray_Type)) RETURN_NOTIMPL;
    return bytes_repeat_data(s, BA(s)->data ? BA(s)->data : "", BA(s)->size, c);
}

static Obj *ba_imul(Obj *a, Obj *b) {
    if (IS_SMALLINT(a) || !type_is_subtype(TYPE(a), &ByteArray_Type)) RETURN_NOTIMPL;
    Obj *r = bytes_repeat_data(a, BA(a)->data ? BA(a)->data : "", BA(a)->size, b);
    if (!r || r == NotImplemented) return r;
    int res = ba_splice(BA(a), 0, BA(a)->size, BA(r)->data ? BA(r)->data : "", BA(r)->size);
    DECREF(r);
    if (res < 0) return NULL;
    return NEWREF(a);
}

static Obj *ba_mod(Obj *a, Obj *b) {
    if (IS_SMALLINT(a) || !type_is_subtype(TYPE(a), &ByteArray_Type)) RETURN_NOTIMPL;
    return strformat_bytes_mod(a, b, 1);
}

static Obj *ba_iter(Obj *o) { return seqiter_new(o); }

/* ---- methods -------------------------------------------------------------------- */

METHOD(bytearray_append) {
    if (strm_args("bytearray", "append", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    int x;
    if (byte_value(args[0], &x) < 0) return NULL;
    char c = (char)x;
    if (ba_splice(BA(self), BA(self)->size, BA(self)->size, &c, 1) < 0) return NULL;
    RETURN_NONE;
}

METHOD(bytearray_extend) {
    if (strm_args("bytearray", "extend", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    Obj *v = args[0];
    if (str_check(v)) {
        /* 3.11 iterates the str and fails on its first item */
        if (STR_LEN(v) == 0) RETURN_NONE;
        return err_set_str(&Exc_TypeError, "'str' object cannot be interpreted as an integer");
    }
    if (!bytes_check(v) && !type_is_subtype(TYPE(v), &ByteArray_Type) && !TYPE(v)->iter && !TYPE(v)->getitem)
        return err_format(&Exc_TypeError, "can't extend bytearray with %T", v);
    char *buf;
    ssize_t n;
    Obj *owner;
    int r = value_bytes(self, v, &buf, &n, &owner);
    if (r < 0) return NULL;
    int res = ba_splice(BA(self), BA(self)->size, BA(self)->size, buf, n);
    if (r == 1) mem_free(buf);
    XDECREF(owner);
    if (res < 0) return NULL;
    RETURN_NONE;
}

METHOD(bytearray_pop) {
    if (strm_args("bytearray", "pop", ARGK_CLINIC, nargs, kwnames, 0, 1) < 0) return NULL;
    ByteArrayObj *b = BA(self);
    ssize_t i = -1;
    if (nargs) { i = obj_as_ssize(args[0], &Exc_OverflowError); if (i == -1 && err_occurred()) return NULL; }
    if (b->size == 0) return err_set_str(&Exc_IndexError, "pop from empty bytearray");
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) return err_set_str(&Exc_IndexError, "pop index out of range");
    int c = (unsigned char)b->data[i];
    if (ba_splice(b, i, i + 1, NULL, 0) < 0) return NULL;
    return MAKE_SMALLINT(c);
}

METHOD(bytearray_insert) {
    if (strm_args("bytearray", "insert", ARGK_CLINIC, nargs, kwnames, 2, 2) < 0) return NULL;
    ByteArrayObj *b = BA(self);
    ssize_t i = obj_as_ssize(args[0], &Exc_OverflowError);
    if (i == -1 && err_occurred()) return NULL;
    int x;
    if (byte_value(args[1], &x) < 0) return NULL;
    if (i < 0) { i += b->size; if (i < 0) i = 0; }
    if (i > b->size) i = b->size;
    char c = (char)x;
    if (ba_splice(b, i, i, &c, 1) < 0) return NULL;
    RETURN_NONE;
}

METHOD(bytearray_remove) {
    if (strm_args("bytearray", "remove", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    int x;
    if (byte_value(args[0], &x) < 0) return NULL;
    ByteArrayObj *b = BA(self);
    char *p = b->size ? memchr(b->data, x, (size_t)b->size) : NULL;
    if (!p) return err_set_str(&Exc_ValueError, "value not found in bytearray");
    ssize_t i = p - b->data;
    if (ba_splice(b, i, i + 1, NULL, 0) < 0) return NULL;
    RETURN_NONE;
}

METHOD(bytearray_reverse) {
    if (strm_args("bytearray", "reverse", ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    ByteArrayObj *b = BA(self);
    for (ssize_t i = 0, j = b->size - 1; i < j; i++, j--) { char t = b->data[i]; b->data[i] = b->data[j]; b->data[j] = t; }
    RETURN_NONE;
}

METHOD(bytearray_clear) {
    if (strm_args("bytearray", "clear", ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    if (ba_splice(BA(self), 0, BA(self)->size, NULL, 0) < 0) return NULL;
    RETURN_NONE;
}

METHOD(bytearray_copy) {
    if (strm_args("bytearray", "copy", ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    return bytearray_from(BA(self)->data ? BA(self)->data : "", BA(self)->size);
}

TypeObj ByteArray_Type = {
    TYPE_HEAD_INIT,
    .name = "bytearray",
    .basicsize = sizeof(ByteArrayObj),
    .flags = TF_BASETYPE | TF_IMMUTABLETYPE,
    .doc = "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n"
           "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
           "bytearray() -> empty bytes array",
    .dealloc = ba_dealloc,
    .repr = ba_repr,
    .str = ba_repr,
    .getattr = obj_generic_getattr,
    .hash = hash_not_implemented,
    .richcompare = ba_richcompare,
    .iter = ba_iter,
    .new_ = ba_new,
    .init = ba_init,
    .nb = { [NB_ADD] = ba_add, [NB_MUL] = ba_mul, [NB_MOD] = ba_mod },
    .nb_inplace = { [NB_ADD] = ba_iadd, [NB_MUL] = ba_imul },
    .len = ba_len,
    .getitem = ba_getitem,
    .setitem = ba_setitem,
    .contains = ba_contains,
    .methods = bytearray_methods,
    .base = &Object_Type,
};
