// Tests for jixiao/target.hpp: 指标值 as departments write them and as 预算管理一体化 systems export
// them, read into kind / value / unit, and the refusals (text the parser cannot place is an error,
// never a guess). Expected values follow the rule stated in target.hpp.
#include <gtest/gtest.h>

#include <string>

#include "jixiao/target.hpp"
#include "test_util.hpp"

using namespace jixiao;

namespace {

struct Good {
    const char16_t* text;
    const char16_t* unit;  // 度量单位 of the row
    TargetKind kind;
    bool strict;
    double value;
    const char16_t* wantUnit;
};

const Good kGood[] = {
    {u"≥95%", u"", TargetKind::AtLeast, false, 0.95, u"%"},
    {u">=90%", u"", TargetKind::AtLeast, false, 0.90, u"%"},
    {u"≧90%", u"", TargetKind::AtLeast, false, 0.90, u"%"},
    {u"＞80%", u"", TargetKind::AtLeast, true, 0.80, u"%"},
    {u">80%", u"", TargetKind::AtLeast, true, 0.80, u"%"},
    {u"≥９５％", u"", TargetKind::AtLeast, false, 0.95, u"%"},
    {u"不低于95%", u"", TargetKind::AtLeast, false, 0.95, u"%"},
    {u"不少于5场", u"", TargetKind::AtLeast, false, 5, u"场"},
    {u"≥85家", u"", TargetKind::AtLeast, false, 85, u"家"},
    {u"85家", u"", TargetKind::AtLeast, false, 85, u"家"},
    {u"3000平方米", u"", TargetKind::AtLeast, false, 3000, u"平方米"},
    {u"100%", u"", TargetKind::AtLeast, false, 1.0, u"%"},
    {u"100.00%", u"", TargetKind::AtLeast, false, 1.0, u"%"},
    {u"95", u"%", TargetKind::AtLeast, false, 0.95, u"%"},
    {u"≥95", u"%", TargetKind::AtLeast, false, 0.95, u"%"},
    {u"12", u"个", TargetKind::AtLeast, false, 12, u"个"},
    {u"≤30天", u"", TargetKind::AtMost, false, 30, u"天"},
    {u"<=2%", u"", TargetKind::AtMost, false, 0.02, u"%"},
    {u"≦2%", u"", TargetKind::AtMost, false, 0.02, u"%"},
    {u"≤2%", u"", TargetKind::AtMost, false, 0.02, u"%"},
    {u"＜5%", u"", TargetKind::AtMost, true, 0.05, u"%"},
    {u"不超过50万元", u"", TargetKind::AtMost, false, 50, u"万元"},
    {u"不高于3‰", u"", TargetKind::AtMost, false, 0.003, u"‰"},
    {u"≤50", u"万元", TargetKind::AtMost, false, 50, u"万元"},
    {u"＝12个", u"", TargetKind::Equal, false, 12, u"个"},
    {u"=12个", u"", TargetKind::Equal, false, 12, u"个"},
    {u"达到100%", u"", TargetKind::AtLeast, false, 1.0, u"%"},
    {u"95%以上", u"", TargetKind::AtLeast, false, 0.95, u"%"},
    {u"30天以内", u"", TargetKind::AtMost, false, 30, u"天"},
    {u"≥1,200人次", u"", TargetKind::AtLeast, false, 1200, u"人次"},
    {u"≥35亿元", u"", TargetKind::AtLeast, false, 35, u"亿元"},
    {u" ≥ 95 % ", u"", TargetKind::AtLeast, false, 0.95, u"%"},
};

const char16_t* const kQualitative[] = {u"有效提升", u"达到", u"达到预期", u"有所提升", u"明显改善", u"好",
                                        u"服务基地影响力得到提升"};

struct Bad {
    const char16_t* text;
    const char16_t* unit;
};
const Bad kBad[] = {
    {u"≥", u""},                // an operator without a number
    {u"", u""},                 // blank
    {u"95%-100%", u""},         // a range
    {u"≥50万元", u"元"},        // units that disagree
    {u"≥95%", u"个"},           // units that disagree
    {u"≥85家或90家", u""},      // two numbers
    {u"≥≤5", u""},              // two operators
    {u"不低于", u""},           // a word that needs a number
};

}  // namespace

