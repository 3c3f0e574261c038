/* traceback.c — traceback objects and CPython 3.11's exception display.
 *
 * A traceback entry records the frame object, its code, the instruction index
 * and the line.  err_display() reproduces Python/pythonrun.c + traceback.c of
 * CPython 3.11: the "Traceback (most recent call last):" header, one
 * '  File "x", line N, in name' entry per frame with the source line, the
 * position markers (^^^ or ~~~^^~~~ for binary operators and subscripts, found
 * by re-parsing the marked segment), recursion collapsing after 3 identical
 * entries, chained exceptions (cause / context) and SyntaxError's caret block.
 */
#include "gilpy.h"
#include <stdlib.h>

typedef struct {
    OBJ_HEAD;
    Obj *next;       /* TracebackObj or NULL */
    Obj *frame;      /* frame object or NULL */
    Obj *code;       /* code object (kept even if frame is NULL) */
    int lasti;       /* instruction index */
    int lineno;
} TracebackObj;

#define TB(o) ((TracebackObj *)(o))
#define TB_RECURSIVE_CUTOFF 3


/* ---- the type ---------------------------------------------------------- */

static void tb_dealloc(Obj *o)
{
    /* iterative over long chains to avoid deep C recursion */
    while (o) {
        TracebackObj *t = TB(o);
        Obj *next = t->next;
        t->next = NULL;
        CLEAR(t->frame);
        CLEAR(t->code);
        obj_free(o);
        o = NULL;
        if (next) {
            if (REFCNT(next) == 1 && !IS_IMMORTAL(next) && TYPE(next) == &Traceback_Type)
                o = next;   /* we hold the last reference: free it in this loop */
            else
                DECREF(next);
        }
    }
}

static void tb_traverse(Obj *o, visitproc_ visit, void *arg)
{
    TracebackObj *t = TB(o);
    if (t->next) visit(t->next, arg);
    if (t->frame) visit(t->frame, arg);
    if (t->code) visit(t->code, arg);
}

static int tb_clear(Obj *o)
{
    TracebackObj *t = TB(o);
    CLEAR(t->next);
    CLEAR(t->frame);
    CLEAR(t->code);
    return 0;
}

static Obj *tb_get_next(Obj *self, void *c)
{
    Obj *n = TB(self)->next;
    return NEWREF(n ? n : None);
}

static int tb_set_next(Obj *self, Obj *v, void *c)
{
    if (!v) { err_set_str(&Exc_TypeError, "can't delete tb_next attribute"); return -1; }
    if (v == None) v = NULL;
    else if (TYPE(v) != &Traceback_Type) {
        err_format(&Exc_TypeError, "expected traceback object or None, got '%s'", type_name(TYPE(v)));
        return -1;
    }
    for (Obj *c2 = v; c2; c2 = TB(c2)->next)
        if (c2 == self) { err_set_str(&Exc_ValueError, "traceback loop detected"); return -1; }
    XINCREF(v);
    XSETREF(TB(self)->next, v);
    return 0;
}

static Obj *tb_get_frame(Obj *self, void *c)
{
    Obj *f = TB(self)->frame;
    return NEWREF(f ? f : None);
}
static Obj *tb_get_lineno(Obj *self, void *c) { return int_from_long(TB(self)->lineno); }
static Obj *tb_get_lasti(Obj *self, void *c) { return int_from_long((long long)TB(self)->lasti * 2); }

static GetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

