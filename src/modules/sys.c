/* sys.c — the sys module.
 *
 * Its dict is Interp.sysdict; sys_get_object()/sys_set_object() give C code
 * access to it.  Named tuples (version_info, flags, float_info, int_info,
 * hash_info) are small tuple subclasses ("struct sequences") defined here.
 * The standard streams are built in sys_init_streams() through the io module
 * (io.open + io.TextIOWrapper); when io is unavailable a minimal C writer
 * (StdPrinter) stands in.
 */
#include "gilpy.h"
#include "core/gil.h"
#include <errno.h>
#include <float.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>

/* ---- sys dict access --------------------------------------------------- */

/* Interned names for C-string keys, cached by the key's address (callers
 * mostly pass literals: print() looks up "stdout" on every call).  The
 * strings are immortal; the table is updated under the GIL. */
#define NAME_CACHE_SIZE 32
static struct { const char *key; Obj *name; } name_cache[NAME_CACHE_SIZE];

static Obj *cached_name(const char *key)
{
    size_t h = ((uintptr_t)key >> 3) % NAME_CACHE_SIZE;
    /* the content check keeps reused buffers (not literals) correct */
    if (name_cache[h].key == key && strcmp(STR_DATA(name_cache[h].name), key) == 0)
        return name_cache[h].name;
    Obj *n = str_intern_cstr(key);
    if (!n) return NULL;
    name_cache[h].key = key;
    name_cache[h].name = n;
    return n;
}

Obj *sys_get_object(const char *name)
{
    ThreadState *ts = ts_get();
    if (!ts || !ts->interp->sysdict) return NULL;
    Obj *saved = ts->curexc;
    ts->curexc = NULL;
    Obj *key = cached_name(name);
    Obj *v = key ? dict_getitem(ts->interp->sysdict, key) : NULL;
    if (ts->curexc) err_clear();
    ts->curexc = saved;
    return v;
}

int sys_set_object(const char *name, Obj *v)
{
    ThreadState *ts = ts_get();
    if (!ts || !ts->interp->sysdict) return -1;
    if (!v) {
        if (dict_delitem_str(ts->interp->sysdict, name) < 0) {
            if (err_matches(&Exc_KeyError)) { err_clear(); return 0; }
            return -1;
        }
        return 0;
    }
    return dict_setitem_str(ts->interp->sysdict, name, v);
}

int file_write_str(Obj *file, Obj *s)
{
    Obj *r = obj_call_method(file, "write", &s, 1);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

int file_write_cstr(Obj *file, const char *s)
{
    Obj *o = str_from_cstr(s);
    if (!o) return -1;
    int r = file_write_str(file, o);
    DECREF(o);
    return r;
}

static int write_std(const char *name, FILE *fallback, const char *s)
{
    Obj *f = sys_get_object(name);
    if (f && f != None) return file_write_cstr(f, s);
    fputs(s, fallback);
    return 0;
}

int sys_write_stdout(const char *s) { return write_std("stdout", stdout, s); }
int sys_write_stderr(const char *s) { return write_std("stderr", stderr, s); }

/* ---- StdPrinter: fallback stream over a file descriptor ---------------- */

typedef struct { OBJ_HEAD; int fd; int closed; } StdPrinterObj;
extern TypeObj StdPrinter_Type;

static Obj *stdprinter_write(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("write", kwnames) < 0 || args_count("write", nargs, 1, 1) < 0) return NULL;
    Obj *s = args[0];
    if (!str_check(s))
        return err_format(&Exc_TypeError, "write() argument must be str, not %s", type_name(TYPE(s)));
    StdPrinterObj *p = (StdPrinterObj *)self;
    if (p->closed) return err_set_str(&Exc_ValueError, "I/O operation on closed file.");
    const char *d = STR_DATA(s);
    ssize_t n = STR_SIZE(s), off = 0;
    while (off < n) {
        ssize_t w = write(p->fd, d + off, (size_t)(n - off));
        if (w < 0) {
            if (errno == EINTR) continue;
            return err_from_errno(&Exc_OSError);
        }
        off += w;
    }
    return int_from_ssize(STR_LEN(s));
}

static Obj *stdprinter_flush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RETURN_NONE;
}

static Obj *stdprinter_fileno(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return int_from_long(((StdPrinterObj *)self)->fd);
}

static Obj *stdprinter_isatty(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RETURN_BOOL(isatty(((StdPrinterObj *)self)->fd));
}

