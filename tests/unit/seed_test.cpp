// Golden values from the seed report: 广州市荔湾区科技工业和信息化局 2021 年度部门整体支出绩效评价报告
// (/work/shared/seed/000_fadadc069b8c6301.txt). Every figure below is transcribed from it; each test
// names the table / indicator it comes from, with the seed's line numbers. Amounts are 万元.
// The report prints scores to 0.01 and rates to 0.01%, so results are compared after
// roundHalfUp(x, 2) (rates as percentages: roundHalfUp(rate * 100, 2)).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "jixiao/rules.hpp"
#include "jixiao/values.hpp"
#include "test_util.hpp"

using namespace jixiao;
using jixiao_test::r2;

namespace {

// Percent as printed: 0.913809 -> 91.38.
double pct(double rate) { return roundHalfUp(rate * 100.0, 2); }

// ------------------------------------------------------------------------------------------------
// 表1-6 2021年部门项目支出资金执行情况 (seed lines 659-914; 单位：万元).
// Columns: 年初预算数 | 预算调整: 调整, 调整率 | 调整后预算数 | 实际支出: 支出数, 执行率.
// The 合计 row (seed line 680) reads: 13,354.78 | -4,859.10 | 36.38% | 8,495.68 | 7,516.97 | 88.48%.
struct ProjectRow {
    int no;
    const char* name;
    double initial;      // 年初预算数
    double adjustment;   // 调整
    double adjRatePct;   // 调整率 as printed, %
    double adjusted;     // 调整后预算数
    double spent;        // 支出数
    double execRatePct;  // 执行率 as printed, %
};

const ProjectRow kTable1_6[] = {
    {1, "2021年度省科技创新战略专项资金（省基础与应用基础研究基金部分项目）", 0.00, 10.00, 100.00, 10.00, 10.00, 100.00},
    {2, "科学技术支出", 11830.00, -5279.67, 44.63, 6550.33, 6154.23, 93.95},
    {3, "2021年度省科技创新战略专项资金（粤港澳联合实验室等项目）", 0.00, 30.00, 100.00, 30.00, 30.00, 100.00},
    {4, "2021年中央引导地方科技发展资金（第二批）项目-广州荔湾区", 0.00, 30.00, 100.00, 30.00, 30.00, 100.00},
    {5, "2021年度省科技创新战略专项资金（大动物模型研究中心建设等）", 0.00, 100.00, 100.00, 100.00, 100.00, 100.00},
    {6, "交通战备工作经费", 10.00, 0.00, 0.00, 10.00, 3.69, 36.90},
    {7, "春运工作经费", 22.00, -10.00, 45.45, 12.00, 12.00, 100.00},
    {8, "无线电安全保障工作专项经费", 7.80, -3.90, 50.00, 3.90, 3.90, 100.00},
    {9, "荔湾区产业园区整治提升服务外包项目经费", 30.00, 0.00, 0.00, 30.00, 30.00, 100.00},
    {10, "工业领域安全生产检查工作资金项目", 20.00, 0.00, 0.00, 20.00, 13.58, 67.90},
    {11, "工业产业区块划定项目经费", 12.50, 0.00, 0.00, 12.50, 12.50, 100.00},
    {12, "省级企业情况综合数据采集经费", 0.00, 8.20, 100.00, 8.20, 8.20, 100.00},
    {13, "企业节能工作", 10.00, -3.40, 34.00, 6.60, 5.33, 80.76},
    {14, "市级经济运行监测经费", 0.00, 5.90, 100.00, 5.90, 5.90, 100.00},
    {15, "经济运行目标奖励", 0.00, 10.00, 100.00, 10.00, 10.00, 100.00},
    {16, "物业管理专项经费", 100.00, 0.00, 0.00, 100.00, 55.77, 55.77},
    {17, "保密室建设经费", 15.00, 0.00, 0.00, 15.00, 14.56, 97.07},
    {18, "科工信局工作专项经费", 229.00, 8.20, 3.58, 237.20, 145.54, 61.36},
    {19, "疫情防控补助经费", 0.00, 334.93, 100.00, 334.93, 325.52, 97.19},
    {20, "广州市创新创业大赛承办等活动及科技创新政策宣传费用", 20.00, 0.00, 0.00, 20.00, 0.00, 0.00},
    {21, "科技活动周宣传活动项目", 15.00, 0.00, 0.00, 15.00, 0.00, 0.00},
    {22, "中央2021年（清算2020年度）农村水路客运行业成品油价格改革财政补贴资金项目", 0.00, 5.64, 100.00, 5.64, 0.00, 0.00},
    {23, "荔湾区交管总站工作经费项目", 15.00, 0.00, 0.00, 15.00, 11.80, 78.67},
    {24, "荔湾区交通行业安全生产、消防安全项目", 17.00, 0.00, 0.00, 17.00, 15.50, 91.18},
    {25, "协管员工作经费", 38.58, 0.00, 0.00, 38.58, 32.91, 85.30},
    {26, "购买社会服务专项经费", 135.00, 0.00, 0.00, 135.00, 111.27, 82.42},
    {27, "新三板广州服务基地运营服务项目", 285.00, -105.00, 36.84, 180.00, 53.86, 29.92},
    {28, "经发研工作经费", 77.00, 0.00, 0.00, 77.00, 75.78, 98.42},
    {29, "新三板广州服务基地基础设施建设项目工作经费", 327.90, 0.00, 0.00, 327.90, 245.13, 74.76},
    {30, "荔湾区电子商务综合服务平台项目经费", 138.00, 0.00, 0.00, 138.00, 0.00, 0.00},
};
constexpr std::size_t kProjects = sizeof kTable1_6 / sizeof kTable1_6[0];

// ------------------------------------------------------------------------------------------------
// 表1-5 2021年部门整体支出资金执行情况 (seed lines 614-651; 单位：万元). Same columns.
struct BudgetRow {
    const char* name;
    double initial, adjustment, adjRatePct, adjusted, spent, execRatePct;
};
const BudgetRow kPersonnel{"基本支出 人员经费", 3523.51, -306.22, 8.69, 3217.29, 3189.72, 99.14};
const BudgetRow kDailyPublic{"基本支出 日常公用经费", 210.12, -7.15, 3.40, 202.97, 182.20, 89.77};
const BudgetRow kBasicSubtotal{"基本支出 小计", 3733.63, -313.37, 8.39, 3420.26, 3371.92, 98.59};
const BudgetRow kConstruction{"项目支出 基本建设类项目", 0.00, 0.00, 0.00, 0.00, 0.00, 0.00};
const BudgetRow kAdministrative{"项目支出 行政事业类项目", 13354.78, -4859.10, 36.38, 8495.68, 7516.97, 88.48};
const BudgetRow kProjectSubtotal{"项目支出 小计", 13354.78, -4859.10, 36.38, 8495.68, 7516.97, 88.48};
const BudgetRow kGrandTotal{"合计", 17088.41, -5172.47, 30.27, 11915.94, 10888.89, 91.38};

// Every 表1-5 row whose 调整后预算数 is positive (基本建设类项目 is tested on its own).
const BudgetRow* const kTable1_5Rows[] = {&kPersonnel, &kDailyPublic, &kBasicSubtotal,
                                          &kAdministrative, &kProjectSubtotal, &kGrandTotal};

// "1,234.56" / "-5,279.67", as the report prints amounts.
std::u16string printed(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", std::fabs(x));
    std::string s(buf);
    std::size_t point = s.find('.');
    for (std::size_t i = point; i > 3; i -= 3) s.insert(i - 3, ",");
    if (x < 0) s.insert(0, "-");
    return fromUtf8(s);
}

}  // namespace

