/* symtable.c — scope analysis (see symtable.h for the design note). */
#include "gilpy.h"
#include "core/symtable.h"
#include <stdlib.h>

/* ---------------------------------------------------------------------- */
/* small helpers */

char *source_line(const char *src, size_t len, int lineno)
{
    if (!src || lineno < 1) return NULL;
    size_t i = 0;
    int line = 1;
    while (line < lineno && i < len) {
        if (src[i] == '\n') line++;
        i++;
    }
    if (line != lineno || i >= len) return NULL;
    size_t j = i;
    while (j < len && src[j] != '\n') j++;
    char *out = malloc(j - i + 2);
    if (!out) return NULL;
    memcpy(out, src + i, j - i);
    out[j - i] = '\n';
    out[j - i + 1] = '\0';
    return out;
}

void symtable_error(SymTable *st, Node *n, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    st->error = 1;
    if (err_occurred()) return;
    int line = n ? n->lineno : 1, col = n ? n->col_offset : 0;
    int eline = n ? n->end_lineno : line, ecol = n ? n->end_col_offset : col;
    char *text = source_line(st->src, st->srclen, line);
    err_syntax(&Exc_SyntaxError, msg, st->filename, line, col + 1, eline, ecol + 1, text);
    free(text);
}

static unsigned hash_name(const char *s)
{
    unsigned h = 2166136261u;
    while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; }
    return h;
}

Symbol *scope_lookup(Scope *s, const char *name)
{
    if (!s->hcap) return NULL;
    unsigned mask = (unsigned)s->hcap - 1, i = hash_name(name) & mask;
    while (s->htab[i]) {
        Symbol *sym = &s->syms[s->htab[i] - 1];
        if (strcmp(sym->name, name) == 0) return sym;
        i = (i + 1) & mask;
    }
    return NULL;
}

static void rehash(Scope *s, int ncap)
{
    free(s->htab);
    s->htab = calloc((size_t)ncap, sizeof(int));
    s->hcap = ncap;
    unsigned mask = (unsigned)ncap - 1;
    for (int k = 0; k < s->nsyms; k++) {
        unsigned i = hash_name(s->syms[k].name) & mask;
        while (s->htab[i]) i = (i + 1) & mask;
        s->htab[i] = k + 1;
    }
}

static Symbol *scope_add(Scope *s, const char *name)
{
    Symbol *sym = scope_lookup(s, name);
    if (sym) return sym;
    if (s->nsyms == s->capsyms) {
        s->capsyms = s->capsyms ? s->capsyms * 2 : 16;
        s->syms = realloc(s->syms, sizeof(Symbol) * (size_t)s->capsyms);
    }
    sym = &s->syms[s->nsyms++];
    memset(sym, 0, sizeof *sym);
    sym->name = name;
    if (s->nsyms * 2 > s->hcap) rehash(s, s->hcap ? s->hcap * 2 : 32);
    else {
        unsigned mask = (unsigned)s->hcap - 1, i = hash_name(name) & mask;
        while (s->htab[i]) i = (i + 1) & mask;
        s->htab[i] = s->nsyms;
    }
    return sym;
}

