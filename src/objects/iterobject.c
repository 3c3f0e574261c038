/* iterobject.c — builtin iterator types: enumerate, zip, map, filter,
 * reversed, the sequence iterator (classes with only __getitem__) and the
 * callable iterator iter(f, sentinel). */
#include "gilpy.h"

static Obj *iter_self(Obj *o) { return NEWREF(o); }

static inline Obj *next_of(Obj *it) {
    unaryfunc f = TYPE(it)->iternext;
    return f ? f(it) : obj_iternext(it);
}

/* After a NULL from next_of: 0 = exhausted, -1 = error (StopIteration swallowed). */
static int iter_finished(void) {
    if (!err_occurred()) return 0;
    if (err_matches(&Exc_StopIteration)) { err_clear(); return 0; }
    return -1;
}

/* ---- enumerate ---------------------------------------------------------- */
typedef struct {
    OBJ_HEAD;
    Obj *it;
    ssize_t index;      /* used while no overflow */
    Obj *long_index;    /* non-NULL once the count is a big int */
    Obj *result;        /* reusable pair */
} EnumObj;

static Obj *enum_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    static const char *const names[] = {"iterable", "start"};
    Obj *out[2] = {NULL, NULL};
    if (args_parse("enumerate", args, nargs, kwnames, names, 2, 1, 2, out) < 0) return NULL;
    Obj *start = out[1];
    if (start && !int_check(start) && !TYPE(start)->nb_index)
        return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", start);
    Obj *it = obj_iter(out[0]);
    if (!it) return NULL;
    EnumObj *e = (EnumObj *)obj_alloc(type, 0);
    if (!e) { DECREF(it); return NULL; }
    e->it = it;
    if (start) {
        Obj *s = obj_index(start);
        if (!s) { DECREF(e); return NULL; }
        long long v;
        if (IS_SMALLINT(s)) { e->index = SMALLINT_VALUE(s); DECREF(s); }
        else if (!int_as_long_overflow(s, &v)) { e->index = (ssize_t)v; DECREF(s); }
        else e->long_index = s;
    }
    return OBJ(e);
}

static Obj *enum_next(Obj *o) {
    EnumObj *e = (EnumObj *)o;
    Obj *item = next_of(e->it);
    if (!item) return NULL;
    Obj *idx;
    if (e->long_index) {
        idx = NEWREF(e->long_index);
        Obj *n = obj_binop(e->long_index, MAKE_SMALLINT(1), NB_ADD);
        if (!n) { DECREF(idx); DECREF(item); return NULL; }
        SETREF(e->long_index, n);
    } else {
        idx = int_from_ssize(e->index);
        if (!idx) { DECREF(item); return NULL; }
        if (e->index == PTRDIFF_MAX) {
            Obj *n = obj_binop(idx, MAKE_SMALLINT(1), NB_ADD);
            if (!n) { DECREF(idx); DECREF(item); return NULL; }
            e->long_index = n;
        } else {
            e->index++;
        }
    }
    Obj *r = e->result;
    if (r && REFCNT(r) == 1) {
        Obj *o0 = TUPLE_ITEMS(r)[0], *o1 = TUPLE_ITEMS(r)[1];
        TUPLE_ITEMS(r)[0] = idx;
        TUPLE_ITEMS(r)[1] = item;
        DECREF(o0);
        DECREF(o1);
        return NEWREF(r);
    }
    r = tuple_new(2);
    if (!r) { DECREF(idx); DECREF(item); return NULL; }
    TUPLE_ITEMS(r)[0] = idx;
    TUPLE_ITEMS(r)[1] = item;
    if (!e->result) e->result = NEWREF(r);
    return r;
}

static void enum_dealloc(Obj *o) {
    EnumObj *e = (EnumObj *)o;
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(e->it);
    XDECREF(e->long_index);
    XDECREF(e->result);
    obj_free(o);
}
static void enum_traverse(Obj *o, visitproc_ visit, void *arg) {
    EnumObj *e = (EnumObj *)o;
    if (e->it) visit(e->it, arg);
    if (e->long_index) visit(e->long_index, arg);
    if (e->result) visit(e->result, arg);
}
static int enum_clear(Obj *o) {
    EnumObj *e = (EnumObj *)o;
    CLEAR(e->it);
    CLEAR(e->long_index);
    CLEAR(e->result);
    return 0;
}