// ================================================================================================
// Internal consistency of the transcription (guards against typos in the tables above).

TEST(SeedTable1_6, HasThirtyProjectsNumberedInOrder) {
    // "区科工信局本年度共有 30个预算项目" (seed line 653).
    ASSERT_EQ(kProjects, 30u);
    for (std::size_t i = 0; i < kProjects; ++i) EXPECT_EQ(kTable1_6[i].no, static_cast<int>(i + 1));
}

TEST(SeedTable1_6, InitialPlusAdjustmentEqualsAdjustedOnEveryRow) {
    for (const ProjectRow& p : kTable1_6)
        EXPECT_DOUBLE_EQ(r2(p.initial + p.adjustment), p.adjusted) << "表1-6 row " << p.no << " " << p.name;
}

TEST(SeedTable1_6, ColumnsSumToTheTotalRow) {
    // 表1-6 合计 (seed line 680): 13,354.78 | -4,859.10 | 8,495.68 | 7,516.97.
    double initial = 0, adjustment = 0, adjusted = 0, spent = 0;
    for (const ProjectRow& p : kTable1_6) {
        initial += p.initial;
        adjustment += p.adjustment;
        adjusted += p.adjusted;
        spent += p.spent;
    }
    EXPECT_DOUBLE_EQ(r2(initial), 13354.78);
    EXPECT_DOUBLE_EQ(r2(adjustment), -4859.10);
    EXPECT_DOUBLE_EQ(r2(adjusted), 8495.68);
    EXPECT_DOUBLE_EQ(r2(spent), 7516.97);
    // ... which is 表1-5's 行政事业类项目 row.
    EXPECT_DOUBLE_EQ(r2(initial), kAdministrative.initial);
    EXPECT_DOUBLE_EQ(r2(adjustment), kAdministrative.adjustment);
    EXPECT_DOUBLE_EQ(r2(adjusted), kAdministrative.adjusted);
    EXPECT_DOUBLE_EQ(r2(spent), kAdministrative.spent);
}

