// Tests for jixiao/filler.hpp: planFill on synthetic workbooks laid out like the seed sample and
// like another department's, with the built-in indicator system or one in the workbook: the new
// sheets, the score and expert formulas and the cells they read, not-applicable indicators and
// moved weights, evaluator overrides, 【合并(…)】 stacked into 计算底稿, every missing input listed
// at once, and the fill in place of an existing 附件1.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "jixiao/filler.hpp"
#include "sheet_builder.hpp"
#include "test_util.hpp"

using namespace jixiao;
using namespace jixiao_test;

namespace {

std::vector<std::u16string> sheetNames(const FillPlan& plan) {
    std::vector<std::u16string> out;
    for (const SheetPlan& s : plan.sheets) out.push_back(s.name);
    return out;
}

std::string names8(const FillPlan& plan) {
    std::string out;
    for (const SheetPlan& s : plan.sheets) out += (out.empty() ? "" : ", ") + s8(s.name);
    return "sheets planned: [" + out + "]";
}

const SheetPlan* sheetOf(const FillPlan& plan, std::u16string_view name) {
    for (const SheetPlan& s : plan.sheets)
        if (s.name == name) return &s;
    return nullptr;
}

const PlannedScore* scoreOf(const FillPlan& plan, std::u16string_view name) {
    for (const PlannedScore& s : plan.scores)
        if (s.name == name) return &s;
    return nullptr;
}

// The planned cell's text (formula or text), or "<none>".
std::u16string cellText(const SheetPlan& s, std::size_t r, std::size_t c) {
    auto it = s.cells.find({r, c});
    return it == s.cells.end() ? u"<none>" : it->second.text;
}

// The 专家意见 formula of an indicator in a new 附件1 (column K, the score's row).
std::u16string expertOf(const FillPlan& plan, std::u16string_view name) {
    const PlannedScore* ps = scoreOf(plan, name);
    const SheetPlan* a = sheetOf(plan, FillNames::appendix);
    if (!ps || !a) return u"<none>";
    return cellText(*a, ps->row, 10);
}

std::u16string basicRef(const std::vector<Info>& info, std::u16string_view label, std::size_t col = 2) {
    return cellRef(kBasicSheet, infoRow(info, label), col);
}

std::u16string textOf(std::u16string_view ref, std::u16string_view fmt) {
    return u"TEXT(" + std::u16string(ref) + u";\"" + std::u16string(fmt) + u"\")";
}

std::u16string num16(std::size_t n) {
    std::string t = std::to_string(n);
    return std::u16string(t.begin(), t.end());
}

std::size_t count(std::u16string_view hay, std::u16string_view needle) {
    std::size_t n = 0;
    for (std::size_t p = hay.find(needle); p != std::u16string_view::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

void dropColumn(Rows& rows, std::size_t c) {
    for (auto& r : rows)
        if (r.size() > c) r.erase(r.begin() + static_cast<long>(c));
}

void dropRowLabelled(Rows& rows, std::u16string_view label) {
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const std::vector<V>& r) {
                                  for (const V& v : r)
                                      if (v.cell.kind == Cell::Kind::Text && v.cell.text == label) return true;
                                  return false;
                              }),
               rows.end());
}

std::vector<Info> without(std::vector<Info> info, std::u16string_view label) {
    info.erase(std::remove_if(info.begin(), info.end(), [&](const Info& i) { return i.label == label; }), info.end());
    return info;
}

// The system the synthetic seed workbook is scored by: the built-in default and its 绩效目标表.
IndicatorSystem defaultSystem() {
    jixiao::Problems problems;
    auto sys = loadIndicatorSystem(seedWorkbook(defaultInfo()), problems);
    return sys ? *sys : IndicatorSystem{};
}

}  // namespace

namespace {

// An existing 附件1 like the generated one: two-level header in rows 3-5, one row per
// indicator from row 6 (names as given), 合计 after them with the score cell `total`.
Sheet existingAppendix(const std::vector<std::u16string>& names, V total = V{}) {
    Rows rows = {
        {u"部门整体绩效评价表"},
        {u"第三方机构：某会计师事务所"},
        {u"评价指标", u"", u"", u"", u"", u"", u"指标说明", u"评分标准", u"评分", u"评分依据", u"专家意见", u"得分率"},
        {u"一级指标", u"", u"二级指标", u"", u"三级指标"},
        {u"名称", u"权重(%)", u"名称", u"权重(%)", u"名称", u"权重(%)"},
    };
    for (const std::u16string& n : names)
        rows.push_back({u"", u"", u"", u"", n, 1.0, u"说明", u"标准", u"", u"依据", u"", u""});
    rows.push_back({u"合   计", u"", u"", u"", u"", u"", u"", u"", total, u"——", u"——"});
    return makeSheet(u"附件1", rows);
}

std::vector<std::u16string> defaultNames() {
    std::vector<std::u16string> out;
    for (const Indicator& i : defaultSystem().indicators) out.push_back(i.name);
    return out;
}

}  // namespace

// ---------------------------------------------------------------- a new 附件1 from the seed layout

class SeedFill : public ::testing::Test {
protected:
    void SetUp() override {
        info = defaultInfo(u"否");
        wb = seedWorkbook(info);
        plan = planFill(wb);
    }
    std::vector<Info> info;
    Workbook wb;
    FillPlan plan;
};

TEST_F(SeedFill, EveryLabelOfTheDefaultSystemIsCollected) {
    // the test fixture itself: the scan found the labels the formulas need
    EXPECT_GE(info.size(), 30u);
    EXPECT_NE(infoRow(info, u"政府采购实际支出"), std::string::npos);
    EXPECT_NE(infoRow(info, u"被评价部门简称"), std::string::npos);
    EXPECT_NE(infoRow(info, u"存在资金分解"), std::string::npos);
    EXPECT_EQ(infoRow(info, u"分值"), std::string::npos);
    // the built-in default names no department's KPI (the seed's are in its own 绩效目标表)
    for (std::u16string_view kpi : {u"科技型中小企业入库数量-上年", u"应急情况处理能力-等级", u"安全生产培训场次-实际"})
        EXPECT_EQ(infoRow(info, kpi), std::string::npos) << s8(kpi);
}

TEST_F(SeedFill, NoProblemsAndThreeNewSheets) {
    EXPECT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_FALSE(plan.inPlace);
    EXPECT_TRUE(plan.writes.empty());
    // the workbook has no 指标体系: the built-in one is used and written; every 【合并】 here names
    // consecutive rows, so no 计算底稿
    EXPECT_EQ(sheetNames(plan), (std::vector<std::u16string>{u"附件1", u"评价结果", u"指标体系"})) << names8(plan);
    EXPECT_EQ(plan.targetSheet, u"附件1");
    EXPECT_FALSE(plan.notes.empty());
}

