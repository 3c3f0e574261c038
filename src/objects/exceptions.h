/* exceptions.h — instance layouts of the exception families (objects/exceptions.c,
 * objects/excgroup.c).  BaseExcObj itself is in gilpy.h. */
#ifndef GILPY_EXCEPTIONS_H
#define GILPY_EXCEPTIONS_H
#include "gilpy.h"

typedef struct { BaseExcObj base; Obj *code; } SystemExitObj;
typedef struct { BaseExcObj base; Obj *value; } StopIterationObj;
typedef struct {
    BaseExcObj base;
    Obj *myerrno, *strerror, *filename, *filename2;
    ssize_t written;    /* BlockingIOError.characters_written, -1 unset */
} OSErrorObj;
typedef struct {
    BaseExcObj base;
    Obj *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset, *print_file_and_line;
} SyntaxErrorObj;
typedef struct { BaseExcObj base; Obj *msg, *name, *path; } ImportErrorObj;
typedef struct { BaseExcObj base; Obj *name, *obj; } AttributeErrorObj;
typedef struct { BaseExcObj base; Obj *name; } NameErrorObj;
typedef struct { BaseExcObj base; Obj *encoding, *object; ssize_t start, end; Obj *reason; } UnicodeErrorObj;

typedef struct { BaseExcObj base; Obj *msg, *excs; } ExcGroupObj;

/* objects/excgroup.c */
Obj *excgroup_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames);
int excgroup_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *excgroup_str(Obj *self);
extern MethodDef excgroup_methods[];
extern MemberDef excgroup_members[];
int excgroup_prepare_types(void);   /* ExceptionGroup's two bases, before type_ready */

#endif
