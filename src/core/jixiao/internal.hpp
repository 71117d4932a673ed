// Jixiao core, internal: applicability and weight moves, the existing 附件1's rows, and the
// 评分/专家意见 formulas of an indicator — shared by the fill and the cross-check (templates are
// resolved against the workbook by the Resolver, resolver.hpp). Not part of the public API.
#pragma once

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jixiao/filler.hpp"
#include "jixiao/resolver.hpp"
#include "jixiao/values.hpp"

namespace jixiao::internal {

inline std::u16string uniqueName(const Workbook& wb, std::u16string_view base) {
    if (!wb.find(base)) return std::u16string(base);
    for (int k = 2;; ++k) {
        std::u16string n = std::u16string(base) + u" (" + numText(k) + u")";
        if (!wb.find(n)) return n;
    }
}

// An indicator after applicability and weight moves.
struct Effective {
    const Indicator* ind;
    double weight;
    bool applicable;
};

// The existing 附件1 to fill in place: a sheet whose header has 评分 and 专家意见 and 三级指标.
struct ExistingAppendix {
    const Sheet* sheet = nullptr;
    std::size_t nameCol = 0, scoreCol = 0, expertCol = 0, firstRow = 0;
};

inline std::optional<ExistingAppendix> findExistingAppendix(const Workbook& wb) {
    for (const Sheet& s : wb.sheets) {
        std::optional<std::size_t> score, expert, name;
        std::size_t lastHeader = 0;
        for (std::size_t r = 0; r < std::min<std::size_t>(s.rows, 12); ++r) {
            for (std::size_t c = 0; c < s.cols; ++c) {
                const Cell& cell = s.at(r, c);
                if (cell.kind != Cell::Kind::Text) continue;
                std::u16string t = normalizeLabel(cell.text);
                if (t == u"评分" && !score) { score = c; lastHeader = std::max(lastHeader, r); }
                if (t == u"专家意见" && !expert) { expert = c; lastHeader = std::max(lastHeader, r); }
                if (t == u"三级指标" && !name) { name = c; lastHeader = std::max(lastHeader, r); }
            }
        }
        if (score && expert && name) {
            // A last header row of 名称 / 权重(%) under 一级/二级/三级指标.
            std::size_t next = lastHeader + 1;
            for (std::size_t c = 0; c < s.cols; ++c) {
                const Cell& cell = s.at(next, c);
                if (cell.kind != Cell::Kind::Text) continue;
                std::u16string t = normalizeLabel(cell.text);
                if (t == u"名称" || t == u"权重(%)" || t == u"权重") {
                    lastHeader = next;
                    break;
                }
            }
            return ExistingAppendix{&s, *name, *score, *expert, lastHeader + 1};
        }
    }
    return std::nullopt;
}

// Applicability and weight moves: an indicator whose 适用条件 label is not 是 scores 0 and its
// weight moves to the indicator named in 不适用时分值转入.
inline std::vector<Effective> effectiveWeights(const IndicatorSystem& sys, Resolver& res) {
    std::vector<Effective> eff;
    for (const Indicator& i : sys.indicators) eff.push_back({&i, i.weight, true});
    for (Effective& e : eff) {
        if (e.ind->condition.empty()) continue;
        Message where = msg("where.condition", "「{1}」的适用条件", "the applicability condition (适用条件) of \"{1}\"",
                            e.ind->name);
        if (!res.label(e.ind->condition, where)) continue;
        const Cell* v = res.labelValue(e.ind->condition);
        if (v && !isYes(*v)) {
            e.applicable = false;
            double moved = e.weight;
            e.weight = 0;
            if (!e.ind->moveTo.empty()) {
                for (Effective& t : eff)
                    if (normalizeLabel(t.ind->name) == normalizeLabel(e.ind->moveTo)) t.weight += moved;
            }
        }
    }
    return eff;
}

// Each indicator's row in an existing 附件1, matched by its 三级指标 name; an indicator without a
// row is a problem naming it.
inline std::map<std::u16string, std::size_t> indicatorRows(const ExistingAppendix& ex, const std::vector<Effective>& eff,
                                                           Problems& problems) {
    const Sheet& s = *ex.sheet;
    std::map<std::u16string, std::size_t> rowOf;
    for (std::size_t r = ex.firstRow; r < s.rows; ++r) {
        const Cell& cell = s.at(r, ex.nameCol);
        if (cell.kind == Cell::Kind::Text) rowOf.try_emplace(normalizeLabel(cell.text), r);
    }
    for (const Effective& e : eff)
        if (!rowOf.count(normalizeLabel(e.ind->name)))
            problems.push_back(msg("appendix.missingRow", "缺少 附件1 中「{1}」一行：工作表「{2}」的 {3} 列没有这个三级指标",
                                   "Missing the row of \"{1}\" in 附件1: column {3} of sheet \"{2}\" has no such "
                                   "三级指标 (third-level indicator)",
                                   e.ind->name, s.name, columnName(ex.nameCol)));
    return rowOf;
}

// The 评分 and 专家意见 formulas of one indicator (shared by the fill and the check).
struct Formulas {
    Resolver& res;

