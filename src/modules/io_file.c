/* io_file.c — file objects: FileIO, BufferedReader/Writer/Random and
 * TextIOWrapper, all one C struct (FileObj) with a `kind`.
 *
 * Design note.  A binary file object (FileIO or Buffered*) owns the fd, a read
 * buffer and a write buffer.  A TextIOWrapper owns a binary file object
 * (`buffer`) and keeps NO decoded-text buffer of its own: it decodes straight
 * out of the binary object's read buffer and encodes straight into its write
 * buffer.  That keeps tell()/seek() exact (text position == byte position),
 * makes `sys.stdout.buffer.write()` interleave correctly with print(), and
 * gives print() a C fast path (io_text_write_utf8) with no Python-level call.
 *
 * Universal newlines (newline=None) translate "\r\n" and "\r" to "\n" while
 * reading; a "\r" at the end of the buffer peeks at the next byte with one
 * more read.
 *
 * Every open buffered writer sits on a process-wide list so io_flush_all()
 * can flush them at exit (like the fd table, this is process state).
 *
 * Blocking syscalls (read/write) are marked "GIL: release here" for issue 4.
 */
#include "gilpy.h"
#include "modules/io.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

enum { K_RAW, K_BUFFERED, K_TEXT };
enum { NL_UNIVERSAL, NL_UNTRANSLATED, NL_LF, NL_CR, NL_CRLF };
#define DEFAULT_BUFSIZE 8192

typedef struct FileObj {
    OBJ_HEAD;
    int kind;
    int fd;
    unsigned readable : 1, writable : 1, appending : 1, closefd : 1, closed : 1,
        line_buffering : 1, write_through : 1, utf8 : 1;
    int seekable;            /* -1 unknown */
    Obj *name;               /* str / int / bytes */
    Obj *mode;               /* str as reported by .mode */
    /* binary layer */
    char *rbuf;
    ssize_t rpos, rlen, rcap;
    char *wbuf;
    ssize_t wlen, wcap;
    ssize_t bufsize;         /* 0 = unbuffered (FileIO) */
    /* text layer */
    struct FileObj *buffer;  /* owned */
    Obj *encoding, *errors;
    int newline;
    Obj *dict;
    struct FileObj *next_open, *prev_open;
} FileObj;

static FileObj *open_list;

static void track_open(FileObj *f)
{
    f->next_open = open_list;
    f->prev_open = NULL;
    if (open_list) open_list->prev_open = f;
    open_list = f;
}

static void untrack_open(FileObj *f)
{
    if (f->prev_open) f->prev_open->next_open = f->next_open;
    else if (open_list == f) open_list = f->next_open;
    if (f->next_open) f->next_open->prev_open = f->prev_open;
    f->next_open = f->prev_open = NULL;
}

TypeObj *io_UnsupportedOperation;

static Obj *unsupported(const char *msg)
{
    io_register_unsupported();
    if (!io_UnsupportedOperation) return NULL;
    return err_set_str(io_UnsupportedOperation, msg);
}

bool io_is_textfile(Obj *f)
{
    return TYPE(f) == &TextIOWrapper_Type;
}

/* ---- raw fd operations ------------------------------------------------- */

static ssize_t raw_read(FileObj *b, char *buf, ssize_t n)
{
    for (;;) {
        /* GIL: release here */
        ssize_t r = read(b->fd, buf, (size_t)n);
        if (r >= 0) return r;
        if (errno == EINTR) continue;   /* TODO(issue 4): run signal handlers */
        if (errno == EAGAIN) return -2;
        err_from_errno(&Exc_OSError);
        return -1;
    }
}

static int raw_write_all(FileObj *b, const char *p, ssize_t n)
{
    while (n > 0) {
        /* GIL: release here */
        ssize_t r = write(b->fd, p, (size_t)n);
        if (r < 0) {
            if (errno == EINTR) continue;
            err_from_errno(&Exc_OSError);
            return -1;
        }
        p += r;
        n -= r;
    }
    return 0;
}

/* ---- binary layer ------------------------------------------------------ */

static int b_flush(FileObj *b)
{
    if (b->wlen == 0) return 0;
    ssize_t n = b->wlen;
    b->wlen = 0;
    return raw_write_all(b, b->wbuf, n);
}

/* Drop read-ahead, moving the fd position back to the logical position. */
static int b_drop_read(FileObj *b)
{
    if (b->rpos < b->rlen && b->seekable != 0) {
        if (lseek(b->fd, -(off_t)(b->rlen - b->rpos), SEEK_CUR) < 0) {
            b->seekable = 0;
        }
    }
    b->rpos = b->rlen = 0;
    return 0;
}

static int ensure_rbuf(FileObj *b)
{
    if (b->rbuf) return 0;
    b->rcap = b->bufsize > 0 ? b->bufsize : DEFAULT_BUFSIZE;
    b->rbuf = mem_alloc((size_t)b->rcap);
    return b->rbuf ? 0 : -1;
}

/* Refill when empty.  Returns bytes now available, 0 at EOF, -1 error. */
static ssize_t b_fill(FileObj *b)
{
    if (b->rpos < b->rlen) return b->rlen - b->rpos;
    if (b->wlen && b_flush(b) < 0) return -1;
    if (ensure_rbuf(b) < 0) return -1;
    b->rpos = b->rlen = 0;
    ssize_t r = raw_read(b, b->rbuf, b->rcap);
    if (r == -2) return 0;
    if (r < 0) return -1;
    b->rlen = r;
    return r;
}