TEST(SeedTable1_5, RowsAreConsistent) {
    for (const BudgetRow* b : kTable1_5Rows)
        EXPECT_DOUBLE_EQ(r2(b->initial + b->adjustment), b->adjusted) << "表1-5 " << b->name;
    // 人员经费 + 日常公用经费 = 基本支出 小计
    EXPECT_DOUBLE_EQ(r2(kPersonnel.initial + kDailyPublic.initial), kBasicSubtotal.initial);
    EXPECT_DOUBLE_EQ(r2(kPersonnel.adjustment + kDailyPublic.adjustment), kBasicSubtotal.adjustment);
    EXPECT_DOUBLE_EQ(r2(kPersonnel.spent + kDailyPublic.spent), kBasicSubtotal.spent);
    // 基本支出 小计 + 项目支出 小计 = 合计 (基本建设类项目 is all zeros)
    EXPECT_DOUBLE_EQ(r2(kBasicSubtotal.initial + kProjectSubtotal.initial), kGrandTotal.initial);
    EXPECT_DOUBLE_EQ(r2(kBasicSubtotal.adjustment + kProjectSubtotal.adjustment), kGrandTotal.adjustment);
    EXPECT_DOUBLE_EQ(r2(kBasicSubtotal.adjusted + kProjectSubtotal.adjusted), kGrandTotal.adjusted);
    EXPECT_DOUBLE_EQ(r2(kBasicSubtotal.spent + kProjectSubtotal.spent), kGrandTotal.spent);
    // Text at seed lines 603-607: 基本支出预算 3,733.63、项目支出预算 13,354.78, total 17,088.41.
    EXPECT_DOUBLE_EQ(kGrandTotal.initial, 17088.41);
}

// ================================================================================================
// ITEM_ADJUSTMENT_RATE and EXECUTION_RATE reproduce every 调整率 and 执行率 of 表1-6 and 表1-5.

TEST(SeedTable1_6, ItemAdjustmentRateMatchesEveryPrintedRate) {
    // Rows 1, 3, 4, 5, 12, 14, 15, 19, 22 are new items (年初 0.00) printed as 100.00%.
    int newItems = 0;
    for (const ProjectRow& p : kTable1_6) {
        EXPECT_DOUBLE_EQ(pct(itemAdjustmentRate(p.initial, p.adjustment)), p.adjRatePct)
            << "表1-6 row " << p.no << " " << p.name;
        if (p.initial == 0) {
            ++newItems;
            EXPECT_EQ(p.adjRatePct, 100.0) << "row " << p.no;
        }
    }
    EXPECT_EQ(newItems, 9);
}

TEST(SeedTable1_6, ExecutionRateMatchesEveryPrintedRate) {
    for (const ProjectRow& p : kTable1_6)
        EXPECT_DOUBLE_EQ(pct(executionRate(p.spent, p.adjusted)), p.execRatePct)
            << "表1-6 row " << p.no << " " << p.name;
}

TEST(SeedTable1_6, TotalRowRates) {
    // 表1-6 合计: 调整率 36.38%, 执行率 88.48% (seed line 680).
    EXPECT_DOUBLE_EQ(pct(itemAdjustmentRate(13354.78, -4859.10)), 36.38);
    EXPECT_DOUBLE_EQ(pct(executionRate(7516.97, 8495.68)), 88.48);
}

TEST(SeedTable1_6, ElevenProjectsBelow80PercentAndFourAtZero) {
    // "尚有 11个项目的预算完成率低于 80%，其中有 2 个项目完成率低于 50%，有 4 个项目预算完成率为 0%"
    // (seed lines 653-657). "低于 50%" counts the non-zero ones (36.90%, 29.92%).
    int below80 = 0, below50nonzero = 0, zero = 0;
    for (const ProjectRow& p : kTable1_6) {
        double r = executionRate(p.spent, p.adjusted);
        if (r < 0.8) ++below80;
        if (r > 0 && r < 0.5) ++below50nonzero;
        if (r == 0) ++zero;
    }
    EXPECT_EQ(below80, 11);
    EXPECT_EQ(below50nonzero, 2);
    EXPECT_EQ(zero, 4);
}

