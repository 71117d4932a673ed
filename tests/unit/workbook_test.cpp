// Tests for jixiao/workbook.hpp: sheet grids, A1 references in Calc's syntax, header labels, and
// the recognition of the project table (表1-6), the department table (表1-5) and the
// basic-information sheet, in the seed sample's layout and in layouts another department sends.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "jixiao/workbook.hpp"
#include "sheet_builder.hpp"
#include "test_util.hpp"

using namespace jixiao;
using namespace jixiao_test;

namespace {

using Columns = std::map<Column, std::size_t>;

Workbook bookOf(std::vector<Sheet> sheets) {
    Workbook wb;
    wb.sheets = std::move(sheets);
    return wb;
}

}  // namespace

// ---------------------------------------------------------------- cells and sheets

TEST(Sheet, AtOutsideTheGridIsAnEmptyCell) {
    Sheet s = makeSheet(u"s", {{1, u"a"}});
    EXPECT_EQ(s.at(0, 0).kind, Cell::Kind::Number);
    EXPECT_EQ(s.at(0, 1).text, u"a");
    EXPECT_EQ(s.at(0, 2).kind, Cell::Kind::Empty);
    EXPECT_EQ(s.at(7, 0).kind, Cell::Kind::Empty);
    EXPECT_TRUE(s.at(7, 9).empty());
}

TEST(Sheet, SetGrowsTheGridAndKeepsWhatWasThere) {
    Sheet s = makeSheet(u"s", {{1, 2}, {3, 4}});
    s.set(3, 4, Cell::str(u"x"));
    EXPECT_EQ(s.rows, 4u);
    EXPECT_EQ(s.cols, 5u);
    EXPECT_EQ(s.at(0, 0).number, 1);
    EXPECT_EQ(s.at(0, 1).number, 2);
    EXPECT_EQ(s.at(1, 0).number, 3);
    EXPECT_EQ(s.at(1, 1).number, 4);
    EXPECT_EQ(s.at(3, 4).text, u"x");
    EXPECT_TRUE(s.at(2, 2).empty());
    s.set(0, 1, Cell::num(9));  // inside: no growth
    EXPECT_EQ(s.rows, 4u);
    EXPECT_EQ(s.at(0, 1).number, 9);
}

TEST(Cell, EmptyMeansNoValueOrOnlyWhiteSpace) {
    EXPECT_TRUE(Cell{}.empty());
    EXPECT_TRUE(Cell::str(u"").empty());
    EXPECT_TRUE(Cell::str(u" \u3000\u00A0\n").empty());
    EXPECT_FALSE(Cell::str(u"-").empty());
    EXPECT_FALSE(Cell::num(0).empty());
}

TEST(Workbook, FindByExactName) {
    Workbook wb = bookOf({makeSheet(u"表1-6", {{1}}), makeSheet(u"基础信息", {{2}})});
    ASSERT_NE(wb.find(u"基础信息"), nullptr);
    EXPECT_EQ(wb.find(u"基础信息"), &wb.sheets[1]);
    EXPECT_EQ(wb.find(u"表1-6"), &wb.sheets[0]);
    EXPECT_EQ(wb.find(u"基础"), nullptr);
    EXPECT_EQ(wb.find(u""), nullptr);
}

// ---------------------------------------------------------------- A1 references

TEST(References, ColumnNames) {
    EXPECT_EQ(columnName(0), u"A");
    EXPECT_EQ(columnName(1), u"B");
    EXPECT_EQ(columnName(25), u"Z");
    EXPECT_EQ(columnName(26), u"AA");
    EXPECT_EQ(columnName(27), u"AB");
    EXPECT_EQ(columnName(51), u"AZ");
    EXPECT_EQ(columnName(52), u"BA");
    EXPECT_EQ(columnName(701), u"ZZ");
    EXPECT_EQ(columnName(702), u"AAA");
    EXPECT_EQ(columnName(16383), u"XFD");
}