    std::u16string overridden(std::u16string_view name, double w, std::u16string rule, const Message& where) {
        std::u16string label = std::u16string(name) + u"-人工计分比例";
        if (!res.hasLabel(label)) return rule;
        auto a = res.label(label, where);
        std::u16string ref = cellRef(a->sheet, a->row, a->col);
        return u"IF(ISBLANK(" + ref + u");" + rule + u";" + numText(w) + u"*" + ref + u")";
    }

    // `formulaOf` picks the template of an indicator or sub-criterion (the main reading by default).
    std::u16string score(const Effective& e,
                         const std::function<std::u16string(const std::u16string&)>& formulaOf = nullptr) {
        Message where = msg("where.indicator", "指标「{1}」", "indicator \"{1}\"", e.ind->name);
        if (!e.applicable) return u"=ROUND(0;2)";
        auto tmpl = [&](const std::u16string& t) { return formulaOf ? formulaOf(t) : t; };
        std::u16string body;
        if (e.ind->subs.empty()) {
            body = overridden(e.ind->name, e.weight, u"(" + res.formula(tmpl(e.ind->formula), e.weight, where) + u")",
                              where);
        } else {
            double scale = e.ind->weight > 0 ? e.weight / e.ind->weight : 0;  // a moved weight scales the sub-criteria
            for (std::size_t i = 0; i < e.ind->subs.size(); ++i) {
                const SubCriterion& sc = e.ind->subs[i];
                double w = sc.weight * scale;
                Message subWhere = msg("where.sub", "{1}的子项「{2}」", "sub-criterion \"{2}\" of {1}", where, sc.name);
                body += (i ? u"+" : u"") +
                        overridden(sc.name, w, u"(" + res.formula(tmpl(sc.formula), w, subWhere) + u")", where);
            }
        }
        return u"=ROUND(" + body + u";2)";
    }

    std::u16string expertTemplate(const Effective& e) {
        if (!e.applicable) return e.ind->notApplicableExpert.empty() ? u"本指标不适用。" : e.ind->notApplicableExpert;
        if (e.ind->subs.empty()) return e.ind->expert;
        std::u16string joined;
        for (std::size_t i = 0; i < e.ind->subs.size(); ++i) joined += (i ? u"\n" : u"") + e.ind->subs[i].expert;
        return joined;
    }

