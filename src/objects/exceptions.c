/* exceptions.c — every built-in exception type.
 *
 * All instances share BaseExcObj (gilpy.h).  Families with extra attributes
 * (SystemExit, StopIteration, OSError, SyntaxError, ImportError,
 * AttributeError, NameError, UnicodeError) extend it with their own struct.
 * __new__ stores args (so subclasses whose __init__ does not call super()
 * still have them), __init__ re-stores them and parses family attributes.
 * __notes__ lives in the instance __dict__, as in CPython.
 */
#include "gilpy.h"
#include <errno.h>

#include "objects/exceptions.h"

#define EXC(o) ((BaseExcObj *)(o))

/* ---- BaseException ----------------------------------------------------- */

static Obj *BaseException_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *self = type_generic_alloc(type, 0);
    if (!self) return NULL;
    EXC(self)->args = tuple_from_array(args, (ssize_t)nargs);
    if (!EXC(self)->args) { DECREF(self); return NULL; }
    return self;
}

static int BaseException_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_SIZE(kwnames) > 0) {
        err_format(&Exc_TypeError, "%s() takes no keyword arguments", type_name(TYPE(self)));
        return -1;
    }
    Obj *t = tuple_from_array(args, (ssize_t)nargs);
    if (!t) return -1;
    XSETREF(EXC(self)->args, t);
    return 0;
}

static void base_clear_fields(BaseExcObj *e)
{
    CLEAR(e->dict);
    CLEAR(e->args);
    CLEAR(e->notes);
    CLEAR(e->traceback);
    CLEAR(e->context);
    CLEAR(e->cause);
}

static void base_traverse_fields(BaseExcObj *e, visitproc_ visit, void *arg)
{
    if (e->dict) visit(e->dict, arg);
    if (e->args) visit(e->args, arg);
    if (e->notes) visit(e->notes, arg);
    if (e->traceback) visit(e->traceback, arg);
    if (e->context) visit(e->context, arg);
    if (e->cause) visit(e->cause, arg);
}

/* Family-specific fields, located by the family root type. */
static void family_fields(Obj *o, Obj ***fields, int *n)
{
    TypeObj *t = TYPE(o);
    *n = 0;
    if (type_is_subtype(t, &Exc_OSError)) {
        OSErrorObj *x = (OSErrorObj *)o;
        *fields = &x->myerrno; *n = 4;
    } else if (type_is_subtype(t, &Exc_SyntaxError)) {
        SyntaxErrorObj *x = (SyntaxErrorObj *)o;
        *fields = &x->msg; *n = 8;
    } else if (type_is_subtype(t, &Exc_ImportError)) {
        ImportErrorObj *x = (ImportErrorObj *)o;
        *fields = &x->msg; *n = 3;
    } else if (type_is_subtype(t, &Exc_AttributeError)) {
        AttributeErrorObj *x = (AttributeErrorObj *)o;
        *fields = &x->name; *n = 2;
    } else if (type_is_subtype(t, &Exc_NameError)) {
        NameErrorObj *x = (NameErrorObj *)o;
        *fields = &x->name; *n = 1;
    } else if (type_is_subtype(t, &Exc_StopIteration)) {
        StopIterationObj *x = (StopIterationObj *)o;
        *fields = &x->value; *n = 1;
    } else if (type_is_subtype(t, &Exc_SystemExit)) {
        SystemExitObj *x = (SystemExitObj *)o;
        *fields = &x->code; *n = 1;
    } else if (type_is_subtype(t, &Exc_BaseExceptionGroup)) {
        ExcGroupObj *x = (ExcGroupObj *)o;
        *fields = &x->msg; *n = 2;
    } else if (type_is_subtype(t, &Exc_UnicodeError)) {
        UnicodeErrorObj *x = (UnicodeErrorObj *)o;
        *fields = &x->encoding; *n = 2;
        /* reason is after start/end: handled by caller */
    }
}

static int exc_clear(Obj *o)
{
    Obj **f; int n;
    family_fields(o, &f, &n);
    for (int i = 0; i < n; i++) CLEAR(f[i]);
    if (type_is_subtype(TYPE(o), &Exc_UnicodeError)) CLEAR(((UnicodeErrorObj *)o)->reason);
    base_clear_fields(EXC(o));
    return 0;
}

static void exc_traverse(Obj *o, visitproc_ visit, void *arg)
{
    Obj **f; int n;
    family_fields(o, &f, &n);
    for (int i = 0; i < n; i++) if (f[i]) visit(f[i], arg);
    if (type_is_subtype(TYPE(o), &Exc_UnicodeError) && ((UnicodeErrorObj *)o)->reason)
        visit(((UnicodeErrorObj *)o)->reason, arg);
    base_traverse_fields(EXC(o), visit, arg);
}

static void exc_dealloc(Obj *o)
{
    exc_clear(o);
    obj_free(o);
}

static Obj *BaseException_str(Obj *self)
{
    Obj *args = EXC(self)->args;
    if (!args || TUPLE_SIZE(args) == 0) return str_from_cstr("");
    if (TUPLE_SIZE(args) == 1) return obj_str(TUPLE_GET(args, 0));
    return obj_str(args);
}

static Obj *BaseException_repr(Obj *self)
{
    Obj *args = EXC(self)->args;
    const char *name = type_name(TYPE(self));
    if (!args || TUPLE_SIZE(args) == 0) return str_from_format("%s()", name);
    if (TUPLE_SIZE(args) == 1) return str_from_format("%s(%R)", name, TUPLE_GET(args, 0));
    return str_from_format("%s%R", name, args);
}

