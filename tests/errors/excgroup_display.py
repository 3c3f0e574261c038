import sys
def raiser(e):
    raise e
excs = []
for e in [ValueError('a'), TypeError('b')]:
    try:
        raiser(e)
    except Exception as x:
        excs.append(x)
try:
    try:
        raise ExceptionGroup('many', excs + [KeyError('k')])
    except ExceptionGroup as eg:
        eg.add_note('group note')
        raise RuntimeError('after group')
except RuntimeError as r:
    sys.__excepthook__(type(r), r, r.__traceback__)
big = ExceptionGroup('wide', [ValueError(i) for i in range(17)])
sys.__excepthook__(type(big), big, None)
deep = ValueError('leaf')
for i in range(12):
    deep = ExceptionGroup('level %d' % i, [deep])
sys.__excepthook__(type(deep), deep, None)
sys.tracebacklimit = 0
raise ExceptionGroup('uncaught', [OSError(2, 'nf'), BaseExceptionGroup('inner', [KeyboardInterrupt()])]) if False else BaseExceptionGroup('uncaught', [OSError(2, 'nf')])
