/* io_string.c — io.StringIO and io.BytesIO (in-memory streams).
 *
 * StringIO keeps UTF-8 text plus the position both in code points (`pos`,
 * what tell() reports) and in bytes (`bpos`).  While everything written is
 * ASCII (the common case) the two are equal and no scanning is needed.
 */
#include "gilpy.h"
#include "modules/io.h"

typedef struct {
    OBJ_HEAD;
    char *buf;
    ssize_t size, cap;      /* bytes */
    ssize_t len;            /* code points */
    ssize_t pos, bpos;      /* position (pos may exceed len after seek) */
    int ascii;
    int closed;
    int translate;          /* newline=None: \r\n and \r -> \n on write */
    Obj *dict;
} StringIOObj;

typedef struct {
    OBJ_HEAD;
    char *buf;
    ssize_t size, cap, pos;
    int closed;
    Obj *dict;
} BytesIOObj;

static int grow(char **buf, ssize_t *cap, ssize_t need)
{
    if (need <= *cap) return 0;
    ssize_t nc = *cap ? *cap : 64;
    while (nc < need) nc *= 2;
    char *nb = mem_realloc(*buf, (size_t)nc);
    if (!nb) return -1;
    *buf = nb;
    *cap = nc;
    return 0;
}

/* CPython words it with a period for BytesIO and without for StringIO. */
static Obj *closed_err(bool bytesio)
{
    return err_set_str(&Exc_ValueError, bytesio ? "I/O operation on closed file." : "I/O operation on closed file");
}

/* writelines() of both StringIO and BytesIO: write(x) for each item. */
static Obj *write_each(Obj *self, Obj *iterable, cmethod write)
{
    Obj *it = obj_iter(iterable);
    if (!it) return NULL;
    Obj *x;
    while ((x = obj_iternext(it)) != NULL) {
        Obj *r = write(self, &x, 1, NULL);
        DECREF(x);
        if (!r) { DECREF(it); return NULL; }
        DECREF(r);
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    RETURN_NONE;
}

/* ======================================================================
 * StringIO
 * ====================================================================== */
#define SIO ((StringIOObj *)self)

/* byte offset of code point k (k <= len) */
static ssize_t sio_byte_at(StringIOObj *s, ssize_t k)
{
    if (s->ascii) return k;
    ssize_t b = 0, cp = 0;
    if (k >= s->pos && s->pos <= s->len) { b = s->bpos; cp = s->pos; }
    while (cp < k && b < s->size) {
        b++;
        while (b < s->size && ((unsigned char)s->buf[b] & 0xC0) == 0x80) b++;
        cp++;
    }
    return b;
}

static int sio_write_utf8(StringIOObj *s, const char *p, ssize_t n, ssize_t ncp, int ascii)
{
    if (s->pos > s->len) {      /* pad with NULs */
        ssize_t pad = s->pos - s->len;
        if (grow(&s->buf, &s->cap, s->size + pad + 1) < 0) return -1;
        memset(s->buf + s->size, 0, (size_t)pad);
        s->size += pad;
        s->len += pad;
        s->bpos = s->size;
    }
    ssize_t start = s->bpos;
    ssize_t ncover = ncp < s->len - s->pos ? ncp : s->len - s->pos;
    ssize_t end = sio_byte_at(s, s->pos + ncover);
    ssize_t newsize = s->size - (end - start) + n;
    if (grow(&s->buf, &s->cap, newsize + 1) < 0) return -1;
    memmove(s->buf + start + n, s->buf + end, (size_t)(s->size - end));
    memcpy(s->buf + start, p, (size_t)n);
    s->size = newsize;
    s->len += ncp - ncover;
    s->pos += ncp;
    s->bpos = start + n;
    if (!ascii) s->ascii = 0;
    return 0;
}

static int sio_write_str(StringIOObj *s, Obj *str)
{
    if (s->translate && memchr(STR_DATA(str), '\r', (size_t)STR_SIZE(str))) {
        const char *p = STR_DATA(str);
        ssize_t n = STR_SIZE(str), o = 0, removed = 0;
        char *tmp = mem_alloc((size_t)n + 1);
        if (!tmp) return -1;
        for (ssize_t i = 0; i < n; i++) {
            if (p[i] == '\r') {
                tmp[o++] = '\n';
                if (i + 1 < n && p[i + 1] == '\n') { i++; removed++; }
            } else {
                tmp[o++] = p[i];
            }
        }
        int r = sio_write_utf8(s, tmp, o, STR_LEN(str) - removed, ((StrObj *)str)->ascii);
        mem_free(tmp);
        return r;
    }
    return sio_write_utf8(s, STR_DATA(str), STR_SIZE(str), STR_LEN(str), ((StrObj *)str)->ascii);
}

static Obj *sio_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"initial_value", "newline"};
    Obj *a[2];
    if (args_parse("StringIO", args, nargs, kwnames, names, 2, 0, 2, a) < 0) return NULL;
    Obj *init = a[0] && a[0] != None ? a[0] : NULL;
    if (init && !str_check(init))
        return err_format(&Exc_TypeError, "initial_value must be str or None, not %T", init);
    int translate = 0;
    if (a[1]) {
        if (a[1] == None) translate = 1;
        else if (!str_check(a[1]))
            return err_format(&Exc_TypeError, "newline must be str or None, not %T", a[1]);
        else {
            const char *nl = STR_DATA(a[1]);
            if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n"))
                return err_format(&Exc_ValueError, "illegal newline value: %R", a[1]);
        }
    }
    StringIOObj *s = (StringIOObj *)obj_alloc(type, 0);
    if (!s) return NULL;
    s->ascii = 1;
    s->translate = translate;
    if (init) {
        if (sio_write_str(s, init) < 0) { DECREF(s); return NULL; }
        s->pos = s->bpos = 0;
    }
    return OBJ(s);
}

