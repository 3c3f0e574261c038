/* main.c — the command line (python3-compatible), program startup and exit
 * status, and the interactive loop.
 *
 * Exit status: 0; 1 for an uncaught exception; SystemExit's code; 2 for
 * usage errors and unreadable scripts; 120 when flushing stdout fails at
 * exit; an uncaught KeyboardInterrupt re-raises SIGINT (status 130 in a shell).
 */
#include "gilpy.h"
#include "core/gil.h"
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <readline/readline.h>
#include <readline/history.h>

Obj *module_init_builtins(void);
Obj *module_init_sys(void);

typedef struct {
    const char *command;     /* -c */
    const char *module;      /* -m */
    const char *script;      /* file or "-" */
    int script_index;        /* argv index where sys.argv starts */
    int version;             /* -V count */
    int help;
    int quiet;
    int ignore_env;          /* -E / -I */
    const char *warnoptions[32];
    int nwarn;
} Options;

static const char *progname_ = "gilpy";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                    "Try `python -h' for more information.\n", progname_);
    return 2;
}

static void print_help(void)
{
    printf("usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
           "Options (and corresponding environment variables):\n"
           "-B     : don't write .pyc files on import (accepted, no effect)\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
           "-h     : print this help message and exit (also -? or --help)\n"
           "-i     : inspect interactively after running script; forces a prompt even\n"
           "         if stdin does not appear to be a terminal\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-O     : accepted, no effect\n"
           "-q     : don't print version and copyright messages on interactive startup\n"
           "-s     : accepted, no effect\n"
           "-u     : force the stdout and stderr streams to be unbuffered\n"
           "-V     : print the Python version number and exit (also --version)\n"
           "-W arg : warning control\n"
           "-X opt : set implementation-specific option (sys._xoptions)\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n", progname_);
}

/* Returns -1 when parsing succeeded, else the exit status. */
static int parse_args(int argc, char **argv, Config *cfg, Options *o)
{
    int i = 1;
    o->script_index = argc;
    while (i < argc) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) break;
        if (strcmp(a, "--") == 0) { i++; break; }
        if (a[1] == '-') {
            if (strcmp(a, "--version") == 0) o->version++;
            else if (strcmp(a, "--help") == 0) o->help = 1;
            else return usage_error("unknown option %s\n", a);
            i++;
            continue;
        }
        for (int k = 1; a[k]; k++) {
            char c = a[k];
            const char *rest = a + k + 1;
            switch (c) {
            case 'c': case 'm': case 'X': case 'W': {
                const char *val;
                if (*rest) val = rest;
                else if (i + 1 < argc) val = argv[++i];
                else {
                    char opt[3] = {'-', c, 0};
                    return usage_error("Argument expected for the %s option\n", opt);
                }
                if (c == 'c') { o->command = val; o->script_index = i + 1; return -1; }
                if (c == 'm') { o->module = val; o->script_index = i + 1; return -1; }
                if (c == 'X') {
                    if (cfg->nxoptions < (int)ARRAY_LEN(cfg->xoptions)) cfg->xoptions[cfg->nxoptions++] = val;
                } else if (o->nwarn < (int)ARRAY_LEN(o->warnoptions)) {
                    o->warnoptions[o->nwarn++] = val;
                }
                goto next_arg;
            }
            case 'u': cfg->unbuffered = 1; break;
            case 'i': cfg->inspect = 1; break;
            case 'v': cfg->verbose++; break;
            case 'B': cfg->dont_write_bytecode = 1; break;
            case 'V': o->version++; break;
            case 'h': case '?': o->help = 1; break;
            case 'q': o->quiet = 1; break;
            case 'E': case 'I': o->ignore_env = 1; break;
            case 's': case 'S': case 'O': case 'd': case 'b': case 'P': case 'R':
                break;
            default: {
                char opt[3] = {'-', c, 0};
                return usage_error("Unknown option: %s\n", opt);
            }
            }
        }
    next_arg:
        i++;
    }
    if (i < argc) {
        o->script = argv[i];
        o->script_index = i;
    }
    return -1;
}

