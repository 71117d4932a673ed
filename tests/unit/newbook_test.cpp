// A new department's workbook (planNewWorkbook) read back through the finders, filled through
// planFill before and after its data are typed in; the blank 附件1 from a workbook's own system
// (planBlankAppendix) filled in place; the guide's list of 基础信息 labels generated from the default.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "jixiao/filler.hpp"
#include "jixiao/indicators.hpp"
#include "jixiao/newbook.hpp"
#include "jixiao/target_sheet.hpp"
#include "sheet_builder.hpp"

using namespace jixiao;
using jixiao_test::contains;
using jixiao_test::joined;
using jixiao_test::mentions;
using jixiao_test::s8;

namespace {

// Planned sheets as Calc hands them back: texts and numbers; formulas (the SUM totals) have no
// value in a grid and read as empty, an empty text as an empty cell.
Sheet gridOf(const SheetPlan& p) {
    Sheet s;
    s.name = p.name;
    for (const auto& [pos, v] : p.cells) {
        if (v.kind == OutCell::Kind::Number) s.set(pos.first, pos.second, Cell::num(v.number));
        else if (v.kind == OutCell::Kind::Text && !v.text.empty()) s.set(pos.first, pos.second, Cell::str(v.text));
        else s.set(pos.first, pos.second, Cell{});
    }
    return s;
}

Workbook bookOf(const FillPlan& plan) {
    Workbook wb;
    for (const SheetPlan& s : plan.sheets) wb.sheets.push_back(gridOf(s));
    return wb;
}

Sheet& sheetNamed(Workbook& wb, std::u16string_view name) {
    for (Sheet& s : wb.sheets)
        if (s.name == name) return s;
    ADD_FAILURE() << "no sheet " << s8(name);
    return wb.sheets.front();
}

const SystemInput* input(const SystemInputs& in, std::u16string_view label) {
    for (const SystemInput& i : in.labels)
        if (i.label == label) return &i;
    return nullptr;
}

// A value for a label, by its 单位 (what a department would type).
Cell valueFor(const SystemInput& i) {
    if (i.unit == u"是/否") return Cell::str(u"是");
    if (i.unit == u"判定") return Cell::num(1);
    if (i.unit == u"等级") return Cell::str(u"优");
    if (i.unit == u"%") return Cell::num(0.95);
    if (i.unit == u"年") return Cell::num(2023);
    if (i.unit == u"分") return Cell::num(90);
    if (i.kind == SystemInput::Kind::Text) return Cell::str(u"某区卫生健康局");
    return Cell::num(120.5);
}

// The new workbook with its data typed in: every 基础信息 value, one project, the department table
// (totals as Calc computes them), one 绩效目标表 row worth the 50 points the default leaves to it.
// `actual` empty leaves the target's 实际完成值 blank; `split` answers 存在资金分解.
Workbook typedIn(bool withActual = true, std::u16string_view split = u"是") {
    FillPlan plan = planNewWorkbook();
    Workbook wb = bookOf(plan);
    Message why;
    auto basic = findBasicInfo(wb, why);
    EXPECT_TRUE(basic) << why;
    Sheet& b = sheetNamed(wb, NewbookNames::basic);
    for (const SystemInput& i : newWorkbookInputs().labels) {
        std::size_t r = basic->rowsByLabel.at(normalizeLabel(i.label));
        b.set(r, basic->valueCol, i.label == u"存在资金分解" ? Cell::str(std::u16string(split)) : valueFor(i));
        if (basic->noteCol) b.set(r, *basic->noteCol, Cell::str(u"依据：" + i.label));
    }
    auto p = findProjectTable(wb, why);
    EXPECT_TRUE(p) << why;
    Sheet& ps = sheetNamed(wb, NewbookNames::projects);
    std::size_t row = p->totalRows.front() + 1;
    ps.set(row, p->columns.at(Column::Sequence), Cell::num(1));
    ps.set(row, p->columns.at(Column::Name), Cell::str(u"公共卫生服务项目"));
    const double project[] = {100, 10, 110, 99};
    const Column amounts[] = {Column::Initial, Column::Adjustment, Column::Adjusted, Column::Actual};
    for (std::size_t k = 0; k < 4; ++k) {
        ps.set(row, p->columns.at(amounts[k]), Cell::num(project[k]));
        ps.set(p->totalRows.front(), p->columns.at(amounts[k]), Cell::num(project[k]));  // the SUM's value
    }
    auto d = findDepartmentTable(wb, why);
    EXPECT_TRUE(d) << why;
    Sheet& ds = sheetNamed(wb, NewbookNames::departments);
    const std::pair<std::u16string_view, double> rows[] = {
        {u"人员经费", 300}, {u"日常公用经费", 50}, {u"小计", 350}, {u"项目支出", 110}, {u"合计", 460}};
    for (const auto& [label, v] : rows) {
        auto r = d->row(label);
        EXPECT_TRUE(r) << s8(label);
        ds.set(*r, d->columns.at(Column::Initial), Cell::num(v));
        ds.set(*r, d->columns.at(Column::Adjustment), Cell::num(0));
        ds.set(*r, d->columns.at(Column::Adjusted), Cell::num(v));
        ds.set(*r, d->columns.at(Column::Actual), Cell::num(v * 0.9));
    }
    auto t = findTargetTable(wb);
    EXPECT_TRUE(t);
    Sheet& ts = sheetNamed(wb, NewbookNames::targets);
    std::size_t tr = t->headerRow + 1;
    auto put = [&](TargetColumn c, Cell v) { ts.set(tr, t->columns.at(c), std::move(v)); };
    put(TargetColumn::Level1, Cell::str(u"部门履职情况评价"));
    put(TargetColumn::Level2, Cell::str(u"产出"));
    put(TargetColumn::Level3, Cell::str(u"健康教育讲座场次"));
    put(TargetColumn::Target, Cell::str(u"≥12场"));
    put(TargetColumn::Unit, Cell::str(u"场"));
    if (withActual) put(TargetColumn::Actual, Cell::num(15));
    put(TargetColumn::Weight, Cell::num(50));
    return wb;
}

}  // namespace

