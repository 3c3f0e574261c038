/* tuple.c — the tuple type, its iterator, and sequence helpers shared by
 * the container types (lexicographic comparison, index() bounds).
 *
 * The empty tuple is shared (allocated once, kept alive by a static
 * reference).  Small exact tuples freed are kept on per-size free lists
 * (untracked, refcount 0) and revived by tuple_new: calls create many. */
#include "gilpy.h"

#define FREELIST_MAXSIZE 20     /* sizes 1..19 */
#define FREELIST_MAXLEN  2000   /* per size */
static TupleObj *freelist[FREELIST_MAXSIZE];
static int freelist_len[FREELIST_MAXSIZE];
static Obj *empty_tuple;

Obj *tuple_new(ssize_t n) {
    if (n == 0) {
        if (!empty_tuple) {
            empty_tuple = obj_alloc(&Tuple_Type, 0);
            if (!empty_tuple) return NULL;
            ((TupleObj *)empty_tuple)->hash_cache = -1;
        }
        INCREF(empty_tuple);
        return empty_tuple;
    }
    if (n < 0) return err_bad_internal_call();
    TupleObj *t;
    if (n < FREELIST_MAXSIZE && freelist[n]) {
        t = freelist[n];
        freelist[n] = (TupleObj *)t->items[0];
        freelist_len[n]--;
        t->items[0] = NULL;
        INCREF(t);          /* revive: refcount 0 -> 1 */
        gc_track(OBJ(t));
    } else {
        if ((size_t)n > ((size_t)PTRDIFF_MAX - sizeof(TupleObj)) / sizeof(Obj *))
            return err_no_memory();
        t = (TupleObj *)obj_alloc(&Tuple_Type, n);
        if (!t) return NULL;
    }
    t->hash_cache = -1;
    return OBJ(t);
}

