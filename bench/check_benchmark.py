# -*- coding: utf-8 -*-
"""Benchmark (not a test) of the batch cross-check: `jixiao check` over N copies of the consultant
sample in one office session, office start included (target: 100 workbooks in under 60 s).

Usage: /usr/bin/python3 bench/check_benchmark.py build/jixiao.oxt [N]"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "samples", "seed-department-consultant.ods")


def main(oxt, n=100):
    n = int(n)
    tmp = tempfile.mkdtemp(prefix="jixiao-checkbench-")
    try:
        folder = os.path.join(tmp, "in")
        os.makedirs(folder)
        for i in range(n):
            shutil.copyfile(SAMPLE, os.path.join(folder, "dept-%03d.ods" % i))
        env = dict(os.environ, JIXIAO_PROFILE=os.path.join(tmp, "profile"), JIXIAO_OXT=oxt)
        cli = os.path.join(ROOT, "scripts", "jixiao")
        subprocess.run([cli, "check", os.path.join(folder, "dept-000.ods")], env=env, capture_output=True)  # install once
        t = time.perf_counter()
        p = subprocess.run([cli, "check", folder, "--json", os.path.join(tmp, "r.json")], env=env, capture_output=True,
                           text=True)
        dt = time.perf_counter() - t
        print(p.stdout.strip().splitlines()[-1])
        print("jixiao check, %d workbooks in one office session: %.1f s (%.2f s each; target < 60 s for 100)"
              % (n, dt, dt / n))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