// ---- the inputs a system reads ----

TEST(NewWorkbook, InputsOfTheDefaultAreEveryLabelItReads) {
    SystemInputs in = newWorkbookInputs();
    // An independent reading of the default's templates (the test fixture's own).
    std::set<std::u16string> expected;
    for (const std::u16string& l : jixiao_test::defaultSystemLabels()) expected.insert(l);
    std::set<std::u16string> got;
    for (const SystemInput& i : in.labels) got.insert(i.label);
    for (const std::u16string& l : expected) EXPECT_TRUE(got.count(l)) << s8(l) << " missing";
    for (const std::u16string& l : got)
        EXPECT_TRUE(expected.count(l) || l == u"被评价部门" || l == u"评价机构") << s8(l) << " is not read by the default";
    EXPECT_EQ(in.labels.size(), got.size()) << "a label listed twice";

    auto unit = [&](std::u16string_view l) { return input(in, l) ? s8(input(in, l)->unit) : "<none>"; };
    EXPECT_EQ(unit(u"政府采购实际支出"), "万元");
    EXPECT_EQ(unit(u"上级财政年中转移支付资金"), "万元");  // from “【=SUM(…)+【…】|0.00】万元”
    EXPECT_EQ(unit(u"1-10月支出进度执行率"), "%");
    EXPECT_EQ(unit(u"部门整体监控得分"), "分");
    EXPECT_EQ(unit(u"评价年度"), "年");
    EXPECT_EQ(unit(u"预算编制合理性-1"), "判定");
    EXPECT_EQ(unit(u"存在资金分解"), "是/否");
    EXPECT_EQ(input(in, u"预算编制合理性-3")->kind, SystemInput::Kind::Judgment);
    EXPECT_TRUE(input(in, u"预算编制合理性-3")->quotesNote);
    EXPECT_TRUE(contains(input(in, u"预算编制合理性-3")->hint, u"第3项"));
    EXPECT_EQ(input(in, u"被评价部门简称")->kind, SystemInput::Kind::Text);
    const SystemInput* cond = input(in, u"存在资金分解");
    EXPECT_TRUE(contains(cond->hint, u"部门分解资金监管情况") && contains(cond->hint, u"部门绩效运行监控开展情况"))
        << s8(cond->hint);
    EXPECT_TRUE(contains(input(in, u"政府采购实际支出")->hint, u"政府采购执行率"));
    // the labels of one 合并(…) are consecutive rows (read as one range, no 计算底稿)
    auto pos = [&](std::u16string_view l) {
        for (std::size_t k = 0; k < in.labels.size(); ++k)
            if (in.labels[k].label == l) return k;
        return std::size_t(-1);
    };
    EXPECT_EQ(pos(u"1-11月支出进度执行率"), pos(u"1-10月支出进度执行率") + 1);
    EXPECT_EQ(pos(u"财务合规性-4"), pos(u"财务合规性-1") + 3);

    jixiao::Problems problems;
    auto sys = readIndicatorSystem(defaultIndicatorSheet(), problems);
    SystemInputs raw = systemInputs(*sys);
    std::set<std::string> rows, cols;
    for (const auto& r : raw.departmentRows) rows.insert(s8(r));
    for (const auto& c : raw.projectColumns) cols.insert(s8(c));
    EXPECT_TRUE(rows.count("合计") && rows.count("日常公用经费"));
    EXPECT_TRUE(cols.count("年初预算数") && cols.count("调整金额"));
}

