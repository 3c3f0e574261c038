/* list.c — the list type and its iterators.  Sorting lives in listsort.c.
 *
 * Over-allocation follows CPython's growth pattern (newsize + newsize/8 + 6,
 * rounded to 4) so repeated append is amortised O(1). */
#include "gilpy.h"

int listsort_impl(Obj *list, Obj *key, int reverse);   /* listsort.c */

static int list_resize(ListObj *l, ssize_t newsize) {
    if (newsize <= l->allocated && newsize >= (l->allocated >> 1)) {
        l->size = newsize;
        return 0;
    }
    size_t alloc = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - l->size > (ssize_t)(alloc - newsize)) alloc = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0) alloc = 0;
    if (alloc > (size_t)PTRDIFF_MAX / sizeof(Obj *)) { err_no_memory(); return -1; }
    Obj **items = l->items;
    if (alloc == 0) {
        mem_free(items);
        items = NULL;
    } else {
        items = (Obj **)mem_realloc(items, alloc * sizeof(Obj *));
        if (!items) return -1;
    }
    l->items = items;
    l->size = newsize;
    l->allocated = (ssize_t)alloc;
    return 0;
}

/* Ensure room for `extra` more items without changing size. */
static int list_reserve(ListObj *l, ssize_t extra) {
    if (l->size + extra <= l->allocated) return 0;
    ssize_t old = l->size;
    if (list_resize(l, old + extra) < 0) return -1;
    l->size = old;
    return 0;
}

Obj *list_new(ssize_t n) {
    if (n < 0) return err_bad_internal_call();
    ListObj *l = (ListObj *)obj_alloc(&List_Type, 0);
    if (!l) return NULL;
    if (n > 0) {
        if ((size_t)n > (size_t)PTRDIFF_MAX / sizeof(Obj *)) { DECREF(l); return err_no_memory(); }
        l->items = (Obj **)mem_calloc((size_t)n, sizeof(Obj *));
        if (!l->items) { DECREF(l); return NULL; }
        l->allocated = n;
    }
    l->size = n;
    return OBJ(l);
}

Obj *list_from_array(Obj *const *items, ssize_t n) {
    Obj *l = list_new(n);
    if (!l) return NULL;
    for (ssize_t i = 0; i < n; i++) LIST_ITEMS(l)[i] = NEWREF(items[i]);
    return l;
}

int list_append_steal(Obj *list, Obj *item) {
    ListObj *l = (ListObj *)list;
    if (LIKELY(l->size < l->allocated)) {
        l->items[l->size++] = item;
        return 0;
    }
    if (list_resize(l, l->size + 1) < 0) { DECREF(item); return -1; }
    l->items[l->size - 1] = item;
    return 0;
}

int list_append(Obj *list, Obj *item) {
    INCREF(item);
    return list_append_steal(list, item);
}

int list_insert(Obj *list, ssize_t i, Obj *item) {
    ListObj *l = (ListObj *)list;
    ssize_t n = l->size;
    if (list_resize(l, n + 1) < 0) return -1;
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    memmove(&l->items[i + 1], &l->items[i], (size_t)(n - i) * sizeof(Obj *));
    l->items[i] = NEWREF(item);
    return 0;
}

Obj *list_as_tuple(Obj *list) {
    return tuple_from_array(LIST_ITEMS(list), LIST_SIZE(list));
}

/* Cheap length guess for presizing; -1 if unknown. */
static ssize_t cheap_len(Obj *o) {
    TypeObj *t = TYPE(o);
    if (t == &List_Type) return LIST_SIZE(o);
    if (t == &Tuple_Type) return TUPLE_SIZE(o);
    if (t == &Dict_Type) return ((DictObj *)o)->used;
    if (t == &Set_Type || t == &FrozenSet_Type) return ((SetObj *)o)->used;
    if (t == &Range_Type || t == &Str_Type || t == &DictKeys_Type || t == &DictValues_Type ||
        t == &DictItems_Type) {
        ssize_t n = obj_len(o);
        if (n < 0) { err_clear(); return -1; }
        return n;
    }
    return -1;
}

