class Base:
    attr = "base"
    def __init__(self, v):
        self.v = v
    def who(self):
        return f"Base({self.v})"
    def __repr__(self):
        return f"{type(self).__name__}({self.v!r})"
class Mixin:
    def who(self):
        return "Mixin>" + super().who()
class Child(Mixin, Base):
    attr = "child"
    def who(self):
        return "Child>" + super().who()
c = Child(3)
print(c.who(), c, Child.__mro__)
print(c.attr, Base.attr, c.__dict__, Child.__name__, Child.__qualname__, Child.__module__)
print(type(c) is Child, type(Child), isinstance(c, Base), issubclass(Child, (int, Mixin)))
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta, tag="x"):
    pass
print(Tagged.tag, type(Tagged).__name__)
class Parent:
    subs = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Parent.subs.append((cls.__name__, kw))
class S1(Parent, flavor=1): pass
class S2(Parent): pass
print(Parent.subs)
class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner):
        return self if obj is None else f"<{self.name} of {type(obj).__name__}>"
class UsesDesc:
    d = Desc()
print(UsesDesc().d, UsesDesc.d.name)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = Slotted()
print(s.a)
for bad in [lambda: s.b, lambda: setattr(s, "c", 1), lambda: Base(), lambda: c.nope,
            lambda: Child.nope, lambda: object().x, lambda: setattr(1, "x", 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class Dyn:
    def __getattr__(self, name):
        return name * 2
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 10)
d = Dyn(); d.x = 1
print(d.x, d.yy)
X = type("X", (Base,), {"extra": lambda self: self.v + 1})
print(X(1).extra(), X.__bases__, X(5))
class A: pass
class B(A): pass
try:
    class Bad(A, B): pass
except TypeError as e:
    print(e)
