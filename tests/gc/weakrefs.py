# weakref.ref semantics.
import weakref, gc

class T:
    def __init__(self, n): self.n = n
    def __repr__(self): return "T(%d)" % self.n
    def __hash__(self): return self.n
    def __eq__(self, o): return isinstance(o, T) and o.n == self.n

t = T(1)
r = weakref.ref(t)
print(r() is t, r() , weakref.ref(t) is r, weakref.getweakrefcount(t))
print(type(r).__name__, weakref.ref is weakref.ReferenceType, isinstance(r, weakref.ref))
print(hash(r) == hash(t), r == weakref.ref(t))
called = []
r2 = weakref.ref(t, lambda ref: called.append(ref is r2))
print(r2 is not r, weakref.getweakrefcount(t), r2.__callback__ is not None, r.__callback__)
t2 = T(1)
print(r == weakref.ref(t2), r != weakref.ref(t2))
del t
print(r(), r2(), called, weakref.getweakrefcount(t2))
print(hash(r) == 1)
print(r == r, r == r2)

def f(): pass
wf = weakref.ref(f)
print(wf() is f)
class C: pass
print(weakref.ref(C)() is C, weakref.ref(int)() is int)

# weakref to cyclic garbage gets cleared by gc
c = C(); c.me = c
rc = weakref.ref(c, lambda ref: print("cb from gc"))
del c
gc.collect()
print(rc())

def t(src):
    try:
        exec(src, {"weakref": weakref})
    except Exception as ex:
        print(type(ex).__name__, ex)
t("weakref.ref(1)")
t("weakref.ref('abc')")
t("weakref.ref([])")
t("weakref.ref(None)")
t("class X: __slots__ = ()\nweakref.ref(X())")
t("class X: pass\nr = weakref.ref(X())\nhash(r)")
t("weakref.ref()")
t("class X: pass\nx = X()\nweakref.ref(x)(1)")
