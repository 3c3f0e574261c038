import sys
print(sys.argv[0])
print(sys.argv[1:])
print(len(sys.argv))
