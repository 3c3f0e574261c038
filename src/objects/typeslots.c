/* typeslots.c — the slot table that ties C slots to dunder names.
 *   - static types: type_ready() wraps each slot a type defines as a
 *     "slot wrapper" (int.__add__, object.__repr__ ...);
 *   - heap types: each slot is either the C function of an inherited slot
 *     wrapper (fast path: class MyInt(int) keeps int's nb_add) or a generic
 *     function that looks up the dunder along the MRO and calls it.
 * Binary operators follow CPython's protocol (try __add__, then the other
 * operand's __radd__; a subclass overriding __radd__ goes first).
 * OWNER: TYPES. */
#include "gilpy.h"
#include "objects/typeobj.h"

#define OFF(f) offsetof(TypeObj, f)
#define NBOFF(i) (offsetof(TypeObj, nb) + (size_t)(i) * sizeof(binaryfunc))
#define NBIOFF(i) (offsetof(TypeObj, nb_inplace) + (size_t)(i) * sizeof(binaryfunc))
#define SLOT_AT(t, off) (*(anyfunc *)((char *)(t) + (off)))

/* ---- calling dunders ---------------------------------------------------- */
Obj *typeslots_call_dunder(Obj *self, Obj *name, Obj *const *args, size_t nargs, int *found) {
    TypeObj *t = TYPE(self);
    Obj *f = type_lookup(t, name);
    if (!f) {
        if (found) *found = 0;
        return NULL;
    }
    if (found) *found = 1;
    INCREF(f);
    Obj *r;
    TypeObj *ft = TYPE(f);
    if (ft == &Function_Type || ft == &MethodDescr_Type || ft == &WrapperDescr_Type) {
        r = call_unbound(f, self, args, nargs);
    } else {
        descrgetfunc g = ft->descr_get;
        Obj *bound = g ? g(f, self, OBJ(t)) : NEWREF(f);
        if (!bound) { DECREF(f); return NULL; }
        r = obj_call(bound, args, nargs, NULL);
        DECREF(bound);
    }
    DECREF(f);
    return r;
}

static Obj *call_dunder(Obj *self, int id, Obj *const *args, size_t nargs) {
    int found;
    Obj *r = typeslots_call_dunder(self, type_id(id), args, nargs, &found);
    if (!found && !err_occurred())
        return err_format(&Exc_AttributeError, "'%s' object has no attribute '%U'", TP_NAME(TYPE(self)), type_id(id));
    return r;
}
/* Like call_dunder but NotImplemented when absent. */
static Obj *call_maybe(Obj *self, Obj *name, Obj *arg) {
    int found;
    Obj *r = typeslots_call_dunder(self, name, &arg, 1, &found);
    if (!found && !err_occurred()) RETURN_NOTIMPL;
    return r;
}

/* ---- generic slots ------------------------------------------------------ */
static Obj *slot_repr(Obj *self) { return call_dunder(self, ID___repr__, NULL, 0); }
static Obj *slot_str(Obj *self) { return call_dunder(self, ID___str__, NULL, 0); }

