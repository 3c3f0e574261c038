/* object.c — allocation, deallocation dispatch, the singletons None /
 * NotImplemented / Ellipsis and their types, the `object` type, generic
 * attribute access (object.__getattribute__ / __setattr__) and dir().
 * OWNER: TYPES.
 *
 * Memory layout of an instance (see core/gc.h):
 *     [heap-type pre-area: __slots__ .. weaklist, dict][GCHead][Obj ...]
 * The GCHead exists iff the type has TF_GC; the pre-area iff the type is a
 * heap type with pre_size > 0.  Offsets into the pre-area are negative
 * (dictoffset / weaklistoffset / slot member offsets), so subclassing a
 * variable-size base (tuple, int, str) keeps the base's layout untouched. */
#include "gilpy.h"
#include "core/gc.h"
#include "objects/typeobj.h"
#include <stdlib.h>

Obj *type_ids_[ID_COUNT_];
static const char *const type_id_names[ID_COUNT_] = {
#define X(n) #n,
    TYPE_IDS(X)
#undef X
};
/* Intern a C string even while an exception is pending (deallocs and
 * finalizers run during unwinding). */
Obj *obj_intern_safe(const char *name) {
    Obj *saved = err_occurred() ? err_fetch() : NULL;
    Obj *s = str_intern_cstr(name);
    if (saved) { if (!s) err_clear(); err_restore(saved); }
    return s;
}
Obj *type_id_init(int i) {
    Obj *s = obj_intern_safe(type_id_names[i]);
    type_ids_[i] = s;
    return s;
}

/* ---- memory ------------------------------------------------------------ */
void *mem_alloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) err_no_memory();
    return p;
}
void *mem_calloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) err_no_memory();
    return p;
}
void *mem_realloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) err_no_memory();
    return q;
}
void mem_free(void *p) { free(p); }

static inline size_t pre_bytes(TypeObj *t) {
    size_t pre = (t->flags & TF_GC) ? sizeof(GCHead) : 0;
    if (t->flags & TF_HEAPTYPE) pre += (size_t)HEAPTYPE(t)->pre_size;
    return pre;
}

/* Freelists for fixed-size objects (itemsize == 0), per 16-byte size class
 * of the whole block (pre-area + GCHead + object).  Protected by the GIL.
 * Disabled under AddressSanitizer so use-after-free stays detectable. */
#if defined(__SANITIZE_ADDRESS__)
#define USE_FREELIST 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define USE_FREELIST 0
#endif
#endif
#ifndef USE_FREELIST
#define USE_FREELIST 1
#endif
#define FL_CLASSES 24          /* blocks up to 384 bytes */
#define FL_MAX 512             /* blocks kept per class */
typedef struct FreeBlock { struct FreeBlock *next; } FreeBlock;
static FreeBlock *freelist[FL_CLASSES];
static int freelist_n[FL_CLASSES];

static inline size_t block_size(TypeObj *t, size_t pre) {
    size_t size = t->basicsize < sizeof(Obj) ? sizeof(Obj) : t->basicsize;
    return (pre + size + 15) & ~(size_t)15;
}

Obj *obj_alloc(TypeObj *t, ssize_t nitems) {
    if (t->flags & TF_GC) gc_maybe_collect();
    size_t pre = pre_bytes(t);
    char *mem;
    if (t->itemsize == 0) {
        size_t total = block_size(t, pre);
        size_t cls = total / 16 - 1;
        if (USE_FREELIST && cls < FL_CLASSES && freelist[cls]) {
            FreeBlock *b = freelist[cls];
            freelist[cls] = b->next;
            freelist_n[cls]--;
            mem = (char *)b;
            memset(mem, 0, total);
        } else {
            mem = calloc(1, total);
        }
    } else {
        size_t size = t->basicsize;
        if (nitems > 0) {
            if ((size_t)nitems > (SIZE_MAX - size - pre - 16) / t->itemsize) return err_no_memory();
            size += (size_t)nitems * t->itemsize;
        }
        if (size < sizeof(Obj)) size = sizeof(Obj);
        size = (size + 7) & ~(size_t)7;
        mem = calloc(1, pre + size);
    }
    if (!mem) return err_no_memory();
    Obj *o = (Obj *)(mem + pre);
    o->refcnt = 1;
    o->type = t;
    /* VarObj layouts (tuple, bytes and their subclasses) get their size set,
     * as CPython's NewVar; other var-sized structs (str, frame) keep zeros. */
    if (t->flags & (TF_TUPLE_SUBCLASS | TF_BYTES_SUBCLASS)) ((VarObj *)o)->size = nitems;
    if (t->flags & TF_HEAPTYPE) INCREF(t);
    if (t->flags & TF_GC) gc_track(o);
    return o;
}

