/* gen.c — generators and coroutines.
 *
 * A generator owns a suspended Frame.  Resuming pushes the sent value onto
 * the frame's value stack (it becomes the result of the `yield` expression)
 * and re-enters eval_frame(); YIELD_VALUE saves the stack depth and returns.
 * While running, the generator's own ExcInfo is linked on top of the thread's
 * handled-exception stack, so `except` blocks inside it are independent of
 * the caller's.  `yield from`/`await` suspend at a YIELD_VALUE with arg 1
 * whose delegate iterator sits on the frame's stack top (gen_yf); throw() and
 * close() are forwarded to it first.
 */
#include "gilpy.h"
#include "core/eval_int.h"

static const char *kind_name(Obj *gen)
{
    if (TYPE(gen) == &AsyncGen_Type) return "async generator";
    return TYPE(gen) == &Coroutine_Type ? "coroutine" : "generator";
}

Obj *gen_new_from_frame(Frame *f, Obj *func)
{
    CodeObj *co = (CodeObj *)f->code;
    TypeObj *t = (co->flags & CO_COROUTINE) ? &Coroutine_Type : &Generator_Type;
    if (co->flags & CO_ASYNC_GENERATOR) {
        t = &AsyncGen_Type;
        /* readied lazily: interp.c's static type list predates these types */
        if (!(AsyncGen_Type.flags & TF_READY) &&
            (type_ready(&AsyncGen_Type) < 0 || type_ready(&AsyncGenASend_Type) < 0 ||
             type_ready(&AsyncGenAThrow_Type) < 0)) {
            DECREF(f);
            return NULL;
        }
    }
    GenObj *g = (GenObj *)obj_alloc(t, 0);
    if (!g) { DECREF(f); return NULL; }
    g->frame = f;
    f->gen = OBJ(g);
    g->code = NEWREF(f->code);
    if (func && TYPE(func) == &Function_Type) {
        g->name = NEWREF(((FuncObj *)func)->name);
        g->qualname = NEWREF(((FuncObj *)func)->qualname);
    } else {
        g->name = NEWREF(co->name);
        g->qualname = NEWREF(co->qualname);
    }
    return OBJ(g);
}

Obj *gen_yf(Obj *gen)
{
    GenObj *g = (GenObj *)gen;
    Frame *f = g->frame;
    if (!f || f->state != FRAME_SUSPENDED || f->next <= 0) return NULL;
    CodeObj *co = (CodeObj *)f->code;
    uint32_t w = co->code[f->next - 1];
    if (INSTR_OP(w) != OP_YIELD_VALUE || INSTR_ARG(w) != 1) return NULL;
    if (f->stacktop <= 0) return NULL;
    return f->localsplus[f->nlocalsplus + f->stacktop - 1];
}

/* Run the frame.  push: value to push as the yield result (borrowed) or NULL. */
static Obj *gen_resume(GenObj *g, Obj *push, int throwflag, int *done)
{
    ThreadState *ts = ts_get();
    Frame *f = g->frame;
    if (push) {
        f->localsplus[f->nlocalsplus + f->stacktop++] = NEWREF(push);
    }
    g->running = 1;
    g->started = 1;
    g->exc_state.previous = ts->exc_info;
    ts->exc_info = &g->exc_state;
    Obj *r = eval_frame(f, throwflag);
    ts->exc_info = g->exc_state.previous;
    g->exc_state.previous = NULL;
    g->running = 0;
    if (f->state == FRAME_SUSPENDED && r) {
        *done = 0;
        return r;
    }
    /* finished */
    *done = 1;
    g->frame = NULL;
    f->gen = NULL;
    CLEAR(g->exc_state.exc);
    DECREF(f);
    if (!r) {
        if (err_matches(&Exc_StopIteration)) {
            Obj *exc = err_fetch();
            const char *msg = TYPE(OBJ(g)) == &Coroutine_Type ? "coroutine raised StopIteration"
                            : TYPE(OBJ(g)) == &AsyncGen_Type ? "async generator raised StopIteration"
                                                         : "generator raised StopIteration";
            err_set_str(&Exc_RuntimeError, msg);
            Obj *nexc = err_fetch();
            exc_set_cause(nexc, NEWREF(exc));
            exc_set_context(nexc, exc);
            err_restore(nexc);
        } else if (TYPE(OBJ(g)) == &AsyncGen_Type && err_matches(&Exc_StopAsyncIteration)) {
            Obj *exc = err_fetch();
            err_set_str(&Exc_RuntimeError, "async generator raised StopAsyncIteration");
            Obj *nexc = err_fetch();
            exc_set_cause(nexc, NEWREF(exc));
            exc_set_context(nexc, exc);
            err_restore(nexc);
        }
        return NULL;
    }
    return r;
}