static int sio_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return 0;
}

static void sio_dealloc(Obj *self)
{
    mem_free(SIO->buf);
    XDECREF(SIO->dict);
    obj_free(self);
}

#define SIO_CHECK() do { if (SIO->closed) return closed_err(false); } while (0)

static Obj *sio_getvalue(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SIO_CHECK();
    return str_from_utf8(SIO->buf ? SIO->buf : "", SIO->size);
}

static Obj *sio_take(StringIOObj *s, ssize_t n)
{
    if (s->pos >= s->len) return str_from_cstr("");
    if (n < 0 || n > s->len - s->pos) n = s->len - s->pos;
    ssize_t b0 = s->bpos, b1 = sio_byte_at(s, s->pos + n);
    Obj *r = str_from_utf8(s->buf + b0, b1 - b0);
    if (r) { s->pos += n; s->bpos = b1; }
    return r;
}

static int size_arg(Obj *const *args, size_t nargs, ssize_t *out)
{
    *out = -1;
    if (nargs == 0 || args[0] == None) return 0;
    if (float_check(args[0])) {
        err_format(&Exc_TypeError, "argument should be integer or None, not '%T'", args[0]);
        return -1;
    }
    ssize_t v = obj_as_ssize(args[0], &Exc_OverflowError);
    if (v == -1 && err_occurred()) return -1;
    *out = v;
    return 0;
}

static Obj *sio_read(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("read", kwnames) < 0 || args_count("read", nargs, 0, 1) < 0) return NULL;
    ssize_t n;
    if (size_arg(args, nargs, &n) < 0) return NULL;
    SIO_CHECK();
    return sio_take(SIO, n);
}

static Obj *sio_readline_impl(StringIOObj *s, ssize_t limit)
{
    if (s->pos >= s->len) return str_from_cstr("");
    ssize_t start = s->bpos;
    const char *p = s->buf + start;
    const char *nl = memchr(p, '\n', (size_t)(s->size - start));
    ssize_t bend = nl ? (nl - s->buf) + 1 : s->size;
    if (limit >= 0) {
        ssize_t lim_b = sio_byte_at(s, s->pos + (limit < s->len - s->pos ? limit : s->len - s->pos));
        if (lim_b < bend) bend = lim_b;
    }
    /* count code points in [start, bend) */
    ssize_t ncp = 0;
    if (s->ascii) ncp = bend - start;
    else
        for (ssize_t i = start; i < bend; i++)
            if (((unsigned char)s->buf[i] & 0xC0) != 0x80) ncp++;
    Obj *r = str_from_utf8(p, bend - start);
    if (r) { s->pos += ncp; s->bpos = bend; }
    return r;
}

