// Excel's limits in the portable form: a formula longer than 8,192 characters after translation has
// its Jixiao calls (nested ones first) moved into 计算底稿 cells; a formula whose own text is too long
// gets its current value; either way no Jixiao call is left and nothing is noted twice.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "jixiao/portable.hpp"

using namespace jixiao;
using jixiao::portable::Context;
using jixiao::portable::kMaxFormulaLength;

namespace {

const std::u16string kCall = u"ORG.JIXIAO.FUNCTIONS.";

Workbook book() {
    Workbook wb;
    Sheet s;
    s.name = u"数据";
    for (std::size_t r = 0; r < 400; ++r) {
        s.set(r, 0, Cell::num(80 + static_cast<double>(r % 20)));   // A: actual
        s.set(r, 1, Cell::num(100));                                 // B: planned
        s.set(r, 2, Cell::num(0.9));                                 // C: a rate
    }
    s.set(0, 5, Cell::num(42.5));  // F1: the formula cell's current value
    wb.sheets.push_back(s);
    return wb;
}

bool hasJixiao(const std::u16string& s) { return s.find(u"JIXIAO") != std::u16string::npos; }

std::size_t count(const std::u16string& s, const std::u16string& what) {
    std::size_t n = 0;
    for (std::size_t i = s.find(what); i != std::u16string::npos; i = s.find(what, i + 1)) ++n;
    return n;
}

struct Translated {
    std::u16string formula;
    std::size_t helperFormulas = 0;
    std::size_t longestHelper = 0;
    bool helperCallsJixiao = false;
};

Translated run(const Workbook& wb, Context& ctx, const std::u16string& f) {
    Translated t;
    t.formula = portable::translate(f, formula::Position{u"数据", 0, 5}, ctx);
    for (const auto& h : ctx.helperCells()) {
        if (h.formula.empty()) continue;
        ++t.helperFormulas;
        t.longestHelper = std::max(t.longestHelper, h.formula.size());
        t.helperCallsJixiao = t.helperCallsJixiao || hasJixiao(h.formula);
    }
    (void)wb;
    return t;
}

}  // namespace

TEST(PortableLimits, ShortFormulaStaysInline) {
    Workbook wb = book();
    Context ctx(wb, {}, u"计算底稿", 0);
    Translated t = run(wb, ctx, u"=" + kCall + u"PROCUREMENT_SCORE(A1;B1;2)");
    EXPECT_FALSE(hasJixiao(t.formula));
    EXPECT_EQ(t.helperFormulas, 0u);
    EXPECT_NE(t.formula.find(u"A1"), std::u16string::npos);
}

TEST(PortableLimits, ManyCallsMoveIntoHelperCells) {
    Workbook wb = book();
    Context ctx(wb, {}, u"计算底稿", 0);
    // 300 calls: each is short, but their portable forms together exceed 8,192 characters.
    std::u16string f = u"=";
    for (int i = 1; i <= 300; ++i)
        f += (i > 1 ? u"+" : u"") + kCall + u"PROCUREMENT_SCORE(A" + std::u16string(1, static_cast<char16_t>(u'1' + i % 9)) + u";B1;1)";
    Translated t = run(wb, ctx, f);
    EXPECT_LE(t.formula.size(), kMaxFormulaLength);
    EXPECT_FALSE(hasJixiao(t.formula));
    EXPECT_FALSE(t.helperCallsJixiao);
    EXPECT_EQ(t.helperFormulas, 300u);
    EXPECT_LE(t.longestHelper, kMaxFormulaLength);
    EXPECT_EQ(count(t.formula, u"$'计算底稿'."), 300u);
    EXPECT_TRUE(ctx.notes().empty());
}

TEST(PortableLimits, DeeplyNestedCallsEachGetACell) {
    Workbook wb = book();
    Context ctx(wb, {}, u"计算底稿", 0);
    // Each level repeats its argument several times in the portable form: inline, the text grows
    // exponentially with the depth; moved, each level is one short formula over the cell below it.
    std::u16string inner = u"A1";
    const int depth = 12;
    for (int d = 0; d < depth; ++d) inner = kCall + u"PROCUREMENT_SCORE(" + inner + u";B1;1)";
    Translated t = run(wb, ctx, u"=" + inner + u"*2");
    EXPECT_LE(t.formula.size(), kMaxFormulaLength);
    EXPECT_FALSE(hasJixiao(t.formula));
    EXPECT_FALSE(t.helperCallsJixiao);
    EXPECT_EQ(t.helperFormulas, static_cast<std::size_t>(depth));
    EXPECT_LT(t.longestHelper, 1000u);
    EXPECT_NE(t.formula.find(u"*2"), std::u16string::npos);
}

