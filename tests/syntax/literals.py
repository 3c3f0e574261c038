# Literal forms: numbers, strings, bytes, escapes, concatenation.
print(0, 7, 1_000_000, 0o17, 0O7, 0b101, 0B1_1, 00, 0_0, 0x1F + 0XfF)
print(123456789012345678901234567890, 0xFFFFFFFFFFFFFFFFFFFFFFFF + 0)
print(1.5, 1., .5, 1e3, 1E-3, 1_0.0_1, 3.14e+2, 1e309, 0.0)
print(1j, 2.5j, 1e3J, 0j, 1_0j)
print('a' "b" '''c''' """d""")
print('tab\there', 'nl\\n', 'q\'q', "dq\"dq", 'bs\\', '\x41\101\u00e9\U0001F600', '\N{BULLET}\N{EM DASH}')
print(r'\n\t\x', R"\d+", rb'\x00', Br'\y', u'unicode', U'U')
print(b'abc', b'\x00\xff\n', b'a' b'b', bytes(b'\101'))
print('line one \
continues')
print("""multi
line""")
print(len('\0'), len('\777'), ord('\777'))
print('é' + 'ü€😀', len('😀é'))
print('a' 'b' f'{1+1}' "c")
x = ('implicit'
     ' concatenation'
     f' {2 * 3}')
print(x)
print(..., Ellipsis is ...)
print(True, False, None)