void obj_free(Obj *o) {
    TypeObj *t = o->type;
    if (t->flags & TF_GC) {
        if (AS_GC(o)->next) gc_untrack(o);
    }
    size_t pre = pre_bytes(t);
    char *mem = (char *)o - pre;
    if (USE_FREELIST && t->itemsize == 0) {
        size_t cls = block_size(t, pre) / 16 - 1;
        if (cls < FL_CLASSES && freelist_n[cls] < FL_MAX) {
            FreeBlock *b = (FreeBlock *)mem;
            b->next = freelist[cls];
            freelist[cls] = b;
            freelist_n[cls]++;
            return;
        }
    }
    free(mem);
}

void obj_dealloc(Obj *o) {
    TypeObj *t = o->type;
    if (t->weaklistoffset && !(t->flags & TF_HEAPTYPE)) {
        Obj **wl = (Obj **)((char *)o + t->weaklistoffset);
        if (*wl) weakref_clear_all(o);
    }
    if (t->dealloc) t->dealloc(o);
    else obj_free(o);
}

void object_dealloc(Obj *o) { obj_free(o); }

/* ---- helpers ------------------------------------------------------------ */
Obj *obj_pointer_repr(Obj *o, const char *kind) {
    return str_from_format("<%s object at %p>", kind, (void *)o);
}

hash_t object_hash(Obj *o) {
    uintptr_t p = (uintptr_t)o;
    hash_t h = (hash_t)((p >> 4) | (p << (8 * sizeof(void *) - 4)));
    return h == -1 ? -2 : h;
}

/* ---- singletons --------------------------------------------------------- */
static Obj *none_repr(Obj *o) { return str_from_cstr("None"); }
static int none_bool(Obj *o) { return 0; }
static Obj *none_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) {
    if (nargs || (kw && TUPLE_SIZE(kw))) return err_set_str(&Exc_TypeError, "NoneType takes no arguments");
    RETURN_NONE;
}
static Obj *notimpl_repr(Obj *o) { return str_from_cstr("NotImplemented"); }
static Obj *notimpl_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) {
    if (nargs || (kw && TUPLE_SIZE(kw))) return err_set_str(&Exc_TypeError, "NotImplementedType takes no arguments");
    return NotImplemented;
}
static Obj *ellipsis_repr(Obj *o) { return str_from_cstr("Ellipsis"); }
static Obj *ellipsis_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) {
    if (nargs || (kw && TUPLE_SIZE(kw))) return err_set_str(&Exc_TypeError, "ellipsis takes no arguments");
    return Ellipsis;
}
static Obj *singleton_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (self == None) return str_from_cstr("None");
    if (self == NotImplemented) return str_from_cstr("NotImplemented");
    return str_from_cstr("Ellipsis");
}
static MethodDef singleton_methods[] = {
    {"__reduce__", singleton_reduce, 0, NULL},
    {NULL, NULL, 0, NULL}
};

