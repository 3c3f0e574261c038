# os: files, directories, stat, fd I/O (temp names unique per pid, removed at the end)
import os, stat

base = "_tmp_os_files_%d" % os.getpid()
os.mkdir(base)
print(os.path.isdir(base), os.path.exists(base), os.path.isfile(base))

fn = os.path.join(base, "a.txt")
fd = os.open(fn, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(type(fd).__name__, os.write(fd, b"hello world\n"), os.write(fd, bytearray(b"xyz")))
os.close(fd)
print(os.path.getsize(fn), os.path.isfile(fn))

st = os.stat(fn)
print(st.st_size, st[6], len(st), stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
print(type(st).__name__, type(st.st_mtime).__name__, type(st[8]).__name__, st[8] == int(st.st_mtime))
print(isinstance(st, tuple), st.st_mtime_ns // 10**9 == st[8])
print(stat.S_ISDIR(os.stat(base).st_mode), stat.filemode(st.st_mode & ~0o777 | 0o644))

fd = os.open(fn, os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.read(fd, 100))
print(os.read(fd, 10), os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3))
print(os.fstat(fd).st_size == st.st_size)
fd2 = os.dup(fd)
os.lseek(fd2, 0, os.SEEK_SET)
print(os.read(fd, 5))
os.close(fd2)
os.close(fd)

os.mkdir(os.path.join(base, "sub"))
with open(os.path.join(base, "sub", "b.txt"), "w") as f:
    f.write("b")
print(sorted(os.listdir(base)))
with os.scandir(base) as it:
    ents = sorted(it, key=lambda e: e.name)
for e in ents:
    print(e.name, e.path == os.path.join(base, e.name), e.is_file(), e.is_dir(), e.is_symlink(), repr(e))
print(ents[0].stat().st_size)

for root, dirs, files in os.walk(base):
    dirs.sort()
    print(os.path.relpath(root, base), dirs, sorted(files))

os.rename(fn, os.path.join(base, "c.txt"))
print(sorted(os.listdir(base)))
os.replace(os.path.join(base, "c.txt"), os.path.join(base, "d.txt"))
print(sorted(os.listdir(base)))

os.makedirs(os.path.join(base, "x", "y", "z"))
os.makedirs(os.path.join(base, "x", "y", "z"), exist_ok=True)
print(os.path.isdir(os.path.join(base, "x", "y", "z")))

os.symlink("d.txt", os.path.join(base, "link"))
print(os.path.islink(os.path.join(base, "link")), os.readlink(os.path.join(base, "link")))
print(os.path.realpath(os.path.join(base, "link")) == os.path.realpath(os.path.join(base, "d.txt")))
print(stat.S_ISLNK(os.lstat(os.path.join(base, "link")).st_mode))
print(os.access(base, os.F_OK), os.access(base + "nope", os.F_OK), os.access(os.path.join(base, "d.txt"), os.R_OK))

old = os.getcwd()
os.chdir(base)
print(os.path.basename(os.getcwd()) == base, sorted(os.listdir()), sorted(os.listdir(".")))
os.chdir(old)
print(os.getcwd() == old)

r, w = os.pipe()
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)

# bytes paths
print(sorted(os.listdir(base.encode()))[:2])

# cleanup (bottom-up walk)
for root, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.remove(os.path.join(root, f))
    for d in dirs:
        p = os.path.join(root, d)
        if os.path.islink(p):
            os.unlink(p)
        else:
            os.rmdir(p)
os.rmdir(base)
print(os.path.exists(base))
