// Jixiao core: a workbook as plain data (sheet grids read from Calc), cell addresses, and the
// recognition of the department's data sheets: the project table (like 表1-6), the department
// table (like 表1-5) and the basic-information sheet (部门整体评价基础信息填报表). Pure C++.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/message.hpp"

namespace jixiao {

struct Cell {
    enum class Kind : unsigned char { Empty, Number, Text };
    Kind kind = Kind::Empty;
    double number = 0.0;
    std::u16string text;

    static Cell num(double v) { return {Kind::Number, v, {}}; }
    static Cell str(std::u16string s) { return {Kind::Text, 0.0, std::move(s)}; }
    bool empty() const;  // no value, or only white space
};

struct Sheet {
    std::u16string name;
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<Cell> cells;  // row-major

    const Cell& at(std::size_t r, std::size_t c) const;  // an empty cell outside the grid
    void set(std::size_t r, std::size_t c, Cell v);      // grows the grid
};

struct Workbook {
    std::vector<Sheet> sheets;
    const Sheet* find(std::u16string_view name) const;
};

// A1 addresses in Calc's formula syntax: $'Sheet name'.$C$5, $'Sheet'.$C$5:$C$34.
std::u16string columnName(std::size_t col);
std::u16string quoteSheet(std::u16string_view sheet);
std::u16string cellRef(std::u16string_view sheet, std::size_t row, std::size_t col);
std::u16string rangeRef(std::u16string_view sheet, std::size_t row0, std::size_t col0, std::size_t row1,
                        std::size_t col1);
std::u16string localRef(std::size_t row, std::size_t col, bool absolute = false);  // C5 / $C$5

// Header text as a key: white space removed, unit notes such as （万元） dropped.
std::u16string normalizeLabel(std::u16string_view s);

// ---- recognised tables ----

// The columns a budget table can have.
enum class Column { Sequence, Name, Initial, Adjustment, AdjustmentRate, Adjusted, Actual, ExecutionRate };
std::u16string_view columnKey(Column c);              // the canonical Chinese name, e.g. u"年初预算数"
std::optional<Column> columnFromKey(std::u16string_view key);  // canonical names and synonyms

struct CellPos {
    std::size_t row = 0;
    std::size_t col = 0;
};

// A project table like 表1-6: one row per project, 合计/小计 rows recognised and left out.
struct ProjectTable {
    const Sheet* sheet = nullptr;
    std::map<Column, std::size_t> columns;
    std::vector<std::size_t> rows;      // data rows, in order
    std::vector<std::size_t> totalRows; // 合计 / 小计 rows
};

// A department table like 表1-5: rows found by their label (人员经费, 日常公用经费, 合计, ...).
struct DepartmentTable {
    const Sheet* sheet = nullptr;
    std::map<Column, std::size_t> columns;
    std::map<std::u16string, std::size_t> rowsByLabel;  // normalised label -> row

    // The row of a label, also under the names other tables use (合计/总计, 日常公用经费/公用经费,
    // 人员经费/人员支出).
    std::optional<std::size_t> row(std::u16string_view label) const;
};

// The basic-information sheet: one labelled row per input.
struct BasicInfo {
    const Sheet* sheet = nullptr;
    std::size_t labelCol = 0, valueCol = 0;
    std::optional<std::size_t> unitCol, noteCol;
    std::map<std::u16string, std::size_t> rowsByLabel;  // normalised label -> row
};

// Each finder returns nullopt when no sheet fits; `why` then says what was looked for.
std::optional<ProjectTable> findProjectTable(const Workbook& wb, Message& why);
std::optional<DepartmentTable> findDepartmentTable(const Workbook& wb, Message& why);
std::optional<BasicInfo> findBasicInfo(const Workbook& wb, Message& why);

// The data tables checked against themselves: 年初预算数 + 调整金额 = 调整后预算数 on every row
// that has the three, and each 合计 row of the project table equal to the sum of the projects.
// Returns one sentence per disagreement; empty when the tables agree or are absent.
Problems dataConsistency(const Workbook& wb);

// True for labels of total rows: 合计, 小计, 总计 (with anything around them, e.g. 基本支出小计).
bool isTotalLabel(std::u16string_view normalized);

}  // namespace jixiao
