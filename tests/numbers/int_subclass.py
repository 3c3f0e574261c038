class I(int):
    def __repr__(self): return 'I(%d)' % int(self)
i = I(7)
print(i, repr(i), i + 1, i * i, int(i), type(int(i)).__name__, -i, abs(I(-3)), i.bit_length(), f'{i:>4}')
print(int.__add__(1, 2), (5).__radd__(3), int.__sub__(1, 2.0), (3).__mul__('a'), (2).__pow__(10), (2).__rpow__(3))
print(int.__new__(I, 5), type(int.__new__(I, 5)).__name__, I('ff', 16), I.from_bytes(b'\x01', 'big'), type(I.from_bytes(b'\x01', 'big')).__name__)
class F(float):
    pass
f = F(2.5)
print(f, f + 1, type(f + 1).__name__, F('1e3'), float(f), type(float(f)).__name__, f.is_integer(), round(f), F.fromhex('1p1'), type(F.fromhex('1p1')).__name__)
class C(complex):
    pass
print(C(1, 2), C(1, 2) + 1, type(C(1, 2)).__name__)
class J(int):
    def __add__(self, o): return 'J.add'
    def __radd__(self, o): return 'J.radd'
print(J(1) + 1, 1 + J(1), J(2) * 3, I(2**100) + 1, I(2**100) == 2**100, hash(I(2**100)) == hash(2**100))
try:
    bool.__new__(int)
except TypeError as e:
    print(e)
try:
    class B(bool): pass
except TypeError as e:
    print(e)
