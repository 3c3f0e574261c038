tests = [
    lambda: BaseException.__new__(object),
    lambda: BaseException.__new__(int),
    lambda: ValueError.__init__(5),
    lambda: OSError.__str__(ValueError()),
    lambda: KeyError.__str__(5),
    lambda: SyntaxError.__init__(ValueError(), 'x', (1, 2, 3, 4)),
    lambda: BaseException.with_traceback(5, None),
    lambda: ExceptionGroup.split(ValueError(), ValueError),
    lambda: UnicodeDecodeError.__str__(UnicodeError()),
    lambda: OSError.__new__(ValueError, 2, 'x'),
    lambda: ValueError().with_traceback(5),
    lambda: StopIteration.value.__get__(ValueError()),
    lambda: SyntaxError('m', 5),
    lambda: SyntaxError('m', (1, 2)),
    lambda: UnicodeEncodeError('ascii', 'x', 5, 10, 'r').__str__(),
    lambda: UnicodeDecodeError('ascii', b'x', -5, 10, 'r').__str__(),
    lambda: UnicodeTranslateError('x', 0, 1, 'r').__str__(),
    lambda: str(UnicodeDecodeError.__new__(UnicodeDecodeError)),
    lambda: str(UnicodeEncodeError.__new__(UnicodeEncodeError)),
    lambda: str(OSError.__new__(OSError, 1, 2, 3, 4, 5)),
    lambda: str(SystemExit.__new__(SystemExit)),
    lambda: repr(StopIteration.__new__(StopIteration, 5).value),
]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, 'ok', repr(r)[:60])
    except Exception as e:
        print(i, type(e).__name__, e)
