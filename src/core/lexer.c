/* lexer.c — the tokenizer (see lexer.h).
 *
 * Mirrors CPython 3.11's tokenizer: INDENT/DEDENT from a stack of columns
 * (tabs to multiples of 8, checked against tab size 1 for TabError), blank and
 * comment-only lines produce nothing, newlines inside brackets are ignored,
 * backslash joins lines.  Error messages and positions follow 3.11.  Error
 * positions in LexError are 1-based byte offsets (converted to character
 * offsets when the ParseError is filled).
 */
#include "core/lexer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const tok_names[T_COUNT] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "ERRORTOKEN",
    "(", ")", "[", "]", "{", "}", ":", ",", ";", "+", "-", "*", "/", "|", "&", "<", ">",
    "=", ".", "%", "==", "!=", "<=", ">=", "~", "^", "<<", ">>", "**", "+=", "-=", "*=",
    "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//", "//=", "@", "@=", "->",
    "...", ":=", "!", "?",
};

const char *lexer_tok_name(int type) {
    return (type >= 0 && type < T_COUNT) ? tok_names[type] : "?";
}

#define K(s, k) {s, sizeof(s) - 1, k}
static const struct { const char *s; int len; int kw; } keywords[] = {
    K("False", KW_False), K("None", KW_None), K("True", KW_True), K("and", KW_and),
    K("as", KW_as), K("assert", KW_assert), K("async", KW_async), K("await", KW_await),
    K("break", KW_break), K("class", KW_class), K("continue", KW_continue), K("def", KW_def),
    K("del", KW_del), K("elif", KW_elif), K("else", KW_else), K("except", KW_except),
    K("finally", KW_finally), K("for", KW_for), K("from", KW_from), K("global", KW_global),
    K("if", KW_if), K("import", KW_import), K("in", KW_in), K("is", KW_is),
    K("lambda", KW_lambda), K("nonlocal", KW_nonlocal), K("not", KW_not), K("or", KW_or),
    K("pass", KW_pass), K("raise", KW_raise), K("return", KW_return), K("try", KW_try),
    K("while", KW_while), K("with", KW_with), K("yield", KW_yield),
};
#undef K

static int keyword_of(const char *s, int n) {
    if (n < 2 || n > 8) return 0;
    char c = s[0];
    if (!((c >= 'a' && c <= 'y') || c == 'F' || c == 'N' || c == 'T')) return 0;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keywords[i].len == n && keywords[i].s[0] == c && memcmp(keywords[i].s, s, (size_t)n) == 0)
            return keywords[i].kw;
    return 0;
}

int lexer_utf8_decode(const unsigned char *s, size_t n, unsigned *cp) {
    if (n == 0) return 0;
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    int len;
    unsigned min;
    if ((c & 0xE0) == 0xC0) { len = 2; c &= 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; c &= 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; c &= 0x07; min = 0x10000; }
    else return 0;
    if ((size_t)len > n) return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return len;
}

/* Approximation of XID_Start / XID_Continue for non-ASCII: letters of most
 * scripts are accepted; common punctuation/symbol blocks are rejected. */
static int nonascii_is_symbol(unsigned cp) {
    if (cp < 0xC0) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
    if (cp == 0xD7 || cp == 0xF7) return 1;
    if (cp >= 0x2000 && cp <= 0x206F) return !(cp == 0x203F || cp == 0x2040 || cp == 0x2054);
    if (cp >= 0x20A0 && cp <= 0x20FF) return cp < 0x20D0;
    if (cp >= 0x2100 && cp <= 0x214F) return 0;    /* letterlike: mostly ok */
    if (cp >= 0x2190 && cp <= 0x2BFF) return 1;
    if (cp >= 0x2E00 && cp <= 0x2E7F) return 1;
    if (cp >= 0x3000 && cp <= 0x3004) return 1;
    if (cp >= 0x3008 && cp <= 0x3020) return 1;
    if (cp >= 0xFE10 && cp <= 0xFE6F) return 1;
    if (cp >= 0xFF01 && cp <= 0xFF0F) return 1;
    if (cp >= 0xFF1A && cp <= 0xFF20) return 1;
    if (cp >= 0xFFF0 && cp <= 0xFFFF) return 1;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return 1;
    if (cp >= 0xE000 && cp <= 0xF8FF) return 1;
    return 0;
}

