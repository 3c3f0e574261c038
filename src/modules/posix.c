/* posix.c — the `posix` module: thin wrappers over POSIX system calls.
 *
 * lib/os.py builds the friendly layer on top (os.environ, walk, makedirs,
 * DirEntry, stat_result ...).  Struct-like results (stat_result,
 * terminal_size, times_result) are classes defined by os.py and registered
 * back into this module's dict: when present, the C functions call them with
 * the raw tuple; otherwise they return the plain tuple.
 *
 * Blocking calls (read, write, waitpid) are marked `GIL: release here`: the
 * GIL_RELEASE/GIL_ACQUIRE pair goes there once threads are wired. */
#include "gilpy.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* ---- path arguments ------------------------------------------------------ */

typedef struct {
    Obj *conv;          /* str or bytes (new ref), NULL when an fd was given */
    const char *s;      /* its bytes */
    int fd;             /* -1 unless an int was given */
    int is_bytes;
} PathArg;

enum { PATH_PLAIN = 0, PATH_FD = 1, PATH_FD_NONE = 2 };

/* os.fspath(o): str/bytes returned as is, else __fspath__(). new ref */
static Obj *fspath_obj(Obj *o, int *bad)
{
    if (bad) *bad = 0;
    if (str_check(o) || bytes_check(o)) return NEWREF(o);
    Obj *meth = IS_SMALLINT(o) ? NULL : type_lookup_str(TYPE(o), "__fspath__");
    if (!meth || meth == None) {
        if (bad) {
            *bad = 1;
            return NULL;
        }
        return err_format(&Exc_TypeError, "expected str, bytes or os.PathLike object, not %T", o);
    }
    Obj *r = obj_call1(meth, o);
    if (!r) return NULL;
    if (!str_check(r) && !bytes_check(r)) {
        err_format(&Exc_TypeError, "expected %T.__fspath__() to return str or bytes, not %T", o, r);
        DECREF(r);
        return NULL;
    }
    return r;
}

static int path_conv(const char *fname, const char *argname, Obj *o, PathArg *p, int kind)
{
    p->conv = NULL;
    p->s = NULL;
    p->fd = -1;
    p->is_bytes = 0;
    if (kind == PATH_FD_NONE && (o == NULL || o == None)) {
        p->conv = str_from_cstr(".");
        if (!p->conv) return -1;
        p->s = ".";
        return 0;
    }
    if (kind != PATH_PLAIN && int_check(o)) {
        long long v = int_as_long(o);
        if (v == -1 && err_occurred()) return -1;
        if (v < INT_MIN || v > INT_MAX) {
            err_set_str(&Exc_OverflowError, "fd is greater than maximum");
            return -1;
        }
        p->fd = (int)v;
        return 0;
    }
    int bad = 0;
    Obj *c = fspath_obj(o, &bad);
    if (!c) {
        if (bad) {
            const char *what = kind == PATH_PLAIN ? "string, bytes or os.PathLike"
                             : kind == PATH_FD ? "string, bytes, os.PathLike or integer"
                                               : "string, bytes, os.PathLike, integer or None";
            err_format(&Exc_TypeError, "%s: %s should be %s, not %T", fname, argname, what, o);
        }
        return -1;
    }
    ssize_t n;
    if (str_check(c)) {
        p->s = STR_DATA(c);
        n = STR_SIZE(c);
    } else {
        p->s = BYTES_DATA(c);
        n = BYTES_SIZE(c);
        p->is_bytes = 1;
    }
    if ((ssize_t)strlen(p->s) != n) {
        DECREF(c);
        err_set_str(&Exc_ValueError, "embedded null byte");
        return -1;
    }
    p->conv = c;
    return 0;
}

static void path_done(PathArg *p) { CLEAR(p->conv); }

static Obj *path_error(PathArg *p)
{
    if (p->conv) return err_from_errno_filename(&Exc_OSError, p->conv);
    return err_from_errno(&Exc_OSError);
}

static Obj *path_error2(PathArg *a, PathArg *b)
{
    int e = errno;
    Obj *msg = str_from_cstr(strerror(e));
    if (!msg) return NULL;
    Obj *args = tuple_pack(5, MAKE_SMALLINT(e), msg, a->conv ? a->conv : None, None,
                           b->conv ? b->conv : None);
    DECREF(msg);
    if (!args) return NULL;
    Obj *exc = exc_new(&Exc_OSError, args);
    DECREF(args);
    if (!exc) return NULL;
    err_set_exc(exc);
    DECREF(exc);
    return NULL;
}

/* A name returned by listdir/readlink/getcwd: bytes if the input was bytes. */
static Obj *name_obj(const char *s, ssize_t n, int as_bytes)
{
    if (as_bytes) return bytes_from(s, n);
    return str_decode_utf8(s, n, "surrogateescape");
}

