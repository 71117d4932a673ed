#include "jixiao/portable.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <optional>

#include "jixiao/catalog.hpp"
#include "jixiao/rules.hpp"
#include "jixiao/target.hpp"
#include "jixiao/values.hpp"

namespace jixiao::portable {

using formula::Area;
using formula::Position;

namespace {

constexpr std::u16string_view kPrefix = u"ORG.JIXIAO.FUNCTIONS.";

char16_t upper(char16_t c) { return (c >= u'a' && c <= u'z') ? static_cast<char16_t>(c - u'a' + u'A') : c; }

// The catalogue name of a Jixiao call's name, or "".
std::string functionOf(std::u16string_view name) {
    if (name.size() <= kPrefix.size()) return {};
    for (std::size_t i = 0; i < kPrefix.size(); ++i)
        if (upper(name[i]) != kPrefix[i]) return {};
    std::string rest;
    for (char16_t c : name.substr(kPrefix.size())) {
        if (c >= 0x80) return {};
        rest += static_cast<char>(upper(c));
    }
    return findFunction(rest) ? rest : std::string();
}

// A number as formula text that reads back as the same double.
std::u16string lit(double x) {
    std::string s;
    for (int p = 15; p <= 17; ++p) {
        s = numberText(x, p);
        if (std::stod(s) == x) break;
    }
    std::u16string u(s.begin(), s.end());
    return x < 0 ? u"(" + u + u")" : u;
}

std::u16string par(const std::u16string& e) { return u"(" + e + u")"; }

// Comparisons with the core's tolerance (values.cpp: max(1e-9, 1e-6 × max(|a|, |b|))).
std::u16string tol(const std::u16string& a, const std::u16string& b) {
    return u"MAX(1E-9;1E-6*MAX(ABS(" + a + u");ABS(" + b + u")))";
}
std::u16string ge(const std::u16string& a, const std::u16string& b) { return a + u">=" + b + u"-" + tol(a, b); }
std::u16string le(const std::u16string& a, const std::u16string& b) { return a + u"<=" + b + u"+" + tol(a, b); }
std::u16string eq(const std::u16string& a, const std::u16string& b) {
    return u"ABS(" + a + u"-" + b + u")<=" + tol(a, b);
}
std::u16string clamp01(const std::u16string& x) { return u"MIN(1;MAX(0;" + x + u"))"; }

// IF(OR(guards);NA();body): the conditions under which the core refuses the call.
std::u16string guarded(const std::vector<std::u16string>& guards, const std::u16string& body) {
    if (guards.empty()) return body;
    std::u16string cond = guards.size() == 1 ? guards[0] : u"OR(";
    if (guards.size() > 1) {
        for (std::size_t i = 0; i < guards.size(); ++i) cond += (i ? u";" : u"") + guards[i];
        cond += u")";
    }
    return u"IF(" + cond + u";NA();" + body + u")";
}

std::u16string displayArea(const Area& a) {
    std::u16string s = a.sheet + u"!" + columnName(a.col0) + numberText16(static_cast<double>(a.row0 + 1));
    if (a.rows() > 1 || a.cols() > 1)
        s += u":" + columnName(a.col1) + numberText16(static_cast<double>(a.row1 + 1));
    return s;
}

struct Arg {
    std::u16string orig;  // as written
    std::u16string abs;   // absolutized
    std::u16string p;     // portable (translated) text
    std::optional<Area> area;
    std::optional<formula::Literal> literal;
    std::optional<std::vector<std::vector<formula::Literal>>> array;
    bool omitted = false;
};

Message errorValue(std::string_view argName, std::u16string_view shown) {
    return msg("portable.errorValue", "{1}的值是错误值 {2}", "{1} holds the error value {2}", argLabel(argName), shown);
}

Message missingArg(std::size_t i) {
    return msg("portable.missingArg", "缺少第 {1} 个参数", "argument {1} is missing", std::to_string(i + 1));
}

// One call being translated: its arguments, their values now, and the helper cells it may add.
class Gen {
public:
    Gen(Context& ctx, const Position& at, std::vector<Arg>& args, bool absolute)
        : ctx_(ctx), at_(at), args_(args), absolute_(absolute) {}

    bool given(std::size_t i) const { return i < args_.size() && !args_[i].omitted; }
    const Arg& arg(std::size_t i) const {
        if (i >= args_.size()) throw RuleError(missingArg(i));  // portableCall checks the count; this guards the generators
        return args_[i];
    }

    // A `double` argument, live: its portable text in parentheses (an omitted one is 0, as Calc
    // passes it).
    std::u16string num(std::size_t i) const { return given(i) ? par(args_[i].p) : u"0"; }

    // The value of a scalar argument as an `any` parameter receives it now.
    CellView scalar(std::size_t i, std::string_view argName) {
        if (!given(i)) return CellView::empty();
        const Arg& a = args_[i];
        if (a.literal) return literalCell(*a.literal);
        if (a.area) {
            if (a.area->rows() != 1 || a.area->cols() != 1)
                throw RuleError(msg("portable.rangeForValue", "{1}应为单个数值，不是区域", "{1} must be a single value, not a range",
                                    argLabel(argName)));
            CellView c = cellAt(a.area->sheet, a.area->row0, a.area->col0, argName);
            // An empty cell reaches an `any` argument as the number 0.
            return c.kind == CellView::Kind::Empty ? CellView::num(0) : c;
        }
        const Cell* v = ctx_.evaluated(a.abs);
        if (!v) return CellView::empty();
        return owned(*v, argName);
    }

