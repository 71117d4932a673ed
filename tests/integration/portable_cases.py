# -*- coding: utf-8 -*-
"""Random and boundary calls of every Jixiao function, for the portable differential
(test_portable.py): each case is one formula whose arguments sit in cells of their own (scalars in
its row of sheet 随机, ranges in a block of sheet 区域), so that the portable form reads the same cells
the add-in reads. The values mix what the rules are about (rates around 80%/90%/100%, thresholds,
weights), what exported tables carry (numeric text "1,234.56", "12.5%", dashes, blanks) and what is
wrong (negative budgets, zero targets, unknown words, mismatched ranges, text where a number belongs).

cases(rng, n) -> [(function, formula, scalars, blocks)] where scalars is a list of cell values for
columns B, C, … of the case's row and blocks a list of 2-D lists, each written at the case's own
place in 区域; values are float, str or None (blank). A formula refers to its cells as {0}, {1} …
(scalars) and [0], [1] … (blocks); make() turns that into references."""
import random

RATES = [0, 1, -1, 0.8, 0.9, 0.6, 0.5, 1.5, 2, 0.79999999, 0.80000001, 0.8000000001, 0.9138, 0.3662, 1e-12]
TEXT_NUMBERS = ["1,234.56", "12.5%", "-", "—", "/", "(1,234.56)", "１２３", "0", "", "1,23", "abc"]
METHODS = ["linear", "proportional", "线性", "比例", "达标", "threshold", "比例法", "达标法", "随便"]
TARGETS = ["≥95%", "≤5%", "不少于5场", "≥90", "100%", "达到预期", ">0", "<10", "=100%", "不低于80%",
           "≥95%-100%", "约95%", "不超过50万元", "以上", "≥0", "5次以上", "控制在10天以内", "１００％"]
UNITS = [None, "%", "场", "次", "万元", "元", "天", "个"]
GRADES = [None, "达成", "部分达成", "未达成", "优", "良", "中", "差", "好"]
LEVELS = ["优", "良", "中", "差", "好", "较好", "一般", "A", "B", "C", "D", "未知"]
MARKS = [True, False, "是", "否", "√", "×", "Y", "N", None, 0.5, 1, 0, 1.5, "也许"]


def number(rng, lo=-0.5, hi=2.5):
    r = rng.random()
    if r < 0.35:
        return rng.choice(RATES)
    if r < 0.45:
        return round(rng.uniform(0, 1e6), rng.choice((0, 2, 6)))
    return rng.uniform(lo, hi)


def weight(rng):
    return rng.choice([0, 1, 2, 3, 4, 5, 8, 10, 100, -1, 2.5, rng.uniform(0, 20)])


def maybe(rng, p, value):
    """value with probability p, else 'absent' (the optional argument left out)."""
    return value if rng.random() < p else ABSENT


ABSENT = object()


def range_value(rng):
    r = rng.random()
    if r < 0.6:
        return number(rng, -50, 500)
    if r < 0.75:
        return None
    return rng.choice(TEXT_NUMBERS)


def column(rng, n):
    return [[range_value(rng)] for _ in range(n)]


def bands(rng, kind):
    """A two-column band table."""
    n = rng.randint(1, 5)
    if kind == "fraction":      # lower bound; fraction 0–1
        rows = [[round(rng.uniform(0, 1.2), 2), rng.choice([0, 0.25, 0.5, 0.8, 1, 1.2, -0.1])] for _ in range(n)]
    elif kind == "factor":      # ratio up to (blank = above); factor
        rows = [[round(rng.uniform(1, 5), 1), round(rng.uniform(0.4, 1), 2)] for _ in range(n)]
        if rng.random() < 0.5:
            rows.append([None, 0.5])
    elif kind == "grade":       # lower bound; grade text
        rows = [[rng.choice([90, 80, 60, 70, 85, 0, 101]), rng.choice(["优", "良", "中", "差", "A"])] for _ in range(n)]
        if rng.random() < 0.3:
            rows.append([None, "差"])
    else:                       # level word; fraction
        rows = [[rng.choice(LEVELS), rng.choice([1, 0.8, 0.6, 0, "80%", 1.5])] for _ in range(n)]
    return rows