static int get_int(Obj *o, int *out)
{
    ssize_t v = obj_as_ssize(o, &Exc_OverflowError);
    if (v == -1 && err_occurred()) return -1;
    if (v < INT_MIN || v > INT_MAX) {
        err_set_str(&Exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* Call the class registered as `name` in the module dict with tuple t (steals t). */
static Obj *make_result(Obj *self, const char *name, Obj *t)
{
    if (!t) return NULL;
    Obj *cls = self ? dict_getitem_str(module_get_dict(self), name) : NULL;
    if (!cls) return t;
    Obj *r = obj_call1(cls, t);
    DECREF(t);
    return r;
}

/* ---- process info ---------------------------------------------------- */

static Obj *px_getpid(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return int_from_long(getpid()); }
static Obj *px_getppid(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return int_from_long(getppid()); }
static Obj *px_getuid(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return int_from_long(getuid()); }
static Obj *px_geteuid(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return int_from_long(geteuid()); }
static Obj *px_getgid(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return int_from_long(getgid()); }
static Obj *px_getegid(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return int_from_long(getegid()); }

static Obj *cwd_impl(int as_bytes)
{
    size_t cap = 256;
    for (;;) {
        char *buf = malloc(cap);
        if (!buf) return err_no_memory();
        if (getcwd(buf, cap)) {
            Obj *r = name_obj(buf, (ssize_t)strlen(buf), as_bytes);
            free(buf);
            return r;
        }
        free(buf);
        if (errno != ERANGE) return err_from_errno(&Exc_OSError);
        cap *= 2;
    }
}

static Obj *px_getcwd(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    if (args_no_kw("getcwd", kw) < 0 || args_count("getcwd", nargs, 0, 0) < 0) return NULL;
    return cwd_impl(0);
}

static Obj *px_getcwdb(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    if (args_no_kw("getcwdb", kw) < 0 || args_count("getcwdb", nargs, 0, 0) < 0) return NULL;
    return cwd_impl(1);
}

static Obj *px_chdir(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"path"};
    Obj *a[1];
    PathArg p;
    if (args_parse("chdir", args, nargs, kw, names, 1, 1, 1, a) < 0) return NULL;
    if (path_conv("chdir", "path", a[0], &p, PATH_FD) < 0) return NULL;
    int rc = p.conv ? chdir(p.s) : fchdir(p.fd);
    Obj *r = rc < 0 ? path_error(&p) : None;
    path_done(&p);
    return r;
}

/* ---- directories ------------------------------------------------------- */

static Obj *px_listdir(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"path"};
    Obj *a[1];
    PathArg p;
    if (args_parse("listdir", args, nargs, kw, names, 1, 0, 1, a) < 0) return NULL;
    if (path_conv("listdir", "path", a[0], &p, PATH_FD_NONE) < 0) return NULL;
    DIR *d;
    if (p.conv) {
        d = opendir(p.s);
    } else {
        int fd = dup(p.fd);
        d = fd < 0 ? NULL : fdopendir(fd);
        if (!d && fd >= 0) close(fd);
    }
    if (!d) {
        Obj *e = path_error(&p);
        path_done(&p);
        return e;
    }
    Obj *list = list_new(0);
    struct dirent *ent;
    while (list) {
        errno = 0;
        ent = readdir(d);
        if (!ent) {
            if (errno) {
                CLEAR(list);
                path_error(&p);
            }
            break;
        }
        const char *nm = ent->d_name;
        if (nm[0] == '.' && (nm[1] == 0 || (nm[1] == '.' && nm[2] == 0))) continue;
        Obj *s = name_obj(nm, (ssize_t)strlen(nm), p.is_bytes);
        if (!s || list_append(list, s) < 0) CLEAR(list);
        XDECREF(s);
    }
    if (!p.conv) rewinddir(d);
    closedir(d);
    path_done(&p);
    return list;
}

/* _scandir(path) -> list of (name, d_type, inode); os.py builds DirEntry. */
static Obj *px_scandir(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"path"};
    Obj *a[1];
    PathArg p;
    if (args_parse("scandir", args, nargs, kw, names, 1, 0, 1, a) < 0) return NULL;
    if (path_conv("scandir", "path", a[0], &p, PATH_FD_NONE) < 0) return NULL;
    if (!p.conv) {
        path_done(&p);
        return err_set_str(&Exc_TypeError, "scandir: file descriptors are not supported");
    }
    DIR *d = opendir(p.s);
    if (!d) {
        Obj *e = path_error(&p);
        path_done(&p);
        return e;
    }
    Obj *list = list_new(0);
    struct dirent *ent;
    while (list) {
        errno = 0;
        ent = readdir(d);
        if (!ent) {
            if (errno) {
                CLEAR(list);
                path_error(&p);
            }
            break;
        }
        const char *nm = ent->d_name;
        if (nm[0] == '.' && (nm[1] == 0 || (nm[1] == '.' && nm[2] == 0))) continue;
        Obj *s = name_obj(nm, (ssize_t)strlen(nm), p.is_bytes);
        Obj *ino = int_from_ulong((unsigned long long)ent->d_ino);
        Obj *t = s && ino ? tuple_pack(3, s, MAKE_SMALLINT(ent->d_type), ino) : NULL;
        if (!t || list_append(list, t) < 0) CLEAR(list);
        XDECREF(s);
        XDECREF(ino);
        XDECREF(t);
    }
    closedir(d);
    path_done(&p);
    return list;
}

