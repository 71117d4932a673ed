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
from sheets import number_format, put_rows, save, target_sheet  # noqa: E402

def check_inputs():
    T.check()  # (a 基础信息 label the default 指标体系 needs and lacks is a fill problem: the tests see it)
    total = sum(r[6] for r in health_targets.ROWS)
    assert abs(total - 50) < 1e-9, "绩效目标表 is worth %s points, not 50" % total


def build(profile, out_dir):
    check_inputs()
    with O.Office(profile) as office:
        doc = office.new_calc()
        sheets = doc.Sheets
        pct = number_format(doc, "0.00%")
        fixed = number_format(doc, "#,##0.00")

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
        target_sheet(doc, 3, health_targets.table(), health_targets.COLUMNS,
                     ((0, 3000), (1, 2400), (2, 5600), (3, 5600), (4, 3000), (12, 10000), (13, 8000)))

        return save(doc, os.path.join(out_dir, "health-department"))


if __name__ == "__main__":
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "samples")
    print("wrote %s.ods and .xlsx" % build(sys.argv[1], out))
