// A second department, not derived from the seed: 临河区卫生健康局 (fictional), 2023, 万元 — the data of
// samples/health-department.ods (samples/src/health_*.py), built here as grids with the
// sheet_builder.hpp helpers, in its own layout (one-row headers, 合计 at the bottom, an extra
// 资金来源 column, a department table with one label column, 基础信息 first, a 绩效目标表 worth 50
// points, no 指标体系: the built-in default). planFill: no problems, one score per indicator in order
// with its weight after the move of 部门分解资金监管情况, formulas over the right cells. planCheck on a
// consultant's typed 附件1 with three planted mistakes: the items, their recorded judgments, and —
// with the probes given the values worked out by hand (tests/integration/test_second_department.py
// has the arithmetic) — each mistake 不一致 on its indicator.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "jixiao/checker.hpp"
#include "jixiao/filler.hpp"
#include "jixiao/rules.hpp"
#include "sheet_builder.hpp"

using namespace jixiao;
using namespace jixiao_test;

namespace {

const std::u16string kProjects = u"表1 项目支出";
const std::u16string kDepartment = u"表2 部门支出";
const std::u16string kBasic = u"基础信息";
const std::u16string kTargets = u"绩效目标表";

// 表1: title, unit, header (row 2), projects in rows 3-12, 合计 in row 13. Columns A..H:
// 序号 项目名称 资金来源 年初预算数 调整金额 调整后预算数 支出数 执行率.
Rows projectRows() {
    return {
        {u"表1 临河区卫生健康局2023年项目支出预算执行情况"},
        {u"单位：万元"},
        {u"序号", u"项目名称", u"资金来源", u"年初预算数", u"调整金额", u"调整后预算数", u"支出数", u"执行率"},
        {1, u"基本公共卫生服务项目", u"区级", 2860.00, 215.40, 3075.40, 2968.15, 0.9651},
        {2, u"家庭医生签约服务经费", u"区级", u"1,234.50", -86.30, 1148.20, 1102.64, 0.9603},
        {3, u"国家免疫规划疫苗接种经费", u"区级", 468.00, u"-", 468.00, 455.37, 0.9730},
        {4, u"妇幼健康服务项目", u"区级", 392.60, -40.00, 352.60, 341.08, 0.9673},
        {5, u"重大传染病防控经费", u"区级", 650.00, 120.00, 770.00, 742.56, 0.9644},
        {6, u"院前急救体系运行补助", u"区级", 520.00, 0.00, 520.00, 498.20, 0.9581},
        {7, u"卫生健康综合监督执法经费", u"区级", 86.50, -12.50, 74.00, 61.35, 0.8291},
        {8, u"区域全民健康信息平台建设项目", u"区级", 300.00, 0.00, 300.00, 0.00, 0.0},
        {9, u"2023年中央医疗服务与保障能力提升补助资金", u"上级转移支付", 0.00, 185.00, 185.00, 160.40, 0.8670},
        {10, u"爱国卫生与健康促进经费", u"区级", 120.00, -20.00, 100.00, 96.30, 0.9630},
        {u"合计", u"", u"", 6631.60, 361.60, 6993.20, 6426.05, 0.9189},
    };
}

// 表2: title, unit, header (row 2) 项目 年初预算数 调整金额 调整后预算数 支出数 执行率; 合计 in row 6.
Rows departmentRows() {
    return {
        {u"表2 临河区卫生健康局2023年部门整体支出执行情况"},
        {u"单位：万元"},
        {u"项目", u"年初预算数", u"调整金额", u"调整后预算数", u"支出数", u"执行率"},
        {u"人员经费", 3985.20, 142.60, 4127.80, 4101.33, 0.9936},
        {u"日常公用经费", 318.40, -15.00, 303.40, 296.75, 0.9781},
        {u"项目支出", 6631.60, 361.60, 6993.20, 6426.05, 0.9189},
        {u"合计", 10935.20, 489.20, 11424.40, 10824.13, 0.9475},
    };
}

struct Input {
    std::u16string label;
    V value;
    std::u16string unit, note;
};

// 基础信息 (samples/src/health_basic_info.py): header in row 1, one input per row from row 2.
std::vector<Input> basicInputs() {
    return {
        {u"被评价部门", u"临河区卫生健康局", u"", u"部门预算批复"},
        {u"被评价部门简称", u"区卫健局", u"", u"报告正文"},
        {u"评价机构", u"临河明正会计师事务所（普通合伙）", u"", u"委托书"},
        {u"评价年度", 2023, u"年", u"评价通知"},
        {u"1-10月支出进度执行率", 0.7862, u"%", u"国库科通报"},
        {u"1-11月支出进度执行率", 0.8745, u"%", u"国库科通报"},
        {u"上级财政年中转移支付资金", 185.00, u"万元", u"中央补助（年中下达）"},
        {u"政府采购年初预算", 420.00, u"万元", u""},
        {u"政府采购调整后预算", 465.80, u"万元", u""},
        {u"政府采购实际支出", 438.62, u"万元", u""},
        {u"三公经费年初预算", 28.00, u"万元", u""},
        {u"三公经费调整后预算", 26.50, u"万元", u""},
        {u"三公经费实际支出", 27.12, u"万元", u"公务用车运行维护费超支"},
        {u"存在资金分解", u"否", u"", u"本局预算资金未分解下达"},
        {u"部门整体监控得分", 88.60, u"分", u"监控结果通知（百分制）"},
        {u"固定资产账面原值", 8652.30, u"万元", u""},
        {u"在用固定资产原值", 7480.15, u"万元", u""},
        {u"预算编制合理性-1", 1, u"判定", u"符合部门职责"},
        {u"预算编制合理性-2", 1, u"判定", u"编制较细化"},
        {u"预算编制合理性-3", 0.5, u"判定", u"年度中间项目之间调剂较多，酌情扣0.5分"},
        {u"预算编制合理性-4", 1, u"判定", u"经局党组会审议"},
        {u"部门分解资金监管情况-1", 0, u"判定", u"不适用：本局不存在资金分解情况"},
        {u"财务合规性-1", 1, u"判定", u""},
        {u"财务合规性-2", 1, u"判定", u""},
        {u"财务合规性-3", 0.5, u"判定", u"3份合同未约定履约验收条款，扣0.5分"},
        {u"财务合规性-4", 1, u"判定", u""},
        {u"管理制度健全及执行有效性-1", 1, u"判定", u""},
        {u"管理制度健全及执行有效性-2", 1, u"判定", u""},
        {u"管理制度健全及执行有效性-3", 0.75, u"判定", u"未开展事前绩效评估，扣0.5分"},
        {u"绩效目标明确性-1", 1, u"判定", u""},
        {u"绩效目标明确性-2", 1, u"判定", u""},
        {u"绩效目标明确性-3", 1, u"判定", u""},
        {u"绩效目标明确性-4", 1, u"判定", u""},
        {u"绩效指标有效性-1", 1, u"判定", u""},
        {u"绩效指标有效性-2", 1, u"判定", u""},
        {u"绩效指标有效性-3", 1, u"判定", u""},
        {u"绩效指标有效性-4", 0.8, u"判定", u"目标值设置偏低，扣0.2分"},
        {u"部门整体绩效自评情况-1", 1, u"判定", u""},
        {u"部门整体绩效自评情况-2", 0.5, u"判定", u"自评质量一般，扣0.5分"},
        {u"部门整体绩效自评情况-3", 1, u"判定", u""},
        {u"资产管理安全性-1", 1, u"判定", u""},
        {u"资产管理安全性-2", 0.5, u"判定", u"待报废设备未及时核销，扣0.25分"},
        {u"资产管理安全性-3", 1, u"判定", u""},
        {u"资产管理安全性-4", 1, u"判定", u""},
    };
}

Rows basicRows() {
    Rows rows = {{u"部门整体评价基础信息填报表"}, {u"类别", u"项目", u"数值", u"单位", u"来源及说明"}};
    for (const Input& i : basicInputs()) rows.push_back({u"基础信息", i.label, i.value, i.unit, i.note});
    return rows;
}

std::size_t basicRow(std::u16string_view label) {
    auto in = basicInputs();
    for (std::size_t i = 0; i < in.size(); ++i)
        if (in[i].label == label) return 2 + i;
    ADD_FAILURE() << "test bug: no label " << s8(label);
    return 0;
}

// 绩效目标表 (samples/src/health_targets.py): title, header in row 1, targets from row 2. Columns A..O:
// 一级指标 二级指标 三级指标 子项 指标值 度量单位 实际完成值 分值 评分方法 完成等级 得分比例 超额扣减 偏差原因 指标说明 评分依据.
Rows targetSheetRows() {
    return {
        {u"临河区卫生健康局2023年部门整体绩效目标表"},
        {u"一级指标", u"二级指标", u"三级指标", u"子项", u"指标值", u"度量单位", u"实际完成值", u"分值", u"评分方法",
         u"完成等级", u"得分比例", u"超额扣减", u"偏差原因", u"指标说明", u"评分依据"},
        {u"部门履职情况评价", u"数量指标", u"老年人健康体检人次", u"", u"≥20000人次", u"人次", 34100, 3, u"", u"", u"", u"否",
         u"老年人口增长且体检扩大至60-64岁人群，不作超额扣减"},
        {u"", u"", u"健康教育讲座场次", u"", u"≥40场", u"场", 96, 2, u"", u"", u"", u"是", u"目标值设置偏低，按超额倍数核减"},
        {u"", u"", u"社区卫生服务中心标准化建设达标数", u"", u"≥6个", u"个", 5, 3, u"达标", u"", u"", u"", u"改造工程顺延至2024年"},
        {u"", u"质量指标", u"适龄儿童免疫规划疫苗接种率", u"", u"≥９０％", u"%", 0.968, 4, u"达标"},
        {u"", u"", u"家庭医生签约率", u"", u"≥75%", u"%", 0.724, 4, u"比例", u"", u"", u"", u"签约推进较慢"},
        {u"", u"", u"重点人群健康管理", u"高血压患者规范管理率", u"≥65%", u"%", 0.685, 2},
        {u"", u"", u"", u"2型糖尿病患者规范管理率", u"≥65%", u"%", 0.611, 2, u"", u"", u"", u"", u"未按季度随访"},
        {u"", u"", u"", u"严重精神障碍患者规范管理率", u"≥85%", u"%", 0.912, 2},
        {u"", u"", u"孕产妇死亡率", u"", u"≤10/10万", u"1/10万", 7.8, 3},
        {u"", u"时效指标", u"法定传染病网络报告及时率", u"", u"≥95%", u"%", 0.992, 3},
        {u"", u"", u"院前急救平均反应时间", u"", u"≤12分钟", u"分钟", 13.5, 3, u"比例", u"", u"", u"", u"道路施工"},
        {u"", u"社会效益指标", u"居民健康素养水平", u"", u"≥30%", u"%", 0.326, 3},
        {u"", u"", u"医疗卫生服务能力", u"", u"有效提升", u"", u"", 5, u"", u"部分达成", 0.75, u"", u"两中心未通过省级验收"},
        {u"", u"", u"突发公共卫生事件应急处置", u"", u"及时有效处置", u"", u"", 4, u"", u"达成", u"", u"", u"3起均及时处置"},
        {u"", u"满意度指标", u"群众满意度", u"", u"≥90%", u"%", 0.923, 4},
        {u"", u"", u"家庭医生签约居民满意度", u"", u"≥85%", u"%", 0.881, 3},
    };
}

Workbook healthWorkbook() {
    Workbook wb;
    wb.sheets.push_back(makeSheet(kBasic, basicRows()));
    wb.sheets.push_back(makeSheet(kProjects, projectRows()));
    wb.sheets.push_back(makeSheet(kDepartment, departmentRows()));
    wb.sheets.push_back(makeSheet(kTargets, targetSheetRows()));
    return wb;
}

struct Expected {
    const char16_t* level1;
    const char16_t* level2;
    const char16_t* name;
    double weight, score;  // weight after moves; score worked out by hand (see the integration test)
};

const char16_t* const kFin = u"财政管理情况评价";
const char16_t* const kDuty = u"部门履职情况评价";

const std::vector<Expected>& expected() {
    static const std::vector<Expected> e = {
        {kFin, u"预算资金管理", u"预算编制合理性", 4, 3.50},
        {kFin, u"预算资金管理", u"预算完成率", 8, 5.90},        // (10824.13/11424.40 − 0.8)/0.2 × 8 = 5.898
        {kFin, u"预算资金管理", u"预算调整率", 3, 2.78},        // (1 − 494.20/6816.60) × 3 = 2.7825
        {kFin, u"预算资金管理", u"部门预算资金支出均衡性", 3, 2.49},  // (78.62% + 87.45%)/2 × 3 = 2.491
        {kFin, u"预算资金管理", u"政府采购执行率", 1, 0.94},      // 438.62/465.80
        {kFin, u"预算资金管理", u"公用经费控制率", 2, 1.00},      // 三公 27.12 > 26.50: 0; 日常 296.75 ≤ 303.40: 1
        {kFin, u"预算资金管理", u"部门分解资金监管情况", 0, 0.00},  // 不适用
        {kFin, u"预算资金管理", u"财务合规性", 7, 6.50},
        {kFin, u"预算资金管理", u"管理制度健全及执行有效性", 4, 3.50},
        {kFin, u"绩效管理情况", u"绩效目标明确性", 4, 4.00},
        {kFin, u"绩效管理情况", u"绩效指标有效性", 4, 3.80},
        {kFin, u"绩效管理情况", u"部门绩效运行监控开展情况", 4, 3.54},  // 88.60/100 × (3 + 1)
        {kFin, u"绩效管理情况", u"部门整体绩效自评情况", 3, 2.50},
        {kFin, u"资产管理", u"资产管理安全性", 2, 1.75},
        {kFin, u"资产管理", u"固定资产利用率", 1, 0.50},          // 86.45% in [80%, 90%)
        {kDuty, u"数量指标", u"老年人健康体检人次", 3, 3.00},
        {kDuty, u"数量指标", u"健康教育讲座场次", 2, 1.60},        // 2 × 0.8 (2.4×)
        {kDuty, u"数量指标", u"社区卫生服务中心标准化建设达标数", 3, 0.00},  // 达标, missed
        {kDuty, u"质量指标", u"适龄儿童免疫规划疫苗接种率", 4, 4.00},
        {kDuty, u"质量指标", u"家庭医生签约率", 4, 3.86},          // 0.724/0.75 × 4
        {kDuty, u"质量指标", u"重点人群健康管理", 6, 5.88},        // 2 + 0.611/0.65 × 2 + 2
        {kDuty, u"质量指标", u"孕产妇死亡率", 3, 3.00},
        {kDuty, u"时效指标", u"法定传染病网络报告及时率", 3, 3.00},
        {kDuty, u"时效指标", u"院前急救平均反应时间", 3, 2.67},    // 12/13.5 × 3
        {kDuty, u"社会效益指标", u"居民健康素养水平", 3, 3.00},
        {kDuty, u"社会效益指标", u"医疗卫生服务能力", 5, 3.75},    // 5 × 75%
        {kDuty, u"社会效益指标", u"突发公共卫生事件应急处置", 4, 4.00},  // 达成: 100%
        {kDuty, u"满意度指标", u"群众满意度", 4, 4.00},
        {kDuty, u"满意度指标", u"家庭医生签约居民满意度", 3, 3.00},
    };
    return e;
}

const PlannedScore* scoreOf(const FillPlan& plan, std::u16string_view name) {
    for (const PlannedScore& s : plan.scores)
        if (s.name == name) return &s;
    return nullptr;
}

std::string formulaOf(const FillPlan& plan, std::u16string_view name) {
    const PlannedScore* s = scoreOf(plan, name);
    return s ? s8(s->formula) : "<none>";
}

}  // namespace

