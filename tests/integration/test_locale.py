# -*- coding: utf-8 -*-
"""The Function Wizard texts come in the UI language (zh-CN, en-US), while the function names stay
ASCII in every UI language, as Calc's own do: a formula typed as =EXECUTION_RATE(...) works in a
Chinese UI."""
import os
import re
import shutil
import tempfile
import unittest

import harness  # noqa: F401  (puts scripts/ on the path)
import office as O
from harness import ROOT, OfficeTestCase

IDL = ROOT + "/idl/org/jixiao/XFunctions.idl"


def idl_functions():
    with open(IDL, encoding="utf-8") as f:
        return re.findall(r"^\s*(?:double|string)\s+([A-Z_]+)\(", f.read(), re.M)


def has_cjk(s):
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


def descriptions(office):
    """name -> (description, [(argument name, argument description)]) for our functions."""
    fd = office.create("com.sun.star.sheet.FunctionDescriptions")
    out = {}
    for i in range(fd.getCount()):
        d = {p.Name: p.Value for p in fd.getByIndex(i)}
        out[d["Name"]] = (d["Description"], [(a.Name, a.Description) for a in (d.get("Arguments") or ())], d["Category"])
    return out


def fill_messages(office):
    """The fill's messages in this UI: on the seed sample without its 绩效目标表 and one 基础信息 row
    (problems), and on the whole sample (done)."""
    tmp = tempfile.mkdtemp(prefix="jixiao-locale-")
    try:
        path = os.path.join(tmp, "seed.ods")
        shutil.copyfile(os.path.join(ROOT, "samples", "seed-department.ods"), path)
        doc = office.load(path)
        done = O.run_job(office, "org.jixiao.Fill", doc)
        doc.close(True)
        doc = office.load(path)
        doc.Sheets.removeByName("绩效目标表")
        info = doc.Sheets.getByName("基础信息")
        for r in range(200):
            if info.getCellByPosition(1, r).getString() == "政府采购实际支出":
                info.getRows().removeByIndex(r, 1)
                break
        failed = O.run_job(office, "org.jixiao.Fill", doc)
        doc.close(True)
        return done, failed
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


SENTENCE_PUNCTUATION = re.compile("[，。；：、]")


class Locales(unittest.TestCase):
    def run_in(self, ui_locale):  # called on the class in setUpClass
        profile = O.copy_profile(harness.template_profile())
        try:
            with O.Office(profile) as office:
                O.set_config(office, "/org.openoffice.Office.Linguistic/General", "UILocale", ui_locale)
            with O.Office(profile) as office:
                descs = descriptions(office)
                doc = office.new_calc()
                cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
                cell.FormulaLocal = "=EXECUTION_RATE(1;4)"
                doc.calculateAll()
                result = (cell.getValue(), cell.getError(), cell.FormulaLocal, cell.getFormula())
                doc.close(True)
                messages = fill_messages(office)
            return descs, result, messages
        finally:
            import shutil
            shutil.rmtree(profile, ignore_errors=True)

    @classmethod
    def setUpClass(cls):
        cls.zh = cls.run_in(cls, "zh-CN")
        cls.en = cls.run_in(cls, "en-US")

    def test_every_function_described_in_both_languages(self):
        names = idl_functions()
        # every method of the IDL (each declares its exception): the pattern missed none
        with open(IDL, encoding="utf-8") as f:
            self.assertEqual(len(names), f.read().count("raises ("))
        zh, en = self.zh[0], self.en[0]
        for n in names:
            self.assertIn(n, zh, "%s missing from the Function Wizard in zh-CN" % n)
            self.assertIn(n, en, "%s missing from the Function Wizard in en-US" % n)
            (zdesc, zargs, _), (edesc, eargs, _) = zh[n], en[n]
            self.assertTrue(has_cjk(zdesc), "%s zh: %s" % (n, zdesc))
            self.assertTrue(edesc[:1].isascii() and edesc[:1].isalpha(), "%s en: %s" % (n, edesc))
            self.assertNotEqual(zdesc, edesc, n)
            self.assertEqual(len(zargs), len(eargs), n)
            self.assertTrue(zargs, n)
            for (zn, zd), (en_, ed) in zip(zargs, eargs):
                self.assertTrue(zn.strip() and zd.strip() and en_.strip() and ed.strip(), n)
                self.assertTrue(has_cjk(zd), "%s %s zh: %s" % (n, zn, zd))
                self.assertNotEqual(zd, ed, "%s %s" % (n, en_))
                self.assertTrue(en_.isascii(), "%s: English argument name %r" % (n, en_))

    def check_typed_name(self, result):
        value, err, local, api = result
        self.assertEqual(err, 0)
        self.assertEqual(value, 0.25)
        # The UI's own separator (";" or ","), the function's ASCII name.
        self.assertEqual(re.sub("[;,]", ";", local), "=EXECUTION_RATE(1;4)")
        self.assertEqual(api, "=ORG.JIXIAO.FUNCTIONS.EXECUTION_RATE(1;4)")

    def test_ascii_name_typed_in_chinese_ui(self):
        self.check_typed_name(self.zh[1])

    def test_ascii_name_typed_in_english_ui(self):
        self.check_typed_name(self.en[1])

    def test_fill_messages_in_the_ui_language(self):
        (zh_done, zh_failed), (en_done, en_failed) = self.zh[2], self.en[2]
        self.assertEqual(zh_done["Status"], "ok", zh_done["Message"])
        self.assertEqual(en_done["Status"], "ok", en_done["Message"])
        self.assertIn("已填写", zh_done["Message"])
        self.assertIn("filled", en_done["Message"])
        for res in (zh_failed, en_failed):
            self.assertEqual(res["Status"], "error")
        zh, en = zh_failed["Message"], en_failed["Message"]
        # Chinese: as before; English: the same problems, named the same way, in English sentences
        self.assertIn("缺少 绩效目标表", zh)
        self.assertIn("政府采购实际支出", zh)
        self.assertIn("Missing", en)
        self.assertIn("绩效目标表", en)           # sheet and label names stay as the workbook has them
        self.assertIn("政府采购实际支出", en)
        self.assertIn("政府采购执行率", en)
        self.assertEqual(zh.count("\n"), en.count("\n"), (zh, en))
        for line in en.splitlines():
            self.assertFalse(SENTENCE_PUNCTUATION.search(line), line)


if __name__ == "__main__":
    unittest.main(verbosity=2)
