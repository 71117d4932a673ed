// The range-cell and number readers: parseNumber, the range policy (numbersOf), yes/no words, the
// header normalizer and the 其他口径 reader, over arbitrary text. A RuleError is an answer; any crash,
// sanitizer report or other exception is a bug.
#include "fuzz_common.hpp"
#include "jixiao/indicators.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in = fuzz::bytes(data, size);
    for (const std::u16string& text : {fuzz::utf8Text(in), fuzz::rawText(in)}) {
        (void)jixiao::parseNumber(text);
        (void)jixiao::isBlankText(text);
        (void)jixiao::trim(text);
        (void)jixiao::normalizeLabel(text);
        (void)jixiao::parseReadings(text);
        (void)jixiao::toUtf8(text);
        try {
            (void)jixiao::yesNo(jixiao::CellView::str(text));
        } catch (const jixiao::RuleError&) {
        }
    }
    // the same text as a range of cells, one per line (mixed with numbers)
    std::vector<std::u16string> texts;
    for (std::string_view line : fuzz::split(in, '\n')) texts.push_back(jixiao::fromUtf8(line));
    jixiao::RangeView range;
    range.rows = texts.size();
    range.cols = 1;
    for (size_t i = 0; i < texts.size(); ++i)
        range.cells.push_back(i % 3 == 2 ? jixiao::CellView::num(static_cast<double>(i)) : jixiao::CellView::str(texts[i]));
    try {
        (void)jixiao::numbersOf(range, "range");
    } catch (const jixiao::RuleError&) {
    }
    return 0;
}