    // The value of a range argument as an `any` table receives it now (an omitted one: no cells).
    RangeView range(std::size_t i, std::string_view argName) {
        RangeView r;
        if (!given(i)) return r;
        const Arg& a = args_[i];
        if (a.area) {
            r.rows = a.area->rows();
            r.cols = a.area->cols();
            for (std::size_t y = a.area->row0; y <= a.area->row1; ++y)
                for (std::size_t x = a.area->col0; x <= a.area->col1; ++x)
                    r.cells.push_back(cellAt(a.area->sheet, y, x, argName));
            return r;
        }
        if (a.array) {
            r.rows = a.array->size();
            r.cols = r.rows ? (*a.array)[0].size() : 0;
            for (const auto& row : *a.array)
                for (const auto& l : row) r.cells.push_back(literalCell(l));
            return r;
        }
        r.rows = r.cols = 1;
        r.cells.push_back(scalar(i, argName));
        return r;
    }

    // A table argument given as one value or a range (cellsOf in the adapter).
    RangeView cells(std::size_t i, std::string_view argName) {
        if (!given(i)) return {};
        const Arg& a = args_[i];
        if ((a.area && (a.area->rows() > 1 || a.area->cols() > 1)) || a.array) return range(i, argName);
        RangeView r;
        r.rows = r.cols = 1;
        r.cells.push_back(scalar(i, argName));
        return r;
    }

    // A numeric range read by the range policy, as a formula operand of `rows` × `cols` cells
    // (0: its own shape): the reference itself while every cell is a number or blank, else a
    // copy in 计算底稿 — numbers and blanks still referring to their cells, numeric text, "-" and
    // marks as the numbers the policy reads — with the original cells named beside it.
    std::u16string numbers(std::size_t i, std::string_view argName, Blanks blanks, std::size_t rows = 0,
                           std::size_t cols = 0, bool marks = false) {
        if (!given(i)) throw RuleError(missingArg(i));  // a range left empty: AMOUNT_SUM(), ADJUSTMENT_RATE(;A1:A3)
        RangeView r = range(i, argName);
        std::vector<double> values = marks ? marksArg(r, argName) : numbersOf(r, argName, blanks);
        (void)values;  // the reading decides whether the call is valid; the values are re-read below
        const Arg& a = arg(i);
        bool clean = true;
        for (const CellView& c : r.cells)
            if (c.kind == CellView::Kind::Text) clean = false;
        bool sameShape = rows == 0 || (r.rows == rows && r.cols == cols);
        if (clean && sameShape && (a.area || a.array)) return a.p;
        if (rows == 0) {
            rows = r.rows;
            cols = r.cols;
        }
        std::u16string key = u"numbers|" + a.abs + (marks ? u"|marks" : u"") + u"|" + numberText16(double(rows)) + u"x" +
                             numberText16(double(cols));
        if (auto f = ctx_.blocks().find(key); f != ctx_.blocks().end()) return formula::areaText(f->second);
        if (r.cells.size() != rows * cols) {  // a different shape: one column
            rows = r.cells.size();
            cols = 1;
        }
        std::vector<HelperCell> out;
        std::vector<std::u16string> labels;
        for (std::size_t k = 0; k < r.cells.size(); ++k) {
            const CellView& c = r.cells[k];
            HelperCell h;
            std::optional<Area> src;
            if (a.area) {
                std::size_t y = a.area->row0 + k / r.cols, x = a.area->col0 + k % r.cols;
                src = Area{a.area->sheet, y, x, y, x};
            }
            if (c.kind != CellView::Kind::Text && src) {
                std::u16string ref = formula::areaText(*src);
                h.formula = blanks == Blanks::Skip || marks ? u"=IF(ISBLANK(" + ref + u");\"\";" + ref + u")"
                                                            : u"=N(" + ref + u")";
            } else if (c.kind == CellView::Kind::Empty) {
                if (blanks == Blanks::AsZero || marks) h.value = Cell::num(0);
            } else if (c.kind == CellView::Kind::Number) {
                h.value = Cell::num(c.number);
            } else {
                RangeView one;
                one.rows = one.cols = 1;
                one.cells.push_back(c);
                std::vector<double> v = marks ? marksArg(one, argName) : numbersOf(one, argName, blanks);
                if (!v.empty()) h.value = Cell::num(v[0]);
            }
            out.push_back(h);
            if (k % cols == 0)
                labels.push_back(src ? msgText(msg("portable.copyOf", "原单元格 {1}", "from {1}", displayArea(*src)))
                                     : std::u16string());
        }
        std::u16string header =
            msgText(msg("portable.copyHeader", "数值副本：{1}", "numeric copy of {1}",
                        a.area ? displayArea(*a.area) : std::u16string(trim(a.orig))));
        Area area = ctx_.addBlock(header, rows, cols, out, labels);
        ctx_.blocks()[key] = area;
        return formula::areaText(area);
    }

    // One number the rule read from text (a 指标值, an actual written "105%"), in a 计算底稿 cell
    // with the text and its cell beside it.
    std::u16string constant(std::size_t i, double value, std::u16string_view what) {
        const Arg& a = arg(i);
        std::u16string key = u"const|" + a.abs + u"|" + std::u16string(what);
        if (auto f = ctx_.blocks().find(key); f != ctx_.blocks().end()) return formula::areaText(f->second);
        std::u16string shown = a.area ? displayArea(*a.area) : std::u16string(trim(a.orig));
        HelperCell h;
        h.value = Cell::num(value);
        Area area = ctx_.addListRow(what, h, shown);
        ctx_.blocks()[key] = area;
        return formula::areaText(area);
    }

