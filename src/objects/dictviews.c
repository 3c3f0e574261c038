/* dictviews.c — dict iterators (forward and reverse, keys/values/items) and
 * the view objects dict_keys / dict_values / dict_items with their set
 * operations.  An iterator remembers the dict's size at creation: a size
 * change raises "dictionary changed size during iteration" (sticky). */
#include "gilpy.h"

/* ---- iterators ----------------------------------------------------------- */
typedef struct {
    OBJ_HEAD;
    Obj *dict;          /* NULL when exhausted */
    ssize_t used;       /* dict size at creation (-1: sticky error) */
    ssize_t pos;        /* next entry index (reverse: current index) */
    ssize_t len;        /* items left */
    Obj *result;        /* reusable 2-tuple for items iterators */
} DictIterObj;

Obj *dictiter_new(Obj *d, TypeObj *type) {
    DictIterObj *it = (DictIterObj *)obj_alloc(type, 0);
    if (!it) return NULL;
    DictObj *dd = (DictObj *)d;
    it->dict = NEWREF(d);
    it->used = dd->used;
    it->len = dd->used;
    bool rev = type == &DictRevIterKey_Type || type == &DictRevIterValue_Type || type == &DictRevIterItem_Type;
    it->pos = rev ? dd->nentries - 1 : 0;
    return OBJ(it);
}

static void dictiter_dealloc(Obj *o) {
    if (gc_is_tracked(o)) gc_untrack(o);
    DictIterObj *it = (DictIterObj *)o;
    XDECREF(it->dict);
    XDECREF(it->result);
    obj_free(o);
}

static void dictiter_traverse(Obj *o, visitproc_ visit, void *arg) {
    DictIterObj *it = (DictIterObj *)o;
    if (it->dict) visit(it->dict, arg);
    if (it->result) visit(it->result, arg);
}

static int dictiter_clear(Obj *o) {
    DictIterObj *it = (DictIterObj *)o;
    CLEAR(it->dict);
    CLEAR(it->result);
    return 0;
}

/* Find the next entry; returns it or NULL (exhausted or error set). */
static DictEntry *iter_advance(DictIterObj *it, bool reverse) {
    DictObj *d = (DictObj *)it->dict;
    if (!d) return NULL;
    if (it->used != d->used) {
        err_set_str(&Exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;
        return NULL;
    }
    ssize_t i = it->pos;
    DictEntry *e = NULL;
    if (!reverse) {
        while (i < d->nentries && !d->entries[i].key) i++;
        if (i < d->nentries) e = &d->entries[i];
        it->pos = i + 1;
    } else {
        if (i >= d->nentries) i = d->nentries - 1;
        while (i >= 0 && !d->entries[i].key) i--;
        if (i >= 0) e = &d->entries[i];
        it->pos = i - 1;
    }
    if (!e) {
        it->len = 0;
        CLEAR(it->dict);
        return NULL;
    }
    if (it->len == 0) {
        err_set_str(&Exc_RuntimeError, "dictionary keys changed during iteration");
        it->len = -1;
        CLEAR(it->dict);
        return NULL;
    }
    it->len--;
    return e;
}

static Obj *make_pair(DictIterObj *it, Obj *k, Obj *v) {
    Obj *r = it->result;
    if (r && REFCNT(r) == 1) {
        Obj *ok = TUPLE_ITEMS(r)[0], *ov = TUPLE_ITEMS(r)[1];
        TUPLE_ITEMS(r)[0] = NEWREF(k);
        TUPLE_ITEMS(r)[1] = NEWREF(v);
        INCREF(r);
        DECREF(ok);
        DECREF(ov);
        return r;
    }
    r = tuple_pack(2, k, v);
    if (!r) return NULL;
    if (!it->result) it->result = NEWREF(r);
    return r;
}

static Obj *next_key(Obj *o) {
    DictEntry *e = iter_advance((DictIterObj *)o, false);
    return e ? NEWREF(e->key) : NULL;
}
static Obj *next_value(Obj *o) {
    DictEntry *e = iter_advance((DictIterObj *)o, false);
    return e ? NEWREF(e->value) : NULL;
}
static Obj *next_item(Obj *o) {
    DictEntry *e = iter_advance((DictIterObj *)o, false);
    return e ? make_pair((DictIterObj *)o, e->key, e->value) : NULL;
}
static Obj *rnext_key(Obj *o) {
    DictEntry *e = iter_advance((DictIterObj *)o, true);
    return e ? NEWREF(e->key) : NULL;
}
static Obj *rnext_value(Obj *o) {
    DictEntry *e = iter_advance((DictIterObj *)o, true);
    return e ? NEWREF(e->value) : NULL;
}
static Obj *rnext_item(Obj *o) {
    DictEntry *e = iter_advance((DictIterObj *)o, true);
    return e ? make_pair((DictIterObj *)o, e->key, e->value) : NULL;
}

static Obj *dictiter_length_hint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    DictIterObj *it = (DictIterObj *)self;
    ssize_t n = 0;
    if (it->dict && it->used == ((DictObj *)it->dict)->used) n = it->len;
    return int_from_ssize(n < 0 ? 0 : n);
}

