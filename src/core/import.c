/* import.c — the import system: C modules (inittab), source modules found
 * along sys.path, packages, relative imports, `from m import ...`, and -m.
 *
 * Design note.  This is a small, C-only version of importlib's semantics:
 *   - sys.modules (Interp.modules) is the cache; a module is put there before
 *     its body runs (so circular imports see the partial module) and removed
 *     if the body fails.
 *   - A dotted name imports its parents first; submodules are searched along
 *     the parent's __path__, top-level modules along sys.path.
 *   - For each path entry: dir/name/__init__.py (package), then dir/name.py;
 *     a bare directory dir/name is a namespace package if nothing else matches.
 *   - C modules come from the inittab below.  Entries for modules implemented
 *     by other parts are weak symbols: a module whose file is not linked in
 *     yet is simply absent.  To add a C module: define
 *     `Obj *module_init_<name>(void)` in modules/<name>.c and add one line.
 */
#include "gilpy.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define WEAK __attribute__((weak))
Obj *module_init_builtins(void);
Obj *module_init_time(void);
Obj *module_init_io(void);
Obj *module_init__io(void);
Obj *module_init_sys(void) WEAK;
Obj *module_init_math(void) WEAK;
Obj *module_init_cmath(void) WEAK;
Obj *module_init_gc(void) WEAK;
Obj *module_init__weakref(void) WEAK;
Obj *module_init__thread(void) WEAK;
Obj *module_init_os(void) WEAK;
Obj *module_init_posix(void) WEAK;
Obj *module_init_signal(void) WEAK;
Obj *module_init__signal(void) WEAK;
Obj *module_init_socket(void) WEAK;
Obj *module_init__socket(void) WEAK;
Obj *module_init_select(void) WEAK;
Obj *module_init_errno(void) WEAK;
Obj *module_init_itertools(void) WEAK;
Obj *module_init__functools(void) WEAK;
Obj *module_init__collections(void) WEAK;
Obj *module_init_operator(void) WEAK;
Obj *module_init__operator(void) WEAK;
Obj *module_init_atexit(void) WEAK;
Obj *module_init__random(void) WEAK;
Obj *module_init_struct(void) WEAK;
Obj *module_init__struct(void) WEAK;
Obj *module_init_binascii(void) WEAK;
Obj *module_init__string(void) WEAK;
Obj *module_init__stat(void) WEAK;
Obj *module_init_array(void) WEAK;
Obj *module_init_marshal(void) WEAK;
Obj *module_init__heapq(void) WEAK;
Obj *module_init__bisect(void) WEAK;
Obj *module_init_fcntl(void) WEAK;
Obj *module_init_resource(void) WEAK;
Obj *module_init__gil(void) WEAK;
Obj *module_init__testcapi(void) WEAK;

typedef struct { const char *name; module_initfunc *init; } InitTab;

/* Pointers to the init functions (a weak, undefined one reads as NULL). */
static module_initfunc f_builtins = module_init_builtins, f_time = module_init_time,
    f_io = module_init_io, f__io = module_init__io;
#define E(n) static module_initfunc f_##n = module_init_##n;
E(sys) E(math) E(cmath) E(gc) E(_weakref) E(_thread) E(os) E(posix) E(signal) E(_signal)
E(socket) E(_socket) E(select) E(errno) E(itertools) E(_functools) E(_collections)
E(operator) E(_operator) E(atexit) E(_random) E(struct) E(_struct) E(binascii)
E(_string) E(_stat) E(array) E(marshal) E(_heapq) E(_bisect) E(fcntl) E(resource)
E(_gil) E(_testcapi)
#undef E

static const InitTab inittab[] = {
    {"builtins", &f_builtins},
    {"sys", &f_sys},
    {"time", &f_time},
    {"_io", &f__io},
    {"io", &f_io},
    {"math", &f_math},
    {"cmath", &f_cmath},
    {"gc", &f_gc},
    {"_weakref", &f__weakref},
    {"_thread", &f__thread},
    {"os", &f_os},
    {"posix", &f_posix},
    {"signal", &f_signal},
    {"_signal", &f__signal},
    {"socket", &f_socket},
    {"_socket", &f__socket},
    {"select", &f_select},
    {"errno", &f_errno},
    {"itertools", &f_itertools},
    {"_functools", &f__functools},
    {"_collections", &f__collections},
    {"operator", &f_operator},
    {"_operator", &f__operator},
    {"atexit", &f_atexit},
    {"_random", &f__random},
    {"struct", &f_struct},
    {"_struct", &f__struct},
    {"binascii", &f_binascii},
    {"_string", &f__string},
    {"_stat", &f__stat},
    {"array", &f_array},
    {"marshal", &f_marshal},
    {"_heapq", &f__heapq},
    {"_bisect", &f__bisect},
    {"fcntl", &f_fcntl},
    {"resource", &f_resource},
    {"_gil", &f__gil},
    {"_testcapi", &f__testcapi},
};

