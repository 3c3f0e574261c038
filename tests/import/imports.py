import sys
import _helper_mod
import _helper_mod as hm2
print(_helper_mod is hm2, _helper_mod.bump(), hm2.bump())
print(_helper_mod.__name__, _helper_mod.__file__.endswith('_helper_mod.py'), '_helper_mod' in sys.modules)
print(_helper_mod.K.__module__, type(_helper_mod).__name__)
from _helper_mod import bump, K as KK
print(bump(), KK.__name__)
import pkg
print(pkg.pkg_value, pkg.helper.public, pkg.helper_func(), pkg.__package__, pkg.__path__[0].endswith('pkg'))
import pkg.sub.mod
print(pkg.sub.mod.x, pkg.sub.sub_value, pkg.sub.mod.whoami(), pkg.sub.mod.__package__)
import pkg.sub.mod as m
print(m is pkg.sub.mod)
from pkg.sub import mod as m2, sub_value
print(m2 is m, sub_value)
from pkg import circ_a, circ_b
print(circ_a.get_b(), circ_b.get_a())
from pkg.getattr_mod import dynamic
import pkg.getattr_mod as gm
print(dynamic, gm.dynamic)
try:
    gm.other
except AttributeError as e:
    print('AttributeError', e)
mod = __import__('pkg.sub.mod')
print(mod.__name__)
mod = __import__('pkg.sub.mod', fromlist=['x'])
print(mod.__name__)
print(sorted(k for k in sys.modules if k.startswith('pkg')))
import pkg.sub.deep
print(pkg.sub.deep._p is pkg.helper)
ns = {}
exec('from pkg import *', ns)
print(sorted(k for k in ns if k != '__builtins__'))
ns = {}
exec('from pkg.helper import *', ns)
print(sorted(k for k in ns if k != '__builtins__'))
import time, io
print(type(time.time()).__name__, io.StringIO.__name__)
