// Tests for jixiao/target_sheet.hpp: a department's 绩效目标表 read into indicators, and the system a
// workbook is scored by (the 指标体系 or the built-in default, plus the targets).
#include <gtest/gtest.h>

#include "jixiao/filler.hpp"
#include "jixiao/indicators.hpp"
#include "jixiao/target_sheet.hpp"
#include "sheet_builder.hpp"

using namespace jixiao;
using namespace jixiao_test;

namespace {

Workbook targetsOnly(const Rows& rows) {
    Workbook wb;
    wb.sheets.push_back(makeSheet(std::u16string(kTargetSheet), rows));
    return wb;
}

std::vector<Indicator> readAll(const Rows& rows, Problems& problems) {
    Workbook wb = targetsOnly(rows);
    auto t = findTargetTable(wb);
    EXPECT_TRUE(t.has_value());
    if (!t) return {};
    // the sheet must outlive the indicators' use here: read straight away
    return readTargets(*t, problems);
}

// targetRows() with row `r` (0-based, as in the sheet) cell `c` replaced.
Rows withCell(std::size_t r, std::size_t c, V v) {
    Rows rows = targetRows();
    if (rows[r].size() <= c) rows[r].resize(c + 1);
    rows[r][c] = v;
    return rows;
}

}  // namespace

TEST(TargetSheet, FoundByItsHeaderAndNeverTakenForAnIndicatorSystem) {
    Rows rows = targetRows();
    rows[1].push_back(u"计分公式");  // a 绩效目标表 may carry its own 计分公式 column
    Workbook wb = targetsOnly(rows);
    auto t = findTargetTable(wb);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->headerRow, 1u);
    EXPECT_EQ(t->columns.at(TargetColumn::Target), 4u);
    EXPECT_EQ(t->columns.at(TargetColumn::Actual), 6u);
    EXPECT_EQ(findIndicatorSheet(wb), nullptr);
    // and the built-in 指标体系 is not a 绩效目标表
    Workbook sys;
    sys.sheets.push_back(defaultIndicatorSheet());
    EXPECT_FALSE(findTargetTable(sys));
}

TEST(TargetSheet, TheSheetsOfTheProjectSelfEvaluationAreNotTaken) {
    // a 自评表 indicator sheet (its header names 项目名称) and a filled 自评表 form come first: both
    // have 三级指标 / 指标值 / 实际完成值 / 分值, neither is the department's 绩效目标表
    Workbook wb;
    wb.sheets.push_back(makeSheet(u"绩效指标表", Rows{{u"项目名称", u"一级指标", u"二级指标", u"三级指标", u"指标值",
                                                       u"实际完成值", u"分值"},
                                                      {u"培训项目", u"产出指标", u"数量指标", u"培训场次", u"≥5场", 4.0, 30.0}}));
    wb.sheets.push_back(makeSheet(u"培训项目", Rows{{u"项目支出绩效自评表"},
                                                   {u"绩效指标", u"一级指标", u"二级指标", u"三级指标", u"年度指标值",
                                                    u"实际完成值", u"分值", u"得分"},
                                                   {u"", u"产出指标", u"数量指标", u"培训场次", u"≥5场", 4.0, 30.0, 24.0}}));
    EXPECT_FALSE(findTargetTable(wb));
    wb.sheets.push_back(makeSheet(std::u16string(kTargetSheet), targetRows()));
    auto t = findTargetTable(wb);
    ASSERT_TRUE(t);
    EXPECT_EQ(s8(t->sheet->name), s8(kTargetSheet));
}

TEST(TargetSheet, SynonymHeadersAreRecognised) {
    Rows rows = targetRows();
    rows[1][4] = V(u"年度指标值");
    rows[1][5] = V(u"计量单位");
    rows[1][6] = V(u"实际值");
    rows[1][11] = V(u"偏差原因分析及改进措施");
    Workbook wb = targetsOnly(rows);
    auto t = findTargetTable(wb);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->columns.at(TargetColumn::Unit), 5u);
    EXPECT_EQ(t->columns.at(TargetColumn::Reason), 11u);
}

