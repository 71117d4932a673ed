# -*- coding: utf-8 -*-
"""Every Jixiao function evaluated in real headless Calc from the installed .oxt, through the
self-checking workbook samples/functions-check.ods (seed figures with their sources, rule variants,
and bad inputs)."""
import math
import os
import re
import unittest

from harness import ROOT, SAMPLES, OfficeTestCase, cell_result

WORKBOOK = os.path.join(SAMPLES, "functions-check.ods")
IDL = os.path.join(ROOT, "idl", "org", "jixiao", "XFunctions.idl")
ERROR_NAMES = {"#VALUE!": 519, "#DIV/0!": 532}


def idl_functions():
    with open(IDL, encoding="utf-8") as f:
        text = f.read()
    return set(re.findall(r"^\s*(?:double|string)\s+([A-Z_]+)\(", text, re.M))


class FunctionsWorkbook(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.doc = cls.office.load(WORKBOOK)
        cls.doc.calculateAll()
        sh = cls.doc.Sheets.getByName("检查")
        cls.rows = []
        r = 1
        while sh.getCellByPosition(0, r).getString():
            cls.rows.append({
                "row": r + 1,
                "function": sh.getCellByPosition(1, r).getString(),
                "source": sh.getCellByPosition(2, r).getString(),
                "cell": sh.getCellByPosition(4, r),
                "expected": sh.getCellByPosition(5, r),
                "tol": sh.getCellByPosition(6, r),
                "pass": sh.getCellByPosition(7, r),
            })
            r += 1
        cls.sheet = sh

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)
        super().tearDownClass()

    def test_every_row_matches_expected(self):
        failures = []
        for row in self.rows:
            kind, value = cell_result(row["cell"])
            exp = row["expected"]
            exp_text = exp.getString()
            if exp_text.startswith("Err:") or exp_text in ERROR_NAMES:
                want = int(exp_text[4:]) if exp_text.startswith("Err:") else ERROR_NAMES[exp_text]
                ok = kind == "error" and value == want
            elif exp.getType().value == "TEXT":
                ok = kind == "text" and value == exp_text
            else:
                tol = row["tol"].getValue()
                ok = kind == "number" and math.isfinite(value) and abs(value - exp.getValue()) <= tol
            if not ok:
                failures.append("row %d %s (%s): got %s %r, expected %s" % (
                    row["row"], row["function"], row["source"], kind, value, exp_text or exp.getValue()))
        self.assertEqual(failures, [], "\n".join(failures))
        self.assertGreater(len(self.rows), 100)

    def test_sheet_self_check_agrees(self):
        # The workbook's own PASS column and summary cell say the same as the test above.
        self.assertTrue(all(r["pass"].getValue() == 1 for r in self.rows))
        self.assertEqual(self.sheet.getCellByPosition(10, 0).getValue(), 1)

    def test_every_function_called_with_good_and_bad_input(self):
        good, bad = set(), set()
        for row in self.rows:
            kind, _ = cell_result(row["cell"])
            (bad if kind == "error" else good).add(row["function"])
        wanted = idl_functions()
        # every method of the IDL (each declares its exception): the pattern missed none
        with open(IDL, encoding="utf-8") as f:
            self.assertEqual(len(wanted), f.read().count("raises ("))
        self.assertEqual(wanted - good, set(), "functions never called with valid input")
        self.assertEqual(wanted - bad, set(), "functions never called with bad input")

    def test_formulas_are_stored_under_the_permanent_names(self):
        for row in self.rows:
            f = row["cell"].getFormula()
            self.assertIn("ORG.JIXIAO.FUNCTIONS." + row["function"], f)

    def test_exported_text_inputs_really_are_text(self):
        from com.sun.star.table.CellContentType import TEXT
        s = self.doc.Sheets.getByName("输入样式")
        for addr in ("A2", "A3", "A4", "A6", "B2", "B3", "B6", "C2", "D2", "E2"):
            self.assertEqual(s.getCellRangeByName(addr).getType(), TEXT, addr)

    def test_target_sheet_inputs_are_as_departments_type_them(self):
        from com.sun.star.table.CellContentType import EMPTY, TEXT
        g = self.doc.Sheets.getByName("目标")
        for addr in ("A2", "C2", "C4", "A7", "A11", "F5", "G6", "J3"):
            self.assertEqual(g.getCellRangeByName(addr).getType(), TEXT, addr)
        for addr in ("D2", "E2", "F2", "G2", "H2", "I5"):  # blank optional cells really are empty
            self.assertEqual(g.getCellRangeByName(addr).getType(), EMPTY, addr)
        self.assertTrue(g.getCellRangeByName("C10").getError())

    def test_seed_rows_cite_their_source(self):
        for row in self.rows:
            self.assertTrue(row["source"].strip(), "row %d has no source" % row["row"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