static MethodDef enum_methods[] = {
    {"__class_getitem__", cont_class_getitem, METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj Enumerate_Type = {
    TYPE_HEAD_INIT,
    .name = "enumerate",
    .basicsize = sizeof(EnumObj),
    .flags = TF_BASETYPE | TF_GC | TF_IMMUTABLETYPE,
    .doc = "Return an enumerate object.",
    .dealloc = enum_dealloc,
    .iter = iter_self,
    .iternext = enum_next,
    .new_ = enum_new,
    .traverse = enum_traverse,
    .clear = enum_clear,
    .methods = enum_methods,
};

/* ---- zip --------------------------------------------------------------------- */
typedef struct {
    OBJ_HEAD;
    Obj *its;        /* tuple of iterators */
    Obj *result;     /* reusable tuple */
    int strict;
} ZipObj;

static Obj *zip_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    int strict = 0;
    if (kwnames && TUPLE_SIZE(kwnames)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(kwnames); i++) {
            Obj *k = TUPLE_ITEMS(kwnames)[i];
            if (!str_eq_cstr(k, "strict"))
                return err_format(&Exc_TypeError, "'%U' is an invalid keyword argument for zip()", k);
            strict = obj_is_true(args[nargs + i]);
            if (strict < 0) return NULL;
        }
    }
    Obj *its = tuple_new((ssize_t)nargs);
    if (!its) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        Obj *it = obj_iter(args[i]);
        if (!it) { DECREF(its); return NULL; }
        TUPLE_ITEMS(its)[i] = it;
    }
    ZipObj *z = (ZipObj *)obj_alloc(type, 0);
    if (!z) { DECREF(its); return NULL; }
    z->its = its;
    z->strict = strict;
    return OBJ(z);
}

static Obj *zip_next(Obj *o) {
    ZipObj *z = (ZipObj *)o;
    ssize_t n = TUPLE_SIZE(z->its);
    if (n == 0) return NULL;
    Obj *r = z->result;
    bool reuse = r && REFCNT(r) == 1;
    if (!reuse) {
        r = tuple_new(n);
        if (!r) return NULL;
    } else {
        INCREF(r);
    }
    for (ssize_t i = 0; i < n; i++) {
        Obj *item = next_of(TUPLE_ITEMS(z->its)[i]);
        if (!item) {
            if (iter_finished() < 0) { DECREF(r); return NULL; }
            if (z->strict) {
                if (i > 0) {
                    if (i == 1) err_format(&Exc_ValueError, "zip() argument %zd is shorter than argument 1", i + 1);
                    else err_format(&Exc_ValueError, "zip() argument %zd is shorter than arguments 1-%zd", i + 1, i);
                    DECREF(r);
                    return NULL;
                }
                /* first exhausted: all others must be too */
                for (ssize_t j = 1; j < n; j++) {
                    Obj *x = next_of(TUPLE_ITEMS(z->its)[j]);
                    if (x) {
                        DECREF(x);
                        if (j == 1) err_format(&Exc_ValueError, "zip() argument %zd is longer than argument 1", j + 1);
                        else err_format(&Exc_ValueError, "zip() argument %zd is longer than arguments 1-%zd", j + 1, j);
                        DECREF(r);
                        return NULL;
                    }
                    if (iter_finished() < 0) { DECREF(r); return NULL; }
                }
            }
            if (reuse) {
                /* items already replaced up to i: keep the tuple consistent */
                DECREF(r);
            } else {
                DECREF(r);
            }
            return NULL;
        }
        if (reuse) {
            Obj *old = TUPLE_ITEMS(r)[i];
            TUPLE_ITEMS(r)[i] = item;
            DECREF(old);
        } else {
            TUPLE_ITEMS(r)[i] = item;
        }
    }
    if (!reuse && !z->result) z->result = NEWREF(r);
    return r;
}

static void zip_dealloc(Obj *o) {
    ZipObj *z = (ZipObj *)o;
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(z->its);
    XDECREF(z->result);
    obj_free(o);
}
static void zip_traverse(Obj *o, visitproc_ visit, void *arg) {
    ZipObj *z = (ZipObj *)o;
    if (z->its) visit(z->its, arg);
    if (z->result) visit(z->result, arg);
}
static int zip_clear(Obj *o) {
    ZipObj *z = (ZipObj *)o;
    CLEAR(z->its);
    CLEAR(z->result);
    return 0;
}

