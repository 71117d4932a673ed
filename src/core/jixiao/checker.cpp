#include "jixiao/checker.hpp"

#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "jixiao/catalog.hpp"
#include "jixiao/internal.hpp"
#include "jixiao/rules.hpp"
#include "jixiao/values.hpp"

namespace jixiao {

using namespace internal;

namespace {

// A call of a catalogue function in a formula or template: its name and its arguments as written.
struct Call {
    const FunctionInfo* fn = nullptr;
    std::vector<std::u16string> args;

    // The argument the catalogue names `name` (e.g. "rate"), when the call gives it.
    std::optional<std::u16string> arg(std::string_view name) const {
        for (std::size_t k = 0; k < fn->args.size() && k < args.size(); ++k)
            if (fn->args[k].name == name && !trim(args[k]).empty()) return std::u16string(trim(args[k]));
        return std::nullopt;
    }
};

bool identChar(char16_t c) {
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_';
}

// Every call of a catalogue function in `f`, in order of position (an outer call before the calls
// in its arguments). Text in quotes is skipped; 【】, () and {} nest.
std::vector<Call> catalogueCalls(std::u16string_view f) {
    std::vector<Call> out;
    bool quoted = false;
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] == u'"') quoted = !quoted;
        if (quoted || !identChar(f[i]) || (i > 0 && identChar(f[i - 1])) || (f[i] >= u'0' && f[i] <= u'9')) continue;
        std::size_t j = i;
        while (j < f.size() && identChar(f[j])) ++j;
        if (j >= f.size() || f[j] != u'(') continue;
        const FunctionInfo* fn = findFunction(toUtf8(f.substr(i, j - i)));
        if (!fn) continue;
        Call call{fn, {}};
        std::u16string cur;
        int depth = 0;
        bool inText = false, closed = false;
        for (std::size_t k = j; k < f.size() && !closed; ++k) {
            char16_t c = f[k];
            if (c == u'"') inText = !inText;
            if (!inText && (c == u'(' || c == u'【' || c == u'{')) ++depth;
            if (!inText && (c == u')' || c == u'】' || c == u'}')) --depth;
            if (depth == 0) closed = true;
            else if (depth == 1 && !inText && c == u';') { call.args.push_back(cur); cur.clear(); }
            else if (k > j) cur += c;
        }
        if (!closed) continue;
        call.args.push_back(cur);
        out.push_back(std::move(call));
    }
    return out;
}

// The rate behind a score: the expression a formula gives as the `rate` argument of a catalogue
// function (the scoring functions' 比率), or empty.
std::u16string rateExpression(std::u16string_view formula) {
    for (const Call& c : catalogueCalls(formula))
        if (auto r = c.arg("rate")) return *r;
    return {};
}

// The labels a template reads (inside 【】, 合并(…) items included).
std::vector<std::u16string> labelsIn(std::u16string_view tmpl) {
    std::vector<std::u16string> out;
    std::size_t i = 0;
    while ((i = tmpl.find(u'【', i)) != std::u16string_view::npos) {
        std::size_t j = pastClosingBracket(tmpl, i);
        if (j == std::u16string_view::npos) break;
        std::u16string inner(tmpl.substr(i + 1, j - i - 2));
        if (!inner.empty() && inner[0] == u'=') {
            for (auto& l : labelsIn(inner)) out.push_back(l);
        } else if (inner.rfind(u"合并(", 0) == 0) {
            for (auto& item : splitTop(inner.substr(3, inner.size() - 4), u';')) out.push_back(std::u16string(trim(item)));
        } else {
            out.push_back(splitTop(inner, u'|')[0]);
        }
        i = j;
    }
    return out;
}

double num(const Cell& c) {
    if (c.kind == Cell::Kind::Number) return c.number;
    if (c.kind == Cell::Kind::Text) {
        if (auto v = parseNumber(c.text)) return *v;
    }
    return std::nan("");
}

std::optional<double> printedNumber(const Cell& c) {
    double v = num(c);
    if (std::isnan(v)) return std::nullopt;
    return v;
}

std::u16string fmt2(double x) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", roundHalfUp(x, 2));
    return fromUtf8(buf);
}

// `make()` expanded as an attempt the caller may discard: its text, or nullopt — and the resolver
// restored to what it was — when some placeholder in it resolved to nothing.
template <class F>
std::optional<std::u16string> attempt(Resolver& res, F make) {
    Resolver::Checkpoint saved = res.checkpoint();
    std::size_t misses = res.misses();
    std::u16string f = make();
    if (res.misses() == misses) return f;
    res.rollback(std::move(saved));
    return std::nullopt;
}

}  // namespace

std::u16string_view verdictText(Verdict v) {
    switch (v) {
        case Verdict::Agree: return u"一致";
        case Verdict::Differ: return u"不一致";
        case Verdict::Reading: return u"口径不同";
        case Verdict::Judgment: return u"需人工判断";
    }
    return u"";
}

namespace {

// The cross-check's plan of one workbook, built in steps that share the resolver, the plan and
// the printed 附件1.
class Planner {
public:
    explicit Planner(const Workbook& wb) : wb_(wb), res_(wb, u"核对底稿"), formulas_{res_} {}

    CheckPlan run(const IndicatorSystem* given);

private:
    // ---- the printed 附件1: its columns and its 合计 ----
    bool findAppendix();
    void readTotal();
    // ---- the systems: the workbook's, and the printed rule (built-in default) ----
    std::optional<IndicatorSystem> systems(const IndicatorSystem* given);
    // ---- one item per indicator: the printed figures and every probe ----
    std::optional<CheckItem> item(const Effective& e, std::size_t row);
    void printed(CheckItem& it, const Effective& e) const;
    void readings(CheckItem& it, const Effective& e);
    void judgments(CheckItem& it, const Effective& e);
    void targetRatios(CheckItem& it, const Effective& e);
    void opinion(CheckItem& it, const Effective& e);
    // ---- the printed level cells: subtotals, 评价等级, 一级/二级 weights, a 表3-1-like summary ----
    void levelCells();
    void summarySheet();

    std::size_t probe(std::u16string f) {
        plan_.probes.push_back(std::move(f));
        return plan_.probes.size() - 1;
    }
    Reading probed(std::u16string name, const std::u16string& f);
    std::optional<Reading> reading(const Effective& e, std::u16string name,
                                   const std::function<std::u16string(const std::u16string&)>& tmpl);
    void takeInputProblems() {
        plan_.problems.insert(plan_.problems.end(), res_.problems().begin(), res_.problems().end());
    }

