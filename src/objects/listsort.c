/* listsort.c — list.sort(): a stable natural merge sort (timsort-like run
 * detection, binary insertion for short runs, balanced merging of a run
 * stack; no galloping).
 *
 * During the sort the list is detached (items NULL, allocated -1) so that a
 * key function or comparison that mutates the list is detected afterwards:
 * ValueError "list modified during sort".  With reverse=True the array is
 * reversed before and after an ascending sort, which keeps equal elements
 * in their original order (as CPython).  Only `<` is used to compare. */
#include "gilpy.h"

typedef int (*ltfunc)(Obj *, Obj *);     /* 1 / 0 / -1 error */

static int lt_generic(Obj *a, Obj *b) { return obj_richcompare_bool(a, b, CMP_LT); }
static int lt_smallint(Obj *a, Obj *b) { return SMALLINT_VALUE(a) < SMALLINT_VALUE(b); }
static int lt_str(Obj *a, Obj *b) { return str_compare(a, b) < 0; }
static int lt_float(Obj *a, Obj *b) { return FLOAT_VAL(a) < FLOAT_VAL(b); }

typedef struct {
    Obj **keys, **vals;       /* vals NULL when sorting without key= */
    Obj **tk, **tv;           /* merge scratch */
    ltfunc lt;
} Sorter;

static void rev(Obj **lo, Obj **hi) {
    --hi;
    while (lo < hi) { Obj *t = *lo; *lo++ = *hi; *hi-- = t; }
}

/* Binary insertion sort of [lo, hi), knowing [lo, start) is sorted. */
static int binsort(Sorter *s, ssize_t lo, ssize_t hi, ssize_t start) {
    Obj **k = s->keys, **v = s->vals;
    if (start == lo) start++;
    for (; start < hi; start++) {
        Obj *pivot = k[start];
        ssize_t l = lo, r = start;
        while (l < r) {
            ssize_t m = l + ((r - l) >> 1);
            int c = s->lt(pivot, k[m]);
            if (c < 0) return -1;
            if (c) r = m; else l = m + 1;
        }
        memmove(&k[l + 1], &k[l], (size_t)(start - l) * sizeof(Obj *));
        k[l] = pivot;
        if (v) {
            Obj *pv = v[start];
            memmove(&v[l + 1], &v[l], (size_t)(start - l) * sizeof(Obj *));
            v[l] = pv;
        }
    }
    return 0;
}

/* Length of the run starting at lo (reversing a strictly descending one). */
static ssize_t count_run(Sorter *s, ssize_t lo, ssize_t hi) {
    Obj **k = s->keys;
    if (lo + 1 >= hi) return 1;
    ssize_t n = 2;
    int c = s->lt(k[lo + 1], k[lo]);
    if (c < 0) return -1;
    if (c) {
        for (ssize_t i = lo + 2; i < hi; i++, n++) {
            c = s->lt(k[i], k[i - 1]);
            if (c < 0) return -1;
            if (!c) break;
        }
        rev(k + lo, k + lo + n);
        if (s->vals) rev(s->vals + lo, s->vals + lo + n);
    } else {
        for (ssize_t i = lo + 2; i < hi; i++, n++) {
            c = s->lt(k[i], k[i - 1]);
            if (c < 0) return -1;
            if (c) break;
        }
    }
    return n;
}

/* Merge [a, a+na) and [a+na, a+na+nb). */
static int merge(Sorter *s, ssize_t a, ssize_t na, ssize_t nb) {
    Obj **k = s->keys, **v = s->vals;
    /* already ordered? */
    int c = s->lt(k[a + na], k[a + na - 1]);
    if (c < 0) return -1;
    if (!c) return 0;
    memcpy(s->tk, k + a, (size_t)na * sizeof(Obj *));
    if (v) memcpy(s->tv, v + a, (size_t)na * sizeof(Obj *));
    ssize_t i = 0, j = a + na, end = a + na + nb, d = a;
    while (i < na && j < end) {
        c = s->lt(k[j], s->tk[i]);
        if (c < 0) {
            /* keep a permutation: put the rest of the left run back */
            memcpy(k + d, s->tk + i, (size_t)(na - i) * sizeof(Obj *));
            if (v) memcpy(v + d, s->tv + i, (size_t)(na - i) * sizeof(Obj *));
            return -1;
        }
        if (c) {
            k[d] = k[j];
            if (v) v[d] = v[j];
            j++;
        } else {
            k[d] = s->tk[i];
            if (v) v[d] = s->tv[i];
            i++;
        }
        d++;
    }
    if (i < na) {
        memcpy(k + d, s->tk + i, (size_t)(na - i) * sizeof(Obj *));
        if (v) memcpy(v + d, s->tv + i, (size_t)(na - i) * sizeof(Obj *));
    }
    return 0;
}

