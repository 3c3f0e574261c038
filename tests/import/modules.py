import sys
m = type(sys)('mymod')
print(m, m.__name__, m.__doc__)
m.x = 5
print(m.x, m.__dict__['x'], sorted(k for k in dir(m) if not k.startswith('__')))
del m.x
try:
    m.x
except AttributeError as e:
    print('AttributeError', e)
try:
    del m.nope
except AttributeError as e:
    print('AttributeError', e)
m2 = type(sys)('withdoc', 'the doc')
print(m2.__doc__)
print(sys, type(sys))
import time
print(time)
import builtins
print(builtins)
print(type(sys).__name__)
