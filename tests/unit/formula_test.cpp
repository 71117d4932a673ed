// Reading formulas as Calc's API hands them over (jixiao/formula.hpp): references (quoted sheet
// names, ranges, relative ones resolved against the formula's position), their absolute text, the
// calls of a function family with their arguments, literals and inline arrays. Text inside string
// literals is never a reference or a call.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "jixiao/formula.hpp"
#include "jixiao/values.hpp"

using namespace jixiao;
using jixiao::formula::Area;
using jixiao::formula::Call;
using jixiao::formula::Literal;
using jixiao::formula::Position;

namespace {

const Position kAt{u"表1-6 项目支出", 9, 7};  // H10 of 表1-6

std::string s8(std::u16string_view s) { return toUtf8(s); }

std::u16string_view spanOf(std::u16string_view text, std::size_t b, std::size_t e) { return text.substr(b, e - b); }

auto named(std::u16string_view want) {
    return [want](std::u16string_view n) { return n == want; };
}
auto any() {
    return [](std::u16string_view) { return true; };
}

void expectArea(const Area& a, std::u16string_view sheet, std::size_t r0, std::size_t c0, std::size_t r1, std::size_t c1) {
    EXPECT_EQ(s8(a.sheet), s8(sheet));
    EXPECT_EQ(a.row0, r0);
    EXPECT_EQ(a.col0, c0);
    EXPECT_EQ(a.row1, r1);
    EXPECT_EQ(a.col1, c1);
}

std::vector<std::u16string> argTexts(std::u16string_view text, const Call& c) {
    std::vector<std::u16string> out;
    for (const auto& [b, e] : c.args) out.emplace_back(spanOf(text, b, e));
    return out;
}

}  // namespace

// ---- references ----

TEST(FormulaReferences, QuotedSheetWithSpaceAndDollars) {
    std::u16string f = u"=$'表1-5 部门支出'.$G$11*2";
    auto refs = formula::references(f, kAt);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(s8(spanOf(f, refs[0].begin, refs[0].end)), s8(u"$'表1-5 部门支出'.$G$11"));
    expectArea(refs[0].area, u"表1-5 部门支出", 10, 6, 10, 6);
}

TEST(FormulaReferences, DoubledQuoteInSheetName) {
    std::u16string f = u"='a''b'.A1+1";
    auto refs = formula::references(f, kAt);
    ASSERT_EQ(refs.size(), 1u);
    expectArea(refs[0].area, u"a'b", 0, 0, 0, 0);
    EXPECT_EQ(refs[0].begin, 1u);
    EXPECT_EQ(refs[0].end, f.size() - 2);
}

TEST(FormulaReferences, UnqualifiedAreOnTheFormulasSheet) {
    std::u16string f = u"=B3+$C$5-D$7";
    auto refs = formula::references(f, kAt);
    ASSERT_EQ(refs.size(), 3u);
    expectArea(refs[0].area, kAt.sheet, 2, 1, 2, 1);
    expectArea(refs[1].area, kAt.sheet, 4, 2, 4, 2);
    expectArea(refs[2].area, kAt.sheet, 6, 3, 6, 3);
    // and on another position's sheet
    auto other = formula::references(f, Position{u"S", 0, 0});
    ASSERT_EQ(other.size(), 3u);
    EXPECT_EQ(s8(other[0].area.sheet), "S");
}

TEST(FormulaReferences, DotPrefixMeansThisSheet) {
    auto refs = formula::references(u"=.A2*2", kAt);
    ASSERT_EQ(refs.size(), 1u);
    expectArea(refs[0].area, kAt.sheet, 1, 0, 1, 0);
}

TEST(FormulaReferences, RangeAndReversedRange) {
    std::u16string f = u"=SUM(B3:B20)+SUM(D9:C4)";
    auto refs = formula::references(f, kAt);
    ASSERT_EQ(refs.size(), 2u);
    EXPECT_EQ(s8(spanOf(f, refs[0].begin, refs[0].end)), "B3:B20");
    expectArea(refs[0].area, kAt.sheet, 2, 1, 19, 1);
    EXPECT_EQ(refs[0].area.rows(), 18u);
    EXPECT_EQ(refs[0].area.cols(), 1u);
    expectArea(refs[1].area, kAt.sheet, 3, 2, 8, 3);  // normalized
}

