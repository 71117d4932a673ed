// Tests for jixiao/indicators.hpp: the built-in default indicator system (TSV), reading an
// indicator sheet (any column order, merged group cells, sub-criteria) and the weight checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "jixiao/indicators.hpp"
#include "sheet_builder.hpp"
#include "test_util.hpp"

using namespace jixiao;
using namespace jixiao_test;

namespace {

IndicatorSystem readDefault() {
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(defaultIndicatorSheet(), problems);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    EXPECT_TRUE(sys.has_value());
    return sys ? *sys : IndicatorSystem{};
}

// An indicator sheet with the full header in the standard order; each row lists the first
// columns (一级指标 一级权重 二级指标 二级权重 三级指标 子项 分值 计分公式 适用条件 不适用时分值转入 …).
Sheet indicatorSheet(Rows body, std::u16string name = u"指标体系") {
    Rows rows;
    std::vector<V> header;
    for (std::u16string_view c : indicatorColumns()) header.push_back(V(std::u16string(c)));
    rows.push_back(header);
    for (auto& r : body) rows.push_back(std::move(r));
    return makeSheet(std::move(name), rows);
}

}  // namespace

// ---------------------------------------------------------------- the built-in default

TEST(DefaultIndicators, SheetHasTheStandardHeaderAndNumericWeights) {
    Sheet s = defaultIndicatorSheet();
    EXPECT_EQ(s.name, u"指标体系");
    const auto& cols = indicatorColumns();
    ASSERT_EQ(cols.size(), 17u);  // … 备注, 其他口径
    ASSERT_GE(s.cols, cols.size());
    for (std::size_t c = 0; c < cols.size(); ++c) EXPECT_EQ(s.at(0, c).text, cols[c]) << "column " << c;
    // the header and one row for each of the 15 shared indicators (none has 子项)
    EXPECT_EQ(s.rows, 16u);
    EXPECT_EQ(s.at(1, 0).text, u"财政管理情况评价");
    EXPECT_EQ(s.at(1, 1).kind, Cell::Kind::Number);
    EXPECT_EQ(s.at(1, 1).number, 50);
    EXPECT_EQ(s.at(1, 6).kind, Cell::Kind::Number);
    EXPECT_EQ(s.at(1, 6).number, 4);
}

TEST(DefaultIndicators, ParsesWithoutProblems) {
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(defaultIndicatorSheet(), problems);
    ASSERT_TRUE(sys.has_value()) << joined(problems);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    EXPECT_EQ(sys->sheetName, u"指标体系");
}

// The default holds what every department shares: the seed's 财政管理情况评价 (附件1, seed lines
// ~1900–2250: 预算资金管理 33 with 9 indicators, 绩效管理情况 14 with 4, 资产管理 3 with 2).
TEST(DefaultIndicators, SharedIndicatorsInOneFirstAndThreeSecondLevelGroups) {
    IndicatorSystem sys = readDefault();
    std::vector<std::u16string> l1, l2;
    std::map<std::u16string, int> l2Count;
    for (const Indicator& i : sys.indicators) {
        if (l1.empty() || l1.back() != i.level1) l1.push_back(i.level1);
        if (l2.empty() || l2.back() != i.level2) l2.push_back(i.level2);
        ++l2Count[i.level2];
    }
    EXPECT_EQ(l1, (std::vector<std::u16string>{u"财政管理情况评价"}));
    EXPECT_EQ(l2, (std::vector<std::u16string>{u"预算资金管理", u"绩效管理情况", u"资产管理"}));
    EXPECT_EQ(l2Count[u"预算资金管理"], 9);
    EXPECT_EQ(l2Count[u"绩效管理情况"], 4);
    EXPECT_EQ(l2Count[u"资产管理"], 2);
    EXPECT_EQ(sys.indicators.size(), 15u);
    EXPECT_EQ(sys.indicators.front().name, u"预算编制合理性");
    EXPECT_EQ(sys.indicators.back().name, u"固定资产利用率");
}