TEST(TargetSheet, RowsBecomeIndicatorsUnderTheLevelsTheTableNames) {
    jixiao::Problems problems;
    std::vector<Indicator> inds = readAll(targetRows(), problems);
    ASSERT_TRUE(problems.empty()) << joined(problems);
    ASSERT_EQ(inds.size(), kTargetIndicators);
    const Indicator& first = inds[0];
    EXPECT_EQ(s8(first.level1), "部门履职情况评价");
    EXPECT_EQ(s8(first.level2), "产出");
    EXPECT_EQ(s8(first.name), "年度目标完成情况");
    ASSERT_EQ(first.subs.size(), 2u);
    EXPECT_EQ(s8(first.subs[1].name), "政策兑现率");
    EXPECT_DOUBLE_EQ(first.weight, 20.0);
    // blank level cells continue the group above; a new 二级 starts a new group
    EXPECT_EQ(s8(inds[1].level2), "产出");
    EXPECT_EQ(s8(inds[2].level2), "效益");
    EXPECT_EQ(s8(inds[3].level1), "部门履职情况评价");
    EXPECT_EQ(s8(inds[2].sourceSheet), "绩效目标表");
    EXPECT_EQ(inds[2].sourceRow, 5u);
}

TEST(TargetSheet, EachRowIsScoredLiveOverItsOwnCells) {
    jixiao::Problems problems;
    std::vector<Indicator> inds = readAll(targetRows(), problems);
    ASSERT_EQ(inds.size(), kTargetIndicators);
    // 政策兑现率 is sheet row 4 (index 3): actual G4, target E4, unit F4, …, reason not an argument
    std::string f = s8(inds[0].subs[1].formula);
    EXPECT_EQ(f.rfind("INDICATOR_SCORE($'绩效目标表'.$G$4;$'绩效目标表'.$E$4;【分值】;", 0), 0u) << f;
    EXPECT_TRUE(contains(f, "$'绩效目标表'.$F$4&\"\"")) << f;       // 度量单位 as text
    EXPECT_TRUE(contains(f, "IF(ISBLANK($'绩效目标表'.$K$4)")) << f;  // 得分比例: blank stays blank
    EXPECT_EQ(s8(inds[0].subs[1].ratioFormula),
              "TARGET_RATIO($'绩效目标表'.$G$4;$'绩效目标表'.$E$4;$'绩效目标表'.$F$4&\"\")");
    // 定性: no ratio template
    EXPECT_TRUE(inds[3].ratioFormula.empty());
    EXPECT_TRUE(contains(s8(inds[3].formula), "$'绩效目标表'.$J$7&\"\""));  // 完成等级
}

TEST(TargetSheet, AQualitativeBandsColumnIsPassedToTheScoreAndTheStandard) {
    // 营商环境改善情况 (sheet row 7, 定性, 10 points) with 定性分档 80%/50% in column M
    Rows rows = withCell(1, 12, V(u"定性分档"));
    rows[6].resize(13);
    rows[6][9] = V(u"部分达成");
    rows[6][12] = V(u"80%/50%");
    jixiao::Problems problems;
    std::vector<Indicator> inds = readAll(rows, problems);
    ASSERT_TRUE(problems.empty()) << joined(problems);
    ASSERT_EQ(inds.size(), kTargetIndicators);
    // no 超额扣减 column: an empty cut argument, then the 定性分档 cell as text
    std::string f = s8(inds[3].formula);
    EXPECT_TRUE(contains(f, "IF(ISBLANK($'绩效目标表'.$K$7);\"\";$'绩效目标表'.$K$7);\"\";$'绩效目标表'.$M$7&\"\")")) << f;
    // the generated 评分标准 states the row's bands: 达成 100–80%, 部分达成 80–50%, 未达成 50–0%
    EXPECT_TRUE(contains(s8(inds[3].standard), "达成100%–80%、部分达成80%–50%、未达成50%–0%")) << s8(inds[3].standard);
    // without the column the call and the national standard are as before
    problems.clear();
    std::vector<Indicator> plain = readAll(targetRows(), problems);
    ASSERT_EQ(plain.size(), kTargetIndicators);
    EXPECT_FALSE(contains(s8(plain[3].formula), "$M$7")) << s8(plain[3].formula);
    EXPECT_TRUE(contains(s8(plain[3].standard), "部分达成80%–60%、未达成60%–0%")) << s8(plain[3].standard);
    // an unreadable set is named by its cell: 90% above 80% for 部分达成
    rows[6][12] = V(u"80%/90%");
    problems.clear();
    readAll(rows, problems);
    EXPECT_TRUE(mentions(problems, {"绩效目标表", "M7", "定性分档", "100% > 达成 > 部分达成 > 0"})) << joined(problems);
}

