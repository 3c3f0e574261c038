def trace(f):
    def wrapper(*args, **kwargs):
        print("call", f.__name__, args, kwargs)
        return f(*args, **kwargs)
    wrapper.__name__ = f.__name__
    return wrapper
def times(n):
    def deco(f):
        def w(*a):
            return [f(*a) for _ in range(n)]
        return w
    return deco
@trace
def add(a, b=2):
    return a + b
print(add(1), add(1, b=5))
@times(3)
@trace
def hello(x):
    return "hi " + x
print(hello("there"))
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class A: pass
@register
class B(A): pass
print(registry)
class P:
    @property
    def v(self): return 42
    @staticmethod
    def s(x): return x * 2
    @classmethod
    def c(cls): return cls.__name__
print(P().v, P.s(4), P().s(5), P.c(), P().c())