int list_extend(Obj *list, Obj *iterable) {
    ListObj *l = (ListObj *)list;
    if (list_check(iterable) || tuple_check(iterable)) {
        ssize_t n = list_check(iterable) ? LIST_SIZE(iterable) : TUPLE_SIZE(iterable);
        if (n == 0) return 0;
        ssize_t old = l->size;
        if (list_resize(l, old + n) < 0) return -1;
        /* items of `iterable` (re-read: it may be `list` itself) */
        Obj **src = list_check(iterable) ? LIST_ITEMS(iterable) : TUPLE_ITEMS(iterable);
        for (ssize_t i = 0; i < n; i++) l->items[old + i] = NEWREF(src[i]);
        return 0;
    }
    Obj *it = obj_iter(iterable);
    if (!it) return -1;
    ssize_t hint = cheap_len(iterable);
    if (hint > 0 && list_reserve(l, hint) < 0) { DECREF(it); return -1; }
    unaryfunc next = TYPE(it)->iternext;
    for (;;) {
        Obj *x = next ? next(it) : obj_iternext(it);
        if (!x) break;
        if (list_append_steal(list, x) < 0) { DECREF(it); return -1; }
    }
    DECREF(it);
    if (err_occurred()) {
        if (err_matches(&Exc_StopIteration)) err_clear();
        else return -1;
    }
    /* trim a generous presize */
    if (l->size < l->allocated / 2 && l->allocated > 16) list_resize(l, l->size);
    return 0;
}

static void list_clear_items(ListObj *l) {
    Obj **items = l->items;
    ssize_t n = l->size;
    l->items = NULL;
    l->size = 0;
    l->allocated = 0;
    if (items) {
        while (--n >= 0) XDECREF(items[n]);
        mem_free(items);
    }
}

static void list_dealloc(Obj *o) {
    bool exact = TYPE(o) == &List_Type;
    if (exact && trashcan_begin(o)) return;
    if (gc_is_tracked(o)) gc_untrack(o);
    list_clear_items((ListObj *)o);
    obj_free(o);
    if (exact) trashcan_end();
}

static void list_traverse(Obj *o, visitproc_ visit, void *arg) {
    ListObj *l = (ListObj *)o;
    for (ssize_t i = 0; i < l->size; i++)
        if (l->items[i]) visit(l->items[i], arg);
}

static int list_gc_clear(Obj *o) {
    list_clear_items((ListObj *)o);
    return 0;
}

/* ---- repr ------------------------------------------------------------------ */
static Obj *list_repr(Obj *o) {
    ListObj *l = (ListObj *)o;
    if (l->size == 0) return str_from_cstr("[]");
    int r = repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return str_from_cstr("[...]");
    if (enter_recursive_call(" while getting the repr of an object")) {
        repr_leave(o);
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, "[");
    for (ssize_t i = 0; i < l->size; i++) {
        if (i) sb_append_cstr(&sb, ", ");
        Obj *item = NEWREF(l->items[i]);
        Obj *s = obj_repr(item);
        DECREF(item);
        if (!s) goto fail;
        sb_append_str(&sb, s);
        DECREF(s);
    }
    sb_append_cstr(&sb, "]");
    leave_recursive_call();
    repr_leave(o);
    return sb_finish(&sb);
fail:
    leave_recursive_call();
    repr_leave(o);
    sb_discard(&sb);
    return NULL;
}

