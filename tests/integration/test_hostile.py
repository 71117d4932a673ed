# -*- coding: utf-8 -*-
"""Hostile workbooks (issue 11, item 3), in real headless LibreOffice: the fill (org.jixiao.Fill and
`jixiao fill`) and the cross-check (org.jixiao.Check and `jixiao check`) on copies of the seed
samples with error values, formulas and circular references in source cells, hidden and protected
sheets, a foreign sheet already named 附件1, a sheet name with quotes and spaces, truncated .ods/.xlsx,
a .csv and a read-only file. For every case: the right result or a Chinese message naming the sheet
and cell; the source file byte-for-byte unchanged on disk; the office still responds; no message in
English, none naming a temporary path."""
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

import harness
from harness import ROOT, SAMPLES, OfficeTestCase, find_row, working_copy
import office as O  # noqa: E402  (harness puts scripts/ on the path)

SEED = os.path.join(SAMPLES, "seed-department.ods")
SEED_XLSX = os.path.join(SAMPLES, "seed-department.xlsx")
CONSULTANT = os.path.join(SAMPLES, "seed-department-consultant.ods")
TEMPLATE = os.path.join(SAMPLES, "seed-department-blank-appendix1.ods")
CLI = os.path.join(ROOT, "scripts", "jixiao")

PROJECTS, DEPT, INFO = "表1-6 项目支出", "表1-5 部门支出", "基础信息"
NAME, SCORE = 4, 8            # 附件1: 三级指标, 评分
TOTAL = 88.48
ERR_REF, ERR_CIRCULAR, ERR_DIV0, ERR_NA = 524, 522, 532, 32767

# A run of three or more Latin words: an English sentence (function names, "LibreOffice" alone and
# cell addresses are not).
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,:;'’.!?-]+[A-Za-z]{2,}){2,}")
TEMP_PATH = re.compile(r"/tmp/|file:/|jixiao-[a-z0-9_]{6,}|\.tmp\b")


def note(text):
    """What a case came to, for the log (ctest --output-on-failure, or -V)."""
    sys.stderr.write("    · " + text.replace("\n", "\n      ") + "\n")


def cell_name(col, row):
    return "%s%d" % (chr(65 + col), row + 1)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


class Hostile(unittest.TestCase):
    def assertChinese(self, text, what="message"):
        self.assertTrue(re.search(r"[\u4e00-\u9fff]", text or ""), "%s not in Chinese: %r" % (what, text))
        m = ENGLISH.search(text)
        self.assertIsNone(m, "%s has English (%r): %s" % (what, m and m.group(0), text))
        m = TEMP_PATH.search(text)
        self.assertIsNone(m, "%s names a temporary path (%r): %s" % (what, m and m.group(0), text))
        self.assertNotIn("Traceback", text)


