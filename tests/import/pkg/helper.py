print('helper init', __name__, __package__)
def helper_func():
    return 'helper_func result'
_private = 1
public = 2
