#include "jixiao/target.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace jixiao {

namespace {

// ---------------------------------------------------------------- the tables (one place each)

// Units as written -> canonical unit. An alias is the same unit written another way, never a
// conversion (万元 and 元 are different units, and so are 人 and 人次).
struct UnitAlias {
    std::u16string_view written;
    std::u16string_view canonical;
};
const UnitAlias kUnits[] = {
    {u"%", u"%"}, {u"‰", u"‰"},
    {u"个", u"个"}, {u"家", u"家"}, {u"次", u"次"}, {u"场", u"场"}, {u"项", u"项"},
    {u"人", u"人"}, {u"人次", u"人次"}, {u"万人次", u"万人次"},
    {u"天", u"天"}, {u"日", u"天"}, {u"工作日", u"工作日"}, {u"个工作日", u"工作日"},
    {u"小时", u"小时"}, {u"分钟", u"分钟"},
    {u"月", u"月"}, {u"个月", u"月"}, {u"年", u"年"},
    {u"份", u"份"}, {u"篇", u"篇"}, {u"户", u"户"}, {u"件", u"件"}, {u"册", u"册"}, {u"期", u"期"}, {u"批", u"批"},
    {u"起", u"起"}, {u"所", u"所"}, {u"台", u"台"}, {u"套", u"套"}, {u"条", u"条"}, {u"座", u"座"}, {u"处", u"处"},
    {u"元", u"元"}, {u"万元", u"万元"}, {u"亿元", u"亿元"},
    {u"平方米", u"平方米"}, {u"平米", u"平方米"}, {u"㎡", u"平方米"}, {u"m²", u"平方米"},
    {u"公里", u"公里"}, {u"千米", u"公里"},
    {u"亩", u"亩"}, {u"吨", u"吨"},
};

// A comparison written before the number (symbols and words) or after it (以上 / 以内 …).
struct Qualifier {
    std::u16string_view word;
    TargetKind kind;
    bool strict;
};
const Qualifier kPrefixes[] = {
    {u"≥", TargetKind::AtLeast, false}, {u">=", TargetKind::AtLeast, false}, {u"=>", TargetKind::AtLeast, false},
    {u">", TargetKind::AtLeast, true},
    {u"≤", TargetKind::AtMost, false}, {u"<=", TargetKind::AtMost, false}, {u"=<", TargetKind::AtMost, false},
    {u"<", TargetKind::AtMost, true},
    {u"=", TargetKind::Equal, false}, {u"==", TargetKind::Equal, false},
    {u"不低于", TargetKind::AtLeast, false}, {u"不少于", TargetKind::AtLeast, false},
    {u"不小于", TargetKind::AtLeast, false}, {u"大于等于", TargetKind::AtLeast, false},
    {u"大于或等于", TargetKind::AtLeast, false}, {u"至少", TargetKind::AtLeast, false},
    {u"达到", TargetKind::AtLeast, false},
    {u"大于", TargetKind::AtLeast, true}, {u"高于", TargetKind::AtLeast, true},
    {u"多于", TargetKind::AtLeast, true}, {u"超过", TargetKind::AtLeast, true},
    {u"不高于", TargetKind::AtMost, false}, {u"不超过", TargetKind::AtMost, false},
    {u"不大于", TargetKind::AtMost, false}, {u"不多于", TargetKind::AtMost, false},
    {u"小于等于", TargetKind::AtMost, false}, {u"小于或等于", TargetKind::AtMost, false},
    {u"控制在", TargetKind::AtMost, false},
    {u"小于", TargetKind::AtMost, true}, {u"低于", TargetKind::AtMost, true}, {u"少于", TargetKind::AtMost, true},
    {u"等于", TargetKind::Equal, false},
};
const Qualifier kSuffixes[] = {
    {u"以上", TargetKind::AtLeast, false}, {u"及以上", TargetKind::AtLeast, false},
    {u"或以上", TargetKind::AtLeast, false},
    {u"以下", TargetKind::AtMost, false}, {u"及以下", TargetKind::AtMost, false},
    {u"或以下", TargetKind::AtMost, false}, {u"以内", TargetKind::AtMost, false},
    {u"之内", TargetKind::AtMost, false}, {u"内", TargetKind::AtMost, false},
};

// ---------------------------------------------------------------- text helpers

bool isAsciiDigit(char16_t c) { return c >= u'0' && c <= u'9'; }

bool isAsciiOnly(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// The arguments and columns messages name.
enum class Term { Target, Unit, Actual, Grade, Ratio, Cut, Bands };

// A term alone, as the column of a 绩效目标表 (the English text gives the column's name).
Message columnTerm(Term t) {
    switch (t) {
        case Term::Target: return msg("target.col.target", "指标值", "target value (指标值)");
        case Term::Unit: return msg("target.col.unit", "度量单位", "unit (度量单位)");
        case Term::Actual: return msg("target.col.actual", "实际完成值", "actual value (实际完成值)");
        case Term::Grade: return msg("target.col.grade", "完成等级", "grade (完成等级)");
        case Term::Ratio: return msg("target.col.ratio", "得分比例", "score ratio (得分比例)");
        case Term::Cut: return msg("target.col.cut", "超额扣减", "over-achievement cut (超额扣减)");
        case Term::Bands: return msg("target.col.bands", "定性分档", "qualitative bands (定性分档)");
    }
    return {};
}

// A term with the name of the Calc function's argument: 指标值（target）.
Message argTerm(Term t, const std::string& name) {
    switch (t) {
        case Term::Target: return msg("target.arg.target", "指标值（{1}）", "target value ({1})", name);
        case Term::Unit: return msg("target.arg.unit", "度量单位（{1}）", "unit ({1})", name);
        case Term::Actual: return msg("target.arg.actual", "实际完成值（{1}）", "actual value ({1})", name);
        case Term::Grade: return msg("target.arg.grade", "完成等级（{1}）", "grade ({1})", name);
        case Term::Ratio: return msg("target.arg.ratio", "得分比例（{1}）", "score ratio ({1})", name);
        case Term::Cut: return msg("target.arg.cut", "超额扣减（{1}）", "over-achievement cut ({1})", name);
        case Term::Bands: return msg("target.arg.bands", "定性分档（{1}）", "qualitative bands ({1})", name);
    }
    return {};
}

// The argument as a message names it: the term with the function's argument name, the term alone
// when there is no name, or what the caller passed when it is a description (e.g. the fill's 指标值).
Message label(const ArgName& arg, Term t) {
    if (arg.description()) return *arg.description();
    if (arg.name().empty()) return columnTerm(t);
    return argTerm(t, arg.name());
}

// Full-width and variant forms to the ones the tables use; white space removed.
std::u16string normalized(std::u16string_view s) {
    std::u16string out;
    out.reserve(s.size());
    for (char16_t c : trim(s)) {
        if (c >= u'\uFF10' && c <= u'\uFF19') { out.push_back(static_cast<char16_t>(u'0' + (c - u'\uFF10'))); continue; }
        switch (c) {
            case u' ': case u'\t': case u'\u00A0': case u'\u3000': case u'\n': case u'\r': continue;
            case u'\uFF0E': out.push_back(u'.'); break;                     // ．
            case u'\uFF0C': out.push_back(u','); break;                     // ，
            case u'\uFF05': out.push_back(u'%'); break;                     // ％
            case u'\uFF1E': out.push_back(u'>'); break;                     // ＞
            case u'\uFF1C': out.push_back(u'<'); break;                     // ＜
            case u'\uFF1D': out.push_back(u'='); break;                     // ＝
            case u'\u2267': case u'\u2A7E': out.push_back(u'≥'); break;     // ≧ ⩾
            case u'\u2266': case u'\u2A7D': out.push_back(u'≤'); break;     // ≦ ⩽
            case u'\uFF0B': out.push_back(u'+'); break;                     // ＋
            case u'\uFF0D': case u'\u2212': out.push_back(u'-'); break;     // － −
            default: out.push_back(c);
        }
    }
    return out;
}

bool hasDigit(std::u16string_view s) {
    return std::any_of(s.begin(), s.end(), isAsciiDigit);
}

bool hasComparisonSymbol(std::u16string_view s) {
    for (char16_t c : s)
        if (c == u'≥' || c == u'≤' || c == u'>' || c == u'<' || c == u'=') return true;
    return false;
}

// Number of separate numbers written with digits ("95%-100%" has two).
int numbersIn(std::u16string_view s) {
    int n = 0;
    bool in = false;
    for (char16_t c : s) {
        bool part = isAsciiDigit(c) || (in && (c == u'.' || c == u','));
        if (part && !in) ++n;
        in = part;
    }
    return n;
}

bool dashOnly(std::u16string_view s) {
    if (s.empty()) return false;
    for (char16_t c : s)
        if (!(c == u'-' || c == u'—' || c == u'–' || c == u'―' || c == u'/' || c == u'／')) return false;
    return true;
}

// The longest entry of `table` written at s[pos...]; nullptr when none.
template <class Row, std::size_t N, class Key>
const Row* longestAt(const Row (&table)[N], std::u16string_view s, std::size_t pos, Key key) {
    const Row* best = nullptr;
    for (const Row& r : table) {
        std::u16string_view w = key(r);
        if (s.compare(pos, w.size(), w) == 0 && (!best || w.size() > key(*best).size())) best = &r;
    }
    return best;
}

const UnitAlias* unitAt(std::u16string_view s, std::size_t pos) {
    return longestAt(kUnits, s, pos, [](const UnitAlias& u) { return u.written; });
}
const Qualifier* prefixAt(std::u16string_view s, std::size_t pos) {
    return longestAt(kPrefixes, s, pos, [](const Qualifier& x) { return x.word; });
}
const Qualifier* suffixAt(std::u16string_view s, std::size_t pos) {
    return longestAt(kSuffixes, s, pos, [](const Qualifier& x) { return x.word; });
}

// The units Jixiao knows, for a message: 个、家、… in Chinese, 个, 家, … in English.
Message knownUnits() {
    std::string zh, en;
    for (const UnitAlias& u : kUnits) {
        if (u.written != u.canonical) continue;
        zh += (zh.empty() ? "" : "、") + toUtf8(u.canonical);
        en += (en.empty() ? "" : ", ") + toUtf8(u.canonical);
    }
    return msg("target.knownUnits", "{1}，以及每若干人口的比率（1/10万、人/万人……）",
               "{1}, and rates per so many people (1/10万, 人/万人 ...)", Message("target.unitList", zh, en));
}

// A rate per so many (孕产妇死亡率 ≤10/10万, 床位数 6张/千人, 人/万人): a unit of its own, compared
// as written and never converted. The numerator is a word or nothing ("1/10万" is "/10万"); the
// denominator is an optional number with 十/百/千/万/亿 and a word. Normalized text; nullopt when
// `n` is not such a unit.
std::optional<std::u16string> perUnit(std::u16string_view n) {
    std::size_t slash = n.find(u'/');
    if (slash == std::u16string_view::npos || n.find(u'/', slash + 1) != std::u16string_view::npos) return std::nullopt;
    std::u16string_view top = n.substr(0, slash), den = n.substr(slash + 1);
    if (top == u"1") top = {};
    if (den.empty() || hasDigit(top) || hasComparisonSymbol(top) || hasComparisonSymbol(den)) return std::nullopt;
    std::size_t i = 0;
    while (i < den.size() && (isAsciiDigit(den[i]) || den[i] == u'.')) ++i;
    if (i == den.size() || hasDigit(den.substr(i)) || den[i] == u'%') return std::nullopt;
    if (i > 0 && den[0] == u'.') return std::nullopt;
    return std::u16string(top) + u"/" + std::u16string(den);
}

// Splits a per-N unit off the end of a normalized 指标值 ("≤10/10万以下" -> "≤10以下", "/10万"):
// returns the unit (empty when there is none) and leaves the rest in `body`.
std::u16string splitPerUnit(const std::u16string& s, std::u16string& body) {
    body = s;
    std::size_t slash = s.find(u'/');
    if (slash == std::u16string::npos) return {};
    std::size_t start = slash;  // the numerator word, back to the number
    while (start > 0 && !isAsciiDigit(s[start - 1]) && s[start - 1] != u'.') --start;
    if (start == 0) return {};  // no number before it ("及时/有效" is 定性 text)
    std::size_t end = s.size();  // trailing 以下 / 以内 … stay with the number
    for (std::size_t k = slash + 2; k < s.size(); ++k) {
        std::size_t pos = k;
        while (pos < s.size()) {
            const Qualifier* suf = suffixAt(s, pos);
            if (!suf) break;
            pos += suf->word.size();
        }
        if (pos == s.size()) { end = k; break; }
    }
    std::optional<std::u16string> per = perUnit(std::u16string_view(s).substr(start, end - start));
    if (!per) return {};
    body = s.substr(0, start) + s.substr(end);
    return *per;
}

// A number written with digits at s[pos...]: optional sign, digits with thousands separators, an
// optional decimal part. Returns the length read (0 when there is none) and the value.
std::size_t digitsAt(std::u16string_view s, std::size_t pos, double& value) {
    std::size_t i = pos;
    if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) ++i;
    std::size_t start = i;
    while (i < s.size() && (isAsciiDigit(s[i]) || s[i] == u',' || s[i] == u'.')) ++i;
    if (i == start || !isAsciiDigit(s[start])) return 0;
    while (i > start && (s[i - 1] == u',' || s[i - 1] == u'.')) --i;  // "5." / "5," belong to the text after
    std::optional<double> v = parseNumber(s.substr(pos, i - pos));
    if (!v) return 0;
    value = *v;
    return i - pos;
}

// A number written in Chinese numerals (五, 十二, 一百零五, 三千, 1.5 not included), or nullopt.
// Colloquial abbreviations (一百五 = 150, 一万五 = 15000) are refused: they read as 105 / 10005 by
// the positional rule, so they are no number this reader can place.
std::optional<double> chineseNumeral(std::u16string_view s) {
    auto digit = [](char16_t c) -> int {
        switch (c) {
            case u'零': case u'〇': return 0;
            case u'一': return 1;
            case u'二': case u'两': return 2;
            case u'三': return 3;
            case u'四': return 4;
            case u'五': return 5;
            case u'六': return 6;
            case u'七': return 7;
            case u'八': return 8;
            case u'九': return 9;
            default: return -1;
        }
    };
    auto small = [](char16_t c) -> double { return c == u'十' ? 10 : c == u'百' ? 100 : c == u'千' ? 1000 : 0; };
    if (s.empty()) return std::nullopt;
    double total = 0, section = 0;
    int pending = -1;
    double lastSmall = 1e9, lastBig = 1e13;
    char16_t prev = 0, beforeDigit = 0;
    for (char16_t c : s) {
        int d = digit(c);
        if (d == 0) { pending = -1; prev = c; continue; }  // 零 only separates places
        if (d > 0) {
            if (pending != -1) return std::nullopt;  // 二三
            pending = d;
            beforeDigit = prev;
        } else if (double m = small(c)) {
            if (m >= lastSmall) return std::nullopt;
            if (pending == -1 && prev != 0) return std::nullopt;  // only a leading 十/百/千 stands for 一十/一百/一千
            section += (pending == -1 ? 1 : pending) * m;
            pending = -1;
            lastSmall = m;
        } else if (c == u'万' || c == u'亿') {
            double big = c == u'万' ? 1e4 : 1e8;
            if (big >= lastBig) return std::nullopt;
            if (pending != -1) section += pending;
            if (section == 0) return std::nullopt;
            total = big == 1e8 ? (total + section) * big : total + section * big;
            section = 0;
            pending = -1;
            lastSmall = 1e9;
            lastBig = big;
        } else {
            return std::nullopt;
        }
        prev = c;
    }
    if (pending != -1) {
        // 一百五 / 一万五: colloquial for 150 / 15000, positionally 105 / 10005 — refused.
        if (beforeDigit == u'百' || beforeDigit == u'千' || beforeDigit == u'万' || beforeDigit == u'亿')
            return std::nullopt;
        section += pending;  // after 十 or 零, or alone: the units place
    }
    double v = total + section;
    if (v == 0 && s.find_first_not_of(u"零〇") != std::u16string_view::npos) return std::nullopt;
    return v;
}

// The parts of a quantitative target as written.
struct Parsed {
    std::vector<const Qualifier*> qualifiers;
    double number = 0;
    bool hasNumber = false;
    std::u16string_view unit;  // canonical, empty when none written
    bool percentWords = false; // 百分之 / 千分之 (the unit is % / ‰)
    std::u16string_view badNumeral;  // Chinese numerals in the number's place that read as no number
    std::size_t end = 0;       // how far the grammar read
};

// [prefix]* number [unit] [suffix]*, with the number in digits (or, when `chinese`, in Chinese
// numerals, also after 百分之 / 千分之).
Parsed parseParts(std::u16string_view s, bool chinese) {
    Parsed p;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const Qualifier* pre = prefixAt(s, pos);
        if (!pre) break;
        p.qualifiers.push_back(pre);
        pos += pre->word.size();
    }
    if (!chinese) {
        std::size_t n = digitsAt(s, pos, p.number);
        if (n == 0) { p.end = pos; return p; }
        p.hasNumber = true;
        pos += n;
    } else {
        if (s.compare(pos, 3, u"百分之") == 0) { p.unit = u"%"; p.percentWords = true; pos += 3; }
        else if (s.compare(pos, 3, u"千分之") == 0) { p.unit = u"‰"; p.percentWords = true; pos += 3; }
        // the shortest run of numeral characters followed by a unit, a suffix or the end (三亿元 is
        // 3 亿元, not 3 亿 元; 五十万人次 is 50 万人次)
        std::size_t runEnd = pos;
        while (runEnd < s.size() && std::u16string_view(u"零〇一二两三四五六七八九十百千万亿").find(s[runEnd]) !=
                                        std::u16string_view::npos)
            ++runEnd;
        bool found = false;
        for (std::size_t e = pos + 1; e <= runEnd && !found; ++e) {
            std::u16string_view rest = s.substr(e);
            bool fits = rest.empty() || (!p.percentWords && unitAt(s, e)) || suffixAt(s, e);
            if (!fits) continue;
            if (auto v = chineseNumeral(s.substr(pos, e - pos))) {
                p.number = *v;
                p.hasNumber = true;
                pos = e;
                found = true;
            }
        }
        if (!found) {
            if (runEnd > pos && (runEnd == s.size() || unitAt(s, runEnd) || suffixAt(s, runEnd)))
                p.badNumeral = s.substr(pos, runEnd - pos);
            p.end = pos;
            return p;
        }
    }
    if (!p.percentWords) {
        if (const UnitAlias* u = unitAt(s, pos)) {
            p.unit = u->canonical;
            pos += u->written.size();
        }
    }
    while (pos < s.size()) {
        const Qualifier* suf = suffixAt(s, pos);
        if (!suf) break;
        p.qualifiers.push_back(suf);
        pos += suf->word.size();
    }
    p.end = pos;
    return p;
}

