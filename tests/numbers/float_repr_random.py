seed = 987654321
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed >> 11
out = []
for i in range(3000):
    m = rnd() % 2**52
    e = rnd() % 2046 - 1022
    x = float.fromhex('0x1.%013xp%d' % (m, e))
    if i % 7 == 0: x = float.fromhex('0x0.%013xp-1022' % m)
    if i % 11 == 0: x = float(rnd() % 10**(rnd() % 17)) / 10**(rnd() % 20)
    out.append(repr(x))
print("\n".join(out))
print(out[:20])
print(sum(len(s) for s in out))
