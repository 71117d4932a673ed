# -*- coding: utf-8 -*-
"""A second department, not derived from the seed: 临河区卫生健康局 (a fictional district health
bureau), budget year 2023, amounts in 万元. Its project table and department table as a finance
officer exports them from the 预算管理一体化 system: a mid-year project (年初预算数 0, funded by a
central transfer), an unspent project (支出数 0), a zero printed as "-", a figure exported as numeric
text ("1,234.50"), and a 合计 row at the bottom. The figures are invented; they add up (the builder
asserts it).

Numbers are floats; the two text cells are strings exactly as an exported table carries them."""

# 表1 项目支出: (序号, 项目名称, 资金来源, 年初预算数, 调整金额, 调整后预算数, 支出数)
PROJECTS = [
    (1, "基本公共卫生服务项目", "区级", 2860.00, 215.40, 3075.40, 2968.15),
    (2, "家庭医生签约服务经费", "区级", "1,234.50", -86.30, 1148.20, 1102.64),  # exported as text
    (3, "国家免疫规划疫苗接种经费", "区级", 468.00, "-", 468.00, 455.37),         # zero printed as "-"
    (4, "妇幼健康服务项目", "区级", 392.60, -40.00, 352.60, 341.08),
    (5, "重大传染病防控经费", "区级", 650.00, 120.00, 770.00, 742.56),
    (6, "院前急救体系运行补助", "区级", 520.00, 0.00, 520.00, 498.20),
    (7, "卫生健康综合监督执法经费", "区级", 86.50, -12.50, 74.00, 61.35),
    (8, "区域全民健康信息平台建设项目", "区级", 300.00, 0.00, 300.00, 0.00),  # unspent: procurement failed
    (9, "2023年中央医疗服务与保障能力提升补助资金", "上级转移支付", 0.00, 185.00, 185.00, 160.40),  # mid-year
    (10, "爱国卫生与健康促进经费", "区级", 120.00, -20.00, 100.00, 96.30),
]
# The 合计 row as printed (sums of the rows above, by hand):
# 年初 2860.00+1234.50+468.00+392.60+650.00+520.00+86.50+300.00+0.00+120.00 = 6631.60
# 调整 215.40−86.30+0−40.00+120.00+0−12.50+0+185.00−20.00 = 361.60
# 调整后 3075.40+1148.20+468.00+352.60+770.00+520.00+74.00+300.00+185.00+100.00 = 6993.20
# 支出 2968.15+1102.64+455.37+341.08+742.56+498.20+61.35+0.00+160.40+96.30 = 6426.05
PROJECT_TOTAL = ("合计", 6631.60, 361.60, 6993.20, 6426.05)

# 表2 部门支出: (项目, 年初预算数, 调整金额, 调整后预算数, 支出数); 项目支出 = 表1 合计.
# 合计: 年初 3985.20+318.40+6631.60 = 10935.20; 调整 142.60−15.00+361.60 = 489.20;
#       调整后 4127.80+303.40+6993.20 = 11424.40; 支出 4101.33+296.75+6426.05 = 10824.13
DEPARTMENT = [
    ("人员经费", 3985.20, 142.60, 4127.80, 4101.33),
    ("日常公用经费", 318.40, -15.00, 303.40, 296.75),
    ("项目支出", 6631.60, 361.60, 6993.20, 6426.05),
    ("合计", 10935.20, 489.20, 11424.40, 10824.13),
]


def amount(v):
    """A cell as the exported table means it: "-" is 0, "1,234.50" is 1234.5."""
    if isinstance(v, str):
        v = v.strip()
        return 0.0 if v in ("-", "—", "－") else float(v.replace(",", ""))
    return float(v)


def check():
    """The tables agree with themselves (what a finance officer would reconcile before sending)."""
    for no, name, _src, init, adj, after, spent in PROJECTS:
        assert abs(amount(init) + amount(adj) - amount(after)) < 0.005, name
    for k, col in enumerate(("年初预算数", "调整金额", "调整后预算数", "支出数")):
        s = sum(amount(p[3 + k]) for p in PROJECTS)
        assert abs(s - PROJECT_TOTAL[1 + k]) < 0.005, (col, s, PROJECT_TOTAL[1 + k])
        assert abs(DEPARTMENT[2][1 + k] - PROJECT_TOTAL[1 + k]) < 0.005, col
        assert abs(sum(d[1 + k] for d in DEPARTMENT[:3]) - DEPARTMENT[3][1 + k]) < 0.005, col
    for name, init, adj, after, _spent in DEPARTMENT:
        assert abs(init + adj - after) < 0.005, name