class HostileDocuments(OfficeTestCase, Hostile):
    """The jobs on a document open in the office."""

    def tearDown(self):
        # the office still responds
        doc = self.office.new_calc()
        self.assertIn("Sheet1", doc.Sheets.ElementNames[0] + "Sheet1")
        doc.getSheets().getByIndex(0).getCellByPosition(0, 0).setFormula("=1+1")
        self.assertEqual(doc.getSheets().getByIndex(0).getCellByPosition(0, 0).getValue(), 2)
        doc.close(True)

    def open_copy(self, src=SEED, **kw):
        tmp, work = working_copy(src, "jixiao-hostile-")
        before = read_bytes(work)

        def unchanged():
            self.assertEqual(read_bytes(work), before, "the source file changed on disk")
            shutil.rmtree(tmp, ignore_errors=True)
        self.addCleanup(unchanged)
        doc = self.office.load(work, **kw)
        self.addCleanup(doc.close, True)
        return doc

    def run_job(self, doc, service="org.jixiao.Fill"):
        res = O.run_job(self.office, service, doc, "zh")
        note("%s %s: %s %s" % (self.id().rsplit(".", 1)[-1], service, res.get("Status"), res.get("Message", "")))
        self.assertChinese(res.get("Message", ""))
        for row in res.get("Findings") or ():
            self.assertChinese(row[4] or "结论", "finding " + row[0])
        return res

    def score(self, doc, indicator, sheet="附件1"):
        doc.calculateAll()
        a = doc.Sheets.getByName(sheet)
        r = find_row(a, NAME, indicator)
        self.assertIsNotNone(r, indicator)
        return a.getCellByPosition(SCORE, r)

    def total(self, doc):
        doc.calculateAll()
        a = doc.Sheets.getByName("附件1")
        return a.getCellByPosition(SCORE, find_row(a, 0, "合   计"))

    def assertFilledRight(self, doc, res):
        self.assertEqual(res["Status"], "ok", res["Message"])
        t = self.total(doc)
        self.assertEqual(t.getError(), 0, t.getFormula())
        self.assertAlmostEqual(t.getValue(), TOTAL, places=9)

    def assertNotANumber(self, doc, res, sheet, col, row, indicator):
        """An error value is a missing input: either the fill stops with a message naming the sheet
        and the cell, or the score it writes shows an error (README: "an error cell passed in stays
        that error") — never a number computed from it."""
        if res["Status"] != "ok":
            self.assertIn(sheet, res["Message"])
            self.assertIn(cell_name(col, row), res["Message"])
            self.assertNotIn("附件1", doc.Sheets.ElementNames)
        else:
            cell = self.score(doc, indicator)
            note("%s shows %s (%s)" % (indicator, cell.getString(), cell.getFormula()[:160]))
            self.assertNotEqual(cell.getError(), 0, "%s is the number %s" % (indicator, cell.getString()))
            self.assertNotEqual(self.total(doc).getError(), 0, "the total is a number")

    # ---- error values ----

    def project_cell(self, doc, project="科学技术支出", col=3):
        p = doc.Sheets.getByName(PROJECTS)
        r = find_row(p, 1, project)
        return p, r, p.getCellByPosition(col, r)

    def info_cell(self, doc, label="部门整体监控得分"):
        s = doc.Sheets.getByName(INFO)
        r = find_row(s, 1, label)
        return s, r, s.getCellByPosition(2, r)

    ERRORS = (("=1/0", ERR_DIV0), ("=NA()", ERR_NA), ('=INDIRECT("NoSuchSheet.A1")', ERR_REF))

    def test_error_values_in_a_project_amount(self):
        for formula, code in self.ERRORS:
            with self.subTest(formula):
                doc = self.open_copy()
                _, r, cell = self.project_cell(doc)
                cell.setFormula(formula)
                doc.calculateAll()
                self.assertEqual(cell.getError(), code)
                res = self.run_job(doc)
                self.assertNotANumber(doc, res, PROJECTS, 3, r, "预算调整率")

    def test_error_values_in_a_basic_information_figure(self):
        for formula, code in self.ERRORS:
            with self.subTest(formula):
                doc = self.open_copy()
                _, r, cell = self.info_cell(doc)
                cell.setFormula(formula)
                doc.calculateAll()
                self.assertEqual(cell.getError(), code)
                res = self.run_job(doc)
                self.assertNotANumber(doc, res, INFO, 2, r, "部门绩效运行监控开展情况")
                self.assertEqual(res["Status"], "error")
                self.assertIn("%s!%s" % (INFO, cell_name(2, r)), res["Message"])
                self.assertIn(cell.getString(), res["Message"])  # what the cell shows, not 为空
                self.assertNotIn("为空", res["Message"])

    def test_error_value_in_a_project_amount_is_named(self):
        # An error value in a project's amount (表1-6 项目支出!D7 = =1/0, or #N/A, or a word): the fill
        # stops and names the cell with what it shows (fixed: it went on, 预算调整率 showing 错误:504).
        for formula, shown in (("=1/0", "#DIV/0!"), ("=NA()", "#N/A"), ('="待定"', "待定")):
            with self.subTest(formula=formula):
                doc = self.open_copy()
                _, r, cell = self.project_cell(doc)
                cell.setFormula(formula)
                res = self.run_job(doc)
                self.assertEqual(res["Status"], "error", res["Message"])
                self.assertIn("%s!%s" % (PROJECTS, cell_name(3, r)), res["Message"])
                self.assertIn(shown, res["Message"])
                self.assertIn("预算调整率", res["Message"])
                self.assertNotIn("附件1", doc.Sheets.ElementNames)

    def test_error_value_in_the_department_total(self):
        doc = self.open_copy()
        d = doc.Sheets.getByName(DEPT)
        r = find_row(d, 0, "合计")
        d.getCellByPosition(6, r).setFormula("=1/0")
        res = self.run_job(doc)
        self.assertNotANumber(doc, res, DEPT, 6, r, "预算完成率")
        # read as what it shows, not as an empty cell (fixed: "单元格 …!G11 为空")
        self.assertEqual(res["Status"], "error")
        self.assertIn("#DIV/0!", res["Message"])
        self.assertNotIn("为空", res["Message"])

    # ---- formulas and circular references ----

    def test_formulas_in_source_cells_give_the_right_scores(self):
        doc = self.open_copy()
        _, _, cell = self.project_cell(doc)
        cell.setFormula("=-5000-279.67")
        _, _, cell = self.info_cell(doc, "政府采购实际支出")
        cell.setFormula("=400+52.88")
        _, _, cell = self.info_cell(doc)
        cell.setFormula("=70+5.23")
        d = doc.Sheets.getByName(DEPT)
        d.getCellByPosition(6, find_row(d, 0, "合计")).setFormula("=10000+888.89")
        res = self.run_job(doc)
        self.assertFilledRight(doc, res)
        for name, score in (("预算调整率", 1.90), ("政府采购执行率", 0.58), ("部门绩效运行监控开展情况", 3.01),
                            ("预算完成率", 4.55)):
            self.assertAlmostEqual(self.score(doc, name).getValue(), score, places=9, msg=name)

    def test_a_formula_that_changes_a_figure(self):
        # =100+20 as the 监控得分 (of 100): read as 120, the score is at most the weight
        doc = self.open_copy()
        _, _, cell = self.info_cell(doc)
        cell.setFormula("=100+20")
        res = self.run_job(doc)
        if res["Status"] == "ok":
            c = self.score(doc, "部门绩效运行监控开展情况")
            self.assertEqual(c.getError(), 0, c.getFormula())
            self.assertAlmostEqual(c.getValue(), 4.0, places=9)
        else:
            self.assertIn(INFO, res["Message"])

    def test_circular_reference_in_a_source_cell(self):
        doc = self.open_copy()
        s, r, cell = self.info_cell(doc)
        cell.setFormula("=%s+1" % cell_name(2, r))
        doc.calculateAll()
        self.assertEqual(cell.getError(), ERR_CIRCULAR)
        res = self.run_job(doc)
        self.assertNotANumber(doc, res, INFO, 2, r, "部门绩效运行监控开展情况")

    def test_circular_reference_in_a_project_amount(self):
        doc = self.open_copy()
        _, r, cell = self.project_cell(doc)
        cell.setFormula("=%s" % cell_name(3, r))
        res = self.run_job(doc)
        self.assertNotANumber(doc, res, PROJECTS, 3, r, "预算调整率")

    # ---- hidden, protected, read-only ----

    def test_hidden_sheets(self):
        doc = self.open_copy()
        for name in (PROJECTS, INFO, "指标体系"):
            doc.Sheets.getByName(name).IsVisible = False
        res = self.run_job(doc)
        self.assertFilledRight(doc, res)

    def test_protected_source_sheets(self):
        doc = self.open_copy()
        before = {}
        for name, pw in ((PROJECTS, "secret"), (INFO, "")):
            sh = doc.Sheets.getByName(name)
            sh.protect(pw)
            before[name] = harness_sheet(sh)
        res = self.run_job(doc)
        self.assertFilledRight(doc, res)
        for name, data in before.items():
            sh = doc.Sheets.getByName(name)
            self.assertTrue(sh.isProtected(), name)
            self.assertEqual(harness_sheet(sh), data, name)

    def test_protected_blank_appendix_filled_in_place(self):
        doc = self.open_copy(TEMPLATE)
        doc.Sheets.getByName("附件1").protect("secret")
        before = harness_sheet(doc.Sheets.getByName("附件1"))
        res = self.run_job(doc)
        if res["Status"] == "ok":
            self.assertAlmostEqual(self.total(doc).getValue(), TOTAL, places=9)
        else:
            self.assertIn("附件1", res["Message"])
            self.assertIn("保护", res["Message"])
            self.assertEqual(harness_sheet(doc.Sheets.getByName("附件1")), before)

    def test_read_only_document(self):
        # Fixed: a read-only document drops the filled-down 计算底稿 runs and the merges without a
        # word, and 预算调整率 came out 2.73 instead of 1.90 (total 89.31). Now refused, nothing written.
        for service in ("org.jixiao.Fill", "org.jixiao.Check"):
            with self.subTest(service):
                doc = self.open_copy(CONSULTANT if service.endswith("Check") else SEED, ReadOnly=True)
                names = doc.Sheets.ElementNames
                res = self.run_job(doc, service)
                self.assertEqual(res["Status"], "error", res["Message"])
                self.assertIn("只读", res["Message"])
                self.assertEqual(doc.Sheets.ElementNames, names)

    # ---- names ----

    def test_a_foreign_sheet_named_appendix_1(self):
        doc = self.open_copy()
        doc.Sheets.insertNewByName("附件1", 0)
        memo = doc.Sheets.getByName("附件1")
        memo.getCellByPosition(0, 0).setString("备忘：附件1 的纸质版周五前交财政局")
        memo.getCellByPosition(0, 1).setValue(42)
        before = harness_sheet(memo)
        res = self.run_job(doc)
        self.assertEqual(harness_sheet(doc.Sheets.getByName("附件1")), before, "the memo was overwritten")
        if res["Status"] == "ok":
            target = res["Target"]
            self.assertNotEqual(target, "附件1")
            a = doc.Sheets.getByName(target)
            doc.calculateAll()
            self.assertAlmostEqual(a.getCellByPosition(SCORE, find_row(a, 0, "合   计")).getValue(), TOTAL, places=9)
        else:
            self.assertIn("附件1", res["Message"])

    def test_sheet_name_with_quotes_and_spaces(self):
        doc = self.open_copy()
        doc.Sheets.getByName(PROJECTS).Name = "项目 '支出' 表"
        res = self.run_job(doc)
        self.assertFilledRight(doc, res)
        self.assertAlmostEqual(self.score(doc, "预算调整率").getValue(), 1.90, places=9)

    # ---- size ----

    def test_a_million_row_project_table(self):
        # 表1-6 项目支出 made a million rows long: rows 40 … 999,999 blank but formatted (a number
        # format and a background, as when a whole column is formatted) and, at row 1,000,000, a
        # project with zero amounts and a note far to the right. The fill reads the used area from A1
        # (getDataArray of 1,000,000 × 12 cells). Seen here: the fill took about 5 s (2 cores).
        import time
        doc = self.open_copy()
        p = doc.Sheets.getByName(PROJECTS)
        last = 999_999  # row 1,000,000
        blank = p.getCellRangeByPosition(0, 40, 7, last - 1)
        blank.NumberFormat = p.getCellByPosition(3, 6).NumberFormat
        blank.CellBackColor = 0xFFFFCC
        p.getCellRangeByPosition(0, last, 7, last).setDataArray(((99.0, "补录项目（零金额）", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),))
        p.getCellByPosition(11, last).setString("备注：第一百万行")
        cur = p.createCursor()
        cur.gotoEndOfUsedArea(False)
        self.assertEqual(cur.getRangeAddress().EndRow, last)
        t0 = time.time()
        res = self.run_job(doc)
        note("the fill of a 1,000,000-row 表1-6 took %.1f s" % (time.time() - t0))
        if res["Status"] == "ok":
            self.assertFilledRight(doc, res)
            self.assertAlmostEqual(self.score(doc, "预算调整率").getValue(), 1.90, places=9)
        else:
            self.assertIn(PROJECTS, res["Message"])
            self.assertRegex(res["Message"], r"[A-L]\d+")

    def test_a_sheet_16384_columns_wide(self):
        # A value in XFD (the 16,384th column) of 基础信息 and of 表1-5, and a header row that spans
        # the whole width (a caption in every 100th column of row 3 of 表1-6 beyond its table).
        doc = self.open_copy()
        for name in (INFO, DEPT):
            doc.Sheets.getByName(name).getCellRangeByName("XFD1").setString("最右一列的备注")
        p = doc.Sheets.getByName(PROJECTS)
        for c in range(10, 16384, 100):
            p.getCellByPosition(c, 2).setString("说明%d" % c)
        p.getCellByPosition(16383, 2).setString("最后一列")
        cur = doc.Sheets.getByName(INFO).createCursor()
        cur.gotoEndOfUsedArea(False)
        self.assertEqual(cur.getRangeAddress().EndColumn, 16383)
        res = self.run_job(doc)
        if res["Status"] == "ok":
            self.assertFilledRight(doc, res)
        else:
            self.assertTrue(any(n in res["Message"] for n in (INFO, DEPT, PROJECTS)), res["Message"])

    def test_merged_header_cells(self):
        # Two header cells merged across the header row: 项目名称 with 年初预算数 (B3:C3) in 表1-6, and
        # 调整金额 with 调整率 (D4:E4) in 表1-5. Merging hides the second cell's text (kept in the file).
        for sheet, rng in ((PROJECTS, "B3:C3"), (DEPT, "D4:E4"), (PROJECTS, "F3:G3")):
            with self.subTest(sheet=sheet, cells=rng):
                doc = self.open_copy()
                r = doc.Sheets.getByName(sheet).getCellRangeByName(rng)
                r.merge(True)
                self.assertTrue(r.getIsMerged())
                res = self.run_job(doc)
                if res["Status"] == "ok":
                    self.assertFilledRight(doc, res)
                else:
                    self.assertIn(sheet, res["Message"])

    # ---- the cross-check ----

    def test_check_clean_consultant_copy(self):
        doc = self.open_copy(CONSULTANT)
        res = self.run_job(doc, "org.jixiao.Check")
        self.assertEqual(res["Status"], "ok", res["Message"])

    def test_check_with_an_error_value_in_the_data(self):
        for formula, code in self.ERRORS:
            with self.subTest(formula):
                doc = self.open_copy(CONSULTANT)
                _, r, cell = self.info_cell(doc)
                cell.setFormula(formula)
                res = self.run_job(doc, "org.jixiao.Check")
                if res["Status"] == "error":
                    self.assertIn(INFO, res["Message"])
                    self.assertIn(cell_name(2, r), res["Message"])
                else:
                    f = {row[0]: row for row in res["Findings"]}
                    verdict = f["部门绩效运行监控开展情况"][1]
                    self.assertNotEqual(verdict, "一致", "agreed with a score computed from an error value")

    def test_check_with_an_error_value_in_the_printed_score(self):
        doc = self.open_copy(CONSULTANT)
        a = doc.Sheets.getByName("附件1")
        a.getCellByPosition(SCORE, find_row(a, NAME, "预算完成率")).setFormula("=1/0")
        res = self.run_job(doc, "org.jixiao.Check")
        if res["Status"] != "error":
            f = {row[0]: row for row in res["Findings"]}
            self.assertNotEqual(f["预算完成率"][1], "一致")

    def test_check_with_hidden_protected_and_renamed_sheets(self):
        doc = self.open_copy(CONSULTANT)
        doc.Sheets.getByName(INFO).IsVisible = False
        doc.Sheets.getByName("附件1").protect("secret")
        doc.Sheets.getByName(PROJECTS).Name = "项目 '支出' 表"
        a_before = harness_sheet(doc.Sheets.getByName("附件1"))
        res = self.run_job(doc, "org.jixiao.Check")
        self.assertIn(res["Status"], ("ok", "error"), res["Message"])
        if res["Status"] == "ok":
            f = {row[0]: row[1] for row in res["Findings"]}
            self.assertEqual({k for k, v in f.items() if v == "不一致"}, set())
        self.assertEqual(harness_sheet(doc.Sheets.getByName("附件1")), a_before, "the protected 附件1 changed")


