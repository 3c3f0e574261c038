/* builtins.c — the `builtins` module, part 1: small builtin functions, the
 * module table and module_init_builtins().  Part 2 (builtins2.c) holds the
 * larger ones: print, input, min/max, sum, sorted, eval/exec/compile, round,
 * __import__.
 */
#include "gilpy.h"
#include "modules/builtins.h"
#include "modules/io.h"

#define NOKW(name) do { if (kwnames && args_no_kw(name, kwnames) < 0) return NULL; } while (0)
#define ONEARG(name) do { \
    NOKW(name); \
    if (nargs != 1) return err_format(&Exc_TypeError, "%s() takes exactly one argument (%zu given)", name, nargs); \
} while (0)
#define NARGS(name, lo, hi) do { \
    NOKW(name); \
    if (args_count(name, nargs, lo, hi) < 0) return NULL; \
} while (0)

static Obj *bi_abs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("abs");
    return obj_abs(args[0]);
}

static Obj *all_any(Obj *const *args, size_t nargs, Obj *kwnames, const char *name, int want)
{
    ONEARG(name);
    Obj *it = obj_iter(args[0]);
    if (!it) return NULL;
    Obj *x;
    while ((x = obj_iternext(it)) != NULL) {
        int t = obj_is_true(x);
        DECREF(x);
        if (t < 0) { DECREF(it); return NULL; }
        if (t == want) { DECREF(it); return BOOL(want); }
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    return BOOL(!want);
}

static Obj *bi_all(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return all_any(args, nargs, kwnames, "all", 0);
}

static Obj *bi_any(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return all_any(args, nargs, kwnames, "any", 1);
}

static Obj *bi_ascii(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("ascii");
    return obj_ascii(args[0]);
}

static Obj *int_base(Obj *o, int base)
{
    Obj *i = obj_index(o);
    if (!i) return NULL;
    Obj *r = int_format_base(i, base);
    DECREF(i);
    return r;
}

static Obj *bi_bin(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("bin");
    return int_base(args[0], 2);
}

static Obj *bi_oct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("oct");
    return int_base(args[0], 8);
}

static Obj *bi_hex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("hex");
    return int_base(args[0], 16);
}

static Obj *bi_callable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("callable");
    RETURN_BOOL(obj_callable(args[0]));
}

static Obj *bi_chr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("chr");
    Obj *o = args[0];
    if (float_check(o))
        return err_set_str(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
    Obj *i = obj_index(o);
    if (!i) return NULL;
    long long v;
    if (int_as_long_overflow(i, &v) || v > INT_MAX || v < INT_MIN) {
        DECREF(i);
        return err_set_str(&Exc_OverflowError, "Python int too large to convert to C int");
    }
    DECREF(i);
    if (v < 0 || v > 0x10ffff) return err_set_str(&Exc_ValueError, "chr() arg not in range(0x110000)");
    return str_from_codepoint((uint32_t)v);
}

static Obj *bi_ord(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("ord");
    Obj *o = args[0];
    if (str_check(o)) {
        if (STR_LEN(o) == 1) return MAKE_SMALLINT(str_char_at(o, 0));
        return err_format(&Exc_TypeError, "ord() expected a character, but string of length %zd found",
                          STR_LEN(o));
    }
    if (bytes_check(o)) {
        if (BYTES_SIZE(o) == 1) return MAKE_SMALLINT((unsigned char)BYTES_DATA(o)[0]);
        return err_format(&Exc_TypeError, "ord() expected a character, but string of length %zd found",
                          BYTES_SIZE(o));
    }
    if (!IS_SMALLINT(o) && type_is_subtype(TYPE(o), &ByteArray_Type)) {
        ByteArrayObj *b = (ByteArrayObj *)o;
        if (b->size == 1) return MAKE_SMALLINT((unsigned char)b->data[0]);
        return err_format(&Exc_TypeError, "ord() expected a character, but string of length %zd found",
                          b->size);
    }
    return err_format(&Exc_TypeError, "ord() expected string of length 1, but %T found", o);
}

static int check_attr_name(Obj *name)
{
    if (!str_check(name)) {
        err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    return 0;
}

static Obj *bi_getattr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("getattr", 2, 3);
    if (check_attr_name(args[1]) < 0) return NULL;
    if (nargs == 2) return obj_getattr(args[0], args[1]);
    Obj *r = NULL;
    int found = obj_lookup_attr(args[0], args[1], &r);
    if (found < 0) return NULL;
    if (found == 0) return NEWREF(args[2]);
    return r;
}

