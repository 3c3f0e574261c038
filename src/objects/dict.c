/* dict.c — the dict type: a compact, insertion-ordered hash table.
 *
 * Design (as CPython 3.6+): `indices` is an open-addressed table of int32
 * slots probed with CPython's perturbation scheme; each live slot holds the
 * position of an entry in the dense `entries` array, which is kept in
 * insertion order.  Deleting marks the slot DKIX_DUMMY and the entry's key
 * NULL; a resize (on insertion when entries[] is full) compacts.  Lookups
 * compare identity first, then the stored hash, then (for two exact str)
 * str_eq, and only then obj_richcompare_bool — with a restart if the
 * comparison mutated the table.  Views and iterators live in dictviews.c. */
#include "gilpy.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define PERTURB_SHIFT 5
#define MINSIZE 8
#define USABLE(n) ((ssize_t)(((n) << 1) / 3))

static uint64_t dict_version_counter;
static inline void bump(DictObj *d) { d->version = ++dict_version_counter; }

Obj *dictiter_new(Obj *d, TypeObj *type);       /* dictviews.c */
Obj *dictview_new(Obj *d, TypeObj *type);       /* dictviews.c */

/* ---- table ------------------------------------------------------------------ */
static int alloc_table(DictObj *d, size_t size) {
    ssize_t usable = USABLE(size);
    if (size > ((size_t)1 << 30)) { err_no_memory(); return -1; }
    char *block = (char *)mem_alloc(size * sizeof(int32_t) + (size_t)usable * sizeof(DictEntry));
    if (!block) return -1;
    d->indices = (int32_t *)block;
    memset(d->indices, 0xff, size * sizeof(int32_t));
    d->entries = (DictEntry *)(block + size * sizeof(int32_t));
    d->mask = size - 1;
    d->usable = usable;
    d->nentries = 0;
    return 0;
}

static size_t size_for(ssize_t minused) {
    size_t size = MINSIZE;
    while (size < (size_t)minused) size <<= 1;
    return size;
}

/* Rebuild with room for at least `minsize` index slots. */
static int resize(DictObj *d, ssize_t minsize) {
    int32_t *oldind = d->indices;
    DictEntry *old = d->entries;
    ssize_t oldn = d->nentries;
    if (alloc_table(d, size_for(minsize)) < 0) {
        d->indices = oldind;
        return -1;
    }
    /* NB alloc_table reset fields; restore on failure handled above */
    size_t mask = d->mask;
    ssize_t j = 0;
    for (ssize_t i = 0; i < oldn; i++) {
        if (!old[i].key) continue;
        d->entries[j] = old[i];
        size_t perturb = (size_t)old[i].hash;
        size_t p = (size_t)old[i].hash & mask;
        while (d->indices[p] != DKIX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            p = (p * 5 + perturb + 1) & mask;
        }
        d->indices[p] = (int32_t)j;
        j++;
    }
    d->nentries = j;
    mem_free(oldind);
    return 0;
}

static int grow(DictObj *d) {
    if (!d->indices) return alloc_table(d, MINSIZE);
    ssize_t oldmask = (ssize_t)d->mask, oldusable = d->usable, oldn = d->nentries;
    int32_t *oldind = d->indices;
    DictEntry *oldent = d->entries;
    if (resize(d, d->used * 3) < 0) {
        d->indices = oldind;
        d->entries = oldent;
        d->mask = (size_t)oldmask;
        d->usable = oldusable;
        d->nentries = oldn;
        return -1;
    }
    return 0;
}

