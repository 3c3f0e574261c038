/* gilpy.h — the internal API every part of the interpreter codes against.
 *
 * Each section names the file that implements it.  Conventions (object.h):
 * `Obj *` results are new references, NULL = exception set on the current
 * thread; `int` results are 0 / -1 (error) unless stated; arguments are
 * borrowed unless the comment says "steals".
 *
 * Sections may grow.  A part's own detailed structs live in its own header
 * (src/objects/<type>.h, src/core/<part>.h) included at the bottom.
 */
#ifndef GILPY_H
#define GILPY_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <limits.h>
#include "object.h"
#include "interp.h"

#define GILPY_VERSION "3.11.7"
#define UNUSED(x) ((void)(x))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#if defined(__GNUC__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif

/* ======================================================================
 * Exceptions: core/errors.c, objects/exceptions.c, core/traceback.c
 * ====================================================================== */
/* Every built-in exception type: X(CName, "pythonname", Base). */
#define EXC_TYPES(X) \
    X(BaseException, "BaseException", Object) \
    X(SystemExit, "SystemExit", BaseException) \
    X(KeyboardInterrupt, "KeyboardInterrupt", BaseException) \
    X(GeneratorExit, "GeneratorExit", BaseException) \
    X(Exception, "Exception", BaseException) \
    X(StopIteration, "StopIteration", Exception) \
    X(StopAsyncIteration, "StopAsyncIteration", Exception) \
    X(ArithmeticError, "ArithmeticError", Exception) \
    X(FloatingPointError, "FloatingPointError", ArithmeticError) \
    X(OverflowError, "OverflowError", ArithmeticError) \
    X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError) \
    X(AssertionError, "AssertionError", Exception) \
    X(AttributeError, "AttributeError", Exception) \
    X(BufferError, "BufferError", Exception) \
    X(EOFError, "EOFError", Exception) \
    X(ImportError, "ImportError", Exception) \
    X(ModuleNotFoundError, "ModuleNotFoundError", ImportError) \
    X(LookupError, "LookupError", Exception) \
    X(IndexError, "IndexError", LookupError) \
    X(KeyError, "KeyError", LookupError) \
    X(MemoryError, "MemoryError", Exception) \
    X(NameError, "NameError", Exception) \
    X(UnboundLocalError, "UnboundLocalError", NameError) \
    X(OSError, "OSError", Exception) \
    X(BlockingIOError, "BlockingIOError", OSError) \
    X(ChildProcessError, "ChildProcessError", OSError) \
    X(ConnectionError, "ConnectionError", OSError) \
    X(BrokenPipeError, "BrokenPipeError", ConnectionError) \
    X(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError) \
    X(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError) \
    X(ConnectionResetError, "ConnectionResetError", ConnectionError) \
    X(FileExistsError, "FileExistsError", OSError) \
    X(FileNotFoundError, "FileNotFoundError", OSError) \
    X(InterruptedError, "InterruptedError", OSError) \
    X(IsADirectoryError, "IsADirectoryError", OSError) \
    X(NotADirectoryError, "NotADirectoryError", OSError) \
    X(PermissionError, "PermissionError", OSError) \
    X(ProcessLookupError, "ProcessLookupError", OSError) \
    X(TimeoutError, "TimeoutError", OSError) \
    X(ReferenceError, "ReferenceError", Exception) \
    X(RuntimeError, "RuntimeError", Exception) \
    X(NotImplementedError, "NotImplementedError", RuntimeError) \
    X(RecursionError, "RecursionError", RuntimeError) \
    X(SyntaxError, "SyntaxError", Exception) \
    X(IndentationError, "IndentationError", SyntaxError) \
    X(TabError, "TabError", IndentationError) \
    X(SystemError, "SystemError", Exception) \
    X(TypeError, "TypeError", Exception) \
    X(ValueError, "ValueError", Exception) \
    X(UnicodeError, "UnicodeError", ValueError) \
    X(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError) \
    X(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError) \
    X(UnicodeTranslateError, "UnicodeTranslateError", UnicodeError) \
    X(Warning, "Warning", Exception) \
    X(DeprecationWarning, "DeprecationWarning", Warning) \
    X(PendingDeprecationWarning, "PendingDeprecationWarning", Warning) \
    X(RuntimeWarning, "RuntimeWarning", Warning) \
    X(SyntaxWarning, "SyntaxWarning", Warning) \
    X(UserWarning, "UserWarning", Warning) \
    X(FutureWarning, "FutureWarning", Warning) \
    X(ImportWarning, "ImportWarning", Warning) \
    X(UnicodeWarning, "UnicodeWarning", Warning) \
    X(BytesWarning, "BytesWarning", Warning) \
    X(EncodingWarning, "EncodingWarning", Warning) \
    X(ResourceWarning, "ResourceWarning", Warning) \
    X(BaseExceptionGroup, "BaseExceptionGroup", BaseException) \
    X(ExceptionGroup, "ExceptionGroup", BaseExceptionGroup) /* also derives from Exception */