static Obj *px_mkdir(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"path", "mode", "dir_fd"};
    Obj *a[3];
    PathArg p;
    int mode = 0777;
    if (args_parse("mkdir", args, nargs, kw, names, 3, 1, 2, a) < 0) return NULL;
    if (a[1] && get_int(a[1], &mode) < 0) return NULL;
    if (path_conv("mkdir", "path", a[0], &p, PATH_PLAIN) < 0) return NULL;
    Obj *r = mkdir(p.s, (mode_t)mode) < 0 ? path_error(&p) : None;
    path_done(&p);
    return r;
}

/* One-path calls: rmdir, unlink/remove. */
static Obj *onepath(const char *fname, Obj *const *args, size_t nargs, Obj *kw, int (*fn)(const char *))
{
    static const char *const names[] = {"path", "dir_fd"};
    Obj *a[2];
    PathArg p;
    if (args_parse(fname, args, nargs, kw, names, 2, 1, 1, a) < 0) return NULL;
    if (path_conv(fname, "path", a[0], &p, PATH_PLAIN) < 0) return NULL;
    Obj *r = fn(p.s) < 0 ? path_error(&p) : None;
    path_done(&p);
    return r;
}

static Obj *px_rmdir(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return onepath("rmdir", args, nargs, kw, rmdir); }
static Obj *px_unlink(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return onepath("unlink", args, nargs, kw, unlink); }
static Obj *px_remove(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return onepath("remove", args, nargs, kw, unlink); }

static Obj *twopath(const char *fname, Obj *const *args, size_t nargs, Obj *kw,
                    int (*fn)(const char *, const char *))
{
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd"};
    Obj *a[4];
    PathArg p, q;
    if (args_parse(fname, args, nargs, kw, names, 4, 2, 2, a) < 0) return NULL;
    if (path_conv(fname, "src", a[0], &p, PATH_PLAIN) < 0) return NULL;
    if (path_conv(fname, "dst", a[1], &q, PATH_PLAIN) < 0) {
        path_done(&p);
        return NULL;
    }
    Obj *r = None;
    if (p.is_bytes != q.is_bytes) {
        r = err_format(&Exc_TypeError, "%s: src and dst must be the same type", fname);
    } else if (fn(p.s, q.s) < 0) {
        r = path_error2(&p, &q);
    }
    path_done(&p);
    path_done(&q);
    return r;
}

static Obj *px_rename(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return twopath("rename", args, nargs, kw, rename); }
static Obj *px_replace(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return twopath("replace", args, nargs, kw, rename); }
static Obj *px_link(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return twopath("link", args, nargs, kw, link); }
static Obj *px_symlink(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return twopath("symlink", args, nargs, kw, symlink); }

static Obj *px_readlink(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"path", "dir_fd"};
    Obj *a[2];
    PathArg p;
    if (args_parse("readlink", args, nargs, kw, names, 2, 1, 1, a) < 0) return NULL;
    if (path_conv("readlink", "path", a[0], &p, PATH_PLAIN) < 0) return NULL;
    char buf[4096];
    ssize_t n = readlink(p.s, buf, sizeof buf);
    Obj *r = n < 0 ? path_error(&p) : name_obj(buf, n, p.is_bytes);
    path_done(&p);
    return r;
}

static Obj *px_chmod(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "follow_symlinks"};
    Obj *a[4];
    PathArg p;
    int mode;
    if (args_parse("chmod", args, nargs, kw, names, 4, 2, 2, a) < 0) return NULL;
    if (get_int(a[1], &mode) < 0) return NULL;
    if (path_conv("chmod", "path", a[0], &p, PATH_FD) < 0) return NULL;
    int rc = p.conv ? chmod(p.s, (mode_t)mode) : fchmod(p.fd, (mode_t)mode);
    Obj *r = rc < 0 ? path_error(&p) : None;
    path_done(&p);
    return r;
}

static Obj *px_access(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"};
    Obj *a[5];
    PathArg p;
    int mode;
    if (args_parse("access", args, nargs, kw, names, 5, 2, 2, a) < 0) return NULL;
    if (get_int(a[1], &mode) < 0) return NULL;
    if (path_conv("access", "path", a[0], &p, PATH_PLAIN) < 0) return NULL;
    int rc = access(p.s, mode);
    path_done(&p);
    RETURN_BOOL(rc == 0);
}

/* ---- stat -------------------------------------------------------------- */

static Obj *ts_float(struct timespec t) { return float_from_double((double)t.tv_sec + t.tv_nsec * 1e-9); }

static Obj *ts_ns(struct timespec t)
{
    Obj *s = int_from_long((long long)t.tv_sec);
    Obj *k = int_from_long(1000000000LL);
    Obj *m = s && k ? obj_binop(s, k, NB_MUL) : NULL;
    Obj *n = int_from_long(t.tv_nsec);
    Obj *r = m && n ? obj_binop(m, n, NB_ADD) : NULL;
    XDECREF(s);
    XDECREF(k);
    XDECREF(m);
    XDECREF(n);
    return r;
}

