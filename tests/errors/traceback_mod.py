import sys
import traceback

def inner(x):
    return x['missing']

def outer():
    return inner({})

try:
    outer()
except KeyError:
    print('format_exc:')
    print(traceback.format_exc(), end='')
    traceback.print_exc(file=sys.stdout)
    e = sys.exception()
    print(''.join(traceback.format_exception_only(type(e), e)), end='')
    print(''.join(traceback.format_exception(e)), end='')
    print(''.join(traceback.format_exception(type(e), e, e.__traceback__, limit=1)), end='')
    print(''.join(traceback.format_exception(e, limit=-1)), end='')
    tb = e.__traceback__
    for fs in traceback.extract_tb(tb):
        print(fs.filename == __file__, fs.lineno, fs.name, fs.line)
    print(len(traceback.format_tb(tb)))

def chained():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('wrapped') from e

try:
    chained()
except ValueError as e:
    print(''.join(traceback.format_exception(e)), end='')
    print('no chain:')
    print(''.join(traceback.format_exception(e, chain=False)), end='')
    te = traceback.TracebackException.from_exception(e)
    print(str(te), te.exc_type.__name__, len(te.stack))
    print(''.join(te.format_exception_only()), end='')

def f():
    return traceback.extract_stack()
st = f()
print(st[-1].name, st[-1].line, st[-2].name)
print(traceback.format_exception_only(ValueError('v')))
try:
    compile('a b', 'x.py', 'exec')
except SyntaxError as e:
    print(''.join(traceback.format_exception_only(e)), end='')
