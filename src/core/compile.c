/* compile.c — code generation driver: units, constants, names, assembly
 * (label resolution + stack depth analysis), functions and classes, and the
 * public compile_source().  Statements: compile_stmt.c; expressions:
 * compile_expr.c. */
#include "core/compile_int.h"
#include <stdlib.h>

/* ---------------------------------------------------------------------- */
/* errors and locations */

void cg_error(Compiler *c, Node *n, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->error = 1;
    if (err_occurred()) return;
    int line = n ? n->lineno : c->u->loc.line;
    int col = n ? n->col_offset : c->u->loc.col;
    int eline = n ? n->end_lineno : c->u->loc.end_line;
    int ecol = n ? n->end_col_offset : c->u->loc.end_col;
    char *text = source_line(c->src, c->srclen, line);
    err_syntax(&Exc_SyntaxError, msg, c->filename, line, col + 1, eline, ecol + 1, text);
    free(text);
}

/* Compile-time SyntaxWarning, printed the way warnings.showwarning does:
 * the source line comes from the file (linecache), so none for "<string>". */
void cg_warn(Compiler *c, Node *n, const char *msg)
{
    Obj *s = str_from_format("%U:%d: SyntaxWarning: %s\n", c->filename, n->lineno, msg);
    if (s) {
        sys_write_stderr(STR_DATA(s));
        DECREF(s);
    } else {
        err_clear();
    }
    char line[1024];
    if (c->filename && str_check(c->filename) &&
        err_read_source_line(STR_DATA(c->filename), n->lineno, line, sizeof line) && line[0]) {
        sys_write_stderr("  ");
        sys_write_stderr(line);
        sys_write_stderr("\n");
    }
}

void cg_set_loc(Compiler *c, Node *n)
{
    c->u->loc.line = n->lineno;
    c->u->loc.end_line = n->end_lineno;
    c->u->loc.col = n->col_offset;
    c->u->loc.end_col = n->end_col_offset;
}

const char *cg_mangle(Compiler *c, const char *name)
{
    Scope *s = c->u->scope;
    const char *cls = s->kind == SCOPE_CLASS ? s->name : s->class_name;
    return symtable_mangle(c->arena, cls, name);
}

/* ---------------------------------------------------------------------- */
/* emission */

int cg_emit(Compiler *c, int op, int arg)
{
    Unit *u = c->u;
    if (u->ninstrs == u->capinstrs) {
        int ncap = u->capinstrs ? u->capinstrs * 2 : 64;
        Instr *ni = realloc(u->instrs, sizeof(Instr) * (size_t)ncap);
        if (!ni) { err_no_memory(); return -1; }
        u->instrs = ni;
        u->capinstrs = ncap;
    }
    if (arg < 0 || arg > INSTR_ARG_MAX) {
        err_set_str(&Exc_SystemError, "code too large");
        return -1;
    }
    Instr *in = &u->instrs[u->ninstrs++];
    in->op = (uint8_t)op;
    in->arg = arg;
    in->pos = u->loc;
    return 0;
}

