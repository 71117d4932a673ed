# -*- coding: utf-8 -*-
"""The one-click fill of 附件1 in real headless LibreOffice with the installed .oxt, on the seed
department's workbook (samples/seed-department.ods and .xlsx): every printed score, subtotal, total,
得分率 and grade; live formulas; one undo step; source sheets untouched; fill-in-place of a blank
附件1 template; missing inputs reported all at once with nothing written; dispatch URL and job."""
import math
import os
import shutil
import tempfile
import unittest

from harness import SAMPLES, OfficeTestCase, assert_summary, find_row, working_copy
import office as O  # noqa: E402  (harness puts scripts/ on the path)


SEED_ODS = os.path.join(SAMPLES, "seed-department.ods")
SEED_XLSX = os.path.join(SAMPLES, "seed-department.xlsx")
TEMPLATE = os.path.join(SAMPLES, "seed-department-blank-appendix1.ods")

# 附件1 部门整体绩效评价表 as printed in the seed report (the 评分 column), in order.
PRINTED = [
    ("预算编制合理性", 4, 3.50), ("预算完成率", 8, 4.55), ("预算调整率", 3, 1.90),
    ("部门预算资金支出均衡性", 3, 1.44), ("政府采购执行率", 1, 0.58), ("公用经费控制率", 2, 2.00),
    ("部门分解资金监管情况", 0, 0.00), ("财务合规性", 7, 7.00), ("管理制度健全及执行有效性", 4, 4.00),
    ("绩效目标明确性", 4, 4.00), ("绩效指标有效性", 4, 3.50), ("部门绩效运行监控开展情况", 4, 3.01),
    ("部门整体绩效自评情况", 3, 3.00), ("资产管理安全性", 2, 1.50), ("固定资产利用率", 1, 1.00),
    ("年度目标完成情况", 9, 8.00), ("促进科技创新工作完成率", 4, 3.00), ("优化新三板服务平台工作完成率", 4, 4.00),
    ("交通运输保障工作完成率", 4, 4.00), ("安全生产监管工作完成率", 4, 3.80), ("技术合同成交额", 3, 2.70),
    ("新三板公益性培训服务场次", 3, 3.00), ("应急情况处理能力", 3, 3.00), ("春运安全保障情况", 3, 3.00),
    ("安全隐患整治率", 3, 3.00), ("科技创新创业氛围", 4, 4.00), ("服务基地影响力提升情况", 3, 3.00),
    ("企业安全生产意识和应对突发生产安全事故的能力", 3, 3.00),
]
# 四、绩效指标分析: second-level subtotals; 三、评价结果 / 表3-1: first level, total, 得分率, grade.
SECOND_LEVEL = {"预算资金管理": (32, 24.97), "绩效管理情况": (15, 13.51), "资产管理": (3, 2.50),
                "产出": (25, 22.80), "效益": (25, 24.70)}
FIRST_LEVEL = {"财政管理情况评价": (50, 40.98, 0.8196), "部门履职情况评价": (50, 47.50, 0.9500)}
TOTAL, TOTAL_RATE, GRADE = 88.48, 0.8848, "良"


def run_fill(office, doc):
    return O.run_job(office, "org.jixiao.Fill", doc)


def sheet_values(doc):
    """Every sheet's used area as data (strings/numbers) and formulas."""
    out = {}
    for name in doc.Sheets.ElementNames:
        sh = doc.Sheets.getByName(name)
        cur = sh.createCursor()
        cur.gotoEndOfUsedArea(False)
        addr = cur.getRangeAddress()
        rng = sh.getCellRangeByPosition(0, 0, addr.EndColumn, addr.EndRow)
        out[name] = (rng.getDataArray(), rng.getFormulaArray())
    return out


