#include "jixiao/target_sheet.hpp"

#include <set>
#include <utility>

#include "jixiao/internal.hpp"
#include "jixiao/rules.hpp"
#include "jixiao/selfeval_review.hpp"
#include "jixiao/target.hpp"
#include "jixiao/values.hpp"

namespace jixiao {

namespace {

using TC = TargetColumn;

const std::vector<std::pair<TC, std::vector<std::u16string_view>>>& columnTable() {
    static const std::vector<std::pair<TC, std::vector<std::u16string_view>>> t = {
        {TC::Level1, {u"一级指标"}},
        {TC::Level2, {u"二级指标"}},
        {TC::Level3, {u"三级指标"}},
        {TC::Sub, {u"子项", u"四级指标"}},
        {TC::Target, {u"指标值", u"年度指标值", u"目标值", u"年度目标值", u"指标目标值"}},
        {TC::Unit, {u"度量单位", u"计量单位", u"单位"}},
        {TC::Actual, {u"实际完成值", u"实际值", u"完成值", u"全年实际值", u"实际完成数"}},
        {TC::Weight, {u"分值", u"权重"}},
        {TC::Method, {u"评分方法", u"计分方法"}},
        {TC::Grade, {u"完成等级", u"等级"}},
        {TC::Ratio, {u"得分比例", u"计分比例"}},
        {TC::Cut, {u"超额扣减", u"超额核减"}},
        {TC::Waive, {u"免于超额扣减", u"免于超额核减"}},
        {TC::Reason, {u"偏差原因", u"偏差原因分析及改进措施", u"偏差原因分析", u"未完成原因分析", u"未完成原因", u"说明"}},
        {TC::Explanation, {u"指标说明"}},
        {TC::Standard, {u"评分标准"}},
        {TC::Basis, {u"评分依据"}},
        {TC::Formula, {u"计分公式"}},
        {TC::Expert, {u"专家意见"}},
        {TC::Readings, {u"其他口径"}},
        {TC::Note, {u"备注"}},
        {TC::Bands, {u"定性分档", u"定性评分档次", u"分档"}},
    };
    return t;
}

std::optional<TC> columnOf(std::u16string_view normalized) {
    for (const auto& [c, names] : columnTable())
        for (std::u16string_view n : names)
            if (normalized == n) return c;
    return std::nullopt;
}

using internal::cellText;

using internal::cellView;

// One row of the table, with everything the formulas and texts need.
struct Row {
    std::size_t r = 0;
    std::u16string l1, l2, l3, sub;
    std::u16string name;  // 子项, or 三级指标
    Target target;
    bool qualitative = false;
    double weight = 0;
    TargetMethod method = TargetMethod::Proportional;
    bool cut = false, cutStated = false;
    std::u16string grade, reason;
    std::optional<double> ratio;
    QualitativeBands bands;  // 定性分档 (national when blank or absent)
};

class Reader {
public:
    Reader(const TargetTable& t, Problems& problems) : t_(t), s_(*t.sheet), problems_(problems) {}

    std::vector<Indicator> read();

private:
    std::optional<std::size_t> col(TC k) const {
        auto it = t_.columns.find(k);
        if (it == t_.columns.end()) return std::nullopt;
        return it->second;
    }
    const Cell& cell(std::size_t r, TC k) const {
        static const Cell none;
        auto c = col(k);
        return c ? s_.at(r, *c) : none;
    }
    std::u16string text(std::size_t r, TC k) const { return unescapeLineBreaks(cellText(cell(r, k))); }
    Message where(std::size_t r, TC k) const {
        auto c = col(k);
        if (c) return msg("targetTable.cell", "工作表「{1}」{2}", "sheet \"{1}\", {2}", s_.name, localRef(r, *c));
        return msg("targetTable.row", "工作表「{1}」第{2}行", "sheet \"{1}\", row {2}", s_.name, r + 1);
    }
    std::u16string ref(std::size_t r, TC k) const { return cellRef(s_.name, r, *col(k)); }
    void problem(std::size_t r, TC k, Message what) {
        problems_.push_back(msg("targetTable.problem", "绩效目标表：{1} {2}", "绩效目标表 (targets table), {1}: {2}", where(r, k),
                                std::move(what)));
    }