static Obj *KeyError_str(Obj *self)
{
    Obj *args = EXC(self)->args;
    if (args && TUPLE_SIZE(args) == 1) return obj_repr(TUPLE_GET(args, 0));
    return BaseException_str(self);
}

static Obj *exc_with_traceback(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("with_traceback", kwnames) < 0 || args_count("with_traceback", nargs, 1, 1) < 0)
        return NULL;
    Obj *tb = args[0];
    if (tb != None && TYPE(tb) != &Traceback_Type)
        return err_set_str(&Exc_TypeError, "__traceback__ must be a traceback or None");
    exc_set_traceback(self, tb == None ? NULL : tb);
    return NEWREF(self);
}

static Obj *exc_add_note(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("add_note", kwnames) < 0 || args_count("add_note", nargs, 1, 1) < 0)
        return NULL;
    Obj *note = args[0];
    if (!str_check(note))
        return err_format(&Exc_TypeError, "note must be a str, not '%s'", type_name(TYPE(note)));
    Obj *notes;
    int r = obj_lookup_attr(self, str_intern_cstr("__notes__"), &notes);
    if (r < 0) return NULL;
    if (r == 0) {
        notes = list_new(0);
        if (!notes) return NULL;
        if (obj_setattr_str(self, "__notes__", notes) < 0) { DECREF(notes); return NULL; }
    }
    if (!list_check(notes)) {
        DECREF(notes);
        return err_set_str(&Exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    r = list_append(notes, note);
    DECREF(notes);
    if (r < 0) return NULL;
    RETURN_NONE;
}

static Obj *exc_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BaseExcObj *e = EXC(self);
    Obj *a = e->args ? e->args : tuple_new(0);
    if (!e->args && !a) return NULL;
    Obj *r;
    if (e->dict && dict_size(e->dict) > 0)
        r = tuple_pack(3, OBJ(TYPE(self)), a, e->dict);
    else
        r = tuple_pack(2, OBJ(TYPE(self)), a);
    if (!e->args) DECREF(a);
    return r;
}

static Obj *exc_setstate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("__setstate__", nargs, 1, 1) < 0) return NULL;
    Obj *state = args[0];
    if (state == None) RETURN_NONE;
    if (!dict_check(state)) return err_set_str(&Exc_TypeError, "state is not a dictionary");
    ssize_t pos = 0;
    Obj *k, *v;
    while (dict_next(state, &pos, &k, &v))
        if (obj_setattr(self, k, v) < 0) return NULL;
    RETURN_NONE;
}