TEST(DefaultIndicators, WeightsAreConsistentAndLeaveTheRestToTheTargets) {
    IndicatorSystem sys = readDefault();
    jixiao::Problems problems = checkWeights(sys);
    // the only problem of the default alone: its 50 points are not 100 (the 绩效目标表 brings the rest)
    ASSERT_EQ(problems.size(), 1u) << joined(problems);
    EXPECT_TRUE(contains(problems[0], "50")) << problems[0];
    double total = 0;
    std::map<std::u16string, double> l1, l2;
    for (const Indicator& i : sys.indicators) {
        total += i.weight;
        l1[i.level1] += i.weight;
        l2[i.level2] += i.weight;
        EXPECT_GT(i.weight, 0) << s8(i.name);
    }
    EXPECT_DOUBLE_EQ(total, 50);
    EXPECT_DOUBLE_EQ(l1[u"财政管理情况评价"], 50);
    EXPECT_DOUBLE_EQ(l2[u"预算资金管理"], 33);
    EXPECT_DOUBLE_EQ(l2[u"绩效管理情况"], 14);
    EXPECT_DOUBLE_EQ(l2[u"资产管理"], 3);
    for (const Indicator& i : sys.indicators) {
        EXPECT_DOUBLE_EQ(i.level1Weight, l1[i.level1]) << s8(i.name);
        EXPECT_DOUBLE_EQ(i.level2Weight, l2[i.level2]) << s8(i.name);
    }
}

// Nothing department-specific: no KPI target, actual or grade of any department in the default.
TEST(DefaultIndicators, NamesNoDepartmentsKpi) {
    Sheet s = defaultIndicatorSheet();
    for (std::size_t r = 1; r < s.rows; ++r)
        for (std::size_t c = 0; c < s.cols; ++c) {
            const Cell& cell = s.at(r, c);
            if (cell.kind != Cell::Kind::Text) continue;
            for (std::u16string_view w : {std::u16string_view(u"TARGET_SCORE"), std::u16string_view(u"INDICATOR_SCORE"),
                                          std::u16string_view(u"LEVEL_SCORE"), std::u16string_view(u"-目标】"),
                                          std::u16string_view(u"-实际】"), std::u16string_view(u"-等级】")})
                EXPECT_FALSE(contains(cell.text, w)) << "row " << r << " col " << c << ": " << s8(cell.text);
        }
}

TEST(DefaultIndicators, FundsSplitIndicatorIsConditionalAndMovesItsWeight) {
    IndicatorSystem sys = readDefault();
    const Indicator* i = sys.find(u"部门分解资金监管情况");
    ASSERT_NE(i, nullptr);
    EXPECT_EQ(i->condition, u"存在资金分解");
    EXPECT_EQ(i->moveTo, u"部门绩效运行监控开展情况");
    EXPECT_FALSE(i->notApplicableExpert.empty());
    EXPECT_DOUBLE_EQ(i->weight, 1);
    ASSERT_NE(sys.find(i->moveTo), nullptr);
    EXPECT_DOUBLE_EQ(sys.find(i->moveTo)->weight, 3);
    // only this one is conditional
    int conditional = 0;
    for (const Indicator& x : sys.indicators) conditional += !x.condition.empty();
    EXPECT_EQ(conditional, 1);
}

TEST(DefaultIndicators, EscapedLineBreaksBecomeLineBreaks) {
    IndicatorSystem sys = readDefault();
    const Indicator* i = sys.find(u"预算编制合理性");
    ASSERT_NE(i, nullptr);
    EXPECT_EQ(i->sourceRow, 1u);
    EXPECT_NE(i->standard.find(u'\n'), std::u16string::npos);
    EXPECT_EQ(i->standard.find(u"\\n"), std::u16string::npos) << s8(i->standard);
    EXPECT_NE(i->expert.find(u'\n'), std::u16string::npos);
    EXPECT_EQ(i->formula, u"CHECKLIST_SCORE({1;1;1;1};【合并(预算编制合理性-1;预算编制合理性-2;预算编制合理性-3;预算编制合理性-4)】)");
}

