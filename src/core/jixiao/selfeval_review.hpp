// Jixiao core: the review (复核) of filled national 项目支出绩效自评表 forms — ours (planSelfEval) or
// typed by hand. Every form is found by its title (项目支出绩效自评表 in its first rows) and read by
// its header TEXT (the funds header 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 and the
// indicator header 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施),
// never by fixed positions. Each printed figure is recomputed by the national rules and reported as
// a Finding (一致 / 不一致 / 需人工判断, with a one-sentence Chinese explanation):
// - 执行率 = 全年执行数 ÷ 全年预算数, and its score ROUND(MIN(执行率, 1) × 10, 2) — with the usual slips
//   named (年初预算数 as the divisor, no cap at 100%, rounded to an integer or truncated);
// - the funds block: 其中各项 (当年财政拨款 / 上年结转资金 / 其他资金) against 年度资金总额;
// - every indicator by indicatorScore (in proportion when missed); 定性 rows are 需人工判断 within
//   [0, 分值]; a missed target needs its 偏差原因分析及改进措施;
// - 总分 against the sum of the printed scores and of the recomputed ones; the weights (10 + Σ 分值 = 100).
// The result is a static 复核结果 table (SheetPlan). Pure C++; nothing is thrown out of reviewSelfEval.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/checker.hpp"
#include "jixiao/filler.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao {

// One form found and reviewed (0-based rows and columns of its sheet).
struct ReviewedForm {
    std::u16string sheet, project;
    std::size_t titleRow = 0;
    std::size_t fundsHeaderRow = 0;
    std::size_t fundsRow = 0;              // 年度资金总额
    std::size_t indicatorHeaderRow = 0;
    std::optional<std::size_t> totalRow;   // 总分 (nullopt: the form has none)
    std::size_t scoreCol = 0;              // the indicators' 得分 column
    std::size_t indicators = 0;            // indicator rows read
    std::optional<double> printedTotal;    // 总分 as printed
    double recomputedTotal = 0.0;          // the rules' sum (printed score where no rule computes one)
    std::size_t firstFinding = 0, endFinding = 0;  // its findings: [firstFinding, endFinding)
    std::size_t agree = 0, differ = 0, judgment = 0;
};

// How a finding is shown in 复核结果 (parallel to SelfEvalReview::findings).
struct ReviewRow {
    std::size_t form = 0;      // index into forms
    std::u16string item;       // 检查项: the subject without the project, e.g. 预算执行率
    std::u16string format;     // of 表中数 / 复核数: 0.00 or 0.00%
};

struct SelfEvalReview {
    Problems problems;                  // forms that cannot be read at all (each names sheet + cell); others are still reviewed
    std::vector<ReviewedForm> forms;
    std::vector<Finding> findings;      // in form order; subject starts with the project (「项目」预算执行率)
    std::vector<ReviewRow> rows;        // parallel to findings
    std::u16string resultSheet;         // 复核结果 (or a unique name when a sheet of that name was not written by the review)
    std::vector<std::u16string> replaceSheets;  // an earlier 复核结果 written by the review, to replace
    SheetPlan result;                   // the 复核结果 table (static values)
    std::size_t agree = 0, differ = 0, judgment = 0;  // findings per verdict
};

struct ReviewNames {
    static constexpr std::u16string_view result = u"复核结果";
    // The footnote (column A) of the 复核结果 sheet: how a rerun knows the sheet it wrote.
    static constexpr std::u16string_view footnote = u"注：本表由 Jixiao 复核项目支出绩效自评表生成";
};

// True when the workbook holds at least one filled 自评表: a sheet whose title cell in its first
// rows is 项目支出绩效自评表 and that has the funds header and the indicator header.
bool hasSelfEvalForms(const Workbook& wb);

// Reviews every form of the workbook. Never throws.
SelfEvalReview reviewSelfEval(const Workbook& wb);

// Whether a sheet carries a 项目支出绩效自评表 title in its first rows (a form, filled or not; also
// 部门预算项目支出绩效自评表（2023年度）): what the review looks for, and what the 附件1 fill never takes for
// a 绩效目标表.
bool hasSelfEvalTitle(const Sheet& s);

// Whether a sheet is a 复核结果 the review wrote (its column-A footnote).
bool isGeneratedReviewSheet(const Sheet& s);

// One line for the user: how many forms, and the findings per verdict (or why nothing was reviewed).
Message reviewSummary(const SelfEvalReview& review);

}  // namespace jixiao
