import sys
class Bad:
    def __del__(self):
        raise KeyError('in del')
seen = []
def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg, type(u.object).__name__,
                 type(u.exc_traceback).__name__))
sys.unraisablehook = hook
b = Bad()
del b
print(seen)
print(sys.__unraisablehook__ is not hook, callable(sys.__unraisablehook__))
def failing_hook(u):
    raise RuntimeError('hook failed')
sys.unraisablehook = failing_hook
b = Bad()
del b
sys.unraisablehook = sys.__unraisablehook__
b = Bad()
del b
print('end')
