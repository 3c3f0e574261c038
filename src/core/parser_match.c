/* parser_match.c — the match statement (PEP 634) and its patterns.
 *
 * `match` and `case` are soft keywords: a line starting with `match` is
 * tried as a match statement and, unless it reaches "match SUBJECT:" NEWLINE
 * INDENT "case", re-parsed as ordinary code (so `match = 1`, `match(x)` and
 * `match.group()` keep working).
 */
#include "core/parser.h"
#include "object.h"

#include <string.h>

static int at_soft(Parser *p, const char *kw) {
    Token *t = TOK(p);
    size_t n = strlen(kw);
    return t->type == T_NAME && t->kw == 0 && (size_t)t->len == n && memcmp(t->start, kw, n) == 0;
}

static int tok_is(Token *t, const char *kw) {
    size_t n = strlen(kw);
    return t->type == T_NAME && t->kw == 0 && (size_t)t->len == n && memcmp(t->start, kw, n) == 0;
}

static Node *pattern(Parser *p);
static Node *closed_pattern(Parser *p);

static Node *name_node(Parser *p, Token *t, ExprContext ctx) {
    Node *n = parser_new(p, Name_kind, t);
    if (!n) return NULL;
    n->v.Name.id = parser_ident(p, t);
    n->v.Name.ctx = ctx;
    return n;
}

/* NAME ('.' NAME)* as Name/Attribute (Load). */
static Node *name_or_attr(Parser *p) {
    Token *start = TOK(p);
    if (!AT_NAME(p)) return parser_invalid_syntax(p);
    ADVANCE(p);
    Node *e = name_node(p, start, Load);
    if (!e) return NULL;
    while (AT(p, T_DOT)) {
        ADVANCE(p);
        if (!AT_NAME(p)) return parser_invalid_syntax(p);
        Token *nm = ADVANCE(p);
        Node *a = parser_new(p, Attribute_kind, start);
        if (!a) return NULL;
        a->v.Attribute.value = e;
        a->v.Attribute.attr = parser_ident(p, nm);
        a->v.Attribute.ctx = Load;
        e = a;
    }
    return e;
}

/* signed_number ['+'|'-' imaginary] or strings, None/True/False: the value
 * expression of a literal pattern (also used for mapping keys). */
static Node *literal_expr(Parser *p) {
    Token *start = TOK(p);
    if (AT(p, T_STRING)) return pstr_strings(p);
    Node *num;
    if (AT(p, T_MINUS)) {
        ADVANCE(p);
        if (!AT(p, T_NUMBER)) return parser_invalid_syntax(p);
        Token *nt = ADVANCE(p);
        Node *c = pstr_number(p, nt);
        if (!c) return NULL;
        num = parser_new(p, UnaryOp_kind, start);
        if (!num) return NULL;
        num->v.UnaryOp.op = USub;
        num->v.UnaryOp.operand = c;
    } else if (AT(p, T_NUMBER)) {
        Token *nt = ADVANCE(p);
        num = pstr_number(p, nt);
        if (!num) return NULL;
    } else {
        return parser_invalid_syntax(p);
    }
    if (AT(p, T_PLUS) || AT(p, T_MINUS)) {
        int op = AT(p, T_PLUS) ? NB_ADD : NB_SUB;
        ADVANCE(p);
        if (!AT(p, T_NUMBER)) return parser_invalid_syntax(p);
        Token *it = ADVANCE(p);
        Node *imag = pstr_number(p, it);
        if (!imag) return NULL;
        if (imag->v.Constant.value.kind != CONST_IMAG)
            return parser_err_node(p, imag, "imaginary number required in complex literal");
        Node *b = parser_new(p, BinOp_kind, start);
        if (!b) return NULL;
        b->v.BinOp.left = num;
        b->v.BinOp.op = op;
        b->v.BinOp.right = imag;
        return b;
    }
    return num;
}

static Node *value_pattern(Parser *p, Node *v) {
    Node *n = arena_alloc(p->arena, sizeof(Node));
    if (!n) return parser_oom(p);
    n->kind = MatchValue_kind;
    n->lineno = v->lineno;
    n->col_offset = v->col_offset;
    n->end_lineno = v->end_lineno;
    n->end_col_offset = v->end_col_offset;
    n->v.MatchValue.value = v;
    return n;
}

static Node *star_pattern(Parser *p) {
    Token *st = ADVANCE(p);
    if (!AT_NAME(p)) return parser_invalid_syntax(p);
    Token *nm = ADVANCE(p);
    Node *n = parser_new(p, MatchStar_kind, st);
    if (!n) return NULL;
    if (!tok_is(nm, "_")) n->v.MatchStar.name = parser_ident(p, nm);
    return n;
}