// ================================================================ planFill

TEST(SecondDepartment, FillsWithoutProblemsAndTheTablesAgreeWithThemselves) {
    FillPlan plan = planFill(healthWorkbook());
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    for (const std::string& n : texts(plan.notes)) EXPECT_EQ(n.find("数据核对"), std::string::npos) << n;
    // "-" is 0 and "1,234.50" is 1234.5 for the table's own arithmetic too
    EXPECT_TRUE(dataConsistency(healthWorkbook()).empty()) << joined(dataConsistency(healthWorkbook()));
    std::vector<std::u16string> names;
    for (const SheetPlan& s : plan.sheets) names.push_back(s.name);
    // the project rows are one column of consecutive cells: no 计算底稿; no 指标体系 in the book: the default is written
    EXPECT_EQ(names, (std::vector<std::u16string>{u"附件1", u"评价结果", u"指标体系"}));
}

TEST(SecondDepartment, OneScorePerIndicatorInOrderWithTheMovedWeight) {
    FillPlan plan = planFill(healthWorkbook());
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    const auto& e = expected();
    ASSERT_EQ(plan.scores.size(), e.size());
    double sum = 0;
    for (std::size_t i = 0; i < e.size(); ++i) {
        EXPECT_EQ(s8(plan.scores[i].name), s8(e[i].name)) << i;
        EXPECT_DOUBLE_EQ(plan.scores[i].weight, e[i].weight) << s8(e[i].name);
        EXPECT_EQ(plan.scores[i].row, 5 + i) << s8(e[i].name);
        sum += plan.scores[i].weight;
    }
    EXPECT_DOUBLE_EQ(sum, 100.0);
    const PlannedScore* split = scoreOf(plan, u"部门分解资金监管情况");
    ASSERT_NE(split, nullptr);
    EXPECT_FALSE(split->applicable);
    EXPECT_EQ(s8(split->formula), "=ROUND(0;2)");
    EXPECT_TRUE(contains(formulaOf(plan, u"部门绩效运行监控开展情况"), "MONITORING_SCORE(" + s8(cellRef(kBasic, basicRow(u"部门整体监控得分"), 2)) + ";4)"))
        << formulaOf(plan, u"部门绩效运行监控开展情况");
}

