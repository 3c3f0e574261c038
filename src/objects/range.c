/* range.c — range objects and their iterators.
 *
 * start/stop/step/length are int objects (arbitrary size).  When they are
 * all small ints (the usual case) indexing, containment and iteration use C
 * arithmetic; the iterator is a plain C counter. */
#include "gilpy.h"

#define R(o) ((RangeObj *)(o))

static bool all_small(RangeObj *r) {
    return IS_SMALLINT(r->start) && IS_SMALLINT(r->stop) && IS_SMALLINT(r->step) && IS_SMALLINT(r->length);
}

/* length of range(start, stop, step) as an int object */
static Obj *compute_length(Obj *start, Obj *stop, Obj *step) {
    if (IS_SMALLINT(start) && IS_SMALLINT(stop) && IS_SMALLINT(step)) {
        __int128 a = SMALLINT_VALUE(start), b = SMALLINT_VALUE(stop), s = SMALLINT_VALUE(step);
        __int128 n = 0;
        if (s > 0 && a < b) n = (b - a - 1) / s + 1;
        else if (s < 0 && a > b) n = (a - b - 1) / (-s) + 1;
        return int_from_long((long long)n);
    }
    int sgn = int_sign(step);
    Obj *lo, *hi, *st;
    if (sgn > 0) { lo = start; hi = stop; st = NEWREF(step); }
    else { lo = stop; hi = start; st = obj_neg(step); if (!st) return NULL; }
    Obj *cmp = obj_richcompare(lo, hi, CMP_GE);
    if (!cmp) { DECREF(st); return NULL; }
    int ge = obj_is_true(cmp);
    DECREF(cmp);
    if (ge) { DECREF(st); return MAKE_SMALLINT(0); }
    Obj *diff = obj_binop(hi, lo, NB_SUB);
    Obj *one = MAKE_SMALLINT(1);
    Obj *t = diff ? obj_binop(diff, one, NB_SUB) : NULL;
    XDECREF(diff);
    Obj *q = t ? obj_binop(t, st, NB_FLOORDIV) : NULL;
    XDECREF(t);
    DECREF(st);
    Obj *n = q ? obj_binop(q, one, NB_ADD) : NULL;
    XDECREF(q);
    return n;
}

static Obj *make_range(Obj *start, Obj *stop, Obj *step) {
    Obj *len = compute_length(start, stop, step);
    if (!len) return NULL;
    RangeObj *r = (RangeObj *)obj_alloc(&Range_Type, 0);
    if (!r) { DECREF(len); return NULL; }
    r->start = NEWREF(start);
    r->stop = NEWREF(stop);
    r->step = NEWREF(step);
    r->length = len;
    return OBJ(r);
}

Obj *range_new(ssize_t start, ssize_t stop, ssize_t step) {
    Obj *a = int_from_ssize(start), *b = int_from_ssize(stop), *c = int_from_ssize(step);
    Obj *r = (a && b && c) ? make_range(a, b, c) : NULL;
    XDECREF(a); XDECREF(b); XDECREF(c);
    return r;
}

static Obj *index_arg(Obj *o) {
    if (!int_check(o) && !TYPE(o)->nb_index)
        return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    return obj_index(o);
}

static Obj *range_new_(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) return err_set_str(&Exc_TypeError, "range() takes no keyword arguments");
    if (nargs < 1) return err_format(&Exc_TypeError, "range expected at least 1 argument, got %zd", (ssize_t)nargs);
    if (nargs > 3) return err_format(&Exc_TypeError, "range expected at most 3 arguments, got %zd", (ssize_t)nargs);
    Obj *start = NULL, *stop = NULL, *step = NULL, *res = NULL;
    if (nargs == 1) {
        stop = index_arg(args[0]);
        if (!stop) return NULL;
        start = MAKE_SMALLINT(0);
        step = MAKE_SMALLINT(1);
    } else {
        start = index_arg(args[0]);
        if (!start) return NULL;
        stop = index_arg(args[1]);
        if (!stop) goto done;
        if (nargs == 3) {
            step = index_arg(args[2]);
            if (!step) goto done;
            if (int_is_zero(step)) {
                err_set_str(&Exc_ValueError, "range() arg 3 must not be zero");
                goto done;
            }
        } else {
            step = MAKE_SMALLINT(1);
        }
    }
    res = make_range(start, stop, step);