#define X(c, n, b) extern TypeObj Exc_##c;
EXC_TYPES(X)
#undef X

/* Instance layout shared by all exceptions (subclass structs extend it). */
typedef struct {
    OBJ_HEAD;
    Obj *dict;            /* instance __dict__ (lazily created) */
    Obj *args;            /* tuple */
    Obj *notes;           /* __notes__ or NULL */
    Obj *traceback;       /* TracebackObj or NULL */
    Obj *context;         /* __context__ */
    Obj *cause;           /* __cause__ */
    char suppress_context;
} BaseExcObj;

/* Raising.  All return NULL so `return err_format(...)` reads naturally. */
Obj *err_set_str(TypeObj *type, const char *msg);
Obj *err_format(TypeObj *type, const char *fmt, ...);   /* formats as str_from_format */
Obj *err_set_obj(TypeObj *type, Obj *value);  /* value: an instance of type, a tuple of args, or one arg */
Obj *err_set_exc(Obj *exc);                   /* raise an instance (new ref taken, not stolen) */
Obj *err_set_none(TypeObj *type);             /* type() with no args */
Obj *err_no_memory(void);
Obj *err_from_errno(TypeObj *type);           /* OSError(errno, strerror) choosing the subclass by errno */
Obj *err_from_errno_filename(TypeObj *type, Obj *filename);
Obj *err_bad_internal_call(void);
Obj *err_set_key(Obj *key);                   /* KeyError(key) even when key is a tuple */
/* Record name/obj on the AttributeError being raised (for "Did you mean" hints);
 * obj_getattr() calls it when a lookup fails, as CPython's PyObject_GetAttr does. */
void err_set_attribute_context(Obj *obj, Obj *name);
/* Raise NameError("name 'x' is not defined") with .name set. */
Obj *err_name_error(Obj *name);
/* Inspecting / moving. */
Obj *err_occurred(void);                      /* borrowed current exception or NULL */
bool err_matches(TypeObj *type);              /* current exception is an instance of type */
bool exc_matches(Obj *exc, Obj *type_or_tuple); /* isinstance semantics for except clauses */
Obj *err_fetch(void);                         /* take the current exception (new ref) and clear */
void err_restore(Obj *exc);                   /* steals; exc may be NULL (clears) */
void err_clear(void);
/* Chaining: set exc.__context__ to the exception currently being handled. */
void err_chain_context(Obj *exc);
/* Printing. */
void err_print(void);                         /* print current exception + traceback to sys.stderr, clear it */
void err_display(Obj *exc, Obj *file);        /* CPython's traceback format incl. chained exceptions */
void err_write_unraisable(Obj *obj);          /* "Exception ignored in: <obj>" + traceback, clears */
void err_write_unraisable_msg(const char *msg, Obj *obj); /* msg e.g. "Exception ignored in atexit callback" */
void unraisable_default_print(Obj *exc, Obj *tb, Obj *msg, Obj *obj); /* sys.__unraisablehook__ output */
Obj *sys_make_unraisable_args(Obj *exc, Obj *msg, Obj *obj);           /* sys.UnraisableHookArgs */
/* Warnings: through warnings.warn() once lib/warnings.py is imported; before that
 * "file:line: Category: msg" + source line, once per location, CPython's default filters. */
