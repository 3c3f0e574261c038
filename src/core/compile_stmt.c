/* compile_stmt.c — code generation for statements.
 *
 * Control flow out of try/with/loops (return, break, continue) is compiled by
 * unwinding the compiler's fblock stack: each enclosing block emits what its
 * normal exit would (POP_BLOCK, the finally body, __exit__ call, POP_EXCEPT). */
#include "core/compile_int.h"

static int clear_name(Compiler *c, const char *name)
{
    EMIT(LOAD_CONST, cg_add_const(c, None));
    CG_CHECK(cg_nameop(c, name, Store));
    return cg_nameop(c, name, Del);
}

/* Emit the exit code of one fblock.  preserve_tos: a value (return value) sits on top. */
static int unwind_fblock(Compiler *c, FBlock *b, int preserve_tos)
{
    switch (b->type) {
    case FB_WHILE_LOOP:
        return 0;
    case FB_FOR_LOOP:
        if (preserve_tos) EMIT(SWAP, 2);
        EMIT(POP_TOP, 0);
        return 0;
    case FB_ASYNC_FOR_LOOP:
        if (preserve_tos) EMIT(SWAP, 2);
        EMIT(POP_TOP, 0);
        return 0;
    case FB_POP_VALUE:
        if (preserve_tos) EMIT(SWAP, 2);
        EMIT(POP_TOP, 0);
        return 0;
    case FB_TRY_EXCEPT:
        EMIT(POP_BLOCK, 0);
        return 0;
    case FB_EXCEPT_STAR:
        return 0;    /* unreachable: break/continue/return are rejected inside except* */
    case FB_FINALLY_TRY: {
        EMIT(POP_BLOCK, 0);
        /* run the finally body with this block removed (a return inside it must not re-run it) */
        Unit *u = c->u;
        FBlock saved = *b;
        int idx = (int)(b - u->fblocks);
        int saved_n = u->nfblocks;
        u->nfblocks = idx;
        int r = cg_body(c, &saved.node->v.Try.finalbody);
        u->nfblocks = saved_n;
        u->fblocks[idx] = saved;
        return r;
    }
    case FB_FINALLY_END:
        /* stack: prev_exc, exc [, tos] */
        if (preserve_tos) EMIT(SWAP, 2);
        EMIT(POP_TOP, 0);
        if (preserve_tos) EMIT(SWAP, 2);
        EMIT(POP_EXCEPT, 0);
        return 0;
    case FB_WITH: case FB_ASYNC_WITH:
        EMIT(POP_BLOCK, 0);
        if (preserve_tos) EMIT(SWAP, 2);
        if (b->type == FB_ASYNC_WITH) {
            EMIT(WITH_NORMAL_EXIT, 1);
            EMIT(GET_AWAITABLE, 2);
            CG_CHECK(cg_await_loop(c));
            EMIT(POP_TOP, 0);
        } else {
            EMIT(WITH_NORMAL_EXIT, 0);
        }
        return 0;
    case FB_HANDLER_CLEANUP:
        if (b->name) {
            EMIT(POP_BLOCK, 0);
            CG_CHECK(clear_name(c, b->name));
        }
        if (preserve_tos) EMIT(SWAP, 2);
        EMIT(POP_EXCEPT, 0);
        return 0;
    }
    return 0;
}

/* Unwind every block up to (not including) the innermost loop when loop != NULL,
 * or all blocks for return.  *loop receives the loop block or NULL. */
int cg_unwind_fblock_stack(Compiler *c, int preserve_tos, FBlock **loop)
{
    Unit *u = c->u;
    for (int i = u->nfblocks - 1; i >= 0; i--) {
        FBlock *b = &u->fblocks[i];
        if (loop && (b->type == FB_WHILE_LOOP || b->type == FB_FOR_LOOP || b->type == FB_ASYNC_FOR_LOOP)) {
            *loop = b;
            return 0;
        }
        CG_CHECK(unwind_fblock(c, b, preserve_tos));
    }
    if (loop) *loop = NULL;
    return 0;
}

static int cg_return(Compiler *c, Node *n)
{
    Scope *s = c->u->scope;
    if (s->kind != SCOPE_FUNCTION && s->kind != SCOPE_LAMBDA) {
        cg_error(c, n, "'return' outside function");
        return -1;
    }
    if (n->v.Return.value && s->is_generator && s->is_coroutine) {
        cg_error(c, n, "'return' with value in async generator");
        return -1;
    }
    for (int i = c->u->nfblocks - 1; i >= 0; i--) {
        if (c->u->fblocks[i].type == FB_EXCEPT_STAR) {
            cg_error(c, n, "'break', 'continue' and 'return' cannot appear in an except* block");
            return -1;
        }
    }
    if (n->v.Return.value) CG_CHECK(cg_expr(c, n->v.Return.value));
    else EMIT(LOAD_CONST, cg_add_const(c, None));
    CG_CHECK(cg_unwind_fblock_stack(c, 1, NULL));
    cg_set_loc(c, n);
    return cg_emit(c, OP_RETURN_VALUE, 0);
}

