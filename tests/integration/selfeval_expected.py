# -*- coding: utf-8 -*-
"""Hand-worked expected values of the 项目支出绩效自评 sample (samples/selfeval-department.ods, data in
samples/src/selfeval_tables.py): 临河区农业农村局, 2025, 万元.

The rules (财预〔2020〕10号 附件; src/core/jixiao/target.cpp):
- 预算执行率 weighs 10: 执行率 = 全年执行数 ÷ 全年预算数; 得分 = ROUND(MIN(执行率, 1) × 10, 2).
- 定量: met (with ≥ / ＝ / 不低于 / 不少于 / a bare number: actual ≥ target; ≤ / 不超过: actual ≤ target) →
  the full 分值; missed → 实际 ÷ 指标值 × 分值 (指标值 ÷ 实际 × 分值 for ≤), each ROUND(…, 2).
- 定性 (no number: 有效提升, 有效控制, 达到): a stated 得分比例 → 比例 × 分值; else the top of the 完成等级's
  band (达成 80–100% → 100%, 部分达成 60–80% → 80%, 未达成 0–60% → 60%); neither → 待评价 (no score,
  not in 总分).
- 总分 = 执行率得分 + Σ the rounded indicator scores; 等级 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60.
- 需关注: a 定性 row still 待评价; a row scored below its 分值 (a missed target) with no 偏差原因.

PROJECTS: per project, in the funds sheet's order,
  name, initial/budget/actual (万元), rate (全年执行数 ÷ 全年预算数, 6 decimals: compare within 1e-6),
  rate_score, indicators [(三级指标, 分值, 得分 or None for 待评价)], total, grade, attention
  [(kind, 三级指标)] with kind "待评价" or "无偏差原因", and summary_attention: the 自评汇总's 需关注 text.

PLANTED: the slips typed into the hand-filled copy (samples/selfeval-department-filled.ods, built by
samples/src/make_selfeval_filled.py); FILLED_TOTALS: the 总分 each form of that copy prints;
FILLED_NOT_SLIPS: what that copy prints differently from Jixiao's output without being a slip."""

DEPARTMENT = "临河区农业农村局"
YEAR = 2025
FUNDS_SHEET = "项目资金表"
INDICATOR_SHEET = "绩效指标表"

