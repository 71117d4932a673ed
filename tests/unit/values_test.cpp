// Tests for jixiao/values.hpp: text helpers, parseNumber, the range policy, approximate
// comparisons, roundHalfUp and requireFinite.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/values.hpp"
#include "test_util.hpp"

using namespace jixiao;
using jixiao_test::E;
using jixiao_test::N;
using jixiao_test::T;
using jixiao_test::column;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
}  // namespace

// ---------------------------------------------------------------- trim / blank / ASCII compare

TEST(Trim, StripsAsciiNbspAndIdeographicSpaceAtBothEnds) {
    EXPECT_EQ(trim(u"  abc  "), u"abc");
    EXPECT_EQ(trim(u"\t\r\nabc\n"), u"abc");
    EXPECT_EQ(trim(u"\u00A0abc\u00A0"), u"abc");
    EXPECT_EQ(trim(u"\u3000优\u3000"), u"优");
    EXPECT_EQ(trim(u" \u3000\u00A0 1,234.56 \u00A0\u3000 "), u"1,234.56");
}

TEST(Trim, KeepsInnerSpaceAndHandlesEmpty) {
    EXPECT_EQ(trim(u"  a b  "), u"a b");
    EXPECT_EQ(trim(u"a\u3000b"), u"a\u3000b");
    EXPECT_EQ(trim(u""), u"");
    EXPECT_EQ(trim(u"   "), u"");
    EXPECT_EQ(trim(u"\u3000\u00A0"), u"");
    EXPECT_EQ(trim(u"x"), u"x");
}

TEST(IsBlankText, OnlyEmptyOrWhiteSpace) {
    EXPECT_TRUE(isBlankText(u""));
    EXPECT_TRUE(isBlankText(u"   "));
    EXPECT_TRUE(isBlankText(u"\u3000"));
    EXPECT_TRUE(isBlankText(u"\u00A0\t"));
    EXPECT_FALSE(isBlankText(u"-"));
    EXPECT_FALSE(isBlankText(u"0"));
    EXPECT_FALSE(isBlankText(u" a "));
}

TEST(EqualsAsciiNoCase, IgnoresAsciiCaseOnly) {
    EXPECT_TRUE(equalsAsciiNoCase(u"TRUE", "true"));
    EXPECT_TRUE(equalsAsciiNoCase(u"TrUe", "TRUE"));
    EXPECT_TRUE(equalsAsciiNoCase(u"linear", "LINEAR"));
    EXPECT_TRUE(equalsAsciiNoCase(u"", ""));
    EXPECT_FALSE(equalsAsciiNoCase(u"TRUE", "TRUEX"));
    EXPECT_FALSE(equalsAsciiNoCase(u"TRU", "TRUE"));
    EXPECT_FALSE(equalsAsciiNoCase(u"FALSE", "TRUE"));
    // Full-width letters are not ASCII and do not match.
    EXPECT_FALSE(equalsAsciiNoCase(u"ＴＲＵＥ", "TRUE"));
    // '@' (0x40) and '`' (0x60) are not letters: no case folding for them.
    EXPECT_FALSE(equalsAsciiNoCase(u"@", "`"));
}

// ---------------------------------------------------------------- UTF-8 <-> UTF-16

TEST(Utf8, AsciiRoundTrip) {
    EXPECT_EQ(fromUtf8("EXECUTION_RATE"), u"EXECUTION_RATE");
    EXPECT_EQ(toUtf8(u"EXECUTION_RATE"), "EXECUTION_RATE");
    EXPECT_EQ(fromUtf8(""), u"");
    EXPECT_EQ(toUtf8(u""), "");
}

TEST(Utf8, TwoAndThreeByteSequences) {
    // U+00E9 é = C3 A9; U+4F18 优 = E4 BC 98; U+FF05 ％ = EF BC 85.
    EXPECT_EQ(fromUtf8("\xC3\xA9"), u"\u00E9");
    EXPECT_EQ(toUtf8(u"\u00E9"), "\xC3\xA9");
    EXPECT_EQ(fromUtf8("\xE4\xBC\x98"), u"优");
    EXPECT_EQ(toUtf8(u"优"), "\xE4\xBC\x98");
    EXPECT_EQ(toUtf8(u"\uFF05"), "\xEF\xBC\x85");
    EXPECT_EQ(fromUtf8("预算执行率 91.38%"), u"预算执行率 91.38%");
    EXPECT_EQ(toUtf8(u"预算执行率 91.38%"), "预算执行率 91.38%");
}

