/* compile_expr.c — code generation for expressions, assignment targets,
 * calls and comprehensions. */
#include "core/compile_int.h"

static int cmp_op(CmpOpKind k)
{
    switch (k) {
    case Eq: return CMP_EQ;
    case NotEq: return CMP_NE;
    case Lt: return CMP_LT;
    case LtE: return CMP_LE;
    case Gt: return CMP_GT;
    case GtE: return CMP_GE;
    default: return CMP_EQ;
    }
}

static void check_caller(Compiler *c, Node *f);
static int emit_compare(Compiler *c, CmpOpKind k)
{
    switch (k) {
    case Is: return cg_emit(c, OP_IS_OP, 0);
    case IsNot: return cg_emit(c, OP_IS_OP, 1);
    case In: return cg_emit(c, OP_CONTAINS_OP, 0);
    case NotIn: return cg_emit(c, OP_CONTAINS_OP, 1);
    default: return cg_emit(c, OP_COMPARE_OP, cmp_op(k));
    }
}

static bool has_starred(NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i]->kind == Starred_kind) return true;
    return false;
}

/* Try to turn a constant expression into an object (tuples of constants, -1). */
static Obj *const_fold(Compiler *c, Node *n)
{
    if (n->kind == Constant_kind) {
        return cg_const_value(c, &n->v.Constant.value);   /* new reference */
    }
    if (n->kind == UnaryOp_kind && n->v.UnaryOp.op == USub && n->v.UnaryOp.operand->kind == Constant_kind) {
        ConstValue *cv = &n->v.UnaryOp.operand->v.Constant.value;
        if (cv->kind == CONST_INT || cv->kind == CONST_FLOAT || cv->kind == CONST_IMAG) {
            Obj *v = cg_const_value(c, cv);
            if (!v) return NULL;
            Obj *r = obj_neg(v);
            DECREF(v);
            return r;
        }
        return NULL;
    }
    if (n->kind == Tuple_kind && n->v.List.ctx == Load) {
        NodeList *l = &n->v.List.elts;
        Obj *t = tuple_new(l->n);
        if (!t) return NULL;
        for (int i = 0; i < l->n; i++) {
            Obj *e = const_fold(c, l->items[i]);
            if (!e) { DECREF(t); return NULL; }
            TUPLE_SET(t, i, e);
        }
        return t;
    }
    return NULL;
}

static bool is_foldable(Node *n)
{
    if (n->kind == Constant_kind) return true;
    if (n->kind == UnaryOp_kind && n->v.UnaryOp.op == USub && n->v.UnaryOp.operand->kind == Constant_kind) {
        ConstKind k = n->v.UnaryOp.operand->v.Constant.value.kind;
        return k == CONST_INT || k == CONST_FLOAT || k == CONST_IMAG;
    }
    if (n->kind == Tuple_kind && n->v.List.ctx == Load) {
        for (int i = 0; i < n->v.List.elts.n; i++)
            if (!is_foldable(n->v.List.elts.items[i])) return false;
        return true;
    }
    return false;
}

