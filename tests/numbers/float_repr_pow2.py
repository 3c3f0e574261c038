out = []
for e in range(-1074, 1024, 3):
    x = 2.0 ** e
    out.append(repr(x)); out.append(repr(-x))
    out.append(repr(x * 1.5)); out.append(repr(x * (2 - 2**-52)) if e < 1023 else '')
print('\n'.join(out))
