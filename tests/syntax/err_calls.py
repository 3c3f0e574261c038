# Syntax errors: message, line and offset must match CPython 3.11.
cases = [
    'f(**a, *b)',
    'f(a=1, b)',
    'f(**a, b)',
    'def f(a=1, b): pass',
    'f(x for x in y, 1)',
    'f(a.b=1)',
    'f(True=1)',
    'def f(*): pass',
    'def f(/): pass',
    'def f(**k, a): pass',
    'def f(*a=1): pass',
    'x = lambda x=1, y: x',
    'lambda *: 1',
    'def f(a, /, b, /): pass',
    'def f(*a, /): pass',
    'f(*a for a in b)',
    'f(a=1, b, c)',
    'class A(metaclass=M, B): pass',
    'def f(**a, **b): pass',
    'def f(*a, *b): pass',
    'def f(a, b=1, /, c): pass',
    'lambda *, **k: 1',
    'def f(*, **k): pass',
    'x = f(a, b=1, *c, d)',
]
for src in cases:
    try:
        compile(src, 'x', 'exec')
        print('OK', repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