/* Entry index of key, DKIX_EMPTY, or DKIX_ERROR. */
static ssize_t lookup(DictObj *d, Obj *key, hash_t hash) {
restart:;
    int32_t *ind = d->indices;
    if (!ind) return DKIX_EMPTY;
    DictEntry *ents = d->entries;
    size_t mask = d->mask;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        int32_t ix = ind[i];
        if (ix == DKIX_EMPTY) return DKIX_EMPTY;
        if (ix >= 0) {
            DictEntry *e = &ents[ix];
            Obj *sk = e->key;
            if (sk == key) return ix;
            if (e->hash == hash) {
                if (!IS_SMALLINT(sk) && !IS_SMALLINT(key) && sk->type == &Str_Type && key->type == &Str_Type) {
                    if (str_eq(sk, key)) return ix;
                } else {
                    INCREF(sk);
                    int c = obj_richcompare_bool(sk, key, CMP_EQ);
                    DECREF(sk);
                    if (c < 0) return DKIX_ERROR;
                    if (d->indices != ind || d->entries != ents || ents[ix].key != sk) goto restart;
                    if (c > 0) return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Slot holding entry index ix. */
static size_t slot_of(DictObj *d, hash_t hash, ssize_t ix) {
    size_t mask = d->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    while (d->indices[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Insert or replace; does not steal. */
static int insert(DictObj *d, Obj *key, hash_t hash, Obj *value) {
    INCREF(key);
    INCREF(value);
    ssize_t ix = lookup(d, key, hash);
    if (ix == DKIX_ERROR) goto fail;
    if (ix >= 0) {
        Obj *old = d->entries[ix].value;
        d->entries[ix].value = value;
        bump(d);
        DECREF(old);
        DECREF(key);
        return 0;
    }
    if (d->nentries >= d->usable && grow(d) < 0) goto fail;
    {
        size_t mask = d->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
        while (d->indices[i] >= 0) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        d->indices[i] = (int32_t)d->nentries;
        DictEntry *e = &d->entries[d->nentries++];
        e->hash = hash;
        e->key = key;
        e->value = value;
        d->used++;
        bump(d);
    }
    return 0;
fail:
    DECREF(key);
    DECREF(value);
    return -1;
}

/* Remove entry ix (found via hash); releases references last. */
static void delete_entry(DictObj *d, hash_t hash, ssize_t ix) {
    size_t slot = slot_of(d, hash, ix);
    d->indices[slot] = DKIX_DUMMY;
    DictEntry *e = &d->entries[ix];
    Obj *k = e->key, *v = e->value;
    e->key = NULL;
    e->value = NULL;
    d->used--;
    bump(d);
    DECREF(k);
    DECREF(v);
}

/* ---- public API ---------------------------------------------------------------- */
Obj *dict_new(void) {
    return obj_alloc(&Dict_Type, 0);
}

Obj *dict_new_presized(ssize_t n) {
    DictObj *d = (DictObj *)obj_alloc(&Dict_Type, 0);
    if (!d) return NULL;
    if (n > 5) {
        size_t size = MINSIZE;
        while (USABLE(size) < n) size <<= 1;
        if (alloc_table(d, size) < 0) { DECREF(d); return NULL; }
    }
    return OBJ(d);
}

Obj *dict_set_key_error(Obj *key) {
    Obj *args = tuple_pack(1, key);
    if (!args) return NULL;
    Obj *exc = exc_new(&Exc_KeyError, args);
    DECREF(args);
    if (!exc) return NULL;
    err_set_exc(exc);
    DECREF(exc);
    return NULL;
}

Obj *dict_getitem_hash(Obj *d, Obj *key, hash_t hash) {
    ssize_t ix = lookup((DictObj *)d, key, hash);
    if (ix < 0) return NULL;
    return ((DictObj *)d)->entries[ix].value;
}

Obj *dict_getitem(Obj *d, Obj *key) {
    hash_t h = cont_hash(key);
    if (h == -1) return NULL;
    return dict_getitem_hash(d, key, h);
}

Obj *dict_getitem_ref(Obj *d, Obj *key) {
    hash_t h = cont_hash(key);
    if (h == -1) return NULL;
    ssize_t ix = lookup((DictObj *)d, key, h);
    if (ix == DKIX_ERROR) return NULL;
    if (ix < 0) return dict_set_key_error(key);
    return NEWREF(((DictObj *)d)->entries[ix].value);
}

Obj *dict_getitem_str(Obj *d, const char *key) {
    Obj *k = str_intern_cstr(key);
    if (!k) return NULL;
    return dict_getitem(d, k);
}

int dict_setitem_hash(Obj *d, Obj *key, hash_t hash, Obj *value) {
    return insert((DictObj *)d, key, hash, value);
}

int dict_setitem(Obj *d, Obj *key, Obj *value) {
    hash_t h = cont_hash(key);
    if (h == -1) return -1;
    return insert((DictObj *)d, key, h, value);
}

int dict_setitem_str(Obj *d, const char *key, Obj *value) {
    Obj *k = str_intern_cstr(key);
    if (!k) return -1;
    return dict_setitem(d, k, value);
}

int dict_delitem(Obj *d, Obj *key) {
    hash_t h = cont_hash(key);
    if (h == -1) return -1;
    ssize_t ix = lookup((DictObj *)d, key, h);
    if (ix == DKIX_ERROR) return -1;
    if (ix < 0) { dict_set_key_error(key); return -1; }
    delete_entry((DictObj *)d, h, ix);
    return 0;
}

int dict_delitem_str(Obj *d, const char *key) {
    Obj *k = str_intern_cstr(key);
    if (!k) return -1;
    return dict_delitem(d, k);
}

int dict_contains(Obj *d, Obj *key) {
    hash_t h = cont_hash(key);
    if (h == -1) return -1;
    ssize_t ix = lookup((DictObj *)d, key, h);
    if (ix == DKIX_ERROR) return -1;
    return ix >= 0;
}

ssize_t dict_size(Obj *d) { return ((DictObj *)d)->used; }

int dict_next_hash(Obj *d, ssize_t *pos, Obj **key, Obj **value, hash_t *hash) {
    DictObj *dd = (DictObj *)d;
    ssize_t i = *pos;
    if (i < 0) return 0;
    while (i < dd->nentries && !dd->entries[i].key) i++;
    if (i >= dd->nentries) return 0;
    *pos = i + 1;
    if (key) *key = dd->entries[i].key;
    if (value) *value = dd->entries[i].value;
    if (hash) *hash = dd->entries[i].hash;
    return 1;
}

int dict_next(Obj *d, ssize_t *pos, Obj **key, Obj **value) {
    return dict_next_hash(d, pos, key, value, NULL);
}

Obj *dict_copy(Obj *o) {
    DictObj *src = (DictObj *)o;
    DictObj *d = (DictObj *)obj_alloc(&Dict_Type, 0);
    if (!d) return NULL;
    if (src->used == 0) return OBJ(d);
    if (src->used == src->nentries) {
        /* no holes: clone the block */
        size_t size = src->mask + 1;
        size_t bytes = size * sizeof(int32_t) + (size_t)src->usable * sizeof(DictEntry);
        char *block = (char *)mem_alloc(bytes);
        if (!block) { DECREF(d); return NULL; }
        memcpy(block, src->indices, size * sizeof(int32_t) + (size_t)src->nentries * sizeof(DictEntry));
        d->indices = (int32_t *)block;
        d->entries = (DictEntry *)(block + size * sizeof(int32_t));
        d->mask = src->mask;
        d->usable = src->usable;
        d->nentries = src->nentries;
        d->used = src->used;
        for (ssize_t i = 0; i < d->nentries; i++) {
            INCREF(d->entries[i].key);
            INCREF(d->entries[i].value);
        }
        bump(d);
        return OBJ(d);
    }
    size_t size = MINSIZE;
    while (USABLE(size) < src->used) size <<= 1;
    if (alloc_table(d, size) < 0) { DECREF(d); return NULL; }
    ssize_t pos = 0;
    Obj *k, *v;
    hash_t h;
    while (dict_next_hash(o, &pos, &k, &v, &h))
        if (insert(d, k, h, v) < 0) { DECREF(d); return NULL; }
    return OBJ(d);
}

static void clear_table(DictObj *d) {
    int32_t *ind = d->indices;
    DictEntry *ents = d->entries;
    ssize_t n = d->nentries;
    d->indices = NULL;
    d->entries = NULL;
    d->mask = 0;
    d->usable = 0;
    d->nentries = 0;
    d->used = 0;
    bump(d);
    if (ind) {
        for (ssize_t i = 0; i < n; i++) {
            if (ents[i].key) {
                DECREF(ents[i].key);
                DECREF(ents[i].value);
            }
        }
        mem_free(ind);
    }
}

void dict_clear(Obj *d) { clear_table((DictObj *)d); }

static int merge_seq2(Obj *d, Obj *seq, int override) {
    Obj *it = obj_iter(seq);
    if (!it) return -1;
    ssize_t i = 0;
    for (;; i++) {
        Obj *item = obj_iternext(it);
        if (!item) {
            if (err_occurred()) { DECREF(it); return -1; }
            break;
        }
        Obj *pair[2];
        Obj *fast = NULL;
        ssize_t n;
        if (list_check(item) || tuple_check(item)) {
            fast = NEWREF(item);
        } else {
            fast = seq_list(item);
            if (!fast) {
                if (err_matches(&Exc_TypeError)) {
                    err_clear();
                    err_format(&Exc_TypeError, "cannot convert dictionary update sequence element #%zd to a sequence", i);
                }
                DECREF(item);
                DECREF(it);
                return -1;
            }
        }
        n = list_check(fast) ? LIST_SIZE(fast) : TUPLE_SIZE(fast);
        if (n != 2) {
            err_format(&Exc_ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
            DECREF(fast);
            DECREF(item);
            DECREF(it);
            return -1;
        }
        Obj **src = list_check(fast) ? LIST_ITEMS(fast) : TUPLE_ITEMS(fast);
        pair[0] = NEWREF(src[0]);
        pair[1] = NEWREF(src[1]);
        int r = 0;
        if (override) {
            r = dict_setitem(d, pair[0], pair[1]);
        } else {
            r = dict_contains(d, pair[0]);
            if (r == 0) r = dict_setitem(d, pair[0], pair[1]);
            else if (r > 0) r = 0;
        }
        DECREF(pair[0]);
        DECREF(pair[1]);
        DECREF(fast);
        DECREF(item);
        if (r < 0) { DECREF(it); return -1; }
    }
    DECREF(it);
    return 0;
}

static Obj *dict_iter(Obj *o);

int dict_merge(Obj *d, Obj *other, int override) {
    if (dict_check(other) && TYPE(other)->iter == dict_iter) {
        if (other == d || ((DictObj *)other)->used == 0) return 0;
        DictObj *dd = (DictObj *)d, *od = (DictObj *)other;
        if (dd->used == 0 && override != 2 && od->used > 5 &&
            dd->usable - dd->nentries < od->used) {
            size_t size = MINSIZE;
            while (USABLE(size) < dd->used + od->used) size <<= 1;
            if (resize(dd, (ssize_t)size) < 0) return -1;
        }
        for (ssize_t i = 0; i < od->nentries; i++) {
            DictEntry *e = &od->entries[i];
            if (!e->key) continue;
            Obj *k = NEWREF(e->key), *v = NEWREF(e->value);
            hash_t h = e->hash;
            int r;
            if (override == 1) {
                r = insert(dd, k, h, v);
            } else {
                ssize_t ix = lookup(dd, k, h);
                if (ix == DKIX_ERROR) r = -1;
                else if (ix >= 0) {
                    r = 0;
                    if (override == 2) { dict_set_key_error(k); r = -1; }
                } else r = insert(dd, k, h, v);
            }
            DECREF(k);
            DECREF(v);
            if (r < 0) return -1;
            if (od->nentries < i) break;
        }
        return 0;
    }
    /* generic mapping: keys() + __getitem__ */
    Obj *keys = obj_call_method(other, "keys", NULL, 0);
    if (!keys) return -1;
    Obj *it = obj_iter(keys);
    DECREF(keys);
    if (!it) return -1;
    for (;;) {
        Obj *k = obj_iternext(it);
        if (!k) break;
        if (override != 1) {
            int c = dict_contains(d, k);
            if (c < 0) { DECREF(k); DECREF(it); return -1; }
            if (c) {
                if (override == 2) {
                    dict_set_key_error(k);
                    DECREF(k);
                    DECREF(it);
                    return -1;
                }
                DECREF(k);
                continue;
            }
        }
        Obj *v = obj_getitem(other, k);
        if (!v) { DECREF(k); DECREF(it); return -1; }
        int r = dict_setitem(d, k, v);
        DECREF(k);
        DECREF(v);
        if (r < 0) { DECREF(it); return -1; }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

/* dict.update(arg) semantics: mapping (has keys()) or iterable of pairs. */
static int update_arg(Obj *d, Obj *arg) {
    if (dict_check(arg)) return dict_merge(d, arg, 1);
    Obj *keys;
    int r = obj_lookup_attr(arg, str_intern_cstr("keys"), &keys);
    if (r < 0) return -1;
    if (r > 0) {
        DECREF(keys);
        return dict_merge(d, arg, 1);
    }
    return merge_seq2(d, arg, 1);
}

int dict_update(Obj *d, Obj *other) { return update_arg(d, other); }

static Obj *make_list(Obj *o, int which) {
    DictObj *d = (DictObj *)o;
    Obj *l = list_new(d->used);
    if (!l) return NULL;
    ssize_t j = 0;
    for (ssize_t i = 0; i < d->nentries && j < d->used; i++) {
        DictEntry *e = &d->entries[i];
        if (!e->key) continue;
        Obj *x;
        if (which == 0) x = NEWREF(e->key);
        else if (which == 1) x = NEWREF(e->value);
        else {
            x = tuple_pack(2, e->key, e->value);
            if (!x) { LIST_SIZE(l) = j; DECREF(l); return NULL; }
        }
        LIST_ITEMS(l)[j++] = x;
    }
    return l;
}
Obj *dict_keys_list(Obj *d) { return make_list(d, 0); }
Obj *dict_values_list(Obj *d) { return make_list(d, 1); }
Obj *dict_items_list(Obj *d) { return make_list(d, 2); }

Obj *dict_pop(Obj *d, Obj *key, Obj *deflt) {
    DictObj *dd = (DictObj *)d;
    hash_t h = cont_hash(key);
    if (h == -1) return NULL;
    ssize_t ix = dd->used ? lookup(dd, key, h) : DKIX_EMPTY;
    if (ix == DKIX_ERROR) return NULL;
    if (ix < 0) {
        if (deflt) return NEWREF(deflt);
        return dict_set_key_error(key);
    }
    Obj *v = NEWREF(dd->entries[ix].value);
    delete_entry(dd, h, ix);
    return v;
}

Obj *dict_setdefault(Obj *d, Obj *key, Obj *deflt) {
    DictObj *dd = (DictObj *)d;
    hash_t h = cont_hash(key);
    if (h == -1) return NULL;
    ssize_t ix = lookup(dd, key, h);
    if (ix == DKIX_ERROR) return NULL;
    if (ix >= 0) return dd->entries[ix].value;
    if (insert(dd, key, h, deflt) < 0) return NULL;
    return deflt;
}

/* ---- type slots ----------------------------------------------------------------- */
static void dict_dealloc(Obj *o) {
    bool exact = TYPE(o) == &Dict_Type;
    if (exact && trashcan_begin(o)) return;
    if (gc_is_tracked(o)) gc_untrack(o);
    clear_table((DictObj *)o);
    obj_free(o);
    if (exact) trashcan_end();
}

static void dict_traverse(Obj *o, visitproc_ visit, void *arg) {
    DictObj *d = (DictObj *)o;
    for (ssize_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].key) {
            visit(d->entries[i].key, arg);
            visit(d->entries[i].value, arg);
        }
    }
}

static int dict_gc_clear(Obj *o) { clear_table((DictObj *)o); return 0; }

static Obj *dict_repr(Obj *o) {
    DictObj *d = (DictObj *)o;
    if (d->used == 0) return str_from_cstr("{}");
    int r = repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return str_from_cstr("{...}");
    if (enter_recursive_call(" while getting the repr of an object")) {
        repr_leave(o);
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, "{");
    bool first = true;
    for (ssize_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (!e->key) continue;
        Obj *k = NEWREF(e->key), *v = NEWREF(e->value);
        if (!first) sb_append_cstr(&sb, ", ");
        first = false;
        Obj *s = obj_repr(k);
        if (s) {
            sb_append_str(&sb, s);
            DECREF(s);
            sb_append_cstr(&sb, ": ");
            s = obj_repr(v);
            if (s) { sb_append_str(&sb, s); DECREF(s); }
        }
        DECREF(k);
        DECREF(v);
        if (!s) goto fail;
    }
    sb_append_cstr(&sb, "}");
    leave_recursive_call();
    repr_leave(o);
    return sb_finish(&sb);
fail:
    leave_recursive_call();
    repr_leave(o);
    sb_discard(&sb);
    return NULL;
}

static int dict_equal(DictObj *a, DictObj *b) {
    if (a->used != b->used) return 0;
    for (ssize_t i = 0; i < a->nentries; i++) {
        DictEntry *e = &a->entries[i];
        if (!e->key) continue;
        Obj *k = NEWREF(e->key), *av = NEWREF(e->value);
        hash_t h = e->hash;
        ssize_t ix = lookup(b, k, h);
        if (ix == DKIX_ERROR) { DECREF(k); DECREF(av); return -1; }
        if (ix < 0) { DECREF(k); DECREF(av); return 0; }
        Obj *bv = NEWREF(b->entries[ix].value);
        int c = obj_richcompare_bool(av, bv, CMP_EQ);
        DECREF(k); DECREF(av); DECREF(bv);
        if (c <= 0) return c;
        if (a->nentries <= i) break;
    }
    return 1;
}

static Obj *dict_richcompare(Obj *a, Obj *b, int op) {
    if (!dict_check(a) || !dict_check(b) || (op != CMP_EQ && op != CMP_NE)) RETURN_NOTIMPL;
    int c = dict_equal((DictObj *)a, (DictObj *)b);
    if (c < 0) return NULL;
    RETURN_BOOL(op == CMP_EQ ? c : !c);
}

static ssize_t dict_len(Obj *o) { return ((DictObj *)o)->used; }

static Obj *dict_subscript(Obj *o, Obj *key) {
    DictObj *d = (DictObj *)o;
    hash_t h = cont_hash(key);
    if (h == -1) return NULL;
    ssize_t ix = lookup(d, key, h);
    if (ix == DKIX_ERROR) return NULL;
    if (ix >= 0) return NEWREF(d->entries[ix].value);
    if (TYPE(o) != &Dict_Type) {
        Obj *missing = obj_type_lookup_special(o, str_intern_cstr("__missing__"));
        if (missing) {
            Obj *r = obj_call1(missing, key);
            DECREF(missing);
            return r;
        }
        if (err_occurred()) return NULL;
    }
    return dict_set_key_error(key);
}

static int dict_ass_subscript(Obj *o, Obj *key, Obj *value) {
    if (value) return dict_setitem(o, key, value);
    return dict_delitem(o, key);
}

static int dict_contains_slot(Obj *o, Obj *key) { return dict_contains(o, key); }

static Obj *dict_iter(Obj *o) { return dictiter_new(o, &DictIterKey_Type); }

static Obj *dict_or(Obj *a, Obj *b) {
    if (!dict_check(a) || !dict_check(b)) RETURN_NOTIMPL;
    Obj *n = dict_copy(a);
    if (!n) return NULL;
    if (update_arg(n, b) < 0) { DECREF(n); return NULL; }
    return n;
}

static Obj *dict_ior(Obj *a, Obj *b) {
    if (!dict_check(a)) RETURN_NOTIMPL;
    if (update_arg(a, b) < 0) return NULL;
    return NEWREF(a);
}

/* ---- methods ----------------------------------------------------------------------- */
static Obj *m_get(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("get", kwnames) < 0) return NULL;
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) return err_format(&Exc_TypeError, "get expected at least 1 argument, got %zd", (ssize_t)nargs);
        return err_format(&Exc_TypeError, "get expected at most 2 arguments, got %zd", (ssize_t)nargs);
    }
    hash_t h = cont_hash(args[0]);
    if (h == -1) return NULL;
    ssize_t ix = lookup((DictObj *)self, args[0], h);
    if (ix == DKIX_ERROR) return NULL;
    if (ix >= 0) return NEWREF(((DictObj *)self)->entries[ix].value);
    return NEWREF(nargs > 1 ? args[1] : None);
}

static Obj *m_setdefault(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("setdefault", kwnames) < 0) return NULL;
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) return err_format(&Exc_TypeError, "setdefault expected at least 1 argument, got %zd", (ssize_t)nargs);
        return err_format(&Exc_TypeError, "setdefault expected at most 2 arguments, got %zd", (ssize_t)nargs);
    }
    Obj *r = dict_setdefault(self, args[0], nargs > 1 ? args[1] : None);
    return XNEWREF(r);
}

static Obj *m_pop(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("pop", kwnames) < 0) return NULL;
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) return err_format(&Exc_TypeError, "pop expected at least 1 argument, got %zd", (ssize_t)nargs);
        return err_format(&Exc_TypeError, "pop expected at most 2 arguments, got %zd", (ssize_t)nargs);
    }
    return dict_pop(self, args[0], nargs > 1 ? args[1] : NULL);
}

