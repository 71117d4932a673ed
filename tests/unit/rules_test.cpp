// Tests for jixiao/rules.hpp: every rule of 附件1 and every error case, plus the argument readers.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "jixiao/rules.hpp"
#include "test_util.hpp"

using namespace jixiao;
using jixiao_test::E;
using jixiao_test::N;
using jixiao_test::T;
using jixiao_test::column;
using jixiao_test::grid;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
}  // namespace

// Rule results are full-precision doubles; 1e-12 absorbs only the last bits of arithmetic.
#define EXPECT_CLOSE(actual, expected) EXPECT_NEAR((actual), (expected), 1e-12)

// ---------------------------------------------------------------- EXECUTION_RATE

TEST(ExecutionRate, ActualOverBudget) {
    EXPECT_CLOSE(executionRate(50, 100), 0.5);
    EXPECT_CLOSE(executionRate(0, 100), 0.0);
    EXPECT_CLOSE(executionRate(100, 100), 1.0);
    EXPECT_CLOSE(executionRate(120, 100), 1.2);  // not capped
    EXPECT_CLOSE(executionRate(3.69, 10), 0.369);
}

TEST(ExecutionRate, BudgetMustBePositive) {
    EXPECT_RULE_ERROR(executionRate(10, 0), "budget");
    EXPECT_RULE_ERROR(executionRate(0, 0), "budget");
    EXPECT_RULE_ERROR(executionRate(10, -5), "budget");
    EXPECT_EQ(jixiao_test::ruleErrorOf([] { executionRate(10, -5); }), "预算数（budget）须大于 0（为 -5）");
    EXPECT_EQ(jixiao_test::ruleErrorOf([] { executionRate(10, -5); }, Lang::En), "budget must be greater than 0 (got -5)");
}

TEST(ExecutionRate, NonFiniteArgumentsAreErrors) {
    EXPECT_RULE_ERROR(executionRate(kNaN, 100), "actual");
    EXPECT_RULE_ERROR(executionRate(kInf, 100), "actual");
    EXPECT_RULE_ERROR(executionRate(10, kInf), "budget");
    EXPECT_RULE_ERROR(executionRate(10, kNaN), "budget");
}

// ---------------------------------------------------------------- ITEM_ADJUSTMENT_RATE

TEST(ItemAdjustmentRate, AbsoluteAdjustmentOverInitial) {
    EXPECT_CLOSE(itemAdjustmentRate(100, -25), 0.25);
    EXPECT_CLOSE(itemAdjustmentRate(100, 25), 0.25);
    EXPECT_CLOSE(itemAdjustmentRate(100, 0), 0.0);
    EXPECT_CLOSE(itemAdjustmentRate(10, 30), 3.0);  // not capped
}

TEST(ItemAdjustmentRate, NewItemWithZeroInitial) {
    EXPECT_EQ(itemAdjustmentRate(0, 10), 1.0);
    EXPECT_EQ(itemAdjustmentRate(0, -10), 1.0);
    EXPECT_EQ(itemAdjustmentRate(0, 0.01), 1.0);
    EXPECT_EQ(itemAdjustmentRate(0, 0), 0.0);
}

TEST(ItemAdjustmentRate, Errors) {
    EXPECT_RULE_ERROR(itemAdjustmentRate(-1, 5), "initial");
    EXPECT_RULE_ERROR(itemAdjustmentRate(-0.01, 0), "initial");
    EXPECT_RULE_ERROR(itemAdjustmentRate(kNaN, 5), "initial");
    EXPECT_RULE_ERROR(itemAdjustmentRate(100, kNaN), "adjustment");
    EXPECT_RULE_ERROR(itemAdjustmentRate(100, kInf), "adjustment");
}

// ---------------------------------------------------------------- ADJUSTMENT_RATE

TEST(AdjustmentRate, NewItemsLeftOutOfNumeratorByDefault) {
    const std::vector<double> init = {100, 0, 50};
    const std::vector<double> adj = {-20, 10, 5};
    AdjustmentTotals t = adjustmentTotals(init, adj);
    EXPECT_CLOSE(t.numerator, 25.0);
    EXPECT_CLOSE(t.denominator, 150.0);
    EXPECT_CLOSE(t.rate(), 25.0 / 150.0);
    EXPECT_CLOSE(adjustmentRate(init, adj), 25.0 / 150.0);
    EXPECT_CLOSE(adjustmentRate(init, adj, false), 25.0 / 150.0);
}

TEST(AdjustmentRate, CountNewItems) {
    const std::vector<double> init = {100, 0, 50};
    const std::vector<double> adj = {-20, 10, 5};
    AdjustmentTotals t = adjustmentTotals(init, adj, true);
    EXPECT_CLOSE(t.numerator, 35.0);
    EXPECT_CLOSE(t.denominator, 150.0);
    EXPECT_CLOSE(adjustmentRate(init, adj, true), 35.0 / 150.0);
}

TEST(AdjustmentRate, TransfersAddToDenominator) {
    const std::vector<double> init = {100, 0, 50};
    const std::vector<double> adj = {-20, 10, 5};
    AdjustmentTotals t = adjustmentTotals(init, adj, false, 50);
    EXPECT_CLOSE(t.numerator, 25.0);
    EXPECT_CLOSE(t.denominator, 200.0);
    EXPECT_CLOSE(adjustmentRate(init, adj, true, 50), 35.0 / 200.0);
}

TEST(AdjustmentRate, AbsoluteValuesDoNotCancel) {
    EXPECT_CLOSE(adjustmentRate({100, 100}, {30, -30}), 0.3);
}

TEST(AdjustmentRate, OnlyNewItemsButPositiveDenominatorViaTransfers) {
    EXPECT_CLOSE(adjustmentRate({0, 0}, {5, 5}, false, 20), 0.0);
    EXPECT_CLOSE(adjustmentRate({0, 0}, {5, 5}, true, 20), 0.5);
}

TEST(AdjustmentRate, SizeMismatchIsAnError) {
    std::string msg = jixiao_test::ruleErrorOf([] { adjustmentTotals({1, 2, 3}, {1, 2}); });
    EXPECT_NE(msg.find("initial_budgets"), std::string::npos) << msg;
    EXPECT_NE(msg.find("adjustments"), std::string::npos) << msg;
    EXPECT_RULE_ERROR(adjustmentRate({1}, {1, 2}), "adjustments");
}

TEST(AdjustmentRate, NegativeInitialIsAnError) {
    std::string msg = jixiao_test::ruleErrorOf([] { adjustmentTotals({100, -1, 50}, {0, 0, 0}); }, Lang::En);
    EXPECT_NE(msg.find("initial_budgets"), std::string::npos) << msg;
    EXPECT_NE(msg.find("cell 2"), std::string::npos) << msg;
    EXPECT_EQ(jixiao_test::ruleErrorOf([] { adjustmentTotals({100, -1, 50}, {0, 0, 0}); }),
              "年初预算数（initial_budgets）第2个单元格为负（-1）");
}