Obj *gen_send_ex(Obj *gen, Obj *value, int *done)
{
    GenObj *g = (GenObj *)gen;
    *done = 0;
    if (g->running) {
        err_format(&Exc_ValueError, "%s already executing", kind_name(gen));
        return NULL;
    }
    if (!g->frame) {
        if (TYPE(gen) == &Coroutine_Type) {
            err_set_str(&Exc_RuntimeError, "cannot reuse already awaited coroutine");
            return NULL;
        }
        *done = 1;
        return NEWREF(None);
    }
    if (g->frame->state == FRAME_CREATED) {
        if (value && value != None) {
            err_format(&Exc_TypeError, "can't send non-None value to a just-started %s", kind_name(gen));
            return NULL;
        }
        return gen_resume(g, NULL, 0, done);
    }
    return gen_resume(g, value ? value : None, 0, done);
}

static Obj *set_stop_iteration(Obj *value)
{
    if (value == None) {
        err_set_none(&Exc_StopIteration);
        return NULL;
    }
    Obj *exc = obj_call1(OBJ(&Exc_StopIteration), value);
    if (!exc) return NULL;
    err_set_exc(exc);
    DECREF(exc);
    return NULL;
}

/* Resume the frame after its delegate finished with `value`: pop the
 * delegate, push value and continue after the yield-from loop. */
static Obj *gen_resume_after_yf(GenObj *g, Obj *value, int *done)
{
    Frame *f = g->frame;
    CodeObj *co = (CodeObj *)f->code;
    Obj **top = &f->localsplus[f->nlocalsplus + f->stacktop - 1];
    Obj *old = *top;
    *top = NEWREF(value);
    DECREF(old);
    /* f->next points at JUMP back to SEND; SEND's argument is the exit label */
    uint32_t j = co->code[f->next];
    int send_at = INSTR_ARG(j);
    f->next = INSTR_ARG(co->code[send_at]);
    return gen_resume(g, NULL, 0, done);
}

static int close_iter(Obj *yf)
{
    if (gen_check(yf)) {
        Obj *r = NULL;
        GenObj *g = (GenObj *)yf;
        if (!g->frame) return 0;
        Obj *args[1] = { NULL };
        (void)args;
        r = obj_call_method(yf, "close", NULL, 0);
        if (!r) return -1;
        DECREF(r);
        return 0;
    }
    Obj *m = NULL;
    if (obj_lookup_attr(yf, str_intern_cstr("close"), &m) < 0) {
        err_write_unraisable(yf);
        return 0;
    }
    if (m) {
        Obj *r = obj_call0(m);
        DECREF(m);
        if (!r) return -1;
        DECREF(r);
    }
    return 0;
}

