# -*- coding: utf-8 -*-
"""The portable save (issue 10): a filled workbook with every Jixiao call replaced by plain formulas,
stored as .xlsx and recalculated in a LibreOffice profile WITHOUT Jixiao installed.

- the seed sample (samples/seed-department.ods, the report's tables): every 评价结果 figure, 88.48
  and 良 (report, 附件1 总分) come out the same without the add-in; no ORG.JIXIAO in the file's XML;
  a changed 表1-5 合计 支出数 changes 预算完成率's score to what the add-in gives for that figure;
- every function (samples/functions-check.ods: random, boundary and bad inputs of every function):
  each formula cell equals the add-in's result to 1e-9, or is an error where the add-in gives one;
- random and boundary calls of every function (portable_cases.py; seed JIXIAO_SEED, default fixed,
  printed on failure): the same comparison;
- the 附件1 check's output (samples/seed-department-consultant.ods after org.jixiao.Check): every
  formula cell and every 核对结果 text the same; a changed 表1-5 figure moves 预算完成率's 重算评分 as
  the add-in does (结论 and 说明 are text written at the check and stay);
- the 自评表 (samples/selfeval-department.ods after org.jixiao.SelfEval): every formula cell the same,
  and a changed 全年执行数 in 项目资金表 moves that form's 执行率得分 and 总分 as the add-in does.
"""
import os
import shutil
import sys
import tempfile
import unittest
import zipfile

import harness as H
from harness import O
import portable_cases

EPS = 1e-9

# Functions of Excel 2007 that a portable copy may call (the fill's own formulas and the generators'):
# each is in Excel 2007, WPS and LibreOffice alike.
EXCEL_2007 = set("""ABS AND AVERAGE CHAR CHOOSE FALSE TRUE CONCATENATE COUNT COUNTA COUNTIF COUNTIFS EXACT FIND FIXED IF
    IFERROR INDEX INT ISBLANK ISERROR ISNUMBER ISTEXT LEFT LEN LOOKUP LOWER MATCH MAX MID MIN MOD N NA NOT OR
    REPT RIGHT ROUND ROUNDDOWN ROUNDUP SEARCH SUBSTITUTE SUM SUMIF SUMIFS SUMPRODUCT T TEXT TRIM UPPER
    VALUE""".split())


def snapshot(doc, sheets=None, jixiao_only=False):
    """{(sheet, row, col): ('error',) | ('text', s) | ('number', x)} for every formula cell (only the
    cells calling Jixiao with jixiao_only)."""
    from com.sun.star.table.CellContentType import FORMULA
    out = {}
    for s in doc.Sheets:
        if sheets and s.Name not in sheets:
            continue
        cur = s.createCursor()
        cur.gotoEndOfUsedArea(False)
        a = cur.RangeAddress
        for r in range(a.EndRow + 1):
            for c in range(a.EndColumn + 1):
                cell = s.getCellByPosition(c, r)
                if cell.getType() != FORMULA:
                    continue
                if jixiao_only and "ORG.JIXIAO." not in cell.getFormula().upper():
                    continue
                kind, value = H.cell_result(cell)
                out[(s.Name, r, c)] = ("error",) if kind == "error" else (kind, value)
    return out


def same(a, b):
    if a[0] == "error" or b[0] == "error":
        return a[0] == b[0]
    if a[0] == "number" and b[0] == "number":
        return abs(a[1] - b[1]) <= EPS * max(1.0, abs(a[1]))
    return a == b


