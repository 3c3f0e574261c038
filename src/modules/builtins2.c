/* builtins2.c — the `builtins` module, part 2: print, input, min/max, sum,
 * sorted, round, compile/eval/exec, __import__. */
#include "gilpy.h"
#include "modules/builtins.h"
#include "modules/io.h"

/* memoryview is owned by another part; picked up if linked in. */
extern TypeObj MemoryView_Type __attribute__((weak));
extern TypeObj Memoryview_Type __attribute__((weak));

int builtins_add_memoryview(Obj *m)
{
    TypeObj *t = &MemoryView_Type ? &MemoryView_Type : (&Memoryview_Type ? &Memoryview_Type : NULL);
    if (!t) return 0;
    if (!(t->flags & TF_READY) && type_ready(t) < 0) return -1;
    INCREF(t);
    return module_add(m, "memoryview", OBJ(t));
}

/* ---- print ------------------------------------------------------------- */

static int write_str(Obj *file, int fast, Obj *s)
{
    if (fast) return io_text_write_utf8(file, STR_DATA(s), STR_SIZE(s));
    Obj *r = obj_call_method(file, "write", &s, 1);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static int write_cstr(Obj *file, int fast, const char *s, ssize_t n)
{
    if (fast) return io_text_write_utf8(file, s, n);
    Obj *o = str_from_utf8(s, n);
    if (!o) return -1;
    int r = write_str(file, 0, o);
    DECREF(o);
    return r;
}

Obj *builtin_print(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    if (kwnames) {
        ssize_t nk = TUPLE_SIZE(kwnames);
        for (ssize_t i = 0; i < nk; i++) {
            Obj *k = TUPLE_GET(kwnames, i), *v = args[nargs + i];
            if (str_eq_cstr(k, "sep")) sep = v;
            else if (str_eq_cstr(k, "end")) end = v;
            else if (str_eq_cstr(k, "file")) file = v;
            else if (str_eq_cstr(k, "flush")) flush = v;
            else return err_format(&Exc_TypeError, "'%U' is an invalid keyword argument for print()", k);
        }
    }
    if (sep == None) sep = NULL;
    if (end == None) end = NULL;
    if (sep && !str_check(sep))
        return err_format(&Exc_TypeError, "sep must be None or a string, not %T", sep);
    if (end && !str_check(end))
        return err_format(&Exc_TypeError, "end must be None or a string, not %T", end);
    if (!file || file == None) {
        file = sys_get_object("stdout");
        if (!file) return err_set_str(&Exc_RuntimeError, "lost sys.stdout");
        if (file == None) RETURN_NONE;
    }
    INCREF(file);
    int fast = io_is_textfile(file);
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int r = sep ? write_str(file, fast, sep) : write_cstr(file, fast, " ", 1);
            if (r < 0) goto fail;
        }
        Obj *s = fast && TYPE(args[i]) == &Str_Type ? NEWREF(args[i]) : obj_str(args[i]);
        if (!s) goto fail;
        int r = write_str(file, fast, s);
        DECREF(s);
        if (r < 0) goto fail;
    }
    if ((end ? write_str(file, fast, end) : write_cstr(file, fast, "\n", 1)) < 0) goto fail;
    if (flush) {
        int t = obj_is_true(flush);
        if (t < 0) goto fail;
        if (t) {
            if (fast) {
                if (io_text_flush(file) < 0) goto fail;
            } else {
                Obj *r = obj_call_method(file, "flush", NULL, 0);
                if (!r) goto fail;
                DECREF(r);
            }
        }
    }
    DECREF(file);
    RETURN_NONE;
fail:
    DECREF(file);
    return NULL;
}

/* ---- input ------------------------------------------------------------- */