    const Workbook& wb_;
    Resolver res_;
    Formulas formulas_;
    CheckPlan plan_;
    std::optional<ExistingAppendix> ex_;
    std::optional<std::size_t> l1ScoreCol_, l2ScoreCol_;
    std::optional<IndicatorSystem> ruleSys_;
    std::vector<std::pair<std::u16string, std::size_t>> rates_;  // rate expression -> probe, of the item
    // level groups for the printed 一级/二级 cells (merged: the value sits in the group's first row)
    std::map<std::u16string, std::size_t> level1_, level2_;  // level name (一级 \1 二级) -> first row
};

CheckPlan Planner::run(const IndicatorSystem* given) {
    if (const Sheet* old = wb_.find(u"核对底稿")) plan_.replaceSheets.push_back(old->name);
    plan_.resultSheet = u"核对结果";
    if (const Sheet* old = wb_.find(plan_.resultSheet)) plan_.replaceSheets.push_back(old->name);
    if (!findAppendix()) return plan_;
    std::optional<IndicatorSystem> sys = systems(given);
    if (!sys) return plan_;

    std::vector<Effective> eff = effectiveWeights(*sys, res_);
    plan_.dataNotes = dataConsistency(wb_);
    std::map<std::u16string, std::size_t> rowOf = indicatorRows(*ex_, eff, plan_.problems);
    readTotal();
    if (!plan_.problems.empty()) {
        takeInputProblems();
        return plan_;
    }
    for (const Effective& e : eff) {
        std::optional<CheckItem> it = item(e, rowOf.at(normalizeLabel(e.ind->name)));
        if (!it) continue;
        const Indicator& ind = *e.ind;
        for (auto [groups, key] : {std::pair{&level1_, ind.level1}, std::pair{&level2_, ind.level1 + u"\u0001" + ind.level2}}) {
            auto [at, fresh] = groups->try_emplace(key, it->row);
            if (!fresh) at->second = std::min(at->second, it->row);
        }
        plan_.items.push_back(std::move(*it));
    }
    takeInputProblems();
    if (!plan_.problems.empty()) {
        plan_.items.clear();
        plan_.probes.clear();
        return plan_;
    }
    if (const SheetPlan* w = res_.workings()) plan_.workings.push_back(*w);
    levelCells();
    summarySheet();
    return plan_;
}

bool Planner::findAppendix() {
    ex_ = findExistingAppendix(wb_);
    if (!ex_) {
        plan_.problems.push_back(msg("check.noAppendix", "缺少 已填写的附件1：没有表头含「三级指标」「评分」「专家意见」的工作表",
                                     "Missing the filled 附件1: no sheet has a header with \"三级指标\", \"评分\" and "
                                     "\"专家意见\""));
        return false;
    }
    const Sheet& a = *ex_->sheet;
    plan_.appendixSheet = a.name;
    plan_.nameCol = ex_->nameCol;
    plan_.scoreCol = ex_->scoreCol;
    plan_.expertCol = ex_->expertCol;
    for (std::size_t r = 0; r < ex_->firstRow; ++r)
        for (std::size_t c = 0; c < a.cols; ++c) {
            const Cell& h = a.at(r, c);
            if (h.kind != Cell::Kind::Text) continue;
            std::u16string t = normalizeLabel(h.text);
            if (t == u"得分率") plan_.rateCol = c;
            if (t == u"评分依据") plan_.basisCol = c;
            if (t == u"二级得分") l2ScoreCol_ = c;
            if (t == u"一级得分") l1ScoreCol_ = c;
            if ((t == u"权重(%)" || t == u"权重" || t == u"分值") && c == ex_->nameCol + 1) plan_.weightCol = c;
        }
    return true;
}

void Planner::readTotal() {
    const Sheet& a = *ex_->sheet;
    for (std::size_t r = ex_->firstRow; r < a.rows; ++r) {
        for (std::size_t c = 0; c < ex_->scoreCol; ++c) {
            const Cell& t = a.at(r, c);
            if (t.kind == Cell::Kind::Text && (normalizeLabel(t.text) == u"合计" || normalizeLabel(t.text) == u"总计")) {
                if (auto v = printedNumber(a.at(r, ex_->scoreCol)))
                    plan_.total = PrintedCell{u"合计", *v, a.name, r, ex_->scoreCol};
            }
        }
    }
}

std::optional<IndicatorSystem> Planner::systems(const IndicatorSystem* given) {
    bool usedDefault = false;
    std::optional<IndicatorSystem> sys = given ? *given : loadIndicatorSystem(wb_, plan_.problems, &usedDefault);
    Problems ignored;
    if (!usedDefault) ruleSys_ = readIndicatorSystem(defaultIndicatorSheet(), ignored);
    return sys;
}

// A reading's score probe, and a probe of the rate behind it when the rule has one: the `rate`
// argument of its scoring function, or else a rate already probed whose expression it contains (a
// banded or hand-written reading of the same rate).
Reading Planner::probed(std::u16string name, const std::u16string& f) {
    Reading rd{std::move(name), probe(f), std::nullopt};
    std::u16string r = rateExpression(f);
    for (const auto& [expr, p] : rates_)
        if (!rd.rateProbe && (r.empty() ? f.find(expr) != std::u16string::npos : r == expr)) rd.rateProbe = p;
    if (!rd.rateProbe && !r.empty()) {
        rd.rateProbe = probe(u"=" + r);
        rates_.push_back({r, *rd.rateProbe});
    }
    return rd;
}

// A reading's probes, or nullopt when its inputs are not in the workbook.
std::optional<Reading> Planner::reading(const Effective& e, std::u16string name,
                                        const std::function<std::u16string(const std::u16string&)>& tmpl) {
    std::optional<std::u16string> f = attempt(res_, [&] { return formulas_.score(e, tmpl); });
    if (!f) return std::nullopt;
    return probed(std::move(name), *f);
}

std::optional<CheckItem> Planner::item(const Effective& e, std::size_t row) {
    rates_.clear();
    CheckItem it;
    it.row = row;
    printed(it, e);
    // The workbook's own reading must be computable: what it lacks is reported (nothing is written).
    std::size_t misses = res_.misses();
    std::u16string mainFormula = formulas_.score(e);
    if (res_.misses() > misses) return std::nullopt;
    it.main = probed(u"本表指标体系", mainFormula);
    if (e.applicable) {
        readings(it, e);
        judgments(it, e);
        targetRatios(it, e);
    }
    opinion(it, e);
    return it;
}

void Planner::printed(CheckItem& it, const Effective& e) const {
    const Sheet& a = *ex_->sheet;
    const Indicator& ind = *e.ind;
    it.name = ind.name;
    it.printed = printedNumber(a.at(it.row, ex_->scoreCol));
    if (plan_.weightCol) it.printedWeight = printedNumber(a.at(it.row, *plan_.weightCol));
    if (plan_.rateCol) it.printedRate = printedNumber(a.at(it.row, *plan_.rateCol));
    it.weight = e.weight;
    it.applicable = e.applicable;
    it.level1 = ind.level1;
    it.level2 = ind.level2;
    const Cell& text = a.at(it.row, ex_->expertCol);
    if (text.kind == Cell::Kind::Text) it.printedText = text.text;
    if (plan_.basisCol && a.at(it.row, *plan_.basisCol).kind == Cell::Kind::Text)
        it.printedBasis = a.at(it.row, *plan_.basisCol).text;
}

// The printed rule (when the workbook's system departs from it) and the readings both systems name
// (其他口径).
void Planner::readings(CheckItem& it, const Effective& e) {
    const Indicator& ind = *e.ind;
    const Indicator* ruleInd = ruleSys_ ? ruleSys_->find(ind.name) : nullptr;
    Effective ruleEff{ruleInd ? ruleInd : &ind, e.weight, e.applicable};
    auto sameTemplates = [&](const Indicator& x, const Indicator& y) {
        if (x.formula != y.formula || x.subs.size() != y.subs.size()) return false;
        for (std::size_t i = 0; i < x.subs.size(); ++i)
            if (x.subs[i].formula != y.subs[i].formula) return false;
        return true;
    };
    if (ruleInd && !sameTemplates(*ruleInd, ind)) it.rule = reading(ruleEff, u"评分标准原文", nullptr);
    std::set<std::u16string> named;
    for (const Effective* src : {&e, ruleInd ? &ruleEff : static_cast<const Effective*>(nullptr)}) {
        if (!src) continue;
        const Indicator& si = *src->ind;
        auto add = [&](const std::u16string& name, const std::u16string& from, const std::u16string& to) {
            if (!named.insert(name).second) return;
            auto tmpl = [&](const std::u16string& t) { return t == from ? to : t; };
            if (auto rd = reading(*src, name, tmpl)) it.readings.push_back(*rd);
        };
        if (si.subs.empty())
            for (const NamedReading& nr : si.readings) add(nr.name, si.formula, nr.formula);
        for (const SubCriterion& sc : si.subs)
            for (const NamedReading& nr : sc.readings) add(sc.name + u"：" + nr.name, sc.formula, nr.formula);
    }
}

// The evaluator's judgments behind the score: the basic-information labels its templates read
// (判定 below 1, 等级 below the top, 免于超额扣减), 人工计分比例 overrides, and what the system states.
void Planner::judgments(CheckItem& it, const Effective& e) {
    const Indicator& ind = *e.ind;
    std::vector<std::u16string> templates{ind.formula};
    for (const SubCriterion& sc : ind.subs) templates.push_back(sc.formula);
    std::vector<std::u16string> names{ind.name};
    for (const SubCriterion& sc : ind.subs) names.push_back(sc.name);
    std::set<std::u16string> seenLabels;
    auto noteOf = [&](const std::u16string& label) { return res_.labelNote(label); };
    for (const std::u16string& t : templates) {
        for (const std::u16string& label : labelsIn(t)) {
            if (!seenLabels.insert(label).second) continue;
            const Cell* v = res_.labelValue(label);
            if (!v) continue;
            std::u16string unit = normalizeLabel(res_.labelUnit(label));
            if (unit == u"判定") {
                double m = num(*v);
                if (!(m >= 1)) it.judgments.push_back({label + u" 判定 " + fmt2(m), noteOf(label)});
            } else if (unit == u"等级") {
                double f = 1;
                try { f = v->kind == Cell::Kind::Text ? levelFraction(v->text) : 1; } catch (const RuleError&) { f = 0; }
                if (f < 1) it.judgments.push_back({label + u" 等级 " + (v->kind == Cell::Kind::Text ? v->text : u""), noteOf(label)});
            } else if (label.size() > 6 && label.compare(label.size() - 6, 6, u"免于超额扣减") == 0) {
                it.judgments.push_back({isYes(*v) ? label.substr(0, label.size() - 7) + u"：免于超额核减"
                                                  : label.substr(0, label.size() - 7) + u"：按超额倍数核减",
                                        noteOf(label)});
            }
        }
    }
    for (const std::u16string& n : names) {
        std::u16string label = n + u"-人工计分比例";
        const Cell* v = res_.labelValue(label);
        if (v && !v->empty()) it.judgments.push_back({n + u"：人工计分比例 " + fmt2(num(*v) * 100) + u"%", noteOf(label)});
    }
    // judgments the system states with its rows (a 绩效目标表's ratios, grades, waived or applied cuts)
    for (const StatedJudgment& j : ind.stated) it.judgments.push_back({j.what, j.reason});
    for (const SubCriterion& sc : ind.subs)
        for (const StatedJudgment& j : sc.stated) it.judgments.push_back({j.what, j.reason});
}

// actual ÷ target of each target the workbook's rule scores: the row's ratio template, or else the
// `actual` and `target` arguments of the catalogue function that scores it.
void Planner::targetRatios(CheckItem& it, const Effective& e) {
    const Indicator& ind = *e.ind;
    struct Source {
        const std::u16string &name, &formula, &ratio;
    };
    std::vector<Source> sources;
    if (ind.subs.empty()) sources.push_back({ind.name, ind.formula, ind.ratioFormula});
    for (const SubCriterion& sc : ind.subs) sources.push_back({sc.name, sc.formula, sc.ratioFormula});
    Message where = msg("where.name", "「{1}」", "the indicator \"{1}\"", ind.name);
    for (const Source& src : sources) {
        std::u16string ratio = src.ratio;
        for (const Call& c : catalogueCalls(src.formula)) {
            auto actual = c.arg("actual"), target = c.arg("target");
            if (ratio.empty() && actual && target) ratio = u"(" + *actual + u")/(" + *target + u")";
        }
        if (ratio.empty()) continue;
        if (auto f = attempt(res_, [&] { return res_.formula(ratio, e.weight, where); }))
            it.targetRatios.push_back({src.name, probe(u"=" + *f)});
    }
}

// The opinion the fill writes, as a whole (a formula that gives an error is reported), and the
// figures it quotes: 【=expr|fmt】 and 【label】 / 【label|fmt】 after some words.
void Planner::opinion(CheckItem& it, const Effective& e) {
    if (auto opinion = attempt(res_, [&] { return formulas_.expert(e); }))
        it.opinionProbe = probe(u"=LEN(" + opinion->substr(1) + u")");

    std::u16string tmpl = formulas_.expertTemplate(e);
    std::size_t i = 0;
    while ((i = tmpl.find(u'【', i)) != std::u16string::npos) {
        std::size_t j = pastClosingBracket(tmpl, i);
        if (j == std::u16string::npos) break;
        std::u16string inner = tmpl.substr(i + 1, j - i - 2);
        std::u16string before = tmpl.substr(0, i);
        std::size_t cut = before.find_last_of(u"】\n");
        std::u16string anchor = cut == std::u16string::npos ? before : before.substr(cut + 1);
        if (anchor.size() > 6) anchor = anchor.substr(anchor.size() - 6);
        auto parts = splitTop(inner, u'|');
        std::u16string format = parts.size() > 1 ? std::u16string(trim(parts.back())) : u"";
        bool isNote = parts.size() > 1 && trim(parts[1]) == u"说明";
        if (!isNote && anchor.size() >= 2 && inner != u"分值") {
            std::u16string exprT = u"【" + parts[0] + u"】";
            if (inner[0] == u'=') {
                exprT = parts[0].substr(1);
                for (std::size_t k = 1; k + 1 < parts.size(); ++k) exprT += u"|" + parts[k];
            } else if (format.empty()) {
                format = formatForUnit(res_.labelUnit(parts[0]));
            }
            Message where = msg("where.opinionFigure", "「{1}」专家意见中的数字",
                                "a figure in the expert opinion (专家意见) of \"{1}\"", e.ind->name);
            auto f = attempt(res_, [&] { return res_.formula(exprT, e.weight, where); });
            if (f && format != u"General" && !format.empty()) it.figures.push_back({anchor, format, probe(u"=" + *f)});
        }
        i = j;
    }
}

// 附件1's own subtotal columns and 评价等级 row, and the printed 一级/二级 weights (the number in the
// group's first row, in the columns left of the name).
void Planner::levelCells() {
    const Sheet& a = *ex_->sheet;
    auto levelName = [](const std::u16string& key) { return key.substr(key.find(u'\u0001') + 1); };
    auto collect = [&](const std::map<std::u16string, std::size_t>& groups, std::optional<std::size_t> col, bool second,
                       std::vector<PrintedCell>& into) {
        if (!col) return;
        for (auto& [key, g] : groups)
            if (auto v = printedNumber(a.at(g, *col))) into.push_back({second ? levelName(key) : key, *v, a.name, g, *col});
    };
    collect(level1_, l1ScoreCol_, false, plan_.appendixSubtotals);
    collect(level2_, l2ScoreCol_, true, plan_.appendixSubtotals);
    for (std::size_t r = ex_->firstRow; r < a.rows; ++r) {
        const Cell& l = a.at(r, 0);
        if (l.kind == Cell::Kind::Text && (normalizeLabel(l.text) == u"评价等级" || normalizeLabel(l.text) == u"等级")) {
            const Cell& g = a.at(r, ex_->scoreCol);
            if (g.kind == Cell::Kind::Text) plan_.appendixGrade = PrintedCell{g.text, 0, a.name, r, ex_->scoreCol};
        }
    }
    if (plan_.weightCol && ex_->nameCol >= 4) {
        collect(level1_, ex_->nameCol - 3, false, plan_.levelWeights);
        collect(level2_, ex_->nameCol - 1, true, plan_.levelWeights);
    }
}

// A summary like 表3-1: a sheet with 评价内容 / 实际得分 (and 得分率), and its 评价等级.
void Planner::summarySheet() {
    for (const Sheet& s : wb_.sheets) {
        if (&s == ex_->sheet) continue;
        for (std::size_t r = 0; r < std::min<std::size_t>(s.rows, 40); ++r) {
            std::optional<std::size_t> scoreC, rateC;
            for (std::size_t c = 0; c < s.cols; ++c) {
                const Cell& h = s.at(r, c);
                if (h.kind != Cell::Kind::Text) continue;
                std::u16string t = normalizeLabel(h.text);
                if (t == u"实际得分") scoreC = c;
                if (t == u"得分率") rateC = c;
            }
            if (!scoreC) continue;
            for (std::size_t rr = r + 1; rr < s.rows; ++rr) {
                const Cell& l = s.at(rr, 0);
                if (l.kind != Cell::Kind::Text) continue;
                std::u16string label = normalizeLabel(l.text);
                if (label == u"评价等级" || label == u"等级") {
                    for (std::size_t c = 1; c < s.cols; ++c)
                        if (s.at(rr, c).kind == Cell::Kind::Text) {
                            plan_.grade = PrintedCell{s.at(rr, c).text, 0, s.name, rr, c};
                            break;
                        }
                    continue;
                }
                if (auto v = printedNumber(s.at(rr, *scoreC))) plan_.summaryScores.push_back({label, *v, s.name, rr, *scoreC});
                if (rateC)
                    if (auto v = printedNumber(s.at(rr, *rateC))) plan_.summaryRates.push_back({label, *v, s.name, rr, *rateC});
            }
            break;
        }
    }
}

}  // namespace

