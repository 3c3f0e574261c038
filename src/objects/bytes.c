/* bytes.c — the immutable bytes type: allocation, constructor, repr, hash,
 * comparison, indexing, concatenation, repetition, and the byte-view helper
 * that every bytes-like consumer uses (bytes, bytearray).
 */
#include "gilpy.h"
#include "objects/strimpl/strimpl.h"

static Obj *empty_bytes;
static Obj *byte_cache[256];

static BytesObj *bytes_alloc(ssize_t n) {
    if (n < 0 || n > (ssize_t)(SIZE_MAX / 2)) { err_no_memory(); return NULL; }
    BytesObj *b = (BytesObj *)obj_alloc(&Bytes_Type, n + 1);
    if (!b) return NULL;
    b->ob_base.size = n;
    b->hash = -1;
    b->data[n] = 0;
    return b;
}

static Obj *immortal(Obj *o) {
    o->refcnt = IMMORTAL_REFCNT;   /* cached singletons never die */
    return o;
}

Obj *bytes_new_uninit(ssize_t n) {
    BytesObj *b = bytes_alloc(n);
    return OBJ(b);
}

Obj *bytes_from(const char *s, ssize_t n) {
    if (n == 0) {
        if (!empty_bytes) {
            BytesObj *b = bytes_alloc(0);
            if (!b) return NULL;
            empty_bytes = immortal(OBJ(b));
        }
        return empty_bytes;
    }
    if (n == 1) {
        unsigned char c = (unsigned char)s[0];
        if (!byte_cache[c]) {
            BytesObj *b = bytes_alloc(1);
            if (!b) return NULL;
            b->data[0] = (char)c;
            byte_cache[c] = immortal(OBJ(b));
        }
        return byte_cache[c];
    }
    BytesObj *b = bytes_alloc(n);
    if (!b) return NULL;
    memcpy(b->data, s, (size_t)n);
    return OBJ(b);
}

/* ---- buffer views ------------------------------------------------------------- */

int bytes_view_try(Obj *o, ByteView *v) {
    if (bytes_check(o)) {
        v->buf = BYTES_DATA(o); v->len = BYTES_SIZE(o); v->owner = NULL;
        return 1;
    }
    if (!IS_SMALLINT(o) && type_is_subtype(TYPE(o), &ByteArray_Type)) {
        ByteArrayObj *ba = (ByteArrayObj *)o;
        v->buf = ba->data ? ba->data : ""; v->len = ba->size; v->owner = NULL;
        return 1;
    }
    /* memoryview and friends: anything with a tobytes() method that is not str */
    if (!IS_SMALLINT(o) && strcmp(TYPE(o)->name, "memoryview") == 0) {
        Obj *b = obj_call_method(o, "tobytes", NULL, 0);
        if (!b) return -1;
        if (!bytes_check(b)) { DECREF(b); return 0; }
        v->buf = BYTES_DATA(b); v->len = BYTES_SIZE(b); v->owner = b;
        return 1;
    }
    return 0;
}

int bytes_get_view(Obj *o, ByteView *v) {
    int r = bytes_view_try(o, v);
    if (r == 1) return 0;
    if (r == 0) err_format(&Exc_TypeError, "a bytes-like object is required, not '%T'", o);
    return -1;
}

/* ---- construction from objects -------------------------------------------------- */

static int fill_from_iterable(Obj *o, char **out, ssize_t *outn) {
    Obj *it = obj_iter(o);
    if (!it) return -1;
    ssize_t n = 0, cap = 16;
    char *buf = mem_alloc((size_t)cap);
    if (!buf) { DECREF(it); return -1; }
    Obj *x;
    while ((x = obj_iternext(it))) {
        ssize_t v;
        if (IS_SMALLINT(x)) v = SMALLINT_VALUE(x);
        else if (int_check(x) || TYPE(x)->nb_index) {
            v = obj_as_ssize(x, NULL);
            if (v == -1 && err_occurred()) { DECREF(x); goto fail; }
        } else {
            err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", x);
            DECREF(x);
            goto fail;
        }
        DECREF(x);
        if (v < 0 || v > 255) { err_set_str(&Exc_ValueError, "bytes must be in range(0, 256)"); goto fail; }
        if (n == cap) {
            cap *= 2;
            char *nb = mem_realloc(buf, (size_t)cap);
            if (!nb) goto fail;
            buf = nb;
        }
        buf[n++] = (char)v;
    }
    if (err_occurred()) goto fail;
    DECREF(it);
    *out = buf;
    *outn = n;
    return 0;
fail:
    DECREF(it);
    mem_free(buf);
    return -1;
}