TEST(SeedTable1_5, ItemAdjustmentAndExecutionRatesMatchEveryPrintedRate) {
    for (const BudgetRow* b : kTable1_5Rows) {
        EXPECT_DOUBLE_EQ(pct(itemAdjustmentRate(b->initial, b->adjustment)), b->adjRatePct) << "表1-5 " << b->name;
        EXPECT_DOUBLE_EQ(pct(executionRate(b->spent, b->adjusted)), b->execRatePct) << "表1-5 " << b->name;
    }
}

TEST(SeedTable1_5, ConstructionRowWithZeroBudget) {
    // 表1-5 基本建设类项目: 0.00 | 0.00 | 0.00% | 0.00 | 0.00 | 0.00%. The 调整率 0.00% is
    // reproduced; the printed 执行率 0.00% is a placeholder for 0 / 0, which EXECUTION_RATE
    // reports as an error (budget must be > 0).
    EXPECT_DOUBLE_EQ(pct(itemAdjustmentRate(kConstruction.initial, kConstruction.adjustment)), kConstruction.adjRatePct);
    EXPECT_RULE_ERROR(executionRate(kConstruction.spent, kConstruction.adjusted), "budget");
}

// ================================================================================================
// 附件1 财政管理情况评价 — 预算资金管理 (seed lines 1853-2060; narrative at lines 1174-1219).

TEST(SeedAnnex1, BudgetCompletionScore) {
    // 预算完成率, weight 8: 执行率 91.38% -> 得分 4.55 (seed lines 1907-1916, 1174-1178).
    EXPECT_DOUBLE_EQ(r2(budgetCompletionScore(0.9138, 8)), 4.55);
    EXPECT_NEAR(budgetCompletionScore(0.9138, 8), 4.552, 1e-9);
    // The 91.38% itself is 表1-5 合计 支出/调整后预算; scoring the unrounded rate gives the same 4.55.
    double rate = executionRate(kGrandTotal.spent, kGrandTotal.adjusted);
    EXPECT_DOUBLE_EQ(pct(rate), 91.38);
    EXPECT_DOUBLE_EQ(r2(budgetCompletionScore(rate, 8)), 4.55);
    // 得分率 56.88% (seed line 1176): 4.55 / 8 = 56.875% rounded half up.
    EXPECT_DOUBLE_EQ(pct(4.55 / 8), 56.88);
}

namespace {
// 表1-6's 30 projects followed by 表1-5's two 基本支出 rows (人员经费, 日常公用经费).
void seedAdjustmentInputs(std::vector<double>& initials, std::vector<double>& adjustments, bool withBasic) {
    for (const ProjectRow& p : kTable1_6) {
        initials.push_back(p.initial);
        adjustments.push_back(p.adjustment);
    }
    if (withBasic) {
        initials.push_back(kPersonnel.initial);
        adjustments.push_back(kPersonnel.adjustment);
        initials.push_back(kDailyPublic.initial);
        adjustments.push_back(kDailyPublic.adjustment);
    }
}
}  // namespace

TEST(SeedAnnex1, AdjustmentRateAsTheReportComputedIt) {
    // 预算调整率 (seed lines 1918-1940, 1180-1186): "项目年初预算总数 ... 为 17,088.41万元，各项目预算
    // 调整金额绝对值之和 ... 为 6,258.21万元，预算调整率为 36.62%". The 6,258.21 is Σ|调整| over
    // 表1-6's 30 projects including the 9 new items (5,944.84) plus 人员经费 306.22 and 日常公用经费 7.15.
    std::vector<double> initials, adjustments;
    seedAdjustmentInputs(initials, adjustments, true);
    ASSERT_EQ(initials.size(), 32u);
    AdjustmentTotals t = adjustmentTotals(initials, adjustments, /*countNewItems=*/true);
    EXPECT_DOUBLE_EQ(r2(t.numerator), 6258.21);
    EXPECT_DOUBLE_EQ(r2(t.denominator), 17088.41);
    EXPECT_DOUBLE_EQ(pct(t.rate()), 36.62);
    EXPECT_DOUBLE_EQ(pct(adjustmentRate(initials, adjustments, true)), 36.62);
    // Without the new items the numerator drops by their 534.67.
    AdjustmentTotals without = adjustmentTotals(initials, adjustments, false);
    EXPECT_DOUBLE_EQ(r2(without.numerator), 5723.54);
    EXPECT_DOUBLE_EQ(r2(without.denominator), 17088.41);
}

