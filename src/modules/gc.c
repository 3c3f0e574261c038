/* gc.c — the `gc` module (interface to core/gc.c).  OWNER: TYPES. */
#include "gilpy.h"

Obj *gc_get_objects_list(int generation);
Obj *gc_get_referents_list(Obj *o, Obj *list);
Obj *gc_get_referrers_list(Obj *target, Obj *list);
void gc_get_stats(ssize_t collections[3], ssize_t collected[3], ssize_t uncollectable[3]);
void gc_set_callbacks_list(Obj *l);

static int debug_flags;

static Obj *m_collect(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    static const char *const names[] = {"generation"};
    Obj *a[1];
    if (args_parse("collect", args, nargs, kw, names, 1, 0, 1, a) < 0) return NULL;
    long long gen = 2;
    if (a[0]) {
        gen = int_as_long(a[0]);
        if (gen == -1 && err_occurred()) return NULL;
        if (gen < 0 || gen > 2) return err_set_str(&Exc_ValueError, "invalid generation");
    }
    return int_from_ssize(gc_collect((int)gen));
}
static Obj *m_enable(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("enable", nargs, 0, 0) < 0) return NULL;
    gc_enable(true);
    RETURN_NONE;
}
static Obj *m_disable(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("disable", nargs, 0, 0) < 0) return NULL;
    gc_enable(false);
    RETURN_NONE;
}
static Obj *m_isenabled(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    RETURN_BOOL(gc_is_enabled());
}
static Obj *triple(int v[3]) {
    return tuple_pack(3, MAKE_SMALLINT(v[0]), MAKE_SMALLINT(v[1]), MAKE_SMALLINT(v[2]));
}
static Obj *m_get_count(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    int v[3];
    gc_get_count(v);
    return triple(v);
}
static Obj *m_get_threshold(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    int v[3];
    gc_get_threshold(v);
    return triple(v);
}
static Obj *m_set_threshold(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("set_threshold", kw) < 0) return NULL;
    if (nargs < 1 || nargs > 3)
        return err_format(&Exc_TypeError, "set_threshold() takes %s 1 argument%s (%zu given)",
                          nargs < 1 ? "at least" : "at most", nargs < 1 ? "" : "", nargs);
    int t[3] = {-1, -1, -1};
    for (size_t i = 0; i < nargs; i++) {
        long long v = int_as_long(args[i]);
        if (v == -1 && err_occurred()) return NULL;
        t[i] = (int)v;
    }
    gc_set_threshold(t[0], t[1], t[2]);
    RETURN_NONE;
}
static Obj *m_get_objects(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    static const char *const names[] = {"generation"};
    Obj *a[1];
    if (args_parse("get_objects", args, nargs, kw, names, 1, 0, 1, a) < 0) return NULL;
    int gen = -1;
    if (a[0] && a[0] != None) {
        long long g = int_as_long(a[0]);
        if (g == -1 && err_occurred()) return NULL;
        if (g >= 3) return err_format(&Exc_ValueError, "generation parameter must be less than the number of available generations (3)");
        if (g < 0) return err_set_str(&Exc_ValueError, "generation parameter cannot be negative");
        gen = (int)g;
    }
    return gc_get_objects_list(gen);
}
static Obj *m_is_tracked(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("is_tracked", nargs, 1, 1) < 0) return NULL;
    RETURN_BOOL(gc_is_tracked(args[0]));
}
bool gc_is_finalized(Obj *o);
static Obj *m_is_finalized(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("is_finalized", nargs, 1, 1) < 0) return NULL;
    RETURN_BOOL(gc_is_finalized(args[0]));
}
static Obj *m_get_referents(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (!gc_get_referents_list(args[i], l)) { DECREF(l); return NULL; }
    return l;
}
static Obj *m_get_referrers(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (!gc_get_referrers_list(args[i], l)) { DECREF(l); return NULL; }
    return l;
}
static Obj *m_freeze(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { RETURN_NONE; }
static Obj *m_get_freeze_count(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return MAKE_SMALLINT(0); }
static Obj *m_get_stats(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    ssize_t c[3], d[3], u[3];
    gc_get_stats(c, d, u);
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (int i = 0; i < 3; i++) {
        Obj *dd = dict_new();
        if (!dd) { DECREF(l); return NULL; }
        Obj *a = int_from_ssize(c[i]), *b = int_from_ssize(d[i]), *e = int_from_ssize(u[i]);
        int r = (a && b && e) ? 0 : -1;
        if (!r) r = dict_setitem_str(dd, "collections", a);
        if (!r) r = dict_setitem_str(dd, "collected", b);
        if (!r) r = dict_setitem_str(dd, "uncollectable", e);
        XDECREF(a); XDECREF(b); XDECREF(e);
        if (!r) r = list_append(l, dd);
        DECREF(dd);
        if (r < 0) { DECREF(l); return NULL; }
    }
    return l;
}
static Obj *m_get_debug(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return MAKE_SMALLINT(debug_flags); }
static Obj *m_set_debug(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("set_debug", nargs, 1, 1) < 0) return NULL;
    long long v = int_as_long(args[0]);
    if (v == -1 && err_occurred()) return NULL;
    debug_flags = (int)v;
    RETURN_NONE;
}

