/* repr.c — recursion guard for container reprs (CPython's Py_ReprEnter).
 *
 * A per-thread stack of the objects whose repr is being built.  It holds
 * plain pointers (no references): each entry lives only while its repr
 * call is on the C stack.  Depth is bounded by enter_recursive_call(), so a
 * fixed array suffices; past its end objects are simply not tracked (the
 * recursion limit still stops runaway recursion). */
#include "gilpy.h"

#define REPR_STACK_MAX 1024
static _Thread_local Obj *repr_stack[REPR_STACK_MAX];
static _Thread_local int repr_depth;     /* may exceed REPR_STACK_MAX */

int repr_enter(Obj *o) {
    int n = repr_depth < REPR_STACK_MAX ? repr_depth : REPR_STACK_MAX;
    for (int i = n - 1; i >= 0; i--)
        if (repr_stack[i] == o) return 1;
    if (repr_depth < REPR_STACK_MAX) repr_stack[repr_depth] = o;
    repr_depth++;
    return 0;
}

void repr_leave(Obj *o) {
    (void)o;
    if (repr_depth > 0) repr_depth--;
}
