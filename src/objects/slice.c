/* slice.c — slice objects and slice_indices(), the helper every sequence
 * uses to resolve a slice against its length (CPython's PySlice_Unpack +
 * PySlice_AdjustIndices). */
#include "gilpy.h"

Obj *slice_new(Obj *start, Obj *stop, Obj *step) {
    SliceObj *s = (SliceObj *)obj_alloc(&Slice_Type, 0);
    if (!s) return NULL;
    s->start = NEWREF(start ? start : None);
    s->stop = NEWREF(stop ? stop : None);
    s->step = NEWREF(step ? step : None);
    return OBJ(s);
}

static int index_of(Obj *o, ssize_t *out) {
    if (IS_SMALLINT(o)) {
        *out = SMALLINT_VALUE(o);
        return 0;
    }
    if (!int_check(o) && !TYPE(o)->nb_index) {
        err_set_str(&Exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t v = obj_as_ssize(o, NULL);      /* clamps */
    if (v == -1 && err_occurred()) return -1;
    *out = v;
    return 0;
}

/* Unpack without adjusting to a length: 0 ok, -1 error. */
static int slice_unpack(Obj *slice, ssize_t *start, ssize_t *stop, ssize_t *step) {
    SliceObj *s = (SliceObj *)slice;
    if (s->step == None) {
        *step = 1;
    } else {
        if (index_of(s->step, step) < 0) return -1;
        if (*step == 0) {
            err_set_str(&Exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -PTRDIFF_MAX) *step = -PTRDIFF_MAX;
    }
    if (s->start == None) *start = *step < 0 ? PTRDIFF_MAX : 0;
    else if (index_of(s->start, start) < 0) return -1;
    if (s->stop == None) *stop = *step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    else if (index_of(s->stop, stop) < 0) return -1;
    return 0;
}

static ssize_t adjust_indices(ssize_t length, ssize_t *start, ssize_t *stop, ssize_t step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

ssize_t slice_indices(Obj *slice, ssize_t length, ssize_t *start, ssize_t *stop, ssize_t *step) {
    if (slice_unpack(slice, start, stop, step) < 0) return -1;
    return adjust_indices(length, start, stop, *step);
}

/* ---- type ------------------------------------------------------------------ */
static void slice_dealloc(Obj *o) {
    SliceObj *s = (SliceObj *)o;
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(s->start);
    XDECREF(s->stop);
    XDECREF(s->step);
    obj_free(o);
}

static void slice_traverse(Obj *o, visitproc_ visit, void *arg) {
    SliceObj *s = (SliceObj *)o;
    if (s->start) visit(s->start, arg);
    if (s->stop) visit(s->stop, arg);
    if (s->step) visit(s->step, arg);
}

static int slice_clear(Obj *o) {
    SliceObj *s = (SliceObj *)o;
    CLEAR(s->start);
    CLEAR(s->stop);
    CLEAR(s->step);
    return 0;
}

static Obj *slice_repr(Obj *o) {
    SliceObj *s = (SliceObj *)o;
    return str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Obj *slice_richcompare(Obj *a, Obj *b, int op) {
    if (TYPE(a) != &Slice_Type || TYPE(b) != &Slice_Type) RETURN_NOTIMPL;
    SliceObj *x = (SliceObj *)a, *y = (SliceObj *)b;
    Obj *ax[3] = {x->start, x->stop, x->step};
    Obj *bx[3] = {y->start, y->stop, y->step};
    if (a == b && (op == CMP_EQ || op == CMP_NE)) RETURN_BOOL(op == CMP_EQ);
    return cont_seq_richcompare(ax, 3, bx, 3, op);
}

static Obj *slice_new_(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames)) return err_set_str(&Exc_TypeError, "slice() takes no keyword arguments");
    if (nargs < 1) return err_format(&Exc_TypeError, "slice expected at least 1 argument, got %zd", (ssize_t)nargs);
    if (nargs > 3) return err_format(&Exc_TypeError, "slice expected at most 3 arguments, got %zd", (ssize_t)nargs);
    if (nargs == 1) return slice_new(NULL, args[0], NULL);
    return slice_new(args[0], args[1], nargs > 2 ? args[2] : NULL);
}

static Obj *m_indices(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("indices", kwnames) < 0) return NULL;
    if (nargs != 1) return err_format(&Exc_TypeError, "slice.indices() takes exactly one argument (%zd given)", (ssize_t)nargs);
    if (!int_check(args[0]) && !TYPE(args[0])->nb_index)
        return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    ssize_t length = obj_as_ssize(args[0], &Exc_OverflowError);
    if (length == -1 && err_occurred()) return NULL;
    if (length < 0) return err_set_str(&Exc_ValueError, "length should not be negative");
    ssize_t start, stop, step;
    if (slice_indices(self, length, &start, &stop, &step) < 0) return NULL;
    Obj *a = int_from_ssize(start), *b = int_from_ssize(stop), *c = int_from_ssize(step);
    Obj *r = (a && b && c) ? tuple_pack(3, a, b, c) : NULL;
    XDECREF(a); XDECREF(b); XDECREF(c);
    return r;
}

static Obj *m_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    SliceObj *s = (SliceObj *)self;
    Obj *t = tuple_pack(3, s->start, s->stop, s->step);
    if (!t) return NULL;
    Obj *r = tuple_pack(2, OBJ(&Slice_Type), t);
    DECREF(t);
    return r;
}

static MethodDef slice_methods[] = {
    {"indices", m_indices, 0, "S.indices(len) -> (start, stop, stride)"},
    {"__reduce__", m_reduce, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static MemberDef slice_members[] = {
    {"start", MEMBER_OBJ, offsetof(SliceObj, start), 1, NULL},
    {"stop", MEMBER_OBJ, offsetof(SliceObj, stop), 1, NULL},
    {"step", MEMBER_OBJ, offsetof(SliceObj, step), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

TypeObj Slice_Type = {
    TYPE_HEAD_INIT,
    .name = "slice",
    .basicsize = sizeof(SliceObj),
    .flags = TF_GC | TF_IMMUTABLETYPE,
    .doc = "slice(stop)\nslice(start, stop[, step])",
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .hash = hash_not_implemented,
    .richcompare = slice_richcompare,
    .new_ = slice_new_,
    .traverse = slice_traverse,
    .clear = slice_clear,
    .methods = slice_methods,
    .members = slice_members,
};
