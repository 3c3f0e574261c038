class Aw:
    def __await__(self):
        x = yield 'suspend'
        return x
async def f():
    yield 1
    v = await Aw()
    print('got', v)
    yield v
g = f()
print(type(g).__name__, repr(g).startswith("<async_generator object f at 0x"))
def drive(aw, sends=()):
    sends = list(sends)
    try:
        r = aw.send(None)
        while True:
            print('yielded', r)
            r = aw.send(sends.pop(0) if sends else None)
    except StopIteration as e:
        print('stop', e.value)
    except StopAsyncIteration:
        print('StopAsyncIteration')
drive(g.__anext__())
drive(g.__anext__(), ['hello'])
drive(g.__anext__())
drive(g.__anext__())
async def main():
    async for x in f():
        print('item', x)
    print([x async for x in f()])
drive(main(), ['a','b','c','d'])
try: next(f())
except Exception as e: print(type(e).__name__, e)

# asend / athrow / aclose
async def echo():
    try:
        while True:
            v = yield 'ready'
            print('echo got', v)
            if v == 'boom':
                raise ValueError('bad value')
    except KeyError as e:
        print('caught', repr(e))
        yield 'recovered'
    finally:
        print('echo finally')

e = echo()
drive(e.asend(None))
drive(e.asend('x'))
drive(e.athrow(KeyError('k')))
drive(e.aclose())
drive(e.asend('after'))

e = echo()
drive(e.__anext__())
try:
    drive(e.asend('boom'))
except ValueError as ex:
    print('ValueError', ex)
drive(e.__anext__())

# aclose on fresh and finished
e = echo()
drive(e.aclose())
drive(e.__anext__())

# aclose with ignored GeneratorExit
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
drive(s.__anext__())
try:
    drive(s.aclose())
except RuntimeError as ex:
    print('RuntimeError', ex)

# athrow not caught propagates
async def simple():
    yield 1
    yield 2
s = simple()
drive(s.__anext__())
try:
    drive(s.athrow(TypeError, 'tt'))
except TypeError as ex:
    print('TypeError', ex)
drive(s.__anext__())

# reuse of awaitable
s = simple()
aw = s.__anext__()
drive(aw)
try:
    aw.send(None)
except RuntimeError as ex:
    print('RuntimeError', ex)

# StopIteration inside async gen
async def bad():
    yield 1
    raise StopIteration
b = bad()
drive(b.__anext__())
try:
    drive(b.__anext__())
except RuntimeError as ex:
    print('RuntimeError', ex, type(ex.__cause__).__name__)

async def bad2():
    raise StopAsyncIteration
    yield
try:
    drive(bad2().__anext__())
except RuntimeError as ex:
    print('RuntimeError', ex)

# misuse
for op in (lambda: next(simple()), lambda: iter(simple()), lambda: simple().send(None),
           lambda: [x for x in simple()]):
    try:
        op()
    except Exception as ex:
        print(type(ex).__name__, ex)
print(type(simple().__aiter__()).__name__, type(simple().__anext__()).__name__, type(simple().aclose()).__name__)
print(simple().__name__, simple().__qualname__, simple().ag_running)

# async generator expression and async comprehensions
async def consume():
    gx = (x * 10 async for x in simple())
    print(type(gx).__name__)
    out = []
    async for y in gx:
        out.append(y)
    print(out)
    print({x async for x in simple()}, {x: x async for x in simple()})
    print([x async for x in f() if x != 'q'])
    r = 0
    async for x in simple():
        if x == 2:
            break
        r += x
    print('r', r)
drive(consume(), ['q'])

async def early():
    try:
        async for x in simple():
            raise KeyError(x)
    except KeyError as ex:
        print('KeyError', ex)
drive(early())