TypeObj NoneType_Type = {
    TYPE_HEAD_INIT, .name = "NoneType", .basicsize = sizeof(Obj), .flags = TF_IMMUTABLETYPE,
    .repr = none_repr, .nb_bool = none_bool, .new_ = none_new, .hash = object_hash,
    .methods = singleton_methods, .base = &Object_Type,
};
TypeObj NotImplementedType_Type = {
    TYPE_HEAD_INIT, .name = "NotImplementedType", .basicsize = sizeof(Obj), .flags = TF_IMMUTABLETYPE,
    .repr = notimpl_repr, .new_ = notimpl_new, .hash = object_hash,
    .methods = singleton_methods, .base = &Object_Type,
};
TypeObj Ellipsis_Type = {
    TYPE_HEAD_INIT, .name = "ellipsis", .basicsize = sizeof(Obj), .flags = TF_IMMUTABLETYPE,
    .repr = ellipsis_repr, .new_ = ellipsis_new, .hash = object_hash,
    .methods = singleton_methods, .base = &Object_Type,
};
Obj NoneStruct = OBJ_HEAD_INIT(&NoneType_Type);
Obj NotImplementedStruct = OBJ_HEAD_INIT(&NotImplementedType_Type);
Obj EllipsisStruct = OBJ_HEAD_INIT(&Ellipsis_Type);
Obj TrueStruct_ = OBJ_HEAD_INIT(&Bool_Type);
Obj FalseStruct_ = OBJ_HEAD_INIT(&Bool_Type);

/* ---- object ------------------------------------------------------------- */
Obj *object_repr(Obj *self) {
    TypeObj *t = TYPE(self);
    Obj *mod = type_get_module(t);
    if (!mod) { err_clear(); }
    Obj *qn = type_qualname(t);
    if (!qn) { XDECREF(mod); return NULL; }
    Obj *r;
    if (mod && str_check(mod) && !str_eq_cstr(mod, "builtins"))
        r = str_from_format("<%U.%U object at %p>", mod, qn, (void *)self);
    else
        r = str_from_format("<%U object at %p>", qn, (void *)self);
    XDECREF(mod);
    DECREF(qn);
    return r;
}

static Obj *object_str(Obj *self) {
    unaryfunc f = TYPE(self)->repr;
    if (!f) return object_repr(self);
    return obj_repr(self);
}

Obj *object_richcompare(Obj *a, Obj *b, int op) {
    switch (op) {
    case CMP_EQ:
        if (a == b) RETURN_BOOL(1);
        RETURN_NOTIMPL;
    case CMP_NE: {
        richcmpfunc f = TYPE(a)->richcompare;
        if (!f) RETURN_NOTIMPL;
        Obj *r = f(a, b, CMP_EQ);
        if (!r || r == NotImplemented) return r;
        int t = obj_is_true(r);
        DECREF(r);
        if (t < 0) return NULL;
        RETURN_BOOL(!t);
    }
    default:
        RETURN_NOTIMPL;
    }
}

static bool excess_args(size_t nargs, Obj *kw) {
    return nargs > 0 || (kw && TUPLE_SIZE(kw) > 0);
}