static MethodDef gc_methods[] = {
    {"collect", m_collect, 0, "Run the garbage collector."},
    {"enable", m_enable, 0, "Enable automatic garbage collection."},
    {"disable", m_disable, 0, "Disable automatic garbage collection."},
    {"isenabled", m_isenabled, 0, "Returns true if automatic garbage collection is enabled."},
    {"get_count", m_get_count, 0, "Return a three-tuple of the current collection counts."},
    {"get_threshold", m_get_threshold, 0, "Return the current collection thresholds."},
    {"set_threshold", m_set_threshold, 0, "Set the collection thresholds."},
    {"get_objects", m_get_objects, 0, "Return a list of objects tracked by the collector."},
    {"is_tracked", m_is_tracked, 0, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", m_is_finalized, 0, "Returns true if the object has been already finalized by the GC."},
    {"get_referents", m_get_referents, 0, "Return the list of objects that are directly referred to by objs."},
    {"get_referrers", m_get_referrers, 0, "Return the list of objects that directly refer to any of objs."},
    {"freeze", m_freeze, 0, NULL},
    {"unfreeze", m_freeze, 0, NULL},
    {"get_freeze_count", m_get_freeze_count, 0, NULL},
    {"get_stats", m_get_stats, 0, "Return a list of dictionaries containing per-generation statistics."},
    {"get_debug", m_get_debug, 0, "Get the garbage collection debugging flags."},
    {"set_debug", m_set_debug, 0, "Set the garbage collection debugging flags."},
    {NULL, NULL, 0, NULL}
};

Obj *module_init_gc(void);
Obj *module_init_gc(void) {
    Obj *m = module_new("gc");
    if (!m) return NULL;
    if (module_add_functions(m, gc_methods) < 0) goto fail;
    Obj *garbage = list_new(0);
    if (module_add(m, "garbage", garbage) < 0) goto fail;
    Obj *cbs = list_new(0);
    if (!cbs) goto fail;
    gc_set_callbacks_list(cbs);   /* the module dict keeps it alive */
    if (module_add(m, "callbacks", cbs) < 0) goto fail;
    if (module_add_int(m, "DEBUG_STATS", 1) < 0 || module_add_int(m, "DEBUG_COLLECTABLE", 2) < 0 ||
        module_add_int(m, "DEBUG_UNCOLLECTABLE", 4) < 0 || module_add_int(m, "DEBUG_SAVEALL", 32) < 0 ||
        module_add_int(m, "DEBUG_LEAK", 38) < 0)
        goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
