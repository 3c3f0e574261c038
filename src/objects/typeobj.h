/* typeobj.h — internals of the object model shared by core/object.c,
 * core/abstract.c, objects/type.c, objects/typeslots.c, objects/descr.c,
 * objects/weakref.c.  OWNER: TYPES. */
#ifndef GILPY_TYPEOBJ_H
#define GILPY_TYPEOBJ_H

#include "gilpy.h"

/* A heap type (class statement / type(name, bases, dict)).  Type_Type's
 * basicsize is sizeof(HeapTypeObj); static types are plain TypeObj. */
typedef struct {
    TypeObj type;
    ssize_t pre_size;      /* bytes stored before the GCHead (dict, weaklist, slots) */
    Obj *weaklist;         /* weak references to this type */
    Obj *doc_str;          /* keeps type.doc alive */
    ssize_t nslots;        /* __slots__ members added by this class */
} HeapTypeObj;
#define HEAPTYPE(t) ((HeapTypeObj *)(t))

/* Interned identifiers used by the object model. */
#define TYPE_IDS(X) \
    X(__init__) X(__new__) X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__ne__) \
    X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__call__) X(__iter__) X(__next__) \
    X(__len__) X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) \
    X(__bool__) X(__neg__) X(__pos__) X(__abs__) X(__invert__) X(__index__) \
    X(__int__) X(__float__) X(__get__) X(__set__) X(__delete__) X(__getattr__) \
    X(__getattribute__) X(__setattr__) X(__delattr__) X(__del__) X(__dict__) \
    X(__weakref__) X(__slots__) X(__module__) X(__qualname__) X(__name__) X(__doc__) \
    X(__class__) X(__classcell__) X(__init_subclass__) X(__set_name__) \
    X(__class_getitem__) X(__instancecheck__) X(__subclasscheck__) X(__format__) \
    X(__dir__) X(__mro_entries__) X(__prepare__) X(__abstractmethods__) \
    X(__isabstractmethod__) X(__reduce__) X(__reduce_ex__) X(__bases__) X(__mro__) \
    X(__missing__) X(__length_hint__) X(__reversed__) X(__round__) X(__trunc__) \
    X(__floor__) X(__ceil__) X(__enter__) X(__exit__) X(__builtins__) X(mro) \
    X(__getstate__) X(__setstate__) X(__newobj__) X(__orig_bases__) X(__origin__) \
    X(__args__) X(__parameters__) X(__self__) X(__func__) X(__wrapped__) \
    X(__objclass__) X(__annotations__) X(builtins) X(keys) X(__sizeof__)

enum {
#define X(n) ID_##n,
    TYPE_IDS(X)
#undef X
    ID_COUNT_
};
extern Obj *type_ids_[ID_COUNT_];
Obj *type_id_init(int i);
Obj *obj_intern_safe(const char *name);
static inline Obj *type_id(int i) { Obj *o = type_ids_[i]; return o ? o : type_id_init(i); }
#define ID(n) type_id(ID_##n)

/* The type's full name as CPython's tp_name ("collections.OrderedDict" for static
 * types, the plain name for classes): what error messages and reprs use. */
#define TP_NAME(t) ((const char *)(t)->name)

/* Fast name comparison for interned or plain str. */
static inline bool name_eq(Obj *a, Obj *b) { return a == b || str_eq(a, b); }

/* objects/typeslots.c: slot table, wrappers, generic slots for heap types. */
typedef void (*anyfunc)(void);
typedef Obj *(*wrapperfunc)(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, anyfunc wrapped);
typedef struct SlotDef {
    const char *name;
    size_t offset;          /* offset of the slot in TypeObj */
    wrapperfunc wrapper;    /* Python-callable wrapper around the C slot */
    void (*generic)(void);  /* generic slot for heap types (looks up the dunder) */
    int flags;
    const char *doc;
    int id;                 /* ID_ index of name, or -1 */
} SlotDef;
#define SD_REVERSED 1       /* __radd__-style: called as slot(other, self) */
extern const SlotDef type_slotdefs[];
extern const size_t type_nslotdefs;
/* Add slot wrappers for the slots a static type defines itself (type_ready). */
int typeslots_add_wrappers(TypeObj *t);
/* Recompute every dunder-driven slot of a heap type from its MRO. */
void typeslots_fixup_all(TypeObj *t);
/* A dunder `name` was set/deleted on heap type t: update t and its subclasses. */
void typeslots_update(TypeObj *t, Obj *name);
/* Call type(self).<dunder>(self, args...) (MRO lookup, no instance dict). NULL+no
 * error if `missing_ok` and absent. */
