#include "jixiao/rules.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace jixiao {

namespace {

std::string num(double x) { return numberText(x, 10); }

[[noreturn]] void fail(Message what) { throw RuleError(std::move(what)); }

// `zh`: the argument's Chinese name in this function (see argLabel).
double finite(double x, std::string_view name, std::string_view zh = {}) { return requireFinite(x, name, zh); }

[[noreturn]] void failNegative(std::string_view name, std::string_view zh, double x) {
    fail(msg("rule.negative", "{1}不能为负（为 {2}）", "{1} must not be negative (got {2})", argLabel(name, zh), num(x)));
}

[[noreturn]] void failNotPositive(std::string_view name, std::string_view zh, double x) {
    fail(msg("rule.notPositive", "{1}须大于 0（为 {2}）", "{1} must be greater than 0 (got {2})", argLabel(name, zh),
             num(x)));
}

double weightOf(double weight) {
    finite(weight, "weight", "分值");
    if (weight < 0) failNegative("weight", "分值", weight);
    return weight;
}

double clamp01(double x) { return std::min(1.0, std::max(0.0, x)); }

Message bandsEmpty(std::string_view argName = "bands") {
    return msg("rule.bandsEmpty", "{1}为空", "{1}: the band table is empty", argLabel(argName));
}

const std::vector<Band>& checkedBands(const std::vector<Band>& bands) {
    if (bands.empty()) fail(bandsEmpty());
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const Band& b = bands[i];
        if ((!b.open && !std::isfinite(b.bound)) || !std::isfinite(b.value))
            fail(msg("rule.bandNotFinite", "{1}第{2}行不是有限数", "{1}: row {2} is not a finite number",
                     argLabel("bands"), i + 1));
    }
    return bands;
}

}  // namespace

double executionRate(double actual, double budget) {
    finite(actual, "actual", "实际支出");
    finite(budget, "budget", "预算数");
    if (budget <= 0) failNotPositive("budget", "预算数", budget);
    return actual / budget;
}

double itemAdjustmentRate(double initial, double adjustment) {
    finite(initial, "initial", "年初预算数");
    finite(adjustment, "adjustment", "调整金额");
    if (initial < 0)
        fail(msg("rule.negativeInitial", "年初预算数（initial）不能为负（为 {1}）",
                 "initial budget must not be negative (got {1})", num(initial)));
    if (initial == 0) return adjustment != 0 ? 1.0 : 0.0;
    return std::fabs(adjustment) / initial;
}

namespace {
// Σ initialᵢ and Σ|adjustmentᵢ| over the rows the numerator counts: the one definition of which
// rows ADJUSTMENT_RATE and ADJUSTMENT_SUM count.
AdjustmentTotals sumAdjustments(const std::vector<double>& initials, const std::vector<double>& adjustments,
                                bool countNewItems) {
    requireSameCount(initials.size(), "initial_budgets", adjustments.size(), "adjustments");
    AdjustmentTotals t;
    for (std::size_t i = 0; i < initials.size(); ++i) {
        double init = finite(initials[i], "initial_budgets");
        finite(adjustments[i], "adjustments");
        if (init < 0)
            fail(msg("rule.negativeCell", "{1}第{2}个单元格为负（{3}）", "{1}: cell {2} is negative ({3})",
                     argLabel("initial_budgets"), i + 1, num(init)));
        t.denominator += init;
        if (init != 0 || countNewItems) t.numerator += std::fabs(adjustments[i]);
    }
    return t;
}
}  // namespace

AdjustmentTotals adjustmentTotals(const std::vector<double>& initials, const std::vector<double>& adjustments,
                                  bool countNewItems, double transfers) {
    finite(transfers, "transfers");
    AdjustmentTotals t = sumAdjustments(initials, adjustments, countNewItems);
    t.denominator += transfers;
    if (!(t.denominator > 0))
        fail(msg("rule.denominatorNotPositive", "年初预算数合计加转移支付须大于 0（为 {1}）",
                 "the total initial budget plus transfers must be greater than 0 (got {1})", num(t.denominator)));
    return t;
}

double adjustmentRate(const std::vector<double>& initials, const std::vector<double>& adjustments,
                      bool countNewItems, double transfers) {
    return adjustmentTotals(initials, adjustments, countNewItems, transfers).rate();
}

double adjustmentSum(const std::vector<double>& initials, const std::vector<double>& adjustments,
                     bool countNewItems) {
    return sumAdjustments(initials, adjustments, countNewItems).numerator;
}

