import sys
sys.tracebacklimit = 0
class E(Exception):
    pass
e = E()
e.add_note('first note')
e.add_note('second\nmultiline')
raise e