int err_warn(TypeObj *category, const char *msg, int stacklevel);
/* Exception objects. */
Obj *exc_new(TypeObj *type, Obj *args_tuple);  /* instantiate with args */
Obj *exc_get_args(Obj *exc);                   /* borrowed */
Obj *exc_get_traceback(Obj *exc);              /* borrowed, may be NULL */
void exc_set_traceback(Obj *exc, Obj *tb);     /* tb may be NULL */
void exc_set_context(Obj *exc, Obj *ctx);      /* steals ctx (may be NULL) */
void exc_set_cause(Obj *exc, Obj *cause);      /* steals cause (may be NULL); sets suppress_context */
Obj *stopiteration_value(Obj *exc);            /* new ref: StopIteration.value (None default) */
/* Tracebacks (core/traceback.c). */
extern TypeObj Traceback_Type;
/* Text of err_display() as a str, for the traceback module (see core/traceback.c). */
Obj *traceback_format(Obj *exc, Obj *tb, Obj *limit, int chain, int only_last);
/* Push a traceback entry for `frame` onto the current exception's __traceback__. */
int traceback_here(Frame *frame);
/* Raise SyntaxError/IndentationError with location details. */
Obj *err_syntax(TypeObj *type, const char *msg, Obj *filename, int lineno, int col,
                int end_lineno, int end_col, const char *line_text);
/* Source line `lineno` of a file, leading/trailing whitespace stripped, into buf; 0 if unavailable. */
int err_read_source_line(const char *filename, int lineno, char *buf, size_t bufsize);
/* Exception type for an errno value (FileNotFoundError for ENOENT ...), borrowed; OSError if none. */
TypeObj *exc_type_for_errno(int err);
/* sys.exit semantics for an uncaught SystemExit: returns the process exit status (prints msg if needed). */
int exc_systemexit_status(Obj *exc);

/* ======================================================================
 * Object protocols: core/object.c, core/abstract.c
 * ====================================================================== */
Obj *obj_repr(Obj *o);
Obj *obj_str(Obj *o);
Obj *obj_ascii(Obj *o);
hash_t obj_hash(Obj *o);                       /* -1 = error (TypeError: unhashable type: 'list') */
hash_t hash_not_implemented(Obj *o);           /* hash slot for unhashable types */
Obj *obj_richcompare(Obj *a, Obj *b, int op);
int obj_richcompare_bool(Obj *a, Obj *b, int op); /* identity implies EQ for EQ/NE; -1 error */
int obj_is_true(Obj *o);                       /* -1 error */
Obj *obj_getattr(Obj *o, Obj *name);
Obj *obj_getattr_str(Obj *o, const char *name);
/* 1 found (*res new ref), 0 AttributeError swallowed (*res NULL), -1 other error. */
int obj_lookup_attr(Obj *o, Obj *name, Obj **res);
int obj_setattr(Obj *o, Obj *name, Obj *value); /* value NULL = delete */
int obj_setattr_str(Obj *o, const char *name, Obj *value);
int obj_hasattr_str(Obj *o, const char *name);
Obj *obj_generic_getattr(Obj *o, Obj *name);   /* object.__getattribute__ */
int obj_generic_setattr(Obj *o, Obj *name, Obj *value);
Obj **obj_dict_ptr(Obj *o);                    /* address of instance __dict__ slot or NULL */
Obj *obj_dir(Obj *o);                          /* dir(o) as sorted list */
Obj *obj_type_lookup_special(Obj *self, Obj *name); /* dunder on type(self), bound; NULL w/o error if absent */