TEST(SecondDepartment, FormulasReadThisDepartmentsCells) {
    FillPlan plan = planFill(healthWorkbook());
    ASSERT_TRUE(plan.problems.empty()) << joined(plan.problems);
    // 表2 合计 is row 7: 调整后预算数 D7, 支出数 E7
    EXPECT_EQ(formulaOf(plan, u"预算完成率"),
              "=ROUND((BUDGET_COMPLETION_SCORE(EXECUTION_RATE($'表2 部门支出'.$E$7;$'表2 部门支出'.$D$7);8));2)");
    // the ten projects (rows 4-13), 合计 (row 14) left out; the transfers label
    EXPECT_EQ(formulaOf(plan, u"预算调整率"),
              "=ROUND((ADJUSTMENT_SCORE(ADJUSTMENT_RATE($'表1 项目支出'.$D$4:$D$13;$'表1 项目支出'.$E$4:$E$13;FALSE();" +
                  s8(cellRef(kBasic, basicRow(u"上级财政年中转移支付资金"), 2)) + ");3));2)");
    // 公用经费控制率 reads 日常公用经费 (row 5) of 表2; the template passes 【分值】/2 points each
    EXPECT_TRUE(contains(formulaOf(plan, u"公用经费控制率"), "$'表2 部门支出'.$E$5;$'表2 部门支出'.$D$5;2/2)"))
        << formulaOf(plan, u"公用经费控制率");
    // a target row: its own cells (健康教育讲座场次 is row 4), 超额扣减 (L) passed on
    std::string t = formulaOf(plan, u"健康教育讲座场次");
    EXPECT_EQ(t.rfind("=ROUND((INDICATOR_SCORE($'绩效目标表'.$G$4;$'绩效目标表'.$E$4;2;", 0), 0u) << t;
    EXPECT_TRUE(contains(t, "$'绩效目标表'.$L$4&\"\"")) << t;
    // 子项: three calls, one per row (8, 9, 10), weight 2 each, summed before rounding
    std::string sub = formulaOf(plan, u"重点人群健康管理");
    for (const char* r : {"$G$8;$'绩效目标表'.$E$8;2", "$G$9;$'绩效目标表'.$E$9;2", "$G$10;$'绩效目标表'.$E$10;2"})
        EXPECT_TRUE(contains(sub, r)) << sub;
    EXPECT_EQ(sub.rfind("=ROUND(", 0), 0u) << sub;
    // 定性 with 完成等级 and 得分比例 (row 15: J15, K15)
    std::string q = formulaOf(plan, u"医疗卫生服务能力");
    EXPECT_TRUE(contains(q, "$'绩效目标表'.$J$15&\"\"")) << q;
    EXPECT_TRUE(contains(q, "IF(ISBLANK($'绩效目标表'.$K$15)")) << q;
}

