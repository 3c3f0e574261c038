/* eval.c — the bytecode interpreter loop.
 *
 * One function, eval_frame(), written once behind TARGET(op)/DISPATCH()
 * macros: computed goto on gcc/clang (a jump table generated from the
 * OPCODES X-macro), a plain switch elsewhere.  Stack discipline: `sp` points
 * one past the top of the value stack, which lives in the frame after the
 * locals/cells/free slots.  Errors jump to `error`, which records the
 * traceback entry, then `exception_unwind` walks the frame's block stack
 * (see opcodes.h for the handler protocol).  Python->Python calls recurse on
 * the C stack (eval_frame -> func_call -> eval_frame) with a cheap frame setup.
 *
 * Safe points: function entry and backward jumps poll interp->eval_breaker;
 * eval_handle_breaker() is where the GIL hand-off and signal handlers go.
 */
#include "gilpy.h"
#include "core/eval_int.h"

#if defined(__GNUC__) && !defined(GILPY_NO_COMPUTED_GOTO)
#define USE_COMPUTED_GOTO 1
#endif

int eval_handle_breaker(ThreadState *ts)
{
    /* ---- GIL HOOK -------------------------------------------------------
     * When EB_GIL_DROP_REQUEST is set, core/gil.c drops the GIL here and
     * re-acquires it (the forced switch).  Signals (EB_SIGNALS_PENDING) run
     * their Python handlers here in the main thread; pending calls and async
     * exceptions likewise.  Return -1 with an exception set to abort. */
    (void)ts;
    return 0;
}

/* Handlers for special method lookups with CPython's error messages. */
static Obj *lookup_special_or_error(Obj *o, const char *name, const char *fmt)
{
    Obj *m = obj_type_lookup_special(o, str_intern_cstr(name));
    if (!m && !err_occurred()) err_format(&Exc_TypeError, fmt, o);
    return m;
}

