/* module.c — module objects.
 *
 * A module is a namespace dict plus its name.  Attribute access goes to the
 * dict first (the hot path: `math.sqrt`), then to the type (for __class__,
 * __dict__, __repr__ ...), then to a module-level __getattr__ (PEP 562).
 *
 * For Python source modules, core/import.c sets `state` to MODULE_INITIALIZING
 * while the module body runs, so "partially initialized module" errors can be
 * reported like CPython's.
 */
#include "gilpy.h"

Obj *module_new(const char *name)
{
    ModuleObj *m = (ModuleObj *)obj_alloc(&Module_Type, 0);
    if (!m) return NULL;
    m->dict = dict_new();
    m->name = str_from_cstr(name);
    if (!m->dict || !m->name) { DECREF(m); return NULL; }
    if (dict_setitem_str(m->dict, "__name__", m->name) < 0 ||
        dict_setitem_str(m->dict, "__doc__", None) < 0 ||
        dict_setitem_str(m->dict, "__package__", None) < 0 ||
        dict_setitem_str(m->dict, "__loader__", None) < 0 ||
        dict_setitem_str(m->dict, "__spec__", None) < 0) {
        DECREF(m);
        return NULL;
    }
    return OBJ(m);
}

Obj *module_get_dict(Obj *m)
{
    return ((ModuleObj *)m)->dict;
}

int module_add(Obj *m, const char *name, Obj *value)
{
    if (!value) return -1;
    int r = dict_setitem_str(((ModuleObj *)m)->dict, name, value);
    DECREF(value);
    return r;
}

int module_add_int(Obj *m, const char *name, long long v)
{
    return module_add(m, name, int_from_long(v));
}

int module_add_str(Obj *m, const char *name, const char *v)
{
    return module_add(m, name, str_from_cstr(v));
}

int module_add_functions(Obj *m, MethodDef *defs)
{
    for (; defs && defs->name; defs++) {
        Obj *f = cfunc_new(defs, m);
        if (module_add(m, defs->name, f) < 0) return -1;
    }
    return 0;
}

int module_add_type(Obj *m, TypeObj *t)
{
    if (!(t->flags & TF_READY) && type_ready(t) < 0) return -1;
    const char *n = type_name(t);
    INCREF(t);
    return module_add(m, n, OBJ(t));
}

/* ---- slots ------------------------------------------------------------- */

static Obj *module_name_obj(ModuleObj *m)
{
    Obj *n = dict_getitem_str(m->dict, "__name__");
    if (n && str_check(n)) return n;
    return NULL;
}

static void module_dealloc(Obj *self)
{
    ModuleObj *m = (ModuleObj *)self;
    CLEAR(m->dict);
    CLEAR(m->name);
    obj_free(self);
}

static void module_traverse(Obj *self, visitproc_ visit, void *arg)
{
    ModuleObj *m = (ModuleObj *)self;
    if (m->dict) visit(m->dict, arg);
    if (m->name) visit(m->name, arg);
}

static int module_clear(Obj *self)
{
    ModuleObj *m = (ModuleObj *)self;
    CLEAR(m->dict);
    return 0;
}

bool import_is_builtin_name(Obj *name);   /* core/import.c */

static Obj *module_repr(Obj *self)
{
    ModuleObj *m = (ModuleObj *)self;
    Obj *name = m->dict ? module_name_obj(m) : NULL;
    if (!name) name = m->name ? m->name : NULL;
    Obj *file = m->dict ? dict_getitem_str(m->dict, "__file__") : NULL;
    if (name == NULL) {
        if (file && str_check(file)) return str_from_format("<module '?' from %R>", file);
        return str_from_cstr("<module '?'>");
    }
    if (file && str_check(file)) return str_from_format("<module %R from %R>", name, file);
    if (m->dict) {
        Obj *path = dict_getitem_str(m->dict, "__path__");
        if (path && file == NULL && list_check(path))
            return str_from_format("<module %R (namespace)>", name);
    }
    if (import_is_builtin_name(name)) return str_from_format("<module %R (built-in)>", name);
    return str_from_format("<module %R>", name);
}

