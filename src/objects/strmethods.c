/* strmethods.c — the methods of str (searching, splitting, stripping, case
 * mapping, padding, predicates, translate/maketrans, encode ...).
 *
 * Searching works on the UTF-8 bytes: a valid UTF-8 needle can only match at
 * character boundaries, so memmem() results are converted back to code point
 * indices only where a method returns an index.
 */
#include "gilpy.h"
#include "objects/strimpl/strimpl.h"

#define METHOD(name) static Obj *name(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)

/* ---- argument helpers ------------------------------------------------------ */

int strm_args(const char *tname, const char *fname, int kind, size_t nargs, Obj *kwnames, int min, int max) {
    if (kwnames && TUPLE_SIZE(kwnames) > 0) {
        err_format(&Exc_TypeError, "%s.%s() takes no keyword arguments", tname, fname);
        return -1;
    }
    ssize_t n = (ssize_t)nargs;
    switch (kind) {
    case ARGK_NONE:
        if (n) { err_format(&Exc_TypeError, "%s.%s() takes no arguments (%zd given)", tname, fname, n); return -1; }
        return 0;
    case ARGK_ONE:
        if (n != 1) { err_format(&Exc_TypeError, "%s.%s() takes exactly one argument (%zd given)", tname, fname, n); return -1; }
        return 0;
    case ARGK_OLD:
        if (n < min) {
            err_format(&Exc_TypeError, "%s() takes at least %d argument%s (%zd given)", fname, min, min == 1 ? "" : "s", n);
            return -1;
        }
        if (n > max) {
            err_format(&Exc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname, max, max == 1 ? "" : "s", n);
            return -1;
        }
        return 0;
    default:
        if (n < min) {
            err_format(&Exc_TypeError, "%s expected at least %d argument%s, got %zd", fname, min, min == 1 ? "" : "s", n);
            return -1;
        }
        if (n > max) {
            err_format(&Exc_TypeError, "%s expected at most %d argument%s, got %zd", fname, max, max == 1 ? "" : "s", n);
            return -1;
        }
        return 0;
    }
}