TEST(References, QuoteSheetAlwaysQuotesAndDoublesApostrophes) {
    EXPECT_EQ(quoteSheet(u"Sheet1"), u"'Sheet1'");
    EXPECT_EQ(quoteSheet(u"表1-6 项目支出"), u"'表1-6 项目支出'");
    EXPECT_EQ(quoteSheet(u"Bob's data"), u"'Bob''s data'");
    EXPECT_EQ(quoteSheet(u"'x'"), u"'''x'''");
    EXPECT_EQ(quoteSheet(u""), u"''");
}

TEST(References, LocalRef) {
    EXPECT_EQ(localRef(4, 2), u"C5");
    EXPECT_EQ(localRef(4, 2, true), u"$C$5");
    EXPECT_EQ(localRef(0, 0), u"A1");
    EXPECT_EQ(localRef(99, 26, true), u"$AA$100");
}

TEST(References, CellRefInCalcSyntax) {
    EXPECT_EQ(cellRef(u"表1-6 项目支出", 4, 2), u"$'表1-6 项目支出'.$C$5");
    EXPECT_EQ(cellRef(u"基础信息", 0, 0), u"$'基础信息'.$A$1");
    EXPECT_EQ(cellRef(u"O'Brien's sheet", 9, 26), u"$'O''Brien''s sheet'.$AA$10");
}

TEST(References, RangeRefNamesTheSheetOnce) {
    EXPECT_EQ(rangeRef(u"表1-6 项目支出", 4, 2, 33, 2), u"$'表1-6 项目支出'.$C$5:$C$34");
    EXPECT_EQ(rangeRef(u"a'b c", 0, 0, 1, 27), u"$'a''b c'.$A$1:$AB$2");
}

// ---------------------------------------------------------------- labels

TEST(NormalizeLabel, RemovesWhiteSpaceAndLineBreaks) {
    EXPECT_EQ(normalizeLabel(u"调整后\n预算数"), u"调整后预算数");
    EXPECT_EQ(normalizeLabel(u" 年初 预算数 "), u"年初预算数");
    EXPECT_EQ(normalizeLabel(u"实际\u3000支出\u00A0数\r\n"), u"实际支出数");
    EXPECT_EQ(normalizeLabel(u"项\t目"), u"项目");
}

TEST(NormalizeLabel, DropsATrailingUnitNote) {
    EXPECT_EQ(normalizeLabel(u"年初预算数（万元）"), u"年初预算数");
    EXPECT_EQ(normalizeLabel(u"支出数(万元)"), u"支出数");
    EXPECT_EQ(normalizeLabel(u"调整后预算数\n（万元）"), u"调整后预算数");
    EXPECT_EQ(normalizeLabel(u"金额（元）"), u"金额");
    EXPECT_EQ(normalizeLabel(u"执行率（%）"), u"执行率");
    EXPECT_EQ(normalizeLabel(u"执行率(%)"), u"执行率");
}

TEST(NormalizeLabel, KeepsAUnitNoteThatIsNotAtTheEndOrIsAllThereIs) {
    EXPECT_EQ(normalizeLabel(u"预算（万元）合计"), u"预算（万元）合计");
    EXPECT_EQ(normalizeLabel(u"（万元）"), u"（万元）");
    EXPECT_EQ(normalizeLabel(u""), u"");
}

TEST(ColumnKeys, CanonicalNamesAndSynonyms) {
    EXPECT_EQ(columnKey(Column::Actual), u"支出数");
    EXPECT_EQ(columnKey(Column::Adjustment), u"调整金额");
    EXPECT_EQ(columnKey(Column::Initial), u"年初预算数");
    EXPECT_EQ(columnKey(Column::Adjusted), u"调整后预算数");
    EXPECT_EQ(columnFromKey(u"支出数"), Column::Actual);
    EXPECT_EQ(columnFromKey(u"支出金额"), Column::Actual);
    EXPECT_EQ(columnFromKey(u"调整"), Column::Adjustment);
    EXPECT_EQ(columnFromKey(u"调整金额"), Column::Adjustment);
    EXPECT_EQ(columnFromKey(u"调整后\n预算数（万元）"), Column::Adjusted);
    EXPECT_EQ(columnFromKey(u"年初预算"), Column::Initial);
    EXPECT_EQ(columnFromKey(u"支出率"), Column::ExecutionRate);
    EXPECT_EQ(columnFromKey(u"调整率"), Column::AdjustmentRate);
    EXPECT_EQ(columnFromKey(u"项目名称"), Column::Name);
    EXPECT_EQ(columnFromKey(u"序号"), Column::Sequence);
    EXPECT_FALSE(columnFromKey(u"备注").has_value());
    EXPECT_FALSE(columnFromKey(u"").has_value());
}

