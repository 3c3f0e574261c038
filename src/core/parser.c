/* parser.c — parser driver, error reporting and statements (see parser.h).
 *
 * Error precedence follows CPython 3.11: a tokenizer error anywhere in the
 * source wins over a parser error (CPython re-tokenizes the whole file after
 * a syntax error); hitting EOF inside brackets reports the innermost
 * unclosed bracket; an unexpected INDENT/DEDENT is an IndentationError.
 */
#include "core/parser.h"
#include "object.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ------------------------------------------------------------- */

static int verror(Parser *p, int kind, int lineno, int col1, int end_lineno, int end_col1,
                  const char *fmt, va_list ap) {
    if (p->has_err) return -1;
    p->has_err = 1;
    p->generic_err = p->indent_err = 0;   /* callers classify after recording */
    ParseError *e = p->err;
    e->kind = kind;
    char buf[400];
    vsnprintf(buf, sizeof buf, fmt, ap);
    if (p->parent && kind != PERR_MEMORY && kind != PERR_RECURSION &&
        strncmp(buf, "f-string", 8) != 0) {
        snprintf(e->msg, sizeof e->msg, "f-string: %s", buf);
    } else {
        snprintf(e->msg, sizeof e->msg, "%s", buf);
    }
    if (p->parent) {
        /* positions relative to the "(expr)" string, as 3.11 reports them */
        int l0 = p->fs_line;
        if (lineno == l0 && col1 > 0) col1 -= p->fs_col;
        if (end_lineno == l0 && end_col1 > 0) end_col1 -= p->fs_col;
        lineno = lineno - l0 + 1;
        end_lineno = end_lineno - l0 + 1;
    }
    e->lineno = lineno;
    e->col_offset = col1;
    e->end_lineno = end_lineno;
    e->end_col_offset = end_col1;
    return -1;
}

int parser_error(Parser *p, int kind, int lineno, int col1, int end_lineno, int end_col1,
                 const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(p, kind, lineno, col1, end_lineno, end_col1, fmt, ap);
    va_end(ap);
    return -1;
}