    static std::u16string msgText(const Message& m) { return fromUtf8(m.text(Lang::Zh)); }

private:
    CellView literalCell(const formula::Literal& l) {
        switch (l.kind) {
            case formula::Literal::Kind::Number:
            case formula::Literal::Kind::Bool: return CellView::num(l.number);
            case formula::Literal::Kind::Text: arena_.push_back(l.text); return CellView::str(arena_.back());
        }
        return CellView::empty();
    }
    CellView owned(const Cell& c, std::string_view argName) {
        switch (c.kind) {
            case Cell::Kind::Empty: return CellView::empty();
            case Cell::Kind::Number: return CellView::num(c.number);
            case Cell::Kind::Text:
                if (isErrorText(c.text)) throw RuleError(errorValue(argName, c.text));
                arena_.push_back(c.text);
                return CellView::str(arena_.back());
        }
        return CellView::empty();
    }
    CellView cellAt(const std::u16string& sheet, std::size_t row, std::size_t col, std::string_view argName) {
        const Sheet* s = ctx_.workbook().find(sheet);
        if (!s)
            throw RuleError(msg("portable.noSheet", "{1}引用的工作表「{2}」不存在", "{1} refers to the sheet \"{2}\", which does not exist",
                                argLabel(argName), sheet));
        return owned(s->at(row, col), argName);
    }