static MethodDef BaseException_methods[] = {
    {"with_traceback", exc_with_traceback, 0, "Set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, 0, "Add a note to the exception"},
    {"__reduce__", exc_reduce, 0, NULL},
    {"__setstate__", exc_setstate, 0, NULL},
    {NULL, NULL, 0, NULL}
};

static Obj *get_args(Obj *self, void *c)
{
    Obj *a = EXC(self)->args;
    return a ? NEWREF(a) : tuple_new(0);
}
static int set_args(Obj *self, Obj *v, void *c)
{
    if (!v) { err_set_str(&Exc_TypeError, "args may not be deleted"); return -1; }
    Obj *t = seq_tuple(v);
    if (!t) return -1;
    XSETREF(EXC(self)->args, t);
    return 0;
}
static Obj *get_tb(Obj *self, void *c)
{
    Obj *t = EXC(self)->traceback;
    return NEWREF(t ? t : None);
}
static int set_tb(Obj *self, Obj *v, void *c)
{
    if (!v) { err_set_str(&Exc_TypeError, "__traceback__ may not be deleted"); return -1; }
    if (v != None && TYPE(v) != &Traceback_Type) {
        err_set_str(&Exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    exc_set_traceback(self, v == None ? NULL : v);
    return 0;
}
static Obj *get_context(Obj *self, void *c)
{
    Obj *t = EXC(self)->context;
    return NEWREF(t ? t : None);
}
static int set_context(Obj *self, Obj *v, void *c)
{
    if (!v) { err_set_str(&Exc_TypeError, "__context__ may not be deleted"); return -1; }
    if (v == None) v = NULL;
    else if (IS_SMALLINT(v) || !type_has_flag(TYPE(v), TF_EXC_SUBCLASS)) {
        err_set_str(&Exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    XINCREF(v);
    XSETREF(EXC(self)->context, v);
    return 0;
}
static Obj *get_cause(Obj *self, void *c)
{
    Obj *t = EXC(self)->cause;
    return NEWREF(t ? t : None);
}
static int set_cause(Obj *self, Obj *v, void *c)
{
    if (!v) { err_set_str(&Exc_TypeError, "__cause__ may not be deleted"); return -1; }
    if (v == None) v = NULL;
    else if (IS_SMALLINT(v) || !type_has_flag(TYPE(v), TF_EXC_SUBCLASS)) {
        err_set_str(&Exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    XINCREF(v);
    XSETREF(EXC(self)->cause, v);
    EXC(self)->suppress_context = 1;
    return 0;
}
static Obj *get_suppress(Obj *self, void *c)
{
    RETURN_BOOL(EXC(self)->suppress_context);
}
static int set_suppress(Obj *self, Obj *v, void *c)
{
    if (!v) { err_set_str(&Exc_TypeError, "can't delete __suppress_context__"); return -1; }
    int b = obj_is_true(v);
    if (b < 0) return -1;
    EXC(self)->suppress_context = (char)b;
    return 0;
}

static GetSetDef BaseException_getset[] = {
    {"args", get_args, set_args, NULL, NULL},
    {"__traceback__", get_tb, set_tb, NULL, NULL},
    {"__context__", get_context, set_context, "exception context", NULL},
    {"__cause__", get_cause, set_cause, "exception cause", NULL},
    {"__suppress_context__", get_suppress, set_suppress, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ---- helpers ----------------------------------------------------------- */

static Obj *arg_or_none(Obj *const *args, size_t nargs, size_t i)
{
    return NEWREF(i < nargs ? args[i] : None);
}

/* Parse name=/obj=/path= keywords: names[] lists accepted keywords, out[] gets borrowed values. */
static int parse_kw(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                    const char *const *names, int n, Obj **out)
{
    for (int i = 0; i < n; i++) out[i] = NULL;
    if (!kwnames) return 0;
    for (ssize_t k = 0; k < TUPLE_SIZE(kwnames); k++) {
        Obj *kn = TUPLE_GET(kwnames, k);
        int found = 0;
        for (int i = 0; i < n; i++)
            if (str_eq_cstr(kn, names[i])) { out[i] = args[nargs + (size_t)k]; found = 1; break; }
        if (!found) {
            err_format(&Exc_TypeError, "'%U' is an invalid keyword argument for %s()", kn,
                       type_name(TYPE(self)));
            return -1;
        }
    }
    return 0;
}

static int base_set_args(Obj *self, Obj *const *args, size_t nargs)
{
    Obj *t = tuple_from_array(args, (ssize_t)nargs);
    if (!t) return -1;
    XSETREF(EXC(self)->args, t);
    return 0;
}

/* ---- SystemExit / StopIteration ---------------------------------------- */

static int SystemExit_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
    Obj *code;
    if (nargs == 0) code = NEWREF(None);
    else if (nargs == 1) code = NEWREF(args[0]);
    else code = NEWREF(EXC(self)->args);
    XSETREF(((SystemExitObj *)self)->code, code);
    return 0;
}

static int StopIteration_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
    XSETREF(((StopIterationObj *)self)->value, arg_or_none(args, nargs, 0));
    return 0;
}

static MemberDef SystemExit_members[] = {
    {"code", MEMBER_OBJ, offsetof(SystemExitObj, code), 0, "exception code"},
    {NULL, 0, 0, 0, NULL}
};
static MemberDef StopIteration_members[] = {
    {"value", MEMBER_OBJ, offsetof(StopIterationObj, value), 0, "generator return value"},
    {NULL, 0, 0, 0, NULL}
};

/* ---- OSError ----------------------------------------------------------- */

TypeObj *exc_type_for_errno(int e)
{
    switch (e) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY: case EINPROGRESS: return &Exc_BlockingIOError;
    case ECHILD: return &Exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &Exc_BrokenPipeError;
    case ECONNABORTED: return &Exc_ConnectionAbortedError;
    case ECONNREFUSED: return &Exc_ConnectionRefusedError;
    case ECONNRESET: return &Exc_ConnectionResetError;
    case EEXIST: return &Exc_FileExistsError;
    case ENOENT: return &Exc_FileNotFoundError;
    case EISDIR: return &Exc_IsADirectoryError;
    case ENOTDIR: return &Exc_NotADirectoryError;
    case EINTR: return &Exc_InterruptedError;
    case EACCES: case EPERM: return &Exc_PermissionError;
    case ESRCH: return &Exc_ProcessLookupError;
    case ETIMEDOUT: return &Exc_TimeoutError;
    default: return &Exc_OSError;
    }
}

/* Fill errno/strerror/filename from the constructor arguments; args becomes
 * (errno, strerror) when a filename is given, as in CPython. */
static int oserror_parse(Obj *self, Obj *const *args, size_t nargs)
{
    OSErrorObj *o = (OSErrorObj *)self;
    if (nargs >= 2 && nargs <= 5) {
        XSETREF(o->myerrno, NEWREF(args[0]));
        XSETREF(o->strerror, NEWREF(args[1]));
        if (nargs >= 3 && args[2] != None) {
            if (type_is_subtype(TYPE(self), &Exc_BlockingIOError) && int_check(args[2])) {
                o->written = obj_as_ssize(args[2], &Exc_ValueError);
                if (o->written == -1 && err_occurred()) return -1;
            } else {
                XSETREF(o->filename, NEWREF(args[2]));
            }
        }
        if (nargs >= 5 && args[4] != None) XSETREF(o->filename2, NEWREF(args[4]));
        if (nargs >= 3) return base_set_args(self, args, 2);
    }
    return base_set_args(self, args, nargs);
}

static Obj *OSError_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (type == &Exc_OSError && nargs >= 2 && nargs <= 5 && int_check(args[0])) {
        long long e = int_as_long(args[0]);
        if (e == -1 && err_occurred()) err_clear();
        else if (e >= INT_MIN && e <= INT_MAX) type = exc_type_for_errno((int)e);
    }
    if (kwnames && TUPLE_SIZE(kwnames) > 0 && !type_has_flag(type, TF_HEAPTYPE))
        return err_format(&Exc_TypeError, "%s() takes no keyword arguments", type_name(type));
    Obj *self = type_generic_alloc(type, 0);
    if (!self) return NULL;
    ((OSErrorObj *)self)->written = -1;
    if (oserror_parse(self, args, nargs) < 0) { DECREF(self); return NULL; }
    return self;
}

static int OSError_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_SIZE(kwnames) > 0) {
        err_format(&Exc_TypeError, "%s() takes no keyword arguments", type_name(TYPE(self)));
        return -1;
    }
    return oserror_parse(self, args, nargs);
}

static Obj *OSError_str(Obj *self)
{
    OSErrorObj *o = (OSErrorObj *)self;
    if (o->filename) {
        if (o->filename2)
            return str_from_format("[Errno %S] %S: %R -> %R", o->myerrno ? o->myerrno : None,
                                   o->strerror ? o->strerror : None, o->filename, o->filename2);
        return str_from_format("[Errno %S] %S: %R", o->myerrno ? o->myerrno : None,
                               o->strerror ? o->strerror : None, o->filename);
    }
    if (o->myerrno && o->strerror)
        return str_from_format("[Errno %S] %S", o->myerrno, o->strerror);
    return BaseException_str(self);
}

static Obj *get_written(Obj *self, void *c)
{
    OSErrorObj *o = (OSErrorObj *)self;
    if (o->written == -1) return err_set_str(&Exc_AttributeError, "characters_written");
    return int_from_ssize(o->written);
}
static int set_written(Obj *self, Obj *v, void *c)
{
    OSErrorObj *o = (OSErrorObj *)self;
    if (!v) {
        if (o->written == -1) { err_set_str(&Exc_AttributeError, "characters_written"); return -1; }
        o->written = -1;
        return 0;
    }
    ssize_t n = obj_as_ssize(v, &Exc_ValueError);
    if (n == -1 && err_occurred()) return -1;
    o->written = n;
    return 0;
}

static MemberDef OSError_members[] = {
    {"errno", MEMBER_OBJ, offsetof(OSErrorObj, myerrno), 0, "POSIX exception code"},
    {"strerror", MEMBER_OBJ, offsetof(OSErrorObj, strerror), 0, "exception strerror"},
    {"filename", MEMBER_OBJ, offsetof(OSErrorObj, filename), 0, "exception filename"},
    {"filename2", MEMBER_OBJ, offsetof(OSErrorObj, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL}
};
static GetSetDef OSError_getset[] = {
    {"characters_written", get_written, set_written, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ---- SyntaxError ------------------------------------------------------- */

static int SyntaxError_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (BaseException_init(self, args, nargs, kwnames) < 0) return -1;
    SyntaxErrorObj *s = (SyntaxErrorObj *)self;
    if (nargs >= 1) XSETREF(s->msg, NEWREF(args[0]));
    if (nargs == 2) {
        Obj *info = seq_tuple(args[1]);
        if (!info) return -1;
        ssize_t n = TUPLE_SIZE(info);
        if (n < 4 || n > 6) {
            DECREF(info);
            err_format(&Exc_TypeError, "function takes %s %d arguments (%zd given)",
                       n < 4 ? "at least" : "at most", n < 4 ? 4 : 6, n);
            return -1;
        }
        Obj **f[6] = {&s->filename, &s->lineno, &s->offset, &s->text, &s->end_lineno, &s->end_offset};
        for (ssize_t i = 0; i < n; i++) XSETREF(*f[i], NEWREF(TUPLE_GET(info, i)));
        DECREF(info);
    }
    return 0;
}

static const char *basename_of(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static Obj *SyntaxError_str(Obj *self)
{
    SyntaxErrorObj *s = (SyntaxErrorObj *)self;
    Obj *msg = s->msg ? s->msg : None;
    int have_file = s->filename && str_check(s->filename);
    int have_line = s->lineno && int_check(s->lineno);
    if (have_file && have_line)
        return str_from_format("%S (%s, line %S)", msg, basename_of(STR_DATA(s->filename)), s->lineno);
    if (have_file)
        return str_from_format("%S (%s)", msg, basename_of(STR_DATA(s->filename)));
    if (have_line)
        return str_from_format("%S (line %S)", msg, s->lineno);
    return obj_str(msg);
}

static MemberDef SyntaxError_members[] = {
    {"msg", MEMBER_OBJ, offsetof(SyntaxErrorObj, msg), 0, "exception msg"},
    {"filename", MEMBER_OBJ, offsetof(SyntaxErrorObj, filename), 0, "exception filename"},
    {"lineno", MEMBER_OBJ, offsetof(SyntaxErrorObj, lineno), 0, "exception lineno"},
    {"offset", MEMBER_OBJ, offsetof(SyntaxErrorObj, offset), 0, "exception offset"},
    {"text", MEMBER_OBJ, offsetof(SyntaxErrorObj, text), 0, "exception text"},
    {"end_lineno", MEMBER_OBJ, offsetof(SyntaxErrorObj, end_lineno), 0, "exception end lineno"},
    {"end_offset", MEMBER_OBJ, offsetof(SyntaxErrorObj, end_offset), 0, "exception end offset"},
    {"print_file_and_line", MEMBER_OBJ, offsetof(SyntaxErrorObj, print_file_and_line), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

/* ---- ImportError ------------------------------------------------------- */

static int ImportError_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"name", "path"};
    Obj *kw[2];
    if (parse_kw(self, args, nargs, kwnames, names, 2, kw) < 0) return -1;
    if (base_set_args(self, args, nargs) < 0) return -1;
    ImportErrorObj *e = (ImportErrorObj *)self;
    XSETREF(e->name, XNEWREF(kw[0]));
    XSETREF(e->path, XNEWREF(kw[1]));
    XSETREF(e->msg, nargs == 1 ? NEWREF(args[0]) : NULL);
    return 0;
}

static Obj *ImportError_str(Obj *self)
{
    ImportErrorObj *e = (ImportErrorObj *)self;
    if (e->msg && e->msg != None) return obj_str(e->msg);
    return BaseException_str(self);
}

static MemberDef ImportError_members[] = {
    {"msg", MEMBER_OBJ, offsetof(ImportErrorObj, msg), 0, "exception message"},
    {"name", MEMBER_OBJ, offsetof(ImportErrorObj, name), 0, "module name"},
    {"path", MEMBER_OBJ, offsetof(ImportErrorObj, path), 0, "module path"},
    {NULL, 0, 0, 0, NULL}
};

/* ---- AttributeError / NameError --------------------------------------- */

static int AttributeError_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"name", "obj"};
    Obj *kw[2];
    if (parse_kw(self, args, nargs, kwnames, names, 2, kw) < 0) return -1;
    if (base_set_args(self, args, nargs) < 0) return -1;
    AttributeErrorObj *e = (AttributeErrorObj *)self;
    XSETREF(e->name, XNEWREF(kw[0]));
    XSETREF(e->obj, XNEWREF(kw[1]));
    return 0;
}

static int NameError_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"name"};
    Obj *kw[1];
    if (parse_kw(self, args, nargs, kwnames, names, 1, kw) < 0) return -1;
    if (base_set_args(self, args, nargs) < 0) return -1;
    XSETREF(((NameErrorObj *)self)->name, XNEWREF(kw[0]));
    return 0;
}

static MemberDef AttributeError_members[] = {
    {"name", MEMBER_OBJ, offsetof(AttributeErrorObj, name), 0, "attribute name"},
    {"obj", MEMBER_OBJ, offsetof(AttributeErrorObj, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL}
};
static MemberDef NameError_members[] = {
    {"name", MEMBER_OBJ, offsetof(NameErrorObj, name), 0, "name"},
    {NULL, 0, 0, 0, NULL}
};

/* ---- UnicodeError family ---------------------------------------------- */

static int unicode_init_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames,
                               int n, int want_bytes)
{
    if (kwnames && TUPLE_SIZE(kwnames) > 0) {
        err_format(&Exc_TypeError, "%s() takes no keyword arguments", type_name(TYPE(self)));
        return -1;
    }
    if (base_set_args(self, args, nargs) < 0) return -1;
    if ((int)nargs != n) {
        err_format(&Exc_TypeError, "function takes exactly %d arguments (%zu given)", n, nargs);
        return -1;
    }
    UnicodeErrorObj *u = (UnicodeErrorObj *)self;
    int k = 0;
    if (n == 5) {
        if (!str_check(args[0])) {
            err_format(&Exc_TypeError, "argument 1 must be str, not %s", type_name(TYPE(args[0])));
            return -1;
        }
        XSETREF(u->encoding, NEWREF(args[0]));
        k = 1;
    }
    Obj *obj = args[k];
    if (want_bytes) {
        if (!bytes_check(obj)) {
            if (!IS_SMALLINT(obj) && type_is_subtype(TYPE(obj), &ByteArray_Type)) {
                obj = bytes_from_obj(obj);
                if (!obj) return -1;
            } else {
                err_format(&Exc_TypeError, "argument %d must be bytes-like object, not '%s'", k + 1,
                           type_name(TYPE(obj)));
                return -1;
            }
        } else {
            INCREF(obj);
        }
    } else {
        if (!str_check(obj)) {
            err_format(&Exc_TypeError, "argument %d must be str, not %s", k + 1, type_name(TYPE(obj)));
            return -1;
        }
        INCREF(obj);
    }
    XSETREF(u->object, obj);
    for (int i = 1; i <= 2; i++) {
        if (!int_check(args[k + i])) {
            err_format(&Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       type_name(TYPE(args[k + i])));
            return -1;
        }
        ssize_t v = int_as_ssize(args[k + i]);
        if (v == -1 && err_occurred()) return -1;
        if (i == 1) u->start = v; else u->end = v;
    }
    if (!str_check(args[k + 3])) {
        err_format(&Exc_TypeError, "argument %d must be str, not %s", k + 4, type_name(TYPE(args[k + 3])));
        return -1;
    }
    XSETREF(u->reason, NEWREF(args[k + 3]));
    return 0;
}

static int UnicodeDecodeError_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return unicode_init_common(self, args, nargs, kwnames, 5, 1);
}
static int UnicodeEncodeError_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return unicode_init_common(self, args, nargs, kwnames, 5, 0);
}
static int UnicodeTranslateError_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return unicode_init_common(self, args, nargs, kwnames, 4, 0);
}

