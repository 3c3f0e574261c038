/* ast.h — the abstract syntax tree: the contract between parser and compiler.
 *
 * Node kinds and fields mirror Python 3.11's `ast` module (same names, same
 * meaning), so `ast.dump()` is the reference for what the parser must build.
 * All nodes and strings live in an Arena freed in one go after compilation.
 * The AST holds no Python objects: identifiers are NUL-terminated UTF-8,
 * constants are C values (big ints and floats keep their source text).
 * Positions: lineno/end_lineno 1-based; col_offset/end_col_offset 0-based
 * UTF-8 byte offsets, exactly as CPython's ast.
 */
#ifndef GILPY_AST_H
#define GILPY_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct Arena Arena;
Arena *arena_new(void);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t n);          /* zeroed; aborts never: returns NULL on OOM */
char *arena_strndup(Arena *a, const char *s, size_t n);

typedef struct Node Node;
typedef struct { int n; Node **items; } NodeList;
typedef struct { int n; char **items; } NameList;   /* identifiers */

typedef enum {
    /* mod */
    Module_kind, Interactive_kind, Expression_kind,
    /* stmt */
    FunctionDef_kind, AsyncFunctionDef_kind, ClassDef_kind, Return_kind, Delete_kind,
    Assign_kind, AugAssign_kind, AnnAssign_kind, For_kind, AsyncFor_kind, While_kind,
    If_kind, With_kind, AsyncWith_kind, Match_kind, Raise_kind, Try_kind, TryStar_kind,
    Assert_kind, Import_kind, ImportFrom_kind, Global_kind, Nonlocal_kind, Expr_kind,
    Pass_kind, Break_kind, Continue_kind,
    /* expr */
    BoolOp_kind, NamedExpr_kind, BinOp_kind, UnaryOp_kind, Lambda_kind, IfExp_kind,
    Dict_kind, Set_kind, ListComp_kind, SetComp_kind, DictComp_kind, GeneratorExp_kind,
    Await_kind, Yield_kind, YieldFrom_kind, Compare_kind, Call_kind, FormattedValue_kind,
    JoinedStr_kind, Constant_kind, Attribute_kind, Subscript_kind, Starred_kind,
    Name_kind, List_kind, Tuple_kind, Slice_kind,
    /* helpers */
    ExceptHandler_kind, Arguments_kind, Arg_kind, Keyword_kind, Alias_kind,
    WithItem_kind, Comprehension_kind,
    /* match patterns (optional) */
    MatchCase_kind, MatchValue_kind, MatchSingleton_kind, MatchSequence_kind,
    MatchMapping_kind, MatchClass_kind, MatchStar_kind, MatchAs_kind, MatchOr_kind,
    NODE_KIND_COUNT
} NodeKind;

typedef enum { Load, Store, Del } ExprContext;
typedef enum { And, Or } BoolOpKind;
/* Binary operators use the NB_* numbering from object.h (NB_ADD, NB_SUB, ...). */
typedef enum { Invert, Not, UAdd, USub } UnaryOpKind;
typedef enum { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn } CmpOpKind;

typedef enum {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT,      /* text: digits as written minus '_' with its prefix (0x.., 0o.., 0b..) */
    CONST_FLOAT,    /* f */
    CONST_IMAG,     /* f is the imaginary part */
    CONST_STR,      /* s/len: decoded UTF-8 (may contain NUL) */
    CONST_BYTES     /* s/len: raw bytes */
} ConstKind;

typedef struct {
    ConstKind kind;
    const char *text;   /* CONST_INT */
    double f;
    const char *s;      /* CONST_STR, CONST_BYTES */
    size_t len;
    const char *kind_u; /* "u" if the string had a u prefix, else NULL (ast.Constant.kind) */
} ConstValue;