done:
    XDECREF(start);
    XDECREF(stop);
    XDECREF(step);
    return res;
}

static void range_dealloc(Obj *o) {
    RangeObj *r = R(o);
    XDECREF(r->start);
    XDECREF(r->stop);
    XDECREF(r->step);
    XDECREF(r->length);
    obj_free(o);
}

static Obj *range_repr(Obj *o) {
    RangeObj *r = R(o);
    if (IS_SMALLINT(r->step) && SMALLINT_VALUE(r->step) == 1)
        return str_from_format("range(%R, %R)", r->start, r->stop);
    return str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static ssize_t range_len(Obj *o) {
    RangeObj *r = R(o);
    if (IS_SMALLINT(r->length)) return SMALLINT_VALUE(r->length);
    return int_as_ssize(r->length);
}

static int range_bool(Obj *o) { return !int_is_zero(R(o)->length); }

/* start + i*step for an int object i (assumed in range) */
static Obj *compute_item(RangeObj *r, Obj *i) {
    if (IS_SMALLINT(i) && IS_SMALLINT(r->start) && IS_SMALLINT(r->step)) {
        __int128 v = (__int128)SMALLINT_VALUE(r->start) + (__int128)SMALLINT_VALUE(i) * SMALLINT_VALUE(r->step);
        if (v >= LLONG_MIN && v <= LLONG_MAX) return int_from_long((long long)v);
    }
    Obj *m = obj_binop(i, r->step, NB_MUL);
    if (!m) return NULL;
    Obj *v = obj_binop(r->start, m, NB_ADD);
    DECREF(m);
    return v;
}

static Obj *range_item_obj(RangeObj *r, Obj *idx) {
    /* normalise negative, check bounds with int objects */
    Obj *i = NEWREF(idx);
    if (int_sign(i) < 0) {
        Obj *t = obj_binop(i, r->length, NB_ADD);
        DECREF(i);
        if (!t) return NULL;
        i = t;
    }
    Obj *ge = obj_richcompare(i, r->length, CMP_GE);
    if (!ge) { DECREF(i); return NULL; }
    bool bad = ge == True_ || int_sign(i) < 0;
    DECREF(ge);
    if (bad) {
        DECREF(i);
        return err_set_str(&Exc_IndexError, "range object index out of range");
    }
    Obj *v = compute_item(r, i);
    DECREF(i);
    return v;
}

static Obj *range_subscript(Obj *o, Obj *key) {
    RangeObj *r = R(o);
    if (IS_SMALLINT(key) && IS_SMALLINT(r->length)) {
        intptr_t i = SMALLINT_VALUE(key), n = SMALLINT_VALUE(r->length);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return err_set_str(&Exc_IndexError, "range object index out of range");
        return compute_item(r, MAKE_SMALLINT(i));
    }
    if (int_check(key) || (!SLICE_CHECK(key) && TYPE(key)->nb_index)) {
        Obj *i = obj_index(key);
        if (!i) return NULL;
        Obj *v = range_item_obj(r, i);
        DECREF(i);
        return v;
    }
    if (SLICE_CHECK(key)) {
        if (!IS_SMALLINT(r->length))
            return err_set_str(&Exc_OverflowError, "Python int too large to convert to C ssize_t");
        ssize_t start, stop, step;
        ssize_t len = slice_indices(key, SMALLINT_VALUE(r->length), &start, &stop, &step);
        if (len < 0) return NULL;
        Obj *a = compute_item(r, MAKE_SMALLINT(start));
        Obj *b = a ? compute_item(r, MAKE_SMALLINT(stop)) : NULL;
        Obj *sv = int_from_ssize(step);
        Obj *c = (b && sv) ? obj_binop(r->step, sv, NB_MUL) : NULL;
        XDECREF(sv);
        Obj *res = c ? make_range(a, b, c) : NULL;
        XDECREF(a); XDECREF(b); XDECREF(c);
        return res;
    }
    return err_format(&Exc_TypeError, "range indices must be integers or slices, not %T", key);
}

/* 1/0/-1 for an exact int (or bool) */
static int contains_int(RangeObj *r, Obj *x) {
    if (all_small(r) && IS_SMALLINT(x)) {
        intptr_t a = SMALLINT_VALUE(r->start), b = SMALLINT_VALUE(r->stop), s = SMALLINT_VALUE(r->step);
        intptr_t v = SMALLINT_VALUE(x);
        if (s > 0) { if (v < a || v >= b) return 0; }
        else { if (v > a || v <= b) return 0; }
        return ((__int128)v - a) % s == 0;
    }
    int sgn = int_sign(r->step);
    Obj *c1, *c2;
    if (sgn > 0) {
        c1 = obj_richcompare(r->start, x, CMP_LE);
        c2 = c1 ? obj_richcompare(x, r->stop, CMP_LT) : NULL;
    } else {
        c1 = obj_richcompare(r->stop, x, CMP_LT);
        c2 = c1 ? obj_richcompare(x, r->start, CMP_LE) : NULL;
    }
    if (!c2) { XDECREF(c1); return -1; }
    bool in = c1 == True_ && c2 == True_;
    DECREF(c1); DECREF(c2);
    if (!in) return 0;
    Obj *d = obj_binop(x, r->start, NB_SUB);
    Obj *m = d ? obj_binop(d, r->step, NB_MOD) : NULL;
    XDECREF(d);
    if (!m) return -1;
    int z = int_is_zero(m);
    DECREF(m);
    return z;
}

static bool exact_int_or_bool(Obj *x) {
    return IS_SMALLINT(x) || TYPE(x) == &Int_Type || TYPE(x) == &Bool_Type;
}

static int range_contains(Obj *o, Obj *x) {
    if (exact_int_or_bool(x)) return contains_int(R(o), x);
    /* generic: iterate */
    Obj *it = obj_iter(o);
    if (!it) return -1;
    for (;;) {
        Obj *v = obj_iternext(it);
        if (!v) break;
        int c = obj_richcompare_bool(v, x, CMP_EQ);
        DECREF(v);
        if (c) { DECREF(it); return c; }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

static Obj *range_richcompare(Obj *a, Obj *b, int op) {
    if (TYPE(a) != &Range_Type || TYPE(b) != &Range_Type || (op != CMP_EQ && op != CMP_NE)) RETURN_NOTIMPL;
    RangeObj *x = R(a), *y = R(b);
    int eq;
    if (a == b) eq = 1;
    else {
        eq = obj_richcompare_bool(x->length, y->length, CMP_EQ);
        if (eq > 0 && !int_is_zero(x->length)) {
            eq = obj_richcompare_bool(x->start, y->start, CMP_EQ);
            if (eq > 0 && !(IS_SMALLINT(x->length) && SMALLINT_VALUE(x->length) == 1))
                eq = obj_richcompare_bool(x->step, y->step, CMP_EQ);
        }
        if (eq < 0) return NULL;
    }
    RETURN_BOOL(op == CMP_EQ ? eq : !eq);
}

static hash_t range_hash(Obj *o) {
    RangeObj *r = R(o);
    Obj *t;
    if (int_is_zero(r->length)) t = tuple_pack(3, r->length, None, None);
    else if (IS_SMALLINT(r->length) && SMALLINT_VALUE(r->length) == 1) t = tuple_pack(3, r->length, r->start, None);
    else t = tuple_pack(3, r->length, r->start, r->step);
    if (!t) return -1;
    hash_t h = obj_hash(t);
    DECREF(t);
    return h;
}

static Obj *m_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("count", kwnames) < 0) return NULL;
    if (nargs != 1) return err_format(&Exc_TypeError, "range.count() takes exactly one argument (%zd given)", (ssize_t)nargs);
    if (exact_int_or_bool(args[0])) {
        int c = contains_int(R(self), args[0]);
        if (c < 0) return NULL;
        return MAKE_SMALLINT(c);
    }
    ssize_t n = 0;
    Obj *it = obj_iter(self);
    if (!it) return NULL;
    for (;;) {
        Obj *v = obj_iternext(it);
        if (!v) break;
        int c = obj_richcompare_bool(v, args[0], CMP_EQ);
        DECREF(v);
        if (c < 0) { DECREF(it); return NULL; }
        n += c;
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    return int_from_ssize(n);
}

static Obj *m_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("index", kwnames) < 0) return NULL;
    if (nargs != 1) return err_format(&Exc_TypeError, "range.index() takes exactly one argument (%zd given)", (ssize_t)nargs);
    RangeObj *r = R(self);
    Obj *x = args[0];
    if (exact_int_or_bool(x)) {
        int c = contains_int(r, x);
        if (c < 0) return NULL;
        if (c) {
            Obj *d = obj_binop(x, r->start, NB_SUB);
            if (!d) return NULL;
            Obj *q = obj_binop(d, r->step, NB_FLOORDIV);
            DECREF(d);
            return q;
        }
    } else {
        ssize_t i = 0;
        Obj *it = obj_iter(self);
        if (!it) return NULL;
        for (;; i++) {
            Obj *v = obj_iternext(it);
            if (!v) break;
            int c = obj_richcompare_bool(v, x, CMP_EQ);
            DECREF(v);
            if (c < 0) { DECREF(it); return NULL; }
            if (c) { DECREF(it); return int_from_ssize(i); }
        }
        DECREF(it);
        if (err_occurred()) return NULL;
    }
    return err_format(&Exc_ValueError, "%R is not in range", x);
}

