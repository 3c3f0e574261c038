import sys
import traceback

def a():
    return b()

def b():
    traceback.print_stack(file=sys.stdout)
    return traceback.format_stack()

lines = a()
print(len(lines), lines[-1].splitlines()[0].split(',')[1:])
s = traceback.extract_stack()
print([f.name for f in s], s[-1].lineno)
print(traceback.format_list([('x.py', 3, 'f', 'pass')]))
try:
    raise ValueError('v')
except ValueError as e:
    te = traceback.TracebackException.from_exception(e)
    print(''.join(te.format()), end='')
    tb = e.__traceback__
    print([fs.name for fs in traceback.extract_tb(tb)])
    for frame, lineno in traceback.walk_tb(tb):
        print(frame.f_code.co_name, lineno)
print(traceback.format_exc())