TypeObj Zip_Type = {
    TYPE_HEAD_INIT,
    .name = "zip",
    .basicsize = sizeof(ZipObj),
    .flags = TF_BASETYPE | TF_GC | TF_IMMUTABLETYPE,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
    .dealloc = zip_dealloc,
    .iter = iter_self,
    .iternext = zip_next,
    .new_ = zip_new,
    .traverse = zip_traverse,
    .clear = zip_clear,
};

/* ---- map ----------------------------------------------------------------------- */
typedef struct { OBJ_HEAD; Obj *func; Obj *its; } MapObj;

static Obj *map_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (type == &Map_Type && kwnames && TUPLE_SIZE(kwnames))
        return err_set_str(&Exc_TypeError, "map() takes no keyword arguments");
    if (nargs < 2) return err_set_str(&Exc_TypeError, "map() must have at least two arguments.");
    Obj *its = tuple_new((ssize_t)nargs - 1);
    if (!its) return NULL;
    for (size_t i = 1; i < nargs; i++) {
        Obj *it = obj_iter(args[i]);
        if (!it) { DECREF(its); return NULL; }
        TUPLE_ITEMS(its)[i - 1] = it;
    }
    MapObj *m = (MapObj *)obj_alloc(type, 0);
    if (!m) { DECREF(its); return NULL; }
    m->func = NEWREF(args[0]);
    m->its = its;
    return OBJ(m);
}

static Obj *map_next(Obj *o) {
    MapObj *m = (MapObj *)o;
    ssize_t n = TUPLE_SIZE(m->its);
    Obj *small[8];
    Obj **argv = small;
    if (n > 8) {
        argv = (Obj **)mem_alloc((size_t)n * sizeof(Obj *));
        if (!argv) return NULL;
    }
    ssize_t got = 0;
    Obj *res = NULL;
    for (; got < n; got++) {
        argv[got] = next_of(TUPLE_ITEMS(m->its)[got]);
        if (!argv[got]) break;
    }
    if (got == n) res = obj_call(m->func, argv, (size_t)n, NULL);
    for (ssize_t i = 0; i < got; i++) DECREF(argv[i]);
    if (argv != small) mem_free(argv);
    return res;
}

static void map_dealloc(Obj *o) {
    MapObj *m = (MapObj *)o;
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(m->func);
    XDECREF(m->its);
    obj_free(o);
}
static void map_traverse(Obj *o, visitproc_ visit, void *arg) {
    MapObj *m = (MapObj *)o;
    if (m->func) visit(m->func, arg);
    if (m->its) visit(m->its, arg);
}
static int map_clear(Obj *o) {
    MapObj *m = (MapObj *)o;
    CLEAR(m->func);
    CLEAR(m->its);
    return 0;
}

TypeObj Map_Type = {
    TYPE_HEAD_INIT,
    .name = "map",
    .basicsize = sizeof(MapObj),
    .flags = TF_BASETYPE | TF_GC | TF_IMMUTABLETYPE,
    .doc = "map(func, *iterables) --> map object",
    .dealloc = map_dealloc,
    .iter = iter_self,
    .iternext = map_next,
    .new_ = map_new,
    .traverse = map_traverse,
    .clear = map_clear,
};

/* ---- filter ----------------------------------------------------------------------- */
typedef struct { OBJ_HEAD; Obj *func; Obj *it; } FilterObj;

static Obj *filter_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (type == &Filter_Type && kwnames && TUPLE_SIZE(kwnames))
        return err_set_str(&Exc_TypeError, "filter() takes no keyword arguments");
    if (nargs != 2) return err_format(&Exc_TypeError, "filter expected 2 arguments, got %zd", (ssize_t)nargs);
    Obj *it = obj_iter(args[1]);
    if (!it) return NULL;
    FilterObj *f = (FilterObj *)obj_alloc(type, 0);
    if (!f) { DECREF(it); return NULL; }
    f->func = NEWREF(args[0]);
    f->it = it;
    return OBJ(f);
}

static Obj *filter_next(Obj *o) {
    FilterObj *f = (FilterObj *)o;
    bool truth_only = f->func == None || f->func == OBJ(&Bool_Type);
    for (;;) {
        Obj *item = next_of(f->it);
        if (!item) return NULL;
        int ok;
        if (truth_only) {
            ok = obj_is_true(item);
        } else {
            Obj *r = obj_call1(f->func, item);
            if (!r) { DECREF(item); return NULL; }
            ok = obj_is_true(r);
            DECREF(r);
        }
        if (ok > 0) return item;
        DECREF(item);
        if (ok < 0) return NULL;
    }
}

