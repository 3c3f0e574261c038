/* set.c — set and frozenset.
 *
 * The table follows CPython's set algorithm closely so that iteration order
 * (which programs print) matches: an 8-slot inline table, linear probing of
 * LINEAR_PROBES entries then perturbed jumps (perturb >>= 5; i = i*5+1+perturb),
 * deleted entries left as dummies (hash -1), growth when fill*5 >= mask*3 to
 * used*4 (used*2 above 50000), the same bulk-merge shortcuts, and the same
 * operand orders in the binary operations. */
#include "gilpy.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static Obj dummy_struct = OBJ_HEAD_INIT(&Object_Type);
#define DUMMY (&dummy_struct)

#define SO(o) ((SetObj *)(o))

static Obj *make_new_set(TypeObj *type, Obj *iterable);

static void set_init_empty(SetObj *so) {
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    memset(so->smalltable, 0, sizeof(so->smalltable));
}

static hash_t key_hash(Obj *key) {
    return cont_hash(key);
}

/* ---- core table operations ------------------------------------------------ */
static void insert_clean(SetEntry *table, size_t mask, Obj *key, hash_t hash) {
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &table[i];
        if (!entry->key) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (!entry->key) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

static int table_resize(SetObj *so, ssize_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused) newsize <<= 1;
    SetEntry *oldtable = so->table;
    size_t oldmask = so->mask;
    bool is_oldtable_malloced = oldtable != so->smalltable;
    SetEntry small_copy[SET_MINSIZE];
    SetEntry *newtable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) return 0;   /* nothing to do */
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > ((size_t)PTRDIFF_MAX / sizeof(SetEntry))) { err_no_memory(); return -1; }
        newtable = (SetEntry *)mem_alloc(newsize * sizeof(SetEntry));
        if (!newtable) return -1;
    }
    memset(newtable, 0, newsize * sizeof(SetEntry));
    so->mask = newsize - 1;
    so->table = newtable;
    if (so->fill == so->used) {
        for (size_t k = 0; k <= oldmask; k++)
            if (oldtable[k].key) insert_clean(newtable, newsize - 1, oldtable[k].key, oldtable[k].hash);
    } else {
        so->fill = so->used;
        for (size_t k = 0; k <= oldmask; k++)
            if (oldtable[k].key && oldtable[k].key != DUMMY)
                insert_clean(newtable, newsize - 1, oldtable[k].key, oldtable[k].hash);
    }
    if (is_oldtable_malloced) mem_free(oldtable);
    return 0;
}