int cg_new_label(Compiler *c)
{
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        int ncap = u->caplabels ? u->caplabels * 2 : 32;
        int *nl = realloc(u->labels, sizeof(int) * (size_t)ncap);
        if (!nl) { err_no_memory(); return -1; }
        u->labels = nl;
        u->caplabels = ncap;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

void cg_use_label(Compiler *c, int label)
{
    if (label >= 0) c->u->labels[label] = c->u->ninstrs;
}

static bool is_jump(int op)
{
    switch (op) {
    case OP_JUMP: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE: case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
    case OP_FOR_ITER: case OP_SEND: case OP_SETUP_FINALLY: case OP_SETUP_WITH:
    case OP_JUMP_IF_NOT_EXC_MATCH: case OP_CHECK_EG_MATCH:
        return true;
    default:
        return false;
    }
}

/* Key for constant de-duplication: (type, value) so that 1, 1.0 and True stay distinct. */
static Obj *const_key(Obj *o)
{
    if (str_check(o) && TYPE(o) == &Str_Type) return NEWREF(o);
    TypeObj *t = TYPE(o);
    if (o == None || o == True_ || o == False_ || o == Ellipsis || t == &Int_Type || t == &Bytes_Type)
        return tuple_pack(2, OBJ(t), o);
    return NULL;
}

int cg_add_const(Compiler *c, Obj *o)
{
    Unit *u = c->u;
    Obj *key = const_key(o);
    if (key) {
        Obj *idx = dict_getitem(u->const_map, key);
        if (idx) { DECREF(key); return (int)SMALLINT_VALUE(idx); }
        if (err_occurred()) { DECREF(key); return -1; }
    }
    int n = (int)LIST_SIZE(u->consts);
    if (list_append(u->consts, o) < 0) { XDECREF(key); return -1; }
    if (key) {
        int r = dict_setitem(u->const_map, key, MAKE_SMALLINT(n));
        DECREF(key);
        if (r < 0) return -1;
    }
    return n;
}

int cg_load_const_new(Compiler *c, Obj *o)
{
    if (!o) return -1;
    int i = cg_add_const(c, o);
    DECREF(o);
    if (i < 0) return -1;
    return cg_emit(c, OP_LOAD_CONST, i);
}

static int dict_index(Obj *d, const char *name)
{
    Obj *key = str_from_cstr(name);
    if (!key) return -1;
    Obj *v = dict_getitem(d, key);
    if (v) { DECREF(key); return (int)SMALLINT_VALUE(v); }
    int n = (int)dict_size(d);
    int r = dict_setitem(d, key, MAKE_SMALLINT(n));
    DECREF(key);
    return r < 0 ? -1 : n;
}

static int dict_find(Obj *d, const char *name)
{
    Obj *key = str_from_cstr(name);
    if (!key) return -1;
    Obj *v = dict_getitem(d, key);
    DECREF(key);
    return v ? (int)SMALLINT_VALUE(v) : -1;
}

int cg_add_name(Compiler *c, const char *name)
{
    return dict_index(c->u->names, name);
}

/* ---------------------------------------------------------------------- */
/* names */

static bool unit_is_function(Unit *u)
{
    return u->scope->kind == SCOPE_FUNCTION || u->scope->kind == SCOPE_LAMBDA || u->scope->kind == SCOPE_COMPREHENSION;
}

int cg_nameop(Compiler *c, const char *name, ExprContext ctx)
{
    Unit *u = c->u;
    const char *mangled = cg_mangle(c, name);
    Symbol *sym = scope_lookup(u->scope, mangled);
    int scope = sym ? sym->scope : SC_GLOBAL_IMPLICIT;
    if (strcmp(mangled, "__debug__") == 0 && ctx == Load) {
        return cg_emit(c, OP_LOAD_CONST, cg_add_const(c, True_));
    }
    if (strcmp(mangled, "__debug__") == 0) {
        cg_error(c, NULL, ctx == Store ? "cannot assign to __debug__" : "cannot delete __debug__");
        return -1;
    }
    enum { K_FAST, K_DEREF, K_GLOBAL, K_NAME } kind = K_NAME;
    switch (scope) {
    case SC_FREE: case SC_CELL: kind = K_DEREF; break;
    case SC_LOCAL: kind = unit_is_function(u) ? K_FAST : K_NAME; break;
    case SC_GLOBAL_IMPLICIT: kind = unit_is_function(u) ? K_GLOBAL : K_NAME; break;
    case SC_GLOBAL_EXPLICIT: kind = K_GLOBAL; break;
    default: kind = K_NAME; break;
    }
    /* a class-scope name that is also passed through as a free variable stays a dict name */
    if (u->scope->kind == SCOPE_CLASS && scope == SC_CELL) kind = K_NAME;
    int idx;
    switch (kind) {
    case K_FAST:
        idx = dict_find(u->varnames, mangled);
        if (idx < 0) idx = dict_index(u->varnames, mangled);
        if (idx < 0) return -1;
        return cg_emit(c, ctx == Load ? OP_LOAD_FAST : ctx == Store ? OP_STORE_FAST : OP_DELETE_FAST, idx);
    case K_DEREF:
        idx = dict_find(u->cellvars, mangled);
        if (idx < 0) {
            idx = dict_find(u->freevars, mangled);
            if (idx < 0) { err_format(&Exc_SystemError, "compiler: no cell for '%s'", mangled); return -1; }
            idx += (int)dict_size(u->cellvars);
        }
        if (ctx == Load && u->scope->kind == SCOPE_CLASS) return cg_emit(c, OP_LOAD_CLASSDEREF, idx);
        return cg_emit(c, ctx == Load ? OP_LOAD_DEREF : ctx == Store ? OP_STORE_DEREF : OP_DELETE_DEREF, idx);
    case K_GLOBAL:
        idx = cg_add_name(c, mangled);
        if (idx < 0) return -1;
        return cg_emit(c, ctx == Load ? OP_LOAD_GLOBAL : ctx == Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, idx);
    default:
        idx = cg_add_name(c, mangled);
        if (idx < 0) return -1;
        return cg_emit(c, ctx == Load ? OP_LOAD_NAME : ctx == Store ? OP_STORE_NAME : OP_DELETE_NAME, idx);
    }
}

/* ---------------------------------------------------------------------- */
/* fblocks */

int cg_push_fblock(Compiler *c, int type, int l_cont, int l_break, Node *node, const char *name)
{
    Unit *u = c->u;
    if (u->nfblocks >= MAX_FBLOCKS) {
        cg_error(c, node, "too many statically nested blocks");
        return -1;
    }
    FBlock *b = &u->fblocks[u->nfblocks++];
    b->type = type;
    b->l_cont = l_cont;
    b->l_break = l_break;
    b->node = node;
    b->name = name;
    return 0;
}

void cg_pop_fblock(Compiler *c)
{
    c->u->nfblocks--;
}

/* ---------------------------------------------------------------------- */
/* units */

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int cg_enter_unit(Compiler *c, Scope *s, const char *name, int firstlineno)
{
    Unit *u = calloc(1, sizeof(Unit));
    if (!u) { err_no_memory(); return -1; }
    u->parent = c->u;
    u->scope = s;
    u->firstlineno = firstlineno;
    u->consts = list_new(0);
    u->const_map = dict_new();
    u->names = dict_new();
    u->varnames = dict_new();
    u->cellvars = dict_new();
    u->freevars = dict_new();
    u->name = str_from_cstr(name);
    u->loc.line = firstlineno;
    u->loc.end_line = firstlineno;
    u->loc.col = u->loc.end_col = -1;
    c->u = u;
    if (!u->consts || !u->const_map || !u->names || !u->varnames || !u->cellvars || !u->freevars || !u->name)
        return -1;
    /* qualname */
    Unit *p = u->parent;
    if (!p || s->kind == SCOPE_MODULE) {
        u->qualname = NEWREF(u->name);
    } else {
        Symbol *ps = scope_lookup(p->scope, s->name ? s->name : "");
        bool global = ps && ps->scope == SC_GLOBAL_EXPLICIT;
        if (p->scope->kind == SCOPE_MODULE || global) {
            u->qualname = NEWREF(u->name);
        } else if (p->scope->kind == SCOPE_CLASS) {
            u->qualname = str_from_format("%U.%U", p->qualname, u->name);
        } else {
            u->qualname = str_from_format("%U.<locals>.%U", p->qualname, u->name);
        }
        if (!u->qualname) return -1;
    }
    /* varnames: parameters, then other locals (function scopes) */
    bool fn = unit_is_function(u);
    for (int i = 0; i < s->nparams; i++)
        if (dict_index(u->varnames, s->params[i]) < 0) return -1;
    if (fn) {
        for (int i = 0; i < s->nsyms; i++) {
            Symbol *sym = &s->syms[i];
            if (sym->scope == SC_LOCAL && dict_index(u->varnames, sym->name) < 0) return -1;
        }
    }
    /* cellvars and freevars, sorted */
    const char **tmp = malloc(sizeof(char *) * (size_t)(s->nsyms + 1));
    if (!tmp) { err_no_memory(); return -1; }
    int nt = 0;
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == SC_CELL) tmp[nt++] = s->syms[i].name;
    if (s->kind == SCOPE_CLASS && s->needs_class_cell) tmp[nt++] = "__class__";
    qsort(tmp, (size_t)nt, sizeof(char *), cmp_cstr);
    for (int i = 0; i < nt; i++) if (dict_index(u->cellvars, tmp[i]) < 0) { free(tmp); return -1; }
    nt = 0;
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == SC_FREE || s->syms[i].in_freevars) tmp[nt++] = s->syms[i].name;
    qsort(tmp, (size_t)nt, sizeof(char *), cmp_cstr);
    for (int i = 0; i < nt; i++) if (dict_index(u->freevars, tmp[i]) < 0) { free(tmp); return -1; }
    free(tmp);
    return 0;
}

