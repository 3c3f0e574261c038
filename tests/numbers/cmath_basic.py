import cmath
def t(s):
    try: print(s, repr(eval(s)))
    except Exception as e: print(s, type(e).__name__, e)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
for z in [1+2j, -1-1j, 0.5j, -4, 2, 1e-5+1e-5j, 3.5-0.25j, -0.0+1j, 1+0j]:
    for f in ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'phase', 'polar', 'isfinite', 'isnan', 'isinf']:
        t('cmath.%s(%r)' % (f, z))
for s in ['cmath.log(0)', 'cmath.sqrt(0)', 'cmath.log(8, 2)', 'cmath.rect(1, cmath.pi)', 'cmath.rect(2, 0)', 'cmath.isclose(1+1j, 1+1.0000000001j)',
          'cmath.atanh(1)', 'cmath.exp(1000)', 'cmath.sqrt("a")', 'cmath.log(1, 1)', 'cmath.polar(1e308+1e308j)', 'cmath.phase(-1)', 'cmath.phase(complex(-1, -0.0))']:
    t(s)