Obj *tuple_pack(ssize_t n, ...) {
    Obj *t = tuple_new(n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (ssize_t i = 0; i < n; i++) {
        Obj *o = va_arg(ap, Obj *);
        INCREF(o);
        TUPLE_ITEMS(t)[i] = o;
    }
    va_end(ap);
    return t;
}

Obj *tuple_from_array(Obj *const *items, ssize_t n) {
    Obj *t = tuple_new(n);
    if (!t) return NULL;
    for (ssize_t i = 0; i < n; i++) {
        INCREF(items[i]);
        TUPLE_ITEMS(t)[i] = items[i];
    }
    return t;
}

Obj *tuple_getslice(Obj *t, ssize_t lo, ssize_t hi) {
    ssize_t n = TUPLE_SIZE(t);
    if (lo < 0) lo = 0;
    if (hi > n) hi = n;
    if (hi < lo) hi = lo;
    if (lo == 0 && hi == n && TYPE(t) == &Tuple_Type) return NEWREF(t);
    return tuple_from_array(TUPLE_ITEMS(t) + lo, hi - lo);
}

static void tuple_dealloc(Obj *o) {
    TupleObj *t = (TupleObj *)o;
    ssize_t n = TUPLE_SIZE(o);
    bool exact = TYPE(o) == &Tuple_Type;
    if (exact && trashcan_begin(o)) return;
    if (gc_is_tracked(o)) gc_untrack(o);
    for (ssize_t i = 0; i < n; i++) XDECREF(t->items[i]);
    if (n > 0 && n < FREELIST_MAXSIZE && TYPE(o) == &Tuple_Type &&
        freelist_len[n] < FREELIST_MAXLEN) {
        t->items[0] = OBJ(freelist[n]);
        for (ssize_t i = 1; i < n; i++) t->items[i] = NULL;
        freelist[n] = t;
        freelist_len[n]++;
    } else {
        obj_free(o);
    }
    if (exact) trashcan_end();
}

static void tuple_traverse(Obj *o, visitproc_ visit, void *arg) {
    ssize_t n = TUPLE_SIZE(o);
    for (ssize_t i = 0; i < n; i++)
        if (TUPLE_ITEMS(o)[i]) visit(TUPLE_ITEMS(o)[i], arg);
}

static int tuple_clear(Obj *o) {
    ssize_t n = TUPLE_SIZE(o);
    for (ssize_t i = 0; i < n; i++) CLEAR(TUPLE_ITEMS(o)[i]);
    return 0;
}

/* ---- repr ---------------------------------------------------------------- */
static Obj *tuple_repr(Obj *o) {
    ssize_t n = TUPLE_SIZE(o);
    if (n == 0) return str_from_cstr("()");
    int r = repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return str_from_cstr("(...)");
    if (enter_recursive_call(" while getting the repr of an object")) {
        repr_leave(o);
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, "(");
    for (ssize_t i = 0; i < TUPLE_SIZE(o); i++) {
        if (i) sb_append_cstr(&sb, ", ");
        Obj *s = obj_repr(TUPLE_ITEMS(o)[i]);
        if (!s) goto fail;
        sb_append_str(&sb, s);
        DECREF(s);
    }
    sb_append_cstr(&sb, n == 1 ? ",)" : ")");
    leave_recursive_call();
    repr_leave(o);
    return sb_finish(&sb);
fail:
    leave_recursive_call();
    repr_leave(o);
    sb_discard(&sb);
    return NULL;
}

/* ---- hash (CPython 3.11's xxHash-based tuple hash) ----------------------- */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static hash_t tuple_hash(Obj *o) {
    TupleObj *t = (TupleObj *)o;
    if (t->hash_cache != -1) return t->hash_cache;
    ssize_t n = TUPLE_SIZE(o);
    uint64_t acc = XXPRIME_5;
    for (ssize_t i = 0; i < n; i++) {
        hash_t h = cont_hash(t->items[i]);
        if (h == -1) return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) acc = 1546275796;
    t->hash_cache = (hash_t)acc;
    return (hash_t)acc;
}

/* ---- comparison ------------------------------------------------------------ */
Obj *cont_seq_richcompare(Obj *const *a, ssize_t na, Obj *const *b, ssize_t nb, int op) {
    ssize_t i;
    for (i = 0; i < na && i < nb; i++) {
        if (a[i] == b[i]) continue;
        Obj *x = a[i], *y = b[i];
        INCREF(x); INCREF(y);
        int k = obj_richcompare_bool(x, y, CMP_EQ);
        DECREF(x); DECREF(y);
        if (k < 0) return NULL;
        if (!k) break;
    }
    if (i >= na || i >= nb) {
        bool r;
        switch (op) {
        case CMP_LT: r = na < nb; break;
        case CMP_LE: r = na <= nb; break;
        case CMP_EQ: r = na == nb; break;
        case CMP_NE: r = na != nb; break;
        case CMP_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        RETURN_BOOL(r);
    }
    if (op == CMP_EQ) return False_;
    if (op == CMP_NE) return True_;
    Obj *x = a[i], *y = b[i];
    INCREF(x); INCREF(y);
    Obj *res = obj_richcompare(x, y, op);
    DECREF(x); DECREF(y);
    return res;
}

static Obj *tuple_richcompare(Obj *a, Obj *b, int op) {
    if (!tuple_check(a) || !tuple_check(b)) RETURN_NOTIMPL;
    return cont_seq_richcompare(TUPLE_ITEMS(a), TUPLE_SIZE(a), TUPLE_ITEMS(b), TUPLE_SIZE(b), op);
}

/* ---- sequence protocol ----------------------------------------------------- */
static ssize_t tuple_len(Obj *o) { return TUPLE_SIZE(o); }

static int tuple_contains(Obj *o, Obj *x) {
    for (ssize_t i = 0; i < TUPLE_SIZE(o); i++) {
        Obj *it = TUPLE_ITEMS(o)[i];
        if (it == x) return 1;
        int k = obj_richcompare_bool(it, x, CMP_EQ);
        if (k) return k;
    }
    return 0;
}

static Obj *tuple_subscript(Obj *o, Obj *key) {
    ssize_t i;
    int k = cont_key_index(key, &i);
    if (k < 0) return NULL;
    if (k) {
        ssize_t n = TUPLE_SIZE(o);
        if (i < 0) i += n;
        if ((size_t)i >= (size_t)n) return err_set_str(&Exc_IndexError, "tuple index out of range");
        return NEWREF(TUPLE_ITEMS(o)[i]);
    }
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        ssize_t len = slice_indices(key, TUPLE_SIZE(o), &start, &stop, &step);
        if (len < 0) return NULL;
        if (step == 1) return tuple_getslice(o, start, stop);
        if (len == TUPLE_SIZE(o) && step == 1 && TYPE(o) == &Tuple_Type) return NEWREF(o);
        Obj *r = tuple_new(len);
        if (!r) return NULL;
        for (ssize_t j = 0, p = start; j < len; j++, p += step)
            TUPLE_ITEMS(r)[j] = NEWREF(TUPLE_ITEMS(o)[p]);
        return r;
    }
    return err_format(&Exc_TypeError, "tuple indices must be integers or slices, not %T", key);
}

static Obj *tuple_concat(Obj *a, Obj *b) {
    if (!tuple_check(a)) RETURN_NOTIMPL;
    if (!tuple_check(b)) {
        if (cont_defer_binop(b, NB_ADD)) RETURN_NOTIMPL;
        return err_format(&Exc_TypeError, "can only concatenate tuple (not \"%T\") to tuple", b);
    }
    ssize_t na = TUPLE_SIZE(a), nb = TUPLE_SIZE(b);
    if (nb == 0 && TYPE(a) == &Tuple_Type) return NEWREF(a);
    if (na == 0 && TYPE(b) == &Tuple_Type) return NEWREF(b);
    if (na > PTRDIFF_MAX / 16 - nb) return err_no_memory();
    Obj *r = tuple_new(na + nb);
    if (!r) return NULL;
    for (ssize_t i = 0; i < na; i++) TUPLE_ITEMS(r)[i] = NEWREF(TUPLE_ITEMS(a)[i]);
    for (ssize_t i = 0; i < nb; i++) TUPLE_ITEMS(r)[na + i] = NEWREF(TUPLE_ITEMS(b)[i]);
    return r;
}

/* Shared by tuple/list repetition: resolve (seq, count) operands of `*`.
 * Returns 1 with *seq and *count set, 0 for NotImplemented, -1 error. */
int cont_repeat_operands(Obj *a, Obj *b, bool (*check)(Obj *), Obj **seq, ssize_t *count) {
    Obj *n;
    if (check(a)) { *seq = a; n = b; }
    else { *seq = b; n = a; }
    if (!int_check(n) && !TYPE(n)->nb_index) {
        if (cont_defer_binop(n, NB_MUL)) return 0;
        err_format(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
        return -1;
    }
    ssize_t c = obj_as_ssize(n, &Exc_OverflowError);
    if (c == -1 && err_occurred()) return -1;
    *count = c < 0 ? 0 : c;
    return 1;
}

static bool tuple_check_fn(Obj *o) { return tuple_check(o); }

static Obj *tuple_repeat(Obj *a, Obj *b) {
    Obj *seq; ssize_t c;
    int k = cont_repeat_operands(a, b, tuple_check_fn, &seq, &c);
    if (k <= 0) return k < 0 ? NULL : NotImplemented;
    ssize_t n = TUPLE_SIZE(seq);
    if (c == 1 && TYPE(seq) == &Tuple_Type) return NEWREF(seq);
    if (n == 0 || c == 0) return tuple_new(0);
    if (n > PTRDIFF_MAX / 16 / c) return err_no_memory();
    Obj *r = tuple_new(n * c);
    if (!r) return NULL;
    Obj **dst = TUPLE_ITEMS(r);
    for (ssize_t j = 0; j < c; j++)
        for (ssize_t i = 0; i < n; i++) *dst++ = NEWREF(TUPLE_ITEMS(seq)[i]);
    return r;
}

/* ---- methods ------------------------------------------------------------------- */
int cont_index_bounds(Obj *const *args, size_t nargs, ssize_t len, ssize_t *start, ssize_t *stop) {
    *start = 0;
    *stop = len;
    for (size_t k = 0; k < nargs && k < 2; k++) {
        Obj *a = args[k];
        ssize_t v;
        if (!int_check(a) && !TYPE(a)->nb_index) {
            err_set_str(&Exc_TypeError, "slice indices must be integers or have an __index__ method");
            return -1;
        }
        v = obj_as_ssize(a, NULL);
        if (v == -1 && err_occurred()) return -1;
        if (v < 0) { v += len; if (v < 0) v = 0; }
        if (v > len) v = len;
        if (k == 0) *start = v; else *stop = v;
    }
    return 0;
}

static Obj *tuple_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("index", kwnames) < 0) return NULL;
    if (args_count("index", nargs, 1, 3) < 0) return NULL;
    ssize_t start, stop;
    if (cont_index_bounds(args + 1, nargs - 1, TUPLE_SIZE(self), &start, &stop) < 0) return NULL;
    for (ssize_t i = start; i < stop && i < TUPLE_SIZE(self); i++) {
        int k = obj_richcompare_bool(TUPLE_ITEMS(self)[i], args[0], CMP_EQ);
        if (k < 0) return NULL;
        if (k) return int_from_ssize(i);
    }
    return err_set_str(&Exc_ValueError, "tuple.index(x): x not in tuple");
}