/* ---- comparison ---------------------------------------------------------------- */
static Obj *list_richcompare(Obj *a, Obj *b, int op) {
    if (!list_check(a) || !list_check(b)) RETURN_NOTIMPL;
    ListObj *x = (ListObj *)a, *y = (ListObj *)b;
    if ((op == CMP_EQ || op == CMP_NE) && x->size != y->size) RETURN_BOOL(op == CMP_NE);
    /* items may mutate during comparison: walk by index re-reading sizes */
    ssize_t i;
    for (i = 0; i < x->size && i < y->size; i++) {
        Obj *p = x->items[i], *q = y->items[i];
        if (p == q) continue;
        INCREF(p); INCREF(q);
        int k = obj_richcompare_bool(p, q, CMP_EQ);
        DECREF(p); DECREF(q);
        if (k < 0) return NULL;
        if (!k) break;
    }
    if (i >= x->size || i >= y->size) {
        ssize_t na = x->size, nb = y->size;
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
    Obj *p = NEWREF(x->items[i]), *q = NEWREF(y->items[i]);
    Obj *res = obj_richcompare(p, q, op);
    DECREF(p); DECREF(q);
    return res;
}

/* ---- sequence protocol ----------------------------------------------------------- */
static ssize_t list_len(Obj *o) { return LIST_SIZE(o); }

static int list_contains(Obj *o, Obj *x) {
    ListObj *l = (ListObj *)o;
    for (ssize_t i = 0; i < l->size; i++) {
        Obj *it = l->items[i];
        if (it == x) return 1;
        INCREF(it);
        int k = obj_richcompare_bool(it, x, CMP_EQ);
        DECREF(it);
        if (k) return k;
    }
    return 0;
}

static Obj *list_slice(ListObj *l, ssize_t lo, ssize_t hi) {
    if (lo < 0) lo = 0;
    if (hi > l->size) hi = l->size;
    if (hi < lo) hi = lo;
    return list_from_array(l->items + lo, hi - lo);
}

static Obj *list_subscript(Obj *o, Obj *key) {
    ListObj *l = (ListObj *)o;
    if (LIKELY(IS_SMALLINT(key))) {
        ssize_t i = SMALLINT_VALUE(key);
        if (i < 0) i += l->size;
        if ((size_t)i >= (size_t)l->size) return err_set_str(&Exc_IndexError, "list index out of range");
        return NEWREF(l->items[i]);
    }
    ssize_t i;
    int k = cont_key_index(key, &i);
    if (k < 0) return NULL;
    if (k) {
        if (i < 0) i += l->size;
        if ((size_t)i >= (size_t)l->size) return err_set_str(&Exc_IndexError, "list index out of range");
        return NEWREF(l->items[i]);
    }
    if (SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        ssize_t len = slice_indices(key, l->size, &start, &stop, &step);
        if (len < 0) return NULL;
        if (step == 1) return list_slice(l, start, stop);
        Obj *r = list_new(len);
        if (!r) return NULL;
        for (ssize_t j = 0, p = start; j < len; j++, p += step)
            LIST_ITEMS(r)[j] = NEWREF(l->items[p]);
        return r;
    }
    return err_format(&Exc_TypeError, "list indices must be integers or slices, not %T", key);
}

/* a[lo:hi] = v (v NULL: delete).  v must be an iterable. */
static int list_ass_slice(ListObj *a, ssize_t lo, ssize_t hi, Obj *v) {
    Obj *seq = NULL;
    Obj **vitems = NULL;
    ssize_t n = 0;
    if (v) {
        if (OBJ(a) == v || !(list_check(v) || tuple_check(v))) {
            if (OBJ(a) != v && !TYPE(v)->iter && !TYPE(v)->getitem) {
                err_set_str(&Exc_TypeError, "can only assign an iterable");
                return -1;
            }
            seq = seq_list(v);
            if (!seq) {
                if (err_matches(&Exc_TypeError) && !TYPE(v)->iter) {
                    err_clear();
                    err_set_str(&Exc_TypeError, "can only assign an iterable");
                }
                return -1;
            }
            v = seq;
        }
        if (list_check(v)) { vitems = LIST_ITEMS(v); n = LIST_SIZE(v); }
        else { vitems = TUPLE_ITEMS(v); n = TUPLE_SIZE(v); }
    }
    if (lo < 0) lo = 0;
    else if (lo > a->size) lo = a->size;
    if (hi < lo) hi = lo;
    else if (hi > a->size) hi = a->size;
    ssize_t norig = hi - lo;
    ssize_t d = n - norig;
    Obj *small[8];
    Obj **recycle = small;
    if (norig > 8) {
        recycle = (Obj **)mem_alloc((size_t)norig * sizeof(Obj *));
        if (!recycle) { XDECREF(seq); return -1; }
    }
    if (norig > 0)   /* a->items may be NULL for an empty list */
        memcpy(recycle, &a->items[lo], (size_t)norig * sizeof(Obj *));
    ssize_t size = a->size;
    if (d < 0) {
        memmove(&a->items[hi + d], &a->items[hi], (size_t)(size - hi) * sizeof(Obj *));
        list_resize(a, size + d);   /* shrinking cannot fail badly */
    } else if (d > 0) {
        if (list_resize(a, size + d) < 0) {
            if (recycle != small) mem_free(recycle);
            XDECREF(seq);
            return -1;
        }
        memmove(&a->items[hi + d], &a->items[hi], (size_t)(size - hi) * sizeof(Obj *));
    }
    for (ssize_t k = 0; k < n; k++) a->items[lo + k] = NEWREF(vitems[k]);
    for (ssize_t k = norig - 1; k >= 0; k--) XDECREF(recycle[k]);
    if (recycle != small) mem_free(recycle);
    XDECREF(seq);
    return 0;
}

static int list_ass_subscript(Obj *o, Obj *key, Obj *value) {
    ListObj *l = (ListObj *)o;
    ssize_t i;
    int k = cont_key_index(key, &i);
    if (k < 0) return -1;
    if (k) {
        if (i < 0) i += l->size;
        if ((size_t)i >= (size_t)l->size) {
            err_set_str(&Exc_IndexError, "list assignment index out of range");
            return -1;
        }
        if (value) {
            Obj *old = l->items[i];
            l->items[i] = NEWREF(value);
            DECREF(old);
            return 0;
        }
        return list_ass_slice(l, i, i + 1, NULL);
    }
    if (!SLICE_CHECK(key)) {
        err_format(&Exc_TypeError, "list indices must be integers or slices, not %T", key);
        return -1;
    }
    ssize_t start, stop, step;
    ssize_t len = slice_indices(key, l->size, &start, &stop, &step);
    if (len < 0) return -1;
    if (step == 1) return list_ass_slice(l, start, stop, value);
    if (!value) {
        if (len <= 0) return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (len - 1) - 1;
            step = -step;
        }
        Obj **garbage = (Obj **)mem_alloc((size_t)len * sizeof(Obj *));
        if (!garbage) return -1;
        /* compact the survivors */
        ssize_t cur = start, dst = start, g = 0;
        for (ssize_t p = start; p < l->size; p++) {
            if (g < len && p == cur) {
                garbage[g++] = l->items[p];
                cur += step;
            } else {
                l->items[dst++] = l->items[p];
            }
        }
        list_resize(l, l->size - len);
        for (ssize_t q = 0; q < g; q++) DECREF(garbage[q]);
        mem_free(garbage);
        return 0;
    }
    /* extended slice assignment */
    Obj *seq;
    if (value == o || !(list_check(value) || tuple_check(value))) {
        if (!TYPE(value)->iter && !TYPE(value)->getitem) {
            err_set_str(&Exc_TypeError, "must assign iterable to extended slice");
            return -1;
        }
        seq = seq_list(value);
        if (!seq) return -1;
    } else {
        seq = NEWREF(value);
    }
    ssize_t n = list_check(seq) ? LIST_SIZE(seq) : TUPLE_SIZE(seq);
    Obj **src = list_check(seq) ? LIST_ITEMS(seq) : TUPLE_ITEMS(seq);
    if (n != len) {
        err_format(&Exc_ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd", n, len);
        DECREF(seq);
        return -1;
    }
    if (len == 0) { DECREF(seq); return 0; }
    Obj **garbage = (Obj **)mem_alloc((size_t)len * sizeof(Obj *));
    if (!garbage) { DECREF(seq); return -1; }
    for (ssize_t j = 0, p = start; j < len; j++, p += step) {
        garbage[j] = l->items[p];
        l->items[p] = NEWREF(src[j]);
    }
    for (ssize_t j = 0; j < len; j++) DECREF(garbage[j]);
    mem_free(garbage);
    DECREF(seq);
    return 0;
}

static Obj *list_concat(Obj *a, Obj *b) {
    if (!list_check(a)) RETURN_NOTIMPL;
    if (!list_check(b)) {
        if (cont_defer_binop(b, NB_ADD)) RETURN_NOTIMPL;
        return err_format(&Exc_TypeError, "can only concatenate list (not \"%T\") to list", b);
    }
    ssize_t na = LIST_SIZE(a), nb = LIST_SIZE(b);
    if (na > PTRDIFF_MAX / 16 - nb) return err_no_memory();
    Obj *r = list_new(na + nb);
    if (!r) return NULL;
    for (ssize_t i = 0; i < na; i++) LIST_ITEMS(r)[i] = NEWREF(LIST_ITEMS(a)[i]);
    for (ssize_t i = 0; i < nb; i++) LIST_ITEMS(r)[na + i] = NEWREF(LIST_ITEMS(b)[i]);
    return r;
}

static Obj *list_inplace_concat(Obj *a, Obj *b) {
    if (!list_check(a)) RETURN_NOTIMPL;
    if (list_extend(a, b) < 0) return NULL;
    return NEWREF(a);
}

static bool list_check_fn(Obj *o) { return list_check(o); }

static Obj *list_repeat(Obj *a, Obj *b) {
    Obj *seq; ssize_t c;
    int k = cont_repeat_operands(a, b, list_check_fn, &seq, &c);
    if (k <= 0) return k < 0 ? NULL : NotImplemented;
    ssize_t n = LIST_SIZE(seq);
    if (n == 0 || c == 0) return list_new(0);
    if (n > PTRDIFF_MAX / 16 / c) return err_no_memory();
    Obj *r = list_new(n * c);
    if (!r) return NULL;
    Obj **dst = LIST_ITEMS(r);
    if (n == 1) {
        Obj *x = LIST_ITEMS(seq)[0];
        for (ssize_t j = 0; j < c; j++) { INCREF(x); dst[j] = x; }
        return r;
    }
    for (ssize_t j = 0; j < c; j++)
        for (ssize_t i = 0; i < n; i++) *dst++ = NEWREF(LIST_ITEMS(seq)[i]);
    return r;
}

static Obj *list_inplace_repeat(Obj *a, Obj *b) {
    if (!list_check(a)) RETURN_NOTIMPL;
    if (!int_check(b) && !TYPE(b)->nb_index) {
        if (cont_defer_binop(b, NB_MUL)) RETURN_NOTIMPL;
        return err_format(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", b);
    }
    ssize_t c = obj_as_ssize(b, &Exc_OverflowError);
    if (c == -1 && err_occurred()) return NULL;
    ListObj *l = (ListObj *)a;
    ssize_t n = l->size;
    if (c <= 0 || n == 0) {
        list_clear_items(l);
        return NEWREF(a);
    }
    if (c == 1) return NEWREF(a);
    if (n > PTRDIFF_MAX / 16 / c) return err_no_memory();
    if (list_resize(l, n * c) < 0) return NULL;
    for (ssize_t j = 1; j < c; j++)
        for (ssize_t i = 0; i < n; i++) l->items[j * n + i] = NEWREF(l->items[i]);
    return NEWREF(a);
}

/* ---- methods -------------------------------------------------------------------- */
static Obj *m_append(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs != 1 || (kwnames && TUPLE_SIZE(kwnames))) {
        if (args_no_kw("append", kwnames) < 0) return NULL;
        return err_format(&Exc_TypeError, "list.append() takes exactly one argument (%zd given)", (ssize_t)nargs);
    }
    if (list_append(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *m_extend(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs != 1 || (kwnames && TUPLE_SIZE(kwnames))) {
        if (args_no_kw("extend", kwnames) < 0) return NULL;
        return err_format(&Exc_TypeError, "list.extend() takes exactly one argument (%zd given)", (ssize_t)nargs);
    }
    if (list_extend(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *m_insert(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("insert", kwnames) < 0) return NULL;
    if (nargs != 2) return err_format(&Exc_TypeError, "insert expected 2 arguments, got %zd", (ssize_t)nargs);
    if (!int_check(args[0]) && !TYPE(args[0])->nb_index)
        return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    ssize_t i = obj_as_ssize(args[0], NULL);
    if (i == -1 && err_occurred()) return NULL;
    if (list_insert(self, i, args[1]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *m_pop(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("pop", kwnames) < 0) return NULL;
    if (nargs > 1) return err_format(&Exc_TypeError, "pop expected at most 1 argument, got %zd", (ssize_t)nargs);
    ListObj *l = (ListObj *)self;
    ssize_t i = -1;
    if (nargs == 1) {
        if (!int_check(args[0]) && !TYPE(args[0])->nb_index)
            return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        i = obj_as_ssize(args[0], &Exc_OverflowError);
        if (i == -1 && err_occurred()) return NULL;
    }
    if (l->size == 0) return err_set_str(&Exc_IndexError, "pop from empty list");
    if (i < 0) i += l->size;
    if ((size_t)i >= (size_t)l->size) return err_set_str(&Exc_IndexError, "pop index out of range");
    Obj *v = l->items[i];
    memmove(&l->items[i], &l->items[i + 1], (size_t)(l->size - i - 1) * sizeof(Obj *));
    list_resize(l, l->size - 1);
    return v;
}

static Obj *m_remove(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("remove", kwnames) < 0) return NULL;
    if (nargs != 1) return err_format(&Exc_TypeError, "list.remove() takes exactly one argument (%zd given)", (ssize_t)nargs);
    ListObj *l = (ListObj *)self;
    for (ssize_t i = 0; i < l->size; i++) {
        Obj *it = NEWREF(l->items[i]);
        int k = obj_richcompare_bool(it, args[0], CMP_EQ);
        DECREF(it);
        if (k < 0) return NULL;
        if (k) {
            if (i < l->size && list_ass_slice(l, i, i + 1, NULL) < 0) return NULL;
            RETURN_NONE;
        }
    }
    return err_set_str(&Exc_ValueError, "list.remove(x): x not in list");
}

static Obj *m_index(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("index", kwnames) < 0) return NULL;
    if (nargs < 1 || nargs > 3) {
        if (nargs < 1) return err_format(&Exc_TypeError, "index expected at least 1 argument, got %zd", (ssize_t)nargs);
        return err_format(&Exc_TypeError, "index expected at most 3 arguments, got %zd", (ssize_t)nargs);
    }
    ListObj *l = (ListObj *)self;
    ssize_t start, stop;
    if (cont_index_bounds(args + 1, nargs - 1, l->size, &start, &stop) < 0) return NULL;
    for (ssize_t i = start; i < stop && i < l->size; i++) {
        Obj *it = NEWREF(l->items[i]);
        int k = obj_richcompare_bool(it, args[0], CMP_EQ);
        DECREF(it);
        if (k < 0) return NULL;
        if (k) return int_from_ssize(i);
    }
    return err_format(&Exc_ValueError, "%R is not in list", args[0]);
}

static Obj *m_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("count", kwnames) < 0) return NULL;
    if (nargs != 1) return err_format(&Exc_TypeError, "list.count() takes exactly one argument (%zd given)", (ssize_t)nargs);
    ListObj *l = (ListObj *)self;
    ssize_t c = 0;
    for (ssize_t i = 0; i < l->size; i++) {
        Obj *it = l->items[i];
        if (it == args[0]) { c++; continue; }
        INCREF(it);
        int k = obj_richcompare_bool(it, args[0], CMP_EQ);
        DECREF(it);
        if (k < 0) return NULL;
        c += k;
    }
    return int_from_ssize(c);
}

static Obj *m_clear(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("clear", kwnames) < 0) return NULL;
    if (nargs) return err_format(&Exc_TypeError, "list.clear() takes no arguments (%zd given)", (ssize_t)nargs);
    list_clear_items((ListObj *)self);
    RETURN_NONE;
}

static Obj *m_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("copy", kwnames) < 0) return NULL;
    if (nargs) return err_format(&Exc_TypeError, "list.copy() takes no arguments (%zd given)", (ssize_t)nargs);
    return list_from_array(LIST_ITEMS(self), LIST_SIZE(self));
}