typedef struct { ssize_t base, len; } Run;

static ssize_t minrun_for(ssize_t n) {
    ssize_t r = 0;
    while (n >= 64) { r |= n & 1; n >>= 1; }
    return n + r;
}

static int do_sort(Sorter *s, ssize_t n) {
    if (n < 2) return 0;
    Run stack[90];
    int sp = 0;
    ssize_t minrun = minrun_for(n);
    ssize_t lo = 0;
    while (lo < n) {
        ssize_t run = count_run(s, lo, n);
        if (run < 0) return -1;
        if (run < minrun) {
            ssize_t force = n - lo < minrun ? n - lo : minrun;
            if (binsort(s, lo, lo + force, lo + run) < 0) return -1;
            run = force;
        }
        stack[sp].base = lo;
        stack[sp].len = run;
        sp++;
        lo += run;
        /* restore the run-stack invariants */
        while (sp > 1) {
            int m = sp - 2;
            if ((m > 0 && stack[m - 1].len <= stack[m].len + stack[m + 1].len) ||
                (m > 1 && stack[m - 2].len <= stack[m - 1].len + stack[m].len)) {
                if (stack[m - 1].len < stack[m + 1].len) m--;
            } else if (stack[m].len > stack[m + 1].len) {
                break;
            }
            if (merge(s, stack[m].base, stack[m].len, stack[m + 1].len) < 0) return -1;
            stack[m].len += stack[m + 1].len;
            for (int q = m + 1; q < sp - 1; q++) stack[q] = stack[q + 1];
            sp--;
        }
    }
    while (sp > 1) {
        int m = sp - 2;
        if (m > 0 && stack[m - 1].len < stack[m + 1].len) m--;
        if (merge(s, stack[m].base, stack[m].len, stack[m + 1].len) < 0) return -1;
        stack[m].len += stack[m + 1].len;
        for (int q = m + 1; q < sp - 1; q++) stack[q] = stack[q + 1];
        sp--;
    }
    return 0;
}

int listsort_impl(Obj *list, Obj *keyfunc, int reverse) {
    ListObj *l = (ListObj *)list;
    Obj **items = l->items;
    ssize_t n = l->size, alloc = l->allocated;
    l->items = NULL;
    l->size = 0;
    l->allocated = -1;

    int result = -1;
    Obj **keys = items;
    ssize_t nkeys = 0;
    Sorter s = {0};
    bool reversed = false;
    if (keyfunc && n > 0) {
        keys = (Obj **)mem_alloc((size_t)n * sizeof(Obj *));
        if (!keys) goto restore;
        for (; nkeys < n; nkeys++) {
            keys[nkeys] = obj_call1(keyfunc, items[nkeys]);
            if (!keys[nkeys]) goto restore;
        }
    }
    if (n > 1) {
        if (reverse) {
            rev(keys, keys + n);
            if (keys != items) rev(items, items + n);
            reversed = true;
        }
        /* choose a comparison: specialised when all keys share a simple type */
        TypeObj *t0 = TYPE(keys[0]);
        bool same = true, allsmall = IS_SMALLINT(keys[0]);
        for (ssize_t i = 1; i < n && (same || allsmall); i++) {
            if (TYPE(keys[i]) != t0) same = false;
            if (!IS_SMALLINT(keys[i])) allsmall = false;
        }
        if (allsmall) s.lt = lt_smallint;
        else if (same && t0 == &Str_Type) s.lt = lt_str;
        else if (same && t0 == &Float_Type) s.lt = lt_float;
        else s.lt = lt_generic;
        s.keys = keys;
        s.vals = keys != items ? items : NULL;
        /* merge() copies the left run, which may exceed n/2 */
        s.tk = (Obj **)mem_alloc((size_t)n * sizeof(Obj *) * (s.vals ? 2 : 1));
        if (!s.tk) goto restore;
        s.tv = s.vals ? s.tk + n : NULL;
        if (do_sort(&s, n) < 0) goto restore;
    }
    result = 0;
restore:
    if (reversed) rev(items, items + n);
    if (s.tk) mem_free(s.tk);
    if (keys != items) {
        for (ssize_t i = 0; i < nkeys; i++) DECREF(keys[i]);
        mem_free(keys);
    }
    Obj **added = l->items;
    ssize_t nadded = l->size;
    if (l->allocated != -1 && result == 0) {
        err_set_str(&Exc_ValueError, "list modified during sort");
        result = -1;
    }
    l->items = items;
    l->size = n;
    l->allocated = alloc;
    if (added) {
        for (ssize_t i = 0; i < nadded; i++) XDECREF(added[i]);
        mem_free(added);
    }
    return result;
}
