#include "jixiao/indicators.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "jixiao/catalog.hpp"
#include "jixiao/target_sheet.hpp"
#include "jixiao/values.hpp"

namespace jixiao {

extern const char kDefaultIndicatorsTsv[];  // generated from data/default-indicators.tsv

namespace {

enum Col { L1, L1W, L2, L2W, L3, SUB, W, FORMULA, COND, MOVE, EXPL, STD, BASIS, EXPERT, NA_EXPERT, NOTE, READINGS, NCOLS };


Message rowText(std::size_t row) { return msg("system.row", "指标体系第{1}行", "indicator system, row {1}", row + 1); }

std::u16string cellText(const Cell& c) {
    if (c.kind == Cell::Kind::Text) return std::u16string(trim(c.text));
    if (c.kind == Cell::Kind::Number) return numberText16(c.number);
    return {};
}

std::optional<double> cellNumber(const Cell& c) {
    if (c.kind == Cell::Kind::Number) return c.number;
    if (c.kind == Cell::Kind::Text) return parseNumber(c.text);
    return std::nullopt;
}

std::string fmt(double x) { return numberText(x, 10); }

}  // namespace

std::vector<NamedReading> parseReadings(std::u16string_view text) {
    std::vector<NamedReading> out;
    std::u16string cur;
    auto flush = [&] {
        std::u16string_view line = trim(cur);
        std::size_t sep = line.find(u'：');
        std::size_t len = 1;
        if (sep == std::u16string_view::npos) sep = line.find(u':');
        if (sep != std::u16string_view::npos && sep > 0 && sep + len < line.size())
            out.push_back({std::u16string(trim(line.substr(0, sep))), std::u16string(trim(line.substr(sep + len)))});
        cur.clear();
    };
    int depth = 0;  // a ； inside 【】 or () belongs to the formula
    for (char16_t c : text) {
        if (c == u'【' || c == u'(') ++depth;
        if (c == u'】' || c == u')') --depth;
        if (c == u'\n' || (c == u'；' && depth == 0)) { flush(); continue; }
        cur += c;
    }
    flush();
    return out;
}

std::u16string unescapeLineBreaks(std::u16string_view t) {
    std::u16string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == u'\\' && i + 1 < t.size() && t[i + 1] == u'n') {
            out += u'\n';
            ++i;
        } else {
            out += t[i];
        }
    }
    return out;
}

const std::vector<std::u16string_view>& indicatorColumns() {
    static const std::vector<std::u16string_view> cols = {
        u"一级指标", u"一级权重", u"二级指标", u"二级权重", u"三级指标", u"子项", u"分值", u"计分公式",
        u"适用条件", u"不适用时分值转入", u"指标说明", u"评分标准", u"评分依据", u"专家意见", u"不适用时专家意见", u"备注", u"其他口径"};
    return cols;
}

const Indicator* IndicatorSystem::find(std::u16string_view name) const {
    std::u16string key = normalizeLabel(name);
    for (const Indicator& i : indicators)
        if (normalizeLabel(i.name) == key) return &i;
    return nullptr;
}

const Sheet* findIndicatorSheet(const Workbook& wb) {
    for (const Sheet& s : wb.sheets) {
        for (std::size_t r = 0; r < std::min<std::size_t>(s.rows, 10); ++r) {
            bool l3 = false, f = false, targets = false;
            for (std::size_t c = 0; c < s.cols; ++c) {
                const Cell& cell = s.at(r, c);
                if (cell.kind != Cell::Kind::Text) continue;
                std::u16string t = normalizeLabel(cell.text);
                l3 = l3 || t == u"三级指标";
                f = f || t == u"计分公式";
                targets = targets || isTargetValueHeader(t);  // a 绩效目标表 may have a 计分公式 column too
            }
            if (l3 && f && !targets) return &s;
        }
    }
    return nullptr;
}

