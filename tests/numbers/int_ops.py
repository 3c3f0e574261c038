import builtins as _b
def print(*a, **k):
    _b.print(*(str(x).replace('0x', '0h').replace('0X', '0H') for x in a), **k)
# int arithmetic, small and big, floor semantics, bitwise, shifts, pow
vals = [0, 1, -1, 7, -7, 2**61 - 1, -2**61, 2**61, 2**64 + 3, -(2**100) - 5, 10**30]
for a in vals:
    for b in [1, -1, 3, -3, 2**62, -(2**70) - 1]:
        print(a + b, a - b, a * b, a // b, a % b, divmod(a, b))
        print(a & b, a | b, a ^ b, a < b, a <= b, a == b, a != b, a > b, a >= b)
for a in vals:
    print(-a, +a, abs(a), ~a, bool(a), a << 3, a >> 3, a >> 100, a << 70)
print(2**100, 3**50, (-3)**51, 7**0, 0**0, (-1)**(10**20), 2**-2, (-2)**-3)
print(pow(3, 200, 10**9 + 7), pow(2, -1, 5), pow(-5, 3, 7), pow(5, 3, -7), pow(38, -1, 97))
print(1 / 3, 2**70 / 3, 10**400 // 10**398, (10**400 + 1) / 10**399, -7 / 2)
print(1 / (2**1100), 2**1074 / 2**1100, 2**2000 / 2**1990)
print(True + True, True * 3, -True, ~False, True & True, True | False, True ^ True, True & 3)
print(type(True & True).__name__, type(True & 3).__name__, type(True + False).__name__)
print(hash(0), hash(-1), hash(2**61 - 1), hash(2**61), hash(-2**61), hash(2**100), hash(-(2**100)), hash(True))
print((255).bit_length(), (-256).bit_length(), (0).bit_length(), (2**100).bit_length(), (-255).bit_count())
print((12).as_integer_ratio(), (5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate())
print(round(12345, -2), round(12355, -1), round(15, -1), round(25, -1), round(-25, -1), round(5, 0), round(7))
print(round(2**64, -5), round(-(10**25) - 5 * 10**9, -10))
print(int.__round__(17, -1), (10).__trunc__(), (10).__floor__(), (10).__ceil__())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (-1).to_bytes(2, 'big', signed=True))
print((-129).to_bytes(2, 'little', signed=True), (0).to_bytes(0, 'big'), (5).to_bytes())
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\xff\xff', 'little', signed=True))
print(int.from_bytes([1, 2, 3], 'big'), int.from_bytes(b'', 'big'), int.from_bytes(b'\x80'))
print(1 == 1.0, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 10**400 > 1e308, -10**400 < -1e308)
print(3 < 3.5, 4 > 3.5, 3 == 3.5, 2**100 == 2.0**100, (2**100 + 1) != 2.0**100)
print(5 < float('inf'), 5 > float('-inf'), 5 == float('nan'), 5 != float('nan'))
print(str(2**200), repr(-2**200), hex(2**70), oct(-2**70), bin(2**65 + 1))
print(sum(range(100000)), 12345678901234567 * 98765432109876543)
x = 2**62
print(x * x - x * x, (x + 1) - 1 == x, type(x - x + 5).__name__)
