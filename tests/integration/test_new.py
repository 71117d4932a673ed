# -*- coding: utf-8 -*-
"""A department that is not the seed, end to end in real headless LibreOffice with the built .oxt:
`jixiao new` writes the workbook (and refuses to overwrite one); the fill before the data are in
lists what is missing; once the data are typed in (over UNO) `jixiao fill` fills it, the total being
the sum of the scores; `jixiao template` adds a blank 附件1 from the workbook's own system, which the
fill then fills in place; the menu's dispatch URLs create a new document (leaving the current one
alone) and add the blank 附件1; a filled workbook opened without Jixiao shows #NAME?."""
import glob
import hashlib
import os
import shutil
import subprocess
import tempfile
import unittest

import harness
import office as O  # noqa: E402  (harness puts scripts/ on the path)
from harness import ROOT, OfficeTestCase

CLI = os.path.join(ROOT, "scripts", "jixiao")
OXT = os.environ.get("JIXIAO_OXT") or os.path.join(ROOT, "build", "jixiao.oxt")

TARGET = ("部门履职情况评价", "产出", "健康教育讲座场次", "≥12场", "场", 15, 50)


def find(sheet, text, rows=80, cols=20):
    for r in range(rows):
        for c in range(cols):
            if sheet.getCellByPosition(c, r).getString().strip() == text:
                return r, c
    return None


def type_data(doc):
    """What a department types into the new workbook: every 基础信息 value (by its 单位) with a
    reason, one project, the department table, one target worth the 50 points the default leaves."""
    b = doc.Sheets.getByName("基础信息")
    hr, label_col = find(b, "项目")
    cols = {b.getCellByPosition(c, hr).getString(): c for c in range(8)}
    r = hr + 1
    while b.getCellByPosition(label_col, r).getString():
        label = b.getCellByPosition(label_col, r).getString()
        unit = b.getCellByPosition(cols["单位"], r).getString()
        v = b.getCellByPosition(cols["数值"], r)
        if unit == "是/否":
            v.setString("是")
        elif unit == "判定":
            v.setValue(1)
        elif unit == "等级":
            v.setString("优")
        elif unit == "%":
            v.setValue(0.9)
        elif unit == "年":
            v.setValue(2023)
        elif unit == "分":
            v.setValue(85)
        elif unit in ("万元", "亿元", "元"):
            v.setValue(90 if ("实际" in label or "在用" in label) else 100)
        else:
            v.setString("某区卫生健康局")
        b.getCellByPosition(cols["来源及说明"], r).setString("测试数据：" + label)
        r += 1
    p = doc.Sheets.getByName("表1-6 项目支出")
    tr, _ = find(p, "合计")
    for c, v in enumerate([1, "公共卫生服务项目", 100, 10, 110, 99]):
        cell = p.getCellByPosition(c, tr + 1)
        cell.setString(v) if isinstance(v, str) else cell.setValue(v)
    d = doc.Sheets.getByName("表1-5 部门支出")
    for label, adjusted in (("人员经费", 300), ("日常公用经费", 50), ("项目支出", 110)):
        row, _ = find(d, label)
        for c, v in zip(range(2, 6), (adjusted, 0, adjusted, adjusted * 0.95)):
            d.getCellByPosition(c, row).setValue(v)
    t = doc.Sheets.getByName("绩效目标表")
    hr, _ = find(t, "三级指标")
    head = {t.getCellByPosition(c, hr).getString(): c for c in range(30)}
    for name, v in zip(("一级指标", "二级指标", "三级指标", "指标值", "度量单位", "实际完成值", "分值"), TARGET):
        cell = t.getCellByPosition(head[name], hr + 1)
        cell.setString(v) if isinstance(v, str) else cell.setValue(v)


def appendix_scores(doc, name="附件1"):
    """{三级指标: 评分 cell}, the 合计 cell."""
    a = doc.Sheets.getByName(name)
    hr, name_col = find(a, "三级指标")
    _, score_col = find(a, "评分")
    scores, r = {}, hr + 2  # under the 名称 / 权重(%) row
    while True:
        label = a.getCellByPosition(0, r).getString().strip()
        if label.replace(" ", "") == "合计":
            return scores, a.getCellByPosition(score_col, r)
        n = a.getCellByPosition(name_col, r).getString().strip()
        if n:
            scores[n] = a.getCellByPosition(score_col, r)
        r += 1
        if r > 200:
            raise AssertionError("no 合计 row in " + name)


