# arithmetic, control flow, functions, closures
x = 7
y = 3
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y, -x // y, -x % y)
print(2 ** 100, (2 ** 62) + (2 ** 62), -(2 ** 61) - 1)
print(1.5 + 2, 3.0 * 2.5, 7.0 / 2, 1e300 * 1e10)
print(x & y, x | y, x ^ y, x << 2, x >> 1, ~x)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0, x is not None)
print(not 0, not 1, 0 or 5, 3 and 4, None or [] or "z")
i = 0
total = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 8:
        break
    total += i
else:
    print("no")
print(i, total)
for k in range(3):
    pass
else:
    print("for-else", k)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = make_counter()
c(); c(); print(c(10))
adders = [lambda v, i=i: v + i for i in range(3)]
print([f(10) for f in adders])
print({k: v for k, v in zip("abc", range(3))}, {v % 3 for v in range(10)})
print(list(x * x for x in range(5) if x % 2 == 0))
print([(a, b) for a in range(3) for b in range(a)])
g = 10
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)
s = "hello"
print(s[1], s[-1], s[1:3], s[::-1], s[:2] * 2)
lst = [1, 2, 3]
lst[0] = 10
lst[1] += 5
del lst[2]
print(lst)
d = {"a": 1}
d["b"] = 2
d["a"] += 100
print(d, len(d), "a" in d, "z" not in d)
a, b = 1, 2
a, b = b, a
print(a, b)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
h, *mid, t = range(5)
print(first, rest, init, last, h, mid, t)
print(f"{x}-{y!r}-{s!r:>10}-{3.14159:.2f}-{x=}")
print(f"{'nested ' + f'{x}'}", f"{{braces}}")
def kw(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(kw(1, c=3))
print(kw(1, 2, 3, 4, c=5, e=6))
print(kw(*[1, 2], **{"c": 3, "z": 9}))
print((lambda *a, **k: (a, k))(1, 2, x=3))
print(max(1, 5, 3), min([4, 2, 8]), sum(range(101)))
t = 1, 2, 3
print(t, type(t).__name__, (1,), ())
print(x if x > 5 else y, (y if x < 5 else "else"))
z = [1, 2, 3, 4, 5, 6]
print(z[1:4], z[::2], z[-2:])
z[1:3] = ["a", "b", "c"]
print(z)
del z[::2]
print(z)
n = 5
n **= 2
n //= 3
n -= 1
n <<= 2
print(n)
if (w := len(z)) > 2:
    print("walrus", w)
print([y := 5, y ** 2])
assert True, "never"
print("done")
