// Tests for jixiao/selfeval.hpp: the national 项目支出绩效自评表 planned from a funds sheet and an
// indicator sheet — one form per project and a 自评汇总, every 得分 a live formula over the input cells.
#include <gtest/gtest.h>

#include "jixiao/selfeval.hpp"
#include "jixiao/target.hpp"
#include "sheet_builder.hpp"
#include "test_util.hpp"

using namespace jixiao;
using namespace jixiao_test;

namespace {

const std::u16string kFunds = u"项目资金";
const std::u16string kInd = u"绩效指标";

// Funds: title row, header in row 1 (A..H), three projects from row 2.
// - 道路养护项目: 全年预算数 120 > 年初预算数 100, 执行 132: 执行率 110% (over-executed);
// - 培训项目: 43.1 of 50 = 86.2%;
// - 信息化平台/运维:二期 (a name Calc refuses as a sheet name): 80 of 80.
Rows fundsRows() {
    return {
        {u"项目支出绩效自评基础数据"},
        {u"项目名称", u"主管部门", u"实施单位", u"年初预算数（万元）", u"全年预算数（万元）", u"全年执行数（万元）",
         u"年度总体目标", u"实际完成情况"},
        {u"道路养护项目", u"交通运输局", u"公路养护中心", 100.0, 120.0, 132.0, u"完成20个路段养护", u"完成22个路段"},
        {u"培训项目", u"人社局", u"职业培训中心", 50.0, 50.0, 43.1, u"举办培训5场", u"举办4场"},
        {u"信息化平台/运维:二期", u"数据局", u"信息中心", 80.0, 80.0, 80.0},
    };
}

// Indicators: header in row 0 (A..K), the project named on its first row only, 一级/二级 blank
// where they continue.
Rows indicatorRows() {
    return {
        {u"项目名称", u"一级指标", u"二级指标", u"三级指标", u"年度指标值", u"度量单位", u"实际完成值", u"分值", u"完成等级",
         u"得分比例", u"偏差原因分析及改进措施"},
        // row 1 (sheet row 2)
        {u"道路养护项目", u"产出指标", u"数量指标", u"养护路段数", u"≥20个", u"个", 22.0, 30.0},
        {u"", u"", u"质量指标", u"验收合格率", u"≥95%", u"%", 0.98, 20.0},
        {u"", u"", u"时效指标", u"完成时限", u"≤30天", u"天", 36.0, 10.0, u"", u"", u"雨季延误工期"},
        {u"", u"效益指标", u"社会效益指标", u"道路通行条件", u"有效提升", u"", u"", 20.0, u"达成"},
        {u"", u"满意度指标", u"服务对象满意度指标", u"群众满意度", u"≥90%", u"%", 0.92, 10.0},
        // row 6 (sheet row 7)
        {u"培训项目", u"产出指标", u"数量指标", u"培训场次", u"不少于5场", u"场", 4.0, 30.0},
        {u"", u"", u"质量指标", u"培训合格率", u"≥90%", u"%", u"95%", 20.0},
        {u"", u"效益指标", u"社会效益指标", u"就业能力", u"有效提升", u"", u"", 30.0},
        {u"", u"满意度指标", u"服务对象满意度指标", u"学员满意度", u"≥85%", u"%", 0.9, 10.0},
        // row 10 (sheet row 11)
        {u"信息化平台/运维:二期", u"产出指标", u"数量指标", u"上线模块数", u"＝12个", u"个", 12.0, 40.0},
        {u"", u"效益指标", u"可持续影响指标", u"系统可用率", u"≥99%", u"%", 0.995, 40.0},
        {u"", u"满意度指标", u"服务对象满意度指标", u"用户满意度", u"≥90%", u"%", 0.88, 10.0, u"", u"", u"调查样本偏少"},
    };
}

Workbook book(const Rows& funds = fundsRows(), const Rows& ind = indicatorRows()) {
    Workbook wb;
    wb.sheets.push_back(makeSheet(kFunds, funds));
    wb.sheets.push_back(makeSheet(kInd, ind));
    return wb;
}

const OutCell& at(const SheetPlan& s, std::size_t r, std::size_t c) {
    static const OutCell none;
    auto it = s.cells.find({r, c});
    EXPECT_NE(it, s.cells.end()) << "no cell " << s8(localRef(r, c)) << " in " << s8(s.name);
    return it == s.cells.end() ? none : it->second;
}
std::string f8(const SheetPlan& s, std::size_t r, std::size_t c) { return s8(at(s, r, c).text); }

std::string fref(std::size_t r, char col) { return "$'项目资金'.$" + std::string(1, col) + "$" + std::to_string(r + 1); }
std::string iref(std::size_t r, char col) { return "$'绩效指标'.$" + std::string(1, col) + "$" + std::to_string(r + 1); }

// The INDICATOR_SCORE call of indicator row r: actual G, target E, weight H, method "", unit F,
// grade I, ratio J.
std::string call(std::size_t r) {
    return "INDICATOR_SCORE(" + iref(r, 'G') + ";" + iref(r, 'E') + ";" + iref(r, 'H') + ";\"\";" + iref(r, 'F') +
           "&\"\";" + iref(r, 'I') + "&\"\";IF(ISBLANK(" + iref(r, 'J') + ");\"\";" + iref(r, 'J') + "))";
}

}  // namespace

