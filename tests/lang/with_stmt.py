class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

with CM("a") as v:
    print("inside", v)
with CM("b") as x, CM("c") as y:
    print("two", x, y)
with CM("d", suppress=True):
    raise ValueError("swallowed")
print("after suppress")
try:
    with CM("e"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
def f():
    with CM("f"):
        return "returned"
print(f())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
try:
    with 42:
        pass
except Exception as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self): return self
try:
    with NoExit():
        pass
except Exception as e:
    print(type(e).__name__, e)
