/* interp.h — all interpreter state lives in two structs, never in hidden globals.
 *
 *   Interp       one per interpreter: modules, builtins, the GIL, the eval-breaker,
 *                the thread list, configuration.
 *   ThreadState  one per OS thread running Python: frame stack, current and handled
 *                exception, recursion depth, GIL statistics, a pointer back to Interp.
 *
 * The running thread's ThreadState is found through a _Thread_local pointer
 * (ts_get()).  Static, immutable tables (type objects, method tables) are not
 * "state" and may be globals.
 */
#ifndef GILPY_INTERP_H
#define GILPY_INTERP_H

#include <pthread.h>
#include <stdatomic.h>
#include "object.h"

typedef struct Interp Interp;
typedef struct ThreadState ThreadState;
typedef struct Frame Frame;          /* core/frame.h */

/* Eval-breaker bits: one atomic word polled at safe points (function entry,
 * backward jumps).  Anything that must interrupt running bytecode sets a bit. */
enum {
    EB_GIL_DROP_REQUEST = 1u << 0,
    EB_SIGNALS_PENDING  = 1u << 1,
    EB_PENDING_CALLS    = 1u << 2,
    EB_ASYNC_EXC        = 1u << 3,
    EB_GC_SCHEDULED     = 1u << 4,
};

typedef struct {
    int argc;                 /* sys.argv */
    char **argv;
    int unbuffered;           /* -u */
    int inspect;              /* -i */
    int verbose;
    int dont_write_bytecode;
    const char *xoptions[32]; /* -X name[=value] */
    int nxoptions;
    const char *progname;     /* argv[0] of the process */
    const char *executable;   /* absolute path of the gilpy binary */
    const char *libdir;       /* directory of pure-Python modules (lib/) */
} Config;

struct Interp {
    Config config;
    Obj *modules;             /* sys.modules (dict) */
    Obj *builtins;            /* builtins module dict */
    Obj *sysdict;             /* sys module dict */
    Obj *interned;            /* dict str->str of interned strings */
    Obj *importlib_hooks;     /* reserved */
    int recursion_limit;      /* sys.getrecursionlimit(), default 1000 */
    _Atomic unsigned eval_breaker;

    /* threads */
    pthread_mutex_t threads_lock;
    ThreadState *threads;     /* linked list through ThreadState.next */
    ThreadState *main_thread;
    void *gil;                /* core/gil.c owns the layout (issue 4) */

    /* cycle collector state: core/gc.c */
    void *gc;

    /* exit handling */
    int finalizing;
    Obj *atexit_callbacks;    /* list or NULL */
};

/* One entry of the "handled exception" stack (sys.exc_info()). */
typedef struct ExcInfo {
    Obj *exc;                 /* the exception being handled, or NULL */
    struct ExcInfo *previous;
} ExcInfo;

struct ThreadState {
    Interp *interp;
    ThreadState *next, *prev;
    Frame *frame;             /* innermost executing frame (NULL at top level) */
    Obj *curexc;              /* the raised, not yet caught exception (an instance), or NULL */
    ExcInfo *exc_info;        /* top of the handled-exception stack */
    ExcInfo exc_state;        /* bottom entry */
    int recursion_depth;      /* Python-level call depth */
    int c_recursion_depth;    /* C-level depth guard (repr, compile, ...) */
    unsigned long thread_id;  /* threading.get_ident() */
    long native_id;
    Obj *dict;                /* per-thread dict (threading.local support) */
    int in_exit;              /* set while the thread is exiting */

    /* GIL statistics (issue 4) */
    uint64_t gil_held_ns, gil_wait_ns, gil_acquisitions, gil_voluntary, gil_forced;
};

/* The current thread's state (never NULL while running Python code). */
extern _Thread_local ThreadState *ts_current_;
static inline ThreadState *ts_get(void) { return ts_current_; }
static inline Interp *interp_get(void) { return ts_current_->interp; }

/* core/interp.c */
Interp *interp_new(void);
ThreadState *threadstate_new(Interp *interp);      /* not yet bound to a thread */
void threadstate_bind(ThreadState *ts);            /* make it current on this OS thread */
void threadstate_delete(ThreadState *ts);
void interp_finalize(Interp *interp);

/* Recursion guard for C code that recurses on user data (repr of nested
 * containers, compile of deep expressions ...).  Returns -1 with RecursionError
 * set ("maximum recursion depth exceeded while getting the repr of an object"
 * style messages: `where` is appended after "maximum recursion depth exceeded"). */
int enter_recursive_call(const char *where);
void leave_recursive_call(void);

#endif