/* Shared by bytes() and bytearray(): the content for (source, encoding, errors). */
int bytes_source_data(Obj *src, Obj *enc, Obj *errs, const char *tname, char **out, ssize_t *outn, Obj **owner) {
    *owner = NULL;
    *out = NULL;
    *outn = 0;
    if (enc || errs) {
        if (!src || !str_check(src)) {
            err_set_str(&Exc_TypeError, src ? "encoding without a string argument" : "encoding without a string argument");
            return -1;
        }
        if (enc && !str_check(enc)) { err_format(&Exc_TypeError, "%s() argument 'encoding' must be str, not %T", tname, enc); return -1; }
        if (errs && !str_check(errs)) { err_format(&Exc_TypeError, "%s() argument 'errors' must be str, not %T", tname, errs); return -1; }
        Obj *b = str_encode(src, enc ? STR_DATA(enc) : "utf-8", errs ? STR_DATA(errs) : "strict");
        if (!b) return -1;
        *owner = b;
        *out = BYTES_DATA(b);
        *outn = BYTES_SIZE(b);
        return 0;
    }
    if (!src) return 0;
    if (str_check(src)) { err_set_str(&Exc_TypeError, "string argument without an encoding"); return -1; }
    ByteView v;
    int r = bytes_view_try(src, &v);
    if (r < 0) return -1;
    if (r == 1) {
        if (v.owner) *owner = v.owner;
        else { *owner = NEWREF(src); }
        *out = (char *)v.buf;
        *outn = v.len;
        return 0;
    }
    if (int_check(src) || (TYPE(src)->nb_index && !TYPE(src)->iter)) {
        ssize_t n = obj_as_ssize(src, &Exc_OverflowError);
        if (n == -1 && err_occurred()) {
            if (err_matches(&Exc_OverflowError)) { err_clear(); err_format(&Exc_OverflowError, "cannot fit '%T' into an index-sized integer", src); }
            return -1;
        }
        if (n < 0) { err_set_str(&Exc_ValueError, "negative count"); return -1; }
        char *buf = mem_calloc((size_t)n + 1, 1);
        if (!buf) return -1;
        *out = buf;
        *outn = n;
        return 1;   /* caller frees buf */
    }
    if (!TYPE(src)->iter && !TYPE(src)->getitem) {
        err_format(&Exc_TypeError, "cannot convert '%T' object to %s", src, tname);
        return -1;
    }
    char *buf;
    ssize_t n;
    if (fill_from_iterable(src, &buf, &n) < 0) return -1;
    *out = buf;
    *outn = n;
    return 1;
}

Obj *bytes_from_obj(Obj *o) {
    if (TYPE(o) == &Bytes_Type) return NEWREF(o);
    Obj *m = obj_type_lookup_special(o, str_intern_cstr("__bytes__"));
    if (m) {
        Obj *b = obj_call0(m);
        DECREF(m);
        if (!b) return NULL;
        if (!bytes_check(b)) {
            err_format(&Exc_TypeError, "__bytes__ returned non-bytes (type %T)", b);
            DECREF(b);
            return NULL;
        }
        return b;
    }
    if (err_occurred()) return NULL;
    char *data;
    ssize_t n;
    Obj *owner;
    int r = bytes_source_data(o, NULL, NULL, "bytes", &data, &n, &owner);
    if (r < 0) return NULL;
    Obj *res = bytes_from(data ? data : "", n);
    if (r == 1) mem_free(data);
    XDECREF(owner);
    return res;
}

