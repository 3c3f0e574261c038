#!/usr/bin/env python3
"""Compare gilpy's parser (build/astdump) with CPython's ast on .py files.

usage: parsecheck.py [-v] FILE_OR_DIR...
       parsecheck.py [-v] --corpus FILE   (snippets separated by lines "#-----")

For each file: if CPython parses it, astdump's ast.dump() output and its
positions (astdump -p, pre-order over fields) must match; if CPython raises
SyntaxError, astdump must report the same message, lineno and offset.
Prints mismatches and a summary.
"""
import ast
import os
import subprocess
import sys

ASTDUMP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "astdump")


def positions(tree):
    out = []

    def walk(n):
        if hasattr(n, "lineno"):
            out.append("%s %d %d %d %d" % (type(n).__name__, n.lineno, n.col_offset,
                                           n.end_lineno, n.end_col_offset))
        for c in ast.iter_child_nodes(n):
            walk(c)
    walk(tree)
    return "\n".join(out) + ("\n" if out else "")


def run(args):
    r = subprocess.run([ASTDUMP] + args, capture_output=True, timeout=30)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def check(path, verbose=False):
    src = open(path, "rb").read()
    try:
        tree = compile(src, path, "exec", ast.PyCF_ONLY_AST)
        exp_err = None
    except SyntaxError as e:
        exp_err = (e.msg, e.lineno, e.offset)
    except (ValueError, MemoryError, RecursionError) as e:
        exp_err = (type(e).__name__, None, None)
    rc, out, err = run([path])
    if rc not in (0, 1):
        return "CRASH rc=%d %s" % (rc, err[-300:])
    if exp_err is not None:
        if not out.startswith("ERROR"):
            return "expected error %r, got a tree" % (exp_err,)
        fields = dict(kv.split("=", 1) for kv in out.split(" msg=")[0].split()[1:])
        msg = out.split(" msg=", 1)[1].rstrip("\n")
        got = (msg, int(fields["lineno"]), int(fields["offset"]))
        if exp_err[1] is None:
            return None
        if got != exp_err:
            return "error mismatch: expected %r got %r" % (exp_err, got)
        return None
    if out.startswith("ERROR"):
        return "unexpected error: " + out.strip()
    exp = ast.dump(tree)
    if out.rstrip("\n") != exp:
        if verbose:
            a, b = out.rstrip("\n"), exp
            i = 0
            while i < min(len(a), len(b)) and a[i] == b[i]:
                i += 1
            return "dump mismatch at %d:\n  got: ...%s\n  exp: ...%s" % (i, a[max(0, i - 80):i + 80], b[max(0, i - 80):i + 80])
        return "dump mismatch"
    rc, pout, _ = run(["-p", path])
    pexp = positions(tree)
    if pout != pexp:
        pl, el = pout.splitlines(), pexp.splitlines()
        for i, (x, y) in enumerate(zip(pl, el)):
            if x != y:
                return "position mismatch #%d: got %s, expected %s" % (i, x, y)
        return "position mismatch (count %d vs %d)" % (len(pl), len(el))
    return None


def corpus(path, verbose):
    import tempfile
    text = open(path, encoding="utf-8").read()
    snippets = text.split("\n#-----\n")
    bad = 0
    d = tempfile.mkdtemp()
    for i, snip in enumerate(snippets):
        if snip.endswith("\n") and i == len(snippets) - 1:
            snip = snip[:-1]
        f = os.path.join(d, "s%d.py" % i)
        with open(f, "w", encoding="utf-8") as fh:
            fh.write(snip)
        try:
            r = check(f, verbose)
        except Exception as e:  # noqa
            r = "checker exception %r" % (e,)
        if r:
            bad += 1
            print("#%d %r: %s" % (i, snip[:60], r))
    print("%d snippets, %d ok, %d mismatched" % (len(snippets), len(snippets) - bad, bad))
    return 1 if bad else 0


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    if args and args[0] == "--corpus":
        return max(corpus(a, verbose) for a in args[1:])
    files = []
    for a in args:
        if os.path.isdir(a):
            for root, _, fs in os.walk(a):
                files += [os.path.join(root, f) for f in sorted(fs) if f.endswith(".py")]
        else:
            files.append(a)
    bad = 0
    for f in files:
        try:
            r = check(f, verbose)
        except Exception as e:  # noqa
            r = "checker exception %r" % (e,)
        if r:
            bad += 1
            print("%s: %s" % (f, r))
    print("%d files, %d ok, %d mismatched" % (len(files), len(files) - bad, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
