/* eval_call.c — calling Python functions (argument binding with CPython's
 * messages), class creation (__build_class__), exec/eval entry points,
 * globals()/locals()/super() support and small helpers of the eval loop. */
#include "gilpy.h"
#include "core/eval_int.h"

/* ---------------------------------------------------------------------- */
/* helpers used by the loop */

void unbound_deref_error(CodeObj *co, int oparg)
{
    if (oparg < co->ncells)
        err_format(&Exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                   TUPLE_GET(co->cellvars, oparg));
    else
        err_format(&Exc_NameError, "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                   TUPLE_GET(co->freevars, oparg - co->ncells));
}

void name_error(Obj *name)
{
    Obj *msg = str_from_format("name '%U' is not defined", name);
    if (!msg) return;
    Obj *args = tuple_pack(1, msg);
    DECREF(msg);
    if (!args) return;
    Obj *exc = exc_new(&Exc_NameError, args);
    DECREF(args);
    if (!exc) return;
    if (obj_setattr_str(exc, "name", name) < 0) err_clear();
    err_set_exc(exc);
    DECREF(exc);
}

Obj *lookup_builtin(Frame *f, Obj *name)
{
    Obj *b = f->builtins;
    if (!b || !dict_check(b)) b = ts_get()->interp->builtins;
    if (!b) return NULL;
    if (dict_check(b)) return dict_getitem(b, name);
    return NULL;
}

int load_method(Obj *owner, Obj *name, Obj **meth)
{
    TypeObj *tp = TYPE(owner);
    if (tp->getattr == obj_generic_getattr) {
        Obj *descr = type_lookup(tp, name);
        if (descr && !IS_SMALLINT(descr) && (TYPE(descr) == &Function_Type || TYPE(descr) == &MethodDescr_Type)) {
            Obj **dp = obj_dict_ptr(owner);
            if (dp && *dp && dict_check(*dp)) {
                Obj *v = dict_getitem(*dp, name);
                if (v) { *meth = NEWREF(v); return 0; }
                if (err_occurred()) return -1;
            }
            *meth = NEWREF(descr);
            return 1;
        }
    }
    *meth = obj_getattr(owner, name);
    return *meth ? 0 : -1;
}

Obj *unpack_ex_list(Obj *seq, int before, int after)
{
    if (!TYPE(seq)->iter && !TYPE(seq)->getitem)
        return err_format(&Exc_TypeError, "cannot unpack non-iterable %T object", seq);
    Obj *l = seq_list(seq);
    if (!l) return NULL;
    if (LIST_SIZE(l) < before + after) {
        err_format(&Exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                   before + after, LIST_SIZE(l));
        DECREF(l);
        return NULL;
    }
    return l;
}

Obj *current_handled(ThreadState *ts)
{
    for (ExcInfo *e = ts->exc_info; e; e = e->previous)
        if (e->exc && e->exc != None) return e->exc;
    return NULL;
}

void set_handled(ThreadState *ts, Obj *prev)
{
    Obj *old = ts->exc_info->exc;
    ts->exc_info->exc = prev == None ? NULL : prev;
    XDECREF(old);
}

void pop_except_block(ThreadState *ts, Frame *f, Obj ***spp)
{
    if (f->nblocks > 0) f->nblocks--;
    Obj *prev = *--(*spp);
    set_handled(ts, prev);
}

int print_expr(Obj *v)
{
    Obj *hook = sys_get_object("displayhook");
    if (hook) {
        Obj *r = obj_call1(hook, v);
        if (!r) return -1;
        DECREF(r);
        return 0;
    }
    if (v == None) return 0;
    Obj *r = obj_repr(v);
    if (!r) return -1;
    int rc = sys_write_stdout(STR_DATA(r));
    DECREF(r);
    if (rc < 0) return -1;
    return sys_write_stdout("\n");
}

Obj *func_display_name(Obj *func)
{
    Obj *qual = NULL, *mod = NULL;
    if (obj_lookup_attr(func, str_intern_cstr("__qualname__"), &qual) < 0) return NULL;
    if (!qual || !str_check(qual)) {
        XDECREF(qual);
        return obj_str(func);
    }
    if (obj_lookup_attr(func, str_intern_cstr("__module__"), &mod) < 0) { DECREF(qual); return NULL; }
    Obj *r;
    if (mod && str_check(mod) && !str_eq_cstr(mod, "builtins")) r = str_from_format("%U.%U()", mod, qual);
    else r = str_from_format("%U()", qual);
    DECREF(qual);
    XDECREF(mod);
    return r;
}

int frame_init_cells(Frame *f, Obj *closure)
{
    CodeObj *co = (CodeObj *)f->code;
    Obj **lp = f->localsplus;
    for (int i = 0; i < co->ncells; i++) {
        int a = co->cell2arg ? co->cell2arg[i] : -1;
        Obj *val = NULL;
        if (a >= 0) {
            val = lp[a];
            lp[a] = NULL;
        }
        Obj *c = cell_new(val);
        XDECREF(val);
        if (!c) return -1;
        lp[co->nlocals + i] = c;
    }
    if (co->nfree) {
        if (!closure || !tuple_check(closure) || TUPLE_SIZE(closure) < co->nfree) {
            err_set_str(&Exc_SystemError, "missing closure for code with free variables");
            return -1;
        }
        for (int i = 0; i < co->nfree; i++)
            lp[co->nlocals + co->ncells + i] = NEWREF(TUPLE_GET(closure, i));
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* argument binding */

static Obj *name_list(Obj **names, int n)
{
    /* 'a'; 'a' and 'b'; 'a', 'b', and 'c' */
    StrBuilder sb;
    sb_init(&sb);
    for (int i = 0; i < n; i++) {
        if (i > 0) {
            if (n == 2) sb_append_cstr(&sb, " and ");
            else if (i == n - 1) sb_append_cstr(&sb, ", and ");
            else sb_append_cstr(&sb, ", ");
        }
        Obj *r = obj_repr(names[i]);
        if (!r) { sb_discard(&sb); return NULL; }
        sb_append_str(&sb, r);
        DECREF(r);
    }
    return sb_finish(&sb);
}

static void missing_args_error(FuncObj *fn, Obj **fast, int start, int end, int kwonly, int ndefaults_skip)
{
    CodeObj *co = (CodeObj *)fn->code;
    Obj *names[256];
    int n = 0;
    for (int i = start; i < end && n < 256; i++) {
        if (fast[i]) continue;
        if (!kwonly && i >= end - ndefaults_skip) continue;
        names[n++] = TUPLE_GET(co->varnames, i);
    }
    Obj *list = name_list(names, n);
    if (!list) return;
    err_format(&Exc_TypeError, "%U() missing %d required %s argument%s: %U", fn->qualname, n,
               kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", list);
    DECREF(list);
}

static void too_many_positional(FuncObj *fn, Obj **fast, size_t given)
{
    CodeObj *co = (CodeObj *)fn->code;
    int argcount = co->argcount;
    int defcount = fn->defaults ? (int)TUPLE_SIZE(fn->defaults) : 0;
    int kwonly_given = 0;
    for (int i = argcount; i < argcount + co->kwonlyargcount; i++)
        if (fast[i]) kwonly_given++;
    Obj *sig;
    bool plural;
    if (defcount) {
        sig = str_from_format("from %d to %d", argcount - defcount, argcount);
        plural = true;
    } else {
        sig = str_from_format("%d", argcount);
        plural = argcount != 1;
    }
    if (!sig) return;
    Obj *kwsig;
    if (kwonly_given)
        kwsig = str_from_format(" positional argument%s (and %d keyword-only argument%s)", given != 1 ? "s" : "",
                                kwonly_given, kwonly_given != 1 ? "s" : "");
    else
        kwsig = str_from_cstr("");
    if (!kwsig) { DECREF(sig); return; }
    err_format(&Exc_TypeError, "%U() takes %U positional argument%s but %zu%U %s given", fn->qualname, sig,
               plural ? "s" : "", given, kwsig, (given == 1 && !kwonly_given) ? "was" : "were");
    DECREF(sig);
    DECREF(kwsig);
}

Frame *func_make_frame(Obj *func, Obj *const *args, size_t nargs, Obj *kwnames)
{
    FuncObj *fn = (FuncObj *)func;
    CodeObj *co = (CodeObj *)fn->code;
    Frame *f = frame_new(fn->code, fn->globals, fn->builtins, NULL);
    if (!f) return NULL;
    f->func = NEWREF(func);
    Obj **fast = f->localsplus;
    int argcount = co->argcount;
    int kwonly = co->kwonlyargcount;
    int flags = co->flags;
    size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;

    if (LIKELY(nkw == 0 && nargs == (size_t)argcount && !(flags & (CO_VARARGS | CO_VARKEYWORDS)) && kwonly == 0)) {
        for (int i = 0; i < argcount; i++) fast[i] = NEWREF(args[i]);
        goto cells;
    }

    {
        size_t n = nargs < (size_t)argcount ? nargs : (size_t)argcount;
        for (size_t i = 0; i < n; i++) fast[i] = NEWREF(args[i]);
        int total = argcount + kwonly;
        Obj *kwdict = NULL;
        if (flags & CO_VARARGS) {
            Obj *t = nargs > (size_t)argcount ? tuple_from_array(args + argcount, (ssize_t)(nargs - (size_t)argcount))
                                              : tuple_new(0);
            if (!t) goto fail;
            fast[total] = t;
        }
        if (flags & CO_VARKEYWORDS) {
            kwdict = dict_new();
            if (!kwdict) goto fail;
            fast[total + ((flags & CO_VARARGS) ? 1 : 0)] = kwdict;
        }
        Obj *posonly_names[64];
        int nposonly_kw = 0;
        for (size_t k = 0; k < nkw; k++) {
            Obj *key = TUPLE_GET(kwnames, k);
            Obj *val = args[nargs + k];
            int j;
            int found = -1;
            for (j = co->posonlyargcount; j < total; j++) {
                if (TUPLE_GET(co->varnames, j) == key) { found = j; break; }
            }
            if (found < 0) {
                for (j = co->posonlyargcount; j < total; j++) {
                    if (str_eq(TUPLE_GET(co->varnames, j), key)) { found = j; break; }
                }
            }
            if (found < 0) {
                if (kwdict) {
                    if (dict_setitem(kwdict, key, val) < 0) goto fail;
                    continue;
                }
                /* positional-only passed by keyword? */
                bool posonly = false;
                for (j = 0; j < co->posonlyargcount; j++)
                    if (str_eq(TUPLE_GET(co->varnames, j), key)) posonly = true;
                if (posonly) {
                    if (nposonly_kw < 64) posonly_names[nposonly_kw++] = key;
                    continue;
                }
                if (!str_check(key)) err_format(&Exc_TypeError, "%U() keywords must be strings", fn->qualname);
                else err_format(&Exc_TypeError, "%U() got an unexpected keyword argument '%U'", fn->qualname, key);
                goto fail;
            }
            if (fast[found]) {
                err_format(&Exc_TypeError, "%U() got multiple values for argument '%U'", fn->qualname, key);
                goto fail;
            }
            fast[found] = NEWREF(val);
        }
        if (nposonly_kw) {
            StrBuilder sb;
            sb_init(&sb);
            for (int i = 0; i < nposonly_kw; i++) {
                if (i) sb_append_cstr(&sb, ", ");
                sb_append_str(&sb, posonly_names[i]);
            }
            Obj *s = sb_finish(&sb);
            if (s) {
                err_format(&Exc_TypeError, "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                           fn->qualname, s);
                DECREF(s);
            }
            goto fail;
        }
        if (nargs > (size_t)argcount && !(flags & CO_VARARGS)) {
            too_many_positional(fn, fast, nargs);
            goto fail;
        }
        if (nargs < (size_t)argcount) {
            int defcount = fn->defaults ? (int)TUPLE_SIZE(fn->defaults) : 0;
            int m = argcount - defcount;
            bool missing = false;
            for (int i = (int)nargs; i < m; i++)
                if (!fast[i]) { missing = true; break; }
            if (missing) {
                missing_args_error(fn, fast, (int)nargs, argcount, 0, defcount);
                goto fail;
            }
            for (int i = m > (int)nargs ? m : (int)nargs; i < argcount; i++) {
                if (!fast[i]) fast[i] = NEWREF(TUPLE_GET(fn->defaults, i - m));
            }
        }
        if (kwonly) {
            bool missing = false;
            for (int i = argcount; i < total; i++) {
                if (fast[i]) continue;
                Obj *name = TUPLE_GET(co->varnames, i);
                Obj *d = fn->kwdefaults ? dict_getitem(fn->kwdefaults, name) : NULL;
                if (d) fast[i] = NEWREF(d);
                else {
                    if (err_occurred()) goto fail;
                    missing = true;
                }
            }
            if (missing) {
                missing_args_error(fn, fast, argcount, total, 1, 0);
                goto fail;
            }
        }
    }
cells:
    if ((co->ncells | co->nfree) && frame_init_cells(f, fn->closure) < 0) goto fail;
    return f;
fail:
    DECREF(f);
    return NULL;
}

Obj *func_call(Obj *func, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Frame *f = func_make_frame(func, args, nargs, kwnames);
    if (!f) return NULL;
    CodeObj *co = (CodeObj *)f->code;
    if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) return gen_new_from_frame(f, func);
    Obj *r = eval_frame(f, 0);
    frame_release(f);
    return r;
}

/* ---------------------------------------------------------------------- */
/* class creation */

static Obj *update_bases(Obj *bases)
{
    Obj *out = NULL;
    ssize_t n = TUPLE_SIZE(bases);
    for (ssize_t i = 0; i < n; i++) {
        Obj *b = TUPLE_GET(bases, i);
        if (type_has_flag(TYPE(b), TF_TYPE_SUBCLASS)) {
            if (out && list_append(out, b) < 0) goto fail;
            continue;
        }
        Obj *meth = NULL;
        if (obj_lookup_attr(b, str_intern_cstr("__mro_entries__"), &meth) < 0) goto fail;
        if (!meth) {
            if (out && list_append(out, b) < 0) goto fail;
            continue;
        }
        Obj *entries = obj_call1(meth, bases);
        DECREF(meth);
        if (!entries) goto fail;
        if (!tuple_check(entries)) {
            DECREF(entries);
            err_set_str(&Exc_TypeError, "__mro_entries__ must return a tuple");
            goto fail;
        }
        if (!out) {
            out = list_from_array(TUPLE_ITEMS(bases), i);
            if (!out) { DECREF(entries); goto fail; }
        }
        int r = list_extend(out, entries);
        DECREF(entries);
        if (r < 0) goto fail;
    }
    if (!out) return NEWREF(bases);
    Obj *t = list_as_tuple(out);
    DECREF(out);
    return t;
fail:
    XDECREF(out);
    return NULL;
}

static Obj *calculate_metaclass(TypeObj *meta, Obj *bases)
{
    TypeObj *winner = meta;
    for (ssize_t i = 0; i < TUPLE_SIZE(bases); i++) {
        TypeObj *t = TYPE(TUPLE_GET(bases, i));
        if (type_is_subtype(winner, t)) continue;
        if (type_is_subtype(t, winner)) { winner = t; continue; }
        return err_set_str(&Exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                           "(non-strict) subclass of the metaclasses of all its bases");
    }
    return NEWREF(OBJ(winner));
}

Obj *builtin_build_class(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs < 2) return err_set_str(&Exc_TypeError, "__build_class__: not enough arguments");
    Obj *func = args[0], *name = args[1];
    if (TYPE(func) != &Function_Type) return err_set_str(&Exc_TypeError, "__build_class__: func must be a function");
    if (!str_check(name)) return err_set_str(&Exc_TypeError, "__build_class__: name is not a string");
    Obj *orig_bases = tuple_from_array(args + 2, (ssize_t)nargs - 2);
    if (!orig_bases) return NULL;
    Obj *bases = NULL, *mkw = NULL, *meta = NULL, *ns = NULL, *cell = NULL, *cls = NULL;
    bases = update_bases(orig_bases);
    if (!bases) goto done;
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    mkw = dict_new();
    if (!mkw) goto done;
    for (ssize_t i = 0; i < nkw; i++)
        if (dict_setitem(mkw, TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0) goto done;
    meta = dict_getitem_str(mkw, "metaclass");
    bool is_class;
    if (meta) {
        INCREF(meta);
        if (dict_delitem_str(mkw, "metaclass") < 0) goto done;
        is_class = type_has_flag(TYPE(meta), TF_TYPE_SUBCLASS);
    } else {
        meta = TUPLE_SIZE(bases) ? OBJ(TYPE(TUPLE_GET(bases, 0))) : OBJ(&Type_Type);
        INCREF(meta);
        is_class = true;
    }
    if (is_class) {
        Obj *w = calculate_metaclass((TypeObj *)meta, bases);
        if (!w) goto done;
        SETREF(meta, w);
    }
    /* __prepare__ */
    Obj *prep = NULL;
    if (obj_lookup_attr(meta, str_intern_cstr("__prepare__"), &prep) < 0) goto done;
    if (prep) {
        Obj *pa[2] = { name, bases };
        Obj *kwn = NULL;
        Obj *callargs[64];
        ssize_t nk = dict_size(mkw);
        if (nk > 60) nk = 60;
        callargs[0] = name;
        callargs[1] = bases;
        (void)pa;
        if (nk) {
            kwn = tuple_new(nk);
            if (!kwn) { DECREF(prep); goto done; }
            ssize_t pos = 0, i = 0;
            Obj *k, *v;
            while (i < nk && dict_next(mkw, &pos, &k, &v)) {
                TUPLE_SET(kwn, i, NEWREF(k));
                callargs[2 + i] = v;
                i++;
            }
        }
        ns = obj_call(prep, callargs, 2, kwn);
        XDECREF(kwn);
        DECREF(prep);
        if (!ns) goto done;
        if (!TYPE(ns)->getitem) {
            err_format(&Exc_TypeError, "%s.__prepare__() must return a mapping, not %T",
                       is_class ? type_name((TypeObj *)meta) : "<metaclass>", ns);
            goto done;
        }
    } else {
        ns = dict_new();
        if (!ns) goto done;
    }
    /* run the class body with ns as locals */
    {
        FuncObj *fn = (FuncObj *)func;
        Frame *f = frame_new(fn->code, fn->globals, fn->builtins, ns);
        if (!f) goto done;
        if (frame_init_cells(f, fn->closure) < 0) { DECREF(f); goto done; }
        cell = eval_frame(f, 0);
        DECREF(f);
        if (!cell) goto done;
    }
    if (bases != orig_bases) {
        if (obj_setitem(ns, str_intern_cstr("__orig_bases__"), orig_bases) < 0) goto done;
    }
    {
        ssize_t nk = dict_size(mkw);
        Obj *small[16];
        Obj **callargs = small;
        if (3 + nk > 16) {
            callargs = mem_alloc(sizeof(Obj *) * (size_t)(3 + nk));
            if (!callargs) goto done;
        }
        callargs[0] = name;
        callargs[1] = bases;
        callargs[2] = ns;
        Obj *kwn = NULL;
        if (nk) {
            kwn = tuple_new(nk);
            if (!kwn) { if (callargs != small) mem_free(callargs); goto done; }
            ssize_t pos = 0, i = 0;
            Obj *k, *v;
            while (i < nk && dict_next(mkw, &pos, &k, &v)) {
                TUPLE_SET(kwn, i, NEWREF(k));
                callargs[3 + i] = v;
                i++;
            }
        }
        cls = obj_call(meta, callargs, 3, kwn);
        XDECREF(kwn);
        if (callargs != small) mem_free(callargs);
    }
    if (cls && cell && !IS_SMALLINT(cls) && type_has_flag(TYPE(cls), TF_TYPE_SUBCLASS) &&
        TYPE(cell) == &Cell_Type) {
        Obj *cur = CELL_GET(cell);
        if (cur != cls) {
            if (!cur)
                err_format(&Exc_RuntimeError, "__class__ not set defining %R as %R. "
                           "Was __classcell__ propagated to type.__new__?", name, cls);
            else
                err_format(&Exc_TypeError, "__class__ set to %R defining %R as %R", cur, name, cls);
            CLEAR(cls);
        }
    }
done:
    DECREF(orig_bases);
    XDECREF(bases);
    XDECREF(mkw);
    XDECREF(meta);
    XDECREF(ns);
    XDECREF(cell);
    return cls;
}

/* ---------------------------------------------------------------------- */
/* exec/eval and frame introspection */

Obj *eval_get_builtins(void)
{
    ThreadState *ts = ts_get();
    if (!ts) return NULL;
    return ts->interp->builtins;
}

Obj *eval_code(Obj *code, Obj *globals, Obj *locals)
{
    if (!code || TYPE(code) != &Code_Type) return err_set_str(&Exc_TypeError, "expected a code object");
    CodeObj *co = (CodeObj *)code;
    if (co->nfree > 0)
        return err_set_str(&Exc_TypeError, "code object passed to exec() may not contain free variables");
    if (!globals || !dict_check(globals)) return err_set_str(&Exc_TypeError, "globals must be a dict");
    if (!locals) locals = globals;
    Interp *interp = ts_get()->interp;
    int has = dict_contains(globals, str_intern_cstr("__builtins__"));
    if (has < 0) return NULL;
    if (!has) {
        Obj *bm = interp->modules ? dict_getitem_str(interp->modules, "builtins") : NULL;
        if (!bm) bm = interp->builtins;
        if (bm && dict_setitem_str(globals, "__builtins__", bm) < 0) return NULL;
    }
    Frame *f = frame_new(code, globals, interp->builtins, locals);
    if (!f) return NULL;
    if (frame_init_cells(f, NULL) < 0) { DECREF(f); return NULL; }
    Obj *r;
    if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) r = gen_new_from_frame(f, NULL);
    else {
        r = eval_frame(f, 0);
        DECREF(f);
    }
    return r;
}

Obj *eval_get_globals(void)
{
    ThreadState *ts = ts_get();
    return ts && ts->frame ? ts->frame->globals : NULL;
}

Obj *eval_get_locals(void)
{
    ThreadState *ts = ts_get();
    if (!ts || !ts->frame) return err_set_str(&Exc_SystemError, "frame does not exist");
    return frame_locals_dict(ts->frame);
}

int eval_super_args(TypeObj **type, Obj **obj)
{
    ThreadState *ts = ts_get();
    Frame *f = ts->frame;
    if (!f) {
        err_set_str(&Exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    CodeObj *co = (CodeObj *)f->code;
    if (co->argcount == 0) {
        err_set_str(&Exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    Obj *first = f->localsplus[0];
    if (!first && co->cell2arg) {
        for (int i = 0; i < co->ncells; i++)
            if (co->cell2arg[i] == 0) {
                Obj *cell = f->localsplus[co->nlocals + i];
                if (cell) first = CELL_GET(cell);
            }
    }
    if (!first) {
        err_set_str(&Exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->nfree; i++) {
        if (str_eq_cstr(TUPLE_GET(co->freevars, i), "__class__")) {
            Obj *cell = f->localsplus[co->nlocals + co->ncells + i];
            Obj *t = cell ? CELL_GET(cell) : NULL;
            if (!t) {
                err_set_str(&Exc_RuntimeError, "super(): empty __class__ cell");
                return -1;
            }
            if (!type_has_flag(TYPE(t), TF_TYPE_SUBCLASS)) {
                err_format(&Exc_RuntimeError, "super(): __class__ is not a type (%T)", t);
                return -1;
            }
            *type = (TypeObj *)t;
            *obj = first;
            return 0;
        }
    }
    err_set_str(&Exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

/* ---- except* ---- */

static int check_star_type(Obj *t)
{
    if (tuple_check(t)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(t); i++)
            if (check_star_type(TUPLE_GET(t, i)) < 0) return -1;
        return 0;
    }
    if (!(type_has_flag(TYPE(t), TF_TYPE_SUBCLASS) && type_is_subtype((TypeObj *)t, &Exc_BaseException))) {
        err_set_str(&Exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    if (type_is_subtype((TypeObj *)t, &Exc_BaseExceptionGroup)) {
        err_set_str(&Exc_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
    }
    return 0;
}

static bool is_group(Obj *o)
{
    return !IS_SMALLINT(o) && type_is_subtype(TYPE(o), &Exc_BaseExceptionGroup);
}

int eval_eg_match(Obj *rest, Obj *type, Obj **match, Obj **newrest)
{
    *match = NULL;
    *newrest = NULL;
    if (check_star_type(type) < 0) return -1;
    if (rest == None) { *newrest = NEWREF(None); return 0; }
    if (is_group(rest)) {
        Obj *pair = obj_call_method(rest, "split", &type, 1);
        if (!pair) return -1;
        if (!tuple_check(pair) || TUPLE_SIZE(pair) != 2) {
            DECREF(pair);
            err_set_str(&Exc_TypeError, "ExceptionGroup.split must return a 2-tuple");
            return -1;
        }
        Obj *m = TUPLE_GET(pair, 0);
        *newrest = NEWREF(TUPLE_GET(pair, 1));
        if (m != None) *match = NEWREF(m);
        DECREF(pair);
        return 0;
    }
    if (!exc_matches(rest, type)) { *newrest = NEWREF(rest); return 0; }
    Obj *l = tuple_new(1);
    if (!l) return -1;
    TUPLE_SET(l, 0, NEWREF(rest));
    Obj *msg = str_from_cstr("");
    if (!msg) { DECREF(l); return -1; }
    Obj *args[2] = { msg, l };
    Obj *eg = obj_call(OBJ(&Exc_BaseExceptionGroup), args, 2, NULL);
    DECREF(msg);
    DECREF(l);
    if (!eg) return -1;
    Obj *tb = exc_get_traceback(rest);
    if (tb) exc_set_traceback(eg, tb);
    *match = eg;
    *newrest = NEWREF(None);
    return 0;
}

/* Append every leaf exception of e to leaves. */
static int collect_leaves(Obj *e, Obj *leaves)
{
    if (!is_group(e)) return list_append(leaves, e);
    Obj *excs = obj_getattr(e, str_intern_cstr("exceptions"));
    if (!excs) return -1;
    int r = 0;
    if (enter_recursive_call(" in except*") < 0) { DECREF(excs); return -1; }
    for (ssize_t i = 0; i < TUPLE_SIZE(excs) && r == 0; i++) r = collect_leaves(TUPLE_GET(excs, i), leaves);
    leave_recursive_call();
    DECREF(excs);
    return r;
}

static bool in_list(Obj *l, Obj *o)
{
    for (ssize_t i = 0; i < LIST_SIZE(l); i++)
        if (LIST_ITEMS(l)[i] == o) return true;
    return false;
}

/* The part of group g whose leaves are in keep (identity); new ref, None if empty. */
static Obj *project(Obj *g, Obj *keep)
{
    if (!is_group(g)) return NEWREF(in_list(keep, g) ? g : None);
    Obj *excs = obj_getattr(g, str_intern_cstr("exceptions"));
    if (!excs) return NULL;
    Obj *sub = list_new(0);
    if (!sub) { DECREF(excs); return NULL; }
    bool all = true;
    if (enter_recursive_call(" in except*") < 0) { DECREF(excs); DECREF(sub); return NULL; }
    for (ssize_t i = 0; i < TUPLE_SIZE(excs); i++) {
        Obj *p = project(TUPLE_GET(excs, i), keep);
        if (!p) { leave_recursive_call(); DECREF(excs); DECREF(sub); return NULL; }
        if (p != TUPLE_GET(excs, i)) all = false;
        int r = p == None ? 0 : list_append(sub, p);
        DECREF(p);
        if (r < 0) { leave_recursive_call(); DECREF(excs); DECREF(sub); return NULL; }
    }
    leave_recursive_call();
    DECREF(excs);
    if (all) { DECREF(sub); return NEWREF(g); }
    if (LIST_SIZE(sub) == 0) { DECREF(sub); return NEWREF(None); }
    Obj *d = obj_call_method(g, "derive", &sub, 1);
    DECREF(sub);
    if (!d) return NULL;
    if (!IS_SMALLINT(d) && type_has_flag(TYPE(d), TF_EXC_SUBCLASS)) {
        BaseExcObj *src = (BaseExcObj *)g, *dst = (BaseExcObj *)d;
        if (src->traceback) exc_set_traceback(d, src->traceback);
        if (src->cause) SETREF(dst->cause, NEWREF(src->cause));
        if (src->context) SETREF(dst->context, NEWREF(src->context));
        dst->suppress_context = src->suppress_context;
        if (src->notes) SETREF(dst->notes, NEWREF(src->notes));
    }
    return d;
}

Obj *eval_prep_reraise_star(Obj *orig, Obj *list)
{
    ssize_t n = LIST_SIZE(list);
    if (!is_group(orig)) {
        for (ssize_t i = 0; i < n; i++)
            if (LIST_ITEMS(list)[i] != None) return NEWREF(LIST_ITEMS(list)[i]);
        return NEWREF(None);
    }
    Obj *origleaves = list_new(0), *keep = list_new(0), *raised = list_new(0);
    Obj *res = NULL;
    if (!origleaves || !keep || !raised || collect_leaves(orig, origleaves) < 0) goto done;
    for (ssize_t i = 0; i < n; i++) {
        Obj *e = LIST_ITEMS(list)[i];
        if (e == None) continue;
        Obj *lv = list_new(0);
        if (!lv || collect_leaves(e, lv) < 0) { XDECREF(lv); goto done; }
        bool re = true;
        for (ssize_t j = 0; j < LIST_SIZE(lv); j++)
            if (!in_list(origleaves, LIST_ITEMS(lv)[j])) { re = false; break; }
        int r = 0;
        if (re) {
            for (ssize_t j = 0; j < LIST_SIZE(lv) && r == 0; j++) r = list_append(keep, LIST_ITEMS(lv)[j]);
        } else {
            r = list_append(raised, e);
        }
        DECREF(lv);
        if (r < 0) goto done;
    }
    Obj *proj;
    if (LIST_SIZE(keep) == 0) proj = NEWREF(None);
    else proj = project(orig, keep);
    if (!proj) goto done;
    if (LIST_SIZE(raised) == 0) { res = proj; goto done; }
    if (proj != None && list_append(raised, proj) < 0) { DECREF(proj); goto done; }
    DECREF(proj);
    if (LIST_SIZE(raised) == 1) { res = NEWREF(LIST_ITEMS(raised)[0]); goto done; }
    Obj *msg = str_from_cstr("");
    if (!msg) goto done;
    Obj *args[2] = { msg, raised };
    res = obj_call(OBJ(&Exc_BaseExceptionGroup), args, 2, NULL);
    DECREF(msg);
done:
    XDECREF(origleaves);
    XDECREF(keep);
    XDECREF(raised);
    return res;
}