TEST(Utf8, SupplementaryPlaneUsesSurrogatePair) {
    // U+1F600 = F0 9F 98 80 = D83D DE00 in UTF-16.
    std::u16string s = fromUtf8("\xF0\x9F\x98\x80");
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0], 0xD83D);
    EXPECT_EQ(s[1], 0xDE00);
    EXPECT_EQ(toUtf8(s), "\xF0\x9F\x98\x80");
    // U+20BB7 𠮷 (CJK Ext. B) round-trips.
    EXPECT_EQ(toUtf8(fromUtf8("\xF0\xA0\xAE\xB7")), "\xF0\xA0\xAE\xB7");
}

TEST(Utf8, RoundTripOfMixedText) {
    const std::string text = "“三公”经费 ≤ 预算；１２３．４５％ — √ × 😀 end";
    EXPECT_EQ(toUtf8(fromUtf8(text)), text);
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacter) {
    EXPECT_EQ(fromUtf8("\xFF"), u"\uFFFD");
    EXPECT_EQ(fromUtf8("a\x80z"), u"a\uFFFDz");  // stray continuation byte
    EXPECT_EQ(fromUtf8("ab\xE4\xBC"), u"ab\uFFFD");  // truncated at the end
}

// ---------------------------------------------------------------- parseNumber

namespace {
void expectParses(std::u16string_view text, double expected) {
    std::optional<double> v = parseNumber(text);
    ASSERT_TRUE(v.has_value()) << "\"" << toUtf8(text) << "\" should parse";
    EXPECT_DOUBLE_EQ(*v, expected) << "\"" << toUtf8(text) << "\"";
}
void expectRejects(std::u16string_view text) {
    std::optional<double> v = parseNumber(text);
    EXPECT_FALSE(v.has_value()) << "\"" << toUtf8(text) << "\" should not parse, got " << (v ? *v : 0.0);
}
}  // namespace

TEST(ParseNumber, PlainNumbers) {
    expectParses(u"0", 0.0);
    expectParses(u"42", 42.0);
    expectParses(u"-3.4", -3.4);
    expectParses(u"+2", 2.0);
    expectParses(u"0.9138", 0.9138);
    expectParses(u"1.2E3", 1200.0);
    expectParses(u"1.2e3", 1200.0);
    expectParses(u"2.5e-2", 0.025);
    expectParses(u"1e+2", 100.0);
    expectParses(u"  17088.41  ", 17088.41);
    expectParses(u"\u300017088.41\u00A0", 17088.41);
}

TEST(ParseNumber, ThousandsSeparators) {
    expectParses(u"1,234.56", 1234.56);
    expectParses(u"17,088.41", 17088.41);
    expectParses(u"-5,279.67", -5279.67);
    expectParses(u"1,234,567", 1234567.0);
}

TEST(ParseNumber, PercentIsAFraction) {
    expectParses(u"12.5%", 0.125);
    expectParses(u"91.38%", 0.9138);
    expectParses(u"100%", 1.0);
    expectParses(u"100.00%", 1.0);
    expectParses(u"0.00%", 0.0);
    expectParses(u"-8.69%", -0.0869);
}

TEST(ParseNumber, AccountingNegative) {
    expectParses(u"(1,234.56)", -1234.56);
    expectParses(u"(12.5%)", -0.125);
}

TEST(ParseNumber, FullWidthForms) {
    expectParses(u"１２３．４５", 123.45);
    expectParses(u"１２．５％", 0.125);
    expectParses(u"－３", -3.0);
    expectParses(u"１，２３４．５６", 1234.56);
}

TEST(ParseNumber, LoneDashOrSlashIsZero) {
    expectParses(u"-", 0.0);
    expectParses(u"—", 0.0);   // U+2014 em dash
    expectParses(u"——", 0.0);  // doubled em dash, as Chinese tables print it
    expectParses(u"－", 0.0);   // U+FF0D full-width hyphen-minus
    expectParses(u"–", 0.0);   // U+2013 en dash
    expectParses(u"/", 0.0);
    expectParses(u" - ", 0.0);
}