int strm_slice_arg(Obj *o, ssize_t *out) {
    if (o == None) return 0;
    if (IS_SMALLINT(o)) { *out = SMALLINT_VALUE(o); return 0; }
    if (int_check(o) || TYPE(o)->nb_index) {
        ssize_t v = obj_as_ssize(o, NULL);
        if (v == -1 && err_occurred()) return -1;
        *out = v;
        return 0;
    }
    err_set_str(&Exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

/* parse args[first], args[first+1] as start/end and clamp to [0, len] CPython-style */
int strmethods_parse_range(Obj *const *args, size_t nargs, size_t first, ssize_t len, ssize_t *start, ssize_t *end) {
    ssize_t s = 0, e = SSIZE_MAX;
    if (nargs > first && strm_slice_arg(args[first], &s) < 0) return -1;
    if (nargs > first + 1 && strm_slice_arg(args[first + 1], &e) < 0) return -1;
    if (e > len) e = len;
    else if (e < 0) { e += len; if (e < 0) e = 0; }
    if (s < 0) { s += len; if (s < 0) s = 0; }
    *start = s;
    *end = e;
    return 0;
}

static ssize_t to_index(Obj *o) {
    ssize_t v = obj_as_ssize(o, &Exc_OverflowError);
    return v;
}

/* ---- low level search ------------------------------------------------------- */

static ssize_t bfind(const char *h, ssize_t hn, const char *n, ssize_t nn) {
    if (nn == 0) return 0;
    if (nn > hn) return -1;
    const char *r = nn == 1 ? memchr(h, n[0], (size_t)hn) : memmem(h, (size_t)hn, n, (size_t)nn);
    return r ? r - h : -1;
}

static ssize_t brfind(const char *h, ssize_t hn, const char *n, ssize_t nn) {
    if (nn == 0) return hn;
    if (nn > hn) return -1;
    if (nn == 1) {
        const char *r = memrchr(h, n[0], (size_t)hn);
        return r ? r - h : -1;
    }
    for (ssize_t i = hn - nn; i >= 0; i--)
        if (h[i] == n[0] && memcmp(h + i, n, (size_t)nn) == 0) return i;
    return -1;
}

static ssize_t bcount(const char *h, ssize_t hn, const char *n, ssize_t nn, ssize_t maxcount) {
    ssize_t c = 0, i = 0;
    while (c < maxcount) {
        ssize_t r = bfind(h + i, hn - i, n, nn);
        if (r < 0) break;
        c++;
        i += r + nn;
    }
    return c;
}

static Obj *need_str(Obj *o) {
    if (!str_check(o)) return err_format(&Exc_TypeError, "must be str, not %T", o);
    return o;
}

/* find/rfind/index/rindex: dir 1 = forward, -1 = reverse. Returns code point index or -1,
 * -2 on error. */
static ssize_t find_impl(Obj *self, Obj *const *args, size_t nargs, int dir) {
    Obj *sub = args[0];
    if (!need_str(sub)) return -2;
    ssize_t start, end, len = STR_LEN(self);
    if (strmethods_parse_range(args, nargs, 1, len, &start, &end) < 0) return -2;
    if (start > len || end - start < STR_LEN(sub)) return -1;
    ssize_t b0 = str_byte_offset(self, start), b1 = str_byte_offset(self, end);
    const char *h = STR_DATA(self) + b0;
    ssize_t r = dir > 0 ? bfind(h, b1 - b0, STR_DATA(sub), STR_SIZE(sub)) : brfind(h, b1 - b0, STR_DATA(sub), STR_SIZE(sub));
    if (r < 0) return -1;
    if (STR_ISASCII(self)) return start + r;
    return start + u8_count(h, r);
}

Obj *strmethods_find_impl(Obj *self, Obj *const *args, size_t nargs, int dir, int raise, const char *fname) {
    if (strm_args("str", fname, ARGK_OLD, nargs, NULL, 1, 3) < 0) return NULL;
    ssize_t r = find_impl(self, args, nargs, dir);
    if (r == -2) return NULL;
    if (r == -1 && raise) return err_set_str(&Exc_ValueError, "substring not found");
    return int_from_ssize(r);
}

METHOD(m_find) {
    if (strm_args("str", "find", ARGK_OLD, nargs, kwnames, 1, 3) < 0) return NULL;
    return strmethods_find_impl(self, args, nargs, 1, 0, "find");
}
METHOD(m_rfind) {
    if (strm_args("str", "rfind", ARGK_OLD, nargs, kwnames, 1, 3) < 0) return NULL;
    return strmethods_find_impl(self, args, nargs, -1, 0, "rfind");
}
METHOD(m_index) {
    if (strm_args("str", "index", ARGK_OLD, nargs, kwnames, 1, 3) < 0) return NULL;
    return strmethods_find_impl(self, args, nargs, 1, 1, "index");
}
METHOD(m_rindex) {
    if (strm_args("str", "rindex", ARGK_OLD, nargs, kwnames, 1, 3) < 0) return NULL;
    return strmethods_find_impl(self, args, nargs, -1, 1, "rindex");
}

METHOD(m_count) {
    if (strm_args("str", "count", ARGK_OLD, nargs, kwnames, 1, 3) < 0) return NULL;
    Obj *sub = args[0];
    if (!need_str(sub)) return NULL;
    ssize_t start, end, len = STR_LEN(self);
    if (strmethods_parse_range(args, nargs, 1, len, &start, &end) < 0) return NULL;
    if (start > len || end < start) return MAKE_SMALLINT(0);
    if (STR_LEN(sub) == 0) return int_from_ssize(end - start + 1);
    ssize_t b0 = str_byte_offset(self, start), b1 = str_byte_offset(self, end);
    return int_from_ssize(bcount(STR_DATA(self) + b0, b1 - b0, STR_DATA(sub), STR_SIZE(sub), SSIZE_MAX));
}

static int match_at(Obj *self, Obj *sub, ssize_t start, ssize_t end, int suffix) {
    /* start/end already clamped */
    if (start > STR_LEN(self)) return 0;
    if (end - start < STR_LEN(sub)) return 0;
    if (STR_LEN(sub) == 0) return 1;
    ssize_t b0 = str_byte_offset(self, start), b1 = str_byte_offset(self, end);
    if (b1 - b0 < STR_SIZE(sub)) return 0;
    const char *p = suffix ? STR_DATA(self) + b1 - STR_SIZE(sub) : STR_DATA(self) + b0;
    return memcmp(p, STR_DATA(sub), (size_t)STR_SIZE(sub)) == 0;
}

static Obj *starts_ends(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, int suffix) {
    const char *fn = suffix ? "endswith" : "startswith";
    if (strm_args("str", fn, ARGK_OLD, nargs, kwnames, 1, 3) < 0) return NULL;
    ssize_t start, end;
    if (strmethods_parse_range(args, nargs, 1, STR_LEN(self), &start, &end) < 0) return NULL;
    Obj *x = args[0];
    if (tuple_check(x)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(x); i++) {
            Obj *s = TUPLE_GET(x, i);
            if (!str_check(s))
                return err_format(&Exc_TypeError, "tuple for %s must only contain str, not %T", fn, s);
            if (match_at(self, s, start, end, suffix)) RETURN_BOOL(1);
        }
        RETURN_BOOL(0);
    }
    if (!str_check(x))
        return err_format(&Exc_TypeError, "%s first arg must be str or a tuple of str, not %T", fn, x);
    RETURN_BOOL(match_at(self, x, start, end, suffix));
}
METHOD(m_startswith) { return starts_ends(self, args, nargs, kwnames, 0); }
METHOD(m_endswith) { return starts_ends(self, args, nargs, kwnames, 1); }

/* ---- split family -------------------------------------------------------------- */

static int append_sub(Obj *list, const char *p, ssize_t n) {
    Obj *s = str_from_utf8(p, n);
    if (!s) return -1;
    int r = list_append(list, s);
    DECREF(s);
    return r;
}

static inline uint32_t cp_at(const unsigned char *p, ssize_t *i) {
    int l;
    uint32_t c = u8_decode(p + *i, &l);
    *i += l;
    return c;
}

/* previous code point before byte offset *i; moves *i back */
static inline uint32_t cp_before(const unsigned char *p, ssize_t *i) {
    ssize_t j = *i - 1;
    while (j > 0 && (p[j] & 0xC0) == 0x80) j--;
    int l;
    uint32_t c = u8_decode(p + j, &l);
    *i = j;
    return c;
}

static Obj *split_ws(Obj *self, ssize_t maxsplit) {
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self), i = 0;
    Obj *list = list_new(0);
    if (!list) return NULL;
    while (1) {
        /* skip whitespace */
        while (i < n) {
            ssize_t j = i;
            if (!uc_isspace(cp_at(p, &j))) break;
            i = j;
        }
        if (i >= n) break;
        if (maxsplit-- == 0) {
            /* the rest, trailing whitespace kept (as CPython) */
            ssize_t e = n;
            if (i == 0 && e == n && TYPE(self) == &Str_Type) {
                if (list_append(list, self) < 0) goto fail;
            } else if (append_sub(list, (const char *)p + i, e - i) < 0) goto fail;
            break;
        }
        ssize_t s = i;
        while (i < n) {
            ssize_t j = i;
            if (uc_isspace(cp_at(p, &j))) break;
            i = j;
        }
        if (s == 0 && i == n && TYPE(self) == &Str_Type) {
            if (list_append(list, self) < 0) goto fail;
        } else if (append_sub(list, (const char *)p + s, i - s) < 0) goto fail;
    }
    return list;
fail:
    DECREF(list);
    return NULL;
}

