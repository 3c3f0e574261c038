def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = {1, 2, 3}
print(a <= {1, 2, 3, 4}, a < a, a <= a, a >= {1}, a > {1, 2, 3}, a == {3, 2, 1}, a != frozenset(a))
print(a.issubset([1, 2, 3, 4]), a.issuperset([1]), a.isdisjoint([4, 5]), a.isdisjoint({3}))
print(1 in a, 5 in a, frozenset([1]) in {frozenset([1])}, {1} in {frozenset([1])})
print(frozenset([1, 2]) | {3}, {3} | frozenset([1, 2]), type(frozenset([1]) & {1}).__name__)
print(len(a), bool(set()), bool(a), sorted(a, reverse=True))
s = {1, 2}; s.remove(1); print(s); s.clear(); print(s)
class S(set): pass
print(S([1, 2]), S(), type(S([1]) | {2}).__name__, frozenset([1]) == {1})
print({frozenset([1, 2]): 'x'}[frozenset([2, 1])])
check(lambda: {1}.remove(5))
check(lambda: set().pop())
check(lambda: {[1]})
check(lambda: {1}.add([]))
check(lambda: [] in {1})
check(lambda: {1} | [2])
check(lambda: {1} < [1])
check(lambda: set(1))
check(lambda: set([1], [2]))
check(lambda: hash({1}))
check(lambda: {1}.remove((1, [])))
check(lambda: {1}.remove({2}))
check(lambda: frozenset([1]).add)
def mut():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)
check(mut)
check(lambda: {'a'} - 'a')
check(lambda: {1}.update(5))
