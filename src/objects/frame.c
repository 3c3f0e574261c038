/* frame.c — frame objects.  A Frame is both the VM's activation record and
 * the Python-visible frame object (f_locals, f_lineno ...): one allocation
 * per call holding locals, cells, free variables and the value stack. */
#include "gilpy.h"

/* Frame freelist: a finished frame nobody else references (refcount 1, held
 * by the caller) is emptied and parked here, still alive, instead of being
 * freed; frame_new() reuses it without touching the allocator.  Buckets by
 * slot count; per-thread so no locking is needed. */
#define FRAME_FL_SIZES 48
#define FRAME_FL_DEPTH 8
static _Thread_local Frame *frame_fl[FRAME_FL_SIZES];
static _Thread_local int frame_fl_n[FRAME_FL_SIZES];

void frame_release(Frame *f)
{
    if (REFCNT(OBJ(f)) != 1 || f->size >= FRAME_FL_SIZES || frame_fl_n[f->size] >= FRAME_FL_DEPTH || f->gen) {
        DECREF(f);
        return;
    }
    frame_clear_locals(f);
    /* stale value-stack slots must not look like bound locals to the next user */
    memset(f->localsplus, 0, sizeof(Obj *) * (size_t)f->size);
    CLEAR(f->locals);
    CLEAR(f->func);
    CLEAR(f->trace);
    CLEAR(f->code);
    CLEAR(f->globals);
    CLEAR(f->builtins);
    f->back = frame_fl[f->size];
    frame_fl[f->size] = f;
    frame_fl_n[f->size]++;
}

Frame *frame_new(Obj *code, Obj *globals, Obj *builtins, Obj *locals)
{
    CodeObj *co = (CodeObj *)code;
    int size = co->nlocalsplus + co->stacksize;
    Frame *f;
    if (size < FRAME_FL_SIZES && frame_fl[size]) {
        f = frame_fl[size];
        frame_fl[size] = f->back;
        frame_fl_n[size]--;
        f->back = NULL;
        f->state = FRAME_CREATED;
        f->next = 0;
        f->stacktop = 0;
        f->nblocks = 0;
    } else {
        f = (Frame *)obj_alloc(&Frame_Type, size);
        if (!f) return NULL;
    }
    f->code = NEWREF(code);
    f->globals = NEWREF(globals);
    f->builtins = NEWREF(builtins ? builtins : None);
    f->locals = XNEWREF(locals);
    f->nlocalsplus = co->nlocalsplus;
    f->size = size;
    f->lasti = -1;
    return f;
}

void frame_clear_locals(Frame *f)
{
    int n = f->nlocalsplus + f->stacktop;
    for (int i = 0; i < n; i++) CLEAR(f->localsplus[i]);
    f->stacktop = 0;
}

static int frame_clear(Obj *o)
{
    Frame *f = (Frame *)o;
    frame_clear_locals(f);
    CLEAR(f->locals);
    CLEAR(f->func);
    CLEAR(f->trace);
    return 0;
}

static void frame_dealloc(Obj *o)
{
    Frame *f = (Frame *)o;
    frame_clear(o);
    CLEAR(f->code);
    CLEAR(f->globals);
    CLEAR(f->builtins);
    obj_free(o);
}

static void frame_traverse(Obj *o, visitproc_ visit, void *arg)
{
    Frame *f = (Frame *)o;
    if (f->code) visit(f->code, arg);
    if (f->globals) visit(f->globals, arg);
    if (f->builtins) visit(f->builtins, arg);
    if (f->locals) visit(f->locals, arg);
    if (f->func) visit(f->func, arg);
    if (f->trace) visit(f->trace, arg);
    int n = f->nlocalsplus + (f->state == FRAME_EXECUTING ? 0 : f->stacktop);
    for (int i = 0; i < n; i++)
        if (f->localsplus[i]) visit(f->localsplus[i], arg);
}

Obj *frame_get_code(Frame *f) { return f->code; }
int frame_get_lasti(Frame *f) { return f->lasti < 0 ? 0 : f->lasti; }
Frame *frame_get_back(Frame *f) { return f->back; }
Obj *frame_get_globals(Frame *f) { return f->globals; }
Obj *frame_as_object(Frame *f) { return NEWREF(OBJ(f)); }

int frame_get_lineno(Frame *f)
{
    int line = -1;
    code_location(f->code, f->lasti < 0 ? 0 : f->lasti, &line, NULL, NULL, NULL);
    if (line < 0) line = ((CodeObj *)f->code)->firstlineno;
    return line;
}