def merged_cells(path):
    """{sheet name: sorted merged ranges} read from an .xlsx's XML (<mergeCell ref="A1:B2"/>)."""
    import re
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode("utf-8")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
        target = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
        target.update({k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
        out = {}
        for name, rid in re.findall(r'<sheet name="([^"]+)"[^>]*r:id="([^"]+)"', book):
            xml = z.read("xl/" + target[rid].lstrip("/").replace("xl/", "", 1)).decode("utf-8")
            out[name] = sorted(re.findall(r'<mergeCell ref="([^"]+)"', xml))
        return out


def layout(doc, skip=("通用格式说明", "计算底稿")):
    """What a recipient sees besides the values and merges: per sheet, each non-empty cell's number
    format, column widths, comments (cell, text) and charts."""
    out = {}
    formats = doc.NumberFormats
    for s in doc.Sheets:
        if s.Name in skip:
            continue
        cur = s.createCursor()
        cur.gotoEndOfUsedArea(False)
        a = cur.RangeAddress
        fmt = {}
        rows, cols = min(a.EndRow, 300), min(a.EndColumn, 40)
        block = s.getCellRangeByPosition(0, 0, cols, rows)
        data = block.getDataArray()
        for r in range(rows + 1):
            for c in range(cols + 1):
                if data[r][c] != "":
                    fmt[(r, c)] = formats.getByKey(s.getCellByPosition(c, r).NumberFormat).FormatString
        notes = sorted(((n.Position.Row, n.Position.Column), n.String) for n in s.Annotations)
        widths = [s.Columns.getByIndex(c).Width for c in range(cols + 1)]
        out[s.Name] = {"formats": fmt, "notes": notes, "widths": widths, "charts": len(s.Charts.ElementNames)}
    return out

class PortableTest(H.OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="jixiao-portable-")
        # A profile without Jixiao: the recipient's office.
        cls.clean = O.Office(os.path.join(cls.tmp, "clean-profile"))

    @classmethod
    def tearDownClass(cls):
        cls.clean.close()
        super().tearDownClass()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def convert(self, source, fill=True, jixiao_only=False, job="org.jixiao.Fill"):
        """(add-in snapshot, path of the portable .xlsx) for a copy of `source` (after `job` when fill)."""
        work = os.path.join(self.tmp, "in-" + os.path.basename(source))
        shutil.copyfile(source, work)
        doc = self.office.load(work)
        try:
            if fill:
                r = O.run_job(self.office, job, doc, "zh")
                self.assertIn(r["Status"], ("ok", "differ"), r["Message"])
            out = os.path.join(self.tmp, os.path.splitext(os.path.basename(source))[0] + "-portable.xlsx")
            before = self.portable(doc, out, jixiao_only)
        finally:
            doc.close(True)
        return before, out

    def portable(self, doc, out, jixiao_only=False):
        """Recalculates doc, snapshots it, runs org.jixiao.Portable and stores it as .xlsx at out."""
        doc.calculateAll()
        before = snapshot(doc, jixiao_only=jixiao_only)
        r = O.run_job(self.office, "org.jixiao.Portable", doc, "zh")
        self.assertEqual(r["Status"], "ok", r["Message"])
        doc.storeToURL(O.file_url(out), O.props(FilterName="Calc MS Excel 2007 XML"))
        return before

    def recalculated(self, path, excel_only=True):
        """The snapshot of a portable file opened and recalculated in the profile without Jixiao."""
        self.assertNoJixiao(path, excel_only)
        doc = self.clean.load(path)
        try:
            doc.calculateAll()
            return snapshot(doc)
        finally:
            doc.close(True)

    def assertSameCells(self, before, after, describe=lambda key: ""):
        missing = [k for k in before if k not in after]
        self.assertEqual(missing[:20], [], "%d formula cells lost" % len(missing))
        bad = ["%s%s: add-in %r, portable %r" % (k, describe(k), v, after[k])
               for k, v in before.items() if not same(v, after[k])]
        self.maxDiff = None
        self.assertEqual(bad[:40], [], "%d of %d cells differ" % (len(bad), len(before)))

    def assertNoJixiao(self, path, excel_only=True):
        """No org.jixiao anywhere in the file, and every function its formulas call is one of Excel
        2007's (no _xlfn. prefix: nothing that Excel 2010 or WPS could lack)."""
        import re
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".xml") or name.endswith(".rels"):
                    self.assertNotIn(b"ORG.JIXIAO", z.read(name).upper(), name)
                if excel_only and name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    xml = z.read(name).decode("utf-8")
                    for f in re.findall(r"<f[^>]*>([^<]*)</f>", xml):
                        f = re.sub(r"&quot;.*?&quot;", "", f)  # string literals
                        unknown = set(re.findall(r"([A-Za-z_][A-Za-z0-9_.]*)\(", f)) - EXCEL_2007
                        self.assertEqual(unknown, set(), "%s: %s" % (name, f[:200]))

    def test_seed_sample_without_jixiao(self):
        before, out = self.convert(os.path.join(H.SAMPLES, "seed-department.ods"))
        self.assertNoJixiao(out)
        doc = self.clean.load(out)
        try:
            doc.calculateAll()
            after = snapshot(doc)
            for key, value in before.items():
                if key[0] in ("附件1", "评价结果", "绩效目标表", "计算底稿"):
                    self.assertIn(key, after)
                    self.assertTrue(same(value, after[key]), "%s: add-in %r, portable %r" % (key, value, after[key]))
            s = doc.Sheets.getByName("评价结果")
            total = s.getCellByPosition(2, H.find_row(s, 0, "综合评分")).getValue()
            self.assertAlmostEqual(total, 88.48, places=9)  # report, 附件1 总分
            self.assertEqual(s.getCellByPosition(2, H.find_row(s, 0, "评价等级")).getString(), "良")
        finally:
            doc.close(True)

    def test_changed_figure_follows(self):
        """表1-5 合计 支出数 changed in the Jixiao-free profile: 预算完成率's score is what the add-in gives."""
        _, out = self.convert(os.path.join(H.SAMPLES, "seed-department.ods"))
        sheet_name = "表1-5 部门支出"

        def score_after_change(office, path, new_actual):
            doc = office.load(path)
            try:
                t = doc.Sheets.getByName(sheet_name)
                r = H.find_row(t, 0, "合计") or H.find_row(t, 1, "合计")
                self.assertIsNotNone(r)
                budget = t.getCellByPosition(5, r).getValue()
                t.getCellByPosition(6, r).setValue(budget * new_actual)
                doc.calculateAll()
                a = doc.Sheets.getByName("附件1")
                for row in range(80):
                    if any(a.getCellByPosition(c, row).getString().strip() == "预算完成率" for c in range(8)):
                        # the score, and the texts beside it (评分依据, 专家意见 quoting the rate)
                        return a.getCellByPosition(8, row).getValue(), \
                            "|".join(a.getCellByPosition(c, row).getString() for c in range(9, 13))
                self.fail("no 预算完成率 row")
            finally:
                doc.close(True)

        # The add-in's score for the same change, in the Jixiao profile on the filled .ods.
        work = os.path.join(self.tmp, "filled.ods")
        shutil.copyfile(os.path.join(H.SAMPLES, "seed-department.ods"), work)
        doc = self.office.load(work)
        r = O.run_job(self.office, "org.jixiao.Fill", doc, "zh")
        self.assertEqual(r["Status"], "ok")
        doc.store()
        doc.close(True)
        for rate in (0.93, 0.85, 0.7):
            expected, expected_text = score_after_change(self.office, work, rate)
            got, got_text = score_after_change(self.clean, out, rate)
            self.assertAlmostEqual(got, expected, places=9, msg="rate %s" % rate)
            self.assertEqual(got_text, expected_text, "rate %s: the texts quoting the figures" % rate)
            self.assertIn("%.2f%%" % (rate * 100), got_text)  # 专家意见 quotes the new 预算完成率
        self.assertNotAlmostEqual(score_after_change(self.clean, out, 0.93)[0], score_after_change(self.clean, out, 0.85)[0])


    def test_copy_keeps_layout_and_says_who_made_it(self):
        """Filled (seed) and checked (consultant) workbooks: the portable .xlsx, opened without Jixiao,
        has the same merged cells, number formats, column widths, comments and charts as the add-in's
        own .xlsx of the same document, the same cached values before any recalculation, and a
        通用格式说明 naming Jixiao and its version."""
        for source, job in (("seed-department.ods", "org.jixiao.Fill"), ("seed-department-consultant.ods", "org.jixiao.Check")):
            work = os.path.join(self.tmp, "layout-" + source)
            shutil.copyfile(os.path.join(H.SAMPLES, source), work)
            plain, port = work[:-4] + "-addin.xlsx", work[:-4] + "-portable.xlsx"
            doc = self.office.load(work)
            try:
                r = O.run_job(self.office, job, doc, "zh")
                self.assertIn(r["Status"], ("ok", "differ"), r["Message"])
                doc.calculateAll()
                doc.storeToURL(O.file_url(plain), O.props(FilterName="Calc MS Excel 2007 XML"))
                cached = snapshot(doc, jixiao_only=True)
                self.portable(doc, port)
            finally:
                doc.close(True)
            self.assertNoJixiao(port)
            got = {}
            for path in (plain, port):
                d = self.clean.load(path)
                try:
                    got[path] = layout(d)
                    if path == port:
                        values = snapshot(d)  # as stored: no recalculation yet
                        note = d.Sheets.getByName("通用格式说明")
                        title, made = note.getCellByPosition(0, 0).getString(), note.getCellByPosition(0, 1).getString()
                finally:
                    d.close(True)
            self.assertEqual(sorted(got[plain]), sorted(got[port]), source)
            merged = {p: {k: v for k, v in merged_cells(p).items() if k not in ("通用格式说明", "计算底稿")}
                      for p in (plain, port)}
            self.assertEqual(merged[plain], merged[port], "%s: merged cells" % source)
            for name in got[plain]:
                for what in ("formats", "notes", "widths", "charts"):
                    self.assertEqual(got[plain][name][what], got[port][name][what], "%s %s: %s" % (source, name, what))
            bad = [k for k, v in cached.items() if not same(v, values.get(k, ("missing",)))]
            self.assertEqual(bad[:20], [], "%s: cached values differ" % source)
            self.assertEqual(title, "通用格式副本说明")
            self.assertIn("Jixiao", made)
            self.assertRegex(made, r"\d+\.\d+")  # the version
            if job == "org.jixiao.Fill":
                self.assertGreaterEqual(got[port]["评价结果"]["charts"], 1)
                self.assertTrue(merged[port]["附件1"], "附件1 has merged cells")
            else:
                self.assertTrue(got[port]["附件1"]["notes"], "the check's comments in 附件1")

    def edited(self, office, path, edits, reads):
        """[values of reads] after setting edits {(sheet, row, col): number} in path, recalculated."""
        doc = office.load(path)
        try:
            for (sheet, r, c), v in edits.items():
                doc.Sheets.getByName(sheet).getCellByPosition(c, r).setValue(v)
            doc.calculateAll()
            out = []
            for sheet, r, c in reads:
                kind, value = H.cell_result(doc.Sheets.getByName(sheet).getCellByPosition(c, r))
                out.append(("error",) if kind == "error" else (kind, value))
            return out
        finally:
            doc.close(True)

    def with_addin(self, source, job):
        """source after job in the Jixiao profile, stored as .ods (the add-in's side of a comparison)."""
        work = os.path.join(self.tmp, "addin-" + os.path.basename(source))
        shutil.copyfile(source, work)
        doc = self.office.load(work)
        try:
            r = O.run_job(self.office, job, doc, "zh")
            self.assertIn(r["Status"], ("ok", "differ"), r["Message"])
            doc.store()
        finally:
            doc.close(True)
        return work

    def assertFollows(self, addin_path, portable_path, changes, reads):
        """For each edit set in changes: the portable file gives what the add-in gives, and the
        results differ between the edit sets (the cells really follow)."""
        seen = []
        for edits in changes:
            expected = self.edited(self.office, addin_path, edits, reads)
            got = self.edited(self.clean, portable_path, edits, reads)
            for e, g, where in zip(expected, got, reads):
                self.assertTrue(same(e, g), "%s after %s: add-in %r, portable %r" % (where, edits, e, g))
            seen.append(got)
        self.assertGreater(len({repr(x) for x in seen}), 1, "the cells did not follow the edits")

    def test_check_output_without_jixiao(self):
        source = os.path.join(H.SAMPLES, "seed-department-consultant.ods")
        before, out = self.convert(source, job="org.jixiao.Check")
        self.assertTrue(any(k[0] == "核对结果" for k in before))
        self.assertSameCells(before, self.recalculated(out))
        # the texts of 核对结果 (结论, 说明, the printed scores) are kept as written
        addin = self.with_addin(source, "org.jixiao.Check")
        texts = {}
        for path, office in ((addin, self.office), (out, self.clean)):
            doc = office.load(path)
            try:
                s = doc.Sheets.getByName("核对结果")
                texts[path] = [[s.getCellByPosition(c, r).getString() for c in range(6)] for r in range(160)]
                if path == out:
                    row = H.find_row(s, 0, "预算完成率")
                    self.assertIsNotNone(row)
                    self.assertEqual(s.getCellByPosition(4, row).getString(), "一致")
            finally:
                doc.close(True)
        self.assertEqual(texts[addin], texts[out])
        # a changed 表1-5 合计 支出数: 预算完成率's 重算评分 (column C) and 差异 (D) follow
        doc = self.clean.load(out)
        try:
            t = doc.Sheets.getByName("表1-5 部门支出")
            r = H.find_row(t, 0, "合计") if H.find_row(t, 0, "合计") is not None else H.find_row(t, 1, "合计")
            self.assertIsNotNone(r)
            budget = t.getCellByPosition(5, r).getValue()
            row = H.find_row(doc.Sheets.getByName("核对结果"), 0, "预算完成率")
        finally:
            doc.close(True)
        reads = [("核对结果", row, 2), ("核对结果", row, 3)]
        self.assertFollows(addin, out, [{("表1-5 部门支出", r, 6): budget * k} for k in (0.93, 0.8, 0.6)], reads)

    def test_selfeval_without_jixiao(self):
        source = os.path.join(H.SAMPLES, "selfeval-department.ods")
        before, out = self.convert(source, job="org.jixiao.SelfEval")
        self.assertGreater(len(before), 100)
        self.assertSameCells(before, self.recalculated(out))
        # 全年执行数 of the first project changed: its form's 执行率, 执行率得分 and 总分, and 自评汇总
        addin = self.with_addin(source, "org.jixiao.SelfEval")
        doc = self.clean.load(out)
        try:
            money = doc.Sheets.getByName("项目资金表")
            head = H.find_row(money, 0, "项目名称")
            self.assertIsNotNone(head)
            cols = {money.getCellByPosition(c, head).getString(): c for c in range(12)}
            first = money.getCellByPosition(0, head + 1).getString()
            budget = money.getCellByPosition(cols["全年预算数"], head + 1).getValue()
            form = doc.Sheets.getByName(first)
            fr = H.find_row(form, 1, "年度资金总额")
            tr = H.find_row(form, 0, "总分")
            self.assertIsNotNone(fr)
            self.assertIsNotNone(tr)
        finally:
            doc.close(True)
        reads = [(first, fr, 6), (first, fr, 7), (first, tr, 7), ("自评汇总", 1, 6), ("自评汇总", 1, 7)]
        where = ("项目资金表", head + 1, cols["全年执行数"])
        self.assertFollows(addin, out, [{where: budget * k} for k in (0.97, 0.75, 0.4, 1.2)], reads)

    def test_every_function_differential(self):
        """Every cell of functions-check.ods that calls a Jixiao function. Its 检查 column also tests
        the add-in's error code (Err:502); the portable form gives #N/A there, an error all the same,
        so only the function cells are compared."""
        before, out = self.convert(os.path.join(H.SAMPLES, "functions-check.ods"), fill=False, jixiao_only=True)
        self.assertGreater(len(before), 200)
        # (its 检查 column calls ERRORTYPE, which only LibreOffice has: the workbook's, not Jixiao's)
        self.assertSameCells(before, self.recalculated(out, excel_only=False))

    def test_random_calls_differential(self):
        """Random and boundary calls of every function, arguments in cells: add-in = portable."""
        import random
        seed = int(os.environ.get("JIXIAO_SEED", "20261204"))
        rng = random.Random(seed)
        cases = portable_cases.cases(rng, int(os.environ.get("JIXIAO_CASES", "25")))
        doc = self.office.new_calc()
        formulas = {}
        try:
            sheets = doc.Sheets
            sheets.getByIndex(0).Name = "随机"
            sheets.insertNewByName("区域", 1)
            main, blocks = sheets.getByName("随机"), sheets.getByName("区域")

            def put(cell, v):
                if v is None:
                    return
                if isinstance(v, bool):
                    cell.setFormula("=TRUE()" if v else "=FALSE()")
                elif isinstance(v, (int, float)):
                    cell.setValue(v)
                else:
                    cell.setString(v)

            def col(c):
                return chr(ord("A") + c) if c < 26 else "A" + chr(ord("A") + c - 26)

            top = 0
            for i, (fn, text, scalars, areas) in enumerate(cases):
                for k, v in enumerate(scalars):
                    put(main.getCellByPosition(1 + k, i), v)
                    text = text.replace("{%d}" % k, "$随机.$%s$%d" % (col(1 + k), i + 1))
                height = max([len(a) for a in areas] or [0])
                for j, a in enumerate(areas):
                    for r, row in enumerate(a):
                        for c, v in enumerate(row):
                            put(blocks.getCellByPosition(4 * j + c, top + r), v)
                    text = text.replace("[%d]" % j, "$区域.$%s$%d:$%s$%d" % (
                        col(4 * j), top + 1, col(4 * j + len(a[0]) - 1), top + len(a)))
                top += height + 1
                main.getCellByPosition(0, i).setFormula("=" + text)
                formulas[("随机", i, 0)] = "%s with %r %r" % (text, scalars, areas)
            out = os.path.join(self.tmp, "random-portable.xlsx")
            before = self.portable(doc, out, jixiao_only=True)
        finally:
            doc.close(True)
        self.assertEqual(len(before), len(cases))
        kinds = {v[0] for v in before.values()}
        self.assertEqual(kinds & {"number", "error"}, {"number", "error"})  # both paths exercised
        self.assertSameCells(before, self.recalculated(out),
                             lambda k: " [seed %d] %s" % (seed, formulas.get(k, "")))

if __name__ == "__main__":
    unittest.main(verbosity=2)
