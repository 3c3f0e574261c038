# Syntax errors: message, line and offset must match CPython 3.11.
cases = [
    '(1,\n2',
    '1)',
    '(1]',
    '(1,\n2]',
    'x = (',
    '(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((',
    'x = [1, 2',
    'a[1',
    '{1: 2',
    'x = (1,\n2,\n3',
    'foo(1,\n  2\n',
    'x = [\n1,\n2\n)',
    'x = {\n1: 2]\n',
    'x = [1, 2,, 3]',
    'x = (1 2)',
    '[a b]',
    'f(a b)',
    'x = {1 2}',
    'x = {a: b c}',
    'x = [1, 2 3, 4]',
    'x = {1: 2, 3}',
    'x = {**a, b}',
    'x = {1: 2, 3: }',
]
for src in cases:
    try:
        compile(src, 'x', 'exec')
        print('OK', repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