static Obj *m_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    RangeObj *r = R(self);
    Obj *t = tuple_pack(3, r->start, r->stop, r->step);
    if (!t) return NULL;
    Obj *res = tuple_pack(2, OBJ(&Range_Type), t);
    DECREF(t);
    return res;
}

/* ---- iterators ------------------------------------------------------------------- */
typedef struct { OBJ_HEAD; long long start, step, len, index; } RangeIterObj;
typedef struct { OBJ_HEAD; Obj *start, *step, *len, *index; } LongRangeIterObj;

static Obj *make_iter(Obj *start, Obj *step, Obj *len) {
    long long a, s, n;
    if (!int_as_long_overflow(start, &a) && !int_as_long_overflow(step, &s) &&
        !int_as_long_overflow(len, &n)) {
        /* last value must fit too */
        __int128 last = (__int128)a + (__int128)(n > 0 ? n - 1 : 0) * s;
        if (last >= LLONG_MIN && last <= LLONG_MAX) {
            RangeIterObj *it = (RangeIterObj *)obj_alloc(&RangeIter_Type, 0);
            if (!it) return NULL;
            it->start = a;
            it->step = s;
            it->len = n;
            it->index = 0;
            return OBJ(it);
        }
    }
    if (err_occurred()) return NULL;
    LongRangeIterObj *it = (LongRangeIterObj *)obj_alloc(&LongRangeIter_Type, 0);
    if (!it) return NULL;
    it->start = NEWREF(start);
    it->step = NEWREF(step);
    it->len = NEWREF(len);
    it->index = MAKE_SMALLINT(0);
    return OBJ(it);
}