Obj *frame_locals_dict(Frame *f)
{
    CodeObj *co = (CodeObj *)f->code;
    if (!(co->flags & CO_OPTIMIZED)) {
        if (!f->locals) {
            f->locals = dict_new();
            if (!f->locals) return NULL;
        }
        /* class bodies and exec'd code may also have free variables */
        return NEWREF(f->locals);
    }
    if (!f->locals) {
        f->locals = dict_new();
        if (!f->locals) return NULL;
    }
    Obj *d = f->locals;
    for (int i = 0; i < co->nlocals; i++) {
        Obj *name = TUPLE_GET(co->varnames, i);
        Obj *v = f->localsplus[i];
        bool is_cell_arg = false;
        if (co->cell2arg)
            for (int k = 0; k < co->ncells; k++)
                if (co->cell2arg[k] == i) is_cell_arg = true;
        if (is_cell_arg) continue;
        if (v) {
            if (dict_setitem(d, name, v) < 0) return NULL;
        } else if (dict_check(d)) {
            int has = dict_contains(d, name);
            if (has < 0) return NULL;
            if (has && dict_delitem(d, name) < 0) return NULL;
        }
    }
    for (int i = 0; i < co->ncells + co->nfree; i++) {
        Obj *name = i < co->ncells ? TUPLE_GET(co->cellvars, i) : TUPLE_GET(co->freevars, i - co->ncells);
        Obj *cell = f->localsplus[co->nlocals + i];
        Obj *v = cell && TYPE(cell) == &Cell_Type ? CELL_GET(cell) : NULL;
        if (v) {
            if (dict_setitem(d, name, v) < 0) return NULL;
        } else {
            int has = dict_contains(d, name);
            if (has < 0) return NULL;
            if (has && dict_delitem(d, name) < 0) return NULL;
        }
    }
    return NEWREF(d);
}

/* ---- attributes ---- */

static Obj *frame_get_f_locals(Obj *o, void *c) { return frame_locals_dict((Frame *)o); }
static Obj *frame_get_f_globals(Obj *o, void *c) { return NEWREF(((Frame *)o)->globals); }
static Obj *frame_get_f_builtins(Obj *o, void *c) { return NEWREF(((Frame *)o)->builtins); }
static Obj *frame_get_f_code(Obj *o, void *c) { return NEWREF(((Frame *)o)->code); }
static Obj *frame_get_f_lineno(Obj *o, void *c) { return int_from_long(frame_get_lineno((Frame *)o)); }
static Obj *frame_get_f_lasti(Obj *o, void *c)
{
    Frame *f = (Frame *)o;
    return int_from_long(f->lasti < 0 ? -1 : (long long)f->lasti * 2);
}
static Obj *frame_get_f_back(Obj *o, void *c)
{
    Frame *f = (Frame *)o;
    if (!f->back) RETURN_NONE;
    return NEWREF(OBJ(f->back));
}
static Obj *frame_get_f_trace(Obj *o, void *c)
{
    Frame *f = (Frame *)o;
    return NEWREF(f->trace ? f->trace : None);
}
static int frame_set_f_trace(Obj *o, Obj *v, void *c)
{
    Frame *f = (Frame *)o;
    if (v == None) v = NULL;
    XSETREF(f->trace, XNEWREF(v));
    return 0;
}

static Obj *frame_repr(Obj *o)
{
    Frame *f = (Frame *)o;
    CodeObj *co = (CodeObj *)f->code;
    return str_from_format("<frame at %p, file %R, line %d, code %U>", (void *)o, co->filename,
                           frame_get_lineno(f), co->name);
}

static Obj *frame_clear_meth(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Frame *f = (Frame *)self;
    if (f->state == FRAME_EXECUTING) return err_set_str(&Exc_RuntimeError, "cannot clear an executing frame");
    if (f->gen) return err_set_str(&Exc_RuntimeError, "cannot clear a suspended frame");
    frame_clear_locals(f);
    RETURN_NONE;
}

static MethodDef frame_methods[] = {
    { "clear", frame_clear_meth, 0, NULL },
    { NULL, NULL, 0, NULL },
};

static GetSetDef frame_getset[] = {
    { "f_locals", frame_get_f_locals, NULL, NULL, NULL },
    { "f_globals", frame_get_f_globals, NULL, NULL, NULL },
    { "f_builtins", frame_get_f_builtins, NULL, NULL, NULL },
    { "f_code", frame_get_f_code, NULL, NULL, NULL },
    { "f_lineno", frame_get_f_lineno, NULL, NULL, NULL },
    { "f_lasti", frame_get_f_lasti, NULL, NULL, NULL },
    { "f_back", frame_get_f_back, NULL, NULL, NULL },
    { "f_trace", frame_get_f_trace, frame_set_f_trace, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

TypeObj Frame_Type = {
    TYPE_HEAD_INIT,
    .name = "frame",
    .basicsize = sizeof(Frame),
    .itemsize = sizeof(Obj *),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = frame_dealloc,
    .repr = frame_repr,
    .traverse = frame_traverse,
    .clear = frame_clear,
    .methods = frame_methods,
    .getset = frame_getset,
};
