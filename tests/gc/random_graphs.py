# Randomised object graphs: gc.collect() frees exactly the unreachable part.
import gc, weakref
class R:
    s = 12345
    def randint(self, a, b):
        R.s = (R.s * 1103515245 + 12345) % 2147483648
        return a + R.s % (b - a + 1)
    def random(self):
        return self.randint(0, 999999) / 1000000
    def choice(self, l):
        return l[self.randint(0, len(l) - 1)]
random = R()
class N:
    pass
alive_total = 0
for round in range(30):
    nodes = [N() for i in range(300)]
    for n in nodes:
        n.refs = [random.choice(nodes) for _ in range(random.randint(0, 3))]
        n.d = {"x": random.choice(nodes)} if random.random() < 0.3 else None
    keep = [nodes[i] for i in range(0, 300, 37)]
    refs = [weakref.ref(n) for n in nodes]
    del nodes, n
    gc.collect()
    # everything reachable from keep must be alive; count alive
    seen = set()
    stack = list(keep)
    while stack:
        x = stack.pop()
        if id(x) in seen: continue
        seen.add(id(x))
        stack.extend(x.refs)
        if x.d: stack.append(x.d["x"])
    alive = sum(1 for r in refs if r() is not None)
    assert alive == len(seen), (alive, len(seen))
    alive_total += alive
    del keep, stack, x
print("ok", alive_total)