def harness_sheet(sheet):
    """The used area's formulas (what a person typed)."""
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    a = cur.getRangeAddress()
    return sheet.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow).getFormulaArray()


class HostileFiles(Hostile):
    """`jixiao fill` and `jixiao check` on files, run in the files' folder with relative names, so
    that any /tmp in a message is the CLI's own temporary path."""

    @classmethod
    def setUpClass(cls):
        harness.template_profile()  # skip outside ctest
        cls.tmp = tempfile.mkdtemp(prefix="jixiao-hostile-cli-")
        cls.env = dict(os.environ, JIXIAO_PROFILE=os.path.join(cls.tmp, "profile"), LANG="zh_CN.UTF-8", LC_ALL="",
                       LC_MESSAGES="")

    @classmethod
    def tearDownClass(cls):
        for root, dirs, files in os.walk(cls.tmp):
            for f in files:
                p = os.path.join(root, f)
                if not os.path.islink(p):
                    os.chmod(p, stat.S_IRUSR | stat.S_IWUSR)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def folder(self):
        d = tempfile.mkdtemp(dir=self.tmp)
        return d

    def cli(self, folder, *args):
        p = subprocess.run([CLI, *args], cwd=folder, env=self.env, capture_output=True, text=True, timeout=180)
        for stream, text in (("stderr", p.stderr), ("stdout", p.stdout)):
            self.assertNotIn("Traceback", text, stream)
            m = TEMP_PATH.search(text)
            self.assertIsNone(m, "%s names a temporary path (%r): %s" % (stream, m and m.group(0), text))
        return p

    def put(self, folder, name, data):
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def truncated(self, src, name):
        d = self.folder()
        data = read_bytes(src)
        self.put(d, name, data[: len(data) // 2])
        return d, data[: len(data) // 2]

    def test_truncated_ods_and_xlsx(self):
        for src, name in ((SEED, "半截.ods"), (SEED_XLSX, "半截.xlsx")):
            with self.subTest(name):
                d, data = self.truncated(src, name)
                p = self.cli(d, "fill", name, "-o", "out.ods")
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertIn(name, p.stderr)
                self.assertChinese(p.stderr, "stderr")
                self.assertFalse(os.path.exists(os.path.join(d, "out.ods")))
                self.assertEqual(read_bytes(os.path.join(d, name)), data)

    def test_check_of_truncated_files(self):
        d, data = self.truncated(CONSULTANT, "半截.ods")
        shutil.copyfile(CONSULTANT, os.path.join(d, "完整.ods"))
        p = self.cli(d, "check", "半截.ods", "完整.ods")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        lines = [l for l in p.stdout.splitlines() if "半截.ods" in l or l.startswith("         ")]
        self.assertTrue(lines, p.stdout)
        msg = p.stdout.split("半截.ods", 1)[1].split("完整.ods")[0]
        self.assertChinese(msg, "check message")
        self.assertRegex(p.stdout, r"ok\s+完整\.ods")
        self.assertEqual(read_bytes(os.path.join(d, "半截.ods")), data)

    def test_csv_input(self):
        d = self.folder()
        text = "类别,项目,数值,单位\n预算执行,政府采购实际支出,452.88,万元\n绩效管理,部门整体监控得分,75.23,分\n"
        path = self.put(d, "基础信息.csv", text.encode("utf-8"))
        p = self.cli(d, "fill", "基础信息.csv", "-o", "out.ods")
        self.assertIn(p.returncode, (1, 2), p.stdout + p.stderr)
        self.assertChinese(p.stderr, "stderr")
        if p.returncode == 1:
            self.assertIn("项目支出表", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(d, "out.ods")))
        self.assertEqual(read_bytes(path), text.encode("utf-8"))

    def test_not_a_workbook_at_all(self):
        d = self.folder()
        self.put(d, "照片.ods", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
        p = self.cli(d, "fill", "照片.ods", "-o", "out.ods")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertChinese(p.stderr, "stderr")

    def test_read_only_source_file(self):
        d = self.folder()
        src = os.path.join(d, "只读.ods")
        shutil.copyfile(SEED, src)
        os.chmod(src, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 444
        before = read_bytes(src)
        p = self.cli(d, "fill", "只读.ods", "-o", "填好.ods")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("88.48", p.stdout)
        self.assertGreater(os.path.getsize(os.path.join(d, "填好.ods")), 1000)
        self.assertEqual(read_bytes(src), before)
        self.assertEqual(stat.S_IMODE(os.stat(src).st_mode), 0o444)
        # and the check of a read-only consultant's file
        c = os.path.join(d, "只读核对.ods")
        shutil.copyfile(CONSULTANT, c)
        os.chmod(c, 0o444)
        p = self.cli(d, "check", "只读核对.ods", "-o", "核对")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertTrue(os.path.isfile(os.path.join(d, "核对", "只读核对-核对.ods")))

    def derived(self, folder, name, **store):
        """A copy of the seed sample stored by the office as `name` in `folder` (a password, a filter)."""
        profile = O.copy_profile(harness.template_profile())
        self.addCleanup(shutil.rmtree, profile, True)
        with O.Office(profile) as office:
            doc = office.load(SEED)
            try:
                doc.storeToURL(O.file_url(os.path.join(folder, name)), O.props(**store))
            finally:
                doc.close(True)
        return os.path.join(folder, name)

    def assertFilledFile(self, folder, out):
        """The written workbook: 合计 88.48 and the grade 良."""
        profile = O.copy_profile(harness.template_profile())
        self.addCleanup(shutil.rmtree, profile, True)
        with O.Office(profile) as office:
            doc = office.load(os.path.join(folder, out))
            try:
                doc.calculateAll()
                a = doc.Sheets.getByName("附件1")
                self.assertAlmostEqual(a.getCellByPosition(SCORE, find_row(a, 0, "合   计")).getValue(), TOTAL, places=9)
                texts = [v for row in a.getCellRangeByPosition(0, 0, 12, 80).getDataArray() for v in row
                         if isinstance(v, str)]
                self.assertTrue(any(t == "良" or ("等级" in t and "良" in t) for t in texts), texts)
            finally:
                doc.close(True)

    def test_password_protected_file(self):
        # Fixed: it was refused as "文件已损坏"; now it says 受密码保护, at once (the office is told to
        # give up instead of asking; it never waits for a password).
        d = self.folder()
        for name, flt in (("加密.ods", "calc8"), ("加密.xls", "MS Excel 97")):
            with self.subTest(name):
                path = self.derived(d, name, FilterName=flt, Password="secret")
                before = read_bytes(path)
                p = self.cli(d, "fill", name, "-o", "out.ods")  # timeout: see cli()
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertIn(name, p.stderr)
                self.assertIn("受密码保护", p.stderr)
                self.assertChinese(p.stderr, "stderr")
                self.assertFalse(os.path.exists(os.path.join(d, "out.ods")))
                self.assertEqual(read_bytes(path), before)
        p = self.cli(d, "check", "加密.ods")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("受密码保护", p.stdout)

    def test_excel_97_copy(self):
        d = self.folder()
        path = self.derived(d, "部门.xls", FilterName="MS Excel 97")
        before = read_bytes(path)
        p = self.cli(d, "fill", "部门.xls", "-o", "填好.ods")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("88.48", p.stdout)
        self.assertEqual(read_bytes(path), before)
        self.assertFilledFile(d, "填好.ods")

    def test_fill_errors_from_the_cli_are_chinese(self):
        """An error value in a copy saved to disk, filled by the CLI: its message (if any) is Chinese."""
        d = self.folder()
        profile = O.copy_profile(harness.template_profile())
        self.addCleanup(shutil.rmtree, profile, True)
        tmp, work = working_copy(SEED, "jixiao-hostile-")
        self.addCleanup(shutil.rmtree, tmp, True)
        with O.Office(profile) as office:
            doc = office.load(work)
            try:
                s = doc.Sheets.getByName(INFO)
                s.getCellByPosition(2, find_row(s, 1, "部门整体监控得分")).setFormula("=1/0")
                doc.storeToURL(O.file_url(os.path.join(d, "错误值.ods")), O.props(FilterName="calc8"))
            finally:
                doc.close(True)
        before = read_bytes(os.path.join(d, "错误值.ods"))
        p = self.cli(d, "fill", "错误值.ods", "-o", "out.ods")
        self.assertIn(p.returncode, (0, 1), p.stdout + p.stderr)
        if p.returncode == 1:
            self.assertChinese(p.stderr, "stderr")
            self.assertIn(INFO, p.stderr)
        self.assertEqual(read_bytes(os.path.join(d, "错误值.ods")), before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