static Obj *sio_readline(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("readline", kwnames) < 0 || args_count("readline", nargs, 0, 1) < 0) return NULL;
    ssize_t n;
    if (size_arg(args, nargs, &n) < 0) return NULL;
    SIO_CHECK();
    return sio_readline_impl(SIO, n);
}

static Obj *sio_readlines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ssize_t hint;
    if (args_count("readlines", nargs, 0, 1) < 0 || size_arg(args, nargs, &hint) < 0) return NULL;
    SIO_CHECK();
    Obj *l = list_new(0);
    if (!l) return NULL;
    ssize_t total = 0;
    for (;;) {
        Obj *line = sio_readline_impl(SIO, -1);
        if (!line) { DECREF(l); return NULL; }
        if (STR_LEN(line) == 0) { DECREF(line); break; }
        total += STR_LEN(line);
        int r = list_append(l, line);
        DECREF(line);
        if (r < 0) { DECREF(l); return NULL; }
        if (hint > 0 && total >= hint) break;
    }
    return l;
}

static Obj *sio_write(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("write", kwnames) < 0 || args_count("write", nargs, 1, 1) < 0) return NULL;
    if (!str_check(args[0]))
        return err_format(&Exc_TypeError, "string argument expected, got '%T'", args[0]);
    SIO_CHECK();
    if (sio_write_str(SIO, args[0]) < 0) return NULL;
    return int_from_ssize(STR_LEN(args[0]));
}

static Obj *sio_writelines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("writelines", nargs, 1, 1) < 0) return NULL;
    /* writelines comes from IOBase in CPython, whose message has the period. */
    if (SIO->closed) return closed_err(true);
    return write_each(self, args[0], sio_write);
}

static Obj *sio_seek(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("seek", kwnames) < 0 || args_count("seek", nargs, 1, 2) < 0) return NULL;
    ssize_t pos = obj_as_ssize(args[0], &Exc_OverflowError);
    if (pos == -1 && err_occurred()) return NULL;
    ssize_t whence = 0;
    if (nargs > 1) {
        whence = obj_as_ssize(args[1], &Exc_OverflowError);
        if (whence == -1 && err_occurred()) return NULL;
    }
    SIO_CHECK();
    if (whence < 0 || whence > 2)
        return err_format(&Exc_ValueError, "Invalid whence (%zd, should be 0, 1 or 2)", whence);
    if (whence == 0 && pos < 0) return err_format(&Exc_ValueError, "Negative seek position %zd", pos);
    if (whence == 1 && pos != 0) return err_set_str(&Exc_OSError, "Can't do nonzero cur-relative seeks");
    if (whence == 2 && pos != 0) return err_set_str(&Exc_OSError, "Can't do nonzero end-relative seeks");
    if (whence == 1) pos = SIO->pos;
    if (whence == 2) pos = SIO->len;
    if (pos <= SIO->len) {
        SIO->bpos = sio_byte_at(SIO, pos);
    } else {
        SIO->bpos = SIO->size;
    }
    SIO->pos = pos;
    return int_from_ssize(pos);
}

static Obj *sio_tell(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SIO_CHECK();
    return int_from_ssize(SIO->pos);
}

static Obj *sio_truncate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("truncate", nargs, 0, 1) < 0) return NULL;
    SIO_CHECK();
    ssize_t size;
    if (size_arg(args, nargs, &size) < 0) return NULL;
    if (nargs == 0 || args[0] == None) size = SIO->pos;
    if (size < 0) return err_format(&Exc_ValueError, "Negative size value %zd", size);
    if (size < SIO->len) {
        ssize_t b = sio_byte_at(SIO, size);
        SIO->size = b;
        SIO->len = size;
        if (SIO->pos <= SIO->len) SIO->bpos = sio_byte_at(SIO, SIO->pos);
        else SIO->bpos = SIO->size;
    }
    return int_from_ssize(size);
}

static Obj *sio_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SIO->closed = 1;
    RETURN_NONE;
}

static Obj *sio_true_checked(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SIO_CHECK();
    RETURN_BOOL(1);
}