static void unit_free(Unit *u)
{
    free(u->instrs);
    free(u->labels);
    XDECREF(u->consts);
    XDECREF(u->const_map);
    XDECREF(u->names);
    XDECREF(u->varnames);
    XDECREF(u->cellvars);
    XDECREF(u->freevars);
    XDECREF(u->name);
    XDECREF(u->qualname);
    free(u);
}

static Obj *dict_to_tuple(Obj *d)
{
    ssize_t n = dict_size(d);
    Obj *t = tuple_new(n);
    if (!t) return NULL;
    ssize_t pos = 0;
    Obj *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        INCREF(k);
        TUPLE_SET(t, SMALLINT_VALUE(v), k);
    }
    return t;
}

/* Stack effect of an instruction: fall-through (jump=0) or taken (jump=1). */
static int stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case OP_BUILD_SLICE: case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP: return -arg;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case OP_CALL: return -arg - 1;
    case OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case OP_MAKE_FUNCTION: return -__builtin_popcount((unsigned)arg & 0xf);
    case OP_RAISE_VARARGS: return -arg;
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_WITH_NORMAL_EXIT: return arg ? 0 : -1;
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_SEND: return jump ? -1 : 0;
    case OP_CHECK_EG_MATCH: return jump ? -1 : 0;
    case OP_SETUP_FINALLY: return jump ? 2 : 0;
    case OP_SETUP_WITH: return jump ? 1 : 0;
    case OP_GET_ANEXT: return 1;
    default: break;
    }
    static const signed char pops[OP_COUNT] = {
#define X(name, pop, push, note) [OP_##name] = pop,
        OPCODES(X)
#undef X
    };
    static const signed char pushes[OP_COUNT] = {
#define X(name, pop, push, note) [OP_##name] = push,
        OPCODES(X)
#undef X
    };
    return pushes[op] - pops[op];
}