TEST(FormulaReferences, SheetQualifiedOnBothEndsIsOneRange) {
    std::u16string f = u"=SUM($'表1-6 项目支出'.$C$5:$'表1-6 项目支出'.$C$8)";
    auto refs = formula::references(f, Position{u"其他", 0, 0});
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].begin, 5u);
    EXPECT_EQ(refs[0].end, f.size() - 1);
    expectArea(refs[0].area, u"表1-6 项目支出", 4, 2, 7, 2);
}

TEST(FormulaReferences, SheetQualifiedStartOnly) {
    auto refs = formula::references(u"=SUM(Sheet1.A1:B2)", kAt);
    ASSERT_EQ(refs.size(), 1u);
    expectArea(refs[0].area, u"Sheet1", 0, 0, 1, 1);
}

TEST(FormulaReferences, NothingInsideStringLiterals) {
    std::u16string f = u"=\"A1\"&B2&\"x\"\"C3\"\"y\"";
    auto refs = formula::references(f, kAt);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(s8(spanOf(f, refs[0].begin, refs[0].end)), "B2");
}

TEST(FormulaReferences, FunctionNamesAndWordsAreNotReferences) {
    // LOG10 looks like a cell but is a call; ABC2X and TRUE are names; A1 after them is.
    std::u16string f = u"=LOG10(A1)+ABC2X+TRUE+Sheet_2+ATAN2(1;2)";
    auto refs = formula::references(f, kAt);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(s8(spanOf(f, refs[0].begin, refs[0].end)), "A1");
}

TEST(FormulaReferences, NoRowZeroAndNoFourLetterColumn) {
    EXPECT_TRUE(formula::references(u"=A0+ABCD1", kAt).empty());
}

TEST(FormulaReferences, LargestCellOfASheet) {
    auto refs = formula::references(u"=XFD1048576", kAt);
    ASSERT_EQ(refs.size(), 1u);
    expectArea(refs[0].area, kAt.sheet, 1048575, 16383, 1048575, 16383);
    auto whole = formula::references(u"=SUM($A$1:$XFD$1048576)", kAt);
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_EQ(whole[0].area.rows(), 1048576u);
    EXPECT_EQ(whole[0].area.cols(), 16384u);
}

// Beyond the last column (XFD) or row (1048576) there is no cell: Calc reads XFE1 as a name.
TEST(FormulaReferences, BeyondTheSheetIsNoReference) {
    EXPECT_TRUE(formula::references(u"=XFE1", kAt).empty());
    EXPECT_TRUE(formula::references(u"=ZZZ1", kAt).empty());
    EXPECT_TRUE(formula::references(u"=A1048577", kAt).empty());
    EXPECT_TRUE(formula::references(u"=A99999999", kAt).empty());
}

TEST(FormulaReferences, EmptyAndBareEquals) {
    EXPECT_TRUE(formula::references(u"", kAt).empty());
    EXPECT_TRUE(formula::references(u"=", kAt).empty());
    EXPECT_TRUE(formula::references(u"=\"", kAt).empty());
    EXPECT_TRUE(formula::references(u"='", kAt).empty());
}

TEST(FormulaReferences, SpansAreOrderedAndInside) {
    std::u16string f = u"=IF($'a''b'.B2>0;SUM(C3:C9;'x y'.D1:.E2);\"F6\")+G7";
    auto refs = formula::references(f, kAt);
    ASSERT_EQ(refs.size(), 4u);
    std::size_t last = 0;
    for (const auto& r : refs) {
        EXPECT_LE(last, r.begin);
        EXPECT_LT(r.begin, r.end);
        EXPECT_LE(r.end, f.size());
        last = r.end;
    }
    EXPECT_EQ(s8(spanOf(f, refs[2].begin, refs[2].end)), "'x y'.D1:.E2");
    expectArea(refs[2].area, u"x y", 0, 3, 1, 4);
    EXPECT_EQ(s8(spanOf(f, refs[3].begin, refs[3].end)), "G7");
}

// ---- absolutized, asReference, areaText ----

