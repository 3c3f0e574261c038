/* type.c — the `type` type: type_ready() for static types, class creation
 * (type.__new__), C3 MRO, attribute access on types, instance layout of
 * heap types (dict / weakref / __slots__ in the pre-area, see core/object.c),
 * subtype dealloc/traverse/clear.  Slot tables live in typeslots.c.
 * OWNER: TYPES. */
#include "gilpy.h"
#include "core/gc.h"
#include "objects/typeobj.h"
#include "objects/containers.h"

#define GCH ((ssize_t)sizeof(GCHead))
/* Heap-type pre-area: dict at -(GCH+8), weaklist at -(GCH+16), slot k at -(GCH+24+8k). */
#define PRE_DICT_OFF   (-(GCH + 8))
#define PRE_WEAK_OFF   (-(GCH + 16))
#define PRE_SLOT_OFF(k) (-(GCH + 24 + 8 * (ssize_t)(k)))

static bool is_type(Obj *o) { return !IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_TYPE_SUBCLASS); }

/* ---- names ------------------------------------------------------------ */
const char *type_name(TypeObj *t) {
    if (t->flags & TF_HEAPTYPE) return t->name;
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

Obj *type_qualname(TypeObj *t) {
    if ((t->flags & TF_HEAPTYPE) && t->qualname) return NEWREF(t->qualname);
    return str_from_cstr(type_name(t));
}

Obj *type_get_module(TypeObj *t) {
    if (t->flags & TF_HEAPTYPE) {
        Obj *m = t->dict ? dict_getitem(t->dict, ID(__module__)) : NULL;
        if (m) return NEWREF(m);
        if (err_occurred()) return NULL;
        return err_format(&Exc_AttributeError, "__module__");
    }
    const char *dot = strrchr(t->name, '.');
    if (dot) return str_from_utf8(t->name, dot - t->name);
    return NEWREF(ID(builtins));
}

Obj *type_repr_obj(TypeObj *t) {
    Obj *mod = type_get_module(t);
    if (!mod) err_clear();
    Obj *qn = type_qualname(t);
    if (!qn) { XDECREF(mod); return NULL; }
    Obj *r;
    if (mod && str_check(mod) && !str_eq_cstr(mod, "builtins"))
        r = str_from_format("<class '%U.%U'>", mod, qn);
    else
        r = str_from_format("<class '%U'>", qn);
    XDECREF(mod);
    DECREF(qn);
    return r;
}
static Obj *type_repr(Obj *o) { return type_repr_obj((TypeObj *)o); }

/* ---- lookup ----------------------------------------------------------- */
/* Method cache: (type version, name) -> borrowed value.  Versions are handed
 * out lazily; type_modified() drops a type's (and its subclasses') version. */
#define MCACHE_SIZE 4096
typedef struct { unsigned version; Obj *name; hash_t hash; Obj *value; } MCacheEntry;
static MCacheEntry mcache[MCACHE_SIZE];
static unsigned next_version = 1;

static Obj *lookup_uncached(TypeObj *t, Obj *name) {
    Obj *mro = t->mro;
    if (mro) {
        ssize_t n = TUPLE_SIZE(mro);
        for (ssize_t i = 0; i < n; i++) {
            TypeObj *b = (TypeObj *)TUPLE_GET(mro, i);
            if (!b->dict) continue;
            Obj *v = dict_getitem(b->dict, name);
            if (v) return v;
        }
        return NULL;
    }
    for (TypeObj *b = t; b; b = b->base) {
        if (!b->dict) continue;
        Obj *v = dict_getitem(b->dict, name);
        if (v) return v;
    }
    return NULL;
}

/* Entries are keyed by the name's address plus its hash: a non-interned name
 * freed and replaced by another string at the same address is told apart by
 * the hash (and equal contents give the same answer anyway). */
Obj *type_lookup(TypeObj *t, Obj *name) {
    if (!t->mro || TYPE(name) != &Str_Type) return lookup_uncached(t, name);
    if (t->version == 0) {
        if (next_version == 0) next_version = 1;
        t->version = next_version++;
    }
    hash_t h = ((StrObj *)name)->hash;
    if (h == -1) h = str_hash(name);
    size_t idx = (((uintptr_t)name >> 4) ^ (t->version * 2654435761u)) & (MCACHE_SIZE - 1);
    MCacheEntry *e = &mcache[idx];
    if (e->version == t->version && e->name == name && e->hash == h) return e->value;
    Obj *v = lookup_uncached(t, name);   /* str keys: dict lookups cannot fail */
    e->version = t->version;
    e->name = name;
    e->hash = h;
    e->value = v;
    return v;
}

Obj *type_lookup_str(TypeObj *t, const char *name) {
    Obj *n = obj_intern_safe(name);
    return n ? type_lookup(t, n) : NULL;
}

void type_modified(TypeObj *t) {
    if (t->version == 0 && !t->subclasses) return;
    t->version = 0;
    if (t->subclasses) {
        Obj *subs = t->subclasses;
        for (ssize_t i = 0; i < LIST_SIZE(subs); i++) {
            Obj *r = LIST_ITEMS(subs)[i];
            Obj *sub = obj_call0(r);
            if (!sub) { err_clear(); continue; }
            if (sub != None) type_modified((TypeObj *)sub);
            DECREF(sub);
        }
    }
}

int type_add_subclass(TypeObj *base, TypeObj *sub) {
    if (!base->subclasses) {
        base->subclasses = list_new(0);
        if (!base->subclasses) return -1;
    }
    Obj *subs = base->subclasses;
    /* prune dead references */
    ssize_t j = 0;
    for (ssize_t i = 0; i < LIST_SIZE(subs); i++) {
        Obj *r = LIST_ITEMS(subs)[i];
        Obj *v = obj_call0(r);
        if (!v) { err_clear(); v = NEWREF(None); }
        if (v == None) { DECREF(r); }
        else LIST_ITEMS(subs)[j++] = r;
        DECREF(v);
    }
    LIST_SIZE(subs) = j;
    Obj *ref = weakref_new(OBJ(sub), NULL);
    if (!ref) return -1;
    int r = list_append(subs, ref);
    DECREF(ref);
    return r;
}

/* ---- abstract classes -------------------------------------------------- */
int type_abstract_check(TypeObj *t) {
    Obj *am = t->dict ? dict_getitem(t->dict, ID(__abstractmethods__)) : NULL;
    if (!am) return 0;
    Obj *l = seq_list(am);
    if (!l) return -1;
    ssize_t n = LIST_SIZE(l);
    if (n == 0) { DECREF(l); return 0; }
    if (list_sort(l) < 0) { DECREF(l); return -1; }
    Obj *sep = str_from_cstr(", ");
    Obj *joined = sep ? str_join(sep, l) : NULL;
    XDECREF(sep);
    DECREF(l);
    if (!joined) return -1;
    err_format(&Exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
               TP_NAME(t), n > 1 ? "s" : "", joined);
    DECREF(joined);
    return -1;
}

/* ---- generic alloc/new -------------------------------------------------- */
Obj *type_generic_alloc(TypeObj *t, ssize_t nitems) { return obj_alloc(t, nitems); }
Obj *type_generic_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) { return obj_alloc(t, 0); }

