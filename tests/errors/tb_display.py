# Tracebacks printed by sys.excepthook (the same code path as uncaught
# exceptions); the first entry (this file, absolute path) is skipped.
import sys
src = open('_tb_src.py').read()
ns = {'__name__': 'tbsrc'}
exec(compile(src, '_tb_src.py', 'exec'), ns)
ns['rec0'] = lambda: ns['rec'](0)
for name in ['sub', 'attr', 'call', 'div', 'whole', 'outer', 'rec0', 'multi', 'chained',
             'context', 'subscript_expr', 'unicode_col', 'paren', 'method_call', 'comment',
             'assertion', 'notes', 'custom', 'empty_msg', 'badstr']:
    try:
        ns[name]()
    except BaseException as e:
        sys.stderr.write('--- %s\n' % name)
        sys.__excepthook__(type(e), e, e.__traceback__.tb_next)
