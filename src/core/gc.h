/* gc.h — cycle collector internals shared by core/object.c and core/gc.c.
 * OWNER: TYPES.  Every object of a TF_GC type carries a GCHead right before
 * its Obj header.  Heap types may add a "pre-area" (dict, weakref list and
 * __slots__ storage) in front of the GCHead: the real allocation starts at
 * (char *)o - sizeof(GCHead) - pre_size. */
#ifndef GILPY_GC_H
#define GILPY_GC_H

#include "object.h"

typedef struct GCHead {
    struct GCHead *next, *prev;   /* generation list; next == NULL: untracked */
    ssize_t refs;                 /* scratch during a collection */
    uintptr_t flags;              /* GCF_* */
} GCHead;

#define GCF_FINALIZED   1u        /* __del__ already ran (PEP 442) */
#define GCF_COLLECTING  2u        /* in the generation being collected */
#define GCF_UNREACHABLE 4u        /* tentatively unreachable */

#define AS_GC(o)   ((GCHead *)(o) - 1)
#define FROM_GC(g) ((Obj *)((GCHead *)(g) + 1))

/* Collect if generation 0 passed its threshold (called from obj_alloc). */
void gc_maybe_collect(void);
static inline bool gc_has_head(Obj *o) {
    return !IS_SMALLINT(o) && !IS_IMMORTAL(o) && (TYPE(o)->flags & TF_GC);
}
bool gc_is_finalized(Obj *o);
void gc_set_finalized(Obj *o);

#endif
