# -*- coding: utf-8 -*-
"""Builds samples/selfeval-department-filled.ods (and .xlsx): the 临河区农业农村局 2025 项目支出绩效自评表
as the department types them by hand — values only, no formulas, one sheet per project named after
it, in the national layout (财预〔2020〕10号 附件) — after a 说明 sheet and the two input sheets of
samples/selfeval-department.ods (the same data). The input for a review (复核) of hand-filled forms.

Every form is right (scores per the rules, as in tests/integration/selfeval_expected.py PROJECTS)
except the slips planted on purpose, one per form, listed with their arithmetic in
selfeval_expected.PLANTED; FILLED_NOT_SLIPS lists what is printed differently from Jixiao's output and
is still right (a 定性 score inside its grade's band below the top; a 待评价 row). This builder derives
every printed value from the tables, applies the slips and checks the result against PLANTED and
FILLED_TOTALS before it writes.

Layout of a form (1-based rows, columns A–I):
  1 项目支出绩效自评表 (A:I)   2 （2025年度）   3 项目名称 | name (B:I)
  4 主管部门 | dept (B:D) | 实施单位 (E) | unit (F:I)
  5 项目资金（万元）(A5:A9) | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
  6 | 年度资金总额 | n | n | n | 10 | 0.00% | score     7–9 其中：当年财政拨款 / 上年结转资金 / 其他资金 | n n n | — — —
  10 年度总体目标 (A10:A11) | 预期目标 (B:E) | 实际完成情况 (F:I)    11 | text | text
  12 绩效指标 (A12:A…) | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
  13… one row per indicator (一级/二级 merged down where they continue)
  last 总分 (A:F) | 100 | total | (blank)

Run: /usr/bin/python3 samples/src/make_selfeval_filled.py PROFILE_DIR [OUT_DIR]
(PROFILE_DIR: a LibreOffice profile, e.g. build/profile; the extension is not needed)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.path.insert(0, HERE)

import make_selfeval_sample as S  # noqa: E402
import selfeval_expected as E  # noqa: E402
import selfeval_tables as T  # noqa: E402

BASE = "selfeval-department-filled"

README_ROWS = [
    ["项目支出绩效自评表（手工填写稿，示例）"],
    [""],
    ["单位", "%s（虚构示例单位）" % T.DEPARTMENT],
    ["年度", "%d年度" % T.YEAR],
    ["金额单位", "万元"],
    ["本工作簿", "「项目资金表」「绩效指标表」与 samples/selfeval-department.ods 相同；其后每个项目一张手工填写的"
                "《项目支出绩效自评表》（财预〔2020〕10号 附件格式，仅数值、无公式），工作表以项目名称命名。"],
    ["用途", "供复核（核对手工填写的自评表）使用：其中若干张表有意填错一处（清单及算式见 "
            "tests/integration/selfeval_expected.py 中的 PLANTED），其余内容均按评分规则填写。"],
    ["对照", "由 Jixiao 生成的自评表：打开 samples/selfeval-department.ods，选择菜单 绩效 ▸ 填写项目支出绩效自评表"
            "（或 scripts/jixiao selfeval samples/selfeval-department.ods -o 输出.ods）。"],
]

# The slips, by project (what the typist did); selfeval_expected.PLANTED describes them.
SLIPS = {
    "农业技术推广与农民培训项目": {"rate_score": 9.00},                        # (a)
    "农村集体经济发展扶持项目": {"total": 98.30},                              # (b)
    "农产品质量安全监管与检测项目": {"scores": {"政府采购执行率": 10.00}},         # (c)
    "巩固拓展脱贫攻坚成果同乡村振兴有效衔接项目": {"funds_total": (0.00, 0.00, 0.00)},  # (d)
    "农村人居环境整治提升项目": {"scores": {"开展村庄清洁行动行政村数": None}},     # (e) the total stays right
    "2025年高标准农田建设项目": {"over_initial": True},                        # (f)
    # (g) 农机购置与应用补贴项目 / 补贴农机具数量: no 偏差原因 — as in the input sheet, nothing to change
}
# Not slips: a 定性 score the department chose inside its grade's band (部分达成: 60–80% of 15).
IN_BAND = {("智慧农业信息平台建设项目", "平台运维保障机制"): 11.25}


def form_values(p, f):
    """The printed values of project p's form (p from E.PROJECTS, f its T.FUNDS row)."""
    name, dept, unit, init, budget, act, goal, achieved, sources = f
    slip = SLIPS.get(name, {})
    rate = round(act / (init if slip.get("over_initial") else budget), 4)
    rate_score = S.r2(min(act / (init if slip.get("over_initial") else budget), 1) * 10)
    rate_score = slip.get("rate_score", rate_score)
    funds_total = slip.get("funds_total", (init, budget, act))
    rows = []
    for row, (l3, w, sc) in zip(T.INDICATORS[name], p["indicators"]):
        if l3 in slip.get("scores", {}):
            sc = slip["scores"][l3]
        elif (name, l3) in IN_BAND:
            sc = IN_BAND[(name, l3)]
        elif sc is None:
            sc = "待评价"
        rows.append((row, sc))
    printed = S.r2(rate_score + sum(sc for _r, sc in rows if isinstance(sc, float)))
    total = slip.get("total", printed)
    if "scores" in slip and None in slip["scores"].values():
        total = p["total"]  # (e): the typist left a cell blank, the total came from their own sum
    return {"name": name, "dept": dept, "unit": unit, "funds_total": funds_total, "rate": rate,
            "rate_score": rate_score, "sources": sources, "goal": goal, "achieved": achieved, "rows": rows,
            "total": total}


