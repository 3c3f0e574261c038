/* memoryview.c — a basic memoryview: one-dimensional, format 'B', over
 * bytes and bytearray (and other memoryviews).  A view over a bytearray
 * counts as an export, so the bytearray refuses to resize while it lives
 * (BufferError).  The data pointer is re-read from the base object on every
 * access, never cached. */
#include "gilpy.h"

typedef struct {
    OBJ_HEAD;
    Obj *obj;          /* bytes or bytearray; NULL once released */
    ssize_t start;     /* byte offset of item 0 */
    ssize_t len;       /* items */
    ssize_t step;      /* stride */
    int readonly;
    hash_t hash;
    Obj *weakreflist;
} MemViewObj;

#define MV(o) ((MemViewObj *)(o))

static bool is_bytearray(Obj *o) { return !IS_SMALLINT(o) && type_is_subtype(TYPE(o), &ByteArray_Type); }

static char *base_data(Obj *base) {
    if (is_bytearray(base)) return ((ByteArrayObj *)base)->data;
    return BYTES_DATA(base);
}

static ssize_t base_size(Obj *base) {
    if (is_bytearray(base)) return ((ByteArrayObj *)base)->size;
    return BYTES_SIZE(base);
}

static Obj *make_view(Obj *base, ssize_t start, ssize_t len, ssize_t step, int readonly) {
    MemViewObj *m = (MemViewObj *)obj_alloc(&MemoryView_Type, 0);
    if (!m) return NULL;
    m->obj = NEWREF(base);
    m->start = start;
    m->len = len;
    m->step = step;
    m->readonly = readonly;
    m->hash = -1;
    if (is_bytearray(base)) ((ByteArrayObj *)base)->exports++;
    return OBJ(m);
}

Obj *memoryview_from_object(Obj *o) {
    if (!IS_SMALLINT(o) && TYPE(o) == &MemoryView_Type) {
        MemViewObj *v = MV(o);
        if (!v->obj) return err_set_str(&Exc_ValueError, "operation forbidden on released memoryview object");
        return make_view(v->obj, v->start, v->len, v->step, v->readonly);
    }
    if (bytes_check(o)) return make_view(o, 0, BYTES_SIZE(o), 1, 1);
    if (is_bytearray(o)) return make_view(o, 0, ((ByteArrayObj *)o)->size, 1, 0);
    return err_format(&Exc_TypeError, "memoryview: a bytes-like object is required, not '%T'", o);
}

static int check_released(MemViewObj *m) {
    if (!m->obj) {
        err_set_str(&Exc_ValueError, "operation forbidden on released memoryview object");
        return -1;
    }
    return 0;
}

static void do_release(MemViewObj *m) {
    if (!m->obj) return;
    if (is_bytearray(m->obj) && ((ByteArrayObj *)m->obj)->exports > 0) ((ByteArrayObj *)m->obj)->exports--;
    CLEAR(m->obj);
}

static void mv_dealloc(Obj *o) {
    if (gc_is_tracked(o)) gc_untrack(o);
    if (MV(o)->weakreflist) weakref_clear_all(o);
    do_release(MV(o));
    obj_free(o);
}

static void mv_traverse(Obj *o, visitproc_ visit, void *arg) {
    if (MV(o)->obj) visit(MV(o)->obj, arg);
}

static int mv_clear(Obj *o) { do_release(MV(o)); return 0; }

static Obj *mv_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    static const char *const names[] = {"object"};
    Obj *out[1] = {NULL};
    if (args_parse("memoryview", args, nargs, kwnames, names, 1, 1, 1, out) < 0) return NULL;
    return memoryview_from_object(out[0]);
}

static Obj *mv_repr(Obj *o) {
    if (!MV(o)->obj) return str_from_format("<released memory at %p>", (void *)o);
    return str_from_format("<memoryview at %p>", (void *)o);
}

