def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(True, False, repr(True), str(False), True + 1, True * 2.5, True / 2, True // 1, True % 2, True ** 10, -True, +True, ~True, abs(False))
print(True & True, True & False, True | False, False ^ True, True ^ True, True & 1, 1 | False, type(True | False).__name__, type(True | 0).__name__)
print(True == 1, True is True, hash(True), hash(False), int(True), float(True), complex(True), True.real, True.imag, True.bit_length())
print(bool(), bool(0), bool(1), bool(''), bool('a'), bool([]), bool([0]), bool(0.0), bool(-0.0), bool(0j), bool(None), bool(2**100))
print(format(True), format(True, 'd'), format(False, '^5'), format(True, '.1f'), f'{True}', f'{True!r:>6}', '%d %s %r' % (True, True, False))
print(sorted([True, False, 2, -1, 0.5]), max(True, False), sum([True] * 5), True < 2, False > -1, [10, 20][True])
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool), bool.__base__, True.__class__.__name__, True.as_integer_ratio())
print(True.to_bytes(2, 'little'), bool.from_bytes(b'\x01', 'big'), type(bool.from_bytes(b'\x00', 'big')).__name__, round(True), divmod(True, True))
class X:
    def __bool__(self): return False
class Y:
    def __len__(self): return 3
print(bool(X()), bool(Y()), not X(), not Y())
t(lambda: bool(1, 2))
t(lambda: bool(x=1))
t(lambda: bool.__new__(int))
t(lambda: True / False)
t(lambda: True // False)
t(lambda: True + 'a')
t(lambda: type('B', (bool,), {}))
class Z:
    def __bool__(self): return 1
t(lambda: bool(Z()))