static Obj *iter_self(Obj *o) { return NEWREF(o); }

static MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICTITER_TYPE(cname, pyname, nextfn) \
    TypeObj cname = { \
        TYPE_HEAD_INIT, \
        .name = pyname, \
        .basicsize = sizeof(DictIterObj), \
        .flags = TF_GC, \
        .dealloc = dictiter_dealloc, \
        .iter = iter_self, \
        .iternext = nextfn, \
        .traverse = dictiter_traverse, \
        .clear = dictiter_clear, \
        .methods = dictiter_methods, \
    };
DICTITER_TYPE(DictIterKey_Type, "dict_keyiterator", next_key)
DICTITER_TYPE(DictIterValue_Type, "dict_valueiterator", next_value)
DICTITER_TYPE(DictIterItem_Type, "dict_itemiterator", next_item)
DICTITER_TYPE(DictRevIterKey_Type, "dict_reversekeyiterator", rnext_key)
DICTITER_TYPE(DictRevIterValue_Type, "dict_reversevalueiterator", rnext_value)
DICTITER_TYPE(DictRevIterItem_Type, "dict_reverseitemiterator", rnext_item)

/* ---- views ------------------------------------------------------------------- */
typedef struct { OBJ_HEAD; Obj *dict; } DictViewObj;
#define VIEW_DICT(o) (((DictViewObj *)(o))->dict)

Obj *dictview_new(Obj *d, TypeObj *type) {
    DictViewObj *v = (DictViewObj *)obj_alloc(type, 0);
    if (!v) return NULL;
    v->dict = NEWREF(d);
    return OBJ(v);
}

static bool is_setview(Obj *o) {
    TypeObj *t = TYPE(o);
    return t == &DictKeys_Type || t == &DictItems_Type;
}

static void view_dealloc(Obj *o) {
    if (gc_is_tracked(o)) gc_untrack(o);
    XDECREF(VIEW_DICT(o));
    obj_free(o);
}
static void view_traverse(Obj *o, visitproc_ visit, void *arg) {
    if (VIEW_DICT(o)) visit(VIEW_DICT(o), arg);
}
static int view_clear(Obj *o) { CLEAR(VIEW_DICT(o)); return 0; }

static ssize_t view_len(Obj *o) { return ((DictObj *)VIEW_DICT(o))->used; }

static Obj *keys_iter(Obj *o) { return dictiter_new(VIEW_DICT(o), &DictIterKey_Type); }
static Obj *values_iter(Obj *o) { return dictiter_new(VIEW_DICT(o), &DictIterValue_Type); }
static Obj *items_iter(Obj *o) { return dictiter_new(VIEW_DICT(o), &DictIterItem_Type); }

static Obj *keys_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    return dictiter_new(VIEW_DICT(self), &DictRevIterKey_Type);
}
static Obj *values_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    return dictiter_new(VIEW_DICT(self), &DictRevIterValue_Type);
}
static Obj *items_reversed(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    return dictiter_new(VIEW_DICT(self), &DictRevIterItem_Type);
}

static int keys_contains(Obj *o, Obj *key) { return dict_contains(VIEW_DICT(o), key); }

