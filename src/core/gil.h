/* gil.h — the global interpreter lock.  Design note at the top of core/gil.c. */
#ifndef GILPY_GIL_H
#define GILPY_GIL_H

#include "interp.h"

/* Why a thread takes the GIL: decides which queue it waits in. */
enum {
    GIL_ACQ_NEW = 0,        /* a new thread, or one that was forced off: FIFO behind others */
    GIL_ACQ_AFTER_BLOCKING  /* coming back from a blocking call: served first (no convoy) */
};
/* Why a thread gives it up. */
enum {
    GIL_REL_BLOCKING = 0,   /* around a blocking call (counted as voluntary) */
    GIL_REL_FORCED,         /* drop request at a safe point */
    GIL_REL_EXIT            /* thread is finishing */
};

int gil_create(Interp *interp);            /* -1 if out of memory */
void gil_destroy(Interp *interp);
void gil_acquire(ThreadState *ts, int why);
void gil_release(ThreadState *ts, int why);
/* Called by the eval loop at a safe point when EB_GIL_DROP_REQUEST is set:
 * hands the GIL to the next waiter (if any) and queues behind the others. */
void gil_yield(ThreadState *ts);
/* sys.setswitchinterval / getswitchinterval (seconds). */
void gil_set_interval(Interp *interp, double seconds);
double gil_get_interval(Interp *interp);
/* In the child after fork(): a fresh GIL held by `ts`, all waiters forgotten. */
void gil_reinit_after_fork(Interp *interp, ThreadState *ts);
/* Nanoseconds on the monotonic clock. */
uint64_t gil_now_ns(void);

/* Bracket every blocking call (read, write, sleep, lock waits, select, accept,
 * waitpid, join ...).  Between the two, no Python object may be touched.
 *     GIL_RELEASE();
 *     n = read(fd, buf, size);
 *     GIL_ACQUIRE();
 */
#define GIL_RELEASE() { ThreadState *gil_saved_ts_ = ts_get(); gil_release(gil_saved_ts_, GIL_REL_BLOCKING);
#define GIL_ACQUIRE() gil_acquire(gil_saved_ts_, GIL_ACQ_AFTER_BLOCKING); }

#endif
