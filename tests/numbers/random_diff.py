
seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed
out = []
for i in range(400):


    # build float from random bits via fromhex-free arithmetic
    m = rnd() % 2**53
    e = rnd() % 2100 - 1075
    x = m * 2.0 ** e if -1074 <= e <= 971 else float(m)
    if rnd() % 2: x = -x
    out.append(repr(x))
    out.append(str(x * 1.0))
    out.append(format(x, '.3g') + ' ' + format(x, '.10e') + ' ' + format(x, '#.5g') + ' ' + format(x, '') + ' ' + format(x, '.12'))
    if abs(x) < 1e20:
        out.append(format(x, '.4f') + ' ' + format(x, ',.2f') + ' ' + str(round(x, 3)) + ' ' + str(round(x)) + ' ' + str(round(x, -2)))
    out.append(str(hash(x)))
    a = rnd() * rnd() * (rnd() % 1000 + 1) - rnd() * rnd()
    b = rnd() % (2**(rnd() % 90)) + 1
    if rnd() % 2: b = -b
    out.append('%r %r %r %r %r' % (a / b, a // b, a % b, float(a), a * 1.0 == a))
    out.append('%r %r %r' % (a < x, a == float(a), float(a) > a))
    out.append(str(hash(a)) + ' ' + str(hash(b)) + ' ' + str(a ^ b) + ' ' + str(a & -b) + ' ' + str(a >> 7))
print('\n'.join(out))
