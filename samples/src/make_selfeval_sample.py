# -*- coding: utf-8 -*-
"""Builds the 项目支出绩效自评 sample: samples/selfeval-department.ods and .xlsx — 临河区农业农村局
(fictional), 2025, amounts in 万元 — from selfeval_tables.py: a 说明 sheet, then 项目资金表 (with the
资金来源 sub-rows under four projects and a 合计 row) and 绩效指标表. 绩效 ▸ 填写项目支出绩效自评表 (or
`scripts/jixiao selfeval samples/selfeval-department.ods -o OUT.ods`) writes one 项目支出绩效自评表 per
project and a 自评汇总; tests/integration/selfeval_expected.py has every score worked out by hand, and
this builder checks them against its own recomputation before it writes anything.

Run: /usr/bin/python3 samples/src/make_selfeval_sample.py PROFILE_DIR [OUT_DIR]
(PROFILE_DIR: a LibreOffice profile, e.g. build/profile; the extension is not needed)."""
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.path.insert(0, HERE)

import selfeval_expected as E  # noqa: E402
import selfeval_tables as T  # noqa: E402

BASE = "selfeval-department"

README_ROWS = [
    ["项目支出绩效自评基础数据（示例）"],
    [""],
    ["单位", "%s（虚构示例单位）" % T.DEPARTMENT],
    ["年度", "%d年度" % T.YEAR],
    ["金额单位", "万元"],
    ["本工作簿", "部门项目支出绩效自评的两张输入表：「项目资金表」（每个项目一行，部分项目下列资金来源行：其中：当年财政拨款、"
                "上年结转资金、其他资金）与「绩效指标表」（每个三级指标一行，项目名称只写在该项目的第一行，一级、二级指标延续时留空）。"],
    ["如何填写自评表", "在 LibreOffice Calc 中打开本文件，选择菜单 绩效 ▸ 填写项目支出绩效自评表：为每个项目生成一张"
                    "《项目支出绩效自评表》（财预〔2020〕10号 附件格式），并生成「自评汇总」。"
                    "命令行：scripts/jixiao selfeval samples/selfeval-department.ods -o 输出.ods（或 .xlsx / .pdf）。"],
    ["评分规则", "预算执行率 10 分：ROUND(MIN(全年执行数 ÷ 全年预算数, 1) × 10, 2)；定量指标达到年度指标值得满分，"
              "未达到按比例计分（实际 ÷ 指标值 × 分值；≤ 类指标为 指标值 ÷ 实际 × 分值）；定性指标按完成等级"
              "（达成 100%、部分达成 80%、未达成 60%）或得分比例计分，二者皆空为「待评价」；每项得分保留两位小数，"
              "总分为各项得分之和；等级 优 ≥ 90，良 80–90，中 60–80，差 < 60。"],
    ["手工填写的对照件", "samples/selfeval-department-filled.ods：同一单位的自评表手工填写稿（仅数值），含若干处"
                     "有意设置的错误，供复核使用。"],
]


# ---- the rules, once more in Python: the builder's check of the hand-worked values ----

def r2(x):
    """ROUND(x, 2) as Calc rounds (half away from zero); refuses a value on a half (no such case here)."""
    d = Decimal(repr(x))
    assert abs(abs(d * 100) % 1 - Decimal("0.5")) > Decimal("1e-6"), ("a score on a half", x)
    return float(d.quantize(Decimal("0.01"), ROUND_HALF_UP))


_FULL = str.maketrans("０１２３４５６７８９％＝", "0123456789%=")


def target(text, unit):
    """(kind, value) of the 指标值 forms the sample uses: ("ge"/"le", number) or ("q", None)."""
    s = text.translate(_FULL)
    if not re.search(r"\d", s):
        return "q", None
    m = re.fullmatch(r"(≥|>=|≤|=|不低于|不少于|不超过)?(\d+(?:\.\d+)?)(.*)", s)
    assert m, text
    pre, num, own = m.groups()
    v = float(num) / (100 if "%" in (own or unit) else 1)
    return ("le" if pre in ("≤", "不超过") else "ge"), v


def actual(a):
    if isinstance(a, str):
        return float(a[:-1]) / 100 if a.endswith("%") else float(a)
    return a


GRADE_TOP = {"达成": 1.0, "部分达成": 0.8, "未达成": 0.6}


def score(row):
    """The rounded score of an indicator row, None for 待评价."""
    _l1, _l2, _l3, tgt, unit, a, w, grade, ratio, _reason = row
    kind, v = target(tgt, unit)
    if kind == "q":
        if ratio != "":
            return r2(ratio * w)
        return r2(GRADE_TOP[grade] * w) if grade else None
    x = actual(a)
    met = x >= v - 1e-9 if kind == "ge" else x <= v + 1e-9
    if met:
        return float(w)
    return r2((x / v if kind == "ge" else v / x) * w)


def grade_of(total):
    return "优" if total >= 90 - 1e-9 else "良" if total >= 80 - 1e-9 else "中" if total >= 60 - 1e-9 else "差"