static Obj *b_read(FileObj *b, ssize_t n)
{
    if (b->wlen && b_flush(b) < 0) return NULL;
    if (n < 0) {
        ssize_t cap = DEFAULT_BUFSIZE, len = 0;
        struct stat st;
        if (fstat(b->fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) cap = (ssize_t)st.st_size + 1;
        char *buf = mem_alloc((size_t)cap);
        if (!buf) return NULL;
        ssize_t avail = b->rlen - b->rpos;
        if (avail > 0) {
            if (avail > cap) {
                char *nb = mem_realloc(buf, (size_t)avail * 2);
                if (!nb) { mem_free(buf); return NULL; }
                buf = nb;
                cap = avail * 2;
            }
            memcpy(buf, b->rbuf + b->rpos, (size_t)avail);
            len = avail;
        }
        b->rpos = b->rlen = 0;
        for (;;) {
            if (len == cap) {
                char *nb = mem_realloc(buf, (size_t)cap * 2);
                if (!nb) { mem_free(buf); return NULL; }
                buf = nb;
                cap *= 2;
            }
            ssize_t r = raw_read(b, buf + len, cap - len);
            if (r == -2) {
                if (len == 0) { mem_free(buf); RETURN_NONE; }
                break;
            }
            if (r < 0) { mem_free(buf); return NULL; }
            if (r == 0) break;
            len += r;
        }
        Obj *res = bytes_from(buf, len);
        mem_free(buf);
        return res;
    }
    char *out = mem_alloc((size_t)n + 1);
    if (!out) return NULL;
    ssize_t got = 0;
    ssize_t avail = b->rlen - b->rpos;
    if (avail > 0) {
        ssize_t k = avail < n ? avail : n;
        memcpy(out, b->rbuf + b->rpos, (size_t)k);
        b->rpos += k;
        got = k;
    }
    while (got < n) {
        ssize_t r;
        if (n - got >= (b->rcap ? b->rcap : DEFAULT_BUFSIZE) || b->bufsize == 0) {
            r = raw_read(b, out + got, n - got);
            if (r == -2) { if (got == 0) { mem_free(out); RETURN_NONE; } break; }
            if (r < 0) { mem_free(out); return NULL; }
            if (r == 0) break;
            got += r;
            if (b->bufsize == 0) break;   /* raw read: one syscall */
        } else {
            r = b_fill(b);
            if (r < 0) { mem_free(out); return NULL; }
            if (r == 0) break;
            ssize_t k = r < n - got ? r : n - got;
            memcpy(out + got, b->rbuf + b->rpos, (size_t)k);
            b->rpos += k;
            got += k;
        }
    }
    Obj *res = bytes_from(out, got);
    mem_free(out);
    return res;
}

static int b_write(FileObj *b, const char *p, ssize_t n)
{
    if (b->rlen) b_drop_read(b);
    if (b->bufsize == 0) return raw_write_all(b, p, n);
    if (!b->wbuf) {
        b->wcap = b->bufsize;
        b->wbuf = mem_alloc((size_t)b->wcap);
        if (!b->wbuf) return -1;
    }
    if (b->wlen + n > b->wcap) {
        if (b_flush(b) < 0) return -1;
        if (n >= b->wcap) return raw_write_all(b, p, n);
    }
    memcpy(b->wbuf + b->wlen, p, (size_t)n);
    b->wlen += n;
    return 0;
}

static off_t b_tell(FileObj *b)
{
    off_t pos = lseek(b->fd, 0, SEEK_CUR);
    if (pos < 0) {
        err_from_errno(&Exc_OSError);
        return -1;
    }
    return pos - (b->rlen - b->rpos) + b->wlen;
}

static off_t b_seek(FileObj *b, off_t off, int whence)
{
    if (b_flush(b) < 0) return -1;
    if (whence == SEEK_CUR) off -= (b->rlen - b->rpos);
    b->rpos = b->rlen = 0;
    off_t r = lseek(b->fd, off, whence);
    if (r < 0) {
        err_from_errno(&Exc_OSError);
        return -1;
    }
    return r;
}

static int b_close(FileObj *b)
{
    if (b->closed) return 0;
    int rc = b_flush(b);
    Obj *exc = rc < 0 ? err_fetch() : NULL;
    b->closed = 1;
    untrack_open(b);
    if (b->closefd && b->fd >= 0) {
        if (close(b->fd) < 0 && !exc) {
            err_from_errno(&Exc_OSError);
            exc = err_fetch();
        }
    }
    b->fd = -1;
    mem_free(b->rbuf);
    mem_free(b->wbuf);
    b->rbuf = b->wbuf = NULL;
    b->rpos = b->rlen = b->wlen = 0;
    if (exc) { err_restore(exc); return -1; }
    return 0;
}

/* ---- construction ------------------------------------------------------ */

static FileObj *file_alloc(TypeObj *t)
{
    FileObj *f = (FileObj *)obj_alloc(t, 0);
    if (!f) return NULL;
    f->fd = -1;
    f->seekable = -1;
    return f;
}

static FileObj *binary_new(TypeObj *t, int fd, Obj *name, const char *rawmode, int readable,
                           int writable, int appending, int closefd, ssize_t bufsize)
{
    FileObj *b = file_alloc(t);
    if (!b) return NULL;
    b->kind = bufsize == 0 ? K_RAW : K_BUFFERED;
    b->fd = fd;
    b->readable = readable;
    b->writable = writable;
    b->appending = appending;
    b->closefd = closefd;
    b->bufsize = bufsize;
    b->name = NEWREF(name);
    b->mode = str_from_cstr(rawmode);
    if (!b->mode) { b->closefd = 0; DECREF(b); return NULL; }
    track_open(b);
    return b;
}

static FileObj *text_new(FileObj *buf, Obj *name, Obj *mode, const char *encoding,
                         const char *errors, int newline, int line_buffering)
{
    FileObj *t = file_alloc(&TextIOWrapper_Type);
    if (!t) return NULL;
    t->kind = K_TEXT;
    t->buffer = buf;
    INCREF(buf);
    t->fd = buf->fd;
    t->readable = buf->readable;
    t->writable = buf->writable;
    t->closefd = buf->closefd;
    t->name = NEWREF(name);
    t->mode = NEWREF(mode);
    t->encoding = str_from_cstr(encoding);
    t->errors = str_from_cstr(errors);
    t->newline = newline;
    t->line_buffering = line_buffering;
    t->utf8 = strcasecmp(encoding, "utf-8") == 0 || strcasecmp(encoding, "utf8") == 0;
    if (!t->encoding || !t->errors) { DECREF(t); return NULL; }
    return t;
}

Obj *io_open_fd(int fd, const char *mode, int line_buffering)
{
    int w = strchr(mode, 'w') != NULL || strchr(mode, 'a') != NULL;
    int unbuf = w && interp_get()->config.unbuffered;
    const char *names[3] = {"<stdin>", "<stdout>", "<stderr>"};
    Obj *name = fd >= 0 && fd <= 2 ? str_from_cstr(names[fd]) : int_from_long(fd);
    if (!name) return NULL;
    FileObj *b = binary_new(w ? &BufferedWriter_Type : &BufferedReader_Type, fd, name,
                            w ? "wb" : "rb", !w, w, 0, 0, DEFAULT_BUFSIZE);
    if (!b) { DECREF(name); return NULL; }
    Obj *m = str_from_cstr(w ? "w" : "r");
    if (!m) { DECREF(b); DECREF(name); return NULL; }
    const char *errors = fd == 2 ? "backslashreplace" : "strict";
    FileObj *t = text_new(b, name, m, "utf-8", errors, NL_UNIVERSAL, line_buffering || fd == 2);
    DECREF(m);
    DECREF(b);
    DECREF(name);
    if (!t) return NULL;
    t->write_through = unbuf;
    return OBJ(t);
}

void io_flush_all(void)
{
    for (FileObj *f = open_list; f; f = f->next_open) {
        if (f->wlen && b_flush(f) < 0) err_clear();
    }
}

/* ---- helpers for methods ----------------------------------------------- */

static FileObj *bin_of(FileObj *f)
{
    return f->kind == K_TEXT ? f->buffer : f;
}

static int is_closed(FileObj *f)
{
    return f->kind == K_TEXT ? (f->closed || f->buffer->closed) : f->closed;
}

enum { OP_OTHER, OP_READ, OP_WRITE };

static int check_closed(FileObj *f, int op)
{
    if (!is_closed(f)) return 0;
    const char *msg = "I/O operation on closed file.";
    if (f->kind == K_RAW) msg = "I/O operation on closed file";
    else if (f->kind == K_BUFFERED) {
        if (op == OP_READ) msg = "read of closed file";
        else if (op == OP_WRITE) msg = "write to closed file";
    }
    err_set_str(&Exc_ValueError, msg);
    return -1;
}

static int check_readable(FileObj *f)
{
    if (check_closed(f, OP_READ) < 0) return -1;
    if (!f->readable) {
        unsupported(f->kind == K_TEXT ? "not readable" : (f->kind == K_RAW ? "File not open for reading" : "read"));
        return -1;
    }
    return 0;
}

static int check_writable(FileObj *f)
{
    if (check_closed(f, OP_WRITE) < 0) return -1;
    if (!f->writable) {
        unsupported(f->kind == K_TEXT ? "not writable" : (f->kind == K_RAW ? "File not open for writing" : "write"));
        return -1;
    }
    return 0;
}

/* Size argument: None or int; -1 for None/absent. */
static int parse_size(Obj *o, ssize_t *out)
{
    *out = -1;
    if (!o || o == None) return 0;
    if (!int_check(o) && !obj_hasattr_str(o, "__index__")) {
        err_format(&Exc_TypeError, "argument should be integer or None, not '%T'", o);
        return -1;
    }
    ssize_t v = obj_as_ssize(o, &Exc_OverflowError);
    if (v == -1 && err_occurred()) return -1;
    *out = v;
    return 0;
}

/* ---- text layer -------------------------------------------------------- */

static Obj *decode(FileObj *t, const char *s, ssize_t n)
{
    if (t->utf8) return str_decode_utf8(s, n, STR_DATA(t->errors));
    return bytes_decode(s, n, STR_DATA(t->encoding), STR_DATA(t->errors));
}

/* Growable byte buffer. */
typedef struct { char *p; ssize_t n, cap; } BB;

static int bb_add(BB *bb, const char *s, ssize_t n)
{
    if (bb->n + n > bb->cap) {
        ssize_t nc = bb->cap ? bb->cap : 256;
        while (nc < bb->n + n) nc *= 2;
        char *np = mem_realloc(bb->p, (size_t)nc);
        if (!np) return -1;
        bb->p = np;
        bb->cap = nc;
    }
    memcpy(bb->p + bb->n, s, (size_t)n);
    bb->n += n;
    return 0;
}

static int is_lead(FileObj *t, unsigned char c)
{
    return !t->utf8 || (c & 0xC0) != 0x80;
}

/* Collect up to `limit` chars (-1 = all), stopping after a line end if
 * stop_nl, applying newline translation.  Returns decoded str. */
static Obj *text_collect(FileObj *t, ssize_t limit, int stop_nl)
{
    FileObj *b = t->buffer;
    BB bb = {0};
    ssize_t count = 0;
    int nl = t->newline;
    for (;;) {
        if (b->rpos == b->rlen) {
            ssize_t r = b_fill(b);
            if (r < 0) goto fail;
            if (r == 0) break;
        }
        unsigned char c = (unsigned char)b->rbuf[b->rpos];
        if (limit >= 0 && count >= limit && is_lead(t, c)) break;
        if (c == '\r' && nl != NL_LF) {
            b->rpos++;
            if (nl == NL_CR) {
                if (bb_add(&bb, "\r", 1) < 0) goto fail;
                count++;
                if (stop_nl) break;
                continue;
            }
            if (b->rpos == b->rlen) {
                ssize_t r = b_fill(b);
                if (r < 0) goto fail;
            }
            if (b->rpos < b->rlen && b->rbuf[b->rpos] == '\n') {
                b->rpos++;
                if (nl == NL_UNIVERSAL) { if (bb_add(&bb, "\n", 1) < 0) goto fail; count++; }
                else { if (bb_add(&bb, "\r\n", 2) < 0) goto fail; count += 2; }
                if (stop_nl) break;
                continue;
            }
            if (nl == NL_UNIVERSAL) { if (bb_add(&bb, "\n", 1) < 0) goto fail; }
            else { if (bb_add(&bb, "\r", 1) < 0) goto fail; }
            count++;
            if (stop_nl && nl != NL_CRLF) break;
            continue;
        }
        if (c == '\n') {
            b->rpos++;
            if (bb_add(&bb, "\n", 1) < 0) goto fail;
            count++;
            if (stop_nl && nl != NL_CR && nl != NL_CRLF) break;
            continue;
        }
        /* a run of ordinary bytes */
        ssize_t i = b->rpos, end = b->rlen;
        const unsigned char *p = (const unsigned char *)b->rbuf;
        unsigned char cr = nl == NL_LF ? '\n' : '\r';   /* '\r' is ordinary for newline='\n' */
        if (limit < 0) {
            while (i < end && p[i] != '\n' && p[i] != cr) i++;
        } else {
            while (i < end && p[i] != '\n' && p[i] != cr) {
                if (is_lead(t, p[i])) {
                    if (count >= limit) break;
                    count++;
                }
                i++;
            }
        }
        if (bb_add(&bb, b->rbuf + b->rpos, i - b->rpos) < 0) goto fail;
        b->rpos = i;
    }
    Obj *res = decode(t, bb.p ? bb.p : "", bb.n);
    mem_free(bb.p);
    return res;
fail:
    mem_free(bb.p);
    return NULL;
}

Obj *io_text_readline(Obj *f, ssize_t limit)
{
    FileObj *t = (FileObj *)f;
    if (check_readable(t) < 0) return NULL;
    return text_collect(t, limit, 1);
}

static int text_write_bytes(FileObj *t, const char *s, ssize_t n)
{
    FileObj *b = t->buffer;
    if (t->newline == NL_CR || t->newline == NL_CRLF) {
        const char *rep = t->newline == NL_CR ? "\r" : "\r\n";
        ssize_t rl = (ssize_t)strlen(rep);
        const char *p = s, *e = s + n;
        while (p < e) {
            const char *q = memchr(p, '\n', (size_t)(e - p));
            if (!q) { if (b_write(b, p, e - p) < 0) return -1; break; }
            if (b_write(b, p, q - p) < 0 || b_write(b, rep, rl) < 0) return -1;
            p = q + 1;
        }
    } else if (b_write(b, s, n) < 0) {
        return -1;
    }
    if (t->write_through || (t->line_buffering && (memchr(s, '\n', (size_t)n) || memchr(s, '\r', (size_t)n))))
        return b_flush(b);
    return 0;
}

int io_text_write_utf8(Obj *f, const char *s, ssize_t n)
{
    FileObj *t = (FileObj *)f;
    if (check_writable(t) < 0) return -1;
    if (t->utf8) return text_write_bytes(t, s, n);
    Obj *str = str_from_utf8(s, n);
    if (!str) return -1;
    Obj *enc = str_encode(str, STR_DATA(t->encoding), STR_DATA(t->errors));
    DECREF(str);
    if (!enc) return -1;
    int r = text_write_bytes(t, BYTES_DATA(enc), BYTES_SIZE(enc));
    DECREF(enc);
    return r;
}

int io_text_flush(Obj *f)
{
    FileObj *t = (FileObj *)f;
    if (check_closed(t, OP_OTHER) < 0) return -1;
    return b_flush(bin_of(t));
}

int io_write_text(Obj *file, const char *s, ssize_t n)
{
    if (io_is_textfile(file)) return io_text_write_utf8(file, s, n);
    Obj *str = str_from_utf8(s, n);
    if (!str) return -1;
    Obj *r = obj_call_method(file, "write", &str, 1);
    DECREF(str);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

/* ---- methods ----------------------------------------------------------- */

#define SELF ((FileObj *)self)

static Obj *m_read(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("read", kwnames) < 0 || args_count("read", nargs, 0, 1) < 0) return NULL;
    ssize_t n;
    if (parse_size(nargs ? args[0] : NULL, &n) < 0) return NULL;
    if (check_readable(SELF) < 0) return NULL;
    if (SELF->kind == K_TEXT) {
        if (n < 0 && SELF->newline == NL_UNIVERSAL) {
            /* fast path: read everything, translate once */
            Obj *raw = b_read(SELF->buffer, -1);
            if (!raw || raw == None) return raw == None ? str_from_cstr("") : NULL;
            const char *s = BYTES_DATA(raw);
            ssize_t len = BYTES_SIZE(raw);
            if (!memchr(s, '\r', (size_t)len)) {
                Obj *r = decode(SELF, s, len);
                DECREF(raw);
                return r;
            }
            char *tmp = mem_alloc((size_t)len + 1);
            if (!tmp) { DECREF(raw); return NULL; }
            ssize_t o = 0;
            for (ssize_t i = 0; i < len; i++) {
                if (s[i] == '\r') {
                    tmp[o++] = '\n';
                    if (i + 1 < len && s[i + 1] == '\n') i++;
                } else {
                    tmp[o++] = s[i];
                }
            }
            /* a trailing '\r' read here might precede '\n' on a growing file: ignored */
            Obj *r = decode(SELF, tmp, o);
            mem_free(tmp);
            DECREF(raw);
            return r;
        }
        return text_collect(SELF, n, 0);
    }
    return b_read(SELF, n);
}

static Obj *bin_readline(FileObj *b, ssize_t limit)
{
    BB bb = {0};
    for (;;) {
        if (limit >= 0 && bb.n >= limit) break;
        ssize_t r = b_fill(b);
        if (r < 0) { mem_free(bb.p); return NULL; }
        if (r == 0) break;
        ssize_t avail = b->rlen - b->rpos;
        if (limit >= 0 && avail > limit - bb.n) avail = limit - bb.n;
        char *start = b->rbuf + b->rpos;
        char *nl = memchr(start, '\n', (size_t)avail);
        ssize_t k = nl ? nl - start + 1 : avail;
        if (bb_add(&bb, start, k) < 0) { mem_free(bb.p); return NULL; }
        b->rpos += k;
        if (nl) break;
    }
    Obj *res = bytes_from(bb.p ? bb.p : "", bb.n);
    mem_free(bb.p);
    return res;
}

static Obj *readline_impl(FileObj *f, ssize_t limit)
{
    if (check_readable(f) < 0) return NULL;
    if (f->kind == K_TEXT) return text_collect(f, limit, 1);
    return bin_readline(f, limit);
}

static Obj *m_readline(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("readline", kwnames) < 0 || args_count("readline", nargs, 0, 1) < 0) return NULL;
    ssize_t n = -1;
    if (nargs && args[0] != None) {
        n = obj_as_ssize(args[0], &Exc_OverflowError);
        if (n == -1 && err_occurred()) return NULL;
    } else if (nargs && SELF->kind == K_TEXT) {
        return err_set_str(&Exc_TypeError, "'NoneType' object cannot be interpreted as an integer");
    }
    return readline_impl(SELF, n);
}

