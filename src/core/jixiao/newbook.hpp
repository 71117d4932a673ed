// Jixiao core: starting a department that is not the seed. planNewWorkbook plans the workbook a
// department fills in — every input sheet Jixiao reads, headed as the finders recognise them, the
// basic-information rows derived from the inputs the built-in indicator system reads (never a list
// kept by hand), an empty 绩效目标表 and the default 指标体系 to edit. planBlankAppendix plans a blank
// 附件1 from a workbook's own system (指标体系 + 绩效目标表), laid out by the fill itself, for the fill
// to fill in place later. Pure C++.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "jixiao/filler.hpp"
#include "jixiao/indicators.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao {

// One basic-information input an indicator system reads (a 【标签】 of its templates, an 适用条件).
struct SystemInput {
    enum class Kind { Number, Text, Condition, Judgment, Level };
    std::u16string label;
    Kind kind = Kind::Number;
    std::u16string unit;                 // 单位 for the sheet: 万元, %, 家, 判定, 等级, 是/否 … (may be empty)
    std::u16string category;             // 类别 for the sheet (适用条件, 评价人判断, the 二级指标 …)
    std::u16string hint;                 // 填写说明: what to type and which indicators read it (Chinese)
    std::vector<std::u16string> usedBy;  // names of the indicators that read it, in system order
    bool quotesNote = false;             // 【标签|说明】: its 来源及说明 is quoted in 专家意见
};

// Everything an indicator system reads from a workbook, in the order it first reads it (so the
// labels of one 【合并(…)】 come out as consecutive rows, which the fill reads as one range).
struct SystemInputs {
    std::vector<SystemInput> labels;
    std::vector<std::u16string> departmentRows;     // 部门.ROW.… as written (合计, 日常公用经费 …)
    std::vector<std::u16string> departmentColumns;  // 部门.….COL
    std::vector<std::u16string> projectColumns;     // 项目.COL
};

// The inputs of a system: its 计分公式, 其他口径 and 专家意见 templates (sub-criteria too) and its 适用条件.
SystemInputs systemInputs(const IndicatorSystem& sys);

// The rows of a new workbook's 基础信息: the two labels the fill reads for the 附件1 heading (被评价部门,
// 评价机构), then the inputs of the built-in default.
SystemInputs newWorkbookInputs();

// Names of the sheets of a new workbook.
struct NewbookNames {
    static constexpr std::u16string_view projects = u"表1-6 项目支出";
    static constexpr std::u16string_view departments = u"表1-5 部门支出";
    static constexpr std::u16string_view basic = u"基础信息";
    static constexpr std::u16string_view targets = u"绩效目标表";
};

// The workbook of a new department, as sheets to write into an empty document (in order; targetSheet
// is the first). Values are empty; totals are SUM formulas. `problems` is non-empty only when the
// built-in default cannot be read.
FillPlan planNewWorkbook();

// A blank 附件1 for the workbook: the fill's own 附件1 layout (levels and weights, 指标说明, 评分标准,
// 评分依据) over the workbook's system, with 评分, 专家意见 and the total left empty — the fill writes
// them in place later — and 得分率, subtotals and 评价等级 blank until there are scores. Weights are
// the stated ones, moved as the fill moves them where an 适用条件 is already answered in 基础信息.
// Problems (the system or the 绩效目标表 cannot be read, weights do not add up, the workbook already
// has a 附件1) leave the plan empty. 实际完成值 not yet typed do not matter.
FillPlan planBlankAppendix(const Workbook& wb);

// The labels as a Markdown table (项目 | 单位 | 类别 | 读取的指标), for the user's guide.
std::string basicInfoLabelsMarkdown(const SystemInputs& inputs);

}  // namespace jixiao
