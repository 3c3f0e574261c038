d = {'a': {'b': None}}
class Obj:
    attr = None
def sub():
    return d['a']['b']['c']
def attr():
    x = Obj()
    return x.attr.foo
def call():
    return len(5)
def div():
    a, b = 1, 0
    return a +  b / b
def whole():
    undefined_name
def nested(a):
    return a[1] + (a[0] // 0)
def outer():
    return nested([1, 2])
def rec(n):
    return rec(n + 1)
def multi():
    return max(1,
               2, None)
def chained():
    try:
        d['zz']
    except KeyError as e:
        raise ValueError('converted') from e
def context():
    try:
        1 / 0
    except ZeroDivisionError:
        [][0]
def subscript_expr():
    lst = [1, 2]
    return lst[1 + 1]
def unicode_col():
    s = 'héllo wörld'; return s + 1
def paren():
    return (1) + (None)
def method_call():
    return 'abc'.nosuch()
def comment():
    raise ValueError('c')   # trailing comment
def assertion():
    assert 1 == 2, 'nope'
def notes():
    e = TypeError('with notes')
    e.add_note('a note')
    raise e
class MyErr(Exception):
    pass
def custom():
    raise MyErr('mine')
def empty_msg():
    raise RuntimeError
def badstr():
    class B(Exception):
        def __str__(self):
            raise ValueError
    raise B()
