# weakref.proxy
import weakref
class A:
    def __init__(self): self.v = 1
    def m(self): return "m"
    def __len__(self): return 3
    def __add__(self, o): return "add"
    def __call__(self, x): return x * 2
a = A()
p = weakref.proxy(a)
print(p.v, p.m(), len(p), p + 1, p(4), type(p).__name__, p.__class__.__name__, bool(p))
p.v = 5; print(a.v, weakref.getweakrefcount(a))
class B: pass
b = B(); pb = weakref.proxy(b, lambda r: print("cb"))
print(type(pb).__name__)
del b
try:
    pb.x
except ReferenceError as e:
    print("ReferenceError", e)
try:
    hash(p)
except TypeError as e:
    print(e)
print(isinstance(p, weakref.ProxyTypes), p == a)