TEST(AdjustmentRate, DenominatorMustBePositive) {
    EXPECT_RULE_ERROR(adjustmentTotals({0, 0}, {5, 5}), "greater than 0");
    EXPECT_RULE_ERROR(adjustmentTotals({}, {}), "greater than 0");
    EXPECT_RULE_ERROR(adjustmentTotals({10}, {5}, false, -10), "greater than 0");
    EXPECT_RULE_ERROR(adjustmentTotals({10}, {5}, true, -20), "greater than 0");
    EXPECT_NO_THROW(adjustmentTotals({10}, {5}, false, -9));
}

TEST(AdjustmentRate, NonFiniteTransfersIsAnError) {
    EXPECT_RULE_ERROR(adjustmentTotals({10}, {5}, false, kNaN), "transfers");
    EXPECT_RULE_ERROR(adjustmentTotals({10}, {5}, false, kInf), "transfers");
}

// The header promises: "Every invalid input throws RuleError". A non-finite element of either
// vector is invalid input.
TEST(AdjustmentRate, NonFiniteElementsAreErrors) {
    EXPECT_RULE_ERROR(adjustmentTotals({10}, {kNaN}), "adjustments");
    EXPECT_RULE_ERROR(adjustmentTotals({10, 5}, {1, kInf}), "adjustments");
    EXPECT_RULE_ERROR(adjustmentTotals({kInf}, {1}), "initial");
    EXPECT_RULE_ERROR(adjustmentTotals({kNaN}, {1}), "initial");
}

// ---------------------------------------------------------------- BUDGET_COMPLETION_SCORE

TEST(BudgetCompletionScore, LinearAboveThreshold) {
    EXPECT_CLOSE(budgetCompletionScore(0.9, 8), 4.0);
    EXPECT_CLOSE(budgetCompletionScore(0.9, 8, 0.8, CompletionMethod::Linear), 4.0);
    EXPECT_CLOSE(budgetCompletionScore(0.95, 8), 6.0);
    EXPECT_CLOSE(budgetCompletionScore(1.0, 8), 8.0);
    EXPECT_CLOSE(budgetCompletionScore(0.8, 8), 0.0);
}

TEST(BudgetCompletionScore, LinearBelowThresholdIsZero) {
    EXPECT_EQ(budgetCompletionScore(0.79, 8), 0.0);
    EXPECT_EQ(budgetCompletionScore(0.5, 8), 0.0);
    EXPECT_EQ(budgetCompletionScore(0.0, 8), 0.0);
    EXPECT_EQ(budgetCompletionScore(-0.2, 8), 0.0);
}

TEST(BudgetCompletionScore, LinearCappedAtWeight) {
    EXPECT_CLOSE(budgetCompletionScore(1.2, 8), 8.0);
    EXPECT_CLOSE(budgetCompletionScore(5.0, 3), 3.0);
}

TEST(BudgetCompletionScore, CustomThreshold) {
    EXPECT_CLOSE(budgetCompletionScore(0.95, 10, 0.9), 5.0);
    EXPECT_EQ(budgetCompletionScore(0.85, 10, 0.9), 0.0);
    EXPECT_CLOSE(budgetCompletionScore(0.5, 10, 0.0), 5.0);
    EXPECT_EQ(budgetCompletionScore(-0.5, 10, 0.0), 0.0);
    EXPECT_CLOSE(budgetCompletionScore(0.6, 10, 0.6), 0.0);
    EXPECT_CLOSE(budgetCompletionScore(0.8, 10, 0.6), 5.0);
}

TEST(BudgetCompletionScore, Proportional) {
    EXPECT_CLOSE(budgetCompletionScore(0.9, 8, 0.8, CompletionMethod::Proportional), 7.2);
    EXPECT_CLOSE(budgetCompletionScore(0.5, 8, 0.8, CompletionMethod::Proportional), 4.0);  // no threshold
    EXPECT_CLOSE(budgetCompletionScore(1.2, 8, 0.8, CompletionMethod::Proportional), 8.0);
    EXPECT_EQ(budgetCompletionScore(-0.1, 8, 0.8, CompletionMethod::Proportional), 0.0);
}

TEST(BudgetCompletionScore, ZeroWeight) { EXPECT_EQ(budgetCompletionScore(0.95, 0), 0.0); }

TEST(BudgetCompletionScore, ThresholdOutsideHalfOpenUnitIntervalIsAnError) {
    EXPECT_RULE_ERROR(budgetCompletionScore(0.9, 8, 1.0), "threshold");
    EXPECT_RULE_ERROR(budgetCompletionScore(0.9, 8, 1.5), "threshold");
    EXPECT_RULE_ERROR(budgetCompletionScore(0.9, 8, -0.1), "threshold");
    EXPECT_RULE_ERROR(budgetCompletionScore(0.9, 8, 1.0, CompletionMethod::Proportional), "threshold");
    EXPECT_RULE_ERROR(budgetCompletionScore(0.9, 8, kNaN), "threshold");
}

TEST(BudgetCompletionScore, OtherErrors) {
    EXPECT_RULE_ERROR(budgetCompletionScore(0.9, -1), "weight");
    EXPECT_RULE_ERROR(budgetCompletionScore(0.9, kInf), "weight");
    EXPECT_RULE_ERROR(budgetCompletionScore(kNaN, 8), "rate");
}

// ---------------------------------------------------------------- ADJUSTMENT_SCORE

TEST(AdjustmentScore, OneMinusRateTimesWeight) {
    EXPECT_CLOSE(adjustmentScore(0.25, 4), 3.0);
    EXPECT_CLOSE(adjustmentScore(0.0, 3), 3.0);
    EXPECT_CLOSE(adjustmentScore(1.0, 3), 0.0);
    EXPECT_EQ(adjustmentScore(1.5, 3), 0.0);  // never below 0
    EXPECT_EQ(adjustmentScore(0.3, 0), 0.0);
}

TEST(AdjustmentScore, Errors) {
    EXPECT_RULE_ERROR(adjustmentScore(-0.1, 3), "rate");
    EXPECT_RULE_ERROR(adjustmentScore(kNaN, 3), "rate");
    EXPECT_RULE_ERROR(adjustmentScore(0.1, -3), "weight");
}

// ---------------------------------------------------------------- BALANCE_SCORE

TEST(BalanceScore, MeanTimesWeight) {
    EXPECT_CLOSE(balanceScore({0.5, 0.7}, 3), 1.8);
    EXPECT_CLOSE(balanceScore({0.6}, 5), 3.0);
    EXPECT_CLOSE(balanceScore({0.2, 0.4, 0.9}, 10), 5.0);
}

TEST(BalanceScore, MeanAbove100PercentCountsAs100) {
    EXPECT_CLOSE(balanceScore({1.2, 1.4}, 3), 3.0);
    EXPECT_CLOSE(balanceScore({1.5, 0.7}, 3), 3.0);   // mean 1.1
    EXPECT_CLOSE(balanceScore({1.2, 0.6}, 3), 2.7);   // mean 0.9: not capped per rate
}

TEST(BalanceScore, BlankCellsAreNotCounted) {
    // "blank cells are not counted": read with Blanks::Skip, the mean is over the reported rates.
    RangeView r = column({N(0.5), E(), T(u""), N(0.7), E()});
    EXPECT_CLOSE(balanceScore(numbersOf(r, "rates", Blanks::Skip), 3), 1.8);
}