/* ---- type_ready --------------------------------------------------------- */
#define SUBCLASS_FLAGS (TF_INT_SUBCLASS | TF_STR_SUBCLASS | TF_LIST_SUBCLASS | TF_TUPLE_SUBCLASS | \
                        TF_DICT_SUBCLASS | TF_TYPE_SUBCLASS | TF_EXC_SUBCLASS | TF_BYTES_SUBCLASS)

#define INHERIT(f) do { if (!t->f) t->f = b->f; } while (0)
static void inherit_slots(TypeObj *t, TypeObj *b) {
    INHERIT(dealloc); INHERIT(repr); INHERIT(str); INHERIT(getattr); INHERIT(setattr);
    if (!t->hash && !t->richcompare) {
        bool own_eq = t->dict && dict_getitem(t->dict, ID(__eq__));
        bool own_hash = t->dict && dict_getitem(t->dict, ID(__hash__));
        if (!own_eq && !own_hash) { t->hash = b->hash; t->richcompare = b->richcompare; }
    }
    INHERIT(call); INHERIT(iter); INHERIT(iternext); INHERIT(descr_get); INHERIT(descr_set);
    INHERIT(init);
    for (int i = 0; i < NB_COUNT; i++) { INHERIT(nb[i]); INHERIT(nb_inplace[i]); }
    INHERIT(nb_pow3); INHERIT(nb_neg); INHERIT(nb_pos); INHERIT(nb_abs); INHERIT(nb_invert);
    INHERIT(nb_bool); INHERIT(nb_int); INHERIT(nb_float); INHERIT(nb_index);
    INHERIT(len); INHERIT(getitem); INHERIT(setitem); INHERIT(contains);
    /* as CPython: a subtype of a GC type without its own traverse/clear is GC too */
    if (!(t->flags & TF_GC) && (b->flags & TF_GC) && !t->traverse && !t->clear) t->flags |= TF_GC;
    if (t->flags & TF_GC) { INHERIT(traverse); INHERIT(clear); }
    if (!t->basicsize) t->basicsize = b->basicsize;
    if (!t->itemsize) t->itemsize = b->itemsize;
    if (!t->dictoffset) t->dictoffset = b->dictoffset;
    if (!t->weaklistoffset) t->weaklistoffset = b->weaklistoffset;
    t->flags |= b->flags & SUBCLASS_FLAGS;
}

static int add_descr(TypeObj *t, const char *name, Obj *d) {
    if (!d) return -1;
    Obj *key = str_intern_cstr(name);
    int r = 0;
    if (!dict_getitem(t->dict, key)) r = dict_setitem(t->dict, key, d);
    DECREF(d);
    return r;
}

int type_ready(TypeObj *t) {
    if (t->flags & TF_READY) return 0;
    t->flags |= TF_READY;
    if (!t->ob_base.type) t->ob_base.type = &Type_Type;
    if (t != &Object_Type && !t->base) t->base = &Object_Type;
    TypeObj *b = t->base;
    if (b && type_ready(b) < 0) goto fail;
    if (TYPE(OBJ(t)) != &Type_Type && type_ready(TYPE(OBJ(t))) < 0) goto fail;
    if (t == &Type_Type) t->flags |= TF_TYPE_SUBCLASS;
    if (t == &Int_Type) t->flags |= TF_INT_SUBCLASS;
    if (t == &Str_Type) t->flags |= TF_STR_SUBCLASS;
    if (t == &List_Type) t->flags |= TF_LIST_SUBCLASS;
    if (t == &Tuple_Type) t->flags |= TF_TUPLE_SUBCLASS;
    if (t == &Dict_Type) t->flags |= TF_DICT_SUBCLASS;
    if (t == &Bytes_Type) t->flags |= TF_BYTES_SUBCLASS;
    if (t == &Exc_BaseException) t->flags |= TF_EXC_SUBCLASS;
    if (!(t->flags & TF_HEAPTYPE)) t->flags |= TF_IMMUTABLETYPE;

    if (!t->dict && !(t->dict = dict_new())) goto fail;
    if (!t->bases) {
        t->bases = b ? tuple_pack(1, OBJ(b)) : tuple_new(0);
        if (!t->bases) goto fail;
    }
    if (!t->mro) {
        ssize_t nb = b && b->mro ? TUPLE_SIZE(b->mro) : 0;
        Obj *mro = tuple_new(nb + 1);
        if (!mro) goto fail;
        TUPLE_SET(mro, 0, NEWREF(OBJ(t)));
        for (ssize_t i = 0; i < nb; i++) TUPLE_SET(mro, i + 1, NEWREF(TUPLE_GET(b->mro, i)));
        t->mro = mro;
    }
    /* dict from the tables */
    for (MethodDef *m = t->methods; m && m->name; m++) {
        Obj *d;
        if (m->flags & METH_CLASS) d = descr_new_classmethod(t, m);
        else if (m->flags & METH_STATIC) {
            Obj *f = cfunc_new(m, OBJ(t));
            d = f ? staticmethod_new(f) : NULL;
            XDECREF(f);
        } else d = descr_new_method(t, m);
        if (add_descr(t, m->name, d) < 0) goto fail;
    }
    for (MemberDef *m = t->members; m && m->name; m++)
        if (add_descr(t, m->name, descr_new_member(t, m)) < 0) goto fail;
    for (GetSetDef *g = t->getset; g && g->name; g++)
        if (add_descr(t, g->name, descr_new_getset(t, g)) < 0) goto fail;
    if (typeslots_add_wrappers(t) < 0) goto fail;
    if (t->new_ && !dict_getitem(t->dict, ID(__new__))) {
        if (add_descr(t, "__new__", descr_new_tp_new_wrapper(t)) < 0) goto fail;
    }
    if (!dict_getitem(t->dict, ID(__doc__))) {
        Obj *doc = t->doc ? str_from_cstr(t->doc) : NEWREF(None);
        if (!doc || dict_setitem(t->dict, ID(__doc__), doc) < 0) { XDECREF(doc); goto fail; }
        DECREF(doc);
    }
    if (b) {
        bool base_object = (b == &Object_Type);
        newfunc own_new = t->new_;
        inherit_slots(t, b);
        if (!own_new && !(base_object && !(t->flags & TF_HEAPTYPE))) t->new_ = b->new_;
        if (type_add_subclass(b, t) < 0) goto fail;
    }
    if (!t->dealloc) t->dealloc = object_dealloc;
    if (!t->getattr) t->getattr = obj_generic_getattr;
    if (!t->basicsize) t->basicsize = sizeof(Obj);
    if (t == &List_Type || t == &Dict_Type || t == &Tuple_Type || t == &Set_Type ||
        t == &FrozenSet_Type || t == &Enumerate_Type) {
        if (add_descr(t, "__class_getitem__", descr_new_classmethod(t, &genericalias_class_getitem_def)) < 0) goto fail;
    }
    if (t == &Object_Type) {
        for (int i = 0; i < ID_COUNT_; i++) if (!type_id(i)) return -1;
        /* the object model's own types: ready them with object */
        static TypeObj *const own[] = {
            &Type_Type, &NoneType_Type, &NotImplementedType_Type, &Ellipsis_Type, &Super_Type,
            &Property_Type, &ClassMethod_Type, &StaticMethod_Type, &MethodDescr_Type,
            &ClassMethodDescr_Type, &GetSetDescr_Type, &MemberDescr_Type, &CFunction_Type,
            &WrapperDescr_Type, &MethodWrapper_Type, &WeakRef_Type, &GenericAlias_Type, &Union_Type_, &MappingProxy_Type,
        };
        for (size_t i = 0; i < ARRAY_LEN(own); i++)
            if (type_ready(own[i]) < 0) return -1;
    }
    return 0;
fail:
    t->flags &= ~TF_READY;
    return -1;
}