static ssize_t item_len(Obj *o)
{
    return str_check(o) ? STR_LEN(o) : BYTES_SIZE(o);
}

static Obj *m_readlines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("readlines", kwnames) < 0 || args_count("readlines", nargs, 0, 1) < 0) return NULL;
    ssize_t hint;
    if (parse_size(nargs ? args[0] : NULL, &hint) < 0) return NULL;
    if (check_readable(SELF) < 0) return NULL;
    Obj *l = list_new(0);
    if (!l) return NULL;
    ssize_t total = 0;
    for (;;) {
        Obj *line = readline_impl(SELF, -1);
        if (!line) { DECREF(l); return NULL; }
        ssize_t n = item_len(line);
        if (n == 0) { DECREF(line); break; }
        if (list_append(l, line) < 0) { DECREF(line); DECREF(l); return NULL; }
        DECREF(line);
        total += n;
        if (hint > 0 && total >= hint) break;
    }
    return l;
}

/* Bytes-like data of o, or NULL with TypeError. */
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

static Obj *m_write(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("write", kwnames) < 0 || args_count("write", nargs, 1, 1) < 0) return NULL;
    Obj *o = args[0];
    if (SELF->kind == K_TEXT) {
        if (check_closed(SELF, OP_WRITE) < 0) return NULL;
        if (!str_check(o)) return err_format(&Exc_TypeError, "write() argument must be str, not %T", o);
        if (io_text_write_utf8(self, STR_DATA(o), STR_SIZE(o)) < 0) return NULL;
        return int_from_ssize(STR_LEN(o));
    }
    ssize_t n;
    const char *p = bytes_like(o, &n);
    if (!p) return NULL;
    if (check_writable(SELF) < 0) return NULL;
    if (b_write(SELF, p, n) < 0) return NULL;
    return int_from_ssize(n);
}

