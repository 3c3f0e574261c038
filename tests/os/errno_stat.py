# errno and stat modules
import errno, stat, os
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK, errno.EINTR)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK])
print(errno.errorcode[errno.ENOTSUP], len(errno.errorcode) > 100)
try:
    errno.ENOTHERE
except AttributeError as e:
    print("AttributeError", e)
try:
    errno.errorcode[99999]
except KeyError as e:
    print("KeyError", e)
for exc, code in [(FileNotFoundError, errno.ENOENT), (FileExistsError, errno.EEXIST), (PermissionError, errno.EACCES)]:
    e = OSError(code, os.strerror(code))
    print(type(e).__name__, type(e) is exc, e)
print(stat.S_ISDIR(0o040755), stat.S_ISREG(0o100644), stat.S_ISLNK(0o120777), stat.S_IMODE(0o100644), oct(stat.S_IFMT(0o100644)))
print(stat.filemode(0o100644), stat.filemode(0o040755), stat.filemode(0o120777), stat.filemode(0o104755))
print(stat.ST_MODE, stat.ST_SIZE, stat.ST_MTIME, stat.S_IRUSR | stat.S_IWUSR, stat.S_IRWXU)