// ================================================================ planCheck on a consultant's copy

namespace {

// The consultant's 附件1 as typed numbers in the fill's layout, with `printed` overriding scores;
// subtotals and 合计 follow the typed scores (the firm's own sums).
Rows consultantAppendix(const std::map<std::u16string, double>& printed) {
    Rows rows = {
        {u"部门整体绩效评价表"},
        {u"第三方机构：临河明正会计师事务所（普通合伙）"},
        {u"评价指标", u"", u"", u"", u"", u"", u"指标说明", u"评分标准", u"评分", u"评分依据", u"专家意见", u"得分率"},
        {u"一级指标", u"", u"二级指标", u"", u"三级指标"},
        {u"名称", u"权重(%)", u"名称", u"权重(%)", u"名称", u"权重(%)"},
    };
    const auto& e = expected();
    auto scoreOf = [&](const Expected& x) {
        auto it = printed.find(x.name);
        return it == printed.end() ? x.score : it->second;
    };
    auto levelWeight = [&](bool first, const char16_t* name) {
        double w = 0;
        for (const Expected& x : e)
            if (std::u16string(first ? x.level1 : x.level2) == name) w += x.weight;
        return w;
    };
    double total = 0;
    for (std::size_t k = 0; k < e.size(); ++k) {
        const Expected& x = e[k];
        bool newL1 = k == 0 || std::u16string(e[k - 1].level1) != x.level1;
        bool newL2 = newL1 || std::u16string(e[k - 1].level2) != x.level2;
        double s = scoreOf(x);
        total += s;
        rows.push_back({newL1 ? V(x.level1) : V{}, newL1 ? V(levelWeight(true, x.level1)) : V{},
                        newL2 ? V(x.level2) : V{}, newL2 ? V(levelWeight(false, x.level2)) : V{}, V(x.name), V(x.weight),
                        u"指标说明", u"评分标准", V(s), u"评分依据", u"经核查，相关资料齐全。",
                        x.weight > 0 ? V(s / x.weight) : V(u"—")});
    }
    total = std::round(total * 100) / 100;
    rows.push_back({u"合   计", u"", u"", u"", u"", u"", u"", u"", V(total), u"——", u"——", V(total / 100)});
    rows.push_back({u"评价等级", u"", u"", u"", u"", u"", u"", u"", V(std::u16string(perfGrade(total)))});
    return rows;
}

// The four planted scores (samples/src/health_consultant.py PLANTED).
const std::map<std::u16string, double> kPlanted = {
    {u"预算完成率", 5.83},                // slip: (94.57% − 80%)/20% × 8 instead of 94.75%
    {u"预算调整率", 2.49},                // swapped with 部门预算资金支出均衡性
    {u"部门预算资金支出均衡性", 2.78},
    {u"突发公共卫生事件应急处置", 3.20},  // 部分达成's 80% though 达成 was recorded
};

Workbook consultantWorkbook(const std::map<std::u16string, double>& printed) {
    Workbook wb = healthWorkbook();
    wb.sheets.push_back(makeSheet(u"附件1", consultantAppendix(printed)));
    return wb;
}

const CheckItem* itemOf(const CheckPlan& p, std::u16string_view name) {
    for (const CheckItem& it : p.items)
        if (it.name == name) return &it;
    return nullptr;
}

std::string judgmentsOf(const CheckItem& it) {
    std::string out;
    for (const Judgment& j : it.judgments) out += s8(j.what) + "（" + s8(j.reason) + "）；";
    return out;
}

// Probe values: each item's main reading gets the hand-worked score; every other probe is unknown
// (NaN: no office evaluates them here), so nothing but the main readings can explain a score.
std::vector<double> handValues(const CheckPlan& p) {
    std::vector<double> v(p.probes.size(), std::nan(""));
    for (const Expected& x : expected())
        if (const CheckItem* it = itemOf(p, x.name)) v[it->main.scoreProbe] = x.score;
    return v;
}

}  // namespace

