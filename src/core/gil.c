/* gil.c — a fair global interpreter lock without the convoy effect.
 *
 * Design note
 * -----------
 * One thread at a time runs bytecode or touches objects; that is what keeps
 * plain (non-atomic) reference counting correct.  The lock is a mutex-protected
 * ownership word plus two FIFO queues of waiters, each waiter sleeping on its
 * own condition variable (no thundering herd):
 *
 *   io queue   threads coming back from a blocking call (GIL_ACQ_AFTER_BLOCKING)
 *   cpu queue  new threads and threads that were forced off
 *
 * Handoff is direct: the releasing thread picks the next owner itself and
 * wakes only that thread.  So a thread that drops on request can never win the
 * lock straight back (forced switching), and waiters are served in arrival
 * order within each queue (fairness: N CPU-bound threads get equal shares).
 *
 * Drop requests: a CPU waiter sleeps for the switch interval (5 ms default);
 * if no handoff happened meanwhile it sets EB_GIL_DROP_REQUEST in the
 * interpreter's eval-breaker word.  The owner sees it at its next safe point
 * (function entry, backward jump) and calls gil_yield().
 *
 * No convoy effect: CPython makes a thread returning from I/O wait out the
 * interval behind a CPU-bound thread, so an I/O loop next to a busy thread
 * runs 40-300x slower.  Here an io-queue waiter sets the drop request at once
 * and is served before the cpu queue, so it gets the lock back within one
 * safe point.  To keep CPU threads from starving behind a stream of I/O
 * returns, a cpu waiter that has waited two intervals is served first.
 *
 * Statistics (held/wait time, acquisitions, voluntary/forced drops) are kept
 * in each ThreadState; they cost one monotonic clock read per transition.
 */
#include "gilpy.h"
#include "core/gil.h"
#include <errno.h>
#include <stdlib.h>
#include <time.h>

typedef struct Waiter {
    pthread_cond_t cv;
    struct Waiter *next;
    ThreadState *ts;
    uint64_t since_ns;
    int granted;
} Waiter;

typedef struct {
    Waiter *head, *tail;
} WaitQueue;

typedef struct {
    pthread_mutex_t mu;
    ThreadState *holder;       /* NULL when free */
    WaitQueue io, cpu;
    uint64_t switches;         /* number of handoffs so far */
    uint64_t interval_ns;
    uint64_t held_since_ns;
} Gil;

uint64_t gil_now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void queue_push(WaitQueue *q, Waiter *w) {
    w->next = NULL;
    if (q->tail) q->tail->next = w; else q->head = w;
    q->tail = w;
}

static Waiter *queue_pop(WaitQueue *q) {
    Waiter *w = q->head;
    if (w) {
        q->head = w->next;
        if (!q->head) q->tail = NULL;
    }
    return w;
}

static void set_drop_request(Interp *in) {
    atomic_fetch_or(&in->eval_breaker, EB_GIL_DROP_REQUEST);
}

static void clear_drop_request(Interp *in) {
    atomic_fetch_and(&in->eval_breaker, ~(unsigned)EB_GIL_DROP_REQUEST);
}

int gil_create(Interp *interp) {
    Gil *g = calloc(1, sizeof *g);
    if (!g) return -1;
    pthread_mutex_init(&g->mu, NULL);
    g->interval_ns = 5000000;   /* 5 ms, CPython's default */
    interp->gil = g;
    return 0;
}

void gil_destroy(Interp *interp) {
    Gil *g = interp->gil;
    if (!g) return;
    pthread_mutex_destroy(&g->mu);
    free(g);
    interp->gil = NULL;
}

void gil_set_interval(Interp *interp, double seconds) {
    Gil *g = interp->gil;
    uint64_t ns = (uint64_t)(seconds * 1e9);
    g->interval_ns = ns ? ns : 1;
}

double gil_get_interval(Interp *interp) {
    Gil *g = interp->gil;
    return (double)g->interval_ns / 1e9;
}

/* Pick the next owner (mu held).  Returns NULL if nobody waits. */
static Waiter *next_waiter(Gil *g, uint64_t now) {
    Waiter *cpu = g->cpu.head;
    if (cpu && now - cpu->since_ns >= 2 * g->interval_ns)
        return queue_pop(&g->cpu);      /* starvation guard */
    if (g->io.head) return queue_pop(&g->io);
    return queue_pop(&g->cpu);
}