std::optional<IndicatorSystem> readIndicatorSystem(const Sheet& s, Problems& problems) {
    // Header row and column positions.
    std::optional<std::size_t> headerRow;
    std::vector<std::optional<std::size_t>> pos(NCOLS);
    const auto& names = indicatorColumns();
    for (std::size_t r = 0; r < std::min<std::size_t>(s.rows, 10) && !headerRow; ++r) {
        std::vector<std::optional<std::size_t>> p(NCOLS);
        for (std::size_t c = 0; c < s.cols; ++c) {
            const Cell& cell = s.at(r, c);
            if (cell.kind != Cell::Kind::Text) continue;
            std::u16string t = normalizeLabel(cell.text);
            for (std::size_t k = 0; k < names.size(); ++k)
                if (t == names[k] && !p[k]) p[k] = c;
        }
        if (p[L3] && p[FORMULA]) { headerRow = r; pos = p; }
    }
    if (!headerRow) {
        problems.push_back(msg("system.noHeader", "工作表「{1}」没有含「三级指标」「计分公式」的表头行",
                               "sheet \"{1}\" has no header row with 三级指标 and 计分公式", s.name));
        return std::nullopt;
    }
    auto get = [&](std::size_t r, Col k) -> std::u16string {
        if (!pos[k]) return {};
        return unescapeLineBreaks(cellText(s.at(r, *pos[k])));
    };
    auto num = [&](std::size_t r, Col k, const Message& what) -> std::optional<double> {
        if (!pos[k]) return std::nullopt;
        const Cell& c = s.at(r, *pos[k]);
        if (c.empty()) return std::nullopt;
        auto v = cellNumber(c);
        if (!v)
            problems.push_back(msg("system.notNumber", "{1}：{2}「{3}」不是数字", "{1}: {2} \"{3}\" is not a number", rowText(r),
                                   what, cellText(c)));
        return v;
    };

    IndicatorSystem sys;
    sys.sheetName = s.name;
    std::u16string l1, l2;
    double l1w = 0, l2w = 0;
    for (std::size_t r = *headerRow + 1; r < s.rows; ++r) {
        std::u16string n1 = get(r, L1), n2 = get(r, L2), n3 = get(r, L3), sub = get(r, SUB);
        std::u16string formula = get(r, FORMULA);
        if (n1.empty() && n2.empty() && n3.empty() && sub.empty() && formula.empty()) continue;
        if (!n1.empty() && n1 != l1) { l1 = n1; l2.clear(); l1w = 0; }
        if (!n2.empty() && n2 != l2) { l2 = n2; l2w = 0; }
        if (auto w = num(r, L1W, msg("system.col.l1w", "一级权重", "first-level weight (一级权重)"))) l1w = *w;
        if (auto w = num(r, L2W, msg("system.col.l2w", "二级权重", "second-level weight (二级权重)"))) l2w = *w;
        if (l1.empty() || l2.empty()) {
            problems.push_back(msg("system.noLevels", "{1}：上方没有一级指标/二级指标",
                                   "{1}: no first- or second-level indicator (一级指标/二级指标) above it", rowText(r)));
            continue;
        }
        std::optional<double> w = num(r, W, msg("system.col.weight", "分值", "weight (分值)"));
        bool continues = !sys.indicators.empty() && (n3.empty() || n3 == sys.indicators.back().name) &&
                         !sub.empty() && !sys.indicators.back().subs.empty() && sys.indicators.back().level2 == l2;
        if (!continues && n3.empty()) {
            problems.push_back(msg("system.noName", "{1}：三级指标为空", "{1}: the indicator name (三级指标) is empty", rowText(r)));
            continue;
        }
        if (!continues) {
            Indicator ind;
            ind.level1 = l1;
            ind.level2 = l2;
            ind.level1Weight = l1w;
            ind.level2Weight = l2w;
            ind.name = n3;
            ind.condition = get(r, COND);
            ind.moveTo = get(r, MOVE);
            ind.explanation = get(r, EXPL);
            ind.standard = get(r, STD);
            ind.basis = get(r, BASIS);
            ind.notApplicableExpert = get(r, NA_EXPERT);
            ind.note = get(r, NOTE);
            if (sub.empty()) ind.readings = parseReadings(get(r, READINGS));
            ind.sourceRow = r;
            if (sub.empty()) {
                ind.weight = w.value_or(0);
                ind.formula = formula;
                ind.expert = get(r, EXPERT);
                if (!w) problems.push_back(msg("system.noWeight", "{1}：「{2}」没有分值", "{1}: \"{2}\" has no weight (分值)", rowText(r), n3));
                if (formula.empty())
                    problems.push_back(msg("system.noFormula", "{1}：「{2}」没有计分公式",
                                           "{1}: \"{2}\" has no scoring formula (计分公式)", rowText(r), n3));
            }
            sys.indicators.push_back(std::move(ind));
        }
        Indicator& ind = sys.indicators.back();
        if (!sub.empty()) {
            SubCriterion sc{sub, w.value_or(0), formula, get(r, EXPERT), parseReadings(get(r, READINGS)), {}, {}, r};
            if (!w)
                problems.push_back(msg("system.subNoWeight", "{1}：子项「{2}」没有分值", "{1}: sub-item \"{2}\" has no weight (分值)",
                                       rowText(r), sub));
            if (formula.empty())
                problems.push_back(msg("system.subNoFormula", "{1}：子项「{2}」没有计分公式",
                                       "{1}: sub-item \"{2}\" has no scoring formula (计分公式)", rowText(r), sub));
            ind.weight += sc.weight;
            // texts given on a sub-criterion row also describe the indicator
            if (ind.explanation.empty()) ind.explanation = get(r, EXPL);
            if (ind.standard.empty()) ind.standard = get(r, STD);
            if (ind.basis.empty()) ind.basis = get(r, BASIS);
            ind.subs.push_back(std::move(sc));
        }
    }
    if (sys.indicators.empty()) {
        problems.push_back(msg("system.empty", "工作表「{1}」的表头下没有指标", "sheet \"{1}\" has no indicators under its header",
                               s.name));
        return std::nullopt;
    }
    return sys;
}