TEST(SecondDepartment, CheckPlanItemsAndTheRecordedJudgments) {
    CheckPlan p = planCheck(consultantWorkbook({}));
    ASSERT_TRUE(p.problems.empty()) << joined(p.problems);
    ASSERT_EQ(p.items.size(), expected().size());
    for (const Expected& x : expected()) {
        const CheckItem* it = itemOf(p, x.name);
        ASSERT_NE(it, nullptr) << s8(x.name);
        EXPECT_DOUBLE_EQ(it->weight, x.weight) << s8(x.name);
        ASSERT_TRUE(it->printed.has_value()) << s8(x.name);
        EXPECT_DOUBLE_EQ(*it->printed, x.score) << s8(x.name);
    }
    EXPECT_FALSE(itemOf(p, u"部门分解资金监管情况")->applicable);
    ASSERT_TRUE(p.total.has_value());
    EXPECT_DOUBLE_EQ(p.total->value, 87.46);
    // judgments recorded in the data, each with its reason
    auto has = [&](std::u16string_view name, const char* what) {
        const CheckItem* it = itemOf(p, name);
        return it && contains(judgmentsOf(*it), what);
    };
    EXPECT_TRUE(has(u"预算编制合理性", "预算编制合理性-3 判定 0.50")) << judgmentsOf(*itemOf(p, u"预算编制合理性"));
    EXPECT_TRUE(has(u"预算编制合理性", "酌情扣0.5分"));
    EXPECT_TRUE(has(u"医疗卫生服务能力", "得分比例 75%")) << judgmentsOf(*itemOf(p, u"医疗卫生服务能力"));
    EXPECT_TRUE(has(u"健康教育讲座场次", "按超额倍数核减")) << judgmentsOf(*itemOf(p, u"健康教育讲座场次"));
    EXPECT_TRUE(has(u"老年人健康体检人次", "免于超额核减")) << judgmentsOf(*itemOf(p, u"老年人健康体检人次"));
    // nothing to judge where the data records none: a full grade, met targets, the rule-bound rates
    for (std::u16string_view n : {u"突发公共卫生事件应急处置", u"预算完成率", u"预算调整率", u"部门预算资金支出均衡性",
                                  u"孕产妇死亡率", u"群众满意度", u"重点人群健康管理"})
        EXPECT_TRUE(itemOf(p, n)->judgments.empty()) << s8(n) << ": " << judgmentsOf(*itemOf(p, n));
}

