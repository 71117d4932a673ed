#include "jixiao/workbook.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "jixiao/values.hpp"

namespace jixiao {

namespace {
const Cell kEmptyCell{};

std::u16string text(const Cell& c) {
    if (c.kind == Cell::Kind::Text) return normalizeLabel(c.text);
    return {};
}

struct Synonyms {
    Column column;
    std::vector<std::u16string_view> words;  // the first is the canonical key
};

const std::vector<Synonyms>& synonyms() {
    static const std::vector<Synonyms> table = {
        {Column::Sequence, {u"序号", u"编号"}},
        {Column::Name, {u"项目名称", u"项目", u"名称", u"项目支出名称"}},
        {Column::Initial, {u"年初预算数", u"年初预算", u"年初数", u"年初预算金额", u"年初预算安排"}},
        {Column::Adjustment, {u"调整金额", u"调整", u"调整数", u"调整额", u"预算调整数", u"预算调整金额", u"预算调整调整",
                              u"预算调整调整金额"}},
        {Column::AdjustmentRate, {u"调整率", u"预算调整率", u"预算调整调整率"}},
        {Column::Adjusted, {u"调整后预算数", u"调整后预算", u"调整后", u"全年预算数", u"全年预算", u"调整后预算金额"}},
        {Column::Actual, {u"支出数", u"支出金额", u"实际支出", u"实际支出数", u"实际支出金额", u"决算数", u"支出",
                          u"执行数", u"实际支出支出数", u"实际支出支出金额"}},
        {Column::ExecutionRate, {u"执行率", u"支出率", u"预算执行率", u"实际支出执行率", u"实际支出支出率"}},
    };
    return table;
}

std::optional<Column> matchHeader(const std::u16string& key) {
    if (key.empty()) return std::nullopt;
    for (const Synonyms& s : synonyms())
        for (std::u16string_view w : s.words)
            if (key == w) return s.column;
    return std::nullopt;
}

// Reads the columns of a header block [top, bottom]: for each column the lowest text in the block
// decides (a vertically merged header keeps its text in the top row); a two-row header under a
// merged parent ("预算调整" over "调整" and "调整率") is also tried as parent+child.
std::map<Column, std::size_t> headerColumns(const Sheet& s, std::size_t top, std::size_t bottom) {
    std::map<Column, std::size_t> out;
    for (std::size_t c = 0; c < s.cols; ++c) {
        std::u16string leaf;
        std::size_t leafRow = 0;
        for (std::size_t r = bottom + 1; r-- > top;) {
            leaf = text(s.at(r, c));
            if (!leaf.empty()) { leafRow = r; break; }
        }
        std::optional<Column> col = matchHeader(leaf);
        if (!col && !leaf.empty() && leafRow > top) {
            // parent: the nearest text at or left of this column in the row above
            for (std::size_t k = c + 1; k-- > 0;) {
                std::u16string parent = text(s.at(leafRow - 1, k));
                if (!parent.empty()) { col = matchHeader(parent + leaf); break; }
            }
        }
        if (col && !out.count(*col)) out[*col] = c;
    }
    return out;
}

struct HeaderHit {
    std::size_t top = 0, bottom = 0;
    std::map<Column, std::size_t> columns;
};

// The best header block within the first rows of a sheet: one or two rows.
std::optional<HeaderHit> findHeader(const Sheet& s, std::size_t minColumns) {
    std::optional<HeaderHit> best;
    std::size_t limit = std::min<std::size_t>(s.rows, 15);
    for (std::size_t r = 0; r < limit; ++r) {
        for (std::size_t top : {r, r > 0 ? r - 1 : r}) {
            auto cols = headerColumns(s, top, r);
            if (cols.size() >= minColumns && (!best || cols.size() > best->columns.size()))
                best = HeaderHit{top, r, cols};
        }
    }
    return best;
}

bool rowEmpty(const Sheet& s, std::size_t r) {
    for (std::size_t c = 0; c < s.cols; ++c)
        if (!s.at(r, c).empty()) return false;
    return true;
}

}  // namespace

bool Cell::empty() const {
    if (kind == Kind::Number) return false;
    if (kind == Kind::Empty) return true;
    return isBlankText(text);
}

const Cell& Sheet::at(std::size_t r, std::size_t c) const {
    if (r >= rows || c >= cols) return kEmptyCell;
    return cells[r * cols + c];
}

void Sheet::set(std::size_t r, std::size_t c, Cell v) {
    if (r >= rows || c >= cols) {
        std::size_t nr = std::max(rows, r + 1), nc = std::max(cols, c + 1);
        std::vector<Cell> grown(nr * nc);
        for (std::size_t i = 0; i < rows; ++i)
            for (std::size_t j = 0; j < cols; ++j) grown[i * nc + j] = std::move(cells[i * cols + j]);
        cells = std::move(grown);
        rows = nr;
        cols = nc;
    }
    cells[r * cols + c] = std::move(v);
}

const Sheet* Workbook::find(std::u16string_view name) const {
    for (const Sheet& s : sheets)
        if (s.name == name) return &s;
    return nullptr;
}

std::u16string columnName(std::size_t col) {
    std::u16string out;
    ++col;
    while (col > 0) {
        std::size_t rem = (col - 1) % 26;
        out.insert(out.begin(), static_cast<char16_t>(u'A' + rem));
        col = (col - 1) / 26;
    }
    return out;
}

std::u16string quoteSheet(std::u16string_view sheet) {
    std::u16string q = u"'";
    for (char16_t c : sheet) {
        if (c == u'\'') q += u"''";
        else q += c;
    }
    return q + u"'";
}

std::u16string localRef(std::size_t row, std::size_t col, bool absolute) {
    std::u16string d = absolute ? u"$" : u"";
    return d + columnName(col) + d + numberText16(static_cast<double>(row + 1));
}

std::u16string cellRef(std::u16string_view sheet, std::size_t row, std::size_t col) {
    return u"$" + quoteSheet(sheet) + u"." + localRef(row, col, true);
}

std::u16string rangeRef(std::u16string_view sheet, std::size_t row0, std::size_t col0, std::size_t row1,
                        std::size_t col1) {
    return cellRef(sheet, row0, col0) + u":" + localRef(row1, col1, true);
}

std::u16string normalizeLabel(std::u16string_view s) {
    std::u16string out;
    out.reserve(s.size());
    for (char16_t c : s) {
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\u3000' || c == u'\u00A0') continue;
        out.push_back(c);
    }
    // Unit notes at the end: （万元） (万元) （%）
    for (std::u16string_view unit : {u"（万元）", u"(万元)", u"（元）", u"(元)", u"（%）", u"(%)"}) {
        if (out.size() > unit.size() && out.compare(out.size() - unit.size(), unit.size(), unit) == 0)
            out.erase(out.size() - unit.size());
    }
    return out;
}

std::u16string_view columnKey(Column c) {
    for (const Synonyms& s : synonyms())
        if (s.column == c) return s.words.front();
    return u"";
}

std::optional<Column> columnFromKey(std::u16string_view key) {
    return matchHeader(normalizeLabel(key));
}

bool isTotalLabel(std::u16string_view n) {
    return n.find(u"合计") != std::u16string_view::npos || n.find(u"小计") != std::u16string_view::npos ||
           n.find(u"总计") != std::u16string_view::npos;
}

std::optional<ProjectTable> findProjectTable(const Workbook& wb, Message& why) {
    std::optional<ProjectTable> best;
    for (const Sheet& s : wb.sheets) {
        auto h = findHeader(s, 3);
        if (!h || !h->columns.count(Column::Name) || !h->columns.count(Column::Initial)) continue;
        ProjectTable t;
        t.sheet = &s;
        t.columns = h->columns;
        std::size_t nameCol = t.columns[Column::Name];
        std::optional<std::size_t> seqCol;
        if (t.columns.count(Column::Sequence)) seqCol = t.columns[Column::Sequence];
        bool isDepartment = false;
        for (std::size_t r = h->bottom + 1; r < s.rows; ++r) {
            if (rowEmpty(s, r)) continue;
            std::u16string name = text(s.at(r, nameCol));
            std::u16string seq = seqCol ? text(s.at(r, *seqCol)) : u"";
            if (isTotalLabel(name) || isTotalLabel(seq)) { t.totalRows.push_back(r); continue; }
            if (name.empty()) continue;  // a note or a stray cell, not a project
            t.rows.push_back(r);
            if (name == u"人员经费" || name == u"日常公用经费") isDepartment = true;
        }
        if (isDepartment) continue;  // a department table (表1-5) with a 项目 column is not the project list
        if (!best || t.rows.size() > best->rows.size()) best = std::move(t);
    }
    if (!best)
        why = msg("workbook.noProjectTable",
                  "没有找到项目支出表（如表1-6）：需要一张表头含「项目名称」「年初预算数」及「调整金额」「调整后预算数」「支出数」的工作表",
                  "no project table (like 表1-6) was found: a sheet is needed whose header has \"项目名称\" and "
                  "\"年初预算数\", and \"调整金额\", \"调整后预算数\", \"支出数\"");
    return best;
}

std::optional<std::size_t> DepartmentTable::row(std::u16string_view label) const {
    static const std::vector<std::vector<std::u16string_view>> aliases = {
        {u"合计", u"总计", u"合计数", u"支出合计"},
        {u"日常公用经费", u"公用经费"},
        {u"人员经费", u"人员支出"},
    };
    std::u16string key = normalizeLabel(label);
    if (auto it = rowsByLabel.find(key); it != rowsByLabel.end()) return it->second;
    for (const auto& group : aliases) {
        if (std::find(group.begin(), group.end(), key) == group.end()) continue;
        for (std::u16string_view other : group)
            if (auto it = rowsByLabel.find(std::u16string(other)); it != rowsByLabel.end()) return it->second;
    }
    return std::nullopt;
}

std::optional<DepartmentTable> findDepartmentTable(const Workbook& wb, Message& why) {
    for (const Sheet& s : wb.sheets) {
        auto h = findHeader(s, 3);
        if (!h || !h->columns.count(Column::Initial)) continue;
        std::size_t firstAmount = s.cols;
        for (const auto& [col, c] : h->columns)
            if (col != Column::Sequence && col != Column::Name) firstAmount = std::min(firstAmount, c);
        DepartmentTable t;
        t.sheet = &s;
        t.columns = h->columns;
        std::u16string group;
        for (std::size_t r = h->bottom + 1; r < s.rows; ++r) {
            // Label columns lie left of the first amount column. A group label (基本支出 / 项目支出)
            // sits in the first of them, merged down over its rows; item labels in a later one.
            std::u16string label, first;
            std::size_t labelCol = 0;
            for (std::size_t c = 0; c < firstAmount; ++c) {
                std::u16string v = text(s.at(r, c));
                if (v.empty()) continue;
                if (first.empty()) first = v;
                label = v;
                labelCol = c;
            }
            if (label.empty()) continue;
            bool nested = labelCol > 0 && first != label;
            bool hasAmounts = false;
            for (std::size_t c = firstAmount; c < s.cols && !hasAmounts; ++c) hasAmounts = !s.at(r, c).empty();
            if (nested) group = first;
            else if (labelCol == 0) {
                // A heading row of its own (基本支出 with no amounts) starts a group; 合计 ends one.
                if (!hasAmounts && !isTotalLabel(label)) group = label;
                else group.clear();
            }
            if (!t.rowsByLabel.count(label)) t.rowsByLabel[label] = r;
            // 小计 under 基本支出 is also 基本支出小计
            if (labelCol > 0 && !group.empty() && isTotalLabel(label) && label.find(group) == std::u16string::npos) {
                std::u16string qualified = group + label;
                if (!t.rowsByLabel.count(qualified)) t.rowsByLabel[qualified] = r;
            }
        }
        if (t.row(u"人员经费") || t.row(u"日常公用经费")) return t;
    }
    why = msg("workbook.noDepartmentTable",
              "没有找到部门支出表（如表1-5）：需要一张含「人员经费」「日常公用经费」「合计」行、表头含「年初预算数」"
              "「调整金额」「调整后预算数」「支出数」的工作表",
              "no department table (like 表1-5) was found: a sheet is needed with the rows \"人员经费\", \"日常公用经费\", "
              "\"合计\" and a header with \"年初预算数\", \"调整金额\", \"调整后预算数\", \"支出数\"");
    return std::nullopt;
}

std::optional<BasicInfo> findBasicInfo(const Workbook& wb, Message& why) {
    static const std::u16string_view labelWords[] = {u"项目", u"指标", u"名称", u"填报项目", u"信息项", u"指标名称",
                                                      u"项目名称", u"事项", u"基础信息"};
    static const std::u16string_view valueWords[] = {u"数值", u"值", u"填报值", u"数据", u"内容", u"填报内容", u"填报数",
                                                      u"金额", u"数额", u"指标值"};
    static const std::u16string_view unitWords[] = {u"单位", u"计量单位"};
    static const std::u16string_view noteWords[] = {u"来源及说明", u"说明", u"来源", u"备注", u"数据来源"};
    for (const Sheet& s : wb.sheets) {
        std::size_t limit = std::min<std::size_t>(s.rows, 10);
        for (std::size_t r = 0; r < limit; ++r) {
            std::optional<std::size_t> lc, vc, uc, nc;
            for (std::size_t c = 0; c < s.cols; ++c) {
                std::u16string t = text(s.at(r, c));
                auto in = [&](const auto& words) {
                    return std::find(std::begin(words), std::end(words), t) != std::end(words);
                };
                if (!lc && in(labelWords)) lc = c;
                else if (!vc && in(valueWords)) vc = c;
                else if (!uc && in(unitWords)) uc = c;
                else if (!nc && in(noteWords)) nc = c;
            }
            if (!lc || !vc) continue;
            bool budgetTable = false;  // a project or department table's header is not this one
            for (std::size_t c = 0; c < s.cols && !budgetTable; ++c) {
                auto col = matchHeader(text(s.at(r, c)));
                budgetTable = col && *col == Column::Initial;
            }
            if (budgetTable) continue;
            BasicInfo b;
            b.sheet = &s;
            b.labelCol = *lc;
            b.valueCol = *vc;
            b.unitCol = uc;
            b.noteCol = nc;
            for (std::size_t rr = r + 1; rr < s.rows; ++rr) {
                std::u16string label = text(s.at(rr, *lc));
                if (!label.empty() && !b.rowsByLabel.count(label)) b.rowsByLabel[label] = rr;
            }
            return b;
        }
    }
    why = msg("workbook.noBasicInfo",
              "没有找到基础信息表（部门整体评价基础信息填报表）：需要一张表头含「项目」「数值」（及「单位」「来源及说明」）、"
              "每项输入占一行的工作表",
              "no basic information sheet (部门整体评价基础信息填报表) was found: a sheet is needed whose header has "
              "\"项目\", \"数值\" (and \"单位\", \"来源及说明\"), with one row per input");
    return std::nullopt;
}

}  // namespace jixiao

