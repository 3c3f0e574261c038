/* compile_int.h — internal interface shared by compile.c, compile_stmt.c and
 * compile_expr.c.  The code generator emits instructions with symbolic labels
 * into a growable array per code unit; assemble() resolves labels, computes
 * the maximum stack depth by flow analysis and builds the CodeObj. */
#ifndef GILPY_COMPILE_INT_H
#define GILPY_COMPILE_INT_H

#include "gilpy.h"
#include "core/symtable.h"

typedef struct {
    uint8_t op;
    int arg;
    CodePos pos;
} Instr;

enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_ASYNC_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END,
    FB_WITH, FB_ASYNC_WITH, FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPT_STAR
};

typedef struct {
    int type;
    int l_cont, l_break;     /* loops */
    Node *node;              /* FINALLY_TRY: the Try node (finalbody) */
    const char *name;        /* HANDLER_CLEANUP: bound name or NULL */
} FBlock;

#define MAX_FBLOCKS 64

typedef struct Unit Unit;
struct Unit {
    Unit *parent;
    Scope *scope;
    Instr *instrs;
    int ninstrs, capinstrs;
    int *labels;
    int nlabels, caplabels;
    Obj *consts;             /* list */
    Obj *const_map;          /* dict: key -> index */
    Obj *names;              /* dict str -> index */
    Obj *varnames;           /* dict str -> index */
    Obj *cellvars, *freevars;/* dict str -> index (deref index: cells first) */
    Obj *name, *qualname;
    int argcount, posonlyargcount, kwonlyargcount, flags, firstlineno;
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
    CodePos loc;
    int in_async_func;       /* unit is an async def (or async comprehension) */
};

typedef struct {
    SymTable st;
    Unit *u;
    Obj *filename;
    const char *src;
    size_t srclen;
    Arena *arena;
    int mode;
    int error;
} Compiler;

/* compile.c */
int cg_emit(Compiler *c, int op, int arg);
int cg_new_label(Compiler *c);
void cg_use_label(Compiler *c, int label);
int cg_add_const(Compiler *c, Obj *o);        /* borrowed; returns index or -1 */
int cg_add_name(Compiler *c, const char *name); /* names[] index or -1 */
int cg_load_const_new(Compiler *c, Obj *o);   /* steals o; emits LOAD_CONST */
void cg_error(Compiler *c, Node *n, const char *fmt, ...);
void cg_set_loc(Compiler *c, Node *n);
void cg_warn(Compiler *c, Node *n, const char *msg);
const char *cg_mangle(Compiler *c, const char *name);
int cg_nameop(Compiler *c, const char *name, ExprContext ctx);
Obj *cg_make_code_unit(Compiler *c, Scope *s, Node *n, const char *name, int kind);
int cg_make_closure(Compiler *c, Obj *code, int flags);
int cg_push_fblock(Compiler *c, int type, int l_cont, int l_break, Node *node, const char *name);
void cg_pop_fblock(Compiler *c);
int cg_enter_unit(Compiler *c, Scope *s, const char *name, int firstlineno);
Obj *cg_leave_unit(Compiler *c);               /* assemble and pop: returns the code object */
int cg_function(Compiler *c, Node *n);         /* FunctionDef/AsyncFunctionDef/Lambda: pushes the function */
int cg_class(Compiler *c, Node *n);
int cg_body(Compiler *c, NodeList *body);      /* statements */
Obj *cg_const_value(Compiler *c, ConstValue *v);

/* compile_expr.c */
int cg_expr(Compiler *c, Node *n);
int cg_jump_if(Compiler *c, Node *n, int label, int cond);
int cg_store(Compiler *c, Node *target);
int cg_delete(Compiler *c, Node *target);
int cg_call_helper(Compiler *c, int n_already, NodeList *args, NodeList *keywords);
int cg_await_loop(Compiler *c);                /* TOS awaitable iterator -> result */
int cg_comprehension(Compiler *c, Node *n);

/* compile_stmt.c */
int cg_stmt(Compiler *c, Node *n);
int cg_unwind_fblock_stack(Compiler *c, int preserve_tos, FBlock **loop);

#define CG_CHECK(x) do { if ((x) < 0) return -1; } while (0)
#define EMIT(op, arg) CG_CHECK(cg_emit(c, OP_##op, (arg)))

#endif
