/* containers.h — internal layouts and fast inline accessors of the container
 * types (tuple, list, dict, set, range, slice, iterators, memoryview).
 * Included at the end of the containers section of gilpy.h.
 * OWNER: containers part (objects/tuple.c list.c dict.c set.c range.c ...). */
#ifndef GILPY_CONTAINERS_H
#define GILPY_CONTAINERS_H

/* ---- dict ---------------------------------------------------------------
 * Compact ordered hash table (same scheme as CPython 3.6+): `indices` is an
 * open-addressed array of int32 slots (DKIX_EMPTY / DKIX_DUMMY / index into
 * `entries`); `entries` is a dense array kept in insertion order.  Deleted
 * entries keep key == NULL until the next resize compacts them away.
 * An empty dict has no table at all (mask == 0, indices == NULL). */
typedef struct { hash_t hash; Obj *key; Obj *value; } DictEntry;
typedef struct {
    OBJ_HEAD;
    ssize_t used;          /* live items */
    ssize_t nentries;      /* entries consumed (live + deleted) */
    ssize_t usable;        /* capacity of entries[] */
    size_t mask;           /* number of index slots - 1 (0: no table) */
    int32_t *indices;      /* one allocation: indices then entries */
    DictEntry *entries;
    uint64_t version;      /* changes on every mutation (for VM caches) */
} DictObj;
#define DICT_VERSION(d) (((DictObj *)(d))->version)
extern TypeObj DictKeys_Type, DictValues_Type, DictItems_Type;
extern TypeObj DictIterKey_Type, DictIterValue_Type, DictIterItem_Type;
extern TypeObj DictRevIterKey_Type, DictRevIterValue_Type, DictRevIterItem_Type;
/* Lookup with a precomputed hash: BORROWED value or NULL (error: check err_occurred()). */
Obj *dict_getitem_hash(Obj *d, Obj *key, hash_t hash);
int dict_setitem_hash(Obj *d, Obj *key, hash_t hash, Obj *value);
/* Like dict_next but also gives the stored hash. */
int dict_next_hash(Obj *d, ssize_t *pos, Obj **key, Obj **value, hash_t *hash);
/* dict_getitem that returns a NEW reference and sets KeyError(key) if absent
 * (honours nothing else: no __missing__). */
Obj *dict_getitem_ref(Obj *d, Obj *key);
/* New dict presized for n items. */
Obj *dict_new_presized(ssize_t n);
/* d.setdefault(key, deflt): BORROWED result. */
Obj *dict_setdefault(Obj *d, Obj *key, Obj *deflt);
/* KeyError(key) with the key as the single argument (even when it is a tuple). */
Obj *dict_set_key_error(Obj *key);

/* ---- set ---------------------------------------------------------------- */
#define SET_MINSIZE 8
typedef struct { Obj *key; hash_t hash; } SetEntry;
typedef struct {
    OBJ_HEAD;
    ssize_t fill;          /* active + dummy entries */
    ssize_t used;          /* active entries */
    size_t mask;
    SetEntry *table;       /* smalltable or heap */
    hash_t hash;           /* frozenset hash cache, -1 */
    ssize_t finger;        /* set.pop() search start */
    SetEntry smalltable[SET_MINSIZE];
    Obj *weakreflist;
} SetObj;
extern TypeObj SetIter_Type;
int set_update(Obj *set, Obj *iterable);
Obj *set_clear_obj(Obj *set);

/* ---- range / slice / misc ----------------------------------------------- */
typedef struct { OBJ_HEAD; Obj *start, *stop, *step, *length; } RangeObj;
extern TypeObj RangeIter_Type, LongRangeIter_Type, ListIter_Type, ListRevIter_Type, TupleIter_Type;
extern TypeObj MemoryView_Type;
Obj *memoryview_from_object(Obj *o);

/* Recursion guard for reprs of containers (CPython's Py_ReprEnter):
 * returns 1 if `o` is already being repr'd on this thread (caller prints
 * "[...]"), 0 after registering it (caller must call repr_leave), -1 error. */
int repr_enter(Obj *o);
void repr_leave(Obj *o);

/* Bounded-depth dealloc for nested containers (trashcan.c).  In a dealloc:
 *   if (exact type && trashcan_begin(o)) return;   ... free ...; trashcan_end();
 * (trashcan_end only after a 0 from trashcan_begin). */
int trashcan_begin(Obj *o);
void trashcan_end(void);

/* ---- fast inline accessors for the VM ----------------------------------- */
/* Borrowed item, no bounds check. */
static inline Obj *list_getitem_fast(Obj *l, ssize_t i) { return ((ListObj *)l)->items[i]; }
/* Append stealing `item` (exact list or subclass); -1 on memory error (item released). */
int list_append_steal(Obj *list, Obj *item);

/* Hash with a fast path for exact str and small ints. */
static inline hash_t cont_hash(Obj *k) {
    if (IS_SMALLINT(k)) {
        intptr_t v = SMALLINT_VALUE(k);
        /* |v| < 2**61 - 1: hash is v itself except -1 -> -2 */
        if (v > -(((intptr_t)1 << 61) - 1) && v < (((intptr_t)1 << 61) - 1))
            return v == -1 ? -2 : v;
        return int_hash(k);
    }
    if (k->type == &Str_Type) {
        hash_t h = ((StrObj *)k)->hash;
        return h != -1 ? h : str_hash(k);
    }
    return obj_hash(k);
}

/* Interpret a subscript key as an integer index: 1 = index in *out,
 * 0 = not an integer (slice or other type, nothing set), -1 = error. */
static inline int cont_key_index(Obj *key, ssize_t *out) {
    if (IS_SMALLINT(key)) { *out = SMALLINT_VALUE(key); return 1; }
    if (int_check(key) || TYPE(key)->nb_index) {
        ssize_t v = obj_as_ssize(key, &Exc_IndexError);
        if (v == -1 && err_occurred()) return -1;
        *out = v;
        return 1;
    }
    return 0;
}
#define SLICE_CHECK(o) (!IS_SMALLINT(o) && TYPE(o) == &Slice_Type)

/* True when a binary op on a builtin sequence should return NotImplemented
 * rather than raise, because `other` is a user type that may reflect it. */
static inline bool cont_defer_binop(Obj *other, int op) {
    TypeObj *t = TYPE(other);
    return type_has_flag(t, TF_HEAPTYPE) && t->nb[op] != NULL;
}

/* Shared helpers (tuple.c) */
/* __class_getitem__ for builtin generics: cls[x] -> types.GenericAlias */
Obj *cont_class_getitem(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames);
/* Lexicographic rich comparison of two item arrays. */
Obj *cont_seq_richcompare(Obj *const *a, ssize_t na, Obj *const *b, ssize_t nb, int op);
/* Operands of seq * n (either order): 1 = seq and count set, 0 = NotImplemented, -1 error. */
int cont_repeat_operands(Obj *a, Obj *b, bool (*check)(Obj *), Obj **seq, ssize_t *count);
/* "x.index(x)"-style start/stop argument clamping (slice semantics). */
int cont_index_bounds(Obj *const *args, size_t nargs, ssize_t len, ssize_t *start, ssize_t *stop);

#endif
