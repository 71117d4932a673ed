// Synthetic workbooks for the unit tests of workbook recognition and the fill: sheets built from
// rows of strings and numbers, laid out like the seed sample (samples/src/make_seed_sample.py:
// title and unit rows, two-row merged headers, 合计 first in 表1-6, group labels merged down in
// 表1-5, the basic-information sheet with 类别 | 项目 | 数值 | 单位 | 来源及说明). A merged range
// reads as its text in the top-left cell and empty cells elsewhere, which is what Calc hands over.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/indicators.hpp"
#include "jixiao/newbook.hpp"
#include "jixiao/values.hpp"
#include "jixiao/workbook.hpp"

namespace jixiao_test {

// One cell in a row literal: a number, a text, or (u"" / V{}) an empty cell.
struct V {
    jixiao::Cell cell;
    V() = default;
    V(double d) : cell(jixiao::Cell::num(d)) {}
    V(int i) : cell(jixiao::Cell::num(i)) {}
    V(const char16_t* s) {
        if (*s) cell = jixiao::Cell::str(s);
    }
    V(std::u16string s) {
        if (!s.empty()) cell = jixiao::Cell::str(std::move(s));
    }
};
using Rows = std::vector<std::vector<V>>;

// A sheet of exactly rows.size() rows (trailing blank rows kept) and the widest row's columns.
inline jixiao::Sheet makeSheet(std::u16string name, const Rows& rows) {
    jixiao::Sheet s;
    s.name = std::move(name);
    s.rows = rows.size();
    for (const auto& r : rows) s.cols = std::max(s.cols, r.size());
    s.cells.resize(s.rows * s.cols);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) s.cells[r * s.cols + c] = rows[r][c].cell;
    return s;
}

inline std::string s8(std::u16string_view s) { return jixiao::toUtf8(s); }

inline bool contains(std::u16string_view hay, std::u16string_view needle) {
    return hay.find(needle) != std::u16string_view::npos;
}
inline bool contains(const jixiao::Message& hay, std::string_view needle) {
    return hay.text(jixiao::Lang::Zh).find(needle) != std::string::npos;
}
inline bool contains(const std::string& hay, std::string_view needle) {
    return hay.find(needle) != std::string::npos;
}

// ---- the seed layout ----

// Problems joined for a failure message.
inline std::string joined(const std::vector<std::string>& problems) {
    std::string out;
    for (const std::string& p : problems) out += "\n  " + p;
    return out;
}

// True if some problem mentions every needle.
inline bool mentions(const std::vector<std::string>& problems, std::initializer_list<std::string_view> needles) {
    for (const std::string& p : problems) {
        bool all = true;
        for (std::string_view n : needles) all = all && contains(p, n);
        if (all) return true;
    }
    return false;
}

// The same for messages, as a Chinese UI shows them; `lang` for the English text.
inline std::string joined(const jixiao::Problems& problems, jixiao::Lang lang = jixiao::Lang::Zh) {
    return joined(jixiao::texts(problems, lang));
}
inline bool mentions(const jixiao::Problems& problems, std::initializer_list<std::string_view> needles,
                     jixiao::Lang lang = jixiao::Lang::Zh) {
    return mentions(jixiao::texts(problems, lang), needles);
}

inline constexpr std::u16string_view kProjectSheet = u"表1-6 项目支出";
inline constexpr std::u16string_view kDepartmentSheet = u"表1-5 部门支出";
inline constexpr std::u16string_view kBasicSheet = u"基础信息";

// 表1-6: title, unit, two-row header (预算调整 over 调整 | 调整率, 实际支出 over 支出数 | 执行率),
// 合计 in row 4 (merged over 序号 and 项目名称), projects in rows 5-8. Columns A..H:
// 序号 项目名称 年初预算数 调整 调整率 调整后预算数 支出数 执行率.
inline Rows seedProjectRows() {
    return {
        {u"表1-6 2021年部门项目支出资金执行情况"},
        {u"单位：万元"},
        {u"序号", u"项目名称", u"年初预算数", u"预算调整", u"", u"调整后预算数", u"实际支出", u""},
        {u"", u"", u"", u"调整", u"调整率", u"", u"支出数", u"执行率"},
        {u"合计", u"", 12354.0, -5376.47, 0.4352, 6977.53, 6357.32, 0.9111},
        {1, u"科学技术支出", 11830.00, -5279.67, 0.4463, 6550.33, 6154.23, 0.9395},
        {2, u"交通战备工作经费", 10.00, 0.00, 0.0, 10.00, 3.69, 0.3690},
        {3, u"科工信局工作专项经费", 229.00, 8.20, 0.0358, 237.20, 145.54, 0.6136},
        {4, u"新三板广州服务基地运营服务项目", 285.00, -105.00, 0.3684, 180.00, 53.86, 0.2992},
    };
}
inline constexpr std::size_t kSeedProjectTotalRow = 4;

