def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{"c": 3, "z": 0}))
def pos(a, b, /, c):
    return a + b + c
print(pos(1, 2, c=3))
def g(*, k): return k
print(g(k=1))
args = (1, 2)
print(max(*args, 0), print(*"abc", sep="-"))
def collect(*a, **k): return a, sorted(k.items())
print(collect(*range(3), *"xy", **{"p": 1}, **{"q": 2}))
tests = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3, c=1, b=2),
    lambda: g(1),
    lambda: g(),
    lambda: g(k=1, z=2),
    lambda: pos(a=1, b=2, c=3),
    lambda: pos(1, 2),
    lambda: (lambda x: x)(1, 2),
    lambda: collect(**{"a": 1}, **{"a": 2}),
    lambda: collect(*1),
    lambda: collect(**[1]),
    lambda: len(),
    lambda: len(1, 2),
    lambda: "abc"(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
class M:
    def m(self, x): return x
try:
    M().m()
except TypeError as e:
    print(e)
try:
    M.m(1, 2, 3)
except TypeError as e:
    print(e)
