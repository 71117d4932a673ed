# -*- coding: utf-8 -*-
"""Builds samples/seed-department-consultant.ods (and .xlsx): the seed workbook with 附件1 and 评价结果 as a
third-party firm hands them in — typed numbers and texts, no formulas (the report's own scores,
total 88.48). The cross-check's clean input; tests plant mistakes in copies of it.
Run: /usr/bin/python3 samples/src/make_consultant_sample.py PROFILE_DIR (with jixiao.oxt installed)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import office as O  # noqa: E402


def freeze(sheet):
    """Every formula in the sheet's used area replaced by its value."""
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    end = cur.getRangeAddress()
    rng = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
    data = rng.getDataArray()
    for r, row in enumerate(data):
        for c, v in enumerate(row):
            cell = sheet.getCellByPosition(c, r)
            if cell.getFormula().startswith("="):
                if isinstance(v, float):
                    cell.setValue(v)
                else:
                    cell.setString(v)


def build(profile):
    with O.Office(profile) as office:
        doc = office.load(os.path.join(ROOT, "samples", "seed-department.ods"))
        res = O.run_job(office, "org.jixiao.Fill", doc)
        assert res["Status"] == "ok", res["Message"]
        doc.calculateAll()
        for name in ("附件1", "评价结果"):
            freeze(doc.Sheets.getByName(name))
        doc.Sheets.removeByName("计算底稿")
        out = os.path.join(ROOT, "samples", "seed-department-consultant.ods")
        doc.storeToURL(O.file_url(out), O.props(FilterName="calc8"))
        doc.storeToURL(O.file_url(out[:-4] + ".xlsx"), O.props(FilterName="Calc MS Excel 2007 XML"))
        doc.close(True)
    return out


if __name__ == "__main__":
    print("wrote", build(sys.argv[1]))