static Obj *char_escape(uint32_t ch)
{
    if (ch <= 0xff) return str_from_format("'\\x%02x'", (unsigned)ch);
    if (ch <= 0xffff) return str_from_format("'\\u%04x'", (unsigned)ch);
    return str_from_format("'\\U%08x'", (unsigned)ch);
}

static Obj *unicode_str(Obj *self, const char *verb)
{
    UnicodeErrorObj *u = (UnicodeErrorObj *)self;
    if (!u->object) return str_from_cstr("");
    Obj *reason = obj_str(u->reason ? u->reason : None);
    if (!reason) return NULL;
    int decode = strcmp(verb, "decode") == 0;
    Obj *enc = NULL;
    if (u->encoding) {
        enc = obj_str(u->encoding);
        if (!enc) { DECREF(reason); return NULL; }
    }
    Obj *r;
    ssize_t len = decode ? BYTES_SIZE(u->object) : STR_LEN(u->object);
    int single = u->start >= 0 && u->start < len && u->end == u->start + 1;
    const char *what = decode ? "byte" : "character";
    if (single) {
        Obj *ch;
        if (decode) ch = str_from_format("0x%02x", (unsigned)(unsigned char)BYTES_DATA(u->object)[u->start]);
        else ch = char_escape(str_char_at(u->object, u->start));
        if (!ch) { DECREF(reason); XDECREF(enc); return NULL; }
        if (enc)
            r = str_from_format("'%U' codec can't %s %s %U in position %zd: %U", enc, verb, what, ch,
                                u->start, reason);
        else
            r = str_from_format("can't %s %s %U in position %zd: %U", verb, what, ch, u->start, reason);
        DECREF(ch);
    } else {
        if (enc)
            r = str_from_format("'%U' codec can't %s %ss in position %zd-%zd: %U", enc, verb, what,
                                u->start, u->end - 1, reason);
        else
            r = str_from_format("can't %s %ss in position %zd-%zd: %U", verb, what, u->start,
                                u->end - 1, reason);
    }
    DECREF(reason);
    XDECREF(enc);
    return r;
}
static Obj *UnicodeDecodeError_str(Obj *self) { return unicode_str(self, "decode"); }
static Obj *UnicodeEncodeError_str(Obj *self) { return unicode_str(self, "encode"); }
static Obj *UnicodeTranslateError_str(Obj *self) { return unicode_str(self, "translate"); }