TEST(BalanceScore, Errors) {
    EXPECT_RULE_ERROR(balanceScore({}, 3), "rates");
    EXPECT_RULE_ERROR(balanceScore(numbersOf(column({E(), E()}), "rates", Blanks::Skip), 3), "rates");
    EXPECT_RULE_ERROR(balanceScore({0.5}, -1), "weight");
    EXPECT_RULE_ERROR(balanceScore({0.5, kNaN}, 3), "rates");
    EXPECT_RULE_ERROR(balanceScore({kInf}, 3), "rates");
}

// ---------------------------------------------------------------- PROCUREMENT_SCORE

TEST(ProcurementScore, ActualOverPlannedTimesWeight) {
    EXPECT_CLOSE(procurementScore(50, 100, 2), 1.0);
    EXPECT_CLOSE(procurementScore(100, 100, 1), 1.0);
    EXPECT_EQ(procurementScore(0, 100, 1), 0.0);
}

TEST(ProcurementScore, ActualAbovePlannedScoresZero) {
    EXPECT_EQ(procurementScore(101, 100, 1), 0.0);
    EXPECT_EQ(procurementScore(100.5, 100, 5), 0.0);
    EXPECT_EQ(procurementScore(300, 100, 1), 0.0);
}

TEST(ProcurementScore, Errors) {
    EXPECT_RULE_ERROR(procurementScore(10, 0, 1), "planned");
    EXPECT_RULE_ERROR(procurementScore(10, -5, 1), "planned");
    EXPECT_RULE_ERROR(procurementScore(10, kNaN, 1), "planned");
    EXPECT_RULE_ERROR(procurementScore(kNaN, 100, 1), "actual");
    EXPECT_RULE_ERROR(procurementScore(10, 100, -1), "weight");
}

// ---------------------------------------------------------------- PUBLIC_FUNDS_SCORE

TEST(PublicFundsScore, PointsForEachConditionMet) {
    EXPECT_CLOSE(publicFundsScore(5, 10, 5, 10), 2.0);
    EXPECT_CLOSE(publicFundsScore(11, 10, 5, 10), 1.0);  // 三公 over budget
    EXPECT_CLOSE(publicFundsScore(5, 10, 11, 10), 1.0);  // 日常 over budget
    EXPECT_CLOSE(publicFundsScore(11, 10, 11, 10), 0.0);
}

TEST(PublicFundsScore, EqualToBudgetCounts) {
    EXPECT_CLOSE(publicFundsScore(10, 10, 10, 10), 2.0);
    EXPECT_CLOSE(publicFundsScore(0, 0, 0, 0), 2.0);
}

TEST(PublicFundsScore, PointsEach) {
    EXPECT_CLOSE(publicFundsScore(5, 10, 5, 10, 1.5), 3.0);
    EXPECT_CLOSE(publicFundsScore(5, 10, 50, 10, 1.5), 1.5);
    EXPECT_CLOSE(publicFundsScore(5, 10, 5, 10, 0), 0.0);
}

TEST(PublicFundsScore, Errors) {
    EXPECT_RULE_ERROR(publicFundsScore(-1, 10, 5, 10), "sangong_actual");
    EXPECT_RULE_ERROR(publicFundsScore(1, -10, 5, 10), "sangong_budget");
    EXPECT_RULE_ERROR(publicFundsScore(1, 10, -5, 10), "daily_actual");
    EXPECT_RULE_ERROR(publicFundsScore(1, 10, 5, -10), "daily_budget");
    EXPECT_RULE_ERROR(publicFundsScore(1, 10, 5, 10, -1), "points_each");
    EXPECT_RULE_ERROR(publicFundsScore(kNaN, 10, 5, 10), "sangong_actual");
    EXPECT_RULE_ERROR(publicFundsScore(1, 10, 5, kInf), "daily_budget");
}

// ---------------------------------------------------------------- MONITORING_SCORE

TEST(MonitoringScore, ResultOverFullMarksTimesWeight) {
    EXPECT_CLOSE(monitoringScore(75, 4), 3.0);
    EXPECT_CLOSE(monitoringScore(100, 4), 4.0);
    EXPECT_CLOSE(monitoringScore(0, 4), 0.0);
    EXPECT_CLOSE(monitoringScore(30, 4, 50), 2.4);
    EXPECT_CLOSE(monitoringScore(120, 4), 4.0);  // capped
}

TEST(MonitoringScore, Errors) {
    EXPECT_RULE_ERROR(monitoringScore(75, 4, 0), "full_marks");
    EXPECT_RULE_ERROR(monitoringScore(75, 4, -100), "full_marks");
    EXPECT_RULE_ERROR(monitoringScore(-1, 4), "result");
    EXPECT_RULE_ERROR(monitoringScore(kNaN, 4), "result");
    EXPECT_RULE_ERROR(monitoringScore(75, -4), "weight");
}

// ---------------------------------------------------------------- FIXED_ASSET_SCORE

TEST(FixedAssetScore, Bands) {
    EXPECT_CLOSE(fixedAssetScore(99, 100, 2), 2.0);
    EXPECT_CLOSE(fixedAssetScore(100, 100, 2), 2.0);
    EXPECT_CLOSE(fixedAssetScore(90, 100, 2), 2.0);      // r = 90% exactly: full
    EXPECT_CLOSE(fixedAssetScore(89.99, 100, 2), 1.0);   // 80% <= r < 90%: half
    EXPECT_CLOSE(fixedAssetScore(80, 100, 2), 1.0);      // r = 80% exactly: half
    EXPECT_CLOSE(fixedAssetScore(79.99, 100, 2), 0.0);
    EXPECT_CLOSE(fixedAssetScore(0, 100, 2), 0.0);
}

TEST(FixedAssetScore, BoundariesSurviveFloatNoise) {
    // 0.9 * 3 is 2.7000000000000002 and 2.7 / 3 is 0.9000000000000001; 0.8*0.3/0.3 likewise.
    EXPECT_CLOSE(fixedAssetScore(0.9 * 0.7, 0.7, 1), 1.0);
    EXPECT_CLOSE(fixedAssetScore(0.8 * 0.7, 0.7, 1), 0.5);
}

TEST(FixedAssetScore, Errors) {
    EXPECT_RULE_ERROR(fixedAssetScore(10, 0, 1), "total");
    EXPECT_RULE_ERROR(fixedAssetScore(10, -1, 1), "total");
    EXPECT_RULE_ERROR(fixedAssetScore(10, kNaN, 1), "total");
    EXPECT_RULE_ERROR(fixedAssetScore(kNaN, 10, 1), "in_use");
    EXPECT_RULE_ERROR(fixedAssetScore(9, 10, -1), "weight");
}

// ---------------------------------------------------------------- TARGET_SCORE

TEST(TargetScore, MetGivesWeight) {
    EXPECT_CLOSE(targetScore(100, 100, 5), 5.0);
    EXPECT_CLOSE(targetScore(120, 100, 5), 5.0);
    EXPECT_CLOSE(targetScore(120, 100, 5, TargetMethod::Proportional), 5.0);  // not above weight
}