class FillSeed(OfficeTestCase):
    source = SEED_ODS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp, work = working_copy(cls.source, "jixiao-fill-")
        cls.doc = cls.office.load(work)
        cls.before = sheet_values(cls.doc)
        cls.result = run_fill(cls.office, cls.doc)
        cls.doc.calculateAll()

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)
        shutil.rmtree(cls.tmp, ignore_errors=True)
        super().tearDownClass()

    def appendix(self):
        return self.doc.Sheets.getByName(self.result["Target"])

    def test_fill_succeeds(self):
        self.assertEqual(self.result["Status"], "ok", self.result["Message"])
        self.assertEqual(self.result["Target"], "附件1")

    def test_every_printed_score(self):
        sh = self.appendix()
        for name, weight, score in PRINTED:
            r = find_row(sh, 4, name)
            self.assertIsNotNone(r, name)
            cell = sh.getCellByPosition(8, r)
            self.assertEqual(cell.getError(), 0, "%s: %s" % (name, cell.getFormula()))
            self.assertAlmostEqual(cell.getValue(), score, places=9, msg=name)
            self.assertEqual(cell.getString(), "%.2f" % score, name)
            self.assertAlmostEqual(sh.getCellByPosition(5, r).getValue(), weight, places=9, msg=name + " weight")
            self.assertTrue(cell.getFormula().startswith("=ROUND("), name)

    def test_total_and_levels(self):
        sh = self.appendix()
        total_row = find_row(sh, 0, "合   计")
        self.assertAlmostEqual(sh.getCellByPosition(8, total_row).getValue(), TOTAL, places=9)
        assert_summary(self, self.doc, FIRST_LEVEL, SECOND_LEVEL, TOTAL, TOTAL_RATE, GRADE)
        # and in 附件1 itself: the 二级得分 / 一级得分 columns and the 评价等级 row
        a = self.appendix()
        self.assertEqual(a.getCellByPosition(12, 2).getString(), "二级得分")
        self.assertEqual(a.getCellByPosition(13, 2).getString(), "一级得分")
        for name, (w, score) in SECOND_LEVEL.items():
            r = min(rr for rr in range(5, 40) if a.getCellByPosition(2, rr).getString() == name)
            self.assertAlmostEqual(a.getCellByPosition(12, r).getValue(), score, places=9, msg=name)
        for name, (w, score, rate) in FIRST_LEVEL.items():
            r = find_row(a, 0, name)
            self.assertAlmostEqual(a.getCellByPosition(13, r).getValue(), score, places=9, msg=name)
        self.assertEqual(a.getCellByPosition(8, find_row(a, 0, "评价等级")).getString(), GRADE)

    def test_levels_are_merged_cells_in_the_seed_layout(self):
        sh = self.appendix()
        r = find_row(sh, 4, "预算编制合理性")
        self.assertEqual(sh.getCellByPosition(0, r).getString(), "财政管理情况评价")
        self.assertTrue(sh.getCellRangeByPosition(0, r, 0, r + 1).getIsMerged())
        self.assertEqual(sh.getCellByPosition(2, r).getString(), "预算资金管理")
        self.assertEqual(sh.getCellByPosition(3, r).getValue(), 32)
        for col, head in ((6, "指标说明"), (7, "评分标准"), (8, "评分"), (9, "评分依据"), (10, "专家意见")):
            self.assertEqual(sh.getCellByPosition(col, 2).getString(), head)

    def test_expert_opinions_quote_the_figures(self):
        sh = self.appendix()
        expect = {"预算完成率": "部门整体支出预算完成率为91.38%",
                  "预算调整率": "预算调整率为36.62%",
                  "部门预算资金支出均衡性": "全年平均执行率为47.93%",
                  "政府采购执行率": "政府采购执行率为58.07%",
                  "固定资产利用率": "固定资产利用率为99.24%",
                  "部门绩效运行监控开展情况": "部门整体监控得分75.23分",
                  "技术合同成交额": "1.84倍"}
        for name, text in expect.items():
            r = find_row(sh, 4, name)
            self.assertIn(text, sh.getCellByPosition(10, r).getString(), name)

    def test_source_sheets_unchanged(self):
        after = sheet_values(self.doc)
        for name, data in self.before.items():
            self.assertEqual(after[name], data, "sheet %s changed" % name)

    def test_chart_present(self):
        s = self.doc.Sheets.getByName("评价结果")
        self.assertGreaterEqual(s.getCharts().getCount(), 1)


class FillSeedXlsx(FillSeed):
    source = SEED_XLSX


