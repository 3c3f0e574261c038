class A:
    """doc of A"""
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    @staticmethod
    def s(a): return a * 2
    @classmethod
    def c(cls): return cls.__name__
    @property
    def p(self): return self.v + 100
    def __repr__(self): return f"A({self.v})"
class B(A):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def get(self):
        return (super().get(), self.w, __class__.__name__)
b = B(1, 2)
print(b.get(), b.p, B.s(4), B.c(), b.x, A.__doc__, B.__doc__)
print(B.__mro__[1].__name__, B.__qualname__, A.__module__, repr(b))
print(type(A.get).__name__, type(b.get).__name__, b.get.__self__ is b)
print(A.__dict__["x"], "get" in B.__dict__)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["added"] = kw.get("flag", 0)
        return super().__new__(mcls, name, bases, ns)
class C(metaclass=Meta, flag=7):
    pass
print(C.added, type(C).__name__)
def deco(cls):
    cls.decorated = True
    return cls
@deco
class D:
    pass
print(D.decorated)
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)
class Private:
    __secret = 5
    def reveal(self): return self.__secret
print(Private().reveal(), Private._Private__secret)
class WithAnn:
    a: int = 3
    b: str
print(WithAnn.__annotations__, WithAnn.a)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
Counter(); Counter()
print(Counter.count)
class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __iadd__(self, o):
        self.x += o.x
        return self
    def __repr__(self): return f"Vec({self.x}, {self.y})"
v = Vec(1, 2) + Vec(3, 4)
print(v, v == Vec(4, 6))
v += Vec(1, 1)
print(v)
class NoArgs:
    def m():
        return super()
try:
    NoArgs.m()
except RuntimeError as e:
    print("RuntimeError", e)
class Slots:
    def __init__(self):
        self.items = []
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return i * 10
    def __iter__(self): return iter([1, 2, 3])
s = Slots()
print(len(s), s[4], list(s))
x = 10
class ScopeTest:
    x = 20
    y = [x for _ in range(2)]
    def f(self): return x
print(ScopeTest.y, ScopeTest().f())
def factory():
    val = "closure"
    class Local:
        def get(self): return val
        attr = val
    return Local
L = factory()
print(L().get(), L.attr, L.__qualname__)
class Base:
    def __init_subclass__(cls, **kw):
        cls.tag = kw.get("tag", "none")
class Sub(Base, tag="t1"):
    pass
print(Sub.tag)
try:
    class Bad(1): pass
except TypeError as e:
    print("TypeError")
m = b.get
print(m == b.get, m.__func__ is B.get)