Obj *obj_call(Obj *callable, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *obj_call_tuple(Obj *callable, Obj *args, Obj *kwargs);   /* kwargs dict or NULL */
Obj *obj_call0(Obj *callable);
Obj *obj_call1(Obj *callable, Obj *a);
Obj *obj_call2(Obj *callable, Obj *a, Obj *b);
Obj *obj_call_method(Obj *self, const char *name, Obj *const *args, size_t nargs);
Obj *obj_call_method_obj(Obj *self, Obj *name, Obj *const *args, size_t nargs);
bool obj_callable(Obj *o);

Obj *obj_binop(Obj *a, Obj *b, int op);        /* op: NB_ADD..; TypeError "unsupported operand type(s) for +: 'int' and 'str'" */
Obj *obj_inplace_op(Obj *a, Obj *b, int op);   /* op: NB_ADD.. (plain index) */
Obj *obj_pow3(Obj *a, Obj *b, Obj *mod);
Obj *obj_neg(Obj *o);
Obj *obj_pos(Obj *o);
Obj *obj_invert(Obj *o);
Obj *obj_abs(Obj *o);
Obj *obj_index(Obj *o);                        /* __index__ -> exact int */
ssize_t obj_as_ssize(Obj *o, TypeObj *overflow_exc); /* via __index__; overflow_exc NULL = clamp */
Obj *obj_to_int(Obj *o);                       /* int(o) */
Obj *obj_to_float(Obj *o);                     /* float(o) */
ssize_t obj_len(Obj *o);                       /* -1 error: "object of type 'int' has no len()" */
Obj *obj_getitem(Obj *o, Obj *key);
int obj_setitem(Obj *o, Obj *key, Obj *value);
int obj_delitem(Obj *o, Obj *key);
Obj *obj_iter(Obj *o);                         /* iter(o): TypeError "'int' object is not iterable" */
Obj *obj_iternext(Obj *it);                    /* NULL + no error = exhausted */
int obj_contains(Obj *container, Obj *item);   /* 1/0/-1 */
int obj_isinstance(Obj *inst, Obj *cls);       /* cls may be a tuple; honours __instancecheck__ */
int obj_issubclass(Obj *derived, Obj *cls);
bool type_is_subtype(TypeObj *a, TypeObj *b);  /* via mro */
Obj *obj_format(Obj *o, Obj *spec);            /* format(o, spec); spec NULL = "" */
Obj *seq_list(Obj *iterable);                  /* list(iterable) */
Obj *seq_tuple(Obj *iterable);                 /* tuple(iterable) */
/* Unpack exactly n items from an iterable into out[] (new refs);
 * errors: "not enough values to unpack (expected 3, got 2)", "too many values ...". */
int seq_unpack(Obj *iterable, Obj **out, ssize_t n);

/* Argument parsing for C functions (core/args.c).
 * names[i]: parameter name, or "" for positional-only; n params, the first
 * `required` are required, at most `maxpos` may be passed positionally (the
 * rest are keyword-only).  out[i] receives a BORROWED ref or NULL if absent.
 * Errors follow CPython: "f() takes at most 2 arguments (3 given)",
 * "f() missing required argument 'x' (pos 1)", "'x' is an invalid keyword
 * argument for f()", "f() takes no keyword arguments". */
int args_parse(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
               const char *const *names, int n, int required, int maxpos, Obj **out);
int args_no_kw(const char *fname, Obj *kwnames);            /* -1 + TypeError if kwnames */
int args_count(const char *fname, size_t nargs, size_t min, size_t max); /* positional count check */

/* ======================================================================
 * Types and descriptors: objects/type.c, objects/descr.c
 * ====================================================================== */
int type_ready(TypeObj *t);             /* static types: build dict from methods/members/getset, mro, inherit slots */
Obj *type_lookup(TypeObj *t, Obj *name);/* borrowed; MRO search; NULL (no error) if absent */
Obj *type_lookup_str(TypeObj *t, const char *name);
const char *type_name(TypeObj *t);      /* short name ("OrderedDict") */
Obj *type_qualname(TypeObj *t);         /* new ref str */
Obj *type_generic_alloc(TypeObj *t, ssize_t nitems);
Obj *type_generic_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kwnames);
void type_modified(TypeObj *t);         /* invalidate caches after dict/mro change */
extern TypeObj Super_Type, Property_Type, ClassMethod_Type, StaticMethod_Type;
extern TypeObj MethodDescr_Type, ClassMethodDescr_Type, GetSetDescr_Type, MemberDescr_Type;
extern TypeObj CFunction_Type;          /* builtin_function_or_method */
extern TypeObj WrapperDescr_Type, MethodWrapper_Type; /* slot wrappers (int.__add__ ...) */
/* A builtin function/method object.  self may be NULL (plain function) or a module. */
Obj *cfunc_new(MethodDef *def, Obj *self);
/* Cycle collector (core/gc.c) and weak references (objects/weakref.c). */
ssize_t gc_collect(int generation);      /* returns number of unreachable objects found */
void gc_enable(bool on);
bool gc_is_enabled(void);
void gc_get_count(int out[3]);
void gc_get_threshold(int out[3]);
void gc_set_threshold(int t0, int t1, int t2);
extern TypeObj WeakRef_Type;
Obj *weakref_new(Obj *target, Obj *callback);   /* TypeError "cannot create weak reference to 'int' object" */
void weakref_clear_all(Obj *o);                 /* called from obj_dealloc for types with weaklistoffset */

/* ======================================================================
 * Numbers: objects/int.c, objects/bool.c, objects/float.c, objects/complex.c
 * ====================================================================== */