TEST(ParseNumber, RejectsNonNumbers) {
    expectRejects(u"");
    expectRejects(u"   ");
    expectRejects(u"abc");
    expectRejects(u"12abc");
    expectRejects(u"万元");
    expectRejects(u"1.2.3");
    expectRejects(u"%");
    expectRejects(u"-%");
    expectRejects(u".");
    expectRejects(u"1e");
    expectRejects(u"e5");
    expectRejects(u",123");
    expectRejects(u"123,");
    expectRejects(u"1,,234");
    expectRejects(u"1.5,3");
    expectRejects(u"1-2");
    expectRejects(u"--5");
    expectRejects(u"N/A");
    expectRejects(u"//");
    expectRejects(u"inf");
    expectRejects(u"nan");
    expectRejects(u"1e999");  // overflows: not a finite number
    expectRejects(u"TRUE");
}

// ---------------------------------------------------------------- the range policy

TEST(NumberOf, ReadsOneCell) {
    EXPECT_FALSE(numberOf(E(), "x", 0).has_value());
    EXPECT_FALSE(numberOf(T(u""), "x", 0).has_value());
    EXPECT_FALSE(numberOf(T(u"  \u3000"), "x", 0).has_value());
    ASSERT_TRUE(numberOf(N(2.5), "x", 0).has_value());
    EXPECT_DOUBLE_EQ(*numberOf(N(2.5), "x", 0), 2.5);
    EXPECT_DOUBLE_EQ(*numberOf(T(u"12.5%"), "x", 0), 0.125);
    EXPECT_DOUBLE_EQ(*numberOf(T(u"—"), "x", 0), 0.0);
}

TEST(NumberOf, TextThatIsNotANumberNamesArgumentAndPosition) {
    std::string msg = jixiao_test::ruleErrorOf([] { numberOf(T(u"暂无"), "actual", 4); }, Lang::En);
    EXPECT_NE(msg.find("actual"), std::string::npos) << msg;
    EXPECT_NE(msg.find("cell 5"), std::string::npos) << msg;  // positions are 1-based
    EXPECT_NE(msg.find("暂无"), std::string::npos) << msg;
    EXPECT_EQ(jixiao_test::ruleErrorOf([] { numberOf(T(u" 暂无 "), "actual", 4); }),
              "实际完成值（actual）第5个单元格是文字「暂无」，此处应为数字");
}

TEST(NumberOf, NonFiniteNumberIsAnError) {
    EXPECT_RULE_ERROR(numberOf(N(kNaN), "budget", 0), "budget");
    EXPECT_RULE_ERROR(numberOf(N(kInf), "budget", 0), "budget");
}

TEST(NumbersOf, PolicyAsZero) {
    RangeView r = column({N(1), T(u"1,234.56"), T(u"12.5%"), E(), T(u"-"), T(u"—"), T(u"－"), T(u"/"),
                          T(u"  "), N(-2.5), T(u"(3)")});
    std::vector<double> v = numbersOf(r, "amounts");
    ASSERT_EQ(v.size(), 11u);
    const double expected[] = {1, 1234.56, 0.125, 0, 0, 0, 0, 0, 0, -2.5, -3};
    for (std::size_t i = 0; i < v.size(); ++i) EXPECT_DOUBLE_EQ(v[i], expected[i]) << "cell " << i + 1;
}

TEST(NumbersOf, DefaultIsAsZero) {
    std::vector<double> v = numbersOf(column({E(), N(3)}), "amounts");
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v[0], 0.0);
    EXPECT_EQ(v[1], 3.0);
}

TEST(NumbersOf, PolicySkipLeavesOutBlanksButKeepsDashesAsZero) {
    RangeView r = column({N(0.4748), E(), T(u"48.37%"), T(u" "), T(u"-"), T(u"\u3000")});
    std::vector<double> v = numbersOf(r, "rates", Blanks::Skip);
    ASSERT_EQ(v.size(), 3u);
    EXPECT_DOUBLE_EQ(v[0], 0.4748);
    EXPECT_DOUBLE_EQ(v[1], 0.4837);
    EXPECT_DOUBLE_EQ(v[2], 0.0);
}

TEST(NumbersOf, AllBlankWithSkipGivesNothing) {
    EXPECT_TRUE(numbersOf(column({E(), T(u""), E()}), "rates", Blanks::Skip).empty());
}

TEST(NumbersOf, ReadsATwoDimensionalRangeRowMajor) {
    RangeView r = jixiao_test::grid(2, 2, {N(1), N(2), T(u"3"), N(4)});
    std::vector<double> v = numbersOf(r, "r");
    EXPECT_EQ(v, (std::vector<double>{1, 2, 3, 4}));
    EXPECT_EQ(&r.at(1, 0), &r.cells[2]);
}

