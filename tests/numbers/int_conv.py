import builtins as _b
def print(*a, **k):
    _b.print(*(str(x).replace('0x', '0h').replace('0X', '0H') for x in a), **k)
for s in ['12', ' -12 ', '+0', '1_000', '0x_1f', '  0b1_0 ', '0o17', '00', '0', '٣٣', '\u00a012\u3000']:
    for base in [10, 0, 16]:
        try:
            print(repr(s), base, int(s, base))
        except ValueError as e:
            print(repr(s), base, 'ValueError', e)
print(int('z', 36), int('Z', 36), int('777', 8), int('-ff', 16), int('0XfF', 16))
print(int(3.7), int(-3.7), int(1e20), int(True), int(b' 42 '), int(bytearray(b'-7')))
print(int('1' * 4300) % 1000, len(str(10**4299)))
class A:
    def __index__(self): return 42
class B:
    def __int__(self): return 7
class C:
    def __trunc__(self): return 9
print(int(A()), int(B()), int(C()), int(x=5) if False else int('5', base=10))
class I(int):
    pass
i = I(5)
print(i, i + 1, type(i + 1).__name__, type(i).__name__, I('12', 16), -i, i == 5, hash(i) == hash(5))
print(isinstance(True, int), issubclass(bool, int), bool(0), bool(2**100), bool(), True == 1)
print(int(), int('  -0  '), 0 == -0, int('1' * 30))
print(format(10**20), str(-(2**63)), repr(2**63 - 1))
