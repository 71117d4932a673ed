#include "jixiao/rules.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace jixiao {

namespace {

std::string num(double x) { return numberText(x, 10); }

[[noreturn]] void fail(std::string_view what) { throw RuleError(std::string(what)); }

double finite(double x, std::string_view name) { return requireFinite(x, name); }

double weightOf(double weight) {
    finite(weight, "weight");
    if (weight < 0) fail("weight must not be negative (got " + num(weight) + ")");
    return weight;
}

double clamp01(double x) { return std::min(1.0, std::max(0.0, x)); }

const std::vector<Band>& checkedBands(const std::vector<Band>& bands) {
    if (bands.empty()) fail("bands: the band table is empty");
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const Band& b = bands[i];
        if ((!b.open && !std::isfinite(b.bound)) || !std::isfinite(b.value))
            fail("bands: row " + std::to_string(i + 1) + " is not a finite number");
    }
    return bands;
}

}  // namespace

double executionRate(double actual, double budget) {
    finite(actual, "actual");
    finite(budget, "budget");
    if (budget <= 0) fail("budget must be greater than 0 (got " + num(budget) + ")");
    return actual / budget;
}

double itemAdjustmentRate(double initial, double adjustment) {
    finite(initial, "initial");
    finite(adjustment, "adjustment");
    if (initial < 0) fail("initial budget must not be negative (got " + num(initial) + ")");
    if (initial == 0) return adjustment != 0 ? 1.0 : 0.0;
    return std::fabs(adjustment) / initial;
}