TEST(TargetScore, NotMetThresholdGivesZero) {
    EXPECT_EQ(targetScore(80, 100, 5), 0.0);
    EXPECT_EQ(targetScore(99.9, 100, 5, TargetMethod::Threshold), 0.0);
    EXPECT_EQ(targetScore(-28, 20, 1), 0.0);
}

TEST(TargetScore, NotMetProportional) {
    EXPECT_CLOSE(targetScore(80, 100, 5, TargetMethod::Proportional), 4.0);
    EXPECT_CLOSE(targetScore(0, 100, 5, TargetMethod::Proportional), 0.0);
    EXPECT_EQ(targetScore(-10, 100, 5, TargetMethod::Proportional), 0.0);  // never below 0
}

TEST(TargetScore, LowerIsBetter) {
    EXPECT_CLOSE(targetScore(3, 5, 4, TargetMethod::Threshold, true), 4.0);
    EXPECT_CLOSE(targetScore(5, 5, 4, TargetMethod::Threshold, true), 4.0);
    EXPECT_EQ(targetScore(10, 5, 4, TargetMethod::Threshold, true), 0.0);
    EXPECT_CLOSE(targetScore(10, 5, 4, TargetMethod::Proportional, true), 2.0);  // target/actual
    EXPECT_CLOSE(targetScore(3, 5, 4, TargetMethod::Proportional, true), 4.0);
}

TEST(TargetScore, LowerIsBetterAllowsZeroTarget) {
    EXPECT_CLOSE(targetScore(0, 0, 4, TargetMethod::Threshold, true), 4.0);   // zero accidents
    EXPECT_EQ(targetScore(2, 0, 4, TargetMethod::Threshold, true), 0.0);
    EXPECT_EQ(targetScore(2, 0, 4, TargetMethod::Proportional, true), 0.0);
}

TEST(TargetScore, Errors) {
    EXPECT_RULE_ERROR(targetScore(10, 0, 5), "target");
    EXPECT_RULE_ERROR(targetScore(10, -1, 5, TargetMethod::Proportional), "target");
    EXPECT_RULE_ERROR(targetScore(10, kNaN, 5), "target");
    EXPECT_RULE_ERROR(targetScore(kNaN, 10, 5), "actual");
    EXPECT_RULE_ERROR(targetScore(10, 10, -5), "weight");
}

// ---------------------------------------------------------------- OVERACHIEVEMENT_FACTOR

TEST(OverachievementFactor, DefaultBandsAreTheDocumentedOnes) {
    const std::vector<Band>& b = defaultOverachievementBands();
    ASSERT_EQ(b.size(), 6u);
    const double bounds[] = {1.5, 2, 3, 4, 5};
    const double values[] = {1.0, 0.9, 0.8, 0.7, 0.6};
    for (int i = 0; i < 5; ++i) {
        EXPECT_FALSE(b[i].open) << i;
        EXPECT_CLOSE(b[i].bound, bounds[i]) << i;
        EXPECT_CLOSE(b[i].value, values[i]) << i;
    }
    EXPECT_TRUE(b[5].open);
    EXPECT_CLOSE(b[5].value, 0.5);
}

TEST(OverachievementFactor, DefaultBandEdges) {
    const auto& d = defaultOverachievementBands();
    struct Case { double ratio, factor; };
    const Case cases[] = {
        {0.5, 1.0}, {1.0, 1.0}, {1.5, 1.0},   // r <= 1.5 -> 1
        {1.51, 0.9}, {2.0, 0.9},              // <= 2 -> 0.9
        {2.01, 0.8}, {3.0, 0.8},              // <= 3 -> 0.8
        {3.01, 0.7}, {4.0, 0.7},              // <= 4 -> 0.7
        {4.01, 0.6}, {5.0, 0.6},              // <= 5 -> 0.6
        {5.01, 0.5}, {100.0, 0.5},            // above -> 0.5
    };
    for (const Case& c : cases) {
        EXPECT_CLOSE(overachievementFactor(c.ratio * 40, 40, d), c.factor) << "ratio " << c.ratio;
        EXPECT_CLOSE(overachievementFactor(c.ratio, 1, d), c.factor) << "ratio " << c.ratio;
    }
}

TEST(OverachievementFactor, CustomBandsInAnyOrder) {
    const std::vector<Band> bands = {{3.0, 0.8, false}, {1.5, 1.0, false}};
    EXPECT_CLOSE(overachievementFactor(1, 1, bands), 1.0);
    EXPECT_CLOSE(overachievementFactor(2, 1, bands), 0.8);
    EXPECT_CLOSE(overachievementFactor(3, 1, bands), 0.8);
    // Beyond every bound with no open band: the band with the largest bound.
    EXPECT_CLOSE(overachievementFactor(4, 1, bands), 0.8);
}

TEST(OverachievementFactor, OpenBandCatchesTheRest) {
    const std::vector<Band> bands = {{0.0, 0.4, true}, {2.0, 1.0, false}};
    EXPECT_CLOSE(overachievementFactor(1.9, 1, bands), 1.0);
    EXPECT_CLOSE(overachievementFactor(3, 1, bands), 0.4);
}

// The header promises: "Every invalid input throws RuleError". A band row whose bound or value is
// not a finite number is invalid input (bandsArg never produces one; a direct caller can).
TEST(OverachievementFactor, NonFiniteBandIsAnError) {
    EXPECT_RULE_ERROR(overachievementFactor(3, 1, {{kNaN, 1.0, false}, {2.0, 0.9, false}}), "bands");
    EXPECT_RULE_ERROR(overachievementFactor(1, 1, {{2.0, kNaN, false}}), "bands");
}

TEST(OverachievementFactor, Errors) {
    const auto& d = defaultOverachievementBands();
    EXPECT_RULE_ERROR(overachievementFactor(10, 0, d), "target");
    EXPECT_RULE_ERROR(overachievementFactor(10, -3, d), "target");
    EXPECT_RULE_ERROR(overachievementFactor(10, kNaN, d), "target");
    EXPECT_RULE_ERROR(overachievementFactor(kNaN, 10, d), "actual");
    EXPECT_RULE_ERROR(overachievementFactor(10, 5, {}), "bands");
}

// ---------------------------------------------------------------- BAND_SCORE

TEST(BandScore, HigherIsBetterLargestThresholdAtOrBelowValue) {
    const std::vector<Band> bands = {{90, 1.0, false}, {60, 0.6, false}, {80, 0.8, false}};
    EXPECT_CLOSE(bandScore(95, bands, 10), 10.0);
    EXPECT_CLOSE(bandScore(90, bands, 10), 10.0);
    EXPECT_CLOSE(bandScore(89.99, bands, 10), 8.0);
    EXPECT_CLOSE(bandScore(80, bands, 10), 8.0);
    EXPECT_CLOSE(bandScore(60, bands, 10), 6.0);
    EXPECT_EQ(bandScore(59.99, bands, 10), 0.0);  // no band
    EXPECT_EQ(bandScore(-5, bands, 10), 0.0);
}

