#include "jixiao/selfeval_review.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>
#include <utility>

#include "jixiao/internal.hpp"
#include "jixiao/rules.hpp"
#include "jixiao/selfeval.hpp"
#include "jixiao/target.hpp"
#include "jixiao/target_sheet.hpp"
#include "jixiao/values.hpp"

// 复核结果 is a sheet of the (Chinese) report, like the forms it reviews and like 核对结果: the
// findings' explanations are Chinese u"" text, not messages. Problems and the summary line are
// messages (msg, both languages).

namespace jixiao {

namespace {

using internal::cellText;
using internal::cellView;

constexpr double kFundsWeight = 10.0;  // 预算执行率 weighs 10 in the national form
constexpr std::u16string_view kTitle = u"项目支出绩效自评表";

// ---- numbers and texts ----

// Printed scores agree when they are the same after rounding to 0.01 (the form prints 0.00).
bool same2(double a, double b) { return std::fabs(roundHalfUp(a, 2) - roundHalfUp(b, 2)) < 0.005; }
// Amounts (万元) agree within 0.005.
bool sameAmount(double a, double b) { return std::fabs(a - b) < 0.005 + 1e-9; }
// Rates agree to 0.0001 (0.01%).
bool sameRate(double a, double b) { return std::fabs(a - b) < 0.0001 + 1e-12; }

std::u16string n2(double x) { return numberText16(roundHalfUp(x, 2)); }
std::u16string pct(double x) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f%%", roundHalfUp(x * 100, 2));
    return fromUtf8(buf);
}

// A cell showing an error (#DIV/0!, #N/A, Err:504, …): the office hands it over as the text shown.
bool isErrorText(std::u16string_view t) {
    t = trim(t);
    return (t.size() > 1 && t[0] == u'#') || t.rfind(u"Err:", 0) == 0;
}

// A cell read as a number: a number, numeric text (1,234.50 / 86.20%), blank, an error value or text.
struct Num {
    enum class State { Blank, Value, Error, Text };
    State state = State::Blank;
    double value = 0.0;
    std::u16string text;  // as shown, for Error and Text
    bool ok() const { return state == State::Value; }
    bool blank() const { return state == State::Blank; }
};

Num readNum(const Cell& c) {
    Num n;
    if (c.kind == Cell::Kind::Number) {
        if (std::isfinite(c.number)) n.state = Num::State::Value, n.value = c.number;
        else n.state = Num::State::Error, n.text = u"#NUM!";
        return n;
    }
    if (c.kind != Cell::Kind::Text || isBlankText(c.text)) return n;
    n.text = std::u16string(trim(c.text));
    if (isErrorText(n.text)) {
        n.state = Num::State::Error;
    } else if (std::optional<double> v = parseNumber(n.text)) {
        n.state = Num::State::Value;
        n.value = *v;
    } else {
        n.state = Num::State::Text;
    }
    return n;
}

// A header or label cell as a key: normalised, a trailing colon dropped.
std::u16string labelKey(const Cell& c) {
    if (c.kind != Cell::Kind::Text) return {};
    std::u16string k = normalizeLabel(c.text);
    while (!k.empty() && (k.back() == u'：' || k.back() == u':')) k.pop_back();
    return k;
}

bool isTitle(const Cell& c) {
    // 项目支出绩效自评表, also with what names it before (部门预算…, 2023年度…) and its year after, in brackets
    std::u16string k = labelKey(c);
    std::size_t at = k.find(kTitle);
    if (at == std::u16string::npos || at > 24) return false;
    std::u16string_view rest = std::u16string_view(k).substr(at + kTitle.size());
    return rest.empty() || rest.front() == u'（' || rest.front() == u'(';
}

bool oneOf(std::u16string_view key, const std::vector<std::u16string_view>& names) {
    for (std::u16string_view n : names)
        if (key == n) return true;
    return false;
}

// ---- the form's layout, found by its header text ----

enum class FK { Initial, Budget, Actual, Weight, Rate, Score };
enum class IK { Level1, Level2, Level3, Target, Actual, Weight, Score, Reason, Nature, Unit };

std::optional<FK> fundsKey(std::u16string_view k) {
    if (oneOf(k, fundsColumnNames(FundsColumn::Initial))) return FK::Initial;
    if (oneOf(k, fundsColumnNames(FundsColumn::Budget))) return FK::Budget;
    if (oneOf(k, fundsColumnNames(FundsColumn::Actual))) return FK::Actual;
    if (k == u"分值" || k == u"权重") return FK::Weight;
    if (k == u"执行率" || k == u"预算执行率") return FK::Rate;
    if (k == u"得分" || k == u"自评得分") return FK::Score;
    return std::nullopt;
}

std::optional<IK> indicatorKey(std::u16string_view k) {
    if (k == u"一级指标") return IK::Level1;
    if (k == u"二级指标") return IK::Level2;
    if (k == u"三级指标") return IK::Level3;
    if (oneOf(k, targetColumnNames(TargetColumn::Target))) return IK::Target;
    if (oneOf(k, targetColumnNames(TargetColumn::Actual))) return IK::Actual;
    if (k == u"分值" || k == u"权重") return IK::Weight;
    if (k == u"得分" || k == u"自评得分") return IK::Score;
    if (oneOf(k, targetColumnNames(TargetColumn::Reason))) return IK::Reason;
    // forms exported with the operator and the unit in columns of their own (指标性质 ≥ | 指标值 95 | 度量单位 %)
    if (k == u"指标性质" || k == u"指标方向") return IK::Nature;
    if (oneOf(k, targetColumnNames(TargetColumn::Unit))) return IK::Unit;
    return std::nullopt;
}

template <class K, class F>
std::optional<std::pair<std::size_t, std::map<K, std::size_t>>> headerRow(const Sheet& s, std::size_t from,
                                                                          std::size_t to, F keyOf,
                                                                          const std::vector<K>& required) {
    for (std::size_t r = from; r < std::min(to, s.rows); ++r) {
        std::map<K, std::size_t> cols;
        for (std::size_t c = 0; c < s.cols; ++c)
            if (std::optional<K> k = keyOf(labelKey(s.at(r, c)))) cols.try_emplace(*k, c);
        bool all = true;
        for (const K& k : required) all = all && cols.count(k);
        if (all) return std::make_pair(r, cols);
    }
    return std::nullopt;
}

struct Layout {
    const Sheet* sheet = nullptr;
    std::size_t titleRow = 0, titleCol = 0;
    std::optional<std::pair<std::size_t, std::map<FK, std::size_t>>> funds;
    std::optional<std::pair<std::size_t, std::map<IK, std::size_t>>> indicators;
};

// The title cell within the first rows (~5, one more for a line such as （2025年度） above it).
std::optional<std::pair<std::size_t, std::size_t>> titleOf(const Sheet& s) {
    for (std::size_t r = 0; r < std::min<std::size_t>(s.rows, 6); ++r)
        for (std::size_t c = 0; c < s.cols; ++c)
            if (isTitle(s.at(r, c))) return std::make_pair(r, c);
    return std::nullopt;
}

std::optional<Layout> layoutOf(const Sheet& s) {
    auto t = titleOf(s);
    if (!t) return std::nullopt;
    Layout l;
    l.sheet = &s;
    l.titleRow = t->first, l.titleCol = t->second;
    l.funds = headerRow<FK>(s, l.titleRow + 1, l.titleRow + 16, fundsKey, {FK::Budget, FK::Actual, FK::Score});
    l.indicators = headerRow<IK>(s, l.funds ? l.funds->first + 1 : l.titleRow + 1, s.rows, indicatorKey,
                                 {IK::Level1, IK::Level3, IK::Target, IK::Actual, IK::Weight, IK::Score});
    return l;
}

// ---- one form ----

class FormReview {
public:
    FormReview(const Layout& l, SelfEvalReview& out, std::size_t formIndex)
        : s_(*l.sheet), l_(l), out_(out), index_(formIndex) {}
    ReviewedForm run();

private:
    std::optional<std::size_t> fcol(FK k) const {
        auto it = l_.funds->second.find(k);
        return it == l_.funds->second.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
    std::optional<std::size_t> icol(IK k) const {
        auto it = l_.indicators->second.find(k);
        return it == l_.indicators->second.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
    const Cell& at(std::size_t r, std::optional<std::size_t> c) const {
        static const Cell none;
        return c ? s_.at(r, *c) : none;
    }
    std::u16string where(std::size_t r, std::size_t c) const { return u"（" + localRef(r, c) + u"）"; }
    std::u16string shown(const Num& n) const { return u"「" + n.text + u"」"; }

    void add(std::u16string item, Verdict v, std::optional<double> printed, std::optional<double> recomputed,
             std::u16string explanation, std::optional<std::pair<std::size_t, std::size_t>> cell,
             std::u16string format = u"0.00") {
        Finding f;
        f.subject = u"「" + form_.project + u"」" + item;
        f.verdict = v;
        f.printed = printed;
        f.recomputed = recomputed;
        f.explanation = std::move(explanation);
        if (cell) f.mark = PrintedCell{f.subject, printed.value_or(0.0), s_.name, cell->first, cell->second};
        out_.findings.push_back(std::move(f));
        out_.rows.push_back({index_, std::move(item), std::move(format)});
    }

    void project();
    void funds();
    void fundsBlock(std::size_t end);
    void rateAndScore();
    void indicators();
    void indicator(std::size_t r, const std::u16string& name);
    void totals();

    const Sheet& s_;
    const Layout& l_;
    SelfEvalReview& out_;
    std::size_t index_;
    ReviewedForm form_;

    // the funds block as read
    Num initial_, budget_, actual_;
    std::optional<double> useBudget_, useActual_, useInitial_;  // for the rate (the sub-rows' sum when the total is 0)
    bool fundsReadable_ = true;
    std::optional<double> fundsRule_;   // the rule's 预算执行率 score
    Num fundsPrinted_;
    double fundsWeight_ = kFundsWeight;

    // the indicators
    double printedSum_ = 0.0, recomputedSum_ = 0.0, weightSum_ = 0.0;
    bool weightsKnown_ = true;
};

void FormReview::project() {
    form_.project = s_.name;
    for (std::size_t r = l_.titleRow + 1; r < l_.funds->first; ++r)
        for (std::size_t c = 0; c < s_.cols; ++c) {
            if (labelKey(s_.at(r, c)) != u"项目名称") continue;
            for (std::size_t d = c + 1; d < s_.cols; ++d) {
                std::u16string v = cellText(s_.at(r, d));
                if (!v.empty()) {
                    form_.project = v;
                    return;
                }
            }
        }
}

void FormReview::funds() {
    const std::size_t hr = l_.funds->first;
    const std::size_t end = l_.indicators->first;
    const std::size_t labelEnd = *fcol(FK::Budget);
    form_.fundsRow = hr + 1;  // the national layout: right under the header
    for (std::size_t r = hr + 1; r < end; ++r) {
        bool found = false;
        for (std::size_t c = 0; c < labelEnd && !found; ++c) {
            std::u16string k = labelKey(s_.at(r, c));
            found = k == u"年度资金总额" || k == u"资金总额";
        }
        if (found) {
            form_.fundsRow = r;
            break;
        }
    }
    const std::size_t fr = form_.fundsRow;
    initial_ = readNum(at(fr, fcol(FK::Initial)));
    budget_ = readNum(at(fr, fcol(FK::Budget)));
    actual_ = readNum(at(fr, fcol(FK::Actual)));
    fundsPrinted_ = readNum(at(fr, fcol(FK::Score)));
    Num w = readNum(at(fr, fcol(FK::Weight)));
    if (w.ok()) fundsWeight_ = w.value;
    else if (!w.blank()) weightsKnown_ = false;
    auto value = [](const Num& n) { return n.ok() ? std::optional<double>(n.value) : n.blank() ? std::optional<double>(0.0) : std::nullopt; };
    useInitial_ = value(initial_), useBudget_ = value(budget_), useActual_ = value(actual_);
    fundsBlock(end);
    rateAndScore();
}

// 年度资金总额 and the rows under it (其中：当年财政拨款, 上年结转资金, 其他资金).
void FormReview::fundsBlock(std::size_t end) {
    const std::size_t labelEnd = *fcol(FK::Budget);
    struct Sub { std::u16string label; std::size_t row; };
    std::vector<Sub> subs;
    for (std::size_t r = form_.fundsRow + 1; r < end; ++r)
        for (std::size_t c = 0; c < labelEnd; ++c) {
            const Cell& cell = s_.at(r, c);
            if (cell.kind != Cell::Kind::Text) continue;
            std::optional<std::u16string> label = typedFormSourceLabel(cell.text);
            if (!label) continue;
            bool seen = false;
            for (const Sub& x : subs) seen = seen || x.label == *label;
            if (!seen) subs.push_back({*label, r});
            break;
        }
    struct Col { FK key; std::u16string name; Num* total; std::optional<double>* use; };
    std::vector<Col> cols;
    if (fcol(FK::Initial)) cols.push_back({FK::Initial, u"年初预算数", &initial_, &useInitial_});
    cols.push_back({FK::Budget, u"全年预算数", &budget_, &useBudget_});
    cols.push_back({FK::Actual, u"全年执行数", &actual_, &useActual_});
    bool filled = false;
    std::u16string unreadable;
    std::vector<double> sums(cols.size(), 0.0);
    std::vector<bool> has(cols.size(), false);
    for (const Sub& x : subs)
        for (std::size_t k = 0; k < cols.size(); ++k) {
            std::size_t c = *fcol(cols[k].key);
            Num n = readNum(s_.at(x.row, c));
            if (n.ok()) {
                sums[k] += n.value;
                has[k] = true;
                filled = filled || std::fabs(n.value) > 0;
            } else if (!n.blank()) {
                unreadable += (unreadable.empty() ? u"" : u"、") + x.label + u"的" + cols[k].name + shown(n) + where(x.row, c);
            }
        }
    const std::size_t fr = form_.fundsRow;
    const std::size_t budgetCol = *fcol(FK::Budget);
    if (!unreadable.empty()) {
        add(u"年度资金总额", Verdict::Judgment, std::nullopt, std::nullopt,
            u"其中各项的金额无法读取：" + unreadable + u"，请人工核对资金构成。", std::make_pair(fr, budgetCol));
        return;
    }
    if (!filled) return;  // no sub-rows: nothing to add up
    // 年度资金总额 left 0 or blank while the rows under it are filled: the rate is taken from their sum.
    std::u16string zero;
    std::optional<double> zeroPrinted, zeroSum;
    for (std::size_t k = 0; k < cols.size(); ++k) {
        const Num& t = *cols[k].total;
        if (!has[k] || std::fabs(sums[k]) < 0.005 || !(t.blank() || (t.ok() && std::fabs(t.value) < 1e-9))) continue;
        zero += (zero.empty() ? u"" : u"、") + cols[k].name + u" " + n2(sums[k]);
        *cols[k].use = sums[k];
        if (!zeroSum) zeroPrinted = 0.0, zeroSum = sums[k];
    }
    if (!zero.empty()) {
        add(u"年度资金总额", Verdict::Differ, zeroPrinted, zeroSum,
            u"年度资金总额为 0，但其中各项合计" + zero + u"；执行率按其中各项合计复核。", std::make_pair(fr, budgetCol),
            u"#,##0.00");
        return;
    }
    std::u16string differ;
    std::optional<double> dPrinted, dSum;
    std::optional<std::size_t> dCol;
    for (std::size_t k = 0; k < cols.size(); ++k) {
        const Num& t = *cols[k].total;
        if (!has[k] || !t.ok() || sameAmount(sums[k], t.value)) continue;
        differ += (differ.empty() ? u"" : u"；") + std::u16string(u"其中各项的") + cols[k].name + u"合计 " + n2(sums[k]) +
                  u"，与年度资金总额的 " + n2(t.value) + u" 不一致";
        if (!dCol) dPrinted = t.value, dSum = sums[k], dCol = *fcol(cols[k].key);
    }
    if (!differ.empty()) {
        add(u"年度资金总额", Verdict::Differ, dPrinted, dSum, differ + u"。", std::make_pair(fr, *dCol), u"#,##0.00");
        return;
    }
    std::u16string labels;
    for (const Sub& x : subs) labels += (labels.empty() ? u"" : u"、") + x.label;
    add(u"年度资金总额", Verdict::Agree, budget_.ok() ? std::optional<double>(budget_.value) : std::nullopt,
        sums[cols.size() - 2], u"其中各项（" + labels + u"）合计与年度资金总额一致。", std::nullopt, u"#,##0.00");
}

// The printed 执行率 and the 预算执行率 score.
void FormReview::rateAndScore() {
    const std::size_t fr = form_.fundsRow;
    const std::size_t scoreCol = *fcol(FK::Score);
    auto scoreCell = std::make_pair(fr, scoreCol);
    // an amount that cannot be read, or a 全年预算数 of 0: nothing to compute
    for (auto [n, k, name] : {std::tuple{&budget_, FK::Budget, u"全年预算数"}, std::tuple{&actual_, FK::Actual, u"全年执行数"}}) {
        if (n->ok() || n->blank()) continue;
        std::size_t c = *fcol(k);
        add(u"预算执行率", Verdict::Judgment, fundsPrinted_.ok() ? std::optional<double>(fundsPrinted_.value) : std::nullopt,
            std::nullopt,
            std::u16string(name) + (n->state == Num::State::Error ? u"显示错误值" : u"不是数字：") + shown(*n) + where(fr, c) +
                u"，无法复核执行率及其得分（按缺少输入处理）。",
            std::make_pair(fr, c));
        fundsReadable_ = false;
        return;
    }
    double b = useBudget_.value_or(0.0), a = useActual_.value_or(0.0);
    if (b <= 0) {
        add(u"预算执行率", Verdict::Judgment, fundsPrinted_.ok() ? std::optional<double>(fundsPrinted_.value) : std::nullopt,
            std::nullopt,
            u"全年预算数为 " + n2(b) + where(fr, *fcol(FK::Budget)) + u"，无法计算执行率（全年执行数 ÷ 全年预算数），请人工核对。",
            std::make_pair(fr, *fcol(FK::Budget)));
        fundsReadable_ = false;
        return;
    }
    const double rate = a / b;
    const std::u16string division = u"全年执行数 " + n2(a) + u" ÷ 全年预算数 " + n2(b) + u" = " + pct(rate);
    // the printed 执行率
    if (auto rc = fcol(FK::Rate)) {
        Num p = readNum(s_.at(fr, *rc));
        auto cell = std::make_pair(fr, *rc);
        if (p.blank()) {
            add(u"执行率", Verdict::Differ, std::nullopt, rate, u"执行率未填；" + division + u"。", cell, u"0.00%");
        } else if (!p.ok()) {
            add(u"执行率", Verdict::Differ, std::nullopt, rate,
                u"执行率" + shown(p) + u"不是数字；" + division + u"。", cell, u"0.00%");
        } else {
            double v = p.value;
            // 86.2 typed for 86.20% (a plain number where the form shows a percentage)
            if (!sameRate(v, rate) && v > 1.5 && sameRate(v / 100, rate)) v /= 100;
            if (sameRate(v, rate)) {
                add(u"执行率", Verdict::Agree, v, rate, u"执行率 = " + division + u"，与表中一致。", std::nullopt, u"0.00%");
            } else {
                std::u16string why;
                if (useInitial_ && *useInitial_ > 0 && sameRate(v, a / *useInitial_))
                    why = u"（按年初预算数计算：全年执行数 " + n2(a) + u" ÷ 年初预算数 " + n2(*useInitial_) + u" = " +
                          pct(a / *useInitial_) + u"）";
                add(u"执行率", Verdict::Differ, v, rate, u"执行率印为 " + pct(v) + why + u"，应为 " + division + u"。", cell,
                    u"0.00%");
            }
        }
    }
    // the 预算执行率 score: ROUND(MIN(执行率, 1) × 10, 2)
    const double raw = std::min(rate, 1.0) * kFundsWeight;
    const double rule = roundHalfUp(raw, 2);
    fundsRule_ = rule;
    const std::u16string arithmetic =
        rate > 1 ? u"执行率 " + pct(rate) + u" 超过 100%，按 100% 计：100% × 10 = 10"
                 : u"执行率 " + pct(rate) + u" × 10 = " + n2(rule);
    const Num& p = fundsPrinted_;
    if (p.blank() || p.state == Num::State::Error) {
        add(u"预算执行率", Verdict::Differ, std::nullopt, rule,
            (p.blank() ? std::u16string(u"得分未填（不是 0 分）") : u"得分显示错误值" + shown(p)) + u"；" + arithmetic + u" 分。",
            scoreCell);
        return;
    }
    if (!p.ok()) {
        add(u"预算执行率", Verdict::Differ, std::nullopt, rule, u"得分" + shown(p) + u"不是数字；" + arithmetic + u" 分。",
            scoreCell);
        return;
    }
    const double v = p.value;
    if (same2(v, rule)) {
        add(u"预算执行率", Verdict::Agree, v, rule,
            u"执行率 " + pct(rate) + u"，MIN(执行率, 100%) × 10 = " + n2(rule) + u" 分，与表中一致。", std::nullopt);
        return;
    }
    std::u16string e;
    if (useInitial_ && *useInitial_ > 0 && same2(v, std::min(a / *useInitial_, 1.0) * kFundsWeight)) {
        e = u"按年初预算数计算执行率（全年执行数 " + n2(a) + u" ÷ 年初预算数 " + n2(*useInitial_) + u" = " +
            pct(a / *useInitial_) + u"，得 " + n2(v) + u" 分）；执行率应以全年预算数为分母：" + division + u"，得 " +
            n2(rule) + u" 分。";
    } else if (rate > 1 && same2(v, rate * kFundsWeight)) {
        e = u"执行率未封顶（超过 100% 时按 100% 计）：执行率 " + pct(rate) + u" × 10 = " + n2(rate * kFundsWeight) +
            u"，应为 10 分。";
    } else if (v > kFundsWeight + 0.005) {
        e = u"得分 " + n2(v) + u" 大于分值 10；" + arithmetic + u" 分。";
    } else {
        std::u16string slip;
        if (v == std::round(raw)) slip = u"（疑为四舍五入取整）";
        else if (v == std::floor(raw) || v == std::floor(raw * 10) / 10 || std::fabs(v - std::floor(raw * 100) / 100) < 1e-9)
            slip = u"（疑为截尾）";
        e = u"计算有误：" + arithmetic + u"，表中为 " + n2(v) + slip + u"。";
    }
    add(u"预算执行率", Verdict::Differ, v, rule, e, scoreCell);
}

// The value of an actual against a quantitative target.
double actualOf(const Cell& c, const Target& t) {
    const ArgName who(msg("review.col.actual", "实际完成值", "actual value (实际完成值)"));
    if (t.unit == u"%") {
        std::optional<double> plain;
        if (c.kind == Cell::Kind::Number) plain = c.number;
        else if (c.kind == Cell::Kind::Text && !trim(c.text).empty() && trim(c.text).back() != u'%' &&
                 trim(c.text).back() != u'％')
            plain = parseNumber(c.text);
        // A hand-typed form often writes 90 for 90% (actualValue, which reads the input sheets, refuses
        // that rather than guess). Reviewing a printed form, a plain number above 1.5 against a %
        // target is read as a percentage (90 -> 90%); up to 1.5 it is a fraction (0.9 = 90%, 1.05 = 105%).
        if (plain && std::isfinite(*plain)) return *plain > 1.5 ? *plain / 100 : *plain;
    }
    return actualValue(cellView(c), t, who);
}

std::u16string valueText(double x, const Target& t) {
    if (t.unit == u"%") return numberText16(roundHalfUp(x * 100, 2)) + u"%";
    if (t.unit == u"‰") return numberText16(roundHalfUp(x * 1000, 2)) + u"‰";
    return numberText16(roundHalfUp(x, 4)) + t.unit;
}

void FormReview::indicators() {
    const std::size_t hr = l_.indicators->first;
    const std::size_t level3 = *icol(IK::Level3);
    const std::size_t labelEnd = std::min({*icol(IK::Level1), level3, *icol(IK::Target)});
    std::u16string l2;
    for (std::size_t r = hr + 1; r < s_.rows; ++r) {
        // the 总分 row ends the indicators
        bool total = false;
        for (std::size_t c = 0; c <= labelEnd && !total; ++c) {
            std::u16string k = labelKey(s_.at(r, c));
            total = k == u"总分" || k == u"合计" || k == u"总计";
        }
        if (total) {
            form_.totalRow = r;
            break;
        }
        bool any = false;
        for (IK k : {IK::Level1, IK::Level2, IK::Level3, IK::Target, IK::Actual, IK::Weight, IK::Score})
            any = any || !at(r, icol(k)).empty();
        if (!any) continue;
        std::u16string c2 = cellText(at(r, icol(IK::Level2)));
        if (!cellText(at(r, icol(IK::Level1))).empty()) l2.clear();
        if (!c2.empty()) l2 = c2;
        bool values = !at(r, icol(IK::Target)).empty() || !at(r, icol(IK::Actual)).empty() ||
                      !at(r, icol(IK::Weight)).empty() || !at(r, icol(IK::Score)).empty();
        if (!values) continue;  // a level heading
        std::u16string name = cellText(s_.at(r, level3));
        if (name.empty()) name = l2.empty() ? u"第" + numberText16(static_cast<double>(r + 1)) + u"行指标" : l2;
        ++form_.indicators;
        std::size_t before = out_.findings.size();
        try {
            indicator(r, name);
        } catch (const RuleError& e) {
            out_.findings.resize(before);
            out_.rows.resize(before);
            add(name, Verdict::Judgment, std::nullopt, std::nullopt,
                u"第" + numberText16(static_cast<double>(r + 1)) + u"行无法复核：" + fromUtf8(e.message().text(Lang::Zh)) +
                    u"，请人工核对。",
                std::make_pair(r, *icol(IK::Score)));
            weightsKnown_ = false;
        }
    }
}

void FormReview::indicator(std::size_t r, const std::u16string& name) {
    const std::size_t scoreCol = *icol(IK::Score), weightCol = *icol(IK::Weight), targetCol = *icol(IK::Target),
                      actualCol = *icol(IK::Actual);
    auto scoreCell = std::make_pair(r, scoreCol);
    const Num ps = readNum(s_.at(r, scoreCol));
    if (ps.ok()) printedSum_ += roundHalfUp(ps.value, 2);
    const std::optional<double> printed = ps.ok() ? std::optional<double>(ps.value) : std::nullopt;
    auto keepPrinted = [&] { recomputedSum_ += printed ? roundHalfUp(*printed, 2) : 0.0; };

    // 分值
    const Num w = readNum(s_.at(r, weightCol));
    if (!w.ok()) {
        weightsKnown_ = false;
        keepPrinted();
        add(name, Verdict::Judgment, printed, std::nullopt,
            (w.blank() ? std::u16string(u"分值为空") : u"分值" + shown(w) + u"无法读取") + where(r, weightCol) +
                u"，无法复核得分。",
            std::make_pair(r, weightCol));
        return;
    }
    const double weight = w.value;
    weightSum_ += weight;

    // 年度指标值
    const Cell& tc = s_.at(r, targetCol);
    Target target;
    std::u16string targetProblem;
    {
        Num tn = readNum(tc);
        if (tn.blank()) targetProblem = u"年度指标值为空" + where(r, targetCol);
        else if (tn.state == Num::State::Error) targetProblem = u"年度指标值显示错误值" + shown(tn) + where(r, targetCol);
        else {
            try {
                ArgName name(msg("review.col.target", "年度指标值", "target value (年度指标值)"));
                std::u16string nature(trim(cellText(at(r, icol(IK::Nature))))), unit(trim(cellText(at(r, icol(IK::Unit)))));
                if (!nature.empty() || !unit.empty())
                    target = parseTarget(nature + cellText(tc), unit, name);  // ≥ + 95 with 度量单位 % → ≥95%
                else
                    target = targetArg(cellView(tc), CellView::empty(), name);
            } catch (const RuleError& e) {
                // the message names the 年度指标值 and its text
                targetProblem = u"单元格 " + localRef(r, targetCol) + u"：" + fromUtf8(e.message().text(Lang::Zh));
            }
        }
    }
    const bool qualitative = targetProblem.empty() && target.kind == TargetKind::Qualitative;

    // 实际完成值 and the rule's score (quantitative targets)
    std::u16string actualProblem;
    double a = 0.0, score = 0.0;
    std::optional<double> rule;
    if (targetProblem.empty() && !qualitative) {
        const Cell& ac = s_.at(r, actualCol);
        Num an = readNum(ac);
        if (an.blank()) actualProblem = u"实际完成值为空" + where(r, actualCol);
        else if (an.state == Num::State::Error)
            actualProblem = u"实际完成值显示错误值" + shown(an) + where(r, actualCol) + u"（按缺少输入处理）";
        else {
            try {
                a = actualOf(ac, target);
            } catch (const RuleError& e) {
                actualProblem = u"单元格 " + localRef(r, actualCol) + u"：实际完成值「" + cellText(ac) + u"」无法读取（" +
                                fromUtf8(e.message().text(Lang::Zh)) + u"）";
            }
        }
        if (actualProblem.empty()) {
            // the rule as the Reader of selfeval.cpp applies it (in proportion when missed), on the value read
            std::u16string asText = target.unit == u"%" ? numberText16(a * 100) + u"%" : std::u16string();
            CellView actualView = target.unit == u"%" ? CellView::str(asText) : cellView(ac);
            score = indicatorScore(actualView, target, weight, IndicatorOptions{});
            rule = roundHalfUp(score, 2);
        }
    }

    // 得分: blank is not 0
    if (ps.blank() || ps.state == Num::State::Error) {
        recomputedSum_ += rule.value_or(0.0);
        add(name, Verdict::Differ, std::nullopt, rule,
            (ps.blank() ? std::u16string(u"得分未填（不是 0 分）") : u"得分显示错误值" + shown(ps) + u"，按未填处理") +
                (rule ? u"；按规则应为 " + n2(*rule) + u" 分" : std::u16string()) + u"。",
            scoreCell);
        return;
    }
    if (!targetProblem.empty()) {
        keepPrinted();
        add(name, Verdict::Judgment, printed, std::nullopt, targetProblem + u"，无法按规则重算，请人工判断得分。",
            std::make_pair(r, targetCol));
        return;
    }
    if (!ps.ok()) {
        // text in the score cell: our own forms write 待评价 for a 定性 score still to judge
        keepPrinted();
        if (qualitative && normalizeLabel(ps.text) == u"待评价")
            add(name, Verdict::Judgment, std::nullopt, std::nullopt,
                u"定性指标（指标值「" + target.text + u"」）得分待评价，请评价完成等级后填写得分。", scoreCell);
        else
            add(name, Verdict::Differ, std::nullopt, rule, u"得分" + shown(ps) + u"不是数字。", scoreCell);
        return;
    }
    const double p = ps.value;
    bool missed = false;
    if (qualitative) {
        recomputedSum_ += roundHalfUp(p, 2);
        if (p < -0.005 || p > weight + 0.005) {
            add(name, Verdict::Differ, p, std::nullopt,
                u"定性指标得分 " + n2(p) + (p < 0 ? u" 小于 0" : u" 大于分值 " + n2(weight)) + u"，应在 0 至 " + n2(weight) +
                    u" 分之间。",
                scoreCell);
            return;
        }
        std::u16string band;
        if (weight > 0) {
            double frac = p / weight;
            for (std::u16string_view g : {u"达成", u"部分达成", u"未达成"}) {
                auto [lo, hi] = gradeBand(g);
                if (frac >= lo - 1e-9) {
                    band = u"，在「" + std::u16string(g) + u"」档（" + numberText16(lo * 100) + u"%–" +
                           numberText16(hi * 100) + u"%）内";
                    break;
                }
            }
            band = u"得分 " + n2(p) + u" 为分值 " + n2(weight) + u" 的 " + pct(frac) + band;
        } else {
            band = u"分值为 0，得分 " + n2(p);
        }
        add(name, Verdict::Judgment, p, std::nullopt,
            u"定性指标（指标值「" + target.text + u"」），" + band + u"；无法按数据重算，请人工判断完成等级是否相符。",
            std::nullopt);
        missed = p < weight - 0.005;
    } else if (!actualProblem.empty()) {
        keepPrinted();
        add(name, Verdict::Judgment, p, std::nullopt, actualProblem + u"，无法按规则重算，请人工判断得分。",
            std::make_pair(r, actualCol));
        return;
    } else {
        recomputedSum_ += *rule;
        missed = !approxGE(score, weight);
        const std::u16string facts = u"实际 " + valueText(a, target) + u"，指标值 " + target.text;
        std::u16string arithmetic;
        if (!missed) arithmetic = u"已达成目标（" + facts + u"），应得满分 " + n2(weight);
        else if (target.kind == TargetKind::AtMost)
            arithmetic = a > 0 ? u"指标值 " + valueText(target.value, target) + u" ÷ 实际 " + valueText(a, target) +
                                     u" × 分值 " + n2(weight) + u" = " + n2(*rule)
                               : u"实际为 " + valueText(a, target) + u"，不得分";
        else
            arithmetic = target.value > 0 ? u"实际 " + valueText(a, target) + u" ÷ 指标值 " +
                                                valueText(target.value, target) + u" × 分值 " + n2(weight) + u" = " +
                                                n2(*rule)
                                          : u"指标值为 0，未达成不得分";
        if (p > weight + 0.005) {
            add(name, Verdict::Differ, p, rule, u"得分 " + n2(p) + u" 大于分值 " + n2(weight) + u"；" + arithmetic + u"。",
                scoreCell);
        } else if (same2(p, *rule)) {
            add(name, Verdict::Agree, p, rule,
                missed ? u"未达成目标，按比例计分：" + arithmetic + u"，与表中一致。"
                       : u"已达成目标（" + facts + u"），得满分 " + n2(weight) + u"，与表中一致。",
                std::nullopt);
        } else if (missed && same2(p, weight)) {
            add(name, Verdict::Differ, p, rule,
                u"未达成目标（" + facts + u"）却得满分 " + n2(weight) + u"；按比例应为 " + arithmetic + u"。", scoreCell);
        } else {
            add(name, Verdict::Differ, p, rule, u"计算有误：" + arithmetic + u"，表中为 " + n2(p) + u"。", scoreCell);
        }
    }
    // a missed target needs its 偏差原因分析及改进措施
    if (!missed) return;
    std::u16string reason = cellText(at(r, icol(IK::Reason)));
    std::optional<std::pair<std::size_t, std::size_t>> cell;
    if (icol(IK::Reason)) cell = std::make_pair(r, *icol(IK::Reason));
    if (reason.empty())
        add(name + u"（偏差原因）", Verdict::Differ, std::nullopt, std::nullopt,
            icol(IK::Reason) ? std::u16string(u"未达成目标但未填偏差原因分析及改进措施。")
                             : std::u16string(u"未达成目标，但表中没有偏差原因分析及改进措施一栏。"),
            cell, u"");
    else
        add(name + u"（偏差原因）", Verdict::Agree, std::nullopt, std::nullopt, u"未达成目标，已填偏差原因分析及改进措施。",
            std::nullopt, u"");
}

// The weights (10 + Σ 分值 = 100) and 总分.
void FormReview::totals() {
    const std::size_t weightCol = *icol(IK::Weight), scoreCol = *icol(IK::Score);
    // weights
    std::optional<double> printedWeight;
    if (form_.totalRow) {
        Num tw = readNum(s_.at(*form_.totalRow, weightCol));
        if (tw.ok()) printedWeight = tw.value;
    }
    const double sum = fundsWeight_ + weightSum_;
    if (!weightsKnown_) {
        add(u"分值合计", Verdict::Judgment, printedWeight, std::nullopt, u"部分分值无法读取（见上），无法核对分值合计。",
            std::nullopt);
    } else {
        std::vector<std::u16string> wrong;
        if (!same2(fundsWeight_, kFundsWeight)) wrong.emplace_back(u"预算执行率的分值应为 10，表中为 " + n2(fundsWeight_));
        if (!same2(sum, 100))
            wrong.emplace_back(u"预算执行率 " + n2(fundsWeight_) + u" 分 + 绩效指标 " + n2(weightSum_) + u" 分 = " + n2(sum) +
                            u" 分，应为 100 分");
        if (printedWeight && !same2(*printedWeight, sum))
            wrong.emplace_back(u"总分行的分值 " + n2(*printedWeight) + u" 与各项分值合计 " + n2(sum) + u" 不一致");
        std::u16string e;
        for (const std::u16string& x : wrong) e += (e.empty() ? u"" : u"；") + x;
        if (wrong.empty())
            add(u"分值合计", Verdict::Agree, printedWeight.value_or(sum), 100.0,
                u"预算执行率 10 分 + 绩效指标 " + n2(weightSum_) + u" 分 = 100 分。", std::nullopt);
        else
            add(u"分值合计", Verdict::Differ, printedWeight.value_or(sum), 100.0, e + u"。",
                printedWeight ? std::optional(std::make_pair(*form_.totalRow, weightCol)) : std::nullopt);
    }
    // 总分
    if (fundsPrinted_.ok()) printedSum_ += roundHalfUp(fundsPrinted_.value, 2);
    recomputedSum_ += fundsRule_ ? *fundsRule_ : fundsPrinted_.ok() ? roundHalfUp(fundsPrinted_.value, 2) : 0.0;
    const double printedSum = roundHalfUp(printedSum_, 2), recomputed = roundHalfUp(recomputedSum_, 2);
    form_.recomputedTotal = recomputed;
    if (!form_.totalRow) {
        add(u"总分", Verdict::Differ, std::nullopt, recomputed,
            u"表中没有总分行；各项得分合计 " + n2(printedSum) + u"，按规则重算为 " + n2(recomputed) + u"。", std::nullopt);
        return;
    }
    auto cell = std::make_pair(*form_.totalRow, scoreCol);
    Num t = readNum(s_.at(*form_.totalRow, scoreCol));
    if (!t.ok()) {
        add(u"总分", Verdict::Differ, std::nullopt, recomputed,
            (t.blank() ? std::u16string(u"总分未填") : u"总分" + shown(t) + u"不是数字") + u"；各项得分合计 " + n2(printedSum) +
                u"，按规则重算为 " + n2(recomputed) + u"。",
            cell);
        return;
    }
    form_.printedTotal = t.value;
    const double v = t.value;
    const std::u16string rec = same2(printedSum, recomputed) ? std::u16string() : u"；按规则重算的合计为 " + n2(recomputed);
    if (!same2(v, printedSum))
        add(u"总分", Verdict::Differ, v, recomputed,
            u"总分 " + n2(v) + (v > printedSum ? u" 大于" : u" 小于") + u"各项得分合计 " + n2(printedSum) + rec + u"。", cell);
    else if (!same2(v, recomputed))
        add(u"总分", Verdict::Differ, v, recomputed,
            u"总分 " + n2(v) + u" 等于表中各项得分合计，但按规则重算的合计为 " + n2(recomputed) + u"（见上述各项）。", cell);
    else
        add(u"总分", Verdict::Agree, v, recomputed, u"总分 " + n2(v) + u" 与各项得分合计一致。", std::nullopt);
}

ReviewedForm FormReview::run() {
    form_.sheet = s_.name;
    form_.titleRow = l_.titleRow;
    form_.fundsHeaderRow = l_.funds->first;
    form_.indicatorHeaderRow = l_.indicators->first;
    form_.scoreCol = *icol(IK::Score);
    form_.firstFinding = out_.findings.size();
    project();
    funds();
    indicators();
    totals();
    form_.endFinding = out_.findings.size();
    for (std::size_t k = form_.firstFinding; k < form_.endFinding; ++k) {
        Verdict v = out_.findings[k].verdict;
        ++(v == Verdict::Agree ? form_.agree : v == Verdict::Judgment ? form_.judgment : form_.differ);
    }
    return form_;
}

// ---- the 复核结果 table ----

OutCell headCell(std::u16string s) {
    OutCell c = OutCell::str(std::move(s));
    c.bold = true;
    c.center = true;
    c.wrap = true;
    return c;
}

SheetPlan resultPlan(const SelfEvalReview& rv) {
    SheetPlan s;
    s.name = rv.resultSheet;
    OutCell title = OutCell::str(u"复核结果：项目支出绩效自评表");
    title.bold = true;
    title.height = 14;
    s.put(0, 0, title);
    const std::u16string_view head[] = {u"表单", u"项目名称", u"检查项", u"结论", u"表中数", u"复核数", u"说明"};
    for (std::size_t c = 0; c < 7; ++c) s.put(1, c, headCell(std::u16string(head[c])));
    std::size_t r = 2;
    for (std::size_t k = 0; k < rv.findings.size(); ++k, ++r) {
        const Finding& f = rv.findings[k];
        const ReviewRow& row = rv.rows[k];
        const ReviewedForm& form = rv.forms[row.form];
        s.put(r, 0, OutCell::str(form.sheet));
        OutCell project = OutCell::str(form.project);
        project.wrap = true;
        s.put(r, 1, project);
        s.put(r, 2, OutCell::str(row.item));
        OutCell v = OutCell::str(std::u16string(verdictText(f.verdict)));
        v.center = true;
        s.put(r, 3, v);
        for (auto [c, x] : {std::pair{std::size_t{4}, f.printed}, std::pair{std::size_t{5}, f.recomputed}}) {
            if (!x) continue;
            OutCell n = OutCell::num(*x);
            n.format = row.format.empty() ? u"0.00" : row.format;
            s.put(r, c, n);
        }
        OutCell e = OutCell::str(f.explanation);
        e.wrap = true;
        s.put(r, 6, e);
    }
    s.bordered = std::make_pair(std::size_t{1}, r - 1);
    ++r;
    for (const Message& p : rv.problems) s.put(r++, 0, OutCell::str(u"未能复核：" + fromUtf8(p.text(Lang::Zh))));
    s.put(r, 0,
          OutCell::str(std::u16string(ReviewNames::footnote) + u"；共 " + numberText16(static_cast<double>(rv.forms.size())) +
                       u" 张表：一致 " + numberText16(static_cast<double>(rv.agree)) + u" 项，不一致 " +
                       numberText16(static_cast<double>(rv.differ)) + u" 项，需人工判断 " +
                       numberText16(static_cast<double>(rv.judgment)) + u" 项。数值为复核时的静态值。"));
    s.headerRows = 2;
    s.landscape = true;
    s.columnWidths = {{0, 3000}, {1, 4000}, {2, 4200}, {3, 2200}, {4, 2000}, {5, 2000}, {6, 14000}};
    return s;
}

}  // namespace

bool isGeneratedReviewSheet(const Sheet& s) { return internal::hasFootnote(s, ReviewNames::footnote); }

bool hasSelfEvalTitle(const Sheet& s) { return titleOf(s).has_value(); }

bool hasSelfEvalForms(const Workbook& wb) {
    for (const Sheet& s : wb.sheets) {
        if (isGeneratedReviewSheet(s)) continue;
        std::optional<Layout> l = layoutOf(s);
        if (l && l->funds && l->indicators) return true;
    }
    return false;
}

SelfEvalReview reviewSelfEval(const Workbook& wb) {
    SelfEvalReview rv;
    // an earlier 复核结果 of the review is replaced; a sheet of that name typed by hand is kept
    std::vector<std::u16string> taken;
    for (const Sheet& s : wb.sheets) {
        if (isGeneratedReviewSheet(s)) rv.replaceSheets.push_back(s.name);
        else taken.push_back(s.name);
    }
    rv.resultSheet = safeSheetName(ReviewNames::result, taken);
    for (const Sheet& s : wb.sheets) {
        if (isGeneratedReviewSheet(s)) continue;
        const std::size_t firstFinding = rv.findings.size();
        try {
            std::optional<Layout> l = layoutOf(s);
            if (!l) continue;
            Message titleCell = msg("review.cell", "工作表「{1}」{2}", "sheet \"{1}\", {2}", s.name,
                                    localRef(l->titleRow, l->titleCol));
            if (!l->funds) {
                rv.problems.push_back(msg("review.noFundsHeader",
                                          "{1}是项目支出绩效自评表的标题，但其下没有项目资金表头（全年预算数、全年执行数、得分），无法复核",
                                          "{1} is the title of a project self-evaluation form (项目支出绩效自评表), but no "
                                          "funds header (全年预算数, 全年执行数, 得分) follows it: the form cannot be reviewed",
                                          titleCell));
                continue;
            }
            if (!l->indicators) {
                rv.problems.push_back(msg("review.noIndicatorHeader",
                                          "{1}是项目支出绩效自评表的标题，但其下没有绩效指标表头（一级指标、三级指标、年度指标值、"
                                          "实际完成值、分值、得分），无法复核",
                                          "{1} is the title of a project self-evaluation form (项目支出绩效自评表), but no "
                                          "indicator header (一级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分) follows "
                                          "it: the form cannot be reviewed",
                                          titleCell));
                continue;
            }
            ReviewedForm f = FormReview(*l, rv, rv.forms.size()).run();
            rv.forms.push_back(std::move(f));
        } catch (const RuleError& e) {
            rv.findings.resize(firstFinding);
            rv.rows.resize(firstFinding);
            rv.problems.push_back(msg("review.formError", "工作表「{1}」的自评表无法复核：{2}",
                                      "the form on sheet \"{1}\" cannot be reviewed: {2}", s.name, e.message()));
        } catch (const std::exception& e) {
            rv.findings.resize(firstFinding);
            rv.rows.resize(firstFinding);
            rv.problems.push_back(msg("review.formFailed", "工作表「{1}」的自评表复核时出错：{2}",
                                      "reviewing the form on sheet \"{1}\" failed: {2}", s.name, std::string(e.what())));
        }
    }
    for (const Finding& f : rv.findings)
        ++(f.verdict == Verdict::Agree ? rv.agree : f.verdict == Verdict::Judgment ? rv.judgment : rv.differ);
    if (rv.forms.empty() && rv.problems.empty())
        rv.problems.push_back(msg("review.noForms", "工作簿中没有项目支出绩效自评表（前几行以「项目支出绩效自评表」为标题的工作表）",
                                  "the workbook has no project self-evaluation form (项目支出绩效自评表): no sheet has "
                                  "that title in its first rows"));
    try {
        rv.result = resultPlan(rv);
    } catch (const std::exception&) {
        rv.result = SheetPlan{};
        rv.result.name = rv.resultSheet;
    }
    return rv;
}

Message reviewSummary(const SelfEvalReview& rv) {
    if (rv.forms.empty())
        return msg("review.nothing", "没有复核任何自评表：{1}", "no form was reviewed: {1}", joinMessages(rv.problems));
    Message m = msg("review.summary", "复核了 {1} 张项目支出绩效自评表：一致 {2} 项，不一致 {3} 项，需人工判断 {4} 项（见「{5}」）",
                    "reviewed {1} project self-evaluation forms (项目支出绩效自评表): {2} agree, {3} differ, {4} need "
                    "judgment (see \"{5}\")",
                    rv.forms.size(), rv.agree, rv.differ, rv.judgment, rv.resultSheet);
    if (rv.problems.empty()) return m;
    return joinMessages({m, msg("review.unreadable", "未能复核：{1}", "not reviewed: {1}", joinMessages(rv.problems))});
}

}  // namespace jixiao
