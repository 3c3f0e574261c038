/* code.h — code objects, frames and the opcode list.
 * OWNER: the compiler+VM part (core/compile.c, core/eval.c).  This placeholder
 * holds only what other parts need; the owner fills in the real layout. */
#ifndef GILPY_CODE_H
#define GILPY_CODE_H

/* Accessors used by tracebacks and sys._getframe (implemented in core/eval.c / objects/frame.c). */
Obj *frame_get_code(Frame *f);     /* borrowed */
int frame_get_lasti(Frame *f);     /* index of the instruction being executed */
int frame_get_lineno(Frame *f);
Frame *frame_get_back(Frame *f);
Obj *frame_get_globals(Frame *f);  /* borrowed */
Obj *frame_as_object(Frame *f);    /* new ref: a Python frame object for f (tb_frame, sys._getframe) */

#endif
