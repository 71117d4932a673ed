#include "jixiao/values.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <limits>
#include <string>

namespace jixiao {

namespace {

bool isSpace(char16_t c) {
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f' ||
           c == u'\u00A0' || c == u'\u3000' || c == u'\u2002' || c == u'\u2003' || c == u'\u2009';
}

// Characters a table uses for "nothing here / zero".
bool isDash(char16_t c) {
    return c == u'-' || c == u'\u2014' /* — */ || c == u'\uFF0D' /* － */ || c == u'\u2013' /* – */ ||
           c == u'\u2012' || c == u'\u2015' /* ― */ || c == u'\u2010' || c == u'\u2212' /* − */;
}

// Maps full-width and typographic forms to ASCII; returns 0 for anything that cannot be part of
// a number.
char asciiOf(char16_t c) {
    if (c < 0x80) return static_cast<char>(c);
    if (c >= u'\uFF10' && c <= u'\uFF19') return static_cast<char>('0' + (c - u'\uFF10'));
    switch (c) {
        case u'\uFF0E': return '.';
        case u'\uFF0C': return ',';
        case u'\uFF05': return '%';
        case u'\uFF0B': return '+';
        case u'\uFF0D': case u'\u2212': return '-';
        case u'\uFF08': return '(';
        case u'\uFF09': return ')';
        case u'\uFF45': return 'e';
        case u'\uFF25': return 'E';
        default: return 0;
    }
}

bool isAscii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// The usual Chinese names of the arguments (as the Function Wizard shows them, jixiao/catalog.cpp).
std::string_view chineseName(std::string_view argName) {
    struct Name { std::string_view arg, zh; };
    static const Name names[] = {
        {"actual", "实际完成值"},      {"adjustment", "调整金额"},     {"adjustments", "调整金额"},
        {"amounts", "金额"},           {"bands", "分档表"},            {"budget", "预算数"},
        {"count_new_items", "计入新增项目"}, {"daily_actual", "日常公用经费实际"},
        {"daily_budget", "日常公用经费预算"}, {"full_marks", "满分"},  {"grade", "完成等级"},
        {"in_use", "在用固定资产"},    {"initial", "年初预算数"},      {"initial_budgets", "年初预算数"},
        {"level", "等级"},             {"levels", "等级表"},           {"lower_is_better", "越低越好"},
        {"marks", "判定"},             {"method", "方法"},             {"overachievement", "超额扣减"},
        {"planned", "采购计划金额"},   {"points", "分值"},             {"points_each", "每项分值"},
        {"rate", "比率"},              {"rates", "执行率"},            {"ratio", "得分比例"},
        {"result", "监控得分"},        {"sangong_actual", "三公经费实际"}, {"sangong_budget", "三公经费预算"},
        {"target", "指标值"},          {"threshold", "门槛"},          {"total", "总分"},
        {"transfers", "转移支付"},     {"unit", "度量单位"},           {"value", "数值"},
        {"weight", "分值"},
    };
    for (const Name& n : names)
        if (n.arg == argName) return n.zh;
    return {};
}

}  // namespace

Message argLabel(std::string_view argName, std::string_view zh) {
    if (!isAscii(argName)) return Message::verbatim(std::string(argName));
    if (zh.empty()) zh = chineseName(argName);
    if (zh.empty()) return Message::verbatim(std::string(argName));
    return Message("arg", std::string(zh) + "（" + std::string(argName) + "）", argName);
}

std::u16string_view trim(std::u16string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b])) ++b;
    while (e > b && isSpace(s[e - 1])) --e;
    return s.substr(b, e - b);
}

