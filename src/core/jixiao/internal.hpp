// Jixiao core, internal: resolving formula templates against a workbook, applicability and weight
// moves, and the 评分/专家意见 formulas of an indicator — shared by the fill and the cross-check.
// Not part of the public API.
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
#include "jixiao/values.hpp"

namespace jixiao::internal {

inline std::string u8(std::u16string_view s) { return toUtf8(s); }

inline std::u16string numText(double x) { return numberText16(x); }

// A Calc string literal: "..." with quotes doubled.
inline std::u16string quoted(std::u16string_view s) {
    std::u16string q = u"\"";
    for (char16_t c : s) {
        if (c == u'"') q += u"\"\"";
        else q += c;
    }
    return q + u"\"";
}

// Literal text as a formula expression: line breaks as CHAR(10), long runs split (the .xlsx
// format limits a string constant in a formula to 255 characters).
inline std::u16string textExpr(std::u16string_view s) {
    std::vector<std::u16string> parts;
    std::u16string cur;
    auto flush = [&] {
        if (!cur.empty()) parts.push_back(quoted(cur));
        cur.clear();
    };
    for (char16_t c : s) {
        if (c == u'\n') { flush(); parts.push_back(u"CHAR(10)"); continue; }
        cur += c;
        if (cur.size() >= 200) flush();
    }
    flush();
    std::u16string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? u"&" : u"") + parts[i];
    return out.empty() ? u"\"\"" : out;
}

struct Addr {
    std::u16string sheet;
    std::size_t row, col;
};

// The position just past the 】 that closes the 【 at `open`, or npos when it is never closed.
inline std::size_t pastClosingBracket(std::u16string_view t, std::size_t open) {
    int depth = 0;
    for (std::size_t j = open; j < t.size(); ++j) {
        if (t[j] == u'【') ++depth;
        if (t[j] == u'】' && --depth == 0) return j + 1;
    }
    return std::u16string_view::npos;
}

// Splits at top-level separators (outside 【】 and parentheses).
inline std::vector<std::u16string> splitTop(std::u16string_view s, char16_t sep) {
    std::vector<std::u16string> out;
    int depth = 0;
    std::u16string cur;
    for (char16_t c : s) {
        if (c == u'【' || c == u'(' || c == u'（') ++depth;
        if (c == u'】' || c == u')' || c == u'）') --depth;
        if (c == sep && depth == 0) { out.push_back(cur); cur.clear(); continue; }
        cur += c;
    }
    out.push_back(cur);
    return out;
}

inline std::u16string formatForUnit(std::u16string_view unit) {
    std::u16string u = normalizeLabel(unit);
    if (u == u"%" || u == u"％") return u"0.00%";
    if (u == u"万元" || u == u"亿元" || u == u"元" || u == u"分") return u"0.00";
    return u"General";
}

class Resolver {
public:
    Resolver(const Workbook& wb, FillPlan& plan) : wb_(wb), plan_(plan) {}

    // Sheets are looked up only when a template needs them, so a system that never reads the
    // project table does not require one.
    const ProjectTable* project() {
        if (!projectTried_) {
            projectTried_ = true;
            std::string why;
            project_ = findProjectTable(wb_, why);
            if (!project_) missing("项目支出表（如表1-6）", why);
        }
        return project_ ? &*project_ : nullptr;
    }
    const DepartmentTable* department() {
        if (!departmentTried_) {
            departmentTried_ = true;
            std::string why;
            department_ = findDepartmentTable(wb_, why);
            if (!department_) missing("部门支出表（如表1-5）", why);
        }
        return department_ ? &*department_ : nullptr;
    }
    const BasicInfo* basic() {
        if (!basicTried_) {
            basicTried_ = true;
            std::string why;
            basic_ = findBasicInfo(wb_, why);
            if (!basic_) missing("基础信息表（部门整体评价基础信息填报表）", why);
        }
        return basic_ ? &*basic_ : nullptr;
    }

