// Helpers shared by the unit tests.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "jixiao/values.hpp"

namespace jixiao_test {

// Runs `f`, which must throw jixiao::RuleError; returns its message. Any other outcome (no throw,
// another exception type) is a test failure and returns a marker that no message check matches.
template <class F>
std::string ruleErrorOf(F&& f) {
    try {
        f();
    } catch (const jixiao::RuleError& e) {
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected jixiao::RuleError, got another exception: " << e.what();
        return "<wrong exception>";
    } catch (...) {
        ADD_FAILURE() << "expected jixiao::RuleError, got a non-std exception";
        return "<wrong exception>";
    }
    ADD_FAILURE() << "expected jixiao::RuleError, nothing was thrown";
    return "<no throw>";
}

// Asserts `expr` throws RuleError whose message contains `needle`.
#define EXPECT_RULE_ERROR(expr, needle)                                                         \
    do {                                                                                        \
        SCOPED_TRACE(#expr);                                                                    \
        std::string jx_msg_ = ::jixiao_test::ruleErrorOf([&] { (void)(expr); });               \
        if (jx_msg_.rfind("<", 0) != 0) { /* else already failed: nothing or another thrown */ \
            EXPECT_NE(jx_msg_.find(needle), std::string::npos)                                  \
                << "message \"" << jx_msg_ << "\" does not mention \"" << (needle) << "\"";    \
        }                                                                                       \
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
