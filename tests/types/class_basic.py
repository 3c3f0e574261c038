# Class creation, attributes, MRO, type() forms.
class A:
    """doc of A"""
    x = 1
    def f(self):
        return "A.f"

class B(A):
    def f(self):
        return "B.f+" + super().f()

class C(A):
    def f(self):
        return "C.f+" + super().f()

class D(B, C):
    pass

print(D().f())
print([k.__name__ for k in D.__mro__])
print(D.mro() == list(D.__mro__))
print(A.__doc__, B.__doc__)
print(A.__name__, A.__qualname__, A.__module__)
print(D.__bases__ == (B, C), D.__base__ is B)
print(repr(A), repr(int), repr(type))
print(type(A), type(type), type(1), type("s"))

class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner)

# type(name, bases, dict)
E = type("E", (A,), {"y": 2, "g": lambda self: self.y * 10})
e = E()
print(E.__name__, e.x, e.y, e.g(), isinstance(e, A), E.__module__)

# class attributes and instance attributes
a = A()
a.z = 5
print(a.z, a.x, sorted(a.__dict__), "x" in A.__dict__, A.__dict__["x"])
A.x = 10
print(a.x, D.x)
del A.x
print(hasattr(a, "x"))

# issubclass / isinstance
print(issubclass(D, A), issubclass(A, D), issubclass(D, (int, C)), isinstance(D(), (int, B)))
print(issubclass(bool, int), isinstance(True, int), isinstance(1, bool))
print(A.__subclasses__() == [B, C, E])

# dir
print([n for n in dir(D()) if not n.startswith("__")])
print("f" in dir(D), "__init__" in dir(A))

# __class__
print(a.__class__ is A, D().__class__.__name__)
class F(A): pass
a.__class__ = F
print(type(a).__name__, isinstance(a, F))

# object basics
o = object()
print(type(o).__name__, o == o, o != object(), hash(o) == hash(o))
print(object.__repr__(o).startswith("<object object at 0x"))
print(repr(None), repr(NotImplemented), repr(Ellipsis), repr(...))
print(type(None)(), type(NotImplemented).__name__, type(...).__name__)

# error cases
def t(src):
    try:
        exec(src, {})
    except Exception as ex:
        print(type(ex).__name__, ex)

t("class A: pass\nclass B(A, A): pass")
t("class A: pass\nclass B(A): pass\nclass C(A, B): pass")
t("class X(bool): pass")
t("class X(1): pass")
t("type('X', 1, {})")
t("type(1, (), {})")
t("type('X', (), 1)")
t("type(1, 2)")
t("class A: pass\nA().nope")
t("class A: pass\nA.nope")
t("int.foo = 1")
t("del int.real")
t("(1).foo = 2")
t("object().x = 1")
t("class A: pass\nA(1)")
t("class A:\n def __init__(self): pass\nA(1)")
t("class A:\n def __init__(self, x): super().__init__(x)\nA(1)")
t("object.__new__(int)")
t("int.__new__(str)")
t("class A: pass\nclass B: __slots__=('x',)\nb=B()\nb.__class__ = A")
t("a = object()\na.__class__ = int")
t("class A: pass\na=A()\na.__class__ = 1")
t("class A: pass\ndel A().x")