static Obj *bi_setattr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("setattr", 3, 3);
    if (check_attr_name(args[1]) < 0) return NULL;
    if (obj_setattr(args[0], args[1], args[2]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *bi_delattr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("delattr", 2, 2);
    if (check_attr_name(args[1]) < 0) return NULL;
    if (obj_setattr(args[0], args[1], NULL) < 0) return NULL;
    RETURN_NONE;
}

static Obj *bi_hasattr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("hasattr", 2, 2);
    if (check_attr_name(args[1]) < 0) return NULL;
    Obj *r = NULL;
    int found = obj_lookup_attr(args[0], args[1], &r);
    if (found < 0) return NULL;
    XDECREF(r);
    RETURN_BOOL(found);
}

static Obj *sorted_keys(Obj *mapping)
{
    Obj *keys;
    if (dict_check(mapping)) keys = dict_keys_list(mapping);
    else {
        Obj *k = obj_call_method(mapping, "keys", NULL, 0);
        if (!k) return NULL;
        keys = seq_list(k);
        DECREF(k);
    }
    if (!keys) return NULL;
    if (list_sort(keys) < 0) { DECREF(keys); return NULL; }
    return keys;
}

static Obj *bi_dir(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NOKW("dir");
    if (nargs > 1) return err_format(&Exc_TypeError, "dir expected at most 1 argument, got %zu", nargs);
    if (nargs == 1) return obj_dir(args[0]);
    Obj *loc = eval_get_locals();
    if (!loc) return NULL;
    Obj *r = sorted_keys(loc);
    DECREF(loc);
    return r;
}

static Obj *lookup_dunder(Obj *o, const char *name)
{
    return obj_type_lookup_special(o, str_intern_cstr(name));
}

static Obj *bi_divmod(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("divmod", 2, 2);
    Obj *a = args[0], *b = args[1];
    if (IS_SMALLINT(a) && IS_SMALLINT(b) && SMALLINT_VALUE(b) != 0) {
        intptr_t x = SMALLINT_VALUE(a), y = SMALLINT_VALUE(b);
        intptr_t q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) { q--; r += y; }
        if (SMALLINT_FITS(q)) return tuple_pack(2, MAKE_SMALLINT(q), MAKE_SMALLINT(r));
    }
    if ((int_check_exact(a) || TYPE(a) == &Float_Type || TYPE(a) == &Bool_Type) &&
        (int_check_exact(b) || TYPE(b) == &Float_Type || TYPE(b) == &Bool_Type)) {
        bool ints = TYPE(a) != &Float_Type && TYPE(b) != &Float_Type;
        return ints ? int_divmod(a, b) : float_divmod(a, b);
    }
    /* General protocol: a.__divmod__(b), then b.__rdivmod__(a). */
    int try_right_first = TYPE(b) != TYPE(a) && type_is_subtype(TYPE(b), TYPE(a));
    for (int pass = 0; pass < 2; pass++) {
        int right = (pass == 0) == try_right_first;
        Obj *m = right ? lookup_dunder(b, "__rdivmod__") : lookup_dunder(a, "__divmod__");
        if (!m) {
            if (err_occurred()) return NULL;
            continue;
        }
        if (right && TYPE(a) == TYPE(b) && pass == 1) { DECREF(m); continue; }
        Obj *r = obj_call1(m, right ? a : b);
        DECREF(m);
        if (!r) return NULL;
        if (r != NotImplemented) return r;
    }
    return err_format(&Exc_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'", a, b);
}

static Obj *bi_format(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"", ""};
    Obj *a[2];
    if (args_parse("format", args, nargs, kwnames, names, 2, 1, 2, a) < 0) return NULL;
    if (a[1] && !str_check(a[1]))
        return err_format(&Exc_TypeError, "format() argument 2 must be str, not %T", a[1]);
    return obj_format(a[0], a[1]);
}

static Obj *bi_globals(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NOKW("globals");
    if (nargs) return err_format(&Exc_TypeError, "globals() takes no arguments (%zu given)", nargs);
    Obj *g = eval_get_globals();
    if (!g) return err_set_str(&Exc_SystemError, "globals(): no current frame");
    return NEWREF(g);
}

static Obj *bi_locals(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NOKW("locals");
    if (nargs) return err_format(&Exc_TypeError, "locals() takes no arguments (%zu given)", nargs);
    return eval_get_locals();
}

static Obj *bi_hash(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("hash");
    hash_t h = obj_hash(args[0]);
    if (h == -1 && err_occurred()) return NULL;
    return int_from_long((long long)h);
}

static Obj *bi_id(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("id");
    return int_from_ulong((unsigned long long)(uintptr_t)args[0]);
}

