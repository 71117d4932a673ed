# -*- coding: utf-8 -*-
"""Builds the blank 附件1 templates from the seed sample, using the installed extension:
  samples/seed-department-blank-appendix1.ods  the seed workbook with a blank 附件1 (评分 and
                                               专家意见 empty) to be filled in place;
  samples/appendix1-template.ods               the blank 附件1 alone (with the indicator system), to
                                               copy into a department's workbook.
Run: /usr/bin/python3 samples/src/make_template.py PROFILE_DIR (a profile with jixiao.oxt installed)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import office as O  # noqa: E402

SCORE_COL, EXPERT_COL, NAME_COL = 8, 10, 4


def blank(profile):
    with O.Office(profile) as office:
        doc = office.load(os.path.join(ROOT, "samples", "seed-department.ods"))
        res = O.run_job(office, "org.jixiao.Fill", doc)
        assert res["Status"] == "ok", res["Message"]
        for name in ("评价结果", "计算底稿"):
            doc.Sheets.removeByName(name)
        a = doc.Sheets.getByName("附件1")
        for r in range(5, 200):
            if a.getCellByPosition(NAME_COL, r).getString().strip():
                a.getCellByPosition(SCORE_COL, r).setString("")
                a.getCellByPosition(EXPERT_COL, r).setString("")
        # The heading names the parties as text (no link to the data sheets).
        for c in (0, 6):
            cell = a.getCellByPosition(c, 1)
            cell.setString(cell.getString().split("：")[0] + "：")
        doc.storeToURL(O.file_url(os.path.join(ROOT, "samples", "seed-department-blank-appendix1.ods")),
                       O.props(FilterName="calc8"))
        for name in doc.Sheets.ElementNames:
            if name not in ("附件1", "指标体系"):
                doc.Sheets.removeByName(name)
        doc.storeToURL(O.file_url(os.path.join(ROOT, "samples", "appendix1-template.ods")), O.props(FilterName="calc8"))
        doc.close(True)


if __name__ == "__main__":
    blank(sys.argv[1])
    print("wrote samples/seed-department-blank-appendix1.ods and samples/appendix1-template.ods")