static int cg_break_continue(Compiler *c, Node *n, bool is_break)
{
    FBlock *loop = NULL;
    /* find the loop first for the error message */
    Unit *u = c->u;
    int i;
    for (i = u->nfblocks - 1; i >= 0; i--) {
        int t = u->fblocks[i].type;
        if (t == FB_WHILE_LOOP || t == FB_FOR_LOOP || t == FB_ASYNC_FOR_LOOP) break;
        if (t == FB_EXCEPT_STAR) {
            cg_error(c, n, "'break', 'continue' and 'return' cannot appear in an except* block");
            return -1;
        }
    }
    if (i < 0) {
        cg_error(c, n, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return -1;
    }
    CG_CHECK(cg_unwind_fblock_stack(c, 0, &loop));
    cg_set_loc(c, n);
    if (is_break) {
        CG_CHECK(unwind_fblock(c, loop, 0));
        return cg_emit(c, OP_JUMP, loop->l_break);
    }
    return cg_emit(c, OP_JUMP, loop->l_cont);
}

static int cg_if(Compiler *c, Node *n)
{
    int end = cg_new_label(c);
    if (n->v.If.orelse.n) {
        int l_else = cg_new_label(c);
        CG_CHECK(cg_jump_if(c, n->v.If.test, l_else, 0));
        CG_CHECK(cg_body(c, &n->v.If.body));
        EMIT(JUMP, end);
        cg_use_label(c, l_else);
        CG_CHECK(cg_body(c, &n->v.If.orelse));
    } else {
        CG_CHECK(cg_jump_if(c, n->v.If.test, end, 0));
        CG_CHECK(cg_body(c, &n->v.If.body));
    }
    cg_use_label(c, end);
    return 0;
}

static int cg_while(Compiler *c, Node *n)
{
    int top = cg_new_label(c), l_else = cg_new_label(c), end = cg_new_label(c);
    cg_use_label(c, top);
    CG_CHECK(cg_jump_if(c, n->v.While.test, l_else, 0));
    CG_CHECK(cg_push_fblock(c, FB_WHILE_LOOP, top, end, n, NULL));
    CG_CHECK(cg_body(c, &n->v.While.body));
    cg_pop_fblock(c);
    cg_set_loc(c, n);
    EMIT(JUMP, top);
    cg_use_label(c, l_else);
    CG_CHECK(cg_body(c, &n->v.While.orelse));
    cg_use_label(c, end);
    return 0;
}

static int cg_for(Compiler *c, Node *n)
{
    int top = cg_new_label(c), l_else = cg_new_label(c), end = cg_new_label(c);
    CG_CHECK(cg_expr(c, n->v.For.iter));
    cg_set_loc(c, n->v.For.iter);
    EMIT(GET_ITER, 0);
    cg_use_label(c, top);
    cg_set_loc(c, n);
    EMIT(FOR_ITER, l_else);
    CG_CHECK(cg_store(c, n->v.For.target));
    CG_CHECK(cg_push_fblock(c, FB_FOR_LOOP, top, end, n, NULL));
    CG_CHECK(cg_body(c, &n->v.For.body));
    cg_pop_fblock(c);
    cg_set_loc(c, n);
    EMIT(JUMP, top);
    cg_use_label(c, l_else);
    CG_CHECK(cg_body(c, &n->v.For.orelse));
    cg_use_label(c, end);
    return 0;
}

static int check_async_context(Compiler *c, Node *n, const char *what)
{
    Scope *s = c->u->scope;
    if (!c->u->in_async_func || (s->kind != SCOPE_FUNCTION && s->kind != SCOPE_COMPREHENSION)) {
        cg_error(c, n, "'%s' outside async function", what);
        return -1;
    }
    return 0;
}

static int cg_async_for(Compiler *c, Node *n)
{
    CG_CHECK(check_async_context(c, n, "async for"));
    int top = cg_new_label(c), l_except = cg_new_label(c), end = cg_new_label(c);
    CG_CHECK(cg_expr(c, n->v.For.iter));
    EMIT(GET_AITER, 0);
    cg_use_label(c, top);
    EMIT(SETUP_FINALLY, l_except);
    EMIT(GET_ANEXT, 0);
    CG_CHECK(cg_await_loop(c));
    EMIT(POP_BLOCK, 0);
    CG_CHECK(cg_store(c, n->v.For.target));
    CG_CHECK(cg_push_fblock(c, FB_ASYNC_FOR_LOOP, top, end, n, NULL));
    CG_CHECK(cg_body(c, &n->v.For.body));
    cg_pop_fblock(c);
    EMIT(JUMP, top);
    cg_use_label(c, l_except);
    /* stack: aiter, prev, exc */
    EMIT(END_ASYNC_FOR, 0);
    CG_CHECK(cg_body(c, &n->v.For.orelse));
    cg_use_label(c, end);
    return 0;
}

static int cg_try_except(Compiler *c, Node *n)
{
    int l_except = cg_new_label(c), end = cg_new_label(c);
    EMIT(SETUP_FINALLY, l_except);
    CG_CHECK(cg_push_fblock(c, FB_TRY_EXCEPT, -1, -1, n, NULL));
    CG_CHECK(cg_body(c, &n->v.Try.body));
    cg_pop_fblock(c);
    EMIT(POP_BLOCK, 0);
    CG_CHECK(cg_body(c, &n->v.Try.orelse));
    EMIT(JUMP, end);
    cg_use_label(c, l_except);
    NodeList *hs = &n->v.Try.handlers;
    for (int i = 0; i < hs->n; i++) {
        Node *h = hs->items[i];
        cg_set_loc(c, h);
        if (!h->v.ExceptHandler.type && i < hs->n - 1) {
            cg_error(c, h, "default 'except:' must be last");
            return -1;
        }
        int next = cg_new_label(c);
        if (h->v.ExceptHandler.type) {
            CG_CHECK(cg_expr(c, h->v.ExceptHandler.type));
            EMIT(JUMP_IF_NOT_EXC_MATCH, next);
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            int l_cleanup = cg_new_label(c);
            CG_CHECK(cg_nameop(c, name, Store));
            EMIT(SETUP_FINALLY, l_cleanup);
            CG_CHECK(cg_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, n, name));
            CG_CHECK(cg_body(c, &h->v.ExceptHandler.body));
            cg_pop_fblock(c);
            EMIT(POP_BLOCK, 0);
            EMIT(POP_EXCEPT, 0);
            CG_CHECK(clear_name(c, name));
            EMIT(JUMP, end);
            cg_use_label(c, l_cleanup);
            CG_CHECK(clear_name(c, name));
            EMIT(RERAISE, 0);
        } else {
            EMIT(POP_TOP, 0);
            CG_CHECK(cg_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, n, NULL));
            CG_CHECK(cg_body(c, &h->v.ExceptHandler.body));
            cg_pop_fblock(c);
            EMIT(POP_EXCEPT, 0);
            EMIT(JUMP, end);
        }
        cg_use_label(c, next);
    }
    EMIT(RERAISE, 0);
    cg_use_label(c, end);
    return 0;
}