int lexer_is_id_start(unsigned cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    return !nonascii_is_symbol(cp);
}

int lexer_is_id_char(unsigned cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' ||
                          (cp >= '0' && cp <= '9');
    return !nonascii_is_symbol(cp);
}

/* ---- errors ------------------------------------------------------------ */

static int col_of(Lexer *lx, const char *p) { return (int)(p - lx->line_start); }

/* Record an error; positions are 1-based byte offsets (end_col may be -1/0
 * exactly as CPython reports them). */
static int lex_error_at(Lexer *lx, int kind, int lineno, int col, int end_lineno, int end_col,
                        const char *fmt, ...) {
    if (lx->err.kind >= 0) return -1;
    lx->err.kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
    va_end(ap);
    /* CPython's tokenizer reports these through tok->done, not an exception, so
     * they never override an earlier parser error (see parser.c) */
    lx->err.deferred = strstr(fmt, "indentation") != NULL || strstr(fmt, "line continuation") != NULL ||
                       strstr(fmt, "unexpected EOF") != NULL;
    lx->err.lineno = lineno;
    lx->err.col = col;
    lx->err.end_lineno = end_lineno;
    lx->err.end_col = end_col;
    return -1;
}

/* ---- token output ------------------------------------------------------- */

static Token *push(Lexer *lx, int type, const char *start, const char *end,
                   int lineno, int col, int end_lineno, int end_col) {
    if (lx->ntoks == lx->cap) {
        int nc = lx->cap ? lx->cap * 2 : 256;
        Token *nt = realloc(lx->toks, sizeof(Token) * (size_t)nc);
        if (!nt) return NULL;
        lx->toks = nt;
        lx->cap = nc;
    }
    Token *t = &lx->toks[lx->ntoks++];
    t->type = (short)type;
    t->kw = 0;
    t->level = lx->level;
    t->start = start;
    t->len = (int)(end - start);
    t->lineno = lineno;
    t->col = col;
    t->end_lineno = end_lineno;
    t->end_col = end_col;
    return t;
}

static Token *push_here(Lexer *lx, int type, const char *start, const char *end) {
    return push(lx, type, start, end, lx->lineno, col_of(lx, start), lx->lineno, col_of(lx, end));
}

/* ---- operators ---------------------------------------------------------- */

static int op3(const char *s, const char *e) {
    if (e - s < 3) return -1;
    if (s[0] == '*' && s[1] == '*' && s[2] == '=') return T_DOUBLESTAREQUAL;
    if (s[0] == '.' && s[1] == '.' && s[2] == '.') return T_ELLIPSIS;
    if (s[0] == '<' && s[1] == '<' && s[2] == '=') return T_LEFTSHIFTEQUAL;
    if (s[0] == '>' && s[1] == '>' && s[2] == '=') return T_RIGHTSHIFTEQUAL;
    if (s[0] == '/' && s[1] == '/' && s[2] == '=') return T_DOUBLESLASHEQUAL;
    return -1;
}

static int op2(const char *s, const char *e) {
    if (e - s < 2) return -1;
    char a = s[0], b = s[1];
    switch (a) {
    case '!': return b == '=' ? T_NOTEQUAL : -1;
    case '%': return b == '=' ? T_PERCENTEQUAL : -1;
    case '&': return b == '=' ? T_AMPEREQUAL : -1;
    case '*': return b == '*' ? T_DOUBLESTAR : b == '=' ? T_STAREQUAL : -1;
    case '+': return b == '=' ? T_PLUSEQUAL : -1;
    case '-': return b == '=' ? T_MINEQUAL : b == '>' ? T_RARROW : -1;
    case '/': return b == '/' ? T_DOUBLESLASH : b == '=' ? T_SLASHEQUAL : -1;
    case ':': return b == '=' ? T_COLONEQUAL : -1;
    case '<': return b == '<' ? T_LEFTSHIFT : b == '=' ? T_LESSEQUAL : b == '>' ? T_NOTEQUAL : -1;
    case '=': return b == '=' ? T_EQEQUAL : -1;
    case '>': return b == '=' ? T_GREATEREQUAL : b == '>' ? T_RIGHTSHIFT : -1;
    case '@': return b == '=' ? T_ATEQUAL : -1;
    case '^': return b == '=' ? T_CIRCUMFLEXEQUAL : -1;
    case '|': return b == '=' ? T_VBAREQUAL : -1;
    }
    return -1;
}

