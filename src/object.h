/* object.h — the one header that owns the object layout and reference counts.
 *
 * Every Python value is an `Obj *`.  Two representations share that word:
 *   - a tagged small int: low bit 1, value in the upper bits (no allocation,
 *     no refcount).  Range SMALLINT_MIN..SMALLINT_MAX (62-bit signed).
 *   - a pointer to a heap object whose first member is `Obj` (refcount + type).
 * Never read `o->type` directly: use TYPE(o), which knows about tagging.
 *
 * Reference counts are touched only through the macros below.  That is what
 * lets a free-threaded build later swap in atomic/biased counting here alone.
 * Immortal objects (None, True, False, Ellipsis, NotImplemented, static type
 * objects, interned identifiers) carry a refcount >= IMMORTAL_REFCNT and are
 * never counted or freed.
 *
 * Ownership convention (as in CPython): functions returning `Obj *` return a
 * NEW reference unless documented "borrowed"; NULL means an exception is set
 * on the current thread.  Arguments are borrowed unless documented "steals".
 */
#ifndef GILPY_OBJECT_H
#define GILPY_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>

typedef struct Obj Obj;
typedef struct TypeObj TypeObj;
typedef intptr_t hash_t;          /* Python hash values; -1 means error */

struct Obj {
    intptr_t refcnt;
    TypeObj *type;
};
/* First member of every object struct. */
#define OBJ_HEAD Obj ob_base

/* A variable-size object (tuple, str, int internals ...) also keeps a size. */
typedef struct {
    OBJ_HEAD;
    ssize_t size;
} VarObj;
#define OBJ_VAR_HEAD VarObj ob_base

/* ---- tagged small ints ------------------------------------------------- */
#define SMALLINT_MAX  ((intptr_t)(((uintptr_t)1 << 61) - 1))
#define SMALLINT_MIN  (-SMALLINT_MAX - 1)
#define IS_SMALLINT(o)      (((uintptr_t)(o)) & 1u)
#define SMALLINT_VALUE(o)   (((intptr_t)(o)) >> 1)
#define SMALLINT_FITS(v)    ((v) >= SMALLINT_MIN && (v) <= SMALLINT_MAX)
/* v must satisfy SMALLINT_FITS. */
#define MAKE_SMALLINT(v)    ((Obj *)((((uintptr_t)(intptr_t)(v)) << 1) | 1u))

extern TypeObj Int_Type;
static inline TypeObj *TYPE(const Obj *o) {
    return IS_SMALLINT(o) ? &Int_Type : o->type;
}
#define OBJ(p) ((Obj *)(p))

/* ---- reference counts -------------------------------------------------- */
#define IMMORTAL_REFCNT ((intptr_t)1 << 60)
#define IS_IMMORTAL(o) (IS_SMALLINT(o) || (o)->refcnt >= IMMORTAL_REFCNT)

void obj_dealloc(Obj *o);   /* core/object.c: calls TYPE(o)->dealloc */

static inline void INCREF_(Obj *o) {
    if (!IS_SMALLINT(o) && o->refcnt < IMMORTAL_REFCNT) o->refcnt++;
}
static inline void DECREF_(Obj *o) {
    if (!IS_SMALLINT(o) && o->refcnt < IMMORTAL_REFCNT && --o->refcnt == 0)
        obj_dealloc(o);
}
#define INCREF(o)  INCREF_(OBJ(o))
#define DECREF(o)  DECREF_(OBJ(o))
#define XINCREF(o) do { Obj *x_ = OBJ(o); if (x_) INCREF_(x_); } while (0)
#define XDECREF(o) do { Obj *x_ = OBJ(o); if (x_) DECREF_(x_); } while (0)
/* Replace *dst (an Obj* lvalue) with a new reference src, dropping the old. */
#define SETREF(dst, src) do { Obj *old_ = OBJ(dst); (dst) = (src); DECREF_(old_); } while (0)
#define XSETREF(dst, src) do { Obj *old_ = OBJ(dst); (dst) = (src); if (old_) DECREF_(old_); } while (0)
#define CLEAR(p) do { Obj *old_ = OBJ(p); if (old_) { (p) = NULL; DECREF_(old_); } } while (0)
static inline Obj *NEWREF(Obj *o) { INCREF_(o); return o; }
static inline Obj *XNEWREF(Obj *o) { if (o) INCREF_(o); return o; }
#define REFCNT(o) (IS_SMALLINT(o) ? IMMORTAL_REFCNT : OBJ(o)->refcnt)

