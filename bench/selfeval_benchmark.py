# -*- coding: utf-8 -*-
"""Benchmark (not a test) of the 项目支出绩效自评表: a generated department of PROJECTS projects ×
8 indicators (default 300), with a warm office: the fill (job org.jixiao.SelfEval, one form per
project and 自评汇总, then a hard recalculation), and — when the build has it — the review of the
filled forms (job org.jixiao.Check on the workbook after its Jixiao formulas are frozen to values);
best of 3, each on a fresh copy.

Usage: /usr/bin/python3 bench/selfeval_benchmark.py build/jixiao.oxt [PROJECTS]"""
import os
import random
import shutil
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import office as O  # noqa: E402

KINDS = [  # (一级, 二级, 三级, 指标值, 单位, 分值, actual(rnd))
    ("产出指标", "数量指标", "完成数量", "≥20个", "个", 15, lambda r: r.randint(15, 26)),
    ("产出指标", "数量指标", "覆盖人数", "不少于500人", "人", 10, lambda r: r.randint(400, 700)),
    ("产出指标", "质量指标", "验收合格率", "≥95%", "%", 15, lambda r: round(r.uniform(0.9, 1.0), 4)),
    ("产出指标", "时效指标", "完成时限", "≤30天", "天", 10, lambda r: r.randint(20, 40)),
    ("效益指标", "社会效益指标", "服务水平", "有效提升", "", 15, None),
    ("效益指标", "可持续影响指标", "设施完好率", ">=90%", "%", 15, lambda r: "%.1f%%" % r.uniform(85, 99)),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "%", 5, lambda r: round(r.uniform(0.85, 0.98), 4)),
    ("成本指标", "经济成本指标", "单位成本", "不超过50万元", "万元", 5, lambda r: round(r.uniform(40, 60), 2)),
]


def make(office, path, projects):
    rnd = random.Random(2020)
    doc = office.new_calc()
    funds = [("项目名称", "年初预算数", "全年预算数", "全年执行数")]
    ind = [("项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "度量单位", "实际完成值", "分值", "完成等级",
            "偏差原因分析及改进措施")]
    for i in range(projects):
        name = "项目%04d" % (i + 1)
        init = round(rnd.uniform(10, 500), 2)
        budget = round(init * rnd.uniform(0.9, 1.2), 2)
        funds.append((name, init, budget, round(budget * rnd.uniform(0.6, 1.05), 2)))
        for k, (l1, l2, l3, t, u, w, act) in enumerate(KINDS):
            ind.append((name if k == 0 else "", l1, l2, l3, t, u, act(rnd) if act else "", w,
                        "" if act else rnd.choice(["达成", "部分达成", ""]), rnd.choice(["", "", "原因说明"])))
    s = doc.Sheets.getByIndex(0)
    s.Name = "项目资金表"
    s.getCellRangeByPosition(0, 0, 3, len(funds) - 1).setDataArray(tuple(funds))
    doc.Sheets.insertNewByName("绩效指标表", 1)
    g = doc.Sheets.getByName("绩效指标表")
    g.getCellRangeByPosition(0, 0, 9, len(ind) - 1).setDataArray(tuple(ind))
    # (setDataArray writes "" as an empty text cell; the reader takes blank text as empty)
    doc.storeToURL(O.file_url(path), O.props(FilterName="calc8"))
    doc.close(True)


def freeze(doc):
    """The forms as values (as a department would send them, typed or exported)."""
    for name in doc.Sheets.ElementNames:
        sheet = doc.Sheets.getByName(name)
        cur = sheet.createCursor()
        cur.gotoEndOfUsedArea(False)
        rng = sheet.getCellRangeByPosition(0, 0, cur.RangeAddress.EndColumn, cur.RangeAddress.EndRow)
        rng.setDataArray(rng.getDataArray())


def main():
    oxt = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "jixiao.oxt")
    projects = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    tmp = tempfile.mkdtemp(prefix="jixiao-bench-")
    prof = os.path.join(tmp, "profile")
    O.make_profile(oxt, prof)
    src = os.path.join(tmp, "dept.ods")
    try:
        with O.Office(prof) as office:
            make(office, src, projects)
            fills, reviews = [], []
            for _ in range(3):
                doc = office.load(src)
                try:
                    t = time.perf_counter()
                    res = O.run_job(office, "org.jixiao.SelfEval", doc)
                    doc.calculateAll()
                    fills.append(time.perf_counter() - t)
                    assert res["Status"] == "ok", res["Message"]
                    freeze(doc)
                    t = time.perf_counter()
                    res = O.run_job(office, "org.jixiao.Check", doc)
                    reviews.append((time.perf_counter() - t, res.get("Status"), len(res.get("Findings") or ())))
                finally:
                    doc.close(True)
        print("项目支出绩效自评表, %d projects × %d indicators" % (projects, len(KINDS)))
        print("  fill (job + hard recalc): best %.2f s of %s" % (min(fills), ", ".join("%.2f" % f for f in fills)))
        best = min(reviews)
        print("  review (check job): best %.2f s, status %s, %d findings" % best)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