TEST(IsTotalLabel, 合计小计总计AnywhereInTheLabel) {
    EXPECT_TRUE(isTotalLabel(u"合计"));
    EXPECT_TRUE(isTotalLabel(u"小计"));
    EXPECT_TRUE(isTotalLabel(u"总计"));
    EXPECT_TRUE(isTotalLabel(u"基本支出小计"));
    EXPECT_TRUE(isTotalLabel(u"项目支出合计"));
    EXPECT_FALSE(isTotalLabel(u"人员经费"));
    EXPECT_FALSE(isTotalLabel(u""));
}

// ---------------------------------------------------------------- project table (表1-6)

TEST(FindProjectTable, SeedLayoutTwoRowMergedHeaderTotalFirst) {
    // The project sheet last, after sheets that must not be taken for it.
    Workbook wb = bookOf({makeSheet(u"基础信息", basicInfoRows(defaultInfo())),
                          makeSheet(std::u16string(kDepartmentSheet), seedDepartmentRows()),
                          makeSheet(std::u16string(kProjectSheet), seedProjectRows())});
    Message why;
    auto t = findProjectTable(wb, why);
    ASSERT_TRUE(t.has_value()) << why;
    EXPECT_EQ(t->sheet, &wb.sheets[2]);
    EXPECT_EQ(t->columns, (Columns{{Column::Sequence, 0},
                                   {Column::Name, 1},
                                   {Column::Initial, 2},
                                   {Column::Adjustment, 3},
                                   {Column::AdjustmentRate, 4},
                                   {Column::Adjusted, 5},
                                   {Column::Actual, 6},
                                   {Column::ExecutionRate, 7}}));
    EXPECT_EQ(t->rows, kSeedProjectRows);
    EXPECT_EQ(t->totalRows, (std::vector<std::size_t>{kSeedProjectTotalRow}));
}

TEST(FindProjectTable, SingleRowHeaderReorderedWithSynonymsUnitsAndLineBreaks) {
    // Another department: no 序号 first, the name first, amounts as numeric text, blank and
    // white-space rows, a 小计 in the middle and 合 计 at the bottom.
    Rows rows = {
        {u"2022年项目支出明细"},
        {},
        {u"项目名称", u"序号", u"调整后\n预算数", u"年初预算\n（万元）", u"调整金额（万元）", u"支出金额 (万元)", u"支出率(%)"},
        {u"信息化运维", u"1", u"1,200.00", u"1,000.00", u"200.00", u"1,150.50", u"95.88%"},
        {},
        {u"办公楼维修", u"2", u"300", u"350", u"-50", u"290", u"96.67%"},
        {u" ", u"\u3000", u""},
        {u"小计", u"", u"1,500.00", u"1,350.00", u"150.00", u"1,440.50", u"96.03%"},
        {u"课题研究", u"3", u"80", u"80", u"-", u"40", u"50%"},
        {u"合 计", u"", u"1,580.00", u"1,430.00", u"150.00", u"1,480.50", u"93.70%"},
        {},
    };
    Workbook wb = bookOf({makeSheet(u"项目支出", rows)});
    Message why;
    auto t = findProjectTable(wb, why);
    ASSERT_TRUE(t.has_value()) << why;
    EXPECT_EQ(t->sheet, &wb.sheets[0]);
    EXPECT_EQ(t->columns, (Columns{{Column::Name, 0},
                                   {Column::Sequence, 1},
                                   {Column::Adjusted, 2},
                                   {Column::Initial, 3},
                                   {Column::Adjustment, 4},
                                   {Column::Actual, 5},
                                   {Column::ExecutionRate, 6}}));
    EXPECT_EQ(t->rows, (std::vector<std::size_t>{3, 5, 8}));
    EXPECT_EQ(t->totalRows, (std::vector<std::size_t>{7, 9}));
}