const char *symtable_mangle(Arena *a, const char *cls, const char *name)
{
    if (!cls || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if (n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') return name;
    if (strchr(name, '.')) return name;
    while (*cls == '_') cls++;
    if (!*cls) return name;
    size_t cn = strlen(cls);
    char *out = arena_alloc(a, cn + n + 2);
    if (!out) return name;
    out[0] = '_';
    memcpy(out + 1, cls, cn);
    memcpy(out + 1 + cn, name, n + 1);
    return out;
}

static Scope *scope_new(SymTable *st, Scope *parent, ScopeKind kind, const char *name, Node *node)
{
    Scope *s = calloc(1, sizeof(Scope));
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = parent;
    if (parent) {
        if (parent->nchildren == parent->capchildren) {
            parent->capchildren = parent->capchildren ? parent->capchildren * 2 : 4;
            parent->children = realloc(parent->children, sizeof(Scope *) * (size_t)parent->capchildren);
        }
        parent->children[parent->nchildren++] = s;
        s->class_name = parent->kind == SCOPE_CLASS ? parent->name : parent->class_name;
    }
    return s;
}

static void scope_free(Scope *s)
{
    if (!s) return;
    for (int i = 0; i < s->nchildren; i++) scope_free(s->children[i]);
    free(s->children);
    free(s->syms);
    free(s->htab);
    free(s->params);
    free(s);
}

void symtable_free(SymTable *st)
{
    scope_free(st->top);
    st->top = NULL;
}

Scope *scope_child_for(Scope *s, Node *node)
{
    for (int i = 0; i < s->nchildren; i++)
        if (s->children[i]->node == node) return s->children[i];
    return NULL;
}

static bool is_function_like(Scope *s)
{
    return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_LAMBDA || s->kind == SCOPE_COMPREHENSION;
}

/* ---------------------------------------------------------------------- */
/* pass 1: collect */

typedef struct {
    SymTable *st;
    Scope *cur;
} Ctx;

static void visit_stmt(Ctx *c, Node *n);
static void visit_expr(Ctx *c, Node *n);
static void mark_comp_iter_names(Ctx *c, Node *t);

static const char *mangle(Ctx *c, const char *name)
{
    const char *cls = c->cur->kind == SCOPE_CLASS ? c->cur->name : c->cur->class_name;
    return symtable_mangle(c->st->arena, cls, name);
}

static void add_def(Ctx *c, const char *name, int flag, Node *n)
{
    name = mangle(c, name);
    Symbol *sym = scope_add(c->cur, name);
    if ((flag & DEF_PARAM) && (sym->flags & DEF_PARAM)) {
        symtable_error(c->st, n, "duplicate argument '%s' in function definition", name);
        return;
    }
    sym->flags |= flag;
    if (flag & DEF_PARAM) {
        Scope *s = c->cur;
        if (s->nparams == s->capparams) {
            s->capparams = s->capparams ? s->capparams * 2 : 8;
            s->params = realloc(s->params, sizeof(char *) * (size_t)s->capparams);
        }
        s->params[s->nparams++] = name;
    }
}

static void visit_exprs(Ctx *c, NodeList *l)
{
    for (int i = 0; i < l->n && !c->st->error; i++)
        if (l->items[i]) visit_expr(c, l->items[i]);
}

static void visit_stmts(Ctx *c, NodeList *l)
{
    for (int i = 0; i < l->n && !c->st->error; i++) visit_stmt(c, l->items[i]);
}

static void visit_args_defaults(Ctx *c, Node *args)
{
    if (!args) return;
    visit_exprs(c, &args->v.Arguments.defaults);
    visit_exprs(c, &args->v.Arguments.kw_defaults);
}

static void visit_annotations(Ctx *c, Node *args, Node *returns)
{
    if (args) {
        NodeList *lists[3] = { &args->v.Arguments.posonlyargs, &args->v.Arguments.args, &args->v.Arguments.kwonlyargs };
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < lists[k]->n; i++)
                if (lists[k]->items[i]->v.Arg.annotation) visit_expr(c, lists[k]->items[i]->v.Arg.annotation);
        if (args->v.Arguments.vararg && args->v.Arguments.vararg->v.Arg.annotation)
            visit_expr(c, args->v.Arguments.vararg->v.Arg.annotation);
        if (args->v.Arguments.kwarg && args->v.Arguments.kwarg->v.Arg.annotation)
            visit_expr(c, args->v.Arguments.kwarg->v.Arg.annotation);
    }
    if (returns) visit_expr(c, returns);
}

static void add_params(Ctx *c, Node *args)
{
    if (!args) return;
    NodeList *l = &args->v.Arguments.posonlyargs;
    for (int i = 0; i < l->n; i++) add_def(c, l->items[i]->v.Arg.arg, DEF_PARAM, l->items[i]);
    l = &args->v.Arguments.args;
    for (int i = 0; i < l->n; i++) add_def(c, l->items[i]->v.Arg.arg, DEF_PARAM, l->items[i]);
    l = &args->v.Arguments.kwonlyargs;
    for (int i = 0; i < l->n; i++) add_def(c, l->items[i]->v.Arg.arg, DEF_PARAM, l->items[i]);
    if (args->v.Arguments.vararg) add_def(c, args->v.Arguments.vararg->v.Arg.arg, DEF_PARAM, args->v.Arguments.vararg);
    if (args->v.Arguments.kwarg) add_def(c, args->v.Arguments.kwarg->v.Arg.arg, DEF_PARAM, args->v.Arguments.kwarg);
}

static void visit_function(Ctx *c, Node *n, const char *name, Node *args, NodeList *body, Node *bodyexpr,
                           ScopeKind kind, int is_async)
{
    Scope *saved = c->cur;
    Scope *s = scope_new(c->st, saved, kind, name, n);
    s->is_coroutine = is_async;
    c->cur = s;
    add_params(c, args);
    if (body) visit_stmts(c, body);
    if (bodyexpr) visit_expr(c, bodyexpr);
    c->cur = saved;
}

static void visit_comprehension(Ctx *c, Node *n, NodeList *gens, Node *elt, Node *value)
{
    const char *name = n->kind == ListComp_kind ? "<listcomp>" : n->kind == SetComp_kind ? "<setcomp>"
                     : n->kind == DictComp_kind ? "<dictcomp>" : "<genexpr>";
    Node *first = gens->items[0];
    visit_expr(c, first->v.Comprehension.iter);
    if (c->st->error) return;
    Scope *saved = c->cur;
    Scope *s = scope_new(c->st, saved, SCOPE_COMPREHENSION, name, n);
    s->comp_kind = n->kind;
    if (n->kind == GeneratorExp_kind) s->is_generator = 1;
    c->cur = s;
    add_def(c, ".0", DEF_PARAM, n);
    for (int i = 0; i < gens->n && !c->st->error; i++) {
        Node *g = gens->items[i];
        if (g->v.Comprehension.is_async) s->is_async_comp = 1;
        /* targets bound in the comprehension scope */
        visit_expr(c, g->v.Comprehension.target);
        mark_comp_iter_names(c, g->v.Comprehension.target);
        if (i > 0) visit_expr(c, g->v.Comprehension.iter);
        visit_exprs(c, &g->v.Comprehension.ifs);
    }
    if (elt) visit_expr(c, elt);
    if (value) visit_expr(c, value);
    c->cur = saved;
    if (s->is_async_comp && n->kind != GeneratorExp_kind) s->is_coroutine = 1;
}

static void mark_comp_iter_names(Ctx *c, Node *t)
{
    if (!t) return;
    if (t->kind == Name_kind) {
        Symbol *sym = scope_lookup(c->cur, mangle(c, t->v.Name.id));
        if (sym) sym->flags |= DEF_COMP_ITER;
    } else if (t->kind == Tuple_kind || t->kind == List_kind) {
        for (int i = 0; i < t->v.List.elts.n; i++) mark_comp_iter_names(c, t->v.List.elts.items[i]);
    } else if (t->kind == Starred_kind) {
        mark_comp_iter_names(c, t->v.Starred.value);
    }
}

static void visit_namedexpr_target(Ctx *c, Node *n)
{
    Node *t = n->v.NamedExpr.target;
    const char *name = t->v.Name.id;
    if (c->cur->kind != SCOPE_COMPREHENSION) {
        visit_expr(c, t);
        return;
    }
    /* binds in the nearest enclosing non-comprehension scope */
    Symbol *own = scope_lookup(c->cur, mangle(c, name));
    if (own && (own->flags & DEF_COMP_ITER)) {
        symtable_error(c->st, t, "assignment expression cannot rebind comprehension iteration variable '%s'", name);
        return;
    }
    Scope *s = c->cur;
    while (s->kind == SCOPE_COMPREHENSION) {
        Symbol *sym = scope_lookup(s, name);
        if (sym && (sym->flags & DEF_COMP_ITER)) {
            symtable_error(c->st, t, "assignment expression cannot rebind comprehension iteration variable '%s'", name);
            return;
        }
        s = s->parent;
    }
    if (s->kind == SCOPE_CLASS) {
        symtable_error(c->st, n, "assignment expression within a comprehension cannot be used in a class body");
        return;
    }
    int global = s->kind == SCOPE_MODULE;
    if (!global) {
        Symbol *os = scope_lookup(s, name);
        if (os && (os->flags & DEF_GLOBAL)) global = 1;
    }
    Scope *saved = c->cur;
    /* mark in every comprehension scope between */
    for (Scope *q = saved; q != s; q = q->parent) {
        Symbol *sym = scope_add(q, name);
        sym->flags |= global ? DEF_GLOBAL : DEF_NONLOCAL;
        sym->flags |= SYM_USE;
        sym->lineno = t->lineno;
        sym->col = t->col_offset;
    }
    Symbol *sym = scope_add(s, name);
    sym->flags |= DEF_LOCAL;
}

static void check_yield(Ctx *c, Node *n, const char *what)
{
    Scope *s = c->cur;
    if (s->kind == SCOPE_MODULE || s->kind == SCOPE_CLASS) {
        symtable_error(c->st, n, "'%s' outside function", what);
        return;
    }
    if (s->kind == SCOPE_COMPREHENSION) {
        const char *k = s->comp_kind == ListComp_kind ? "list comprehension" : s->comp_kind == SetComp_kind ? "set comprehension"
                      : s->comp_kind == DictComp_kind ? "dict comprehension" : "generator expression";
        symtable_error(c->st, n, "'yield' inside %s", k);
        return;
    }
    s->is_generator = 1;
}

static void visit_expr(Ctx *c, Node *n)
{
    if (!n || c->st->error) return;
    if (enter_recursive_call(" during compilation") < 0) { c->st->error = 1; return; }
    switch (n->kind) {
    case BoolOp_kind: visit_exprs(c, &n->v.BoolOp.values); break;
    case NamedExpr_kind:
        visit_expr(c, n->v.NamedExpr.value);
        visit_namedexpr_target(c, n);
        break;
    case BinOp_kind: visit_expr(c, n->v.BinOp.left); visit_expr(c, n->v.BinOp.right); break;
    case UnaryOp_kind: visit_expr(c, n->v.UnaryOp.operand); break;
    case Lambda_kind:
        visit_args_defaults(c, n->v.Lambda.args);
        visit_function(c, n, "<lambda>", n->v.Lambda.args, NULL, n->v.Lambda.body, SCOPE_LAMBDA, 0);
        break;
    case IfExp_kind:
        visit_expr(c, n->v.IfExp.test); visit_expr(c, n->v.IfExp.body); visit_expr(c, n->v.IfExp.orelse);
        break;
    case Dict_kind: visit_exprs(c, &n->v.Dict.keys); visit_exprs(c, &n->v.Dict.values); break;
    case Set_kind: visit_exprs(c, &n->v.Set.elts); break;
    case ListComp_kind: case SetComp_kind: case GeneratorExp_kind:
        visit_comprehension(c, n, &n->v.ListComp.generators, n->v.ListComp.elt, NULL);
        break;
    case DictComp_kind:
        visit_comprehension(c, n, &n->v.DictComp.generators, n->v.DictComp.key, n->v.DictComp.value);
        break;
    case Await_kind:
        if (c->cur->kind == SCOPE_COMPREHENSION) {
            c->cur->is_coroutine = 1;
        }
        visit_expr(c, n->v.Await.value);
        break;
    case Yield_kind:
        check_yield(c, n, "yield");
        visit_expr(c, n->v.Await.value);
        break;
    case YieldFrom_kind:
        check_yield(c, n, "yield");
        visit_expr(c, n->v.Await.value);
        break;
    case Compare_kind: visit_expr(c, n->v.Compare.left); visit_exprs(c, &n->v.Compare.comparators); break;
    case Call_kind:
        visit_expr(c, n->v.Call.func);
        visit_exprs(c, &n->v.Call.args);
        for (int i = 0; i < n->v.Call.keywords.n; i++) visit_expr(c, n->v.Call.keywords.items[i]->v.Keyword.value);
        break;
    case FormattedValue_kind:
        visit_expr(c, n->v.FormattedValue.value);
        visit_expr(c, n->v.FormattedValue.format_spec);
        break;
    case JoinedStr_kind: visit_exprs(c, &n->v.JoinedStr.values); break;
    case Constant_kind: break;
    case Attribute_kind: visit_expr(c, n->v.Attribute.value); break;
    case Subscript_kind: visit_expr(c, n->v.Subscript.value); visit_expr(c, n->v.Subscript.slice); break;
    case Starred_kind: visit_expr(c, n->v.Starred.value); break;
    case Slice_kind:
        visit_expr(c, n->v.Slice.lower); visit_expr(c, n->v.Slice.upper); visit_expr(c, n->v.Slice.step);
        break;
    case Name_kind:
        if (n->v.Name.ctx == Load) {
            add_def(c, n->v.Name.id, SYM_USE, n);
            if (is_function_like(c->cur) && strcmp(n->v.Name.id, "super") == 0)
                add_def(c, "__class__", SYM_USE, n);
        } else {
            add_def(c, n->v.Name.id, DEF_LOCAL, n);
        }
        break;
    case List_kind: case Tuple_kind: visit_exprs(c, &n->v.List.elts); break;
    default: break;
    }
    leave_recursive_call();
}

static void visit_pattern(Ctx *c, Node *p)
{
    if (!p || c->st->error) return;
    switch (p->kind) {
    case MatchValue_kind: visit_expr(c, p->v.MatchValue.value); break;
    case MatchSingleton_kind: break;
    case MatchSequence_kind: case MatchOr_kind:
        for (int i = 0; i < p->v.MatchSequence.patterns.n; i++) visit_pattern(c, p->v.MatchSequence.patterns.items[i]);
        break;
    case MatchMapping_kind:
        visit_exprs(c, &p->v.MatchMapping.keys);
        for (int i = 0; i < p->v.MatchMapping.patterns.n; i++) visit_pattern(c, p->v.MatchMapping.patterns.items[i]);
        if (p->v.MatchMapping.rest) add_def(c, p->v.MatchMapping.rest, DEF_LOCAL, p);
        break;
    case MatchClass_kind:
        visit_expr(c, p->v.MatchClass.cls);
        for (int i = 0; i < p->v.MatchClass.patterns.n; i++) visit_pattern(c, p->v.MatchClass.patterns.items[i]);
        for (int i = 0; i < p->v.MatchClass.kwd_patterns.n; i++) visit_pattern(c, p->v.MatchClass.kwd_patterns.items[i]);
        break;
    case MatchStar_kind:
        if (p->v.MatchStar.name) add_def(c, p->v.MatchStar.name, DEF_LOCAL, p);
        break;
    case MatchAs_kind:
        visit_pattern(c, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name) add_def(c, p->v.MatchAs.name, DEF_LOCAL, p);
        break;
    default: break;
    }
}

static void declare(Ctx *c, Node *n, int global)
{
    NameList *names = &n->v.Global.names;
    for (int i = 0; i < names->n; i++) {
        const char *name = mangle(c, names->items[i]);
        Symbol *sym = scope_lookup(c->cur, name);
        int cur = sym ? sym->flags : 0;
        const char *kw = global ? "global" : "nonlocal";
        if (cur & (DEF_PARAM | DEF_LOCAL | SYM_USE | DEF_ANNOT)) {
            if (cur & DEF_PARAM) symtable_error(c->st, n, "name '%s' is parameter and %s", name, kw);
            else if (cur & SYM_USE) symtable_error(c->st, n, "name '%s' is used prior to %s declaration", name, kw);
            else if (cur & DEF_ANNOT) symtable_error(c->st, n, "annotated name '%s' can't be %s", name, kw);
            else symtable_error(c->st, n, "name '%s' is assigned to before %s declaration", name, kw);
            return;
        }
        if (!global && c->cur->kind == SCOPE_MODULE) {
            symtable_error(c->st, n, "nonlocal declaration not allowed at module level");
            return;
        }
        sym = scope_add(c->cur, name);
        sym->flags |= global ? DEF_GLOBAL : DEF_NONLOCAL;
        sym->lineno = n->lineno;
        sym->col = n->col_offset;
        if (!sym->decl) sym->decl = n;
        if ((sym->flags & DEF_GLOBAL) && (sym->flags & DEF_NONLOCAL)) {
            /* CPython points at the first of the two declarations. */
            symtable_error(c->st, sym->decl, "name '%s' is nonlocal and global", name);
            return;
        }
    }
}

static void visit_stmt(Ctx *c, Node *n)
{
    if (!n || c->st->error) return;
    if (enter_recursive_call(" during compilation") < 0) { c->st->error = 1; return; }
    switch (n->kind) {
    case FunctionDef_kind: case AsyncFunctionDef_kind:
        add_def(c, n->v.FunctionDef.name, DEF_LOCAL, n);
        visit_exprs(c, &n->v.FunctionDef.decorator_list);
        visit_args_defaults(c, n->v.FunctionDef.args);
        visit_annotations(c, n->v.FunctionDef.args, n->v.FunctionDef.returns);
        visit_function(c, n, n->v.FunctionDef.name, n->v.FunctionDef.args, &n->v.FunctionDef.body, NULL,
                       SCOPE_FUNCTION, n->kind == AsyncFunctionDef_kind);
        break;
    case ClassDef_kind: {
        add_def(c, n->v.ClassDef.name, DEF_LOCAL, n);
        visit_exprs(c, &n->v.ClassDef.decorator_list);
        visit_exprs(c, &n->v.ClassDef.bases);
        for (int i = 0; i < n->v.ClassDef.keywords.n; i++) visit_expr(c, n->v.ClassDef.keywords.items[i]->v.Keyword.value);
        Scope *saved = c->cur;
        Scope *s = scope_new(c->st, saved, SCOPE_CLASS, n->v.ClassDef.name, n);
        c->cur = s;
        visit_stmts(c, &n->v.ClassDef.body);
        c->cur = saved;
        break;
    }
    case Return_kind:
        if (n->v.Return.value) {
            c->cur->has_return_value = 1;
            visit_expr(c, n->v.Return.value);
        }
        break;
    case Delete_kind: visit_exprs(c, &n->v.Delete.targets); break;
    case Assign_kind: visit_exprs(c, &n->v.Assign.targets); visit_expr(c, n->v.Assign.value); break;
    case AugAssign_kind: {
        Node *t = n->v.AugAssign.target;
        if (t->kind == Name_kind) {
            add_def(c, t->v.Name.id, SYM_USE, t);   /* read before write */
            add_def(c, t->v.Name.id, DEF_LOCAL, t);
        } else visit_expr(c, t);
        visit_expr(c, n->v.AugAssign.value);
        break;
    }
    case AnnAssign_kind: {
        Node *t = n->v.AnnAssign.target;
        if (t->kind == Name_kind) {
            const char *name = mangle(c, t->v.Name.id);
            Symbol *sym = scope_lookup(c->cur, name);
            if (sym && (sym->flags & (DEF_GLOBAL | DEF_NONLOCAL)) && n->v.AnnAssign.simple) {
                symtable_error(c->st, t, "annotated name '%s' can't be %s", name,
                               (sym->flags & DEF_GLOBAL) ? "global" : "nonlocal");
                break;
            }
            if (n->v.AnnAssign.simple) add_def(c, t->v.Name.id, DEF_ANNOT | DEF_LOCAL, t);
            else if (n->v.AnnAssign.value) add_def(c, t->v.Name.id, DEF_LOCAL, t);
        } else visit_expr(c, t);
        visit_expr(c, n->v.AnnAssign.annotation);
        visit_expr(c, n->v.AnnAssign.value);
        break;
    }
    case For_kind: case AsyncFor_kind:
        visit_expr(c, n->v.For.target); visit_expr(c, n->v.For.iter);
        visit_stmts(c, &n->v.For.body); visit_stmts(c, &n->v.For.orelse);
        break;
    case While_kind: case If_kind:
        visit_expr(c, n->v.While.test);
        visit_stmts(c, &n->v.While.body); visit_stmts(c, &n->v.While.orelse);
        break;
    case With_kind: case AsyncWith_kind:
        for (int i = 0; i < n->v.With.items.n; i++) {
            Node *it = n->v.With.items.items[i];
            visit_expr(c, it->v.WithItem.context_expr);
            visit_expr(c, it->v.WithItem.optional_vars);
        }
        visit_stmts(c, &n->v.With.body);
        break;
    case Match_kind:
        visit_expr(c, n->v.Match.subject);
        for (int i = 0; i < n->v.Match.cases.n; i++) {
            Node *mc = n->v.Match.cases.items[i];
            visit_pattern(c, mc->v.MatchCase.pattern);
            visit_expr(c, mc->v.MatchCase.guard);
            visit_stmts(c, &mc->v.MatchCase.body);
        }
        break;
    case Raise_kind: visit_expr(c, n->v.Raise.exc); visit_expr(c, n->v.Raise.cause); break;
    case Try_kind: case TryStar_kind:
        visit_stmts(c, &n->v.Try.body);
        for (int i = 0; i < n->v.Try.handlers.n; i++) {
            Node *h = n->v.Try.handlers.items[i];
            visit_expr(c, h->v.ExceptHandler.type);
            if (h->v.ExceptHandler.name) add_def(c, h->v.ExceptHandler.name, DEF_LOCAL, h);
            visit_stmts(c, &h->v.ExceptHandler.body);
        }
        visit_stmts(c, &n->v.Try.orelse);
        visit_stmts(c, &n->v.Try.finalbody);
        break;
    case Assert_kind: visit_expr(c, n->v.Assert.test); visit_expr(c, n->v.Assert.msg); break;
    case Import_kind: case ImportFrom_kind:
        for (int i = 0; i < (n->kind == Import_kind ? n->v.Import.names.n : n->v.ImportFrom.names.n); i++) {
            Node *a = n->kind == Import_kind ? n->v.Import.names.items[i] : n->v.ImportFrom.names.items[i];
            const char *name = a->v.Alias.asname ? a->v.Alias.asname : a->v.Alias.name;
            if (strcmp(name, "*") == 0) {
                if (c->cur->kind != SCOPE_MODULE) {
                    symtable_error(c->st, n, "import * only allowed at module level");
                    break;
                }
                continue;
            }
            if (!a->v.Alias.asname && n->kind == Import_kind) {
                const char *dot = strchr(name, '.');
                if (dot) name = arena_strndup(c->st->arena, name, (size_t)(dot - name));
            }
            add_def(c, name, DEF_IMPORT, a);
        }
        break;
    case Global_kind: declare(c, n, 1); break;
    case Nonlocal_kind: declare(c, n, 0); break;
    case Expr_kind: visit_expr(c, n->v.Expr.value); break;
    default: break;
    }
    leave_recursive_call();
}

/* ---------------------------------------------------------------------- */
/* pass 2: analyze */

typedef struct { const char **names; int n, cap; } NameSet;

static bool ns_has(NameSet *s, const char *name)
{
    for (int i = s->n - 1; i >= 0; i--)
        if (strcmp(s->names[i], name) == 0) return true;
    return false;
}
static void ns_add(NameSet *s, const char *name)
{
    if (ns_has(s, name)) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->names = realloc(s->names, sizeof(char *) * (size_t)s->cap);
    }
    s->names[s->n++] = name;
}

