# -*- coding: utf-8 -*-
"""Benchmark (not a test) of a bureau's batch: N department workbooks filled by the CLI, each way given:
`each:P`, one `jixiao fill` per workbook, P at a time (`xargs -P P`); `batch:P`, P runs of `jixiao
fill A B C … -o DIR` started together, each with its share of the workbooks (one office per run). Then
the filled workbooks cross-checked by one `jixiao check FOLDER`. Every run's output is counted (its
合   计 lines); the times are wall-clock, the office starts included.

Usage: /usr/bin/python3 bench/batch_benchmark.py [N] [MODE ...]
       (default: 200 workbooks; batch:1 batch:2 batch:4 each:4 each:2 each:1)

The workbooks are copies of the seed sample, each with a different 年初预算数 for one project (so no
two are the same file); the profile is a fresh one in a temporary folder (JIXIAO_PROFILE), prepared
once before the timing starts."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import office as O  # noqa: E402

SAMPLE = os.path.join(ROOT, "samples", "seed-department.ods")
CLI = os.path.join(ROOT, "scripts", "jixiao")


def make_departments(folder, n, profile):
    """n workbooks 部门NNN.ods in folder, each the sample with project 1's 年初预算数 changed."""
    with O.Office(profile) as office:
        doc = office.load(SAMPLE)
        try:
            sheet = doc.Sheets.getByName("表1-6 项目支出")
            cell = sheet.getCellByPosition(2, 5)
            base = cell.getValue()
            for i in range(n):
                cell.setValue(base + i * 0.01)
                doc.storeToURL(O.file_url(os.path.join(folder, "部门%03d.ods" % (i + 1))), O.props(FilterName="calc8"))
        finally:
            doc.close(True)


def count_totals(log):
    """How many 合   计 lines with a score the run printed (one per workbook filled)."""
    with open(log, encoding="utf-8") as f:
        return len(re.findall(r"^\s*合\s*计\s.*\d+\.\d\d\s*$", f.read(), re.M))


def agreed(text):
    """The number of agreeing workbooks in check's summary ("N workbooks: A agree, …")."""
    m = re.search(r"(\d+) agree", text)
    return int(m.group(1)) if m else 0


def main(n=200, *modes):
    n = int(n)
    modes = modes or ("batch:1", "batch:2", "batch:4", "each:4", "each:2", "each:1")
    tmp = tempfile.mkdtemp(prefix="jixiao-batchbench-")
    env = dict(os.environ, JIXIAO_PROFILE=os.path.join(tmp, "profile"), LANG="C.UTF-8", LC_ALL="")
    try:
        src = os.path.join(tmp, "departments")
        os.makedirs(src)
        work = os.path.join(tmp, "make-profile")
        O.make_profile(os.environ.get("JIXIAO_OXT") or os.path.join(ROOT, "build", "jixiao.oxt"), work)
        make_departments(src, n, work)
        names = sorted(os.listdir(src))
        # prepare the CLI's profile (and its run copies) outside the timing
        subprocess.run([CLI, "fill", os.path.join(src, names[0]), "-o", os.path.join(tmp, "warm.ods")],
                       env=env, check=True, capture_output=True)
        print("%d workbooks, %d cores" % (n, os.cpu_count() or 1))
        outs = []
        for mode in modes:
            how, p = mode.split(":")
            p = int(p)
            out = os.path.join(tmp, "out-%s-%d" % (how, p))
            logs = os.path.join(tmp, "logs-%s-%d" % (how, p))
            os.makedirs(out)
            os.makedirs(logs)
            if how == "each":  # one jixiao fill per workbook, P at a time
                cmd = ("cd %s && printf '%%s\\n' %s | xargs -P %d -I{} sh -c '\"$0\" fill {} -o \"$1\"/{} > \"$2\"/{}.log 2>&1' "
                       "%s %s %s" % (src, " ".join(names), p, CLI, out, logs))
            else:  # P runs of jixiao fill, each given its share of the workbooks (one office each)
                per = -(-n // p)
                cmd = ("cd %s && printf '%%s\\n' %s | xargs -P %d -n %d sh -c '\"$0\" fill \"$@\" -o %s > %s/run-$$.log 2>&1' %s"
                       % (src, " ".join(names), p, per, out, logs, CLI))
            t = time.perf_counter()
            r = subprocess.run(cmd, shell=True, env=env)
            dt = time.perf_counter() - t
            written = [f for f in os.listdir(out) if f.endswith(".ods")]
            totals = sum(count_totals(os.path.join(logs, f)) for f in os.listdir(logs))
            print("fill %-5s xargs -P %-2d %7.1f s  %5.2f s/workbook  (%d written, %d totals printed, exit %d)"
                  % (how, p, dt, dt / n, len(written), totals, r.returncode))
            sys.stdout.flush()
            outs.append(out)
            if len(outs) == 1:  # the cross-check of the first filled batch
                t = time.perf_counter()
                r = subprocess.run([CLI, "check", out], env=env, capture_output=True, text=True)
                dt = time.perf_counter() - t
                print("check one run of %d filled workbooks %7.1f s  %5.2f s/workbook  (%d agree, exit %d)"
                      % (n, dt, dt / n, agreed(r.stdout), r.returncode))
                sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
