print(list(enumerate('abc')), list(enumerate('ab', 5)), list(enumerate([], start=2)), list(enumerate('x', start=2 ** 70)))
print(list(zip('abc', [1, 2, 3, 4])), list(zip()), list(zip([1])), list(zip('ab', 'cd', 'ef', strict=True)))
print(list(map(lambda x: x * 2, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(str, range(3))))
print(list(filter(None, [0, 1, '', 'a', None, []])), list(filter(lambda x: x % 2, range(10))))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1, 2))), list(reversed(range(3))))
class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * 10
    def __len__(self): return 4
print(list(Seq()), list(reversed(Seq())), 20 in Seq(), 25 in Seq())
it = iter(Seq()); print(next(it), next(it), type(it).__name__)
class Rev:
    def __reversed__(self): return iter('zyx')
print(list(reversed(Rev())))
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 5)), type(iter(counter, 9)).__name__)
e = enumerate([1]); print(iter(e) is e, type(e).__name__)
for i, (a, b) in enumerate(zip('xy', 'uv')):
    print(i, a, b)
print(dict(enumerate('ab')), dict(zip('ab', range(2))))
m = map(int, ['1', '2']); print(next(m), next(m), next(m, 'end'))
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: list(zip([1, 2], [1], strict=True)))
check(lambda: list(zip([1], [1, 2], strict=True)))
check(lambda: list(zip([1, 2], [1, 2], [3], strict=True)))
check(lambda: list(zip([1], [1], [3, 4], strict=True)))
check(lambda: map(len))
check(lambda: list(map(len, [1])))
check(lambda: reversed({1, 2}))
check(lambda: reversed({}))
check(lambda: reversed(5))
check(lambda: enumerate(5))
check(lambda: enumerate([], 'a'))
check(lambda: filter(None))
check(lambda: zip(1))
check(lambda: zip([], foo=1))
check(lambda: next(iter([])))
class NR:
    __reversed__ = None
    def __getitem__(self, i): return i
    def __len__(self): return 1
check(lambda: reversed(NR()))
