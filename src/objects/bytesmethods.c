/* bytesmethods.c — the non-mutating methods shared by bytes and bytearray.
 * Each works on a byte view of self; results take self's kind (bytes ->
 * bytes, bytearray -> bytearray) through bytesmethods_make().
 */
#include "gilpy.h"
#include "objects/strimpl/strimpl.h"
#include <ctype.h>

#define METHOD(name) static Obj *name(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)

static bool is_ba(Obj *o) { return !bytes_check(o); }
static const char *tname(Obj *o) { return is_ba(o) ? "bytearray" : "bytes"; }
static const char *sdata(Obj *o) {
    if (bytes_check(o)) return BYTES_DATA(o);
    ByteArrayObj *b = (ByteArrayObj *)o;
    return b->data ? b->data : "";
}
static ssize_t slen(Obj *o) { return bytes_check(o) ? BYTES_SIZE(o) : ((ByteArrayObj *)o)->size; }

Obj *bytesmethods_make(Obj *self, const char *p, ssize_t n) {
    if (self && is_ba(self)) return bytearray_from(p, n);
    return bytes_from(p, n);
}

static bool bspace(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }

/* sub argument of find/count/index: int or bytes-like. */
static int get_sub(Obj *x, ByteView *v, char *one) {
    if (IS_SMALLINT(x) || int_check(x)) {
        ssize_t b = obj_as_ssize(x, NULL);
        if (b == -1 && err_occurred()) return -1;
        if (b < 0 || b > 255) { err_set_str(&Exc_ValueError, "byte must be in range(0, 256)"); return -1; }
        *one = (char)b;
        v->buf = one; v->len = 1; v->owner = NULL;
        return 0;
    }
    int r = bytes_view_try(x, v);
    if (r == 1) return 0;
    if (r == 0) err_format(&Exc_TypeError, "argument should be integer or bytes-like object, not '%T'", x);
    return -1;
}

static ssize_t bfind(const char *h, ssize_t hn, const char *n, ssize_t nn) {
    if (nn == 0) return 0;
    if (nn > hn) return -1;
    const char *r = nn == 1 ? memchr(h, n[0], (size_t)hn) : memmem(h, (size_t)hn, n, (size_t)nn);
    return r ? r - h : -1;
}
static ssize_t brfind(const char *h, ssize_t hn, const char *n, ssize_t nn) {
    if (nn == 0) return hn;
    if (nn > hn) return -1;
    for (ssize_t i = hn - nn; i >= 0; i--)
        if (h[i] == n[0] && memcmp(h + i, n, (size_t)nn) == 0) return i;
    return -1;
}

static Obj *find_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, const char *fn, int dir, int raise, int count) {
    if (strm_args(tname(self), fn, ARGK_OLD, nargs, kwnames, 1, 3) < 0) return NULL;
    ByteView v;
    char one;
    if (get_sub(args[0], &v, &one) < 0) return NULL;
    ssize_t start, end, len = slen(self);
    if (strmethods_parse_range(args, nargs, 1, len, &start, &end) < 0) { XDECREF(v.owner); return NULL; }
    const char *p = sdata(self);
    Obj *res;
    if (count) {
        ssize_t c = 0;
        if (start <= len && end >= start) {
            if (v.len == 0) c = end - start + 1;
            else {
                ssize_t i = start;
                while (1) {
                    ssize_t r = bfind(p + i, end - i, v.buf, v.len);
                    if (r < 0) break;
                    c++;
                    i += r + v.len;
                }
            }
        }
        res = int_from_ssize(c);
    } else {
        ssize_t r = -1;
        if (start <= len && end - start >= v.len) {
            r = dir > 0 ? bfind(p + start, end - start, v.buf, v.len) : brfind(p + start, end - start, v.buf, v.len);
            if (r >= 0) r += start;
        }
        if (r < 0 && raise) res = err_set_str(&Exc_ValueError, "subsection not found");
        else res = int_from_ssize(r);
    }
    XDECREF(v.owner);
    return res;
}
METHOD(m_find) { return find_common(self, args, nargs, kwnames, "find", 1, 0, 0); }
METHOD(m_rfind) { return find_common(self, args, nargs, kwnames, "rfind", -1, 0, 0); }
METHOD(m_index) { return find_common(self, args, nargs, kwnames, "index", 1, 1, 0); }
METHOD(m_rindex) { return find_common(self, args, nargs, kwnames, "rindex", -1, 1, 0); }
METHOD(m_count) { return find_common(self, args, nargs, kwnames, "count", 1, 0, 1); }