/* Give the lock away (mu held).  Returns true if handed to a waiter. */
static bool hand_off(Gil *g, Interp *in, uint64_t now) {
    Waiter *w = next_waiter(g, now);
    clear_drop_request(in);
    if (!w) {
        g->holder = NULL;
        return false;
    }
    g->holder = w->ts;
    g->switches++;
    w->granted = 1;
    pthread_cond_signal(&w->cv);
    return true;
}

static void account_release(Gil *g, ThreadState *ts, uint64_t now) {
    ts->gil_held_ns += now - g->held_since_ns;
}

/* Wait in queue `q` until granted (mu held on entry and exit). */
static void wait_for_grant(Gil *g, ThreadState *ts, WaitQueue *q, bool priority) {
    Waiter w;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w.cv, &attr);
    pthread_condattr_destroy(&attr);
    w.ts = ts;
    w.granted = 0;
    w.since_ns = gil_now_ns();
    queue_push(q, &w);
    Interp *in = ts->interp;
    if (priority) set_drop_request(in);
    while (!w.granted) {
        if (priority) {
            pthread_cond_wait(&w.cv, &g->mu);
            continue;
        }
        uint64_t seen = g->switches;
        struct timespec dl;
        clock_gettime(CLOCK_MONOTONIC, &dl);
        uint64_t ns = (uint64_t)dl.tv_nsec + g->interval_ns;
        dl.tv_sec += (time_t)(ns / 1000000000u);
        dl.tv_nsec = (long)(ns % 1000000000u);
        int rc = pthread_cond_timedwait(&w.cv, &g->mu, &dl);
        if (rc == ETIMEDOUT && !w.granted && g->switches == seen && g->holder)
            set_drop_request(in);
    }
    pthread_cond_destroy(&w.cv);
}

void gil_acquire(ThreadState *ts, int why) {
    Gil *g = ts->interp->gil;
    uint64_t t0 = gil_now_ns();
    pthread_mutex_lock(&g->mu);
    if (g->holder == NULL && !g->io.head && !g->cpu.head) {
        g->holder = ts;
    } else {
        bool prio = why == GIL_ACQ_AFTER_BLOCKING;
        wait_for_grant(g, ts, prio ? &g->io : &g->cpu, prio);
    }
    uint64_t now = gil_now_ns();
    g->held_since_ns = now;
    pthread_mutex_unlock(&g->mu);
    ts->gil_wait_ns += now - t0;
    ts->gil_acquisitions++;
    ts_current_ = ts;
}

void gil_release(ThreadState *ts, int why) {
    Gil *g = ts->interp->gil;
    uint64_t now = gil_now_ns();
    pthread_mutex_lock(&g->mu);
    account_release(g, ts, now);
    hand_off(g, ts->interp, now);
    pthread_mutex_unlock(&g->mu);
    if (why == GIL_REL_BLOCKING) ts->gil_voluntary++;
}

void gil_yield(ThreadState *ts) {
    Gil *g = ts->interp->gil;
    uint64_t now = gil_now_ns();
    pthread_mutex_lock(&g->mu);
    if (!g->io.head && !g->cpu.head) {
        /* Stale request (the waiter was served meanwhile): keep running. */
        clear_drop_request(ts->interp);
        pthread_mutex_unlock(&g->mu);
        return;
    }
    account_release(g, ts, now);
    hand_off(g, ts->interp, now);
    ts->gil_forced++;
    wait_for_grant(g, ts, &g->cpu, false);
    uint64_t after = gil_now_ns();
    g->held_since_ns = after;
    pthread_mutex_unlock(&g->mu);
    ts->gil_wait_ns += after - now;
    ts->gil_acquisitions++;
}

void gil_reinit_after_fork(Interp *interp, ThreadState *ts) {
    Gil *g = interp->gil;
    /* The mutex may have been held by a thread that no longer exists. */
    pthread_mutex_init(&g->mu, NULL);
    g->io.head = g->io.tail = NULL;
    g->cpu.head = g->cpu.tail = NULL;
    g->holder = ts;
    g->held_since_ns = gil_now_ns();
    clear_drop_request(interp);
}
