/* excgroup.c — BaseExceptionGroup / ExceptionGroup (PEP 654).
 *
 * ExceptionGroup derives from both BaseExceptionGroup and Exception; its
 * bases and MRO are filled in before type_ready() (excgroup_prepare_types).
 * BaseExceptionGroup(msg, excs) returns an ExceptionGroup when every member
 * is an Exception.  split()/subgroup() rebuild the tree through derive() and
 * copy __traceback__, __cause__, __context__ and __notes__ to each part.
 */
#include "gilpy.h"
#include "objects/exceptions.h"

#define EG(o) ((ExcGroupObj *)(o))

static int is_exception_instance(Obj *o)
{
    return !IS_SMALLINT(o) && type_has_flag(TYPE(o), TF_EXC_SUBCLASS);
}

Obj *excgroup_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_SIZE(kwnames) > 0)
        return err_format(&Exc_TypeError, "%s() takes no keyword arguments", type_name(type));
    if (nargs != 2)
        return err_format(&Exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
                          nargs);
    Obj *msg = args[0], *seq = args[1];
    if (!str_check(msg))
        return err_format(&Exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                          type_name(TYPE(msg)));
    if (IS_SMALLINT(seq) || !TYPE(seq)->getitem || dict_check(seq))
        return err_set_str(&Exc_TypeError, "second argument (exceptions) must be a sequence");
    Obj *excs = seq_tuple(seq);
    if (!excs) return NULL;
    ssize_t n = TUPLE_SIZE(excs);
    if (n == 0) {
        DECREF(excs);
        return err_set_str(&Exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    }
    int nested_base = 0;
    for (ssize_t i = 0; i < n; i++) {
        Obj *e = TUPLE_GET(excs, i);
        if (!is_exception_instance(e)) {
            DECREF(excs);
            return err_format(&Exc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
        }
        if (!type_is_subtype(TYPE(e), &Exc_Exception)) nested_base = 1;
    }
    TypeObj *cls = type;
    if (cls == &Exc_BaseExceptionGroup) {
        if (!nested_base) cls = &Exc_ExceptionGroup;
    } else if (cls == &Exc_ExceptionGroup) {
        if (nested_base) {
            DECREF(excs);
            return err_set_str(&Exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if (nested_base && type_is_subtype(cls, &Exc_Exception)) {
        DECREF(excs);
        return err_format(&Exc_TypeError, "Cannot nest BaseExceptions in '%s'", type_name(cls));
    }
    Obj *self = type_generic_alloc(cls, 0);
    if (!self) { DECREF(excs); return NULL; }
    EG(self)->base.args = tuple_from_array(args, (ssize_t)nargs);
    if (!EG(self)->base.args) { DECREF(excs); DECREF(self); return NULL; }
    EG(self)->msg = NEWREF(msg);
    EG(self)->excs = excs;
    return self;
}

int excgroup_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_SIZE(kwnames) > 0) {
        err_format(&Exc_TypeError, "%s() takes no keyword arguments", type_name(TYPE(self)));
        return -1;
    }
    Obj *t = tuple_from_array(args, (ssize_t)nargs);
    if (!t) return -1;
    XSETREF(EG(self)->base.args, t);
    return 0;
}

Obj *excgroup_str(Obj *self)
{
    ssize_t n = EG(self)->excs ? TUPLE_SIZE(EG(self)->excs) : 0;
    return str_from_format("%S (%zd sub-exception%s)", EG(self)->msg ? EG(self)->msg : None, n,
                           n > 1 ? "s" : "");
}

/* ---- derive / split / subgroup ----------------------------------------- */

static Obj *eg_derive(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("derive", kwnames) < 0 || args_count("derive", nargs, 1, 1) < 0) return NULL;
    Obj *a[2] = {EG(self)->msg ? EG(self)->msg : None, args[0]};
    return obj_call(OBJ(&Exc_BaseExceptionGroup), a, 2, NULL);
}

enum { MATCH_TYPE, MATCH_PRED, MATCH_INSTANCE };

static int get_matcher_kind(Obj *cond, int *kind)
{
    if (!IS_SMALLINT(cond) && type_has_flag(TYPE(cond), TF_TYPE_SUBCLASS) &&
        type_has_flag((TypeObj *)cond, TF_EXC_SUBCLASS)) {
        *kind = MATCH_TYPE;
        return 0;
    }
    if (tuple_check(cond)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(cond); i++) {
            Obj *t = TUPLE_GET(cond, i);
            if (IS_SMALLINT(t) || !type_has_flag(TYPE(t), TF_TYPE_SUBCLASS) ||
                !type_has_flag((TypeObj *)t, TF_EXC_SUBCLASS))
                goto bad;
        }
        *kind = MATCH_TYPE;
        return 0;
    }
    if (obj_callable(cond) && IS_SMALLINT(cond) == 0 && !type_has_flag(TYPE(cond), TF_TYPE_SUBCLASS)) {
        *kind = MATCH_PRED;
        return 0;
    }
bad:
    err_set_str(&Exc_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

static int matches(Obj *exc, Obj *cond, int kind)
{
    if (kind == MATCH_TYPE) return exc_matches(exc, cond) ? 1 : 0;
    if (kind == MATCH_INSTANCE) return exc == cond;
    Obj *r = obj_call1(cond, exc);
    if (!r) return -1;
    int t = obj_is_true(r);
    DECREF(r);
    return t;
}

/* Copy traceback, cause, context and notes from orig to a derived group. */
static int copy_metadata(Obj *orig, Obj *eg)
{
    BaseExcObj *o = (BaseExcObj *)orig, *e = (BaseExcObj *)eg;
    exc_set_traceback(eg, o->traceback);
    XSETREF(e->context, XNEWREF(o->context));
    XSETREF(e->cause, XNEWREF(o->cause));
    e->suppress_context = o->suppress_context;
    Obj *notes = NULL;
    int r = obj_lookup_attr(orig, str_intern_cstr("__notes__"), &notes);
    if (r < 0) return -1;
    if (r > 0) {
        Obj *copy = seq_list(notes);
        DECREF(notes);
        if (!copy) return -1;
        r = obj_setattr_str(eg, "__notes__", copy);
        DECREF(copy);
        if (r < 0) return -1;
    }
    return 0;
}

static Obj *derive_subset(Obj *orig, Obj *list)
{
    Obj *eg = obj_call_method(orig, "derive", &list, 1);
    if (!eg) return NULL;
    if (IS_SMALLINT(eg) || !type_is_subtype(TYPE(eg), &Exc_BaseExceptionGroup)) {
        DECREF(eg);
        return err_set_str(&Exc_TypeError, "derive must return an instance of BaseExceptionGroup");
    }
    if (copy_metadata(orig, eg) < 0) { DECREF(eg); return NULL; }
    return eg;
}

/* Split exc by the condition into *match / *rest (new refs or NULL). */
static int split_rec(Obj *exc, Obj *cond, int kind, int want_rest, Obj **match, Obj **rest)
{
    *match = *rest = NULL;
    int m = matches(exc, cond, kind);
    if (m < 0) return -1;
    if (m) { *match = NEWREF(exc); return 0; }
    if (!type_is_subtype(TYPE(exc), &Exc_BaseExceptionGroup)) {
        if (want_rest) *rest = NEWREF(exc);
        return 0;
    }
    if (enter_recursive_call(" in split_by_condition") < 0) return -1;
    Obj *excs = EG(exc)->excs;
    Obj *ml = list_new(0), *rl = want_rest ? list_new(0) : NULL;
    int rc = -1;
    if (!ml || (want_rest && !rl)) goto done;
    for (ssize_t i = 0; excs && i < TUPLE_SIZE(excs); i++) {
        Obj *sm, *sr;
        if (split_rec(TUPLE_GET(excs, i), cond, kind, want_rest, &sm, &sr) < 0) goto done;
        int bad = 0;
        if (sm) { if (list_append(ml, sm) < 0) bad = 1; DECREF(sm); }
        if (sr) { if (list_append(rl, sr) < 0) bad = 1; DECREF(sr); }
        if (bad) goto done;
    }
    if (LIST_SIZE(ml) > 0 && !(*match = derive_subset(exc, ml))) goto done;
    if (want_rest && LIST_SIZE(rl) > 0 && !(*rest = derive_subset(exc, rl))) { CLEAR(*match); goto done; }
    rc = 0;
done:
    XDECREF(ml);
    XDECREF(rl);
    leave_recursive_call();
    return rc;
}

static Obj *eg_split(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("split", kwnames) < 0 || args_count("split", nargs, 1, 1) < 0) return NULL;
    int kind;
    if (get_matcher_kind(args[0], &kind) < 0) return NULL;
    Obj *m, *r;
    if (split_rec(self, args[0], kind, 1, &m, &r) < 0) return NULL;
    Obj *res = tuple_pack(2, m ? m : None, r ? r : None);
    XDECREF(m);
    XDECREF(r);
    return res;
}

static Obj *eg_subgroup(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("subgroup", kwnames) < 0 || args_count("subgroup", nargs, 1, 1) < 0) return NULL;
    int kind;
    if (get_matcher_kind(args[0], &kind) < 0) return NULL;
    Obj *m, *r;
    if (split_rec(self, args[0], kind, 0, &m, &r) < 0) return NULL;
    XDECREF(r);
    return m ? m : NEWREF(None);
}