// ---- the new workbook ----

TEST(NewWorkbook, EverySheetIsRecognisedByItsFinder) {
    FillPlan plan = planNewWorkbook();
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    std::vector<std::u16string> names;
    for (const SheetPlan& s : plan.sheets) names.push_back(s.name);
    EXPECT_EQ(names, (std::vector<std::u16string>{u"表1-6 项目支出", u"表1-5 部门支出", u"基础信息", u"绩效目标表", u"指标体系"}));
    Workbook wb = bookOf(plan);
    Message why;

    auto p = findProjectTable(wb, why);
    ASSERT_TRUE(p) << why;
    EXPECT_EQ(p->sheet->name, NewbookNames::projects);
    for (Column c : {Column::Sequence, Column::Name, Column::Initial, Column::Adjustment, Column::Adjusted, Column::Actual})
        EXPECT_TRUE(p->columns.count(c)) << s8(columnKey(c));
    EXPECT_TRUE(p->rows.empty());
    EXPECT_EQ(p->totalRows.size(), 1u);

    auto d = findDepartmentTable(wb, why);
    ASSERT_TRUE(d) << why;
    EXPECT_EQ(d->sheet->name, NewbookNames::departments);
    for (std::u16string_view r : {u"人员经费", u"日常公用经费", u"基本支出小计", u"项目支出", u"合计"})
        EXPECT_TRUE(d->row(r)) << s8(r);
    EXPECT_EQ(d->columns.size(), 4u);

    auto b = findBasicInfo(wb, why);
    ASSERT_TRUE(b) << why;
    EXPECT_EQ(b->sheet->name, NewbookNames::basic);
    ASSERT_TRUE(b->unitCol && b->noteCol);
    SystemInputs in = newWorkbookInputs();
    EXPECT_EQ(b->rowsByLabel.size(), in.labels.size());
    for (const SystemInput& i : in.labels) {
        auto it = b->rowsByLabel.find(normalizeLabel(i.label));
        ASSERT_NE(it, b->rowsByLabel.end()) << s8(i.label);
        EXPECT_TRUE(b->sheet->at(it->second, b->valueCol).empty()) << "values start empty";
        EXPECT_TRUE(b->sheet->at(it->second, *b->noteCol).empty()) << "来源及说明 is the department's to write";
        const Cell& u = b->sheet->at(it->second, *b->unitCol);
        EXPECT_EQ(u.kind == Cell::Kind::Text ? u.text : u"", i.unit) << s8(i.label);
    }

    const Sheet* is = findIndicatorSheet(wb);
    ASSERT_TRUE(is);
    EXPECT_EQ(is->name, u"指标体系");
    jixiao::Problems problems;
    auto written = readIndicatorSystem(*is, problems);
    auto builtIn = readIndicatorSystem(defaultIndicatorSheet(), problems);
    ASSERT_TRUE(written && builtIn) << joined(problems);
    ASSERT_EQ(written->indicators.size(), builtIn->indicators.size());
    for (std::size_t k = 0; k < written->indicators.size(); ++k) {
        EXPECT_EQ(written->indicators[k].name, builtIn->indicators[k].name);
        EXPECT_EQ(written->indicators[k].formula, builtIn->indicators[k].formula);
        EXPECT_EQ(written->indicators[k].expert, builtIn->indicators[k].expert);
    }

    auto t = findTargetTable(wb);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->sheet->name, NewbookNames::targets);
    for (TargetColumn c : targetColumns()) EXPECT_TRUE(t->columns.count(c)) << s8(targetColumnNames(c).front());
    problems.clear();
    EXPECT_TRUE(readTargets(*t, problems).empty()) << "no example row is scored";
    EXPECT_TRUE(problems.empty()) << joined(problems);
}

