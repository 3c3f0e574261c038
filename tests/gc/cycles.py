# Cycle collection, generations, gc module API.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None

gc.collect()
a = Node("a"); b = Node("b")
a.ref = b; b.ref = a
del a, b
print("cycle found:", gc.collect() >= 2)
print("nothing left:", gc.collect())

l = []; l.append(l)
d = {}; d["self"] = d
del l, d
print("self refs:", gc.collect() >= 2)

# reachable cycles survive
keep = Node("keep"); keep.ref = keep
gc.collect()
print(keep.ref.name)

# a class and its instance in a cycle
def make():
    class Local:
        pass
    Local.inst = Local()
make()
print("local class freed:", gc.collect() > 0)

print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
c = gc.get_count()
print(type(c).__name__, len(c))
print(gc.is_tracked([]), gc.is_tracked({"a": []}), gc.is_tracked(Node("x")), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None))
print(gc.garbage, type(gc.callbacks).__name__)

events = []
def cb(phase, info):
    events.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events)

# many cycles trigger automatic collection
import weakref
class Big:
    pass
refs = []
for i in range(3000):
    x = Big(); x.me = x
    if i % 500 == 0:
        refs.append(weakref.ref(x))
    del x
gc.collect()
print("auto/explicit collected:", [r() for r in refs])

x = Node("z")
print(x in gc.get_referrers(x.__dict__) or any(type(o) is dict for o in gc.get_referents(x)))

def t(src):
    try:
        exec(src, {"gc": gc})
    except Exception as ex:
        print(type(ex).__name__, ex)
t("gc.collect(3)")
t("gc.collect(-1)")
t("gc.set_threshold()")
t("gc.get_objects(5)")