TEST(FormulaAbsolutized, EveryReferenceQualifiedAndAbsolute) {
    EXPECT_EQ(s8(formula::absolutized(u"=B3+'x'.C5*SUM(D1:D4)", Position{u"S", 0, 0})),
              "=$'S'.$B$3+$'x'.$C$5*SUM($'S'.$D$1:$D$4)");
}

TEST(FormulaAbsolutized, StringsAndNamesUntouched) {
    EXPECT_EQ(s8(formula::absolutized(u"=\"B3\"&B3&LOG10(2)", Position{u"S", 0, 0})), "=\"B3\"&$'S'.$B$3&LOG10(2)");
    EXPECT_EQ(s8(formula::absolutized(u"=1+2", kAt)), "=1+2");
    EXPECT_EQ(s8(formula::absolutized(u"", kAt)), "");
}

TEST(FormulaAbsolutized, QuoteInSheetNameIsDoubledAgain) {
    EXPECT_EQ(s8(formula::absolutized(u"='a''b'.A1", kAt)), "=$'a''b'.$A$1");
}

TEST(FormulaAbsolutized, Idempotent) {
    std::u16string once = formula::absolutized(u"=SUM(B3:B20)+$'表1-5 部门支出'.G11", kAt);
    EXPECT_EQ(s8(formula::absolutized(once, Position{u"别的", 3, 3})), s8(once));
}

TEST(FormulaAsReference, ExactlyOneReference) {
    auto a = formula::asReference(u"  B3:B20 ", kAt);
    ASSERT_TRUE(a);
    expectArea(*a, kAt.sheet, 2, 1, 19, 1);
    auto p = formula::asReference(u"((  $'表1-5 部门支出'.$G$11 ))", kAt);
    ASSERT_TRUE(p);
    expectArea(*p, u"表1-5 部门支出", 10, 6, 10, 6);
}

TEST(FormulaAsReference, AnythingElseIsNot) {
    for (std::u16string_view t : {u"", u"=", u"B3+1", u"SUM(B3)", u"\"B3\"", u"1", u"B3 B4", u"TRUE", u"(B3", u"B3;B4"})
        EXPECT_FALSE(formula::asReference(t, kAt)) << s8(t);
}

TEST(FormulaAreaText, CellAndRange) {
    EXPECT_EQ(s8(formula::areaText(Area{u"表1", 4, 2, 4, 2})), "$'表1'.$C$5");
    EXPECT_EQ(s8(formula::areaText(Area{u"表1", 4, 2, 8, 3})), "$'表1'.$C$5:$D$9");
    EXPECT_EQ(s8(formula::areaText(Area{u"it's", 0, 16383, 1048575, 16383})), "$'it''s'.$XFD$1:$XFD$1048576");
}

TEST(FormulaAreaText, ReadsBackAsTheSameArea) {
    Area a{u"a'b c", 2, 27, 40, 701};
    auto back = formula::asReference(formula::areaText(a), kAt);
    ASSERT_TRUE(back);
    expectArea(*back, a.sheet, a.row0, a.col0, a.row1, a.col1);
}

// ---- nextCall ----

TEST(FormulaNextCall, NestedCallInsideAnUnwantedOne) {
    std::u16string f = u"=IF(A1>0;SUM(B1;C1);0)";
    auto c = formula::nextCall(f, 0, named(u"SUM"));
    ASSERT_TRUE(c);
    EXPECT_EQ(s8(c->name), "SUM");
    EXPECT_EQ(c->begin, f.find(u"SUM"));
    EXPECT_EQ(f[c->open], u'(');
    EXPECT_EQ(f[c->close], u')');
    EXPECT_EQ(c->close, f.size() - 4);
    auto args = argTexts(f, *c);
    ASSERT_EQ(args.size(), 2u);
    EXPECT_EQ(s8(args[0]), "B1");
    EXPECT_EQ(s8(args[1]), "C1");
}

