/* _weakref.c — the `_weakref` module.  OWNER: TYPES. */
#include "gilpy.h"

ssize_t weakref_count(Obj *o);
Obj *weakref_list(Obj *o);

static Obj *m_getweakrefcount(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("getweakrefcount", nargs, 1, 1) < 0) return NULL;
    return int_from_ssize(weakref_count(args[0]));
}
static Obj *m_getweakrefs(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("getweakrefs", nargs, 1, 1) < 0) return NULL;
    return weakref_list(args[0]);
}
static Obj *m_remove_dead_weakref(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("_remove_dead_weakref", nargs, 2, 2) < 0) return NULL;
    Obj *d = args[0], *key = args[1];
    Obj *v = dict_getitem(d, key);
    if (v) {
        Obj *t = obj_call0(v);
        if (!t) return NULL;
        if (t == None && dict_delitem(d, key) < 0) { DECREF(t); return NULL; }
        DECREF(t);
    } else if (err_occurred()) return NULL;
    RETURN_NONE;
}
Obj *weakref_proxy_new(Obj *target, Obj *callback);
extern TypeObj WeakProxy_Type, WeakCallableProxy_Type;
static Obj *m_proxy(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("proxy", kw) < 0) return NULL;
    if (args_count("proxy", nargs, 1, 2) < 0) return NULL;
    return weakref_proxy_new(args[0], nargs > 1 ? args[1] : NULL);
}
static MethodDef weakref_methods[] = {
    {"proxy", m_proxy, 0, "Create a proxy object that weakly references 'object'."},
    {"getweakrefcount", m_getweakrefcount, 0, "Return the number of weak references to 'object'."},
    {"getweakrefs", m_getweakrefs, 0, "Return a list of all weak reference objects pointing to 'object'."},
    {"_remove_dead_weakref", m_remove_dead_weakref, 0, NULL},
    {NULL, NULL, 0, NULL}
};

Obj *module_init__weakref(void);
Obj *module_init__weakref(void) {
    Obj *m = module_new("_weakref");
    if (!m) return NULL;
    if (module_add_functions(m, weakref_methods) < 0) goto fail;
    if (module_add_type(m, &WeakRef_Type) < 0) goto fail;
    if (module_add_type(m, &WeakProxy_Type) < 0 || module_add_type(m, &WeakCallableProxy_Type) < 0) goto fail;
    INCREF(&WeakRef_Type);
    if (module_add(m, "ref", OBJ(&WeakRef_Type)) < 0) goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