TEST(BandScore, LowerIsBetterSmallestThresholdAtOrAboveValue) {
    const std::vector<Band> bands = {{10, 0.5, false}, {5, 1.0, false}};
    EXPECT_CLOSE(bandScore(3, bands, 4, true), 4.0);
    EXPECT_CLOSE(bandScore(5, bands, 4, true), 4.0);
    EXPECT_CLOSE(bandScore(7, bands, 4, true), 2.0);
    EXPECT_CLOSE(bandScore(10, bands, 4, true), 2.0);
    EXPECT_EQ(bandScore(10.01, bands, 4, true), 0.0);  // no band
}

TEST(BandScore, FractionsOfWeight) {
    const std::vector<Band> bands = {{0.5, 0.8, false}, {1.0, 1.0, false}};
    EXPECT_CLOSE(bandScore(0.5, bands, 2), 1.6);
    EXPECT_CLOSE(bandScore(0.5, bands, 0), 0.0);
}

// As for OVERACHIEVEMENT_FACTOR: a non-finite band bound or value is invalid input.
TEST(BandScore, NonFiniteBandIsAnError) {
    EXPECT_RULE_ERROR(bandScore(95, {{kNaN, 1.0, false}, {80, 0.8, false}}, 10), "bands");
    EXPECT_RULE_ERROR(bandScore(95, {{90, kNaN, false}}, 10), "bands");
    EXPECT_RULE_ERROR(bandScore(95, {{90, kInf, false}}, 10), "bands");
}

TEST(BandScore, Errors) {
    const std::vector<Band> bands = {{1, 1, false}};
    EXPECT_RULE_ERROR(bandScore(1, {}, 3), "bands");
    EXPECT_RULE_ERROR(bandScore(1, bands, -3), "weight");
    EXPECT_RULE_ERROR(bandScore(kNaN, bands, 3), "value");
}

// ---------------------------------------------------------------- CHECKLIST_SCORE

TEST(ChecklistScore, SumOfPointsTimesMarks) {
    EXPECT_CLOSE(checklistScore({1, 2, 3}, {1, 0, 0.5}), 2.5);
    EXPECT_CLOSE(checklistScore({1, 1, 1, 1}, {1, 1, 1, 1}), 4.0);
    EXPECT_CLOSE(checklistScore({1, 1}, {0, 0}), 0.0);
    EXPECT_CLOSE(checklistScore({}, {}), 0.0);
}

TEST(ChecklistScore, Errors) {
    std::string msg = jixiao_test::ruleErrorOf([] { checklistScore({1, 2, 3}, {1, 1}); });
    EXPECT_NE(msg.find("points"), std::string::npos) << msg;
    EXPECT_NE(msg.find("marks"), std::string::npos) << msg;
    EXPECT_RULE_ERROR(checklistScore({1, 2}, {1, 1.5}), "marks");
    EXPECT_RULE_ERROR(checklistScore({1, 2}, {-0.1, 1}), "marks");
    EXPECT_RULE_ERROR(checklistScore({1, kNaN}, {1, 1}), "points");
}

// The header promises: "Every invalid input throws RuleError". A NaN mark is not in [0, 1].
TEST(ChecklistScore, NonFiniteMarkIsAnError) {
    EXPECT_RULE_ERROR(checklistScore({1, 2}, {1, kNaN}), "marks");
    EXPECT_RULE_ERROR(checklistScore({1}, {kInf}), "marks");
}

TEST(MarksArg, RecognisedMarks) {
    RangeView r = column({T(u"TRUE"), T(u"true"), T(u"是"), T(u"√"), T(u"Y"), T(u"y"),
                          T(u"FALSE"), T(u"false"), T(u"否"), T(u"×"), T(u"N"), T(u"n"),
                          E(), T(u""), T(u"  "),
                          N(0.5), N(1), N(0), T(u"50%"), T(u"0.25"), T(u" 是 ")});
    std::vector<double> m = marksArg(r, "marks");
    const std::vector<double> expected = {1, 1, 1, 1, 1, 1,
                                          0, 0, 0, 0, 0, 0,
                                          0, 0, 0,
                                          0.5, 1, 0, 0.5, 0.25, 1};
    ASSERT_EQ(m.size(), expected.size());
    for (std::size_t i = 0; i < m.size(); ++i) EXPECT_CLOSE(m[i], expected[i]) << "cell " << i + 1;
}

TEST(MarksArg, UnknownTextIsAnErrorNamingTheCell) {
    std::string msg = jixiao_test::ruleErrorOf([] { marksArg(column({T(u"是"), T(u"maybe")}), "marks"); }, Lang::En);
    EXPECT_NE(msg.find("marks"), std::string::npos) << msg;
    EXPECT_NE(msg.find("cell 2"), std::string::npos) << msg;
    EXPECT_RULE_ERROR_IN(marksArg(column({T(u"是"), T(u"maybe")}), "marks"), Lang::Zh, "判定（marks）第2个单元格为「maybe」");
    EXPECT_RULE_ERROR(marksArg(column({T(u"部分")}), "marks"), "marks");
}

TEST(MarksArg, NumbersOutsideUnitIntervalAreErrors) {
    EXPECT_RULE_ERROR(marksArg(column({N(1.5)}), "marks"), "marks");
    EXPECT_RULE_ERROR(marksArg(column({N(-0.5)}), "marks"), "marks");
    EXPECT_RULE_ERROR(marksArg(column({T(u"2")}), "marks"), "marks");
    EXPECT_RULE_ERROR(marksArg(column({T(u"150%")}), "marks"), "marks");
    EXPECT_RULE_ERROR(marksArg(column({N(kNaN)}), "marks"), "marks");
}

TEST(ChecklistScore, FromCellsEndToEnd) {
    RangeView points = column({N(1), N(1), T(u"1"), N(1)});
    RangeView marks = column({T(u"是"), T(u"否"), T(u"√"), N(0.5)});
    requireSameSize(points, "points", marks, "marks");
    EXPECT_CLOSE(checklistScore(numbersOf(points, "points"), marksArg(marks, "marks")), 2.5);
}

// ---------------------------------------------------------------- LEVEL_SCORE

TEST(LevelScore, KnownLevels) {
    struct Case { std::u16string_view level; double fraction; };
    const Case cases[] = {
        {u"优", 1.0}, {u"好", 1.0}, {u"A", 1.0}, {u"a", 1.0},
        {u"良", 0.8}, {u"较好", 0.8}, {u"B", 0.8}, {u"b", 0.8},
        {u"中", 0.6}, {u"一般", 0.6}, {u"C", 0.6}, {u"c", 0.6},
        {u"差", 0.0}, {u"D", 0.0}, {u"d", 0.0},
        {u" 优 ", 1.0}, {u"\u3000良\u3000", 0.8},
    };
    for (const Case& c : cases) {
        EXPECT_CLOSE(levelFraction(c.level), c.fraction) << toUtf8(c.level);
        EXPECT_CLOSE(levelScore(c.level, 5), 5 * c.fraction) << toUtf8(c.level);
    }
}