TEST(SeedAnnex1, AdjustmentRateOverTheThirtyProjectsAlone) {
    // 附件1's own rule (seed lines 1922-1931): projects only (不包含人员经费), new items left out:
    // 5,410.17 / 13,354.78 = 40.51%, which would score (1 - 40.51%) × 3 = 1.78.
    std::vector<double> initials, adjustments;
    seedAdjustmentInputs(initials, adjustments, false);
    AdjustmentTotals t = adjustmentTotals(initials, adjustments, /*countNewItems=*/false);
    EXPECT_DOUBLE_EQ(r2(t.numerator), 5410.17);
    EXPECT_DOUBLE_EQ(r2(t.denominator), 13354.78);
    EXPECT_DOUBLE_EQ(pct(t.rate()), 40.51);
    EXPECT_DOUBLE_EQ(r2(adjustmentScore(t.rate(), 3)), 1.78);
    // Counting the new items over the projects: Σ|调整| = 5,944.84.
    EXPECT_DOUBLE_EQ(r2(adjustmentTotals(initials, adjustments, true).numerator), 5944.84);
}

TEST(SeedAnnex1, AdjustmentRateThroughTheRangePolicyFromPrintedText) {
    // The same 32 rows as the report prints them ("11,830.00", "-5,279.67"), read as text cells.
    std::vector<double> initials, adjustments;
    seedAdjustmentInputs(initials, adjustments, true);
    std::vector<std::u16string> initText, adjText;
    for (double v : initials) initText.push_back(printed(v));
    for (double v : adjustments) adjText.push_back(printed(v));
    EXPECT_EQ(initText[1], u"11,830.00");
    EXPECT_EQ(adjText[1], u"-5,279.67");
    RangeView ri, ra;
    for (const auto& s : initText) ri.cells.push_back(CellView::str(s));
    for (const auto& s : adjText) ra.cells.push_back(CellView::str(s));
    ri.rows = ra.rows = ri.cells.size();
    ri.cols = ra.cols = 1;
    requireSameSize(ri, "initial_budgets", ra, "adjustments");
    AdjustmentTotals t = adjustmentTotals(numbersOf(ri, "initial_budgets"), numbersOf(ra, "adjustments"), true);
    EXPECT_DOUBLE_EQ(r2(t.numerator), 6258.21);
    EXPECT_DOUBLE_EQ(r2(t.denominator), 17088.41);
    EXPECT_DOUBLE_EQ(pct(t.rate()), 36.62);
}

TEST(SeedAnnex1, AdjustmentScore) {
    // 预算调整率 weight 3: (1 - 36.62%) × 3 = 1.90 (seed lines 1918-1934; 得分率 63.33%, line 1180).
    EXPECT_DOUBLE_EQ(r2(adjustmentScore(0.3662, 3)), 1.90);
    EXPECT_DOUBLE_EQ(pct(1.90 / 3), 63.33);
    // Scoring the unrounded 6258.21 / 17088.41 gives the same.
    EXPECT_DOUBLE_EQ(r2(adjustmentScore(6258.21 / 17088.41, 3)), 1.90);
}

TEST(SeedAnnex1, BalanceScore) {
    // 部门预算资金支出均衡性 weight 3 (seed lines 1942-1959, 1188-1193): 1-10月 47.48%, 1-11月 48.37%,
    // 全年平均执行率 47.93%, 得分 1.44, 得分率 48.00%.
    EXPECT_DOUBLE_EQ(r2(balanceScore({0.4748, 0.4837}, 3)), 1.44);
    EXPECT_DOUBLE_EQ(pct((0.4748 + 0.4837) / 2), 47.93);  // 47.925% half up
    EXPECT_DOUBLE_EQ(pct(1.44 / 3), 48.00);
    // As a sheet holds it: a twelve-month column with only the two reported months filled.
    RangeView months;
    months.rows = 12;
    months.cols = 1;
    months.cells.assign(12, CellView::empty());
    months.cells[9] = CellView::str(u"47.48%");
    months.cells[10] = CellView::num(0.4837);
    EXPECT_DOUBLE_EQ(r2(balanceScore(numbersOf(months, "rates", Blanks::Skip), 3)), 1.44);
}