/* Read up to a newline (line=1) or EOF; bytes are decoded as UTF-8 ("replace"). */
static Obj *stdprinter_read_common(Obj *self, int line)
{
    StdPrinterObj *p = (StdPrinterObj *)self;
    size_t cap = 256, n = 0;
    char *buf = mem_alloc(cap);
    if (!buf) return NULL;
    for (;;) {
        if (n + 1 > cap) {
            char *nb = mem_realloc(buf, cap * 2);
            if (!nb) { mem_free(buf); return NULL; }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(p->fd, buf + n, line ? 1 : cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += (size_t)r;
        if (line && buf[n - 1] == '\n') break;
    }
    Obj *s = str_decode_utf8(buf, (ssize_t)n, "replace");
    mem_free(buf);
    return s;
}

static Obj *stdprinter_readline(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return stdprinter_read_common(self, 1);
}

static Obj *stdprinter_read(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return stdprinter_read_common(self, 0);
}

static Obj *stdprinter_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ((StdPrinterObj *)self)->closed = 1;
    RETURN_NONE;
}

static Obj *stdprinter_repr(Obj *self)
{
    return str_from_format("<stdprinter(fd=%d) object at %p>", ((StdPrinterObj *)self)->fd, self);
}

static Obj *stdprinter_get_closed(Obj *self, void *c) { RETURN_BOOL(((StdPrinterObj *)self)->closed); }
static Obj *stdprinter_get_encoding(Obj *self, void *c) { return str_from_cstr("utf-8"); }

static MethodDef stdprinter_methods[] = {
    {"write", stdprinter_write, 0, NULL},
    {"flush", stdprinter_flush, 0, NULL},
    {"fileno", stdprinter_fileno, 0, NULL},
    {"isatty", stdprinter_isatty, 0, NULL},
    {"readline", stdprinter_readline, 0, NULL},
    {"read", stdprinter_read, 0, NULL},
    {"close", stdprinter_close, 0, NULL},
    {NULL, NULL, 0, NULL}
};
static GetSetDef stdprinter_getset[] = {
    {"closed", stdprinter_get_closed, NULL, NULL, NULL},
    {"encoding", stdprinter_get_encoding, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static void stdprinter_dealloc(Obj *o) { obj_free(o); }

TypeObj StdPrinter_Type = {
    TYPE_HEAD_INIT,
    .name = "stderrprinter",
    .basicsize = sizeof(StdPrinterObj),
    .flags = TF_IMMUTABLETYPE,
    .dealloc = stdprinter_dealloc,
    .repr = stdprinter_repr,
    .methods = stdprinter_methods,
    .getset = stdprinter_getset,
    .base = &Object_Type,
};

static Obj *stdprinter_new(int fd)
{
    if (!(StdPrinter_Type.flags & TF_READY) && type_ready(&StdPrinter_Type) < 0) return NULL;
    StdPrinterObj *p = (StdPrinterObj *)obj_alloc(&StdPrinter_Type, 0);
    if (!p) return NULL;
    p->fd = fd;
    return OBJ(p);
}

/* ---- struct sequences -------------------------------------------------- */

typedef struct {
    TypeObj *type;
    const char *qualname;          /* for repr: "sys.version_info" */
    const char *const *fields;
    int n;
} SeqDesc;

static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
    "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization",
    "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"};
static const char *const float_info_fields[] = {
    "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
    "epsilon", "radix", "rounds"};
static const char *const int_info_fields[] = {
    "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"};
static const char *const hash_info_fields[] = {
    "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"};

static const char *const unraisable_fields[] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"};

extern TypeObj VersionInfo_Type, Flags_Type, FloatInfo_Type, IntInfo_Type, HashInfo_Type, UnraisableArgs_Type;

static const SeqDesc seq_descs[] = {
    {&VersionInfo_Type, "sys.version_info", version_info_fields, 5},
    {&Flags_Type, "sys.flags", flags_fields, 18},
    {&FloatInfo_Type, "sys.float_info", float_info_fields, 11},
    {&IntInfo_Type, "sys.int_info", int_info_fields, 4},
    {&HashInfo_Type, "sys.hash_info", hash_info_fields, 9},
    {&UnraisableArgs_Type, "UnraisableHookArgs", unraisable_fields, 5},
};

static const SeqDesc *seq_desc(TypeObj *t)
{
    for (size_t i = 0; i < ARRAY_LEN(seq_descs); i++)
        if (type_is_subtype(t, seq_descs[i].type)) return &seq_descs[i];
    return NULL;
}

static Obj *structseq_repr(Obj *self)
{
    const SeqDesc *d = seq_desc(TYPE(self));
    if (!d) return str_from_cstr("?");
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, d->qualname);
    sb_append_cstr(&sb, "(");
    for (int i = 0; i < d->n && i < TUPLE_SIZE(self); i++) {
        if (i) sb_append_cstr(&sb, ", ");
        sb_append_cstr(&sb, d->fields[i]);
        sb_append_cstr(&sb, "=");
        Obj *r = obj_repr(TUPLE_GET(self, i));
        if (!r) { sb_discard(&sb); return NULL; }
        sb_append_str(&sb, r);
        DECREF(r);
    }
    sb_append_cstr(&sb, ")");
    return sb_finish(&sb);
}

static void structseq_dealloc(Obj *o)
{
    for (ssize_t i = 0; i < TUPLE_SIZE(o); i++) XDECREF(TUPLE_ITEMS(o)[i]);
    obj_free(o);
}

static Obj *structseq_field(Obj *self, void *closure)
{
    ssize_t i = (ssize_t)(intptr_t)closure;
    return NEWREF(TUPLE_GET(self, i));
}

#define F(i, name) {name, structseq_field, NULL, NULL, (void *)(intptr_t)(i)}
static GetSetDef version_info_getset[] = {
    F(0, "major"), F(1, "minor"), F(2, "micro"), F(3, "releaselevel"), F(4, "serial"),
    {NULL, NULL, NULL, NULL, NULL}};
static GetSetDef flags_getset[] = {
    F(0, "debug"), F(1, "inspect"), F(2, "interactive"), F(3, "optimize"),
    F(4, "dont_write_bytecode"), F(5, "no_user_site"), F(6, "no_site"),
    F(7, "ignore_environment"), F(8, "verbose"), F(9, "bytes_warning"), F(10, "quiet"),
    F(11, "hash_randomization"), F(12, "isolated"), F(13, "dev_mode"), F(14, "utf8_mode"),
    F(15, "warn_default_encoding"), F(16, "safe_path"), F(17, "int_max_str_digits"),
    {NULL, NULL, NULL, NULL, NULL}};
static GetSetDef float_info_getset[] = {
    F(0, "max"), F(1, "max_exp"), F(2, "max_10_exp"), F(3, "min"), F(4, "min_exp"),
    F(5, "min_10_exp"), F(6, "dig"), F(7, "mant_dig"), F(8, "epsilon"), F(9, "radix"),
    F(10, "rounds"), {NULL, NULL, NULL, NULL, NULL}};
static GetSetDef int_info_getset[] = {
    F(0, "bits_per_digit"), F(1, "sizeof_digit"), F(2, "default_max_str_digits"),
    F(3, "str_digits_check_threshold"), {NULL, NULL, NULL, NULL, NULL}};
static GetSetDef hash_info_getset[] = {
    F(0, "width"), F(1, "modulus"), F(2, "inf"), F(3, "nan"), F(4, "imag"), F(5, "algorithm"),
    F(6, "hash_bits"), F(7, "seed_bits"), F(8, "cutoff"), {NULL, NULL, NULL, NULL, NULL}};
static GetSetDef unraisable_getset[] = {
    F(0, "exc_type"), F(1, "exc_value"), F(2, "exc_traceback"), F(3, "err_msg"), F(4, "object"),
    {NULL, NULL, NULL, NULL, NULL}};
#undef F

#define STRUCTSEQ_TYPE(C, NAME, GETSET) \
    TypeObj C = { \
        TYPE_HEAD_INIT, .name = NAME, .basicsize = sizeof(TupleObj), .itemsize = sizeof(Obj *), \
        .flags = TF_TUPLE_SUBCLASS | TF_IMMUTABLETYPE, .dealloc = structseq_dealloc, \
        .repr = structseq_repr, .getset = GETSET, .base = &Tuple_Type, \
    };
STRUCTSEQ_TYPE(VersionInfo_Type, "sys.version_info", version_info_getset)
STRUCTSEQ_TYPE(Flags_Type, "sys.flags", flags_getset)
STRUCTSEQ_TYPE(FloatInfo_Type, "sys.float_info", float_info_getset)
STRUCTSEQ_TYPE(IntInfo_Type, "sys.int_info", int_info_getset)
STRUCTSEQ_TYPE(HashInfo_Type, "sys.hash_info", hash_info_getset)
STRUCTSEQ_TYPE(UnraisableArgs_Type, "UnraisableHookArgs", unraisable_getset)

/* items: n new references (stolen, NULL-checked). */
static Obj *structseq_make(TypeObj *t, Obj **items, int n)
{
    for (int i = 0; i < n; i++)
        if (!items[i]) {
            for (int j = 0; j < n; j++) XDECREF(items[j]);
            return NULL;
        }
    if (!(t->flags & TF_READY)) {
        /* make sure tuple behaviour is there whatever type_ready inherits */
        if (!t->richcompare) t->richcompare = Tuple_Type.richcompare;
        if (!t->hash) t->hash = Tuple_Type.hash;
        if (!t->len) t->len = Tuple_Type.len;
        if (!t->getitem) t->getitem = Tuple_Type.getitem;
        if (!t->iter) t->iter = Tuple_Type.iter;
        if (!t->contains) t->contains = Tuple_Type.contains;
        if (!t->nb[NB_ADD]) t->nb[NB_ADD] = Tuple_Type.nb[NB_ADD];
        if (type_ready(t) < 0) {
            for (int j = 0; j < n; j++) DECREF(items[j]);
            return NULL;
        }
    }
    Obj *o = obj_alloc(t, n);
    if (!o) {
        for (int j = 0; j < n; j++) DECREF(items[j]);
        return NULL;
    }
    ((VarObj *)o)->size = n;
    ((TupleObj *)o)->hash_cache = -1;
    for (int i = 0; i < n; i++) TUPLE_ITEMS(o)[i] = items[i];
    return o;
}

Obj *sys_make_unraisable_args(Obj *exc, Obj *msg, Obj *obj)
{
    Obj *tb = exc ? exc_get_traceback(exc) : NULL;
    Obj *it[5] = {NEWREF(exc ? OBJ(TYPE(exc)) : None), NEWREF(exc ? exc : None), NEWREF(tb ? tb : None),
                  NEWREF(msg ? msg : None), NEWREF(obj ? obj : None)};
    return structseq_make(&UnraisableArgs_Type, it, 5);
}

/* ---- functions --------------------------------------------------------- */

static Obj *sys_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("exit", kwnames) < 0 || args_count("exit", nargs, 0, 1) < 0) return NULL;
    return err_set_obj(&Exc_SystemExit, nargs ? args[0] : None);
}