TEST(DefaultIndicators, FindNormalisesTheName) {
    IndicatorSystem sys = readDefault();
    EXPECT_NE(sys.find(u"预算 完成率"), nullptr);
    EXPECT_NE(sys.find(u"预算完成率\n"), nullptr);
    EXPECT_EQ(sys.find(u"预算完成率 "), sys.find(u"预算完成率"));
    EXPECT_EQ(sys.find(u"不存在的指标"), nullptr);
    // a sub-criterion (here from a 绩效目标表) is not an indicator
    jixiao::Problems problems;
    auto withTargets = loadIndicatorSystem(seedWorkbook(defaultInfo()), problems);
    ASSERT_TRUE(withTargets);
    EXPECT_EQ(withTargets->find(u"服务企业数量"), nullptr);
    ASSERT_NE(withTargets->find(u"年度目标完成情况"), nullptr);
    EXPECT_EQ(withTargets->find(u"年度目标完成情况")->subs.size(), 2u);
}

// ---------------------------------------------------------------- TSV and the sheet finder

TEST(SheetFromTsv, NumbersStayNumbersTextStaysText) {
    Sheet s = sheetFromTsv(u"t", "a\tb\tc\r\n1\t2.5\t1-10月\n\t-3\tx\\ny\n");
    EXPECT_EQ(s.name, u"t");
    EXPECT_EQ(s.rows, 3u);
    EXPECT_EQ(s.cols, 3u);
    EXPECT_EQ(s.at(0, 2).text, u"c");  // no '\r' left
    EXPECT_EQ(s.at(1, 0).kind, Cell::Kind::Number);
    EXPECT_EQ(s.at(1, 0).number, 1);
    EXPECT_EQ(s.at(1, 1).number, 2.5);
    EXPECT_EQ(s.at(1, 2).kind, Cell::Kind::Text);
    EXPECT_EQ(s.at(1, 2).text, u"1-10月");
    EXPECT_EQ(s.at(2, 0).kind, Cell::Kind::Empty);
    EXPECT_EQ(s.at(2, 1).number, -3);
    EXPECT_EQ(s.at(2, 2).text, u"x\\ny");  // unescaped when read as an indicator system
}

TEST(FindIndicatorSheet, ByItsHeaderWherever) {
    Workbook wb = seedWorkbook(defaultInfo());
    EXPECT_EQ(findIndicatorSheet(wb), nullptr);
    Sheet custom = defaultIndicatorSheet();
    custom.name = u"评价指标";
    wb.sheets.insert(wb.sheets.begin() + 1, custom);
    EXPECT_EQ(findIndicatorSheet(wb), &wb.sheets[1]);
}

// ---------------------------------------------------------------- reading a sheet

TEST(ReadIndicatorSystem, ColumnsInAnyOrderOthersOptionalNumericTextWeights) {
    Rows rows = {
        {u"说明：本表为评价指标体系"},
        {u"计分公式", u"三级指标", u"分值", u"二级\n指标", u"一级指标"},
        {u"A()", u"甲", u"60", u"投入", u"管理"},
        {u"B()", u"乙", 40, u"", u""},
    };
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(makeSheet(u"我的指标", rows), problems);
    ASSERT_TRUE(sys.has_value()) << joined(problems);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    EXPECT_EQ(sys->sheetName, u"我的指标");
    ASSERT_EQ(sys->indicators.size(), 2u);
    EXPECT_EQ(sys->indicators[0].name, u"甲");
    EXPECT_EQ(sys->indicators[0].formula, u"A()");
    EXPECT_DOUBLE_EQ(sys->indicators[0].weight, 60);
    EXPECT_EQ(sys->indicators[0].sourceRow, 2u);
    EXPECT_EQ(sys->indicators[1].level1, u"管理");
    EXPECT_EQ(sys->indicators[1].level2, u"投入");
    EXPECT_DOUBLE_EQ(sys->indicators[1].weight, 40);
    EXPECT_TRUE(checkWeights(*sys).empty()) << joined(checkWeights(*sys));
}