    std::optional<Addr> label(std::u16string_view name, const std::string& where) {
        const BasicInfo* b = basic();
        if (!b) return std::nullopt;
        auto it = b->rowsByLabel.find(normalizeLabel(name));
        if (it == b->rowsByLabel.end()) {
            missing("基础信息「" + u8(name) + "」（请在工作表「" + u8(b->sheet->name) + "」添加这一行）", where + "需要此项");
            return std::nullopt;
        }
        return Addr{b->sheet->name, it->second, b->valueCol};
    }
    bool hasLabel(std::u16string_view name) {
        const BasicInfo* b = basic();
        return b && b->rowsByLabel.count(normalizeLabel(name));
    }
    const Cell* labelValue(std::u16string_view name) {
        const BasicInfo* b = basic();
        if (!b) return nullptr;
        auto it = b->rowsByLabel.find(normalizeLabel(name));
        return it == b->rowsByLabel.end() ? nullptr : &b->sheet->at(it->second, b->valueCol);
    }
    std::u16string labelUnit(std::u16string_view name) {
        const BasicInfo* b = basic();
        if (!b || !b->unitCol) return {};
        auto it = b->rowsByLabel.find(normalizeLabel(name));
        if (it == b->rowsByLabel.end()) return {};
        const Cell& c = b->sheet->at(it->second, *b->unitCol);
        return c.kind == Cell::Kind::Text ? c.text : std::u16string();
    }
    std::optional<Addr> note(std::u16string_view name, const std::string& where) {
        auto a = label(name, where);
        if (!a) return std::nullopt;
        const BasicInfo* b = basic();
        if (!b->noteCol) {
            missing("基础信息表的「来源及说明」列", where + "引用了「" + u8(name) + "|说明」");
            return std::nullopt;
        }
        return Addr{a->sheet, a->row, *b->noteCol};
    }

    // 部门.ROW.COL
    std::optional<Addr> departmentCell(std::u16string_view row, std::u16string_view col, const std::string& where) {
        const DepartmentTable* d = department();
        if (!d) return std::nullopt;
        auto c = columnFromKey(col);
        std::optional<Addr> out;
        std::optional<std::size_t> r = d->row(row);
        if (!r)
            missing("部门支出表的「" + u8(row) + "」行", where + "需要此项（工作表「" + u8(d->sheet->name) + "」）");
        if (!c || !d->columns.count(*c))
            missing("部门支出表的「" + u8(col) + "」列", where + "需要此项（工作表「" + u8(d->sheet->name) + "」）");
        if (!r || !c || !d->columns.count(*c)) return std::nullopt;
        return Addr{d->sheet->name, *r, d->columns.at(*c)};
    }

    // 项目.COL: every project row's cell in that column.
    std::optional<std::vector<Addr>> projectColumn(std::u16string_view col, const std::string& where) {
        const ProjectTable* p = project();
        if (!p) return std::nullopt;
        auto c = columnFromKey(col);
        if (!c || !p->columns.count(*c)) {
            missing("项目支出表的「" + u8(col) + "」列", where + "需要此项（工作表「" + u8(p->sheet->name) + "」）");
            return std::nullopt;
        }
        if (p->rows.empty()) {
            missing("项目支出表的项目行", "工作表「" + u8(p->sheet->name) + "」中没有项目");
            return std::nullopt;
        }
        std::vector<Addr> out;
        for (std::size_t r : p->rows) out.push_back({p->sheet->name, r, p->columns.at(*c)});
        return out;
    }

    // One reference token (no brackets): label, 部门.ROW.COL or 项目.COL -> addresses.
    std::optional<std::vector<Addr>> refs(std::u16string_view token, const std::string& where) {
        std::u16string t(trim(token));
        auto parts = splitTop(t, u'.');
        if (parts.size() == 3 && parts[0] == u"部门") {
            auto a = departmentCell(parts[1], parts[2], where);
            if (!a) return std::nullopt;
            return std::vector<Addr>{*a};
        }
        if (parts.size() == 2 && parts[0] == u"项目") return projectColumn(parts[1], where);
        auto a = label(t, where);
        if (!a) return std::nullopt;
        return std::vector<Addr>{*a};
    }

    // A list of cells as one range: directly when they are one column of consecutive rows,
    // otherwise stacked into a column of the 计算底稿 sheet.
    std::u16string asRange(const std::vector<Addr>& cells, std::u16string_view description) {
        bool contiguous = true;
        for (std::size_t i = 1; i < cells.size() && contiguous; ++i)
            contiguous = cells[i].sheet == cells[0].sheet && cells[i].col == cells[0].col &&
                         cells[i].row == cells[i - 1].row + 1;
        if (contiguous) {
            if (cells.size() == 1) return cellRef(cells[0].sheet, cells[0].row, cells[0].col);
            return rangeRef(cells[0].sheet, cells[0].row, cells[0].col, cells.back().row, cells.back().col);
        }
        std::u16string key;
        for (const Addr& a : cells) key += a.sheet + u"!" + numText(a.row) + u"," + numText(a.col) + u";";
        auto it = stacks_.find(key);
        if (it != stacks_.end()) return it->second;
        SheetPlan& w = workings();
        std::size_t col = nextWorkingsCol_++;
        w.put(0, col, withStyle(OutCell::str(std::u16string(description)), true));
        w.columnWidths[col] = 4500;
        // Runs of consecutive source rows are written as one formula copied down.
        std::size_t i = 0;
        while (i < cells.size()) {
            std::size_t j = i + 1;
            while (j < cells.size() && cells[j].sheet == cells[i].sheet && cells[j].col == cells[i].col &&
                   cells[j].row == cells[j - 1].row + 1)
                ++j;
            std::u16string f = u"=$" + quoteSheet(cells[i].sheet) + u".$" + columnName(cells[i].col) +
                               numText(static_cast<double>(cells[i].row + 1));
            if (j - i == 1) w.put(1 + i, col, OutCell::formula(f));
            else w.runs.push_back({1 + i, col, j - i, f});
            i = j;
        }
        std::u16string range = rangeRef(w.name, 1, col, cells.size(), col);
        stacks_[key] = range;
        return range;
    }

