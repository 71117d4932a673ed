#include "jixiao/checker.hpp"

#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "jixiao/internal.hpp"
#include "jixiao/rules.hpp"
#include "jixiao/values.hpp"

namespace jixiao {

using namespace internal;

namespace {

std::u16string replaceAll(std::u16string s, std::u16string_view from, std::u16string_view to) {
    if (from.empty()) return s;
    std::size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::u16string::npos) {
        s.replace(pos, from.size(), to);
        pos += to.size();
    }
    return s;
}

// The call `name(...)` in a formula, with balanced parentheses, or empty.
std::u16string callIn(std::u16string_view formula, std::u16string_view name) {
    std::size_t p = formula.find(name);
    if (p == std::u16string_view::npos) return {};
    std::size_t open = p + name.size();
    if (open >= formula.size() || formula[open] != u'(') return {};
    int depth = 0;
    for (std::size_t i = open; i < formula.size(); ++i) {
        if (formula[i] == u'(') ++depth;
        if (formula[i] == u')' && --depth == 0) return std::u16string(formula.substr(p, i - p + 1));
    }
    return {};
}

// TARGET_SCORE(a;b;c) -> TARGET_SCORE(a;b;c;"proportional") for every 3-argument call.
std::u16string proportionalTargets(std::u16string t) {
    static const std::u16string_view name = u"TARGET_SCORE(";
    std::size_t pos = 0;
    while ((pos = t.find(name, pos)) != std::u16string::npos) {
        std::size_t i = pos + name.size();
        int depth = 1;
        std::size_t commas = 0;
        for (; i < t.size() && depth > 0; ++i) {
            if (t[i] == u'(' || t[i] == u'【') ++depth;
            if (t[i] == u')' || t[i] == u'】') --depth;
            if (t[i] == u';' && depth == 1) ++commas;
        }
        std::size_t close = i - 1;
        if (commas == 2) t.insert(close, u";\"proportional\"");
        pos = close + 1;
    }
    return t;
}

struct Variant {
    std::u16string name;
    std::function<std::u16string(const std::u16string&)> apply;  // unchanged when it does not apply
};

const std::vector<Variant>& variants() {
    static const std::vector<Variant> v = {
        {u"计入年中新增项目",
         [](const std::u16string& t) {
             return t.find(u"ADJUSTMENT_RATE(") == std::u16string::npos ? t : replaceAll(t, u";FALSE();", u";TRUE();");
         }},
        {u"含人员经费和日常公用经费",
         [](const std::u16string& t) {
             if (t.find(u"ADJUSTMENT_RATE(") == std::u16string::npos) return t;
             std::u16string r = replaceAll(t, u"【项目.年初预算数】",
                                           u"【合并(项目.年初预算数;部门.人员经费.年初预算数;部门.日常公用经费.年初预算数)】");
             return replaceAll(r, u"【项目.调整金额】", u"【合并(项目.调整金额;部门.人员经费.调整金额;部门.日常公用经费.调整金额)】");
         }},
        {u"按年初预算计算执行率",
         [](const std::u16string& t) {
             return t.find(u"EXECUTION_RATE(") == std::u16string::npos
                        ? t
                        : replaceAll(t, u"【部门.合计.调整后预算数】", u"【部门.合计.年初预算数】");
         }},
        {u"目标未达按比例计分", [](const std::u16string& t) { return proportionalTargets(t); }},
    };
    return v;
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

CheckPlan planCheck(const Workbook& wb) {
    CheckPlan plan;
    FillPlan scratch;  // collects problems and the helper sheet of the resolver
    Resolver res(wb, scratch);
    res.workingsName = u"核对底稿";
    if (const Sheet* old = wb.find(u"核对底稿")) plan.replaceSheets.push_back(old->name);
    plan.resultSheet = u"核对结果";
    if (const Sheet* old = wb.find(plan.resultSheet)) plan.replaceSheets.push_back(old->name);

    std::optional<ExistingAppendix> ex = findExistingAppendix(wb);
    if (!ex) {
        plan.problems.push_back("缺少 已填写的附件1：没有表头含「三级指标」「评分」「专家意见」的工作表");
        return plan;
    }
    const Sheet& a = *ex->sheet;
    plan.appendixSheet = a.name;
    plan.nameCol = ex->nameCol;
    plan.scoreCol = ex->scoreCol;
    plan.expertCol = ex->expertCol;
    std::optional<std::size_t> l1ScoreCol, l2ScoreCol;
    for (std::size_t r = 0; r < ex->firstRow; ++r)
        for (std::size_t c = 0; c < a.cols; ++c) {
            const Cell& h = a.at(r, c);
            if (h.kind != Cell::Kind::Text) continue;
            std::u16string t = normalizeLabel(h.text);
            if (t == u"得分率") plan.rateCol = c;
            if (t == u"评分依据") plan.basisCol = c;
            if (t == u"二级得分") l2ScoreCol = c;
            if (t == u"一级得分") l1ScoreCol = c;
            if ((t == u"权重(%)" || t == u"权重" || t == u"分值") && c == ex->nameCol + 1) plan.weightCol = c;
        }

    // ---- the systems: the workbook's, and the printed rule (built-in default) ----
    bool usedDefault = false;
    std::optional<IndicatorSystem> sys = loadIndicatorSystem(wb, plan.problems, &usedDefault);
    std::vector<std::string> ignored;
    std::optional<IndicatorSystem> ruleSys =
        usedDefault ? std::nullopt : readIndicatorSystem(defaultIndicatorSheet(), ignored);
    if (!sys) return plan;

    std::vector<Effective> eff = effectiveWeights(*sys, res);
    Formulas formulas{res};
    plan.dataNotes = dataConsistency(wb);

    // ---- the printed sheet: one row per indicator ----
    std::map<std::u16string, std::size_t> rowOf = indicatorRows(*ex, eff, plan.problems);
    for (std::size_t r = ex->firstRow; r < a.rows; ++r) {
        for (std::size_t c = 0; c < ex->scoreCol; ++c) {
            const Cell& t = a.at(r, c);
            if (t.kind == Cell::Kind::Text && (normalizeLabel(t.text) == u"合计" || normalizeLabel(t.text) == u"总计")) {
                if (auto v = printedNumber(a.at(r, ex->scoreCol)))
                    plan.total = PrintedCell{u"合计", *v, a.name, r, ex->scoreCol};
            }
        }
    }
    if (!plan.problems.empty()) return plan;

    auto probe = [&](std::u16string f) {
        plan.probes.push_back(std::move(f));
        return plan.probes.size() - 1;
    };
    // A reading's score probe, and a probe of the rate behind it when the rule has one.
    auto probed = [&](std::u16string name, const std::u16string& f) {
        Reading rd{std::move(name), probe(f), std::nullopt};
        for (std::u16string_view call : {std::u16string_view(u"ADJUSTMENT_RATE"), std::u16string_view(u"EXECUTION_RATE")}) {
            std::u16string c = callIn(f, call);
            if (!c.empty()) {
                rd.rateProbe = probe(u"=" + c);
                break;
            }
        }
        return rd;
    };
    // A reading's probes, or nullopt when its inputs are not in the workbook.
    auto reading = [&](const Effective& e, std::u16string name,
                       const std::function<std::u16string(const std::u16string&)>& tmpl) -> std::optional<Reading> {
        std::size_t before = scratch.problems.size();
        std::u16string f = formulas.score(e, tmpl);
        if (scratch.problems.size() > before) {
            scratch.problems.resize(before);
            return std::nullopt;
        }
        return probed(std::move(name), f);
    };

    // Level groups for the printed 一级/二级 weights (merged cells: the value sits in the group's first row).
    std::map<std::u16string, std::size_t> level1, level2;  // level name -> the group's first row

    for (const Effective& e : eff) {
        const Indicator& ind = *e.ind;
        CheckItem it;
        it.name = ind.name;
        it.row = rowOf.at(normalizeLabel(ind.name));
        it.printed = printedNumber(a.at(it.row, ex->scoreCol));
        if (plan.weightCol) it.printedWeight = printedNumber(a.at(it.row, *plan.weightCol));
        if (plan.rateCol) it.printedRate = printedNumber(a.at(it.row, *plan.rateCol));
        it.weight = e.weight;
        it.applicable = e.applicable;
        it.level1 = ind.level1;
        it.level2 = ind.level2;
        const Cell& text = a.at(it.row, ex->expertCol);
        if (text.kind == Cell::Kind::Text) it.printedText = text.text;
        if (plan.basisCol && a.at(it.row, *plan.basisCol).kind == Cell::Kind::Text)
            it.printedBasis = a.at(it.row, *plan.basisCol).text;

        // The workbook's own reading must be computable: what it lacks is reported (nothing is written).
        std::size_t before = scratch.problems.size();
        std::u16string mainFormula = formulas.score(e);
        if (scratch.problems.size() > before) {
            for (std::size_t k = before; k < scratch.problems.size(); ++k) plan.problems.push_back(scratch.problems[k]);
            scratch.problems.resize(before);
            continue;
        }
        it.main = probed(u"本表指标体系", mainFormula);

        // The printed rule and its other readings.
        const Indicator* ruleInd = ruleSys ? ruleSys->find(ind.name) : nullptr;
        Effective ruleEff{ruleInd ? ruleInd : &ind, e.weight, e.applicable};
        auto sameTemplates = [&](const Indicator& x, const Indicator& y) {
            if (x.formula != y.formula || x.subs.size() != y.subs.size()) return false;
            for (std::size_t i = 0; i < x.subs.size(); ++i)
                if (x.subs[i].formula != y.subs[i].formula) return false;
            return true;
        };
        if (ruleInd && e.applicable && !sameTemplates(*ruleInd, ind)) it.rule = reading(ruleEff, u"评分标准原文", nullptr);
        if (e.applicable) {
            const std::vector<Variant>& vs = variants();
            for (unsigned mask = 1; mask < (1u << vs.size()); ++mask) {
                std::u16string name;
                auto tmpl = [&](const std::u16string& t) {
                    std::u16string r = t;
                    for (std::size_t k = 0; k < vs.size(); ++k)
                        if (mask & (1u << k)) r = vs[k].apply(r);
                    return r;
                };
                // only combinations where every variant changes something
                bool allApply = true;
                for (std::size_t k = 0; k < vs.size() && allApply; ++k) {
                    if (!(mask & (1u << k))) continue;
                    bool changes = vs[k].apply(ruleEff.ind->formula) != ruleEff.ind->formula;
                    for (const SubCriterion& sc : ruleEff.ind->subs) changes = changes || vs[k].apply(sc.formula) != sc.formula;
                    allApply = changes;
                    name += (name.empty() ? u"" : u"、") + vs[k].name;
                }
                if (!allApply) continue;
                if (auto rd = reading(ruleEff, name, tmpl)) it.readings.push_back(*rd);
            }
            // Readings the indicator system names (其他口径), of the workbook's system and of the rule.
            std::set<std::u16string> named;
            for (const Reading& r : it.readings) named.insert(r.name);
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

        // Discretionary judgments behind the score.
        std::vector<std::u16string> templates{ind.formula};
        for (const SubCriterion& sc : ind.subs) templates.push_back(sc.formula);
        std::vector<std::u16string> names{ind.name};
        for (const SubCriterion& sc : ind.subs) names.push_back(sc.name);
        std::set<std::u16string> seenLabels;
        auto noteOf = [&](const std::u16string& label) -> std::u16string {
            const BasicInfo* b = res.basic();
            if (!b || !b->noteCol) return {};
            auto r = b->rowsByLabel.find(normalizeLabel(label));
            if (r == b->rowsByLabel.end()) return {};
            const Cell& c = b->sheet->at(r->second, *b->noteCol);
            return c.kind == Cell::Kind::Text ? c.text : std::u16string();
        };
        if (e.applicable) {
            for (const std::u16string& t : templates) {
                bool cut = t.find(u"OVERACHIEVEMENT_FACTOR") != std::u16string::npos;
                for (const std::u16string& label : labelsIn(t)) {
                    if (!seenLabels.insert(label).second) continue;
                    const Cell* v = res.labelValue(label);
                    if (!v) continue;
                    std::u16string unit = normalizeLabel(res.labelUnit(label));
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
                if (cut && it.judgments.empty()) it.judgments.push_back({u"按超额倍数核减得分", u""});
            }
            for (const std::u16string& n : names) {
                std::u16string label = n + u"-人工计分比例";
                const Cell* v = res.labelValue(label);
                if (v && !v->empty()) it.judgments.push_back({n + u"：人工计分比例 " + fmt2(num(*v) * 100) + u"%", noteOf(label)});
            }
        }

        // actual/target of every TARGET_SCORE the workbook's rule scores
        if (e.applicable) {
            std::vector<std::pair<std::u16string, std::u16string>> sources;  // (name, template)
            if (ind.subs.empty()) sources.push_back({ind.name, ind.formula});
            for (const SubCriterion& sc : ind.subs) sources.push_back({sc.name, sc.formula});
            for (const auto& [srcName, t] : sources) {
                std::u16string call = callIn(t, u"TARGET_SCORE");
                if (call.empty()) continue;
                auto args = splitTop(std::u16string_view(call).substr(13, call.size() - 14), u';');
                if (args.size() < 2) continue;
                std::size_t before2 = scratch.problems.size();
                std::u16string f = u"=(" + res.formula(args[0], e.weight, "「" + u8(ind.name) + "」") + u")/(" +
                                   res.formula(args[1], e.weight, "「" + u8(ind.name) + "」") + u")";
                if (scratch.problems.size() > before2) scratch.problems.resize(before2);
                else it.targetRatios.push_back({srcName, probe(f)});
            }
        }

        // Figures the opinion quotes: 【=expr|fmt】 and 【label】 / 【label|fmt】 after some words.
        std::u16string tmpl = formulas.expertTemplate(e);
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
                std::size_t before2 = scratch.problems.size();
                std::u16string f;
                if (inner[0] == u'=') {
                    std::u16string exprT = parts[0].substr(1);
                    for (std::size_t k = 1; k + 1 < parts.size(); ++k) exprT += u"|" + parts[k];
                    f = u"=" + res.formula(exprT, e.weight, "「" + u8(ind.name) + "」专家意见中的数字");
                } else {
                    f = u"=" + res.formula(u"【" + parts[0] + u"】", e.weight, "「" + u8(ind.name) + "」专家意见中的数字");
                    if (format.empty()) format = formatForUnit(res.labelUnit(parts[0]));
                }
                if (scratch.problems.size() > before2) scratch.problems.resize(before2);
                else if (format != u"General" && !format.empty()) it.figures.push_back({anchor, format, probe(f)});
            }
            i = j;
        }

        // level groups
        for (auto [groups, key] : {std::pair{&level1, ind.level1}, std::pair{&level2, ind.level1 + u"\u0001" + ind.level2}}) {
            auto [at, fresh] = groups->try_emplace(key, it.row);
            if (!fresh) at->second = std::min(at->second, it.row);
        }
        plan.items.push_back(std::move(it));
    }
    for (auto& p : scratch.problems) plan.problems.push_back(p);
    if (!plan.problems.empty()) {
        plan.items.clear();
        plan.probes.clear();
        return plan;
    }
    if (SheetPlan* w = res.workingsIfUsed()) plan.workings.push_back(*w);

    // 附件1's own subtotal columns and 评价等级 row.
    for (auto& [name, g] : level1)
        if (l1ScoreCol)
            if (auto v = printedNumber(a.at(g, *l1ScoreCol))) plan.appendixSubtotals.push_back({name, *v, a.name, g, *l1ScoreCol});
    for (auto& [key, g] : level2)
        if (l2ScoreCol)
            if (auto v = printedNumber(a.at(g, *l2ScoreCol)))
                plan.appendixSubtotals.push_back({key.substr(key.find(u'\u0001') + 1), *v, a.name, g, *l2ScoreCol});
    for (std::size_t r = ex->firstRow; r < a.rows; ++r) {
        const Cell& l = a.at(r, 0);
        if (l.kind == Cell::Kind::Text && (normalizeLabel(l.text) == u"评价等级" || normalizeLabel(l.text) == u"等级")) {
            const Cell& g = a.at(r, ex->scoreCol);
            if (g.kind == Cell::Kind::Text) plan.appendixGrade = PrintedCell{g.text, 0, a.name, r, ex->scoreCol};
        }
    }

    // Printed 一级/二级 weights: the number in the group's first row, in the columns left of the name.
    if (plan.weightCol && ex->nameCol >= 4) {
        for (auto& [name, g] : level1)
            if (auto v = printedNumber(a.at(g, ex->nameCol - 3)))
                plan.levelWeights.push_back({name, *v, a.name, g, ex->nameCol - 3});
        for (auto& [key, g] : level2)
            if (auto v = printedNumber(a.at(g, ex->nameCol - 1)))
                plan.levelWeights.push_back({key.substr(key.find(u'\u0001') + 1), *v, a.name, g, ex->nameCol - 1});
    }

    // A summary like 表3-1: a sheet with 评价内容 / 实际得分 (and 得分率).
    for (const Sheet& s : wb.sheets) {
        if (&s == &a) continue;
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
                            plan.grade = PrintedCell{s.at(rr, c).text, 0, s.name, rr, c};
                            break;
                        }
                    continue;
                }
                if (auto v = printedNumber(s.at(rr, *scoreC))) plan.summaryScores.push_back({label, *v, s.name, rr, *scoreC});
                if (rateC)
                    if (auto v = printedNumber(s.at(rr, *rateC))) plan.summaryRates.push_back({label, *v, s.name, rr, *rateC});
            }
            break;
        }
    }
    return plan;
}

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
};

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
        out.push_back({*v / 100, dec, i});
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