static Node *maybe_star_pattern(Parser *p) {
    if (AT(p, T_STAR)) return star_pattern(p);
    return pattern(p);
}

/* items until `close`; returns the list via *out */
static int sequence_items(Parser *p, int close, NodeList *out, int *had_comma) {
    *had_comma = 0;
    while (!AT(p, close)) {
        Node *e = maybe_star_pattern(p);
        if (!e || nl_push(p, out, e) < 0) return -1;
        if (!ACCEPT(p, T_COMMA)) break;
        *had_comma = 1;
    }
    if (!ACCEPT(p, close)) { parser_invalid_syntax(p); return -1; }
    return 0;
}

static Node *mapping_pattern(Parser *p) {
    Token *open = ADVANCE(p);
    Node *n = parser_new(p, MatchMapping_kind, open);
    if (!n) return NULL;
    while (!AT(p, T_RBRACE)) {
        if (AT(p, T_DOUBLESTAR)) {
            ADVANCE(p);
            if (!AT_NAME(p)) return parser_invalid_syntax(p);
            Token *nm = ADVANCE(p);
            n->v.MatchMapping.rest = parser_ident(p, nm);
            ACCEPT(p, T_COMMA);
            break;
        }
        Node *key;
        Token *kt = TOK(p);
        if (kt->type == T_NAME && (kt->kw == KW_None || kt->kw == KW_True || kt->kw == KW_False)) {
            ADVANCE(p);
            key = parser_new(p, Constant_kind, kt);
            if (!key) return NULL;
            key->v.Constant.value.kind = kt->kw == KW_None ? CONST_NONE : kt->kw == KW_True ? CONST_TRUE : CONST_FALSE;
        } else if (AT_NAME(p)) {
            key = name_or_attr(p);
            if (!key) return NULL;
            if (key->kind == Name_kind) return parser_invalid_syntax(p);
        } else {
            key = literal_expr(p);
            if (!key) return NULL;
        }
        if (!ACCEPT(p, T_COLON)) return parser_invalid_syntax(p);
        Node *v = pattern(p);
        if (!v) return NULL;
        if (nl_push(p, &n->v.MatchMapping.keys, key) < 0) return NULL;
        if (nl_push(p, &n->v.MatchMapping.patterns, v) < 0) return NULL;
        if (!ACCEPT(p, T_COMMA)) break;
    }
    if (!ACCEPT(p, T_RBRACE)) return parser_invalid_syntax(p);
    parser_set_end(p, n);
    return n;
}

static Node *class_pattern(Parser *p, Node *cls, Token *start) {
    ADVANCE(p);   /* '(' */
    Node *n = parser_new(p, MatchClass_kind, start);
    if (!n) return NULL;
    n->v.MatchClass.cls = cls;
    int seen_kw = 0;
    while (!AT(p, T_RPAR)) {
        if (AT_NAME(p) && PEEK(p, 1)->type == T_EQUAL) {
            Token *nm = ADVANCE(p);
            ADVANCE(p);
            Node *v = pattern(p);
            if (!v) return NULL;
            NameList *l = &n->v.MatchClass.kwd_attrs;
            char **ni = arena_alloc(p->arena, sizeof(char *) * (size_t)(l->n + 1));
            if (!ni) return parser_oom(p);
            if (l->n) memcpy(ni, l->items, sizeof(char *) * (size_t)l->n);
            ni[l->n++] = parser_ident(p, nm);
            l->items = ni;
            if (nl_push(p, &n->v.MatchClass.kwd_patterns, v) < 0) return NULL;
            seen_kw = 1;
        } else {
            Node *v = pattern(p);
            if (!v) return NULL;
            if (seen_kw) return parser_err_node(p, v, "positional patterns follow keyword patterns");
            if (nl_push(p, &n->v.MatchClass.patterns, v) < 0) return NULL;
        }
        if (!ACCEPT(p, T_COMMA)) break;
    }
    if (!ACCEPT(p, T_RPAR)) return parser_invalid_syntax(p);
    parser_set_end(p, n);
    return n;
}