namespace jixiao {

namespace {

std::optional<double> amount(const Cell& c) {
    if (c.kind == Cell::Kind::Number) return c.number;
    if (c.kind == Cell::Kind::Text) return parseNumber(c.text);
    return std::nullopt;
}

std::string fixed2(double x) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return buf;
}

void rowSums(const Sheet& s, const std::map<Column, std::size_t>& cols, std::size_t r, const std::u16string& label,
             Problems& out) {
    if (!cols.count(Column::Initial) || !cols.count(Column::Adjustment) || !cols.count(Column::Adjusted)) return;
    auto i = amount(s.at(r, cols.at(Column::Initial)));
    auto a = amount(s.at(r, cols.at(Column::Adjustment)));
    auto d = amount(s.at(r, cols.at(Column::Adjusted)));
    if (!i || !a || !d) return;
    if (std::fabs(*i + *a - *d) > 0.005)
        out.push_back(msg("data.rowSum", "工作表「{1}」第{2}行「{3}」：年初预算数{4} + 调整金额{5} = {6}，与调整后预算数{7}不符",
                          "sheet \"{1}\", row {2} \"{3}\": 年初预算数 (initial budget) {4} + 调整金额 (adjustment) {5} = {6}, "
                          "which does not match 调整后预算数 (adjusted budget) {7}",
                          s.name, r + 1, label, fixed2(*i), fixed2(*a), fixed2(*i + *a), fixed2(*d)));
}

}  // namespace

