import sys
try:
    sys.exit(4)
except SystemExit as e:
    print('caught', e.code, repr(e))
try:
    sys.exit()
except SystemExit as e:
    print('caught', e.code)
raise SystemExit(3)
