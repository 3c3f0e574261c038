/* io.h — internals shared by modules/io*.c and builtins (print, input, open). */
#ifndef GILPY_MODULES_IO_H
#define GILPY_MODULES_IO_H
#include "gilpy.h"

extern TypeObj TextIOWrapper_Type, BufferedReader_Type, BufferedWriter_Type,
    BufferedRandom_Type, FileIO_Type, StringIO_Type, BytesIO_Type, IOBase_Type;
extern TypeObj *io_UnsupportedOperation;   /* created by the io module init */

/* builtins.open() */
Obj *io_builtin_open(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
/* True for gilpy's own text file objects (C fast path for print/input). */
bool io_is_textfile(Obj *f);
/* Write UTF-8 bytes through a text file object (no Python-level call). */
int io_text_write_utf8(Obj *f, const char *s, ssize_t n);
int io_text_flush(Obj *f);
/* Read a line from a text file object (C fast path for input()). */
Obj *io_text_readline(Obj *f, ssize_t limit);
Obj *io_make_module(const char *name);
void io_register_unsupported(void);
#endif
