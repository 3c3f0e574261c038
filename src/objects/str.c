/* str.c — the str type: allocation, interning, formatting of C messages,
 * the string builder, hashing, comparison, indexing, iteration and repr.
 *
 * Design note: a str is immutable, NUL-terminated UTF-8 (lone surrogates are
 * kept in the generalized 3-byte form).  `length` counts code points, `size`
 * bytes; `ascii` says length == size, which makes indexing O(1).  For other
 * strings a sampled index (byte offset of every 32nd code point) is built on
 * first random access, so s[i] costs at most 31 lead-byte skips.
 * One-character strings below U+0100 and "" are cached and immortal, so
 * iteration and s[i] over Latin-1 text never allocate.
 */
#include "gilpy.h"
#include "objects/strimpl/strimpl.h"

#define IDX_SHIFT 5
#define IDX_STEP (1 << IDX_SHIFT)

static Obj *char_cache[256];
static Obj *empty_str;

static void make_immortal(Obj *o) {
    /* interned / cached strings never die (see object.h: IMMORTAL_REFCNT) */
    o->refcnt = IMMORTAL_REFCNT;
}

/* ---- allocation -------------------------------------------------------- */

static StrObj *str_alloc(ssize_t size) {
    if (size < 0 || size > (ssize_t)(SIZE_MAX / 2)) { err_no_memory(); return NULL; }
    StrObj *s = (StrObj *)obj_alloc(&Str_Type, size + 1);
    if (!s) return NULL;
    s->size = size;
    s->hash = -1;
    s->data[size] = 0;
    return s;
}

Obj *str_empty(void) {
    if (!empty_str) {
        StrObj *s = str_alloc(0);
        if (!s) return NULL;
        s->ascii = 1;
        make_immortal(OBJ(s));
        empty_str = OBJ(s);
    }
    return empty_str;
}

Obj *str_char_obj(uint32_t cp) {
    if (cp < 256) {
        Obj *c = char_cache[cp];
        if (c) return c;
        StrObj *s = str_alloc(u8_cp_size(cp));
        if (!s) return NULL;
        u8_encode(s->data, cp);
        s->length = 1;
        s->ascii = cp < 128;
        make_immortal(OBJ(s));
        char_cache[cp] = OBJ(s);
        return OBJ(s);
    }
    if (cp > 0x10FFFF) return err_set_str(&Exc_ValueError, "chr() arg not in range(0x110000)");
    StrObj *s = str_alloc(u8_cp_size(cp));
    if (!s) return NULL;
    u8_encode(s->data, cp);
    s->length = 1;
    return OBJ(s);
}

Obj *str_from_codepoint(uint32_t cp) { return str_char_obj(cp); }

Obj *str_from_utf8_len(const char *p, ssize_t size, ssize_t length) {
    if (size == 0) return str_empty();
    if (length < 0) length = u8_count(p, size);
    if (length == 1) {
        int l;
        uint32_t cp = u8_decode((const unsigned char *)p, &l);
        if (cp < 256) return str_char_obj(cp);
    }
    StrObj *s = str_alloc(size);
    if (!s) return NULL;
    memcpy(s->data, p, (size_t)size);
    s->length = length;
    s->ascii = length == size;
    return OBJ(s);
}

Obj *str_from_utf8(const char *s, ssize_t size) { return str_from_utf8_len(s, size, -1); }
Obj *str_from_cstr(const char *s) { return str_from_utf8_len(s, (ssize_t)strlen(s), -1); }

Obj *str_new_uninit(ssize_t size, ssize_t length) {
    StrObj *s = str_alloc(size);
    if (!s) return NULL;
    s->length = length;
    s->ascii = size == length;
    return OBJ(s);
}

void str_finish(Obj *o) {
    StrObj *s = (StrObj *)o;
    s->length = u8_count(s->data, s->size);
    s->ascii = s->length == s->size;
    s->hash = -1;
    s->data[s->size] = 0;
}

Obj *str_exact_copy(Obj *s) {
    if (TYPE(s) == &Str_Type) return NEWREF(s);
    return str_from_utf8_len(STR_DATA(s), STR_SIZE(s), STR_LEN(s));
}

Obj *str_subtype_from(TypeObj *type, Obj *src) {
    if (type == &Str_Type) return NEWREF(src);
    StrObj *s = (StrObj *)type_generic_alloc(type, STR_SIZE(src) + 1);
    if (!s) return NULL;
    s->size = STR_SIZE(src);
    s->length = STR_LEN(src);
    s->ascii = STR_ISASCII(src);
    s->hash = -1;
    memcpy(s->data, STR_DATA(src), (size_t)s->size + 1);
    return OBJ(s);
}

static void str_dealloc(Obj *o) {
    StrObj *s = (StrObj *)o;
    if (s->index) mem_free(s->index);
    obj_free(o);
}