TEST(TargetSheet, GeneratedReadingsNameTheOtherMethod) {
    jixiao::Problems problems;
    std::vector<Indicator> inds = readAll(targetRows(), problems);
    ASSERT_EQ(inds.size(), kTargetIndicators);
    const SubCriterion& sc = inds[0].subs[0];  // default method: proportional
    ASSERT_GE(sc.readings.size(), 1u);
    EXPECT_EQ(s8(sc.readings[0].name), "目标未达不得分");
    EXPECT_TRUE(contains(s8(sc.readings[0].formula), "\"达标\"")) << s8(sc.readings[0].formula);
    Rows rows = withCell(2, 8, V(u"达标"));
    problems.clear();
    inds = readAll(rows, problems);
    ASSERT_TRUE(problems.empty()) << joined(problems);
    EXPECT_EQ(s8(inds[0].subs[0].readings[0].name), "目标未达按比例计分");
    EXPECT_TRUE(inds[3].readings.empty() || s8(inds[3].readings[0].name) != "目标未达不得分");  // 定性: none
}

TEST(TargetSheet, StatedRatiosAndGradesAreJudgmentsWithTheirReason) {
    Rows rows = withCell(3, 10, V(0.8));  // 政策兑现率 得分比例 80%, reason in L4
    rows[6][9] = V(u"部分达成");
    jixiao::Problems problems;
    std::vector<Indicator> inds = readAll(rows, problems);
    ASSERT_TRUE(problems.empty()) << joined(problems);
    ASSERT_EQ(inds[0].subs[1].stated.size(), 1u);
    EXPECT_EQ(s8(inds[0].subs[1].stated[0].what), "政策兑现率：得分比例 80%");
    EXPECT_EQ(s8(inds[0].subs[1].stated[0].reason), "部分资金年底才到位");
    ASSERT_EQ(inds[3].stated.size(), 1u);
    EXPECT_EQ(s8(inds[3].stated[0].what), "营商环境改善情况：完成等级 部分达成");
    EXPECT_TRUE(inds[0].subs[0].stated.empty());  // nothing recorded, nothing to judge
}

TEST(TargetSheet, MistakesAreNamedByCell) {
    struct Case {
        std::size_t row, col;
        V value;
        const char* needles[3];
    };
    const Case cases[] = {
        {2, 4, V(u"≥"), {"E3", "指标值「≥」无法识别", nullptr}},
        {2, 7, V(), {"H3", "没有分值", nullptr}},
        {2, 7, V(u"十分"), {"H3", "分值「十分」不是数字", nullptr}},
        {2, 6, V(), {"缺少", "实际完成值", "G3"}},
        {6, 9, V(), {"J7", "需要完成等级或得分比例", nullptr}},
        {3, 10, V(u"80"), {"K4", "得分比例「80」", nullptr}},
        {3, 8, V(u"酌情"), {"I4", "评分方法「酌情」", nullptr}},
        {6, 9, V(u"很好很好"), {"J7", "完成等级「很好很好」", nullptr}},
        {4, 2, V(u"年度目标完成情况"), {"C5", "重复", nullptr}},
    };
    for (const Case& c : cases) {
        jixiao::Problems problems;
        readAll(withCell(c.row, c.col, c.value), problems);
        for (const char* n : c.needles)
            if (n) EXPECT_TRUE(mentions(problems, {n, "绩效目标表"}) || mentions(problems, {n}))
                       << "row " << c.row << " col " << c.col << " needle " << n << joined(problems);
        EXPECT_FALSE(problems.empty());
    }
}

TEST(TargetSheet, MistakesInEnglish) {
    struct Case {
        std::size_t row, col;
        V value;
        const char* needles[2];
    };
    const Case cases[] = {
        {2, 4, V(u"≥"), {"sheet \"绩效目标表\", E3: target value (指标值) \"≥\" cannot be read", nullptr}},
        {2, 6, V(), {"Missing the actual value", "G3 is empty"}},
        {2, 6, V(u"很多"), {"G3: actual value (实际完成值) \"很多\"", "is not a number"}},
        {6, 9, V(u"很好很好"), {"J7: the grade (完成等级) \"很好很好\"", nullptr}},
        {4, 2, V(u"年度目标完成情况"), {"C5: the indicator (三级指标) \"年度目标完成情况\" repeats", nullptr}},
    };
    for (const Case& c : cases) {
        jixiao::Problems problems;
        readAll(withCell(c.row, c.col, c.value), problems);
        std::string en = joinLines(problems, Lang::En);
        SCOPED_TRACE(en);
        EXPECT_FALSE(problems.empty());
        for (const char* p : {"，", "。", "；", "：", "、", "「", "」", "（", "）"}) EXPECT_EQ(en.find(p), std::string::npos) << p;
        for (const char* n : c.needles)
            if (n) EXPECT_NE(en.find(n), std::string::npos) << n;
    }
}

