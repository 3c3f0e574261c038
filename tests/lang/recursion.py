import sys
def r(n):
    return r(n + 1) + 1
try:
    r(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
l = []
for i in range(10000):
    l = [l]
try:
    repr(l)
except RecursionError as e:
    print("repr:", e)
