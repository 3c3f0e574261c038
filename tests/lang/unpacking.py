a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = [1, 2], 3
print(x, y, z)
first, *rest = range(5)
print(first, rest)
*init, last = "abcd"
print(init, last)
p, *q, r = (1, 2)
print(p, q, r)
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
[m, n] = {"k": 1, "j": 2}
print(m, n)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
lst = [0] * 5
lst[1:3] = [7, 8, 9]
print(lst)
lst[::2] = "xyz"
print(lst)
d = {}
d["a"], d["b"] = 1, 2
print(d)
for bad in [lambda: exec("a, b = 1, 2, 3"), lambda: exec("a, b, c = 1, 2"),
            lambda: exec("a, b = 1"), lambda: exec("x, *y, z = [1]")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
