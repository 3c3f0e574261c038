# posixpath pure functions
import os.path as p
import posixpath

print(p is posixpath)
for a in ["", "/", "a", "a/b", "/a/b/", "a/b/c.txt", "//x", "///x", "a/./b/../c", "../a/..", "/..", ".", "./", "a//b"]:
    print(repr(a), p.split(a), p.basename(a), repr(p.dirname(a)), p.normpath(a), p.isabs(a), p.splitext(a))
print(p.join("a", "b", "c"), p.join("a/", "b"), p.join("a", "/b", "c"), p.join("", "x"), p.join("a", ""))
print(p.join(b"a", b"b"), p.split(b"a/b"), p.normpath(b"a//b/../c"))
print(p.splitext(".bashrc"), p.splitext("a.tar.gz"), p.splitext("x/.y.z"), p.splitext("..."))
print(p.commonprefix(["/usr/lib", "/usr/local", "/usr/l"]), repr(p.commonprefix([])))
print(p.commonpath(["/usr/lib", "/usr/local"]), p.commonpath(["a/b", "a/c"]))
print(p.relpath("a/b/c", "a"), p.relpath("a", "a/b/c"), p.relpath("x", "x"))
print(p.abspath("x") == p.join(__import__("os").getcwd(), "x"), p.isabs(p.abspath(".")))
print(p.expanduser("~") == __import__("os").environ.get("HOME", "~").rstrip("/") or "/", p.expanduser("x~"))
print(p.expanduser("~/q").endswith("/q"))
import os
os.environ["GILPY_PP"] = "val"
print(p.expandvars("$GILPY_PP/${GILPY_PP}/$NOPE_GILPY/$"))
print(p.normcase("AbC"), p.splitdrive("/a/b"))
for bad in [(p.join, 1, "a"), (p.join, "a", b"b"), (p.relpath, ""), (p.commonpath, []),
            (p.commonpath, ["/a", "b"]), (p.basename, None), (p.split, 3), (p.normpath, 1.5)]:
    try:
        print(bad[0](*bad[1:]))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
