// Jixiao core, internal: resolving formula and text templates (【分值】, 【label】, 【部门.行.列】,
// 【项目.列】, 【合并(a;b;…)】, 【=expression|格式】) against a workbook's data sheets, for the fill and the
// cross-check. The Resolver looks sheets up only when a template needs them, stacks non-contiguous
// cells into a helper sheet, and collects one problem line per missing thing (every place that needs
// it added to that line). A caller trying a template it may discard takes a checkpoint first and
// rolls back to it: every problem, every "already reported" mark and the helper sheet return to
// what they were. Not part of the public API.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jixiao/filler.hpp"
#include "jixiao/values.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao::internal {

inline std::string u8(std::u16string_view s) { return toUtf8(s); }

inline std::u16string numText(double x) { return numberText16(x); }

// A Calc string literal: "..." with quotes doubled.
std::u16string quoted(std::u16string_view s);

// Literal text as a formula expression: line breaks as CHAR(10), long runs split (the .xlsx
// format limits a string constant in a formula to 255 characters).
std::u16string textExpr(std::u16string_view s);

struct Addr {
    std::u16string sheet;
    std::size_t row, col;
};

// The position just past the 】 that closes the 【 at `open`, or npos when it is never closed.
std::size_t pastClosingBracket(std::u16string_view t, std::size_t open);

// Splits at top-level separators (outside 【】 and parentheses).
std::vector<std::u16string> splitTop(std::u16string_view s, char16_t sep);

// The number format a label's 单位 shows with: % -> 0.00%, amounts and points -> 0.00, else General.
std::u16string formatForUnit(std::u16string_view unit);

class Resolver {
public:
    // `workingsName`: the helper sheet the stacked ranges go to (计算底稿 / 核对底稿).
    explicit Resolver(const Workbook& wb, std::u16string workingsName = std::u16string(FillNames::workings))
        : wb_(wb), workingsName_(std::move(workingsName)) {}

    // The helper sheet's name; set before any template needs it.
    void setWorkingsName(std::u16string name) { workingsName_ = std::move(name); }

    // The data sheets, found by their content; a missing one is a problem, and `where` (when given)
    // is added to it as a place that needs it.
    const ProjectTable* project(const Message& where = {});
    const DepartmentTable* department(const Message& where = {});
    const BasicInfo* basic(const Message& where = {});

    // A basic-information label's 数值 cell; missing: a problem saying where `where` needs it.
    std::optional<Addr> label(std::u16string_view name, const Message& where);
    bool hasLabel(std::u16string_view name);
    const Cell* labelValue(std::u16string_view name);  // nullptr when there is no such label
    std::u16string labelUnit(std::u16string_view name);
    std::u16string labelNote(std::u16string_view name);  // its 来源及说明 text, or empty
    // A label's 来源及说明 cell (【label|说明】).
    std::optional<Addr> note(std::u16string_view name, const Message& where);
    // 部门.ROW.COL
    std::optional<Addr> departmentCell(std::u16string_view row, std::u16string_view col, const Message& where);
    // 项目.COL: every project row's cell in that column.
    std::optional<std::vector<Addr>> projectColumn(std::u16string_view col, const Message& where);
    // One reference token (no brackets): label, 部门.ROW.COL or 项目.COL -> addresses.
    std::optional<std::vector<Addr>> refs(std::u16string_view token, const Message& where);

    // A list of cells as one range: directly when they are one column of consecutive rows,
    // otherwise stacked into a column of the helper sheet.
    std::u16string asRange(const std::vector<Addr>& cells, std::u16string_view description);

    // Expands a formula template: 【分值】, 【label】, 【部门.行.列】, 【项目.列】, 【合并(a;b;…)】.
    std::u16string formula(std::u16string_view tmpl, double weight, const Message& where) {
        return expand(tmpl, weight, where, false);
    }
    // Expands a text template into a formula expression: literal text joined with figures,
    // 【label】 formatted by its unit, 【label|格式】, 【label|说明】, 【=expression|格式】.
    std::u16string text(std::u16string_view tmpl, double weight, const Message& where) {
        return expand(tmpl, weight, where, true);
    }

    // The helper sheet, when some range was stacked into it; nullptr otherwise.
    const SheetPlan* workings() const { return state_.workings ? &*state_.workings : nullptr; }

    // One line per missing thing ("缺少 WHAT：detail；detail"), in the order first met.
    const Problems& problems() const { return state_.problems; }
    void missing(const Message& what, const Message& detail);
    // How many times something was missing (reported or already reported): a template expanded
    // while this grew has a placeholder that resolved to nothing.
    std::size_t misses() const { return state_.misses; }

    // Everything a discarded attempt may change: the problems and what was already reported, the
    // helper sheet and its stacks. rollback(checkpoint()) restores all of it.
    struct Checkpoint {
        std::optional<SheetPlan> workings;
        std::size_t nextWorkingsCol = 0;
        std::map<std::u16string, std::u16string> stacks;  // cells key -> range in the helper sheet
        std::set<std::string> seen;                         // what + detail already reported
        std::map<std::string, std::pair<std::size_t, std::vector<Message>>> lineOf;  // what -> its line, details
        Problems problems;
        std::size_t misses = 0;
    };
    Checkpoint checkpoint() const { return state_; }
    void rollback(Checkpoint saved) { state_ = std::move(saved); }

private:
    template <class T>
    struct Lookup {
        bool tried = false;
        std::optional<T> table;
        Message why;
    };
    template <class T, class Find>
    const T* table(Lookup<T>& l, Find find, const Message& what, const Message& where);

    SheetPlan& workingsSheet();
    // The text in column `col` (单位, 来源及说明) of a label's row, or empty.
    std::u16string labelText(std::u16string_view name, std::optional<std::size_t> BasicInfo::*col);
    std::u16string token(std::u16string_view inner, double weight, const Message& where, bool textMode);
    std::u16string scalar(const Addr& a, const std::u16string& token, const Message& where);
    std::u16string expand(std::u16string_view tmpl, double weight, const Message& where, bool textMode);

    const Workbook& wb_;
    std::u16string workingsName_;
    // the lookups never change their answer: kept across rollbacks (pointers into them stay valid)
    Lookup<ProjectTable> project_;
    Lookup<DepartmentTable> department_;
    Lookup<BasicInfo> basic_;
    Checkpoint state_;
};

}  // namespace jixiao::internal
