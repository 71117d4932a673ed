// Jixiao core: 指标值 — the target of a performance indicator as departments write it in their
// 绩效目标表 and as the 预算管理一体化 systems export it (`≥95%`, `≤30天`, `＝12个`, `>=90%`, `不低于95%`,
// `不少于5场`, `不超过50万元`, `100%`, `达到`, `有效提升` …), and the score of an indicator against it.
// Pure C++. Every text it cannot read is a RuleError naming the argument; it never guesses.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jixiao/rules.hpp"
#include "jixiao/values.hpp"

namespace jixiao {

enum class TargetKind {
    AtLeast,     // ≥ / 不低于 / 不少于 / 达到 / 以上 / a bare number: higher is better
    AtMost,      // ≤ / 不高于 / 不超过 / 以内 / 以下: lower is better (反向指标)
    Equal,       // = / ＝: met when the actual reaches the value (counted like AtLeast when scoring)
    Qualitative  // 定性: words only (有效提升, 达到预期, 好, …), scored by grade / ratio
};

// What a message calls an argument: the name of a Calc function's argument (ASCII, "target": the
// message says 指标值（target） / "target value (target)"), or the caller's own description of the cell
// (a Message, e.g. the fill's 指标值), used as it is in the message. A name that is not ASCII is
// taken as a description too, the same in every language.
class ArgName {
public:
    ArgName(const char* name) : ArgName(std::string_view(name)) {}
    ArgName(std::string_view name);
    ArgName(Message description) : description_(std::move(description)) {}

