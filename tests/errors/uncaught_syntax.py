import sys
print('start')
try:
    compile("a b c", "x.py", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, repr(e.text))
for src in ["def f(:\n    pass\n", "x = (1,\ny = 2\n", "if x\n  pass\n", "  indented\n", "a = 1 +\n", "f(**)\n", "print 'x'\n"]:
    try:
        compile(src, "bad.py", "exec")
    except SyntaxError as e:
        sys.stderr.write('--- %r\n' % src)
        sys.__excepthook__(type(e), e, None)
