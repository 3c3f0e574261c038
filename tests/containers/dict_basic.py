d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), d['a'], d.get('z'), d.get('z', 0), 'a' in d, 'z' not in d)
del d['b']; print(d)
d['b'] = 20; print(d, list(d))
print(d.setdefault('a', 100), d.setdefault('n', []), d)
print(d.pop('n'), d.pop('zz', 'dflt'), d)
print(d.popitem(), d)
d.update({'x': 1}, y=2); d.update([('z', 3)]); d.update(w=4); print(d)
print(d.copy(), d.copy() == d, d.copy() is d)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({1: 2}, x=5), dict(zip('ab', [1, 2])))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0))
print({1: 'a'} | {2: 'b'}, {1: 'a', 2: 'x'} | {2: 'b'})
e = {1: 1}; e |= {2: 2}; e |= [(3, 3)]; print(e)
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {} == {})
r = {}; r['self'] = r; print(r)
big = {}
for i in range(1000):
    big[i] = i * i
for i in range(0, 1000, 2):
    del big[i]
print(len(big), big[999], list(big)[:5], sum(big.values()))
for i in range(10):
    big[i] = 'new'
print(list(big.items())[-3:])
print({1: 'x', 1.0: 'y', True: 'z'})
print({(1, 2): 3}[(1, 2)], {None: 1}[None], {frozenset([1]): 'f'}[frozenset([1])])
d = dict(a=1)
d.clear(); print(d, len(d))
k = {}
for w in 'the quick brown fox jumps over the lazy dog the end'.split():
    k[w] = k.get(w, 0) + 1
print(k)
print(sorted(k.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
class D(dict):
    def __missing__(self, key):
        return key * 2
dd = D(a=1); print(dd['a'], dd['bb'], dd, type(dd).__name__, isinstance(dd, dict))
class E(dict):
    pass
print(E(x=1), E([(1, 2)]) == {1: 2})
def f(**kw): return kw
print(f(a=1, b=2), dict(**{'q': 1}))
print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2, 3: 4}.items())))
print(d.__class__, {}.get.__name__)
del_in_order = {i: i for i in range(8)}
for i in [0, 3, 5]:
    del del_in_order[i]
del_in_order[0] = 'z'
print(del_in_order)
print(hash(1) == hash(1.0), {2 ** 70: 'big'}[2 ** 70])
