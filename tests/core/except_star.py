def t(f):
    try:
        f()
    except BaseException as e:
        print('escaped', type(e).__name__, repr(e))

def a():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print('V', repr(e))
    except* (TypeError, IndexError) as e:
        print('T', repr(e))
    print('not reached')
t(a)

def b():
    try:
        raise ValueError('naked')
    except* ValueError as e:
        print('caught', repr(e), repr(e.exceptions[0]))
    print('after b')
t(b)

def c():
    try:
        raise ValueError('naked')
    except* TypeError as e:
        print('no')
t(c)

def d():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('new')
    except* TypeError as e:
        print('T', repr(e))
t(d)

def e():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
t(e)

def f():
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* ExceptionGroup:
        pass
t(f)

def g():
    try:
        print('no exc')
    except* ValueError:
        print('no')
    else:
        print('else')
    finally:
        print('finally')
t(g)

def h():
    try:
        raise ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print('V', repr(e))
    finally:
        print('fin')
t(h)

def i():
    try:
        raise ValueError('x')
    except* ValueError:
        raise TypeError('y')
t(i)

for src in ['for x in y:\n  try: pass\n  except* ValueError: break',
            'def f():\n  try: pass\n  except* ValueError: return 1',
            'for x in y:\n  try: pass\n  except* ValueError: continue',
            'try: pass\nexcept* ValueError:\n  for x in y: break']:
    try:
        compile(src, 's', 'exec')
        print('ok')
    except SyntaxError as ex:
        print('SyntaxError', ex.msg)

def j():
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* 42:
        pass
t(j)
def k():
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* (ValueError, BaseExceptionGroup):
        pass
t(k)

def m():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError('k1')
    except* TypeError:
        raise IndexError('i1')
t(m)

def n():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('k1')
t(n)

def o():
    for i in range(3):
        try:
            if i == 1:
                raise ExceptionGroup('x', [ValueError(i)])
        except* ValueError as e:
            print('loop', i, repr(e))
    print(repr(e) if 'e' in dir() else 'e unbound')
t(o)

def p():
    try:
        try:
            raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
        except* ValueError as e:
            print('inner V', repr(e))
    except* TypeError as e:
        print('outer T', repr(e))
t(p)

def q():
    try:
        raise ExceptionGroup('eg', [KeyboardInterrupt()])
    except TypeError:
        pass
try:
    q()
except BaseException as e:
    print(type(e).__name__)
def r():
    try:
        raise BaseExceptionGroup('beg', [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as e:
        print('KI', repr(e))
t(r)
