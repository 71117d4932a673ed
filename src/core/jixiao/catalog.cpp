#include "jixiao/catalog.hpp"

namespace jixiao {

namespace {

// Shared argument rows.
const ArgInfo kWeight{"weight", "权重", "The indicator's weight (points).", "该指标的权重（分值）。"};
const ArgInfo kRate{"rate", "比率", "A rate as a fraction (91.38% = 0.9138).", "比率，以小数表示（91.38% 即 0.9138）。"};
const ArgInfo kLowerIsBetter{"lower_is_better", "越低越好",
                             "TRUE for a 反向 indicator where lower is better. Default FALSE.",
                             "反向指标（越低越好）填 TRUE，默认 FALSE。", true};

std::vector<FunctionInfo> build() {
    return {
        {"EXECUTION_RATE", "Financial",
         "Budget execution rate: actual expenditure / budget.",
         "预算执行率（支出率）= 实际支出 ÷ 预算数。",
         {{"actual", "实际支出", "Actual expenditure.", "实际支出金额。"},
          {"budget", "预算数", "The budget (adjusted, initial or full-year); must be greater than 0.",
           "预算数（调整后预算、年初预算或全年预算），须大于 0。"}}},

        {"ITEM_ADJUSTMENT_RATE", "Financial",
         "One item's budget adjustment rate: |adjustment| / initial budget; an item added mid-year (initial 0) gives 100%.",
         "单个项目的预算调整率 = |调整金额| ÷ 年初预算数；年中新增项目（年初预算为 0）记 100%。",
         {{"initial", "年初预算数", "The item's initial budget (not negative).", "该项目的年初预算数（不得为负）。"},
          {"adjustment", "调整金额", "The adjustment, positive or negative.", "预算调整金额，调增为正、调减为负。"}}},

        {"ADJUSTMENT_RATE", "Financial",
         "Department budget adjustment rate: Σ|adjustments| / (Σ initial budgets + transfers).",
         "部门预算调整率 = Σ|各项目预算调整金额| ÷（Σ项目年初预算 + 上级转移支付）。",
         {{"initial_budgets", "年初预算数", "Range of the items' initial budgets.", "各项目年初预算数所在区域。"},
          {"adjustments", "调整金额", "Range of the items' adjustments, row for row with initial_budgets.",
           "各项目预算调整金额所在区域，须与年初预算数逐行对应。"},
          {"count_new_items", "计入新增项目",
           "TRUE to count items added mid-year (initial budget 0) in the numerator. Default FALSE.",
           "TRUE：年中新增项目（年初预算为 0）的调整金额计入分子。默认 FALSE。", true},
          {"transfers", "转移支付", "Higher-level transfers received mid-year, added to the denominator. Default 0.",
           "上级财政年中转移支付资金，计入分母。默认 0。", true}}},

        {"BUDGET_COMPLETION_SCORE", "Financial",
         "Score for 预算完成率: linear above a threshold ((rate - 80%) / 20% × weight) or proportional.",
         "预算完成率得分：线性法 =（执行率 − 80%）÷（100% − 80%）× 权重，低于门槛不得分；或按比例法。",
         {kRate,
          kWeight,
          {"threshold", "门槛", "Rate below which the score is 0 (linear method). Default 0.8.",
           "线性法的门槛执行率，低于此值不得分。默认 0.8。", true},
          {"method", "方法", "\"linear\" (default) or \"proportional\" (rate × weight, capped).",
           "\"linear\"（线性，默认）或 \"proportional\"（比例：执行率 × 权重，封顶）。", true}}},

        {"ADJUSTMENT_SCORE", "Financial",
         "Score for 预算调整率: (1 - rate) × weight, not below 0.",
         "预算调整率得分 =（1 − 预算调整率）× 权重，最低 0 分。",
         {kRate, kWeight}},

        {"BALANCE_SCORE", "Financial",
         "Score for 支出均衡性: mean of the execution-progress rates (at most 100%) × weight.",
         "部门预算资金支出均衡性得分 = 全年平均执行率 × 权重，平均执行率高于 100% 按 100% 计。",
         {{"rates", "执行率", "Range or inline array of progress rates; blank cells are not counted.",
           "各期支出进度执行率（区域或数组），空白单元格不计入。"},
          kWeight}},

        {"PROCUREMENT_SCORE", "Financial",
         "Score for 政府采购执行率: actual / planned × weight; 0 if actual exceeds planned.",
         "政府采购执行率得分 = 实际采购金额 ÷ 采购计划金额 × 权重；实际大于计划不得分。",
         {{"actual", "实际采购金额", "Actual procurement amount.", "实际政府采购金额合计。"},
          {"planned", "采购计划金额", "Planned procurement amount; must be greater than 0.",
           "政府采购计划（预算）金额合计，须大于 0。"},
          kWeight}},

        {"PUBLIC_FUNDS_SCORE", "Financial",
         "Score for 公用经费控制率: points for 三公 actual ≤ budget, plus points for 日常公用经费 actual ≤ adjusted budget.",
         "公用经费控制率得分：“三公”经费实际支出 ≤ 预算得分，日常公用经费决算数 ≤ 调整后预算得分。",
         {{"sangong_actual", "三公经费实际", "三公 expenditure, actual.", "“三公”经费实际支出数。"},
          {"sangong_budget", "三公经费预算", "三公 expenditure, budget.", "预算安排的“三公”经费数。"},
          {"daily_actual", "日常公用经费实际", "Daily public expenditure, actual.", "日常公用经费决算数。"},
          {"daily_budget", "日常公用经费预算", "Daily public expenditure, adjusted budget.", "日常公用经费调整后预算数。"},
          {"points_each", "每项分值", "Points for each of the two conditions. Default 1.", "每项条件的分值。默认 1。", true}}},

        {"MONITORING_SCORE", "Financial",
         "Score for 绩效运行监控: monitoring result / full marks × weight.",
         "部门绩效运行监控得分 = 监控得分 ÷ 满分 × 权重。",
         {{"result", "监控得分", "The monitoring result (e.g. 75.23 out of 100).", "部门整体绩效监控得分（如百分制 75.23）。"},
          kWeight,
          {"full_marks", "满分", "Full marks of the monitoring result. Default 100.", "监控得分的满分。默认 100。", true}}},

        {"FIXED_ASSET_SCORE", "Financial",
         "Score for 固定资产利用率: in use / total ≥ 90% → weight; 80–90% → half; else 0 (or your own bands).",
         "固定资产利用率得分：利用率 ≥ 90% 得满分，80%–90% 得一半，低于 80% 不得分（也可自定分档表）。",
         {{"in_use", "在用固定资产", "Fixed assets in use (original value).", "实际在用固定资产原值。"},
          {"total", "固定资产总额", "All fixed assets (original value); must be greater than 0.",
           "全部固定资产账面原值，须大于 0。"},
          kWeight,
          {"bands", "分档表",
           "Optional two-column table: lower bound of in_use / total; fraction of the weight (0–1). "
           "Without it: 90% → 1, 80% → 0.5, below → 0.",
           "可选的两列分档表：利用率下限；得分比例（占权重，0–1）。省略时：90% 及以上得 1，80% 及以上得 0.5，其余 0。", true}}},

        {"TARGET_SCORE", "Financial",
         "Score for a KPI target: weight when met; otherwise 0 (threshold) or actual/target × weight (proportional).",
         "目标类指标得分：达到目标值得满分；未达到时按达标法得 0 分，或按比例法得 实际值 ÷ 目标值 × 权重。",
         {{"actual", "实际值", "The value achieved.", "指标实际完成值。"},
          {"target", "目标值", "The target value.", "指标目标值。"},
          kWeight,
          {"method", "方法", "\"threshold\" (default) or \"proportional\".",
           "\"threshold\"（达标，默认）或 \"proportional\"（比例）。", true},
          kLowerIsBetter}},

        {"OVERACHIEVEMENT_FACTOR", "Financial",
         "Multiplier for a target set too low, from actual/target: 1 up to 1.5×, then 0.9, 0.8, 0.7, 0.6, 0.5 above 5×.",
         "目标值设置偏低时的计分系数（按 实际值 ÷ 目标值）：1.5 倍以内 1，其后依次 0.9、0.8、0.7、0.6，5 倍以上 0.5。",
         {{"actual", "实际值", "The value achieved.", "指标实际完成值。"},
          {"target", "目标值", "The target value; must be greater than 0.", "指标目标值，须大于 0。"},
          {"bands", "分档表",
           "Optional two-column table: ratio up to; factor. A blank ratio marks \"above all others\".",
           "可选的两列分档表：倍数上限；系数。倍数留空表示“以上”。", true}}},

        {"BAND_SCORE", "Financial",
         "Banded score: the band reached by the value gives the fraction of the weight.",
         "分档计分：按数值所达到的档次取权重的相应比例。",
         {{"value", "数值", "The value to grade.", "待评分的数值。"},
          {"bands", "分档表", "Two-column table: threshold; fraction of the weight.",
           "两列分档表：门槛值；得分比例（占权重）。"},
          kWeight,
          kLowerIsBetter}},

        {"CHECKLIST_SCORE", "Financial",
         "Checklist score: Σ points × mark; a mark is TRUE/是/√/Y, FALSE/否/×/N/blank, or a fraction 0–1.",
         "评分要点得分：Σ 分值 × 判定；判定为 是/√/Y/TRUE 得分，否/×/N/FALSE/空白 不得分，或填 0–1 的比例。",
         {{"points", "分值", "Range of the points of each criterion.", "各评分要点的分值所在区域。"},
          {"marks", "判定", "Range of the marks, row for row with points.", "各要点的判定结果，须与分值逐行对应。"}}},

        {"LEVEL_SCORE", "Financial",
         "Score for a qualitative level: 优/A → 100%, 良/B → 80%, 中/C → 60%, 差/D → 0 of the weight (or your own levels).",
         "定性指标按等级计分：优/好/A 得 100%，良/较好/B 得 80%，中/一般/C 得 60%，差/D 得 0（也可自定等级表）。",
         {{"level", "等级", "The level: 优, 良, 中, 差 (or 好/较好/一般, A–D).", "评价等级：优、良、中、差（或 好/较好/一般、A–D）。"},
          kWeight,
          {"levels", "等级表",
           "Optional two-column table: level word; fraction of the weight (0–1, or \"80%\"). "
           "Default 优/好/A 1, 良/较好/B 0.8, 中/一般/C 0.6, 差/D 0.",
           "可选的两列等级表：等级文字；得分比例（占权重，0–1 或“80%”）。默认 优/好/A 为 1，良/较好/B 为 0.8，中/一般/C 为 0.6，差/D 为 0。",
           true}}},

        {"PERF_GRADE", "Financial",
         "Grade of a total score: 优 (≥ 90), 良 (80–90), 中 (60–80), 差 (< 60), or your own grade table.",
         "综合评分等级：优（≥90）、良（80–90）、中（60–80）、差（<60），也可自定等级分档表。",
         {{"total", "总分", "The total score, 0 to 100.", "综合评分（0–100）。"},
          {"bands", "分档表",
           "Optional two-column table: lower bound of the total; grade text. A blank bound gives the grade "
           "below all others. Without it: 90 优, 80 良, 60 中, below 差.",
           "可选的两列分档表：总分下限；等级文字。下限留空表示低于其他各档的等级。省略时：90 分及以上优，80 分及以上良，60 分及以上中，其余差。",
           true}}},

        {"INDICATOR_SCORE", "Financial",
         "Score of a performance indicator against its 指标值 as written (≥95%, ≤30天, 不少于5场, 95%以上, or a "
         "定性 text): met → weight; not met → in proportion (default) or 0; 定性 by grade or ratio; "
         "optionally cut for over-achievement.",
         "按指标值原文（如 ≥95%、≤30天、不少于5场、95%以上，或定性表述）计算绩效指标得分：达到目标得满分；"
         "未达到按比例计分（默认）或不得分（达标法）；定性指标按完成等级或得分比例计分；可按超额完成倍数核减。",
         {{"actual", "实际完成值",
           "The value achieved: a number, numeric text, or a percentage (\"90%\", or 0.9 when the unit is %). "
           "Not read for a 定性 target or when a ratio is given.",
           "实际完成值：数字、数字文本或百分比（“90%”；度量单位为 % 时也可填 0.9）。定性指标或给出得分比例时不读取。"},
          {"target", "指标值",
           "The target as written: ≥95%, ≤2%, =12个, >0, 不少于5场, 不超过50万元, 30天以内, 达到, or a 定性 text "
           "(达到预期, 有效提升). A number means ≥ that number. Ranges (95%-100%) and texts with two numbers are errors.",
           "指标值原文：≥95%、≤2%、=12个、>0、不少于5场、不超过50万元、30天以内、达到，或定性表述（达到预期、有效提升）。"
           "填数字表示“不低于该数”。区间（95%-100%）或含两个数字的文字报错。"},
          {"weight", "分值", "The indicator's points (weight).", "该指标的分值（权重）。"},
          {"method", "评分方法",
           "\"比例\" / \"proportional\" (default): not met → actual ÷ target × weight (target ÷ actual for ≤ "
           "targets); \"达标\" / \"threshold\": not met → 0.",
           "“比例”（默认）：未达到时得 实际值 ÷ 目标值 × 分值（≤ 类反向指标为 目标值 ÷ 实际值）；“达标”：未达到不得分。", true},
          {"unit", "度量单位",
           "The unit of target and actual (%, 个, 家, 万元, 天 …). Default: the unit written in the target. A "
           "different unit in the target is an error; nothing is converted.",
           "指标值和实际完成值的度量单位（%、个、家、万元、天……）。默认取指标值中写明的单位；与指标值中的单位不一致时报错，不做换算。",
           true},
          {"grade", "完成等级",
           "For a 定性 target: 达成 (100% of the weight), 部分达成 (the 达成 bound of bands, 80% by default), 未达成 "
           "(the 部分达成 bound, 60% by default), or 优/良/中/差. Default none.",
           "定性指标的完成等级：达成（得分值的 100%）、部分达成（定性分档中达成的下限，默认 80%）、未达成（部分达成的下限，默认 60%），"
           "或 优/良/中/差。默认无。", true},
          {"ratio", "得分比例",
           "The evaluator's ratio of the weight (0–1 or \"80%\"), replacing the rule; for a 定性 target it must "
           "lie within the grade's band. Default none.",
           "评价人给定的得分比例（0–1 或“80%”），取代计分规则；定性指标须在完成等级的区间内。默认无。", true},
          {"overachievement", "超额扣减",
           "TRUE / 是 to cut the score by the default over-achievement bands (as OVERACHIEVEMENT_FACTOR), or a "
           "two-column band table. Default FALSE (no cut).",
           "填 TRUE / 是：按默认超额完成分档（同 OVERACHIEVEMENT_FACTOR）核减得分；也可填两列分档表。默认 FALSE（不核减）。",
           true},
          {"bands", "定性分档",
           "The bands of 达成 / 部分达成 / 未达成 by their lower bounds, 达成 first: \"80%/50%\" (达成 100–80%, "
           "部分达成 80–50%, 未达成 50–0%), \"0.8;0.5\", or two cells. Default the national 80%/60% "
           "(100–80%, 80–60%, 60–0%).",
           "定性指标各完成等级的区间，填达成与部分达成的下限（达成在前）：如“80%/50%”（达成 100%–80%、部分达成 80%–50%、"
           "未达成 50%–0%）、“0.8;0.5”，或两格数值。默认为全国通行的 80%/60%（100%–80%、80%–60%、60%–0%）。",
           true}}},

        {"TARGET_VALUE", "Financial",
         "The number of a 指标值 as written (≥95% → 0.95, 不少于5场 → 5); a 定性 target is an error.",
         "指标值原文中的目标数值（≥95% 得 0.95，不少于5场 得 5）；定性指标报错。",
         {{"target", "指标值", "The target as written (≥95%, ≤30天, 不少于5场 …), or a number.",
           "指标值原文（≥95%、≤30天、不少于5场……）或数字。"},
          {"unit", "度量单位", "The unit (%, 个, 万元 …). Default: the unit written in the target.",
           "度量单位（%、个、万元……）。默认取指标值中写明的单位。", true}}},

        {"TARGET_RATIO", "Financial",
         "How many times the target was achieved: actual ÷ target (target ÷ actual for ≤ targets), as "
         "over-achievement bands read it.",
         "指标完成倍数：实际值 ÷ 目标值（≤ 类反向指标为 目标值 ÷ 实际值），即超额完成分档所依据的倍数。",
         {{"actual", "实际完成值", "The value achieved (a number, numeric text or \"90%\").",
           "实际完成值（数字、数字文本或“90%”）。"},
          {"target", "指标值", "The target as written (≥95%, ≤30天 …), or a number.", "指标值原文（≥95%、≤30天……）或数字。"},
          {"unit", "度量单位", "The unit (%, 个, 万元 …). Default: the unit written in the target.",
           "度量单位（%、个、万元……）。默认取指标值中写明的单位。", true}}},

        {"AMOUNT_SUM", "Financial",
         "Sum of a range of amounts read as every Jixiao function reads ranges: numeric text (\"1,234.56\"), "
         "\"-\" and blanks as 0; other text is an error.",
         "按 Jixiao 统一的区域读数规则求和：数字文本（“1,234.56”）照常计入，“-”和空白按 0；其他文字报错。",
         {{"amounts", "金额", "Range or array of amounts.", "金额所在区域或数组。"}}},

        {"ADJUSTMENT_SUM", "Financial",
         "Sum of |adjustments| over the rows ADJUSTMENT_RATE counts in its numerator (items added mid-year "
         "left out unless count_new_items).",
         "预算调整金额绝对值之和，所计行与 ADJUSTMENT_RATE 的分子相同（年中新增项目默认不计入）。",
         {{"initial_budgets", "年初预算数", "Range of the items' initial budgets.", "各项目年初预算数所在区域。"},
          {"adjustments", "调整金额", "Range of the items' adjustments, row for row with initial_budgets.",
           "各项目预算调整金额所在区域，须与年初预算数逐行对应。"},
          {"count_new_items", "计入新增项目",
           "TRUE to count items added mid-year (initial budget 0). Default FALSE.",
           "TRUE：计入年中新增项目（年初预算为 0）的调整金额。默认 FALSE。", true}}},
    };
}

}  // namespace

const std::vector<FunctionInfo>& catalog() {
    static const std::vector<FunctionInfo> table = build();
    return table;
}

const FunctionInfo* findFunction(std::string_view name) {
    for (const FunctionInfo& f : catalog())
        if (f.name == name) return &f;
    return nullptr;
}

bool isChineseLanguage(std::string_view language) {
    return language.size() >= 2 && (language[0] == 'z' || language[0] == 'Z') &&
           (language[1] == 'h' || language[1] == 'H') && (language.size() == 2 || language[2] == '-' || language[2] == '_');
}

}  // namespace jixiao