static void filter_dealloc(Obj *o) {
    FilterObj *f = (FilterObj *)o;
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(f->func);
    XDECREF(f->it);
    obj_free(o);
}
static void filter_traverse(Obj *o, visitproc_ visit, void *arg) {
    FilterObj *f = (FilterObj *)o;
    if (f->func) visit(f->func, arg);
    if (f->it) visit(f->it, arg);
}
static int filter_clear(Obj *o) {
    FilterObj *f = (FilterObj *)o;
    CLEAR(f->func);
    CLEAR(f->it);
    return 0;
}

TypeObj Filter_Type = {
    TYPE_HEAD_INIT,
    .name = "filter",
    .basicsize = sizeof(FilterObj),
    .flags = TF_BASETYPE | TF_GC | TF_IMMUTABLETYPE,
    .doc = "filter(function or None, iterable) --> filter object",
    .dealloc = filter_dealloc,
    .iter = iter_self,
    .iternext = filter_next,
    .new_ = filter_new,
    .traverse = filter_traverse,
    .clear = filter_clear,
};

/* ---- reversed ------------------------------------------------------------------------ */
typedef struct { OBJ_HEAD; Obj *seq; ssize_t index; } RevObj;

static Obj *reversed_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (type == &Reversed_Type && kwnames && TUPLE_SIZE(kwnames))
        return err_set_str(&Exc_TypeError, "reversed() takes no keyword arguments");
    if (nargs != 1) return err_format(&Exc_TypeError, "reversed expected 1 argument, got %zd", (ssize_t)nargs);
    Obj *seq = args[0];
    if (type_lookup(TYPE(seq), str_intern_cstr("__reversed__")) == None)
        return err_format(&Exc_TypeError, "'%T' object is not reversible", seq);
    Obj *rev = obj_type_lookup_special(seq, str_intern_cstr("__reversed__"));
    if (rev) {
        Obj *r = obj_call0(rev);
        DECREF(rev);
        return r;
    }
    if (err_occurred()) return NULL;
    Obj *rattr = type_lookup(TYPE(seq), str_intern_cstr("__reversed__"));
    if (rattr == None || !TYPE(seq)->getitem || dict_check(seq) || !TYPE(seq)->len)
        return err_format(&Exc_TypeError, "'%T' object is not reversible", seq);
    ssize_t n = obj_len(seq);
    if (n < 0) return NULL;
    RevObj *r = (RevObj *)obj_alloc(type, 0);
    if (!r) return NULL;
    r->seq = NEWREF(seq);
    r->index = n - 1;
    return OBJ(r);
}

static Obj *reversed_next(Obj *o) {
    RevObj *r = (RevObj *)o;
    if (r->index >= 0 && r->seq) {
        Obj *idx = int_from_ssize(r->index);
        if (!idx) return NULL;
        Obj *item = obj_getitem(r->seq, idx);
        DECREF(idx);
        if (item) {
            r->index--;
            return item;
        }
        if (err_matches(&Exc_IndexError) || err_matches(&Exc_StopIteration)) err_clear();
        else return NULL;
    }
    r->index = -1;
    CLEAR(r->seq);
    return NULL;
}

static Obj *reversed_length_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    RevObj *r = (RevObj *)self;
    if (!r->seq) return MAKE_SMALLINT(0);
    ssize_t n = obj_len(r->seq);
    if (n < 0) return NULL;
    return int_from_ssize(n < r->index + 1 ? 0 : r->index + 1);
}

static void rev_dealloc(Obj *o) {
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(((RevObj *)o)->seq);
    obj_free(o);
}
static void rev_traverse(Obj *o, visitproc_ visit, void *arg) {
    if (((RevObj *)o)->seq) visit(((RevObj *)o)->seq, arg);
}
static int rev_clear(Obj *o) { CLEAR(((RevObj *)o)->seq); return 0; }

static MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj Reversed_Type = {
    TYPE_HEAD_INIT,
    .name = "reversed",
    .basicsize = sizeof(RevObj),
    .flags = TF_BASETYPE | TF_GC | TF_IMMUTABLETYPE,
    .doc = "Return a reverse iterator over the values of the given sequence.",
    .dealloc = rev_dealloc,
    .iter = iter_self,
    .iternext = reversed_next,
    .new_ = reversed_new,
    .traverse = rev_traverse,
    .clear = rev_clear,
    .methods = reversed_methods,
};

