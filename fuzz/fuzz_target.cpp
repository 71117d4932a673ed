// The 指标值 parser and an indicator's score: "指标值\t度量单位\t实际完成值\t完成等级\t得分比例" from the
// fuzzer. A RuleError is an answer (text it cannot read); a crash or any other exception is a bug.
#include "fuzz_common.hpp"
#include "jixiao/rules.hpp"
#include "jixiao/target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<std::string_view> f = fuzz::split(fuzz::bytes(data, size), '\t');
    f.resize(5);
    std::u16string target = jixiao::fromUtf8(f[0]), unit = jixiao::fromUtf8(f[1]), actual = jixiao::fromUtf8(f[2]),
                   grade = jixiao::fromUtf8(f[3]), ratio = jixiao::fromUtf8(f[4]);
    try {
        (void)jixiao::canonicalUnit(unit);
        jixiao::Target t = jixiao::parseTarget(target, unit);
        jixiao::CellView actualCell = jixiao::CellView::str(actual);
        if (auto n = jixiao::parseNumber(actual); n && actual.size() % 2) actualCell = jixiao::CellView::num(*n);
        jixiao::RangeView none;
        jixiao::IndicatorOptions o = jixiao::indicatorOptionsArg(jixiao::CellView::str(u""), jixiao::CellView::str(grade),
                                                                 jixiao::CellView::str(ratio), none);
        (void)jixiao::indicatorScore(actualCell, t, 10, o);
        if (t.kind != jixiao::TargetKind::Qualitative) {
            double a = jixiao::actualValue(actualCell, t);
            (void)jixiao::targetMet(a, t);
            (void)jixiao::targetRatio(a, t);
            o.overachievement = jixiao::defaultOverachievementBands();
            (void)jixiao::indicatorScore(actualCell, t, 10, o);
        }
    } catch (const jixiao::RuleError&) {
    }
    try {
        (void)jixiao::targetArg(jixiao::CellView::str(target), jixiao::CellView::str(unit));
        (void)jixiao::gradeBand(grade);
        (void)jixiao::gradeBand(grade, jixiao::qualitativeBandsArg(jixiao::CellView::str(ratio)));  // 定性分档
    } catch (const jixiao::RuleError&) {
    }
    return 0;
}
