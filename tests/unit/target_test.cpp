// Tests for jixiao/target.hpp: 指标值 as departments type them and as 预算管理一体化 systems export
// them, read into {kind, strict, value, unit} — or refused — and an indicator's score against it.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "jixiao/target.hpp"
#include "test_util.hpp"

using namespace jixiao;
using jixiao_test::E;
using jixiao_test::N;
using jixiao_test::T;
using jixiao_test::grid;

namespace {

std::string s8(std::u16string_view s) { return toUtf8(s); }

constexpr auto AtLeast = TargetKind::AtLeast;
constexpr auto AtMost = TargetKind::AtMost;
constexpr auto Equal = TargetKind::Equal;
constexpr auto Qual = TargetKind::Qualitative;

struct Read {
    const char16_t* text;
    const char16_t* unit;  // the row's 度量单位
    TargetKind kind;
    bool strict;
    double value;
    const char16_t* wantUnit;
};

// Targets that must be read, with what they mean.
const Read kRead[] = {
    // symbols, ASCII and full-width, with and without the row's unit
    {u"≥95%", u"", AtLeast, false, 0.95, u"%"},
    {u"≥95%", u"%", AtLeast, false, 0.95, u"%"},
    {u"≥95", u"%", AtLeast, false, 0.95, u"%"},
    {u"＞0", u"", AtLeast, true, 0, u""},
    {u">=90%", u"", AtLeast, false, 0.90, u"%"},
    {u"=>90%", u"", AtLeast, false, 0.90, u"%"},
    {u"≧98％", u"", AtLeast, false, 0.98, u"%"},
    {u"≤2%", u"", AtMost, false, 0.02, u"%"},
    {u"<=5", u"%", AtMost, false, 0.05, u"%"},
    {u"≦30天", u"天", AtMost, false, 30, u"天"},
    {u"＜3次", u"", AtMost, true, 3, u"次"},
    {u"<1‰", u"", AtMost, true, 0.001, u"‰"},
    {u"=12个", u"个", Equal, false, 12, u"个"},
    {u"＝１２个", u"", Equal, false, 12, u"个"},
    {u" ≥ 85 家 ", u"", AtLeast, false, 85, u"家"},
    {u"⩾10场", u"场", AtLeast, false, 10, u"场"},
    // words before the number
    {u"不低于95%", u"", AtLeast, false, 0.95, u"%"},
    {u"不少于5场", u"场", AtLeast, false, 5, u"场"},
    {u"不小于90", u"%", AtLeast, false, 0.90, u"%"},
    {u"不高于3%", u"", AtMost, false, 0.03, u"%"},
    {u"不超过50万元", u"万元", AtMost, false, 50, u"万元"},
    {u"不大于15个工作日", u"", AtMost, false, 15, u"工作日"},
    {u"达到100%", u"", AtLeast, false, 1.0, u"%"},
    {u"大于80%", u"", AtLeast, true, 0.80, u"%"},
    {u"小于5起", u"", AtMost, true, 5, u"起"},
    {u"控制在5%以内", u"", AtMost, false, 0.05, u"%"},
    // words after the number
    {u"95%以上", u"", AtLeast, false, 0.95, u"%"},
    {u"3000平方米及以上", u"平方米", AtLeast, false, 3000, u"平方米"},
    {u"≤2%以内", u"", AtMost, false, 0.02, u"%"},
    {u"30个工作日以内", u"", AtMost, false, 30, u"工作日"},
    {u"10%以下", u"", AtMost, false, 0.10, u"%"},
    {u"5天及以下", u"天", AtMost, false, 5, u"天"},
    {u"3日内", u"天", AtMost, false, 3, u"天"},  // 日 is 天 written another way
    {u"达到95%以上", u"", AtLeast, false, 0.95, u"%"},
    // a bare number is ≥; thousands separators, decimals, full-width digits and ．
    {u"100%", u"", AtLeast, false, 1.0, u"%"},
    {u"100.00%", u"", AtLeast, false, 1.0, u"%"},
    {u"3000平方米", u"", AtLeast, false, 3000, u"平方米"},
    {u"12", u"个", AtLeast, false, 12, u"个"},
    {u"≤50", u"万元", AtMost, false, 50, u"万元"},
    {u"不高于3‰", u"", AtMost, false, 0.003, u"‰"},
    {u"85", u"家", AtLeast, false, 85, u"家"},
    {u"≥1,000万元", u"", AtLeast, false, 1000, u"万元"},
    {u"≥1，500人次", u"人次", AtLeast, false, 1500, u"人次"},
    {u"≥３５．５亿元", u"", AtLeast, false, 35.5, u"亿元"},
    {u"≥12个月", u"月", AtLeast, false, 12, u"月"},
    {u"≥0", u"", AtLeast, false, 0, u""},
    {u"≥-5%", u"", AtLeast, false, -0.05, u"%"},
    {u"≥20篇", u"篇", AtLeast, false, 20, u"篇"},
    {u"≥2000户", u"户", AtLeast, false, 2000, u"户"},
    {u"≥3批", u"", AtLeast, false, 3, u"批"},
    {u"≥4期", u"期", AtLeast, false, 4, u"期"},
    {u"≥500册", u"", AtLeast, false, 500, u"册"},
    {u"≤120公里", u"", AtMost, false, 120, u"公里"},
    {u"≥6份", u"份", AtLeast, false, 6, u"份"},
    {u"≥3项", u"项", AtLeast, false, 3, u"项"},
    {u"≥200件", u"件", AtLeast, false, 200, u"件"},
    {u"≥1年", u"年", AtLeast, false, 1, u"年"},
    {u"≥60人", u"人", AtLeast, false, 60, u"人"},
    {u"≥300元", u"元", AtLeast, false, 300, u"元"},
    // numbers in Chinese numerals, read only in the strict form (comparison / unit around them)
    {u"不少于五场", u"", AtLeast, false, 5, u"场"},
    {u"不少于十二次", u"", AtLeast, false, 12, u"次"},
    {u"一百零五家", u"", AtLeast, false, 105, u"家"},
    {u"≥三亿元", u"", AtLeast, false, 3, u"亿元"},
    {u"达到百分之九十五", u"", AtLeast, false, 0.95, u"%"},
    // 定性: words without a number (the row's unit is kept when it is one)
    {u"达到预期", u"", Qual, false, 0, u""},
    {u"有效提升", u"", Qual, false, 0, u""},
    {u"明显改善", u"", Qual, false, 0, u""},
    {u"好", u"", Qual, false, 0, u""},
    {u"良好", u"", Qual, false, 0, u""},
    {u"提高", u"", Qual, false, 0, u""},
    {u"显著", u"", Qual, false, 0, u""},
    {u"达到", u"", Qual, false, 0, u""},
    {u"高于上年", u"", Qual, false, 0, u""},
    {u"进一步提升", u"", Qual, false, 0, u""},
    {u"服务基地影响力得到提升", u"", Qual, false, 0, u""},
    {u"有所提升", u"%", Qual, false, 0, u"%"},
    {u"及时/有效", u"", Qual, false, 0, u""},  // a slash without a number is no rate
    // rates per so many people (卫生健康 targets): a unit of their own, compared as written
    {u"≤10/10万", u"", AtMost, false, 10, u"/10万"},
    {u"≤10", u"1/10万", AtMost, false, 10, u"/10万"},
    {u"≤10/10万", u"1/10万", AtMost, false, 10, u"/10万"},
    {u"＜5‰", u"", AtMost, true, 0.005, u"‰"},
    {u"≥6张/千人", u"", AtLeast, false, 6, u"张/千人"},
    {u"≥3.2人/万人", u"人/万人", AtLeast, false, 3.2, u"人/万人"},
    {u"18/10万以下", u"", AtMost, false, 18, u"/10万"},
};

struct Refused {
    const char16_t* text;
    const char16_t* unit;
    const char* needle;  // a piece of the message
};

// Targets that must be refused, each with the reason the message gives.
const Refused kRefused[] = {
    {u"95%-100%", u"", "2 个数值"},          // a range
    {u"90%～100%", u"", "2 个数值"},
    {u"≥95%且≤100%", u"", "2 个数值"},
    {u"≥85家或90家", u"", "2 个数值"},
    {u"≥≤5", u"", "不一致"},                 // two comparisons that contradict
    {u"2023年12月31日前", u"", "个数值"},   // a date
    {u"≥", u"", "没有数值"},                 // a comparison that lost its number
    {u"≤%", u"%", "没有数值"},
    {u"≥上年", u"", "没有数值"},
    {u"不低于", u"", "后没有数值"},
    {u"以上", u"", "后没有数值"},
    {u"≤50万元", u"元", "不一致"},          // units that disagree: never converted
    {u"≥10家", u"个", "不一致"},
    {u"≥95%", u"个", "不一致"},
    {u"≥5亩地", u"", "不是已知的度量单位或限定词"},
    {u"约95%", u"", "不是比较符号"},
    {u"≥95%以下", u"", "不一致"},            // directions that contradict
    {u"大于95%以上", u"", "不一致"},         // > and ≥ at once: is 95% met?
    {u"≥5", u"斤", "不是已知的度量单位"},    // a 度量单位 the table does not know
    {u"12月底前", u"", "不是已知的度量单位或限定词"},
    {u"100%完成", u"", "不是已知的度量单位或限定词"},
    {u"不少于一百五场", u"", "中文数字「一百五」"},  // colloquial 一百五: 150 or 105?
    {u"", u"", "为空"},
    {u"-", u"", "为空"},
    {u"≤10/10万", u"1/万", "不一致"},        // per 10万 and per 万: never converted
    {u"≤10/10万", u"%", "不一致"},
    {u"≤10/10万/年", u"", "个数值"},         // two slashes: not one rate
};

}  // namespace

