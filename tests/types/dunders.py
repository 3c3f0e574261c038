# Operator protocol for user classes.
class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return "V%r" % (self.c,)
    def __add__(self, o):
        if isinstance(o, V): return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, int): return V(*[a + o for a in self.c])
        return NotImplemented
    def __radd__(self, o):
        return self.__add__(o)
    def __mul__(self, k): return V(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __neg__(self): return V(*[-a for a in self.c])
    def __abs__(self): return sum(a * a for a in self.c)
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __contains__(self, x): return x in self.c
    def __bool__(self): return any(self.c)
    def __lt__(self, o): return self.c < o.c

v = V(1, 2)
print(v + V(3, 4), v + 1, 1 + v, v * 3, 3 * v, -v, abs(v))
print(v == V(1, 2), v != V(1, 2), v == 3, hash(v) == hash((1, 2)))
print(len(v), v[0], v[-1], 2 in v, 5 in v, bool(v), bool(V(0, 0)))
print(list(v), sorted([V(3), V(1), V(2)]), V(1) < V(2), V(3) > V(2))
print(max(V(1), V(5), V(3)))

class Acc:
    def __init__(self): self.n = 0
    def __iadd__(self, k):
        self.n += k
        return self
a = Acc(); b = a
a += 5; a += 6
print(a is b, a.n)

class Only:
    def __add__(self, o): return "add"
x = Only(); x += 1
print(x)

class It:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(It(3)), sum(It(4)), [x * 2 for x in It(2)])

class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 5 in Seq())

class Call:
    def __call__(self, *a, **k): return ("called", a, k)
print(Call()(1, 2, x=3), callable(Call()), callable(Call), callable(1))

class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], "abc"[Idx()], bin(Idx()), range(5)[Idx()])

class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
print(int(Num()), float(Num()))

class Fmt:
    def __format__(self, spec): return "<%s>" % spec
    def __str__(self): return "S"
    def __repr__(self): return "R"
print(format(Fmt(), "x"), f"{Fmt():>5}", str(Fmt()), repr(Fmt()), f"{Fmt()!r}")

# reflected operand from subclass goes first
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd"
print(Base() + Sub(), Sub() + Base(), Base() + Base())

# comparison fallbacks
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
print(Cmp(1) < Cmp(2), Cmp(3) > Cmp(2))

# __eq__ without __hash__ -> unhashable; __hash__ = None
class E1:
    def __eq__(self, o): return True
class E2:
    __hash__ = None
print(E1.__hash__, E2.__hash__)

# setting a dunder on the class later
class Late: pass
Late.__add__ = lambda self, o: "late add"
Late.__len__ = lambda self: 42
print(Late() + 1, len(Late()))
del Late.__len__

# unary, pow
class P:
    def __pow__(self, o, mod=None): return ("pow", o, mod)
    def __rpow__(self, o): return ("rpow", o)
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
print(P() ** 2, 2 ** P(), pow(P(), 3, 5), +P(), ~P())

def t(src):
    try:
        exec(src, {})
    except Exception as ex:
        print(type(ex).__name__, ex)

t("1 + 'a'")
t("'a' - 1")
t("[] * []")
t("x = 1\nx += 'a'")
t("x = 1\nx **= 'a'")
t("2 ** 'a'")
t("pow(1, 2, 'a')")
t("1 < 'a'")
t("[] >= {}")
t("-'a'")
t("~1.5")
t("+[]")
t("abs('a')")
t("class E:\n def __eq__(s, o): return True\nhash(E())")
t("class E:\n __hash__ = None\nhash(E())")
t("hash([])")
t("class L:\n def __len__(s): return -1\nlen(L())")
t("class L:\n def __len__(s): return 'a'\nlen(L())")
t("class B:\n def __bool__(s): return 1\nbool(B())")
t("class R:\n def __repr__(s): return 1\nrepr(R())")
t("class R:\n def __str__(s): return 1\nstr(R())")
t("class H:\n def __hash__(s): return 'x'\nhash(H())")
t("class I:\n def __index__(s): return 'x'\n[][I()]")
t("class It:\n def __iter__(s): return 1\niter(It())")
t("class It:\n __iter__ = None\niter(It())")
t("class F:\n def __format__(s, spec): return 1\nformat(F())")
t("class I:\n def __init__(s): return 1\nI()")
t("len(5)")
t("x = 5\nx[0]")
t("int[0]")
t("(1, 2)[0] = 5")
t("del (1, 2)[0]")
t("iter(5)")
t("next(5)")
t("5 in 5")
t("a, b = 1")
t("a, b = [1, 2, 3]")
t("a, b, c = (1, 2)")
t("a, b = iter([1])")
t("x = 5\nx()")
t("format(object(), 'x')")
t("object.__format__(1, 5)")
