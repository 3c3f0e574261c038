x, name, pi = 42, "world", 3.14159
print(f"hello {name}!", f"{x:5d}|{x:<5}|{x:^7}|{x:x}", f"{pi:.3f} {pi!r} {name!a}")
width = 8
print(f"{name:>{width}}", f"{x:{'0'}{width}}", f"{'q'!r:>5}")
print(f"{x + 1 = }", f"{name.upper()}", f"{[i for i in range(3)]}")
print(f"a{{b}}c", f"{3}{4}", f"{'é'!a}")
class R:
    def __repr__(self): return "R()"
    def __str__(self): return "str-R"
    def __format__(self, spec): return f"fmt[{spec}]"
print(f"{R()} {R()!r} {R()!s} {R():xyz}")
try:
    f"{x:q}"
except ValueError as e:
    print("ValueError", e)