TEST_F(SeedFill, OneScorePerIndicatorInSystemOrderWeightsAddUpTo100) {
    IndicatorSystem sys = defaultSystem();
    ASSERT_EQ(plan.scores.size(), defaultIndicatorCount());
    ASSERT_EQ(sys.indicators.size(), defaultIndicatorCount());
    double total = 0;
    for (std::size_t k = 0; k < plan.scores.size(); ++k) {
        const PlannedScore& ps = plan.scores[k];
        EXPECT_EQ(ps.name, sys.indicators[k].name);
        EXPECT_EQ(ps.sheet, u"附件1");
        EXPECT_EQ(ps.row, 5 + k) << s8(ps.name);
        EXPECT_EQ(ps.col, 8u) << s8(ps.name);
        total += ps.weight;
    }
    EXPECT_DOUBLE_EQ(total, 100);
    EXPECT_EQ(plan.totalCell, cellRef(u"附件1", 5 + plan.scores.size(), 8));  // the row below the last score
}

TEST_F(SeedFill, FundsNotSplitMovesTheWeightToMonitoring) {
    const PlannedScore* split = scoreOf(plan, u"部门分解资金监管情况");
    const PlannedScore* mon = scoreOf(plan, u"部门绩效运行监控开展情况");
    ASSERT_NE(split, nullptr);
    ASSERT_NE(mon, nullptr);
    EXPECT_FALSE(split->applicable);
    EXPECT_DOUBLE_EQ(split->weight, 0);
    EXPECT_EQ(split->formula, u"=ROUND(0;2)");  // every 评分 is a ROUND formula, as printed
    EXPECT_TRUE(mon->applicable);
    EXPECT_DOUBLE_EQ(mon->weight, 4);
    EXPECT_EQ(mon->formula,
              u"=ROUND((MONITORING_SCORE(" + basicRef(info, u"部门整体监控得分") + u";4));2)");
    // the not-applicable opinion, and the moved weight in 附件1's weight column
    EXPECT_EQ(expertOf(plan, u"部门分解资金监管情况"), u"=\"部门（单位）不存在资金分解情况。\"");
    const SheetPlan* a = sheetOf(plan, u"附件1");
    ASSERT_NE(a, nullptr);
    EXPECT_DOUBLE_EQ(a->cells.at({split->row, 5}).number, 0);
    EXPECT_DOUBLE_EQ(a->cells.at({mon->row, 5}).number, 4);
    EXPECT_EQ(a->cells.at({split->row, 9}).text, u"——");
}

TEST(Fill, FundsSplitKeepsBothWeights) {
    std::vector<Info> info = defaultInfo(u"是");
    FillPlan plan = planFill(seedWorkbook(info));
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    const PlannedScore* split = scoreOf(plan, u"部门分解资金监管情况");
    const PlannedScore* mon = scoreOf(plan, u"部门绩效运行监控开展情况");
    ASSERT_NE(split, nullptr);
    ASSERT_NE(mon, nullptr);
    EXPECT_TRUE(split->applicable);
    EXPECT_DOUBLE_EQ(split->weight, 1);
    EXPECT_DOUBLE_EQ(mon->weight, 3);
    EXPECT_EQ(split->formula,
              u"=ROUND((CHECKLIST_SCORE({1};" + basicRef(info, u"部门分解资金监管情况-1") + u"));2)");
    EXPECT_TRUE(contains(mon->formula, u";3))")) << s8(mon->formula);
}

TEST_F(SeedFill, ScoreFormulasAreRoundedTemplatesOfTheRightCells) {
    for (const PlannedScore& ps : plan.scores) {
        if (!ps.applicable) continue;
        EXPECT_EQ(ps.formula.rfind(u"=ROUND(", 0), 0u) << s8(ps.name) << ": " << s8(ps.formula);
        EXPECT_TRUE(ps.formula.size() > 3 && ps.formula.compare(ps.formula.size() - 3, 3, u";2)") == 0)
            << s8(ps.formula);
        EXPECT_FALSE(contains(ps.formula, u"【")) << s8(ps.formula);
        EXPECT_FALSE(contains(ps.formula, u"】")) << s8(ps.formula);
    }
    // 预算完成率: 表1-5's 合计 row (row 11), 支出金额 (G) over 调整后预算数 (F)
    const PlannedScore* done = scoreOf(plan, u"预算完成率");
    ASSERT_NE(done, nullptr);
    EXPECT_TRUE(contains(done->formula, cellRef(kDepartmentSheet, 10, 6))) << s8(done->formula);
    EXPECT_EQ(done->formula, u"=ROUND((BUDGET_COMPLETION_SCORE(EXECUTION_RATE($'表1-5 部门支出'.$G$11;"
                             u"$'表1-5 部门支出'.$F$11);8));2)");
    // 预算调整率: the project rows (6-9, not the 合计 in row 5) of 年初预算数 and 调整
    const PlannedScore* adj = scoreOf(plan, u"预算调整率");
    ASSERT_NE(adj, nullptr);
    EXPECT_EQ(adj->formula, u"=ROUND((ADJUSTMENT_SCORE(ADJUSTMENT_RATE($'表1-6 项目支出'.$C$6:$C$9;"
                            u"$'表1-6 项目支出'.$D$6:$D$9;FALSE();" +
                                basicRef(info, u"上级财政年中转移支付资金") + u");3));2)");
    // 公用经费控制率: 日常公用经费 (row 6) and 【分值】/2
    const PlannedScore* pub = scoreOf(plan, u"公用经费控制率");
    ASSERT_NE(pub, nullptr);
    EXPECT_EQ(pub->formula, u"=ROUND((PUBLIC_FUNDS_SCORE(" + basicRef(info, u"三公经费实际支出") + u";" +
                                basicRef(info, u"三公经费调整后预算") +
                                u";$'表1-5 部门支出'.$G$6;$'表1-5 部门支出'.$F$6;2/2));2)");
    // a 【合并】 of consecutive labels is their range
    const PlannedScore* plan1 = scoreOf(plan, u"预算编制合理性");
    ASSERT_NE(plan1, nullptr);
    EXPECT_EQ(plan1->formula, u"=ROUND((CHECKLIST_SCORE({1;1;1;1};" +
                                  rangeRef(kBasicSheet, infoRow(info, u"预算编制合理性-1"), 2,
                                           infoRow(info, u"预算编制合理性-4"), 2) +
                                  u"));2)");
    // the 绩效目标表's 子项: one rounded sum of two INDICATOR_SCOREs over their rows (3 and 4), each
    // with its own 分值; actual, 指标值, weight, then 评分方法 and 度量单位 as text
    const PlannedScore* targets = scoreOf(plan, u"年度目标完成情况");
    ASSERT_NE(targets, nullptr);
    EXPECT_EQ(count(targets->formula, u"INDICATOR_SCORE("), 2u) << s8(targets->formula);
    for (std::size_t r : {2u, 3u})
        EXPECT_TRUE(contains(targets->formula, u"(INDICATOR_SCORE(" + cellRef(kTargetSheet, r, 6) + u";" +
                                                   cellRef(kTargetSheet, r, 4) + u";10;" + cellRef(kTargetSheet, r, 8) +
                                                   u"&\"\";" + cellRef(kTargetSheet, r, 5) + u"&\"\";"))
            << r << ": " << s8(targets->formula);
    EXPECT_DOUBLE_EQ(targets->weight, 20);
}

