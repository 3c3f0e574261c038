def check(src):
    try:
        compile(src, "<test>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
check("def f():\n    x = 1\n    global x\n")
check("def f():\n    print(x)\n    global x\n")
check("def f(x):\n    global x\n")
check("nonlocal x\n")
check("def f():\n    nonlocal x\n")
check("return 1\n")
check("yield 1\n")
check("class C:\n    yield 1\n")
check("break\n")
check("continue\n")
check("for i in x:\n    def f():\n        break\n")
check("await x\n")
check("def f():\n    await x\n")
check("def f():\n    x: int\n    global x\n")
check("def f():\n    def g():\n        nonlocal y\n")
check("def f():\n    y = 1\n    def g():\n        nonlocal y\n        y = 2\n")
check("[(yield x) for x in y]\n")
check("def f(a, a): pass\n")
check("try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n")
check("def f():\n    from os import *\n")
check("f(x=1, x=2)\n")
check("a, *b, *c = d\n")
check("*a = b\n")
check("async def f():\n    yield 1\n    return 2\n")
check("def f():\n    yield from x\n    return 1\n")
check("[i := 0 for i in range(3)]\n")
check("class C:\n    [y := 1 for x in range(3)]\n")
def walrus_scope():
    [last := n for n in range(4)]
    return last
print(walrus_scope())
x = "global"
def read_global(): return x
def shadow():
    x = "local"
    def inner(): return x
    return inner()
print(read_global(), shadow())
def counter():
    n = 0
    def a():
        nonlocal n
        n += 1
        def b():
            nonlocal n
            n += 10
        b()
        return n
    return a
f = counter()
print(f(), f())
def cell_param(p):
    def get(): return p
    p = p * 2
    return get()
print(cell_param(21))
def loc():
    a = 1
    b = 2
    return sorted(locals().items())
print(loc())
print(eval("1 + 2"), eval("x"), eval("y * 2", {"y": 4}))
ns = {}
exec("z = 5\ndef fn(): return z\nw = fn()", ns)
print(ns["z"], ns["w"])
loc_ns = {}
exec("q = 1\nr = q + 1", {}, loc_ns)
print(sorted(loc_ns.items()))
def del_test():
    v = 1
    del v
    try:
        v
    except UnboundLocalError as e:
        print(e)
del_test()
try:
    del undefined_thing
except NameError as e:
    print(e)
gv = 1
def del_global():
    global gv
    del gv
del_global()
print("gv" in globals())
