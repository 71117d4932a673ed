// Helpers shared by the unit tests.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "jixiao/values.hpp"

namespace jixiao_test {

// Runs `f`, which must throw jixiao::RuleError; returns its message. Any other outcome (no throw,
// another exception type) is a test failure and returns nothing.
template <class F>
std::optional<jixiao::Message> ruleMessageOf(F&& f) {
    try {
        f();
    } catch (const jixiao::RuleError& e) {
        return e.message();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected jixiao::RuleError, got another exception: " << e.what();
        return std::nullopt;
    } catch (...) {
        ADD_FAILURE() << "expected jixiao::RuleError, got a non-std exception";
        return std::nullopt;
    }
    ADD_FAILURE() << "expected jixiao::RuleError, nothing was thrown";
    return std::nullopt;
}

// The same, as the text in `lang` (Chinese: what()); after a failure a marker that no message
// check matches.
template <class F>
std::string ruleErrorOf(F&& f, jixiao::Lang lang = jixiao::Lang::Zh) {
    std::optional<jixiao::Message> m = ruleMessageOf(std::forward<F>(f));
    return m ? m->text(lang) : std::string("<no RuleError>");
}

// Asserts `expr` throws RuleError whose message contains `needle` in Chinese or in English.
#define EXPECT_RULE_ERROR(expr, needle)                                                               \
    do {                                                                                              \
        SCOPED_TRACE(#expr);                                                                          \
        std::optional<jixiao::Message> jx_m_ = ::jixiao_test::ruleMessageOf([&] { (void)(expr); });  \
        if (jx_m_) { /* else already failed: nothing or another thrown */                             \
            std::string jx_zh_ = jx_m_->text(jixiao::Lang::Zh), jx_en_ = jx_m_->text(jixiao::Lang::En); \
            EXPECT_TRUE(jx_zh_.find(needle) != std::string::npos || jx_en_.find(needle) != std::string::npos) \
                << "message \"" << jx_zh_ << "\" / \"" << jx_en_ << "\" does not mention \"" << (needle) << "\""; \
        }                                                                                             \
    } while (0)

// Asserts `expr` throws RuleError whose message in `lang` contains `needle`.
#define EXPECT_RULE_ERROR_IN(expr, lang, needle)                                                      \
    do {                                                                                              \
        SCOPED_TRACE(#expr);                                                                          \
        std::optional<jixiao::Message> jx_m_ = ::jixiao_test::ruleMessageOf([&] { (void)(expr); });  \
        if (jx_m_) {                                                                                  \
            std::string jx_t_ = jx_m_->text(lang);                                                    \
            EXPECT_NE(jx_t_.find(needle), std::string::npos)                                          \
                << "message \"" << jx_t_ << "\" does not mention \"" << (needle) << "\"";               \
        }                                                                                             \
    } while (0)

// A single-column range.
inline jixiao::RangeView column(std::initializer_list<jixiao::CellView> cells) {
    jixiao::RangeView r;
    r.cells = cells;
    r.rows = r.cells.size();
    r.cols = 1;
    return r;
}

// A rows × cols range, row-major.
inline jixiao::RangeView grid(std::size_t rows, std::size_t cols, std::initializer_list<jixiao::CellView> cells) {
    jixiao::RangeView r;
    r.cells = cells;
    r.rows = rows;
    r.cols = cols;
    EXPECT_EQ(r.cells.size(), rows * cols) << "test bug: grid size";
    return r;
}

inline jixiao::CellView N(double v) { return jixiao::CellView::num(v); }
inline jixiao::CellView T(std::u16string_view s) { return jixiao::CellView::str(s); }
inline jixiao::CellView E() { return jixiao::CellView::empty(); }

// Rounds like the report prints: half away from zero to 2 decimals.
inline double r2(double x) { return jixiao::roundHalfUp(x, 2); }

}  // namespace jixiao_test
