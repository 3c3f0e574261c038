/* atexit.c — the atexit module.
 *
 * Callbacks live in Interp.atexit_callbacks as (func, args, kwargs-or-None)
 * tuples; interp_finalize() (core/interp.c) runs them last-in first-out.
 */
#include "gilpy.h"

static Obj *callbacks(void)
{
    Interp *in = interp_get();
    if (!in->atexit_callbacks) in->atexit_callbacks = list_new(0);
    return in->atexit_callbacks;
}

static Obj *atexit_register(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (nargs < 1)
        return err_set_str(&Exc_TypeError, "register() takes at least 1 argument (0 given)");
    Obj *func = args[0];
    if (!obj_callable(func)) return err_set_str(&Exc_TypeError, "the first argument must be callable");
    Obj *l = callbacks();
    if (!l) return NULL;
    Obj *pos = tuple_from_array(args + 1, (ssize_t)nargs - 1);
    if (!pos) return NULL;
    Obj *kw = NULL;
    if (kwnames && TUPLE_SIZE(kwnames) > 0) {
        kw = dict_new();
        if (!kw) { DECREF(pos); return NULL; }
        for (ssize_t i = 0; i < TUPLE_SIZE(kwnames); i++)
            if (dict_setitem(kw, TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0) {
                DECREF(kw);
                DECREF(pos);
                return NULL;
            }
    }
    Obj *entry = tuple_pack(3, func, pos, kw ? kw : None);
    DECREF(pos);
    XDECREF(kw);
    if (!entry) return NULL;
    int r = list_append(l, entry);
    DECREF(entry);
    if (r < 0) return NULL;
    return NEWREF(func);
}

static Obj *atexit_unregister(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("unregister", kwnames) < 0 || args_count("unregister", nargs, 1, 1) < 0) return NULL;
    Obj *l = callbacks();
    if (!l) return NULL;
    for (ssize_t i = LIST_SIZE(l) - 1; i >= 0; i--) {
        Obj *entry = LIST_ITEMS(l)[i];
        Obj *f = tuple_check(entry) && TUPLE_SIZE(entry) > 0 ? TUPLE_GET(entry, 0) : entry;
        int eq = obj_richcompare_bool(f, args[0], CMP_EQ);
        if (eq < 0) return NULL;
        if (eq && i < LIST_SIZE(l)) {
            Obj *idx = int_from_ssize(i);
            if (!idx) return NULL;
            int r = obj_delitem(l, idx);
            DECREF(idx);
            if (r < 0) return NULL;
        }
    }
    RETURN_NONE;
}

static Obj *atexit_run_exitfuncs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *l = callbacks();
    if (!l) return NULL;
    while (LIST_SIZE(l) > 0) {
        ssize_t n = LIST_SIZE(l);
        Obj *entry = NEWREF(LIST_ITEMS(l)[n - 1]);
        Obj *idx = int_from_ssize(n - 1);
        if (!idx || obj_delitem(l, idx) < 0) { XDECREF(idx); DECREF(entry); return NULL; }
        DECREF(idx);
        Obj *r = NULL;
        if (tuple_check(entry) && TUPLE_SIZE(entry) == 3)
            r = obj_call_tuple(TUPLE_GET(entry, 0), TUPLE_GET(entry, 1),
                               TUPLE_GET(entry, 2) == None ? NULL : TUPLE_GET(entry, 2));
        else
            r = obj_call0(entry);
        if (r) {
            DECREF(r);
        } else {
            Obj *f = tuple_check(entry) && TUPLE_SIZE(entry) > 0 ? TUPLE_GET(entry, 0) : entry;
            err_write_unraisable_msg("Exception ignored in atexit callback", f);
        }
        DECREF(entry);
    }
    RETURN_NONE;
}

static Obj *atexit_clear(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *l = callbacks();
    if (!l) return NULL;
    Obj *e = list_new(0);
    if (!e) return NULL;
    Interp *in = interp_get();
    XSETREF(in->atexit_callbacks, e);
    RETURN_NONE;
}

static Obj *atexit_ncallbacks(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *l = callbacks();
    if (!l) return NULL;
    return int_from_ssize(LIST_SIZE(l));
}

static MethodDef atexit_methods[] = {
    {"register", atexit_register, 0, "Register a function to be executed upon normal program termination"},
    {"unregister", atexit_unregister, 0, "Unregister an exit function"},
    {"_run_exitfuncs", atexit_run_exitfuncs, 0, NULL},
    {"_clear", atexit_clear, 0, NULL},
    {"_ncallbacks", atexit_ncallbacks, 0, NULL},
    {NULL, NULL, 0, NULL}
};

Obj *module_init_atexit(void)
{
    Obj *m = module_new("atexit");
    if (!m) return NULL;
    if (module_add_functions(m, atexit_methods) < 0) { DECREF(m); return NULL; }
    return m;
}
