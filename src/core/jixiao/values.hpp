// Jixiao core: values as they arrive from a spreadsheet, and the one policy that reads them.
// Pure C++ (no UNO). Text is UTF-16 (char16_t), which is what Calc hands over, so an adapter can
// pass views into its own strings without copying.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/message.hpp"

namespace jixiao {

// Every invalid input is reported by throwing RuleError with a message that names what is wrong.
// Adapters convert it (Calc: IllegalArgumentException -> Err:502; the fill: a line of its message,
// in the UI language); nothing else is thrown on purpose. what() is the Chinese text.
class RuleError : public std::runtime_error {
public:
    explicit RuleError(Message m) : std::runtime_error(m.text(Lang::Zh)), message_(std::move(m)) {}
    const Message& message() const { return message_; }

private:
    Message message_;
};

// One cell of a range argument. `text` views memory owned by the caller.
struct CellView {
    enum class Kind : unsigned char { Empty, Number, Text };
    Kind kind = Kind::Empty;
    double number = 0.0;
    std::u16string_view text;

    static CellView empty() { return {}; }
    static CellView num(double v) { return {Kind::Number, v, {}}; }
    static CellView str(std::u16string_view s) { return {Kind::Text, 0.0, s}; }
};

// A rectangular range, row-major.
struct RangeView {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<CellView> cells;

    std::size_t size() const { return cells.size(); }
    const CellView& at(std::size_t r, std::size_t c) const { return cells[r * cols + c]; }
};

// ---- text helpers (UTF-16) ----

// Strips ASCII white space, NBSP (U+00A0) and the ideographic space (U+3000) at both ends.
std::u16string_view trim(std::u16string_view s);

// True if `s` equals `ascii` ignoring ASCII case (`ascii` must be plain ASCII).
bool equalsAsciiNoCase(std::u16string_view s, std::string_view ascii);

std::u16string fromUtf8(std::string_view utf8);
std::string toUtf8(std::u16string_view s);

// Reads numeric text as exported tables carry it: "1,234.56", "12.5%" (= 0.125), "-3.4", "+2",
// "(1,234.56)" (accounting negative), "1.2E3"; full-width digits and signs ("１２３．４５", "％")
// are accepted. A lone dash ("-", "—", "－", "–") or slash ("/") means zero.
// Returns nullopt when the text is not a number, or is blank.
std::optional<double> parseNumber(std::u16string_view text);

// True if the text is empty or only white space.
bool isBlankText(std::u16string_view text);

// The one reader of yes/no answers (flags, checklist marks, 适用条件, 免于超额扣减 …):
// yes: 是 有 存在 适用 真 TRUE Y YES 1 √ ✓ ✔; no: 否 无 不存在 不适用 假 FALSE N NO 0 × ✗ ✘ (ASCII words
// in any case, surrounding white space ignored); a number: 0 -> no, any other finite number -> yes.
// nullopt for a blank cell, a non-finite number, or text that is no yes/no answer.
std::optional<bool> yesNo(const CellView& cell);

// ---- naming arguments in messages ----

// How a message names an argument: in Chinese by its meaning with the function's argument name in
// brackets (分值（weight）), in English by the argument name (weight). `zh` is the Chinese name; when
// it is empty, the usual Chinese name of the argument (the names of the Calc functions' arguments)
// is used, or the bare name if there is none. A name that is not ASCII is already a description
// (e.g. 绩效目标表 E5) and is used as it is in both languages.
Message argLabel(std::string_view argName, std::string_view zh = {});

// ---- the range policy ----

enum class Blanks {
    AsZero,  // blank cells count as 0 (amounts)
    Skip     // blank cells are left out (e.g. monthly rates not yet reported)
};

// Reads every cell of `range` as a number under the policy: numbers as they are; numeric text
// parsed (see parseNumber); blank, "-", "—", "－", "/" = 0 (blank cells left out with Blanks::Skip);
// any other text is an error naming `argName` and the cell's position in the range.
std::vector<double> numbersOf(const RangeView& range, std::string_view argName,
                              Blanks blanks = Blanks::AsZero);

// Reads one cell under the same policy; nullopt for a blank cell.
std::optional<double> numberOf(const CellView& cell, std::string_view argName, std::size_t index);

// Throws unless both ranges hold the same number of cells.
void requireSameSize(const RangeView& a, std::string_view aName, const RangeView& b,
                     std::string_view bName);
// The same for two lists of `aCount` and `bCount` values.
void requireSameCount(std::size_t aCount, std::string_view aName, std::size_t bCount, std::string_view bName);

// ---- numbers ----

// Comparisons that absorb the float noise exported tables carry (0.0900000762939453 for 9%):
// a relative tolerance of 1e-6, with an absolute floor of 1e-9.
bool approxGE(double a, double b);
bool approxLE(double a, double b);
bool approxEqual(double a, double b);

// Rounds half away from zero to `digits` decimals, after absorbing binary noise
// (2.675 -> 2.68, as a person rounding the printed figure would).
double roundHalfUp(double x, int digits);

// A number as the shortest text that reads back the same within `digits` significant digits
// ("4", "0.58", "13354.78"): for messages, formulas and labels.
std::string numberText(double x, int digits = 15);
std::u16string numberText16(double x, int digits = 15);

// Throws RuleError unless `x` is finite; the message names the argument as argLabel(argName, zh).
double requireFinite(double x, std::string_view argName, std::string_view zh = {});

}  // namespace jixiao
