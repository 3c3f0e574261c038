# os: error cases
import os

missing = "_tmp_os_missing_nonexistent"

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
        if isinstance(e, OSError):
            print("  errno", e.errno, e.strerror, e.filename, e.filename2)

t(os.stat, missing)
t(os.lstat, missing)
t(os.remove, missing)
t(os.unlink, missing)
t(os.rmdir, missing)
t(os.listdir, missing)
t(os.chdir, missing)
t(os.rename, missing, missing + "2")
t(os.open, missing, os.O_RDONLY)
t(os.open, missing)
t(os.stat, 1.5)
t(os.listdir, 1.5)
t(os.mkdir, 1.5)
t(os.chdir, None)
t(os.stat, "a\0b")
t(os.fspath, 3)
t(os.read, "x", 1)
t(os.close, -1)
t(os.read, -1, 10)
t(os.write, -1, b"x")
t(os.write, 1, "str")
t(os.fstat, -1)
t(os.putenv, "a=b", "1")
t(os.strerror, "x")
t(os.urandom, -1)
t(os.waitstatus_to_exitcode, 0)
t(os.waitstatus_to_exitcode, 256)
t(os.makedirs, ".")
t(os.mkdir, ".")
t(os.rmdir, ".")
t(os.environ.__getitem__, "_GILPY_NOT_SET_")
t(os.environ.__setitem__, "X", 1)
t(os.kill, os.getpid(), 0)
t(os.lseek, -1, 0, 0)
t(os.dup, -1)
t(os.path.getsize, missing)
print(os.path.exists(missing), os.path.isfile(missing), os.path.isdir(missing), os.path.islink(missing))
print(os.error is OSError, issubclass(FileNotFoundError, os.error))
try:
    open(missing)
except OSError as e:
    print(type(e).__name__, e.errno == __import__("errno").ENOENT)
