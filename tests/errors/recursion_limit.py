import sys
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError', e)
try:
    sys.setrecursionlimit('x')
except TypeError as e:
    print('TypeError', e)
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
def r(n):
    return r(n + 1)
try:
    r(0)
except RecursionError as e:
    print('RecursionError', e)
sys.setrecursionlimit(1000)
