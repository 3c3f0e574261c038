seed = 99
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 20) % n
vals = [0, 1, -3, 7, 2**61 - 1, -2**61, 2**64 + 1, -(2**100), True,
        0.0, -0.0, -1.5, 2.0, 1e300, float('-inf'), float('nan'), 3.7,
        0j, 1j, -2+3j, complex(float('inf'), 1)]
ops = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '<', '<=', '==', '!=', '>', '>=']
def show(x):
    if isinstance(x, float) and x != x: return 'nan'
    if isinstance(x, complex): return repr(x).replace('nan', 'NAN')
    return repr(x)
for a in vals:
    for b in vals:
        for op in ops:
            if op in ('**',) and isinstance(a, int) and isinstance(b, int) and abs(b) > 200: continue
            if op == '<<' and isinstance(b, int) and b > 100: continue
            try: r = show(eval('a %s b' % op))
            except Exception as e: r = type(e).__name__ + ': ' + str(e)
            print(show(a), op, show(b), '->', r)
        try: r = 'skip' if (isinstance(a, float) or isinstance(b, float)) and b == 0 else show(divmod(a, b))
        except Exception as e: r = type(e).__name__ + ': ' + str(e)
        print('divmod', show(a), show(b), r)
        try: r = show(pow(a, b, 7))
        except Exception as e: r = type(e).__name__ + ': ' + str(e)
        print('pow3', show(a), show(b), r)
    for f in (abs, lambda x: -x, lambda x: +x, lambda x: ~x, bool, int, float, complex, lambda x: hash(x) if x == x else 0, round, str, lambda x: round(x, 2), lambda x: round(x, -1)):
        try: r = show(f(a))
        except Exception as e: r = type(e).__name__ + ': ' + str(e)
        print('un', show(a), r)