/* ---- type attribute access --------------------------------------------- */
Obj *type_getattro_ex(Obj *self, Obj *name, int suppress) {
    if (!str_check(name))
        return err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
    TypeObj *t = (TypeObj *)self, *meta = TYPE(self);
    Obj *meta_attr = type_lookup(meta, name);
    descrgetfunc meta_get = NULL;
    if (meta_attr) {
        INCREF(meta_attr);
        meta_get = TYPE(meta_attr)->descr_get;
        if (meta_get && TYPE(meta_attr)->descr_set) {
            Obj *r = meta_get(meta_attr, self, OBJ(meta));
            DECREF(meta_attr);
            return r;
        }
    }
    Obj *attr = type_lookup(t, name);
    if (attr) {
        INCREF(attr);
        XDECREF(meta_attr);
        descrgetfunc f = TYPE(attr)->descr_get;
        if (f) {
            Obj *r = f(attr, NULL, self);
            DECREF(attr);
            return r;
        }
        return attr;
    }
    if (meta_get) {
        Obj *r = meta_get(meta_attr, self, OBJ(meta));
        DECREF(meta_attr);
        return r;
    }
    if (meta_attr) return meta_attr;
    if (suppress) return NULL;
    return err_format(&Exc_AttributeError, "type object '%s' has no attribute '%U'", TP_NAME(t), name);
}
static Obj *type_getattro(Obj *self, Obj *name) { return type_getattro_ex(self, name, 0); }

