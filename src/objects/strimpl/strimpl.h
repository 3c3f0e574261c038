/* strimpl.h — internal helpers shared by the str/bytes/bytearray/codecs files.
 * OWNER: STRINGS.  Not part of the public contract (gilpy.h); only files of
 * the strings area include it.  Kept in a subdirectory so that editing it does
 * not trigger a rebuild of every object in the tree. */
#ifndef GILPY_STRIMPL_H
#define GILPY_STRIMPL_H

#include "gilpy.h"

/* ---- UTF-8 on trusted (internal) data --------------------------------- */
/* Lone surrogates are stored in the generalized 3-byte form (ED A0 80..). */
static inline int u8_lead_len(unsigned char c) {
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}
static inline uint32_t u8_decode(const unsigned char *p, int *len) {
    unsigned c = p[0];
    if (c < 0x80) { *len = 1; return c; }
    if (c < 0xE0) { *len = 2; return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu); }
    if (c < 0xF0) { *len = 3; return ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu); }
    *len = 4;
    return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
}
static inline int u8_encode(char *out, uint32_t cp) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F)); return 4;
}
static inline int u8_cp_size(uint32_t cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}
/* number of code points in trusted UTF-8 */
static inline ssize_t u8_count(const char *s, ssize_t n) {
    ssize_t c = 0;
    for (ssize_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* ---- str.c ------------------------------------------------------------- */
#define STR_ISASCII(o) (((StrObj *)(o))->ascii)
/* Byte offset of code point i (0 <= i <= length). O(1) for ASCII. */
ssize_t str_byte_offset(Obj *s, ssize_t i);
/* code point index of byte offset off (off on a boundary). */
ssize_t str_cp_index(Obj *s, ssize_t off);
/* New str from trusted UTF-8 with known length (-1: count). */
Obj *str_from_utf8_len(const char *s, ssize_t size, ssize_t length);
Obj *str_char_obj(uint32_t cp);          /* new ref (cached, immortal for cp < 256) */
Obj *str_empty(void);                    /* new ref to the immortal "" */
Obj *str_repr(Obj *s);
uint64_t str_hash_bytes(const void *p, size_t n);
Obj *str_exact_copy(Obj *s);             /* s if exact str (new ref), else an exact copy */
Obj *str_subtype_from(TypeObj *type, Obj *s); /* instance of a str subclass with s's content */
int sb_reserve(StrBuilder *sb, ssize_t extra);
int sb_append_ascii_n(StrBuilder *sb, char c, ssize_t n); /* n copies of an ASCII char */
int sb_append_char_n(StrBuilder *sb, uint32_t cp, ssize_t n);
int sb_append_lossy(StrBuilder *sb, const char *s, ssize_t n); /* untrusted bytes, invalid -> U+FFFD */
/* Parse a str/bytes index argument: -1 + error if not an int-like. */
ssize_t str_index_arg(Obj *key, const char *what);

/* ---- strmethods.c ------------------------------------------------------ */
/* Argument count checks with CPython's exact wording per method family:
 * ARGK_OLD "find() takes at least 1 argument (0 given)", ARGK_CLINIC "center expected
 * at least 1 argument, got 0", ARGK_ONE "str.join() takes exactly one argument (0 given)",
 * ARGK_NONE "str.upper() takes no arguments (1 given)".  Keywords are refused with
 * "str.find() takes no keyword arguments".  0 ok / -1 error. */
enum { ARGK_OLD, ARGK_CLINIC, ARGK_ONE, ARGK_NONE };
int strm_args(const char *tname, const char *fname, int kind, size_t nargs, Obj *kwnames, int min, int max);
/* start/end of find-like methods: None or __index__; clamps CPython-style. -1 on error. */
int strm_slice_arg(Obj *o, ssize_t *out);
extern MethodDef str_methods[];
Obj *strmethods_find_impl(Obj *self, Obj *const *args, size_t nargs, int dir, int raise, const char *fname);
/* Slice args helper shared with bytes: parse optional start/end into a [start,end) range. */
int strmethods_parse_range(Obj *const *args, size_t nargs, size_t first, ssize_t len,
                           ssize_t *start, ssize_t *end);

/* ---- strformat.c ------------------------------------------------------- */
Obj *strformat_mod(Obj *fmt, Obj *args);            /* str % args */
Obj *strformat_bytes_mod(Obj *fmt, Obj *args, int is_bytearray);  /* bytes % args -> bytes */
Obj *strformat_format(Obj *fmt, Obj *const *args, size_t nargs, Obj *kwnames, Obj *mapping);
Obj *strformat_format_spec(Obj *s, Obj *spec);      /* str.__format__ */
/* Apply a standard format spec (fill/align/width/precision) to a str (no type code). */

/* ---- codecs.c ---------------------------------------------------------- */
/* Normalise an encoding name: 0 utf-8, 1 ascii, 2 latin-1, 3 utf-16, 4 utf-16-le, 5 utf-16-be,
 * 6 utf-32, 7 utf-32-le, 8 utf-32-be; -1 + LookupError "unknown encoding: x". */
int codecs_lookup(const char *encoding);
/* Decode errors handler check: -1 + LookupError "unknown error handler name 'x'". */
Obj *codecs_decode_obj(Obj *obj, const char *encoding, const char *errors); /* buffer -> str */

/* ---- unicodectype.c ---------------------------------------------------- */
enum {
    UC_ALPHA = 1 << 0, UC_DECIMAL = 1 << 1, UC_DIGIT = 1 << 2, UC_NUMERIC = 1 << 3,
    UC_SPACE = 1 << 4, UC_LOWER = 1 << 5, UC_UPPER = 1 << 6, UC_TITLE = 1 << 7,
    UC_PRINTABLE = 1 << 8, UC_CASED = 1 << 9, UC_CASE_IGNORABLE = 1 << 10,
    UC_XID_START = 1 << 11, UC_XID_CONTINUE = 1 << 12, UC_LINEBREAK = 1 << 13,
};
unsigned uc_flags(uint32_t cp);
int uc_decimal(uint32_t cp);             /* 0..9 or -1 */
int uc_digit(uint32_t cp);               /* 0..9 or -1 */
/* Full case mappings: write up to 3 code points to out, return the count. */
int uc_upper(uint32_t cp, uint32_t *out);
int uc_lower(uint32_t cp, uint32_t *out);
int uc_title(uint32_t cp, uint32_t *out);
int uc_fold(uint32_t cp, uint32_t *out);
static inline bool uc_isspace(uint32_t cp) {
    if (cp < 128) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
    return (uc_flags(cp) & UC_SPACE) != 0;
}

/* ---- bytes.c / bytearray.c -------------------------------------------- */
/* Borrow a contiguous byte view of bytes/bytearray (or other buffer-like):
 * returns 0 ok, -1 with TypeError "a bytes-like object is required, not 'str'". */
typedef struct { const char *buf; ssize_t len; Obj *owner; } ByteView;
int bytes_get_view(Obj *o, ByteView *v);
int bytes_view_try(Obj *o, ByteView *v);  /* 1 ok, 0 not a buffer (no error) */
Obj *bytes_repr_data(const char *p, ssize_t n, const char *prefix, const char *suffix);
Obj *bytes_new_uninit(ssize_t n);
Obj *bytearray_from(const char *p, ssize_t n);
extern MethodDef bytes_methods[];
extern MethodDef bytearray_methods[];
/* bytesmethods.c: implementations shared by bytes and bytearray, `mk` makes the result type. */
Obj *bytesmethods_make(Obj *self, const char *p, ssize_t n);  /* same kind as self */
/* bytes.c helpers shared with bytearray.c */
int bytes_source_data(Obj *src, Obj *enc, Obj *errs, const char *tname, char **out, ssize_t *outn, Obj **owner);
Obj *bytes_richcompare_views(const char *a, ssize_t na, const char *b, ssize_t nb, int op);
Obj *bytes_getitem_data(const char *p, ssize_t n, Obj *key, Obj *self);
int bytes_contains_data(const char *p, ssize_t n, Obj *x);
Obj *bytes_repeat_data(Obj *self, const char *p, ssize_t n, Obj *count_obj);
Obj *bytes_method_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *bytes_method_bytes(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);

#endif
