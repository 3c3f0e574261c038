/* gc.c — the cycle collector.
 *
 * Design note.  Every object of a TF_GC type has a GCHead in front of it
 * (core/gc.h) and is linked into one of three generation lists while it is
 * tracked.  A collection of generation g merges the younger generations into
 * g and runs trial deletion (as CPython does):
 *   1. refs = refcount for every object in the set;
 *   2. for every object, traverse its children and decrement refs of the
 *      children that are in the set: what remains counts references from
 *      outside the set;
 *   3. objects with refs > 0 are reachable, and so is everything they reach
 *      (move_unreachable does that in one pass over the list);
 *   4. the rest is garbage: weak references to it are cleared (callbacks
 *      run), __del__ runs once per object (PEP 442), and if nothing was
 *      resurrected each object's `clear` slot breaks the cycles; reference
 *      counting frees the rest.
 * Survivors move to the next generation.  Thresholds (700, 10, 10) and the
 * counting rules follow CPython: gen0 counts allocations minus deallocations
 * of tracked objects, gen1/gen2 count collections of the younger generation.
 * Collections start from obj_alloc (before the new object exists), so no
 * half-built object is ever traversed.  The state is process-wide (the GIL
 * serialises access); Interp.gc points at it.
 * OWNER: TYPES. */
#include "gilpy.h"
#include "core/gc.h"
#include "objects/typeobj.h"
#include <stdlib.h>

typedef struct {
    GCHead head;
    ssize_t count;
    int threshold;
} Generation;

typedef struct {
    Generation gen[3];
    bool initialized;
    bool enabled;
    bool collecting;
    ssize_t collections[3], collected[3], uncollectable[3];
    /* CPython's rule against quadratic full collections: a gen2 collection
     * runs only once objects promoted into gen2 since the last one exceed
     * 25% of what survived it. */
    ssize_t long_lived_total, long_lived_pending;
    uintptr_t epoch;          /* full-collection counter (GCHead.flags tag) */
} GCState;

static GCState gcs;

static void gc_init(void) {
    if (gcs.initialized) return;
    for (int i = 0; i < 3; i++) {
        gcs.gen[i].head.next = gcs.gen[i].head.prev = &gcs.gen[i].head;
        gcs.gen[i].count = 0;
    }
    gcs.gen[0].threshold = 700;
    gcs.gen[1].threshold = 10;
    gcs.gen[2].threshold = 10;
    gcs.enabled = true;
    gcs.initialized = true;
}

static inline void gl_init(GCHead *h) { h->next = h->prev = h; }
static inline bool gl_empty(GCHead *h) { return h->next == h; }
static inline void gl_remove(GCHead *g) {
    g->prev->next = g->next;
    g->next->prev = g->prev;
}
static inline void gl_append(GCHead *g, GCHead *list) {
    g->prev = list->prev;
    g->next = list;
    list->prev->next = g;
    list->prev = g;
}
static inline void gl_move(GCHead *g, GCHead *list) {
    gl_remove(g);
    gl_append(g, list);
}
static void gl_merge(GCHead *from, GCHead *to) {
    if (gl_empty(from)) return;
    GCHead *first = from->next, *last = from->prev;
    GCHead *tail = to->prev;
    tail->next = first;
    first->prev = tail;
    last->next = to;
    to->prev = last;
    gl_init(from);
}

void gc_track(Obj *o) {
    gc_init();
    GCHead *g = AS_GC(o);
    if (g->next) return;
    gl_append(g, &gcs.gen[0].head);
    gcs.gen[0].count++;
}

void gc_untrack(Obj *o) {
    GCHead *g = AS_GC(o);
    if (!g->next) return;
    gl_remove(g);
    g->next = g->prev = NULL;
    if (gcs.gen[0].count > 0) gcs.gen[0].count--;
}

bool gc_is_tracked(Obj *o) {
    if (!gc_has_head(o)) return false;
    return AS_GC(o)->next != NULL;
}

bool gc_is_finalized(Obj *o) {
    if (!gc_has_head(o)) return false;
    return (AS_GC(o)->flags & GCF_FINALIZED) != 0;
}
void gc_set_finalized(Obj *o) {
    if (gc_has_head(o)) AS_GC(o)->flags |= GCF_FINALIZED;
}