// ---------------------------------------------------------------- parseTarget

TEST(ParseTarget, ReadsTheTable) {
    ASSERT_GE(std::size(kRead), 40u);
    for (const Read& r : kRead) {
        SCOPED_TRACE(s8(r.text) + " / unit " + s8(r.unit));
        Target t;
        try {
            t = parseTarget(r.text, r.unit);
        } catch (const RuleError& e) {
            ADD_FAILURE() << "refused: " << e.what();
            continue;
        }
        EXPECT_EQ(t.kind, r.kind);
        EXPECT_EQ(t.strict, r.strict);
        EXPECT_NEAR(t.value, r.value, 1e-12);
        EXPECT_EQ(s8(t.unit), s8(r.wantUnit));
        EXPECT_EQ(s8(t.text), s8(trim(r.text)));
    }
}

TEST(ParseTarget, RefusesWhatItCannotPlace) {
    ASSERT_GE(std::size(kRefused), 8u);
    for (const Refused& r : kRefused) {
        SCOPED_TRACE(s8(r.text) + " / unit " + s8(r.unit));
        EXPECT_RULE_ERROR(parseTarget(r.text, r.unit), r.needle);
    }
}

TEST(ParseTarget, MessagesNameTheArgumentAndTheText) {
    std::string m = jixiao_test::ruleErrorOf([] { parseTarget(u"95%-100%"); });
    EXPECT_NE(m.find("指标值"), std::string::npos) << m;
    EXPECT_NE(m.find("target"), std::string::npos) << m;
    EXPECT_NE(m.find("「95%-100%」"), std::string::npos) << m;
    // a caller's own description of the argument is used as it is
    m = jixiao_test::ruleErrorOf([] { parseTarget(u"≥", u"", msg("test.cell", "绩效目标表 E5", "绩效目标表 (targets table) E5")); });
    EXPECT_EQ(m.rfind("绩效目标表 E5「≥」", 0), 0u) << m;
    m = jixiao_test::ruleErrorOf([] { parseTarget(u"≤50万元", u"元"); });
    EXPECT_NE(m.find("「万元」"), std::string::npos) << m;
    EXPECT_NE(m.find("「元」"), std::string::npos) << m;
}