static Obj *sio_false_checked(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SIO_CHECK();
    RETURN_BOOL(0);
}

static Obj *sio_flush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SIO_CHECK();
    RETURN_NONE;
}

static Obj *sio_enter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SIO_CHECK();
    return NEWREF(self);
}

static Obj *sio_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SIO->closed = 1;
    RETURN_NONE;
}

static Obj *sio_iter(Obj *self)
{
    SIO_CHECK();
    return NEWREF(self);
}

static Obj *sio_iternext(Obj *self)
{
    SIO_CHECK();
    Obj *line = sio_readline_impl(SIO, -1);
    if (!line) return NULL;
    if (STR_LEN(line) == 0) { DECREF(line); return NULL; }
    return line;
}

static Obj *sio_get_closed(Obj *self, void *c) { RETURN_BOOL(SIO->closed); }
static Obj *sio_get_none(Obj *self, void *c) { RETURN_NONE; }
static Obj *sio_get_false(Obj *self, void *c) { RETURN_BOOL(0); }

static MethodDef sio_methods[] = {
    {"getvalue", sio_getvalue, 0, NULL},
    {"read", sio_read, 0, NULL},
    {"readline", sio_readline, 0, NULL},
    {"readlines", sio_readlines, 0, NULL},
    {"write", sio_write, 0, NULL},
    {"writelines", sio_writelines, 0, NULL},
    {"seek", sio_seek, 0, NULL},
    {"tell", sio_tell, 0, NULL},
    {"truncate", sio_truncate, 0, NULL},
    {"close", sio_close, 0, NULL},
    {"flush", sio_flush, 0, NULL},
    {"readable", sio_true_checked, 0, NULL},
    {"writable", sio_true_checked, 0, NULL},
    {"seekable", sio_true_checked, 0, NULL},
    {"isatty", sio_false_checked, 0, NULL},
    {"__enter__", sio_enter, 0, NULL},
    {"__exit__", sio_exit, 0, NULL},
    {NULL}
};

static GetSetDef sio_getset[] = {
    {"closed", sio_get_closed, NULL, NULL, NULL},
    {"newlines", sio_get_none, NULL, NULL, NULL},
    {"encoding", sio_get_none, NULL, NULL, NULL},
    {"errors", sio_get_none, NULL, NULL, NULL},
    {"line_buffering", sio_get_false, NULL, NULL, NULL},
    {NULL}
};

TypeObj StringIO_Type = {
    TYPE_HEAD_INIT,
    .name = "_io.StringIO",
    .basicsize = sizeof(StringIOObj),
    .flags = TF_BASETYPE,
    .dealloc = sio_dealloc,
    .iter = sio_iter,
    .iternext = sio_iternext,
    .new_ = sio_new,
    .init = sio_init,
    .methods = sio_methods,
    .getset = sio_getset,
    .base = &IOBase_Type,
    .dictoffset = offsetof(StringIOObj, dict),
};

/* ======================================================================
 * BytesIO
 * ====================================================================== */
#define BIO ((BytesIOObj *)self)
#define BIO_CHECK() do { if (BIO->closed) return closed_err(true); } while (0)

static const char *bytes_like(Obj *o, ssize_t *n)
{
    if (bytes_check(o)) { *n = BYTES_SIZE(o); return BYTES_DATA(o); }
    if (!IS_SMALLINT(o) && type_is_subtype(TYPE(o), &ByteArray_Type)) {
        *n = ((ByteArrayObj *)o)->size;
        return ((ByteArrayObj *)o)->data ? ((ByteArrayObj *)o)->data : "";
    }
    err_format(&Exc_TypeError, "a bytes-like object is required, not '%T'", o);
    return NULL;
}

static int bio_write_raw(BytesIOObj *b, const char *p, ssize_t n)
{
    ssize_t end = b->pos + n;
    if (grow(&b->buf, &b->cap, end + 1) < 0) return -1;
    if (b->pos > b->size) memset(b->buf + b->size, 0, (size_t)(b->pos - b->size));
    memcpy(b->buf + b->pos, p, (size_t)n);
    b->pos = end;
    if (end > b->size) b->size = end;
    return 0;
}