    Context& ctx_;
    Position at_;
    std::vector<Arg>& args_;
    bool absolute_;
    std::deque<std::u16string> arena_;
};

// ---- the generators: one per function, beside the readers of its rule ----

using Generator = std::function<std::u16string(Gen&)>;

std::u16string completionScore(Gen& g) {
    std::u16string r = g.num(0), w = g.num(1);
    CellView tc = g.scalar(2, "threshold");
    std::u16string t = lit(numberArg(tc, "threshold", 0.8));
    if (tc.kind == CellView::Kind::Number && g.given(2) && !g.arg(2).literal) t = par(g.arg(2).p);
    CompletionMethod m = completionMethodArg(g.scalar(3, "method"));
    std::vector<std::u16string> guards = {w + u"<0", t + u"<0", t + u">=1"};
    if (m == CompletionMethod::Proportional) return guarded(guards, clamp01(r) + u"*" + w);
    return guarded(guards, u"IF(" + r + u"<" + t + u";0;MIN(1;(" + r + u"-" + t + u")/(1-" + t + u"))*" + w + u")");
}

// An optional number (numberArg): live while it is a number in a cell, else the value read now.
std::u16string optNumber(Gen& g, std::size_t i, std::string_view name, double fallback) {
    CellView c = g.scalar(i, name);
    double v = numberArg(c, name, fallback);
    if (c.kind == CellView::Kind::Number && g.given(i) && !g.arg(i).literal) return par(g.arg(i).p);
    return lit(v);
}

// A band table becomes one nested IF per band; Excel nests functions 64 levels deep at most, so a
// table longer than this (with room for the comparisons and the formula around it) is refused.
constexpr std::size_t kMaxBands = 50;
void nestable(std::size_t bands) {
    if (bands > kMaxBands)
        throw RuleError(msg("portable.tooManyBands", "分档表有 {1} 档，通用格式最多写 {2} 档（Excel 的公式最多嵌套 64 层）",
                            "the band table has {1} bands; a portable formula holds at most {2} (Excel nests 64 levels deep)",
                            static_cast<unsigned long>(bands), static_cast<unsigned long>(kMaxBands)));
}

// A band table read by the core now (bandsArg), as sorted (bound, value) pairs.
std::u16string bandLookup(const std::vector<Band>& bands, const std::u16string& value, bool lowerIsBetter,
                          const std::u16string& weight) {
    // bandScore: higher is better -> the largest bound <= value (the first of equal bounds);
    // lower is better -> the smallest bound >= value.
    std::vector<Band> order;
    for (const Band& b : bands) {
        bool seen = false;
        for (const Band& o : order) seen = seen || o.bound == b.bound;
        if (!seen) order.push_back(b);
    }
    std::stable_sort(order.begin(), order.end(), [&](const Band& a, const Band& b) {
        return lowerIsBetter ? a.bound < b.bound : a.bound > b.bound;
    });
    nestable(order.size());
    std::u16string out = u"0";
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        std::u16string cond = lowerIsBetter ? ge(lit(it->bound), value) : le(lit(it->bound), value);
        out = u"IF(" + cond + u";" + lit(it->value) + u"*" + weight + u";" + out + u")";
    }
    return out;
}

// overachievementFactor(r, 1, bands) as a formula of r.
std::u16string factorOf(const std::vector<Band>& bands, const std::u16string& r) {
    std::vector<Band> closed;
    const Band* open = nullptr;
    for (const Band& b : bands) {
        if (b.open) {
            if (!open) open = &b;
            continue;
        }
        bool seen = false;
        for (const Band& o : closed) seen = seen || o.bound == b.bound;
        if (!seen) closed.push_back(b);
    }
    std::stable_sort(closed.begin(), closed.end(), [](const Band& a, const Band& b) { return a.bound < b.bound; });
    nestable(closed.size());
    // Beyond every bound: the open band, else the band with the largest bound.
    std::u16string out = lit(open ? open->value : closed.back().value);
    for (auto it = closed.rbegin(); it != closed.rend(); ++it)
        out = u"IF(" + le(r, lit(it->bound)) + u";" + lit(it->value) + u";" + out + u")";
    return out;
}

// The 指标值 argument: a number in a cell stays live (with the checks targetArg makes), a text is
// read now and its number written into 计算底稿.
struct TargetOperand {
    Target target;
    std::u16string value;            // formula operand of target.value
    std::vector<std::u16string> guards;
};
TargetOperand targetOperand(Gen& g, std::size_t ti, std::size_t ui) {
    CellView tc = g.scalar(ti, "target");
    TargetOperand t{targetArg(tc, g.scalar(ui, "unit"), "target"), {}, {}};
    if (t.target.kind == TargetKind::Qualitative) return t;
    if (tc.kind == CellView::Kind::Number && !g.arg(ti).literal) {
        t.value = par(g.arg(ti).p);
        t.guards.push_back(t.value + u"=0");
        if (t.target.unit == u"%" || t.target.unit == u"‰") t.guards.push_back(u"ABS(" + t.value + u")>1+1E-9");
    } else if (tc.kind == CellView::Kind::Number) {
        t.value = lit(t.target.value);
    } else {
        t.value = g.constant(ti, t.target.value,
                             Gen::msgText(msg("portable.targetHeader", "指标值「{1}」的目标值", "target value of \"{1}\"",
                                              t.target.text)));
    }
    return t;
}

// The actual value against a target: a number stays live (a % target takes fractions only), text
// ("105%", "12个") is read now into 计算底稿.
std::u16string actualOperand(Gen& g, std::size_t i, const Target& t, std::vector<std::u16string>& guards) {
    CellView c = g.scalar(i, "actual");
    double v = actualValue(c, t, "actual");
    if (c.kind == CellView::Kind::Number && !g.arg(i).literal) {
        std::u16string a = par(g.arg(i).p);
        if (t.unit == u"%" || t.unit == u"‰") guards.push_back(u"ABS(" + a + u")>1+1E-9");
        return a;
    }
    if (c.kind == CellView::Kind::Number) return lit(v);
    return g.constant(i, v, Gen::msgText(msg("portable.actualHeader", "实际完成值（按指标值读取）", "actual value as read")));
}

// targetRatio(a, t) with its refusals as guards.
std::u16string ratioOf(const Target& t, const std::u16string& a, const std::u16string& tv,
                       std::vector<std::u16string>& guards) {
    if (t.kind == TargetKind::AtMost) {
        guards.push_back(tv + u"<0");
        guards.push_back(a + u"<=0");
        return tv + u"/" + a;
    }
    guards.push_back(tv + u"<=0");
    return a + u"/" + tv;
}

std::u16string indicatorScore(Gen& g) {
    TargetOperand t = targetOperand(g, 1, 4);
    std::u16string w = g.num(2);
    IndicatorOptions o = indicatorOptionsArg(g.scalar(3, "method"), g.scalar(5, "grade"), g.scalar(6, "ratio"),
                                             g.cells(7, "overachievement"), g.cells(8, "bands"));
    std::vector<std::u16string> guards = {w + u"<0"};
    if (o.ratio || t.target.kind == TargetKind::Qualitative) {
        // The rule needs no number from the sheet: the fraction of the weight is decided now.
        double fraction = jixiao::indicatorScore(CellView::empty(), t.target, 1.0, o);
        return guarded(guards, lit(fraction) + u"*" + w);
    }
    std::u16string a = actualOperand(g, 0, t.target, guards);
    for (const auto& x : t.guards) guards.push_back(x);
    const std::u16string& tv = t.value;
    std::u16string met;
    switch (t.target.kind) {
        case TargetKind::AtMost:
            met = t.target.strict ? u"AND(" + a + u"<" + tv + u";NOT(" + eq(a, tv) + u"))" : le(a, tv);
            break;
        default:
            met = t.target.strict ? u"AND(" + a + u">" + tv + u";NOT(" + eq(a, tv) + u"))" : ge(a, tv);
    }
    std::u16string notMet;
    if (o.method == TargetMethod::Threshold) notMet = u"0";
    else if (t.target.kind == TargetKind::AtMost) notMet = u"IF(" + a + u">0;" + clamp01(tv + u"/" + a) + u"*" + w + u";0)";
    else notMet = u"IF(" + tv + u">0;" + clamp01(a + u"/" + tv) + u"*" + w + u";0)";
    std::u16string score = u"IF(" + met + u";" + w + u";" + notMet + u")";
    if (!o.overachievement.empty()) {
        std::vector<std::u16string> ratioGuards;
        std::u16string r = ratioOf(t.target, a, tv, ratioGuards);
        score = score + u"*" + guarded(ratioGuards, factorOf(o.overachievement, par(r)));
    }
    return guarded(guards, score);
}

const std::map<std::string, Generator>& generators() {
    static const std::map<std::string, Generator> table = {
        {"EXECUTION_RATE",
         [](Gen& g) {
             std::u16string a = g.num(0), b = g.num(1);
             return u"IF(" + b + u">0;" + a + u"/" + b + u";NA())";
         }},
        {"ITEM_ADJUSTMENT_RATE",
         [](Gen& g) {
             std::u16string i = g.num(0), a = g.num(1);
             return u"IF(" + i + u"<0;NA();IF(" + i + u"=0;IF(" + a + u"<>0;1;0);ABS(" + a + u")/" + i + u"))";
         }},
        {"ADJUSTMENT_RATE",
         [](Gen& g) {
             RangeView ri = g.range(0, "initial_budgets"), ra = g.range(1, "adjustments");
             requireSameSize(ri, "initial_budgets", ra, "adjustments");
             bool shape = ri.rows == ra.rows && ri.cols == ra.cols;
             std::size_t n = ri.size();
             std::u16string init = g.numbers(0, "initial_budgets", Blanks::AsZero, shape ? 0 : n, shape ? 0 : 1);
             std::u16string adj = g.numbers(1, "adjustments", Blanks::AsZero, shape ? 0 : n, shape ? 0 : 1);
             if (shape && (init != g.arg(0).p || adj != g.arg(1).p)) {  // one was copied: copy both alike
                 init = g.numbers(0, "initial_budgets", Blanks::AsZero, ri.rows, ri.cols);
                 adj = g.numbers(1, "adjustments", Blanks::AsZero, ra.rows, ra.cols);
             }
             bool countNew = flagArg(g.scalar(2, "count_new_items"), "count_new_items", false);
             std::u16string transfers = optNumber(g, 3, "transfers", 0.0);
             std::u16string num = countNew ? u"SUMPRODUCT(ABS(" + adj + u"))"
                                           : u"SUMPRODUCT(ABS(" + adj + u")*(" + init + u"<>0))";
             std::u16string den = u"(SUM(" + init + u")+" + transfers + u")";
             return guarded({u"COUNTIF(" + init + u";\"<0\")>0", den + u"<=0"}, num + u"/" + den);
         }},
        {"ADJUSTMENT_SUM",
         [](Gen& g) {
             RangeView ri = g.range(0, "initial_budgets"), ra = g.range(1, "adjustments");
             requireSameSize(ri, "initial_budgets", ra, "adjustments");
             bool shape = ri.rows == ra.rows && ri.cols == ra.cols;
             std::size_t n = ri.size();
             std::u16string init = g.numbers(0, "initial_budgets", Blanks::AsZero, shape ? 0 : n, shape ? 0 : 1);
             std::u16string adj = g.numbers(1, "adjustments", Blanks::AsZero, shape ? 0 : n, shape ? 0 : 1);
             bool countNew = flagArg(g.scalar(2, "count_new_items"), "count_new_items", false);
             std::u16string num = countNew ? u"SUMPRODUCT(ABS(" + adj + u"))"
                                           : u"SUMPRODUCT(ABS(" + adj + u")*(" + init + u"<>0))";
             return guarded({u"COUNTIF(" + init + u";\"<0\")>0"}, num);
         }},
        {"AMOUNT_SUM", [](Gen& g) { return u"SUM(" + g.numbers(0, "amounts", Blanks::AsZero) + u")"; }},
        {"BUDGET_COMPLETION_SCORE", completionScore},
        {"ADJUSTMENT_SCORE",
         [](Gen& g) {
             std::u16string r = g.num(0), w = g.num(1);
             return guarded({w + u"<0", r + u"<0"}, u"MAX(0;1-" + r + u")*" + w);
         }},
        {"BALANCE_SCORE",
         [](Gen& g) {
             std::u16string rates = g.numbers(0, "rates", Blanks::Skip), w = g.num(1);
             return guarded({w + u"<0", u"COUNT(" + rates + u")=0"}, clamp01(u"AVERAGE(" + rates + u")") + u"*" + w);
         }},
        {"PROCUREMENT_SCORE",
         [](Gen& g) {
             std::u16string a = g.num(0), p = g.num(1), w = g.num(2);
             return guarded({p + u"<=0", a + u"<0", w + u"<0"},
                            u"IF(AND(" + a + u">" + p + u";NOT(" + eq(a, p) + u"));0;MIN(1;" + a + u"/" + p + u")*" + w + u")");
         }},
        {"PUBLIC_FUNDS_SCORE",
         [](Gen& g) {
             std::u16string sa = g.num(0), sb = g.num(1), da = g.num(2), db = g.num(3);
             std::u16string pe = optNumber(g, 4, "points_each", 1.0);
             return guarded({sa + u"<0", sb + u"<0", da + u"<0", db + u"<0", pe + u"<0"},
                            u"IF(" + le(sa, sb) + u";" + pe + u";0)+IF(" + le(da, db) + u";" + pe + u";0)");
         }},
        {"MONITORING_SCORE",
         [](Gen& g) {
             std::u16string r = g.num(0), w = g.num(1), fm = optNumber(g, 2, "full_marks", 100.0);
             return guarded({fm + u"<=0", r + u"<0", w + u"<0"}, u"MIN(1;" + r + u"/" + fm + u")*" + w);
         }},
        {"FIXED_ASSET_SCORE",
         [](Gen& g) {
             std::u16string iu = g.num(0), t = g.num(1), w = g.num(2);
             std::vector<std::u16string> guards = {t + u"<=0", iu + u"<0", w + u"<0"};
             RangeView table = g.cells(3, "bands");
             bool givenTable = table.size() > 1 ||
                               (table.size() == 1 && !(table.cells[0].kind == CellView::Kind::Empty ||
                                                       (table.cells[0].kind == CellView::Kind::Text && isBlankText(table.cells[0].text)) ||
                                                       (table.cells[0].kind == CellView::Kind::Number && table.cells[0].number == 0)));
             std::u16string r = u"(" + iu + u"/" + t + u")";
             if (!givenTable)
                 return guarded(guards, u"IF(" + ge(r, u"0.9") + u";" + w + u";IF(" + ge(r, u"0.8") + u";" + w + u"/2;0))");
             std::vector<Band> bands = bandsArg(table, "bands", false);
             fixedAssetScore(0, 1, 0, bands);  // the checks of the table
             return guarded(guards, bandLookup(bands, r, false, w));
         }},
        {"TARGET_SCORE",
         [](Gen& g) {
             std::u16string a = g.num(0), t = g.num(1), w = g.num(2);
             TargetMethod m = targetMethodArg(g.scalar(3, "method"));
             bool lower = flagArg(g.scalar(4, "lower_is_better"), "lower_is_better", false);
             std::vector<std::u16string> guards = {w + u"<0"};
             if (!lower) guards.push_back(t + u"<=0");
             std::u16string frac = lower ? u"IF(" + a + u">0;" + clamp01(t + u"/" + a) + u";0)" : clamp01(a + u"/" + t);
             std::u16string notMet = m == TargetMethod::Threshold ? u"0" : frac + u"*" + w;
             return guarded(guards, u"IF(" + (lower ? le(a, t) : ge(a, t)) + u";" + w + u";" + notMet + u")");
         }},
        {"OVERACHIEVEMENT_FACTOR",
         [](Gen& g) {
             std::u16string a = g.num(0), t = g.num(1);
             RangeView table = g.range(2, "bands");
             const std::vector<Band> bands =
                 g.given(2) ? bandsArg(table, "bands", true) : defaultOverachievementBands();
             overachievementFactor(1, 1, bands);  // the checks of the table
             return guarded({t + u"<=0"}, factorOf(bands, u"(" + a + u"/" + t + u")"));
         }},
        {"BAND_SCORE",
         [](Gen& g) {
             std::u16string v = g.num(0), w = g.num(2);
             std::vector<Band> bands = bandsArg(g.range(1, "bands"), "bands", false);
             bool lower = flagArg(g.scalar(3, "lower_is_better"), "lower_is_better", false);
             bandScore(0, bands, 0, lower);  // the checks of the table
             return guarded({w + u"<0"}, bandLookup(bands, v, lower, w));
         }},
        {"CHECKLIST_SCORE",
         [](Gen& g) {
             RangeView p = g.range(0, "points"), m = g.range(1, "marks");
             requireSameSize(p, "points", m, "marks");
             checklistScore(numbersOf(p, "points"), marksArg(m, "marks"));  // the checks, now
             bool shape = p.rows == m.rows && p.cols == m.cols;
             std::size_t n = p.size();
             std::u16string pts = g.numbers(0, "points", Blanks::AsZero, shape ? 0 : n, shape ? 0 : 1);
             std::u16string mk = g.numbers(1, "marks", Blanks::AsZero, shape ? 0 : n, shape ? 0 : 1, true);
             if (shape && (pts != g.arg(0).p) != (mk != g.arg(1).p)) {  // one copied: copy both alike
                 pts = g.numbers(0, "points", Blanks::AsZero, p.rows, p.cols);
                 mk = g.numbers(1, "marks", Blanks::AsZero, m.rows, m.cols, true);
             }
             return guarded({u"MIN(" + mk + u")<0", u"MAX(" + mk + u")>1"}, u"SUMPRODUCT(" + pts + u";" + mk + u")");
         }},
        {"LEVEL_SCORE",
         [](Gen& g) {
             std::u16string w = g.num(1);
             CellView level = g.scalar(0, "level");
             std::u16string text = level.kind == CellView::Kind::Text ? std::u16string(level.text)
                                   : level.kind == CellView::Kind::Number ? numberText16(level.number)
                                                                          : std::u16string();
             RangeView table = g.cells(2, "levels");
             bool own = table.size() > 1 ||
                        (table.size() == 1 && !(table.cells[0].kind == CellView::Kind::Empty ||
                                                (table.cells[0].kind == CellView::Kind::Number && table.cells[0].number == 0) ||
                                                (table.cells[0].kind == CellView::Kind::Text && isBlankText(table.cells[0].text))));
             double f = own ? levelFraction(text, levelsArg(table, "levels")) : levelFraction(text);
             return guarded({w + u"<0"}, lit(f) + u"*" + w);
         }},
        {"PERF_GRADE",
         [](Gen& g) {
             std::u16string t = g.num(0);
             RangeView table = g.cells(1, "bands");
             bool own = table.size() > 1 ||
                        (table.size() == 1 && !(table.cells[0].kind == CellView::Kind::Empty ||
                                                (table.cells[0].kind == CellView::Kind::Number && table.cells[0].number == 0) ||
                                                (table.cells[0].kind == CellView::Kind::Text && isBlankText(table.cells[0].text))));
             std::vector<GradeBound> bands = own ? gradeBandsArg(table, "bands") : defaultGradeBands();
             // The largest lower bound <= total (first of equal bounds), else the open row, else an error.
             std::vector<const GradeBound*> order;
             const GradeBound* open = nullptr;
             for (const GradeBound& b : bands) {
                 if (b.open) {
                     open = &b;
                     continue;
                 }
                 bool seen = false;
                 for (const GradeBound* o : order) seen = seen || o->lower == b.lower;
                 if (!seen) order.push_back(&b);
             }
             std::stable_sort(order.begin(), order.end(),
                              [](const GradeBound* a, const GradeBound* b) { return a->lower > b->lower; });
             nestable(order.size());
             std::u16string out = open ? formula::quoted(open->grade) : u"NA()";
             for (auto it = order.rbegin(); it != order.rend(); ++it)
                 out = u"IF(" + t + u">=" + lit((*it)->lower) + u"-1E-9;" + formula::quoted((*it)->grade) + u";" + out + u")";
             return guarded({u"AND(" + t + u"<0;NOT(" + eq(t, u"0") + u"))", u"AND(" + t + u">100;NOT(" + eq(t, u"100") + u"))"},
                            out);
         }},
        {"INDICATOR_SCORE", indicatorScore},
        {"TARGET_VALUE",
         [](Gen& g) {
             TargetOperand t = targetOperand(g, 0, 1);
             targetValue(t.target);
             return guarded(t.guards, t.value);
         }},
        {"TARGET_RATIO",
         [](Gen& g) {
             TargetOperand t = targetOperand(g, 1, 2);
             std::vector<std::u16string> guards = t.guards;
             targetRatio(1.0, t.target.kind == TargetKind::Qualitative ? t.target : t.target);  // 定性: refused now
             std::u16string a = actualOperand(g, 0, t.target, guards);
             std::u16string r = ratioOf(t.target, a, t.value, guards);
             return guarded(guards, r);
         }},
    };
    return table;
}

std::u16string translateText(std::u16string_view f, const Position& at, Context& ctx, bool moveCalls);

// Thrown when an inline translation has grown past Excel's limit: translate() then moves the calls
// into cells (nested calls repeat their argument's text, so inline growth is exponential in depth).
struct TooLong {};

// One Jixiao call's portable text; NA() and a note when the rule refuses what the call holds now.
std::u16string portableCall(std::u16string_view f, const formula::Call& call, const Position& at, Context& ctx,
                            bool absolute) {
    std::string fn = functionOf(call.name);
    std::vector<Arg> args;
    for (const auto& [b, e] : call.args) {
        Arg a;
        a.orig = std::u16string(f.substr(b, e - b));
        a.omitted = trim(a.orig).empty();
        a.abs = formula::absolutized(a.orig, at);
        std::u16string base = absolute ? a.abs : a.orig;
        a.p = translateText(base, at, ctx, absolute);  // moving calls: nested ones into cells of their own
        if (a.p.size() > kMaxFormulaLength) throw TooLong{};
        a.area = formula::asReference(a.orig, at);
        a.literal = formula::asLiteral(a.orig);
        a.array = formula::asInlineArray(a.orig);
        args.push_back(std::move(a));
    }
    auto gen = generators().find(fn);
    try {
        if (gen == generators().end())
            throw RuleError(msg("portable.noGenerator", "函数 {1} 没有通用格式", "the function {1} has no portable form", fn));
        // fewer arguments than the function requires: Calc gives the call an error, not a value (a
        // generator would read a missing number as 0)
        const std::vector<ArgInfo>& params = findFunction(fn)->args;
        std::size_t required = 0;
        for (std::size_t k = 0; k < params.size(); ++k)
            if (!params[k].optional) required = k + 1;
        if (args.size() < required) throw RuleError(missingArg(args.size()));
        Gen g(ctx, at, args, absolute);
        return u"(" + gen->second(g) + u")";
    } catch (const RuleError& e) {
        ctx.note(at, msg("portable.refused", "{1}：{2}（此处写为 NA()）", "{1}: {2} (written as NA())", fn, e.message()));
        return u"NA()";
    }
}

std::u16string translateText(std::u16string_view f, const Position& at, Context& ctx, bool moveCalls) {
    std::u16string out;
    std::size_t i = 0;
    auto wanted = [](std::u16string_view name) { return !functionOf(name).empty(); };
    while (auto call = formula::nextCall(f, i, wanted)) {
        out.append(f.substr(i, call->begin - i));
        if (moveCalls) {
            std::u16string text = portableCall(f, *call, at, ctx, true);
            HelperCell h;
            h.formula = u"=" + text;
            std::u16string label = Gen::msgText(msg("portable.movedHeader", "{1} 的公式中的 {2}", "{2} in the formula of {1}",
                                                    displayArea(Area{at.sheet, at.row, at.col, at.row, at.col}),
                                                    functionOf(call->name)));
            Area a = ctx.addListRow(label, h, {});
            out += formula::areaText(a);
        } else {
            out += portableCall(f, *call, at, ctx, false);
        }
        i = call->close + 1;
    }
    out.append(f.substr(i));
    return out;
}

}  // namespace

