/* interp.c — Interp and ThreadState lifetime, the recursion guard, the
 * startup sequence (every static type readied, builtins, sys, standard
 * streams) and finalization (threading._shutdown, atexit, flushing).
 *
 * Types not declared in gilpy.h are referenced weakly so that a part that is
 * missing (or renamed) does not break the link: `&X == NULL` then.
 */
#include "gilpy.h"
#include "core/gil.h"
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

_Thread_local ThreadState *ts_current_;

/* Keeps the main interpreter reachable for LeakSanitizer until exit. */
static Interp *main_interp_root;

/* ---- weakly referenced types defined in parts' own files ---------------- */
#define WEAK_TYPES(X) \
    X(NoneType_Type) X(NotImplementedType_Type) X(Ellipsis_Type) \
    X(StrIter_Type) X(ListIter_Type) X(ListRevIter_Type) X(TupleIter_Type) \
    X(DictKeys_Type) X(DictValues_Type) X(DictItems_Type) X(DictIterKey_Type) \
    X(DictIterValue_Type) X(DictIterItem_Type) X(DictRevIterKey_Type) \
    X(SetIter_Type) X(RangeIter_Type) X(LongRangeIter_Type) X(BytesIter_Type) \
    X(ByteArrayIter_Type) X(MemoryView_Type) X(GenericAlias_Type) X(UnionType_Type) \
    X(MappingProxy_Type) X(SimpleNamespace_Type) X(ProxyType_Type) \
    X(CallableProxyType_Type) X(WeakMethod_Type) X(Capsule_Type) \
    X(AsyncGenerator_Type) X(AsyncGenASend_Type) X(AsyncGenAThrow_Type) \
    X(TextIOWrapper_Type) X(BufferedReader_Type) X(BufferedWriter_Type) \
    X(BufferedRandom_Type) X(FileIO_Type) X(StringIO_Type) X(BytesIO_Type) X(IOBase_Type) \
    X(StructSeq_Type) X(Lock_Type) X(RLock_Type) X(BoundMethodWrapper_Type) \
    X(StructTime_Type) X(Union_Type_)

#define X(n) extern TypeObj n __attribute__((weak));
WEAK_TYPES(X)
#undef X

/* Every static type, bases before subclasses where it matters. */
static TypeObj *const static_types[] = {
    &Object_Type, &Type_Type,
    &Int_Type, &Bool_Type, &Float_Type, &Complex_Type,
    &Str_Type, &Bytes_Type, &ByteArray_Type,
    &Tuple_Type, &List_Type, &Dict_Type, &Set_Type, &FrozenSet_Type, &Range_Type, &Slice_Type,
    &Enumerate_Type, &Zip_Type, &Map_Type, &Filter_Type, &Reversed_Type, &SeqIter_Type,
    &CallIter_Type, &Module_Type,
    &Super_Type, &Property_Type, &ClassMethod_Type, &StaticMethod_Type,
    &MethodDescr_Type, &ClassMethodDescr_Type, &GetSetDescr_Type, &MemberDescr_Type,
    &CFunction_Type, &WrapperDescr_Type, &MethodWrapper_Type, &WeakRef_Type,
    &Code_Type, &Function_Type, &Method_Type, &Cell_Type, &Frame_Type,
    &Generator_Type, &Coroutine_Type, &CoroWrapper_Type,
    &AsyncGen_Type, &AsyncGenASend_Type, &AsyncGenAThrow_Type,
    &Traceback_Type,
#define X(c, n, b) &Exc_##c,
    EXC_TYPES(X)
#undef X
};

static TypeObj *const weak_types[] = {
#define X(n) &n,
    WEAK_TYPES(X)
#undef X
};

int excgroup_prepare_types(void);