/* ---- indexing ---------------------------------------------------------- */

static int build_index(StrObj *s) {
    ssize_t n = (s->length >> IDX_SHIFT) + 1;
    ssize_t *idx = mem_alloc((size_t)n * sizeof(ssize_t));
    if (!idx) return -1;
    const unsigned char *p = (const unsigned char *)s->data;
    ssize_t off = 0, cp = 0, k = 0;
    while (k < n) {
        if ((cp & (IDX_STEP - 1)) == 0) idx[k++] = off;
        if (off >= s->size) break;
        off += u8_lead_len(p[off]);
        cp++;
    }
    while (k < n) idx[k++] = s->size;
    s->index = idx;
    return 0;
}

ssize_t str_byte_offset(Obj *o, ssize_t i) {
    StrObj *s = (StrObj *)o;
    if (s->ascii) return i;
    if (i >= s->length) return s->size;
    const unsigned char *p = (const unsigned char *)s->data;
    ssize_t off = 0, rem = i;
    if (i >= IDX_STEP) {
        if (!s->index && build_index(s) < 0) {
            err_clear();            /* fall back to a linear scan */
        } else {
            off = s->index[i >> IDX_SHIFT];
            rem = i & (IDX_STEP - 1);
        }
    }
    while (rem-- > 0) off += u8_lead_len(p[off]);
    return off;
}

ssize_t str_cp_index(Obj *s, ssize_t off) {
    if (STR_ISASCII(s)) return off;
    return u8_count(STR_DATA(s), off);
}

uint32_t str_char_at(Obj *s, ssize_t i) {
    if (STR_ISASCII(s)) return (unsigned char)STR_DATA(s)[i];
    int l;
    return u8_decode((const unsigned char *)STR_DATA(s) + str_byte_offset(s, i), &l);
}

Obj *str_substr(Obj *s, ssize_t start, ssize_t end) {
    if (start < 0) start = 0;
    if (end > STR_LEN(s)) end = STR_LEN(s);
    if (start >= end) return str_empty();
    if (start == 0 && end == STR_LEN(s) && TYPE(s) == &Str_Type) return NEWREF(s);
    ssize_t b0 = str_byte_offset(s, start);
    ssize_t b1;
    if (STR_ISASCII(s)) b1 = end;
    else {
        /* scan from b0 instead of a second index lookup when close */
        if (end - start < IDX_STEP * 2) {
            const unsigned char *p = (const unsigned char *)STR_DATA(s);
            b1 = b0;
            for (ssize_t k = start; k < end; k++) b1 += u8_lead_len(p[b1]);
        } else b1 = str_byte_offset(s, end);
    }
    return str_from_utf8_len(STR_DATA(s) + b0, b1 - b0, end - start);
}

/* ---- hashing, equality, comparison ------------------------------------ */

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static inline uint64_t fmix64(uint64_t k) {
    k ^= k >> 33; k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33; k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33; return k;
}

/* Murmur3-style 64-bit mixing over 8-byte words; fixed seed (no randomisation). */
uint64_t str_hash_bytes(const void *data, size_t n) {
    const unsigned char *p = data;
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)n * 0x87c37b91114253d5ULL);
    const uint64_t c1 = 0x87c37b91114253d5ULL, c2 = 0x4cf5ad432745937fULL;
    while (n >= 8) {
        uint64_t k;
        memcpy(&k, p, 8);
        k *= c1; k = rotl64(k, 31); k *= c2;
        h ^= k; h = rotl64(h, 27) * 5 + 0x52dce729;
        p += 8; n -= 8;
    }
    if (n) {
        uint64_t k = 0;
        memcpy(&k, p, n);
        k *= c1; k = rotl64(k, 31); k *= c2;
        h ^= k;
    }
    return fmix64(h);
}

hash_t str_hash(Obj *o) {
    StrObj *s = (StrObj *)o;
    if (s->hash != -1) return s->hash;
    hash_t h = (hash_t)str_hash_bytes(s->data, (size_t)s->size);
    if (h == -1) h = -2;
    s->hash = h;
    return h;
}

bool str_eq(Obj *a, Obj *b) {
    if (a == b) return true;
    StrObj *x = (StrObj *)a, *y = (StrObj *)b;
    if (x->size != y->size) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    return memcmp(x->data, y->data, (size_t)x->size) == 0;
}

bool str_eq_cstr(Obj *s, const char *c) {
    size_t n = strlen(c);
    return (size_t)STR_SIZE(s) == n && memcmp(STR_DATA(s), c, n) == 0;
}

/* UTF-8 byte order equals code point order. */
int str_compare(Obj *a, Obj *b) {
    ssize_t na = STR_SIZE(a), nb = STR_SIZE(b);
    int c = memcmp(STR_DATA(a), STR_DATA(b), (size_t)(na < nb ? na : nb));
    if (c) return c;
    return na < nb ? -1 : na > nb;
}

