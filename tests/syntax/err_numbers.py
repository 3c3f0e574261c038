# Syntax errors: message, line and offset must match CPython 3.11.
cases = [
    '0777',
    '1__0',
    '1_',
    '0x',
    '0b2',
    '0o8',
    '1e',
    '1e+',
    '1abc',
    '1.5j2',
    '0b1_',
    '0xg',
    '0_7',
    '1e5_',
    '1.__class__',
    '0o',
    '0b',
    '0o1_',
    '1.2.3',
    'x = 0x_1',
    'x = 1_000_',
    'x = 0b12',
    'x = 0o78',
    'x = 1e1.5',
    'x = 09',
    'x = 1__2',
    'x = 00',
    'x = 0_0',
    'x = 1_000.5e-3j',
]
for src in cases:
    try:
        compile(src, 'x', 'exec')
        print('OK', repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
