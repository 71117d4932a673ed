# -*- coding: utf-8 -*-
"""Builds the seed department's workbook (samples/seed-department.ods and .xlsx) from the seed
report's tables: 表1-6 (项目支出), 表1-5 (部门支出), the basic-information sheet, the department's
绩效目标表 (its targets: seed_targets.py) and the indicator system the evaluators actually used for
what every department shares — the built-in default (src/core/data/default-indicators.tsv, the
printed 评分标准) with their departures applied, each stated in 备注.

Run: /usr/bin/python3 samples/src/make_seed_sample.py PROFILE_DIR
(PROFILE_DIR: a LibreOffice profile, e.g. build/profile; the extension is not needed)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, HERE)

import office as O  # noqa: E402
from seed_basic_info import BASIC_INFO  # noqa: E402
from seed_tables import TABLE_1_5, TABLE_1_6, TABLE_1_6_TOTAL  # noqa: E402
import seed_targets  # noqa: E402
from sheets import merge, number_format, put_rows, save, target_sheet  # noqa: E402

DEFAULT_TSV = os.path.join(ROOT, "src", "core", "data", "default-indicators.tsv")

# (三级指标, 子项) -> {column: new value}; every change says why in 备注.
DEPARTURES = {
    ("预算调整率", ""): {
        "计分公式": "ADJUSTMENT_SCORE(ADJUSTMENT_RATE(【合并(项目.年初预算数;部门.人员经费.年初预算数;部门.日常公用经费.年初预算数)】;"
                    "【合并(项目.调整金额;部门.人员经费.调整金额;部门.日常公用经费.调整金额)】;TRUE();【上级财政年中转移支付资金】);【分值】)",
        "专家意见": "根据部门预决算数据，项目年初预算总数（不含上年结转）为【=AMOUNT_SUM(【合并(项目.年初预算数;部门.人员经费.年初预算数;部门.日常公用经费.年初预算数)】)|0.00】万元，"
                    "各项目预算调整金额绝对值之和（含年中新增项目）为【=ADJUSTMENT_SUM(【合并(项目.年初预算数;部门.人员经费.年初预算数;部门.日常公用经费.年初预算数)】;【合并(项目.调整金额;部门.人员经费.调整金额;部门.日常公用经费.调整金额)】;TRUE())|0.00】万元，"
                    "预算调整率为【=ADJUSTMENT_RATE(【合并(项目.年初预算数;部门.人员经费.年初预算数;部门.日常公用经费.年初预算数)】;"
                    "【合并(项目.调整金额;部门.人员经费.调整金额;部门.日常公用经费.调整金额)】;TRUE();【上级财政年中转移支付资金】)|0.00%】。",
        "备注": "评价机构的口径：30个项目连同表1-5人员经费、日常公用经费，年中新增项目也计入（6258.21/17088.41=36.62%，得1.90分）。"
                "按评分标准原文（仅项目、不含人员经费与年中新增项目）为 5410.17/13354.78=40.51%，得1.78分。",
    },
}


def indicator_rows():
    with open(DEFAULT_TSV, encoding="utf-8") as f:
        lines = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    header, rows = lines[0], lines[1:]
    idx = {name: i for i, name in enumerate(header)}
    used = set()
    for row in rows:
        row += [""] * (len(header) - len(row))
        key = (row[idx["三级指标"]], row[idx["子项"]])
        for col, value in DEPARTURES.get(key, {}).items():
            row[idx[col]] = value
            used.add(key)
    missing = set(DEPARTURES) - used
    assert not missing, "departures for rows not in the default: %s" % missing
    out = [header]
    for row in rows:
        out.append([float(c) if c and c.replace(".", "", 1).isdigit() else c.replace("\\n", "\n") for c in row])
    return out


def build(profile, out_dir):
    with O.Office(profile) as office:
        doc = office.new_calc()
        sheets = doc.Sheets
        pct = number_format(doc, "0.00%")

        # 表1-6 项目支出: title, unit, two-row merged header, 合计 first, 30 projects.
        p = sheets.getByIndex(0)
        p.Name = "表1-6 项目支出"
        rows = [["表1-6 2021年部门项目支出资金执行情况"], ["单位：万元"],
                ["序号", "项目名称", "年初预算数", "预算调整", "", "调整后预算数", "实际支出", ""],
                ["", "", "", "调整", "调整率", "", "支出数", "执行率"]]
        t = TABLE_1_6_TOTAL
        rows.append(["合计", "", t[1], t[2], t[3] / 100, t[4], t[5], t[6] / 100])
        for no, name, init, adj, ap, after, spent, ep in TABLE_1_6:
            rows.append([no, name, init, adj, ap / 100, after, spent, ep / 100])
        put_rows(p, 0, rows)
        for c0, c1 in ((0, 0), (1, 1), (2, 2), (5, 5)):
            merge(p, c0, 2, c1, 3)
        merge(p, 3, 2, 4, 2)
        merge(p, 6, 2, 7, 2)
        merge(p, 0, 4, 1, 4)
        for col in (4, 7):
            p.getCellRangeByPosition(col, 4, col, len(rows) - 1).NumberFormat = pct
        p.Columns.getByIndex(1).Width = 9000

        # 表1-5 部门支出
        sheets.insertNewByName("表1-5 部门支出", 1)
        d = sheets.getByName("表1-5 部门支出")
        rows = [["表1-5 2021年部门整体支出资金执行情况"], ["单位：万元"],
                ["财政拨款支出", "", "年初预算数", "预算调整", "", "调整后预算数", "实际支出", ""],
                ["", "", "", "调整金额", "调整率", "", "支出金额", "支出率"]]
        groups = ["基本支出", "", "", "项目支出", "", "", "合计"]
        for g, (name, init, adj, ap, after, spent, ep) in zip(groups, TABLE_1_5):
            label = {"基本支出小计": "小计", "项目支出小计": "小计", "合计": ""}.get(name, name)
            rows.append([g, label, init, adj, ap / 100, after, spent, ep / 100])
        put_rows(d, 0, rows)
        merge(d, 0, 2, 1, 3)
        for c in (2, 5):
            merge(d, c, 2, c, 3)
        merge(d, 3, 2, 4, 2)
        merge(d, 6, 2, 7, 2)
        merge(d, 0, 4, 0, 6)
        merge(d, 0, 7, 0, 9)
        merge(d, 0, 10, 1, 10)
        for col in (4, 7):
            d.getCellRangeByPosition(col, 4, col, len(rows) - 1).NumberFormat = pct
        d.Columns.getByIndex(1).Width = 4000

        # 基础信息
        sheets.insertNewByName("基础信息", 2)
        b = sheets.getByName("基础信息")
        rows = [["部门整体评价基础信息填报表"], ["类别", "项目", "数值", "单位", "来源及说明"]]
        rows += [list(r) for r in BASIC_INFO]
        put_rows(b, 0, rows)
        for i, r in enumerate(BASIC_INFO):
            if r[3] == "%":
                b.getCellByPosition(2, 2 + i).NumberFormat = pct
        for col, w in ((0, 2200), (1, 9000), (2, 3600), (3, 1600), (4, 16000)):
            b.Columns.getByIndex(col).Width = w

        # 指标体系 (the evaluators' reading)
        sheets.insertNewByName("指标体系", 3)
        s = sheets.getByName("指标体系")
        put_rows(s, 0, indicator_rows())
        for col, w in ((4, 5000), (5, 5000), (7, 12000), (15, 12000)):
            s.Columns.getByIndex(col).Width = w

        # 绩效目标表 (the department's own targets: the 履职 rows of 附件1)
        target_sheet(doc, 4, seed_targets.table(), seed_targets.COLUMNS,
                     ((0, 3000), (1, 2000), (2, 5000), (3, 6000), (4, 3600), (12, 9000), (16, 9000)))

        return save(doc, os.path.join(out_dir, "seed-department"))


if __name__ == "__main__":
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "samples")
    print("wrote %s.ods and .xlsx" % build(sys.argv[1], out))