namespace {
// Σ initialᵢ and Σ|adjustmentᵢ| over the rows the numerator counts: the one definition of which
// rows ADJUSTMENT_RATE and ADJUSTMENT_SUM count.
AdjustmentTotals sumAdjustments(const std::vector<double>& initials, const std::vector<double>& adjustments,
                                bool countNewItems) {
    if (initials.size() != adjustments.size())
        fail("initial_budgets has " + std::to_string(initials.size()) + " cells but adjustments has " +
             std::to_string(adjustments.size()) + "; they must match row for row");
    AdjustmentTotals t;
    for (std::size_t i = 0; i < initials.size(); ++i) {
        double init = finite(initials[i], "initial_budgets");
        finite(adjustments[i], "adjustments");
        if (init < 0) fail("initial_budgets: cell " + std::to_string(i + 1) + " is negative (" + num(init) + ")");
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
        fail("the total initial budget plus transfers must be greater than 0 (got " + num(t.denominator) + ")");
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
    finite(rate, "rate");
    weightOf(weight);
    finite(threshold, "threshold");
    if (threshold < 0 || threshold >= 1) fail("threshold must lie in [0, 1) (got " + num(threshold) + ")");
    if (method == CompletionMethod::Proportional) return clamp01(rate) * weight;
    if (rate < threshold) return 0.0;
    return std::min(1.0, (rate - threshold) / (1.0 - threshold)) * weight;
}

double adjustmentScore(double rate, double weight) {
    finite(rate, "rate");
    weightOf(weight);
    if (rate < 0) fail("rate must not be negative (got " + num(rate) + ")");
    return std::max(0.0, 1.0 - rate) * weight;
}

double balanceScore(const std::vector<double>& rates, double weight) {
    weightOf(weight);
    if (rates.empty()) fail("rates: no rates given (every cell is blank)");
    double sum = 0;
    for (double r : rates) sum += finite(r, "rates");
    double mean = sum / static_cast<double>(rates.size());
    return std::min(1.0, std::max(0.0, mean)) * weight;
}

double procurementScore(double actual, double planned, double weight) {
    finite(actual, "actual");
    finite(planned, "planned");
    weightOf(weight);
    if (planned <= 0) fail("planned must be greater than 0 (got " + num(planned) + ")");
    if (actual < 0) fail("actual must not be negative (got " + num(actual) + ")");
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
        if (v < 0) fail(std::string(name) + " must not be negative (got " + num(v) + ")");
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
    if (fullMarks <= 0) fail("full_marks must be greater than 0 (got " + num(fullMarks) + ")");
    if (result < 0) fail("result must not be negative (got " + num(result) + ")");
    return std::min(1.0, result / fullMarks) * weight;
}

double fixedAssetScore(double inUse, double total, double weight) {
    finite(inUse, "in_use");
    finite(total, "total");
    weightOf(weight);
    if (total <= 0) fail("total must be greater than 0 (got " + num(total) + ")");
    if (inUse < 0) fail("in_use must not be negative (got " + num(inUse) + ")");
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
    finite(total, "total");
    weightOf(weight);
    if (total <= 0) fail("total must be greater than 0 (got " + num(total) + ")");
    if (inUse < 0) fail("in_use must not be negative (got " + num(inUse) + ")");
    checkedBands(bands);
    for (std::size_t i = 0; i < bands.size(); ++i)
        if (bands[i].open || bands[i].value < 0 || bands[i].value > 1)
            fail("bands: row " + std::to_string(i + 1) + " needs a ratio and a fraction of the weight in [0, 1]");
    return bandScore(inUse / total, bands, weight);
}

double targetScore(double actual, double target, double weight, TargetMethod method, bool lowerIsBetter) {
    finite(actual, "actual");
    finite(target, "target");
    weightOf(weight);
    if (!lowerIsBetter && target <= 0)
        fail("target must be greater than 0 unless lower_is_better (got " + num(target) + ")");
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
    finite(actual, "actual");
    finite(target, "target");
    if (target <= 0) fail("target must be greater than 0 (got " + num(target) + ")");
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
    if (points.size() != marks.size())
        fail("points has " + std::to_string(points.size()) + " cells but marks has " +
             std::to_string(marks.size()) + "; they must match row for row");
    double s = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        finite(points[i], "points");
        if (!(marks[i] >= 0 && marks[i] <= 1)) fail("marks: cell " + std::to_string(i + 1) + " must lie in [0, 1]");
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
    fail("level \"" + toUtf8(l) + "\" is not a known level (优/良/中/差, 好/较好/一般/差, A/B/C/D)");
}

double levelScore(std::u16string_view level, double weight) {
    weightOf(weight);
    return levelFraction(level) * weight;
}

namespace {
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
    if (levels.empty()) fail("levels: the level table is empty");
    std::string known;
    for (const LevelWord& lv : levels) {
        if (!(lv.fraction >= 0 && lv.fraction <= 1))
            fail("levels: the fraction of \"" + toUtf8(lv.word) + "\" must lie in [0, 1]");
        if (sameWord(l, trim(lv.word))) return lv.fraction;
        known += (known.empty() ? "" : "/") + toUtf8(trim(lv.word));
    }
    fail("level \"" + toUtf8(l) + "\" is not in the level table (" + known + ")");
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
    finite(total, "total");
    if (total < 0 && !approxEqual(total, 0)) fail("total must lie in [0, 100] (got " + num(total) + ")");
    if (total > 100 && !approxEqual(total, 100)) fail("total must lie in [0, 100] (got " + num(total) + ")");
    if (bands.empty()) fail("bands: the grade table is empty");
    // Half-open intervals on the figure as printed: 90.00 -> 优, 89.99 -> 良. The tolerance only
    // absorbs float noise from summing rounded scores (89.99999999999 for 90).
    const GradeBound* best = nullptr;
    const GradeBound* open = nullptr;
    const GradeBound* lowest = nullptr;
    for (const GradeBound& b : bands) {
        if (b.open) { open = &b; continue; }
        if (!std::isfinite(b.lower)) fail("bands: a lower bound is not a finite number");
        if (!lowest || b.lower < lowest->lower) lowest = &b;
        if (total >= b.lower - 1e-9 && (!best || b.lower > best->lower)) best = &b;
    }
    if (best) return best->grade;
    if (open) return open->grade;
    fail("total " + num(total) + " is below every lower bound of the grade table (lowest " +
         num(lowest->lower) + "); add a row with a blank bound for the grade below");
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
    fail(std::string(argName) + ": \"" + toUtf8(t) + "\" is not TRUE or FALSE (是/否, Y/N, 1/0)");
}

CompletionMethod completionMethodArg(const CellView& v) {
    if (v.kind == CellView::Kind::Empty) return CompletionMethod::Linear;
    if (v.kind == CellView::Kind::Text) {
        std::u16string_view t = trim(v.text);
        if (t.empty() || equalsAsciiNoCase(t, "linear") || t == u"线性") return CompletionMethod::Linear;
        if (equalsAsciiNoCase(t, "proportional") || t == u"比例" || t == u"按比例")
            return CompletionMethod::Proportional;
        fail("method \"" + toUtf8(t) + "\" is unknown; use \"linear\" (线性) or \"proportional\" (比例)");
    }
    fail("method must be the text \"linear\" or \"proportional\"");
}

TargetMethod targetMethodArg(const CellView& v, TargetMethod fallback) {
    if (v.kind == CellView::Kind::Empty) return fallback;
    if (v.kind == CellView::Kind::Text) {
        std::u16string_view t = trim(v.text);
        if (t.empty()) return fallback;
        if (equalsAsciiNoCase(t, "threshold") || t == u"达标" || t == u"达标法") return TargetMethod::Threshold;
        if (equalsAsciiNoCase(t, "proportional") || t == u"比例" || t == u"按比例" || t == u"比例法")
            return TargetMethod::Proportional;
        fail("method \"" + toUtf8(t) + "\" is unknown; use \"threshold\" (达标) or \"proportional\" (比例)");
    }
    fail("method must be the text \"threshold\" or \"proportional\"");
}

std::vector<Band> bandsArg(const RangeView& range, std::string_view argName, bool allowOpen) {
    if (range.cols != 2)
        fail(std::string(argName) + " must have two columns (bound; value), got " + std::to_string(range.cols));
    std::vector<Band> bands;
    for (std::size_t r = 0; r < range.rows; ++r) {
        std::size_t i = r * 2;
        std::optional<double> bound = numberOf(range.cells[i], argName, i);
        std::optional<double> value = numberOf(range.cells[i + 1], argName, i + 1);
        if (!bound && !value) continue;  // blank row
        if (!value) fail(std::string(argName) + ": row " + std::to_string(r + 1) + " has no value");
        if (!bound) {
            if (!allowOpen) fail(std::string(argName) + ": row " + std::to_string(r + 1) + " has no threshold");
            bands.push_back({0.0, *value, true});
        } else {
            bands.push_back({*bound, *value, false});
        }
    }
    if (bands.empty()) fail(std::string(argName) + ": the band table is empty");
    return bands;
}

std::vector<GradeBound> gradeBandsArg(const RangeView& range, std::string_view argName) {
    if (range.cols != 2)
        fail(std::string(argName) + " must have two columns (lower bound; grade), got " + std::to_string(range.cols));
    std::vector<GradeBound> bands;
    for (std::size_t r = 0; r < range.rows; ++r) {
        std::size_t i = r * 2;
        std::optional<double> bound = numberOf(range.cells[i], argName, i);
        const CellView& g = range.cells[i + 1];
        std::u16string grade;
        if (g.kind == CellView::Kind::Number)
            fail(std::string(argName) + ": row " + std::to_string(r + 1) + " has the number " + num(g.number) +
                 " where the grade text belongs");
        if (g.kind == CellView::Kind::Text) grade = std::u16string(trim(g.text));
        if (!bound && grade.empty()) continue;  // blank row
        if (grade.empty()) fail(std::string(argName) + ": row " + std::to_string(r + 1) + " has no grade");
        for (const GradeBound& b : bands) {
            if (!bound && b.open) fail(std::string(argName) + ": more than one row has a blank bound");
            if (bound && !b.open && approxEqual(b.lower, *bound))
                fail(std::string(argName) + ": the bound " + num(*bound) + " appears twice");
        }
        bands.push_back({bound ? *bound : 0.0, std::move(grade), !bound});
    }
    if (bands.empty()) fail(std::string(argName) + ": the grade table is empty");
    return bands;
}

std::vector<LevelWord> levelsArg(const RangeView& range, std::string_view argName) {
    if (range.cols != 2)
        fail(std::string(argName) + " must have two columns (level; fraction), got " + std::to_string(range.cols));
    std::vector<LevelWord> levels;
    for (std::size_t r = 0; r < range.rows; ++r) {
        std::size_t i = r * 2;
        const CellView& w = range.cells[i];
        std::u16string word;
        if (w.kind == CellView::Kind::Number) word = numberText16(w.number);
        else if (w.kind == CellView::Kind::Text) word = std::u16string(trim(w.text));
        std::optional<double> f = numberOf(range.cells[i + 1], argName, i + 1);
        if (word.empty() && !f) continue;  // blank row
        if (word.empty()) fail(std::string(argName) + ": row " + std::to_string(r + 1) + " has no level");
        if (!f) fail(std::string(argName) + ": row " + std::to_string(r + 1) + " has no fraction");
        if (!(*f >= 0 && *f <= 1))
            fail(std::string(argName) + ": row " + std::to_string(r + 1) + " has the fraction " + num(*f) +
                 "; it must lie in [0, 1]");
        for (const LevelWord& lv : levels)
            if (sameWord(lv.word, word))
                fail(std::string(argName) + ": the level \"" + toUtf8(word) + "\" appears twice");
        levels.push_back({std::move(word), *f});
    }
    if (levels.empty()) fail(std::string(argName) + ": the level table is empty");
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
                fail(std::string(argName) + ": cell " + std::to_string(i + 1) + " holds \"" + toUtf8(t) +
                     "\"; use TRUE/是/√/Y, FALSE/否/×/N, or a number between 0 and 1");
        }
        if (!std::isfinite(m) || m < 0 || m > 1)
            fail(std::string(argName) + ": cell " + std::to_string(i + 1) + " must lie in [0, 1] (got " + num(m) + ")");
        marks.push_back(m);
    }
    return marks;
}

}  // namespace jixiao