static Obj *m_popitem(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("popitem", kwnames) < 0) return NULL;
    if (nargs) return err_format(&Exc_TypeError, "dict.popitem() takes no arguments (%zd given)", (ssize_t)nargs);
    DictObj *d = (DictObj *)self;
    if (d->used == 0) return err_set_str(&Exc_KeyError, "popitem(): dictionary is empty");
    ssize_t i = d->nentries - 1;
    while (i >= 0 && !d->entries[i].key) i--;
    DictEntry *e = &d->entries[i];
    Obj *res = tuple_new(2);
    if (!res) return NULL;
    size_t slot = slot_of(d, e->hash, i);
    d->indices[slot] = DKIX_DUMMY;
    TUPLE_ITEMS(res)[0] = e->key;
    TUPLE_ITEMS(res)[1] = e->value;
    e->key = NULL;
    e->value = NULL;
    d->used--;
    d->nentries = i;
    bump(d);
    return res;
}

static Obj *m_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs > 1) return err_format(&Exc_TypeError, "update expected at most 1 argument, got %zd", (ssize_t)nargs);
    if (nargs == 1 && update_arg(self, args[0]) < 0) return NULL;
    if (kwnames) {
        for (ssize_t i = 0; i < TUPLE_SIZE(kwnames); i++)
            if (dict_setitem(self, TUPLE_ITEMS(kwnames)[i], args[nargs + i]) < 0) return NULL;
    }
    RETURN_NONE;
}

