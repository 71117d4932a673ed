#include "jixiao/formula.hpp"

#include <cmath>
#include <cstdlib>

#include "jixiao/values.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao::formula {

namespace {

bool isUpper(char16_t c) { return c >= u'A' && c <= u'Z'; }
bool isLower(char16_t c) { return c >= u'a' && c <= u'z'; }
bool isDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
// Characters of a name (function, unquoted sheet, named range): letters, digits, _ and anything not
// ASCII (Chinese sheet names).
bool isNameChar(char16_t c) { return isUpper(c) || isLower(c) || isDigit(c) || c == u'_' || c >= 0x80; }

// True when the whole text is one string literal ("…", with "" inside), closed by its last quote.
bool isStringLiteral(std::u16string_view t) {
    if (t.size() < 2 || t.front() != u'"') return false;
    std::size_t i = 1;
    while (i < t.size()) {
        if (t[i] == u'"') {
            if (i + 1 < t.size() && t[i + 1] == u'"') {
                i += 2;
                continue;
            }
            return i + 1 == t.size();
        }
        ++i;
    }
    return false;  // unterminated
}

// Skips a string literal starting at text[i] == '"'; returns the index after it.
std::size_t skipString(std::u16string_view t, std::size_t i) {
    ++i;
    while (i < t.size()) {
        if (t[i] == u'"') {
            if (i + 1 < t.size() && t[i + 1] == u'"') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return i;
}

struct CellPart {
    std::size_t row = 0, col = 0;
    bool absRow = false, absCol = false;
};

// The largest sheet Calc (and Excel) has: columns A..XFD, rows 1..1048576. Beyond it, text such as
// XFE1 or A1048577 is a name, not a cell.
constexpr std::size_t kMaxCols = 16384, kMaxRows = 1048576;

// A1 cell at t[i]: $?LETTERS$?DIGITS, not followed by a name character or '(' / '.'.
std::optional<CellPart> cellAt(std::u16string_view t, std::size_t& i) {
    std::size_t j = i;
    CellPart c;
    if (j < t.size() && t[j] == u'$') { c.absCol = true; ++j; }
    std::size_t letters = 0, col = 0;
    while (j < t.size() && (isUpper(t[j]) || isLower(t[j])) && letters < 4) {
        char16_t ch = isLower(t[j]) ? static_cast<char16_t>(t[j] - u'a' + u'A') : t[j];
        col = col * 26 + static_cast<std::size_t>(ch - u'A' + 1);
        ++j;
        ++letters;
    }
    if (letters == 0 || letters > 3) return std::nullopt;
    if (j < t.size() && t[j] == u'$') { c.absRow = true; ++j; }
    std::size_t digits = 0, row = 0;
    while (j < t.size() && isDigit(t[j]) && digits < 8) {
        row = row * 10 + static_cast<std::size_t>(t[j] - u'0');
        ++j;
        ++digits;
    }
    if (digits == 0 || row == 0 || row > kMaxRows || col > kMaxCols) return std::nullopt;
    if (j < t.size() && (isNameChar(t[j]) || t[j] == u'(' || t[j] == u'.')) return std::nullopt;
    c.col = col - 1;
    c.row = row - 1;
    i = j;
    return c;
}

// A sheet name at t[i] ('quoted' or unquoted) followed by '.', with an optional leading '$'.
std::optional<std::u16string> sheetAt(std::u16string_view t, std::size_t& i) {
    std::size_t j = i;
    if (j < t.size() && t[j] == u'$') ++j;
    std::u16string name;
    if (j < t.size() && t[j] == u'\'') {
        ++j;
        while (j < t.size()) {
            if (t[j] == u'\'') {
                if (j + 1 < t.size() && t[j + 1] == u'\'') {
                    name += u'\'';
                    j += 2;
                    continue;
                }
                break;
            }
            name += t[j++];
        }
        if (j >= t.size()) return std::nullopt;
        ++j;  // closing quote
    } else {
        while (j < t.size() && isNameChar(t[j])) name += t[j++];
        if (name.empty()) return std::nullopt;
    }
    if (j >= t.size() || t[j] != u'.') return std::nullopt;
    i = j + 1;
    return name;
}

// One reference (cell or range, optionally sheet-qualified) at t[i]; advances i past it.
std::optional<Reference> referenceAt(std::u16string_view t, std::size_t& i, const Position& at) {
    std::size_t j = i;
    std::u16string sheet = at.sheet;
    if (auto s = sheetAt(t, j)) sheet = *s;
    else if (j < t.size() && t[j] == u'.') ++j;  // .A1: this sheet
    auto a = cellAt(t, j);
    if (!a) return std::nullopt;
    CellPart b = *a;
    if (j < t.size() && t[j] == u':') {
        std::size_t k = j + 1;
        std::size_t k2 = k;
        std::optional<std::u16string> s2 = sheetAt(t, k2);
        if (s2) k = k2;
        else if (k < t.size() && t[k] == u'.') ++k;
        if (auto c = cellAt(t, k)) {
            if (!s2 || *s2 == sheet) {
                b = *c;
                j = k;
            }
        }
    }
    Reference r;
    r.begin = i;
    r.end = j;
    r.area.sheet = sheet;
    r.area.row0 = std::min(a->row, b.row);
    r.area.row1 = std::max(a->row, b.row);
    r.area.col0 = std::min(a->col, b.col);
    r.area.col1 = std::max(a->col, b.col);
    (void)at;
    i = j;
    return r;
}

// True when a reference may start at t[i]: at the start or after an operator, separator or '('.
bool tokenStart(std::u16string_view t, std::size_t i) {
    if (i == 0) return true;
    char16_t p = t[i - 1];
    return !(isNameChar(p) || p == u'.' || p == u'$' || p == u'\'' || p == u'"');
}

std::u16string_view trimmed(std::u16string_view s) { return trim(s); }

}  // namespace

std::vector<Reference> references(std::u16string_view t, const Position& at) {
    std::vector<Reference> out;
    std::size_t i = 0;
    while (i < t.size()) {
        char16_t c = t[i];
        if (c == u'"') {
            i = skipString(t, i);
            continue;
        }
        if (tokenStart(t, i) && (c == u'$' || c == u'\'' || c == u'.' || isNameChar(c))) {
            std::size_t j = i;
            if (auto r = referenceAt(t, j, at)) {
                out.push_back(*r);
                i = j;
                continue;
            }
            // Not a reference: skip the whole name (so B2 inside ABC2X is never taken).
            if (c == u'\'') {
                ++i;
                while (i < t.size() && t[i] != u'\'') ++i;
                ++i;
                continue;
            }
            ++i;
            while (i < t.size() && (isNameChar(t[i]) || t[i] == u'.')) ++i;
            continue;
        }
        ++i;
    }
    return out;
}

std::u16string areaText(const Area& a) {
    if (a.row0 == a.row1 && a.col0 == a.col1) return cellRef(a.sheet, a.row0, a.col0);
    return rangeRef(a.sheet, a.row0, a.col0, a.row1, a.col1);
}

std::u16string absolutized(std::u16string_view t, const Position& at) {
    std::u16string out;
    std::size_t last = 0;
    for (const Reference& r : references(t, at)) {
        out.append(t.substr(last, r.begin - last));
        out += areaText(r.area);
        last = r.end;
    }
    out.append(t.substr(last));
    return out;
}

std::optional<Area> asReference(std::u16string_view text, const Position& at) {
    std::u16string_view s = trimmed(text);
    while (s.size() >= 2 && s.front() == u'(' && s.back() == u')') s = trimmed(s.substr(1, s.size() - 2));
    std::size_t i = 0;
    auto r = referenceAt(s, i, at);
    if (!r || i != s.size()) return std::nullopt;
    return r->area;
}

std::optional<Call> nextCall(std::u16string_view t, std::size_t from,
                             const std::function<bool(std::u16string_view)>& wanted) {
    std::size_t i = from;
    while (i < t.size()) {
        char16_t c = t[i];
        if (c == u'"') {
            i = skipString(t, i);
            continue;
        }
        if (c == u'\'') {  // a quoted sheet name
            ++i;
            while (i < t.size() && !(t[i] == u'\'' && (i + 1 >= t.size() || t[i + 1] != u'\''))) i += (t[i] == u'\'') ? 2 : 1;
            ++i;
            continue;
        }
        if (!isNameChar(c) || !tokenStart(t, i)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < t.size() && (isNameChar(t[j]) || t[j] == u'.')) ++j;
        if (j >= t.size() || t[j] != u'(' || !wanted(t.substr(i, j - i))) {
            i = j;
            continue;
        }
        Call call;
        call.begin = i;
        call.open = j;
        call.name = std::u16string(t.substr(i, j - i));
        int depth = 0;
        std::size_t argStart = j + 1;
        int braces = 0;
        for (std::size_t k = j; k < t.size(); ++k) {
            char16_t ch = t[k];
            if (ch == u'"') {
                k = skipString(t, k) - 1;
                continue;
            }
            if (ch == u'\'') {
                ++k;
                while (k < t.size() && !(t[k] == u'\'' && (k + 1 >= t.size() || t[k + 1] != u'\''))) k += (t[k] == u'\'') ? 2 : 1;
                continue;
            }
            if (ch == u'{') ++braces;
            else if (ch == u'}') --braces;
            else if (ch == u'(') ++depth;
            else if (ch == u')') {
                if (--depth == 0) {
                    if (!(call.args.empty() && trimmed(t.substr(argStart, k - argStart)).empty()))
                        call.args.emplace_back(argStart, k);
                    call.close = k;
                    return call;
                }
            } else if (ch == u';' && depth == 1 && braces == 0) {
                call.args.emplace_back(argStart, k);
                argStart = k + 1;
            }
        }
        return std::nullopt;  // unbalanced
    }
    return std::nullopt;
}

std::optional<Literal> asLiteral(std::u16string_view text) {
    std::u16string_view s = trimmed(text);
    if (s.empty()) return std::nullopt;
    Literal l;
    if (s.front() == u'"') {
        if (!isStringLiteral(s)) return std::nullopt;
        l.kind = Literal::Kind::Text;
        for (std::size_t i = 1; i + 1 < s.size(); ++i) {
            l.text += s[i];
            if (s[i] == u'"') ++i;
        }
        return l;
    }
    if (equalsAsciiNoCase(s, "TRUE()") || equalsAsciiNoCase(s, "TRUE")) {
        l.kind = Literal::Kind::Bool;
        l.number = 1;
        return l;
    }
    if (equalsAsciiNoCase(s, "FALSE()") || equalsAsciiNoCase(s, "FALSE")) {
        l.kind = Literal::Kind::Bool;
        l.number = 0;
        return l;
    }
    // A plain number: optional sign, digits, '.', exponent.
    std::size_t i = 0;
    if (s[i] == u'-' || s[i] == u'+') ++i;
    bool digits = false;
    while (i < s.size() && isDigit(s[i])) { ++i; digits = true; }
    if (i < s.size() && s[i] == u'.') {
        ++i;
        while (i < s.size() && isDigit(s[i])) { ++i; digits = true; }
    }
    if (!digits) return std::nullopt;
    if (i < s.size() && (s[i] == u'E' || s[i] == u'e')) {
        ++i;
        if (i < s.size() && (s[i] == u'-' || s[i] == u'+')) ++i;
        bool e = false;
        while (i < s.size() && isDigit(s[i])) { ++i; e = true; }
        if (!e) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    std::string ascii(s.begin(), s.end());
    // strtod, not stod: an exponent out of range is no literal (stod would throw); an underflow reads
    // as the nearest double (0 or a subnormal), as Calc reads it.
    l.number = std::strtod(ascii.c_str(), nullptr);
    if (!std::isfinite(l.number)) return std::nullopt;
    return l;
}

std::optional<std::vector<std::vector<Literal>>> asInlineArray(std::u16string_view text) {
    std::u16string_view s = trimmed(text);
    if (s.size() < 2 || s.front() != u'{' || s.back() != u'}') return std::nullopt;
    const std::u16string_view body = s.substr(1, s.size() - 2);
    std::vector<std::vector<Literal>> rows(1);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= body.size(); ++i) {
        const char16_t c = i < body.size() ? body[i] : u'}';
        if (c == u'"') {
            // an unterminated string runs to the end: the element is then no literal
            i = skipString(body, i) - 1;
            continue;
        }
        if (c == u'{' || (c == u'}' && i < body.size())) return std::nullopt;  // nested or stray brace
        if (c == u';' || c == u'|' || c == u'}') {
            auto l = asLiteral(body.substr(start, i - start));
            if (!l) return std::nullopt;
            rows.back().push_back(*l);
            if (c == u'|') rows.emplace_back();
            start = i + 1;
        }
    }
    for (const auto& r : rows)
        if (r.size() != rows[0].size()) return std::nullopt;
    return rows;
}

std::u16string quoted(std::u16string_view s) {
    std::u16string q = u"\"";
    for (char16_t c : s) {
        if (c == u'"') q += u"\"\"";
        else q += c;
    }
    return q + u"\"";
}

}  // namespace jixiao::formula
