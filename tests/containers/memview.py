b = b'hello world'
m = memoryview(b)
print(len(m), m[0], m[-1], m[1:4].tobytes(), m.tobytes(), m[::2].tolist(), m.readonly, m.nbytes, m.format, m.itemsize, m.ndim, m.shape, m.strides)
print(bytes(m[6:]), m == b, m[:5] == b'hello', m.obj is b, list(m[:3]), m.hex(), m[::-1].tobytes())
ba = bytearray(b'abcdef')
mv = memoryview(ba)
mv[0] = 65; mv[1:3] = b'XY'; print(ba, mv.readonly, mv[::2].tolist())
with memoryview(b'xyz') as w:
    print(w.tobytes())
print(repr(w).startswith('<released memory'))
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: w[0])
check(lambda: len(w))
check(lambda: memoryview(5))
check(lambda: memoryview('abc'))
check(lambda: m.__setitem__(0, 1))
check(lambda: mv.__setitem__(0, 300))
check(lambda: mv.__setitem__(slice(0, 2), b'abc'))
check(lambda: m[20])
check(lambda: ba.append(1))
mv.release()
ba.append(33); print(ba)
print(hash(memoryview(b'ab')) == hash(b'ab'))
check(lambda: hash(memoryview(bytearray(b'a'))))