static Obj *bio_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"initial_bytes"};
    Obj *a[1];
    if (args_parse("BytesIO", args, nargs, kwnames, names, 1, 0, 1, a) < 0) return NULL;
    ssize_t n = 0;
    const char *p = NULL;
    if (a[0] && a[0] != None) {
        p = bytes_like(a[0], &n);
        if (!p) return NULL;
    }
    BytesIOObj *b = (BytesIOObj *)obj_alloc(type, 0);
    if (!b) return NULL;
    if (p && bio_write_raw(b, p, n) < 0) { DECREF(b); return NULL; }
    b->pos = 0;
    return OBJ(b);
}

static void bio_dealloc(Obj *self)
{
    mem_free(BIO->buf);
    XDECREF(BIO->dict);
    obj_free(self);
}

static Obj *bio_getvalue(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BIO_CHECK();
    return bytes_from(BIO->buf ? BIO->buf : "", BIO->size);
}

static Obj *bio_take(BytesIOObj *b, ssize_t n)
{
    ssize_t avail = b->size - b->pos;
    if (avail < 0) avail = 0;
    if (n < 0 || n > avail) n = avail;
    Obj *r = bytes_from(n ? b->buf + b->pos : "", n);
    if (r) b->pos += n;
    return r;
}

static Obj *bio_read(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("read", kwnames) < 0 || args_count("read", nargs, 0, 1) < 0) return NULL;
    ssize_t n;
    if (size_arg(args, nargs, &n) < 0) return NULL;
    BIO_CHECK();
    return bio_take(BIO, n);
}

static Obj *bio_readline_impl(BytesIOObj *b, ssize_t limit)
{
    ssize_t avail = b->size - b->pos;
    if (avail <= 0) return bytes_from("", 0);
    if (limit >= 0 && limit < avail) avail = limit;
    const char *p = b->buf + b->pos;
    const char *nl = memchr(p, '\n', (size_t)avail);
    ssize_t n = nl ? nl - p + 1 : avail;
    return bio_take(b, n);
}

static Obj *bio_readline(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("readline", kwnames) < 0 || args_count("readline", nargs, 0, 1) < 0) return NULL;
    ssize_t n;
    if (size_arg(args, nargs, &n) < 0) return NULL;
    BIO_CHECK();
    return bio_readline_impl(BIO, n);
}

static Obj *bio_readlines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    ssize_t hint;
    if (args_count("readlines", nargs, 0, 1) < 0 || size_arg(args, nargs, &hint) < 0) return NULL;
    BIO_CHECK();
    Obj *l = list_new(0);
    if (!l) return NULL;
    ssize_t total = 0;
    for (;;) {
        Obj *line = bio_readline_impl(BIO, -1);
        if (!line) { DECREF(l); return NULL; }
        if (BYTES_SIZE(line) == 0) { DECREF(line); break; }
        total += BYTES_SIZE(line);
        int r = list_append(l, line);
        DECREF(line);
        if (r < 0) { DECREF(l); return NULL; }
        if (hint > 0 && total >= hint) break;
    }
    return l;
}

static Obj *bio_readinto(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("readinto", nargs, 1, 1) < 0) return NULL;
    Obj *o = args[0];
    if (IS_SMALLINT(o) || !type_is_subtype(TYPE(o), &ByteArray_Type))
        return err_format(&Exc_TypeError, "readinto() argument must be read-write bytes-like object, not %T", o);
    BIO_CHECK();
    ByteArrayObj *ba = (ByteArrayObj *)o;
    ssize_t avail = BIO->size - BIO->pos;
    if (avail < 0) avail = 0;
    ssize_t n = ba->size < avail ? ba->size : avail;
    if (n) memcpy(ba->data, BIO->buf + BIO->pos, (size_t)n);
    BIO->pos += n;
    return int_from_ssize(n);
}

static Obj *bio_write(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("write", kwnames) < 0 || args_count("write", nargs, 1, 1) < 0) return NULL;
    BIO_CHECK();
    ssize_t n;
    const char *p = bytes_like(args[0], &n);
    if (!p) return NULL;
    if (n && bio_write_raw(BIO, p, n) < 0) return NULL;
    return int_from_ssize(n);
}

static Obj *bio_writelines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("writelines", nargs, 1, 1) < 0) return NULL;
    BIO_CHECK();
    return write_each(self, args[0], bio_write);
}