static Obj *m_keys(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames))) return err_format(&Exc_TypeError, "dict.keys() takes no arguments (%zd given)", (ssize_t)nargs);
    return dictview_new(self, &DictKeys_Type);
}
static Obj *m_values(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames))) return err_format(&Exc_TypeError, "dict.values() takes no arguments (%zd given)", (ssize_t)nargs);
    return dictview_new(self, &DictValues_Type);
}
static Obj *m_items(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames))) return err_format(&Exc_TypeError, "dict.items() takes no arguments (%zd given)", (ssize_t)nargs);
    return dictview_new(self, &DictItems_Type);
}

static Obj *m_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames))) return err_format(&Exc_TypeError, "dict.copy() takes no arguments (%zd given)", (ssize_t)nargs);
    return dict_copy(self);
}

static Obj *m_clear(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs || (kwnames && TUPLE_SIZE(kwnames))) return err_format(&Exc_TypeError, "dict.clear() takes no arguments (%zd given)", (ssize_t)nargs);
    clear_table((DictObj *)self);
    RETURN_NONE;
}

static Obj *m_fromkeys(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (args_no_kw("fromkeys", kwnames) < 0) return NULL;
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) return err_format(&Exc_TypeError, "fromkeys expected at least 1 argument, got %zd", (ssize_t)nargs);
        return err_format(&Exc_TypeError, "fromkeys expected at most 2 arguments, got %zd", (ssize_t)nargs);
    }
    Obj *value = nargs > 1 ? args[1] : None;
    Obj *d = obj_call0(cls);
    if (!d) return NULL;
    bool fast = TYPE(d) == &Dict_Type;
    Obj *it = obj_iter(args[0]);
    if (!it) { DECREF(d); return NULL; }
    for (;;) {
        Obj *k = obj_iternext(it);
        if (!k) break;
        int r = fast ? dict_setitem(d, k, value) : obj_setitem(d, k, value);
        DECREF(k);
        if (r < 0) { DECREF(it); DECREF(d); return NULL; }
    }
    DECREF(it);
    if (err_occurred()) { DECREF(d); return NULL; }
    return d;
}

