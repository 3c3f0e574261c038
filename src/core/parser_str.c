/* parser_str.c — number literals, string literals and f-strings.
 *
 * Adjacent STRING tokens are concatenated into one Constant, or into one
 * JoinedStr when any of them is an f-string (3.11 semantics: the tokenizer
 * returns an f-string as one token; its replacement fields are found here and
 * each expression is tokenized again in place, wrapped in virtual
 * parentheses at the '{' and the terminator, so positions are the real ones
 * and a bare tuple spans the braces, exactly like CPython 3.11).  Constant and
 * FormattedValue parts carry the position of the whole string group.
 */
#include "core/parser.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- numbers ------------------------------------------------------------ */

Node *pstr_number(Parser *p, Token *t) {
    Node *n = parser_new(p, Constant_kind, t);
    if (!n) return NULL;
    char *txt = arena_alloc(p->arena, (size_t)t->len + 1);
    if (!txt) return parser_oom(p);
    int k = 0;
    for (int i = 0; i < t->len; i++)
        if (t->start[i] != '_') txt[k++] = t->start[i];
    txt[k] = 0;
    ConstValue *v = &n->v.Constant.value;
    int is_hex = k > 1 && txt[0] == '0' && (txt[1] == 'x' || txt[1] == 'X');
    if (k > 0 && (txt[k - 1] == 'j' || txt[k - 1] == 'J')) {
        txt[k - 1] = 0;
        v->kind = CONST_IMAG;
        v->f = strtod(txt, NULL);
    } else if (!is_hex && (strchr(txt, '.') || strchr(txt, 'e') || strchr(txt, 'E'))) {
        v->kind = CONST_FLOAT;
        v->f = strtod(txt, NULL);
    } else {
        v->kind = CONST_INT;
        v->text = txt;
    }
    return n;
}

/* ---- buffers ------------------------------------------------------------ */

typedef struct {
    char *s;
    size_t n, cap;
} Buf;

static int buf_put(Buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->n + n + 1) nc *= 2;
        char *ns = realloc(b->s, nc);
        if (!ns) return -1;
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
    return 0;
}

static int buf_cp(Buf *b, unsigned cp) {
    char u[4];
    size_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    return buf_put(b, u, n);
}

/* ---- escapes ------------------------------------------------------------ */

