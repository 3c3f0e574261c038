# Syntax errors: message, line and offset must match CPython 3.11.
cases = [
    'f() = 1',
    '1 = 2',
    'x + 1 = 2',
    '(a, 1) = 2',
    '[f()] = 1',
    'if x = 1: pass',
    'del f()',
    'for 1 in x: pass',
    'with a as 1: pass',
    'a, b += 1',
    '(yield) = 1',
    'x: int, y = 1',
    '(a, b): int',
    'a = yield = 1',
    'del *a',
    'True = 1',
    'None += 1',
    'a := 1',
    '(a.b := 1)',
    'x = (yield) = 1',
    "f'{a}' = 1",
    '{1: 2} = x',
    '... = 1',
    '-x = 1',
    'not x = 1',
    'x if y else z = 1',
    'lambda: 1 = 1',
    'a < b = 1',
    'a and b = 1',
    '[i for i in x] = 1',
    '(i for i in x) = 1',
    'del (x, 1)',
    'del [x, f()]',
    'for x, f() in y: pass',
    '[x for 1 in y]',
    'x.y += 1 = 2',
    'a[1:2] = 3 = f()',
]
for src in cases:
    try:
        compile(src, 'x', 'exec')
        print('OK', repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