Obj *object_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) {
    if (excess_args(nargs, kw)) {
        if (t->new_ != object_new)
            return err_set_str(&Exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (t->init == object_init)
            return err_format(&Exc_TypeError, "%s() takes no arguments", TP_NAME(t));
    }
    if (t->flags & TF_ABSTRACT) {
        if (type_abstract_check(t) < 0) return NULL;
    }
    return obj_alloc(t, 0);
}

int object_init(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (excess_args(nargs, kw)) {
        TypeObj *t = TYPE(self);
        if (t->init != object_init) {
            err_set_str(&Exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (t->new_ == object_new) {
            err_format(&Exc_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)", TP_NAME(t));
            return -1;
        }
    }
    return 0;
}

/* __class__ */
static Obj *object_get_class(Obj *self, void *c) { return NEWREF(OBJ(TYPE(self))); }

static TypeObj *native_base(TypeObj *t) {
    while (t->flags & TF_HEAPTYPE && t->base) t = t->base;
    return t;
}
static bool same_layout(TypeObj *a, TypeObj *b) {
    if (native_base(a) != native_base(b)) return false;
    if (a->basicsize != b->basicsize || a->itemsize != b->itemsize) return false;
    if (a->dictoffset != b->dictoffset || a->weaklistoffset != b->weaklistoffset) return false;
    if ((a->flags & TF_GC) != (b->flags & TF_GC)) return false;
    ssize_t pa = (a->flags & TF_HEAPTYPE) ? HEAPTYPE(a)->pre_size : 0;
    ssize_t pb = (b->flags & TF_HEAPTYPE) ? HEAPTYPE(b)->pre_size : 0;
    if (pa != pb) return false;
    /* same slots */
    Obj *sa = a->slots, *sb = b->slots;
    ssize_t na = sa ? TUPLE_SIZE(sa) : 0, nb = sb ? TUPLE_SIZE(sb) : 0;
    if (na != nb) return false;
    for (ssize_t i = 0; i < na; i++)
        if (!str_eq(TUPLE_GET(sa, i), TUPLE_GET(sb, i))) return false;
    return true;
}

static int object_set_class(Obj *self, Obj *value, void *c) {
    if (!value) { err_set_str(&Exc_TypeError, "can't delete __class__ attribute"); return -1; }
    if (!type_has_flag(TYPE(value), TF_TYPE_SUBCLASS)) {
        err_format(&Exc_TypeError, "__class__ must be set to a class, not '%T' object", value);
        return -1;
    }
    TypeObj *nt = (TypeObj *)value, *ot = TYPE(self);
    if (!(nt->flags & TF_HEAPTYPE) || !(ot->flags & TF_HEAPTYPE)) {
        if (!(type_is_subtype(nt, &Module_Type) && type_is_subtype(ot, &Module_Type))) {
            err_set_str(&Exc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
            return -1;
        }
    }
    if (nt == ot) return 0;
    if (!same_layout(nt, ot)) {
        err_format(&Exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'", TP_NAME(nt), TP_NAME(ot));
        return -1;
    }
    if (nt->flags & TF_HEAPTYPE) INCREF(nt);
    self->type = nt;
    if (ot->flags & TF_HEAPTYPE) DECREF(ot);
    return 0;
}

static GetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* dir() support: merge the dicts of a class and its bases into `out`. */
static int merge_class_dict(Obj *out, Obj *cls, int depth) {
    if (depth > 200) return 0;
    Obj *d;
    int r = obj_lookup_attr(cls, ID(__dict__), &d);
    if (r < 0) return -1;
    if (r > 0) {
        int u = dict_update(out, d);
        DECREF(d);
        if (u < 0) return -1;
    }
    Obj *bases;
    r = obj_lookup_attr(cls, ID(__bases__), &bases);
    if (r < 0) return -1;
    if (r > 0) {
        if (tuple_check(bases)) {
            for (ssize_t i = 0; i < TUPLE_SIZE(bases); i++)
                if (merge_class_dict(out, TUPLE_GET(bases, i), depth + 1) < 0) { DECREF(bases); return -1; }
        }
        DECREF(bases);
    }
    return 0;
}

Obj *obj_type_dir_list(Obj *type);
Obj *obj_type_dir_list(Obj *type) {
    Obj *d = dict_new();
    if (!d) return NULL;
    if (merge_class_dict(d, type, 0) < 0) { DECREF(d); return NULL; }
    Obj *l = dict_keys_list(d);
    DECREF(d);
    return l;
}

static Obj *object_dir(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    Obj *d = NULL;
    Obj *idict;
    int r = obj_lookup_attr(self, ID(__dict__), &idict);
    if (r < 0) return NULL;
    if (r > 0 && dict_check(idict)) {
        d = dict_copy(idict);
    } else {
        d = dict_new();
    }
    XDECREF(idict);
    if (!d) return NULL;
    Obj *cls;
    r = obj_lookup_attr(self, ID(__class__), &cls);
    if (r < 0) { DECREF(d); return NULL; }
    if (r > 0) {
        int m = merge_class_dict(d, cls, 0);
        DECREF(cls);
        if (m < 0) { DECREF(d); return NULL; }
    }
    Obj *l = dict_keys_list(d);
    DECREF(d);
    return l;
}

static Obj *object_format(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("__format__", kw) < 0) return NULL;
    if (nargs != 1) return err_format(&Exc_TypeError, "__format__() takes exactly one argument (%zd given)", (ssize_t)nargs);
    Obj *spec = args[0];
    if (!str_check(spec))
        return err_format(&Exc_TypeError, "__format__() argument must be str, not %T", spec);
    if (STR_LEN(spec) > 0)
        return err_format(&Exc_TypeError, "unsupported format string passed to %s.__format__", TP_NAME(TYPE(self)));
    return obj_str(self);
}

static Obj *object_sizeof(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    TypeObj *t = TYPE(self);
    ssize_t n = (ssize_t)t->basicsize;
    if (t->itemsize) {
        /* best effort: VarObj size */
        n += ((VarObj *)self)->size * (ssize_t)t->itemsize;
    }
    return int_from_ssize(n);
}

static Obj *object_init_subclass(Obj *cls, Obj *const *args, size_t nargs, Obj *kw) {
    if (nargs) return err_format(&Exc_TypeError, "__init_subclass__() takes no arguments (%zd given)", (ssize_t)nargs);
    if (kw && TUPLE_SIZE(kw))
        return err_format(&Exc_TypeError, "%s.__init_subclass__() takes no keyword arguments", TP_NAME((TypeObj *)cls));
    RETURN_NONE;
}

static Obj *object_subclasshook(Obj *cls, Obj *const *args, size_t nargs, Obj *kw) {
    RETURN_NOTIMPL;
}

/* Instance state for pickling/copying: __dict__ (or None) plus __slots__ values. */
static Obj *object_getstate_impl(Obj *self) {
    Obj **dp = obj_dict_ptr(self);
    Obj *state;
    if (dp && *dp && dict_size(*dp) > 0) state = dict_copy(*dp);
    else state = NEWREF(None);
    if (!state) return NULL;
    /* slots along the MRO */
    Obj *slots = NULL;
    Obj *mro = TYPE(self)->mro;
    for (ssize_t i = 0; mro && i < TUPLE_SIZE(mro); i++) {
        TypeObj *t = (TypeObj *)TUPLE_GET(mro, i);
        if (!(t->flags & TF_HEAPTYPE) || !t->slots) continue;
        for (ssize_t j = 0; j < TUPLE_SIZE(t->slots); j++) {
            Obj *name = TUPLE_GET(t->slots, j);
            if (str_eq_cstr(name, "__dict__") || str_eq_cstr(name, "__weakref__")) continue;
            Obj *v;
            int r = obj_lookup_attr(self, name, &v);
            if (r < 0) { DECREF(state); XDECREF(slots); return NULL; }
            if (r == 0) continue;
            if (!slots && !(slots = dict_new())) { DECREF(v); DECREF(state); return NULL; }
            r = dict_setitem(slots, name, v);
            DECREF(v);
            if (r < 0) { DECREF(state); DECREF(slots); return NULL; }
        }
    }
    if (slots) {
        Obj *t = tuple_pack(2, state, slots);
        DECREF(state);
        DECREF(slots);
        return t;
    }
    return state;
}

static Obj *object_getstate(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    return object_getstate_impl(self);
}

static Obj *object_reduce_ex(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    long long proto = 0;
    if (nargs >= 1) { proto = int_as_long(args[0]); if (proto == -1 && err_occurred()) return NULL; }
    Obj *copyreg = import_module_cstr("copyreg");
    if (!copyreg) return NULL;
    Obj *res = NULL;
    if (proto < 2) {
        Obj *f = obj_getattr_str(copyreg, "_reduce_ex");
        if (f) { Obj *a[2] = {self, MAKE_SMALLINT(proto)}; res = obj_call(f, a, 2, NULL); DECREF(f); }
        DECREF(copyreg);
        return res;
    }
    Obj *newobj = obj_getattr_str(copyreg, "__newobj__");
    DECREF(copyreg);
    if (!newobj) return NULL;
    Obj *cls = OBJ(TYPE(self));
    Obj *newargs = NULL;
    Obj *gna;
    int r = obj_lookup_attr(self, str_intern_cstr("__getnewargs__"), &gna);
    if (r < 0) { DECREF(newobj); return NULL; }
    if (r > 0) {
        newargs = obj_call0(gna);
        DECREF(gna);
        if (!newargs) { DECREF(newobj); return NULL; }
        if (!tuple_check(newargs)) {
            err_format(&Exc_TypeError, "__getnewargs__ should return a tuple, not '%T'", newargs);
            DECREF(newargs); DECREF(newobj); return NULL;
        }
    } else newargs = tuple_new(0);
    Obj *cargs = tuple_new(TUPLE_SIZE(newargs) + 1);
    if (!cargs) { DECREF(newargs); DECREF(newobj); return NULL; }
    TUPLE_SET(cargs, 0, NEWREF(cls));
    for (ssize_t i = 0; i < TUPLE_SIZE(newargs); i++) TUPLE_SET(cargs, i + 1, NEWREF(TUPLE_GET(newargs, i)));
    DECREF(newargs);
    Obj *state = obj_call_method(self, "__getstate__", NULL, 0);
    if (!state) { DECREF(cargs); DECREF(newobj); return NULL; }
    Obj *listitems = None, *dictitems = None;
    Obj *li = NULL, *di = NULL;
    if (list_check(self)) { li = obj_iter(self); if (!li) goto fail; listitems = li; }
    if (dict_check(self)) {
        Obj *items = obj_call_method(self, "items", NULL, 0);
        if (!items) goto fail;
        di = obj_iter(items);
        DECREF(items);
        if (!di) goto fail;
        dictitems = di;
    }
    res = tuple_pack(5, newobj, cargs, state, listitems, dictitems);
fail:
    XDECREF(li); XDECREF(di);
    DECREF(state); DECREF(cargs); DECREF(newobj);
    return res;
}

static Obj *object_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    Obj *a = MAKE_SMALLINT(0);
    return object_reduce_ex(self, &a, 1, NULL);
}

static MethodDef object_methods[] = {
    {"__dir__", object_dir, 0, "Default dir() implementation."},
    {"__format__", object_format, 0, "Default object formatter."},
    {"__sizeof__", object_sizeof, 0, "Size of object in memory, in bytes."},
    {"__init_subclass__", object_init_subclass, METH_CLASS, "This method is called when a class is subclassed."},
    {"__subclasshook__", object_subclasshook, METH_CLASS, "Abstract classes can override this to customize issubclass()."},
    {"__reduce_ex__", object_reduce_ex, 0, "Helper for pickle."},
    {"__reduce__", object_reduce, 0, "Helper for pickle."},
    {"__getstate__", object_getstate, 0, "Helper for pickle."},
    {NULL, NULL, 0, NULL}
};

TypeObj Object_Type = {
    TYPE_HEAD_INIT,
    .name = "object",
    .basicsize = sizeof(Obj),
    .flags = TF_BASETYPE | TF_IMMUTABLETYPE,
    .doc = "The base class of the class hierarchy.",
    .dealloc = object_dealloc,
    .repr = object_repr,
    .str = object_str,
    .getattr = obj_generic_getattr,
    .setattr = obj_generic_setattr,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .new_ = object_new,
    .init = object_init,
    .methods = object_methods,
    .getset = object_getset,
};

/* ---- generic attribute access ------------------------------------------ */
Obj **obj_dict_ptr(Obj *o) {
    if (IS_SMALLINT(o)) return NULL;
    ssize_t off = TYPE(o)->dictoffset;
    if (!off) return NULL;
    return (Obj **)((char *)o + off);
}

/* object.__getattribute__; with `suppress`, a missing attribute returns NULL
 * without setting AttributeError (obj_lookup_attr's fast path). */
Obj *obj_generic_getattr_ex(Obj *o, Obj *name, int suppress) {
    if (!str_check(name))
        return err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
    TypeObj *t = TYPE(o);
    Obj *descr = type_lookup(t, name);
    descrgetfunc f = NULL;
    if (descr) {
        INCREF(descr);
        f = TYPE(descr)->descr_get;
        if (f && TYPE(descr)->descr_set) {
            Obj *r = f(descr, o, OBJ(t));
            DECREF(descr);
            return r;
        }
    }
    Obj **dp = obj_dict_ptr(o);
    if (dp && *dp) {
        Obj *d = *dp;
        INCREF(d);
        Obj *v = dict_getitem(d, name);
        if (v) {
            INCREF(v);
            DECREF(d);
            XDECREF(descr);
            return v;
        }
        DECREF(d);
        if (err_occurred()) { XDECREF(descr); return NULL; }
    }
    if (f) {
        Obj *r = f(descr, o, OBJ(t));
        DECREF(descr);
        return r;
    }
    if (descr) return descr;
    if (suppress) return NULL;
    return err_format(&Exc_AttributeError, "'%s' object has no attribute '%U'", TP_NAME(t), name);
}

Obj *obj_generic_getattr(Obj *o, Obj *name) { return obj_generic_getattr_ex(o, name, 0); }

int obj_generic_setattr(Obj *o, Obj *name, Obj *value) {
    if (!str_check(name)) {
        err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    TypeObj *t = TYPE(o);
    if (UNLIKELY(t->flags & TF_TYPE_SUBCLASS)) {
        /* would bypass type_modified(): only type.__setattr__ may do this */
        if (t->setattr != obj_generic_setattr) return t->setattr(o, name, value);
        err_format(&Exc_TypeError, "can't apply this __setattr__ to %s object", TP_NAME(t));
        return -1;
    }
    Obj *descr = type_lookup(t, name);
    if (descr && TYPE(descr)->descr_set) {
        INCREF(descr);
        int r = TYPE(descr)->descr_set(descr, o, value);
        DECREF(descr);
        return r;
    }
    Obj **dp = obj_dict_ptr(o);
    if (!dp) {
        if (descr && value)
            err_format(&Exc_AttributeError, "'%s' object attribute '%U' is read-only", TP_NAME(t), name);
        else
            err_format(&Exc_AttributeError, "'%s' object has no attribute '%U'", TP_NAME(t), name);
        return -1;
    }
    if (!*dp) {
        if (!value) {
            err_format(&Exc_AttributeError, "'%s' object has no attribute '%U'", TP_NAME(t), name);
            return -1;
        }
        *dp = dict_new();
        if (!*dp) return -1;
    }
    Obj *d = *dp;
    INCREF(d);
    int r;
    if (value) r = dict_setitem(d, name, value);
    else {
        r = dict_delitem(d, name);
        if (r < 0 && err_matches(&Exc_KeyError)) {
            err_clear();
            err_format(&Exc_AttributeError, "'%s' object has no attribute '%U'", TP_NAME(t), name);
        }
    }
    DECREF(d);
    return r;
}

Obj *obj_dir(Obj *o) {
    Obj *res;
    if (!o) {
        Obj *loc = eval_get_locals();
        if (!loc) return NULL;
        if (dict_check(loc)) res = dict_keys_list(loc);
        else res = seq_list(loc);
        DECREF(loc);
    } else {
        Obj *m = obj_lookup_special(o, ID(__dir__));
        if (!m) {
            if (!err_occurred()) err_set_str(&Exc_TypeError, "object does not provide __dir__");
            return NULL;
        }
        Obj *r = obj_call0(m);
        DECREF(m);
        if (!r) return NULL;
        res = seq_list(r);
        DECREF(r);
    }
    if (!res) return NULL;
    if (list_sort(res) < 0) { DECREF(res); return NULL; }
    return res;
}