    // A reference for an optional argument: text columns as text (an empty cell passed on is read
    // by Calc as 0, so it goes as ""), the ratio as a number or "".
    std::optional<std::u16string> optRef(std::size_t r, TC k) const {
        return col(k) ? std::optional<std::u16string>(ref(r, k)) : std::nullopt;
    }
    std::u16string optText(std::size_t r, TC k) const { return internal::optTextArg(optRef(r, k)); }
    std::u16string optNumber(std::size_t r, TC k) const { return internal::optNumberArg(optRef(r, k)); }
    std::u16string cutArg(const Row& row) const {
        if (col(TC::Cut)) return optText(row.r, TC::Cut);
        if (col(TC::Waive)) {
            std::u16string x = ref(row.r, TC::Waive);
            return u"IF(ISBLANK(" + x + u");\"\";IF(" + x + u"&\"\"=\"否\";\"是\";\"否\"))";
        }
        return u"\"\"";
    }

    // INDICATOR_SCORE over the row's cells, trailing blanks left out. `method`/`cut` override the row's.
    std::u16string scoreCall(const Row& row, std::optional<std::u16string> method = std::nullopt,
                             std::optional<std::u16string> cut = std::nullopt) const {
        std::vector<std::u16string> a = {ref(row.r, TC::Actual), ref(row.r, TC::Target), u"【分值】",
                                         method ? *method : optText(row.r, TC::Method), optText(row.r, TC::Unit),
                                         optText(row.r, TC::Grade), optNumber(row.r, TC::Ratio),
                                         cut ? *cut : cutArg(row), optText(row.r, TC::Bands)};
        return internal::indicatorScoreCall(std::move(a));
    }
    std::u16string ratioCall(const Row& row) const {
        return u"TARGET_RATIO(" + ref(row.r, TC::Actual) + u";" + ref(row.r, TC::Target) + u";" +
               optText(row.r, TC::Unit) + u")";
    }

    // The row's placeholders (【指标值】 …) in a template: in formula mode (and inside 【=…】 or
    // 【合并(…)】) the cell itself; at the top of a text template, the cell shown as text.
    std::u16string substitute(std::u16string_view tmpl, const Row& row, bool textMode) const;
    std::optional<TC> placeholder(std::u16string_view inner) const {
        static const std::pair<std::u16string_view, TC> names[] = {
            {u"指标值", TC::Target}, {u"实际完成值", TC::Actual}, {u"度量单位", TC::Unit}, {u"评分方法", TC::Method},
            {u"完成等级", TC::Grade}, {u"得分比例", TC::Ratio}, {u"超额扣减", TC::Cut}, {u"偏差原因", TC::Reason},
            {u"定性分档", TC::Bands}};
        std::u16string t(trim(inner));
        for (const auto& [n, k] : names)
            if (t == n && col(k)) return k;
        return std::nullopt;
    }
    std::u16string display(const Row& row, TC k) const;

    std::u16string defaultExpert(const Row& row, std::size_t number) const;
    std::u16string defaultStandard(const Row& row) const;
    std::vector<NamedReading> readings(const Row& row) const;
    std::vector<StatedJudgment> judgments(const Row& row) const;
    std::optional<Row> parse(std::size_t r, std::u16string& l1, std::u16string& l2, std::u16string& l3);