static Obj *tuple_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("count", kwnames) < 0) return NULL;
    if (nargs != 1)
        return err_format(&Exc_TypeError, "tuple.count() takes exactly one argument (%zu given)", nargs);
    ssize_t c = 0;
    for (ssize_t i = 0; i < TUPLE_SIZE(self); i++) {
        int k = obj_richcompare_bool(TUPLE_ITEMS(self)[i], args[0], CMP_EQ);
        if (k < 0) return NULL;
        c += k;
    }
    return int_from_ssize(c);
}

static Obj *tuple_getnewargs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    Obj *t = tuple_from_array(TUPLE_ITEMS(self), TUPLE_SIZE(self));
    if (!t) return NULL;
    Obj *r = tuple_pack(1, t);
    DECREF(t);
    return r;
}

/* cls[args] -> types.GenericAlias (objects/type.c), if linked in. */
extern Obj *generic_alias_new(Obj *origin, Obj *args) __attribute__((weak));

Obj *cont_class_getitem(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("__class_getitem__", kwnames) < 0) return NULL;
    if (nargs != 1)
        return err_format(&Exc_TypeError, "__class_getitem__() takes exactly one argument (%zd given)", (ssize_t)nargs);
    if (generic_alias_new) return generic_alias_new(cls, args[0]);
    return NEWREF(cls);
}