TEST(NewWorkbook, FillBeforeTheDataListsWhatIsMissing) {
    Workbook wb = bookOf(planNewWorkbook());
    FillPlan plan = planFill(wb);
    ASSERT_FALSE(plan.problems.empty());
    EXPECT_TRUE(plan.sheets.empty());
    EXPECT_TRUE(mentions(plan.problems, {"项目支出表的项目行", "表1-6 项目支出"})) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.problems, {"绩效目标表"})) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.problems, {"政府采购实际支出", "基础信息"})) << joined(plan.problems);
    EXPECT_TRUE(mentions(plan.problems, {"部门整体监控得分", "为空"})) << joined(plan.problems);
}

TEST(NewWorkbook, FillOnceTheDataAreTypedIn) {
    Workbook wb = typedIn();
    FillPlan plan = planFill(wb);
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    EXPECT_FALSE(plan.inPlace);
    jixiao::Problems problems;
    std::size_t defaults = readIndicatorSystem(defaultIndicatorSheet(), problems)->indicators.size();
    ASSERT_EQ(plan.scores.size(), defaults + 1);
    EXPECT_EQ(plan.scores.back().name, u"健康教育讲座场次");
    double total = 0;
    for (const PlannedScore& s : plan.scores) total += s.weight;
    EXPECT_DOUBLE_EQ(total, 100);
    // The 附件1 heading quotes 被评价部门 and 评价机构 from 基础信息 (the two labels the new workbook
    // adds for the fill itself).
    const SheetPlan& a = plan.sheets.front();
    ASSERT_EQ(a.name, plan.targetSheet);
    for (std::size_t c : {std::size_t(0), std::size_t(6)}) {
        const OutCell& h = a.cells.at({1, c});
        EXPECT_EQ(h.kind, OutCell::Kind::Formula);
        EXPECT_TRUE(contains(h.text, u"基础信息")) << s8(h.text);
    }
}

// ---- the blank 附件1 ----

namespace {

const OutCell* at(const SheetPlan& s, std::size_t r, std::size_t c) {
    auto it = s.cells.find({r, c});
    return it == s.cells.end() ? nullptr : &it->second;
}

bool blank(const SheetPlan& s, std::size_t r, std::size_t c) {
    const OutCell* v = at(s, r, c);
    return !v || (v->kind == OutCell::Kind::Text && v->text.empty());
}

}  // namespace