Obj *typeslots_call_dunder(Obj *self, Obj *name, Obj *const *args, size_t nargs, int *found);
/* Generic slots the type code needs to recognise. */
Obj *slot_tp_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *slot_tp_getattr_hook(Obj *self, Obj *name);

/* objects/descr.c */
typedef struct { OBJ_HEAD; TypeObj *type; Obj *name; MethodDef *def; } MethodDescrObj;
typedef struct { OBJ_HEAD; TypeObj *type; Obj *name; GetSetDef *def; } GetSetDescrObj;
typedef struct { OBJ_HEAD; TypeObj *type; Obj *name; MemberDef *def; MemberDef own; } MemberDescrObj;
typedef struct { OBJ_HEAD; TypeObj *type; Obj *name; const SlotDef *sd; void (*wrapped)(void); } WrapperDescrObj;
typedef struct { OBJ_HEAD; WrapperDescrObj *descr; Obj *self; } MethodWrapperObj;
typedef struct { OBJ_HEAD; MethodDef *def; Obj *self; Obj *module; } CFuncObj;
typedef struct { OBJ_HEAD; Obj *fget, *fset, *fdel, *doc, *name; int getter_doc; } PropertyObj;
typedef struct { OBJ_HEAD; Obj *func; Obj *dict; } ClassMethodObj;  /* also staticmethod */
typedef struct { OBJ_HEAD; TypeObj *type; Obj *obj; TypeObj *obj_type; } SuperObj;
Obj *descr_new_method(TypeObj *t, MethodDef *def);
Obj *descr_new_classmethod(TypeObj *t, MethodDef *def);
Obj *descr_new_getset(TypeObj *t, GetSetDef *def);
Obj *descr_new_member(TypeObj *t, MemberDef *def);
/* A member descriptor for a __slots__ entry at (possibly negative) offset. */
Obj *descr_new_slot_member(TypeObj *t, Obj *name, ssize_t offset);
Obj *descr_new_wrapper(TypeObj *t, const SlotDef *sd, void (*wrapped)(void));
Obj *staticmethod_new(Obj *func);
Obj *classmethod_new(Obj *func);
/* __new__ of a static type as a builtin method bound to the type. */
Obj *descr_new_tp_new_wrapper(TypeObj *t);
bool descr_is_tp_new_wrapper(Obj *o, TypeObj **owner);

/* objects/type.c */
Obj *type_getattro_ex(Obj *self, Obj *name, int suppress);
Obj *type_repr_obj(TypeObj *t);
int type_add_subclass(TypeObj *base, TypeObj *sub);
Obj *type_get_module(TypeObj *t);    /* new ref */
int type_abstract_check(TypeObj *t); /* -1 + TypeError if abstract methods remain */
extern TypeObj Union_Type_, MappingProxy_Type;
Obj *mappingproxy_new(Obj *mapping);
extern MethodDef genericalias_class_getitem_def;
extern TypeObj GenericAlias_Type, NoneType_Type, NotImplementedType_Type, Ellipsis_Type;
Obj *generic_alias_new(Obj *origin, Obj *args);
Obj *type_call(Obj *callable, Obj *const *args, size_t nargs, Obj *kwnames);

/* core/object.c */
Obj *obj_generic_getattr_ex(Obj *o, Obj *name, int suppress);
Obj *object_repr(Obj *self);
Obj *object_new(TypeObj *t, Obj *const *args, size_t nargs, Obj *kwnames);
int object_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *object_richcompare(Obj *a, Obj *b, int op);
hash_t object_hash(Obj *o);
void object_dealloc(Obj *o);
Obj *obj_pointer_repr(Obj *o, const char *kind); /* "<kind X object at 0x..>" helper */
/* Heap-type instance machinery (type.c). */
void subtype_dealloc(Obj *o);
void subtype_traverse(Obj *o, visitproc_ visit, void *arg);
int subtype_clear(Obj *o);

/* core/abstract.c */
Obj *call_unbound(Obj *func, Obj *self, Obj *const *args, size_t nargs); /* func(self, *args) */
Obj *obj_lookup_special(Obj *self, Obj *name);  /* type lookup + bind; NULL no error if absent */
Obj *obj_escape_ascii(Obj *repr);               /* ascii() helper */

#endif