TEST(SeedAnnex1, ProcurementScore) {
    // 政府采购执行率 weight 1 (seed lines 1961-1981, 1195-1201): 实际 452.88 / 调整后预算 779.86
    // = 58.07%, 得分 0.58.
    EXPECT_DOUBLE_EQ(r2(procurementScore(452.88, 779.86, 1)), 0.58);
    EXPECT_DOUBLE_EQ(pct(452.88 / 779.86), 58.07);
}

TEST(SeedAnnex1, PublicFundsScore) {
    // 公用经费控制率 weight 2 (seed lines 1985-2010, 1203-1215): 三公 6.80 <= 10.94; 日常公用经费
    // 182.20 <= 202.97 (表1-5 日常公用经费 row) -> 2.00; 日常 控制率 89.77%.
    EXPECT_DOUBLE_EQ(r2(publicFundsScore(6.80, 10.94, 182.20, 202.97)), 2.00);
    EXPECT_DOUBLE_EQ(publicFundsScore(6.80, 10.94, kDailyPublic.spent, kDailyPublic.adjusted), 2.0);
    EXPECT_DOUBLE_EQ(pct(182.20 / 202.97), 89.77);
}

TEST(SeedAnnex1, ChecklistIndicatorsOfBudgetManagement) {
    // 预算编制合理性 weight 4, four criteria of 1 point; criterion 2 "酌情扣除0.5分" -> 3.50
    // (seed lines 1875-1904).
    EXPECT_DOUBLE_EQ(r2(checklistScore({1, 1, 1, 1}, {1, 0.5, 1, 1})), 3.50);
    // 财务合规性 weight 7: 3 + 2 + 1 + 1 all met -> 7.00 (seed lines 2031-2062).
    EXPECT_DOUBLE_EQ(r2(checklistScore({3, 2, 1, 1}, {1, 1, 1, 1})), 7.00);
}

// ================================================================================================
// 附件1 财政管理情况评价 — 绩效管理, 资产管理.

TEST(SeedAnnex1, MonitoringScore) {
    // 部门绩效运行监控开展情况 weight 4 (seed lines 2160-2172, 1272-1277): 监控得分 75.23 (百分制)
    // -> 3.01; 得分率 75.25%.
    EXPECT_DOUBLE_EQ(r2(monitoringScore(75.23, 4)), 3.01);
    EXPECT_DOUBLE_EQ(r2(monitoringScore(75.23, 4, 100)), 3.01);
    EXPECT_DOUBLE_EQ(pct(3.01 / 4), 75.25);
}

TEST(SeedAnnex1, FixedAssetScore) {
    // 固定资产利用率 weight 1 (seed lines 2233-2250, 1313-1318): 13,633.35 / 13,738.11 = 99.24% >= 90%
    // -> 1.00.
    EXPECT_DOUBLE_EQ(r2(fixedAssetScore(13633.35, 13738.11, 1)), 1.00);
    EXPECT_DOUBLE_EQ(pct(13633.35 / 13738.11), 99.24);
}

TEST(SeedAnnex1, AssetSafetyChecklistFromTextMarks) {
    // 资产管理安全性 weight 2 (seed lines 2205-2231): four criteria of 0.5; 4. "部门未建立资产盘点
    // 制度" not met -> 1.50.
    RangeView marks;
    marks.rows = 4;
    marks.cols = 1;
    marks.cells = {CellView::str(u"是"), CellView::str(u"√"), CellView::str(u"Y"), CellView::str(u"否")};
    EXPECT_DOUBLE_EQ(r2(checklistScore({0.5, 0.5, 0.5, 0.5}, marksArg(marks, "marks"))), 1.50);
}

// ================================================================================================
// 附件1 部门履职情况评价 — 产出 and 效益 (seed lines 2255-2573).

TEST(SeedAnnex1, IncubatorAreaTargetTimesOverachievementFactor) {
    // 年度目标完成情况, item 2 "新增孵化场地面积达到3000平方米则得2分" (seed lines 2264-2303):
    // 10,371.31 + 5,216.63 = 15,587.94 m², 5.19× the target, "按该指标得分的50%计分" -> 1.00.
    EXPECT_DOUBLE_EQ(r2(10371.31 + 5216.63), 15587.94);
    double score = targetScore(15587.94, 3000, 2);
    double factor = overachievementFactor(15587.94, 3000, defaultOverachievementBands());
    EXPECT_DOUBLE_EQ(score, 2.0);
    EXPECT_DOUBLE_EQ(factor, 0.5);
    EXPECT_DOUBLE_EQ(r2(score * factor), 1.00);
}