double amountSum(const RangeView& range, std::string_view argName) {
    double sum = 0;
    for (double x : numbersOf(range, argName)) sum += x;
    return sum;
}

double budgetCompletionScore(double rate, double weight, double threshold, CompletionMethod method) {
    finite(rate, "rate", "执行率");
    weightOf(weight);
    finite(threshold, "threshold");
    if (threshold < 0 || threshold >= 1)
        fail(msg("rule.thresholdRange", "门槛（threshold）须不小于 0 且小于 1（为 {1}）",
                 "threshold must lie in [0, 1) (got {1})", num(threshold)));
    if (method == CompletionMethod::Proportional) return clamp01(rate) * weight;
    if (rate < threshold) return 0.0;
    return std::min(1.0, (rate - threshold) / (1.0 - threshold)) * weight;
}

double adjustmentScore(double rate, double weight) {
    finite(rate, "rate", "调整率");
    weightOf(weight);
    if (rate < 0) failNegative("rate", "调整率", rate);
    return std::max(0.0, 1.0 - rate) * weight;
}

double balanceScore(const std::vector<double>& rates, double weight) {
    weightOf(weight);
    if (rates.empty())
        fail(msg("rule.noRates", "执行率（rates）没有数值（单元格全为空白）", "rates: no rates given (every cell is blank)"));
    double sum = 0;
    for (double r : rates) sum += finite(r, "rates");
    double mean = sum / static_cast<double>(rates.size());
    return std::min(1.0, std::max(0.0, mean)) * weight;
}

double procurementScore(double actual, double planned, double weight) {
    finite(actual, "actual", "实际采购金额");
    finite(planned, "planned");
    weightOf(weight);
    if (planned <= 0) failNotPositive("planned", {}, planned);
    if (actual < 0) failNegative("actual", "实际采购金额", actual);
    if (actual > planned && !approxEqual(actual, planned)) return 0.0;
    return std::min(1.0, actual / planned) * weight;
}

double publicFundsScore(double sangongActual, double sangongBudget, double dailyActual, double dailyBudget,
                        double pointsEach) {
    const std::pair<double, const char*> args[] = {{sangongActual, "sangong_actual"},
                                                   {sangongBudget, "sangong_budget"},
                                                   {dailyActual, "daily_actual"},
                                                   {dailyBudget, "daily_budget"},
                                                   {pointsEach, "points_each"}};
    for (const auto& [v, name] : args) {
        finite(v, name);
        if (v < 0) failNegative(name, {}, v);
    }
    double score = 0;
    if (approxLE(sangongActual, sangongBudget)) score += pointsEach;
    if (approxLE(dailyActual, dailyBudget)) score += pointsEach;
    return score;
}

double monitoringScore(double result, double weight, double fullMarks) {
    finite(result, "result");
    weightOf(weight);
    finite(fullMarks, "full_marks");
    if (fullMarks <= 0) failNotPositive("full_marks", {}, fullMarks);
    if (result < 0) failNegative("result", {}, result);
    return std::min(1.0, result / fullMarks) * weight;
}

double fixedAssetScore(double inUse, double total, double weight) {
    finite(inUse, "in_use");
    finite(total, "total", "固定资产总额");
    weightOf(weight);
    if (total <= 0) failNotPositive("total", "固定资产总额", total);
    if (inUse < 0) failNegative("in_use", {}, inUse);
    double r = inUse / total;
    if (approxGE(r, 0.9)) return weight;
    if (approxGE(r, 0.8)) return weight / 2;
    return 0.0;
}

const std::vector<Band>& defaultFixedAssetBands() {
    static const std::vector<Band> bands = {{0.9, 1.0, false}, {0.8, 0.5, false}};
    return bands;
}

double fixedAssetScore(double inUse, double total, double weight, const std::vector<Band>& bands) {
    finite(inUse, "in_use");
    finite(total, "total", "固定资产总额");
    weightOf(weight);
    if (total <= 0) failNotPositive("total", "固定资产总额", total);
    if (inUse < 0) failNegative("in_use", {}, inUse);
    checkedBands(bands);
    for (std::size_t i = 0; i < bands.size(); ++i)
        if (bands[i].open || bands[i].value < 0 || bands[i].value > 1)
            fail(msg("rule.assetBand", "{1}第{2}行须填利用率下限和 0 到 1 之间的得分比例",
                     "{1}: row {2} needs a ratio and a fraction of the weight in [0, 1]", argLabel("bands"), i + 1));
    return bandScore(inUse / total, bands, weight);
}

