# Syntax errors: message, line and offset must match CPython 3.11.
cases = [
    "'abc",
    "'''abc\n\n",
    "x = '''a\nb",
    "'abc\ndef'",
    "'\\N{foo}'",
    "'\\x1'",
    "b'é'",
    "u'x' b'y'",
    "'a' b'b'",
    "x = b'\\xzz'",
    "x = '\\U11111111'",
    "x = '\\u12'",
    "x = 'a\\\nb",
    "x = 'abc' 'def",
    "x = '\\N{BULLET}\\N{EM DASH}'",
    "x = r'\\N{foo}'",
]
for src in cases:
    try:
        compile(src, 'x', 'exec')
        print('OK', repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
