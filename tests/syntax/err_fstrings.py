# Syntax errors: message, line and offset must match CPython 3.11.
cases = [
    "f'{'",
    "f'}'",
    "f'{}'",
    "f'{a!x}'",
    "f'{a b}'",
    "f'{\\n}'",
    "f'{#}'",
    "f'{a:{b:{c}}}'",
    "f'{a!}'",
    "f'{a'",
    "f'{a)}'",
    "f'{(a}'",
    "f'{ }'",
    "s = f'{!r}'",
    "s = f'{=}'",
    "s = f'{:x}'",
    "s = f'{x}}'",
    "s = f'{*x}'",
    "x = 'abc' f'{'",
    "s = f'{x!r:{y!r}}'",
    "s = f'{x=!}'",
    "s = f'{x:{y:{z}}}'",
    "s = f'{lambda x: 1}'",
    "s = f'{x:=1}'",
    "s = f'{yield}'",
]
for src in cases:
    try:
        compile(src, 'x', 'exec')
        print('OK', repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
