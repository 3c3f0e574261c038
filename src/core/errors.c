/* errors.c — the current thread's exception: raising, fetching, chaining, warnings.
 *
 * ThreadState.curexc always holds a normalized exception instance (or NULL).
 * Raising from C (err_set_*) creates the instance right away and, like
 * CPython's PyErr_SetObject, chains it to the exception currently being
 * handled (implicit __context__), avoiding reference cycles in the chain.
 */
#include "gilpy.h"
#include <errno.h>

/* ---- setting ----------------------------------------------------------- */

/* The exception being handled (top of exc_info stack), borrowed or NULL. */
static Obj *handled_exc(ThreadState *ts)
{
    for (ExcInfo *ei = ts->exc_info; ei; ei = ei->previous)
        if (ei->exc && ei->exc != None) return ei->exc;
    return NULL;
}

void err_chain_context(Obj *exc)
{
    ThreadState *ts = ts_get();
    if (!ts || !exc) return;
    Obj *ctx = handled_exc(ts);
    if (!ctx || ctx == exc) return;
    if (!type_has_flag(TYPE(exc), TF_EXC_SUBCLASS) || !type_has_flag(TYPE(ctx), TF_EXC_SUBCLASS))
        return;
    /* Break a cycle: if exc already appears in ctx's context chain, cut it there. */
    Obj *o = ctx;
    int guard = 0;
    while (o && guard++ < 100000) {
        BaseExcObj *b = (BaseExcObj *)o;
        Obj *next = b->context;
        if (next == exc) {
            b->context = NULL;
            DECREF(next);
            break;
        }
        o = next;
    }
    BaseExcObj *e = (BaseExcObj *)exc;
    if (e->context == ctx) return;
    INCREF(ctx);
    XSETREF(e->context, ctx);
}

/* Raise `exc` (borrowed), chaining the handled exception as context. */
static Obj *raise_new(Obj *exc)
{
    ThreadState *ts = ts_get();
    err_chain_context(exc);
    INCREF(exc);
    Obj *old = ts->curexc;
    ts->curexc = exc;
    XDECREF(old);
    return NULL;
}

/* Take ownership of an instance (steals) and raise it. */
static Obj *raise_steal(Obj *exc)
{
    if (!exc) return NULL;  /* creating it failed: that error is already set */
    raise_new(exc);
    DECREF(exc);
    return NULL;
}

Obj *err_set_exc(Obj *exc)
{
    return raise_new(exc);
}

Obj *err_set_none(TypeObj *type)
{
    return raise_steal(exc_new(type, NULL));
}

Obj *err_set_str(TypeObj *type, const char *msg)
{
    Obj *s = str_from_cstr(msg);
    if (!s) return NULL;
    Obj *args = tuple_pack(1, s);
    DECREF(s);
    if (!args) return NULL;
    Obj *exc = exc_new(type, args);
    DECREF(args);
    return raise_steal(exc);
}

Obj *err_format(TypeObj *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Obj *s = str_from_vformat(fmt, ap);
    va_end(ap);
    if (!s) return NULL;
    Obj *args = tuple_pack(1, s);
    DECREF(s);
    if (!args) return NULL;
    Obj *exc = exc_new(type, args);
    DECREF(args);
    return raise_steal(exc);
}

Obj *err_set_obj(TypeObj *type, Obj *value)
{
    if (!value || value == None) return err_set_none(type);
    if (!IS_SMALLINT(value) && type_has_flag(TYPE(value), TF_EXC_SUBCLASS) &&
        type_is_subtype(TYPE(value), type))
        return raise_new(value);
    Obj *exc;
    if (tuple_check(value)) {
        exc = exc_new(type, value);
    } else {
        Obj *args = tuple_pack(1, value);
        if (!args) return NULL;
        exc = exc_new(type, args);
        DECREF(args);
    }
    return raise_steal(exc);
}

Obj *err_set_key(Obj *key)
{
    Obj *args = tuple_pack(1, key);
    if (!args) return NULL;
    Obj *exc = exc_new(&Exc_KeyError, args);
    DECREF(args);
    return raise_steal(exc);
}

Obj *err_no_memory(void)
{
    /* Avoid allocating a message; MemoryError() with no args. */
    return err_set_none(&Exc_MemoryError);
}

Obj *err_from_errno_filename(TypeObj *type, Obj *filename)
{
    int e = errno;
    Obj *num = MAKE_SMALLINT(e);
    Obj *msg = str_from_cstr(e ? strerror(e) : "Error");
    if (!msg) return NULL;
    Obj *args = filename ? tuple_pack(3, num, msg, filename) : tuple_pack(2, num, msg);
    DECREF(msg);
    if (!args) return NULL;
    Obj *exc = exc_new(type, args);   /* OSError.__new__ picks the errno subclass */
    DECREF(args);
    return raise_steal(exc);
}