TEST(ReadIndicatorSystem, BlankMergedGroupCellsContinueTheGroupAbove) {
    Sheet s = indicatorSheet({
        {u"投入", 30, u"预算", 20, u"甲", u"", 12, u"A()"},
        {u"", V{}, u"", V{}, u"乙", u"", 8, u"B()"},
        {u"", V{}, u"管理", 10, u"丙", u"", 10, u"C()"},
        {u"产出", 70, u"数量", 70, u"丁", u"", 30, u"D()"},
        {u"", V{}, u"", V{}, u"戊", u"", 40, u"E()"},
    });
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    ASSERT_TRUE(sys.has_value()) << joined(problems);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    ASSERT_EQ(sys->indicators.size(), 5u);
    const char16_t* l1[] = {u"投入", u"投入", u"投入", u"产出", u"产出"};
    const char16_t* l2[] = {u"预算", u"预算", u"管理", u"数量", u"数量"};
    const double l1w[] = {30, 30, 30, 70, 70};
    const double l2w[] = {20, 20, 10, 70, 70};
    for (std::size_t k = 0; k < 5; ++k) {
        const Indicator& i = sys->indicators[k];
        EXPECT_EQ(i.level1, l1[k]) << k;
        EXPECT_EQ(i.level2, l2[k]) << k;
        EXPECT_DOUBLE_EQ(i.level1Weight, l1w[k]) << k;
        EXPECT_DOUBLE_EQ(i.level2Weight, l2w[k]) << k;
    }
    EXPECT_TRUE(checkWeights(*sys).empty()) << joined(checkWeights(*sys));
}

TEST(ReadIndicatorSystem, BlankMergedIndicatorCellsContinueItsSubCriteria) {
    Sheet s = indicatorSheet({
        {u"产出", 100, u"数量", 100, u"目标完成", u"甲子项", 30, u"T1()"},
        {u"", V{}, u"", V{}, u"", u"乙子项", 20, u"T2()"},
        {u"", V{}, u"", V{}, u"目标完成", u"丙子项", 10, u"T3()"},
        {u"", V{}, u"", V{}, u"效果", u"", 40, u"E()"},
    });
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    ASSERT_TRUE(sys.has_value()) << joined(problems);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    ASSERT_EQ(sys->indicators.size(), 2u);
    const Indicator& t = sys->indicators[0];
    ASSERT_EQ(t.subs.size(), 3u);
    EXPECT_EQ(t.subs[1].name, u"乙子项");
    EXPECT_EQ(t.subs[2].formula, u"T3()");
    EXPECT_DOUBLE_EQ(t.weight, 60);
    EXPECT_EQ(sys->indicators[1].name, u"效果");
    EXPECT_TRUE(sys->indicators[1].subs.empty());
    EXPECT_TRUE(checkWeights(*sys).empty()) << joined(checkWeights(*sys));
}

TEST(ReadIndicatorSystem, MissingFormulaIsAProblemNamingTheIndicatorAndRow) {
    Sheet s = indicatorSheet({
        {u"投入", 100, u"预算", 100, u"甲", u"", 60, u"A()"},
        {u"", V{}, u"", V{}, u"乙", u"", 40, u""},
    });
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    ASSERT_TRUE(sys.has_value());
    ASSERT_EQ(problems.size(), 1u) << joined(problems);
    EXPECT_TRUE(contains(problems[0], "乙")) << problems[0];
    EXPECT_TRUE(contains(problems[0], "计分公式")) << problems[0];
    EXPECT_TRUE(contains(problems[0], "第3行")) << problems[0];
}

TEST(ReadIndicatorSystem, SubCriterionWithoutFormulaIsAProblem) {
    Sheet s = indicatorSheet({
        {u"产出", 100, u"数量", 100, u"目标完成", u"甲子项", 60, u"T1()"},
        {u"", V{}, u"", V{}, u"", u"乙子项", 40, u""},
    });
    jixiao::Problems problems;
    readIndicatorSystem(s, problems);
    EXPECT_TRUE(mentions(problems, {"乙子项", "计分公式"})) << joined(problems);
}

TEST(ReadIndicatorSystem, NonNumericWeightIsAProblemQuotingIt) {
    Sheet s = indicatorSheet({
        {u"投入", 100, u"预算", 100, u"甲", u"", u"四十", u"A()"},
        {u"", V{}, u"", V{}, u"乙", u"", 60, u"B()"},
    });
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    ASSERT_TRUE(sys.has_value());
    EXPECT_TRUE(mentions(problems, {"分值", "「四十」", "第2行"})) << joined(problems);
    EXPECT_TRUE(mentions(problems, {"甲", "分值"})) << joined(problems);
    EXPECT_FALSE(mentions(problems, {"乙"})) << joined(problems);
}