namespace {

// The message of the RuleError `f` throws, in English.
template <class F>
std::string englishErrorOf(F&& f) {
    try {
        f();
    } catch (const RuleError& e) {
        return e.message().text(Lang::En);
    }
    ADD_FAILURE() << "expected a RuleError";
    return "<nothing thrown>";
}

// No Chinese punctuation (Chinese may appear only as names: 指标值, a unit, the text written).
bool englishSentence(const std::string& m) {
    for (const char* p : {"，", "。", "；", "：", "、", "！", "？", "「", "」", "（", "）", "……"})
        if (m.find(p) != std::string::npos) return false;
    return true;
}

}  // namespace

TEST(TargetMessages, InEnglishTheyNameTheBadText) {
    struct Case {
        std::string message;
        std::vector<std::string> needles;
    };
    const Case cases[] = {
        {englishErrorOf([] { parseTarget(u"95%-100%"); }),
         {"target value (target) \"95%-100%\" cannot be read", "it has 2 numbers"}},
        {englishErrorOf([] { parseTarget(u"100%完成"); }),
         {"\"完成\" is not a known unit or qualifier", "个, 家", "per so many people"}},
        {englishErrorOf([] { parseTarget(u"≥", u"", msg("test.cell", "绩效目标表 E5", "绩效目标表 (targets table) E5")); }),
         {"绩效目标表 (targets table) E5 \"≥\" cannot be read", "no number after the comparison"}},
        {englishErrorOf([] { parseTarget(u"≤50万元", u"元"); }), {"\"万元\"", "\"元\"", "not converted"}},
        {englishErrorOf([] { parseTarget(u"≥95%", u"斤"); }), {"unit (unit): \"斤\" is not a known unit"}},
        {englishErrorOf([] { targetArg(N(95), T(u"%")); }), {"the number 95", "\"95%\""}},
        {englishErrorOf([] { actualValue(T(u"12个"), parseTarget(u"≥95")); }), {"\"12个\"", "\"个\"", "\"(none)\""}},
        {englishErrorOf([] { targetValue(parseTarget(u"有效提升")); }), {"\"有效提升\" is qualitative"}},
        {englishErrorOf([] { gradeBand(u"很好很好"); }), {"the grade (完成等级) \"很好很好\" is not known"}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.message);
        EXPECT_TRUE(englishSentence(c.message)) << c.message;
        for (const std::string& n : c.needles) EXPECT_NE(c.message.find(n), std::string::npos) << n;
    }
}

TEST(ParseTarget, StrictAndNonStrictDifferOnlyAtTheValue) {
    Target gt = parseTarget(u">90%"), ge = parseTarget(u"≥90%");
    EXPECT_FALSE(targetMet(0.90, gt));
    EXPECT_TRUE(targetMet(0.90, ge));
    EXPECT_TRUE(targetMet(0.9001, gt));
    Target lt = parseTarget(u"<3次"), le = parseTarget(u"3次以内");
    EXPECT_FALSE(targetMet(3, lt));
    EXPECT_TRUE(targetMet(3, le));
    EXPECT_TRUE(targetMet(2, lt));
}

// ---------------------------------------------------------------- canonicalUnit

TEST(CanonicalUnit, AliasesAndUnknowns) {
    EXPECT_EQ(s8(*canonicalUnit(u"％")), "%");
    EXPECT_EQ(s8(*canonicalUnit(u" 日 ")), "天");
    EXPECT_EQ(s8(*canonicalUnit(u"㎡")), "平方米");
    EXPECT_EQ(s8(*canonicalUnit(u"个月")), "月");
    EXPECT_EQ(s8(*canonicalUnit(u"人次")), "人次");  // not 人
    EXPECT_EQ(s8(*canonicalUnit(u"万元")), "万元");  // not 元
    EXPECT_EQ(*canonicalUnit(u""), u"");
    EXPECT_EQ(*canonicalUnit(u"-"), u"");
    EXPECT_EQ(*canonicalUnit(u"无"), u"");
    EXPECT_FALSE(canonicalUnit(u"斤").has_value());
    EXPECT_FALSE(canonicalUnit(u"万").has_value());
}

// ---------------------------------------------------------------- targetArg (a cell)

TEST(TargetArg, NumbersTextAndBlank) {
    Target t = targetArg(N(0.95), T(u"%"));
    EXPECT_EQ(t.kind, AtLeast);
    EXPECT_DOUBLE_EQ(t.value, 0.95);  // a % cell holds the fraction
    EXPECT_EQ(s8(t.unit), "%");
    EXPECT_DOUBLE_EQ(targetArg(N(85), T(u"家")).value, 85);
    EXPECT_DOUBLE_EQ(targetArg(T(u"≥95"), T(u"%")).value, 0.95);  // text is read as written
    EXPECT_DOUBLE_EQ(targetArg(T(u"不超过50万元"), E()).value, 50);
    EXPECT_RULE_ERROR(targetArg(N(95), T(u"%")), "95");           // 95 in a % cell: a typed percentage?
    EXPECT_RULE_ERROR(targetArg(E(), E()), "为空");
    EXPECT_RULE_ERROR(targetArg(T(u"≥95%"), N(3)), "度量单位");
}

