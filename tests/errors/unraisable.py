class C:
    def __del__(self):
        raise ValueError('in del')
c = C()
del c
print('after')
import sys
def hook(t, v, tb):
    print("hook", t.__name__, v)
sys.excepthook = hook
raise KeyError('x')