bool isJixiaoCall(std::u16string_view name) { return !functionOf(name).empty(); }

bool callsJixiao(std::u16string_view f) {
    return formula::nextCall(f, 0, [](std::u16string_view n) { return isJixiaoCall(n); }).has_value();
}

bool isErrorText(std::u16string_view t) {
    static const std::u16string_view codes[] = {u"#N/A", u"#DIV/0!", u"#VALUE!", u"#REF!", u"#NAME?",
                                                u"#NUM!", u"#NULL!", u"#错误", u"#NAME!"};
    for (auto c : codes)
        if (t == c) return true;
    return t.size() > 4 && t.substr(0, 4) == u"Err:";
}

std::vector<std::u16string> evaluations(std::u16string_view f, const Position& at) {
    std::vector<std::u16string> out;
    std::size_t i = 0;
    auto wanted = [](std::u16string_view name) { return isJixiaoCall(name); };
    // Every Jixiao call, nested ones too (their arguments are found by scanning inside).
    while (auto call = formula::nextCall(f, i, wanted)) {
        for (const auto& [b, e] : call->args) {
            std::u16string_view a = f.substr(b, e - b);
            if (trim(a).empty() || formula::asLiteral(a) || formula::asReference(a, at) || formula::asInlineArray(a)) continue;
            out.push_back(formula::absolutized(a, at));
        }
        i = call->open + 1;
    }
    return out;
}