TEST(TargetArg, AnEmptyCellArrivesAsZero) {
    // Calc passes an empty cell to an `any` argument as 0: a 0 unit is no unit, a 0 指标值 is refused
    // (a blank 指标值 must never read as ≥0 and give full marks).
    EXPECT_EQ(s8(targetArg(T(u"≥95%"), N(0)).unit), "%");
    EXPECT_EQ(s8(targetArg(T(u"≥85"), N(0)).unit), "");
    EXPECT_RULE_ERROR(targetArg(N(0), E()), "「≥0」");
    EXPECT_DOUBLE_EQ(targetArg(T(u"≥0"), N(0)).value, 0);  // written as text, 0 is a target
}

TEST(TargetValue, QualitativeHasNone) {
    EXPECT_DOUBLE_EQ(targetValue(parseTarget(u"≥95%")), 0.95);
    EXPECT_DOUBLE_EQ(targetValue(parseTarget(u"≤30天")), 30);
    EXPECT_RULE_ERROR(targetValue(parseTarget(u"有效提升")), "定性");
}

// ---------------------------------------------------------------- actualValue

TEST(ActualValue, PercentTargets) {
    Target pct = parseTarget(u"≥95%");
    EXPECT_DOUBLE_EQ(actualValue(N(0.9), pct), 0.9);
    EXPECT_DOUBLE_EQ(actualValue(T(u"90%"), pct), 0.9);
    EXPECT_DOUBLE_EQ(actualValue(T(u"９０％"), pct), 0.9);
    EXPECT_DOUBLE_EQ(actualValue(T(u"105%"), pct), 1.05);  // beyond 100% only as written
    EXPECT_DOUBLE_EQ(actualValue(T(u"0.9"), pct), 0.9);
    EXPECT_DOUBLE_EQ(actualValue(N(1), pct), 1.0);
    EXPECT_RULE_ERROR(actualValue(N(90), pct), "90");      // 90 for 90%: refused, not guessed
    EXPECT_RULE_ERROR(actualValue(T(u"90"), pct), "90");
    EXPECT_RULE_ERROR(actualValue(N(1.05), pct), "105%");  // 1.05 or 1.05%?
    EXPECT_DOUBLE_EQ(actualValue(T(u"3‰"), parseTarget(u"<5‰")), 0.003);
    EXPECT_RULE_ERROR(actualValue(T(u"3‰"), pct), "不一致");
}

TEST(ActualValue, RatesPerSoMany) {
    Target deaths = parseTarget(u"≤10", u"1/10万");
    EXPECT_DOUBLE_EQ(actualValue(N(7.8), deaths), 7.8);  // never read as a fraction
    EXPECT_DOUBLE_EQ(actualValue(T(u"7.8"), deaths), 7.8);
    EXPECT_DOUBLE_EQ(actualValue(T(u"7.8/10万"), deaths), 7.8);
    EXPECT_RULE_ERROR(actualValue(T(u"7.8/万"), deaths), "不一致");
    EXPECT_TRUE(targetMet(7.8, deaths));
    EXPECT_FALSE(targetMet(12.5, deaths));
    EXPECT_NEAR(targetRatio(12.5, deaths), 0.8, 1e-12);  // ≤: 指标值 ÷ 实际
    EXPECT_EQ(s8(*canonicalUnit(u"1/10万")), "/10万");
    EXPECT_EQ(s8(*canonicalUnit(u"例/10万")), "例/10万");
    EXPECT_EQ(s8(*canonicalUnit(u"/")), "");  // a slash alone is a blank, as a dash is
}

TEST(ActualValue, CountsAndAmounts) {
    Target firms = parseTarget(u"≥85家");
    EXPECT_DOUBLE_EQ(actualValue(N(91), firms), 91);
    EXPECT_DOUBLE_EQ(actualValue(T(u"91"), firms), 91);
    EXPECT_DOUBLE_EQ(actualValue(T(u"91家"), firms), 91);
    EXPECT_DOUBLE_EQ(actualValue(T(u"1,234"), firms), 1234);
    EXPECT_DOUBLE_EQ(actualValue(T(u"-"), firms), 0);  // the range policy's dash
    EXPECT_DOUBLE_EQ(actualValue(N(-28), parseTarget(u"≥20")), -28);
    EXPECT_RULE_ERROR(actualValue(T(u"91个"), firms), "不一致");
    EXPECT_RULE_ERROR(actualValue(T(u"90%"), firms), "不一致");
    EXPECT_RULE_ERROR(actualValue(T(u"约90家"), firms), "不是数值");
    EXPECT_RULE_ERROR(actualValue(T(u"已完成"), firms), "不是数值");
    EXPECT_RULE_ERROR(actualValue(E(), firms), "为空");
    EXPECT_RULE_ERROR(actualValue(T(u"  "), firms), "为空");
    EXPECT_RULE_ERROR(actualValue(N(std::numeric_limits<double>::quiet_NaN()), firms), "有限");
    EXPECT_RULE_ERROR(actualValue(N(1), parseTarget(u"有效提升")), "定性");
    std::string m = jixiao_test::ruleErrorOf([&] { actualValue(T(u"已完成"), firms); });
    EXPECT_NE(m.find("实际完成值"), std::string::npos) << m;
    EXPECT_NE(m.find("「已完成」"), std::string::npos) << m;
}

// ---------------------------------------------------------------- targetMet, targetRatio

TEST(TargetMet, EveryKind) {
    EXPECT_TRUE(targetMet(0.95, parseTarget(u"≥95%")));
    EXPECT_TRUE(targetMet(0.9500000762939453, parseTarget(u"≥95%")));  // float noise of exported tables
    EXPECT_TRUE(targetMet(0.9499999, parseTarget(u"≥95%")));
    EXPECT_FALSE(targetMet(0.949, parseTarget(u"≥95%")));
    EXPECT_TRUE(targetMet(30, parseTarget(u"≤30天")));
    EXPECT_FALSE(targetMet(31, parseTarget(u"≤30天")));
    EXPECT_TRUE(targetMet(13, parseTarget(u"=12个")));  // = counts like ≥ when scoring
    EXPECT_FALSE(targetMet(11, parseTarget(u"=12个")));
    EXPECT_RULE_ERROR(targetMet(1, parseTarget(u"有效提升")), "定性");
}