double targetScore(double actual, double target, double weight, TargetMethod method, bool lowerIsBetter) {
    finite(actual, "actual", "实际值");
    finite(target, "target", "目标值");
    weightOf(weight);
    if (!lowerIsBetter && target <= 0)
        fail(msg("rule.targetNotPositive", "目标值（target）须大于 0（为 {1}），越低越好（lower_is_better）的指标除外",
                 "target must be greater than 0 unless lower_is_better (got {1})", num(target)));
    bool met = lowerIsBetter ? approxLE(actual, target) : approxGE(actual, target);
    if (met) return weight;
    if (method == TargetMethod::Threshold) return 0.0;
    // Not met, proportional. Lower is better and not met means actual > target >= ... so actual > 0
    // unless target < actual < 0, which cannot be read as a proportion: score 0.
    double fraction = lowerIsBetter ? (actual > 0 ? target / actual : 0.0) : actual / target;
    return clamp01(fraction) * weight;
}

const std::vector<Band>& defaultOverachievementBands() {
    static const std::vector<Band> bands = {
        {1.5, 1.0, false}, {2.0, 0.9, false}, {3.0, 0.8, false},
        {4.0, 0.7, false}, {5.0, 0.6, false}, {0.0, 0.5, true},
    };
    return bands;
}

double overachievementFactor(double actual, double target, const std::vector<Band>& bands) {
    finite(actual, "actual", "实际值");
    finite(target, "target", "目标值");
    if (target <= 0) failNotPositive("target", "目标值", target);
    checkedBands(bands);
    double r = actual / target;
    const Band* best = nullptr;   // smallest closed bound >= r
    const Band* open = nullptr;
    const Band* largest = nullptr;
    for (const Band& b : bands) {
        if (b.open) { open = &b; continue; }
        if (!largest || b.bound > largest->bound) largest = &b;
        if (approxLE(r, b.bound) && (!best || b.bound < best->bound)) best = &b;
    }
    if (best) return best->value;
    if (open) return open->value;
    return largest->value;
}

double bandScore(double value, const std::vector<Band>& bands, double weight, bool lowerIsBetter) {
    finite(value, "value");
    weightOf(weight);
    checkedBands(bands);
    const Band* best = nullptr;
    for (const Band& b : bands) {
        if (lowerIsBetter) {
            if (approxGE(b.bound, value) && (!best || b.bound < best->bound)) best = &b;
        } else {
            if (approxLE(b.bound, value) && (!best || b.bound > best->bound)) best = &b;
        }
    }
    return best ? best->value * weight : 0.0;
}

double checklistScore(const std::vector<double>& points, const std::vector<double>& marks) {
    requireSameCount(points.size(), "points", marks.size(), "marks");
    double s = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        finite(points[i], "points");
        if (!(marks[i] >= 0 && marks[i] <= 1))
            fail(msg("rule.markRange", "{1}第{2}个单元格须在 0 到 1 之间", "{1}: cell {2} must lie in [0, 1]",
                     argLabel("marks"), i + 1));
        s += points[i] * marks[i];
    }
    return s;
}

double levelFraction(std::u16string_view levelText) {
    std::u16string_view l = trim(levelText);
    struct Level { std::u16string_view word; double fraction; };
    static const Level levels[] = {
        {u"优", 1.0}, {u"优秀", 1.0}, {u"好", 1.0}, {u"A", 1.0},
        {u"良", 0.8}, {u"良好", 0.8}, {u"较好", 0.8}, {u"B", 0.8},
        {u"中", 0.6}, {u"一般", 0.6}, {u"C", 0.6},
        {u"差", 0.0}, {u"较差", 0.0}, {u"D", 0.0},
    };
    for (const Level& lv : levels) {
        if (l == lv.word) return lv.fraction;
        if (lv.word.size() == 1 && lv.word[0] < 0x80 && l.size() == 1 && (l[0] | 0x20) == (lv.word[0] | 0x20))
            return lv.fraction;
    }
    fail(msg("rule.unknownLevel", "等级「{1}」无法识别（可填 优/良/中/差、好/较好/一般/差、A/B/C/D）",
             "level \"{1}\" is not a known level (优/良/中/差, 好/较好/一般/差, A/B/C/D)", l));
}