static Obj *str_richcompare(Obj *a, Obj *b, int op) {
    if (!str_check(a) || !str_check(b)) RETURN_NOTIMPL;
    if (op == CMP_EQ) RETURN_BOOL(str_eq(a, b));
    if (op == CMP_NE) RETURN_BOOL(!str_eq(a, b));
    int c = str_compare(a, b);
    switch (op) {
    case CMP_LT: RETURN_BOOL(c < 0);
    case CMP_LE: RETURN_BOOL(c <= 0);
    case CMP_GT: RETURN_BOOL(c > 0);
    default: RETURN_BOOL(c >= 0);
    }
}

/* ---- interning --------------------------------------------------------- */

Obj *str_intern(Obj *s) {
    if (!s) return NULL;
    if (TYPE(s) != &Str_Type) return s;
    StrObj *so = (StrObj *)s;
    if (so->interned) return s;
    ThreadState *ts = ts_get();
    if (!ts) { make_immortal(s); so->interned = 1; return s; }
    Interp *interp = ts->interp;
    if (!interp->interned) {
        interp->interned = dict_new();
        if (!interp->interned) { DECREF(s); return NULL; }
    }
    Obj *found = dict_getitem(interp->interned, s);
    if (found) {
        DECREF(s);
        return found;        /* immortal: no INCREF needed, but harmless */
    }
    if (err_occurred()) { DECREF(s); return NULL; }
    if (dict_setitem(interp->interned, s, s) < 0) { DECREF(s); return NULL; }
    make_immortal(s);
    so->interned = 1;
    return s;
}

Obj *str_intern_cstr(const char *c) {
    Obj *s = str_from_cstr(c);
    if (!s) return NULL;
    return str_intern(s);
}

/* ---- builder ----------------------------------------------------------- */

void sb_init(StrBuilder *sb) {
    sb->buf = NULL; sb->size = 0; sb->cap = 0; sb->length = 0; sb->nonascii = 0;
}

int sb_reserve(StrBuilder *sb, ssize_t extra) {
    if (extra < 0 || sb->size > (ssize_t)(SIZE_MAX / 4) - extra) { err_no_memory(); return -1; }
    ssize_t need = sb->size + extra + 1;
    if (need <= sb->cap) return 0;
    ssize_t cap = sb->cap ? sb->cap : 64;
    while (cap < need) cap *= 2;
    char *nb = mem_realloc(sb->buf, (size_t)cap);
    if (!nb) return -1;
    sb->buf = nb;
    sb->cap = cap;
    return 0;
}

int sb_append(StrBuilder *sb, const char *s, ssize_t n) {
    if (n <= 0) return 0;
    if (sb_reserve(sb, n) < 0) return -1;
    memcpy(sb->buf + sb->size, s, (size_t)n);
    ssize_t cps = 0;
    int na = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        cps += (c & 0xC0) != 0x80;
        na |= c >= 0x80;
    }
    sb->size += n;
    sb->length += cps;
    sb->nonascii |= na;
    return 0;
}

int sb_append_cstr(StrBuilder *sb, const char *s) { return sb_append(sb, s, (ssize_t)strlen(s)); }

int sb_append_str(StrBuilder *sb, Obj *str) {
    ssize_t n = STR_SIZE(str);
    if (n == 0) return 0;
    if (sb_reserve(sb, n) < 0) return -1;
    memcpy(sb->buf + sb->size, STR_DATA(str), (size_t)n);
    sb->size += n;
    sb->length += STR_LEN(str);
    if (!STR_ISASCII(str)) sb->nonascii = 1;
    return 0;
}

int sb_append_char(StrBuilder *sb, uint32_t cp) {
    if (cp < 0x80 && sb->size + 1 < sb->cap) {
        sb->buf[sb->size++] = (char)cp;
        sb->length++;
        return 0;
    }
    if (sb_reserve(sb, 4) < 0) return -1;
    sb->size += u8_encode(sb->buf + sb->size, cp);
    sb->length++;
    if (cp >= 0x80) sb->nonascii = 1;
    return 0;
}

int sb_append_ascii_n(StrBuilder *sb, char c, ssize_t n) {
    if (n <= 0) return 0;
    if (sb_reserve(sb, n) < 0) return -1;
    memset(sb->buf + sb->size, c, (size_t)n);
    sb->size += n;
    sb->length += n;
    return 0;
}

int sb_append_char_n(StrBuilder *sb, uint32_t cp, ssize_t n) {
    if (cp < 0x80) return sb_append_ascii_n(sb, (char)cp, n);
    for (ssize_t i = 0; i < n; i++)
        if (sb_append_char(sb, cp) < 0) return -1;
    return 0;
}