static const struct { const char *name; unsigned cp; } uninames[] = {
    {"SPACE", 0x20}, {"NULL", 0}, {"LINE FEED", 0x0A}, {"CARRIAGE RETURN", 0x0D},
    {"CHARACTER TABULATION", 0x09}, {"ESCAPE", 0x1B}, {"DELETE", 0x7F},
    {"NO-BREAK SPACE", 0xA0}, {"SECTION SIGN", 0xA7}, {"COPYRIGHT SIGN", 0xA9},
    {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB}, {"REGISTERED SIGN", 0xAE},
    {"DEGREE SIGN", 0xB0}, {"PLUS-MINUS SIGN", 0xB1}, {"MICRO SIGN", 0xB5},
    {"PILCROW SIGN", 0xB6}, {"MIDDLE DOT", 0xB7},
    {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB}, {"MULTIPLICATION SIGN", 0xD7},
    {"DIVISION SIGN", 0xF7}, {"POUND SIGN", 0xA3}, {"YEN SIGN", 0xA5}, {"CENT SIGN", 0xA2},
    {"LATIN SMALL LETTER E WITH ACUTE", 0xE9}, {"LATIN SMALL LETTER A WITH GRAVE", 0xE0},
    {"LATIN SMALL LETTER SHARP S", 0xDF}, {"LATIN SMALL LETTER U WITH DIAERESIS", 0xFC},
    {"LATIN SMALL LETTER O WITH DIAERESIS", 0xF6}, {"LATIN SMALL LETTER A WITH DIAERESIS", 0xE4},
    {"LATIN SMALL LETTER N WITH TILDE", 0xF1}, {"LATIN SMALL LETTER C WITH CEDILLA", 0xE7},
    {"GREEK SMALL LETTER ALPHA", 0x3B1}, {"GREEK SMALL LETTER BETA", 0x3B2},
    {"GREEK SMALL LETTER GAMMA", 0x3B3}, {"GREEK SMALL LETTER DELTA", 0x3B4},
    {"GREEK SMALL LETTER EPSILON", 0x3B5}, {"GREEK SMALL LETTER LAMDA", 0x3BB},
    {"GREEK SMALL LETTER MU", 0x3BC}, {"GREEK SMALL LETTER PI", 0x3C0},
    {"GREEK SMALL LETTER SIGMA", 0x3C3}, {"GREEK CAPITAL LETTER DELTA", 0x394},
    {"GREEK CAPITAL LETTER SIGMA", 0x3A3}, {"GREEK CAPITAL LETTER OMEGA", 0x3A9},
    {"EN DASH", 0x2013}, {"EM DASH", 0x2014}, {"LEFT SINGLE QUOTATION MARK", 0x2018},
    {"RIGHT SINGLE QUOTATION MARK", 0x2019}, {"LEFT DOUBLE QUOTATION MARK", 0x201C},
    {"RIGHT DOUBLE QUOTATION MARK", 0x201D}, {"BULLET", 0x2022}, {"HORIZONTAL ELLIPSIS", 0x2026},
    {"ZERO WIDTH SPACE", 0x200B}, {"EURO SIGN", 0x20AC}, {"LEFTWARDS ARROW", 0x2190},
    {"UPWARDS ARROW", 0x2191}, {"RIGHTWARDS ARROW", 0x2192}, {"DOWNWARDS ARROW", 0x2193},
    {"INFINITY", 0x221E}, {"EMPTY SET", 0x2205}, {"NOT EQUAL TO", 0x2260},
    {"LESS-THAN OR EQUAL TO", 0x2264}, {"GREATER-THAN OR EQUAL TO", 0x2265},
    {"BLACK STAR", 0x2605}, {"WHITE STAR", 0x2606}, {"SNOWMAN", 0x2603},
    {"WHITE SMILING FACE", 0x263A}, {"BLACK HEART SUIT", 0x2665}, {"CHECK MARK", 0x2713},
    {"HEAVY CHECK MARK", 0x2714}, {"BALLOT X", 0x2717}, {"HEAVY BLACK HEART", 0x2764},
    {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500}, {"BOX DRAWINGS LIGHT VERTICAL", 0x2502},
    {"FULL BLOCK", 0x2588}, {"GRINNING FACE", 0x1F600}, {"THUMBS UP SIGN", 0x1F44D},
    {"SNAKE", 0x1F40D}, {"PILE OF POO", 0x1F4A9}, {"FACE WITH TEARS OF JOY", 0x1F602},
    {"REPLACEMENT CHARACTER", 0xFFFD}, {"BYTE ORDER MARK", 0xFEFF},
    {"ZERO WIDTH NO-BREAK SPACE", 0xFEFF}, {"CJK UNIFIED IDEOGRAPH-4E2D", 0x4E2D},
};

/* generated table: parser_uninames.c */
extern const char parser_uninames_text[];
extern const unsigned parser_uninames_cp[];
extern const size_t parser_uninames_count;

