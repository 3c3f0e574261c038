print({3, 1, 2}, {100, 5, 37}, set(range(20)), {-1, -2, 0})
print(set([64, 8, 16, 32, 1, 9, 17]), {1000, 2000, 30, 7, 15}, set(range(100, 0, -7)))
s = set()
for i in [5, 13, 21, 29, 37, 45, 53, 61, 69, 77]:
    s.add(i)
print(s)
s.discard(21); s.discard(53); s.add(85); s.add(21); print(s)
print(set(range(0, 1000, 37)))
a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
b = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [100, 200]), a.intersection(b, range(7, 20)), a.difference(b, [1]), a.symmetric_difference(b))
c = set(a); c |= {99, 98}; print(c); c &= set(range(5, 100)); print(c); c -= {5}; print(c); c ^= {6, 1000}; print(c)
p = set(range(40))
while len(p) > 30:
    p.pop()
print(p)
print(frozenset({3, 1, 2}), frozenset(), set(), frozenset(range(12)))
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset(range(100))), hash(frozenset({-1, 2 ** 70})))
print({x * x for x in range(-5, 6)})
print(set({'a': 1}.keys()) == {'a'}, set([1, 1, 2, 2]), {True, 1, 1.0, 2})
q = set(range(50)); q.difference_update(range(0, 50, 2)); print(q)
q.intersection_update(range(0, 30)); print(q)
q.symmetric_difference_update({1, 2, 3, 4}); print(q)
q.update([7, 8], (900,)); print(q)
print(set(range(10)) - {1, 2}, set(range(100)) - set(range(3, 100)))
d = {i: i for i in range(15)}
print(set(d), set(d) ^ {3, 33})
print(sorted({'x', 'y'}), {1, 2}.copy(), set([2 ** 65, 1, 2 ** 64]))
