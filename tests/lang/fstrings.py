name, n, pi = "gil", 42, 3.14159
print(f"{name} {n} {pi}")
print(f"{name!r} {name!s} {'é'!a}")
print(f"{n:5d}|{n:<5}|{n:^7}|{n:>+5}|{n:05}|{n:x}|{n:#o}|{n:b}")
print(f"{pi:.2f} {pi:10.3e} {pi:g} {1e20:g} {0.5:%}")
print(f"{1234567:,} {1234567:_} {-5:=6}")
print(f"{n=} {pi=:.1f} {name = }")
print(f"{'nested ' + f'{n}':>12}")
w, p = 10, 3
print(f"{pi:{w}.{p}f}|")
print(f"{{braces}} {n}{{}}")
print(f"{[1, 2][0]} {dict(a=1)['a']} {(lambda x: x * 2)(4)}")
print(f"{'a' if n > 1 else 'b'}")
d = {"k": "v"}
print(f"{d['k']}" "plain" f"{n}")
print(f"""multi
{n}
line""")
class T:
    def __format__(self, spec): return f"T<{spec}>"
print(f"{T():abc} {T()}")
for bad in ["f'{n:z}'", "f'{n!x}'", "format(3, 'q')"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