    // Expands a formula template: 【分值】, 【label】, 【部门.行.列】, 【项目.列】, 【合并(a;b;…)】.
    std::u16string formula(std::u16string_view tmpl, double weight, const std::string& where) {
        return expand(tmpl, weight, where, false);
    }
    // Expands a text template into a formula expression: literal text joined with figures,
    // 【label】 formatted by its unit, 【label|格式】, 【label|说明】, 【=expression|格式】.
    std::u16string text(std::u16string_view tmpl, double weight, const std::string& where) {
        return expand(tmpl, weight, where, true);
    }

    SheetPlan* workingsIfUsed() { return workings_ ? &*workings_ : nullptr; }

    // One line per missing thing; every place that needs it is added to that line.
    void missing(const std::string& what, const std::string& detail) {
        if (!seen_.insert(what + "\x01" + detail).second) return;
        auto it = lineOf_.find(what);
        std::string head = "缺少 " + what + "：";
        if (it != lineOf_.end() && it->second < plan_.problems.size() &&
            plan_.problems[it->second].compare(0, head.size(), head) == 0) {
            plan_.problems[it->second] += "；" + detail;
            return;
        }
        lineOf_[what] = plan_.problems.size();
        plan_.problems.push_back(head + detail);
    }

    std::u16string workingsName;

private:
    static OutCell withStyle(OutCell c, bool bold) {
        c.bold = bold;
        return c;
    }

    SheetPlan& workings() {
        if (!workings_) {
            workings_.emplace();
            workings_->name = workingsName;
        }
        return *workings_;
    }

    std::u16string token(std::u16string_view inner, double weight, const std::string& where, bool textMode) {
        std::u16string t(trim(inner));
        if (t == u"分值" || t == u"权重") return numText(weight);
        if (textMode && !t.empty() && t[0] == u'=') {
            auto parts = splitTop(std::u16string_view(t).substr(1), u'|');
            std::u16string fmt = parts.size() > 1 ? std::u16string(trim(parts.back())) : u"General";
            std::u16string exprT = parts[0];
            for (std::size_t i = 1; i + 1 < parts.size(); ++i) exprT += u"|" + parts[i];
            return u"TEXT(" + expand(exprT, weight, where, false) + u";" + quoted(fmt) + u")";
        }
        static const std::u16string_view stackOpen = u"合并(";
        if (t.rfind(stackOpen, 0) == 0 && (t.back() == u')' || t.back() == u'）')) {
            std::u16string body = t.substr(stackOpen.size(), t.size() - stackOpen.size() - 1);
            std::vector<Addr> all;
            bool ok = true;
            for (const std::u16string& item : splitTop(body, u';')) {
                auto r = refs(item, where);
                if (!r) { ok = false; continue; }
                all.insert(all.end(), r->begin(), r->end());
            }
            if (!ok) return u"0";
            return asRange(all, t);
        }
        if (textMode) {
            auto parts = splitTop(t, u'|');
            std::u16string ref = parts[0];
            if (parts.size() > 1 && trim(parts[1]) == u"说明") {
                auto a = note(ref, where);
                return a ? cellRef(a->sheet, a->row, a->col) : u"\"\"";
            }
            auto r = refs(ref, where);
            if (!r) return u"\"\"";
            std::u16string fmt = parts.size() > 1 ? std::u16string(trim(parts[1])) : formatForUnit(labelUnit(ref));
            if (r->size() != 1) return u"\"\"";
            return u"TEXT(" + cellRef((*r)[0].sheet, (*r)[0].row, (*r)[0].col) + u";" + quoted(fmt) + u")";
        }
        auto r = refs(t, where);
        if (!r) return u"0";
        if (r->size() == 1) return scalar((*r)[0], t, where);
        return asRange(*r, t);
    }