static Obj *m_writelines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("writelines", kwnames) < 0 || args_count("writelines", nargs, 1, 1) < 0) return NULL;
    if (check_closed(SELF, OP_WRITE) < 0) return NULL;
    Obj *it = obj_iter(args[0]);
    if (!it) return NULL;
    Obj *x;
    while ((x = obj_iternext(it)) != NULL) {
        Obj *r = m_write(self, &x, 1, NULL);
        DECREF(x);
        if (!r) { DECREF(it); return NULL; }
        DECREF(r);
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    RETURN_NONE;
}

static Obj *m_readinto(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("readinto", kwnames) < 0 || args_count("readinto", nargs, 1, 1) < 0) return NULL;
    if (SELF->kind == K_TEXT) return unsupported("readinto");
    Obj *o = args[0];
    if (IS_SMALLINT(o) || !type_is_subtype(TYPE(o), &ByteArray_Type))
        return err_format(&Exc_TypeError, "readinto() argument must be read-write bytes-like object, not %T", o);
    if (check_readable(SELF) < 0) return NULL;
    ByteArrayObj *ba = (ByteArrayObj *)o;
    Obj *data = b_read(SELF, ba->size);
    if (!data) return NULL;
    if (data == None) return data;
    ssize_t n = BYTES_SIZE(data);
    memcpy(ba->data, BYTES_DATA(data), (size_t)n);
    DECREF(data);
    return int_from_ssize(n);
}