def forms():
    S.check_expected()
    out = [form_values(p, f) for p, f in zip(E.PROJECTS, T.FUNDS)]
    for v in out:
        assert abs(v["total"] - E.FILLED_TOTALS[v["name"]]) < 1e-9, (v["name"], v["total"])
    # the slips as PLANTED describes them
    by = {v["name"]: v for v in out}
    for sheet, subject, printed, correct, kind, cell in E.PLANTED:
        v = by[sheet]
        if kind == "arithmetic":
            assert v["rate_score"] == printed
        elif kind == "total_not_sum":
            assert v["total"] == printed
        elif kind in ("missed_target_full_marks", "score_blank"):
            assert dict((r[2], sc) for r, sc in v["rows"])[subject] == printed
        elif kind == "funds_total_blank":
            assert v["funds_total"] == printed and v["sources"]
        elif kind == "rate_over_initial":
            assert (v["rate"], v["rate_score"]) == printed
        elif kind == "missing_reason":
            assert [r[9] for r, _sc in v["rows"] if r[2] == subject] == [printed]
        else:
            raise AssertionError(kind)
    return out


def write_form(doc, index, v):
    import uno  # noqa: F401  (the struct types below)
    from com.sun.star.table import BorderLine2, TableBorder2
    from com.sun.star.table.CellHoriJustify import CENTER
    from sheets import merge, number_format

    doc.Sheets.insertNewByName(v["name"], index)
    s = doc.Sheets.getByName(v["name"])
    fixed, pct = number_format(doc, "#,##0.00"), number_format(doc, "0.00%")
    two, whole = number_format(doc, "0.00"), number_format(doc, "0")

    def put(r, c, value, fmt=None, bold=False, center=False):
        cell = s.getCellByPosition(c, r)
        if value is None or value == "":
            pass
        elif isinstance(value, str):
            cell.setString(value)
        else:
            cell.setValue(value)
        if fmt is not None:
            cell.NumberFormat = fmt
        if bold:
            cell.CharWeight = 150
        if center:
            cell.HoriJustify = CENTER

    def head(r, c, text):
        put(r, c, text, bold=True, center=True)

    put(0, 0, "项目支出绩效自评表", bold=True, center=True)
    s.getCellByPosition(0, 0).CharHeight = 16
    merge(s, 0, 0, 8, 0)
    put(1, 0, "（%d年度）" % T.YEAR, center=True)
    merge(s, 0, 1, 8, 1)
    head(2, 0, "项目名称")
    put(2, 1, v["name"])
    merge(s, 1, 2, 8, 2)
    head(3, 0, "主管部门")
    put(3, 1, v["dept"])
    merge(s, 1, 3, 3, 3)
    head(3, 4, "实施单位")
    put(3, 5, v["unit"])
    merge(s, 5, 3, 8, 3)
    # 项目资金（万元）
    head(4, 0, "项目资金（万元）")
    for k, t in enumerate(("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")):
        head(4, 2 + k, t)
    head(5, 1, "年度资金总额")
    for k, x in enumerate(v["funds_total"]):
        put(5, 2 + k, x, fixed)
    put(5, 5, 10.0, whole)
    put(5, 6, v["rate"], pct)
    put(5, 7, v["rate_score"], two)
    for k, label in enumerate(T.SOURCE_LABELS):
        r = 6 + k
        head(r, 1, label)
        if v["sources"]:
            for c, x in enumerate(v["sources"][k]):
                put(r, 2 + c, x, fixed)
        for c in (5, 6, 7):
            put(r, c, "—", center=True)
    merge(s, 0, 4, 0, 8)
    # 年度总体目标
    head(9, 0, "年度总体目标")
    merge(s, 0, 9, 0, 10)
    head(9, 1, "预期目标")
    merge(s, 1, 9, 4, 9)
    head(9, 5, "实际完成情况")
    merge(s, 5, 9, 8, 9)
    put(10, 1, v["goal"])
    merge(s, 1, 10, 4, 10)
    put(10, 5, v["achieved"])
    merge(s, 5, 10, 8, 10)
    # 绩效指标
    for k, t in enumerate(("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")):
        head(11, 1 + k, t)
    r = 12
    g1 = g2 = r
    for k, (row, sc) in enumerate(v["rows"]):
        l1, l2, l3, tgt, unit, a, w, _grade, _ratio, reason = row
        if l1:
            if r > g1:
                merge(s, 1, g1, 1, r - 1)
            g1 = r
            put(r, 1, l1)
        if l1 or l2:
            if r > g2:
                merge(s, 2, g2, 2, r - 1)
            g2 = r
            put(r, 2, l2)
        put(r, 3, l3)
        put(r, 4, tgt)
        put(r, 5, a, pct if unit == "%" and isinstance(a, float) else None)
        put(r, 6, w, whole)
        put(r, 7, sc, two if isinstance(sc, float) else None)
        put(r, 8, reason)
        r += 1
    merge(s, 1, g1, 1, r - 1)
    merge(s, 2, g2, 2, r - 1)
    head(11, 0, "绩效指标")
    merge(s, 0, 11, 0, r - 1)
    head(r, 0, "总分")
    merge(s, 0, r, 5, r)
    put(r, 6, 100.0, whole)
    put(r, 7, v["total"], two, bold=True)

    everything = s.getCellRangeByPosition(0, 2, 8, r)
    line = BorderLine2()
    line.OuterLineWidth = 9
    line.LineWidth = 9
    tb = TableBorder2()
    for side in ("TopLine", "BottomLine", "LeftLine", "RightLine", "HorizontalLine", "VerticalLine"):
        setattr(tb, side, line)
        setattr(tb, "Is" + side + "Valid", True)
    everything.TableBorder2 = tb
    everything.IsTextWrapped = True
    everything.VertJustify = 2  # CENTER (CellVertJustify2)
    for col, width in enumerate((2000, 2800, 2800, 3600, 2600, 2600, 1800, 1800, 4600)):
        s.Columns.getByIndex(col).Width = width
    return s


def one_page(doc):
    """Each sheet printed on one page (the default page style: fitted to 1 × 1 pages)."""
    style = doc.StyleFamilies.getByName("PageStyles").getByName("Default")
    style.ScaleToPagesX = 1
    style.ScaleToPagesY = 1


def build(profile, out_dir):
    values = forms()
    import office as O
    from sheets import put_rows, save

    with O.Office(profile) as office:
        doc = office.new_calc()
        s = doc.Sheets.getByIndex(0)
        s.Name = "说明"
        put_rows(s, 0, README_ROWS)
        s.getCellByPosition(0, 0).CharWeight = 150
        s.Columns.getByIndex(0).Width = 3600
        s.Columns.getByIndex(1).Width = 22000
        s.getCellRangeByPosition(1, 0, 1, len(README_ROWS) - 1).IsTextWrapped = True
        S.write_inputs(doc, 1)
        for k, v in enumerate(values):
            write_form(doc, 3 + k, v)
        one_page(doc)
        return save(doc, os.path.join(out_dir, BASE))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "samples")
    print("wrote %s.ods and .xlsx" % build(sys.argv[1], out))