double levelScore(std::u16string_view level, double weight) {
    weightOf(weight);
    return levelFraction(level) * weight;
}

namespace {
Message levelsEmpty(std::string_view argName = "levels") {
    return msg("rule.levelsEmpty", "{1}为空", "{1}: the level table is empty", argLabel(argName));
}

Message gradesEmpty(std::string_view argName = "bands") {
    return msg("rule.gradesEmpty", "{1}为空", "{1}: the grade table is empty", argLabel(argName));
}

bool sameWord(std::u16string_view a, std::u16string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char16_t x = a[i], y = b[i];
        if (x >= u'A' && x <= u'Z') x = static_cast<char16_t>(x - u'A' + u'a');
        if (y >= u'A' && y <= u'Z') y = static_cast<char16_t>(y - u'A' + u'a');
        if (x != y) return false;
    }
    return true;
}
}  // namespace

double levelFraction(std::u16string_view levelText, const std::vector<LevelWord>& levels) {
    std::u16string_view l = trim(levelText);
    if (levels.empty()) fail(levelsEmpty());
    std::string known;
    for (const LevelWord& lv : levels) {
        if (!(lv.fraction >= 0 && lv.fraction <= 1))
            fail(msg("rule.levelFractionRange", "{1}中「{2}」的得分比例须在 0 到 1 之间",
                     "{1}: the fraction of \"{2}\" must lie in [0, 1]", argLabel("levels"), lv.word));
        if (sameWord(l, trim(lv.word))) return lv.fraction;
        known += (known.empty() ? "" : "/") + toUtf8(trim(lv.word));
    }
    fail(msg("rule.levelNotInTable", "等级「{1}」不在等级表中（等级表有：{2}）",
             "level \"{1}\" is not in the level table ({2})", l, known));
}

double levelScore(std::u16string_view level, double weight, const std::vector<LevelWord>& levels) {
    weightOf(weight);
    return levelFraction(level, levels) * weight;
}

const std::vector<GradeBound>& defaultGradeBands() {
    static const std::vector<GradeBound> bands = {
        {90, u"优", false}, {80, u"良", false}, {60, u"中", false}, {0, u"差", true}};
    return bands;
}

std::u16string_view perfGrade(double total) { return perfGrade(total, defaultGradeBands()); }

std::u16string_view perfGrade(double total, const std::vector<GradeBound>& bands) {
    finite(total, "total", "总分");
    if ((total < 0 && !approxEqual(total, 0)) || (total > 100 && !approxEqual(total, 100)))
        fail(msg("rule.totalRange", "总分（total）须在 0 到 100 之间（为 {1}）", "total must lie in [0, 100] (got {1})",
                 num(total)));
    if (bands.empty()) fail(gradesEmpty());
    // Half-open intervals on the figure as printed: 90.00 -> 优, 89.99 -> 良. The tolerance only
    // absorbs float noise from summing rounded scores (89.99999999999 for 90).
    const GradeBound* best = nullptr;
    const GradeBound* open = nullptr;
    const GradeBound* lowest = nullptr;
    for (const GradeBound& b : bands) {
        if (b.open) { open = &b; continue; }
        if (!std::isfinite(b.lower))
            fail(msg("rule.gradeBoundNotFinite", "{1}中有下限不是有限数", "{1}: a lower bound is not a finite number",
                     argLabel("bands")));
        if (!lowest || b.lower < lowest->lower) lowest = &b;
        if (total >= b.lower - 1e-9 && (!best || b.lower > best->lower)) best = &b;
    }
    if (best) return best->grade;
    if (open) return open->grade;
    fail(msg("rule.belowAllGrades", "总分 {1} 低于分档表中的所有下限（最低为 {2}）；请增加一行下限留空的等级，作为最低一档",
             "total {1} is below every lower bound of the grade table (lowest {2}); add a row with a blank bound "
             "for the grade below",
             num(total), num(lowest->lower)));
}

// ---- arguments ----

double numberArg(const CellView& v, std::string_view argName, double fallback) {
    std::optional<double> n = numberOf(v, argName, 0);
    return n ? *n : fallback;
}

bool flagArg(const CellView& v, std::string_view argName, bool fallback) {
    switch (v.kind) {
        case CellView::Kind::Empty: return fallback;
        case CellView::Kind::Number:
            finite(v.number, argName);
            return v.number != 0;
        case CellView::Kind::Text: break;
    }
    std::u16string_view t = trim(v.text);
    if (t.empty()) return fallback;
    if (std::optional<bool> b = yesNo(v)) return *b;
    fail(msg("rule.notFlag", "{1}「{2}」不是 TRUE 或 FALSE（可填 是/否、Y/N、1/0）",
             "{1}: \"{2}\" is not TRUE or FALSE (是/否, Y/N, 1/0)", argLabel(argName), t));
}

