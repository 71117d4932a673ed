#include "jixiao/filler.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>

#include "jixiao/values.hpp"

namespace jixiao {

namespace {

std::string u8(std::u16string_view s) { return toUtf8(s); }

std::u16string numText(double x) { return numberText16(x); }

// A Calc string literal: "..." with quotes doubled.
std::u16string quoted(std::u16string_view s) {
    std::u16string q = u"\"";
    for (char16_t c : s) {
        if (c == u'"') q += u"\"\"";
        else q += c;
    }
    return q + u"\"";
}

// Literal text as a formula expression: line breaks as CHAR(10), long runs split (the .xlsx
// format limits a string constant in a formula to 255 characters).
std::u16string textExpr(std::u16string_view s) {
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

// Splits at top-level separators (outside 【】 and parentheses).
std::vector<std::u16string> splitTop(std::u16string_view s, char16_t sep) {
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

std::u16string formatForUnit(std::u16string_view unit) {
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
            missing("基础信息 label 「" + u8(name) + "」", "needed by " + where + "; add a row with this label in sheet " +
                                                           u8(b->sheet->name));
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
            missing("基础信息 column 来源及说明", "needed by " + where + " (「" + u8(name) + "|说明」)");
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
        auto r = d->rowsByLabel.find(normalizeLabel(row));
        if (r == d->rowsByLabel.end())
            missing("部门支出表 row 「" + u8(row) + "」", "needed by " + where + " in sheet " + u8(d->sheet->name));
        if (!c || !d->columns.count(*c))
            missing("部门支出表 column 「" + u8(col) + "」", "needed by " + where + " in sheet " + u8(d->sheet->name));
        if (r == d->rowsByLabel.end() || !c || !d->columns.count(*c)) return std::nullopt;
        return Addr{d->sheet->name, r->second, d->columns.at(*c)};
    }

    // 项目.COL: every project row's cell in that column.
    std::optional<std::vector<Addr>> projectColumn(std::u16string_view col, const std::string& where) {
        const ProjectTable* p = project();
        if (!p) return std::nullopt;
        auto c = columnFromKey(col);
        if (!c || !p->columns.count(*c)) {
            missing("项目支出表 column 「" + u8(col) + "」", "needed by " + where + " in sheet " + u8(p->sheet->name));
            return std::nullopt;
        }
        if (p->rows.empty()) {
            missing("项目支出表 rows", "sheet " + u8(p->sheet->name) + " has no project rows");
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

    void missing(const std::string& what, const std::string& detail) {
        std::string line = "缺少 " + what + "：" + detail;
        if (seen_.insert(line).second) plan_.problems.push_back(line);
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
        if (r->size() == 1) return cellRef((*r)[0].sheet, (*r)[0].row, (*r)[0].col);
        return asRange(*r, t);
    }

    std::u16string expand(std::u16string_view tmpl, double weight, const std::string& where, bool textMode) {
        std::u16string out, literal;
        std::vector<std::u16string> pieces;  // text mode: expressions to join with &
        std::size_t i = 0;
        while (i < tmpl.size()) {
            char16_t c = tmpl[i];
            if (c == u'【') {
                int depth = 1;
                std::size_t j = i + 1;
                for (; j < tmpl.size() && depth > 0; ++j) {
                    if (tmpl[j] == u'【') ++depth;
                    if (tmpl[j] == u'】') --depth;
                }
                if (depth != 0) {
                    missing("】", "unclosed 【 in the template of " + where);
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
};

std::u16string uniqueName(const Workbook& wb, std::u16string_view base) {
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

std::optional<ExistingAppendix> findExistingAppendix(const Workbook& wb) {
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
        if (score && expert && name) return ExistingAppendix{&s, *name, *score, *expert, lastHeader + 1};
    }
    return std::nullopt;
}

// Applicability and weight moves: an indicator whose 适用条件 label is not 是 scores 0 and its
// weight moves to the indicator named in 不适用时分值转入.
std::vector<Effective> effectiveWeights(const IndicatorSystem& sys, Resolver& res) {
    std::vector<Effective> eff;
    for (const Indicator& i : sys.indicators) eff.push_back({&i, i.weight, true});
    for (Effective& e : eff) {
        if (e.ind->condition.empty()) continue;
        std::string where = "适用条件 of " + u8(e.ind->name);
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
        std::string where = "指标 " + u8(e.ind->name);
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
                std::string subWhere = where + " / " + u8(sc.name);
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
        std::string where = "专家意见 of " + u8(e.ind->name);
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

}  // namespace

bool isYes(const Cell& c) {
    if (c.kind == Cell::Kind::Number) return c.number != 0;
    if (c.kind != Cell::Kind::Text) return false;
    std::u16string_view t = trim(c.text);
    return t == u"是" || t == u"有" || t == u"存在" || t == u"适用" || equalsAsciiNoCase(t, "TRUE") ||
           equalsAsciiNoCase(t, "Y") || equalsAsciiNoCase(t, "YES") || t == u"1" || t == u"√";
}

FillPlan planFill(const Workbook& wb) {
    FillPlan plan;
    Resolver res(wb, plan);

    // ---- the indicator system ----
    std::vector<std::string> sysProblems;
    const Sheet* sysSheet = findIndicatorSheet(wb);
    Sheet builtIn;
    if (!sysSheet) {
        builtIn = defaultIndicatorSheet();
        sysSheet = &builtIn;
        plan.notes.push_back("no 指标体系 sheet: the built-in default indicator system was used and written as a sheet");
    }
    std::optional<IndicatorSystem> sys = readIndicatorSystem(*sysSheet, sysProblems);
    for (auto& p : sysProblems) plan.problems.push_back("指标体系：" + p);
    if (!sys) return plan;
    for (auto& p : checkWeights(*sys)) plan.problems.push_back("指标体系权重：" + p);

    std::vector<Effective> eff = effectiveWeights(*sys, res);

    std::optional<ExistingAppendix> existing = findExistingAppendix(wb);
    // The 计算底稿 of an earlier fill (every heading a 合并(…) stack) is replaced, not duplicated.
    if (const Sheet* old = wb.find(FillNames::workings)) {
        bool generated = old->rows > 0;
        for (std::size_t c = 0; c < old->cols && generated; ++c) {
            const Cell& h = old->at(0, c);
            generated = h.kind == Cell::Kind::Text && h.text.rfind(u"合并(", 0) == 0;
        }
        if (generated) plan.replaceSheets.push_back(old->name);
    }
    res.workingsName = plan.replaceSheets.empty() ? uniqueName(wb, FillNames::workings)
                                                  : std::u16string(FillNames::workings);
    if (existing) {
        const Sheet& s = *existing->sheet;
        plan.inPlace = true;
        plan.targetSheet = s.name;
        // Each indicator's row, matched by name.
        std::map<std::u16string, std::size_t> rowOf;
        std::optional<std::size_t> totalRow;
        for (std::size_t r = existing->firstRow; r < s.rows; ++r) {
            for (std::size_t c = 0; c <= existing->nameCol; ++c) {
                const Cell& cell = s.at(r, c);
                if (cell.kind != Cell::Kind::Text) continue;
                std::u16string n = normalizeLabel(cell.text);
                if (c == existing->nameCol && !rowOf.count(n)) rowOf[n] = r;
                if (n == u"合计" || n == u"总计") totalRow = r;
            }
        }
        for (const Effective& e : eff) {
            if (!rowOf.count(normalizeLabel(e.ind->name)))
                plan.problems.push_back("缺少 附件1 row 「" + u8(e.ind->name) + "」：sheet " + u8(s.name) +
                                        " has no row with this 三级指标 in column " + u8(columnName(existing->nameCol)));
        }
        if (!plan.problems.empty()) return plan;
        for (const Effective& e : eff)
            plan.scores.push_back({e.ind->name, e.weight, e.applicable, {}, s.name,
                                   rowOf.at(normalizeLabel(e.ind->name)), existing->scoreCol});
        (void)totalRow;
    }

    Formulas formulas{res};
    auto scoreFormula = [&](const Effective& e) { return formulas.score(e); };
    auto expertFormula = [&](const Effective& e) { return formulas.expert(e); };

    const BasicInfo* basic = res.basic();

    if (plan.inPlace) {
        const Sheet& s = *existing->sheet;
        std::size_t k = 0;
        for (const Effective& e : eff) {
            PlannedScore& ps = plan.scores[k++];
            ps.formula = scoreFormula(e);
            plan.writes.push_back({s.name, ps.row, existing->scoreCol, OutCell::formula(ps.formula)});
            OutCell ex = OutCell::formula(expertFormula(e));
            ex.wrap = true;
            plan.writes.push_back({s.name, ps.row, existing->expertCol, ex});
        }
        // The total, when the template leaves it blank.
        for (std::size_t r = existing->firstRow; r < s.rows; ++r) {
            bool isTotal = false;
            for (std::size_t c = 0; c < existing->scoreCol; ++c) {
                const Cell& cell = s.at(r, c);
                if (cell.kind == Cell::Kind::Text) {
                    std::u16string n = normalizeLabel(cell.text);
                    isTotal = isTotal || n == u"合计" || n == u"总计";
                }
            }
            if (!isTotal) continue;
            std::u16string parts;
            for (const PlannedScore& ps : plan.scores) parts += (parts.empty() ? u"" : u";") + localRef(ps.row, ps.col);
            if (s.at(r, existing->scoreCol).empty())
                plan.writes.push_back({s.name, r, existing->scoreCol, OutCell::formula(u"=SUM(" + parts + u")")});
            plan.totalCell = cellRef(s.name, r, existing->scoreCol);
            break;
        }
        if (SheetPlan* w = res.workingsIfUsed()) plan.sheets.push_back(*w);
        if (!plan.problems.empty()) { plan.writes.clear(); plan.sheets.clear(); }
        return plan;
    }

    // ---- a new 附件1 ----
    SheetPlan a;
    a.name = uniqueName(wb, FillNames::appendix);
    a.landscape = true;
    plan.targetSheet = a.name;
    enum { C_L1, C_L1W, C_L2, C_L2W, C_L3, C_L3W, C_EXPL, C_STD, C_SCORE, C_BASIS, C_EXPERT, C_RATE, NC };
    auto bold = [](OutCell c) { c.bold = true; c.center = true; return c; };
    auto wrap = [](OutCell c) { c.wrap = true; return c; };
    OutCell title = bold(OutCell::str(u"部门整体绩效评价表"));
    title.height = 16;
    a.put(0, 0, title);
    a.merges.push_back({0, 0, 0, NC - 1});
    auto infoText = [&](std::u16string_view prefix, std::u16string_view labelName) {
        if (basic && res.hasLabel(labelName)) {
            auto ad = res.label(labelName, "附件1 表头");
            return OutCell::formula(u"=" + quoted(prefix) + u"&" + cellRef(ad->sheet, ad->row, ad->col));
        }
        return OutCell::str(std::u16string(prefix));
    };
    a.put(1, 0, infoText(u"第三方机构：", u"评价机构"));
    a.merges.push_back({1, 0, 1, 5});
    a.put(1, 6, infoText(u"被评价部门：", u"被评价部门"));
    a.merges.push_back({1, 6, 1, NC - 1});
    a.put(2, 0, bold(OutCell::str(u"评价指标")));
    a.merges.push_back({2, 0, 2, 5});
    const std::u16string_view tops[] = {u"指标说明", u"评分标准", u"评分", u"评分依据", u"专家意见", u"得分率"};
    for (std::size_t k = 0; k < 6; ++k) {
        a.put(2, C_EXPL + k, bold(OutCell::str(std::u16string(tops[k]))));
        a.merges.push_back({2, C_EXPL + k, 4, C_EXPL + k});
    }
    a.put(3, C_L1, bold(OutCell::str(u"一级指标")));
    a.merges.push_back({3, C_L1, 3, C_L1W});
    a.put(3, C_L2, bold(OutCell::str(u"二级指标")));
    a.merges.push_back({3, C_L2, 3, C_L2W});
    a.put(3, C_L3, bold(OutCell::str(u"三级指标")));
    a.merges.push_back({3, C_L3, 3, C_L3W});
    for (std::size_t c : {C_L1, C_L2, C_L3}) {
        a.put(4, c, bold(OutCell::str(u"名称")));
        a.put(4, c + 1, bold(OutCell::str(u"权重(%)")));
    }
    a.headerRows = 5;
    const std::size_t first = 5;
    std::size_t r = first;
    std::size_t l1Start = first, l2Start = first;
    struct Group {
        std::u16string name;
        std::size_t r0, r1;
    };
    std::vector<Group> l1Groups, l2Groups;
    for (std::size_t k = 0; k < eff.size(); ++k, ++r) {
        const Effective& e = eff[k];
        const Indicator& ind = *e.ind;
        bool newL1 = k == 0 || eff[k - 1].ind->level1 != ind.level1;
        bool newL2 = newL1 || eff[k - 1].ind->level2 != ind.level2;
        if (newL1) { l1Start = r; l1Groups.push_back({ind.level1, r, r}); }
        if (newL2) { l2Start = r; l2Groups.push_back({ind.level2, r, r}); }
        l1Groups.back().r1 = r;
        l2Groups.back().r1 = r;
        (void)l1Start;
        (void)l2Start;
        a.put(r, C_L3, wrap(OutCell::str(ind.name)));
        OutCell w = OutCell::num(e.weight);
        w.format = u"0.00";
        a.put(r, C_L3W, w);
        a.put(r, C_EXPL, wrap(OutCell::str(ind.explanation)));
        a.put(r, C_STD, wrap(OutCell::str(ind.standard)));
        std::u16string sf = scoreFormula(e);
        OutCell sc = OutCell::formula(sf);
        sc.format = u"0.00";
        a.put(r, C_SCORE, sc);
        a.put(r, C_BASIS, wrap(OutCell::str(e.applicable ? ind.basis : u"——")));
        a.put(r, C_EXPERT, wrap(OutCell::formula(expertFormula(e))));
        OutCell rate = OutCell::formula(u"=IF(" + localRef(r, C_L3W) + u"=0;\"—\";" + localRef(r, C_SCORE) + u"/" +
                                        localRef(r, C_L3W) + u")");
        rate.format = u"0.00%";
        a.put(r, C_RATE, rate);
        plan.scores.push_back({ind.name, e.weight, e.applicable, sf, a.name, r, C_SCORE});
    }
    const std::size_t last = r - 1;
    for (const Group& g : l1Groups) {
        a.put(g.r0, C_L1, wrap(OutCell::str(g.name)));
        OutCell w = OutCell::formula(u"=SUM(" + localRef(g.r0, C_L3W) + u":" + localRef(g.r1, C_L3W) + u")");
        w.format = u"0";
        a.put(g.r0, C_L1W, w);
        if (g.r1 > g.r0) {
            a.merges.push_back({g.r0, C_L1, g.r1, C_L1});
            a.merges.push_back({g.r0, C_L1W, g.r1, C_L1W});
        }
    }
    for (const Group& g : l2Groups) {
        a.put(g.r0, C_L2, wrap(OutCell::str(g.name)));
        OutCell w = OutCell::formula(u"=SUM(" + localRef(g.r0, C_L3W) + u":" + localRef(g.r1, C_L3W) + u")");
        w.format = u"0";
        a.put(g.r0, C_L2W, w);
        if (g.r1 > g.r0) {
            a.merges.push_back({g.r0, C_L2, g.r1, C_L2});
            a.merges.push_back({g.r0, C_L2W, g.r1, C_L2W});
        }
    }
    // 合计
    a.put(r, 0, bold(OutCell::str(u"合   计")));
    a.merges.push_back({r, 0, r, C_STD});
    OutCell total = OutCell::formula(u"=SUM(" + localRef(first, C_SCORE) + u":" + localRef(last, C_SCORE) + u")");
    total.format = u"0.00";
    total.bold = true;
    a.put(r, C_SCORE, total);
    a.put(r, C_BASIS, OutCell::str(u"——"));
    a.put(r, C_EXPERT, OutCell::str(u"——"));
    OutCell totalRate = OutCell::formula(u"=" + localRef(r, C_SCORE) + u"/SUM(" + localRef(first, C_L3W) + u":" +
                                         localRef(last, C_L3W) + u")");
    totalRate.format = u"0.00%";
    a.put(r, C_RATE, totalRate);
    plan.totalCell = cellRef(a.name, r, C_SCORE);
    const long widths[NC] = {1800, 1300, 1800, 1300, 2800, 1300, 5000, 7000, 1400, 4500, 8000, 1600};
    for (std::size_t c = 0; c < NC; ++c) a.columnWidths[c] = widths[c];

    // ---- 评价结果 (like 表3-1) with the chart ----
    SheetPlan sum;
    sum.name = uniqueName(wb, FillNames::summary);
    OutCell sumTitle = bold(OutCell::str(u"部门整体支出绩效评价综合得分"));
    sumTitle.height = 14;
    sum.put(0, 0, sumTitle);
    sum.merges.push_back({0, 0, 0, 3});
    const std::u16string_view head[] = {u"评价内容", u"分值配置", u"实际得分", u"得分率"};
    for (std::size_t c = 0; c < 4; ++c) sum.put(1, c, bold(OutCell::str(std::u16string(head[c]))));
    auto sumRow = [&](std::size_t row, std::u16string name, std::size_t r0, std::size_t r1) {
        sum.put(row, 0, OutCell::str(std::move(name)));
        OutCell w = OutCell::formula(u"=SUM(" + rangeRef(a.name, r0, C_L3W, r1, C_L3W) + u")");
        w.format = u"0.00";
        sum.put(row, 1, w);
        OutCell s = OutCell::formula(u"=SUM(" + rangeRef(a.name, r0, C_SCORE, r1, C_SCORE) + u")");
        s.format = u"0.00";
        sum.put(row, 2, s);
        OutCell p = OutCell::formula(u"=IF(" + localRef(row, 1) + u"=0;\"—\";" + localRef(row, 2) + u"/" +
                                     localRef(row, 1) + u")");
        p.format = u"0.00%";
        sum.put(row, 3, p);
    };
    std::size_t sr = 2;
    for (const Group& g : l1Groups) sumRow(sr++, g.name, g.r0, g.r1);
    sumRow(sr, u"综合评分", first, last);
    sum.cells[{sr, 0}].bold = true;
    std::size_t totalRowSum = sr++;
    sum.put(sr, 0, OutCell::str(u"评价等级"));
    sum.put(sr, 2, OutCell::formula(u"=PERF_GRADE(" + localRef(totalRowSum, 2) + u")"));
    plan.gradeCell = cellRef(sum.name, sr, 2);
    sr += 2;
    sum.put(sr, 0, bold(OutCell::str(u"二级指标")));
    for (std::size_t c = 1; c < 4; ++c) sum.put(sr, c, bold(OutCell::str(std::u16string(head[c]))));
    std::size_t chartTop = sr++;
    for (const Group& g : l2Groups) sumRow(sr++, g.name, g.r0, g.r1);
    sum.chart = ChartPlan{u"JixiaoChart", u"部门履职用财情况评价结果", chartTop, 0, sr - 1, 2, 1, 5};
    sum.columnWidths = {{0, 4200}, {1, 2200}, {2, 2200}, {3, 2200}};

    plan.sheets.push_back(std::move(a));
    plan.sheets.push_back(std::move(sum));
    if (SheetPlan* w = res.workingsIfUsed()) plan.sheets.push_back(*w);

    // ---- the indicator system as a sheet, when the built-in default was used ----
    if (sysSheet == &builtIn) {
        SheetPlan is;
        is.name = uniqueName(wb, FillNames::indicators);
        for (std::size_t rr = 0; rr < builtIn.rows; ++rr)
            for (std::size_t c = 0; c < builtIn.cols; ++c) {
                const Cell& cell = builtIn.at(rr, c);
                if (cell.kind == Cell::Kind::Number) is.put(rr, c, OutCell::num(cell.number));
                else if (cell.kind == Cell::Kind::Text) {
                    std::u16string t = unescapeLineBreaks(cell.text);
                    OutCell oc = OutCell::str(std::move(t));
                    oc.bold = rr == 0;
                    is.put(rr, c, oc);
                }
            }
        is.headerRows = 1;
        plan.sheets.push_back(std::move(is));
    }
    if (!plan.problems.empty()) plan.sheets.clear();
    return plan;
}

}  // namespace jixiao
