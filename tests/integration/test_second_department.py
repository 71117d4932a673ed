# -*- coding: utf-8 -*-
"""A second department, not derived from the seed (samples/health-department.ods and .xlsx, built by
samples/src/make_health_sample.py): 临河区卫生健康局 (fictional), 2023, 万元, scored by the built-in
指标体系 (the printed 评分标准) plus its own 绩效目标表. Filled in real headless LibreOffice with the
installed .oxt, from .ods and from .xlsx: every score, subtotal, total and grade equals the value
worked out by hand below (each with its arithmetic; each score rounded to 0.01 as the report prints,
the total the sum of the rounded scores). Then a consultant's frozen copy with planted mistakes
(samples/src/health_consultant.py) goes through `jixiao check`: exit 1, each mistake named 不一致
on the right indicator, the clean copy without a false alarm.

Data: samples/src/health_tables.py, health_basic_info.py, health_targets.py. Rules: the 评分标准 of
src/core/data/default-indicators.tsv; targets per docs/targets-table.md (比例 by default, 达标 → 0
when missed, ≤ targets target ÷ actual, 超额扣减 是 with the default bands of rules.hpp: ratio ≤ 1.5
→ 1, ≤ 2 → 0.9, ≤ 3 → 0.8, ≤ 4 → 0.7, ≤ 5 → 0.6, above → 0.5; 定性: 得分比例, else the top of the
grade's band, 达成 100%)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import harness
from harness import ROOT, SAMPLES, OfficeTestCase, assert_summary, find_row, working_copy
import office as O  # noqa: E402  (harness puts scripts/ on the path)

sys.path.insert(0, os.path.join(ROOT, "samples", "src"))
import health_consultant  # noqa: E402

HEALTH_ODS = os.path.join(SAMPLES, "health-department.ods")
HEALTH_XLSX = os.path.join(SAMPLES, "health-department.xlsx")
CLI = os.path.join(ROOT, "scripts", "jixiao")
L2W, NAME, WEIGHT, SCORE, EXPERT, L2S, L1S = 3, 4, 5, 8, 10, 12, 13

# ---- the hand-worked 附件1: (三级指标, 权重 after moves, 评分) in order ----
# 表2 部门支出 合计: 调整后预算数 11424.40, 支出数 10824.13. 表1 项目支出 (10 projects): 年初 6631.60, of which
# 家庭医生签约服务经费 "1,234.50" is text; 国家免疫规划疫苗接种经费's 调整金额 is "-" (0); project 9 was added
# mid-year (年初 0, 调整 +185.00, the 上级财政年中转移支付资金 185.00).
EXPECTED = [
    # 预算编制合理性: marks 1, 1, 0.5, 1 on {1;1;1;1}: 1 + 1 + 0.5 + 1 = 3.50
    ("预算编制合理性", 4, 3.50),
    # 预算完成率: 执行率 = 10824.13 / 11424.40 = 94.7457%; (0.947457 − 0.8) / 0.2 × 8 = 5.8983 → 5.90
    ("预算完成率", 8, 5.90),
    # 预算调整率: Σ|adj| without the mid-year project = 215.40 + 86.30 + 0 ("-") + 40.00 + 120.00 + 0 + 12.50 + 0
    # + 20.00 = 494.20; denominator Σ年初 + transfers = 6631.60 (incl. "1,234.50") + 185.00 = 6816.60;
    # rate = 494.20 / 6816.60 = 7.2499%; (1 − 0.072499) × 3 = 2.7825 → 2.78
    ("预算调整率", 3, 2.78),
    # 部门预算资金支出均衡性: mean(78.62%, 87.45%) = 83.035%; 0.83035 × 3 = 2.49105 → 2.49
    ("部门预算资金支出均衡性", 3, 2.49),
    # 政府采购执行率: 438.62 / 465.80 = 94.165% (≤ plan); 0.94165 × 1 = 0.94
    ("政府采购执行率", 1, 0.94),
    # 公用经费控制率: 三公 27.12 > 26.50 → 0; 日常公用经费 296.75 ≤ 303.40 → 1; 0 + 1 = 1.00
    ("公用经费控制率", 2, 1.00),
    # 部门分解资金监管情况: 存在资金分解 = 否 → not applicable: 0, its 1 point moves to 部门绩效运行监控开展情况
    ("部门分解资金监管情况", 0, 0.00),
    # 财务合规性: marks 1, 1, 0.5, 1 on {3;2;1;1}: 3 + 2 + 0.5 + 1 = 6.50
    ("财务合规性", 7, 6.50),
    # 管理制度健全及执行有效性: marks 1, 1, 0.75 on {1;1;2}: 1 + 1 + 1.5 = 3.50
    ("管理制度健全及执行有效性", 4, 3.50),
    # 绩效目标明确性: all four met: 4.00
    ("绩效目标明确性", 4, 4.00),
    # 绩效指标有效性: marks 1, 1, 1, 0.8: 3.80
    ("绩效指标有效性", 4, 3.80),
    # 部门绩效运行监控开展情况: weight 3 + 1 (moved) = 4; 88.60 / 100 × 4 = 3.544 → 3.54
    ("部门绩效运行监控开展情况", 4, 3.54),
    # 部门整体绩效自评情况: marks 1, 0.5, 1 on {1;1;1}: 2.50
    ("部门整体绩效自评情况", 3, 2.50),
    # 资产管理安全性: marks 1, 0.5, 1, 1 on {0.5;0.5;0.5;0.5}: 0.5 + 0.25 + 0.5 + 0.5 = 1.75
    ("资产管理安全性", 2, 1.75),
    # 固定资产利用率: 7480.15 / 8652.30 = 86.45%, in [80%, 90%) → 1 / 2 = 0.50
    ("固定资产利用率", 1, 0.50),
    # ---- 绩效目标表 ----
    # 老年人健康体检人次: ≥20000, actual 34100 → met, 3; 1.705× but 超额扣减 否 → no cut: 3.00
    ("老年人健康体检人次", 3, 3.00),
    # 健康教育讲座场次: ≥40场, 96 → met, 2; 96 / 40 = 2.4× ≤ 3 → factor 0.8 (超额扣减 是): 2 × 0.8 = 1.60
    ("健康教育讲座场次", 2, 1.60),
    # 社区卫生服务中心标准化建设达标数: ≥6个, 5, 评分方法 达标 → not met: 0.00
    ("社区卫生服务中心标准化建设达标数", 3, 0.00),
    # 适龄儿童免疫规划疫苗接种率: ≥９０％ (full width) = 90%, 96.8% → met (达标): 4.00
    ("适龄儿童免疫规划疫苗接种率", 4, 4.00),
    # 家庭医生签约率: ≥75%, 72.4% → not met, 比例: 0.724 / 0.75 × 4 = 3.8613 → 3.86
    ("家庭医生签约率", 4, 3.86),
    # 重点人群健康管理 (子项 2 + 2 + 2): 高血压 68.5% ≥ 65% → 2; 糖尿病 61.1% < 65% → 0.611 / 0.65 × 2 = 1.88;
    # 严重精神障碍 91.2% ≥ 85% → 2; ROUND(2 + 1.88 + 2) = 5.88
    ("重点人群健康管理", 6, 5.88),
    # 孕产妇死亡率: ≤10 (1/10万), 7.8 → met: 3.00
    ("孕产妇死亡率", 3, 3.00),
    # 法定传染病网络报告及时率: ≥95%, 99.2% → met: 3.00
    ("法定传染病网络报告及时率", 3, 3.00),
    # 院前急救平均反应时间: ≤12分钟, 13.5 → not met, 比例 on a ≤ target: 12 / 13.5 × 3 = 2.6667 → 2.67
    ("院前急救平均反应时间", 3, 2.67),
    # 居民健康素养水平: ≥30%, 32.6% → met: 3.00
    ("居民健康素养水平", 3, 3.00),
    # 医疗卫生服务能力: 定性, 完成等级 部分达成 (band 60–80%), 得分比例 75%: 5 × 0.75 = 3.75
    ("医疗卫生服务能力", 5, 3.75),
    # 突发公共卫生事件应急处置: 定性, 完成等级 达成, no ratio → top of the band, 100%: 4.00
    ("突发公共卫生事件应急处置", 4, 4.00),
    # 群众满意度: ≥90%, 92.3% → met: 4.00
    ("群众满意度", 4, 4.00),
    # 家庭医生签约居民满意度: ≥85%, 88.1% → met: 3.00
    ("家庭医生签约居民满意度", 3, 3.00),
]
# second level: weight, Σ rounded scores
SECOND_LEVEL = {
    # 33 − 1 (moved out) = 32; 3.50 + 5.90 + 2.78 + 2.49 + 0.94 + 1.00 + 0 + 6.50 + 3.50 = 26.61
    "预算资金管理": (32, 26.61),
    # 14 + 1 (moved in) = 15; 4.00 + 3.80 + 3.54 + 2.50 = 13.84
    "绩效管理情况": (15, 13.84),
    # 1.75 + 0.50 = 2.25
    "资产管理": (3, 2.25),
    # 3 + 2 + 3 = 8; 3.00 + 1.60 + 0.00 = 4.60
    "数量指标": (8, 4.60),
    # 4 + 4 + 6 + 3 = 17; 4.00 + 3.86 + 5.88 + 3.00 = 16.74
    "质量指标": (17, 16.74),
    # 3 + 3 = 6; 3.00 + 2.67 = 5.67
    "时效指标": (6, 5.67),
    # 3 + 5 + 4 = 12; 3.00 + 3.75 + 4.00 = 10.75
    "社会效益指标": (12, 10.75),
    # 4 + 3 = 7; 4.00 + 3.00 = 7.00
    "满意度指标": (7, 7.00),
}
FIRST_LEVEL = {
    # 26.61 + 13.84 + 2.25 = 42.70; 42.70 / 50 = 85.40%
    "财政管理情况评价": (50, 42.70, 0.8540),
    # 4.60 + 16.74 + 5.67 + 10.75 + 7.00 = 44.76; 44.76 / 50 = 89.52%
    "部门履职情况评价": (50, 44.76, 0.8952),
}
# 42.70 + 44.76 = 87.46 → 良 ([80, 90)); 87.46 / 100 = 87.46%
TOTAL, TOTAL_RATE, GRADE = 87.46, 0.8746, "良"


class FillHealth(OfficeTestCase):
    source = HEALTH_ODS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp, work = working_copy(cls.source, "jixiao-health-")
        cls.doc = cls.office.load(work)
        cls.result = O.run_job(cls.office, "org.jixiao.Fill", cls.doc)
        cls.doc.calculateAll()

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)
        shutil.rmtree(cls.tmp, ignore_errors=True)
        super().tearDownClass()

    def appendix(self):
        return self.doc.Sheets.getByName("附件1")

    def row(self, name):
        r = find_row(self.appendix(), NAME, name)
        self.assertIsNotNone(r, name)
        return r

    def test_fill_succeeds_and_the_tables_agree_with_themselves(self):
        self.assertEqual(self.result["Status"], "ok", self.result["Message"])
        self.assertEqual(self.result["Target"], "附件1")
        # "-" and "1,234.50" read as numbers: the 合计 row and 年初 + 调整 = 调整后 hold, nothing to report
        self.assertNotIn("数据核对", self.result["Message"])

    def test_every_score_weight_and_rounding(self):
        a = self.appendix()
        self.assertEqual([a.getCellByPosition(NAME, r).getString() for r in range(5, 5 + len(EXPECTED))],
                         [n for n, _, _ in EXPECTED])
        for name, weight, score in EXPECTED:
            r = self.row(name)
            cell = a.getCellByPosition(SCORE, r)
            self.assertEqual(cell.getError(), 0, "%s: %s" % (name, cell.getFormula()))
            self.assertAlmostEqual(cell.getValue(), score, places=9, msg=name)
            self.assertEqual(cell.getString(), "%.2f" % score, name)
            self.assertAlmostEqual(a.getCellByPosition(WEIGHT, r).getValue(), weight, places=9, msg=name + " 权重")
            self.assertTrue(cell.getFormula().startswith("=ROUND("), name)
            self.assertEqual(a.getCellByPosition(EXPERT, r).getError(), 0, name + " 专家意见")

    def test_subtotals_total_and_grade(self):
        a = self.appendix()
        total_row = find_row(a, 0, "合   计")
        self.assertAlmostEqual(a.getCellByPosition(SCORE, total_row).getValue(), TOTAL, places=9)
        self.assertAlmostEqual(a.getCellByPosition(11, total_row).getValue(), TOTAL_RATE, places=9)
        self.assertEqual(a.getCellByPosition(SCORE, find_row(a, 0, "评价等级")).getString(), GRADE)
        for name, (w, score) in SECOND_LEVEL.items():
            r = min(rr for rr in range(5, 60) if a.getCellByPosition(2, rr).getString() == name)
            self.assertAlmostEqual(a.getCellByPosition(L2W, r).getValue(), w, places=9, msg=name)
            self.assertAlmostEqual(a.getCellByPosition(L2S, r).getValue(), score, places=9, msg=name)
        for name, (w, score, _rate) in FIRST_LEVEL.items():
            r = find_row(a, 0, name)
            self.assertAlmostEqual(a.getCellByPosition(1, r).getValue(), w, places=9, msg=name)
            self.assertAlmostEqual(a.getCellByPosition(L1S, r).getValue(), score, places=9, msg=name)
        assert_summary(self, self.doc, FIRST_LEVEL, SECOND_LEVEL, TOTAL, TOTAL_RATE, GRADE)

    def test_not_applicable_indicator_scores_0_and_its_weight_moves(self):
        a = self.appendix()
        r = self.row("部门分解资金监管情况")
        self.assertEqual(a.getCellByPosition(SCORE, r).getValue(), 0)
        self.assertEqual(a.getCellByPosition(WEIGHT, r).getValue(), 0)
        self.assertIn("不存在资金分解", a.getCellByPosition(EXPERT, r).getString())
        m = self.row("部门绩效运行监控开展情况")
        self.assertEqual(a.getCellByPosition(WEIGHT, m).getValue(), 4)  # 3 + the moved 1
        self.assertIn("部门整体监控得分88.60分", a.getCellByPosition(EXPERT, m).getString())

    def test_expert_opinions_quote_the_figures(self):
        a = self.appendix()
        expect = {
            "预算完成率": ["区卫健局2023年度部门整体支出预算完成率为94.75%"],  # 10824.13 / 11424.40
            "政府采购执行率": ["政府采购执行率为94.16%"],  # 438.62 / 465.80
            "公用经费控制率": ["总额控制率102.34%", "日常公用经费控制率为97.81%"],  # 27.12 / 26.50; 296.75 / 303.40
            "固定资产利用率": ["固定资产利用率为86.45%"],  # 7480.15 / 8652.30
            "健康教育讲座场次": ["为指标值的2.40倍", "按超额倍数核减"],  # 96 / 40
            "老年人健康体检人次": ["不作超额扣减"],
            "院前急救平均反应时间": ["通行受阻"],
            "医疗卫生服务能力": ["按分值的75%计分"],
        }
        for name, texts in expect.items():
            cell = a.getCellByPosition(EXPERT, self.row(name))
            self.assertEqual(cell.getError(), 0, name)
            for text in texts:
                self.assertIn(text, cell.getString(), name)

    def test_adjustment_opinion_reads_dash_and_numeric_text(self):
        # 年初预算总数 = 6631.60 + 185.00 = 6816.60 (SUM would skip the text "1,234.50": 5582.10);
        # Σ|adj| without the mid-year project = 494.20 (ABS("-") is #VALUE!); rate 494.20 / 6816.60 = 7.25%
        cell = self.appendix().getCellByPosition(EXPERT, self.row("预算调整率"))
        self.assertEqual(cell.getError(), 0, cell.getFormula())
        text = cell.getString()
        for figure in ("项目年初预算总数为6816.60万元", "（不含年中新增项目）为494.20万元", "预算调整率为7.25%"):
            self.assertIn(figure, text)

    def test_target_opinion_shows_a_percentage_as_a_percentage(self):
        cell = self.appendix().getCellByPosition(EXPERT, self.row("适龄儿童免疫规划疫苗接种率"))
        self.assertIn("实际完成值96.80%", cell.getString())


class FillHealthXlsx(FillHealth):
    source = HEALTH_XLSX


class PerHundredThousand(OfficeTestCase):
    """A rate per 10万 as 绩效目标表 exports write it (孕产妇死亡率 ≤10/10万, 度量单位 1/10万)."""

    def fill_with(self, target, unit):
        tmp = tempfile.mkdtemp(prefix="jixiao-health-")
        self.addCleanup(shutil.rmtree, tmp, True)
        work = os.path.join(tmp, "input.ods")
        shutil.copyfile(HEALTH_ODS, work)
        doc = self.office.load(work)
        self.addCleanup(doc.close, True)
        g = doc.Sheets.getByName("绩效目标表")
        r = find_row(g, 2, "孕产妇死亡率")
        g.getCellByPosition(4, r).setString(target)
        g.getCellByPosition(5, r).setString(unit)
        return doc, r, O.run_job(self.office, "org.jixiao.Fill", doc)

    def test_unit_per_100000(self):
        for target, unit in (("≤10", "1/10万"), ("≤10/10万", ""), ("≤10/10万", "/10万")):
            with self.subTest(target=target, unit=unit):
                doc, _, res = self.fill_with(target, unit)
                self.assertEqual(res["Status"], "ok", res["Message"])
                doc.calculateAll()
                a = doc.Sheets.getByName("附件1")
                # 7.8 ≤ 10 (per 10万) → met: 3.00
                self.assertAlmostEqual(a.getCellByPosition(SCORE, find_row(a, NAME, "孕产妇死亡率")).getValue(), 3.0,
                                       places=9)

    def test_another_denominator_is_named_not_converted(self):
        doc, r, res = self.fill_with("≤10/10万", "1/万")
        self.assertNotEqual(res["Status"], "ok")
        self.assertIn("绩效目标表", res["Message"])
        self.assertIn("E%d" % (r + 1), res["Message"])
        self.assertIn("不一致", res["Message"])
        self.assertNotIn("附件1", [doc.Sheets.getByIndex(i).Name for i in range(doc.Sheets.Count)])


class CheckHealth(OfficeTestCase):
    """A consultant's frozen copy (clean, and with health_consultant.PLANTED) through `jixiao check`."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix="jixiao-health-check-")
        src = os.path.join(cls.tmp, "source.ods")
        shutil.copyfile(HEALTH_ODS, src)
        folder = os.path.join(cls.tmp, "in")
        os.makedirs(folder)
        health_consultant.build(cls.office, src, os.path.join(folder, "clean.ods"), {})
        health_consultant.build(cls.office, src, os.path.join(folder, "planted.ods"))
        health_consultant.build(cls.office, src, os.path.join(folder, "planted-excel.xlsx"))
        env = dict(os.environ, JIXIAO_PROFILE=os.path.join(cls.tmp, "profile"), LANG="zh_CN.UTF-8", LC_ALL="")
        # the .oxt this build made (ctest sets it; else next to the build's test profile)
        env.setdefault("JIXIAO_OXT", os.path.join(os.path.dirname(harness.template_profile()), "jixiao.oxt"))
        cls.cli = subprocess.run([CLI, "check", folder, "--json", os.path.join(cls.tmp, "r.json")], env=env,
                                 capture_output=True, text=True, timeout=600)
        with open(os.path.join(cls.tmp, "r.json"), encoding="utf-8") as fh:
            cls.report = {os.path.basename(r["file"]): r for r in json.load(fh)}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)
        super().tearDownClass()

    def findings(self, file):
        return {f["subject"]: (f["verdict"], f["explanation"]) for f in self.report[file]["findings"]}

    def differing(self, file):
        return {k: v for k, v in self.findings(file).items() if v[0] == "不一致"}

    def test_exit_code_1_when_any_differs(self):
        self.assertEqual(self.cli.returncode, 1, self.cli.stdout + self.cli.stderr)
        self.assertEqual(self.report["clean.ods"]["status"], "ok", self.report["clean.ods"]["message"])
        self.assertEqual(self.report["planted.ods"]["status"], "differ")
        self.assertEqual(self.report["planted-excel.xlsx"]["status"], "differ")

    def test_clean_copy_has_no_false_alarm(self):
        f = self.findings("clean.ods")
        self.assertEqual(self.differing("clean.ods"), {}, "false alarm on the clean copy")
        for name in ("预算完成率", "预算调整率", "部门预算资金支出均衡性", "政府采购执行率", "固定资产利用率",
                     "突发公共卫生事件应急处置", "孕产妇死亡率", "部门分解资金监管情况"):
            self.assertEqual(f[name][0], "一致", (name, f[name]))
        # the evaluator's recorded judgments are listed with their reasons, not flagged
        for name, needle in (("医疗卫生服务能力", "得分比例 75%"), ("健康教育讲座场次", "按超额倍数核减"),
                             ("老年人健康体检人次", "免于超额核减"), ("预算编制合理性", "酌情扣0.5分")):
            self.assertEqual(f[name][0], "需人工判断", (name, f[name]))
            self.assertIn(needle, f[name][1], name)

    def test_each_planted_mistake_is_named(self):
        for file in ("planted.ods", "planted-excel.xlsx"):
            d = self.differing(file)
            self.assertEqual(set(d), {"预算完成率", "预算调整率", "部门预算资金支出均衡性", "突发公共卫生事件应急处置"},
                             (file, d))
            # the slip: printed 5.83, recomputed 5.90 (10824.13 / 11424.40 = 94.75%)
            self.assertIn("所印5.83分，按数据重算为5.90分", d["预算完成率"][1])
            self.assertIn("疑为计算错误", d["预算完成率"][1])
            # the swapped pair: each names the other
            self.assertIn("所印2.49分，按数据重算为2.78分", d["预算调整率"][1])
            self.assertIn("与「部门预算资金支出均衡性」的得分疑似对调", d["预算调整率"][1])
            self.assertIn("所印2.78分，按数据重算为2.49分", d["部门预算资金支出均衡性"][1])
            self.assertIn("与「预算调整率」的得分疑似对调", d["部门预算资金支出均衡性"][1])
            # the score contradicting the recorded 完成等级 达成 (4 × 100% = 4.00)
            self.assertIn("所印3.20分，按数据重算为4.00分", d["突发公共卫生事件应急处置"][1])
            # the consultant's own sums follow the typed scores: no arithmetic finding
            self.assertNotIn("合计", d)
            self.assertNotIn("等级", d)


if __name__ == "__main__":
    unittest.main(verbosity=2)
