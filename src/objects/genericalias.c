/* genericalias.c — types.GenericAlias (`list[int]`) and types.UnionType
 * (`int | str`).  OWNER: TYPES. */
#include "gilpy.h"
#include "objects/typeobj.h"

typedef struct { OBJ_HEAD; Obj *origin; Obj *args; Obj *params; } GenericAliasObj;
typedef struct { OBJ_HEAD; Obj *args; } UnionObj;

static bool is_type(Obj *o) { return !IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_TYPE_SUBCLASS); }

Obj *generic_alias_new(Obj *origin, Obj *args) {
    GenericAliasObj *g = (GenericAliasObj *)obj_alloc(&GenericAlias_Type, 0);
    if (!g) return NULL;
    g->origin = NEWREF(origin);
    g->args = tuple_check(args) ? NEWREF(args) : tuple_pack(1, args);
    if (!g->args) { DECREF(g); return NULL; }
    g->params = tuple_new(0);
    return OBJ(g);
}

static void ga_dealloc(Obj *o) {
    GenericAliasObj *g = (GenericAliasObj *)o;
    XDECREF(g->origin); XDECREF(g->args); XDECREF(g->params);
    obj_free(o);
}
static void ga_traverse(Obj *o, visitproc_ visit, void *arg) {
    GenericAliasObj *g = (GenericAliasObj *)o;
    if (g->origin) visit(g->origin, arg);
    if (g->args) visit(g->args, arg);
    if (g->params) visit(g->params, arg);
}

/* repr of one type argument, typing-style */
static int repr_item(StrBuilder *sb, Obj *p) {
    if (p == Ellipsis) return sb_append_cstr(sb, "...");
    if (TYPE(p) == &GenericAlias_Type) {
        Obj *r = obj_repr(p);
        if (!r) return -1;
        int k = sb_append_str(sb, r);
        DECREF(r);
        return k;
    }
    Obj *qn, *mod;
    int r1 = obj_lookup_attr(p, ID(__origin__), &qn);
    if (r1 < 0) return -1;
    if (r1 > 0) {
        DECREF(qn);
        Obj *r = obj_repr(p);
        if (!r) return -1;
        int k = sb_append_str(sb, r);
        DECREF(r);
        return k;
    }
    r1 = obj_lookup_attr(p, ID(__qualname__), &qn);
    if (r1 < 0) return -1;
    int r2 = r1 > 0 ? obj_lookup_attr(p, ID(__module__), &mod) : 0;
    if (r2 < 0) { XDECREF(qn); return -1; }
    int k;
    if (r1 > 0 && r2 > 0 && str_check(qn) && str_check(mod)) {
        if (str_eq_cstr(mod, "builtins")) k = sb_append_str(sb, qn);
        else {
            Obj *s = str_from_format("%U.%U", mod, qn);
            k = s ? sb_append_str(sb, s) : -1;
            XDECREF(s);
        }
    } else {
        Obj *r = obj_repr(p);
        k = r ? sb_append_str(sb, r) : -1;
        XDECREF(r);
    }
    if (r1 > 0) XDECREF(qn);
    if (r2 > 0) XDECREF(mod);
    return k;
}