CheckPlan planCheck(const Workbook& wb) { return Planner(wb).run(nullptr); }

CheckPlan planCheck(const Workbook& wb, const IndicatorSystem& system) { return Planner(wb).run(&system); }

namespace {

bool same2(double a, double b) { return std::fabs(roundHalfUp(a, 2) - roundHalfUp(b, 2)) < 0.005; }

// Rates as printed: to 0.01% (four decimals of the fraction), rounded half up.
bool samePercent(double printed, double want) {
    return std::fabs(roundHalfUp(printed, 4) - roundHalfUp(want, 4)) < 0.00005;
}

std::u16string pct(double x) { return fromUtf8(numberText(roundHalfUp(x * 100, 2), 10)) + u"%"; }

struct Quoted {
    double value;   // a percent as a fraction
    bool percent;
    std::size_t end;  // where the number ends in the text
};

// Every percentage in a text ("91.38%", "８９．７７％"), with its number of decimals.
struct Percent {
    double value;  // as a fraction
    int decimals;
    std::size_t end;
    bool target = false;  // written as a 指标值 (≥95%, 不低于90%, 95%以上): a goal, not a computed figure
};

// Whether the number that starts at `begin` and whose % sign is at `pct` is stated as a target: after
// a comparison sign or 不低于 / 不超过 …, or before 以上 / 以内 / 以下. (达到 and 高于 are also prose
// verbs — "执行率达到49.73%" quotes a figure — so they do not count.)
bool statedAsTarget(std::u16string_view text, std::size_t begin, std::size_t pct) {
    std::size_t b = begin;
    while (b > 0 && (text[b - 1] == u' ' || text[b - 1] == u'\u3000')) --b;
    std::u16string_view before = text.substr(0, b);
    static const std::u16string_view signs = u"≥≤><＞＜≧≦=＝";
    if (!before.empty() && signs.find(before.back()) != std::u16string_view::npos) return true;
    for (std::u16string_view w : {u"不低于", u"不少于", u"不高于", u"不超过", u"不大于", u"不小于"})
        if (before.size() >= w.size() && before.substr(before.size() - w.size()) == w) return true;
    std::u16string_view after = text.substr(pct + 1);
    for (std::u16string_view w : {u"以上", u"以内", u"以下"})
        if (after.substr(0, w.size()) == w) return true;
    return false;
}

std::vector<Percent> percentsIn(std::u16string_view text) {
    std::vector<Percent> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != u'%' && text[i] != u'％') continue;
        std::size_t j = i;
        while (j > 0 && ((text[j - 1] >= u'0' && text[j - 1] <= u'9') || text[j - 1] == u'.')) --j;
        if (j == i) continue;
        std::u16string_view digits = text.substr(j, i - j);
        auto v = parseNumber(digits);
        if (!v) continue;
        std::size_t dot = digits.find(u'.');
        int dec = dot == std::u16string_view::npos ? 0 : static_cast<int>(digits.size() - dot - 1);
        out.push_back({*v / 100, dec, i, statedAsTarget(text, j, i)});
    }
    return out;
}

