import sys
sys.tracebacklimit = 0
def hook(t, v, tb):
    raise RuntimeError('hook broke')
sys.excepthook = hook
raise ValueError('original')
