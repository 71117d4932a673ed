// Shared by the fuzz targets: the fuzzer's bytes as text, cells and workbooks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/values.hpp"
#include "jixiao/workbook.hpp"

namespace fuzz {

inline std::string_view bytes(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Both readings of the bytes: as UTF-8 (invalid sequences included), and as raw UTF-16 code units
// (unpaired surrogates included), so the parsers see every kind of text Calc could hand over.
inline std::u16string utf8Text(std::string_view s) { return jixiao::fromUtf8(s); }
inline std::u16string rawText(std::string_view s) {
    std::u16string out(s.size() / 2, u'\0');
    for (size_t i = 0; i + 1 < s.size(); i += 2)
        out[i / 2] = static_cast<char16_t>(static_cast<unsigned char>(s[i]) | (static_cast<unsigned char>(s[i + 1]) << 8));
    return out;
}

inline std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t p = 0;
    while (true) {
        size_t q = s.find(sep, p);
        out.push_back(s.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p));
        if (q == std::string_view::npos) return out;
        p = q + 1;
    }
}

// A cell: a number when the whole text is one (strtod), else text ("" = empty).
inline jixiao::Cell cellOf(std::string_view t) {
    if (t.empty()) return jixiao::Cell{};
    std::string z(t);
    char* end = nullptr;
    double v = std::strtod(z.c_str(), &end);
    if (end && *end == '\0' && t.size() < 40) return jixiao::Cell::num(v);
    return jixiao::Cell::str(jixiao::fromUtf8(t));
}

// Sheets separated by \f; in each, the first line is its name, then rows by \n and cells by \t.
// Bounded (64 rows × 32 columns × 8 sheets) so one input stays fast.
inline jixiao::Workbook workbookOf(std::string_view s) {
    jixiao::Workbook wb;
    for (std::string_view part : split(s, '\f')) {
        if (wb.sheets.size() == 8) break;
        std::vector<std::string_view> lines = split(part, '\n');
        jixiao::Sheet sheet;
        sheet.name = jixiao::fromUtf8(lines[0].substr(0, 31));
        for (size_t r = 1; r < lines.size() && r <= 64; ++r) {
            std::vector<std::string_view> cells = split(lines[r], '\t');
            for (size_t c = 0; c < cells.size() && c < 32; ++c)
                if (!cells[c].empty()) sheet.set(r - 1, c, cellOf(cells[c]));
        }
        wb.sheets.push_back(std::move(sheet));
    }
    return wb;
}

}  // namespace fuzz
