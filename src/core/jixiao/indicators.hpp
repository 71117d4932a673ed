// Jixiao core: the indicator system as data — first-, second- and third-level indicators with
// weights, each third-level indicator's scoring formula (or sub-criteria, each with its own), the
// texts of 附件1, and where the weight of a not-applicable indicator goes. It is read from a sheet
// (指标体系) so a finance bureau adapts it without recompiling; the built-in default is the same
// table as TSV (src/core/data/default-indicators.tsv).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jixiao/workbook.hpp"

namespace jixiao {

// Another way evaluators read a rule (其他口径): a name and the formula template it gives.
struct NamedReading {
    std::u16string name;
    std::u16string formula;
};

// Parses 其他口径 text: one reading per line (or separated by ；), "名称：公式模板".
std::vector<NamedReading> parseReadings(std::u16string_view text);

// A judgment an evaluator recorded in the data (a 定性 grade, a 得分比例, a waived or applied
// over-achievement cut): the cross-check lists it as 需人工判断 with its stated reason.
struct StatedJudgment {
    std::u16string what;
    std::u16string reason;
};

struct SubCriterion {
    std::u16string name;     // 子项, e.g. 高企认定数量
    double weight = 0.0;     // 分值
    std::u16string formula;  // 计分公式 template
    std::u16string expert;   // 专家意见 template for this sub-criterion
    std::vector<NamedReading> readings;  // 其他口径 of this sub-criterion
    std::vector<StatedJudgment> stated;  // judgments recorded with it (绩效目标表 rows)
    std::u16string ratioFormula;         // template of actual ÷ target, when it scores a target
    std::size_t sourceRow = 0;
};

struct Indicator {
    std::u16string level1, level2, name;  // 一级 / 二级 / 三级指标
    double level1Weight = 0.0, level2Weight = 0.0;  // as stated in the sheet (before moves)
    double weight = 0.0;                  // 分值 as stated (sum of sub-criteria when there are some)
    std::u16string formula;               // 计分公式 template (when no sub-criteria)
    std::vector<SubCriterion> subs;
    std::u16string condition;             // 适用条件: a basic-information label; blank = always applies
    std::u16string moveTo;                // 不适用时分值转入: a third-level indicator's name
    std::u16string explanation, standard, basis, expert, notApplicableExpert, note;
    std::vector<NamedReading> readings;   // 其他口径 (when no sub-criteria): checked by the cross-check
    std::vector<StatedJudgment> stated;   // judgments recorded with it (when no sub-criteria)
    std::u16string ratioFormula;          // template of actual ÷ target (when no sub-criteria)
    std::u16string sourceSheet;           // the sheet it was read from (指标体系 or 绩效目标表); empty = built-in
    std::size_t sourceRow = 0;            // first row in the indicator sheet
};

struct IndicatorSystem {
    std::vector<Indicator> indicators;  // in sheet order; levels are contiguous groups
    std::u16string sheetName;           // where it was read from (empty for the built-in default)
    bool targetsIncomplete = false;     // no 绩效目标表, or rows of it refused (already reported)

    const Indicator* find(std::u16string_view name) const;
};

// The header names of the indicator sheet, in order (also used to write it).
const std::vector<std::u16string_view>& indicatorColumns();

// Reads the system from a sheet whose header row has 三级指标 and 计分公式 (any order; other
// columns optional). Blank 一级/二级/三级 cells continue the group above (merged cells). Problems
// (unreadable weights, a sub-criterion without a formula, ...) are appended to `problems`.
std::optional<IndicatorSystem> readIndicatorSystem(const Sheet& sheet, Problems& problems);

// Finds the indicator sheet in a workbook (by its header), or nullopt.
const Sheet* findIndicatorSheet(const Workbook& wb);

// The system a workbook is scored by: its 指标体系 sheet (or the built-in default when it has none),
// with the indicators of its 绩效目标表 (when it has one) added under the levels that table names.
// Problems (each naming its sheet, row and column) are appended to `problems`; `builtIn` (when
// given) tells whether the built-in default was used.
std::optional<IndicatorSystem> loadIndicatorSystem(const Workbook& wb, Problems& problems,
                                                   bool* builtIn = nullptr);

// The built-in default as a sheet grid (named 指标体系), parsed from the embedded TSV.
Sheet defaultIndicatorSheet();

// "\n" typed as two characters (as in the TSV) becomes a line break.
std::u16string unescapeLineBreaks(std::u16string_view text);

// Parses TSV text (tab-separated, "\n" inside a cell written as the two characters \ n) into a grid.
Sheet sheetFromTsv(std::u16string_view name, std::string_view tsv);

// Weight checks: every level's stated weight equals the sum of its children, sub-criteria add up to
// their indicator, the first-level weights add up to 100, a move target exists. Returns problems.
Problems checkWeights(const IndicatorSystem& sys);

// The functions a formula template calls (NAME( outside string literals; in 专家意见 texts only
// inside 【=…】), upper-cased, in order of appearance, each once.
std::vector<std::u16string> calledFunctions(std::u16string_view tmpl, bool textTemplate);

// Every function called by the system's 计分公式, 其他口径 and 专家意见 that is neither Jixiao's
// (catalog()) nor in `known` (upper-case names the office offers, e.g. Calc's own): a problem naming
// the indicator, its sheet, row and column. An empty `known` checks nothing (the office's names are
// not known: the office shows #NAME? for a function it lacks).
Problems unknownFunctions(const IndicatorSystem& sys, const std::set<std::u16string>& known);

}  // namespace jixiao