static Obj *bio_seek(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("seek", kwnames) < 0 || args_count("seek", nargs, 1, 2) < 0) return NULL;
    ssize_t pos = obj_as_ssize(args[0], &Exc_OverflowError);
    if (pos == -1 && err_occurred()) return NULL;
    ssize_t whence = 0;
    if (nargs > 1) {
        whence = obj_as_ssize(args[1], &Exc_OverflowError);
        if (whence == -1 && err_occurred()) return NULL;
    }
    BIO_CHECK();
    if (whence < 0 || whence > 2)
        return err_format(&Exc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
    if (whence == 0 && pos < 0) return err_format(&Exc_ValueError, "negative seek value %zd", pos);
    if (whence == 1) pos += BIO->pos;
    if (whence == 2) pos += BIO->size;
    if (pos < 0) pos = 0;
    BIO->pos = pos;
    return int_from_ssize(pos);
}

static Obj *bio_tell(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BIO_CHECK();
    return int_from_ssize(BIO->pos);
}

static Obj *bio_truncate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_count("truncate", nargs, 0, 1) < 0) return NULL;
    BIO_CHECK();
    ssize_t size;
    if (size_arg(args, nargs, &size) < 0) return NULL;
    if (nargs == 0 || args[0] == None) size = BIO->pos;
    if (size < 0) return err_format(&Exc_ValueError, "negative size value %zd", size);
    if (size < BIO->size) BIO->size = size;
    return int_from_ssize(size);
}

static Obj *bio_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BIO->closed = 1;
    RETURN_NONE;
}

static Obj *bio_true_checked(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BIO_CHECK();
    RETURN_BOOL(1);
}

static Obj *bio_false_checked(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BIO_CHECK();
    RETURN_BOOL(0);
}

static Obj *bio_flush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BIO_CHECK();
    RETURN_NONE;
}

static Obj *bio_enter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    BIO_CHECK();
    return NEWREF(self);
}

static Obj *bio_iter(Obj *self)
{
    BIO_CHECK();
    return NEWREF(self);
}

static Obj *bio_iternext(Obj *self)
{
    BIO_CHECK();
    Obj *line = bio_readline_impl(BIO, -1);
    if (!line) return NULL;
    if (BYTES_SIZE(line) == 0) { DECREF(line); return NULL; }
    return line;
}

static Obj *bio_get_closed(Obj *self, void *c) { RETURN_BOOL(BIO->closed); }

static MethodDef bio_methods[] = {
    {"getvalue", bio_getvalue, 0, NULL},
    {"read", bio_read, 0, NULL},
    {"read1", bio_read, 0, NULL},
    {"readline", bio_readline, 0, NULL},
    {"readlines", bio_readlines, 0, NULL},
    {"readinto", bio_readinto, 0, NULL},
    {"write", bio_write, 0, NULL},
    {"writelines", bio_writelines, 0, NULL},
    {"seek", bio_seek, 0, NULL},
    {"tell", bio_tell, 0, NULL},
    {"truncate", bio_truncate, 0, NULL},
    {"close", bio_close, 0, NULL},
    {"flush", bio_flush, 0, NULL},
    {"readable", bio_true_checked, 0, NULL},
    {"writable", bio_true_checked, 0, NULL},
    {"seekable", bio_true_checked, 0, NULL},
    {"isatty", bio_false_checked, 0, NULL},
    {"__enter__", bio_enter, 0, NULL},
    {"__exit__", bio_close, 0, NULL},
    {NULL}
};

static GetSetDef bio_getset[] = {
    {"closed", bio_get_closed, NULL, NULL, NULL},
    {NULL}
};

TypeObj BytesIO_Type = {
    TYPE_HEAD_INIT,
    .name = "_io.BytesIO",
    .basicsize = sizeof(BytesIOObj),
    .flags = TF_BASETYPE,
    .dealloc = bio_dealloc,
    .iter = bio_iter,
    .iternext = bio_iternext,
    .new_ = bio_new,
    .init = sio_init,
    .methods = bio_methods,
    .getset = bio_getset,
    .base = &IOBase_Type,
    .dictoffset = offsetof(BytesIOObj, dict),
};