TEST(FindProjectTable, ChildHeadersReadWithTheirMergedParent) {
    // 预算调整 over 金额 | 比率, 实际支出 over 金额 | 执行率: "金额" alone is no column, but
    // 预算调整金额 and 实际支出金额 are. 比率 is not a synonym (预算调整比率 neither).
    Rows rows = {
        {u"序号", u"项目", u"年初预算数", u"预算调整", u"", u"调整后预算", u"实际支出", u""},
        {u"", u"", u"", u"金额", u"比率", u"", u"金额", u"执行率"},
        {u"", u"合计", 300.0, 10.0, 0.03, 310.0, 300.0, 0.97},
        {1, u"甲项目", 100.0, 0.0, 0.0, 100.0, 90.0, 0.9},
        {2, u"乙项目", 200.0, 10.0, 0.05, 210.0, 210.0, 1.0},
    };
    Workbook wb = bookOf({makeSheet(u"P", rows)});
    Message why;
    auto t = findProjectTable(wb, why);
    ASSERT_TRUE(t.has_value()) << why;
    EXPECT_EQ(t->columns, (Columns{{Column::Sequence, 0},
                                   {Column::Name, 1},
                                   {Column::Initial, 2},
                                   {Column::Adjustment, 3},
                                   {Column::Adjusted, 5},
                                   {Column::Actual, 6},
                                   {Column::ExecutionRate, 7}}));
    EXPECT_EQ(t->rows, (std::vector<std::size_t>{3, 4}));
    EXPECT_EQ(t->totalRows, (std::vector<std::size_t>{2}));
}

TEST(FindProjectTable, HeaderBelowSeveralTitleRows) {
    Rows rows = {{u"附表"}, {u"某区某局"}, {u"2022年度"}, {u""}, {u"单位：万元"}, {u"", u"", u"", u"", u"填报日期"}};
    rows.push_back({u"序号", u"项目名称", u"年初预算数", u"调整金额", u"调整后预算数", u"支出数"});
    rows.push_back({1, u"甲", 1.0, 0.0, 1.0, 1.0});
    rows.push_back({u"", u"合计", 1.0, 0.0, 1.0, 1.0});
    Workbook wb = bookOf({makeSheet(u"P", rows)});
    Message why;
    auto t = findProjectTable(wb, why);
    ASSERT_TRUE(t.has_value()) << why;
    EXPECT_EQ(t->columns.at(Column::Name), 1u);
    EXPECT_EQ(t->columns.at(Column::Actual), 5u);
    EXPECT_EQ(t->rows, (std::vector<std::size_t>{7}));
    EXPECT_EQ(t->totalRows, (std::vector<std::size_t>{8}));
}

TEST(FindProjectTable, PrefersTheProjectSheetOverADepartmentTableWithA项目Column) {
    // 表1-5 as a department may send it: a single label column headed 项目 (as the seed tables'
    // own comment names it). It has more non-total rows than this department has projects, yet it
    // is the department table (人员经费, 日常公用经费), not a list of projects.
    Rows dept = {
        {u"项目", u"年初预算数", u"调整金额", u"调整后预算数", u"支出数"},
        {u"基本支出", 100.0, 0.0, 100.0, 90.0},
        {u"人员经费", 80.0, 0.0, 80.0, 75.0},
        {u"日常公用经费", 20.0, 0.0, 20.0, 15.0},
        {u"基本支出小计", 100.0, 0.0, 100.0, 90.0},
        {u"项目支出", 50.0, 5.0, 55.0, 50.0},
        {u"基本建设类项目", 0.0, 0.0, 0.0, 0.0},
        {u"行政事业类项目", 50.0, 5.0, 55.0, 50.0},
        {u"项目支出小计", 50.0, 5.0, 55.0, 50.0},
        {u"合计", 150.0, 5.0, 155.0, 140.0},
    };
    Rows proj = threeProjectRows();
    Workbook wb = bookOf({makeSheet(u"表1-5", dept), makeSheet(u"表1-6", proj)});
    Message why;
    auto t = findProjectTable(wb, why);
    ASSERT_TRUE(t.has_value()) << why;
    EXPECT_EQ(t->sheet, &wb.sheets[1]) << "took sheet " << s8(t->sheet->name) << " for the project table";
    EXPECT_EQ(t->rows, (std::vector<std::size_t>{2, 3, 4}));
}

