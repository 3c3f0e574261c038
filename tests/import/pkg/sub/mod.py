from . import sub_value
from .. import pkg_value
x = sub_value * 10
def whoami():
    return __name__
