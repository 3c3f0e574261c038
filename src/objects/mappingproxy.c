/* mappingproxy.c — read-only view of a mapping (type.__dict__,
 * types.MappingProxyType).  OWNER: TYPES. */
#include "gilpy.h"
#include "objects/typeobj.h"

typedef struct { OBJ_HEAD; Obj *mapping; } MappingProxyObj;
#define MP(o) (((MappingProxyObj *)(o))->mapping)

Obj *mappingproxy_new(Obj *mapping);
Obj *mappingproxy_new(Obj *mapping) {
    MappingProxyObj *p = (MappingProxyObj *)obj_alloc(&MappingProxy_Type, 0);
    if (!p) return NULL;
    p->mapping = NEWREF(mapping);
    return OBJ(p);
}
static Obj *mp_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) {
    static const char *const names[] = {"mapping"};
    Obj *a[1];
    if (args_parse("mappingproxy", args, nargs, kw, names, 1, 1, 1, a) < 0) return NULL;
    Obj *m = a[0];
    if (!TYPE(m)->getitem || list_check(m) || tuple_check(m))
        return err_format(&Exc_TypeError, "mappingproxy() argument must be a mapping, not %s", TP_NAME(TYPE(m)));
    return mappingproxy_new(m);
}
static void mp_dealloc(Obj *o) { XDECREF(MP(o)); obj_free(o); }
static void mp_traverse(Obj *o, visitproc_ visit, void *arg) { if (MP(o)) visit(MP(o), arg); }
static Obj *mp_getitem(Obj *o, Obj *k) { return obj_getitem(MP(o), k); }
static ssize_t mp_len(Obj *o) { return obj_len(MP(o)); }
static int mp_contains(Obj *o, Obj *k) {
    if (dict_check(MP(o))) return dict_contains(MP(o), k);
    return obj_contains(MP(o), k);
}
static Obj *mp_iter(Obj *o) { return obj_iter(MP(o)); }
static Obj *mp_repr(Obj *o) { return str_from_format("mappingproxy(%R)", MP(o)); }
static Obj *mp_str(Obj *o) { return obj_str(MP(o)); }
static Obj *mp_richcompare(Obj *a, Obj *b, int op) { return obj_richcompare(MP(a), b, op); }
static Obj *mp_or(Obj *a, Obj *b) {
    if (!IS_SMALLINT(a) && TYPE(a) == &MappingProxy_Type) a = MP(a);
    if (!IS_SMALLINT(b) && TYPE(b) == &MappingProxy_Type) b = MP(b);
    return obj_binop(a, b, NB_OR);
}
static Obj *mp_ior(Obj *a, Obj *b) {
    return err_format(&Exc_TypeError, "'|=' is not supported by %s; use '|' instead", TP_NAME(TYPE(a)));
}
static Obj *fwd(Obj *self, const char *name, Obj *const *args, size_t nargs) {
    return obj_call_method(MP(self), name, args, nargs);
}
static Obj *mp_get(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("get", nargs, 1, 2) < 0) return NULL;
    return fwd(self, "get", args, nargs);
}
static Obj *mp_keys(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return fwd(self, "keys", NULL, 0); }
static Obj *mp_values(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return fwd(self, "values", NULL, 0); }
static Obj *mp_items(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return fwd(self, "items", NULL, 0); }
static Obj *mp_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return fwd(self, "copy", NULL, 0); }
static Obj *mp_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return fwd(self, "__reversed__", NULL, 0); }
static MethodDef mp_methods[] = {
    {"get", mp_get, 0, NULL},
    {"keys", mp_keys, 0, NULL},
    {"values", mp_values, 0, NULL},
    {"items", mp_items, 0, NULL},
    {"copy", mp_copy, 0, NULL},
    {"__reversed__", mp_reversed, 0, NULL},
    {NULL, NULL, 0, NULL}
};
TypeObj MappingProxy_Type = {
    TYPE_HEAD_INIT, .name = "mappingproxy", .basicsize = sizeof(MappingProxyObj),
    .flags = TF_GC, .dealloc = mp_dealloc, .repr = mp_repr, .str = mp_str,
    .richcompare = mp_richcompare, .iter = mp_iter, .new_ = mp_new,
    .nb = {[NB_OR] = mp_or}, .nb_inplace = {[NB_OR] = mp_ior},
    .len = mp_len, .getitem = mp_getitem, .contains = mp_contains,
    .traverse = mp_traverse, .methods = mp_methods,
};
