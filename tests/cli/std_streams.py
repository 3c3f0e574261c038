import sys
for f in (sys.stdin, sys.stdout, sys.stderr):
    print(f.name, f.mode, f.encoding, f.errors, f.fileno(), f.isatty())
print(sys.stdout is sys.__stdout__)
print(repr(sys.stdin.readline()))
print(sys.stdin.read())