static bool is_dunder(Obj *name) {
    ssize_t n = STR_SIZE(name);
    const char *s = STR_DATA(name);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

static int type_setattro(Obj *self, Obj *name, Obj *value) {
    TypeObj *t = (TypeObj *)self;
    if (!str_check(name)) {
        err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    if (!(t->flags & TF_HEAPTYPE)) {
        err_format(&Exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, TP_NAME(t));
        return -1;
    }
    TypeObj *meta = TYPE(self);
    Obj *meta_attr = type_lookup(meta, name);
    if (meta_attr && TYPE(meta_attr)->descr_set) {
        INCREF(meta_attr);
        int r = TYPE(meta_attr)->descr_set(meta_attr, self, value);
        DECREF(meta_attr);
        return r;
    }
    Obj *key = name;
    INCREF(key);
    if (!((StrObj *)key)->interned && TYPE(key) == &Str_Type) { key = str_intern(key); }
    int r;
    if (value) r = dict_setitem(t->dict, key, value);
    else {
        r = dict_delitem(t->dict, key);
        if (r < 0 && err_matches(&Exc_KeyError)) {
            err_clear();
            err_format(&Exc_AttributeError, "type object '%s' has no attribute '%U'", TP_NAME(t), name);
        }
    }
    if (r == 0) {
        type_modified(t);
        if (is_dunder(key)) typeslots_update(t, key);
    }
    DECREF(key);
    return r;
}

/* ---- calling a type ------------------------------------------------------ */
Obj *type_call(Obj *callable, Obj *const *args, size_t nargs, Obj *kwnames) {
    TypeObj *t = (TypeObj *)callable;
    if (t == &Type_Type && nargs == 1 && (!kwnames || TUPLE_SIZE(kwnames) == 0))
        return NEWREF(OBJ(TYPE(args[0])));
    if (!t->new_) return err_format(&Exc_TypeError, "cannot create '%s' instances", t->name);
    Obj *obj = t->new_(t, args, nargs, kwnames);
    if (!obj) return NULL;
    if (!type_is_subtype(TYPE(obj), t)) return obj;
    TypeObj *ot = TYPE(obj);
    if (ot->init) {
        if (ot->init(obj, args, nargs, kwnames) < 0) { DECREF(obj); return NULL; }
    }
    return obj;
}

/* ---- C3 MRO ------------------------------------------------------------- */
static Obj *mro_error(Obj **const *seqs, ssize_t *lens, ssize_t *pos, ssize_t nseq) {
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases");
    Obj *seen[64];
    int nseen = 0;
    for (ssize_t i = 0; i < nseq; i++) {
        if (pos[i] >= lens[i]) continue;
        Obj *h = seqs[i][pos[i]];
        bool dup = false;
        for (int k = 0; k < nseen; k++) if (seen[k] == h) dup = true;
        if (dup) continue;
        if (nseen < 64) seen[nseen++] = h;
        sb_append_cstr(&sb, nseen > 1 ? ", " : " ");
        sb_append_cstr(&sb, type_name((TypeObj *)h));
    }
    Obj *msg = sb_finish(&sb);
    if (msg) { err_set_obj(&Exc_TypeError, msg); DECREF(msg); }
    return NULL;
}

static Obj *c3_mro(TypeObj *t, Obj *bases) {
    ssize_t nb = TUPLE_SIZE(bases);
    ssize_t nseq = nb + 1;
    Obj ***seqs = mem_calloc((size_t)nseq, sizeof(Obj **));
    ssize_t *lens = mem_calloc((size_t)nseq, sizeof(ssize_t));
    ssize_t *pos = mem_calloc((size_t)nseq, sizeof(ssize_t));
    Obj *result = NULL;
    if (!seqs || !lens || !pos) goto done;
    for (ssize_t i = 0; i < nb; i++) {
        TypeObj *b = (TypeObj *)TUPLE_GET(bases, i);
        if (!b->mro) { err_format(&Exc_TypeError, "base class '%s' is not ready", TP_NAME(b)); goto done; }
        seqs[i] = TUPLE_ITEMS(b->mro);
        lens[i] = TUPLE_SIZE(b->mro);
    }
    seqs[nb] = TUPLE_ITEMS(bases);
    lens[nb] = nb;
    Obj *out = list_new(0);
    if (!out) goto done;
    if (list_append(out, OBJ(t)) < 0) { DECREF(out); goto done; }
    for (;;) {
        bool empty = true;
        Obj *cand = NULL;
        for (ssize_t i = 0; i < nseq; i++) {
            if (pos[i] >= lens[i]) continue;
            empty = false;
            Obj *h = seqs[i][pos[i]];
            bool in_tail = false;
            for (ssize_t j = 0; j < nseq && !in_tail; j++)
                for (ssize_t k = pos[j] + 1; k < lens[j]; k++)
                    if (seqs[j][k] == h) { in_tail = true; break; }
            if (!in_tail) { cand = h; break; }
        }
        if (empty) break;
        if (!cand) { mro_error((Obj **const *)seqs, lens, pos, nseq); DECREF(out); goto done; }
        if (list_append(out, cand) < 0) { DECREF(out); goto done; }
        for (ssize_t i = 0; i < nseq; i++)
            if (pos[i] < lens[i] && seqs[i][pos[i]] == cand) pos[i]++;
    }
    result = list_as_tuple(out);
    DECREF(out);
done:
    mem_free(seqs); mem_free(lens); mem_free(pos);
    return result;
}

static Obj *type_mro_impl(TypeObj *t) {
    return c3_mro(t, t->bases);
}

/* Compute t->mro, calling a metaclass mro() override if there is one. */
static int type_set_mro(TypeObj *t) {
    Obj *mro;
    TypeObj *meta = TYPE(OBJ(t));
    if (meta != &Type_Type) {
        Obj *m = type_lookup(meta, ID(mro));
        Obj *base_m = type_lookup(&Type_Type, ID(mro));
        if (m && m != base_m) {
            Obj *bound = obj_getattr(OBJ(t), ID(mro));
            if (!bound) return -1;
            Obj *r = obj_call0(bound);
            DECREF(bound);
            if (!r) return -1;
            mro = seq_tuple(r);
            DECREF(r);
            if (!mro) return -1;
            for (ssize_t i = 0; i < TUPLE_SIZE(mro); i++)
                if (!is_type(TUPLE_GET(mro, i))) {
                    err_format(&Exc_TypeError, "mro() returned a non-class ('%T')", TUPLE_GET(mro, i));
                    DECREF(mro);
                    return -1;
                }
            XSETREF(t->mro, mro);
            return 0;
        }
    }
    mro = type_mro_impl(t);
    if (!mro) return -1;
    XSETREF(t->mro, mro);
    return 0;
}

/* ---- heap type instances ------------------------------------------------- */
static TypeObj *static_base(TypeObj *t) {
    while (t->flags & TF_HEAPTYPE) t = t->base;
    return t;
}

static void clear_heap_fields(Obj *o, TypeObj *t) {
    ssize_t n = HEAPTYPE(t)->nslots;
    for (ssize_t k = 0; k < n; k++) {
        Obj **p = (Obj **)((char *)o + PRE_SLOT_OFF(k));
        CLEAR(*p);
    }
    if (t->dictoffset == PRE_DICT_OFF) {
        Obj **p = (Obj **)((char *)o + PRE_DICT_OFF);
        CLEAR(*p);
    }
}

static void subtype_dealloc_body(Obj *o);
static int call_del(Obj *o) {
    Obj *del = type_lookup(TYPE(o), ID(__del__));
    if (!del) return 0;
    Obj *saved = err_fetch();
    INCREF(del);
    Obj *r = call_unbound(del, o, NULL, 0);
    DECREF(del);
    if (!r) err_write_unraisable(del);
    else DECREF(r);
    err_restore(saved);
    return 1;
}

void subtype_dealloc(Obj *o) {
    if (trashcan_begin(o)) return;     /* deep chains: deferred, freed iteratively */
    subtype_dealloc_body(o);
    trashcan_end();
}

static void subtype_dealloc_body(Obj *o) {
    TypeObj *t = TYPE(o);
    if (!gc_is_finalized(o) && type_lookup(t, ID(__del__))) {
        gc_set_finalized(o);
        INCREF(o);                 /* resurrect for the call */
        call_del(o);
        if (REFCNT(o) > 1) { DECREF(o); return; }   /* resurrected by __del__ */
        t = TYPE(o);
    }
    if (t->weaklistoffset) {
        Obj **wl = (Obj **)((char *)o + t->weaklistoffset);
        if (*wl) weakref_clear_all(o);
    }
    if (AS_GC(o)->next) gc_untrack(o);
    clear_heap_fields(o, t);
    TypeObj *sb = static_base(t);
    if (sb->dealloc) sb->dealloc(o);
    else obj_free(o);
    DECREF(t);
}

void subtype_traverse(Obj *o, visitproc_ visit, void *arg) {
    TypeObj *t = TYPE(o);
    ssize_t n = HEAPTYPE(t)->nslots;
    for (ssize_t k = 0; k < n; k++) {
        Obj *v = *(Obj **)((char *)o + PRE_SLOT_OFF(k));
        if (v) visit(v, arg);
    }
    if (t->dictoffset == PRE_DICT_OFF) {
        Obj *d = *(Obj **)((char *)o + PRE_DICT_OFF);
        if (d) visit(d, arg);
    }
    visit(OBJ(t), arg);
    TypeObj *sb = static_base(t);
    if (sb->traverse) sb->traverse(o, visit, arg);
}

int subtype_clear(Obj *o) {
    TypeObj *t = TYPE(o);
    clear_heap_fields(o, t);
    TypeObj *sb = static_base(t);
    if (sb->clear) return sb->clear(o);
    return 0;
}

/* __dict__ / __weakref__ descriptors installed on classes that add them. */
static Obj *subtype_get_dict(Obj *o, void *c) {
    Obj **dp = obj_dict_ptr(o);
    if (!dp) return err_format(&Exc_AttributeError, "This object has no __dict__");
    if (!*dp && !(*dp = dict_new())) return NULL;
    return NEWREF(*dp);
}
static int subtype_set_dict(Obj *o, Obj *v, void *c) {
    Obj **dp = obj_dict_ptr(o);
    if (!dp) { err_set_str(&Exc_AttributeError, "This object has no __dict__"); return -1; }
    if (v && !dict_check(v)) {
        err_format(&Exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", TP_NAME(TYPE(v)));
        return -1;
    }
    XINCREF(v);
    XSETREF(*dp, v);
    return 0;
}
static Obj *subtype_get_weakref(Obj *o, void *c) {
    ssize_t off = TYPE(o)->weaklistoffset;
    if (!off) return err_format(&Exc_AttributeError, "This object has no __weakref__");
    Obj *w = *(Obj **)((char *)o + off);
    return NEWREF(w ? w : None);
}
static GetSetDef subtype_dict_getset = {"__dict__", subtype_get_dict, subtype_set_dict, "dictionary for instance variables (if defined)", NULL};
static GetSetDef subtype_weakref_getset = {"__weakref__", subtype_get_weakref, NULL, "list of weak references to the object (if defined)", NULL};

/* ---- class creation ------------------------------------------------------ */
static bool has_own_layout(TypeObj *t) {
    TypeObj *b = t->base;
    if (!b) return true;
    if (t->flags & TF_HEAPTYPE) {
        ssize_t bn = (b->flags & TF_HEAPTYPE) ? HEAPTYPE(b)->nslots : 0;
        return HEAPTYPE(t)->nslots != bn;
    }
    return t->basicsize != b->basicsize || t->itemsize != b->itemsize;
}
static TypeObj *solid_base(TypeObj *t) {
    while (t->base && !has_own_layout(t)) t = t->base;
    return t->base || t == &Object_Type ? t : &Object_Type;
}

static TypeObj *best_base(Obj *bases) {
    TypeObj *base = NULL, *winner = NULL;
    for (ssize_t i = 0; i < TUPLE_SIZE(bases); i++) {
        TypeObj *b = (TypeObj *)TUPLE_GET(bases, i);
        if (!(b->flags & TF_BASETYPE)) {
            err_format(&Exc_TypeError, "type '%s' is not an acceptable base type", TP_NAME(b));
            return NULL;
        }
        TypeObj *cand = solid_base(b);
        if (!winner) { winner = cand; base = b; }
        else if (type_is_subtype(winner, cand)) ;
        else if (type_is_subtype(cand, winner)) { winner = cand; base = b; }
        else {
            err_set_str(&Exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static Obj *mangle(Obj *cls_name, Obj *name) {
    const char *s = STR_DATA(name);
    ssize_t n = STR_SIZE(name);
    if (n < 2 || s[0] != '_' || s[1] != '_' || (n >= 2 && s[n - 1] == '_' && s[n - 2] == '_') || strchr(s, '.'))
        return NEWREF(name);
    const char *c = STR_DATA(cls_name);
    while (*c == '_') c++;
    if (!*c) return NEWREF(name);
    return str_from_format("_%s%U", c, name);
}

static bool valid_identifier(Obj *s) {
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    ssize_t n = STR_SIZE(s);
    if (n == 0 || (p[0] >= '0' && p[0] <= '9')) return false;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80))
            return false;
    }
    return true;
}

static int call_set_name(TypeObj *t) {
    Obj *items = dict_items_list(t->dict);
    if (!items) return -1;
    for (ssize_t i = 0; i < LIST_SIZE(items); i++) {
        Obj *kv = LIST_ITEMS(items)[i];
        Obj *k = TUPLE_GET(kv, 0), *v = TUPLE_GET(kv, 1);
        Obj *sn = obj_lookup_special(v, ID(__set_name__));
        if (!sn) { if (err_occurred()) { DECREF(items); return -1; } continue; }
        Obj *r = obj_call2(sn, OBJ(t), k);
        DECREF(sn);
        if (!r) {
            /* 3.11 wraps the error: RuntimeError from the original */
            Obj *cause = err_fetch();
            err_format(&Exc_RuntimeError, "Error calling __set_name__ on '%s' instance %R in '%s'",
                       TP_NAME(TYPE(v)), k, TP_NAME(t));
            Obj *exc = err_fetch();
            if (exc) exc_set_cause(exc, cause); else XDECREF(cause);
            err_restore(exc);
            DECREF(items);
            return -1;
        }
        DECREF(r);
    }
    DECREF(items);
    return 0;
}

static int call_init_subclass(TypeObj *t, Obj *const *kwvals, Obj *kwnames) {
    Obj *mro = t->mro;
    Obj *func = NULL;
    for (ssize_t i = 1; mro && i < TUPLE_SIZE(mro); i++) {
        TypeObj *b = (TypeObj *)TUPLE_GET(mro, i);
        if (!b->dict) continue;
        func = dict_getitem(b->dict, ID(__init_subclass__));
        if (func) break;
    }
    if (!func) return 0;
    INCREF(func);
    Obj *bound;
    descrgetfunc f = TYPE(func)->descr_get;
    if (f) bound = f(func, OBJ(t), OBJ(t));
    else bound = NEWREF(func);
    DECREF(func);
    if (!bound) return -1;
    Obj *r = obj_call(bound, kwvals, 0, kwnames);
    DECREF(bound);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static Obj *type_new(TypeObj *meta, Obj *const *args, size_t nargs, Obj *kwnames) {
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    if (meta == &Type_Type && nargs == 1 && nkw == 0) return NEWREF(OBJ(TYPE(args[0])));
    if (nargs != 3) {
        if (meta == &Type_Type) return err_set_str(&Exc_TypeError, "type() takes 1 or 3 arguments");
        return err_format(&Exc_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)", (ssize_t)nargs);
    }
    Obj *name = args[0], *bases = args[1], *ns = args[2];
    if (!str_check(name)) return err_format(&Exc_TypeError, "type.__new__() argument 1 must be str, not %s", TP_NAME(TYPE(name)));
    if (!tuple_check(bases)) return err_format(&Exc_TypeError, "type.__new__() argument 2 must be tuple, not %s", TP_NAME(TYPE(bases)));
    if (!dict_check(ns)) return err_format(&Exc_TypeError, "type.__new__() argument 3 must be dict, not %s", TP_NAME(TYPE(ns)));

    /* metaclass calculation */
    TypeObj *winner = meta;
    for (ssize_t i = 0; i < TUPLE_SIZE(bases); i++) {
        Obj *b = TUPLE_GET(bases, i);
        TypeObj *bt = TYPE(b);
        if (type_is_subtype(winner, bt)) continue;
        if (type_is_subtype(bt, winner)) { winner = bt; continue; }
        return err_set_str(&Exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                           "(non-strict) subclass of the metaclasses of all its bases");
    }
    if (winner != meta) {
        if (winner->new_ != type_new) return winner->new_(winner, args, nargs, kwnames);
        meta = winner;
    }
    /* bases */
    Obj *own_bases;
    if (TUPLE_SIZE(bases) == 0) own_bases = tuple_pack(1, OBJ(&Object_Type));
    else own_bases = NEWREF(bases);
    if (!own_bases) return NULL;
    for (ssize_t i = 0; i < TUPLE_SIZE(own_bases); i++) {
        Obj *b = TUPLE_GET(own_bases, i);
        if (!is_type(b)) {
            Obj *me;
            int r = obj_lookup_attr(b, ID(__mro_entries__), &me);
            XDECREF(me);
            if (r > 0) err_set_str(&Exc_TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
            else if (r == 0) err_format(&Exc_TypeError, "bases must be types");
            DECREF(own_bases);
            return NULL;
        }
        for (ssize_t j = 0; j < i; j++)
            if (TUPLE_GET(own_bases, j) == b) {
                err_format(&Exc_TypeError, "duplicate base class %s", TP_NAME((TypeObj *)b));
                DECREF(own_bases);
                return NULL;
            }
    }
    TypeObj *base = best_base(own_bases);
    if (!base) { DECREF(own_bases); return NULL; }
    if (type_ready(base) < 0) { DECREF(own_bases); return NULL; }

    Obj *dict = dict_copy(ns);
    if (!dict) { DECREF(own_bases); return NULL; }
    Obj *slots_names = NULL;
    ssize_t nown_slots = 0;
    bool add_dict = false, add_weak = false;
    Obj *slots = dict_getitem(dict, ID(__slots__));
    if (!slots) {
        add_dict = base->dictoffset == 0;
        add_weak = base->weaklistoffset == 0 && base->itemsize == 0;
    } else {
        Obj *seq = str_check(slots) ? tuple_pack(1, slots) : seq_tuple(slots);
        if (!seq) goto fail_dict;
        slots_names = list_new(0);
        if (!slots_names) { DECREF(seq); goto fail_dict; }
        for (ssize_t i = 0; i < TUPLE_SIZE(seq); i++) {
            Obj *s = TUPLE_GET(seq, i);
            if (!str_check(s)) {
                err_format(&Exc_TypeError, "__slots__ items must be strings, not '%s'", TP_NAME(TYPE(s)));
                DECREF(seq); goto fail_dict;
            }
            if (!valid_identifier(s)) {
                err_set_str(&Exc_TypeError, "__slots__ must be identifiers");
                DECREF(seq); goto fail_dict;
            }
            if (str_eq_cstr(s, "__dict__")) {
                if (base->dictoffset || add_dict) {
                    err_set_str(&Exc_TypeError, "__dict__ slot disallowed: we already got one");
                    DECREF(seq); goto fail_dict;
                }
                add_dict = true;
                continue;
            }
            if (str_eq_cstr(s, "__weakref__")) {
                if (base->weaklistoffset || add_weak) {
                    err_set_str(&Exc_TypeError, "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                    DECREF(seq); goto fail_dict;
                }
                add_weak = true;
                continue;
            }
            Obj *m = mangle(name, s);
            if (!m) { DECREF(seq); goto fail_dict; }
            if (dict_getitem(dict, m)) {
                err_format(&Exc_ValueError, "%R in __slots__ conflicts with class variable", s);
                DECREF(m); DECREF(seq); goto fail_dict;
            }
            int r = list_append(slots_names, m);
            DECREF(m);
            if (r < 0) { DECREF(seq); goto fail_dict; }
        }
        DECREF(seq);
        if (list_sort(slots_names) < 0) goto fail_dict;
        nown_slots = LIST_SIZE(slots_names);
        if (nown_slots && (base->itemsize || (base->flags & TF_INT_SUBCLASS))) {
            err_format(&Exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", TP_NAME(base));
            goto fail_dict;
        }
    }

    /* allocate the type object */
    HeapTypeObj *ht = (HeapTypeObj *)obj_alloc(meta, 0);
    if (!ht) goto fail_dict;
    TypeObj *t = &ht->type;
    t->flags = TF_HEAPTYPE | TF_BASETYPE | TF_GC | (base->flags & SUBCLASS_FLAGS);
    t->name_obj = NEWREF(name);
    t->name = STR_DATA(name);
    t->dict = dict;
    t->bases = own_bases;
    t->base = base;
    INCREF(base);
    t->basicsize = base->basicsize;
    t->itemsize = base->itemsize;
    ssize_t base_nslots = (base->flags & TF_HEAPTYPE) ? HEAPTYPE(base)->nslots : 0;
    ht->nslots = base_nslots + nown_slots;
    ssize_t pre = 16 + 8 * ht->nslots;
    ht->pre_size = (pre + 15) & ~(ssize_t)15;
    t->dictoffset = add_dict ? PRE_DICT_OFF : base->dictoffset;
    t->weaklistoffset = add_weak ? PRE_WEAK_OFF : base->weaklistoffset;
    if (strlen(t->name) != (size_t)STR_SIZE(name)) {
        err_set_str(&Exc_ValueError, "type name must not contain null characters");
        goto fail_type;
    }
    /* __module__, __qualname__, __doc__ */
    if (!dict_getitem(dict, ID(__module__))) {
        Obj *g = eval_get_globals();
        Obj *mn = g ? dict_getitem(g, ID(__name__)) : NULL;
        if (mn && dict_setitem(dict, ID(__module__), mn) < 0) goto fail_type;
    }
    Obj *qn = dict_getitem(dict, ID(__qualname__));
    if (qn) {
        if (!str_check(qn)) {
            err_format(&Exc_TypeError, "type __qualname__ must be a str, not %s", TP_NAME(TYPE(qn)));
            goto fail_type;
        }
        t->qualname = NEWREF(qn);
        if (dict_delitem(dict, ID(__qualname__)) < 0) goto fail_type;
    } else t->qualname = NEWREF(name);
    Obj *doc = dict_getitem(dict, ID(__doc__));
    if (!doc) {
        if (dict_setitem(dict, ID(__doc__), None) < 0) goto fail_type;
    } else if (str_check(doc)) {
        ht->doc_str = NEWREF(doc);
        t->doc = STR_DATA(doc);
    }
    /* implicit staticmethod / classmethod */
    {
        Obj *v = dict_getitem(dict, ID(__new__));
        if (v && TYPE(v) == &Function_Type) {
            Obj *sm = staticmethod_new(v);
            if (!sm || dict_setitem(dict, ID(__new__), sm) < 0) { XDECREF(sm); goto fail_type; }
            DECREF(sm);
        }
    }
    {
        Obj *names[2] = {ID(__init_subclass__), ID(__class_getitem__)};
        for (int i = 0; i < 2; i++) {
            Obj *v = dict_getitem(dict, names[i]);
            if (v && TYPE(v) == &Function_Type) {
                Obj *cm = classmethod_new(v);
                if (!cm || dict_setitem(dict, names[i], cm) < 0) { XDECREF(cm); goto fail_type; }
                DECREF(cm);
            }
        }
    }
    /* __slots__ members */
    if (slots_names) {
        for (ssize_t i = 0; i < nown_slots; i++) {
            Obj *sn = LIST_ITEMS(slots_names)[i];
            Obj *d = descr_new_slot_member(t, sn, PRE_SLOT_OFF(base_nslots + i));
            if (!d || dict_setitem(dict, sn, d) < 0) { XDECREF(d); goto fail_type; }
            DECREF(d);
        }
        Obj *all = list_as_tuple(slots_names);
        if (!all) goto fail_type;
        t->slots = all;
    }
    if (add_dict && !dict_getitem(dict, ID(__dict__))) {
        Obj *d = descr_new_getset(t, &subtype_dict_getset);
        if (!d || dict_setitem(dict, ID(__dict__), d) < 0) { XDECREF(d); goto fail_type; }
        DECREF(d);
    }
    if (add_weak && !dict_getitem(dict, ID(__weakref__))) {
        Obj *d = descr_new_getset(t, &subtype_weakref_getset);
        if (!d || dict_setitem(dict, ID(__weakref__), d) < 0) { XDECREF(d); goto fail_type; }
        DECREF(d);
    }
    /* __eq__ without __hash__ makes instances unhashable */
    if (dict_getitem(dict, ID(__eq__)) && !dict_getitem(dict, ID(__hash__))) {
        if (dict_setitem(dict, ID(__hash__), None) < 0) goto fail_type;
    }
    /* slots: inherit from the solid base, then dunder-driven slots from the MRO */
    t->flags |= TF_READY;
    if (type_set_mro(t) < 0) goto fail_type;
    inherit_slots(t, base);
    t->new_ = base->new_;
    t->dealloc = subtype_dealloc;
    t->traverse = subtype_traverse;
    t->clear = subtype_clear;
    typeslots_fixup_all(t);
    for (ssize_t i = 0; i < TUPLE_SIZE(own_bases); i++)
        if (type_add_subclass((TypeObj *)TUPLE_GET(own_bases, i), t) < 0) goto fail_type;
    XDECREF(slots_names);
    slots_names = NULL;
    /* __classcell__ */
    Obj *cell = dict_getitem(dict, ID(__classcell__));
    if (cell) {
        if (TYPE(cell) != &Cell_Type) {
            err_format(&Exc_TypeError, "__classcell__ must be a nonlocal cell, not %s", TP_NAME(TYPE(cell)));
            goto fail_type;
        }
        INCREF(t);
        XSETREF(((CellObj *)cell)->ref, OBJ(t));
        if (dict_delitem(dict, ID(__classcell__)) < 0) goto fail_type;
    }
    if (call_set_name(t) < 0) goto fail_type;
    if (call_init_subclass(t, args + 3, kwnames) < 0) goto fail_type;
    return OBJ(t);

fail_type:
    XDECREF(slots_names);
    DECREF(t);
    return NULL;
fail_dict:
    XDECREF(slots_names);
    DECREF(dict);
    DECREF(own_bases);
    return NULL;
}

static int type_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs == 1 && kwnames && TUPLE_SIZE(kwnames)) {
        err_set_str(&Exc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        err_set_str(&Exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static void type_dealloc(Obj *o) {
    TypeObj *t = (TypeObj *)o;
    HeapTypeObj *ht = HEAPTYPE(t);
    if (AS_GC(o)->next) gc_untrack(o);
    CLEAR(t->dict); CLEAR(t->bases); CLEAR(t->mro); CLEAR(t->subclasses);
    CLEAR(t->name_obj); CLEAR(t->qualname); CLEAR(t->module_name); CLEAR(t->slots);
    CLEAR(ht->doc_str);
    if (t->base) { TypeObj *b = t->base; t->base = NULL; DECREF(b); }
    obj_free(o);
}

static void type_traverse(Obj *o, visitproc_ visit, void *arg) {
    TypeObj *t = (TypeObj *)o;
    if (!(t->flags & TF_HEAPTYPE)) return;
    if (t->dict) visit(t->dict, arg);
    if (t->bases) visit(t->bases, arg);
    if (t->mro) visit(t->mro, arg);
    if (t->base) visit(OBJ(t->base), arg);
    if (t->slots) visit(t->slots, arg);
}

static int type_clear(Obj *o) {
    TypeObj *t = (TypeObj *)o;
    if (!(t->flags & TF_HEAPTYPE)) return 0;
    type_modified(t);
    if (t->dict) dict_clear(t->dict);
    CLEAR(t->mro);
    return 0;
}

/* ---- type getsets ------------------------------------------------------- */
static int check_set_special(TypeObj *t, Obj *v, const char *name) {
    if (!(t->flags & TF_HEAPTYPE)) {
        err_format(&Exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name, TP_NAME(t));
        return -1;
    }
    if (!v) {
        err_format(&Exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name, TP_NAME(t));
        return -1;
    }
    return 0;
}
static Obj *type_get_name(Obj *o, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (t->flags & TF_HEAPTYPE) return NEWREF(t->name_obj);
    return str_from_cstr(type_name(t));
}
static int type_set_name(Obj *o, Obj *v, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (check_set_special(t, v, "__name__") < 0) return -1;
    if (!str_check(v)) {
        err_format(&Exc_TypeError, "can only assign string to %s.__name__, not '%s'", TP_NAME(t), TP_NAME(TYPE(v)));
        return -1;
    }
    if (strlen(STR_DATA(v)) != (size_t)STR_SIZE(v)) {
        err_set_str(&Exc_ValueError, "type name must not contain null characters");
        return -1;
    }
    INCREF(v);
    Obj *old = t->name_obj;
    t->name_obj = v;
    t->name = STR_DATA(v);
    XDECREF(old);
    return 0;
}
static Obj *type_get_qualname_(Obj *o, void *c) { return type_qualname((TypeObj *)o); }
static int type_set_qualname(Obj *o, Obj *v, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (check_set_special(t, v, "__qualname__") < 0) return -1;
    if (!str_check(v)) {
        err_format(&Exc_TypeError, "can only assign string to %s.__qualname__, not '%s'", TP_NAME(t), TP_NAME(TYPE(v)));
        return -1;
    }
    INCREF(v);
    XSETREF(t->qualname, v);
    return 0;
}
static Obj *type_get_module_(Obj *o, void *c) { return type_get_module((TypeObj *)o); }
static int type_set_module(Obj *o, Obj *v, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (check_set_special(t, v, "__module__") < 0) return -1;
    type_modified(t);
    return dict_setitem(t->dict, ID(__module__), v);
}
static Obj *type_get_doc(Obj *o, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (!(t->flags & TF_HEAPTYPE)) {
        if (t->doc) return str_from_cstr(t->doc);
        RETURN_NONE;
    }
    Obj *d = dict_getitem(t->dict, ID(__doc__));
    if (!d) RETURN_NONE;
    if (TYPE(d)->descr_get) return TYPE(d)->descr_get(d, NULL, o);
    return NEWREF(d);
}
static int type_set_doc(Obj *o, Obj *v, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (check_set_special(t, v, "__doc__") < 0) return -1;
    type_modified(t);
    return dict_setitem(t->dict, ID(__doc__), v);
}
static Obj *type_get_dict(Obj *o, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (!t->dict) return err_set_str(&Exc_AttributeError, "__dict__");
    return mappingproxy_new(t->dict);
}
static Obj *type_get_mro(Obj *o, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (!t->mro) RETURN_NONE;
    return NEWREF(t->mro);
}
static Obj *type_get_bases(Obj *o, void *c) {
    TypeObj *t = (TypeObj *)o;
    return t->bases ? NEWREF(t->bases) : tuple_new(0);
}
static int type_set_bases(Obj *o, Obj *v, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (check_set_special(t, v, "__bases__") < 0) return -1;
    if (!tuple_check(v) || TUPLE_SIZE(v) == 0) {
        err_format(&Exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not %s", TP_NAME(t), TP_NAME(TYPE(v)));
        return -1;
    }
    for (ssize_t i = 0; i < TUPLE_SIZE(v); i++) {
        Obj *b = TUPLE_GET(v, i);
        if (!is_type(b)) {
            err_format(&Exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'", TP_NAME(t), TP_NAME(TYPE(b)));
            return -1;
        }
        if (type_is_subtype((TypeObj *)b, t)) {
            err_set_str(&Exc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    Obj *old = t->bases;
    INCREF(v);
    t->bases = v;
    if (type_set_mro(t) < 0) { t->bases = old; DECREF(v); return -1; }
    DECREF(old);
    for (ssize_t i = 0; i < TUPLE_SIZE(v); i++) type_add_subclass((TypeObj *)TUPLE_GET(v, i), t);
    type_modified(t);
    typeslots_fixup_all(t);
    return 0;
}
static Obj *type_get_base(Obj *o, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (!t->base) RETURN_NONE;
    return NEWREF(OBJ(t->base));
}
static Obj *type_get_abstract(Obj *o, void *c) {
    TypeObj *t = (TypeObj *)o;
    Obj *v = (t != &Type_Type && t->dict) ? dict_getitem(t->dict, ID(__abstractmethods__)) : NULL;
    if (!v) return err_set_obj(&Exc_AttributeError, ID(__abstractmethods__));
    return NEWREF(v);
}
static int type_set_abstract(Obj *o, Obj *v, void *c) {
    TypeObj *t = (TypeObj *)o;
    int abstract = 0;
    int r;
    if (v) {
        abstract = obj_is_true(v);
        if (abstract < 0) return -1;
        r = dict_setitem(t->dict, ID(__abstractmethods__), v);
    } else {
        r = dict_delitem(t->dict, ID(__abstractmethods__));
        if (r < 0 && err_matches(&Exc_KeyError)) {
            err_clear();
            err_set_obj(&Exc_AttributeError, ID(__abstractmethods__));
        }
    }
    if (r < 0) return -1;
    type_modified(t);
    if (abstract) t->flags |= TF_ABSTRACT; else t->flags &= ~TF_ABSTRACT;
    return 0;
}
static Obj *type_get_basicsize(Obj *o, void *c) { return int_from_ssize((ssize_t)((TypeObj *)o)->basicsize); }
static Obj *type_get_itemsize(Obj *o, void *c) { return int_from_ssize((ssize_t)((TypeObj *)o)->itemsize); }
static Obj *type_get_flags(Obj *o, void *c) {
    TypeObj *t = (TypeObj *)o;
    long long f = 0;
    if (t->flags & TF_HEAPTYPE) f |= 1 << 9;
    if (t->flags & TF_BASETYPE) f |= 1 << 10;
    if (t->flags & TF_READY) f |= 1 << 12;
    if (t->flags & TF_GC) f |= 1 << 14;
    if (t->flags & TF_ABSTRACT) f |= 1 << 20;
    if (t->flags & TF_INT_SUBCLASS) f |= 1LL << 24;
    if (t->flags & TF_LIST_SUBCLASS) f |= 1LL << 25;
    if (t->flags & TF_TUPLE_SUBCLASS) f |= 1LL << 26;
    if (t->flags & TF_BYTES_SUBCLASS) f |= 1LL << 27;
    if (t->flags & TF_STR_SUBCLASS) f |= 1LL << 28;
    if (t->flags & TF_DICT_SUBCLASS) f |= 1LL << 29;
    if (t->flags & TF_EXC_SUBCLASS) f |= 1LL << 30;
    if (t->flags & TF_TYPE_SUBCLASS) f |= 1LL << 31;
    return int_from_long(f);
}
static Obj *type_get_dictoffset(Obj *o, void *c) { return int_from_ssize(((TypeObj *)o)->dictoffset); }
static Obj *type_get_weakrefoffset(Obj *o, void *c) { return int_from_ssize(((TypeObj *)o)->weaklistoffset); }
static Obj *type_get_annotations(Obj *o, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (!(t->flags & TF_HEAPTYPE)) return err_format(&Exc_AttributeError, "type object '%s' has no attribute '__annotations__'", TP_NAME(t));
    Obj *a = dict_getitem(t->dict, ID(__annotations__));
    if (a) {
        if (TYPE(a)->descr_get) return TYPE(a)->descr_get(a, NULL, o);
        return NEWREF(a);
    }
    a = dict_new();
    if (!a) return NULL;
    if (dict_setitem(t->dict, ID(__annotations__), a) < 0) { DECREF(a); return NULL; }
    type_modified(t);
    return a;
}
static int type_set_annotations(Obj *o, Obj *v, void *c) {
    TypeObj *t = (TypeObj *)o;
    if (check_set_special(t, v ? v : None, "__annotations__") < 0) return -1;
    type_modified(t);
    if (v) return dict_setitem(t->dict, ID(__annotations__), v);
    int r = dict_delitem(t->dict, ID(__annotations__));
    if (r < 0 && err_matches(&Exc_KeyError)) { err_clear(); err_set_obj(&Exc_AttributeError, ID(__annotations__)); }
    return r;
}
static Obj *type_get_text_signature(Obj *o, void *c) { RETURN_NONE; }

static GetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname_, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__module__", type_get_module_, type_set_module, NULL, NULL},
    {"__abstractmethods__", type_get_abstract, type_set_abstract, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__basicsize__", type_get_basicsize, NULL, NULL, NULL},
    {"__itemsize__", type_get_itemsize, NULL, NULL, NULL},
    {"__flags__", type_get_flags, NULL, NULL, NULL},
    {"__dictoffset__", type_get_dictoffset, NULL, NULL, NULL},
    {"__weakrefoffset__", type_get_weakrefoffset, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ---- type methods ------------------------------------------------------- */
static Obj *type_mro_meth(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("mro", nargs, 0, 0) < 0) return NULL;
    Obj *m = type_mro_impl((TypeObj *)self);
    if (!m) return NULL;
    Obj *l = seq_list(m);
    DECREF(m);
    return l;
}
static Obj *type_subclasses(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    TypeObj *t = (TypeObj *)self;
    Obj *l = list_new(0);
    if (!l || !t->subclasses) return l;
    for (ssize_t i = 0; i < LIST_SIZE(t->subclasses); i++) {
        Obj *v = obj_call0(LIST_ITEMS(t->subclasses)[i]);
        if (!v) { DECREF(l); return NULL; }
        if (v != None && list_append(l, v) < 0) { DECREF(v); DECREF(l); return NULL; }
        DECREF(v);
    }
    return l;
}
static Obj *type_instancecheck(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("__instancecheck__", nargs, 1, 1) < 0) return NULL;
    Obj *inst = args[0];
    if (type_is_subtype(TYPE(inst), (TypeObj *)self)) RETURN_BOOL(1);
    Obj *icls;
    int r = obj_lookup_attr(inst, ID(__class__), &icls);
    if (r < 0) return NULL;
    if (r == 0) RETURN_BOOL(0);
    bool res = icls != OBJ(TYPE(inst)) && is_type(icls) && type_is_subtype((TypeObj *)icls, (TypeObj *)self);
    DECREF(icls);
    RETURN_BOOL(res);
}
static Obj *type_subclasscheck(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("__subclasscheck__", nargs, 1, 1) < 0) return NULL;
    Obj *sub = args[0];
    if (!is_type(sub)) {
        Obj *b;
        int r = obj_lookup_attr(sub, ID(__bases__), &b);
        if (r < 0) return NULL;
        if (r == 0 || !tuple_check(b)) { XDECREF(b); return err_set_str(&Exc_TypeError, "issubclass() arg 1 must be a class"); }
        int res = 0;
        for (ssize_t i = 0; i < TUPLE_SIZE(b) && !res; i++) {
            Obj *a = TUPLE_GET(b, i);
            Obj *x = type_subclasscheck(self, &a, 1, NULL);
            if (!x) { DECREF(b); return NULL; }
            res = x == True_;
            DECREF(x);
        }
        DECREF(b);
        RETURN_BOOL(res);
    }
    RETURN_BOOL(type_is_subtype((TypeObj *)sub, (TypeObj *)self));
}
static Obj *type_prepare(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return dict_new(); }
Obj *obj_type_dir_list(Obj *type);
static Obj *type_dir(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return obj_type_dir_list(self); }
static Obj *type_sizeof(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    TypeObj *t = (TypeObj *)self;
    return int_from_ssize((t->flags & TF_HEAPTYPE) ? (ssize_t)sizeof(HeapTypeObj) : (ssize_t)sizeof(TypeObj));
}
static Obj *type_or(Obj *a, Obj *b);
static MethodDef type_methods[] = {
    {"mro", type_mro_meth, 0, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses, 0, "Return a list of immediate subclasses."},
    {"__instancecheck__", type_instancecheck, 0, "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, 0, "Check if a class is a subclass."},
    {"__prepare__", type_prepare, METH_CLASS, "Create the namespace for the class statement"},
    {"__dir__", type_dir, 0, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, 0, "Return memory consumption of the type object."},
    {NULL, NULL, 0, NULL}
};

/* `int | str`: typing-style union (types.UnionType) */
Obj *union_new(Obj *a, Obj *b);
static Obj *type_or(Obj *a, Obj *b) {
    bool ok_a = a == None || is_type(a) || TYPE(a) == &GenericAlias_Type || !strcmp(TYPE(a)->name, "types.UnionType");
    bool ok_b = b == None || is_type(b) || TYPE(b) == &GenericAlias_Type || !strcmp(TYPE(b)->name, "types.UnionType");
    if (!ok_a || !ok_b) RETURN_NOTIMPL;
    return union_new(a, b);
}

TypeObj Type_Type = {
    TYPE_HEAD_INIT,
    .name = "type",
    .basicsize = sizeof(HeapTypeObj),
    .flags = TF_BASETYPE | TF_GC | TF_TYPE_SUBCLASS | TF_IMMUTABLETYPE,
    .doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    .dealloc = type_dealloc,
    .repr = type_repr,
    .getattr = type_getattro,
    .setattr = type_setattro,
    .call = type_call,
    .new_ = type_new,
    .init = type_init,
    .nb = {[NB_OR] = type_or},
    .traverse = type_traverse,
    .clear = type_clear,
    .methods = type_methods,
    .getset = type_getset,
    .base = &Object_Type,
    .dictoffset = offsetof(TypeObj, dict),
    .weaklistoffset = offsetof(HeapTypeObj, weaklist),
};
