/* symtable.h — scope analysis between the parser and the code generator.
 *
 * Pass 1 walks the AST and records, per scope, every name with how it is used
 * (assigned, parameter, read, declared global/nonlocal).  Pass 2 resolves each
 * name to LOCAL / GLOBAL_EXPLICIT / GLOBAL_IMPLICIT / FREE / CELL, walking
 * nested function scopes (class scopes are invisible to the functions they
 * contain, except for the implicit __class__ cell used by zero-arg super()).
 * Memory: plain malloc, freed by symtable_free(); names point into the AST
 * arena (mangled names are allocated there too).
 */
#ifndef GILPY_SYMTABLE_H
#define GILPY_SYMTABLE_H

#include "gilpy.h"

typedef enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_LAMBDA, SCOPE_COMPREHENSION } ScopeKind;

/* collected flags */
#define DEF_GLOBAL    0x001
#define DEF_LOCAL     0x002
#define DEF_PARAM     0x004
#define DEF_NONLOCAL  0x008
#define SYM_USE       0x010
#define DEF_IMPORT    0x020
#define DEF_ANNOT     0x040
#define DEF_COMP_ITER 0x080
#define DEF_PASSFREE  0x100   /* free var only passed through to children */

/* resolved scopes */
enum { SC_NONE = 0, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL };

typedef struct {
    const char *name;
    int flags;
    int scope;
    int in_freevars;          /* class scopes: also listed in co_freevars */
    int lineno, col;          /* of the global/nonlocal declaration */
    Node *decl;               /* first global/nonlocal statement naming it (error position) */
} Symbol;

typedef struct Scope Scope;
struct Scope {
    ScopeKind kind;
    const char *name;
    Node *node;
    Scope *parent;
    Symbol *syms;
    int nsyms, capsyms;
    int *htab;                /* open addressing: index+1, 0 = empty */
    int hcap;
    Scope **children;
    int nchildren, capchildren;
    const char **params;      /* parameter names in order */
    int nparams, capparams;
    int is_generator, is_coroutine, needs_class_cell, has_return_value;
    int comp_kind;            /* ListComp_kind... for comprehensions */
    int is_async_comp;
    const char *class_name;   /* private-name mangling: nearest enclosing class */
};

typedef struct {
    Scope *top;
    Arena *arena;
    Obj *filename;
    const char *src;
    size_t srclen;
    int error;
} SymTable;

/* Build the table for a module/expression/interactive tree.  Returns 0, or
 * -1 with SyntaxError set. */
int symtable_build(SymTable *st, Node *mod);
void symtable_free(SymTable *st);
Symbol *scope_lookup(Scope *s, const char *name);
Scope *scope_child_for(Scope *s, Node *node);
/* Private name mangling (__x in class A -> _A__x).  Returns name itself when
 * no mangling applies; otherwise a string allocated in the arena. */
const char *symtable_mangle(Arena *a, const char *class_name, const char *name);
/* Raise SyntaxError at node with the source line attached. */
void symtable_error(SymTable *st, Node *n, const char *fmt, ...);
/* The source line `lineno` (1-based) as a malloc'd NUL-terminated string or NULL. */
char *source_line(const char *src, size_t len, int lineno);

#endif