PROJECTS = [
    {
        "name": "2025年高标准农田建设项目",
        "initial": 1200.00, "budget": 1450.00, "actual": 1386.52,  # 全年预算数 > 年初预算数 (上级追加 250)
        "sources": [("当年财政拨款", 1000.00, 1250.00, 1186.52),
                    ("上年结转资金", 200.00, 200.00, 200.00),
                    ("其他资金", 0.00, 0.00, 0.00)],
        "rate": 0.956221,  # 1386.52 ÷ 1450.00 = 0.956221 = 95.62%
        "rate_score": 9.56,  # 0.956221 × 10 = 9.5622 → 9.56
        "indicators": [
            ("新建高标准农田面积", 20, 20.00),  # ≥12000亩, 12350: met → 20
            ("工程验收合格率", 15, 15.00),  # ≥95%, 0.98: met → 15
            ("亩均财政投入", 15, 15.00),  # 不超过1200元, 1122 ≤ 1200: met → 15
            ("新增粮食产能", 15, 15.00),  # ≥3000吨, "3120" (numeric text): met → 15
            ("工程设施管护机制", 15, 15.00),  # 定性 有效提升, 达成 → 100% × 15 = 15
            ("受益农户满意度", 10, 10.00),  # ≥90%, "93%": met → 10
        ],
        "total": 99.56,  # 9.56 + 20 + 15 + 15 + 15 + 15 + 10 = 99.56
        "grade": "优",  # 99.56 ≥ 90
        "attention": [],
        "summary_attention": "",
    },
    {
        "name": "农业技术推广与农民培训项目",
        "initial": 50.00, "budget": 50.00, "actual": 43.10,
        "sources": [],
        "rate": 0.862000,  # 43.10 ÷ 50.00 = 0.8620 = 86.20%
        "rate_score": 8.62,  # 0.8620 × 10 = 8.62
        "indicators": [
            ("举办培训场次", 15, 15.00),  # 不少于5场, 6: met → 15
            ("培训农民人次", 15, 15.00),  # ≥1500人次, 1620: met → 15
            ("培训考核合格率", 10, 10.00),  # ≥９５％ (full-width) = ≥95%, 0.96: met → 10
            ("培训按计划完成率", 10, 10.00),  # 100%, 1.0 (= 100%): met → 10
            ("主推技术到位率", 15, 15.00),  # ≥95%, 0.97: met → 15
            ("农民生产技能水平", 15, 15.00),  # 定性 有效提升, 达成 → 100% × 15 = 15
            ("参训学员满意度", 10, 10.00),  # ≥90%, 0.94: met → 10
        ],
        "total": 98.62,  # 8.62 + 15 + 15 + 10 + 10 + 15 + 15 + 10 = 98.62
        "grade": "优",
        "attention": [],
        "summary_attention": "",
    },
    {
        "name": "重大动物疫病防控项目",
        "initial": 300.00, "budget": 300.00, "actual": 312.60,  # over-executed (上年结转 12.60 used)
        "sources": [("当年财政拨款", 300.00, 300.00, 300.00),
                    ("上年结转资金", 0.00, 0.00, 12.60),
                    ("其他资金", 0.00, 0.00, 0.00)],
        "rate": 1.042000,  # 312.60 ÷ 300.00 = 1.0420 = 104.20%
        "rate_score": 10.00,  # MIN(1.0420, 1) × 10 = 10.00
        "indicators": [
            ("集中免疫次数", 15, 15.00),  # ＝2次, 2: met → 15
            ("免疫覆盖养殖户数", 10, 10.00),  # ≥3200户, 3256: met → 10
            ("强制免疫应免密度", 15, 15.00),  # >=90%, 0.95: met → 15
            ("疫情报告及时率", 10, 10.00),  # 100%, "100%": met → 10
            ("区域性重大动物疫情", 20, 20.00),  # 定性 有效控制, 达成 → 100% × 20 = 20
            ("病死畜禽无害化处理率", 10, 10.00),  # 100%, 1.0: met → 10
            ("养殖户满意度", 10, 10.00),  # ≥90%, 0.91: met → 10
        ],
        "total": 100.00,  # 10 + 15 + 10 + 15 + 10 + 20 + 10 + 10 = 100.00
        "grade": "优",
        "attention": [],
        "summary_attention": "",
    },
    {
        "name": "农村人居环境整治提升项目",
        "initial": 680.00, "budget": 620.00, "actual": 598.35,  # 全年预算数 < 年初预算数 (调减 60)
        "sources": [("当年财政拨款", 600.00, 540.00, 525.35),
                    ("上年结转资金", 80.00, 80.00, 73.00),
                    ("其他资金", 0.00, 0.00, 0.00)],
        "rate": 0.965081,  # 598.35 ÷ 620.00 = 0.965081 = 96.51%
        "rate_score": 9.65,  # 0.965081 × 10 = 9.65081 → 9.65
        "indicators": [
            ("改造农村户厕数量", 15, 15.00),  # ≥1500户, 1532: met → 15
            ("开展村庄清洁行动行政村数", 10, 10.00),  # ＝12个, 12: met → 10
            ("改厕验收合格率", 15, 15.00),  # 不低于95%, "96.5%": met → 15
            ("问题整改完成时限", 10, 8.33),  # ≤30天, 36: missed, 30 ÷ 36 × 10 = 8.3333 → 8.33 (偏差原因 given)
            ("农村人居环境", 15, 15.00),  # 定性 有效提升, 达成 → 100% × 15 = 15
            ("农村生活垃圾无害化处理率", 15, 15.00),  # ≥90%, 0.92: met → 15
            ("村民满意度", 10, 10.00),  # ≥85%, 0.88: met → 10
        ],
        "total": 97.98,  # 9.65 + 15 + 10 + 15 + 8.33 + 15 + 15 + 10 = 97.98
        "grade": "优",
        "attention": [],
        "summary_attention": "",
    },
    {
        "name": "农产品质量安全监管与检测项目",
        "initial": 150.00, "budget": 150.00, "actual": 141.80,
        "sources": [],
        "rate": 0.945333,  # 141.80 ÷ 150.00 = 0.945333 = 94.53%
        "rate_score": 9.45,  # 0.945333 × 10 = 9.45333 → 9.45
        "indicators": [
            ("农产品定量检测批次", 15, 15.00),  # ≥2000批, 2150: met → 15
            ("农产品抽检合格率", 15, 15.00),  # ≥98%, 0.992: met → 15
            ("不合格产品处置率", 10, 10.00),  # 100%, 1.0: met → 10
            ("政府采购执行率", 10, 7.27),  # 100%, 0.7274: missed, 0.7274 ÷ 1.00 × 10 = 7.274 → 7.27 (偏差原因 given)
            ("全区农产品质量安全水平", 15, 15.00),  # 定性 有效提升, 达成 → 100% × 15 = 15
            ("规模主体追溯体系覆盖率", 15, 15.00),  # ≥80%, "85%": met → 15
            ("生产经营主体满意度", 10, 10.00),  # ≥90%, 0.93: met → 10
        ],
        "total": 96.72,  # 9.45 + 15 + 15 + 10 + 7.27 + 15 + 15 + 10 = 96.72
        "grade": "优",
        "attention": [],
        "summary_attention": "",
    },
    {
        "name": "农村集体经济发展扶持项目",
        "initial": 400.00, "budget": 400.00, "actual": 372.00,
        "sources": [],
        "rate": 0.930000,  # 372.00 ÷ 400.00 = 0.9300 = 93.00%
        "rate_score": 9.30,  # 0.9300 × 10 = 9.30
        "indicators": [
            ("扶持村集体经济组织数量", 20, 20.00),  # 15个 (bare number = ≥15), 15: met → 20
            ("扶持项目验收合格率", 15, 15.00),  # ≥95%, 1.0: met → 15
            ("资金拨付及时率", 15, 15.00),  # 100%, "100%": met → 15
            ("扶持村年经营性收入稳定增长", 15, 12.00),  # 定性 达到, 部分达成 → 80% × 15 = 12 (偏差原因 given)
            ("村集体经济发展后劲", 15, 15.00),  # 定性 有效提升, 达成 → 100% × 15 = 15
            ("村民满意度", 10, 10.00),  # ≥90%, 0.90: met exactly → 10
        ],
        "total": 96.30,  # 9.30 + 20 + 15 + 15 + 12 + 15 + 10 = 96.30
        "grade": "优",
        "attention": [],
        "summary_attention": "",
    },
    {
        "name": "巩固拓展脱贫攻坚成果同乡村振兴有效衔接项目",
        "initial": 900.00, "budget": 960.00, "actual": 905.28,  # 全年预算数 > 年初预算数 (追加 60)
        "sources": [("当年财政拨款", 800.00, 860.00, 820.28),
                    ("上年结转资金", 100.00, 100.00, 85.00),
                    ("其他资金", 0.00, 0.00, 0.00)],
        "rate": 0.943000,  # 905.28 ÷ 960.00 = 0.9430 = 94.30%
        "rate_score": 9.43,  # 0.9430 × 10 = 9.43
        "indicators": [
            ("实施产业帮扶项目数", 15, 15.00),  # 不少于8项, 8: met → 15
            ("脱贫人口务工就业人数", 15, 15.00),  # ≥2600人, "2714" (numeric text): met → 15
            ("项目竣工验收合格率", 10, 10.00),  # 100%, 1.0: met → 10
            ("单个帮扶项目平均财政投入", 10, 10.00),  # 不超过50万元, 47.6 ≤ 50: met → 10
            ("防止返贫监测帮扶覆盖率", 15, 15.00),  # 100%, 1.0: met → 15
            ("帮扶产业持续发挥效益", 15, None),  # 定性 有效提升, no 完成等级 and no 得分比例: 待评价 (not in 总分)
            ("脱贫群众满意度", 10, 10.00),  # ≥95%, 0.97: met → 10
        ],
        "total": 84.43,  # 9.43 + 15 + 15 + 10 + 10 + 15 + 10 = 84.43 (the 15 待评价 left out)
        "grade": "良",  # 80 ≤ 84.43 < 90 (until the 待评价 row is judged)
        "attention": [("待评价", "帮扶产业持续发挥效益")],
        "summary_attention": "「帮扶产业持续发挥效益」定性得分待评价；",
    },
    {
        "name": "农机购置与应用补贴项目",  # 一级 产出40 / 效益40 / 满意度10
        "initial": 260.00, "budget": 260.00, "actual": 238.65,
        "sources": [],
        "rate": 0.917885,  # 238.65 ÷ 260.00 = 0.917885 = 91.79%
        "rate_score": 9.18,  # 0.917885 × 10 = 9.17885 → 9.18
        "indicators": [
            ("补贴农机具数量", 10, 9.75),  # ≥600台, 585: missed, 585 ÷ 600 × 10 = 9.75 — NO 偏差原因
            ("机械化作业面积", 10, 10.00),  # ≥50000亩, 52300: met → 10
            ("补贴机具核查率", 10, 10.00),  # 100%, 1.0: met → 10
            ("补贴资金兑付时限", 10, 10.00),  # ≤45个工作日, 38 ≤ 45: met → 10
            ("主要农作物耕种收综合机械化率", 20, 20.00),  # ≥88%, "89.5%": met → 20
            ("带动农户节本增效", 20, 20.00),  # 定性 有效提升, 达成 → 100% × 20 = 20
            ("购机户满意度", 10, 10.00),  # ≥90%, 0.96: met → 10
        ],
        "total": 98.93,  # 9.18 + 9.75 + 10 + 10 + 10 + 20 + 20 + 10 = 98.93
        "grade": "优",
        "attention": [("无偏差原因", "补贴农机具数量")],
        "summary_attention": "「补贴农机具数量」未达成目标且未填偏差原因；",
    },
    {
        "name": "农业综合行政执法与农资打假项目",
        "initial": 85.00, "budget": 85.00, "actual": 80.76,
        "sources": [],
        "rate": 0.950118,  # 80.76 ÷ 85.00 = 0.950118 = 95.01%
        "rate_score": 9.50,  # 0.950118 × 10 = 9.50118 → 9.50
        "indicators": [
            ("开展执法检查次数", 15, 15.00),  # ≥300次, 326: met → 15
            ("农资抽检批次", 10, 9.83),  # 不少于120批, 118: missed, 118 ÷ 120 × 10 = 9.8333 → 9.83 (偏差原因 given)
            ("案件办结率", 15, 15.00),  # ≥95%, "97.8%": met → 15
            ("投诉举报处置时限", 10, 10.00),  # ≤5个工作日, 4 ≤ 5: met → 10
            ("农资市场秩序", 15, 13.50),  # 定性 有效提升, 得分比例 0.9 (no grade) → 90% × 15 = 13.50 (偏差原因 given)
            ("农资质量抽检合格率", 15, 15.00),  # ≥96%, "0.975" (numeric text = 97.5%): met → 15
            ("农户满意度", 10, 10.00),  # ≥90%, 0.92: met → 10
        ],
        "total": 97.83,  # 9.50 + 15 + 9.83 + 15 + 10 + 13.50 + 15 + 10 = 97.83
        "grade": "优",
        "attention": [],
        "summary_attention": "",
    },
    {
        "name": "智慧农业信息平台建设项目",
        "initial": 200.00, "budget": 200.00, "actual": 96.40,
        "sources": [],
        "rate": 0.482000,  # 96.40 ÷ 200.00 = 0.4820 = 48.20%
        "rate_score": 4.82,  # 0.4820 × 10 = 4.82
        "indicators": [
            ("上线功能模块数", 20, 11.67),  # ＝12个, 7: missed, 7 ÷ 12 × 20 = 11.6667 → 11.67
            ("系统初步验收", 15, 9.00),  # 定性 达到, 未达成 → 60% × 15 = 9.00
            ("项目建设完成时限", 15, 10.38),  # ≤180天, 260: missed, 180 ÷ 260 × 15 = 10.3846 → 10.38
            ("数据共享覆盖乡镇数", 15, 9.00),  # ≥10个, 6: missed, 6 ÷ 10 × 15 = 9.00
            ("平台运维保障机制", 15, 12.00),  # 定性 有效提升, 部分达成 → 80% × 15 = 12.00
            ("用户满意度", 10, 8.67),  # ≥90%, 0.78: missed, 0.78 ÷ 0.90 × 10 = 8.6667 → 8.67
        ],  # every missed row here has its 偏差原因
        "total": 65.54,  # 4.82 + 11.67 + 9.00 + 10.38 + 9.00 + 12.00 + 8.67 = 65.54
        "grade": "中",  # 60 ≤ 65.54 < 80
        "attention": [],
        "summary_attention": "",
    },
]