extern TypeObj Bool_Type, Float_Type, Complex_Type;
static inline bool int_check(Obj *o) { return IS_SMALLINT(o) || type_has_flag(TYPE(o), TF_INT_SUBCLASS); }
static inline bool int_check_exact(Obj *o) { return IS_SMALLINT(o) || TYPE(o) == &Int_Type; }
Obj *int_from_long(long long v);
Obj *int_from_ulong(unsigned long long v);
Obj *int_from_ssize(ssize_t v);
Obj *int_from_double(double d);          /* OverflowError/ValueError for inf/nan */
Obj *int_from_string(const char *s, ssize_t len, int base); /* int(s, base) semantics incl. '_' and whitespace; ValueError */
long long int_as_long(Obj *o);           /* -1 + OverflowError "Python int too large to convert to C long" */
ssize_t int_as_ssize(Obj *o);
int int_as_long_overflow(Obj *o, long long *out); /* 0 ok, 1 overflow (no error set) */
double int_as_double(Obj *o);            /* -1.0 + OverflowError "int too large to convert to float" */
int int_sign(Obj *o);                    /* -1, 0, 1 */
Obj *int_to_decimal_string(Obj *o);      /* str(int) */
Obj *int_format_base(Obj *o, int base);  /* bin/oct/hex with 0b/0o/0x prefix */
hash_t int_hash(Obj *o);
bool int_is_zero(Obj *o);
Obj *int_normalize_exact(Obj *o);        /* int subclass/bool -> exact int (new ref) */
typedef struct { OBJ_HEAD; double value; } FloatObj;
#define FLOAT_VAL(o) (((FloatObj *)(o))->value)
static inline bool float_check(Obj *o) { return !IS_SMALLINT(o) && type_is_subtype(TYPE(o), &Float_Type); }
typedef struct { OBJ_HEAD; double real, imag; } ComplexObj;
Obj *float_from_double(double d);
double float_as_double(Obj *o);          /* accepts float, int, __float__, __index__; -1.0 + error */
Obj *float_repr_double(double d);        /* shortest round-trip repr, CPython style */
/* code 'e','E','f','F','g','G' (CPython semantics) or 'r' (repr); flags and
 * *type_out values: FLOAT_FMT_* / FLOAT_TYPE_* in objects/int.h. */
char *float_format_double(double d, char code, int precision, int flags, int *type_out); /* mem_alloc'd */
hash_t float_hash_double(double d);
Obj *complex_from_doubles(double re, double im);
/* divmod(a, b) for numbers (builtins.divmod fast path): int_divmod needs two
 * ints; float_divmod takes any int/float mix.  Both return NotImplemented for
 * other operand types; errors as CPython ("float divmod()"...). */
Obj *int_divmod(Obj *a, Obj *b);
Obj *float_divmod(Obj *a, Obj *b);
/* int(o) / float(o) exactly as the constructors (all CPython messages);
 * obj_to_int / obj_to_float may delegate here. */
Obj *int_from_object(Obj *o);
Obj *float_from_object(Obj *o);

/* ======================================================================
 * Strings: objects/str.c, objects/bytes.c, objects/bytearray.c
 * ====================================================================== */
extern TypeObj Str_Type, Bytes_Type, ByteArray_Type;
static inline bool str_check(Obj *o) { return !IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_STR_SUBCLASS); }
static inline bool bytes_check(Obj *o) { return !IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_BYTES_SUBCLASS); }
/* str: UTF-8 storage, NUL-terminated, O(1) indexing when ascii. */
typedef struct {
    OBJ_HEAD;
    ssize_t length;          /* code points */
    ssize_t size;            /* bytes of UTF-8 */
    hash_t hash;             /* -1 until computed */
    uint8_t ascii;           /* every code point < 128 */
    uint8_t interned;
    ssize_t *index;          /* lazily built code point -> byte offset table (non-ascii), or NULL */
    char data[];             /* size + 1 bytes */
} StrObj;
#define STR_DATA(o) (((StrObj *)(o))->data)
#define STR_SIZE(o) (((StrObj *)(o))->size)
#define STR_LEN(o)  (((StrObj *)(o))->length)
Obj *str_from_cstr(const char *s);                   /* UTF-8 assumed valid */
Obj *str_from_utf8(const char *s, ssize_t size);     /* UTF-8 assumed valid */
Obj *str_decode_utf8(const char *s, ssize_t size, const char *errors); /* validates: UnicodeDecodeError */
Obj *str_from_codepoint(uint32_t cp);
Obj *str_new_uninit(ssize_t size, ssize_t length);   /* fill STR_DATA then str_finish */
void str_finish(Obj *s);                             /* recompute ascii flag, hash=-1 */
/* Format with %s (char*) %d %i %u %ld %lu %lld %llu %zd %zu %x %c (int codepoint) %p %%
 * and objects: %R (repr) %S (str) %A (ascii) %U (a str object) %T (type name of object)
 * %N (type name of a TypeObj*); %.Ns precision for C strings is honoured. */
