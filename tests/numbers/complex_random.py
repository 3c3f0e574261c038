seed = 21
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed >> 11
def fl():
    x = float.fromhex('0x1.%013xp%d' % (rnd() % 2**52, rnd() % 40 - 20))
    return -x if rnd() % 2 else x
out = []
for i in range(500):
    a = complex(fl(), fl()); b = complex(fl(), fl())
    if i % 5 == 0: b = complex(fl(), 0.0)
    if i % 7 == 0: a = complex(float(rnd() % 10), 0)
    res = []
    for op in ('a + b', 'a - b', 'a * b', 'a / b', 'a ** b', 'a ** 3', 'a ** -2', 'abs(a)', 'a ** 0.5', 'hash(a)', '(a.real) ** b'):
        try: res.append(repr(eval(op)))
        except Exception as e: res.append(type(e).__name__)
    out.append(' '.join(res))
print('\n'.join(out))
