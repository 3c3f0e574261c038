import atexit, sys
def a(x, y=0): print("a", x, y)
def bad(): 1/0
def ex(): raise SystemExit(3)
print(atexit.register(a, 1, y=2) is a)
atexit.register(bad)
atexit.register(a, "second")
atexit.register(ex)
atexit.unregister(ex)
print("main done")
sys.exit(4)
