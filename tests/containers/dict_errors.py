def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = {'a': 1}
check(lambda: d['x'])
check(lambda: d[(1, 2)])
check(lambda: d[[1]])
check(lambda: d.pop('x'))
check(lambda: {}.popitem())
check(lambda: dict([(1,)]))
check(lambda: dict([1]))
check(lambda: dict(5))
check(lambda: dict(1, 2))
check(lambda: d.update(1, 2))
check(lambda: d.get())
check(lambda: d | 1)
check(lambda: {[]: 1})
check(lambda: d < d)
check(lambda: hash(d))
def mut():
    x = {1: 1, 2: 2}
    for k in x:
        x[k + 10] = 0
check(mut)
def mut2():
    x = {1: 1, 2: 2}
    for k in x:
        del x[k]
check(mut2)
def mut3():
    x = {1: 1, 2: 2}
    it = iter(x)
    next(it)
    x[5] = 5
    try:
        next(it)
    except RuntimeError as e:
        print('first', e)
    del x[5]
    return next(it, 'done')
check(mut3)
def f(**kw): return kw
check(lambda: f(**{'a': 1}, **{'a': 2}))
check(lambda: d.__getitem__())
check(lambda: {}.fromkeys())
try:
    {}['missing']
except KeyError as e:
    print(repr(e), e.args)
try:
    {}[('t', 1)]
except KeyError as e:
    print(repr(e), e.args)