Node *parser_err_tok(Parser *p, Token *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    /* a DEDENT before a line's first token reports that token's 0-based column */
    int d = t->type == T_DEDENT && t->start != p->src + p->srclen;
    verror(p, PERR_SYNTAX, t->lineno, t->col + 1 - d, t->end_lineno, t->end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

Node *parser_err_node(Parser *p, Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(p, PERR_SYNTAX, n->lineno, n->col_offset + 1, n->end_lineno, n->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

Node *parser_err_range(Parser *p, Node *a, Node *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(p, PERR_SYNTAX, a->lineno, a->col_offset + 1, b->end_lineno, b->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

Node *parser_oom(Parser *p) {
    parser_error(p, PERR_MEMORY, 0, 0, 0, 0, "out of memory");
    return NULL;
}

Node *parser_invalid_syntax(Parser *p) {
    if (p->has_err) return NULL;
    Token *t = TOK(p);
    /* CPython raises these without re-checking the rest of the source for
     * tokenizer errors (indent_err keeps them in front of lexer errors) */
    if (t->type == T_INDENT) {
        parser_error(p, PERR_INDENTATION, t->lineno, t->end_col, t->lineno, -1, "unexpected indent");
        p->indent_err = 1;
        return NULL;
    }
    if (t->type == T_DEDENT) {
        int eof = t->start == p->src + p->srclen;
        parser_error(p, PERR_INDENTATION, t->lineno, t->col + eof, t->lineno, -1, "unexpected unindent");
        p->indent_err = 1;
        return NULL;
    }
    if (t->type == T_ENDMARKER && !p->parent) {
        parser_error(p, PERR_SYNTAX, t->lineno, 0, t->lineno, 0, "invalid syntax");
        return NULL;
    }
    if ((t->type == T_NEWLINE && t->kw == 1) && p->mode != PARSE_FILE && !p->parent) {
        /* eval/single input without a final newline: CPython reports (line, 0) */
        parser_error(p, PERR_SYNTAX, t->lineno, 0, t->lineno, 0, "invalid syntax");
        return NULL;
    }
    parser_err_tok(p, t, "invalid syntax");
    p->generic_err = 1;
    return NULL;
}

/* ---- nodes -------------------------------------------------------------- */

/* The last consumed token that is not NEWLINE/INDENT/DEDENT (node ends, as CPython). */
static Token *last_real(Parser *p) {
    int i = p->pos - 1;
    while (i > 0 && (p->toks[i].type == T_NEWLINE || p->toks[i].type == T_INDENT ||
                     p->toks[i].type == T_DEDENT))
        i--;
    return &p->toks[i < 0 ? 0 : i];
}

Node *parser_new(Parser *p, NodeKind k, Token *start) {
    Node *n = arena_alloc(p->arena, sizeof(Node));
    if (!n) return parser_oom(p);
    n->kind = k;
    n->lineno = start->lineno;
    n->col_offset = start->col;
    Token *e = last_real(p);
    n->end_lineno = e->end_lineno;
    n->end_col_offset = e->end_col;
    return n;
}

Node *parser_new_at(Parser *p, NodeKind k, Node *start) {
    Node *n = arena_alloc(p->arena, sizeof(Node));
    if (!n) return parser_oom(p);
    n->kind = k;
    n->lineno = start->lineno;
    n->col_offset = start->col_offset;
    Token *e = last_real(p);
    n->end_lineno = e->end_lineno;
    n->end_col_offset = e->end_col;
    return n;
}

void parser_set_end(Parser *p, Node *n) {
    Token *e = last_real(p);
    n->end_lineno = e->end_lineno;
    n->end_col_offset = e->end_col;
}


int nl_push(Parser *p, NodeList *l, Node *n) {
    /* capacity: powers of two >= 4 */
    if (l->n >= 4 && (l->n & (l->n - 1)) == 0) {
        Node **ni = arena_alloc(p->arena, sizeof(Node *) * (size_t)l->n * 2);
        if (!ni) { parser_oom(p); return -1; }
        memcpy(ni, l->items, sizeof(Node *) * (size_t)l->n);
        l->items = ni;
    } else if (l->n == 0) {
        l->items = arena_alloc(p->arena, sizeof(Node *) * 4);
        if (!l->items) { parser_oom(p); return -1; }
    }
    l->items[l->n++] = n;
    return 0;
}

static int names_push(Parser *p, NameList *l, char *s) {
    if (l->n >= 4 && (l->n & (l->n - 1)) == 0) {
        char **ni = arena_alloc(p->arena, sizeof(char *) * (size_t)l->n * 2);
        if (!ni) { parser_oom(p); return -1; }
        memcpy(ni, l->items, sizeof(char *) * (size_t)l->n);
        l->items = ni;
    } else if (l->n == 0) {
        l->items = arena_alloc(p->arena, sizeof(char *) * 4);
        if (!l->items) { parser_oom(p); return -1; }
    }
    l->items[l->n++] = s;
    return 0;
}

/* NFKC for the compatibility characters that show up in identifiers
 * (full-width forms, mathematical alphanumerics, micro/ohm/kelvin signs,
 * ligatures).  Returns the replacement's length in out (0: keep as is). */
static int nfkc_char(unsigned cp, char *out) {
    unsigned r = 0;
    if (cp >= 0xFF21 && cp <= 0xFF3A) r = cp - 0xFF21 + 'A';
    else if (cp >= 0xFF41 && cp <= 0xFF5A) r = cp - 0xFF41 + 'a';
    else if (cp >= 0xFF10 && cp <= 0xFF19) r = cp - 0xFF10 + '0';
    else if (cp == 0xFF3F) r = '_';
    else if (cp == 0xB5) r = 0x3BC;
    else if (cp == 0x2126) r = 0x3A9;
    else if (cp == 0x212A) r = 'K';
    else if (cp == 0x212B) r = 0xC5;
    else if (cp == 0x17F) r = 's';
    else if (cp >= 0x1D400 && cp <= 0x1D6A3) {
        unsigned k = (cp - 0x1D400) % 52;
        r = k < 26 ? 'A' + k : 'a' + (k - 26);
    } else if (cp >= 0x1D7CE && cp <= 0x1D7FF) {
        r = '0' + (cp - 0x1D7CE) % 10;
    } else if (cp >= 0xFB00 && cp <= 0xFB06) {
        static const char *const lig[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
        size_t n = strlen(lig[cp - 0xFB00]);
        memcpy(out, lig[cp - 0xFB00], n);
        return (int)n;
    }
    if (!r) return 0;
    if (r < 0x80) { out[0] = (char)r; return 1; }
    if (r < 0x800) { out[0] = (char)(0xC0 | (r >> 6)); out[1] = (char)(0x80 | (r & 0x3F)); return 2; }
    out[0] = (char)(0xE0 | (r >> 12)); out[1] = (char)(0x80 | ((r >> 6) & 0x3F));
    out[2] = (char)(0x80 | (r & 0x3F));
    return 3;
}

char *parser_ident(Parser *p, Token *t) {
    int ascii = 1;
    for (int i = 0; i < t->len; i++)
        if ((unsigned char)t->start[i] >= 0x80) { ascii = 0; break; }
    if (ascii) {
        char *s = arena_strndup(p->arena, t->start, (size_t)t->len);
        if (!s) parser_oom(p);
        return s;
    }
    char *s = arena_alloc(p->arena, (size_t)t->len * 3 + 1);
    if (!s) { parser_oom(p); return NULL; }
    size_t k = 0;
    for (int i = 0; i < t->len;) {
        unsigned cp;
        int l = lexer_utf8_decode((const unsigned char *)t->start + i, (size_t)(t->len - i), &cp);
        if (l <= 0) l = 1;
        char rep[4];
        int rl = l > 1 ? nfkc_char(cp, rep) : 0;
        if (rl) { memcpy(s + k, rep, (size_t)rl); k += (size_t)rl; }
        else { memcpy(s + k, t->start + i, (size_t)l); k += (size_t)l; }
        i += l;
    }
    s[k] = 0;
    return s;
}

static Token *expect_name(Parser *p) {
    if (!AT_NAME(p)) { parser_invalid_syntax(p); return NULL; }
    return ADVANCE(p);
}

/* ':' that CPython demands with && (error "expected ':'" right away). */
static int expect_colon_forced(Parser *p) {
    if (ACCEPT(p, T_COLON)) return 0;
    if (p->has_err) return -1;
    Token *t = TOK(p);
    if (t->type == T_ERROR) { parser_invalid_syntax(p); return -1; }
    parser_err_tok(p, t, "expected ':'");
    return -1;
}

/* ':' where CPython says "expected ':'" only if the line ends there. */
static int expect_colon(Parser *p) {
    if (ACCEPT(p, T_COLON)) return 0;
    if (p->has_err) return -1;
    Token *t = TOK(p);
    if (t->type == T_NEWLINE) parser_err_tok(p, t, "expected ':'");
    else parser_invalid_syntax(p);
    return -1;
}

/* ---- blocks ------------------------------------------------------------- */

static int statement(Parser *p, NodeList *out);
static int simple_stmts(Parser *p, NodeList *out);

/* After ':'.  Fills out; returns 0 / -1. */
static int block(Parser *p, const char *what, Token *kwtok, NodeList *out) {
    if (AT(p, T_NEWLINE)) {
        ADVANCE(p);
        if (!AT(p, T_INDENT)) {
            if (p->has_err) return -1;
            Token *t = TOK(p);
            if (t->type == T_ERROR) { parser_invalid_syntax(p); return -1; }
            int eof = t->type == T_ENDMARKER || (t->type == T_DEDENT && t->len == 0 && t->col > 0 &&
                                                  t->start == p->src + p->srclen);
            parser_error(p, PERR_INDENTATION, t->lineno, t->col + 1, t->end_lineno,
                         eof ? -1 : t->end_col + 1,
                         "expected an indented block after %s on line %d", what, kwtok->lineno);
            return -1;
        }
        ADVANCE(p);
        while (!AT(p, T_DEDENT)) {
            if (AT(p, T_ENDMARKER) || AT(p, T_ERROR)) { parser_invalid_syntax(p); return -1; }
            if (statement(p, out) < 0) return -1;
        }
        ADVANCE(p);
        return 0;
    }
    return simple_stmts(p, out);
}


int parser_block_stmts(Parser *p, const char *what, Token *kwtok, NodeList *out) {
    return block(p, what, kwtok, out);
}

/* ---- compound statements ------------------------------------------------- */

static Node *if_stmt(Parser *p, int is_elif) {
    Token *kw = ADVANCE(p);
    Node *n = parser_new(p, If_kind, kw);
    if (!n) return NULL;
    n->v.If.test = pexpr_named_expression(p);
    if (!n->v.If.test) return NULL;
    if (expect_colon(p) < 0) return NULL;
    if (block(p, is_elif ? "'elif' statement" : "'if' statement", kw, &n->v.If.body) < 0) return NULL;
    parser_set_end(p, n);
    if (AT_KW(p, KW_elif)) {
        Node *e = if_stmt(p, 1);
        if (!e || nl_push(p, &n->v.If.orelse, e) < 0) return NULL;
        parser_set_end(p, n);
    } else if (AT_KW(p, KW_else)) {
        Token *ek = ADVANCE(p);
        if (expect_colon_forced(p) < 0) return NULL;
        if (block(p, "'else' statement", ek, &n->v.If.orelse) < 0) return NULL;
        parser_set_end(p, n);
    }
    return n;
}

static int else_block(Parser *p, NodeList *orelse, Node *n) {
    if (AT_KW(p, KW_else)) {
        Token *ek = ADVANCE(p);
        if (expect_colon_forced(p) < 0) return -1;
        if (block(p, "'else' statement", ek, orelse) < 0) return -1;
        parser_set_end(p, n);
    }
    return 0;
}

static Node *while_stmt(Parser *p) {
    Token *kw = ADVANCE(p);
    Node *n = parser_new(p, While_kind, kw);
    if (!n) return NULL;
    n->v.While.test = pexpr_named_expression(p);
    if (!n->v.While.test) return NULL;
    if (expect_colon(p) < 0) return NULL;
    if (block(p, "'while' statement", kw, &n->v.While.body) < 0) return NULL;
    parser_set_end(p, n);
    if (else_block(p, &n->v.While.orelse, n) < 0) return NULL;
    return n;
}

static Node *for_stmt(Parser *p, Token *start, int is_async) {
    Token *kw = ADVANCE(p);
    Node *n = parser_new(p, is_async ? AsyncFor_kind : For_kind, start);
    if (!n) return NULL;
    n->v.For.target = pexpr_star_targets(p);
    if (!n->v.For.target) return NULL;
    if (!ACCEPT_KW(p, KW_in)) return parser_invalid_syntax(p);
    n->v.For.iter = pexpr_star_expressions(p);
    if (!n->v.For.iter) return NULL;
    if (expect_colon(p) < 0) return NULL;
    if (block(p, "'for' statement", kw, &n->v.For.body) < 0) return NULL;
    parser_set_end(p, n);
    if (else_block(p, &n->v.For.orelse, n) < 0) return NULL;
    return n;
}

static Node *with_item(Parser *p) {
    Node *e = pexpr_expression(p);
    if (!e) return NULL;
    Node *it = parser_new_at(p, WithItem_kind, e);
    if (!it) return NULL;
    it->v.WithItem.context_expr = e;
    if (ACCEPT_KW(p, KW_as)) {
        Node *t = pexpr_star_targets_ex(p, 1);
        if (!t) return NULL;
        it->v.WithItem.optional_vars = t;
        if (!AT(p, T_COMMA) && !AT(p, T_RPAR) && !AT(p, T_COLON) && !AT(p, T_NEWLINE))
            return parser_invalid_syntax(p);
    }
    return it;
}

static Node *with_stmt(Parser *p, Token *start, int is_async) {
    Token *kw = ADVANCE(p);
    Node *n = parser_new(p, is_async ? AsyncWith_kind : With_kind, start);
    if (!n) return NULL;
    int done = 0;
    if (AT(p, T_LPAR)) {
        /* try the parenthesized form: '(' items [','] ')' ':' */
        int save = p->pos;
        ParseError saved = *p->err;
        ADVANCE(p);
        NodeList items = {0, NULL};
        int ok = 1;
        for (;;) {
            Node *it = with_item(p);
            if (!it) { ok = 0; break; }
            if (nl_push(p, &items, it) < 0) return NULL;
            if (!ACCEPT(p, T_COMMA)) break;
            if (AT(p, T_RPAR)) break;
        }
        if (ok && ACCEPT(p, T_RPAR) && AT(p, T_COLON)) {
            n->v.With.items = items;
            done = 1;
        } else {
            if (p->has_err && p->err->kind == PERR_MEMORY) return NULL;
            p->has_err = 0;
            *p->err = saved;
            p->pos = save;
        }
    }
    if (!done) {
        for (;;) {
            Node *it = with_item(p);
            if (!it || nl_push(p, &n->v.With.items, it) < 0) return NULL;
            if (!ACCEPT(p, T_COMMA)) break;
        }
    }
    if (expect_colon(p) < 0) return NULL;
    if (block(p, "'with' statement", kw, &n->v.With.body) < 0) return NULL;
    parser_set_end(p, n);
    return n;
}

static Node *try_stmt(Parser *p) {
    Token *kw = ADVANCE(p);
    Node *n = parser_new(p, Try_kind, kw);
    if (!n) return NULL;
    if (expect_colon_forced(p) < 0) return NULL;
    if (block(p, "'try' statement", kw, &n->v.Try.body) < 0) return NULL;
    parser_set_end(p, n);
    int star = -1;
    while (AT_KW(p, KW_except)) {
        Token *ek = ADVANCE(p);
        int is_star = 0;
        if (AT(p, T_STAR)) { ADVANCE(p); is_star = 1; }
        if (star >= 0 && is_star != star) {
            return parser_err_tok(p, ek, "cannot have both 'except' and 'except*' on the same 'try'");
        }
        star = is_star;
        Node *h = parser_new(p, ExceptHandler_kind, ek);
        if (!h) return NULL;
        if (!AT(p, T_COLON)) {
            if (is_star && AT(p, T_NEWLINE)) return parser_err_tok(p, TOK(p), "expected ':'");
            Node *t = pexpr_expression(p);
            if (!t) return NULL;
            if (AT(p, T_COMMA)) {
                /* except A, B: */
                Node *last = t;
                while (ACCEPT(p, T_COMMA)) {
                    if (AT(p, T_COLON) || AT_KW(p, KW_as)) break;
                    last = pexpr_expression(p);
                    if (!last) return NULL;
                }
                return parser_err_range(p, t, last, "multiple exception types must be parenthesized");
            }
            h->v.ExceptHandler.type = t;
            if (ACCEPT_KW(p, KW_as)) {
                Token *nm = expect_name(p);
                if (!nm) return NULL;
                h->v.ExceptHandler.name = parser_ident(p, nm);
            }
        } else if (is_star) {
            return parser_err_tok(p, TOK(p), "expected one or more exception types");
        }
        if (expect_colon(p) < 0) return NULL;
        if (block(p, is_star ? "'except*' statement" : "'except' statement", ek,
                  &h->v.ExceptHandler.body) < 0)
            return NULL;
        parser_set_end(p, h);
        if (nl_push(p, &n->v.Try.handlers, h) < 0) return NULL;
        parser_set_end(p, n);
    }
    if (star == 1) n->kind = TryStar_kind;
    if (n->v.Try.handlers.n > 0 && else_block(p, &n->v.Try.orelse, n) < 0) return NULL;
    if (AT_KW(p, KW_finally)) {
        Token *fk = ADVANCE(p);
        if (expect_colon_forced(p) < 0) return NULL;
        if (block(p, "'finally' statement", fk, &n->v.Try.finalbody) < 0) return NULL;
        parser_set_end(p, n);
    } else if (n->v.Try.handlers.n == 0) {
        if (p->has_err) return NULL;
        Token *t = TOK(p);
        if (t->type == T_ENDMARKER || (t->type == T_DEDENT && t->start == p->src + p->srclen)) {
            parser_error(p, PERR_SYNTAX, t->lineno, t->col + 1, t->lineno, -1,
                         "expected 'except' or 'finally' block");
            return NULL;
        }
        return parser_err_tok(p, t, "expected 'except' or 'finally' block");
    }
    return n;
}

static Node *funcdef(Parser *p, Token *start, int is_async, NodeList *decorators) {
    Token *kw = ADVANCE(p);   /* def */
    Node *n = parser_new(p, is_async ? AsyncFunctionDef_kind : FunctionDef_kind, start);
    if (!n) return NULL;
    Token *nm = expect_name(p);
    if (!nm) return NULL;
    n->v.FunctionDef.name = parser_ident(p, nm);
    if (!ACCEPT(p, T_LPAR)) {
        if (AT(p, T_ERROR)) return parser_invalid_syntax(p);
        return parser_err_tok(p, TOK(p), "expected '('");
    }
    n->v.FunctionDef.args = pexpr_lambda_params(p, 0);
    if (!n->v.FunctionDef.args) return NULL;
    if (!ACCEPT(p, T_RPAR)) return parser_invalid_syntax(p);
    if (AT(p, T_RARROW)) {
        Token *arrow = ADVANCE(p);
        if (!pexpr_starts_expression(p)) return parser_err_tok(p, arrow, "expected ':'");
        n->v.FunctionDef.returns = pexpr_expression(p);
        if (!n->v.FunctionDef.returns) return NULL;
    }
    if (expect_colon_forced(p) < 0) return NULL;
    if (block(p, "function definition", kw, &n->v.FunctionDef.body) < 0) return NULL;
    parser_set_end(p, n);
    if (decorators) n->v.FunctionDef.decorator_list = *decorators;
    return n;
}

int pexpr_call_args(Parser *p, NodeList *args, NodeList *kws, Token *open);

static Node *classdef(Parser *p, NodeList *decorators) {
    Token *kw = ADVANCE(p);
    Node *n = parser_new(p, ClassDef_kind, kw);
    if (!n) return NULL;
    Token *nm = expect_name(p);
    if (!nm) return NULL;
    n->v.ClassDef.name = parser_ident(p, nm);
    if (AT(p, T_LPAR)) {
        Token *open = ADVANCE(p);
        if (pexpr_call_args(p, &n->v.ClassDef.bases, &n->v.ClassDef.keywords, open) < 0) return NULL;
    }
    if (expect_colon(p) < 0) return NULL;
    if (block(p, "class definition", kw, &n->v.ClassDef.body) < 0) return NULL;
    parser_set_end(p, n);
    if (decorators) n->v.ClassDef.decorator_list = *decorators;
    return n;
}

static Node *decorated(Parser *p) {
    NodeList decos = {0, NULL};
    while (AT(p, T_AT)) {
        ADVANCE(p);
        Node *e = pexpr_named_expression(p);
        if (!e) return NULL;
        if (nl_push(p, &decos, e) < 0) return NULL;
        if (!ACCEPT(p, T_NEWLINE)) return parser_invalid_syntax(p);
    }
    if (AT_KW(p, KW_def)) return funcdef(p, TOK(p), 0, &decos);
    if (AT_KW(p, KW_class)) return classdef(p, &decos);
    if (AT_KW(p, KW_async) && PEEK(p, 1)->type == T_NAME && PEEK(p, 1)->kw == KW_def) {
        Token *a = ADVANCE(p);
        return funcdef(p, a, 1, &decos);
    }
    return parser_invalid_syntax(p);
}

/* ---- simple statements ------------------------------------------------- */

static Node *dotted_name(Parser *p, Token **first) {
    Token *t = expect_name(p);
    if (!t) return NULL;
    if (first) *first = t;
    const char *s = t->start;
    Token *last = t;
    while (AT(p, T_DOT) && PEEK(p, 1)->type == T_NAME && PEEK(p, 1)->kw == 0) {
        ADVANCE(p);
        last = ADVANCE(p);
    }
    if (AT(p, T_DOT)) { ADVANCE(p); return parser_invalid_syntax(p); }
    /* rebuild without whitespace between parts */
    size_t cap = (size_t)(last->start + last->len - s) + 1;
    char *buf = arena_alloc(p->arena, cap);
    if (!buf) return parser_oom(p);
    size_t k = 0;
    for (Token *q = t; q <= last; q++) {
        memcpy(buf + k, q->start, (size_t)q->len);
        k += (size_t)q->len;
    }
    buf[k] = 0;
    Node *a = parser_new(p, Alias_kind, t);
    if (!a) return NULL;
    a->v.Alias.name = buf;
    return a;
}

static Node *import_stmt(Parser *p) {
    Token *kw = ADVANCE(p);
    Node *n = parser_new(p, Import_kind, kw);
    if (!n) return NULL;
    for (;;) {
        Node *a = dotted_name(p, NULL);
        if (!a) return NULL;
        if (ACCEPT_KW(p, KW_as)) {
            Token *nm = expect_name(p);
            if (!nm) return NULL;
            a->v.Alias.asname = parser_ident(p, nm);
            parser_set_end(p, a);
        }
        if (nl_push(p, &n->v.Import.names, a) < 0) return NULL;
        if (!ACCEPT(p, T_COMMA)) break;
    }
    parser_set_end(p, n);
    return n;
}

static Node *from_stmt(Parser *p) {
    Token *kw = ADVANCE(p);
    Node *n = parser_new(p, ImportFrom_kind, kw);
    if (!n) return NULL;
    int level = 0;
    for (;;) {
        if (AT(p, T_DOT)) { level++; ADVANCE(p); }
        else if (AT(p, T_ELLIPSIS)) { level += 3; ADVANCE(p); }
        else break;
    }
    if (!AT_KW(p, KW_import)) {
        Node *m = dotted_name(p, NULL);
        if (!m) return NULL;
        n->v.ImportFrom.module = m->v.Alias.name;
    }
    n->v.ImportFrom.level = level;
    if (!ACCEPT_KW(p, KW_import)) return parser_invalid_syntax(p);
    if (AT(p, T_STAR)) {
        Token *st = ADVANCE(p);
        Node *a = parser_new(p, Alias_kind, st);
        if (!a) return NULL;
        a->v.Alias.name = "*";
        if (nl_push(p, &n->v.ImportFrom.names, a) < 0) return NULL;
        parser_set_end(p, n);
        return n;
    }
    int paren = ACCEPT(p, T_LPAR);
    for (;;) {
        Token *nm = expect_name(p);
        if (!nm) return NULL;
        Node *a = parser_new(p, Alias_kind, nm);
        if (!a) return NULL;
        a->v.Alias.name = parser_ident(p, nm);
        if (ACCEPT_KW(p, KW_as)) {
            Token *as = expect_name(p);
            if (!as) return NULL;
            a->v.Alias.asname = parser_ident(p, as);
            parser_set_end(p, a);
        }
        if (nl_push(p, &n->v.ImportFrom.names, a) < 0) return NULL;
        if (!ACCEPT(p, T_COMMA)) break;
        if (paren && AT(p, T_RPAR)) break;
        if (!paren && AT(p, T_NEWLINE)) {
            Token *t = TOK(p);
            return parser_err_tok(p, t, "trailing comma not allowed without surrounding parentheses");
        }
    }
    if (paren && !ACCEPT(p, T_RPAR)) return parser_invalid_syntax(p);
    parser_set_end(p, n);
    return n;
}

static Node *global_stmt(Parser *p, NodeKind k) {
    Token *kw = ADVANCE(p);
    Node *n = parser_new(p, k, kw);
    if (!n) return NULL;
    for (;;) {
        Token *nm = expect_name(p);
        if (!nm) return NULL;
        char *s = parser_ident(p, nm);
        if (!s || names_push(p, &n->v.Global.names, s) < 0) return NULL;
        if (!ACCEPT(p, T_COMMA)) break;
    }
    parser_set_end(p, n);
    return n;
}

static int at_stmt_end(Parser *p) { return AT(p, T_NEWLINE) || AT(p, T_SEMI); }

static Node *del_stmt(Parser *p) {
    Token *kw = ADVANCE(p);
    Node *n = parser_new(p, Delete_kind, kw);
    if (!n) return NULL;
    for (;;) {
        Node *e;
        if (AT(p, T_STAR)) {
            Token *st = ADVANCE(p);
            Node *v = pexpr_bitwise_or(p);
            if (!v) return NULL;
            e = parser_new(p, Starred_kind, st);
            if (!e) return NULL;
            e->v.Starred.value = v;
        } else {
            e = pexpr_expression(p);
            if (!e) return NULL;
        }
        if (!pexpr_set_target(p, e, 1)) return NULL;
        if (nl_push(p, &n->v.Delete.targets, e) < 0) return NULL;
        if (!ACCEPT(p, T_COMMA)) break;
        if (at_stmt_end(p)) break;
    }
    if (!at_stmt_end(p)) return parser_invalid_syntax(p);
    parser_set_end(p, n);
    return n;
}

static int is_bitor_level(Node *e) {
    switch (e->kind) {
    case Compare_kind: case BoolOp_kind: case IfExp_kind: case Lambda_kind: case NamedExpr_kind:
    case Starred_kind:
        return 0;
    case UnaryOp_kind:
        return e->v.UnaryOp.op != Not;
    default:
        return 1;
    }
}

static int aug_op(int type) {
    switch (type) {
    case T_PLUSEQUAL: return NB_ADD; case T_MINEQUAL: return NB_SUB;
    case T_STAREQUAL: return NB_MUL; case T_ATEQUAL: return NB_MATMUL;
    case T_SLASHEQUAL: return NB_TRUEDIV; case T_DOUBLESLASHEQUAL: return NB_FLOORDIV;
    case T_PERCENTEQUAL: return NB_MOD; case T_DOUBLESTAREQUAL: return NB_POW;
    case T_LEFTSHIFTEQUAL: return NB_LSHIFT; case T_RIGHTSHIFTEQUAL: return NB_RSHIFT;
    case T_AMPEREQUAL: return NB_AND; case T_VBAREQUAL: return NB_OR;
    case T_CIRCUMFLEXEQUAL: return NB_XOR;
    }
    return -1;
}

static Node *rhs(Parser *p) {
    if (AT_KW(p, KW_yield)) return pexpr_yield(p);
    return pexpr_star_expressions(p);
}

static int starts_with_bracket_display(Parser *p, Node *e, Token *first) {
    (void)p;
    if (first->type == T_LPAR || first->type == T_LSQB) {
        if (e->kind == Tuple_kind || e->kind == List_kind || e->kind == GeneratorExp_kind)
            return e->lineno == first->lineno && e->col_offset == first->col;
    }
    if (first->type == T_NAME && (first->kw == KW_True || first->kw == KW_False || first->kw == KW_None))
        return e->kind == Constant_kind;
    return 0;
}

static Node *expr_or_assign(Parser *p) {
    Token *first = TOK(p);
    Node *e = rhs(p);
    if (!e) return NULL;
    Token *t = TOK(p);
    if (t->type == T_COLON) {
        /* annotated assignment (the annotation must parse before CPython
         * complains about the target) */
        Token *colon = ADVANCE(p);
        Node *ann = pexpr_expression(p);
        if (!ann) {
            if (p->generic_err && !p->indent_err && e->kind != Name_kind && e->kind != Attribute_kind &&
                e->kind != Subscript_kind) {
                /* CPython's first pass already stopped at the ':' */
                p->has_err = 0;
                p->generic_err = 0;
                p->pos = (int)(colon - p->toks);
                return parser_invalid_syntax(p);
            }
            return NULL;
        }
        if (e->kind == Tuple_kind || e->kind == List_kind) {
            return parser_err_node(p, e, "only single target (not %s) can be annotated",
                                   e->kind == Tuple_kind ? "tuple" : "list");
        }
        if (e->kind != Name_kind && e->kind != Attribute_kind && e->kind != Subscript_kind)
            return parser_err_node(p, e, "illegal target for annotation");
        Node *n = parser_new(p, AnnAssign_kind, first);
        if (!n) return NULL;
        if (!pexpr_set_target(p, e, 0)) return NULL;
        n->v.AnnAssign.target = e;
        n->v.AnnAssign.annotation = ann;
        n->v.AnnAssign.simple = e->kind == Name_kind && first->type != T_LPAR;
        if (ACCEPT(p, T_EQUAL)) {
            n->v.AnnAssign.value = rhs(p);
            if (!n->v.AnnAssign.value) return NULL;
        }
        parser_set_end(p, n);
        return n;
    }
    int op = aug_op(t->type);
    if (op >= 0) {
        if (e->kind != Name_kind && e->kind != Attribute_kind && e->kind != Subscript_kind)
            return parser_err_node(p, e, "'%s' is an illegal expression for augmented assignment",
                                   pexpr_expr_name(e));
        ADVANCE(p);
        Node *v = rhs(p);
        if (!v) return NULL;
        if (!pexpr_set_target(p, e, 0)) return NULL;
        Node *n = parser_new(p, AugAssign_kind, first);
        if (!n) return NULL;
        n->v.AugAssign.target = e;
        n->v.AugAssign.op = op;
        n->v.AugAssign.value = v;
        return n;
    }
    if (t->type == T_EQUAL) {
        /* collect e0 = e1 = ... = value, then validate the targets */
        NodeList elems = {0, NULL};
        Token *firsts[64];
        Token **ft = firsts;
        int ftcap = 64;
        if (nl_push(p, &elems, e) < 0) return NULL;
        ft[0] = first;
        while (ACCEPT(p, T_EQUAL)) {
            Token *nf = TOK(p);
            Node *next = rhs(p);
            if (!next) {
                /* a bad target before the failure is reported first (CPython's
                 * invalid_assignment: `(star_targets '=')* a=star_expressions '='`) */
                if (p->has_err && p->generic_err && !p->indent_err) {
                    for (int i = 0; i < elems.n; i++) {
                        Node *cur = elems.items[i];
                        if ((cur->kind == Yield_kind || cur->kind == YieldFrom_kind) && ft[i]->type == T_NAME) break;
                        Node *bad = pexpr_invalid_target(cur, 0);
                        if (bad) {
                            p->has_err = 0;
                            p->generic_err = 0;
                            return parser_err_node(p, bad, "cannot assign to %s", pexpr_expr_name(bad));
                        }
                    }
                }
                return NULL;
            }
            if (elems.n == ftcap) {
                Token **nft = arena_alloc(p->arena, sizeof(Token *) * (size_t)ftcap * 2);
                if (!nft) return parser_oom(p);
                memcpy(nft, ft, sizeof(Token *) * (size_t)ftcap);
                ft = nft;
                ftcap *= 2;
            }
            ft[elems.n] = nf;
            if (nl_push(p, &elems, next) < 0) return NULL;
        }
        int nt = elems.n - 1;
        for (int i = 0; i < nt; i++) {
            Node *cur = elems.items[i];
            int bare_yield = (cur->kind == Yield_kind || cur->kind == YieldFrom_kind) &&
                             ft[i]->type == T_NAME;
            Node *bad = bare_yield ? cur : pexpr_invalid_target(cur, 0);
            if (!bad) continue;
            /* CPython's invalid_named_expression fires first when the element
             * after the first '=' starts with a bitwise_or not followed by '=' */
            Node *e1 = elems.items[1];
            Token *f1 = ft[1];
            int e1_bitor_start = pexpr_token_starts_bitor(f1);
            int e1_pure = is_bitor_level(e1) &&
                          !(e1->kind == Tuple_kind && e1->col_offset == e1->v.List.elts.items[0]->col_offset &&
                            e1->lineno == e1->v.List.elts.items[0]->lineno);
            if (e1_bitor_start && (nt == 1 || !e1_pure)) {
                Node *e0 = elems.items[0];
                if (e0->kind == Name_kind && ft[0]->type == T_NAME && (ft[0] + 1)->type == T_EQUAL)
                    return parser_err_range(p, e0, e1,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                if (!starts_with_bracket_display(p, e0, ft[0]) && is_bitor_level(e0) &&
                    !(ft[0]->type == T_NAME && ft[0]->kw == KW_yield))
                    return parser_err_node(p, e0,
                        "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                        pexpr_expr_name(e0));
            }
            if (bare_yield) return parser_err_node(p, cur, "assignment to yield expression not possible");
            return parser_err_node(p, bad, "cannot assign to %s", pexpr_expr_name(bad));
        }
        Node *n = parser_new(p, Assign_kind, first);
        if (!n) return NULL;
        for (int i = 0; i < nt; i++)
            if (!pexpr_set_target(p, elems.items[i], 0)) return NULL;
        elems.n = nt;
        n->v.Assign.targets = elems;
        n->v.Assign.value = elems.items[nt];
        return n;
    }
    /* expression statement */
    if (!at_stmt_end(p) && !p->has_err) {
        /* print x / exec x */
        if (e->kind == Name_kind && (strcmp(e->v.Name.id, "print") == 0 || strcmp(e->v.Name.id, "exec") == 0) &&
            first->type == T_NAME && pexpr_starts_expression(p) && !AT(p, T_LPAR)) {
            int save = p->pos;
            ParseError saved = *p->err;
            Node *arg = pexpr_star_expressions(p);
            if (arg) {
                return parser_err_range(p, e, arg, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                        e->v.Name.id, e->v.Name.id);
            }
            p->has_err = 0;
            *p->err = saved;
            p->pos = save;
        }
        if (pexpr_starts_expression(p)) {
            /* CPython's second pass parses the next expression here (looking
             * for a missing comma), which may run into EOF inside brackets */
            int save = p->pos;
            Token *errtok = TOK(p);
            ParseError saved = *p->err;
            pexpr_disjunction(p);
            p->has_err = 0;
            *p->err = saved;
            p->pos = (int)(errtok - p->toks);
            (void)save;
        }
        return parser_invalid_syntax(p);
    }
    Node *n = parser_new(p, Expr_kind, first);
    if (!n) return NULL;
    n->v.Expr.value = e;
    return n;
}

static Node *simple_stmt(Parser *p) {
    Token *t = TOK(p);
    if (t->type == T_NAME) {
        switch (t->kw) {
        case KW_pass: case KW_break: case KW_continue: {
            ADVANCE(p);
            return parser_new(p, t->kw == KW_pass ? Pass_kind : t->kw == KW_break ? Break_kind : Continue_kind, t);
        }
        case KW_return: {
            ADVANCE(p);
            Node *n = parser_new(p, Return_kind, t);
            if (!n) return NULL;
            if (!at_stmt_end(p)) {
                n->v.Return.value = pexpr_star_expressions(p);
                if (!n->v.Return.value) return NULL;
                parser_set_end(p, n);
            }
            return n;
        }
        case KW_raise: {
            ADVANCE(p);
            Node *n = parser_new(p, Raise_kind, t);
            if (!n) return NULL;
            if (!at_stmt_end(p)) {
                n->v.Raise.exc = pexpr_expression(p);
                if (!n->v.Raise.exc) return NULL;
                if (ACCEPT_KW(p, KW_from)) {
                    n->v.Raise.cause = pexpr_expression(p);
                    if (!n->v.Raise.cause) return NULL;
                }
                parser_set_end(p, n);
            }
            return n;
        }
        case KW_global: return global_stmt(p, Global_kind);
        case KW_nonlocal: return global_stmt(p, Nonlocal_kind);
        case KW_del: return del_stmt(p);
        case KW_import: return import_stmt(p);
        case KW_from: return from_stmt(p);
        case KW_assert: {
            ADVANCE(p);
            Node *n = parser_new(p, Assert_kind, t);
            if (!n) return NULL;
            n->v.Assert.test = pexpr_expression(p);
            if (!n->v.Assert.test) return NULL;
            if (ACCEPT(p, T_COMMA)) {
                n->v.Assert.msg = pexpr_expression(p);
                if (!n->v.Assert.msg) return NULL;
            }
            parser_set_end(p, n);
            return n;
        }
        default: break;
        }
    }
    return expr_or_assign(p);
}

static int simple_stmts(Parser *p, NodeList *out) {
    for (;;) {
        Node *s = simple_stmt(p);
        if (!s) return -1;
        if (nl_push(p, out, s) < 0) return -1;
        if (!ACCEPT(p, T_SEMI)) break;
        if (AT(p, T_NEWLINE)) break;
    }
    if (!ACCEPT(p, T_NEWLINE)) { parser_invalid_syntax(p); return -1; }
    return 0;
}

static int statement(Parser *p, NodeList *out) {
    Token *t = TOK(p);
    Node *s = NULL;
    if (t->type == T_NAME) {
        switch (t->kw) {
        case KW_if: s = if_stmt(p, 0); goto one;
        case KW_while: s = while_stmt(p); goto one;
        case KW_for: s = for_stmt(p, t, 0); goto one;
        case KW_with: s = with_stmt(p, t, 0); goto one;
        case KW_try: s = try_stmt(p); goto one;
        case KW_def: s = funcdef(p, t, 0, NULL); goto one;
        case KW_class: s = classdef(p, NULL); goto one;
        case 0: {
            int r = pmatch_try(p, out);
            if (r != 0) return r < 0 ? -1 : 0;
            break;
        }
        case KW_async: {
            Token *n1 = PEEK(p, 1);
            if (n1->type == T_NAME && (n1->kw == KW_def || n1->kw == KW_for || n1->kw == KW_with)) {
                ADVANCE(p);
                if (n1->kw == KW_def) s = funcdef(p, t, 1, NULL);
                else if (n1->kw == KW_for) s = for_stmt(p, t, 1);
                else s = with_stmt(p, t, 1);
                goto one;
            }
            ADVANCE(p);
            parser_invalid_syntax(p);
            return -1;
        }
        default: break;
        }
    } else if (t->type == T_AT) {
        s = decorated(p);
        goto one;
    } else if (t->type == T_INDENT || t->type == T_DEDENT) {
        parser_invalid_syntax(p);
        return -1;
    }
    return simple_stmts(p, out);
one:
    if (!s) return -1;
    return nl_push(p, out, s);
}

/* ---- driver ------------------------------------------------------------- */

static Node *parse_file(Parser *p) {
    Node *m = arena_alloc(p->arena, sizeof(Node));
    if (!m) return parser_oom(p);
    m->kind = Module_kind;
    while (!AT(p, T_ENDMARKER)) {
        if (AT(p, T_ERROR)) return parser_invalid_syntax(p);
        if (AT(p, T_NEWLINE)) { ADVANCE(p); continue; }
        if (statement(p, &m->v.Module.body) < 0) return NULL;
    }
    return m;
}

/* eval/single input without any token: CPython reports (last line, 0). */
static Node *empty_input(Parser *p) {
    int line = p->nlines;
    if (p->srclen == 0) line = 0;
    else if (p->src[p->srclen - 1] == '\n') line--;
    parser_error(p, PERR_SYNTAX, line, 0, line, 0, "invalid syntax");
    return NULL;
}

static Node *parse_eval(Parser *p) {
    Node *m = arena_alloc(p->arena, sizeof(Node));
    if (!m) return parser_oom(p);
    m->kind = Expression_kind;
    if (AT(p, T_ENDMARKER)) return empty_input(p);
    /* leading INDENT is tolerated by eval()'s caller stripping spaces; we
     * treat it as an error like CPython */
    m->v.Expression.body = pexpr_expressions(p);
    if (!m->v.Expression.body) return NULL;
    while (AT(p, T_NEWLINE)) ADVANCE(p);
    if (!AT(p, T_ENDMARKER)) return parser_invalid_syntax(p);
    return m;
}

static Node *parse_single(Parser *p) {
    Node *m = arena_alloc(p->arena, sizeof(Node));
    if (!m) return parser_oom(p);
    m->kind = Interactive_kind;
    if (AT(p, T_ENDMARKER)) return empty_input(p);
    Token *first = TOK(p);
    if (statement(p, &m->v.Module.body) < 0) return NULL;
    int compound = first->type == T_AT || (first->type == T_NAME &&
        (first->kw == KW_if || first->kw == KW_while || first->kw == KW_for || first->kw == KW_try ||
         first->kw == KW_with || first->kw == KW_def || first->kw == KW_class || first->kw == KW_async));
    if (m->v.Module.body.n && m->v.Module.body.items[0]->kind == Match_kind) compound = 1;
    if (!AT(p, T_ENDMARKER)) {
        if (!compound && PREV(p)->type == T_NEWLINE) {
            Token *nl = PREV(p);
            parser_error(p, PERR_SYNTAX, nl->lineno, nl->col + 1, nl->lineno, nl->col + 1,
                         "multiple statements found while compiling a single statement");
            return NULL;
        }
        return parser_invalid_syntax(p);
    }
    return m;
}

/* byte offset (1-based) -> character offset (1-based) on line `lineno` */
static int char_offset(Parser *p, int lineno, int off) {
    if (off <= 1 || lineno < 1 || lineno > p->nlines) return off;
    const char *ls = p->lines[lineno];
    const char *end = p->src + p->srclen;
    int chars = 0;
    for (int i = 0; i < off - 1 && ls + i < end; i++)
        if (((unsigned char)ls[i] & 0xC0) != 0x80) chars++;
    int extra = 0;
    if (ls + off - 1 > end) extra = (int)(ls + off - 1 - end);
    return chars + 1 + extra;
}

static void fill_text(Parser *p, ParseError *err, int tokerr) {
    if (err->text) return;
    if (err->lineno < 1 || err->lineno > p->nlines) return;
    const char *ls = p->lines[err->lineno];
    const char *end = p->src + p->srclen;
    const char *le = ls;
    while (le < end && *le != '\n') le++;
    size_t n = (size_t)(le - ls);
    err->text = malloc(n + 2);
    if (!err->text) return;
    memcpy(err->text, ls, n);
    /* the last line without a newline: CPython's text has one only for
     * parser errors on file input (its tokenizer appends it there) */
    int nl = le < end || (p->mode == PARSE_FILE && !tokerr);
    err->text[n] = nl ? '\n' : 0;
    err->text[n + 1] = 0;
}

static int build_lines(Parser *p, Arena *arena) {
    int n = 1;
    for (size_t i = 0; i < p->srclen; i++)
        if (p->src[i] == '\n') n++;
    const char **lines = arena_alloc(arena, sizeof(char *) * (size_t)(n + 2));
    if (!lines) return -1;
    int k = 1;
    lines[k++] = p->src;
    for (size_t i = 0; i < p->srclen; i++)
        if (p->src[i] == '\n') lines[k++] = p->src + i + 1;
    p->lines = lines;
    p->nlines = n;
    return 0;
}

/* PEP 263 coding cookie on line 1 or 2: returns 1 for a Latin-1 family
 * encoding (the source is then transcoded to UTF-8), else 0. */
static int latin1_cookie(const char *src, size_t len) {
    const char *p = src, *e = src + len;
    for (int line = 0; line < 2 && p < e; line++) {
        const char *le = memchr(p, '\n', (size_t)(e - p));
        if (!le) le = e;
        const char *q = p;
        while (q < le && (*q == ' ' || *q == '\t' || *q == '\f')) q++;
        if (q < le && *q == '#') {
            for (const char *c = q; c + 6 < le; c++) {
                if (memcmp(c, "coding", 6) == 0 && (c[6] == ':' || c[6] == '=')) {
                    const char *n = c + 7;
                    while (n < le && (*n == ' ' || *n == '\t')) n++;
                    char name[32];
                    size_t k = 0;
                    while (n < le && k < sizeof name - 1 &&
                           ((*n >= 'a' && *n <= 'z') || (*n >= 'A' && *n <= 'Z') || (*n >= '0' && *n <= '9') ||
                            *n == '-' || *n == '_' || *n == '.')) {
                        char ch = *n++;
                        if (ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
                        if (ch == '_') ch = '-';
                        name[k++] = ch;
                    }
                    name[k] = 0;
                    static const char *const l1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1",
                                                     "iso-latin-1", "cp819", "8859", "iso-8859-1-unix",
                                                     "iso-8859-15", "latin-9", "cp1252", "windows-1252"};
                    for (size_t i = 0; i < sizeof l1 / sizeof l1[0]; i++)
                        if (strcmp(name, l1[i]) == 0 || (strncmp(name, l1[i], strlen(l1[i])) == 0 &&
                                                         name[strlen(l1[i])] == '-'))
                            return 1;
                    return 0;
                }
            }
        } else if (q < le) {
            return 0;   /* a code line: no cookie on line 2 */
        }
        p = le + 1;
    }
    return 0;
}

Node *parse_source(Arena *arena, const char *src, size_t len, const char *filename,
                   int mode, int flags, ParseError *err) {
    (void)flags;
    memset(err, 0, sizeof *err);
    if (!filename) filename = "<string>";
    /* NUL bytes and invalid UTF-8 */
    const char *nul = memchr(src, 0, len);
    if (nul) {
        err->kind = PERR_SYNTAX;
        if (flags & PARSE_FLAG_FILE) {
            /* reported on the NUL's line, with that line as text (no caret) */
            int line = 1;
            const char *ls = src;
            for (const char *q = src; q < nul; q++)
                if (*q == '\n') { line++; ls = q + 1; }
            snprintf(err->msg, sizeof err->msg, "source code cannot contain null bytes");
            err->lineno = line;
            err->col_offset = 0;
            const char *le = ls;
            while (le < src + len && *le != '\n' && *le != 0) le++;
            err->text = malloc((size_t)(le - ls) + 2);
            if (err->text) {
                memcpy(err->text, ls, (size_t)(le - ls));
                err->text[le - ls] = '\n';
                err->text[le - ls + 1] = 0;
            }
        } else {
            snprintf(err->msg, sizeof err->msg, "source code string cannot contain null bytes");
        }
        return NULL;
    }
    if (len >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB &&
        (unsigned char)src[2] == 0xBF) {
        src += 3;
        len -= 3;
    }
    if (latin1_cookie(src, len)) {
        size_t extra = 0;
        for (size_t i = 0; i < len; i++)
            if ((unsigned char)src[i] >= 0x80) extra++;
        if (extra) {
            char *u = arena_alloc(arena, len + extra + 1);
            if (!u) { err->kind = PERR_MEMORY; return NULL; }
            size_t k = 0;
            for (size_t i = 0; i < len; i++) {
                unsigned char c = (unsigned char)src[i];
                if (c < 0x80) u[k++] = (char)c;
                else { u[k++] = (char)(0xC0 | (c >> 6)); u[k++] = (char)(0x80 | (c & 0x3F)); }
            }
            src = u;
            len = k;
        }
    }
    {
        int line = 1;
        for (size_t i = 0; i < len;) {
            unsigned char c = (unsigned char)src[i];
            if (c < 0x80) { if (c == '\n') line++; i++; continue; }
            unsigned cp;
            int l = lexer_utf8_decode((const unsigned char *)src + i, len - i, &cp);
            if (!l) {
                err->kind = PERR_DECODE;
                if (flags & PARSE_FLAG_FILE) {
                    snprintf(err->msg, sizeof err->msg,
                             "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding "
                             "declared; see https://peps.python.org/pep-0263/ for details",
                             c, filename, line);
                } else {
                    /* compile(bytes): the decoder's message */
                    int cont = (c & 0xE0) == 0xC0 || (c & 0xF0) == 0xE0 || (c & 0xF8) == 0xF0;
                    size_t need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
                    snprintf(err->msg, sizeof err->msg,
                             "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position 0: %s",
                             c, !cont ? "invalid start byte" : i + need > len ? "unexpected end of data"
                                                                              : "invalid continuation byte");
                }
                err->lineno = line;
                err->col_offset = 0;
                return NULL;
            }
            i += (size_t)l;
        }
    }
    /* universal newlines */
    if (memchr(src, '\r', len)) {
        char *copy = arena_alloc(arena, len + 1);
        if (!copy) { err->kind = PERR_MEMORY; return NULL; }
        size_t k = 0;
        for (size_t i = 0; i < len; i++) {
            if (src[i] == '\r') {
                copy[k++] = '\n';
                if (i + 1 < len && src[i + 1] == '\n') i++;
            } else {
                copy[k++] = src[i];
            }
        }
        src = copy;
        len = k;
    }
    Parser P;
    memset(&P, 0, sizeof P);
    Parser *p = &P;
    p->arena = arena;
    p->src = src;
    p->srclen = len;
    p->mode = mode;
    p->err = err;
    if (build_lines(p, arena) < 0) { err->kind = PERR_MEMORY; return NULL; }
    Lexer lx;
    if (lexer_tokenize(&lx, src, len) < 0) {
        lexer_free(&lx);
        err->kind = PERR_MEMORY;
        return NULL;
    }
    p->lx = &lx;
    p->toks = lx.toks;
    p->ntoks = lx.ntoks;
    Node *res;
    if (mode == PARSE_EVAL) res = parse_eval(p);
    else if (mode == PARSE_SINGLE) res = parse_single(p);
    else res = parse_file(p);
    if (res && !p->has_err && lx.err.kind < 0 && !lx.eof_in_paren) {
        lexer_free(&lx);
        return res;
    }
    int tokerr = 0;
    if (lx.err.kind >= 0 && !(p->has_err && (err->kind == PERR_MEMORY || err->kind == PERR_RECURSION ||
                                             ((p->indent_err || lx.err.deferred) &&
                                              p->toks[p->maxpos].type != T_ERROR)))) {
        p->has_err = 1;
        tokerr = 1;
        err->kind = lx.err.kind;
        snprintf(err->msg, sizeof err->msg, "%s", lx.err.msg);
        err->lineno = lx.err.lineno;
        err->col_offset = lx.err.col;
        err->end_lineno = lx.err.end_lineno;
        err->end_col_offset = lx.err.end_col;
    } else if (lx.eof_in_paren && (!p->has_err || p->pos >= p->ntoks - 1 || p->maxpos >= p->ntoks - 1 ||
                                   p->toks[p->maxpos].lineno > lx.paren_line[lx.level - 1])) {
        int lvl = lx.level - 1;
        err->kind = PERR_SYNTAX;
        snprintf(err->msg, sizeof err->msg, "'%c' was never closed", lx.paren[lvl]);
        tokerr = 1;
        err->lineno = err->end_lineno = lx.paren_line[lvl];
        err->col_offset = lx.paren_col[lvl] + 1;
        err->end_col_offset = 0;
    } else if (!p->has_err) {
        parser_invalid_syntax(p);
    }
    err->col_offset = char_offset(p, err->lineno, err->col_offset);
    if (err->end_col_offset > 0) err->end_col_offset = char_offset(p, err->end_lineno, err->end_col_offset);
    fill_text(p, err, tokerr);
    lexer_free(&lx);
    return NULL;
}

void parse_error_free(ParseError *err) {
    free(err->text);
    err->text = NULL;
}