/* Build a sequence with possible starred items: kind OP_BUILD_LIST/TUPLE/SET. */
static int starunpack(Compiler *c, NodeList *elts, int build_op)
{
    int n = elts->n;
    if (n > 2 && build_op != OP_BUILD_TUPLE) {
        /* 3+ constant items: BUILD_X 0 + constant + extend (as CPython 3.11,
         * which also fixes a set display's iteration order: the items go
         * into a frozenset in source order, then the set copies it) */
        bool all_const = true;
        for (int i = 0; i < n && all_const; i++) all_const = is_foldable(elts->items[i]);
        if (all_const) {
            Obj *t = tuple_new(n);
            if (!t) return -1;
            for (int i = 0; i < n; i++) {
                Obj *e = const_fold(c, elts->items[i]);
                if (!e) { DECREF(t); t = NULL; break; }
                TUPLE_SET(t, i, e);
            }
            if (t && build_op == OP_BUILD_SET) {
                /* CPython builds frozenset(items), and its constant merging
                 * rebuilds it from a tuple of that frozenset's items */
                Obj *fs = frozenset_new(t);
                DECREF(t);
                Obj *t2 = fs ? seq_tuple(fs) : NULL;
                XDECREF(fs);
                t = t2 ? frozenset_new(t2) : NULL;
                XDECREF(t2);
            }
            if (t) {
                CG_CHECK(cg_emit(c, build_op, 0));
                CG_CHECK(cg_load_const_new(c, t));
                return cg_emit(c, build_op == OP_BUILD_SET ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
            }
            err_clear();
        }
    }
    if (!has_starred(elts)) {
        for (int i = 0; i < n; i++) CG_CHECK(cg_expr(c, elts->items[i]));
        return cg_emit(c, build_op, n);
    }
    bool set = build_op == OP_BUILD_SET;
    EMIT(BUILD_LIST, 0);
    if (set) { c->u->instrs[c->u->ninstrs - 1].op = OP_BUILD_SET; }
    for (int i = 0; i < n; i++) {
        Node *e = elts->items[i];
        if (e->kind == Starred_kind) {
            CG_CHECK(cg_expr(c, e->v.Starred.value));
            CG_CHECK(cg_emit(c, set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1));
        } else {
            CG_CHECK(cg_expr(c, e));
            CG_CHECK(cg_emit(c, set ? OP_SET_ADD : OP_LIST_APPEND, 1));
        }
    }
    if (build_op == OP_BUILD_TUPLE) EMIT(LIST_TO_TUPLE, 0);
    return 0;
}

int cg_await_loop(Compiler *c)
{
    int l_send = cg_new_label(c), l_exit = cg_new_label(c);
    EMIT(LOAD_CONST, cg_add_const(c, None));
    cg_use_label(c, l_send);
    EMIT(SEND, l_exit);
    EMIT(YIELD_VALUE, 1);
    EMIT(JUMP, l_send);
    cg_use_label(c, l_exit);
    return 0;
}

static int check_await(Compiler *c, Node *n)
{
    Scope *s = c->u->scope;
    if (s->kind == SCOPE_MODULE || s->kind == SCOPE_CLASS) {
        cg_error(c, n, "'await' outside function");
        return -1;
    }
    if (!c->u->in_async_func && s->kind != SCOPE_COMPREHENSION) {
        cg_error(c, n, "'await' outside async function");
        return -1;
    }
    if (s->kind == SCOPE_COMPREHENSION) {
        /* allowed only if some enclosing function is async */
        Unit *u = c->u;
        while (u && u->scope->kind == SCOPE_COMPREHENSION) u = u->parent;
        if (!u || !u->in_async_func) {
            if (s->comp_kind == GeneratorExp_kind) return 0;
            cg_error(c, n, "asynchronous comprehension outside of an asynchronous function");
            return -1;
        }
    }
    return 0;
}

/* Keyword arguments (no **): push values, return kwnames const via KW_NAMES. */
int cg_call_helper(Compiler *c, int n_already, NodeList *args, NodeList *keywords)
{
    bool dstar = false;
    for (int i = 0; i < keywords->n; i++) {
        const char *kw = keywords->items[i]->v.Keyword.arg;
        if (!kw) dstar = true;
        else if (strcmp(kw, "__debug__") == 0) {
            cg_error(c, NULL, "cannot assign to __debug__");
            return -1;
        }
    }
    if (!has_starred(args) && !dstar) {
        for (int i = 0; i < args->n; i++) CG_CHECK(cg_expr(c, args->items[i]));
        int nkw = keywords->n;
        if (nkw) {
            Obj *names = tuple_new(nkw);
            if (!names) return -1;
            for (int i = 0; i < nkw; i++) {
                Node *k = keywords->items[i];
                for (int j = 0; j < i; j++)
                    if (strcmp(keywords->items[j]->v.Keyword.arg, k->v.Keyword.arg) == 0) {
                        DECREF(names);
                        cg_error(c, k, "keyword argument repeated: %s", k->v.Keyword.arg);
                        return -1;
                    }
                Obj *s = str_from_cstr(k->v.Keyword.arg);
                if (!s) { DECREF(names); return -1; }
                TUPLE_SET(names, i, s);
                CG_CHECK(cg_expr(c, k->v.Keyword.value));
            }
            int ci = cg_add_const(c, names);
            DECREF(names);
            if (ci < 0) return -1;
            EMIT(KW_NAMES, ci);
        }
        return cg_emit(c, OP_CALL, n_already + args->n + nkw);
    }
    /* general case: positional tuple and keyword dict */
    if (n_already) {
        /* arguments already pushed (class name, function): gather them */
        EMIT(BUILD_LIST, n_already);
    } else {
        EMIT(BUILD_LIST, 0);
    }
    for (int i = 0; i < args->n; i++) {
        Node *e = args->items[i];
        if (e->kind == Starred_kind) {
            CG_CHECK(cg_expr(c, e->v.Starred.value));
            EMIT(LIST_EXTEND, 1);
        } else {
            CG_CHECK(cg_expr(c, e));
            EMIT(LIST_APPEND, 1);
        }
    }
    EMIT(LIST_TO_TUPLE, 0);
    int flag = 0;
    if (keywords->n) {
        flag = 1;
        EMIT(BUILD_MAP, 0);
        for (int i = 0; i < keywords->n; i++) {
            Node *k = keywords->items[i];
            if (k->v.Keyword.arg) {
                CG_CHECK(cg_load_const_new(c, str_from_cstr(k->v.Keyword.arg)));
                CG_CHECK(cg_expr(c, k->v.Keyword.value));
                EMIT(BUILD_MAP, 1);
                EMIT(DICT_MERGE, 1);
            } else {
                CG_CHECK(cg_expr(c, k->v.Keyword.value));
                EMIT(DICT_MERGE, 1);
            }
        }
    }
    return cg_emit(c, OP_CALL_FUNCTION_EX, flag);
}

static int cg_call(Compiler *c, Node *n)
{
    Node *f = n->v.Call.func;
    check_caller(c, f);
    bool simple = !has_starred(&n->v.Call.args);
    for (int i = 0; i < n->v.Call.keywords.n; i++)
        if (!n->v.Call.keywords.items[i]->v.Keyword.arg) simple = false;
    if (f->kind == Attribute_kind && f->v.Attribute.ctx == Load && simple) {
        CG_CHECK(cg_expr(c, f->v.Attribute.value));
        CodePos saved = c->u->loc;
        cg_set_loc(c, f);
        int idx = cg_add_name(c, cg_mangle(c, f->v.Attribute.attr));
        CG_CHECK(idx);
        EMIT(LOAD_METHOD, idx);
        c->u->loc = saved;
        return cg_call_helper(c, 0, &n->v.Call.args, &n->v.Call.keywords);
    }
    EMIT(PUSH_NULL, 0);
    CG_CHECK(cg_expr(c, f));
    return cg_call_helper(c, 0, &n->v.Call.args, &n->v.Call.keywords);
}

static bool is_foldable(Node *n);

/* A literal whose identity is meaningless (CPython's check_is_arg on the
 * constant-folded tree: constants other than singletons, constant tuples). */
static bool is_literal(Node *e)
{
    if (e->kind == Constant_kind) {
        ConstKind k = e->v.Constant.value.kind;
        return !(k == CONST_NONE || k == CONST_TRUE || k == CONST_FALSE || k == CONST_ELLIPSIS);
    }
    if (e->kind == Tuple_kind || e->kind == UnaryOp_kind) return is_foldable(e);
    return false;
}

static const char *const_type_name(ConstKind k)
{
    switch (k) {
    case CONST_STR: return "str";
    case CONST_BYTES: return "bytes";
    case CONST_INT: return "int";
    case CONST_FLOAT: return "float";
    case CONST_IMAG: return "complex";
    case CONST_NONE: return "NoneType";
    case CONST_TRUE: case CONST_FALSE: return "bool";
    case CONST_ELLIPSIS: return "ellipsis";
    }
    return NULL;
}

/* The type an expression statically has (CPython's infer_type), or NULL. */
static const char *infer_type(Node *e)
{
    switch (e->kind) {
    case Tuple_kind: return "tuple";
    case List_kind: case ListComp_kind: return "list";
    case Dict_kind: case DictComp_kind: return "dict";
    case Set_kind: case SetComp_kind: return "set";
    case GeneratorExp_kind: return "generator";
    case Lambda_kind: return "function";
    case JoinedStr_kind: case FormattedValue_kind: return "str";
    case Constant_kind: return const_type_name(e->v.Constant.value.kind);
    case UnaryOp_kind:
        if (is_foldable(e)) return const_type_name(e->v.UnaryOp.operand->v.Constant.value.kind);
        return NULL;
    default: return NULL;
    }
}

/* Warnings for subscripting something that can never be subscripted that
 * way (CPython's check_subscripter / check_index). */
static void check_subscript(Compiler *c, Node *n)
{
    Node *e = n->v.Subscript.value, *s = n->v.Subscript.slice;
    char msg[200];
    bool unsub = false;
    switch (e->kind) {
    case Constant_kind: {
        ConstKind k = e->v.Constant.value.kind;
        unsub = k == CONST_NONE || k == CONST_ELLIPSIS || k == CONST_INT || k == CONST_TRUE ||
                k == CONST_FALSE || k == CONST_FLOAT || k == CONST_IMAG;
        break;
    }
    case UnaryOp_kind: unsub = is_foldable(e); break;
    case Set_kind: case SetComp_kind: case GeneratorExp_kind: case Lambda_kind: unsub = true; break;
    default: break;
    }
    if (unsub) {
        snprintf(msg, sizeof msg, "'%s' object is not subscriptable; perhaps you missed a comma?",
                 infer_type(e));
        cg_warn(c, n, msg);
        return;
    }
    if (s->kind == Slice_kind) return;
    const char *it = infer_type(s);
    if (!it || !strcmp(it, "int") || !strcmp(it, "bool")) return;
    bool seq = false;
    switch (e->kind) {
    case Constant_kind: {
        ConstKind k = e->v.Constant.value.kind;
        seq = k == CONST_STR || k == CONST_BYTES;
        break;
    }
    case Tuple_kind: case List_kind: case ListComp_kind: case JoinedStr_kind: case FormattedValue_kind:
        seq = true; break;
    default: break;
    }
    if (!seq) return;
    snprintf(msg, sizeof msg, "%s indices must be integers or slices, not %s; perhaps you missed a comma?",
             infer_type(e), it);
    cg_warn(c, n, msg);
}

static void check_compare(Compiler *c, Node *n)
{
    Node *left = n->v.Compare.left;
    for (int i = 0; i < n->v.Compare.nops; i++) {
        CmpOpKind op = n->v.Compare.ops[i];
        Node *right = n->v.Compare.comparators.items[i];
        if ((op == Is || op == IsNot) && (is_literal(left) || is_literal(right))) {
            cg_warn(c, n, op == Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                   : "\"is not\" with a literal. Did you mean \"!=\"?");
            return;
        }
        left = right;
    }
}

static void check_caller(Compiler *c, Node *f)
{
    const char *tn = NULL;
    if (f->kind == Constant_kind) {
        switch (f->v.Constant.value.kind) {
        case CONST_STR: tn = "str"; break;
        case CONST_BYTES: tn = "bytes"; break;
        case CONST_INT: tn = "int"; break;
        case CONST_FLOAT: tn = "float"; break;
        case CONST_IMAG: tn = "complex"; break;
        case CONST_NONE: tn = "NoneType"; break;
        case CONST_TRUE: case CONST_FALSE: tn = "bool"; break;
        case CONST_ELLIPSIS: tn = "ellipsis"; break;
        }
    } else if (f->kind == Tuple_kind) tn = "tuple";
    else if (f->kind == List_kind || f->kind == ListComp_kind) tn = "list";
    else if (f->kind == Dict_kind || f->kind == DictComp_kind) tn = "dict";
    else if (f->kind == Set_kind || f->kind == SetComp_kind) tn = "set";
    else if (f->kind == GeneratorExp_kind) tn = "generator";
    else if (f->kind == JoinedStr_kind) tn = "str";
    if (tn) {
        char msg[160];
        snprintf(msg, sizeof msg, "'%s' object is not callable; perhaps you missed a comma?", tn);
        cg_warn(c, f, msg);
    }
}

static int cg_compare(Compiler *c, Node *n)
{
    check_compare(c, n);
    CG_CHECK(cg_expr(c, n->v.Compare.left));
    int k = n->v.Compare.nops;
    if (k == 1) {
        CG_CHECK(cg_expr(c, n->v.Compare.comparators.items[0]));
        return emit_compare(c, n->v.Compare.ops[0]);
    }
    int cleanup = cg_new_label(c), end = cg_new_label(c);
    for (int i = 0; i < k - 1; i++) {
        CG_CHECK(cg_expr(c, n->v.Compare.comparators.items[i]));
        EMIT(SWAP, 2);
        EMIT(COPY, 2);
        CG_CHECK(emit_compare(c, n->v.Compare.ops[i]));
        EMIT(JUMP_IF_FALSE_OR_POP, cleanup);
    }
    CG_CHECK(cg_expr(c, n->v.Compare.comparators.items[k - 1]));
    CG_CHECK(emit_compare(c, n->v.Compare.ops[k - 1]));
    EMIT(JUMP, end);
    cg_use_label(c, cleanup);
    EMIT(SWAP, 2);
    EMIT(POP_TOP, 0);
    cg_use_label(c, end);
    return 0;
}

static int cg_joined(Compiler *c, Node *n)
{
    NodeList *vals = &n->v.JoinedStr.values;
    if (vals->n == 0) return cg_load_const_new(c, str_from_cstr(""));
    for (int i = 0; i < vals->n; i++) CG_CHECK(cg_expr(c, vals->items[i]));
    if (vals->n == 1 && vals->items[0]->kind == Constant_kind) return 0;
    if (vals->n == 1 && vals->items[0]->kind == FormattedValue_kind) return 0;
    return cg_emit(c, OP_BUILD_STRING, vals->n);
}

static int cg_formatted(Compiler *c, Node *n)
{
    CG_CHECK(cg_expr(c, n->v.FormattedValue.value));
    int conv = n->v.FormattedValue.conversion;
    int flags = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    if (n->v.FormattedValue.format_spec) {
        CG_CHECK(cg_expr(c, n->v.FormattedValue.format_spec));
        flags |= 4;
    }
    return cg_emit(c, OP_FORMAT_VALUE, flags);
}

static int cg_dict(Compiler *c, Node *n)
{
    NodeList *keys = &n->v.Dict.keys, *vals = &n->v.Dict.values;
    bool dstar = false;
    for (int i = 0; i < keys->n; i++)
        if (!keys->items[i]) dstar = true;
    if (!dstar && keys->n < 0xffff) {
        for (int i = 0; i < keys->n; i++) {
            CG_CHECK(cg_expr(c, keys->items[i]));
            CG_CHECK(cg_expr(c, vals->items[i]));
        }
        return cg_emit(c, OP_BUILD_MAP, keys->n);
    }
    EMIT(BUILD_MAP, 0);
    for (int i = 0; i < keys->n; i++) {
        if (!keys->items[i]) {
            CG_CHECK(cg_expr(c, vals->items[i]));
            EMIT(DICT_UPDATE, 1);
        } else {
            CG_CHECK(cg_expr(c, keys->items[i]));
            CG_CHECK(cg_expr(c, vals->items[i]));
            EMIT(MAP_ADD, 1);
        }
    }
    return 0;
}

static int cg_slice_parts(Compiler *c, Node *s)
{
    int n = 2;
    if (s->v.Slice.lower) CG_CHECK(cg_expr(c, s->v.Slice.lower));
    else EMIT(LOAD_CONST, cg_add_const(c, None));
    if (s->v.Slice.upper) CG_CHECK(cg_expr(c, s->v.Slice.upper));
    else EMIT(LOAD_CONST, cg_add_const(c, None));
    if (s->v.Slice.step) { CG_CHECK(cg_expr(c, s->v.Slice.step)); n = 3; }
    return cg_emit(c, OP_BUILD_SLICE, n);
}

static int cg_expr_inner(Compiler *c, Node *n)
{
    switch (n->kind) {
    case Constant_kind: {
        Obj *v = cg_const_value(c, &n->v.Constant.value);
        if (!v) return -1;
        int i = cg_add_const(c, v);
        DECREF(v);
        CG_CHECK(i);
        return cg_emit(c, OP_LOAD_CONST, i);
    }
    case Name_kind:
        if (n->v.Name.ctx != Load) return cg_store(c, n);
        return cg_nameop(c, n->v.Name.id, Load);
    case BoolOp_kind: {
        int end = cg_new_label(c);
        NodeList *v = &n->v.BoolOp.values;
        for (int i = 0; i < v->n - 1; i++) {
            CG_CHECK(cg_expr(c, v->items[i]));
            CG_CHECK(cg_emit(c, n->v.BoolOp.op == And ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end));
        }
        CG_CHECK(cg_expr(c, v->items[v->n - 1]));
        cg_use_label(c, end);
        return 0;
    }
    case NamedExpr_kind:
        CG_CHECK(cg_expr(c, n->v.NamedExpr.value));
        EMIT(COPY, 1);
        return cg_store(c, n->v.NamedExpr.target);
    case BinOp_kind:
        CG_CHECK(cg_expr(c, n->v.BinOp.left));
        CG_CHECK(cg_expr(c, n->v.BinOp.right));
        return cg_emit(c, OP_BINARY_OP, n->v.BinOp.op);
    case UnaryOp_kind:
        if (is_foldable(n)) {
            Obj *v = const_fold(c, n);
            if (v) return cg_load_const_new(c, v);
            err_clear();
        }
        CG_CHECK(cg_expr(c, n->v.UnaryOp.operand));
        switch (n->v.UnaryOp.op) {
        case Invert: return cg_emit(c, OP_UNARY_INVERT, 0);
        case Not: return cg_emit(c, OP_UNARY_NOT, 0);
        case UAdd: return cg_emit(c, OP_UNARY_POSITIVE, 0);
        case USub: return cg_emit(c, OP_UNARY_NEGATIVE, 0);
        }
        return 0;
    case Lambda_kind:
        return cg_function(c, n);
    case IfExp_kind: {
        int l_else = cg_new_label(c), end = cg_new_label(c);
        CG_CHECK(cg_jump_if(c, n->v.IfExp.test, l_else, 0));
        CG_CHECK(cg_expr(c, n->v.IfExp.body));
        EMIT(JUMP, end);
        cg_use_label(c, l_else);
        CG_CHECK(cg_expr(c, n->v.IfExp.orelse));
        cg_use_label(c, end);
        return 0;
    }
    case Dict_kind: return cg_dict(c, n);
    case Set_kind: return starunpack(c, &n->v.Set.elts, OP_BUILD_SET);
    case ListComp_kind: case SetComp_kind: case DictComp_kind: case GeneratorExp_kind:
        return cg_comprehension(c, n);
    case Await_kind:
        CG_CHECK(check_await(c, n));
        CG_CHECK(cg_expr(c, n->v.Await.value));
        EMIT(GET_AWAITABLE, 0);
        return cg_await_loop(c);
    case Yield_kind:
        if (c->u->scope->kind != SCOPE_FUNCTION && c->u->scope->kind != SCOPE_LAMBDA) {
            cg_error(c, n, "'yield' outside function");
            return -1;
        }
        if (n->v.Await.value) CG_CHECK(cg_expr(c, n->v.Await.value));
        else EMIT(LOAD_CONST, cg_add_const(c, None));
        return cg_emit(c, OP_YIELD_VALUE, 0);
    case YieldFrom_kind:
        if (c->u->scope->kind != SCOPE_FUNCTION && c->u->scope->kind != SCOPE_LAMBDA) {
            cg_error(c, n, "'yield' outside function");
            return -1;
        }
        if (c->u->in_async_func) {
            cg_error(c, n, "'yield from' inside async function");
            return -1;
        }
        CG_CHECK(cg_expr(c, n->v.Await.value));
        EMIT(GET_YIELD_FROM_ITER, 0);
        return cg_await_loop(c);
    case Compare_kind: return cg_compare(c, n);
    case Call_kind: return cg_call(c, n);
    case FormattedValue_kind: return cg_formatted(c, n);
    case JoinedStr_kind: return cg_joined(c, n);
    case Attribute_kind: {
        if (n->v.Attribute.ctx != Load) return cg_store(c, n);
        CG_CHECK(cg_expr(c, n->v.Attribute.value));
        cg_set_loc(c, n);
        int idx = cg_add_name(c, cg_mangle(c, n->v.Attribute.attr));
        CG_CHECK(idx);
        return cg_emit(c, OP_LOAD_ATTR, idx);
    }
    case Subscript_kind:
        if (n->v.Subscript.ctx != Load) return cg_store(c, n);
        check_subscript(c, n);
        CG_CHECK(cg_expr(c, n->v.Subscript.value));
        if (n->v.Subscript.slice->kind == Slice_kind) CG_CHECK(cg_slice_parts(c, n->v.Subscript.slice));
        else CG_CHECK(cg_expr(c, n->v.Subscript.slice));
        cg_set_loc(c, n);
        return cg_emit(c, OP_BINARY_SUBSCR, 0);
    case Starred_kind:
        cg_error(c, n, "can't use starred expression here");
        return -1;
    case List_kind:
        if (n->v.List.ctx != Load) return cg_store(c, n);
        return starunpack(c, &n->v.List.elts, OP_BUILD_LIST);
    case Tuple_kind:
        if (n->v.List.ctx != Load) return cg_store(c, n);
        if (n->v.List.elts.n > 0 && is_foldable(n)) {
            Obj *v = const_fold(c, n);
            if (v) return cg_load_const_new(c, v);
            err_clear();
        }
        return starunpack(c, &n->v.List.elts, OP_BUILD_TUPLE);
    case Slice_kind:
        return cg_slice_parts(c, n);
    default:
        err_format(&Exc_SystemError, "compiler: unexpected expression kind %d", (int)n->kind);
        return -1;
    }
}

int cg_expr(Compiler *c, Node *n)
{
    if (enter_recursive_call(" during compilation") < 0) return -1;
    CodePos saved = c->u->loc;
    cg_set_loc(c, n);
    int r = cg_expr_inner(c, n);
    c->u->loc = saved;
    leave_recursive_call();
    return r;
}

/* Jump to label if truth(n) == cond; otherwise fall through. */
int cg_jump_if(Compiler *c, Node *n, int label, int cond)
{
    if (n->kind == UnaryOp_kind && n->v.UnaryOp.op == Not)
        return cg_jump_if(c, n->v.UnaryOp.operand, label, !cond);
    if (n->kind == BoolOp_kind) {
        NodeList *v = &n->v.BoolOp.values;
        bool is_or = n->v.BoolOp.op == Or;
        if (is_or == (bool)cond) {
            /* any value matching cond jumps */
            for (int i = 0; i < v->n; i++) CG_CHECK(cg_jump_if(c, v->items[i], label, cond));
        } else {
            int next = cg_new_label(c);
            for (int i = 0; i < v->n - 1; i++) CG_CHECK(cg_jump_if(c, v->items[i], next, !cond));
            CG_CHECK(cg_jump_if(c, v->items[v->n - 1], label, cond));
            cg_use_label(c, next);
        }
        return 0;
    }
    if (n->kind == Constant_kind && (n->v.Constant.value.kind == CONST_TRUE || n->v.Constant.value.kind == CONST_FALSE)) {
        bool v = n->v.Constant.value.kind == CONST_TRUE;
        if (v == (bool)cond) return cg_emit(c, OP_JUMP, label);
        return 0;
    }
    CG_CHECK(cg_expr(c, n));
    /* Like CPython 3.11: a comparison's position sticks to the jump and to
     * what follows in the same statement (an assert's raise shows carets
     * under the test); any other test jumps at the statement's position. */
    if (n->kind == Compare_kind) cg_set_loc(c, n);
    return cg_emit(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

/* ---------------------------------------------------------------------- */
/* targets */

static int unpack_target(Compiler *c, Node *n, NodeList *elts)
{
    int nstar = -1;
    for (int i = 0; i < elts->n; i++) {
        if (elts->items[i]->kind == Starred_kind) {
            if (nstar >= 0) {
                cg_error(c, elts->items[i], "multiple starred expressions in assignment");
                return -1;
            }
            nstar = i;
        }
    }
    if (nstar >= 0) {
        int after = elts->n - nstar - 1;
        if (nstar >= 256 || after >= (1 << 16)) {
            cg_error(c, n, "too many expressions in star-unpacking assignment");
            return -1;
        }
        EMIT(UNPACK_EX, nstar | (after << 8));
    } else {
        EMIT(UNPACK_SEQUENCE, elts->n);
    }
    for (int i = 0; i < elts->n; i++) {
        Node *e = elts->items[i];
        CG_CHECK(cg_store(c, e->kind == Starred_kind ? e->v.Starred.value : e));
    }
    return 0;
}

int cg_store(Compiler *c, Node *t)
{
    CodePos saved = c->u->loc;
    cg_set_loc(c, t);
    int r = 0;
    switch (t->kind) {
    case Name_kind:
        r = cg_nameop(c, t->v.Name.id, Store);
        break;
    case Attribute_kind: {
        if (strcmp(t->v.Attribute.attr, "__debug__") == 0) {
            cg_error(c, t, "cannot assign to __debug__");
            r = -1;
            break;
        }
        r = cg_expr(c, t->v.Attribute.value);
        if (r < 0) break;
        cg_set_loc(c, t);
        int idx = cg_add_name(c, cg_mangle(c, t->v.Attribute.attr));
        r = idx < 0 ? -1 : cg_emit(c, OP_STORE_ATTR, idx);
        break;
    }
    case Subscript_kind:
        r = cg_expr(c, t->v.Subscript.value);
        if (!r) r = t->v.Subscript.slice->kind == Slice_kind ? cg_slice_parts(c, t->v.Subscript.slice) : cg_expr(c, t->v.Subscript.slice);
        cg_set_loc(c, t);
        if (!r) r = cg_emit(c, OP_STORE_SUBSCR, 0);
        break;
    case Tuple_kind: case List_kind:
        r = unpack_target(c, t, &t->v.List.elts);
        break;
    case Starred_kind:
        cg_error(c, t, "starred assignment target must be in a list or tuple");
        r = -1;
        break;
    default:
        cg_error(c, t, "cannot assign to expression");
        r = -1;
        break;
    }
    c->u->loc = saved;
    return r;
}

int cg_delete(Compiler *c, Node *t)
{
    CodePos saved = c->u->loc;
    cg_set_loc(c, t);
    int r = 0;
    switch (t->kind) {
    case Name_kind:
        r = cg_nameop(c, t->v.Name.id, Del);
        break;
    case Attribute_kind: {
        r = cg_expr(c, t->v.Attribute.value);
        if (r < 0) break;
        cg_set_loc(c, t);
        int idx = cg_add_name(c, cg_mangle(c, t->v.Attribute.attr));
        r = idx < 0 ? -1 : cg_emit(c, OP_DELETE_ATTR, idx);
        break;
    }
    case Subscript_kind:
        r = cg_expr(c, t->v.Subscript.value);
        if (!r) r = t->v.Subscript.slice->kind == Slice_kind ? cg_slice_parts(c, t->v.Subscript.slice) : cg_expr(c, t->v.Subscript.slice);
        cg_set_loc(c, t);
        if (!r) r = cg_emit(c, OP_DELETE_SUBSCR, 0);
        break;
    case Tuple_kind: case List_kind:
        for (int i = 0; i < t->v.List.elts.n && !r; i++) r = cg_delete(c, t->v.List.elts.items[i]);
        break;
    default:
        cg_error(c, t, "cannot delete expression");
        r = -1;
        break;
    }
    c->u->loc = saved;
    return r;
}

/* ---------------------------------------------------------------------- */
/* comprehensions */

static int comp_generator(Compiler *c, Node *n, NodeList *gens, int gi, int depth, Node *elt, Node *val)
{
    Node *g = gens->items[gi];
    int l_start = cg_new_label(c), l_anchor = cg_new_label(c), l_if_cleanup = cg_new_label(c);
    bool is_async = g->v.Comprehension.is_async;
    if (gi == 0) {
        EMIT(LOAD_FAST, 0);     /* .0 */
    } else {
        CG_CHECK(cg_expr(c, g->v.Comprehension.iter));
        CG_CHECK(cg_emit(c, is_async ? OP_GET_AITER : OP_GET_ITER, 0));
    }
    int l_except = -1;
    cg_use_label(c, l_start);
    if (is_async) {
        l_except = cg_new_label(c);
        EMIT(SETUP_FINALLY, l_except);
        EMIT(GET_ANEXT, 0);
        CG_CHECK(cg_await_loop(c));
        EMIT(POP_BLOCK, 0);
    } else {
        EMIT(FOR_ITER, l_anchor);
    }
    CG_CHECK(cg_store(c, g->v.Comprehension.target));
    NodeList *ifs = &g->v.Comprehension.ifs;
    for (int i = 0; i < ifs->n; i++) CG_CHECK(cg_jump_if(c, ifs->items[i], l_if_cleanup, 0));
    depth++;
    if (gi + 1 < gens->n) {
        CG_CHECK(comp_generator(c, n, gens, gi + 1, depth, elt, val));
    } else {
        switch (n->kind) {
        case GeneratorExp_kind:
            CG_CHECK(cg_expr(c, elt));
            EMIT(YIELD_VALUE, 0);
            EMIT(POP_TOP, 0);
            break;
        case ListComp_kind:
            CG_CHECK(cg_expr(c, elt));
            EMIT(LIST_APPEND, depth + 1);
            break;
        case SetComp_kind:
            CG_CHECK(cg_expr(c, elt));
            EMIT(SET_ADD, depth + 1);
            break;
        default:
            CG_CHECK(cg_expr(c, elt));
            CG_CHECK(cg_expr(c, val));
            EMIT(MAP_ADD, depth + 1);
            break;
        }
    }
    cg_use_label(c, l_if_cleanup);
    EMIT(JUMP, l_start);
    if (is_async) {
        cg_use_label(c, l_except);
        EMIT(END_ASYNC_FOR, 0);
    } else {
        cg_use_label(c, l_anchor);
    }
    return 0;
}

int cg_comprehension(Compiler *c, Node *n)
{
    Scope *s = scope_child_for(c->u->scope, n);
    if (!s) { err_set_str(&Exc_SystemError, "compiler: missing comprehension scope"); return -1; }
    NodeList *gens = n->kind == DictComp_kind ? &n->v.DictComp.generators : &n->v.ListComp.generators;
    Node *elt = n->kind == DictComp_kind ? n->v.DictComp.key : n->v.ListComp.elt;
    Node *val = n->kind == DictComp_kind ? n->v.DictComp.value : NULL;
    bool outer_async = c->u->in_async_func;
    bool first_async = gens->items[0]->v.Comprehension.is_async;
    if (s->is_async_comp && n->kind != GeneratorExp_kind) {
        Unit *u = c->u;
        while (u && u->scope->kind == SCOPE_COMPREHENSION) u = u->parent;
        if (!u || !u->in_async_func) {
            cg_error(c, n, "asynchronous comprehension outside of an asynchronous function");
            return -1;
        }
    }
    const char *name = s->name;
    CG_CHECK(cg_enter_unit(c, s, name, n->lineno));
    c->u->in_async_func = s->is_coroutine || (s->is_async_comp && n->kind != GeneratorExp_kind) || outer_async;
    c->u->argcount = 1;
    cg_set_loc(c, n);
    int ok = 0;
    if (n->kind != GeneratorExp_kind) {
        int op = n->kind == ListComp_kind ? OP_BUILD_LIST : n->kind == SetComp_kind ? OP_BUILD_SET : OP_BUILD_MAP;
        ok = cg_emit(c, op, 0);
    }
    if (!ok) ok = comp_generator(c, n, gens, 0, 0, elt, val);
    if (!ok) {
        cg_set_loc(c, n);
        if (n->kind == GeneratorExp_kind) ok = cg_emit(c, OP_LOAD_CONST, cg_add_const(c, None));
        if (!ok) ok = cg_emit(c, OP_RETURN_VALUE, 0);
    }
    if (ok < 0) {
        Obj *dead = cg_leave_unit(c);
        XDECREF(dead);
        return -1;
    }
    Obj *code = cg_leave_unit(c);
    if (!code) return -1;
    if (s->is_coroutine && n->kind != GeneratorExp_kind)
        ((CodeObj *)code)->flags = (((CodeObj *)code)->flags & ~CO_GENERATOR) | CO_COROUTINE;
    if (n->kind == GeneratorExp_kind && (s->is_async_comp || s->is_coroutine))
        ((CodeObj *)code)->flags = (((CodeObj *)code)->flags & ~(CO_GENERATOR | CO_COROUTINE)) | CO_ASYNC_GENERATOR;
    EMIT(PUSH_NULL, 0);
    int r = cg_make_closure(c, code, 0);
    DECREF(code);
    CG_CHECK(r);
    CG_CHECK(cg_expr(c, gens->items[0]->v.Comprehension.iter));
    cg_set_loc(c, n);
    CG_CHECK(cg_emit(c, first_async ? OP_GET_AITER : OP_GET_ITER, 0));
    EMIT(CALL, 1);
    if (s->is_coroutine && n->kind != GeneratorExp_kind) {
        EMIT(GET_AWAITABLE, 0);
        CG_CHECK(cg_await_loop(c));
    }
    return 0;
}
