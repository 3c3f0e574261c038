import sys
sys.setrecursionlimit(200000)
def depth(n):
    return depth(n + 1) if n < 100000 else n
print(depth(0))
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
sys.setrecursionlimit(5000)
print(count(0) > 4000)
