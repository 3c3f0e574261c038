s = list(range(10))
print(s[::2], s[1::3], s[::-1], s[-3:], s[:-7:-2], s[5:2:-1], s[100:], s[-100:2])
t = "abcdefgh"
print(t[::-2], t[2:6], t[::3], t[-1::-3], tuple(s)[3:7:2], b"bytes"[1:4], bytearray(b"xyz")[::-1])
s[2:5] = []
print(s)
s[::3] = [0] * len(s[::3])
print(s)
del s[::2]
print(s)
print(range(10)[2:8:3], range(10)[::-1], slice(1, 5, 2).indices(3))
for bad in ["s[::0]", "s[1.5:]", "t['a':]", "s.__setitem__(slice(0, 6, 2), [1])"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