/* ---- collection ----------------------------------------------------------- */
static inline GCHead *collecting_head(Obj *child) {
    if (!child || !gc_has_head(child)) return NULL;
    GCHead *g = AS_GC(child);
    if (!g->next || !(g->flags & GCF_COLLECTING)) return NULL;
    return g;
}

static void visit_decref(Obj *child, void *arg) {
    GCHead *g = collecting_head(child);
    if (g) g->refs--;
}

#define GCF_EPOCH_SHIFT 8
static inline void full_snapshot(GCHead *g, uintptr_t tag) {
    if ((g->flags & ~(uintptr_t)((1u << GCF_EPOCH_SHIFT) - 1)) != tag) {
        g->refs = REFCNT(FROM_GC(g));
        g->flags = (g->flags & GCF_FINALIZED) | GCF_COLLECTING | tag;
    }
}
static void visit_decref_full(Obj *child, void *arg) {
    if (!child || !gc_has_head(child)) return;
    GCHead *g = AS_GC(child);
    if (!g->next) return;
    full_snapshot(g, *(uintptr_t *)arg);
    g->refs--;
}

static void visit_reachable(Obj *child, void *arg) {
    GCHead *g = collecting_head(child);
    if (!g) return;
    GCHead *young = arg;
    if (g->flags & GCF_UNREACHABLE) {
        g->flags &= ~(uintptr_t)GCF_UNREACHABLE;
        g->refs = 1;
        gl_move(g, young);
    } else if (g->refs <= 0) {
        g->refs = 1;
    }
}

static void traverse(Obj *o, visitproc_ visit, void *arg) {
    traverseproc t = TYPE(o)->traverse;
    if (t) t(o, visit, arg);
}

static bool has_finalizer(Obj *o) {
    TypeObj *t = TYPE(o);
    if (!(t->flags & TF_HEAPTYPE)) return false;
    return type_lookup(t, ID(__del__)) != NULL;
}

static Obj *gc_callbacks_list(void);

static void invoke_callbacks(const char *phase, int generation, ssize_t collected, ssize_t uncollectable) {
    Obj *cbs = gc_callbacks_list();
    if (!cbs || LIST_SIZE(cbs) == 0) return;
    Obj *saved = err_fetch();
    Obj *info = dict_new();
    if (info) {
        Obj *g = int_from_long(generation), *c = int_from_ssize(collected), *u = int_from_ssize(uncollectable);
        if (g && c && u) {
            dict_setitem_str(info, "generation", g);
            dict_setitem_str(info, "collected", c);
            dict_setitem_str(info, "uncollectable", u);
        }
        XDECREF(g); XDECREF(c); XDECREF(u);
        Obj *ph = str_from_cstr(phase);
        Obj *copy = ph ? seq_list(cbs) : NULL;
        for (ssize_t i = 0; copy && i < LIST_SIZE(copy); i++) {
            Obj *r = obj_call2(LIST_ITEMS(copy)[i], ph, info);
            if (!r) err_write_unraisable(LIST_ITEMS(copy)[i]);
            else DECREF(r);
        }
        XDECREF(copy);
        XDECREF(ph);
        DECREF(info);
    }
    err_restore(saved);
}