static ssize_t mv_len(Obj *o) {
    if (check_released(MV(o)) < 0) return -1;
    return MV(o)->len;
}

/* copy the viewed bytes into buf (len bytes) */
static void copy_out(MemViewObj *m, char *buf) {
    const char *d = base_data(m->obj);
    for (ssize_t i = 0; i < m->len; i++) buf[i] = d[m->start + i * m->step];
}

static Obj *to_bytes(MemViewObj *m) {
    if (m->step == 1) return bytes_from(base_data(m->obj) + m->start, m->len);
    char *tmp = (char *)mem_alloc((size_t)m->len + 1);
    if (!tmp) return NULL;
    copy_out(m, tmp);
    Obj *b = bytes_from(tmp, m->len);
    mem_free(tmp);
    return b;
}

static Obj *mv_subscript(Obj *o, Obj *key) {
    MemViewObj *m = MV(o);
    if (check_released(m) < 0) return NULL;
    ssize_t i;
    int k = cont_key_index(key, &i);
    if (k < 0) return NULL;
    if (k) {
        if (i < 0) i += m->len;
        if (i < 0 || i >= m->len) return err_set_str(&Exc_IndexError, "index out of bounds on dimension 1");
        return MAKE_SMALLINT((unsigned char)base_data(m->obj)[m->start + i * m->step]);
    }
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        ssize_t len = slice_indices(key, m->len, &start, &stop, &step);
        if (len < 0) return NULL;
        return make_view(m->obj, m->start + start * m->step, len, m->step * step, m->readonly);
    }
    if (key == Ellipsis) return NEWREF(o);
    return err_set_str(&Exc_TypeError, "memoryview: invalid slice key");
}

