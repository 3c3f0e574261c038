def helper_func():
    return "helped from " + __name__