std::vector<Finding> judgeCheck(const CheckPlan& plan, const std::vector<double>& v) {
    std::vector<Finding> out;
    auto val = [&](std::size_t probe) { return probe < v.size() ? v[probe] : std::nan(""); };
    // The over-achieved targets (ratio above 1.5) of an item scored below the rule, as text; empty if none.
    auto overAchieved = [&](const CheckItem& it, double printed, double m) -> std::u16string {
        if (!(printed < m)) return {};
        std::u16string list;
        for (const auto& [name, probe] : it.targetRatios) {
            double x = val(probe);
            if (x > 1.5) list += (list.empty() ? u"「" : u"、「") + name + u"」为目标值的" + fmt2(x) + u"倍";
        }
        return list;
    };
    auto cellOf = [&](const CheckItem& it, std::size_t col) {
        return PrintedCell{it.name, 0, plan.appendixSheet, it.row, col};
    };
    std::map<std::u16string, double> recomputed;
    for (const CheckItem& it : plan.items) recomputed[it.name] = val(it.main.scoreProbe);

    double sumPrinted = 0, sumWeights = 0;
    for (const CheckItem& it : plan.items) {
        Finding f;
        f.subject = it.name;
        f.printed = it.printed;
        double m = val(it.main.scoreProbe);
        if (!std::isnan(m)) f.recomputed = m;
        f.probe = it.main.scoreProbe;
        sumPrinted += it.printed.value_or(0);
        sumWeights += it.printedWeight.value_or(it.weight);
        auto rateText = [&](const Reading& r) -> std::u16string {
            if (!r.rateProbe || std::isnan(val(*r.rateProbe))) return u"";
            return u"（比率" + pct(val(*r.rateProbe)) + u"）";
        };
        const Reading* matched = nullptr;  // the other reading the printed score follows, if any
        std::u16string judgmentText;
        for (const Judgment& j : it.judgments)
            judgmentText += (judgmentText.empty() ? u"" : u"；") + j.what + (j.reason.empty() ? u"" : u"，理由：" + j.reason);

        if (!it.printed) {
            f.verdict = Verdict::Differ;
            f.explanation = u"评分栏没有数字，按数据计算应为" + fmt2(m) + u"分。";
            f.mark = cellOf(it, plan.scoreCol);
        } else if (std::isnan(m)) {
            f.verdict = Verdict::Judgment;
            f.explanation = u"无法按数据重算（公式出错），请人工核对。";
        } else if (same2(*it.printed, m)) {
            if (it.rule && !std::isnan(val(it.rule->scoreProbe)) && !same2(val(it.rule->scoreProbe), m) &&
                it.judgments.empty()) {
                f.verdict = Verdict::Reading;
                f.explanation = u"所印" + fmt2(*it.printed) + u"分与本表指标体系的口径一致" + rateText(it.main) +
                                u"；按评分标准原文计算为" + fmt2(val(it.rule->scoreProbe)) + u"分" + rateText(*it.rule) + u"。";
                f.mark = cellOf(it, plan.scoreCol);
            } else if (!it.judgments.empty()) {
                f.verdict = Verdict::Judgment;
                f.explanation = u"得分与重算一致，含评价人酌情判断：" + judgmentText + u"。";
            } else {
                f.verdict = Verdict::Agree;
                f.explanation = u"与按数据重算的" + fmt2(m) + u"分一致。";
            }
        } else {
            f.mark = cellOf(it, plan.scoreCol);
            // which reading reproduces the printed score?
            const Reading* match = nullptr;
            if (it.rule && same2(val(it.rule->scoreProbe), *it.printed)) match = &*it.rule;
            for (const Reading& r : it.readings)
                if (!match && same2(val(r.scoreProbe), *it.printed)) match = &r;
            matched = match;
            if (match) {
                f.verdict = Verdict::Reading;
                f.explanation = u"所印" + fmt2(*it.printed) + u"分与「" + match->name + u"」口径一致" + rateText(*match) +
                                u"；按本表指标体系为" + fmt2(m) + u"分" + rateText(it.main) +
                                (it.rule && match != &*it.rule ? u"，按评分标准原文为" + fmt2(val(it.rule->scoreProbe)) +
                                                                     u"分" + rateText(*it.rule)
                                                               : u"") +
                                u"。";
            } else if (!it.judgments.empty()) {
                f.verdict = Verdict::Judgment;
                f.explanation = u"所印" + fmt2(*it.printed) + u"分，按基础信息中的判定计算为" + fmt2(m) + u"分，请核对评价人判断：" +
                                judgmentText + u"。";
            } else if (std::u16string over = overAchieved(it, *it.printed, m); !over.empty()) {
                f.verdict = Verdict::Judgment;
                f.explanation = u"所印" + fmt2(*it.printed) + u"分，低于按评分标准计算的" + fmt2(m) + u"分；实际值" + over +
                                u"，可能因目标值设置偏低按超额倍数核减，请人工判断。";
            } else {
                f.verdict = Verdict::Differ;
                std::u16string swapped;
                for (const CheckItem& other : plan.items)
                    if (&other != &it && other.printed && same2(*it.printed, recomputed[other.name]) &&
                        same2(*other.printed, m))
                        swapped = other.name;
                double d = *it.printed - m;
                f.explanation = u"所印" + fmt2(*it.printed) + u"分，按数据重算为" + fmt2(m) + u"分，相差" + fmt2(d) + u"分" +
                                (swapped.empty() ? u"，疑为计算错误。" : u"，与「" + swapped + u"」的得分疑似对调。");
            }
        }
        out.push_back(f);

        // weight, score above weight, 得分率
        if (it.printedWeight && !same2(*it.printedWeight, it.weight)) {
            out.push_back({it.name + u"（权重）", Verdict::Differ, it.printedWeight, it.weight,
                           u"权重印为" + fmt2(*it.printedWeight) + u"，指标体系为" + fmt2(it.weight) + u"。",
                           cellOf(it, *plan.weightCol)});
        }
        if (it.printed && *it.printed > it.printedWeight.value_or(it.weight) + 0.005) {
            out.push_back({it.name + u"（超过权重）", Verdict::Differ, it.printed, it.printedWeight.value_or(it.weight),
                           u"得分" + fmt2(*it.printed) + u"高于权重" + fmt2(it.printedWeight.value_or(it.weight)) + u"。",
                           cellOf(it, plan.scoreCol)});
        }
        if (it.printedRate && it.printed && it.printedWeight.value_or(it.weight) > 0) {
            double want = *it.printed / it.printedWeight.value_or(it.weight);
            if (!samePercent(*it.printedRate, want))
                out.push_back({it.name + u"（得分率）", Verdict::Differ, it.printedRate, want,
                               u"得分率印为" + pct(*it.printedRate) + u"，得分÷权重为" + pct(want) + u"。", cellOf(it, *plan.rateCol)});
        }
        // figures quoted in the opinion, found in order (the same words may come back)
        std::size_t cursor = 0;
        std::set<std::size_t> compared;  // text positions already judged through their words
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
            if (std::fabs(roundHalfUp(a, dec) - roundHalfUp(b, dec)) > 0.5 * std::pow(10.0, -dec)) {
                std::u16string shown = percent ? pct(want) : fromUtf8(numberText(roundHalfUp(want, dec), 12));
                std::u16string quoted = percent ? pct(printed->value) : fromUtf8(numberText(printed->value, 12));
                if (matched) {
                    // the opinion follows the reading the score follows: its rate confirms it
                    double readingRate = matched->rateProbe ? val(*matched->rateProbe) : std::nan("");
                    if (percent && !std::isnan(readingRate) && samePercent(printed->value, readingRate)) continue;
                    out.push_back({it.name + u"（专家意见）", Verdict::Reading, printed->value, want,
                                   u"专家意见写「" + fig.anchor + quoted + u"」，随所印得分的「" + matched->name +
                                       u"」口径；按本表指标体系为" + shown + u"。",
                                   cellOf(it, plan.expertCol)});
                    continue;
                }
                out.push_back({it.name + u"（专家意见）", Verdict::Differ, printed->value, want,
                               u"专家意见写「" + fig.anchor + quoted + u"」，按数据计算为" + shown + u"。",
                               cellOf(it, plan.expertCol)});
            }
        }
        // Percentages written in other words: one that no recomputed figure gives at its printed
        // precision, but close to one (within 10%), is a likely slip.
        std::vector<double> rates;
        for (const Figure& fig : it.figures)
            if (fig.format.find(u'%') != std::u16string::npos && !std::isnan(val(fig.probe))) rates.push_back(val(fig.probe));
        std::vector<std::pair<Percent, bool>> quoted;  // (percentage, in 评分依据)
        for (const Percent& q : percentsIn(it.printedText))
            if (!compared.count(q.end)) quoted.push_back({q, false});
        for (const Percent& q : percentsIn(it.printedBasis)) quoted.push_back({q, true});
        for (const auto& [q, inBasis] : quoted) {
            if (rates.empty()) continue;
            int dec = q.decimals;
            bool exact = false;
            const double* near = nullptr;
            for (const double& r : rates) {
                if (std::fabs(roundHalfUp(r * 100, dec) - roundHalfUp(q.value * 100, dec)) < 0.5 * std::pow(10.0, -dec))
                    exact = true;
                else if (std::fabs(r - q.value) <= 0.1 * std::fabs(r) && (!near || std::fabs(r - q.value) < std::fabs(*near - q.value)))
                    near = &r;
            }
            if (!exact && near) {
                std::u16string where = inBasis ? u"评分依据" : u"专家意见";
                out.push_back({it.name + u"（" + where + u"）", matched ? Verdict::Reading : Verdict::Differ, q.value,
                               *near, where + u"写「" + pct(q.value) + u"」，按数据计算的相应比率为" + pct(*near) + u"。",
                               cellOf(it, inBasis ? *plan.basisCol : plan.expertCol)});
            }
        }
    }

    // the department's data disagreeing with itself: the scores rest on it
    for (const std::string& d : plan.dataNotes)
        out.push_back({u"数据一致性", Verdict::Judgment, std::nullopt, std::nullopt, fromUtf8(d) + u"，请核实基础数据。", std::nullopt});

    // the sheet's arithmetic
    if (plan.total && !same2(plan.total->value, sumPrinted))
        out.push_back({u"合计", Verdict::Differ, plan.total->value, sumPrinted,
                       u"合计印为" + fmt2(plan.total->value) + u"，各项得分之和为" + fmt2(sumPrinted) + u"。", *plan.total});
    if (!same2(sumWeights, 100))
        out.push_back({u"权重合计", Verdict::Differ, sumWeights, 100.0,
                       u"各三级指标权重之和为" + fmt2(sumWeights) + u"，不等于100。", std::nullopt});
    auto groupSum = [&](const std::u16string& level, bool weights) {
        double s = 0;
        for (const CheckItem& it : plan.items)
            if (normalizeLabel(it.level1) == normalizeLabel(level) || normalizeLabel(it.level2) == normalizeLabel(level))
                s += weights ? it.printedWeight.value_or(it.weight) : it.printed.value_or(0);
        return s;
    };
    for (const PrintedCell& w : plan.levelWeights) {
        double s = groupSum(w.label, true);
        if (!same2(s, w.value))
            out.push_back({w.label + u"（权重）", Verdict::Differ, w.value, s,
                           u"权重印为" + fmt2(w.value) + u"，其下三级指标权重之和为" + fmt2(s) + u"。", w});
    }
    std::map<std::u16string, double> printedLevelScore;
    for (const PrintedCell& p : plan.summaryScores) {
        double s = (p.label == u"综合评分" || p.label == u"合计" || p.label == u"总分") ? sumPrinted : groupSum(p.label, false);
        bool known = s != 0 || p.label == u"综合评分";
        for (const CheckItem& it : plan.items) known = known || normalizeLabel(it.level1) == p.label || normalizeLabel(it.level2) == p.label;
        if (!known) continue;
        printedLevelScore[p.label] = p.value;
        if (!same2(s, p.value))
            out.push_back({p.label + u"（小计）", Verdict::Differ, p.value, s,
                           u"小计印为" + fmt2(p.value) + u"，其下各项得分之和为" + fmt2(s) + u"。", p});
    }
    for (const PrintedCell& p : plan.summaryRates) {
        auto sc = printedLevelScore.find(p.label);
        if (sc == printedLevelScore.end()) continue;
        double w = (p.label == u"综合评分") ? 100 : groupSum(p.label, true);
        if (w <= 0) continue;
        if (!samePercent(p.value, sc->second / w))
            out.push_back({p.label + u"（得分率）", Verdict::Differ, p.value, sc->second / w,
                           u"得分率印为" + pct(p.value) + u"，得分÷分值为" + pct(sc->second / w) + u"。", p});
    }
    for (const PrintedCell& p : plan.appendixSubtotals) {
        double s = groupSum(p.label, false);
        if (!same2(s, p.value))
            out.push_back({p.label + u"（附件1小计）", Verdict::Differ, p.value, s,
                           u"附件1中小计印为" + fmt2(p.value) + u"，其下各项得分之和为" + fmt2(s) + u"。", p});
    }
    for (const std::optional<PrintedCell>* g : {&plan.grade, &plan.appendixGrade}) {
        if (!*g) continue;
        double total = plan.total ? plan.total->value : sumPrinted;
        std::u16string want;
        try { want = std::u16string(perfGrade(total)); } catch (const RuleError&) {}
        if (!want.empty() && normalizeLabel((*g)->label) != want)
            out.push_back({g == &plan.grade ? u"等级" : u"等级（附件1）", Verdict::Differ, std::nullopt, std::nullopt,
                           u"等级印为「" + (*g)->label + u"」，总分" + fmt2(total) + u"对应「" + want + u"」。", **g});
    }
    return out;
}

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
