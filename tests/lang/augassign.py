x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x **= 3; print(x)
x %= 7; print(x)
x <<= 4; print(x)
x >>= 1; print(x)
x |= 1; print(x)
x &= 0xF; print(x)
x ^= 0b101; print(x)
x /= 4; print(x)
s = "ab"; s += "cd"; s *= 2; print(s)
l = [1]; l2 = l; l += [2, 3]; print(l, l2, l is l2)
t = (1,); t2 = t; t += (2,); print(t, t2, t is t2)
class C:
    def __init__(self): self.v = 1
c = C(); c.v += 41; print(c.v)
d = {"k": [1]}; d["k"] += [2]; d["k"][0] -= 10; print(d)
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
a = Acc(); b = a; a += 3; a += 4; print(a.items, a is b)
try:
    n = None
    n += 1
except TypeError as e:
    print(e)
try:
    q = "a"
    q -= "b"
except TypeError as e:
    print(e)
