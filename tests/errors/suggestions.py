import sys
class C:
    def __init__(self):
        self.value = 1
        self.other_thing = 2
def show(fn):
    try:
        fn()
    except Exception as x:
        print(type(x).__name__, x)
        sys.__excepthook__(type(x), x, None)
c = C()
show(lambda: c.valeu)
show(lambda: c.other_thin)
show(lambda: c.zzzzzzzz)
def f():
    counter = 1
    return countr
show(f)
show(lambda: prnt('x'))
show(lambda: lenn([]))
show(lambda: 'abc'.uper())
show(lambda: [].apend(1))
import_me = 5
show(lambda: import_mee)