TEST(LevelScore, UnknownLevelIsAnError) {
    for (std::u16string_view bad : {u"E", u"", u"  ", u"很好", u"优良", u"AB", u"1"}) {
        EXPECT_THROW(levelFraction(bad), RuleError) << toUtf8(bad);
        EXPECT_THROW(levelScore(bad, 3), RuleError) << toUtf8(bad);
    }
    EXPECT_RULE_ERROR(levelFraction(u"很好"), "很好");
}

TEST(LevelScore, NegativeWeightIsAnError) {
    EXPECT_RULE_ERROR(levelScore(u"优", -1), "weight");
    EXPECT_EQ(jixiao_test::ruleErrorOf([] { levelScore(u"优", -1); }), "分值（weight）不能为负（为 -1）");
    EXPECT_EQ(jixiao_test::ruleErrorOf([] { levelScore(u"优", -1); }, Lang::En), "weight must not be negative (got -1)");
    EXPECT_RULE_ERROR_IN(levelFraction(u"很好"), Lang::Zh, "等级「很好」无法识别");
}

// ---------------------------------------------------------------- PERF_GRADE

TEST(PerfGrade, Boundaries) {
    EXPECT_EQ(perfGrade(100), u"优");
    EXPECT_EQ(perfGrade(95), u"优");
    EXPECT_EQ(perfGrade(90.00), u"优");
    EXPECT_EQ(perfGrade(89.99), u"良");
    EXPECT_EQ(perfGrade(85), u"良");
    EXPECT_EQ(perfGrade(80), u"良");
    EXPECT_EQ(perfGrade(79.99), u"中");
    EXPECT_EQ(perfGrade(60), u"中");
    EXPECT_EQ(perfGrade(59.99), u"差");
    EXPECT_EQ(perfGrade(0), u"差");
}

TEST(PerfGrade, SumOfRoundedScoresLandingOnABoundary) {
    // 30.1 + 29.9 + 30.0 sums to 89.99999999999999 or 90.00000000000001 depending on order;
    // either way the printed total is 90.00 -> 优.
    EXPECT_EQ(perfGrade(30.1 + 29.9 + 30.0), u"优");
    EXPECT_EQ(perfGrade(0.1 * 3 + 89.7), u"优");
    EXPECT_EQ(perfGrade(0.7 + 0.1 + 79.2), u"良");
}

TEST(PerfGrade, OutsideZeroToHundredIsAnError) {
    EXPECT_RULE_ERROR(perfGrade(-0.01), "total");
    EXPECT_RULE_ERROR(perfGrade(-50), "total");
    EXPECT_RULE_ERROR(perfGrade(100.01), "total");
    EXPECT_RULE_ERROR(perfGrade(150), "total");
    EXPECT_RULE_ERROR(perfGrade(kNaN), "total");
    EXPECT_RULE_ERROR(perfGrade(kInf), "total");
    EXPECT_RULE_ERROR_IN(perfGrade(150), Lang::Zh, "总分（total）须在 0 到 100 之间（为 150）");
    EXPECT_RULE_ERROR_IN(perfGrade(150), Lang::En, "total must lie in [0, 100] (got 150)");
}

// ---------------------------------------------------------------- argument readers

TEST(NumberArg, EmptyFallsBack) {
    EXPECT_EQ(numberArg(E(), "threshold", 0.8), 0.8);
    EXPECT_EQ(numberArg(T(u"  "), "threshold", 0.8), 0.8);
    EXPECT_EQ(numberArg(N(0.9), "threshold", 0.8), 0.9);
    EXPECT_EQ(numberArg(N(0), "threshold", 0.8), 0.0);  // 0 is a value, not "missing"
    EXPECT_CLOSE(numberArg(T(u"85%"), "threshold", 0.8), 0.85);
    EXPECT_CLOSE(numberArg(T(u"1,000"), "transfers", 0), 1000.0);
    EXPECT_EQ(numberArg(T(u"-"), "transfers", 7), 0.0);
    EXPECT_RULE_ERROR(numberArg(T(u"abc"), "threshold", 0.8), "threshold");
}

TEST(FlagArg, Values) {
    EXPECT_TRUE(flagArg(E(), "count_new_items", true));
    EXPECT_FALSE(flagArg(E(), "count_new_items", false));
    EXPECT_TRUE(flagArg(T(u" "), "count_new_items", true));
    EXPECT_FALSE(flagArg(N(0), "count_new_items", true));
    EXPECT_TRUE(flagArg(N(1), "count_new_items", false));
    EXPECT_TRUE(flagArg(N(2), "count_new_items", false));
    for (std::u16string_view yes : {u"TRUE", u"true", u"Y", u"yes", u"1", u"是", u"真"})
        EXPECT_TRUE(flagArg(T(yes), "f", false)) << toUtf8(yes);
    for (std::u16string_view no : {u"FALSE", u"false", u"n", u"NO", u"0", u"否", u"假"})
        EXPECT_FALSE(flagArg(T(no), "f", true)) << toUtf8(no);
    EXPECT_RULE_ERROR(flagArg(T(u"maybe"), "lower_is_better", false), "lower_is_better");
    EXPECT_RULE_ERROR(flagArg(T(u"2"), "lower_is_better", false), "lower_is_better");
    EXPECT_RULE_ERROR_IN(flagArg(T(u"maybe"), "lower_is_better", false), Lang::Zh,
                         "越低越好（lower_is_better）「maybe」不是 TRUE 或 FALSE");
    EXPECT_RULE_ERROR_IN(flagArg(T(u"maybe"), "lower_is_better", false), Lang::En,
                         "lower_is_better: \"maybe\" is not TRUE or FALSE");
}

// numberArg rejects a non-finite number (via numberOf); flagArg must not read NaN as "yes".
TEST(FlagArg, NonFiniteNumberIsAnError) {
    EXPECT_RULE_ERROR(flagArg(N(kNaN), "lower_is_better", false), "lower_is_better");
    EXPECT_RULE_ERROR(numberArg(N(kNaN), "transfers", 0), "transfers");
}

TEST(CompletionMethodArg, Values) {
    EXPECT_EQ(completionMethodArg(E()), CompletionMethod::Linear);
    EXPECT_EQ(completionMethodArg(T(u"")), CompletionMethod::Linear);
    EXPECT_EQ(completionMethodArg(T(u"linear")), CompletionMethod::Linear);
    EXPECT_EQ(completionMethodArg(T(u" LINEAR ")), CompletionMethod::Linear);
    EXPECT_EQ(completionMethodArg(T(u"线性")), CompletionMethod::Linear);
    EXPECT_EQ(completionMethodArg(T(u"proportional")), CompletionMethod::Proportional);
    EXPECT_EQ(completionMethodArg(T(u"Proportional")), CompletionMethod::Proportional);
    EXPECT_EQ(completionMethodArg(T(u"比例")), CompletionMethod::Proportional);
    EXPECT_RULE_ERROR(completionMethodArg(T(u"threshold")), "method");
    EXPECT_RULE_ERROR(completionMethodArg(N(1)), "method");
}

