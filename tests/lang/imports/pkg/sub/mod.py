from .. import VALUE
from ..helper import helper_func as hf
def get():
    return VALUE, hf()