// Where `anchor` ends in the text from `from`, or npos.
std::size_t anchorEnd(std::u16string_view text, std::u16string_view anchor, std::size_t from) {
    std::size_t p = text.find(anchor, from);
    return p == std::u16string_view::npos ? p : p + anchor.size();
}

// The number written right after `anchor` in a text, searching from `from`, or nullopt.
std::optional<Quoted> numberAfter(std::u16string_view text, std::u16string_view anchor, std::size_t from) {
    std::size_t p = text.find(anchor, from);
    if (p == std::u16string_view::npos) return std::nullopt;
    std::size_t i = p + anchor.size();
    while (i < text.size() && (text[i] == u' ' || text[i] == u'\u3000')) ++i;
    std::size_t j = i;
    while (j < text.size() && ((text[j] >= u'0' && text[j] <= u'9') || text[j] == u'.' || text[j] == u',' ||
                               text[j] == u'-' || (j == i && text[j] == u'+')))
        ++j;
    if (j == i) return std::nullopt;
    bool percent = j < text.size() && (text[j] == u'%' || text[j] == u'％');
    auto v = parseNumber(text.substr(i, j - i));
    if (!v) return std::nullopt;
    return Quoted{percent ? *v / 100 : *v, percent, j};
}

int decimalsOf(std::u16string_view format) {
    std::size_t dot = format.find(u'.');
    if (dot == std::u16string_view::npos) return 0;
    int d = 0;
    for (std::size_t i = dot + 1; i < format.size() && (format[i] == u'0' || format[i] == u'#'); ++i) ++d;
    return d;
}

}  // namespace

