#include <gtest/gtest.h>
#include "jixiao/rules.hpp"
TEST(Smoke, BudgetCompletion) { EXPECT_NEAR(jixiao::budgetCompletionScore(0.9138, 8), 4.552, 1e-9); }
