#!/usr/bin/env python3
"""Run every bench/*.py under gilpy and python3 in the same run.

For each program: best wall time of --repeat runs for each interpreter, the
ratio gilpy/python3 (lower is better), peak RSS of each and its ratio, and
whether gilpy's output matched python3's.  Ends with the geometric means.
"""
import argparse
import glob
import math
import os
import subprocess
import sys
import time


def vm_hwm_kib(pid):
    """Peak RSS of the process's current image (VmHWM).  ru_maxrss is no use
    here: Linux carries the parent's RSS over fork+exec into the child's."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(argv, cwd):
    import tempfile
    out_f = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, stdout=out_f, stderr=subprocess.STDOUT)
    peak = 0
    while True:
        # Sample the high-water mark until the child exits (it only grows).
        peak = max(peak, vm_hwm_kib(p.pid))
        pid, status = os.waitpid(p.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.002)
    dt = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    out_f.seek(0)
    return dt, peak, out_f.read(), p.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilpy", default="./gilpy")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("dir", nargs="?", default="bench")
    ap.add_argument("--only", default=None, help="substring filter on program names")
    a = ap.parse_args()
    gilpy = os.path.abspath(a.gilpy)
    progs = sorted(glob.glob(os.path.join(a.dir, "*.py")))
    if a.only:
        progs = [p for p in progs if a.only in p]
    rows, ratios, mratios = [], [], []
    print("%-22s %9s %9s %7s %9s %9s %6s  %s" % ("program", "python3 s", "gilpy s", "ratio",
                                                 "py MiB", "gilpy MiB", "mem", "output"))
    for prog in progs:
        name = os.path.basename(prog)
        cwd = os.path.dirname(os.path.abspath(prog))
        best = {}
        outs = {}
        for label, interp in (("py", sys.executable), ("gp", gilpy)):
            times, mems = [], []
            for _ in range(a.repeat):
                dt, rss, out, rc = run([interp, name], cwd)
                times.append(dt)
                mems.append(rss)
                outs[label] = (out, rc)
            best[label] = (min(times), max(mems))
        ok = outs["py"] == outs["gp"]
        r = best["gp"][0] / best["py"][0]
        m = best["gp"][1] / best["py"][1]
        if ok:
            ratios.append(r)
            mratios.append(m)
        print("%-22s %9.3f %9.3f %7.2f %9.1f %9.1f %6.2f  %s" % (
            name, best["py"][0], best["gp"][0], r, best["py"][1] / 1024, best["gp"][1] / 1024, m,
            "same" if ok else "DIFFERENT (excluded)"))
        sys.stdout.flush()
    if ratios:
        g = math.exp(sum(map(math.log, ratios)) / len(ratios))
        gm = math.exp(sum(map(math.log, mratios)) / len(mratios))
        print("geometric mean (time, gilpy/python3): %.3f over %d programs" % (g, len(ratios)))
        print("geometric mean (peak memory ratio):    %.3f" % gm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
