import math
def t(s):
    try:
        print(s, repr(eval(s)))
    except Exception as e:
        print(s, type(e).__name__, e)
print(math.pi, math.e, math.tau, math.inf, math.nan)
for s in ['math.gamma(0)','math.gamma(-1)','math.gamma(171.7)','math.gamma(5)','math.gamma(0.5)','math.lgamma(0)','math.lgamma(-2)',
          'math.lgamma(1e308)','math.lgamma(10)','math.gamma(float("-inf"))','math.sqrt("a")','math.sqrt(2)','math.sqrt(-1)',
          'math.factorial(1.0)','math.factorial(-1)','math.factorial(20)','math.factorial(30)','math.comb(-1,2)','math.comb(5,-1)',
          'math.comb(10,3)','math.comb(3,10)','math.comb(100,50)','math.perm(5,-1)','math.perm(10,3)','math.perm(5)','math.isqrt(-1)',
          'math.isqrt(10**40)','math.isqrt(99)','math.log(0)','math.log(-1)','math.log(1,1)','math.log(8,2)','math.log(10**1000)',
          'math.log(2**2000,2)','math.log10(10**400)','math.log10(1000)','math.log2(1024)','math.log2(2**3000)','math.log1p(-1)',
          'math.log1p(1e-20)','math.fsum([1e308,1e308])','math.fsum([float("inf"),float("-inf")])','math.fsum([0.1]*10)',
          'math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])','math.fsum([])','math.fsum(range(10))',
          'math.ldexp(1.0, 2000)','math.ldexp(1.0,1.5)','math.ldexp(3, -2)','math.fmod(1,0)','math.fmod(float("inf"),1)',
          'math.fmod(-7, 3)','math.fmod(5, float("inf"))','math.pow(0,-1)','math.pow(-8,1/3)','math.pow(10,400)','math.pow(2,0.5)',
          'math.pow(float("nan"), 0)','math.pow(-2, 3)','math.isclose(1,1,rel_tol=-1)','math.isclose(1.0, 1.0000000001)',
          'math.isclose(1, 1.1)','math.isclose(0, 1e-10, abs_tol=1e-9)','math.dist([1],[1,2])','math.dist((0,0),(3,4))',
          'math.dist([1,2,3],[4,5,6])','math.gcd(1.5)','math.gcd(12, 18, 27)','math.gcd(-4, 6)','math.gcd(2**100, 6**50)',
          'math.lcm(4,6,10)','math.lcm()','math.gcd()','math.lcm(0, 5)','math.trunc("a")','math.trunc(-3.9)','math.trunc(5)',
          'math.ceil("a")','math.ceil(3.1)','math.ceil(-3.9)','math.floor(1e300) == 10**300','math.floor(2.5)','math.floor(True)',
          'math.remainder(1,0)','math.remainder(7, 4)','math.remainder(-7, 4)','math.remainder(5, 2)','math.hypot()','math.hypot(3,4)',
          'math.hypot(1,2,3)','math.hypot(-5)','math.hypot(float("inf"), float("nan"))','math.prod([])','math.prod([1,2],start=3)',
          'math.prod(range(1,11))','math.prod([1.5, 2])','math.nextafter(1,2)','math.nextafter(0, -1)','math.ulp(1.0)','math.ulp(0.0)',
          'math.ulp(1e308)','math.exp(1000)','math.exp(1)','math.exp2(1100)','math.exp2(10)','math.expm1(1e-10)','math.cbrt(27)',
          'math.modf(float("inf"))','math.modf(-3.5)','math.frexp(0.0)','math.frexp(8)','math.frexp(-0.3)','math.sqrt(-0.0)',
          'math.acosh(0.5)','math.acosh(2)','math.atanh(1)','math.atanh(0.5)','math.asinh(1)','math.erf(0.5)','math.erfc(-30)',
          'math.copysign(1,-0.0)','math.copysign(-3, 2)','math.sin(math.pi/6)','math.cos(0)','math.tan(1)','math.sin(float("inf"))',
          'math.asin(2)','math.acos(0.5)','math.atan(1)','math.atan2(1, -1)','math.atan2(-0.0, -1)','math.sinh(1)','math.cosh(1000)',
          'math.tanh(0.5)','math.degrees(math.pi)','math.radians(180)','math.isfinite(1e308)','math.isinf(-math.inf)',
          'math.isnan(math.nan)','math.isnan(1)','math.fabs(-2)','math.sqrt(10**400)','math.sqrt(1, 2)','math.atan2(1)',
          'math.factorial(10**30)','math.exp(float("nan"))','math.log(float("inf"))','math.floor(float("inf"))','math.ceil(float("nan"))']:
    t(s)
