import sys
first = input()
print('first:', first)
second = input('prompt> ')
print('second:', second)
rest = sys.stdin.read()
print('rest:', repr(rest))
try:
    input()
except EOFError as e:
    print('EOFError', repr(e))