static void reverse_items(Obj **lo, Obj **hi) {
    --hi;
    while (lo < hi) {
        Obj *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

static Obj *m_reverse(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("reverse", kwnames) < 0) return NULL;
    if (nargs) return err_format(&Exc_TypeError, "list.reverse() takes no arguments (%zd given)", (ssize_t)nargs);
    ListObj *l = (ListObj *)self;
    if (l->size > 1) reverse_items(l->items, l->items + l->size);
    RETURN_NONE;
}

static Obj *m_sort(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs) return err_set_str(&Exc_TypeError, "sort() takes no positional arguments");
    static const char *const names[] = {"key", "reverse"};
    Obj *out[2] = {NULL, NULL};
    if (args_parse("sort", args, nargs, kwnames, names, 2, 0, 0, out) < 0) return NULL;
    Obj *key = out[0] == None ? NULL : out[0];
    int reverse = 0;
    if (out[1]) {
        if (!int_check(out[1]) && !TYPE(out[1])->nb_index)
            return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", out[1]);
        reverse = obj_is_true(out[1]);
        if (reverse < 0) return NULL;
    }
    if (listsort_impl(self, key, reverse) < 0) return NULL;
    RETURN_NONE;
}

int list_sort(Obj *list) {
    return listsort_impl(list, NULL, 0);
}