static Obj *sys_getrefcount(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("getrefcount", kwnames) < 0 || args_count("getrefcount", nargs, 1, 1) < 0) return NULL;
    return int_from_long((long long)REFCNT(args[0]));
}

static Obj *sys_getrecursionlimit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("getrecursionlimit", nargs, 0, 0) < 0) return NULL;
    return int_from_long(interp_get()->recursion_limit);
}

static Obj *sys_setrecursionlimit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("setrecursionlimit", kwnames) < 0 || args_count("setrecursionlimit", nargs, 1, 1) < 0)
        return NULL;
    if (float_check(args[0]))
        return err_set_str(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
    ssize_t n = obj_as_ssize(args[0], &Exc_OverflowError);
    if (n == -1 && err_occurred()) return NULL;
    if (n < 1) return err_set_str(&Exc_ValueError, "recursion limit must be greater or equal than 1");
    if (n > INT_MAX) return err_set_str(&Exc_OverflowError, "Python int too large to convert to C int");
    ThreadState *ts = ts_get();
    if (ts->recursion_depth >= n)
        return err_format(&Exc_RecursionError,
                          "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                          (int)n, ts->recursion_depth);
    ts->interp->recursion_limit = (int)n;
    RETURN_NONE;
}

static Obj *sys_getsizeof(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"object", "default"};
    Obj *a[2];
    if (args_parse("getsizeof", args, nargs, kwnames, names, 2, 1, 2, a) < 0) return NULL;
    Obj *o = a[0];
    Obj *meth = IS_SMALLINT(o) ? NULL : type_lookup_str(TYPE(o), "__sizeof__");
    Obj *res = NULL;
    if (meth) {
        res = obj_call_method(o, "__sizeof__", NULL, 0);
        if (!res) {
            if (a[1] && err_matches(&Exc_TypeError)) { err_clear(); return NEWREF(a[1]); }
            return NULL;
        }
        if (!int_check(res)) {
            DECREF(res);
            return err_set_str(&Exc_TypeError, "an integer is required");
        }
        if (int_sign(res) < 0) {
            DECREF(res);
            return err_set_str(&Exc_ValueError, "__sizeof__() should return >= 0");
        }
        if (!IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_GC)) {
            Obj *extra = MAKE_SMALLINT(16);
            Obj *r2 = obj_binop(res, extra, NB_ADD);
            DECREF(res);
            return r2;
        }
        return res;
    }
    TypeObj *t = TYPE(o);
    size_t sz = IS_SMALLINT(o) ? 28 : t->basicsize;
    if (!IS_SMALLINT(o) && t->itemsize) sz += t->itemsize * (size_t)((VarObj *)o)->size;
    if (!IS_SMALLINT(o) && type_has_flag(t, TF_GC)) sz += 16;
    return int_from_ulong(sz);
}

