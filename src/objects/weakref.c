/* weakref.c — weak references (weakref.ref).
 * A target's weakref list head lives in the slot at TYPE(target)->weaklistoffset
 * (a raw, uncounted pointer to the first WeakRefObj); refs form a doubly
 * linked list.  Basic refs without callback are shared (ref(o) is ref(o)).
 * When the target dies, obj_dealloc / subtype_dealloc call weakref_clear_all:
 * every ref is detached first, then callbacks run with the ref as argument.
 * Immortal targets (static types, None ...) are never linked: they never die.
 * OWNER: TYPES. */
#include "gilpy.h"
#include "objects/typeobj.h"
#include <stdlib.h>

typedef struct WeakRefObj {
    OBJ_HEAD;
    Obj *target;                    /* borrowed; NULL once dead */
    Obj *callback;
    hash_t hash;
    struct WeakRefObj *wr_prev, *wr_next;
} WeakRefObj;

extern TypeObj WeakProxy_Type, WeakCallableProxy_Type;

static WeakRefObj **list_head(Obj *o) {
    ssize_t off = TYPE(o)->weaklistoffset;
    if (!off) return NULL;
    return (WeakRefObj **)((char *)o + off);
}

static void unlink_ref(WeakRefObj *r) {
    if (!r->target) return;
    if (!IS_IMMORTAL(r->target)) {
        WeakRefObj **head = list_head(r->target);
        if (head && *head == r) *head = r->wr_next;
        if (r->wr_prev) r->wr_prev->wr_next = r->wr_next;
        if (r->wr_next) r->wr_next->wr_prev = r->wr_prev;
    }
    r->wr_prev = r->wr_next = NULL;
    r->target = NULL;
}

static Obj *ref_alloc(TypeObj *t, Obj *target, Obj *callback) {
    WeakRefObj **head = list_head(target);
    if (!head || IS_SMALLINT(target))
        return err_format(&Exc_TypeError, "cannot create weak reference to '%s' object", TP_NAME(TYPE(target)));
    if (callback == None) callback = NULL;
    bool immortal = IS_IMMORTAL(target);
    if (!callback && t == &WeakRef_Type && !immortal) {
        WeakRefObj *first = *head;
        if (first && !first->callback && TYPE(OBJ(first)) == &WeakRef_Type) return NEWREF(OBJ(first));
    }
    WeakRefObj *r = (WeakRefObj *)obj_alloc(t, 0);
    if (!r) return NULL;
    r->target = target;
    r->callback = XNEWREF(callback);
    r->hash = -1;
    if (immortal) return OBJ(r);
    /* basic refs go first so they can be shared */
    if (!callback && t == &WeakRef_Type) {
        r->wr_next = *head;
        if (*head) (*head)->wr_prev = r;
        *head = r;
    } else {
        WeakRefObj *p = *head;
        if (!p) *head = r;
        else {
            while (p->wr_next) p = p->wr_next;
            p->wr_next = r;
            r->wr_prev = p;
        }
    }
    return OBJ(r);
}

Obj *weakref_new(Obj *target, Obj *callback) { return ref_alloc(&WeakRef_Type, target, callback); }

void weakref_clear_all(Obj *o) {
    WeakRefObj **head = list_head(o);
    if (!head || !*head) return;
    Obj *small[8];
    Obj **cbs = small;
    ssize_t n = 0, cap = 8;
    while (*head) {
        WeakRefObj *r = *head;
        unlink_ref(r);
        if (r->callback && REFCNT(OBJ(r)) > 0) {
            if (n == cap) {
                Obj **nc = malloc(sizeof(Obj *) * (size_t)cap * 2);
                if (!nc) { continue; }
                memcpy(nc, cbs, sizeof(Obj *) * (size_t)n);
                if (cbs != small) free(cbs);
                cbs = nc;
                cap *= 2;
            }
            INCREF(r);
            cbs[n++] = OBJ(r);
        }
    }
    if (n) {
        Obj *saved = err_fetch();
        for (ssize_t i = 0; i < n; i++) {
            WeakRefObj *r = (WeakRefObj *)cbs[i];
            Obj *cb = r->callback;
            r->callback = NULL;
            if (cb) {
                Obj *res = obj_call1(cb, OBJ(r));
                if (!res) err_write_unraisable(cb);
                else DECREF(res);
                DECREF(cb);
            }
            DECREF(r);
        }
        err_restore(saved);
    }
    if (cbs != small) free(cbs);
}

