// Jixiao core: the quantitative rules of 附件1 部门整体绩效评价表, each as a pure function.
// Rates are fractions (91.38% = 0.9138). Results are full precision; rounding is the sheet's job.
// Every invalid input throws RuleError with a message naming the argument.
#pragma once

#include <string_view>
#include <vector>

#include "jixiao/values.hpp"

namespace jixiao {

enum class CompletionMethod { Linear, Proportional };
enum class TargetMethod { Threshold, Proportional };

// One row of a band table: up to / from `bound` -> `value`. `open` marks a row whose bound was
// left blank: "any value beyond the others".
struct Band {
    double bound = 0.0;
    double value = 0.0;
    bool open = false;
};

// 执行率 = actual / budget. budget <= 0 is an error.
double executionRate(double actual, double budget);

// One item's 调整率 = |adjustment| / initial. initial = 0 (item added mid-year): 1 if adjusted,
// else 0 (表1-6 prints 100% for such rows). initial < 0 is an error.
double itemAdjustmentRate(double initial, double adjustment);

struct AdjustmentTotals {
    double numerator = 0.0;    // Σ|adjustmentᵢ| over the rows counted
    double denominator = 0.0;  // Σ initialᵢ + transfers
    double rate() const { return numerator / denominator; }
};

// 预算调整率: Σ|adjustmentᵢ| / (Σ initialᵢ + transfers). Rows whose initial budget is 0 (added
// mid-year) are left out of the numerator unless countNewItems. Sizes must match; a negative
// initial budget or a denominator <= 0 is an error.
AdjustmentTotals adjustmentTotals(const std::vector<double>& initials, const std::vector<double>& adjustments,
                                  bool countNewItems = false, double transfers = 0.0);
double adjustmentRate(const std::vector<double>& initials, const std::vector<double>& adjustments,
                      bool countNewItems = false, double transfers = 0.0);
// Σ|adjustmentᵢ| over exactly the rows adjustmentTotals counts in its numerator (the same checks:
// sizes match, no negative initial budget), without requiring a positive denominator.
double adjustmentSum(const std::vector<double>& initials, const std::vector<double>& adjustments,
                     bool countNewItems = false);

// Σ of a range read by the range policy (numbersOf: numeric text, "-" = 0, blanks = 0).
double amountSum(const RangeView& range, std::string_view argName = "amounts");

// 预算完成率 score. Linear: rate < threshold -> 0, else min(1, (rate - threshold)/(1 - threshold)) × weight.
// Proportional: min(1, max(0, rate)) × weight. threshold must lie in [0, 1); weight >= 0.
double budgetCompletionScore(double rate, double weight, double threshold = 0.8,
                             CompletionMethod method = CompletionMethod::Linear);

// 预算调整率 score: max(0, 1 - rate) × weight; rate < 0 is an error.
double adjustmentScore(double rate, double weight);

// 支出均衡性: min(1, mean(rates)) × weight; at least one rate.
double balanceScore(const std::vector<double>& rates, double weight);

// 政府采购执行率: actual > planned -> 0, else actual / planned × weight; planned <= 0 is an error.
double procurementScore(double actual, double planned, double weight);

// 公用经费控制率: pointsEach for 三公 actual <= budget, plus pointsEach for 日常公用 actual <= budget.
double publicFundsScore(double sangongActual, double sangongBudget, double dailyActual, double dailyBudget,
                        double pointsEach = 1.0);

// 绩效运行监控: min(1, result / fullMarks) × weight.
double monitoringScore(double result, double weight, double fullMarks = 100.0);

// 固定资产利用率: r = inUse / total; r >= 90% -> weight; 80% <= r < 90% -> weight/2; else 0.
double fixedAssetScore(double inUse, double total, double weight);
// The same with other bands (ratio lower bound -> fraction of the weight, as bandScore; fractions
// in [0, 1]); defaultFixedAssetBands() gives the rule above.
const std::vector<Band>& defaultFixedAssetBands();
double fixedAssetScore(double inUse, double total, double weight, const std::vector<Band>& bands);

// A KPI target. Met (actual >= target, or <= when lowerIsBetter) -> weight. Not met: Threshold -> 0;
// Proportional -> actual/target × weight (target/actual when lowerIsBetter), never below 0.
// target <= 0 is an error unless lowerIsBetter.
double targetScore(double actual, double target, double weight, TargetMethod method = TargetMethod::Threshold,
                   bool lowerIsBetter = false);

// The bands inferred from the seed's two printed cases (5.19× -> 50%, 1.84× -> 90%):
// r <= 1.5 -> 1; <= 2 -> 0.9; <= 3 -> 0.8; <= 4 -> 0.7; <= 5 -> 0.6; above -> 0.5.
const std::vector<Band>& defaultOverachievementBands();

// Multiplier for a target set too low, from r = actual / target: the first band (by bound,
// ascending) with r <= bound gives the factor; beyond every bound, the open band if any, else
// the band with the largest bound. target <= 0 is an error.
double overachievementFactor(double actual, double target, const std::vector<Band>& bands);

// Banded score. Higher is better: the largest threshold <= value gives the fraction; lower is
// better: the smallest threshold >= value. No band matches -> 0.
double bandScore(double value, const std::vector<Band>& bands, double weight, bool lowerIsBetter = false);

// Σ pointsᵢ × markᵢ; sizes must match.
double checklistScore(const std::vector<double>& points, const std::vector<double>& marks);

// Fraction for a qualitative level: 优/好/A -> 1, 良/较好/B -> 0.8, 中/一般/C -> 0.6, 差/D -> 0.
double levelFraction(std::u16string_view level);
double levelScore(std::u16string_view level, double weight);

// A level table of one's own: level word -> fraction of the weight (in [0, 1]). Words match after
// trimming, ASCII letters in any case; an unknown level is an error naming the table's words.
struct LevelWord {
    std::u16string word;
    double fraction = 0.0;
};
double levelFraction(std::u16string_view level, const std::vector<LevelWord>& levels);
double levelScore(std::u16string_view level, double weight, const std::vector<LevelWord>& levels);

// Grade of a total: 优 >= 90, 良 [80, 90), 中 [60, 80), 差 < 60; outside [0, 100] is an error.
std::u16string_view perfGrade(double total);

// A grade table: the grade of the largest lower bound <= total (half-open intervals, as above);
// an `open` row (blank bound) is the grade below every bound. A total below every bound with no
// open row is an error; outside [0, 100] is an error. The view points into `bands`.
struct GradeBound {
    double lower = 0.0;
    std::u16string grade;
    bool open = false;
};
const std::vector<GradeBound>& defaultGradeBands();  // 90 优, 80 良, 60 中, below 差
std::u16string_view perfGrade(double total, const std::vector<GradeBound>& bands);

// ---- reading arguments as a cell passes them (core decides, adapters only convert) ----

// An optional numeric argument: Empty -> fallback; number; numeric text.
double numberArg(const CellView& v, std::string_view argName, double fallback);
// An optional yes/no argument: Empty or blank text -> fallback; number (0 = no); any yesNo text.
bool flagArg(const CellView& v, std::string_view argName, bool fallback);
// "linear"/"线性" or "proportional"/"比例"; Empty -> Linear.
CompletionMethod completionMethodArg(const CellView& v);
// "threshold"/"达标" or "proportional"/"比例"; Empty (or blank text) -> fallback.
TargetMethod targetMethodArg(const CellView& v, TargetMethod fallback = TargetMethod::Threshold);
// A two-column band table; rows blank in both columns are skipped. With allowOpen, a blank
// bound with a value marks the open band.
std::vector<Band> bandsArg(const RangeView& range, std::string_view argName, bool allowOpen);
// Checklist marks: a yes (yesNo) -> 1; a no or blank -> 0; numbers (or numeric text) in [0, 1].
std::vector<double> marksArg(const RangeView& range, std::string_view argName);
// PERF_GRADE's bands: two columns (lower bound; grade text); rows blank in both are skipped; a
// blank bound with a grade is the open row (at most one); bounds must differ.
std::vector<GradeBound> gradeBandsArg(const RangeView& range, std::string_view argName);
// LEVEL_SCORE's levels: two columns (level word; fraction 0–1, numeric text such as "80%" too);
// blank rows skipped; words must differ.
std::vector<LevelWord> levelsArg(const RangeView& range, std::string_view argName);

}  // namespace jixiao