static Node *closed_pattern(Parser *p) {
    Token *t = TOK(p);
    switch (t->type) {
    case T_NUMBER: case T_MINUS: case T_STRING: {
        Node *v = literal_expr(p);
        if (!v) return NULL;
        return value_pattern(p, v);
    }
    case T_LSQB: {
        ADVANCE(p);
        Node *n = parser_new(p, MatchSequence_kind, t);
        if (!n) return NULL;
        int comma;
        if (sequence_items(p, T_RSQB, &n->v.MatchSequence.patterns, &comma) < 0) return NULL;
        parser_set_end(p, n);
        return n;
    }
    case T_LPAR: {
        ADVANCE(p);
        if (AT(p, T_RPAR)) {
            ADVANCE(p);
            return parser_new(p, MatchSequence_kind, t);
        }
        Node *first = maybe_star_pattern(p);
        if (!first) return NULL;
        if (ACCEPT(p, T_RPAR)) {
            if (first->kind == MatchStar_kind) {
                Node *n = parser_new(p, MatchSequence_kind, t);
                if (!n || nl_push(p, &n->v.MatchSequence.patterns, first) < 0) return NULL;
                return n;
            }
            return first;   /* group pattern */
        }
        if (!AT(p, T_COMMA)) return parser_invalid_syntax(p);
        Node *n = parser_new(p, MatchSequence_kind, t);
        if (!n || nl_push(p, &n->v.MatchSequence.patterns, first) < 0) return NULL;
        ADVANCE(p);
        int comma;
        if (sequence_items(p, T_RPAR, &n->v.MatchSequence.patterns, &comma) < 0) return NULL;
        parser_set_end(p, n);
        return n;
    }
    case T_LBRACE:
        return mapping_pattern(p);
    case T_NAME:
        if (t->kw == KW_None || t->kw == KW_True || t->kw == KW_False) {
            ADVANCE(p);
            Node *n = parser_new(p, MatchSingleton_kind, t);
            if (!n) return NULL;
            n->v.MatchSingleton.value.kind = t->kw == KW_None ? CONST_NONE : t->kw == KW_True ? CONST_TRUE : CONST_FALSE;
            return n;
        }
        if (t->kw == 0) {
            Node *e = name_or_attr(p);
            if (!e) return NULL;
            if (AT(p, T_LPAR)) return class_pattern(p, e, t);
            if (e->kind == Attribute_kind) return value_pattern(p, e);
            Node *n = parser_new(p, MatchAs_kind, t);
            if (!n) return NULL;
            if (!tok_is(t, "_")) n->v.MatchAs.name = e->v.Name.id;
            return n;
        }
        return parser_invalid_syntax(p);
    default:
        return parser_invalid_syntax(p);
    }
}

static Node *or_pattern(Parser *p) {
    Token *start = TOK(p);
    Node *first = closed_pattern(p);
    if (!first) return NULL;
    if (!AT(p, T_VBAR)) return first;
    Node *n = parser_new(p, MatchOr_kind, start);
    if (!n || nl_push(p, &n->v.MatchSequence.patterns, first) < 0) return NULL;
    while (ACCEPT(p, T_VBAR)) {
        Node *x = closed_pattern(p);
        if (!x || nl_push(p, &n->v.MatchSequence.patterns, x) < 0) return NULL;
    }
    parser_set_end(p, n);
    return n;
}

static Node *pattern(Parser *p) {
    Token *start = TOK(p);
    Node *o = or_pattern(p);
    if (!o) return NULL;
    if (!AT_KW(p, KW_as)) return o;
    ADVANCE(p);
    if (!AT_NAME(p)) {
        if (pexpr_starts_expression(p)) {
            Token *bt = TOK(p);
            Node *bad = closed_pattern(p);
            if (!bad) return NULL;
            return parser_error(p, PERR_SYNTAX, bt->lineno, bt->col + 1, PREV(p)->end_lineno,
                                PREV(p)->end_col + 1, "invalid pattern target"), NULL;
        }
        return parser_invalid_syntax(p);
    }
    Token *nm = ADVANCE(p);
    if (tok_is(nm, "_")) {
        return parser_err_tok(p, nm, "cannot use '_' as a target");
    }
    Node *n = parser_new(p, MatchAs_kind, start);
    if (!n) return NULL;
    n->v.MatchAs.pattern = o;
    n->v.MatchAs.name = parser_ident(p, nm);
    return n;
}

/* patterns: open sequence (a, b) without brackets, or one pattern */
static Node *patterns(Parser *p) {
    Token *start = TOK(p);
    Node *first = maybe_star_pattern(p);
    if (!first) return NULL;
    if (!AT(p, T_COMMA)) {
        if (first->kind == MatchStar_kind) {
            Node *n = parser_new(p, MatchSequence_kind, start);
            if (!n || nl_push(p, &n->v.MatchSequence.patterns, first) < 0) return NULL;
            return n;
        }
        return first;
    }
    Node *n = parser_new(p, MatchSequence_kind, start);
    if (!n || nl_push(p, &n->v.MatchSequence.patterns, first) < 0) return NULL;
    while (ACCEPT(p, T_COMMA)) {
        if (AT(p, T_COLON) || AT_KW(p, KW_if)) break;
        Node *x = maybe_star_pattern(p);
        if (!x || nl_push(p, &n->v.MatchSequence.patterns, x) < 0) return NULL;
    }
    parser_set_end(p, n);
    return n;
}