#define MODULE_INITIALIZING ((void *)1)

static const InitTab *find_builtin(Obj *name)
{
    for (size_t i = 0; i < ARRAY_LEN(inittab); i++)
        if (*inittab[i].init && str_eq_cstr(name, inittab[i].name)) return &inittab[i];
    return NULL;
}

bool import_is_builtin_name(Obj *name)
{
    return str_check(name) && find_builtin(name) != NULL;
}

static Obj *get_modules(void)
{
    Interp *in = interp_get();
    if (!in->modules) {
        in->modules = dict_new();
        if (!in->modules) return NULL;
    }
    return in->modules;
}

/* Raise ModuleNotFoundError(msg) with .name = name. */
static Obj *err_not_found(Obj *name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Obj *msg = str_from_vformat(fmt, ap);
    va_end(ap);
    if (!msg) return NULL;
    Obj *args = tuple_pack(1, msg);
    DECREF(msg);
    if (!args) return NULL;
    Obj *exc = exc_new(&Exc_ModuleNotFoundError, args);
    DECREF(args);
    if (!exc) return NULL;
    if (obj_setattr_str(exc, "name", name) < 0) err_clear();
    err_set_exc(exc);
    DECREF(exc);
    return NULL;
}

static Obj *err_import(Obj *msg, Obj *name, Obj *path)
{
    Obj *args = tuple_pack(1, msg);
    if (!args) return NULL;
    Obj *exc = exc_new(&Exc_ImportError, args);
    DECREF(args);
    if (!exc) return NULL;
    if (name && obj_setattr_str(exc, "name", name) < 0) err_clear();
    if (path && obj_setattr_str(exc, "path", path) < 0) err_clear();
    err_set_exc(exc);
    DECREF(exc);
    return NULL;
}

/* ---- finding files ----------------------------------------------------- */

enum { FOUND_NONE = 0, FOUND_MODULE, FOUND_PACKAGE, FOUND_NAMESPACE };

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Absolute directory for a path entry. */
static int entry_dir(const char *entry, char *out, size_t outsz)
{
    if (entry[0] == '/') {
        snprintf(out, outsz, "%s", entry);
        return 0;
    }
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return -1;
    if (entry[0] == 0 || strcmp(entry, ".") == 0) snprintf(out, outsz, "%s", cwd);
    else snprintf(out, outsz, "%s/%s", cwd, entry);
    return 0;
}

/* Search `path` (a list of str, borrowed) for module `shortname`.
 * On success fills file (the .py or __init__.py) and dir (package dir). */
static int find_in_path(Obj *path, const char *shortname, char *file, char *dir, size_t sz)
{
    if (!path || !list_check(path)) return FOUND_NONE;
    char base[PATH_MAX], cand[PATH_MAX + 300], nsdir[PATH_MAX + 300];
    nsdir[0] = 0;
    for (ssize_t i = 0; i < LIST_SIZE(path); i++) {
        Obj *e = LIST_ITEMS(path)[i];
        if (!str_check(e)) continue;
        if (entry_dir(STR_DATA(e), base, sizeof base) < 0) continue;
        size_t bl = strlen(base);
        while (bl > 1 && base[bl - 1] == '/') base[--bl] = 0;
        snprintf(cand, sizeof cand, "%s/%s", base, shortname);
        if (is_dir(cand)) {
            char init[PATH_MAX + 320];
            snprintf(init, sizeof init, "%s/__init__.py", cand);
            if (is_file(init)) {
                snprintf(file, sz, "%s", init);
                snprintf(dir, sz, "%s", cand);
                return FOUND_PACKAGE;
            }
        }
        char py[PATH_MAX + 320];
        snprintf(py, sizeof py, "%s/%s.py", base, shortname);
        if (is_file(py)) {
            snprintf(file, sz, "%s", py);
            dir[0] = 0;
            return FOUND_MODULE;
        }
        if (!nsdir[0] && is_dir(cand)) snprintf(nsdir, sizeof nsdir, "%s", cand);
    }
    if (nsdir[0]) {
        file[0] = 0;
        snprintf(dir, sz, "%s", nsdir);
        return FOUND_NAMESPACE;
    }
    return FOUND_NONE;
}