CompletionMethod completionMethodArg(const CellView& v) {
    if (v.kind == CellView::Kind::Empty) return CompletionMethod::Linear;
    if (v.kind == CellView::Kind::Text) {
        std::u16string_view t = trim(v.text);
        if (t.empty() || equalsAsciiNoCase(t, "linear") || t == u"线性") return CompletionMethod::Linear;
        if (equalsAsciiNoCase(t, "proportional") || t == u"比例" || t == u"按比例")
            return CompletionMethod::Proportional;
        fail(msg("rule.unknownCompletionMethod", "方法（method）「{1}」无法识别；请填 \"linear\"（线性）或 \"proportional\"（比例）",
                 "method \"{1}\" is unknown; use \"linear\" (线性) or \"proportional\" (比例)", t));
    }
    fail(msg("rule.completionMethodNotText", "方法（method）须为文字 \"linear\"（线性）或 \"proportional\"（比例）",
             "method must be the text \"linear\" or \"proportional\""));
}

TargetMethod targetMethodArg(const CellView& v, TargetMethod fallback) {
    if (v.kind == CellView::Kind::Empty) return fallback;
    if (v.kind == CellView::Kind::Text) {
        std::u16string_view t = trim(v.text);
        if (t.empty()) return fallback;
        if (equalsAsciiNoCase(t, "threshold") || t == u"达标" || t == u"达标法") return TargetMethod::Threshold;
        if (equalsAsciiNoCase(t, "proportional") || t == u"比例" || t == u"按比例" || t == u"比例法")
            return TargetMethod::Proportional;
        fail(msg("rule.unknownTargetMethod", "方法（method）「{1}」无法识别；请填 \"threshold\"（达标）或 \"proportional\"（比例）",
                 "method \"{1}\" is unknown; use \"threshold\" (达标) or \"proportional\" (比例)", t));
    }
    fail(msg("rule.targetMethodNotText", "方法（method）须为文字 \"threshold\"（达标）或 \"proportional\"（比例）",
             "method must be the text \"threshold\" or \"proportional\""));
}

std::vector<Band> bandsArg(const RangeView& range, std::string_view argName, bool allowOpen) {
    if (range.cols != 2)
        fail(msg("rule.bandsColumns", "{1}须为两列（界限；数值），现为{2}列", "{1} must have two columns (bound; value), got {2}",
                 argLabel(argName), range.cols));
    std::vector<Band> bands;
    for (std::size_t r = 0; r < range.rows; ++r) {
        std::size_t i = r * 2;
        std::optional<double> bound = numberOf(range.cells[i], argName, i);
        std::optional<double> value = numberOf(range.cells[i + 1], argName, i + 1);
        if (!bound && !value) continue;  // blank row
        if (!value) fail(msg("rule.bandNoValue", "{1}第{2}行没有数值", "{1}: row {2} has no value", argLabel(argName), r + 1));
        if (!bound) {
            if (!allowOpen)
                fail(msg("rule.bandNoThreshold", "{1}第{2}行没有门槛值", "{1}: row {2} has no threshold", argLabel(argName),
                         r + 1));
            bands.push_back({0.0, *value, true});
        } else {
            bands.push_back({*bound, *value, false});
        }
    }
    if (bands.empty()) fail(bandsEmpty(argName));
    return bands;
}

