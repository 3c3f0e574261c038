# core str behaviour: literals, indexing, slicing, concat, repeat, compare, len, iteration
s = "hello world"
print(len(s), s[0], s[-1], s[4], s[1:5], s[::2], s[::-1], s[-3:], s[:100], s[5:2])
u = "héllo wörld ✓ 😀"
print(len(u), u[1], u[-1], u[6:11], u[::-1], u[::3])
print(list("abc"), list(u[:3]), [c for c in "ü😀x"])
print("ab" + "cd", "ab" * 3, 3 * "xy", "ab" * 0, "ab" * -1, "" * 10)
print("a" < "b", "abc" < "abd", "ab" < "abc", "é" > "z", "😀" > "é", "A" == "A", "a" != "a")
print("b" >= "a", "a" <= "a", sorted(["b", "é", "a", "😀", "Z"]))
print("ell" in s, "xyz" in s, "" in s, "ö" in u)
print(str(), str(123), str("x"), str(1.5), str(None), str([1, "a"]))
print(str(b"abc", "utf-8"), str(b"h\xc3\xa9", encoding="utf-8"), str(b"ab\xff", "utf-8", "replace"))
print(hash("abc") == hash("ab" + "c"), hash("") == hash(""))
d = {"x": 1, "é": 2}
print(d["x"], d["é"], "é" in d)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\nret\rbs\\"))
print(repr("\x00\x1f\x7f\x80\xa0\xad\xff"), repr("\u0300\u2028\ufeff\U0001f600\U000e0001"), repr("é✓"))
print(ascii("héllo ✓ 😀"), ascii("plain"))
for i, ch in enumerate("añ😀"):
    print(i, ch, ord(ch))
print(chr(65), chr(233), chr(0x1f600), ord("😀"))
x = ""
for i in range(5):
    x += str(i)
print(x)
print("abc"[True], "abcdef"[1:-1:2])
long = "é" * 100 + "x" + "ü" * 50
print(long[100], long[99], long[101], long[140:143], len(long), long.index("x"), long.find("ü", 120))
class S(str):
    pass
t = S("sub")
print(t, type(t).__name__, t + "x", type(t + "x").__name__, t.upper(), type(t.upper()).__name__, isinstance(t, str))
print(t == "sub", hash(t) == hash("sub"), repr(t), str(t), type(str(t)).__name__)
try:
    "abc"[3]
except Exception as e:
    print(type(e).__name__, e)
try:
    "abc"[-4]
except Exception as e:
    print(type(e).__name__, e)
try:
    "abc"["x"]
except Exception as e:
    print(type(e).__name__, e)
try:
    "abc" + 1
except Exception as e:
    print(type(e).__name__, e)
try:
    1 + "abc"
except Exception as e:
    print(type(e).__name__, e)
try:
    "abc" * "x"
except Exception as e:
    print(type(e).__name__, e)
try:
    "abc" * 1.5
except Exception as e:
    print(type(e).__name__, e)
try:
    1 in "abc"
except Exception as e:
    print(type(e).__name__, e)
try:
    "a" < 1
except Exception as e:
    print(type(e).__name__, e)
try:
    str(1, "utf-8")
except Exception as e:
    print(type(e).__name__, e)
try:
    str("x", "utf-8")
except Exception as e:
    print(type(e).__name__, e)
try:
    "abc"[0] = "x"
except Exception as e:
    print(type(e).__name__, e)