TEST(TargetSheet, ATotalRowAndBlankRowsAreSkipped) {
    Rows rows = targetRows();
    rows.push_back({});
    rows.push_back({u"合计", u"", u"", u"", u"", u"", u"", 50.0});
    jixiao::Problems problems;
    std::vector<Indicator> inds = readAll(rows, problems);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    EXPECT_EQ(inds.size(), kTargetIndicators);
}

TEST(TargetSheet, RowTemplatesReadTheRowsOwnCells) {
    Rows rows = targetRows();
    rows[1].push_back(u"计分公式");
    rows[1].push_back(u"专家意见");
    rows[4].resize(14);
    rows[4][12] = V(u"TARGET_SCORE(【实际完成值】;TARGET_VALUE(【指标值】);【分值】;;TRUE())");
    rows[4][13] = V(u"办理时限实际为【实际完成值】天（指标【指标值】），比例【=TARGET_RATIO(【实际完成值】;【指标值】)|0.00】。");
    jixiao::Problems problems;
    std::vector<Indicator> inds = readAll(rows, problems);
    ASSERT_TRUE(problems.empty()) << joined(problems);
    EXPECT_EQ(s8(inds[1].formula), "TARGET_SCORE($'绩效目标表'.$G$5;TARGET_VALUE($'绩效目标表'.$E$5);【分值】;;TRUE())");
    std::string e = s8(inds[1].expert);
    EXPECT_TRUE(contains(e, "【=$'绩效目标表'.$G$5&\"\"|General】天")) << e;
    EXPECT_TRUE(contains(e, "【=TARGET_RATIO($'绩效目标表'.$G$5;$'绩效目标表'.$E$5)|0.00】")) << e;
}

TEST(TargetSheet, TheDefaultAndTheTargetsMakeOneSystemOf100) {
    Workbook wb = seedWorkbook(defaultInfo());
    jixiao::Problems problems;
    bool builtIn = false;
    auto sys = loadIndicatorSystem(wb, problems, &builtIn);
    ASSERT_TRUE(sys);
    EXPECT_TRUE(builtIn);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    EXPECT_EQ(sys->indicators.size(), defaultIndicatorCount());
    EXPECT_TRUE(checkWeights(*sys).empty()) << joined(checkWeights(*sys));
}

TEST(TargetSheet, WithoutATargetTableTheMissingPointsAreNamed) {
    Workbook wb = seedWorkbook(defaultInfo(), false);
    jixiao::Problems problems;
    auto sys = loadIndicatorSystem(wb, problems);
    ASSERT_TRUE(sys);
    EXPECT_TRUE(mentions(problems, {"缺少 绩效目标表", "50"})) << joined(problems);
    FillPlan plan = planFill(wb);
    EXPECT_TRUE(mentions(plan.problems, {"缺少 绩效目标表"})) << joined(plan.problems);
    EXPECT_TRUE(plan.sheets.empty());
}

TEST(TargetSheet, ATargetNamedLikeASharedIndicatorIsAProblem) {
    Rows rows = withCell(5, 2, V(u"预算完成率"));
    Workbook wb = seedWorkbook(defaultInfo());
    wb.sheets.back() = makeSheet(std::u16string(kTargetSheet), rows);
    jixiao::Problems problems;
    loadIndicatorSystem(wb, problems);
    EXPECT_TRUE(mentions(problems, {"预算完成率", "重名", "第6行"})) << joined(problems);
}

TEST(TargetSheet, TheFillWritesTheTargetRowsIntoAppendix1) {
    FillPlan plan = planFill(seedWorkbook(defaultInfo()));
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    ASSERT_EQ(plan.scores.size(), defaultIndicatorCount());
    const PlannedScore& last = plan.scores.back();
    EXPECT_EQ(s8(last.name), "营商环境改善情况");
    EXPECT_TRUE(contains(s8(last.formula), "INDICATOR_SCORE(")) << s8(last.formula);
    EXPECT_TRUE(contains(s8(last.formula), "10)") || contains(s8(last.formula), ";10;")) << s8(last.formula);
}