Obj *err_from_errno(TypeObj *type)
{
    return err_from_errno_filename(type, NULL);
}

Obj *err_bad_internal_call(void)
{
    return err_set_str(&Exc_SystemError, "bad argument to internal function");
}

/* ---- inspecting -------------------------------------------------------- */

Obj *err_occurred(void)
{
    ThreadState *ts = ts_get();
    return ts ? ts->curexc : NULL;
}

bool err_matches(TypeObj *type)
{
    Obj *e = err_occurred();
    return e && type_is_subtype(TYPE(e), type);
}

bool exc_matches(Obj *exc, Obj *type_or_tuple)
{
    if (!exc || !type_or_tuple) return false;
    if (tuple_check(type_or_tuple)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(type_or_tuple); i++)
            if (exc_matches(exc, TUPLE_GET(type_or_tuple, i))) return true;
        return false;
    }
    if (IS_SMALLINT(type_or_tuple) || !type_has_flag(TYPE(type_or_tuple), TF_TYPE_SUBCLASS))
        return false;
    TypeObj *t = (TypeObj *)type_or_tuple;
    /* exc may itself be a class (matching a type against a type) */
    if (type_has_flag(TYPE(exc), TF_TYPE_SUBCLASS))
        return type_is_subtype((TypeObj *)exc, t);
    return type_is_subtype(TYPE(exc), t);
}

Obj *err_fetch(void)
{
    ThreadState *ts = ts_get();
    Obj *e = ts->curexc;
    ts->curexc = NULL;
    return e;
}

void err_restore(Obj *exc)
{
    ThreadState *ts = ts_get();
    Obj *old = ts->curexc;
    ts->curexc = exc;
    XDECREF(old);
}

void err_clear(void)
{
    ThreadState *ts = ts_get();
    if (ts && ts->curexc) {
        Obj *old = ts->curexc;
        ts->curexc = NULL;
        DECREF(old);
    }
}

/* ---- SyntaxError ------------------------------------------------------- */

Obj *err_syntax(TypeObj *type, const char *msg, Obj *filename, int lineno, int col,
                int end_lineno, int end_col, const char *line_text)
{
    /* SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)) */
    Obj *m = str_from_cstr(msg);
    if (!m) return NULL;
    Obj *text = None;
    if (line_text) {
        text = str_decode_utf8(line_text, (ssize_t)strlen(line_text), "replace");
        if (!text) { DECREF(m); return NULL; }
    } else {
        INCREF(text);
    }
    Obj *ln = int_from_long(lineno);
    Obj *co = col >= 0 ? int_from_long(col) : NEWREF(None);
    Obj *eln = end_lineno >= 0 ? int_from_long(end_lineno) : NEWREF(None);
    Obj *eco = end_col >= 0 ? int_from_long(end_col) : NEWREF(None);
    Obj *fn = filename ? filename : None;
    Obj *details = NULL, *args = NULL, *exc = NULL;
    if (ln && co && eln && eco) details = tuple_pack(6, fn, ln, co, text, eln, eco);
    if (details) args = tuple_pack(2, m, details);
    if (args) exc = exc_new(type ? type : &Exc_SyntaxError, args);
    XDECREF(args); XDECREF(details);
    XDECREF(ln); XDECREF(co); XDECREF(eln); XDECREF(eco);
    DECREF(m); DECREF(text);
    return raise_steal(exc);
}

/* ---- warnings ---------------------------------------------------------- */

/* Is the warning category filtered out by the default filters?  (python3
 * -W default behaviour: DeprecationWarning only when triggered by __main__,
 * Pending/Import/ResourceWarning ignored.) */
static int warning_ignored(TypeObj *cat, Obj *globals)
{
    Obj *opts = sys_get_object("warnoptions");
    if (opts && list_check(opts)) {
        for (ssize_t i = LIST_SIZE(opts) - 1; i >= 0; i--) {
            Obj *o = LIST_ITEMS(opts)[i];
            if (!str_check(o)) continue;
            const char *s = STR_DATA(o);
            if (strcmp(s, "ignore") == 0 || strncmp(s, "ignore:", 7) == 0) return 1;
            if (strcmp(s, "error") == 0 || strcmp(s, "default") == 0 || strcmp(s, "always") == 0)
                return strcmp(s, "error") == 0 ? 2 : 0;
        }
    }
    if (type_is_subtype(cat, &Exc_PendingDeprecationWarning) ||
        type_is_subtype(cat, &Exc_ImportWarning) ||
        type_is_subtype(cat, &Exc_ResourceWarning))
        return 1;
    if (type_is_subtype(cat, &Exc_DeprecationWarning)) {
        Obj *name = globals ? dict_getitem_str(globals, "__name__") : NULL;
        if (!(name && str_check(name) && str_eq_cstr(name, "__main__"))) return 1;
    }
    return 0;
}

