# -*- coding: utf-8 -*-
"""Benchmark (not a test) of the one-click fill: with a warm office, the seed sample and a generated
workbook of 10,000 projects (best of 3 fills, each on a fresh copy); and the CLI end to end on the
sample, office start included.

Usage: /usr/bin/python3 bench/fill_benchmark.py build/jixiao.oxt [PROJECTS]"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import office as O  # noqa: E402

SAMPLE = os.path.join(ROOT, "samples", "seed-department.ods")


def fill_time(office, path):
    doc = office.load(path)
    try:
        t = time.perf_counter()
        res = O.run_job(office, "org.jixiao.Fill", doc)
        dt = time.perf_counter() - t
        assert res["Status"] == "ok", res["Message"]
        return dt
    finally:
        doc.close(True)


def make_big(office, path, projects):
    """The seed sample with its project table replaced by `projects` generated rows."""
    doc = office.load(SAMPLE)
    sheet = doc.Sheets.getByName("表1-6 项目支出")
    rnd = random.Random(2021)
    rows = []
    for i in range(projects):
        init = 0.0 if i % 9 == 0 else round(rnd.uniform(5, 500), 2)
        adj = round(rnd.uniform(-0.4, 0.4) * (init or 50), 2)
        after = round(init + adj, 2)
        spent = round(after * rnd.uniform(0.3, 1.0), 2)
        rows.append((i + 1, "项目%05d" % (i + 1), init, adj, "", after, spent, ""))
    sheet.getCellRangeByPosition(0, 5, 7, 5 + projects - 1).setDataArray(tuple(rows))
    doc.storeToURL(O.file_url(path), O.props(FilterName="calc8"))
    doc.close(True)


def main(oxt, projects=10000):
    projects = int(projects)
    tmp = tempfile.mkdtemp(prefix="jixiao-fillbench-")
    try:
        profile = os.path.join(tmp, "profile")
        O.make_profile(oxt, profile)
        big = os.path.join(tmp, "big.ods")
        with O.Office(profile) as office:
            make_big(office, big, projects)
            fill_time(office, SAMPLE)  # warm up
            t_sample = min(fill_time(office, SAMPLE) for _ in range(3))
            t_big = min(fill_time(office, big) for _ in range(3))
        env = dict(os.environ, JIXIAO_PROFILE=os.path.join(tmp, "cli-profile"), JIXIAO_OXT=oxt)
        cli = os.path.join(ROOT, "scripts", "jixiao")
        subprocess.run([cli, "fill", SAMPLE, "-o", os.path.join(tmp, "warm.ods")], env=env, check=True,
                       capture_output=True)  # installs the extension into the CLI's profile once
        t = time.perf_counter()
        subprocess.run([cli, "fill", SAMPLE, "-o", os.path.join(tmp, "out.ods")], env=env, check=True,
                       capture_output=True)
        t_cli = time.perf_counter() - t
        print("fill, warm office, seed sample:            %.3f s (target < 1 s)" % t_sample)
        print("fill, warm office, %d projects:         %.3f s (target < 3 s)" % (projects, t_big))
        print("CLI end to end on the sample (office start): %.3f s (target < 10 s)" % t_cli)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