/* except*: at the handler the stack is [prev, exc]; it becomes
 * [prev, orig, list, rest].  Each clause splits rest by its type; exceptions
 * raised by a clause body are appended to list; finally rest is appended and
 * PREP_RERAISE_STAR computes what (if anything) to re-raise. */
static int cg_try_star_except(Compiler *c, Node *n)
{
    int l_except = cg_new_label(c), end = cg_new_label(c), l_reraise = cg_new_label(c);
    EMIT(SETUP_FINALLY, l_except);
    CG_CHECK(cg_push_fblock(c, FB_TRY_EXCEPT, -1, -1, n, NULL));
    CG_CHECK(cg_body(c, &n->v.Try.body));
    cg_pop_fblock(c);
    EMIT(POP_BLOCK, 0);
    CG_CHECK(cg_body(c, &n->v.Try.orelse));
    EMIT(JUMP, end);
    cg_use_label(c, l_except);
    EMIT(COPY, 1);
    EMIT(BUILD_LIST, 0);
    EMIT(SWAP, 2);
    NodeList *hs = &n->v.Try.handlers;
    for (int i = 0; i < hs->n; i++) {
        Node *h = hs->items[i];
        cg_set_loc(c, h);
        int next = cg_new_label(c), l_h = cg_new_label(c);
        CG_CHECK(cg_expr(c, h->v.ExceptHandler.type));
        EMIT(CHECK_EG_MATCH, next);
        const char *name = h->v.ExceptHandler.name;
        if (name) CG_CHECK(cg_nameop(c, name, Store));
        else EMIT(POP_TOP, 0);
        EMIT(SETUP_FINALLY, l_h);
        CG_CHECK(cg_push_fblock(c, FB_EXCEPT_STAR, -1, -1, n, NULL));
        CG_CHECK(cg_body(c, &h->v.ExceptHandler.body));
        cg_pop_fblock(c);
        EMIT(POP_BLOCK, 0);
        if (name) CG_CHECK(clear_name(c, name));
        EMIT(JUMP, next);
        cg_use_label(c, l_h);
        /* [prev, orig, list, rest, prev2, exc2] */
        if (name) CG_CHECK(clear_name(c, name));
        EMIT(LIST_APPEND, 3);
        EMIT(POP_EXCEPT, 0);
        cg_use_label(c, next);
    }
    EMIT(LIST_APPEND, 1);
    EMIT(PREP_RERAISE_STAR, 0);
    EMIT(COPY, 1);
    EMIT(POP_JUMP_IF_NOT_NONE, l_reraise);
    EMIT(POP_TOP, 0);
    EMIT(POP_EXCEPT, 0);
    EMIT(JUMP, end);
    cg_use_label(c, l_reraise);
    EMIT(RERAISE, 0);
    cg_use_label(c, end);
    return 0;
}

