# exception objects: args, str, repr
for e in [ValueError(), ValueError('x'), ValueError('x', 1), KeyError('k'), KeyError(), KeyError(1, 2),
          IndexError(3), TypeError(None), RuntimeError(''), Exception([1, 2])]:
    print(type(e).__name__, repr(e), '|', str(e), '|', e.args)

class MyError(Exception):
    pass

e = MyError('boom', 2)
print(repr(e), str(e), e.args)
print(isinstance(e, Exception), isinstance(e, BaseException), issubclass(MyError, Exception))
e.args = [5, 6]
print(e.args)

try:
    ValueError(x=1)
except TypeError as err:
    print('TypeError', err)

class WithInit(Exception):
    def __init__(self, a, b=2):
        super().__init__(a)
        self.b = b

w = WithInit(1, b=3)
print(w.args, w.b, repr(w))

class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
n = NoSuper(42)
print(n.args, n.x, str(n))

print(StopIteration().value, StopIteration(5).value, StopIteration(1, 2).value)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
print(KeyError.__mro__)
print(FileNotFoundError.__mro__)
print(BaseException.__subclasses__ is not None)
