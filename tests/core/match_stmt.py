def m(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2:
            return "one or two"
        case [a, b]:
            return f"pair {a} {b}"
        case [first, *rest]:
            return f"seq {first} {rest}"
        case {"k": v, **others}:
            return f"map {v} {others}"
        case str() as s if len(s) > 3:
            return "long str " + s
        case str(s):
            return "str " + s
        case None:
            return "none"
        case _:
            return "other"
for v in [0, 2, [1, 2], [1, 2, 3], (9,), {"k": 1, "z": 2}, "hello", "hi", None, 3.5]:
    print(m(v))
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
def where(p):
    match p:
        case P(0, 0): return "origin"
        case P(x=0, y=y): return f"y-axis {y}"
        case P(x, 0): return f"x-axis {x}"
        case P(): return "somewhere"
print(where(P(0, 0)), where(P(0, 5)), where(P(3, 0)), where(P(1, 1)))
try:
    match 5:
        case int(1, 2): pass
except TypeError as e:
    print("TypeError", e)