TEST(TargetMethodArg, Values) {
    EXPECT_EQ(targetMethodArg(E()), TargetMethod::Threshold);
    EXPECT_EQ(targetMethodArg(T(u" ")), TargetMethod::Threshold);
    EXPECT_EQ(targetMethodArg(T(u"threshold")), TargetMethod::Threshold);
    EXPECT_EQ(targetMethodArg(T(u"THRESHOLD")), TargetMethod::Threshold);
    EXPECT_EQ(targetMethodArg(T(u"达标")), TargetMethod::Threshold);
    EXPECT_EQ(targetMethodArg(T(u"proportional")), TargetMethod::Proportional);
    EXPECT_EQ(targetMethodArg(T(u"比例")), TargetMethod::Proportional);
    EXPECT_RULE_ERROR(targetMethodArg(T(u"linear")), "method");
    EXPECT_RULE_ERROR(targetMethodArg(N(0)), "method");
}

TEST(BandsArg, ReadsRowsSkippingBlankOnes) {
    RangeView r = grid(4, 2, {N(1.5), N(1), E(), E(), T(u"2"), T(u"90%"), T(u" "), T(u"")});
    std::vector<Band> b = bandsArg(r, "bands", false);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_CLOSE(b[0].bound, 1.5);
    EXPECT_CLOSE(b[0].value, 1.0);
    EXPECT_FALSE(b[0].open);
    EXPECT_CLOSE(b[1].bound, 2.0);
    EXPECT_CLOSE(b[1].value, 0.9);
    EXPECT_FALSE(b[1].open);
}

TEST(BandsArg, OpenBandOnlyWhenAllowed) {
    RangeView r = grid(2, 2, {N(2), N(1), E(), N(0.5)});
    std::vector<Band> b = bandsArg(r, "bands", true);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_FALSE(b[0].open);
    EXPECT_TRUE(b[1].open);
    EXPECT_CLOSE(b[1].value, 0.5);
    EXPECT_RULE_ERROR(bandsArg(r, "bands", false), "threshold");
}

TEST(BandsArg, Errors) {
    EXPECT_RULE_ERROR(bandsArg(grid(1, 2, {N(2), E()}), "bands", true), "no value");
    EXPECT_RULE_ERROR(bandsArg(grid(1, 3, {N(2), N(1), N(0)}), "bands", true), "two columns");
    EXPECT_RULE_ERROR(bandsArg(column({N(2), N(1)}), "bands", true), "two columns");
    EXPECT_RULE_ERROR(bandsArg(grid(2, 2, {E(), E(), T(u""), E()}), "bands", true), "empty");
    EXPECT_RULE_ERROR(bandsArg(grid(1, 2, {T(u"x"), N(1)}), "bands", true), "bands");
}

TEST(BandsArg, FeedsOverachievementFactorAndBandScore) {
    // A sheet's own overachievement table: up to 2× -> 100%, up to 4× -> 80%, beyond -> 60%.
    RangeView t = grid(3, 2, {T(u"2"), T(u"100%"), N(4), N(0.8), E(), N(0.6)});
    std::vector<Band> bands = bandsArg(t, "bands", true);
    EXPECT_CLOSE(overachievementFactor(30, 20, bands), 1.0);
    EXPECT_CLOSE(overachievementFactor(70, 20, bands), 0.8);
    EXPECT_CLOSE(overachievementFactor(500, 20, bands), 0.6);

    RangeView s = grid(2, 2, {T(u"60%"), N(0.5), T(u"90%"), N(1)});
    EXPECT_CLOSE(bandScore(0.75, bandsArg(s, "bands", false), 4), 2.0);
}

// ---------------------------------------------------------------- review follow-ups

TEST(Bands, NonFiniteBandsAreErrors) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_RULE_ERROR(overachievementFactor(3, 1, {{nan, 1.0, false}, {2.0, 0.9, false}}), "bands");
    EXPECT_RULE_ERROR(overachievementFactor(1, 1, {{2.0, nan, false}}), "bands");
    EXPECT_RULE_ERROR(bandScore(95, {{nan, 1, false}, {80, 0.8, false}}, 10), "bands");
    EXPECT_RULE_ERROR(bandScore(95, {{90, nan, false}}, 10), "bands");
    EXPECT_RULE_ERROR(bandScore(95, {{90, inf, false}}, 10), "bands");
    // An open band has no bound to check.
    EXPECT_DOUBLE_EQ(overachievementFactor(9, 1, {{2.0, 1.0, false}, {0.0, 0.5, true}}), 0.5);
}

TEST(FlagArg, NaNIsAnError) {
    EXPECT_RULE_ERROR(flagArg(CellView::num(std::numeric_limits<double>::quiet_NaN()), "count_new_items", false),
                      "count_new_items");
}

// ---------------------------------------------------------------- ADJUSTMENT_SUM, AMOUNT_SUM

TEST(AdjustmentSum, CountsTheRowsOfTheRatesNumerator) {
    const std::vector<double> init = {100, 0, 50};
    const std::vector<double> adj = {-20, 10, 5};
    EXPECT_CLOSE(adjustmentSum(init, adj), 25.0);
    EXPECT_CLOSE(adjustmentSum(init, adj, true), 35.0);
    // the same rows as ADJUSTMENT_RATE's numerator, for either reading
    for (bool countNew : {false, true})
        EXPECT_CLOSE(adjustmentSum(init, adj, countNew), adjustmentTotals(init, adj, countNew, 7).numerator);
    // no positive denominator needed for the sum itself
    EXPECT_CLOSE(adjustmentSum({0, 0}, {5, -5}, true), 10.0);
    EXPECT_CLOSE(adjustmentSum({0, 0}, {5, -5}), 0.0);
    EXPECT_RULE_ERROR(adjustmentSum({1, 2, 3}, {1, 2}), "adjustments");
    EXPECT_RULE_ERROR(adjustmentSum({100, -5}, {1, 2}), "negative");
}

TEST(AmountSum, ReadsTheRangeByThePolicy) {
    EXPECT_CLOSE(amountSum(column({N(100), T(u"1,234.56"), T(u"-"), E(), T(u"—"), T(u"（12）")})), 100 + 1234.56 - 12);
    EXPECT_CLOSE(amountSum(column({E(), E()})), 0.0);
    EXPECT_RULE_ERROR(amountSum(column({N(1), T(u"物业费")})), "amounts");
    EXPECT_RULE_ERROR(amountSum(column({N(1), T(u"1,23")}), "initial_budgets"), "initial_budgets");
}

// ---------------------------------------------------------------- optional band tables

