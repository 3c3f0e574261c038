def check(fn):
    try:
        fn()
    except BaseException as e:
        print(type(e).__name__, repr(e))

def r1(): raise ValueError
def r2(): raise ValueError('m')
def r3(): raise KeyError('k') from None
def r4():
    try:
        raise 5
    except TypeError as e:
        raise e
def r5(): raise StopIteration(3)
def r6(): raise GeneratorExit
def r7(): raise KeyboardInterrupt('ki')
def r8():
    class C: pass
    raise C
def r9(): raise ValueError('a') from 3
def r10():
    try:
        1/0
    except:
        raise
for fn in (r1, r2, r3, r4, r5, r6, r7, r8, r9, r10):
    check(fn)

# exception matching with tuples and hierarchy
try:
    raise FileNotFoundError(2, 'x')
except (KeyError, OSError) as e:
    print('caught', type(e).__name__, isinstance(e, OSError))
try:
    try:
        raise IndexError(1)
    finally:
        print('finally')
except LookupError as e:
    print('lookup', repr(e))