static int op1(char c) {
    switch (c) {
    case '(': return T_LPAR; case ')': return T_RPAR; case '[': return T_LSQB;
    case ']': return T_RSQB; case '{': return T_LBRACE; case '}': return T_RBRACE;
    case ':': return T_COLON; case ',': return T_COMMA; case ';': return T_SEMI;
    case '+': return T_PLUS; case '-': return T_MINUS; case '*': return T_STAR;
    case '/': return T_SLASH; case '|': return T_VBAR; case '&': return T_AMPER;
    case '<': return T_LESS; case '>': return T_GREATER; case '=': return T_EQUAL;
    case '.': return T_DOT; case '%': return T_PERCENT; case '~': return T_TILDE;
    case '^': return T_CIRCUMFLEX; case '@': return T_AT; case '!': return T_BANG;
    }
    return -1;
}

/* ---- numbers ------------------------------------------------------------ */

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_potential_id(Lexer *lx, const char *p) {
    if (p >= lx->end) return 0;
    unsigned char c = (unsigned char)*p;
    return c >= 128 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           is_digit(c);
}

/* After a number: an identifier char directly following is an error, except
 * for the keywords 3.11 still accepts there with a warning. */
static int verify_end(Lexer *lx, const char *p, const char *kind) {
    if (!is_potential_id(lx, p)) return 0;
    static const char *const okw[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    for (size_t i = 0; i < sizeof okw / sizeof okw[0]; i++) {
        size_t n = strlen(okw[i]);
        if ((size_t)(lx->end - p) >= n && memcmp(p, okw[i], n) == 0) return 0;
    }
    /* CPython's offset is the 0-based column of the offending character */
    int col = col_of(lx, p);
    return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col, lx->lineno, col,
                        "invalid %s literal", kind);
}

/* Reads digits with single underscores; returns pointer past them, or NULL on
 * a bad underscore (error set). */
static const char *read_decimal_tail(Lexer *lx, const char *p) {
    for (;;) {
        while (p < lx->end && is_digit(*p)) p++;
        if (p < lx->end && *p == '_') {
            p++;
            if (p >= lx->end || !is_digit(*p)) {
                int c = col_of(lx, p);
                lex_error_at(lx, PERR_SYNTAX, lx->lineno, c, lx->lineno, c,
                             "invalid decimal literal");
                return NULL;
            }
        } else {
            return p;
        }
    }
}