static void ref_dealloc(Obj *o) {
    WeakRefObj *r = (WeakRefObj *)o;
    unlink_ref(r);
    CLEAR(r->callback);
    obj_free(o);
}
static void ref_traverse(Obj *o, visitproc_ visit, void *arg) {
    WeakRefObj *r = (WeakRefObj *)o;
    if (r->callback) visit(r->callback, arg);
}
static int ref_clear(Obj *o) {
    WeakRefObj *r = (WeakRefObj *)o;
    unlink_ref(r);
    CLEAR(r->callback);
    return 0;
}
static Obj *ref_call(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("weakref", kw) < 0) return NULL;
    if (args_count("weakref", nargs, 0, 0) < 0) return NULL;
    Obj *t = ((WeakRefObj *)self)->target;
    return NEWREF(t ? t : None);
}
static hash_t ref_hash(Obj *self) {
    WeakRefObj *r = (WeakRefObj *)self;
    if (r->hash != -1) return r->hash;
    if (!r->target) {
        err_set_str(&Exc_TypeError, "weak object has gone away");
        return -1;
    }
    Obj *t = r->target;
    INCREF(t);
    r->hash = obj_hash(t);
    DECREF(t);
    return r->hash;
}
static Obj *ref_richcompare(Obj *a, Obj *b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || IS_SMALLINT(b) || !type_is_subtype(TYPE(b), &WeakRef_Type)) RETURN_NOTIMPL;
    WeakRefObj *x = (WeakRefObj *)a, *y = (WeakRefObj *)b;
    if (!x->target || !y->target) {
        bool eq = a == b;
        RETURN_BOOL(op == CMP_EQ ? eq : !eq);
    }
    Obj *tx = x->target, *ty = y->target;
    INCREF(tx); INCREF(ty);
    Obj *r = obj_richcompare(tx, ty, op);
    DECREF(tx); DECREF(ty);
    return r;
}
static Obj *ref_repr(Obj *self) {
    WeakRefObj *r = (WeakRefObj *)self;
    if (!r->target) return str_from_format("<weakref at %p; dead>", (void *)self);
    Obj *t = r->target;
    INCREF(t);
    Obj *name;
    int k = obj_lookup_attr(t, ID(__name__), &name);
    Obj *res;
    if (k < 0) { DECREF(t); return NULL; }
    if (k > 0 && str_check(name))
        res = str_from_format("<weakref at %p; to '%s' at %p (%U)>", (void *)self, TP_NAME(TYPE(t)), (void *)t, name);
    else
        res = str_from_format("<weakref at %p; to '%s' at %p>", (void *)self, TP_NAME(TYPE(t)), (void *)t);
    XDECREF(name);
    DECREF(t);
    return res;
}
static Obj *ref_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) {
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) return err_format(&Exc_TypeError, "__new__ expected at least 1 argument, got %zu", nargs);
        return err_format(&Exc_TypeError, "__new__ expected at most 2 arguments, got %zu", nargs);
    }
    if (t == &WeakRef_Type && args_no_kw("ref", kw) < 0) return NULL;
    return ref_alloc(t, args[0], nargs > 1 ? args[1] : NULL);
}
static int ref_init(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { return 0; }
static Obj *ref_get_callback(Obj *o, void *c) {
    Obj *cb = ((WeakRefObj *)o)->callback;
    return NEWREF(cb ? cb : None);
}
static Obj *ref_class_getitem(Obj *cls, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_count("__class_getitem__", nargs, 1, 1) < 0) return NULL;
    return generic_alias_new(cls, args[0]);
}
static GetSetDef ref_getset[] = {
    {"__callback__", ref_get_callback, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};
static MethodDef ref_methods[] = {
    {"__class_getitem__", ref_class_getitem, METH_CLASS, NULL},
    {NULL, NULL, 0, NULL}
};
TypeObj WeakRef_Type = {
    TYPE_HEAD_INIT, .name = "weakref.ReferenceType", .basicsize = sizeof(WeakRefObj),
    .flags = TF_GC | TF_BASETYPE, .dealloc = ref_dealloc, .repr = ref_repr, .call = ref_call,
    .hash = ref_hash, .richcompare = ref_richcompare, .new_ = ref_new, .init = ref_init,
    .traverse = ref_traverse, .clear = ref_clear, .getset = ref_getset, .methods = ref_methods,
};

/* helpers for the _weakref module */
ssize_t weakref_count(Obj *o);
Obj *weakref_list(Obj *o);
ssize_t weakref_count(Obj *o) {
    if (IS_SMALLINT(o)) return 0;
    WeakRefObj **head = list_head(o);
    if (!head || IS_IMMORTAL(o)) return 0;
    ssize_t n = 0;
    for (WeakRefObj *r = *head; r; r = r->wr_next) n++;
    return n;
}
Obj *weakref_list(Obj *o) {
    Obj *l = list_new(0);
    if (!l || IS_SMALLINT(o) || IS_IMMORTAL(o)) return l;
    WeakRefObj **head = list_head(o);
    for (WeakRefObj *r = head ? *head : NULL; r; r = r->wr_next)
        if (list_append(l, OBJ(r)) < 0) { DECREF(l); return NULL; }
    return l;
}

/* ---- weakref.proxy ------------------------------------------------------
 * Same layout as a ref (so the target's list clears it); every operation
 * forwards to the live target or raises ReferenceError. */
static Obj *proxy_target(Obj *p) {
    Obj *t = ((WeakRefObj *)p)->target;
    if (!t) return err_set_str(&Exc_ReferenceError, "weakly-referenced object no longer exists");
    return NEWREF(t);
}
static Obj *unwrap(Obj *o, bool *err) {
    if (!IS_SMALLINT(o) && (TYPE(o) == &WeakProxy_Type || TYPE(o) == &WeakCallableProxy_Type)) {
        Obj *t = proxy_target(o);
        if (!t) *err = true;
        return t;
    }
    return NEWREF(o);
}
#define PROXY_UNARY(fn, call) \
    static Obj *fn(Obj *p) { Obj *t = proxy_target(p); if (!t) return NULL; Obj *r = call(t); DECREF(t); return r; }
PROXY_UNARY(proxy_str, obj_str)
PROXY_UNARY(proxy_iter, obj_iter)
PROXY_UNARY(proxy_neg, obj_neg)
PROXY_UNARY(proxy_pos, obj_pos)
PROXY_UNARY(proxy_abs, obj_abs)
PROXY_UNARY(proxy_invert, obj_invert)
PROXY_UNARY(proxy_index, obj_index)
PROXY_UNARY(proxy_int, obj_to_int)
PROXY_UNARY(proxy_float, obj_to_float)
static Obj *proxy_iternext(Obj *p) {
    Obj *t = proxy_target(p);
    if (!t) return NULL;
    Obj *r = obj_iternext(t);
    DECREF(t);
    return r;
}
static Obj *proxy_getattr(Obj *p, Obj *name) {
    Obj *t = proxy_target(p);
    if (!t) return NULL;
    Obj *r = obj_getattr(t, name);
    DECREF(t);
    return r;
}
static int proxy_setattr(Obj *p, Obj *name, Obj *v) {
    Obj *t = proxy_target(p);
    if (!t) return -1;
    int r = obj_setattr(t, name, v);
    DECREF(t);
    return r;
}
static Obj *proxy_repr(Obj *p) {
    Obj *t = ((WeakRefObj *)p)->target;
    if (!t) return str_from_format("<weakproxy at %p; dead>", (void *)p);
    return str_from_format("<weakproxy at %p; to '%s' at %p>", (void *)p, TP_NAME(TYPE(t)), (void *)t);
}
static Obj *proxy_richcompare(Obj *a, Obj *b, int op) {
    bool err = false;
    Obj *x = unwrap(a, &err), *y = err ? NULL : unwrap(b, &err);
    Obj *r = err ? NULL : obj_richcompare(x, y, op);
    XDECREF(x); XDECREF(y);
    return r;
}
static int proxy_bool(Obj *p) {
    Obj *t = proxy_target(p);
    if (!t) return -1;
    int r = obj_is_true(t);
    DECREF(t);
    return r;
}
static ssize_t proxy_len(Obj *p) {
    Obj *t = proxy_target(p);
    if (!t) return -1;
    ssize_t r = obj_len(t);
    DECREF(t);
    return r;
}
static Obj *proxy_getitem(Obj *p, Obj *k) {
    Obj *t = proxy_target(p);
    if (!t) return NULL;
    Obj *r = obj_getitem(t, k);
    DECREF(t);
    return r;
}
static int proxy_setitem(Obj *p, Obj *k, Obj *v) {
    Obj *t = proxy_target(p);
    if (!t) return -1;
    int r = obj_setitem(t, k, v);
    DECREF(t);
    return r;
}
static int proxy_contains(Obj *p, Obj *k) {
    Obj *t = proxy_target(p);
    if (!t) return -1;
    int r = obj_contains(t, k);
    DECREF(t);
    return r;
}
static Obj *proxy_call(Obj *p, Obj *const *args, size_t nargs, Obj *kw) {
    Obj *t = proxy_target(p);
    if (!t) return NULL;
    Obj *r = obj_call(t, args, nargs, kw);
    DECREF(t);
    return r;
}
static Obj *proxy_binop(Obj *a, Obj *b, int op) {
    bool err = false;
    Obj *x = unwrap(a, &err), *y = err ? NULL : unwrap(b, &err);
    Obj *r = err ? NULL : obj_binop(x, y, op);
    XDECREF(x); XDECREF(y);
    return r;
}
#define X(n, s, d) static Obj *proxy_nb_##d(Obj *a, Obj *b) { return proxy_binop(a, b, NB_##n); }
NB_OPS(X)
#undef X
static Obj *proxy_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kw) {
    return err_format(&Exc_TypeError, "cannot create '%s' instances", t->name);
}
static Obj *proxy_bytes(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    Obj *t = proxy_target(self);
    if (!t) return NULL;
    Obj *r = bytes_from_obj(t);
    DECREF(t);
    return r;
}
static MethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes, 0, NULL},
    {NULL, NULL, 0, NULL}
};
#define PROXY_TYPE(C, NAME, CALL) \
    TypeObj C = { \
        TYPE_HEAD_INIT, .name = NAME, .basicsize = sizeof(WeakRefObj), \
        .flags = TF_GC, .dealloc = ref_dealloc, .repr = proxy_repr, .str = proxy_str, \
        .getattr = proxy_getattr, .setattr = proxy_setattr, .hash = hash_not_implemented, \
        .richcompare = proxy_richcompare, .call = CALL, .iter = proxy_iter, .iternext = proxy_iternext, \
        .new_ = proxy_new, \
        .nb = { proxy_nb_add, proxy_nb_sub, proxy_nb_mul, proxy_nb_matmul, proxy_nb_truediv, \
                proxy_nb_floordiv, proxy_nb_mod, proxy_nb_pow, proxy_nb_lshift, proxy_nb_rshift, \
                proxy_nb_and, proxy_nb_or, proxy_nb_xor }, \
        .nb_neg = proxy_neg, .nb_pos = proxy_pos, .nb_abs = proxy_abs, .nb_invert = proxy_invert, \
        .nb_bool = proxy_bool, .nb_int = proxy_int, .nb_float = proxy_float, .nb_index = proxy_index, \
        .len = proxy_len, .getitem = proxy_getitem, .setitem = proxy_setitem, .contains = proxy_contains, \
        .traverse = ref_traverse, .clear = ref_clear, .methods = proxy_methods, \
    };
PROXY_TYPE(WeakProxy_Type, "weakref.ProxyType", NULL)
PROXY_TYPE(WeakCallableProxy_Type, "weakref.CallableProxyType", proxy_call)

Obj *weakref_proxy_new(Obj *target, Obj *callback);
Obj *weakref_proxy_new(Obj *target, Obj *callback) {
    return ref_alloc(obj_callable(target) ? &WeakCallableProxy_Type : &WeakProxy_Type, target, callback);
}