static Obj *range_iter(Obj *o) {
    RangeObj *r = R(o);
    return make_iter(r->start, r->step, r->length);
}

static Obj *m_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    RangeObj *r = R(self);
    /* last = start + (len-1)*step; iterate with -step */
    Obj *lm1 = obj_binop(r->length, MAKE_SMALLINT(1), NB_SUB);
    Obj *last = lm1 ? compute_item(r, lm1) : NULL;
    XDECREF(lm1);
    Obj *nstep = last ? obj_neg(r->step) : NULL;
    Obj *it = nstep ? make_iter(last, nstep, r->length) : NULL;
    XDECREF(last);
    XDECREF(nstep);
    return it;
}

static Obj *rangeiter_next(Obj *o) {
    RangeIterObj *it = (RangeIterObj *)o;
    if (it->index < it->len) {
        long long v = it->start + it->index++ * it->step;
        if (LIKELY(SMALLINT_FITS(v))) return MAKE_SMALLINT(v);
        return int_from_long(v);
    }
    return NULL;
}

static Obj *rangeiter_length_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    RangeIterObj *it = (RangeIterObj *)self;
    return int_from_long(it->len - it->index);
}

static void rangeiter_dealloc(Obj *o) { obj_free(o); }

static Obj *longrangeiter_next(Obj *o) {
    LongRangeIterObj *it = (LongRangeIterObj *)o;
    Obj *lt = obj_richcompare(it->index, it->len, CMP_LT);
    if (!lt) return NULL;
    bool more = lt == True_;
    DECREF(lt);
    if (!more) return NULL;
    Obj *m = obj_binop(it->index, it->step, NB_MUL);
    Obj *v = m ? obj_binop(it->start, m, NB_ADD) : NULL;
    XDECREF(m);
    if (!v) return NULL;
    Obj *ni = obj_binop(it->index, MAKE_SMALLINT(1), NB_ADD);
    if (!ni) { DECREF(v); return NULL; }
    SETREF(it->index, ni);
    return v;
}