namespace {

// The findings of a check, from the probes' values: each item's score, opinion and weight, then the
// data notes and the sheet's arithmetic.
class Judge {
public:
    Judge(const CheckPlan& plan, const std::vector<double>& values) : plan_(plan), values_(values) {
        for (const CheckItem& it : plan_.items) recomputed_[it.name] = val(it.main.scoreProbe);
    }

    std::vector<Finding> run() {
        for (const CheckItem& it : plan_.items) {
            sumPrinted_ += it.printed.value_or(0);
            sumWeights_ += it.printedWeight.value_or(it.weight);
            const Reading* matched = score(it);
            opinionFormula(it);
            weightAndRate(it);
            std::set<std::size_t> compared = opinionFigures(it, matched);
            otherPercentages(it, matched, compared);
        }
        dataNotes();
        totals();
        levels();
        grades();
        return std::move(out_);
    }

private:
    double val(std::size_t probe) const { return probe < values_.size() ? values_[probe] : std::nan(""); }
    PrintedCell cellOf(const CheckItem& it, std::size_t col) const {
        return PrintedCell{it.name, 0, plan_.appendixSheet, it.row, col};
    }
    std::u16string rateText(const Reading& r) const {
        if (!r.rateProbe || std::isnan(val(*r.rateProbe))) return u"";
        return u"（比率" + pct(val(*r.rateProbe)) + u"）";
    }
    // The over-achieved targets (ratio above 1.5) of an item scored below the rule, as text; empty if none.
    std::u16string overAchieved(const CheckItem& it, double printed, double m) const;
    // ---- one item ----
    const Reading* score(const CheckItem& it);  // the score's finding; returns the other reading it follows
    void scoreAsRecomputed(const CheckItem& it, Finding& f, const std::u16string& judgmentText) const;
    const Reading* scoreOtherwise(const CheckItem& it, Finding& f, const std::u16string& judgmentText) const;
    void opinionFormula(const CheckItem& it);
    void weightAndRate(const CheckItem& it);
    std::set<std::size_t> opinionFigures(const CheckItem& it, const Reading* matched);
    void otherPercentages(const CheckItem& it, const Reading* matched, const std::set<std::size_t>& compared);
    // ---- the data and the sheet's arithmetic ----
    void dataNotes();
    void totals();
    void levels();
    void grades();
    double groupSum(const std::u16string& level, bool weights) const;