TEST_F(SeedFill, AppendixRowsCarryNameWeightFormulaAndTotal) {
    const SheetPlan* a = sheetOf(plan, u"附件1");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->headerRows, 5u);
    for (const PlannedScore& ps : plan.scores) {
        EXPECT_EQ(cellText(*a, ps.row, 4), ps.name);
        EXPECT_DOUBLE_EQ(a->cells.at({ps.row, 5}).number, ps.weight) << s8(ps.name);
        const OutCell& sc = a->cells.at({ps.row, 8});
        EXPECT_EQ(sc.kind, OutCell::Kind::Formula);
        EXPECT_EQ(sc.text, ps.formula);
        const OutCell& ex = a->cells.at({ps.row, 10});
        EXPECT_EQ(ex.kind, OutCell::Kind::Formula) << s8(ps.name);
        EXPECT_EQ(ex.text.rfind(u"=", 0), 0u) << s8(ps.name);
    }
    const std::size_t last = 5 + plan.scores.size();  // 1-based row of the last score
    EXPECT_EQ(cellText(*a, last, 8), u"=SUM(I6:I" + num16(last) + u")");
    EXPECT_EQ(cellText(*a, 5, 0), u"财政管理情况评价");
    // the built-in default's indicators, then the 绩效目标表's under the 一级指标 it names
    const std::size_t shared = defaultIndicatorCount() - kTargetIndicators;
    EXPECT_EQ(cellText(*a, 5 + shared, 0), u"部门履职情况评价");
    EXPECT_EQ(cellText(*a, 5, 1), u"=SUM(F6:F" + num16(5 + shared) + u")");
    // 评价结果: a grade and a chart
    const SheetPlan* sum = sheetOf(plan, u"评价结果");
    ASSERT_NE(sum, nullptr);
    EXPECT_TRUE(sum->chart.has_value());
    EXPECT_TRUE(contains(plan.gradeCell, u"$'评价结果'.")) << s8(plan.gradeCell);
}

TEST_F(SeedFill, ExpertTextsFormatFiguresByUnit) {
    // unit %: TEXT(…;"0.00%")
    std::u16string balance = expertOf(plan, u"部门预算资金支出均衡性");
    EXPECT_TRUE(contains(balance, textOf(basicRef(info, u"1-10月支出进度执行率"), u"0.00%"))) << s8(balance);
    EXPECT_TRUE(contains(balance, textOf(basicRef(info, u"1-11月支出进度执行率"), u"0.00%"))) << s8(balance);
    // unit 万元: "0.00"
    std::u16string procurement = expertOf(plan, u"政府采购执行率");
    EXPECT_TRUE(contains(procurement, textOf(basicRef(info, u"政府采购年初预算"), u"0.00"))) << s8(procurement);
    // 【=expr|0.00%】
    std::u16string done = expertOf(plan, u"预算完成率");
    EXPECT_TRUE(contains(done, u"TEXT(EXECUTION_RATE($'表1-5 部门支出'.$G$11;$'表1-5 部门支出'.$F$11);\"0.00%\")"))
        << s8(done);
    // 【label|说明】: the 来源及说明 cell (column E)
    std::u16string plan1 = expertOf(plan, u"预算编制合理性");
    EXPECT_TRUE(contains(plan1, basicRef(info, u"预算编制合理性-1", 4))) << s8(plan1);
    EXPECT_TRUE(contains(plan1, basicRef(info, u"预算编制合理性-4", 4))) << s8(plan1);
    EXPECT_TRUE(contains(plan1, u"CHAR(10)")) << s8(plan1);
    EXPECT_FALSE(contains(plan1, u"【")) << s8(plan1);
    // the 绩效目标表's 子项 opinions joined: 指标值 as written, a % actual as a percentage (not 0.9)
    std::u16string targets = expertOf(plan, u"年度目标完成情况");
    EXPECT_TRUE(contains(targets, textOf(cellRef(kTargetSheet, 2, 4) + u"&\"\"", u"General"))) << s8(targets);
    EXPECT_TRUE(contains(targets, textOf(cellRef(kTargetSheet, 3, 6), u"0.00%"))) << s8(targets);
    EXPECT_FALSE(contains(targets, u"TEXT(TEXT(")) << s8(targets);
    EXPECT_EQ(count(targets, u"CHAR(10)"), 1u) << s8(targets);
}

TEST_F(SeedFill, BuiltInSystemIsWrittenAsASheetWithLineBreaks) {
    const SheetPlan* is = sheetOf(plan, u"指标体系");
    ASSERT_NE(is, nullptr);
    EXPECT_EQ(cellText(*is, 0, 0), u"一级指标");
    EXPECT_TRUE(is->cells.at({0, 0}).bold);
    EXPECT_EQ(cellText(*is, 0, 7), u"计分公式");
    EXPECT_DOUBLE_EQ(is->cells.at({1, 6}).number, 4);
    std::u16string standard = cellText(*is, 1, 11);
    EXPECT_NE(standard.find(u'\n'), std::u16string::npos) << s8(standard);
    EXPECT_EQ(standard.find(u"\\n"), std::u16string::npos) << s8(standard);
    // it reads back as the same system
    Sheet back;
    back.name = is->name;
    for (const auto& [rc, c] : is->cells)
        back.set(rc.first, rc.second, c.kind == OutCell::Kind::Number ? Cell::num(c.number) : Cell::str(c.text));
    jixiao::Problems problems;
    auto sys = readIndicatorSystem(back, problems);
    ASSERT_TRUE(sys.has_value()) << joined(problems);
    EXPECT_TRUE(problems.empty()) << joined(problems);
    EXPECT_EQ(sys->indicators.size(), defaultIndicatorCount() - kTargetIndicators);  // the default alone
}

// ---------------------------------------------------------------- overrides

TEST(Fill, EvaluatorOverrideOfASubCriterionAndOfAnIndicator) {
    std::vector<Info> info = defaultInfo();
    info.push_back({u"政策兑现率-人工计分比例", 0.8, u"%"});  // a 子项 of the 绩效目标表
    info.push_back({u"预算完成率-人工计分比例", V{}, u"%"});
    FillPlan plan = planFill(seedWorkbook(info));
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);

    std::u16string ratio = basicRef(info, u"政策兑现率-人工计分比例");
    const PlannedScore* targets = scoreOf(plan, u"年度目标完成情况");
    ASSERT_NE(targets, nullptr);
    EXPECT_TRUE(contains(targets->formula, u"IF(ISBLANK(" + ratio + u");(INDICATOR_SCORE(" +
                                               cellRef(kTargetSheet, 3, 6) + u";"))
        << s8(targets->formula);
    EXPECT_TRUE(contains(targets->formula, u"));10*" + ratio + u")")) << s8(targets->formula);
    std::u16string ex = expertOf(plan, u"年度目标完成情况");
    EXPECT_TRUE(contains(ex, u"评价人调整：")) << s8(ex);
    EXPECT_TRUE(contains(ex, basicRef(info, u"政策兑现率-人工计分比例", 4))) << s8(ex);

    std::u16string ratio2 = basicRef(info, u"预算完成率-人工计分比例");
    const PlannedScore* done = scoreOf(plan, u"预算完成率");
    ASSERT_NE(done, nullptr);
    EXPECT_EQ(done->formula, u"=ROUND(IF(ISBLANK(" + ratio2 +
                                 u");(BUDGET_COMPLETION_SCORE(EXECUTION_RATE($'表1-5 部门支出'.$G$11;"
                                 u"$'表1-5 部门支出'.$F$11);8));8*" +
                                 ratio2 + u");2)");
    // indicators without an override label are untouched
    const PlannedScore* adj = scoreOf(plan, u"预算调整率");
    ASSERT_NE(adj, nullptr);
    EXPECT_FALSE(contains(adj->formula, u"ISBLANK")) << s8(adj->formula);
}