/* (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime,
 *  atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev) */
static Obj *stat_tuple(const struct stat *st)
{
    Obj *t = tuple_new(16);
    if (!t) return NULL;
    Obj *v[16] = {
        int_from_long(st->st_mode), int_from_ulong(st->st_ino), int_from_ulong(st->st_dev),
        int_from_long((long long)st->st_nlink), int_from_long(st->st_uid), int_from_long(st->st_gid),
        int_from_long(st->st_size), ts_float(st->st_atim), ts_float(st->st_mtim), ts_float(st->st_ctim),
        ts_ns(st->st_atim), ts_ns(st->st_mtim), ts_ns(st->st_ctim), int_from_long(st->st_blksize),
        int_from_long(st->st_blocks), int_from_ulong(st->st_rdev)};
    int ok = 1;
    for (int i = 0; i < 16; i++) {
        if (!v[i]) ok = 0;
        TUPLE_SET(t, i, v[i] ? v[i] : NEWREF(None));
    }
    if (!ok) CLEAR(t);
    return t;
}

static Obj *stat_impl(Obj *self, const char *fname, Obj *const *args, size_t nargs, Obj *kw, int lstat_)
{
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks"};
    Obj *a[3];
    PathArg p;
    if (args_parse(fname, args, nargs, kw, names, 3, 1, 1, a) < 0) return NULL;
    if (a[2]) {
        int t = obj_is_true(a[2]);
        if (t < 0) return NULL;
        if (!t) lstat_ = 1;
    }
    if (path_conv(fname, "path", a[0], &p, lstat_ ? PATH_PLAIN : PATH_FD) < 0) return NULL;
    struct stat st;
    int rc = p.conv ? (lstat_ ? lstat(p.s, &st) : stat(p.s, &st)) : fstat(p.fd, &st);
    Obj *r = rc < 0 ? path_error(&p) : make_result(self, "stat_result", stat_tuple(&st));
    path_done(&p);
    return r;
}

static Obj *px_stat(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return stat_impl(self, "stat", args, nargs, kw, 0); }
static Obj *px_lstat(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return stat_impl(self, "lstat", args, nargs, kw, 1); }

static Obj *px_fstat(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"fd"};
    Obj *a[1];
    int fd;
    if (args_parse("fstat", args, nargs, kw, names, 1, 1, 1, a) < 0 || get_int(a[0], &fd) < 0) return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0) return err_from_errno(&Exc_OSError);
    return make_result(self, "stat_result", stat_tuple(&st));
}

/* ---- file descriptors -------------------------------------------------- */

static Obj *px_open(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"path", "flags", "mode", "dir_fd"};
    Obj *a[4];
    PathArg p;
    int flags, mode = 0777;
    if (args_parse("open", args, nargs, kw, names, 4, 2, 3, a) < 0) return NULL;
    if (get_int(a[1], &flags) < 0 || (a[2] && get_int(a[2], &mode) < 0)) return NULL;
    if (path_conv("open", "path", a[0], &p, PATH_PLAIN) < 0) return NULL;
    int fd = open(p.s, flags | O_CLOEXEC, mode);
    Obj *r = fd < 0 ? path_error(&p) : int_from_long(fd);
    path_done(&p);
    return r;
}

static Obj *px_close(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"fd"};
    Obj *a[1];
    int fd;
    if (args_parse("close", args, nargs, kw, names, 1, 1, 1, a) < 0 || get_int(a[0], &fd) < 0) return NULL;
    if (close(fd) < 0) return err_from_errno(&Exc_OSError);
    RETURN_NONE;
}

static Obj *px_closerange(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int lo, hi;
    if (args_no_kw("closerange", kw) < 0 || args_count("closerange", nargs, 2, 2) < 0) return NULL;
    if (get_int(args[0], &lo) < 0 || get_int(args[1], &hi) < 0) return NULL;
    for (int i = lo < 0 ? 0 : lo; i < hi; i++) close(i);
    RETURN_NONE;
}

static Obj *px_read(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int fd;
    if (args_no_kw("read", kw) < 0 || args_count("read", nargs, 2, 2) < 0) return NULL;
    if (get_int(args[0], &fd) < 0) return NULL;
    ssize_t n = obj_as_ssize(args[1], &Exc_OverflowError);
    if (n == -1 && err_occurred()) return NULL;
    if (n < 0) return err_from_errno((errno = EINVAL, &Exc_OSError));
    char *buf = malloc(n ? (size_t)n : 1);
    if (!buf) return err_no_memory();
    ssize_t got;
    /* GIL: release here */
    do got = read(fd, buf, (size_t)n); while (got < 0 && errno == EINTR);
    /* GIL: reacquire here */
    Obj *r = got < 0 ? err_from_errno(&Exc_OSError) : bytes_from(buf, got);
    free(buf);
    return r;
}