    std::u16string expert(const Effective& e) {
        Message where = msg("where.expert", "「{1}」的专家意见", "the expert opinion (专家意见) of \"{1}\"", e.ind->name);
        std::u16string expr = res.text(expertTemplate(e), e.applicable ? e.weight : 0, where);
        // The reason of an evaluator's override is part of the opinion.
        auto addOverride = [&](std::u16string_view name) {
            std::u16string label = std::u16string(name) + u"-人工计分比例";
            if (!res.hasLabel(label)) return;
            auto a = res.label(label, where);
            auto n = res.note(label, where);
            if (!a || !n) return;
            std::u16string v = cellRef(a->sheet, a->row, a->col);
            expr += u"&IF(ISBLANK(" + v + u");\"\";CHAR(10)&\"评价人调整：\"&" + cellRef(n->sheet, n->row, n->col) + u")";
        };
        if (e.applicable) {
            if (e.ind->subs.empty()) addOverride(e.ind->name);
            for (const SubCriterion& sc : e.ind->subs) addOverride(sc.name);
        }
        return u"=" + expr;
    }
};


// ---- reading input tables (the 绩效目标表, the 自评表's funds and indicator sheets) ----

// A cell as trimmed text (a number as its shortest text); empty for a blank cell.
inline std::u16string cellText(const Cell& c) {
    if (c.kind == Cell::Kind::Text) return std::u16string(trim(c.text));
    if (c.kind == Cell::Kind::Number) return numberText16(c.number);
    return {};
}

// A cell as the rules read it: blank text is an empty cell.
inline CellView cellView(const Cell& c) {
    if (c.kind == Cell::Kind::Number) return CellView::num(c.number);
    if (c.kind == Cell::Kind::Text && !isBlankText(c.text)) return CellView::str(c.text);
    return CellView::empty();
}

// An 得分比例 cell as typed: a number, or text such as "80%", within [0, 1]; nullopt when it is neither
// (the caller names the cell). A blank cell is the caller's to skip.
inline std::optional<double> ratioOf(const Cell& c) {
    std::optional<double> v = c.kind == Cell::Kind::Number ? std::optional<double>(c.number) : parseNumber(c.text);
    if (!v || *v < 0 || *v > 1) return std::nullopt;
    return v;
}

// Whether a cell of column A starts with `footnote`: how the sheets a command wrote are known again.
inline bool hasFootnote(const Sheet& s, std::u16string_view footnote) {
    for (std::size_t r = 0; r < s.rows; ++r) {
        const Cell& c = s.at(r, 0);
        if (c.kind == Cell::Kind::Text && c.text.rfind(footnote, 0) == 0) return true;
    }
    return false;
}

// A header row: the columns it names (the first column of each kind wins).
template <class K>
struct HeaderRow {
    std::size_t row = 0;
    std::map<K, std::size_t> columns;
};

// How many of `required` a header row names.
template <class K>
std::size_t countOf(const HeaderRow<K>& h, const std::vector<K>& required) {
    std::size_t found = 0;
    for (const K& k : required) found += h.columns.count(k);
    return found;
}

// The first row within the first `maxRows` of `s` whose header texts (normalised, read by
// `columnOf`) name every one of `required`. nullopt when none does; `best` (if given) then holds
// the row that names most of them, for a message saying what is missing.
template <class K, class F>
std::optional<HeaderRow<K>> findHeaderRow(const Sheet& s, F columnOf, const std::vector<K>& required,
                                          std::optional<HeaderRow<K>>* best = nullptr, std::size_t maxRows = 12) {
    for (std::size_t r = 0; r < std::min<std::size_t>(s.rows, maxRows); ++r) {
        HeaderRow<K> h;
        h.row = r;
        for (std::size_t c = 0; c < s.cols; ++c) {
            const Cell& cell = s.at(r, c);
            if (cell.kind != Cell::Kind::Text) continue;
            if (std::optional<K> k = columnOf(normalizeLabel(cell.text))) h.columns.try_emplace(*k, c);
        }
        std::size_t found = countOf(h, required);
        if (found == required.size()) return h;
        if (best && found > 0 && (!*best || found > countOf(**best, required))) *best = h;
    }
    return std::nullopt;
}

// ---- INDICATOR_SCORE formulas over a table's cells ----

// An optional text argument from a cell (absent: ""). An empty cell passed on is read by Calc as
// 0, so the cell goes as text: ref&"".
inline std::u16string optTextArg(const std::optional<std::u16string>& ref) {
    return ref ? *ref + u"&\"\"" : u"\"\"";
}
// An optional number argument from a cell (absent or blank: "").
inline std::u16string optNumberArg(const std::optional<std::u16string>& ref) {
    if (!ref) return u"\"\"";
    return u"IF(ISBLANK(" + *ref + u");\"\";" + *ref + u")";
}

// INDICATOR_SCORE(actual; target; weight; method; unit; grade; ratio; cut; bands), the arguments
// already written as formula text, trailing "" left out (a call without 定性分档 reads as before).
inline std::u16string indicatorScoreCall(std::vector<std::u16string> args) {
    while (args.size() > 3 && args.back() == u"\"\"") args.pop_back();
    std::u16string f = u"INDICATOR_SCORE(";
    for (std::size_t i = 0; i < args.size(); ++i) f += (i ? u";" : u"") + args[i];
    return f + u")";
}


}  // namespace jixiao::internal