static Obj *starts_ends(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, int suffix) {
    const char *fn = suffix ? "endswith" : "startswith";
    if (strm_args(tname(self), fn, ARGK_OLD, nargs, kwnames, 1, 3) < 0) return NULL;
    ssize_t start, end, len = slen(self);
    if (strmethods_parse_range(args, nargs, 1, len, &start, &end) < 0) return NULL;
    const char *p = sdata(self);
    Obj *x = args[0];
    ssize_t nitems = tuple_check(x) ? TUPLE_SIZE(x) : 1;
    for (ssize_t k = 0; k < nitems; k++) {
        Obj *it = tuple_check(x) ? TUPLE_GET(x, k) : x;
        ByteView v;
        int r = bytes_view_try(it, &v);
        if (r < 0) return NULL;
        if (r == 0) {
            if (tuple_check(x)) return err_format(&Exc_TypeError, "a bytes-like object is required, not '%T'", it);
            return err_format(&Exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %T", fn, it);
        }
        int m = start <= len && end - start >= v.len &&
                memcmp(suffix ? p + end - v.len : p + start, v.buf, (size_t)v.len) == 0;
        XDECREF(v.owner);
        if (m) RETURN_BOOL(1);
    }
    RETURN_BOOL(0);
}
METHOD(m_startswith) { return starts_ends(self, args, nargs, kwnames, 0); }
METHOD(m_endswith) { return starts_ends(self, args, nargs, kwnames, 1); }

static int append_piece(Obj *list, Obj *self, const char *p, ssize_t n) {
    Obj *b = bytesmethods_make(self, p, n);
    if (!b) return -1;
    int r = list_append(list, b);
    DECREF(b);
    return r;
}

static void list_reverse_inplace(Obj *list) {
    Obj **it = LIST_ITEMS(list);
    for (ssize_t a = 0, b = LIST_SIZE(list) - 1; a < b; a++, b--) { Obj *t = it[a]; it[a] = it[b]; it[b] = t; }
}

static Obj *split_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, int reverse) {
    static const char *const names[] = {"sep", "maxsplit"};
    Obj *a[2] = {NULL, NULL};
    if (args_parse(reverse ? "rsplit" : "split", args, nargs, kwnames, names, 2, 0, 2, a) < 0) return NULL;
    ssize_t maxsplit = -1;
    if (a[1]) {
        maxsplit = obj_as_ssize(a[1], &Exc_OverflowError);
        if (maxsplit == -1 && err_occurred()) return NULL;
    }
    if (maxsplit < 0) maxsplit = SSIZE_MAX;
    const char *p = sdata(self);
    ssize_t n = slen(self);
    Obj *list = list_new(0);
    if (!list) return NULL;
    if (!a[0] || a[0] == None) {
        if (!reverse) {
            ssize_t i = 0;
            while (1) {
                while (i < n && bspace((unsigned char)p[i])) i++;
                if (i >= n) break;
                if (maxsplit-- == 0) {
                    ssize_t e = n;
                    if (append_piece(list, self, p + i, e - i) < 0) goto fail;
                    break;
                }
                ssize_t s = i;
                while (i < n && !bspace((unsigned char)p[i])) i++;
                if (append_piece(list, self, p + s, i - s) < 0) goto fail;
            }
        } else {
            ssize_t i = n;
            while (1) {
                while (i > 0 && bspace((unsigned char)p[i - 1])) i--;
                if (i <= 0) break;
                if (maxsplit-- == 0) {
                    ssize_t b = 0;
                    if (append_piece(list, self, p + b, i - b) < 0) goto fail;
                    break;
                }
                ssize_t e = i;
                while (i > 0 && !bspace((unsigned char)p[i - 1])) i--;
                if (append_piece(list, self, p + i, e - i) < 0) goto fail;
            }
            list_reverse_inplace(list);
        }
        return list;
    }
    ByteView v;
    if (bytes_get_view(a[0], &v) < 0) goto fail;
    if (v.len == 0) { XDECREF(v.owner); err_set_str(&Exc_ValueError, "empty separator"); goto fail; }
    if (!reverse) {
        ssize_t i = 0;
        while (maxsplit-- > 0) {
            ssize_t r = bfind(p + i, n - i, v.buf, v.len);
            if (r < 0) break;
            if (append_piece(list, self, p + i, r) < 0) { XDECREF(v.owner); goto fail; }
            i += r + v.len;
        }
        if (append_piece(list, self, p + i, n - i) < 0) { XDECREF(v.owner); goto fail; }
    } else {
        ssize_t e = n;
        while (maxsplit-- > 0) {
            ssize_t r = brfind(p, e, v.buf, v.len);
            if (r < 0) break;
            if (append_piece(list, self, p + r + v.len, e - r - v.len) < 0) { XDECREF(v.owner); goto fail; }
            e = r;
        }
        if (append_piece(list, self, p, e) < 0) { XDECREF(v.owner); goto fail; }
        list_reverse_inplace(list);
    }
    XDECREF(v.owner);
    return list;
fail:
    DECREF(list);
    return NULL;
}
METHOD(m_split) { return split_common(self, args, nargs, kwnames, 0); }
METHOD(m_rsplit) { return split_common(self, args, nargs, kwnames, 1); }