TEST(TargetRatio, AtLeastAndAtMost) {
    EXPECT_NEAR(targetRatio(15587.94, parseTarget(u"≥3000平方米")), 5.19598, 1e-5);
    EXPECT_DOUBLE_EQ(targetRatio(5, parseTarget(u"≤30天")), 6.0);  // inverted: better than target -> > 1
    EXPECT_DOUBLE_EQ(targetRatio(60, parseTarget(u"≤30天")), 0.5);
    EXPECT_RULE_ERROR(targetRatio(0, parseTarget(u"≤30天")), "大于 0");  // zero divisor
    EXPECT_RULE_ERROR(targetRatio(5, parseTarget(u"≥0")), "大于 0");
    EXPECT_RULE_ERROR(targetRatio(5, parseTarget(u"达到预期")), "定性");
}

// ---------------------------------------------------------------- gradeBand

TEST(GradeBand, GradesAndLevels) {
    EXPECT_EQ(gradeBand(u"达成"), std::make_pair(0.8, 1.0));
    EXPECT_EQ(gradeBand(u" 部分达成 "), std::make_pair(0.6, 0.8));
    EXPECT_EQ(gradeBand(u"未达成"), std::make_pair(0.0, 0.6));
    EXPECT_EQ(gradeBand(u"优"), std::make_pair(0.8, 1.0));
    EXPECT_EQ(gradeBand(u"良"), std::make_pair(0.6, 0.8));
    EXPECT_EQ(gradeBand(u"中"), std::make_pair(0.0, 0.6));
    EXPECT_EQ(gradeBand(u"差"), std::make_pair(0.0, 0.0));
    EXPECT_RULE_ERROR(gradeBand(u"很好"), "「很好」");
    EXPECT_RULE_ERROR(gradeBand(u""), "完成等级");
}

// ---------------------------------------------------------------- indicatorScore

namespace {
IndicatorOptions opts(TargetMethod m = TargetMethod::Proportional) {
    IndicatorOptions o;
    o.method = m;
    return o;
}
}  // namespace

TEST(IndicatorScore, MetGivesTheWeight) {
    EXPECT_DOUBLE_EQ(indicatorScore(N(91), parseTarget(u"≥85家"), 2, opts()), 2);
    EXPECT_DOUBLE_EQ(indicatorScore(N(91), parseTarget(u"≥85家"), 2, opts(TargetMethod::Threshold)), 2);
    EXPECT_DOUBLE_EQ(indicatorScore(T(u"100%"), parseTarget(u"100%"), 2, opts()), 2);
    EXPECT_DOUBLE_EQ(indicatorScore(N(12), parseTarget(u"=12个"), 1, opts()), 1);
}

TEST(IndicatorScore, NotMetProportionalOrThreshold) {
    Target t = parseTarget(u"≥95%");
    EXPECT_NEAR(indicatorScore(N(0.9), t, 10, opts()), 0.9 / 0.95 * 10, 1e-12);
    EXPECT_DOUBLE_EQ(indicatorScore(N(0.9), t, 10, opts(TargetMethod::Threshold)), 0);
    EXPECT_DOUBLE_EQ(indicatorScore(N(-0.1), t, 10, opts()), 0);  // never below 0
    EXPECT_DOUBLE_EQ(indicatorScore(N(0.9), parseTarget(u">90%"), 10, opts(TargetMethod::Threshold)), 0);
    // a target of 0 has no proportion: not met scores 0
    EXPECT_DOUBLE_EQ(indicatorScore(N(-28), parseTarget(u"≥0"), 1, opts()), 0);
}

TEST(IndicatorScore, AtMostIsInverted) {
    Target t = parseTarget(u"≤30天");
    EXPECT_DOUBLE_EQ(indicatorScore(N(25), t, 5, opts()), 5);
    EXPECT_DOUBLE_EQ(indicatorScore(N(40), t, 5, opts()), 30.0 / 40.0 * 5);
    EXPECT_DOUBLE_EQ(indicatorScore(N(40), t, 5, opts(TargetMethod::Threshold)), 0);
    EXPECT_DOUBLE_EQ(indicatorScore(N(0), t, 5, opts()), 5);  // zero actual on ≤: met
    // ≤ a negative target (a fall of at least 5%), missed with a negative actual: 0, not target/actual
    EXPECT_DOUBLE_EQ(indicatorScore(N(-0.02), parseTarget(u"≤-5%"), 4, opts()), 0);
    EXPECT_DOUBLE_EQ(indicatorScore(N(-0.06), parseTarget(u"≤-5%"), 4, opts()), 4);
}

TEST(IndicatorScore, QualitativeByGrade) {
    Target t = parseTarget(u"有效提升");
    IndicatorOptions o;
    o.grade = u"达成";
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 3, o), 3);
    o.grade = u"部分达成";
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 3, o), 3 * 0.8);
    o.grade = u"未达成";
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 3, o), 3 * 0.6);
    o.grade = u"良";
    EXPECT_DOUBLE_EQ(indicatorScore(T(u"有所提升"), t, 5, o), 4);  // the actual is not read
    o.grade = u"差";
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 5, o), 0);
    o.grade.clear();
    EXPECT_RULE_ERROR(indicatorScore(E(), t, 3, o), "完成等级");  // neither grade nor ratio
    o.grade = u"很好";
    EXPECT_RULE_ERROR(indicatorScore(E(), t, 3, o), "「很好」");
}