class FillBehaviour(OfficeTestCase):
    def open_copy(self, src=SEED_ODS, hidden=True):
        tmp = tempfile.mkdtemp(prefix="jixiao-fill-")
        self.addCleanup(shutil.rmtree, tmp, True)
        work = os.path.join(tmp, os.path.basename(src))
        shutil.copyfile(src, work)
        doc = self.office.load(work, hidden=hidden)
        self.addCleanup(doc.close, True)
        return doc

    def test_scores_are_live(self):
        doc = self.open_copy()
        self.assertEqual(run_fill(self.office, doc)["Status"], "ok")
        info = doc.Sheets.getByName("基础信息")
        r = find_row(info, 1, "部门整体监控得分")
        info.getCellByPosition(2, r).setValue(100)
        doc.calculateAll()
        a = doc.Sheets.getByName("附件1")
        self.assertAlmostEqual(a.getCellByPosition(8, find_row(a, 4, "部门绩效运行监控开展情况")).getValue(), 4.0)
        self.assertAlmostEqual(a.getCellByPosition(8, find_row(a, 0, "合   计")).getValue(), TOTAL + 0.99, places=9)
        # 表1-5 feeds 预算完成率.
        p = doc.Sheets.getByName("表1-5 部门支出")
        total = find_row(p, 0, "合计")
        p.getCellByPosition(6, total).setValue(11915.94)  # spent all: execution rate 100%
        doc.calculateAll()
        self.assertAlmostEqual(a.getCellByPosition(8, find_row(a, 4, "预算完成率")).getValue(), 8.0)

    def test_a_misspelt_function_in_the_indicator_sheet_is_named(self):
        """A 计分公式 calling a function neither Calc nor Jixiao has: named by sheet, row and column
        before anything is written (not a #NAME? in 附件1); every Calc function the seed's own
        templates call is known (the sample fills: FillSeed)."""
        doc = self.open_copy()
        s = doc.Sheets.getByName("指标体系")
        head = [s.getCellByPosition(c, 0).getString() for c in range(20)]
        r = find_row(s, head.index("三级指标"), "预算完成率")
        cell = s.getCellByPosition(head.index("计分公式"), r)
        cell.setString(cell.getString().replace("BUDGET_COMPLETION_SCORE", "BUDGET_COMPLETON_SCORE"))
        res = run_fill(self.office, doc)
        self.assertEqual(res["Status"], "error")
        for needle in ("指标体系", "第%d行" % (r + 1), "计分公式", "BUDGET_COMPLETON_SCORE"):
            self.assertIn(needle, res["Message"])
        self.assertNotIn("附件1", doc.Sheets.ElementNames)

    def test_one_undo_step_restores_the_document(self):
        # A document with a view, as a person has it (LibreOffice 7.4 crashes undoing a sheet
        # insertion in a hidden document, whoever inserted it).
        doc = self.open_copy(hidden=False)
        before = sheet_values(doc)
        self.assertEqual(run_fill(self.office, doc)["Status"], "ok")
        self.assertIn("附件1", doc.Sheets.ElementNames)
        doc.UndoManager.undo()
        self.assertEqual(sheet_values(doc), before)
        self.assertEqual(set(doc.Sheets.ElementNames), set(before))

    def test_refill_fills_in_place_without_duplicates(self):
        doc = self.open_copy()
        self.assertEqual(run_fill(self.office, doc)["Status"], "ok")
        names = doc.Sheets.ElementNames
        again = run_fill(self.office, doc)
        self.assertEqual(again["Status"], "ok", again["Message"])
        doc.calculateAll()
        self.assertEqual(doc.Sheets.ElementNames, names)
        a = doc.Sheets.getByName("附件1")
        self.assertAlmostEqual(a.getCellByPosition(8, find_row(a, 0, "合   计")).getValue(), TOTAL, places=9)

    def test_missing_inputs_listed_and_nothing_written(self):
        doc = self.open_copy()
        info = doc.Sheets.getByName("基础信息")
        info.getCellByPosition(1, find_row(info, 1, "政府采购实际支出")).setString("政府采购实际")
        info.getCellByPosition(1, find_row(info, 1, "部门整体监控得分")).setString("")
        dept = doc.Sheets.getByName("表1-5 部门支出")
        dept.getCellByPosition(1, find_row(dept, 1, "日常公用经费")).setString("其他经费")
        before = sheet_values(doc)
        res = run_fill(self.office, doc)
        self.assertEqual(res["Status"], "error")
        msg = res["Message"]
        for needle in ("政府采购实际支出", "部门整体监控得分", "日常公用经费", "基础信息", "表1-5 部门支出"):
            self.assertIn(needle, msg)
        self.assertEqual(sheet_values(doc), before)

    def test_missing_sheets_named(self):
        doc = self.open_copy()
        doc.Sheets.removeByName("表1-6 项目支出")
        doc.Sheets.removeByName("基础信息")
        names = doc.Sheets.ElementNames
        res = run_fill(self.office, doc)
        self.assertEqual(res["Status"], "error")
        self.assertIn("项目支出表", res["Message"])
        self.assertIn("基础信息表", res["Message"])
        self.assertEqual(doc.Sheets.ElementNames, names)

    def test_fill_in_place_of_the_blank_template(self):
        doc = self.open_copy(TEMPLATE)
        before = sheet_values(doc)
        res = run_fill(self.office, doc)
        self.assertEqual(res["Status"], "ok", res["Message"])
        self.assertEqual(res["Target"], "附件1")
        doc.calculateAll()
        a = doc.Sheets.getByName("附件1")
        for name, _, score in PRINTED:
            self.assertAlmostEqual(a.getCellByPosition(8, find_row(a, 4, name)).getValue(), score, places=9, msg=name)
        self.assertAlmostEqual(a.getCellByPosition(8, find_row(a, 0, "合   计")).getValue(), TOTAL, places=9)
        # Only the 评分 and 专家意见 cells of indicator rows changed.
        after = sheet_values(doc)
        data0, formulas0 = before["附件1"]
        data1, formulas1 = after["附件1"]
        score_rows = {find_row(a, 4, n) for n, _, _ in PRINTED}
        for r, (row0, row1) in enumerate(zip(formulas0, formulas1)):
            for c, (v0, v1) in enumerate(zip(row0, row1)):
                if r in score_rows and c in (8, 10):
                    continue
                self.assertEqual(v0, v1, "cell %s%d changed" % (chr(65 + c), r + 1))
        for name in before:
            if name != "附件1":
                self.assertEqual(after[name], before[name], "sheet %s changed" % name)

    def indicator_cell(self, doc, name, column):
        s = doc.Sheets.getByName("指标体系")
        head = [s.getCellByPosition(c, 0).getString() for c in range(30)]
        return s.getCellByPosition(head.index(column), find_row(s, head.index("三级指标"), name))

    def test_editing_the_indicator_sheet_changes_the_fill(self):
        # Another province's rule, typed into the sheet: 预算完成率 in bands (100% -> 1, >=80% -> 0.7,
        # >=60% -> 0.5) — no recompiling. 91.38% falls in the 80% band: 0.7 x 8 = 5.60.
        doc = self.open_copy()
        self.indicator_cell(doc, "预算完成率", "计分公式").setString(
            "BAND_SCORE(EXECUTION_RATE(【部门.合计.支出数】;【部门.合计.调整后预算数】);{1;1|0.8;0.7|0.6;0.5|0;0};【分值】)")
        res = run_fill(self.office, doc)
        self.assertEqual(res["Status"], "ok", res["Message"])
        doc.calculateAll()
        a = doc.Sheets.getByName("附件1")
        self.assertAlmostEqual(a.getCellByPosition(8, find_row(a, 4, "预算完成率")).getValue(), 5.60, places=9)
        self.assertAlmostEqual(a.getCellByPosition(8, find_row(a, 0, "合   计")).getValue(), TOTAL - 4.55 + 5.60, places=9)

    def test_weights_that_do_not_add_up_stop_the_fill(self):
        doc = self.open_copy()
        self.indicator_cell(doc, "预算完成率", "分值").setValue(9)
        names = doc.Sheets.ElementNames
        res = run_fill(self.office, doc)
        self.assertEqual(res["Status"], "error")
        self.assertIn("预算资金管理", res["Message"])
        self.assertIn("101", res["Message"])
        self.assertEqual(doc.Sheets.ElementNames, names)

    def test_dispatch_url_and_job_alias(self):
        for url in ("org.jixiao.calc:fill", "vnd.sun.star.job:alias=JixiaoFill"):
            doc = self.open_copy()
            frame = doc.CurrentController.Frame
            helper = self.office.create("com.sun.star.frame.DispatchHelper")
            helper.executeDispatch(frame, url, "", 0, ())
            doc.calculateAll()
            self.assertIn("附件1", doc.Sheets.ElementNames, url)
            a = doc.Sheets.getByName("附件1")
            self.assertAlmostEqual(a.getCellByPosition(8, find_row(a, 0, "合   计")).getValue(), TOTAL, places=9)


if __name__ == "__main__":
    unittest.main(verbosity=2)
