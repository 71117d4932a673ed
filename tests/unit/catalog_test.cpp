// Tests for jixiao/catalog.hpp: the Function Wizard's table must be complete and well-formed.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/catalog.hpp"

using namespace jixiao;

namespace {

bool isUpperSnake(std::string_view s) {
    if (s.empty() || !(s.front() >= 'A' && s.front() <= 'Z') || s.back() == '_') return false;
    char prev = 0;
    for (char c : s) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok || (c == '_' && prev == '_')) return false;
        prev = c;
    }
    return true;
}

bool isLowerSnake(std::string_view s) {
    if (s.empty() || !(s.front() >= 'a' && s.front() <= 'z') || s.back() == '_') return false;
    char prev = 0;
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok || (c == '_' && prev == '_')) return false;
        prev = c;
    }
    return true;
}

// Strict UTF-8: no stray continuation bytes, no truncation, no overlong forms, no surrogates,
// nothing above U+10FFFF.
bool isValidUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len;
        char32_t cp;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else return false;
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            unsigned char d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

bool hasNonAscii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}

bool isBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// The functions of the spec, with their arguments; trailing '?' marks an optional argument.
struct Expected {
    const char* name;
    std::vector<const char*> args;
};
const std::vector<Expected>& expectedFunctions() {
    static const std::vector<Expected> e = {
        {"EXECUTION_RATE", {"actual", "budget"}},
        {"ITEM_ADJUSTMENT_RATE", {"initial", "adjustment"}},
        {"ADJUSTMENT_RATE", {"initial_budgets", "adjustments", "count_new_items?", "transfers?"}},
        {"BUDGET_COMPLETION_SCORE", {"rate", "weight", "threshold?", "method?"}},
        {"ADJUSTMENT_SCORE", {"rate", "weight"}},
        {"BALANCE_SCORE", {"rates", "weight"}},
        {"PROCUREMENT_SCORE", {"actual", "planned", "weight"}},
        {"PUBLIC_FUNDS_SCORE", {"sangong_actual", "sangong_budget", "daily_actual", "daily_budget", "points_each?"}},
        {"MONITORING_SCORE", {"result", "weight", "full_marks?"}},
        {"FIXED_ASSET_SCORE", {"in_use", "total", "weight", "bands?"}},
        {"TARGET_SCORE", {"actual", "target", "weight", "method?", "lower_is_better?"}},
        {"OVERACHIEVEMENT_FACTOR", {"actual", "target", "bands?"}},
        {"BAND_SCORE", {"value", "bands", "weight", "lower_is_better?"}},
        {"CHECKLIST_SCORE", {"points", "marks"}},
        {"LEVEL_SCORE", {"level", "weight", "levels?"}},
        {"PERF_GRADE", {"total", "bands?"}},
        {"INDICATOR_SCORE", {"actual", "target", "weight", "method?", "unit?", "grade?", "ratio?", "overachievement?", "bands?"}},
        {"TARGET_VALUE", {"target", "unit?"}},
        {"TARGET_RATIO", {"actual", "target", "unit?"}},
        {"AMOUNT_SUM", {"amounts"}},
        {"ADJUSTMENT_SUM", {"initial_budgets", "adjustments", "count_new_items?"}},
    };
    return e;
}

}  // namespace

TEST(Catalog, HasEveryFunctionOfTheSpecAndNoOther) {
    std::set<std::string> expected, actual;
    for (const Expected& e : expectedFunctions()) expected.insert(e.name);
    for (const FunctionInfo& f : catalog()) actual.insert(std::string(f.name));
    EXPECT_EQ(actual, expected);
    EXPECT_EQ(catalog().size(), expectedFunctions().size());
}