static Obj *rsplit_ws(Obj *self, ssize_t maxsplit) {
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self), i = n;
    Obj *list = list_new(0);
    if (!list) return NULL;
    while (1) {
        while (i > 0) {
            ssize_t j = i;
            if (!uc_isspace(cp_before(p, &j))) break;
            i = j;
        }
        if (i <= 0) break;
        if (maxsplit-- == 0) {
            ssize_t b = 0;
            if (append_sub(list, (const char *)p + b, i - b) < 0) goto fail;
            break;
        }
        ssize_t e = i;
        while (i > 0) {
            ssize_t j = i;
            if (uc_isspace(cp_before(p, &j))) break;
            i = j;
        }
        if (append_sub(list, (const char *)p + i, e - i) < 0) goto fail;
    }
    /* reverse */
    Obj **it = LIST_ITEMS(list);
    for (ssize_t a = 0, b = LIST_SIZE(list) - 1; a < b; a++, b--) { Obj *t = it[a]; it[a] = it[b]; it[b] = t; }
    return list;
fail:
    DECREF(list);
    return NULL;
}

static Obj *split_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, int reverse) {
    static const char *const names[] = {"sep", "maxsplit"};
    Obj *a[2] = {NULL, NULL};
    if (args_parse(reverse ? "rsplit" : "split", args, nargs, kwnames, names, 2, 0, 2, a) < 0) return NULL;
    ssize_t maxsplit = -1;
    if (a[1]) {
        maxsplit = to_index(a[1]);
        if (maxsplit == -1 && err_occurred()) return NULL;
    }
    if (maxsplit < 0) maxsplit = SSIZE_MAX;
    if (!a[0] || a[0] == None) return reverse ? rsplit_ws(self, maxsplit) : split_ws(self, maxsplit);
    Obj *sep = a[0];
    if (!str_check(sep)) return err_format(&Exc_TypeError, "must be str or None, not %T", sep);
    if (STR_SIZE(sep) == 0) return err_set_str(&Exc_ValueError, "empty separator");
    const char *p = STR_DATA(self), *sp = STR_DATA(sep);
    ssize_t n = STR_SIZE(self), sn = STR_SIZE(sep);
    Obj *list = list_new(0);
    if (!list) return NULL;
    if (!reverse) {
        ssize_t i = 0;
        while (maxsplit-- > 0) {
            ssize_t r = bfind(p + i, n - i, sp, sn);
            if (r < 0) break;
            if (append_sub(list, p + i, r) < 0) goto fail;
            i += r + sn;
        }
        if (i == 0 && TYPE(self) == &Str_Type) { if (list_append(list, self) < 0) goto fail; }
        else if (append_sub(list, p + i, n - i) < 0) goto fail;
    } else {
        ssize_t e = n;
        while (maxsplit-- > 0) {
            ssize_t r = brfind(p, e, sp, sn);
            if (r < 0) break;
            if (append_sub(list, p + r + sn, e - r - sn) < 0) goto fail;
            e = r;
        }
        if (e == n && TYPE(self) == &Str_Type) { if (list_append(list, self) < 0) goto fail; }
        else if (append_sub(list, p, e) < 0) goto fail;
        Obj **it = LIST_ITEMS(list);
        for (ssize_t x = 0, y = LIST_SIZE(list) - 1; x < y; x++, y--) { Obj *t = it[x]; it[x] = it[y]; it[y] = t; }
    }
    return list;
fail:
    DECREF(list);
    return NULL;
}
METHOD(m_split) { return split_common(self, args, nargs, kwnames, 0); }
METHOD(m_rsplit) { return split_common(self, args, nargs, kwnames, 1); }

static bool is_linebreak(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E ||
           c == 0x85 || c == 0x2028 || c == 0x2029;
}

METHOD(m_splitlines) {
    static const char *const names[] = {"keepends"};
    Obj *a[1] = {NULL};
    if (args_parse("splitlines", args, nargs, kwnames, names, 1, 0, 1, a) < 0) return NULL;
    int keep = 0;
    if (a[0]) {
        if (float_check(a[0])) return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[0]);
        keep = obj_is_true(a[0]);
        if (keep < 0) return NULL;
    }
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self), i = 0;
    Obj *list = list_new(0);
    if (!list) return NULL;
    while (i < n) {
        ssize_t s = i, e;
        uint32_t c = 0;
        while (i < n) {
            ssize_t j = i;
            c = cp_at(p, &j);
            if (is_linebreak(c)) break;
            i = j;
        }
        e = i;
        if (i < n) {
            ssize_t j = i;
            cp_at(p, &j);
            if (c == '\r' && j < n && p[j] == '\n') j++;
            i = j;
            if (keep) e = i;
        }
        if (append_sub(list, (const char *)p + s, e - s) < 0) { DECREF(list); return NULL; }
    }
    return list;
}

