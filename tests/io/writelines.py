import io
s = io.StringIO(); s.writelines(["a", "b\n", "c"]); print(repr(s.getvalue()))
b = io.BytesIO(); b.writelines([b"x", bytearray(b"y")]); print(b.getvalue())
for f, bad in [(io.StringIO(), [1]), (io.BytesIO(), ["s"]), (io.StringIO(), 5)]:
    try:
        f.writelines(bad)
    except TypeError as e:
        print(e)
c = io.StringIO(); c.close()
try:
    c.writelines([])
except ValueError as e:
    print(e)