TEST(FormulaNextCall, OuterFirstThenFromAnOffset) {
    std::u16string f = u"=ORG.JIXIAO.FUNCTIONS.BUDGET_COMPLETION_SCORE(ORG.JIXIAO.FUNCTIONS.EXECUTION_RATE(A1;B1);8)";
    auto jx = [](std::u16string_view n) { return n.substr(0, 21) == u"ORG.JIXIAO.FUNCTIONS."; };
    auto outer = formula::nextCall(f, 0, jx);
    ASSERT_TRUE(outer);
    EXPECT_EQ(s8(outer->name), "ORG.JIXIAO.FUNCTIONS.BUDGET_COMPLETION_SCORE");
    EXPECT_EQ(outer->close, f.size() - 1);
    ASSERT_EQ(outer->args.size(), 2u);
    EXPECT_EQ(s8(argTexts(f, *outer)[0]), "ORG.JIXIAO.FUNCTIONS.EXECUTION_RATE(A1;B1)");
    auto inner = formula::nextCall(f, outer->open + 1, jx);
    ASSERT_TRUE(inner);
    EXPECT_EQ(s8(inner->name), "ORG.JIXIAO.FUNCTIONS.EXECUTION_RATE");
    EXPECT_EQ(inner->args.size(), 2u);
    EXPECT_FALSE(formula::nextCall(f, inner->close + 1, jx));
}

TEST(FormulaNextCall, CallTextInStringsIsSkipped) {
    std::u16string f = u"=\"SUM(1;2)\"&SUM(3;\"a;b)\";4)";
    auto c = formula::nextCall(f, 0, named(u"SUM"));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->begin, 12u);
    auto args = argTexts(f, *c);
    ASSERT_EQ(args.size(), 3u);
    EXPECT_EQ(s8(args[1]), "\"a;b)\"");
    EXPECT_EQ(c->close, f.size() - 1);
}

TEST(FormulaNextCall, ArgumentsSplitOnlyAtTheTopLevel) {
    std::u16string f = u"=F(1;(2;3);G(4;5);\"x;y\";{1;2|3;4};$'a;b(c'.A1)";
    auto c = formula::nextCall(f, 0, named(u"F"));
    ASSERT_TRUE(c);
    auto args = argTexts(f, *c);
    ASSERT_EQ(args.size(), 6u);
    EXPECT_EQ(s8(args[0]), "1");
    EXPECT_EQ(s8(args[1]), "(2;3)");
    EXPECT_EQ(s8(args[2]), "G(4;5)");
    EXPECT_EQ(s8(args[3]), "\"x;y\"");
    EXPECT_EQ(s8(args[4]), "{1;2|3;4}");
    EXPECT_EQ(s8(args[5]), "$'a;b(c'.A1");
    EXPECT_EQ(c->close, f.size() - 1);
}

TEST(FormulaNextCall, EmptyAndOmittedArguments) {
    std::u16string f = u"=F()+G( )+H(;)+K(1;;3)";
    auto fc = formula::nextCall(f, 0, named(u"F"));
    ASSERT_TRUE(fc);
    EXPECT_TRUE(fc->args.empty());
    auto gc = formula::nextCall(f, 0, named(u"G"));
    ASSERT_TRUE(gc);
    EXPECT_TRUE(gc->args.empty());
    auto hc = formula::nextCall(f, 0, named(u"H"));
    ASSERT_TRUE(hc);
    EXPECT_EQ(hc->args.size(), 2u);
    auto kc = formula::nextCall(f, 0, named(u"K"));
    ASSERT_TRUE(kc);
    auto args = argTexts(f, *kc);
    ASSERT_EQ(args.size(), 3u);
    EXPECT_EQ(s8(args[1]), "");
}

TEST(FormulaNextCall, ArgumentsKeepTheirSpaces) {
    std::u16string f = u"=F( 1 ; B2 )";
    auto c = formula::nextCall(f, 0, any());
    ASSERT_TRUE(c);
    auto args = argTexts(f, *c);
    ASSERT_EQ(args.size(), 2u);
    EXPECT_EQ(s8(args[0]), " 1 ");
    EXPECT_EQ(s8(args[1]), " B2 ");
}

TEST(FormulaNextCall, UnmatchedParenthesesGiveNothing) {
    EXPECT_FALSE(formula::nextCall(u"=SUM(1;2", 0, named(u"SUM")));
    EXPECT_FALSE(formula::nextCall(u"=SUM(1;(2)", 0, named(u"SUM")));
    EXPECT_FALSE(formula::nextCall(u"=SUM(1;\")\"", 0, named(u"SUM")));
}