static int cg_try(Compiler *c, Node *n)
{
    if (n->kind == TryStar_kind) {
        if (!n->v.Try.finalbody.n) return cg_try_star_except(c, n);
        int l_handler = cg_new_label(c), end = cg_new_label(c);
        EMIT(SETUP_FINALLY, l_handler);
        CG_CHECK(cg_push_fblock(c, FB_FINALLY_TRY, -1, -1, n, NULL));
        CG_CHECK(cg_try_star_except(c, n));
        cg_pop_fblock(c);
        EMIT(POP_BLOCK, 0);
        CG_CHECK(cg_body(c, &n->v.Try.finalbody));
        EMIT(JUMP, end);
        cg_use_label(c, l_handler);
        CG_CHECK(cg_push_fblock(c, FB_FINALLY_END, -1, -1, n, NULL));
        CG_CHECK(cg_body(c, &n->v.Try.finalbody));
        cg_pop_fblock(c);
        EMIT(RERAISE, 0);
        cg_use_label(c, end);
        return 0;
    }
    if (!n->v.Try.finalbody.n) return cg_try_except(c, n);
    int l_handler = cg_new_label(c), end = cg_new_label(c);
    EMIT(SETUP_FINALLY, l_handler);
    CG_CHECK(cg_push_fblock(c, FB_FINALLY_TRY, -1, -1, n, NULL));
    if (n->v.Try.handlers.n) CG_CHECK(cg_try_except(c, n));
    else CG_CHECK(cg_body(c, &n->v.Try.body));
    cg_pop_fblock(c);
    EMIT(POP_BLOCK, 0);
    CG_CHECK(cg_body(c, &n->v.Try.finalbody));
    EMIT(JUMP, end);
    cg_use_label(c, l_handler);
    CG_CHECK(cg_push_fblock(c, FB_FINALLY_END, -1, -1, n, NULL));
    CG_CHECK(cg_body(c, &n->v.Try.finalbody));
    cg_pop_fblock(c);
    EMIT(RERAISE, 0);
    cg_use_label(c, end);
    return 0;
}

static int cg_with_item(Compiler *c, Node *n, int i, bool is_async)
{
    Node *item = n->v.With.items.items[i];
    int l_exc = cg_new_label(c), l_suppress = cg_new_label(c), end = cg_new_label(c);
    CG_CHECK(cg_expr(c, item->v.WithItem.context_expr));
    cg_set_loc(c, item->v.WithItem.context_expr);
    if (is_async) {
        EMIT(BEFORE_ASYNC_WITH, 0);
        EMIT(GET_AWAITABLE, 1);
        CG_CHECK(cg_await_loop(c));
    } else {
        EMIT(BEFORE_WITH, 0);
    }
    EMIT(SETUP_WITH, l_exc);
    if (item->v.WithItem.optional_vars) CG_CHECK(cg_store(c, item->v.WithItem.optional_vars));
    else EMIT(POP_TOP, 0);
    CG_CHECK(cg_push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, -1, -1, n, NULL));
    if (i + 1 < n->v.With.items.n) CG_CHECK(cg_with_item(c, n, i + 1, is_async));
    else CG_CHECK(cg_body(c, &n->v.With.body));
    cg_pop_fblock(c);
    cg_set_loc(c, n);
    EMIT(POP_BLOCK, 0);
    if (is_async) {
        EMIT(WITH_NORMAL_EXIT, 1);
        EMIT(GET_AWAITABLE, 2);
        CG_CHECK(cg_await_loop(c));
        EMIT(POP_TOP, 0);
    } else {
        EMIT(WITH_NORMAL_EXIT, 0);
    }
    EMIT(JUMP, end);
    cg_use_label(c, l_exc);
    /* stack: exit, prev, exc */
    EMIT(WITH_EXCEPT_START, 0);
    if (is_async) {
        EMIT(GET_AWAITABLE, 2);
        CG_CHECK(cg_await_loop(c));
    }
    EMIT(POP_JUMP_IF_TRUE, l_suppress);
    EMIT(RERAISE, 0);
    cg_use_label(c, l_suppress);
    EMIT(POP_TOP, 0);
    EMIT(POP_EXCEPT, 0);
    EMIT(POP_TOP, 0);
    cg_use_label(c, end);
    return 0;
}