static Obj *m_sizeof(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    return int_from_ssize((ssize_t)(40 + ((ListObj *)self)->allocated * (ssize_t)sizeof(Obj *)));
}

static Obj *list_iter(Obj *o);
static Obj *m_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);

/* ---- construction ---------------------------------------------------------------- */
static Obj *list_new_(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    return obj_alloc(type, 0);
}

static int list_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames) > 0) {
        err_set_str(&Exc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        err_format(&Exc_TypeError, "list expected at most 1 argument, got %zd", (ssize_t)nargs);
        return -1;
    }
    list_clear_items((ListObj *)self);
    if (nargs == 1) return list_extend(self, args[0]);
    return 0;
}

/* ---- iterators ----------------------------------------------------------------------- */
typedef struct { OBJ_HEAD; ssize_t index; Obj *seq; } ListIterObj;

static Obj *list_iter(Obj *o) {
    ListIterObj *it = (ListIterObj *)obj_alloc(&ListIter_Type, 0);
    if (!it) return NULL;
    it->seq = NEWREF(o);
    it->index = 0;
    return OBJ(it);
}

static Obj *listiter_next(Obj *o) {
    ListIterObj *it = (ListIterObj *)o;
    Obj *seq = it->seq;
    if (!seq) return NULL;
    if (it->index < LIST_SIZE(seq)) return NEWREF(LIST_ITEMS(seq)[it->index++]);
    it->seq = NULL;
    DECREF(seq);
    return NULL;
}