/* Borrow the bytes of a bytes-like object (bytes, bytearray). */
static int buffer_of(Obj *o, const char **data, ssize_t *n)
{
    if (bytes_check(o)) {
        *data = BYTES_DATA(o);
        *n = BYTES_SIZE(o);
        return 0;
    }
    if (!IS_SMALLINT(o) && type_is_subtype(TYPE(o), &ByteArray_Type)) {
        *data = ((ByteArrayObj *)o)->data;
        *n = ((ByteArrayObj *)o)->size;
        if (!*data) *data = "";
        return 0;
    }
    err_format(&Exc_TypeError, "a bytes-like object is required, not '%T'", o);
    return -1;
}

static Obj *px_write(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int fd;
    const char *data;
    ssize_t n;
    if (args_no_kw("write", kw) < 0 || args_count("write", nargs, 2, 2) < 0) return NULL;
    if (get_int(args[0], &fd) < 0 || buffer_of(args[1], &data, &n) < 0) return NULL;
    ssize_t w;
    /* GIL: release here */
    do w = write(fd, data, (size_t)n); while (w < 0 && errno == EINTR);
    /* GIL: reacquire here */
    if (w < 0) return err_from_errno(&Exc_OSError);
    return int_from_ssize(w);
}

static Obj *px_pipe(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int fds[2];
    if (args_no_kw("pipe", kw) < 0 || args_count("pipe", nargs, 0, 0) < 0) return NULL;
    if (pipe2(fds, O_CLOEXEC) < 0) return err_from_errno(&Exc_OSError);
    return tuple_pack(2, MAKE_SMALLINT(fds[0]), MAKE_SMALLINT(fds[1]));
}

static Obj *px_dup(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int fd;
    if (args_no_kw("dup", kw) < 0 || args_count("dup", nargs, 1, 1) < 0 || get_int(args[0], &fd) < 0) return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) return err_from_errno(&Exc_OSError);
    return int_from_long(r);
}

static Obj *px_dup2(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"fd", "fd2", "inheritable"};
    Obj *a[3];
    int fd, fd2, inh = 1;
    if (args_parse("dup2", args, nargs, kw, names, 3, 2, 3, a) < 0) return NULL;
    if (get_int(a[0], &fd) < 0 || get_int(a[1], &fd2) < 0) return NULL;
    if (a[2] && (inh = obj_is_true(a[2])) < 0) return NULL;
    int r = inh ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0 && !inh && errno == EINVAL && fd == fd2) r = fd2;
    if (r < 0) return err_from_errno(&Exc_OSError);
    return int_from_long(r);
}

static Obj *px_lseek(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int fd, how;
    if (args_no_kw("lseek", kw) < 0 || args_count("lseek", nargs, 3, 3) < 0) return NULL;
    if (get_int(args[0], &fd) < 0) return NULL;
    long long pos = 0;
    Obj *pi = obj_index(args[1]);
    if (!pi) return NULL;
    pos = int_as_long(pi);
    DECREF(pi);
    if (pos == -1 && err_occurred()) return NULL;
    if (get_int(args[2], &how) < 0) return NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0) return err_from_errno(&Exc_OSError);
    return int_from_long((long long)r);
}

static Obj *px_isatty(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int fd;
    if (args_no_kw("isatty", kw) < 0 || args_count("isatty", nargs, 1, 1) < 0 || get_int(args[0], &fd) < 0) return NULL;
    RETURN_BOOL(isatty(fd));
}

static Obj *px_ftruncate(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int fd;
    if (args_no_kw("ftruncate", kw) < 0 || args_count("ftruncate", nargs, 2, 2) < 0 || get_int(args[0], &fd) < 0)
        return NULL;
    ssize_t len = obj_as_ssize(args[1], &Exc_OverflowError);
    if (len == -1 && err_occurred()) return NULL;
    if (ftruncate(fd, (off_t)len) < 0) return err_from_errno(&Exc_OSError);
    RETURN_NONE;
}

static Obj *px_fsync(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int fd;
    if (args_no_kw("fsync", kw) < 0 || args_count("fsync", nargs, 1, 1) < 0) return NULL;
    if (!int_check(args[0])) {
        Obj *f = obj_call_method(args[0], "fileno", NULL, 0);
        if (!f) return NULL;
        int rc = get_int(f, &fd);
        DECREF(f);
        if (rc < 0) return NULL;
    } else if (get_int(args[0], &fd) < 0) {
        return NULL;
    }
    if (fsync(fd) < 0) return err_from_errno(&Exc_OSError);
    RETURN_NONE;
}

/* ---- environment ------------------------------------------------------- */

/* Encode a str/bytes env argument to a C string (borrowed from *keep). */
static const char *env_arg(Obj *o, Obj **keep, const char *what)
{
    *keep = NULL;
    if (str_check(o)) {
        *keep = NEWREF(o);
        return STR_DATA(o);
    }
    if (bytes_check(o)) {
        *keep = NEWREF(o);
        return BYTES_DATA(o);
    }
    err_format(&Exc_TypeError, "str expected, not %T", o);
    return NULL;
}

