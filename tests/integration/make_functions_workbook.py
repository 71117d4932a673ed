# -*- coding: utf-8 -*-
"""Builds samples/functions-check.ods: a self-checking workbook that calls every Jixiao function.

Sheet 检查 has one row per check: the function, where the figure comes from (the seed report's
table or indicator, or the rule being exercised), the formula text, its live result, the expected
value (or expected error), and a PASS cell computed by the sheet itself. Sheet 数据 holds 表1-6 and
表1-5 as printed; sheet 输入样式 holds inputs as exported tables carry them.

Run: /usr/bin/python3 tests/integration/make_functions_workbook.py PROFILE_DIR [OUT.ods]
(PROFILE_DIR: a profile with the extension installed; see scripts/office.py make_profile).
The tests (tests/integration/test_functions.py) open the committed workbook; rerun this script
after changing the checks and commit the result."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, os.path.join(ROOT, "samples", "src"))

import office as O  # noqa: E402
from seed_tables import TABLE_1_5, TABLE_1_6, TABLE_1_6_TOTAL  # noqa: E402

ERR_ILLEGAL = 502   # IllegalArgumentException -> Err:502
ERR_VALUE = 519     # #VALUE!
ERR_DIV0 = 532      # #DIV/0!

P = "$数据."  # data sheet prefix in formulas
Q = "$目标."  # the 绩效目标表-like sheet and the band tables


def checks():
    """(function, source, formula, expected, tolerance-or-error-code)."""
    rows = []
    add = lambda *r: rows.append(r)  # noqa: E731

    # ---- 表1-6 and 表1-5: every 调整率 and 执行率 column, as printed to 0.01% ----
    for i, r in enumerate(TABLE_1_6):
        row = 2 + i
        no, name, init, adj, adj_pct, after, spent, exec_pct = r
        add("ITEM_ADJUSTMENT_RATE", "表1-6 第%d行 %s 调整率 %.2f%%" % (no, name, adj_pct),
            "=ROUND(ITEM_ADJUSTMENT_RATE(%sC%d;%sD%d);4)" % (P, row, P, row), adj_pct / 100, 1e-9)
        add("EXECUTION_RATE", "表1-6 第%d行 %s 执行率 %.2f%%" % (no, name, exec_pct),
            "=ROUND(EXECUTION_RATE(%sG%d;%sF%d);4)" % (P, row, P, row), exec_pct / 100, 1e-9)
    tot = 34
    add("ITEM_ADJUSTMENT_RATE", "表1-6 合计行 调整率 36.38%（|净调整|/年初预算）",
        "=ROUND(ITEM_ADJUSTMENT_RATE(%sC%d;%sD%d);4)" % (P, tot, P, tot), 0.3638, 1e-9)
    add("EXECUTION_RATE", "表1-6 合计行 执行率 88.48%",
        "=ROUND(EXECUTION_RATE(%sG%d;%sF%d);4)" % (P, tot, P, tot), 0.8848, 1e-9)
    for i, r in enumerate(TABLE_1_5):
        row = 36 + i
        name, init, adj, adj_pct, after, spent, exec_pct = r
        add("ITEM_ADJUSTMENT_RATE", "表1-5 %s 调整率 %.2f%%" % (name, adj_pct),
            "=ROUND(ITEM_ADJUSTMENT_RATE(%sC%d;%sD%d);4)" % (P, row, P, row), adj_pct / 100, 1e-9)
        if after > 0:
            add("EXECUTION_RATE", "表1-5 %s 支出率 %.2f%%" % (name, exec_pct),
                "=ROUND(EXECUTION_RATE(%sG%d;%sF%d);4)" % (P, row, P, row), exec_pct / 100, 1e-9)
        else:
            add("EXECUTION_RATE", "表1-5 %s：调整后预算为 0，印为 0.00%%；无预算无从计算执行率，报错" % name,
                "=EXECUTION_RATE(%sG%d;%sF%d)" % (P, row, P, row), "Err:502", ERR_ILLEGAL)

    # ---- 附件1 scores ----
    add("EXECUTION_RATE", "附件1 预算完成率：部门整体支出预算完成率 91.38%（10888.89/11915.94，表1-5 合计）",
        "=ROUND(EXECUTION_RATE(10888.89;11915.94);4)", 0.9138, 1e-9)
    add("BUDGET_COMPLETION_SCORE", "附件1 预算完成率 权重8 评分 4.55",
        "=ROUND(BUDGET_COMPLETION_SCORE(0.9138;8);2)", 4.55, 1e-9)
    add("BUDGET_COMPLETION_SCORE", "附件1 预算完成率：由表1-5 合计直接计算仍得 4.55",
        "=ROUND(BUDGET_COMPLETION_SCORE(EXECUTION_RATE(%sG42;%sF42);8);2)" % (P, P), 4.55, 1e-9)
    add("BUDGET_COMPLETION_SCORE", "规则：执行率低于 80% 不得分", "=BUDGET_COMPLETION_SCORE(0.79;8)", 0, 1e-12)
    add("BUDGET_COMPLETION_SCORE", "规则：执行率超过 100% 按满分", "=BUDGET_COMPLETION_SCORE(1.2;8)", 8, 1e-12)
    add("BUDGET_COMPLETION_SCORE", "规则变体：比例法 0.9138×8", "=BUDGET_COMPLETION_SCORE(0.9138;8;;\"proportional\")",
        7.3104, 1e-9)
    add("BUDGET_COMPLETION_SCORE", "规则变体：门槛 60%", "=BUDGET_COMPLETION_SCORE(0.8;10;0.6)", 5, 1e-12)
    add("ADJUSTMENT_RATE", "附件1 预算调整率 36.62%：表1-6 30个项目 + 表1-5 人员经费、日常公用经费，计入新增项目 = 6258.21/17088.41",
        "=ADJUSTMENT_RATE(%sC2:C33;%sD2:D33;TRUE())" % (P, P), 6258.21 / 17088.41, 1e-9)
    add("ADJUSTMENT_RATE", "附件1 预算调整率（评分标准原文：仅项目、不含新增项目）= 5410.17/13354.78 = 40.51%",
        "=ADJUSTMENT_RATE(%sC2:C31;%sD2:D31)" % (P, P), 5410.17 / 13354.78, 1e-9)
    add("ADJUSTMENT_RATE", "规则：上级转移支付计入分母", "=ADJUSTMENT_RATE({100;0};{10;5};FALSE();100)", 0.05, 1e-12)
    add("ADJUSTMENT_SCORE", "附件1 预算调整率 权重3 评分 1.90", "=ROUND(ADJUSTMENT_SCORE(0.3662;3);2)", 1.90, 1e-9)
    add("ADJUSTMENT_SCORE", "附件1 预算调整率：按评分标准原文 40.51% 得 1.78",
        "=ROUND(ADJUSTMENT_SCORE(ROUND(ADJUSTMENT_RATE(%sC2:C31;%sD2:D31);4);3);2)" % (P, P), 1.78, 1e-9)
    add("ADJUSTMENT_SCORE", "规则：调整率超过 100% 得 0 分", "=ADJUSTMENT_SCORE(1.3;3)", 0, 1e-12)
    add("BALANCE_SCORE", "附件1 支出均衡性：1-10月 47.48%、1-11月 48.37%，权重3 评分 1.44",
        "=ROUND(BALANCE_SCORE({0.4748;0.4837};3);2)", 1.44, 1e-9)
    add("BALANCE_SCORE", "附件1 支出均衡性：文本 \"47.48%\"、空白单元格不计入",
        "=ROUND(BALANCE_SCORE($输入样式.C2:C4;3);2)", 1.44, 1e-9)
    add("BALANCE_SCORE", "规则：平均执行率高于 100% 按 100% 计", "=BALANCE_SCORE({1.2;1.1};3)", 3, 1e-12)
    add("PROCUREMENT_SCORE", "附件1 政府采购执行率：452.88/779.86，权重1 评分 0.58",
        "=ROUND(PROCUREMENT_SCORE(452.88;779.86;1);2)", 0.58, 1e-9)
    add("PROCUREMENT_SCORE", "规则：实际采购大于计划不得分", "=PROCUREMENT_SCORE(800;779.86;1)", 0, 1e-12)
    add("PUBLIC_FUNDS_SCORE", "附件1 公用经费控制率：三公 6.80≤10.94，日常公用 182.20≤202.97，评分 2.00",
        "=PUBLIC_FUNDS_SCORE(6.8;10.94;182.2;202.97)", 2, 1e-12)
    add("PUBLIC_FUNDS_SCORE", "规则：日常公用经费超预算只得 1 分", "=PUBLIC_FUNDS_SCORE(6.8;10.94;210;202.97)", 1, 1e-12)
    add("MONITORING_SCORE", "附件1 部门绩效运行监控：监控得分 75.23，权重4 评分 3.01",
        "=ROUND(MONITORING_SCORE(75.23;4);2)", 3.01, 1e-9)
    add("MONITORING_SCORE", "规则：满分可设（十分制 8.5 分）", "=MONITORING_SCORE(8.5;4;10)", 3.4, 1e-9)
    add("FIXED_ASSET_SCORE", "附件1 固定资产利用率：13633.35/13738.11=99.24%，权重1 评分 1.00",
        "=FIXED_ASSET_SCORE(13633.35;13738.11;1)", 1, 1e-12)
    add("FIXED_ASSET_SCORE", "规则：80%≤比率<90% 得一半", "=FIXED_ASSET_SCORE(85;100;1)", 0.5, 1e-12)
    add("FIXED_ASSET_SCORE", "规则：比率<80% 不得分", "=FIXED_ASSET_SCORE(79.9;100;1)", 0, 1e-12)
    add("TARGET_SCORE", "附件1 年度目标完成情况 1：高企认定 91 家 ≥ 85 家，得 2 分", "=TARGET_SCORE(91;85;2)", 2, 1e-12)
    add("OVERACHIEVEMENT_FACTOR", "附件1 年度目标完成情况 2：孵化面积 15587.94/3000=5.19倍，按 50% 计分",
        "=OVERACHIEVEMENT_FACTOR(15587.94;3000)", 0.5, 1e-12)
    add("TARGET_SCORE", "附件1 年度目标完成情况 2：孵化面积 权重2 × 50% = 1.00",
        "=ROUND(TARGET_SCORE(15587.94;3000;2)*OVERACHIEVEMENT_FACTOR(15587.94;3000);2)", 1.0, 1e-9)
    add("TARGET_SCORE", "附件1 促进科技创新：科技型中小企业入库增量 356−384=−28 < 20，不得分",
        "=TARGET_SCORE(356-384;20;1)", 0, 1e-12)
    add("TARGET_SCORE", "附件1 年度目标完成情况 4：安全生产培训 3 场 ≥ 1 场，得 1 分", "=TARGET_SCORE(3;1;1)", 1, 1e-12)
    add("OVERACHIEVEMENT_FACTOR", "附件1 技术合同成交额：技术交易额 64.44亿元/35亿元=1.84倍，按 90% 计分",
        "=OVERACHIEVEMENT_FACTOR(64.44;35)", 0.9, 1e-12)
    add("TARGET_SCORE", "附件1 技术合同成交额：权重3 × 90% = 2.70",
        "=ROUND(TARGET_SCORE(64.44;35;3)*OVERACHIEVEMENT_FACTOR(64.44;35);2)", 2.7, 1e-9)
    add("TARGET_SCORE", "规则变体：比例法，完成 75/100", "=TARGET_SCORE(75;100;4;\"proportional\")", 3, 1e-12)
    add("TARGET_SCORE", "规则变体：反向指标（越低越好）比例法 目标 5 实际 8", "=TARGET_SCORE(8;5;4;\"proportional\";TRUE())",
        2.5, 1e-12)
    add("TARGET_SCORE", "规则变体：反向指标 目标 0 起事故 实际 0", "=TARGET_SCORE(0;0;3;;TRUE())", 3, 1e-12)
    add("OVERACHIEVEMENT_FACTOR", "规则：1.5 倍以内不扣", "=OVERACHIEVEMENT_FACTOR(1.5;1)", 1, 1e-12)
    add("OVERACHIEVEMENT_FACTOR", "规则变体：自定分档表（留空倍数为“以上”），5 倍 → 0.6",
        "=OVERACHIEVEMENT_FACTOR(5;1;$输入样式.K2:L4)", 0.6, 1e-12)
    add("OVERACHIEVEMENT_FACTOR", "规则变体：自定分档表，3 倍 → 0.8",
        "=OVERACHIEVEMENT_FACTOR(3;1;$输入样式.K2:L4)", 0.8, 1e-12)
    add("BAND_SCORE", "规则变体（某省）：执行率 91.38% 落在 80%–100% 档，10 分权重得 7 分",
        "=BAND_SCORE(0.9138;$输入样式.H2:I5;10)", 7, 1e-9)
    add("BAND_SCORE", "规则变体（某省）：执行率 100% 得满分", "=BAND_SCORE(1;$输入样式.H2:I5;10)", 10, 1e-9)
    add("BAND_SCORE", "规则变体（另一省，越低越好）：调整率 15% → ≤20% 档 1 分",
        "=BAND_SCORE(0.15;{0;1|0.1;0.6666666667|0.2;0.3333333333|0.3;0.1666666667};3;TRUE())", 1, 1e-6)
    add("BAND_SCORE", "规则变体（另一省，越低越好）：调整率 36.62% 超过 30% 得 0 分",
        "=BAND_SCORE(0.3662;{0;1|0.1;0.6666666667|0.2;0.3333333333|0.3;0.1666666667};3;TRUE())", 0, 1e-12)
    add("CHECKLIST_SCORE", "附件1 预算编制合理性：4 项各 1 分，第 2 项酌情扣 0.5 分，评分 3.50",
        "=CHECKLIST_SCORE({1;1;1;1};{\"是\";0.5;\"是\";\"是\"})", 3.5, 1e-12)
    add("CHECKLIST_SCORE", "附件1 资产管理安全性：4 项各 0.5 分，未建立资产盘点制度，评分 1.50",
        "=CHECKLIST_SCORE({0.5;0.5;0.5;0.5};{\"√\";\"√\";\"√\";\"×\"})", 1.5, 1e-12)
    add("CHECKLIST_SCORE", "附件1 绩效指标有效性：目标值测算偏低扣 0.5 分，评分 3.50",
        "=CHECKLIST_SCORE({1;1;1;1};{TRUE;TRUE;TRUE;0.5})", 3.5, 1e-12)
    add("CHECKLIST_SCORE", "附件1 财务合规性：3+2+1+1 分全部符合，评分 7.00",
        "=CHECKLIST_SCORE({3;2;1;1};{\"Y\";\"Y\";\"Y\";\"Y\"})", 7, 1e-12)
    add("CHECKLIST_SCORE", "规则：单元格区域中的 是/×/√/0.5", "=CHECKLIST_SCORE($输入样式.F2:F5;$输入样式.E2:E5)", 2.5, 1e-12)
    add("LEVEL_SCORE", "附件1 应急情况处理能力（定性）：优，权重3 评分 3.00", "=LEVEL_SCORE(\"优\";3)", 3, 1e-12)
    add("LEVEL_SCORE", "规则：良 = 80%", "=LEVEL_SCORE(\"良\";4)", 3.2, 1e-9)
    add("LEVEL_SCORE", "规则：一般 = 60%", "=LEVEL_SCORE(\"一般\";5)", 3, 1e-9)
    add("PERF_GRADE", "三、评价结果：综合评分 88.48 分，等级 良", "=PERF_GRADE(88.48)", "良", None)
    add("PERF_GRADE", "规则：90.00 为 优（区间左闭右开）", "=PERF_GRADE(90)", "优", None)
    add("PERF_GRADE", "规则：89.99 为 良", "=PERF_GRADE(89.99)", "良", None)
    add("PERF_GRADE", "规则：60 为 中", "=PERF_GRADE(60)", "中", None)
    add("PERF_GRADE", "规则：59.99 为 差", "=PERF_GRADE(59.99)", "差", None)

    # ---- numbers as exported tables carry them ----
    add("ADJUSTMENT_RATE", "输入样式：文本 \"1,000.00\"、\"-\"、\"—\"、\"－\"、空白；不计新增项目 = 100/1500",
        "=ADJUSTMENT_RATE($输入样式.A2:A6;$输入样式.B2:B6)", 100 / 1500, 1e-12)
    add("ADJUSTMENT_RATE", "输入样式：同上，计入新增项目 = 150/1500",
        "=ADJUSTMENT_RATE($输入样式.A2:A6;$输入样式.B2:B6;TRUE())", 150 / 1500, 1e-12)

    # ---- bad input: a clear cell error, never a crash ----
    bad = [
        ("EXECUTION_RATE", "预算为 0", "=EXECUTION_RATE(1;0)", ERR_ILLEGAL),
        ("EXECUTION_RATE", "预算为负", "=EXECUTION_RATE(1;-5)", ERR_ILLEGAL),
        ("EXECUTION_RATE", "数值处为文本（Calc 自身判为 #VALUE!）", "=EXECUTION_RATE(\"abc\";1)", ERR_VALUE),
        ("EXECUTION_RATE", "错误值原样传递", "=EXECUTION_RATE(1/0;1)", ERR_DIV0),
        ("ITEM_ADJUSTMENT_RATE", "年初预算为负", "=ITEM_ADJUSTMENT_RATE(-1;2)", ERR_ILLEGAL),
        ("ADJUSTMENT_RATE", "区域中有非数字文本", "=ADJUSTMENT_RATE($输入样式.D2:D3;{1;2})", ERR_ILLEGAL),
        ("ADJUSTMENT_RATE", "两个区域大小不同", "=ADJUSTMENT_RATE({1;2;3};{1;2})", ERR_ILLEGAL),
        ("ADJUSTMENT_RATE", "年初预算合计为 0", "=ADJUSTMENT_RATE({0;0};{1;2})", ERR_ILLEGAL),
        ("ADJUSTMENT_RATE", "年初预算为负", "=ADJUSTMENT_RATE({100;-5};{1;2})", ERR_ILLEGAL),
        ("ADJUSTMENT_RATE", "count_new_items 不是是/否", "=ADJUSTMENT_RATE({1;2};{1;2};\"也许\")", ERR_ILLEGAL),
        ("BUDGET_COMPLETION_SCORE", "门槛为 1", "=BUDGET_COMPLETION_SCORE(0.9;8;1)", ERR_ILLEGAL),
        ("BUDGET_COMPLETION_SCORE", "门槛为负", "=BUDGET_COMPLETION_SCORE(0.9;8;-0.1)", ERR_ILLEGAL),
        ("BUDGET_COMPLETION_SCORE", "未知方法", "=BUDGET_COMPLETION_SCORE(0.9;8;0.8;\"quadratic\")", ERR_ILLEGAL),
        ("BUDGET_COMPLETION_SCORE", "权重为负", "=BUDGET_COMPLETION_SCORE(0.9;-8)", ERR_ILLEGAL),
        ("ADJUSTMENT_SCORE", "调整率为负", "=ADJUSTMENT_SCORE(-0.1;3)", ERR_ILLEGAL),
        ("BALANCE_SCORE", "没有任何执行率", "=BALANCE_SCORE($输入样式.G2:G4;3)", ERR_ILLEGAL),
        ("BALANCE_SCORE", "执行率为非数字文本", "=BALANCE_SCORE({\"n/a\";0.5};3)", ERR_ILLEGAL),
        ("PROCUREMENT_SCORE", "采购计划为 0", "=PROCUREMENT_SCORE(1;0;1)", ERR_ILLEGAL),
        ("PUBLIC_FUNDS_SCORE", "金额为负", "=PUBLIC_FUNDS_SCORE(-1;10;1;2)", ERR_ILLEGAL),
        ("MONITORING_SCORE", "满分为 0", "=MONITORING_SCORE(75;4;0)", ERR_ILLEGAL),
        ("MONITORING_SCORE", "监控得分为负", "=MONITORING_SCORE(-1;4)", ERR_ILLEGAL),
        ("FIXED_ASSET_SCORE", "固定资产总额为 0", "=FIXED_ASSET_SCORE(1;0;1)", ERR_ILLEGAL),
        ("TARGET_SCORE", "目标值为 0（正向指标）", "=TARGET_SCORE(1;0;2)", ERR_ILLEGAL),
        ("TARGET_SCORE", "未知方法", "=TARGET_SCORE(1;2;2;\"linear\")", ERR_ILLEGAL),
        ("OVERACHIEVEMENT_FACTOR", "目标值为 0", "=OVERACHIEVEMENT_FACTOR(1;0)", ERR_ILLEGAL),
        ("OVERACHIEVEMENT_FACTOR", "分档表不是两列", "=OVERACHIEVEMENT_FACTOR(3;1;{1;2;3})", ERR_ILLEGAL),
        ("BAND_SCORE", "分档表只有一列", "=BAND_SCORE(0.5;{1|2};3)", ERR_ILLEGAL),
        ("CHECKLIST_SCORE", "判定无法识别", "=CHECKLIST_SCORE({1;1};{\"是\";\"也许\"})", ERR_ILLEGAL),
        ("CHECKLIST_SCORE", "判定超出 0–1", "=CHECKLIST_SCORE({1;1};{1;2})", ERR_ILLEGAL),
        ("CHECKLIST_SCORE", "分值与判定行数不同", "=CHECKLIST_SCORE({1;1;1};{1;1})", ERR_ILLEGAL),
        ("LEVEL_SCORE", "未知等级", "=LEVEL_SCORE(\"很好\";3)", ERR_ILLEGAL),
        ("PERF_GRADE", "总分高于 100", "=PERF_GRADE(101)", ERR_ILLEGAL),
        ("PERF_GRADE", "总分为负", "=PERF_GRADE(-1)", ERR_ILLEGAL),
    ]
    for fn, why, formula, code in bad:
        add(fn, "错误输入：" + why, formula, "Err:%d" % code if code == ERR_ILLEGAL else
            {ERR_VALUE: "#VALUE!", ERR_DIV0: "#DIV/0!"}[code], code)
    # ---- 指标值 (targets as departments write them) and the range-policy sums ----
    add("INDICATOR_SCORE", "指标值「≥85家」实际 91：达到，得满分 2", '=INDICATOR_SCORE(91;"≥85家";2)', 2, 1e-12)
    add("INDICATOR_SCORE", "指标值「≥95%」实际 90%：未达，按比例 0.9/0.95×10", '=INDICATOR_SCORE(0.9;"≥95%";10)',
        0.9 / 0.95 * 10, 1e-9)
    add("INDICATOR_SCORE", "指标值「≤30天」实际 40 天：反向指标，30/40×5", '=INDICATOR_SCORE(40;"≤30天";5)', 3.75, 1e-12)
    add("INDICATOR_SCORE", "指标值「≥」没有数字：无法识别，报错", '=INDICATOR_SCORE(91;"≥";2)', "Err:502", ERR_ILLEGAL)
    add("TARGET_VALUE", "指标值「≥95%」的数值 0.95", '=TARGET_VALUE("≥95%")', 0.95, 1e-12)
    add("TARGET_VALUE", "定性指标值「有效提升」没有数值，报错", '=TARGET_VALUE("有效提升")', "Err:502", ERR_ILLEGAL)
    add("TARGET_RATIO", "孵化面积 15587.94 / 3000 平方米", '=TARGET_RATIO(15587.94;"≥3000平方米")', 15587.94 / 3000, 1e-9)
    add("TARGET_RATIO", "定性指标值没有倍数，报错", '=TARGET_RATIO(1;"有所提升")', "Err:502", ERR_ILLEGAL)
    add("AMOUNT_SUM", "表1-6 30个项目年初预算数之和 13354.78", "=ROUND(AMOUNT_SUM(%sC2:C31);2)" % P, 13354.78, 1e-9)
    add("AMOUNT_SUM", "项目名称不是金额，报错", "=AMOUNT_SUM(%sB2:B3)" % P, "Err:502", ERR_ILLEGAL)
    add("ADJUSTMENT_SUM", "表1-6 各项目调整金额绝对值之和（不含年中新增项目）5410.17",
        "=ROUND(ADJUSTMENT_SUM(%sC2:C31;%sD2:D31;FALSE());2)" % (P, P), 5410.17, 1e-9)
    add("ADJUSTMENT_SUM", "两个区域大小不一，报错", "=ADJUSTMENT_SUM(%sC2:C31;%sD2:D30)" % (P, P), "Err:502", ERR_ILLEGAL)

    # ---- INDICATOR_SCORE over a 绩效目标表's cells (sheet 目标): text actuals, "-", blanks, errors ----
    def row(r, weight=10, method=None):
        m = '"%s"' % method if method else "%sD%d" % (Q, r)
        return "=INDICATOR_SCORE(%sC%d;%sA%d;%s;%s;%sB%d;%sE%d;%sF%d;%sG%d)" % (
            Q, r, Q, r, weight, m, Q, r, Q, r, Q, r, Q, r)
    add("INDICATOR_SCORE", "目标表第2行：≥95%，实际为文本「90%」，其余可选单元格空白（空白即未填）：0.9/0.95×10",
        row(2), 0.9 / 0.95 * 10, 1e-9)
    add("INDICATOR_SCORE", "目标表第3行：≤30天，实际 40 天，评分方法「达标」：不得分", row(3, 5), 0, 1e-12)
    add("INDICATOR_SCORE", "目标表第3行：同上按比例（反向指标 30/40×5）", row(3, 5, "比例"), 3.75, 1e-12)
    add("INDICATOR_SCORE", "目标表第4行：不少于5场，实际为「-」（按 0 计）：0 分", row(4, 2), 0, 1e-12)
    add("INDICATOR_SCORE", "目标表第5行：定性「有效提升」，部分达成，得分比例「70%」：7 分", row(5), 7, 1e-12)
    add("INDICATOR_SCORE", "定性「有效提升」部分达成，不填比例：取该档上限 80%",
        "=INDICATOR_SCORE(%sC5;%sA5;10;;;%sE5)" % (Q, Q, Q), 8, 1e-12)
    add("INDICATOR_SCORE", "定性：比例 90% 不在「部分达成」60%–80% 档内，报错",
        '=INDICATOR_SCORE(%sC5;%sA5;10;;;%sE5;"90%%")' % (Q, Q, Q), "Err:502", ERR_ILLEGAL)
    # 定性分档 (bands): a locality's set 80%/50% instead of the national 80%/60%
    add("INDICATOR_SCORE", "定性「有效提升」未达成，定性分档「80%/50%」，不填比例：取该档上限 50%，0.5×10",
        '=INDICATOR_SCORE(%sC5;%sA5;10;;;"未达成";;;"80%%/50%%")' % (Q, Q), 5, 1e-12)
    add("INDICATOR_SCORE", "定性「有效提升」未达成，定性分档空白单元格：全国分档，取上限 60%，0.6×10",
        '=INDICATOR_SCORE(%sC5;%sA5;10;;;"未达成";;;%sH2)' % (Q, Q, Q), 6, 1e-12)
    add("INDICATOR_SCORE", "定性部分达成，比例 55%，定性分档为两格区域 0.8、0.5：55% 在 50%–80% 档内，0.55×10",
        '=INDICATOR_SCORE(%sC5;%sA5;10;;;%sE5;"55%%";;%sU2:V2)' % (Q, Q, Q, Q), 5.5, 1e-9)
    add("INDICATOR_SCORE", "定性分档只有一个数值「80%」，报错",
        '=INDICATOR_SCORE(%sC5;%sA5;10;;;%sE5;;;"80%%")' % (Q, Q, Q), "Err:502", ERR_ILLEGAL)
    add("INDICATOR_SCORE", "定性分档「50%/80%」下限颠倒，报错",
        '=INDICATOR_SCORE(%sC5;%sA5;10;;;%sE5;;;"50%%/80%%")' % (Q, Q, Q), "Err:502", ERR_ILLEGAL)
    add("INDICATOR_SCORE", "定性：既无完成等级也无得分比例，报错", "=INDICATOR_SCORE(%sC5;%sA5;10)" % (Q, Q),
        "Err:502", ERR_ILLEGAL)
    add("INDICATOR_SCORE", "目标表第6行：孵化面积 5.19 倍，超额扣减「是」：按默认分档 50%，2×0.5", row(6, 2), 1, 1e-12)
    add("INDICATOR_SCORE", "孵化面积 5.19 倍，自定超额分档（2 倍以内 1，以上 0.7）：2×0.7",
        '=INDICATOR_SCORE(%sC6;%sA6;2;"达标";;;;%sR2:S3)' % (Q, Q, Q), 1.4, 1e-12)
    add("INDICATOR_SCORE", "孵化面积 5.19 倍，超额扣减 TRUE()：同默认分档", '=INDICATOR_SCORE(15587.94;"≥3000平方米";2;"达标";;;;TRUE())',
        1, 1e-12)
    add("INDICATOR_SCORE", "无线电安全巡查 ≥6份 实际3份，评价人得分比例 0.8（取代规则）", '=INDICATOR_SCORE(3;"≥6份";1;"达标";;;0.8)',
        0.8, 1e-12)
    add("INDICATOR_SCORE", "目标表第11行：全角「＞８０％」实际 80%，达标法：不含本数，不得分", row(11, 3), 0, 1e-12)
    add("INDICATOR_SCORE", "目标表第7行：区间「95%-100%」无法确定目标，报错", row(7), "Err:502", ERR_ILLEGAL)
    add("INDICATOR_SCORE", "目标表第8行：指标值「≤50万元」与度量单位「元」不一致（不换算），报错", row(8), "Err:502", ERR_ILLEGAL)
    add("INDICATOR_SCORE", "目标表第9行：度量单位 %，实际填 90（不是 0.9 或「90%」），报错", row(9), "Err:502", ERR_ILLEGAL)
    add("INDICATOR_SCORE", "目标表第10行：实际完成值为错误值 #DIV/0!，原样传递", row(10), "#DIV/0!", ERR_DIV0)
    add("INDICATOR_SCORE", "指标值单元格空白，报错（不当作 ≥0）", "=INDICATOR_SCORE(1;%sH2;1)" % Q, "Err:502", ERR_ILLEGAL)
    add("INDICATOR_SCORE", "评分方法无法识别，报错", '=INDICATOR_SCORE(0.9;"≥95%";10;"线性")', "Err:502", ERR_ILLEGAL)
    add("INDICATOR_SCORE", "超额扣减「也许」无法识别，报错", '=INDICATOR_SCORE(0.9;"≥95%";10;;;;;"也许")', "Err:502", ERR_ILLEGAL)
    add("TARGET_VALUE", "目标表第3行「≤30天」的数值", "=TARGET_VALUE(%sA3;%sB3)" % (Q, Q), 30, 1e-12)
    add("TARGET_VALUE", "全角「＞８０％」的数值 0.8", "=TARGET_VALUE(%sA11)" % Q, 0.8, 1e-12)
    add("TARGET_VALUE", "「≥95」，度量单位 %：0.95", '=TARGET_VALUE("≥95";"%")', 0.95, 1e-12)
    add("TARGET_VALUE", "目标表第8行：单位不一致，报错", "=TARGET_VALUE(%sA8;%sB8)" % (Q, Q), "Err:502", ERR_ILLEGAL)
    add("TARGET_RATIO", "目标表第3行：反向指标 ≤30天 实际 40 天，30/40", "=TARGET_RATIO(%sC3;%sA3;%sB3)" % (Q, Q, Q), 0.75, 1e-12)
    add("TARGET_RATIO", "反向指标 ≤30天 实际 5 天：6 倍", '=TARGET_RATIO(5;"≤30天")', 6, 1e-12)
    add("TARGET_RATIO", "反向指标实际为 0：无倍数，报错", '=TARGET_RATIO(0;"≤30天")', "Err:502", ERR_ILLEGAL)
    add("AMOUNT_SUM", "输入样式：文本「1,000.00」「200」「-」、空白、「300」= 1500（SUM 对文本只得 0）",
        "=AMOUNT_SUM($输入样式.A2:A6)", 1500, 1e-12)
    add("AMOUNT_SUM", "输入样式：「1,0x0」不是金额，报错", "=AMOUNT_SUM($输入样式.D2:D3)", "Err:502", ERR_ILLEGAL)
    add("ADJUSTMENT_SUM", "输入样式：调整「-100.00」「—」「50」（年初为「-」，新增项目不计）「－」= 100",
        "=ADJUSTMENT_SUM($输入样式.A2:A6;$输入样式.B2:B6)", 100, 1e-12)
    add("ADJUSTMENT_SUM", "输入样式：同上计入新增项目 = 150（与 ADJUSTMENT_RATE 的分子一致）",
        "=ADJUSTMENT_SUM($输入样式.A2:A6;$输入样式.B2:B6;TRUE())", 150, 1e-12)

    # ---- the optional band tables (old formulas without them are the rows above) ----
    add("PERF_GRADE", "自定等级表（85 优秀、70 良好、60 合格、以下不合格）：88.48 → 优秀", "=PERF_GRADE(88.48;%sI2:J5)" % Q,
        "优秀", None)
    add("PERF_GRADE", "自定等级表：84.99 → 良好", "=PERF_GRADE(84.99;%sI2:J5)" % Q, "良好", None)
    add("PERF_GRADE", "自定等级表：30 → 不合格（下限留空的一档）", "=PERF_GRADE(30;%sI2:J5)" % Q, "不合格", None)
    add("PERF_GRADE", "等级表参数为空白单元格：按默认 88.48 → 良", "=PERF_GRADE(88.48;%sH2)" % Q, "良", None)
    add("PERF_GRADE", "自定等级表无“以下”一档，59 低于各档下限，报错", "=PERF_GRADE(59;%sI2:J4)" % Q, "Err:502", ERR_ILLEGAL)
    add("PERF_GRADE", "等级表只有一列，报错", "=PERF_GRADE(88;%sI2:I5)" % Q, "Err:502", ERR_ILLEGAL)
    add("LEVEL_SCORE", "自定等级表：基本达成 80% × 5", '=LEVEL_SCORE("基本达成";5;%sL2:M4)' % Q, 4, 1e-12)
    add("LEVEL_SCORE", "自定等级表中没有「优」，报错", '=LEVEL_SCORE("优";5;%sL2:M4)' % Q, "Err:502", ERR_ILLEGAL)
    add("LEVEL_SCORE", "等级表参数为空白单元格：按默认 优 = 100%", '=LEVEL_SCORE("优";5;%sH2)' % Q, 5, 1e-12)
    add("FIXED_ASSET_SCORE", "自定分档（≥95% 1、≥85% 0.6、≥70% 0.3）：90% → 0.6×5", "=FIXED_ASSET_SCORE(90;100;5;%sO2:P4)" % Q,
        3, 1e-12)
    add("FIXED_ASSET_SCORE", "自定分档：69% 低于各档 → 0", "=FIXED_ASSET_SCORE(69;100;5;%sO2:P4)" % Q, 0, 1e-12)
    add("FIXED_ASSET_SCORE", "分档比例 1.5 超出 0–1，报错", "=FIXED_ASSET_SCORE(85;100;1;{0.9;1.5})", "Err:502", ERR_ILLEGAL)
    return rows


def fill_data(doc):
    sheets = doc.Sheets
    sheets.insertNewByName("数据", 1)
    sheets.insertNewByName("输入样式", 2)
    d = sheets.getByName("数据")
    head = ("序号", "项目名称", "年初预算数", "调整", "调整率（印）", "调整后预算数", "支出数", "执行率（印）")
    data = [head]
    for r in TABLE_1_6:
        no, name, init, adj, ap, after, spent, ep = r
        data.append((no, name, init, adj, ap / 100, after, spent, ep / 100))
    # The seed's 预算调整率 runs over the 30 projects and these two rows of 表1-5 together (附件1:
    # 6258.21/17088.41); they sit right below the projects so that one range covers all 32 rows.
    for r in TABLE_1_5[:2]:
        name, init, adj, ap, after, spent, ep = r
        data.append(("表1-5", name, init, adj, ap / 100, after, spent, ep / 100))
    t = TABLE_1_6_TOTAL
    data.append(("表1-6", t[0], t[1], t[2], t[3] / 100, t[4], t[5], t[6] / 100))
    data.append(("", "表1-5 部门整体支出资金执行情况", "", "", "", "", "", ""))
    for r in TABLE_1_5:
        name, init, adj, ap, after, spent, ep = r
        data.append(("表1-5", name, init, adj, ap / 100, after, spent, ep / 100))
    d.getCellRangeByPosition(0, 0, 7, len(data) - 1).setDataArray(tuple(tuple(x) for x in data))
    pct = doc.NumberFormats.queryKey("0.00%", doc.CharLocale, False)
    if pct == -1:
        pct = doc.NumberFormats.addNew("0.00%", doc.CharLocale)
    for col in (4, 7):
        d.getCellRangeByPosition(col, 1, col, len(data) - 1).NumberFormat = pct
    d.Columns.getByIndex(1).Width = 9000

    s = sheets.getByName("输入样式")
    s.getCellRangeByPosition(0, 0, 11, 5).setDataArray((
        ("年初预算（导出文本）", "调整金额（导出文本）", "执行率（文本）", "坏数据", "判定", "分值", "全空", "分档门槛", "得分比例", "", "倍数上限", "系数"),
        ("1,000.00", "-100.00", "47.48%", "1,0x0", "是", 1, "", 1, 1, "", 2, 1),
        ("200", "—", "", 5, "×", 1, "", 0.8, 0.7, "", 4, 0.8),
        ("-", "50", "48.37%", "", "√", 1, "", 0.6, 0.5, "", "", 0.6),
        ("", "", "", "", 0.5, 1, "", 0, 0, "", "", ""),
        ("300", "－", "", "", "", "", "", "", "", "", "", ""),
    ))
    # Text cells must stay text: setDataArray stores strings as text, as an exported table has them.

    # 目标: rows of a 绩效目标表 (指标值 as written; actuals as text, "-", numbers, an error) and
    # the band tables of PERF_GRADE / LEVEL_SCORE / FIXED_ASSET_SCORE / INDICATOR_SCORE.
    sheets.insertNewByName("目标", 3)
    g = sheets.getByName("目标")
    g.getCellRangeByPosition(0, 0, 6, 10).setDataArray((
        ("指标值", "度量单位", "实际完成值", "评分方法", "完成等级", "得分比例", "超额扣减"),
        ("≥95%", "%", "90%", "", "", "", ""),
        ("≤30天", "天", 40, "达标", "", "", ""),
        ("不少于5场", "场", "-", "", "", "", ""),
        ("有效提升", "", "", "", "部分达成", "70%", ""),
        ("≥3000平方米", "平方米", 15587.94, "达标", "", "", "是"),
        ("95%-100%", "%", 0.97, "", "", "", ""),
        ("≤50万元", "元", 40, "", "", "", ""),
        ("≥95%", "%", 90, "", "", "", ""),
        ("≥95%", "%", "", "", "", "", ""),
        ("＞８０％", "", 0.8, "达标", "", "", ""),
    ))
    g.getCellRangeByName("C10").setFormula("=1/0")
    g.getCellRangeByPosition(8, 0, 9, 4).setDataArray((
        ("总分下限", "等级"), (85, "优秀"), (70, "良好"), (60, "合格"), ("", "不合格")))
    g.getCellRangeByPosition(11, 0, 12, 3).setDataArray((
        ("等级", "比例"), ("达成预期", 1), ("基本达成", "80%"), ("未达成", 0.3)))
    g.getCellRangeByPosition(14, 0, 15, 3).setDataArray((
        ("利用率下限", "比例"), (0.95, 1), (0.85, 0.6), (0.7, 0.3)))
    g.getCellRangeByPosition(17, 0, 18, 2).setDataArray((
        ("倍数上限", "系数"), (2, 1), ("", 0.7)))
    g.getCellRangeByPosition(20, 0, 21, 1).setDataArray((
        ("达成下限", "部分达成下限"), (0.8, 0.5)))


def build(profile, out):
    with O.Office(profile) as office:
        doc = office.new_calc()
        sheets = doc.Sheets
        first = sheets.getByIndex(0)
        first.Name = "检查"
        fill_data(doc)
        rows = checks()
        sh = sheets.getByName("检查")
        header = ("编号", "函数", "来源 / 说明", "公式", "结果", "期望", "容差 / 错误码", "通过")
        sh.getCellRangeByPosition(0, 0, 7, 0).setDataArray((header,))
        for i, (fn, src, formula, expected, tol) in enumerate(rows):
            r = i + 1
            excel_row = r + 1
            sh.getCellByPosition(0, r).setValue(r)
            sh.getCellByPosition(1, r).setString(fn)
            sh.getCellByPosition(2, r).setString(src)
            sh.getCellByPosition(3, r).setString(formula)
            sh.getCellByPosition(4, r).setFormula(formula)
            e = "E%d" % excel_row
            if isinstance(expected, str) and tol is not None:  # an error code
                sh.getCellByPosition(5, r).setString(expected)
                sh.getCellByPosition(6, r).setValue(tol)
                check = "=IF(ISERROR(%s);ERRORTYPE(%s)=G%d;FALSE())" % (e, e, excel_row)
            elif isinstance(expected, str):
                sh.getCellByPosition(5, r).setString(expected)
                check = "=IF(ISERROR(%s);FALSE();%s=F%d)" % (e, e, excel_row)
            else:
                sh.getCellByPosition(5, r).setValue(expected)
                sh.getCellByPosition(6, r).setValue(tol)
                check = "=IF(ISERROR(%s);FALSE();ABS(%s-F%d)<=G%d)" % (e, e, excel_row, excel_row)
            sh.getCellByPosition(7, r).setFormula(check)
        n = len(rows)
        sh.getCellByPosition(9, 0).setString("全部通过")
        sh.getCellByPosition(10, 0).setFormula("=AND(H2:H%d)" % (n + 1))
        sh.getCellByPosition(9, 1).setString("通过数 / 总数")
        sh.getCellByPosition(10, 1).setFormula("=COUNTIF(H2:H%d;TRUE())&\" / \"&%d" % (n + 1, n))
        sh.Columns.getByIndex(2).Width = 16000
        sh.Columns.getByIndex(3).Width = 12000
        doc.calculateAll()
        doc.storeToURL(O.file_url(out), O.props(FilterName="calc8"))
        doc.close(True)
    return len(rows)


if __name__ == "__main__":
    profile = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "samples", "functions-check.ods")
    print("wrote %s with %d checks" % (out, build(profile, out)))