static Obj *ga_repr(Obj *o) {
    GenericAliasObj *g = (GenericAliasObj *)o;
    StrBuilder sb;
    sb_init(&sb);
    if (repr_item(&sb, g->origin) < 0) goto fail;
    sb_append_cstr(&sb, "[");
    if (TUPLE_SIZE(g->args) == 0) sb_append_cstr(&sb, "()");
    for (ssize_t i = 0; i < TUPLE_SIZE(g->args); i++) {
        if (i) sb_append_cstr(&sb, ", ");
        Obj *a = TUPLE_GET(g->args, i);
        if (list_check(a)) {
            sb_append_cstr(&sb, "[");
            for (ssize_t j = 0; j < LIST_SIZE(a); j++) {
                if (j) sb_append_cstr(&sb, ", ");
                if (repr_item(&sb, LIST_ITEMS(a)[j]) < 0) goto fail;
            }
            sb_append_cstr(&sb, "]");
        } else if (repr_item(&sb, a) < 0) goto fail;
    }
    sb_append_cstr(&sb, "]");
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

static Obj *ga_call(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    GenericAliasObj *g = (GenericAliasObj *)self;
    Obj *r = obj_call(g->origin, args, nargs, kw);
    if (!r) return NULL;
    if (obj_setattr_str(r, "__orig_class__", self) < 0) {
        if (err_matches(&Exc_AttributeError) || err_matches(&Exc_TypeError)) err_clear();
        else { DECREF(r); return NULL; }
    }
    return r;
}

static const char *const ga_own_attrs[] = {
    "__origin__", "__args__", "__parameters__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", "__class__", "__unpacked__", "__typing_unpacked_tuple_args__", NULL
};
static Obj *ga_getattro(Obj *self, Obj *name) {
    GenericAliasObj *g = (GenericAliasObj *)self;
    if (str_check(name)) {
        bool own = false;
        for (int i = 0; ga_own_attrs[i]; i++) if (str_eq_cstr(name, ga_own_attrs[i])) own = true;
        const char *s = STR_DATA(name);
        bool dunder = STR_SIZE(name) > 4 && s[0] == '_' && s[1] == '_';
        if (!own && !dunder) return obj_getattr(g->origin, name);
    }
    return obj_generic_getattr(self, name);
}

static Obj *ga_richcompare(Obj *a, Obj *b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || TYPE(b) != &GenericAlias_Type) RETURN_NOTIMPL;
    GenericAliasObj *x = (GenericAliasObj *)a, *y = (GenericAliasObj *)b;
    int eq = obj_richcompare_bool(x->origin, y->origin, CMP_EQ);
    if (eq < 0) return NULL;
    if (eq) { eq = obj_richcompare_bool(x->args, y->args, CMP_EQ); if (eq < 0) return NULL; }
    RETURN_BOOL(op == CMP_EQ ? eq : !eq);
}
static hash_t ga_hash(Obj *o) {
    GenericAliasObj *g = (GenericAliasObj *)o;
    hash_t a = obj_hash(g->origin);
    if (a == -1) return -1;
    hash_t b = obj_hash(g->args);
    if (b == -1) return -1;
    hash_t h = a ^ b;
    return h == -1 ? -2 : h;
}
static Obj *ga_mro_entries(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    return tuple_pack(1, ((GenericAliasObj *)self)->origin);
}
static Obj *ga_instancecheck(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    return err_set_str(&Exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}
static Obj *ga_subclasscheck(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    return err_set_str(&Exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}
static Obj *ga_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    GenericAliasObj *g = (GenericAliasObj *)self;
    Obj *a = tuple_pack(2, g->origin, g->args);
    if (!a) return NULL;
    Obj *r = tuple_pack(2, OBJ(TYPE(self)), a);
    DECREF(a);
    return r;
}
static Obj *ga_getitem(Obj *self, Obj *key) {
    return err_format(&Exc_TypeError, "%R is not a generic class", self);
}
static Obj *ga_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("GenericAlias", kw) < 0) return NULL;
    if (args_count("GenericAlias", nargs, 2, 2) < 0) return NULL;
    return generic_alias_new(args[0], args[1]);
}
Obj *union_new(Obj *a, Obj *b);
static Obj *ga_or(Obj *a, Obj *b) {
    bool ok_a = a == None || is_type(a) || TYPE(a) == &GenericAlias_Type || !strcmp(TYPE(a)->name, "types.UnionType");
    bool ok_b = b == None || is_type(b) || TYPE(b) == &GenericAlias_Type || !strcmp(TYPE(b)->name, "types.UnionType");
    if (!ok_a || !ok_b) RETURN_NOTIMPL;
    return union_new(a, b);
}
static Obj *ga_origin(Obj *o, void *c) { return NEWREF(((GenericAliasObj *)o)->origin); }
static Obj *ga_args(Obj *o, void *c) { return NEWREF(((GenericAliasObj *)o)->args); }
static Obj *ga_params(Obj *o, void *c) { return NEWREF(((GenericAliasObj *)o)->params); }
static GetSetDef ga_getset[] = {
    {"__origin__", ga_origin, NULL, NULL, NULL},
    {"__args__", ga_args, NULL, NULL, NULL},
    {"__parameters__", ga_params, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
static MethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, 0, NULL},
    {"__instancecheck__", ga_instancecheck, 0, NULL},
    {"__subclasscheck__", ga_subclasscheck, 0, NULL},
    {"__reduce__", ga_reduce, 0, NULL},
    {NULL, NULL, 0, NULL}
};
TypeObj GenericAlias_Type = {
    TYPE_HEAD_INIT, .name = "types.GenericAlias", .basicsize = sizeof(GenericAliasObj),
    .flags = TF_GC | TF_BASETYPE, .dealloc = ga_dealloc, .repr = ga_repr, .call = ga_call,
    .getattr = ga_getattro, .richcompare = ga_richcompare, .hash = ga_hash, .new_ = ga_new,
    .getitem = ga_getitem, .nb = {[NB_OR] = ga_or},
    .traverse = ga_traverse, .getset = ga_getset, .methods = ga_methods,
};

/* ---- UnionType --------------------------------------------------------- */
static bool is_union_obj(Obj *o) { return !IS_SMALLINT(o) && TYPE(o) == &Union_Type_; }
TypeObj Union_Type_;

