seed = [12345]
def rnd():
    seed[0] = (seed[0] * 1103515245 + 12345) % 2147483648
    return seed[0] % 101
a = [rnd() for i in range(200)]
b = sorted(a)
print(b[:20], b == sorted(a, reverse=True)[::-1])
pairs = [(x % 5, i) for i, x in enumerate(a)]
s = sorted(pairs, key=lambda p: p[0])
print(s[:12])
s = sorted(pairs, key=lambda p: p[0], reverse=True)
print(s[:12])
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3.5, -1.0, 2.25, 0.0]), sorted([1, 2.5, 0, -3, 2]))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted([(1, 'b'), (1, 'a')]))
l = list(range(50, 0, -1)); l.sort(); print(l[:10], l[-3:])
l = [5] * 10 + [1] * 10; l.sort(); print(l)
big = [(i * 7919) % 1000 for i in range(1000)]
big.sort(); print(big[:10], big[-10:], all(big[i] <= big[i + 1] for i in range(999)))
big.sort(reverse=True); print(big[:5])
print(sorted([10 ** 20, 5, -10 ** 30]))
print(sorted('hello world'), sorted({3: 'a', 1: 'b'}))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'K(%d)' % self.v
print(sorted([K(3), K(1), K(2)]))
x = [3, 1, 2]; print(x.sort(), x)
try:
    sorted([1, None])
except TypeError as e:
    print(e)
try:
    sorted([K(1), 2])
except TypeError as e:
    print(e)