static int lex_number(Lexer *lx, const char *s) {
    const char *p = s;
    const char *e = lx->end;
    if (*p == '0' && p + 1 < e && (p[1] == 'x' || p[1] == 'X' || p[1] == 'o' || p[1] == 'O' ||
                                   p[1] == 'b' || p[1] == 'B')) {
        char k = (char)(p[1] | 0x20);
        const char *kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
        p += 2;
        int ndig = 0;
        for (;;) {
            if (p < e && *p == '_') p++;
            int c = p < e ? (unsigned char)*p : 0;
            int ok = k == 'x' ? (is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
                   : k == 'o' ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
            if (!ok) {
                if ((k == 'o' || k == 'b') && is_digit(c)) {
                    int col = col_of(lx, p) + 1;
                    return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col, lx->lineno, col,
                                        "invalid digit '%c' in %s literal", c, kind);
                }
                if (ndig == 0 || p[-1] == '_') {
                    int col = col_of(lx, p);
                    return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col, lx->lineno, col,
                                        "invalid %s literal", kind);
                }
                break;
            }
            while (p < e) {
                c = (unsigned char)*p;
                ok = k == 'x' ? (is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
                   : k == 'o' ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
                if (!ok) break;
                p++;
                ndig++;
            }
            if (p < e && *p == '_') continue;
            if ((k == 'o' || k == 'b') && p < e && is_digit(*p)) {
                int col = col_of(lx, p) + 1;
                return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col, lx->lineno, col,
                                    "invalid digit '%c' in %s literal", *p, kind);
            }
            break;
        }
        if (verify_end(lx, p, kind) < 0) return -1;
        return push_here(lx, T_NUMBER, s, p) ? 0 : -2;
    }
    int isfloat = 0;
    if (*p == '.') {
        isfloat = 1;
        p++;
        p = read_decimal_tail(lx, p);
        if (!p) return -1;
    } else {
        int leading_zero = *p == '0';
        p = read_decimal_tail(lx, p);
        if (!p) return -1;
        if (p < e && *p == '.') {
            isfloat = 1;
            p++;
            if (p < e && is_digit(*p)) {
                p = read_decimal_tail(lx, p);
                if (!p) return -1;
            }
        } else if (leading_zero && !(p < e && (*p == 'e' || *p == 'E' || *p == 'j' || *p == 'J'))) {
            for (const char *q = s; q < p; q++)
                if (*q != '0' && *q != '_') {
                    return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, s) + 1, lx->lineno,
                                        col_of(lx, p),
                                        "leading zeros in decimal integer literals are not permitted; "
                                        "use an 0o prefix for octal integers");
                }
        }
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        const char *ep = p;
        p++;
        if (p < e && (*p == '+' || *p == '-')) {
            p++;
            if (!(p < e && is_digit(*p))) {
                int col = col_of(lx, p);
                return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col, lx->lineno, col,
                                    "invalid decimal literal");
            }
            p = read_decimal_tail(lx, p);
            if (!p) return -1;
        } else if (!(p < e && is_digit(*p))) {
            /* not an exponent: the number ends before 'e' ("1else") */
            p = ep;
            if (verify_end(lx, p, "decimal") < 0) return -1;
            return push_here(lx, T_NUMBER, s, p) ? 0 : -2;
        } else {
            p = read_decimal_tail(lx, p);
            if (!p) return -1;
        }
        isfloat = 1;
    }
    if (p < e && (*p == 'j' || *p == 'J')) {
        p++;
        if (verify_end(lx, p, "imaginary") < 0) return -1;
    } else if (verify_end(lx, p, "decimal") < 0) {
        return -1;
    }
    (void)isfloat;
    return push_here(lx, T_NUMBER, s, p) ? 0 : -2;
}

/* ---- strings ------------------------------------------------------------ */

static int lex_string(Lexer *lx, const char *s, const char *q) {
    /* s: start of prefix, q: opening quote */
    char quote = *q;
    const char *e = lx->end;
    int triple = (e - q >= 3 && q[1] == quote && q[2] == quote);
    int start_line = lx->lineno;
    const char *start_ls = lx->line_start;
    int start_col = col_of(lx, s);
    const char *p = q + (triple ? 3 : 1);
    for (;;) {
        if (p >= e) {
            if (triple)
                return lex_error_at(lx, PERR_SYNTAX, start_line, start_col + 1, start_line,
                                    start_col + 1,
                                    "unterminated triple-quoted string literal (detected at line %d)",
                                    lx->lineno - (p > lx->src && p[-1] == '\n' ? 1 : 0));
            return lex_error_at(lx, PERR_SYNTAX, start_line, start_col + 1, start_line,
                                start_col + 1,
                                "unterminated string literal (detected at line %d)", lx->lineno);
        }
        char c = *p;
        if (c == '\n') {
            if (!triple)
                return lex_error_at(lx, PERR_SYNTAX, start_line, start_col + 1, start_line,
                                    start_col + 1,
                                    "unterminated string literal (detected at line %d)", lx->lineno);
            p++;
            lx->lineno++;
            lx->line_start = p;
            continue;
        }
        if (c == '\\') {
            p++;
            if (p < e) {
                if (*p == '\n') {
                    if (!triple) {
                        /* backslash-newline continues a single-quoted string */
                    }
                    p++;
                    lx->lineno++;
                    lx->line_start = p;
                } else {
                    p++;
                }
            }
            continue;
        }
        if (c == quote) {
            if (!triple) { p++; break; }
            if (e - p >= 3 && p[1] == quote && p[2] == quote) { p += 3; break; }
        }
        p++;
    }
    Token *t = push(lx, T_STRING, s, p, start_line, start_col, lx->lineno, col_of(lx, p));
    (void)start_ls;
    return t ? 0 : -2;
}

/* ---- main loop ---------------------------------------------------------- */