TEST(FindProjectTable, NoneGivesAReason) {
    // The basic-information sheet has 项目 (a 项目名称 synonym) but no 年初预算数.
    Workbook wb = bookOf({makeSheet(u"基础信息", basicInfoRows(defaultInfo())),
                          makeSheet(u"说明", {{u"本工作簿用于部门整体绩效评价"}})});
    Message why;
    EXPECT_FALSE(findProjectTable(wb, why).has_value());
    EXPECT_FALSE(why.text().empty());
    EXPECT_TRUE(contains(why, "项目名称")) << why;
    EXPECT_TRUE(contains(why, "年初预算数")) << why;

    Message why2;
    EXPECT_FALSE(findProjectTable(Workbook{}, why2).has_value());
    EXPECT_FALSE(why2.text().empty());
}

// ---------------------------------------------------------------- department table (表1-5)

TEST(FindDepartmentTable, SeedLayoutGroupsMergedDown) {
    // The project sheet first: it has 年初预算数 too, but no 人员经费 row.
    Workbook wb = seedWorkbook(defaultInfo());
    Message why;
    auto t = findDepartmentTable(wb, why);
    ASSERT_TRUE(t.has_value()) << why;
    EXPECT_EQ(t->sheet, &wb.sheets[1]);
    EXPECT_EQ(t->columns, (Columns{{Column::Initial, 2},
                                   {Column::Adjustment, 3},
                                   {Column::AdjustmentRate, 4},
                                   {Column::Adjusted, 5},
                                   {Column::Actual, 6},
                                   {Column::ExecutionRate, 7}}));
    const std::map<std::u16string, std::size_t>& rows = t->rowsByLabel;
    auto rowOf = [&](std::u16string_view label) -> long {
        auto it = rows.find(std::u16string(label));
        return it == rows.end() ? -1 : static_cast<long>(it->second);
    };
    EXPECT_EQ(rowOf(u"人员经费"), 4);
    EXPECT_EQ(rowOf(u"日常公用经费"), 5);
    EXPECT_EQ(rowOf(u"基本支出小计"), 6);
    EXPECT_EQ(rowOf(u"基本建设类项目"), 7);
    EXPECT_EQ(rowOf(u"行政事业类项目"), 8);
    EXPECT_EQ(rowOf(u"项目支出小计"), 9);
    EXPECT_EQ(rowOf(u"合计"), 10);
    EXPECT_EQ(rowOf(u"小计"), 6);  // the bare label is the first 小计
}

TEST(FindDepartmentTable, SingleRowHeaderOneLabelColumnTotalAtTheBottom) {
    Rows rows = {
        {u"部门整体支出执行情况（单位：万元）"},
        {u"项 目", u"支出数（万元）", u"年初预算数（万元）", u"调整数", u"全年预算数"},
        {u"人员 经费", 75.0, 80.0, 0.0, 80.0},
        {u"日常公用经费\n", 15.0, 20.0, 0.0, 20.0},
        {},
        {u"基本支出小计", 90.0, 100.0, 0.0, 100.0},
        {u"项目支出小计", 50.0, 50.0, 5.0, 55.0},
        {u"合　计", 140.0, 150.0, 5.0, 155.0},
    };
    Workbook wb = bookOf({makeSheet(u"部门支出", rows)});
    Message why;
    auto t = findDepartmentTable(wb, why);
    ASSERT_TRUE(t.has_value()) << why;
    EXPECT_EQ(t->columns.at(Column::Actual), 1u);
    EXPECT_EQ(t->columns.at(Column::Initial), 2u);
    EXPECT_EQ(t->columns.at(Column::Adjustment), 3u);
    EXPECT_EQ(t->columns.at(Column::Adjusted), 4u);
    EXPECT_EQ(t->rowsByLabel, (std::map<std::u16string, std::size_t>{{u"人员经费", 2},
                                                                     {u"日常公用经费", 3},
                                                                     {u"基本支出小计", 5},
                                                                     {u"项目支出小计", 6},
                                                                     {u"合计", 7}}));
}