static bool is_terminal(int op)
{
    return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RERAISE || op == OP_RAISE_VARARGS;
}

static int compute_stacksize(Instr *ins, int n)
{
    int *depth = malloc(sizeof(int) * (size_t)(n + 1));
    int *work = malloc(sizeof(int) * (size_t)(n + 1));
    if (!depth || !work) { free(depth); free(work); err_no_memory(); return -1; }
    for (int i = 0; i <= n; i++) depth[i] = -1;
    int nw = 0, maxd = 0, wcap = n + 1;
    depth[0] = 0;
    work[nw++] = 0;
    while (nw > 0) {
        int i = work[--nw];
        int d = depth[i];
        for (; i < n; i++) {
            int op = ins[i].op, arg = ins[i].arg;
            if (is_jump(op)) {
                int t = arg;
                int td = d + stack_effect(op, arg, 1);
                if (td > maxd) maxd = td;
                if (t >= 0 && t <= n && depth[t] < td) {
                    depth[t] = td;
                    if (nw >= wcap) {
                        wcap *= 2;
                        int *nwk = realloc(work, sizeof(int) * (size_t)wcap);
                        if (!nwk) { free(depth); free(work); err_no_memory(); return -1; }
                        work = nwk;
                    }
                    work[nw++] = t;
                }
            }
            int nd = d + stack_effect(op, arg, 0);
            if (nd > maxd) maxd = nd;
            if (is_terminal(op)) break;
            if (i + 1 <= n) {
                if (depth[i + 1] >= nd) break;
                depth[i + 1] = nd;
            }
            d = nd;
            if (d < 0) d = 0;
        }
    }
    free(depth);
    free(work);
    return maxd + 2;
}

Obj *cg_leave_unit(Compiler *c)
{
    Unit *u = c->u;
    Obj *code = NULL;
    /* resolve labels */
    for (int i = 0; i < u->ninstrs; i++) {
        if (is_jump(u->instrs[i].op)) {
            int l = u->instrs[i].arg;
            u->instrs[i].arg = (l >= 0 && l < u->nlabels && u->labels[l] >= 0) ? u->labels[l] : u->ninstrs;
        }
    }
    int stacksize = compute_stacksize(u->instrs, u->ninstrs);
    uint32_t *words = malloc(sizeof(uint32_t) * (size_t)(u->ninstrs + 1));
    CodePos *pos = malloc(sizeof(CodePos) * (size_t)(u->ninstrs + 1));
    Obj *consts = NULL, *names = NULL, *varnames = NULL, *cellvars = NULL, *freevars = NULL;
    if (!words || !pos) { err_no_memory(); goto done; }
    if (stacksize < 0) goto done;
    for (int i = 0; i < u->ninstrs; i++) {
        words[i] = MAKE_INSTR(u->instrs[i].op, u->instrs[i].arg);
        pos[i] = u->instrs[i].pos;
    }
    consts = list_as_tuple(u->consts);
    names = dict_to_tuple(u->names);
    varnames = dict_to_tuple(u->varnames);
    cellvars = dict_to_tuple(u->cellvars);
    freevars = dict_to_tuple(u->freevars);
    if (!consts || !names || !varnames || !cellvars || !freevars) goto done;
    Scope *s = u->scope;
    int flags = u->flags;
    if (unit_is_function(u)) {
        flags |= CO_OPTIMIZED | CO_NEWLOCALS;
        if (s->is_generator && s->is_coroutine) flags |= CO_ASYNC_GENERATOR;
        else if (s->is_generator) flags |= CO_GENERATOR;
        else if (s->is_coroutine) flags |= CO_COROUTINE;
        if (u->parent && unit_is_function(u->parent)) flags |= CO_NESTED;
    }
    if (TUPLE_SIZE(freevars) == 0 && TUPLE_SIZE(cellvars) == 0) flags |= CO_NOFREE;
    code = code_new(words, pos, u->ninstrs, consts, names, varnames, cellvars, freevars, c->filename,
                    u->name, u->qualname, u->argcount, u->posonlyargcount, u->kwonlyargcount,
                    stacksize, flags, u->firstlineno);
done:
    free(words);
    free(pos);
    XDECREF(consts);
    XDECREF(names);
    XDECREF(varnames);
    XDECREF(cellvars);
    XDECREF(freevars);
    c->u = u->parent;
    unit_free(u);
    return code;
}