TEST(IndicatorScore, RatioInsideAndOutsideTheGradesBand) {
    Target t = parseTarget(u"达到预期");
    IndicatorOptions o;
    o.grade = u"部分达成";
    o.ratio = 0.7;
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 10, o), 7);
    o.ratio = 0.6;  // the band's edges belong to it
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 10, o), 6);
    o.ratio = 0.85;
    EXPECT_RULE_ERROR(indicatorScore(E(), t, 10, o), "部分达成");
    o.ratio = 0.5;
    EXPECT_RULE_ERROR(indicatorScore(E(), t, 10, o), "60%–80%");
    o.grade.clear();
    o.ratio = 0.5;  // a ratio alone: no band to check
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 10, o), 5);
}

TEST(IndicatorScore, RatioOverridesTheRule) {
    // 无线电安全巡查情况说明数量: ≥6份, 3 given, the evaluator scores 80% of the weight.
    IndicatorOptions o = opts(TargetMethod::Threshold);
    o.ratio = 0.8;
    EXPECT_DOUBLE_EQ(indicatorScore(N(3), parseTarget(u"≥6份"), 1, o), 0.8);
    o.overachievement = defaultOverachievementBands();  // the stated ratio is final: no cut on top
    EXPECT_DOUBLE_EQ(indicatorScore(N(60), parseTarget(u"≥6份"), 1, o), 0.8);
    EXPECT_DOUBLE_EQ(indicatorScore(E(), parseTarget(u"≥6份"), 1, o), 0.8);  // the actual is not read
    o.ratio = 1.2;
    EXPECT_RULE_ERROR(indicatorScore(N(3), parseTarget(u"≥6份"), 1, o), "得分比例");
}

TEST(IndicatorScore, OverachievementBands) {
    IndicatorOptions o = opts(TargetMethod::Threshold);
    o.overachievement = defaultOverachievementBands();
    // the seed: 孵化面积 5.19× -> 50%; 技术交易额 64.44/35 = 1.84× -> 90%
    EXPECT_DOUBLE_EQ(indicatorScore(N(15587.94), parseTarget(u"≥3000平方米"), 2, o), 1.0);
    EXPECT_DOUBLE_EQ(indicatorScore(N(64.44), parseTarget(u"≥35亿元"), 3, o), 3 * 0.9);
    EXPECT_DOUBLE_EQ(indicatorScore(N(40), parseTarget(u"≥35亿元"), 3, o), 3);  // 1.14×: no cut
    // ≤ targets read the inverted ratio: 3 days against ≤30天 is 10× better
    EXPECT_DOUBLE_EQ(indicatorScore(N(3), parseTarget(u"≤30天"), 4, o), 4 * 0.5);
    EXPECT_RULE_ERROR(indicatorScore(N(0), parseTarget(u"≤30天"), 4, o), "大于 0");  // no ratio for 0
    // bands of one's own: up to 2× -> 1, above -> 0.7
    o.overachievement = {{2.0, 1.0, false}, {0.0, 0.7, true}};
    EXPECT_DOUBLE_EQ(indicatorScore(N(64.44), parseTarget(u"≥35亿元"), 3, o), 3);
    EXPECT_NEAR(indicatorScore(N(91.40), parseTarget(u"≥35亿元"), 3, o), 2.1, 1e-12);
    // no cut without bands
    EXPECT_DOUBLE_EQ(indicatorScore(N(15587.94), parseTarget(u"≥3000平方米"), 2, opts()), 2);
    // 定性 has no multiple
    IndicatorOptions q;
    q.grade = u"达成";
    q.overachievement = defaultOverachievementBands();
    EXPECT_RULE_ERROR(indicatorScore(E(), parseTarget(u"有效提升"), 3, q), "定性");
}

TEST(IndicatorScore, BadWeightAndActual) {
    EXPECT_RULE_ERROR(indicatorScore(N(1), parseTarget(u"≥1"), -1, opts()), "分值");
    EXPECT_RULE_ERROR(indicatorScore(N(1), parseTarget(u"≥1"), std::numeric_limits<double>::infinity(), opts()), "分值");
    EXPECT_RULE_ERROR(indicatorScore(E(), parseTarget(u"≥1"), 1, opts()), "为空");
    EXPECT_RULE_ERROR(indicatorScore(N(90), parseTarget(u"≥95%"), 1, opts()), "90");
}

// ---------------------------------------------------------------- the arguments as a cell passes them

TEST(IndicatorOptionsArg, DefaultsAndBlanks) {
    RangeView none;
    IndicatorOptions o = indicatorOptionsArg(E(), E(), E(), none);
    EXPECT_EQ(o.method, TargetMethod::Proportional);  // the national rule by default
    EXPECT_FALSE(o.ratio.has_value());
    EXPECT_TRUE(o.grade.empty());
    EXPECT_TRUE(o.overachievement.empty());
    o = indicatorOptionsArg(T(u""), T(u" "), T(u""), grid(1, 1, {T(u"")}));  // blank cells: not given
    EXPECT_EQ(o.method, TargetMethod::Proportional);
    EXPECT_FALSE(o.ratio.has_value());
    EXPECT_TRUE(o.overachievement.empty());
    // an empty cell arrives as 0: not given, for every optional argument
    o = indicatorOptionsArg(N(0), N(0), N(0), grid(1, 1, {N(0)}));
    EXPECT_EQ(o.method, TargetMethod::Proportional);
    EXPECT_FALSE(o.ratio.has_value());
    EXPECT_TRUE(o.grade.empty());
    EXPECT_TRUE(o.overachievement.empty());
    // a ratio of 0 is said in words
    EXPECT_DOUBLE_EQ(*indicatorOptionsArg(E(), E(), T(u"0%"), RangeView{}).ratio, 0.0);
    EXPECT_DOUBLE_EQ(*indicatorOptionsArg(E(), E(), T(u"0"), RangeView{}).ratio, 0.0);
}