double scaleOf(std::u16string_view unit) {
    if (unit == u"%") return 100.0;
    if (unit == u"‰") return 1000.0;
    return 1.0;
}

bool isFractionUnit(std::u16string_view unit) { return unit == u"%" || unit == u"‰"; }

// The row's 度量单位, canonical; an unknown unit is an error naming it.
std::u16string rowUnit(std::u16string_view unit, const ArgName& argName) {
    std::optional<std::u16string> u = canonicalUnit(unit);
    if (!u)
        throw RuleError(msg("target.unknownUnit", "{1}：「{2}」不是已知的度量单位（已知：{3}）",
                            "{1}: \"{2}\" is not a known unit (known: {3})", label(argName, Term::Unit), trim(unit),
                            knownUnits()));
    return *u;
}

std::string num(double x) { return numberText(x, 10); }

double clamp01(double x) { return std::min(1.0, std::max(0.0, x)); }

// A number read for a % / ‰ unit is a fraction (0.9 = 90%). A number beyond ±1 could as well be
// the percentage typed without its sign (90 for 90%, 1.5 for 1.5%): refused, never guessed.
double fractionChecked(double x, std::u16string_view unit, const Message& what, std::string_view shown) {
    if (isFractionUnit(unit) && std::fabs(x) > 1 + 1e-9)
        throw RuleError(msg("target.fractionExpected",
                            "{1}：数值 {2} 不能按度量单位「{3}」读取——单元格中的百分比应为小数（90% 即 0.9），"
                            "或写成文本「{2}{3}」；超过 100% 的比率请写成文本（如「105%」）",
                            "{1}: the number {2} cannot be read in the unit \"{3}\": a percentage in a cell is a "
                            "fraction (90% is 0.9), or write it as the text \"{2}{3}\"; write a ratio above 100% as "
                            "text (e.g. \"105%\")",
                            what, shown, unit));
    return x;
}

}  // namespace