static int items_contains(Obj *o, Obj *item) {
    if (!tuple_check(item) || TUPLE_SIZE(item) != 2) return 0;
    Obj *k = TUPLE_ITEMS(item)[0], *v = TUPLE_ITEMS(item)[1];
    Obj *found = dict_getitem(VIEW_DICT(o), k);
    if (!found) return err_occurred() ? -1 : 0;
    INCREF(found);
    int r = obj_richcompare_bool(found, v, CMP_EQ);
    DECREF(found);
    return r;
}

static int values_contains(Obj *o, Obj *x) {
    DictObj *d = (DictObj *)VIEW_DICT(o);
    for (ssize_t i = 0; i < d->nentries; i++) {
        if (!d->entries[i].key) continue;
        Obj *v = NEWREF(d->entries[i].value);
        int r = obj_richcompare_bool(v, x, CMP_EQ);
        DECREF(v);
        if (r) return r;
    }
    return 0;
}

static Obj *view_repr(Obj *o) {
    int r = repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return str_from_cstr("...");
    Obj *l = seq_list(o);
    Obj *res = NULL;
    if (l) {
        res = str_from_format("%s(%R)", TYPE(o)->name, l);
        DECREF(l);
    }
    repr_leave(o);
    return res;
}

/* all items of a are in b */
static int all_contained_in(Obj *a, Obj *b) {
    Obj *it = obj_iter(a);
    if (!it) return -1;
    int ok = 1;
    for (;;) {
        Obj *x = obj_iternext(it);
        if (!x) { if (err_occurred()) ok = -1; break; }
        int c = obj_contains(b, x);
        DECREF(x);
        if (c <= 0) { ok = c; break; }
    }
    DECREF(it);
    return ok;
}

static Obj *view_richcompare(Obj *a, Obj *b, int op) {
    if (!is_setview(a) || !(anyset_check(b) || is_setview(b))) RETURN_NOTIMPL;
    ssize_t la = obj_len(a), lb = obj_len(b);
    if (la < 0 || lb < 0) return NULL;
    int ok = 0;
    switch (op) {
    case CMP_EQ: case CMP_NE:
        ok = la == lb ? all_contained_in(a, b) : 0;
        if (ok >= 0 && op == CMP_NE) ok = !ok;
        break;
    case CMP_LT: ok = la < lb ? all_contained_in(a, b) : 0; break;
    case CMP_LE: ok = la <= lb ? all_contained_in(a, b) : 0; break;
    case CMP_GT: ok = la > lb ? all_contained_in(b, a) : 0; break;
    case CMP_GE: ok = la >= lb ? all_contained_in(b, a) : 0; break;
    }
    if (ok < 0) return NULL;
    RETURN_BOOL(ok);
}

/* set(self) for a view: keys views build from the dict itself. */
static Obj *view_to_set(Obj *v) {
    if (TYPE(v) == &DictKeys_Type) return set_new(VIEW_DICT(v));
    return set_new(v);
}

static Obj *call_set_method(Obj *set, const char *name, Obj *arg) {
    Obj *r = obj_call_method(set, name, &arg, 1);
    if (!r) return NULL;
    DECREF(r);
    return set;
}

static Obj *view_sub(Obj *a, Obj *b) {
    if (!is_setview(a)) {
        /* other - view */
        if (!is_setview(b)) RETURN_NOTIMPL;
        Obj *s = set_new(a);
        if (!s) return NULL;
        if (!call_set_method(s, "difference_update", b)) { DECREF(s); return NULL; }
        return s;
    }
    Obj *s = view_to_set(a);
    if (!s) return NULL;
    if (!call_set_method(s, "difference_update", b)) { DECREF(s); return NULL; }
    return s;
}

static Obj *view_or(Obj *a, Obj *b) {
    if (!is_setview(a)) { Obj *t = a; a = b; b = t; }
    if (!is_setview(a)) RETURN_NOTIMPL;
    Obj *s = view_to_set(a);
    if (!s) return NULL;
    if (set_update(s, b) < 0) { DECREF(s); return NULL; }
    return s;
}

static Obj *view_xor(Obj *a, Obj *b) {
    if (!is_setview(a)) { Obj *t = a; a = b; b = t; }
    if (!is_setview(a)) RETURN_NOTIMPL;
    Obj *s = view_to_set(a);
    if (!s) return NULL;
    if (!call_set_method(s, "symmetric_difference_update", b)) { DECREF(s); return NULL; }
    return s;
}

