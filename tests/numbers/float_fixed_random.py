seed = 5
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed >> 11
out = []
for i in range(2000):
    m = rnd() % 2**52
    e = rnd() % 200 - 100
    x = float.fromhex('0x1.%013xp%d' % (m, e))
    if i % 3 == 0: x = -x
    if i % 5 == 0: x = (rnd() % 100000) / 1000 + 0.0005
    if i % 7 == 0: x = (rnd() % 1000) * 0.125
    p = rnd() % 23
    out.append(format(x, '.%df' % p) + ' ' + format(x, 'f') + ' ' + format(x, '#.0f') + ' ' + format(x, 'z.1f') + ' ' + '%.2f' % x + ' ' + str(round(x, 2)))
out.append(format(0.5, '.0f') + format(1.5, '.0f') + format(2.5, '.0f') + format(-0.0, '.3f') + format(1e22, '.2f') + format(2.0**70, '.1f') + format(5e-324, '.20f'))
print('\n'.join(out))