bool equalsAsciiNoCase(std::u16string_view s, std::string_view ascii) {
    if (s.size() != ascii.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char16_t c = s[i];
        if (c >= 0x80) return false;
        char a = static_cast<char>(c), b = ascii[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

std::u16string fromUtf8(std::string_view in) {
    std::u16string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        unsigned char c = static_cast<unsigned char>(in[i]);
        char32_t cp;
        std::size_t len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c >> 5) == 0x6) { cp = c & 0x1F; len = 2; }
        else if ((c >> 4) == 0xE) { cp = c & 0x0F; len = 3; }
        else if ((c >> 3) == 0x1E) { cp = c & 0x07; len = 4; }
        else { out.push_back(u'\uFFFD'); ++i; continue; }
        // A bad or missing continuation byte: one U+FFFD for the lead byte and the continuation
        // bytes seen so far (the "maximal subpart"), then go on from the offending byte.
        std::size_t k = 1;
        for (; k < len && i + k < in.size(); ++k) {
            unsigned char cc = static_cast<unsigned char>(in[i + k]);
            if ((cc & 0xC0) != 0x80) break;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (k < len) { out.push_back(u'\uFFFD'); i += k; continue; }
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(cp));
        }
    }
    return out;
}

std::string toUtf8(std::u16string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        char32_t cp = in[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < in.size() && in[i + 1] >= 0xDC00 && in[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (in[i + 1] - 0xDC00);
            ++i;
        }
        if (cp < 0x80) out.push_back(static_cast<char>(cp));
        else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    return out;
}

bool isBlankText(std::u16string_view text) { return trim(text).empty(); }

std::optional<bool> yesNo(const CellView& cell) {
    switch (cell.kind) {
        case CellView::Kind::Empty: return std::nullopt;
        case CellView::Kind::Number:
            if (!std::isfinite(cell.number)) return std::nullopt;
            return cell.number != 0;
        case CellView::Kind::Text: break;
    }
    std::u16string_view t = trim(cell.text);
    static const std::u16string_view yes[] = {u"是", u"有", u"存在", u"适用", u"真", u"1", u"√", u"✓", u"✔"};
    static const std::u16string_view no[] = {u"否", u"无", u"不存在", u"不适用", u"假", u"0", u"×", u"✗", u"✘"};
    for (std::u16string_view w : yes)
        if (t == w) return true;
    for (std::u16string_view w : no)
        if (t == w) return false;
    for (std::string_view w : {"TRUE", "Y", "YES"})
        if (equalsAsciiNoCase(t, w)) return true;
    for (std::string_view w : {"FALSE", "N", "NO"})
        if (equalsAsciiNoCase(t, w)) return false;
    return std::nullopt;
}

std::optional<double> parseNumber(std::u16string_view text) {
    std::u16string_view t = trim(text);
    if (t.empty()) return std::nullopt;

    // "-", "—", "——", "－", "/" : zero.
    bool allDash = true;
    for (char16_t c : t) allDash = allDash && isDash(c);
    if (allDash || (t.size() == 1 && (t[0] == u'/' || t[0] == u'\uFF0F'))) return 0.0;

    std::string s;
    s.reserve(t.size());
    for (char16_t c : t) {
        char a = asciiOf(c);
        if (a == 0) return std::nullopt;
        if (a == ' ') continue;  // "1 234.5" thousands spaces
        s.push_back(a);
    }

    bool negative = false;
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        negative = true;
        s = s.substr(1, s.size() - 2);
    }
    bool percent = false;
    if (!s.empty() && s.back() == '%') {
        percent = true;
        s.pop_back();
    }
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        if (s.front() == '-') negative = !negative;
        s.erase(0, 1);
    }
    if (s.empty()) return std::nullopt;

    // Thousands separators: commas only before the decimal point / exponent, never leading.
    std::string digits;
    digits.reserve(s.size());
    bool seenPoint = false, seenExp = false, seenDigit = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') { digits.push_back(c); seenDigit = true; continue; }
        if (c == ',') {
            // A thousands separator: digits before it, exactly three digits after it (so "1,23",
            // a decimal comma, is not silently read as 123).
            if (!seenDigit || seenPoint || seenExp) return std::nullopt;
            std::size_t k = i + 1;
            while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
            if (k - (i + 1) != 3) return std::nullopt;
            continue;
        }
        if (c == '.') {
            if (seenPoint || seenExp) return std::nullopt;
            seenPoint = true;
            digits.push_back(c);
            continue;
        }
        if (c == 'e' || c == 'E') {
            if (seenExp || !seenDigit) return std::nullopt;
            seenExp = true;
            digits.push_back('e');
            if (i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) digits.push_back(s[++i]);
            continue;
        }
        return std::nullopt;
    }
    if (!seenDigit) return std::nullopt;

    double v = 0.0;
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    auto res = std::from_chars(first, last, v, std::chars_format::general);
    if (res.ec != std::errc() || res.ptr != last || !std::isfinite(v)) return std::nullopt;
    if (percent) v /= 100.0;
    return negative ? -v : v;
}

