# Statement and expression forms the parser must handle.
import sys
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, sorted(kw)
print(f(1, d=4), f(1, 2, 3, 4, 5, d=6, z=7))
g = lambda x, /, y=1, *a, z=2, **k: (x, y, a, z, k)
print(g(0), g(0, 1, 2, z=3, q=4))
print((lambda: 1)(), (lambda *a: a)(1, 2), (lambda **k: k)(a=1))
x = [1, 2, 3, 4, 5]
print(x[1:3], x[::2], x[::-1], x[:], x[-2:], x[1:-1:2])
print({**{'a': 1}, 'b': 2}, {*x, 0} == {0, 1, 2, 3, 4, 5}, [*x, *x][:6], (*x,))
first, *rest = x; *init, last = x; (p, q), r = (1, 2), 3
print(first, rest, init, last, p, q, r)
a = b = c = 7; print(a, b, c)
n = 0; n += 5; n -= 1; n *= 3; n //= 2; n **= 2; n %= 7; n <<= 2; n >>= 1; n |= 8; n &= 12; n ^= 5
print(n)
if (m := len(x)) > 3: print('walrus', m)
print([y for y in range(10) if y % 2 if y > 2], {k: v for k, v in zip('ab', (1, 2))}, {c for c in 'aab'} == {'a', 'b'})
print(list((i, j) for i in range(2) for j in range(i, 2)), sum(i for i in range(5)))
print(1 < 2 < 3, 1 < 2 > 3, 1 is not None, 2 not in x, not 0, 1 if 0 else 2)
print(-2 ** 2, (-2) ** 2, 2 ** -1, ~5, +3, 7 // 2, -7 // 2, 7 % 3, 1 << 4, 0xF0 >> 4, 6 & 3, 6 | 3, 6 ^ 3)
print(2 ** 3 ** 2, 10 - 2 - 3, 2 * 3 + 4 * 5, (1, 2) + (3,))
class A:
    x: int = 5
    def m(self): return self.x
    @staticmethod
    def s(*, k=1): return k
    @property
    def p(self): return 'prop'
print(A().m(), A.s(k=2), A().p, A.__annotations__)
def deco(fn):
    return lambda *a: ('decorated', fn(*a))
@deco
def h(v): return v * 2
print(h(21))
try:
    raise ValueError('boom')
except (TypeError, ValueError) as exc:
    print('caught', exc)
else:
    print('no')
finally:
    print('finally')
for i in range(3):
    if i == 1: continue
    print('for', i)
else:
    print('for-else')
w = 0
while w < 3:
    w += 1
    if w == 2: break
else:
    print('not reached')
print('while', w)
with open(__file__) as fh, open(__file__) as fh2:
    print(fh.readline().strip()[:10], fh2.readline()[:1])
def gen():
    v = yield 1
    yield from range(v, v + 2)
gg = gen(); print(next(gg), gg.send(10), next(gg))
def outer():
    cnt = 0
    def inner():
        nonlocal cnt
        cnt += 1
        return cnt
    inner(); return inner()
print(outer())
G = 1
def setg():
    global G
    G = 2
setg(); print(G)
del x[0], x[-1]; print(x)
assert True, 'never'
print(sys.version_info >= (3,), print is print, type(...).__name__)
match (1, [2, 3]):
    case (1, [a2, *more]) if a2 == 2:
        print('match', a2, more)
    case _:
        print('no match')
match = {'k': 'v'}; print(match['k'])
def kwonly(*, a, b=2): return a + b
print(kwonly(a=1), f(*[1, 2], **{'d': 9}))
semi = 1; semi2 = 2;
print(semi, semi2)
if True: print('one-liner'); print('two')