// ---------------------------------------------------------------- missing inputs

TEST(Fill, EveryMissingInputIsListedAtOnceAndNothingIsWritten) {
    std::vector<Info> info = without(defaultInfo(), u"政府采购实际支出");
    Rows dept = seedDepartmentRows();
    dropRowLabelled(dept, u"日常公用经费");
    Rows proj = seedProjectRows();
    dropColumn(proj, 3);  // 调整 (under 预算调整)
    Workbook wb;
    wb.sheets.push_back(makeSheet(std::u16string(kProjectSheet), proj));
    wb.sheets.push_back(makeSheet(std::u16string(kDepartmentSheet), dept));
    wb.sheets.push_back(makeSheet(std::u16string(kBasicSheet), basicInfoRows(info)));
    wb.sheets.push_back(makeSheet(std::u16string(kTargetSheet), targetRows()));
    FillPlan plan = planFill(wb);

    EXPECT_TRUE(mentions(plan.problems, {"基础信息", "政府采购实际支出", "政府采购执行率"})) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.problems, {"部门支出表", "日常公用经费", "公用经费控制率"})) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.problems, {"项目支出表", "调整金额", "预算调整率"})) << joined(plan.problems);
    // nothing else is missing
    for (const std::string& p : texts(plan.problems))
        EXPECT_TRUE(contains(p, "政府采购实际支出") || contains(p, "日常公用经费") || contains(p, "调整金额")) << p;
    EXPECT_TRUE(plan.sheets.empty()) << plan.sheets.size() << " sheets planned";
    EXPECT_TRUE(plan.writes.empty());
}

// The same problems in English: every line an English sentence (Chinese only as the names of
// sheets, labels and columns), naming what is missing and where it is needed.
TEST(Fill, MissingInputsInEnglish) {
    std::vector<Info> info = without(defaultInfo(), u"政府采购实际支出");
    Rows dept = seedDepartmentRows();
    dropRowLabelled(dept, u"日常公用经费");
    Rows proj = seedProjectRows();
    dropColumn(proj, 3);  // 调整 (under 预算调整)
    Workbook wb;
    wb.sheets.push_back(makeSheet(std::u16string(kProjectSheet), proj));
    wb.sheets.push_back(makeSheet(std::u16string(kDepartmentSheet), dept));
    wb.sheets.push_back(makeSheet(std::u16string(kBasicSheet), basicInfoRows(info)));
    wb.sheets.push_back(makeSheet(std::u16string(kTargetSheet), targetRows()));
    FillPlan plan = planFill(wb);
    ASSERT_FALSE(plan.problems.empty());

    const Lang en = Lang::En;
    EXPECT_TRUE(mentions(plan.problems, {"Missing basic information (基础信息) \"政府采购实际支出\"", "add this row to sheet \"基础信息\"",
                                         "indicator \"政府采购执行率\" needs it"}, en))
        << joined(plan.problems, en);
    EXPECT_TRUE(mentions(plan.problems, {"Missing the row \"日常公用经费\" of the department table",
                                         "indicator \"公用经费控制率\" needs it (sheet \"表1-5 部门支出\")"}, en))
        << joined(plan.problems, en);
    EXPECT_TRUE(mentions(plan.problems, {"Missing the column \"调整金额\" of the project table", "indicator \"预算调整率\""}, en))
        << joined(plan.problems, en);
    for (const std::string& p : texts(plan.problems, en)) {
        for (std::string_view mark : {"，", "。", "；", "：", "、", "！", "？", "「", "」", "需要", "缺少"})
            EXPECT_FALSE(contains(p, mark)) << p;
        EXPECT_EQ(p.rfind("Missing ", 0), 0u) << p;
    }
    // the same lines, in Chinese as before
    EXPECT_EQ(texts(plan.problems, en).size(), texts(plan.problems).size());
    EXPECT_TRUE(mentions(plan.problems, {"缺少 基础信息「政府采购实际支出」", "指标「政府采购执行率」需要此项"})) << joined(plan.problems);

    // a missing sheet, with what was looked for
    Workbook wb2 = seedWorkbook(defaultInfo(), false);
    wb2.sheets.pop_back();  // no basic information
    FillPlan plan2 = planFill(wb2);
    EXPECT_TRUE(mentions(plan2.problems, {"Missing the basic information sheet (部门整体评价基础信息填报表)",
                                          "no basic information sheet", "needs this table"}, en))
        << joined(plan2.problems, en);
    for (const std::string& p : texts(plan2.problems, en))
        for (std::string_view mark : {"，", "。", "；", "：", "、", "「", "」"}) EXPECT_FALSE(contains(p, mark)) << p;
}

TEST(Fill, MissingSheetsAreNamed) {
    Workbook wb;
    wb.sheets.push_back(makeSheet(std::u16string(kBasicSheet), basicInfoRows(defaultInfo())));
    FillPlan plan = planFill(wb);
    EXPECT_TRUE(mentions(plan.problems, {"项目支出表"})) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.problems, {"部门支出表"})) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.problems, {"绩效目标表"})) << joined(plan.problems);
    EXPECT_TRUE(plan.sheets.empty());

    Workbook wb2 = seedWorkbook(defaultInfo(), false);
    wb2.sheets.pop_back();  // no basic information
    FillPlan plan2 = planFill(wb2);
    EXPECT_TRUE(mentions(plan2.problems, {"基础信息表"})) << joined(plan2.problems);
    EXPECT_TRUE(plan2.sheets.empty());
}

TEST(Fill, ProblemsOfTheIndicatorSheetStopTheFill) {
    Workbook wb = seedWorkbook(defaultInfo());
    Sheet sys = defaultIndicatorSheet();
    sys.set(2, 7, Cell::str(u""));  // 预算完成率 loses its 计分公式
    wb.sheets.push_back(sys);
    FillPlan plan = planFill(wb);
    EXPECT_TRUE(mentions(plan.problems, {"指标体系", "预算完成率", "计分公式"})) << joined(plan.problems);
    EXPECT_TRUE(plan.sheets.empty());
    EXPECT_TRUE(plan.writes.empty());
}

// ---------------------------------------------------------------- 【合并(…)】 and 计算底稿