static Obj *partition_impl(Obj *self, Obj *sep, int reverse) {
    if (!str_check(sep)) return err_format(&Exc_TypeError, "must be str, not %T", sep);
    if (STR_SIZE(sep) == 0) return err_set_str(&Exc_ValueError, "empty separator");
    const char *p = STR_DATA(self);
    ssize_t n = STR_SIZE(self);
    ssize_t r = reverse ? brfind(p, n, STR_DATA(sep), STR_SIZE(sep)) : bfind(p, n, STR_DATA(sep), STR_SIZE(sep));
    Obj *a, *b, *c;
    if (r < 0) {
        Obj *whole = str_exact_copy(self);
        if (!whole) return NULL;
        Obj *e = str_empty();
        Obj *t = reverse ? tuple_pack(3, e, e, whole) : tuple_pack(3, whole, e, e);
        DECREF(whole);
        return t;
    }
    a = str_from_utf8(p, r);
    b = str_exact_copy(sep);
    c = str_from_utf8(p + r + STR_SIZE(sep), n - r - STR_SIZE(sep));
    Obj *t = (a && b && c) ? tuple_pack(3, a, b, c) : NULL;
    XDECREF(a); XDECREF(b); XDECREF(c);
    return t;
}
METHOD(m_partition) {
    if (strm_args("str", "partition", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    return partition_impl(self, args[0], 0);
}
METHOD(m_rpartition) {
    if (strm_args("str", "rpartition", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    return partition_impl(self, args[0], 1);
}

METHOD(m_join) {
    if (strm_args("str", "join", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    Obj *it = args[0];
    if (TYPE(it) != &List_Type && TYPE(it) != &Tuple_Type && !TYPE(it)->iter && !TYPE(it)->getitem)
        return err_set_str(&Exc_TypeError, "can only join an iterable");
    return str_join(self, it);
}

/* ---- strip ---------------------------------------------------------------------- */

static Obj *strip_impl(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, int left, int right, const char *fn) {
    if (strm_args("str", fn, ARGK_CLINIC, nargs, kwnames, 0, 1) < 0) return NULL;
    Obj *chars = nargs ? args[0] : None;
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self), b = 0, e = n;
    if (chars == None) {
        if (left) while (b < e) { ssize_t j = b; if (!uc_isspace(cp_at(p, &j))) break; b = j; }
        if (right) while (e > b) { ssize_t j = e; if (!uc_isspace(cp_before(p, &j))) break; e = j; }
    } else {
        if (!str_check(chars)) return err_format(&Exc_TypeError, "%s arg must be None or str", fn);
        const unsigned char *cp = (const unsigned char *)STR_DATA(chars);
        ssize_t cn = STR_SIZE(chars);
        if (STR_ISASCII(chars)) {
            unsigned char tab[256] = {0};
            for (ssize_t k = 0; k < cn; k++) tab[cp[k]] = 1;
            if (left) while (b < e && tab[p[b]]) b++;
            if (right) while (e > b && tab[p[e - 1]]) e--;
        } else {
            /* general: decode the set once */
            ssize_t m = STR_LEN(chars);
            uint32_t *set = mem_alloc((size_t)m * sizeof(uint32_t));
            if (!set) return NULL;
            for (ssize_t k = 0, q = 0; k < m; k++) set[k] = cp_at(cp, &q);
            if (left) while (b < e) { ssize_t j = b; uint32_t c = cp_at(p, &j); bool in = false; for (ssize_t z = 0; z < m; z++) if (set[z] == c) { in = true; break; } if (!in) break; b = j; }
            if (right) while (e > b) { ssize_t j = e; uint32_t c = cp_before(p, &j); bool in = false; for (ssize_t z = 0; z < m; z++) if (set[z] == c) { in = true; break; } if (!in) break; e = j; }
            mem_free(set);
        }
    }
    if (b == 0 && e == n) return str_exact_copy(self);
    return str_from_utf8((const char *)p + b, e - b);
}
METHOD(m_strip) { return strip_impl(self, args, nargs, kwnames, 1, 1, "strip"); }
METHOD(m_lstrip) { return strip_impl(self, args, nargs, kwnames, 1, 0, "lstrip"); }
METHOD(m_rstrip) { return strip_impl(self, args, nargs, kwnames, 0, 1, "rstrip"); }

/* ---- replace ---------------------------------------------------------------------- */

METHOD(m_replace) {
    if (strm_args("str", "replace", ARGK_CLINIC, nargs, kwnames, 2, 3) < 0) return NULL;
    Obj *old = args[0], *new_ = args[1];
    if (!str_check(old)) return err_format(&Exc_TypeError, "replace() argument 1 must be str, not %T", old);
    if (!str_check(new_)) return err_format(&Exc_TypeError, "replace() argument 2 must be str, not %T", new_);
    ssize_t count = -1;
    if (nargs > 2) {
        count = to_index(args[2]);
        if (count == -1 && err_occurred()) return NULL;
    }
    if (count < 0) count = SSIZE_MAX;
    const char *p = STR_DATA(self), *op = STR_DATA(old), *np = STR_DATA(new_);
    ssize_t n = STR_SIZE(self), on = STR_SIZE(old), nn = STR_SIZE(new_);
    if (count == 0) return str_exact_copy(self);
    StrBuilder sb;
    sb_init(&sb);
    if (on == 0) {
        /* insert new before every character and at the end */
        ssize_t i = 0, done = 0;
        while (done < count) {
            if (sb_append_str(&sb, new_) < 0) goto fail;
            done++;
            if (i >= n) break;
            int l = u8_lead_len((unsigned char)p[i]);
            if (sb_append(&sb, p + i, l) < 0) goto fail;
            i += l;
        }
        if (sb_append(&sb, p + i, n - i) < 0) goto fail;
        return sb_finish(&sb);
    }
    ssize_t first = bfind(p, n, op, on);
    if (first < 0) return str_exact_copy(self);
    ssize_t i = 0;
    (void)nn; (void)np;
    while (count-- > 0) {
        ssize_t r = bfind(p + i, n - i, op, on);
        if (r < 0) break;
        if (sb_append(&sb, p + i, r) < 0 || sb_append_str(&sb, new_) < 0) goto fail;
        i += r + on;
    }
    if (sb_append(&sb, p + i, n - i) < 0) goto fail;
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

METHOD(m_removeprefix) {
    if (strm_args("str", "removeprefix", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    Obj *x = args[0];
    if (!str_check(x)) return err_format(&Exc_TypeError, "removeprefix() argument must be str, not %T", x);
    if (STR_SIZE(x) <= STR_SIZE(self) && memcmp(STR_DATA(self), STR_DATA(x), (size_t)STR_SIZE(x)) == 0)
        return str_from_utf8(STR_DATA(self) + STR_SIZE(x), STR_SIZE(self) - STR_SIZE(x));
    return str_exact_copy(self);
}
METHOD(m_removesuffix) {
    if (strm_args("str", "removesuffix", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    Obj *x = args[0];
    if (!str_check(x)) return err_format(&Exc_TypeError, "removesuffix() argument must be str, not %T", x);
    if (STR_SIZE(x) > 0 && STR_SIZE(x) <= STR_SIZE(self) &&
        memcmp(STR_DATA(self) + STR_SIZE(self) - STR_SIZE(x), STR_DATA(x), (size_t)STR_SIZE(x)) == 0)
        return str_from_utf8(STR_DATA(self), STR_SIZE(self) - STR_SIZE(x));
    return str_exact_copy(self);
}

/* ---- case mapping --------------------------------------------------------------- */

static bool is_cased(uint32_t c) { return (uc_flags(c) & UC_CASED) != 0; }
static bool is_case_ignorable(uint32_t c) { return (uc_flags(c) & UC_CASE_IGNORABLE) != 0; }

/* Greek capital sigma lowercases to final sigma at the end of a word. */
static uint32_t lower_sigma(const unsigned char *p, ssize_t n, ssize_t at, ssize_t after) {
    ssize_t j = at;
    bool before_cased = false;
    while (j > 0) {
        uint32_t c = cp_before(p, &j);
        if (is_case_ignorable(c)) continue;
        before_cased = is_cased(c);
        break;
    }
    if (!before_cased) return 0x3C3;
    j = after;
    while (j < n) {
        uint32_t c = cp_at(p, &j);
        if (is_case_ignorable(c)) continue;
        if (is_cased(c)) return 0x3C3;
        break;
    }
    return 0x3C2;
}

enum { CM_UPPER, CM_LOWER, CM_TITLE, CM_CAPITALIZE, CM_SWAPCASE, CM_FOLD };

static int map_lower(const unsigned char *p, ssize_t n, ssize_t at, ssize_t after, uint32_t c, uint32_t *out) {
    if (c == 0x3A3) { out[0] = lower_sigma(p, n, at, after); return 1; }
    return uc_lower(c, out);
}

static Obj *case_map(Obj *self, int mode) {
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self);
    if (STR_ISASCII(self)) {
        Obj *r = str_new_uninit(n, n);
        if (!r) return NULL;
        char *d = STR_DATA(r);
        int prev_cased = 0;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = p[i];
            int lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
            switch (mode) {
            case CM_UPPER: d[i] = lo ? (char)(c - 32) : (char)c; break;
            case CM_LOWER: case CM_FOLD: d[i] = up ? (char)(c + 32) : (char)c; break;
            case CM_SWAPCASE: d[i] = lo ? (char)(c - 32) : up ? (char)(c + 32) : (char)c; break;
            case CM_CAPITALIZE:
                if (i == 0) d[i] = lo ? (char)(c - 32) : (char)c;
                else d[i] = up ? (char)(c + 32) : (char)c;
                break;
            default: /* title */
                if (prev_cased) d[i] = up ? (char)(c + 32) : (char)c;
                else d[i] = lo ? (char)(c - 32) : (char)c;
                prev_cased = lo || up;
                break;
            }
        }
        return r;
    }
    StrBuilder sb;
    sb_init(&sb);
    if (sb_reserve(&sb, n) < 0) return NULL;
    ssize_t i = 0;
    int prev_cased = 0, first = 1;
    uint32_t out[3];
    while (i < n) {
        ssize_t at = i;
        uint32_t c = cp_at(p, &i);
        int k;
        switch (mode) {
        case CM_UPPER: k = uc_upper(c, out); break;
        case CM_LOWER: k = map_lower(p, n, at, i, c, out); break;
        case CM_FOLD: k = uc_fold(c, out); break;
        case CM_SWAPCASE: {
            unsigned f = uc_flags(c);
            if (f & UC_UPPER) k = map_lower(p, n, at, i, c, out);
            else if (f & UC_LOWER) k = uc_upper(c, out);
            else { out[0] = c; k = 1; }
            break;
        }
        case CM_CAPITALIZE:
            if (first) k = uc_title(c, out);
            else k = map_lower(p, n, at, i, c, out);
            break;
        default:
            if (prev_cased) k = map_lower(p, n, at, i, c, out);
            else k = uc_title(c, out);
            prev_cased = is_cased(c);
            break;
        }
        first = 0;
        for (int z = 0; z < k; z++)
            if (sb_append_char(&sb, out[z]) < 0) { sb_discard(&sb); return NULL; }
    }
    return sb_finish(&sb);
}

#define CASE_METHOD(fn, name, mode) \
    METHOD(fn) { if (strm_args("str", name, ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL; return case_map(self, mode); }
CASE_METHOD(m_upper, "upper", CM_UPPER)
CASE_METHOD(m_lower, "lower", CM_LOWER)
CASE_METHOD(m_title, "title", CM_TITLE)
CASE_METHOD(m_capitalize, "capitalize", CM_CAPITALIZE)
CASE_METHOD(m_swapcase, "swapcase", CM_SWAPCASE)
CASE_METHOD(m_casefold, "casefold", CM_FOLD)

/* ---- predicates ---------------------------------------------------------------- */

static Obj *pred_all(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, const char *name, unsigned mask, int empty_ok) {
    if (strm_args("str", name, ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self), i = 0;
    if (n == 0) RETURN_BOOL(empty_ok);
    while (i < n) {
        uint32_t c = cp_at(p, &i);
        if (!(uc_flags(c) & mask)) RETURN_BOOL(0);
    }
    RETURN_BOOL(1);
}
METHOD(m_isalpha) { return pred_all(self, args, nargs, kwnames, "isalpha", UC_ALPHA, 0); }
METHOD(m_isdecimal) { return pred_all(self, args, nargs, kwnames, "isdecimal", UC_DECIMAL, 0); }
METHOD(m_isdigit) { return pred_all(self, args, nargs, kwnames, "isdigit", UC_DIGIT, 0); }
METHOD(m_isnumeric) { return pred_all(self, args, nargs, kwnames, "isnumeric", UC_NUMERIC, 0); }
METHOD(m_isspace) { return pred_all(self, args, nargs, kwnames, "isspace", UC_SPACE, 0); }
METHOD(m_isalnum) { return pred_all(self, args, nargs, kwnames, "isalnum", UC_ALPHA | UC_DECIMAL | UC_DIGIT | UC_NUMERIC, 0); }
METHOD(m_isprintable) { return pred_all(self, args, nargs, kwnames, "isprintable", UC_PRINTABLE, 1); }

METHOD(m_isascii) {
    if (strm_args("str", "isascii", ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    RETURN_BOOL(STR_ISASCII(self));
}

METHOD(m_isidentifier) {
    if (strm_args("str", "isidentifier", ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self), i = 0;
    if (n == 0) RETURN_BOOL(0);
    uint32_t c = cp_at(p, &i);
    if (c != '_' && !(uc_flags(c) & UC_XID_START)) RETURN_BOOL(0);
    while (i < n) {
        c = cp_at(p, &i);
        if (!(uc_flags(c) & UC_XID_CONTINUE)) RETURN_BOOL(0);
    }
    RETURN_BOOL(1);
}

static Obj *is_case(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, int upper) {
    if (strm_args("str", upper ? "isupper" : "islower", ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self), i = 0;
    int cased = 0;
    while (i < n) {
        unsigned f = uc_flags(cp_at(p, &i));
        if (upper) {
            if (f & (UC_LOWER | UC_TITLE)) RETURN_BOOL(0);
            if (f & UC_UPPER) cased = 1;
        } else {
            if (f & (UC_UPPER | UC_TITLE)) RETURN_BOOL(0);
            if (f & UC_LOWER) cased = 1;
        }
    }
    RETURN_BOOL(cased);
}
METHOD(m_isupper) { return is_case(self, args, nargs, kwnames, 1); }
METHOD(m_islower) { return is_case(self, args, nargs, kwnames, 0); }

METHOD(m_istitle) {
    if (strm_args("str", "istitle", ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self), i = 0;
    int cased = 0, prev = 0;
    while (i < n) {
        unsigned f = uc_flags(cp_at(p, &i));
        if (f & (UC_UPPER | UC_TITLE)) {
            if (prev) RETURN_BOOL(0);
            prev = cased = 1;
        } else if (f & UC_LOWER) {
            if (!prev) RETURN_BOOL(0);
            prev = cased = 1;
        } else prev = 0;
    }
    RETURN_BOOL(cased);
}

/* ---- padding ---------------------------------------------------------------------- */

static int get_fill(Obj *const *args, size_t nargs, uint32_t *fill) {
    *fill = ' ';
    if (nargs < 2) return 0;
    Obj *f = args[1];
    if (!str_check(f)) {
        err_format(&Exc_TypeError, "The fill character must be a unicode character, not %T", f);
        return -1;
    }
    if (STR_LEN(f) != 1) {
        err_set_str(&Exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *fill = str_char_at(f, 0);
    return 0;
}

static Obj *pad(Obj *self, ssize_t left, ssize_t right, uint32_t fill) {
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (!left && !right) return str_exact_copy(self);
    StrBuilder sb;
    sb_init(&sb);
    if (sb_append_char_n(&sb, fill, left) < 0 || sb_append_str(&sb, self) < 0 || sb_append_char_n(&sb, fill, right) < 0) {
        sb_discard(&sb);
        return NULL;
    }
    return sb_finish(&sb);
}

static Obj *just(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, const char *name, int mode) {
    if (strm_args("str", name, ARGK_CLINIC, nargs, kwnames, 1, 2) < 0) return NULL;
    ssize_t w = to_index(args[0]);
    if (w == -1 && err_occurred()) return NULL;
    uint32_t fill;
    if (get_fill(args, nargs, &fill) < 0) return NULL;
    ssize_t extra = w - STR_LEN(self);
    if (extra <= 0) return str_exact_copy(self);
    if (mode == 0) return pad(self, 0, extra, fill);
    if (mode == 1) return pad(self, extra, 0, fill);
    /* center: CPython puts the odd extra on the left when the width is odd */
    ssize_t left = extra / 2 + (extra & w & 1);
    return pad(self, left, extra - left, fill);
}
METHOD(m_ljust) { return just(self, args, nargs, kwnames, "ljust", 0); }
METHOD(m_rjust) { return just(self, args, nargs, kwnames, "rjust", 1); }
METHOD(m_center) { return just(self, args, nargs, kwnames, "center", 2); }

METHOD(m_zfill) {
    if (strm_args("str", "zfill", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    ssize_t w = to_index(args[0]);
    if (w == -1 && err_occurred()) return NULL;
    ssize_t extra = w - STR_LEN(self);
    if (extra <= 0) return str_exact_copy(self);
    StrBuilder sb;
    sb_init(&sb);
    const char *p = STR_DATA(self);
    ssize_t n = STR_SIZE(self), i = 0;
    if (n > 0 && (p[0] == '+' || p[0] == '-')) {
        if (sb_append(&sb, p, 1) < 0) goto fail;
        i = 1;
    }
    if (sb_append_ascii_n(&sb, '0', extra) < 0 || sb_append(&sb, p + i, n - i) < 0) goto fail;
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

METHOD(m_expandtabs) {
    static const char *const names[] = {"tabsize"};
    Obj *a[1] = {NULL};
    if (args_parse("expandtabs", args, nargs, kwnames, names, 1, 0, 1, a) < 0) return NULL;
    ssize_t ts = 8;
    if (a[0]) {
        ts = to_index(a[0]);
        if (ts == -1 && err_occurred()) return NULL;
    }
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self), i = 0, col = 0;
    if (!memchr(p, '\t', (size_t)n)) return str_exact_copy(self);
    StrBuilder sb;
    sb_init(&sb);
    while (i < n) {
        unsigned char c = p[i];
        if (c == '\t') {
            if (ts > 0) {
                ssize_t k = ts - col % ts;
                if (sb_append_ascii_n(&sb, ' ', k) < 0) goto fail;
                col += k;
            }
            i++;
        } else if (c == '\n' || c == '\r') {
            if (sb_append_char(&sb, c) < 0) goto fail;
            col = 0;
            i++;
        } else {
            int l = u8_lead_len(c);
            if (sb_append(&sb, (const char *)p + i, l) < 0) goto fail;
            col++;
            i += l;
        }
    }
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

/* ---- translate / maketrans ----------------------------------------------------- */

METHOD(m_translate) {
    if (strm_args("str", "translate", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    Obj *table = args[0];
    const unsigned char *p = (const unsigned char *)STR_DATA(self);
    ssize_t n = STR_SIZE(self), i = 0;
    StrBuilder sb;
    sb_init(&sb);
    while (i < n) {
        ssize_t at = i;
        uint32_t c = cp_at(p, &i);
        Obj *key = MAKE_SMALLINT(c);
        Obj *v = obj_getitem(table, key);
        if (!v) {
            if (err_matches(&Exc_LookupError)) {
                err_clear();
                if (sb_append(&sb, (const char *)p + at, i - at) < 0) goto fail;
                continue;
            }
            goto fail;
        }
        if (v == None) { DECREF(v); continue; }
        if (int_check(v)) {
            long long x = int_as_long(v);
            DECREF(v);
            if (x == -1 && err_occurred()) goto fail;
            if (x < 0 || x > 0x10FFFF) {
                err_set_str(&Exc_ValueError, "character mapping must be in range(0x110000)");
                goto fail;
            }
            if (sb_append_char(&sb, (uint32_t)x) < 0) goto fail;
        } else if (str_check(v)) {
            int r = sb_append_str(&sb, v);
            DECREF(v);
            if (r < 0) goto fail;
        } else {
            DECREF(v);
            err_set_str(&Exc_TypeError, "character mapping must return integer, None or str");
            goto fail;
        }
    }
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

METHOD(m_maketrans) {
    if (strm_args("str", "maketrans", ARGK_CLINIC, nargs, kwnames, 1, 3) < 0) return NULL;
    Obj *d = dict_new();
    if (!d) return NULL;
    if (nargs == 1) {
        Obj *x = args[0];
        if (!dict_check(x)) {
            err_set_str(&Exc_TypeError, "if you give only one argument to maketrans it must be a dict");
            goto fail;
        }
        ssize_t pos = 0;
        Obj *k, *v;
        while (dict_next(x, &pos, &k, &v)) {
            if (str_check(k)) {
                if (STR_LEN(k) != 1) {
                    err_set_str(&Exc_ValueError, "string keys in translate table must be of length 1");
                    goto fail;
                }
                Obj *ik = int_from_long(str_char_at(k, 0));
                if (!ik) goto fail;
                int r = dict_setitem(d, ik, v);
                DECREF(ik);
                if (r < 0) goto fail;
            } else if (int_check(k)) {
                if (dict_setitem(d, k, v) < 0) goto fail;
            } else {
                err_set_str(&Exc_TypeError, "keys in translate table must be strings or integers");
                goto fail;
            }
        }
        return d;
    }
    Obj *x = args[0], *y = args[1];
    if (!str_check(x)) { err_format(&Exc_TypeError, "maketrans() argument 1 must be str, not %T", x); goto fail; }
    if (!str_check(y)) { err_format(&Exc_TypeError, "maketrans() argument 2 must be str, not %T", y); goto fail; }
    if (STR_LEN(x) != STR_LEN(y)) {
        err_set_str(&Exc_ValueError, "the first two maketrans arguments must have equal length");
        goto fail;
    }
    {
        const unsigned char *px = (const unsigned char *)STR_DATA(x), *py = (const unsigned char *)STR_DATA(y);
        ssize_t ix = 0, iy = 0;
        for (ssize_t k = 0; k < STR_LEN(x); k++) {
            uint32_t a = cp_at(px, &ix), b = cp_at(py, &iy);
            if (dict_setitem(d, MAKE_SMALLINT(a), MAKE_SMALLINT(b)) < 0) goto fail;
        }
    }
    if (nargs == 3) {
        Obj *z = args[2];
        if (!str_check(z)) { err_format(&Exc_TypeError, "maketrans() argument 3 must be str, not %T", z); goto fail; }
        const unsigned char *pz = (const unsigned char *)STR_DATA(z);
        ssize_t iz = 0;
        for (ssize_t k = 0; k < STR_LEN(z); k++)
            if (dict_setitem(d, MAKE_SMALLINT(cp_at(pz, &iz)), None) < 0) goto fail;
    }
    return d;
fail:
    DECREF(d);
    return NULL;
}

/* ---- encode / format ---------------------------------------------------------- */

METHOD(m_encode) {
    static const char *const names[] = {"encoding", "errors"};
    Obj *a[2] = {NULL, NULL};
    if (args_parse("encode", args, nargs, kwnames, names, 2, 0, 2, a) < 0) return NULL;
    if (a[0] && !str_check(a[0])) return err_format(&Exc_TypeError, "encode() argument 'encoding' must be str, not %T", a[0]);
    if (a[1] && !str_check(a[1])) return err_format(&Exc_TypeError, "encode() argument 'errors' must be str, not %T", a[1]);
    return str_encode(self, a[0] ? STR_DATA(a[0]) : "utf-8", a[1] ? STR_DATA(a[1]) : "strict");
}

METHOD(m_format) { return strformat_format(self, args, nargs, kwnames, NULL); }

METHOD(m_format_map) {
    if (strm_args("str", "format_map", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    return strformat_format(self, NULL, 0, NULL, args[0]);
}

METHOD(m_dunder_format) {
    if (strm_args("str", "__format__", ARGK_ONE, nargs, kwnames, 1, 1) < 0) return NULL;
    if (!str_check(args[0])) return err_format(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    return strformat_format_spec(self, args[0]);
}

METHOD(m_sizeof) {
    if (strm_args("str", "__sizeof__", ARGK_NONE, nargs, kwnames, 0, 0) < 0) return NULL;
    return int_from_ssize((ssize_t)sizeof(StrObj) + STR_SIZE(self) + 1);
}

Obj *str_method_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);

MethodDef str_methods[] = {
    {"encode", m_encode, 0, NULL},
    {"replace", m_replace, 0, NULL},
    {"split", m_split, 0, NULL},
    {"rsplit", m_rsplit, 0, NULL},
    {"join", m_join, 0, NULL},
    {"capitalize", m_capitalize, 0, NULL},
    {"casefold", m_casefold, 0, NULL},
    {"title", m_title, 0, NULL},
    {"center", m_center, 0, NULL},
    {"count", m_count, 0, NULL},
    {"expandtabs", m_expandtabs, 0, NULL},
    {"find", m_find, 0, NULL},
    {"partition", m_partition, 0, NULL},
    {"index", m_index, 0, NULL},
    {"ljust", m_ljust, 0, NULL},
    {"lower", m_lower, 0, NULL},
    {"lstrip", m_lstrip, 0, NULL},
    {"rfind", m_rfind, 0, NULL},
    {"rindex", m_rindex, 0, NULL},
    {"rjust", m_rjust, 0, NULL},
    {"rstrip", m_rstrip, 0, NULL},
    {"rpartition", m_rpartition, 0, NULL},
    {"splitlines", m_splitlines, 0, NULL},
    {"strip", m_strip, 0, NULL},
    {"swapcase", m_swapcase, 0, NULL},
    {"translate", m_translate, 0, NULL},
    {"upper", m_upper, 0, NULL},
    {"startswith", m_startswith, 0, NULL},
    {"endswith", m_endswith, 0, NULL},
    {"removeprefix", m_removeprefix, 0, NULL},
    {"removesuffix", m_removesuffix, 0, NULL},
    {"isascii", m_isascii, 0, NULL},
    {"islower", m_islower, 0, NULL},
    {"isupper", m_isupper, 0, NULL},
    {"istitle", m_istitle, 0, NULL},
    {"isspace", m_isspace, 0, NULL},
    {"isdecimal", m_isdecimal, 0, NULL},
    {"isdigit", m_isdigit, 0, NULL},
    {"isnumeric", m_isnumeric, 0, NULL},
    {"isalpha", m_isalpha, 0, NULL},
    {"isalnum", m_isalnum, 0, NULL},
    {"isidentifier", m_isidentifier, 0, NULL},
    {"isprintable", m_isprintable, 0, NULL},
    {"zfill", m_zfill, 0, NULL},
    {"format", m_format, 0, NULL},
    {"format_map", m_format_map, 0, NULL},
    {"__format__", m_dunder_format, 0, NULL},
    {"maketrans", m_maketrans, METH_STATIC, NULL},
    {"__sizeof__", m_sizeof, 0, NULL},
    {"__getnewargs__", str_method_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};
