import types

class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        got = yield ("sleep", self.n)
        return got

async def worker(name, n):
    total = 0
    for i in range(n):
        got = await Sleep(i)
        total += got
    return f"{name}:{total}"

async def main():
    a = await worker("a", 3)
    b = await worker("b", 2)
    return [a, b]

def run(coro):
    value = None
    steps = 0
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value, steps
        steps += 1
        value = req[1] * 10

print(run(main()))
c = worker("x", 1)
print(type(c).__name__, c.__name__)
print(c.send(None))
try:
    c.throw(ValueError("boom"))
except ValueError as e:
    print("thrown:", e)
c.close()
c2 = main()
c2.close()
async def simple():
    return 5
try:
    simple().send(None)
except StopIteration as e:
    print("value", e.value)
co = simple()
co.send(None) if False else None
try:
    co.send(1)
except TypeError as e:
    print("TypeError:", e)
co.close()
