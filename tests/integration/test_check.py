# -*- coding: utf-8 -*-
"""The cross-check in real headless LibreOffice: the consultant's sample (samples/
seed-department-consultant.ods: 附件1 and 评价结果 as typed numbers, the report's 88.48) and copies
with planted mistakes; and `jixiao check` in batch with its exit codes and JSON."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import harness
from harness import ROOT, SAMPLES, OfficeTestCase

import office as O  # noqa: E402  (harness puts scripts/ on the path)

CONSULTANT = os.path.join(SAMPLES, "seed-department-consultant.ods")
CLI = os.path.join(ROOT, "scripts", "jixiao")
SCORE, WEIGHT, EXPERT, NAME = 8, 5, 10, 4


def find_row(sheet, col, text, rows=80):
    for r in range(rows):
        if sheet.getCellByPosition(col, r).getString().strip() == text:
            return r
    raise AssertionError("no row %s" % text)


class Check(OfficeTestCase):
    def checked(self, plant=None):
        """Checks a copy of the consultant's workbook after `plant(doc)` changed it; returns
        (status, findings by subject, doc)."""
        tmp = tempfile.mkdtemp(prefix="jixiao-check-")
        self.addCleanup(shutil.rmtree, tmp, True)
        work = os.path.join(tmp, "c.ods")
        shutil.copyfile(CONSULTANT, work)
        doc = self.office.load(work)
        self.addCleanup(doc.close, True)
        if plant:
            plant(doc)
        res = O.run_job(self.office, "org.jixiao.Check", doc)
        findings = {}
        for subject, verdict, printed, recomputed, explanation in res["Findings"]:
            findings[subject] = (verdict, explanation)
        return res["Status"], findings, doc

    def differing(self, findings):
        return {k: v for k, v in findings.items() if v[0] == "不一致"}

    def test_clean_sample(self):
        status, f, doc = self.checked()
        self.assertEqual(status, "ok")
        self.assertEqual(self.differing(f), {}, "false alarm on the clean sample")
        verdict, text = f["预算调整率"]
        self.assertEqual(verdict, "口径不同")
        for needle in ("1.90", "36.62%", "1.78", "40.51%", "评分标准"):
            self.assertIn(needle, text)
        judged = {k for k, v in f.items() if v[0] == "需人工判断"}
        self.assertTrue({"预算编制合理性", "绩效指标有效性", "资产管理安全性", "安全生产监管工作完成率"} <= judged, judged)
        self.assertIn("因受客观因素影响", f["安全生产监管工作完成率"][1])
        self.assertIn("酌情扣除0.5分", f["预算编制合理性"][1])
        agree = {k for k, v in f.items() if v[0] == "一致"}
        self.assertTrue({"预算完成率", "政府采购执行率", "固定资产利用率", "部门绩效运行监控开展情况"} <= agree, agree)
        # the result sheet, and no value of the checked sheet changed
        self.assertIn("核对结果", doc.Sheets.ElementNames)

    def test_without_the_evaluators_indicator_sheet(self):
        # Checked against the built-in printed rule: the departures come out as readings and
        # judgments, never as errors.
        status, f, _ = self.checked(lambda doc: doc.Sheets.removeByName("指标体系"))
        self.assertEqual(self.differing(f), {}, "false alarm without 指标体系")
        verdict, text = f["预算调整率"]
        self.assertEqual(verdict, "口径不同")
        self.assertIn("计入年中新增项目、含人员经费和日常公用经费", text)
        self.assertIn("36.62%", text)
        for name in ("技术合同成交额", "年度目标完成情况"):
            verdict, text = f[name]
            self.assertEqual(verdict, "需人工判断", name)
            self.assertIn("超额", text)

    def test_a_bureaus_own_reading_is_named(self):
        """A locality's reading added as data (其他口径 of the workbook's 指标体系): a printed score
        computed that way is 口径不同 under that reading's name, not 不一致."""
        def plant(doc):
            sys_sheet = doc.Sheets.getByName("指标体系")
            head = [sys_sheet.getCellByPosition(c, 0).getString() for c in range(20)]
            name_col, formula_col, readings_col = (head.index(h) for h in ("三级指标", "计分公式", "其他口径"))
            r = find_row(sys_sheet, name_col, "预算完成率")
            formula = sys_sheet.getCellByPosition(formula_col, r).getString()
            head_, tail = "BUDGET_COMPLETION_SCORE(", ";【分值】)"
            self.assertTrue(formula.startswith(head_) and formula.endswith(tail), formula)
            rate = formula[len(head_):-len(tail)]
            per5 = "MAX(0;【分值】-2*INT((1-MIN(1;" + rate + "))/0.05))"
            cell = sys_sheet.getCellByPosition(readings_col, r)
            cell.setString((cell.getString() + "\n" if cell.getString() else "") + "每低于5%扣2分（某县）：" + per5)
            a = doc.Sheets.getByName("附件1")
            # 91.38% is 8.62 points below 100%: one full 5% step → 8 − 2 = 6.00
            a.getCellByPosition(SCORE, find_row(a, NAME, "预算完成率")).setValue(6.0)
        status, f, _ = self.checked(plant)
        verdict, text = f["预算完成率"]
        self.assertEqual(verdict, "口径不同", text)
        for needle in ("每低于5%扣2分（某县）", "6.00", "91.38%", "4.55"):
            self.assertIn(needle, text)

    def test_subtotal_off_by_a_tenth(self):
        def plant(doc):
            s = doc.Sheets.getByName("评价结果")
            r = find_row(s, 0, "预算资金管理")
            s.getCellByPosition(2, r).setValue(25.07)
        status, f, _ = self.checked(plant)
        self.assertEqual(status, "differ")
        verdict, text = f["预算资金管理（小计）"]
        self.assertEqual(verdict, "不一致")
        self.assertIn("25.07", text)
        self.assertIn("24.97", text)

    def test_subtotal_in_the_appendix_off_by_a_tenth(self):
        def plant(doc):
            a = doc.Sheets.getByName("附件1")
            r = min(rr for rr in range(5, 40) if a.getCellByPosition(2, rr).getString() == "绩效管理情况")
            a.getCellByPosition(12, r).setValue(13.61)
        status, f, _ = self.checked(plant)
        self.assertEqual(status, "differ")
        verdict, text = f["绩效管理情况（附件1小计）"]
        self.assertEqual(verdict, "不一致")
        self.assertIn("13.61", text)
        self.assertIn("13.51", text)

    def test_two_scores_swapped(self):
        def plant(doc):
            a = doc.Sheets.getByName("附件1")
            r1, r2 = find_row(a, NAME, "预算完成率"), find_row(a, NAME, "部门预算资金支出均衡性")
            a.getCellByPosition(SCORE, r1).setValue(1.44)
            a.getCellByPosition(SCORE, r2).setValue(4.55)
        status, f, doc = self.checked(plant)
        self.assertEqual(status, "differ")
        for name, other in (("预算完成率", "部门预算资金支出均衡性"), ("部门预算资金支出均衡性", "预算完成率")):
            verdict, text = f[name]
            self.assertEqual(verdict, "不一致")
            self.assertIn("对调", text)
            self.assertIn(other, text)
        # the cell is marked, its value unchanged
        a = doc.Sheets.getByName("附件1")
        cell = a.getCellByPosition(SCORE, find_row(a, NAME, "预算完成率"))
        self.assertEqual(cell.getValue(), 1.44)
        self.assertNotEqual(cell.CellBackColor, -1)
        self.assertIn("对调", cell.getAnnotation().getString())

    def test_rule_applied_by_another_method(self):
        # 预算完成率 scored on the initial budget: 10888.89/17088.41 = 63.72% < 80% -> 0
        def plant(doc):
            a = doc.Sheets.getByName("附件1")
            a.getCellByPosition(SCORE, find_row(a, NAME, "预算完成率")).setValue(0)
        status, f, _ = self.checked(plant)
        verdict, text = f["预算完成率"]
        self.assertEqual(verdict, "口径不同")
        self.assertIn("按年初预算计算执行率", text)
        self.assertIn("4.55", text)

    def test_mistyped_rate_in_the_opinion(self):
        def plant(doc):
            a = doc.Sheets.getByName("附件1")
            c = a.getCellByPosition(EXPERT, find_row(a, NAME, "预算完成率"))
            c.setString(c.getString().replace("91.38%", "93.18%"))
        status, f, _ = self.checked(plant)
        self.assertEqual(status, "differ")
        verdict, text = f["预算完成率（专家意见）"]
        self.assertEqual(verdict, "不一致")
        self.assertIn("93.18%", text)
        self.assertIn("91.38%", text)

    def test_mistyped_rate_in_the_basis(self):
        def plant(doc):
            a = doc.Sheets.getByName("附件1")
            c = a.getCellByPosition(9, find_row(a, NAME, "预算完成率"))
            c.setString(c.getString() + "；决算支出率91.83%")
        status, f, _ = self.checked(plant)
        self.assertEqual(status, "differ")
        verdict, text = f["预算完成率（评分依据）"]
        self.assertEqual(verdict, "不一致")
        self.assertIn("91.83%", text)
        self.assertIn("91.38%", text)

    def test_weight_that_no_longer_adds_up(self):
        def plant(doc):
            a = doc.Sheets.getByName("附件1")
            a.getCellByPosition(WEIGHT, find_row(a, NAME, "预算完成率")).setValue(9)
        status, f, _ = self.checked(plant)
        self.assertEqual(status, "differ")
        self.assertEqual(f["预算完成率（权重）"][0], "不一致")
        self.assertEqual(f["权重合计"][0], "不一致")
        self.assertIn("101", f["权重合计"][1])
        self.assertEqual(f["预算资金管理（权重）"][0], "不一致")

    def test_total_and_grade(self):
        def total(doc):
            a = doc.Sheets.getByName("附件1")
            a.getCellByPosition(SCORE, find_row(a, 0, "合   计")).setValue(90.48)
        status, f, _ = self.checked(total)
        self.assertEqual(f["合计"][0], "不一致")
        self.assertIn("88.48", f["合计"][1])

        def grade(doc):
            s = doc.Sheets.getByName("评价结果")
            s.getCellByPosition(2, find_row(s, 0, "评价等级")).setString("优")
        status, f, _ = self.checked(grade)
        self.assertEqual(status, "differ")
        self.assertEqual(f["等级"][0], "不一致")
        self.assertIn("良", f["等级"][1])


