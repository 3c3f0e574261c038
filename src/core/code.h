/* code.h — code objects, functions, frames and generators.
 * OWNER: the compiler+VM part (core/compile*.c, core/eval*.c, objects/code.c,
 * objects/function.c, objects/frame.c, objects/gen.c). */
#ifndef GILPY_CODE_H
#define GILPY_CODE_H

#include <stdint.h>

/* Accessors used by tracebacks and sys._getframe (implemented in objects/frame.c). */
Obj *frame_get_code(Frame *f);     /* borrowed */
int frame_get_lasti(Frame *f);     /* index of the instruction being executed */
int frame_get_lineno(Frame *f);
Frame *frame_get_back(Frame *f);
Obj *frame_get_globals(Frame *f);  /* borrowed */
Obj *frame_as_object(Frame *f);    /* new ref: a Python frame object for f (tb_frame, sys._getframe) */

/* ---- code objects (objects/code.c) ---- */
#define CO_OPTIMIZED      0x0001
#define CO_NEWLOCALS      0x0002
#define CO_VARARGS        0x0004
#define CO_VARKEYWORDS    0x0008
#define CO_NESTED         0x0010
#define CO_GENERATOR      0x0020
#define CO_NOFREE         0x0040
#define CO_COROUTINE      0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200

typedef struct {
    int32_t line, end_line, col, end_col;
} CodePos;

typedef struct {
    OBJ_HEAD;
    uint32_t *code;          /* instructions (opcodes.h) */
    int ncode;
    CodePos *positions;      /* one per instruction */
    Obj *consts, *names;     /* tuples */
    Obj *varnames, *cellvars, *freevars; /* tuples of str */
    Obj *filename, *name, *qualname;
    int argcount, posonlyargcount, kwonlyargcount;
    int nlocals;             /* len(varnames) */
    int ncells, nfree;
    int stacksize;
    int flags;
    int firstlineno;
    int *cell2arg;           /* ncells entries: argument index moved into the cell, or -1; NULL if none */
    int nlocalsplus;         /* nlocals + ncells + nfree */
    Obj *weakreflist;
} CodeObj;

/* Build a code object: steals nothing; all tuples are borrowed and INCREFed.
 * code/positions are copied. */
Obj *code_new(const uint32_t *code, const CodePos *pos, int ncode, Obj *consts, Obj *names,
              Obj *varnames, Obj *cellvars, Obj *freevars, Obj *filename, Obj *name,
              Obj *qualname, int argcount, int posonlyargcount, int kwonlyargcount,
              int stacksize, int flags, int firstlineno);
/* Disassemble (debug: -X dis). */
void code_dump(Obj *code, FILE *out);

/* ---- functions, methods, cells (objects/function.c) ---- */
typedef struct {
    OBJ_HEAD;
    Obj *code, *globals, *builtins;
    Obj *name, *qualname, *module, *doc;
    Obj *defaults;           /* tuple or NULL */
    Obj *kwdefaults;         /* dict or NULL */
    Obj *annotations;        /* dict or NULL */
    Obj *closure;            /* tuple of cells or NULL */
    Obj *dict;               /* __dict__ or NULL */
    Obj *weakreflist;
} FuncObj;

typedef struct { OBJ_HEAD; Obj *func, *self; Obj *weakreflist; } MethodObj;
typedef struct { OBJ_HEAD; Obj *ref; } CellObj;   /* ref NULL = empty */

Obj *func_new(Obj *code, Obj *globals, Obj *qualname);
Obj *cell_new(Obj *value);                         /* value may be NULL */
#define CELL_GET(c) (((CellObj *)(c))->ref)

/* ---- frames (objects/frame.c, core/eval.c) ---- */
#define FRAME_MAXBLOCKS 24
enum { BLOCK_FINALLY = 1, BLOCK_EXCEPT_HANDLER = 2 };
typedef struct { int type, handler, level; } FrameBlock;
enum { FRAME_CREATED = 0, FRAME_SUSPENDED = 1, FRAME_EXECUTING = 2, FRAME_COMPLETED = 3, FRAME_CLEARED = 4 };

struct Frame {
    OBJ_HEAD;
    Obj *code;               /* CodeObj, strong */
    Obj *globals, *builtins; /* strong */
    Obj *locals;             /* strong: dict for module/class/exec frames, or NULL */
    Obj *func;               /* strong, may be NULL */
    Frame *back;             /* borrowed: the calling frame while executing */
    Obj *gen;                /* borrowed: owning generator or NULL */
    Obj *trace;              /* reserved (f_trace) */
    int lasti;               /* index of the current / last executed instruction */
    int next;                /* resume index (generators) */
    int stacktop;            /* saved stack depth while suspended / not running */
    int state;
    int nblocks;
    FrameBlock blocks[FRAME_MAXBLOCKS];
    int nlocalsplus;
    int size;                /* slots in localsplus */
    Obj *localsplus[];       /* locals, cells, frees, then the value stack */
};

/* Frame creation for a code object (locals: optional dict). */
Frame *frame_new(Obj *code, Obj *globals, Obj *builtins, Obj *locals);
void frame_clear_locals(Frame *f);
/* Drop the caller's reference to a finished frame (recycled when unshared). */
void frame_release(Frame *f);
/* Build f_locals as a dict (fast locals, cells) into f->locals and return it
 * (new ref).  Used by locals(). */
Obj *frame_locals_dict(Frame *f);

/* ---- the VM (core/eval.c) ---- */
/* Run a frame: throwflag=1 raises the current exception at the resume point. */
Obj *eval_frame(Frame *f, int throwflag);
/* Call a Python function (vectorcall). */
Obj *func_call(Obj *func, Obj *const *args, size_t nargs, Obj *kwnames);
/* Bind arguments into a fresh frame for func; NULL + TypeError on mismatch. */
Frame *func_make_frame(Obj *func, Obj *const *args, size_t nargs, Obj *kwnames);
/* Polled at function entry and backward jumps when interp->eval_breaker != 0. */
int eval_handle_breaker(ThreadState *ts);

/* ---- generators and coroutines (objects/gen.c) ---- */
typedef struct {
    OBJ_HEAD;
    Frame *frame;            /* strong; NULL once finished */
    Obj *name, *qualname;
    Obj *code;               /* strong */
    ExcInfo exc_state;       /* the generator's own handled-exception slot */
    int running;
    int closed;
    int started;
    Obj *weakreflist;
    Obj *ag_finalizer;       /* reserved */
} GenObj;
/* Wrap a started-not-yet frame (steals f) in a generator/coroutine by code flags. */
Obj *gen_new_from_frame(Frame *f, Obj *func);
/* Resume gen with value (send).  Returns the yielded value with *done=0, or
 * the return value with *done=1 (no StopIteration raised), or NULL on error. */
Obj *gen_send_ex(Obj *gen, Obj *value, int *done);
/* gen.throw(exc) as used by yield from delegation; *done as gen_send_ex. */
Obj *gen_throw_ex(Obj *gen, Obj *exc, int *done);
extern TypeObj AsyncGen_Type, AsyncGenASend_Type, AsyncGenAThrow_Type;
static inline bool gen_check(Obj *o) {
    return !IS_SMALLINT(o) && (TYPE(o) == &Generator_Type || TYPE(o) == &Coroutine_Type);
}

#include "core/opcodes.h"

#endif