Context::Context(const Workbook& wb, std::map<std::u16string, Cell> evaluated, std::u16string helperSheet,
                 std::size_t firstCol)
    : wb_(wb), evaluated_(std::move(evaluated)), helperSheet_(std::move(helperSheet)), nextCol_(firstCol) {}

const Cell* Context::evaluated(const std::u16string& expr) const {
    auto it = evaluated_.find(expr);
    return it == evaluated_.end() ? nullptr : &it->second;
}

Area Context::addBlock(std::u16string_view header, std::size_t rows, std::size_t cols, const std::vector<HelperCell>& cells,
                       const std::vector<std::u16string>& labels) {
    const std::size_t c0 = nextCol_;
    HelperCell h;
    h.row = 0;
    h.col = c0;
    h.value = Cell::str(std::u16string(header));
    cells_.push_back(h);
    for (std::size_t k = 0; k < cells.size() && k < rows * cols; ++k) {
        HelperCell c = cells[k];
        c.row = 1 + k / cols;
        c.col = c0 + k % cols;
        cells_.push_back(c);
    }
    for (std::size_t r = 0; r < labels.size() && r < rows; ++r) {
        if (labels[r].empty()) continue;
        HelperCell l;
        l.row = 1 + r;
        l.col = c0 + cols;
        l.value = Cell::str(labels[r]);
        cells_.push_back(l);
    }
    nextCol_ = c0 + cols + (labels.empty() ? 1 : 2);
    return Area{helperSheet_, 1, c0, rows, c0 + cols - 1};
}

