// Jixiao core: the cross-check of a consultant's filled 附件1. planCheck reads the printed scores,
// weights and opinions and lists the formulas to evaluate (probes): each indicator under the
// workbook's indicator system, under the printed 评分标准 (the built-in default) and its other
// readings, and every figure an opinion quotes. The office evaluates them; judgeCheck turns the
// values into findings: 一致 / 不一致 / 口径不同 / 需人工判断, each with a one-sentence explanation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jixiao/filler.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao {

enum class Verdict { Agree, Differ, Reading, Judgment };
std::u16string_view verdictText(Verdict v);  // 一致 / 不一致 / 口径不同 / 需人工判断

struct Reading {
    std::u16string name;                 // e.g. 计入年中新增项目、含人员经费和日常公用经费
    std::size_t scoreProbe = 0;
    std::optional<std::size_t> rateProbe;  // the rate behind the score, when the rule has one
};

struct Judgment {
    std::u16string what;    // e.g. 预算编制合理性-2 判定 0.5
    std::u16string reason;  // the stated reason (来源及说明)
};

struct Figure {
    std::u16string anchor;  // the words just before the figure in the opinion template
    std::u16string format;  // number format, e.g. 0.00%
    std::size_t probe = 0;
};

struct CheckItem {
    std::u16string name;
    std::size_t row = 0;                 // row in the checked 附件1
    std::optional<double> printed;       // 评分 as typed
    std::optional<double> printedWeight;
    std::optional<double> printedRate;   // 得分率, when the sheet has the column
    double weight = 0;                   // effective weight under the system
    bool applicable = true;
    std::u16string level1, level2;
    Reading main;                        // the workbook's indicator system
    std::optional<Reading> rule;         // the printed 评分标准 (built-in default), when it differs
    std::vector<Reading> readings;       // other readings of the printed rule
    std::vector<Judgment> judgments;
    std::u16string printedText;          // 专家意见 as typed
    std::u16string printedBasis;         // 评分依据 as typed, when the sheet has the column
    std::vector<Figure> figures;
    // actual/target of each target the rule scores (子项 name, probe): a score printed below the
    // rule's on an over-achieved target is likely an evaluator's cut
    std::vector<std::pair<std::u16string, std::size_t>> targetRatios;
    // the length of the 专家意见 the fill writes for it (its whole formula): an error there is reported
    std::optional<std::size_t> opinionProbe;
};

struct PrintedCell {
    std::u16string label;
    double value = 0;
    std::u16string sheet;
    std::size_t row = 0, col = 0;
};

struct CheckPlan {
    Problems problems;  // non-empty: nothing to check (a message lists them)
    std::u16string appendixSheet;
    std::size_t nameCol = 0, scoreCol = 0, expertCol = 0;
    std::optional<std::size_t> weightCol, rateCol, basisCol;
    std::vector<CheckItem> items;
    std::vector<std::u16string> probes;  // formulas to evaluate, each starting with '='
    std::vector<SheetPlan> workings;     // helper sheets the probes need
    std::vector<std::u16string> replaceSheets;
    std::u16string resultSheet;          // where the findings go (核对结果)
    std::optional<PrintedCell> total;    // the 合计 score as printed
    std::vector<PrintedCell> levelWeights;   // printed 一级/二级 weights (label = level name)
    std::vector<PrintedCell> summaryScores;  // a 表3-1-like summary: 实际得分 by level name / 综合评分
    std::vector<PrintedCell> summaryRates;   // its 得分率
    std::optional<PrintedCell> grade;        // 评价等级 as printed (value unused; text in label)
    std::vector<PrintedCell> appendixSubtotals;  // 附件1's own 二级得分 / 一级得分 columns, by level name
    std::optional<PrintedCell> appendixGrade;    // 附件1's own 评价等级 row
    Problems dataNotes;      // the data tables disagreeing with themselves
};

struct Finding {
    std::u16string subject;  // the indicator, or 合计 / 权重 / 等级 / …
    Verdict verdict = Verdict::Agree;
    std::optional<double> printed, recomputed;
    std::u16string explanation;
    std::optional<PrintedCell> mark;  // the cell of the checked sheet to colour and annotate
    std::optional<std::size_t> probe; // the probe that recomputes `recomputed` (kept live in 核对结果)
};

// Checks the workbook's 附件1 against the system the workbook is scored by (loadIndicatorSystem).
CheckPlan planCheck(const Workbook& wb);
// The same against a system given by the caller (already loaded, or built by a test); the built-in
// default is still the printed rule of the indicators it names.
CheckPlan planCheck(const Workbook& wb, const IndicatorSystem& system);

// probeValues[i] is the value of plan.probes[i] (NaN when the formula gave an error).
std::vector<Finding> judgeCheck(const CheckPlan& plan, const std::vector<double>& probeValues);

// Where the probes go in the result sheet (one column, hidden), and the finished result table.
constexpr std::size_t kProbeColumn = 12;
SheetPlan probeSheet(const CheckPlan& plan);
SheetPlan resultTable(const CheckPlan& plan, const std::vector<Finding>& findings);

}  // namespace jixiao
