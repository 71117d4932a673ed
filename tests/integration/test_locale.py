# -*- coding: utf-8 -*-
"""The Function Wizard texts come in the UI language (zh-CN, en-US), while the function names stay
ASCII in every UI language, as Calc's own do: a formula typed as =EXECUTION_RATE(...) works in a
Chinese UI."""
import re
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
            return descs, result
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


if __name__ == "__main__":
    unittest.main(verbosity=2)