Area Context::addListRow(std::u16string_view what, const HelperCell& value, std::u16string_view source) {
    if (!list_) {
        list_ = std::make_pair(nextCol_, std::size_t{1});
        nextCol_ += 4;
        const std::u16string heads[] = {fromUtf8(msg("portable.listWhat", "读自文字的数值", "numbers read from text").text(Lang::Zh)),
                                        fromUtf8(msg("portable.listValue", "数值", "value").text(Lang::Zh)),
                                        fromUtf8(msg("portable.listSource", "原单元格", "source cell").text(Lang::Zh))};
        for (std::size_t k = 0; k < 3; ++k) {
            HelperCell h;
            h.row = 0;
            h.col = list_->first + k;
            h.value = Cell::str(heads[k]);
            cells_.push_back(h);
        }
    }
    const std::size_t row = list_->second++, c0 = list_->first;
    HelperCell w;
    w.row = row;
    w.col = c0;
    w.value = Cell::str(std::u16string(what));
    cells_.push_back(w);
    HelperCell v = value;
    v.row = row;
    v.col = c0 + 1;
    cells_.push_back(v);
    if (!source.empty()) {
        HelperCell s;
        s.row = row;
        s.col = c0 + 2;
        s.value = Cell::str(std::u16string(source));
        cells_.push_back(s);
    }
    return Area{helperSheet_, row, c0 + 1, row, c0 + 1};
}

