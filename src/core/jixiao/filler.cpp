#include "jixiao/filler.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>

#include "jixiao/internal.hpp"
#include "jixiao/values.hpp"

namespace jixiao {

using namespace internal;

bool isYes(const Cell& c) {
    CellView v = c.kind == Cell::Kind::Number ? CellView::num(c.number)
                 : c.kind == Cell::Kind::Text ? CellView::str(c.text)
                                              : CellView::empty();
    return yesNo(v).value_or(false);
}

namespace {

// The columns of a new 附件1: the report's, then 得分率 and the subtotals of the second and first levels.
enum AppendixColumn : std::size_t {
    C_L1, C_L1W, C_L2, C_L2W, C_L3, C_L3W, C_EXPL, C_STD, C_SCORE, C_BASIS, C_EXPERT, C_RATE, C_L2S, C_L1S, NC
};
constexpr std::size_t kFirstIndicatorRow = 5;

OutCell heading(OutCell c) {
    c.bold = true;
    c.center = true;
    return c;
}
OutCell wrapped(OutCell c) {
    c.wrap = true;
    return c;
}
OutCell formatted(OutCell c, std::u16string format) {
    c.format = std::move(format);
    return c;
}

// A level of indicators and its rows in the new 附件1.
struct Group {
    std::u16string name;
    std::size_t r0, r1;
};

// The fill of one workbook, in steps that share the resolver, the formulas and the plan.
class Filler {
public:
    Filler(const Workbook& wb, const std::set<std::u16string>& known) : wb_(wb), known_(known), res_(wb), formulas_{res_} {}
    FillPlan run();

private:
    // ---- the indicator system ----
    std::optional<IndicatorSystem> system();
    void nameTheWorkings();
    // ---- an existing 附件1, filled in place ----
    void fillInPlace(const ExistingAppendix& existing);
    void inPlaceTotal(const ExistingAppendix& existing);
    // ---- a new 附件1 ----
    SheetPlan appendix();
    void appendixHeader(SheetPlan& a);
    void indicatorRow(SheetPlan& a, std::size_t k, std::size_t r);
    void levelColumns(SheetPlan& a, const std::vector<Group>& groups, std::size_t nameCol, std::size_t weightCol,
                      std::size_t scoreCol) const;
    void totalRows(SheetPlan& a, std::size_t r);
    // ---- 评价结果 (like 表3-1) with the chart ----
    SheetPlan summary(const SheetPlan& a);
    // ---- the indicator system as a sheet, when the built-in default was used ----
    SheetPlan indicatorSheet() const;

    // the resolver's problems (missing sheets, labels, cells) follow the plan's own
    bool withInputProblems() {
        plan_.problems.insert(plan_.problems.end(), res_.problems().begin(), res_.problems().end());
        return !plan_.problems.empty();
    }

