#include "jixiao/selfeval.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "jixiao/internal.hpp"
#include "jixiao/rules.hpp"
#include "jixiao/target_sheet.hpp"
#include "jixiao/values.hpp"

namespace jixiao {

namespace {

using FC = FundsColumn;
using SC = SelfEvalColumn;
using internal::cellText;
using internal::cellView;

constexpr double kFundsWeight = 10.0;  // 预算执行率 weighs 10 in the national form

const std::vector<std::pair<FC, std::vector<std::u16string_view>>>& fundsTable() {
    static const std::vector<std::pair<FC, std::vector<std::u16string_view>>> t = {
        {FC::Name, {u"项目名称", u"项目"}},
        {FC::Department, {u"主管部门", u"主管部门及代码", u"主管单位"}},
        {FC::Unit, {u"实施单位", u"项目实施单位"}},
        {FC::Initial, {u"年初预算数", u"年初预算", u"年初数"}},
        {FC::Budget, {u"全年预算数", u"全年预算", u"调整后预算数", u"调整后预算"}},
        {FC::Actual, {u"全年执行数", u"全年执行", u"执行数", u"全年实际支出", u"实际执行数", u"实际支出数", u"预算执行数"}},
        {FC::Goal, {u"年度总体目标", u"总体目标", u"年度目标", u"预期目标"}},
        {FC::Achieved, {u"实际完成情况", u"全年实际完成情况", u"年度总体目标完成情况", u"总体目标完成情况"}},
    };
    return t;
}

// The indicator sheet shares the 绩效目标表's names for the columns both have.
std::vector<std::u16string_view> targetNames(TargetColumn c) { return targetColumnNames(c); }

const std::vector<std::pair<SC, std::vector<std::u16string_view>>>& indicatorTable() {
    static const std::vector<std::pair<SC, std::vector<std::u16string_view>>> t = {
        {SC::Project, {u"项目名称", u"项目"}},
        {SC::Level1, targetNames(TargetColumn::Level1)},
        {SC::Level2, targetNames(TargetColumn::Level2)},
        {SC::Level3, targetNames(TargetColumn::Level3)},
        {SC::Target, targetNames(TargetColumn::Target)},
        {SC::Unit, targetNames(TargetColumn::Unit)},
        {SC::Actual, targetNames(TargetColumn::Actual)},
        {SC::Weight, targetNames(TargetColumn::Weight)},
        {SC::Grade, targetNames(TargetColumn::Grade)},
        {SC::Ratio, targetNames(TargetColumn::Ratio)},
        {SC::Reason, targetNames(TargetColumn::Reason)},
        {SC::SelfScore, {u"自评得分", u"得分"}},
        {SC::Bands, targetNames(TargetColumn::Bands)},
    };
    return t;
}

template <class K>
std::optional<K> lookUp(const std::vector<std::pair<K, std::vector<std::u16string_view>>>& table,
                        std::u16string_view normalized) {
    for (const auto& [k, names] : table)
        for (std::u16string_view n : names)
            if (normalized == n) return k;
    return std::nullopt;
}

template <class K>
const std::vector<std::u16string_view>& namesOf(const std::vector<std::pair<K, std::vector<std::u16string_view>>>& table,
                                                K c) {
    for (const auto& [k, names] : table)
        if (k == c) return names;
    static const std::vector<std::u16string_view> none;
    return none;
}

const std::vector<FC> kFundsRequired = {FC::Name, FC::Initial, FC::Budget, FC::Actual};
const std::vector<SC> kIndicatorRequired = {SC::Project, SC::Level1, SC::Level2, SC::Level3,
                                            SC::Target,  SC::Actual, SC::Weight};

std::u16string joinNames(const std::vector<std::u16string_view>& names) {
    std::u16string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? u"、" : u"") + std::u16string(names[i]);
    return out;
}

// Finds a sheet by its header; when none fits, `why` names what was looked for, and what the
// closest sheet lacks.
template <class K>
std::optional<std::pair<const Sheet*, internal::HeaderRow<K>>> findByHeader(
    const Workbook& wb, const std::vector<std::pair<K, std::vector<std::u16string_view>>>& table,
    const std::vector<K>& required, const Message& what, Message& why) {
    auto columnOf = [&](std::u16string_view n) { return lookUp(table, n); };
    std::optional<internal::HeaderRow<K>> best;
    const Sheet* bestSheet = nullptr;
    for (const Sheet& s : wb.sheets) {
        std::optional<internal::HeaderRow<K>> near;
        if (auto h = internal::findHeaderRow<K>(s, columnOf, required, &near)) return std::make_pair(&s, *h);
        if (near && internal::countOf(*near, required) >= 2 &&
            (!best || internal::countOf(*near, required) > internal::countOf(*best, required)))
            best = near, bestSheet = &s;
    }
    std::vector<std::u16string_view> all, missing;
    for (const K& k : required) {
        all.push_back(namesOf(table, k).front());
        if (best && !best->columns.count(k)) missing.push_back(namesOf(table, k).front());
    }
    if (best)
        why = msg("selfeval.missingColumns", "缺少{1}：工作表「{2}」第{3}行的表头没有 {4} 列",
                  "Missing the {1}: the header in row {3} of sheet \"{2}\" has no column {4}", what, bestSheet->name,
                  best->row + 1, joinNames(missing));
    else
        why = msg("selfeval.noSheet", "缺少{1}：没有表头含 {2} 的工作表",
                  "Missing the {1}: no sheet has a header with {2}", what, joinNames(all));
    return std::nullopt;
}

Message cellWhere(const Sheet& s, std::size_t r, std::size_t c) {
    return msg("selfeval.cell", "工作表「{1}」{2}", "sheet \"{1}\", {2}", s.name, localRef(r, c));
}

// ---- reading ----

class Reader {
public:
    Reader(SelfEvalInput& in, Problems& problems) : in_(in), problems_(problems) {}