/* ---------------------------------------------------------------------- */
/* constants */

Obj *cg_const_value(Compiler *c, ConstValue *v)
{
    switch (v->kind) {
    case CONST_NONE: return None;
    case CONST_TRUE: return True_;
    case CONST_FALSE: return False_;
    case CONST_ELLIPSIS: return Ellipsis;
    case CONST_INT: {
        const char *t = v->text;
        int base = 10;
        if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) base = 16;
        else if (t[0] == '0' && (t[1] == 'o' || t[1] == 'O')) base = 8;
        else if (t[0] == '0' && (t[1] == 'b' || t[1] == 'B')) base = 2;
        if (base == 10) {
            /* fast path */
            size_t n = strlen(t);
            if (n < 18) {
                long long x = 0;
                for (size_t i = 0; i < n; i++) x = x * 10 + (t[i] - '0');
                return int_from_long(x);
            }
            return int_from_string(t, (ssize_t)n, 10);
        }
        return int_from_string(t, (ssize_t)strlen(t), 0);
    }
    case CONST_FLOAT: return float_from_double(v->f);
    case CONST_IMAG: return complex_from_doubles(0.0, v->f);
    case CONST_STR: return str_from_utf8(v->s, (ssize_t)v->len);
    case CONST_BYTES: return bytes_from(v->s, (ssize_t)v->len);
    }
    return None;
}

/* ---------------------------------------------------------------------- */
/* functions */

static Node *docstring_node(NodeList *body)
{
    if (body->n == 0) return NULL;
    Node *s = body->items[0];
    if (s->kind != Expr_kind) return NULL;
    Node *e = s->v.Expr.value;
    if (e->kind == Constant_kind && e->v.Constant.value.kind == CONST_STR) return e;
    return NULL;
}

/* Emit LOAD_CLOSURE for each free variable of code and MAKE_FUNCTION. */
int cg_make_closure(Compiler *c, Obj *code, int flags)
{
    CodeObj *co = (CodeObj *)code;
    ssize_t nfree = TUPLE_SIZE(co->freevars);
    if (nfree > 0) {
        for (ssize_t i = 0; i < nfree; i++) {
            const char *name = STR_DATA(TUPLE_GET(co->freevars, i));
            int idx = dict_find(c->u->cellvars, name);
            if (idx < 0) {
                idx = dict_find(c->u->freevars, name);
                if (idx < 0) {
                    err_format(&Exc_SystemError, "compiler: free variable '%s' not found in enclosing scope", name);
                    return -1;
                }
                idx += (int)dict_size(c->u->cellvars);
            }
            EMIT(LOAD_CLOSURE, idx);
        }
        EMIT(BUILD_TUPLE, (int)nfree);
        flags |= 8;
    }
    int ci = cg_add_const(c, code);
    if (ci < 0) return -1;
    EMIT(LOAD_CONST, ci);
    EMIT(MAKE_FUNCTION, flags);
    return 0;
}

static int visit_annotations_dict(Compiler *c, Node *args, Node *returns, int *flags)
{
    int n = 0;
    if (args) {
        for (int pass = 0; pass < 5; pass++) {
            NodeList *l = NULL;
            Node *single = NULL;
            if (pass == 0) l = &args->v.Arguments.posonlyargs;
            else if (pass == 1) l = &args->v.Arguments.args;
            else if (pass == 2) single = args->v.Arguments.vararg;
            else if (pass == 3) l = &args->v.Arguments.kwonlyargs;
            else single = args->v.Arguments.kwarg;
            int cnt = l ? l->n : (single ? 1 : 0);
            for (int i = 0; i < cnt; i++) {
                Node *a = l ? l->items[i] : single;
                if (!a->v.Arg.annotation) continue;
                CG_CHECK(cg_load_const_new(c, str_from_cstr(cg_mangle(c, a->v.Arg.arg))));
                CG_CHECK(cg_expr(c, a->v.Arg.annotation));
                n++;
            }
        }
    }
    if (returns) {
        CG_CHECK(cg_load_const_new(c, str_from_cstr("return")));
        CG_CHECK(cg_expr(c, returns));
        n++;
    }
    if (n) {
        EMIT(BUILD_MAP, n);
        *flags |= 4;
    }
    return 0;
}

