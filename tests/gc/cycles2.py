# Cycles through exceptions/tracebacks, closures, generators, dicts, slots, classes.
import gc, weakref
class O: pass
def f():
    o = O()
    try:
        raise ValueError("x")
    except ValueError as e:
        o.e = e
        o.tb = e.__traceback__
    return weakref.ref(o)
r = f()
gc.collect()
print("exc cycle:", r())
def g():
    o = O()
    def inner(): return o
    o.f = inner
    return weakref.ref(o)
r = g(); gc.collect(); print("closure cycle:", r())
def gen():
    o = O()
    x = yield weakref.ref(o)
    yield x
it = gen(); r = next(it)
del it; gc.collect(); print("gen:", r())
class N:
    def __init__(self): self.d = {"me": self}
n = N(); r = weakref.ref(n); del n; gc.collect(); print("dict cycle:", r())
l = [O() for i in range(3)]
for x in l: x.all = l
r = weakref.ref(l[0]); del l, x; gc.collect(); print("list cycle:", r())
class S:
    __slots__ = ("a", "__weakref__")
s = S(); s.a = s; r = weakref.ref(s); del s; gc.collect(); print("slots cycle:", r())
class T(tuple): pass
t = T([[]]); t[0].append(t); r = weakref.ref(O()); del t; print(gc.collect() >= 2)
def cls_cycle():
    class K: pass
    K.k = K
    return weakref.ref(K)
r = cls_cycle(); gc.collect(); print("class cycle:", r())