TEST(IndicatorOptionsArg, Values) {
    RangeView none;
    EXPECT_EQ(indicatorOptionsArg(T(u"达标"), E(), E(), none).method, TargetMethod::Threshold);
    EXPECT_EQ(indicatorOptionsArg(T(u"threshold"), E(), E(), none).method, TargetMethod::Threshold);
    EXPECT_EQ(indicatorOptionsArg(T(u"比例"), E(), E(), none).method, TargetMethod::Proportional);
    EXPECT_DOUBLE_EQ(*indicatorOptionsArg(E(), E(), T(u"80%"), none).ratio, 0.8);
    EXPECT_DOUBLE_EQ(*indicatorOptionsArg(E(), E(), N(0.8), none).ratio, 0.8);
    EXPECT_EQ(s8(indicatorOptionsArg(E(), T(u" 部分达成 "), E(), none).grade), "部分达成");
    EXPECT_RULE_ERROR(indicatorOptionsArg(T(u"linear"), E(), E(), none), "method");
    EXPECT_RULE_ERROR(indicatorOptionsArg(E(), T(u"很好"), E(), none), "很好");
    EXPECT_RULE_ERROR(indicatorOptionsArg(E(), N(1), E(), none), "完成等级");
    EXPECT_RULE_ERROR(indicatorOptionsArg(E(), E(), N(80), none), "得分比例");
    EXPECT_RULE_ERROR(indicatorOptionsArg(E(), E(), T(u"八成"), none), "「八成」");
}

TEST(OverachievementArg, FlagsAndTables) {
    EXPECT_TRUE(overachievementArg(RangeView{}).empty());
    for (CellView no : {N(0), T(u"否"), T(u"FALSE"), T(u"0"), T(u""), E()})
        EXPECT_TRUE(overachievementArg(grid(1, 1, {no})).empty());
    for (CellView yes : {N(1), T(u"是"), T(u"TRUE"), T(u"1")}) {
        std::vector<Band> b = overachievementArg(grid(1, 1, {yes}));
        ASSERT_EQ(b.size(), defaultOverachievementBands().size());
        EXPECT_DOUBLE_EQ(b.back().value, 0.5);
    }
    std::vector<Band> own = overachievementArg(grid(2, 2, {N(2), N(1), E(), N(0.7)}));
    ASSERT_EQ(own.size(), 2u);
    EXPECT_TRUE(own[1].open);
    EXPECT_DOUBLE_EQ(own[1].value, 0.7);
    EXPECT_RULE_ERROR(overachievementArg(grid(1, 1, {T(u"也许")})), "也许");
    EXPECT_RULE_ERROR(overachievementArg(grid(1, 3, {N(1), N(2), N(3)})), "two columns");
}

// ---------------------------------------------------------------- 定性分档: the band set as a parameter

namespace {
// The two lower bounds read from one cell / one range.
void expectBands(const QualitativeBands& b, double achieved, double partial) {
    EXPECT_NEAR(b.achieved, achieved, 1e-12);
    EXPECT_NEAR(b.partial, partial, 1e-12);
}
}  // namespace

TEST(QualitativeBands, TheDefaultIsTheNationalSet) {
    // 财预〔2020〕10号: 达成 100–80%, 部分达成 80–60%, 未达成 60–0%
    QualitativeBands national;
    expectBands(national, 0.8, 0.6);
    EXPECT_EQ(gradeBand(u"达成", national), std::make_pair(0.8, 1.0));
    EXPECT_EQ(gradeBand(u"部分达成", national), std::make_pair(0.6, 0.8));
    EXPECT_EQ(gradeBand(u"未达成", national), std::make_pair(0.0, 0.6));
    // blank, 0 (Calc's empty cell), no cells, an all-blank range: national
    expectBands(qualitativeBandsArg(E()), 0.8, 0.6);
    expectBands(qualitativeBandsArg(N(0)), 0.8, 0.6);
    expectBands(qualitativeBandsArg(T(u"  ")), 0.8, 0.6);
    expectBands(qualitativeBandsArg(RangeView{}), 0.8, 0.6);
    expectBands(qualitativeBandsArg(grid(1, 2, {E(), N(0)})), 0.8, 0.6);
}

TEST(QualitativeBands, GradeBandFollowsTheBandsLevelsDoNot) {
    QualitativeBands b;  // 达成 100–80%, 部分达成 80–50%, 未达成 50–0%
    b.achieved = 0.8;
    b.partial = 0.5;
    EXPECT_EQ(gradeBand(u"达成", b), std::make_pair(0.8, 1.0));
    EXPECT_EQ(gradeBand(u"全部达成", b), std::make_pair(0.8, 1.0));  // a synonym
    EXPECT_EQ(gradeBand(u"部分达成", b), std::make_pair(0.5, 0.8));
    EXPECT_EQ(gradeBand(u"未达成预期", b), std::make_pair(0.0, 0.5));  // a synonym
    // 优/良/中/差 are levels (levelFraction), not these bands
    EXPECT_EQ(gradeBand(u"良", b), std::make_pair(0.6, 0.8));
    EXPECT_EQ(gradeBand(u"中", b), std::make_pair(0.0, 0.6));
}

TEST(QualitativeBands, ReadFromText) {
    expectBands(qualitativeBandsArg(T(u"80%/50%")), 0.8, 0.5);    // 80% = 0.8, 50% = 0.5
    expectBands(qualitativeBandsArg(T(u"80/50")), 0.8, 0.5);      // both above 1: 80/100, 50/100
    expectBands(qualitativeBandsArg(T(u"80%、50%")), 0.8, 0.5);
    expectBands(qualitativeBandsArg(T(u"0.8;0.5")), 0.8, 0.5);    // both ≤ 1: fractions
    expectBands(qualitativeBandsArg(T(u" 85％ ／ 65％ ")), 0.85, 0.65);  // full-width, spaces
    expectBands(qualitativeBandsArg(T(u"80%/60%")), 0.8, 0.6);    // the national set, written out
}

