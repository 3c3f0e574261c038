t = (1, 2, 3)
print(t, (1,), (), ((1, 2), [3]))
print(len(t), t[0], t[-1], t[1:], t[::-1], t[::2], t[5:], t[-100:100])
print(t + (4,), t * 2, 2 * t, t * 0, t * -1)
print(t.count(1), t.index(3), (1, 2, 1).index(1, 1), 2 in t, 5 in t)
print(hash((1, 2)), hash(()), hash((1,)), hash((1, (2, 3))), hash(('a', 'b')) == hash(('a', 'b')))
print(hash((-1,)), hash((True, 1.5, "x") ) == hash((True, 1.5, "x")))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (1, 2) == (1, 2), (2,) > (1, 9), (1, 2) != (1, 2), (1,) <= (1,), (3,) >= (4,))
print(tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple(x * x for x in range(4)), tuple({1: 2}))
a, b = (10, 20)
print(a, b)
print(list(iter((1, 2, 3))), list(reversed((1, 2, 3))))
print(() is (), tuple() is ())
x = ([],)
x[0].append(x)
print(x)
class T(tuple):
    pass
print(T([1, 2]), type(T([1, 2])).__name__, T((1,)) == (1,))
for f in [lambda: t[3], lambda: t['a'], lambda: t + [1], lambda: t * 'a', lambda: t.index(9),
          lambda: hash(([],)), lambda: (1, 'a') < ('a', 1), lambda: tuple(1), lambda: tuple(1, 2),
          lambda: t.count(), lambda: t[1.5], lambda: t.index(1, 'x')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
