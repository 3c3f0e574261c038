/* parser_expr.c — expressions, call arguments, parameters and targets.
 *
 * Precedence (lowest first): lambda / if-else, or, and, not, comparisons,
 * |, ^, &, << >>, + -, * / // % @, unary + - ~, **, await, primary
 * (attribute, call, subscript), atom.  Binary levels use precedence
 * climbing; recursion depth is bounded by PARSER_MAX_DEPTH so absurdly deep
 * input fails cleanly instead of overflowing the C stack.
 */
#include "core/parser.h"
#include "object.h"

#include <string.h>

#define ENTER(p, memerr)                                                          \
    do {                                                                          \
        if (++(p)->depth > PARSER_MAX_DEPTH) {                                    \
            (p)->depth--;                                                         \
            too_deep(p, memerr);                                                  \
            return NULL;                                                          \
        }                                                                         \
    } while (0)
#define LEAVE(p) ((p)->depth--)

/* Nesting too deep.  CPython 3.11: lambda/'**' chains overflow its parser
 * stack at ~3000 levels (MemoryError); unary/not chains pass the parser up
 * to ~6000 levels and then hit the compiler's recursion limit
 * (RecursionError), beyond that the parser's MemoryError. */
static void too_deep(Parser *p, int memerr) {
    if (!memerr) {
        int run = 0;
        for (Token *t = TOK(p); t->type == T_MINUS || t->type == T_PLUS || t->type == T_TILDE ||
                                (t->type == T_NAME && t->kw == KW_not); t++)
            run++;
        if (PARSER_MAX_DEPTH + run >= 5970) memerr = 1;
    }
    if (memerr) parser_error(p, PERR_MEMORY, 0, 0, 0, 0, "%s", "");
    else parser_error(p, PERR_RECURSION, 0, 0, 0, 0, "maximum recursion depth exceeded during compilation");
}

static Node *primary(Parser *p, int in_target);
static Node *atom(Parser *p);
static Node *factor(Parser *p);
static Node *comprehension_tail(Parser *p, NodeList *gens);
int pexpr_call_args(Parser *p, NodeList *args, NodeList *kws, Token *open);