/* Directory of the running binary (realpath of /proc/self/exe). */
static void find_paths(Config *cfg, char *exe, size_t exesz, char *lib, size_t libsz, const char *argv0)
{
    ssize_t n = readlink("/proc/self/exe", exe, exesz - 1);
    if (n > 0) exe[n] = 0;
    else if (!realpath(argv0, exe)) snprintf(exe, exesz, "%s", argv0);
    snprintf(lib, libsz, "%s", exe);
    char *slash = strrchr(lib, '/');
    if (slash) *slash = 0;
    else snprintf(lib, libsz, ".");
    size_t len = strlen(lib);
    snprintf(lib + len, libsz - len, "/lib");
    cfg->executable = exe;
    cfg->libdir = lib;
}

static char *read_all(FILE *fp, ssize_t *len)
{
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) { free(buf); return NULL; }
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, fp);
        n += r;
        if (r == 0) break;
    }
    buf[n] = 0;
    *len = (ssize_t)n;
    return buf;
}

/* Run source in __main__'s namespace; returns 0 / -1 (exception set). */
static int run_source(const char *src, ssize_t len, const char *filename, Obj *globals, int mode)
{
    Obj *fn = str_from_cstr(filename);
    if (!fn) return -1;
    Obj *code = compile_source(src, len, fn, mode, 0);
    DECREF(fn);
    if (!code) return -1;
    Obj *r = eval_code(code, globals, globals);
    DECREF(code);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

/* Handle the pending exception at top level.  Returns the exit status;
 * *exiting is set for SystemExit. */
static int handle_exception(int *exiting, int *sigint)
{
    Obj *exc = err_occurred();
    if (!exc) return 0;
    if (type_is_subtype(TYPE(exc), &Exc_SystemExit)) {
        Obj *e = err_fetch();
        int st = exc_systemexit_status(e);
        DECREF(e);
        *exiting = 1;
        return st;
    }
    if (type_is_subtype(TYPE(exc), &Exc_KeyboardInterrupt)) *sigint = 1;
    err_print();
    /* an excepthook that raised SystemExit */
    if (err_occurred() && err_matches(&Exc_SystemExit)) {
        Obj *e = err_fetch();
        int st = exc_systemexit_status(e);
        DECREF(e);
        *exiting = 1;
        return st;
    }
    if (err_occurred()) err_clear();
    return 1;
}

/* ---- interactive loop -------------------------------------------------- */

static int is_incomplete(Obj *exc, const char *buf)
{
    if (!exc || !type_is_subtype(TYPE(exc), &Exc_SyntaxError)) return 0;
    Obj *msg = obj_getattr_str(exc, "msg");
    if (!msg) { err_clear(); return 0; }
    int inc = 0;
    if (str_check(msg)) {
        const char *m = STR_DATA(msg);
        if (strstr(m, "unexpected EOF") || strstr(m, "was never closed") ||
            strstr(m, "expected an indented block") || strstr(m, "unterminated triple-quoted") ||
            strstr(m, "EOF while scanning") || strstr(m, "unexpected end of file"))
            inc = 1;
    }
    DECREF(msg);
    size_t n = strlen(buf);
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' ')) n--;
    if (n > 0 && buf[n - 1] == '\\') inc = 1;
    return inc;
}

/* Does the statement start with a compound-statement keyword? (needs a blank line) */
static int starts_compound(const char *s)
{
    static const char *const kw[] = {"if", "for", "while", "def", "class", "with", "try", "async"};
    while (*s == ' ' || *s == '\t') s++;
    if (*s == '@') return 1;
    for (size_t i = 0; i < ARRAY_LEN(kw); i++) {
        size_t n = strlen(kw[i]);
        if (strncmp(s, kw[i], n) == 0 && (s[n] == ' ' || s[n] == '\t' || s[n] == '(' || s[n] == ':'))
            return 1;
    }
    return 0;
}

