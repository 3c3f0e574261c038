# Exception handling in hot loops: try/except, raise, with statements.
class Ctx:
    def __init__(self):
        self.n = 0
    def __enter__(self):
        self.n += 1
        return self
    def __exit__(self, *a):
        return False

def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1

def run(n):
    total = 0
    c = Ctx()
    for i in range(n):
        total += parse("12" if i % 3 else "x")
        with c:
            total += 1
        try:
            if i % 5 == 0:
                raise KeyError(i)
        except KeyError as e:
            total += e.args[0] % 3
        finally:
            total += 1
    return total, c.n

print(run(600_000))
