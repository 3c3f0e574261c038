/* function.c — Python functions, bound methods and cells.
 * Calling a function (argument binding, frame creation) lives in core/eval_call.c. */
#include "gilpy.h"

/* ---------------------------------------------------------------------- */
/* functions */

Obj *func_new(Obj *code, Obj *globals, Obj *qualname)
{
    FuncObj *f = (FuncObj *)obj_alloc(&Function_Type, 0);
    if (!f) return NULL;
    CodeObj *co = (CodeObj *)code;
    f->code = NEWREF(code);
    f->globals = NEWREF(globals);
    f->builtins = NEWREF(eval_get_builtins() ? eval_get_builtins() : None);
    f->name = NEWREF(co->name);
    f->qualname = NEWREF(qualname ? qualname : co->qualname);
    Obj *doc = None;
    if (TUPLE_SIZE(co->consts) > 0 && (co->flags & CO_OPTIMIZED)) {
        Obj *d = TUPLE_GET(co->consts, 0);
        if (str_check(d)) doc = d;
    }
    f->doc = NEWREF(doc);
    Obj *mod = dict_check(globals) ? dict_getitem_str(globals, "__name__") : NULL;
    f->module = NEWREF(mod ? mod : None);
    return OBJ(f);
}

static int func_traverse_clear(Obj *o)
{
    FuncObj *f = (FuncObj *)o;
    CLEAR(f->code);
    CLEAR(f->globals);
    CLEAR(f->builtins);
    CLEAR(f->name);
    CLEAR(f->qualname);
    CLEAR(f->module);
    CLEAR(f->doc);
    CLEAR(f->defaults);
    CLEAR(f->kwdefaults);
    CLEAR(f->annotations);
    CLEAR(f->closure);
    CLEAR(f->dict);
    return 0;
}

static void func_dealloc(Obj *o)
{
    FuncObj *f = (FuncObj *)o;
    if (f->weakreflist) weakref_clear_all(o);
    func_traverse_clear(o);
    obj_free(o);
}

static void func_traverse(Obj *o, visitproc_ visit, void *arg)
{
    FuncObj *f = (FuncObj *)o;
    Obj *fields[] = { f->code, f->globals, f->builtins, f->name, f->qualname, f->module, f->doc,
                      f->defaults, f->kwdefaults, f->annotations, f->closure, f->dict };
    for (size_t i = 0; i < ARRAY_LEN(fields); i++)
        if (fields[i]) visit(fields[i], arg);
}

static Obj *func_repr(Obj *o)
{
    return str_from_format("<function %U at %p>", ((FuncObj *)o)->qualname, (void *)o);
}

static Obj *func_descr_get(Obj *descr, Obj *obj, Obj *type)
{
    if (!obj || obj == None) return NEWREF(descr);
    return method_new(descr, obj);
}