TEST(SecondDepartment, PlantedMistakesAreEachNamed) {
    CheckPlan p = planCheck(consultantWorkbook(kPlanted));
    ASSERT_TRUE(p.problems.empty()) << joined(p.problems);
    std::vector<Finding> fs = judgeCheck(p, handValues(p));
    std::map<std::u16string, const Finding*> differ;
    for (const Finding& f : fs)
        if (f.verdict == Verdict::Differ) differ[f.subject] = &f;
    std::set<std::u16string> subjects;
    for (const auto& [s, f] : differ) subjects.insert(s);
    EXPECT_EQ(subjects, (std::set<std::u16string>{u"预算完成率", u"预算调整率", u"部门预算资金支出均衡性", u"突发公共卫生事件应急处置"}));
    auto explain = [&](std::u16string_view n) { return differ.count(std::u16string(n)) ? differ.at(std::u16string(n))->explanation : u""; };
    EXPECT_TRUE(contains(explain(u"预算完成率"), u"所印5.83分，按数据重算为5.90分，相差-0.07分")) << s8(explain(u"预算完成率"));
    EXPECT_TRUE(contains(explain(u"预算调整率"), u"与「部门预算资金支出均衡性」的得分疑似对调")) << s8(explain(u"预算调整率"));
    EXPECT_TRUE(contains(explain(u"部门预算资金支出均衡性"), u"与「预算调整率」的得分疑似对调"));
    EXPECT_TRUE(contains(explain(u"突发公共卫生事件应急处置"), u"所印3.20分，按数据重算为4.00分"))
        << s8(explain(u"突发公共卫生事件应急处置"));
    // each marked on its 评分 cell
    for (const auto& [s, f] : differ) {
        ASSERT_TRUE(f->mark.has_value()) << s8(s);
        EXPECT_EQ(f->mark->col, 8u) << s8(s);
    }
}