Obj *str_from_format(const char *fmt, ...);
Obj *str_from_vformat(const char *fmt, va_list ap);
Obj *str_intern(Obj *s);                   /* steals s; returns the interned (immortal) instance */
Obj *str_intern_cstr(const char *s);       /* borrowed, immortal, interned */
bool str_eq(Obj *a, Obj *b);               /* exact content equality of two str */
bool str_eq_cstr(Obj *s, const char *c);
Obj *str_concat(Obj *a, Obj *b);
Obj *str_join(Obj *sep, Obj *iterable);
hash_t str_hash(Obj *s);
Obj *str_substr(Obj *s, ssize_t start, ssize_t end); /* code point indices */
uint32_t str_char_at(Obj *s, ssize_t i);   /* code point at index i (bounds checked by caller) */
int str_compare(Obj *a, Obj *b);           /* <0, 0, >0 by code points */
/* String builder for building str results efficiently. */
typedef struct { char *buf; ssize_t size, cap; ssize_t length; int nonascii; } StrBuilder;
void sb_init(StrBuilder *sb);
int sb_append(StrBuilder *sb, const char *s, ssize_t n);  /* UTF-8 bytes */
int sb_append_cstr(StrBuilder *sb, const char *s);
int sb_append_str(StrBuilder *sb, Obj *str);
int sb_append_char(StrBuilder *sb, uint32_t cp);
Obj *sb_finish(StrBuilder *sb);            /* returns str, frees buffer */
void sb_discard(StrBuilder *sb);
/* bytes */
typedef struct { OBJ_VAR_HEAD; hash_t hash; char data[]; } BytesObj;
#define BYTES_DATA(o) (((BytesObj *)(o))->data)
#define BYTES_SIZE(o) (((VarObj *)(o))->size)
Obj *bytes_from(const char *s, ssize_t n);
Obj *bytes_from_obj(Obj *o);               /* bytes(o) */
typedef struct { OBJ_HEAD; ssize_t size, alloc; char *data; ssize_t exports; } ByteArrayObj;
/* Encoding helpers (codecs): "utf-8", "latin-1", "ascii"; errors "strict", "replace", "ignore", "surrogateescape", "backslashreplace". */
Obj *str_encode(Obj *s, const char *encoding, const char *errors);
Obj *bytes_decode(const char *data, ssize_t n, const char *encoding, const char *errors);

/* ======================================================================
 * Containers: objects/tuple.c list.c dict.c set.c range.c slice.c iterobject.c
 * ====================================================================== */
extern TypeObj Tuple_Type, List_Type, Dict_Type, Set_Type, FrozenSet_Type, Range_Type, Slice_Type;
extern TypeObj Enumerate_Type, Zip_Type, Map_Type, Filter_Type, Reversed_Type, SeqIter_Type, CallIter_Type;
typedef struct { OBJ_VAR_HEAD; hash_t hash_cache; Obj *items[]; } TupleObj;
#define TUPLE_ITEMS(o) (((TupleObj *)(o))->items)
#define TUPLE_SIZE(o)  (((VarObj *)(o))->size)
#define TUPLE_GET(o, i) (TUPLE_ITEMS(o)[i])
#define TUPLE_SET(o, i, v) (TUPLE_ITEMS(o)[i] = (v))   /* steals v; only on fresh tuples */
static inline bool tuple_check(Obj *o) { return !IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_TUPLE_SUBCLASS); }
Obj *tuple_new(ssize_t n);                 /* items NULL; n == 0 returns the shared empty tuple */
Obj *tuple_pack(ssize_t n, ...);           /* borrowed args, INCREFed */
Obj *tuple_from_array(Obj *const *items, ssize_t n);
Obj *tuple_getslice(Obj *t, ssize_t lo, ssize_t hi);

typedef struct { OBJ_HEAD; ssize_t size; ssize_t allocated; Obj **items; } ListObj;
#define LIST_ITEMS(o) (((ListObj *)(o))->items)
#define LIST_SIZE(o)  (((ListObj *)(o))->size)
static inline bool list_check(Obj *o) { return !IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_LIST_SUBCLASS); }
Obj *list_new(ssize_t n);                  /* n NULL slots (fill with LIST_ITEMS(l)[i] = v, steals) */
int list_append(Obj *list, Obj *item);     /* does not steal */
int list_insert(Obj *list, ssize_t i, Obj *item);
int list_extend(Obj *list, Obj *iterable);
int list_sort(Obj *list);                  /* list.sort() with no key */
Obj *list_as_tuple(Obj *list);
Obj *list_from_array(Obj *const *items, ssize_t n);

