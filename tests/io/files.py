import os
fn = '_tmp_files_test.txt'
with open(fn, 'w') as f:
    print(f.write('line1\nline2\n'), f.name, f.mode, f.closed, f.readable(), f.writable(), f.encoding)
    f.writelines(['a\n', 'b\n'])
    f.write('no newline')
print(f.closed)
with open(fn) as f:
    print(repr(f.read()))
with open(fn) as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open(fn) as f:
    print([line for line in f])
with open(fn) as f:
    print(repr(f.read(3)), f.tell(), repr(f.read(4)))
    f.seek(0)
    print(repr(f.read(5)))
    print(f.seek(0, 2) > 0, repr(f.read()))
with open(fn, 'a') as f:
    f.write('\nappended')
with open(fn, 'rb') as f:
    data = f.read()
    print(type(data).__name__, len(data), data[-8:])
with open(fn, 'rb') as f:
    print(f.read(5), f.readline(), f.tell(), f.readlines()[-1])
with open(fn, 'wb') as f:
    print(f.write(b'bytes\x00\xff\r\nend'))
with open(fn, 'rb') as f:
    print(f.read())
with open(fn, 'r', encoding='latin-1') as f:
    print(repr(f.read()))
with open(fn, 'w', encoding='utf-8') as f:
    f.write('héllo wörld €\n')
with open(fn, encoding='utf-8') as f:
    print(repr(f.read(7)), repr(f.read()))
with open(fn, 'rb') as f:
    print(f.read())
# newlines
with open(fn, 'wb') as f:
    f.write(b'a\r\nb\rc\nd')
with open(fn) as f:
    print(repr(f.read()))
with open(fn) as f:
    print(f.readlines())
with open(fn, newline='') as f:
    print(f.readlines())
with open(fn, newline='\n') as f:
    print(f.readlines())
with open(fn, 'w', newline='\r\n') as f:
    f.write('x\ny\n')
with open(fn, 'rb') as f:
    print(f.read())
# r+ and truncate
with open(fn, 'w+') as f:
    f.write('0123456789')
    f.seek(0)
    print(repr(f.read(3)))
    f.seek(5)
    f.write('XY')
    f.seek(0)
    print(repr(f.read()))
    print(f.truncate(4), f.tell())
with open(fn) as f:
    print(repr(f.read()))
with open(fn, 'rb+') as f:
    f.seek(2)
    f.write(b'__')
    f.seek(0)
    print(f.read())
# binary readinto
with open(fn, 'rb') as f:
    buf = bytearray(3)
    print(f.readinto(buf), buf)
# x mode
try:
    open(fn, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno)
os.remove(fn)
with open(fn, 'x') as f:
    f.write('new')
with open(fn) as f:
    print(f.read())
os.remove(fn)