static Obj *m_flush(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (check_closed(SELF, OP_OTHER) < 0) return NULL;
    if (b_flush(bin_of(SELF)) < 0) return NULL;
    RETURN_NONE;
}

static Obj *m_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (SELF->kind == K_TEXT) {
        if (is_closed(SELF)) RETURN_NONE;
        SELF->closed = 1;
        if (b_close(SELF->buffer) < 0) return NULL;
        RETURN_NONE;
    }
    if (b_close(SELF) < 0) return NULL;
    RETURN_NONE;
}

static int check_seekable(FileObj *b)
{
    if (b->seekable < 0) b->seekable = lseek(b->fd, 0, SEEK_CUR) >= 0;
    if (!b->seekable) {
        unsupported("File or stream is not seekable.");
        return -1;
    }
    return 0;
}

static Obj *m_seek(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("seek", kwnames) < 0 || args_count("seek", nargs, 1, 2) < 0) return NULL;
    if (float_check(args[0]))
        return err_set_str(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
    Obj *io = obj_index(args[0]);
    if (!io) return NULL;
    long long off = int_as_long(io);
    DECREF(io);
    if (off == -1 && err_occurred()) return NULL;
    long long whence = 0;
    if (nargs > 1) {
        whence = int_as_long(args[1]);
        if (whence == -1 && err_occurred()) return NULL;
    }
    if (check_closed(SELF, OP_OTHER) < 0) return NULL;
    if (whence < 0 || whence > 2) {
        if (SELF->kind == K_RAW) return err_set_str(&Exc_ValueError, "Invalid whence value");
        return err_format(&Exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", whence);
    }
    FileObj *b = bin_of(SELF);
    if (check_seekable(b) < 0) return NULL;
    if (SELF->kind == K_TEXT) {
        if (whence == 1 && off != 0) return unsupported("can't do nonzero cur-relative seeks");
        if (whence == 2 && off != 0) return unsupported("can't do nonzero end-relative seeks");
        if (whence == 0 && off < 0)
            return err_format(&Exc_ValueError, "negative seek position %lld", off);
    }
    if (whence == 0 && off < 0 && SELF->kind != K_TEXT)
        return err_format(&Exc_ValueError, "negative seek value %lld", off);
    off_t r = b_seek(b, (off_t)off, (int)whence);
    if (r < 0) return NULL;
    return int_from_long((long long)r);
}

static Obj *m_tell(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (check_closed(SELF, OP_OTHER) < 0) return NULL;
    FileObj *b = bin_of(SELF);
    if (check_seekable(b) < 0) return NULL;
    off_t r = b_tell(b);
    if (r < 0) return NULL;
    return int_from_long((long long)r);
}

static Obj *m_truncate(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("truncate", kwnames) < 0 || args_count("truncate", nargs, 0, 1) < 0) return NULL;
    if (check_writable(SELF) < 0) return NULL;
    FileObj *b = bin_of(SELF);
    if (b_flush(b) < 0) return NULL;
    off_t size;
    if (nargs && args[0] != None) {
        long long v = int_as_long(args[0]);
        if (v == -1 && err_occurred()) return NULL;
        size = (off_t)v;
    } else {
        size = b_tell(b);
        if (size < 0) return NULL;
    }
    b_drop_read(b);
    if (ftruncate(b->fd, size) < 0) return err_from_errno(&Exc_OSError);
    return int_from_long((long long)size);
}

static Obj *m_fileno(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (is_closed(SELF)) return err_set_str(&Exc_ValueError, "I/O operation on closed file");
    return int_from_long(bin_of(SELF)->fd);
}

static Obj *m_isatty(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (check_closed(SELF, OP_OTHER) < 0) return NULL;
    RETURN_BOOL(isatty(bin_of(SELF)->fd));
}

static Obj *m_readable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (check_closed(SELF, OP_OTHER) < 0) return NULL;
    RETURN_BOOL(SELF->readable);
}

static Obj *m_writable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (check_closed(SELF, OP_OTHER) < 0) return NULL;
    RETURN_BOOL(SELF->writable);
}

static Obj *m_seekable(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (check_closed(SELF, OP_OTHER) < 0) return NULL;
    FileObj *b = bin_of(SELF);
    if (b->seekable < 0) b->seekable = lseek(b->fd, 0, SEEK_CUR) >= 0;
    RETURN_BOOL(b->seekable);
}

static Obj *m_enter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (check_closed(SELF, OP_OTHER) < 0) return NULL;
    return NEWREF(self);
}

static Obj *m_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return m_close(self, NULL, 0, NULL);
}

static Obj *m_detach(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (SELF->kind != K_TEXT) return unsupported("detach");
    if (check_closed(SELF, OP_OTHER) < 0) return NULL;
    if (b_flush(SELF->buffer) < 0) return NULL;
    Obj *b = OBJ(SELF->buffer);
    INCREF(b);
    SELF->closed = 1;
    return b;
}

