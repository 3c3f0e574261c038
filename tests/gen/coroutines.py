class Future:
    def __init__(self, v): self.v = v
    def __await__(self):
        r = yield self.v
        return r
async def leaf(x):
    got = await Future(x)
    return got * 2
async def mid():
    a = await leaf(1)
    b = await leaf(2)
    return a + b
def run(coro):
    val = None
    try:
        while True:
            yielded = coro.send(val)
            print("yielded", yielded)
            val = yielded + 10
    except StopIteration as e:
        return e.value
print(run(mid()))
async def simple():
    return 5
c = simple()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError", e)
class ACM:
    async def __aenter__(self):
        print("aenter")
        return "ctx"
    async def __aexit__(self, *a):
        print("aexit", a[0])
        return False
async def use_acm():
    async with ACM() as v:
        print("inside", v)
    return "ok"
print(run(use_acm()))
class AIter:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 3:
            raise StopAsyncIteration
        return self.n
async def use_aiter():
    out = []
    async for v in AIter():
        out.append(v)
    return out
print(run(use_aiter()))
async def comp():
    return [v async for v in AIter()]
print(run(comp()))
async def thrower():
    try:
        await Future("t")
    except ValueError as e:
        return f"caught {e}"
co = thrower()
print(co.send(None))
try:
    co.throw(ValueError("x"))
except StopIteration as e:
    print(e.value)
async def aw(): pass
x = aw()
print(x.__qualname__, x.cr_running)
x.close()
