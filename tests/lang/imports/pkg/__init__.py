print("pkg init", __name__)
VALUE = 1
from .helper import helper_func