# The funds sheet's 合计 row (skipped by the reader): 4225.00 / 4475.00 / 4175.46.
FUNDS_TOTAL = (4225.00, 4475.00, 4175.46)

# ---- the hand-filled copy (samples/selfeval-department-filled.ods) ----
#
# One sheet per project, named after it, values only, in the national layout (1-based rows; columns
# A–I): 1 title, 2 （2025年度）, 3 项目名称, 4 主管部门/实施单位, 5 the funds header (C 年初预算数, D 全年预算数,
# E 全年执行数, F 分值, G 执行率, H 得分), 6 年度资金总额, 7 其中：当年财政拨款, 8 上年结转资金, 9 其他资金,
# 10–11 年度总体目标 (B:E 预期目标, F:I 实际完成情况), 12 the indicator header (B 一级指标, C 二级指标,
# D 三级指标, E 年度指标值, F 实际完成值, G 分值, H 得分, I 偏差原因分析及改进措施), 13… one row per indicator,
# then 总分 (A:F merged, G 100, H the total). The workbook also holds 说明 and the two input sheets.
FILLED_LAYOUT = {"title": 1, "year": 2, "name": 3, "department": 4, "funds_header": 5, "funds_total": 6,
                 "sources": (7, 8, 9), "goal_header": 10, "goal": 11, "indicator_header": 12,
                 "first_indicator": 13}  # 总分 row = 13 + number of indicators

