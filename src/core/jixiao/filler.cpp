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
    bool usedDefault = false;
    std::optional<IndicatorSystem> sys = loadIndicatorSystem(wb, plan.problems, &usedDefault);
    if (usedDefault)
        plan.notes.push_back("工作簿中没有指标体系：已使用内置的默认指标体系，并写入“指标体系”工作表，可修改后重新填写。");
    if (!sys) return plan;
    for (auto& p : checkWeights(*sys)) plan.problems.push_back("指标体系权重：" + p);

    std::vector<Effective> eff = effectiveWeights(*sys, res);
    for (const std::string& d : dataConsistency(wb)) plan.notes.push_back("数据核对：" + d + "，请核实（已照原数填写）。");

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
        std::map<std::u16string, std::size_t> rowOf = indicatorRows(*existing, eff, plan.problems);
        if (!plan.problems.empty()) return plan;
        for (const Effective& e : eff)
            plan.scores.push_back({e.ind->name, e.weight, e.applicable, {}, s.name,
                                   rowOf.at(normalizeLabel(e.ind->name)), existing->scoreCol});
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
    enum { C_L1, C_L1W, C_L2, C_L2W, C_L3, C_L3W, C_EXPL, C_STD, C_SCORE, C_BASIS, C_EXPERT, C_RATE, C_L2S, C_L1S, NC };
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
    // the report's columns, then 得分率 and the subtotals of the second and first levels
    const std::u16string_view tops[] = {u"指标说明", u"评分标准", u"评分", u"评分依据", u"专家意见", u"得分率", u"二级得分", u"一级得分"};
    for (std::size_t k = 0; k < 8; ++k) {
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
        if (newL1) l1Groups.push_back({ind.level1, r, r});
        if (newL2) l2Groups.push_back({ind.level2, r, r});
        l1Groups.back().r1 = r;
        l2Groups.back().r1 = r;
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
    // A level's name and weight (the sum of its indicators' weights), merged down over its rows.
    // A level's name, weight and subtotal (sums of its indicators' weights and rounded scores),
    // merged down over its rows.
    auto levelColumns = [&](const std::vector<Group>& groups, std::size_t nameCol, std::size_t weightCol,
                            std::size_t scoreCol) {
        for (const Group& g : groups) {
            a.put(g.r0, nameCol, wrap(OutCell::str(g.name)));
            OutCell w = OutCell::formula(u"=SUM(" + localRef(g.r0, C_L3W) + u":" + localRef(g.r1, C_L3W) + u")");
            w.format = u"0";
            a.put(g.r0, weightCol, w);
            OutCell sub = OutCell::formula(u"=SUM(" + localRef(g.r0, C_SCORE) + u":" + localRef(g.r1, C_SCORE) + u")");
            sub.format = u"0.00";
            a.put(g.r0, scoreCol, sub);
            if (g.r1 > g.r0)
                for (std::size_t c : {nameCol, weightCol, scoreCol}) a.merges.push_back({g.r0, c, g.r1, c});
        }
    };
    levelColumns(l1Groups, C_L1, C_L1W, C_L1S);
    levelColumns(l2Groups, C_L2, C_L2W, C_L2S);
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
    // 评价等级, under the total
    a.put(r + 1, 0, bold(OutCell::str(u"评价等级")));
    a.merges.push_back({r + 1, 0, r + 1, C_STD});
    OutCell grade = OutCell::formula(u"=PERF_GRADE(" + localRef(r, C_SCORE) + u")");
    grade.bold = true;
    grade.center = true;
    a.put(r + 1, C_SCORE, grade);
    const long widths[NC] = {1800, 1300, 1800, 1300, 2800, 1300, 5000, 7000, 1400, 4500, 8000, 1600, 1600, 1600};
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
    if (usedDefault) {
        Sheet builtIn = defaultIndicatorSheet();
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