static Obj *m_read1(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (SELF->kind == K_TEXT) return unsupported("read1");
    if (args_no_kw("read1", kwnames) < 0 || args_count("read1", nargs, 0, 1) < 0) return NULL;
    ssize_t n;
    if (parse_size(nargs ? args[0] : NULL, &n) < 0) return NULL;
    if (check_readable(SELF) < 0) return NULL;
    ssize_t r = b_fill(SELF);
    if (r < 0) return NULL;
    if (n < 0 || n > r) n = r;
    Obj *res = bytes_from(SELF->rbuf ? SELF->rbuf + SELF->rpos : "", n);
    if (res) SELF->rpos += n;
    return res;
}

static Obj *m_peek(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (SELF->kind == K_TEXT) return unsupported("peek");
    if (check_readable(SELF) < 0) return NULL;
    ssize_t r = b_fill(SELF);
    if (r < 0) return NULL;
    return bytes_from(SELF->rbuf ? SELF->rbuf + SELF->rpos : "", r);
}

static Obj *file_iter(Obj *self)
{
    if (check_closed(SELF, OP_OTHER) < 0) return NULL;
    return NEWREF(self);
}

static Obj *file_iternext(Obj *self)
{
    Obj *line = readline_impl(SELF, -1);
    if (!line) return NULL;
    if (item_len(line) == 0) { DECREF(line); return NULL; }
    return line;
}

static Obj *file_repr(Obj *self)
{
    FileObj *f = SELF;
    const char *tn = TYPE(self)->name;
    if (f->kind == K_RAW) {
        if (f->closed) return str_from_format("<%s [closed]>", tn);
        return str_from_format("<%s name=%R mode=%R closefd=%s>", tn, f->name, f->mode,
                               f->closefd ? "True" : "False");
    }
    if (f->kind == K_BUFFERED) return str_from_format("<%s name=%R>", tn, f->name);
    return str_from_format("<%s name=%R mode=%R encoding=%R>", tn, f->name, f->mode, f->encoding);
}

static void file_dealloc(Obj *self)
{
    FileObj *f = SELF;
    if (f->kind != K_TEXT && !f->closed) {
        if (b_close(f) < 0) err_clear();
    } else if (f->kind == K_TEXT && f->buffer && !f->closed && f->buffer->wlen) {
        if (b_flush(f->buffer) < 0) err_clear();
    }
    untrack_open(f);
    mem_free(f->rbuf);
    mem_free(f->wbuf);
    XDECREF(f->buffer);
    XDECREF(f->name);
    XDECREF(f->mode);
    XDECREF(f->encoding);
    XDECREF(f->errors);
    XDECREF(f->dict);
    obj_free(self);
}

/* ---- getters ----------------------------------------------------------- */

static Obj *g_closed(Obj *self, void *c) { RETURN_BOOL(is_closed(SELF)); }
static Obj *g_name(Obj *self, void *c) { return NEWREF(SELF->name); }
static Obj *g_mode(Obj *self, void *c) { return NEWREF(SELF->mode); }
static Obj *g_closefd(Obj *self, void *c) { RETURN_BOOL(SELF->closefd); }

static Obj *g_encoding(Obj *self, void *c)
{
    if (SELF->kind != K_TEXT)
        return err_format(&Exc_AttributeError, "'%T' object has no attribute 'encoding'", self);
    return NEWREF(SELF->encoding);
}

static Obj *g_errors(Obj *self, void *c)
{
    if (SELF->kind != K_TEXT)
        return err_format(&Exc_AttributeError, "'%T' object has no attribute 'errors'", self);
    return NEWREF(SELF->errors);
}

static Obj *g_buffer(Obj *self, void *c)
{
    if (SELF->kind != K_TEXT)
        return err_format(&Exc_AttributeError, "'%T' object has no attribute 'buffer'", self);
    return NEWREF(OBJ(SELF->buffer));
}

static Obj *g_raw(Obj *self, void *c)
{
    if (SELF->kind != K_BUFFERED)
        return err_format(&Exc_AttributeError, "'%T' object has no attribute 'raw'", self);
    return NEWREF(self);
}

static int s_name(Obj *self, Obj *v, void *c)
{
    if (!v) { err_set_str(&Exc_AttributeError, "can't delete attribute"); return -1; }
    SETREF(SELF->name, NEWREF(v));
    return 0;
}

static int s_mode(Obj *self, Obj *v, void *c)
{
    if (!v) { err_set_str(&Exc_AttributeError, "can't delete attribute"); return -1; }
    SETREF(SELF->mode, NEWREF(v));
    return 0;
}

static Obj *g_line_buffering(Obj *self, void *c) { RETURN_BOOL(SELF->line_buffering); }
static Obj *g_newlines(Obj *self, void *c) { RETURN_NONE; }

static MethodDef file_methods[] = {
    {"read", m_read, 0, NULL},
    {"read1", m_read1, 0, NULL},
    {"peek", m_peek, 0, NULL},
    {"readline", m_readline, 0, NULL},
    {"readlines", m_readlines, 0, NULL},
    {"readinto", m_readinto, 0, NULL},
    {"write", m_write, 0, NULL},
    {"writelines", m_writelines, 0, NULL},
    {"seek", m_seek, 0, NULL},
    {"tell", m_tell, 0, NULL},
    {"truncate", m_truncate, 0, NULL},
    {"flush", m_flush, 0, NULL},
    {"close", m_close, 0, NULL},
    {"fileno", m_fileno, 0, NULL},
    {"isatty", m_isatty, 0, NULL},
    {"readable", m_readable, 0, NULL},
    {"writable", m_writable, 0, NULL},
    {"seekable", m_seekable, 0, NULL},
    {"detach", m_detach, 0, NULL},
    {"__enter__", m_enter, 0, NULL},
    {"__exit__", m_exit, 0, NULL},
    {NULL}
};

static GetSetDef file_getset[] = {
    {"closed", g_closed, NULL, NULL, NULL},
    {"name", g_name, s_name, NULL, NULL},
    {"mode", g_mode, s_mode, NULL, NULL},
    {"closefd", g_closefd, NULL, NULL, NULL},
    {"encoding", g_encoding, NULL, NULL, NULL},
    {"errors", g_errors, NULL, NULL, NULL},
    {"buffer", g_buffer, NULL, NULL, NULL},
    {"raw", g_raw, NULL, NULL, NULL},
    {"line_buffering", g_line_buffering, NULL, NULL, NULL},
    {"newlines", g_newlines, NULL, NULL, NULL},
    {NULL}
};

static Obj *open_impl(Obj *file, Obj *modeobj, ssize_t buffering, Obj *encoding, Obj *errors,
                      Obj *newline, int closefd, Obj *opener);
static int parse_newline(Obj *newline, int *nl);
static int check_encoding(Obj *encoding, const char **enc);

/* TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
 *               line_buffering=False, write_through=False) */
static Obj *text_tp_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"buffer", "encoding", "errors", "newline",
                                        "line_buffering", "write_through"};
    Obj *a[6];
    if (args_parse("TextIOWrapper", args, nargs, kwnames, names, 6, 1, 6, a) < 0) return NULL;
    Obj *bo = a[0];
    if (TYPE(bo) != &BufferedReader_Type && TYPE(bo) != &BufferedWriter_Type &&
        TYPE(bo) != &BufferedRandom_Type && TYPE(bo) != &FileIO_Type)
        return err_format(&Exc_TypeError, "TextIOWrapper() over a %T is not supported", bo);
    FileObj *b = (FileObj *)bo;
    const char *enc = "UTF-8";
    if (check_encoding(a[1] == None ? NULL : a[1], &enc) < 0) return NULL;
    Obj *errors = a[2] == None ? NULL : a[2];
    if (errors && !str_check(errors))
        return err_format(&Exc_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %T", errors);
    int nl = NL_UNIVERSAL;
    if (parse_newline(a[3] == None ? NULL : a[3], &nl) < 0) return NULL;
    int lb = 0, wt = 0;
    if (a[4] && (lb = obj_is_true(a[4])) < 0) return NULL;
    if (a[5] && (wt = obj_is_true(a[5])) < 0) return NULL;
    Obj *name = NEWREF(b->name);
    if (int_check(name) && !b->closefd) {
        long long fd = int_as_long(name);
        const char *std[3] = {"<stdin>", "<stdout>", "<stderr>"};
        if (fd >= 0 && fd <= 2) {
            Obj *n = str_from_cstr(std[fd]);
            if (!n) { DECREF(name); return NULL; }
            SETREF(name, n);
        }
    }
    Obj *m = str_from_cstr(b->readable && b->writable ? "r+" : (b->readable ? "r" : "w"));
    if (!m) { DECREF(name); return NULL; }
    FileObj *t = text_new(b, name, m, enc, errors ? STR_DATA(errors) : "strict", nl, lb);
    DECREF(m);
    DECREF(name);
    if (t) t->write_through = wt;
    return OBJ(t);
}

/* FileIO(file, mode='r', closefd=True, opener=None) */
static Obj *fileio_tp_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"file", "mode", "closefd", "opener"};
    Obj *a[4];
    if (args_parse("FileIO", args, nargs, kwnames, names, 4, 1, 4, a) < 0) return NULL;
    const char *mode = "r";
    if (a[1]) {
        if (!str_check(a[1])) return err_format(&Exc_TypeError, "FileIO() argument 'mode' must be str, not %T", a[1]);
        mode = STR_DATA(a[1]);
    }
    if (strchr(mode, 'b') || strchr(mode, 't')) return err_format(&Exc_ValueError, "invalid mode: %s", mode);
    Obj *mb = str_from_format("%sb", mode);
    if (!mb) return NULL;
    int closefd = 1;
    if (a[2] && (closefd = obj_is_true(a[2])) < 0) { DECREF(mb); return NULL; }
    Obj *r = open_impl(a[0], mb, 0, NULL, NULL, NULL, closefd, a[3]);
    DECREF(mb);
    return r;
}

#define FILE_TYPE(cname, pyname) \
    TypeObj cname = { \
        TYPE_HEAD_INIT, \
        .name = pyname, \
        .basicsize = sizeof(FileObj), \
        .flags = 0, \
        .dealloc = file_dealloc, \
        .repr = file_repr, \
        .iter = file_iter, \
        .iternext = file_iternext, \
        .methods = file_methods, \
        .getset = file_getset, \
        .new_ = cname##_new, \
        .base = &IOBase_Type, \
        .dictoffset = offsetof(FileObj, dict), \
    };

#define TextIOWrapper_Type_new text_tp_new
#define BufferedReader_Type_new NULL
#define BufferedWriter_Type_new NULL
#define BufferedRandom_Type_new NULL
#define FileIO_Type_new fileio_tp_new
FILE_TYPE(TextIOWrapper_Type, "_io.TextIOWrapper")
FILE_TYPE(BufferedReader_Type, "_io.BufferedReader")
FILE_TYPE(BufferedWriter_Type, "_io.BufferedWriter")
FILE_TYPE(BufferedRandom_Type, "_io.BufferedRandom")
FILE_TYPE(FileIO_Type, "_io.FileIO")

/* ---- open() ------------------------------------------------------------ */