static int add_arg(Obj *l, Obj *a) {
    if (is_union_obj(a)) {
        Obj *args = ((UnionObj *)a)->args;
        for (ssize_t i = 0; i < TUPLE_SIZE(args); i++)
            if (add_arg(l, TUPLE_GET(args, i)) < 0) return -1;
        return 0;
    }
    if (a == None) a = OBJ(&NoneType_Type);
    for (ssize_t i = 0; i < LIST_SIZE(l); i++) {
        Obj *x = LIST_ITEMS(l)[i];
        if (x == a) return 0;
        if (TYPE(x) == &GenericAlias_Type && TYPE(a) == &GenericAlias_Type) {
            int eq = obj_richcompare_bool(x, a, CMP_EQ);
            if (eq < 0) return -1;
            if (eq) return 0;
        }
    }
    return list_append(l, a);
}

Obj *union_new(Obj *a, Obj *b) {
    Obj *l = list_new(0);
    if (!l) return NULL;
    if (add_arg(l, a) < 0 || add_arg(l, b) < 0) { DECREF(l); return NULL; }
    if (LIST_SIZE(l) == 1) {
        Obj *r = NEWREF(LIST_ITEMS(l)[0]);
        DECREF(l);
        return r;
    }
    UnionObj *u = (UnionObj *)obj_alloc(&Union_Type_, 0);
    if (!u) { DECREF(l); return NULL; }
    u->args = list_as_tuple(l);
    DECREF(l);
    if (!u->args) { DECREF(u); return NULL; }
    return OBJ(u);
}
static void union_dealloc(Obj *o) { XDECREF(((UnionObj *)o)->args); obj_free(o); }
static void union_traverse(Obj *o, visitproc_ visit, void *arg) {
    UnionObj *u = (UnionObj *)o;
    if (u->args) visit(u->args, arg);
}
static Obj *union_repr(Obj *o) {
    UnionObj *u = (UnionObj *)o;
    StrBuilder sb;
    sb_init(&sb);
    for (ssize_t i = 0; i < TUPLE_SIZE(u->args); i++) {
        if (i) sb_append_cstr(&sb, " | ");
        Obj *a = TUPLE_GET(u->args, i);
        if (a == OBJ(&NoneType_Type)) { sb_append_cstr(&sb, "None"); continue; }
        if (repr_item(&sb, a) < 0) { sb_discard(&sb); return NULL; }
    }
    return sb_finish(&sb);
}
static Obj *union_richcompare(Obj *a, Obj *b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || !is_union_obj(b)) RETURN_NOTIMPL;
    Obj *x = ((UnionObj *)a)->args, *y = ((UnionObj *)b)->args;
    int eq = TUPLE_SIZE(x) == TUPLE_SIZE(y);
    for (ssize_t i = 0; eq && i < TUPLE_SIZE(x); i++) {
        int found = 0;
        for (ssize_t j = 0; j < TUPLE_SIZE(y) && !found; j++) {
            found = obj_richcompare_bool(TUPLE_GET(x, i), TUPLE_GET(y, j), CMP_EQ);
            if (found < 0) return NULL;
        }
        eq = found;
    }
    RETURN_BOOL(op == CMP_EQ ? eq : !eq);
}
static hash_t union_hash(Obj *o) {
    Obj *args = ((UnionObj *)o)->args;
    hash_t h = 0x345678;
    for (ssize_t i = 0; i < TUPLE_SIZE(args); i++) {
        hash_t x = obj_hash(TUPLE_GET(args, i));
        if (x == -1) return -1;
        h ^= x;
    }
    return h == -1 ? -2 : h;
}
static Obj *union_args(Obj *o, void *c) { return NEWREF(((UnionObj *)o)->args); }
static Obj *union_params(Obj *o, void *c) { return tuple_new(0); }
static GetSetDef union_getset[] = {
    {"__args__", union_args, NULL, NULL, NULL},
    {"__parameters__", union_params, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
TypeObj Union_Type_ = {
    TYPE_HEAD_INIT, .name = "types.UnionType", .basicsize = sizeof(UnionObj),
    .flags = TF_GC, .dealloc = union_dealloc, .repr = union_repr,
    .richcompare = union_richcompare, .hash = union_hash, .nb = {[NB_OR] = ga_or},
    .traverse = union_traverse, .getset = union_getset,
};

/* __class_getitem__ for builtin generic containers (added by type_ready). */
static Obj *class_getitem(Obj *cls, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("__class_getitem__", nargs, 1, 1) < 0) return NULL;
    return generic_alias_new(cls, args[0]);
}
MethodDef genericalias_class_getitem_def = {"__class_getitem__", class_getitem, METH_CLASS,
                                            "See PEP 585"};