TEST(FormulaNextCall, SheetNamesAndReferencesAreNoCalls) {
    // a quoted sheet name that looks like a call, a name not followed by '('
    std::u16string f = u"='SUM(1)'.A1+SUM+Sheet1.B2";
    EXPECT_FALSE(formula::nextCall(f, 0, any()));
    // and a name that merely ends like the wanted one
    EXPECT_FALSE(formula::nextCall(u"=XSUM(1)", 0, named(u"SUM")));
}

TEST(FormulaNextCall, EmptyTextAndOffsetsBeyond) {
    EXPECT_FALSE(formula::nextCall(u"", 0, any()));
    EXPECT_FALSE(formula::nextCall(u"=", 0, any()));
    EXPECT_FALSE(formula::nextCall(u"=F(1)", 99, any()));
    EXPECT_FALSE(formula::nextCall(u"=F(1)", 5, any()));
}

// ---- literals ----

TEST(FormulaLiteral, Numbers) {
    struct Case {
        std::u16string_view text;
        double value;
    } cases[] = {{u"1", 1}, {u"-0.5", -0.5}, {u"1E-9", 1e-9}, {u" 8 ", 8}, {u"+3", 3}, {u".5", 0.5},
                 {u"2.", 2}, {u"1e3", 1000}, {u"-1.25E+2", -125}, {u"0", 0}};
    for (const auto& c : cases) {
        auto l = formula::asLiteral(c.text);
        ASSERT_TRUE(l) << s8(c.text);
        EXPECT_EQ(l->kind, Literal::Kind::Number) << s8(c.text);
        EXPECT_DOUBLE_EQ(l->number, c.value) << s8(c.text);
    }
}

TEST(FormulaLiteral, NotNumbers) {
    for (std::u16string_view t : {u"", u"=", u"-", u".", u"1E", u"1E+", u"--1", u"1,5", u"1 2", u"0x10", u"A1", u"1%",
                                  u"(1)", u"1-1", u"E5"})
        EXPECT_FALSE(formula::asLiteral(t)) << s8(t);
}

// A number no double holds is no literal (and nothing is thrown).
TEST(FormulaLiteral, OutOfRangeExponents) {
    EXPECT_FALSE(formula::asLiteral(u"1E999"));
    EXPECT_FALSE(formula::asLiteral(u"-1E400"));
    std::optional<Literal> tiny;
    EXPECT_NO_THROW(tiny = formula::asLiteral(u"1E-400"));
    if (tiny) EXPECT_EQ(tiny->number, 0.0);
    std::optional<Literal> denormal;
    EXPECT_NO_THROW(denormal = formula::asLiteral(u"4E-320"));
    if (denormal) EXPECT_GT(denormal->number, 0.0);
}

TEST(FormulaLiteral, Strings) {
    auto l = formula::asLiteral(u" \"比例\" ");
    ASSERT_TRUE(l);
    EXPECT_EQ(l->kind, Literal::Kind::Text);
    EXPECT_EQ(s8(l->text), "比例");
    auto q = formula::asLiteral(u"\"a\"\"b\"");
    ASSERT_TRUE(q);
    EXPECT_EQ(s8(q->text), "a\"b");
    auto e = formula::asLiteral(u"\"\"");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind, Literal::Kind::Text);
    EXPECT_EQ(s8(e->text), "");
    auto semi = formula::asLiteral(u"\"1;2\"");
    ASSERT_TRUE(semi);
    EXPECT_EQ(s8(semi->text), "1;2");
}

TEST(FormulaLiteral, BrokenStrings) {
    // unterminated (the last "" is an escaped quote), text after the closing quote, two strings
    for (std::u16string_view t : {u"\"", u"\"abc", u"\"abc\"\"", u"\"a\"b", u"\"a\"&\"b\"", u"\"a\" \"b\""})
        EXPECT_FALSE(formula::asLiteral(t)) << s8(t);
}