    const CheckPlan& plan_;
    const std::vector<double>& values_;
    std::vector<Finding> out_;
    std::map<std::u16string, double> recomputed_;
    double sumPrinted_ = 0, sumWeights_ = 0;
};

std::u16string Judge::overAchieved(const CheckItem& it, double printed, double m) const {
    if (!(printed < m)) return {};
    std::u16string list;
    for (const auto& [name, probe] : it.targetRatios) {
        double x = val(probe);
        if (x > 1.5) list += (list.empty() ? u"「" : u"、「") + name + u"」为目标值的" + fmt2(x) + u"倍";
    }
    return list;
}

const Reading* Judge::score(const CheckItem& it) {
    Finding f;
    f.subject = it.name;
    f.printed = it.printed;
    double m = val(it.main.scoreProbe);
    if (!std::isnan(m)) f.recomputed = m;
    f.probe = it.main.scoreProbe;
    std::u16string judgmentText;
    for (const Judgment& j : it.judgments)
        judgmentText += (judgmentText.empty() ? u"" : u"；") + j.what + (j.reason.empty() ? u"" : u"，理由：" + j.reason);

    const Reading* matched = nullptr;
    if (!it.printed) {
        f.verdict = Verdict::Differ;
        f.explanation = u"评分栏没有数字，按数据计算应为" + fmt2(m) + u"分。";
        f.mark = cellOf(it, plan_.scoreCol);
    } else if (std::isnan(m)) {
        f.verdict = Verdict::Judgment;
        f.explanation = u"无法按数据重算（公式出错），请人工核对。";
    } else if (same2(*it.printed, m)) {
        scoreAsRecomputed(it, f, judgmentText);
    } else {
        matched = scoreOtherwise(it, f, judgmentText);
    }
    out_.push_back(f);
    return matched;
}

// The printed score is the recomputed one: 一致, or 口径不同 when the printed rule gives another, or
// 需人工判断 when it rests on the evaluator's judgments.
void Judge::scoreAsRecomputed(const CheckItem& it, Finding& f, const std::u16string& judgmentText) const {
    double m = *f.recomputed;
    if (it.rule && !std::isnan(val(it.rule->scoreProbe)) && !same2(val(it.rule->scoreProbe), m) && it.judgments.empty()) {
        f.verdict = Verdict::Reading;
        f.explanation = u"所印" + fmt2(*it.printed) + u"分与本表指标体系的口径一致" + rateText(it.main) +
                        u"；按评分标准原文计算为" + fmt2(val(it.rule->scoreProbe)) + u"分" + rateText(*it.rule) + u"。";
        f.mark = cellOf(it, plan_.scoreCol);
    } else if (!it.judgments.empty()) {
        f.verdict = Verdict::Judgment;
        f.explanation = u"得分与重算一致，含评价人酌情判断：" + judgmentText + u"。";
    } else {
        f.verdict = Verdict::Agree;
        f.explanation = u"与按数据重算的" + fmt2(m) + u"分一致。";
    }
}

// The printed score is not the recomputed one: another reading's (口径不同), a contradiction of the
// recorded judgments (不一致), a likely cut on an over-achieved target (需人工判断), or an error —
// perhaps two scores swapped. Returns the reading it follows, if any.
const Reading* Judge::scoreOtherwise(const CheckItem& it, Finding& f, const std::u16string& judgmentText) const {
    double m = *f.recomputed;
    f.mark = cellOf(it, plan_.scoreCol);
    const Reading* match = nullptr;
    if (it.rule && same2(val(it.rule->scoreProbe), *it.printed)) match = &*it.rule;
    for (const Reading& r : it.readings)
        if (!match && same2(val(r.scoreProbe), *it.printed)) match = &r;
    if (match) {
        f.verdict = Verdict::Reading;
        f.explanation = u"所印" + fmt2(*it.printed) + u"分与「" + match->name + u"」口径一致" + rateText(*match) +
                        u"；按本表指标体系为" + fmt2(m) + u"分" + rateText(it.main) +
                        (it.rule && match != &*it.rule
                             ? u"，按评分标准原文为" + fmt2(val(it.rule->scoreProbe)) + u"分" + rateText(*it.rule)
                             : u"") +
                        u"。" + (judgmentText.empty() ? u"" : u"评价人判断：" + judgmentText + u"。");
    } else if (!it.judgments.empty()) {
        // the evaluator's recorded judgment is data: a score no reading gives contradicts it
        f.verdict = Verdict::Differ;
        f.explanation = u"所印" + fmt2(*it.printed) + u"分，按记录的评价人判断（" + judgmentText + u"）计算为" + fmt2(m) +
                        u"分，相差" + fmt2(*it.printed - m) + u"分，与记录不符。";
    } else if (std::u16string over = overAchieved(it, *it.printed, m); !over.empty()) {
        f.verdict = Verdict::Judgment;
        f.explanation = u"所印" + fmt2(*it.printed) + u"分，低于按评分标准计算的" + fmt2(m) + u"分；实际值" + over +
                        u"，可能因目标值设置偏低按超额倍数核减，请人工判断。";
    } else {
        f.verdict = Verdict::Differ;
        std::u16string swapped;
        for (const CheckItem& other : plan_.items)
            if (&other != &it && other.printed && same2(*it.printed, recomputed_.at(other.name)) && same2(*other.printed, m))
                swapped = other.name;
        double d = *it.printed - m;
        f.explanation = u"所印" + fmt2(*it.printed) + u"分，按数据重算为" + fmt2(m) + u"分，相差" + fmt2(d) + u"分" +
                        (swapped.empty() ? u"，疑为计算错误。" : u"，与「" + swapped + u"」的得分疑似对调。");
    }
    return match;
}

// The opinion the fill writes, recomputed: an error there leaves its figures unchecked.
void Judge::opinionFormula(const CheckItem& it) {
    if (!it.opinionProbe || !std::isnan(val(*it.opinionProbe))) return;
    out_.push_back({it.name + u"（专家意见公式）", Verdict::Judgment, std::nullopt, std::nullopt,
                    u"按指标体系的专家意见模板重算工作表「" + plan_.appendixSheet + u"」" + localRef(it.row, plan_.expertCol) +
                        u"单元格的专家意见时公式出错（见工作表「" + plan_.resultSheet + u"」" +
                        localRef(2 + *it.opinionProbe, kProbeColumn) +
                        u"），其中的数字无法核对；请检查该指标的专家意见模板及其引用的数据。",
                    cellOf(it, plan_.expertCol), it.opinionProbe});
}

// The printed weight against the system's, a score above its weight, 得分率 = score ÷ weight.
void Judge::weightAndRate(const CheckItem& it) {
    double weight = it.printedWeight.value_or(it.weight);
    if (it.printedWeight && !same2(*it.printedWeight, it.weight))
        out_.push_back({it.name + u"（权重）", Verdict::Differ, it.printedWeight, it.weight,
                        u"权重印为" + fmt2(*it.printedWeight) + u"，指标体系为" + fmt2(it.weight) + u"。",
                        cellOf(it, *plan_.weightCol)});
    if (it.printed && *it.printed > weight + 0.005)
        out_.push_back({it.name + u"（超过权重）", Verdict::Differ, it.printed, weight,
                        u"得分" + fmt2(*it.printed) + u"高于权重" + fmt2(weight) + u"。", cellOf(it, plan_.scoreCol)});
    if (it.printedRate && it.printed && weight > 0) {
        double want = *it.printed / weight;
        if (!samePercent(*it.printedRate, want))
            out_.push_back({it.name + u"（得分率）", Verdict::Differ, it.printedRate, want,
                            u"得分率印为" + pct(*it.printedRate) + u"，得分÷权重为" + pct(want) + u"。",
                            cellOf(it, *plan_.rateCol)});
    }
}

// Figures quoted in the opinion, found in order after their words (the same words may come back).
// Returns the text positions judged through their words.
std::set<std::size_t> Judge::opinionFigures(const CheckItem& it, const Reading* matched) {
    std::size_t cursor = 0;
    std::set<std::size_t> compared;
    for (const Figure& fig : it.figures) {
        std::size_t at = anchorEnd(it.printedText, fig.anchor, cursor);
        if (at == std::u16string::npos) continue;  // the words are not there: nothing to compare
        auto printed = numberAfter(it.printedText, fig.anchor, cursor);
        // this figure's place is used up, whether or not it can be compared
        cursor = printed && printed->end > at ? printed->end : at;
        double want = val(fig.probe);
        if (!printed) continue;
        compared.insert(printed->end);  // judged through its words (or not at all, without a value)
        if (std::isnan(want)) continue;
        bool percent = fig.format.find(u'%') != std::u16string::npos;
        if (percent != printed->percent) continue;  // not the same kind of figure
        int dec = decimalsOf(fig.format);
        double a = percent ? printed->value * 100 : printed->value;
        double b = percent ? want * 100 : want;
        if (std::fabs(roundHalfUp(a, dec) - roundHalfUp(b, dec)) <= 0.5 * std::pow(10.0, -dec)) continue;
        std::u16string shown = percent ? pct(want) : fromUtf8(numberText(roundHalfUp(want, dec), 12));
        std::u16string quoted = percent ? pct(printed->value) : fromUtf8(numberText(printed->value, 12));
        if (matched) {
            // the opinion follows the reading the score follows: its rate confirms it
            double readingRate = matched->rateProbe ? val(*matched->rateProbe) : std::nan("");
            if (percent && !std::isnan(readingRate) && samePercent(printed->value, readingRate)) continue;
            out_.push_back({it.name + u"（专家意见）", Verdict::Reading, printed->value, want,
                            u"专家意见写「" + fig.anchor + quoted + u"」，随所印得分的「" + matched->name + u"」口径；按本表指标体系为" +
                                shown + u"。",
                            cellOf(it, plan_.expertCol)});
            continue;
        }
        out_.push_back({it.name + u"（专家意见）", Verdict::Differ, printed->value, want,
                        u"专家意见写「" + fig.anchor + quoted + u"」，按数据计算为" + shown + u"。", cellOf(it, plan_.expertCol)});
    }
    return compared;
}

// Percentages written in other words: one that no recomputed figure gives at its printed precision,
// but close to one (within 10%), is a likely slip.
void Judge::otherPercentages(const CheckItem& it, const Reading* matched, const std::set<std::size_t>& compared) {
    std::vector<double> rates;
    for (const Figure& fig : it.figures)
        if (fig.format.find(u'%') != std::u16string::npos && !std::isnan(val(fig.probe))) rates.push_back(val(fig.probe));
    if (rates.empty()) return;
    std::vector<std::pair<Percent, bool>> quoted;  // (percentage, in 评分依据)
    for (const Percent& q : percentsIn(it.printedText))
        if (!compared.count(q.end)) quoted.push_back({q, false});
    for (const Percent& q : percentsIn(it.printedBasis)) quoted.push_back({q, true});
    for (const auto& [q, inBasis] : quoted) {
        if (q.target) continue;  // a 指标值 quoted, not a rate worked out
        int dec = q.decimals;
        bool exact = false;
        const double* near = nullptr;
        for (const double& r : rates) {
            if (std::fabs(roundHalfUp(r * 100, dec) - roundHalfUp(q.value * 100, dec)) < 0.5 * std::pow(10.0, -dec))
                exact = true;
            else if (std::fabs(r - q.value) <= 0.1 * std::fabs(r) && (!near || std::fabs(r - q.value) < std::fabs(*near - q.value)))
                near = &r;
        }
        if (exact || !near) continue;
        std::u16string where = inBasis ? u"评分依据" : u"专家意见";
        out_.push_back({it.name + u"（" + where + u"）", matched ? Verdict::Reading : Verdict::Differ, q.value, *near,
                        where + u"写「" + pct(q.value) + u"」，按数据计算的相应比率为" + pct(*near) + u"。",
                        cellOf(it, inBasis ? *plan_.basisCol : plan_.expertCol)});
    }
}

// The department's data disagreeing with itself: the scores rest on it.
void Judge::dataNotes() {
    // 核对结果 is a sheet of the (Chinese) report, like 附件1: its findings are written in Chinese
    for (const Message& d : plan_.dataNotes)
        out_.push_back({u"数据一致性", Verdict::Judgment, std::nullopt, std::nullopt, fromUtf8(d.text(Lang::Zh)) + u"，请核实基础数据。",
                        std::nullopt});
}

// 合计 = Σ scores; the weights add up to 100.
void Judge::totals() {
    if (plan_.total && !same2(plan_.total->value, sumPrinted_))
        out_.push_back({u"合计", Verdict::Differ, plan_.total->value, sumPrinted_,
                        u"合计印为" + fmt2(plan_.total->value) + u"，各项得分之和为" + fmt2(sumPrinted_) + u"。", *plan_.total});
    if (!same2(sumWeights_, 100))
        out_.push_back({u"权重合计", Verdict::Differ, sumWeights_, 100.0,
                        u"各三级指标权重之和为" + fmt2(sumWeights_) + u"，不等于100。", std::nullopt});
}

double Judge::groupSum(const std::u16string& level, bool weights) const {
    double s = 0;
    for (const CheckItem& it : plan_.items)
        if (normalizeLabel(it.level1) == normalizeLabel(level) || normalizeLabel(it.level2) == normalizeLabel(level))
            s += weights ? it.printedWeight.value_or(it.weight) : it.printed.value_or(0);
    return s;
}

// The 一级/二级 weights, the summary's subtotals and 得分率, and 附件1's own subtotals.
void Judge::levels() {
    for (const PrintedCell& w : plan_.levelWeights) {
        double s = groupSum(w.label, true);
        if (!same2(s, w.value))
            out_.push_back({w.label + u"（权重）", Verdict::Differ, w.value, s,
                            u"权重印为" + fmt2(w.value) + u"，其下三级指标权重之和为" + fmt2(s) + u"。", w});
    }
    std::map<std::u16string, double> printedLevelScore;
    for (const PrintedCell& p : plan_.summaryScores) {
        double s = (p.label == u"综合评分" || p.label == u"合计" || p.label == u"总分") ? sumPrinted_ : groupSum(p.label, false);
        bool known = s != 0 || p.label == u"综合评分";
        for (const CheckItem& it : plan_.items)
            known = known || normalizeLabel(it.level1) == p.label || normalizeLabel(it.level2) == p.label;
        if (!known) continue;
        printedLevelScore[p.label] = p.value;
        if (!same2(s, p.value))
            out_.push_back({p.label + u"（小计）", Verdict::Differ, p.value, s,
                            u"小计印为" + fmt2(p.value) + u"，其下各项得分之和为" + fmt2(s) + u"。", p});
    }
    for (const PrintedCell& p : plan_.summaryRates) {
        auto sc = printedLevelScore.find(p.label);
        if (sc == printedLevelScore.end()) continue;
        double w = (p.label == u"综合评分") ? 100 : groupSum(p.label, true);
        if (w <= 0) continue;
        if (!samePercent(p.value, sc->second / w))
            out_.push_back({p.label + u"（得分率）", Verdict::Differ, p.value, sc->second / w,
                            u"得分率印为" + pct(p.value) + u"，得分÷分值为" + pct(sc->second / w) + u"。", p});
    }
    for (const PrintedCell& p : plan_.appendixSubtotals) {
        double s = groupSum(p.label, false);
        if (!same2(s, p.value))
            out_.push_back({p.label + u"（附件1小计）", Verdict::Differ, p.value, s,
                            u"附件1中小计印为" + fmt2(p.value) + u"，其下各项得分之和为" + fmt2(s) + u"。", p});
    }
}

// The grade printed (in the summary and in 附件1) against the total.
void Judge::grades() {
    for (const std::optional<PrintedCell>* g : {&plan_.grade, &plan_.appendixGrade}) {
        if (!*g) continue;
        double total = plan_.total ? plan_.total->value : sumPrinted_;
        std::u16string want;
        try { want = std::u16string(perfGrade(total)); } catch (const RuleError&) {}
        if (!want.empty() && normalizeLabel((*g)->label) != want)
            out_.push_back({g == &plan_.grade ? u"等级" : u"等级（附件1）", Verdict::Differ, std::nullopt, std::nullopt,
                            u"等级印为「" + (*g)->label + u"」，总分" + fmt2(total) + u"对应「" + want + u"」。", **g});
    }
}

}  // namespace