TEST(FixedAssetScore, OwnBands) {
    // default bands give the rule without them
    for (double r : {0.95, 0.9, 0.85, 0.8, 0.79})
        EXPECT_CLOSE(fixedAssetScore(r * 1000, 1000, 2, defaultFixedAssetBands()), fixedAssetScore(r * 1000, 1000, 2));
    // a province's: ≥95% -> 1, ≥85% -> 0.6, ≥70% -> 0.3
    const std::vector<Band> own = {{0.95, 1, false}, {0.85, 0.6, false}, {0.7, 0.3, false}};
    EXPECT_CLOSE(fixedAssetScore(96, 100, 5, own), 5);
    EXPECT_CLOSE(fixedAssetScore(90, 100, 5, own), 3);
    EXPECT_CLOSE(fixedAssetScore(70, 100, 5, own), 1.5);
    EXPECT_CLOSE(fixedAssetScore(69, 100, 5, own), 0);
    EXPECT_RULE_ERROR(fixedAssetScore(1, 0, 1, own), "total");
    EXPECT_RULE_ERROR(fixedAssetScore(1, 1, 1, {{0.9, 1.5, false}}), "bands");
    EXPECT_RULE_ERROR(fixedAssetScore(1, 1, 1, {{0, 0.5, true}}), "bands");
    EXPECT_RULE_ERROR(fixedAssetScore(1, 1, 1, std::vector<Band>{}), "bands");
}

TEST(PerfGrade, DefaultTableIsTheRule) {
    for (double total : {100.0, 90.0, 89.99, 80.0, 79.99, 60.0, 59.99, 0.0})
        EXPECT_EQ(perfGrade(total, defaultGradeBands()), perfGrade(total)) << total;
}

TEST(PerfGrade, OwnGradeTable) {
    // 85 优秀, 70 良好, 60 合格, below 不合格 (blank bound)
    std::vector<GradeBound> own =
        gradeBandsArg(grid(4, 2, {N(85), T(u"优秀"), N(70), T(u"良好"), N(60), T(u"合格"), E(), T(u"不合格")}), "bands");
    EXPECT_EQ(toUtf8(perfGrade(88.48, own)), "优秀");
    EXPECT_EQ(toUtf8(perfGrade(85, own)), "优秀");
    EXPECT_EQ(toUtf8(perfGrade(84.99, own)), "良好");
    EXPECT_EQ(toUtf8(perfGrade(60, own)), "合格");
    EXPECT_EQ(toUtf8(perfGrade(12, own)), "不合格");
    // rows in any order; no open row: below every bound is an error
    std::vector<GradeBound> noOpen = gradeBandsArg(grid(2, 2, {N(60), T(u"合格"), N(90), T(u"优")}), "bands");
    EXPECT_EQ(toUtf8(perfGrade(95, noOpen)), "优");
    EXPECT_EQ(toUtf8(perfGrade(75, noOpen)), "合格");
    EXPECT_RULE_ERROR(perfGrade(59, noOpen), "below every lower bound");
    EXPECT_RULE_ERROR(perfGrade(101, own), "total");
}

TEST(GradeBandsArg, Errors) {
    EXPECT_RULE_ERROR(gradeBandsArg(grid(1, 1, {N(90)}), "bands"), "two columns");
    EXPECT_RULE_ERROR(gradeBandsArg(grid(1, 2, {N(90), N(1)}), "bands"), "grade text");
    EXPECT_RULE_ERROR(gradeBandsArg(grid(1, 2, {N(90), E()}), "bands"), "no grade");
    EXPECT_RULE_ERROR(gradeBandsArg(grid(2, 2, {N(90), T(u"优"), N(90), T(u"良")}), "bands"), "twice");
    EXPECT_RULE_ERROR(gradeBandsArg(grid(2, 2, {E(), T(u"差"), E(), T(u"劣")}), "bands"), "more than one");
    EXPECT_RULE_ERROR(gradeBandsArg(grid(1, 2, {T(u"九十"), T(u"优")}), "bands"), "bands");
    EXPECT_RULE_ERROR(gradeBandsArg(grid(1, 2, {E(), E()}), "bands"), "empty");
}

TEST(LevelScore, OwnLevelTable) {
    std::vector<LevelWord> own = levelsArg(
        grid(4, 2, {T(u"达成预期"), N(1), T(u"基本达成"), T(u"80%"), T(u"部分达成"), N(0.5), T(u"A+"), N(1)}), "levels");
    EXPECT_CLOSE(levelScore(u"基本达成", 5, own), 4);
    EXPECT_CLOSE(levelScore(u" 部分达成 ", 5, own), 2.5);
    EXPECT_CLOSE(levelScore(u"a+", 5, own), 5);  // ASCII in any case
    EXPECT_RULE_ERROR(levelScore(u"优", 5, own), "达成预期/基本达成");  // the table replaces the default words
    EXPECT_RULE_ERROR(levelScore(u"基本达成", -1, own), "weight");
}

TEST(LevelsArg, Errors) {
    EXPECT_RULE_ERROR(levelsArg(grid(1, 3, {T(u"优"), N(1), N(2)}), "levels"), "two columns");
    EXPECT_RULE_ERROR(levelsArg(grid(1, 2, {T(u"优"), N(1.2)}), "levels"), "[0, 1]");
    EXPECT_RULE_ERROR(levelsArg(grid(1, 2, {T(u"优"), T(u"满分")}), "levels"), "levels");
    EXPECT_RULE_ERROR(levelsArg(grid(1, 2, {T(u"优"), E()}), "levels"), "no fraction");
    EXPECT_RULE_ERROR(levelsArg(grid(1, 2, {E(), N(1)}), "levels"), "no level");
    EXPECT_RULE_ERROR(levelsArg(grid(2, 2, {T(u"优"), N(1), T(u"优"), N(0.9)}), "levels"), "twice");
    EXPECT_RULE_ERROR(levelsArg(grid(1, 2, {E(), E()}), "levels"), "empty");
}

// ---------------------------------------------------------------- one yes/no reader

TEST(FlagArg, ReadsEveryYesNoWord) {
    for (const char16_t* yes : {u"是", u"有", u"存在", u"适用", u"TRUE", u"y", u"Yes", u"1", u"√"})
        EXPECT_TRUE(flagArg(T(yes), "count_new_items", false)) << toUtf8(yes);
    for (const char16_t* no : {u"否", u"无", u"不存在", u"不适用", u"false", u"N", u"no", u"0", u"×"})
        EXPECT_FALSE(flagArg(T(no), "count_new_items", true)) << toUtf8(no);
    EXPECT_TRUE(flagArg(T(u"  "), "count_new_items", true));  // blank: the fallback
    EXPECT_RULE_ERROR(flagArg(T(u"也许"), "count_new_items", false), "count_new_items");
}

TEST(MarksArg, ReadsEveryYesNoWord) {
    std::vector<double> m = marksArg(column({T(u"有"), T(u"无"), T(u"存在"), T(u"不适用"), T(u"✔"), T(u"0.5")}), "marks");
    EXPECT_EQ(m, (std::vector<double>{1, 0, 1, 0, 1, 0.5}));
}

TEST(TargetMethodArg, FallbackForEmpty) {
    EXPECT_EQ(targetMethodArg(E(), TargetMethod::Proportional), TargetMethod::Proportional);
    EXPECT_EQ(targetMethodArg(T(u" "), TargetMethod::Proportional), TargetMethod::Proportional);
    EXPECT_EQ(targetMethodArg(E()), TargetMethod::Threshold);
    EXPECT_EQ(targetMethodArg(T(u"达标法"), TargetMethod::Proportional), TargetMethod::Threshold);
    EXPECT_EQ(targetMethodArg(T(u"比例法")), TargetMethod::Proportional);
}
