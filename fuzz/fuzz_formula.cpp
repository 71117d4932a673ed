// The formula reader (jixiao/formula.hpp) and the portable translation (jixiao/portable.hpp) over
// arbitrary formula text, as a user's cell may hold it. Input: the first line is the formula ("@"
// stands for ORG.JIXIAO.FUNCTIONS., so the fuzzer meets Jixiao calls), the rest a grid of sheets
// (fuzz_common.hpp: sheets by \f, rows by \n, cells by \t) the translation reads. A RuleError is an
// answer; a crash, a sanitizer report, any other exception, a Jixiao call left in the portable
// form, or a translated formula longer than Excel's limit is a bug.
#include <cstdlib>
#include <map>

#include "fuzz_common.hpp"
#include "jixiao/formula.hpp"
#include "jixiao/portable.hpp"

namespace {

std::u16string expand(std::u16string_view s) {
    std::u16string out;
    for (char16_t c : s) {
        if (c == u'@')
            out += u"ORG.JIXIAO.FUNCTIONS.";
        else
            out += c;
    }
    return out;
}

void require(bool ok) {
    if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1 || size > 20000) return 0;
    std::string_view in = fuzz::bytes(data + 1, size - 1);
    const size_t nl = in.find('\n');
    std::u16string text = expand(fuzz::utf8Text(in.substr(0, nl)));
    if (text.empty() || text[0] != u'=') text.insert(text.begin(), u'=');
    jixiao::Workbook wb = fuzz::workbookOf(nl == std::string_view::npos ? std::string_view{} : in.substr(nl + 1));
    if (wb.sheets.empty()) wb.sheets.emplace_back().name = u"数据";
    const jixiao::formula::Position at{wb.sheets[data[0] % wb.sheets.size()].name, static_cast<size_t>(data[0] >> 3),
                                       static_cast<size_t>(data[0] & 7)};
    try {
        // the reader alone
        for (const auto& ref : jixiao::formula::references(text, at)) require(ref.begin <= ref.end && ref.end <= text.size());
        (void)jixiao::formula::absolutized(text, at);
        (void)jixiao::formula::asReference(text, at);
        (void)jixiao::formula::asLiteral(text);
        (void)jixiao::formula::asInlineArray(text);
        (void)jixiao::formula::quoted(text);
        for (size_t from = 0, n = 0; n < 64;) {
            auto call = jixiao::formula::nextCall(text, from, [](std::u16string_view) { return true; });
            if (!call) break;
            require(call->begin < call->open && call->open < call->close && call->close < text.size());
            for (const auto& [b, e] : call->args) require(b <= e && e <= call->close);
            from = call->open + 1;
            ++n;
        }
        // the translation, with every expression it asks for "evaluated" to a value of the grid
        std::map<std::u16string, jixiao::Cell> evaluated;
        size_t k = 0;
        for (const std::u16string& e : jixiao::portable::evaluations(text, at)) {
            jixiao::Cell v = k % 3 == 0 ? jixiao::Cell::num(static_cast<double>(k) / 4)
                           : k % 3 == 1 ? jixiao::Cell::str(u"#N/A")
                                        : jixiao::Cell::str(e);
            evaluated.emplace(e, v);
            ++k;
        }
        jixiao::portable::Context ctx(wb, evaluated, u"计算底稿", 0);
        const std::u16string out = jixiao::portable::translate(text, at, ctx);
        if (jixiao::portable::callsJixiao(text)) {
            require(!jixiao::portable::callsJixiao(out));
            require(out.size() <= jixiao::portable::kMaxFormulaLength);
        }
        for (const auto& h : ctx.helperCells()) require(h.formula.empty() || !jixiao::portable::callsJixiao(h.formula));
    } catch (const jixiao::RuleError&) {
    }
    return 0;
}