    void readFunds();
    void readSource(std::size_t r, const std::u16string& label, std::optional<std::size_t> project);
    void readIndicators();
    void checkWeights();

private:
    const Sheet& fs() const { return *in_.funds.sheet; }
    const Sheet& is() const { return *in_.indicators.sheet; }
    std::optional<std::size_t> icol(SC k) const {
        auto it = in_.indicators.columns.find(k);
        return it == in_.indicators.columns.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
    const Cell& icell(std::size_t r, SC k) const {
        static const Cell none;
        auto c = icol(k);
        return c ? is().at(r, *c) : none;
    }
    std::u16string itext(std::size_t r, SC k) const { return unescapeLineBreaks(cellText(icell(r, k))); }
    void problem(const Sheet& s, std::size_t r, std::size_t c, Message what) {
        problems_.push_back(msg("selfeval.problem", "{1}：{2}", "In {1}: {2}", cellWhere(s, r, c), std::move(what)));
    }
    void iproblem(std::size_t r, SC k, Message what) {
        auto c = icol(k);
        if (c) problem(is(), r, *c, std::move(what));
        else
            problems_.push_back(msg("selfeval.rowProblem", "工作表「{1}」第{2}行：{3}", "sheet \"{1}\", row {2}: {3}",
                                    is().name, r + 1, std::move(what)));
    }
    std::optional<SelfEvalIndicator> parse(std::size_t r, std::u16string& l1, std::u16string& l2, bool& ok);

    SelfEvalInput& in_;
    Problems& problems_;
};

void Reader::readFunds() {
    const FundsTable& t = in_.funds;
    std::set<std::u16string> seen;
    std::optional<std::size_t> above;  // the project the 资金来源 rows below belong to
    for (std::size_t r = t.headerRow + 1; r < fs().rows; ++r) {
        std::u16string name = cellText(fs().at(r, t.columns.at(FC::Name)));
        if (name.empty()) continue;
        if (isTotalLabel(normalizeLabel(name))) {
            above.reset();
            continue;
        }
        if (std::optional<std::u16string> label = fundSourceLabel(name)) {
            readSource(r, *label, above);
            continue;
        }
        if (!seen.insert(normalizeLabel(name)).second) {
            problem(fs(), r, t.columns.at(FC::Name),
                    msg("selfeval.duplicateProject", "项目「{1}」在项目资金表中出现了两次",
                        "the project \"{1}\" appears twice in the funds sheet", name));
            continue;
        }
        SelfEvalProject p;
        p.name = name;
        p.row = r;
        bool ok = true;
        for (auto [k, target] : {std::pair{FC::Initial, &p.initial}, std::pair{FC::Budget, &p.budget},
                                 std::pair{FC::Actual, &p.actual}}) {
            std::size_t c = t.columns.at(k);
            const Cell& cell = fs().at(r, c);
            std::u16string_view col = namesOf(fundsTable(), k).front();
            if (cell.kind == Cell::Kind::Number) {
                *target = cell.number;
            } else if (cell.empty()) {
                problem(fs(), r, c, msg("selfeval.noAmount", "项目「{1}」的{2}为空", "the {2} of project \"{1}\" is empty",
                                        name, col));
                ok = false;
            } else {
                // the formulas read the cell as a number: text, even numeric text, is refused here
                problem(fs(), r, c,
                        parseNumber(cell.text)
                            ? msg("selfeval.amountIsText", "项目「{1}」的{2}「{3}」是文本，请改为数字",
                                  "the {2} of project \"{1}\", \"{3}\", is text: make it a number", name, col, cell.text)
                            : msg("selfeval.amountNotNumber", "项目「{1}」的{2}「{3}」不是数字",
                                  "the {2} of project \"{1}\", \"{3}\", is not a number", name, col, cell.text));
                ok = false;
            }
        }
        if (ok && p.budget <= 0) {
            problem(fs(), r, t.columns.at(FC::Budget),
                    msg("selfeval.budgetNotPositive", "项目「{1}」的全年预算数为 {2}，应大于 0（执行率 = 全年执行数 ÷ 全年预算数）",
                        "the full-year budget (全年预算数) of project \"{1}\" is {2}; it must be greater than 0 "
                        "(the execution rate is 全年执行数 / 全年预算数)",
                        name, p.budget));
            ok = false;
        }
        if (ok && p.actual < 0) {
            problem(fs(), r, t.columns.at(FC::Actual),
                    msg("selfeval.actualNegative", "项目「{1}」的全年执行数为负（{2}）",
                        "the full-year spending (全年执行数) of project \"{1}\" is negative ({2})", name, p.actual));
            ok = false;
        }
        in_.projects.push_back(std::move(p));  // kept even when wrong, so its indicators find it
        above = in_.projects.size() - 1;
    }
}

// A 资金来源 row (当年财政拨款 …) of the project above: its amounts are numbers or blank.
void Reader::readSource(std::size_t r, const std::u16string& label, std::optional<std::size_t> project) {
    const FundsTable& t = in_.funds;
    std::size_t nameCol = t.columns.at(FC::Name);
    if (!project) {
        problem(fs(), r, nameCol,
                msg("selfeval.sourceWithoutProject", "资金来源行「{1}」上方没有项目（应紧接在所属项目的行下）",
                    "the funding-source row \"{1}\" has no project above it (it belongs right under its project's row)",
                    label));
        return;
    }
    SelfEvalProject& p = in_.projects[*project];
    for (const FundSource& f : p.sources)
        if (f.label == label) {
            problem(fs(), r, nameCol,
                    msg("selfeval.sourceTwice", "项目「{1}」的资金来源「{2}」出现了两次",
                        "the funding source \"{2}\" of project \"{1}\" appears twice", p.name, label));
            return;
        }
    FundSource f;
    f.label = label;
    f.row = r;
    for (auto [k, target] : {std::pair{FC::Initial, &f.initial}, std::pair{FC::Budget, &f.budget},
                             std::pair{FC::Actual, &f.actual}}) {
        std::size_t c = t.columns.at(k);
        const Cell& cell = fs().at(r, c);
        if (cell.kind == Cell::Kind::Number) *target = cell.number;
        else if (!cell.empty()) {
            problem(fs(), r, c,
                    msg("selfeval.sourceNotNumber", "项目「{1}」{2}的{3}「{4}」不是数字（可留空）",
                        "the {3} of project \"{1}\", {2}, \"{4}\", is not a number (it may be left blank)", p.name, label,
                        namesOf(fundsTable(), k).front(), cell.text));
            return;
        }
    }
    p.sources.push_back(f);
}

std::optional<SelfEvalIndicator> Reader::parse(std::size_t r, std::u16string& l1, std::u16string& l2, bool& ok) {
    SelfEvalIndicator ind;
    ind.row = r;
    std::u16string c1 = itext(r, SC::Level1), c2 = itext(r, SC::Level2), c3 = itext(r, SC::Level3);
    if (!c1.empty()) l1 = c1, l2.clear();
    if (!c2.empty()) l2 = c2;
    ind.level1 = l1, ind.level2 = l2, ind.level3 = c3;
    ok = true;
    if (l1.empty()) {
        iproblem(r, SC::Level1, msg("selfeval.noLevel1", "没有一级指标（请在项目的第一行指标上填写一级指标）",
                                    "no first-level indicator (一级指标): fill it in on the project's first indicator row"));
        ok = false;
    }
    if (l2.empty()) {
        iproblem(r, SC::Level2, msg("selfeval.noLevel2", "没有二级指标", "no second-level indicator (二级指标)"));
        ok = false;
    }
    if (c3.empty()) {
        iproblem(r, SC::Level3, msg("selfeval.noLevel3", "没有三级指标", "no third-level indicator (三级指标)"));
        ok = false;
    }
    std::u16string name = c3.empty() ? l2 : c3;
    // 分值
    const Cell& w = icell(r, SC::Weight);
    if (w.kind == Cell::Kind::Number && w.number >= 0) {
        ind.weight = w.number;
    } else {
        iproblem(r, SC::Weight,
                 w.empty() ? msg("selfeval.noWeight", "「{1}」没有分值", "\"{1}\" has no weight (分值)", name)
                 : w.kind == Cell::Kind::Number
                     ? msg("selfeval.weightNegative", "分值为负（{1}）", "the weight (分值) is negative ({1})", w.number)
                     : msg("selfeval.weightNotNumber", "分值「{1}」不是数字（评分公式按数字读取该格）",
                           "the weight (分值) \"{1}\" is not a number (the score formula reads the cell as a number)",
                           cellText(w)));
        ok = false;
    }
    // 指标值 and 度量单位, by the one parser
    std::u16string tgt = itext(r, SC::Target);
    if (tgt.empty()) {
        iproblem(r, SC::Target, msg("selfeval.noTarget", "「{1}」没有指标值", "\"{1}\" has no target value (指标值)", name));
        ok = false;
        return std::nullopt;
    }
    try {
        ind.target = parseTarget(tgt, itext(r, SC::Unit), msg("selfeval.col.target", "指标值", "target value (指标值)"));
    } catch (const RuleError& e) {
        iproblem(r, SC::Target, e.message());
        ok = false;
        return std::nullopt;
    }
    // 完成等级, 得分比例, 偏差原因
    ind.grade = itext(r, SC::Grade);
    if (!ind.grade.empty()) {
        try {
            gradeBand(ind.grade);
        } catch (const RuleError& e) {
            iproblem(r, SC::Grade, e.message());
            ok = false;
        }
    }
    if (!icell(r, SC::Bands).empty()) {  // 定性分档: read as the formula passes it (text)
        try {
            ind.bands = qualitativeBandsArg(CellView::str(itext(r, SC::Bands)),
                                            msg("selfeval.col.bands", "定性分档", "qualitative bands (定性分档)"));
        } catch (const RuleError& e) {
            iproblem(r, SC::Bands, e.message());
            ok = false;
        }
    }
    const Cell& rc = icell(r, SC::Ratio);
    if (!rc.empty()) {
        std::optional<double> v = internal::ratioOf(rc);
        if (!v) {
            iproblem(r, SC::Ratio, msg("selfeval.badRatio", "得分比例「{1}」应为 0%–100% 之间的比例（如 80% 或 0.8）",
                                       "the score ratio (得分比例) \"{1}\" should be a ratio between 0% and 100% (e.g. "
                                       "80% or 0.8)",
                                       cellText(rc)));
            ok = false;
        } else {
            ind.ratio = v;
        }
    }
    ind.reason = itext(r, SC::Reason);
    // 实际完成值 (not read for 定性)
    const Cell& a = icell(r, SC::Actual);
    if (!ind.qualitative()) {
        if (a.empty()) {
            iproblem(r, SC::Actual, msg("selfeval.noActual", "「{1}」没有实际完成值", "\"{1}\" has no actual value (实际完成值)",
                                        name));
            ok = false;
        } else {
            try {
                actualValue(cellView(a), ind.target, msg("selfeval.col.actual", "实际完成值", "actual value (实际完成值)"));
            } catch (const RuleError& e) {
                iproblem(r, SC::Actual, msg("selfeval.badActual", "实际完成值「{1}」：{2}", "actual value (实际完成值) \"{1}\": {2}",
                                            cellText(a), e.message()));
                ok = false;
            }
        }
    }
    if (ok && !ind.pending()) {
        IndicatorOptions o;
        o.grade = ind.grade;
        o.ratio = ind.ratio;
        o.bands = ind.bands;
        try {
            ind.score = indicatorScore(cellView(a), ind.target, ind.weight, o);
        } catch (const RuleError& e) {
            iproblem(r, SC::Target, e.message());  // e.g. a ratio outside the grade's band
            ok = false;
        }
    }
    return ind;
}

void Reader::readIndicators() {
    std::map<std::u16string, std::size_t> byName;
    for (std::size_t i = 0; i < in_.projects.size(); ++i) byName[normalizeLabel(in_.projects[i].name)] = i;
    std::optional<std::size_t> current;  // the project of the rows above
    bool projectAbove = false, orphanReported = false;
    std::u16string l1, l2;
    for (std::size_t r = in_.indicators.headerRow + 1; r < is().rows; ++r) {
        std::u16string project = itext(r, SC::Project);
        bool anyValue = !icell(r, SC::Target).empty() || !icell(r, SC::Weight).empty() || !icell(r, SC::Actual).empty() ||
                        !icell(r, SC::Level3).empty();
        if (!project.empty() && isTotalLabel(normalizeLabel(project))) continue;
        if (!project.empty()) {
            auto it = byName.find(normalizeLabel(project));
            current = it == byName.end() ? std::nullopt : std::optional<std::size_t>(it->second);
            projectAbove = true;
            l1.clear(), l2.clear();
            if (!current)
                iproblem(r, SC::Project,
                         msg("selfeval.unknownProject", "项目「{1}」不在项目资金表「{2}」中（请核对项目名称）",
                             "the project \"{1}\" is not in the funds sheet \"{2}\" (check the project name)", project,
                             fs().name));
        }
        if (!anyValue) {
            // a level heading or an empty row: it may name the levels for the rows below
            std::u16string c1 = itext(r, SC::Level1), c2 = itext(r, SC::Level2);
            if (!c1.empty() && !isTotalLabel(normalizeLabel(c1))) l1 = c1, l2.clear();
            if (!c2.empty()) l2 = c2;
            continue;
        }
        if (project.empty() && !current) {
            // no project above (the rows of an unknown one are already reported by its name)
            if (!orphanReported && !projectAbove)
                iproblem(r, SC::Project, msg("selfeval.noProject", "没有项目名称（请在项目的第一行指标上填写项目名称）",
                                             "no project name (项目名称): fill it in on the project's first indicator row"));
            orphanReported = orphanReported || !projectAbove;
            continue;
        }
        if (!current) continue;  // the rows of an unknown project
        bool ok = true;
        std::optional<SelfEvalIndicator> ind = parse(r, l1, l2, ok);
        if (ind && ok) {
            in_.projects[*current].indicators.push_back(std::move(*ind));
        } else {
            // already reported; its 分值 still counts, so the weights check does not add a derived problem
            const Cell& w = icell(r, SC::Weight);
            if (w.kind == Cell::Kind::Number && w.number >= 0) in_.projects[*current].unreadWeight += w.number;
            in_.projects[*current].unreadRows = true;
        }
    }
}

void Reader::checkWeights() {
    for (const SelfEvalProject& p : in_.projects) {
        if (p.indicators.empty() && !p.unreadRows) {
            problem(fs(), p.row, in_.funds.columns.at(FC::Name),
                    msg("selfeval.noIndicators", "项目「{1}」在绩效指标表「{2}」中没有指标",
                        "the project \"{1}\" has no indicators in the indicator sheet \"{2}\"", p.name, is().name));
            continue;
        }
        if (p.indicators.empty()) continue;
        double sum = kFundsWeight + p.unreadWeight;
        for (const SelfEvalIndicator& i : p.indicators) sum += i.weight;
        if (!approxEqual(sum, 100.0))
            problems_.push_back(msg("selfeval.weightsNot100",
                                    "项目「{1}」的分值合计为 {2}（预算执行率 10 分 + 绩效指标 {3} 分），应为 100",
                                    "the weights of project \"{1}\" add up to {2} (10 for the budget execution rate + {3} "
                                    "for its indicators); they must add up to 100",
                                    p.name, sum, sum - kFundsWeight));
    }
}

// ---- planning ----

OutCell fmt(OutCell c, std::u16string f) {
    c.format = std::move(f);
    return c;
}
OutCell head(OutCell c) {
    c.bold = true;
    c.center = true;
    c.wrap = true;
    return c;
}
OutCell wrapped(OutCell c) {
    c.wrap = true;
    return c;
}

class Planner {
public:
    Planner(const Workbook& wb, const SelfEvalInput& in) : wb_(wb), in_(in) {}
    SelfEvalPlan run();

private:
    std::u16string fref(std::size_t r, FC k) const { return cellRef(in_.funds.sheet->name, r, in_.funds.columns.at(k)); }
    std::optional<std::u16string> fopt(std::size_t r, FC k) const {
        auto it = in_.funds.columns.find(k);
        if (it == in_.funds.columns.end()) return std::nullopt;
        return cellRef(in_.funds.sheet->name, r, it->second);
    }
    std::optional<std::u16string> iopt(std::size_t r, SC k) const {
        auto it = in_.indicators.columns.find(k);
        if (it == in_.indicators.columns.end()) return std::nullopt;
        return cellRef(in_.indicators.sheet->name, r, it->second);
    }
    std::u16string iref(std::size_t r, SC k) const { return *iopt(r, k); }
    // A text cell shown on the form (blank stays blank).
    static OutCell shown(const std::optional<std::u16string>& ref) {
        return wrapped(ref ? OutCell::formula(u"=" + *ref + u"&\"\"") : OutCell::str(u""));
    }
    std::u16string scoreCall(const SelfEvalIndicator& i) const {
        std::size_t r = i.row;
        return internal::indicatorScoreCall({iref(r, SC::Actual), iref(r, SC::Target), iref(r, SC::Weight), u"\"\"",
                                             internal::optTextArg(iopt(r, SC::Unit)),
                                             internal::optTextArg(iopt(r, SC::Grade)),
                                             internal::optNumberArg(iopt(r, SC::Ratio)), u"\"\"",
                                             internal::optTextArg(iopt(r, SC::Bands))});
    }
    // True (as a formula) while a 定性 row has neither 完成等级 nor 得分比例.
    std::optional<std::u16string> pendingTest(const SelfEvalIndicator& i) const {
        if (!i.qualitative()) return std::nullopt;
        std::vector<std::u16string> parts;
        if (auto g = iopt(i.row, SC::Grade)) parts.push_back(u"TRIM(" + *g + u"&\"\")=\"\"");
        if (auto x = iopt(i.row, SC::Ratio)) parts.push_back(u"ISBLANK(" + *x + u")");
        if (parts.empty()) return u"TRUE()";
        std::u16string f = u"AND(";
        for (std::size_t k = 0; k < parts.size(); ++k) f += (k ? u";" : u"") + parts[k];
        return f + u")";
    }
    std::u16string indicatorScoreFormula(const SelfEvalIndicator& i) const {
        std::u16string score = u"ROUND(" + scoreCall(i) + u";2)";
        if (auto p = pendingTest(i)) {
            if (*p == u"TRUE()") return {};  // nothing to score it by: stays 待评价
            return u"=IF(" + *p + u";\"待评价\";" + score + u")";
        }
        return u"=" + score;
    }