Problems dataConsistency(const Workbook& wb) {
    Problems out;
    Message why;
    if (auto p = findProjectTable(wb, why)) {
        const Sheet& s = *p->sheet;
        std::size_t nameCol = p->columns.at(Column::Name);
        for (std::size_t r : p->rows) rowSums(s, p->columns, r, s.at(r, nameCol).kind == Cell::Kind::Text ? s.at(r, nameCol).text : u"", out);
        // a single 合计 row: the sum of the projects in every amount column
        if (p->totalRows.size() == 1) {
            std::size_t tr = p->totalRows[0];
            for (Column c : {Column::Initial, Column::Adjustment, Column::Adjusted, Column::Actual}) {
                if (!p->columns.count(c)) continue;
                auto total = amount(s.at(tr, p->columns.at(c)));
                if (!total) continue;
                double sum = 0;
                for (std::size_t r : p->rows) sum += amount(s.at(r, p->columns.at(c))).value_or(0);
                if (std::fabs(sum - *total) > 0.005 * std::max<std::size_t>(1, p->rows.size()))
                    out.push_back(msg("data.totalSum", "工作表「{1}」合计行的{2}{3}，与各项目之和{4}不符",
                                      "sheet \"{1}\": {2} of the 合计 (total) row, {3}, does not match the sum of the "
                                      "projects, {4}",
                                      s.name, columnKey(c), fixed2(*total), fixed2(sum)));
            }
        }
    }
    if (auto d = findDepartmentTable(wb, why)) {
        std::set<std::size_t> seen;  // a row may be known by two labels (小计 and 基本支出小计)
        for (const auto& [label, r] : d->rowsByLabel)
            if (seen.insert(r).second) rowSums(*d->sheet, d->columns, r, label, out);
    }
    return out;
}

}  // namespace jixiao
