/* lexer.h — tokenizer for gilpy (internal to the parser: core/lexer.c).
 *
 * The whole source is tokenized up front into an array (the parser backtracks
 * freely over it).  A tokenizer error stops the scan: the last token is then
 * T_ERROR and lx->err describes it (CPython reports tokenizer errors in
 * preference to parser errors, so the parser consults it on any failure).
 * Strings (f-strings included, 3.11 style) are one token each holding the
 * raw text with prefix and quotes; parser_str.c decodes them.
 * Positions: lineno 1-based, col 0-based UTF-8 byte offsets.
 */
#ifndef GILPY_LEXER_H
#define GILPY_LEXER_H

#include <stddef.h>
#include "core/ast.h"

typedef enum {
    T_ENDMARKER, T_NAME, T_NUMBER, T_STRING, T_NEWLINE, T_INDENT, T_DEDENT, T_ERROR,
    /* operators */
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE, T_COLON, T_COMMA, T_SEMI,
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_VBAR, T_AMPER, T_LESS, T_GREATER, T_EQUAL,
    T_DOT, T_PERCENT, T_EQEQUAL, T_NOTEQUAL, T_LESSEQUAL, T_GREATEREQUAL, T_TILDE,
    T_CIRCUMFLEX, T_LEFTSHIFT, T_RIGHTSHIFT, T_DOUBLESTAR, T_PLUSEQUAL, T_MINEQUAL,
    T_STAREQUAL, T_SLASHEQUAL, T_PERCENTEQUAL, T_AMPEREQUAL, T_VBAREQUAL,
    T_CIRCUMFLEXEQUAL, T_LEFTSHIFTEQUAL, T_RIGHTSHIFTEQUAL, T_DOUBLESTAREQUAL,
    T_DOUBLESLASH, T_DOUBLESLASHEQUAL, T_AT, T_ATEQUAL, T_RARROW, T_ELLIPSIS,
    T_COLONEQUAL, T_BANG, T_BADOP,
    T_COUNT
} TokType;

/* Keywords (hard ones only; match/case/_ are soft and stay plain names). */
typedef enum {
    KW_NONE_ = 0, KW_False, KW_None, KW_True, KW_and, KW_as, KW_assert, KW_async,
    KW_await, KW_break, KW_class, KW_continue, KW_def, KW_del, KW_elif, KW_else,
    KW_except, KW_finally, KW_for, KW_from, KW_global, KW_if, KW_import, KW_in,
    KW_is, KW_lambda, KW_nonlocal, KW_not, KW_or, KW_pass, KW_raise, KW_return,
    KW_try, KW_while, KW_with, KW_yield
} Keyword;

typedef struct {
    short type;          /* TokType */
    short kw;            /* Keyword for T_NAME, else 0 (T_NEWLINE: 1 if implicit at EOF) */
    int level;           /* bracket nesting depth at the token's start */
    int lineno, col, end_lineno, end_col;
    const char *start;   /* raw text */
    int len;
} Token;

typedef struct {
    int kind;            /* PERR_* ; -1 = no error */
    char msg[512];
    int lineno, col, end_lineno, end_col;   /* 1-based byte offsets (as CPython: may be 0/-1) */
    int deferred;        /* indentation/continuation/EOF errors: do not override parser errors */
} LexError;

#define LEX_MAXLEVEL 200
#define LEX_MAXINDENT 100

typedef struct Lexer {
    const char *src, *end, *cur, *line_start;
    int lineno;
    int sub;             /* f-string expression: no NEWLINE/INDENT, never EOF-in-parens */
    int level;
    char paren[LEX_MAXLEVEL];
    int paren_line[LEX_MAXLEVEL], paren_col[LEX_MAXLEVEL];
    int indstack[LEX_MAXINDENT + 1], altstack[LEX_MAXINDENT + 1], indent;
    int atbol, pending, cont_line;
    Token *toks;
    int ntoks, cap;
    LexError err;
    int eof_in_paren;    /* stopped at EOF inside brackets (no error of its own) */
    const char *eof_comment;  /* comment ending the input without a newline */
    const char *const *lines; /* line start table of the whole source (1-based) */
    int nlines;
} Lexer;

/* Tokenize [src, src+len).  Returns 0, or -1 on out-of-memory.  Tokenizer
 * errors are reported via lx->err (kind >= 0) and a final T_ERROR token. */
int lexer_tokenize(Lexer *lx, const char *src, size_t len);
/* Tokenize an f-string expression [s, e) that starts at (lineno, line_start). */
int lexer_tokenize_sub(Lexer *lx, const char *s, const char *e, int lineno,
                       const char *line_start);
void lexer_free(Lexer *lx);
const char *lexer_tok_name(int type);
/* Decode one UTF-8 code point at s (n bytes available); returns its length
 * (0 if invalid) and stores it in *cp. */
int lexer_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);
int lexer_is_id_start(unsigned cp);
int lexer_is_id_char(unsigned cp);

#endif
