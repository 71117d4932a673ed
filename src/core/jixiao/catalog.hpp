// Jixiao core: the catalogue of spreadsheet functions — one row per function, with every name and
// every description (zh-CN and en-US) the Function Wizard shows. The UNO add-in answers all of
// XAddIn from this table; tests check it is complete.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace jixiao {

struct ArgInfo {
    std::string_view name;    // ASCII, as in the IDL and the English UI (e.g. "actual")
    std::string_view nameZh;  // name shown in a Chinese UI (UTF-8)
    std::string_view en;      // description, en-US
    std::string_view zh;      // description, zh-CN (UTF-8)
    bool optional = false;
};

struct FunctionInfo {
    std::string_view name;      // the function's name in every UI and the IDL method name, e.g. "EXECUTION_RATE"
    std::string_view category;  // one of Calc's fixed categories (programmatic name)
    std::string_view en;        // description, en-US
    std::string_view zh;        // description, zh-CN (UTF-8)
    std::vector<ArgInfo> args;
};

// Every function of the add-in, in the order they are documented.
const std::vector<FunctionInfo>& catalog();

// The row for `name` (exact, case-sensitive), or nullptr.
const FunctionInfo* findFunction(std::string_view name);

// True for a Chinese locale ("zh", "zh-CN", "zh-TW", ...), which gets the zh texts.
bool isChineseLanguage(std::string_view language);

}  // namespace jixiao
