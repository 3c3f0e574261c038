import builtins as _b
def print(*a, **k):
    _b.print(*(str(x).replace('0x', '0h').replace('0X', '0H') for x in a), **k)
tests = [
    (1, 'z'), (1.5, 'z'), (1, '.2d'), (1, ',c'), (1, '=c'), (1, '+c'), (1, '#c'), (1, ',x'), (1, '_x'),
    (1, ',_'), (1, '_,'), (1, ',,'), (1, '<<<'), (1, '.'), (1, '.x'), (1.0, 'd'), (1, 'zd'),
    (1, 's'), (1j, '='), (1j, '010'), (1, '10000000000000000000000'), (1, '.10000000000000000000'),
    (-1, 'c'), (0x110000, 'c'), (1.5, ',n'), (1, ',n'), (10**400, 'f'), (1, 'x1'), (1.5, 'z+.3e'),
    (1j, '%'), (1j, 'd'), (1.5, 'b'), (1.5, '=5s'), ('a', 'd'), (None, 'd'), (1j, 'x1'),
]
for v, s in tests:
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)
