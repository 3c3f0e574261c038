import builtins as _b
def print(*a, **k):
    _b.print(*(str(x).replace('0x', '0h').replace('0X', '0H') for x in a), **k)
vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789012345.0, 1234567890123456.0,
        12345678901234567.0, 1e-4, 1e-5, 0.0001234, 1.5e-300, 5e-324, 1.7976931348623157e308, 1e22, 1e23,
        float('inf'), float('-inf'), float('nan'), 100.0, 2.5, 9.999999999999999e22, 3.141592653589793, 1e100]
for v in vals:
    print(repr(v), str(v), v.hex(), hash(v) if v == v else 'nan')
print(float('1.5'), float(' -2.5e3 '), float('1_0.5'), float('inf'), float('-Infinity'), float('nAn'), float('+1e-5'))
print(float(b'1.5'), float(bytearray(b'2')), float(7), float(2**80), float('.5'), float('5.'), float('1E5'))
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-1074'), float.fromhex('0x1.fffffffffffffp1023'), float.fromhex(' 0X.8 '))
print(float.fromhex('inf'), float.fromhex('0x1p-1075'), float.fromhex('0x3p-1076'), float.fromhex('1'))
print(round(2.675, 2), round(1.5), round(2.5), round(-0.5), round(0.5), round(1.25, 1), round(1.35, 1))
print(round(1234.5678, -2), round(1e300, -300), round(1.5, 400), round(-1.5, None), round(15.0, -1), round(25.0, -1))
print(round(0.1, 20), round(123.456, 1), round(-123.456, 2), round(5e-324, 5), round(1e-10, 3))
print((1.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.0).as_integer_ratio(), (1e300).as_integer_ratio()[1])
print((3.0).is_integer(), (3.5).is_integer(), float('inf').is_integer(), (2.5).real, (2.5).imag, (2.5).conjugate())
print(int(2.9), int(-2.9), 7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2), divmod(7, -2.5))
print(0.0 % 5, -0.0 % 5, 5 % -0.5, 1e300 * 1e10, -1e300 * 1e10, 2.0 ** 0.5, (-8.0) ** (1/3), (-2.0) ** 2)
print((-8) ** 0.5, 2 ** 0.5, 0.0 ** 0, float('nan') ** 0, 1.0 ** float('nan'), float('inf') ** -1, (-0.0) ** 3)
print(hash(1.0) == hash(1), hash(0.5), hash(-1.5), hash(1e300), hash(float('inf')), hash(float('-inf')), hash(2.0**70))
print(1.0 == 1, 0.5 < 1, 1.5 > 1, float('nan') == float('nan'), 1e308 < 10**400)
import math
print(math.trunc(3.7), math.floor(-3.2), math.ceil(-3.2), 1.1 + 2.2, 1e16 + 1, 3 * 0.1)