TEST(SelfEval, SheetsFoundByTheirHeadersWithTheSynonymsExportsUse) {
    Workbook wb = book();
    Message why;
    auto f = findFundsTable(wb, why);
    ASSERT_TRUE(f) << why;
    EXPECT_EQ(f->headerRow, 1u);
    EXPECT_EQ(f->columns.at(FundsColumn::Actual), 5u);  // 全年执行数（万元）: the unit note dropped
    EXPECT_EQ(f->columns.at(FundsColumn::Achieved), 7u);
    auto t = findSelfEvalIndicatorTable(wb, why);
    ASSERT_TRUE(t) << why;
    EXPECT_EQ(t->sheet->name, kInd);
    EXPECT_EQ(t->columns.at(SelfEvalColumn::Target), 4u);  // 年度指标值
    EXPECT_EQ(t->columns.at(SelfEvalColumn::Reason), 10u);  // 偏差原因分析及改进措施
    // other spellings
    Rows funds = fundsRows();
    funds[1][4] = V(u"全年预算");
    funds[1][5] = V(u"执行数");
    Rows ind = indicatorRows();
    ind[0][4] = V(u"指标值");
    ind[0][6] = V(u"实际值");
    ind[0][10] = V(u"偏差原因");
    Workbook wb2 = book(funds, ind);
    EXPECT_TRUE(findFundsTable(wb2, why)) << why;
    auto t2 = findSelfEvalIndicatorTable(wb2, why);
    ASSERT_TRUE(t2) << why;
    EXPECT_EQ(t2->columns.at(SelfEvalColumn::Reason), 10u);
}

TEST(SelfEval, RowsBelongToTheProjectNamedAboveAndContinueTheirLevels) {
    Problems problems;
    auto in = readSelfEval(book(), problems);
    ASSERT_TRUE(in);
    ASSERT_TRUE(problems.empty()) << joined(problems);
    ASSERT_EQ(in->projects.size(), 3u);
    const SelfEvalProject& road = in->projects[0];
    EXPECT_EQ(s8(road.name), "道路养护项目");
    ASSERT_EQ(road.indicators.size(), 5u);
    EXPECT_EQ(s8(road.indicators[2].level1), "产出指标");  // blank 一级 continues
    EXPECT_EQ(s8(road.indicators[2].level2), "时效指标");
    EXPECT_EQ(road.indicators[2].target.kind, TargetKind::AtMost);
    EXPECT_EQ(s8(road.indicators[3].level1), "效益指标");
    EXPECT_TRUE(road.indicators[3].qualitative());
    EXPECT_EQ(in->projects[1].indicators.size(), 4u);
    EXPECT_TRUE(in->projects[1].indicators[2].pending());
    EXPECT_EQ(in->projects[2].indicators.size(), 3u);
    EXPECT_EQ(in->projects[2].indicators[0].target.kind, TargetKind::Equal);  // ＝12个
}