/* Validate untrusted UTF-8 (C library messages etc.); invalid bytes -> U+FFFD. */
int sb_append_lossy(StrBuilder *sb, const char *s, ssize_t n) {
    const unsigned char *p = (const unsigned char *)s;
    ssize_t i = 0;
    while (i < n) {
        ssize_t j = i;
        while (j < n && p[j] < 0x80) j++;
        if (j > i) {
            if (sb_append(sb, s + i, j - i) < 0) return -1;
            i = j;
            continue;
        }
        unsigned c = p[i];
        int l = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
        int ok = l > 0 && i + l <= n;
        for (int k = 1; ok && k < l; k++) ok = (p[i + k] & 0xC0) == 0x80;
        if (ok) {
            if (sb_append(sb, s + i, l) < 0) return -1;
            i += l;
        } else {
            if (sb_append_char(sb, 0xFFFD) < 0) return -1;
            i++;
        }
    }
    return 0;
}

Obj *sb_finish(StrBuilder *sb) {
    Obj *r;
    if (sb->size == 0) r = str_empty();
    else r = str_from_utf8_len(sb->buf, sb->size, sb->length);
    sb_discard(sb);
    return r;
}

void sb_discard(StrBuilder *sb) {
    mem_free(sb->buf);
    sb_init(sb);
}

/* ---- str_from_format ---------------------------------------------------- */

static const char *type_display_name(TypeObj *t) {
    if (type_has_flag(t, TF_HEAPTYPE)) {
        if (t->name_obj && str_check(t->name_obj)) return STR_DATA(t->name_obj);
        return type_name(t);
    }
    return t->name;
}

static int sb_append_padded(StrBuilder *sb, const char *s, ssize_t n, int width, int left) {
    ssize_t cps = u8_count(s, n);
    if (!left && width > cps && sb_append_ascii_n(sb, ' ', width - cps) < 0) return -1;
    if (sb_append_lossy(sb, s, n) < 0) return -1;
    if (left && width > cps && sb_append_ascii_n(sb, ' ', width - cps) < 0) return -1;
    return 0;
}

static int append_obj_text(StrBuilder *sb, Obj *t, int prec, int width, int left) {
    ssize_t n = STR_SIZE(t);
    if (prec >= 0 && STR_LEN(t) > prec) n = str_byte_offset(t, prec);
    return sb_append_padded(sb, STR_DATA(t), n, width, left);
}

