print([x * x for x in range(6) if x % 2 == 0])
print({x % 3 for x in range(10)})
print({k: v for k, v in zip("abc", range(3))})
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
g = (c.upper() for c in "abc")
print(next(g), list(g))
x = "outer"
print([x for x in "ab"], x)
print(sum(i for i in range(101)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)])
print([y for x in matrix for y in x if y != 3])
def scope():
    n = 10
    return [n + i for i in range(3)]
print(scope())
class K:
    items = [1, 2]
    doubled = [i * 2 for i in items]
print(K.doubled)
print([w for s in ["a b", "c"] for w in s.split()])
print(dict((i, i * i) for i in range(4)))
if (n := len("walrus")) > 3:
    print("n is", n)
print([y for x in range(5) if (y := x * 2) > 4], y)
