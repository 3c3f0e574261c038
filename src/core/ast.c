/* ast.c — the AST arena and ast_dump().
 *
 * Arena: a chain of big chunks; allocation bumps a pointer; one free.
 * ast_dump() prints exactly what CPython's ast.dump(tree) prints (no
 * attributes, no indent), including Python reprs of constants, so trees can
 * be diffed against CPython.  ast_dump_positions() prints one line per node
 * that has a position, in pre-order over fields (tools/parsecheck.py walks
 * CPython's tree the same way).
 */
#include "core/ast.h"
#include "object.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena -------------------------------------------------------------- */

typedef struct Chunk {
    struct Chunk *next;
    size_t size, used;
    max_align_t data[];
} Chunk;

struct Arena {
    Chunk *head;
};

#define CHUNK_DEFAULT (64 * 1024)

Arena *arena_new(void) {
    return calloc(1, sizeof(Arena));
}

void arena_free(Arena *a) {
    if (!a) return;
    Chunk *c = a->head;
    while (c) {
        Chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

void *arena_alloc(Arena *a, size_t n) {
    n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    if (n == 0) n = sizeof(max_align_t);
    Chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t sz = n > CHUNK_DEFAULT / 2 ? n : CHUNK_DEFAULT;
        Chunk *nc = malloc(sizeof(Chunk) + sz);
        if (!nc) return NULL;
        nc->size = sz;
        nc->used = 0;
        if (c && n > CHUNK_DEFAULT / 2) {
            /* big one-off: keep the current chunk on top for small allocations */
            nc->next = c->next;
            c->next = nc;
        } else {
            nc->next = c;
            a->head = nc;
        }
        c = nc;
    }
    void *r = (char *)c->data + c->used;
    c->used += n;
    memset(r, 0, n);
    return r;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *r = arena_alloc(a, n + 1);
    if (!r) return NULL;
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

/* ---- reprs -------------------------------------------------------------- */

static int utf8_dec(const unsigned char *s, size_t n, unsigned *cp) {
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if ((size_t)len > n || len == 1) { *cp = c; return 1; }
    unsigned v = c & (0x7F >> len);
    for (int i = 1; i < len; i++) v = (v << 6) | (s[i] & 0x3F);
    *cp = v;
    return len;
}

/* generated: parser_uniprint.c */
int parser_unicode_printable(unsigned cp);
static int printable(unsigned cp) { return parser_unicode_printable(cp); }

static void repr_str(FILE *out, const char *s, size_t n, int bytes) {
    int sq = 0, dq = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\'') sq = 1;
        else if (s[i] == '"') dq = 1;
    }
    char q = (sq && !dq) ? '"' : '\'';
    if (bytes) fputc('b', out);
    fputc(q, out);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') { fputc('\\', out); fputc(c, out); i++; continue; }
        if (c == '\n') { fputs("\\n", out); i++; continue; }
        if (c == '\r') { fputs("\\r", out); i++; continue; }
        if (c == '\t') { fputs("\\t", out); i++; continue; }
        if (bytes || c < 0x80) {
            if (c < 0x20 || c >= 0x7F) fprintf(out, "\\x%02x", c);
            else fputc(c, out);
            i++;
            continue;
        }
        unsigned cp;
        int l = utf8_dec((const unsigned char *)s + i, n - i, &cp);
        if (printable(cp)) fwrite(s + i, 1, (size_t)l, out);
        else if (cp < 0x100) fprintf(out, "\\x%02x", cp);
        else if (cp < 0x10000) fprintf(out, "\\u%04x", cp);
        else fprintf(out, "\\U%08x", cp);
        i += (size_t)l;
    }
    fputc(q, out);
}