std::optional<double> numberOf(const CellView& cell, std::string_view argName, std::size_t index) {
    switch (cell.kind) {
        case CellView::Kind::Number:
            if (!std::isfinite(cell.number))
                throw RuleError(msg("values.cellNotFinite", "{1}第{2}个单元格不是有限数",
                                    "{1}: cell {2} is not a finite number", argLabel(argName), index + 1));
            return cell.number;
        case CellView::Kind::Empty:
            return std::nullopt;
        case CellView::Kind::Text:
            break;
    }
    if (isBlankText(cell.text)) return std::nullopt;
    if (auto v = parseNumber(cell.text)) return v;
    throw RuleError(msg("values.textNotNumber", "{1}第{2}个单元格是文字「{3}」，此处应为数字",
                        "{1}: cell {2} holds text \"{3}\" where a number belongs", argLabel(argName), index + 1,
                        trim(cell.text)));
}

std::vector<double> numbersOf(const RangeView& range, std::string_view argName, Blanks blanks) {
    std::vector<double> out;
    out.reserve(range.cells.size());
    for (std::size_t i = 0; i < range.cells.size(); ++i) {
        const CellView& c = range.cells[i];
        if (c.kind == CellView::Kind::Number && std::isfinite(c.number)) {  // fast path
            out.push_back(c.number);
            continue;
        }
        std::optional<double> v = numberOf(c, argName, i);
        if (v) out.push_back(*v);
        else if (blanks == Blanks::AsZero) out.push_back(0.0);
    }
    return out;
}

void requireSameSize(const RangeView& a, std::string_view aName, const RangeView& b, std::string_view bName) {
    requireSameCount(a.size(), aName, b.size(), bName);
}

void requireSameCount(std::size_t aCount, std::string_view aName, std::size_t bCount, std::string_view bName) {
    if (aCount != bCount)
        throw RuleError(msg("values.sizeMismatch", "{1}有{2}个单元格，{3}有{4}个，两者须逐行对应",
                            "{1} has {2} cells but {3} has {4}; they must match row for row", argLabel(aName),
                            aCount, argLabel(bName), bCount));
}

namespace {
double tolerance(double a, double b) {
    return std::max(1e-9, 1e-6 * std::max(std::fabs(a), std::fabs(b)));
}
}  // namespace

bool approxGE(double a, double b) { return a >= b - tolerance(a, b); }
bool approxLE(double a, double b) { return a <= b + tolerance(a, b); }
bool approxEqual(double a, double b) { return std::fabs(a - b) <= tolerance(a, b); }

double roundHalfUp(double x, int digits) {
    if (!std::isfinite(x)) return x;
    double scale = std::pow(10.0, digits);
    double scaled = x * scale;
    // Absorb binary noise of a few units in the last place: 2.675 is stored as 2.67499999...,
    // a person reads 2.675.
    // Only a fraction within a few ulps of .5 is moved, so large amounts keep their value.
    double a = std::fabs(scaled);
    double whole = std::floor(a);
    double frac = a - whole;
    double noise = 4 * std::numeric_limits<double>::epsilon() * std::max(1.0, a);
    bool half = noise < 0.25 && std::fabs(frac - 0.5) <= noise;
    double r = std::copysign((frac > 0.5 || half) ? whole + 1 : whole, scaled);
    return r / scale;
}

std::string numberText(double x, int digits) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*g", digits, x);
    return buf;
}

std::u16string numberText16(double x, int digits) {
    std::string s = numberText(x, digits);
    return std::u16string(s.begin(), s.end());
}

double requireFinite(double x, std::string_view argName, std::string_view zh) {
    if (!std::isfinite(x))
        throw RuleError(msg("values.notFinite", "{1}不是有限数", "{1} is not a finite number", argLabel(argName, zh)));
    return x;
}

}  // namespace jixiao
