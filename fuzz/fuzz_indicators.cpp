// The 指标体系 reader: TSV text (as the built-in default is written) and the same grid as a sheet of a
// workbook, read alone and with the workbook's 绩效目标表 (the fuzzed grid may be one), then the weight
// check and the fill's planning on top of it. Problems are answers; a crash is a bug.
#include "fuzz_common.hpp"
#include "jixiao/filler.hpp"
#include "jixiao/indicators.hpp"
#include "sheet_builder.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in = fuzz::bytes(data, size);
    if (size > 20000) return 0;
    jixiao::Sheet sheet = jixiao::sheetFromTsv(u"指标体系", in);
    jixiao::Problems problems;
    std::optional<jixiao::IndicatorSystem> sys = jixiao::readIndicatorSystem(sheet, problems);
    if (sys) (void)jixiao::checkWeights(*sys);
    // in a workbook with the seed-like data sheets: the fill plans every formula and text template
    jixiao::Workbook wb = jixiao_test::seedWorkbook(jixiao_test::defaultInfo(), (size & 1) != 0);
    wb.sheets.push_back(sheet);
    problems.clear();
    (void)jixiao::loadIndicatorSystem(wb, problems);
    (void)jixiao::planFill(wb);
    return 0;
}