/* ---- singletons (immortal, defined in core/object.c) ------------------- */
extern Obj NoneStruct, NotImplementedStruct, EllipsisStruct;
extern Obj TrueStruct_, FalseStruct_;   /* instances of Bool_Type; value = (o == True_) */
#define None            (&NoneStruct)
#define NotImplemented  (&NotImplementedStruct)
#define Ellipsis        (&EllipsisStruct)
#define True_           (OBJ(&TrueStruct_))
#define False_          (OBJ(&FalseStruct_))
#define BOOL(c)         ((c) ? True_ : False_)
#define RETURN_NONE     return None   /* None is immortal: no INCREF needed */
#define RETURN_BOOL(c)  return BOOL(c)
#define RETURN_NOTIMPL  return NotImplemented

/* ---- slot signatures --------------------------------------------------- */
/* Calls are "vectorcall" shaped: positional args first, then the values of the
 * keyword arguments whose names are in the tuple `kwnames` (NULL if none).
 * nargs counts positional args only. */
typedef Obj *(*callfunc)(Obj *callable, Obj *const *args, size_t nargs, Obj *kwnames);
typedef Obj *(*unaryfunc)(Obj *);
typedef Obj *(*binaryfunc)(Obj *, Obj *);
typedef Obj *(*ternaryfunc)(Obj *, Obj *, Obj *);
typedef Obj *(*getattrfunc)(Obj *self, Obj *name);               /* name is a str */
typedef int (*setattrfunc)(Obj *self, Obj *name, Obj *value);    /* value NULL = delete */
typedef hash_t (*hashfunc)(Obj *);
typedef Obj *(*richcmpfunc)(Obj *a, Obj *b, int op);             /* op: CMP_LT... */
typedef ssize_t (*lenfunc)(Obj *);
typedef int (*inquiry)(Obj *);                                   /* -1 error */
typedef int (*objobjproc)(Obj *, Obj *);                         /* contains: 1/0/-1 */
typedef int (*objobjargproc)(Obj *, Obj *, Obj *);               /* setitem; value NULL = delete */
typedef Obj *(*descrgetfunc)(Obj *descr, Obj *obj, Obj *type);   /* obj may be NULL */
typedef int (*descrsetfunc)(Obj *descr, Obj *obj, Obj *value);   /* value NULL = delete */
typedef Obj *(*newfunc)(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames);
typedef int (*initfunc)(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
typedef void (*destructor)(Obj *);
typedef void (*visitproc_)(Obj *child, void *arg);
typedef void (*traverseproc)(Obj *self, visitproc_ visit, void *arg);

/* Rich comparison ops (same numbering as CPython). */
enum { CMP_LT = 0, CMP_LE = 1, CMP_EQ = 2, CMP_NE = 3, CMP_GT = 4, CMP_GE = 5 };

/* Binary operators: index into TypeObj.nb[].  The VM's BINARY_OP oparg is one
 * of these; the in-place forms are NB_INPLACE_BASE + the plain op. */
#define NB_OPS(X) \
    X(ADD, "+", add)  X(SUB, "-", sub)  X(MUL, "*", mul)  X(MATMUL, "@", matmul) \
    X(TRUEDIV, "/", truediv) X(FLOORDIV, "//", floordiv) X(MOD, "%", mod) \
    X(POW, "**", pow) X(LSHIFT, "<<", lshift) X(RSHIFT, ">>", rshift) \
    X(AND, "&", and) X(OR, "|", or) X(XOR, "^", xor)
enum {
#define X(n, s, d) NB_##n,
    NB_OPS(X)
#undef X
    NB_COUNT,
    NB_INPLACE_BASE = NB_COUNT
};

/* C methods exposed to Python. */
typedef Obj *(*cmethod)(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
typedef struct {
    const char *name;
    cmethod meth;
    int flags;          /* METH_STATIC / METH_CLASS; 0 = ordinary instance method */
    const char *doc;
} MethodDef;
#define METH_CLASS   1   /* self is the type */
#define METH_STATIC  2   /* self is NULL */

typedef Obj *(*getter)(Obj *self, void *closure);
typedef int (*setter)(Obj *self, Obj *value, void *closure);   /* value NULL = delete */
typedef struct {
    const char *name;
    getter get;
    setter set;          /* NULL = read-only ("attribute 'x' of 'T' objects is not writable") */
    const char *doc;
    void *closure;
} GetSetDef;

/* Plain C struct fields exposed as attributes. */
enum { MEMBER_OBJ, MEMBER_OBJ_EX /* AttributeError if NULL */, MEMBER_INT, MEMBER_SSIZE, MEMBER_BOOL, MEMBER_DOUBLE };
typedef struct {
    const char *name;
    int kind;
    size_t offset;
    int readonly;
    const char *doc;
} MemberDef;

/* ---- type objects ------------------------------------------------------ */
#define TF_HEAPTYPE      (1u << 0)   /* created by class statement / type() */
#define TF_BASETYPE      (1u << 1)   /* may be subclassed */
#define TF_GC            (1u << 2)   /* instances are tracked by the cycle collector */
#define TF_READY         (1u << 3)   /* type_ready() done */
#define TF_ABSTRACT      (1u << 4)
#define TF_INT_SUBCLASS  (1u << 8)   /* fast subclass checks, as CPython's flags */
#define TF_STR_SUBCLASS  (1u << 9)
#define TF_LIST_SUBCLASS (1u << 10)
#define TF_TUPLE_SUBCLASS (1u << 11)
#define TF_DICT_SUBCLASS (1u << 12)
#define TF_TYPE_SUBCLASS (1u << 13)
#define TF_EXC_SUBCLASS  (1u << 14)  /* BaseException and subclasses */
#define TF_BYTES_SUBCLASS (1u << 15)
#define TF_IMMUTABLETYPE (1u << 16)  /* static builtin: "cannot set 'x' attribute of immutable type 'int'" */

struct TypeObj {
    OBJ_HEAD;
    const char *name;        /* "int", "collections.OrderedDict" (module part stripped for __name__) */
    size_t basicsize;        /* sizeof the instance struct */
    size_t itemsize;         /* >0 for variable-size objects */
    unsigned flags;
    const char *doc;

    destructor dealloc;
    unaryfunc repr;
    unaryfunc str;
    getattrfunc getattr;     /* full __getattribute__ (+ __getattr__ fallback for heap types) */
    setattrfunc setattr;
    hashfunc hash;           /* NULL + TF_... "unhashable": see type_ready() */
    richcmpfunc richcompare;
    callfunc call;
    unaryfunc iter;
    unaryfunc iternext;      /* returns NULL without exception set at exhaustion */
    descrgetfunc descr_get;
    descrsetfunc descr_set;
    newfunc new_;
    initfunc init;

    /* number protocol: binary ops take (a, b) where either may be "self";
     * they return NotImplemented for operand types they do not handle. */
    binaryfunc nb[NB_COUNT];
    binaryfunc nb_inplace[NB_COUNT];
    ternaryfunc nb_pow3;     /* pow(a, b, mod) */
    unaryfunc nb_neg, nb_pos, nb_abs, nb_invert;
    inquiry nb_bool;
    unaryfunc nb_int, nb_float, nb_index;

    /* container protocol */
    lenfunc len;
    binaryfunc getitem;          /* o[key] (sequences receive the key object: int or slice) */
    objobjargproc setitem;       /* o[key] = v; v NULL = del o[key] */
    objobjproc contains;

    traverseproc traverse;       /* TF_GC types: visit every owned Obj* */
    inquiry clear;               /* TF_GC types: drop references to break cycles */

    MethodDef *methods;
    MemberDef *members;
    GetSetDef *getset;
    TypeObj *base;               /* primary base (static types set this) */

    /* filled in by type_ready() / class creation */
    Obj *dict;                   /* the type's namespace (a dict) */
    Obj *bases;                  /* tuple */
    Obj *mro;                    /* tuple */
    Obj *subclasses;             /* list of weakrefs or NULL */
    Obj *name_obj, *qualname, *module_name; /* heap types: str objects */
    ssize_t dictoffset;          /* offset of instance __dict__ slot, 0 if none */
    ssize_t weaklistoffset;      /* offset of weakref list head, 0 if none */
    Obj *slots;                  /* heap types: tuple of __slots__ names or NULL */
    unsigned version;            /* bumped when the type's dict or mro changes (caches) */
};

/* Define a static type: `TypeObj X_Type = { TYPE_HEAD_INIT(&Type_Type), .name = ... };` */
#define OBJ_HEAD_INIT(typeptr) { .refcnt = IMMORTAL_REFCNT, .type = (typeptr) }
#define TYPE_HEAD_INIT .ob_base = OBJ_HEAD_INIT(&Type_Type)
extern TypeObj Type_Type, Object_Type;

static inline bool type_has_flag(const TypeObj *t, unsigned f) { return (t->flags & f) != 0; }
#define TYPE_CHECK_EXACT(o, t) (TYPE(o) == (t))

/* ---- allocation -------------------------------------------------------- */
/* Allocate an instance of `type` (basicsize + n*itemsize bytes, zeroed),
 * refcount 1, GC-tracked if the type has TF_GC.  Sets MemoryError on failure. */
Obj *obj_alloc(TypeObj *type, ssize_t nitems);
/* Free the memory of an instance (untracks it first if tracked).  Called from
 * dealloc functions after they dropped their references. */
void obj_free(Obj *o);
/* Memory helpers that set MemoryError on failure. */
void *mem_alloc(size_t n);
void *mem_calloc(size_t n, size_t size);
void *mem_realloc(void *p, size_t n);
void mem_free(void *p);

/* ---- cycle collector hooks (core/gc.c) --------------------------------- */
void gc_track(Obj *o);
void gc_untrack(Obj *o);
bool gc_is_tracked(Obj *o);

#endif
