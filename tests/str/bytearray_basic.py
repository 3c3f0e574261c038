def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, str(e).replace("0x", "hex:"))

a = bytearray(b"hello")
print(a, len(a), a[0], a[-1], a[1:3], type(a[1:3]).__name__)
a.append(33); a.extend(b" xy"); a.extend([65, 66]); a.insert(0, 62); print(a)
print(a.pop(), a.pop(0), a); a.remove(108); print(a)
a.reverse(); print(a); c = a.copy(); a.clear(); print(a, c, c is a)
a = bytearray(b"abcdef")
a[0] = 65; a[1:3] = b"XYZ"; print(a)
a[::2] = b"1234"; print(a)
del a[0]; print(a); del a[1:3]; print(a); del a[::2]; print(a)
a += b"++"; print(a); a *= 2; print(a)
a[2:2] = [1, 2]; print(a)
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x") + b"y", b"y" + bytearray(b"x"), bytearray(b"ab") * 2, bytearray(b"abc") == b"abc")
print(bytearray(b"a b").split(), bytearray(b"abc").upper(), bytearray(b"xax").strip(b"x"), bytearray(b"abc").replace(b"b", b"B"), bytearray(b"abc").decode(), bytearray(b"%d") % 5)
print(list(bytearray(b"ab")), 98 in bytearray(b"ab"), bytearray(b"ab").hex(), repr(bytearray()), bytearray(b"'").find(b"'"))
x = bytearray(b"abc")
x[1:2] = x
print(x)
t(lambda: bytearray(b"a")[5])
t(lambda: bytearray().pop())
t(lambda: bytearray(b"a").pop(5))
t(lambda: bytearray(b"a").remove(120))
t(lambda: bytearray(b"a").append(256))
t(lambda: bytearray(b"a").append("x"))
t(lambda: hash(bytearray()))
def setitem(v):
    b = bytearray(b"abc"); b[0] = v; return b
t(lambda: setitem(300))
t(lambda: setitem("x"))
def setslice(v):
    b = bytearray(b"abcdef"); b[::2] = v; return b
t(lambda: setslice(b"xy"))
t(lambda: setslice(5))
t(lambda: bytearray("abc"))
t(lambda: bytearray(b"a").extend("x"))
t(lambda: bytearray(b"a").extend(1))
t(lambda: bytearray(b"a") + "x")