static int lookup_name(const char *s, size_t n, unsigned *cp) {
    char name[96];
    if (n == 0 || n >= sizeof name) return 0;
    for (size_t i = 0; i < n; i++) name[i] = (char)toupper((unsigned char)s[i]);
    name[n] = 0;
    for (size_t i = 0; i < sizeof uninames / sizeof uninames[0]; i++)
        if (strcmp(uninames[i].name, name) == 0) { *cp = uninames[i].cp; return 1; }
    const char *t = parser_uninames_text;
    for (size_t i = 0; i < parser_uninames_count; i++) {
        size_t l = strlen(t);
        if (l == n && memcmp(t, name, n) == 0) { *cp = parser_uninames_cp[i]; return 1; }
        t += l + 1;
    }
    if (strncmp(name, "LATIN SMALL LETTER ", 19) == 0 && n == 20 && name[19] >= 'A' && name[19] <= 'Z') {
        *cp = (unsigned)(name[19] - 'A' + 'a');
        return 1;
    }
    if (strncmp(name, "LATIN CAPITAL LETTER ", 21) == 0 && n == 22 && name[21] >= 'A' && name[21] <= 'Z') {
        *cp = (unsigned)name[21];
        return 1;
    }
    if (strncmp(name, "DIGIT ", 6) == 0) {
        static const char *const d[] = {"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX",
                                        "SEVEN", "EIGHT", "NINE"};
        for (int i = 0; i < 10; i++)
            if (strcmp(name + 6, d[i]) == 0) { *cp = (unsigned)('0' + i); return 1; }
    }
    if (strncmp(name, "CJK UNIFIED IDEOGRAPH-", 22) == 0) {
        char *end;
        unsigned long v = strtoul(name + 22, &end, 16);
        if (*end == 0 && v >= 0x4E00 && v <= 0x9FFF) { *cp = (unsigned)v; return 1; }
    }
    return 0;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Character index of q in [s, q) */
static int char_pos(const char *s, const char *q) {
    int n = 0;
    for (; s < q; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

/* Decode [s, e) with escapes into b.  Errors use the token after the
 * strings as location (CPython's RAISE_SYNTAX_ERROR). */
static int decode(Parser *p, Buf *b, const char *s, const char *e, int bytes, int raw, Token *errtok,
                  const char *body_start) {
    const char *q = s;
    while (q < e) {
        const char *bs = memchr(q, '\\', (size_t)(e - q));
        if (raw || !bs) bs = e;
        if (bs > q && buf_put(b, q, (size_t)(bs - q)) < 0) goto oom;
        if (bs >= e) break;
        const char *x = bs + 1;
        if (x >= e) { if (buf_put(b, "\\", 1) < 0) goto oom; break; }
        char c = *x++;
        unsigned cp = 0;
        switch (c) {
        case '\n': break;
        case '\\': cp = '\\'; goto put1;
        case '\'': cp = '\''; goto put1;
        case '"': cp = '"'; goto put1;
        case 'a': cp = 7; goto put1;
        case 'b': cp = 8; goto put1;
        case 'f': cp = 12; goto put1;
        case 'n': cp = 10; goto put1;
        case 'r': cp = 13; goto put1;
        case 't': cp = 9; goto put1;
        case 'v': cp = 11; goto put1;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            cp = (unsigned)(c - '0');
            for (int i = 0; i < 2 && x < e && *x >= '0' && *x <= '7'; i++) cp = cp * 8 + (unsigned)(*x++ - '0');
            if (bytes) { char ch = (char)(cp & 0xFF); if (buf_put(b, &ch, 1) < 0) goto oom; break; }
            if (buf_cp(b, cp) < 0) goto oom;
            break;
        }
        case 'x': case 'u': case 'U': {
            int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (bytes && c != 'x') goto unknown;
            int i;
            for (i = 0; i < nd && x < e && hexval(*x) >= 0; i++) cp = cp * 16 + (unsigned)hexval(*x++);
            if (i < nd) {
                if (bytes) {
                    parser_err_tok(p, errtok, "(value error) invalid \\x escape at position %d",
                                   (int)(bs - body_start));
                    return -1;
                }
                parser_err_tok(p, errtok,
                               "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated \\%s escape",
                               char_pos(body_start, bs), char_pos(body_start, x) - 1,
                               c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
                return -1;
            }
            if (bytes) { char ch = (char)cp; if (buf_put(b, &ch, 1) < 0) goto oom; break; }
            if (cp > 0x10FFFF) {
                parser_err_tok(p, errtok,
                               "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character",
                               char_pos(body_start, bs), char_pos(body_start, x) - 1);
                return -1;
            }
            if (buf_cp(b, cp) < 0) goto oom;
            break;
        }
        case 'N': {
            if (bytes) goto unknown;
            const char *ne = NULL;
            if (x < e && *x == '{') ne = memchr(x, '}', (size_t)(e - x));
            if (!ne || !lookup_name(x + 1, (size_t)(ne - x - 1), &cp)) {
                int endp = ne ? char_pos(body_start, ne) : char_pos(body_start, x) - 1;
                parser_err_tok(p, errtok,
                               "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
                               char_pos(body_start, bs), endp,
                               ne ? "unknown Unicode character name" : "malformed \\N character escape");
                return -1;
            }
            x = ne + 1;
            if (buf_cp(b, cp) < 0) goto oom;
            break;
        }
        default:
        unknown:
            /* unknown escape: kept as is (3.11 only warns) */
            if (buf_put(b, bs, (size_t)(x - bs)) < 0) goto oom;
            break;
        }
        q = x;
        continue;
    put1:
        if (buf_cp(b, cp) < 0) goto oom;
        q = x;
    }
    return 0;
oom:
    parser_oom(p);
    return -1;
}

/* ---- string groups ------------------------------------------------------ */

typedef struct {
    Parser *p;
    Buf lit;                /* pending literal text */
    NodeList *values;       /* JoinedStr values */
    Token *first, *last, *errtok;
    Token *tok;             /* token being processed */
    int in_spec;            /* inside a format spec */
    int is_u;               /* the group starts with a u'' string: Constant.kind = 'u' */
} Group;

static Node *group_node(Group *g, NodeKind k) {
    Node *n = arena_alloc(g->p->arena, sizeof(Node));
    if (!n) return parser_oom(g->p);
    n->kind = k;
    n->lineno = g->first->lineno;
    n->col_offset = g->first->col;
    n->end_lineno = g->last->end_lineno;
    n->end_col_offset = g->last->end_col;
    return n;
}

static void tok_range(Group *g, Node *n) {
    n->lineno = g->tok->lineno;
    n->col_offset = g->tok->col;
    n->end_lineno = g->tok->end_lineno;
    n->end_col_offset = g->tok->end_col;
}

/* Literal parts take the group's range, except the last literal of a format
 * spec, which takes its token's range (3.11's FstringParser_Finish(t, t)). */
static int flush_lit_ex(Group *g, NodeList *into, int tokrange) {
    if (g->lit.n == 0) return 0;
    Node *c = group_node(g, Constant_kind);
    if (!c) return -1;
    if (tokrange) tok_range(g, c);
    else if (g->is_u) c->v.Constant.value.kind_u = "u";
    c->v.Constant.value.kind = CONST_STR;
    c->v.Constant.value.s = arena_strndup(g->p->arena, g->lit.s, g->lit.n);
    c->v.Constant.value.len = g->lit.n;
    if (!c->v.Constant.value.s) { parser_oom(g->p); return -1; }
    g->lit.n = 0;
    return nl_push(g->p, into, c);
}

static int flush_lit(Group *g, NodeList *into) { return flush_lit_ex(g, into, 0); }

typedef struct {
    const char *s;          /* current position in the body */
    const char *e;          /* end of body */
    int lineno;
    const char *line_start;
    int raw;
    const char *body_start;
} Cursor;

static void cur_advance(Cursor *c, const char *to) {
    for (; c->s < to; c->s++)
        if (*c->s == '\n') { c->lineno++; c->line_start = c->s + 1; }
}

static int fstring_body(Group *g, Cursor *c, int level, NodeList *out);

static Node *fs_error(Group *g, const char *msg) {
    return parser_err_tok(g->p, g->errtok, "%s", msg);
}

/* Parse one replacement field; c->s is just after '{'. */
static int fstring_field(Group *g, Cursor *c, int level, NodeList *out) {
    Parser *p = g->p;
    if (level >= 2) { fs_error(g, "f-string: expressions nested too deeply"); return -1; }
    const char *open = c->s - 1;
    int open_line = c->lineno;
    const char *open_ls = c->line_start;
    if (open < open_ls) { open_line--; }
    const char *expr_start = c->s;
    int expr_line = c->lineno;
    const char *expr_ls = c->line_start;
    char stack[200];
    int depth = 0;
    char quote = 0;
    int triple = 0;
    const char *q = c->s;
    const char *e = c->e;
    for (; q < e; q++) {
        char ch = *q;
        if (ch == '\\') { fs_error(g, "f-string expression part cannot include a backslash"); return -1; }
        if (quote) {
            if (ch == quote) {
                if (triple) {
                    if (q + 2 < e && q[1] == quote && q[2] == quote) { q += 2; quote = 0; }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (q + 2 < e && q[1] == ch && q[2] == ch) { triple = 1; q += 2; }
            else triple = 0;
            quote = ch;
            continue;
        }
        if (ch == '[' || ch == '(' || ch == '{') {
            if (depth >= 200) { fs_error(g, "f-string: too many nested parenthesis"); return -1; }
            stack[depth++] = ch;
            continue;
        }
        if (ch == '#') { fs_error(g, "f-string expression part cannot include '#'"); return -1; }
        if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '<' || ch == '>')) {
            if (q + 1 < e && q[1] == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) { q++; continue; }
            if (ch == '<' || ch == '>') continue;
            break;
        }
        if (ch == ']' || ch == ')' || ch == '}') {
            if (depth == 0) {
                parser_err_tok(p, g->errtok, "f-string: unmatched '%c'", ch);
                return -1;
            }
            char o = stack[--depth];
            if (!((o == '(' && ch == ')') || (o == '[' && ch == ']') || (o == '{' && ch == '}'))) {
                parser_err_tok(p, g->errtok,
                               "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                               ch, o);
                return -1;
            }
        }
    }
    if (quote) { fs_error(g, "f-string: unterminated string"); return -1; }
    if (q >= e) {
        if (depth) {
            parser_err_tok(p, g->errtok, "f-string: unmatched '%c'", stack[depth - 1]);
            return -1;
        }
        fs_error(g, "f-string: expecting '}'");
        return -1;
    }
    const char *expr_end = q;
    int blank = 1;
    for (const char *k = expr_start; k < expr_end; k++)
        if (!(*k == ' ' || *k == '\t' || *k == '\n' || *k == '\f' || *k == '\r')) { blank = 0; break; }
    if (blank) {
        if (*q == '!' || *q == ':' || *q == '=') {
            parser_err_tok(p, g->errtok, "f-string: expression required before '%c'", *q);
            return -1;
        }
        fs_error(g, "f-string: empty expression not allowed");
        return -1;
    }
    cur_advance(c, expr_end);
    int term_line = c->lineno;
    const char *term_ls = c->line_start;

    /* tokenize and parse "(expr)" in place */
    Lexer lx;
    if (lexer_tokenize_sub(&lx, expr_start, expr_end, expr_line, expr_ls) < 0) {
        lexer_free(&lx);
        parser_oom(p);
        return -1;
    }
    Token *toks = malloc(sizeof(Token) * (size_t)(lx.ntoks + 3));
    if (!toks) { lexer_free(&lx); parser_oom(p); return -1; }
    Token *lp = &toks[0];
    memset(lp, 0, sizeof *lp);
    lp->type = T_LPAR;
    lp->lineno = lp->end_lineno = open_line;
    lp->col = (int)(open - open_ls);
    lp->end_col = lp->col + 1;
    lp->start = open;
    lp->len = 1;
    int nt = 1;
    for (int i = 0; i < lx.ntoks; i++) {
        if (lx.toks[i].type == T_ENDMARKER) break;
        toks[nt] = lx.toks[i];
        toks[nt].level++;
        nt++;
    }
    int lexerr = lx.err.kind >= 0;
    Token *rp = &toks[nt++];
    memset(rp, 0, sizeof *rp);
    rp->type = lexerr ? T_ERROR : T_RPAR;
    rp->lineno = rp->end_lineno = term_line;
    rp->col = (int)(expr_end - term_ls);
    rp->end_col = rp->col + 1;
    rp->start = expr_end;
    rp->len = 1;
    Token *em = &toks[nt++];
    *em = *rp;
    em->type = T_ENDMARKER;
    em->len = 0;
    Parser sub = *p;
    sub.toks = toks;
    sub.ntoks = nt;
    sub.pos = 0;
    sub.lx = &lx;
    sub.parent = p;
    sub.fs_line = lp->lineno;
    sub.fs_col = lp->col;
    sub.in_call_args = 0;
    Node *expr = NULL;
    if (lexerr) {
        parser_error(&sub, lx.err.kind, lx.err.lineno, lx.err.col, lx.err.end_lineno, lx.err.end_col,
                     "%s", lx.err.msg);
    } else {
        expr = pexpr_atom_paren_for_fstring(&sub);
        if (expr && !AT(&sub, T_ENDMARKER)) { expr = NULL; parser_invalid_syntax(&sub); }
    }
    p->has_err = sub.has_err;
    if (!expr && p->err->kind == PERR_SYNTAX && !p->err->text) {
        /* 3.11 shows the "(expr)" string as the error text */
        size_t n = (size_t)(expr_end - expr_start);
        p->err->text = malloc(n + 4);
        if (p->err->text) {
            p->err->text[0] = '(';
            memcpy(p->err->text + 1, expr_start, n);
            memcpy(p->err->text + 1 + n, ")\n", 3);
        }
    }
    free(toks);
    lexer_free(&lx);
    if (!expr) return -1;

    /* '=', '!x', ':spec', '}' */
    int conversion = -1;
    Node *spec = NULL;
    int debug = 0;
    if (*c->s == '=') {
        debug = 1;
        c->s++;
        while (c->s < e && (*c->s == ' ' || *c->s == '\t' || *c->s == '\n' || *c->s == '\f' || *c->s == '\r')) {
            if (*c->s == '\n') { c->lineno++; c->line_start = c->s + 1; }
            c->s++;
        }
        if (buf_put(&g->lit, expr_start, (size_t)(c->s - expr_start)) < 0) { parser_oom(p); return -1; }
    }
    if (c->s < e && *c->s == '!') {
        c->s++;
        if (c->s >= e) { fs_error(g, "f-string: expecting '}'"); return -1; }
        char cc = *c->s;
        if (cc != 's' && cc != 'r' && cc != 'a') {
            fs_error(g, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
        conversion = cc;
        c->s++;
    }
    if (c->s < e && *c->s == ':') {
        c->s++;
        spec = group_node(g, JoinedStr_kind);
        if (!spec) return -1;
        tok_range(g, spec);
        g->in_spec++;
        /* the spec's literal text must not merge with ours */
        Buf saved = g->lit;
        g->lit.s = NULL;
        g->lit.n = g->lit.cap = 0;
        int rc = fstring_body(g, c, level + 1, &spec->v.JoinedStr.values);
        if (rc == 0) rc = flush_lit_ex(g, &spec->v.JoinedStr.values, 1);
        free(g->lit.s);
        g->lit = saved;
        g->in_spec--;
        if (rc < 0) return -1;
    }
    if (c->s >= e || *c->s != '}') { fs_error(g, "f-string: expecting '}'"); return -1; }
    c->s++;
    if (debug && conversion == -1 && !spec) conversion = 'r';
    if (flush_lit(g, out) < 0) return -1;
    Node *fv = group_node(g, FormattedValue_kind);
    if (!fv) return -1;
    fv->v.FormattedValue.value = expr;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    (void)open_ls;
    return nl_push(p, out, fv);
}

/* Literal text and fields until the end of the body (level 0) or the '}'
 * closing a format spec (level > 0, left unconsumed). */
static int fstring_body(Group *g, Cursor *c, int level, NodeList *out) {
    Parser *p = g->p;
    for (;;) {
        const char *s = c->s;
        const char *q = s;
        while (q < c->e && *q != '{' && *q != '}') {
            if (*q == '\\' && !c->raw && q + 1 < c->e) {
                if (q[1] == 'N' && q + 2 < c->e && q[2] == '{') {
                    const char *ne = memchr(q, '}', (size_t)(c->e - q));
                    q = ne ? ne + 1 : c->e;
                    continue;
                }
                q += 2;
                continue;
            }
            q++;
        }
        if (q > s) {
            if (decode(p, &g->lit, s, q, 0, c->raw, g->errtok, c->body_start) < 0) return -1;
        }
        cur_advance(c, q);
        if (q >= c->e) return 0;
        if (*q == '{') {
            if (level == 0 && q + 1 < c->e && q[1] == '{') {
                if (buf_put(&g->lit, "{", 1) < 0) { parser_oom(p); return -1; }
                c->s = q + 2;
                continue;
            }
            c->s = q + 1;
            if (fstring_field(g, c, level, out) < 0) return -1;
            continue;
        }
        /* '}' */
        if (level > 0) return 0;
        if (q + 1 < c->e && q[1] == '}') {
            if (buf_put(&g->lit, "}", 1) < 0) { parser_oom(p); return -1; }
            c->s = q + 2;
            continue;
        }
        fs_error(g, "f-string: single '}' is not allowed");
        return -1;
    }
}

Node *pstr_strings(Parser *p) {
    Token *first = TOK(p);
    int i0 = p->pos;
    while (AT(p, T_STRING)) ADVANCE(p);
    int i1 = p->pos;
    Token *last = &p->toks[i1 - 1];
    Token *errtok = TOK(p);
    /* classify */
    int any_f = 0, any_bytes = 0, any_str = 0;
    for (int i = i0; i < i1; i++) {
        Token *t = &p->toks[i];
        for (const char *c = t->start; *c != '\'' && *c != '"'; c++) {
            char l = (char)(*c | 0x20);
            if (l == 'b') any_bytes = 1;
            if (l == 'f') any_f = 1;
        }
        int isb = 0;
        for (const char *c = t->start; *c != '\'' && *c != '"'; c++)
            if ((*c | 0x20) == 'b') isb = 1;
        if (!isb) any_str = 1;
    }
    Group g;
    memset(&g, 0, sizeof g);
    g.p = p;
    g.first = first;
    g.last = last;
    g.errtok = errtok;
    NodeList values = {0, NULL};
    g.values = &values;
    int is_u = 0;
    for (const char *c = first->start; *c != '\'' && *c != '"'; c++)
        if (*c == 'u') g.is_u = 1;
    Node *res = NULL;
    for (int i = i0; i < i1; i++) {
        Token *t = &p->toks[i];
        int raw = 0, isf = 0, isb = 0;
        const char *c = t->start;
        for (; *c != '\'' && *c != '"'; c++) {
            char l = (char)(*c | 0x20);
            if (l == 'r') raw = 1;
            else if (l == 'f') isf = 1;
            else if (l == 'b') isb = 1;
            else if (*c == 'u' && i == i0) is_u = 1;
        }
        if (i > i0 && any_bytes && any_str) {
            int first_b = 0;
            for (const char *k = first->start; *k != '\'' && *k != '"'; k++)
                if ((*k | 0x20) == 'b') first_b = 1;
            if (first_b != isb) {
                parser_err_tok(p, errtok, "cannot mix bytes and nonbytes literals");
                goto done;
            }
        }
        char quote = *c;
        int qlen = (t->start + t->len - c >= 6 && c[1] == quote && c[2] == quote) ? 3 : 1;
        const char *bs = c + qlen, *be = t->start + t->len - qlen;
        if (isb) {
            for (const char *k = bs; k < be; k++)
                if ((unsigned char)*k >= 0x80) {
                    parser_err_tok(p, t, "bytes can only contain ASCII literal characters");
                    goto done;
                }
        }
        if (!isf) {
            if (decode(p, &g.lit, bs, be, isb, raw, errtok, bs) < 0) goto done;
            continue;
        }
        Cursor cur;
        g.tok = t;
        cur.s = bs;
        cur.e = be;
        cur.raw = raw;
        cur.body_start = bs;
        cur.lineno = t->lineno;
        cur.line_start = t->start - t->col;
        /* account for newlines inside the prefix/quote (none) */
        if (fstring_body(&g, &cur, 0, &values) < 0) goto done;
    }
    if (any_f) {
        if (flush_lit(&g, &values) < 0) goto done;
        res = group_node(&g, JoinedStr_kind);
        if (!res) goto done;
        res->v.JoinedStr.values = values;
    } else {
        res = group_node(&g, Constant_kind);
        if (!res) goto done;
        ConstValue *v = &res->v.Constant.value;
        v->kind = any_bytes ? CONST_BYTES : CONST_STR;
        v->s = arena_strndup(p->arena, g.lit.s ? g.lit.s : "", g.lit.n);
        v->len = g.lit.n;
        if (!v->s) { res = parser_oom(p); goto done; }
        if (is_u) v->kind_u = "u";
    }
done:
    free(g.lit.s);
    if (p->has_err) return NULL;
    return res;
}
