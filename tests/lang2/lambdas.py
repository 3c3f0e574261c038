f = lambda x, y=2, *a, k=3, **kw: (x, y, a, k, kw)
print(f(1), f(1, 5, 6, k=0, z=9))
print((lambda: 42)(), (lambda *a: sum(a))(1, 2, 3), sorted([3, 1, 2], key=lambda n: -n))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-5), f.__name__, (lambda: 0).__qualname__)
adders = {n: (lambda m, n=n: m + n) for n in range(3)}
print([adders[k](10) for k in adders])
try:
    (lambda x: x)()
except TypeError as e:
    print(e)