// The IDL's methods, in order, with their number of parameters: the catalogue must describe
// exactly these (the count is the IDL's, never a number written into a test).
std::vector<std::pair<std::string, std::size_t>> idlMethods() {
    std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/idl/org/jixiao/XFunctions.idl");
    std::stringstream text;
    text << in.rdbuf();
    const std::string idl = text.str();
    std::vector<std::pair<std::string, std::size_t>> out;
    const std::regex method(R"(\b(?:double|string|any|long)\s+([A-Z][A-Z0-9_]*)\s*\(([^)]*)\))");
    for (auto it = std::sregex_iterator(idl.begin(), idl.end(), method); it != std::sregex_iterator(); ++it) {
        const std::string params = (*it)[2];
        std::size_t n = 0;
        for (std::size_t p = params.find("[in]"); p != std::string::npos; p = params.find("[in]", p + 1)) ++n;
        out.emplace_back((*it)[1], n);
    }
    return out;
}

TEST(Catalog, DescribesEveryMethodOfTheIdlAndNoOther) {
    std::vector<std::pair<std::string, std::size_t>> idl = idlMethods();
    std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/idl/org/jixiao/XFunctions.idl");
    std::stringstream text;
    text << in.rdbuf();
    std::size_t raises = 0;  // every method declares its exception: none missed by the pattern above
    for (std::size_t p = text.str().find("raises ("); p != std::string::npos; p = text.str().find("raises (", p + 1)) ++raises;
    ASSERT_GT(idl.size(), 0u) << "could not read the IDL";
    EXPECT_EQ(idl.size(), raises);
    ASSERT_EQ(idl.size(), catalog().size());
    for (std::size_t i = 0; i < idl.size(); ++i) {
        EXPECT_EQ(idl[i].first, catalog()[i].name) << "method " << i + 1;
        EXPECT_EQ(idl[i].second, catalog()[i].args.size()) << idl[i].first;
    }
}

TEST(Catalog, ArgumentsMatchTheSpec) {
    for (const Expected& e : expectedFunctions()) {
        const FunctionInfo* f = findFunction(e.name);
        ASSERT_NE(f, nullptr) << e.name;
        ASSERT_EQ(f->args.size(), e.args.size()) << e.name;
        for (std::size_t i = 0; i < e.args.size(); ++i) {
            std::string want = e.args[i];
            bool wantOptional = !want.empty() && want.back() == '?';
            if (wantOptional) want.pop_back();
            EXPECT_EQ(f->args[i].name, want) << e.name << " arg " << i + 1;
            EXPECT_EQ(f->args[i].optional, wantOptional) << e.name << "." << want;
        }
    }
}

TEST(Catalog, NamesAreUniqueAsciiUpperSnakeCase) {
    std::set<std::string_view> seen;
    for (const FunctionInfo& f : catalog()) {
        EXPECT_TRUE(isUpperSnake(f.name)) << "\"" << f.name << "\"";
        EXPECT_TRUE(seen.insert(f.name).second) << "duplicate function " << f.name;
    }
}

TEST(Catalog, CategoryIsOneOfCalcsFixedCategories) {
    // com.sun.star.sheet.AddIn: getProgrammaticCategoryName must return one of these.
    const std::set<std::string_view> calc = {"Database", "Date&Time", "Financial", "Information", "Logical",
                                             "Mathematical", "Matrix", "Statistical", "Spreadsheet", "Text",
                                             "Add-In"};
    for (const FunctionInfo& f : catalog()) {
        EXPECT_FALSE(f.category.empty()) << f.name;
        EXPECT_EQ(calc.count(f.category), 1u) << f.name << " has category \"" << f.category << "\"";
    }
}

TEST(Catalog, FunctionDescriptionsArePresentInBothLanguages) {
    for (const FunctionInfo& f : catalog()) {
        EXPECT_FALSE(isBlank(f.en)) << f.name << " en";
        EXPECT_FALSE(isBlank(f.zh)) << f.name << " zh";
        EXPECT_TRUE(isValidUtf8(f.en)) << f.name << " en";
        EXPECT_TRUE(isValidUtf8(f.zh)) << f.name << " zh";
        EXPECT_TRUE(hasNonAscii(f.zh)) << f.name << " zh description has no Chinese: " << f.zh;
        EXPECT_NE(f.en, f.zh) << f.name;
    }
}

