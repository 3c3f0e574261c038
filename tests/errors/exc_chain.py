def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('bad') from e

try:
    f()
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        {}['a']
    except KeyError:
        raise TypeError('t')
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise ValueError(1)
    except ValueError:
        raise TypeError(2) from None
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

e = ValueError()
e.__cause__ = KeyError()
print(e.__suppress_context__)
try:
    e.__cause__ = 5
except TypeError as err:
    print('TypeError', err)
try:
    e.__context__ = 'x'
except TypeError as err:
    print('TypeError', err)
try:
    e.__traceback__ = 1
except TypeError as err:
    print('TypeError', err)

# notes
e = ValueError('v')
e.add_note('note 1')
e.add_note('note 2')
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as err:
    print('TypeError', err)

# with_traceback
try:
    raise KeyError('x')
except KeyError as k:
    tb = k.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next)
    e2 = ValueError().with_traceback(tb)
    print(e2.__traceback__ is tb)
    print(tb.tb_frame.f_code.co_name)

import sys
try:
    raise RuntimeError('r')
except RuntimeError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno, sys.exception() is v)
print(sys.exc_info(), sys.exception())
