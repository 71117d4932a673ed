#include "jixiao/indicators.hpp"

#include <cmath>
#include <map>

#include "jixiao/target_sheet.hpp"
#include "jixiao/values.hpp"

namespace jixiao {

extern const char kDefaultIndicatorsTsv[];  // generated from data/default-indicators.tsv

namespace {

enum Col { L1, L1W, L2, L2W, L3, SUB, W, FORMULA, COND, MOVE, EXPL, STD, BASIS, EXPERT, NA_EXPERT, NOTE, READINGS, NCOLS };

std::string u8(std::u16string_view s) { return toUtf8(s); }

std::string rowText(std::size_t row) { return "指标体系第" + std::to_string(row + 1) + "行"; }

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

std::optional<IndicatorSystem> readIndicatorSystem(const Sheet& s, std::vector<std::string>& problems) {
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
        problems.push_back("工作表「" + u8(s.name) + "」没有含「三级指标」「计分公式」的表头行");
        return std::nullopt;
    }
    auto get = [&](std::size_t r, Col k) -> std::u16string {
        if (!pos[k]) return {};
        return unescapeLineBreaks(cellText(s.at(r, *pos[k])));
    };
    auto num = [&](std::size_t r, Col k, const char* what) -> std::optional<double> {
        if (!pos[k]) return std::nullopt;
        const Cell& c = s.at(r, *pos[k]);
        if (c.empty()) return std::nullopt;
        auto v = cellNumber(c);
        if (!v) problems.push_back(rowText(r) + "：" + what + "「" + u8(cellText(c)) + "」不是数字");
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
        if (auto w = num(r, L1W, "一级权重")) l1w = *w;
        if (auto w = num(r, L2W, "二级权重")) l2w = *w;
        if (l1.empty() || l2.empty()) {
            problems.push_back(rowText(r) + "：上方没有一级指标/二级指标");
            continue;
        }
        std::optional<double> w = num(r, W, "分值");
        bool continues = !sys.indicators.empty() && (n3.empty() || n3 == sys.indicators.back().name) &&
                         !sub.empty() && !sys.indicators.back().subs.empty() && sys.indicators.back().level2 == l2;
        if (!continues && n3.empty()) {
            problems.push_back(rowText(r) + "：三级指标为空");
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
                if (!w) problems.push_back(rowText(r) + "：「" + u8(n3) + "」没有分值");
                if (formula.empty()) problems.push_back(rowText(r) + "：「" + u8(n3) + "」没有计分公式");
            }
            sys.indicators.push_back(std::move(ind));
        }
        Indicator& ind = sys.indicators.back();
        if (!sub.empty()) {
            SubCriterion sc{sub, w.value_or(0), formula, get(r, EXPERT), parseReadings(get(r, READINGS)), {}, {}, r};
            if (!w) problems.push_back(rowText(r) + "：子项「" + u8(sub) + "」没有分值");
            if (formula.empty()) problems.push_back(rowText(r) + "：子项「" + u8(sub) + "」没有计分公式");
            ind.weight += sc.weight;
            // texts given on a sub-criterion row also describe the indicator
            if (ind.explanation.empty()) ind.explanation = get(r, EXPL);
            if (ind.standard.empty()) ind.standard = get(r, STD);
            if (ind.basis.empty()) ind.basis = get(r, BASIS);
            ind.subs.push_back(std::move(sc));
        }
    }
    if (sys.indicators.empty()) {
        problems.push_back("工作表「" + u8(s.name) + "」的表头下没有指标");
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

std::optional<IndicatorSystem> loadIndicatorSystem(const Workbook& wb, std::vector<std::string>& problems,
                                                   bool* builtIn) {
    const Sheet* sysSheet = findIndicatorSheet(wb);
    Sheet fallback;
    if (!sysSheet) {
        fallback = defaultIndicatorSheet();
        sysSheet = &fallback;
    }
    if (builtIn) *builtIn = sysSheet == &fallback;
    std::vector<std::string> sysProblems;
    std::optional<IndicatorSystem> sys = readIndicatorSystem(*sysSheet, sysProblems);
    for (auto& p : sysProblems) problems.push_back("指标体系：" + p);
    if (!sys) return sys;
    if (sysSheet == &fallback) sys->sheetName.clear();

    // The department's own targets, under the levels its 绩效目标表 names.
    std::optional<TargetTable> targets = findTargetTable(wb);
    if (!targets) {
        double total = 0;
        for (const Indicator& i : sys->indicators) total += i.weight;
        if (total < 100 - 1e-6) {
            sys->targetsIncomplete = true;
            problems.push_back("缺少 绩效目标表：指标体系的分值合计为" + fmt(total) + "分，其余" + fmt(100 - total) +
                               "分应来自部门的绩效目标表（表头含「三级指标」「指标值」「实际完成值」「分值」的工作表）");
        }
        return sys;
    }
    std::vector<std::string> targetProblems;
    std::vector<Indicator> rows = readTargets(*targets, targetProblems);
    for (auto& p : targetProblems) problems.push_back(p);
    sys->targetsIncomplete = !targetProblems.empty();  // the total is short by the refused rows
    if (rows.empty() && targetProblems.empty())
        problems.push_back("缺少 绩效目标表中的指标：工作表「" + u8(targets->sheet->name) + "」的表头下没有指标");
    for (Indicator& ind : rows) {
        if (sys->find(ind.name)) {
            problems.push_back("绩效目标表：工作表「" + u8(targets->sheet->name) + "」第" + std::to_string(ind.sourceRow + 1) +
                               "行的三级指标「" + u8(ind.name) + "」与指标体系中的指标重名");
            continue;
        }
        sys->indicators.push_back(std::move(ind));
    }
    return sys;
}

std::vector<std::string> checkWeights(const IndicatorSystem& sys) {
    std::vector<std::string> problems;
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
                problems.push_back("「" + u8(i.name) + "」：子项分值之和为" + fmt(s) + "，不等于" + fmt(i.weight));
        }
        if (!i.moveTo.empty()) {
            const Indicator* t = sys.find(i.moveTo);
            if (!t) problems.push_back("「" + u8(i.name) + "」：不适用时分值转入「" + u8(i.moveTo) + "」，但没有这个指标");
            else if (t == &i) problems.push_back("「" + u8(i.name) + "」：不适用时分值转入指向自身");
        }
        if (i.weight < 0) problems.push_back("「" + u8(i.name) + "」：分值为负（" + fmt(i.weight) + "）");
    }
    for (const auto& [k, stated] : l2Stated) {
        double sum = l2Sum[k];
        if (!approxEqual(sum, stated)) {
            std::u16string name = k.substr(k.find(u'\u0001') + 1);
            problems.push_back("二级指标「" + u8(name) + "」：权重为" + fmt(stated) + "，其下指标分值之和为" + fmt(sum));
        }
    }
    double total = 0;
    for (const auto& l1 : l1Order) {
        total += l1Sum[l1];
        if (l1Stated.count(l1) && !approxEqual(l1Sum[l1], l1Stated[l1]))
            problems.push_back("一级指标「" + u8(l1) + "」：权重为" + fmt(l1Stated[l1]) + "，其下指标分值之和为" +
                               fmt(l1Sum[l1]));
    }
    if (!approxEqual(total, 100) && !sys.targetsIncomplete)
        problems.push_back("各指标分值之和为" + fmt(total) + "，不等于100");
    return problems;
}

}  // namespace jixiao