TEST(ParseTarget, RealLookingTargets) {
    for (const Good& g : kGood) {
        SCOPED_TRACE(toUtf8(g.text));
        Target t = parseTarget(g.text, g.unit);
        EXPECT_EQ(t.kind, g.kind);
        EXPECT_EQ(t.strict, g.strict);
        EXPECT_NEAR(t.value, g.value, 1e-12);
        EXPECT_EQ(toUtf8(t.unit), toUtf8(g.wantUnit));
    }
}

TEST(ParseTarget, WordsWithoutANumberAreQualitative) {
    for (const char16_t* q : kQualitative) {
        SCOPED_TRACE(toUtf8(q));
        EXPECT_EQ(parseTarget(q).kind, TargetKind::Qualitative);
    }
}

TEST(ParseTarget, TextItCannotPlaceIsRefused) {
    for (const Bad& b : kBad) {
        SCOPED_TRACE(toUtf8(b.text));
        EXPECT_THROW(parseTarget(b.text, b.unit), RuleError);
    }
}

TEST(ParseTarget, AtLeastFortyStrings) {
    EXPECT_GE(std::size(kGood) + std::size(kQualitative) + std::size(kBad), 40u);
}

TEST(TargetScore, MetAndNotMet) {
    Target ge = parseTarget(u"≥95%");
    EXPECT_TRUE(targetMet(0.95, ge));
    EXPECT_FALSE(targetMet(0.9, ge));
    IndicatorOptions prop;
    EXPECT_NEAR(indicatorScore(CellView::num(0.9), ge, 10, prop), 0.9 / 0.95 * 10, 1e-12);
    IndicatorOptions thr;
    thr.method = TargetMethod::Threshold;
    EXPECT_EQ(indicatorScore(CellView::num(0.9), ge, 10, thr), 0.0);
    EXPECT_EQ(indicatorScore(CellView::num(0.96), ge, 10, thr), 10.0);
    Target le = parseTarget(u"≤30天");
    EXPECT_EQ(indicatorScore(CellView::num(25), le, 5, prop), 5.0);
    EXPECT_NEAR(indicatorScore(CellView::num(40), le, 5, prop), 30.0 / 40 * 5, 1e-12);
    EXPECT_NEAR(targetRatio(15587.94, parseTarget(u"≥3000平方米")), 15587.94 / 3000, 1e-12);
}

TEST(TargetScore, ActualsArePercentagesOnlyWhenTheyCanBe) {
    Target ge = parseTarget(u"≥95%");
    EXPECT_NEAR(actualValue(CellView::num(0.9), ge), 0.9, 1e-12);
    EXPECT_NEAR(actualValue(CellView::str(u"90%"), ge), 0.9, 1e-12);
    EXPECT_THROW(actualValue(CellView::num(90), ge), RuleError);       // 90 for 90%: refused, not guessed
    EXPECT_THROW(actualValue(CellView::str(u"很多"), ge), RuleError);  // not a number
}

TEST(TargetScore, QualitativeByGradeOrRatio) {
    Target q = parseTarget(u"有效提升");
    IndicatorOptions o;
    EXPECT_THROW(indicatorScore(CellView::empty(), q, 10, o), RuleError);  // neither grade nor ratio
    o.ratio = 0.7;
    EXPECT_NEAR(indicatorScore(CellView::empty(), q, 10, o), 7, 1e-12);
    o.grade = u"部分达成";  // 80%–60%: 70% lies inside
    EXPECT_NEAR(indicatorScore(CellView::empty(), q, 10, o), 7, 1e-12);
    o.ratio = 0.95;  // outside the band of 部分达成
    EXPECT_THROW(indicatorScore(CellView::empty(), q, 10, o), RuleError);
}
