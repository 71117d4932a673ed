// Jixiao core: the department's 绩效目标表 — its annual targets as a table (一级/二级/三级指标, 子项,
// 指标值, 度量单位, 实际完成值, 分值, 评分方法, 完成等级, 得分比例, 超额扣减, 偏差原因 …), read into
// indicators of the system: one third-level indicator per row (rows sharing a 三级指标 with a 子项
// each become its sub-criteria), each scored by INDICATOR_SCORE over the row's own cells, so the
// scores stay live. docs/targets-table.md describes the table.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/indicators.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao {

enum class TargetColumn {
    Level1, Level2, Level3, Sub, Target, Unit, Actual, Weight, Method, Grade, Ratio, Cut, Waive, Reason,
    Explanation, Standard, Basis, Formula, Expert, Readings, Note,
    Bands  // 定性分档: optional, not in a new 绩效目标表 (targetColumns)
};

// The header names of each column (the first is canonical; the others are accepted synonyms).
const std::vector<std::u16string_view>& targetColumnNames(TargetColumn c);
// Every column, in the order a new 绩效目标表 shows them.
const std::vector<TargetColumn>& targetColumns();

struct TargetTable {
    const Sheet* sheet = nullptr;
    std::size_t headerRow = 0;
    std::map<TargetColumn, std::size_t> columns;
};

// A sheet whose header row (within the first 12 rows) has 三级指标, 指标值, 实际完成值 and 分值.
std::optional<TargetTable> findTargetTable(const Workbook& wb);

// The table's rows as indicators (in table order). Problems — each naming the sheet and cell: a
// 指标值 that cannot be read, a missing or unreadable 分值 / 实际完成值, a 定性 row without 完成等级 or
// 得分比例, a first row without 一级/二级指标 — are appended to `problems`.
std::vector<Indicator> readTargets(const TargetTable& table, Problems& problems);

// True for a header text that names a column of the 绩效目标表's required set (used so that the
// indicator-sheet finder never takes a 绩效目标表 for a 指标体系).
bool isTargetValueHeader(std::u16string_view normalizedHeader);

}  // namespace jixiao
