#!/usr/bin/env python3
"""gilpy test runner.

Each test is tests/<area>/<name>.py with its expected output in <name>.exp,
produced by CPython 3.11 (`make expected`).  A test is run from its own
directory as `gilpy <name>.py`; its stdout, then its stderr, then a line
"[exit N]" when the exit status is not 0, must equal the .exp file after
normalisation (addresses only).  Optional <name>.args holds extra argv words,
<name>.stdin the standard input.

Prints a diff for each failure and ends with "N passed, N failed".
"""
import argparse
import concurrent.futures as cf
import difflib
import os
import re
import subprocess
import sys

ADDR = re.compile(r"0x(?!ADDR\b)[0-9a-fA-F]+")
# ASan (allocator_may_return_null=1) reports each refused huge allocation, which
# the interpreter then turns into MemoryError exactly as a plain build does.
ASAN_ALLOC_WARNING = re.compile(r"^==\d+==WARNING: AddressSanitizer failed to allocate .*\n", re.M)


def normalize(text, testdir=None):
    # CPython shows the script's absolute path in tracebacks; the checkout's
    # location varies, so paths under the test's directory are made relative.
    if testdir:
        text = text.replace(testdir.rstrip("/") + "/", "")
    text = ASAN_ALLOC_WARNING.sub("", text)
    return ADDR.sub("0xADDR", text)


def find_tests(paths):
    out = []
    for p in paths:
        if os.path.isfile(p) and p.endswith(".py"):
            out.append(p)
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")) and d != "pending")
            for f in sorted(files):
                # helper modules imported by tests start with '_' or live in a package dir
                if f.endswith(".py") and not f.startswith("_") and os.path.exists(os.path.join(root, f[:-3] + ".exp")) or \
                   (f.endswith(".py") and not f.startswith("_") and ARGS.regen and not is_helper_dir(root)):
                    out.append(os.path.join(root, f))
    return out


def is_helper_dir(root):
    return os.path.exists(os.path.join(root, "__init__.py"))


def run_one(interp, path, timeout):
    d, name = os.path.split(path)
    base = name[:-3]
    argv = [interp, name]
    argsf = os.path.join(d, base + ".args")
    if os.path.exists(argsf):
        argv += open(argsf).read().split()
    stdin = None
    stdinf = os.path.join(d, base + ".stdin")
    if os.path.exists(stdinf):
        stdin = open(stdinf, "rb").read()
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    try:
        p = subprocess.run(argv, cwd=d or ".", input=stdin if stdin is not None else b"",
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, env=env)
        out = p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")
        if p.returncode != 0:
            out += "[exit %d]\n" % p.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace") + "[timeout after %ss]\n" % timeout
    return normalize(out, d)


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilpy", default="./gilpy")
    ap.add_argument("--regen", action="store_true", help="write .exp files from python3")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-q", action="store_true", help="no diffs")
    ap.add_argument("paths", nargs="*", default=["tests"])
    ARGS = ap.parse_args()
    tests = find_tests(ARGS.paths)
    if ARGS.regen:
        py = sys.executable
        with cf.ThreadPoolExecutor(ARGS.j) as ex:
            outs = list(ex.map(lambda t: run_one(py, os.path.abspath(t), ARGS.timeout), tests))
        for t, o in zip(tests, outs):
            with open(t[:-3] + ".exp", "w") as f:
                f.write(o)
        print("wrote %d .exp files" % len(tests))
        return 0
    interp = os.path.abspath(ARGS.gilpy)
    passed = failed = 0
    with cf.ThreadPoolExecutor(ARGS.j) as ex:
        futs = {ex.submit(run_one, interp, os.path.abspath(t), ARGS.timeout): t for t in tests}
        results = {}
        for f in cf.as_completed(futs):
            results[futs[f]] = f.result()
    for t in tests:
        got = results[t]
        exp = normalize(open(t[:-3] + ".exp", encoding="utf-8").read())
        if got == exp:
            passed += 1
        else:
            failed += 1
            print("FAIL %s" % t)
            if not ARGS.q:
                diff = difflib.unified_diff(exp.splitlines(True), got.splitlines(True),
                                            "expected", "gilpy", n=2)
                sys.stdout.writelines(list(diff)[:60])
                print()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