# PLANTED: (sheet, subject, printed, correct, kind, cell) — one slip per form, each in a different form.
# A slipped score carries into that form's printed 总分 where the typist summed the printed rows (a, c,
# f); FILLED_TOTALS has every printed 总分.
PLANTED = [
    # (a) arithmetic slip: 43.10 ÷ 50.00 = 86.20% × 10 = 8.62, printed 9; the printed 总分 follows
    #     (9 + 90 = 99.00 instead of 8.62 + 90 = 98.62)
    ("农业技术推广与农民培训项目", "预算执行率", 9.00, 8.62, "arithmetic", "H6"),
    # (b) 总分 above its rows: 9.30 + 20 + 15 + 15 + 12 + 15 + 10 = 96.30, printed 98.30 (every row right)
    ("农村集体经济发展扶持项目", "总分", 98.30, 96.30, "total_not_sum", "H19"),
    # (c) a missed target given full marks: 政府采购执行率 0.7274 against 100%: 72.74% × 10 = 7.274 → 7.27,
    #     printed 10.00; the printed 总分 follows (9.45 + 90.00 = 99.45 instead of 96.72)
    ("农产品质量安全监管与检测项目", "政府采购执行率", 10.00, 7.27, "missed_target_full_marks", "H16"),
    # (d) 年度资金总额 left at 0 (年初/全年/执行 0.00) while 其中：当年财政拨款 below is filled (800.00 / 860.00 /
    #     820.28); correct 900.00 / 960.00 / 905.28 (= 800 + 100 + 0, 860 + 100 + 0, 820.28 + 85.00 + 0).
    #     执行率 94.30% and 得分 9.43 are printed right.
    ("巩固拓展脱贫攻坚成果同乡村振兴有效衔接项目", "年度资金总额", (0.00, 0.00, 0.00), (900.00, 960.00, 905.28),
     "funds_total_blank", "C6:E6"),
    # (e) a score left blank: ＝12个, 12 met → 10.00; the printed 总分 97.98 is right, so the printed rows
    #     add up to only 97.98 − 10 = 87.98
    ("农村人居环境整治提升项目", "开展村庄清洁行动行政村数", None, 10.00, "score_blank", "H14"),
    # (f) 执行率 over 年初预算数: 1386.52 ÷ 1200.00 = 115.54% → MIN(…, 1) × 10 = 10.00, printed (G6 1.1554,
    #     H6 10.00); correct 1386.52 ÷ 1450.00 = 95.62% → 9.56; the printed 总分 follows (100.00 instead of 99.56)
    ("2025年高标准农田建设项目", "预算执行率", (1.1554, 10.00), (0.956221, 9.56), "rate_over_initial", "G6:H6"),
    # (g) a missed target with no 偏差原因: ≥600台, 585 → 585 ÷ 600 × 10 = 9.75 (printed right), I13 blank;
    #     the input sheet has no reason either (Jixiao's output flags it as 需关注)
    ("农机购置与应用补贴项目", "补贴农机具数量", "", "a reason (偏差原因分析及改进措施)", "missing_reason", "I13"),
]