TEST(Fill, NonContiguousMergeIsStackedIntoTheWorkingsSheet) {
    // The evaluators' reading of 预算调整率 (samples/src/make_seed_sample.py): projects together with
    // 表1-5's 人员经费 and 日常公用经费.
    const std::u16string initial = u"合并(项目.年初预算数;部门.人员经费.年初预算数;部门.日常公用经费.年初预算数)";
    const std::u16string adjust = u"合并(项目.调整金额;部门.人员经费.调整金额;部门.日常公用经费.调整金额)";
    std::vector<Info> info = defaultInfo();
    Workbook wb = seedWorkbook(info);
    Sheet sys = defaultIndicatorSheet();
    ASSERT_EQ(sys.at(3, 4).text, u"预算调整率");
    sys.set(3, 7, Cell::str(u"ADJUSTMENT_SCORE(ADJUSTMENT_RATE(【" + initial + u"】;【" + adjust +
                            u"】;TRUE();【上级财政年中转移支付资金】);【分值】)"));
    sys.set(3, 13, Cell::str(u"年初预算【=SUM(【" + initial + u"】)|0.00】万元，调整【=SUMPRODUCT(ABS(【" + adjust +
                             u"】))|0.00】万元。"));
    wb.sheets.push_back(sys);
    FillPlan plan = planFill(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    // the workbook has its 指标体系: not written again
    EXPECT_EQ(sheetNames(plan), (std::vector<std::u16string>{u"附件1", u"评价结果", u"计算底稿"})) << names8(plan);

    const SheetPlan* w = sheetOf(plan, u"计算底稿");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(cellText(*w, 0, 0), initial);
    EXPECT_EQ(cellText(*w, 0, 1), adjust);
    ASSERT_EQ(w->runs.size(), 4u);
    auto hasRun = [&](std::size_t row0, std::size_t col, std::size_t n, std::u16string_view f) {
        for (const FormulaRun& r : w->runs)
            if (r.row0 == row0 && r.col == col && r.count == n && r.formula == f) return true;
        return false;
    };
    // the four projects (rows 6-9) then 人员经费, 日常公用经费 (rows 5-6), each run copied down
    EXPECT_TRUE(hasRun(1, 0, 4, u"=$'表1-6 项目支出'.$C6"));
    EXPECT_TRUE(hasRun(5, 0, 2, u"=$'表1-5 部门支出'.$C5"));
    EXPECT_TRUE(hasRun(1, 1, 4, u"=$'表1-6 项目支出'.$D6"));
    EXPECT_TRUE(hasRun(5, 1, 2, u"=$'表1-5 部门支出'.$D5"));
    for (const auto& [rc, c] : w->cells) EXPECT_EQ(rc.first, 0u) << "unexpected cell in row " << rc.first;

    const PlannedScore* adj = scoreOf(plan, u"预算调整率");
    ASSERT_NE(adj, nullptr);
    EXPECT_EQ(adj->formula, u"=ROUND((ADJUSTMENT_SCORE(ADJUSTMENT_RATE($'计算底稿'.$A$2:$A$7;$'计算底稿'.$B$2:$B$7;"
                            u"TRUE();" +
                                basicRef(info, u"上级财政年中转移支付资金") + u");3));2)");
    // the opinion reuses the same stacked columns
    std::u16string ex = expertOf(plan, u"预算调整率");
    EXPECT_TRUE(contains(ex, u"SUM($'计算底稿'.$A$2:$A$7)")) << s8(ex);
    EXPECT_TRUE(contains(ex, u"ABS($'计算底稿'.$B$2:$B$7)")) << s8(ex);
}

TEST(Fill, MergeOfLabelsOutOfOrderIsStackedCellByCell) {
    // 1-11月 above 1-10月 with another row between: the pair is no range of its own.
    std::vector<Info> info = defaultInfo();
    auto at = [&](std::u16string_view l) {
        return std::find_if(info.begin(), info.end(), [&](const Info& i) { return i.label == l; });
    };
    Info oct = *at(u"1-10月支出进度执行率");
    info.erase(at(u"1-10月支出进度执行率"));
    info.insert(at(u"1-11月支出进度执行率") + 1, Info{u"备用", 0.0, u""});
    info.insert(at(u"备用") + 1, oct);
    ASSERT_EQ(infoRow(info, u"1-10月支出进度执行率"), infoRow(info, u"1-11月支出进度执行率") + 2);
    FillPlan plan = planFill(seedWorkbook(info));
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_EQ(sheetNames(plan), (std::vector<std::u16string>{u"附件1", u"评价结果", u"计算底稿", u"指标体系"})) << names8(plan);
    const SheetPlan* w = sheetOf(plan, u"计算底稿");
    ASSERT_NE(w, nullptr);
    EXPECT_TRUE(w->runs.empty());
    EXPECT_EQ(cellText(*w, 1, 0), u"=$'基础信息'.$C" + std::u16string(localRef(infoRow(info, u"1-10月支出进度执行率"), 2)).substr(1));
    EXPECT_EQ(cellText(*w, 2, 0), u"=$'基础信息'.$C" + std::u16string(localRef(infoRow(info, u"1-11月支出进度执行率"), 2)).substr(1));
    const PlannedScore* bal = scoreOf(plan, u"部门预算资金支出均衡性");
    ASSERT_NE(bal, nullptr);
    EXPECT_EQ(bal->formula, u"=ROUND((BALANCE_SCORE($'计算底稿'.$A$2:$A$3;3));2)");
}

// ---------------------------------------------------------------- another department's workbook

TEST(Fill, AnotherDepartmentsLayout) {
    // Projects: one header row, name first, synonyms, units and line breaks in the header, amounts
    // as numeric text, a blank row between projects and 合计 at the bottom. Department: one label
    // column, amounts in another order. Basic information: other header words, first in the book.
    Rows proj = {
        {u"项目支出执行情况"},
        {u"项目名称", u"序号", u"调整后\n预算数", u"年初预算\n（万元）", u"调整金额（万元）", u"支出金额 (万元)", u"支出率(%)"},
        {u"信息化运维", u"1", u"1,200.00", u"1,000.00", u"200.00", u"1,150.50", u"95.88%"},
        {u"办公楼维修", u"2", u"300", u"350", u"-50", u"290", u"96.67%"},
        {},
        {u"课题研究", u"3", u"80", u"80", u"-", u"40", u"50%"},
        {u"合 计", u"", u"1,580.00", u"1,430.00", u"150.00", u"1,480.50", u"93.70%"},
    };
    Rows dept = {
        {u"项 目", u"支出数（万元）", u"年初预算数（万元）", u"调整数", u"全年预算数"},
        {u"人员经费", u"75", u"80", u"0", u"80"},
        {u"日常公用经费", u"15", u"20", u"0", u"20"},
        {u"基本支出小计", u"90", u"100", u"0", u"100"},
        {u"项目支出小计", u"1,480.50", u"1,430.00", u"150", u"1,580.00"},
        {u"合计", u"1,570.50", u"1,530.00", u"150", u"1,680.00"},
    };
    std::vector<Info> info = defaultInfo();
    Rows basic = {{u"基础信息"}, {}, {u"指标", u"填报值", u"计量单位", u"备注"}};
    for (const Info& i : info) basic.push_back({i.label, i.value, i.unit, u"备注：" + i.label});
    Workbook wb;
    wb.sheets.push_back(makeSheet(u"基础数据", basic));
    wb.sheets.push_back(makeSheet(u"项目支出", proj));
    wb.sheets.push_back(makeSheet(u"部门支出", dept));
    wb.sheets.push_back(makeSheet(u"2024年绩效目标", targetRows()));
    FillPlan plan = planFill(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_EQ(sheetNames(plan), (std::vector<std::u16string>{u"附件1", u"评价结果", u"计算底稿", u"指标体系"})) << names8(plan);

    auto ref = [&](std::u16string_view label) { return cellRef(u"基础数据", 3 + infoRow(info, label) - kBasicFirstRow, 1); };
    const PlannedScore* done = scoreOf(plan, u"预算完成率");
    ASSERT_NE(done, nullptr);
    // this department's amounts are numeric text: read with VALUE, or Calc would not take them as numbers
    EXPECT_EQ(done->formula,
              u"=ROUND((BUDGET_COMPLETION_SCORE(EXECUTION_RATE(VALUE($'部门支出'.$B$6);VALUE($'部门支出'.$E$6));8));2)");
    const PlannedScore* pub = scoreOf(plan, u"公用经费控制率");
    ASSERT_NE(pub, nullptr);
    EXPECT_TRUE(contains(pub->formula, u"VALUE($'部门支出'.$B$3);VALUE($'部门支出'.$E$3)")) << s8(pub->formula);
    EXPECT_TRUE(contains(pub->formula, ref(u"三公经费实际支出"))) << s8(pub->formula);

    // projects in rows 3, 4 and 6: 年初预算 (D) and 调整金额 (E) stacked, the first two as one run
    const SheetPlan* w = sheetOf(plan, u"计算底稿");
    ASSERT_NE(w, nullptr);
    auto hasRun = [&](std::size_t row0, std::size_t col, std::size_t n, std::u16string_view f) {
        for (const FormulaRun& r : w->runs)
            if (r.row0 == row0 && r.col == col && r.count == n && r.formula == f) return true;
        return false;
    };
    EXPECT_TRUE(hasRun(1, 0, 2, u"=$'项目支出'.$D3")) << w->runs.size() << " runs";
    EXPECT_TRUE(hasRun(1, 1, 2, u"=$'项目支出'.$E3")) << w->runs.size() << " runs";
    EXPECT_EQ(cellText(*w, 3, 0), u"=$'项目支出'.$D6");
    EXPECT_EQ(cellText(*w, 3, 1), u"=$'项目支出'.$E6");
    const PlannedScore* adj = scoreOf(plan, u"预算调整率");
    ASSERT_NE(adj, nullptr);
    EXPECT_EQ(adj->formula, u"=ROUND((ADJUSTMENT_SCORE(ADJUSTMENT_RATE($'计算底稿'.$A$2:$A$4;$'计算底稿'.$B$2:$B$4;"
                            u"FALSE();" +
                                ref(u"上级财政年中转移支付资金") + u");3));2)");
    // 说明 from the 备注 column (D)
    std::u16string ex = expertOf(plan, u"财务合规性");
    EXPECT_TRUE(contains(ex, cellRef(u"基础数据", 3 + infoRow(info, u"财务合规性-1") - kBasicFirstRow, 3))) << s8(ex);
}

TEST(Fill, ADepartmentTableHeaded项目IsNotReadAsTheProjects) {
    // 表1-5 with one label column headed 项目 (the seed tables' own name for it) and a department
    // with three projects: 【项目.年初预算数】 must still read 表1-6, not 表1-5's rows.
    Rows dept = {
        {u"项目", u"年初预算数", u"调整金额", u"调整后预算数", u"支出数"},
        {u"基本支出", 100.0, 0.0, 100.0, 90.0},
        {u"人员经费", 80.0, 0.0, 80.0, 75.0},
        {u"日常公用经费", 20.0, 0.0, 20.0, 15.0},
        {u"项目支出", 50.0, 5.0, 55.0, 50.0},
        {u"基本建设类项目", 0.0, 0.0, 0.0, 0.0},
        {u"行政事业类项目", 50.0, 5.0, 55.0, 50.0},
        {u"合计", 150.0, 5.0, 155.0, 140.0},
    };
    Rows proj = threeProjectRows();
    Workbook wb;
    wb.sheets.push_back(makeSheet(u"表1-5", dept));
    wb.sheets.push_back(makeSheet(u"表1-6", proj));
    wb.sheets.push_back(makeSheet(std::u16string(kBasicSheet), basicInfoRows(defaultInfo())));
    wb.sheets.push_back(makeSheet(std::u16string(kTargetSheet), targetRows()));
    FillPlan plan = planFill(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    const PlannedScore* adj = scoreOf(plan, u"预算调整率");
    ASSERT_NE(adj, nullptr);
    EXPECT_TRUE(contains(adj->formula, u"ADJUSTMENT_RATE($'表1-6'.$C$3:$C$5;$'表1-6'.$D$3:$D$5;")) << s8(adj->formula);
    const PlannedScore* done = scoreOf(plan, u"预算完成率");
    ASSERT_NE(done, nullptr);
    EXPECT_TRUE(contains(done->formula, u"EXECUTION_RATE($'表1-5'.$E$8;$'表1-5'.$D$8)")) << s8(done->formula);
}

TEST(Fill, SheetNamesTakenByOtherSheetsGetASuffixAndTheFormulasFollow) {
    Workbook wb = seedWorkbook(defaultInfo());
    wb.sheets.push_back(makeSheet(u"附件1", {{u"（空白）"}}));
    wb.sheets.push_back(makeSheet(u"指标体系", {{u"另作他用"}}));
    FillPlan plan = planFill(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_FALSE(plan.inPlace);
    EXPECT_EQ(sheetNames(plan), (std::vector<std::u16string>{u"附件1 (2)", u"评价结果", u"指标体系 (2)"})) << names8(plan);
    EXPECT_EQ(plan.targetSheet, u"附件1 (2)");
    EXPECT_EQ(plan.totalCell, cellRef(u"附件1 (2)", 5 + defaultIndicatorCount(), 8));
    ASSERT_FALSE(plan.scores.empty());
    EXPECT_EQ(plan.scores[0].sheet, u"附件1 (2)");
    const SheetPlan* sum = sheetOf(plan, u"评价结果");
    ASSERT_NE(sum, nullptr);
    EXPECT_EQ(cellText(*sum, 2, 2), u"=SUM($'附件1 (2)'.$I$6:$I$20)");
}

TEST(Fill, LongOpinionTextsAreSplitIntoShortStringConstantsAndQuotesDoubled) {
    // .xlsx keeps at most 255 characters in a string constant of a formula.
    std::u16string longText;
    for (int k = 0; k < 60; ++k) longText += u"评价\"意见\"文字";  // 480 characters
    Workbook wb = seedWorkbook(defaultInfo());
    Sheet sys = defaultIndicatorSheet();
    ASSERT_EQ(sys.at(2, 4).text, u"预算完成率");
    sys.set(2, 13, Cell::str(longText + u"【分值】"));
    wb.sheets.push_back(sys);
    FillPlan plan = planFill(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    std::u16string f = expertOf(plan, u"预算完成率");
    // read back the string constants
    std::u16string literal;
    std::size_t longest = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] != u'"') continue;
        std::size_t n = 0;
        for (++i; i < f.size(); ++i) {
            if (f[i] == u'"' && i + 1 < f.size() && f[i + 1] == u'"') { literal += u'"'; ++n; ++i; continue; }
            if (f[i] == u'"') break;
            literal += f[i];
            ++n;
        }
        longest = std::max(longest, n);
    }
    EXPECT_EQ(literal, longText) << s8(f);
    EXPECT_LE(longest, 255u) << s8(f);
    EXPECT_TRUE(contains(f, u"&8")) << s8(f);  // 【分值】 in a text is the weight
}

TEST(Fill, RerunInPlaceReplacesTheEarlierWorkingsSheet) {
    // After a first fill the workbook has 附件1 and the 计算底稿 it reads; filling again (in place)
    // should rewrite that 计算底稿 — filler.hpp: new sheets replace "same-named generated sheets",
    // replaceSheets lists "generated sheets from an earlier fill to remove first" — rather than
    // add 计算底稿 (2) next to the stale one.
    const std::u16string initial = u"合并(项目.年初预算数;部门.人员经费.年初预算数;部门.日常公用经费.年初预算数)";
    Workbook wb = seedWorkbook(defaultInfo());
    Sheet sys = defaultIndicatorSheet();
    sys.set(3, 7, Cell::str(u"ADJUSTMENT_SCORE(ADJUSTMENT_RATE(【" + initial +
                            u"】;【项目.调整金额】;TRUE();【上级财政年中转移支付资金】);【分值】)"));
    wb.sheets.push_back(sys);
    FillPlan first = planFill(wb);
    ASSERT_TRUE(first.problems.empty()) << joined(first.problems);
    const SheetPlan* w1 = sheetOf(first, u"计算底稿");
    ASSERT_NE(w1, nullptr);
    // the workbook as the first fill left it
    Sheet earlier;
    earlier.name = u"计算底稿";
    for (const auto& [rc, c] : w1->cells) earlier.set(rc.first, rc.second, Cell::str(c.text));
    for (const FormulaRun& r : w1->runs)
        for (std::size_t k = 0; k < r.count; ++k) earlier.set(r.row0 + k, r.col, Cell::num(1));
    wb.sheets.push_back(existingAppendix(defaultNames(), 60.0));
    wb.sheets.push_back(earlier);

    FillPlan again = planFill(wb);
    ASSERT_TRUE(again.problems.empty()) << joined(again.problems);
    EXPECT_TRUE(again.inPlace);
    EXPECT_EQ(sheetNames(again), (std::vector<std::u16string>{u"计算底稿"})) << names8(again);
    EXPECT_NE(std::find(again.replaceSheets.begin(), again.replaceSheets.end(), u"计算底稿"), again.replaceSheets.end());
}

// ---------------------------------------------------------------- fill in place


TEST(FillInPlace, WritesOnlyScoreAndOpinionOfMatchedRowsAndTheBlankTotal) {
    std::vector<Info> info = defaultInfo();
    Workbook wb = seedWorkbook(info);
    std::vector<std::u16string> names = defaultNames();
    ASSERT_EQ(names.size(), defaultIndicatorCount());
    std::swap(names[1], names[2]);  // rows in another order than the system
    names[0] = u"预算编制\n合理性";  // and a line break in a name
    wb.sheets.insert(wb.sheets.begin(), existingAppendix(names));
    FillPlan plan = planFill(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_TRUE(plan.inPlace);
    EXPECT_EQ(plan.targetSheet, u"附件1");
    EXPECT_TRUE(plan.sheets.empty()) << plan.sheets.size() << " sheets planned";
    ASSERT_EQ(plan.scores.size(), names.size());

    std::map<std::u16string, std::size_t> rowOf;
    for (std::size_t k = 0; k < names.size(); ++k) rowOf[normalizeLabel(names[k])] = 5 + k;
    std::set<std::pair<std::size_t, std::size_t>> expected;
    for (const PlannedScore& ps : plan.scores) {
        EXPECT_EQ(ps.sheet, u"附件1");
        EXPECT_EQ(ps.row, rowOf.at(ps.name)) << s8(ps.name);
        EXPECT_EQ(ps.col, 8u);
        expected.insert({ps.row, 8});
        expected.insert({ps.row, 10});
    }
    const std::size_t totalRow = 5 + names.size();
    expected.insert({totalRow, 8});

    ASSERT_EQ(plan.writes.size(), 2 * names.size() + 1u);
    std::set<std::pair<std::size_t, std::size_t>> written;
    for (const CellWrite& w : plan.writes) {
        EXPECT_EQ(w.sheet, u"附件1");
        EXPECT_TRUE(w.col == 8 || w.col == 10) << "write to column " << w.col << " row " << w.row;
        EXPECT_EQ(w.value.kind, OutCell::Kind::Formula);
        EXPECT_TRUE(written.insert({w.row, w.col}).second) << "written twice: " << w.row << "," << w.col;
    }
    EXPECT_EQ(written, expected);

    for (const CellWrite& w : plan.writes) {
        if (w.row == totalRow) {
            EXPECT_EQ(w.value.text.rfind(u"=SUM(I", 0), 0u) << s8(w.value.text);
            EXPECT_EQ(count(w.value.text, u";"), names.size() - 1) << s8(w.value.text);
            EXPECT_TRUE(contains(w.value.text, u"I6;")) << s8(w.value.text);
        }
    }
    const PlannedScore* done = scoreOf(plan, u"预算完成率");
    ASSERT_NE(done, nullptr);
    EXPECT_EQ(done->row, 7u);  // swapped with 预算调整率
    EXPECT_EQ(done->formula, u"=ROUND((BUDGET_COMPLETION_SCORE(EXECUTION_RATE($'表1-5 部门支出'.$G$11;"
                             u"$'表1-5 部门支出'.$F$11);8));2)");
    bool found = false;
    for (const CellWrite& w : plan.writes)
        if (w.row == done->row && w.col == 8) {
            found = true;
            EXPECT_EQ(w.value.text, done->formula);
        }
    EXPECT_TRUE(found);
    const PlannedScore* split = scoreOf(plan, u"部门分解资金监管情况");
    ASSERT_NE(split, nullptr);
    EXPECT_FALSE(split->applicable);
    EXPECT_DOUBLE_EQ(scoreOf(plan, u"部门绩效运行监控开展情况")->weight, 4);
    EXPECT_EQ(plan.totalCell, cellRef(u"附件1", totalRow, 8));
}

TEST(FillInPlace, AFilledTotalIsLeftAlone) {
    Workbook wb = seedWorkbook(defaultInfo());
    wb.sheets.push_back(existingAppendix(defaultNames(), 0.0));
    FillPlan plan = planFill(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_TRUE(plan.inPlace);
    const std::size_t n = defaultIndicatorCount();
    EXPECT_EQ(plan.writes.size(), 2 * n);
    for (const CellWrite& w : plan.writes) EXPECT_LT(w.row, 5 + n);
    EXPECT_EQ(plan.totalCell, cellRef(u"附件1", 5 + n, 8));
}

TEST(FillInPlace, SingleRowHeaderInAnotherOrder) {
    Rows rows = {{u"序号", u"三级指标", u"专家意见", u"评分"}};
    std::vector<std::u16string> names = defaultNames();
    for (std::size_t k = 0; k < names.size(); ++k) rows.push_back({static_cast<int>(k + 1), names[k], u"", u""});
    rows.push_back({u"总计", u"", u"", u""});
    Workbook wb = seedWorkbook(defaultInfo());
    wb.sheets.push_back(makeSheet(u"评价表", rows));
    FillPlan plan = planFill(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_TRUE(plan.inPlace);
    EXPECT_EQ(plan.targetSheet, u"评价表");
    ASSERT_EQ(plan.writes.size(), 2 * names.size() + 1u);
    for (const CellWrite& w : plan.writes) {
        EXPECT_EQ(w.sheet, u"评价表");
        EXPECT_TRUE(w.col == 3 || (w.col == 2 && w.row <= names.size())) << w.row << "," << w.col;
    }
    EXPECT_EQ(plan.writes.back().row, names.size() + 1);
    EXPECT_EQ(plan.writes.back().col, 3u);
    EXPECT_EQ(plan.totalCell, cellRef(u"评价表", names.size() + 1, 3));
}

TEST(FillInPlace, AMissingIndicatorRowIsAProblemAndNothingIsWritten) {
    std::vector<std::u16string> names = defaultNames();
    names.erase(std::find(names.begin(), names.end(), u"固定资产利用率"));
    names.erase(std::find(names.begin(), names.end(), u"营商环境改善情况"));  // a 绩效目标表 row
    Workbook wb = seedWorkbook(defaultInfo());
    wb.sheets.push_back(existingAppendix(names));
    FillPlan plan = planFill(wb);
    EXPECT_TRUE(plan.inPlace);
    EXPECT_TRUE(mentions(plan.problems, {"附件1", "固定资产利用率"})) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.problems, {"附件1", "营商环境改善情况"})) << joined(plan.problems);
    EXPECT_EQ(plan.problems.size(), 2u) << joined(plan.problems);
    EXPECT_TRUE(plan.writes.empty());
    EXPECT_TRUE(plan.sheets.empty());
}

TEST(FillInPlace, MissingInputsClearTheWrites) {
    Workbook wb = seedWorkbook(without(defaultInfo(), u"部门整体监控得分"));
    wb.sheets.push_back(existingAppendix(defaultNames()));
    FillPlan plan = planFill(wb);
    EXPECT_TRUE(plan.inPlace);
    EXPECT_TRUE(mentions(plan.problems, {"部门整体监控得分"})) << joined(plan.problems);
    EXPECT_TRUE(plan.writes.empty());
    EXPECT_TRUE(plan.sheets.empty());
}

// ---------------------------------------------------------------- isYes

TEST(IsYes, YesAnswers) {
    for (const char16_t* t : {u"是", u" 是 ", u"有", u"存在", u"适用", u"TRUE", u"true", u"Y", u"yes", u"1", u"√"})
        EXPECT_TRUE(isYes(Cell::str(t))) << s8(t);
    EXPECT_TRUE(isYes(Cell::num(1)));
    for (const char16_t* t : {u"否", u"无", u"不存在", u"FALSE", u"N", u"0", u""})
        EXPECT_FALSE(isYes(Cell::str(t))) << s8(t);
    EXPECT_FALSE(isYes(Cell::num(0)));
    EXPECT_FALSE(isYes(Cell{}));
}

// ---------------------------------------------------------------- input values checked before writing

TEST(FillInputs, TextWhereANumberBelongsIsAProblemNamingTheCell) {
    // Text in a 万元 figure and in a 分 figure: both listed at once, nothing planned.
    std::vector<Info> info = defaultInfo();
    bool changed1 = false, changed2 = false;
    for (Info& i : info) {
        if (i.label == u"政府采购实际支出") { i.value = u"约450"; changed1 = true; }
        if (i.label == u"部门整体监控得分") { i.value = u"良好"; changed2 = true; }
    }
    ASSERT_TRUE(changed1 && changed2);
    FillPlan plan = planFill(seedWorkbook(info));
    EXPECT_TRUE(mentions(plan.problems, {"政府采购实际支出", "约450"})) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.problems, {"部门整体监控得分", "良好"})) << joined(plan.problems);
    EXPECT_TRUE(plan.sheets.empty());
}

TEST(FillInputs, NumericTextIsReadWithValue) {
    std::vector<Info> info = defaultInfo();
    for (Info& i : info)
        if (i.label == u"政府采购实际支出") i.value = u"452.88";
    FillPlan plan = planFill(seedWorkbook(info));
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    const PlannedScore* p = scoreOf(plan, u"政府采购执行率");
    ASSERT_NE(p, nullptr);
    EXPECT_TRUE(contains(p->formula, u"PROCUREMENT_SCORE(VALUE(")) << s8(p->formula);
}

// ---------------------------------------------------------------- 专家意见 read cells by the functions' range policy

TEST_F(SeedFill, AdjustmentOpinionSumsThroughTheRangePolicy) {
    // The quoted Σ|调整金额| and Σ年初预算 go through ADJUSTMENT_SUM / AMOUNT_SUM (numeric text, "-" = 0,
    // the same rows as ADJUSTMENT_RATE's numerator), never SUMPRODUCT(ABS(…)) / SUM over raw cells,
    // which give #VALUE! or a wrong sum for exported text.
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    std::u16string ex = expertOf(plan, u"预算调整率");
    const std::u16string init = u"$'表1-6 项目支出'.$C$6:$C$9", adj = u"$'表1-6 项目支出'.$D$6:$D$9";
    EXPECT_TRUE(contains(ex, u"ADJUSTMENT_SUM(" + init + u";" + adj + u";FALSE())")) << s8(ex);
    EXPECT_TRUE(contains(ex, u"AMOUNT_SUM(" + init + u")")) << s8(ex);
    EXPECT_FALSE(contains(ex, u"SUMPRODUCT")) << s8(ex);
    EXPECT_FALSE(contains(ex, u"ABS(")) << s8(ex);
    // and the same rows as the score's own ADJUSTMENT_RATE
    const PlannedScore* score = scoreOf(plan, u"预算调整率");
    ASSERT_NE(score, nullptr);
    EXPECT_TRUE(contains(score->formula, u"ADJUSTMENT_RATE(" + init + u";" + adj + u";FALSE();")) << s8(score->formula);
}

TEST(IsYes, AgreesWithTheOneYesNoReader) {
    for (const char16_t* t : {u"是", u"否", u"有", u"无", u"存在", u"不存在", u"适用", u"不适用", u"TRUE", u"false", u"Y",
                              u"n", u"YES", u"no", u"1", u"0", u"√", u"×", u"也许", u""})
        EXPECT_EQ(isYes(Cell::str(t)), yesNo(CellView::str(t)).value_or(false)) << s8(t);
    EXPECT_TRUE(isYes(Cell::str(u"不适用")) == false);
    EXPECT_TRUE(isYes(Cell::num(2)));
}