static Obj *bytes_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    static const char *const names[] = {"source", "encoding", "errors"};
    Obj *a[3] = {NULL, NULL, NULL};
    if (args_parse("bytes", args, nargs, kwnames, names, 3, 0, 3, a) < 0) return NULL;
    Obj *res;
    if (!a[0] && !a[1] && !a[2]) res = bytes_from("", 0);
    else if (a[0] && !a[1] && !a[2]) res = bytes_from_obj(a[0]);
    else {
        char *data;
        ssize_t n;
        Obj *owner;
        int r = bytes_source_data(a[0], a[1], a[2], "bytes", &data, &n, &owner);
        if (r < 0) return NULL;
        res = bytes_from(data ? data : "", n);
        if (r == 1) mem_free(data);
        XDECREF(owner);
    }
    if (!res || type == &Bytes_Type) return res;
    BytesObj *sub = (BytesObj *)type_generic_alloc(type, BYTES_SIZE(res) + 1);
    if (!sub) { DECREF(res); return NULL; }
    sub->ob_base.size = BYTES_SIZE(res);
    sub->hash = -1;
    memcpy(sub->data, BYTES_DATA(res), (size_t)BYTES_SIZE(res) + 1);
    DECREF(res);
    return OBJ(sub);
}

/* ---- repr ------------------------------------------------------------------------ */

Obj *bytes_repr_data(const char *p, ssize_t n, const char *prefix, const char *suffix) {
    int has_sq = memchr(p, '\'', (size_t)n) != NULL, has_dq = memchr(p, '"', (size_t)n) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    static const char hx[] = "0123456789abcdef";
    StrBuilder sb;
    sb_init(&sb);
    if (sb_reserve(&sb, n + 16) < 0) return NULL;
    if (sb_append_cstr(&sb, prefix) < 0) goto fail;
    if (sb_append_char(&sb, (uint32_t)quote) < 0) goto fail;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        char e[4];
        int k = 0;
        if (c == (unsigned char)quote || c == '\\') { e[k++] = '\\'; e[k++] = (char)c; }
        else if (c == '\t') { e[k++] = '\\'; e[k++] = 't'; }
        else if (c == '\n') { e[k++] = '\\'; e[k++] = 'n'; }
        else if (c == '\r') { e[k++] = '\\'; e[k++] = 'r'; }
        else if (c < 0x20 || c >= 0x7F) { e[k++] = '\\'; e[k++] = 'x'; e[k++] = hx[c >> 4]; e[k++] = hx[c & 15]; }
        else e[k++] = (char)c;
        if (sb_append(&sb, e, k) < 0) goto fail;
    }
    if (sb_append_char(&sb, (uint32_t)quote) < 0 || sb_append_cstr(&sb, suffix) < 0) goto fail;
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

static Obj *bytes_repr(Obj *o) { return bytes_repr_data(BYTES_DATA(o), BYTES_SIZE(o), "b", ""); }

/* bytes.__str__ is repr (with -b warnings in CPython; we stay silent). */

static hash_t bytes_hash(Obj *o) {
    BytesObj *b = (BytesObj *)o;
    if (b->hash != -1) return b->hash;
    hash_t h = (hash_t)str_hash_bytes(b->data, (size_t)b->ob_base.size);
    if (h == -1) h = -2;
    b->hash = h;
    return h;
}

/* Compare two byte views. Used by bytes and bytearray. */
Obj *bytes_richcompare_views(const char *a, ssize_t na, const char *b, ssize_t nb, int op) {
    int c;
    if ((op == CMP_EQ || op == CMP_NE) && na != nb) c = 1;
    else {
        c = memcmp(a, b, (size_t)(na < nb ? na : nb));
        if (!c) c = na < nb ? -1 : na > nb;
    }
    switch (op) {
    case CMP_EQ: RETURN_BOOL(c == 0);
    case CMP_NE: RETURN_BOOL(c != 0);
    case CMP_LT: RETURN_BOOL(c < 0);
    case CMP_LE: RETURN_BOOL(c <= 0);
    case CMP_GT: RETURN_BOOL(c > 0);
    default: RETURN_BOOL(c >= 0);
    }
}