/* Returns the entry holding key, or NULL if absent (*err set on error). */
static SetEntry *lookkey(SetObj *so, Obj *key, hash_t hash, int *err) {
    *err = 0;
restart:;
    SetEntry *table = so->table;
    size_t mask = so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        SetEntry *entry = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) return NULL;
            if (entry->hash == hash) {
                Obj *startkey = entry->key;
                if (startkey == key) return entry;
                if (!IS_SMALLINT(startkey) && !IS_SMALLINT(key) && startkey->type == &Str_Type &&
                    key->type == &Str_Type) {
                    if (str_eq(startkey, key)) return entry;
                } else if (startkey != DUMMY) {
                    INCREF(startkey);
                    int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                    DECREF(startkey);
                    if (cmp < 0) { *err = 1; return NULL; }
                    if (table != so->table || entry->key != startkey) goto restart;
                    if (cmp > 0) return entry;
                    mask = so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Add key (not stolen).  0 ok, -1 error. */
static int add_entry(SetObj *so, Obj *key, hash_t hash) {
    INCREF(key);
restart:;
    size_t mask = so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    SetEntry *freeslot = NULL;
    SetEntry *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) goto found_unused_or_dummy;
            if (entry->hash == hash) {
                Obj *startkey = entry->key;
                if (startkey == key) goto found_active;
                if (!IS_SMALLINT(startkey) && !IS_SMALLINT(key) && startkey->type == &Str_Type &&
                    key->type == &Str_Type) {
                    if (str_eq(startkey, key)) goto found_active;
                } else {
                    SetEntry *table = so->table;
                    INCREF(startkey);
                    int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                    DECREF(startkey);
                    if (cmp > 0) goto found_active;
                    if (cmp < 0) { DECREF(key); return -1; }
                    if (table != so->table || entry->key != startkey) goto restart;
                    mask = so->mask;
                }
            } else if (entry->hash == -1 && entry->key == DUMMY) {
                freeslot = entry;   /* the last dummy seen, as CPython */
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    DECREF(key);
    return 0;
}

/* 1 found and removed, 0 absent, -1 error */
static int discard_entry(SetObj *so, Obj *key, hash_t hash) {
    int err;
    SetEntry *e = lookkey(so, key, hash, &err);
    if (err) return -1;
    if (!e) return 0;
    Obj *old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    DECREF(old);
    return 1;
}

static int contains_entry(SetObj *so, Obj *key, hash_t hash) {
    int err;
    SetEntry *e = lookkey(so, key, hash, &err);
    if (err) return -1;
    return e != NULL;
}

/* Iterate active entries: *pos is a table index. */
static int next_entry(SetObj *so, ssize_t *pos, SetEntry **out) {
    ssize_t i = *pos;
    while ((size_t)i <= so->mask && (!so->table[i].key || so->table[i].key == DUMMY)) i++;
    if ((size_t)i > so->mask) { *pos = i; return 0; }
    *pos = i + 1;
    *out = &so->table[i];
    return 1;
}

static void clear_internal(SetObj *so) {
    SetEntry *table = so->table;
    bool malloced = table != so->smalltable;
    ssize_t fill = so->fill;
    size_t mask = so->mask;
    SetEntry small_copy[SET_MINSIZE];
    if (!malloced && fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
    }
    set_init_empty(so);
    if (fill > 0) {
        for (size_t i = 0; i <= mask; i++)
            if (table[i].key && table[i].key != DUMMY) DECREF(table[i].key);
    }
    if (malloced) mem_free(table);
}

static int set_merge(SetObj *so, SetObj *other) {
    if (so == other || other->used == 0) return 0;
    if ((size_t)(so->fill + other->used) * 5 >= so->mask * 3) {
        if (table_resize(so, (so->used + other->used) * 2) < 0) return -1;
    }
    SetEntry *oe = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (size_t i = 0; i <= other->mask; i++) {
            Obj *key = oe[i].key;
            if (key) {
                INCREF(key);
                so->table[i].key = key;
                so->table[i].hash = oe[i].hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (size_t i = 0; i <= other->mask; i++) {
            Obj *key = oe[i].key;
            if (key && key != DUMMY) {
                INCREF(key);
                insert_clean(so->table, so->mask, key, oe[i].hash);
            }
        }
        return 0;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        Obj *key = other->table[i].key;
        if (key && key != DUMMY) {
            if (add_entry(so, key, other->table[i].hash) < 0) return -1;
        }
    }
    return 0;
}

static int update_internal(SetObj *so, Obj *other) {
    if (anyset_check(other)) return set_merge(so, SO(other));
    if (!IS_SMALLINT(other) && TYPE(other) == &Dict_Type) {
        ssize_t dictsize = dict_size(other);
        if ((size_t)(so->fill + dictsize) * 5 >= so->mask * 3) {
            if (table_resize(so, (so->used + dictsize) * 2) < 0) return -1;
        }
        ssize_t pos = 0;
        Obj *key;
        hash_t h;
        while (dict_next_hash(other, &pos, &key, NULL, &h))
            if (add_entry(so, key, h) < 0) return -1;
        return 0;
    }
    Obj *it = obj_iter(other);
    if (!it) return -1;
    unaryfunc next = TYPE(it)->iternext;
    for (;;) {
        Obj *key = next ? next(it) : obj_iternext(it);
        if (!key) break;
        hash_t h = key_hash(key);
        if (h == -1 || add_entry(so, key, h) < 0) {
            DECREF(key);
            DECREF(it);
            return -1;
        }
        DECREF(key);
    }
    DECREF(it);
    if (err_occurred()) {
        if (err_matches(&Exc_StopIteration)) err_clear();
        else return -1;
    }
    return 0;
}

/* ---- public API -------------------------------------------------------------- */
static Obj *make_new_set(TypeObj *type, Obj *iterable) {
    SetObj *so = (SetObj *)obj_alloc(type, 0);
    if (!so) return NULL;
    set_init_empty(so);
    if (iterable && update_internal(so, iterable) < 0) {
        DECREF(so);
        return NULL;
    }
    return OBJ(so);
}

/* New set of the base type of `type` (set or frozenset) */
static Obj *make_new_set_basetype(TypeObj *type, Obj *iterable) {
    if (type != &Set_Type && type != &FrozenSet_Type) {
        if (type_is_subtype(type, &Set_Type)) type = &Set_Type;
        else type = &FrozenSet_Type;
    }
    return make_new_set(type, iterable);
}

Obj *set_new(Obj *iterable) { return make_new_set(&Set_Type, iterable); }
Obj *frozenset_new(Obj *iterable) { return make_new_set(&FrozenSet_Type, iterable); }

int set_add(Obj *set, Obj *key) {
    hash_t h = key_hash(key);
    if (h == -1) return -1;
    return add_entry(SO(set), key, h);
}

int set_update(Obj *set, Obj *iterable) { return update_internal(SO(set), iterable); }

/* For `key in set`, set.remove/discard: an unhashable set key is retried as a frozenset. */
static int with_frozen_key(Obj *key, Obj **frozen) {
    *frozen = NULL;
    if (!err_matches(&Exc_TypeError) || IS_SMALLINT(key) || !type_is_subtype(TYPE(key), &Set_Type)) return -1;
    err_clear();
    *frozen = make_new_set(&FrozenSet_Type, key);
    return *frozen ? 0 : -1;
}

int set_discard(Obj *set, Obj *key) {
    hash_t h = key_hash(key);
    if (h == -1) {
        Obj *fk;
        if (with_frozen_key(key, &fk) < 0) return -1;
        h = key_hash(fk);
        int r = h == -1 ? -1 : discard_entry(SO(set), fk, h);
        DECREF(fk);
        return r;
    }
    return discard_entry(SO(set), key, h);
}

int set_contains(Obj *set, Obj *key) {
    hash_t h = key_hash(key);
    if (h == -1) {
        Obj *fk;
        if (with_frozen_key(key, &fk) < 0) return -1;
        h = key_hash(fk);
        int r = h == -1 ? -1 : contains_entry(SO(set), fk, h);
        DECREF(fk);
        return r;
    }
    return contains_entry(SO(set), key, h);
}

ssize_t set_size(Obj *set) { return SO(set)->used; }

int set_next(Obj *set, ssize_t *pos, Obj **key) {
    SetEntry *e;
    if (!next_entry(SO(set), pos, &e)) return 0;
    *key = e->key;
    return 1;
}

Obj *set_clear_obj(Obj *set) { clear_internal(SO(set)); RETURN_NONE; }

/* ---- operations ------------------------------------------------------------------ */
static Obj *set_copy(Obj *so) {
    return make_new_set_basetype(TYPE(so), so);
}

static Obj *set_intersection(SetObj *so, Obj *other) {
    if (OBJ(so) == other) return set_copy(OBJ(so));
    Obj *result = make_new_set_basetype(TYPE(OBJ(so)), NULL);
    if (!result) return NULL;
    if (anyset_check(other)) {
        SetObj *a = so, *b = SO(other);
        if (b->used > a->used) { SetObj *t = a; a = b; b = t; }
        ssize_t pos = 0;
        SetEntry *e;
        while (next_entry(b, &pos, &e)) {
            Obj *key = NEWREF(e->key);
            hash_t h = e->hash;
            int rv = contains_entry(a, key, h);
            if (rv > 0) rv = add_entry(SO(result), key, h) < 0 ? -1 : 1;
            DECREF(key);
            if (rv < 0) { DECREF(result); return NULL; }
        }
        return result;
    }
    Obj *it = obj_iter(other);
    if (!it) { DECREF(result); return NULL; }
    for (;;) {
        Obj *key = obj_iternext(it);
        if (!key) break;
        hash_t h = key_hash(key);
        int rv = h == -1 ? -1 : contains_entry(so, key, h);
        if (rv > 0) rv = add_entry(SO(result), key, h) < 0 ? -1 : 1;
        DECREF(key);
        if (rv < 0) { DECREF(it); DECREF(result); return NULL; }
    }
    DECREF(it);
    if (err_occurred()) { DECREF(result); return NULL; }
    return result;
}

static void swap_bodies(SetObj *a, SetObj *b) {
    SetObj t;
    ssize_t fill = a->fill, used = a->used;
    size_t mask = a->mask;
    bool asmall = a->table == a->smalltable, bsmall = b->table == b->smalltable;
    SetEntry *atab = a->table, *btab = b->table;
    memcpy(t.smalltable, a->smalltable, sizeof(t.smalltable));
    a->fill = b->fill; a->used = b->used; a->mask = b->mask;
    if (bsmall) { memcpy(a->smalltable, b->smalltable, sizeof(a->smalltable)); a->table = a->smalltable; }
    else a->table = btab;
    b->fill = fill; b->used = used; b->mask = mask;
    if (asmall) { memcpy(b->smalltable, t.smalltable, sizeof(b->smalltable)); b->table = b->smalltable; }
    else b->table = atab;
    a->hash = -1;
    b->hash = -1;
}

static int difference_update_internal(SetObj *so, Obj *other) {
    if (OBJ(so) == other) { clear_internal(so); return 0; }
    if (anyset_check(other)) {
        Obj *o2;
        if ((SO(other)->used >> 3) > so->used) {
            o2 = set_intersection(so, other);
            if (!o2) return -1;
        } else {
            o2 = NEWREF(other);
        }
        ssize_t pos = 0;
        SetEntry *e;
        while (next_entry(SO(o2), &pos, &e)) {
            Obj *key = NEWREF(e->key);
            int rv = discard_entry(so, key, e->hash);
            DECREF(key);
            if (rv < 0) { DECREF(o2); return -1; }
        }
        DECREF(o2);
    } else {
        Obj *it = obj_iter(other);
        if (!it) return -1;
        for (;;) {
            Obj *key = obj_iternext(it);
            if (!key) break;
            int rv = set_discard(OBJ(so), key);
            DECREF(key);
            if (rv < 0) { DECREF(it); return -1; }
        }
        DECREF(it);
        if (err_occurred()) return -1;
    }
    if ((size_t)(so->fill - so->used) <= so->mask / 4) return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static Obj *set_copy_and_difference(SetObj *so, Obj *other) {
    Obj *result = set_copy(OBJ(so));
    if (!result) return NULL;
    if (difference_update_internal(SO(result), other) < 0) { DECREF(result); return NULL; }
    return result;
}

static Obj *set_difference(SetObj *so, Obj *other) {
    ssize_t other_size;
    bool isdict = !IS_SMALLINT(other) && TYPE(other) == &Dict_Type;
    if (anyset_check(other)) other_size = SO(other)->used;
    else if (isdict) other_size = dict_size(other);
    else return set_copy_and_difference(so, other);
    if ((so->used >> 2) > other_size) return set_copy_and_difference(so, other);
    Obj *result = make_new_set_basetype(TYPE(OBJ(so)), NULL);
    if (!result) return NULL;
    ssize_t pos = 0;
    SetEntry *e;
    while (next_entry(so, &pos, &e)) {
        Obj *key = NEWREF(e->key);
        hash_t h = e->hash;
        int rv;
        if (isdict) {
            Obj *v = dict_getitem_hash(other, key, h);
            rv = v ? 1 : (err_occurred() ? -1 : 0);
        } else {
            rv = contains_entry(SO(other), key, h);
        }
        if (rv == 0) rv = add_entry(SO(result), key, h);
        else if (rv > 0) rv = 0;
        DECREF(key);
        if (rv < 0) { DECREF(result); return NULL; }
    }
    return result;
}

static int symmetric_difference_update(SetObj *so, Obj *other) {
    if (OBJ(so) == other) { clear_internal(so); return 0; }
    if (!IS_SMALLINT(other) && TYPE(other) == &Dict_Type) {
        ssize_t pos = 0;
        Obj *key, *value;
        hash_t h;
        while (dict_next_hash(other, &pos, &key, &value, &h)) {
            INCREF(key);
            int rv = discard_entry(so, key, h);
            if (rv == 0) rv = add_entry(so, key, h);
            DECREF(key);
            if (rv < 0) return -1;
        }
        return 0;
    }
    Obj *otherset;
    if (anyset_check(other)) otherset = NEWREF(other);
    else {
        otherset = make_new_set_basetype(TYPE(OBJ(so)), other);
        if (!otherset) return -1;
    }
    ssize_t pos = 0;
    SetEntry *e;
    while (next_entry(SO(otherset), &pos, &e)) {
        Obj *key = NEWREF(e->key);
        hash_t h = e->hash;
        int rv = discard_entry(so, key, h);
        if (rv == 0) rv = add_entry(so, key, h);
        DECREF(key);
        if (rv < 0) { DECREF(otherset); return -1; }
    }
    DECREF(otherset);
    return 0;
}

static Obj *set_symmetric_difference(SetObj *so, Obj *other) {
    Obj *otherset = make_new_set_basetype(TYPE(OBJ(so)), other);
    if (!otherset) return NULL;
    if (symmetric_difference_update(SO(otherset), OBJ(so)) < 0) { DECREF(otherset); return NULL; }
    return otherset;
}

static int issubset(SetObj *so, Obj *other) {
    if (!anyset_check(other)) {
        Obj *tmp = make_new_set(&Set_Type, other);
        if (!tmp) return -1;
        int r = issubset(so, tmp);
        DECREF(tmp);
        return r;
    }
    if (so->used > SO(other)->used) return 0;
    ssize_t pos = 0;
    SetEntry *e;
    while (next_entry(so, &pos, &e)) {
        Obj *key = NEWREF(e->key);
        int rv = contains_entry(SO(other), key, e->hash);
        DECREF(key);
        if (rv <= 0) return rv;
    }
    return 1;
}

static int issuperset(SetObj *so, Obj *other) {
    if (anyset_check(other)) return issubset(SO(other), OBJ(so));
    Obj *it = obj_iter(other);
    if (!it) return -1;
    for (;;) {
        Obj *key = obj_iternext(it);
        if (!key) break;
        int rv = set_contains(OBJ(so), key);
        DECREF(key);
        if (rv <= 0) { DECREF(it); return rv; }
    }
    DECREF(it);
    return err_occurred() ? -1 : 1;
}

static int isdisjoint(SetObj *so, Obj *other) {
    if (OBJ(so) == other) return so->used == 0;
    if (anyset_check(other)) {
        SetObj *a = so, *b = SO(other);
        if (b->used > a->used) { SetObj *t = a; a = b; b = t; }
        ssize_t pos = 0;
        SetEntry *e;
        while (next_entry(b, &pos, &e)) {
            Obj *key = NEWREF(e->key);
            int rv = contains_entry(a, key, e->hash);
            DECREF(key);
            if (rv != 0) return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    Obj *it = obj_iter(other);
    if (!it) return -1;
    for (;;) {
        Obj *key = obj_iternext(it);
        if (!key) break;
        int rv = set_contains(OBJ(so), key);
        DECREF(key);
        if (rv != 0) { DECREF(it); return rv < 0 ? -1 : 0; }
    }
    DECREF(it);
    return err_occurred() ? -1 : 1;
}

/* ---- slots -------------------------------------------------------------------------- */
static void set_dealloc(Obj *o) {
    if (gc_is_tracked(o)) gc_untrack(o);
    if (SO(o)->weakreflist) weakref_clear_all(o);
    clear_internal(SO(o));
    obj_free(o);
}

static void set_traverse(Obj *o, visitproc_ visit, void *arg) {
    SetObj *so = SO(o);
    for (size_t i = 0; i <= so->mask; i++)
        if (so->table[i].key && so->table[i].key != DUMMY) visit(so->table[i].key, arg);
}

static int set_gc_clear(Obj *o) { clear_internal(SO(o)); return 0; }

static Obj *set_repr(Obj *o) {
    SetObj *so = SO(o);
    bool base = TYPE(o) == &Set_Type;
    if (so->used == 0) return str_from_format("%s()", type_name(TYPE(o)));
    int r = repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return str_from_format("%s(...)", type_name(TYPE(o)));
    Obj *keys = seq_list(o);
    Obj *res = NULL;
    if (keys) {
        Obj *lr = obj_repr(keys);
        DECREF(keys);
        if (lr) {
            /* "[...]" -> "{...}" */
            Obj *inner = str_substr(lr, 1, STR_LEN(lr) - 1);
            DECREF(lr);
            if (inner) {
                if (base) res = str_from_format("{%U}", inner);
                else res = str_from_format("%s({%U})", type_name(TYPE(o)), inner);
                DECREF(inner);
            }
        }
    }
    repr_leave(o);
    return res;
}

static ssize_t set_len(Obj *o) { return SO(o)->used; }
static int set_contains_slot(Obj *o, Obj *key) { return set_contains(o, key); }

static hash_t shuffle_bits(uint64_t h) {
    return (hash_t)(((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL);
}

static hash_t frozenset_hash(Obj *o) {
    SetObj *so = SO(o);
    if (so->hash != -1) return so->hash;
    uint64_t hash = 0;
    for (size_t i = 0; i <= so->mask; i++) {
        if (so->table[i].key && so->table[i].key != DUMMY)
            hash ^= (uint64_t)shuffle_bits((uint64_t)so->table[i].hash);
    }
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) hash = 590923713UL;
    so->hash = (hash_t)hash;
    return (hash_t)hash;
}

static Obj *set_richcompare(Obj *a, Obj *b, int op) {
    if (!anyset_check(a) || !anyset_check(b)) RETURN_NOTIMPL;
    SetObj *v = SO(a), *w = SO(b);
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (v->used != w->used) r = 0;
        else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash) r = 0;
        else r = issubset(v, b);
        if (r < 0) return NULL;
        RETURN_BOOL(op == CMP_EQ ? r : !r);
    case CMP_LE: r = issubset(v, b); break;
    case CMP_GE: r = issuperset(v, b); break;
    case CMP_LT: r = v->used < w->used ? issubset(v, b) : 0; break;
    case CMP_GT: r = v->used > w->used ? issuperset(v, b) : 0; break;
    default: RETURN_NOTIMPL;
    }
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

static Obj *set_or(Obj *a, Obj *b) {
    if (!anyset_check(a) || !anyset_check(b)) RETURN_NOTIMPL;
    Obj *result = set_copy(a);
    if (!result) return NULL;
    if (a == b) return result;
    if (update_internal(SO(result), b) < 0) { DECREF(result); return NULL; }
    return result;
}
static Obj *set_and(Obj *a, Obj *b) {
    if (!anyset_check(a) || !anyset_check(b)) RETURN_NOTIMPL;
    return set_intersection(SO(a), b);
}
static Obj *set_sub(Obj *a, Obj *b) {
    if (!anyset_check(a) || !anyset_check(b)) RETURN_NOTIMPL;
    return set_difference(SO(a), b);
}
static Obj *set_xor(Obj *a, Obj *b) {
    if (!anyset_check(a) || !anyset_check(b)) RETURN_NOTIMPL;
    return set_symmetric_difference(SO(a), b);
}
static Obj *set_ior(Obj *a, Obj *b) {
    if (!anyset_check(b)) RETURN_NOTIMPL;
    if (update_internal(SO(a), b) < 0) return NULL;
    return NEWREF(a);
}
static Obj *set_iand(Obj *a, Obj *b) {
    if (!anyset_check(b)) RETURN_NOTIMPL;
    Obj *tmp = set_intersection(SO(a), b);
    if (!tmp) return NULL;
    swap_bodies(SO(a), SO(tmp));
    DECREF(tmp);
    return NEWREF(a);
}
static Obj *set_isub(Obj *a, Obj *b) {
    if (!anyset_check(b)) RETURN_NOTIMPL;
    if (difference_update_internal(SO(a), b) < 0) return NULL;
    return NEWREF(a);
}
static Obj *set_ixor(Obj *a, Obj *b) {
    if (!anyset_check(b)) RETURN_NOTIMPL;
    if (symmetric_difference_update(SO(a), b) < 0) return NULL;
    return NEWREF(a);
}

/* ---- methods --------------------------------------------------------------------------- */
#define NOKW(name) if (args_no_kw(name, kwnames) < 0) return NULL

static Obj *m_add(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("add");
    if (nargs != 1) return err_format(&Exc_TypeError, "set.add() takes exactly one argument (%zd given)", (ssize_t)nargs);
    if (set_add(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *m_remove(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("remove");
    if (nargs != 1) return err_format(&Exc_TypeError, "set.remove() takes exactly one argument (%zd given)", (ssize_t)nargs);
    int r = set_discard(self, args[0]);
    if (r < 0) return NULL;
    if (r == 0) return dict_set_key_error(args[0]);
    RETURN_NONE;
}

static Obj *m_discard(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("discard");
    if (nargs != 1) return err_format(&Exc_TypeError, "set.discard() takes exactly one argument (%zd given)", (ssize_t)nargs);
    if (set_discard(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *m_pop(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("pop");
    if (nargs) return err_format(&Exc_TypeError, "set.pop() takes no arguments (%zd given)", (ssize_t)nargs);
    SetObj *so = SO(self);
    if (so->used == 0) return err_set_str(&Exc_KeyError, "pop from an empty set");
    SetEntry *entry = so->table + (so->finger & (ssize_t)so->mask);
    SetEntry *limit = so->table + so->mask;
    while (!entry->key || entry->key == DUMMY) {
        entry++;
        if (entry > limit) entry = so->table;
    }
    Obj *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static Obj *m_clear(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("clear");
    if (nargs) return err_format(&Exc_TypeError, "set.clear() takes no arguments (%zd given)", (ssize_t)nargs);
    clear_internal(SO(self));
    RETURN_NONE;
}

static Obj *m_copy(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("copy");
    if (nargs) return err_format(&Exc_TypeError, "%s.copy() takes no arguments (%zd given)", type_name(TYPE(self)), (ssize_t)nargs);
    if (TYPE(self) == &FrozenSet_Type) return NEWREF(self);
    return set_copy(self);
}

static Obj *m_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("update");
    for (size_t i = 0; i < nargs; i++)
        if (update_internal(SO(self), args[i]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *m_union(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("union");
    Obj *result = set_copy(self);
    if (!result) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        if (args[i] == self) continue;
        if (update_internal(SO(result), args[i]) < 0) { DECREF(result); return NULL; }
    }
    return result;
}

static Obj *intersection_multi(Obj *self, Obj *const *args, size_t nargs) {
    if (nargs == 0) return set_copy(self);
    Obj *result = NEWREF(self);
    for (size_t i = 0; i < nargs; i++) {
        Obj *n = set_intersection(SO(result), args[i]);
        DECREF(result);
        if (!n) return NULL;
        result = n;
    }
    return result;
}

static Obj *m_intersection(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("intersection");
    return intersection_multi(self, args, nargs);
}

static Obj *m_intersection_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("intersection_update");
    Obj *tmp = intersection_multi(self, args, nargs);
    if (!tmp) return NULL;
    if (tmp != self) swap_bodies(SO(self), SO(tmp));
    DECREF(tmp);
    RETURN_NONE;
}

static Obj *m_difference(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("difference");
    if (nargs == 0) return set_copy(self);
    Obj *result = set_difference(SO(self), args[0]);
    if (!result) return NULL;
    for (size_t i = 1; i < nargs; i++) {
        if (difference_update_internal(SO(result), args[i]) < 0) { DECREF(result); return NULL; }
    }
    return result;
}

static Obj *m_difference_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("difference_update");
    for (size_t i = 0; i < nargs; i++)
        if (difference_update_internal(SO(self), args[i]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *m_symmetric_difference(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("symmetric_difference");
    if (nargs != 1) return err_format(&Exc_TypeError, "%s.symmetric_difference() takes exactly one argument (%zd given)", type_name(TYPE(self)), (ssize_t)nargs);
    return set_symmetric_difference(SO(self), args[0]);
}

static Obj *m_symmetric_difference_update(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("symmetric_difference_update");
    if (nargs != 1) return err_format(&Exc_TypeError, "set.symmetric_difference_update() takes exactly one argument (%zd given)", (ssize_t)nargs);
    if (symmetric_difference_update(SO(self), args[0]) < 0) return NULL;
    RETURN_NONE;
}

static Obj *m_issubset(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("issubset");
    if (nargs != 1) return err_format(&Exc_TypeError, "%s.issubset() takes exactly one argument (%zd given)", type_name(TYPE(self)), (ssize_t)nargs);
    int r = issubset(SO(self), args[0]);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

static Obj *m_issuperset(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("issuperset");
    if (nargs != 1) return err_format(&Exc_TypeError, "%s.issuperset() takes exactly one argument (%zd given)", type_name(TYPE(self)), (ssize_t)nargs);
    int r = issuperset(SO(self), args[0]);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

static Obj *m_isdisjoint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    NOKW("isdisjoint");
    if (nargs != 1) return err_format(&Exc_TypeError, "%s.isdisjoint() takes exactly one argument (%zd given)", type_name(TYPE(self)), (ssize_t)nargs);
    int r = isdisjoint(SO(self), args[0]);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

static Obj *m_contains(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs != 1) return err_format(&Exc_TypeError, "__contains__() takes exactly one argument (%zd given)", (ssize_t)nargs);
    int r = set_contains(self, args[0]);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

static Obj *m_sizeof(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    SetObj *so = SO(self);
    ssize_t n = 200;
    if (so->table != so->smalltable) n += (ssize_t)((so->mask + 1) * 16);
    return int_from_ssize(n);
}

static Obj *m_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    Obj *keys = seq_list(self);
    if (!keys) return NULL;
    Obj *state = None;
    Obj **dp = obj_dict_ptr(self);
    if (dp && *dp) state = *dp;
    Obj *a = tuple_pack(1, keys);
    DECREF(keys);
    if (!a) return NULL;
    Obj *r = tuple_pack(3, OBJ(TYPE(self)), a, state);
    DECREF(a);
    return r;
}

/* ---- construction ---------------------------------------------------------------------- */
static Obj *set_new_(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (type == &Set_Type && kwnames && TUPLE_SIZE(kwnames))
        return err_set_str(&Exc_TypeError, "set() takes no keyword arguments");
    return make_new_set(type, NULL);
}

static int set_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames) && TYPE(self) == &Set_Type) {
        err_set_str(&Exc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        err_format(&Exc_TypeError, "set expected at most 1 argument, got %zd", (ssize_t)nargs);
        return -1;
    }
    if (SO(self)->fill) clear_internal(SO(self));
    if (nargs == 1) return update_internal(SO(self), args[0]);
    return 0;
}

static Obj *frozenset_new_(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (type == &FrozenSet_Type && kwnames && TUPLE_SIZE(kwnames))
        return err_set_str(&Exc_TypeError, "frozenset() takes no keyword arguments");
    if (nargs > 1) return err_format(&Exc_TypeError, "frozenset expected at most 1 argument, got %zd", (ssize_t)nargs);
    if (nargs == 1 && type == &FrozenSet_Type && TYPE(args[0]) == &FrozenSet_Type) return NEWREF(args[0]);
    return make_new_set(type, nargs ? args[0] : NULL);
}

/* ---- iterator ------------------------------------------------------------------------------ */
typedef struct { OBJ_HEAD; Obj *set; ssize_t used; ssize_t pos; ssize_t len; } SetIterObj;

static Obj *set_iter(Obj *o) {
    SetIterObj *it = (SetIterObj *)obj_alloc(&SetIter_Type, 0);
    if (!it) return NULL;
    it->set = NEWREF(o);
    it->used = SO(o)->used;
    it->len = SO(o)->used;
    it->pos = 0;
    return OBJ(it);
}

static Obj *setiter_next(Obj *o) {
    SetIterObj *it = (SetIterObj *)o;
    if (!it->set) return NULL;
    SetObj *so = SO(it->set);
    if (it->used != so->used) {
        err_set_str(&Exc_RuntimeError, "Set changed size during iteration");
        it->used = -1;
        return NULL;
    }
    SetEntry *e;
    if (!next_entry(so, &it->pos, &e)) {
        CLEAR(it->set);
        return NULL;
    }
    it->len--;
    return NEWREF(e->key);
}

static void setiter_dealloc(Obj *o) {
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(((SetIterObj *)o)->set);
    obj_free(o);
}
static void setiter_traverse(Obj *o, visitproc_ visit, void *arg) {
    if (((SetIterObj *)o)->set) visit(((SetIterObj *)o)->set, arg);
}
static int setiter_clear(Obj *o) { CLEAR(((SetIterObj *)o)->set); return 0; }
static Obj *setiter_length_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    SetIterObj *it = (SetIterObj *)self;
    ssize_t n = 0;
    if (it->set && it->used == SO(it->set)->used) n = it->len;
    return int_from_ssize(n);
}
static Obj *iter_self(Obj *o) { return NEWREF(o); }

static MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj SetIter_Type = {
    TYPE_HEAD_INIT,
    .name = "set_iterator",
    .basicsize = sizeof(SetIterObj),
    .flags = TF_GC,
    .dealloc = setiter_dealloc,
    .iter = iter_self,
    .iternext = setiter_next,
    .traverse = setiter_traverse,
    .clear = setiter_clear,
    .methods = setiter_methods,
};

static MethodDef set_methods[] = {
    {"add", m_add, 0, "Add an element to a set."},
    {"remove", m_remove, 0, "Remove an element from a set; it must be a member."},
    {"discard", m_discard, 0, "Remove an element from a set if it is a member."},
    {"pop", m_pop, 0, "Remove and return an arbitrary set element."},
    {"clear", m_clear, 0, "Remove all elements from this set."},
    {"copy", m_copy, 0, "Return a shallow copy of a set."},
    {"update", m_update, 0, "Update a set with the union of itself and others."},
    {"union", m_union, 0, "Return the union of sets as a new set."},
    {"intersection", m_intersection, 0, "Return the intersection of two sets as a new set."},
    {"intersection_update", m_intersection_update, 0, NULL},
    {"difference", m_difference, 0, "Return the difference of two or more sets as a new set."},
    {"difference_update", m_difference_update, 0, NULL},
    {"symmetric_difference", m_symmetric_difference, 0, NULL},
    {"symmetric_difference_update", m_symmetric_difference_update, 0, NULL},
    {"issubset", m_issubset, 0, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, 0, "Report whether this set contains another set."},
    {"isdisjoint", m_isdisjoint, 0, "Return True if two sets have a null intersection."},
    {"__contains__", m_contains, 0, NULL},
    {"__sizeof__", m_sizeof, 0, NULL},
    {"__reduce__", m_reduce, 0, NULL},
    {"__class_getitem__", cont_class_getitem, METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static MethodDef frozenset_methods[] = {
    {"copy", m_copy, 0, "Return a shallow copy of a set."},
    {"union", m_union, 0, "Return the union of sets as a new set."},
    {"intersection", m_intersection, 0, "Return the intersection of two sets as a new set."},
    {"difference", m_difference, 0, "Return the difference of two or more sets as a new set."},
    {"symmetric_difference", m_symmetric_difference, 0, NULL},
    {"issubset", m_issubset, 0, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, 0, "Report whether this set contains another set."},
    {"isdisjoint", m_isdisjoint, 0, "Return True if two sets have a null intersection."},
    {"__contains__", m_contains, 0, NULL},
    {"__sizeof__", m_sizeof, 0, NULL},
    {"__reduce__", m_reduce, 0, NULL},
    {"__class_getitem__", cont_class_getitem, METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj Set_Type = {
    TYPE_HEAD_INIT,
    .name = "set",
    .basicsize = sizeof(SetObj),
    .flags = TF_BASETYPE | TF_GC | TF_IMMUTABLETYPE,
    .doc = "set() -> new empty set object",
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = hash_not_implemented,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .new_ = set_new_,
    .init = set_init,
    .nb = { [NB_SUB] = set_sub, [NB_AND] = set_and, [NB_OR] = set_or, [NB_XOR] = set_xor },
    .nb_inplace = { [NB_SUB] = set_isub, [NB_AND] = set_iand, [NB_OR] = set_ior, [NB_XOR] = set_ixor },
    .len = set_len,
    .contains = set_contains_slot,
    .traverse = set_traverse,
    .clear = set_gc_clear,
    .methods = set_methods,
    .weaklistoffset = offsetof(SetObj, weakreflist),
};

TypeObj FrozenSet_Type = {
    TYPE_HEAD_INIT,
    .name = "frozenset",
    .basicsize = sizeof(SetObj),
    .flags = TF_BASETYPE | TF_GC | TF_IMMUTABLETYPE,
    .doc = "frozenset() -> empty frozenset object",
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .new_ = frozenset_new_,
    .nb = { [NB_SUB] = set_sub, [NB_AND] = set_and, [NB_OR] = set_or, [NB_XOR] = set_xor },
    .len = set_len,
    .contains = set_contains_slot,
    .traverse = set_traverse,
    .clear = set_gc_clear,
    .methods = frozenset_methods,
    .weaklistoffset = offsetof(SetObj, weakreflist),
};