/* Python's repr(float); `imag` drops the ".0" like complex's repr. */
static void repr_float(FILE *out, double d, int imag) {
    if (isinf(d)) { fputs(d > 0 ? "inf" : "-inf", out); return; }
    if (isnan(d)) { fputs("nan", out); return; }
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (strtod(buf, NULL) == d) break;
    }
    /* buf: [-]d.ddde[+-]XX */
    char digits[32];
    int nd = 0, neg = 0;
    const char *q = buf;
    if (*q == '-') { neg = 1; q++; }
    for (; *q && *q != 'e'; q++)
        if (*q >= '0' && *q <= '9') digits[nd++] = *q;
    int exp10 = atoi(q + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = 0;
    int decpt = exp10 + 1;
    if (neg) fputc('-', out);
    if (d == 0) { fputs(imag ? "0" : "0.0", out); return; }
    if (decpt <= -4 || decpt > 16) {
        fputc(digits[0], out);
        if (nd > 1) fprintf(out, ".%s", digits + 1);
        fprintf(out, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
        return;
    }
    if (decpt <= 0) {
        fputs("0.", out);
        for (int i = 0; i < -decpt; i++) fputc('0', out);
        fputs(digits, out);
        return;
    }
    for (int i = 0; i < decpt; i++) fputc(i < nd ? digits[i] : '0', out);
    if (nd > decpt) fprintf(out, ".%s", digits + decpt);
    else if (!imag) fputs(".0", out);
}

/* Integer literal text (with 0x/0o/0b prefix, no '_') to decimal. */
static void repr_int(FILE *out, const char *t) {
    int base = 10;
    if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) { base = 16; t += 2; }
    else if (t[0] == '0' && (t[1] == 'o' || t[1] == 'O')) { base = 8; t += 2; }
    else if (t[0] == '0' && (t[1] == 'b' || t[1] == 'B')) { base = 2; t += 2; }
    if (base == 10) {
        while (t[0] == '0' && t[1]) t++;
        fputs(t, out);
        return;
    }
    size_t n = strlen(t);
    uint32_t *limbs = calloc(n + 2, sizeof(uint32_t));   /* base 1e9, little endian */
    if (!limbs) return;
    size_t nl = 1;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        unsigned v = c >= '0' && c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
        uint64_t carry = v;
        for (size_t k = 0; k < nl; k++) {
            uint64_t x = (uint64_t)limbs[k] * (unsigned)base + carry;
            limbs[k] = (uint32_t)(x % 1000000000u);
            carry = x / 1000000000u;
        }
        while (carry) { limbs[nl++] = (uint32_t)(carry % 1000000000u); carry /= 1000000000u; }
    }
    fprintf(out, "%u", limbs[nl - 1]);
    for (size_t k = nl - 1; k-- > 0;) fprintf(out, "%09u", limbs[k]);
    free(limbs);
}

static void dump_const(FILE *out, const ConstValue *v) {
    switch (v->kind) {
    case CONST_NONE: fputs("None", out); break;
    case CONST_TRUE: fputs("True", out); break;
    case CONST_FALSE: fputs("False", out); break;
    case CONST_ELLIPSIS: fputs("Ellipsis", out); break;
    case CONST_INT: repr_int(out, v->text); break;
    case CONST_FLOAT: repr_float(out, v->f, 0); break;
    case CONST_IMAG: repr_float(out, v->f, 1); fputc('j', out); break;
    case CONST_STR: repr_str(out, v->s, v->len, 0); break;
    case CONST_BYTES: repr_str(out, v->s, v->len, 1); break;
    }
}

/* ---- dump --------------------------------------------------------------- */

static const char *const kind_names[NODE_KIND_COUNT] = {
    "Module", "Interactive", "Expression",
    "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete",
    "Assign", "AugAssign", "AnnAssign", "For", "AsyncFor", "While",
    "If", "With", "AsyncWith", "Match", "Raise", "Try", "TryStar",
    "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr",
    "Pass", "Break", "Continue",
    "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp",
    "Dict", "Set", "ListComp", "SetComp", "DictComp", "GeneratorExp",
    "Await", "Yield", "YieldFrom", "Compare", "Call", "FormattedValue",
    "JoinedStr", "Constant", "Attribute", "Subscript", "Starred",
    "Name", "List", "Tuple", "Slice",
    "ExceptHandler", "arguments", "arg", "keyword", "alias",
    "withitem", "comprehension",
    "match_case", "MatchValue", "MatchSingleton", "MatchSequence",
    "MatchMapping", "MatchClass", "MatchStar", "MatchAs", "MatchOr",
};