static Obj *px_putenv(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    Obj *kk, *kv;
    if (args_no_kw("putenv", kw) < 0 || args_count("putenv", nargs, 2, 2) < 0) return NULL;
    const char *k = env_arg(args[0], &kk, "name");
    if (!k) return NULL;
    const char *v = env_arg(args[1], &kv, "value");
    Obj *r = None;
    if (!v) {
        r = NULL;
    } else if (!*k || strchr(k, '=')) {
        r = err_set_str(&Exc_ValueError, "illegal environment variable name");
    } else if (setenv(k, v, 1) < 0) {
        r = err_from_errno(&Exc_OSError);
    }
    XDECREF(kk);
    XDECREF(kv);
    return r;
}

static Obj *px_unsetenv(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    Obj *kk;
    if (args_no_kw("unsetenv", kw) < 0 || args_count("unsetenv", nargs, 1, 1) < 0) return NULL;
    const char *k = env_arg(args[0], &kk, "name");
    if (!k) return NULL;
    Obj *r = None;
    if (unsetenv(k) < 0) r = err_from_errno(&Exc_OSError);
    XDECREF(kk);
    return r;
}

static Obj *make_environ(void)
{
    Obj *d = dict_new();
    if (!d) return NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        Obj *k = str_decode_utf8(*e, eq - *e, "surrogateescape");
        Obj *v = str_decode_utf8(eq + 1, (ssize_t)strlen(eq + 1), "surrogateescape");
        int rc = k && v && (dict_contains(d, k) == 1 || dict_setitem(d, k, v) == 0) ? 0 : -1;
        XDECREF(k);
        XDECREF(v);
        if (rc < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* ---- misc ---------------------------------------------------------------- */

static Obj *px_strerror(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int code;
    if (args_no_kw("strerror", kw) < 0 || args_count("strerror", nargs, 1, 1) < 0 || get_int(args[0], &code) < 0)
        return NULL;
    return str_from_cstr(strerror(code));
}

static Obj *px_urandom(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    if (args_no_kw("urandom", kw) < 0 || args_count("urandom", nargs, 1, 1) < 0) return NULL;
    ssize_t n = obj_as_ssize(args[0], &Exc_OverflowError);
    if (n == -1 && err_occurred()) return NULL;
    if (n < 0) return err_set_str(&Exc_ValueError, "negative argument not allowed");
    char *buf = malloc(n ? (size_t)n : 1);
    if (!buf) return err_no_memory();
    ssize_t off = 0;
    while (off < n) {
        ssize_t g = getrandom(buf + off, (size_t)(n - off), 0);
        if (g < 0) {
            if (errno == EINTR) continue;
            free(buf);
            return err_from_errno(&Exc_OSError);
        }
        off += g;
    }
    Obj *r = bytes_from(buf, n);
    free(buf);
    return r;
}

static Obj *px_cpu_count(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) RETURN_NONE;
    return int_from_long(n);
}

static Obj *px_umask(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int m;
    if (args_no_kw("umask", kw) < 0 || args_count("umask", nargs, 1, 1) < 0 || get_int(args[0], &m) < 0) return NULL;
    return int_from_long(umask((mode_t)m));
}

static Obj *px_kill(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int pid, sig;
    if (args_no_kw("kill", kw) < 0 || args_count("kill", nargs, 2, 2) < 0) return NULL;
    if (get_int(args[0], &pid) < 0 || get_int(args[1], &sig) < 0) return NULL;
    if (kill(pid, sig) < 0) return err_from_errno(&Exc_OSError);
    RETURN_NONE;
}

static Obj *px__exit(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"status"};
    Obj *a[1];
    int st;
    if (args_parse("_exit", args, nargs, kw, names, 1, 1, 1, a) < 0 || get_int(a[0], &st) < 0) return NULL;
    _exit(st);
}

static Obj *px_waitpid(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int pid, opts, status = 0;
    if (args_no_kw("waitpid", kw) < 0 || args_count("waitpid", nargs, 2, 2) < 0) return NULL;
    if (get_int(args[0], &pid) < 0 || get_int(args[1], &opts) < 0) return NULL;
    pid_t r;
    /* GIL: release here */
    do r = waitpid(pid, &status, opts); while (r < 0 && errno == EINTR);
    /* GIL: reacquire here */
    if (r < 0) return err_from_errno(&Exc_OSError);
    Obj *a = int_from_long(r), *b = int_from_long(status);
    Obj *t = a && b ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return t;
}