    const Workbook& wb_;
    const std::set<std::u16string>& known_;
    Resolver res_;
    Formulas formulas_;
    FillPlan plan_;
    bool usedDefault_ = false;
    std::vector<Effective> eff_;
    std::vector<Group> l1Groups_, l2Groups_;
    std::size_t lastIndicatorRow_ = 0;
};

FillPlan Filler::run() {
    std::optional<IndicatorSystem> sys = system();
    if (!sys) return plan_;
    eff_ = effectiveWeights(*sys, res_);
    for (const Message& d : dataConsistency(wb_))
        plan_.notes.push_back(msg("fill.dataNote", "数据核对：{1}，请核实（已照原数填写）。",
                                  "Data check: {1}; please verify (filled with the figures as they are).", d));
    std::optional<ExistingAppendix> existing = findExistingAppendix(wb_);
    nameTheWorkings();
    if (existing) {
        fillInPlace(*existing);
        return plan_;
    }
    SheetPlan a = appendix();
    SheetPlan sum = summary(a);
    plan_.sheets.push_back(std::move(a));
    plan_.sheets.push_back(std::move(sum));
    if (const SheetPlan* w = res_.workings()) plan_.sheets.push_back(*w);
    if (usedDefault_) plan_.sheets.push_back(indicatorSheet());
    if (withInputProblems()) plan_.sheets.clear();
    return plan_;
}

std::optional<IndicatorSystem> Filler::system() {
    std::optional<IndicatorSystem> sys = loadIndicatorSystem(wb_, plan_.problems, &usedDefault_);
    if (usedDefault_)
        plan_.notes.push_back(msg("fill.defaultSystem",
                                  "工作簿中没有指标体系：已使用内置的默认指标体系，并写入“指标体系”工作表，可修改后重新填写。",
                                  "The workbook has no indicator system: the built-in default was used and written to the "
                                  "sheet \"指标体系\" (indicator system); edit it there and fill again."));
    if (sys)
        for (auto& p : checkWeights(*sys))
            plan_.problems.push_back(msg("fill.weights", "指标体系权重：{1}", "Indicator weights (指标体系权重): {1}", p));
    if (sys)
        for (auto& p : unknownFunctions(*sys, known_)) plan_.problems.push_back(p);
    return sys;
}

// The 计算底稿 of an earlier fill (every heading a 合并(…) stack) is replaced, not duplicated.
void Filler::nameTheWorkings() {
    if (const Sheet* old = wb_.find(FillNames::workings)) {
        bool generated = old->rows > 0;
        for (std::size_t c = 0; c < old->cols && generated; ++c) {
            const Cell& h = old->at(0, c);
            generated = h.kind == Cell::Kind::Text && h.text.rfind(u"合并(", 0) == 0;
        }
        if (generated) plan_.replaceSheets.push_back(old->name);
    }
    res_.setWorkingsName(plan_.replaceSheets.empty() ? uniqueName(wb_, FillNames::workings)
                                                     : std::u16string(FillNames::workings));
}

// Only the 评分 and 专家意见 cells of the matched rows (and a blank total) are written.
void Filler::fillInPlace(const ExistingAppendix& existing) {
    const Sheet& s = *existing.sheet;
    plan_.inPlace = true;
    plan_.targetSheet = s.name;
    std::map<std::u16string, std::size_t> rowOf = indicatorRows(existing, eff_, plan_.problems);
    if (!plan_.problems.empty() || !res_.problems().empty()) {
        withInputProblems();
        return;
    }
    res_.basic();
    for (const Effective& e : eff_) {
        PlannedScore ps{e.ind->name, e.weight, e.applicable, formulas_.score(e), s.name,
                        rowOf.at(normalizeLabel(e.ind->name)), existing.scoreCol};
        plan_.writes.push_back({s.name, ps.row, existing.scoreCol, OutCell::formula(ps.formula)});
        plan_.writes.push_back({s.name, ps.row, existing.expertCol, wrapped(OutCell::formula(formulas_.expert(e)))});
        plan_.scores.push_back(std::move(ps));
    }
    inPlaceTotal(existing);
    if (const SheetPlan* w = res_.workings()) plan_.sheets.push_back(*w);
    if (withInputProblems()) {
        plan_.writes.clear();
        plan_.sheets.clear();
    }
}

// The total, when the template leaves it blank.
void Filler::inPlaceTotal(const ExistingAppendix& existing) {
    const Sheet& s = *existing.sheet;
    for (std::size_t r = existing.firstRow; r < s.rows; ++r) {
        bool isTotal = false;
        for (std::size_t c = 0; c < existing.scoreCol; ++c) {
            const Cell& cell = s.at(r, c);
            if (cell.kind == Cell::Kind::Text) {
                std::u16string n = normalizeLabel(cell.text);
                isTotal = isTotal || n == u"合计" || n == u"总计";
            }
        }
        if (!isTotal) continue;
        std::u16string parts;
        for (const PlannedScore& ps : plan_.scores) parts += (parts.empty() ? u"" : u";") + localRef(ps.row, ps.col);
        if (s.at(r, existing.scoreCol).empty())
            plan_.writes.push_back({s.name, r, existing.scoreCol, OutCell::formula(u"=SUM(" + parts + u")")});
        plan_.totalCell = cellRef(s.name, r, existing.scoreCol);
        return;
    }
}

SheetPlan Filler::appendix() {
    SheetPlan a;
    a.name = uniqueName(wb_, FillNames::appendix);
    a.landscape = true;
    plan_.targetSheet = a.name;
    appendixHeader(a);
    std::size_t r = kFirstIndicatorRow;
    for (std::size_t k = 0; k < eff_.size(); ++k, ++r) indicatorRow(a, k, r);
    lastIndicatorRow_ = r - 1;
    levelColumns(a, l1Groups_, C_L1, C_L1W, C_L1S);
    levelColumns(a, l2Groups_, C_L2, C_L2W, C_L2S);
    totalRows(a, r);
    const long widths[NC] = {1800, 1300, 1800, 1300, 2800, 1300, 5000, 7000, 1400, 4500, 8000, 1600, 1600, 1600};
    for (std::size_t c = 0; c < NC; ++c) a.columnWidths[c] = widths[c];
    return a;
}

// Title, 第三方机构 / 被评价部门 (from the basic information when it has them), the column headings.
void Filler::appendixHeader(SheetPlan& a) {
    const BasicInfo* basic = res_.basic();
    OutCell title = heading(OutCell::str(u"部门整体绩效评价表"));
    title.height = 16;
    a.put(0, 0, title);
    a.merges.push_back({0, 0, 0, NC - 1});
    auto infoText = [&](std::u16string_view prefix, std::u16string_view labelName) {
        if (basic && res_.hasLabel(labelName)) {
            auto ad = res_.label(labelName, msg("where.appendixHeading", "附件1 表头", "the heading of 附件1"));
            return OutCell::formula(u"=" + quoted(prefix) + u"&" + cellRef(ad->sheet, ad->row, ad->col));
        }
        return OutCell::str(std::u16string(prefix));
    };
    a.put(1, 0, infoText(u"第三方机构：", u"评价机构"));
    a.merges.push_back({1, 0, 1, 5});
    a.put(1, 6, infoText(u"被评价部门：", u"被评价部门"));
    a.merges.push_back({1, 6, 1, NC - 1});
    a.put(2, 0, heading(OutCell::str(u"评价指标")));
    a.merges.push_back({2, 0, 2, 5});
    const std::u16string_view tops[] = {u"指标说明", u"评分标准", u"评分", u"评分依据", u"专家意见", u"得分率", u"二级得分", u"一级得分"};
    for (std::size_t k = 0; k < 8; ++k) {
        a.put(2, C_EXPL + k, heading(OutCell::str(std::u16string(tops[k]))));
        a.merges.push_back({2, C_EXPL + k, 4, C_EXPL + k});
    }
    const std::pair<std::size_t, std::u16string_view> levels[] = {{C_L1, u"一级指标"}, {C_L2, u"二级指标"}, {C_L3, u"三级指标"}};
    for (const auto& [c, name] : levels) {
        a.put(3, c, heading(OutCell::str(std::u16string(name))));
        a.merges.push_back({3, c, 3, c + 1});
    }
    for (std::size_t c : {C_L1, C_L2, C_L3}) {
        a.put(4, c, heading(OutCell::str(u"名称")));
        a.put(4, c + 1, heading(OutCell::str(u"权重(%)")));
    }
    a.headerRows = kFirstIndicatorRow;
}

// The row of the k-th indicator: name, weight, texts, 评分, 评分依据, 专家意见, 得分率; and its level groups.
void Filler::indicatorRow(SheetPlan& a, std::size_t k, std::size_t r) {
    const Effective& e = eff_[k];
    const Indicator& ind = *e.ind;
    bool newL1 = k == 0 || eff_[k - 1].ind->level1 != ind.level1;
    bool newL2 = newL1 || eff_[k - 1].ind->level2 != ind.level2;
    if (newL1) l1Groups_.push_back({ind.level1, r, r});
    if (newL2) l2Groups_.push_back({ind.level2, r, r});
    l1Groups_.back().r1 = r;
    l2Groups_.back().r1 = r;
    a.put(r, C_L3, wrapped(OutCell::str(ind.name)));
    a.put(r, C_L3W, formatted(OutCell::num(e.weight), u"0.00"));
    a.put(r, C_EXPL, wrapped(OutCell::str(ind.explanation)));
    a.put(r, C_STD, wrapped(OutCell::str(ind.standard)));
    std::u16string sf = formulas_.score(e);
    a.put(r, C_SCORE, formatted(OutCell::formula(sf), u"0.00"));
    a.put(r, C_BASIS, wrapped(OutCell::str(e.applicable ? ind.basis : u"——")));
    a.put(r, C_EXPERT, wrapped(OutCell::formula(formulas_.expert(e))));
    a.put(r, C_RATE, formatted(OutCell::formula(u"=IF(" + localRef(r, C_L3W) + u"=0;\"—\";" + localRef(r, C_SCORE) + u"/" +
                                                localRef(r, C_L3W) + u")"),
                               u"0.00%"));
    plan_.scores.push_back({ind.name, e.weight, e.applicable, sf, a.name, r, C_SCORE});
}

// A level's name, weight and subtotal (sums of its indicators' weights and rounded scores), merged
// down over its rows.
void Filler::levelColumns(SheetPlan& a, const std::vector<Group>& groups, std::size_t nameCol, std::size_t weightCol,
                          std::size_t scoreCol) const {
    for (const Group& g : groups) {
        a.put(g.r0, nameCol, wrapped(OutCell::str(g.name)));
        a.put(g.r0, weightCol,
              formatted(OutCell::formula(u"=SUM(" + localRef(g.r0, C_L3W) + u":" + localRef(g.r1, C_L3W) + u")"), u"0"));
        a.put(g.r0, scoreCol,
              formatted(OutCell::formula(u"=SUM(" + localRef(g.r0, C_SCORE) + u":" + localRef(g.r1, C_SCORE) + u")"), u"0.00"));
        if (g.r1 > g.r0)
            for (std::size_t c : {nameCol, weightCol, scoreCol}) a.merges.push_back({g.r0, c, g.r1, c});
    }
}

// 合计 in row r and 评价等级 under it.
void Filler::totalRows(SheetPlan& a, std::size_t r) {
    const std::size_t first = kFirstIndicatorRow, last = lastIndicatorRow_;
    a.put(r, 0, heading(OutCell::str(u"合   计")));
    a.merges.push_back({r, 0, r, C_STD});
    OutCell total = formatted(OutCell::formula(u"=SUM(" + localRef(first, C_SCORE) + u":" + localRef(last, C_SCORE) + u")"), u"0.00");
    total.bold = true;
    a.put(r, C_SCORE, total);
    a.put(r, C_BASIS, OutCell::str(u"——"));
    a.put(r, C_EXPERT, OutCell::str(u"——"));
    a.put(r, C_RATE, formatted(OutCell::formula(u"=" + localRef(r, C_SCORE) + u"/SUM(" + localRef(first, C_L3W) + u":" +
                                                localRef(last, C_L3W) + u")"),
                               u"0.00%"));
    plan_.totalCell = cellRef(a.name, r, C_SCORE);
    a.put(r + 1, 0, heading(OutCell::str(u"评价等级")));
    a.merges.push_back({r + 1, 0, r + 1, C_STD});
    OutCell grade = OutCell::formula(u"=PERF_GRADE(" + localRef(r, C_SCORE) + u")");
    grade.bold = true;
    grade.center = true;
    a.put(r + 1, C_SCORE, grade);
}

SheetPlan Filler::summary(const SheetPlan& a) {
    SheetPlan sum;
    sum.name = uniqueName(wb_, FillNames::summary);
    OutCell sumTitle = heading(OutCell::str(u"部门整体支出绩效评价综合得分"));
    sumTitle.height = 14;
    sum.put(0, 0, sumTitle);
    sum.merges.push_back({0, 0, 0, 3});
    const std::u16string_view head[] = {u"评价内容", u"分值配置", u"实际得分", u"得分率"};
    for (std::size_t c = 0; c < 4; ++c) sum.put(1, c, heading(OutCell::str(std::u16string(head[c]))));
    auto sumRow = [&](std::size_t row, std::u16string name, std::size_t r0, std::size_t r1) {
        sum.put(row, 0, OutCell::str(std::move(name)));
        sum.put(row, 1, formatted(OutCell::formula(u"=SUM(" + rangeRef(a.name, r0, C_L3W, r1, C_L3W) + u")"), u"0.00"));
        sum.put(row, 2, formatted(OutCell::formula(u"=SUM(" + rangeRef(a.name, r0, C_SCORE, r1, C_SCORE) + u")"), u"0.00"));
        sum.put(row, 3, formatted(OutCell::formula(u"=IF(" + localRef(row, 1) + u"=0;\"—\";" + localRef(row, 2) + u"/" +
                                                   localRef(row, 1) + u")"),
                                  u"0.00%"));
    };
    std::size_t sr = 2;
    for (const Group& g : l1Groups_) sumRow(sr++, g.name, g.r0, g.r1);
    sumRow(sr, u"综合评分", kFirstIndicatorRow, lastIndicatorRow_);
    sum.cells[{sr, 0}].bold = true;
    std::size_t totalRowSum = sr++;
    sum.put(sr, 0, OutCell::str(u"评价等级"));
    sum.put(sr, 2, OutCell::formula(u"=PERF_GRADE(" + localRef(totalRowSum, 2) + u")"));
    plan_.gradeCell = cellRef(sum.name, sr, 2);
    sr += 2;
    sum.put(sr, 0, heading(OutCell::str(u"二级指标")));
    for (std::size_t c = 1; c < 4; ++c) sum.put(sr, c, heading(OutCell::str(std::u16string(head[c]))));
    std::size_t chartTop = sr++;
    for (const Group& g : l2Groups_) sumRow(sr++, g.name, g.r0, g.r1);
    sum.chart = ChartPlan{u"JixiaoChart", u"部门履职用财情况评价结果", chartTop, 0, sr - 1, 2, 1, 5};
    sum.columnWidths = {{0, 4200}, {1, 2200}, {2, 2200}, {3, 2200}};
    return sum;
}

SheetPlan Filler::indicatorSheet() const {
    Sheet builtIn = defaultIndicatorSheet();
    SheetPlan is;
    is.name = uniqueName(wb_, FillNames::indicators);
    for (std::size_t rr = 0; rr < builtIn.rows; ++rr)
        for (std::size_t c = 0; c < builtIn.cols; ++c) {
            const Cell& cell = builtIn.at(rr, c);
            if (cell.kind == Cell::Kind::Number) is.put(rr, c, OutCell::num(cell.number));
            else if (cell.kind == Cell::Kind::Text) {
                OutCell oc = OutCell::str(unescapeLineBreaks(cell.text));
                oc.bold = rr == 0;
                is.put(rr, c, oc);
            }
        }
    is.headerRows = 1;
    return is;
}

}  // namespace

FillPlan planFill(const Workbook& wb, const std::set<std::u16string>& knownFunctions) {
    return Filler(wb, knownFunctions).run();
}

}  // namespace jixiao