TypeObj Traceback_Type = {
    TYPE_HEAD_INIT,
    .name = "traceback",
    .basicsize = sizeof(TracebackObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .clear = tb_clear,
    .getset = tb_getset,
    .base = &Object_Type,
};

int traceback_here(Frame *frame)
{
    ThreadState *ts = ts_get();
    Obj *exc = ts->curexc;
    if (!exc || !frame) return 0;
    ts->curexc = NULL;   /* protect it while we allocate */
    TracebackObj *tb = (TracebackObj *)obj_alloc(&Traceback_Type, 0);
    if (!tb) {
        err_clear();
        ts->curexc = exc;
        return -1;
    }
    Obj *fo = frame_as_object(frame);
    if (!fo) err_clear();
    tb->frame = fo;
    Obj *code = frame_get_code(frame);
    tb->code = XNEWREF(code);
    tb->lasti = frame_get_lasti(frame);
    tb->lineno = frame_get_lineno(frame);
    BaseExcObj *e = (BaseExcObj *)exc;
    tb->next = e->traceback;   /* steal the old head */
    e->traceback = OBJ(tb);
    ts->curexc = exc;
    return 0;
}

/* ---- display helpers --------------------------------------------------- */

/* Read line `lineno` of filename verbatim (no trailing newline); malloc'd or NULL. */
static char *read_raw_line(const char *filename, int lineno)
{
    if (!filename || !*filename || filename[0] == '<' || lineno < 1) return NULL;
    FILE *fp = fopen(filename, "rb");
    if (!fp) return NULL;
    int cur = 1, c;
    size_t n = 0, cap = 128;
    char *buf = NULL;
    while ((c = fgetc(fp)) != EOF) {
        if (cur == lineno) {
            if (c == '\n') break;
            if (!buf) buf = malloc(cap);
            else if (n + 2 > cap) {
                char *nb = realloc(buf, cap * 2);
                if (!nb) { free(buf); buf = NULL; break; }
                buf = nb;
                cap *= 2;
            }
            if (!buf) break;
            buf[n++] = (char)c;
        } else if (c == '\n') {
            cur++;
        }
    }
    fclose(fp);
    if (cur != lineno) { free(buf); return NULL; }
    if (!buf) { buf = malloc(1); if (!buf) return NULL; }
    if (n > 0 && buf[n - 1] == '\r') n--;
    buf[n] = 0;
    /* skip a UTF-8 BOM on line 1 */
    if (lineno == 1 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF)
        memmove(buf, buf + 3, n - 2);
    return buf;
}

/* Number of code points in the first `col` bytes of s (CPython clamps to len+1). */
static ssize_t byte_to_char(const char *s, ssize_t col)
{
    ssize_t len = (ssize_t)strlen(s);
    ssize_t extra = 0;
    if (col > len) { extra = col > len ? 1 : 0; col = len; }
    ssize_t n = 0;
    for (ssize_t i = 0; i < col; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n + extra;
}

static ssize_t char_len(const char *s)
{
    ssize_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r'; }

/* The anchors of a single-line segment: 3.11's extract_anchors_from_expr.
 * Returns 1 with byte offsets within the segment, 0 if none. */
static int segment_anchors(const char *seg, ssize_t seglen, ssize_t *left, ssize_t *right)
{
    Arena *arena = arena_new();
    if (!arena) return 0;
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    int res = 0;
    Node *mod = parse_source(arena, seg, (size_t)seglen, "<traceback>", PARSE_FILE, 0, &perr);
    if (!mod) {
        parse_error_free(&perr);
        arena_free(arena);
        return 0;
    }
    if (mod->kind == Module_kind && mod->v.Module.body.n == 1) {
        Node *st = mod->v.Module.body.items[0];
        if (st->kind == Expr_kind) {
            Node *e = st->v.Expr.value;
            if (e->kind == BinOp_kind) {
                Node *l = e->v.BinOp.left, *r = e->v.BinOp.right;
                for (ssize_t i = l->end_col_offset; i < r->col_offset && i < seglen; i++) {
                    if (is_ws(seg[i])) continue;
                    *left = i;
                    *right = i + 1;
                    if (i + 1 < r->col_offset && !is_ws(seg[i + 1])) ++*right;
                    if (i + 1 < r->col_offset && seg[i] == ')') continue;
                    break;
                }
                res = 1;
            } else if (e->kind == Subscript_kind) {
                ssize_t la = e->v.Subscript.value->end_col_offset;
                ssize_t ra = e->v.Subscript.slice->end_col_offset + 1;
                while (la < seglen && (is_ws(seg[la]) || seg[la] != '[')) la++;
                while (ra < seglen && (is_ws(seg[ra]) || seg[ra] != ']')) ra++;
                if (ra < seglen) ra++;
                *left = la;
                *right = ra;
                res = 1;
            }
        }
    }
    arena_free(arena);
    return res;
}

static void sb_printf(StrBuilder *sb, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof buf) { sb_append(sb, buf, n); return; }
    char *big = malloc((size_t)n + 1);
    if (!big) return;
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_append(sb, big, n);
    free(big);
}

static void sb_repeat(StrBuilder *sb, const char *s, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++) sb_append_cstr(sb, s);
}

/* Printing context: exception groups indent nested output with "| " margins. */
#define MAX_SEEN 256
#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10
typedef struct {
    StrBuilder *sb;
    int depth;           /* exception group nesting */
    int need_close;
    Obj *seen[MAX_SEEN];
    int nseen;
    /* traceback-module formatting options (err_display uses the defaults) */
    int use_limit;       /* 1: `limit` below instead of sys.tracebacklimit */
    long limit;          /* >= 0: first N entries; < 0: last -N entries */
    int no_chain;        /* do not follow __cause__ / __context__ */
    int only_last;       /* only the final "Type: message" part (format_exception_only) */
} Ctx;

static void indent(Ctx *c) { sb_repeat(c->sb, " ", 2 * (ssize_t)c->depth); }
static void margin(Ctx *c)
{
    indent(c);
    if (c->depth) sb_append_cstr(c->sb, "| ");
}

/* One traceback entry: File line, source line, position markers. */
static void display_line(Ctx *c, Obj *filename, int lineno, Obj *name, Obj *code, int lasti)
{
    StrBuilder *sb = c->sb;
    const char *fn = filename && str_check(filename) ? STR_DATA(filename) : "???";
    margin(c);
    sb_append_cstr(sb, "  File \"");
    sb_append_cstr(sb, fn);
    sb_printf(sb, "\", line %d, in ", lineno);
    sb_append_cstr(sb, name && str_check(name) ? STR_DATA(name) : "???");
    sb_append_cstr(sb, "\n");
    char *line = read_raw_line(fn, lineno);
    if (!line) return;
    ssize_t i = 0;
    while (line[i] == ' ' || line[i] == '\t' || line[i] == '\f') i++;
    if (!line[i]) { free(line); return; }   /* blank line: CPython prints nothing */
    margin(c);
    sb_append_cstr(sb, "    ");
    sb_append_cstr(sb, line + i);
    sb_append_cstr(sb, "\n");

    int sl = -1, el = -1, sc = -1, ec = -1;
    if (!code || code_location(code, lasti, &sl, &el, &sc, &ec) < 0) {
        if (err_occurred()) err_clear();
        free(line);
        return;
    }
    if (sl < 0 || el < 0 || sc < 0 || ec < 0 || sl != lineno) { free(line); return; }
    ssize_t line_len = (ssize_t)strlen(line);
    ssize_t start = byte_to_char(line, sc);
    ssize_t end = byte_to_char(line, ec);
    ssize_t left = -1, right = -1;
    const char *primary = "^", *secondary = "^";
    if (sl == el) {
        if (sc < ec && ec <= line_len) {
            ssize_t la = -1, ra = -1;
            if (segment_anchors(line + sc, ec - sc, &la, &ra) && la >= 0 && ra >= 0) {
                /* convert segment byte offsets to line character offsets */
                char *seg = malloc((size_t)(ec - sc) + 1);
                if (seg) {
                    memcpy(seg, line + sc, (size_t)(ec - sc));
                    seg[ec - sc] = 0;
                    left = byte_to_char(seg, la) + start;
                    right = byte_to_char(seg, ra) + start;
                    free(seg);
                    primary = "~";
                    secondary = "^";
                }
            }
        }
    } else {
        ssize_t k = line_len;
        while (--k >= 0)
            if (!is_ws(line[k])) break;
        end = byte_to_char(line, k + 1);
    }
    ssize_t stripped_len = char_len(line + i);
    ssize_t trunc = byte_to_char(line, i) - 4;
    int special = left != -1 || right != -1;
    if (!(end - start == stripped_len && !special)) {
        margin(c);
        ssize_t off = trunc;
        while (++off <= end) {
            if (off <= start) sb_append_cstr(sb, " ");
            else if (special && left < off && off <= right) sb_append_cstr(sb, secondary);
            else sb_append_cstr(sb, primary);
        }
        sb_append_cstr(sb, "\n");
    }
    free(line);
}

static long traceback_limit(void)
{
    Obj *lim = sys_get_object("tracebacklimit");
    if (lim && int_check(lim)) {
        long long v = int_as_long(lim);
        if (v == -1 && err_occurred()) { err_clear(); return 1000; }
        return v < 0 ? 0 : (long)(v > LONG_MAX ? LONG_MAX : v);
    }
    return 1000;
}

static void repeated(Ctx *c, long cnt)
{
    long n = cnt - TB_RECURSIVE_CUTOFF;
    margin(c);
    sb_printf(c->sb, "  [Previous line repeated %ld more time%s]\n", n, n > 1 ? "s" : "");
}

static void print_tb(Ctx *c, Obj *tb, long limit)
{
    long depth = 0;
    for (Obj *t = tb; t; t = TB(t)->next) depth++;
    long count = depth;
    if (c->use_limit && c->limit >= 0) {
        count = c->limit < depth ? c->limit : depth;   /* the first N entries */
    } else {
        if (c->use_limit) limit = -c->limit;
        while (tb && depth > limit) { depth--; tb = TB(tb)->next; }
        count = depth;
    }
    Obj *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb && count > 0; tb = TB(tb)->next, count--) {
        TracebackObj *t = TB(tb);
        Obj *fn = t->code ? code_filename(t->code) : NULL;
        Obj *nm = t->code ? code_name(t->code) : NULL;
        if (!last_file || !fn || !(fn == last_file || (str_check(fn) && str_eq(fn, last_file))) ||
            last_line == -1 || t->lineno != last_line ||
            !last_name || !nm || !(nm == last_name || (str_check(nm) && str_eq(nm, last_name)))) {
            if (cnt > TB_RECURSIVE_CUTOFF) repeated(c, cnt);
            last_file = fn;
            last_line = t->lineno;
            last_name = nm;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF) display_line(c, fn, t->lineno, nm, t->code, t->lasti);
    }
    if (cnt > TB_RECURSIVE_CUTOFF) repeated(c, cnt);
}