TEST(FindDepartmentTable, GroupLabelRepeatedOnEveryRowQualifiesItsSubtotal) {
    Rows rows = {
        {u"类别", u"科目", u"年初预算数", u"调整金额", u"调整后预算数", u"支出金额"},
        {u"基本支出", u"人员经费", 80.0, 0.0, 80.0, 75.0},
        {u"基本支出", u"日常公用经费", 20.0, 0.0, 20.0, 15.0},
        {u"基本支出", u"小计", 100.0, 0.0, 100.0, 90.0},
        {u"项目支出", u"行政事业类项目", 50.0, 5.0, 55.0, 50.0},
        {u"项目支出", u"小计", 50.0, 5.0, 55.0, 50.0},
        {u"", u"合计", 150.0, 5.0, 155.0, 140.0},
    };
    Workbook wb = bookOf({makeSheet(u"表1-5", rows)});
    Message why;
    auto t = findDepartmentTable(wb, why);
    ASSERT_TRUE(t.has_value()) << why;
    EXPECT_EQ(t->columns.at(Column::Actual), 5u);
    ASSERT_TRUE(t->rowsByLabel.count(u"基本支出小计"));
    ASSERT_TRUE(t->rowsByLabel.count(u"项目支出小计"));
    ASSERT_TRUE(t->rowsByLabel.count(u"合计"));
    EXPECT_EQ(t->rowsByLabel.at(u"基本支出小计"), 3u);
    EXPECT_EQ(t->rowsByLabel.at(u"项目支出小计"), 5u);
    EXPECT_EQ(t->rowsByLabel.at(u"合计"), 6u);
    EXPECT_EQ(t->rowsByLabel.at(u"人员经费"), 1u);
}

TEST(FindDepartmentTable, GroupLabelOnItsOwnRowQualifiesTheSubtotalBelow) {
    // The group heading on a row of its own (not merged down beside its items), its items and
    // 小计 indented one column: the 小计 under 基本支出 is still 基本支出小计.
    Rows rows = {
        {u"科目", u"", u"年初预算数", u"调整金额", u"调整后预算数", u"支出数"},
        {u"基本支出"},
        {u"", u"人员经费", 80.0, 0.0, 80.0, 75.0},
        {u"", u"日常公用经费", 20.0, 0.0, 20.0, 15.0},
        {u"", u"小计", 100.0, 0.0, 100.0, 90.0},
        {u"项目支出"},
        {u"", u"行政事业类项目", 50.0, 5.0, 55.0, 50.0},
        {u"", u"小计", 50.0, 5.0, 55.0, 50.0},
        {u"合计", u"", 150.0, 5.0, 155.0, 140.0},
    };
    Workbook wb = bookOf({makeSheet(u"表1-5", rows)});
    Message why;
    auto t = findDepartmentTable(wb, why);
    ASSERT_TRUE(t.has_value()) << why;
    EXPECT_EQ(t->rowsByLabel.count(u"人员经费"), 1u);
    EXPECT_EQ(t->rowsByLabel.count(u"合计"), 1u);
    auto rowOf = [&](std::u16string_view label) -> long {
        auto it = t->rowsByLabel.find(std::u16string(label));
        return it == t->rowsByLabel.end() ? -1 : static_cast<long>(it->second);
    };
    EXPECT_EQ(rowOf(u"基本支出小计"), 4);
    EXPECT_EQ(rowOf(u"项目支出小计"), 7);
}

