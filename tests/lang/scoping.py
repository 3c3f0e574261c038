x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
print(read(), shadow(), x)
class C:
    x = "class"
    def m(self):
        return x
    y = x + "!"
print(C().m(), C.y)
def outer():
    v = 1
    class Inner:
        w = v + 1
        def get(self):
            return v
    return Inner.w, Inner().get()
print(outer())
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
    inc(); inc()
    return count
print(counter())
def g():
    global newglobal
    newglobal = 5
g()
print(newglobal)
print(sorted(k for k in locals() if not k.startswith("__"))[:5])
def loc():
    a = 1; b = 2
    return sorted(locals().items())
print(loc())
exec("z = 10")
print(z)
ns = {}
exec("def f(): return 7\nr = f()", ns)
print(ns["r"], eval("r * 2", ns), eval("q + 1", {"q": 1}))
del x
try:
    print(x)
except NameError as e:
    print(e)