static int is_string_prefix(const char *s, int n) {
    if (n > 2) return 0;
    int r = 0, b = 0, u = 0, f = 0;
    for (int i = 0; i < n; i++) {
        switch (s[i] | 0x20) {
        case 'r': r++; break;
        case 'b': b++; break;
        case 'u': u++; break;
        case 'f': f++; break;
        default: return 0;
        }
    }
    if (r > 1 || b > 1 || u > 1 || f > 1) return 0;
    if (u && n > 1) return 0;
    if (b && f) return 0;
    return 1;
}

/* Handle indentation at the beginning of a logical line.  Returns 0, or -1
 * on error, or 1 when the line is blank/comment (nothing emitted). */
static int at_bol(Lexer *lx) {
    const char *p = lx->cur, *e = lx->end;
    int col = 0, altcol = 0;
    for (; p < e; p++) {
        if (*p == ' ') { col++; altcol++; }
        else if (*p == '\t') { col = (col / 8 + 1) * 8; altcol++; }
        else if (*p == '\f') { col = altcol = 0; }
        else break;
    }
    lx->cur = p;
    if (p >= e || *p == '#' || *p == '\n' || (*p == '\\' && 0)) {
        return 1;  /* blank line: handled by the main loop */
    }
    if (lx->sub) return 0;
    int top = lx->indstack[lx->indent];
    if (col == top) {
        if (altcol != lx->altstack[lx->indent])
            return lex_error_at(lx, PERR_TAB, lx->lineno, 1, lx->lineno, 0,
                                "inconsistent use of tabs and spaces in indentation");
    } else if (col > top) {
        if (lx->indent + 1 >= LEX_MAXINDENT)
            return lex_error_at(lx, PERR_INDENTATION, lx->lineno, 1, lx->lineno, 0,
                                "too many levels of indentation");
        if (altcol <= lx->altstack[lx->indent])
            return lex_error_at(lx, PERR_TAB, lx->lineno, 1, lx->lineno, 0,
                                "inconsistent use of tabs and spaces in indentation");
        lx->indent++;
        lx->indstack[lx->indent] = col;
        lx->altstack[lx->indent] = altcol;
        if (!push(lx, T_INDENT, lx->line_start, p, lx->lineno, 0, lx->lineno, col_of(lx, p)))
            return -2;
    } else {
        int k = lx->indent;
        while (k > 0 && col < lx->indstack[k]) k--;
        if (col != lx->indstack[k]) {
            const char *le = p;
            while (le < e && *le != '\n') le++;
            return lex_error_at(lx, PERR_INDENTATION, lx->lineno, col_of(lx, le) + 1, lx->lineno, -1,
                                "unindent does not match any outer indentation level");
        }
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->indent--;
            if (!push(lx, T_DEDENT, p, p, lx->lineno, col_of(lx, p), lx->lineno, col_of(lx, p)))
                return -2;
        }
        if (col != lx->indstack[lx->indent]) {
            const char *le = p;
            while (le < e && *le != '\n') le++;
            return lex_error_at(lx, PERR_INDENTATION, lx->lineno, col_of(lx, le) + 1, lx->lineno, -1,
                                "unindent does not match any outer indentation level");
        }
        if (altcol != lx->altstack[lx->indent])
            return lex_error_at(lx, PERR_TAB, lx->lineno, 1, lx->lineno, 0,
                                "inconsistent use of tabs and spaces in indentation");
    }
    return 0;
}