/* W* status macros: one C function per macro, selected by the def name. */
#define WFUNC(NAME, EXPR, ISBOOL)                                                          \
    static Obj *px_##NAME(Obj *self, Obj *const *args, size_t nargs, Obj *kw)             \
    {                                                                                       \
        static const char *const names[] = {"status"};                                      \
        Obj *a[1];                                                                          \
        int status;                                                                         \
        if (args_parse(#NAME, args, nargs, kw, names, 1, 1, 1, a) < 0) return NULL;         \
        if (get_int(a[0], &status) < 0) return NULL;                                        \
        if (ISBOOL) RETURN_BOOL(EXPR);                                                      \
        return int_from_long(EXPR);                                                         \
    }
WFUNC(WIFEXITED, WIFEXITED(status), 1)
WFUNC(WEXITSTATUS, WEXITSTATUS(status), 0)
WFUNC(WIFSIGNALED, WIFSIGNALED(status), 1)
WFUNC(WTERMSIG, WTERMSIG(status), 0)
WFUNC(WIFSTOPPED, WIFSTOPPED(status), 1)
WFUNC(WSTOPSIG, WSTOPSIG(status), 0)
WFUNC(WCOREDUMP, WCOREDUMP(status), 1)
WFUNC(WIFCONTINUED, WIFCONTINUED(status), 1)
#undef WFUNC

static Obj *px_waitstatus_to_exitcode(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"status"};
    Obj *a[1];
    int status;
    if (args_parse("waitstatus_to_exitcode", args, nargs, kw, names, 1, 1, 1, a) < 0) return NULL;
    if (get_int(a[0], &status) < 0) return NULL;
    if (WIFEXITED(status)) return int_from_long(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return int_from_long(-WTERMSIG(status));
    return err_format(&Exc_ValueError, "invalid wait status: %d", status);
}

static Obj *px_get_terminal_size(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    int fd = 1;
    if (args_no_kw("get_terminal_size", kw) < 0 || args_count("get_terminal_size", nargs, 0, 1) < 0) return NULL;
    if (nargs && get_int(args[0], &fd) < 0) return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return err_from_errno(&Exc_OSError);
    return make_result(self, "terminal_size", tuple_pack(2, MAKE_SMALLINT(w.ws_col), MAKE_SMALLINT(w.ws_row)));
}

static Obj *px_times(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    struct tms t;
    if (args_no_kw("times", kw) < 0 || args_count("times", nargs, 0, 0) < 0) return NULL;
    clock_t c = times(&t);
    if (c == (clock_t)-1) return err_from_errno(&Exc_OSError);
    double tick = (double)sysconf(_SC_CLK_TCK);
    Obj *v[5] = {float_from_double(t.tms_utime / tick), float_from_double(t.tms_stime / tick),
                 float_from_double(t.tms_cutime / tick), float_from_double(t.tms_cstime / tick),
                 float_from_double(c / tick)};
    Obj *r = v[0] && v[1] && v[2] && v[3] && v[4] ? tuple_pack(5, v[0], v[1], v[2], v[3], v[4]) : NULL;
    for (int i = 0; i < 5; i++) XDECREF(v[i]);
    return make_result(self, "times_result", r);
}

static Obj *px_fspath(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    static const char *const names[] = {"path"};
    Obj *a[1];
    if (args_parse("fspath", args, nargs, kw, names, 1, 1, 1, a) < 0) return NULL;
    return fspath_obj(a[0], NULL);
}

static Obj *px_uname(Obj *self, Obj *const *args, size_t nargs, Obj *kw);

static MethodDef posix_methods[] = {
    {"getpid", px_getpid, 0, "Return the current process id."},
    {"getppid", px_getppid, 0, "Return the parent's process id."},
    {"getuid", px_getuid, 0, "Return the current process's user id."},
    {"geteuid", px_geteuid, 0, "Return the current process's effective user id."},
    {"getgid", px_getgid, 0, "Return the current process's group id."},
    {"getegid", px_getegid, 0, "Return the current process's effective group id."},
    {"getcwd", px_getcwd, 0, "Return a unicode string representing the current working directory."},
    {"getcwdb", px_getcwdb, 0, "Return a bytes string representing the current working directory."},
    {"chdir", px_chdir, 0, "Change the current working directory to the specified path."},
    {"listdir", px_listdir, 0, "Return a list containing the names of the files in the directory."},
    {"_scandir", px_scandir, 0, NULL},
    {"mkdir", px_mkdir, 0, "Create a directory."},
    {"rmdir", px_rmdir, 0, "Remove a directory."},
    {"unlink", px_unlink, 0, "Remove a file (same as remove())."},
    {"remove", px_remove, 0, "Remove a file (same as unlink())."},
    {"rename", px_rename, 0, "Rename a file or directory."},
    {"replace", px_replace, 0, "Rename a file or directory, overwriting the destination."},
    {"link", px_link, 0, "Create a hard link to a file."},
    {"symlink", px_symlink, 0, "Create a symbolic link pointing to src named dst."},
    {"readlink", px_readlink, 0, "Return a string representing the path to which the symbolic link points."},
    {"chmod", px_chmod, 0, "Change the access permissions of a file."},
    {"access", px_access, 0, "Use the real uid/gid to test for access to a path."},
    {"stat", px_stat, 0, "Perform a stat system call on the given path."},
    {"lstat", px_lstat, 0, "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat", px_fstat, 0, "Perform a stat system call on the given file descriptor."},
    {"open", px_open, 0, "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"close", px_close, 0, "Close a file descriptor."},
    {"closerange", px_closerange, 0, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"read", px_read, 0, "Read from a file descriptor.  Returns a bytes object."},
    {"write", px_write, 0, "Write a bytes object to a file descriptor."},
    {"pipe", px_pipe, 0, "Create a pipe."},
    {"dup", px_dup, 0, "Return a duplicate of a file descriptor."},
    {"dup2", px_dup2, 0, "Duplicate file descriptor."},
    {"lseek", px_lseek, 0, "Set the position of a file descriptor.  Return the new position."},
    {"isatty", px_isatty, 0, "Return True if the fd is connected to a terminal."},
    {"ftruncate", px_ftruncate, 0, "Truncate a file, specified by file descriptor, to a specific length."},
    {"fsync", px_fsync, 0, "Force write of fd to disk."},
    {"putenv", px_putenv, 0, "Change or add an environment variable."},
    {"unsetenv", px_unsetenv, 0, "Delete an environment variable."},
    {"strerror", px_strerror, 0, "Translate an error code to a message string."},
    {"urandom", px_urandom, 0, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"cpu_count", px_cpu_count, 0, "Return the number of CPUs in the system; return None if indeterminable."},
    {"umask", px_umask, 0, "Set the current numeric umask and return the previous umask."},
    {"kill", px_kill, 0, "Kill a process with a signal."},
    {"_exit", px__exit, 0, "Exit to the system with specified status, without normal exit processing."},
    {"waitpid", px_waitpid, 0, "Wait for completion of a given child process."},
    {"WIFEXITED", px_WIFEXITED, 0, "Return True if the process returning status exited via the exit() system call."},
    {"WEXITSTATUS", px_WEXITSTATUS, 0, "Return the process return code from status."},
    {"WIFSIGNALED", px_WIFSIGNALED, 0, "Return True if the process returning status was terminated by a signal."},
    {"WTERMSIG", px_WTERMSIG, 0, "Return the signal that terminated the process that provided the status value."},
    {"WIFSTOPPED", px_WIFSTOPPED, 0, "Return True if the process returning status was stopped."},
    {"WSTOPSIG", px_WSTOPSIG, 0, "Return the signal that stopped the process that provided the status value."},
    {"WCOREDUMP", px_WCOREDUMP, 0, "Return True if the process returning status was dumped to a core file."},
    {"WIFCONTINUED", px_WIFCONTINUED, 0, "Return True if a particular process was continued from a job control stop."},
    {"waitstatus_to_exitcode", px_waitstatus_to_exitcode, 0, "Convert a wait status to an exit code."},
    {"get_terminal_size", px_get_terminal_size, 0, "Return the size of the terminal window as (columns, lines)."},
    {"times", px_times, 0, "Return a collection containing process timing information."},
    {"fspath", px_fspath, 0, "Return the file system path representation of the object."},
    {"uname", px_uname, 0, "Return an object identifying the current operating system."},
    {NULL, NULL, 0, NULL},
};

#include <sys/utsname.h>
static Obj *px_uname(Obj *self, Obj *const *args, size_t nargs, Obj *kw)
{
    struct utsname u;
    if (args_no_kw("uname", kw) < 0 || args_count("uname", nargs, 0, 0) < 0) return NULL;
    if (uname(&u) < 0) return err_from_errno(&Exc_OSError);
    Obj *v[5] = {str_from_cstr(u.sysname), str_from_cstr(u.nodename), str_from_cstr(u.release),
                 str_from_cstr(u.version), str_from_cstr(u.machine)};
    Obj *r = v[0] && v[1] && v[2] && v[3] && v[4] ? tuple_pack(5, v[0], v[1], v[2], v[3], v[4]) : NULL;
    for (int i = 0; i < 5; i++) XDECREF(v[i]);
    return make_result(self, "uname_result", r);
}

Obj *module_init_posix(void)
{
    Obj *m = module_new("posix");
    if (!m) return NULL;
    if (module_add_functions(m, posix_methods) < 0) goto fail;
    static const struct { const char *name; long long v; } consts[] = {
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_APPEND", O_APPEND},
        {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK},
        {"O_NDELAY", O_NDELAY}, {"O_SYNC", O_SYNC}, {"O_DSYNC", O_DSYNC}, {"O_NOCTTY", O_NOCTTY},
        {"O_CLOEXEC", O_CLOEXEC}, {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW},
        {"O_ACCMODE", O_ACCMODE},
        {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
        {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
        {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
        {"EX_OK", 0}, {"EX_USAGE", 64}, {"EX_DATAERR", 65}, {"EX_NOINPUT", 66}, {"EX_SOFTWARE", 70},
        {"EX_OSERR", 71}, {"EX_IOERR", 74}, {"EX_TEMPFAIL", 75}, {"EX_NOPERM", 77}, {"EX_CONFIG", 78},
        {"P_PID", P_PID}, {"P_ALL", P_ALL},
    };
    for (size_t i = 0; i < ARRAY_LEN(consts); i++)
        if (module_add_int(m, consts[i].name, consts[i].v) < 0) goto fail;
    if (module_add(m, "environ", make_environ()) < 0) goto fail;
    INCREF(&Exc_OSError);
    if (module_add(m, "error", OBJ(&Exc_OSError)) < 0) goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