TEST(SelfEval, HandWorkedScoresOfTheParsedTargets) {
    IndicatorOptions none;
    // 完成时限 ≤30天, actual 36: missed, 30 ÷ 36 × 10 = 8.3333 -> 8.33
    Target t = parseTarget(u"≤30天", u"天");
    EXPECT_NEAR(indicatorScore(N(36), t, 10, none), 30.0 / 36.0 * 10.0, 1e-9);
    EXPECT_DOUBLE_EQ(r2(indicatorScore(N(36), t, 10, none)), 8.33);
    // 培训场次 不少于5场, actual 4: 4 ÷ 5 × 30 = 24
    EXPECT_NEAR(indicatorScore(N(4), parseTarget(u"不少于5场", u"场"), 30, none), 24.0, 1e-9);
    // 培训合格率 ≥90%, actual "95%" (text): met, 20
    EXPECT_DOUBLE_EQ(indicatorScore(T(u"95%"), parseTarget(u"≥90%", u"%"), 20, none), 20.0);
    // 用户满意度 ≥90%, actual 0.88: 0.88 ÷ 0.90 × 10 = 9.7778 -> 9.78
    EXPECT_DOUBLE_EQ(r2(indicatorScore(N(0.88), parseTarget(u"≥90%", u"%"), 10, none)), 9.78);
    // 道路通行条件 有效提升 (定性), 达成: the top of the band, 100% × 20 = 20
    IndicatorOptions reached;
    reached.grade = u"达成";
    EXPECT_DOUBLE_EQ(indicatorScore(E(), parseTarget(u"有效提升"), 20, reached), 20.0);
    // 上线模块数 ＝12个, actual 12: met, 40
    EXPECT_DOUBLE_EQ(indicatorScore(N(12), parseTarget(u"＝12个", u"个"), 40, none), 40.0);
}