    // A single input cell in a formula, checked: a label whose 单位 is a quantity must hold a
    // number (numeric text is read with VALUE, as an exported table has it).
    std::u16string scalar(const Addr& a, const std::u16string& token, const std::string& where) {
        std::u16string ref = cellRef(a.sheet, a.row, a.col);
        const Sheet* sheet = wb_.find(a.sheet);
        if (!sheet) return ref;
        const Cell& c = sheet->at(a.row, a.col);
        bool quantity = isQuantityUnit(labelUnit(token)) || token.rfind(u"部门.", 0) == 0;
        std::string at = u8(a.sheet) + "!" + u8(localRef(a.row, a.col));
        if (c.kind == Cell::Kind::Text && quantity) {
            std::u16string_view v = trim(c.text);
            if (!parseNumber(v)) {
                missing("数值「" + u8(token) + "」", "单元格 " + at + " 填的是「" + u8(v) + "」，不是数字（" + where + "需要）");
                return u"0";
            }
            return u"VALUE(" + ref + u")";
        }
        if (c.empty() && isQuantityUnit(labelUnit(token)))
            missing("数值「" + u8(token) + "」", "单元格 " + at + " 为空（" + where + "需要）");
        return ref;
    }

    static bool isQuantityUnit(std::u16string_view unit) {
        static const std::u16string_view units[] = {u"万元", u"亿元", u"元", u"%", u"％", u"家", u"个", u"次", u"场",
                                                     u"份", u"分", u"平方米", u"次/月", u"人", u"项", u"人次", u"天"};
        std::u16string u = normalizeLabel(unit);
        for (std::u16string_view x : units)
            if (u == x) return true;
        return false;
    }

    std::u16string expand(std::u16string_view tmpl, double weight, const std::string& where, bool textMode) {
        std::u16string out, literal;
        std::vector<std::u16string> pieces;  // text mode: expressions to join with &
        std::size_t i = 0;
        while (i < tmpl.size()) {
            char16_t c = tmpl[i];
            if (c == u'【') {
                std::size_t j = pastClosingBracket(tmpl, i);
                if (j == std::u16string_view::npos) {
                    missing("】", where + "的公式模板中有未闭合的【");
                    return textMode ? u"\"\"" : u"0";
                }
                std::u16string expr = token(tmpl.substr(i + 1, j - i - 2), weight, where, textMode);
                if (textMode) {
                    if (!literal.empty()) pieces.push_back(textExpr(literal));
                    literal.clear();
                    pieces.push_back(expr);
                } else {
                    out += expr;
                }
                i = j;
                continue;
            }
            if (textMode) literal += c;
            else out += c;
            ++i;
        }
        if (!textMode) return out;
        if (!literal.empty()) pieces.push_back(textExpr(literal));
        std::u16string joined;
        for (std::size_t k = 0; k < pieces.size(); ++k) joined += (k ? u"&" : u"") + pieces[k];
        return joined.empty() ? u"\"\"" : joined;
    }

    const Workbook& wb_;
    FillPlan& plan_;
    bool projectTried_ = false, departmentTried_ = false, basicTried_ = false;
    std::optional<ProjectTable> project_;
    std::optional<DepartmentTable> department_;
    std::optional<BasicInfo> basic_;
    std::optional<SheetPlan> workings_;
    std::size_t nextWorkingsCol_ = 0;
    std::map<std::u16string, std::u16string> stacks_;
    std::set<std::string> seen_;
    std::map<std::string, std::size_t> lineOf_;
};

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
        std::string where = "「" + u8(e.ind->name) + "」的适用条件";
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
                                                           std::vector<std::string>& problems) {
    const Sheet& s = *ex.sheet;
    std::map<std::u16string, std::size_t> rowOf;
    for (std::size_t r = ex.firstRow; r < s.rows; ++r) {
        const Cell& cell = s.at(r, ex.nameCol);
        if (cell.kind == Cell::Kind::Text) rowOf.try_emplace(normalizeLabel(cell.text), r);
    }
    for (const Effective& e : eff)
        if (!rowOf.count(normalizeLabel(e.ind->name)))
            problems.push_back("缺少 附件1 中「" + u8(e.ind->name) + "」一行：工作表「" + u8(s.name) + "」的 " +
                               u8(columnName(ex.nameCol)) + " 列没有这个三级指标");
    return rowOf;
}

// The 评分 and 专家意见 formulas of one indicator (shared by the fill and the check).
struct Formulas {
    Resolver& res;

    std::u16string overridden(std::u16string_view name, double w, std::u16string rule, const std::string& where) {
        std::u16string label = std::u16string(name) + u"-人工计分比例";
        if (!res.hasLabel(label)) return rule;
        auto a = res.label(label, where);
        std::u16string ref = cellRef(a->sheet, a->row, a->col);
        return u"IF(ISBLANK(" + ref + u");" + rule + u";" + numText(w) + u"*" + ref + u")";
    }

    // `formulaOf` picks the template of an indicator or sub-criterion (the main reading by default).
    std::u16string score(const Effective& e,
                         const std::function<std::u16string(const std::u16string&)>& formulaOf = nullptr) {
        std::string where = "指标「" + u8(e.ind->name) + "」";
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
                std::string subWhere = where + "的子项「" + u8(sc.name) + "」";
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
        std::string where = "「" + u8(e.ind->name) + "」的专家意见";
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


}  // namespace jixiao::internal
