import sys, builtins
sys.displayhook(42)
print(builtins._)
sys.displayhook(None)
print(builtins._)
sys.displayhook('s')
print(repr(builtins._))
out = []
sys.displayhook = lambda v: out.append(v)
sys.displayhook(1)
print(out, sys.__displayhook__ is not sys.displayhook)
