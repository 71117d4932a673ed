# -*- coding: utf-8 -*-
"""A consultant's copy of the second department's workbook (samples/health-department.ods): the data
sheets with 附件1 and 评价结果 filled, then frozen to typed numbers and texts, as a third-party firm
hands them in — with three planted mistakes (PLANTED) for the cross-check to find. The consultant's
subtotals, 合计 and 得分率 follow their own (wrong) scores, as a firm's own sums would.

Run: /usr/bin/python3 samples/src/health_consultant.py PROFILE_DIR [--clean]
(PROFILE_DIR with jixiao.oxt installed) writes samples/health-department-consultant.ods (.xlsx);
--clean leaves the mistakes out."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, HERE)
import office as O  # noqa: E402

SOURCE = os.path.join(ROOT, "samples", "health-department.ods")
SCORE_COL, NAME_COL = 8, 4

# 三级指标 -> the score the consultant typed, and what went wrong. The right scores are worked out in
# tests/integration/test_second_department.py.
PLANTED = {
    # arithmetic slip: 执行率 read as 94.57% instead of 94.75%: (94.57% − 80%) / 20% × 8 = 5.828 → 5.83 (right: 5.90)
    "预算完成率": 5.83,
    # a swapped pair: each got the other's score (right: 预算调整率 2.78, 部门预算资金支出均衡性 2.49)
    "预算调整率": 2.49,
    "部门预算资金支出均衡性": 2.78,
    # a score contradicting the recorded 完成等级 达成 (100% of 4): scored as 部分达成, 80% × 4 = 3.20 (right: 4.00)
    "突发公共卫生事件应急处置": 3.20,
}


def freeze(sheet):
    """Every formula in the sheet's used area replaced by its value (an error cell by its text)."""
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    end = cur.getRangeAddress()
    for r in range(end.EndRow + 1):
        for c in range(end.EndColumn + 1):
            cell = sheet.getCellByPosition(c, r)
            if not cell.getFormula().startswith("="):
                continue
            from com.sun.star.sheet.FormulaResult import VALUE
            if not cell.getError() and cell.FormulaResultType2 == VALUE:
                cell.setValue(cell.getValue())
            else:
                cell.setString(cell.getString())


def build(office, source, out, planted=PLANTED):
    """Fills `source` in `office` (Jixiao installed), plants `planted`, freezes, writes `out` (.ods or .xlsx)."""
    doc = office.load(source)
    try:
        res = O.run_job(office, "org.jixiao.Fill", doc)
        assert res["Status"] == "ok", res["Message"]
        doc.calculateAll()
        a = doc.Sheets.getByName("附件1")
        rows = {a.getCellByPosition(NAME_COL, r).getString().strip(): r for r in range(5, 80)}
        for name, score in planted.items():
            a.getCellByPosition(SCORE_COL, rows[name]).setValue(score)
        doc.calculateAll()  # the consultant's subtotals, 合计, 得分率 and grade follow the typed scores
        for name in ("附件1", "评价结果"):
            freeze(doc.Sheets.getByName(name))
        if doc.Sheets.hasByName("计算底稿"):
            doc.Sheets.removeByName("计算底稿")
        flt = "calc8" if out.endswith(".ods") else "Calc MS Excel 2007 XML"
        doc.storeToURL(O.file_url(out), O.props(FilterName=flt))
    finally:
        doc.close(True)
    return out


if __name__ == "__main__":
    clean = "--clean" in sys.argv
    with O.Office(sys.argv[1]) as office:
        base = os.path.join(ROOT, "samples", "health-department-consultant")
        for ext in (".ods", ".xlsx"):
            print("wrote", build(office, SOURCE, base + ext, {} if clean else PLANTED))
