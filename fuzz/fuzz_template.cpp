// The 计分公式 / 专家意见 template resolver over the seed-like workbook: any template text, as formula
// and as text, with rollback between attempts (as the cross-check's readings do). A crash is a bug.
#include "fuzz_common.hpp"
#include "jixiao/resolver.hpp"
#include "sheet_builder.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 4000) return 0;
    static const jixiao::Workbook wb = jixiao_test::seedWorkbook(jixiao_test::defaultInfo());
    std::u16string tmpl = fuzz::utf8Text(fuzz::bytes(data, size));
    jixiao::internal::Resolver res(wb);
    (void)res.formula(tmpl, 4, {});
    jixiao::internal::Resolver::Checkpoint saved = res.checkpoint();
    (void)res.text(tmpl, 4, {});
    res.rollback(saved);
    (void)res.text(tmpl, 0.5, {});
    (void)res.problems();
    return 0;
}