TEST(SelfEval, OneFormPerProjectInTheNationalLayoutAndASummary) {
    Workbook wb = book();
    SelfEvalPlan plan = planSelfEval(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    ASSERT_EQ(plan.sheets.size(), 4u);
    ASSERT_EQ(plan.forms.size(), 3u);
    EXPECT_EQ(s8(plan.sheets[0].name), "道路养护项目");
    EXPECT_EQ(s8(plan.sheets[1].name), "培训项目");
    EXPECT_EQ(s8(plan.sheets[2].name), "信息化平台＿运维＿二期");  // / and : are not allowed
    EXPECT_EQ(s8(plan.sheets[3].name), "自评汇总");
    EXPECT_EQ(s8(plan.summarySheet), "自评汇总");

    const SheetPlan& road = plan.sheets[0];
    const SelfEvalForm& rf = plan.forms[0];
    EXPECT_EQ(f8(road, 0, 0), "项目支出绩效自评表");
    EXPECT_EQ(f8(road, 1, 1), "=" + fref(2, 'A') + "&\"\"");
    EXPECT_EQ(f8(road, 2, 1), "=" + fref(2, 'B') + "&\"\"");  // 主管部门
    EXPECT_EQ(f8(road, 2, 5), "=" + fref(2, 'C') + "&\"\"");  // 实施单位
    // 项目资金: 年初预算数, 全年预算数, 全年执行数, 分值 10, 执行率, 得分 in row 5
    ASSERT_EQ(rf.fundsRow, 4u);
    EXPECT_EQ(f8(road, 4, 2), "=" + fref(2, 'D'));
    EXPECT_EQ(f8(road, 4, 3), "=" + fref(2, 'E'));
    EXPECT_EQ(f8(road, 4, 4), "=" + fref(2, 'F'));
    EXPECT_EQ(at(road, 4, 5).kind, OutCell::Kind::Number);
    EXPECT_DOUBLE_EQ(at(road, 4, 5).number, 10.0);
    std::string rate = "EXECUTION_RATE(" + fref(2, 'F') + ";" + fref(2, 'E') + ")";  // 全年执行数 ÷ 全年预算数
    EXPECT_EQ(f8(road, 4, 6), "=" + rate);
    EXPECT_EQ(s8(at(road, 4, 6).format), "0.00%");
    EXPECT_EQ(f8(road, 4, 7), "=ROUND(MIN(" + rate + ";1)*10;2)");  // capped: 132 ÷ 120 = 110% scores 10
    // 年度总体目标 预期 / 实际
    EXPECT_EQ(f8(road, 9, 1), "=" + fref(2, 'G') + "&\"\"");
    EXPECT_EQ(f8(road, 9, 5), "=" + fref(2, 'H') + "&\"\"");
    // 绩效指标 header and rows from row 12
    EXPECT_EQ(f8(road, 10, 4), "年度指标值");
    EXPECT_EQ(f8(road, 10, 8), "偏差原因分析及改进措施");
    ASSERT_EQ(rf.firstIndicatorRow, 11u);
    EXPECT_EQ(f8(road, 11, 1), "产出指标");
    EXPECT_EQ(f8(road, 11, 3), "养护路段数");
    EXPECT_EQ(f8(road, 11, 4), "=" + iref(1, 'E') + "&\"\"");
    EXPECT_EQ(f8(road, 11, 5), "=IF(ISBLANK(" + iref(1, 'G') + ");\"\";" + iref(1, 'G') + ")");
    EXPECT_EQ(f8(road, 11, 6), "=" + iref(1, 'H'));
    EXPECT_EQ(f8(road, 11, 7), "=ROUND(" + call(1) + ";2)");
    EXPECT_EQ(f8(road, 13, 7), "=ROUND(" + call(3) + ";2)");  // 完成时限, a ≤ target
    EXPECT_EQ(f8(road, 13, 8), "=" + iref(3, 'K') + "&\"\"");
    EXPECT_EQ(s8(at(road, 12, 5).format), "0.00%");  // 0.98 against a % target
    // 一级指标 产出指标 merged over its two-plus rows: B12:B14
    bool merged = false;
    for (const Merge& m : road.merges) merged = merged || (m.r0 == 11 && m.c0 == 1 && m.r1 == 13 && m.c1 == 1);
    EXPECT_TRUE(merged);
    // 总分 = the 执行率 得分 + the rounded indicator scores
    ASSERT_EQ(rf.totalRow, 16u);
    EXPECT_EQ(f8(road, 16, 0), "总分");
    EXPECT_EQ(f8(road, 16, 7), "=H5+SUM(H12:H16)");
    EXPECT_EQ(f8(road, 16, 6), "=F5+SUM(G12:G16)");
    EXPECT_EQ(s8(rf.totalCell), "$'道路养护项目'.$H$17");
    ASSERT_EQ(rf.scores.size(), 6u);
    EXPECT_EQ(s8(rf.scores[0].name), "预算执行率");
    EXPECT_EQ(rf.scores[3].row, 13u);

    // Hand-worked totals as the cells stand:
    // 道路养护项目: 执行率 132 ÷ 120 = 1.10, capped -> 10; 30 + 20 + 8.33 (30 ÷ 36 × 10) + 20 (达成) + 10
    //   = 98.33
    EXPECT_DOUBLE_EQ(plan.forms[0].total, 98.33);
    // 培训项目: 43.1 ÷ 50 = 86.2% -> 8.62; 24 (4 ÷ 5 × 30) + 20 + 待评价 (not counted) + 10 -> 62.62
    EXPECT_DOUBLE_EQ(plan.forms[1].total, 62.62);
    // 信息化平台: 80 ÷ 80 -> 10; 40 + 40 + 9.78 (0.88 ÷ 0.90 × 10 = 9.777…) -> 99.78
    EXPECT_DOUBLE_EQ(plan.forms[2].total, 99.78);

    // A 定性 row without 完成等级 / 得分比例 stays 待评价 until the evaluator judges it, live.
    const SheetPlan& train = plan.sheets[1];
    EXPECT_EQ(f8(train, 13, 7), "=IF(AND(TRIM(" + iref(8, 'I') + "&\"\")=\"\";ISBLANK(" + iref(8, 'J') +
                                    "));\"待评价\";ROUND(" + call(8) + ";2))");
    EXPECT_EQ(f8(train, 15, 7), "=H5+SUM(H12:H15)");

    // 自评汇总: one row per project
    const SheetPlan& sum = plan.sheets[3];
    EXPECT_EQ(f8(sum, 0, 8), "需关注");
    EXPECT_EQ(f8(sum, 1, 1), "=" + fref(2, 'A') + "&\"\"");
    EXPECT_EQ(f8(sum, 1, 2), "=" + fref(2, 'E'));
    EXPECT_EQ(f8(sum, 1, 3), "=" + fref(2, 'F'));
    EXPECT_EQ(f8(sum, 1, 4), "=$'道路养护项目'.$G$5");
    EXPECT_EQ(f8(sum, 1, 5), "=$'道路养护项目'.$H$5");
    EXPECT_EQ(f8(sum, 1, 6), "=$'道路养护项目'.$H$17");
    EXPECT_EQ(f8(sum, 1, 7), "=PERF_GRADE(G2)");
    EXPECT_EQ(f8(sum, 2, 6), "=$'培训项目'.$H$16");
    EXPECT_EQ(f8(sum, 3, 6), "=$'信息化平台＿运维＿二期'.$H$15");
    // 需关注 as a live formula: the 定性 row's pending test and each row's missed-without-reason test
    std::string attention = f8(sum, 2, 8);
    EXPECT_TRUE(contains(attention, "「就业能力」定性得分待评价")) << attention;
    EXPECT_TRUE(contains(attention, "IF(ISNUMBER($'培训项目'.$H$12);IF(" + call(6) + "<" + iref(6, 'H') + ";IF(TRIM(" +
                                        iref(6, 'K') + "&\"\")=\"\";\"「培训场次」未达成目标且未填偏差原因；\""))
        << attention;
}

TEST(SelfEval, WhatNeedsAttentionAsTheCellsStand) {
    SelfEvalPlan plan = planSelfEval(book());
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    // exactly two: 就业能力 (定性, no grade) and 培训场次 (4 of 5 场, no 偏差原因). 完成时限 and 用户满意度
    // missed too but give their reasons; 道路通行条件 is graded.
    ASSERT_EQ(plan.attention.size(), 2u) << joined(plan.attention);
    EXPECT_TRUE(mentions(plan.attention, {"培训项目", "培训场次", "未达成目标", "绩效指标", "K7"})) << joined(plan.attention);
    EXPECT_TRUE(mentions(plan.attention, {"培训项目", "就业能力", "待评价"})) << joined(plan.attention);
    EXPECT_TRUE(mentions(plan.attention, {"training", "就业能力"}, Lang::En) ||
                mentions(plan.attention, {"qualitative", "就业能力"}, Lang::En));
}

TEST(SelfEval, PlantedMistakesAreProblemsNamingTheirCells) {
    // an indicator row naming a project the funds sheet does not have
    {
        Rows ind = indicatorRows();
        ind[6][0] = V(u"培训工程");
        SelfEvalPlan plan = planSelfEval(book(fundsRows(), ind));
        EXPECT_TRUE(plan.sheets.empty());
        EXPECT_TRUE(mentions(plan.problems, {"绩效指标", "A7", "培训工程", "不在项目资金表"})) << joined(plan.problems);
        EXPECT_TRUE(mentions(plan.problems, {"培训工程", "not in the funds sheet"}, Lang::En));
        // and 培训项目 then has no indicators of its own
        EXPECT_TRUE(mentions(plan.problems, {"培训项目", "没有指标"})) << joined(plan.problems);
    }
    // an unreadable 指标值 (a range), named by its cell, in the parser's words
    {
        Rows ind = indicatorRows();
        ind[2][4] = V(u"95%-100%");
        SelfEvalPlan plan = planSelfEval(book(fundsRows(), ind));
        ASSERT_FALSE(plan.problems.empty());
        EXPECT_TRUE(mentions(plan.problems, {"绩效指标", "E3"})) << joined(plan.problems);
        EXPECT_TRUE(mentions(plan.problems, {"95%-100%"})) << joined(plan.problems);
    }
    // units that disagree: 万元 target with 度量单位 个
    {
        Rows ind = indicatorRows();
        ind[1][4] = V(u"≥20万元");
        SelfEvalPlan plan = planSelfEval(book(fundsRows(), ind));
        EXPECT_TRUE(mentions(plan.problems, {"绩效指标", "E2"})) << joined(plan.problems);
    }
    // an actual value that cannot be read against a % target (90 for 90%)
    {
        Rows ind = indicatorRows();
        ind[5][6] = V(92.0);
        SelfEvalPlan plan = planSelfEval(book(fundsRows(), ind));
        EXPECT_TRUE(mentions(plan.problems, {"绩效指标", "G6", "实际完成值"})) << joined(plan.problems);
    }
    // weights that do not add to 100: 培训场次 45 instead of 30, 10 + 45 + 20 + 30 + 10 = 115
    {
        Rows ind = indicatorRows();
        ind[6][7] = V(45.0);
        SelfEvalPlan plan = planSelfEval(book(fundsRows(), ind));
        ASSERT_EQ(plan.problems.size(), 1u) << joined(plan.problems);
        EXPECT_TRUE(mentions(plan.problems, {"培训项目", "115", "应为 100"})) << joined(plan.problems);
        EXPECT_TRUE(mentions(plan.problems, {"培训项目", "115", "must add up to 100"}, Lang::En));
    }
    // a missing column: the funds header without 全年执行数
    {
        Rows funds = fundsRows();
        funds[1][5] = V(u"备注");
        SelfEvalPlan plan = planSelfEval(book(funds, indicatorRows()));
        ASSERT_EQ(plan.problems.size(), 1u) << joined(plan.problems);
        EXPECT_TRUE(mentions(plan.problems, {"项目资金表", "项目资金", "第2行", "全年执行数"})) << joined(plan.problems);
    }
    // the indicator sheet without 分值
    {
        Rows ind = indicatorRows();
        ind[0][7] = V(u"说明2");
        SelfEvalPlan plan = planSelfEval(book(fundsRows(), ind));
        EXPECT_TRUE(mentions(plan.problems, {"绩效指标表", "绩效指标", "分值"})) << joined(plan.problems);
    }
    // no sheets at all
    {
        SelfEvalPlan plan = planSelfEval(Workbook{});
        EXPECT_EQ(plan.problems.size(), 2u);
        EXPECT_TRUE(mentions(plan.problems, {"项目资金表", "全年预算数"})) << joined(plan.problems);
    }
    // amounts: numeric text, blank, a 全年预算数 of 0
    {
        Rows funds = fundsRows();
        funds[2][5] = V(u"132");
        funds[3][3] = V();
        funds[4][4] = V(0.0);
        SelfEvalPlan plan = planSelfEval(book(funds, indicatorRows()));
        EXPECT_TRUE(mentions(plan.problems, {"项目资金", "F3", "文本"})) << joined(plan.problems);
        EXPECT_TRUE(mentions(plan.problems, {"项目资金", "D4", "年初预算数", "为空"})) << joined(plan.problems);
        EXPECT_TRUE(mentions(plan.problems, {"项目资金", "E5", "应大于 0"})) << joined(plan.problems);
    }
    // a 定性 grade that is not a grade, a first row without a project
    {
        Rows ind = indicatorRows();
        ind[4][8] = V(u"很好呀");
        ind[1][0] = V();
        SelfEvalPlan plan = planSelfEval(book(fundsRows(), ind));
        EXPECT_TRUE(mentions(plan.problems, {"绩效指标", "A2", "没有项目名称"})) << joined(plan.problems);
    }
    {
        Rows ind = indicatorRows();
        ind[4][8] = V(u"很好呀");
        SelfEvalPlan plan = planSelfEval(book(fundsRows(), ind));
        EXPECT_TRUE(mentions(plan.problems, {"绩效指标", "I5", "很好呀"})) << joined(plan.problems);
    }
}

TEST(SelfEval, QualitativeBandsColumnSetsTheBandsOfItsRow) {
    // A 定性分档 column (L) with a locality's set 80%/50%: 达成 100–80%, 部分达成 80–50%, 未达成 50–0%.
    Rows ind = indicatorRows();
    ind[0].resize(12);
    ind[0][11] = V(u"定性分档");
    ind[4].resize(12);
    ind[4][8] = V(u"部分达成");  // 道路通行条件 (有效提升, 分值 20)
    ind[4][11] = V(u"80%/50%");
    ind[8].resize(12);
    ind[8][8] = V(u"未达成");  // 就业能力 (有效提升, 分值 30), no longer 待评价
    ind[8][11] = V(u"80%/50%");
    Problems problems;
    Workbook wb = book(fundsRows(), ind);
    auto in = readSelfEval(wb, problems);
    ASSERT_TRUE(in);
    ASSERT_TRUE(problems.empty()) << joined(problems);
    const SelfEvalIndicator& road = in->projects[0].indicators[3];
    EXPECT_NEAR(road.bands.achieved, 0.8, 1e-12);
    EXPECT_NEAR(road.bands.partial, 0.5, 1e-12);
    // 部分达成, no ratio: the top of its band, the 达成 bound 0.8 × 20 = 16 (the national set gives 16 too)
    ASSERT_TRUE(road.score);
    EXPECT_DOUBLE_EQ(*road.score, 16.0);
    // 未达成, no ratio: the top of its band, the 部分达成 bound 0.5 × 30 = 15 (national: 0.6 × 30 = 18)
    const SelfEvalIndicator& training = in->projects[1].indicators[2];
    ASSERT_FALSE(training.pending());
    ASSERT_TRUE(training.score);
    EXPECT_DOUBLE_EQ(*training.score, 15.0);
    // a row with the column blank keeps the national set
    EXPECT_NEAR(in->projects[0].indicators[0].bands.partial, 0.6, 1e-12);

    SelfEvalPlan plan = planSelfEval(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    // the formula passes the cell after an empty cut argument: …;ratio;"";L9&""
    std::string withBands = call(8);
    withBands.insert(withBands.size() - 1, ";\"\";" + iref(8, 'L') + "&\"\"");
    EXPECT_TRUE(contains(f8(plan.sheets[1], 13, 7), "\"待评价\";ROUND(" + withBands + ";2))")) << f8(plan.sheets[1], 13, 7);
    // a row with the column blank passes the blank cell (read as the national set)
    EXPECT_TRUE(contains(f8(plan.sheets[0], 11, 7), ";\"\";" + iref(1, 'L') + "&\"\")")) << f8(plan.sheets[0], 11, 7);
    // planned totals: 道路养护项目 10 + 30 + 20 + 8.33 + 16 + 10 = 94.33;
    // 培训项目 8.62 + 24 + 20 + 15 + 10 = 77.62
    EXPECT_DOUBLE_EQ(plan.forms[0].total, 94.33);
    EXPECT_DOUBLE_EQ(plan.forms[1].total, 77.62);

    // an unreadable set is a problem naming its cell (L9), in the reader's words
    ind[8][11] = V(u"80%");
    SelfEvalPlan bad = planSelfEval(book(fundsRows(), ind));
    EXPECT_TRUE(mentions(bad.problems, {"绩效指标", "L9", "定性分档", "只有一个数值"})) << joined(bad.problems);
    EXPECT_TRUE(mentions(bad.problems, {"L9", "qualitative bands (定性分档) \"80%\" cannot be read"}, Lang::En))
        << joined(bad.problems, Lang::En);
    // the synonyms name the same column
    for (const char16_t* name : {u"定性评分档次", u"分档"}) {
        ind[0][11] = V(name);
        Message why;
        auto t = findSelfEvalIndicatorTable(book(fundsRows(), ind), why);
        ASSERT_TRUE(t) << why;
        EXPECT_EQ(t->columns.at(SelfEvalColumn::Bands), 11u);
    }
}

TEST(SelfEval, SafeSheetNames) {
    EXPECT_EQ(s8(safeSheetName(u"a[b]*c?d:e/f\\g", {})), "a＿b＿＿c＿d＿e＿f＿g");
    EXPECT_EQ(s8(safeSheetName(u"'引号'", {})), "引号");
    EXPECT_EQ(s8(safeSheetName(u"  ", {})), "项目");
    std::u16string longName(40, u'长');
    std::u16string cut = safeSheetName(longName, {});
    EXPECT_EQ(cut.size(), 31u);
    std::u16string second = safeSheetName(longName, {cut});
    EXPECT_EQ(second.size(), 31u);
    EXPECT_EQ(s8(second.substr(27)), " (2)");
    EXPECT_EQ(s8(safeSheetName(u"培训项目", {u"培训项目", u"培训项目 (2)"})), "培训项目 (3)");
    EXPECT_EQ(s8(safeSheetName(u"ERP项目", {u"erp项目"})), "ERP项目 (2)");  // Calc ignores case
    EXPECT_EQ(s8(safeSheetName(u"ERP 项目", {u"ERP项目"})), "ERP 项目");
}

TEST(SelfEval, FormNamesDoNotClashWithTheWorkbooksSheetsOrTheSummary) {
    Rows funds = fundsRows();
    funds[3][0] = V(u"绩效指标");  // a project named like an input sheet
    Rows ind = indicatorRows();
    ind[6][0] = V(u"绩效指标");
    SelfEvalPlan plan = planSelfEval(book(funds, ind));
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_EQ(s8(plan.sheets[1].name), "绩效指标 (2)");
    EXPECT_EQ(s8(plan.forms[1].totalCell), "$'绩效指标 (2)'.$H$16");
}

TEST(SelfEval, FundingSourceRowsUnderAProjectAreTheFormsSubRows) {
    Rows funds = fundsRows();
    // under 道路养护项目 (100 / 120 / 132): 当年财政拨款 100 / 110 / 120 and 上年结转资金 – / 10 / 12, which
    // add up to the project's row; 其他资金 absent (its form row stays blank).
    funds.insert(funds.begin() + 3, {u"其中：当年财政拨款", u"", u"", 100.0, 110.0, 120.0});
    funds.insert(funds.begin() + 4, {u"上年结转", u"", u"", u"", 10.0, 12.0});
    SelfEvalPlan plan = planSelfEval(book(funds));
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    ASSERT_EQ(plan.forms.size(), 3u);  // the sub-rows are no projects
    const SheetPlan& road = plan.sheets[0];
    EXPECT_EQ(f8(road, 5, 1), "其中：当年财政拨款");
    EXPECT_EQ(f8(road, 5, 3), "=IF(ISBLANK(" + fref(3, 'E') + ");\"\";" + fref(3, 'E') + ")");
    EXPECT_EQ(f8(road, 6, 1), "上年结转资金");
    EXPECT_EQ(f8(road, 6, 4), "=IF(ISBLANK(" + fref(4, 'F') + ");\"\";" + fref(4, 'F') + ")");
    EXPECT_EQ(f8(road, 7, 1), "其他资金");
    EXPECT_EQ(road.cells.count({7, 2}), 0u);  // no 其他资金 row: blank
    EXPECT_EQ(f8(road, 7, 7), "—");            // the sub-rows have no score
    EXPECT_TRUE(plan.attention.size() == 2u) << joined(plan.attention);  // only the two of the plain book

    // sub-rows that do not add up are named (需关注), not refused: 当年财政拨款 全年执行数 110 + 12 = 122 ≠ 132
    funds[3][5] = V(110.0);
    plan = planSelfEval(book(funds));
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.attention, {"道路养护项目", "全年执行数", "122", "132", "F3"})) << joined(plan.attention);

    // a sub-row with no project above, and one with a text amount, are problems naming their cells
    Rows bad = fundsRows();
    bad.insert(bad.begin() + 2, {u"其他资金", u"", u"", 1.0, 1.0, 1.0});
    bad.insert(bad.begin() + 4, {u"当年财政拨款", u"", u"", u"一百", 1.0, 1.0});
    plan = planSelfEval(book(bad));
    EXPECT_TRUE(mentions(plan.problems, {"其他资金", "上方没有项目", "A3"})) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.problems, {"道路养护项目", "当年财政拨款", "一百", "D5"})) << joined(plan.problems);
}