static ssize_t collect(int generation) {
    gc_init();
    if (gcs.collecting) return 0;
    gcs.collecting = true;
    invoke_callbacks("start", generation, 0, 0);
    if (generation + 1 < 3) gcs.gen[generation + 1].count++;
    for (int i = 0; i <= generation; i++) gcs.gen[i].count = 0;
    for (int i = 0; i < generation; i++) gl_merge(&gcs.gen[i].head, &gcs.gen[generation].head);
    GCHead *young = &gcs.gen[generation].head;
    GCHead *old = generation < 2 ? &gcs.gen[generation + 1].head : young;

    if (generation == 2) {
        /* Full collection: every tracked object is in the set, so the
         * refcount snapshot is taken lazily (epoch tag) during the
         * subtraction pass instead of in a separate pass over the heap. */
        gcs.epoch++;
        uintptr_t tag = gcs.epoch << GCF_EPOCH_SHIFT;
        for (GCHead *g = young->next; g != young; g = g->next) {
            full_snapshot(g, tag);
            traverse(FROM_GC(g), visit_decref_full, &tag);
        }
    } else {
        for (GCHead *g = young->next; g != young; g = g->next) {
            g->refs = REFCNT(FROM_GC(g));
            g->flags |= GCF_COLLECTING;
            g->flags &= ~(uintptr_t)GCF_UNREACHABLE;
        }
        for (GCHead *g = young->next; g != young; g = g->next) traverse(FROM_GC(g), visit_decref, NULL);
    }

    GCHead unreachable;
    gl_init(&unreachable);
    GCHead *g = young->next;
    ssize_t survivors = 0;
    while (g != young) {
        if (g->refs > 0) {
            traverse(FROM_GC(g), visit_reachable, young);
            /* scanned: later visits need not treat g as collectable */
            g->flags &= ~(uintptr_t)(GCF_COLLECTING | GCF_UNREACHABLE);
            survivors++;
            g = g->next;
        } else {
            GCHead *next = g->next;
            gl_move(g, &unreachable);
            g->flags |= GCF_UNREACHABLE;
            g = next;
        }
    }
    if (generation == 1) gcs.long_lived_pending += survivors;
    else if (generation == 2) { gcs.long_lived_total = survivors; gcs.long_lived_pending = 0; }
    if (old != young) gl_merge(young, old);

    ssize_t n = 0;
    for (g = unreachable.next; g != &unreachable; g = g->next) n++;
    Obj **objs = NULL;
    if (n) objs = malloc(sizeof(Obj *) * (size_t)n);
    if (n && !objs) {
        /* out of memory: keep everything */
        for (g = unreachable.next; g != &unreachable; g = g->next) g->flags &= ~(uintptr_t)(GCF_COLLECTING | GCF_UNREACHABLE);
        gl_merge(&unreachable, old);
        gcs.collecting = false;
        return 0;
    }
    ssize_t k = 0;
    for (g = unreachable.next; g != &unreachable; g = g->next) {
        g->flags &= ~(uintptr_t)(GCF_COLLECTING | GCF_UNREACHABLE);
        objs[k++] = FROM_GC(g);
        INCREF(FROM_GC(g));
    }
    gl_merge(&unreachable, old);

    if (n) {
        Obj *saved = err_fetch();
        /* weak references to garbage: clear them (callbacks run) */
        for (ssize_t i = 0; i < n; i++) {
            Obj *o = objs[i];
            ssize_t off = TYPE(o)->weaklistoffset;
            if (off && *(Obj **)((char *)o + off)) weakref_clear_all(o);
        }
        /* finalizers, once per object */
        bool ran_finalizer = false;
        for (ssize_t i = 0; i < n; i++) {
            Obj *o = objs[i];
            if (!gc_is_finalized(o) && has_finalizer(o)) {
                gc_set_finalized(o);
                Obj *del = type_lookup(TYPE(o), ID(__del__));
                if (del) {
                    INCREF(del);
                    Obj *r = call_unbound(del, o, NULL, 0);
                    if (!r) err_write_unraisable(del);
                    else DECREF(r);
                    DECREF(del);
                }
                ran_finalizer = true;
            }
        }
        /* resurrection check: does anything outside the set refer to it now? */
        bool resurrected = false;
        if (ran_finalizer) {
            for (ssize_t i = 0; i < n; i++) {
                Obj *o = objs[i];
                if (!gc_has_head(o) || !AS_GC(o)->next) continue;
                AS_GC(o)->refs = REFCNT(o) - 1;
                AS_GC(o)->flags |= GCF_COLLECTING;
            }
            for (ssize_t i = 0; i < n; i++)
                if (AS_GC(objs[i])->flags & GCF_COLLECTING) traverse(objs[i], visit_decref, NULL);
            for (ssize_t i = 0; i < n; i++) {
                GCHead *h = AS_GC(objs[i]);
                if ((h->flags & GCF_COLLECTING) && h->refs > 0) resurrected = true;
                h->flags &= ~(uintptr_t)GCF_COLLECTING;
            }
        }
        if (!resurrected) {
            for (ssize_t i = 0; i < n; i++) {
                Obj *o = objs[i];
                inquiry clear = TYPE(o)->clear;
                if (clear && REFCNT(o) > 1) {
                    clear(o);
                    if (err_occurred()) err_write_unraisable(NULL);
                }
            }
        }
        for (ssize_t i = 0; i < n; i++) DECREF(objs[i]);
        err_restore(saved);
    }
    free(objs);
    gcs.collections[generation]++;
    gcs.collected[generation] += n;
    invoke_callbacks("stop", generation, n, 0);
    gcs.collecting = false;
    return n;
}

