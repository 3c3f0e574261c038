import builtins as _b
def print(*a, **k):
    _b.print(*(str(x).replace("0x", "0h").replace("0X", "0H") for x in a), **k)
print(True.__class__, bool.__mro__, int.__mro__, True.real, True.numerator, (True).bit_length(), True.to_bytes(1, 'big'))
print(float.__getformat__('double'), int.__doc__[:20], float.__name__, (1.5).__class__.__name__)
print(1.5.__round__(), (1.5).__trunc__(), (-1.5).__floor__(), (-1.5).__ceil__(), (2.5).__round__(0), (7).__round__())
print(divmod(7, 2), divmod(-7, 2), divmod(2**70, 3), divmod(7.5, 2), divmod(7, 2.5), divmod(True, 2))
print(sum([0.1] * 10), sum([1, 2.5, 3]), max(1, 2.5), min(-1, -0.5), abs(-2**100), pow(2, 100, 7), pow(2.0, 3), pow(-8, 1/3))
print(hash(1) == hash(1.0) == hash(1 + 0j), hash(-0.0), hash(0.0), {1: 'a', 1.0: 'b', True: 'c'})
print(1 if 0.0 else 2, 1 if 1j else 2, not 0, not 2**100, bool(0j), bool(float('nan')))
print(int('12') + int(b'3'), float('3') * 2, complex('2j') * 1j)
print(0.1 + 0.2 == 0.3, 1e308 * 10, -1e308 * 10, 1e-320, 2.0**-1074, float('nan') != float('nan'))
x = 10**20
x += 1; x -= 2; x *= 3; x //= 7; x %= 10**15; x **= 2; x <<= 3; x >>= 1; x |= 1; x &= ~2; x ^= 5
print(x)
import sys
print(sys.maxsize, sys.float_info.max if hasattr(sys, 'float_info') else '', sys.int_info if hasattr(sys, 'int_info') else '')
for v in [0, 1, -1, 255, -256, 2**64, -2**64]:
    print(v, bin(v), oct(v), hex(v).replace('0x', '0h'), format(v, 'b'), '%d %i %5d %-5d|%x %o %e %f %g' % (v, v, v, v, v, v, v, v, v))
print('%.3f %10.2e %g %s %r %.0f %+d' % (3.14159, 12345.678, 0.0001, 1.5, 2.5, 0.5, 5))