static const char *const binop_names[] = {
    "Add", "Sub", "Mult", "MatMult", "Div", "FloorDiv", "Mod", "Pow", "LShift", "RShift",
    "BitAnd", "BitOr", "BitXor",
};
static const char *const cmp_names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot",
                                        "In", "NotIn"};
static const char *const unary_names[] = {"Invert", "Not", "UAdd", "USub"};
static const char *const ctx_names[] = {"Load", "Store", "Del"};

typedef struct {
    FILE *out;
    int first;      /* no field written yet in the current node */
} D;

static void dump_node(D *d, Node *n);

static void sep(D *d, const char *name) {
    if (!d->first) fputs(", ", d->out);
    d->first = 0;
    fprintf(d->out, "%s=", name);
}

static void f_node(D *d, const char *name, Node *n) {   /* required */
    sep(d, name);
    if (n) dump_node(d, n);
    else fputs("None", d->out);
}
static void f_opt(D *d, const char *name, Node *n) {
    if (n) f_node(d, name, n);
}
static void f_list(D *d, const char *name, NodeList l) {
    sep(d, name);
    fputc('[', d->out);
    for (int i = 0; i < l.n; i++) {
        if (i) fputs(", ", d->out);
        if (l.items[i]) dump_node(d, l.items[i]);
        else fputs("None", d->out);
    }
    fputc(']', d->out);
}
static void f_str(D *d, const char *name, const char *s) {
    sep(d, name);
    if (s) repr_str(d->out, s, strlen(s), 0);
    else fputs("None", d->out);
}
static void f_optstr(D *d, const char *name, const char *s) {
    if (s) f_str(d, name, s);
}
static void f_names(D *d, const char *name, NameList l) {
    sep(d, name);
    fputc('[', d->out);
    for (int i = 0; i < l.n; i++) {
        if (i) fputs(", ", d->out);
        repr_str(d->out, l.items[i], strlen(l.items[i]), 0);
    }
    fputc(']', d->out);
}
static void f_int(D *d, const char *name, int v) {
    sep(d, name);
    fprintf(d->out, "%d", v);
}
static void f_word(D *d, const char *name, const char *w) {
    sep(d, name);
    fprintf(d->out, "%s()", w);
}
static void f_ctx(D *d, int ctx) { f_word(d, "ctx", ctx_names[ctx]); }

