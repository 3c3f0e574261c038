# __del__ (PEP 442: finalizers run once, resurrection) and gc interplay.
import gc

class D:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)

x = D("plain")
del x
print("after plain")

y = D("cyc"); y.self = y
del y
print("before collect")
gc.collect()
print("after collect")

a = D("a"); b = D("b"); a.other = b; b.other = a
del a, b
gc.collect()
print("pair done")

saved = []
class Phoenix:
    def __del__(self):
        print("phoenix del")
        saved.append(self)
p = Phoenix()
del p
print("resurrected:", len(saved))
saved.clear()
print("cleared (no second __del__)")

import sys
class Bad:
    def __del__(self):
        raise ValueError("ignored")
def hook(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value, u.object.__qualname__)
sys.unraisablehook = hook
bd = Bad()
del bd
print("survived exception in __del__")
sys.unraisablehook = sys.__unraisablehook__

class Inner:
    def __del__(self): print("inner del")
class Outer:
    def __init__(self): self.i = Inner()
    def __del__(self): print("outer del")
o = Outer(); del o
print("end")
