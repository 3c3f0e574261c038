# Errors raised with positions: SyntaxError attributes and eval/exec/single modes.
def show(src, mode='exec'):
    try:
        compile(src, '<s>', mode)
        print('OK', repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.filename)
show('1 +', 'eval')
show('x = 1', 'eval')
show('', 'eval')
show('1\n2\n', 'single')
show('x = 1\n', 'single')
show('if x:\n  pass\ny=2\n', 'single')
show('(' * 201)
show('x = ' + '[' * 150 + ']' * 150)
show('def f():\n  return f"{x!z}"')
show("x = 'é' + ")
show("é = (1,\n 2")
show('\u00e9\u00e9 = 1 €')
for src in ['x = 1\nif x:\n    y = 2\n   z = 3\n', 'class C:\n\tdef f(self):\n        pass\n']:
    try:
        exec(src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
try:
    eval('1 2')
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, repr(e.text))