static inline bool dict_check(Obj *o) { return !IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_DICT_SUBCLASS); }
Obj *dict_new(void);
Obj *dict_getitem(Obj *d, Obj *key);       /* BORROWED; NULL if absent (check err_occurred() for hash errors) */
Obj *dict_getitem_str(Obj *d, const char *key); /* BORROWED */
int dict_setitem(Obj *d, Obj *key, Obj *value);
int dict_setitem_str(Obj *d, const char *key, Obj *value);
int dict_delitem(Obj *d, Obj *key);        /* KeyError if absent */
int dict_delitem_str(Obj *d, const char *key);
int dict_contains(Obj *d, Obj *key);       /* 1/0/-1 */
ssize_t dict_size(Obj *d);
/* Iterate: ssize_t pos = 0; while (dict_next(d, &pos, &k, &v)) ...  (borrowed) */
int dict_next(Obj *d, ssize_t *pos, Obj **key, Obj **value);
Obj *dict_copy(Obj *d);
int dict_update(Obj *d, Obj *other);       /* other: mapping or iterable of pairs */
int dict_merge(Obj *d, Obj *other, int override); /* override 0: keep existing; 2: TypeError on dup (f(**a, **b)) */
Obj *dict_keys_list(Obj *d);
Obj *dict_values_list(Obj *d);
Obj *dict_items_list(Obj *d);
void dict_clear(Obj *d);
Obj *dict_pop(Obj *d, Obj *key, Obj *deflt);  /* deflt NULL -> KeyError */

static inline bool anyset_check(Obj *o) {
    return !IS_SMALLINT(o) && (type_is_subtype(TYPE(o), &Set_Type) || type_is_subtype(TYPE(o), &FrozenSet_Type));
}
Obj *set_new(Obj *iterable);               /* iterable may be NULL */
Obj *frozenset_new(Obj *iterable);
int set_add(Obj *set, Obj *key);
int set_discard(Obj *set, Obj *key);       /* 1 removed, 0 absent, -1 error */
int set_contains(Obj *set, Obj *key);
ssize_t set_size(Obj *set);
int set_next(Obj *set, ssize_t *pos, Obj **key); /* borrowed */

typedef struct { OBJ_HEAD; Obj *start, *stop, *step; } SliceObj;
Obj *slice_new(Obj *start, Obj *stop, Obj *step);  /* NULLs mean None */
/* Resolve a slice against a sequence length: returns the slice length, -1 on error. */
ssize_t slice_indices(Obj *slice, ssize_t length, ssize_t *start, ssize_t *stop, ssize_t *step);
Obj *range_new(ssize_t start, ssize_t stop, ssize_t step);
Obj *seqiter_new(Obj *seq);                /* iterator over __getitem__(0..) */
Obj *calliter_new(Obj *callable, Obj *sentinel);
/* dict_merge(d, other, 2): on a duplicate key returns -1 with KeyError(key)
 * set (as CPython's _PyDict_MergeEx); the VM turns it into
 * "f() got multiple values for keyword argument 'a'". */
#include "objects/containers.h"   /* layouts + fast inline accessors */

/* ======================================================================
 * Modules and import: objects/module.c, core/import.c
 * ====================================================================== */
extern TypeObj Module_Type;
typedef struct { OBJ_HEAD; Obj *dict; Obj *name; void *state; } ModuleObj;
Obj *module_new(const char *name);
Obj *module_get_dict(Obj *m);              /* borrowed */
int module_add(Obj *m, const char *name, Obj *value); /* steals value (even on error) */
int module_add_int(Obj *m, const char *name, long long v);
int module_add_str(Obj *m, const char *name, const char *v);
int module_add_functions(Obj *m, MethodDef *defs);
int module_add_type(Obj *m, TypeObj *t);   /* type_ready + add under its short name */
/* C modules: each modules/<name>.c defines `Obj *module_init_<name>(void)`;
 * core/import.c lists them in its inittab. */