TEST(PortableLimits, TooLongOwnTextBecomesTheCurrentValueWithOneNote) {
    Workbook wb = book();
    Context ctx(wb, {}, u"计算底稿", 0);
    std::u16string f = u"=" + kCall + u"PROCUREMENT_SCORE(A1;B1;1)";
    for (int i = 0; i < 3000; ++i) f += u"+C1";  // 12,000 characters that are not Jixiao's
    Translated t = run(wb, ctx, f);
    EXPECT_EQ(t.formula, u"=42.5");
    EXPECT_TRUE(ctx.helperCells().empty()) << "cells of the abandoned attempts were left behind";
    ASSERT_EQ(ctx.notes().size(), 1u);
    EXPECT_EQ(ctx.notes()[0].text.code(), "portable.tooLong");
    EXPECT_NE(ctx.notes()[0].text.text(Lang::Zh).find("8192"), std::string::npos);
}

TEST(PortableLimits, RefusedCallNotedOnceWhenMoved) {
    Workbook wb = book();
    Context ctx(wb, {}, u"计算底稿", 0);
    std::u16string f = u"=" + kCall + u"BUDGET_COMPLETION_SCORE(C1;8;0.8;\"bogus\")";
    for (int i = 0; i < 300; ++i) f += u"+" + kCall + u"PROCUREMENT_SCORE(A1;B1;1)";
    Translated t = run(wb, ctx, f);
    EXPECT_LE(t.formula.size(), kMaxFormulaLength);
    EXPECT_FALSE(hasJixiao(t.formula));
    ASSERT_EQ(ctx.notes().size(), 1u) << "the refusal was noted by the inline attempt and again when moved";
    EXPECT_EQ(ctx.notes()[0].text.code(), "portable.refused");
}

// A band table becomes nested IFs: Excel's 64 nesting levels bound it. 40 bands convert; 80 are
// refused with a note naming the count (NA() in the cell), not written as a formula Excel rejects.
TEST(PortableLimits, BandTablesBeyondExcelsNestingAreRefused) {
    for (std::size_t n : {std::size_t{40}, std::size_t{80}}) {
        Workbook wb = book();
        Sheet& s = wb.sheets[0];
        for (std::size_t r = 0; r < n; ++r) {
            s.set(r, 8, Cell::num(static_cast<double>(r) / static_cast<double>(n)));  // I: threshold
            s.set(r, 9, Cell::num(static_cast<double>(r) / static_cast<double>(n)));  // J: fraction
        }
        Context ctx(wb, {}, u"计算底稿", 0);
        const std::u16string end = (n == 40 ? std::u16string(u"J40") : std::u16string(u"J80"));
        std::u16string out = portable::translate(u"=" + kCall + u"BAND_SCORE(C1;I1:" + end + u";5)",
                                                 formula::Position{u"数据", 0, 5}, ctx);
        EXPECT_FALSE(hasJixiao(out));
        if (n == 40) {
            EXPECT_TRUE(ctx.notes().empty()) << n;
            EXPECT_GE(count(out, u"IF("), 40u);
        } else {
            EXPECT_NE(out.find(u"NA()"), std::u16string::npos);
            ASSERT_EQ(ctx.notes().size(), 1u);
            EXPECT_NE(ctx.notes()[0].text.text(Lang::Zh).find("80"), std::string::npos);
        }
    }
}

// Found by fuzz_formula: a call with too few arguments (AMOUNT_SUM(), ADJUSTMENT_RATE(A1:A3)) or an
// empty one read past the arguments; it is NA() with a note naming what is missing, as Calc gives
// such a call an error too.
TEST(PortableLimits, MissingArgumentsAreNAWithANote) {
    for (const std::u16string& f :
         {u"=" + kCall + u"AMOUNT_SUM()", u"=" + kCall + u"ADJUSTMENT_RATE(A1:A3)", u"=" + kCall + u"ADJUSTMENT_RATE(;A1:A3)",
          u"=" + kCall + u"CHECKLIST_SCORE(A1:A3)", u"=" + kCall + u"EXECUTION_RATE(A1)",
          u"=ROUND(" + kCall + u"AMOUNT_SUM();2)"}) {
        Workbook wb = book();
        Context ctx(wb, {}, u"计算底稿", 0);
        Translated t = run(wb, ctx, f);
        EXPECT_FALSE(hasJixiao(t.formula));
        EXPECT_NE(t.formula.find(u"NA()"), std::u16string::npos);
        EXPECT_FALSE(ctx.notes().empty());
    }
}