TEST(FormulaLiteral, Booleans) {
    for (std::u16string_view t : {u"TRUE", u"TRUE()", u"true", u"True()"}) {
        auto l = formula::asLiteral(t);
        ASSERT_TRUE(l) << s8(t);
        EXPECT_EQ(l->kind, Literal::Kind::Bool);
        EXPECT_EQ(l->number, 1.0);
    }
    for (std::u16string_view t : {u"FALSE", u"FALSE()", u" false "}) {
        auto l = formula::asLiteral(t);
        ASSERT_TRUE(l) << s8(t);
        EXPECT_EQ(l->kind, Literal::Kind::Bool);
        EXPECT_EQ(l->number, 0.0);
    }
    for (std::u16string_view t : {u"TRUE(1)", u"TRUEX", u"\"TRUE\"x", u"TRU"}) EXPECT_FALSE(formula::asLiteral(t)) << s8(t);
    auto s = formula::asLiteral(u"\"TRUE\"");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->kind, Literal::Kind::Text);
}

// ---- inline arrays ----

TEST(FormulaInlineArray, RowsAndColumns) {
    auto a = formula::asInlineArray(u"{1;2|3;4}");
    ASSERT_TRUE(a);
    ASSERT_EQ(a->size(), 2u);
    ASSERT_EQ((*a)[0].size(), 2u);
    EXPECT_EQ((*a)[0][0].number, 1);
    EXPECT_EQ((*a)[0][1].number, 2);
    EXPECT_EQ((*a)[1][0].number, 3);
    EXPECT_EQ((*a)[1][1].number, 4);
    auto row = formula::asInlineArray(u"{1;2;3}");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->size(), 1u);
    EXPECT_EQ((*row)[0].size(), 3u);
    auto col = formula::asInlineArray(u" {0.9|-0.5|1E-9} ");
    ASSERT_TRUE(col);
    ASSERT_EQ(col->size(), 3u);
    EXPECT_EQ((*col)[0].size(), 1u);
    EXPECT_DOUBLE_EQ((*col)[2][0].number, 1e-9);
}

TEST(FormulaInlineArray, StringsWithSeparatorsAndMixedKinds) {
    auto a = formula::asInlineArray(u"{\"优;良\";90|\"a|b}\";TRUE}");
    ASSERT_TRUE(a);
    ASSERT_EQ(a->size(), 2u);
    ASSERT_EQ((*a)[0].size(), 2u);
    EXPECT_EQ((*a)[0][0].kind, Literal::Kind::Text);
    EXPECT_EQ(s8((*a)[0][0].text), "优;良");
    EXPECT_EQ((*a)[0][1].number, 90);
    EXPECT_EQ(s8((*a)[1][0].text), "a|b}");
    EXPECT_EQ((*a)[1][1].kind, Literal::Kind::Bool);
}

TEST(FormulaInlineArray, NotArrays) {
    for (std::u16string_view t : {u"", u"{", u"}", u"{}", u"{1;2|3}", u"{1;A1}", u"{1;;2}", u"1;2", u"{1;2", u"{\"abc}",
                                  u"{1}2}", u"{{1}}", u"{1;2}+1", u"{\"a\"\"}"})
        EXPECT_FALSE(formula::asInlineArray(t)) << s8(t);
}

// ---- quoted ----

TEST(FormulaQuoted, DoublesQuotesAndReadsBack) {
    EXPECT_EQ(s8(formula::quoted(u"")), "\"\"");
    EXPECT_EQ(s8(formula::quoted(u"比例")), "\"比例\"");
    EXPECT_EQ(s8(formula::quoted(u"a\"b")), "\"a\"\"b\"");
    for (std::u16string_view s : {u"", u"\"", u"\"\"", u"x;y|z}", u"≥95%", u"a\"\"b\""}) {
        auto l = formula::asLiteral(formula::quoted(s));
        ASSERT_TRUE(l) << s8(s);
        EXPECT_EQ(l->kind, Literal::Kind::Text);
        EXPECT_EQ(s8(l->text), s8(s));
        // and it is one argument of a call, not taken for a reference
        std::u16string f = u"=F(" + formula::quoted(s) + u";A1)";
        auto c = formula::nextCall(f, 0, named(u"F"));
        ASSERT_TRUE(c) << s8(s);
        EXPECT_EQ(c->args.size(), 2u) << s8(s);
        EXPECT_EQ(formula::references(f, kAt).size(), 1u) << s8(s);
    }
}
