# os: process info, environment, constants, fspath
import os, sys

print(os.name, os.sep, os.linesep == "\n", os.curdir, os.pardir, os.extsep, os.devnull, os.pathsep)
print(os.path is sys.modules["os.path"], os.path.__name__)
print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(type(os.getuid()).__name__, type(os.getgid()).__name__)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.O_CREAT != 0, os.O_EXCL != 0, os.O_TRUNC != 0, os.O_APPEND != 0)

os.environ["GILPY_TEST_VAR"] = "value1"
print(os.environ["GILPY_TEST_VAR"], os.getenv("GILPY_TEST_VAR"), "GILPY_TEST_VAR" in os.environ)
print(os.environ.get("GILPY_NOPE"), os.getenv("GILPY_NOPE", "dflt"))
del os.environ["GILPY_TEST_VAR"]
print("GILPY_TEST_VAR" in os.environ, os.getenv("GILPY_TEST_VAR"))
os.environ.setdefault("GILPY_T2", "sd")
print(os.environ.pop("GILPY_T2"), os.environ.pop("GILPY_T2", "gone"))
print(isinstance(os.environ.copy(), dict), len(os.environ) == len(list(os.environ)))

print(os.strerror(2), "|", os.strerror(13))
print(len(os.urandom(16)), type(os.urandom(0)).__name__, os.urandom(0))
c = os.cpu_count()
print(c is None or c >= 1)
print(os.WIFEXITED(0), os.WEXITSTATUS(256), os.WIFEXITED(256), os.waitstatus_to_exitcode(3 << 8))
print(os.WIFSIGNALED(9), os.WTERMSIG(9), os.waitstatus_to_exitcode(9))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
print(isinstance(os.isatty(0), bool))
tm = os.times()
print(type(tm).__name__, len(tm), tm.user >= 0, tm[4] == tm.elapsed)

class P:
    def __fspath__(self):
        return "some/path"

class Bad:
    def __fspath__(self):
        return 42

print(os.fspath("x"), os.fspath(b"y"), os.fspath(P()))
print(isinstance(P(), os.PathLike), isinstance("x", os.PathLike), issubclass(P, os.PathLike))
try:
    os.fspath(Bad())
except TypeError as e:
    print("TypeError", e)
print(os.path.join(P(), "q"), os.path.basename(P()))
print(os.fsencode("abc"), os.fsdecode(b"abc"))
s = os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(s, s.st_mode, s.st_ctime, s[-1])
print(s == (1, 2, 3, 4, 5, 6, 7, 8, 9, 10), s[2:4])
try:
    os.stat_result((1, 2))
except TypeError as e:
    print("TypeError", e)
ts = os.terminal_size((80, 24))
print(ts, ts.columns, ts.lines)
try:
    os.get_terminal_size(-1)
except OSError as e:
    print(type(e).__name__, e.errno)
