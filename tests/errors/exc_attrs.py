e = OSError(2, 'No such file or directory')
print(type(e).__name__, e.errno, e.strerror, e.filename, str(e), e.args)
e = OSError(2, 'No such file or directory', 'x.txt')
print(type(e).__name__, str(e), e.args, e.filename)
e = OSError(13, 'Permission denied', 'a', None, 'b')
print(type(e).__name__, str(e), e.filename2)
print(type(OSError(17, 'x')).__name__, type(OSError(9999, 'x')).__name__, type(OSError('x')).__name__)
print(str(OSError('just a message')), OSError().errno)
print(repr(FileNotFoundError(2, 'nf')))
print(IOError is OSError, EnvironmentError is OSError)

s = SyntaxError('invalid syntax', ('x.py', 3, 5, 'a b c\n', 3, 6))
print(s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset)
print(str(s))
print(str(SyntaxError('m', ('/a/b/c.py', 1, 1, 'x', 1, 2))))
print(str(SyntaxError('m')), SyntaxError().msg)

ie = ImportError('no mod', name='foo', path='/p')
print(ie.name, ie.path, ie.msg, str(ie))
print(ImportError().name, str(ImportError('a', 'b')))
try:
    ImportError('x', bad=1)
except TypeError as err:
    print('TypeError', err)

ae = AttributeError('no attr', name='x', obj=5)
print(ae.name, ae.obj, str(ae))
ne = NameError('n', name='q')
print(ne.name, str(ne))

u = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid start byte')
print(str(u).replace('0x', 'hex:'), u.encoding, u.object, u.start, u.end, u.reason)
u = UnicodeDecodeError('utf-8', b'abc', 0, 3, 'bad')
print(str(u))
u = UnicodeEncodeError('ascii', 'h\xe9llo', 1, 2, 'ordinal not in range(128)')
print(str(u))
u = UnicodeEncodeError('ascii', '\u20ac\U0001f600', 0, 1, 'x')
print(str(u))
u = UnicodeEncodeError('ascii', '\u20ac\U0001f600', 1, 2, 'x')
print(str(u))
u = UnicodeEncodeError('ascii', 'abcd', 1, 3, 'x')
print(str(u))
try:
    UnicodeDecodeError('x')
except TypeError as err:
    print('TypeError', err)
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as err:
    print(type(err).__name__, str(err).replace('0x', 'hex:'))