Obj *gen_throw_ex(Obj *gen, Obj *exc, int *done)
{
    GenObj *g = (GenObj *)gen;
    *done = 0;
    if (g->running) {
        err_format(&Exc_ValueError, "%s already executing", kind_name(gen));
        return NULL;
    }
    Obj *yf = gen_yf(gen);
    if (yf) {
        INCREF(yf);
        if (type_is_subtype(TYPE(exc), &Exc_GeneratorExit)) {
            g->running = 1;
            int r = close_iter(yf);
            g->running = 0;
            DECREF(yf);
            if (r < 0) return gen_resume(g, NULL, 1, done);
            goto throw_here;
        }
        Obj *ret;
        int sub_done = 0;
        g->running = 1;
        if (gen_check(yf)) {
            ret = gen_throw_ex(yf, exc, &sub_done);
        } else {
            Obj *m = NULL;
            if (obj_lookup_attr(yf, str_intern_cstr("throw"), &m) < 0) {
                g->running = 0;
                DECREF(yf);
                return gen_resume(g, NULL, 1, done);
            }
            if (!m) {
                g->running = 0;
                DECREF(yf);
                goto throw_here;
            }
            ret = obj_call1(m, exc);
            DECREF(m);
        }
        g->running = 0;
        DECREF(yf);
        if (ret && !sub_done) return ret;     /* delegate yielded */
        if (ret) {
            Obj *r = gen_resume_after_yf(g, ret, done);
            DECREF(ret);
            return r;
        }
        if (err_matches(&Exc_StopIteration)) {
            Obj *e = err_fetch();
            Obj *val = stopiteration_value(e);
            DECREF(e);
            if (!val) return NULL;
            Obj *r = gen_resume_after_yf(g, val, done);
            DECREF(val);
            return r;
        }
        return gen_resume(g, NULL, 1, done);
    }
throw_here:
    if (!g->frame) {
        err_set_exc(exc);
        return NULL;
    }
    err_set_exc(exc);
    return gen_resume(g, NULL, 1, done);
}

/* ---- Python-visible methods ---- */

static Obj *gen_iternext(Obj *self)
{
    int done;
    Obj *r = gen_send_ex(self, None, &done);
    if (!r || !done) return r;
    if (r == None) {
        DECREF(r);
        return NULL;          /* exhausted: no exception */
    }
    set_stop_iteration(r);
    DECREF(r);
    return NULL;
}

static Obj *gen_send(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("send", kwnames) < 0 || args_count("send", nargs, 1, 1) < 0) return NULL;
    int done;
    Obj *r = gen_send_ex(self, args[0], &done);
    if (!r || !done) return r;
    set_stop_iteration(r);
    DECREF(r);
    return NULL;
}

static Obj *make_throw_exc(Obj *typ, Obj *val, Obj *tb)
{
    if (tb == None) tb = NULL;
    if (tb && TYPE(tb) != &Traceback_Type)
        return err_set_str(&Exc_TypeError, "throw() third argument must be a traceback object");
    Obj *exc;
    if (type_has_flag(TYPE(typ), TF_TYPE_SUBCLASS) && type_is_subtype((TypeObj *)typ, &Exc_BaseException)) {
        if (!val || val == None) exc = obj_call0(typ);
        else if (type_has_flag(TYPE(val), TF_EXC_SUBCLASS) && obj_isinstance(val, typ) == 1) exc = NEWREF(val);
        else if (tuple_check(val)) exc = obj_call_tuple(typ, val, NULL);
        else exc = obj_call1(typ, val);
        if (!exc) return NULL;
    } else if (type_has_flag(TYPE(typ), TF_EXC_SUBCLASS)) {
        if (val && val != None)
            return err_set_str(&Exc_TypeError, "instance exception may not have a separate value");
        exc = NEWREF(typ);
    } else {
        return err_format(&Exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %T", typ);
    }
    if (tb) exc_set_traceback(exc, tb);
    return exc;
}

static Obj *gen_throw(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("throw", kwnames) < 0 || args_count("throw", nargs, 1, 3) < 0) return NULL;
    Obj *exc = make_throw_exc(args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL);
    if (!exc) return NULL;
    int done;
    Obj *r = gen_throw_ex(self, exc, &done);
    DECREF(exc);
    if (!r || !done) return r;
    set_stop_iteration(r);
    DECREF(r);
    return NULL;
}

