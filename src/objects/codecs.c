/* codecs.c — str.encode / bytes.decode for utf-8, ascii, latin-1, utf-16, utf-32
 * with the error handlers strict, replace, ignore, backslashreplace,
 * surrogateescape, surrogatepass, xmlcharrefreplace (encode only) and
 * CPython's UnicodeDecodeError / UnicodeEncodeError messages.
 */
#include "gilpy.h"
#include "objects/strimpl/strimpl.h"
#include <ctype.h>

enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UTF16, ENC_UTF16LE, ENC_UTF16BE, ENC_UTF32, ENC_UTF32LE, ENC_UTF32BE };
static const char *const enc_names[] = {"utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
                                        "utf-32", "utf-32-le", "utf-32-be"};

static int normalize_name(const char *in, char *out, size_t cap) {
    size_t k = 0;
    for (const char *p = in; *p; p++) {
        if (k + 1 >= cap) return -1;
        char c = *p;
        if (c == '_' || c == ' ') c = '-';
        out[k++] = (char)tolower((unsigned char)c);
    }
    out[k] = 0;
    return 0;
}

int codecs_lookup(const char *encoding) {
    char n[64];
    if (normalize_name(encoding, n, sizeof n) == 0) {
        static const struct { const char *name; int id; } tab[] = {
            {"utf-8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"u8", ENC_UTF8}, {"utf", ENC_UTF8}, {"cp65001", ENC_UTF8},
            {"utf-8-sig", ENC_UTF8}, {"utf8-ucs2", ENC_UTF8}, {"utf8-ucs4", ENC_UTF8},
            {"ascii", ENC_ASCII}, {"us-ascii", ENC_ASCII}, {"646", ENC_ASCII}, {"us", ENC_ASCII},
            {"ansi-x3.4-1968", ENC_ASCII}, {"ansi-x3.4-1986", ENC_ASCII}, {"iso646-us", ENC_ASCII},
            {"latin-1", ENC_LATIN1}, {"latin1", ENC_LATIN1}, {"latin", ENC_LATIN1}, {"l1", ENC_LATIN1},
            {"iso-8859-1", ENC_LATIN1}, {"iso8859-1", ENC_LATIN1}, {"8859", ENC_LATIN1}, {"cp819", ENC_LATIN1},
            {"iso-ir-100", ENC_LATIN1}, {"csisolatin1", ENC_LATIN1}, {"ibm819", ENC_LATIN1},
            {"utf-16", ENC_UTF16}, {"utf16", ENC_UTF16}, {"u16", ENC_UTF16},
            {"utf-16-le", ENC_UTF16LE}, {"utf-16le", ENC_UTF16LE}, {"utf-16-be", ENC_UTF16BE}, {"utf-16be", ENC_UTF16BE},
            {"utf-32", ENC_UTF32}, {"utf32", ENC_UTF32}, {"u32", ENC_UTF32},
            {"utf-32-le", ENC_UTF32LE}, {"utf-32le", ENC_UTF32LE}, {"utf-32-be", ENC_UTF32BE}, {"utf-32be", ENC_UTF32BE},
        };
        for (size_t i = 0; i < ARRAY_LEN(tab); i++)
            if (strcmp(n, tab[i].name) == 0) return tab[i].id;
    }
    err_format(&Exc_LookupError, "unknown encoding: %s", encoding);
    return -1;
}

enum { EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASH, EH_SURROGATEESCAPE, EH_SURROGATEPASS, EH_XMLCHARREF, EH_NAMEREPLACE, EH_UNKNOWN };

static int handler_id(const char *e) {
    if (!e || !strcmp(e, "strict")) return EH_STRICT;
    if (!strcmp(e, "ignore")) return EH_IGNORE;
    if (!strcmp(e, "replace")) return EH_REPLACE;
    if (!strcmp(e, "backslashreplace")) return EH_BACKSLASH;
    if (!strcmp(e, "surrogateescape")) return EH_SURROGATEESCAPE;
    if (!strcmp(e, "surrogatepass")) return EH_SURROGATEPASS;
    if (!strcmp(e, "xmlcharrefreplace")) return EH_XMLCHARREF;
    if (!strcmp(e, "namereplace")) return EH_NAMEREPLACE;
    return EH_UNKNOWN;
}

static Obj *unknown_handler(const char *e) {
    return err_format(&Exc_LookupError, "unknown error handler name '%s'", e);
}

/* ---- exceptions ------------------------------------------------------------ */

static void raise_decode_error(const char *enc, const char *data, ssize_t n, ssize_t start, ssize_t end, const char *reason) {
    Obj *b = bytes_from(data, n);
    if (!b) return;
    Obj *args = tuple_new(5);
    if (!args) { DECREF(b); return; }
    TUPLE_SET(args, 0, str_from_cstr(enc));
    TUPLE_SET(args, 1, b);
    TUPLE_SET(args, 2, int_from_ssize(start));
    TUPLE_SET(args, 3, int_from_ssize(end));
    TUPLE_SET(args, 4, str_from_cstr(reason));
    for (int i = 0; i < 5; i++) if (!TUPLE_GET(args, i)) { DECREF(args); return; }
    Obj *exc = exc_new(&Exc_UnicodeDecodeError, args);
    DECREF(args);
    if (!exc) return;
    err_set_exc(exc);
    DECREF(exc);
}

static void raise_encode_error(const char *enc, Obj *s, ssize_t start, ssize_t end, const char *reason) {
    Obj *args = tuple_new(5);
    if (!args) return;
    TUPLE_SET(args, 0, str_from_cstr(enc));
    TUPLE_SET(args, 1, NEWREF(s));
    TUPLE_SET(args, 2, int_from_ssize(start));
    TUPLE_SET(args, 3, int_from_ssize(end));
    TUPLE_SET(args, 4, str_from_cstr(reason));
    for (int i = 0; i < 5; i++) if (!TUPLE_GET(args, i)) { DECREF(args); return; }
    Obj *exc = exc_new(&Exc_UnicodeEncodeError, args);
    DECREF(args);
    if (!exc) return;
    err_set_exc(exc);
    DECREF(exc);
}

/* ---- decoding ------------------------------------------------------------- */

static const char hexd[] = "0123456789abcdef";

/* Apply a decode error handler to bytes [start, end). 0 ok, -1 error. */
static int decode_handle(StrBuilder *sb, int eh, const char *errors, const char *enc, const char *data, ssize_t n,
                         ssize_t start, ssize_t end, const char *reason) {
    switch (eh) {
    case EH_STRICT:
        raise_decode_error(enc, data, n, start, end, reason);
        return -1;
    case EH_IGNORE:
        return 0;
    case EH_REPLACE:
        return sb_append_char(sb, 0xFFFD);
    case EH_BACKSLASH:
        for (ssize_t i = start; i < end; i++) {
            unsigned char c = (unsigned char)data[i];
            char e[4] = {'\\', 'x', hexd[c >> 4], hexd[c & 15]};
            if (sb_append(sb, e, 4) < 0) return -1;
        }
        return 0;
    case EH_SURROGATEESCAPE:
        for (ssize_t i = start; i < end; i++) {
            unsigned char c = (unsigned char)data[i];
            if (c < 128) { raise_decode_error(enc, data, n, start, end, reason); return -1; }
            if (sb_append_char(sb, 0xDC00u + c) < 0) return -1;
        }
        return 0;
    case EH_UNKNOWN:
        unknown_handler(errors);
        return -1;
    default:
        raise_decode_error(enc, data, n, start, end, reason);
        return -1;
    }
}

static Obj *decode_utf8(const char *data, ssize_t n, const char *errors) {
    const unsigned char *p = (const unsigned char *)data;
    /* fast path: validate, then copy */
    StrBuilder sb;
    sb_init(&sb);
    int eh = -1;
    ssize_t i = 0, run = 0;
    ssize_t cps = 0;
    int nonascii = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) { i++; cps++; continue; }
        int need;
        uint32_t lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c >= 0xE0 && c <= 0xEF) { need = 2; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
        else if (c >= 0xF0 && c <= 0xF4) { need = 3; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
        else need = -1;
        const char *reason = NULL;
        ssize_t bad_end = i + 1;
        if (need < 0) reason = "invalid start byte";
        else {
            int k;
            for (k = 1; k <= need; k++) {
                if (i + k >= n) { reason = "unexpected end of data"; bad_end = n; break; }
                unsigned cc = p[i + k];
                if (k == 1 ? (cc < lo || cc > hi) : (cc & 0xC0) != 0x80) {
                    reason = "invalid continuation byte";
                    bad_end = i + k;
                    break;
                }
            }
            /* surrogatepass: accept ED A0..BF xx */
            if (reason && c == 0xED && i + 2 < n && (p[i + 1] & 0xE0) == 0xA0 && (p[i + 2] & 0xC0) == 0x80) {
                if (eh < 0) eh = handler_id(errors);
                if (eh == EH_SURROGATEPASS) reason = NULL, need = 2;
            }
        }
        if (!reason) { i += need + 1; cps++; nonascii = 1; continue; }
        /* error: flush the valid run, apply handler */
        if (eh < 0) eh = handler_id(errors);
        if (sb_append(&sb, data + run, i - run) < 0) goto fail;
        if (decode_handle(&sb, eh, errors, "utf-8", data, n, i, bad_end, reason) < 0) goto fail;
        i = bad_end;
        run = i;
    }
    if (run == 0) {
        sb_discard(&sb);
        Obj *r = str_from_utf8_len(data, n, cps);
        (void)nonascii;
        return r;
    }
    if (sb_append(&sb, data + run, n - run) < 0) goto fail;
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

Obj *str_decode_utf8(const char *s, ssize_t size, const char *errors) {
    return decode_utf8(s, size, errors);
}

static Obj *decode_ascii_latin1(const char *data, ssize_t n, const char *errors, int latin1) {
    const unsigned char *p = (const unsigned char *)data;
    StrBuilder sb;
    sb_init(&sb);
    int eh = -1;
    ssize_t i = 0;
    while (i < n) {
        ssize_t j = i;
        while (j < n && p[j] < 0x80) j++;
        if (sb_append(&sb, data + i, j - i) < 0) goto fail;
        i = j;
        if (i >= n) break;
        if (latin1) {
            if (sb_append_char(&sb, p[i]) < 0) goto fail;
            i++;
            continue;
        }
        if (eh < 0) eh = handler_id(errors);
        if (decode_handle(&sb, eh, errors, "ascii", data, n, i, i + 1, "ordinal not in range(128)") < 0) goto fail;
        i++;
    }
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

static Obj *decode_utf16_32(const char *data, ssize_t n, const char *errors, int width, int order /* 0 auto, 1 le, 2 be */) {
    const unsigned char *p = (const unsigned char *)data;
    StrBuilder sb;
    sb_init(&sb);
    int eh = -1;
    const char *enc;
    ssize_t i = 0;
    int le = 1;
    if (order == 0) {
        if (width == 2 && n >= 2 && p[0] == 0xFF && p[1] == 0xFE) { i = 2; le = 1; }
        else if (width == 2 && n >= 2 && p[0] == 0xFE && p[1] == 0xFF) { i = 2; le = 0; }
        else if (width == 4 && n >= 4 && p[0] == 0xFF && p[1] == 0xFE && !p[2] && !p[3]) { i = 4; le = 1; }
        else if (width == 4 && n >= 4 && !p[0] && !p[1] && p[2] == 0xFE && p[3] == 0xFF) { i = 4; le = 0; }
    } else le = order == 1;
    enc = width == 2 ? (le ? "utf-16-le" : "utf-16-be") : (le ? "utf-32-le" : "utf-32-be");
    while (i < n) {
        if (i + width > n) {
            if (eh < 0) eh = handler_id(errors);
            if (decode_handle(&sb, eh, errors, enc, data, n, i, n, "truncated data") < 0) goto fail;
            break;
        }
        uint32_t u;
        if (width == 2) u = le ? (uint32_t)(p[i] | p[i + 1] << 8) : (uint32_t)(p[i] << 8 | p[i + 1]);
        else u = le ? ((uint32_t)p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 | (uint32_t)p[i + 3] << 24)
                    : ((uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 | (uint32_t)p[i + 2] << 8 | (uint32_t)p[i + 3]);
        if (width == 2 && u >= 0xD800 && u < 0xDC00) {
            if (i + 4 > n) {
                if (eh < 0) eh = handler_id(errors);
                if (decode_handle(&sb, eh, errors, enc, data, n, i, n, "unexpected end of data") < 0) goto fail;
                break;
            }
            uint32_t u2 = le ? (uint32_t)(p[i + 2] | p[i + 3] << 8) : (uint32_t)(p[i + 2] << 8 | p[i + 3]);
            if (u2 >= 0xDC00 && u2 < 0xE000) {
                if (sb_append_char(&sb, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)) < 0) goto fail;
                i += 4;
                continue;
            }
            if (eh < 0) eh = handler_id(errors);
            if (eh == EH_SURROGATEPASS) { if (sb_append_char(&sb, u) < 0) goto fail; i += 2; continue; }
            if (decode_handle(&sb, eh, errors, enc, data, n, i, i + 2, "illegal UTF-16 surrogate") < 0) goto fail;
            i += 2;
            continue;
        }
        if (width == 2 && u >= 0xDC00 && u < 0xE000) {
            if (eh < 0) eh = handler_id(errors);
            if (eh == EH_SURROGATEPASS) { if (sb_append_char(&sb, u) < 0) goto fail; i += 2; continue; }
            if (decode_handle(&sb, eh, errors, enc, data, n, i, i + 2, "illegal encoding") < 0) goto fail;
            i += 2;
            continue;
        }
        if (width == 4 && (u > 0x10FFFF || (u >= 0xD800 && u < 0xE000))) {
            if (eh < 0) eh = handler_id(errors);
            if (eh == EH_SURROGATEPASS && u <= 0x10FFFF) { if (sb_append_char(&sb, u) < 0) goto fail; i += 4; continue; }
            if (decode_handle(&sb, eh, errors, enc, data, n, i, i + 4,
                              u > 0x10FFFF ? "code point not in range(0x110000)" : "code point in surrogate code point range(0xd800, 0xe000)") < 0) goto fail;
            i += 4;
            continue;
        }
        if (sb_append_char(&sb, u) < 0) goto fail;
        i += width;
    }
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

Obj *bytes_decode(const char *data, ssize_t n, const char *encoding, const char *errors) {
    int id = codecs_lookup(encoding ? encoding : "utf-8");
    if (id < 0) return NULL;
    switch (id) {
    case ENC_UTF8: {
        char nn[64];
        if (encoding && normalize_name(encoding, nn, sizeof nn) == 0 && !strcmp(nn, "utf-8-sig") &&
            n >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB && (unsigned char)data[2] == 0xBF) {
            data += 3; n -= 3;
        }
        return decode_utf8(data, n, errors);
    }
    case ENC_ASCII: return decode_ascii_latin1(data, n, errors, 0);
    case ENC_LATIN1: return decode_ascii_latin1(data, n, errors, 1);
    case ENC_UTF16: return decode_utf16_32(data, n, errors, 2, 0);
    case ENC_UTF16LE: return decode_utf16_32(data, n, errors, 2, 1);
    case ENC_UTF16BE: return decode_utf16_32(data, n, errors, 2, 2);
    case ENC_UTF32: return decode_utf16_32(data, n, errors, 4, 0);
    case ENC_UTF32LE: return decode_utf16_32(data, n, errors, 4, 1);
    default: return decode_utf16_32(data, n, errors, 4, 2);
    }
}

Obj *codecs_decode_obj(Obj *obj, const char *encoding, const char *errors) {
    if (str_check(obj)) return err_set_str(&Exc_TypeError, "decoding str is not supported");
    ByteView v;
    int r = bytes_view_try(obj, &v);
    if (r < 0) return NULL;
    if (r == 0) return err_format(&Exc_TypeError, "decoding to str: need a bytes-like object, %T found", obj);
    Obj *res = bytes_decode(v.buf, v.len, encoding, errors);
    XDECREF(v.owner);
    return res;
}

/* ---- encoding -------------------------------------------------------------- */

typedef struct { char *buf; ssize_t size, cap; } BBuf;

static int bb_put(BBuf *b, const void *p, ssize_t n) {
    if (b->size + n > b->cap) {
        ssize_t c = b->cap ? b->cap : 64;
        while (c < b->size + n) c *= 2;
        char *nb = mem_realloc(b->buf, (size_t)c);
        if (!nb) return -1;
        b->buf = nb;
        b->cap = c;
    }
    memcpy(b->buf + b->size, p, (size_t)n);
    b->size += n;
    return 0;
}

static int bb_put_unit(BBuf *b, uint32_t u, int width, int le) {
    unsigned char t[4];
    for (int i = 0; i < width; i++) {
        int sh = le ? 8 * i : 8 * (width - 1 - i);
        t[i] = (unsigned char)(u >> sh);
    }
    return bb_put(b, t, width);
}

/* Encode one code point with the target codec, or -2 if unencodable. */
static int put_cp(BBuf *b, int id, uint32_t cp, int le) {
    char tmp[4];
    switch (id) {
    case ENC_UTF8:
        if (cp >= 0xD800 && cp < 0xE000) return -2;
        return bb_put(b, tmp, u8_encode(tmp, cp));
    case ENC_ASCII:
        if (cp >= 128) return -2;
        tmp[0] = (char)cp;
        return bb_put(b, tmp, 1);
    case ENC_LATIN1:
        if (cp >= 256) return -2;
        tmp[0] = (char)cp;
        return bb_put(b, tmp, 1);
    case ENC_UTF16: case ENC_UTF16LE: case ENC_UTF16BE:
        if (cp >= 0xD800 && cp < 0xE000) return -2;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            if (bb_put_unit(b, 0xD800 + (cp >> 10), 2, le) < 0) return -1;
            return bb_put_unit(b, 0xDC00 + (cp & 0x3FF), 2, le);
        }
        return bb_put_unit(b, cp, 2, le);
    default:
        if (cp >= 0xD800 && cp < 0xE000) return -2;
        return bb_put_unit(b, cp, 4, le);
    }
}

static int put_ascii_text(BBuf *b, int id, const char *s, int le) {
    for (; *s; s++)
        if (put_cp(b, id, (unsigned char)*s, le) < 0) return -1;
    return 0;
}

Obj *str_encode(Obj *s, const char *encoding, const char *errors) {
    int id = codecs_lookup(encoding ? encoding : "utf-8");
    if (id < 0) return NULL;
    if ((id == ENC_UTF8 && STR_ISASCII(s)) || (id == ENC_ASCII && STR_ISASCII(s)) || (id == ENC_LATIN1 && STR_ISASCII(s))) {
        char nn[64];
        if (!(encoding && normalize_name(encoding, nn, sizeof nn) == 0 && !strcmp(nn, "utf-8-sig")))
            return bytes_from(STR_DATA(s), STR_SIZE(s));
    }
    int le = !(id == ENC_UTF16BE || id == ENC_UTF32BE);
    const char *encname = enc_names[id];
    if (id == ENC_UTF16) encname = "utf-16";
    BBuf b = {NULL, 0, 0};
    if (id == ENC_UTF16 && bb_put_unit(&b, 0xFEFF, 2, 1) < 0) goto fail;
    if (id == ENC_UTF32 && bb_put_unit(&b, 0xFEFF, 4, 1) < 0) goto fail;
    if (id == ENC_UTF8) {
        char nn[64];
        if (encoding && normalize_name(encoding, nn, sizeof nn) == 0 && !strcmp(nn, "utf-8-sig") &&
            bb_put(&b, "\xEF\xBB\xBF", 3) < 0) goto fail;
    }
    const unsigned char *p = (const unsigned char *)STR_DATA(s);
    ssize_t n = STR_SIZE(s), i = 0, pos = 0;
    int eh = -1;
    while (i < n) {
        if (id == ENC_UTF8) {
            /* copy valid runs wholesale */
            ssize_t j = i;
            while (j < n && !(p[j] == 0xED && j + 1 < n && p[j + 1] >= 0xA0)) j++;
            if (j > i) {
                if (bb_put(&b, p + i, j - i) < 0) goto fail;
                pos += u8_count((const char *)p + i, j - i);
                i = j;
                continue;
            }
        }
        int l;
        uint32_t cp = u8_decode(p + i, &l);
        int r = put_cp(&b, id, cp, le);
        if (r == -1) goto fail;
        if (r == 0) { i += l; pos++; continue; }
        /* unencodable: find the run of unencodable characters */
        if (eh < 0) eh = handler_id(errors);
        ssize_t j = i, endpos = pos;
        {
            BBuf probe = {NULL, 0, 0};
            while (j < n) {
                int l2;
                uint32_t c2 = u8_decode(p + j, &l2);
                probe.size = 0;
                int rr = put_cp(&probe, id, c2, le);
                if (rr == -1) { mem_free(probe.buf); goto fail; }
                if (rr == 0) break;
                j += l2;
                endpos++;
            }
            mem_free(probe.buf);
        }
        const char *reason = id == ENC_ASCII ? "ordinal not in range(128)" : id == ENC_LATIN1 ? "ordinal not in range(256)"
                                                                                              : "surrogates not allowed";
        switch (eh) {
        case EH_STRICT:
            raise_encode_error(encname, s, pos, endpos, reason);
            goto fail;
        case EH_UNKNOWN:
            unknown_handler(errors);
            goto fail;
        case EH_IGNORE:
            break;
        default:
            for (ssize_t k = i; k < j;) {
                int l2;
                uint32_t c2 = u8_decode(p + k, &l2);
                char t[24];
                if (eh == EH_REPLACE) {
                    if (put_cp(&b, id, '?', le) < 0) goto fail;
                } else if (eh == EH_BACKSLASH || eh == EH_NAMEREPLACE) {
                    if (c2 < 0x100) snprintf(t, sizeof t, "\\x%02x", c2);
                    else if (c2 < 0x10000) snprintf(t, sizeof t, "\\u%04x", c2);
                    else snprintf(t, sizeof t, "\\U%08x", c2);
                    if (put_ascii_text(&b, id, t, le) < 0) goto fail;
                } else if (eh == EH_XMLCHARREF) {
                    snprintf(t, sizeof t, "&#%u;", c2);
                    if (put_ascii_text(&b, id, t, le) < 0) goto fail;
                } else if (eh == EH_SURROGATEESCAPE && c2 >= 0xDC80 && c2 <= 0xDCFF && id != ENC_UTF16 && id != ENC_UTF32 &&
                           id != ENC_UTF16LE && id != ENC_UTF16BE && id != ENC_UTF32LE && id != ENC_UTF32BE) {
                    char byte = (char)(c2 - 0xDC00);
                    if (bb_put(&b, &byte, 1) < 0) goto fail;
                } else if (eh == EH_SURROGATEPASS && c2 >= 0xD800 && c2 < 0xE000 && id != ENC_ASCII && id != ENC_LATIN1) {
                    if (id == ENC_UTF8) { if (bb_put(&b, p + k, l2) < 0) goto fail; }
                    else if (bb_put_unit(&b, c2, (id == ENC_UTF16 || id == ENC_UTF16LE || id == ENC_UTF16BE) ? 2 : 4, le) < 0) goto fail;
                } else {
                    ssize_t cpi = pos + u8_count((const char *)p + i, k - i);
                    raise_encode_error(encname, s, cpi, cpi + 1, reason);
                    goto fail;
                }
                k += l2;
            }
        }
        i = j;
        pos = endpos;
    }
    Obj *res = bytes_from(b.buf ? b.buf : "", b.size);
    mem_free(b.buf);
    return res;
fail:
    mem_free(b.buf);
    return NULL;
}
