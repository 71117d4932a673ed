# -*- coding: utf-8 -*-
"""Builds a second department's workbook, not derived from the seed: samples/health-department.ods
and .xlsx — 临河区卫生健康局 (fictional), 2023, amounts in 万元 — from health_tables.py (表1 项目支出,
表2 部门支出), health_basic_info.py (基础信息) and health_targets.py (绩效目标表). It has no 指标体系
sheet: it is scored by the built-in default (the printed 评分标准) plus its own targets.

The layout differs from the seed's on purpose: a one-row header, 合计 at the bottom of the project
table with an extra 资金来源 column, a department table with one label column, the sheets in another
order. tests/integration/test_second_department.py fills it and checks every score against values
worked out by hand.

Run: /usr/bin/python3 samples/src/make_health_sample.py PROFILE_DIR [OUT_DIR]
(PROFILE_DIR: a LibreOffice profile, e.g. build/profile; the extension is not needed)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, HERE)

import office as O  # noqa: E402
import health_tables as T  # noqa: E402
import health_targets  # noqa: E402
from health_basic_info import BASIC_INFO  # noqa: E402

DEFAULT_TSV = os.path.join(ROOT, "src", "core", "data", "default-indicators.tsv")


def default_system_labels():
    """The basic-information labels the built-in 指标体系 reads: every innermost 【…】 of its templates
    that is not 【分值】, 【部门.…】, 【项目.…】 or an 【=expression】, the items of 【合并(a;b)】, and
    each 适用条件 (as tests/unit/sheet_builder.hpp defaultSystemLabels)."""
    with open(DEFAULT_TSV, encoding="utf-8") as f:
        lines = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    header, rows = lines[0], lines[1:]
    cond = header.index("适用条件")
    out = []

    def add(item):
        t = item.strip()
        if not t or t in ("分值", "权重") or t.startswith("=") or t.startswith("部门.") or t.startswith("项目."):
            return
        if t not in out:
            out.append(t)

    for row in rows:
        for cell in row:
            i = 0
            while True:
                i = cell.find("【", i)
                if i < 0:
                    break
                j = i + 1
                while j < len(cell) and cell[j] not in "【】":
                    j += 1
                if j < len(cell) and cell[j] == "】":
                    inner = cell[i + 1:j].split("|")[0]
                    if inner.startswith("合并(") and inner.endswith(")"):
                        for item in inner[3:-1].split(";"):
                            add(item)
                    else:
                        add(inner)
                i += 1
        if len(row) > cond and row[cond]:
            add(row[cond])
    return out


def check_inputs():
    T.check()
    have = {r[1] for r in BASIC_INFO}
    missing = [l for l in default_system_labels() if l not in have]
    assert not missing, "基础信息 lacks labels the default 指标体系 reads: %s" % missing
    total = sum(r[6] for r in health_targets.ROWS)
    assert abs(total - 50) < 1e-9, "绩效目标表 is worth %s points, not 50" % total


def put_rows(sheet, top, rows):
    width = max(len(r) for r in rows)
    data = tuple(tuple(list(r) + [""] * (width - len(r))) for r in rows)
    sheet.getCellRangeByPosition(0, top, width - 1, top + len(data) - 1).setDataArray(data)


def build(profile, out_dir):
    check_inputs()
    with O.Office(profile) as office:
        doc = office.new_calc()
        sheets = doc.Sheets
        pct = doc.NumberFormats.queryKey("0.00%", doc.CharLocale, False)
        if pct == -1:
            pct = doc.NumberFormats.addNew("0.00%", doc.CharLocale)
        fixed = doc.NumberFormats.queryKey("#,##0.00", doc.CharLocale, False)
        if fixed == -1:
            fixed = doc.NumberFormats.addNew("#,##0.00", doc.CharLocale)

        # 基础信息 first (the seed has it third)
        b = sheets.getByIndex(0)
        b.Name = "基础信息"
        rows = [["部门整体评价基础信息填报表（临河区卫生健康局 2023年度）"], ["类别", "项目", "数值", "单位", "来源及说明"]]
        rows += [list(r) for r in BASIC_INFO]
        put_rows(b, 0, rows)
        for i, r in enumerate(BASIC_INFO):
            if r[3] == "%":
                b.getCellByPosition(2, 2 + i).NumberFormat = pct
        for col, w in ((0, 2200), (1, 8000), (2, 3600), (3, 1600), (4, 16000)):
            b.Columns.getByIndex(col).Width = w

        # 表1 项目支出: one header row, a 资金来源 column, 合计 last; two cells as exported text
        sheets.insertNewByName("表1 项目支出", 1)
        p = sheets.getByName("表1 项目支出")
        rows = [["表1 临河区卫生健康局2023年项目支出预算执行情况"], ["单位：万元"],
                ["序号", "项目名称", "资金来源", "年初预算数", "调整金额", "调整后预算数", "支出数", "执行率"]]
        for no, name, src, init, adj, after, spent in T.PROJECTS:
            rate = round(T.amount(spent) / T.amount(after), 4) if T.amount(after) else 0.0
            rows.append([no, name, src, init, adj, after, spent, rate])
        t = T.PROJECT_TOTAL
        rows.append([t[0], "", "", t[1], t[2], t[3], t[4], round(t[4] / t[3], 4)])
        put_rows(p, 0, rows)
        last = len(rows) - 1
        p.getCellRangeByPosition(3, 3, 6, last).NumberFormat = fixed
        p.getCellRangeByPosition(7, 3, 7, last).NumberFormat = pct
        for col, w in ((0, 1200), (1, 9000), (2, 2600)):
            p.Columns.getByIndex(col).Width = w

        # 表2 部门支出: one label column
        sheets.insertNewByName("表2 部门支出", 2)
        d = sheets.getByName("表2 部门支出")
        rows = [["表2 临河区卫生健康局2023年部门整体支出执行情况"], ["单位：万元"],
                ["项目", "年初预算数", "调整金额", "调整后预算数", "支出数", "执行率"]]
        for name, init, adj, after, spent in T.DEPARTMENT:
            rows.append([name, init, adj, after, spent, round(spent / after, 4)])
        put_rows(d, 0, rows)
        d.getCellRangeByPosition(1, 3, 4, len(rows) - 1).NumberFormat = fixed
        d.getCellRangeByPosition(5, 3, 5, len(rows) - 1).NumberFormat = pct
        d.Columns.getByIndex(0).Width = 4000

        # 绩效目标表
        sheets.insertNewByName("绩效目标表", 3)
        g = sheets.getByName("绩效目标表")
        rows = health_targets.table()
        put_rows(g, 0, rows)
        cols = health_targets.COLUMNS
        unit_col, actual_col, ratio_col = (cols.index(c) for c in ("度量单位", "实际完成值", "得分比例"))
        for i, r in enumerate(rows[2:]):
            if r[unit_col] == "%" and r[actual_col] != "":
                g.getCellByPosition(actual_col, 2 + i).NumberFormat = pct
            if r[ratio_col] != "":
                g.getCellByPosition(ratio_col, 2 + i).NumberFormat = pct
        for col, w in ((0, 3000), (1, 2400), (2, 5600), (3, 5600), (4, 3000), (12, 10000), (13, 8000)):
            g.Columns.getByIndex(col).Width = w

        base = os.path.join(out_dir, "health-department")
        doc.storeToURL(O.file_url(base + ".ods"), O.props(FilterName="calc8"))
        doc.storeToURL(O.file_url(base + ".xlsx"), O.props(FilterName="Calc MS Excel 2007 XML"))
        doc.close(True)
    return base


if __name__ == "__main__":
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "samples")
    print("wrote %s.ods and .xlsx" % build(sys.argv[1], out))