static int run(Lexer *lx) {
    const char *e = lx->end;
    int rc;
    for (;;) {
        if (lx->atbol) {
            lx->atbol = 0;
            if (lx->level == 0 && !lx->sub) {
                rc = at_bol(lx);
                if (rc < 0) return rc;
            }
        }
        const char *p = lx->cur;
        /* skip whitespace */
        while (p < e && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
        const char *comment = NULL;
        if (p < e && *p == '#') {
            comment = p;
            while (p < e && *p != '\n') p++;
        }
        if (p >= e) {
            lx->cur = p;
            lx->eof_comment = comment;
            break;
        }
        const char *s = p;
        unsigned char c = (unsigned char)*p;
        if (c == '\n') {
            /* newline: a NEWLINE token only after a non-blank logical line */
            int blank = lx->ntoks == 0 || lx->toks[lx->ntoks - 1].type == T_NEWLINE ||
                        lx->toks[lx->ntoks - 1].type == T_INDENT ||
                        lx->toks[lx->ntoks - 1].type == T_DEDENT;
            if (lx->level == 0 && !lx->sub && !blank) {
                /* zero width, as CPython; starts at a preceding comment */
                const char *ns = comment ? comment : p;
                if (!push(lx, T_NEWLINE, ns, p, lx->lineno, col_of(lx, ns), lx->lineno, col_of(lx, p)))
                    return -2;
            }
            p++;
            lx->lineno++;
            lx->line_start = p;
            lx->cur = p;
            if (lx->level == 0) lx->atbol = 1;
            continue;
        }
        if (c == '\\') {
            if (p + 1 >= e) {
                return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 2, lx->lineno, -1,
                                    "unexpected EOF while parsing");
            }
            if (p[1] != '\n') {
                return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 2, lx->lineno, 0,
                                    "unexpected character after line continuation character");
            }
            if (p + 2 >= e) {
                return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 2, lx->lineno, -1,
                                    "unexpected EOF while parsing");
            }
            p += 2;
            lx->lineno++;
            lx->line_start = p;
            lx->cur = p;
            continue;
        }
        /* identifiers, keywords, string prefixes */
        unsigned cp = c;
        int clen = 1;
        if (c >= 0x80) {
            clen = lexer_utf8_decode((const unsigned char *)p, (size_t)(e - p), &cp);
            if (clen == 0) clen = 1;
        }
        if (lexer_is_id_start(cp)) {
            p += clen;
            while (p < e) {
                unsigned char d = (unsigned char)*p;
                if (d < 0x80) {
                    if (!lexer_is_id_char(d)) break;
                    p++;
                } else {
                    unsigned cp2;
                    int l2 = lexer_utf8_decode((const unsigned char *)p, (size_t)(e - p), &cp2);
                    if (!l2) l2 = 1;
                    if (!lexer_is_id_char(cp2)) {
                        return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 1,
                                            lx->lineno, col_of(lx, p) + 1,
                                            "invalid character '%.*s' (U+%04X)", l2, p, cp2);
                    }
                    p += l2;
                }
            }
            if (p < e && (*p == '\'' || *p == '"') && is_string_prefix(s, (int)(p - s))) {
                rc = lex_string(lx, s, p);
                if (rc < 0) return rc;
                lx->cur = lx->toks[lx->ntoks - 1].len + s;
                continue;
            }
            Token *t = push_here(lx, T_NAME, s, p);
            if (!t) return -2;
            t->kw = (short)keyword_of(s, (int)(p - s));
            lx->cur = p;
            continue;
        }
        if (c >= 0x80) {
            if (clen == 1 && lexer_utf8_decode((const unsigned char *)p, (size_t)(e - p), &cp) == 0)
                return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 1, lx->lineno,
                                    col_of(lx, p) + 1, "invalid character (U+%04X)", c);
            return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 1, lx->lineno,
                                col_of(lx, p) + 1, "invalid character '%.*s' (U+%04X)", clen, p, cp);
        }
        if (is_digit(c) || (c == '.' && p + 1 < e && is_digit(p[1]))) {
            rc = lex_number(lx, p);
            if (rc < 0) return rc;
            Token *t = &lx->toks[lx->ntoks - 1];
            lx->cur = t->start + t->len;
            continue;
        }
        if (c == '\'' || c == '"') {
            rc = lex_string(lx, p, p);
            if (rc < 0) return rc;
            lx->cur = lx->toks[lx->ntoks - 1].len + s;
            continue;
        }
        int op = op3(p, e), n = 3;
        if (op < 0) { op = op2(p, e); n = 2; }
        if (op < 0) { op = op1((char)c); n = 1; }
        if (op < 0) {
            /* $ ? ` and control characters: the parser reports invalid syntax */
            if (c < 32 && c != '\r') {
                return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 1, lx->lineno,
                                    col_of(lx, p) + 1, "invalid non-printable character U+%04X", c);
            }
            op = T_BADOP;
            n = 1;
        }
        if (op == T_NOTEQUAL && c == '<') op = T_BADOP;   /* '<>' only with barry_as_FLUFL */
        if (op == T_LPAR || op == T_LSQB || op == T_LBRACE) {
            if (lx->level >= LEX_MAXLEVEL)
                return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 1, lx->lineno,
                                    col_of(lx, p) + 1, "too many nested parentheses");
            lx->paren[lx->level] = (char)c;
            lx->paren_line[lx->level] = lx->lineno;
            lx->paren_col[lx->level] = col_of(lx, p);
            Token *t = push_here(lx, op, p, p + n);
            if (!t) return -2;
            lx->level++;
        } else if (op == T_RPAR || op == T_RSQB || op == T_RBRACE) {
            if (lx->level == 0 || (lx->sub && lx->level == 1 && 0)) {
                return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 1, lx->lineno,
                                    col_of(lx, p) + 1, "unmatched '%c'", c);
            }
            char open = lx->paren[lx->level - 1];
            if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
                int ol = lx->paren_line[lx->level - 1];
                if (ol != lx->lineno)
                    return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 1, lx->lineno,
                                        col_of(lx, p) + 1,
                                        "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                                        c, open, ol);
                return lex_error_at(lx, PERR_SYNTAX, lx->lineno, col_of(lx, p) + 1, lx->lineno,
                                    col_of(lx, p) + 1,
                                    "closing parenthesis '%c' does not match opening parenthesis '%c'",
                                    c, open);
            }
            lx->level--;
            if (!push_here(lx, op, p, p + n)) return -2;
        } else {
            if (!push_here(lx, op, p, p + n)) return -2;
        }
        lx->cur = p + n;
    }
    /* end of input */
    if (lx->sub) {
        return push_here(lx, T_ENDMARKER, lx->cur, lx->cur) ? 0 : -2;
    }
    if (lx->level > 0) {
        lx->eof_in_paren = 1;
        return -1;
    }
    if (lx->ntoks > 0) {
        int lt = lx->toks[lx->ntoks - 1].type;
        if (lt != T_NEWLINE && lt != T_DEDENT && lt != T_INDENT) {
            const char *ns = lx->eof_comment ? lx->eof_comment : lx->cur;
            if (!push(lx, T_NEWLINE, ns, lx->cur, lx->lineno, col_of(lx, ns), lx->lineno,
                      col_of(lx, lx->cur)))
                return -2;
            lx->toks[lx->ntoks - 1].kw = 1;   /* marks the implicit NEWLINE at EOF */
        }
    }
    /* EOF DEDENTs and ENDMARKER sit at the end of the last line, as in
     * CPython (error positions use them) */
    int endline = lx->lineno, endcol = (int)(lx->cur - lx->line_start);
    if (lx->cur == lx->line_start && lx->cur > lx->src) {
        const char *q = lx->cur - 1;          /* the final '\n' */
        const char *ls = q;
        while (ls > lx->src && ls[-1] != '\n') ls--;
        endline--;
        endcol = (int)(q - ls);
    }
    while (lx->indent > 0) {
        lx->indent--;
        if (!push(lx, T_DEDENT, lx->cur, lx->cur, endline, endcol, endline, endcol)) return -2;
    }
    if (!push(lx, T_ENDMARKER, lx->cur, lx->cur, endline, endcol, endline, endcol)) return -2;
    return 0;
}

static void lexer_init(Lexer *lx) {
    memset(lx, 0, sizeof *lx);
    lx->err.kind = -1;
    lx->atbol = 1;
}

static int finish(Lexer *lx, int rc) {
    if (rc == -2) return -1;   /* out of memory */
    if (rc == -1) {
        /* error: terminate the stream with an error token at the current spot */
        if (!push_here(lx, T_ERROR, lx->cur, lx->cur)) return -1;
    }
    return 0;
}

int lexer_tokenize(Lexer *lx, const char *src, size_t len) {
    lexer_init(lx);
    lx->src = lx->cur = lx->line_start = src;
    lx->end = src + len;
    lx->lineno = 1;
    return finish(lx, run(lx));
}

int lexer_tokenize_sub(Lexer *lx, const char *s, const char *e, int lineno, const char *line_start) {
    lexer_init(lx);
    lx->src = lx->cur = s;
    lx->line_start = line_start;
    lx->end = e;
    lx->lineno = lineno;
    lx->sub = 1;
    lx->atbol = 0;
    return finish(lx, run(lx));
}

void lexer_free(Lexer *lx) {
    free(lx->toks);
    lx->toks = NULL;
    lx->ntoks = lx->cap = 0;
}