static Obj *sys_intern(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("intern", kwnames) < 0 || args_count("intern", nargs, 1, 1) < 0) return NULL;
    Obj *s = args[0];
    if (!str_check(s))
        return err_format(&Exc_TypeError, "intern() argument must be str, not %s", type_name(TYPE(s)));
    if (TYPE(s) != &Str_Type)
        return err_format(&Exc_TypeError, "can't intern %s", type_name(TYPE(s)));
    INCREF(s);
    Obj *r = str_intern(s);
    return r ? NEWREF(r) : NULL;
}

static Obj *handled_exception(void)
{
    ThreadState *ts = ts_get();
    for (ExcInfo *ei = ts->exc_info; ei; ei = ei->previous)
        if (ei->exc && ei->exc != None) return ei->exc;
    return NULL;
}

static Obj *sys_exc_info(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("exc_info", nargs, 0, 0) < 0) return NULL;
    Obj *e = handled_exception();
    if (!e) return tuple_pack(3, None, None, None);
    Obj *tb = exc_get_traceback(e);
    return tuple_pack(3, OBJ(TYPE(e)), e, tb ? tb : None);
}

static Obj *sys_exception(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("exception", nargs, 0, 0) < 0) return NULL;
    Obj *e = handled_exception();
    return NEWREF(e ? e : None);
}

static Obj *sys_displayhook(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("displayhook", kwnames) < 0 || args_count("displayhook", nargs, 1, 1) < 0) return NULL;
    Obj *v = args[0];
    if (v == None) RETURN_NONE;
    Interp *in = interp_get();
    Obj *b = in->builtins;
    if (!b) return err_set_str(&Exc_RuntimeError, "lost builtins module");
    if (dict_setitem_str(b, "_", None) < 0) return NULL;
    Obj *out = sys_get_object("stdout");
    if (!out || out == None) return err_set_str(&Exc_RuntimeError, "lost sys.stdout");
    Obj *r = obj_repr(v);
    if (!r) return NULL;
    int rc = file_write_str(out, r);
    DECREF(r);
    if (rc < 0 || file_write_cstr(out, "\n") < 0) return NULL;
    if (dict_setitem_str(b, "_", v) < 0) return NULL;
    RETURN_NONE;
}

static Obj *sys_excepthook(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("excepthook", kwnames) < 0) return NULL;
    if (nargs != 3)
        return err_format(&Exc_TypeError, "excepthook expected 3 arguments, got %zu", nargs);
    Obj *f = sys_get_object("stderr");
    if (!f) {
        fputs("lost sys.stderr\n", stderr);
        RETURN_NONE;
    }
    if (f == None) RETURN_NONE;   /* as CPython: nowhere to print */
    err_display(args[1], f);
    RETURN_NONE;
}

static Obj *sys_unraisablehook(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("unraisablehook", kwnames) < 0 || args_count("unraisablehook", nargs, 1, 1) < 0)
        return NULL;
    Obj *a = args[0];
    if (IS_SMALLINT(a) || TYPE(a) != &UnraisableArgs_Type)
        return err_set_str(&Exc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
    unraisable_default_print(TUPLE_GET(a, 1), TUPLE_GET(a, 2), TUPLE_GET(a, 3), TUPLE_GET(a, 4));
    RETURN_NONE;
}

static Obj *sys_getdefaultencoding(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return str_from_cstr("utf-8");
}

static Obj *sys_getfilesystemencodeerrors(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return str_from_cstr("surrogateescape");
}

static Obj *sys_getframe(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("_getframe", kwnames) < 0 || args_count("_getframe", nargs, 0, 1) < 0) return NULL;
    ssize_t depth = 0;
    if (nargs) {
        depth = obj_as_ssize(args[0], &Exc_OverflowError);
        if (depth == -1 && err_occurred()) return NULL;
    }
    Frame *f = ts_get()->frame;
    while (f && depth > 0) {
        f = frame_get_back(f);
        depth--;
    }
    if (!f) return err_set_str(&Exc_ValueError, "call stack is not deep enough");
    return frame_as_object(f);
}

/* settrace/setprofile: tracing is NOT implemented; the function is only stored. */
static Obj *sys_settrace(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("settrace", nargs, 1, 1) < 0) return NULL;
    if (sys_set_object("_gilpy_tracefunc", args[0]) < 0) return NULL;
    RETURN_NONE;
}
static Obj *sys_gettrace(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *f = sys_get_object("_gilpy_tracefunc");
    return NEWREF(f ? f : None);
}
static Obj *sys_setprofile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("setprofile", nargs, 1, 1) < 0) return NULL;
    if (sys_set_object("_gilpy_profilefunc", args[0]) < 0) return NULL;
    RETURN_NONE;
}
static Obj *sys_getprofile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *f = sys_get_object("_gilpy_profilefunc");
    return NEWREF(f ? f : None);
}

