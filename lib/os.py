"""OS routines for gilpy (POSIX only), built on the C module `posix`.

posix holds the system calls; this module adds the friendly layer:
os.environ, stat_result, DirEntry/scandir, makedirs, walk, PathLike ...
"""

import sys
import posix
from posix import *
from posix import _exit, _scandir
import posixpath as path
import stat as st

name = 'posix'
linesep = '\n'
sep = path.sep
altsep = path.altsep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
error = OSError

sys.modules['os.path'] = path

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


# ---- struct-sequence-like results ---------------------------------------

class _StructSeq(tuple):
    """A tuple whose first n_sequence_fields items are also named attributes."""
    _fields = ()
    _extra = ()
    n_sequence_fields = 0
    n_fields = 0
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        n = cls.n_sequence_fields
        if len(seq) < n:
            raise TypeError("%s.%s() takes an at least %d-sequence (%d-sequence given)"
                            % (cls.__module__, cls.__name__, n, len(seq)))
        if len(seq) > cls.n_fields:
            raise TypeError("%s.%s() takes an at most %d-sequence (%d-sequence given)"
                            % (cls.__module__, cls.__name__, cls.n_fields, len(seq)))
        self = tuple.__new__(cls, seq[:n])
        self._rest = seq[n:]
        return self

    def __repr__(self):
        parts = ", ".join("%s=%r" % (f, v) for f, v in zip(self._fields, self))
        return "%s.%s(%s)" % (self.__module__, type(self).__name__, parts)

    def __reduce__(self):
        return (type(self), (tuple(self) + tuple(self._rest),))


def _make_field(i):
    return property(lambda self: tuple.__getitem__(self, i))


def _make_extra(i):
    def get(self):
        rest = self._rest
        return rest[i] if i < len(rest) else None
    return property(get)


def _structseq(name, module, fields, extra=(), visible=None):
    ns = {'_fields': fields, '_extra': extra, '__module__': module,
          'n_sequence_fields': len(fields) if visible is None else visible,
          'n_fields': len(fields) + len(extra), 'n_unnamed_fields': 0}
    for i, f in enumerate(fields):
        ns[f] = _make_field(i)
    for i, f in enumerate(extra):
        ns[f] = _make_extra(i)
    return type(name, (_StructSeq,), ns)


class stat_result(_StructSeq):
    """stat_result: Result from stat, fstat, or lstat."""
    __module__ = 'os'
    _fields = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
               'st_size', 'st_atime', 'st_mtime', 'st_ctime')
    n_sequence_fields = 10
    n_fields = 16

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 10:
            raise TypeError("os.stat_result() takes an at least 10-sequence (%d-sequence given)" % len(seq))
        if len(seq) > 19:
            raise TypeError("os.stat_result() takes an at most 19-sequence (%d-sequence given)" % len(seq))
        vis = seq[:7] + tuple(int(t) if isinstance(t, float) else t for t in seq[7:10])
        self = tuple.__new__(cls, vis)
        self._rest = seq
        return self

    def __reduce__(self):
        return (type(self), (self._rest,))

    st_mode = _make_field(0)
    st_ino = _make_field(1)
    st_dev = _make_field(2)
    st_nlink = _make_field(3)
    st_uid = _make_field(4)
    st_gid = _make_field(5)
    st_size = _make_field(6)

    def _get(self, i):
        r = self._rest
        return r[i] if i < len(r) else None

    st_atime = property(lambda self: self._get(7))
    st_mtime = property(lambda self: self._get(8))
    st_ctime = property(lambda self: self._get(9))
    st_atime_ns = property(lambda self: self._get(10))
    st_mtime_ns = property(lambda self: self._get(11))
    st_ctime_ns = property(lambda self: self._get(12))
    st_blksize = property(lambda self: self._get(13))
    st_blocks = property(lambda self: self._get(14))
    st_rdev = property(lambda self: self._get(15))


terminal_size = _structseq('terminal_size', 'os', ('columns', 'lines'))
times_result = _structseq('times_result', 'posix',
                          ('user', 'system', 'children_user', 'children_system', 'elapsed'))
uname_result = _structseq('uname_result', 'posix',
                          ('sysname', 'nodename', 'release', 'version', 'machine'))