static Obj *fspath(Obj *file)
{
    if (str_check(file) || bytes_check(file) || int_check(file)) return NEWREF(file);
    Obj *m = obj_type_lookup_special(file, str_intern_cstr("__fspath__"));
    if (!m) {
        if (err_occurred()) return NULL;
        return err_format(&Exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    }
    Obj *r = obj_call0(m);
    DECREF(m);
    return r;
}

static int parse_newline(Obj *newline, int *nl)
{
    if (!newline) return 0;
    if (!str_check(newline)) {
        err_format(&Exc_TypeError, "open() argument 'newline' must be str or None, not %T", newline);
        return -1;
    }
    const char *s = STR_DATA(newline);
    if (strcmp(s, "") == 0) *nl = NL_UNTRANSLATED;
    else if (strcmp(s, "\n") == 0) *nl = NL_LF;
    else if (strcmp(s, "\r") == 0) *nl = NL_CR;
    else if (strcmp(s, "\r\n") == 0) *nl = NL_CRLF;
    else {
        err_format(&Exc_ValueError, "illegal newline value: %s", s);
        return -1;
    }
    return 0;
}

static int check_encoding(Obj *encoding, const char **enc)
{
    if (!encoding) return 0;
    if (!str_check(encoding)) {
        err_format(&Exc_TypeError, "open() argument 'encoding' must be str or None, not %T", encoding);
        return -1;
    }
    *enc = STR_DATA(encoding);
    const char *known[] = {"utf-8", "utf8", "utf_8", "u8", "latin-1", "latin1", "latin_1", "iso-8859-1",
                           "iso8859-1", "ascii", "us-ascii", "locale"};
    for (size_t i = 0; i < ARRAY_LEN(known); i++)
        if (strcasecmp(*enc, known[i]) == 0) {
            if (strcasecmp(*enc, "locale") == 0) *enc = "UTF-8";
            return 0;
        }
    err_format(&Exc_LookupError, "unknown encoding: %s", *enc);
    return -1;
}

static Obj *open_impl(Obj *file, Obj *modeobj, ssize_t buffering, Obj *encoding, Obj *errors,
                      Obj *newline, int closefd, Obj *opener)
{
    const char *mode = modeobj ? STR_DATA(modeobj) : "r";
    int r = 0, w = 0, x = 0, a = 0, plus = 0, bin = 0, txt = 0;
    for (const char *p = mode; *p; p++) {
        int *slot;
        switch (*p) {
        case 'r': slot = &r; break;
        case 'w': slot = &w; break;
        case 'x': slot = &x; break;
        case 'a': slot = &a; break;
        case '+': slot = &plus; break;
        case 'b': slot = &bin; break;
        case 't': slot = &txt; break;
        default: slot = NULL;
        }
        if (!slot || *slot) return err_format(&Exc_ValueError, "invalid mode: '%s'", mode);
        *slot = 1;
    }
    if (bin && txt) return err_set_str(&Exc_ValueError, "can't have text and binary mode at once");
    if (r + w + x + a != 1)
        return err_set_str(&Exc_ValueError, "must have exactly one of create/read/write/append mode");
    if (bin && encoding) return err_set_str(&Exc_ValueError, "binary mode doesn't take an encoding argument");
    if (bin && errors) return err_set_str(&Exc_ValueError, "binary mode doesn't take an errors argument");
    if (bin && newline) return err_set_str(&Exc_ValueError, "binary mode doesn't take a newline argument");
    if (!bin && buffering == 0) return err_set_str(&Exc_ValueError, "can't have unbuffered text I/O");
    int nl = NL_UNIVERSAL;
    if (parse_newline(newline, &nl) < 0) return NULL;
    const char *enc = "UTF-8";
    if (check_encoding(encoding, &enc) < 0) return NULL;
    const char *errs = "strict";
    if (errors) {
        if (!str_check(errors))
            return err_format(&Exc_TypeError, "open() argument 'errors' must be str or None, not %T", errors);
        errs = STR_DATA(errors);
    }

    Obj *name = fspath(file);
    if (!name) return NULL;
    int fd;
    int flags = O_CLOEXEC;
    if (plus) flags |= O_RDWR;
    else if (r) flags |= O_RDONLY;
    else flags |= O_WRONLY;
    if (w) flags |= O_CREAT | O_TRUNC;
    if (x) flags |= O_CREAT | O_EXCL;
    if (a) flags |= O_CREAT | O_APPEND;
    int readable = r || plus, writable = w || x || a || plus;
    if (int_check(name)) {
        long long v = int_as_long(name);
        if (v == -1 && err_occurred()) { DECREF(name); return NULL; }
        if (v < 0) { DECREF(name); return err_set_str(&Exc_ValueError, "negative file descriptor"); }
        fd = (int)v;
    } else {
        if (!closefd) {
            DECREF(name);
            return err_set_str(&Exc_ValueError, "Cannot use closefd=False with file name");
        }
        const char *path;
        if (str_check(name)) {
            path = STR_DATA(name);
            if ((ssize_t)strlen(path) != STR_SIZE(name)) {
                DECREF(name);
                return err_set_str(&Exc_ValueError, "embedded null byte");
            }
        } else if (bytes_check(name)) {
            path = BYTES_DATA(name);
        } else {
            Obj *e = err_format(&Exc_TypeError, "expected str, bytes or os.PathLike object, not %T", name);
            DECREF(name);
            return e;
        }
        if (opener && opener != None) {
            Obj *fl = int_from_long(flags);
            Obj *res = fl ? obj_call2(opener, name, fl) : NULL;
            XDECREF(fl);
            if (!res) { DECREF(name); return NULL; }
            long long v = int_check(res) ? int_as_long(res) : -1;
            if (!int_check(res)) err_set_str(&Exc_TypeError, "expected integer from opener");
            DECREF(res);
            if (v == -1 && err_occurred()) { DECREF(name); return NULL; }
            if (v < 0) { DECREF(name); return err_format(&Exc_ValueError, "opener returned %lld", v); }
            fd = (int)v;
        } else {
            for (;;) {
                /* GIL: release here */
                fd = open(path, flags, 0666);
                if (fd >= 0 || errno != EINTR) break;
            }
            if (fd < 0) {
                Obj *e = err_from_errno_filename(&Exc_OSError, name);
                DECREF(name);
                return e;
            }
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            errno = EISDIR;
            Obj *e = err_from_errno_filename(&Exc_OSError, name);
            DECREF(name);
            return e;
        }
    }
    if (a) lseek(fd, 0, SEEK_END);
    char rawmode[5];
    int k = 0;
    if (x) rawmode[k++] = 'x';
    else if (a) rawmode[k++] = 'a';
    else if (r || plus) rawmode[k++] = 'r';
    else rawmode[k++] = 'w';
    rawmode[k++] = 'b';
    if (plus) rawmode[k++] = '+';
    rawmode[k] = 0;
    ssize_t bufsize = buffering == 0 ? 0 : (buffering > 1 ? buffering : DEFAULT_BUFSIZE);
    TypeObj *bt = buffering == 0 ? &FileIO_Type
                  : plus         ? &BufferedRandom_Type
                  : readable     ? &BufferedReader_Type
                                 : &BufferedWriter_Type;
    FileObj *b = binary_new(bt, fd, name, rawmode, readable, writable, a, closefd, bufsize);
    if (!b) {
        if (closefd) close(fd);
        DECREF(name);
        return NULL;
    }
    if (bin) {
        DECREF(name);
        return OBJ(b);
    }
    Obj *m = modeobj ? NEWREF(modeobj) : str_from_cstr("r");
    if (!m) { DECREF(b); DECREF(name); return NULL; }
    FileObj *t = text_new(b, name, m, enc, errs, nl, buffering == 1 || (buffering < 0 && isatty(fd)));
    DECREF(m);
    DECREF(b);
    DECREF(name);
    return OBJ(t);
}

Obj *io_builtin_open(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener"};
    Obj *a[8];
    if (args_parse("open", args, nargs, kwnames, names, 8, 1, 8, a) < 0) return NULL;
    if (a[1] && !str_check(a[1]))
        return err_format(&Exc_TypeError, "open() argument 'mode' must be str, not %T", a[1]);
    ssize_t buffering = -1;
    if (a[2]) {
        if (float_check(a[2]))
            return err_set_str(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
        buffering = obj_as_ssize(a[2], &Exc_OverflowError);
        if (buffering == -1 && err_occurred()) return NULL;
    }
    int closefd = 1;
    if (a[6]) {
        closefd = obj_is_true(a[6]);
        if (closefd < 0) return NULL;
    }
    return open_impl(a[0], a[1], buffering, a[3] == None ? NULL : a[3], a[4] == None ? NULL : a[4],
                     a[5] == None ? NULL : a[5], closefd, a[7]);
}