static void dump_node(D *d, Node *n) {
    FILE *o = d->out;
    fprintf(o, "%s(", kind_names[n->kind]);
    int save = d->first;
    d->first = 1;
    switch (n->kind) {
    case Module_kind: f_list(d, "body", n->v.Module.body); sep(d, "type_ignores"); fputs("[]", o); break;
    case Interactive_kind: f_list(d, "body", n->v.Module.body); break;
    case Expression_kind: f_node(d, "body", n->v.Expression.body); break;
    case FunctionDef_kind: case AsyncFunctionDef_kind:
        f_str(d, "name", n->v.FunctionDef.name);
        f_node(d, "args", n->v.FunctionDef.args);
        f_list(d, "body", n->v.FunctionDef.body);
        f_list(d, "decorator_list", n->v.FunctionDef.decorator_list);
        f_opt(d, "returns", n->v.FunctionDef.returns);
        break;
    case ClassDef_kind:
        f_str(d, "name", n->v.ClassDef.name);
        f_list(d, "bases", n->v.ClassDef.bases);
        f_list(d, "keywords", n->v.ClassDef.keywords);
        f_list(d, "body", n->v.ClassDef.body);
        f_list(d, "decorator_list", n->v.ClassDef.decorator_list);
        break;
    case Return_kind: f_opt(d, "value", n->v.Return.value); break;
    case Delete_kind: f_list(d, "targets", n->v.Delete.targets); break;
    case Assign_kind: f_list(d, "targets", n->v.Assign.targets); f_node(d, "value", n->v.Assign.value); break;
    case AugAssign_kind:
        f_node(d, "target", n->v.AugAssign.target);
        f_word(d, "op", binop_names[n->v.AugAssign.op]);
        f_node(d, "value", n->v.AugAssign.value);
        break;
    case AnnAssign_kind:
        f_node(d, "target", n->v.AnnAssign.target);
        f_node(d, "annotation", n->v.AnnAssign.annotation);
        f_opt(d, "value", n->v.AnnAssign.value);
        f_int(d, "simple", n->v.AnnAssign.simple);
        break;
    case For_kind: case AsyncFor_kind:
        f_node(d, "target", n->v.For.target);
        f_node(d, "iter", n->v.For.iter);
        f_list(d, "body", n->v.For.body);
        f_list(d, "orelse", n->v.For.orelse);
        break;
    case While_kind: case If_kind:
        f_node(d, "test", n->v.If.test);
        f_list(d, "body", n->v.If.body);
        f_list(d, "orelse", n->v.If.orelse);
        break;
    case With_kind: case AsyncWith_kind:
        f_list(d, "items", n->v.With.items);
        f_list(d, "body", n->v.With.body);
        break;
    case Match_kind: f_node(d, "subject", n->v.Match.subject); f_list(d, "cases", n->v.Match.cases); break;
    case Raise_kind: f_opt(d, "exc", n->v.Raise.exc); f_opt(d, "cause", n->v.Raise.cause); break;
    case Try_kind: case TryStar_kind:
        f_list(d, "body", n->v.Try.body);
        f_list(d, "handlers", n->v.Try.handlers);
        f_list(d, "orelse", n->v.Try.orelse);
        f_list(d, "finalbody", n->v.Try.finalbody);
        break;
    case Assert_kind: f_node(d, "test", n->v.Assert.test); f_opt(d, "msg", n->v.Assert.msg); break;
    case Import_kind: f_list(d, "names", n->v.Import.names); break;
    case ImportFrom_kind:
        f_optstr(d, "module", n->v.ImportFrom.module);
        f_list(d, "names", n->v.ImportFrom.names);
        f_int(d, "level", n->v.ImportFrom.level);
        break;
    case Global_kind: case Nonlocal_kind: f_names(d, "names", n->v.Global.names); break;
    case Expr_kind: f_node(d, "value", n->v.Expr.value); break;
    case Pass_kind: case Break_kind: case Continue_kind: break;
    case BoolOp_kind:
        f_word(d, "op", n->v.BoolOp.op == And ? "And" : "Or");
        f_list(d, "values", n->v.BoolOp.values);
        break;
    case NamedExpr_kind: f_node(d, "target", n->v.NamedExpr.target); f_node(d, "value", n->v.NamedExpr.value); break;
    case BinOp_kind:
        f_node(d, "left", n->v.BinOp.left);
        f_word(d, "op", binop_names[n->v.BinOp.op]);
        f_node(d, "right", n->v.BinOp.right);
        break;
    case UnaryOp_kind: f_word(d, "op", unary_names[n->v.UnaryOp.op]); f_node(d, "operand", n->v.UnaryOp.operand); break;
    case Lambda_kind: f_node(d, "args", n->v.Lambda.args); f_node(d, "body", n->v.Lambda.body); break;
    case IfExp_kind:
        f_node(d, "test", n->v.IfExp.test);
        f_node(d, "body", n->v.IfExp.body);
        f_node(d, "orelse", n->v.IfExp.orelse);
        break;
    case Dict_kind: f_list(d, "keys", n->v.Dict.keys); f_list(d, "values", n->v.Dict.values); break;
    case Set_kind: f_list(d, "elts", n->v.Set.elts); break;
    case ListComp_kind: case SetComp_kind: case GeneratorExp_kind:
        f_node(d, "elt", n->v.ListComp.elt);
        f_list(d, "generators", n->v.ListComp.generators);
        break;
    case DictComp_kind:
        f_node(d, "key", n->v.DictComp.key);
        f_node(d, "value", n->v.DictComp.value);
        f_list(d, "generators", n->v.DictComp.generators);
        break;
    case Await_kind: case YieldFrom_kind: f_node(d, "value", n->v.Await.value); break;
    case Yield_kind: f_opt(d, "value", n->v.Await.value); break;
    case Compare_kind:
        f_node(d, "left", n->v.Compare.left);
        sep(d, "ops");
        fputc('[', o);
        for (int i = 0; i < n->v.Compare.nops; i++) {
            if (i) fputs(", ", o);
            fprintf(o, "%s()", cmp_names[n->v.Compare.ops[i]]);
        }
        fputc(']', o);
        f_list(d, "comparators", n->v.Compare.comparators);
        break;
    case Call_kind:
        f_node(d, "func", n->v.Call.func);
        f_list(d, "args", n->v.Call.args);
        f_list(d, "keywords", n->v.Call.keywords);
        break;
    case FormattedValue_kind:
        f_node(d, "value", n->v.FormattedValue.value);
        f_int(d, "conversion", n->v.FormattedValue.conversion);
        f_opt(d, "format_spec", n->v.FormattedValue.format_spec);
        break;
    case JoinedStr_kind: f_list(d, "values", n->v.JoinedStr.values); break;
    case Constant_kind:
        sep(d, "value");
        dump_const(o, &n->v.Constant.value);
        f_optstr(d, "kind", n->v.Constant.value.kind_u);
        break;
    case Attribute_kind:
        f_node(d, "value", n->v.Attribute.value);
        f_str(d, "attr", n->v.Attribute.attr);
        f_ctx(d, n->v.Attribute.ctx);
        break;
    case Subscript_kind:
        f_node(d, "value", n->v.Subscript.value);
        f_node(d, "slice", n->v.Subscript.slice);
        f_ctx(d, n->v.Subscript.ctx);
        break;
    case Starred_kind: f_node(d, "value", n->v.Starred.value); f_ctx(d, n->v.Starred.ctx); break;
    case Name_kind: f_str(d, "id", n->v.Name.id); f_ctx(d, n->v.Name.ctx); break;
    case List_kind: case Tuple_kind: f_list(d, "elts", n->v.List.elts); f_ctx(d, n->v.List.ctx); break;
    case Slice_kind:
        f_opt(d, "lower", n->v.Slice.lower);
        f_opt(d, "upper", n->v.Slice.upper);
        f_opt(d, "step", n->v.Slice.step);
        break;
    case ExceptHandler_kind:
        f_opt(d, "type", n->v.ExceptHandler.type);
        f_optstr(d, "name", n->v.ExceptHandler.name);
        f_list(d, "body", n->v.ExceptHandler.body);
        break;
    case Arguments_kind:
        f_list(d, "posonlyargs", n->v.Arguments.posonlyargs);
        f_list(d, "args", n->v.Arguments.args);
        f_opt(d, "vararg", n->v.Arguments.vararg);
        f_list(d, "kwonlyargs", n->v.Arguments.kwonlyargs);
        f_list(d, "kw_defaults", n->v.Arguments.kw_defaults);
        f_opt(d, "kwarg", n->v.Arguments.kwarg);
        f_list(d, "defaults", n->v.Arguments.defaults);
        break;
    case Arg_kind: f_str(d, "arg", n->v.Arg.arg); f_opt(d, "annotation", n->v.Arg.annotation); break;
    case Keyword_kind: f_optstr(d, "arg", n->v.Keyword.arg); f_node(d, "value", n->v.Keyword.value); break;
    case Alias_kind: f_str(d, "name", n->v.Alias.name); f_optstr(d, "asname", n->v.Alias.asname); break;
    case WithItem_kind:
        f_node(d, "context_expr", n->v.WithItem.context_expr);
        f_opt(d, "optional_vars", n->v.WithItem.optional_vars);
        break;
    case Comprehension_kind:
        f_node(d, "target", n->v.Comprehension.target);
        f_node(d, "iter", n->v.Comprehension.iter);
        f_list(d, "ifs", n->v.Comprehension.ifs);
        f_int(d, "is_async", n->v.Comprehension.is_async);
        break;
    case MatchCase_kind:
        f_node(d, "pattern", n->v.MatchCase.pattern);
        f_opt(d, "guard", n->v.MatchCase.guard);
        f_list(d, "body", n->v.MatchCase.body);
        break;
    case MatchValue_kind: f_node(d, "value", n->v.MatchValue.value); break;
    case MatchSingleton_kind: sep(d, "value"); dump_const(o, &n->v.MatchSingleton.value); break;
    case MatchSequence_kind: case MatchOr_kind: f_list(d, "patterns", n->v.MatchSequence.patterns); break;
    case MatchMapping_kind:
        f_list(d, "keys", n->v.MatchMapping.keys);
        f_list(d, "patterns", n->v.MatchMapping.patterns);
        f_optstr(d, "rest", n->v.MatchMapping.rest);
        break;
    case MatchClass_kind:
        f_node(d, "cls", n->v.MatchClass.cls);
        f_list(d, "patterns", n->v.MatchClass.patterns);
        f_names(d, "kwd_attrs", n->v.MatchClass.kwd_attrs);
        f_list(d, "kwd_patterns", n->v.MatchClass.kwd_patterns);
        break;
    case MatchStar_kind: f_optstr(d, "name", n->v.MatchStar.name); break;
    case MatchAs_kind: f_opt(d, "pattern", n->v.MatchAs.pattern); f_optstr(d, "name", n->v.MatchAs.name); break;
    case NODE_KIND_COUNT: break;
    }
    fputc(')', o);
    d->first = save;
}