int interp_ready_types(void)
{
    if (type_ready(&Object_Type) < 0 || type_ready(&Type_Type) < 0) return -1;
    if (excgroup_prepare_types() < 0) return -1;
    for (size_t i = 0; i < ARRAY_LEN(static_types); i++) {
        TypeObj *t = static_types[i];
        if (!t || (t->flags & TF_READY)) continue;
        if (type_ready(t) < 0) return -1;
    }
    for (size_t i = 0; i < ARRAY_LEN(weak_types); i++) {
        TypeObj *t = weak_types[i];
        if (!t || (t->flags & TF_READY)) continue;
        if (type_ready(t) < 0) return -1;
    }
    return 0;
}

/* ---- Interp / ThreadState ---------------------------------------------- */

Interp *interp_new(void)
{
    Interp *in = calloc(1, sizeof *in);
    if (!in) return NULL;
    in->recursion_limit = 1000;
    pthread_mutex_init(&in->threads_lock, NULL);
    if (gil_create(in) < 0) { free(in); return NULL; }
    if (!main_interp_root) main_interp_root = in;
    return in;
}

ThreadState *threadstate_new(Interp *interp)
{
    ThreadState *ts = calloc(1, sizeof *ts);
    if (!ts) return NULL;
    ts->interp = interp;
    ts->exc_info = &ts->exc_state;
    pthread_mutex_lock(&interp->threads_lock);
    ts->next = interp->threads;
    if (interp->threads) interp->threads->prev = ts;
    interp->threads = ts;
    if (!interp->main_thread) interp->main_thread = ts;
    pthread_mutex_unlock(&interp->threads_lock);
    return ts;
}

void threadstate_bind(ThreadState *ts)
{
    ts_current_ = ts;
    if (ts) {
        ts->thread_id = (unsigned long)pthread_self();
        ts->native_id = (long)syscall(SYS_gettid);
    }
}

void threadstate_delete(ThreadState *ts)
{
    if (!ts) return;
    Interp *in = ts->interp;
    pthread_mutex_lock(&in->threads_lock);
    if (ts->prev) ts->prev->next = ts->next;
    else if (in->threads == ts) in->threads = ts->next;
    if (ts->next) ts->next->prev = ts->prev;
    if (in->main_thread == ts) in->main_thread = NULL;
    pthread_mutex_unlock(&in->threads_lock);
    ThreadState *cur = ts_current_;
    if (cur == ts) {
        CLEAR(ts->curexc);
        CLEAR(ts->dict);
        CLEAR(ts->exc_state.exc);
        ts_current_ = NULL;
    } else {
        /* Dropping references needs a current thread state: borrow ts. */
        ts_current_ = ts;
        CLEAR(ts->curexc);
        CLEAR(ts->dict);
        CLEAR(ts->exc_state.exc);
        ts_current_ = cur;
    }
    free(ts);
}

int enter_recursive_call(const char *where)
{
    ThreadState *ts = ts_get();
    int limit = ts->interp->recursion_limit;
    ++ts->c_recursion_depth;
    if (UNLIKELY(ts->c_recursion_depth + ts->recursion_depth > limit ||
                 ts->c_recursion_depth > 40000)) {
        --ts->c_recursion_depth;
        err_format(&Exc_RecursionError, "maximum recursion depth exceeded%s", where ? where : "");
        return -1;
    }
    return 0;
}

void leave_recursive_call(void)
{
    ts_get()->c_recursion_depth--;
}

/* ---- finalization ------------------------------------------------------ */

static void flush_stream(const char *name)
{
    Obj *f = sys_get_object(name);
    if (!f || f == None) return;
    Obj *r = obj_call_method(f, "flush", NULL, 0);
    if (r) DECREF(r);
    else err_clear();
}

/* Flush sys.stdout; returns -1 when it failed (exit status 120 as CPython). */
int interp_flush_std_files(void)
{
    int rc = 0;
    Obj *f = sys_get_object("stdout");
    if (f && f != None) {
        Obj *closed = NULL;
        int r = obj_lookup_attr(f, str_intern_cstr("closed"), &closed);
        int is_closed = 0;
        if (r > 0) { is_closed = obj_is_true(closed) > 0; DECREF(closed); }
        if (r < 0) err_clear();
        if (!is_closed) {
            Obj *res = obj_call_method(f, "flush", NULL, 0);
            if (res) DECREF(res);
            else {
                err_write_unraisable(f);
                rc = -1;
            }
        }
    }
    flush_stream("stderr");
    if (err_occurred()) err_clear();
    fflush(stdout);
    fflush(stderr);
    return rc;
}