posix.stat_result = stat_result
posix.terminal_size = terminal_size
posix.times_result = times_result
posix.uname_result = uname_result


def get_terminal_size(fd=1):
    """Return the size of the terminal window as (columns, lines)."""
    return posix.get_terminal_size(fd)


# ---- PathLike -------------------------------------------------------------

class _PathLikeMeta(type):
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if cls is not PathLike:
            return type.__subclasscheck__(cls, sub)
        for klass in getattr(sub, '__mro__', ()):
            if '__fspath__' in klass.__dict__:
                return klass.__dict__['__fspath__'] is not None
        return False


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __class_getitem__(cls, item):
        return cls


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def getcwdb():
    return posix.getcwdb()


# ---- environ ---------------------------------------------------------------

class _Environ:
    """os.environ: a str -> str mapping that writes through putenv/unsetenv."""

    def __init__(self, data):
        self._data = data

    def _check(self, value, what):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value

    def __getitem__(self, key):
        try:
            return self._data[self._check(key, 'key')]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        self._check(key, 'key')
        self._check(value, 'value')
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        self._check(key, 'key')
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return isinstance(key, str) and key in self._data

    def __repr__(self):
        items = ", ".join("%r: %r" % kv for kv in self._data.items())
        return "environ({%s})" % items

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return dict(self.items()) == other

    def __or__(self, other):
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        new = dict(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        if not isinstance(key, str):
            self._check(key, 'key')
        return self._data.get(key, default)

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, other=(), **kw):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    _marker = object()

    def pop(self, key, default=_marker):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default is self._marker:
            raise KeyError(key)
        return default

    def popitem(self):
        for key in self._data:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError('popitem(): dictionary is empty')

    def clear(self):
        for key in list(self._data):
            del self[key]

    __hash__ = None


environ = _Environ(posix.environ)


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


supports_bytes_environ = False


# ---- directories -----------------------------------------------------------

_DT_DIR = 4
_DT_REG = 8
_DT_LNK = 10
_DT_UNKNOWN = 0


class DirEntry:
    """A directory entry as yielded by os.scandir()."""
    __slots__ = ('name', 'path', '_dtype', '_ino', '_stat', '_lstat')

    def __init__(self, dirpath, name, dtype, ino):
        self.name = name
        self.path = path.join(dirpath, name)
        self._dtype = dtype
        self._ino = ino
        self._stat = None
        self._lstat = None

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def __fspath__(self):
        return self.path

    def inode(self):
        return self._ino

    def is_symlink(self):
        if self._dtype != _DT_UNKNOWN:
            return self._dtype == _DT_LNK
        return st.S_ISLNK(self.stat(follow_symlinks=False).st_mode)

    def _test(self, dtype, check, follow_symlinks):
        if self._dtype != _DT_UNKNOWN and not (follow_symlinks and self._dtype == _DT_LNK):
            return self._dtype == dtype
        try:
            return check(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except FileNotFoundError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        return self._test(_DT_DIR, st.S_ISDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._test(_DT_REG, st.S_ISREG, follow_symlinks)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    @classmethod
    def __class_getitem__(cls, item):
        return cls


class _ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def close(self):
        self._it = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


def scandir(path=None):
    """Return an iterator of DirEntry objects for the given path."""
    if path is None:
        path = '.'
        base = '.'
    else:
        path = fspath(path) if not isinstance(path, int) else path
        base = path
    raw = _scandir(path)
    if isinstance(base, bytes):
        pass
    return _ScandirIterator([DirEntry(base, n, t, i) for n, t, i in raw])


def makedirs(name, mode=0o777, exist_ok=False):
    """Super-mkdir; create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Super-rmdir; remove a leaf directory and all empty intermediate ones."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames)."""
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs = []
    nondirs = []
    walk_dirs = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            dirs.append(entry.name)
        else:
            nondirs.append(entry.name)
        if not topdown and is_dir:
            if followlinks:
                walk_into = True
            else:
                try:
                    is_symlink = entry.is_symlink()
                except OSError:
                    is_symlink = False
                walk_into = not is_symlink
            if walk_into:
                walk_dirs.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        for dirname in dirs:
            new_path = path.join(top, dirname)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


def _exists(name):
    return name in globals()


del sys