TEST(BlankAppendix, FromTheWorkbooksSystemAndFilledInPlace) {
    Workbook wb = typedIn();
    FillPlan blankPlan = planBlankAppendix(wb);
    ASSERT_TRUE(blankPlan.problems.empty()) << joined(blankPlan.problems);
    ASSERT_EQ(blankPlan.sheets.size(), 1u);
    const SheetPlan& a = blankPlan.sheets.front();
    EXPECT_EQ(a.name, u"附件1");
    FillPlan fresh = planFill(wb);  // the same layout as a fill writes
    const SheetPlan& f = fresh.sheets.front();
    ASSERT_EQ(blankPlan.scores.size(), fresh.scores.size());
    std::size_t expertCol = 0;
    for (const auto& [pos, v] : a.cells)
        if (pos.first < a.headerRows && v.text == u"专家意见") expertCol = pos.second;
    ASSERT_GT(expertCol, 0u);
    for (std::size_t k = 0; k < blankPlan.scores.size(); ++k) {
        const PlannedScore& ps = blankPlan.scores[k];
        EXPECT_EQ(ps.name, fresh.scores[k].name);
        EXPECT_EQ(ps.row, fresh.scores[k].row);
        EXPECT_TRUE(blank(a, ps.row, ps.col)) << s8(ps.name) << ": 评分 not empty";
        EXPECT_TRUE(blank(a, ps.row, expertCol)) << s8(ps.name) << ": 专家意见 not empty";
        EXPECT_EQ(at(a, ps.row, ps.col)->format, u"0.00") << "the score format stays for the fill";
        for (std::size_t c = 0; c < ps.col; ++c) {  // levels, weights, 指标说明, 评分标准 as the fill lays them
            const OutCell* x = at(a, ps.row, c);
            const OutCell* y = at(f, ps.row, c);
            ASSERT_EQ(!x, !y) << s8(ps.name) << " column " << c;
            if (x) EXPECT_EQ(x->text, y->text) << s8(ps.name) << " column " << c;
            if (x) EXPECT_EQ(x->number, y->number) << s8(ps.name) << " column " << c;
        }
    }
    // 得分率 waits for a score: IF(COUNT(scores)=0;"";…)
    const PlannedScore& first = blankPlan.scores.front();
    const OutCell* rate = at(a, first.row, expertCol + 1);
    ASSERT_TRUE(rate && rate->kind == OutCell::Kind::Formula);
    EXPECT_EQ(rate->text.rfind(u"=IF(COUNT(", 0), 0u) << s8(rate->text);

    // The fill, run later on that workbook, fills it in place.
    wb.sheets.push_back(gridOf(a));
    FillPlan fill = planFill(wb);
    ASSERT_TRUE(fill.problems.empty()) << joined(fill.problems);
    EXPECT_TRUE(fill.inPlace);
    EXPECT_EQ(fill.targetSheet, u"附件1");
    EXPECT_TRUE(fill.sheets.empty() || fill.sheets.front().name != u"附件1");
    std::size_t scores = 0, experts = 0, total = 0;
    for (const CellWrite& w : fill.writes) {
        ASSERT_EQ(w.sheet, u"附件1");
        if (w.col == first.col && w.value.text.rfind(u"=SUM(", 0) == 0) ++total;
        else if (w.col == first.col) ++scores;
        else if (w.col == expertCol) ++experts;
    }
    EXPECT_EQ(scores, blankPlan.scores.size());
    EXPECT_EQ(experts, blankPlan.scores.size());
    EXPECT_EQ(total, 1u) << "the blank total gets the sum of the scores";
}

