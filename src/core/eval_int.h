/* eval_int.h — helpers shared by eval.c, eval_call.c and gen.c (VM internals). */
#ifndef GILPY_EVAL_INT_H
#define GILPY_EVAL_INT_H

#include "gilpy.h"

/* eval_call.c */
void unbound_deref_error(CodeObj *co, int oparg);
void name_error(Obj *name);
Obj *lookup_builtin(Frame *f, Obj *name);            /* borrowed or NULL */
int load_method(Obj *owner, Obj *name, Obj **meth);  /* 1: unbound meth, 0: bound attr, -1 error */
Obj *unpack_ex_list(Obj *seq, int before, int after);
void pop_except_block(ThreadState *ts, Frame *f, Obj ***spp);
Obj *current_handled(ThreadState *ts);               /* borrowed innermost handled exception or NULL */
void set_handled(ThreadState *ts, Obj *prev);        /* steals prev (None = no exception) */
int print_expr(Obj *v);
Obj *func_display_name(Obj *func);                   /* "mod.qual()" as CPython's _PyObject_FunctionStr */
int frame_init_cells(Frame *f, Obj *closure);

/* eval_call.c: except* support.  eval_eg_match: split rest by type into new
 * refs *match (NULL when nothing matched) and *rest (None when all matched).
 * eval_prep_reraise_star: the exception to re-raise (new ref, maybe None). */
int eval_eg_match(Obj *rest, Obj *type, Obj **match, Obj **newrest);
Obj *eval_prep_reraise_star(Obj *orig, Obj *list);

/* gen.c */
Obj *gen_yf(Obj *gen);                               /* borrowed delegate iterator or NULL */

#endif