Sheet sheetFromTsv(std::u16string_view name, std::string_view tsv) {
    Sheet s;
    s.name = std::u16string(name);
    std::size_t row = 0;
    std::size_t start = 0;
    while (start < tsv.size()) {
        std::size_t end = tsv.find('\n', start);
        if (end == std::string_view::npos) end = tsv.size();
        std::string_view line = tsv.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::size_t col = 0, cs = 0;
        while (true) {
            std::size_t ce = line.find('\t', cs);
            std::string_view cell = line.substr(cs, ce == std::string_view::npos ? std::string_view::npos : ce - cs);
            if (!cell.empty()) {
                std::u16string t = fromUtf8(cell);
                // Numbers stay numbers (weights); everything else is text.
                auto n = parseNumber(t);
                bool plain = n && t.find_first_not_of(u"0123456789.-") == std::u16string::npos;
                s.set(row, col, plain ? Cell::num(*n) : Cell::str(std::move(t)));
            }
            if (ce == std::string_view::npos) break;
            cs = ce + 1;
            ++col;
        }
        ++row;
        start = end + 1;
    }
    if (s.rows < row) s.set(row - 1, 0, s.at(row - 1, 0));
    return s;
}

Sheet defaultIndicatorSheet() { return sheetFromTsv(u"指标体系", kDefaultIndicatorsTsv); }

std::optional<IndicatorSystem> loadIndicatorSystem(const Workbook& wb, Problems& problems,
                                                   bool* builtIn) {
    const Sheet* sysSheet = findIndicatorSheet(wb);
    Sheet fallback;
    if (!sysSheet) {
        fallback = defaultIndicatorSheet();
        sysSheet = &fallback;
    }
    if (builtIn) *builtIn = sysSheet == &fallback;
    Problems sysProblems;
    std::optional<IndicatorSystem> sys = readIndicatorSystem(*sysSheet, sysProblems);
    for (auto& p : sysProblems) problems.push_back(msg("system.problem", "指标体系：{1}", "Indicator system (指标体系): {1}", p));
    if (!sys) return sys;
    if (sysSheet == &fallback) sys->sheetName.clear();

    // The department's own targets, under the levels its 绩效目标表 names.
    std::optional<TargetTable> targets = findTargetTable(wb);
    if (!targets) {
        double total = 0;
        for (const Indicator& i : sys->indicators) total += i.weight;
        if (total < 100 - 1e-6) {
            sys->targetsIncomplete = true;
            problems.push_back(msg("targets.missing",
                                   "缺少 绩效目标表：指标体系的分值合计为{1}分，其余{2}分应来自部门的绩效目标表（表头含「三级指标」「指标值」「实际完成值」「分值」的工作表）",
                                   "Missing 绩效目标表 (the department's targets): the indicator system's weights add up to {1}; "
                                   "the other {2} points come from a sheet whose header has 三级指标, 指标值, 实际完成值 and 分值",
                                   fmt(total), fmt(100 - total)));
        }
        return sys;
    }
    Problems targetProblems;
    std::vector<Indicator> rows = readTargets(*targets, targetProblems);
    for (auto& p : targetProblems) problems.push_back(p);
    sys->targetsIncomplete = !targetProblems.empty();  // the total is short by the refused rows
    if (rows.empty() && targetProblems.empty())
        problems.push_back(msg("targets.empty", "缺少 绩效目标表中的指标：工作表「{1}」的表头下没有指标",
                               "Missing targets: sheet \"{1}\" has no rows under its header", targets->sheet->name));
    for (Indicator& ind : rows) {
        if (sys->find(ind.name)) {
            problems.push_back(msg("targets.nameClash", "绩效目标表：工作表「{1}」第{2}行的三级指标「{3}」与指标体系中的指标重名",
                                   "绩效目标表: sheet \"{1}\", row {2}: indicator \"{3}\" has the name of one in the indicator system",
                                   targets->sheet->name, ind.sourceRow + 1, ind.name));
            continue;
        }
        sys->indicators.push_back(std::move(ind));
    }
    return sys;
}