    const TargetTable& t_;
    const Sheet& s_;
    Problems& problems_;
};

std::u16string Reader::display(const Row& row, TC k) const {
    std::u16string x = ref(row.r, k);
    const Cell& c = cell(row.r, k);
    if (k == TC::Actual && c.kind == Cell::Kind::Number && row.target.unit == u"%")
        return u"【=" + x + u"|0.00%】";
    if (k == TC::Ratio && c.kind == Cell::Kind::Number) return u"【=" + x + u"|0%】";
    return u"【=" + x + u"&\"\"|General】";
}

std::u16string Reader::substitute(std::u16string_view tmpl, const Row& row, bool textMode) const {
    std::u16string out;
    std::size_t i = 0;
    while (i < tmpl.size()) {
        if (tmpl[i] != u'【') { out += tmpl[i++]; continue; }
        std::size_t j = internal::pastClosingBracket(tmpl, i);
        if (j == std::u16string_view::npos) { out += tmpl.substr(i); break; }
        std::u16string_view inner = tmpl.substr(i + 1, j - i - 2);
        if (auto k = placeholder(inner)) {
            out += textMode ? display(row, *k) : ref(row.r, *k);
        } else {
            out += u"【" + substitute(inner, row, false) + u"】";
        }
        i = j;
    }
    return out;
}

std::u16string Reader::defaultExpert(const Row& row, std::size_t number) const {
    std::u16string e = number ? numberText16(static_cast<double>(number)) + u"、" : u"";
    e += row.name + u"：指标值" + display(row, TC::Target);
    if (row.qualitative) {
        if (col(TC::Grade)) e += u"，完成等级" + display(row, TC::Grade);
    } else {
        e += u"，实际完成值" + display(row, TC::Actual);
        if (col(TC::Unit) && row.target.unit != u"%") e += display(row, TC::Unit);
        if (row.cut) e += u"，为指标值的【=TARGET_RATIO(" + ref(row.r, TC::Actual) + u";" + ref(row.r, TC::Target) + u";" +
                          optText(row.r, TC::Unit) + u")|0.00】倍，按超额倍数核减计分";
    }
    if (col(TC::Ratio)) {
        std::u16string x = ref(row.r, TC::Ratio);
        e += u"【=IF(ISBLANK(" + x + u");\"\";\"，按分值的\"&TEXT(" + x + u";\"0%\")&\"计分\")|General】";
    }
    if (col(TC::Reason)) {
        std::u16string x = ref(row.r, TC::Reason);
        e += u"【=IF(ISBLANK(" + x + u");\"\";\"；\"&" + x + u")|General】";
    }
    return e + u"。";
}

std::u16string Reader::defaultStandard(const Row& row) const {
    std::u16string w = numberText16(row.weight);
    std::u16string s = row.name + u"：";
    if (row.qualitative) {
        auto pc = [](double x) { return numberText16(roundHalfUp(x * 100, 2)) + u"%"; };
        std::u16string a = pc(row.bands.achieved), p = pc(row.bands.partial);
        std::u16string grades = u"达成100%–" + a + u"、部分达成" + a + u"–" + p + u"、未达成" + p + u"–0%";
        s += u"定性指标（" + row.target.text + u"），按完成等级计分（" + grades + u"），满分" + w + u"分";
    } else if (row.method == TargetMethod::Threshold) {
        s += u"达到指标值" + row.target.text + u"得" + w + u"分，未达到不得分";
    } else {
        s += u"达到指标值" + row.target.text + u"得" + w + u"分，未达到按" +
             (row.target.kind == TargetKind::AtMost ? u"指标值与实际完成值之比" : u"实际完成值与指标值之比") + u"计分";
    }
    if (row.cut) s += u"；完成值远超指标值的，按超额倍数核减";
    return s + u"。";
}

std::vector<NamedReading> Reader::readings(const Row& row) const {
    std::vector<NamedReading> out;
    if (!row.qualitative && !row.ratio) {
        if (row.method == TargetMethod::Threshold)
            out.push_back({u"目标未达按比例计分", scoreCall(row, u"\"比例\"")});
        else
            out.push_back({u"目标未达不得分", scoreCall(row, u"\"达标\"")});
        if (row.cut) out.push_back({u"不作超额核减", scoreCall(row, std::nullopt, u"\"否\"")});
        else out.push_back({u"按超额倍数核减", scoreCall(row, std::nullopt, u"\"是\"")});
    }
    for (NamedReading nr : parseReadings(text(row.r, TC::Readings))) {
        nr.formula = substitute(nr.formula, row, false);
        out.push_back(std::move(nr));
    }
    return out;
}

std::vector<StatedJudgment> Reader::judgments(const Row& row) const {
    std::vector<StatedJudgment> out;
    if (row.ratio) {
        out.push_back({row.name + u"：得分比例 " + numberText16(roundHalfUp(*row.ratio * 100, 2)) + u"%", row.reason});
    } else if (row.qualitative && !row.grade.empty() && gradeBand(row.grade, row.bands).second < 1) {
        out.push_back({row.name + u"：完成等级 " + row.grade, row.reason});
    }
    if (row.cutStated && !row.qualitative) {
        bool over = false;
        try {
            over = targetRatio(actualValue(cellView(cell(row.r, TC::Actual)), row.target), row.target) > 1;
        } catch (const RuleError&) {
        }
        if (row.cut) out.push_back({row.name + u"：按超额倍数核减", row.reason});
        else if (over) out.push_back({row.name + u"：免于超额核减", row.reason});
    }
    return out;
}

std::optional<Row> Reader::parse(std::size_t r, std::u16string& l1, std::u16string& l2, std::u16string& l3) {
    Row row;
    row.r = r;
    std::u16string c1 = text(r, TC::Level1), c2 = text(r, TC::Level2), c3 = text(r, TC::Level3);
    row.sub = text(r, TC::Sub);
    std::u16string tgtText = text(r, TC::Target);
    bool anyValue = !tgtText.empty() || !cell(r, TC::Weight).empty() || !cell(r, TC::Actual).empty();
    if (!anyValue && row.sub.empty()) {
        // a level heading or an empty row: it may still name the level for the rows below
        if (!c1.empty() && !isTotalLabel(normalizeLabel(c1))) l1 = c1;
        if (!c2.empty()) l2 = c2;
        return std::nullopt;
    }
    for (const std::u16string* t : {&c1, &c2, &c3, &row.sub})
        if (!t->empty() && isTotalLabel(normalizeLabel(*t)) && tgtText.empty()) return std::nullopt;  // 合计 row
    if (!c1.empty()) l1 = c1, l2.clear(), l3.clear();
    if (!c2.empty()) l2 = c2, l3.clear();
    if (!c3.empty()) l3 = c3;
    bool ok = true;
    if (l1.empty()) {
        problem(r, TC::Level1, msg("targetTable.noLevel1", "没有一级指标（请在第一行指标上填写一级指标）",
                                   "no first-level indicator: fill in 一级指标 on the first indicator row"));
        ok = false;
    }
    if (l2.empty()) {
        problem(r, TC::Level2, msg("targetTable.noLevel2", "没有二级指标", "no second-level indicator (二级指标)"));
        ok = false;
    }
    if (l3.empty()) {
        problem(r, TC::Level3, msg("targetTable.noLevel3", "没有三级指标", "no third-level indicator (三级指标)"));
        ok = false;
    }
    row.l1 = l1, row.l2 = l2, row.l3 = l3;
    row.name = row.sub.empty() ? l3 : row.sub;

    // 分值
    const Cell& w = cell(r, TC::Weight);
    std::optional<double> wv = w.kind == Cell::Kind::Number ? std::optional<double>(w.number)
                               : w.kind == Cell::Kind::Text ? parseNumber(w.text) : std::nullopt;
    if (!wv) {
        problem(r, TC::Weight,
                w.empty() ? msg("targetTable.noWeight", "「{1}」没有分值", "\"{1}\" has no weight (分值)", row.name)
                          : msg("targetTable.weightNotNumber", "分值「{1}」不是数字", "the weight (分值) \"{1}\" is not a number",
                                cellText(w)));
        ok = false;
    } else if (*wv < 0) {
        problem(r, TC::Weight, msg("targetTable.weightNegative", "分值为负（{1}）", "the weight (分值) is negative ({1})",
                                   numberText(*wv)));
        ok = false;
    } else {
        row.weight = *wv;
    }
    // 指标值 and 度量单位
    std::u16string unit = text(r, TC::Unit);
    if (tgtText.empty()) {
        problem(r, TC::Target, msg("targetTable.noTarget", "「{1}」没有指标值", "\"{1}\" has no target value (指标值)", row.name));
        return std::nullopt;
    }
    try {
        row.target = parseTarget(tgtText, unit, msg("targetTable.col.target", "指标值", "target value (指标值)"));
    } catch (const RuleError& e) {
        problem(r, TC::Target, e.message());  // the parser's message names the 指标值 and what is wrong
        return std::nullopt;
    }
    row.qualitative = row.target.kind == TargetKind::Qualitative;
    // 评分方法
    std::u16string m = text(r, TC::Method);
    if (!m.empty()) {
        try {
            row.method = targetMethodArg(CellView::str(m));
        } catch (const RuleError&) {
            problem(r, TC::Method, msg("targetTable.unknownMethod", "评分方法「{1}」无法识别（请填“比例”或“达标”）",
                                       "the scoring method (评分方法) \"{1}\" is not known (write \"比例\" or \"达标\")", m));
            ok = false;
        }
    }
    // 完成等级, 得分比例, 超额扣减, 偏差原因
    row.grade = text(r, TC::Grade);
    if (!row.grade.empty()) {
        try {
            gradeBand(row.grade);
        } catch (const RuleError& e) {
            problem(r, TC::Grade, e.message());  // 完成等级「…」无法识别（达成 / 部分达成 / 未达成，或 优 / 良 / 中 / 差）
            ok = false;
        }
    }
    if (col(TC::Bands) && !cell(r, TC::Bands).empty()) {
        try {
            row.bands = qualitativeBandsArg(CellView::str(text(r, TC::Bands)),
                                            msg("targetTable.col.bands", "定性分档", "qualitative bands (定性分档)"));
        } catch (const RuleError& e) {
            problem(r, TC::Bands, e.message());  // 定性分档「…」无法识别：…
            ok = false;
        }
    }
    const Cell& rc = cell(r, TC::Ratio);
    if (!rc.empty()) {
        std::optional<double> v = internal::ratioOf(rc);
        if (!v) {
            problem(r, TC::Ratio, msg("targetTable.badRatio", "得分比例「{1}」应为 0%–100% 之间的比例（如 80% 或 0.8）",
                                      "the score ratio (得分比例) \"{1}\" should be a ratio between 0% and 100% (e.g. 80% "
                                      "or 0.8)",
                                      cellText(rc)));
            ok = false;
        } else {
            row.ratio = v;
        }
    }
    if (col(TC::Cut) && !cell(r, TC::Cut).empty()) {
        row.cutStated = true;
        row.cut = isYes(cell(r, TC::Cut));
    } else if (col(TC::Waive) && !cell(r, TC::Waive).empty()) {
        row.cutStated = true;
        row.cut = !isYes(cell(r, TC::Waive));
    }
    row.reason = text(r, TC::Reason);
    // 实际完成值
    const Cell& a = cell(r, TC::Actual);
    if (row.qualitative) {
        if (row.grade.empty() && !row.ratio) {
            problem(r, TC::Grade, msg("targetTable.qualitativeNeedsGrade", "定性指标「{1}」需要完成等级或得分比例",
                                      "the qualitative (定性) indicator \"{1}\" needs a grade (完成等级) or a score ratio "
                                      "(得分比例)",
                                      row.name));
            ok = false;
        }
    } else if (a.empty()) {
        problems_.push_back(msg("targetTable.noActual", "缺少 绩效目标表「{1}」的实际完成值：{2} 为空",
                                "Missing the actual value (实际完成值) of \"{1}\" in 绩效目标表 (targets table): {2} is empty",
                                row.name, where(r, TC::Actual)));
        ok = false;
    } else {
        try {
            actualValue(cellView(a), row.target, msg("targetTable.col.actual", "实际完成值", "actual value (实际完成值)"));
        } catch (const RuleError& e) {
            problem(r, TC::Actual, msg("targetTable.badActual", "实际完成值「{1}」：{2}", "actual value (实际完成值) \"{1}\": {2}",
                                       cellText(a), e.message()));
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return row;
}

std::vector<Indicator> Reader::read() {
    std::vector<Indicator> out;
    std::u16string l1, l2, l3;
    std::set<std::u16string> names;
    for (std::size_t r = t_.headerRow + 1; r < s_.rows; ++r) {
        std::optional<Row> row = parse(r, l1, l2, l3);
        if (!row) continue;
        std::u16string custom = text(r, TC::Formula);
        std::u16string formula = custom.empty() ? scoreCall(*row) : substitute(custom, *row, false);
        std::u16string ratio = custom.empty() && !row->qualitative ? ratioCall(*row) : u"";
        std::u16string standard = text(r, TC::Standard);
        if (standard.empty()) standard = defaultStandard(*row);
        std::u16string expertCustom = text(r, TC::Expert);

        bool joinPrevious = !row->sub.empty() && !out.empty() && !out.back().subs.empty() &&
                            out.back().level1 == row->l1 && out.back().level2 == row->l2 && out.back().name == row->l3;
        if (!joinPrevious) {
            if (!names.insert(normalizeLabel(row->l3)).second) {
                problem(r, TC::Level3, msg("targetTable.duplicate", "三级指标「{1}」与上文重复（同一三级指标下的多行请连续填写并填写子项）",
                                           "the indicator (三级指标) \"{1}\" repeats one above (the rows of one 三级指标 "
                                           "follow each other, each with its 子项)",
                                           row->l3));
                continue;
            }
            Indicator ind;
            ind.level1 = row->l1;
            ind.level2 = row->l2;
            ind.name = row->l3;
            ind.sourceSheet = s_.name;
            ind.sourceRow = r;
            out.push_back(std::move(ind));
        }
        Indicator& ind = out.back();
        if (ind.explanation.empty()) ind.explanation = text(r, TC::Explanation);
        if (ind.basis.empty()) ind.basis = text(r, TC::Basis);
        if (ind.note.empty()) ind.note = text(r, TC::Note);
        if (row->sub.empty()) {
            ind.weight = row->weight;
            ind.formula = formula;
            ind.ratioFormula = ratio;
            ind.standard = standard;
            ind.expert = expertCustom.empty() ? defaultExpert(*row, 0) : substitute(expertCustom, *row, true);
            ind.readings = custom.empty() ? readings(*row) : std::vector<NamedReading>{};
            if (!custom.empty())
                for (NamedReading nr : parseReadings(text(r, TC::Readings)))
                    ind.readings.push_back({nr.name, substitute(nr.formula, *row, false)});
            ind.stated = judgments(*row);
        } else {
            SubCriterion sc;
            sc.name = row->sub;
            sc.weight = row->weight;
            sc.formula = formula;
            sc.ratioFormula = ratio;
            sc.expert = expertCustom.empty() ? defaultExpert(*row, ind.subs.size() + 1) : substitute(expertCustom, *row, true);
            sc.readings = custom.empty() ? readings(*row) : std::vector<NamedReading>{};
            if (!custom.empty())
                for (NamedReading nr : parseReadings(text(r, TC::Readings)))
                    sc.readings.push_back({nr.name, substitute(nr.formula, *row, false)});
            sc.stated = judgments(*row);
            sc.sourceRow = r;
            ind.weight += sc.weight;
            std::u16string line = numberText16(static_cast<double>(ind.subs.size() + 1)) + u"、" + standard;
            ind.standard += (ind.standard.empty() ? u"" : u"\n") + line;
            ind.subs.push_back(std::move(sc));
        }
    }
    return out;
}

}  // namespace

const std::vector<std::u16string_view>& targetColumnNames(TargetColumn c) {
    for (const auto& [k, names] : columnTable())
        if (k == c) return names;
    static const std::vector<std::u16string_view> none;
    return none;
}

const std::vector<TargetColumn>& targetColumns() {
    static const std::vector<TargetColumn> cols = {
        TC::Level1, TC::Level2, TC::Level3, TC::Sub,    TC::Target, TC::Unit,  TC::Actual,
        TC::Weight, TC::Method, TC::Grade,  TC::Ratio,  TC::Cut,    TC::Reason, TC::Explanation,
        TC::Standard, TC::Basis};
    return cols;
}

bool isTargetValueHeader(std::u16string_view normalizedHeader) {
    auto c = columnOf(normalizedHeader);
    return c && *c == TC::Target;
}

namespace {
// Sheets of the 项目支出绩效自评表 share the 绩效目标表's columns but are not one: a per-project
// indicator sheet (its header also names 项目名称) and the forms themselves (titled 项目支出绩效自评表).
bool isSelfEvalSheet(const Sheet& s, std::size_t headerRow) {
    for (std::size_t c = 0; c < s.cols; ++c) {
        const Cell& h = s.at(headerRow, c);
        if (h.kind == Cell::Kind::Text && (normalizeLabel(h.text) == u"项目名称" || normalizeLabel(h.text) == u"项目"))
            return true;
    }
    return hasSelfEvalTitle(s);
}
}  // namespace

std::optional<TargetTable> findTargetTable(const Workbook& wb) {
    static const std::vector<TC> required = {TC::Level3, TC::Target, TC::Actual, TC::Weight};
    for (const Sheet& s : wb.sheets)
        if (auto h = internal::findHeaderRow<TC>(s, columnOf, required))
            if (!isSelfEvalSheet(s, h->row)) return TargetTable{&s, h->row, h->columns};
    return std::nullopt;
}

std::vector<Indicator> readTargets(const TargetTable& table, Problems& problems) {
    return Reader(table, problems).read();
}

}  // namespace jixiao
