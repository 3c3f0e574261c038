import sys
sys.tracebacklimit = 0
class MyError(Exception):
    pass

class BadStr(Exception):
    def __str__(self):
        raise ValueError

def f(x):
    return x['missing']

try:
    f({})
except KeyError as e:
    try:
        raise MyError('boom') from e
    except Exception:
        raise BadStr('x')
