# -*- coding: utf-8 -*-
"""Shared set-up for the integration tests: a private copy of the prepared profile (the built .oxt
installed by prepare_profile.py) and a headless office on it, stopped when the test class ends."""
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, HERE)

import office as O  # noqa: E402

SAMPLES = os.path.join(ROOT, "samples")


def template_profile():
    p = os.environ.get("JIXIAO_TEST_PROFILE")
    if not p or not os.path.isdir(p):
        raise unittest.SkipTest("JIXIAO_TEST_PROFILE is not set; run through ctest")
    return p


class OfficeTestCase(unittest.TestCase):
    office = None
    profile = None

    @classmethod
    def setUpClass(cls):
        cls.profile = O.copy_profile(template_profile())
        cls.office = O.Office(cls.profile)

    @classmethod
    def tearDownClass(cls):
        if cls.office is not None:
            cls.office.close()
        if cls.profile:
            shutil.rmtree(cls.profile, ignore_errors=True)


def find_row(sheet, col, text, rows=80):
    """The first row whose cell in `col` reads `text` (trimmed), or None."""
    for r in range(rows):
        if sheet.getCellByPosition(col, r).getString().strip() == text:
            return r
    return None


def assert_summary(test, doc, first_level, second_level, total, total_rate, grade):
    """评价结果 as the rules give it: each 一级指标 {name: (weight, score, rate)} and 二级指标
    {name: (weight, score)} row, 综合评分 with its rate, and 评价等级."""
    s = doc.Sheets.getByName("评价结果")
    for name, (w, score, rate) in first_level.items():
        r = find_row(s, 0, name)
        test.assertIsNotNone(r, name)
        test.assertAlmostEqual(s.getCellByPosition(1, r).getValue(), w, places=9, msg=name)
        test.assertAlmostEqual(s.getCellByPosition(2, r).getValue(), score, places=9, msg=name)
        test.assertEqual(s.getCellByPosition(3, r).getString(), "%.2f%%" % (rate * 100), name)
    for name, (w, score) in second_level.items():
        r = find_row(s, 0, name)
        test.assertIsNotNone(r, name)
        test.assertAlmostEqual(s.getCellByPosition(1, r).getValue(), w, places=9, msg=name)
        test.assertAlmostEqual(s.getCellByPosition(2, r).getValue(), score, places=9, msg=name)
    r = find_row(s, 0, "综合评分")
    test.assertAlmostEqual(s.getCellByPosition(2, r).getValue(), total, places=9)
    test.assertEqual(s.getCellByPosition(3, r).getString(), "%.2f%%" % (total_rate * 100))
    test.assertEqual(s.getCellByPosition(2, find_row(s, 0, "评价等级")).getString(), grade)


def working_copy(source, prefix="jixiao-"):
    """(folder, path): a copy of a sample in a new temporary folder (the caller removes it), so
    that a test never opens — nor leaves a lock file beside — the file in samples/."""
    tmp = tempfile.mkdtemp(prefix=prefix)
    work = os.path.join(tmp, "input" + os.path.splitext(source)[1])
    shutil.copyfile(source, work)
    return tmp, work


def cell_result(cell):
    """(kind, value): ('error', code), ('text', str) or ('number', float)."""
    from com.sun.star.table.CellContentType import TEXT
    err = cell.getError()
    if err:
        return ("error", err)
    if cell.getType() == TEXT:
        return ("text", cell.getString())
    # A formula cell: its result type decides.
    from com.sun.star.table.CellContentType import FORMULA
    if cell.getType() == FORMULA:
        from com.sun.star.sheet.FormulaResult import STRING
        if cell.FormulaResultType2 == STRING:
            return ("text", cell.getString())
    return ("number", cell.getValue())