static char *read_line_prompt(const char *prompt, int tty)
{
    if (tty) {
        /* flush pending output before prompting */
        Obj *out = sys_get_object("stdout");
        if (out && out != None) {
            Obj *r = obj_call_method(out, "flush", NULL, 0);
            if (r) DECREF(r); else err_clear();
        }
        char *l = readline(prompt);
        if (l && *l) add_history(l);
        return l;
    }
    sys_write_stderr(prompt);
    Obj *err = sys_get_object("stderr");
    if (err && err != None) {
        Obj *r = obj_call_method(err, "flush", NULL, 0);
        if (r) DECREF(r); else err_clear();
    }
    size_t cap = 256, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    int c;
    while ((c = fgetc(stdin)) != EOF) {
        if (n + 2 > cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); return NULL; }
            buf = nb;
            cap *= 2;
        }
        if (c == '\n') break;
        buf[n++] = (char)c;
    }
    if (c == EOF && n == 0) { free(buf); return NULL; }
    buf[n] = 0;
    return buf;
}

/* sys.ps1 / sys.ps2 (str() of any object), set to the defaults on first use. */
static void prompt_text(const char *name, const char *dflt, char *buf, size_t n)
{
    snprintf(buf, n, "%s", dflt);
    Obj *v = sys_get_object(name);
    if (!v) {
        Obj *s = str_from_cstr(dflt);
        if (s) { sys_set_object(name, s); DECREF(s); }
        if (err_occurred()) err_clear();
        return;
    }
    Obj *s = obj_str(v);
    if (!s) { err_clear(); return; }
    snprintf(buf, n, "%s", STR_DATA(s));
    DECREF(s);
}