TEST(SeedAnnex1, AnnualTargetsChecklist) {
    // 年度目标完成情况 weight 9 (seed lines 2261-2315): items worth 2, 2, 2, 1, 2; item 2 (孵化面积)
    // earns 50% -> 8.00.
    double incubatorMark = overachievementFactor(15587.94, 3000, defaultOverachievementBands());
    EXPECT_DOUBLE_EQ(r2(checklistScore({2, 2, 2, 1, 2}, {1, incubatorMark, 1, 1, 1})), 8.00);
    // 高企认定 91 >= 85, 调研企业 197 >= 30 (6.57×, "目标值设置偏低不扣分"), 培训 3 >= 1.
    EXPECT_DOUBLE_EQ(targetScore(91, 85, 2), 2.0);
    EXPECT_DOUBLE_EQ(targetScore(197, 30, 2), 2.0);
    EXPECT_DOUBLE_EQ(r2(197.0 / 30), 6.57);
    EXPECT_DOUBLE_EQ(targetScore(3, 1, 1), 1.0);
}

TEST(SeedAnnex1, InnovationTasksChecklist) {
    // 促进科技创新工作完成率 weight 4 (seed lines 2317-2342): 宣讲服务企业 247 >= 100 (2分),
    // 科普活动 9 >= 3 (1分), 科技型中小企业新增入库 -28 < 20 "该指标不得分" -> 3.00.
    double a = targetScore(247, 100, 2);
    double b = targetScore(9, 3, 1);
    double c = targetScore(-28, 20, 1);
    EXPECT_DOUBLE_EQ(c, 0.0);
    EXPECT_DOUBLE_EQ(r2(a + b + c), 3.00);
}

TEST(SeedAnnex1, SafetySupervisionChecklist) {
    // 安全生产监管工作完成率 weight 4 (seed lines 2397-2430): 无线电巡查 "按分值的80%计分" on its
    // 1 point, 巡检覆盖率 2, 排查频率 1 -> 3.80.
    EXPECT_DOUBLE_EQ(r2(checklistScore({1, 2, 1}, {0.8, 1, 1})), 3.80);
}

TEST(SeedAnnex1, TechnologyContractsTargetTimesOverachievementFactor) {
    // 技术合同成交额 weight 3 (seed lines 2442-2445): "达到35亿元得3分"; 技术交易额 64.44亿元 is
    // 1.84× the target, "按得分的90%计分" -> 2.70.
    EXPECT_DOUBLE_EQ(r2(64.44 / 35), 1.84);
    double score = targetScore(64.44, 35, 3);
    double factor = overachievementFactor(64.44, 35, defaultOverachievementBands());
    EXPECT_DOUBLE_EQ(score, 3.0);
    EXPECT_DOUBLE_EQ(factor, 0.9);
    EXPECT_DOUBLE_EQ(r2(score * factor), 2.70);
}

TEST(SeedAnnex1, TrainingSessionsNotPenalised) {
    // 新三板公益性培训服务场次 weight 3 (seed lines 2447-2456): 54 场 vs 10, 5.4×, but "目标值设置偏低
    // 不扣分" -> 3.00 (the factor is not applied); the factor itself would be 0.5.
    EXPECT_DOUBLE_EQ(r2(targetScore(54, 10, 3)), 3.00);
    EXPECT_DOUBLE_EQ(overachievementFactor(54, 10, defaultOverachievementBands()), 0.5);
}

// ================================================================================================
// 表3-1 部门整体支出绩效评价综合得分 (seed lines 1135-1145) and 附件1 合计 (seed line 2573).