TEST(QualitativeBands, ReadFromATwoCellRange) {
    expectBands(qualitativeBandsArg(grid(1, 2, {N(0.8), N(0.5)})), 0.8, 0.5);  // 80% cells hold 0.8, 0.5
    expectBands(qualitativeBandsArg(grid(2, 1, {T(u"80%"), T(u"50%")})), 0.8, 0.5);
    // a one-cell range is read like the cell
    expectBands(qualitativeBandsArg(grid(1, 1, {T(u"75%/55%")})), 0.75, 0.55);
}

TEST(QualitativeBands, Refusals) {
    EXPECT_RULE_ERROR(qualitativeBandsArg(N(0.8)), "只有一个数值");               // one number
    EXPECT_RULE_ERROR(qualitativeBandsArg(T(u"80%")), "只有一个数值");            // one number as text
    EXPECT_RULE_ERROR(qualitativeBandsArg(T(u"50%/80%")), "100% > 达成 > 部分达成 > 0");  // 0.5 < 0.8: reversed
    EXPECT_RULE_ERROR(qualitativeBandsArg(T(u"80%/80%")), "达成 80%、部分达成 80%");     // equal: no 部分达成 band
    EXPECT_RULE_ERROR(qualitativeBandsArg(T(u"100%/60%")), "100% > 达成");        // 达成 band [1, 1]
    EXPECT_RULE_ERROR(qualitativeBandsArg(T(u"80%/0%")), "> 0");                  // 未达成 band [0, 0]
    EXPECT_RULE_ERROR(qualitativeBandsArg(T(u"八成/五成")), "「八成」不是数值");   // no number
    EXPECT_RULE_ERROR(qualitativeBandsArg(T(u"地方标准")), "「地方标准」不是数值");  // a name is no set
    EXPECT_RULE_ERROR(qualitativeBandsArg(T(u"90%/70%/50%")), "3 段");            // three numbers
    EXPECT_RULE_ERROR(qualitativeBandsArg(T(u"0.8/50")), "一个是小数");           // 0.8 and 50: not guessed
    EXPECT_RULE_ERROR(qualitativeBandsArg(T(u"80%/50")), "只有一个数值带 %");
    EXPECT_RULE_ERROR(qualitativeBandsArg(grid(1, 2, {N(80), N(50)})), "80% 请写 0.8");  // 80 is not 80% in a cell
    EXPECT_RULE_ERROR(qualitativeBandsArg(grid(1, 3, {N(0.9), N(0.7), N(0.5)})), "恰为两格");
    EXPECT_RULE_ERROR(qualitativeBandsArg(grid(1, 2, {N(0.8), E()})), "1 格非空");
    // the argument is named: 定性分档（bands）, or the caller's description of the cell
    EXPECT_RULE_ERROR_IN(qualitativeBandsArg(T(u"80%")), Lang::Zh, "定性分档（bands）「80%」");
    EXPECT_RULE_ERROR_IN(qualitativeBandsArg(T(u"80%")), Lang::En, "qualitative bands (bands) \"80%\" cannot be read");
    EXPECT_RULE_ERROR_IN(qualitativeBandsArg(T(u"x"), msg("test.bandsCell", "自评指标 M5", "自评指标 (indicators) M5")),
                         Lang::En, "自评指标 (indicators) M5 \"x\"");
    std::string en = englishErrorOf([] { qualitativeBandsArg(T(u"50%/80%")); });
    EXPECT_TRUE(englishSentence(en)) << en;
}

TEST(QualitativeBands, ScoresWithoutARatioAreTheTopOfTheBand) {
    Target t = parseTarget(u"有效提升");
    IndicatorOptions o;
    o.bands = qualitativeBandsArg(T(u"80%/50%"));
    o.grade = u"达成";
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 10, o), 10);     // 100% × 10
    o.grade = u"部分达成";
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 10, o), 8);      // achieved bound 0.8 × 10
    o.grade = u"未达成";
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 10, o), 5);      // partial bound 0.5 × 10
    o.grade = u"良";
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 10, o), 8);      // 良 = 0.8 × 10, bands not read
    // national: 未达成 is 0.6 × 10 = 6
    o.bands = QualitativeBands{};
    o.grade = u"未达成";
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 10, o), 6);
}

TEST(QualitativeBands, TheRatioIsCheckedAgainstTheseBands) {
    Target t = parseTarget(u"达到预期");
    IndicatorOptions o;
    o.bands = qualitativeBandsArg(T(u"80%/50%"));
    o.grade = u"部分达成";
    o.ratio = 0.55;  // inside 50–80%: 0.55 × 10 = 5.5 (outside the national 60–80%)
    EXPECT_DOUBLE_EQ(indicatorScore(E(), t, 10, o), 5.5);
    o.ratio = 0.45;  // below 50%
    EXPECT_RULE_ERROR(indicatorScore(E(), t, 10, o), "50%–80%");
    o.grade = u"未达成";
    o.ratio = 0.55;  // above 未达成's top 50%
    EXPECT_RULE_ERROR(indicatorScore(E(), t, 10, o), "0%–50%");
}

TEST(QualitativeBands, ThroughIndicatorOptionsArg) {
    RangeView none;
    expectBands(indicatorOptionsArg(E(), E(), E(), none).bands, 0.8, 0.6);             // not given
    expectBands(indicatorOptionsArg(N(0), N(0), N(0), none, grid(1, 1, {N(0)})).bands, 0.8, 0.6);  // empty cell
    IndicatorOptions o = indicatorOptionsArg(E(), T(u"未达成"), E(), none, grid(1, 1, {T(u"80%/50%")}));
    expectBands(o.bands, 0.8, 0.5);
    EXPECT_DOUBLE_EQ(indicatorScore(E(), parseTarget(u"有效提升"), 4, o), 2);  // 0.5 × 4
    EXPECT_RULE_ERROR(indicatorOptionsArg(E(), E(), E(), none, grid(1, 1, {N(0.8)})), "定性分档（bands）");
}
