cases = [
    "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "divmod(1, 0)", "2 ** 10000.0",
    "int('abc')", "int('12', 1)", "float('x1')", "[].pop()", "[1][3]", "(1,)[-5]",
    "{}['k']", "{'a': 1}[('t', 1)]", "'abc'[10]", "'abc'.index('z')", "[1].index(2)",
    "undefined_name", "None.attr", "(1).real = 3", "'x' + 1", "1 + 'x'", "[] + ()",
    "'a' * 'b'", "len(5)", "hash([])", "{[]: 1}", "iter(3)", "next(iter([]))",
    "int.nope", "abs('x')", "ord('ab')", "chr(-1)", "chr(0x110000)", "sorted([1, 'a'])",
    "max([])", "min()", "range(1, 2, 0)", "'%d' % 'x'", "'{}'.format()", "'{0}{}'.format(1, 2)",
    "b'a' + 'b'", "bytes([256])", "'x'.encode('nope')", "b'\\xff'.decode()", "'\\udc80'.encode()",
    "list(5)", "dict([1])", "set([[1]])", "frozenset([{}])", "tuple(None)",
    "int(float('inf'))", "int(float('nan'))", "round(1.5, 'x')", "pow(2, 3, 0)", "pow(2, -1, 4)",
    "[1, 2, 3][1:2:0]", "'abc'.split('')", "' '.join([1])", "().__getitem__('x')",
    "object.__new__(int)", "type('A', (1,), {})", "isinstance(1, 'int')", "issubclass(1, int)",
    "getattr(1, 'x')", "getattr(1, 2)", "setattr(object(), 'x', 1)", "delattr(1, 'real')",
    "import nonexistent_module_xyz", "from sys import nonexistent_name",
    "exec('x = ')", "eval('1 +')", "compile('a', 'f', 'bad')", "assert 1 == 2, 'custom message'",
    "assert False", "raise ValueError", "raise 5", "raise TypeError('t') from 3",
    "(lambda: (yield))().send(1)", "1 < 'a'", "[] < ()", "None < None",
    "2 ** -1 % 0", "1 << -1", "1 >> -1", "~1.5", "-'s'", "not_a_func()()",
]
for src in cases:
    try:
        exec(src)
        print("no error:", src)
    except Exception as e:
        print(f"{src!r:34} -> {type(e).__name__}: {e}")
