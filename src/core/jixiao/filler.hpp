// Jixiao core: the one-click fill of 附件1 部门整体绩效评价表, decided without a spreadsheet.
// planFill reads the workbook's grids and the indicator system and returns what to write: new
// sheets (附件1, 评价结果 with its chart, 计算底稿, 指标体系), or the cells of an existing 附件1 to fill
// in place. Formulas use Calc's API syntax (English names, ';' separators, $'Sheet'.$A$1).
// When anything is missing, the plan carries every problem and nothing is to be written.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jixiao/indicators.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao {

struct OutCell {
    enum class Kind : unsigned char { Number, Text, Formula };
    Kind kind = Kind::Text;
    double number = 0.0;
    std::u16string text;  // text, or formula starting with '='
    std::u16string format;  // number format code, e.g. u"0.00%"; empty = default
    bool bold = false;
    bool wrap = false;
    bool center = false;
    double height = 0;  // character height in points; 0 = default

    static OutCell num(double v) { return {Kind::Number, v, {}, {}, false, false, false, 0}; }
    static OutCell str(std::u16string s) { return {Kind::Text, 0.0, std::move(s), {}, false, false, false, 0}; }
    static OutCell formula(std::u16string f) { return {Kind::Formula, 0.0, std::move(f), {}, false, false, false, 0}; }
};

struct Merge {
    std::size_t r0, c0, r1, c1;
};

// A formula in (row0, col), copied down `count` rows with its relative references moving
// (written with one setFormula + fillAuto).
struct FormulaRun {
    std::size_t row0, col, count;
    std::u16string formula;
};

struct ChartPlan {
    std::u16string name, title;
    std::size_t r0, c0, r1, c1;  // data block: first column categories, first row series names
    std::size_t anchorRow, anchorCol;
};

struct SheetPlan {
    std::u16string name;
    std::map<std::pair<std::size_t, std::size_t>, OutCell> cells;
    std::vector<Merge> merges;
    std::vector<FormulaRun> runs;
    std::map<std::size_t, long> columnWidths;  // 1/100 mm
    std::optional<ChartPlan> chart;
    std::size_t headerRows = 0;  // rows from the top that are headings (repeated on printed pages)
    bool landscape = false;
    // Rows [first, last] drawn as a bordered table; without it, the rows from the top (from row 2 of a
    // landscape sheet) when the sheet has header rows or is landscape, else none.
    std::optional<std::pair<std::size_t, std::size_t>> bordered;
    bool onePage = false;  // printed on one portrait A4 page (scaled down to fit)

    void put(std::size_t r, std::size_t c, OutCell v) { cells[{r, c}] = std::move(v); }
};

struct CellWrite {
    std::u16string sheet;
    std::size_t row, col;
    OutCell value;
};

// One indicator's outcome, for messages, the CLI and the cross-check.
struct PlannedScore {
    std::u16string name;
    double weight = 0.0;        // effective weight
    bool applicable = true;
    std::u16string formula;     // the 评分 cell formula
    std::u16string sheet;       // where it is written
    std::size_t row = 0, col = 0;
};

struct FillPlan {
    Problems problems;  // non-empty: write nothing, show these
    std::vector<SheetPlan> sheets;      // new sheets, in order (replacing same-named generated sheets)
    std::vector<CellWrite> writes;      // fill-in-place writes into an existing 附件1
    std::vector<std::u16string> replaceSheets;  // generated sheets from an earlier fill to remove first
    std::vector<PlannedScore> scores;
    bool inPlace = false;
    std::u16string targetSheet;         // 附件1 sheet written or filled
    std::u16string totalCell;           // address of the total score ($'附件1'.$I$33)
    std::u16string gradeCell;
    Problems notes;     // informational (which sheets were used)
};

// Names of the sheets the fill generates.
struct FillNames {
    static constexpr std::u16string_view appendix = u"附件1";
    static constexpr std::u16string_view summary = u"评价结果";
    static constexpr std::u16string_view workings = u"计算底稿";
    static constexpr std::u16string_view indicators = u"指标体系";
};

// `knownFunctions`: the office's own function names (upper case; Calc's built-ins and installed
// add-ins), to name a template's unknown function before a #NAME? is written; empty = not checked.
FillPlan planFill(const Workbook& wb, const std::set<std::u16string>& knownFunctions = {});

// True for the 是/TRUE/Y/1 answers of a yes/no input.
bool isYes(const Cell& c);

}  // namespace jixiao