static int cg_import(Compiler *c, Node *n)
{
    NodeList *names = &n->v.Import.names;
    for (int i = 0; i < names->n; i++) {
        Node *a = names->items[i];
        const char *full = a->v.Alias.name;
        EMIT(LOAD_CONST, cg_add_const(c, MAKE_SMALLINT(0)));
        EMIT(LOAD_CONST, cg_add_const(c, None));
        int idx = cg_add_name(c, full);
        CG_CHECK(idx);
        EMIT(IMPORT_NAME, idx);
        if (a->v.Alias.asname) {
            const char *dot = strchr(full, '.');
            while (dot) {
                const char *start = dot + 1;
                const char *next = strchr(start, '.');
                size_t len = next ? (size_t)(next - start) : strlen(start);
                char *part = arena_strndup(c->arena, start, len);
                int pi = cg_add_name(c, part);
                CG_CHECK(pi);
                EMIT(IMPORT_FROM, pi);
                EMIT(SWAP, 2);
                EMIT(POP_TOP, 0);
                dot = next;
            }
            CG_CHECK(cg_nameop(c, a->v.Alias.asname, Store));
        } else {
            const char *dot = strchr(full, '.');
            const char *top = dot ? arena_strndup(c->arena, full, (size_t)(dot - full)) : full;
            CG_CHECK(cg_nameop(c, top, Store));
        }
    }
    return 0;
}

static int cg_import_from(Compiler *c, Node *n)
{
    NodeList *names = &n->v.ImportFrom.names;
    EMIT(LOAD_CONST, cg_add_const(c, MAKE_SMALLINT(n->v.ImportFrom.level)));
    Obj *fromlist = tuple_new(names->n);
    if (!fromlist) return -1;
    for (int i = 0; i < names->n; i++) {
        Obj *s = str_from_cstr(names->items[i]->v.Alias.name);
        if (!s) { DECREF(fromlist); return -1; }
        TUPLE_SET(fromlist, i, s);
    }
    CG_CHECK(cg_load_const_new(c, fromlist));
    int idx = cg_add_name(c, n->v.ImportFrom.module ? n->v.ImportFrom.module : "");
    CG_CHECK(idx);
    EMIT(IMPORT_NAME, idx);
    for (int i = 0; i < names->n; i++) {
        Node *a = names->items[i];
        if (strcmp(a->v.Alias.name, "*") == 0) {
            EMIT(IMPORT_STAR, 0);
            return 0;
        }
        int ni = cg_add_name(c, a->v.Alias.name);
        CG_CHECK(ni);
        EMIT(IMPORT_FROM, ni);
        CG_CHECK(cg_nameop(c, a->v.Alias.asname ? a->v.Alias.asname : a->v.Alias.name, Store));
    }
    EMIT(POP_TOP, 0);
    return 0;
}

static int cg_annassign(Compiler *c, Node *n)
{
    Node *t = n->v.AnnAssign.target;
    if (n->v.AnnAssign.value) {
        CG_CHECK(cg_expr(c, n->v.AnnAssign.value));
        CG_CHECK(cg_store(c, t));
    }
    Scope *s = c->u->scope;
    bool module_or_class = s->kind == SCOPE_MODULE || s->kind == SCOPE_CLASS;
    if (t->kind == Name_kind) {
        if (n->v.AnnAssign.simple && module_or_class) {
            CG_CHECK(cg_expr(c, n->v.AnnAssign.annotation));
            int idx = cg_add_name(c, cg_mangle(c, t->v.Name.id));
            CG_CHECK(idx);
            EMIT(STORE_ANNOTATION, idx);
        }
    } else if (module_or_class) {
        if (!n->v.AnnAssign.value) {
            /* evaluate the target's sub-expressions for their side effects/errors */
            if (t->kind == Attribute_kind) {
                CG_CHECK(cg_expr(c, t->v.Attribute.value));
                EMIT(POP_TOP, 0);
            } else if (t->kind == Subscript_kind) {
                CG_CHECK(cg_expr(c, t->v.Subscript.value));
                EMIT(POP_TOP, 0);
                CG_CHECK(cg_expr(c, t->v.Subscript.slice));
                EMIT(POP_TOP, 0);
            }
        }
        CG_CHECK(cg_expr(c, n->v.AnnAssign.annotation));
        EMIT(POP_TOP, 0);
    }
    return 0;
}

static int cg_augassign(Compiler *c, Node *n)
{
    Node *t = n->v.AugAssign.target;
    int op = NB_INPLACE_BASE + n->v.AugAssign.op;
    switch (t->kind) {
    case Name_kind:
        CG_CHECK(cg_nameop(c, t->v.Name.id, Load));
        CG_CHECK(cg_expr(c, n->v.AugAssign.value));
        cg_set_loc(c, n);
        EMIT(BINARY_OP, op);
        return cg_nameop(c, t->v.Name.id, Store);
    case Attribute_kind: {
        CG_CHECK(cg_expr(c, t->v.Attribute.value));
        EMIT(COPY, 1);
        int idx = cg_add_name(c, cg_mangle(c, t->v.Attribute.attr));
        CG_CHECK(idx);
        cg_set_loc(c, t);
        EMIT(LOAD_ATTR, idx);
        CG_CHECK(cg_expr(c, n->v.AugAssign.value));
        cg_set_loc(c, n);
        EMIT(BINARY_OP, op);
        EMIT(SWAP, 2);
        cg_set_loc(c, t);
        EMIT(STORE_ATTR, idx);
        return 0;
    }
    case Subscript_kind:
        CG_CHECK(cg_expr(c, t->v.Subscript.value));
        if (t->v.Subscript.slice->kind == Slice_kind) CG_CHECK(cg_expr(c, t->v.Subscript.slice));
        else CG_CHECK(cg_expr(c, t->v.Subscript.slice));
        EMIT(COPY, 2);
        EMIT(COPY, 2);
        cg_set_loc(c, t);
        EMIT(BINARY_SUBSCR, 0);
        CG_CHECK(cg_expr(c, n->v.AugAssign.value));
        cg_set_loc(c, n);
        EMIT(BINARY_OP, op);
        EMIT(SWAP, 3);
        EMIT(SWAP, 2);
        cg_set_loc(c, t);
        EMIT(STORE_SUBSCR, 0);
        return 0;
    default:
        cg_error(c, t, "'%s' is an illegal expression for augmented assignment", "expression");
        return -1;
    }
}