/* Returns 1 and appends a Match node if the line is a match statement, 0 if
 * not (position untouched), -1 on error. */
int pmatch_try(Parser *p, NodeList *out) {
    if (!at_soft(p, "match")) return 0;
    Token *kw = TOK(p);
    Token *nx = PEEK(p, 1);
    if (!(pexpr_starts_expression(p) || 1) || nx->type == T_EQUAL || nx->type == T_DOT ||
        nx->type == T_NEWLINE || nx->type == T_COLON || nx->type == T_COMMA || nx->type == T_RPAR)
        return 0;
    int save = p->pos;
    ParseError saved = *p->err;
    ADVANCE(p);
    Node *subject = NULL;
    if (pexpr_starts_expression(p) || AT(p, T_STAR)) {
        Token *first = TOK(p);
        subject = pexpr_star_named_expression(p);
        if (subject && AT(p, T_COMMA)) {
            Node *t = parser_new(p, Tuple_kind, first);
            if (!t || nl_push(p, &t->v.List.elts, subject) < 0) return -1;
            while (ACCEPT(p, T_COMMA)) {
                if (AT(p, T_COLON)) break;
                Node *x = pexpr_star_named_expression(p);
                if (!x) { subject = NULL; break; }
                if (nl_push(p, &t->v.List.elts, x) < 0) return -1;
            }
            parser_set_end(p, t);
            if (subject) subject = t;
        } else if (subject && subject->kind == Starred_kind) {
            subject = NULL;
        }
    }
    if (!subject || !AT(p, T_COLON) || PEEK(p, 1)->type != T_NEWLINE || PEEK(p, 2)->type != T_INDENT ||
        !tok_is(PEEK(p, 3), "case")) {
        if (p->has_err && p->err->kind == PERR_MEMORY) return -1;
        int t1 = (kw + 1)->type;
        int maybe_expr = t1 == T_LPAR || t1 == T_LSQB || t1 == T_MINUS || t1 == T_PLUS || t1 == T_STAR;
        if (subject && AT(p, T_NEWLINE) && !maybe_expr) {
            parser_err_tok(p, TOK(p), "expected ':'");
            return -1;
        }
        if (subject && AT(p, T_COLON) && PEEK(p, 1)->type == T_NEWLINE && PEEK(p, 2)->type != T_INDENT) {
            /* "match x:" followed by no block */
            ADVANCE(p);
            ADVANCE(p);
            Token *t = TOK(p);
            parser_error(p, PERR_INDENTATION, t->lineno, t->col + 1, t->end_lineno, t->end_col + 1,
                         "expected an indented block after 'match' statement on line %d", kw->lineno);
            return -1;
        }
        p->has_err = 0;
        *p->err = saved;
        p->pos = save;
        return 0;
    }
    ADVANCE(p);   /* : */
    ADVANCE(p);   /* NEWLINE */
    ADVANCE(p);   /* INDENT */
    Node *m = parser_new(p, Match_kind, kw);
    if (!m) return -1;
    m->v.Match.subject = subject;
    while (at_soft(p, "case")) {
        Token *ck = ADVANCE(p);
        Node *c = arena_alloc(p->arena, sizeof(Node));
        if (!c) { parser_oom(p); return -1; }
        c->kind = MatchCase_kind;
        c->v.MatchCase.pattern = patterns(p);
        if (!c->v.MatchCase.pattern) return -1;
        if (ACCEPT_KW(p, KW_if)) {
            c->v.MatchCase.guard = pexpr_named_expression(p);
            if (!c->v.MatchCase.guard) return -1;
        }
        if (!AT(p, T_COLON)) {
            if (AT(p, T_NEWLINE)) parser_err_tok(p, TOK(p), "expected ':'");
            else parser_invalid_syntax(p);
            return -1;
        }
        ADVANCE(p);
        if (parser_block_stmts(p, "'case' statement", ck, &c->v.MatchCase.body) < 0) return -1;
        if (nl_push(p, &m->v.Match.cases, c) < 0) return -1;
    }
    if (!ACCEPT(p, T_DEDENT)) { parser_invalid_syntax(p); return -1; }
    parser_set_end(p, m);
    if (nl_push(p, out, m) < 0) return -1;
    return 1;
}
