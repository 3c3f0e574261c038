def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
vals = [1+2j, -1.5-0.5j, 2j, complex(0.0, -0.0), complex(-0.0, -1.0), complex(float('inf'), float('nan')), 1e20j, 1.5+1e-7j, 3+0j]
for v in vals:
    print(repr(v), str(v), v.real, v.imag, v.conjugate(), abs(v) if v == v else 'x', bool(v))
a, b = 1+2j, 3-4j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** b, a ** 0.5, 2 ** a, a + 1, 1.5 * a, a - 2**60)
print(a == 1+2j, a != b, (3+0j) == 3, (3+0j) == 3.0, 1j ** 2, (1j) ** -1, hash(1+1j), hash(1.5-2j), hash(3+0j) == hash(3))
print(complex('1+2j'), complex(' (1-2j) '), complex('j'), complex('-j'), complex('1e3'), complex('1.5e-2-3J'), complex('inf+nanj'))
print(complex(1, 2), complex(1.5), complex(), complex(2j, 1j), complex(real=1, imag=3), complex(True, False), complex('1_0+2_0j'))
t(lambda: complex('x'))
t(lambda: complex('1+'))
t(lambda: complex('1+2'))
t(lambda: complex('1', 2))
t(lambda: complex(1, '2'))
t(lambda: complex([]))
t(lambda: complex(1, []))
t(lambda: 1j / 0)
t(lambda: 0j ** -1)
t(lambda: 0j ** 1j)
t(lambda: (1e200 + 1e200j) ** 2)
t(lambda: 1j < 2j)
t(lambda: 1j % 2)
t(lambda: 1j // 2)
t(lambda: int(1j))
t(lambda: float(1j))
t(lambda: abs(1e308 + 1e308j))
t(lambda: divmod(1j, 1))
class C:
    def __complex__(self): return 5j
print(complex(C()), (1+2j).__getnewargs__(), -(1+2j), +(1-2j))
