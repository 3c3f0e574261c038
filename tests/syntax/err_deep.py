# Deep nesting fails cleanly (no C stack overflow), like CPython 3.11.
cases = [
    '(' * 300 + ')' * 300,
    '[' * 201,
    'x = ' + '[' * 199 + ']' * 199,
    'x = ' + '(' * 150 + '1' + ')' * 150,
    'y = ' + 'f(' * 100 + ')' * 100,
    '-' * 100000 + '1',
    'not ' * 100000 + 'x',
    'lambda:' * 5000 + '1',
    '2**' * 5000 + '1',
    'x = ' + '-' * 500 + '1',
    'x = ' + ' if 1 else '.join(['1'] * 300),
]
for src in cases:
    try:
        compile(src, 'x', 'exec')
        print('OK', len(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
    except (MemoryError, RecursionError) as e:
        print(type(e).__name__, e)
