/* parser.h — internal interface between the parser files
 * (parser.c: driver, errors, statements; parser_expr.c: expressions and
 * targets; parser_str.c: numbers, strings, f-strings).
 *
 * Design: hand-written recursive descent over the token array of lexer.c,
 * precedence climbing for binary operators.  Any function returning Node *
 * returns NULL on error with p->err set (first error wins); "try" helpers
 * may return NULL without an error to mean "not here" (documented per
 * function).  Node end positions come from the last consumed token, like
 * CPython's PEG parser (so `x = 1,` has a Tuple ending after the comma).
 */
#ifndef GILPY_PARSER_H
#define GILPY_PARSER_H

#include "core/ast.h"
#include "core/lexer.h"

#define PARSER_MAX_DEPTH 2990

typedef struct Parser {
    Arena *arena;
    Token *toks;
    int ntoks, pos;
    int maxpos;                /* furthest token looked at (CPython's p->fill - 1) */
    Lexer *lx;                 /* lexer of this token stream (error source) */
    const char *src;
    size_t srclen;
    int mode;
    int depth;
    int has_err;
    int indent_err;            /* error is a generic "unexpected indent/unindent" */
    int generic_err;           /* error is a plain "invalid syntax" */
    ParseError *err;           /* positions stored as 1-based BYTE offsets until finish */
    /* f-string sub-parser: errors are relative to "(expr)" (3.11 behaviour) */
    struct Parser *parent;
    int fs_line, fs_col;       /* position of the virtual '(' */
    int in_fstring_fmt;
    int in_call_args;          /* parsing call arguments (for some messages) */
    const char *const *lines;  /* line starts (1-based index) */
    int nlines;
} Parser;

/* ---- parser.c ---- */
int parser_error(Parser *p, int kind, int lineno, int col1, int end_lineno, int end_col1,
                 const char *fmt, ...);
/* Error spanning tokens/nodes; cols given 0-based, stored 1-based. */
Node *parser_err_tok(Parser *p, Token *t, const char *fmt, ...);
Node *parser_err_node(Parser *p, Node *n, const char *fmt, ...);
Node *parser_err_range(Parser *p, Node *a, Node *b, const char *fmt, ...);
Node *parser_invalid_syntax(Parser *p);      /* generic error at the current token */
Node *parser_new(Parser *p, NodeKind k, Token *start);   /* ends at the last consumed token */
Node *parser_new_at(Parser *p, NodeKind k, Node *start); /* starts where `start` starts */
void parser_set_end(Parser *p, Node *n);                 /* end := last consumed token */
int nl_push(Parser *p, NodeList *l, Node *n);            /* 0 / -1 (OOM, error set) */
char *parser_ident(Parser *p, Token *t);
/* After ':': an indented block or simple statements on the same line. */
int parser_block_stmts(Parser *p, const char *what, Token *kwtok, NodeList *out);
Node *parser_oom(Parser *p);

static inline Token *TOK(Parser *p) { return &p->toks[p->pos]; }
static inline Token *PEEK(Parser *p, int k) {
    int i = p->pos + k;
    if (i > p->maxpos && i < p->ntoks) p->maxpos = i;
    return &p->toks[i < p->ntoks ? i : p->ntoks - 1];
}
static inline Token *PREV(Parser *p) { return &p->toks[p->pos > 0 ? p->pos - 1 : 0]; }
static inline int AT(Parser *p, int type) { return p->toks[p->pos].type == type; }
static inline int AT_KW(Parser *p, int kw) {
    return p->toks[p->pos].type == T_NAME && p->toks[p->pos].kw == kw;
}
static inline Token *ADVANCE(Parser *p) {
    Token *t = &p->toks[p->pos];
    if (t->type != T_ENDMARKER && t->type != T_ERROR) p->pos++;
    if (p->pos > p->maxpos) p->maxpos = p->pos;
    return t;
}
static inline int ACCEPT(Parser *p, int type) {
    if (AT(p, type)) { ADVANCE(p); return 1; }
    return 0;
}
static inline int ACCEPT_KW(Parser *p, int kw) {
    if (AT_KW(p, kw)) { ADVANCE(p); return 1; }
    return 0;
}
/* A NAME usable as an identifier (not a hard keyword). */
static inline int AT_NAME(Parser *p) {
    return p->toks[p->pos].type == T_NAME && p->toks[p->pos].kw == 0;
}

/* ---- parser_expr.c ---- */
Node *pexpr_expression(Parser *p);             /* expression (ifexp, lambda) */
Node *pexpr_named_expression(Parser *p);       /* NAME := expr | expression */
Node *pexpr_star_expressions(Parser *p);       /* a, *b, c  (Tuple if comma) */
Node *pexpr_star_named_expression(Parser *p);
Node *pexpr_expressions(Parser *p);            /* eval input: no starred */
Node *pexpr_bitwise_or(Parser *p);
Node *pexpr_disjunction(Parser *p);
Node *pexpr_yield(Parser *p);                  /* at 'yield' */
Node *pexpr_lambda_params(Parser *p, int is_lambda);  /* Arguments node */
Node *pexpr_star_targets(Parser *p);           /* for-loop / comprehension targets */
Node *pexpr_star_targets_ex(Parser *p, int single);  /* single: one star_target (with-items) */
/* Turn an expression into an assignment/del target (sets ctx); NULL + error
 * when invalid.  kind: 0 assign, 1 del, 2 for/with/comprehension target. */
Node *pexpr_set_target(Parser *p, Node *e, int kind);
Node *pexpr_invalid_target(Node *e, int kind);  /* first invalid sub-target or NULL */
const char *pexpr_expr_name(Node *e);
Node *pexpr_atom_paren_for_fstring(Parser *p);  /* '(' star_expressions|yield ')' */
int pexpr_starts_expression(Parser *p);
int pexpr_token_starts_bitor(Token *t);      /* t can begin a bitwise_or expression */

/* ---- parser_match.c ---- */
int pmatch_try(Parser *p, NodeList *out);   /* 1 parsed, 0 not a match statement, -1 error */

/* ---- parser_str.c ---- */
Node *pstr_number(Parser *p, Token *t);        /* Constant from a NUMBER token */
Node *pstr_strings(Parser *p);                 /* one or more adjacent STRING tokens */

#endif
