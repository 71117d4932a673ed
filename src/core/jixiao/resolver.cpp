#include "jixiao/resolver.hpp"

namespace jixiao::internal {

std::u16string quoted(std::u16string_view s) {
    std::u16string q = u"\"";
    for (char16_t c : s) {
        if (c == u'"') q += u"\"\"";
        else q += c;
    }
    return q + u"\"";
}

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

std::size_t pastClosingBracket(std::u16string_view t, std::size_t open) {
    int depth = 0;
    for (std::size_t j = open; j < t.size(); ++j) {
        if (t[j] == u'【') ++depth;
        if (t[j] == u'】' && --depth == 0) return j + 1;
    }
    return std::u16string_view::npos;
}

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

namespace {

OutCell bold(OutCell c) {
    c.bold = true;
    return c;
}

bool isQuantityUnit(std::u16string_view unit) {
    static const std::u16string_view units[] = {u"万元", u"亿元", u"元", u"%", u"％", u"家", u"个", u"次", u"场",
                                                 u"份", u"分", u"平方米", u"次/月", u"人", u"项", u"人次", u"天"};
    std::u16string u = normalizeLabel(unit);
    for (std::u16string_view x : units)
        if (u == x) return true;
    return false;
}

// "WHERE needs it (sheet S)": a place that needs a row or column of a table.
Message needsItemIn(const Message& where, const std::u16string& sheet) {
    return msg("resolver.needsItemIn", "{1}需要此项（工作表「{2}」）", "{1} needs it (sheet \"{2}\")", where, sheet);
}

}  // namespace

// Sheets are looked up only when a template needs them, so a system that never reads the project
// table does not require one. The lookup runs once; a missing table is reported whenever it is
// needed (the report itself is deduplicated, and rolled back with a discarded attempt).
template <class T, class Find>
const T* Resolver::table(Lookup<T>& l, Find find, const Message& what, const Message& where) {
    if (!l.tried) {
        l.tried = true;
        l.table = find(wb_, l.why);
    }
    if (l.table) return &*l.table;
    missing(what, l.why);
    if (!where.templ(Lang::Zh).empty())
        missing(what, msg("resolver.needsTable", "{1}需要此表", "{1} needs this table", where));
    return nullptr;
}

const ProjectTable* Resolver::project(const Message& where) {
    return table(project_, findProjectTable,
                 msg("resolver.projectTable", "项目支出表（如表1-6）", "the project table (like 表1-6)"), where);
}

const DepartmentTable* Resolver::department(const Message& where) {
    return table(department_, findDepartmentTable,
                 msg("resolver.departmentTable", "部门支出表（如表1-5）", "the department table (like 表1-5)"), where);
}

const BasicInfo* Resolver::basic(const Message& where) {
    return table(basic_, findBasicInfo,
                 msg("resolver.basicTable", "基础信息表（部门整体评价基础信息填报表）",
                     "the basic information sheet (部门整体评价基础信息填报表)"),
                 where);
}

std::optional<Addr> Resolver::label(std::u16string_view name, const Message& where) {
    const BasicInfo* b = basic(where);
    if (!b) return std::nullopt;
    auto it = b->rowsByLabel.find(normalizeLabel(name));
    if (it == b->rowsByLabel.end()) {
        missing(msg("resolver.label", "基础信息「{1}」（请在工作表「{2}」添加这一行）",
                    "basic information (基础信息) \"{1}\" (add this row to sheet \"{2}\")", name, b->sheet->name),
                msg("resolver.needsItem", "{1}需要此项", "{1} needs it", where));
        return std::nullopt;
    }
    return Addr{b->sheet->name, it->second, b->valueCol};
}

bool Resolver::hasLabel(std::u16string_view name) {
    const BasicInfo* b = basic();
    return b && b->rowsByLabel.count(normalizeLabel(name));
}

const Cell* Resolver::labelValue(std::u16string_view name) {
    const BasicInfo* b = basic();
    if (!b) return nullptr;
    auto it = b->rowsByLabel.find(normalizeLabel(name));
    return it == b->rowsByLabel.end() ? nullptr : &b->sheet->at(it->second, b->valueCol);
}

std::u16string Resolver::labelText(std::u16string_view name, std::optional<std::size_t> BasicInfo::*col) {
    const BasicInfo* b = basic();
    if (!b || !(b->*col)) return {};
    auto it = b->rowsByLabel.find(normalizeLabel(name));
    if (it == b->rowsByLabel.end()) return {};
    const Cell& c = b->sheet->at(it->second, *(b->*col));
    return c.kind == Cell::Kind::Text ? c.text : std::u16string();
}

std::u16string Resolver::labelUnit(std::u16string_view name) { return labelText(name, &BasicInfo::unitCol); }

std::u16string Resolver::labelNote(std::u16string_view name) { return labelText(name, &BasicInfo::noteCol); }

std::optional<Addr> Resolver::note(std::u16string_view name, const Message& where) {
    auto a = label(name, where);
    if (!a) return std::nullopt;
    const BasicInfo* b = basic();
    if (!b->noteCol) {
        missing(msg("resolver.noteColumn", "基础信息表的「来源及说明」列",
                    "the column \"来源及说明\" (source and notes) of the basic information sheet"),
                msg("resolver.quotesNote", "{1}引用了「{2}|说明」", "{1} quotes \"{2}|说明\"", where, name));
        return std::nullopt;
    }
    return Addr{a->sheet, a->row, *b->noteCol};
}

std::optional<Addr> Resolver::departmentCell(std::u16string_view row, std::u16string_view col, const Message& where) {
    const DepartmentTable* d = department(where);
    if (!d) return std::nullopt;
    auto c = columnFromKey(col);
    std::optional<std::size_t> r = d->row(row);
    if (!r)
        missing(msg("resolver.departmentRow", "部门支出表的「{1}」行", "the row \"{1}\" of the department table", row),
                needsItemIn(where, d->sheet->name));
    if (!c || !d->columns.count(*c))
        missing(msg("resolver.departmentColumn", "部门支出表的「{1}」列", "the column \"{1}\" of the department table", col),
                needsItemIn(where, d->sheet->name));
    if (!r || !c || !d->columns.count(*c)) return std::nullopt;
    return Addr{d->sheet->name, *r, d->columns.at(*c)};
}

std::optional<std::vector<Addr>> Resolver::projectColumn(std::u16string_view col, const Message& where) {
    const ProjectTable* p = project(where);
    if (!p) return std::nullopt;
    auto c = columnFromKey(col);
    if (!c || !p->columns.count(*c)) {
        missing(msg("resolver.projectColumn", "项目支出表的「{1}」列", "the column \"{1}\" of the project table", col),
                needsItemIn(where, p->sheet->name));
        return std::nullopt;
    }
    if (p->rows.empty()) {
        missing(msg("resolver.projectRows", "项目支出表的项目行", "the project rows of the project table"),
                msg("resolver.noProjects", "工作表「{1}」中没有项目", "sheet \"{1}\" has no projects", p->sheet->name));
        return std::nullopt;
    }
    std::vector<Addr> out;
    for (std::size_t r : p->rows) {
        out.push_back({p->sheet->name, r, p->columns.at(*c)});
        // the range policy reads numbers, numeric text, blanks and dashes; anything else (a word, an
        // error value as the cell shows it) is named here, not left to an Err:502 in 附件1
        const Cell& cell = p->sheet->at(r, p->columns.at(*c));
        if (cell.kind == Cell::Kind::Text && !isBlankText(cell.text) && !parseNumber(cell.text)) {
            std::string at = u8(p->sheet->name) + "!" + u8(localRef(r, p->columns.at(*c)));
            missing(msg("resolver.projectNumber", "项目支出表「{1}」列的数值", "the numbers of the project table's column \"{1}\"", col),
                    msg("resolver.notANumber", "单元格 {1} 填的是「{2}」，不是数字（{3}需要）",
                        "cell {1} holds \"{2}\", not a number ({3} needs it)", at, trim(cell.text), where));
        }
    }
    return out;
}

std::optional<std::vector<Addr>> Resolver::refs(std::u16string_view token, const Message& where) {
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

std::u16string Resolver::asRange(const std::vector<Addr>& cells, std::u16string_view description) {
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
    auto it = state_.stacks.find(key);
    if (it != state_.stacks.end()) return it->second;
    SheetPlan& w = workingsSheet();
    std::size_t col = state_.nextWorkingsCol++;
    w.put(0, col, bold(OutCell::str(std::u16string(description))));
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
    state_.stacks[key] = range;
    return range;
}

void Resolver::missing(const Message& what, const Message& detail) {
    ++state_.misses;
    const std::string key = what.text();
    if (!state_.seen.insert(key + "\x01" + detail.text()).second) return;
    Problems& problems = state_.problems;
    auto it = state_.lineOf.find(key);
    if (it == state_.lineOf.end()) {
        it = state_.lineOf.emplace(key, std::make_pair(problems.size(), std::vector<Message>{})).first;
        problems.emplace_back();
    }
    it->second.second.push_back(detail);
    problems[it->second.first] = msg("missing", "缺少 {1}：{2}", "Missing {1}: {2}", what, joinMessages(it->second.second));
}

SheetPlan& Resolver::workingsSheet() {
    if (!state_.workings) {
        state_.workings.emplace();
        state_.workings->name = workingsName_;
    }
    return *state_.workings;
}

std::u16string Resolver::token(std::u16string_view inner, double weight, const Message& where, bool textMode) {
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

// A single input cell in a formula, checked: a label whose 单位 is a quantity must hold a number
// (numeric text is read with VALUE, as an exported table has it).
std::u16string Resolver::scalar(const Addr& a, const std::u16string& token, const Message& where) {
    std::u16string ref = cellRef(a.sheet, a.row, a.col);
    const Sheet* sheet = wb_.find(a.sheet);
    if (!sheet) return ref;
    const Cell& c = sheet->at(a.row, a.col);
    bool quantity = isQuantityUnit(labelUnit(token)) || token.rfind(u"部门.", 0) == 0;
    std::string at = u8(a.sheet) + "!" + u8(localRef(a.row, a.col));
    if (c.kind == Cell::Kind::Text && quantity) {
        std::u16string_view v = trim(c.text);
        if (!parseNumber(v)) {
            missing(msg("resolver.number", "数值「{1}」", "the number \"{1}\"", token),
                    msg("resolver.notANumber", "单元格 {1} 填的是「{2}」，不是数字（{3}需要）",
                        "cell {1} holds \"{2}\", not a number ({3} needs it)", at, v, where));
            return u"0";
        }
        return u"VALUE(" + ref + u")";
    }
    if (c.empty() && isQuantityUnit(labelUnit(token)))
        missing(msg("resolver.number", "数值「{1}」", "the number \"{1}\"", token),
                msg("resolver.emptyCell", "单元格 {1} 为空（{2}需要）", "cell {1} is empty ({2} needs it)", at, where));
    return ref;
}

std::u16string Resolver::expand(std::u16string_view tmpl, double weight, const Message& where, bool textMode) {
    std::u16string out, literal;
    std::vector<std::u16string> pieces;  // text mode: expressions to join with &
    std::size_t i = 0;
    while (i < tmpl.size()) {
        char16_t c = tmpl[i];
        if (c == u'【') {
            std::size_t j = pastClosingBracket(tmpl, i);
            if (j == std::u16string_view::npos) {
                missing(msg("resolver.closingBracket", "】", "the closing bracket 】"),
                        msg("resolver.unclosed", "{1}的公式模板中有未闭合的【", "the formula template of {1} has an unclosed 【",
                            where));
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

}  // namespace jixiao::internal