// A small department's project table: single-row header, 合计 first, three projects.
inline Rows threeProjectRows() {
    return {
        {u"序号", u"项目名称", u"年初预算数", u"调整金额", u"调整后预算数", u"支出数"},
        {u"合计", u"", 50.0, 5.0, 55.0, 50.0},
        {1, u"甲项目", 20.0, 0.0, 20.0, 20.0},
        {2, u"乙项目", 20.0, 5.0, 25.0, 20.0},
        {3, u"丙项目", 10.0, 0.0, 10.0, 10.0},
    };
}
inline const std::vector<std::size_t> kSeedProjectRows = {5, 6, 7, 8};

// 表1-5: header 财政拨款支出 (merged A3:B4) | 年初预算数 | 预算调整: 调整金额, 调整率 | 调整后预算数 |
// 实际支出: 支出金额, 支出率. 基本支出 merged A5:A7 over 人员经费, 日常公用经费, 小计; 项目支出 merged
// A8:A10 over 基本建设类项目, 行政事业类项目, 小计; 合计 merged A11:B11.
inline Rows seedDepartmentRows() {
    return {
        {u"表1-5 2021年部门整体支出资金执行情况"},
        {u"单位：万元"},
        {u"财政拨款支出", u"", u"年初预算数", u"预算调整", u"", u"调整后预算数", u"实际支出", u""},
        {u"", u"", u"", u"调整金额", u"调整率", u"", u"支出金额", u"支出率"},
        {u"基本支出", u"人员经费", 3523.51, -306.22, 0.0869, 3217.29, 3189.72, 0.9914},
        {u"", u"日常公用经费", 210.12, -7.15, 0.0340, 202.97, 182.20, 0.8977},
        {u"", u"小计", 3733.63, -313.37, 0.0839, 3420.26, 3371.92, 0.9859},
        {u"项目支出", u"基本建设类项目", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0},
        {u"", u"行政事业类项目", 13354.78, -4859.10, 0.3638, 8495.68, 7516.97, 0.8848},
        {u"", u"小计", 13354.78, -4859.10, 0.3638, 8495.68, 7516.97, 0.8848},
        {u"合计", u"", 17088.41, -5172.47, 0.3027, 11915.94, 10888.89, 0.9138},
    };
}

struct Info {
    std::u16string label;
    V value;
    std::u16string unit;
};

// The basic-information labels the built-in indicator system reads, in the order they first
// appear in it (so each 【合并(…)】 of labels names consecutive rows): the core's own list
// (systemInputs, which also lays out a new workbook's 基础信息).
inline std::vector<std::u16string> defaultSystemLabels() {
    using namespace jixiao;
    Problems problems;
    std::optional<IndicatorSystem> sys = readIndicatorSystem(defaultIndicatorSheet(), problems);
    std::vector<std::u16string> out;
    if (sys)
        for (const SystemInput& in : systemInputs(*sys).labels) out.push_back(in.label);
    return out;
}