static int visit_defaults(Compiler *c, Node *args, int *flags)
{
    if (!args) return 0;
    NodeList *d = &args->v.Arguments.defaults;
    if (d->n) {
        for (int i = 0; i < d->n; i++) CG_CHECK(cg_expr(c, d->items[i]));
        EMIT(BUILD_TUPLE, d->n);
        *flags |= 1;
    }
    NodeList *kw = &args->v.Arguments.kw_defaults;
    int nkw = 0;
    for (int i = 0; i < kw->n; i++) {
        if (!kw->items[i]) continue;
        Node *arg = args->v.Arguments.kwonlyargs.items[i];
        CG_CHECK(cg_load_const_new(c, str_from_cstr(cg_mangle(c, arg->v.Arg.arg))));
        CG_CHECK(cg_expr(c, kw->items[i]));
        nkw++;
    }
    if (nkw) {
        EMIT(BUILD_MAP, nkw);
        *flags |= 2;
    }
    return 0;
}

/* No parameter may be named __debug__ (reported at the def / lambda). */
static int check_debug_args(Compiler *c, Node *n, Node *args)
{
    NodeList *lists[3] = { &args->v.Arguments.posonlyargs, &args->v.Arguments.args,
                           &args->v.Arguments.kwonlyargs };
    Node *single[2] = { args->v.Arguments.vararg, args->v.Arguments.kwarg };
    bool bad = false;
    for (int l = 0; l < 3 && !bad; l++)
        for (int i = 0; i < lists[l]->n && !bad; i++)
            bad = strcmp(lists[l]->items[i]->v.Arg.arg, "__debug__") == 0;
    for (int i = 0; i < 2 && !bad; i++)
        bad = single[i] && strcmp(single[i]->v.Arg.arg, "__debug__") == 0;
    if (!bad) return 0;
    cg_error(c, n, "cannot assign to __debug__");
    return -1;
}

int cg_function(Compiler *c, Node *n)
{
    bool is_lambda = n->kind == Lambda_kind;
    Node *args = is_lambda ? n->v.Lambda.args : n->v.FunctionDef.args;
    Scope *s = scope_child_for(c->u->scope, n);
    if (!s) { err_set_str(&Exc_SystemError, "compiler: missing scope"); return -1; }
    if (args && check_debug_args(c, n, args) < 0) return -1;
    int flags = 0;
    CG_CHECK(visit_defaults(c, args, &flags));
    if (!is_lambda) CG_CHECK(visit_annotations_dict(c, args, n->v.FunctionDef.returns, &flags));
    int firstline = n->lineno;
    if (!is_lambda && n->v.FunctionDef.decorator_list.n)
        firstline = n->v.FunctionDef.decorator_list.items[0]->lineno;
    CG_CHECK(cg_enter_unit(c, s, is_lambda ? "<lambda>" : n->v.FunctionDef.name, firstline));
    Unit *u = c->u;
    u->in_async_func = n->kind == AsyncFunctionDef_kind;
    if (args) {
        u->posonlyargcount = args->v.Arguments.posonlyargs.n;
        u->argcount = args->v.Arguments.posonlyargs.n + args->v.Arguments.args.n;
        u->kwonlyargcount = args->v.Arguments.kwonlyargs.n;
        if (args->v.Arguments.vararg) u->flags |= CO_VARARGS;
        if (args->v.Arguments.kwarg) u->flags |= CO_VARKEYWORDS;
    }
    int ok = 0;
    if (is_lambda) {
        /* None first so a lambda never has a docstring */
        if (cg_add_const(c, None) < 0) ok = -1;
        cg_set_loc(c, n->v.Lambda.body);
        if (!ok && cg_expr(c, n->v.Lambda.body) < 0) ok = -1;
        if (!ok && s->is_generator) {
            /* a generator lambda returns None */
        }
        if (!ok) ok = cg_emit(c, OP_RETURN_VALUE, 0);
    } else {
        NodeList *body = &n->v.FunctionDef.body;
        Node *doc = docstring_node(body);
        int start = 0;
        if (doc) {
            Obj *d = cg_const_value(c, &doc->v.Constant.value);
            if (!d || cg_add_const(c, d) < 0) ok = -1;
            XDECREF(d);
            start = 1;
        } else if (cg_add_const(c, None) < 0) ok = -1;
        for (int i = start; i < body->n && !ok; i++) ok = cg_stmt(c, body->items[i]);
        if (!ok) {
            /* implicit return None, positioned at the last statement */
            if (body->n) {
                Node *last = body->items[body->n - 1];
                if (last->kind != Return_kind) {
                    c->u->loc.line = c->u->loc.end_line = last->end_lineno;
                    c->u->loc.col = c->u->loc.end_col = -1;
                }
            }
            ok = cg_emit(c, OP_LOAD_CONST, cg_add_const(c, None));
            if (!ok) ok = cg_emit(c, OP_RETURN_VALUE, 0);
        }
    }
    if (ok < 0) {
        Unit *dead = c->u;
        c->u = dead->parent;
        unit_free(dead);
        return -1;
    }
    Obj *code = cg_leave_unit(c);
    if (!code) return -1;
    int r = cg_make_closure(c, code, flags);
    DECREF(code);
    return r;
}