static Obj *tuple_new_(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames) > 0 && type == &Tuple_Type)
        return err_set_str(&Exc_TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1) return err_format(&Exc_TypeError, "tuple expected at most 1 argument, got %zd", (ssize_t)nargs);
    Obj *base;
    if (nargs == 0) base = tuple_new(0);
    else if (type == &Tuple_Type && TYPE(args[0]) == &Tuple_Type) base = NEWREF(args[0]);
    else base = seq_tuple(args[0]);
    if (!base || type == &Tuple_Type) return base;
    /* subclass: copy into an instance of `type` */
    ssize_t n = TUPLE_SIZE(base);
    Obj *r = obj_alloc(type, n);
    if (!r) { DECREF(base); return NULL; }
    ((TupleObj *)r)->hash_cache = -1;
    for (ssize_t i = 0; i < n; i++) TUPLE_ITEMS(r)[i] = NEWREF(TUPLE_ITEMS(base)[i]);
    DECREF(base);
    return r;
}

/* ---- iterator ------------------------------------------------------------------ */
typedef struct { OBJ_HEAD; ssize_t index; Obj *seq; } TupleIterObj;

static Obj *tuple_iter(Obj *o) {
    TupleIterObj *it = (TupleIterObj *)obj_alloc(&TupleIter_Type, 0);
    if (!it) return NULL;
    it->seq = NEWREF(o);
    it->index = 0;
    return OBJ(it);
}

static Obj *tupleiter_next(Obj *o) {
    TupleIterObj *it = (TupleIterObj *)o;
    if (!it->seq) return NULL;
    if (it->index < TUPLE_SIZE(it->seq)) return NEWREF(TUPLE_ITEMS(it->seq)[it->index++]);
    CLEAR(it->seq);
    return NULL;
}

static void tupleiter_dealloc(Obj *o) {
    XDECREF(((TupleIterObj *)o)->seq);
    obj_free(o);
}
static void tupleiter_traverse(Obj *o, visitproc_ visit, void *arg) {
    if (((TupleIterObj *)o)->seq) visit(((TupleIterObj *)o)->seq, arg);
}
static int tupleiter_clear(Obj *o) { CLEAR(((TupleIterObj *)o)->seq); return 0; }

static Obj *tupleiter_length_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    TupleIterObj *it = (TupleIterObj *)self;
    ssize_t n = it->seq ? TUPLE_SIZE(it->seq) - it->index : 0;
    return int_from_ssize(n < 0 ? 0 : n);
}

static Obj *iter_self(Obj *o) { return NEWREF(o); }

static MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj TupleIter_Type = {
    TYPE_HEAD_INIT,
    .name = "tuple_iterator",
    .basicsize = sizeof(TupleIterObj),
    .flags = TF_GC,
    .dealloc = tupleiter_dealloc,
    .iter = iter_self,
    .iternext = tupleiter_next,
    .traverse = tupleiter_traverse,
    .clear = tupleiter_clear,
    .methods = tupleiter_methods,
    .hash = NULL,
};

static MethodDef tuple_methods[] = {
    {"index", tuple_index, 0, "Return first index of value."},
    {"count", tuple_count, 0, "Return number of occurrences of value."},
    {"__getnewargs__", tuple_getnewargs, 0, NULL},
    {"__class_getitem__", cont_class_getitem, METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj Tuple_Type = {
    TYPE_HEAD_INIT,
    .name = "tuple",
    .basicsize = sizeof(TupleObj),
    .itemsize = sizeof(Obj *),
    .flags = TF_BASETYPE | TF_GC | TF_TUPLE_SUBCLASS | TF_IMMUTABLETYPE,
    .doc = "Built-in immutable sequence.",
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter,
    .new_ = tuple_new_,
    .nb = { [NB_ADD] = tuple_concat, [NB_MUL] = tuple_repeat },
    .len = tuple_len,
    .getitem = tuple_subscript,
    .contains = tuple_contains,
    .traverse = tuple_traverse,
    .clear = tuple_clear,
    .methods = tuple_methods,
};
