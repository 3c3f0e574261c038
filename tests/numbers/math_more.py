import math
def t(s):
    try: print(s, repr(eval(s)))
    except Exception as e: print(s, type(e).__name__, e)
for s in ['math.sqrt(10**400)', 'math.log(10**400, 10)', 'math.log(2**10000)', 'math.log(-(2**10000))', 'math.log2(2**10000 + 1)',
          'math.floor(10**400)', 'math.ceil(True)', 'math.exp(True)', 'math.sqrt(2**1023 * 2)', 'math.fsum([1, 2**1023, -2**1023])',
          'math.fsum(iter([0.1, 0.2, 0.3]))', 'math.fsum([1e16, 1.0, 1e-16])', 'math.fsum(["a"])', 'math.prod(["a", 3])',
          'math.prod([2**100, 2**100])', 'math.gcd(0, 0)', 'math.gcd(True, 4)', 'math.lcm(-4, 6)', 'math.comb(10**6, 3)',
          'math.perm(10, 0)', 'math.perm(3, 5)', 'math.comb(5, 5)', 'math.factorial(0)', 'math.factorial(True)', 'math.isqrt(True)',
          'math.isqrt(0)', 'math.isqrt(2**200 - 1)', 'math.copysign(math.inf, -1)', 'math.isclose(math.inf, math.inf)',
          'math.isclose(math.nan, math.nan)', 'math.dist((1.5,), (2,))', 'math.hypot(1e308, 1e308)', 'math.hypot(3e-320, 4e-320)',
          'math.hypot(*range(10))', 'math.dist([], [])', 'math.hypot(1, 1)', 'math.hypot(2, 3, 6)', 'math.hypot(0.1, 0.2, 0.3, 0.4)',
          'math.atan2(0.0, -0.0)', 'math.fmod(-0.0, 1)', 'math.modf(-0.0)', 'math.frexp(math.inf)', 'math.ldexp(5e-324, -1)',
          'math.ldexp(1, 10**20)', 'math.ldexp(1, -10**20)', 'math.trunc(2**100 + 0.5)', 'math.pow(-0.0, -1)', 'math.pow(-2, 0.5)',
          'math.pow(math.inf, -1)', 'math.pow(-math.inf, 3)', 'math.pow(1, math.nan)', 'math.pow(0.5, -math.inf)', 'math.exp(-1000)',
          'math.expm1(-1000)', 'math.cosh(-1000)', 'math.sinh(-1000)', 'math.asinh(-1e308)', 'math.acosh(1e308)', 'math.erfc(100)',
          'math.cbrt(8)', 'math.cbrt(-0.0)', 'math.exp2(-1080)', 'math.remainder(math.inf, 1)', 'math.remainder(1, math.inf)',
          'math.remainder(-3.0, 2.0)', 'math.remainder(3.0, 2.0)', 'math.log(1)', 'math.log(math.e)', 'math.log10(0.001)',
          'math.degrees(1)', 'math.radians(1)', 'math.sin(1e22)', 'math.tan(math.pi / 2)', 'math.asin(1)', 'math.acos(-1)',
          'math.gcd(2.0, 4)', 'math.sqrt()', 'math.log()', 'math.log(1, 2, 3)', 'math.pow(1)', 'math.isclose(1)', 'math.hypot("a")',
          'math.isclose(1, 2, 3)', 'math.isclose(1, 1.5, rel_tol=0.5)', 'math.isclose(a=1, b=1)', 'math.prod(start=1)',
          'math.nextafter(math.inf, 0)', 'math.nextafter(0.0, math.nan)', 'math.ulp(-math.inf)', 'math.ulp(5e-324)', 'math.ulp(1.7976931348623157e308)']:
    t(s)