/* ---------------------------------------------------------------------- */
/* match statement (subset: literals, captures, wildcards, sequences, or, class
 * and mapping patterns) */

static int cg_pattern(Compiler *c, Node *p, int fail);

/* Subject on TOS; pattern consumes it; jumps to fail with the subject popped. */
static int pattern_pop_fail(Compiler *c, int fail_with_subject, int fail)
{
    (void)fail_with_subject;
    (void)fail;
    return 0;
}

static int cg_pattern(Compiler *c, Node *p, int fail)
{
    /* contract: subject on TOS; on success it is consumed; on failure jumps to `fail`
     * with the subject consumed as well. */
    cg_set_loc(c, p);
    switch (p->kind) {
    case MatchAs_kind:
        if (!p->v.MatchAs.pattern) {
            if (p->v.MatchAs.name) return cg_nameop(c, p->v.MatchAs.name, Store);
            EMIT(POP_TOP, 0);
            return 0;
        }
        if (p->v.MatchAs.name) {
            int f2 = cg_new_label(c), ok = cg_new_label(c);
            EMIT(COPY, 1);
            CG_CHECK(cg_pattern(c, p->v.MatchAs.pattern, f2));
            CG_CHECK(cg_nameop(c, p->v.MatchAs.name, Store));
            EMIT(JUMP, ok);
            cg_use_label(c, f2);
            EMIT(POP_TOP, 0);
            EMIT(JUMP, fail);
            cg_use_label(c, ok);
            return 0;
        }
        return cg_pattern(c, p->v.MatchAs.pattern, fail);
    case MatchValue_kind: {
        CG_CHECK(cg_expr(c, p->v.MatchValue.value));
        EMIT(COMPARE_OP, CMP_EQ);
        return cg_emit(c, OP_POP_JUMP_IF_FALSE, fail);
    }
    case MatchSingleton_kind: {
        Obj *v = cg_const_value(c, &p->v.MatchSingleton.value);
        CG_CHECK(cg_emit(c, OP_LOAD_CONST, cg_add_const(c, v)));
        EMIT(IS_OP, 0);
        return cg_emit(c, OP_POP_JUMP_IF_FALSE, fail);
    }
    case MatchOr_kind: {
        NodeList *alts = &p->v.MatchSequence.patterns;
        int ok = cg_new_label(c);
        for (int i = 0; i < alts->n; i++) {
            int next = cg_new_label(c);
            EMIT(COPY, 1);
            CG_CHECK(cg_pattern(c, alts->items[i], next));
            EMIT(POP_TOP, 0);
            EMIT(JUMP, ok);
            cg_use_label(c, next);
        }
        EMIT(POP_TOP, 0);
        EMIT(JUMP, fail);
        cg_use_label(c, ok);
        return 0;
    }
    case MatchSequence_kind: {
        NodeList *ps = &p->v.MatchSequence.patterns;
        int star = -1;
        for (int i = 0; i < ps->n; i++)
            if (ps->items[i]->kind == MatchStar_kind) star = i;
        int f2 = cg_new_label(c), ok = cg_new_label(c);
        EMIT(MATCH_SEQUENCE, 0);
        EMIT(POP_JUMP_IF_FALSE, f2);
        EMIT(GET_LEN, 0);
        CG_CHECK(cg_emit(c, OP_LOAD_CONST, cg_add_const(c, MAKE_SMALLINT(star >= 0 ? ps->n - 1 : ps->n))));
        EMIT(COMPARE_OP, star >= 0 ? CMP_GE : CMP_EQ);
        EMIT(POP_JUMP_IF_FALSE, f2);
        if (star >= 0) EMIT(UNPACK_EX, star | ((ps->n - star - 1) << 8));
        else EMIT(UNPACK_SEQUENCE, ps->n);
        /* items now on stack, first on top; match each, popping the rest on failure */
        for (int i = 0; i < ps->n; i++) {
            Node *sub = ps->items[i];
            int fi = cg_new_label(c), nexti = cg_new_label(c);
            if (sub->kind == MatchStar_kind) {
                if (sub->v.MatchStar.name) CG_CHECK(cg_nameop(c, sub->v.MatchStar.name, Store));
                else EMIT(POP_TOP, 0);
                continue;
            }
            CG_CHECK(cg_pattern(c, sub, fi));
            EMIT(JUMP, nexti);
            cg_use_label(c, fi);
            for (int k = i + 1; k < ps->n; k++) EMIT(POP_TOP, 0);
            EMIT(JUMP, fail);
            cg_use_label(c, nexti);
        }
        EMIT(JUMP, ok);
        cg_use_label(c, f2);
        EMIT(POP_TOP, 0);
        EMIT(JUMP, fail);
        cg_use_label(c, ok);
        return 0;
    }
    case MatchMapping_kind: {
        NodeList *keys = &p->v.MatchMapping.keys, *ps = &p->v.MatchMapping.patterns;
        int f2 = cg_new_label(c), f3 = cg_new_label(c), ok = cg_new_label(c);
        EMIT(MATCH_MAPPING, 0);
        EMIT(POP_JUMP_IF_FALSE, f2);
        for (int i = 0; i < keys->n; i++) CG_CHECK(cg_expr(c, keys->items[i]));
        EMIT(BUILD_TUPLE, keys->n);
        /* [subject, keys] -> [subject, keys, values|None] */
        EMIT(MATCH_KEYS, 0);
        EMIT(COPY, 1);
        EMIT(POP_JUMP_IF_NONE, f3);
        EMIT(UNPACK_SEQUENCE, keys->n);
        for (int i = 0; i < ps->n; i++) {
            int fi = cg_new_label(c), nexti = cg_new_label(c);
            CG_CHECK(cg_pattern(c, ps->items[i], fi));
            EMIT(JUMP, nexti);
            cg_use_label(c, fi);
            for (int k = i + 1; k < ps->n; k++) EMIT(POP_TOP, 0);
            EMIT(POP_TOP, 0);   /* keys */
            EMIT(POP_TOP, 0);   /* subject */
            EMIT(JUMP, fail);
            cg_use_label(c, nexti);
        }
        if (p->v.MatchMapping.rest) {
            EMIT(COPY_DICT_WITHOUT_KEYS, 0);
            CG_CHECK(cg_nameop(c, p->v.MatchMapping.rest, Store));
            EMIT(POP_TOP, 0);
        } else {
            EMIT(POP_TOP, 0);
            EMIT(POP_TOP, 0);
        }
        EMIT(JUMP, ok);
        cg_use_label(c, f3);
        EMIT(POP_TOP, 0);
        EMIT(POP_TOP, 0);
        cg_use_label(c, f2);
        EMIT(POP_TOP, 0);
        EMIT(JUMP, fail);
        cg_use_label(c, ok);
        return 0;
    }
    case MatchClass_kind: {
        NodeList *ps = &p->v.MatchClass.patterns, *kps = &p->v.MatchClass.kwd_patterns;
        NameList *kw = &p->v.MatchClass.kwd_attrs;
        int f2 = cg_new_label(c), ok = cg_new_label(c);
        CG_CHECK(cg_expr(c, p->v.MatchClass.cls));
        Obj *names = tuple_new(kw->n);
        if (!names) return -1;
        for (int i = 0; i < kw->n; i++) {
            Obj *s = str_from_cstr(kw->items[i]);
            if (!s) { DECREF(names); return -1; }
            TUPLE_SET(names, i, s);
        }
        CG_CHECK(cg_load_const_new(c, names));
        EMIT(MATCH_CLASS, ps->n);
        EMIT(COPY, 1);
        EMIT(POP_JUMP_IF_NONE, f2);
        int total = ps->n + kps->n;
        EMIT(UNPACK_SEQUENCE, total);
        for (int i = 0; i < total; i++) {
            Node *sub = i < ps->n ? ps->items[i] : kps->items[i - ps->n];
            int fi = cg_new_label(c), nexti = cg_new_label(c);
            CG_CHECK(cg_pattern(c, sub, fi));
            EMIT(JUMP, nexti);
            cg_use_label(c, fi);
            for (int k = i + 1; k < total; k++) EMIT(POP_TOP, 0);
            EMIT(JUMP, fail);
            cg_use_label(c, nexti);
        }
        EMIT(JUMP, ok);
        cg_use_label(c, f2);
        EMIT(POP_TOP, 0);
        EMIT(JUMP, fail);
        cg_use_label(c, ok);
        return 0;
    }
    default:
        cg_error(c, p, "unsupported pattern");
        return -1;
    }
    (void)pattern_pop_fail;
}