class CheckCli(unittest.TestCase):
    def test_batch_with_json_and_exit_codes(self):
        harness.template_profile()
        tmp = tempfile.mkdtemp(prefix="jixiao-checkcli-")
        self.addCleanup(shutil.rmtree, tmp, True)
        env = dict(os.environ, JIXIAO_PROFILE=os.path.join(tmp, "profile"), LANG="zh_CN.UTF-8", LC_ALL="")
        folder = os.path.join(tmp, "in")
        os.makedirs(folder)
        shutil.copyfile(CONSULTANT, os.path.join(folder, "clean.ods"))
        shutil.copyfile(CONSULTANT[:-4] + ".xlsx", os.path.join(folder, "clean-excel.xlsx"))
        run = lambda *a: subprocess.run([CLI, "check", *a], env=env, capture_output=True, text=True, timeout=300)  # noqa: E731
        out = os.path.join(tmp, "checked")
        p = run(folder, "--json", os.path.join(tmp, "r.json"), "-o", out)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        report = json.load(open(os.path.join(tmp, "r.json"), encoding="utf-8"))
        self.assertEqual([r["status"] for r in report], ["ok", "ok"])  # .ods and .xlsx alike
        for r in report:
            self.assertTrue(any(f["verdict"] == "口径不同" and f["subject"] == "预算调整率" for f in r["findings"]))
            self.assertFalse(any(f["verdict"] == "不一致" for f in r["findings"]), r["file"])
        self.assertEqual(sorted(os.listdir(out)), ["clean-excel-核对.ods", "clean-核对.ods"])
        # a file that is not a workbook and one without 附件1: exit 2, the others still checked
        with open(os.path.join(folder, "garbage.xlsx"), "wb") as fh:
            fh.write(b"not a workbook")
        shutil.copyfile(os.path.join(SAMPLES, "seed-department.ods"), os.path.join(folder, "no-appendix.ods"))
        p = run(folder, "--json", os.path.join(tmp, "r2.json"))
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        report = {os.path.basename(r["file"]): r for r in json.load(open(os.path.join(tmp, "r2.json"), encoding="utf-8"))}
        self.assertEqual(report["clean.ods"]["status"], "ok")
        self.assertEqual(report["garbage.xlsx"]["status"], "error")
        self.assertIn("附件1", report["no-appendix.ods"]["message"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