TEST(SelfEval, ARerunReplacesItsOwnSheetsAndKeepsFormsTypedByHand) {
    Workbook wb = book();
    SelfEvalPlan first = planSelfEval(wb);
    ASSERT_TRUE(first.problems.empty()) << joined(first.problems);
    // the workbook as the first run left it: its sheets carry the footnote in column A
    for (const SheetPlan& sp : first.sheets) {
        Sheet s;
        s.name = sp.name;
        for (const auto& [pos, c] : sp.cells)
            if (c.kind == OutCell::Kind::Text) s.set(pos.first, pos.second, Cell::str(c.text));
        EXPECT_TRUE(isGeneratedSelfEvalSheet(s)) << s8(s.name);
        wb.sheets.push_back(s);
    }
    // and a form typed by hand, without it
    wb.sheets.push_back(makeSheet(u"培训项目（手填）", Rows{{u"项目支出绩效自评表"}, {u"项目名称", u"培训项目"}}));
    EXPECT_FALSE(isGeneratedSelfEvalSheet(wb.sheets.back()));
    SelfEvalPlan again = planSelfEval(wb);
    ASSERT_TRUE(again.problems.empty()) << joined(again.problems);
    ASSERT_EQ(again.replaceSheets.size(), 4u);
    EXPECT_EQ(s8(again.replaceSheets[0]), "道路养护项目");
    EXPECT_EQ(s8(again.replaceSheets[3]), "自评汇总");
    EXPECT_EQ(s8(again.sheets[0].name), "道路养护项目");  // not 道路养护项目 (2)
    EXPECT_EQ(s8(again.summarySheet), "自评汇总");
    // the input sheets are never replaced
    EXPECT_FALSE(isGeneratedSelfEvalSheet(wb.sheets[0]));
    EXPECT_FALSE(isGeneratedSelfEvalSheet(wb.sheets[1]));
}