/* ---- sequence iterator ------------------------------------------------------------------ */
typedef struct { OBJ_HEAD; Obj *seq; ssize_t index; } SeqIterObj;

Obj *seqiter_new(Obj *seq) {
    SeqIterObj *it = (SeqIterObj *)obj_alloc(&SeqIter_Type, 0);
    if (!it) return NULL;
    it->seq = NEWREF(seq);
    it->index = 0;
    return OBJ(it);
}

static Obj *seqiter_next(Obj *o) {
    SeqIterObj *it = (SeqIterObj *)o;
    if (!it->seq) return NULL;
    Obj *idx = int_from_ssize(it->index);
    if (!idx) return NULL;
    Obj *item = obj_getitem(it->seq, idx);
    DECREF(idx);
    if (item) {
        it->index++;
        return item;
    }
    if (err_matches(&Exc_IndexError) || err_matches(&Exc_StopIteration)) {
        err_clear();
        CLEAR(it->seq);
    }
    return NULL;
}

static Obj *seqiter_length_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    SeqIterObj *it = (SeqIterObj *)self;
    if (!it->seq) return MAKE_SMALLINT(0);
    if (!TYPE(it->seq)->len) return NEWREF(NotImplemented);
    ssize_t n = obj_len(it->seq);
    if (n < 0) return NULL;
    return int_from_ssize(n > it->index ? n - it->index : 0);
}

static void seqiter_dealloc(Obj *o) {
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(((SeqIterObj *)o)->seq);
    obj_free(o);
}
static void seqiter_traverse(Obj *o, visitproc_ visit, void *arg) {
    if (((SeqIterObj *)o)->seq) visit(((SeqIterObj *)o)->seq, arg);
}
static int seqiter_clear(Obj *o) { CLEAR(((SeqIterObj *)o)->seq); return 0; }

static MethodDef seqiter_methods[] = {
    {"__length_hint__", seqiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj SeqIter_Type = {
    TYPE_HEAD_INIT,
    .name = "iterator",
    .basicsize = sizeof(SeqIterObj),
    .flags = TF_GC,
    .dealloc = seqiter_dealloc,
    .iter = iter_self,
    .iternext = seqiter_next,
    .traverse = seqiter_traverse,
    .clear = seqiter_clear,
    .methods = seqiter_methods,
};

/* ---- callable iterator ----------------------------------------------------------------------- */
typedef struct { OBJ_HEAD; Obj *func; Obj *sentinel; } CallIterObj;

Obj *calliter_new(Obj *callable, Obj *sentinel) {
    CallIterObj *it = (CallIterObj *)obj_alloc(&CallIter_Type, 0);
    if (!it) return NULL;
    it->func = NEWREF(callable);
    it->sentinel = NEWREF(sentinel);
    return OBJ(it);
}

static Obj *calliter_next(Obj *o) {
    CallIterObj *it = (CallIterObj *)o;
    if (!it->func) return NULL;
    Obj *r = obj_call0(it->func);
    if (!r) {
        if (err_matches(&Exc_StopIteration)) {
            err_clear();
            CLEAR(it->func);
            CLEAR(it->sentinel);
        }
        return NULL;
    }
    int eq = obj_richcompare_bool(it->sentinel, r, CMP_EQ);
    if (eq == 0) return r;
    DECREF(r);
    if (eq > 0) {
        CLEAR(it->func);
        CLEAR(it->sentinel);
    }
    return NULL;
}

static void calliter_dealloc(Obj *o) {
    CallIterObj *it = (CallIterObj *)o;
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(it->func);
    XDECREF(it->sentinel);
    obj_free(o);
}
static void calliter_traverse(Obj *o, visitproc_ visit, void *arg) {
    CallIterObj *it = (CallIterObj *)o;
    if (it->func) visit(it->func, arg);
    if (it->sentinel) visit(it->sentinel, arg);
}
static int calliter_clear(Obj *o) {
    CallIterObj *it = (CallIterObj *)o;
    CLEAR(it->func);
    CLEAR(it->sentinel);
    return 0;
}

TypeObj CallIter_Type = {
    TYPE_HEAD_INIT,
    .name = "callable_iterator",
    .basicsize = sizeof(CallIterObj),
    .flags = TF_GC,
    .dealloc = calliter_dealloc,
    .iter = iter_self,
    .iternext = calliter_next,
    .traverse = calliter_traverse,
    .clear = calliter_clear,
};