static int gen_close_internal(Obj *self)
{
    GenObj *g = (GenObj *)self;
    if (!g->frame) return 0;
    if (g->frame->state == FRAME_CREATED) {
        Frame *f = g->frame;
        g->frame = NULL;
        f->gen = NULL;
        DECREF(f);
        return 0;
    }
    Obj *ge = exc_new(&Exc_GeneratorExit, NULL);
    if (!ge) {
        Obj *a = tuple_new(0);
        ge = a ? exc_new(&Exc_GeneratorExit, a) : NULL;
        XDECREF(a);
        if (!ge) return -1;
    }
    int done;
    Obj *r = gen_throw_ex(self, ge, &done);
    DECREF(ge);
    if (r) {
        DECREF(r);
        if (done) return 0;
        err_format(&Exc_RuntimeError, "%s ignored GeneratorExit", kind_name(self));
        return -1;
    }
    if (err_matches(&Exc_StopIteration) || err_matches(&Exc_GeneratorExit)) {
        err_clear();
        return 0;
    }
    return -1;
}

static Obj *gen_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (gen_close_internal(self) < 0) return NULL;
    RETURN_NONE;
}

static Obj *gen_iter_self(Obj *self) { return NEWREF(self); }

static int gen_clear(Obj *o)
{
    GenObj *g = (GenObj *)o;
    if (g->frame) {
        Frame *f = g->frame;
        g->frame = NULL;
        f->gen = NULL;
        DECREF(f);
    }
    CLEAR(g->exc_state.exc);
    return 0;
}

static void gen_dealloc(Obj *o)
{
    GenObj *g = (GenObj *)o;
    if (g->weakreflist) weakref_clear_all(o);
    if (g->frame && g->frame->state == FRAME_SUSPENDED && !g->running) {
        /* finalize: close() the suspended generator, reporting errors as unraisable */
        Obj *saved = err_fetch();
        if (gen_close_internal(o) < 0) err_write_unraisable(o);
        err_restore(saved);
    } else if (g->frame && g->frame->state == FRAME_CREATED && TYPE(o) == &Coroutine_Type) {
        Obj *saved = err_fetch();
        char msg[300];
        snprintf(msg, sizeof msg, "coroutine '%s' was never awaited", STR_DATA(g->qualname));
        if (err_warn(&Exc_RuntimeWarning, msg, 1) < 0) err_write_unraisable(o);
        err_restore(saved);
    }
    gen_clear(o);
    CLEAR(g->name);
    CLEAR(g->qualname);
    CLEAR(g->code);
    obj_free(o);
}

static void gen_traverse(Obj *o, visitproc_ visit, void *arg)
{
    GenObj *g = (GenObj *)o;
    if (g->frame) visit(OBJ(g->frame), arg);
    if (g->name) visit(g->name, arg);
    if (g->qualname) visit(g->qualname, arg);
    if (g->code) visit(g->code, arg);
    if (g->exc_state.exc) visit(g->exc_state.exc, arg);
}

static Obj *gen_repr(Obj *o)
{
    const char *k = TYPE(o) == &AsyncGen_Type ? "async_generator" : kind_name(o);
    return str_from_format("<%s object %U at %p>", k, ((GenObj *)o)->qualname, (void *)o);
}

