// Tests for jixiao/resolver.hpp: templates resolved against the synthetic seed workbook
// (sheet_builder.hpp) — labels, 部门.行.列, 项目.列, 合并(…) stacked into the helper sheet, text
// templates — the problems the Resolver returns (one line per missing thing, every place that
// needs it added), and checkpoint/rollback restoring all of it after a discarded attempt.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "jixiao/resolver.hpp"
#include "sheet_builder.hpp"

using namespace jixiao;
using namespace jixiao::internal;
using namespace jixiao_test;

namespace {

// A place description in the tests (one language is enough here).
jixiao::Message W(const char* s) { return jixiao::Message::verbatim(s); }

std::vector<Info> someInfo() {
    return {{u"政府采购实际支出", 95.0, u"万元"}, {u"政府采购调整后预算", 100.0, u"万元"}, {u"执行率", 0.9, u"%"},
            {u"备注项", u"文字", u""}};
}

Workbook withoutProjects() {
    Workbook wb = seedWorkbook(someInfo(), false);
    wb.sheets.erase(wb.sheets.begin());  // 表1-6
    EXPECT_EQ(wb.find(kProjectSheet), nullptr);
    return wb;
}

std::string lines(const Resolver& res) { return joined(res.problems()); }

}  // namespace

TEST(Resolver, ExpandsLabelsDepartmentCellsAndProjectColumns) {
    std::vector<Info> info = someInfo();
    Workbook wb = seedWorkbook(info, false);
    Resolver res(wb);
    std::u16string f = res.formula(u"PROCUREMENT_SCORE(【政府采购实际支出】;【政府采购调整后预算】;【分值】)", 1, W("测试"));
    EXPECT_EQ(f, u"PROCUREMENT_SCORE(" + cellRef(kBasicSheet, infoRow(info, u"政府采购实际支出"), 2) + u";" +
                     cellRef(kBasicSheet, infoRow(info, u"政府采购调整后预算"), 2) + u";1)");
    EXPECT_EQ(res.formula(u"【部门.合计.支出数】", 8, W("测试")), cellRef(kDepartmentSheet, 10, 6));
    // the project rows are consecutive: one range of the table itself
    EXPECT_EQ(res.formula(u"SUM(【项目.年初预算数】)", 3, W("测试")), u"SUM(" + rangeRef(kProjectSheet, 5, 2, 8, 2) + u")");
    EXPECT_TRUE(res.problems().empty()) << lines(res);
    EXPECT_EQ(res.workings(), nullptr);
    EXPECT_EQ(res.misses(), 0u);
}

TEST(Resolver, StacksNonContiguousCellsOnceIntoTheHelperSheet) {
    Workbook wb = seedWorkbook(someInfo(), false);
    Resolver res(wb, u"核对底稿");
    const std::u16string t = u"【合并(项目.调整金额;部门.人员经费.调整金额)】";
    std::u16string f = res.formula(t, 3, W("测试"));
    EXPECT_EQ(f, rangeRef(u"核对底稿", 1, 0, 5, 0));
    ASSERT_NE(res.workings(), nullptr);
    EXPECT_EQ(res.workings()->name, u"核对底稿");
    ASSERT_EQ(res.workings()->runs.size(), 1u);  // the four projects as one formula copied down
    EXPECT_EQ(res.workings()->runs[0].count, 4u);
    EXPECT_EQ(res.workings()->cells.count({5, 0}), 1u);  // the department cell
    EXPECT_EQ(res.formula(t, 3, W("测试")), f) << "the same cells are stacked once";
    EXPECT_EQ(res.workings()->cells.count({0, 1}), 0u);
}

TEST(Resolver, TextTemplatesFormatFiguresByUnit) {
    std::vector<Info> info = someInfo();
    Workbook wb = seedWorkbook(info, false);
    Resolver res(wb);
    std::u16string e = res.text(u"执行率为【执行率】，说明：【执行率|说明】", 1, W("测试"));
    std::u16string value = cellRef(kBasicSheet, infoRow(info, u"执行率"), 2);
    std::u16string note = cellRef(kBasicSheet, infoRow(info, u"执行率"), 4);
    EXPECT_EQ(e, u"\"执行率为\"&TEXT(" + value + u";\"0.00%\")&\"，说明：\"&" + note);
    EXPECT_TRUE(res.problems().empty()) << lines(res);
    EXPECT_EQ(res.labelNote(u"执行率"), u"说明：执行率");
    EXPECT_EQ(res.labelUnit(u"执行率"), u"%");
}