// ---------------------------------------------------------------- units

ArgName::ArgName(std::string_view name) {
    if (isAsciiOnly(name)) name_ = std::string(name);
    else description_ = Message::verbatim(std::string(name));
}


std::optional<std::u16string> canonicalUnit(std::u16string_view unit) {
    std::u16string n = normalized(unit);
    if (n.empty() || dashOnly(n) || n == u"无") return std::u16string();
    for (const UnitAlias& u : kUnits)
        if (n == u.written) return std::u16string(u.canonical);
    return perUnit(n);
}

// ---------------------------------------------------------------- the parser

Target parseTarget(std::u16string_view text, std::u16string_view unit, const ArgName& argName) {
    const Message who = label(argName, Term::Target);
    Target t;
    t.text = std::u16string(trim(text));
    const std::u16string whole = normalized(text);
    if (whole.empty()) throw RuleError(msg("target.argEmpty", "{1}为空", "{1} is empty", who));
    if (dashOnly(whole))
        throw RuleError(msg("target.argDash", "{1}为空（「{2}」）", "{1} is empty (\"{2}\")", who, t.text));
    std::u16string s;
    const std::u16string perN = splitPerUnit(whole, s);  // "≤10/10万": the number and its per-N unit
    auto refuse = [&](Message why) -> RuleError {
        return RuleError(msg("target.unreadable", "{1}「{2}」无法识别：{3}", "{1} \"{2}\" cannot be read: {3}", who, t.text,
                             std::move(why)));
    };

    Parsed p;
    if (hasDigit(s)) {
        p = parseParts(s, false);
        int numbers = numbersIn(s);
        if (numbers > 1)
            throw refuse(msg("target.twoNumbers", "含有 {1} 个数值（区间、多个条件或日期），只能写一个目标值，如「≥95%」",
                             "it has {1} numbers (a range, several conditions or a date); write one target value, "
                             "e.g. \"≥95%\"",
                             numbers));
        if (!p.hasNumber)
            throw refuse(msg("target.notComparison", "数值前的文字「{1}」不是比较符号（≥、≤、不低于、不超过……）",
                             "the text \"{1}\" before the number is not a comparison (≥, ≤, 不低于, 不超过 ...)",
                             s.substr(p.end, std::min<std::size_t>(8, s.size() - p.end))));
        if (p.end != s.size())
            throw refuse(msg("target.unknownSuffix", "「{1}」不是已知的度量单位或限定词（单位：{2}；限定词：以上、以下、以内……）",
                             "\"{1}\" is not a known unit or qualifier (units: {2}; qualifiers: 以上, 以下, 以内 ...)",
                             s.substr(p.end), knownUnits()));
    } else {
        p = parseParts(s, true);
        bool numeral = p.hasNumber && p.end == s.size() && (!p.qualifiers.empty() || !p.unit.empty());
        if (!numeral && !p.badNumeral.empty() && !p.qualifiers.empty())
            throw refuse(msg("target.chineseNumeral", "中文数字「{1}」无法确定数值（如「一百五」是 150 还是 105），请用阿拉伯数字",
                             "the Chinese numeral \"{1}\" has no certain value (is \"一百五\" 150 or 105?); write "
                             "it in Arabic digits",
                             p.badNumeral));
        if (!numeral) {
            // No number: 定性 — unless the text is only a comparison, which has lost its number.
            if (hasComparisonSymbol(s))
                throw refuse(msg("target.noNumberAfterSymbol", "比较符号后没有数值", "there is no number after the comparison"));
            Parsed words = parseParts(s, false);  // qualifiers only
            bool onlyQualifiers = !words.qualifiers.empty() && words.end == s.size();
            if (!onlyQualifiers) {
                std::size_t pos = 0;  // a suffix alone (以上) is no 定性 text either
                while (pos < s.size()) {
                    const Qualifier* suf = suffixAt(s, pos);
                    if (!suf) break;
                    pos += suf->word.size();
                }
                onlyQualifiers = pos == s.size();
            }
            if (onlyQualifiers && s != u"达到")
                throw refuse(msg("target.noNumberAfter", "「{1}」后没有数值", "there is no number after \"{1}\"", s));
            t.kind = TargetKind::Qualitative;
            std::optional<std::u16string> u = canonicalUnit(unit);
            t.unit = u ? *u : std::u16string();
            return t;
        }
    }

    // The comparison: every qualifier written must say the same; none = ≥ (a bare number).
    t.kind = TargetKind::AtLeast;
    t.strict = false;
    if (!p.qualifiers.empty()) {
        const Qualifier* first = p.qualifiers.front();
        for (const Qualifier* x : p.qualifiers)
            if (x->kind != first->kind || x->strict != first->strict)
                throw refuse(msg("target.qualifiersDisagree", "「{1}」与「{2}」的比较方向或是否含本数不一致",
                                 "\"{1}\" and \"{2}\" disagree on the direction of the comparison or on whether "
                                 "the value itself counts",
                                 first->word, x->word));
        t.kind = first->kind;
        t.strict = first->strict;
    }

    // The unit: the target's own, or the row's; the two must agree.
    // (a function's 度量单位 is its argument "unit"; the fill's is the 度量单位 column)
    std::u16string row = rowUnit(unit, argName.description() ? ArgName("") : ArgName("unit"));
    const std::u16string own = perN.empty() ? std::u16string(p.unit) : perN;
    if (!perN.empty() && !p.unit.empty())
        throw refuse(msg("target.unitTwice", "单位写了两次（「{1}」与「{2}」）", "the unit is written twice (\"{1}\" and \"{2}\")",
                         p.unit, perN));
    if (!own.empty() && !row.empty() && own != row)
        throw RuleError(msg("target.unitDisagrees", "{1}「{2}」的单位「{3}」与度量单位「{4}」不一致（不做换算）",
                            "the unit \"{3}\" of {1} \"{2}\" differs from the unit (度量单位) \"{4}\" (units are "
                            "not converted)",
                            who, t.text, own, row));
    t.unit = own.empty() ? row : own;
    t.value = p.number / scaleOf(t.unit);
    if (!std::isfinite(t.value))
        throw refuse(msg("target.numberNotFinite", "数值不是有限数", "the number is not finite"));
    return t;
}