std::vector<Finding> judgeCheck(const CheckPlan& plan, const std::vector<double>& v) { return Judge(plan, v).run(); }

SheetPlan probeSheet(const CheckPlan& plan) {
    SheetPlan s;
    s.name = plan.resultSheet;
    for (std::size_t i = 0; i < plan.probes.size(); ++i) s.put(2 + i, kProbeColumn, OutCell::formula(plan.probes[i]));
    s.put(1, kProbeColumn, OutCell::str(u"重算（核对用）"));
    return s;
}

SheetPlan resultTable(const CheckPlan& plan, const std::vector<Finding>& findings) {
    SheetPlan s;
    s.name = plan.resultSheet;
    OutCell title = OutCell::str(u"核对结果：" + plan.appendixSheet);
    title.bold = true;
    title.height = 14;
    s.put(0, 0, title);
    const std::u16string_view head[] = {u"指标", u"所印评分", u"重算评分", u"差异", u"结论", u"说明"};
    for (std::size_t c = 0; c < 6; ++c) {
        OutCell h = OutCell::str(std::u16string(head[c]));
        h.bold = true;
        h.center = true;
        s.put(1, c, h);
    }
    std::size_t r = 2;
    for (const Finding& f : findings) {
        s.put(r, 0, OutCell::str(f.subject));
        if (f.printed) {
            OutCell p = OutCell::num(*f.printed);
            p.format = u"0.00";
            s.put(r, 1, p);
        }
        if (f.recomputed) {
            // live: the recomputation in the hidden probe column
            OutCell c = f.probe ? OutCell::formula(u"=" + localRef(2 + *f.probe, kProbeColumn)) : OutCell::num(*f.recomputed);
            c.format = u"0.00";
            s.put(r, 2, c);
        }
        if (f.printed && f.recomputed) {
            OutCell d = OutCell::formula(u"=" + localRef(r, 1) + u"-" + localRef(r, 2));
            d.format = u"0.00";
            s.put(r, 3, d);
        }
        OutCell v = OutCell::str(std::u16string(verdictText(f.verdict)));
        v.center = true;
        s.put(r, 4, v);
        OutCell e = OutCell::str(f.explanation);
        e.wrap = true;
        s.put(r, 5, e);
        ++r;
    }
    s.columnWidths = {{0, 5200}, {1, 2000}, {2, 2000}, {3, 1800}, {4, 2200}, {5, 16000}};
    s.headerRows = 2;
    return s;
}

}  // namespace jixiao
