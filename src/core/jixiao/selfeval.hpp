// Jixiao core: the national 项目支出绩效自评表 (财预〔2020〕10号《项目支出绩效评价管理办法》, its annex) —
// one form per project, filled from two input sheets found by their header text:
// - a project funds sheet, one row per project: 项目名称, 年初预算数, 全年预算数, 全年执行数 (optional:
//   主管部门, 实施单位, 年度总体目标, 实际完成情况);
// - a performance-indicator sheet, one row per indicator: 项目名称, 一级指标, 二级指标, 三级指标, 指标值
//   (or 年度指标值), 实际完成值, 分值 (optional: 度量单位, 完成等级, 得分比例, 偏差原因 (or
//   偏差原因分析及改进措施), 自评得分). A blank 项目名称 / 一级指标 / 二级指标 continues the row above.
// planSelfEval reads them and returns what to write: one 自评表 sheet per project and a 自评汇总 sheet,
// every 得分 a live formula over the input cells (INDICATOR_SCORE, EXECUTION_RATE) rounded to 0.01.
// Pure C++; formulas in Calc's API syntax, like planFill's.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/filler.hpp"
#include "jixiao/target.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao {

enum class FundsColumn { Name, Department, Unit, Initial, Budget, Actual, Goal, Achieved };
enum class SelfEvalColumn { Project, Level1, Level2, Level3, Target, Unit, Actual, Weight, Grade, Ratio, Reason, SelfScore,
                            Bands /* 定性分档, optional */ };

// The header names of each column (the first is canonical; the others are accepted synonyms).
const std::vector<std::u16string_view>& fundsColumnNames(FundsColumn c);
const std::vector<std::u16string_view>& selfEvalColumnNames(SelfEvalColumn c);

struct FundsTable {
    const Sheet* sheet = nullptr;
    std::size_t headerRow = 0;
    std::map<FundsColumn, std::size_t> columns;
};

struct SelfEvalIndicatorTable {
    const Sheet* sheet = nullptr;
    std::size_t headerRow = 0;
    std::map<SelfEvalColumn, std::size_t> columns;
};

// The sheets, found by a header row (within the first 12 rows) naming the required columns.
// nullopt when none fits; `why` then says what was looked for (and, when a sheet comes close, which
// of its columns are missing).
std::optional<FundsTable> findFundsTable(const Workbook& wb, Message& why);
std::optional<SelfEvalIndicatorTable> findSelfEvalIndicatorTable(const Workbook& wb, Message& why);

// One indicator row of a project.
struct SelfEvalIndicator {
    std::size_t row = 0;  // in the indicator sheet
    std::u16string level1, level2, level3;
    Target target;
    double weight = 0.0;
    std::u16string grade;         // 完成等级 as written
    std::optional<double> ratio;  // 得分比例
    QualitativeBands bands;       // 定性分档 (national when the column is absent or the cell blank)
    std::u16string reason;        // 偏差原因
    bool qualitative() const { return target.kind == TargetKind::Qualitative; }
    bool pending() const { return qualitative() && grade.empty() && !ratio; }  // 定性得分待评价
    std::optional<double> score;  // the score by the rules as the cells stand; nullopt while pending
};

// A 资金来源 sub-row of a project in the funds sheet: a row right under the project's whose 项目名称
// cell is 其中：当年财政拨款 / 当年财政拨款, 上年结转资金 / 上年结转, or 其他资金 (the form's rows).
struct FundSource {
    std::u16string label;  // canonical: 当年财政拨款, 上年结转资金, 其他资金
    std::size_t row = 0;   // in the funds sheet
    double initial = 0.0, budget = 0.0, actual = 0.0;  // blank cells read as 0
};

