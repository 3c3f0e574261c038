import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor >= 11)
print(sys.version_info >= (3, 8), sys.version_info < (4,), tuple(sys.version_info)[:3])
print(type(sys.version_info).__name__ != '', len(sys.version_info))
print(sys.version.startswith('3.11'), sys.hexversion >> 16)
print(sys.maxsize == 2**63 - 1, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit >= 15, sys.hash_info.width, sys.hash_info.modulus)
print(sys.flags.optimize, sys.flags.verbose, sys.flags.inspect, sys.flags.dont_write_bytecode)
print(isinstance(sys.path, list), isinstance(sys.modules, dict), 'sys' in sys.modules, 'builtins' in sys.modules)
print(sys.modules['sys'] is sys, sys.modules['__main__'].__name__)
print('sys' in sys.builtin_module_names, 'builtins' in sys.builtin_module_names)
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.intern('abc') == 'abc', sys.intern('x' * 3) is sys.intern('xxx'))
try:
    sys.intern(5)
except TypeError as e:
    print('TypeError', e)
print(sys.getsizeof(1) > 0, sys.getsizeof([]) > 0, sys.getsizeof(object(), 5) > 0)
def f():
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name
print(f())
try:
    sys._getframe(10000)
except ValueError as e:
    print('ValueError', e)
print(sys.warnoptions, sys._xoptions, sys.dont_write_bytecode in (True, False))
print(isinstance(sys.executable, str), sys.exc_info())
print(sys.implementation.cache_tag is None or isinstance(sys.implementation.cache_tag, str))
print(callable(sys.exit), callable(sys.getrefcount))
x = object()
print(sys.getrefcount(x))
l = [x, x]
print(sys.getrefcount(x))
print(sys.flags.dev_mode, type(sys.flags.dev_mode).__name__)
print(sys.stdout.write('abc\n'))