static int analyze(SymTable *st, Scope *s, NameSet *bound)
{
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        int f = sym->flags;
        if (f & DEF_GLOBAL) sym->scope = SC_GLOBAL_EXPLICIT;
        else if (f & DEF_NONLOCAL) {
            if (!bound || !ns_has(bound, sym->name)) {
                Node fake = { 0 };
                fake.lineno = fake.end_lineno = sym->lineno;
                fake.col_offset = fake.end_col_offset = sym->col;
                /* CPython reports the nonlocal statement's line */
                char *text = source_line(st->src, st->srclen, sym->lineno);
                char msg[300];
                snprintf(msg, sizeof msg, "no binding for nonlocal '%s' found", sym->name);
                st->error = 1;
                err_syntax(&Exc_SyntaxError, msg, st->filename, sym->lineno, sym->col + 1, sym->lineno, -1, text);
                free(text);
                (void)fake;
                return -1;
            }
            sym->scope = SC_FREE;
        } else if (f & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT | DEF_ANNOT)) sym->scope = SC_LOCAL;
        else if (bound && s->kind != SCOPE_MODULE && ns_has(bound, sym->name)) sym->scope = SC_FREE;
        else sym->scope = SC_GLOBAL_IMPLICIT;
    }
    NameSet newbound = { 0 };
    /* build the set visible to children */
    if (bound && s->kind != SCOPE_MODULE)
        for (int i = 0; i < bound->n; i++) {
            Symbol *sym = scope_lookup(s, bound->names[i]);
            if (sym && sym->scope == SC_GLOBAL_EXPLICIT && is_function_like(s)) continue;
            if (sym && sym->scope == SC_GLOBAL_EXPLICIT && s->kind == SCOPE_CLASS) continue;
            ns_add(&newbound, bound->names[i]);
        }
    if (is_function_like(s)) {
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i].scope == SC_LOCAL || s->syms[i].scope == SC_FREE) ns_add(&newbound, s->syms[i].name);
    } else if (s->kind == SCOPE_CLASS) {
        ns_add(&newbound, "__class__");
    }
    for (int ci = 0; ci < s->nchildren; ci++) {
        Scope *ch = s->children[ci];
        if (analyze(st, ch, &newbound) < 0) { free(newbound.names); return -1; }
        for (int k = 0; k < ch->nsyms; k++) {
            Symbol *cs = &ch->syms[k];
            if (!(cs->scope == SC_FREE || cs->in_freevars)) continue;
            if (s->kind == SCOPE_CLASS && strcmp(cs->name, "__class__") == 0) {
                s->needs_class_cell = 1;
                continue;
            }
            Symbol *sym = scope_lookup(s, cs->name);
            if (is_function_like(s)) {
                if (sym && (sym->scope == SC_LOCAL || sym->scope == SC_CELL)) { sym->scope = SC_CELL; continue; }
                if (sym && sym->scope == SC_FREE) continue;
                if (!sym) { sym = scope_add(s, cs->name); sym->flags |= DEF_PASSFREE; }
                sym->scope = SC_FREE;
            } else if (s->kind == SCOPE_CLASS) {
                if (!sym) { sym = scope_add(s, cs->name); sym->flags |= DEF_PASSFREE; sym->scope = SC_FREE; }
                else if (sym->scope != SC_FREE) sym->in_freevars = 1;
            }
        }
    }
    free(newbound.names);
    return 0;
}

int symtable_build(SymTable *st, Node *mod)
{
    st->error = 0;
    st->top = scope_new(st, NULL, SCOPE_MODULE, "<module>", mod);
    Ctx c = { st, st->top };
    switch (mod->kind) {
    case Module_kind: case Interactive_kind: visit_stmts(&c, &mod->v.Module.body); break;
    case Expression_kind: visit_expr(&c, mod->v.Expression.body); break;
    default: break;
    }
    if (st->error || err_occurred()) return -1;
    if (analyze(st, st->top, NULL) < 0) return -1;
    return 0;
}
