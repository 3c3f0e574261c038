import pkg
import pkg.sub.mod
from pkg.sub import mod as m2
import _side, _side
from _side import X
print(pkg.VALUE, pkg.helper_func(), pkg.sub.mod.get(), m2 is pkg.sub.mod, X)
import sys
print("pkg" in sys.modules, "_side" in sys.modules, type(pkg).__name__)
print(_side.__name__, pkg.__name__, pkg.sub.mod.__name__)
try:
    import pkg.nope
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkg import nothing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
print(__name__)