TEST(NumbersOf, OtherTextIsAnErrorNamingArgumentAndCell) {
    RangeView r = column({N(1), N(2), T(u"abc"), N(4)});
    std::string msg = jixiao_test::ruleErrorOf([&] { numbersOf(r, "initial_budgets"); }, Lang::En);
    EXPECT_NE(msg.find("initial_budgets"), std::string::npos) << msg;
    EXPECT_NE(msg.find("cell 3"), std::string::npos) << msg;
    EXPECT_NE(msg.find("abc"), std::string::npos) << msg;
    // Skip does not excuse text.
    EXPECT_RULE_ERROR(numbersOf(r, "rates", Blanks::Skip), "rates");
}

TEST(NumbersOf, NonFiniteNumberCellIsAnError) {
    EXPECT_RULE_ERROR(numbersOf(column({N(1), N(kNaN)}), "rates"), "cell 2");
    EXPECT_RULE_ERROR(numbersOf(column({N(-kInf)}), "rates", Blanks::Skip), "rates");
}

TEST(RequireSameSize, MatchingAndMismatchedSizes) {
    RangeView a = column({N(1), N(2)});
    RangeView b = column({N(3), E()});
    RangeView c = column({N(1), N(2), N(3)});
    EXPECT_NO_THROW(requireSameSize(a, "points", b, "marks"));
    std::string msg = jixiao_test::ruleErrorOf([&] { requireSameSize(a, "points", c, "marks"); });
    EXPECT_NE(msg.find("points"), std::string::npos) << msg;
    EXPECT_NE(msg.find("marks"), std::string::npos) << msg;
    EXPECT_EQ(msg, "分值（points）有2个单元格，判定（marks）有3个，两者须逐行对应");
    EXPECT_EQ(jixiao_test::ruleErrorOf([&] { requireSameSize(a, "points", c, "marks"); }, Lang::En),
              "points has 2 cells but marks has 3; they must match row for row");
}

TEST(ArgLabel, ChineseNameWithTheArgumentNameInChineseTheNameInEnglish) {
    EXPECT_EQ(argLabel("weight").text(Lang::Zh), "分值（weight）");
    EXPECT_EQ(argLabel("weight").text(Lang::En), "weight");
    EXPECT_EQ(argLabel("total", "固定资产总额").text(Lang::Zh), "固定资产总额（total）");
    // no Chinese name known: the name; a description: as it is in both languages
    EXPECT_EQ(argLabel("x").text(Lang::Zh), "x");
    EXPECT_EQ(argLabel("绩效目标表 E5").text(Lang::Zh), "绩效目标表 E5");
    EXPECT_EQ(argLabel("绩效目标表 E5").text(Lang::En), "绩效目标表 E5");
}

// ---------------------------------------------------------------- approximate comparisons

TEST(Approx, AbsorbsExportNoise) {
    // 9% as a float-exported table carries it.
    EXPECT_TRUE(approxEqual(0.0900000762939453, 0.09));
    EXPECT_TRUE(approxGE(0.0899999237060547, 0.09));
    EXPECT_TRUE(approxLE(0.0900000762939453, 0.09));
    EXPECT_TRUE(approxEqual(0.1 + 0.2, 0.3));
    EXPECT_TRUE(approxGE(0.1 + 0.2, 0.3));
    EXPECT_TRUE(approxLE(0.1 + 0.2, 0.3));
}

TEST(Approx, DoesNotAbsorbRealDifferences) {
    EXPECT_FALSE(approxEqual(0.09, 0.0901));
    EXPECT_FALSE(approxGE(0.0899, 0.09));
    EXPECT_FALSE(approxLE(0.0901, 0.09));
    EXPECT_FALSE(approxEqual(89.99, 90.0));
}

TEST(Approx, OrdinaryOrdering) {
    EXPECT_TRUE(approxGE(2, 1));
    EXPECT_FALSE(approxGE(1, 2));
    EXPECT_TRUE(approxLE(1, 2));
    EXPECT_FALSE(approxLE(2, 1));
    EXPECT_TRUE(approxGE(1, 1));
    EXPECT_TRUE(approxLE(1, 1));
    EXPECT_TRUE(approxEqual(-3.5, -3.5));
    EXPECT_FALSE(approxEqual(-3.5, 3.5));
}

