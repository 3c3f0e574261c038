seed = 4242
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 20) % n
A = ' +-_.0123456789eEjJxXoObBaAfFinINnNt()z#,%<>=^*gGdcsn'
def rs(k):
    return ''.join(A[rnd(len(A))] for _ in range(rnd(k) + 1))
vals = [0, 1, -7, 255, 2**70, -2**70, 0.0, -0.0, 1.5, -2.25e-7, 1e300, float('inf'), float('nan'), 1+2j, -0.5j, True]
for i in range(600):
    s = rs(8)
    for f in (int, float, complex):
        try: r = repr(f(s))
        except Exception as e: r = type(e).__name__ + ' ' + str(e)
        print(f.__name__, repr(s), r)
    try: r = repr(int(s, 0))
    except Exception as e: r = type(e).__name__ + ' ' + str(e)
    print('int0', repr(s), r)
    v = vals[rnd(len(vals))]
    try: r = repr(format(v, s))
    except Exception as e: r = type(e).__name__ + ' ' + str(e)
    print('fmt', repr(v), repr(s), r)
