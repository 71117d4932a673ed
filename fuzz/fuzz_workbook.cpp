// The workbook table finders and everything planned on them: a fuzzed grid of sheets (fuzz_common.hpp:
// sheets by \f, rows by \n, cells by \t), alone or beside the seed-like data sheets, through the fill,
// the blank 附件1, the cross-check's plan and the data-consistency notes. A crash is a bug.
#include "fuzz_common.hpp"
#include "jixiao/checker.hpp"
#include "jixiao/filler.hpp"
#include "jixiao/newbook.hpp"
#include "jixiao/target_sheet.hpp"
#include "sheet_builder.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1 || size > 20000) return 0;
    jixiao::Workbook grid = fuzz::workbookOf(fuzz::bytes(data + 1, size - 1));
    jixiao::Workbook wb;
    if (data[0] & 1) {  // beside the seed-like sheets (so the finders meet a valid table and a bad one)
        wb = jixiao_test::seedWorkbook(jixiao_test::defaultInfo(), (data[0] & 2) != 0);
        if (data[0] & 4) wb.sheets.erase(wb.sheets.begin() + (data[0] >> 4) % wb.sheets.size());
    }
    for (jixiao::Sheet& s : grid.sheets) wb.sheets.push_back(std::move(s));
    (void)jixiao::planFill(wb);
    (void)jixiao::planBlankAppendix(wb);
    (void)jixiao::dataConsistency(wb);
    (void)jixiao::findTargetTable(wb);
    jixiao::CheckPlan plan = jixiao::planCheck(wb);
    if (plan.problems.empty()) {
        std::vector<double> probes(plan.probes.size(), 1.0);
        (void)jixiao::judgeCheck(plan, probes);
    }
    return 0;
}
