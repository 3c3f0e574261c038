/* descr.c — descriptors for C-level attributes and the builtin decorators:
 * method_descriptor, classmethod_descriptor, getset_descriptor,
 * member_descriptor, wrapper_descriptor / method-wrapper (slot wrappers),
 * builtin_function_or_method, property, classmethod, staticmethod, super.
 * OWNER: TYPES. */
#include "gilpy.h"
#include "objects/typeobj.h"

static bool is_type(Obj *o) { return !IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_TYPE_SUBCLASS); }

/* ---- common descriptor parts ----------------------------------------- */
typedef struct { OBJ_HEAD; TypeObj *type; Obj *name; } DescrHead;

static Obj *descr_alloc(TypeObj *dt, TypeObj *owner, const char *name) {
    DescrHead *d = (DescrHead *)obj_alloc(dt, 0);
    if (!d) return NULL;
    d->type = owner;
    if (owner->flags & TF_HEAPTYPE) INCREF(owner);
    d->name = str_intern_cstr(name);
    INCREF(d->name);
    return OBJ(d);
}
static void descr_dealloc(Obj *o) {
    DescrHead *d = (DescrHead *)o;
    if (d->type && (d->type->flags & TF_HEAPTYPE)) DECREF(d->type);
    XDECREF(d->name);
    obj_free(o);
}
static void descr_traverse(Obj *o, visitproc_ visit, void *arg) {
    DescrHead *d = (DescrHead *)o;
    if (d->type && (d->type->flags & TF_HEAPTYPE)) visit(OBJ(d->type), arg);
}
static Obj *descr_get_name(Obj *o, void *c) { return NEWREF(((DescrHead *)o)->name); }
static Obj *descr_get_qualname(Obj *o, void *c) {
    DescrHead *d = (DescrHead *)o;
    Obj *q = type_qualname(d->type);
    if (!q) return NULL;
    Obj *r = str_from_format("%U.%U", q, d->name);
    DECREF(q);
    return r;
}
static Obj *descr_get_objclass(Obj *o, void *c) { return NEWREF(OBJ(((DescrHead *)o)->type)); }
static Obj *descr_none(Obj *o, void *c) { RETURN_NONE; }

static int descr_check(DescrHead *d, Obj *obj) {
    if (!type_is_subtype(TYPE(obj), d->type)) {
        err_format(&Exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                   d->name, TP_NAME(d->type), TP_NAME(TYPE(obj)));
        return -1;
    }
    return 0;
}