static MemberDef UnicodeError_members[] = {
    {"encoding", MEMBER_OBJ, offsetof(UnicodeErrorObj, encoding), 0, "exception encoding"},
    {"object", MEMBER_OBJ, offsetof(UnicodeErrorObj, object), 0, "exception object"},
    {"start", MEMBER_SSIZE, offsetof(UnicodeErrorObj, start), 0, "exception start"},
    {"end", MEMBER_SSIZE, offsetof(UnicodeErrorObj, end), 0, "exception end"},
    {"reason", MEMBER_OBJ, offsetof(UnicodeErrorObj, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL}
};

/* ---- the type objects -------------------------------------------------- */

#define EXC_FLAGS (TF_BASETYPE | TF_GC | TF_EXC_SUBCLASS | TF_IMMUTABLETYPE)

TypeObj Exc_BaseException = {
    TYPE_HEAD_INIT,
    .name = "BaseException",
    .basicsize = sizeof(BaseExcObj),
    .flags = EXC_FLAGS,
    .doc = "Common base class for all exceptions",
    .dealloc = exc_dealloc,
    .repr = BaseException_repr,
    .str = BaseException_str,
    .new_ = BaseException_new,
    .init = BaseException_init,
    .traverse = exc_traverse,
    .clear = exc_clear,
    .methods = BaseException_methods,
    .getset = BaseException_getset,
    .base = &Object_Type,
    .dictoffset = offsetof(BaseExcObj, dict),
};

/* Per-type customisation: struct, new, init, str, members, getset. */
#define FAM_Base          BaseExcObj, BaseException_new, BaseException_init, BaseException_str, NULL, NULL
#define FAM_SystemExit    SystemExitObj, BaseException_new, SystemExit_init, BaseException_str, SystemExit_members, NULL
#define FAM_StopIter      StopIterationObj, BaseException_new, StopIteration_init, BaseException_str, StopIteration_members, NULL
#define FAM_KeyError      BaseExcObj, BaseException_new, BaseException_init, KeyError_str, NULL, NULL
#define FAM_OSErrorRoot   OSErrorObj, OSError_new, OSError_init, OSError_str, OSError_members, OSError_getset
#define FAM_OSError       OSErrorObj, OSError_new, OSError_init, OSError_str, NULL, NULL
#define FAM_SyntaxRoot    SyntaxErrorObj, BaseException_new, SyntaxError_init, SyntaxError_str, SyntaxError_members, NULL
#define FAM_Syntax        SyntaxErrorObj, BaseException_new, SyntaxError_init, SyntaxError_str, NULL, NULL
#define FAM_ImportRoot    ImportErrorObj, BaseException_new, ImportError_init, ImportError_str, ImportError_members, NULL
#define FAM_Import        ImportErrorObj, BaseException_new, ImportError_init, ImportError_str, NULL, NULL
#define FAM_AttrError     AttributeErrorObj, BaseException_new, AttributeError_init, BaseException_str, AttributeError_members, NULL
#define FAM_NameRoot      NameErrorObj, BaseException_new, NameError_init, BaseException_str, NameError_members, NULL
#define FAM_Name          NameErrorObj, BaseException_new, NameError_init, BaseException_str, NULL, NULL
#define FAM_UnicodeRoot   UnicodeErrorObj, BaseException_new, BaseException_init, BaseException_str, UnicodeError_members, NULL
#define FAM_UDecode       UnicodeErrorObj, BaseException_new, UnicodeDecodeError_init, UnicodeDecodeError_str, NULL, NULL
#define FAM_UEncode       UnicodeErrorObj, BaseException_new, UnicodeEncodeError_init, UnicodeEncodeError_str, NULL, NULL
#define FAM_GroupRoot     ExcGroupObj, excgroup_new, excgroup_init, excgroup_str, excgroup_members, NULL
#define FAM_Group         ExcGroupObj, excgroup_new, excgroup_init, excgroup_str, NULL, NULL
#define FAM_UTranslate    UnicodeErrorObj, BaseException_new, UnicodeTranslateError_init, UnicodeTranslateError_str, NULL, NULL

#define DEFEXC_(C, N, B, STRUCT, NEW, INIT, STR, MEMBERS, GETSET) \
    TypeObj Exc_##C = { \
        TYPE_HEAD_INIT, .name = N, .basicsize = sizeof(STRUCT), .flags = EXC_FLAGS, \
        .dealloc = exc_dealloc, .repr = BaseException_repr, .str = STR, .new_ = NEW, \
        .init = INIT, .traverse = exc_traverse, .clear = exc_clear, .members = MEMBERS, \
        .getset = GETSET, .base = &Exc_##B, .dictoffset = offsetof(BaseExcObj, dict), \
    };