TEST(Approx, RelativeToleranceWithAbsoluteFloor) {
    // relative 1e-6
    EXPECT_TRUE(approxEqual(1e6, 1e6 + 0.5));
    EXPECT_FALSE(approxEqual(1e6, 1e6 + 2));
    EXPECT_TRUE(approxEqual(100.0, 100.0 + 5e-5));
    EXPECT_FALSE(approxEqual(100.0, 100.0 + 5e-4));
    // absolute floor 1e-9 near zero
    EXPECT_TRUE(approxEqual(0.0, 5e-10));
    EXPECT_FALSE(approxEqual(0.0, 1e-8));
    EXPECT_TRUE(approxGE(-5e-10, 0.0));
    EXPECT_FALSE(approxGE(-1e-8, 0.0));
}

// ---------------------------------------------------------------- roundHalfUp

TEST(RoundHalfUp, HalfAwayFromZeroAfterAbsorbingBinaryNoise) {
    EXPECT_DOUBLE_EQ(roundHalfUp(2.675, 2), 2.68);  // stored as 2.67499999...
    EXPECT_DOUBLE_EQ(roundHalfUp(1.005, 2), 1.01);  // stored as 1.00499999...
    EXPECT_DOUBLE_EQ(roundHalfUp(0.285, 2), 0.29);
    EXPECT_DOUBLE_EQ(roundHalfUp(0.125, 2), 0.13);
    EXPECT_DOUBLE_EQ(roundHalfUp(-2.675, 2), -2.68);
    EXPECT_DOUBLE_EQ(roundHalfUp(-0.125, 2), -0.13);
    EXPECT_DOUBLE_EQ(roundHalfUp(2.5, 0), 3.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(-2.5, 0), -3.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(47.925, 2), 47.93);
    EXPECT_DOUBLE_EQ(roundHalfUp(56.875, 2), 56.88);
}

TEST(RoundHalfUp, BelowHalfRoundsDown) {
    EXPECT_DOUBLE_EQ(roundHalfUp(0.124, 2), 0.12);
    EXPECT_DOUBLE_EQ(roundHalfUp(2.674, 2), 2.67);
    EXPECT_DOUBLE_EQ(roundHalfUp(1.4999, 0), 1.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(-1.4999, 0), -1.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(0.0049999, 2), 0.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(4.552, 2), 4.55);
}

TEST(RoundHalfUp, OtherDigitCounts) {
    EXPECT_DOUBLE_EQ(roundHalfUp(0.91380952, 4), 0.9138);
    EXPECT_DOUBLE_EQ(roundHalfUp(0.36622, 4), 0.3662);
    EXPECT_DOUBLE_EQ(roundHalfUp(88.48, 0), 88.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(1234.5, -2), 1200.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(1250.0, -2), 1300.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(0.0, 2), 0.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(100.0, 2), 100.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(17088.41, 2), 17088.41);
}

TEST(RoundHalfUp, NonFinitePassesThrough) {
    EXPECT_TRUE(std::isnan(roundHalfUp(kNaN, 2)));
    EXPECT_EQ(roundHalfUp(kInf, 2), kInf);
    EXPECT_EQ(roundHalfUp(-kInf, 2), -kInf);
}

// Amounts in yuan (not 万元) reach billions: 17,088.41 万元 of this small district bureau is
// 170,884,100 yuan; a city bureau's budget of 50 亿元 is 5,000,000,000 yuan. Rounding a number
// that already has two decimals to two decimals must not change it.
TEST(RoundHalfUp, KeepsLargeAmountsUnchanged) {
    EXPECT_DOUBLE_EQ(roundHalfUp(170884100.0, 2), 170884100.0);
    EXPECT_DOUBLE_EQ(roundHalfUp(5e9, 2), 5e9);
    EXPECT_DOUBLE_EQ(roundHalfUp(-5e9, 2), -5e9);
    EXPECT_DOUBLE_EQ(roundHalfUp(12345678901.23, 2), 12345678901.23);
    EXPECT_DOUBLE_EQ(roundHalfUp(1e13, 2), 1e13);
    EXPECT_DOUBLE_EQ(roundHalfUp(1e12, 0), 1e12);
    // Below / above half at a billion: the third decimal still decides.
    EXPECT_DOUBLE_EQ(roundHalfUp(1e9 + 0.0045, 2), 1e9);
    EXPECT_DOUBLE_EQ(roundHalfUp(1e9 + 0.0055, 2), 1e9 + 0.01);
    EXPECT_DOUBLE_EQ(roundHalfUp(-(1e9 + 0.0045), 2), -1e9);
}

