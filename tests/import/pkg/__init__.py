print('pkg init', __name__, __package__)
pkg_value = 'pv'
from . import helper
from .helper import helper_func
__all__ = ['pkg_value', 'helper_func']