// The canonical 资金来源 label of a funds-sheet 项目名称 cell, or nullopt when it names a project.
std::optional<std::u16string> fundSourceLabel(std::u16string_view text);
// The same for a row of a typed form, which may also carry the newer systems' sources (其中：财政资金 /
// 财政专户管理资金 / 单位资金, returned as written): the review adds them up against 年度资金总额 too.
std::optional<std::u16string> typedFormSourceLabel(std::u16string_view text);
inline constexpr std::u16string_view kFundSources[] = {u"当年财政拨款", u"上年结转资金", u"其他资金"};

struct SelfEvalProject {
    std::u16string name;
    std::size_t row = 0;  // in the funds sheet
    double initial = 0.0, budget = 0.0, actual = 0.0;
    std::vector<FundSource> sources;  // the sub-rows under it, in sheet order (none: the form leaves them blank)
    std::vector<SelfEvalIndicator> indicators;
    double unreadWeight = 0.0;  // the 分值 of its indicator rows that could not be read (reported)
    bool unreadRows = false;
};

struct SelfEvalInput {
    FundsTable funds;
    SelfEvalIndicatorTable indicators;
    std::vector<SelfEvalProject> projects;  // in the funds sheet's order
};

// Reads both sheets. Problems — each naming the sheet and cell: a missing sheet or column, an amount
// that is not a number, a 全年预算数 of 0 or less, a project named twice, an indicator row naming a
// project the funds sheet does not have, a 指标值 / 实际完成值 / 分值 / 完成等级 / 得分比例 that cannot be
// read, weights of a project that do not add to 100 (10 for the funds + its indicators) — are
// appended to `problems`.
std::optional<SelfEvalInput> readSelfEval(const Workbook& wb, Problems& problems);

// One planned form.
struct SelfEvalForm {
    std::u16string project;
    std::u16string sheet;
    std::size_t fundsRow = 0;            // the form's 年度资金总额 row
    std::size_t firstIndicatorRow = 0;   // the form's first 绩效指标 row
    std::size_t totalRow = 0;            // the 总分 row
    std::u16string totalCell;            // $'sheet'.$H$n
    std::vector<PlannedScore> scores;    // 执行率 first, then each indicator
    double total = 0.0;                  // the sum of the rounded scores as the cells stand (pending 定性: 0)
};

struct SelfEvalPlan {
    Problems problems;                   // non-empty: write nothing, show these
    std::vector<SheetPlan> sheets;       // the forms in project order, then 自评汇总
    std::vector<SelfEvalForm> forms;
    std::u16string summarySheet;
    std::vector<std::u16string> replaceSheets;  // forms and 自评汇总 of an earlier run (by their footnote)
    Problems attention;                  // what needs attention as the cells stand (the 需关注 column)
};

struct SelfEvalNames {
    static constexpr std::u16string_view summary = u"自评汇总";
    static constexpr std::u16string_view title = u"项目支出绩效自评表";
    // The footnote under every sheet planSelfEval writes (column A): how a later run knows its own
    // sheets (replaced, not duplicated) from forms typed by hand (kept, and reviewed by the check).
    static constexpr std::u16string_view footnote = u"注：本表由 Jixiao 根据";
};

// Whether a sheet is one planSelfEval wrote (its column-A footnote).
bool isGeneratedSelfEvalSheet(const Sheet& s);

// The form's columns (0-based): A 标签, B 一级指标, C 二级指标 / 年初预算数, D 三级指标 / 全年预算数,
// E 年度指标值 / 全年执行数, F 实际完成值 / 分值, G 分值 / 执行率, H 得分, I 偏差原因分析及改进措施.
struct SelfEvalLayout {
    static constexpr std::size_t scoreCol = 7;
    static constexpr std::size_t weightCol = 6;  // indicator rows
    static constexpr std::size_t reasonCol = 8;
};

SelfEvalPlan planSelfEval(const Workbook& wb);

// A sheet name Calc accepts, made from `name`: []*?:/\ replaced by ＿, no ' at either end, at most
// 31 characters, not empty, and not in `taken` (then " (2)", " (3)" … within the 31).
std::u16string safeSheetName(std::u16string_view name, const std::vector<std::u16string>& taken);

}  // namespace jixiao