namespace {
// Calc hands an empty cell to an `any` argument as the number 0 (not as ""), so for the optional
// arguments a 0 is a blank cell: it says nothing, whatever the argument is.
CellView blankIfZero(const CellView& c) {
    return c.kind == CellView::Kind::Number && c.number == 0 ? CellView::empty() : c;
}
}  // namespace

Target targetArg(const CellView& target, const CellView& unitCell, const ArgName& argName) {
    std::u16string_view u;
    const CellView unit = blankIfZero(unitCell);
    if (unit.kind == CellView::Kind::Number)
        throw RuleError(msg("target.unitIsNumber", "{1}应为文字（%、个、万元……），不是数字 {2}",
                            "{1} should be text (%, 个, 万元 ...), not the number {2}", label("unit", Term::Unit),
                            num(unit.number)));
    if (unit.kind == CellView::Kind::Text) u = unit.text;
    switch (target.kind) {
        case CellView::Kind::Empty:
            throw RuleError(msg("target.argEmpty", "{1}为空", "{1} is empty", label(argName, Term::Target)));
        case CellView::Kind::Text:
            return parseTarget(target.text, u, argName);
        case CellView::Kind::Number:
            break;
    }
    // A number in a cell is "≥ that number", read like an actual value (a % cell holds a fraction).
    // 0 is what an empty cell looks like here: refused, so that a blank 指标值 never reads as ≥0.
    Target t;
    if (!std::isfinite(target.number))
        throw RuleError(msg("target.notFinite", "{1}不是有限数", "{1} is not a finite number", label(argName, Term::Target)));
    if (target.number == 0)
        throw RuleError(msg("target.zero", "{1}为 0 或空白单元格：目标为 0 请写成文字（如「≥0」「≤0」）",
                            "{1} is 0 or a blank cell: write a target of 0 as text (e.g. \"≥0\" or \"≤0\")",
                            label(argName, Term::Target)));
    t.kind = TargetKind::AtLeast;
    t.unit = rowUnit(u, "unit");
    t.value = fractionChecked(target.number, t.unit, label(argName, Term::Target), num(target.number));
    t.text = numberText16(target.number);
    return t;
}