Problems checkWeights(const IndicatorSystem& sys) {
    Problems problems;
    std::map<std::u16string, double> l1Sum, l2Sum;
    std::map<std::u16string, double> l1Stated, l2Stated;
    std::vector<std::u16string> l1Order;
    for (const Indicator& i : sys.indicators) {
        if (!l1Sum.count(i.level1)) l1Order.push_back(i.level1);
        l1Sum[i.level1] += i.weight;
        l2Sum[i.level1 + u"\u0001" + i.level2] += i.weight;
        if (i.level1Weight) l1Stated[i.level1] = i.level1Weight;
        if (i.level2Weight) l2Stated[i.level1 + u"\u0001" + i.level2] = i.level2Weight;
        if (!i.subs.empty()) {
            double s = 0;
            for (const SubCriterion& sc : i.subs) s += sc.weight;
            if (!approxEqual(s, i.weight))
                problems.push_back(msg("weights.subs", "「{1}」：子项分值之和为{2}，不等于{3}",
                                       "\"{1}\": its sub-items' weights add up to {2}, not {3}", i.name, fmt(s), fmt(i.weight)));
        }
        if (!i.moveTo.empty()) {
            const Indicator* t = sys.find(i.moveTo);
            if (!t)
                problems.push_back(msg("weights.moveUnknown", "「{1}」：不适用时分值转入「{2}」，但没有这个指标",
                                       "\"{1}\": when not applicable its weight moves to \"{2}\", which is not an indicator",
                                       i.name, i.moveTo));
            else if (t == &i)
                problems.push_back(msg("weights.moveSelf", "「{1}」：不适用时分值转入指向自身",
                                       "\"{1}\": when not applicable its weight moves to itself", i.name));
        }
        if (i.weight < 0)
            problems.push_back(msg("weights.negative", "「{1}」：分值为负（{2}）", "\"{1}\": negative weight ({2})", i.name, fmt(i.weight)));
    }
    for (const auto& [k, stated] : l2Stated) {
        double sum = l2Sum[k];
        if (!approxEqual(sum, stated)) {
            std::u16string name = k.substr(k.find(u'\u0001') + 1);
            problems.push_back(msg("weights.level2", "二级指标「{1}」：权重为{2}，其下指标分值之和为{3}",
                                   "second-level indicator \"{1}\": weight {2}, but its indicators add up to {3}", name, fmt(stated),
                                   fmt(sum)));
        }
    }
    double total = 0;
    for (const auto& l1 : l1Order) {
        total += l1Sum[l1];
        if (l1Stated.count(l1) && !approxEqual(l1Sum[l1], l1Stated[l1]))
            problems.push_back(msg("weights.level1", "一级指标「{1}」：权重为{2}，其下指标分值之和为{3}",
                                   "first-level indicator \"{1}\": weight {2}, but its indicators add up to {3}", l1,
                                   fmt(l1Stated[l1]), fmt(l1Sum[l1])));
    }
    if (!approxEqual(total, 100) && !sys.targetsIncomplete)
        problems.push_back(msg("weights.total", "各指标分值之和为{1}，不等于100", "the weights add up to {1}, not 100", fmt(total)));
    return problems;
}

// ---------------------------------------------------------------- functions a template calls