#define DEFEXC(C, N, B, FAM) DEFEXC_EXP(C, N, B, FAM)
#define DEFEXC_EXP(C, N, B, ...) DEFEXC_(C, N, B, __VA_ARGS__)

DEFEXC(SystemExit, "SystemExit", BaseException, FAM_SystemExit)
DEFEXC(KeyboardInterrupt, "KeyboardInterrupt", BaseException, FAM_Base)
DEFEXC(GeneratorExit, "GeneratorExit", BaseException, FAM_Base)
DEFEXC(Exception, "Exception", BaseException, FAM_Base)
DEFEXC(StopIteration, "StopIteration", Exception, FAM_StopIter)
DEFEXC(StopAsyncIteration, "StopAsyncIteration", Exception, FAM_Base)
DEFEXC(ArithmeticError, "ArithmeticError", Exception, FAM_Base)
DEFEXC(FloatingPointError, "FloatingPointError", ArithmeticError, FAM_Base)
DEFEXC(OverflowError, "OverflowError", ArithmeticError, FAM_Base)
DEFEXC(ZeroDivisionError, "ZeroDivisionError", ArithmeticError, FAM_Base)
DEFEXC(AssertionError, "AssertionError", Exception, FAM_Base)
DEFEXC(AttributeError, "AttributeError", Exception, FAM_AttrError)
DEFEXC(BufferError, "BufferError", Exception, FAM_Base)
DEFEXC(EOFError, "EOFError", Exception, FAM_Base)
DEFEXC(ImportError, "ImportError", Exception, FAM_ImportRoot)
DEFEXC(ModuleNotFoundError, "ModuleNotFoundError", ImportError, FAM_Import)
DEFEXC(LookupError, "LookupError", Exception, FAM_Base)
DEFEXC(IndexError, "IndexError", LookupError, FAM_Base)
DEFEXC(KeyError, "KeyError", LookupError, FAM_KeyError)
DEFEXC(MemoryError, "MemoryError", Exception, FAM_Base)
DEFEXC(NameError, "NameError", Exception, FAM_NameRoot)
DEFEXC(UnboundLocalError, "UnboundLocalError", NameError, FAM_Name)
DEFEXC(OSError, "OSError", Exception, FAM_OSErrorRoot)
DEFEXC(BlockingIOError, "BlockingIOError", OSError, FAM_OSError)
DEFEXC(ChildProcessError, "ChildProcessError", OSError, FAM_OSError)
DEFEXC(ConnectionError, "ConnectionError", OSError, FAM_OSError)
DEFEXC(BrokenPipeError, "BrokenPipeError", ConnectionError, FAM_OSError)
DEFEXC(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError, FAM_OSError)
DEFEXC(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError, FAM_OSError)
DEFEXC(ConnectionResetError, "ConnectionResetError", ConnectionError, FAM_OSError)
DEFEXC(FileExistsError, "FileExistsError", OSError, FAM_OSError)
DEFEXC(FileNotFoundError, "FileNotFoundError", OSError, FAM_OSError)
DEFEXC(InterruptedError, "InterruptedError", OSError, FAM_OSError)
DEFEXC(IsADirectoryError, "IsADirectoryError", OSError, FAM_OSError)
DEFEXC(NotADirectoryError, "NotADirectoryError", OSError, FAM_OSError)
DEFEXC(PermissionError, "PermissionError", OSError, FAM_OSError)
DEFEXC(ProcessLookupError, "ProcessLookupError", OSError, FAM_OSError)
DEFEXC(TimeoutError, "TimeoutError", OSError, FAM_OSError)
DEFEXC(ReferenceError, "ReferenceError", Exception, FAM_Base)
DEFEXC(RuntimeError, "RuntimeError", Exception, FAM_Base)
DEFEXC(NotImplementedError, "NotImplementedError", RuntimeError, FAM_Base)
DEFEXC(RecursionError, "RecursionError", RuntimeError, FAM_Base)
DEFEXC(SyntaxError, "SyntaxError", Exception, FAM_SyntaxRoot)
DEFEXC(IndentationError, "IndentationError", SyntaxError, FAM_Syntax)
DEFEXC(TabError, "TabError", IndentationError, FAM_Syntax)
DEFEXC(SystemError, "SystemError", Exception, FAM_Base)
DEFEXC(TypeError, "TypeError", Exception, FAM_Base)
DEFEXC(ValueError, "ValueError", Exception, FAM_Base)
DEFEXC(UnicodeError, "UnicodeError", ValueError, FAM_UnicodeRoot)
DEFEXC(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError, FAM_UDecode)
DEFEXC(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError, FAM_UEncode)
DEFEXC(UnicodeTranslateError, "UnicodeTranslateError", UnicodeError, FAM_UTranslate)
DEFEXC(Warning, "Warning", Exception, FAM_Base)
DEFEXC(DeprecationWarning, "DeprecationWarning", Warning, FAM_Base)
DEFEXC(PendingDeprecationWarning, "PendingDeprecationWarning", Warning, FAM_Base)
DEFEXC(RuntimeWarning, "RuntimeWarning", Warning, FAM_Base)
DEFEXC(SyntaxWarning, "SyntaxWarning", Warning, FAM_Base)
DEFEXC(UserWarning, "UserWarning", Warning, FAM_Base)
DEFEXC(FutureWarning, "FutureWarning", Warning, FAM_Base)
DEFEXC(ImportWarning, "ImportWarning", Warning, FAM_Base)
DEFEXC(UnicodeWarning, "UnicodeWarning", Warning, FAM_Base)
DEFEXC(BytesWarning, "BytesWarning", Warning, FAM_Base)
DEFEXC(EncodingWarning, "EncodingWarning", Warning, FAM_Base)
DEFEXC(ResourceWarning, "ResourceWarning", Warning, FAM_Base)
DEFEXC(BaseExceptionGroup, "BaseExceptionGroup", BaseException, FAM_GroupRoot)
DEFEXC(ExceptionGroup, "ExceptionGroup", BaseExceptionGroup, FAM_Group)

