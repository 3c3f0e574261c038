import sys
sys.tracebacklimit = 0
try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    print('caught KI')
print('end')
