import sys
eg = ExceptionGroup('msg', [ValueError(1), TypeError(2)])
print(type(eg).__name__, repr(eg), str(eg), eg.message, eg.exceptions)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), ExceptionGroup.__mro__)
beg = BaseExceptionGroup('b', [ValueError(1)])
print(type(beg).__name__, str(beg))
beg2 = BaseExceptionGroup('b', [KeyboardInterrupt()])
print(type(beg2).__name__, isinstance(beg2, Exception))
for args in [('m', []), ('m', [1]), (1, [ValueError()]), ('m', ValueError()), ('m',)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup('x', [KeyboardInterrupt()])
except TypeError as e:
    print('TypeError', e)
nested = ExceptionGroup('outer', [ValueError('a'), ExceptionGroup('inner', [TypeError('b'), ValueError('c')]), KeyError('d')])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
print(repr(nested.subgroup(TypeError)))
print(repr(nested.subgroup(lambda e: isinstance(e, KeyError))))
print(nested.subgroup(OSError))
print(nested.split(Exception)[0] is nested)
try:
    nested.split(5)
except TypeError as e:
    print('TypeError', e)
e = ExceptionGroup('n', [ValueError()])
e.add_note('hello')
m, r = e.split(ValueError)
print(m is e, r)
e2 = ExceptionGroup('n', [ValueError(), TypeError()])
e2.add_note('note!')
m, r = e2.split(ValueError)
print(m.__notes__, r.__notes__)
print(repr(e2.derive([KeyError(1)])))
try:
    raise ExceptionGroup("msg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [KeyError('k')])])
except Exception as x:
    sys.__excepthook__(type(x), x, None)