    // The footnote that marks a sheet as written by planSelfEval (isGeneratedSelfEvalSheet).
    std::u16string footnote(std::u16string_view more) const {
        return std::u16string(SelfEvalNames::footnote) + u"「" + in_.funds.sheet->name + u"」「" + in_.indicators.sheet->name +
               u"」生成；" + std::u16string(more);
    }
    // The form's 年度指标值: the 指标值 as written, and its 度量单位 after it when the text has none
    // (≥95 with 度量单位 % shows ≥95%): the national form has no 度量单位 column, and a reader of the
    // form (or its review) must see the unit.
    OutCell targetShown(const SelfEvalIndicator& i) const {
        std::u16string t = iref(i.row, SC::Target);
        std::optional<std::u16string> u = iopt(i.row, SC::Unit);
        const Cell& tc = in_.indicators.sheet->at(i.row, in_.indicators.columns.at(SC::Target));
        bool ownUnit = true;
        if (u && !i.qualitative() && !i.target.unit.empty() && tc.kind == Cell::Kind::Text) {
            try {
                ownUnit = !parseTarget(tc.text).unit.empty();
            } catch (const RuleError&) {
            }
        }
        if (ownUnit) return shown(t);
        return wrapped(OutCell::formula(u"=" + t + u"&TRIM(" + *u + u"&\"\")"));
    }
    SheetPlan form(const SelfEvalProject& p, SelfEvalForm& out, std::u16string& attentionFormula);
    SheetPlan summary();