TEST(Resolver, ReturnsOneLinePerMissingThingWithEveryPlaceThatNeedsIt) {
    Workbook wb = withoutProjects();
    Resolver res(wb);
    EXPECT_EQ(res.formula(u"SUM(【项目.年初预算数】)", 3, W("指标「甲」")), u"SUM(0)");
    res.formula(u"SUM(【项目.调整金额】)", 3, W("指标「乙」"));
    res.formula(u"【无此项】+【无此项】", 3, W("指标「丙」"));
    res.formula(u"【无此项】", 3, W("指标「丁」"));
    ASSERT_EQ(res.problems().size(), 2u) << lines(res);
    const std::string table = res.problems()[0].text();
    EXPECT_EQ(table.rfind("缺少 项目支出表（如表1-6）：", 0), 0u) << table;
    EXPECT_TRUE(contains(table, "指标「甲」需要此表") && contains(table, "指标「乙」需要此表")) << table;
    const std::string label = res.problems()[1].text();
    EXPECT_TRUE(contains(label, "基础信息「无此项」") && contains(label, "工作表「基础信息」")) << label;
    EXPECT_TRUE(contains(label, "指标「丙」需要此项；指标「丁」需要此项")) << label;
    EXPECT_EQ(res.misses(), 7u);  // 甲 ×2 (table, place), 乙 ×2, 丙 ×2, 丁 ×1
}

TEST(Resolver, TextWhereANumberBelongsNamesTheCell) {
    std::vector<Info> info = someInfo();
    info[0].value = u"九十五";
    Workbook wb = seedWorkbook(info, false);
    Resolver res(wb);
    EXPECT_EQ(res.formula(u"【政府采购实际支出】", 1, W("指标「甲」")), u"0");
    ASSERT_EQ(res.problems().size(), 1u) << lines(res);
    EXPECT_TRUE(contains(res.problems()[0], "基础信息!C" + std::to_string(infoRow(info, u"政府采购实际支出") + 1)))
        << res.problems()[0];
    EXPECT_TRUE(contains(res.problems()[0], "九十五")) << res.problems()[0];
}

// A table first missed inside an attempt that is then discarded is reported again when it is
// needed after the rollback (the "already reported" marks roll back too) — never read as 0 silently.
TEST(Resolver, RollbackRestoresTheReportsOfADiscardedAttempt) {
    Workbook wb = withoutProjects();
    Resolver res(wb);
    Resolver::Checkpoint before = res.checkpoint();
    res.formula(u"SUM(【项目.支出数】)", 3, W("「甲」的其他口径"));
    ASSERT_FALSE(res.problems().empty());
    res.rollback(before);
    EXPECT_TRUE(res.problems().empty()) << lines(res);
    EXPECT_EQ(res.misses(), 0u);

    std::size_t misses = res.misses();
    res.formula(u"ADJUSTMENT_RATE(【项目.年初预算数】;【项目.调整金额】)", 3, W("指标「乙」"));
    EXPECT_GT(res.misses(), misses);
    ASSERT_EQ(res.problems().size(), 1u) << lines(res);
    EXPECT_TRUE(contains(res.problems()[0], "项目支出表") && contains(res.problems()[0], "指标「乙」")) << lines(res);
    EXPECT_FALSE(contains(res.problems()[0], "「甲」")) << lines(res);
}

// A detail added inside a discarded attempt to a line that existed before is taken back with it.
TEST(Resolver, RollbackTakesBackADetailAddedToAnEarlierLine) {
    Workbook wb = seedWorkbook(someInfo(), false);
    Resolver res(wb);
    res.formula(u"【无此项】", 1, W("指标「甲」"));
    ASSERT_EQ(res.problems().size(), 1u);
    const std::string line = res.problems()[0].text();
    Resolver::Checkpoint saved = res.checkpoint();
    res.formula(u"【无此项】", 1, W("「乙」的其他口径"));
    EXPECT_NE(res.problems()[0].text(), line);
    res.rollback(saved);
    EXPECT_EQ(res.problems()[0].text(), line);
    // and reported again when really needed
    res.formula(u"【无此项】", 1, W("「乙」的其他口径"));
    EXPECT_TRUE(contains(res.problems()[0], "「乙」的其他口径需要此项")) << lines(res);
}

TEST(Resolver, RollbackTakesBackTheHelperSheetOfADiscardedAttempt) {
    Workbook wb = seedWorkbook(someInfo(), false);
    Resolver res(wb);
    res.formula(u"【合并(项目.调整金额;部门.人员经费.调整金额)】", 3, W("指标「甲」"));
    Resolver::Checkpoint saved = res.checkpoint();
    std::u16string second = res.formula(u"【合并(项目.年初预算数;部门.人员经费.年初预算数)】", 3, W("「甲」的其他口径"));
    EXPECT_EQ(second, rangeRef(FillNames::workings, 1, 1, 5, 1));
    res.rollback(saved);
    ASSERT_NE(res.workings(), nullptr);
    EXPECT_EQ(res.workings()->cells.count({0, 1}), 0u) << "the second stack's column is gone";
    // the column is used again by the next stack
    EXPECT_EQ(res.formula(u"【合并(项目.支出数;部门.人员经费.支出数)】", 3, W("指标「乙」")), second);
}

TEST(Resolver, TablesFoundBeforeARollbackStayValid) {
    Workbook wb = seedWorkbook(someInfo(), false);
    Resolver res(wb);
    Resolver::Checkpoint empty = res.checkpoint();
    const ProjectTable* p = res.project();
    ASSERT_NE(p, nullptr);
    res.rollback(empty);
    EXPECT_EQ(res.project(), p);
    EXPECT_EQ(p->rows, kSeedProjectRows);
}
