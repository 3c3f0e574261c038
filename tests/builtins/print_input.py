import sys
print('a', 'b', 'c')
print('a', 'b', sep='-')
print('a', 'b', sep=None, end=None)
print('x', end='')
print('y', end='!\n')
print()
print(1, 2.5, None, [1, 'a'], {'k': (1,)}, sep='|')
print('to stderr', file=sys.stderr)
sys.stderr.flush()
print('flushed', flush=True)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print('hello', 42, file=w, sep=', ')
print(w.parts)
print('none file', file=None)
class S:
    def __str__(self): return 'S-str'
    def __repr__(self): return 'S-repr'
print(S(), [S()])
name = input('name? ')
print('got', repr(name))
line2 = input()
print('got', repr(line2))
try:
    input('more? ')
except EOFError as e:
    print('EOFError', e)
sys.stdout.write('direct write\n')
print(sys.stdout.write('abc'), end='\n')