METHOD(m_splitlines) {
    static const char *const names[] = {"keepends"};
    Obj *a[1] = {NULL};
    if (args_parse("splitlines", args, nargs, kwnames, names, 1, 0, 1, a) < 0) return NULL;
    int keep = 0;
    if (a[0]) { keep = obj_is_true(a[0]); if (keep < 0) return NULL; }
    const char *p = sdata(self);
    ssize_t n = slen(self), i = 0;
    Obj *list = list_new(0);
    if (!list) return NULL;
    while (i < n) {
        ssize_t s = i;
        while (i < n && p[i] != '\n' && p[i] != '\r') i++;
        ssize_t e = i;
        if (i < n) {
            if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') i += 2;
            else i++;
            if (keep) e = i;
        }
        if (append_piece(list, self, p + s, e - s) < 0) { DECREF(list); return NULL; }
    }
    return list;
}

static Obj *partition_impl(Obj *self, Obj *sep, int reverse) {
    ByteView v;
    if (bytes_get_view(sep, &v) < 0) return NULL;
    if (v.len == 0) { XDECREF(v.owner); return err_set_str(&Exc_ValueError, "empty separator"); }
    const char *p = sdata(self);
    ssize_t n = slen(self);
    ssize_t r = reverse ? brfind(p, n, v.buf, v.len) : bfind(p, n, v.buf, v.len);
    Obj *a, *b, *c;
    if (r < 0) {
        a = bytesmethods_make(self, p, n);
        b = bytesmethods_make(self, "", 0);
        c = bytesmethods_make(self, "", 0);
        if (reverse) { Obj *t = a; a = c; c = t; }
    } else {
        a = bytesmethods_make(self, p, r);
        b = bytesmethods_make(self, v.buf, v.len);
        c = bytesmethods_make(self, p + r + v.len, n - r - v.len);
    }
    XDECREF(v.owner);
    Obj *t = (a && b && c) ? tuple_pack(3, a, b, c) : NULL;
    XDECREF(a); XDECREF(b); XDECREF(c);
    return t;
}
METHOD(m_partition) {
    if (strm_args(tname(self), "partition", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    return partition_impl(self, args[0], 0);
}
METHOD(m_rpartition) {
    if (strm_args(tname(self), "rpartition", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    return partition_impl(self, args[0], 1);
}

METHOD(m_join) {
    if (strm_args(tname(self), "join", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    Obj *seq = seq_list(args[0]);
    if (!seq) return NULL;
    const char *sp = sdata(self);
    ssize_t sn = slen(self);
    char *buf = NULL;
    ssize_t size = 0, cap = 0;
    Obj *res = NULL;
    for (ssize_t i = 0; i < LIST_SIZE(seq); i++) {
        ByteView v;
        int r = bytes_view_try(LIST_ITEMS(seq)[i], &v);
        if (r <= 0) {
            if (r == 0) err_format(&Exc_TypeError, "sequence item %zd: expected a bytes-like object, %T found", i, LIST_ITEMS(seq)[i]);
            goto done;
        }
        ssize_t need = size + v.len + (i ? sn : 0);
        if (need > cap) {
            ssize_t c = cap ? cap * 2 : 64;
            while (c < need) c *= 2;
            char *nb = mem_realloc(buf, (size_t)c);
            if (!nb) { XDECREF(v.owner); goto done; }
            buf = nb;
            cap = c;
        }
        if (i && sn) { memcpy(buf + size, sp, (size_t)sn); size += sn; }
        memcpy(buf + size, v.buf, (size_t)v.len);
        size += v.len;
        XDECREF(v.owner);
    }
    res = bytesmethods_make(self, buf ? buf : "", size);
done:
    mem_free(buf);
    DECREF(seq);
    return res;
}

static Obj *strip_impl(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, int left, int right, const char *fn) {
    if (strm_args(tname(self), fn, ARGK_CLINIC, nargs, kwnames, 0, 1) < 0) return NULL;
    const char *p = sdata(self);
    ssize_t n = slen(self), b = 0, e = n;
    unsigned char tab[256] = {0};
    if (nargs == 0 || args[0] == None) {
        for (int c = 9; c <= 13; c++) tab[c] = 1;
        tab[' '] = 1;
    } else {
        ByteView v;
        if (bytes_get_view(args[0], &v) < 0) return NULL;
        for (ssize_t k = 0; k < v.len; k++) tab[(unsigned char)v.buf[k]] = 1;
        XDECREF(v.owner);
    }
    if (left) while (b < e && tab[(unsigned char)p[b]]) b++;
    if (right) while (e > b && tab[(unsigned char)p[e - 1]]) e--;
    if (b == 0 && e == n && TYPE(self) == &Bytes_Type) return NEWREF(self);
    return bytesmethods_make(self, p + b, e - b);
}
METHOD(m_strip) { return strip_impl(self, args, nargs, kwnames, 1, 1, "strip"); }
METHOD(m_lstrip) { return strip_impl(self, args, nargs, kwnames, 1, 0, "lstrip"); }
METHOD(m_rstrip) { return strip_impl(self, args, nargs, kwnames, 0, 1, "rstrip"); }

METHOD(m_replace) {
    if (strm_args(tname(self), "replace", ARGK_CLINIC, nargs, kwnames, 2, 3) < 0) return NULL;
    ByteView o, nw;
    if (bytes_get_view(args[0], &o) < 0) return NULL;
    if (bytes_get_view(args[1], &nw) < 0) { XDECREF(o.owner); return NULL; }
    ssize_t count = -1;
    if (nargs > 2) {
        count = obj_as_ssize(args[2], &Exc_OverflowError);
        if (count == -1 && err_occurred()) { XDECREF(o.owner); XDECREF(nw.owner); return NULL; }
    }
    if (count < 0) count = SSIZE_MAX;
    const char *p = sdata(self);
    ssize_t n = slen(self);
    StrBuilder sb;       /* used as a raw byte buffer */
    sb_init(&sb);
    Obj *res = NULL;
    ssize_t i = 0;
    if (o.len == 0) {
        ssize_t done = 0;
        while (done < count) {
            if (sb_append(&sb, nw.buf, nw.len) < 0) goto out;
            done++;
            if (i >= n) break;
            if (sb_append(&sb, p + i, 1) < 0) goto out;
            i++;
        }
    } else {
        while (count-- > 0) {
            ssize_t r = bfind(p + i, n - i, o.buf, o.len);
            if (r < 0) break;
            if (sb_append(&sb, p + i, r) < 0 || sb_append(&sb, nw.buf, nw.len) < 0) goto out;
            i += r + o.len;
        }
    }
    if (sb_append(&sb, p + i, n - i) < 0) goto out;
    res = bytesmethods_make(self, sb.buf ? sb.buf : "", sb.size);
out:
    sb_discard(&sb);
    XDECREF(o.owner);
    XDECREF(nw.owner);
    return res;
}

static Obj *remove_affix(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, int suffix) {
    if (strm_args(tname(self), suffix ? "removesuffix" : "removeprefix", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    ByteView v;
    if (bytes_get_view(args[0], &v) < 0) return NULL;
    const char *p = sdata(self);
    ssize_t n = slen(self);
    Obj *r;
    if (v.len > 0 && v.len <= n && memcmp(suffix ? p + n - v.len : p, v.buf, (size_t)v.len) == 0)
        r = bytesmethods_make(self, suffix ? p : p + v.len, n - v.len);
    else if (TYPE(self) == &Bytes_Type) r = NEWREF(self);
    else r = bytesmethods_make(self, p, n);
    XDECREF(v.owner);
    return r;
}
METHOD(m_removeprefix) { return remove_affix(self, args, nargs, kwnames, 0); }
METHOD(m_removesuffix) { return remove_affix(self, args, nargs, kwnames, 1); }

/* ---- case and predicates (ASCII only, as CPython) ------------------------------- */

enum { BC_UPPER, BC_LOWER, BC_TITLE, BC_CAP, BC_SWAP };
static Obj *bcase(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, const char *fn, int mode) {
    if (strm_args(tname(self), fn, ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    const char *p = sdata(self);
    ssize_t n = slen(self);
    char *buf = mem_alloc((size_t)n + 1);
    if (!buf) return NULL;
    int prev = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        int lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
        unsigned char r = c;
        switch (mode) {
        case BC_UPPER: if (lo) r = (unsigned char)(c - 32); break;
        case BC_LOWER: if (up) r = (unsigned char)(c + 32); break;
        case BC_SWAP: if (lo) r = (unsigned char)(c - 32); else if (up) r = (unsigned char)(c + 32); break;
        case BC_CAP: if (i == 0) { if (lo) r = (unsigned char)(c - 32); } else if (up) r = (unsigned char)(c + 32); break;
        default:
            if (prev) { if (up) r = (unsigned char)(c + 32); }
            else if (lo) r = (unsigned char)(c - 32);
            prev = lo || up;
        }
        buf[i] = (char)r;
    }
    Obj *res = bytesmethods_make(self, buf, n);
    mem_free(buf);
    return res;
}
METHOD(m_upper) { return bcase(self, args, nargs, kwnames, "upper", BC_UPPER); }
METHOD(m_lower) { return bcase(self, args, nargs, kwnames, "lower", BC_LOWER); }
METHOD(m_title) { return bcase(self, args, nargs, kwnames, "title", BC_TITLE); }
METHOD(m_capitalize) { return bcase(self, args, nargs, kwnames, "capitalize", BC_CAP); }
METHOD(m_swapcase) { return bcase(self, args, nargs, kwnames, "swapcase", BC_SWAP); }

enum { BP_ALPHA, BP_DIGIT, BP_ALNUM, BP_SPACE, BP_ASCII };
static Obj *bpred(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, const char *fn, int mode) {
    if (strm_args(tname(self), fn, ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    const unsigned char *p = (const unsigned char *)sdata(self);
    ssize_t n = slen(self);
    if (n == 0) RETURN_BOOL(mode == BP_ASCII);
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'), digit = c >= '0' && c <= '9';
        bool ok = mode == BP_ALPHA ? alpha : mode == BP_DIGIT ? digit : mode == BP_ALNUM ? alpha || digit
                : mode == BP_SPACE ? bspace(c) : c < 128;
        if (!ok) RETURN_BOOL(0);
    }
    RETURN_BOOL(1);
}
METHOD(m_isalpha) { return bpred(self, args, nargs, kwnames, "isalpha", BP_ALPHA); }
METHOD(m_isdigit) { return bpred(self, args, nargs, kwnames, "isdigit", BP_DIGIT); }
METHOD(m_isalnum) { return bpred(self, args, nargs, kwnames, "isalnum", BP_ALNUM); }
METHOD(m_isspace) { return bpred(self, args, nargs, kwnames, "isspace", BP_SPACE); }
METHOD(m_isascii) { return bpred(self, args, nargs, kwnames, "isascii", BP_ASCII); }

static Obj *bcasepred(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, const char *fn, int which) {
    if (strm_args(tname(self), fn, ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    const unsigned char *p = (const unsigned char *)sdata(self);
    ssize_t n = slen(self);
    int cased = 0, prev = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        int lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
        if (which == 0) { if (up) RETURN_BOOL(0); if (lo) cased = 1; }          /* islower */
        else if (which == 1) { if (lo) RETURN_BOOL(0); if (up) cased = 1; }     /* isupper */
        else {
            if (up) { if (prev) RETURN_BOOL(0); prev = cased = 1; }
            else if (lo) { if (!prev) RETURN_BOOL(0); prev = cased = 1; }
            else prev = 0;
        }
    }
    RETURN_BOOL(cased);
}
METHOD(m_islower) { return bcasepred(self, args, nargs, kwnames, "islower", 0); }
METHOD(m_isupper) { return bcasepred(self, args, nargs, kwnames, "isupper", 1); }
METHOD(m_istitle) { return bcasepred(self, args, nargs, kwnames, "istitle", 2); }

/* ---- padding ------------------------------------------------------------------------ */

static Obj *bjust(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, const char *fn, int mode) {
    if (strm_args(tname(self), fn, ARGK_CLINIC, nargs, kwnames, 1, 2) < 0) return NULL;
    ssize_t w = obj_as_ssize(args[0], &Exc_OverflowError);
    if (w == -1 && err_occurred()) return NULL;
    char fill = ' ';
    if (nargs > 1) {
        ByteView v;
        int r = bytes_view_try(args[1], &v);
        if (r < 0) return NULL;
        if (r == 0 || v.len != 1) {
            if (r == 1) XDECREF(v.owner);
            return err_format(&Exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %T", fn, args[1]);
        }
        fill = v.buf[0];
        XDECREF(v.owner);
    }
    const char *p = sdata(self);
    ssize_t n = slen(self);
    if (w <= n) {
        if (TYPE(self) == &Bytes_Type) return NEWREF(self);
        return bytesmethods_make(self, p, n);
    }
    ssize_t extra = w - n, left;
    if (mode == 0) left = 0;
    else if (mode == 1) left = extra;
    else left = extra / 2 + (extra & w & 1);
    char *buf = mem_alloc((size_t)w + 1);
    if (!buf) return NULL;
    memset(buf, fill, (size_t)w);
    memcpy(buf + left, p, (size_t)n);
    Obj *res = bytesmethods_make(self, buf, w);
    mem_free(buf);
    return res;
}
METHOD(m_ljust) { return bjust(self, args, nargs, kwnames, "ljust", 0); }
METHOD(m_rjust) { return bjust(self, args, nargs, kwnames, "rjust", 1); }
METHOD(m_center) { return bjust(self, args, nargs, kwnames, "center", 2); }

METHOD(m_zfill) {
    if (strm_args(tname(self), "zfill", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    ssize_t w = obj_as_ssize(args[0], &Exc_OverflowError);
    if (w == -1 && err_occurred()) return NULL;
    const char *p = sdata(self);
    ssize_t n = slen(self);
    if (w <= n) return TYPE(self) == &Bytes_Type ? NEWREF(self) : bytesmethods_make(self, p, n);
    char *buf = mem_alloc((size_t)w + 1);
    if (!buf) return NULL;
    ssize_t extra = w - n, s = 0;
    if (n && (p[0] == '+' || p[0] == '-')) { buf[0] = p[0]; s = 1; }
    memset(buf + s, '0', (size_t)extra);
    memcpy(buf + s + extra, p + s, (size_t)(n - s));
    Obj *res = bytesmethods_make(self, buf, w);
    mem_free(buf);
    return res;
}

METHOD(m_expandtabs) {
    static const char *const names[] = {"tabsize"};
    Obj *a[1] = {NULL};
    if (args_parse("expandtabs", args, nargs, kwnames, names, 1, 0, 1, a) < 0) return NULL;
    ssize_t ts = 8;
    if (a[0]) { ts = obj_as_ssize(a[0], &Exc_OverflowError); if (ts == -1 && err_occurred()) return NULL; }
    const char *p = sdata(self);
    ssize_t n = slen(self), col = 0;
    StrBuilder sb;
    sb_init(&sb);
    for (ssize_t i = 0; i < n; i++) {
        char c = p[i];
        int r;
        if (c == '\t') {
            if (ts > 0) { ssize_t k = ts - col % ts; r = sb_append_ascii_n(&sb, ' ', k); col += k; }
            else r = 0;
        } else {
            r = sb_append(&sb, &c, 1);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        if (r < 0) { sb_discard(&sb); return NULL; }
    }
    Obj *res = bytesmethods_make(self, sb.buf ? sb.buf : "", sb.size);
    sb_discard(&sb);
    return res;
}

/* ---- translate / maketrans / hex / fromhex / decode --------------------------------- */

METHOD(m_translate) {
    static const char *const names[] = {"", "delete"};
    Obj *a[2] = {NULL, NULL};
    if (args_parse("translate", args, nargs, kwnames, names, 2, 1, 2, a) < 0) return NULL;
    ByteView tab = {NULL, 0, NULL}, del = {NULL, 0, NULL};
    if (a[0] != None) {
        if (bytes_get_view(a[0], &tab) < 0) return NULL;
        if (tab.len != 256) {
            XDECREF(tab.owner);
            return err_set_str(&Exc_ValueError, "translation table must be 256 characters long");
        }
    }
    if (a[1] && bytes_get_view(a[1], &del) < 0) { XDECREF(tab.owner); return NULL; }
    unsigned char drop[256] = {0};
    for (ssize_t k = 0; k < del.len; k++) drop[(unsigned char)del.buf[k]] = 1;
    const char *p = sdata(self);
    ssize_t n = slen(self), m = 0;
    char *buf = mem_alloc((size_t)n + 1);
    Obj *res = NULL;
    if (buf) {
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)p[i];
            if (drop[c]) continue;
            buf[m++] = tab.buf ? tab.buf[c] : (char)c;
        }
        res = bytesmethods_make(self, buf, m);
        mem_free(buf);
    }
    XDECREF(tab.owner);
    XDECREF(del.owner);
    return res;
}

METHOD(m_maketrans) {
    if (strm_args("bytes", "maketrans", ARGK_CLINIC, nargs, kwnames, 2, 2) < 0) return NULL;
    ByteView f, t;
    if (bytes_get_view(args[0], &f) < 0) return NULL;
    if (bytes_get_view(args[1], &t) < 0) { XDECREF(f.owner); return NULL; }
    Obj *res = NULL;
    if (f.len != t.len) err_set_str(&Exc_ValueError, "maketrans arguments must have same length");
    else {
        char tab[256];
        for (int k = 0; k < 256; k++) tab[k] = (char)k;
        for (ssize_t k = 0; k < f.len; k++) tab[(unsigned char)f.buf[k]] = t.buf[k];
        res = bytes_from(tab, 256);
    }
    XDECREF(f.owner);
    XDECREF(t.owner);
    return res;
}

METHOD(m_hex) {
    static const char *const names[] = {"sep", "bytes_per_sep"};
    Obj *a[2] = {NULL, NULL};
    if (args_parse("hex", args, nargs, kwnames, names, 2, 0, 2, a) < 0) return NULL;
    const unsigned char *p = (const unsigned char *)sdata(self);
    ssize_t n = slen(self);
    char sep = 0;
    ssize_t per = 1;
    if (a[0] && a[0] != None) {
        if (str_check(a[0])) {
            if (STR_LEN(a[0]) != 1) return err_set_str(&Exc_ValueError, "sep must be length 1.");
            sep = STR_DATA(a[0])[0];
            if ((unsigned char)sep >= 128) return err_set_str(&Exc_ValueError, "sep must be ASCII.");
        } else {
            ByteView v;
            if (bytes_get_view(a[0], &v) < 0) return NULL;
            if (v.len != 1) { XDECREF(v.owner); return err_set_str(&Exc_ValueError, "sep must be length 1."); }
            sep = v.buf[0];
            XDECREF(v.owner);
        }
    }
    if (a[1]) { per = obj_as_ssize(a[1], &Exc_OverflowError); if (per == -1 && err_occurred()) return NULL; }
    static const char hx[] = "0123456789abcdef";
    StrBuilder sb;
    sb_init(&sb);
    if (sb_reserve(&sb, n * 3) < 0) return NULL;
    ssize_t aper = per < 0 ? -per : per;
    for (ssize_t i = 0; i < n; i++) {
        if (sep && i > 0 && aper > 0) {
            /* positive per: groups counted from the right; negative: from the left */
            ssize_t k = per > 0 ? (n - i) : i;
            if (k % aper == 0) sb_append(&sb, &sep, 1);
        }
        char d[2] = {hx[p[i] >> 4], hx[p[i] & 15]};
        sb_append(&sb, d, 2);
    }
    return sb_finish(&sb);
}

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

METHOD(m_fromhex) {
    /* classmethod: self is the type */
    TypeObj *type = (TypeObj *)self;
    if (strm_args(type == &ByteArray_Type ? "bytearray" : "bytes", "fromhex", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    Obj *s = args[0];
    if (!str_check(s)) return err_format(&Exc_TypeError, "fromhex() argument must be str, not %T", s);
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    ssize_t n = STR_SIZE(s), m = 0;
    char *buf = mem_alloc((size_t)n / 2 + 1);
    if (!buf) return NULL;
    ssize_t i = 0;
    while (i < n) {
        if (bspace(p[i])) { i++; continue; }
        int hi = hexval(p[i]);
        if (hi < 0) { mem_free(buf); return err_format(&Exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", u8_count((const char *)p, i)); }
        if (i + 1 >= n || hexval(p[i + 1]) < 0) {
            mem_free(buf);
            return err_format(&Exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", u8_count((const char *)p, i + 1));
        }
        buf[m++] = (char)(hi * 16 + hexval(p[i + 1]));
        i += 2;
    }
    Obj *res;
    if (type_is_subtype(type, &ByteArray_Type)) res = bytearray_from(buf, m);
    else res = bytes_from(buf, m);
    mem_free(buf);
    if (res && type != &Bytes_Type && type != &ByteArray_Type) {
        Obj *r2 = obj_call1(OBJ(type), res);
        DECREF(res);
        res = r2;
    }
    return res;
}

METHOD(m_decode) {
    static const char *const names[] = {"encoding", "errors"};
    Obj *a[2] = {NULL, NULL};
    if (args_parse("decode", args, nargs, kwnames, names, 2, 0, 2, a) < 0) return NULL;
    if (a[0] && !str_check(a[0])) return err_format(&Exc_TypeError, "decode() argument 'encoding' must be str, not %T", a[0]);
    if (a[1] && !str_check(a[1])) return err_format(&Exc_TypeError, "decode() argument 'errors' must be str, not %T", a[1]);
    return bytes_decode(sdata(self), slen(self), a[0] ? STR_DATA(a[0]) : "utf-8", a[1] ? STR_DATA(a[1]) : "strict");
}

METHOD(m_sizeof) {
    if (strm_args(tname(self), "__sizeof__", ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    return int_from_ssize((ssize_t)sizeof(BytesObj) + slen(self) + 1);
}

#define COMMON_METHODS \
    {"capitalize", m_capitalize, 0, NULL}, {"center", m_center, 0, NULL}, {"count", m_count, 0, NULL}, \
    {"decode", m_decode, 0, NULL}, {"endswith", m_endswith, 0, NULL}, {"expandtabs", m_expandtabs, 0, NULL}, \
    {"find", m_find, 0, NULL}, {"fromhex", m_fromhex, METH_CLASS, NULL}, {"hex", m_hex, 0, NULL}, \
    {"index", m_index, 0, NULL}, {"isalnum", m_isalnum, 0, NULL}, {"isalpha", m_isalpha, 0, NULL}, \
    {"isascii", m_isascii, 0, NULL}, {"isdigit", m_isdigit, 0, NULL}, {"islower", m_islower, 0, NULL}, \
    {"isspace", m_isspace, 0, NULL}, {"istitle", m_istitle, 0, NULL}, {"isupper", m_isupper, 0, NULL}, \
    {"join", m_join, 0, NULL}, {"ljust", m_ljust, 0, NULL}, {"lower", m_lower, 0, NULL}, \
    {"lstrip", m_lstrip, 0, NULL}, {"maketrans", m_maketrans, METH_STATIC, NULL}, \
    {"partition", m_partition, 0, NULL}, {"removeprefix", m_removeprefix, 0, NULL}, \
    {"removesuffix", m_removesuffix, 0, NULL}, {"replace", m_replace, 0, NULL}, {"rfind", m_rfind, 0, NULL}, \
    {"rindex", m_rindex, 0, NULL}, {"rjust", m_rjust, 0, NULL}, {"rpartition", m_rpartition, 0, NULL}, \
    {"rsplit", m_rsplit, 0, NULL}, {"rstrip", m_rstrip, 0, NULL}, {"split", m_split, 0, NULL}, \
    {"splitlines", m_splitlines, 0, NULL}, {"startswith", m_startswith, 0, NULL}, {"strip", m_strip, 0, NULL}, \
    {"swapcase", m_swapcase, 0, NULL}, {"title", m_title, 0, NULL}, {"translate", m_translate, 0, NULL}, \
    {"upper", m_upper, 0, NULL}, {"zfill", m_zfill, 0, NULL}, {"__sizeof__", m_sizeof, 0, NULL}

MethodDef bytes_methods[] = {
    COMMON_METHODS,
    {"__getnewargs__", bytes_method_getnewargs, 0, NULL},
    {"__bytes__", bytes_method_bytes, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* bytearray's own mutating methods are implemented in bytearray.c. */
#define BA_METHODS(X) X(append) X(extend) X(pop) X(insert) X(remove) X(reverse) X(clear) X(copy)
#define X(n) Obj *bytearray_##n(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
BA_METHODS(X)
#undef X
MethodDef bytearray_methods[] = {
    COMMON_METHODS,
#define X(n) {#n, bytearray_##n, 0, NULL},
    BA_METHODS(X)
#undef X
    {NULL, NULL, 0, NULL},
};