static int mv_ass_subscript(Obj *o, Obj *key, Obj *value) {
    MemViewObj *m = MV(o);
    if (check_released(m) < 0) return -1;
    if (m->readonly) {
        err_set_str(&Exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        err_set_str(&Exc_TypeError, "cannot delete memory");
        return -1;
    }
    ssize_t i;
    int k = cont_key_index(key, &i);
    if (k < 0) return -1;
    char *d = base_data(m->obj);
    if (k) {
        if (i < 0) i += m->len;
        if (i < 0 || i >= m->len) {
            err_set_str(&Exc_IndexError, "index out of bounds on dimension 1");
            return -1;
        }
        if (!int_check(value)) {
            err_format(&Exc_TypeError, "memoryview: invalid type for format 'B'");
            return -1;
        }
        long long v;
        if (int_as_long_overflow(value, &v) || v < 0 || v > 255) {
            err_set_str(&Exc_ValueError, "memoryview: invalid value for format 'B'");
            return -1;
        }
        d[m->start + i * m->step] = (char)v;
        return 0;
    }
    if (!SLICE_CHECK(key)) {
        err_set_str(&Exc_TypeError, "memoryview: invalid slice key");
        return -1;
    }
    ssize_t start, stop, step;
    ssize_t len = slice_indices(key, m->len, &start, &stop, &step);
    if (len < 0) return -1;
    Obj *src = memoryview_from_object(value);
    if (!src) return -1;
    MemViewObj *s = MV(src);
    if (s->len != len) {
        DECREF(src);
        err_set_str(&Exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    char *tmp = (char *)mem_alloc((size_t)len + 1);
    if (!tmp) { DECREF(src); return -1; }
    copy_out(s, tmp);
    d = base_data(m->obj);
    for (ssize_t j = 0; j < len; j++) d[m->start + (start + j * step) * m->step] = tmp[j];
    mem_free(tmp);
    DECREF(src);
    return 0;
}

static Obj *mv_richcompare(Obj *a, Obj *b, int op) {
    if (op != CMP_EQ && op != CMP_NE) RETURN_NOTIMPL;
    if (TYPE(a) != &MemoryView_Type) { Obj *t = a; a = b; b = t; }
    if (a == b) RETURN_BOOL(op == CMP_EQ);
    if (!MV(a)->obj) RETURN_BOOL(op == CMP_NE);
    if (!(bytes_check(b) || is_bytearray(b) || TYPE(b) == &MemoryView_Type)) RETURN_NOTIMPL;
    if (TYPE(b) == &MemoryView_Type && !MV(b)->obj) RETURN_BOOL(op == CMP_NE);
    Obj *x = to_bytes(MV(a));
    if (!x) return NULL;
    Obj *y;
    if (TYPE(b) == &MemoryView_Type) y = to_bytes(MV(b));
    else y = bytes_from(base_data(b), base_size(b));
    if (!y) { DECREF(x); return NULL; }
    bool eq = BYTES_SIZE(x) == BYTES_SIZE(y) && memcmp(BYTES_DATA(x), BYTES_DATA(y), (size_t)BYTES_SIZE(x)) == 0;
    DECREF(x);
    DECREF(y);
    RETURN_BOOL(op == CMP_EQ ? eq : !eq);
}

static hash_t mv_hash(Obj *o) {
    MemViewObj *m = MV(o);
    if (m->hash != -1) return m->hash;
    if (check_released(m) < 0) return -1;
    if (!m->readonly) {
        err_set_str(&Exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    Obj *b = to_bytes(m);
    if (!b) return -1;
    m->hash = obj_hash(b);
    DECREF(b);
    return m->hash;
}

static Obj *mv_iter(Obj *o) {
    if (check_released(MV(o)) < 0) return NULL;
    return seqiter_new(o);
}

/* ---- methods ----------------------------------------------------------------- */
static Obj *m_tobytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (check_released(MV(self)) < 0) return NULL;
    return to_bytes(MV(self));
}

static Obj *m_tolist(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    MemViewObj *m = MV(self);
    if (check_released(m) < 0) return NULL;
    Obj *l = list_new(m->len);
    if (!l) return NULL;
    const char *d = base_data(m->obj);
    for (ssize_t i = 0; i < m->len; i++)
        LIST_ITEMS(l)[i] = MAKE_SMALLINT((unsigned char)d[m->start + i * m->step]);
    return l;
}

static Obj *m_hex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    MemViewObj *m = MV(self);
    if (check_released(m) < 0) return NULL;
    static const char digits[] = "0123456789abcdef";
    Obj *s = str_new_uninit(m->len * 2, m->len * 2);
    if (!s) return NULL;
    const char *d = base_data(m->obj);
    char *out = STR_DATA(s);
    for (ssize_t i = 0; i < m->len; i++) {
        unsigned char c = (unsigned char)d[m->start + i * m->step];
        out[2 * i] = digits[c >> 4];
        out[2 * i + 1] = digits[c & 15];
    }
    out[m->len * 2] = 0;
    str_finish(s);
    return s;
}

static Obj *m_release(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    do_release(MV(self));
    RETURN_NONE;
}

static Obj *m_enter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (check_released(MV(self)) < 0) return NULL;
    return NEWREF(self);
}

static Obj *m_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    do_release(MV(self));
    RETURN_NONE;
}

static Obj *m_toreadonly(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    MemViewObj *m = MV(self);
    if (check_released(m) < 0) return NULL;
    return make_view(m->obj, m->start, m->len, m->step, 1);
}

static Obj *m_cast(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    MemViewObj *m = MV(self);
    if (check_released(m) < 0) return NULL;
    if (nargs >= 1 && str_check(args[0]) && (str_eq_cstr(args[0], "B") || str_eq_cstr(args[0], "c") ||
                                             str_eq_cstr(args[0], "b")) && nargs == 1)
        return make_view(m->obj, m->start, m->len, m->step, m->readonly);
    return err_set_str(&Exc_NotImplementedError, "memoryview: only format 'B' is supported");
}

/* ---- attributes ----------------------------------------------------------------- */
static Obj *g_obj(Obj *self, void *c) {
    if (check_released(MV(self)) < 0) return NULL;
    return NEWREF(MV(self)->obj);
}
static Obj *g_nbytes(Obj *self, void *c) {
    if (check_released(MV(self)) < 0) return NULL;
    return int_from_ssize(MV(self)->len);
}
static Obj *g_readonly(Obj *self, void *c) {
    if (check_released(MV(self)) < 0) return NULL;
    RETURN_BOOL(MV(self)->readonly);
}
static Obj *g_itemsize(Obj *self, void *c) {
    if (check_released(MV(self)) < 0) return NULL;
    return MAKE_SMALLINT(1);
}
static Obj *g_format(Obj *self, void *c) {
    if (check_released(MV(self)) < 0) return NULL;
    return str_from_cstr("B");
}
static Obj *g_ndim(Obj *self, void *c) {
    if (check_released(MV(self)) < 0) return NULL;
    return MAKE_SMALLINT(1);
}
static Obj *g_shape(Obj *self, void *c) {
    if (check_released(MV(self)) < 0) return NULL;
    Obj *n = int_from_ssize(MV(self)->len);
    if (!n) return NULL;
    Obj *t = tuple_pack(1, n);
    DECREF(n);
    return t;
}
static Obj *g_strides(Obj *self, void *c) {
    if (check_released(MV(self)) < 0) return NULL;
    Obj *n = int_from_ssize(MV(self)->step);
    if (!n) return NULL;
    Obj *t = tuple_pack(1, n);
    DECREF(n);
    return t;
}
static Obj *g_contiguous(Obj *self, void *c) {
    if (check_released(MV(self)) < 0) return NULL;
    RETURN_BOOL(MV(self)->step == 1 || MV(self)->len <= 1);
}
static Obj *g_released(Obj *self, void *c) { RETURN_BOOL(MV(self)->obj == NULL); }

static GetSetDef mv_getset[] = {
    {"obj", g_obj, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", g_nbytes, NULL, NULL, NULL},
    {"readonly", g_readonly, NULL, NULL, NULL},
    {"itemsize", g_itemsize, NULL, NULL, NULL},
    {"format", g_format, NULL, NULL, NULL},
    {"ndim", g_ndim, NULL, NULL, NULL},
    {"shape", g_shape, NULL, NULL, NULL},
    {"strides", g_strides, NULL, NULL, NULL},
    {"contiguous", g_contiguous, NULL, NULL, NULL},
    {"c_contiguous", g_contiguous, NULL, NULL, NULL},
    {"f_contiguous", g_contiguous, NULL, NULL, NULL},
    {"released", g_released, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static MethodDef mv_methods[] = {
    {"tobytes", m_tobytes, 0, "Return the data in the buffer as a byte string."},
    {"tolist", m_tolist, 0, "Return the data in the buffer as a list of elements."},
    {"hex", m_hex, 0, NULL},
    {"release", m_release, 0, "Release the underlying buffer exposed by the memoryview object."},
    {"toreadonly", m_toreadonly, 0, NULL},
    {"cast", m_cast, 0, NULL},
    {"__enter__", m_enter, 0, NULL},
    {"__exit__", m_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj MemoryView_Type = {
    TYPE_HEAD_INIT,
    .name = "memoryview",
    .basicsize = sizeof(MemViewObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .doc = "Create a new memoryview object which references the given object.",
    .dealloc = mv_dealloc,
    .repr = mv_repr,
    .hash = mv_hash,
    .richcompare = mv_richcompare,
    .iter = mv_iter,
    .new_ = mv_new,
    .len = mv_len,
    .getitem = mv_subscript,
    .setitem = mv_ass_subscript,
    .traverse = mv_traverse,
    .clear = mv_clear,
    .methods = mv_methods,
    .getset = mv_getset,
    .weaklistoffset = offsetof(MemViewObj, weakreflist),
};