TEST(ReadIndicatorSystem, NonNumericGroupWeightIsAProblem) {
    Sheet s = indicatorSheet({{u"投入", u"一百", u"预算", 100, u"甲", u"", 100, u"A()"}});
    jixiao::Problems problems;
    readIndicatorSystem(s, problems);
    EXPECT_TRUE(mentions(problems, {"一级权重", "一百"})) << joined(problems);
}

TEST(ReadIndicatorSystem, SubCriteriaNotAddingUpToTheStatedSecondLevelWeight) {
    // 产出 is stated as 10 but its only indicator's sub-criteria add up to 3 + 4 = 7.
    Sheet s = indicatorSheet({
        {u"履职", 100, u"产出", 10, u"目标完成", u"甲子项", 3, u"T1()"},
        {u"", V{}, u"", V{}, u"", u"乙子项", 4, u"T2()"},
        {u"", V{}, u"效益", V{}, u"效果", u"", 93, u"E()"},
    });
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    ASSERT_TRUE(sys.has_value());
    EXPECT_TRUE(problems.empty()) << joined(problems);  // reading is fine; the weights are not
    ASSERT_EQ(sys->indicators.size(), 2u);
    EXPECT_DOUBLE_EQ(sys->indicators[0].weight, 7);
    Problems w = checkWeights(*sys);
    ASSERT_EQ(w.size(), 1u) << joined(w);
    EXPECT_TRUE(mentions(w, {"产出", "10", "7"})) << joined(w);
}

TEST(ReadIndicatorSystem, FirstLevelMismatchAndTotalNot100) {
    Sheet s = indicatorSheet({
        {u"投入", 50, u"预算", V{}, u"甲", u"", 40, u"A()"},
        {u"产出", 50, u"数量", V{}, u"乙", u"", 50, u"B()"},
    });
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    ASSERT_TRUE(sys.has_value()) << joined(problems);
    Problems w = checkWeights(*sys);
    EXPECT_TRUE(mentions(w, {"一级指标", "投入", "50", "40"})) << joined(w);
    EXPECT_FALSE(mentions(w, {"产出"})) << joined(w);
    EXPECT_TRUE(mentions(w, {"90", "100"})) << joined(w);
}

TEST(ReadIndicatorSystem, MoveTargetThatIsNoIndicatorIsAProblem) {
    Sheet s = indicatorSheet({
        {u"投入", 100, u"预算", 100, u"甲", u"", 60, u"A()", u"存在资金分解", u"绩效监控"},
        {u"", V{}, u"", V{}, u"乙", u"", 40, u"B()"},
    });
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    ASSERT_TRUE(sys.has_value()) << joined(problems);
    EXPECT_EQ(sys->indicators[0].moveTo, u"绩效监控");
    EXPECT_EQ(sys->indicators[0].condition, u"存在资金分解");
    Problems w = checkWeights(*sys);
    ASSERT_EQ(w.size(), 1u) << joined(w);
    EXPECT_TRUE(mentions(w, {"甲", "不适用时分值转入", "绩效监控"})) << joined(w);
}

TEST(ReadIndicatorSystem, MoveTargetNamingItselfIsAProblem) {
    Sheet s = indicatorSheet({
        {u"投入", 100, u"预算", 100, u"甲", u"", 60, u"A()", u"存在资金分解", u"甲"},
        {u"", V{}, u"", V{}, u"乙", u"", 40, u"B()"},
    });
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    ASSERT_TRUE(sys.has_value());
    Problems w = checkWeights(*sys);
    EXPECT_TRUE(mentions(w, {"甲", "自身"})) << joined(w);
}

TEST(ReadIndicatorSystem, RowsWithoutGroupsOrNameAreProblems) {
    Sheet s = indicatorSheet({
        {u"", V{}, u"", V{}, u"孤儿", u"", 10, u"A()"},       // no 一级 / 二级 above
        {u"投入", 100, u"预算", 100, u"甲", u"", 100, u"B()"},
        {u"", V{}, u"", V{}, u"", u"", 5, u"C()"},            // no 三级指标, no 子项
    });
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    ASSERT_TRUE(sys.has_value());
    EXPECT_EQ(sys->indicators.size(), 1u);
    EXPECT_TRUE(mentions(problems, {"第2行", "一级指标"})) << joined(problems);
    EXPECT_TRUE(mentions(problems, {"第4行", "三级指标为空"})) << joined(problems);
}