static Obj *listreviter_next(Obj *o) {
    ListIterObj *it = (ListIterObj *)o;
    Obj *seq = it->seq;
    if (!seq) return NULL;
    if (it->index >= 0 && it->index < LIST_SIZE(seq)) return NEWREF(LIST_ITEMS(seq)[it->index--]);
    it->index = -1;
    it->seq = NULL;
    DECREF(seq);
    return NULL;
}

static Obj *m_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    ListIterObj *it = (ListIterObj *)obj_alloc(&ListRevIter_Type, 0);
    if (!it) return NULL;
    it->seq = NEWREF(self);
    it->index = LIST_SIZE(self) - 1;
    return OBJ(it);
}

static void listiter_dealloc(Obj *o) {
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(((ListIterObj *)o)->seq);
    obj_free(o);
}
static void listiter_traverse(Obj *o, visitproc_ visit, void *arg) {
    if (((ListIterObj *)o)->seq) visit(((ListIterObj *)o)->seq, arg);
}
static int listiter_clear(Obj *o) { CLEAR(((ListIterObj *)o)->seq); return 0; }

static Obj *listiter_length_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    ListIterObj *it = (ListIterObj *)self;
    ssize_t n = 0;
    if (it->seq) n = LIST_SIZE(it->seq) - it->index;
    return int_from_ssize(n < 0 ? 0 : n);
}
static Obj *listreviter_length_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    ListIterObj *it = (ListIterObj *)self;
    ssize_t n = 0;
    if (it->seq && it->index < LIST_SIZE(it->seq)) n = it->index + 1;
    return int_from_ssize(n < 0 ? 0 : n);
}