double targetValue(const Target& target) {
    if (target.kind == TargetKind::Qualitative)
        throw RuleError(msg("target.qualitativeNoValue", "指标值「{1}」是定性表述，没有目标数值",
                            "the target value (指标值) \"{1}\" is qualitative (定性) and has no number", target.text));
    return target.value;
}

// ---------------------------------------------------------------- actual values

namespace {
RuleError actualUnitDisagrees(const Message& who, std::u16string_view actual, std::u16string_view unit,
                              std::u16string_view targetUnit) {
    MessageArg none = msg("target.noUnit", "（无）", "(none)");
    return RuleError(msg("target.actualUnitDisagrees", "{1}「{2}」的单位「{3}」与指标值的单位「{4}」不一致（不做换算）",
                         "the unit \"{3}\" of {1} \"{2}\" differs from the unit \"{4}\" of the target value (指标值) "
                         "(units are not converted)",
                         who, actual, unit, targetUnit.empty() ? none : MessageArg(targetUnit)));
}
}  // namespace

double actualValue(const CellView& actual, const Target& target, const ArgName& argName) {
    const Message who = label(argName, Term::Actual);
    if (target.kind == TargetKind::Qualitative)
        throw RuleError(msg("target.qualitativeNoActual", "{1}：指标值「{2}」是定性表述，没有可比较的数值",
                            "{1}: the target value (指标值) \"{2}\" is qualitative (定性), there is no number to compare",
                            who, target.text));
    switch (actual.kind) {
        case CellView::Kind::Empty:
            throw RuleError(msg("target.argEmpty", "{1}为空", "{1} is empty", who));
        case CellView::Kind::Number:
            if (!std::isfinite(actual.number))
                throw RuleError(msg("target.notFinite", "{1}不是有限数", "{1} is not a finite number", who));
            return fractionChecked(actual.number, target.unit, who, num(actual.number));
        case CellView::Kind::Text:
            break;
    }
    const std::u16string s = normalized(actual.text);
    if (s.empty()) throw RuleError(msg("target.argEmpty", "{1}为空", "{1} is empty", who));
    if (dashOnly(s)) return 0.0;  // the range policy: "-" = 0
    // A plain number ("1,234", "(12)") first, then number + unit ("90%", "12个").
    std::optional<double> plain;
    if (s.back() != u'%') plain = parseNumber(s);
    if (plain) return fractionChecked(*plain, target.unit, who, toUtf8(s));
    std::u16string body;
    if (std::u16string per = splitPerUnit(s, body); !per.empty()) {  // "8.5/10万"
        std::optional<double> v = parseNumber(body);
        if (!v) throw RuleError(msg("target.actualNotNumber", "{1}「{2}」不是数值（应为数字、「90%」或带度量单位的数字）",
                                  "{1} \"{2}\" is not a number (write a number, \"90%\" or a number with its unit)", who,
                                  trim(actual.text)));
        if (per != target.unit) throw actualUnitDisagrees(who, trim(actual.text), per, target.unit);
        return *v;
    }
    double v = 0;
    std::size_t n = digitsAt(s, 0, v);
    const UnitAlias* u = n ? unitAt(s, n) : nullptr;
    if (!n || !u || n + u->written.size() != s.size())
        throw RuleError(msg("target.actualNotNumber", "{1}「{2}」不是数值（应为数字、「90%」或带度量单位的数字）",
                              "{1} \"{2}\" is not a number (write a number, \"90%\" or a number with its unit)", who,
                              trim(actual.text)));
    if (u->canonical != target.unit) throw actualUnitDisagrees(who, trim(actual.text), u->canonical, target.unit);
    return v / scaleOf(u->canonical);
}