/* ---- C API ------------------------------------------------------------- */

Obj *exc_new(TypeObj *type, Obj *args_tuple)
{
    Obj *const *items = NULL;
    size_t n = 0;
    if (args_tuple) {
        items = TUPLE_ITEMS(args_tuple);
        n = (size_t)TUPLE_SIZE(args_tuple);
    }
    if (type_has_flag(type, TF_HEAPTYPE) || !type->new_) {
        Obj *r = obj_call(OBJ(type), items, n, NULL);
        if (r && (IS_SMALLINT(r) || !type_has_flag(TYPE(r), TF_EXC_SUBCLASS))) {
            err_format(&Exc_TypeError, "calling %R should have returned an instance of BaseException, not %s",
                       OBJ(type), type_name(TYPE(r)));
            DECREF(r);
            return NULL;
        }
        return r;
    }
    Obj *self = type->new_(type, items, n, NULL);
    if (!self) return NULL;
    /* BaseException.__new__ already stored args: skip the redundant __init__. */
    if (type->init && type->init != BaseException_init && TYPE(self) == type) {
        if (type->init(self, items, n, NULL) < 0) { DECREF(self); return NULL; }
    } else if (TYPE(self) != type && TYPE(self)->init && TYPE(self)->init != BaseException_init) {
        /* OSError picked a subclass */
        if (TYPE(self)->init(self, items, n, NULL) < 0) { DECREF(self); return NULL; }
    }
    return self;
}

