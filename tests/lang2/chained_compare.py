def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 3 > 2 > 2, 1 < v(5) < 4, v(1) == v(1) != v(2))
print(1 < 2 and 2 < 3 or 0, not 1 == 2, 0 or "" or [] or "last", 1 and 2 and 0)
print(v(0) and v(1), v(1) or v(2), [] is not None, "a" in "abc" not in "xyz")
x = 5
print(0 <= x < 10, 10 > x >= 5 > 4)