std::vector<GradeBound> gradeBandsArg(const RangeView& range, std::string_view argName) {
    if (range.cols != 2)
        fail(msg("rule.gradesColumns", "{1}须为两列（下限；等级），现为{2}列",
                 "{1} must have two columns (lower bound; grade), got {2}", argLabel(argName), range.cols));
    std::vector<GradeBound> bands;
    for (std::size_t r = 0; r < range.rows; ++r) {
        std::size_t i = r * 2;
        std::optional<double> bound = numberOf(range.cells[i], argName, i);
        const CellView& g = range.cells[i + 1];
        std::u16string grade;
        if (g.kind == CellView::Kind::Number)
            fail(msg("rule.gradeIsNumber", "{1}第{2}行的等级是数字 {3}，此处应为等级文字",
                     "{1}: row {2} has the number {3} where the grade text belongs", argLabel(argName), r + 1,
                     num(g.number)));
        if (g.kind == CellView::Kind::Text) grade = std::u16string(trim(g.text));
        if (!bound && grade.empty()) continue;  // blank row
        if (grade.empty())
            fail(msg("rule.gradeMissing", "{1}第{2}行没有等级", "{1}: row {2} has no grade", argLabel(argName), r + 1));
        for (const GradeBound& b : bands) {
            if (!bound && b.open)
                fail(msg("rule.gradeTwoOpen", "{1}中不止一行的下限留空", "{1}: more than one row has a blank bound",
                         argLabel(argName)));
            if (bound && !b.open && approxEqual(b.lower, *bound))
                fail(msg("rule.gradeBoundTwice", "{1}中下限 {2} 出现了两次", "{1}: the bound {2} appears twice",
                         argLabel(argName), num(*bound)));
        }
        bands.push_back({bound ? *bound : 0.0, std::move(grade), !bound});
    }
    if (bands.empty()) fail(gradesEmpty(argName));
    return bands;
}

std::vector<LevelWord> levelsArg(const RangeView& range, std::string_view argName) {
    if (range.cols != 2)
        fail(msg("rule.levelsColumns", "{1}须为两列（等级；得分比例），现为{2}列",
                 "{1} must have two columns (level; fraction), got {2}", argLabel(argName), range.cols));
    std::vector<LevelWord> levels;
    for (std::size_t r = 0; r < range.rows; ++r) {
        std::size_t i = r * 2;
        const CellView& w = range.cells[i];
        std::u16string word;
        if (w.kind == CellView::Kind::Number) word = numberText16(w.number);
        else if (w.kind == CellView::Kind::Text) word = std::u16string(trim(w.text));
        std::optional<double> f = numberOf(range.cells[i + 1], argName, i + 1);
        if (word.empty() && !f) continue;  // blank row
        if (word.empty())
            fail(msg("rule.levelMissing", "{1}第{2}行没有等级文字", "{1}: row {2} has no level", argLabel(argName), r + 1));
        if (!f)
            fail(msg("rule.levelNoFraction", "{1}第{2}行没有得分比例", "{1}: row {2} has no fraction", argLabel(argName),
                     r + 1));
        if (!(*f >= 0 && *f <= 1))
            fail(msg("rule.levelRowFractionRange", "{1}第{2}行的得分比例为 {3}，须在 0 到 1 之间",
                     "{1}: row {2} has the fraction {3}; it must lie in [0, 1]", argLabel(argName), r + 1, num(*f)));
        for (const LevelWord& lv : levels)
            if (sameWord(lv.word, word))
                fail(msg("rule.levelTwice", "{1}中等级「{2}」出现了两次", "{1}: the level \"{2}\" appears twice",
                         argLabel(argName), word));
        levels.push_back({std::move(word), *f});
    }
    if (levels.empty()) fail(levelsEmpty(argName));
    return levels;
}

std::vector<double> marksArg(const RangeView& range, std::string_view argName) {
    std::vector<double> marks;
    marks.reserve(range.size());
    for (std::size_t i = 0; i < range.size(); ++i) {
        const CellView& c = range.cells[i];
        double m = 0;
        if (c.kind == CellView::Kind::Number) {
            m = c.number;
        } else if (c.kind == CellView::Kind::Text) {
            std::u16string_view t = trim(c.text);
            bool known = true;
            if (t.empty()) m = 0;
            else if (std::optional<bool> yes = yesNo(c)) m = *yes ? 1 : 0;
            else if (auto n = parseNumber(t)) m = *n;
            else known = false;
            if (!known)
                fail(msg("rule.unknownMark", "{1}第{2}个单元格为「{3}」；请填 TRUE/是/√/Y、FALSE/否/×/N，或 0 到 1 之间的数",
                         "{1}: cell {2} holds \"{3}\"; use TRUE/是/√/Y, FALSE/否/×/N, or a number between 0 and 1",
                         argLabel(argName), i + 1, t));
        }
        if (!std::isfinite(m) || m < 0 || m > 1)
            fail(msg("rule.markCellRange", "{1}第{2}个单元格须在 0 到 1 之间（为 {3}）", "{1}: cell {2} must lie in [0, 1] (got {3})",
                     argLabel(argName), i + 1, num(m)));
        marks.push_back(m);
    }
    return marks;
}

}  // namespace jixiao