def check_expected():
    """selfeval_expected.py agrees with the tables and with the rules."""
    T.check()
    assert [p["name"] for p in E.PROJECTS] == [f[0] for f in T.FUNDS]
    for p, f in zip(E.PROJECTS, T.FUNDS):
        name, _d, _u, init, budget, act, _g, _a, sources = f
        assert (p["initial"], p["budget"], p["actual"]) == (init, budget, act), name
        assert [s[1:] for s in p["sources"]] == list(sources or []), name
        assert abs(p["rate"] - act / budget) < 1e-6, (name, act / budget)
        assert p["rate_score"] == r2(min(act / budget, 1) * 10), name
        total = p["rate_score"]
        attention = []
        rows = T.INDICATORS[name]
        assert len(rows) == len(p["indicators"]), name
        for row, (l3, w, s) in zip(rows, p["indicators"]):
            assert (row[2], row[6]) == (l3, w), (name, l3)
            assert score(row) == s, (name, l3, score(row), s)
            if s is None:
                attention.append(("待评价", l3))
            else:
                total += s
                if s < w and not row[9]:
                    attention.append(("无偏差原因", l3))
        assert abs(total - p["total"]) < 1e-9, (name, total, p["total"])
        assert grade_of(p["total"]) == p["grade"], name
        assert attention == p["attention"], (name, attention)
        text = "".join("「%s」定性得分待评价；" % l3 if k == "待评价" else "「%s」未达成目标且未填偏差原因；" % l3
                       for k, l3 in attention)
        assert text == p["summary_attention"], name
    assert E.FUNDS_TOTAL == T.FUNDS_TOTAL[1:]


# ---- the workbook ----

def funds_rows():
    rows = [["%s%d年度项目支出绩效自评基础数据（单位：万元）" % (T.DEPARTMENT, T.YEAR)], list(T.FUNDS_COLUMNS)]
    for name, dept, unit, init, budget, act, goal, achieved, sources in T.FUNDS:
        rows.append([name, dept, unit, init, budget, act, goal, achieved])
        for label, amounts in zip(T.SOURCE_LABELS, sources or ()):
            rows.append([label, "", ""] + list(amounts))
    rows.append([T.FUNDS_TOTAL[0], "", ""] + list(T.FUNDS_TOTAL[1:]))
    return rows


def indicator_rows():
    rows = [["%s%d年度项目绩效指标完成情况" % (T.DEPARTMENT, T.YEAR)], list(T.INDICATOR_COLUMNS)]
    for name, ind in T.INDICATORS.items():
        for k, r in enumerate(ind):
            rows.append([name if k == 0 else ""] + list(r))
    return rows


def write_inputs(doc, index):
    """项目资金表 and 绩效指标表 at sheet positions index and index + 1."""
    from sheets import number_format, put_rows
    sheets = doc.Sheets
    pct = number_format(doc, "0.00%")
    pct0 = number_format(doc, "0%")
    fixed = number_format(doc, "#,##0.00")
    sheets.insertNewByName("项目资金表", index)
    f = sheets.getByName("项目资金表")
    rows = funds_rows()
    put_rows(f, 0, rows)
    f.getCellRangeByPosition(3, 2, 5, len(rows) - 1).NumberFormat = fixed
    for col, w in ((0, 9000), (1, 4200), (2, 6000), (3, 2600), (4, 2600), (5, 2600), (6, 12000), (7, 12000)):
        f.Columns.getByIndex(col).Width = w

    sheets.insertNewByName("绩效指标表", index + 1)
    g = sheets.getByName("绩效指标表")
    rows = indicator_rows()
    put_rows(g, 0, rows)
    for i, r in enumerate(rows[2:]):
        if r[5] == "%" and isinstance(r[6], float):
            g.getCellByPosition(6, 2 + i).NumberFormat = pct
        if isinstance(r[9], float):
            g.getCellByPosition(9, 2 + i).NumberFormat = pct0
    for col, w in ((0, 7000), (1, 2400), (2, 3600), (3, 6000), (4, 2800), (5, 2000), (6, 5000), (7, 1400),
                   (8, 2000), (9, 2000), (10, 12000)):
        g.Columns.getByIndex(col).Width = w


def build(profile, out_dir):
    check_expected()
    import office as O
    from sheets import put_rows, save

    with O.Office(profile) as office:
        doc = office.new_calc()
        s = doc.Sheets.getByIndex(0)
        s.Name = "说明"
        put_rows(s, 0, README_ROWS)
        s.getCellByPosition(0, 0).CharWeight = 150  # bold
        s.Columns.getByIndex(0).Width = 3600
        s.Columns.getByIndex(1).Width = 22000
        s.getCellRangeByPosition(1, 0, 1, len(README_ROWS) - 1).IsTextWrapped = True

        write_inputs(doc, 1)
        return save(doc, os.path.join(out_dir, BASE))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "samples")
    print("wrote %s.ods and .xlsx" % build(sys.argv[1], out))