// ---------------------------------------------------------------- met, ratio, score

bool targetMet(double actual, const Target& target) {
    requireFinite(actual, "actual");
    const double t = target.value;
    switch (target.kind) {
        case TargetKind::AtLeast:
        case TargetKind::Equal:
            return target.strict ? actual > t && !approxEqual(actual, t) : approxGE(actual, t);
        case TargetKind::AtMost:
            return target.strict ? actual < t && !approxEqual(actual, t) : approxLE(actual, t);
        case TargetKind::Qualitative:
            break;
    }
    throw RuleError(msg("target.qualitativeNotMet", "指标值「{1}」是定性表述，无法按数值判断是否达标",
                        "the target value (指标值) \"{1}\" is qualitative (定性): whether it is met cannot be judged "
                        "by a number",
                        target.text));
}

double targetRatio(double actual, const Target& target) {
    requireFinite(actual, "actual");
    const double t = target.value;
    switch (target.kind) {
        case TargetKind::AtLeast:
        case TargetKind::Equal:
            if (!(t > 0))
                throw RuleError(msg("target.ratioTargetNotPositive",
                                    "指标值「{1}」的目标值为 {2}，须大于 0 才能计算完成倍数（实际 ÷ 目标）",
                                    "the target value (指标值) \"{1}\" is {2}; it must be above 0 to give a "
                                    "completion ratio (actual ÷ target)",
                                    target.text, num(t)));
            return actual / t;
        case TargetKind::AtMost:
            if (t < 0)
                throw RuleError(msg("target.ratioTargetNegative", "指标值「{1}」的目标值为负，无法计算完成倍数（目标 ÷ 实际）",
                                    "the target value (指标值) \"{1}\" is negative: there is no completion ratio "
                                    "(target ÷ actual)",
                                    target.text));
            if (!(actual > 0))
                throw RuleError(msg("target.ratioActualNotPositive",
                                    "指标值「{1}」为反向指标，实际完成值为 {2}，须大于 0 才能计算完成倍数（目标 ÷ 实际）",
                                    "the target value (指标值) \"{1}\" is lower-is-better and the actual value is {2}; "
                                    "it must be above 0 to give a completion ratio (target ÷ actual)",
                                    target.text, num(actual)));
            return t / actual;
        case TargetKind::Qualitative:
            break;
    }
    throw RuleError(msg("target.qualitativeNoRatio", "指标值「{1}」是定性表述，没有完成倍数",
                        "the target value (指标值) \"{1}\" is qualitative (定性) and has no completion ratio",
                        target.text));
}

std::pair<double, double> gradeBand(std::u16string_view gradeText, const QualitativeBands& bands) {
    std::u16string_view g = trim(gradeText);
    enum class Grade { Achieved, Partial, NotAchieved };
    struct Row { std::u16string_view word; Grade grade; };
    static const Row grades[] = {
        {u"达成", Grade::Achieved}, {u"达成预期", Grade::Achieved}, {u"已达成", Grade::Achieved},
        {u"全部达成", Grade::Achieved},
        {u"部分达成", Grade::Partial},
        {u"未达成", Grade::NotAchieved}, {u"未达成预期", Grade::NotAchieved},
    };
    for (const Row& r : grades)
        if (g == r.word) switch (r.grade) {
                case Grade::Achieved: return {bands.achieved, 1.0};
                case Grade::Partial: return {bands.partial, bands.achieved};
                case Grade::NotAchieved: return {0.0, bands.partial};
            }
    // 优/良/中/差 (and their synonyms): the top is the level's fraction, the band reaches down to the
    // next level's fraction (优 [80%, 100%], 良 [60%, 80%], 中 [0, 60%], 差 [0, 0]).
    double top;
    try {
        top = levelFraction(g);
    } catch (const RuleError&) {
        throw RuleError(msg("target.unknownGrade", "完成等级「{1}」无法识别（达成 / 部分达成 / 未达成，或 优 / 良 / 中 / 差）",
                            "the grade (完成等级) \"{1}\" is not known (达成 / 部分达成 / 未达成, or 优 / 良 / 中 / 差)",
                            g));
    }
    double low = 0;
    for (std::u16string_view level : {u"优", u"良", u"中", u"差"}) {
        double f = levelFraction(level);
        if (f < top - 1e-12) low = std::max(low, f);
    }
    return {low, top};
}