static Obj *bi_isinstance(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("isinstance", 2, 2);
    int r = obj_isinstance(args[0], args[1]);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

static Obj *bi_issubclass(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("issubclass", 2, 2);
    int r = obj_issubclass(args[0], args[1]);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

static Obj *bi_iter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("iter", 1, 2);
    if (nargs == 1) return obj_iter(args[0]);
    if (!obj_callable(args[0])) return err_set_str(&Exc_TypeError, "iter(v, w): v must be callable");
    return calliter_new(args[0], args[1]);
}

static Obj *bi_aiter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("aiter");
    Obj *m = lookup_dunder(args[0], "__aiter__");
    if (!m) {
        if (err_occurred()) return NULL;
        return err_format(&Exc_TypeError, "'%T' object is not an async iterable", args[0]);
    }
    Obj *r = obj_call0(m);
    DECREF(m);
    return r;
}

static Obj *bi_anext(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("anext", 1, 2);
    Obj *m = lookup_dunder(args[0], "__anext__");
    if (!m) {
        if (err_occurred()) return NULL;
        return err_format(&Exc_TypeError, "'%T' object is not an async iterator", args[0]);
    }
    if (nargs == 2) {
        DECREF(m);
        return err_set_str(&Exc_NotImplementedError, "anext() with a default is not supported");
    }
    Obj *r = obj_call0(m);
    DECREF(m);
    return r;
}

static Obj *bi_len(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("len");
    ssize_t n = obj_len(args[0]);
    if (n < 0) return NULL;
    return int_from_ssize(n);
}

static Obj *bi_next(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("next", 1, 2);
    Obj *it = args[0];
    if (TYPE(it)->iternext == NULL)
        return err_format(&Exc_TypeError, "'%T' object is not an iterator", it);
    Obj *r = TYPE(it)->iternext(it);   /* the slot: keeps StopIteration(value) */
    if (r) return r;
    if (err_occurred()) {
        if (nargs == 2 && err_matches(&Exc_StopIteration)) {
            err_clear();
            return NEWREF(args[1]);
        }
        return NULL;
    }
    if (nargs == 2) return NEWREF(args[1]);
    return err_set_none(&Exc_StopIteration);
}

static Obj *bi_pow(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod"};
    Obj *a[3];
    if (args_parse("pow", args, nargs, kwnames, names, 3, 2, 3, a) < 0) return NULL;
    if (!a[2] || a[2] == None) return obj_binop(a[0], a[1], NB_POW);
    return obj_pow3(a[0], a[1], a[2]);
}

static Obj *bi_repr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ONEARG("repr");
    return obj_repr(args[0]);
}