static int run_repl(Obj *globals, int show_banner, int *sigint)
{
    int tty = isatty(0);
    char histfile[PATH_MAX] = "";
    const char *home = getenv("HOME");
    if (tty && home) {
        snprintf(histfile, sizeof histfile, "%s/.gilpy_history", home);
        read_history(histfile);
    }
    if (show_banner) {
        Obj *v = sys_get_object("version");
        char line[512];
        snprintf(line, sizeof line, "Python %s on linux\n"
                 "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                 v && str_check(v) ? STR_DATA(v) : GILPY_VERSION);
        sys_write_stderr(line);
    }
    StrBuilder sb;
    int status = 0, exiting = 0;
    for (;;) {
        sb_init(&sb);
        int lines = 0;
        char p1[256], p2[256];
        prompt_text("ps1", ">>> ", p1, sizeof p1);
        prompt_text("ps2", "... ", p2, sizeof p2);
        char *line = read_line_prompt(p1, tty);
        if (!line) {
            sb_discard(&sb);
            if (tty) sys_write_stdout("\n");
            else sys_write_stderr("\n");
            break;
        }
        for (;;) {
            sb_append_cstr(&sb, line);
            sb_append_cstr(&sb, "\n");
            int blank = 1;
            for (char *p = line; *p; p++) if (*p != ' ' && *p != '\t') { blank = 0; break; }
            free(line);
            lines++;
            if (lines == 1 && blank) break;
            /* try to compile what we have */
            Obj *src = str_from_utf8(sb.buf, sb.size);
            if (!src) { err_clear(); break; }
            Obj *fn = str_from_cstr("<stdin>");
            Obj *code = fn ? compile_source(STR_DATA(src), STR_SIZE(src), fn, COMPILE_SINGLE, 0) : NULL;
            XDECREF(fn);
            if (code) {
                DECREF(code);
                /* compound statements end with an empty line */
                int compound = 0;
                const char *s = STR_DATA(src);
                size_t first_len = strcspn(s, "\n");
                size_t k = first_len;
                while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t')) k--;
                if ((k > 0 && s[k - 1] == ':') || starts_compound(s)) compound = 1;
                if (compound) compound = !blank;
                DECREF(src);
                if (!compound) break;
            } else {
                Obj *exc = err_fetch();
                int inc = is_incomplete(exc, STR_DATA(src));
                DECREF(src);
                XDECREF(exc);
                if (!inc || (blank && lines > 1)) break;
            }
            line = read_line_prompt(p2, tty);
            if (!line) break;
        }
        if (err_occurred()) err_clear();
        Obj *src = sb_finish(&sb);
        if (!src) { err_clear(); continue; }
        if (lines == 1 && STR_SIZE(src) <= 1) { DECREF(src); continue; }
        int r = run_source(STR_DATA(src), STR_SIZE(src), "<stdin>", globals, COMPILE_SINGLE);
        DECREF(src);
        if (r < 0) {
            int st = handle_exception(&exiting, sigint);
            *sigint = 0;
            if (exiting) { status = st; break; }
        }
    }
    if (histfile[0]) write_history(histfile);
    return exiting ? status : 0;
}

/* ---- startup ----------------------------------------------------------- */


static Obj *make_main_module(Obj *builtins_mod, const char *file)
{
    Obj *m = module_new("__main__");
    if (!m) return NULL;
    Obj *d = module_get_dict(m);
    Obj *ann = dict_new();
    if (!ann || dict_setitem_str(d, "__annotations__", ann) < 0 ||
        dict_setitem_str(d, "__builtins__", builtins_mod) < 0 ||
        dict_setitem_str(d, "__package__", None) < 0 ||
        dict_setitem_str(d, "__spec__", None) < 0 ||
        dict_setitem_str(d, "__loader__", None) < 0 ||
        (file && module_add_str(m, "__file__", file) < 0) ||
        dict_setitem_str(interp_get()->modules, "__main__", m) < 0) {
        XDECREF(ann);
        DECREF(m);
        return NULL;
    }
    DECREF(ann);
    if (!dict_getitem_str(d, "__doc__") && dict_setitem_str(d, "__doc__", None) < 0) { DECREF(m); return NULL; }
    return m;
}

static void fatal_startup(const char *what)
{
    fprintf(stderr, "Fatal Python error: %s\n", what);
    Obj *e = err_fetch();
    if (e) {
        Obj *s = obj_str(e);
        if (s && str_check(s)) fprintf(stderr, "%s: %s\n", type_name(TYPE(e)), STR_DATA(s));
        XDECREF(s);
        err_clear();
        DECREF(e);
    }
    exit(1);
}

int run_main(int argc, char **argv)
{
    static char exe[PATH_MAX], lib[PATH_MAX + 8], script_abs[PATH_MAX * 2];
    Options opt;
    memset(&opt, 0, sizeof opt);
    progname_ = argc > 0 ? argv[0] : "gilpy";

    Interp *in = interp_new();
    if (!in) { fputs("gilpy: out of memory\n", stderr); return 1; }
    Config *cfg = &in->config;
    cfg->progname = progname_;
    int st = parse_args(argc, argv, cfg, &opt);
    if (st >= 0) return st;
    if (opt.help) { print_help(); return 0; }
    if (opt.version) {
        if (opt.version > 1) printf("Python %s (main, gilpy)\n", GILPY_VERSION);
        else printf("Python %s\n", GILPY_VERSION);
        return 0;
    }
    if (!opt.ignore_env) {
        if (getenv("PYTHONUNBUFFERED") && *getenv("PYTHONUNBUFFERED")) cfg->unbuffered = 1;
        if (getenv("PYTHONINSPECT") && *getenv("PYTHONINSPECT")) cfg->inspect = 1;
        if (getenv("PYTHONDONTWRITEBYTECODE") && *getenv("PYTHONDONTWRITEBYTECODE")) cfg->dont_write_bytecode = 1;
    }
    find_paths(cfg, exe, sizeof exe, lib, sizeof lib, progname_);

    /* sys.argv */
    char *dash_c = "-c", *dash_m = "-m", *empty = "";
    char **sargv;
    int sargc;
    int nrest = argc - opt.script_index;
    if (nrest < 0) nrest = 0;
    sargv = calloc((size_t)nrest + 2, sizeof(char *));
    if (!sargv) return 1;
    sargc = 0;
    if (opt.command) sargv[sargc++] = dash_c;
    else if (opt.module) sargv[sargc++] = dash_m;
    else if (!opt.script) sargv[sargc++] = empty;
    for (int k = opt.script_index; k < argc; k++) sargv[sargc++] = argv[k];
    cfg->argc = sargc;
    cfg->argv = sargv;

    /* As CPython: writes to a closed pipe raise BrokenPipeError instead of killing us. */
    signal(SIGPIPE, SIG_IGN);
#ifdef SIGXFSZ
    signal(SIGXFSZ, SIG_IGN);
#endif

    ThreadState *ts = threadstate_new(in);
    if (!ts) return 1;
    threadstate_bind(ts);
    gil_acquire(ts, GIL_ACQ_NEW);

    if (interp_ready_types() < 0) fatal_startup("can't initialize types");
    if (!in->modules) {
        in->modules = dict_new();
        if (!in->modules) fatal_startup("can't create sys.modules");
    }
    Obj *sysmod = module_init_sys();
    if (!sysmod) fatal_startup("can't initialize sys module");
    Obj *bmod = module_init_builtins();
    if (!bmod) fatal_startup("can't initialize builtins module");
    if (!in->builtins) in->builtins = NEWREF(module_get_dict(bmod));
    if (dict_setitem_str(in->modules, "builtins", bmod) < 0) fatal_startup("can't register builtins");
    sys_set_orig_argv(argc, argv);
    {
        Obj *wo = sys_get_object("warnoptions");
        for (int k = 0; wo && k < opt.nwarn; k++) {
            Obj *s = str_from_cstr(opt.warnoptions[k]);
            if (!s || list_append(wo, s) < 0) err_clear();
            XDECREF(s);
        }
    }

    /* script path, sys.path[0] */
    const char *script_file = NULL;
    char script_dir[PATH_MAX * 2] = "";
    int use_stdin = 0;
    if (opt.script && strcmp(opt.script, "-") != 0) {
        if (opt.script[0] == '/') {
            snprintf(script_abs, sizeof script_abs, "%s", opt.script);
        } else {
            char cwd[PATH_MAX];
            if (!getcwd(cwd, sizeof cwd)) cwd[0] = 0;
            snprintf(script_abs, sizeof script_abs, "%s/%s", cwd, opt.script);
        }
        script_file = script_abs;
        char real[PATH_MAX];
        struct stat dst;
        char mainpy[PATH_MAX * 2 + 16];
        snprintf(mainpy, sizeof mainpy, "%s/__main__.py", script_abs);
        if (stat(script_abs, &dst) == 0 && S_ISDIR(dst.st_mode) && stat(mainpy, &dst) == 0) {
            /* a directory with __main__.py: it is sys.path[0] and __main__.py runs */
            if (realpath(script_abs, real)) snprintf(script_dir, sizeof script_dir, "%s", real);
            else snprintf(script_dir, sizeof script_dir, "%s", script_abs);
            snprintf(script_abs, sizeof script_abs, "%s", mainpy);
        } else {
            if (realpath(script_abs, real)) snprintf(script_dir, sizeof script_dir, "%s", real);
            else snprintf(script_dir, sizeof script_dir, "%s", script_abs);
            char *sl = strrchr(script_dir, '/');
            if (sl == script_dir) sl[1] = 0;
            else if (sl) *sl = 0;
        }
    } else if (!opt.command && !opt.module) {
        use_stdin = 1;
    }
    if (sys_init_path(opt.module ? NULL : (script_file ? script_dir : ""), opt.ignore_env) < 0) err_clear();
    if (opt.module) {
        /* -m: sys.path[0] is the current directory */
        Obj *path = sys_get_object("path");
        char cwd[PATH_MAX];
        if (path && list_check(path) && LIST_SIZE(path) > 0 && getcwd(cwd, sizeof cwd)) {
            Obj *s = str_from_cstr(cwd);
            if (s) SETREF(LIST_ITEMS(path)[0], s);
            else err_clear();
        }
    }
    if (sys_init_streams() < 0) fatal_startup("can't initialize sys standard streams");

    int status = 0, exiting = 0, sigint = 0;
    Obj *main_mod = NULL;
    if (!opt.module) {
        main_mod = make_main_module(bmod, script_file ? script_file : (use_stdin && !isatty(0) ? "<stdin>" : NULL));
        if (!main_mod) fatal_startup("can't create __main__ module");
    }
    Obj *globals = main_mod ? module_get_dict(main_mod) : NULL;

    if (opt.command) {
        if (run_source(opt.command, (ssize_t)strlen(opt.command), "<string>", globals, COMPILE_EXEC) < 0)
            status = handle_exception(&exiting, &sigint);
    } else if (opt.module) {
        if (import_run_module_as_main(opt.module) < 0) {
            Obj *exc = err_occurred();
            if (exc && type_is_subtype(TYPE(exc), &Exc_ImportError) && !exc_get_traceback(exc)) {
                Obj *s = obj_str(exc);
                if (s) {
                    fprintf(stderr, "%s: %s\n", progname_, STR_DATA(s));
                    DECREF(s);
                }
                err_clear();
                status = 1;
            } else {
                status = handle_exception(&exiting, &sigint);
            }
        }
        Obj *m = dict_getitem_str(in->modules, "__main__");
        if (m) main_mod = NEWREF(m);
        globals = main_mod ? module_get_dict(main_mod) : NULL;
    } else if (script_file) {
        struct stat stt;
        FILE *fp = NULL;
        if (stat(script_file, &stt) == 0 && S_ISDIR(stt.st_mode)) {
            fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", progname_, script_file);
            status = 2;
            exiting = 1;
        } else if (!(fp = fopen(script_file, "rb"))) {
            int e = errno;
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", progname_, script_file, e, strerror(e));
            status = 2;
            exiting = 1;
        } else {
            ssize_t len;
            char *src = read_all(fp, &len);
            fclose(fp);
            if (!src) {
                fputs("gilpy: out of memory\n", stderr);
                status = 1;
                exiting = 1;
            } else {
                if (run_source(src, len, script_file, globals, COMPILE_EXEC) < 0)
                    status = handle_exception(&exiting, &sigint);
                free(src);
            }
        }
    } else if (use_stdin) {
        if (isatty(0) || cfg->inspect) {
            status = run_repl(globals, !opt.quiet && isatty(0), &sigint);
            exiting = 1;
        } else {
            ssize_t len;
            char *src = read_all(stdin, &len);
            if (src) {
                if (run_source(src, len, "<stdin>", globals, COMPILE_EXEC) < 0)
                    status = handle_exception(&exiting, &sigint);
                free(src);
            }
        }
    }
    if (cfg->inspect && !exiting && globals) {
        /* -i: drop into the interactive loop after running */
        status = run_repl(globals, 0, &sigint);
        sigint = 0;
    }

    interp_finalize(in);
    if (in->finalizing == 2 && status == 0) status = 120;
    XDECREF(main_mod);
    DECREF(sysmod);
    DECREF(bmod);
    if (sigint) {
        fflush(stdout);
        fflush(stderr);
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        status = 130;
    }
    return status & 0xff;
}

/* The interpreter runs on a thread with a large stack: Python calls recurse
 * on the C stack (core/eval.c stops before the real end of the stack), and
 * programs raising sys.setrecursionlimit() expect deep recursion to work as
 * in CPython 3.11.  The process's first thread only waits, with every signal
 * blocked so that signals are delivered to the interpreter's threads. */
typedef struct { int argc; char **argv; int status; } MainArgs;

static void *interp_thread_main(void *p)
{
    MainArgs *a = p;
    a->status = run_main(a->argc, a->argv);
    return NULL;
}

int main(int argc, char **argv)
{
    MainArgs a = {argc, argv, 0};
    size_t stack = (size_t)1 << 30;    /* reserved lazily; ~2M Python frames */
    const char *env = getenv("GILPY_STACK_MB");
    if (env && atol(env) > 0) stack = (size_t)atol(env) << 20;
    pthread_attr_t attr;
    pthread_t th;
    if (pthread_attr_init(&attr) == 0) {
        int ok = pthread_attr_setstacksize(&attr, stack) == 0 &&
                 pthread_create(&th, &attr, interp_thread_main, &a) == 0;
        pthread_attr_destroy(&attr);
        if (ok) {
            sigset_t all;
            sigfillset(&all);
            pthread_sigmask(SIG_BLOCK, &all, NULL);
            pthread_join(th, NULL);
            return a.status;
        }
    }
    return run_main(argc, argv);
}