typedef Obj *(*module_initfunc)(void);
Obj *import_module(Obj *name, Obj *globals, Obj *fromlist, int level); /* __import__ */
Obj *import_module_cstr(const char *name);  /* import a top-level module by name */
Obj *import_from(Obj *module, Obj *name);   /* from m import name (with submodule fallback) */
/* from m import *: copy public names (or __all__) into the dict/mapping `locals`. */
int import_star(Obj *module, Obj *locals);
/* -m: run module `name` as __main__ (packages run pkg/__main__.py).  0 ok, -1 error set. */
int import_run_module_as_main(const char *name);
bool import_is_builtin_name(Obj *name);     /* name is in the C-module inittab */
Obj *module_init_builtins(void);            /* modules/builtins.c: the builtins module */
/* I/O (modules/io*.c).  A text file object over an fd (sys.stdin/stdout/stderr):
 * mode "r" or "w"; line_buffering 1 flushes at each newline.  Does not close fd. */
Obj *io_open_fd(int fd, const char *mode, int line_buffering);
void io_flush_all(void);                    /* flush every open buffered file (exit) */
/* Write UTF-8 text to a file object: C fast path for gilpy's own text files,
 * else file.write(str). */
int io_write_text(Obj *file, const char *s, ssize_t n);

/* ======================================================================
 * Compiler and VM: core/compile.c, core/symtable.c, core/eval.c,
 * objects/code.c, objects/function.c, objects/frame.c, objects/gen.c
 * ====================================================================== */
enum { COMPILE_EXEC = 0, COMPILE_EVAL = 1, COMPILE_SINGLE = 2 };
extern TypeObj Code_Type, Function_Type, Method_Type, Cell_Type, Frame_Type;
extern TypeObj Generator_Type, Coroutine_Type, CoroWrapper_Type;
/* Source text -> code object (raises SyntaxError). filename is a str. */
Obj *compile_source(const char *src, ssize_t len, Obj *filename, int mode, int flags);
/* Run a code object with the given namespaces (locals may equal globals). */
Obj *eval_code(Obj *code, Obj *globals, Obj *locals);
Obj *method_new(Obj *func, Obj *self);     /* bound method */
/* Source location of instruction `instr` in a code object (traceback carets).
 * Columns are 0-based UTF-8 byte offsets; -1 when unknown.  Returns 0 / -1. */
int code_location(Obj *code, int instr, int *line, int *end_line, int *col, int *end_col);
Obj *code_filename(Obj *code);             /* borrowed str */
Obj *code_name(Obj *code);                 /* borrowed str (co_name) */
Obj *code_qualname(Obj *code);             /* borrowed str */
Obj *eval_get_globals(void);               /* borrowed, globals of the innermost frame or NULL */
Obj *eval_get_locals(void);                /* new ref: locals() of the innermost frame */
Obj *eval_get_builtins(void);              /* borrowed */
/* builtins.__build_class__ (registered by modules/builtins.c). */
Obj *builtin_build_class(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
/* Zero-argument super(): the __class__ cell and first argument of the calling
 * Python frame.  RuntimeError "super(): no arguments" / "super(): __class__ cell not found". */
int eval_super_args(TypeObj **type, Obj **obj);

/* ======================================================================
 * Runtime: core/interp.c, core/main.c, modules/sys.c
 * ====================================================================== */
Obj *sys_get_object(const char *name);     /* borrowed sys.<name> or NULL (no error) */
int sys_set_object(const char *name, Obj *v);
/* Write text to sys.stdout / sys.stderr (falls back to fd 1/2 if unset). */
int sys_write_stdout(const char *s);
int sys_write_stderr(const char *s);
int file_write_str(Obj *file, Obj *s);     /* file.write(s), result dropped */
int file_write_cstr(Obj *file, const char *s);
/* Run a whole program; returns the process exit status. */
int run_main(int argc, char **argv);
int interp_ready_types(void);              /* type_ready() on every static type (startup) */
int interp_flush_std_files(void);          /* flush sys.stdout/stderr; -1 if stdout failed */
int sys_init_path(const char *script_dir, int ignore_env); /* fill sys.path (ignore_env: -E) */
int sys_init_streams(void);                /* sys.stdin/stdout/stderr via io (C fallback) */
int sys_set_orig_argv(int argc, char **argv);
/* SyntaxError fields (borrowed, may be NULL); 0 if exc is not a SyntaxError. */
int exc_syntax_info(Obj *exc, Obj **msg, Obj **filename, Obj **lineno, Obj **offset, Obj **text,
                    Obj **end_lineno, Obj **end_offset);

/* Parts' detailed internal headers. */
#include "core/ast.h"
#include "core/code.h"

#endif