Obj *str_from_vformat(const char *fmt, va_list ap_in) {
    StrBuilder sb;
    sb_init(&sb);
    va_list ap;
    va_copy(ap, ap_in);
    const char *f = fmt;
    char num[64];
    while (*f) {
        if (*f != '%') {
            const char *q = f;
            while (*q && *q != '%') q++;
            if (sb_append_lossy(&sb, f, q - f) < 0) goto fail;
            f = q;
            continue;
        }
        const char *start = f;
        f++;
        int left = 0, zero = 0, width = -1, prec = -1;
        while (*f == '-' || *f == '0') { if (*f == '-') left = 1; else zero = 1; f++; }
        if (*f == '*') { width = va_arg(ap, int); f++; }
        else if (*f >= '0' && *f <= '9') { width = 0; while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0'); }
        if (*f == '.') {
            f++;
            if (*f == '*') { prec = va_arg(ap, int); f++; }
            else { prec = 0; while (*f >= '0' && *f <= '9') prec = prec * 10 + (*f++ - '0'); }
        }
        int lng = 0, sz = 0;
        if (*f == 'l') { lng = 1; f++; if (*f == 'l') { lng = 2; f++; } }
        else if (*f == 'z') { sz = 1; f++; }
        else if (*f == 'h') { f++; }
        char conv = *f;
        if (!conv) { if (sb_append(&sb, start, f - start) < 0) goto fail; break; }
        f++;
        switch (conv) {
        case '%':
            if (sb_append_char(&sb, '%') < 0) goto fail;
            break;
        case 'd': case 'i': case 'u': case 'x': case 'X': {
            char spec[16];
            int k = 0;
            spec[k++] = '%';
            if (left) spec[k++] = '-';
            if (zero) spec[k++] = '0';
            spec[k++] = '*';
            if (prec >= 0) { spec[k++] = '.'; spec[k++] = '*'; }
            int w = width < 0 ? 0 : width;
            int p = prec < 0 ? 0 : prec;
            int unsig = conv == 'u' || conv == 'x' || conv == 'X';
            if (lng == 2 || sz || lng == 1) {
                spec[k++] = 'l'; spec[k++] = 'l';
            }
            spec[k++] = conv == 'i' ? 'd' : conv;
            spec[k] = 0;
            if (lng == 2 || lng == 1 || sz) {
                long long v;
                if (lng == 2) v = unsig ? (long long)va_arg(ap, unsigned long long) : va_arg(ap, long long);
                else if (lng == 1) v = unsig ? (long long)va_arg(ap, unsigned long) : va_arg(ap, long);
                else v = unsig ? (long long)va_arg(ap, size_t) : (long long)va_arg(ap, ssize_t);
                if (prec >= 0) snprintf(num, sizeof num, spec, w, p, v);
                else snprintf(num, sizeof num, spec, w, v);
            } else {
                int v = va_arg(ap, int);
                if (prec >= 0) snprintf(num, sizeof num, spec, w, p, v);
                else snprintf(num, sizeof num, spec, w, v);
            }
            if (sb_append_cstr(&sb, num) < 0) goto fail;
            break;
        }
        case 'f': case 'g': case 'e': {
            /* not in the contract, but harmless and keeps va_list aligned if used */
            double d = va_arg(ap, double);
            char spec[8] = {'%', '.', '*', conv, 0};
            snprintf(num, sizeof num, spec, prec < 0 ? 6 : (prec > 40 ? 40 : prec), d);
            if (sb_append_padded(&sb, num, (ssize_t)strlen(num), width, left) < 0) goto fail;
            break;
        }
        case 'c': {
            int cp = va_arg(ap, int);
            if (cp < 0 || cp > 0x10FFFF) cp = 0xFFFD;
            if (sb_append_char(&sb, (uint32_t)cp) < 0) goto fail;
            break;
        }
        case 'p': {
            void *p = va_arg(ap, void *);
            snprintf(num, sizeof num, "%p", p);
            if (num[0] != '0' || num[1] != 'x') { /* normalise "(nil)" etc. */
                snprintf(num, sizeof num, "0x%llx", (unsigned long long)(uintptr_t)p);
            }
            if (sb_append_cstr(&sb, num) < 0) goto fail;
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            ssize_t n = (ssize_t)strlen(s);
            if (prec >= 0) {
                /* precision counts code points; never cut inside a character */
                ssize_t i = 0, c = 0;
                while (i < n && c < prec) { i += u8_lead_len((unsigned char)s[i]); c++; }
                if (i > n) i = n;
                n = i;
            }
            if (sb_append_padded(&sb, s, n, width, left) < 0) goto fail;
            break;
        }
        case 'U': case 'S': case 'R': case 'A': {
            Obj *o = va_arg(ap, Obj *);
            Obj *t;
            if (!o) t = str_from_cstr("<NULL>");
            else if (conv == 'U' || (conv == 'S' && str_check(o))) t = NEWREF(o);
            else if (conv == 'S') t = obj_str(o);
            else if (conv == 'R') t = obj_repr(o);
            else t = obj_ascii(o);
            if (!t) goto fail;
            int r = append_obj_text(&sb, t, prec, width, left);
            DECREF(t);
            if (r < 0) goto fail;
            break;
        }
        case 'T': case 'N': {
            TypeObj *t;
            if (conv == 'T') { Obj *o = va_arg(ap, Obj *); t = TYPE(o); }
            else t = va_arg(ap, TypeObj *);
            const char *nm = type_display_name(t);
            if (sb_append_padded(&sb, nm, (ssize_t)strlen(nm), width, left) < 0) goto fail;
            break;
        }
        default:
            /* unknown: copy verbatim */
            if (sb_append(&sb, start, f - start) < 0) goto fail;
            break;
        }
    }
    va_end(ap);
    return sb_finish(&sb);
fail:
    va_end(ap);
    sb_discard(&sb);
    return NULL;
}

Obj *str_from_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Obj *r = str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}

/* ---- concat / join / repeat --------------------------------------------- */

Obj *str_concat(Obj *a, Obj *b) {
    if (STR_SIZE(a) == 0) return str_exact_copy(b);
    if (STR_SIZE(b) == 0) return str_exact_copy(a);
    ssize_t na = STR_SIZE(a), nb = STR_SIZE(b);
    if (na > (ssize_t)(SIZE_MAX / 4) - nb) return err_no_memory();
    StrObj *s = str_alloc(na + nb);
    if (!s) return NULL;
    memcpy(s->data, STR_DATA(a), (size_t)na);
    memcpy(s->data + na, STR_DATA(b), (size_t)nb);
    s->length = STR_LEN(a) + STR_LEN(b);
    s->ascii = STR_ISASCII(a) && STR_ISASCII(b);
    return OBJ(s);
}