static int cg_match(Compiler *c, Node *n)
{
    int end = cg_new_label(c);
    CG_CHECK(cg_expr(c, n->v.Match.subject));
    NodeList *cases = &n->v.Match.cases;
    for (int i = 0; i < cases->n; i++) {
        Node *mc = cases->items[i];
        int next = cg_new_label(c);
        EMIT(COPY, 1);
        CG_CHECK(cg_pattern(c, mc->v.MatchCase.pattern, next));
        if (mc->v.MatchCase.guard) CG_CHECK(cg_jump_if(c, mc->v.MatchCase.guard, next, 0));
        EMIT(POP_TOP, 0);
        CG_CHECK(cg_body(c, &mc->v.MatchCase.body));
        EMIT(JUMP, end);
        cg_use_label(c, next);
    }
    EMIT(POP_TOP, 0);
    cg_use_label(c, end);
    return 0;
}

/* ---------------------------------------------------------------------- */

static int cg_stmt_inner(Compiler *c, Node *n)
{
    switch (n->kind) {
    case FunctionDef_kind: case AsyncFunctionDef_kind: {
        NodeList *decos = &n->v.FunctionDef.decorator_list;
        for (int i = 0; i < decos->n; i++) {
            EMIT(PUSH_NULL, 0);
            CG_CHECK(cg_expr(c, decos->items[i]));
        }
        cg_set_loc(c, n);
        CG_CHECK(cg_function(c, n));
        for (int i = 0; i < decos->n; i++) EMIT(CALL, 1);
        return cg_nameop(c, n->v.FunctionDef.name, Store);
    }
    case ClassDef_kind: return cg_class(c, n);
    case Return_kind: return cg_return(c, n);
    case Delete_kind:
        for (int i = 0; i < n->v.Delete.targets.n; i++) CG_CHECK(cg_delete(c, n->v.Delete.targets.items[i]));
        return 0;
    case Assign_kind: {
        NodeList *ts = &n->v.Assign.targets;
        CG_CHECK(cg_expr(c, n->v.Assign.value));
        for (int i = 0; i < ts->n; i++) {
            if (i < ts->n - 1) EMIT(COPY, 1);
            CG_CHECK(cg_store(c, ts->items[i]));
        }
        return 0;
    }
    case AugAssign_kind: return cg_augassign(c, n);
    case AnnAssign_kind: return cg_annassign(c, n);
    case For_kind: return cg_for(c, n);
    case AsyncFor_kind: return cg_async_for(c, n);
    case While_kind: return cg_while(c, n);
    case If_kind: return cg_if(c, n);
    case With_kind: return cg_with_item(c, n, 0, false);
    case AsyncWith_kind:
        CG_CHECK(check_async_context(c, n, "async with"));
        return cg_with_item(c, n, 0, true);
    case Match_kind: return cg_match(c, n);
    case Raise_kind: {
        int k = 0;
        if (n->v.Raise.exc) {
            CG_CHECK(cg_expr(c, n->v.Raise.exc));
            k = 1;
            if (n->v.Raise.cause) {
                CG_CHECK(cg_expr(c, n->v.Raise.cause));
                k = 2;
            }
        }
        cg_set_loc(c, n);
        return cg_emit(c, OP_RAISE_VARARGS, k);
    }
    case Try_kind: case TryStar_kind: return cg_try(c, n);
    case Assert_kind: {
        int end = cg_new_label(c);
        CG_CHECK(cg_jump_if(c, n->v.Assert.test, end, 1));
        if (n->v.Assert.msg) {
            EMIT(PUSH_NULL, 0);
            EMIT(LOAD_ASSERTION_ERROR, 0);
            CG_CHECK(cg_expr(c, n->v.Assert.msg));
            EMIT(CALL, 1);
        } else {
            EMIT(LOAD_ASSERTION_ERROR, 0);
        }
        EMIT(RAISE_VARARGS, 1);
        cg_use_label(c, end);
        return 0;
    }
    case Import_kind: return cg_import(c, n);
    case ImportFrom_kind: return cg_import_from(c, n);
    case Global_kind: case Nonlocal_kind: case Pass_kind: return 0;
    case Expr_kind: {
        Node *v = n->v.Expr.value;
        if (c->mode == COMPILE_SINGLE && c->u->scope->kind == SCOPE_MODULE) {
            CG_CHECK(cg_expr(c, v));
            cg_set_loc(c, n);
            return cg_emit(c, OP_PRINT_EXPR, 0);
        }
        if (v->kind == Constant_kind) return 0;
        CG_CHECK(cg_expr(c, v));
        cg_set_loc(c, n);
        return cg_emit(c, OP_POP_TOP, 0);
    }
    case Break_kind: return cg_break_continue(c, n, true);
    case Continue_kind: return cg_break_continue(c, n, false);
    default:
        err_format(&Exc_SystemError, "compiler: unexpected statement kind %d", (int)n->kind);
        return -1;
    }
}

int cg_stmt(Compiler *c, Node *n)
{
    if (enter_recursive_call(" during compilation") < 0) return -1;
    cg_set_loc(c, n);
    int r = cg_stmt_inner(c, n);
    leave_recursive_call();
    return r;
}