/* Does a statement list contain an annotated assignment (not in nested scopes)? */
static bool find_ann(NodeList *body)
{
    for (int i = 0; i < body->n; i++) {
        Node *s = body->items[i];
        switch (s->kind) {
        case AnnAssign_kind: return true;
        case For_kind: case AsyncFor_kind:
            if (find_ann(&s->v.For.body) || find_ann(&s->v.For.orelse)) return true;
            break;
        case While_kind: case If_kind:
            if (find_ann(&s->v.While.body) || find_ann(&s->v.While.orelse)) return true;
            break;
        case With_kind: case AsyncWith_kind:
            if (find_ann(&s->v.With.body)) return true;
            break;
        case Try_kind: case TryStar_kind:
            if (find_ann(&s->v.Try.body) || find_ann(&s->v.Try.orelse) || find_ann(&s->v.Try.finalbody)) return true;
            for (int k = 0; k < s->v.Try.handlers.n; k++)
                if (find_ann(&s->v.Try.handlers.items[k]->v.ExceptHandler.body)) return true;
            break;
        case Match_kind:
            for (int k = 0; k < s->v.Match.cases.n; k++)
                if (find_ann(&s->v.Match.cases.items[k]->v.MatchCase.body)) return true;
            break;
        default: break;
        }
    }
    return false;
}

int cg_body(Compiler *c, NodeList *body)
{
    for (int i = 0; i < body->n; i++) CG_CHECK(cg_stmt(c, body->items[i]));
    return 0;
}

int cg_class(Compiler *c, Node *n)
{
    Scope *s = scope_child_for(c->u->scope, n);
    if (!s) { err_set_str(&Exc_SystemError, "compiler: missing class scope"); return -1; }
    NodeList *decos = &n->v.ClassDef.decorator_list;
    for (int i = 0; i < decos->n; i++) {
        EMIT(PUSH_NULL, 0);
        CG_CHECK(cg_expr(c, decos->items[i]));
    }
    cg_set_loc(c, n);
    int firstline = decos->n ? decos->items[0]->lineno : n->lineno;
    EMIT(PUSH_NULL, 0);
    EMIT(LOAD_BUILD_CLASS, 0);
    /* class body */
    CG_CHECK(cg_enter_unit(c, s, n->v.ClassDef.name, firstline));
    int ok = 0;
    NodeList *body = &n->v.ClassDef.body;
    cg_set_loc(c, n);
    c->u->loc.line = c->u->loc.end_line = firstline;
    ok = cg_nameop(c, "__name__", Load);
    if (!ok) ok = cg_nameop(c, "__module__", Store);
    if (!ok) { INCREF(c->u->qualname); ok = cg_load_const_new(c, c->u->qualname); }
    if (!ok) ok = cg_nameop(c, "__qualname__", Store);
    int start = 0;
    Node *doc = docstring_node(body);
    if (!ok && doc) {
        cg_set_loc(c, doc);
        ok = cg_load_const_new(c, cg_const_value(c, &doc->v.Constant.value));
        if (!ok) ok = cg_nameop(c, "__doc__", Store);
        start = 1;
    }
    if (!ok && find_ann(body)) ok = cg_emit(c, OP_SETUP_ANNOTATIONS, 0);
    for (int i = start; i < body->n && !ok; i++) ok = cg_stmt(c, body->items[i]);
    if (!ok) {
        if (s->needs_class_cell) {
            /* return the cell, and hand it to type.__new__ as __classcell__ */
            int idx = dict_find(c->u->cellvars, "__class__");
            ok = cg_emit(c, OP_LOAD_CLOSURE, idx);
            if (!ok) ok = cg_emit(c, OP_COPY, 1);
            if (!ok) ok = cg_nameop(c, "__classcell__", Store);
        } else {
            ok = cg_emit(c, OP_LOAD_CONST, cg_add_const(c, None));
        }
        if (!ok) ok = cg_emit(c, OP_RETURN_VALUE, 0);
    }
    if (ok < 0) {
        Unit *dead = c->u;
        c->u = dead->parent;
        unit_free(dead);
        return -1;
    }
    Obj *code = cg_leave_unit(c);
    if (!code) return -1;
    cg_set_loc(c, n);
    int r = cg_make_closure(c, code, 0);
    DECREF(code);
    CG_CHECK(r);
    CG_CHECK(cg_load_const_new(c, str_from_cstr(n->v.ClassDef.name)));
    CG_CHECK(cg_call_helper(c, 2, &n->v.ClassDef.bases, &n->v.ClassDef.keywords));
    for (int i = 0; i < decos->n; i++) EMIT(CALL, 1);
    return cg_nameop(c, n->v.ClassDef.name, Store);
}