TEST(ReadIndicatorSystem, NoHeaderOrNoIndicatorsGivesNothingAndSaysWhy) {
    jixiao::Problems problems;
    EXPECT_FALSE(readIndicatorSystem(makeSheet(u"乱", {{u"三级指标", u"分值"}, {u"甲", 1}}), problems).has_value());
    EXPECT_TRUE(mentions(problems, {"三级指标", "计分公式"})) << joined(problems);

    problems.clear();
    EXPECT_FALSE(readIndicatorSystem(indicatorSheet({}), problems).has_value());
    EXPECT_TRUE(mentions(problems, {"没有指标"})) << joined(problems);
}

// ---------------------------------------------------------------- unknown functions in templates

TEST(CalledFunctions, FormulasAndTextTemplates) {
    auto names = [](std::u16string_view t, bool text) {
        std::string out;
        for (const std::u16string& n : calledFunctions(t, text)) out += s8(n) + " ";
        return out;
    };
    EXPECT_EQ(names(u"ROUND(min(【分值】;EXECUTION_RATE(【部门.合计.支出数】;【部门.合计.调整后预算数】));2)", false),
              "ROUND MIN EXECUTION_RATE ");
    EXPECT_EQ(names(u"IF(A1=\"SUM(x)\";COM.MICROSOFT.X(1);0)", false), "IF COM.MICROSOFT.X ");  // not inside "…"
    // prose: only the 【=…】 expressions, not "按比例(含…)" or an English word before "("
    EXPECT_EQ(names(u"按 PDF (附件) 计，执行率为【=EXECUTION_RATE(【a】;【b】)|0.00%】，得分【=ROUND(X;2)|0.00】。", true),
              "EXECUTION_RATE ROUND ");
}

TEST(UnknownFunctions, NamedByRowAndColumn) {
    Sheet s = defaultIndicatorSheet();
    // 预算完成率 (row 3 of the sheet) misspelt; a reading calling a function the office lacks
    s.set(2, 7, Cell::str(u"BUDGET_COMPLETON_SCORE(EXECUTION_RATE(【部门.合计.支出数】;【部门.合计.调整后预算数】);【分值】)"));
    Problems problems;
    auto sys = readIndicatorSystem(s, problems);
    ASSERT_TRUE(sys.has_value());
    std::set<std::u16string> calc = {u"ROUND", u"MIN", u"MAX", u"IF", u"SUM", u"INT", u"ABS", u"AND", u"OR", u"TEXT", u"TRUE", u"FALSE", u"AVERAGE"};
    Problems unknown = unknownFunctions(*sys, calc);
    ASSERT_EQ(unknown.size(), 1u) << jixiao_test::joined(unknown);
    std::string zh = unknown[0].text(Lang::Zh), en = unknown[0].text(Lang::En);
    EXPECT_NE(zh.find("第3行"), std::string::npos) << zh;
    EXPECT_NE(zh.find("预算完成率"), std::string::npos) << zh;
    EXPECT_NE(zh.find("计分公式"), std::string::npos) << zh;
    EXPECT_NE(zh.find("BUDGET_COMPLETON_SCORE"), std::string::npos) << zh;
    EXPECT_NE(en.find("row 3"), std::string::npos) << en;
    EXPECT_NE(en.find("is not a Calc or Jixiao function"), std::string::npos) << en;
    // the built-in default calls nothing else; without the office's names nothing is checked
    Problems none;
    auto builtIn = readIndicatorSystem(defaultIndicatorSheet(), none);
    ASSERT_TRUE(builtIn.has_value());
    EXPECT_TRUE(unknownFunctions(*builtIn, calc).empty()) << jixiao_test::joined(unknownFunctions(*builtIn, calc));
    EXPECT_TRUE(unknownFunctions(*sys, {}).empty());
}
