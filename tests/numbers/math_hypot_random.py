import math
seed = 77
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed >> 11
out = []
for i in range(1500):
    n = rnd() % 5 + 1
    v = [float.fromhex('0x1.%013xp%d' % (rnd() % 2**52, rnd() % 60 - 30)) for _ in range(n)]
    if i % 4 == 0: v = [float(rnd() % 1000) for _ in range(n)]
    out.append(repr(math.hypot(*v)))
    out.append(repr(math.dist(v, [0.5] * n)))
print('\n'.join(out))