static void run_atexit(Interp *in)
{
    Obj *cbs = in->atexit_callbacks;
    if (!cbs || !list_check(cbs)) return;
    INCREF(cbs);
    while (LIST_SIZE(cbs) > 0) {
        ssize_t n = LIST_SIZE(cbs);
        Obj *item = LIST_ITEMS(cbs)[n - 1];
        INCREF(item);
        /* pop it */
        Obj *popped = obj_call_method(cbs, "pop", NULL, 0);
        if (popped) DECREF(popped);
        else err_clear();
        Obj *func = item, *res;
        if (tuple_check(item) && TUPLE_SIZE(item) >= 1) {
            func = TUPLE_GET(item, 0);
            Obj *args = TUPLE_SIZE(item) >= 2 && tuple_check(TUPLE_GET(item, 1)) ? TUPLE_GET(item, 1) : NULL;
            Obj *kw = TUPLE_SIZE(item) >= 3 && dict_check(TUPLE_GET(item, 2)) ? TUPLE_GET(item, 2) : NULL;
            Obj *empty = NULL;
            if (!args) { empty = tuple_new(0); args = empty; }
            res = args ? obj_call_tuple(func, args, kw) : NULL;
            XDECREF(empty);
        } else {
            res = obj_call0(func);
        }
        if (res) {
            DECREF(res);
        } else if (err_matches(&Exc_SystemExit)) {
            err_clear();
        } else {
            err_write_unraisable_msg("Exception ignored in atexit callback", func);
        }
        DECREF(item);
        if (!in->atexit_callbacks || in->atexit_callbacks != cbs) break;
    }
    DECREF(cbs);
}

static void wait_for_threads(Interp *in)
{
    if (!in->modules) return;
    Obj *threading = dict_getitem_str(in->modules, "threading");
    if (!threading) { if (err_occurred()) err_clear(); return; }
    INCREF(threading);
    Obj *r = obj_call_method(threading, "_shutdown", NULL, 0);
    if (r) DECREF(r);
    else if (err_matches(&Exc_AttributeError)) err_clear();
    else err_write_unraisable(threading);
    DECREF(threading);
}

/* Like CPython at shutdown: drop __main__'s globals in insertion order (as
 * freeing the module's dict does there; __builtins__ kept) so that objects
 * still alive get their __del__ and generator finalizers run, then collect
 * cycles. */
static void clear_main_module(Interp *in)
{
    Obj *mainmod = in->modules ? dict_getitem_str(in->modules, "__main__") : NULL;
    if (!mainmod || TYPE(mainmod) != &Module_Type) { if (err_occurred()) err_clear(); return; }
    Obj *d = module_get_dict(mainmod);
    if (!d) return;
    INCREF(d);
    Obj *keys = dict_keys_list(d);
    if (!keys) { err_clear(); DECREF(d); return; }
    for (ssize_t i = 0; i < LIST_SIZE(keys); i++) {
        Obj *k = LIST_ITEMS(keys)[i];
        if (!str_check(k) || str_eq_cstr(k, "__builtins__")) continue;
        if (dict_setitem(d, k, None) < 0) err_clear();
    }
    DECREF(keys);
    DECREF(d);
    gc_collect(2);
    if (err_occurred()) err_clear();
}

void interp_finalize(Interp *in)
{
    if (in->finalizing) return;
    wait_for_threads(in);
    in->finalizing = 1;
    run_atexit(in);
    if (interp_flush_std_files() < 0) { in->finalizing = 2; return; }   /* main(): exit status 120 */
    clear_main_module(in);
    if (interp_flush_std_files() < 0) in->finalizing = 2;
}