void ast_dump(Node *n, FILE *out) {
    D d = {out, 1};
    if (n) dump_node(&d, n);
    else fputs("None", out);
}

/* ---- positions walk ----------------------------------------------------- */

static int has_position(NodeKind k) {
    return !(k == Module_kind || k == Interactive_kind || k == Expression_kind ||
             k == Arguments_kind || k == WithItem_kind || k == Comprehension_kind ||
             k == MatchCase_kind);
}

static void walk(Node *n, FILE *out);
static void walk_list(NodeList l, FILE *out) {
    for (int i = 0; i < l.n; i++)
        if (l.items[i]) walk(l.items[i], out);
}
#define W(x) do { if (x) walk((x), out); } while (0)
#define WL(x) walk_list((x), out)

static void walk(Node *n, FILE *out) {
    if (has_position(n->kind))
        fprintf(out, "%s %d %d %d %d\n", kind_names[n->kind], n->lineno, n->col_offset,
                n->end_lineno, n->end_col_offset);
    switch (n->kind) {
    case Module_kind: case Interactive_kind: WL(n->v.Module.body); break;
    case Expression_kind: W(n->v.Expression.body); break;
    case FunctionDef_kind: case AsyncFunctionDef_kind:
        W(n->v.FunctionDef.args); WL(n->v.FunctionDef.body);
        WL(n->v.FunctionDef.decorator_list); W(n->v.FunctionDef.returns); break;
    case ClassDef_kind:
        WL(n->v.ClassDef.bases); WL(n->v.ClassDef.keywords); WL(n->v.ClassDef.body);
        WL(n->v.ClassDef.decorator_list); break;
    case Return_kind: W(n->v.Return.value); break;
    case Delete_kind: WL(n->v.Delete.targets); break;
    case Assign_kind: WL(n->v.Assign.targets); W(n->v.Assign.value); break;
    case AugAssign_kind: W(n->v.AugAssign.target); W(n->v.AugAssign.value); break;
    case AnnAssign_kind: W(n->v.AnnAssign.target); W(n->v.AnnAssign.annotation); W(n->v.AnnAssign.value); break;
    case For_kind: case AsyncFor_kind:
        W(n->v.For.target); W(n->v.For.iter); WL(n->v.For.body); WL(n->v.For.orelse); break;
    case While_kind: case If_kind: W(n->v.If.test); WL(n->v.If.body); WL(n->v.If.orelse); break;
    case With_kind: case AsyncWith_kind: WL(n->v.With.items); WL(n->v.With.body); break;
    case Match_kind: W(n->v.Match.subject); WL(n->v.Match.cases); break;
    case Raise_kind: W(n->v.Raise.exc); W(n->v.Raise.cause); break;
    case Try_kind: case TryStar_kind:
        WL(n->v.Try.body); WL(n->v.Try.handlers); WL(n->v.Try.orelse); WL(n->v.Try.finalbody); break;
    case Assert_kind: W(n->v.Assert.test); W(n->v.Assert.msg); break;
    case Import_kind: case ImportFrom_kind:
        WL(n->kind == Import_kind ? n->v.Import.names : n->v.ImportFrom.names); break;
    case Expr_kind: W(n->v.Expr.value); break;
    case BoolOp_kind: WL(n->v.BoolOp.values); break;
    case NamedExpr_kind: W(n->v.NamedExpr.target); W(n->v.NamedExpr.value); break;
    case BinOp_kind: W(n->v.BinOp.left); W(n->v.BinOp.right); break;
    case UnaryOp_kind: W(n->v.UnaryOp.operand); break;
    case Lambda_kind: W(n->v.Lambda.args); W(n->v.Lambda.body); break;
    case IfExp_kind: W(n->v.IfExp.test); W(n->v.IfExp.body); W(n->v.IfExp.orelse); break;
    case Dict_kind: WL(n->v.Dict.keys); WL(n->v.Dict.values); break;
    case Set_kind: WL(n->v.Set.elts); break;
    case ListComp_kind: case SetComp_kind: case GeneratorExp_kind:
        W(n->v.ListComp.elt); WL(n->v.ListComp.generators); break;
    case DictComp_kind: W(n->v.DictComp.key); W(n->v.DictComp.value); WL(n->v.DictComp.generators); break;
    case Await_kind: case Yield_kind: case YieldFrom_kind: W(n->v.Await.value); break;
    case Compare_kind: W(n->v.Compare.left); WL(n->v.Compare.comparators); break;
    case Call_kind: W(n->v.Call.func); WL(n->v.Call.args); WL(n->v.Call.keywords); break;
    case FormattedValue_kind: W(n->v.FormattedValue.value); W(n->v.FormattedValue.format_spec); break;
    case JoinedStr_kind: WL(n->v.JoinedStr.values); break;
    case Attribute_kind: W(n->v.Attribute.value); break;
    case Subscript_kind: W(n->v.Subscript.value); W(n->v.Subscript.slice); break;
    case Starred_kind: W(n->v.Starred.value); break;
    case List_kind: case Tuple_kind: WL(n->v.List.elts); break;
    case Slice_kind: W(n->v.Slice.lower); W(n->v.Slice.upper); W(n->v.Slice.step); break;
    case ExceptHandler_kind: W(n->v.ExceptHandler.type); WL(n->v.ExceptHandler.body); break;
    case Arguments_kind:
        WL(n->v.Arguments.posonlyargs); WL(n->v.Arguments.args); W(n->v.Arguments.vararg);
        WL(n->v.Arguments.kwonlyargs); WL(n->v.Arguments.kw_defaults); W(n->v.Arguments.kwarg);
        WL(n->v.Arguments.defaults); break;
    case Arg_kind: W(n->v.Arg.annotation); break;
    case Keyword_kind: W(n->v.Keyword.value); break;
    case WithItem_kind: W(n->v.WithItem.context_expr); W(n->v.WithItem.optional_vars); break;
    case Comprehension_kind:
        W(n->v.Comprehension.target); W(n->v.Comprehension.iter); WL(n->v.Comprehension.ifs); break;
    case MatchCase_kind: W(n->v.MatchCase.pattern); W(n->v.MatchCase.guard); WL(n->v.MatchCase.body); break;
    case MatchValue_kind: W(n->v.MatchValue.value); break;
    case MatchSequence_kind: case MatchOr_kind: WL(n->v.MatchSequence.patterns); break;
    case MatchMapping_kind: WL(n->v.MatchMapping.keys); WL(n->v.MatchMapping.patterns); break;
    case MatchClass_kind: W(n->v.MatchClass.cls); WL(n->v.MatchClass.patterns); WL(n->v.MatchClass.kwd_patterns); break;
    case MatchAs_kind: W(n->v.MatchAs.pattern); break;
    default: break;
    }
}

void ast_dump_positions(Node *n, FILE *out) {
    if (n) walk(n, out);
}
