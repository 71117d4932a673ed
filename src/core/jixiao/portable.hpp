// Jixiao core: the portable form of a workbook — every Jixiao call in a formula replaced by an
// equivalent formula in plain spreadsheet functions (IF, MIN, MAX, ABS, SUM, SUMPRODUCT, AVERAGE,
// COUNT, COUNTIF, NA; nothing newer than Excel 2010), so that Excel and WPS recalculate it without
// the add-in.
//
// Each function's portable generator sits beside its rule's readers: numbers stay live (the
// formula still refers to the cells it read, so a changed figure changes the score); what the rule
// decides from text (a 指标值 "≥95%", a method "比例", a grade, a band table, yes/no marks, numeric
// text such as "1,234.56" or "-") is read with the same core readers at conversion time and written
// as numbers into 计算底稿 cells that the formula reads, each with the original cell named beside it.
// A call the rule refuses with the values it has now becomes NA() and a note.
//
// The adapter's part: list the expressions `evaluations()` asks for, evaluate them in the office
// (with the add-in), then `translate()` each formula, write the helper cells and the notes.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/formula.hpp"
#include "jixiao/message.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao::portable {

// The longest formula Excel accepts (characters) and the longest this translation writes into one
// cell; a longer result has its Jixiao calls moved into 计算底稿 cells.
constexpr std::size_t kMaxFormulaLength = 8192;

// True for a Jixiao call's name as a formula holds it: ORG.JIXIAO.FUNCTIONS.<function> (any case).
bool isJixiaoCall(std::u16string_view name);
// True if the formula text calls a Jixiao function (outside strings).
bool callsJixiao(std::u16string_view formula);

// The argument expressions of the formula's Jixiao calls whose value the translation needs and
// cannot read from the workbook itself (neither a literal nor a plain reference), absolutized (see
// formula::absolutized): evaluate each in any cell and pass the results to the Context.
std::vector<std::u16string> evaluations(std::u16string_view formula, const formula::Position& at);

// A cell the translation writes into the helper sheet.
struct HelperCell {
    std::size_t row = 0, col = 0;
    Cell value;                 // a number or text
    std::u16string formula;     // or a formula (starting with '='), when not empty
};

// A call that could not be converted (written as NA()), or a formula left as it was.
struct Note {
    formula::Position at;
    Message text;
};

class Context {
public:
    // `wb`: the workbook's values (formula cells as their results, error cells as the text they
    // show). `evaluated`: each expression of evaluations() -> its value (an error as its text,
    // e.g. "#N/A", "Err:502"). The helper cells go into sheet `helperSheet` from column `firstCol` on.
    Context(const Workbook& wb, std::map<std::u16string, Cell> evaluated, std::u16string helperSheet,
            std::size_t firstCol);

    const std::u16string& helperSheet() const { return helperSheet_; }
    const std::vector<HelperCell>& helperCells() const { return cells_; }
    const std::vector<Note>& notes() const { return notes_; }

    // ---- used by the translation ----
    const Workbook& workbook() const { return wb_; }
    // The value of an expression of evaluations(), or nullptr.
    const Cell* evaluated(const std::u16string& absoluteExpr) const;
    // A block of helper cells: a header above `rows` × `cols` cells, and in the column after them
    // one label per row (the original cell's name). Returns the area of the cells (not the header).
    // Cells are given row-major; each is a value or a formula.
    formula::Area addBlock(std::u16string_view header, std::size_t rows, std::size_t cols,
                           const std::vector<HelperCell>& cells, const std::vector<std::u16string>& labels);
    // One number in the helper sheet's list of numbers read from text: what it is, the value (or
    // formula) and the source cell's name. Returns the value's cell.
    formula::Area addListRow(std::u16string_view what, const HelperCell& value, std::u16string_view source);
    void note(const formula::Position& at, Message text) { notes_.push_back({at, std::move(text)}); }
    // Blocks already written for a key (the same source cells read the same way): reused.
    std::map<std::u16string, formula::Area>& blocks() { return blocks_; }

    // What the context holds at one moment, to go back to when a translation is redone another way
    // (its helper cells and notes dropped).
    struct Savepoint {
        std::size_t cells = 0, notes = 0, nextCol = 0;
        std::map<std::u16string, formula::Area> blocks;
        std::optional<std::pair<std::size_t, std::size_t>> list;
    };
    Savepoint save() const { return {cells_.size(), notes_.size(), nextCol_, blocks_, list_}; }
    void restore(const Savepoint& s);

private:
    const Workbook& wb_;
    std::map<std::u16string, Cell> evaluated_;
    std::u16string helperSheet_;
    std::size_t nextCol_;
    std::vector<HelperCell> cells_;
    std::vector<Note> notes_;
    std::map<std::u16string, formula::Area> blocks_;
    std::optional<std::pair<std::size_t, std::size_t>> list_;  // the list's first column, next row
};

// The formula (starting with '=') with every Jixiao call replaced by its portable form. A formula
// without Jixiao calls comes back as it is. When the result would be longer than kMaxFormulaLength,
// every Jixiao call (nested ones first) goes into a 计算底稿 cell of its own and the formula refers to
// it; when even that is too long (the formula's own text is), the cell gets its current value as a
// constant and a note.
std::u16string translate(std::u16string_view formula, const formula::Position& at, Context& ctx);

// True when the text is an error value as a cell shows it (#N/A, #DIV/0!, #VALUE!, #REF!, #NAME?,
// #NUM!, #NULL!, Err:502 …).
bool isErrorText(std::u16string_view text);

}  // namespace jixiao::portable
