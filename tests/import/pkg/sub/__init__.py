from .. import helper as h
from ..helper import public
sub_value = h.public + public