void gc_maybe_collect(void) {
    if (!gcs.initialized) gc_init();
    if (!gcs.enabled || gcs.collecting) return;
#ifdef GILPY_GC_STRESS
    /* stress switch (make CFLAGS=-DGILPY_GC_STRESS): a young collection on
     * every GC allocation shakes out missing traverse entries and refcounts */
    if (ts_get()) { collect(gcs.gen[0].count > 50 ? 1 : 0); return; }
#endif
    if (gcs.gen[0].count <= gcs.gen[0].threshold || gcs.gen[0].threshold == 0) return;
    if (!ts_get()) return;
    for (int i = 2; i >= 0; i--) {
        if (gcs.gen[i].count > gcs.gen[i].threshold) {
            if (i == 2 && gcs.long_lived_pending < gcs.long_lived_total / 4) continue;
            collect(i);
            return;
        }
    }
}

ssize_t gc_collect(int generation) {
    if (generation < 0 || generation > 2) generation = 2;
    return collect(generation);
}

void gc_enable(bool on) { gc_init(); gcs.enabled = on; }
bool gc_is_enabled(void) { gc_init(); return gcs.enabled; }
void gc_get_count(int out[3]) {
    gc_init();
    for (int i = 0; i < 3; i++) out[i] = (int)gcs.gen[i].count;
}
void gc_get_threshold(int out[3]) {
    gc_init();
    for (int i = 0; i < 3; i++) out[i] = gcs.gen[i].threshold;
}
void gc_set_threshold(int t0, int t1, int t2) {
    gc_init();
    if (t0 >= 0) gcs.gen[0].threshold = t0;
    if (t1 >= 0) gcs.gen[1].threshold = t1;
    if (t2 >= 0) gcs.gen[2].threshold = t2;
}

/* ---- helpers for modules/gc.c ------------------------------------------ */
Obj *gc_get_objects_list(int generation);
Obj *gc_get_objects_list(int generation) {
    gc_init();
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (int i = 0; i < 3; i++) {
        if (generation >= 0 && i != generation) continue;
        GCHead *h = &gcs.gen[i].head;
        for (GCHead *g = h->next; g != h; g = g->next) {
            Obj *o = FROM_GC(g);
            if (o == l) continue;
            if (list_append(l, o) < 0) { DECREF(l); return NULL; }
        }
    }
    return l;
}

static void visit_append(Obj *child, void *arg) {
    if (child && !err_occurred()) list_append((Obj *)arg, child);
}
Obj *gc_get_referents_list(Obj *o, Obj *list);
Obj *gc_get_referents_list(Obj *o, Obj *list) {
    if (!IS_SMALLINT(o) && gc_has_head(o)) traverse(o, visit_append, list);
    return err_occurred() ? NULL : list;
}

typedef struct { Obj *target; bool found; } FindArg;
static void visit_find(Obj *child, void *arg) {
    FindArg *f = arg;
    if (child == f->target) f->found = true;
}
Obj *gc_get_referrers_list(Obj *target, Obj *list);
Obj *gc_get_referrers_list(Obj *target, Obj *list) {
    gc_init();
    for (int i = 0; i < 3; i++) {
        GCHead *h = &gcs.gen[i].head;
        for (GCHead *g = h->next; g != h; g = g->next) {
            Obj *o = FROM_GC(g);
            if (o == list) continue;
            FindArg f = {target, false};
            traverse(o, visit_find, &f);
            if (f.found && list_append(list, o) < 0) return NULL;
        }
    }
    return list;
}

void gc_get_stats(ssize_t collections[3], ssize_t collected[3], ssize_t uncollectable[3]);
void gc_get_stats(ssize_t collections[3], ssize_t collected[3], ssize_t uncollectable[3]) {
    for (int i = 0; i < 3; i++) {
        collections[i] = gcs.collections[i];
        collected[i] = gcs.collected[i];
        uncollectable[i] = gcs.uncollectable[i];
    }
}

static Obj *callbacks_list;
static Obj *gc_callbacks_list(void) { return callbacks_list; }
void gc_set_callbacks_list(Obj *l);
void gc_set_callbacks_list(Obj *l) { callbacks_list = l; }