static Obj *bytes_richcompare(Obj *a, Obj *b, int op) {
    ByteView va, vb;
    if (bytes_view_try(a, &va) != 1) { if (err_occurred()) return NULL; RETURN_NOTIMPL; }
    int r = bytes_view_try(b, &vb);
    if (r != 1) {
        XDECREF(va.owner);
        if (r < 0) return NULL;
        RETURN_NOTIMPL;
    }
    Obj *res = bytes_richcompare_views(va.buf, va.len, vb.buf, vb.len, op);
    XDECREF(va.owner);
    XDECREF(vb.owner);
    return res;
}

/* ---- sequence slots ------------------------------------------------------------------ */

static ssize_t bytes_len(Obj *o) { return BYTES_SIZE(o); }

Obj *bytes_getitem_data(const char *p, ssize_t n, Obj *key, Obj *self) {
    if (IS_SMALLINT(key) || int_check(key) || (TYPE(key) != &Slice_Type && TYPE(key)->nb_index)) {
        ssize_t i = str_index_arg(key, "byte");
        if (i == -1 && err_occurred()) return NULL;
        if (i < 0) i += n;
        if (i < 0 || i >= n) return err_set_str(&Exc_IndexError, TYPE(self) == &Bytes_Type || bytes_check(self) ? "index out of range" : "bytearray index out of range");
        return MAKE_SMALLINT((unsigned char)p[i]);
    }
    if (TYPE(key) == &Slice_Type) {
        ssize_t start, stop, step;
        ssize_t len = slice_indices(key, n, &start, &stop, &step);
        if (len < 0) return NULL;
        if (step == 1) return bytesmethods_make(self, p + start, len);
        char *buf = mem_alloc((size_t)len + 1);
        if (!buf) return NULL;
        for (ssize_t k = 0, i = start; k < len; k++, i += step) buf[k] = p[i];
        Obj *r = bytesmethods_make(self, buf, len);
        mem_free(buf);
        return r;
    }
    return err_format(&Exc_TypeError, "%s indices must be integers or slices, not %T",
                      bytes_check(self) ? "byte" : "bytearray", key);
}

static Obj *bytes_getitem(Obj *o, Obj *key) {
    if (IS_SMALLINT(key)) {
        ssize_t i = SMALLINT_VALUE(key), n = BYTES_SIZE(o);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return err_set_str(&Exc_IndexError, "index out of range");
        return MAKE_SMALLINT((unsigned char)BYTES_DATA(o)[i]);
    }
    return bytes_getitem_data(BYTES_DATA(o), BYTES_SIZE(o), key, o);
}

int bytes_contains_data(const char *p, ssize_t n, Obj *x) {
    if (IS_SMALLINT(x) || int_check(x) || (!bytes_check(x) && TYPE(x)->nb_index && TYPE(x) != &ByteArray_Type)) {
        ssize_t v = obj_as_ssize(x, NULL);
        if (v == -1 && err_occurred()) return -1;
        if (v < 0 || v > 255) { err_set_str(&Exc_ValueError, "byte must be in range(0, 256)"); return -1; }
        return memchr(p, (int)v, (size_t)n) != NULL;
    }
    ByteView v;
    if (bytes_get_view(x, &v) < 0) return -1;
    int r = v.len == 0 ? 1 : (v.len <= n && memmem(p, (size_t)n, v.buf, (size_t)v.len) != NULL);
    XDECREF(v.owner);
    return r;
}

static int bytes_contains(Obj *o, Obj *x) { return bytes_contains_data(BYTES_DATA(o), BYTES_SIZE(o), x); }

