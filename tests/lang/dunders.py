class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y) if isinstance(o, V) else NotImplemented
    def __radd__(self, o): return V(self.x + o, self.y + o)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self): return V(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return abs(self) < abs(o)
    def __repr__(self): return f"V({self.x}, {self.y})"
    def __bool__(self): return bool(self.x or self.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): yield self.x; yield self.y
    def __contains__(self, v): return v in (self.x, self.y)
    def __call__(self, k): return self * k
v = V(1, 2)
print(v + V(3, 4), 1 + v, 3 * v, v * 3, -v, abs(V(3, 4)))
print(v == V(1, 2), v != V(1, 2), len({v, V(1, 2)}), sorted([V(3, 3), V(1, 0)]))
print(bool(V(0, 0)), bool(v), len(v), v[1], list(v), 2 in v, 5 in v, v(2))
print(V(1, 1) > V(0, 1), V(0, 1) <= V(1, 1) if hasattr(V, "__le__") else "no le")
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
class Num:
    def __index__(self): return 3
print([0, 1, 2, 3][Num()], "abcd"[Num()], bin(Num()), range(10)[Num()])
class Cmp:
    def __eq__(self, o): return "custom"
print(Cmp() == 1, Cmp() != 1)
for bad in [lambda: v + "s", lambda: v < 3, lambda: -object(), lambda: len(object()), lambda: object()[0], lambda: iter(5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
class Str:
    def __str__(self): return "str!"
    def __repr__(self): return "repr!"
print(Str(), [Str()], str(Str()), repr(Str()), f"{Str()}", f"{Str()!r}")