/* ---- method_descriptor ---------------------------------------------- */
Obj *descr_new_method(TypeObj *t, MethodDef *def) {
    MethodDescrObj *d = (MethodDescrObj *)descr_alloc(&MethodDescr_Type, t, def->name);
    if (d) d->def = def;
    return OBJ(d);
}
static Obj *mdescr_get(Obj *self, Obj *obj, Obj *type) {
    MethodDescrObj *d = (MethodDescrObj *)self;
    if (!obj) return NEWREF(self);
    if (descr_check((DescrHead *)d, obj) < 0) return NULL;
    return cfunc_new(d->def, obj);
}
static Obj *mdescr_call(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    MethodDescrObj *d = (MethodDescrObj *)self;
    if (nargs < 1)
        return err_format(&Exc_TypeError, "unbound method %s.%U() needs an argument", TP_NAME(d->type), d->name);
    if (descr_check((DescrHead *)d, args[0]) < 0) return NULL;
    return d->def->meth(args[0], args + 1, nargs - 1, kw);
}
static Obj *mdescr_repr(Obj *self) {
    MethodDescrObj *d = (MethodDescrObj *)self;
    return str_from_format("<method '%U' of '%s' objects>", d->name, TP_NAME(d->type));
}
static Obj *mdescr_doc(Obj *o, void *c) {
    MethodDef *def = ((MethodDescrObj *)o)->def;
    if (def->doc) return str_from_cstr(def->doc);
    RETURN_NONE;
}
static GetSetDef mdescr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__doc__", mdescr_doc, NULL, NULL, NULL},
    {"__text_signature__", descr_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
TypeObj MethodDescr_Type = {
    TYPE_HEAD_INIT, .name = "method_descriptor", .basicsize = sizeof(MethodDescrObj),
    .flags = TF_GC, .dealloc = descr_dealloc, .repr = mdescr_repr, .call = mdescr_call,
    .descr_get = mdescr_get, .traverse = descr_traverse, .getset = mdescr_getset,
};

/* ---- classmethod_descriptor ----------------------------------------- */
Obj *descr_new_classmethod(TypeObj *t, MethodDef *def) {
    MethodDescrObj *d = (MethodDescrObj *)descr_alloc(&ClassMethodDescr_Type, t, def->name);
    if (d) d->def = def;
    return OBJ(d);
}
static Obj *cmdescr_get(Obj *self, Obj *obj, Obj *type) {
    MethodDescrObj *d = (MethodDescrObj *)self;
    if (!type) type = OBJ(TYPE(obj));
    if (!is_type(type) || !type_is_subtype((TypeObj *)type, d->type))
        return err_format(&Exc_TypeError, "descriptor '%U' for type '%s' doesn't apply to type '%s'",
                          d->name, TP_NAME(d->type), is_type(type) ? TP_NAME((TypeObj *)type) : TP_NAME(TYPE(type)));
    return cfunc_new(d->def, type);
}
static Obj *cmdescr_call(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    MethodDescrObj *d = (MethodDescrObj *)self;
    if (nargs < 1)
        return err_format(&Exc_TypeError, "descriptor '%U' of '%s' object needs an argument", d->name, TP_NAME(d->type));
    if (!is_type(args[0]) || !type_is_subtype((TypeObj *)args[0], d->type))
        return err_format(&Exc_TypeError, "descriptor '%U' requires a subtype of '%s'", d->name, TP_NAME(d->type));
    return d->def->meth(args[0], args + 1, nargs - 1, kw);
}
TypeObj ClassMethodDescr_Type = {
    TYPE_HEAD_INIT, .name = "classmethod_descriptor", .basicsize = sizeof(MethodDescrObj),
    .flags = TF_GC, .dealloc = descr_dealloc, .repr = mdescr_repr, .call = cmdescr_call,
    .descr_get = cmdescr_get, .traverse = descr_traverse, .getset = mdescr_getset,
};

/* ---- getset_descriptor ---------------------------------------------- */
Obj *descr_new_getset(TypeObj *t, GetSetDef *def) {
    GetSetDescrObj *d = (GetSetDescrObj *)descr_alloc(&GetSetDescr_Type, t, def->name);
    if (d) d->def = def;
    return OBJ(d);
}
static Obj *gsdescr_get(Obj *self, Obj *obj, Obj *type) {
    GetSetDescrObj *d = (GetSetDescrObj *)self;
    if (!obj) return NEWREF(self);
    if (descr_check((DescrHead *)d, obj) < 0) return NULL;
    if (!d->def->get)
        return err_format(&Exc_AttributeError, "attribute '%U' of '%s' objects is not readable", d->name, TP_NAME(d->type));
    return d->def->get(obj, d->def->closure);
}
static int gsdescr_set(Obj *self, Obj *obj, Obj *value) {
    GetSetDescrObj *d = (GetSetDescrObj *)self;
    if (descr_check((DescrHead *)d, obj) < 0) return -1;
    if (!d->def->set) {
        err_format(&Exc_AttributeError, "attribute '%U' of '%s' objects is not writable", d->name, TP_NAME(d->type));
        return -1;
    }
    return d->def->set(obj, value, d->def->closure);
}
static Obj *gsdescr_repr(Obj *self) {
    DescrHead *d = (DescrHead *)self;
    return str_from_format("<attribute '%U' of '%s' objects>", d->name, TP_NAME(d->type));
}
static Obj *gsdescr_doc(Obj *o, void *c) {
    GetSetDef *def = ((GetSetDescrObj *)o)->def;
    if (def->doc) return str_from_cstr(def->doc);
    RETURN_NONE;
}
static GetSetDef gsdescr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__doc__", gsdescr_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
TypeObj GetSetDescr_Type = {
    TYPE_HEAD_INIT, .name = "getset_descriptor", .basicsize = sizeof(GetSetDescrObj),
    .flags = TF_GC, .dealloc = descr_dealloc, .repr = gsdescr_repr, .descr_get = gsdescr_get,
    .descr_set = gsdescr_set, .traverse = descr_traverse, .getset = gsdescr_getset,
};

/* ---- member_descriptor ------------------------------------------------ */
Obj *descr_new_member(TypeObj *t, MemberDef *def) {
    MemberDescrObj *d = (MemberDescrObj *)descr_alloc(&MemberDescr_Type, t, def->name);
    if (d) d->def = def;
    return OBJ(d);
}
Obj *descr_new_slot_member(TypeObj *t, Obj *name, ssize_t offset) {
    MemberDescrObj *d = (MemberDescrObj *)obj_alloc(&MemberDescr_Type, 0);
    if (!d) return NULL;
    d->type = t;
    INCREF(t);
    d->name = NEWREF(name);
    d->own.name = STR_DATA(name);
    d->own.kind = MEMBER_OBJ_EX;
    d->own.offset = (size_t)offset;
    d->def = &d->own;
    return OBJ(d);
}
static Obj *member_get(Obj *self, Obj *obj, Obj *type) {
    MemberDescrObj *d = (MemberDescrObj *)self;
    if (!obj) return NEWREF(self);
    if (descr_check((DescrHead *)d, obj) < 0) return NULL;
    char *addr = (char *)obj + (ssize_t)d->def->offset;
    switch (d->def->kind) {
    case MEMBER_OBJ: { Obj *v = *(Obj **)addr; return NEWREF(v ? v : None); }
    case MEMBER_OBJ_EX: {
        Obj *v = *(Obj **)addr;
        if (!v) return err_format(&Exc_AttributeError, "'%s' object has no attribute '%U'", TP_NAME(TYPE(obj)), d->name);
        return NEWREF(v);
    }
    case MEMBER_INT: return int_from_long(*(int *)addr);
    case MEMBER_SSIZE: return int_from_ssize(*(ssize_t *)addr);
    case MEMBER_BOOL: RETURN_BOOL(*(char *)addr);
    case MEMBER_DOUBLE: return float_from_double(*(double *)addr);
    }
    return err_bad_internal_call();
}
static int member_set(Obj *self, Obj *obj, Obj *value) {
    MemberDescrObj *d = (MemberDescrObj *)self;
    if (descr_check((DescrHead *)d, obj) < 0) return -1;
    if (d->def->readonly) {
        err_set_str(&Exc_AttributeError, "readonly attribute");
        return -1;
    }
    char *addr = (char *)obj + (ssize_t)d->def->offset;
    switch (d->def->kind) {
    case MEMBER_OBJ:
    case MEMBER_OBJ_EX: {
        Obj **p = (Obj **)addr;
        if (!value && d->def->kind == MEMBER_OBJ_EX && !*p) {
            err_format(&Exc_AttributeError, "'%s' object has no attribute '%U'", TP_NAME(TYPE(obj)), d->name);
            return -1;
        }
        XINCREF(value);
        XSETREF(*p, value);
        return 0;
    }
    default: break;
    }
    if (!value) { err_set_str(&Exc_TypeError, "can't delete numeric/char attribute"); return -1; }
    switch (d->def->kind) {
    case MEMBER_INT: {
        long long v = int_check(value) ? int_as_long(value) : -1;
        if (!int_check(value)) { err_set_str(&Exc_TypeError, "attribute value type must be int"); return -1; }
        if (v == -1 && err_occurred()) return -1;
        *(int *)addr = (int)v;
        return 0;
    }
    case MEMBER_SSIZE: {
        if (!int_check(value)) { err_set_str(&Exc_TypeError, "attribute value type must be int"); return -1; }
        ssize_t v = int_as_ssize(value);
        if (v == -1 && err_occurred()) return -1;
        *(ssize_t *)addr = v;
        return 0;
    }
    case MEMBER_BOOL:
        if (value != True_ && value != False_) { err_set_str(&Exc_TypeError, "attribute value type must be bool"); return -1; }
        *(char *)addr = value == True_;
        return 0;
    case MEMBER_DOUBLE: {
        double v = float_as_double(value);
        if (v == -1.0 && err_occurred()) return -1;
        *(double *)addr = v;
        return 0;
    }
    }
    return -1;
}
static Obj *member_repr(Obj *self) {
    DescrHead *d = (DescrHead *)self;
    return str_from_format("<member '%U' of '%s' objects>", d->name, TP_NAME(d->type));
}
static Obj *member_doc(Obj *o, void *c) {
    MemberDef *def = ((MemberDescrObj *)o)->def;
    if (def->doc) return str_from_cstr(def->doc);
    RETURN_NONE;
}
static void member_dealloc(Obj *o) {
    MemberDescrObj *d = (MemberDescrObj *)o;
    if (d->def == &d->own) {
        /* slot member: always owns its type reference */
        TypeObj *t = d->type;
        d->type = NULL;
        XDECREF(d->name);
        d->name = NULL;
        obj_free(o);
        DECREF(t);
        return;
    }
    descr_dealloc(o);
}
static void member_traverse(Obj *o, visitproc_ visit, void *arg) {
    MemberDescrObj *d = (MemberDescrObj *)o;
    if (d->type && (d->def == &d->own || (d->type->flags & TF_HEAPTYPE))) visit(OBJ(d->type), arg);
}
static GetSetDef member_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__doc__", member_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
TypeObj MemberDescr_Type = {
    TYPE_HEAD_INIT, .name = "member_descriptor", .basicsize = sizeof(MemberDescrObj),
    .flags = TF_GC, .dealloc = member_dealloc, .repr = member_repr, .descr_get = member_get,
    .descr_set = member_set, .traverse = member_traverse, .getset = member_getset,
};

/* ---- wrapper_descriptor / method-wrapper ------------------------------ */
Obj *typeslots_wrapper_call(WrapperDescrObj *d, Obj *self, Obj *const *args, size_t nargs, Obj *kw);

Obj *descr_new_wrapper(TypeObj *t, const SlotDef *sd, anyfunc wrapped) {
    WrapperDescrObj *d = (WrapperDescrObj *)descr_alloc(&WrapperDescr_Type, t, sd->name);
    if (!d) return NULL;
    d->sd = sd;
    d->wrapped = wrapped;
    return OBJ(d);
}
static Obj *wdescr_get(Obj *self, Obj *obj, Obj *type) {
    WrapperDescrObj *d = (WrapperDescrObj *)self;
    if (!obj) return NEWREF(self);
    if (descr_check((DescrHead *)d, obj) < 0) return NULL;
    MethodWrapperObj *m = (MethodWrapperObj *)obj_alloc(&MethodWrapper_Type, 0);
    if (!m) return NULL;
    m->descr = d;
    INCREF(d);
    m->self = NEWREF(obj);
    return OBJ(m);
}
static Obj *wdescr_call(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    WrapperDescrObj *d = (WrapperDescrObj *)self;
    if (nargs < 1)
        return err_format(&Exc_TypeError, "descriptor '%U' of '%s' object needs an argument", d->name, TP_NAME(d->type));
    if (!type_is_subtype(TYPE(args[0]), d->type))
        return err_format(&Exc_TypeError, "descriptor '%U' requires a '%s' object but received a '%s'",
                          d->name, TP_NAME(d->type), TP_NAME(TYPE(args[0])));
    return typeslots_wrapper_call(d, args[0], args + 1, nargs - 1, kw);
}
static Obj *wdescr_repr(Obj *self) {
    DescrHead *d = (DescrHead *)self;
    return str_from_format("<slot wrapper '%U' of '%s' objects>", d->name, TP_NAME(d->type));
}
static Obj *wdescr_doc(Obj *o, void *c) {
    const SlotDef *sd = ((WrapperDescrObj *)o)->sd;
    if (sd->doc) return str_from_cstr(sd->doc);
    RETURN_NONE;
}
static GetSetDef wdescr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__doc__", wdescr_doc, NULL, NULL, NULL},
    {"__text_signature__", descr_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
TypeObj WrapperDescr_Type = {
    TYPE_HEAD_INIT, .name = "wrapper_descriptor", .basicsize = sizeof(WrapperDescrObj),
    .flags = TF_GC, .dealloc = descr_dealloc, .repr = wdescr_repr, .call = wdescr_call,
    .descr_get = wdescr_get, .traverse = descr_traverse, .getset = wdescr_getset,
};

static void mw_dealloc(Obj *o) {
    MethodWrapperObj *m = (MethodWrapperObj *)o;
    XDECREF(m->descr);
    XDECREF(m->self);
    obj_free(o);
}
static void mw_traverse(Obj *o, visitproc_ visit, void *arg) {
    MethodWrapperObj *m = (MethodWrapperObj *)o;
    if (m->descr) visit(OBJ(m->descr), arg);
    if (m->self) visit(m->self, arg);
}
static Obj *mw_call(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    MethodWrapperObj *m = (MethodWrapperObj *)self;
    return typeslots_wrapper_call(m->descr, m->self, args, nargs, kw);
}
static Obj *mw_repr(Obj *self) {
    MethodWrapperObj *m = (MethodWrapperObj *)self;
    return str_from_format("<method-wrapper '%U' of %s object at %p>", m->descr->name,
                           TP_NAME(TYPE(m->self)), (void *)m->self);
}
static Obj *mw_richcompare(Obj *a, Obj *b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || TYPE(b) != &MethodWrapper_Type) RETURN_NOTIMPL;
    MethodWrapperObj *x = (MethodWrapperObj *)a, *y = (MethodWrapperObj *)b;
    bool eq = x->descr == y->descr && x->self == y->self;
    RETURN_BOOL(op == CMP_EQ ? eq : !eq);
}
static hash_t mw_hash(Obj *o) {
    MethodWrapperObj *m = (MethodWrapperObj *)o;
    hash_t h = object_hash(m->self) ^ object_hash(OBJ(m->descr));
    return h == -1 ? -2 : h;
}
static Obj *mw_self(Obj *o, void *c) { return NEWREF(((MethodWrapperObj *)o)->self); }
static Obj *mw_name(Obj *o, void *c) { return NEWREF(((MethodWrapperObj *)o)->descr->name); }
static Obj *mw_qualname(Obj *o, void *c) { return descr_get_qualname(OBJ(((MethodWrapperObj *)o)->descr), NULL); }
static Obj *mw_doc(Obj *o, void *c) { return wdescr_doc(OBJ(((MethodWrapperObj *)o)->descr), NULL); }
static GetSetDef mw_getset[] = {
    {"__self__", mw_self, NULL, NULL, NULL},
    {"__name__", mw_name, NULL, NULL, NULL},
    {"__qualname__", mw_qualname, NULL, NULL, NULL},
    {"__doc__", mw_doc, NULL, NULL, NULL},
    {"__text_signature__", descr_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
TypeObj MethodWrapper_Type = {
    TYPE_HEAD_INIT, .name = "method-wrapper", .basicsize = sizeof(MethodWrapperObj),
    .flags = TF_GC, .dealloc = mw_dealloc, .repr = mw_repr, .call = mw_call,
    .richcompare = mw_richcompare, .hash = mw_hash, .traverse = mw_traverse, .getset = mw_getset,
};

/* ---- builtin_function_or_method ------------------------------------------ */
Obj *cfunc_new(MethodDef *def, Obj *self) {
    CFuncObj *f = (CFuncObj *)obj_alloc(&CFunction_Type, 0);
    if (!f) return NULL;
    f->def = def;
    f->self = XNEWREF(self);
    if (self && TYPE(self) == &Module_Type) {
        Obj *n = ((ModuleObj *)self)->name;
        f->module = XNEWREF(n);
    }
    return OBJ(f);
}
static void cfunc_dealloc(Obj *o) {
    CFuncObj *f = (CFuncObj *)o;
    XDECREF(f->self);
    XDECREF(f->module);
    obj_free(o);
}
static void cfunc_traverse(Obj *o, visitproc_ visit, void *arg) {
    CFuncObj *f = (CFuncObj *)o;
    if (f->self) visit(f->self, arg);
    if (f->module) visit(f->module, arg);
}
static Obj *cfunc_call(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    CFuncObj *f = (CFuncObj *)self;
    Obj *s = (f->def->flags & METH_STATIC) ? NULL : f->self;
    return f->def->meth(s, args, nargs, kw);
}
static bool cfunc_is_function(CFuncObj *f) {
    return !f->self || (TYPE(f->self) == &Module_Type) || (f->def->flags & METH_STATIC);
}
static Obj *cfunc_repr(Obj *self) {
    CFuncObj *f = (CFuncObj *)self;
    if (!f->self || TYPE(f->self) == &Module_Type)
        return str_from_format("<built-in function %s>", f->def->name);
    return str_from_format("<built-in method %s of %s object at %p>", f->def->name,
                           TP_NAME(TYPE(f->self)), (void *)f->self);
}
static Obj *cfunc_richcompare(Obj *a, Obj *b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || TYPE(b) != &CFunction_Type) RETURN_NOTIMPL;
    CFuncObj *x = (CFuncObj *)a, *y = (CFuncObj *)b;
    bool eq = x->def->meth == y->def->meth && x->self == y->self;
    RETURN_BOOL(op == CMP_EQ ? eq : !eq);
}
static hash_t cfunc_hash(Obj *o) {
    CFuncObj *f = (CFuncObj *)o;
    uintptr_t p = (uintptr_t)f->def->meth;
    hash_t h = (hash_t)(p >> 4) ^ (f->self ? object_hash(f->self) : 0);
    return h == -1 ? -2 : h;
}
static Obj *cfunc_name(Obj *o, void *c) { return str_from_cstr(((CFuncObj *)o)->def->name); }
static Obj *cfunc_qualname(Obj *o, void *c) {
    CFuncObj *f = (CFuncObj *)o;
    if (cfunc_is_function(f) && !(f->self && is_type(f->self))) return str_from_cstr(f->def->name);
    TypeObj *t = is_type(f->self) ? (TypeObj *)f->self : TYPE(f->self);
    Obj *q = type_qualname(t);
    if (!q) return NULL;
    Obj *r = str_from_format("%U.%s", q, f->def->name);
    DECREF(q);
    return r;
}
static Obj *cfunc_self(Obj *o, void *c) {
    CFuncObj *f = (CFuncObj *)o;
    return NEWREF(f->self ? f->self : None);
}
static Obj *cfunc_doc(Obj *o, void *c) {
    CFuncObj *f = (CFuncObj *)o;
    if (f->def->doc) return str_from_cstr(f->def->doc);
    RETURN_NONE;
}
static Obj *cfunc_module(Obj *o, void *c) {
    CFuncObj *f = (CFuncObj *)o;
    return NEWREF(f->module ? f->module : None);
}
static int cfunc_set_module(Obj *o, Obj *v, void *c) {
    CFuncObj *f = (CFuncObj *)o;
    XINCREF(v);
    XSETREF(f->module, v);
    return 0;
}
static Obj *cfunc_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    CFuncObj *f = (CFuncObj *)self;
    if (!f->self || TYPE(f->self) == &Module_Type) return str_from_cstr(f->def->name);
    Obj *ga = dict_getitem_str(eval_get_builtins(), "getattr");
    if (!ga) return err_set_str(&Exc_RuntimeError, "no getattr");
    Obj *inner = tuple_pack(2, f->self, str_intern_cstr(f->def->name));
    if (!inner) return NULL;
    Obj *r = tuple_pack(2, ga, inner);
    DECREF(inner);
    return r;
}
static GetSetDef cfunc_getset[] = {
    {"__name__", cfunc_name, NULL, NULL, NULL},
    {"__qualname__", cfunc_qualname, NULL, NULL, NULL},
    {"__self__", cfunc_self, NULL, NULL, NULL},
    {"__doc__", cfunc_doc, NULL, NULL, NULL},
    {"__module__", cfunc_module, cfunc_set_module, NULL, NULL},
    {"__text_signature__", descr_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
static MethodDef cfunc_methods[] = {
    {"__reduce__", cfunc_reduce, 0, NULL},
    {NULL, NULL, 0, NULL}
};
TypeObj CFunction_Type = {
    TYPE_HEAD_INIT, .name = "builtin_function_or_method", .basicsize = sizeof(CFuncObj),
    .flags = TF_GC, .dealloc = cfunc_dealloc, .repr = cfunc_repr, .call = cfunc_call,
    .richcompare = cfunc_richcompare, .hash = cfunc_hash, .traverse = cfunc_traverse,
    .getset = cfunc_getset, .methods = cfunc_methods,
};

/* ---- __new__ of static types ------------------------------------------ */
static Obj *tp_new_wrapper(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    TypeObj *type = (TypeObj *)self;
    if (nargs < 1) return err_format(&Exc_TypeError, "%s.__new__(): not enough arguments", TP_NAME(type));
    Obj *arg0 = args[0];
    if (!is_type(arg0))
        return err_format(&Exc_TypeError, "%s.__new__(X): X is not a type object (%s)", TP_NAME(type), TP_NAME(TYPE(arg0)));
    TypeObj *sub = (TypeObj *)arg0;
    if (!type_is_subtype(sub, type))
        return err_format(&Exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                          TP_NAME(type), TP_NAME(sub), TP_NAME(sub), TP_NAME(type));
    TypeObj *sb = sub;
    while (sb && sb->new_ == slot_tp_new) sb = sb->base;
    if (sb && sb->new_ != type->new_)
        return err_format(&Exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                          TP_NAME(type), TP_NAME(sub), TP_NAME(sb));
    if (!type->new_) return err_format(&Exc_TypeError, "cannot create '%s' instances", type->name);
    return type->new_(sub, args + 1, nargs - 1, kw);
}
static MethodDef tp_new_def = {"__new__", tp_new_wrapper, 0,
                               "Create and return a new object.  See help(type) for accurate signature."};
Obj *descr_new_tp_new_wrapper(TypeObj *t) { return cfunc_new(&tp_new_def, OBJ(t)); }
bool descr_is_tp_new_wrapper(Obj *o, TypeObj **owner) {
    if (TYPE(o) == &StaticMethod_Type) o = ((ClassMethodObj *)o)->func;
    if (!o || TYPE(o) != &CFunction_Type || ((CFuncObj *)o)->def != &tp_new_def) return false;
    *owner = (TypeObj *)((CFuncObj *)o)->self;
    return true;
}

/* ---- property ----------------------------------------------------------- */
static Obj *property_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) { return obj_alloc(t, 0); }
static int property_init(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Obj *a[4];
    if (args_parse("property", args, nargs, kw, names, 4, 0, 4, a) < 0) return -1;
    PropertyObj *p = (PropertyObj *)self;
    for (int i = 0; i < 4; i++) if (a[i] == None) a[i] = NULL;
    XINCREF(a[0]); XSETREF(p->fget, a[0]);
    XINCREF(a[1]); XSETREF(p->fset, a[1]);
    XINCREF(a[2]); XSETREF(p->fdel, a[2]);
    XINCREF(a[3]); XSETREF(p->doc, a[3]);
    p->getter_doc = 0;
    if (!a[3] && a[0]) {
        Obj *d;
        int r = obj_lookup_attr(a[0], ID(__doc__), &d);
        if (r < 0) return -1;
        if (r > 0) {
            if (d == None) DECREF(d);
            else {
                if (TYPE(self) == &Property_Type) { XSETREF(p->doc, d); }
                else {
                    int s = obj_setattr(self, ID(__doc__), d);
                    DECREF(d);
                    if (s < 0) return -1;
                }
                p->getter_doc = 1;
            }
        }
    }
    return 0;
}
static void property_dealloc(Obj *o) {
    PropertyObj *p = (PropertyObj *)o;
    XDECREF(p->fget); XDECREF(p->fset); XDECREF(p->fdel); XDECREF(p->doc); XDECREF(p->name);
    obj_free(o);
}
static void property_traverse(Obj *o, visitproc_ visit, void *arg) {
    PropertyObj *p = (PropertyObj *)o;
    if (p->fget) visit(p->fget, arg);
    if (p->fset) visit(p->fset, arg);
    if (p->fdel) visit(p->fdel, arg);
    if (p->doc) visit(p->doc, arg);
    if (p->name) visit(p->name, arg);
}
static int property_clear(Obj *o) {
    PropertyObj *p = (PropertyObj *)o;
    CLEAR(p->fget); CLEAR(p->fset); CLEAR(p->fdel); CLEAR(p->doc); CLEAR(p->name);
    return 0;
}
static Obj *property_err(PropertyObj *p, Obj *obj, const char *what) {
    if (p->name)
        return err_format(&Exc_AttributeError, "property %R of '%s' object has no %s", p->name, TP_NAME(TYPE(obj)), what);
    return err_format(&Exc_AttributeError, "property of '%s' object has no %s", TP_NAME(TYPE(obj)), what);
}
static Obj *property_get(Obj *self, Obj *obj, Obj *type) {
    PropertyObj *p = (PropertyObj *)self;
    if (!obj || obj == None) return NEWREF(self);
    if (!p->fget) return property_err(p, obj, "getter");
    return obj_call1(p->fget, obj);
}
static int property_set(Obj *self, Obj *obj, Obj *value) {
    PropertyObj *p = (PropertyObj *)self;
    Obj *f = value ? p->fset : p->fdel;
    if (!f) { property_err(p, obj, value ? "setter" : "deleter"); return -1; }
    Obj *r = value ? obj_call2(f, obj, value) : obj_call1(f, obj);
    if (!r) return -1;
    DECREF(r);
    return 0;
}
static Obj *property_copy(Obj *self, Obj *fget, Obj *fset, Obj *fdel) {
    PropertyObj *p = (PropertyObj *)self;
    Obj *doc = (p->getter_doc && fget != None) || !p->doc ? None : p->doc;
    Obj *a[4] = {fget ? fget : None, fset ? fset : None, fdel ? fdel : None, doc};
    Obj *n = obj_call(OBJ(TYPE(self)), a, 4, NULL);
    if (n && !IS_SMALLINT(n) && type_is_subtype(TYPE(n), &Property_Type)) {
        PropertyObj *np = (PropertyObj *)n;
        XINCREF(p->name);
        XSETREF(np->name, p->name);
    }
    return n;
}
static Obj *property_getter(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("getter", nargs, 1, 1) < 0) return NULL;
    PropertyObj *p = (PropertyObj *)self;
    return property_copy(self, args[0], p->fset, p->fdel);
}
static Obj *property_setter(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("setter", nargs, 1, 1) < 0) return NULL;
    PropertyObj *p = (PropertyObj *)self;
    return property_copy(self, p->fget, args[0], p->fdel);
}
static Obj *property_deleter(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("deleter", nargs, 1, 1) < 0) return NULL;
    PropertyObj *p = (PropertyObj *)self;
    return property_copy(self, p->fget, p->fset, args[0]);
}
static Obj *property_set_name(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("__set_name__", nargs, 2, 2) < 0) return NULL;
    PropertyObj *p = (PropertyObj *)self;
    INCREF(args[1]);
    XSETREF(p->name, args[1]);
    RETURN_NONE;
}
static Obj *prop_fget(Obj *o, void *c) { Obj *v = ((PropertyObj *)o)->fget; return NEWREF(v ? v : None); }
static Obj *prop_fset(Obj *o, void *c) { Obj *v = ((PropertyObj *)o)->fset; return NEWREF(v ? v : None); }
static Obj *prop_fdel(Obj *o, void *c) { Obj *v = ((PropertyObj *)o)->fdel; return NEWREF(v ? v : None); }
static Obj *prop_doc(Obj *o, void *c) { Obj *v = ((PropertyObj *)o)->doc; return NEWREF(v ? v : None); }
static int prop_set_doc(Obj *o, Obj *v, void *c) {
    PropertyObj *p = (PropertyObj *)o;
    XINCREF(v);
    XSETREF(p->doc, v);
    return 0;
}
static Obj *prop_isabstract(Obj *o, void *c) {
    PropertyObj *p = (PropertyObj *)o;
    Obj *fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        if (!fs[i]) continue;
        Obj *v;
        int r = obj_lookup_attr(fs[i], ID(__isabstractmethod__), &v);
        if (r < 0) return NULL;
        if (r > 0) {
            int t = obj_is_true(v);
            DECREF(v);
            if (t < 0) return NULL;
            if (t) RETURN_BOOL(1);
        }
    }
    RETURN_BOOL(0);
}
static MethodDef property_methods[] = {
    {"getter", property_getter, 0, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, 0, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, 0, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, 0, "Method to set name of a property."},
    {NULL, NULL, 0, NULL}
};
static GetSetDef property_getset[] = {
    {"fget", prop_fget, NULL, NULL, NULL},
    {"fset", prop_fset, NULL, NULL, NULL},
    {"fdel", prop_fdel, NULL, NULL, NULL},
    {"__doc__", prop_doc, prop_set_doc, NULL, NULL},
    {"__isabstractmethod__", prop_isabstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
TypeObj Property_Type = {
    TYPE_HEAD_INIT, .name = "property", .basicsize = sizeof(PropertyObj),
    .flags = TF_GC | TF_BASETYPE, .dealloc = property_dealloc,
    .descr_get = property_get, .descr_set = property_set, .new_ = property_new, .init = property_init,
    .traverse = property_traverse, .clear = property_clear,
    .methods = property_methods, .getset = property_getset,
};

/* ---- classmethod / staticmethod --------------------------------------- */
static Obj *cm_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) { return obj_alloc(t, 0); }
static int cm_init(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    const char *n = TYPE(self) == &StaticMethod_Type || type_is_subtype(TYPE(self), &StaticMethod_Type) ? "staticmethod" : "classmethod";
    if (args_no_kw(n, kw) < 0) return -1;
    if (args_count(n, nargs, 1, 1) < 0) return -1;
    ClassMethodObj *c = (ClassMethodObj *)self;
    INCREF(args[0]);
    XSETREF(c->func, args[0]);
    /* copy __doc__ / __name__ etc. like functools.wraps (3.10+) */
    static const char *const attrs[] = {"__module__", "__name__", "__qualname__", "__doc__"};
    for (int i = 0; i < 4; i++) {
        Obj *v;
        int r = obj_lookup_attr(args[0], str_intern_cstr(attrs[i]), &v);
        if (r < 0) return -1;
        if (r == 0) continue;
        if (!c->dict && !(c->dict = dict_new())) { DECREF(v); return -1; }
        r = dict_setitem(c->dict, str_intern_cstr(attrs[i]), v);
        DECREF(v);
        if (r < 0) return -1;
    }
    return 0;
}
static void cm_dealloc(Obj *o) {
    ClassMethodObj *c = (ClassMethodObj *)o;
    XDECREF(c->func);
    XDECREF(c->dict);
    obj_free(o);
}
static void cm_traverse(Obj *o, visitproc_ visit, void *arg) {
    ClassMethodObj *c = (ClassMethodObj *)o;
    if (c->func) visit(c->func, arg);
    if (c->dict) visit(c->dict, arg);
}
static int cm_clear(Obj *o) {
    ClassMethodObj *c = (ClassMethodObj *)o;
    CLEAR(c->func);
    CLEAR(c->dict);
    return 0;
}
static Obj *cm_get(Obj *self, Obj *obj, Obj *type) {
    ClassMethodObj *c = (ClassMethodObj *)self;
    if (!c->func) return err_set_str(&Exc_RuntimeError, "uninitialized classmethod object");
    if (!type) type = OBJ(TYPE(obj));
    TypeObj *ft = TYPE(c->func);
    if (ft != &Function_Type && ft->descr_get) return ft->descr_get(c->func, type, OBJ(TYPE(type)));
    return method_new(c->func, type);
}
static Obj *sm_get(Obj *self, Obj *obj, Obj *type) {
    ClassMethodObj *c = (ClassMethodObj *)self;
    if (!c->func) return err_set_str(&Exc_RuntimeError, "uninitialized staticmethod object");
    return NEWREF(c->func);
}
static Obj *sm_call(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    ClassMethodObj *c = (ClassMethodObj *)self;
    if (!c->func) return err_set_str(&Exc_RuntimeError, "uninitialized staticmethod object");
    return obj_call(c->func, args, nargs, kw);
}
static Obj *cm_repr(Obj *self) {
    ClassMethodObj *c = (ClassMethodObj *)self;
    const char *n = TP_NAME(TYPE(self));
    return str_from_format("<%s(%R)>", n, c->func ? c->func : None);
}
static Obj *cm_func(Obj *o, void *c) { Obj *f = ((ClassMethodObj *)o)->func; return NEWREF(f ? f : None); }
static Obj *cm_isabstract(Obj *o, void *c) {
    ClassMethodObj *cm = (ClassMethodObj *)o;
    if (!cm->func) RETURN_BOOL(0);
    Obj *v;
    int r = obj_lookup_attr(cm->func, ID(__isabstractmethod__), &v);
    if (r < 0) return NULL;
    if (r == 0) RETURN_BOOL(0);
    int t = obj_is_true(v);
    DECREF(v);
    if (t < 0) return NULL;
    RETURN_BOOL(t);
}
static Obj *cm_get_dict(Obj *o, void *c) {
    ClassMethodObj *cm = (ClassMethodObj *)o;
    if (!cm->dict && !(cm->dict = dict_new())) return NULL;
    return NEWREF(cm->dict);
}
static GetSetDef cm_getset[] = {
    {"__func__", cm_func, NULL, NULL, NULL},
    {"__wrapped__", cm_func, NULL, NULL, NULL},
    {"__isabstractmethod__", cm_isabstract, NULL, NULL, NULL},
    {"__dict__", cm_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
TypeObj ClassMethod_Type = {
    TYPE_HEAD_INIT, .name = "classmethod", .basicsize = sizeof(ClassMethodObj),
    .flags = TF_GC | TF_BASETYPE, .dealloc = cm_dealloc, .repr = cm_repr,
    .descr_get = cm_get, .new_ = cm_new, .init = cm_init,
    .traverse = cm_traverse, .clear = cm_clear, .getset = cm_getset,
    .dictoffset = offsetof(ClassMethodObj, dict),
};
TypeObj StaticMethod_Type = {
    TYPE_HEAD_INIT, .name = "staticmethod", .basicsize = sizeof(ClassMethodObj),
    .flags = TF_GC | TF_BASETYPE, .dealloc = cm_dealloc, .repr = cm_repr, .call = sm_call,
    .descr_get = sm_get, .new_ = cm_new, .init = cm_init,
    .traverse = cm_traverse, .clear = cm_clear, .getset = cm_getset,
    .dictoffset = offsetof(ClassMethodObj, dict),
};
static Obj *wrap_one(TypeObj *t, Obj *func) {
    ClassMethodObj *c = (ClassMethodObj *)obj_alloc(t, 0);
    if (!c) return NULL;
    if (cm_init(OBJ(c), &func, 1, NULL) < 0) { DECREF(c); return NULL; }
    return OBJ(c);
}
Obj *staticmethod_new(Obj *func) { return wrap_one(&StaticMethod_Type, func); }
Obj *classmethod_new(Obj *func) { return wrap_one(&ClassMethod_Type, func); }

/* ---- super ---------------------------------------------------------------- */
/* The type to search from for super(type, obj): new reference or NULL. */
static TypeObj *supercheck(TypeObj *type, Obj *obj) {
    if (is_type(obj) && type_is_subtype((TypeObj *)obj, type)) return (TypeObj *)NEWREF(obj);
    if (type_is_subtype(TYPE(obj), type)) return (TypeObj *)NEWREF(OBJ(TYPE(obj)));
    Obj *cls;
    int r = obj_lookup_attr(obj, ID(__class__), &cls);
    if (r < 0) return NULL;
    if (r > 0) {
        if (is_type(cls) && cls != OBJ(TYPE(obj)) && type_is_subtype((TypeObj *)cls, type))
            return (TypeObj *)cls;
        DECREF(cls);
    }
    err_set_str(&Exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}
static Obj *super_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) { return obj_alloc(t, 0); }
static int super_init(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("super", kw) < 0) return -1;
    if (args_count("super", nargs, 0, 2) < 0) return -1;
    SuperObj *s = (SuperObj *)self;
    TypeObj *type;
    Obj *obj = NULL;
    if (nargs == 0) {
        if (eval_super_args(&type, &obj) < 0) return -1;
    } else {
        if (!is_type(args[0])) {
            err_format(&Exc_TypeError, "super() argument 1 must be a type, not %s", TP_NAME(TYPE(args[0])));
            return -1;
        }
        type = (TypeObj *)args[0];
        if (nargs == 2) obj = args[1];
    }
    if (obj == None) obj = NULL;
    TypeObj *obj_type = NULL;
    if (obj) {
        obj_type = supercheck(type, obj);
        if (!obj_type) return -1;
        INCREF(obj);
    }
    INCREF(type);
    XSETREF(s->type, (TypeObj *)type);
    XSETREF(s->obj, obj);
    XSETREF(s->obj_type, obj_type);
    return 0;
}
static void super_dealloc(Obj *o) {
    SuperObj *s = (SuperObj *)o;
    XDECREF(s->type); XDECREF(s->obj); XDECREF(s->obj_type);
    obj_free(o);
}
static void super_traverse(Obj *o, visitproc_ visit, void *arg) {
    SuperObj *s = (SuperObj *)o;
    if (s->type) visit(OBJ(s->type), arg);
    if (s->obj) visit(s->obj, arg);
    if (s->obj_type) visit(OBJ(s->obj_type), arg);
}
static Obj *super_getattro(Obj *self, Obj *name) {
    SuperObj *s = (SuperObj *)self;
    if (!s->obj_type || !str_check(name) || name_eq(name, ID(__class__)))
        return obj_generic_getattr(self, name);
    Obj *mro = s->obj_type->mro;
    if (mro) {
        ssize_t n = TUPLE_SIZE(mro), i = 0;
        while (i < n && TUPLE_GET(mro, i) != OBJ(s->type)) i++;
        for (i++; i < n; i++) {
            TypeObj *b = (TypeObj *)TUPLE_GET(mro, i);
            if (!b->dict) continue;
            Obj *res = dict_getitem(b->dict, name);
            if (!res) continue;
            descrgetfunc f = TYPE(res)->descr_get;
            if (!f) return NEWREF(res);
            INCREF(res);
            Obj *r = f(res, s->obj == OBJ(s->obj_type) ? NULL : s->obj, OBJ(s->obj_type));
            DECREF(res);
            return r;
        }
    }
    return obj_generic_getattr(self, name);
}
static Obj *super_get(Obj *self, Obj *obj, Obj *type) {
    SuperObj *s = (SuperObj *)self;
    if (!obj || obj == None || s->obj) return NEWREF(self);
    Obj *a[2] = {OBJ(s->type), obj};
    return obj_call(OBJ(TYPE(self)), a, 2, NULL);
}
static Obj *super_repr(Obj *self) {
    SuperObj *s = (SuperObj *)self;
    const char *tn = s->type ? TP_NAME(s->type) : "NULL";
    if (s->obj_type) return str_from_format("<super: <class '%s'>, <%s object>>", tn, TP_NAME(s->obj_type));
    return str_from_format("<super: <class '%s'>, NULL>", tn);
}
static Obj *super_thisclass(Obj *o, void *c) { SuperObj *s = (SuperObj *)o; return NEWREF(s->type ? OBJ(s->type) : None); }
static Obj *super_self(Obj *o, void *c) { SuperObj *s = (SuperObj *)o; return NEWREF(s->obj ? s->obj : None); }
static Obj *super_selfclass(Obj *o, void *c) { SuperObj *s = (SuperObj *)o; return NEWREF(s->obj_type ? OBJ(s->obj_type) : None); }
static GetSetDef super_getset[] = {
    {"__thisclass__", super_thisclass, NULL, NULL, NULL},
    {"__self__", super_self, NULL, NULL, NULL},
    {"__self_class__", super_selfclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
TypeObj Super_Type = {
    TYPE_HEAD_INIT, .name = "super", .basicsize = sizeof(SuperObj),
    .flags = TF_GC | TF_BASETYPE, .dealloc = super_dealloc, .repr = super_repr,
    .getattr = super_getattro, .descr_get = super_get, .new_ = super_new, .init = super_init,
    .traverse = super_traverse, .getset = super_getset,
};