static Obj *module_getattro(Obj *self, Obj *name)
{
    ModuleObj *m = (ModuleObj *)self;
    if (m->dict) {
        Obj *v = dict_getitem(m->dict, name);
        if (v) return NEWREF(v);
        if (err_occurred()) return NULL;
    }
    Obj *r = obj_generic_getattr(self, name);
    if (r || !err_matches(&Exc_AttributeError)) return r;
    if (m->dict) {
        Obj *ga = dict_getitem_str(m->dict, "__getattr__");
        if (ga) {
            err_clear();
            return obj_call1(ga, name);
        }
    }
    err_clear();
    Obj *mname = m->dict ? module_name_obj(m) : NULL;
    if (mname) {
        if (m->state == (void *)1)
            return err_format(&Exc_AttributeError,
                              "partially initialized module '%U' has no attribute '%U' "
                              "(most likely due to a circular import)", mname, name);
        return err_format(&Exc_AttributeError, "module '%U' has no attribute '%U'", mname, name);
    }
    return err_format(&Exc_AttributeError, "module has no attribute '%U'", name);
}

static int module_setattro(Obj *self, Obj *name, Obj *value)
{
    ModuleObj *m = (ModuleObj *)self;
    if (str_check(name) && str_eq_cstr(name, "__dict__"))
        return obj_generic_setattr(self, name, value);
    if (!m->dict) return obj_generic_setattr(self, name, value);
    if (value) return dict_setitem(m->dict, name, value);
    int has = dict_contains(m->dict, name);
    if (has < 0) return -1;
    if (!has) {
        err_format(&Exc_AttributeError, "'module' object has no attribute '%U'", name);
        return -1;
    }
    return dict_delitem(m->dict, name);
}

static Obj *module_tp_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"name", "doc"};
    Obj *a[2];
    if (args_parse("module", args, nargs, kwnames, names, 2, 1, 2, a) < 0) return NULL;
    if (!str_check(a[0]))
        return err_format(&Exc_TypeError, "module.__init__() argument 'name' must be str, not %T", a[0]);
    ModuleObj *m = (ModuleObj *)type_generic_alloc(type, 0);
    if (!m) return NULL;
    m->dict = dict_new();
    m->name = NEWREF(a[0]);
    if (!m->dict || dict_setitem_str(m->dict, "__name__", a[0]) < 0 ||
        dict_setitem_str(m->dict, "__doc__", a[1] ? a[1] : None) < 0 ||
        dict_setitem_str(m->dict, "__package__", None) < 0 ||
        dict_setitem_str(m->dict, "__loader__", None) < 0 ||
        dict_setitem_str(m->dict, "__spec__", None) < 0) {
        DECREF(m);
        return NULL;
    }
    return OBJ(m);
}

static int module_tp_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return 0;
}

static Obj *module_dir(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ModuleObj *m = (ModuleObj *)self;
    if (!m->dict) return list_new(0);
    Obj *d = dict_getitem_str(m->dict, "__dir__");
    if (d) return obj_call0(d);
    return dict_keys_list(m->dict);
}

static Obj *module_get_dict_attr(Obj *self, void *closure)
{
    ModuleObj *m = (ModuleObj *)self;
    if (!m->dict) {
        m->dict = dict_new();
        if (!m->dict) return NULL;
    }
    return NEWREF(m->dict);
}

static MethodDef module_methods[] = {
    {"__dir__", module_dir, 0, "Return the list of names in the module."},
    {NULL}
};

static GetSetDef module_getset[] = {
    {"__dict__", module_get_dict_attr, NULL, "module namespace", NULL},
    {NULL}
};

TypeObj Module_Type = {
    TYPE_HEAD_INIT,
    .name = "module",
    .basicsize = sizeof(ModuleObj),
    .flags = TF_BASETYPE | TF_GC,
    .doc = "Create a module object.",
    .dealloc = module_dealloc,
    .repr = module_repr,
    .getattr = module_getattro,
    .setattr = module_setattro,
    .new_ = module_tp_new,
    .init = module_tp_init,
    .traverse = module_traverse,
    .clear = module_clear,
    .methods = module_methods,
    .getset = module_getset,
    .dictoffset = offsetof(ModuleObj, dict),
};
