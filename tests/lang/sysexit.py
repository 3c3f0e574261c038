import sys
print("before")
try:
    sys.exit(3)
except SystemExit as e:
    print("caught", e.code)
sys.stdout.flush()
sys.exit("fatal: bye")