static Obj *sys_is_finalizing(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RETURN_BOOL(interp_get()->finalizing);
}

static Obj *sys_audit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RETURN_NONE;
}

static Obj *sys_get_int_max_str_digits(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *v = sys_get_object("_gilpy_int_max_str_digits");
    return v ? NEWREF(v) : int_from_long(4300);
}

static Obj *sys_set_int_max_str_digits(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"maxdigits"};
    Obj *a[1];
    if (args_parse("set_int_max_str_digits", args, nargs, kwnames, names, 1, 1, 1, a) < 0) return NULL;
    ssize_t n = obj_as_ssize(a[0], &Exc_OverflowError);
    if (n == -1 && err_occurred()) return NULL;
    if (n != 0 && n < 640)
        return err_set_str(&Exc_ValueError, "maxdigits must be 0 or larger than 640");
    if (sys_set_object("_gilpy_int_max_str_digits", a[0]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *sys_call_tracing(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("call_tracing", nargs, 2, 2) < 0) return NULL;
    if (!tuple_check(args[1])) return err_set_str(&Exc_TypeError, "call_tracing(): argument 2 must be tuple");
    return obj_call_tuple(args[0], args[1], NULL);
}

static Obj *sys_setswitchinterval(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("setswitchinterval", kwnames) < 0 || args_count("setswitchinterval", nargs, 1, 1) < 0)
        return NULL;
    double d = float_as_double(args[0]);
    if (d == -1.0 && err_occurred()) return NULL;
    if (!(d > 0.0)) return err_set_str(&Exc_ValueError, "switch interval must be strictly positive");
    gil_set_interval(interp_get(), d);
    RETURN_NONE;
}

static Obj *sys_getswitchinterval(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return float_from_double(gil_get_interval(interp_get()));
}

/* sys._format_exception(exc, tb=<exc.__traceback__>, limit=None, chain=True, only=False):
 * the text CPython's traceback display would print (used by lib/traceback.py). */
static Obj *sys_format_exception(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"exc", "tb", "limit", "chain", "only"};
    Obj *a[5];
    if (args_parse("_format_exception", args, nargs, kwnames, names, 5, 1, 5, a) < 0) return NULL;
    int chain = 1, only = 0;
    if (a[3] && (chain = obj_is_true(a[3])) < 0) return NULL;
    if (a[4] && (only = obj_is_true(a[4])) < 0) return NULL;
    if (a[1] && a[1] != None && TYPE(a[1]) != &Traceback_Type)
        return err_set_str(&Exc_TypeError, "tb must be a traceback or None");
    return traceback_format(a[0], a[1], a[2], chain, only);
}

/* Async generator hooks: stored for asyncio (the generator part reads them from
 * sys._gilpy_asyncgen_firstiter / _gilpy_asyncgen_finalizer). */
static Obj *sys_set_asyncgen_hooks(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"firstiter", "finalizer"};
    Obj *a[2];
    if (args_parse("set_asyncgen_hooks", args, nargs, kwnames, names, 2, 0, 2, a) < 0) return NULL;
    if (a[1] && a[1] != None && !obj_callable(a[1]))
        return err_format(&Exc_TypeError, "callable finalizer expected, got %s", type_name(TYPE(a[1])));
    if (a[0] && a[0] != None && !obj_callable(a[0]))
        return err_format(&Exc_TypeError, "callable firstiter expected, got %s", type_name(TYPE(a[0])));
    if (a[0] && sys_set_object("_gilpy_asyncgen_firstiter", a[0]) < 0) return NULL;
    if (a[1] && sys_set_object("_gilpy_asyncgen_finalizer", a[1]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *sys_get_asyncgen_hooks(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *f = sys_get_object("_gilpy_asyncgen_firstiter"), *z = sys_get_object("_gilpy_asyncgen_finalizer");
    return tuple_pack(2, f ? f : None, z ? z : None);
}

static Obj *sys_get_coro_depth(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *v = sys_get_object("_gilpy_coro_origin_depth");
    return v ? NEWREF(v) : int_from_long(0);
}

static Obj *sys_set_coro_depth(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"depth"};
    Obj *a[1];
    if (args_parse("set_coroutine_origin_tracking_depth", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    ssize_t d = obj_as_ssize(a[0], &Exc_OverflowError);
    if (d == -1 && err_occurred()) return NULL;
    if (d < 0) return err_set_str(&Exc_ValueError, "depth must be >= 0");
    if (sys_set_object("_gilpy_coro_origin_depth", a[0]) < 0) return NULL;
    RETURN_NONE;
}

static MethodDef sys_methods[] = {
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks, 0, NULL},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, 0, NULL},
    {"get_coroutine_origin_tracking_depth", sys_get_coro_depth, 0, NULL},
    {"set_coroutine_origin_tracking_depth", sys_set_coro_depth, 0, NULL},
    {"_format_exception", sys_format_exception, 0, NULL},
    {"setswitchinterval", sys_setswitchinterval, 0, NULL},
    {"getswitchinterval", sys_getswitchinterval, 0, NULL},
    {"exit", sys_exit, 0, "Exit the interpreter by raising SystemExit(status)."},
    {"getrefcount", sys_getrefcount, 0, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, 0, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, 0, NULL},
    {"getsizeof", sys_getsizeof, 0, NULL},
    {"intern", sys_intern, 0, NULL},
    {"exc_info", sys_exc_info, 0, NULL},
    {"exception", sys_exception, 0, NULL},
    {"displayhook", sys_displayhook, 0, NULL},
    {"excepthook", sys_excepthook, 0, NULL},
    {"unraisablehook", sys_unraisablehook, 0, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, 0, NULL},
    {"getfilesystemencoding", sys_getdefaultencoding, 0, NULL},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, 0, NULL},
    {"_getframe", sys_getframe, 0, NULL},
    {"settrace", sys_settrace, 0, "not implemented: stores the function only"},
    {"gettrace", sys_gettrace, 0, NULL},
    {"setprofile", sys_setprofile, 0, "not implemented: stores the function only"},
    {"getprofile", sys_getprofile, 0, NULL},
    {"is_finalizing", sys_is_finalizing, 0, NULL},
    {"audit", sys_audit, 0, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0, NULL},
    {"call_tracing", sys_call_tracing, 0, NULL},
    {NULL, NULL, 0, NULL}
};