Obj *str_join(Obj *sep, Obj *iterable) {
    Obj *seq;
    if (TYPE(iterable) == &List_Type || TYPE(iterable) == &Tuple_Type) seq = NEWREF(iterable);
    else {
        seq = seq_list(iterable);
        if (!seq) return NULL;
    }
    Obj **items;
    ssize_t n;
    if (TYPE(seq) == &Tuple_Type) { items = TUPLE_ITEMS(seq); n = TUPLE_SIZE(seq); }
    else { items = LIST_ITEMS(seq); n = LIST_SIZE(seq); }
    if (n == 1 && TYPE(items[0]) == &Str_Type) {
        Obj *r = NEWREF(items[0]);
        DECREF(seq);
        return r;
    }
    ssize_t total = 0, length = 0;
    int ascii = STR_ISASCII(sep);
    for (ssize_t i = 0; i < n; i++) {
        Obj *it = items[i];
        if (!str_check(it)) {
            err_format(&Exc_TypeError, "sequence item %zd: expected str instance, %T found", i, it);
            DECREF(seq);
            return NULL;
        }
        total += STR_SIZE(it);
        length += STR_LEN(it);
        ascii &= STR_ISASCII(it);
    }
    if (n > 1) { total += STR_SIZE(sep) * (n - 1); length += STR_LEN(sep) * (n - 1); }
    if (total == 0) { DECREF(seq); return str_empty(); }
    StrObj *r = str_alloc(total);
    if (!r) { DECREF(seq); return NULL; }
    char *p = r->data;
    ssize_t ns = STR_SIZE(sep);
    /* re-read items: a list may not change here (no Python code runs) */
    for (ssize_t i = 0; i < n; i++) {
        if (i && ns) { memcpy(p, STR_DATA(sep), (size_t)ns); p += ns; }
        memcpy(p, STR_DATA(items[i]), (size_t)STR_SIZE(items[i]));
        p += STR_SIZE(items[i]);
    }
    r->length = length;
    r->ascii = (uint8_t)ascii;
    DECREF(seq);
    return OBJ(r);
}

static Obj *str_repeat(Obj *s, ssize_t n) {
    if (n <= 0 || STR_SIZE(s) == 0) return str_empty();
    if (n == 1) return str_exact_copy(s);
    ssize_t sz = STR_SIZE(s);
    if (sz > ((ssize_t)(SIZE_MAX / 4)) / n) return err_no_memory();
    StrObj *r = str_alloc(sz * n);
    if (!r) return NULL;
    if (sz == 1) memset(r->data, STR_DATA(s)[0], (size_t)n);
    else {
        memcpy(r->data, STR_DATA(s), (size_t)sz);
        ssize_t done = sz, total = sz * n;
        while (done < total) {
            ssize_t c = done < total - done ? done : total - done;
            memcpy(r->data + done, r->data, (size_t)c);
            done += c;
        }
    }
    r->length = STR_LEN(s) * n;
    r->ascii = STR_ISASCII(s);
    return OBJ(r);
}

/* ---- number/sequence slots ------------------------------------------------ */

static bool has_reflected(Obj *o, const char *name) {
    return type_has_flag(TYPE(o), TF_HEAPTYPE) && type_lookup_str(TYPE(o), name) != NULL;
}

static Obj *str_add(Obj *a, Obj *b) {
    if (!str_check(a)) RETURN_NOTIMPL;
    if (!str_check(b)) {
        if (has_reflected(b, "__radd__")) RETURN_NOTIMPL;
        return err_format(&Exc_TypeError, "can only concatenate str (not \"%T\") to str", b);
    }
    return str_concat(a, b);
}