static Obj *func_get_name(Obj *o, void *c) { return NEWREF(((FuncObj *)o)->name); }
static int func_set_name(Obj *o, Obj *v, void *c)
{
    if (!v || !str_check(v)) {
        err_set_str(&Exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    SETREF(((FuncObj *)o)->name, NEWREF(v));
    return 0;
}
static Obj *func_get_qualname(Obj *o, void *c) { return NEWREF(((FuncObj *)o)->qualname); }
static int func_set_qualname(Obj *o, Obj *v, void *c)
{
    if (!v || !str_check(v)) {
        err_set_str(&Exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    SETREF(((FuncObj *)o)->qualname, NEWREF(v));
    return 0;
}
static Obj *func_get_defaults(Obj *o, void *c)
{
    FuncObj *f = (FuncObj *)o;
    return NEWREF(f->defaults ? f->defaults : None);
}
static int func_set_defaults(Obj *o, Obj *v, void *c)
{
    FuncObj *f = (FuncObj *)o;
    if (v == None) v = NULL;
    if (v && !tuple_check(v)) {
        err_set_str(&Exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    if (v && TUPLE_SIZE(v) == 0) v = NULL;
    XSETREF(f->defaults, XNEWREF(v));
    return 0;
}
static Obj *func_get_kwdefaults(Obj *o, void *c)
{
    FuncObj *f = (FuncObj *)o;
    return NEWREF(f->kwdefaults ? f->kwdefaults : None);
}
static int func_set_kwdefaults(Obj *o, Obj *v, void *c)
{
    FuncObj *f = (FuncObj *)o;
    if (v == None) v = NULL;
    if (v && !dict_check(v)) {
        err_set_str(&Exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    XSETREF(f->kwdefaults, XNEWREF(v));
    return 0;
}
static Obj *func_get_annotations(Obj *o, void *c)
{
    FuncObj *f = (FuncObj *)o;
    if (!f->annotations) {
        f->annotations = dict_new();
        if (!f->annotations) return NULL;
    }
    return NEWREF(f->annotations);
}
static int func_set_annotations(Obj *o, Obj *v, void *c)
{
    FuncObj *f = (FuncObj *)o;
    if (v == None) v = NULL;
    if (v && !dict_check(v)) {
        err_set_str(&Exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    XSETREF(f->annotations, XNEWREF(v));
    return 0;
}
static Obj *func_get_closure(Obj *o, void *c)
{
    FuncObj *f = (FuncObj *)o;
    return NEWREF(f->closure ? f->closure : None);
}
static Obj *func_get_code(Obj *o, void *c) { return NEWREF(((FuncObj *)o)->code); }
static int func_set_code(Obj *o, Obj *v, void *c)
{
    FuncObj *f = (FuncObj *)o;
    if (!v || TYPE(v) != &Code_Type) {
        err_set_str(&Exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    ssize_t nclosure = f->closure ? TUPLE_SIZE(f->closure) : 0;
    if (((CodeObj *)v)->nfree != nclosure) {
        err_format(&Exc_ValueError, "%U() requires a code object with %zd free vars, not %d",
                   f->name, nclosure, ((CodeObj *)v)->nfree);
        return -1;
    }
    SETREF(f->code, NEWREF(v));
    return 0;
}
static Obj *func_get_globals(Obj *o, void *c) { return NEWREF(((FuncObj *)o)->globals); }
static Obj *func_get_builtins(Obj *o, void *c) { return NEWREF(((FuncObj *)o)->builtins); }
static Obj *func_get_dict(Obj *o, void *c)
{
    FuncObj *f = (FuncObj *)o;
    if (!f->dict) {
        f->dict = dict_new();
        if (!f->dict) return NULL;
    }
    return NEWREF(f->dict);
}
static int func_set_dict(Obj *o, Obj *v, void *c)
{
    if (!v) {
        err_set_str(&Exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!dict_check(v)) {
        err_format(&Exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", v);
        return -1;
    }
    XSETREF(((FuncObj *)o)->dict, NEWREF(v));
    return 0;
}

static GetSetDef func_getset[] = {
    { "__name__", func_get_name, func_set_name, NULL, NULL },
    { "__qualname__", func_get_qualname, func_set_qualname, NULL, NULL },
    { "__defaults__", func_get_defaults, func_set_defaults, NULL, NULL },
    { "__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL },
    { "__annotations__", func_get_annotations, func_set_annotations, NULL, NULL },
    { "__closure__", func_get_closure, NULL, NULL, NULL },
    { "__code__", func_get_code, func_set_code, NULL, NULL },
    { "__globals__", func_get_globals, NULL, NULL, NULL },
    { "__builtins__", func_get_builtins, NULL, NULL, NULL },
    { "__dict__", func_get_dict, func_set_dict, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static MemberDef func_members[] = {
    { "__module__", MEMBER_OBJ, offsetof(FuncObj, module), 0, NULL },
    { "__doc__", MEMBER_OBJ, offsetof(FuncObj, doc), 0, NULL },
    { NULL, 0, 0, 0, NULL },
};

TypeObj Function_Type = {
    TYPE_HEAD_INIT,
    .name = "function",
    .basicsize = sizeof(FuncObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = func_dealloc,
    .repr = func_repr,
    .call = func_call,
    .descr_get = func_descr_get,
    .traverse = func_traverse,
    .clear = func_traverse_clear,
    .getset = func_getset,
    .members = func_members,
    .dictoffset = offsetof(FuncObj, dict),
    .weaklistoffset = offsetof(FuncObj, weakreflist),
};

/* ---------------------------------------------------------------------- */
/* bound methods */

Obj *method_new(Obj *func, Obj *self)
{
    MethodObj *m = (MethodObj *)obj_alloc(&Method_Type, 0);
    if (!m) return NULL;
    m->func = NEWREF(func);
    m->self = NEWREF(self);
    return OBJ(m);
}

static int method_clear(Obj *o)
{
    MethodObj *m = (MethodObj *)o;
    CLEAR(m->func);
    CLEAR(m->self);
    return 0;
}

static void method_dealloc(Obj *o)
{
    MethodObj *m = (MethodObj *)o;
    if (m->weakreflist) weakref_clear_all(o);
    method_clear(o);
    obj_free(o);
}

static void method_traverse(Obj *o, visitproc_ visit, void *arg)
{
    MethodObj *m = (MethodObj *)o;
    if (m->func) visit(m->func, arg);
    if (m->self) visit(m->self, arg);
}

static Obj *method_call(Obj *callable, Obj *const *args, size_t nargs, Obj *kwnames)
{
    MethodObj *m = (MethodObj *)callable;
    size_t total = nargs + (kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0);
    Obj *small[8];
    Obj **buf = small;
    if (total + 1 > ARRAY_LEN(small)) {
        buf = mem_alloc(sizeof(Obj *) * (total + 1));
        if (!buf) return NULL;
    }
    buf[0] = m->self;
    if (total) memcpy(buf + 1, args, sizeof(Obj *) * total);
    Obj *r = obj_call(m->func, buf, nargs + 1, kwnames);
    if (buf != small) mem_free(buf);
    return r;
}

static Obj *method_repr(Obj *o)
{
    MethodObj *m = (MethodObj *)o;
    Obj *name = NULL;
    if (obj_lookup_attr(m->func, str_intern_cstr("__qualname__"), &name) < 0) return NULL;
    if (!name && obj_lookup_attr(m->func, str_intern_cstr("__name__"), &name) < 0) return NULL;
    Obj *r;
    if (name && str_check(name)) r = str_from_format("<bound method %U of %R>", name, m->self);
    else r = str_from_format("<bound method ? of %R>", m->self);
    XDECREF(name);
    return r;
}

static Obj *method_getattr(Obj *o, Obj *name)
{
    MethodObj *m = (MethodObj *)o;
    Obj *descr = type_lookup(TYPE(o), name);
    if (descr) {
        descrgetfunc f = TYPE(descr)->descr_get;
        if (f) return f(descr, o, OBJ(TYPE(o)));
        return NEWREF(descr);
    }
    return obj_getattr(m->func, name);
}

static Obj *method_richcompare(Obj *a, Obj *b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || TYPE(a) != &Method_Type || TYPE(b) != &Method_Type)
        return NEWREF(NotImplemented);
    MethodObj *x = (MethodObj *)a, *y = (MethodObj *)b;
    int eq = x->self == y->self;
    if (eq) {
        eq = obj_richcompare_bool(x->func, y->func, CMP_EQ);
        if (eq < 0) return NULL;
    }
    return NEWREF(BOOL(op == CMP_EQ ? eq : !eq));
}

static hash_t method_hash(Obj *o)
{
    MethodObj *m = (MethodObj *)o;
    hash_t a = (hash_t)(((uintptr_t)m->self) >> 4);
    hash_t b = obj_hash(m->func);
    if (b == -1) return -1;
    hash_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static Obj *method_descr_get(Obj *descr, Obj *obj, Obj *type)
{
    return NEWREF(descr);
}

static Obj *method_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return err_set_str(&Exc_TypeError, "cannot pickle 'method' object");
}

static MethodDef method_methods[] = {
    { "__reduce__", method_reduce, 0, NULL },
    { NULL, NULL, 0, NULL },
};

static MemberDef method_members[] = {
    { "__func__", MEMBER_OBJ, offsetof(MethodObj, func), 1, NULL },
    { "__self__", MEMBER_OBJ, offsetof(MethodObj, self), 1, NULL },
    { NULL, 0, 0, 0, NULL },
};

static Obj *method_get_doc(Obj *o, void *c)
{
    return obj_getattr_str(((MethodObj *)o)->func, "__doc__");
}

static GetSetDef method_getset[] = {
    { "__doc__", method_get_doc, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

/* method(function, instance): types.MethodType */
static Obj *method_type_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_SIZE(kwnames) > 0)
        return err_format(&Exc_TypeError, "method() takes no keyword arguments");
    if (nargs != 2)
        return err_format(&Exc_TypeError, "method expected 2 arguments, got %zd", (ssize_t)nargs);
    if (!obj_callable(args[0])) return err_format(&Exc_TypeError, "first argument must be callable");
    if (args[1] == None) return err_format(&Exc_TypeError, "instance must not be None");
    return method_new(args[0], args[1]);
}

TypeObj Method_Type = {
    TYPE_HEAD_INIT,
    .name = "method",
    .basicsize = sizeof(MethodObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = method_dealloc,
    .repr = method_repr,
    .call = method_call,
    .new_ = method_type_new,
    .getattr = method_getattr,
    .richcompare = method_richcompare,
    .hash = method_hash,
    .descr_get = method_descr_get,
    .traverse = method_traverse,
    .clear = method_clear,
    .methods = method_methods,
    .members = method_members,
    .getset = method_getset,
    .weaklistoffset = offsetof(MethodObj, weakreflist),
};

/* ---------------------------------------------------------------------- */
/* cells */

Obj *cell_new(Obj *value)
{
    CellObj *c = (CellObj *)obj_alloc(&Cell_Type, 0);
    if (!c) return NULL;
    c->ref = XNEWREF(value);
    return OBJ(c);
}

static int cell_clear(Obj *o)
{
    CLEAR(((CellObj *)o)->ref);
    return 0;
}

static void cell_dealloc(Obj *o)
{
    cell_clear(o);
    obj_free(o);
}

static void cell_traverse(Obj *o, visitproc_ visit, void *arg)
{
    if (((CellObj *)o)->ref) visit(((CellObj *)o)->ref, arg);
}

static Obj *cell_repr(Obj *o)
{
    Obj *v = ((CellObj *)o)->ref;
    if (!v) return str_from_format("<cell at %p: empty>", (void *)o);
    return str_from_format("<cell at %p: %s object at %p>", (void *)o, type_name(TYPE(v)), (void *)v);
}

static Obj *cell_get_contents(Obj *o, void *c)
{
    Obj *v = ((CellObj *)o)->ref;
    if (!v) return err_set_str(&Exc_ValueError, "Cell is empty");
    return NEWREF(v);
}

static int cell_set_contents(Obj *o, Obj *v, void *c)
{
    XSETREF(((CellObj *)o)->ref, XNEWREF(v));
    return 0;
}

static Obj *cell_richcompare(Obj *a, Obj *b, int op)
{
    if (TYPE(a) != &Cell_Type || TYPE(b) != &Cell_Type) return NEWREF(NotImplemented);
    Obj *x = ((CellObj *)a)->ref, *y = ((CellObj *)b)->ref;
    if (x && y) return obj_richcompare(x, y, op);
    int cx = x != NULL, cy = y != NULL;
    bool r;
    switch (op) {
    case CMP_EQ: r = cx == cy; break;
    case CMP_NE: r = cx != cy; break;
    case CMP_LT: r = cx < cy; break;
    case CMP_LE: r = cx <= cy; break;
    case CMP_GT: r = cx > cy; break;
    default: r = cx >= cy; break;
    }
    return NEWREF(BOOL(r));
}

static GetSetDef cell_getset[] = {
    { "cell_contents", cell_get_contents, cell_set_contents, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

TypeObj Cell_Type = {
    TYPE_HEAD_INIT,
    .name = "cell",
    .basicsize = sizeof(CellObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .richcompare = cell_richcompare,
    .hash = hash_not_implemented,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .getset = cell_getset,
};