/* ---- module creation --------------------------------------------------- */

static const char *const builtin_candidates[] = {
    "_ast", "_bisect", "_codecs", "_collections", "_functools", "_gil", "_heapq", "_io",
    "_operator", "_random", "_signal", "_socket", "_stat", "_string", "_struct", "_thread",
    "_weakref", "array", "atexit", "binascii", "builtins", "errno", "fcntl", "gc", "itertools",
    "marshal", "math", "operator", "posix", "resource", "select", "signal", "sys", "time",
};

static Obj *make_builtin_module_names(void)
{
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (size_t i = 0; i < ARRAY_LEN(builtin_candidates); i++) {
        Obj *n = str_from_cstr(builtin_candidates[i]);
        if (!n) { DECREF(l); return NULL; }
        if (strcmp(builtin_candidates[i], "sys") == 0 || strcmp(builtin_candidates[i], "builtins") == 0 ||
            import_is_builtin_name(n)) {
            if (list_append(l, n) < 0) { DECREF(n); DECREF(l); return NULL; }
        }
        DECREF(n);
    }
    Obj *t = list_as_tuple(l);
    DECREF(l);
    return t;
}

static Obj *str_list_from(char **items, int n)
{
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (int i = 0; i < n; i++) {
        Obj *s = str_decode_utf8(items[i], (ssize_t)strlen(items[i]), "surrogateescape");
        if (!s) { err_clear(); s = str_from_cstr("?"); }
        if (!s || list_append(l, s) < 0) { XDECREF(s); DECREF(l); return NULL; }
        DECREF(s);
    }
    return l;
}

static Obj *make_flags(Config *c)
{
    Obj *it[18];
    int vals[18] = {0, c->inspect, c->inspect, 0, c->dont_write_bytecode, 0, 0, 0, c->verbose, 0, 0,
                    1, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 18; i++) it[i] = int_from_long(vals[i]);
    it[13] = False_;           /* dev_mode and safe_path are bools */
    it[16] = False_;
    it[17] = int_from_long(-1); /* int_max_str_digits: -1 = default */
    return structseq_make(&Flags_Type, it, 18);
}

