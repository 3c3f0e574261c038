import sys
sys.tracebacklimit = 0
class AppError(Exception):
    pass
class Outer:
    class Inner(Exception):
        pass
try:
    raise Outer.Inner('inner')
except Exception:
    raise AppError()