static Obj *eg_class_getitem(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return NEWREF(self);
}

MethodDef excgroup_methods[] = {
    {"derive", eg_derive, 0, NULL},
    {"split", eg_split, 0, NULL},
    {"subgroup", eg_subgroup, 0, NULL},
    {"__class_getitem__", eg_class_getitem, METH_CLASS, NULL},
    {NULL, NULL, 0, NULL}
};

static Obj *eg_get_message(Obj *self, void *c) { return NEWREF(EG(self)->msg ? EG(self)->msg : None); }
static Obj *eg_get_exceptions(Obj *self, void *c)
{
    return EG(self)->excs ? NEWREF(EG(self)->excs) : tuple_new(0);
}

static GetSetDef excgroup_getset[] = {
    {"message", eg_get_message, NULL, "exception message", NULL},
    {"exceptions", eg_get_exceptions, NULL, "nested exceptions", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

MemberDef excgroup_members[] = {
    {NULL, 0, 0, 0, NULL}
};

int excgroup_prepare_types(void)
{
    TypeObj *beg = &Exc_BaseExceptionGroup, *eg = &Exc_ExceptionGroup;
    if (eg->flags & TF_READY) return 0;
    beg->methods = excgroup_methods;
    beg->getset = excgroup_getset;
    if (type_ready(beg) < 0 || type_ready(&Exc_Exception) < 0) return -1;
    if (!eg->bases) {
        eg->bases = tuple_pack(2, OBJ(beg), OBJ(&Exc_Exception));
        if (!eg->bases) return -1;
    }
    if (!eg->mro) {
        eg->mro = tuple_pack(5, OBJ(eg), OBJ(beg), OBJ(&Exc_Exception), OBJ(&Exc_BaseException),
                             OBJ(&Object_Type));
        if (!eg->mro) return -1;
    }
    return type_ready(eg);
}
