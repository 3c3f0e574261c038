# Descriptors: property, classmethod, staticmethod, custom, __set_name__, slots, attribute hooks.
class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self):
        "celsius"
        return self._c
    @c.setter
    def c(self, v): self._c = v
    @c.deleter
    def c(self): print("deleting"); self._c = None
    @property
    def ro(self): return "ro"

t = Temp()
t.c = 25
print(t.c, Temp.c.__doc__, type(Temp.c).__name__, Temp.c.fget.__name__)
del t.c
print(t.c)

class K:
    count = 0
    @classmethod
    def make(cls, *a): return (cls.__name__, a)
    @staticmethod
    def st(x): return x * 2
class K2(K): pass
print(K.make(1), K2.make(), K2().make(3), K.st(4), K().st(5), K.__dict__["st"].__func__(6))
print(type(K.__dict__["make"]).__name__, type(K.__dict__["st"]).__name__, K.st.__name__)

class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, typ=None):
        if obj is None: return self
        return "get:" + self.name
class DataDesc:
    def __get__(self, obj, typ=None): return "data-get"
    def __set__(self, obj, v): print("data-set", v)
    def __delete__(self, obj): print("data-delete")
class W:
    a = Desc()
    d = DataDesc()
w = W()
print(w.a, W.a.name, w.d)
w.__dict__["a"] = "inst"
w.__dict__["d"] = "inst"
print(w.a, w.d)
w.d = 5
del w.d

class G:
    def __getattr__(self, name):
        if name.startswith("x"): return name.upper()
        raise AttributeError(name)
g = G(); g.y = 1
print(g.xyz, g.y, getattr(g, "q", "dflt"), hasattr(g, "xa"), hasattr(g, "q"))

class GA:
    def __getattribute__(self, name):
        if name == "magic": return 42
        return object.__getattribute__(self, name)
ga = GA(); ga.v = 3
print(ga.magic, ga.v)

class SA:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
sa = SA(); sa.q = 4
print(sa.q)
del sa.q
print(hasattr(sa, "q"))

class Sl:
    __slots__ = ("x", "y", "__weakref__")
    def __init__(self): self.x = 1
s = Sl()
print(s.x, hasattr(s, "y"), type(Sl.x).__name__, repr(Sl.x), hasattr(s, "__dict__"))
s.y = 2; del s.x
print(s.y, hasattr(s, "x"))
class Sl2(Sl):
    __slots__ = ("z",)
s2 = Sl2(); s2.z = 3; s2.x = 4
print(s2.z, s2.x)
class Sl3(Sl):
    pass
s3 = Sl3(); s3.anything = 1
print(s3.anything, s3.__dict__)
class Priv:
    __slots__ = ("__p",)
    def __init__(self): self.__p = 9
    def get(self): return self.__p
print(Priv().get(), "_Priv__p" in Priv.__dict__)

# methods and descriptors of builtins
print(str.upper("abc"), str.__dict__["upper"], "x".upper.__name__, "x".upper.__self__)
print(list.append.__qualname__, len.__name__, len.__self__ is not None)
print(int.__dict__["__add__"], (5).__add__.__self__, int.__add__(2, 3), int.__radd__(2, 3))
print(object.__init__, object.__new__ is object.__dict__["__new__"])
print(dict.fromkeys("ab"), dict.__dict__["fromkeys"])

# __dict__ on instances
class DI: pass
di = DI()
di.__dict__ = {"k": 1}
print(di.k, vars(di))

def t(src):
    try:
        exec(src, {})
    except Exception as ex:
        print(type(ex).__name__, ex)

t("class A:\n @property\n def p(s): return 1\nA().p = 2")
t("class A:\n @property\n def p(s): return 1\ndel A().p")
t("class A:\n p = property()\nA().p")
t("class A:\n __slots__ = ('x',)\nA().x")
t("class A:\n __slots__ = ('x',)\nA().y = 1")
t("class A:\n __slots__ = ('x',)\n x = 1")
t("class A:\n __slots__ = (1,)")
t("class A:\n __slots__ = ('a b',)")
t("class A(int):\n __slots__ = ('x',)")
t("class A:\n __slots__ = ('__dict__', '__dict__')")
t("str.upper(1)")
t("str.upper()")
t("int.__add__('a', 1)")
t("int.real.__set__(1, 2)")
t("(1).real = 5")
t("(1).bit_length = 3")
t("class D:\n def __set_name__(s, o, n): raise ValueError('boom')\nclass A:\n d = D()")
t("class A:\n def __getattr__(s, n): raise AttributeError('custom ' + n)\nA().foo")
t("super(int, 'x')")
t("super(1, 2)")