/* Read line `lineno` (1-based) of a file into buf (stripped); returns 0 if absent. */
int err_read_source_line(const char *filename, int lineno, char *buf, size_t bufsize);

int err_warn(TypeObj *category, const char *msg, int stacklevel)
{
    ThreadState *ts = ts_get();
    if (!category) category = &Exc_UserWarning;
    /* once the warnings module is imported, its filters decide */
    Obj *wmod = ts->interp->modules ? dict_getitem_str(ts->interp->modules, "warnings") : NULL;
    if (wmod) {
        Obj *m = str_from_cstr(msg);
        if (!m) return -1;
        Obj *args[3] = {m, OBJ(category), MAKE_SMALLINT(stacklevel)};
        INCREF(wmod);
        Obj *r = obj_call_method(wmod, "warn", args, 3);
        DECREF(wmod);
        DECREF(m);
        if (!r) return -1;
        DECREF(r);
        return 0;
    }
    Frame *f = ts->frame;
    for (int i = 1; f && i < stacklevel; i++) f = frame_get_back(f);
    Obj *filename = NULL, *globals = NULL;
    int lineno = 1;
    if (f) {
        Obj *code = frame_get_code(f);
        filename = code ? code_filename(code) : NULL;
        lineno = frame_get_lineno(f);
        globals = frame_get_globals(f);
    }
    int ign = warning_ignored(category, globals);
    if (ign == 1) return 0;
    if (ign == 2) {
        err_set_str(category, msg);
        return -1;
    }
    /* once per (msg, category, lineno) in the module's __warningregistry__ */
    if (globals && dict_check(globals)) {
        Obj *reg = dict_getitem_str(globals, "__warningregistry__");
        if (!reg) {
            reg = dict_new();
            if (!reg) return -1;
            int r = dict_setitem_str(globals, "__warningregistry__", reg);
            DECREF(reg);
            if (r < 0) return -1;
        }
        if (dict_check(reg)) {
            Obj *key = str_from_format("%s\x01%s\x01%d", msg, type_name(category), lineno);
            if (!key) return -1;
            int c = dict_contains(reg, key);
            if (c == 0) c = dict_setitem(reg, key, True_);
            else if (c == 1) { DECREF(key); return 0; }
            DECREF(key);
            if (c < 0) return -1;
        }
    }
    char line[1024];
    const char *fn = filename && str_check(filename) ? STR_DATA(filename) : "sys";
    Obj *text;
    if (f && err_read_source_line(fn, lineno, line, sizeof line))
        text = str_from_format("%s:%d: %s: %s\n  %s\n", fn, lineno, type_name(category), msg, line);
    else
        text = str_from_format("%s:%d: %s: %s\n", fn, lineno, type_name(category), msg);
    if (!text) return -1;
    Obj *file = sys_get_object("stderr");
    int r;
    if (file && file != None) {
        r = file_write_str(file, text);
    } else {
        fputs(STR_DATA(text), stderr);
        r = 0;
    }
    DECREF(text);
    return r;
}

/* Read a source line for tracebacks/warnings: leading and trailing whitespace
 * stripped.  Looks the file up directly (relative paths from the cwd, then
 * sys.path entries). */
int err_read_source_line(const char *filename, int lineno, char *buf, size_t bufsize)
{
    if (!filename || !*filename || filename[0] == '<' || lineno < 1 || bufsize < 2) return 0;
    FILE *fp = fopen(filename, "r");
    if (!fp) return 0;
    int cur = 1, ok = 0;
    size_t n = 0;
    int c;
    while ((c = fgetc(fp)) != EOF) {
        if (cur == lineno) {
            if (c == '\n') { ok = 1; break; }
            if (n + 1 < bufsize) buf[n++] = (char)c;
        } else if (c == '\n') {
            cur++;
        }
    }
    if (cur == lineno) ok = 1;
    fclose(fp);
    if (!ok) return 0;
    buf[n] = 0;
    /* strip */
    size_t s = 0;
    while (buf[s] == ' ' || buf[s] == '\t' || buf[s] == '\f') s++;
    while (n > s && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\r' ||
                     buf[n - 1] == '\n' || buf[n - 1] == '\f'))
        n--;
    memmove(buf, buf + s, n - s);
    buf[n - s] = 0;
    return 1;
}