static int do_raise(Obj *exc, Obj *cause)
{
    Obj *value = NULL;
    if (type_has_flag(TYPE(exc), TF_TYPE_SUBCLASS) && type_is_subtype((TypeObj *)exc, &Exc_BaseException)) {
        value = obj_call0(exc);
        if (!value) goto fail;
        if (!type_has_flag(TYPE(value), TF_EXC_SUBCLASS)) {
            err_format(&Exc_TypeError, "calling %R should have returned an instance of BaseException, not %T", exc, value);
            goto fail;
        }
    } else if (type_has_flag(TYPE(exc), TF_EXC_SUBCLASS)) {
        value = NEWREF(exc);
    } else {
        err_set_str(&Exc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause) {
        Obj *fixed;
        if (type_has_flag(TYPE(cause), TF_TYPE_SUBCLASS) && type_is_subtype((TypeObj *)cause, &Exc_BaseException)) {
            fixed = obj_call0(cause);
            if (!fixed) goto fail;
        } else if (type_has_flag(TYPE(cause), TF_EXC_SUBCLASS)) {
            fixed = NEWREF(cause);
        } else if (cause == None) {
            fixed = NULL;
        } else {
            err_set_str(&Exc_TypeError, "exception causes must derive from BaseException");
            goto fail;
        }
        exc_set_cause(value, fixed);
    }
    err_set_exc(value);
    DECREF(value);
    return 0;
fail:
    XDECREF(value);
    return -1;
}

static int check_except_type(Obj *t)
{
    if (tuple_check(t)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(t); i++)
            if (check_except_type(TUPLE_GET(t, i)) < 0) return -1;
        return 0;
    }
    if (type_has_flag(TYPE(t), TF_TYPE_SUBCLASS) && type_is_subtype((TypeObj *)t, &Exc_BaseException)) return 0;
    err_set_str(&Exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

static Obj *get_awaitable_iter(Obj *o, int where)
{
    if (TYPE(o) == &Coroutine_Type) return NEWREF(o);
    if (TYPE(o) == &Generator_Type && (((CodeObj *)((GenObj *)o)->code)->flags & CO_ITERABLE_COROUTINE))
        return NEWREF(o);
    Obj *m = obj_type_lookup_special(o, str_intern_cstr("__await__"));
    if (!m) {
        if (err_occurred()) return NULL;
        if (where == 1)
            return err_format(&Exc_TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %T", o);
        if (where == 2)
            return err_format(&Exc_TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %T", o);
        return err_format(&Exc_TypeError, "object %T can't be used in 'await' expression", o);
    }
    Obj *r = obj_call0(m);
    DECREF(m);
    if (!r) return NULL;
    if (TYPE(r) == &Coroutine_Type) {
        DECREF(r);
        return err_set_str(&Exc_TypeError, "__await__() returned a coroutine");
    }
    if (!TYPE(r)->iternext) {
        err_format(&Exc_TypeError, "__await__() returned non-iterator of type '%T'", r);
        DECREF(r);
        return NULL;
    }
    return r;
}

static int import_all_from(Obj *locals, Obj *module)
{
    Obj *all = NULL;
    int skip_private = 0;
    if (obj_lookup_attr(module, str_intern_cstr("__all__"), &all) < 0) return -1;
    if (!all) {
        Obj *d = NULL;
        if (obj_lookup_attr(module, str_intern_cstr("__dict__"), &d) < 0) return -1;
        if (!d) {
            err_set_str(&Exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = dict_check(d) ? dict_keys_list(d) : seq_list(d);
        DECREF(d);
        if (!all) return -1;
        skip_private = 1;
    }
    Obj *seq = seq_list(all);
    DECREF(all);
    if (!seq) return -1;
    int r = 0;
    for (ssize_t i = 0; i < LIST_SIZE(seq); i++) {
        Obj *name = LIST_ITEMS(seq)[i];
        if (!str_check(name)) {
            err_format(&Exc_TypeError, "%s in %s must be str, not %T", skip_private ? "Key" : "Item",
                       skip_private ? "__dict__" : "__all__", name);
            r = -1;
            break;
        }
        if (skip_private && STR_DATA(name)[0] == '_') continue;
        Obj *v = obj_getattr(module, name);
        if (!v) { r = -1; break; }
        int s = dict_check(locals) ? dict_setitem(locals, name, v) : obj_setitem(locals, name, v);
        DECREF(v);
        if (s < 0) { r = -1; break; }
    }
    DECREF(seq);
    return r;
}

static Obj *format_value(Obj *value, int which, Obj *spec)
{
    Obj *v;
    switch (which) {
    case 1: v = obj_str(value); break;
    case 2: v = obj_repr(value); break;
    case 3: v = obj_ascii(value); break;
    default: v = NEWREF(value); break;
    }
    if (!v) return NULL;
    if (TYPE(v) == &Str_Type && (!spec || (str_check(spec) && STR_SIZE(spec) == 0))) return v;
    Obj *r = obj_format(v, spec);
    DECREF(v);
    return r;
}

static int dict_merge_call(Obj *dict, Obj *other, Obj *func)
{
    Obj *keys = NULL;
    if (!dict_check(other)) {
        Obj *km = NULL;
        if (obj_lookup_attr(other, str_intern_cstr("keys"), &km) < 0) return -1;
        if (!km) {
            Obj *fs = func_display_name(func);
            err_format(&Exc_TypeError, "%U argument after ** must be a mapping, not %T", fs, other);
            XDECREF(fs);
            return -1;
        }
        Obj *kl = obj_call0(km);
        DECREF(km);
        if (!kl) return -1;
        keys = seq_list(kl);
        DECREF(kl);
    } else {
        keys = dict_keys_list(other);
    }
    if (!keys) return -1;
    int r = 0;
    for (ssize_t i = 0; i < LIST_SIZE(keys); i++) {
        Obj *k = LIST_ITEMS(keys)[i];
        if (!str_check(k)) {
            err_set_str(&Exc_TypeError, "keywords must be strings");
            r = -1;
            break;
        }
        int has = dict_contains(dict, k);
        if (has < 0) { r = -1; break; }
        if (has) {
            Obj *fs = func_display_name(func);
            err_format(&Exc_TypeError, "%U got multiple values for keyword argument '%U'", fs, k);
            XDECREF(fs);
            r = -1;
            break;
        }
        Obj *v = dict_check(other) ? NEWREF(dict_getitem(other, k)) : obj_getitem(other, k);
        if (!v) { r = -1; break; }
        r = dict_setitem(dict, k, v);
        DECREF(v);
        if (r < 0) break;
    }
    DECREF(keys);
    return r;
}

/* pattern matching helpers */
static Obj *match_class_attr(Obj *subject, Obj *name)
{
    Obj *v = NULL;
    if (obj_lookup_attr(subject, name, &v) < 0) return NULL;
    if (!v) err_set_obj(&Exc_AttributeError, name);
    return v;
}

static Obj *match_class(Obj *subject, Obj *cls, Obj *kwnames, int npos)
{
    if (!type_has_flag(TYPE(cls), TF_TYPE_SUBCLASS))
        return err_set_str(&Exc_TypeError, "called match pattern must be a class");
    int inst = obj_isinstance(subject, cls);
    if (inst < 0) return NULL;
    if (!inst) RETURN_NONE;
    ssize_t nkw = TUPLE_SIZE(kwnames);
    Obj *res = tuple_new(npos + nkw);
    if (!res) return NULL;
    Obj *match_args = NULL;
    if (npos > 0) {
        if (obj_lookup_attr(cls, str_intern_cstr("__match_args__"), &match_args) < 0) goto fail;
        TypeObj *t = (TypeObj *)cls;
        bool self_match = !match_args && (t == &Bool_Type || t == &ByteArray_Type || t == &Bytes_Type ||
                          t == &Dict_Type || t == &Float_Type || t == &FrozenSet_Type || t == &Int_Type ||
                          t == &List_Type || t == &Set_Type || t == &Str_Type || t == &Tuple_Type);
        if (self_match) {
            if (npos > 1) {
                err_format(&Exc_TypeError, "%s() accepts 1 positional sub-pattern (%d given)", type_name(t), npos);
                goto fail;
            }
            TUPLE_SET(res, 0, NEWREF(subject));
        } else {
            if (!match_args) match_args = tuple_new(0);
            if (!tuple_check(match_args)) {
                err_format(&Exc_TypeError, "%s.__match_args__ must be a tuple (got %T)", type_name(t), match_args);
                goto fail;
            }
            if (npos > TUPLE_SIZE(match_args)) {
                ssize_t n = TUPLE_SIZE(match_args);
                err_format(&Exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%d given)", type_name(t), n,
                           n == 1 ? "" : "s", npos);
                goto fail;
            }
            for (int i = 0; i < npos; i++) {
                Obj *name = TUPLE_GET(match_args, i);
                if (!str_check(name)) {
                    err_format(&Exc_TypeError, "__match_args__ elements must be strings (got %T)", name);
                    goto fail;
                }
                Obj *v = match_class_attr(subject, name);
                if (!v) {
                    if (err_matches(&Exc_AttributeError)) { err_clear(); DECREF(res); XDECREF(match_args); RETURN_NONE; }
                    goto fail;
                }
                TUPLE_SET(res, i, v);
            }
        }
    }
    for (ssize_t i = 0; i < nkw; i++) {
        Obj *v = match_class_attr(subject, TUPLE_GET(kwnames, i));
        if (!v) {
            if (err_matches(&Exc_AttributeError)) { err_clear(); DECREF(res); XDECREF(match_args); RETURN_NONE; }
            goto fail;
        }
        TUPLE_SET(res, npos + i, v);
    }
    XDECREF(match_args);
    return res;
fail:
    XDECREF(match_args);
    /* fill remaining with None so the tuple is valid for DECREF */
    for (ssize_t i = 0; i < TUPLE_SIZE(res); i++)
        if (!TUPLE_GET(res, i)) TUPLE_SET(res, i, NEWREF(None));
    DECREF(res);
    return NULL;
}

static Obj *match_keys(Obj *subject, Obj *keys)
{
    ssize_t n = TUPLE_SIZE(keys);
    Obj *vals = tuple_new(n);
    if (!vals) return NULL;
    for (ssize_t i = 0; i < n; i++) TUPLE_SET(vals, i, NEWREF(None));
    Obj *get = NULL;
    if (!dict_check(subject) || TYPE(subject) != &Dict_Type) {
        get = obj_getattr_str(subject, "get");
        if (!get) { DECREF(vals); return NULL; }
    }
    Obj *dummy = OBJ(&Exc_StopIteration);   /* any unique sentinel */
    for (ssize_t i = 0; i < n; i++) {
        Obj *k = TUPLE_GET(keys, i);
        Obj *v;
        if (get) {
            v = obj_call2(get, k, dummy);
            if (!v) goto fail;
            if (v == dummy) { DECREF(v); DECREF(vals); DECREF(get); RETURN_NONE; }
        } else {
            v = dict_getitem(subject, k);
            if (!v) {
                if (err_occurred()) goto fail;
                DECREF(vals);
                RETURN_NONE;
            }
            INCREF(v);
        }
        SETREF(TUPLE_ITEMS(vals)[i], v);
    }
    XDECREF(get);
    return vals;
fail:
    XDECREF(get);
    DECREF(vals);
    return NULL;
}

static bool is_match_sequence(Obj *o)
{
    TypeObj *t = TYPE(o);
    if (str_check(o) || bytes_check(o) || type_is_subtype(t, &ByteArray_Type)) return false;
    return list_check(o) || tuple_check(o) || type_is_subtype(t, &Range_Type) ||
           strcmp(t->name, "collections.deque") == 0 || strcmp(t->name, "deque") == 0;
}

/* ---------------------------------------------------------------------- */

/* C stack guard: Python calls recurse on the C stack, so besides the
 * recursion limit we stop ~256 KiB before the thread's real stack end. */
static _Thread_local char *c_stack_top;
static _Thread_local size_t c_stack_limit;

static void init_stack_limit(char *here)
{
    size_t size = 8u << 20;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr;
        size_t sz;
        if (pthread_attr_getstack(&attr, &addr, &sz) == 0 && sz > 0) {
            /* distance from here to the low end of the stack */
            size_t avail = (size_t)(here - (char *)addr);
            if (avail < sz) size = avail;
            else size = sz;
        }
        pthread_attr_destroy(&attr);
    }
    c_stack_limit = size > (512u << 10) ? size - (256u << 10) : size / 2;
    c_stack_top = here;
}
#define C_STACK_LIMIT c_stack_limit

/* Per-instruction attribute cache: records that, for instances of exactly
 * type `t` at version `version`, the attribute name has no class-level
 * entry at all (so an instance-dict hit is the whole answer).  Type versions
 * are dropped by type_modified() whenever the type, a base or its mro
 * changes; getattr/setattr slots are re-checked on every use. */
#define ATTR_CACHE_SIZE 2048
typedef struct { const uint32_t *ip; TypeObj *t; unsigned version; } AttrCacheEntry;
static AttrCacheEntry attr_cache[ATTR_CACHE_SIZE];

static inline AttrCacheEntry *attr_cache_slot(const uint32_t *ip)
{
    return &attr_cache[((uintptr_t)ip >> 2) & (ATTR_CACHE_SIZE - 1)];
}

static inline bool attr_cache_hit(const uint32_t *ip, TypeObj *t)
{
    AttrCacheEntry *e = attr_cache_slot(ip);
    return e->ip == ip && e->t == t && t->version != 0 && e->version == t->version;
}

/* After a slow-path access: remember (ip, t) if the class has no entry. */
static inline void attr_cache_fill(const uint32_t *ip, TypeObj *t, Obj *name)
{
    if (t->flags & TF_TYPE_SUBCLASS) return;
    if (type_lookup(t, name) != NULL || t->version == 0) return;
    AttrCacheEntry *e = attr_cache_slot(ip);
    e->ip = ip;
    e->t = t;
    e->version = t->version;
}

/* Per-instruction LOAD_GLOBAL cache keyed on the globals / builtins dicts'
 * identities and versions (every dict mutation gives a fresh version). */
#define GLOBAL_CACHE_SIZE 1024
typedef struct {
    const uint32_t *ip;
    Obj *globals, *builtins;          /* builtins NULL: value came from globals */
    uint64_t gver, bver;
    Obj *value;                       /* borrowed: kept alive by the dict */
} GlobalCacheEntry;
static GlobalCacheEntry global_cache[GLOBAL_CACHE_SIZE];

static inline GlobalCacheEntry *global_cache_slot(const uint32_t *ip)
{
    return &global_cache[((uintptr_t)ip >> 2) & (GLOBAL_CACHE_SIZE - 1)];
}

/* Names are interned lazily on first use so that attribute / global lookups
 * hit the pointer-identity fast path in dict and method-cache lookups. */
static Obj *eval_name_slow(Obj *names, int i)
{
    Obj *n = TUPLE_GET(names, i);
    if (TYPE(n) != &Str_Type) return n;
    INCREF(n);
    Obj *in = str_intern(n);            /* steals the extra reference */
    if (!in) { err_clear(); return n; }
    if (in != n) {
        INCREF(in);
        TUPLE_ITEMS(names)[i] = in;
        DECREF(n);
    }
    return in;
}

static inline Obj *eval_name(Obj *names, int i)
{
    Obj *n = TUPLE_GET(names, i);
    if (LIKELY(((StrObj *)n)->interned)) return n;
    return eval_name_slow(names, i);
}

/* Bound __enter__/__exit__ (or __aenter__/__aexit__) of a context manager,
 * with CPython's errors when either is missing. */
static int with_lookup(Obj *mgr, bool async, Obj **enter, Obj **exit)
{
    const char *proto = async ? "asynchronous context manager" : "context manager";
    *enter = obj_type_lookup_special(mgr, str_intern_cstr(async ? "__aenter__" : "__enter__"));
    if (!*enter) {
        if (!err_occurred())
            err_format(&Exc_TypeError, "'%T' object does not support the %s protocol", mgr, proto);
        return -1;
    }
    *exit = obj_type_lookup_special(mgr, str_intern_cstr(async ? "__aexit__" : "__exit__"));
    if (!*exit) {
        if (!err_occurred())
            err_format(&Exc_TypeError, "'%T' object does not support the %s protocol (missed %s method)",
                       mgr, proto, async ? "__aexit__" : "__exit__");
        CLEAR(*enter);
        return -1;
    }
    return 0;
}

Obj *eval_frame(Frame *f, int throwflag)
{
    ThreadState *ts = ts_get();
    Interp *interp = ts->interp;
    char here;
    if (UNLIKELY(!c_stack_top)) init_stack_limit(&here);
    if (++ts->recursion_depth > interp->recursion_limit ||
        (size_t)(c_stack_top - &here) > C_STACK_LIMIT) {
        --ts->recursion_depth;
        if (throwflag) {
            /* keep the exception being thrown in */
        } else {
            err_set_str(&Exc_RecursionError, "maximum recursion depth exceeded");
        }
        return NULL;
    }

#ifdef USE_COMPUTED_GOTO
    static void *const targets[OP_COUNT] = {
#define X(name, pop, push, note) [OP_##name] = &&TARGET_##name,
        OPCODES(X)
#undef X
    };
#define TARGET(op) TARGET_##op:
#define DISPATCH() do { word = *next_instr++; oparg = INSTR_ARG(word); goto *targets[INSTR_OP(word)]; } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() continue
#endif

    CodeObj *co = (CodeObj *)f->code;
    const uint32_t *first_instr = co->code;
    const uint32_t *next_instr = first_instr + f->next;
    Obj **localsplus = f->localsplus;
    Obj **stack_base = localsplus + f->nlocalsplus;
    Obj **sp = stack_base + f->stacktop;
    Obj *consts = co->consts;
    Obj *names = co->names;
    Obj *kwnames = NULL;
    Obj *retval = NULL;
    uint32_t word;
    int oparg;

    f->back = ts->frame;
    ts->frame = f;
    f->state = FRAME_EXECUTING;
    f->stacktop = 0;

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define GETNAME(i) (eval_name(names, (i)))
#define SAVE_LASTI() (f->lasti = (int)(next_instr - first_instr) - 1)
#define JUMPTO(x) (next_instr = first_instr + (x))
#define CHECK_BREAKER() do { \
        if (UNLIKELY(atomic_load_explicit(&interp->eval_breaker, memory_order_relaxed))) { \
            SAVE_LASTI(); \
            if (eval_handle_breaker(ts) < 0) goto error; \
        } } while (0)

    if (throwflag) {
        /* resuming a generator with an exception: it is raised at the yield */
        f->lasti = f->next > 0 ? f->next - 1 : 0;
        goto error_with_lasti;
    }
    if (f->next == 0) CHECK_BREAKER();

#ifdef USE_COMPUTED_GOTO
    DISPATCH();
#else
    for (;;) {
        word = *next_instr++;
        oparg = INSTR_ARG(word);
        switch (INSTR_OP(word)) {
#endif

    TARGET(NOP) { DISPATCH(); }

    TARGET(POP_TOP) {
        Obj *v = POP();
        XDECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        Obj *v = PEEK(oparg);
        XINCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(SWAP) {
        Obj *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        Obj *v = TUPLE_GET(consts, oparg);
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        Obj *v = localsplus[oparg];
        if (UNLIKELY(!v)) {
            err_format(&Exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                       TUPLE_GET(co->varnames, oparg));
            goto error;
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        Obj *v = POP();
        Obj *old = localsplus[oparg];
        localsplus[oparg] = v;
        XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        Obj *old = localsplus[oparg];
        if (!old) {
            err_format(&Exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                       TUPLE_GET(co->varnames, oparg));
            goto error;
        }
        localsplus[oparg] = NULL;
        DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        Obj *cell = localsplus[co->nlocals + oparg];
        Obj *v = CELL_GET(cell);
        if (UNLIKELY(!v)) {
            unbound_deref_error(co, oparg);
            goto error;
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        Obj *name = oparg < co->ncells ? TUPLE_GET(co->cellvars, oparg) : TUPLE_GET(co->freevars, oparg - co->ncells);
        Obj *v = NULL;
        if (f->locals) {
            if (dict_check(f->locals)) {
                v = dict_getitem(f->locals, name);
                if (v) INCREF(v);
                else if (err_occurred()) goto error;
            } else {
                v = obj_getitem(f->locals, name);
                if (!v) {
                    if (!err_matches(&Exc_KeyError)) goto error;
                    err_clear();
                }
            }
        }
        if (!v) {
            v = CELL_GET(localsplus[co->nlocals + oparg]);
            if (!v) {
                unbound_deref_error(co, oparg);
                goto error;
            }
            INCREF(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        Obj *v = POP();
        CellObj *cell = (CellObj *)localsplus[co->nlocals + oparg];
        Obj *old = cell->ref;
        cell->ref = v;
        XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        CellObj *cell = (CellObj *)localsplus[co->nlocals + oparg];
        if (!cell->ref) {
            unbound_deref_error(co, oparg);
            goto error;
        }
        CLEAR(cell->ref);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        Obj *cell = localsplus[co->nlocals + oparg];
        INCREF(cell);
        PUSH(cell);
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        Obj *name = GETNAME(oparg);
        Obj *v = NULL;
        Obj *locals = f->locals;
        if (!locals) {
            err_format(&Exc_SystemError, "no locals when loading %R", name);
            goto error;
        }
        if (TYPE(locals) == &Dict_Type) {
            v = dict_getitem(locals, name);
            if (v) INCREF(v);
            else if (err_occurred()) goto error;
        } else {
            v = obj_getitem(locals, name);
            if (!v) {
                if (!err_matches(&Exc_KeyError)) goto error;
                err_clear();
            }
        }
        if (!v) {
            v = dict_getitem(f->globals, name);
            if (!v) {
                if (err_occurred()) goto error;
                v = lookup_builtin(f, name);
                if (!v) {
                    if (!err_occurred()) name_error(name);
                    goto error;
                }
            }
            INCREF(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        Obj *name = GETNAME(oparg);
        Obj *v = POP();
        Obj *locals = f->locals;
        int r;
        if (!locals) {
            err_format(&Exc_SystemError, "no locals found when storing %R", name);
            DECREF(v);
            goto error;
        }
        if (TYPE(locals) == &Dict_Type) r = dict_setitem(locals, name, v);
        else r = obj_setitem(locals, name, v);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        Obj *name = GETNAME(oparg);
        Obj *locals = f->locals;
        if (!locals) {
            err_format(&Exc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        int r = obj_delitem(locals, name);
        if (r < 0) {
            if (err_matches(&Exc_KeyError)) {
                err_clear();
                name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        Obj *name = GETNAME(oparg);
        Obj *g = f->globals;
        GlobalCacheEntry *gc = global_cache_slot(next_instr);
        if (gc->ip == next_instr && gc->globals == g && gc->gver == DICT_VERSION(g)
            && (gc->builtins == NULL
                || (gc->builtins == f->builtins && gc->bver == DICT_VERSION(gc->builtins)))) {
            Obj *cv = gc->value;
            INCREF(cv);
            PUSH(cv);
            DISPATCH();
        }
        Obj *v = dict_getitem(g, name);
        if (v) {
            if (DICT_VERSION(g) != 0) {
                gc->ip = next_instr; gc->globals = g; gc->gver = DICT_VERSION(g);
                gc->builtins = NULL; gc->bver = 0; gc->value = v;
            }
        } else {
            if (UNLIKELY(err_occurred())) goto error;
            v = lookup_builtin(f, name);
            if (!v) {
                if (!err_occurred()) name_error(name);
                goto error;
            }
            Obj *b = f->builtins;
            if (DICT_VERSION(g) != 0 && b && dict_check(b) && DICT_VERSION(b) != 0) {
                gc->ip = next_instr; gc->globals = g; gc->gver = DICT_VERSION(g);
                gc->builtins = b; gc->bver = DICT_VERSION(b); gc->value = v;
            }
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        Obj *v = POP();
        int r = dict_setitem(f->globals, GETNAME(oparg), v);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        Obj *name = GETNAME(oparg);
        if (dict_delitem(f->globals, name) < 0) {
            if (err_matches(&Exc_KeyError)) {
                err_clear();
                name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        Obj *owner = TOP();
        Obj *name = GETNAME(oparg);
        Obj *v;
        if (!IS_SMALLINT(owner) && TYPE(owner)->getattr == obj_generic_getattr) {
            TypeObj *t = TYPE(owner);
            if (attr_cache_hit(next_instr, t) && t->dictoffset) {
                Obj **dp = (Obj **)((char *)owner + t->dictoffset);
                if (*dp) {
                    v = dict_getitem(*dp, name);
                    if (v) {
                        INCREF(v);
                        SET_TOP(v);
                        DECREF(owner);
                        DISPATCH();
                    }
                    if (err_occurred()) goto error;
                }
            }
            v = obj_getattr(owner, name);
            if (!v) goto error;
            attr_cache_fill(next_instr, t, name);
        } else {
            v = obj_getattr(owner, name);
        }
        if (!v) goto error;
        SET_TOP(v);
        DECREF(owner);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        Obj *owner = POP();
        Obj *v = POP();
        Obj *name = GETNAME(oparg);
        int r;
        if (!IS_SMALLINT(owner) && TYPE(owner)->setattr == obj_generic_setattr) {
            TypeObj *t = TYPE(owner);
            Obj **dp;
            if (attr_cache_hit(next_instr, t) && t->dictoffset
                && *(dp = (Obj **)((char *)owner + t->dictoffset)) != NULL) {
                r = dict_setitem(*dp, name, v);
            } else {
                r = obj_setattr(owner, name, v);
                if (r == 0) attr_cache_fill(next_instr, t, name);
            }
        } else {
            r = obj_setattr(owner, name, v);
        }
        DECREF(owner);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        Obj *owner = POP();
        int r = obj_setattr(owner, GETNAME(oparg), NULL);
        DECREF(owner);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        Obj *owner = TOP();
        Obj *name = GETNAME(oparg);
        Obj *meth = NULL;
        int found = load_method(owner, name, &meth);
        if (found < 0) goto error;
        if (found) {
            /* unbound function + self */
            SET_TOP(meth);
            PUSH(owner);
        } else {
            SET_TOP(NULL);
            DECREF(owner);
            PUSH(meth);
        }
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        Obj *rhs = POP();
        Obj *lhs = TOP();
        Obj *res;
        if (IS_SMALLINT(lhs) && IS_SMALLINT(rhs)) {
            intptr_t a = SMALLINT_VALUE(lhs), b = SMALLINT_VALUE(rhs), x;
            int op = oparg >= NB_INPLACE_BASE ? oparg - NB_INPLACE_BASE : oparg;
            switch (op) {
            case NB_ADD:
                x = a + b;
                if (SMALLINT_FITS(x)) { SET_TOP(MAKE_SMALLINT(x)); DISPATCH(); }
                break;
            case NB_SUB:
                x = a - b;
                if (SMALLINT_FITS(x)) { SET_TOP(MAKE_SMALLINT(x)); DISPATCH(); }
                break;
            case NB_MUL:
                if (!__builtin_mul_overflow(a, b, &x) && SMALLINT_FITS(x)) { SET_TOP(MAKE_SMALLINT(x)); DISPATCH(); }
                break;
            case NB_FLOORDIV:
                if (b != 0) {
                    x = a / b;
                    if ((a % b != 0) && ((a < 0) != (b < 0))) x--;
                    if (SMALLINT_FITS(x)) { SET_TOP(MAKE_SMALLINT(x)); DISPATCH(); }
                }
                break;
            case NB_MOD:
                if (b != 0) {
                    x = a % b;
                    if (x != 0 && ((x < 0) != (b < 0))) x += b;
                    SET_TOP(MAKE_SMALLINT(x));
                    DISPATCH();
                }
                break;
            case NB_AND: SET_TOP(MAKE_SMALLINT(a & b)); DISPATCH();
            case NB_OR: SET_TOP(MAKE_SMALLINT(a | b)); DISPATCH();
            case NB_XOR: SET_TOP(MAKE_SMALLINT(a ^ b)); DISPATCH();
            default: break;
            }
        } else if (!IS_SMALLINT(lhs) && !IS_SMALLINT(rhs) && TYPE(lhs) == &Float_Type && TYPE(rhs) == &Float_Type) {
            double a = FLOAT_VAL(lhs), b = FLOAT_VAL(rhs), x = 0;
            int op = oparg >= NB_INPLACE_BASE ? oparg - NB_INPLACE_BASE : oparg;
            bool ok = true;
            switch (op) {
            case NB_ADD: x = a + b; break;
            case NB_SUB: x = a - b; break;
            case NB_MUL: x = a * b; break;
            case NB_TRUEDIV: if (b != 0.0) x = a / b; else ok = false; break;
            default: ok = false; break;
            }
            if (ok) {
                res = float_from_double(x);
                if (!res) { DECREF(rhs); goto error; }
                SET_TOP(res);
                DECREF(lhs);
                DECREF(rhs);
                DISPATCH();
            }
        }
        if (oparg >= NB_INPLACE_BASE) res = obj_inplace_op(lhs, rhs, oparg - NB_INPLACE_BASE);
        else res = obj_binop(lhs, rhs, oparg);
        DECREF(rhs);
        if (!res) goto error;
        SET_TOP(res);
        DECREF(lhs);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        Obj *v = TOP();
        Obj *r;
        if (IS_SMALLINT(v) && SMALLINT_VALUE(v) != SMALLINT_MIN) r = MAKE_SMALLINT(-SMALLINT_VALUE(v));
        else r = obj_neg(v);
        if (!r) goto error;
        SET_TOP(r);
        DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        Obj *v = TOP();
        Obj *r = obj_pos(v);
        if (!r) goto error;
        SET_TOP(r);
        DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        Obj *v = TOP();
        Obj *r = obj_invert(v);
        if (!r) goto error;
        SET_TOP(r);
        DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        Obj *v = TOP();
        int t = v == True_ ? 1 : v == False_ ? 0 : obj_is_true(v);
        if (t < 0) goto error;
        SET_TOP(BOOL(!t));
        DECREF(v);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        Obj *rhs = POP();
        Obj *lhs = TOP();
        if (IS_SMALLINT(lhs) && IS_SMALLINT(rhs)) {
            intptr_t a = (intptr_t)lhs, b = (intptr_t)rhs;
            bool r;
            switch (oparg) {
            case CMP_LT: r = a < b; break;
            case CMP_LE: r = a <= b; break;
            case CMP_EQ: r = a == b; break;
            case CMP_NE: r = a != b; break;
            case CMP_GT: r = a > b; break;
            default: r = a >= b; break;
            }
            SET_TOP(BOOL(r));
            DISPATCH();
        }
        Obj *res = obj_richcompare(lhs, rhs, oparg);
        DECREF(rhs);
        if (!res) goto error;
        SET_TOP(res);
        DECREF(lhs);
        DISPATCH();
    }

    TARGET(IS_OP) {
        Obj *rhs = POP();
        Obj *lhs = TOP();
        bool r = (lhs == rhs) ^ (oparg != 0);
        SET_TOP(BOOL(r));
        DECREF(lhs);
        DECREF(rhs);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        Obj *rhs = POP();
        Obj *lhs = TOP();
        int r = obj_contains(rhs, lhs);
        DECREF(rhs);
        if (r < 0) goto error;
        SET_TOP(BOOL(r ^ oparg));
        DECREF(lhs);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        Obj *key = POP();
        Obj *container = TOP();
        Obj *r;
        if (IS_SMALLINT(key) && !IS_SMALLINT(container) && TYPE(container) == &List_Type) {
            intptr_t i = SMALLINT_VALUE(key);
            if (i < 0) i += LIST_SIZE(container);
            if (i >= 0 && i < LIST_SIZE(container)) {
                r = LIST_ITEMS(container)[i];
                INCREF(r);
                SET_TOP(r);
                DECREF(container);
                DISPATCH();
            }
        } else if (IS_SMALLINT(key) && !IS_SMALLINT(container) && TYPE(container) == &Tuple_Type) {
            intptr_t i = SMALLINT_VALUE(key);
            if (i < 0) i += TUPLE_SIZE(container);
            if (i >= 0 && i < TUPLE_SIZE(container)) {
                r = TUPLE_GET(container, i);
                INCREF(r);
                SET_TOP(r);
                DECREF(container);
                DISPATCH();
            }
        }
        r = obj_getitem(container, key);
        DECREF(key);
        if (!r) goto error;
        SET_TOP(r);
        DECREF(container);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        Obj *key = POP();
        Obj *container = POP();
        Obj *v = POP();
        int r;
        if (IS_SMALLINT(key) && !IS_SMALLINT(container) && TYPE(container) == &List_Type &&
            SMALLINT_VALUE(key) >= 0 && SMALLINT_VALUE(key) < LIST_SIZE(container)) {
            Obj *old = LIST_ITEMS(container)[SMALLINT_VALUE(key)];
            LIST_ITEMS(container)[SMALLINT_VALUE(key)] = v;
            DECREF(old);
            DECREF(container);
            DISPATCH();
        }
        r = obj_setitem(container, key, v);
        DECREF(key);
        DECREF(container);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        Obj *key = POP();
        Obj *container = POP();
        int r = obj_delitem(container, key);
        DECREF(key);
        DECREF(container);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        Obj *step = oparg == 3 ? POP() : NULL;
        Obj *stop = POP();
        Obj *start = TOP();
        Obj *s = slice_new(start, stop, step);
        DECREF(start);
        DECREF(stop);
        XDECREF(step);
        if (!s) { sp--; goto error; }
        SET_TOP(s);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        Obj *t = tuple_new(oparg);
        if (!t) goto error;
        for (int i = oparg - 1; i >= 0; i--) TUPLE_SET(t, i, POP());
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        Obj *l = list_new(oparg);
        if (!l) goto error;
        for (int i = oparg - 1; i >= 0; i--) LIST_ITEMS(l)[i] = POP();
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        Obj *s = set_new(NULL);
        int err = s ? 0 : -1;
        for (int i = oparg; i > 0; i--) {
            Obj *item = PEEK(i);
            if (!err) err = set_add(s, item);
            DECREF(item);
        }
        sp -= oparg;
        if (err) { XDECREF(s); goto error; }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        Obj *d = dict_new();
        int err = d ? 0 : -1;
        for (int i = oparg; i > 0; i--) {
            Obj *k = PEEK(2 * i), *v = PEEK(2 * i - 1);
            if (!err) err = dict_setitem(d, k, v);
        }
        for (int i = 0; i < 2 * oparg; i++) DECREF(POP());
        if (err) { XDECREF(d); goto error; }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        Obj *keys = POP();
        Obj *d = dict_new();
        int err = d ? 0 : -1;
        for (int i = 0; i < oparg && !err; i++) err = dict_setitem(d, TUPLE_GET(keys, i), PEEK(oparg - i));
        for (int i = 0; i < oparg; i++) DECREF(POP());
        DECREF(keys);
        if (err) { XDECREF(d); goto error; }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        StrBuilder sb;
        sb_init(&sb);
        int err = 0;
        for (int i = oparg; i > 0; i--)
            if (!err && sb_append_str(&sb, PEEK(i)) < 0) err = 1;
        for (int i = 0; i < oparg; i++) DECREF(POP());
        if (err) { sb_discard(&sb); goto error; }
        Obj *s = sb_finish(&sb);
        if (!s) goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        Obj *v = POP();
        int r = list_append(PEEK(oparg), v);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        Obj *v = POP();
        int r = set_add(PEEK(oparg), v);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        Obj *v = POP();
        Obj *k = POP();
        int r = dict_setitem(PEEK(oparg), k, v);
        DECREF(k);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        Obj *it = POP();
        int r = list_extend(PEEK(oparg), it);
        if (r < 0) {
            if (err_matches(&Exc_TypeError) && !TYPE(it)->iter && !TYPE(it)->getitem) {
                err_clear();
                Obj *fn = oparg == 1 && sp - stack_base >= 3 ? PEEK(2) : NULL;
                if (fn && obj_callable(fn) && sp - stack_base >= 3 && PEEK(3) == NULL) {
                    Obj *fs = func_display_name(fn);
                    err_format(&Exc_TypeError, "%U argument after * must be an iterable, not %T", fs, it);
                    XDECREF(fs);
                } else {
                    err_format(&Exc_TypeError, "Value after * must be an iterable, not %T", it);
                }
            }
            DECREF(it);
            goto error;
        }
        DECREF(it);
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        Obj *it = POP();
        Obj *s = PEEK(oparg);
        /* set.update semantics (a set/frozenset source is merged table-wise,
         * which fixes the iteration order of constant set displays) */
        int err = set_update(s, it);
        DECREF(it);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        Obj *other = POP();
        Obj *d = PEEK(oparg);
        int r;
        if (dict_check(other)) r = dict_merge(d, other, 1);
        else {
            Obj *km = NULL;
            if (obj_lookup_attr(other, str_intern_cstr("keys"), &km) < 0) { DECREF(other); goto error; }
            if (!km) {
                err_format(&Exc_TypeError, "'%T' object is not a mapping", other);
                DECREF(other);
                goto error;
            }
            DECREF(km);
            r = dict_merge(d, other, 1);
        }
        DECREF(other);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        Obj *other = POP();
        Obj *d = PEEK(oparg);
        Obj *fn = PEEK(oparg + 2);
        int r = dict_merge_call(d, other, fn);
        DECREF(other);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        Obj *l = TOP();
        Obj *t = list_as_tuple(l);
        if (!t) goto error;
        SET_TOP(t);
        DECREF(l);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        Obj *seq = POP();
        if (!IS_SMALLINT(seq) && TYPE(seq) == &Tuple_Type && TUPLE_SIZE(seq) == oparg) {
            for (int i = oparg - 1; i >= 0; i--) PUSH(NEWREF(TUPLE_GET(seq, i)));
        } else if (!IS_SMALLINT(seq) && TYPE(seq) == &List_Type && LIST_SIZE(seq) == oparg) {
            for (int i = oparg - 1; i >= 0; i--) PUSH(NEWREF(LIST_ITEMS(seq)[i]));
        } else {
            Obj *tmp[16];
            Obj **out = oparg <= 16 ? tmp : mem_alloc(sizeof(Obj *) * (size_t)oparg);
            if (!out) { DECREF(seq); goto error; }
            if (seq_unpack(seq, out, oparg) < 0) {
                if (out != tmp) mem_free(out);
                DECREF(seq);
                goto error;
            }
            for (int i = oparg - 1; i >= 0; i--) PUSH(out[i]);
            if (out != tmp) mem_free(out);
        }
        DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int before = oparg & 0xff, after = oparg >> 8;
        Obj *seq = POP();
        Obj *l = unpack_ex_list(seq, before, after);
        DECREF(seq);
        if (!l) goto error;
        ssize_t n = LIST_SIZE(l);
        /* after items (reverse), then the middle list, then before items */
        for (int i = 0; i < after; i++) PUSH(NEWREF(LIST_ITEMS(l)[n - 1 - i]));
        Obj *mid = list_from_array(LIST_ITEMS(l) + before, n - before - after);
        if (!mid) { DECREF(l); goto error; }
        PUSH(mid);
        for (int i = before - 1; i >= 0; i--) PUSH(NEWREF(LIST_ITEMS(l)[i]));
        DECREF(l);
        DISPATCH();
    }

    TARGET(JUMP) {
        if (oparg <= (int)(next_instr - first_instr)) {
            JUMPTO(oparg);
            CHECK_BREAKER();
        } else {
            JUMPTO(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        Obj *v = POP();
        if (v == False_) { JUMPTO(oparg); DISPATCH(); }
        if (v == True_) DISPATCH();
        int t = obj_is_true(v);
        DECREF(v);
        if (t < 0) goto error;
        if (!t) JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        Obj *v = POP();
        if (v == True_) { JUMPTO(oparg); DISPATCH(); }
        if (v == False_) DISPATCH();
        int t = obj_is_true(v);
        DECREF(v);
        if (t < 0) goto error;
        if (t) JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        Obj *v = POP();
        if (v == None) JUMPTO(oparg);
        else DECREF(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        Obj *v = POP();
        if (v != None) { DECREF(v); JUMPTO(oparg); }
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        Obj *v = TOP();
        int t = v == True_ ? 1 : v == False_ ? 0 : obj_is_true(v);
        if (t < 0) goto error;
        if (!t) JUMPTO(oparg);
        else { sp--; DECREF(v); }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        Obj *v = TOP();
        int t = v == True_ ? 1 : v == False_ ? 0 : obj_is_true(v);
        if (t < 0) goto error;
        if (t) JUMPTO(oparg);
        else { sp--; DECREF(v); }
        DISPATCH();
    }

    TARGET(GET_ITER) {
        Obj *v = TOP();
        Obj *it = obj_iter(v);
        if (!it) goto error;
        SET_TOP(it);
        DECREF(v);
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        Obj *it = TOP();
        Obj *next = TYPE(it)->iternext ? TYPE(it)->iternext(it) : obj_iternext(it);
        if (next) {
            PUSH(next);
            DISPATCH();
        }
        if (err_occurred()) {
            if (!err_matches(&Exc_StopIteration)) goto error;
            err_clear();
        }
        sp--;
        DECREF(it);
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = TUPLE_GET(consts, oparg);
        DISPATCH();
    }

    TARGET(CALL) {
        Obj **args = sp - oparg;
        Obj *callable = args[-1];
        int total = oparg;
        if (args[-2]) {
            callable = args[-2];
            args--;
            total++;
        }
        size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
        size_t npos = (size_t)total - nkw;
        SAVE_LASTI();
        Obj *res;
        if (TYPE(callable) == &Function_Type) res = func_call(callable, args, npos, kwnames);
        else res = obj_call(callable, args, npos, kwnames);
        kwnames = NULL;
        Obj **bottom = sp - oparg - 2;
        while (sp > bottom) {
            Obj *v = POP();
            XDECREF(v);
        }
        if (!res) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        Obj *kwargs = (oparg & 1) ? POP() : NULL;
        Obj *cargs = POP();
        Obj *func = POP();
        Obj *null = POP();
        SAVE_LASTI();
        Obj *res;
        if (kwargs && dict_size(kwargs) == 0) {
            res = obj_call_tuple(func, cargs, NULL);
        } else {
            res = obj_call_tuple(func, cargs, kwargs);
        }
        XDECREF(kwargs);
        DECREF(cargs);
        DECREF(func);
        XDECREF(null);
        if (!res) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        Obj *code = POP();
        FuncObj *fn = (FuncObj *)func_new(code, f->globals, NULL);
        DECREF(code);
        if (!fn) goto error;
        if (oparg & 8) fn->closure = POP();
        if (oparg & 4) fn->annotations = POP();
        if (oparg & 2) fn->kwdefaults = POP();
        if (oparg & 1) fn->defaults = POP();
        PUSH(OBJ(fn));
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        f->state = FRAME_COMPLETED;
        goto exit_frame;
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        f->stacktop = (int)(sp - stack_base);
        f->next = (int)(next_instr - first_instr);
        f->lasti = f->next - 1;
        f->state = FRAME_SUSPENDED;
        goto exit_yield;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        Obj *v = TOP();
        if (TYPE(v) == &Coroutine_Type) {
            if (!(co->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                err_set_str(&Exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
            DISPATCH();
        }
        if (TYPE(v) == &Generator_Type) DISPATCH();
        Obj *it = obj_iter(v);
        if (!it) goto error;
        SET_TOP(it);
        DECREF(v);
        DISPATCH();
    }

    TARGET(SEND) {
        Obj *v = POP();
        Obj *it = TOP();
        int done = 0;
        Obj *res;
        SAVE_LASTI();
        if (gen_check(it)) {
            res = gen_send_ex(it, v, &done);
        } else if (v == None && TYPE(it)->iternext) {
            res = TYPE(it)->iternext(it);
            if (!res) {
                if (!err_occurred()) { res = NEWREF(None); done = 1; }
                else if (err_matches(&Exc_StopIteration)) {
                    Obj *e = err_fetch();
                    res = stopiteration_value(e);
                    DECREF(e);
                    done = 1;
                }
            }
        } else {
            Obj *a[1] = { v };
            res = obj_call_method(it, "send", a, 1);
            if (!res && err_matches(&Exc_StopIteration)) {
                Obj *e = err_fetch();
                res = stopiteration_value(e);
                DECREF(e);
                done = 1;
            }
        }
        DECREF(v);
        if (!res) goto error;
        if (done) {
            SET_TOP(res);
            DECREF(it);
            JUMPTO(oparg);
        } else {
            PUSH(res);
        }
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        Obj *v = TOP();
        Obj *it = get_awaitable_iter(v, oparg);
        if (!it) goto error;
        if (TYPE(it) == &Coroutine_Type) {
            GenObj *g = (GenObj *)it;
            if (g->frame && g->frame->state == FRAME_SUSPENDED && gen_yf(it)) {
                DECREF(it);
                err_set_str(&Exc_RuntimeError, "coroutine is being awaited already");
                goto error;
            }
        }
        SET_TOP(it);
        DECREF(v);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        Obj *v = TOP();
        Obj *m = lookup_special_or_error(v, "__aiter__", "'async for' requires an object with __aiter__ method, got %T");
        if (!m) goto error;
        Obj *it = obj_call0(m);
        DECREF(m);
        if (!it) goto error;
        Obj *an = obj_type_lookup_special(it, str_intern_cstr("__anext__"));
        if (!an) {
            if (!err_occurred())
                err_format(&Exc_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %T", it);
            DECREF(it);
            goto error;
        }
        DECREF(an);
        SET_TOP(it);
        DECREF(v);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        Obj *aiter = TOP();
        Obj *m = lookup_special_or_error(aiter, "__anext__", "'async for' requires an iterator with __anext__ method, got %T");
        if (!m) goto error;
        Obj *aw = obj_call0(m);
        DECREF(m);
        if (!aw) goto error;
        Obj *it = get_awaitable_iter(aw, 0);
        if (!it) {
            if (err_matches(&Exc_TypeError)) {
                err_clear();
                err_format(&Exc_TypeError, "'async for' received an invalid object from __anext__: %T", aw);
            }
            DECREF(aw);
            goto error;
        }
        DECREF(aw);
        PUSH(it);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        Obj *exc = TOP();
        if (type_has_flag(TYPE(exc), TF_EXC_SUBCLASS) && type_is_subtype(TYPE(exc), &Exc_StopAsyncIteration)) {
            sp--;
            DECREF(exc);
            pop_except_block(ts, f, &sp);
            Obj *aiter = POP();
            DECREF(aiter);
            DISPATCH();
        }
        sp--;
        err_restore(exc);
        goto exception_unwind;
    }

    TARGET(SETUP_FINALLY) {
        if (f->nblocks >= FRAME_MAXBLOCKS) {
            err_set_str(&Exc_SystemError, "too many nested blocks");
            goto error;
        }
        FrameBlock *b = &f->blocks[f->nblocks++];
        b->type = BLOCK_FINALLY;
        b->handler = oparg;
        b->level = (int)(sp - stack_base);
        DISPATCH();
    }

    TARGET(SETUP_WITH) {
        if (f->nblocks >= FRAME_MAXBLOCKS) {
            err_set_str(&Exc_SystemError, "too many nested blocks");
            goto error;
        }
        FrameBlock *b = &f->blocks[f->nblocks++];
        b->type = BLOCK_FINALLY;
        b->handler = oparg;
        b->level = (int)(sp - stack_base) - 1;
        DISPATCH();
    }

    TARGET(POP_BLOCK) {
        f->nblocks--;
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        pop_except_block(ts, f, &sp);
        DISPATCH();
    }

    TARGET(RERAISE) {
        Obj *exc = POP();
        err_restore(exc);
        goto exception_unwind;
    }

    TARGET(RAISE_VARARGS) {
        Obj *cause = NULL, *exc = NULL;
        switch (oparg) {
        case 2: cause = POP(); /* fallthrough */
        case 1: exc = POP(); /* fallthrough */
        default: break;
        }
        if (!exc) {
            Obj *cur = current_handled(ts);
            if (!cur) {
                err_set_str(&Exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            err_restore(NEWREF(cur));
            goto exception_unwind;
        }
        do_raise(exc, cause);
        DECREF(exc);
        XDECREF(cause);
        goto error;
    }

    TARGET(JUMP_IF_NOT_EXC_MATCH) {
        Obj *type = POP();
        Obj *exc = TOP();
        if (check_except_type(type) < 0) { DECREF(type); goto error; }
        bool m = exc_matches(exc, type);
        DECREF(type);
        if (!m) JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        Obj *type = POP();
        Obj *match = NULL, *rest = NULL;
        int r = eval_eg_match(TOP(), type, &match, &rest);
        DECREF(type);
        if (r < 0) goto error;
        Obj *old = TOP();
        SET_TOP(rest);
        DECREF(old);
        if (!match) JUMPTO(oparg);
        else PUSH(match);
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR) {
        Obj *list = POP();
        Obj *orig = TOP();
        Obj *res = eval_prep_reraise_star(orig, list);
        DECREF(list);
        if (!res) goto error;
        SET_TOP(res);
        DECREF(orig);
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        Obj *mgr = TOP();
        Obj *enter, *exit;
        if (with_lookup(mgr, false, &enter, &exit) < 0) goto error;
        SET_TOP(exit);
        DECREF(mgr);
        SAVE_LASTI();
        Obj *res = obj_call0(enter);
        DECREF(enter);
        if (!res) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        Obj *mgr = TOP();
        Obj *enter, *exit;
        if (with_lookup(mgr, true, &enter, &exit) < 0) goto error;
        SET_TOP(exit);
        DECREF(mgr);
        Obj *res = obj_call0(enter);
        DECREF(enter);
        if (!res) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_NORMAL_EXIT) {
        Obj *exit = POP();
        Obj *a[3] = { None, None, None };
        SAVE_LASTI();
        Obj *res = obj_call(exit, a, 3, NULL);
        DECREF(exit);
        if (!res) goto error;
        if (oparg) PUSH(res);
        else DECREF(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        Obj *exc = TOP();
        Obj *exit = PEEK(3);
        Obj *tb = exc_get_traceback(exc);
        Obj *a[3] = { OBJ(TYPE(exc)), exc, tb ? tb : None };
        Obj *res = obj_call(exit, a, 3, NULL);
        if (!res) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        Obj *bc = dict_check(interp->builtins) ? dict_getitem_str(interp->builtins, "__build_class__") : NULL;
        if (!bc) {
            if (!err_occurred()) err_set_str(&Exc_NameError, "__build_class__ not found");
            goto error;
        }
        INCREF(bc);
        PUSH(bc);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(OBJ(&Exc_AssertionError));
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        Obj *fromlist = POP();
        Obj *level = TOP();
        SAVE_LASTI();
        Obj *m = import_module(GETNAME(oparg), f->globals, fromlist == None ? NULL : fromlist,
                               IS_SMALLINT(level) ? (int)SMALLINT_VALUE(level) : 0);
        DECREF(fromlist);
        if (!m) goto error;
        SET_TOP(m);
        DECREF(level);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        Obj *m = TOP();
        SAVE_LASTI();
        Obj *v = import_from(m, GETNAME(oparg));
        if (!v) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        Obj *m = POP();
        if (!f->locals) {
            DECREF(m);
            err_set_str(&Exc_SystemError, "no locals found during 'import *'");
            goto error;
        }
        int r = import_all_from(f->locals, m);
        DECREF(m);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        Obj *spec = (oparg & 4) ? POP() : NULL;
        Obj *v = TOP();
        Obj *r = format_value(v, oparg & 3, spec);
        XDECREF(spec);
        if (!r) goto error;
        SET_TOP(r);
        DECREF(v);
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        Obj *v = POP();
        int r = print_expr(v);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        if (!f->locals) {
            err_set_str(&Exc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        Obj *key = str_intern_cstr("__annotations__");
        if (dict_check(f->locals)) {
            int has = dict_contains(f->locals, key);
            if (has < 0) goto error;
            if (!has) {
                Obj *d = dict_new();
                if (!d) goto error;
                int r = dict_setitem(f->locals, key, d);
                DECREF(d);
                if (r < 0) goto error;
            }
        } else {
            Obj *v = obj_getitem(f->locals, key);
            if (v) DECREF(v);
            else {
                if (!err_matches(&Exc_KeyError)) goto error;
                err_clear();
                Obj *d = dict_new();
                if (!d) goto error;
                int r = obj_setitem(f->locals, key, d);
                DECREF(d);
                if (r < 0) goto error;
            }
        }
        DISPATCH();
    }

    TARGET(STORE_ANNOTATION) {
        Obj *v = POP();
        Obj *key = str_intern_cstr("__annotations__");
        Obj *ann = NULL;
        if (f->locals && dict_check(f->locals)) {
            ann = dict_getitem(f->locals, key);
            if (ann) INCREF(ann);
        } else if (f->locals) {
            ann = obj_getitem(f->locals, key);
            if (!ann && err_matches(&Exc_KeyError)) err_clear();
        }
        if (!ann) {
            if (!err_occurred()) name_error(key);
            DECREF(v);
            goto error;
        }
        int r = obj_setitem(ann, GETNAME(oparg), v);
        DECREF(ann);
        DECREF(v);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(RETURN_CLASSCELL) { DISPATCH(); }

    TARGET(MATCH_CLASS) {
        Obj *kwn = POP();
        Obj *cls = POP();
        Obj *subject = TOP();
        Obj *r = match_class(subject, cls, kwn, oparg);
        DECREF(kwn);
        DECREF(cls);
        if (!r) goto error;
        SET_TOP(r);
        DECREF(subject);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        Obj *subject = TOP();
        PUSH(BOOL(dict_check(subject)));
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        Obj *subject = TOP();
        PUSH(BOOL(is_match_sequence(subject)));
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        Obj *keys = TOP();
        Obj *subject = SECOND();
        Obj *r = match_keys(subject, keys);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(GET_LEN) {
        ssize_t n = obj_len(TOP());
        if (n < 0) goto error;
        Obj *v = int_from_ssize(n);
        if (!v) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(COPY_DICT_WITHOUT_KEYS) {
        Obj *keys = TOP();
        Obj *subject = SECOND();
        Obj *rest = dict_new();
        if (!rest) goto error;
        if (dict_update(rest, subject) < 0) { DECREF(rest); goto error; }
        for (ssize_t i = 0; i < TUPLE_SIZE(keys); i++) {
            if (dict_delitem(rest, TUPLE_GET(keys, i)) < 0) {
                if (!err_matches(&Exc_KeyError)) { DECREF(rest); goto error; }
                err_clear();
            }
        }
        SET_TOP(rest);
        DECREF(keys);
        DISPATCH();
    }

#ifndef USE_COMPUTED_GOTO
        default:
            err_format(&Exc_SystemError, "unknown opcode %d", INSTR_OP(word));
            goto error;
        }
    }
#endif

error:
    SAVE_LASTI();
error_with_lasti:
    if (!err_occurred()) err_set_str(&Exc_SystemError, "error return without exception set");
    traceback_here(f);
exception_unwind:
    while (f->nblocks > 0) {
        FrameBlock *b = &f->blocks[--f->nblocks];
        if (b->type == BLOCK_EXCEPT_HANDLER) {
            Obj **level = stack_base + b->level + 1;
            while (sp > level) {
                Obj *v = POP();
                XDECREF(v);
            }
            Obj *prev = POP();
            set_handled(ts, prev);
            continue;
        }
        Obj **level = stack_base + b->level;
        while (sp > level) {
            Obj *v = POP();
            XDECREF(v);
        }
        Obj *exc = err_fetch();
        int handler = b->handler;
        FrameBlock *h = &f->blocks[f->nblocks++];
        h->type = BLOCK_EXCEPT_HANDLER;
        h->handler = -1;
        h->level = (int)(sp - stack_base);
        Obj *prev = ts->exc_info->exc;
        PUSH(prev ? prev : None);
        ts->exc_info->exc = NEWREF(exc);
        PUSH(exc);
        JUMPTO(handler);
        DISPATCH();
    }
    while (sp > stack_base) {
        Obj *v = POP();
        XDECREF(v);
    }
    retval = NULL;
    f->state = FRAME_COMPLETED;

exit_frame:
    while (sp > stack_base) {
        Obj *v = POP();
        XDECREF(v);
    }
    f->stacktop = 0;
exit_yield:
    ts->frame = f->back;
    f->back = NULL;
    ts->recursion_depth--;
    return retval;
}