Obj *module_init_sys(void)
{
    Interp *in = interp_get();
    if (in->sysdict && in->modules) {
        Obj *m = dict_getitem_str(in->modules, "sys");
        if (m) return NEWREF(m);
    }
    Obj *m = module_new("sys");
    if (!m) return NULL;
    Obj *d = module_get_dict(m);
    in->sysdict = NEWREF(d);
    if (!in->modules) {
        in->modules = dict_new();
        if (!in->modules) goto fail;
    }
    if (module_add_functions(m, sys_methods) < 0) goto fail;
    /* __displayhook__ / __excepthook__ keep the originals */
    if (dict_setitem_str(d, "__displayhook__", dict_getitem_str(d, "displayhook")) < 0) goto fail;
    if (dict_setitem_str(d, "__excepthook__", dict_getitem_str(d, "excepthook")) < 0) goto fail;
    if (dict_setitem_str(d, "__unraisablehook__", dict_getitem_str(d, "unraisablehook")) < 0) goto fail;
    if (dict_setitem_str(d, "modules", in->modules) < 0) goto fail;

    Config *c = &in->config;
    char ver[256];
#if defined(__clang__)
    snprintf(ver, sizeof ver, "%s (main, gilpy) [Clang %d.%d.%d]", GILPY_VERSION, __clang_major__,
             __clang_minor__, __clang_patchlevel__);
#elif defined(__GNUC__)
    snprintf(ver, sizeof ver, "%s (main, gilpy) [GCC %d.%d.%d]", GILPY_VERSION, __GNUC__, __GNUC_MINOR__,
             __GNUC_PATCHLEVEL__);
#else
    snprintf(ver, sizeof ver, "%s (main, gilpy)", GILPY_VERSION);
#endif
    if (module_add_str(m, "version", ver) < 0) goto fail;
    {
        Obj *it[5] = {MAKE_SMALLINT(3), MAKE_SMALLINT(11), MAKE_SMALLINT(7), str_from_cstr("final"),
                      MAKE_SMALLINT(0)};
        Obj *vi = structseq_make(&VersionInfo_Type, it, 5);
        if (module_add(m, "version_info", vi) < 0) goto fail;
    }
    if (module_add_int(m, "hexversion", 0x030b07f0) < 0) goto fail;
    if (module_add_int(m, "api_version", 1013) < 0) goto fail;
    if (module_add(m, "maxsize", int_from_ssize(PTRDIFF_MAX)) < 0) goto fail;
    if (module_add_int(m, "maxunicode", 0x10FFFF) < 0) goto fail;
    if (module_add_str(m, "byteorder", "little") < 0) goto fail;
    if (module_add_str(m, "platform", "linux") < 0) goto fail;
    if (module_add_str(m, "abiflags", "") < 0) goto fail;
    if (module_add_str(m, "float_repr_style", "short") < 0) goto fail;
    if (module_add_str(m, "platlibdir", "lib") < 0) goto fail;
    if (module_add_str(m, "copyright", "Copyright (c) gilpy authors.\nAll Rights Reserved.") < 0) goto fail;
    if (module_add_str(m, "executable", c->executable ? c->executable : "") < 0) goto fail;
    if (module_add_str(m, "_base_executable", c->executable ? c->executable : "") < 0) goto fail;
    {
        char prefix[4096];
        snprintf(prefix, sizeof prefix, "%s", c->libdir ? c->libdir : "");
        char *slash = strrchr(prefix, '/');
        if (slash && slash != prefix) *slash = 0;
        const char *names[] = {"prefix", "exec_prefix", "base_prefix", "base_exec_prefix"};
        for (int i = 0; i < 4; i++)
            if (module_add_str(m, names[i], prefix) < 0) goto fail;
    }
    if (dict_setitem_str(d, "pycache_prefix", None) < 0) goto fail;
    if (dict_setitem_str(d, "dont_write_bytecode", BOOL(c->dont_write_bytecode)) < 0) goto fail;
    {
        Obj *impl_ver[5] = {MAKE_SMALLINT(3), MAKE_SMALLINT(11), MAKE_SMALLINT(7), str_from_cstr("final"),
                            MAKE_SMALLINT(0)};
        Obj *iv = structseq_make(&VersionInfo_Type, impl_ver, 5);
        if (!iv) goto fail;
        Obj *impl = module_new("implementation");
        if (!impl) { DECREF(iv); goto fail; }
        if (module_add_str(impl, "name", "gilpy") < 0 || module_add(impl, "version", iv) < 0 ||
            module_add_int(impl, "hexversion", 0x030b07f0) < 0 ||
            dict_setitem_str(module_get_dict(impl), "cache_tag", None) < 0 ||
            module_add_str(impl, "_multiarch", "x86_64-linux-gnu") < 0) {
            DECREF(impl);
            goto fail;
        }
        if (module_add(m, "implementation", impl) < 0) goto fail;
    }
    if (module_add(m, "flags", make_flags(c)) < 0) goto fail;
    {
        Obj *it[11] = {float_from_double(DBL_MAX), MAKE_SMALLINT(DBL_MAX_EXP), MAKE_SMALLINT(DBL_MAX_10_EXP),
                       float_from_double(DBL_MIN), MAKE_SMALLINT(DBL_MIN_EXP), MAKE_SMALLINT(DBL_MIN_10_EXP),
                       MAKE_SMALLINT(DBL_DIG), MAKE_SMALLINT(DBL_MANT_DIG), float_from_double(DBL_EPSILON),
                       MAKE_SMALLINT(FLT_RADIX), MAKE_SMALLINT(1)};
        if (module_add(m, "float_info", structseq_make(&FloatInfo_Type, it, 11)) < 0) goto fail;
    }
    {
        Obj *it[4] = {MAKE_SMALLINT(30), MAKE_SMALLINT(4), MAKE_SMALLINT(4300), MAKE_SMALLINT(640)};
        if (module_add(m, "int_info", structseq_make(&IntInfo_Type, it, 4)) < 0) goto fail;
    }
    {
        Obj *it[9] = {MAKE_SMALLINT(64), int_from_long(2305843009213693951LL), MAKE_SMALLINT(314159),
                      MAKE_SMALLINT(0), MAKE_SMALLINT(1000003), str_from_cstr("siphash13"),
                      MAKE_SMALLINT(64), MAKE_SMALLINT(128), MAKE_SMALLINT(0)};
        if (module_add(m, "hash_info", structseq_make(&HashInfo_Type, it, 9)) < 0) goto fail;
    }
    if (module_add(m, "builtin_module_names", make_builtin_module_names()) < 0) goto fail;
    if (module_add(m, "argv", str_list_from(c->argv, c->argc)) < 0) goto fail;
    if (module_add(m, "orig_argv", list_new(0)) < 0) goto fail;
    if (module_add(m, "warnoptions", list_new(0)) < 0) goto fail;
    {
        Obj *xo = dict_new();
        if (!xo) goto fail;
        for (int i = 0; i < c->nxoptions; i++) {
            const char *opt = c->xoptions[i];
            const char *eq = strchr(opt, '=');
            Obj *k = eq ? str_from_utf8(opt, eq - opt) : str_from_cstr(opt);
            Obj *v = eq ? str_from_cstr(eq + 1) : NEWREF(True_);
            int r = (k && v) ? dict_setitem(xo, k, v) : -1;
            XDECREF(k);
            XDECREF(v);
            if (r < 0) { DECREF(xo); goto fail; }
        }
        if (module_add(m, "_xoptions", xo) < 0) goto fail;
    }
    if (module_add(m, "meta_path", list_new(0)) < 0) goto fail;
    if (module_add(m, "path_hooks", list_new(0)) < 0) goto fail;
    if (module_add(m, "path_importer_cache", dict_new()) < 0) goto fail;
    if (module_add(m, "path", list_new(0)) < 0) goto fail;
    if (dict_setitem_str(in->modules, "sys", m) < 0) goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}

/* sys.path: script directory (or '' for -c/-m/REPL), PYTHONPATH entries, libdir. */
static int ignore_env_;   /* -E / -I: PYTHON* variables are ignored */

int sys_init_path(const char *script_dir, int ignore_env)
{
    ignore_env_ = ignore_env;
    Obj *path = sys_get_object("path");
    if (!path || !list_check(path)) return 0;
    Obj *s = str_from_cstr(script_dir ? script_dir : "");
    if (!s || list_append(path, s) < 0) { XDECREF(s); return -1; }
    DECREF(s);
    const char *pp = getenv("PYTHONPATH");
    if (pp && *pp && !ignore_env) {
        const char *p = pp;
        while (*p) {
            const char *colon = strchr(p, ':');
            size_t n = colon ? (size_t)(colon - p) : strlen(p);
            if (n > 0) {
                Obj *e = str_from_utf8(p, (ssize_t)n);
                if (!e || list_append(path, e) < 0) { XDECREF(e); return -1; }
                DECREF(e);
            }
            if (!colon) break;
            p = colon + 1;
        }
    }
    const char *lib = interp_get()->config.libdir;
    if (lib) {
        Obj *e = str_from_cstr(lib);
        if (!e || list_append(path, e) < 0) { XDECREF(e); return -1; }
        DECREF(e);
    }
    return 0;
}

