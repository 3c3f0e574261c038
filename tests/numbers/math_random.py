import math
seed = 11
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed >> 11
fs = ['sqrt','exp','exp2','expm1','log','log2','log10','log1p','sin','cos','tan','asin','acos','atan','sinh','cosh','tanh','asinh','acosh','atanh','erf','erfc','gamma','lgamma','cbrt','degrees','radians','fabs','ceil','floor','trunc','frexp','modf','ulp']
out = []
for i in range(300):
    x = float.fromhex('0x1.%013xp%d' % (rnd() % 2**52, rnd() % 24 - 12))
    if i % 2: x = -x
    for f in fs:
        try: r = repr(getattr(math, f)(x))
        except Exception as e: r = type(e).__name__
        out.append(f + ' ' + r)
    y = float.fromhex('0x1.%013xp%d' % (rnd() % 2**52, rnd() % 10 - 5))
    for f in ['atan2', 'pow', 'fmod', 'remainder', 'copysign', 'hypot', 'nextafter', 'log']:
        try: r = repr(getattr(math, f)(x, y))
        except Exception as e: r = type(e).__name__
        out.append(f + ' ' + r)
print('\n'.join(out))