TEST(BlankAppendix, WeightsMovedWhereAnApplicabilityIsAnswered) {
    auto weightOf = [](const FillPlan& p, std::u16string_view name) {
        for (const PlannedScore& s : p.scores)
            if (s.name == name) return s.weight;
        return -1.0;
    };
    FillPlan no = planBlankAppendix(typedIn(true, u"否"));
    ASSERT_TRUE(no.problems.empty()) << joined(no.problems);
    EXPECT_EQ(weightOf(no, u"部门分解资金监管情况"), 0);
    EXPECT_EQ(weightOf(no, u"部门绩效运行监控开展情况"), 4);
    Workbook unanswered = typedIn(true, u"");
    FillPlan stated = planBlankAppendix(unanswered);
    ASSERT_TRUE(stated.problems.empty()) << joined(stated.problems);
    EXPECT_EQ(weightOf(stated, u"部门分解资金监管情况"), 1) << "not answered yet: the stated weight";
    EXPECT_EQ(weightOf(stated, u"部门绩效运行监控开展情况"), 3);
}

TEST(BlankAppendix, BeforeTheActualsAreIn) {
    FillPlan p = planBlankAppendix(typedIn(/*withActual=*/false));
    ASSERT_TRUE(p.problems.empty()) << joined(p.problems);
    ASSERT_FALSE(p.scores.empty());
    EXPECT_EQ(p.scores.back().name, u"健康教育讲座场次");
    EXPECT_EQ(p.scores.back().weight, 50);
}

TEST(BlankAppendix, RefusedWithoutTargetsOrWithAnAppendixAlready) {
    FillPlan empty = planBlankAppendix(bookOf(planNewWorkbook()));
    EXPECT_TRUE(empty.sheets.empty());
    EXPECT_TRUE(mentions(empty.problems, {"绩效目标表"})) << joined(empty.problems);

    Workbook wb = typedIn();
    FillPlan first = planBlankAppendix(wb);
    ASSERT_TRUE(first.problems.empty()) << joined(first.problems);
    wb.sheets.push_back(gridOf(first.sheets.front()));
    FillPlan again = planBlankAppendix(wb);
    EXPECT_TRUE(again.sheets.empty());
    EXPECT_TRUE(mentions(again.problems, {"已有附件1", "附件1"})) << joined(again.problems);
}

TEST(BlankAppendix, WeightsThatDoNotAddUpAreNamed) {
    Workbook wb = typedIn();
    auto t = findTargetTable(wb);
    sheetNamed(wb, NewbookNames::targets).set(t->headerRow + 1, t->columns.at(TargetColumn::Weight), Cell::num(40));
    FillPlan p = planBlankAppendix(wb);
    EXPECT_TRUE(p.sheets.empty());
    EXPECT_TRUE(mentions(p.problems, {"90"})) << joined(p.problems);
}

// ---- the guide's list of labels ----

// docs/使用说明.md carries the 基础信息 labels of the default between two markers; the list is
// generated here, never kept by hand. JIXIAO_UPDATE_DOCS=1 rewrites it.
TEST(NewWorkbook, GuideListsTheDefaultsLabels) {
    const std::string path = std::string(JIXIAO_SOURCE_DIR) + "/docs/使用说明.md";
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string doc = ss.str();
    const std::string begin = "<!-- 基础信息项目：由 newbook_test 生成，勿手改 -->\n", end = "<!-- 基础信息项目结束 -->";
    std::size_t b = doc.find(begin), e = doc.find(end);
    ASSERT_TRUE(b != std::string::npos && e != std::string::npos && b < e) << "markers missing in " << path;
    std::string want = basicInfoLabelsMarkdown(newWorkbookInputs());
    std::string have = doc.substr(b + begin.size(), e - b - begin.size());
    if (have != want && std::getenv("JIXIAO_UPDATE_DOCS")) {
        doc.replace(b + begin.size(), e - b - begin.size(), want);
        std::ofstream(path) << doc;
        return;
    }
    EXPECT_EQ(have, want) << "the guide's list is out of date: run JIXIAO_UPDATE_DOCS=1 "
                             "jixiao_unit_tests --gtest_filter=NewWorkbook.GuideListsTheDefaultsLabels";
}
