// Jixiao core: reading a formula as Calc's API hands it over (XCell::getFormula: English function
// names, ';' between arguments, references such as $'表1-5 部门支出'.$G$11, B3:B20, Sheet1.A1) —
// enough to find the calls of one function family, split their arguments and read or rewrite the
// references in them. Text in string literals is never taken for a reference or a call. Pure C++.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::formula {

// Where a formula lives: the sheet and cell its relative references are relative to.
struct Position {
    std::u16string sheet;
    std::size_t row = 0;
    std::size_t col = 0;
};

// A reference resolved against a Position: one sheet, rows/columns inclusive (0-based).
struct Area {
    std::u16string sheet;
    std::size_t row0 = 0, col0 = 0, row1 = 0, col1 = 0;
    std::size_t rows() const { return row1 - row0 + 1; }
    std::size_t cols() const { return col1 - col0 + 1; }
};

// One reference found in a formula: its text span and the area it names.
struct Reference {
    std::size_t begin = 0, end = 0;  // [begin, end) in the formula text
    Area area;
};

// Every cell or range reference outside string literals, in order. A name that is no reference
// (a function, a named range, TRUE) is not reported.
std::vector<Reference> references(std::u16string_view text, const Position& at);

// The text with every reference made absolute and sheet-qualified ($'Sheet'.$C$5:$D$9), so that it
// means the same written in any cell of any sheet.
std::u16string absolutized(std::u16string_view text, const Position& at);

// The area when the (trimmed) text is exactly one reference; nullopt otherwise.
std::optional<Area> asReference(std::u16string_view text, const Position& at);

// The absolute text of an area ($'Sheet'.$C$5 or $'Sheet'.$C$5:$D$9).
std::u16string areaText(const Area& a);

// One function call found in a formula.
struct Call {
    std::size_t begin = 0;       // first character of the name
    std::size_t open = 0;        // the '('
    std::size_t close = 0;       // the matching ')'
    std::u16string name;         // as written
    std::vector<std::pair<std::size_t, std::size_t>> args;  // [begin, end) of each argument (trimmed
                                                            // of nothing: as written); none for f()
};

// The first call at or after `from` (outside strings) whose name `wanted` accepts; nested calls
// inside a call that is not wanted are found too. nullopt when there is none or the parentheses do
// not match.
std::optional<Call> nextCall(std::u16string_view text, std::size_t from,
                             const std::function<bool(std::u16string_view)>& wanted);

// A literal argument: a number (1, -0.5, 1E-9), a string ("比例", with "" inside), TRUE()/FALSE()
// or TRUE/FALSE. nullopt for anything else.
struct Literal {
    enum class Kind { Number, Text, Bool } kind = Kind::Number;
    double number = 0.0;  // also 1/0 for a Bool
    std::u16string text;
};
std::optional<Literal> asLiteral(std::u16string_view text);

// An inline array of literals ({1;2;3} one row, {1|2|3} one column in Calc's API syntax, or
// {1;2|3;4}): rows of literals; nullopt if the text is no such array.
std::optional<std::vector<std::vector<Literal>>> asInlineArray(std::u16string_view text);

// A string literal for a formula ("a""b").
std::u16string quoted(std::u16string_view s);

}  // namespace jixiao::formula
