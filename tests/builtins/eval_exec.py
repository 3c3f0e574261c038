def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(eval('1 + 2'), eval('  x * 2', {'x': 21}), eval('y', {}, {'y': 5}))
g = {}
exec('a = 1\nb = a + 1', g)
print(g['a'], g['b'], '__builtins__' in g)
l = {}
exec('c = 3', {}, l)
print(l)
x = 10
def f():
    y = 5
    return eval('x + y')
print(f())
code = compile('1 + 1', '<test>', 'eval')
print(eval(code), type(code).__name__)
code = compile('z = 42', '<test>', 'exec')
ns = {}
print(exec(code, ns), ns['z'])
exec(compile('print("single", 7)', '<s>', 'single'))
print(eval(b'3 * 3'))
exec('def h(n): return n * 2', ns)
print(ns['h'](4))
t(lambda: compile('1', 'x', 'foo'))
t(lambda: eval(1))
t(lambda: exec(1))
t(lambda: eval('1', 1))
t(lambda: eval('1', {}, 1))
t(lambda: exec('1', 1))
t(lambda: compile(1, 'x', 'exec'))
t(lambda: eval('1 +'))
t(lambda: exec('x = '))
t(lambda: eval('undefined_name'))
t(lambda: eval('1/0'))
t(lambda: eval('a\0b'))
print(sorted(k for k in globals() if not k.startswith('__')))
def loc():
    p = 1
    q = 2
    return sorted(locals().items()), dir()
print(loc())