Obj *exc_get_args(Obj *exc)
{
    return EXC(exc)->args;
}

Obj *exc_get_traceback(Obj *exc)
{
    return EXC(exc)->traceback;
}

void exc_set_traceback(Obj *exc, Obj *tb)
{
    XINCREF(tb);
    XSETREF(EXC(exc)->traceback, tb);
}

void exc_set_context(Obj *exc, Obj *ctx)
{
    if (ctx == None) { DECREF(ctx); ctx = NULL; }
    XSETREF(EXC(exc)->context, ctx);
}

void exc_set_cause(Obj *exc, Obj *cause)
{
    if (cause == None) { DECREF(cause); cause = NULL; }
    XSETREF(EXC(exc)->cause, cause);
    EXC(exc)->suppress_context = 1;
}

Obj *stopiteration_value(Obj *exc)
{
    if (!exc || !type_is_subtype(TYPE(exc), &Exc_StopIteration)) return NEWREF(None);
    Obj *v = ((StopIterationObj *)exc)->value;
    return NEWREF(v ? v : None);
}

int exc_systemexit_status(Obj *exc)
{
    Obj *code = None;
    if (exc && type_is_subtype(TYPE(exc), &Exc_SystemExit)) {
        code = ((SystemExitObj *)exc)->code;
        if (!code) code = None;
    }
    if (code == None) return 0;
    if (int_check(code)) {
        long long v = int_as_long(code);
        if (v == -1 && err_occurred()) { err_clear(); return -1; }
        return (int)v;
    }
    Obj *s = obj_str(code);
    if (!s) { err_clear(); return 1; }
    Obj *f = sys_get_object("stderr");
    if (f && f != None) {
        file_write_str(f, s);
        file_write_cstr(f, "\n");
        if (err_occurred()) err_clear();
    } else {
        fprintf(stderr, "%s\n", STR_DATA(s));
    }
    DECREF(s);
    return 1;
}

/* Exception attribute accessors used by the traceback printer. */
int exc_syntax_info(Obj *exc, Obj **msg, Obj **filename, Obj **lineno, Obj **offset, Obj **text,
                    Obj **end_lineno, Obj **end_offset)
{
    if (!type_is_subtype(TYPE(exc), &Exc_SyntaxError)) return 0;
    SyntaxErrorObj *s = (SyntaxErrorObj *)exc;
    *msg = s->msg; *filename = s->filename; *lineno = s->lineno; *offset = s->offset;
    *text = s->text; *end_lineno = s->end_lineno; *end_offset = s->end_offset;
    return 1;
}

void err_set_attribute_context(Obj *obj, Obj *name)
{
    Obj *exc = err_occurred();
    if (!exc || !type_is_subtype(TYPE(exc), &Exc_AttributeError)) return;
    AttributeErrorObj *a = (AttributeErrorObj *)exc;
    if (!a->name && name) a->name = NEWREF(name);
    if (!a->obj && obj) a->obj = NEWREF(obj);
}

Obj *err_name_error(Obj *name)
{
    Obj *msg = str_from_format("name '%U' is not defined", name);
    if (!msg) return NULL;
    Obj *args = tuple_pack(1, msg);
    DECREF(msg);
    if (!args) return NULL;
    Obj *exc = exc_new(&Exc_NameError, args);
    DECREF(args);
    if (!exc) return NULL;
    XSETREF(((NameErrorObj *)exc)->name, NEWREF(name));
    err_set_exc(exc);
    DECREF(exc);
    return NULL;
}
