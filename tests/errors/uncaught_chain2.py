import sys
sys.tracebacklimit = 0
try:
    {}['k']
except KeyError as e:
    raise ValueError('v') from e