static Obj *str_mul(Obj *a, Obj *b) {
    Obj *s = a, *n = b;
    if (!str_check(a)) { s = b; n = a; }
    if (!str_check(s)) RETURN_NOTIMPL;
    if (!int_check(n)) {
        if (TYPE(n)->nb_index) {
            ssize_t k = obj_as_ssize(n, &Exc_OverflowError);
            if (k == -1 && err_occurred()) return NULL;
            return str_repeat(s, k);
        }
        if (has_reflected(n, s == a ? "__rmul__" : "__mul__")) RETURN_NOTIMPL;
        return err_format(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    }
    ssize_t k = obj_as_ssize(n, &Exc_OverflowError);
    if (k == -1 && err_occurred()) {
        if (err_matches(&Exc_OverflowError)) {
            err_clear();
            return err_format(&Exc_OverflowError, "cannot fit '%T' into an index-sized integer", n);
        }
        return NULL;
    }
    return str_repeat(s, k);
}

static Obj *str_mod_slot(Obj *a, Obj *b) {
    if (!str_check(a)) RETURN_NOTIMPL;
    if (!str_check(b) && has_reflected(b, "__rmod__") && !type_is_subtype(TYPE(b), &Str_Type)) RETURN_NOTIMPL;
    return strformat_mod(a, b);
}

static ssize_t str_len(Obj *s) { return STR_LEN(s); }

ssize_t str_index_arg(Obj *key, const char *what) {
    if (IS_SMALLINT(key)) return SMALLINT_VALUE(key);
    if (int_check(key) || TYPE(key)->nb_index) {
        ssize_t i = obj_as_ssize(key, &Exc_IndexError);
        if (i == -1 && err_occurred()) {
            if (err_matches(&Exc_IndexError) || err_matches(&Exc_OverflowError)) {
                err_clear();
                err_format(&Exc_IndexError, "cannot fit '%T' into an index-sized integer", key);
            }
            return -1;
        }
        return i;
    }
    err_format(&Exc_TypeError, "%s indices must be integers, not '%T'", what, key);
    return -1;
}

static Obj *str_getitem(Obj *s, Obj *key) {
    if (IS_SMALLINT(key) || int_check(key) || (TYPE(key) != &Slice_Type && TYPE(key)->nb_index)) {
        ssize_t i = str_index_arg(key, "string");
        if (i == -1 && err_occurred()) return NULL;
        if (i < 0) i += STR_LEN(s);
        if (i < 0 || i >= STR_LEN(s)) return err_set_str(&Exc_IndexError, "string index out of range");
        if (STR_ISASCII(s)) return str_char_obj((unsigned char)STR_DATA(s)[i]);
        return str_char_obj(str_char_at(s, i));
    }
    if (TYPE(key) == &Slice_Type) {
        ssize_t start, stop, step;
        ssize_t n = slice_indices(key, STR_LEN(s), &start, &stop, &step);
        if (n < 0) return NULL;
        if (n == 0) return str_empty();
        if (step == 1) return str_substr(s, start, start + n);
        StrBuilder sb;
        sb_init(&sb);
        if (STR_ISASCII(s)) {
            if (sb_reserve(&sb, n) < 0) return NULL;
            for (ssize_t k = 0, i = start; k < n; k++, i += step) sb.buf[k] = STR_DATA(s)[i];
            sb.size = sb.length = n;
            return sb_finish(&sb);
        }
        for (ssize_t k = 0, i = start; k < n; k++, i += step)
            if (sb_append_char(&sb, str_char_at(s, i)) < 0) { sb_discard(&sb); return NULL; }
        return sb_finish(&sb);
    }
    return err_format(&Exc_TypeError, "string indices must be integers, not '%T'", key);
}

static int str_contains(Obj *s, Obj *sub) {
    if (!str_check(sub)) {
        err_format(&Exc_TypeError, "'in <string>' requires string as left operand, not %T", sub);
        return -1;
    }
    if (STR_SIZE(sub) == 0) return 1;
    if (STR_SIZE(sub) > STR_SIZE(s)) return 0;
    if (STR_SIZE(sub) == 1) return memchr(STR_DATA(s), STR_DATA(sub)[0], (size_t)STR_SIZE(s)) != NULL;
    return memmem(STR_DATA(s), (size_t)STR_SIZE(s), STR_DATA(sub), (size_t)STR_SIZE(sub)) != NULL;
}

/* ---- repr --------------------------------------------------------------- */

static const char hexdig[] = "0123456789abcdef";

Obj *str_repr(Obj *s) {
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    ssize_t n = STR_SIZE(s);
    int has_sq = memchr(p, '\'', (size_t)n) != NULL;
    int has_dq = memchr(p, '"', (size_t)n) != NULL;
    char quote = (has_sq && !has_dq) ? '"' : '\'';
    StrBuilder sb;
    sb_init(&sb);
    if (sb_reserve(&sb, n + 2) < 0) return NULL;
    sb_append_char(&sb, (uint32_t)quote);
    ssize_t i = 0;
    char esc[12];
    while (i < n) {
        /* copy a run of plain printable ASCII at once */
        ssize_t j = i;
        while (j < n && p[j] >= 0x20 && p[j] < 0x7F && p[j] != '\\' && p[j] != (unsigned char)quote) j++;
        if (j > i) { if (sb_append(&sb, (const char *)p + i, j - i) < 0) goto fail; i = j; continue; }
        int l;
        uint32_t c = u8_decode(p + i, &l);
        int k = 0;
        if (c == '\\' || c == (uint32_t)quote) { esc[k++] = '\\'; esc[k++] = (char)c; }
        else if (c == '\n') { esc[k++] = '\\'; esc[k++] = 'n'; }
        else if (c == '\r') { esc[k++] = '\\'; esc[k++] = 'r'; }
        else if (c == '\t') { esc[k++] = '\\'; esc[k++] = 't'; }
        else if (c < 0x20 || c == 0x7F) { esc[k++] = '\\'; esc[k++] = 'x'; esc[k++] = hexdig[c >> 4]; esc[k++] = hexdig[c & 15]; }
        else if (c < 0x80 || (uc_flags(c) & UC_PRINTABLE)) {
            if (sb_append(&sb, (const char *)p + i, l) < 0) goto fail;
            i += l;
            continue;
        } else if (c < 0x100) { esc[k++] = '\\'; esc[k++] = 'x'; esc[k++] = hexdig[c >> 4]; esc[k++] = hexdig[c & 15]; }
        else if (c < 0x10000) {
            esc[k++] = '\\'; esc[k++] = 'u';
            for (int sh = 12; sh >= 0; sh -= 4) esc[k++] = hexdig[(c >> sh) & 15];
        } else {
            esc[k++] = '\\'; esc[k++] = 'U';
            for (int sh = 28; sh >= 0; sh -= 4) esc[k++] = hexdig[(c >> sh) & 15];
        }
        if (sb_append(&sb, esc, k) < 0) goto fail;
        i += l;
    }
    if (sb_append_char(&sb, (uint32_t)quote) < 0) goto fail;
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

static Obj *str_str_slot(Obj *s) { return str_exact_copy(s); }

/* ---- constructor ----------------------------------------------------------- */

static Obj *str_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    static const char *const names[] = {"object", "encoding", "errors"};
    Obj *a[3] = {NULL, NULL, NULL};
    if (type == &Str_Type && nargs == 1 && !kwnames) {
        a[0] = args[0];
    } else if (args_parse("str", args, nargs, kwnames, names, 3, 0, 3, a) < 0) return NULL;
    Obj *r;
    if (!a[1] && !a[2]) {
        if (!a[0]) r = str_empty();
        else r = obj_str(a[0]);
    } else {
        const char *enc = "utf-8", *errs = "strict";
        if (a[1]) {
            if (!str_check(a[1])) return err_format(&Exc_TypeError, "str() argument 'encoding' must be str, not %T", a[1]);
            enc = STR_DATA(a[1]);
        }
        if (a[2]) {
            if (!str_check(a[2])) return err_format(&Exc_TypeError, "str() argument 'errors' must be str, not %T", a[2]);
            errs = STR_DATA(a[2]);
        }
        if (!a[0]) r = str_empty();
        else r = codecs_decode_obj(a[0], enc, errs);
    }
    if (!r || type == &Str_Type) return r;
    Obj *res = str_subtype_from(type, r);
    DECREF(r);
    return res;
}

/* ---- iteration ------------------------------------------------------------ */

typedef struct {
    OBJ_HEAD;
    Obj *str;       /* NULL when exhausted */
    ssize_t off;    /* byte offset */
    ssize_t idx;    /* code point index (for __length_hint__) */
} StrIterObj;

TypeObj StrIter_Type;

static Obj *str_iter(Obj *s) {
    StrIterObj *it = (StrIterObj *)obj_alloc(&StrIter_Type, 0);
    if (!it) return NULL;
    it->str = NEWREF(s);
    it->off = 0;
    it->idx = 0;
    return OBJ(it);
}

static Obj *striter_next(Obj *o) {
    StrIterObj *it = (StrIterObj *)o;
    Obj *s = it->str;
    if (!s) return NULL;
    if (it->off >= STR_SIZE(s)) {
        it->str = NULL;
        DECREF(s);
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)STR_DATA(s) + it->off;
    it->idx++;
    if (*p < 0x80) { it->off++; return char_cache[*p] ? char_cache[*p] : str_char_obj(*p); }
    int l;
    uint32_t cp = u8_decode(p, &l);
    it->off += l;
    return str_char_obj(cp);
}

static void striter_dealloc(Obj *o) {
    StrIterObj *it = (StrIterObj *)o;
    XDECREF(it->str);
    obj_free(o);
}

static Obj *striter_self(Obj *o) { return NEWREF(o); }

static Obj *striter_length_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    StrIterObj *it = (StrIterObj *)self;
    if (!it->str) return MAKE_SMALLINT(0);
    return int_from_ssize(STR_LEN(it->str) - it->idx);
}

