def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
l = [1, 2, 3]
check(lambda: l[3])
check(lambda: l[-4])
check(lambda: l['a'])
check(lambda: l.index(9))
check(lambda: l.remove(9))
check(lambda: [].pop())
check(lambda: l.pop(10))
check(lambda: l + (1,))
check(lambda: l * 'a')
check(lambda: l * 1.5)
check(lambda: l.__setitem__(slice(0, 3, 2), [1, 2, 3]))
check(lambda: l.__setitem__(slice(0, 1), 5))
check(lambda: l.__setitem__(slice(0, 1, 2), 5))
check(lambda: l.__setitem__(10, 5))
check(lambda: l.__delitem__(10))
check(lambda: l.index(1, 'a'))
check(lambda: l.sort(1))
check(lambda: [3, 'a', 1].sort())
check(lambda: list(1, 2))
check(lambda: list(5))
check(lambda: l < 3)
check(lambda: hash(l))
check(lambda: l.__getitem__(slice(0, 2, 0)))
check(lambda: l[::'a'])
check(lambda: l.insert('a', 1))
check(lambda: l.pop('a'))
check(lambda: {}.fromkeys(1))
def mutate_sort():
    a = [3, 2, 1]
    def key(x):
        a.append(x)
        return x
    a.sort(key=key)
check(mutate_sort)
def deep():
    a = []
    for i in range(100000):
        a = [a]
    return len(repr(a)) > 0
check(deep)
