from .. import helper as _p