def cases(rng, per_function):
    out = []

    def add(fn, args):
        """args: list of ('s', value) scalars, ('b', rows) blocks, ('l', literal text) or ABSENT;
        trailing absent arguments are left out, inner ones are written empty."""
        while args and args[-1] is ABSENT:
            args.pop()
        scalars, blocks, parts = [], [], []
        for a in args:
            if a is ABSENT:
                parts.append("")
            elif a[0] == "s":
                parts.append("{%d}" % len(scalars))
                scalars.append(a[1])
            elif a[0] == "b":
                parts.append("[%d]" % len(blocks))
                blocks.append(a[1])
            else:
                parts.append(a[1])
        out.append((fn, fn + "(" + ";".join(parts) + ")", scalars, blocks))

    s = lambda v: ("s", v)  # noqa: E731
    b = lambda v: ("b", v)  # noqa: E731
    for _ in range(per_function):
        add("EXECUTION_RATE", [s(number(rng, -1, 1e4)), s(number(rng, -1, 1e4))])
        add("ITEM_ADJUSTMENT_RATE", [s(number(rng, -10, 1e4)), s(number(rng, -1e3, 1e3))])
        n = rng.randint(1, 8)
        m = n if rng.random() < 0.9 else n + 1
        add("ADJUSTMENT_RATE", [b(column(rng, n)), b(column(rng, m)), maybe(rng, 0.5, s(rng.choice([True, False]))),
                                maybe(rng, 0.3, s(number(rng, -10, 100)))])
        add("ADJUSTMENT_SUM", [b(column(rng, n)), b(column(rng, m)), maybe(rng, 0.5, s(rng.choice([True, False])))])
        add("AMOUNT_SUM", [b([[range_value(rng) for _ in range(rng.randint(1, 3))] for _ in range(rng.randint(1, 6))])])
        add("BUDGET_COMPLETION_SCORE", [s(number(rng)), s(weight(rng)), maybe(rng, 0.5, s(rng.choice([0.8, 0.6, 0, 1, 0.95, -0.1, 1.2]))),
                                        maybe(rng, 0.5, s(rng.choice(METHODS)))])
        add("ADJUSTMENT_SCORE", [s(number(rng)), s(weight(rng))])
        add("BALANCE_SCORE", [b(column(rng, rng.randint(1, 6))), s(weight(rng))])
        add("PROCUREMENT_SCORE", [s(number(rng, -5, 100)), s(number(rng, -5, 100)), s(weight(rng))])
        add("PUBLIC_FUNDS_SCORE", [s(number(rng, -5, 100)) for _ in range(4)] + [maybe(rng, 0.5, s(rng.choice([1, 0.5, 2, -1, 0])))])
        add("MONITORING_SCORE", [s(number(rng, -10, 150)), s(weight(rng)), maybe(rng, 0.5, s(rng.choice([100, 10, 0, -5, 5])))])
        add("FIXED_ASSET_SCORE", [s(number(rng, -5, 120)), s(number(rng, -5, 120)), s(weight(rng)),
                                  maybe(rng, 0.5, b(bands(rng, "fraction")))])
        add("TARGET_SCORE", [s(number(rng, -1, 3)), s(number(rng, -1, 3)), s(weight(rng)),
                             maybe(rng, 0.6, s(rng.choice(METHODS))), maybe(rng, 0.5, s(rng.choice([True, False])))])
        add("OVERACHIEVEMENT_FACTOR", [s(number(rng, -1, 8)), s(number(rng, -1, 3)), maybe(rng, 0.5, b(bands(rng, "factor")))])
        add("BAND_SCORE", [s(number(rng, -0.5, 1.5)), b(bands(rng, "fraction")), s(weight(rng)),
                           maybe(rng, 0.5, s(rng.choice([True, False])))])
        k = rng.randint(1, 6)
        add("CHECKLIST_SCORE", [b([[rng.choice([1, 2, 0.5, 0, -1, None, "2", "x"])] for _ in range(k)]),
                                b([[rng.choice(MARKS)] for _ in range(k if rng.random() < 0.9 else k + 1)])])
        add("LEVEL_SCORE", [s(rng.choice(LEVELS)), s(weight(rng)), maybe(rng, 0.4, b(bands(rng, "level")))])
        add("PERF_GRADE", [s(rng.choice([88.48, 90, 89.999, 80, 60, 59.99, 0, 100, 100.5, -1, rng.uniform(0, 100)])),
                           maybe(rng, 0.4, b(bands(rng, "grade")))])
        target = rng.choice(TARGETS + [number(rng, 0, 2)])
        actual = rng.choice([number(rng, -0.5, 2), number(rng, 0, 20), rng.choice(["96%", "达成", "5场", "-", None])])
        unit = rng.choice(UNITS)
        add("INDICATOR_SCORE", [s(actual), s(target), s(weight(rng)), maybe(rng, 0.6, s(rng.choice(METHODS[3:5] + ["proportional", "threshold", "x"]))),
                                maybe(rng, 0.6, s(unit)), maybe(rng, 0.4, s(rng.choice(GRADES))),
                                maybe(rng, 0.2, s(rng.choice([0.9, "80%", 0.5, 1.2, "0%"]))),
                                maybe(rng, 0.3, s(rng.choice([True, False, "是", "否"]))),
                                maybe(rng, 0.2, s(rng.choice(["80%/60%", "80%/50%", "80/50", "0.8;0.5", "60%/80%", "80%"])))])
        add("TARGET_VALUE", [s(target), maybe(rng, 0.6, s(unit))])
        add("TARGET_RATIO", [s(actual), s(target), maybe(rng, 0.6, s(unit))])
    return out