/* Read a whole file into a mem_alloc'd NUL-terminated buffer. */
static char *read_file(const char *path, ssize_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        Obj *fn = str_from_cstr(path);
        if (fn) { err_from_errno_filename(&Exc_OSError, fn); DECREF(fn); }
        return NULL;
    }
    size_t cap = 8192, n = 0;
    char *buf = mem_alloc(cap);
    if (!buf) { close(fd); return NULL; }
    for (;;) {
        if (n + 1 >= cap) {
            char *nb = mem_realloc(buf, cap * 2);
            if (!nb) { mem_free(buf); close(fd); return NULL; }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR) continue;
            err_from_errno(&Exc_OSError);
            mem_free(buf);
            close(fd);
            return NULL;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = 0;
    *len = (ssize_t)n;
    return buf;
}

static Obj *builtins_for_module(void)
{
    Interp *in = interp_get();
    Obj *mods = in->modules;
    Obj *b = mods ? dict_getitem_str(mods, "builtins") : NULL;
    if (b) return b;
    return in->builtins ? in->builtins : None;
}

/* Run source file `file` as the body of module `m` (already in sys.modules
 * when called for an import). */
static int exec_file_in_module(Obj *m, const char *file)
{
    ssize_t len;
    char *src = read_file(file, &len);
    if (!src) return -1;
    Obj *fn = str_from_cstr(file);
    if (!fn) { mem_free(src); return -1; }
    Obj *code = compile_source(src, len, fn, COMPILE_EXEC, 0);
    mem_free(src);
    DECREF(fn);
    if (!code) return -1;
    Obj *d = module_get_dict(m);
    Obj *r = eval_code(code, d, d);
    DECREF(code);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static int set_module_attrs(Obj *m, Obj *name, const char *file, const char *pkgdir, int kind)
{
    Obj *d = module_get_dict(m);
    Obj *pkg;
    if (kind == FOUND_PACKAGE || kind == FOUND_NAMESPACE) {
        pkg = NEWREF(name);
    } else {
        const char *s = STR_DATA(name);
        const char *dot = strrchr(s, '.');
        pkg = dot ? str_from_utf8(s, dot - s) : str_from_cstr("");
        if (!pkg) return -1;
    }
    int r = dict_setitem_str(d, "__package__", pkg);
    DECREF(pkg);
    if (r < 0) return -1;
    if (file && file[0]) {
        if (module_add_str(m, "__file__", file) < 0) return -1;
        if (dict_setitem_str(d, "__cached__", None) < 0) return -1;
    }
    if (pkgdir && pkgdir[0]) {
        Obj *p = str_from_cstr(pkgdir);
        if (!p) return -1;
        Obj *l = list_from_array(&p, 1);
        DECREF(p);
        if (module_add(m, "__path__", l) < 0) return -1;
    }
    if (dict_setitem_str(d, "__builtins__", builtins_for_module()) < 0) return -1;
    return 0;
}

static Obj *load_builtin(Obj *name, const InitTab *e)
{
    Obj *m = (*e->init)();
    if (!m) return NULL;
    Obj *mods = get_modules();
    if (!mods || dict_setitem(mods, name, m) < 0) { DECREF(m); return NULL; }
    return m;
}

/* Import an absolute dotted name; returns the (leaf) module, new ref. */
static Obj *import_abs(Obj *absname)
{
    Obj *mods = get_modules();
    if (!mods) return NULL;
    Obj *m = dict_getitem(mods, absname);
    if (m) {
        if (m == None)
            return err_not_found(absname, "import of %U halted; None in sys.modules", absname);
        return NEWREF(m);
    }
    if (err_occurred()) return NULL;

    const char *s = STR_DATA(absname);
    const char *dot = strrchr(s, '.');
    Obj *parent = NULL, *path = NULL;
    const char *shortname = s;
    if (dot) {
        Obj *pname = str_from_utf8(s, dot - s);
        if (!pname) return NULL;
        parent = import_abs(pname);
        if (!parent) { DECREF(pname); return NULL; }
        m = dict_getitem(mods, absname);   /* the parent may have imported us */
        if (m) { DECREF(pname); DECREF(parent); return NEWREF(m); }
        int r = obj_lookup_attr(parent, str_intern_cstr("__path__"), &path);
        if (r < 0) { DECREF(pname); DECREF(parent); return NULL; }
        if (r == 0) {
            err_not_found(absname, "No module named %R; %R is not a package", absname, pname);
            DECREF(pname);
            DECREF(parent);
            return NULL;
        }
        DECREF(pname);
        shortname = dot + 1;
    } else {
        const InitTab *e = find_builtin(absname);
        if (e) return load_builtin(absname, e);
        path = sys_get_object("path");
        if (!path) {
            Interp *in = interp_get();
            Obj *items[2];
            items[0] = str_from_cstr("");
            items[1] = str_from_cstr(in->config.libdir ? in->config.libdir : ".");
            if (!items[0] || !items[1]) { XDECREF(items[0]); XDECREF(items[1]); return NULL; }
            path = list_from_array(items, 2);
            DECREF(items[0]);
            DECREF(items[1]);
            if (!path) return NULL;
        } else {
            INCREF(path);
        }
    }

    char file[PATH_MAX + 400], dir[PATH_MAX + 400];
    int kind = find_in_path(path, shortname, file, dir, sizeof file);
    DECREF(path);
    if (kind == FOUND_NONE) {
        XDECREF(parent);
        return err_not_found(absname, "No module named %R", absname);
    }
    m = module_new(s);
    if (!m) { XDECREF(parent); return NULL; }
    if (set_module_attrs(m, absname, kind == FOUND_NAMESPACE ? NULL : file, dir, kind) < 0 ||
        dict_setitem(mods, absname, m) < 0) {
        DECREF(m);
        XDECREF(parent);
        return NULL;
    }
    if (kind != FOUND_NAMESPACE) {
        ((ModuleObj *)m)->state = MODULE_INITIALIZING;
        int r = exec_file_in_module(m, file);
        ((ModuleObj *)m)->state = NULL;
        if (r < 0) {
            Obj *exc = err_fetch();
            if (dict_getitem(mods, absname)) dict_delitem(mods, absname);
            err_clear();
            err_restore(exc);
            DECREF(m);
            XDECREF(parent);
            return NULL;
        }
    }
    /* The module may have replaced itself in sys.modules. */
    Obj *final = dict_getitem(mods, absname);
    if (!final) {
        DECREF(m);
        XDECREF(parent);
        if (err_occurred()) return NULL;
        return err_format(&Exc_KeyError, "%R", absname);
    }
    INCREF(final);
    DECREF(m);
    if (parent) {
        if (obj_setattr_str(parent, shortname, final) < 0) err_clear();
        DECREF(parent);
    }
    return final;
}

/* ---- name resolution --------------------------------------------------- */

static Obj *resolve_name(Obj *name, Obj *globals, int level)
{
    if (!globals || !dict_check(globals))
        return err_set_str(&Exc_ImportError, "attempted relative import with no known parent package");
    Obj *package = dict_getitem_str(globals, "__package__");
    Obj *pkg = NULL;
    if (package && package != None) {
        if (!str_check(package)) return err_set_str(&Exc_TypeError, "package must be a string");
        pkg = NEWREF(package);
    } else {
        Obj *mname = dict_getitem_str(globals, "__name__");
        if (!mname) return err_set_str(&Exc_KeyError, "'__name__' not in globals");
        if (!str_check(mname)) return err_set_str(&Exc_TypeError, "__name__ must be a string");
        if (dict_getitem_str(globals, "__path__")) {
            pkg = NEWREF(mname);
        } else {
            const char *s = STR_DATA(mname);
            const char *dot = strrchr(s, '.');
            pkg = dot ? str_from_utf8(s, dot - s) : str_from_cstr("");
            if (!pkg) return NULL;
        }
    }
    if (STR_SIZE(pkg) == 0) {
        DECREF(pkg);
        return err_set_str(&Exc_ImportError, "attempted relative import with no known parent package");
    }
    /* Strip level-1 trailing components. */
    const char *s = STR_DATA(pkg);
    ssize_t end = STR_SIZE(pkg);
    for (int i = 1; i < level; i++) {
        ssize_t j = end - 1;
        while (j >= 0 && s[j] != '.') j--;
        if (j < 0) {
            DECREF(pkg);
            return err_set_str(&Exc_ImportError, "attempted relative import beyond top-level package");
        }
        end = j;
    }
    Obj *r;
    if (STR_SIZE(name) == 0) r = str_from_utf8(s, end);
    else {
        Obj *base = str_from_utf8(s, end);
        r = base ? str_from_format("%U.%U", base, name) : NULL;
        XDECREF(base);
    }
    DECREF(pkg);
    return r;
}

static int fromlist_empty(Obj *fromlist)
{
    if (!fromlist || fromlist == None) return 1;
    if (tuple_check(fromlist)) return TUPLE_SIZE(fromlist) == 0;
    if (list_check(fromlist)) return LIST_SIZE(fromlist) == 0;
    int t = obj_is_true(fromlist);
    return t < 0 ? -1 : !t;
}

static int handle_fromlist(Obj *mod, Obj *fromlist, int recursive)
{
    Obj *it = obj_iter(fromlist);
    if (!it) return -1;
    Obj *x;
    Obj *modname = NULL;
    int rc = 0;
    while ((x = obj_iternext(it)) != NULL) {
        if (!str_check(x)) {
            if (recursive) {
                Obj *mn = obj_getattr_str(mod, "__name__");
                if (mn) {
                    err_format(&Exc_TypeError, "Item in %U.__all__ must be str, not %T", mn, x);
                    DECREF(mn);
                }
            } else {
                err_format(&Exc_TypeError, "Item in ``from list'' must be str, not %T", x);
            }
            DECREF(x);
            rc = -1;
            break;
        }
        if (str_eq_cstr(x, "*")) {
            if (!recursive) {
                Obj *all = NULL;
                int r = obj_lookup_attr(mod, str_intern_cstr("__all__"), &all);
                if (r < 0 || (r > 0 && handle_fromlist(mod, all, 1) < 0)) {
                    XDECREF(all);
                    DECREF(x);
                    rc = -1;
                    break;
                }
                XDECREF(all);
            }
            DECREF(x);
            continue;
        }
        Obj *v = NULL;
        int r = obj_lookup_attr(mod, x, &v);
        if (r < 0) { DECREF(x); rc = -1; break; }
        if (r > 0) { DECREF(v); DECREF(x); continue; }
        if (!modname) {
            modname = obj_getattr_str(mod, "__name__");
            if (!modname) { DECREF(x); rc = -1; break; }
        }
        Obj *full = str_from_format("%S.%U", modname, x);
        DECREF(x);
        if (!full) { rc = -1; break; }
        Obj *sub = import_abs(full);
        if (!sub) {
            if (err_matches(&Exc_ModuleNotFoundError)) {
                Obj *exc = err_fetch();
                Obj *en = NULL;
                int same = 0;
                if (obj_lookup_attr(exc, str_intern_cstr("name"), &en) > 0 && str_check(en) &&
                    str_eq(en, full))
                    same = 1;
                err_clear();
                XDECREF(en);
                if (same) { DECREF(exc); DECREF(full); continue; }
                err_restore(exc);
            }
            DECREF(full);
            rc = -1;
            break;
        }
        DECREF(sub);
        DECREF(full);
    }
    if (rc == 0 && err_occurred()) rc = -1;
    XDECREF(modname);
    DECREF(it);
    return rc;
}

Obj *import_module(Obj *name, Obj *globals, Obj *fromlist, int level)
{
    if (!str_check(name)) return err_set_str(&Exc_TypeError, "module name must be a string");
    if (level < 0) return err_set_str(&Exc_ValueError, "level must be >= 0");
    if (level == 0 && STR_SIZE(name) == 0) return err_set_str(&Exc_ValueError, "Empty module name");
    Obj *absname = level > 0 ? resolve_name(name, globals, level) : NEWREF(name);
    if (!absname) return NULL;
    Obj *mod = import_abs(absname);
    if (!mod) { DECREF(absname); return NULL; }
    int empty = fromlist_empty(fromlist);
    if (empty < 0) { DECREF(mod); DECREF(absname); return NULL; }
    if (empty) {
        if (level == 0 || STR_SIZE(name) > 0) {
            const char *s = STR_DATA(name);
            const char *dot = strchr(s, '.');
            if (!dot) { DECREF(absname); return mod; }
            Obj *res;
            if (level == 0) {
                Obj *front = str_from_utf8(s, dot - s);
                if (!front) { DECREF(mod); DECREF(absname); return NULL; }
                res = import_abs(front);
                DECREF(front);
            } else {
                ssize_t cut = STR_SIZE(name) - (dot - s);
                Obj *pre = str_from_utf8(STR_DATA(absname), STR_SIZE(absname) - cut);
                if (!pre) { DECREF(mod); DECREF(absname); return NULL; }
                res = dict_getitem(get_modules(), pre);
                if (res) INCREF(res);
                else if (!err_occurred()) err_format(&Exc_KeyError, "%R not in sys.modules as expected", pre);
                DECREF(pre);
            }
            DECREF(mod);
            DECREF(absname);
            return res;
        }
        DECREF(absname);
        return mod;
    }
    DECREF(absname);
    Obj *path = NULL;
    int r = obj_lookup_attr(mod, str_intern_cstr("__path__"), &path);
    if (r < 0) { DECREF(mod); return NULL; }
    if (r > 0) {
        DECREF(path);
        if (handle_fromlist(mod, fromlist, 0) < 0) { DECREF(mod); return NULL; }
    }
    return mod;
}

Obj *import_module_cstr(const char *name)
{
    Obj *n = str_from_cstr(name);
    if (!n) return NULL;
    Obj *m = import_abs(n);
    DECREF(n);
    return m;
}

Obj *import_from(Obj *module, Obj *name)
{
    Obj *v = NULL;
    int r = obj_lookup_attr(module, name, &v);
    if (r != 0) return v;
    Obj *pkgname = NULL;
    r = obj_lookup_attr(module, str_intern_cstr("__name__"), &pkgname);
    if (r < 0) return NULL;
    if (r == 0 || !str_check(pkgname)) {
        XDECREF(pkgname);
        Obj *msg = str_from_format("cannot import name %R from '<unknown module name>' (unknown location)", name);
        if (!msg) return NULL;
        err_import(msg, NULL, NULL);
        DECREF(msg);
        return NULL;
    }
    Obj *full = str_from_format("%U.%U", pkgname, name);
    if (!full) { DECREF(pkgname); return NULL; }
    Obj *m = dict_getitem(get_modules(), full);
    DECREF(full);
    if (m) { DECREF(pkgname); return NEWREF(m); }
    Obj *file = NULL;
    if (obj_lookup_attr(module, str_intern_cstr("__file__"), &file) < 0) err_clear();
    Obj *msg;
    int partial = TYPE(module) == &Module_Type && ((ModuleObj *)module)->state == MODULE_INITIALIZING;
    const char *loc_fmt = partial
        ? "cannot import name %R from partially initialized module %R (most likely due to a circular import) (%S)"
        : "cannot import name %R from %R (%S)";
    if (file && str_check(file)) msg = str_from_format(loc_fmt, name, pkgname, file);
    else {
        Obj *unk = str_from_cstr("unknown location");
        msg = unk ? str_from_format(loc_fmt, name, pkgname, unk) : NULL;
        XDECREF(unk);
    }
    if (msg) {
        err_import(msg, pkgname, file && str_check(file) ? file : NULL);
        DECREF(msg);
    }
    XDECREF(file);
    DECREF(pkgname);
    return NULL;
}

static int star_set(Obj *locals, Obj *k, Obj *v)
{
    if (dict_check(locals)) return dict_setitem(locals, k, v);
    return obj_setitem(locals, k, v);
}

int import_star(Obj *module, Obj *locals)
{
    Obj *all = NULL;
    int r = obj_lookup_attr(module, str_intern_cstr("__all__"), &all);
    if (r < 0) return -1;
    if (r > 0) {
        Obj *it = obj_iter(all);
        DECREF(all);
        if (!it) return -1;
        Obj *k;
        int rc = 0;
        while ((k = obj_iternext(it)) != NULL) {
            if (!str_check(k)) {
                Obj *mn = obj_getattr_str(module, "__name__");
                if (mn) {
                    err_format(&Exc_TypeError, "Item in %S.__all__ must be str, not %T", mn, k);
                    DECREF(mn);
                }
                DECREF(k);
                rc = -1;
                break;
            }
            Obj *v = obj_getattr(module, k);
            if (!v || star_set(locals, k, v) < 0) {
                XDECREF(v);
                DECREF(k);
                rc = -1;
                break;
            }
            DECREF(v);
            DECREF(k);
        }
        DECREF(it);
        if (rc == 0 && err_occurred()) rc = -1;
        return rc;
    }
    Obj *d = obj_getattr_str(module, "__dict__");
    if (!d) {
        if (err_matches(&Exc_AttributeError)) {
            err_clear();
            err_set_str(&Exc_ImportError, "from-import-* object has no __dict__ and no __all__");
        }
        return -1;
    }
    if (!dict_check(d)) {
        DECREF(d);
        err_set_str(&Exc_ImportError, "from-import-* object has no __dict__ and no __all__");
        return -1;
    }
    Obj *items = dict_items_list(d);
    DECREF(d);
    if (!items) return -1;
    int rc = 0;
    for (ssize_t i = 0; i < LIST_SIZE(items); i++) {
        Obj *kv = LIST_ITEMS(items)[i];
        Obj *k = TUPLE_GET(kv, 0), *v = TUPLE_GET(kv, 1);
        if (!str_check(k) || STR_DATA(k)[0] == '_') continue;
        if (star_set(locals, k, v) < 0) { rc = -1; break; }
    }
    DECREF(items);
    return rc;
}

/* ---- -m ---------------------------------------------------------------- */

int import_run_module_as_main(const char *cname)
{
    Obj *name = str_from_cstr(cname);
    if (!name) return -1;
    const char *dot = strrchr(cname, '.');
    Obj *path = NULL, *pkgname = NULL;
    if (dot) {
        pkgname = str_from_utf8(cname, dot - cname);
        if (!pkgname) { DECREF(name); return -1; }
        Obj *parent = import_abs(pkgname);
        if (!parent) goto fail;
        int r = obj_lookup_attr(parent, str_intern_cstr("__path__"), &path);
        DECREF(parent);
        if (r <= 0) {
            if (r == 0) err_not_found(name, "No module named %R; %R is not a package", name, pkgname);
            goto fail;
        }
    } else {
        if (find_builtin(name)) {
            err_format(&Exc_ImportError, "No code object available for %U", name);
            goto fail;
        }
        path = sys_get_object("path");
        XINCREF(path);
        pkgname = str_from_cstr("");
        if (!pkgname) goto fail;
    }
    char file[PATH_MAX + 400], dir[PATH_MAX + 400];
    int kind = find_in_path(path, dot ? dot + 1 : cname, file, dir, sizeof file);
    CLEAR(path);
    if (kind == FOUND_NONE) {
        err_not_found(name, "No module named %U", name);
        goto fail;
    }
    if (kind == FOUND_PACKAGE || kind == FOUND_NAMESPACE) {
        /* import the package, then run its __main__ */
        Obj *pkg = import_abs(name);
        if (!pkg) goto fail;
        DECREF(pkg);
        snprintf(file, sizeof file, "%s/__main__.py", dir);
        if (!is_file(file)) {
            err_format(&Exc_ImportError,
                       "No module named %U.__main__; '%U' is a package and cannot be directly executed",
                       name, name);
            goto fail;
        }
        SETREF(pkgname, NEWREF(name));
    }
    Obj *m = module_new("__main__");
    if (!m) goto fail;
    Obj *d = module_get_dict(m);
    if (dict_setitem_str(d, "__package__", pkgname) < 0 ||
        module_add_str(m, "__file__", file) < 0 ||
        dict_setitem_str(d, "__cached__", None) < 0 ||
        dict_setitem_str(d, "__builtins__", builtins_for_module()) < 0 ||
        dict_setitem_str(get_modules(), "__main__", m) < 0) {
        DECREF(m);
        goto fail;
    }
    Obj *argv = sys_get_object("argv");
    if (argv && list_check(argv) && LIST_SIZE(argv) > 0) {
        Obj *f = str_from_cstr(file);
        if (f) SETREF(LIST_ITEMS(argv)[0], f);
        else err_clear();
    }
    int r = exec_file_in_module(m, file);
    DECREF(m);
    DECREF(name);
    DECREF(pkgname);
    return r < 0 ? -1 : 0;
fail:
    XDECREF(path);
    XDECREF(pkgname);
    DECREF(name);
    return -1;
}
