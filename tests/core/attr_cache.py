# Attribute caches must be invalidated correctly.

class A:
    def __init__(self):
        self.x = 1

def getx(o):
    return o.x

def setx(o, v):
    o.x = v

a = A()
for i in range(5):
    print(getx(a))
# class attribute added later: instance dict still wins
A.x = 100
print(getx(a))
del a.x
print(getx(a))
a.x = 2
print(getx(a))

# data descriptor (property) added later overrides instance dict
A.x = property(lambda self: "prop", lambda self, v: print("set", v))
print(getx(a))
setx(a, 5)
print(a.__dict__)
del A.x
print(getx(a))
setx(a, 7)
print(getx(a))

# __getattr__ added later
class B:
    pass
b = B()
b.y = 1
def gety(o):
    return o.y
for i in range(3):
    print(gety(b))
del b.y
try:
    gety(b)
except AttributeError as e:
    print("AttributeError", e)
B.__getattr__ = lambda self, n: "ga:" + n
print(gety(b))
b.y = 3
print(gety(b))

# __getattribute__ added later
B.__getattribute__ = lambda self, n: "gab:" + n
print(gety(b))
del B.__getattribute__
print(gety(b))

# __setattr__ added later
class C:
    pass
c = C()
for i in range(3):
    setx(c, i)
print(getx(c))
C.__setattr__ = lambda self, n, v: print("setattr", n, v)
setx(c, 42)
print(getx(c))
del C.__setattr__
setx(c, 43)
print(getx(c))

# base class changes
class Base:
    pass
class Derived(Base):
    pass
d = Derived()
d.x = "inst"
for i in range(3):
    print(getx(d))
Base.x = property(lambda self: "baseprop")
print(getx(d))
try:
    setx(d, 1)
except AttributeError as e:
    print("AttributeError", e)
del Base.x
print(getx(d))

# __class__ assignment
class P:
    pass
class Q:
    x = property(lambda self: "Q.x")
p = P()
p.x = "p"
for i in range(3):
    print(getx(p))
p.__class__ = Q
print(getx(p))
p.__class__ = P
print(getx(p))

# __slots__
class S:
    __slots__ = ("x",)
s = S()
for i in range(3):
    setx(s, i)
    print(getx(s))
del s.x
try:
    getx(s)
except AttributeError as e:
    print("AttributeError", e)
try:
    s.z = 1
except AttributeError as e:
    print("AttributeError", e)

# mixed types at one site
objs = [A(), B(), C(), s, p, 5, "str"]
for o in objs * 2:
    try:
        print(type(o).__name__, getx(o))
    except AttributeError as e:
        print("AttributeError", e)

# __dict__ replaced
class R:
    pass
r = R()
r.x = 1
for i in range(3):
    print(getx(r))
r.__dict__ = {"x": "new"}
print(getx(r))
setx(r, "newer")
print(r.__dict__)

# methods assigned later / shadowed by instance
class M:
    def f(self):
        return "M.f"
m = M()
def callf(o):
    return o.f()
print(callf(m))
M.f = lambda self: "new f"
print(callf(m))
m.f = lambda: "inst f"
print(callf(m))
del m.f
print(callf(m))
