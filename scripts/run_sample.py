# -*- coding: utf-8 -*-
"""Installs the built extension into a private profile and evaluates a sample workbook headless,
printing each check's result. Usage:
    /usr/bin/python3 scripts/run_sample.py JIXIAO_OXT PROFILE_DIR WORKBOOK.ods
Exit status 0 when every check passes."""
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import office as O  # noqa: E402


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def cut(s, n):
    out, w = "", 0
    for c in s:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > n:
            return out + "…" + " " * (n - w - 1)
        out, w = out + c, w + cw
    return out + " " * (n - w)


def main(oxt, profile, workbook):
    O.make_profile(oxt, profile)
    failed = 0
    with O.Office(profile) as office:
        doc = office.load(workbook)
        doc.calculateAll()
        sh = doc.Sheets.getByName("检查")
        print("%s  %s  %s  %s  %s" % (cut("#", 4), cut("function", 24), cut("result", 14), cut("expected", 14), "source"))
        r = 1
        while sh.getCellByPosition(0, r).getString():
            fn = sh.getCellByPosition(1, r).getString()
            src = sh.getCellByPosition(2, r).getString()
            res = sh.getCellByPosition(4, r)
            exp = sh.getCellByPosition(5, r).getString()
            ok = sh.getCellByPosition(7, r).getValue() == 1
            failed += not ok
            shown = res.getString()
            print("%s  %s  %s  %s  %s%s" % (cut(str(r), 4), cut(fn, 24), cut(shown, 14), cut(exp, 14),
                                           "" if ok else "FAIL  ", src))
            r += 1
        total = r - 1
        doc.close(True)
    print("\n%d checks, %d passed, %d failed" % (total, total - failed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