static Obj *m_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    return dictiter_new(self, &DictRevIterKey_Type);
}

static Obj *m_sizeof(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    DictObj *d = (DictObj *)self;
    ssize_t n = 48;
    if (d->indices) n += (ssize_t)((d->mask + 1) * 4 + (size_t)d->usable * sizeof(DictEntry));
    return int_from_ssize(n);
}

static Obj *m_getitem(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs != 1) return err_format(&Exc_TypeError, "dict.__getitem__() takes exactly one argument (%zd given)", (ssize_t)nargs);
    return dict_subscript(self, args[0]);
}

static Obj *dict_new_(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    return obj_alloc(type, 0);
}

static int dict_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs > 1) {
        err_format(&Exc_TypeError, "dict expected at most 1 argument, got %zd", (ssize_t)nargs);
        return -1;
    }
    if (nargs == 1 && update_arg(self, args[0]) < 0) return -1;
    if (kwnames) {
        for (ssize_t i = 0; i < TUPLE_SIZE(kwnames); i++)
            if (dict_setitem(self, TUPLE_ITEMS(kwnames)[i], args[nargs + i]) < 0) return -1;
    }
    return 0;
}

static MethodDef dict_methods[] = {
    {"__getitem__", m_getitem, 0, "x.__getitem__(y) <==> x[y]"},
    {"get", m_get, 0, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", m_setdefault, 0, "Insert key with a value of default if key is not in the dictionary."},
    {"pop", m_pop, 0, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", m_popitem, 0, "Remove and return a (key, value) pair as a 2-tuple."},
    {"update", m_update, 0, "D.update([E, ]**F) -> None."},
    {"keys", m_keys, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", m_values, 0, "D.values() -> an object providing a view on D's values"},
    {"items", m_items, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", m_copy, 0, "D.copy() -> a shallow copy of D"},
    {"clear", m_clear, 0, "D.clear() -> None.  Remove all items from D."},
    {"fromkeys", m_fromkeys, METH_CLASS, "Create a new dictionary with keys from iterable and values set to value."},
    {"__reversed__", m_reversed, 0, "Return a reverse iterator over the dict keys."},
    {"__sizeof__", m_sizeof, 0, NULL},
    {"__class_getitem__", cont_class_getitem, METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj Dict_Type = {
    TYPE_HEAD_INIT,
    .name = "dict",
    .basicsize = sizeof(DictObj),
    .flags = TF_BASETYPE | TF_GC | TF_DICT_SUBCLASS | TF_IMMUTABLETYPE,
    .doc = "dict() -> new empty dictionary",
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .hash = hash_not_implemented,
    .richcompare = dict_richcompare,
    .iter = dict_iter,
    .new_ = dict_new_,
    .init = dict_init,
    .nb = { [NB_OR] = dict_or },
    .nb_inplace = { [NB_OR] = dict_ior },
    .len = dict_len,
    .getitem = dict_subscript,
    .setitem = dict_ass_subscript,
    .contains = dict_contains_slot,
    .traverse = dict_traverse,
    .clear = dict_gc_clear,
    .methods = dict_methods,
};