TEST(SeedTotals, IndicatorScoresSumToThePrintedTotalsAndGrade) {
    // 预算资金管理 (32): 24.97 (seed line 1160).
    const double budgetMgmt[] = {
        r2(checklistScore({1, 1, 1, 1}, {1, 0.5, 1, 1})),              // 预算编制合理性 3.50
        r2(budgetCompletionScore(0.9138, 8)),                          // 预算完成率 4.55
        r2(adjustmentScore(0.3662, 3)),                                // 预算调整率 1.90
        r2(balanceScore({0.4748, 0.4837}, 3)),                         // 支出均衡性 1.44
        r2(procurementScore(452.88, 779.86, 1)),                       // 政府采购执行率 0.58
        r2(publicFundsScore(6.80, 10.94, 182.20, 202.97)),             // 公用经费控制率 2.00
        0.0,                                                           // 部门分解资金监管情况 (weight 0)
        r2(checklistScore({3, 2, 1, 1}, {1, 1, 1, 1})),                // 财务合规性 7.00
        r2(checklistScore({1, 1, 2}, {1, 1, 1})),                      // 管理制度健全及执行有效性 4.00
    };
    // 绩效管理 (15): 13.51 (seed line 1247).
    const double perfMgmt[] = {
        r2(checklistScore({1, 1, 1, 1}, {1, 1, 1, 1})),                // 绩效目标明确性 4.00
        r2(checklistScore({1, 1, 1, 1}, {1, 1, 1, 0.5})),              // 绩效指标有效性 3.50 (扣减0.5分)
        r2(monitoringScore(75.23, 4)),                                 // 绩效运行监控 3.01
        r2(checklistScore({1, 1, 1}, {1, 1, 1})),                      // 部门整体绩效自评 3.00
    };
    // 资产管理 (3): 2.50 (seed line 1293).
    const double assetMgmt[] = {
        r2(checklistScore({0.5, 0.5, 0.5, 0.5}, {1, 1, 1, 0})),        // 资产管理安全性 1.50
        r2(fixedAssetScore(13633.35, 13738.11, 1)),                    // 固定资产利用率 1.00
    };
    const double factor5_19 = overachievementFactor(15587.94, 3000, defaultOverachievementBands());
    // 产出 (25): 22.80 (seed line 1326).
    const double outputs[] = {
        r2(checklistScore({2, 2, 2, 1, 2}, {1, factor5_19, 1, 1, 1})), // 年度目标完成情况 8.00
        r2(targetScore(247, 100, 2) + targetScore(9, 3, 1) + targetScore(-28, 20, 1)),  // 促进科技创新 3.00
        r2(targetScore(10, 8, 2) + targetScore(387, 50, 2)),           // 优化新三板服务平台 4.00
        r2(checklistScore({2, 1, 1}, {1, 1, 1})),                      // 交通运输保障 4.00
        r2(checklistScore({1, 2, 1}, {0.8, 1, 1})),                    // 安全生产监管 3.80
    };
    // 效益 (25): 24.70 (seed line 1381).
    const double outcomes[] = {
        r2(targetScore(64.44, 35, 3) * overachievementFactor(64.44, 35, defaultOverachievementBands())),  // 2.70
        r2(targetScore(54, 10, 3)),                                    // 新三板公益性培训服务场次 3.00
        r2(levelScore(u"优", 3)),                                      // 应急情况处理能力 3.00
        r2(levelScore(u"优", 3)),                                      // 春运安全保障情况 3.00
        r2(levelScore(u"优", 3)),                                      // 安全隐患整治率 3.00
        r2(levelScore(u"优", 4)),                                      // 科技创新创业氛围 4.00
        r2(levelScore(u"优", 3)),                                      // 服务基地影响力提升情况 3.00
        r2(levelScore(u"优", 3)),                                      // 企业安全生产意识 3.00
    };
    auto sum = [](const auto& xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s;
    };
    EXPECT_DOUBLE_EQ(r2(sum(budgetMgmt)), 24.97);
    EXPECT_DOUBLE_EQ(r2(sum(perfMgmt)), 13.51);
    EXPECT_DOUBLE_EQ(r2(sum(assetMgmt)), 2.50);
    EXPECT_DOUBLE_EQ(r2(sum(outputs)), 22.80);
    EXPECT_DOUBLE_EQ(r2(sum(outcomes)), 24.70);

    // 表3-1: 财政管理情况 40.98 (81.96%), 部门履职情况 47.50 (95.00%), 综合评分 88.48.
    double finance = sum(budgetMgmt) + sum(perfMgmt) + sum(assetMgmt);
    double duties = sum(outputs) + sum(outcomes);
    EXPECT_DOUBLE_EQ(r2(finance), 40.98);
    EXPECT_DOUBLE_EQ(pct(r2(finance) / 50), 81.96);
    EXPECT_DOUBLE_EQ(r2(duties), 47.50);
    EXPECT_DOUBLE_EQ(pct(r2(duties) / 50), 95.00);
    EXPECT_DOUBLE_EQ(r2(finance + duties), 88.48);
    EXPECT_EQ(perfGrade(finance + duties), u"良");
}

TEST(SeedTotals, PerfGradeOfThePrintedTotal) {
    // 综合评分 88.48 (表3-1, seed line 1143; 附件1 合计, line 2573) -> 良 (80 <= 88.48 < 90).
    EXPECT_EQ(perfGrade(88.48), u"良");
}