static Obj *bytes_add(Obj *a, Obj *b) {
    ByteView va, vb;
    int ra = bytes_view_try(a, &va);
    if (ra != 1) { if (ra < 0) return NULL; RETURN_NOTIMPL; }
    int rb = bytes_view_try(b, &vb);
    if (rb != 1) {
        XDECREF(va.owner);
        if (rb < 0) return NULL;
        if (!bytes_check(a)) RETURN_NOTIMPL;
        if (type_has_flag(TYPE(b), TF_HEAPTYPE) && type_lookup_str(TYPE(b), "__radd__")) RETURN_NOTIMPL;
        return err_format(&Exc_TypeError, "can't concat %T to %T", b, a);
    }
    Obj *r = NULL;
    if (!bytes_check(a)) { XDECREF(va.owner); XDECREF(vb.owner); RETURN_NOTIMPL; }
    if (va.len > (ssize_t)(SIZE_MAX / 4) - vb.len) r = err_no_memory();
    else {
        BytesObj *x = bytes_alloc(va.len + vb.len);
        if (x) {
            memcpy(x->data, va.buf, (size_t)va.len);
            memcpy(x->data + va.len, vb.buf, (size_t)vb.len);
            r = OBJ(x);
        }
    }
    XDECREF(va.owner);
    XDECREF(vb.owner);
    return r;
}

Obj *bytes_repeat_data(Obj *self, const char *p, ssize_t n, Obj *count_obj) {
    if (!int_check(count_obj) && !TYPE(count_obj)->nb_index) {
        if (type_has_flag(TYPE(count_obj), TF_HEAPTYPE) && type_lookup_str(TYPE(count_obj), "__rmul__")) RETURN_NOTIMPL;
        return err_format(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", count_obj);
    }
    ssize_t k = obj_as_ssize(count_obj, &Exc_OverflowError);
    if (k == -1 && err_occurred()) {
        if (err_matches(&Exc_OverflowError)) { err_clear(); err_format(&Exc_OverflowError, "cannot fit '%T' into an index-sized integer", count_obj); }
        return NULL;
    }
    if (k < 0) k = 0;
    if (n && k > (ssize_t)(SIZE_MAX / 4) / n) return err_no_memory();
    char *buf = mem_alloc((size_t)(n * k) + 1);
    if (!buf) return NULL;
    for (ssize_t i = 0; i < k; i++) memcpy(buf + i * n, p, (size_t)n);
    Obj *r = bytesmethods_make(self, buf, n * k);
    mem_free(buf);
    return r;
}

static Obj *bytes_mul(Obj *a, Obj *b) {
    Obj *s = a, *c = b;
    if (!bytes_check(a)) { s = b; c = a; }
    if (!bytes_check(s)) RETURN_NOTIMPL;
    if (TYPE(s) == &Bytes_Type && IS_SMALLINT(c) && SMALLINT_VALUE(c) == 1) return NEWREF(s);
    return bytes_repeat_data(s, BYTES_DATA(s), BYTES_SIZE(s), c);
}

static Obj *bytes_mod(Obj *a, Obj *b) {
    if (!bytes_check(a)) RETURN_NOTIMPL;
    return strformat_bytes_mod(a, b, 0);
}

static Obj *bytes_iter(Obj *o) { return seqiter_new(o); }

Obj *bytes_method_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    Obj *b = bytes_from(BYTES_DATA(self), BYTES_SIZE(self));
    if (!b) return NULL;
    Obj *t = tuple_pack(1, b);
    DECREF(b);
    return t;
}

Obj *bytes_method_bytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (TYPE(self) == &Bytes_Type) return NEWREF(self);
    return bytes_from(BYTES_DATA(self), BYTES_SIZE(self));
}

TypeObj Bytes_Type = {
    TYPE_HEAD_INIT,
    .name = "bytes",
    .basicsize = sizeof(BytesObj),
    .itemsize = 1,
    .flags = TF_BASETYPE | TF_BYTES_SUBCLASS | TF_IMMUTABLETYPE,
    .doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
           "bytes() -> empty bytes object",
    .dealloc = obj_free,
    .repr = bytes_repr,
    .str = bytes_repr,
    .getattr = obj_generic_getattr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .new_ = bytes_new,
    .nb = { [NB_ADD] = bytes_add, [NB_MUL] = bytes_mul, [NB_MOD] = bytes_mod },
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .methods = bytes_methods,
    .base = &Object_Type,
};