static hash_t slot_hash(Obj *self) {
    Obj *r = call_dunder(self, ID___hash__, NULL, 0);
    if (!r) return -1;
    if (!int_check(r)) {
        DECREF(r);
        err_set_str(&Exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    hash_t h;
    long long v;
    if (int_as_long_overflow(r, &v) == 0) h = (hash_t)v;
    else h = int_hash(r);
    DECREF(r);
    if (h == -1 && !err_occurred()) h = -2;
    return h;
}

static const int cmp_ids[6] = {ID___lt__, ID___le__, ID___eq__, ID___ne__, ID___gt__, ID___ge__};
static Obj *slot_richcompare(Obj *self, Obj *other, int op) {
    return call_maybe(self, type_id(cmp_ids[op]), other);
}

static Obj *slot_call(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    Obj *f = type_lookup(TYPE(self), ID(__call__));
    if (!f) return err_format(&Exc_TypeError, "'%s' object is not callable", TP_NAME(TYPE(self)));
    INCREF(f);
    descrgetfunc g = TYPE(f)->descr_get;
    Obj *bound = g ? g(f, self, OBJ(TYPE(self))) : NEWREF(f);
    DECREF(f);
    if (!bound) return NULL;
    if (enter_recursive_call(" while calling a Python object") < 0) { DECREF(bound); return NULL; }
    Obj *r = obj_call(bound, args, nargs, kwnames);
    leave_recursive_call();
    DECREF(bound);
    return r;
}

static Obj *slot_iter(Obj *self) {
    Obj *f = type_lookup(TYPE(self), ID(__iter__));
    if (f == None) return err_format(&Exc_TypeError, "'%s' object is not iterable", TP_NAME(TYPE(self)));
    return call_dunder(self, ID___iter__, NULL, 0);
}
static Obj *slot_iternext(Obj *self) {
    Obj *r = call_dunder(self, ID___next__, NULL, 0);
    if (!r && err_matches(&Exc_StopIteration)) err_clear();
    return r;
}

static Obj *generic_getattribute_of(TypeObj *t, Obj *self, Obj *name) {
    Obj *ga = type_lookup(t, ID(__getattribute__));
    if (!ga || (TYPE(ga) == &WrapperDescr_Type &&
                ((WrapperDescrObj *)ga)->wrapped == (anyfunc)obj_generic_getattr))
        return obj_generic_getattr(self, name);
    if (TYPE(ga) == &WrapperDescr_Type) {
        getattrfunc f = (getattrfunc)((WrapperDescrObj *)ga)->wrapped;
        return f(self, name);
    }
    return call_dunder(self, ID___getattribute__, &name, 1);
}

Obj *slot_tp_getattr_hook(Obj *self, Obj *name) {
    TypeObj *t = TYPE(self);
    Obj *r = generic_getattribute_of(t, self, name);
    if (r || !err_matches(&Exc_AttributeError)) return r;
    Obj *ga = type_lookup(t, ID(__getattr__));
    if (!ga) return NULL;
    err_clear();
    return call_dunder(self, ID___getattr__, &name, 1);
}

static int slot_setattr(Obj *self, Obj *name, Obj *value) {
    Obj *r;
    if (value) { Obj *a[2] = {name, value}; r = call_dunder(self, ID___setattr__, a, 2); }
    else r = call_dunder(self, ID___delattr__, &name, 1);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static Obj *slot_descr_get(Obj *self, Obj *obj, Obj *type) {
    Obj *a[2] = {obj ? obj : None, type ? type : None};
    return call_dunder(self, ID___get__, a, 2);
}
static int slot_descr_set(Obj *self, Obj *obj, Obj *value) {
    Obj *r;
    if (value) { Obj *a[2] = {obj, value}; r = call_dunder(self, ID___set__, a, 2); }
    else r = call_dunder(self, ID___delete__, &obj, 1);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static int slot_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    Obj *f = type_lookup(TYPE(self), ID(__init__));
    if (!f) return 0;
    INCREF(f);
    Obj *r;
    size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
    if (TYPE(f) == &Function_Type || TYPE(f) == &WrapperDescr_Type || TYPE(f) == &MethodDescr_Type) {
        Obj *small[8];
        Obj **vec = small;
        if (nargs + nkw + 1 > 8 && !(vec = mem_alloc(sizeof(Obj *) * (nargs + nkw + 1)))) { DECREF(f); return -1; }
        vec[0] = self;
        for (size_t i = 0; i < nargs + nkw; i++) vec[i + 1] = args[i];
        r = obj_call(f, vec, nargs + 1, kwnames);
        if (vec != small) mem_free(vec);
    } else {
        descrgetfunc g = TYPE(f)->descr_get;
        Obj *bound = g ? g(f, self, OBJ(TYPE(self))) : NEWREF(f);
        r = bound ? obj_call(bound, args, nargs, kwnames) : NULL;
        XDECREF(bound);
    }
    DECREF(f);
    if (!r) return -1;
    if (r != None) {
        err_format(&Exc_TypeError, "__init__() should return None, not '%s'", TP_NAME(TYPE(r)));
        DECREF(r);
        return -1;
    }
    return 0;
}

Obj *slot_tp_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kwnames) {
    Obj *f = obj_getattr(OBJ(t), ID(__new__));
    if (!f) return NULL;
    size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
    Obj *small[8];
    Obj **vec = small;
    if (nargs + nkw + 1 > 8 && !(vec = mem_alloc(sizeof(Obj *) * (nargs + nkw + 1)))) { DECREF(f); return NULL; }
    vec[0] = OBJ(t);
    for (size_t i = 0; i < nargs + nkw; i++) vec[i + 1] = args[i];
    Obj *r = obj_call(f, vec, nargs + 1, kwnames);
    if (vec != small) mem_free(vec);
    DECREF(f);
    return r;
}

static ssize_t slot_len(Obj *self) {
    Obj *r = call_dunder(self, ID___len__, NULL, 0);
    if (!r) return -1;
    Obj *i = obj_index(r);
    DECREF(r);
    if (!i) return -1;
    if (int_sign(i) < 0) {
        DECREF(i);
        err_set_str(&Exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    ssize_t n = obj_as_ssize(i, &Exc_OverflowError);
    DECREF(i);
    return n;
}

static Obj *slot_getitem(Obj *self, Obj *key) { return call_dunder(self, ID___getitem__, &key, 1); }
static int slot_setitem(Obj *self, Obj *key, Obj *value) {
    Obj *r;
    if (value) { Obj *a[2] = {key, value}; r = call_dunder(self, ID___setitem__, a, 2); }
    else r = call_dunder(self, ID___delitem__, &key, 1);
    if (!r) return -1;
    DECREF(r);
    return 0;
}
static int slot_contains(Obj *self, Obj *item) {
    Obj *f = type_lookup(TYPE(self), ID(__contains__));
    if (f == None) {
        err_format(&Exc_TypeError, "'%s' object is not a container", TP_NAME(TYPE(self)));
        return -1;
    }
    Obj *r = call_dunder(self, ID___contains__, &item, 1);
    if (!r) return -1;
    int t = obj_is_true(r);
    DECREF(r);
    return t;
}
static int slot_bool(Obj *self) {
    Obj *r = call_dunder(self, ID___bool__, NULL, 0);
    if (!r) return -1;
    if (r == True_ || r == False_) return r == True_;
    err_format(&Exc_TypeError, "__bool__ should return bool, returned %s", TP_NAME(TYPE(r)));
    DECREF(r);
    return -1;
}

#define UNSLOT(fn, id) static Obj *fn(Obj *self) { return call_dunder(self, id, NULL, 0); }
UNSLOT(slot_neg, ID___neg__)
UNSLOT(slot_pos, ID___pos__)
UNSLOT(slot_abs, ID___abs__)
UNSLOT(slot_invert, ID___invert__)
UNSLOT(slot_int, ID___int__)
UNSLOT(slot_float, ID___float__)
UNSLOT(slot_index, ID___index__)

/* binary operators */
static const char *const nb_lnames[NB_COUNT] = {
#define X(n, s, d) "__" #d "__",
    NB_OPS(X)
#undef X
};
static const char *const nb_rnames[NB_COUNT] = {
#define X(n, s, d) "__r" #d "__",
    NB_OPS(X)
#undef X
};
static const char *const nb_inames[NB_COUNT] = {
#define X(n, s, d) "__i" #d "__",
    NB_OPS(X)
#undef X
};
static Obj *nb_name_cache[3][NB_COUNT];
static Obj *nb_name(int kind, int op) {
    Obj *o = nb_name_cache[kind][op];
    if (!o) {
        const char *s = kind == 0 ? nb_lnames[op] : kind == 1 ? nb_rnames[op] : nb_inames[op];
        o = nb_name_cache[kind][op] = obj_intern_safe(s);
    }
    return o;
}

static Obj *slot_binop(Obj *self, Obj *other, int op, binaryfunc me) {
    TypeObj *ts = TYPE(self), *to = TYPE(other);
    Obj *rname = nb_name(1, op);
    bool do_other = ts != to && to->nb[op] == me;
    Obj *r;
    if (ts->nb[op] == me) {
        if (do_other && type_is_subtype(to, ts) && type_lookup(to, rname) != type_lookup(ts, rname)) {
            r = call_maybe(other, rname, self);
            if (r != NotImplemented) return r;
            do_other = false;
        }
        r = call_maybe(self, nb_name(0, op), other);
        if (r != NotImplemented || ts == to) return r;
    }
    if (do_other) return call_maybe(other, rname, self);
    RETURN_NOTIMPL;
}

#define X(n, s, d) \
    static Obj *slot_nb_##d(Obj *a, Obj *b) { return slot_binop(a, b, NB_##n, slot_nb_##d); } \
    static Obj *slot_nbi_##d(Obj *a, Obj *b) { return call_maybe(a, nb_name(2, NB_##n), b); }
NB_OPS(X)
#undef X

static Obj *slot_pow3(Obj *a, Obj *b, Obj *m) {
    if (TYPE(a)->nb_pow3 == slot_pow3) {
        int found;
        Obj *args[2] = {b, m};
        Obj *r = typeslots_call_dunder(a, nb_name(0, NB_POW), args, 2, &found);
        if (found || err_occurred()) return r;
    }
    RETURN_NOTIMPL;
}

/* ---- wrappers (Python-callable views of C slots) -------------------------- */
static int check_args(const char *name, size_t nargs, Obj *kw, size_t n) {
    if (kw && TUPLE_SIZE(kw)) {
        err_format(&Exc_TypeError, "wrapper %s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != n) {
        err_format(&Exc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}
#define CHECK(n) if (check_args("slot", nargs, kw, n) < 0) return NULL

static Obj *wrap_unary(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(0);
    return ((unaryfunc)f)(self);
}
static Obj *wrap_binary_l(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(1);
    return ((binaryfunc)f)(self, args[0]);
}
static Obj *wrap_binary_r(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(1);
    return ((binaryfunc)f)(args[0], self);
}
static Obj *wrap_pow(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    if (nargs == 2 && args[1] != None) {
        if (kw && TUPLE_SIZE(kw)) return err_set_str(&Exc_TypeError, "wrapper __pow__() takes no keyword arguments");
        ternaryfunc p = TYPE(self)->nb_pow3;
        if (!p) RETURN_NOTIMPL;
        return p(self, args[0], args[1]);
    }
    if (nargs == 2) nargs = 1;
    CHECK(1);
    return ((binaryfunc)f)(self, args[0]);
}
static Obj *wrap_rpow(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    if (nargs == 2 && args[1] == None) nargs = 1;
    CHECK(1);
    return ((binaryfunc)f)(args[0], self);
}
#define WRAP_CMP(nm, op) \
    static Obj *nm(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) { \
        CHECK(1); return ((richcmpfunc)f)(self, args[0], op); }
WRAP_CMP(wrap_lt, CMP_LT)
WRAP_CMP(wrap_le, CMP_LE)
WRAP_CMP(wrap_eq, CMP_EQ)
WRAP_CMP(wrap_ne, CMP_NE)
WRAP_CMP(wrap_gt, CMP_GT)
WRAP_CMP(wrap_ge, CMP_GE)

static Obj *wrap_hash(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(0);
    hash_t h = ((hashfunc)f)(self);
    if (h == -1 && err_occurred()) return NULL;
    return int_from_ssize(h);
}
static Obj *wrap_call(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    return ((callfunc)f)(self, args, nargs, kw);
}
static Obj *wrap_next(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(0);
    Obj *r = ((unaryfunc)f)(self);
    if (!r && !err_occurred()) err_set_none(&Exc_StopIteration);
    return r;
}
static Obj *wrap_len(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(0);
    ssize_t n = ((lenfunc)f)(self);
    if (n < 0 && err_occurred()) return NULL;
    return int_from_ssize(n);
}
static Obj *wrap_setitem(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(2);
    if (((objobjargproc)f)(self, args[0], args[1]) < 0) return NULL;
    RETURN_NONE;
}
static Obj *wrap_delitem(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(1);
    if (((objobjargproc)f)(self, args[0], NULL) < 0) return NULL;
    RETURN_NONE;
}
static Obj *wrap_contains(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(1);
    int r = ((objobjproc)f)(self, args[0]);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}
static Obj *wrap_bool(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(0);
    int r = ((inquiry)f)(self);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}
static Obj *wrap_getattr(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(1);
    return ((getattrfunc)f)(self, args[0]);
}
static Obj *wrap_setattr(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(2);
    if (((setattrfunc)f)(self, args[0], args[1]) < 0) return NULL;
    RETURN_NONE;
}
static Obj *wrap_delattr(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(1);
    if (((setattrfunc)f)(self, args[0], NULL) < 0) return NULL;
    RETURN_NONE;
}
static Obj *wrap_descr_get(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    if (nargs < 1 || nargs > 2 || (kw && TUPLE_SIZE(kw))) {
        if (nargs < 1) return err_format(&Exc_TypeError, "expected at least 1 argument, got %zu", nargs);
        return err_format(&Exc_TypeError, "expected at most 2 arguments, got %zu", nargs);
    }
    Obj *obj = args[0] == None ? NULL : args[0];
    Obj *type = nargs == 2 && args[1] != None ? args[1] : NULL;
    if (!obj && !type) return err_set_str(&Exc_TypeError, "__get__(None, None) is invalid");
    return ((descrgetfunc)f)(self, obj, type);
}
static Obj *wrap_descr_set(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(2);
    if (((descrsetfunc)f)(self, args[0], args[1]) < 0) return NULL;
    RETURN_NONE;
}
static Obj *wrap_descr_delete(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    CHECK(1);
    if (((descrsetfunc)f)(self, args[0], NULL) < 0) return NULL;
    RETURN_NONE;
}
static Obj *wrap_init(Obj *self, Obj *const *args, size_t nargs, Obj *kw, anyfunc f) {
    if (((initfunc)f)(self, args, nargs, kw) < 0) return NULL;
    RETURN_NONE;
}

/* ---- the table ------------------------------------------------------------ */
#define G(f) ((anyfunc)(f))
#define SD(name, off, wrap, gen, fl, doc) {name, off, wrap, G(gen), fl, doc, -1}
#define NBSD(n, s, d) \
    SD("__" #d "__", NBOFF(NB_##n), wrap_binary_l, slot_nb_##d, 0, "Return self" s "value."), \
    SD("__r" #d "__", NBOFF(NB_##n), wrap_binary_r, slot_nb_##d, SD_REVERSED, "Return value" s "self."),
#define NBISD(n, s, d) \
    SD("__i" #d "__", NBIOFF(NB_##n), wrap_binary_l, slot_nbi_##d, 0, "Return self" s "=value."),

const SlotDef type_slotdefs[] = {
    SD("__getattribute__", OFF(getattr), wrap_getattr, slot_tp_getattr_hook, 0, "Return getattr(self, name)."),
    SD("__getattr__", OFF(getattr), NULL, slot_tp_getattr_hook, 0, NULL),
    SD("__setattr__", OFF(setattr), wrap_setattr, slot_setattr, 0, "Implement setattr(self, name, value)."),
    SD("__delattr__", OFF(setattr), wrap_delattr, slot_setattr, 0, "Implement delattr(self, name)."),
    SD("__repr__", OFF(repr), wrap_unary, slot_repr, 0, "Return repr(self)."),
    SD("__hash__", OFF(hash), wrap_hash, slot_hash, 0, "Return hash(self)."),
    SD("__call__", OFF(call), wrap_call, slot_call, 0, "Call self as a function."),
    SD("__str__", OFF(str), wrap_unary, slot_str, 0, "Return str(self)."),
    SD("__lt__", OFF(richcompare), wrap_lt, slot_richcompare, 0, "Return self<value."),
    SD("__le__", OFF(richcompare), wrap_le, slot_richcompare, 0, "Return self<=value."),
    SD("__eq__", OFF(richcompare), wrap_eq, slot_richcompare, 0, "Return self==value."),
    SD("__ne__", OFF(richcompare), wrap_ne, slot_richcompare, 0, "Return self!=value."),
    SD("__gt__", OFF(richcompare), wrap_gt, slot_richcompare, 0, "Return self>value."),
    SD("__ge__", OFF(richcompare), wrap_ge, slot_richcompare, 0, "Return self>=value."),
    SD("__iter__", OFF(iter), wrap_unary, slot_iter, 0, "Implement iter(self)."),
    SD("__next__", OFF(iternext), wrap_next, slot_iternext, 0, "Implement next(self)."),
    SD("__get__", OFF(descr_get), wrap_descr_get, slot_descr_get, 0, "Return an attribute of instance, which is of type owner."),
    SD("__set__", OFF(descr_set), wrap_descr_set, slot_descr_set, 0, "Set an attribute of instance to value."),
    SD("__delete__", OFF(descr_set), wrap_descr_delete, slot_descr_set, 0, "Delete an attribute of instance."),
    SD("__init__", OFF(init), wrap_init, slot_init, 0, "Initialize self.  See help(type(self)) for accurate signature."),
    NB_OPS(NBSD)
    SD("__pow__", OFF(nb_pow3), NULL, slot_pow3, 0, NULL),
    NB_OPS(NBISD)
    SD("__neg__", OFF(nb_neg), wrap_unary, slot_neg, 0, "-self"),
    SD("__pos__", OFF(nb_pos), wrap_unary, slot_pos, 0, "+self"),
    SD("__abs__", OFF(nb_abs), wrap_unary, slot_abs, 0, "abs(self)"),
    SD("__invert__", OFF(nb_invert), wrap_unary, slot_invert, 0, "~self"),
    SD("__bool__", OFF(nb_bool), wrap_bool, slot_bool, 0, "True if self else False"),
    SD("__int__", OFF(nb_int), wrap_unary, slot_int, 0, "int(self)"),
    SD("__float__", OFF(nb_float), wrap_unary, slot_float, 0, "float(self)"),
    SD("__index__", OFF(nb_index), wrap_unary, slot_index, 0, "Return self converted to an integer, if self is suitable for use as an index into a list."),
    SD("__len__", OFF(len), wrap_len, slot_len, 0, "Return len(self)."),
    SD("__getitem__", OFF(getitem), wrap_binary_l, slot_getitem, 0, "Return self[key]."),
    SD("__setitem__", OFF(setitem), wrap_setitem, slot_setitem, 0, "Set self[key] to value."),
    SD("__delitem__", OFF(setitem), wrap_delitem, slot_setitem, 0, "Delete self[key]."),
    SD("__contains__", OFF(contains), wrap_contains, slot_contains, 0, "Return key in self."),
};
const size_t type_nslotdefs = ARRAY_LEN(type_slotdefs);

static Obj *sd_names[ARRAY_LEN(type_slotdefs)];
static Obj *sd_name(size_t i) {
    if (!sd_names[i]) sd_names[i] = obj_intern_safe(type_slotdefs[i].name);
    return sd_names[i];
}

/* Fix the __pow__ / __rpow__ wrappers: they need the mod-aware variants. */
static wrapperfunc wrapper_for(const SlotDef *sd) {
    if (sd->offset == NBOFF(NB_POW)) return (sd->flags & SD_REVERSED) ? wrap_rpow : wrap_pow;
    return sd->wrapper;
}

int typeslots_add_wrappers(TypeObj *t) {
    for (size_t i = 0; i < type_nslotdefs; i++) {
        const SlotDef *sd = &type_slotdefs[i];
        if (!sd->wrapper) continue;
        anyfunc f = SLOT_AT(t, sd->offset);
        if (!f) continue;
        Obj *name = sd_name(i);
        if (dict_getitem(t->dict, name)) continue;
        Obj *d;
        if (sd->offset == OFF(hash) && f == (anyfunc)hash_not_implemented) d = NEWREF(None);
        else d = descr_new_wrapper(t, sd, f);
        if (!d) return -1;
        int r = dict_setitem(t->dict, name, d);
        DECREF(d);
        if (r < 0) return -1;
    }
    return 0;
}

Obj *typeslots_wrapper_call(WrapperDescrObj *d, Obj *self, Obj *const *args, size_t nargs, Obj *kw);
Obj *typeslots_wrapper_call(WrapperDescrObj *d, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    return wrapper_for(d->sd)(self, args, nargs, kw, d->wrapped);
}

static void fixup_offset(TypeObj *t, size_t offset) {
    anyfunc specific = NULL, generic = NULL;
    bool use_generic = false, any = false;
    for (size_t i = 0; i < type_nslotdefs; i++) {
        const SlotDef *sd = &type_slotdefs[i];
        if (sd->offset != offset) continue;
        generic = sd->generic;
        Obj *descr = type_lookup(t, sd_name(i));
        if (!descr) continue;
        any = true;
        anyfunc f = NULL;
        if (TYPE(descr) == &WrapperDescr_Type) {
            WrapperDescrObj *w = (WrapperDescrObj *)descr;
            if (w->sd->offset == offset) f = w->wrapped;
            else if (offset == OFF(nb_pow3) && w->sd->offset == NBOFF(NB_POW)) f = (anyfunc)w->type->nb_pow3;
        } else if (descr == None && offset == OFF(hash)) {
            f = (anyfunc)hash_not_implemented;
        }
        if (!f) { use_generic = true; continue; }
        if (specific && specific != f) use_generic = true;
        specific = f;
    }
    anyfunc v = !any ? NULL : use_generic ? generic : specific;
    SLOT_AT(t, offset) = v;
}

void typeslots_fixup_all(TypeObj *t) {
    size_t last = (size_t)-1;
    for (size_t i = 0; i < type_nslotdefs; i++) {
        size_t off = type_slotdefs[i].offset;
        if (off == last) continue;
        /* each offset once (entries sharing an offset are adjacent or repeated harmlessly) */
        fixup_offset(t, off);
        last = off;
    }
    /* __new__ */
    Obj *n = type_lookup(t, ID(__new__));
    TypeObj *owner;
    if (n && descr_is_tp_new_wrapper(n, &owner)) t->new_ = owner->new_;
    else if (n) t->new_ = slot_tp_new;
    if (!t->getattr) t->getattr = obj_generic_getattr;
}

static void update_rec(TypeObj *t, Obj *name, int depth) {
    if (!(t->flags & TF_HEAPTYPE) || depth > 100) return;
    for (size_t i = 0; i < type_nslotdefs; i++)
        if (name_eq(sd_name(i), name)) fixup_offset(t, type_slotdefs[i].offset);
    if (name_eq(name, ID(__new__))) {
        Obj *n = type_lookup(t, ID(__new__));
        TypeObj *owner;
        if (n && descr_is_tp_new_wrapper(n, &owner)) t->new_ = owner->new_;
        else if (n) t->new_ = slot_tp_new;
    }
    if (!t->getattr) t->getattr = obj_generic_getattr;
    if (t->subclasses) {
        for (ssize_t i = 0; i < LIST_SIZE(t->subclasses); i++) {
            Obj *sub = obj_call0(LIST_ITEMS(t->subclasses)[i]);
            if (!sub) { err_clear(); continue; }
            if (sub != None) update_rec((TypeObj *)sub, name, depth + 1);
            DECREF(sub);
        }
    }
}

void typeslots_update(TypeObj *t, Obj *name) { update_rec(t, name, 0); }