class NewDepartment(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="jixiao-new-")
        # The CLI on a copy of the prepared profile, stamped with the .oxt it was made from (so the
        # CLI does not install it again).
        prof = O.copy_profile(harness.template_profile())
        with open(OXT, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        with open(os.path.join(prof, "jixiao-oxt.sha256"), "w") as f:
            f.write(digest)
        cls.cli_profile = prof
        cls.env = dict(os.environ, JIXIAO_PROFILE=prof, JIXIAO_OXT=OXT, LANG="zh_CN.UTF-8")
        cls.new = os.path.join(cls.tmp, "卫生健康局.ods")
        p = cls.run_cli("new", cls.new)
        assert p.returncode == 0, p.stdout + p.stderr
        # The department's data typed in over UNO, saved as data.ods.
        cls.data = os.path.join(cls.tmp, "data.ods")
        work = os.path.join(cls.tmp, "typing.ods")
        shutil.copyfile(cls.new, work)
        doc = cls.office.load(work)
        try:
            type_data(doc)
            doc.storeToURL(O.file_url(cls.data), O.props(FilterName="calc8"))
        finally:
            doc.close(True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)
        for d in [cls.cli_profile] + glob.glob(cls.cli_profile + "-run*") + glob.glob(cls.cli_profile + ".*.lock"):
            if os.path.isdir(d):
                shutil.rmtree(d, ignore_errors=True)
            elif os.path.exists(d):
                os.remove(d)
        super().tearDownClass()

    @classmethod
    def run_cli(cls, *args, lang=None):
        env = dict(cls.env, LANG=lang) if lang else cls.env
        env.pop("LC_ALL", None)
        env.pop("LC_MESSAGES", None)
        return subprocess.run([CLI, *args], env=env, capture_output=True, text=True, timeout=300)

    def open(self, path):
        doc = self.office.load(path)
        self.addCleanup(doc.close, True)
        doc.calculateAll()
        return doc

    # ---- jixiao new ----

    def test_new_workbook_sheets(self):
        doc = self.open(self.new)
        self.assertEqual(doc.Sheets.ElementNames, ("表1-6 项目支出", "表1-5 部门支出", "基础信息", "绩效目标表", "指标体系"))
        b = doc.Sheets.getByName("基础信息")
        hr, c = find(b, "项目")
        self.assertEqual([b.getCellByPosition(c + k, hr).getString() for k in range(4)], ["项目", "数值", "单位", "来源及说明"])
        labels = set()
        r = hr + 1
        while b.getCellByPosition(c, r).getString():
            labels.add(b.getCellByPosition(c, r).getString())
            self.assertEqual(b.getCellByPosition(c + 1, r).getType().value, "EMPTY", "values start empty")
            r += 1
        for l in ("政府采购实际支出", "存在资金分解", "预算编制合理性-1", "部门整体监控得分"):
            self.assertIn(l, labels)
        pct = find(b, "1-10月支出进度执行率")
        key = b.getCellByPosition(pct[1] + 1, pct[0]).NumberFormat  # a % typed as 0.9 shows 90.00%
        self.assertEqual(doc.NumberFormats.getByKey(key).FormatString, "0.00%")

    def test_new_refuses_to_overwrite_and_checks_the_name(self):
        out = os.path.join(self.tmp, "twice.xlsx")
        self.assertEqual(self.run_cli("new", out).returncode, 0)
        before = open(out, "rb").read()
        p = self.run_cli("new", out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("已存在", p.stderr)
        self.assertIn("--force", p.stderr)
        self.assertEqual(open(out, "rb").read(), before)
        p = self.run_cli("new", out, lang="en_US.UTF-8")
        self.assertEqual(p.returncode, 1)
        self.assertIn("exists", p.stderr)
        self.assertEqual(self.run_cli("new", out, "--force").returncode, 0)
        p = self.run_cli("new", os.path.join(self.tmp, "x.txt"))
        self.assertEqual(p.returncode, 2)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.txt")))

    def test_fill_before_the_data_lists_what_is_missing(self):
        out = os.path.join(self.tmp, "too-early.ods")
        p = self.run_cli("fill", self.new, "-o", out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        for needle in ("缺少", "绩效目标表", "表1-6 项目支出", "基础信息", "政府采购实际支出"):
            self.assertIn(needle, p.stderr)
        self.assertNotIn("/tmp", p.stderr, "a temp path in the message")
        self.assertFalse(os.path.exists(out))

    # ---- typed in, filled ----

    def test_filled_once_the_data_are_in(self):
        out = os.path.join(self.tmp, "filled.ods")
        p = self.run_cli("fill", self.data, "-o", out)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        doc = self.open(out)
        scores, total = appendix_scores(doc)
        self.assertEqual(len(scores), 16)  # the default's 15 and the department's target
        for n, cell in scores.items():
            self.assertEqual(cell.getError(), 0, n)
            self.assertTrue(cell.getFormula().startswith("=ROUND("), n)
        self.assertAlmostEqual(total.getValue(), sum(round(c.getValue(), 2) for c in scores.values()), places=9)
        self.assertAlmostEqual(scores["预算完成率"].getValue(), 6.00, places=9)  # 95% executed: (0.95-0.8)/0.2×8
        self.assertAlmostEqual(scores["健康教育讲座场次"].getValue(), 50.0, places=9)  # 15 ≥ 12 场
        self.assertGreater(total.getValue(), 80)

    # ---- the blank 附件1 ----

    def test_template_then_fill_in_place(self):
        tpl = os.path.join(self.tmp, "tpl.ods")
        before = open(self.data, "rb").read()
        p = self.run_cli("template", self.data, "-o", tpl)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(open(self.data, "rb").read(), before, "the input changed")
        doc = self.open(tpl)
        scores, total = appendix_scores(doc)
        self.assertEqual(len(scores), 16)
        self.assertIn("健康教育讲座场次", scores)
        for n, cell in scores.items():
            self.assertEqual(cell.getType().value, "EMPTY", n)
        self.assertEqual(total.getType().value, "EMPTY")
        a = doc.Sheets.getByName("附件1")
        r, c = find(a, "预算完成率")
        self.assertEqual(a.getCellByPosition(c + 1, r).getValue(), 8)
        self.assertTrue(a.getCellByPosition(c + 3, r).getString().startswith("本指标得分"))  # 评分标准
        gr, _ = find(a, "评价等级")
        self.assertEqual(a.getCellByPosition(8, gr).getString(), "", "no grade before there are scores")

        p = self.run_cli("template", tpl, "-o", os.path.join(self.tmp, "tpl2.ods"))
        self.assertEqual(p.returncode, 1)
        self.assertIn("已有附件1", p.stderr)

        filled = os.path.join(self.tmp, "tpl-filled.ods")
        p = self.run_cli("fill", tpl, "-o", filled)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("原表内填写", p.stdout)
        doc = self.open(filled)
        self.assertEqual([n for n in doc.Sheets.ElementNames if n.startswith("附件1")], ["附件1"])
        scores, total = appendix_scores(doc)
        self.assertAlmostEqual(total.getValue(), sum(round(c.getValue(), 2) for c in scores.values()), places=9)
        self.assertAlmostEqual(scores["预算完成率"].getValue(), 6.00, places=9)
        a = doc.Sheets.getByName("附件1")
        self.assertNotEqual(a.getCellByPosition(8, find(a, "评价等级")[0]).getString(), "")

    def test_template_refuses_a_workbook_without_targets(self):
        p = self.run_cli("template", self.new, "-o", os.path.join(self.tmp, "none.ods"))
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("绩效目标表", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "none.ods")))

    # ---- the menu ----

    def components(self):
        out, e = [], self.office.desktop.Components.createEnumeration()
        while e.hasMoreElements():
            out.append(e.nextElement())
        return out

    def test_menu_new_opens_a_new_document(self):
        doc = self.open(self.data)
        names = doc.Sheets.ElementNames
        before = self.components()
        helper = self.office.create("com.sun.star.frame.DispatchHelper")
        helper.executeDispatch(doc.CurrentController.Frame, "org.jixiao.calc:new", "", 0, ())
        created = [c for c in self.components() if not any(c == b for b in before)]
        self.assertEqual(len(created), 1)
        new = created[0]
        self.addCleanup(new.close, True)
        self.assertEqual(new.Sheets.ElementNames, ("表1-6 项目支出", "表1-5 部门支出", "基础信息", "绩效目标表", "指标体系"))
        self.assertFalse(new.UndoManager.isUndoPossible())
        self.assertEqual(doc.Sheets.ElementNames, names, "the current document changed")

    def test_menu_template_then_fill(self):
        doc = self.open(self.data)
        helper = self.office.create("com.sun.star.frame.DispatchHelper")
        frame = doc.CurrentController.Frame
        helper.executeDispatch(frame, "org.jixiao.calc:template", "", 0, ())
        self.assertIn("附件1", doc.Sheets.ElementNames)
        helper.executeDispatch(frame, "org.jixiao.calc:fill", "", 0, ())
        doc.calculateAll()
        self.assertEqual([n for n in doc.Sheets.ElementNames if n.startswith("附件1")], ["附件1"])
        scores, total = appendix_scores(doc)
        self.assertEqual(len(scores), 16)
        self.assertAlmostEqual(total.getValue(), sum(round(c.getValue(), 2) for c in scores.values()), places=9)

    # ---- without Jixiao ----

    def test_opened_without_jixiao_shows_name_error(self):
        out = os.path.join(self.tmp, "for-someone-else.ods")
        self.assertEqual(self.run_cli("fill", self.data, "-o", out).returncode, 0)
        bare = tempfile.mkdtemp(prefix="jixiao-bare-")
        try:
            with O.Office(bare) as office:  # a profile without the extension
                doc = office.load(out)
                try:
                    doc.calculateAll()
                    scores, _ = appendix_scores(doc)
                    cell = scores["预算完成率"]
                    self.assertEqual(cell.getError(), 525)  # #NAME?
                    self.assertEqual(cell.getString(), "#NAME?")
                finally:
                    doc.close(True)
        finally:
            shutil.rmtree(bare, ignore_errors=True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
