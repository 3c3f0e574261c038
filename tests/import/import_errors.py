import sys
def t(code):
    try:
        exec(code, {'__name__': '__main__'})
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
        if isinstance(e, ImportError):
            print('  name =', e.name)
t('import nope_such_module')
t('import pkg.nope_sub')
t('from pkg import nope_name')
t('from _helper_mod import missing')
t('import _helper_mod.sub')
t('from . import x')
t('from .x import y')
t('import pkg.raises')
print('pkg.raises' in sys.modules)
t('import pkg.raises')
t('from pkg import bad_circ_a')
t("__import__('')")
t('__import__(1)')
t("__import__('pkg', level=-1)")
t("__import__('pkg', fromlist=[1])")
t("import sys; sys.modules['blocked'] = None; import blocked")
try:
    import definitely_missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e.name, isinstance(e, ImportError))