TEST(Catalog, ArgumentDescriptionsArePresentInBothLanguages) {
    for (const FunctionInfo& f : catalog()) {
        for (const ArgInfo& a : f.args) {
            const std::string where = std::string(f.name) + "." + std::string(a.name);
            EXPECT_FALSE(isBlank(a.nameZh)) << where << " nameZh";
            EXPECT_FALSE(isBlank(a.en)) << where << " en";
            EXPECT_FALSE(isBlank(a.zh)) << where << " zh";
            EXPECT_TRUE(isValidUtf8(a.nameZh)) << where;
            EXPECT_TRUE(isValidUtf8(a.en)) << where;
            EXPECT_TRUE(isValidUtf8(a.zh)) << where;
            EXPECT_TRUE(hasNonAscii(a.nameZh)) << where << " nameZh has no Chinese: " << a.nameZh;
            EXPECT_TRUE(hasNonAscii(a.zh)) << where << " zh has no Chinese: " << a.zh;
        }
    }
}

TEST(Catalog, ArgumentNamesAreUniqueAsciiLowerSnakeCase) {
    for (const FunctionInfo& f : catalog()) {
        EXPECT_FALSE(f.args.empty()) << f.name;
        std::set<std::string_view> seen;
        for (const ArgInfo& a : f.args) {
            EXPECT_TRUE(isLowerSnake(a.name)) << f.name << ": \"" << a.name << "\"";
            EXPECT_TRUE(seen.insert(a.name).second) << f.name << ": duplicate argument " << a.name;
        }
    }
}

TEST(Catalog, OptionalArgumentsOnlyTrailing) {
    for (const FunctionInfo& f : catalog()) {
        bool optionalSeen = false;
        for (const ArgInfo& a : f.args) {
            if (a.optional) optionalSeen = true;
            else EXPECT_FALSE(optionalSeen) << f.name << ": required " << a.name << " after an optional argument";
        }
    }
}

TEST(Catalog, OptionalArgumentsDocumentTheirDefault) {
    // The wizard shows no default otherwise; every optional argument's English text says "Default"
    // (or is a band table whose absence means the documented default bands).
    for (const FunctionInfo& f : catalog()) {
        for (const ArgInfo& a : f.args) {
            if (a.optional && a.name != "bands") {
                EXPECT_NE(a.en.find("efault"), std::string_view::npos) << f.name << "." << a.name << ": " << a.en;
            }
        }
    }
}

TEST(FindFunction, FindsEveryRowExactlyAndNothingElse) {
    for (const FunctionInfo& f : catalog()) {
        const FunctionInfo* found = findFunction(f.name);
        EXPECT_EQ(found, &f) << f.name;
    }
    EXPECT_EQ(findFunction("execution_rate"), nullptr);  // case-sensitive
    EXPECT_EQ(findFunction("EXECUTION_RATE "), nullptr);
    EXPECT_EQ(findFunction(""), nullptr);
    EXPECT_EQ(findFunction("NO_SUCH_FUNCTION"), nullptr);
}

TEST(Catalog, IsAStableSingleton) {
    EXPECT_EQ(&catalog(), &catalog());
    EXPECT_EQ(catalog().front().name, "EXECUTION_RATE");
}

TEST(IsChineseLanguage, ZhVariantsOnly) {
    for (std::string_view zh : {"zh", "zh-CN", "zh-TW", "zh-HK", "zh_CN", "ZH-cn", "Zh"})
        EXPECT_TRUE(isChineseLanguage(zh)) << zh;
    for (std::string_view other : {"", "z", "en", "en-US", "ja-JP", "zho", "zhx-CN", "de-zh", "hz"})
        EXPECT_FALSE(isChineseLanguage(other)) << other;
}