void Context::restore(const Savepoint& s) {
    cells_.resize(std::min(cells_.size(), s.cells));
    notes_.resize(std::min(notes_.size(), s.notes));
    nextCol_ = s.nextCol;
    blocks_ = s.blocks;
    list_ = s.list;
}

namespace {

// True when the text and every helper formula written since `from` fit Excel's limit.
bool fits(const std::u16string& out, const Context& ctx, std::size_t from) {
    if (out.size() > kMaxFormulaLength) return false;
    const auto& cells = ctx.helperCells();
    for (std::size_t k = from; k < cells.size(); ++k)
        if (cells[k].formula.size() > kMaxFormulaLength) return false;
    return true;
}

}  // namespace

std::u16string translate(std::u16string_view f, const Position& at, Context& ctx) {
    if (!callsJixiao(f)) return std::u16string(f);
    const Context::Savepoint start = ctx.save();
    std::u16string out;
    try {
        out = translateText(f, at, ctx, false);
        if (fits(out, ctx, start.cells)) return out;
    } catch (const TooLong&) {
    }
    // Too long for Excel: each Jixiao call, nested ones first, into a 计算底稿 cell of its own.
    ctx.restore(start);
    try {
        out = translateText(f, at, ctx, true);
        if (fits(out, ctx, start.cells)) return out;
    } catch (const TooLong&) {
    }
    // The formula's own text is too long: its current value, as a constant.
    ctx.restore(start);
    ctx.note(at, msg("portable.tooLong", "公式换成通用格式后超过 {1} 个字符，已换成当前值",
                     "the portable formula would exceed {1} characters; the cell holds its current value instead",
                     static_cast<unsigned long>(kMaxFormulaLength)));
    const Sheet* sheet = ctx.workbook().find(at.sheet);
    const Cell now = sheet ? sheet->at(at.row, at.col) : Cell{};
    if (now.kind == Cell::Kind::Number) return u"=" + lit(now.number);
    if (now.kind == Cell::Kind::Text && !isErrorText(now.text)) return u"=" + formula::quoted(now.text);
    return u"=NA()";
}

}  // namespace jixiao::portable