TEST(FindDepartmentTable, NoneGivesAReason) {
    Workbook wb = bookOf({makeSheet(std::u16string(kProjectSheet), seedProjectRows()),
                          makeSheet(u"基础信息", basicInfoRows(defaultInfo()))});
    Message why;
    EXPECT_FALSE(findDepartmentTable(wb, why).has_value());
    EXPECT_FALSE(why.text().empty());
    EXPECT_TRUE(contains(why, "人员经费")) << why;
}

// ---------------------------------------------------------------- basic information

TEST(FindBasicInfo, SeedLayoutLabelValueUnitNote) {
    std::vector<Info> info = defaultInfo();
    Workbook wb = seedWorkbook(info);
    Message why;
    auto b = findBasicInfo(wb, why);
    ASSERT_TRUE(b.has_value()) << why;
    EXPECT_EQ(b->sheet, &wb.sheets[2]);
    EXPECT_EQ(b->labelCol, 1u);
    EXPECT_EQ(b->valueCol, 2u);
    EXPECT_EQ(b->unitCol, std::optional<std::size_t>(3));
    EXPECT_EQ(b->noteCol, std::optional<std::size_t>(4));
    EXPECT_EQ(b->rowsByLabel.size(), info.size());
    for (std::size_t i = 0; i < info.size(); ++i) {
        auto it = b->rowsByLabel.find(normalizeLabel(info[i].label));
        ASSERT_NE(it, b->rowsByLabel.end()) << s8(info[i].label);
        EXPECT_EQ(it->second, kBasicFirstRow + i) << s8(info[i].label);
    }
}

TEST(FindBasicInfo, OtherHeaderWordsAndLabelsWithSpaces) {
    Rows rows = {
        {u"基础信息"},
        {u"填报单位：某局"},
        {},
        {u"指标", u"填报值", u"计量单位", u"备注"},
        {u"评价 年度", 2022, u"年", u"报告正文"},
        {u"三公经费\n实际支出", 6.8, u"万元", u"决算"},
        {},
        {u"存在资金分解", u"否", u"", u""},
    };
    Workbook wb = bookOf({makeSheet(std::u16string(kProjectSheet), seedProjectRows()), makeSheet(u"信息", rows)});
    Message why;
    auto b = findBasicInfo(wb, why);
    ASSERT_TRUE(b.has_value()) << why;
    EXPECT_EQ(b->sheet, &wb.sheets[1]);
    EXPECT_EQ(b->labelCol, 0u);
    EXPECT_EQ(b->valueCol, 1u);
    EXPECT_EQ(b->unitCol, std::optional<std::size_t>(2));
    EXPECT_EQ(b->noteCol, std::optional<std::size_t>(3));
    EXPECT_EQ(b->rowsByLabel, (std::map<std::u16string, std::size_t>{
                                  {u"评价年度", 4}, {u"三公经费实际支出", 5}, {u"存在资金分解", 7}}));
}

TEST(FindBasicInfo, LabelsAreKeyedWithoutSpacesAndUnitNotes) {
    Rows rows = {{u"项目", u"数值"}, {u"政府采购年初预算（万元）", 642.64}, {u"1-10月 支出进度执行率 (%)", 0.4748}};
    Workbook wb = bookOf({makeSheet(u"信息", rows)});
    Message why;
    auto b = findBasicInfo(wb, why);
    ASSERT_TRUE(b.has_value()) << why;
    EXPECT_EQ(b->rowsByLabel, (std::map<std::u16string, std::size_t>{{u"政府采购年初预算", 1}, {u"1-10月支出进度执行率", 2}}));
}

TEST(FindBasicInfo, UnitAndNoteColumnsAreOptional) {
    Rows rows = {{u"信息项", u"内容"}, {u"被评价部门", u"某局"}};
    Workbook wb = bookOf({makeSheet(u"信息", rows)});
    Message why;
    auto b = findBasicInfo(wb, why);
    ASSERT_TRUE(b.has_value()) << why;
    EXPECT_EQ(b->labelCol, 0u);
    EXPECT_EQ(b->valueCol, 1u);
    EXPECT_FALSE(b->unitCol.has_value());
    EXPECT_FALSE(b->noteCol.has_value());
    EXPECT_EQ(b->rowsByLabel.count(u"被评价部门"), 1u);
}