// ---------------------------------------------------------------- requireFinite

TEST(RequireFinite, PassesFiniteThrowsOtherwise) {
    EXPECT_EQ(requireFinite(1.5, "x"), 1.5);
    EXPECT_EQ(requireFinite(-0.0, "x"), 0.0);
    EXPECT_RULE_ERROR(requireFinite(kNaN, "weight"), "weight");
    EXPECT_RULE_ERROR(requireFinite(kInf, "rate"), "rate");
    EXPECT_RULE_ERROR(requireFinite(-kInf, "rate"), "rate");
    EXPECT_RULE_ERROR_IN(requireFinite(kNaN, "weight"), Lang::Zh, "分值（weight）不是有限数");
    EXPECT_RULE_ERROR_IN(requireFinite(kNaN, "weight"), Lang::En, "weight is not a finite number");
    EXPECT_RULE_ERROR_IN(requireFinite(kNaN, "total", "固定资产总额"), Lang::Zh, "固定资产总额（total）不是有限数");
}

// ---------------------------------------------------------------- review follow-ups

TEST(ParseNumber, ThousandsGroupsMustHaveThreeDigits) {
    // "1,23" is a decimal comma in some exports; reading it as 123 would be a 100× error.
    EXPECT_FALSE(parseNumber(u"1,23").has_value());
    EXPECT_FALSE(parseNumber(u"12,34.5").has_value());
    EXPECT_FALSE(parseNumber(u"1,2345").has_value());
    ASSERT_TRUE(parseNumber(u"12,345.5").has_value());
    EXPECT_DOUBLE_EQ(*parseNumber(u"12,345.5"), 12345.5);
}

TEST(Utf8, BadContinuationByteDoesNotSwallowTheNextCharacter) {
    EXPECT_EQ(fromUtf8("\xE4" "A"), u"\uFFFD" u"A");
    EXPECT_EQ(fromUtf8("\xC3" "(x"), u"\uFFFD" u"(x");
}

TEST(RoundHalfUp, NearHalfOnLargeAmountsIsNotPulledUp) {
    EXPECT_DOUBLE_EQ(roundHalfUp(1e11 + 0.0049, 2), 1e11);
    EXPECT_DOUBLE_EQ(roundHalfUp(2.675, 2), 2.68);
}

// ---------------------------------------------------------------- yesNo

TEST(YesNo, EveryAnswerWord) {
    using jixiao::CellView;
    for (const char16_t* yes : {u"是", u" 是 ", u"有", u"存在", u"适用", u"TRUE", u"true", u"Y", u"y", u"YES", u"yes",
                                u"1", u"√", u"✓", u"✔", u"真"}) {
        std::optional<bool> v = jixiao::yesNo(CellView::str(yes));
        ASSERT_TRUE(v.has_value()) << jixiao::toUtf8(yes);
        EXPECT_TRUE(*v) << jixiao::toUtf8(yes);
    }
    for (const char16_t* no : {u"否", u"无", u"不存在", u"不适用", u"FALSE", u"False", u"N", u"n", u"NO", u"0", u"×",
                               u"✗", u"✘", u"假"}) {
        std::optional<bool> v = jixiao::yesNo(CellView::str(no));
        ASSERT_TRUE(v.has_value()) << jixiao::toUtf8(no);
        EXPECT_FALSE(*v) << jixiao::toUtf8(no);
    }
    EXPECT_EQ(jixiao::yesNo(CellView::num(1)), std::optional<bool>(true));
    EXPECT_EQ(jixiao::yesNo(CellView::num(-2)), std::optional<bool>(true));
    EXPECT_EQ(jixiao::yesNo(CellView::num(0)), std::optional<bool>(false));
    for (CellView none : {CellView::empty(), CellView::str(u""), CellView::str(u"  "), CellView::str(u"也许"),
                          CellView::str(u"是的"), CellView::str(u"0.5"), CellView::str(u"TRUE()"),
                          CellView::num(std::numeric_limits<double>::quiet_NaN())})
        EXPECT_FALSE(jixiao::yesNo(none).has_value());
}
