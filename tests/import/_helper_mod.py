print('_helper_mod executing')
counter = 0
def bump():
    global counter
    counter += 1
    return counter
class K:
    pass
__all__ = ['bump', 'K']
