# __class__ cell, __classcell__ propagation and super() during class creation
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        print("init_subclass", cls.__name__, kw)

class A(Base, flag=1):
    def who(self):
        return __class__.__name__
    def sup(self):
        return super().__repr__ is not None

print(A().who(), A().sup())

class B(A):
    def __init_subclass__(cls):
        super().__init_subclass__()
        print("B sub", cls.__name__, __class__.__name__)
class C(B):
    pass

class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("classcell" if "__classcell__" in ns else "no classcell", name)
        return super().__new__(mcls, name, bases, ns)
class D(metaclass=Meta):
    def f(self):
        return __class__
class E(metaclass=Meta):
    pass
print(D().f() is D, "__classcell__" in D.__dict__)

class Bad(type):
    def __new__(mcls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)
try:
    class F(metaclass=Bad):
        def f(self):
            return __class__
except Exception as e:
    print(type(e).__name__, e)

def no_cls():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError", e)
no_cls()
