/* bool.c — bool, the int subclass with exactly two immortal instances
 * (True_/False_, plain object headers defined in core/object.c; their int
 * value is (o == True_), which every int function understands). */
#include "objects/int.h"

static Obj *bool_repr(Obj *o) {
    return str_intern_cstr(o == True_ ? "True" : "False");
}

static Obj *bool_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames) > 0)
        return err_set_str(&Exc_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1) return err_format(&Exc_TypeError, "bool expected at most 1 argument, got %zu", nargs);
    if (nargs == 0) return False_;
    int t = obj_is_true(args[0]);
    if (t < 0) return NULL;
    return BOOL(t);
}

static Obj *bool_bitop(Obj *a, Obj *b, int op) {
    if (TYPE(a) == &Bool_Type && TYPE(b) == &Bool_Type) {
        bool x = a == True_, y = b == True_;
        return BOOL(op == NB_AND ? (x & y) : op == NB_OR ? (x | y) : (x ^ y));
    }
    return Int_Type.nb[op](a, b);
}
static Obj *bool_and(Obj *a, Obj *b) { return bool_bitop(a, b, NB_AND); }
static Obj *bool_or(Obj *a, Obj *b) { return bool_bitop(a, b, NB_OR); }
static Obj *bool_xor(Obj *a, Obj *b) { return bool_bitop(a, b, NB_XOR); }

static int bool_bool(Obj *o) { return o == True_; }

static void bool_dealloc(Obj *o) { UNUSED(o); }

TypeObj Bool_Type = {
    TYPE_HEAD_INIT,
    .name = "bool",
    .basicsize = sizeof(Obj),
    .flags = TF_INT_SUBCLASS | TF_IMMUTABLETYPE,
    .doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\n"
           "The builtins True and False are the only two instances of the class bool.\n"
           "The class bool is a subclass of the class int, and cannot be subclassed.",
    .dealloc = bool_dealloc,
    .repr = bool_repr,
    .new_ = bool_new,
    .nb = { [NB_AND] = bool_and, [NB_OR] = bool_or, [NB_XOR] = bool_xor },
    .nb_bool = bool_bool,
    .base = &Int_Type,
};
