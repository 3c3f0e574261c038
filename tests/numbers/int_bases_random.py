seed = 3
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 11) % n
D = '0123456789abcdefghijklmnopqrstuvwxyz'
out = []
for i in range(300):
    base = rnd(35) + 2
    s = ''.join(D[rnd(base)] for _ in range(rnd(40) + 1))
    if rnd(3) == 0: s = s.upper()
    if rnd(4) == 0: s = '-' + s
    v = int(s, base)
    n = rnd(2**64) * rnd(2**64) - rnd(2**100)
    nb = rnd(20)
    out.append('%s %d %s %s %s %s %s' % (s, v, format(n, 'x'), format(n, '_o'), format(n, '#b')[:40].replace('0b', '0t'), str(n // 7), repr(n.to_bytes(nb + 14, 'little', signed=True))))
    out.append(repr(int.from_bytes(n.to_bytes(30, 'big', signed=True), 'big', signed=True) == n) + ' ' + str(n.bit_length()) + ' ' + str(abs(n).bit_count()) + ' ' + str(round(n, -rnd(30))))
print('\n'.join(out))
