/* builtins.h — functions shared between builtins.c and builtins2.c. */
#ifndef GILPY_MODULES_BUILTINS_H
#define GILPY_MODULES_BUILTINS_H
#include "gilpy.h"

Obj *builtin___import__(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *builtin_compile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *builtin_eval(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *builtin_exec(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *builtin_input(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *builtin_max(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *builtin_min(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *builtin_print(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *builtin_round(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *builtin_sorted(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *builtin_sum(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
int builtins_add_memoryview(Obj *m);

#endif