static MethodDef striter_methods[] = {
    {"__length_hint__", striter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj StrIter_Type = {
    TYPE_HEAD_INIT,
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIterObj),
    .flags = TF_IMMUTABLETYPE,
    .dealloc = striter_dealloc,
    .getattr = obj_generic_getattr,
    .iter = striter_self,
    .iternext = striter_next,
    .methods = striter_methods,
};

/* ---- misc slots --------------------------------------------------------- */

static Obj *str_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    Obj *c = str_exact_copy(self);
    if (!c) return NULL;
    Obj *t = tuple_pack(1, c);
    DECREF(c);
    return t;
}

/* Methods implemented here (rest in strmethods.c): appended via str_methods. */
Obj *str_method_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    return str_getnewargs(self, args, nargs, kwnames);
}

TypeObj Str_Type = {
    TYPE_HEAD_INIT,
    .name = "str",
    .basicsize = sizeof(StrObj),
    .itemsize = 1,
    .flags = TF_BASETYPE | TF_STR_SUBCLASS | TF_IMMUTABLETYPE,
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
           "Create a new string object from the given object.",
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str_slot,
    .getattr = obj_generic_getattr,
    .hash = str_hash,
    .richcompare = str_richcompare,
    .iter = str_iter,
    .new_ = str_new,
    .nb = { [NB_ADD] = str_add, [NB_MUL] = str_mul, [NB_MOD] = str_mod_slot },
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .methods = str_methods,
    .base = &Object_Type,
};