static Obj *iter_self(Obj *o) { return NEWREF(o); }

static MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};
static MethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj ListIter_Type = {
    TYPE_HEAD_INIT,
    .name = "list_iterator",
    .basicsize = sizeof(ListIterObj),
    .flags = TF_GC,
    .dealloc = listiter_dealloc,
    .iter = iter_self,
    .iternext = listiter_next,
    .traverse = listiter_traverse,
    .clear = listiter_clear,
    .methods = listiter_methods,
};

TypeObj ListRevIter_Type = {
    TYPE_HEAD_INIT,
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListIterObj),
    .flags = TF_GC,
    .dealloc = listiter_dealloc,
    .iter = iter_self,
    .iternext = listreviter_next,
    .traverse = listiter_traverse,
    .clear = listiter_clear,
    .methods = listreviter_methods,
};

static MethodDef list_methods[] = {
    {"append", m_append, 0, "Append object to the end of the list."},
    {"extend", m_extend, 0, "Extend list by appending elements from the iterable."},
    {"insert", m_insert, 0, "Insert object before index."},
    {"pop", m_pop, 0, "Remove and return item at index (default last)."},
    {"remove", m_remove, 0, "Remove first occurrence of value."},
    {"index", m_index, 0, "Return first index of value."},
    {"count", m_count, 0, "Return number of occurrences of value."},
    {"clear", m_clear, 0, "Remove all items from list."},
    {"copy", m_copy, 0, "Return a shallow copy of the list."},
    {"reverse", m_reverse, 0, "Reverse *IN PLACE*."},
    {"sort", m_sort, 0, "Sort the list in ascending order and return None."},
    {"__reversed__", m_reversed, 0, "Return a reverse iterator over the list."},
    {"__sizeof__", m_sizeof, 0, NULL},
    {"__class_getitem__", cont_class_getitem, METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj List_Type = {
    TYPE_HEAD_INIT,
    .name = "list",
    .basicsize = sizeof(ListObj),
    .flags = TF_BASETYPE | TF_GC | TF_LIST_SUBCLASS | TF_IMMUTABLETYPE,
    .doc = "Built-in mutable sequence.",
    .dealloc = list_dealloc,
    .repr = list_repr,
    .hash = hash_not_implemented,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .new_ = list_new_,
    .init = list_init,
    .nb = { [NB_ADD] = list_concat, [NB_MUL] = list_repeat },
    .nb_inplace = { [NB_ADD] = list_inplace_concat, [NB_MUL] = list_inplace_repeat },
    .len = list_len,
    .getitem = list_subscript,
    .setitem = list_ass_subscript,
    .contains = list_contains,
    .traverse = list_traverse,
    .clear = list_gc_clear,
    .methods = list_methods,
};
