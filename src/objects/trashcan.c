/* trashcan.c — bounded-depth deallocation of nested containers.
 *
 * Freeing a list of a list of ... 100000 deep would recurse once per level
 * in C and overflow the stack.  Container deallocs call trashcan_begin():
 * past TRASHCAN_LIMIT nested deallocs the object (already untracked, refcount
 * 0) is parked on a per-thread pending array instead, and the outermost
 * dealloc drains that array iteratively in trashcan_end().  Only exact
 * builtin types may be deferred (their dealloc is re-entered directly). */
#include <stdlib.h>
#include "gilpy.h"

#define TRASHCAN_LIMIT 200

static _Thread_local int depth;
static _Thread_local Obj **pending;
static _Thread_local ssize_t npending, cap;

int trashcan_begin(Obj *o) {
    if (depth >= TRASHCAN_LIMIT) {
        if (npending == cap) {
            ssize_t ncap = cap ? cap * 2 : 64;
            Obj **p = (Obj **)realloc(pending, (size_t)ncap * sizeof(Obj *));
            if (!p) goto inline_;   /* out of memory: just recurse */
            pending = p;
            cap = ncap;
        }
        if (gc_is_tracked(o)) gc_untrack(o);
        pending[npending++] = o;
        return 1;
    }
inline_:
    depth++;
    return 0;
}

void trashcan_end(void) {
    if (depth == 1) {
        while (npending > 0) {
            Obj *o = pending[--npending];
            TYPE(o)->dealloc(o);     /* re-enters begin/end at depth 0 -> 1 */
        }
        free(pending);
        pending = NULL;
        cap = 0;
    }
    depth--;
}
