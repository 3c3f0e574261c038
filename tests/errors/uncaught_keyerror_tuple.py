import sys
sys.tracebacklimit = 0
d = {}
d[(1, 2)]