struct Node {
    NodeKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        /* mod */
        struct { NodeList body; } Module;             /* also Interactive */
        struct { Node *body; } Expression;
        /* stmt */
        struct { char *name; Node *args; NodeList body, decorator_list; Node *returns; } FunctionDef; /* also Async */
        struct { char *name; NodeList bases, keywords, body, decorator_list; } ClassDef;
        struct { Node *value; } Return;               /* value may be NULL */
        struct { NodeList targets; } Delete;
        struct { NodeList targets; Node *value; } Assign;
        struct { Node *target; int op; Node *value; } AugAssign;    /* op: NB_* */
        struct { Node *target, *annotation, *value; int simple; } AnnAssign;
        struct { Node *target, *iter; NodeList body, orelse; } For; /* also AsyncFor */
        struct { Node *test; NodeList body, orelse; } While;
        struct { Node *test; NodeList body, orelse; } If;
        struct { NodeList items, body; } With;        /* also AsyncWith; items are WithItem */
        struct { Node *subject; NodeList cases; } Match;
        struct { Node *exc, *cause; } Raise;
        struct { NodeList body, handlers, orelse, finalbody; } Try; /* also TryStar */
        struct { Node *test, *msg; } Assert;
        struct { NodeList names; } Import;            /* Alias nodes */
        struct { char *module; NodeList names; int level; } ImportFrom; /* module may be NULL */
        struct { NameList names; } Global;            /* also Nonlocal */
        struct { Node *value; } Expr;
        /* expr */
        struct { BoolOpKind op; NodeList values; } BoolOp;
        struct { Node *target, *value; } NamedExpr;
        struct { Node *left; int op; Node *right; } BinOp;          /* op: NB_* */
        struct { UnaryOpKind op; Node *operand; } UnaryOp;
        struct { Node *args, *body; } Lambda;
        struct { Node *test, *body, *orelse; } IfExp;
        struct { NodeList keys, values; } Dict;       /* keys[i] NULL for **mapping */
        struct { NodeList elts; } Set;
        struct { Node *elt; NodeList generators; } ListComp;        /* also SetComp, GeneratorExp */
        struct { Node *key, *value; NodeList generators; } DictComp;
        struct { Node *value; } Await;                /* also Yield (value may be NULL), YieldFrom */
        struct { Node *left; int nops; CmpOpKind *ops; NodeList comparators; } Compare;
        struct { Node *func; NodeList args, keywords; } Call;
        struct { Node *value; int conversion; Node *format_spec; } FormattedValue; /* conversion: -1, 's', 'r', 'a' */
        struct { NodeList values; } JoinedStr;
        struct { ConstValue value; } Constant;
        struct { Node *value; char *attr; ExprContext ctx; } Attribute;
        struct { Node *value, *slice; ExprContext ctx; } Subscript;
        struct { Node *value; ExprContext ctx; } Starred;
        struct { char *id; ExprContext ctx; } Name;
        struct { NodeList elts; ExprContext ctx; } List;            /* also Tuple */
        struct { Node *lower, *upper, *step; } Slice;
        /* helpers */
        struct { Node *type; char *name; NodeList body; } ExceptHandler;
        struct { NodeList posonlyargs, args; Node *vararg; NodeList kwonlyargs, kw_defaults;
                 Node *kwarg; NodeList defaults; } Arguments;  /* kw_defaults[i] may be NULL */
        struct { char *arg; Node *annotation; } Arg;
        struct { char *arg; Node *value; } Keyword;   /* arg NULL for **kwargs */
        struct { char *name; char *asname; } Alias;   /* asname may be NULL */
        struct { Node *context_expr, *optional_vars; } WithItem;
        struct { Node *target, *iter; NodeList ifs; int is_async; } Comprehension;
        /* match */
        struct { Node *pattern, *guard; NodeList body; } MatchCase;
        struct { Node *value; } MatchValue;
        struct { ConstValue value; } MatchSingleton;
        struct { NodeList patterns; } MatchSequence;   /* also MatchOr */
        struct { NodeList keys, patterns; char *rest; } MatchMapping;
        struct { Node *cls; NodeList patterns; NameList kwd_attrs; NodeList kwd_patterns; } MatchClass;
        struct { char *name; } MatchStar;
        struct { Node *pattern; char *name; } MatchAs;
    } v;
};

/* ---- parser API: core/parser.c (lexer in core/lexer.c) ---- */
enum { PARSE_FILE = 0, PARSE_EVAL = 1, PARSE_SINGLE = 2 };
enum { PERR_SYNTAX = 0, PERR_INDENTATION = 1, PERR_TAB = 2, PERR_DECODE = 3, PERR_MEMORY = 4,
       PERR_RECURSION = 5 };
/* PERR_MEMORY: raise MemoryError(msg) (msg may be empty: CPython's "parser stack
 * overflow" on e.g. 3000 nested lambdas).  PERR_RECURSION: raise RecursionError(msg)
 * ("maximum recursion depth exceeded during compilation"), for absurdly deep
 * expressions.  Both carry no useful position. */
typedef struct {
    int kind;                 /* PERR_* */
    char msg[512];            /* CPython's message, e.g. "invalid syntax", "expected ':'" */
    int lineno, col_offset;   /* 1-based line; 1-based column like SyntaxError.offset
                                 (in characters, as CPython: use it as SyntaxError.offset) */
    int end_lineno, end_col_offset;   /* like SyntaxError.end_lineno/end_offset (may be 0 or -1, as CPython) */
    char *text;               /* the offending source line (malloc'd, with '\n'), or NULL */
} ParseError;
/* Parse UTF-8 source.  Returns Module/Expression/Interactive node, or NULL with
 * *err filled in.  Flags: 0, or PARSE_FLAG_FILE when the source was read from a
 * file (script, import): NUL bytes and bad UTF-8 then get the messages CPython
 * gives for files ("source code cannot contain null bytes" with its line,
 * "Non-UTF-8 code starting with ...") instead of those of compile(str/bytes).
 * Other bits are ignored. */
#define PARSE_FLAG_FILE (1 << 28)
Node *parse_source(Arena *arena, const char *src, size_t len, const char *filename,
                   int mode, int flags, ParseError *err);
void parse_error_free(ParseError *err);
/* Debug: write the tree in the exact format of Python's ast.dump(tree) (no attributes). */
void ast_dump(Node *n, FILE *out);
/* Debug: one line "Kind lineno col end_lineno end_col" per positioned node, pre-order. */
void ast_dump_positions(Node *n, FILE *out);

#endif
