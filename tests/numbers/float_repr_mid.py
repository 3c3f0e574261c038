seed = 1234
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed >> 11
out = []
for i in range(3000):
    m = rnd() % 2**52
    e = rnd() % 92 - 17
    x = float.fromhex('0x1.%013xp%d' % (m, e))
    if i % 5 == 0: x = float(rnd() % 10**(rnd() % 22 + 1)) / 10**(rnd() % 6)
    if i % 9 == 0: x = 2.0 ** (rnd() % 90 - 17)
    out.append(repr(x))
print('\n'.join(out))
