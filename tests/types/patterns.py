# Common library patterns: ABC-like metaclass, enum-like __prepare__, dataclass-like, proxies.
# ABC-like metaclass in pure Python
class ABCMetaLike(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        abstracts = {n for n, v in ns.items() if getattr(v, "__isabstractmethod__", False)}
        for b in bases:
            for n in getattr(b, "__abstractmethods__", set()):
                v = getattr(cls, n, None)
                if getattr(v, "__isabstractmethod__", False):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        return cls
def abstractmethod(f):
    f.__isabstractmethod__ = True
    return f
class Base(metaclass=ABCMetaLike):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
class Sq(Base):
    def area(self): return 4
    def name(self): return "sq"
print(Sq().area(), Base.__abstractmethods__ == {"area", "name"})
try:
    Base()
except TypeError as e:
    print(e)
class Half(Base):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)

# enum-like with __prepare__ returning custom dict
class _Dict(dict):
    def __init__(self):
        super().__init__()
        self.members = []
    def __setitem__(self, k, v):
        if not k.startswith("_"):
            self.members.append(k)
        super().__setitem__(k, v)
class EnumMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return _Dict()
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls._members = ns.members
        return cls
    def __iter__(cls):
        return iter(cls._members)
    def __len__(cls):
        return len(cls._members)
class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2
print(list(Color), len(Color))

# dataclass-like: generated __init__ via exec, setattr on class
def dataclass(cls):
    fields = list(cls.__annotations__)
    src = "def __init__(self, %s):\n" % ", ".join(fields) + "".join("    self.%s = %s\n" % (f, f) for f in fields)
    ns = {}
    exec(src, ns)
    cls.__init__ = ns["__init__"]
    cls.__repr__ = lambda self: "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % (f, getattr(self, f)) for f in fields))
    cls.__eq__ = lambda self, o: type(o) is type(self) and all(getattr(self, f) == getattr(o, f) for f in fields)
    return cls
@dataclass
class Point:
    x: int
    y: int
p = Point(1, 2)
print(p, p == Point(1, 2), p == Point(2, 1))

# functools.total_ordering-ish, __slots__ + properties + inheritance
class Cached:
    def __init__(self, f): self.f = f; self.__doc__ = f.__doc__
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, cls):
        if obj is None: return self
        v = self.f(obj)
        obj.__dict__[self.name] = v
        return v
class Heavy:
    calls = 0
    @Cached
    def value(self):
        "doc"
        Heavy.calls += 1
        return 99
h = Heavy()
print(h.value, h.value, Heavy.calls, Heavy.value.__doc__)

# class decorators / __class__ cell / super in nested
class Reg:
    def method(self):
        return __class__.__name__
class Sub(Reg):
    def method(self):
        return "Sub>" + super().method()
print(Sub().method())

# __getattr__ delegation proxy
class Proxy:
    def __init__(self, target): object.__setattr__(self, "_t", target)
    def __getattr__(self, n): return getattr(self._t, n)
    def __setattr__(self, n, v): setattr(self._t, n, v)
    def __len__(self): return len(self._t)
lst = [3, 1, 2]
px = Proxy(lst)
px.sort()
print(lst, len(px), px.count(1))

# __iter__ generator method, __reversed__, __contains__ via iteration
class Bag:
    def __init__(self, *a): self.a = a
    def __iter__(self):
        yield from self.a
    def __reversed__(self): return reversed(self.a)
print(list(Bag(1, 2, 3)), 2 in Bag(1, 2), list(reversed(Bag(1, 2, 3))), sorted(Bag(3, 1)))

# class-level counters & classmethod alt constructors with inheritance
class Shape:
    count = 0
    def __init__(self): type(self).count += 1
    @classmethod
    def make(cls): return cls()
class Circle(Shape): pass
Circle.make(); Circle.make(); Shape.make()
print(Shape.count, Circle.count)

# operator overloading with NotImplemented on both sides
class M:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        if not isinstance(o, M): return NotImplemented
        return self.v == o.v
    def __hash__(self): return hash(self.v)
print(M(1) == M(1), M(1) == 1, 1 == M(1), M(1) != 1, {M(1): "a"}[M(1)])
print(sorted({M(2), M(2), M(3)}, key=lambda m: m.v)[0].v)
