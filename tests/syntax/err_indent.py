# Syntax errors: message, line and offset must match CPython 3.11.
cases = [
    'if x:\n  a\n b\n',
    'if x:\npass\n',
    '  x\n',
    'if x:\n\tx\n        y\n',
    'x=1\n  y=2\n',
    'if x:\n    pass\n  y\n',
    'for x in range(10):\npass',
    'if True:\n',
    'def f():\n',
    'class C:\n',
    'if x:\n  pass\nelse:\n',
    'x = 1\n   y = 2',
    'while True:\nbreak',
    'try:\n  pass\nexcept:\npass',
    'with a:\npass',
    'def f():\n    return\n  x = 1',
    'class A:\n  def f(self):\n    pass\n def g(self): pass',
    '# comment\n  x = 1',
    'if x:\n\tpass\n        pass',
]
for src in cases:
    try:
        compile(src, 'x', 'exec')
        print('OK', repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
