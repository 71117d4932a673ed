// The 项目支出绩效自评表 readers: a fuzzed grid of sheets (fuzz_common.hpp: sheets by \f, rows by \n,
// cells by \t) read as the 项目资金表 / 绩效指标表 input (planSelfEval) and as filled forms to review
// (hasSelfEvalForms, reviewSelfEval and its summary). A crash, or an exception out of the review, is a bug.
#include "fuzz_common.hpp"
#include "jixiao/selfeval.hpp"
#include "jixiao/selfeval_review.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1 || size > 20000) return 0;
    jixiao::Workbook wb = fuzz::workbookOf(fuzz::bytes(data, size));
    (void)jixiao::planSelfEval(wb);
    (void)jixiao::hasSelfEvalForms(wb);
    jixiao::SelfEvalReview review = jixiao::reviewSelfEval(wb);  // never throws (a throw aborts the run)
    (void)jixiao::reviewSummary(review).text(jixiao::Lang::Zh);
    return 0;
}