# The 总分 each form of the filled copy prints (H of its 总分 row).
FILLED_TOTALS = {
    "2025年高标准农田建设项目": 100.00,  # slip (f): 10.00 + 90 (right: 99.56)
    "农业技术推广与农民培训项目": 99.00,  # slip (a): 9 + 90 (right: 98.62)
    "重大动物疫病防控项目": 100.00,  # right
    "农村人居环境整治提升项目": 97.98,  # right (one row's score blank, slip (e))
    "农产品质量安全监管与检测项目": 99.45,  # slip (c): 9.45 + 90.00 (right: 96.72)
    "农村集体经济发展扶持项目": 98.30,  # slip (b) (right: 96.30)
    "巩固拓展脱贫攻坚成果同乡村振兴有效衔接项目": 84.43,  # right (funds row slip (d); one row 待评价)
    "农机购置与应用补贴项目": 98.93,  # right (slip (g) is a missing reason)
    "农业综合行政执法与农资打假项目": 97.83,  # right
    "智慧农业信息平台建设项目": 64.79,  # right: 4.82 + 11.67 + 9.00 + 10.38 + 9.00 + 11.25 + 8.67 = 64.79
}

# Printed differently from Jixiao's output, but not slips (a reviewer should accept them):
FILLED_NOT_SLIPS = [
    # 定性 部分达成 (band 60–80% of 15 = 9.00–12.00): the department scored 75% × 15 = 11.25, inside the
    # band (Jixiao, with no 得分比例, takes the top: 12.00); 总分 64.79 instead of 65.54, same grade 中
    ("智慧农业信息平台建设项目", "平台运维保障机制", 11.25, "部分达成 9.00–12.00"),
    # 定性 without 完成等级 or 得分比例: printed 待评价, as Jixiao prints it; 总分 84.43 leaves it out (需关注)
    ("巩固拓展脱贫攻坚成果同乡村振兴有效衔接项目", "帮扶产业持续发挥效益", "待评价", "待评价"),
]
