def gen(n):
    for i in range(n):
        yield i
    return "done"
print(list(gen(3)))
g = gen(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    next(g)
except StopIteration as e:
    print("again", e.value)
def echo():
    received = yield "start"
    while True:
        received = yield f"got {received}"
e = echo()
print(e.send(None), e.send(1), e.send("x"))
try:
    gen(1).send(5)
except TypeError as ex:
    print("TypeError", ex)
def catcher():
    try:
        yield 1
    except ValueError as ex:
        yield f"caught {ex}"
    yield "after"
c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))
def closer():
    try:
        yield 1
    finally:
        print("closing")
cl = closer()
next(cl)
cl.close()
print("closed")
def ignore_exit():
    while True:
        try:
            yield 1
        except GeneratorExit:
            pass
ig = ignore_exit()
next(ig)
try:
    ig.close()
except RuntimeError as ex:
    print("RuntimeError", ex)
def delegate():
    r = yield from gen(3)
    print("sub returned", r)
    yield "end"
print(list(delegate()))
def inner():
    try:
        x = yield "i1"
        print("inner got", x)
    except KeyError:
        yield "inner handled"
    return "inner ret"
def outer():
    v = yield from inner()
    yield v
o = outer()
print(next(o), o.throw(KeyError), next(o))
o2 = outer()
next(o2)
print(o2.send("hello"))
def stop_inside():
    yield 1
    raise StopIteration("bad")
try:
    list(stop_inside())
except RuntimeError as ex:
    print("RuntimeError", ex, type(ex.__cause__).__name__)
def running():
    yield g2.gi_running
g2 = running()
print(next(g2), g2.gi_running)
print(type(gen(1)).__name__, gen.__code__.co_flags & 0x20 != 0)
ge = (x * 2 for x in range(4))
print(next(ge), list(ge))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def gen_with_return_value():
    yield 1
    return 99
def wrap():
    result = yield from gen_with_return_value()
    yield result
print(list(wrap()))
def yield_from_list():
    yield from [1, 2]
    yield from "ab"
print(list(yield_from_list()))
def self_exec():
    next(se)
    yield
se = self_exec()
try:
    next(se)
except ValueError as ex:
    print("ValueError", ex)
print(repr(gen(1))[:26])
def exc_state():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        import sys
        yield type(sys.exc_info()[1]).__name__
es = exc_state()
next(es)
print(next(es))
def thrower():
    yield 1
t = thrower()
try:
    t.throw(ValueError("unstarted"))
except ValueError as ex:
    print("ValueError", ex)
print(list(t))