double indicatorScore(const CellView& actual, const Target& target, double weight, const IndicatorOptions& options) {
    if (!std::isfinite(weight))
        throw RuleError(msg("target.weightNotFinite", "分值（weight）不是有限数", "the weight (分值) is not a finite number"));
    if (weight < 0)
        throw RuleError(msg("target.weightNegative", "分值（weight）不能为负（{1}）", "the weight (分值) cannot be negative ({1})",
                            num(weight)));
    const bool qualitative = target.kind == TargetKind::Qualitative;

    // The evaluator's ratio replaces the rule (and any over-achievement cut).
    if (options.ratio) {
        double r = *options.ratio;
        if (!std::isfinite(r) || r < -1e-12 || r > 1 + 1e-12)
            throw RuleError(msg("target.ratioRange", "得分比例（ratio）应在 0–100% 之间（{1}）",
                                "the score ratio (得分比例) must lie between 0 and 100% ({1})", num(r)));
        if (qualitative && !trim(options.grade).empty()) {
            auto [low, high] = gradeBand(options.grade, options.bands);
            if (r < low - 1e-9 || r > high + 1e-9)
                throw RuleError(msg("target.ratioOutsideGrade", "得分比例 {1}% 不在完成等级「{2}」的区间 {3}%–{4}% 内",
                                    "the score ratio {1}% lies outside the band {3}%–{4}% of the grade (完成等级) \"{2}\"",
                                    num(r * 100), trim(options.grade), num(low * 100), num(high * 100)));
        }
        return clamp01(r) * weight;
    }
    if (qualitative) {
        if (!options.overachievement.empty())
            throw RuleError(msg("target.qualitativeNoCut", "指标值「{1}」是定性表述，不能按超额完成倍数核减",
                                "the target value (指标值) \"{1}\" is qualitative (定性): it cannot be cut for "
                                "over-achievement",
                                target.text));
        if (trim(options.grade).empty())
            throw RuleError(msg("target.qualitativeNeedsGrade", "指标值「{1}」是定性表述：须给出完成等级（grade）或得分比例（ratio）",
                                "the target value (指标值) \"{1}\" is qualitative (定性): give a grade (完成等级, "
                                "argument grade) or a score ratio (得分比例, argument ratio)",
                                target.text));
        return gradeBand(options.grade, options.bands).second * weight;
    }

    const double a = actualValue(actual, target);
    const double t = target.value;
    double score;
    if (targetMet(a, target)) {
        score = weight;
    } else if (options.method == TargetMethod::Threshold) {
        score = 0;
    } else if (target.kind == TargetKind::AtMost) {
        score = a > 0 ? clamp01(t / a) * weight : 0.0;
    } else {
        // ≥ / =: in proportion; a target of 0 or below has no proportion, so not met scores 0.
        score = t > 0 ? clamp01(a / t) * weight : 0.0;
    }
    if (!options.overachievement.empty())
        score *= overachievementFactor(targetRatio(a, target), 1.0, options.overachievement);
    return score;
}

// ---------------------------------------------------------------- arguments

IndicatorOptions indicatorOptionsArg(const CellView& method, const CellView& gradeCell, const CellView& ratioCell,
                                     const RangeView& overachievement, const RangeView& bands) {
    IndicatorOptions o;
    o.method = targetMethodArg(blankIfZero(method), TargetMethod::Proportional);
    const CellView grade = blankIfZero(gradeCell), ratio = blankIfZero(ratioCell);
    if (grade.kind == CellView::Kind::Number)
        throw RuleError(msg("target.gradeIsNumber", "{1}应为文字（达成 / 部分达成 / 未达成，或 优 / 良 / 中 / 差），不是数字 {2}",
                            "{1} should be text (达成 / 部分达成 / 未达成, or 优 / 良 / 中 / 差), not the number {2}",
                            label("grade", Term::Grade), num(grade.number)));
    if (grade.kind == CellView::Kind::Text && !isBlankText(grade.text)) {
        gradeBand(grade.text);  // an unknown grade is an error even when a ratio is given
        o.grade = std::u16string(trim(grade.text));
    }
    if (ratio.kind == CellView::Kind::Text && !isBlankText(ratio.text) && !parseNumber(ratio.text))
        throw RuleError(msg("target.ratioNotRatio", "{1}「{2}」不是比例（如 0.8 或「80%」）",
                            "{1} \"{2}\" is not a ratio (e.g. 0.8 or \"80%\")", label("ratio", Term::Ratio),
                            trim(ratio.text)));
    if (std::optional<double> r = numberOf(ratio, "ratio", 0)) {
        if (*r < 0 || *r > 1)
            throw RuleError(msg("target.ratioArgRange", "{1}应在 0–100% 之间（{2}；80% 请写 0.8 或「80%」）",
                                "{1} must lie between 0 and 100% ({2}; write 80% as 0.8 or \"80%\")",
                                label("ratio", Term::Ratio), num(*r)));
        o.ratio = *r;
    }
    o.overachievement = overachievementArg(overachievement, "overachievement");
    o.bands = qualitativeBandsArg(bands, "bands");
    return o;
}