static Obj *longrangeiter_length_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    LongRangeIterObj *it = (LongRangeIterObj *)self;
    return obj_binop(it->len, it->index, NB_SUB);
}

static void longrangeiter_dealloc(Obj *o) {
    LongRangeIterObj *it = (LongRangeIterObj *)o;
    XDECREF(it->start);
    XDECREF(it->step);
    XDECREF(it->len);
    XDECREF(it->index);
    obj_free(o);
}

static Obj *iter_self(Obj *o) { return NEWREF(o); }

static MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};
static MethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj RangeIter_Type = {
    TYPE_HEAD_INIT,
    .name = "range_iterator",
    .basicsize = sizeof(RangeIterObj),
    .dealloc = rangeiter_dealloc,
    .iter = iter_self,
    .iternext = rangeiter_next,
    .methods = rangeiter_methods,
};

TypeObj LongRangeIter_Type = {
    TYPE_HEAD_INIT,
    .name = "longrange_iterator",
    .basicsize = sizeof(LongRangeIterObj),
    .dealloc = longrangeiter_dealloc,
    .iter = iter_self,
    .iternext = longrangeiter_next,
    .methods = longrangeiter_methods,
};

static MethodDef range_methods[] = {
    {"count", m_count, 0, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", m_index, 0, "rangeobject.index(value) -> integer -- return index of value."},
    {"__reversed__", m_reversed, 0, "Return a reverse iterator."},
    {"__reduce__", m_reduce, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static MemberDef range_members[] = {
    {"start", MEMBER_OBJ, offsetof(RangeObj, start), 1, NULL},
    {"stop", MEMBER_OBJ, offsetof(RangeObj, stop), 1, NULL},
    {"step", MEMBER_OBJ, offsetof(RangeObj, step), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

TypeObj Range_Type = {
    TYPE_HEAD_INIT,
    .name = "range",
    .basicsize = sizeof(RangeObj),
    .flags = TF_IMMUTABLETYPE,
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .new_ = range_new_,
    .nb_bool = range_bool,
    .len = range_len,
    .getitem = range_subscript,
    .contains = range_contains,
    .methods = range_methods,
    .members = range_members,
};