/* ---------------------------------------------------------------------- */
/* entry point */

static Obj *compile_module(Compiler *c, Node *mod)
{
    if (cg_enter_unit(c, c->st.top, "<module>", 1) < 0) goto fail;
    c->u->loc.line = c->u->loc.end_line = 1;
    int ok = 0;
    if (mod->kind == Expression_kind) {
        cg_set_loc(c, mod->v.Expression.body);
        ok = cg_expr(c, mod->v.Expression.body);
        if (!ok) ok = cg_emit(c, OP_RETURN_VALUE, 0);
    } else {
        NodeList *body = &mod->v.Module.body;
        int start = 0;
        if (mod->kind == Module_kind) {
            Node *doc = docstring_node(body);
            if (doc) {
                cg_set_loc(c, doc);
                ok = cg_load_const_new(c, cg_const_value(c, &doc->v.Constant.value));
                if (!ok) ok = cg_nameop(c, "__doc__", Store);
                start = 1;
            }
        }
        if (!ok && find_ann(body)) ok = cg_emit(c, OP_SETUP_ANNOTATIONS, 0);
        for (int i = start; i < body->n && !ok; i++) ok = cg_stmt(c, body->items[i]);
        if (!ok) {
            if (body->n) {
                Node *last = body->items[body->n - 1];
                c->u->loc.line = c->u->loc.end_line = last->end_lineno;
                c->u->loc.col = c->u->loc.end_col = -1;
            }
            ok = cg_emit(c, OP_LOAD_CONST, cg_add_const(c, None));
            if (!ok) ok = cg_emit(c, OP_RETURN_VALUE, 0);
        }
    }
    if (ok < 0) goto fail;
    return cg_leave_unit(c);
fail:
    while (c->u) {
        Unit *dead = c->u;
        c->u = dead->parent;
        unit_free(dead);
    }
    return NULL;
}

Obj *compile_source(const char *src, ssize_t len, Obj *filename, int mode, int flags)
{
    if (len < 0) len = (ssize_t)strlen(src);
    Arena *arena = arena_new();
    if (!arena) return err_no_memory();
    ParseError pe;
    memset(&pe, 0, sizeof pe);
    int pmode = mode == COMPILE_EVAL ? PARSE_EVAL : mode == COMPILE_SINGLE ? PARSE_SINGLE : PARSE_FILE;
    const char *fname = filename && str_check(filename) ? STR_DATA(filename) : "<string>";
    Node *mod = parse_source(arena, src, (size_t)len, fname, pmode, flags, &pe);
    if (!mod) {
        if (!err_occurred()) {
            if (pe.kind == PERR_MEMORY) err_no_memory();
            else if (pe.kind == PERR_RECURSION)
                err_set_str(&Exc_RecursionError, pe.msg[0] ? pe.msg
                            : "maximum recursion depth exceeded during compilation");
            else {
                TypeObj *t = pe.kind == PERR_INDENTATION ? &Exc_IndentationError
                           : pe.kind == PERR_TAB ? &Exc_TabError : &Exc_SyntaxError;
                err_syntax(t, pe.msg, filename, pe.lineno, pe.col_offset, pe.end_lineno, pe.end_col_offset, pe.text);
            }
        }
        parse_error_free(&pe);
        arena_free(arena);
        return NULL;
    }
    Compiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.src = src;
    c.srclen = (size_t)len;
    c.arena = arena;
    c.mode = mode;
    c.st.arena = arena;
    c.st.filename = filename;
    c.st.src = src;
    c.st.srclen = (size_t)len;
    Obj *code = NULL;
    if (symtable_build(&c.st, mod) == 0) code = compile_module(&c, mod);
    symtable_free(&c.st);
    arena_free(arena);
    if (!code && !err_occurred()) err_set_str(&Exc_SystemError, "compile failed");
    if (code && getenv("GILPY_DIS")) code_dump(code, stderr);
    return code;
}
