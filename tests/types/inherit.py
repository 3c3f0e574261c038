# Subclassing builtins, super(), __new__, __init_subclass__, metaclasses, generics.
class MyInt(int):
    def __repr__(self): return "MyInt(%d)" % int(self)
    def half(self): return self // 2
m = MyInt(7)
print(m, m + 1, type(m + 1).__name__, m.half(), m == 7, hash(m) == hash(7), isinstance(m, int))
print(int.__repr__(m), str(m), f"{m:03d}")

class Up(str):
    def shout(self): return self.upper() + "!"
u = Up("hi")
print(u, u.shout(), len(u), u + "x", type(u[0]).__name__, repr(u))

class Stack(list):
    def push(self, x): self.append(x)
    def __repr__(self): return "Stack" + list.__repr__(self)
s = Stack([1]); s.push(2); s.extra = "e"
print(s, len(s), s[1], s.extra, sum(s), s == [1, 2])

class DD(dict):
    def __missing__(self, k): return k * 2
d = DD(a=1)
print(d["a"], d["zz"], len(d), isinstance(d, dict))

class Pt(tuple):
    def __new__(cls, x, y): return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Pt(3, 4)
print(p, p.x, len(p), type(p).__name__, p + (5,))

class MyErr(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyErr("bad", 7)
except ValueError as e:
    print(type(e).__name__, e, e.code, e.args)

class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v): self.v = v
print(Single(1) is Single(2), Single(3).v)

class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.registry.append(name or cls.__name__)
class P1(Plugin): pass
class P2(Plugin, name="second"): pass
print(Plugin.registry)

class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        obj.made_by_meta = True
        return obj
    def hello(cls): return "hello " + cls.__name__
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        return {"prepared": True}
class WithMeta(metaclass=Meta):
    def __init__(self, x): self.x = x
class Child(WithMeta): pass
w = Child(5)
print(type(Child).__name__, Child.tag, w.x, w.made_by_meta, Child.hello(), Child.prepared)
print(isinstance(Child, Meta), isinstance(Child, type))

class Reg(type):
    def __instancecheck__(cls, inst): return inst == 42
class Anything(metaclass=Reg): pass
print(isinstance(42, Anything), isinstance(1, Anything))

# zero-arg super in classmethods and multi-level
class A0:
    def who(self): return ["A0"]
    @classmethod
    def cm(cls): return "A0.cm(%s)" % cls.__name__
class A1(A0):
    def who(self): return ["A1"] + super().who()
    @classmethod
    def cm(cls): return "A1>" + super().cm()
class A2(A1):
    def who(self): return ["A2"] + super().who()
print(A2().who(), A2.cm(), super(A1, A2()).who())
print(repr(super(A1, A2())).startswith("<super: <class 'A1'>, <A2 object>>"))

# generic aliases and unions
print(list[int], dict[str, int], tuple[int, ...], type[int], list[list[str]])
print(list[int]([1, 2]), list[int].__origin__, list[int].__args__)
print(int | str, int | None, (int | str) == (str | int), type(int | str).__name__)
print(isinstance(1, int | str), isinstance(1.0, int | str), issubclass(bool, int | None))
class Box:
    def __class_getitem__(cls, item): return ("Box", item)
print(Box[int])

def t(src):
    try:
        exec(src, {})
    except Exception as ex:
        print(type(ex).__name__, ex)

t("class A(metaclass=1): pass")
t("class M1(type): pass\nclass M2(type): pass\nclass A(metaclass=M1): pass\nclass B(metaclass=M2): pass\nclass C(A, B): pass")
t("class A: pass\nclass B(A, x=1): pass")
t("class A(int, str): pass")
t("isinstance(1, list[int])")
t("super()")
t("class A:\n def f(self): return super().nope\nA().f()")
t("type.__init__(int, 1, 2, 3, 4)")