const char *pexpr_expr_name(Node *e) {
    switch (e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind: case BinOp_kind: case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind: case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind: case FormattedValue_kind: return "f-string expression";
    case Constant_kind:
        switch (e->v.Constant.value.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    default: return "expression";
    }
}

int pexpr_starts_expression(Parser *p) {
    Token *t = TOK(p);
    switch (t->type) {
    case T_NAME:
        switch (t->kw) {
        case 0: case KW_True: case KW_False: case KW_None: case KW_not: case KW_lambda:
        case KW_await:
            return 1;
        default:
            return 0;
        }
    case T_NUMBER: case T_STRING: case T_LPAR: case T_LSQB: case T_LBRACE: case T_MINUS:
    case T_PLUS: case T_TILDE: case T_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

int pexpr_token_starts_bitor(Token *t) {
    switch (t->type) {
    case T_NAME:
        return t->kw == 0 || t->kw == KW_True || t->kw == KW_False || t->kw == KW_None ||
               t->kw == KW_await;
    case T_NUMBER: case T_STRING: case T_LPAR: case T_LSQB: case T_LBRACE: case T_MINUS:
    case T_PLUS: case T_TILDE: case T_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

/* ---- targets ------------------------------------------------------------ */

Node *pexpr_invalid_target(Node *e, int kind) {
    switch (e->kind) {
    case Name_kind: case Attribute_kind: case Subscript_kind:
        return NULL;
    case Starred_kind:
        if (kind == 1) return e;
        return pexpr_invalid_target(e->v.Starred.value, kind);
    case List_kind: case Tuple_kind:
        for (int i = 0; i < e->v.List.elts.n; i++) {
            Node *r = pexpr_invalid_target(e->v.List.elts.items[i], kind);
            if (r) return r;
        }
        return NULL;
    case Compare_kind:
        if (kind == 2 && e->v.Compare.ops[0] == In)
            return pexpr_invalid_target(e->v.Compare.left, kind);
        return e;
    default:
        return e;
    }
}

static void set_ctx(Node *e, ExprContext ctx) {
    switch (e->kind) {
    case Name_kind: e->v.Name.ctx = ctx; break;
    case Attribute_kind: e->v.Attribute.ctx = ctx; break;
    case Subscript_kind: e->v.Subscript.ctx = ctx; break;
    case Starred_kind: e->v.Starred.ctx = ctx; set_ctx(e->v.Starred.value, ctx); break;
    case List_kind: case Tuple_kind:
        e->v.List.ctx = ctx;
        for (int i = 0; i < e->v.List.elts.n; i++) set_ctx(e->v.List.elts.items[i], ctx);
        break;
    default: break;
    }
}

Node *pexpr_set_target(Parser *p, Node *e, int kind) {
    Node *bad = pexpr_invalid_target(e, kind);
    if (bad) {
        return parser_err_node(p, bad, kind == 1 ? "cannot delete %s" : "cannot assign to %s",
                               pexpr_expr_name(bad));
    }
    set_ctx(e, kind == 1 ? Del : Store);
    return e;
}

static int at_target_end(Parser *p) {
    Token *t = TOK(p);
    return (t->type == T_NAME && t->kw == KW_in) || t->type == T_EQUAL || t->type == T_RPAR ||
           t->type == T_COLON || t->type == T_NEWLINE || t->type == T_RSQB || t->type == T_COMMA ||
           t->type == T_SEMI || t->type == T_RBRACE;
}

/* star_targets for `for`, comprehensions and `with ... as`. */
Node *pexpr_star_targets_ex(Parser *p, int single) {
    Token *first = TOK(p);
    int save = p->pos;
    NodeList elts = {0, NULL};
    int comma = 0, ok = 1;
    for (;;) {
        Node *e;
        if (AT(p, T_STAR)) {
            Token *st = ADVANCE(p);
            Node *v = primary(p, 1);
            if (!v) { ok = 0; break; }
            e = parser_new(p, Starred_kind, st);
            if (!e) return NULL;
            e->v.Starred.value = v;
        } else {
            e = primary(p, 1);
            if (!e) { ok = 0; break; }
        }
        if (nl_push(p, &elts, e) < 0) return NULL;
        if (single || !AT(p, T_COMMA)) break;
        ADVANCE(p);
        comma = 1;
        if (!(AT(p, T_STAR) || pexpr_starts_expression(p))) break;
    }
    if (ok && at_target_end(p) && (single || !AT(p, T_COMMA))) {
        Node *r;
        if (!comma) {
            r = elts.items[0];
        } else {
            r = parser_new(p, Tuple_kind, first);
            if (!r) return NULL;
            r->v.List.elts = elts;
        }
        return pexpr_set_target(p, r, 2);
    }
    if (p->has_err && p->err->kind == PERR_MEMORY) return NULL;
    /* fall back: parse an expression to find what cannot be assigned */
    ParseError saved = *p->err;
    int had = p->has_err;
    p->has_err = 0;
    p->pos = save;
    Node *e = pexpr_star_expressions(p);
    if (e) {
        Node *bad = pexpr_invalid_target(e, 2);
        if (bad) return parser_err_node(p, bad, "cannot assign to %s", pexpr_expr_name(bad));
    }
    p->has_err = 0;
    *p->err = saved;
    p->has_err = had;
    if (!had) {
        return parser_invalid_syntax(p);
    }
    return NULL;
}

Node *pexpr_star_targets(Parser *p) { return pexpr_star_targets_ex(p, 0); }

/* ---- binary operators --------------------------------------------------- */

static int binop_of(int type, int *prec) {
    switch (type) {
    case T_VBAR: *prec = 1; return NB_OR;
    case T_CIRCUMFLEX: *prec = 2; return NB_XOR;
    case T_AMPER: *prec = 3; return NB_AND;
    case T_LEFTSHIFT: *prec = 4; return NB_LSHIFT;
    case T_RIGHTSHIFT: *prec = 4; return NB_RSHIFT;
    case T_PLUS: *prec = 5; return NB_ADD;
    case T_MINUS: *prec = 5; return NB_SUB;
    case T_STAR: *prec = 6; return NB_MUL;
    case T_SLASH: *prec = 6; return NB_TRUEDIV;
    case T_DOUBLESLASH: *prec = 6; return NB_FLOORDIV;
    case T_PERCENT: *prec = 6; return NB_MOD;
    case T_AT: *prec = 6; return NB_MATMUL;
    }
    return -1;
}

static Node *binary(Parser *p, int minprec) {
    Token *start = TOK(p);
    Node *left = factor(p);
    if (!left) return NULL;
    for (;;) {
        int prec;
        int op = binop_of(TOK(p)->type, &prec);
        if (op < 0 || prec < minprec) break;
        ADVANCE(p);
        Node *right = binary(p, prec + 1);
        if (!right) return NULL;
        Node *n = parser_new(p, BinOp_kind, start);
        if (!n) return NULL;
        n->v.BinOp.left = left;
        n->v.BinOp.op = op;
        n->v.BinOp.right = right;
        left = n;
    }
    return left;
}

Node *pexpr_bitwise_or(Parser *p) { return binary(p, 1); }

static Node *power(Parser *p) {
    Token *start = TOK(p);
    Node *e;
    if (AT_KW(p, KW_await)) {
        ADVANCE(p);
        ENTER(p, 1);
        Node *v = primary(p, 0);
        LEAVE(p);
        if (!v) return NULL;
        e = parser_new(p, Await_kind, start);
        if (!e) return NULL;
        e->v.Await.value = v;
    } else {
        e = primary(p, 0);
        if (!e) return NULL;
    }
    if (AT(p, T_DOUBLESTAR)) {
        ADVANCE(p);
        ENTER(p, 1);
        Node *r = factor(p);
        LEAVE(p);
        if (!r) return NULL;
        Node *n = parser_new(p, BinOp_kind, start);
        if (!n) return NULL;
        n->v.BinOp.left = e;
        n->v.BinOp.op = NB_POW;
        n->v.BinOp.right = r;
        return n;
    }
    return e;
}

static Node *factor(Parser *p) {
    Token *t = TOK(p);
    int op;
    switch (t->type) {
    case T_PLUS: op = UAdd; break;
    case T_MINUS: op = USub; break;
    case T_TILDE: op = Invert; break;
    default: return power(p);
    }
    ADVANCE(p);
    ENTER(p, 0);
    Node *v = factor(p);
    LEAVE(p);
    if (!v) return NULL;
    Node *n = parser_new(p, UnaryOp_kind, t);
    if (!n) return NULL;
    n->v.UnaryOp.op = (UnaryOpKind)op;
    n->v.UnaryOp.operand = v;
    return n;
}

static int cmp_op(Parser *p, int *op) {
    Token *t = TOK(p);
    switch (t->type) {
    case T_EQEQUAL: *op = Eq; return 1;
    case T_NOTEQUAL: *op = NotEq; return 1;
    case T_LESS: *op = Lt; return 1;
    case T_LESSEQUAL: *op = LtE; return 1;
    case T_GREATER: *op = Gt; return 1;
    case T_GREATEREQUAL: *op = GtE; return 1;
    case T_NAME:
        if (t->kw == KW_in) { *op = In; return 1; }
        if (t->kw == KW_is) {
            Token *n = PEEK(p, 1);
            if (n->type == T_NAME && n->kw == KW_not) { *op = IsNot; return 2; }
            *op = Is;
            return 1;
        }
        if (t->kw == KW_not) {
            Token *n = PEEK(p, 1);
            if (n->type == T_NAME && n->kw == KW_in) { *op = NotIn; return 2; }
        }
        return 0;
    }
    return 0;
}

static Node *comparison(Parser *p) {
    Token *start = TOK(p);
    Node *left = pexpr_bitwise_or(p);
    if (!left) return NULL;
    int op, ntok = cmp_op(p, &op);
    if (!ntok) return left;
    Node *n = parser_new(p, Compare_kind, start);
    if (!n) return NULL;
    n->v.Compare.left = left;
    int cap = 0;
    while ((ntok = cmp_op(p, &op)) != 0) {
        while (ntok--) ADVANCE(p);
        Node *r = pexpr_bitwise_or(p);
        if (!r) return NULL;
        if (n->v.Compare.nops == cap) {
            int nc = cap ? cap * 2 : 4;
            CmpOpKind *ops = arena_alloc(p->arena, sizeof(CmpOpKind) * (size_t)nc);
            if (!ops) return parser_oom(p);
            if (cap) memcpy(ops, n->v.Compare.ops, sizeof(CmpOpKind) * (size_t)cap);
            n->v.Compare.ops = ops;
            cap = nc;
        }
        n->v.Compare.ops[n->v.Compare.nops++] = (CmpOpKind)op;
        if (nl_push(p, &n->v.Compare.comparators, r) < 0) return NULL;
    }
    parser_set_end(p, n);
    return n;
}

static Node *inversion(Parser *p) {
    if (AT_KW(p, KW_not)) {
        Token *t = ADVANCE(p);
        ENTER(p, 0);
        Node *v = inversion(p);
        LEAVE(p);
        if (!v) return NULL;
        Node *n = parser_new(p, UnaryOp_kind, t);
        if (!n) return NULL;
        n->v.UnaryOp.op = Not;
        n->v.UnaryOp.operand = v;
        return n;
    }
    return comparison(p);
}

static Node *boolop(Parser *p, int is_or) {
    Token *start = TOK(p);
    Node *first = is_or ? boolop(p, 0) : inversion(p);
    if (!first) return NULL;
    int kw = is_or ? KW_or : KW_and;
    if (!AT_KW(p, kw)) return first;
    Node *n = parser_new(p, BoolOp_kind, start);
    if (!n) return NULL;
    n->v.BoolOp.op = is_or ? Or : And;
    if (nl_push(p, &n->v.BoolOp.values, first) < 0) return NULL;
    while (ACCEPT_KW(p, kw)) {
        Node *v = is_or ? boolop(p, 0) : inversion(p);
        if (!v || nl_push(p, &n->v.BoolOp.values, v) < 0) return NULL;
    }
    parser_set_end(p, n);
    return n;
}

Node *pexpr_disjunction(Parser *p) { return boolop(p, 1); }

static Node *lambdef(Parser *p) {
    Token *t = ADVANCE(p);
    Node *args = pexpr_lambda_params(p, 1);
    if (!args) return NULL;
    if (!AT(p, T_COLON)) {
        if (AT(p, T_LPAR) && PREV(p) == t) {
            return parser_err_tok(p, TOK(p), "invalid syntax");
        }
        return parser_invalid_syntax(p);
    }
    ADVANCE(p);
    Node *body = pexpr_expression(p);
    if (!body) return NULL;
    Node *n = parser_new(p, Lambda_kind, t);
    if (!n) return NULL;
    n->v.Lambda.args = args;
    n->v.Lambda.body = body;
    return n;
}

Node *pexpr_expression(Parser *p) {
    ENTER(p, AT_KW(p, KW_lambda));
    Node *r;
    if (AT_KW(p, KW_lambda)) {
        r = lambdef(p);
    } else {
        Token *start = TOK(p);
        r = pexpr_disjunction(p);
        if (r && AT_KW(p, KW_if)) {
            ADVANCE(p);
            Node *test = pexpr_disjunction(p);
            if (!test) { LEAVE(p); return NULL; }
            if (!ACCEPT_KW(p, KW_else)) {
                LEAVE(p);
                if (p->has_err) return NULL;
                if (AT(p, T_COLON)) return parser_invalid_syntax(p);
                return parser_err_range(p, r, test, "expected 'else' after 'if' expression");
            }
            Node *orelse = pexpr_expression(p);
            if (!orelse) { LEAVE(p); return NULL; }
            Node *n = parser_new(p, IfExp_kind, start);
            if (!n) { LEAVE(p); return NULL; }
            n->v.IfExp.test = test;
            n->v.IfExp.body = r;
            n->v.IfExp.orelse = orelse;
            r = n;
        }
    }
    LEAVE(p);
    return r;
}

Node *pexpr_named_expression(Parser *p) {
    Token *first = TOK(p);
    if (AT_NAME(p) && PEEK(p, 1)->type == T_COLONEQUAL) {
        Token *nm = ADVANCE(p);
        Node *target = parser_new(p, Name_kind, nm);
        if (!target) return NULL;
        ADVANCE(p);
        target->v.Name.id = parser_ident(p, nm);
        target->v.Name.ctx = Store;
        Node *v = pexpr_expression(p);
        if (!v) return NULL;
        Node *n = parser_new(p, NamedExpr_kind, nm);
        if (!n) return NULL;
        n->v.NamedExpr.target = target;
        n->v.NamedExpr.value = v;
        return n;
    }
    Node *e = pexpr_expression(p);
    if (!e) return NULL;
    if (AT(p, T_COLONEQUAL)) {
        return parser_err_node(p, e, "cannot use assignment expressions with %s", pexpr_expr_name(e));
    }
    if (AT(p, T_EQUAL) && !p->in_call_args) {
        /* `if x = 1:` */
        int save = p->pos;
        ADVANCE(p);
        ParseError saved = *p->err;
        Node *b = pexpr_bitwise_or(p);
        if (b && !AT(p, T_EQUAL) && !AT(p, T_COLONEQUAL)) {
            if (e->kind == Name_kind && first->type == T_NAME)
                return parser_err_range(p, e, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            int display = (first->type == T_LPAR || first->type == T_LSQB) &&
                          (e->kind == Tuple_kind || e->kind == List_kind || e->kind == GeneratorExp_kind);
            if (!display && !(e->kind == Constant_kind && first->type == T_NAME))
                if (e->kind != Compare_kind && e->kind != BoolOp_kind && e->kind != IfExp_kind &&
                    e->kind != Lambda_kind && !(e->kind == UnaryOp_kind && e->v.UnaryOp.op == Not))
                    return parser_err_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                           pexpr_expr_name(e));
        }
        if (p->has_err && p->err->kind == PERR_MEMORY) return NULL;
        p->has_err = 0;
        *p->err = saved;
        p->pos = save;
    }
    return e;
}

static Node *star_expression(Parser *p) {
    if (AT(p, T_STAR)) {
        Token *st = ADVANCE(p);
        Node *v = pexpr_bitwise_or(p);
        if (!v) return NULL;
        Node *n = parser_new(p, Starred_kind, st);
        if (!n) return NULL;
        n->v.Starred.value = v;
        return n;
    }
    return pexpr_expression(p);
}

Node *pexpr_star_named_expression(Parser *p) {
    if (AT(p, T_STAR)) return star_expression(p);
    return pexpr_named_expression(p);
}

static Node *expr_list(Parser *p, int allow_star) {
    Token *first = TOK(p);
    Node *e = allow_star ? star_expression(p) : pexpr_expression(p);
    if (!e) return NULL;
    if (!AT(p, T_COMMA)) return e;
    Node *t = parser_new(p, Tuple_kind, first);
    if (!t) return NULL;
    if (nl_push(p, &t->v.List.elts, e) < 0) return NULL;
    while (ACCEPT(p, T_COMMA)) {
        if (!(pexpr_starts_expression(p) || (allow_star && AT(p, T_STAR)) || AT_KW(p, KW_lambda)))
            break;
        Node *x = allow_star ? star_expression(p) : pexpr_expression(p);
        if (!x || nl_push(p, &t->v.List.elts, x) < 0) return NULL;
    }
    parser_set_end(p, t);
    return t;
}

Node *pexpr_star_expressions(Parser *p) { return expr_list(p, 1); }
Node *pexpr_expressions(Parser *p) { return expr_list(p, 0); }

Node *pexpr_yield(Parser *p) {
    Token *t = ADVANCE(p);
    if (ACCEPT_KW(p, KW_from)) {
        Node *v = pexpr_expression(p);
        if (!v) return NULL;
        Node *n = parser_new(p, YieldFrom_kind, t);
        if (!n) return NULL;
        n->v.Await.value = v;
        return n;
    }
    Node *n = parser_new(p, Yield_kind, t);
    if (!n) return NULL;
    if (pexpr_starts_expression(p) || AT(p, T_STAR)) {
        n->v.Await.value = pexpr_star_expressions(p);
        if (!n->v.Await.value) return NULL;
        parser_set_end(p, n);
    }
    return n;
}

/* ---- "Perhaps you forgot a comma?" -------------------------------------- */

/* Called when an element inside brackets is followed by something that is
 * neither a separator nor a closer. */
static Node *missing_comma(Parser *p, Node *a, Token *afirst) {
    if (p->has_err) return NULL;
    if (!pexpr_starts_expression(p) || TOK(p)->level == 0) return parser_invalid_syntax(p);
    if (afirst->type == T_NAME && (afirst + 1)->type == T_STRING) return parser_invalid_syntax(p);
    if (afirst->type == T_NAME && afirst->kw == 0 && afirst->len <= 5 &&
        ((afirst->len == 5 && memcmp(afirst->start, "match", 5) == 0) ||
         (afirst->len == 4 && memcmp(afirst->start, "case", 4) == 0) ||
         (afirst->len == 1 && afirst->start[0] == '_')))
        return parser_invalid_syntax(p);
    /* `a` must be the disjunction right before the unexpected token */
    for (;;) {
        if (a->kind == Lambda_kind) a = a->v.Lambda.body;
        else if (a->kind == NamedExpr_kind) a = a->v.NamedExpr.value;
        else if (a->kind == Starred_kind) a = a->v.Starred.value;
        else if ((a->kind == Yield_kind || a->kind == YieldFrom_kind) && a->v.Await.value) a = a->v.Await.value;
        else break;
    }
    if (a->kind == IfExp_kind || a->kind == Yield_kind) return parser_invalid_syntax(p);
    int save = p->pos;
    ParseError saved = *p->err;
    Token *errtok = TOK(p);
    Node *b = pexpr_disjunction(p);
    if (b && !(AT_KW(p, KW_if) || AT_KW(p, KW_for))) {
        return parser_err_range(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
    }
    if (p->has_err && (p->err->kind == PERR_MEMORY || p->err->kind == PERR_RECURSION)) return NULL;
    p->has_err = 0;
    *p->err = saved;
    p->pos = save;
    (void)errtok;
    return parser_invalid_syntax(p);
}

/* ---- atoms -------------------------------------------------------------- */

static Node *comprehension_tail(Parser *p, NodeList *gens) {
    while (AT_KW(p, KW_for) || (AT_KW(p, KW_async) && PEEK(p, 1)->kw == KW_for)) {
        Token *start = TOK(p);
        int is_async = 0;
        if (AT_KW(p, KW_async)) { ADVANCE(p); is_async = 1; }
        ADVANCE(p);
        Node *c = parser_new(p, Comprehension_kind, start);
        if (!c) return NULL;
        c->v.Comprehension.is_async = is_async;
        c->v.Comprehension.target = pexpr_star_targets(p);
        if (!c->v.Comprehension.target) return NULL;
        if (!ACCEPT_KW(p, KW_in)) return parser_invalid_syntax(p);
        c->v.Comprehension.iter = pexpr_disjunction(p);
        if (!c->v.Comprehension.iter) return NULL;
        while (AT_KW(p, KW_if)) {
            ADVANCE(p);
            Node *cond = pexpr_disjunction(p);
            if (!cond || nl_push(p, &c->v.Comprehension.ifs, cond) < 0) return NULL;
        }
        if (nl_push(p, gens, c) < 0) return NULL;
    }
    return (Node *)gens;
}

static int at_comp_for(Parser *p) {
    return AT_KW(p, KW_for) || (AT_KW(p, KW_async) && PEEK(p, 1)->type == T_NAME && PEEK(p, 1)->kw == KW_for);
}

static Node *paren_atom(Parser *p) {
    Token *open = ADVANCE(p);
    if (AT(p, T_RPAR)) {
        ADVANCE(p);
        Node *t = parser_new(p, Tuple_kind, open);
        return t;
    }
    if (AT_KW(p, KW_yield)) {
        Node *y = pexpr_yield(p);
        if (!y) return NULL;
        if (!ACCEPT(p, T_RPAR)) return missing_comma(p, y, open + 1);
        return y;
    }
    if (AT(p, T_DOUBLESTAR)) return parser_err_tok(p, TOK(p), "cannot use double starred expression here");
    Token *efirst = TOK(p);
    Node *e = pexpr_star_named_expression(p);
    if (!e) return NULL;
    if (at_comp_for(p)) {
        if (e->kind == Starred_kind) return parser_err_node(p, e, "iterable unpacking cannot be used in comprehension");
        Node *g = parser_new(p, GeneratorExp_kind, open);
        if (!g) return NULL;
        g->v.ListComp.elt = e;
        if (!comprehension_tail(p, &g->v.ListComp.generators)) return NULL;
        if (!ACCEPT(p, T_RPAR)) {
            if (AT(p, T_COMMA) || pexpr_starts_expression(p)) return parser_invalid_syntax(p);
            return parser_invalid_syntax(p);
        }
        parser_set_end(p, g);
        return g;
    }
    if (ACCEPT(p, T_RPAR)) {
        if (e->kind == Starred_kind) return parser_err_node(p, e, "cannot use starred expression here");
        return e;
    }
    if (!AT(p, T_COMMA)) return missing_comma(p, e, efirst);
    Node *t = parser_new(p, Tuple_kind, open);
    if (!t) return NULL;
    if (nl_push(p, &t->v.List.elts, e) < 0) return NULL;
    while (ACCEPT(p, T_COMMA)) {
        if (AT(p, T_RPAR)) break;
        Token *xf = TOK(p);
        Node *x = pexpr_star_named_expression(p);
        if (!x || nl_push(p, &t->v.List.elts, x) < 0) return NULL;
        if (!AT(p, T_COMMA) && !AT(p, T_RPAR)) return missing_comma(p, x, xf);
    }
    if (!ACCEPT(p, T_RPAR)) return parser_invalid_syntax(p);
    parser_set_end(p, t);
    return t;
}

static Node *list_atom(Parser *p) {
    Token *open = ADVANCE(p);
    Node *l = parser_new(p, List_kind, open);
    if (!l) return NULL;
    if (ACCEPT(p, T_RSQB)) { parser_set_end(p, l); return l; }
    Token *efirst = TOK(p);
    Node *e = pexpr_star_named_expression(p);
    if (!e) return NULL;
    if (at_comp_for(p)) {
        if (e->kind == Starred_kind) return parser_err_node(p, e, "iterable unpacking cannot be used in comprehension");
        l->kind = ListComp_kind;
        l->v.ListComp.elt = e;
        if (!comprehension_tail(p, &l->v.ListComp.generators)) return NULL;
        if (!ACCEPT(p, T_RSQB)) return parser_invalid_syntax(p);
        parser_set_end(p, l);
        return l;
    }
    if (nl_push(p, &l->v.List.elts, e) < 0) return NULL;
    if (!AT(p, T_COMMA) && !AT(p, T_RSQB)) return missing_comma(p, e, efirst);
    while (ACCEPT(p, T_COMMA)) {
        if (AT(p, T_RSQB)) break;
        Token *xf = TOK(p);
        Node *x = pexpr_star_named_expression(p);
        if (!x || nl_push(p, &l->v.List.elts, x) < 0) return NULL;
        if (at_comp_for(p))
            return parser_err_range(p, e, x, "did you forget parentheses around the comprehension target?");
        if (!AT(p, T_COMMA) && !AT(p, T_RSQB)) return missing_comma(p, x, xf);
    }
    if (!ACCEPT(p, T_RSQB)) return parser_invalid_syntax(p);
    parser_set_end(p, l);
    return l;
}

static Node *dict_item(Parser *p, Node **key, Node **value) {
    if (AT(p, T_DOUBLESTAR)) {
        ADVANCE(p);
        *key = NULL;
        *value = pexpr_bitwise_or(p);
        return *value;
    }
    Token *kf = TOK(p);
    *key = pexpr_expression(p);
    if (!*key) return NULL;
    if (!ACCEPT(p, T_COLON)) {
        if (AT(p, T_COMMA) || AT(p, T_RBRACE) || pexpr_starts_expression(p)) {
            if (pexpr_starts_expression(p) && !(AT(p, T_COMMA) || AT(p, T_RBRACE))) {
                /* `{1: 2, 3 4}` */
                (void)kf;
            }
            parser_error(p, PERR_SYNTAX, (*key)->lineno, (*key)->col_offset + 1, (*key)->end_lineno,
                         AT(p, T_COMMA) || AT(p, T_RBRACE) ? (*key)->end_col_offset + 1 : 0,
                         "':' expected after dictionary key");
            return NULL;
        }
        return parser_invalid_syntax(p);
    }
    if (AT(p, T_STAR)) {
        Token *st = TOK(p);
        int save = p->pos;
        ADVANCE(p);
        if (pexpr_token_starts_bitor(TOK(p)))
            return parser_err_tok(p, st, "cannot use a starred expression in a dictionary value");
        p->pos = save;
    }
    if (AT(p, T_COMMA) || AT(p, T_RBRACE)) {
        Token *c = PREV(p);
        parser_error(p, PERR_SYNTAX, c->lineno, c->col + 1, c->end_lineno, c->end_col + 1,
                     "expression expected after dictionary key and ':'");
        return NULL;
    }
    *value = pexpr_expression(p);
    return *value;
}

static Node *brace_atom(Parser *p) {
    Token *open = ADVANCE(p);
    Node *n = parser_new(p, Dict_kind, open);
    if (!n) return NULL;
    if (ACCEPT(p, T_RBRACE)) { parser_set_end(p, n); return n; }
    Node *k, *v;
    int is_dict;
    if (AT(p, T_DOUBLESTAR)) {
        Token *ds = TOK(p);
        if (!dict_item(p, &k, &v)) return NULL;
        if (at_comp_for(p)) return parser_err_tok(p, ds, "dict unpacking cannot be used in dict comprehension");
        is_dict = 1;
    } else {
        Token *efirst = TOK(p);
        Node *e = pexpr_star_named_expression(p);
        if (!e) return NULL;
        if (AT(p, T_COLON) && e->kind != Starred_kind &&
            (e->kind != NamedExpr_kind || efirst->type == T_LPAR)) {
            ADVANCE(p);
            k = e;
            if (AT(p, T_STAR) && pexpr_token_starts_bitor(PEEK(p, 1)))
                return parser_err_tok(p, TOK(p), "cannot use a starred expression in a dictionary value");
            v = pexpr_expression(p);
            if (!v) return NULL;
            is_dict = 1;
        } else {
            is_dict = 0;
            if (at_comp_for(p)) {
                if (e->kind == Starred_kind) return parser_err_node(p, e, "iterable unpacking cannot be used in comprehension");
                n->kind = SetComp_kind;
                n->v.ListComp.elt = e;
                if (!comprehension_tail(p, &n->v.ListComp.generators)) return NULL;
                if (!ACCEPT(p, T_RBRACE)) return parser_invalid_syntax(p);
                parser_set_end(p, n);
                return n;
            }
            n->kind = Set_kind;
            if (nl_push(p, &n->v.Set.elts, e) < 0) return NULL;
            if (!AT(p, T_COMMA) && !AT(p, T_RBRACE)) return missing_comma(p, e, efirst);
            while (ACCEPT(p, T_COMMA)) {
                if (AT(p, T_RBRACE)) break;
                Token *xf = TOK(p);
                Node *x = pexpr_star_named_expression(p);
                if (!x || nl_push(p, &n->v.Set.elts, x) < 0) return NULL;
                if (at_comp_for(p))
                    return parser_err_range(p, e, x, "did you forget parentheses around the comprehension target?");
                if (!AT(p, T_COMMA) && !AT(p, T_RBRACE)) return missing_comma(p, x, xf);
            }
            if (!ACCEPT(p, T_RBRACE)) return parser_invalid_syntax(p);
            parser_set_end(p, n);
            return n;
        }
    }
    (void)is_dict;
    if (k && at_comp_for(p)) {
        n->kind = DictComp_kind;
        n->v.DictComp.key = k;
        n->v.DictComp.value = v;
        if (!comprehension_tail(p, &n->v.DictComp.generators)) return NULL;
        if (!ACCEPT(p, T_RBRACE)) return parser_invalid_syntax(p);
        parser_set_end(p, n);
        return n;
    }
    if (nl_push(p, &n->v.Dict.keys, k) < 0 || nl_push(p, &n->v.Dict.values, v) < 0) return NULL;
    while (ACCEPT(p, T_COMMA)) {
        if (AT(p, T_RBRACE)) break;
        if (!dict_item(p, &k, &v)) return NULL;
        if (nl_push(p, &n->v.Dict.keys, k) < 0 || nl_push(p, &n->v.Dict.values, v) < 0) return NULL;
    }
    if (!ACCEPT(p, T_RBRACE)) {
        if (!AT(p, T_COMMA) && !p->has_err) return missing_comma(p, v, TOK(p));
        return parser_invalid_syntax(p);
    }
    parser_set_end(p, n);
    return n;
}

static Node *constant(Parser *p, Token *t, ConstKind k) {
    Node *n = parser_new(p, Constant_kind, t);
    if (!n) return NULL;
    n->v.Constant.value.kind = k;
    return n;
}

static Node *atom(Parser *p) {
    Token *t = TOK(p);
    switch (t->type) {
    case T_NAME:
        switch (t->kw) {
        case 0: {
            ADVANCE(p);
            Node *n = parser_new(p, Name_kind, t);
            if (!n) return NULL;
            n->v.Name.id = parser_ident(p, t);
            n->v.Name.ctx = Load;
            return n;
        }
        case KW_True: ADVANCE(p); return constant(p, t, CONST_TRUE);
        case KW_False: ADVANCE(p); return constant(p, t, CONST_FALSE);
        case KW_None: ADVANCE(p); return constant(p, t, CONST_NONE);
        default: return parser_invalid_syntax(p);
        }
    case T_NUMBER:
        ADVANCE(p);
        return pstr_number(p, t);
    case T_STRING:
        return pstr_strings(p);
    case T_ELLIPSIS:
        ADVANCE(p);
        return constant(p, t, CONST_ELLIPSIS);
    case T_LPAR: {
        ENTER(p, 0);
        Node *r = paren_atom(p);
        LEAVE(p);
        return r;
    }
    case T_LSQB: {
        ENTER(p, 0);
        Node *r = list_atom(p);
        LEAVE(p);
        return r;
    }
    case T_LBRACE: {
        ENTER(p, 0);
        Node *r = brace_atom(p);
        LEAVE(p);
        return r;
    }
    default:
        return parser_invalid_syntax(p);
    }
}

/* ---- primary: calls, attributes, subscripts ------------------------------ */

static Node *slice_item(Parser *p) {
    Token *start = TOK(p);
    Node *lower = NULL;
    if (AT(p, T_STAR)) return star_expression(p);
    if (!AT(p, T_COLON)) {
        lower = pexpr_named_expression(p);
        if (!lower) return NULL;
        if (!AT(p, T_COLON)) return lower;
        if (lower->kind == NamedExpr_kind && start->type != T_LPAR) return parser_invalid_syntax(p);
    }
    ADVANCE(p);   /* ':' */
    Node *s = parser_new(p, Slice_kind, start);
    if (!s) return NULL;
    s->v.Slice.lower = lower;
    if (pexpr_starts_expression(p) && !AT(p, T_COLON)) {
        s->v.Slice.upper = pexpr_expression(p);
        if (!s->v.Slice.upper) return NULL;
    }
    if (ACCEPT(p, T_COLON)) {
        if (pexpr_starts_expression(p)) {
            s->v.Slice.step = pexpr_expression(p);
            if (!s->v.Slice.step) return NULL;
        }
    }
    parser_set_end(p, s);
    return s;
}

static Node *slices(Parser *p) {
    Token *first = TOK(p);
    Node *e = slice_item(p);
    if (!e) return NULL;
    if (!AT(p, T_COMMA) && e->kind != Starred_kind) {
        if (!AT(p, T_RSQB)) return missing_comma(p, e, first);
        return e;
    }
    Node *t = parser_new(p, Tuple_kind, first);
    if (!t) return NULL;
    if (nl_push(p, &t->v.List.elts, e) < 0) return NULL;
    while (ACCEPT(p, T_COMMA)) {
        if (AT(p, T_RSQB)) break;
        Token *xf = TOK(p);
        Node *x = slice_item(p);
        if (!x || nl_push(p, &t->v.List.elts, x) < 0) return NULL;
        if (!AT(p, T_COMMA) && !AT(p, T_RSQB)) return missing_comma(p, x, xf);
    }
    parser_set_end(p, t);
    return t;
}

/* Call arguments after '('; consumes ')'. */
int pexpr_call_args(Parser *p, NodeList *args, NodeList *kws, Token *open) {
    int seen_kw = 0, seen_kwunpack = 0;
    int save_ica = p->in_call_args;
    p->in_call_args = 1;
    int nargs_total = 0;
    while (!AT(p, T_RPAR)) {
        Token *start = TOK(p);
        if (AT(p, T_STAR)) {
            ADVANCE(p);
            Node *v = pexpr_expression(p);
            if (!v) goto fail;
            Node *e = parser_new(p, Starred_kind, start);
            if (!e) goto fail;
            e->v.Starred.value = v;
            if (at_comp_for(p)) {
                parser_err_node(p, e, "iterable unpacking cannot be used in comprehension");
                goto fail;
            }
            if (seen_kwunpack) {
                parser_err_node(p, e, "iterable argument unpacking follows keyword argument unpacking");
                goto fail;
            }
            if (nl_push(p, args, e) < 0) goto fail;
        } else if (AT(p, T_DOUBLESTAR)) {
            ADVANCE(p);
            Node *v = pexpr_expression(p);
            if (!v) goto fail;
            Node *k = parser_new(p, Keyword_kind, start);
            if (!k) goto fail;
            k->v.Keyword.value = v;
            if (nl_push(p, kws, k) < 0) goto fail;
            seen_kwunpack = 1;
        } else if (TOK(p)->type == T_NAME && PEEK(p, 1)->type == T_EQUAL) {
            Token *nm = ADVANCE(p);
            if (nm->kw == KW_True || nm->kw == KW_False || nm->kw == KW_None) {
                ADVANCE(p);
                parser_error(p, PERR_SYNTAX, nm->lineno, nm->col + 1, PREV(p)->end_lineno,
                             PREV(p)->end_col + 1, "cannot assign to %.*s", nm->len, nm->start);
                goto fail;
            }
            if (nm->kw) { parser_invalid_syntax(p); goto fail; }
            Token *eq = ADVANCE(p);
            Node *v = pexpr_expression(p);
            if (!v) goto fail;
            if (at_comp_for(p)) {
                parser_error(p, PERR_SYNTAX, nm->lineno, nm->col + 1, eq->end_lineno, eq->end_col + 1,
                             "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                goto fail;
            }
            Node *k = parser_new(p, Keyword_kind, nm);
            if (!k) goto fail;
            k->v.Keyword.arg = parser_ident(p, nm);
            k->v.Keyword.value = v;
            if (nl_push(p, kws, k) < 0) goto fail;
            seen_kw = 1;
        } else {
            Node *e = pexpr_named_expression(p);
            if (!e) goto fail;
            if (AT(p, T_EQUAL)) {
                ADVANCE(p);
                if (e->kind == Constant_kind && (e->v.Constant.value.kind == CONST_TRUE ||
                                                 e->v.Constant.value.kind == CONST_FALSE ||
                                                 e->v.Constant.value.kind == CONST_NONE)) {
                    parser_error(p, PERR_SYNTAX, e->lineno, e->col_offset + 1, PREV(p)->end_lineno,
                                 PREV(p)->end_col + 1, "cannot assign to %s", pexpr_expr_name(e));
                    goto fail;
                }
                parser_error(p, PERR_SYNTAX, e->lineno, e->col_offset + 1, PREV(p)->end_lineno,
                             PREV(p)->end_col + 1,
                             "expression cannot contain assignment, perhaps you meant \"==\"?");
                goto fail;
            }
            if (at_comp_for(p)) {
                Node *g = parser_new(p, GeneratorExp_kind, start);
                if (!g) goto fail;
                g->v.ListComp.elt = e;
                if (!comprehension_tail(p, &g->v.ListComp.generators)) goto fail;
                parser_set_end(p, g);
                if (nargs_total == 0 && AT(p, T_RPAR)) {
                    /* sole argument: the call's parentheses belong to it */
                    g->lineno = open->lineno;
                    g->col_offset = open->col;
                    Token *close = TOK(p);
                    g->end_lineno = close->end_lineno;
                    g->end_col_offset = close->end_col;
                } else if (nargs_total > 0 || AT(p, T_COMMA)) {
                    parser_err_node(p, g, "Generator expression must be parenthesized");
                    goto fail;
                }
                e = g;
            }
            if (seen_kw || seen_kwunpack) {
                /* CPython reports it at the token after the arguments */
                Token *q = TOK(p);
                while (q->type != T_ENDMARKER && q->type != T_ERROR &&
                       !(q->type == T_RPAR && q->level == open->level))
                    q++;
                parser_err_tok(p, q, seen_kwunpack ? "positional argument follows keyword argument unpacking"
                                                   : "positional argument follows keyword argument");
                goto fail;
            }
            if (nl_push(p, args, e) < 0) goto fail;
            if (!AT(p, T_COMMA) && !AT(p, T_RPAR)) { missing_comma(p, e, start); goto fail; }
        }
        nargs_total++;
        if (!ACCEPT(p, T_COMMA)) break;
        if (AT(p, T_RPAR)) break;
        if (args->n && args->items[args->n - 1]->kind == GeneratorExp_kind &&
            args->items[args->n - 1]->col_offset != open->col) {
            /* handled above */
        }
    }
    if (!AT(p, T_RPAR)) {
        /* a trailing unparenthesized genexp after other args */
        if (args->n && at_comp_for(p)) {
            parser_invalid_syntax(p);
            goto fail;
        }
        parser_invalid_syntax(p);
        goto fail;
    }
    ADVANCE(p);
    p->in_call_args = save_ica;
    return 0;
fail:
    p->in_call_args = save_ica;
    return -1;
}

static Node *primary(Parser *p, int in_target) {
    Token *start = TOK(p);
    Node *e = atom(p);
    if (!e) return NULL;
    int save_ica = p->in_call_args;
    for (;;) {
        Token *t = TOK(p);
        if (t->type == T_DOT) {
            ADVANCE(p);
            if (!AT_NAME(p)) { p->in_call_args = save_ica; return parser_invalid_syntax(p); }
            Token *nm = ADVANCE(p);
            Node *n = parser_new(p, Attribute_kind, start);
            if (!n) return NULL;
            n->v.Attribute.value = e;
            n->v.Attribute.attr = parser_ident(p, nm);
            n->v.Attribute.ctx = Load;
            e = n;
        } else if (t->type == T_LPAR) {
            ADVANCE(p);
            Node *n = parser_new(p, Call_kind, start);
            if (!n) return NULL;
            n->v.Call.func = e;
            ENTER(p, 0);
            int rc = pexpr_call_args(p, &n->v.Call.args, &n->v.Call.keywords, t);
            LEAVE(p);
            if (rc < 0) return NULL;
            parser_set_end(p, n);
            e = n;
        } else if (t->type == T_LSQB) {
            ADVANCE(p);
            p->in_call_args = 0;
            ENTER(p, 0);
            Node *s = slices(p);
            LEAVE(p);
            p->in_call_args = save_ica;
            if (!s) return NULL;
            if (!ACCEPT(p, T_RSQB)) return parser_invalid_syntax(p);
            Node *n = parser_new(p, Subscript_kind, start);
            if (!n) return NULL;
            n->v.Subscript.value = e;
            n->v.Subscript.slice = s;
            n->v.Subscript.ctx = Load;
            e = n;
        } else {
            break;
        }
    }
    (void)in_target;
    return e;
}

/* ---- parameters ---------------------------------------------------------- */

static Node *param(Parser *p, int is_lambda, int star) {
    Token *nm = TOK(p);
    if (!AT_NAME(p)) return parser_invalid_syntax(p);
    ADVANCE(p);
    Node *a = parser_new(p, Arg_kind, nm);
    if (!a) return NULL;
    a->v.Arg.arg = parser_ident(p, nm);
    if (!is_lambda && ACCEPT(p, T_COLON)) {
        if (star && AT(p, T_STAR)) a->v.Arg.annotation = star_expression(p);
        else a->v.Arg.annotation = pexpr_expression(p);
        if (!a->v.Arg.annotation) return NULL;
        parser_set_end(p, a);
    }
    return a;
}

Node *pexpr_lambda_params(Parser *p, int is_lambda) {
    int close = is_lambda ? T_COLON : T_RPAR;
    Node *A = arena_alloc(p->arena, sizeof(Node));
    if (!A) return parser_oom(p);
    A->kind = Arguments_kind;
    NodeList pos = {0, NULL};   /* posonly + regular until '/' seen */
    int seen_slash = 0, seen_star = 0, seen_default = 0, bare_star = 0;
    Token *star_tok = NULL;
    while (!AT(p, close)) {
        Token *t = TOK(p);
        if (A->v.Arguments.kwarg) {
            return parser_err_tok(p, t, "arguments cannot follow var-keyword argument");
        }
        if (t->type == T_LPAR) {
            return parser_err_tok(p, t, is_lambda ? "Lambda expression parameters cannot be parenthesized"
                                                  : "Function parameters cannot be parenthesized");
        }
        if (t->type == T_SLASH) {
            if (seen_slash) return parser_err_tok(p, t, "/ may appear only once");
            if (seen_star) return parser_err_tok(p, t, "/ must be ahead of *");
            if (pos.n == 0) return parser_err_tok(p, t, "invalid syntax");
            ADVANCE(p);
            seen_slash = 1;
            if (AT(p, T_STAR)) return parser_err_tok(p, TOK(p), "expected comma between / and *");
            A->v.Arguments.posonlyargs = pos;
            pos.n = 0;
            pos.items = NULL;
        } else if (t->type == T_STAR) {
            if (seen_star) return parser_err_tok(p, t, "* argument may appear only once");
            ADVANCE(p);
            seen_star = 1;
            star_tok = t;
            if (AT(p, T_COMMA) || AT(p, close)) {
                bare_star = 1;
                if (AT(p, close) || PEEK(p, 1)->type == close || PEEK(p, 1)->type == T_DOUBLESTAR) {
                    if (is_lambda) return parser_err_tok(p, AT(p, close) ? TOK(p) : PEEK(p, 1),
                                                         "named arguments must follow bare *");
                    return parser_err_tok(p, t, "named arguments must follow bare *");
                }
            } else {
                Node *a = param(p, is_lambda, 1);
                if (!a) return NULL;
                A->v.Arguments.vararg = a;
                if (AT(p, T_EQUAL))
                    return parser_err_tok(p, TOK(p), "var-positional argument cannot have default value");
            }
        } else if (t->type == T_DOUBLESTAR) {
            ADVANCE(p);
            Node *a = param(p, is_lambda, 0);
            if (!a) return NULL;
            A->v.Arguments.kwarg = a;
            if (AT(p, T_EQUAL))
                return parser_err_tok(p, TOK(p), "var-keyword argument cannot have default value");
        } else {
            Node *a = param(p, is_lambda, 0);
            if (!a) return NULL;
            Node *dflt = NULL;
            if (AT(p, T_EQUAL)) {
                Token *eq = ADVANCE(p);
                if (!is_lambda && (AT(p, T_COMMA) || AT(p, close)))
                    return parser_err_tok(p, eq, "expected default value expression");
                dflt = pexpr_expression(p);
                if (!dflt) return NULL;
            }
            if (seen_star) {
                if (nl_push(p, &A->v.Arguments.kwonlyargs, a) < 0) return NULL;
                if (nl_push(p, &A->v.Arguments.kw_defaults, dflt) < 0) return NULL;
            } else {
                if (dflt) {
                    seen_default = 1;
                    if (nl_push(p, &A->v.Arguments.defaults, dflt) < 0) return NULL;
                } else if (seen_default) {
                    return parser_err_tok(p, t, "non-default argument follows default argument");
                }
                if (nl_push(p, &pos, a) < 0) return NULL;
            }
        }
        if (!ACCEPT(p, T_COMMA)) break;
    }
    (void)bare_star;
    (void)star_tok;
    if (!AT(p, close)) {
        if (p->has_err) return NULL;
        if (is_lambda && AT(p, T_LPAR)) return parser_invalid_syntax(p);
        if (!is_lambda && AT(p, T_COLON)) return parser_invalid_syntax(p);
        return parser_invalid_syntax(p);
    }
    A->v.Arguments.args = pos;
    return A;
}

/* For f-string replacement fields: the expression is parsed as the
 * parenthesized atom "(expr)" (virtual parentheses at '{' and the
 * terminator), exactly like 3.11, so a bare tuple or generator spans them. */
Node *pexpr_atom_paren_for_fstring(Parser *p) {
    if (!AT(p, T_LPAR)) return parser_invalid_syntax(p);
    return paren_atom(p);
}