TEST(FindBasicInfo, NoneGivesAReason) {
    Workbook wb = bookOf({makeSheet(std::u16string(kProjectSheet), seedProjectRows()),
                          makeSheet(std::u16string(kDepartmentSheet), seedDepartmentRows())});
    Message why;
    EXPECT_FALSE(findBasicInfo(wb, why).has_value());
    EXPECT_FALSE(why.text().empty());
    EXPECT_TRUE(contains(why, "数值")) << why;
}

// ---------------------------------------------------------------- dataConsistency

TEST(DataConsistency, TheSeedTablesAgreeWithThemselves) {
    Workbook wb;
    wb.sheets.push_back(makeSheet(std::u16string(kProjectSheet), seedProjectRows()));
    wb.sheets.push_back(makeSheet(std::u16string(kDepartmentSheet), seedDepartmentRows()));
    EXPECT_TRUE(dataConsistency(wb).empty()) << joined(dataConsistency(wb));
}

TEST(DataConsistency, AWrongRowAndAWrongTotalAreNamed) {
    Rows proj = seedProjectRows();
    proj[6][5] = 12.0;     // 交通战备工作经费: 10 + 0 is not 12
    proj[4][6] = 6000.0;   // 合计 支出数 no longer the sum of the projects
    Rows dept = seedDepartmentRows();
    dept[5][5] = 300.0;    // 日常公用经费: 210.12 - 7.15 is not 300
    Workbook wb;
    wb.sheets.push_back(makeSheet(std::u16string(kProjectSheet), proj));
    wb.sheets.push_back(makeSheet(std::u16string(kDepartmentSheet), dept));
    auto notes = dataConsistency(wb);
    // four: the row, the 合计 of 调整后预算数 it now misses, the 合计 of 支出数, the department row
    EXPECT_EQ(notes.size(), 4u) << joined(notes);
    EXPECT_TRUE(mentions(notes, {"合计", "调整后预算数", "6977.53", "6979.53"})) << joined(notes);
    EXPECT_TRUE(mentions(notes, {"第7行", "交通战备工作经费", "12.00"})) << joined(notes);
    EXPECT_TRUE(mentions(notes, {"合计", "支出数", "6000.00"})) << joined(notes);
    EXPECT_TRUE(mentions(notes, {"日常公用经费", "300.00", "202.97"})) << joined(notes);
}

TEST(FindBasicInfo, OtherHeaderWords) {
    Workbook wb;
    wb.sheets.push_back(makeSheet(u"填报表", Rows{{u"指标名称", u"指标值", u"计量单位", u"备注"},
                                               {u"政府采购实际支出", 452.88, u"万元", u"决算"}}));
    Message why;
    auto b = findBasicInfo(wb, why);
    ASSERT_TRUE(b.has_value()) << why;
    EXPECT_EQ(b->valueCol, 1u);
    EXPECT_EQ(b->rowsByLabel.count(u"政府采购实际支出"), 1u);
}

TEST(DepartmentTable, RowsUnderOtherNames) {
    Rows dept = seedDepartmentRows();
    for (auto& row : dept)
        for (auto& cell : row)
            if (cell.cell.kind == Cell::Kind::Text && cell.cell.text == u"合计") cell = V(u"总计");
    Workbook wb;
    wb.sheets.push_back(makeSheet(std::u16string(kDepartmentSheet), dept));
    Message why;
    auto d = findDepartmentTable(wb, why);
    ASSERT_TRUE(d.has_value()) << why;
    EXPECT_FALSE(d->rowsByLabel.count(u"合计"));
    ASSERT_TRUE(d->row(u"合计").has_value());
    EXPECT_EQ(*d->row(u"合计"), *d->row(u"总计"));
    EXPECT_EQ(d->row(u"公用经费"), d->row(u"日常公用经费"));
    EXPECT_FALSE(d->row(u"基本建设").has_value());
}