    const Workbook& wb_;
    const SelfEvalInput& in_;
    SelfEvalPlan plan_;
    std::vector<std::u16string> taken_;
    std::vector<std::u16string> attention_;  // per project, the 需关注 formula
};

SheetPlan Planner::form(const SelfEvalProject& p, SelfEvalForm& out, std::u16string& attention) {
    SheetPlan s;
    s.name = safeSheetName(p.name, taken_);
    taken_.push_back(s.name);
    out.project = p.name;
    out.sheet = s.name;
    const std::size_t last = 8;  // column I
    auto merge = [&](std::size_t r0, std::size_t c0, std::size_t r1, std::size_t c1) {
        if (r1 > r0 || c1 > c0) s.merges.push_back({r0, c0, r1, c1});
    };
    OutCell title = head(OutCell::str(u"项目支出绩效自评表"));
    title.height = 16;
    s.put(0, 0, title);
    merge(0, 0, 0, last);
    // 项目名称, 主管部门, 实施单位
    s.put(1, 0, head(OutCell::str(u"项目名称")));
    s.put(1, 1, shown(fref(p.row, FC::Name)));
    merge(1, 1, 1, last);
    s.put(2, 0, head(OutCell::str(u"主管部门")));
    s.put(2, 1, shown(fopt(p.row, FC::Department)));
    merge(2, 1, 2, 3);
    s.put(2, 4, head(OutCell::str(u"实施单位")));
    s.put(2, 5, shown(fopt(p.row, FC::Unit)));
    merge(2, 5, 2, last);
    // 项目资金（万元）
    s.put(3, 0, head(OutCell::str(u"项目资金（万元）")));
    const std::u16string_view fundsHead[] = {u"年初预算数", u"全年预算数", u"全年执行数", u"分值", u"执行率", u"得分"};
    for (std::size_t k = 0; k < 6; ++k) s.put(3, 2 + k, head(OutCell::str(std::u16string(fundsHead[k]))));
    const std::size_t fr = 4;
    out.fundsRow = fr;
    s.put(fr, 1, head(OutCell::str(u"年度资金总额")));
    s.put(fr, 2, fmt(OutCell::formula(u"=" + fref(p.row, FC::Initial)), u"#,##0.00"));
    s.put(fr, 3, fmt(OutCell::formula(u"=" + fref(p.row, FC::Budget)), u"#,##0.00"));
    s.put(fr, 4, fmt(OutCell::formula(u"=" + fref(p.row, FC::Actual)), u"#,##0.00"));
    s.put(fr, 5, fmt(OutCell::num(kFundsWeight), u"0"));
    std::u16string rate = u"EXECUTION_RATE(" + fref(p.row, FC::Actual) + u";" + fref(p.row, FC::Budget) + u")";
    s.put(fr, 6, fmt(OutCell::formula(u"=" + rate), u"0.00%"));
    std::u16string fundsScore = u"=ROUND(MIN(" + rate + u";1)*" + numberText16(kFundsWeight) + u";2)";
    s.put(fr, SelfEvalLayout::scoreCol, fmt(OutCell::formula(fundsScore), u"0.00"));
    out.scores.push_back({u"预算执行率", kFundsWeight, true, fundsScore, s.name, fr, SelfEvalLayout::scoreCol});
    double total = roundHalfUp(std::min(executionRate(p.actual, p.budget), 1.0) * kFundsWeight, 2);
    // 其中：当年财政拨款 / 上年结转资金 / 其他资金 (the national form's rows; blank without 资金来源 rows)
    std::size_t r = fr + 1;
    for (std::u16string_view label : kFundSources) {
        s.put(r, 1, head(OutCell::str(label == kFundSources[0] ? u"其中：" + std::u16string(label) : std::u16string(label))));
        const FundSource* src = nullptr;
        for (const FundSource& f : p.sources)
            if (f.label == label) src = &f;
        for (auto [c, k] : {std::pair{2, FC::Initial}, std::pair{3, FC::Budget}, std::pair{4, FC::Actual}}) {
            if (!src) continue;
            std::u16string ref = fref(src->row, k);
            s.put(r, c, fmt(OutCell::formula(u"=IF(ISBLANK(" + ref + u");\"\";" + ref + u")"), u"#,##0.00"));
        }
        for (std::size_t c = 5; c <= SelfEvalLayout::scoreCol; ++c) s.put(r, c, head(OutCell::str(u"—")));
        ++r;
    }
    merge(3, 0, r - 1, 0);
    if (!p.sources.empty()) {
        double sums[3] = {0, 0, 0};
        for (const FundSource& f : p.sources) sums[0] += f.initial, sums[1] += f.budget, sums[2] += f.actual;
        const double totals[3] = {p.initial, p.budget, p.actual};
        const FC cols[3] = {FC::Initial, FC::Budget, FC::Actual};
        for (int k = 0; k < 3; ++k)
            if (!approxEqual(sums[k], totals[k]))
                plan_.attention.push_back(msg("selfeval.sourcesDiffer", "项目「{1}」：资金来源各行的{2}合计 {3}，与{4}的 {5} 不一致",
                                              "project \"{1}\": the funding-source rows' {2} add up to {3}, not the {5} of {4}",
                                              p.name, namesOf(fundsTable(), cols[k]).front(), roundHalfUp(sums[k], 2),
                                              cellWhere(*in_.funds.sheet, p.row, in_.funds.columns.at(cols[k])),
                                              roundHalfUp(totals[k], 2)));
    }
    // 年度总体目标
    const std::size_t gr = r;
    s.put(gr, 0, head(OutCell::str(u"年度总体目标")));
    merge(gr, 0, gr + 1, 0);
    s.put(gr, 1, head(OutCell::str(u"预期目标")));
    merge(gr, 1, gr, 4);
    s.put(gr, 5, head(OutCell::str(u"实际完成情况")));
    merge(gr, 5, gr, last);
    s.put(gr + 1, 1, shown(fopt(p.row, FC::Goal)));
    merge(gr + 1, 1, gr + 1, 4);
    s.put(gr + 1, 5, shown(fopt(p.row, FC::Achieved)));
    merge(gr + 1, 5, gr + 1, last);
    const std::size_t hr = gr + 2;
    const std::u16string_view indHead[] = {u"一级指标", u"二级指标", u"三级指标", u"年度指标值", u"实际完成值", u"分值", u"得分",
                                           u"偏差原因分析及改进措施"};
    for (std::size_t k = 0; k < 8; ++k) s.put(hr, 1 + k, head(OutCell::str(std::u16string(indHead[k]))));
    r = hr + 1;
    out.firstIndicatorRow = r;
    std::size_t g1 = r, g2 = r;
    std::vector<std::u16string> notes;
    for (std::size_t k = 0; k < p.indicators.size(); ++k, ++r) {
        const SelfEvalIndicator& i = p.indicators[k];
        bool new1 = k == 0 || p.indicators[k - 1].level1 != i.level1;
        bool new2 = new1 || p.indicators[k - 1].level2 != i.level2;
        if (new1) { merge(g1, 1, r - 1, 1); g1 = r; s.put(r, 1, wrapped(OutCell::str(i.level1))); }
        if (new2) { merge(g2, 2, r - 1, 2); g2 = r; s.put(r, 2, wrapped(OutCell::str(i.level2))); }
        s.put(r, 3, wrapped(OutCell::str(i.level3)));
        s.put(r, 4, targetShown(i));
        std::u16string a = iref(i.row, SC::Actual);
        const Cell& ac = in_.indicators.sheet->at(i.row, in_.indicators.columns.at(SC::Actual));
        OutCell actual = OutCell::formula(u"=IF(ISBLANK(" + a + u");\"\";" + a + u")");
        if (ac.kind == Cell::Kind::Number && i.target.unit == u"%") actual.format = u"0.00%";
        s.put(r, 5, actual);
        s.put(r, SelfEvalLayout::weightCol, fmt(OutCell::formula(u"=" + iref(i.row, SC::Weight)), u"0.00"));
        std::u16string sf = indicatorScoreFormula(i);
        s.put(r, SelfEvalLayout::scoreCol, fmt(sf.empty() ? OutCell::str(u"待评价") : OutCell::formula(sf), u"0.00"));
        out.scores.push_back({i.level3, i.weight, true, sf, s.name, r, SelfEvalLayout::scoreCol});
        s.put(r, SelfEvalLayout::reasonCol, shown(iopt(i.row, SC::Reason)));
        if (i.score) total += roundHalfUp(*i.score, 2);

        // 需关注: a 定性 score still to judge; a score below the weight (a missed target) without 偏差原因
        std::u16string scoreCell = cellRef(s.name, r, SelfEvalLayout::scoreCol);
        std::u16string name = i.level3;
        for (char16_t& ch : name)
            if (ch == u'"') ch = u'\'';
        if (auto pend = pendingTest(i))
            notes.push_back(u"IF(" + *pend + u";\"「" + name + u"」定性得分待评价；\";\"\")");
        std::u16string noReason = iopt(i.row, SC::Reason) ? u"TRIM(" + *iopt(i.row, SC::Reason) + u"&\"\")=\"\"" : u"TRUE()";
        notes.push_back(u"IF(ISNUMBER(" + scoreCell + u");IF(" + scoreCall(i) + u"<" + iref(i.row, SC::Weight) + u";IF(" +
                        noReason + u";\"「" + name + u"」未达成目标且未填偏差原因；\";\"\");\"\");\"\")");
        const Sheet& is = *in_.indicators.sheet;
        std::size_t projectCol = in_.indicators.columns.at(SC::Project);
        auto rc = in_.indicators.columns.find(SC::Reason);
        std::size_t reasonCol = rc == in_.indicators.columns.end() ? projectCol : rc->second;
        auto gc = in_.indicators.columns.find(SC::Grade);
        std::size_t gradeCol = gc == in_.indicators.columns.end() ? in_.indicators.columns.at(SC::Level3) : gc->second;
        if (i.pending())
            plan_.attention.push_back(msg("selfeval.pending", "项目「{1}」：定性指标「{2}」的得分待评价（{3} 的完成等级或得分比例为空）",
                                          "project \"{1}\": the score of the qualitative (定性) indicator \"{2}\" is still "
                                          "to be judged (the grade (完成等级) or score ratio (得分比例) of {3} is empty)",
                                          p.name, i.level3, cellWhere(is, i.row, gradeCol)));
        else if (i.score && !approxGE(*i.score, i.weight) && i.reason.empty())
            plan_.attention.push_back(msg("selfeval.noReason", "项目「{1}」：指标「{2}」未达成目标（得分 {3}，分值 {4}），{5} 没有偏差原因",
                                          "project \"{1}\": the indicator \"{2}\" missed its target (score {3} of {4}) and "
                                          "{5} gives no reason for the deviation (偏差原因)",
                                          p.name, i.level3, roundHalfUp(*i.score, 2), i.weight,
                                          cellWhere(is, i.row, reasonCol)));
    }
    merge(g1, 1, r - 1, 1);
    merge(g2, 2, r - 1, 2);
    merge(hr, 0, r - 1, 0);
    s.put(hr, 0, head(OutCell::str(u"绩效指标")));
    // 总分
    out.totalRow = r;
    s.put(r, 0, head(OutCell::str(u"总分")));
    merge(r, 0, r, 5);
    s.put(r, SelfEvalLayout::weightCol,
          fmt(OutCell::formula(u"=" + localRef(fr, 5) + u"+SUM(" + localRef(out.firstIndicatorRow, SelfEvalLayout::weightCol) +
                               u":" + localRef(r - 1, SelfEvalLayout::weightCol) + u")"),
              u"0.00"));
    OutCell sum = fmt(OutCell::formula(u"=" + localRef(fr, SelfEvalLayout::scoreCol) + u"+SUM(" +
                                       localRef(out.firstIndicatorRow, SelfEvalLayout::scoreCol) + u":" +
                                       localRef(r - 1, SelfEvalLayout::scoreCol) + u")"),
                      u"0.00");
    sum.bold = true;
    s.put(r, SelfEvalLayout::scoreCol, sum);
    out.totalCell = cellRef(s.name, r, SelfEvalLayout::scoreCol);
    s.put(r + 1, 0, OutCell::str(footnote(u"得分为公式，随两表更新。")));
    merge(r + 1, 0, r + 1, last);
    out.total = roundHalfUp(total, 2);
    s.columnWidths = {{0, 2000}, {1, 2200}, {2, 2600}, {3, 3600}, {4, 2600}, {5, 2600}, {6, 1800}, {7, 1800}, {8, 4600}};
    s.headerRows = 0;
    s.bordered = std::make_pair(std::size_t{1}, r);  // the title above and the footnote below stay plain
    s.onePage = true;
    attention.clear();
    for (std::size_t k = 0; k < notes.size(); ++k) attention += (k ? u"&" : u"=") + notes[k];
    return s;
}

SheetPlan Planner::summary() {
    SheetPlan sum;
    sum.name = safeSheetName(SelfEvalNames::summary, taken_);
    taken_.push_back(sum.name);
    plan_.summarySheet = sum.name;
    const std::u16string_view headers[] = {u"序号", u"项目名称", u"全年预算数", u"全年执行数", u"执行率", u"执行率得分",
                                           u"总分", u"等级", u"需关注"};
    for (std::size_t c = 0; c < 9; ++c) sum.put(0, c, head(OutCell::str(std::u16string(headers[c]))));
    for (std::size_t k = 0; k < plan_.forms.size(); ++k) {
        const SelfEvalForm& f = plan_.forms[k];
        const SelfEvalProject& p = in_.projects[k];
        std::size_t r = k + 1;
        sum.put(r, 0, OutCell::num(static_cast<double>(k + 1)));
        sum.put(r, 1, wrapped(OutCell::formula(u"=" + fref(p.row, FC::Name) + u"&\"\"")));
        sum.put(r, 2, fmt(OutCell::formula(u"=" + fref(p.row, FC::Budget)), u"#,##0.00"));
        sum.put(r, 3, fmt(OutCell::formula(u"=" + fref(p.row, FC::Actual)), u"#,##0.00"));
        sum.put(r, 4, fmt(OutCell::formula(u"=" + cellRef(f.sheet, f.fundsRow, 6)), u"0.00%"));
        sum.put(r, 5, fmt(OutCell::formula(u"=" + cellRef(f.sheet, f.fundsRow, SelfEvalLayout::scoreCol)), u"0.00"));
        sum.put(r, 6, fmt(OutCell::formula(u"=" + f.totalCell), u"0.00"));
        sum.put(r, 7, OutCell::formula(u"=PERF_GRADE(" + localRef(r, 6) + u")"));
        sum.put(r, 8, wrapped(attention_[k].empty() ? OutCell::str(u"") : OutCell::formula(attention_[k])));
    }
    sum.put(plan_.forms.size() + 2, 0, OutCell::str(footnote(u"等级：优 ≥ 90，良 80–90，中 60–80，差 < 60。")));
    sum.headerRows = 1;
    sum.landscape = true;
    sum.bordered = std::make_pair(std::size_t{0}, plan_.forms.size());
    sum.columnWidths = {{0, 1200}, {1, 6000}, {2, 2600}, {3, 2600}, {4, 2000}, {5, 2000}, {6, 2000}, {7, 1400}, {8, 9000}};
    return sum;
}

SelfEvalPlan Planner::run() {
    // The forms and 自评汇总 of an earlier run are replaced; every other sheet keeps its name.
    for (const Sheet& s : wb_.sheets) {
        if (isGeneratedSelfEvalSheet(s) && &s != in_.funds.sheet && &s != in_.indicators.sheet)
            plan_.replaceSheets.push_back(s.name);
        else
            taken_.push_back(s.name);
    }
    taken_.push_back(std::u16string(SelfEvalNames::summary));  // the summary keeps its own name
    for (const SelfEvalProject& p : in_.projects) {
        SelfEvalForm f;
        std::u16string attention;
        plan_.sheets.push_back(form(p, f, attention));
        plan_.forms.push_back(std::move(f));
        attention_.push_back(std::move(attention));
    }
    taken_.erase(std::find(taken_.begin(), taken_.end(), std::u16string(SelfEvalNames::summary)));
    plan_.sheets.push_back(summary());
    return std::move(plan_);
}

}  // namespace

const std::vector<std::u16string_view>& fundsColumnNames(FundsColumn c) { return namesOf(fundsTable(), c); }
const std::vector<std::u16string_view>& selfEvalColumnNames(SelfEvalColumn c) { return namesOf(indicatorTable(), c); }

std::optional<FundsTable> findFundsTable(const Workbook& wb, Message& why) {
    auto hit = findByHeader(wb, fundsTable(), kFundsRequired,
                            msg("selfeval.fundsSheet", "项目资金表", "project funds sheet (项目资金表)"), why);
    if (!hit) return std::nullopt;
    return FundsTable{hit->first, hit->second.row, hit->second.columns};
}

std::optional<SelfEvalIndicatorTable> findSelfEvalIndicatorTable(const Workbook& wb, Message& why) {
    auto hit = findByHeader(wb, indicatorTable(), kIndicatorRequired,
                            msg("selfeval.indicatorSheet", "绩效指标表", "performance indicator sheet (绩效指标表)"), why);
    if (!hit) return std::nullopt;
    return SelfEvalIndicatorTable{hit->first, hit->second.row, hit->second.columns};
}

std::optional<SelfEvalInput> readSelfEval(const Workbook& wb, Problems& problems) {
    SelfEvalInput in;
    Message why;
    std::optional<FundsTable> f = findFundsTable(wb, why);
    if (!f) problems.push_back(why);
    std::optional<SelfEvalIndicatorTable> t = findSelfEvalIndicatorTable(wb, why);
    if (!t) problems.push_back(why);
    if (!f || !t) return std::nullopt;
    in.funds = *f;
    in.indicators = *t;
    std::size_t before = problems.size();
    Reader reader(in, problems);
    reader.readFunds();
    reader.readIndicators();
    reader.checkWeights();
    if (in.projects.empty() && problems.size() == before)
        problems.push_back(msg("selfeval.noProjects", "项目资金表「{1}」中没有项目", "the funds sheet \"{1}\" has no projects",
                               f->sheet->name));
    return in;
}

SelfEvalPlan planSelfEval(const Workbook& wb) {
    Problems problems;
    std::optional<SelfEvalInput> in = readSelfEval(wb, problems);
    if (!problems.empty() || !in) {
        SelfEvalPlan plan;
        plan.problems = std::move(problems);
        return plan;
    }
    return Planner(wb, *in).run();
}

namespace {
// A 资金来源 label without its 其中： and its spaces.
std::u16string sourceKey(std::u16string_view text) {
    std::u16string n = normalizeLabel(text);
    for (std::u16string_view prefix : {u"其中：", u"其中:", u"其中"})
        if (n.rfind(prefix, 0) == 0) {
            n.erase(0, prefix.size());
            break;
        }
    return n;
}
}  // namespace

std::optional<std::u16string> typedFormSourceLabel(std::u16string_view text) {
    if (auto l = fundSourceLabel(text)) return l;
    std::u16string n = sourceKey(text);
    for (std::u16string_view l : {u"财政资金", u"财政专户管理资金", u"单位资金"})
        if (n == l) return std::u16string(l);
    return std::nullopt;
}

std::optional<std::u16string> fundSourceLabel(std::u16string_view text) {
    std::u16string n = sourceKey(text);
    if (n == u"当年财政拨款" || n == u"财政拨款") return std::u16string(u"当年财政拨款");
    if (n == u"上年结转资金" || n == u"上年结转") return std::u16string(u"上年结转资金");
    if (n == u"其他资金") return std::u16string(u"其他资金");
    return std::nullopt;
}

bool isGeneratedSelfEvalSheet(const Sheet& s) { return internal::hasFootnote(s, SelfEvalNames::footnote); }

std::u16string safeSheetName(std::u16string_view name, const std::vector<std::u16string>& taken) {
    std::u16string base;
    for (char16_t c : trim(name)) {
        if (c == u'[' || c == u']' || c == u'*' || c == u'?' || c == u':' || c == u'/' || c == u'\\') base += u'＿';
        else if (c == u'\n' || c == u'\r' || c == u'\t') base += u' ';
        else base += c;
    }
    while (!base.empty() && base.front() == u'\'') base.erase(base.begin());
    while (!base.empty() && base.back() == u'\'') base.pop_back();
    if (base.empty()) base = u"项目";
    auto cut = [](std::u16string s, std::size_t n) {
        if (s.size() <= n) return s;
        s.resize(n);
        if (!s.empty() && s.back() >= 0xD800 && s.back() <= 0xDBFF) s.pop_back();  // half a surrogate pair
        while (!s.empty() && (s.back() == u'\'' || s.back() == u' ')) s.pop_back();
        return s;
    };
    auto key = [](std::u16string_view n) {  // Calc compares sheet names without regard to case
        std::u16string k(n);
        for (char16_t& c : k)
            if (c >= u'A' && c <= u'Z') c = static_cast<char16_t>(c - u'A' + u'a');
        return k;
    };
    auto isTaken = [&](const std::u16string& n) {
        for (const std::u16string& t : taken)
            if (key(t) == key(n)) return true;
        return false;
    };
    std::u16string candidate = cut(base, 31);
    for (int k = 2; isTaken(candidate); ++k) {
        std::u16string suffix = u" (" + numberText16(k) + u")";
        candidate = cut(base, 31 - suffix.size()) + suffix;
    }
    return candidate;
}

}  // namespace jixiao
