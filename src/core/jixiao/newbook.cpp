#include "jixiao/newbook.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "jixiao/catalog.hpp"
#include "jixiao/internal.hpp"
#include "jixiao/target_sheet.hpp"
#include "jixiao/values.hpp"

namespace jixiao {

using namespace internal;

namespace {

// ---------------------------------------------------------------------------------------------
// What a system reads: its templates walked once, every 【…】 placeholder recorded with where it
// sits (score formula or opinion text, the function call and argument around it, a unit written
// right after it).

bool identChar(char16_t c) {
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' ||
           c == u'.';
}

// A unit word an opinion writes right after a figure: “【政府采购实际支出】万元”. Longest first.
std::u16string unitAt(std::u16string_view t, std::size_t pos) {
    static const std::u16string_view units[] = {u"次/月", u"平方米", u"人次", u"公里", u"万元", u"亿元", u"元",
                                                 u"家",    u"个",     u"次",   u"场",   u"份",   u"分",   u"人",
                                                 u"项",    u"天",     u"年",   u"户",   u"件",   u"台",   u"套",
                                                 u"篇",    u"亩"};
    if (pos >= t.size()) return {};
    std::u16string_view rest = t.substr(pos);
    for (std::u16string_view u : units)
        if (rest.substr(0, u.size()) == u) return std::u16string(u);
    return {};
}

bool endsWith(std::u16string_view s, std::u16string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// 执行率, 整治率-目标: a rate, typed as a percentage.
bool rateName(std::u16string_view label) {
    if (endsWith(label, u"率")) return true;
    std::size_t dash = label.rfind(u'-');
    return dash != std::u16string_view::npos && endsWith(label.substr(0, dash), u"率");
}

struct Use {
    std::size_t indicator = 0;
    bool formula = false;     // in a 计分公式 / 其他口径 (else in 专家意见)
    std::u16string fn;        // the function call around it (formula only)
    std::size_t arg = 0;      // its argument position in that call
    std::u16string unit;      // a unit written after it
    bool note = false;        // 【标签|说明】
    std::size_t item = 0;     // its place in 【合并(…)】, from 1; 0 outside one
};

class Collector {
public:
    explicit Collector(const IndicatorSystem& sys) : sys_(sys) {
        for (std::size_t k = 0; k < sys.indicators.size(); ++k) {
            const Indicator& ind = sys.indicators[k];
            auto readings = [&](const std::vector<NamedReading>& rs) {
                for (const NamedReading& nr : rs) walk(nr.formula, k, true, {}, {});
            };
            walk(ind.formula, k, true, {}, {});
            readings(ind.readings);
            for (const SubCriterion& sc : ind.subs) {
                walk(sc.formula, k, true, {}, {});
                readings(sc.readings);
            }
            if (!ind.condition.empty()) {
                std::u16string key = keyOf(ind.condition);
                conditionOf_[key].push_back(k);
            }
            walk(ind.expert, k, false, {}, {});
            for (const SubCriterion& sc : ind.subs) walk(sc.expert, k, false, {}, {});
            walk(ind.notApplicableExpert, k, false, {}, {});
        }
    }

    SystemInputs result() const;

private:
    struct Call {
        std::u16string fn;
        std::size_t arg = 0;
    };

    std::u16string keyOf(std::u16string_view label) {
        std::u16string key = normalizeLabel(label);
        if (!display_.count(key)) {
            display_[key] = std::u16string(trim(label));
            order_.push_back(key);
        }
        return key;
    }

    static void addOnce(std::vector<std::u16string>& list, std::u16string_view v) {
        std::u16string t(trim(v));
        for (const std::u16string& x : list)
            if (normalizeLabel(x) == normalizeLabel(t)) return;
        list.push_back(t);
    }

    // Walks a template: in formula mode the calls and their arguments are tracked (strings and
    // {array} constants skipped); every 【…】 goes to placeholder().
    void walk(std::u16string_view t, std::size_t ind, bool formula, const Call& outer, const std::u16string& exprUnit) {
        std::vector<Call> stack;
        auto current = [&]() -> Call {
            for (auto it = stack.rbegin(); it != stack.rend(); ++it)
                if (!it->fn.empty()) return *it;
            return outer;
        };
        std::size_t i = 0;
        while (i < t.size()) {
            char16_t c = t[i];
            if (c == u'【') {
                std::size_t j = pastClosingBracket(t, i);
                if (j == std::u16string_view::npos) return;  // the fill reports the unclosed 【
                placeholder(t.substr(i + 1, j - i - 2), ind, formula, current(), formula ? exprUnit : unitAt(t, j));
                i = j;
                continue;
            }
            if (!formula) { ++i; continue; }
            if (c == u'"') {
                std::size_t j = t.find(u'"', i + 1);
                i = j == std::u16string_view::npos ? t.size() : j + 1;
                continue;
            }
            if (c == u'{') {
                std::size_t j = t.find(u'}', i);
                i = j == std::u16string_view::npos ? t.size() : j + 1;
                continue;
            }
            if (identChar(c) && !(c >= u'0' && c <= u'9')) {
                std::size_t j = i;
                while (j < t.size() && identChar(t[j])) ++j;
                if (j < t.size() && t[j] == u'(') {
                    stack.push_back({std::u16string(t.substr(i, j - i)), 0});
                    i = j + 1;
                } else {
                    i = j;
                }
                continue;
            }
            if (c == u'(') stack.push_back({});
            else if (c == u')' && !stack.empty()) stack.pop_back();
            else if (c == u';' && !stack.empty()) ++stack.back().arg;
            ++i;
        }
    }

    void placeholder(std::u16string_view inner, std::size_t ind, bool formula, const Call& call,
                     const std::u16string& unit) {
        std::u16string_view in = trim(inner);
        if (!in.empty() && in[0] == u'=') {
            // 【=expression|format】: the expression is a formula; a sum or difference followed by a
            // unit is in that unit (“【=SUM(【项目.年初预算数】)+【上级财政年中转移支付资金】|0.00】万元”).
            auto parts = splitTop(in.substr(1), u'|');
            std::u16string expr = parts[0];
            for (std::size_t k = 1; k + 1 < parts.size(); ++k) expr += u"|" + parts[k];
            walk(expr, ind, true, {}, expr.find_first_of(u"/*") == std::u16string::npos ? unit : std::u16string());
            return;
        }
        auto parts = splitTop(in, u'|');
        std::u16string token(trim(parts[0]));
        Use use;
        use.indicator = ind;
        use.formula = formula;
        use.fn = call.fn;
        use.arg = call.arg;
        use.unit = unit;
        use.note = parts.size() > 1 && trim(parts[1]) == u"说明";
        static const std::u16string_view stackOpen = u"合并(";
        if (token.rfind(stackOpen, 0) == 0 && (token.back() == u')' || token.back() == u'）')) {
            auto items = splitTop(std::u16string_view(token).substr(stackOpen.size(), token.size() - stackOpen.size() - 1), u';');
            for (std::size_t k = 0; k < items.size(); ++k) {
                Use u = use;
                u.item = k + 1;
                reference(items[k], u);
            }
            return;
        }
        reference(token, use);
    }

    void reference(std::u16string_view token, const Use& use) {
        std::u16string t(trim(token));
        if (t.empty() || t == u"分值" || t == u"权重") return;
        auto parts = splitTop(t, u'.');
        if (parts.size() == 3 && parts[0] == u"部门") {
            addOnce(departmentRows_, parts[1]);
            addOnce(departmentColumns_, parts[2]);
            return;
        }
        if (parts.size() == 2 && parts[0] == u"项目") {
            addOnce(projectColumns_, parts[1]);
            return;
        }
        uses_[keyOf(t)].push_back(use);
    }

    std::u16string names(const std::vector<std::size_t>& inds) const;
    std::u16string hintOf(const SystemInput& in, const std::vector<Use>& uses, const std::vector<std::size_t>& users,
                          const std::vector<std::size_t>& conditionOf) const;

    const IndicatorSystem& sys_;
    std::vector<std::u16string> order_;
    std::map<std::u16string, std::u16string> display_;
    std::map<std::u16string, std::vector<Use>> uses_;
    std::map<std::u16string, std::vector<std::size_t>> conditionOf_;
    std::vector<std::u16string> departmentRows_, departmentColumns_, projectColumns_;
};

// 「甲」、「乙」、「丙」等5项
std::u16string Collector::names(const std::vector<std::size_t>& inds) const {
    std::u16string out;
    for (std::size_t k = 0; k < inds.size() && k < 3; ++k) out += (k ? u"、「" : u"「") + sys_.indicators[inds[k]].name + u"」";
    if (inds.size() > 3) out += u"等" + numberText16(static_cast<double>(inds.size())) + u"项指标";
    return out;
}

std::u16string Collector::hintOf(const SystemInput& in, const std::vector<Use>& uses,
                                 const std::vector<std::size_t>& users, const std::vector<std::size_t>& conditionOf) const {
    const std::u16string noteClause = in.quotesNote ? u"理由写在「来源及说明」，附件1 的专家意见引用它。" : u"";
    switch (in.kind) {
        case SystemInput::Kind::Condition: {
            std::u16string h = u"适用条件：填“是”或“否”。为“否”时";
            for (std::size_t k = 0; k < conditionOf.size(); ++k) {
                const Indicator& ind = sys_.indicators[conditionOf[k]];
                h += (k ? u"；" : u"") + (u"「" + ind.name + u"」不适用（0 分）");
                if (!ind.moveTo.empty()) h += u"，分值转入「" + ind.moveTo + u"」";
            }
            return h + u"。";
        }
        case SystemInput::Kind::Judgment: {
            std::size_t item = 0;
            for (const Use& u : uses)
                if (u.formula && u.fn == u"CHECKLIST_SCORE") { item = u.item; break; }
            return u"评价人判定：1 = 符合，0 = 不符合，0–1 之间为部分得分（" + names(users) + u"的评分要点" +
                   (item ? u"第" + numberText16(static_cast<double>(item)) + u"项" : u"") + u"）。" + noteClause;
        }
        case SystemInput::Kind::Level:
            return u"评价人定性等级：优 / 良 / 中 / 差（或 A / B / C / D），用于" + names(users) + u"。" + noteClause;
        case SystemInput::Kind::Text:
            return u"文字，用于" + names(users) + u"的专家意见。" + noteClause;
        case SystemInput::Kind::Number: break;
    }
    std::vector<std::size_t> scoring;
    std::u16string argNote;
    for (const Use& u : uses) {
        if (!u.formula) continue;
        if (std::find(scoring.begin(), scoring.end(), u.indicator) == scoring.end()) scoring.push_back(u.indicator);
        if (argNote.empty() && !u.fn.empty())
            if (const FunctionInfo* f = findFunction(toUtf8(u.fn)); f && u.arg < f->args.size())
                argNote = u"（" + u.fn + u" 的“" + fromUtf8(f->args[u.arg].nameZh) + u"”）";
    }
    std::u16string h = scoring.empty() ? u"数字，用于" + names(users) + u"的专家意见"
                                       : u"数字，用于" + names(scoring) + u"的计分" + argNote;
    if (in.unit == u"%") h += u"；百分比，填 95% 或 0.95";
    else if (in.unit == u"万元" || in.unit == u"亿元" || in.unit == u"元") h += u"；金额（" + in.unit + u"）";
    else if (!in.unit.empty()) h += u"；单位：" + in.unit;
    h += u"。" + noteClause;
    if (scoring.empty()) return h;
    const Indicator& first = sys_.indicators[scoring.front()];  // where the figure comes from
    std::u16string basis;
    for (char16_t c : first.basis) basis += c == u'\n' ? u' ' : c;
    if (!basis.empty() && basis != u"——") h += u"参考来源：" + basis;
    return h;
}

SystemInputs Collector::result() const {
    SystemInputs out;
    out.departmentRows = departmentRows_;
    out.departmentColumns = departmentColumns_;
    out.projectColumns = projectColumns_;
    static const std::vector<Use> none;
    for (const std::u16string& key : order_) {
        auto u = uses_.find(key);
        const std::vector<Use>& uses = u == uses_.end() ? none : u->second;
        auto c = conditionOf_.find(key);
        static const std::vector<std::size_t> noConditions;
        const std::vector<std::size_t>& conditionOf = c == conditionOf_.end() ? noConditions : c->second;
        SystemInput in;
        in.label = display_.at(key);
        std::vector<std::size_t> users;
        for (const Use& x : uses) users.push_back(x.indicator);
        users.insert(users.end(), conditionOf.begin(), conditionOf.end());
        std::sort(users.begin(), users.end());
        users.erase(std::unique(users.begin(), users.end()), users.end());
        for (std::size_t k : users) in.usedBy.push_back(sys_.indicators[k].name);
        bool inFormula = false, judgment = false, level = false;
        for (const Use& x : uses) {
            inFormula = inFormula || x.formula;
            judgment = judgment || (x.formula && x.fn == u"CHECKLIST_SCORE");
            level = level || (x.formula && x.fn == u"LEVEL_SCORE");
            in.quotesNote = in.quotesNote || x.note;
            if (in.unit.empty()) in.unit = x.unit;
        }
        if (!conditionOf.empty()) {
            in.kind = SystemInput::Kind::Condition;
            in.unit = u"是/否";
            in.category = u"适用条件";
        } else if (judgment) {
            in.kind = SystemInput::Kind::Judgment;
            in.unit = u"判定";
            in.category = u"评价人判断";
        } else if (level) {
            in.kind = SystemInput::Kind::Level;
            in.unit = u"等级";
            in.category = u"评价人判断";
        } else {
            if (in.unit.empty()) {
                for (const Use& x : uses) {
                    if (!x.formula || x.fn.empty()) continue;
                    const FunctionInfo* f = findFunction(toUtf8(x.fn));
                    if (f && x.arg < f->args.size() && (f->args[x.arg].name == "rate" || f->args[x.arg].name == "rates"))
                        in.unit = u"%";
                }
            }
            if (in.unit.empty() && rateName(in.label)) in.unit = u"%";
            in.kind = inFormula || !in.unit.empty() ? SystemInput::Kind::Number : SystemInput::Kind::Text;
            if (!inFormula) {
                in.category = u"专家意见引用";
            } else {
                for (const Use& x : uses)
                    if (x.formula) { in.category = sys_.indicators[x.indicator].level2; break; }
            }
        }
        in.hint = hintOf(in, uses, users, conditionOf);
        out.labels.push_back(std::move(in));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Sheets of a new workbook.

constexpr std::size_t kProjectRows = 20;       // empty project rows laid out (more may be inserted)
constexpr std::size_t kProjectSumLastRow = 1999;  // the 合计 sums reach this row (2000 in the sheet)
constexpr std::size_t kTargetRows = 15;

OutCell heading(std::u16string t) {
    OutCell c = OutCell::str(std::move(t));
    c.bold = true;
    c.center = true;
    c.wrap = true;
    return c;
}
OutCell titleCell(std::u16string t) {
    OutCell c = OutCell::str(std::move(t));
    c.bold = true;
    c.height = 14;
    return c;
}
OutCell note(std::u16string t) {
    OutCell c = OutCell::str(std::move(t));
    c.wrap = true;
    return c;
}
// An empty input cell (drawn inside the table), with the number format of its unit.
OutCell blankCell(std::u16string_view format = u"General") {
    OutCell c = OutCell::str(u"");
    if (format != u"General") c.format = std::u16string(format);
    return c;
}

// The values of a planned sheet as a grid (formulas as empty cells), for the finders.
Sheet gridOf(const SheetPlan& p) {
    Sheet s;
    s.name = p.name;
    for (const auto& [pos, v] : p.cells) {
        if (v.kind == OutCell::Kind::Number) s.set(pos.first, pos.second, Cell::num(v.number));
        else if (v.kind == OutCell::Kind::Text && !v.text.empty()) s.set(pos.first, pos.second, Cell::str(v.text));
    }
    return s;
}

// Title row, a note row, then the table from row 2 (the writer draws the table from row 2 on a
// landscape page fitted to its width).
void frame(SheetPlan& s, std::size_t ncols, std::u16string title, std::u16string hint) {
    s.landscape = true;
    s.put(0, 0, titleCell(std::move(title)));
    s.merges.push_back({0, 0, 0, ncols - 1});
    s.put(1, 0, note(std::move(hint)));
    s.merges.push_back({1, 0, 1, ncols - 1});
}

bool isAmount(Column c) {
    return c == Column::Initial || c == Column::Adjustment || c == Column::Adjusted || c == Column::Actual;
}

// The budget columns: the standard four, then any other the system reads.
std::vector<Column> budgetColumns(const std::vector<std::u16string>& referenced) {
    std::vector<Column> cols = {Column::Initial, Column::Adjustment, Column::Adjusted, Column::Actual};
    for (const std::u16string& r : referenced)
        if (auto c = columnFromKey(r); c && std::find(cols.begin(), cols.end(), *c) == cols.end() &&
                                       *c != Column::Name && *c != Column::Sequence)
            cols.push_back(*c);
    return cols;
}

OutCell amountCell() {
    OutCell c = blankCell(u"#,##0.00");
    return c;
}

SheetPlan projectSheet(const SystemInputs& in) {
    std::vector<Column> cols = {Column::Sequence, Column::Name};
    for (Column c : budgetColumns(in.projectColumns)) cols.push_back(c);
    SheetPlan s;
    s.name = std::u16string(NewbookNames::projects);
    frame(s, cols.size(), u"项目支出资金执行情况（如表1-6）",
          u"单位：万元。每个项目一行，从第5行起填写（行数不够时在表内插入行）；「合计」行自动求和。"
          u"金额可以是数字，也可以是导出表格中的数字文本。");
    const std::size_t head = 2, total = 3, first = 4;
    for (std::size_t c = 0; c < cols.size(); ++c) s.put(head, c, heading(std::u16string(columnKey(cols[c]))));
    s.put(total, 0, heading(u"合计"));
    s.merges.push_back({total, 0, total, 1});
    for (std::size_t c = 2; c < cols.size(); ++c) {
        if (!isAmount(cols[c])) continue;
        OutCell sum = OutCell::formula(u"=SUM(" + localRef(first, c) + u":" + localRef(kProjectSumLastRow, c) + u")");
        sum.format = u"#,##0.00";
        sum.bold = true;
        s.put(total, c, sum);
    }
    for (std::size_t r = first; r < first + kProjectRows; ++r)
        for (std::size_t c = 0; c < cols.size(); ++c) s.put(r, c, c < 2 ? blankCell() : amountCell());
    s.headerRows = head + 1;
    s.columnWidths[0] = 1500;
    s.columnWidths[1] = 7500;
    for (std::size_t c = 2; c < cols.size(); ++c) s.columnWidths[c] = 3000;
    return s;
}

SheetPlan departmentSheet(const SystemInputs& in) {
    std::vector<Column> cols = budgetColumns(in.departmentColumns);
    const std::size_t ncols = 2 + cols.size();
    SheetPlan s;
    s.name = std::u16string(NewbookNames::departments);
    frame(s, ncols, u"部门整体支出资金执行情况（如表1-5）",
          u"单位：万元。按部门决算填写各行的年初预算数、调整金额、调整后预算数和支出数；「小计」「合计」自动求和。");
    const std::size_t head = 2;
    s.put(head, 0, heading(u"财政拨款支出"));
    s.merges.push_back({head, 0, head, 1});
    for (std::size_t k = 0; k < cols.size(); ++k) s.put(head, 2 + k, heading(std::u16string(columnKey(cols[k]))));
    const std::size_t personnel = 3, daily = 4, subtotal = 5, projects = 6;
    s.put(personnel, 0, heading(u"基本支出"));
    s.merges.push_back({personnel, 0, subtotal, 0});
    s.put(personnel, 1, note(u"人员经费"));
    s.put(daily, 1, note(u"日常公用经费"));
    s.put(subtotal, 1, heading(u"小计"));
    s.put(projects, 0, note(u"项目支出"));
    s.merges.push_back({projects, 0, projects, 1});
    std::size_t r = projects + 1;
    // Rows the system reads that the standard layout does not have (under any of their names).
    Workbook probe;
    probe.sheets.push_back(gridOf(s));
    probe.sheets.back().set(r, 0, Cell::str(u"合计"));
    Message why;
    std::optional<DepartmentTable> t = findDepartmentTable(probe, why);
    for (const std::u16string& label : in.departmentRows) {
        if (t && t->row(label)) continue;
        s.put(r, 0, note(label));
        s.merges.push_back({r, 0, r, 1});
        for (std::size_t k = 0; k < cols.size(); ++k) s.put(r, 2 + k, amountCell());
        ++r;
    }
    const std::size_t total = r;
    s.put(total, 0, heading(u"合计"));
    s.merges.push_back({total, 0, total, 1});
    for (std::size_t k = 0; k < cols.size(); ++k) {
        std::size_t c = 2 + k;
        for (std::size_t row : {personnel, daily, projects}) s.put(row, c, amountCell());
        if (!isAmount(cols[k])) {
            s.put(subtotal, c, amountCell());
            s.put(total, c, amountCell());
            continue;
        }
        OutCell sub = OutCell::formula(u"=" + localRef(personnel, c) + u"+" + localRef(daily, c));
        sub.format = u"#,##0.00";
        s.put(subtotal, c, sub);
        OutCell sum = OutCell::formula(u"=" + localRef(subtotal, c) + u"+" + localRef(projects, c));
        sum.format = u"#,##0.00";
        sum.bold = true;
        s.put(total, c, sum);
    }
    s.headerRows = head + 1;
    s.columnWidths[0] = 2200;
    s.columnWidths[1] = 3200;
    for (std::size_t k = 0; k < cols.size(); ++k) s.columnWidths[2 + k] = 3000;
    return s;
}

SheetPlan basicSheet(const SystemInputs& in) {
    SheetPlan s;
    s.name = std::u16string(NewbookNames::basic);
    const std::u16string_view head[] = {u"类别", u"项目", u"数值", u"单位", u"来源及说明", u"填写说明"};
    frame(s, 6, u"部门整体评价基础信息填报表",
          u"每项一行，在「数值」列填写：百分比填 95% 或 0.95，判定填 1 / 0 / 0.5，适用条件填 是 / 否，等级填 优 / 良 / 中 / 差；"
          u"数据出处和评价理由写在「来源及说明」（专家意见会引用）。「填写说明」列只供参考，Jixiao 不读取。"
          u"如需按比例人工计分，可添加一行“指标名称-人工计分比例”（单位 %），理由写在「来源及说明」。");
    for (std::size_t c = 0; c < 6; ++c) s.put(2, c, heading(std::u16string(head[c])));
    std::size_t r = 3;
    for (const SystemInput& i : in.labels) {
        s.put(r, 0, note(i.category));
        s.put(r, 1, note(i.label));
        s.put(r, 2, blankCell(formatForUnit(i.unit)));
        s.put(r, 3, note(i.unit));
        s.put(r, 4, note(u""));
        s.put(r, 5, note(i.hint));
        ++r;
    }
    s.headerRows = 3;
    const long widths[] = {2600, 6500, 2600, 1600, 6000, 9000};
    for (std::size_t c = 0; c < 6; ++c) s.columnWidths[c] = widths[c];
    return s;
}

// What to type in each column of the 绩效目标表 (docs/targets-table.md).
std::u16string targetHint(TargetColumn c) {
    switch (c) {
        case TargetColumn::Level1: return u"附件1 的一级指标，如 部门履职情况评价；空白 = 同上一行";
        case TargetColumn::Level2: return u"二级指标，如 产出、效益；空白 = 同上一行";
        case TargetColumn::Level3: return u"三级指标（附件1 一行）；同一指标的多行请连续填写并各填子项";
        case TargetColumn::Sub: return u"可选：同一三级指标下的子项（四级指标）";
        case TargetColumn::Target: return u"如 ≥95%、≤2%、不少于5场、=12个、达到；只有文字时为定性指标";
        case TargetColumn::Unit: return u"可选：%、个、家、场、天、万元 …";
        case TargetColumn::Actual: return u"数字或百分比（90% 或 0.9）；定性指标可空";
        case TargetColumn::Weight: return u"本行分值；与指标体系的分值合计为 100";
        case TargetColumn::Method: return u"可选：比例（默认，未达到按比例计分）或 达标（未达到不得分）";
        case TargetColumn::Grade: return u"定性指标：达成 / 部分达成 / 未达成（或 优 / 良 / 中 / 差）";
        case TargetColumn::Ratio: return u"可选：评价人定的得分比例（0–100%），原因写在偏差原因";
        case TargetColumn::Cut: return u"可选：是 = 完成值远超指标值时按超额倍数核减";
        case TargetColumn::Waive: return u"可选：是 = 免于超额核减";
        case TargetColumn::Reason: return u"未完成、调整计分或免于核减的原因（专家意见引用）";
        case TargetColumn::Explanation: return u"可选：写入附件1 的指标说明";
        case TargetColumn::Standard: return u"可选：写入附件1 的评分标准（空白时按指标值和分值生成）";
        case TargetColumn::Basis: return u"可选：写入附件1 的评分依据";
        case TargetColumn::Formula: return u"可选：替代默认计分的公式模板";
        case TargetColumn::Expert: return u"可选：替代默认专家意见的模板";
        case TargetColumn::Readings: return u"可选：其他口径，每行“名称：计分公式”";
        case TargetColumn::Note: return u"可选：备注";
        case TargetColumn::Bands: return u"可选：定性分档，达成与部分达成的下限，如 80%/50%（空白为 80%/60%）";
    }
    return {};
}

SheetPlan targetSheet() {
    const std::vector<TargetColumn>& cols = targetColumns();
    SheetPlan s;
    s.name = std::u16string(NewbookNames::targets);
    s.landscape = true;
    s.put(0, 0, titleCell(u"部门整体绩效目标表（产出、效益等履职指标：每行一个指标，由本表计分）"));
    s.merges.push_back({0, 0, 0, cols.size() - 1});
    for (std::size_t c = 0; c < cols.size(); ++c) {
        s.put(1, c, note(targetHint(cols[c])));
        s.put(2, c, heading(std::u16string(targetColumnNames(cols[c]).front())));
        for (std::size_t r = 3; r < 3 + kTargetRows; ++r) s.put(r, c, blankCell());
        bool wide = cols[c] == TargetColumn::Level3 || cols[c] == TargetColumn::Sub || cols[c] == TargetColumn::Reason ||
                    cols[c] == TargetColumn::Explanation || cols[c] == TargetColumn::Standard ||
                    cols[c] == TargetColumn::Basis;
        s.columnWidths[c] = wide ? 4500 : 2600;
    }
    s.headerRows = 3;
    return s;
}

SheetPlan indicatorSheet(const Sheet& grid) {
    SheetPlan s;
    s.name = grid.name;
    const auto& names = indicatorColumns();
    for (std::size_t c = 0; c < grid.cols; ++c) {
        std::u16string head = grid.at(0, c).kind == Cell::Kind::Text ? grid.at(0, c).text : u"";
        bool wide = std::find(names.begin() + 7, names.end(), head) != names.end();  // 计分公式 and the texts
        s.columnWidths[c] = wide ? 6500 : 2400;
        for (std::size_t r = 0; r < grid.rows; ++r) {
            const Cell& cell = grid.at(r, c);
            if (cell.kind == Cell::Kind::Number) s.put(r, c, OutCell::num(cell.number));
            else if (cell.kind == Cell::Kind::Text)
                s.put(r, c, r == 0 ? heading(cell.text) : note(unescapeLineBreaks(cell.text)));
        }
    }
    s.headerRows = 1;
    return s;
}

// ---------------------------------------------------------------------------------------------
// The blank 附件1.

// A copy of the workbook in which the 绩效目标表's results not yet typed in read as given (0, 达成),
// so that its rows are read for their names, levels, weights and texts.
Workbook withTargetsAnswered(const Workbook& wb) {
    Workbook copy = wb;
    std::optional<TargetTable> t = findTargetTable(copy);
    if (!t) return copy;
    Sheet& s = copy.sheets[static_cast<std::size_t>(t->sheet - copy.sheets.data())];
    auto col = [&](TargetColumn k) -> std::optional<std::size_t> {
        auto it = t->columns.find(k);
        return it == t->columns.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    };
    auto target = col(TargetColumn::Target), actual = col(TargetColumn::Actual), grade = col(TargetColumn::Grade),
         ratio = col(TargetColumn::Ratio);
    for (std::size_t r = t->headerRow + 1; r < s.rows; ++r) {
        if (!target || s.at(r, *target).empty()) continue;
        if (actual && s.at(r, *actual).empty()) s.set(r, *actual, Cell::num(0));
        if (grade && s.at(r, *grade).empty() && (!ratio || s.at(r, *ratio).empty())) s.set(r, *grade, Cell::str(u"达成"));
    }
    return copy;
}

// A workbook the fill lays 附件1 out for: the system as one row per third-level indicator (names,
// levels, weights, texts, 适用条件) scored 0, and the 适用条件 answers (the workbook's, else 是).
Workbook layoutWorkbook(const IndicatorSystem& sys, const Workbook& wb) {
    Sheet ind;
    ind.name = std::u16string(FillNames::indicators);
    const std::u16string_view head[] = {u"一级指标", u"二级指标", u"三级指标", u"分值", u"计分公式", u"适用条件",
                                        u"不适用时分值转入", u"指标说明", u"评分标准", u"评分依据"};
    for (std::size_t c = 0; c < std::size(head); ++c) ind.set(0, c, Cell::str(std::u16string(head[c])));
    Sheet basic;
    basic.name = std::u16string(NewbookNames::basic);
    basic.set(0, 0, Cell::str(u"项目"));
    basic.set(0, 1, Cell::str(u"数值"));
    Message why;
    std::optional<BasicInfo> info = findBasicInfo(wb, why);
    std::set<std::u16string> conditions;
    std::size_t r = 1;
    auto text = [](const std::u16string& t) { return t.empty() ? Cell{} : Cell::str(t); };
    for (const Indicator& i : sys.indicators) {
        const Cell values[] = {text(i.level1), text(i.level2), text(i.name), Cell::num(i.weight), Cell::str(u"0"),
                               text(i.condition), text(i.moveTo), text(i.explanation), text(i.standard), text(i.basis)};
        for (std::size_t c = 0; c < std::size(values); ++c) ind.set(r, c, values[c]);
        ++r;
        if (i.condition.empty() || !conditions.insert(normalizeLabel(i.condition)).second) continue;
        Cell answer = Cell::str(u"是");
        if (info) {
            auto it = info->rowsByLabel.find(normalizeLabel(i.condition));
            if (it != info->rowsByLabel.end() && !info->sheet->at(it->second, info->valueCol).empty())
                answer = info->sheet->at(it->second, info->valueCol);
        }
        std::size_t br = basic.rows;
        basic.set(br, 0, Cell::str(i.condition));
        basic.set(br, 1, answer);
    }
    Workbook out;
    out.sheets.push_back(std::move(ind));
    out.sheets.push_back(std::move(basic));
    return out;
}

}  // namespace

SystemInputs systemInputs(const IndicatorSystem& sys) { return Collector(sys).result(); }

namespace {

// The two labels the fill itself reads for the 附件1 heading (filler.cpp: “第三方机构：”“被评价部门：”),
// then the system's inputs. (A unit test fails if the fill stops reading them.)
SystemInputs withHeadingLabels(const IndicatorSystem& sys) {
    SystemInputs in = systemInputs(sys);
    std::vector<SystemInput> heads;
    for (std::u16string_view l : {u"被评价部门", u"评价机构"}) {
        bool known = false;
        for (const SystemInput& x : in.labels) known = known || normalizeLabel(x.label) == l;
        if (known) continue;
        SystemInput h;
        h.label = std::u16string(l);
        h.kind = SystemInput::Kind::Text;
        h.category = u"附件1 表头";
        h.hint = u"文字（可选）：附件1 表头“" + std::u16string(l == u"评价机构" ? u"第三方机构" : u"被评价部门") + u"：”后显示。";
        heads.push_back(std::move(h));
    }
    in.labels.insert(in.labels.begin(), heads.begin(), heads.end());
    return in;
}

}  // namespace

SystemInputs newWorkbookInputs() {
    Problems problems;
    std::optional<IndicatorSystem> sys = readIndicatorSystem(defaultIndicatorSheet(), problems);
    return sys ? withHeadingLabels(*sys) : SystemInputs{};
}

FillPlan planNewWorkbook() {
    FillPlan plan;
    Sheet grid = defaultIndicatorSheet();
    Problems problems;
    std::optional<IndicatorSystem> sys = readIndicatorSystem(grid, problems);
    if (!sys || !problems.empty()) {
        for (const Message& p : problems)
            plan.problems.push_back(msg("new.defaultProblem", "内置默认指标体系：{1}", "Built-in default indicator system: {1}", p));
        if (plan.problems.empty())
            plan.problems.push_back(msg("new.defaultUnreadable", "内置默认指标体系无法读取", "The built-in default indicator system cannot be read"));
        return plan;
    }
    SystemInputs in = withHeadingLabels(*sys);
    plan.sheets.push_back(projectSheet(in));
    plan.sheets.push_back(departmentSheet(in));
    plan.sheets.push_back(basicSheet(in));
    plan.sheets.push_back(targetSheet());
    plan.sheets.push_back(indicatorSheet(grid));
    plan.targetSheet = plan.sheets.front().name;
    plan.notes.push_back(msg("new.basicRows", "基础信息 {1} 项（按内置默认指标体系读取的项目生成）",
                             "基础信息 (basic information): {1} rows (the inputs the built-in default indicator system reads)",
                             in.labels.size()));
    return plan;
}

FillPlan planBlankAppendix(const Workbook& wb) {
    FillPlan out;
    if (std::optional<ExistingAppendix> ex = findExistingAppendix(wb)) {
        out.problems.push_back(msg("blank.hasAppendix",
                                   "工作簿中已有附件1（工作表「{1}」，表头含三级指标、评分、专家意见）：填写附件1 时会在该表内填写。"
                                   "如需按当前指标体系重新生成空白附件1，请先删除该工作表。",
                                   "The workbook already has a 附件1 (sheet \"{1}\", its header has 三级指标, 评分 and 专家意见): "
                                   "filling 附件1 fills that sheet in place. To generate a blank 附件1 from the current "
                                   "indicator system again, delete that sheet first.",
                                   ex->sheet->name));
        return out;
    }
    bool builtIn = false;
    std::optional<IndicatorSystem> sys = loadIndicatorSystem(withTargetsAnswered(wb), out.problems, &builtIn);
    if (!sys) return out;
    for (const Message& p : checkWeights(*sys))
        out.problems.push_back(msg("fill.weights", "指标体系权重：{1}", "Indicator weights (指标体系权重): {1}", p));
    if (!out.problems.empty()) return out;

    FillPlan full = planFill(layoutWorkbook(*sys, wb));
    auto it = std::find_if(full.sheets.begin(), full.sheets.end(),
                           [&](const SheetPlan& s) { return s.name == full.targetSheet; });
    if (!full.problems.empty() || it == full.sheets.end() || full.scores.empty()) {
        out.problems = full.problems;
        if (out.problems.empty())
            out.problems.push_back(msg("blank.noLayout", "内部错误：未能排出附件1 的版式",
                                       "Internal error: the layout of 附件1 could not be made"));
        return out;
    }
    SheetPlan a = std::move(*it);
    // Where the fill put 评分, 专家意见 and the total.
    const std::size_t scoreCol = full.scores.front().col;
    std::set<std::size_t> rows;
    for (const PlannedScore& ps : full.scores) rows.insert(ps.row);
    std::optional<std::size_t> expertCol, totalRow;
    for (const auto& [pos, v] : a.cells) {
        if (v.kind != OutCell::Kind::Text) continue;
        std::u16string t = normalizeLabel(v.text);
        if (pos.first < a.headerRows && t == u"专家意见") expertCol = pos.second;
        if (pos.first > *rows.rbegin() && pos.second < scoreCol && t == u"合计" && !totalRow) totalRow = pos.first;
    }
    if (!expertCol || !totalRow) {
        out.problems.push_back(msg("blank.layoutIncomplete", "内部错误：附件1 的版式中没有专家意见列或合计行",
                                   "Internal error: the layout of 附件1 has no 专家意见 column or no 合计 row"));
        return out;
    }
    // 评分, 专家意见 and the total empty (formats kept: the fill writes into them); what derives from
    // the scores (得分率, 二级/一级得分, 评价等级) blank until a score is there.
    const std::u16string guard = u"=IF(COUNT(" + localRef(*rows.begin(), scoreCol) + u":" +
                                 localRef(*rows.rbegin(), scoreCol) + u")=0;\"\";";
    for (auto& [pos, v] : a.cells) {
        if (v.kind != OutCell::Kind::Formula) continue;
        const auto [r, c] = pos;
        bool scoreCell = c == scoreCol && (rows.count(r) || r == *totalRow);
        bool expertCell = c == *expertCol && rows.count(r);
        if (scoreCell || expertCell) {
            v.kind = OutCell::Kind::Text;
            v.text.clear();
        } else if (c >= scoreCol) {
            v.text = guard + v.text.substr(1) + u")";
        }
    }
    a.name = uniqueName(wb, FillNames::appendix);
    out.targetSheet = a.name;
    for (PlannedScore ps : full.scores) {
        ps.sheet = a.name;
        ps.formula.clear();
        out.scores.push_back(std::move(ps));
    }
    out.sheets.push_back(std::move(a));
    std::size_t fromTargets = 0;
    for (const Indicator& i : sys->indicators) fromTargets += !i.sourceSheet.empty() && i.sourceSheet != sys->sheetName;
    Message source = builtIn ? msg("blank.fromDefault", "内置默认指标体系 ", "the built-in default indicator system")
                             : msg("blank.fromSystem", "指标体系「{1}」", "the indicator system \"{1}\"", sys->sheetName);
    out.notes.push_back(msg("blank.count", "空白附件1 共 {1} 项三级指标（{2}{3} 项，绩效目标表 {4} 项）",
                            "Blank 附件1: {1} third-level indicators (三级指标) ({3} from {2}, {4} from the 绩效目标表)",
                            sys->indicators.size(), source, sys->indicators.size() - fromTargets, fromTargets));
    return out;
}

std::string basicInfoLabelsMarkdown(const SystemInputs& in) {
    std::string out = "| 项目 | 单位 | 类别 | 读取它的指标 |\n|---|---|---|---|\n";
    for (const SystemInput& i : in.labels) {
        std::string users;
        for (const std::u16string& u : i.usedBy) users += (users.empty() ? "" : "、") + u8(u);
        out += "| " + u8(i.label) + " | " + u8(i.unit) + " | " + u8(i.category) + " | " + (users.empty() ? "附件1 表头" : users) +
               (i.quotesNote ? "（专家意见引用来源及说明）" : "") + " |\n";
    }
    return out;
}

}  // namespace jixiao
