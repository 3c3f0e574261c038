# Compile-time checks: SyntaxWarnings, __debug__, starred, parser recursion,
# constant displays; plus next() on generators and types.MethodType.
import types
def comp(src, mode="exec"):
    try:
        compile(src, "<s>", mode)
        print("OK", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except RecursionError as e:
        print(repr(src)[:20], "-> RecursionError", e)

for src in ["x is ()", "x is (1, -2)", "x is not 'a'", "x is ((1,),)", "x is (x,)", "x is f'a'",
            "x is [1]", "'abc'['x']", "b'abc'['x']", "(1, 2)['x']", "[1, 2]['x']", "[1][1.5]",
            "(1,)[(1,)]", "f'{x}'['x']", "[x for x in y][None]", "'abc'[x:'a']", "'abc'[True]",
            "5[1]", "{1}[1]", "(lambda: 0)[1]", "None[1]", "'abc'[-1.0]", "(x for x in y)[0]",
            "x[1]", "'ab'[x]", "{}['x']", "-1[0]"]:
    comp(src)

for src in ["x = *a", "*a", "*a, = b", "x = *a, *b", "return *a", "x += *a",
            "def f(__debug__): pass", "def f(*, __debug__): pass", "def f(*__debug__): pass",
            "def f(**__debug__): pass", "lambda __debug__: 0", "__debug__ = 1", "f(__debug__=1)",
            "x.__debug__ = 1", "x.__debug__ += 1", "del x.__debug__", "z = x.__debug__",
            "if 1:\n  def f(a, __debug__): pass", "y = 1; z = lambda a, __debug__: 0",
            "y = 1; z = g(f(b, __debug__=1))", "y = 1; z.a, x.__debug__ = 1, 2",
            "class C(__debug__=1): pass", "with a as x.__debug__: pass",
            "y=1; [x for x.__debug__ in a]", "async def f(__debug__): pass"]:
    comp(src)

for n in (100, 5000):
    comp('-' * n + '1', "eval")
comp('not ' * 5000 + '1', "eval")
comp('', "eval")
try:
    eval('-' * 5000 + '1')
except RecursionError as e:
    print("RecursionError", e)

print({100, 5, 37}, {1000, 2000, 30, 7, 15}, {True, 1, 1.0, 2}, {(1, 2), (3,), -1.5})
print([1, 2, 3], [1, (2,), -3], {*[3, 2, 1], *{9, 8}, 1000, 2000})
for bad in ("{*1}", "{*[[]]}", "{[], 1, 2}"):
    try:
        eval(bad)
    except TypeError as e:
        print("TypeError", e)

def g():
    yield 1
    return "done"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e.value), e.args)
print(next(it, "dflt"))
def g0():
    return
    yield
try:
    next(g0())
except StopIteration as e:
    print("StopIteration", e.args)

class K:
    def __init__(self, v):
        self.v = v
def getv(self, add=0):
    return self.v + add
m = types.MethodType(getv, K(5))
print(m(), m(2), m.__self__.v, m.__func__ is getv, type(m) is types.MethodType)
for args in [(), (getv,), (1, 2), (getv, None), (getv, 1, 2)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    types.MethodType(func=getv, instance=1)
except TypeError as e:
    print("TypeError", e)