namespace {

bool blankBandCell(const CellView& c) {
    return c.kind == CellView::Kind::Empty || (c.kind == CellView::Kind::Text && isBlankText(c.text)) ||
           (c.kind == CellView::Kind::Number && c.number == 0);
}

RuleError bandsUnreadable(const ArgName& argName, MessageArg shown, Message why) {
    return RuleError(msg("target.bandsUnreadable", "{1}「{2}」无法识别：{3}", "{1} \"{2}\" cannot be read: {3}",
                         label(argName, Term::Bands), std::move(shown), std::move(why)));
}

Message bandsForm() {
    return msg("target.bandsForm", "应写达成与部分达成的下限，如「80%/60%」「80%/50%」或两格 0.8、0.5",
               "write the lower bounds of 达成 and 部分达成, e.g. \"80%/60%\", \"80%/50%\" or two cells 0.8 and 0.5");
}

QualitativeBands checkedBands(double achieved, double partial, const ArgName& argName, MessageArg shown) {
    if (!std::isfinite(achieved) || !std::isfinite(partial) || !(achieved < 1) || !(partial > 0) ||
        !(achieved > partial))
        throw RuleError(msg("target.bandsOrder",
                            "{1}「{2}」的下限应满足 100% > 达成 > 部分达成 > 0（读作 达成 {3}%、部分达成 {4}%；80% 请写 0.8 或「80%」）",
                            "the lower bounds in {1} \"{2}\" must satisfy 100% > 达成 > 部分达成 > 0 (read as 达成 "
                            "{3}%, 部分达成 {4}%; write 80% as 0.8 or \"80%\")",
                            label(argName, Term::Bands), std::move(shown), num(achieved * 100), num(partial * 100)));
    QualitativeBands b;
    b.achieved = achieved;
    b.partial = partial;
    return b;
}

bool isBandSeparator(char16_t c) {
    return c == u'/' || c == u'\uFF0F' || c == u'、' || c == u';' || c == u'\uFF1B' || c == u'\uFF0C';
}

// "80%/50%", "80/50", "0.8;0.5": the two bounds of one text.
QualitativeBands bandsFromText(std::u16string_view whole, const ArgName& argName) {
    std::u16string_view t = trim(whole);
    std::vector<std::u16string_view> parts;
    std::size_t from = 0;
    for (std::size_t i = 0; i <= t.size(); ++i)
        if (i == t.size() || isBandSeparator(t[i])) {
            parts.push_back(trim(t.substr(from, i - from)));
            from = i + 1;
        }
    const MessageArg shown = std::u16string(t);
    if (parts.size() == 1)
        throw bandsUnreadable(argName, shown,
                              parseNumber(parts[0])
                                  ? msg("target.bandsOneNumber", "只有一个数值；{1}", "there is only one number; {1}",
                                        bandsForm())
                                  : msg("target.bandsNotNumber", "「{1}」不是数值；{2}", "\"{1}\" is not a number; {2}",
                                        std::u16string(parts[0]), bandsForm()));
    if (parts.size() != 2)
        throw bandsUnreadable(argName, shown,
                              msg("target.bandsCount", "应为两个数值（现有 {1} 段）；{2}",
                                  "two numbers are needed (there are {1} parts); {2}",
                                  static_cast<unsigned>(parts.size()), bandsForm()));
    double v[2];
    bool percent[2];
    for (int k = 0; k < 2; ++k) {
        std::optional<double> n = parseNumber(parts[k]);
        if (!n)
            throw bandsUnreadable(argName, shown,
                                  msg("target.bandsNotNumber", "「{1}」不是数值；{2}", "\"{1}\" is not a number; {2}",
                                      std::u16string(parts[k]), bandsForm()));
        char16_t last = parts[k].empty() ? 0 : parts[k].back();
        percent[k] = last == u'%' || last == u'\uFF05';
        v[k] = *n;
    }
    if (!percent[0] && !percent[1]) {
        // 80/50: percentage points; 0.8/0.5: fractions; 0.8/50 is not guessed.
        if (v[0] > 1 && v[1] > 1) v[0] /= 100, v[1] /= 100;
        else if (v[0] > 1 || v[1] > 1)
            throw bandsUnreadable(argName, shown,
                                  msg("target.bandsMixedScale", "一个数值是百分数、一个是小数，无法确定；{1}",
                                      "one number reads as percentage points and the other as a fraction; {1}",
                                      bandsForm()));
    } else if (percent[0] != percent[1]) {
        throw bandsUnreadable(argName, shown,
                              msg("target.bandsMixedPercent", "只有一个数值带 %；{1}", "only one of the numbers has a %; {1}",
                                  bandsForm()));
    }
    return checkedBands(v[0], v[1], argName, shown);
}

}  // namespace

QualitativeBands qualitativeBandsArg(const CellView& cell, const ArgName& argName) {
    if (blankBandCell(cell)) return {};
    if (cell.kind == CellView::Kind::Number)
        throw bandsUnreadable(argName, num(cell.number),
                              msg("target.bandsOneNumber", "只有一个数值；{1}", "there is only one number; {1}", bandsForm()));
    return bandsFromText(cell.text, argName);
}

QualitativeBands qualitativeBandsArg(const RangeView& range, const ArgName& argName) {
    std::vector<const CellView*> given;
    for (const CellView& c : range.cells)
        if (!blankBandCell(c)) given.push_back(&c);
    if (given.empty()) return {};
    if (range.size() == 1) return qualitativeBandsArg(range.cells[0], argName);
    const MessageArg shown = msg("target.bandsRange", "{1} 格区域", "range of {1} cells", static_cast<unsigned>(range.size()));
    if (range.size() != 2 || given.size() != 2)
        throw bandsUnreadable(argName, shown,
                              msg("target.bandsRangeCount", "区域应恰为两格数值（现有 {1} 格非空）；{2}",
                                  "a range must hold exactly two numbers ({1} cells are not blank); {2}",
                                  static_cast<unsigned>(given.size()), bandsForm()));
    double v[2];
    for (int k = 0; k < 2; ++k) {
        const CellView& c = *given[k];
        std::optional<double> n = c.kind == CellView::Kind::Number ? std::optional<double>(c.number) : parseNumber(c.text);
        if (!n)
            throw bandsUnreadable(argName, shown,
                                  msg("target.bandsNotNumber", "「{1}」不是数值；{2}", "\"{1}\" is not a number; {2}",
                                      std::u16string(trim(c.text)), bandsForm()));
        v[k] = *n;
    }
    return checkedBands(v[0], v[1], argName, shown);
}

std::vector<Band> overachievementArg(const RangeView& range, std::string_view argName) {
    if (range.size() == 0) return {};
    if (range.size() == 1) {
        const CellView& c = range.cells[0];
        if (c.kind == CellView::Kind::Empty || (c.kind == CellView::Kind::Text && isBlankText(c.text))) return {};
        std::optional<bool> yes = yesNo(c);
        if (!yes)
            throw RuleError(msg("target.cutUnknown", "{1}「{2}」无法识别（是 / 否、TRUE / FALSE，或两列分档表）",
                                "{1} \"{2}\" is not understood (是 / 否, TRUE / FALSE, or a table of bands in two "
                                "columns)",
                                label(argName, Term::Cut), c.kind == CellView::Kind::Text ? trim(c.text) : u"?"));
        return *yes ? defaultOverachievementBands() : std::vector<Band>{};
    }
    return bandsArg(range, argName, true);
}

}  // namespace jixiao
