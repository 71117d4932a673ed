# -*- coding: utf-8 -*-
"""A workbook that calls Jixiao functions survives save-as .ods and .xlsx and reopening: same
values, same errors, formulas still calling the add-in by its permanent names."""
import os
import shutil
import tempfile
import unittest
import zipfile

from harness import SAMPLES, OfficeTestCase, cell_result
import office as O  # noqa: E402  (harness puts scripts/ on the path)

WORKBOOK = os.path.join(SAMPLES, "functions-check.ods")


def results(doc):
    sh = doc.Sheets.getByName("检查")
    out = []
    r = 1
    while sh.getCellByPosition(0, r).getString():
        out.append(cell_result(sh.getCellByPosition(4, r)))
        r += 1
    return out


class RoundTrip(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="jixiao-roundtrip-")
        doc = cls.office.load(WORKBOOK)
        doc.calculateAll()
        cls.original = results(doc)
        cls.files = {}
        for ext, flt in (("ods", "calc8"), ("xlsx", "Calc MS Excel 2007 XML")):
            path = os.path.join(cls.tmp, "saved." + ext)
            doc.storeToURL(O.file_url(path), O.props(FilterName=flt))
            cls.files[ext] = path
        doc.close(True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)
        super().tearDownClass()

    def reopen(self, ext):
        doc = self.office.load(self.files[ext])
        try:
            doc.calculateAll()
            return results(doc), doc.Sheets.getByName("检查").getCellByPosition(4, 1).getFormula()
        finally:
            doc.close(True)

    def assertSameResults(self, got):
        self.assertEqual(len(got), len(self.original))
        for i, (a, b) in enumerate(zip(self.original, got)):
            self.assertEqual(a[0], b[0], "row %d: %r became %r" % (i + 2, a, b))
            if a[0] == "number":
                self.assertAlmostEqual(a[1], b[1], delta=1e-12, msg="row %d" % (i + 2))
            else:
                self.assertEqual(a[1], b[1], "row %d" % (i + 2))

    def test_ods(self):
        got, formula = self.reopen("ods")
        self.assertSameResults(got)
        self.assertIn("ORG.JIXIAO.FUNCTIONS.", formula)

    def test_xlsx(self):
        got, formula = self.reopen("xlsx")
        self.assertSameResults(got)
        self.assertIn("ORG.JIXIAO.FUNCTIONS.", formula)

    def test_stored_names_in_files(self):
        with zipfile.ZipFile(self.files["ods"]) as z:
            content = z.read("content.xml").decode("utf-8")
        self.assertIn("ORG.JIXIAO.FUNCTIONS.BUDGET_COMPLETION_SCORE", content)
        with zipfile.ZipFile(self.files["xlsx"]) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        self.assertIn("ORG.JIXIAO.FUNCTIONS.BUDGET_COMPLETION_SCORE", sheet)


if __name__ == "__main__":
    unittest.main(verbosity=2)