static Obj *bi_vars(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NOKW("vars");
    if (nargs > 1) return err_format(&Exc_TypeError, "vars expected at most 1 argument, got %zu", nargs);
    if (nargs == 0) return eval_get_locals();
    Obj *d = NULL;
    int r = obj_lookup_attr(args[0], str_intern_cstr("__dict__"), &d);
    if (r < 0) return NULL;
    if (r == 0) return err_set_str(&Exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static Obj *bi_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    NARGS("exit", 0, 1);
    Obj *in = sys_get_object("stdin");
    if (in && in != None) {
        Obj *r = obj_call_method(in, "close", NULL, 0);
        if (r) DECREF(r);
        else err_clear();
    }
    if (nargs == 0) return err_set_none(&Exc_SystemExit);
    return err_set_obj(&Exc_SystemExit, args[0]);
}

static MethodDef builtin_methods[] = {
    {"__build_class__", builtin_build_class, 0, "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", builtin___import__, 0, "Import a module."},
    {"abs", bi_abs, 0, "Return the absolute value of the argument."},
    {"aiter", bi_aiter, 0, "Return an AsyncIterator for an AsyncIterable object."},
    {"all", bi_all, 0, "Return True if bool(x) is True for all values x in the iterable."},
    {"anext", bi_anext, 0, "Return the next item from the async iterator."},
    {"any", bi_any, 0, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", bi_ascii, 0, "Return an ASCII-only representation of an object."},
    {"bin", bi_bin, 0, "Return the binary representation of an integer."},
    {"callable", bi_callable, 0, "Return whether the object is callable."},
    {"chr", bi_chr, 0, "Return a Unicode string of one character with ordinal i."},
    {"compile", builtin_compile, 0, "Compile source into a code object."},
    {"delattr", bi_delattr, 0, "Deletes the named attribute from the given object."},
    {"dir", bi_dir, 0, "Show attributes of an object."},
    {"divmod", bi_divmod, 0, "Return the tuple (x//y, x%y)."},
    {"eval", builtin_eval, 0, "Evaluate the given source."},
    {"exec", builtin_exec, 0, "Execute the given source."},
    {"format", bi_format, 0, "Return value.__format__(format_spec)"},
    {"getattr", bi_getattr, 0, "Get a named attribute from an object."},
    {"globals", bi_globals, 0, "Return the dictionary containing the current scope's global variables."},
    {"hasattr", bi_hasattr, 0, "Return whether the object has an attribute with the given name."},
    {"hash", bi_hash, 0, "Return the hash value for the given object."},
    {"hex", bi_hex, 0, "Return the hexadecimal representation of an integer."},
    {"id", bi_id, 0, "Return the identity of an object."},
    {"input", builtin_input, 0, "Read a string from standard input."},
    {"isinstance", bi_isinstance, 0, "Return whether an object is an instance of a class."},
    {"issubclass", bi_issubclass, 0, "Return whether 'cls' is derived from another class."},
    {"iter", bi_iter, 0, "Get an iterator from an object."},
    {"len", bi_len, 0, "Return the number of items in a container."},
    {"locals", bi_locals, 0, "Return a dictionary containing the current scope's local variables."},
    {"max", builtin_max, 0, "Return the largest item."},
    {"min", builtin_min, 0, "Return the smallest item."},
    {"next", bi_next, 0, "Return the next item from the iterator."},
    {"oct", bi_oct, 0, "Return the octal representation of an integer."},
    {"open", io_builtin_open, 0, "Open file and return a stream."},
    {"ord", bi_ord, 0, "Return the Unicode code point for a one-character string."},
    {"pow", bi_pow, 0, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3."},
    {"print", builtin_print, 0, "Prints the values to a stream, or to sys.stdout by default."},
    {"repr", bi_repr, 0, "Return the canonical string representation of the object."},
    {"round", builtin_round, 0, "Round a number to a given precision in decimal digits."},
    {"setattr", bi_setattr, 0, "Sets the named attribute on the given object to the specified value."},
    {"sorted", builtin_sorted, 0, "Return a new list containing all items from the iterable in ascending order."},
    {"sum", builtin_sum, 0, "Return the sum of a 'start' value plus an iterable of numbers."},
    {"vars", bi_vars, 0, "Show vars."},
    {"exit", bi_exit, 0, "Exit the interpreter."},
    {"quit", bi_exit, 0, "Exit the interpreter."},
    {NULL}
};

Obj *module_init_builtins(void)
{
    Obj *m = module_new("builtins");
    if (!m) return NULL;
    if (module_add_str(m, "__doc__",
                       "Built-in functions, exceptions, and other objects.") < 0)
        goto fail;
    if (module_add_functions(m, builtin_methods) < 0) goto fail;
    Obj *d = module_get_dict(m);
    struct { const char *name; TypeObj *t; } types[] = {
        {"int", &Int_Type}, {"float", &Float_Type}, {"complex", &Complex_Type},
        {"str", &Str_Type}, {"bytes", &Bytes_Type}, {"bytearray", &ByteArray_Type},
        {"bool", &Bool_Type}, {"list", &List_Type}, {"tuple", &Tuple_Type},
        {"dict", &Dict_Type}, {"set", &Set_Type}, {"frozenset", &FrozenSet_Type},
        {"range", &Range_Type}, {"slice", &Slice_Type}, {"object", &Object_Type},
        {"type", &Type_Type}, {"super", &Super_Type}, {"property", &Property_Type},
        {"classmethod", &ClassMethod_Type}, {"staticmethod", &StaticMethod_Type},
        {"enumerate", &Enumerate_Type}, {"zip", &Zip_Type}, {"map", &Map_Type},
        {"filter", &Filter_Type}, {"reversed", &Reversed_Type},
#define X(c, n, b) {n, &Exc_##c},
        EXC_TYPES(X)
#undef X
        {"EnvironmentError", &Exc_OSError}, {"IOError", &Exc_OSError},
    };
    for (size_t i = 0; i < ARRAY_LEN(types); i++) {
        TypeObj *t = types[i].t;
        if (!(t->flags & TF_READY) && type_ready(t) < 0) goto fail;
        if (dict_setitem_str(d, types[i].name, OBJ(t)) < 0) goto fail;
    }
    if (builtins_add_memoryview(m) < 0) goto fail;
    if (dict_setitem_str(d, "None", None) < 0 ||
        dict_setitem_str(d, "True", True_) < 0 ||
        dict_setitem_str(d, "False", False_) < 0 ||
        dict_setitem_str(d, "Ellipsis", Ellipsis) < 0 ||
        dict_setitem_str(d, "NotImplemented", NotImplemented) < 0 ||
        dict_setitem_str(d, "__debug__", True_) < 0)
        goto fail;
    if (module_add_str(m, "copyright", "Copyright (c) gilpy authors.") < 0 ||
        module_add_str(m, "credits", "Thanks to the Python community.") < 0 ||
        module_add_str(m, "license", "See LICENSE.") < 0)
        goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