/* SyntaxError's caret block (print_error_text). */
static void print_error_text(StrBuilder *sb, ssize_t offset, ssize_t end_offset, const char *text)
{
    ssize_t reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') { text++; offset--; }
    ssize_t len = (ssize_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (!nl) break;
        ssize_t inl = nl - text;
        if (inl >= offset) break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    sb_append_cstr(sb, "    ");
    sb_append_cstr(sb, text);
    if (text[len] != '\n') sb_append_cstr(sb, "\n");
    if (offset < 0) return;
    sb_append_cstr(sb, "    ");
    while (--offset >= 0) sb_append_cstr(sb, " ");
    sb_repeat(sb, "^", reps);
    sb_append_cstr(sb, "\n");
}

static long obj_to_long_or(Obj *o, long dflt)
{
    if (!o || !int_check(o)) return dflt;
    long long v = int_as_long(o);
    if (v == -1 && err_occurred()) { err_clear(); return dflt; }
    return (long)v;
}

/* ---- "Did you mean" suggestions (3.11's Python/suggestions.c) ---------- */

#define SUGG_MAX_CANDIDATES 750
#define SUGG_MAX_STRING 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t subst_cost(char a, char b)
{
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += 'a' - 'A';
    if ('A' <= b && b <= 'Z') b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max_cost)
{
    size_t buffer[SUGG_MAX_STRING];
    while (an && bn && a[0] == b[0]) { a++; an--; b++; bn--; }
    while (an && bn && a[an - 1] == b[bn - 1]) { an--; bn--; }
    if (an == 0 || bn == 0) return (an + bn) * MOVE_COST;
    if (an > SUGG_MAX_STRING || bn > SUGG_MAX_STRING) return max_cost + 1;
    if (bn < an) {
        const char *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    if ((bn - an) * MOVE_COST > max_cost) return max_cost + 1;
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < an; i++) { buffer[i] = tmp; tmp += MOVE_COST; }
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t idx = 0; idx < an; idx++) {
            size_t substitute = distance + subst_cost(code, a[idx]);
            distance = buffer[idx];
            size_t ins_del = (result < distance ? result : distance) + MOVE_COST;
            result = ins_del < substitute ? ins_del : substitute;
            buffer[idx] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

/* Best candidate in a list of names (borrowed) or NULL. */
static Obj *best_suggestion(Obj *list, Obj *name)
{
    if (!list || !list_check(list) || !str_check(name)) return NULL;
    ssize_t n = LIST_SIZE(list);
    if (n >= SUGG_MAX_CANDIDATES) return NULL;
    const char *ns = STR_DATA(name);
    size_t nn = (size_t)STR_SIZE(name);
    size_t best_dist = SIZE_MAX;
    Obj *best = NULL;
    for (ssize_t i = 0; i < n; i++) {
        Obj *item = LIST_ITEMS(list)[i];
        if (!str_check(item)) continue;
        if (str_eq(item, name)) continue;
        size_t in = (size_t)STR_SIZE(item);
        size_t maxd = (nn + in + 3) * MOVE_COST / 6;
        if (best_dist - 1 < maxd) maxd = best_dist - 1;
        size_t d = levenshtein(ns, nn, STR_DATA(item), in, maxd);
        if (d > maxd) continue;
        if (!best || d < best_dist) { best = item; best_dist = d; }
    }
    return best;
}

static Obj *attr_of(Obj *o, const char *name)
{
    Obj *r = NULL;
    if (obj_lookup_attr(o, str_intern_cstr(name), &r) <= 0) { err_clear(); return NULL; }
    return r;
}

/* Name from "name 'x' is not defined" when NameError.name was not set. */
static Obj *name_from_message(Obj *exc)
{
    Obj *args = exc_get_args(exc);
    if (!args || TUPLE_SIZE(args) != 1 || !str_check(TUPLE_GET(args, 0))) return NULL;
    const char *m = STR_DATA(TUPLE_GET(args, 0));
    if (strncmp(m, "name '", 6) != 0) return NULL;
    const char *e = strstr(m + 6, "' is not defined");
    if (!e) return NULL;
    return str_from_utf8(m + 6, e - (m + 6));
}

static Obj *suggestion_for(Obj *exc)
{
    Obj *res = NULL;
    TypeObj *t = TYPE(exc);
    if (type_is_subtype(t, &Exc_AttributeError)) {
        Obj *name = attr_of(exc, "name"), *obj = attr_of(exc, "obj");
        if (name && obj && name != None && str_check(name)) {
            Obj *dir = obj_dir(obj);
            if (!dir) err_clear();
            Obj *s = best_suggestion(dir, name);
            res = XNEWREF(s);
            XDECREF(dir);
        }
        XDECREF(name);
        XDECREF(obj);
    } else if (type_is_subtype(t, &Exc_NameError)) {
        Obj *name = attr_of(exc, "name");
        if (!name || name == None) { XDECREF(name); name = name_from_message(exc); if (!name) err_clear(); }
        Obj *tb = exc_get_traceback(exc);
        if (name && str_check(name) && tb && TYPE(tb) == &Traceback_Type) {
            while (TB(tb)->next) tb = TB(tb)->next;
            Obj *frame = TB(tb)->frame, *code = TB(tb)->code;
            Obj *cands[3] = {NULL, NULL, NULL};
            if (code) {
                Obj *vn = attr_of(code, "co_varnames"), *cv = attr_of(code, "co_cellvars"),
                    *fv = attr_of(code, "co_freevars");
                Obj *l = list_new(0);
                if (l) {
                    if (vn && list_extend(l, vn) < 0) err_clear();
                    if (cv && list_extend(l, cv) < 0) err_clear();
                    if (fv && list_extend(l, fv) < 0) err_clear();
                } else {
                    err_clear();
                }
                XDECREF(vn); XDECREF(cv); XDECREF(fv);
                cands[0] = l;
            }
            if (frame) {
                Obj *g = attr_of(frame, "f_globals");
                if (g && dict_check(g)) cands[1] = dict_keys_list(g);
                XDECREF(g);
                Obj *b = attr_of(frame, "f_builtins");
                if (b && dict_check(b)) cands[2] = dict_keys_list(b);
                else if (interp_get()->builtins) cands[2] = dict_keys_list(interp_get()->builtins);
                XDECREF(b);
                if (err_occurred()) err_clear();
            }
            for (int i = 0; i < 3 && !res; i++) {
                Obj *s = best_suggestion(cands[i], name);
                res = XNEWREF(s);
            }
            for (int i = 0; i < 3; i++) XDECREF(cands[i]);
        }
        XDECREF(name);
    }
    if (err_occurred()) err_clear();
    return res;
}

/* ---- printing exceptions ----------------------------------------------- */

static void print_recursive(Ctx *c, Obj *exc);

/* Traceback, final "Type: message" line and notes of one exception. */
static void print_exception(Ctx *c, Obj *exc)
{
    StrBuilder *sb = c->sb;
    if (IS_SMALLINT(exc) || !type_has_flag(TYPE(exc), TF_EXC_SUBCLASS)) {
        margin(c);
        sb_append_cstr(sb, "TypeError: print_exception(): Exception expected for value, ");
        sb_append_cstr(sb, type_name(TYPE(exc)));
        sb_append_cstr(sb, " found\n");
        return;
    }
    int is_group = type_is_subtype(TYPE(exc), &Exc_BaseExceptionGroup);
    Obj *tb = c->only_last ? NULL : exc_get_traceback(exc);
    if (tb && TYPE(tb) == &Traceback_Type) {
        long limit = c->use_limit ? 1 : traceback_limit();
        if (c->use_limit && c->limit == 0) limit = 0;
        if (limit > 0) {
            indent(c);
            if (is_group) {
                sb_append_cstr(sb, c->depth == 1 ? "+ " : (c->depth ? "| " : ""));
                sb_append_cstr(sb, "Exception Group Traceback (most recent call last):\n");
            } else {
                if (c->depth) sb_append_cstr(sb, "| ");
                sb_append_cstr(sb, "Traceback (most recent call last):\n");
            }
            print_tb(c, tb, limit);
        }
    }
    Obj *value = NULL;   /* what to print after "Type: " (new ref) */
    Obj *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset;
    if (exc_syntax_info(exc, &msg, &filename, &lineno, &offset, &text, &end_lineno, &end_offset) &&
        msg && lineno && int_check(lineno)) {
        long ln = obj_to_long_or(lineno, 0);
        margin(c);
        sb_append_cstr(sb, "  File \"");
        if (filename && str_check(filename)) sb_append_str(sb, filename);
        else sb_append_cstr(sb, "<string>");
        sb_printf(sb, "\", line %ld\n", ln);
        if (text && str_check(text)) {
            long off = obj_to_long_or(offset, -1);
            long eln = (end_lineno && end_lineno != None) ? obj_to_long_or(end_lineno, ln) : ln;
            long eoff = obj_to_long_or(end_offset, -1);
            ssize_t line_size = STR_SIZE(text);
            if (eln > ln) eoff = (long)line_size;
            if (eoff > line_size + 1) eoff = (long)line_size + 1;
            print_error_text(sb, off, eoff, STR_DATA(text));
        }
        value = NEWREF(msg);
    } else {
        value = NEWREF(exc);
    }

    margin(c);
    TypeObj *t = TYPE(exc);
    Obj *mod = obj_getattr_str(OBJ(t), "__module__");
    if (!mod) err_clear();
    if (!mod || !str_check(mod)) {
        sb_append_cstr(sb, "<unknown>.");
    } else if (!str_eq_cstr(mod, "builtins") && !str_eq_cstr(mod, "__main__")) {
        sb_append_str(sb, mod);
        sb_append_cstr(sb, ".");
    }
    XDECREF(mod);
    Obj *qn = type_qualname(t);
    if (!qn) { err_clear(); sb_append_cstr(sb, type_name(t)); }
    else { sb_append_str(sb, qn); DECREF(qn); }

    Obj *s = obj_str(value);
    if (!s) {
        err_clear();
        sb_append_cstr(sb, ": <exception str() failed>");
    } else if (str_check(s) && STR_SIZE(s) > 0) {
        sb_append_cstr(sb, ": ");
        sb_append_str(sb, s);
    }
    XDECREF(s);
    DECREF(value);
    Obj *sugg = suggestion_for(exc);
    if (sugg) {
        sb_append_cstr(sb, ". Did you mean: '");
        sb_append_str(sb, sugg);
        sb_append_cstr(sb, "'?");
        DECREF(sugg);
    }
    sb_append_cstr(sb, "\n");

    /* __notes__ */
    Obj *notes = NULL;
    int r = obj_lookup_attr(exc, str_intern_cstr("__notes__"), &notes);
    if (r < 0) { err_clear(); return; }
    if (r == 0) return;
    if (!(list_check(notes) || tuple_check(notes) || str_check(notes))) {
        Obj *nr = obj_repr(notes);
        margin(c);
        if (!nr) { err_clear(); sb_append_cstr(sb, "<__notes__ repr() failed>"); }
        else { sb_append_str(sb, nr); DECREF(nr); }
        sb_append_cstr(sb, "\n");
    } else {
        Obj *seq = seq_tuple(notes);
        if (!seq) err_clear();
        for (ssize_t k = 0; seq && k < TUPLE_SIZE(seq); k++) {
            Obj *ns = obj_str(TUPLE_GET(seq, k));
            if (!ns) {
                err_clear();
                margin(c);
                sb_append_cstr(sb, "<note str() failed>");
            } else {
                /* each line of the note gets the margin */
                const char *p = STR_DATA(ns), *end = p + STR_SIZE(ns);
                do {
                    const char *nl = memchr(p, '\n', (size_t)(end - p));
                    const char *stop = nl ? nl + 1 : end;
                    margin(c);
                    sb_append(sb, p, stop - p);
                    p = stop;
                } while (p < end);
                DECREF(ns);
            }
            sb_append_cstr(sb, "\n");
        }
        XDECREF(seq);
    }
    DECREF(notes);
}

static int seen_has(Ctx *c, Obj *o)
{
    for (int i = 0; i < c->nseen; i++) if (c->seen[i] == o) return 1;
    return 0;
}

static void print_chained(Ctx *c, Obj *exc, const char *msg)
{
    int need_close = c->need_close;
    print_recursive(c, exc);
    c->need_close = need_close;
    margin(c);
    sb_append_cstr(c->sb, "\n");
    margin(c);
    sb_append_cstr(c->sb, msg);
    margin(c);
    sb_append_cstr(c->sb, "\n");
}

static void print_group(Ctx *c, Obj *exc)
{
    StrBuilder *sb = c->sb;
    if (c->depth > MAX_GROUP_DEPTH) {
        margin(c);
        sb_printf(sb, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    if (c->depth == 0) c->depth++;
    print_exception(c, exc);
    Obj *excs = NULL;
    if (obj_lookup_attr(exc, str_intern_cstr("exceptions"), &excs) <= 0 || !tuple_check(excs)) {
        err_clear();
        XDECREF(excs);
        if (c->depth == 1) c->depth--;
        return;
    }
    ssize_t num = TUPLE_SIZE(excs);
    ssize_t n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    c->need_close = 0;
    for (ssize_t i = 0; i < n; i++) {
        int last = i == n - 1;
        if (last) c->need_close = 1;
        indent(c);
        int truncated = i >= MAX_GROUP_WIDTH;
        if (!truncated) sb_printf(sb, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        else sb_printf(sb, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        c->depth++;
        if (!truncated) {
            if (enter_recursive_call(" in print_exception_group") == 0) {
                print_recursive(c, TUPLE_GET(excs, i));
                leave_recursive_call();
            } else {
                err_clear();
            }
        } else {
            ssize_t rem = num - MAX_GROUP_WIDTH;
            margin(c);
            sb_printf(sb, "and %zd more exception%s\n", rem, rem > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            indent(c);
            sb_append_cstr(sb, "+------------------------------------\n");
            c->need_close = 0;
        }
        c->depth--;
    }
    DECREF(excs);
    if (c->depth == 1) c->depth--;
}

static void print_recursive(Ctx *c, Obj *exc)
{
    if (enter_recursive_call(" in print_exception_recursive") < 0) {
        err_clear();
        return;
    }
    if (c->nseen < MAX_SEEN) c->seen[c->nseen++] = exc;
    if (!c->no_chain && !IS_SMALLINT(exc) && type_has_flag(TYPE(exc), TF_EXC_SUBCLASS)) {
        BaseExcObj *e = (BaseExcObj *)exc;
        if (e->cause && e->cause != None) {
            if (!seen_has(c, e->cause) && c->nseen < MAX_SEEN)
                print_chained(c, e->cause, "The above exception was the direct cause of the following exception:\n");
        } else if (e->context && e->context != None && !e->suppress_context) {
            if (!seen_has(c, e->context) && c->nseen < MAX_SEEN)
                print_chained(c, e->context, "During handling of the above exception, another exception occurred:\n");
        }
    }
    if (!IS_SMALLINT(exc) && type_is_subtype(TYPE(exc), &Exc_BaseExceptionGroup)) print_group(c, exc);
    else print_exception(c, exc);
    leave_recursive_call();
}

static void write_text(Obj *file, Obj *text)
{
    if (file && file != None) {
        if (file_write_str(file, text) == 0) {
            Obj *r = obj_call_method(file, "flush", NULL, 0);
            if (r) DECREF(r);
            else err_clear();
            return;
        }
        err_clear();
    }
    fflush(stdout);
    fwrite(STR_DATA(text), 1, (size_t)STR_SIZE(text), stderr);
    fflush(stderr);
}

void err_display(Obj *exc, Obj *file)
{
    if (!exc) return;
    Obj *saved = err_fetch();
    StrBuilder sb;
    sb_init(&sb);
    Ctx *c = calloc(1, sizeof *c);
    if (!c) { err_restore(saved); return; }
    c->sb = &sb;
    /* flush stdout first so that output ordering matches CPython on a terminal */
    Obj *out = sys_get_object("stdout");
    if (out && out != None && out != file) {
        Obj *r = obj_call_method(out, "flush", NULL, 0);
        if (r) DECREF(r); else err_clear();
    }
    print_recursive(c, exc);
    free(c);
    Obj *text = sb_finish(&sb);
    if (text) {
        write_text(file, text);
        DECREF(text);
    } else {
        err_clear();
    }
    err_restore(saved);
}

/* traceback.format_exception() support: the display text as a str.
 * limit: NULL/None = sys.tracebacklimit rules; int >= 0 first N entries,
 * < 0 last N.  tb (may be NULL) replaces exc.__traceback__ while formatting. */
Obj *traceback_format(Obj *exc, Obj *tb, Obj *limit, int chain, int only_last)
{
    if (IS_SMALLINT(exc) || !type_has_flag(TYPE(exc), TF_EXC_SUBCLASS))
        return err_format(&Exc_TypeError, "Exception expected for value, %s found", type_name(TYPE(exc)));
    Ctx *c = calloc(1, sizeof *c);
    if (!c) return err_no_memory();
    StrBuilder sb;
    sb_init(&sb);
    c->sb = &sb;
    c->no_chain = !chain;
    c->only_last = only_last;
    if (only_last) c->no_chain = 1;
    if (limit && limit != None) {
        long long v = int_as_long(limit);
        if (v == -1 && err_occurred()) { free(c); sb_discard(&sb); return NULL; }
        c->use_limit = 1;
        c->limit = (long)v;
    } else {
        Obj *lim = sys_get_object("tracebacklimit");
        if (lim && int_check(lim)) {
            long long v = int_as_long(lim);
            if (v == -1 && err_occurred()) err_clear();
            c->use_limit = 1;
            c->limit = v < 0 ? 0 : (long)v;
        }
    }
    Obj *saved_tb = NULL;
    int swap = tb != NULL;
    if (swap) {
        saved_tb = XNEWREF(exc_get_traceback(exc));
        exc_set_traceback(exc, tb == None ? NULL : tb);
    }
    Obj *saved = err_fetch();
    print_recursive(c, exc);
    err_restore(saved);
    if (swap) {
        exc_set_traceback(exc, saved_tb);
        XDECREF(saved_tb);
    }
    free(c);
    return sb_finish(&sb);
}

void err_print(void)
{
    Obj *exc = err_fetch();
    if (!exc) return;
    /* sys.last_type / last_value / last_traceback */
    Obj *tb = exc_get_traceback(exc);
    sys_set_object("last_type", OBJ(TYPE(exc)));
    sys_set_object("last_value", exc);
    sys_set_object("last_traceback", tb ? tb : None);
    if (err_occurred()) err_clear();
    Obj *hook = sys_get_object("excepthook");
    if (hook && hook != None) {
        Obj *args[3] = {OBJ(TYPE(exc)), exc, tb ? tb : None};
        Obj *r = obj_call(hook, args, 3, NULL);
        if (r) {
            DECREF(r);
            DECREF(exc);
            return;
        }
        Obj *hook_exc = err_fetch();
        Obj *f = sys_get_object("stderr");
        if (hook_exc && type_is_subtype(TYPE(hook_exc), &Exc_SystemExit)) {
            /* CPython exits here; let the caller see it */
            DECREF(exc);
            err_restore(hook_exc);
            return;
        }
        Obj *t1 = str_from_cstr("Error in sys.excepthook:\n");
        if (t1) { write_text(f, t1); DECREF(t1); }
        if (hook_exc) err_display(hook_exc, f);
        Obj *t2 = str_from_cstr("\nOriginal exception was:\n");
        if (t2) { write_text(f, t2); DECREF(t2); }
        err_display(exc, f);
        XDECREF(hook_exc);
        DECREF(exc);
        return;
    }
    err_display(exc, sys_get_object("stderr"));
    DECREF(exc);
}

/* sys.__unraisablehook__'s output: header line, traceback, "Type: value". */
void unraisable_default_print(Obj *exc, Obj *tb, Obj *msg, Obj *obj)
{
    Obj *file = sys_get_object("stderr");
    if (!file || file == None) return;
    Obj *saved = err_fetch();
    Obj *head = NULL;
    if (obj && obj != None) {
        Obj *r = obj_repr(obj);
        if (!r) err_clear();
        if (msg && msg != None && str_check(msg))
            head = r ? str_from_format("%U: %U\n", msg, r) : str_from_format("%U: <object repr() failed>\n", msg);
        else
            head = r ? str_from_format("Exception ignored in: %U\n", r)
                     : str_from_cstr("Exception ignored in: <object repr() failed>\n");
        XDECREF(r);
    } else if (msg && msg != None && str_check(msg)) {
        head = str_from_format("%U:\n", msg);
    }
    if (head) { write_text(file, head); DECREF(head); }
    if (err_occurred()) err_clear();
    if (exc && exc != None && !IS_SMALLINT(exc) && type_has_flag(TYPE(exc), TF_EXC_SUBCLASS)) {
        Obj *text = traceback_format(exc, tb ? tb : None, NULL, 0, 0);
        if (text) { write_text(file, text); DECREF(text); }
        else err_clear();
    }
    err_restore(saved);
}

Obj *sys_make_unraisable_args(Obj *exc, Obj *msg, Obj *obj);

/* Report an exception that cannot be raised (__del__, atexit, GC callbacks)
 * through sys.unraisablehook; msg NULL means "Exception ignored in". */
void err_write_unraisable_msg(const char *msg, Obj *obj)
{
    Obj *exc = err_fetch();
    if (!exc) return;
    Obj *m = msg ? str_from_cstr(msg) : NEWREF(None);
    if (!m) { err_clear(); m = NEWREF(None); }
    Obj *hook = sys_get_object("unraisablehook");
    Obj *dflt = sys_get_object("__unraisablehook__");
    if (hook && hook != None && hook != dflt) {
        Obj *args = sys_make_unraisable_args(exc, m, obj);
        Obj *r = args ? obj_call1(hook, args) : NULL;
        XDECREF(args);
        if (r) {
            DECREF(r);
        } else {
            /* the hook failed: report both with the default printer */
            Obj *hexc = err_fetch();
            Obj *hm = str_from_cstr("Exception ignored in sys.unraisablehook");
            if (hexc) unraisable_default_print(hexc, exc_get_traceback(hexc), hm, hook);
            XDECREF(hm);
            XDECREF(hexc);
            err_clear();
        }
    } else {
        unraisable_default_print(exc, exc_get_traceback(exc), m, obj);
    }
    DECREF(m);
    DECREF(exc);
}

void err_write_unraisable(Obj *obj)
{
    err_write_unraisable_msg(NULL, obj);
}