    const std::string& name() const { return name_; }                        // "" for a description
    const std::optional<Message>& description() const { return description_; }

private:
    std::string name_;
    std::optional<Message> description_;
};

struct Target {
    TargetKind kind = TargetKind::AtLeast;
    bool strict = false;     // > or < (not met when equal)
    double value = 0.0;      // % and ‰ as fractions: 95% -> 0.95, 3‰ -> 0.003
    std::u16string unit;     // canonical unit: u"%", u"‰", u"个", u"万元", … ; empty when none
    std::u16string text;     // the text as written (trimmed)
};

// Parses a 指标值. `unit` is the row's 度量单位 (may be empty): a target written without a unit takes
// it; a target whose own unit disagrees with it is an error. Throws RuleError naming `argName`.
Target parseTarget(std::u16string_view text, std::u16string_view unit = {}, const ArgName& argName = "target");

// The canonical form of a unit as written (full-width ％ -> %, 人次 …), or nullopt when it is not a
// unit Jixiao knows. Empty text -> empty unit.
std::optional<std::u16string> canonicalUnit(std::u16string_view unit);

// An actual value (实际完成值) read against the target: a number, numeric text (`90%`, `1,234`), with
// the target's unit. For a % target a number is a fraction (0.9 = 90%); a value that cannot be a
// fraction (e.g. 90 for 90%) is an error, never a guess. Text that is no number is an error.
double actualValue(const CellView& actual, const Target& target, const ArgName& argName = "actual");

// Whether the actual meets the target (with the tolerance of approxGE/approxLE). Qualitative: error.
bool targetMet(double actual, const Target& target);

// actual ÷ target for AtLeast/Equal, target ÷ actual for AtMost (so > 1 is better than the target):
// what over-achievement bands are read against. Qualitative or a zero divisor: error.
double targetRatio(double actual, const Target& target);

// The bands of the 定性 grades 达成 / 部分达成 / 未达成, as fractions of the weight, by their two lower
// bounds: 达成 [achieved, 100%], 部分达成 [partial, achieved], 未达成 [0, partial]. The default is the
// national rule (项目支出绩效自评表, 财预〔2020〕10号): 100–80%, 80–60%, 60–0%. A locality's own set is
// data (the INDICATOR_SCORE argument bands, a 定性分档 column), never a name here. Always
// 1 > achieved > partial > 0 (qualitativeBandsArg checks it).
struct QualitativeBands {
    double achieved = 0.8;  // lower bound of 达成 (= top of 部分达成)
    double partial = 0.6;   // lower bound of 部分达成 (= top of 未达成)
};

struct IndicatorOptions {
    TargetMethod method = TargetMethod::Proportional;  // not met: in proportion (national rule) or 0
    std::optional<double> ratio;    // 得分比例 stated by the evaluator, in [0, 1]: weight × ratio
    std::u16string grade;           // 完成等级 for 定性: 达成 / 部分达成 / 未达成 (or 优/良/中/差)
    std::vector<Band> overachievement;  // empty: no cut; else the factor of overachievementFactor
    QualitativeBands bands;         // the bands of 达成 / 部分达成 / 未达成 (default national)
};

// One indicator's score against its target:
// - a stated ratio gives weight × ratio (for 定性 with a grade, the ratio must lie in the grade's band);
// - 定性 without a ratio: the top of the grade's band in options.bands (national: 达成 100%, 部分达成 80%,
//   未达成 60%; 优/良/中/差 as levelFraction); neither grade nor ratio is an error;
// - met: weight; not met: Proportional -> actual/target × weight (target/actual for AtMost, 0 when the
//   actual is 0 or below), Threshold -> 0;
// - overachievement bands (when given) multiply the score by overachievementFactor on targetRatio.
double indicatorScore(const CellView& actual, const Target& target, double weight, const IndicatorOptions& options);

// The band of a 定性 grade, as fractions of the weight: {low, high}. 达成 / 部分达成 / 未达成 (and their
// synonyms) by `bands`; 优/良/中/差 by levelFraction whatever the bands. Unknown grade: error.
std::pair<double, double> gradeBand(std::u16string_view grade, const QualitativeBands& bands = {});

// ---- reading the arguments of INDICATOR_SCORE / TARGET_VALUE / TARGET_RATIO as a cell passes them ----

// Calc passes an empty cell to an `any` argument as the number 0, never as "": the readers below
// take a 0 in a text argument (method, unit, grade), in the ratio and in the over-achievement flag
// as "not given" (a ratio of 0 is written as text: "0%"), and refuse a 0 指标值.

// The 指标值 argument: text -> parseTarget; a number -> ≥ that number, read like an actual value (a %
// cell holds a fraction: 0.95 = 95%; 95 with unit % is refused); blank or 0 -> error. `unit` is the
// 度量单位 cell (text, blank or 0; another number is an error).
Target targetArg(const CellView& target, const CellView& unit, const ArgName& argName = "target");

// INDICATOR_SCORE's optional arguments; blank cells (empty text, or 0 as above) mean "not given".
// method: 比例/proportional (default) or 达标/threshold. grade: a 定性 grade (checked by gradeBand).
// ratio: a number or "80%" text in [0, 1]. overachievement: see overachievementArg.
// bands: see qualitativeBandsArg (no cells: national).
IndicatorOptions indicatorOptionsArg(const CellView& method, const CellView& grade, const CellView& ratio,
                                     const RangeView& overachievement, const RangeView& bands = {});

// The 定性 band set (INDICATOR_SCORE's bands, a 定性分档 cell): no cells, a blank cell or 0 (an empty
// cell, see above), or an all-blank range -> national (QualitativeBands{}); text with the two lower
// bounds, 达成 first, separated by / ／ 、 ; ； or ， — "80%/50%", "80%、50%", "0.8;0.5", "80/50" (both
// without % and above 1: percentage points; both ≤ 1: fractions; one of each is refused); a range of
// two cells holding the bounds as fractions (0.8 and 0.5, i.e. 80% and 50% formatted cells) or as
// "80%" text. Anything else — one number, three numbers, text that is no number, bounds not
// 1 > achieved > partial > 0 — is a RuleError naming `argName`.
QualitativeBands qualitativeBandsArg(const RangeView& bands, const ArgName& argName = "bands");
QualitativeBands qualitativeBandsArg(const CellView& bands, const ArgName& argName = "bands");

// The number of a quantitative target (TARGET_VALUE); a 定性 target is an error.
double targetValue(const Target& target);

// The over-achievement argument: no cells, one blank cell or a "no" (FALSE/否/0) -> no cut; a "yes"
// (TRUE/是/1) -> defaultOverachievementBands(); a two-column range -> those bands (bandsArg, a blank
// ratio marking the open band).
std::vector<Band> overachievementArg(const RangeView& range, std::string_view argName = "overachievement");

}  // namespace jixiao