static Obj *view_and(Obj *a, Obj *b) {
    if (!is_setview(a)) { Obj *t = a; a = b; b = t; }
    if (!is_setview(a)) RETURN_NOTIMPL;
    ssize_t la = obj_len(a);
    if (la < 0) return NULL;
    if (!IS_SMALLINT(b) && TYPE(b) == &Set_Type && la <= set_size(b)) {
        return obj_call_method(b, "intersection", &a, 1);
    }
    if (is_setview(b)) {
        ssize_t lb = obj_len(b);
        if (lb > la) { Obj *t = a; a = b; b = t; }
    }
    Obj *res = set_new(NULL);
    if (!res) return NULL;
    Obj *it = obj_iter(b);
    if (!it) { DECREF(res); return NULL; }
    bool keys = TYPE(a) == &DictKeys_Type;
    for (;;) {
        Obj *x = obj_iternext(it);
        if (!x) break;
        int c = keys ? dict_contains(VIEW_DICT(a), x) : items_contains(a, x);
        if (c > 0) c = set_add(res, x) < 0 ? -1 : 1;
        DECREF(x);
        if (c < 0) { DECREF(it); DECREF(res); return NULL; }
    }
    DECREF(it);
    if (err_occurred()) { DECREF(res); return NULL; }
    return res;
}

static Obj *view_isdisjoint(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
    if (nargs != 1) return err_format(&Exc_TypeError, "isdisjoint() takes exactly one argument (%zd given)", (ssize_t)nargs);
    Obj *other = args[0];
    Obj *it = obj_iter(other);
    if (!it) return NULL;
    for (;;) {
        Obj *x = obj_iternext(it);
        if (!x) break;
        int c = obj_contains(self, x);
        DECREF(x);
        if (c != 0) {
            DECREF(it);
            if (c < 0) return NULL;
            return False_;
        }
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    return True_;
}

static Obj *view_mapping(Obj *self, void *closure) {
    /* no mappingproxy type here: expose the dict itself (read access) */
    return NEWREF(VIEW_DICT(self));
}

static GetSetDef view_getset[] = {
    {"mapping", view_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static MethodDef keys_methods[] = {
    {"isdisjoint", view_isdisjoint, 0, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", keys_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};
static MethodDef items_methods[] = {
    {"isdisjoint", view_isdisjoint, 0, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", items_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};
static MethodDef values_methods[] = {
    {"__reversed__", values_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj DictKeys_Type = {
    TYPE_HEAD_INIT,
    .name = "dict_keys",
    .basicsize = sizeof(DictViewObj),
    .flags = TF_GC,
    .dealloc = view_dealloc,
    .repr = view_repr,
    .hash = hash_not_implemented,
    .richcompare = view_richcompare,
    .iter = keys_iter,
    .nb = { [NB_SUB] = view_sub, [NB_AND] = view_and, [NB_OR] = view_or, [NB_XOR] = view_xor },
    .len = view_len,
    .contains = keys_contains,
    .traverse = view_traverse,
    .clear = view_clear,
    .methods = keys_methods,
    .getset = view_getset,
};

TypeObj DictItems_Type = {
    TYPE_HEAD_INIT,
    .name = "dict_items",
    .basicsize = sizeof(DictViewObj),
    .flags = TF_GC,
    .dealloc = view_dealloc,
    .repr = view_repr,
    .hash = hash_not_implemented,
    .richcompare = view_richcompare,
    .iter = items_iter,
    .nb = { [NB_SUB] = view_sub, [NB_AND] = view_and, [NB_OR] = view_or, [NB_XOR] = view_xor },
    .len = view_len,
    .contains = items_contains,
    .traverse = view_traverse,
    .clear = view_clear,
    .methods = items_methods,
    .getset = view_getset,
};

TypeObj DictValues_Type = {
    TYPE_HEAD_INIT,
    .name = "dict_values",
    .basicsize = sizeof(DictViewObj),
    .flags = TF_GC,
    .dealloc = view_dealloc,
    .repr = view_repr,
    .iter = values_iter,
    .len = view_len,
    .contains = values_contains,
    .traverse = view_traverse,
    .clear = view_clear,
    .methods = values_methods,
    .getset = view_getset,
};