/* sys.orig_argv */
int sys_set_orig_argv(int argc, char **argv)
{
    Obj *l = str_list_from(argv, argc);
    if (!l) return -1;
    int r = sys_set_object("orig_argv", l);
    DECREF(l);
    return r;
}

/* ---- standard streams -------------------------------------------------- */

static Obj *call_kw(Obj *func, Obj *const *pos, size_t npos, const char *const *kwn, Obj *const *kwv, size_t nkw)
{
    Obj *args[16];
    Obj *names = tuple_new((ssize_t)nkw);
    if (!names) return NULL;
    for (size_t i = 0; i < npos; i++) args[i] = pos[i];
    for (size_t i = 0; i < nkw; i++) {
        args[npos + i] = kwv[i];
        TUPLE_SET(names, (ssize_t)i, NEWREF(str_intern_cstr(kwn[i])));
    }
    Obj *r = obj_call(func, args, npos, nkw ? names : NULL);
    DECREF(names);
    return r;
}

static int fcntl_ok(int fd)
{
    return fcntl(fd, F_GETFD) != -1;
}

static Obj *create_stdio(Obj *io, int fd, int write_mode, const char *encoding, const char *errors,
                         int unbuffered)
{
    if (!io) return NULL;
    int line_buffering = !unbuffered && (isatty(fd) || fd == 2);
    Obj *open = NULL, *wrapper = NULL, *buf = NULL, *txt = NULL;
    if (obj_lookup_attr(io, str_intern_cstr("open"), &open) <= 0) goto fallback;
    if (obj_lookup_attr(io, str_intern_cstr("TextIOWrapper"), &wrapper) <= 0) goto fallback;
    {
        Obj *pos[2] = {MAKE_SMALLINT(fd), NULL};
        pos[1] = str_from_cstr(write_mode ? "wb" : "rb");
        if (!pos[1]) goto fallback;
        const char *kn[2] = {"buffering", "closefd"};
        Obj *kv[2] = {MAKE_SMALLINT(unbuffered && write_mode ? 0 : -1), False_};
        buf = call_kw(open, pos, 2, kn, kv, 2);
        DECREF(pos[1]);
        if (!buf) goto fallback;
    }
    {
        Obj *enc = str_from_cstr(encoding), *err = str_from_cstr(errors);
        Obj *nl = write_mode ? str_from_cstr("\n") : NEWREF(None);
        if (!enc || !err || !nl) { XDECREF(enc); XDECREF(err); XDECREF(nl); goto fallback; }
        const char *kn[5] = {"encoding", "errors", "newline", "line_buffering", "write_through"};
        Obj *kv[5] = {enc, err, nl, BOOL(line_buffering && write_mode), BOOL(unbuffered && write_mode)};
        txt = call_kw(wrapper, &buf, 1, kn, kv, 5);
        DECREF(enc); DECREF(err); DECREF(nl);
        if (!txt) goto fallback;
        Obj *mode = str_from_cstr(write_mode ? "w" : "r");
        if (mode) {
            if (obj_setattr_str(txt, "mode", mode) < 0) err_clear();
            DECREF(mode);
        } else {
            err_clear();
        }
    }
    DECREF(open); DECREF(wrapper); DECREF(buf);
    return txt;
fallback:
    err_clear();
    XDECREF(open); XDECREF(wrapper); XDECREF(buf);
    return NULL;
}

int sys_init_streams(void)
{
    Interp *in = interp_get();
    Obj *io = import_module_cstr("io");
    if (!io) {
        err_clear();
        io = import_module_cstr("_io");
        if (!io) err_clear();
    }
    char encbuf[128] = "utf-8";
    const char *errs_in = "strict", *errs_out = "strict";
    /* Like CPython under the C/POSIX locale (UTF-8 mode): surrogateescape. */
    const char *loc = getenv("LC_ALL");
    if (!loc || !*loc) loc = getenv("LC_CTYPE");
    if (!loc || !*loc) loc = getenv("LANG");
    if (!loc || !*loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0 || strncmp(loc, "C.", 2) == 0)
        errs_in = errs_out = "surrogateescape";
    char errbuf[64];
    const char *pie = ignore_env_ ? NULL : getenv("PYTHONIOENCODING");
    if (pie && *pie) {
        snprintf(encbuf, sizeof encbuf, "%s", pie);
        char *colon = strchr(encbuf, ':');
        errs_in = errs_out = "strict";
        if (colon) {
            *colon = 0;
            snprintf(errbuf, sizeof errbuf, "%s", colon + 1);
            if (errbuf[0]) errs_in = errs_out = errbuf;
            if (!encbuf[0]) snprintf(encbuf, sizeof encbuf, "utf-8");
        }
    }
    const char *names[3] = {"stdin", "stdout", "stderr"};
    const char *dunder[3] = {"__stdin__", "__stdout__", "__stderr__"};
    for (int fd = 0; fd < 3; fd++) {
        Obj *f = NULL;
        if (fcntl_ok(fd)) {
            f = create_stdio(io, fd, fd != 0, encbuf, fd == 2 ? "backslashreplace" : (fd == 0 ? errs_in : errs_out),
                             in->config.unbuffered);
            if (!f) f = stdprinter_new(fd);
        } else {
            f = NEWREF(None);
        }
        if (!f) { XDECREF(io); return -1; }
        if (sys_set_object(names[fd], f) < 0 || sys_set_object(dunder[fd], f) < 0) {
            DECREF(f);
            XDECREF(io);
            return -1;
        }
        DECREF(f);
    }
    XDECREF(io);
    return 0;
}