static int flush_file(Obj *f)
{
    if (!f || f == None) return 0;
    if (io_is_textfile(f)) return io_text_flush(f);
    Obj *r = obj_call_method(f, "flush", NULL, 0);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

Obj *builtin_input(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (kwnames && args_no_kw("input", kwnames) < 0) return NULL;
    if (nargs > 1) return err_format(&Exc_TypeError, "input expected at most 1 argument, got %zu", nargs);
    Obj *fin = sys_get_object("stdin"), *fout = sys_get_object("stdout"), *ferr = sys_get_object("stderr");
    if (!fin || fin == None) return err_set_str(&Exc_RuntimeError, "input(): lost sys.stdin");
    if (!fout || fout == None) return err_set_str(&Exc_RuntimeError, "input(): lost sys.stdout");
    if (ferr && ferr != None && flush_file(ferr) < 0) err_clear();
    if (nargs == 1) {
        Obj *p = obj_str(args[0]);
        if (!p) return NULL;
        int fast = io_is_textfile(fout);
        int r = write_str(fout, fast, p);
        DECREF(p);
        if (r < 0) return NULL;
    }
    if (flush_file(fout) < 0) return NULL;
    Obj *line;
    if (io_is_textfile(fin)) line = io_text_readline(fin, -1);
    else line = obj_call_method(fin, "readline", NULL, 0);
    if (!line) return NULL;
    if (!str_check(line)) {
        DECREF(line);
        return err_set_str(&Exc_TypeError, "object.readline() returned non-string");
    }
    if (STR_SIZE(line) == 0) {
        DECREF(line);
        return err_set_str(&Exc_EOFError, "EOF when reading a line");
    }
    if (STR_DATA(line)[STR_SIZE(line) - 1] == '\n') {
        Obj *r = str_from_utf8(STR_DATA(line), STR_SIZE(line) - 1);
        DECREF(line);
        return r;
    }
    return line;
}

/* ---- min / max --------------------------------------------------------- */

static Obj *minmax(const char *name, Obj *const *args, size_t nargs, Obj *kwnames, int op)
{
    Obj *key = NULL, *deflt = NULL;
    if (kwnames) {
        for (ssize_t i = 0; i < TUPLE_SIZE(kwnames); i++) {
            Obj *k = TUPLE_GET(kwnames, i), *v = args[nargs + i];
            if (str_eq_cstr(k, "key")) key = v;
            else if (str_eq_cstr(k, "default")) deflt = v;
            else return err_format(&Exc_TypeError, "'%U' is an invalid keyword argument for %s()", k, name);
        }
    }
    if (key == None) key = NULL;
    if (nargs == 0) return err_format(&Exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && deflt)
        return err_format(&Exc_TypeError,
                          "Cannot specify a default for %s() with multiple positional arguments", name);
    Obj *it = NULL;
    if (nargs == 1) {
        it = obj_iter(args[0]);
        if (!it) return NULL;
    }
    Obj *best = NULL, *bestkey = NULL;
    size_t i = 0;
    for (;;) {
        Obj *item;
        if (it) {
            item = obj_iternext(it);
            if (!item) {
                if (err_occurred()) goto fail;
                break;
            }
        } else {
            if (i >= nargs) break;
            item = NEWREF(args[i++]);
        }
        Obj *k = key ? obj_call1(key, item) : NEWREF(item);
        if (!k) { DECREF(item); goto fail; }
        if (!best) {
            best = item;
            bestkey = k;
            continue;
        }
        int c = obj_richcompare_bool(k, bestkey, op);
        if (c < 0) { DECREF(item); DECREF(k); goto fail; }
        if (c) {
            SETREF(best, item);
            SETREF(bestkey, k);
        } else {
            DECREF(item);
            DECREF(k);
        }
    }
    XDECREF(it);
    if (!best) {
        if (deflt) return NEWREF(deflt);
        return err_format(&Exc_ValueError, "%s() arg is an empty sequence", name);
    }
    DECREF(bestkey);
    return best;
fail:
    XDECREF(it);
    XDECREF(best);
    XDECREF(bestkey);
    return NULL;
}

Obj *builtin_max(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return minmax("max", args, nargs, kwnames, CMP_GT);
}

Obj *builtin_min(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return minmax("min", args, nargs, kwnames, CMP_LT);
}

/* ---- sum --------------------------------------------------------------- */

Obj *builtin_sum(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"", "start"};
    Obj *a[2];
    if (args_parse("sum", args, nargs, kwnames, names, 2, 1, 2, a) < 0) return NULL;
    Obj *result = a[1] ? a[1] : MAKE_SMALLINT(0);
    if (str_check(result))
        return err_set_str(&Exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (bytes_check(result))
        return err_set_str(&Exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (!IS_SMALLINT(result) && type_is_subtype(TYPE(result), &ByteArray_Type))
        return err_set_str(&Exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    Obj *it = obj_iter(a[0]);
    if (!it) return NULL;
    INCREF(result);
    Obj *item = NULL;
    if (IS_SMALLINT(result)) {
        intptr_t acc = SMALLINT_VALUE(result);
        while ((item = obj_iternext(it)) != NULL) {
            if (IS_SMALLINT(item)) {
                intptr_t s;
                if (!__builtin_add_overflow(acc, SMALLINT_VALUE(item), &s) && SMALLINT_FITS(s)) {
                    acc = s;
                    continue;
                }
            }
            break;
        }
        result = MAKE_SMALLINT(acc);
        if (!item) goto done;
        if (TYPE(item) == &Float_Type) {
            result = float_from_double((double)acc + FLOAT_VAL(item));
            DECREF(item);
            item = NULL;
            if (!result) goto fail;
        }
    }
    if (!item && !IS_SMALLINT(result) && TYPE(result) == &Float_Type) {
        double acc = FLOAT_VAL(result);
        while ((item = obj_iternext(it)) != NULL) {
            if (TYPE(item) == &Float_Type) { acc += FLOAT_VAL(item); DECREF(item); continue; }
            if (IS_SMALLINT(item)) { acc += (double)SMALLINT_VALUE(item); continue; }
            break;
        }
        Obj *f = float_from_double(acc);
        if (!f) { XDECREF(item); goto fail; }
        SETREF(result, f);
        if (!item) goto done;
    }
    for (;;) {
        if (!item) {
            item = obj_iternext(it);
            if (!item) break;
        }
        Obj *t = obj_binop(result, item, NB_ADD);
        DECREF(item);
        item = NULL;
        if (!t) goto fail;
        SETREF(result, t);
    }
done:
    DECREF(it);
    if (err_occurred()) { DECREF(result); return NULL; }
    return result;
fail:
    DECREF(it);
    XDECREF(result);
    return NULL;
}

/* ---- sorted ------------------------------------------------------------ */

Obj *builtin_sorted(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs != 1) return err_format(&Exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    Obj *lst = seq_list(args[0]);
    if (!lst) return NULL;
    if (!kwnames || TUPLE_SIZE(kwnames) == 0) {
        if (list_sort(lst) < 0) { DECREF(lst); return NULL; }
        return lst;
    }
    Obj *m = obj_getattr_str(lst, "sort");
    if (!m) { DECREF(lst); return NULL; }
    Obj *r = obj_call(m, args + 1, 0, kwnames);
    DECREF(m);
    if (!r) { DECREF(lst); return NULL; }
    DECREF(r);
    return lst;
}

/* ---- round ------------------------------------------------------------- */

Obj *builtin_round(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"number", "ndigits"};
    Obj *a[2];
    if (args_parse("round", args, nargs, kwnames, names, 2, 1, 2, a) < 0) return NULL;
    if (IS_SMALLINT(a[0]) && (!a[1] || a[1] == None)) return a[0];
    Obj *m = obj_type_lookup_special(a[0], str_intern_cstr("__round__"));
    if (!m) {
        if (err_occurred()) return NULL;
        return err_format(&Exc_TypeError, "type %N doesn't define __round__ method", TYPE(a[0]));
    }
    Obj *r = (!a[1] || a[1] == None) ? obj_call0(m) : obj_call1(m, a[1]);
    DECREF(m);
    return r;
}

/* ---- compile / eval / exec --------------------------------------------- */

/* Source text of a str/bytes/bytearray; *keep receives an owned object
 * keeping the buffer alive. */
static const char *source_text(Obj *src, ssize_t *len, Obj **keep, const char *fname, const char *what)
{
    *keep = NULL;
    if (str_check(src)) {
        *len = STR_SIZE(src);
        return STR_DATA(src);
    }
    if (bytes_check(src)) {
        *len = BYTES_SIZE(src);
        return BYTES_DATA(src);
    }
    if (!IS_SMALLINT(src) && type_is_subtype(TYPE(src), &ByteArray_Type)) {
        Obj *b = bytes_from(((ByteArrayObj *)src)->data, ((ByteArrayObj *)src)->size);
        if (!b) return NULL;
        *keep = b;
        *len = BYTES_SIZE(b);
        return BYTES_DATA(b);
    }
    err_format(&Exc_TypeError, "%s() arg 1 must be a %s object", fname, what);
    return NULL;
}

static int has_nul(const char *s, ssize_t n)
{
    return memchr(s, 0, (size_t)n) != NULL;
}

Obj *builtin_compile(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                        "optimize", "_feature_version"};
    Obj *a[7];
    if (args_parse("compile", args, nargs, kwnames, names, 7, 3, 6, a) < 0) return NULL;
    int mode;
    if (!str_check(a[2]))
        return err_format(&Exc_TypeError, "compile() argument 'mode' must be str, not %T", a[2]);
    if (str_eq_cstr(a[2], "exec")) mode = COMPILE_EXEC;
    else if (str_eq_cstr(a[2], "eval")) mode = COMPILE_EVAL;
    else if (str_eq_cstr(a[2], "single")) mode = COMPILE_SINGLE;
    else return err_set_str(&Exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    Obj *fn;
    if (str_check(a[1])) fn = NEWREF(a[1]);
    else if (bytes_check(a[1])) {
        fn = str_decode_utf8(BYTES_DATA(a[1]), BYTES_SIZE(a[1]), "surrogateescape");
        if (!fn) return NULL;
    } else {
        Obj *p = NULL;
        int r = obj_lookup_attr(a[1], str_intern_cstr("__fspath__"), &p);
        if (r < 0) return NULL;
        if (r == 0)
            return err_format(&Exc_TypeError,
                              "expected str, bytes or os.PathLike object, not %T", a[1]);
        fn = obj_call0(p);
        DECREF(p);
        if (!fn) return NULL;
        if (!str_check(fn)) {
            DECREF(fn);
            return err_set_str(&Exc_TypeError, "compile() filename must be str");
        }
    }
    int flags = 0;
    if (a[3]) {
        ssize_t f = obj_as_ssize(a[3], &Exc_OverflowError);
        if (f == -1 && err_occurred()) { DECREF(fn); return NULL; }
        flags = (int)f;
    }
    ssize_t len;
    Obj *keep;
    const char *s = source_text(a[0], &len, &keep, "compile", "string, bytes or AST");
    if (!s) { DECREF(fn); return NULL; }
    if (has_nul(s, len)) {
        XDECREF(keep);
        DECREF(fn);
        return err_set_str(&Exc_SyntaxError, "source code string cannot contain null bytes");
    }
    Obj *code = compile_source(s, len, fn, mode, flags);
    XDECREF(keep);
    DECREF(fn);
    return code;
}

static int check_namespaces(Obj **globals, Obj **locals, int *own_locals)
{
    Obj *g = *globals, *l = *locals;
    *own_locals = 0;
    if (g == None) g = NULL;
    if (l == None) l = NULL;
    if (l && !obj_hasattr_str(l, "__getitem__")) {
        err_set_str(&Exc_TypeError, "locals must be a mapping");
        return -1;
    }
    if (!g) {
        g = eval_get_globals();
        if (!g) {
            err_set_str(&Exc_SystemError, "globals and locals cannot be NULL");
            return -1;
        }
        if (!l) {
            l = eval_get_locals();
            if (!l) return -1;
            *own_locals = 1;
        }
    } else if (!l) {
        l = g;
    }
    int has = dict_contains(g, str_intern_cstr("__builtins__"));
    if (has < 0) goto fail;
    if (!has) {
        Obj *b = eval_get_builtins();
        if (!b) b = interp_get()->builtins;
        if (b && dict_setitem_str(g, "__builtins__", b) < 0) goto fail;
    }
    *globals = g;
    *locals = l;
    return 0;
fail:
    if (*own_locals) DECREF(l);
    return -1;
}

static Obj *eval_or_exec(const char *fname, int mode, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"", "", "", "closure"};
    Obj *a[4];
    if (args_parse(fname, args, nargs, kwnames, names, mode == COMPILE_EXEC ? 4 : 3, 1, 3, a) < 0)
        return NULL;
    Obj *g = a[1] ? a[1] : None, *l = a[2] ? a[2] : None;
    if (g != None && !dict_check(g)) {
        if (mode == COMPILE_EVAL && l != None)
            return err_set_str(&Exc_TypeError, "globals must be a real dict; try eval(expr, {}, mapping)");
        if (mode == COMPILE_EVAL) return err_set_str(&Exc_TypeError, "globals must be a dict");
        return err_format(&Exc_TypeError, "%s() globals must be a dict, not %T", fname, g);
    }
    int own;
    if (check_namespaces(&g, &l, &own) < 0) return NULL;
    Obj *src = a[0];
    Obj *code;
    if (TYPE(src) == &Code_Type) {
        code = NEWREF(src);
    } else {
        ssize_t len;
        Obj *keep;
        const char *s = source_text(src, &len, &keep, fname, "string, bytes or code");
        if (!s) { if (own) DECREF(l); return NULL; }
        if (has_nul(s, len)) {
            XDECREF(keep);
            if (own) DECREF(l);
            return err_set_str(&Exc_SyntaxError, "source code string cannot contain null bytes");
        }
        if (mode == COMPILE_EVAL) {
            while (len > 0 && (*s == ' ' || *s == '\t')) { s++; len--; }
        }
        Obj *fn = str_from_cstr("<string>");
        code = fn ? compile_source(s, len, fn, mode, 0) : NULL;
        XDECREF(fn);
        XDECREF(keep);
        if (!code) { if (own) DECREF(l); return NULL; }
    }
    Obj *r = eval_code(code, g, l);
    DECREF(code);
    if (own) DECREF(l);
    if (!r) return NULL;
    if (mode == COMPILE_EXEC) {
        DECREF(r);
        RETURN_NONE;
    }
    return r;
}

Obj *builtin_eval(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return eval_or_exec("eval", COMPILE_EVAL, args, nargs, kwnames);
}

Obj *builtin_exec(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return eval_or_exec("exec", COMPILE_EXEC, args, nargs, kwnames);
}

/* ---- __import__ -------------------------------------------------------- */

Obj *builtin___import__(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    Obj *a[5];
    if (args_parse("__import__", args, nargs, kwnames, names, 5, 1, 5, a) < 0) return NULL;
    int level = 0;
    if (a[4]) {
        ssize_t lv = obj_as_ssize(a[4], &Exc_OverflowError);
        if (lv == -1 && err_occurred()) return NULL;
        level = (int)lv;
    }
    return import_module(a[0], a[1] == None ? NULL : a[1], a[3], level);
}
