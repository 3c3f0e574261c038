# lib/weakref.py containers and helpers.
import weakref
class T:
    def __init__(self, n): self.n = n
    def __repr__(self): return 'T(%d)' % self.n
    def __hash__(self): return self.n
    def __eq__(self, o): return isinstance(o, T) and o.n == self.n
class C: pass
# WeakValueDictionary / WeakKeyDictionary / WeakSet / WeakMethod / finalize
wvd = weakref.WeakValueDictionary()
k1 = T(5)
wvd["a"] = k1
print(len(wvd), wvd["a"], "a" in wvd)
del k1
print(len(wvd), "a" in wvd, wvd.get("a"))
wkd = weakref.WeakKeyDictionary()
k2 = T(6); wkd[k2] = "v"
print(len(wkd), wkd[k2])
del k2
print(len(wkd))
ws = weakref.WeakSet()
k3 = T(7); ws.add(k3)
print(len(ws), k3 in ws)
del k3
print(len(ws))
class M:
    def meth(self): return "meth"
m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()())
del m
print(wm())
obj = C()
fin = weakref.finalize(obj, print, "finalized!")
print(fin.alive)
del obj
print(fin.alive)

