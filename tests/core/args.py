def f(a, b): return a + b
def g(a, b=2, *, c): return (a, b, c)
def h(a, /, b): return (a, b)
def k(*, x, y): return x, y
def v(a, *args, **kw): return a, args, kw
class A:
    def m(self, x): return x
tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, a=3),
    lambda: f(1, 2, z=3),
    lambda: g(),
    lambda: g(1, 2, 3),
    lambda: g(1, 2, 3, c=1),
    lambda: g(1),
    lambda: h(a=1, b=2),
    lambda: h(1, 2, 3),
    lambda: k(),
    lambda: k(1),
    lambda: k(x=1),
    lambda: v(),
    lambda: A().m(),
    lambda: A().m(1, 2),
    lambda: A.m(1),
    lambda: f(**{"a": 1, "b": 2, "c": 3}),
    lambda: f(*[1], **{"a": 2}),
    lambda: f(*1),
    lambda: f(**1),
    lambda: (lambda: 0)(1),
    lambda: (lambda x, y, z: 0)(),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
print(v(1, 2, 3, x=4))
print(g(1, c=3), g(1, 5, c=6), h(1, b=2), k(y=1, x=2))
def defaults(a=[], b={}):
    a.append(1)
    return len(a)
print(defaults(), defaults(), defaults([]))
print(f.__name__, f.__qualname__, A.m.__qualname__, g.__defaults__, g.__kwdefaults__)
def annotated(a: int, b: "str" = "x", *args: float, c: bool = True, **kw: dict) -> list: pass
print(annotated.__annotations__)
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__, outer.__code__.co_varnames, outer.__code__.co_argcount)
print(v.__code__.co_varnames, v.__code__.co_flags & 12)