namespace {
bool identStart(char16_t c) { return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_'; }
bool identPart(char16_t c) { return identStart(c) || (c >= u'0' && c <= u'9') || c == u'.'; }

void scanCalls(std::u16string_view t, std::vector<std::u16string>& out) {
    for (std::size_t i = 0; i < t.size();) {
        char16_t c = t[i];
        if (c == u'"') {  // a string literal ("" inside is a quote)
            ++i;
            while (i < t.size() && !(t[i] == u'"' && (i + 1 >= t.size() || t[i + 1] != u'"'))) i += t[i] == u'"' ? 2 : 1;
            ++i;
            continue;
        }
        if (identStart(c) && (i == 0 || !identPart(t[i - 1]))) {
            std::size_t j = i;
            while (j < t.size() && identPart(t[j])) ++j;
            std::size_t k = j;
            while (k < t.size() && t[k] == u' ') ++k;
            if (k < t.size() && t[k] == u'(') {
                std::u16string name(t.substr(i, j - i));
                for (char16_t& ch : name)
                    if (ch >= u'a' && ch <= u'z') ch = static_cast<char16_t>(ch - u'a' + u'A');
                if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
            }
            i = j;
            continue;
        }
        ++i;
    }
}
}  // namespace

std::vector<std::u16string> calledFunctions(std::u16string_view tmpl, bool textTemplate) {
    std::vector<std::u16string> out;
    if (!textTemplate) {
        scanCalls(tmpl, out);
        return out;
    }
    // 专家意见: literal prose, with expressions only in 【=expression|format】
    for (std::size_t i = tmpl.find(u"【="); i != std::u16string_view::npos; i = tmpl.find(u"【=", i + 1)) {
        std::size_t depth = 0, j = i;
        for (; j < tmpl.size(); ++j) {
            if (tmpl[j] == u'【') ++depth;
            else if (tmpl[j] == u'】' && --depth == 0) break;
        }
        std::u16string_view expr = tmpl.substr(i + 2, j - i - 2);
        scanCalls(expr.substr(0, expr.rfind(u'|') == std::u16string_view::npos ? expr.size() : expr.rfind(u'|')), out);
    }
    return out;
}

Problems unknownFunctions(const IndicatorSystem& sys, const std::set<std::u16string>& known) {
    Problems problems;
    if (known.empty()) return problems;
    std::set<std::u16string> ours;
    for (const FunctionInfo& f : catalog()) ours.insert(fromUtf8(f.name));
    auto check = [&](const Indicator& ind, std::size_t row, std::u16string_view tmpl, bool text, const Message& column) {
        for (const std::u16string& fn : calledFunctions(tmpl, text)) {
            if (ours.count(fn) || known.count(fn)) continue;
            std::u16string sheet = !ind.sourceSheet.empty() ? ind.sourceSheet
                                   : !sys.sheetName.empty() ? sys.sheetName
                                                            : std::u16string(u"指标体系");
            problems.push_back(msg("system.unknownFunction",
                                   "工作表「{1}」第{2}行「{3}」的{4}：函数「{5}」不是 Calc 或 Jixiao 的函数（拼写有误，或需要另装扩展）",
                                   "sheet \"{1}\", row {2}, \"{3}\", {4}: \"{5}\" is not a Calc or Jixiao function "
                                   "(a misspelling, or an extension is missing)",
                                   sheet, row + 1, ind.name, column, fn));
        }
    };
    const Message formulaCol = msg("system.col.formula", "计分公式", "scoring formula (计分公式)");
    const Message readingsCol = msg("system.col.readings", "其他口径", "other readings (其他口径)");
    const Message expertCol = msg("system.col.expert", "专家意见", "expert opinion template (专家意见)");
    for (const Indicator& ind : sys.indicators) {
        check(ind, ind.sourceRow, ind.formula, false, formulaCol);
        for (const NamedReading& r : ind.readings) check(ind, ind.sourceRow, r.formula, false, readingsCol);
        check(ind, ind.sourceRow, ind.expert, true, expertCol);
        for (const SubCriterion& sc : ind.subs) {
            check(ind, sc.sourceRow, sc.formula, false, formulaCol);
            for (const NamedReading& r : sc.readings) check(ind, sc.sourceRow, r.formula, false, readingsCol);
            check(ind, sc.sourceRow, sc.expert, true, expertCol);
        }
    }
    return problems;
}

}  // namespace jixiao