static Obj *gen_get_frame(Obj *o, void *c)
{
    GenObj *g = (GenObj *)o;
    if (!g->frame) RETURN_NONE;
    return NEWREF(OBJ(g->frame));
}
static Obj *gen_get_running(Obj *o, void *c) { return NEWREF(BOOL(((GenObj *)o)->running)); }
static Obj *gen_get_suspended(Obj *o, void *c)
{
    GenObj *g = (GenObj *)o;
    return NEWREF(BOOL(g->frame && g->frame->state == FRAME_SUSPENDED));
}
static Obj *gen_get_code(Obj *o, void *c) { return NEWREF(((GenObj *)o)->code); }
static Obj *gen_get_yf(Obj *o, void *c)
{
    Obj *yf = gen_yf(o);
    return NEWREF(yf ? yf : None);
}
static Obj *gen_get_name(Obj *o, void *c) { return NEWREF(((GenObj *)o)->name); }
static int gen_set_name(Obj *o, Obj *v, void *c)
{
    if (!v || !str_check(v)) {
        err_set_str(&Exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    SETREF(((GenObj *)o)->name, NEWREF(v));
    return 0;
}
static Obj *gen_get_qualname(Obj *o, void *c) { return NEWREF(((GenObj *)o)->qualname); }
static int gen_set_qualname(Obj *o, Obj *v, void *c)
{
    if (!v || !str_check(v)) {
        err_set_str(&Exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    SETREF(((GenObj *)o)->qualname, NEWREF(v));
    return 0;
}

static MethodDef gen_methods[] = {
    { "send", gen_send, 0, NULL },
    { "throw", gen_throw, 0, NULL },
    { "close", gen_close, 0, NULL },
    { NULL, NULL, 0, NULL },
};

static GetSetDef gen_getset[] = {
    { "gi_frame", gen_get_frame, NULL, NULL, NULL },
    { "gi_running", gen_get_running, NULL, NULL, NULL },
    { "gi_suspended", gen_get_suspended, NULL, NULL, NULL },
    { "gi_code", gen_get_code, NULL, NULL, NULL },
    { "gi_yieldfrom", gen_get_yf, NULL, NULL, NULL },
    { "__name__", gen_get_name, gen_set_name, NULL, NULL },
    { "__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

TypeObj Generator_Type = {
    TYPE_HEAD_INIT,
    .name = "generator",
    .basicsize = sizeof(GenObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .iter = gen_iter_self,
    .iternext = gen_iternext,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .methods = gen_methods,
    .getset = gen_getset,
    .weaklistoffset = offsetof(GenObj, weakreflist),
};

/* ---- coroutines ---- */

typedef struct { OBJ_HEAD; Obj *coro; } CoroWrapperObj;

static Obj *coro_await(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CoroWrapperObj *w = (CoroWrapperObj *)obj_alloc(&CoroWrapper_Type, 0);
    if (!w) return NULL;
    w->coro = NEWREF(self);
    return OBJ(w);
}

static MethodDef coro_methods[] = {
    { "send", gen_send, 0, NULL },
    { "throw", gen_throw, 0, NULL },
    { "close", gen_close, 0, NULL },
    { "__await__", coro_await, 0, NULL },
    { NULL, NULL, 0, NULL },
};

static GetSetDef coro_getset[] = {
    { "cr_frame", gen_get_frame, NULL, NULL, NULL },
    { "cr_running", gen_get_running, NULL, NULL, NULL },
    { "cr_suspended", gen_get_suspended, NULL, NULL, NULL },
    { "cr_code", gen_get_code, NULL, NULL, NULL },
    { "cr_await", gen_get_yf, NULL, NULL, NULL },
    { "__name__", gen_get_name, gen_set_name, NULL, NULL },
    { "__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

TypeObj Coroutine_Type = {
    TYPE_HEAD_INIT,
    .name = "coroutine",
    .basicsize = sizeof(GenObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .methods = coro_methods,
    .getset = coro_getset,
    .weaklistoffset = offsetof(GenObj, weakreflist),
};

static void cw_dealloc(Obj *o)
{
    CLEAR(((CoroWrapperObj *)o)->coro);
    obj_free(o);
}
static void cw_traverse(Obj *o, visitproc_ visit, void *arg)
{
    if (((CoroWrapperObj *)o)->coro) visit(((CoroWrapperObj *)o)->coro, arg);
}
static Obj *cw_iternext(Obj *o) { return gen_iternext(((CoroWrapperObj *)o)->coro); }
static Obj *cw_send(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return gen_send(((CoroWrapperObj *)self)->coro, args, nargs, kwnames);
}
static Obj *cw_throw(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return gen_throw(((CoroWrapperObj *)self)->coro, args, nargs, kwnames);
}
static Obj *cw_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return gen_close(((CoroWrapperObj *)self)->coro, args, nargs, kwnames);
}

static MethodDef cw_methods[] = {
    { "send", cw_send, 0, NULL },
    { "throw", cw_throw, 0, NULL },
    { "close", cw_close, 0, NULL },
    { NULL, NULL, 0, NULL },
};

TypeObj CoroWrapper_Type = {
    TYPE_HEAD_INIT,
    .name = "coroutine_wrapper",
    .basicsize = sizeof(CoroWrapperObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = cw_dealloc,
    .traverse = cw_traverse,
    .iter = gen_iter_self,
    .iternext = cw_iternext,
    .methods = cw_methods,
};

/* ---- async generators ----
 * The body's frame is driven like a coroutine.  A plain `yield` (YIELD_VALUE
 * arg 0) produces an item: the awaitable finishes with StopIteration(item).
 * An `await` inside the body suspends at YIELD_VALUE arg 1: the value passes
 * through to whoever drives the awaitable. */

enum { AW_INIT = 0, AW_ITER = 1, AW_CLOSED = 2 };

typedef struct {
    OBJ_HEAD;
    Obj *gen;
    Obj *val;       /* asend: value to send first; athrow: args tuple or NULL (aclose) */
    int state;
} AGAwaitObj;

static bool ag_is_item_yield(GenObj *g)
{
    Frame *f = g->frame;
    if (!f || f->state != FRAME_SUSPENDED || f->next <= 0) return false;
    CodeObj *co = (CodeObj *)f->code;
    uint32_t w = co->code[f->next - 1];
    return INSTR_OP(w) == OP_YIELD_VALUE && INSTR_ARG(w) == 0;
}

/* Translate a gen_send_ex/gen_throw_ex result for an awaitable. */
static Obj *ag_unwrap(AGAwaitObj *a, Obj *r, int done)
{
    GenObj *g = (GenObj *)a->gen;
    if (!r) {
        if (err_matches(&Exc_StopAsyncIteration) || err_matches(&Exc_GeneratorExit)) g->closed = 1;
        a->state = AW_CLOSED;
        return NULL;
    }
    if (done) {
        DECREF(r);
        g->closed = 1;
        a->state = AW_CLOSED;
        err_set_none(&Exc_StopAsyncIteration);
        return NULL;
    }
    if (ag_is_item_yield(g)) {
        a->state = AW_CLOSED;
        set_stop_iteration(r);
        DECREF(r);
        return NULL;
    }
    return r;
}

static Obj *agaw_new(TypeObj *t, Obj *gen, Obj *val)
{
    AGAwaitObj *a = (AGAwaitObj *)obj_alloc(t, 0);
    if (!a) return NULL;
    a->gen = NEWREF(gen);
    a->val = val ? NEWREF(val) : NULL;
    a->state = AW_INIT;
    return OBJ(a);
}

static Obj *asend_send_impl(AGAwaitObj *a, Obj *v)
{
    if (a->state == AW_CLOSED)
        return err_set_str(&Exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (a->state == AW_INIT) {
        if (!v || v == None) v = a->val ? a->val : None;
        a->state = AW_ITER;
    }
    int done;
    Obj *r = gen_send_ex(a->gen, v ? v : None, &done);
    return ag_unwrap(a, r, done);
}

static Obj *athrow_send_impl(AGAwaitObj *a, Obj *v)
{
    GenObj *g = (GenObj *)a->gen;
    bool is_close = a->val == NULL;
    if (a->state == AW_CLOSED)
        return err_set_str(&Exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (!g->frame || g->frame->state == FRAME_CLEARED) {
        a->state = AW_CLOSED;
        if (is_close) err_set_none(&Exc_StopIteration);
        else err_set_none(&Exc_StopAsyncIteration);
        return NULL;
    }
    Obj *r;
    int done = 0;
    if (a->state == AW_INIT) {
        if (g->closed) {
            a->state = AW_CLOSED;
            err_set_none(&Exc_StopAsyncIteration);
            return NULL;
        }
        if (v && v != None)
            return err_set_str(&Exc_RuntimeError, "can't send non-None value to a just-started coroutine");
        a->state = AW_ITER;
        if (is_close) {
            g->closed = 1;
            if (g->frame->state == FRAME_CREATED) {
                gen_clear(a->gen);
                a->state = AW_CLOSED;
                err_set_none(&Exc_StopIteration);
                return NULL;
            }
            Obj *ge = exc_new(&Exc_GeneratorExit, NULL);
            if (!ge) return NULL;
            r = gen_throw_ex(a->gen, ge, &done);
            DECREF(ge);
        } else {
            TupleObj *t = (TupleObj *)a->val;
            size_t n = (size_t)TUPLE_SIZE(OBJ(t));
            Obj *exc = make_throw_exc(TUPLE_ITEMS(OBJ(t))[0], n > 1 ? TUPLE_ITEMS(OBJ(t))[1] : NULL,
                                      n > 2 ? TUPLE_ITEMS(OBJ(t))[2] : NULL);
            if (!exc) { a->state = AW_CLOSED; return NULL; }
            r = gen_throw_ex(a->gen, exc, &done);
            DECREF(exc);
        }
    } else {
        r = gen_send_ex(a->gen, v ? v : None, &done);
    }
    if (!is_close) return ag_unwrap(a, r, done);
    /* aclose() */
    if (r) {
        if (!done && ag_is_item_yield(g)) {
            DECREF(r);
            a->state = AW_CLOSED;
            return err_set_str(&Exc_RuntimeError, "async generator ignored GeneratorExit");
        }
        if (!done) return r;
        DECREF(r);
        a->state = AW_CLOSED;
        err_set_none(&Exc_StopIteration);
        return NULL;
    }
    a->state = AW_CLOSED;
    if (err_matches(&Exc_StopAsyncIteration) || err_matches(&Exc_GeneratorExit)) {
        err_clear();
        err_set_none(&Exc_StopIteration);
    }
    return NULL;
}

static Obj *agaw_send_impl(Obj *self, Obj *v)
{
    AGAwaitObj *a = (AGAwaitObj *)self;
    if (TYPE(self) == &AsyncGenASend_Type) return asend_send_impl(a, v);
    return athrow_send_impl(a, v);
}

static Obj *agaw_iternext(Obj *self) { return agaw_send_impl(self, None); }

static Obj *agaw_send(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("send", kwnames) < 0 || args_count("send", nargs, 1, 1) < 0) return NULL;
    return agaw_send_impl(self, args[0]);
}

static Obj *agaw_throw(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    AGAwaitObj *a = (AGAwaitObj *)self;
    if (args_no_kw("throw", kwnames) < 0 || args_count("throw", nargs, 1, 3) < 0) return NULL;
    if (a->state == AW_CLOSED)
        return err_set_str(&Exc_RuntimeError, TYPE(self) == &AsyncGenASend_Type
                           ? "cannot reuse already awaited __anext__()/asend()"
                           : "cannot reuse already awaited aclose()/athrow()");
    Obj *exc = make_throw_exc(args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL);
    if (!exc) return NULL;
    a->state = AW_ITER;
    int done;
    Obj *r = gen_throw_ex(a->gen, exc, &done);
    DECREF(exc);
    if (TYPE(self) == &AsyncGenAThrow_Type && a->val == NULL) {
        if (r && !done && ag_is_item_yield((GenObj *)a->gen)) {
            DECREF(r);
            a->state = AW_CLOSED;
            return err_set_str(&Exc_RuntimeError, "async generator ignored GeneratorExit");
        }
        if (r && done) {
            DECREF(r);
            a->state = AW_CLOSED;
            err_set_none(&Exc_StopIteration);
            return NULL;
        }
        if (!r && (err_matches(&Exc_StopAsyncIteration) || err_matches(&Exc_GeneratorExit))) {
            err_clear();
            err_set_none(&Exc_StopIteration);
        }
        return r;
    }
    return ag_unwrap(a, r, done);
}

static Obj *agaw_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ((AGAwaitObj *)self)->state = AW_CLOSED;
    RETURN_NONE;
}

static Obj *agaw_await(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) { return NEWREF(self); }

static void agaw_dealloc(Obj *o)
{
    AGAwaitObj *a = (AGAwaitObj *)o;
    CLEAR(a->gen);
    CLEAR(a->val);
    obj_free(o);
}

static void agaw_traverse(Obj *o, visitproc_ visit, void *arg)
{
    AGAwaitObj *a = (AGAwaitObj *)o;
    if (a->gen) visit(a->gen, arg);
    if (a->val) visit(a->val, arg);
}

static int agaw_clear(Obj *o)
{
    AGAwaitObj *a = (AGAwaitObj *)o;
    CLEAR(a->gen);
    CLEAR(a->val);
    return 0;
}

static MethodDef agaw_methods[] = {
    { "send", agaw_send, 0, NULL },
    { "throw", agaw_throw, 0, NULL },
    { "close", agaw_close, 0, NULL },
    { "__await__", agaw_await, 0, NULL },
    { NULL, NULL, 0, NULL },
};

TypeObj AsyncGenASend_Type = {
    TYPE_HEAD_INIT,
    .name = "async_generator_asend",
    .basicsize = sizeof(AGAwaitObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = agaw_dealloc,
    .traverse = agaw_traverse,
    .clear = agaw_clear,
    .iter = gen_iter_self,
    .iternext = agaw_iternext,
    .methods = agaw_methods,
};

TypeObj AsyncGenAThrow_Type = {
    TYPE_HEAD_INIT,
    .name = "async_generator_athrow",
    .basicsize = sizeof(AGAwaitObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = agaw_dealloc,
    .traverse = agaw_traverse,
    .clear = agaw_clear,
    .iter = gen_iter_self,
    .iternext = agaw_iternext,
    .methods = agaw_methods,
};

static Obj *ag_aiter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("__aiter__", kwnames) < 0 || args_count("__aiter__", nargs, 0, 0) < 0) return NULL;
    return NEWREF(self);
}

static Obj *ag_anext(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("__anext__", kwnames) < 0 || args_count("__anext__", nargs, 0, 0) < 0) return NULL;
    return agaw_new(&AsyncGenASend_Type, self, NULL);
}

static Obj *ag_asend(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("asend", kwnames) < 0 || args_count("asend", nargs, 1, 1) < 0) return NULL;
    return agaw_new(&AsyncGenASend_Type, self, args[0]);
}

static Obj *ag_athrow(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("athrow", kwnames) < 0 || args_count("athrow", nargs, 1, 3) < 0) return NULL;
    Obj *t = tuple_new((ssize_t)nargs);
    if (!t) return NULL;
    for (size_t i = 0; i < nargs; i++) TUPLE_ITEMS(t)[i] = NEWREF(args[i]);
    Obj *r = agaw_new(&AsyncGenAThrow_Type, self, t);
    DECREF(t);
    return r;
}

static Obj *ag_aclose(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("aclose", kwnames) < 0 || args_count("aclose", nargs, 0, 0) < 0) return NULL;
    return agaw_new(&AsyncGenAThrow_Type, self, NULL);
}

static MethodDef ag_methods[] = {
    { "__aiter__", ag_aiter, 0, NULL },
    { "__anext__", ag_anext, 0, NULL },
    { "asend", ag_asend, 0, NULL },
    { "athrow", ag_athrow, 0, NULL },
    { "aclose", ag_aclose, 0, NULL },
    { NULL, NULL, 0, NULL },
};

static GetSetDef ag_getset[] = {
    { "ag_frame", gen_get_frame, NULL, NULL, NULL },
    { "ag_running", gen_get_running, NULL, NULL, NULL },
    { "ag_code", gen_get_code, NULL, NULL, NULL },
    { "ag_await", gen_get_yf, NULL, NULL, NULL },
    { "__name__", gen_get_name, gen_set_name, NULL, NULL },
    { "__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

TypeObj AsyncGen_Type = {
    TYPE_HEAD_INIT,
    .name = "async_generator",
    .basicsize = sizeof(GenObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .methods = ag_methods,
    .getset = ag_getset,
    .weaklistoffset = offsetof(GenObj, weakreflist),
};