// A value and unit for every label of the default system. 存在资金分解 = fundsSplit.
inline std::vector<Info> defaultInfo(std::u16string_view fundsSplit = u"否") {
    std::vector<Info> out;
    for (const std::u16string& l : defaultSystemLabels()) {
        auto ends = [&](std::u16string_view suf) {
            return l.size() >= suf.size() && l.compare(l.size() - suf.size(), suf.size(), suf) == 0;
        };
        if (l == u"存在资金分解") out.push_back({l, std::u16string(fundsSplit), u""});
        else if (ends(u"-等级")) out.push_back({l, u"优", u"等级"});
        else if (l == u"1-10月支出进度执行率") out.push_back({l, 0.4748, u"%"});
        else if (l == u"1-11月支出进度执行率") out.push_back({l, 0.4837, u"%"});
        else if (ends(u"率-目标") || ends(u"率-实际")) out.push_back({l, 1.0, u"%"});
        else if (contains(l, u"预算") || contains(l, u"支出") || contains(l, u"原值") || contains(l, u"资金"))
            out.push_back({l, 10.5, u"万元"});
        else if (l == u"部门整体监控得分") out.push_back({l, 75.23, u"分"});
        else if (ends(u"-1") || ends(u"-2") || ends(u"-3") || ends(u"-4")) out.push_back({l, 1.0, u"判定"});
        else out.push_back({l, 7.0, u"家"});
    }
    return out;
}

// 部门整体评价基础信息填报表: title row, header 类别 | 项目 | 数值 | 单位 | 来源及说明 in row 1, one
// row per input from row 2 (so the label of info[i] is in row 2 + i, its value in column C).
inline Rows basicInfoRows(const std::vector<Info>& info) {
    Rows rows = {{u"部门整体评价基础信息填报表"}, {u"类别", u"项目", u"数值", u"单位", u"来源及说明"}};
    for (const Info& i : info) rows.push_back({u"类别", i.label, i.value, i.unit, u"说明：" + i.label});
    return rows;
}
inline constexpr std::size_t kBasicFirstRow = 2;

// Row of `label` in basicInfoRows(info), or npos.
inline std::size_t infoRow(const std::vector<Info>& info, std::u16string_view label) {
    for (std::size_t i = 0; i < info.size(); ++i)
        if (info[i].label == label) return kBasicFirstRow + i;
    return std::string::npos;
}

inline constexpr std::u16string_view kTargetSheet = u"绩效目标表";

// A department's 绩效目标表 worth the 50 points the built-in default leaves to it: a title row, the
// header in row 1, one target per row from row 2 (columns A..L: 一级指标 二级指标 三级指标 子项 指标值
// 度量单位 实际完成值 分值 评分方法 完成等级 得分比例 偏差原因). Two 子项 under one 三级指标, a ≤ target,
// a % target missed (proportional), and a 定性 one.
inline Rows targetRows() {
    return {
        {u"部门整体绩效目标表"},
        {u"一级指标", u"二级指标", u"三级指标", u"子项", u"指标值", u"度量单位", u"实际完成值", u"分值", u"评分方法",
         u"完成等级", u"得分比例", u"偏差原因"},
        {u"部门履职情况评价", u"产出", u"年度目标完成情况", u"服务企业数量", u"≥10家", u"家", 12.0, 10.0},
        {u"", u"", u"", u"政策兑现率", u"≥95%", u"%", 0.9, 10.0, u"", u"", u"", u"部分资金年底才到位"},
        {u"", u"", u"办理时限", u"", u"≤30天", u"天", 25.0, 5.0},
        {u"", u"效益", u"服务对象满意度", u"", u"≥90%", u"%", 0.92, 15.0},
        {u"", u"", u"营商环境改善情况", u"", u"有效提升", u"", u"", 10.0, u"", u"达成"},
    };
}
// Indicators (三级) the target rows add: 年度目标完成情况, 办理时限, 服务对象满意度, 营商环境改善情况.
inline constexpr std::size_t kTargetIndicators = 4;

// The built-in default's indicators plus the target table's.
inline std::size_t defaultIndicatorCount() {
    jixiao::Problems problems;
    auto sys = jixiao::readIndicatorSystem(jixiao::defaultIndicatorSheet(), problems);
    return (sys ? sys->indicators.size() : 0) + kTargetIndicators;
}

inline jixiao::Workbook seedWorkbook(const std::vector<Info>& info, bool withTargets = true) {
    jixiao::Workbook wb;
    wb.sheets.push_back(makeSheet(std::u16string(kProjectSheet), seedProjectRows()));
    wb.sheets.push_back(makeSheet(std::u16string(kDepartmentSheet), seedDepartmentRows()));
    wb.sheets.push_back(makeSheet(std::u16string(kBasicSheet), basicInfoRows(info)));
    if (withTargets) wb.sheets.push_back(makeSheet(std::u16string(kTargetSheet), targetRows()));
    return wb;
}

}  // namespace jixiao_test
