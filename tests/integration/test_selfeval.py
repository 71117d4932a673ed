# -*- coding: utf-8 -*-
"""The national 项目支出绩效自评表 in real headless LibreOffice with the built .oxt: the job
org.jixiao.SelfEval (and the menu's dispatch URL org.jixiao.calc:selfeval, the job alias
JixiaoSelfEval, and `jixiao selfeval`) on a workbook with a 项目资金表 and a 绩效指标表 typed in
over UNO: one form per project and 自评汇总, every 得分 a live formula equal to the value worked out
by hand from the rules (执行率 = 全年执行数 ÷ 全年预算数 × 10, capped at 10; met → 分值; not met →
实际 ÷ 指标值 × 分值, 指标值 ÷ 实际 for ≤; 定性: the top of the grade's band, 达成 100%; each score
rounded to 0.01; 总分 = the sum of the rounded scores); one undo step; a rerun replaces its own
sheets; bad input is named by sheet and cell and nothing is written; PDF one form per page."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import harness
import office as O  # noqa: E402  (harness puts scripts/ on the path)
from harness import ROOT, OfficeTestCase, find_row
import selfeval_expected as X  # noqa: E402  (tests/integration is on the path)

CLI = os.path.join(ROOT, "scripts", "jixiao")
OXT = os.environ.get("JIXIAO_OXT") or os.path.join(ROOT, "build", "jixiao.oxt")

FUNDS = [
    ("项目名称", "主管部门", "实施单位", "年初预算数", "全年预算数", "全年执行数", "年度总体目标", "实际完成情况"),
    ("道路养护项目", "交通运输局", "公路养护中心", 100, 120, 132, "完成20个路段养护", "完成22个路段"),
    ("其中：当年财政拨款", None, None, 100, 110, 120, None, None),
    ("上年结转资金", None, None, None, 10, 12, None, None),
    ("培训项目", "人社局", "职业培训中心", 50, 50, 43.1, "举办培训5场", "举办4场"),
    ("信息化平台/运维:二期", "数据局", "信息中心", 80, 80, 80, None, None),
]
INDICATORS = [
    ("项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "度量单位", "实际完成值", "分值", "完成等级", "得分比例",
     "偏差原因分析及改进措施"),
    ("道路养护项目", "产出指标", "数量指标", "养护路段数", "≥20个", "个", 22, 30),
    (None, None, "质量指标", "验收合格率", "≥95%", "%", 0.98, 20),
    (None, None, "时效指标", "完成时限", "≤30天", "天", 36, 10, None, None, "雨季延误工期"),
    (None, "效益指标", "社会效益指标", "道路通行条件", "有效提升", None, None, 20, "达成"),
    (None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "%", 0.92, 10),
    ("培训项目", "产出指标", "数量指标", "培训场次", "不少于5场", "场", 4, 30),
    (None, None, "质量指标", "培训合格率", "≥90", "%", "95%", 20),  # the unit only in 度量单位
    (None, "效益指标", "社会效益指标", "就业能力", "有效提升", None, None, 30),
    (None, "满意度指标", "服务对象满意度指标", "学员满意度", "≥85%", "%", 0.9, 10),
    ("信息化平台/运维:二期", "产出指标", "数量指标", "上线模块数", "＝12个", "个", 12, 40),
    (None, "效益指标", "可持续影响指标", "系统可用率", "≥99%", "%", 0.995, 40),
    (None, "满意度指标", "服务对象满意度指标", "用户满意度", "≥90%", "%", 0.88, 10, None, None, "调查样本偏少"),
]

# Hand-worked, per form: (sheet, 执行率, 执行率得分, [indicator scores in order], 总分, 等级)
EXPECTED = [
    # 132 ÷ 120 = 110% → capped at 100% → 10.00;
    # 养护路段数 22 ≥ 20 → 30; 验收合格率 98% ≥ 95% → 20; 完成时限 ≤30天, 36: 30 ÷ 36 × 10 = 8.333 → 8.33;
    # 道路通行条件 定性 达成 → 100% × 20 = 20; 群众满意度 92% ≥ 90% → 10;
    # 总分 10 + 30 + 20 + 8.33 + 20 + 10 = 98.33 → 优
    ("道路养护项目", 1.10, 10.00, [30.00, 20.00, 8.33, 20.00, 10.00], 98.33, "优"),
    # 43.1 ÷ 50 = 86.20% → 8.62; 培训场次 4 of 5: 4 ÷ 5 × 30 = 24; 培训合格率 "95%" ≥ 90% → 20;
    # 就业能力 定性 without grade → 待评价 (not counted); 学员满意度 90% ≥ 85% → 10;
    # 总分 8.62 + 24 + 20 + 10 = 62.62 → 中
    ("培训项目", 0.862, 8.62, [24.00, 20.00, "待评价", 10.00], 62.62, "中"),
    # 80 ÷ 80 = 100% → 10; 上线模块数 ＝12个, 12 → 40; 系统可用率 99.5% ≥ 99% → 40;
    # 用户满意度 88% of 90%: 0.88 ÷ 0.90 × 10 = 9.777… → 9.78; 总分 10 + 40 + 40 + 9.78 = 99.78 → 优
    ("信息化平台＿运维＿二期", 1.00, 10.00, [40.00, 40.00, 9.78], 99.78, "优"),
]


def put(sheet, rows):
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is None:
                continue
            cell = sheet.getCellByPosition(c, r)
            if isinstance(v, str):
                cell.setString(v)
            else:
                cell.setValue(v)


def make_book(office, funds=FUNDS, indicators=INDICATORS, hidden=True):
    doc = office.new_calc() if hidden else office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
    s = doc.Sheets.getByIndex(0)
    s.Name = "项目资金表"
    put(s, funds)
    doc.Sheets.insertNewByName("绩效指标表", 1)
    put(doc.Sheets.getByName("绩效指标表"), indicators)
    return doc


def run(office, doc):
    return O.run_job(office, "org.jixiao.SelfEval", doc, "zh")


def sheet_values(doc):
    out = {}
    for name in doc.Sheets.ElementNames:
        s = doc.Sheets.getByName(name)
        out[name] = s.getCellRangeByPosition(0, 0, 11, 20).getDataArray()
    return out


def form_rows(sheet):
    """(funds row, first indicator row, total row) of a form, found by their labels."""
    funds = find_row(sheet, 1, "年度资金总额")
    header = find_row(sheet, 1, "一级指标")
    total = find_row(sheet, 0, "总分")
    return funds, header + 1, total


class SelfEvalJob(OfficeTestCase):
    def setUp(self):
        self.doc = make_book(self.office)

    def tearDown(self):
        self.doc.close(True)

    def test_every_score_as_worked_out_by_hand(self):
        res = run(self.office, self.doc)
        self.assertEqual(res["Status"], "ok", res["Message"])
        self.assertEqual(list(res["Sheets"]), [e[0] for e in EXPECTED])
        self.assertEqual(res["Target"], "自评汇总")
        self.doc.calculateAll()
        for name, rate, rate_score, scores, total, grade in EXPECTED:
            f = self.doc.Sheets.getByName(name)
            fr, first, tr = form_rows(f)
            self.assertAlmostEqual(f.getCellByPosition(6, fr).getValue(), rate, places=9, msg=name)
            self.assertAlmostEqual(f.getCellByPosition(7, fr).getValue(), rate_score, places=9, msg=name)
            self.assertEqual(tr - first, len(scores), name)
            for k, want in enumerate(scores):
                cell = f.getCellByPosition(7, first + k)
                self.assertTrue(cell.getFormula().startswith("="), (name, k))
                if isinstance(want, str):
                    self.assertEqual(cell.getString(), want, (name, k))
                else:
                    self.assertEqual(cell.getError(), 0, (name, k, cell.getFormula()))
                    self.assertAlmostEqual(cell.getValue(), want, places=9, msg=(name, k))
            self.assertAlmostEqual(f.getCellByPosition(7, tr).getValue(), total, places=9, msg=name)
            self.assertAlmostEqual(f.getCellByPosition(6, tr).getValue(), 100, places=9, msg=name)  # 10 + Σ分值
        s = self.doc.Sheets.getByName("自评汇总")
        for k, (name, rate, rate_score, scores, total, grade) in enumerate(EXPECTED):
            self.assertAlmostEqual(s.getCellByPosition(5, k + 1).getValue(), rate_score, places=9)
            self.assertAlmostEqual(s.getCellByPosition(6, k + 1).getValue(), total, places=9)
            self.assertEqual(s.getCellByPosition(7, k + 1).getString(), grade)
        attention = s.getCellByPosition(8, 2).getString()
        self.assertIn("「培训场次」未达成目标且未填偏差原因", attention)
        self.assertIn("「就业能力」定性得分待评价", attention)
        self.assertEqual(s.getCellByPosition(8, 1).getString(), "")  # 完成时限 missed but gives its reason
        self.assertIn("需关注", res["Message"])
        self.assertIn("K7", res["Message"])  # the empty 偏差原因 cell of 培训场次

    def test_the_forms_written_pass_their_own_review(self):
        self.assertEqual(run(self.office, self.doc)["Status"], "ok")
        self.doc.calculateAll()
        t = self.doc.Sheets.getByName("培训项目")
        fr, first, tr = form_rows(t)
        self.assertEqual(t.getCellByPosition(4, first + 1).getString(), "≥90%")  # 指标值 ≥90 + 度量单位 %
        chk = O.run_job(self.office, "org.jixiao.Check", self.doc, "zh")
        differ = {r[0] for r in chk["Findings"] if r[1] == "不一致"}
        # only the missed target without a reason (培训场次: 4 of 5 场, no 偏差原因)
        self.assertEqual(differ, {"「培训项目」培训场次（偏差原因）"})
        judged = {r[0] for r in chk["Findings"] if r[1] == "需人工判断"}
        self.assertEqual(judged, {"「道路养护项目」道路通行条件", "「培训项目」就业能力"})  # the two 定性 rows

    def test_funding_sources_shown_and_scores_live(self):
        self.assertEqual(run(self.office, self.doc)["Status"], "ok")
        self.doc.calculateAll()
        f = self.doc.Sheets.getByName("道路养护项目")
        fr, first, tr = form_rows(f)
        self.assertEqual(f.getCellByPosition(1, fr + 1).getString(), "其中：当年财政拨款")
        self.assertAlmostEqual(f.getCellByPosition(4, fr + 1).getValue(), 120, places=9)
        self.assertAlmostEqual(f.getCellByPosition(4, fr + 2).getValue(), 12, places=9)
        self.assertEqual(f.getCellByPosition(2, fr + 2).getString(), "")  # 上年结转 年初 left blank
        # the evaluator judges 就业能力 部分达成: 80% × 30 = 24 → 培训项目 62.62 + 24 = 86.62 → 良
        self.doc.Sheets.getByName("绩效指标表").getCellByPosition(8, 8).setString("部分达成")
        self.doc.calculateAll()
        t = self.doc.Sheets.getByName("培训项目")
        fr, first, tr = form_rows(t)
        self.assertAlmostEqual(t.getCellByPosition(7, first + 2).getValue(), 24, places=9)
        self.assertAlmostEqual(t.getCellByPosition(7, tr).getValue(), 86.62, places=9)
        self.assertEqual(self.doc.Sheets.getByName("自评汇总").getCellByPosition(7, 2).getString(), "良")
        # 全年执行数 of 培训项目 45 of 50: 90% → 9.00 → 87.00
        self.doc.Sheets.getByName("项目资金表").getCellByPosition(5, 4).setValue(45)
        self.doc.calculateAll()
        self.assertAlmostEqual(t.getCellByPosition(7, fr).getValue(), 9.0, places=9)
        self.assertAlmostEqual(t.getCellByPosition(7, tr).getValue(), 87.0, places=9)

    def test_a_rerun_replaces_its_own_sheets(self):
        self.assertEqual(run(self.office, self.doc)["Status"], "ok")
        names = list(self.doc.Sheets.ElementNames)
        again = run(self.office, self.doc)
        self.assertEqual(again["Status"], "ok", again["Message"])
        self.assertEqual(list(self.doc.Sheets.ElementNames), names)

    def test_bad_input_is_named_and_nothing_written(self):
        s = self.doc.Sheets.getByName("项目资金表")
        s.getCellByPosition(4, 4).setString("五十")         # 培训项目 全年预算数 as text
        g = self.doc.Sheets.getByName("绩效指标表")
        g.getCellByPosition(4, 2).setString("95%-100%")     # a range target
        g.getCellByPosition(7, 12).setValue(5)              # 用户满意度 分值 10 → 5: weights 95
        names = list(self.doc.Sheets.ElementNames)
        res = run(self.office, self.doc)
        self.assertEqual(res["Status"], "error")
        for needle in ("未写入任何内容", "项目资金表", "E5", "五十", "绩效指标表", "E3", "95%-100%", "信息化平台/运维:二期", "95"):
            self.assertIn(needle, res["Message"])
        self.assertNotIn("/tmp", res["Message"])
        # the unreadable 指标值 row still counts its 分值: no derived weights message for 道路养护项目
        self.assertNotIn("道路养护项目", res["Message"])
        self.assertEqual(list(self.doc.Sheets.ElementNames), names)

    def test_missing_sheets_named(self):
        self.doc.Sheets.removeByName("绩效指标表")
        res = run(self.office, self.doc)
        self.assertEqual(res["Status"], "error")
        self.assertIn("绩效指标表", res["Message"])
        self.assertIn("三级指标", res["Message"])


class SampleDepartment(OfficeTestCase):
    """samples/selfeval-department.ods/.xlsx (临河区农业农村局, 10 projects): every 执行率, score, 总分,
    等级 and 需关注 as worked out by hand in selfeval_expected.PROJECTS."""

    def check_sample(self, path):
        tmp, work = harness.working_copy(path)
        try:
            doc = self.office.load(work)
            try:
                res = run(self.office, doc)
                self.assertEqual(res["Status"], "ok", res["Message"])
                doc.calculateAll()
                self.assertEqual(len(res["Sheets"]), len(X.PROJECTS))
                summary = doc.Sheets.getByName("自评汇总")
                for k, (p, name) in enumerate(zip(X.PROJECTS, res["Sheets"])):
                    f = doc.Sheets.getByName(name)
                    fr, first, tr = form_rows(f)
                    self.assertEqual(f.getCellByPosition(1, 1).getString(), p["name"])
                    self.assertAlmostEqual(f.getCellByPosition(6, fr).getValue(), p["rate"], delta=1e-6, msg=name)
                    self.assertAlmostEqual(f.getCellByPosition(7, fr).getValue(), p["rate_score"], places=9, msg=name)
                    for j, (label, weight, score) in enumerate(p["indicators"]):
                        self.assertEqual(f.getCellByPosition(3, first + j).getString(), label)
                        self.assertAlmostEqual(f.getCellByPosition(6, first + j).getValue(), weight, places=9)
                        cell = f.getCellByPosition(7, first + j)
                        if score is None:
                            self.assertEqual(cell.getString(), "待评价", (name, label))
                        else:
                            self.assertAlmostEqual(cell.getValue(), score, places=9, msg=(name, label))
                    self.assertEqual(tr - first, len(p["indicators"]), name)
                    self.assertAlmostEqual(f.getCellByPosition(7, tr).getValue(), p["total"], places=9, msg=name)
                    for j, (label, initial, budget, actual) in enumerate(p.get("sources") or ()):
                        row = fr + 1 + ("当年财政拨款", "上年结转资金", "其他资金").index(label)
                        for col, v in ((2, initial), (3, budget), (4, actual)):
                            self.assertAlmostEqual(f.getCellByPosition(col, row).getValue(), v, places=9)
                    self.assertAlmostEqual(summary.getCellByPosition(6, k + 1).getValue(), p["total"], places=9)
                    self.assertEqual(summary.getCellByPosition(7, k + 1).getString(), p["grade"], name)
                    self.assertEqual(summary.getCellByPosition(8, k + 1).getString(), p["summary_attention"], name)
                # the department's own forms reviewed: every figure 一致; 不一致 only where the input
                # itself lacks a 偏差原因 for a missed target (the same items 自评汇总 lists as 需关注)
                chk = O.run_job(self.office, "org.jixiao.Check", doc, "zh")
                differ = {row[0] for row in chk["Findings"] if row[1] == "不一致"}
                no_reason = {"「%s」%s（偏差原因）" % (p["name"], label)
                             for p in X.PROJECTS for kind, label in p["attention"] if kind == "无偏差原因"}
                self.assertTrue(no_reason)
                self.assertEqual(differ, no_reason)
                self.assertEqual(chk["Status"], "differ", chk["Message"])
                self.assertIn("复核结果", doc.Sheets.ElementNames)
            finally:
                doc.close(True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_ods(self):
        self.check_sample(os.path.join(harness.SAMPLES, "selfeval-department.ods"))

    def test_xlsx(self):
        self.check_sample(os.path.join(harness.SAMPLES, "selfeval-department.xlsx"))


class ReviewOfAFilledCopy(OfficeTestCase):
    """samples/selfeval-department-filled.ods/.xlsx: the forms typed by hand with seven planted slips
    (selfeval_expected.PLANTED). The check finds each slip as 不一致 on its form and subject, and
    flags nothing else 不一致 (定性 scores inside their band are 需人工判断, not slips)."""

    # the subjects (检查项) each planted kind is reported under, besides the 总分 it carries into
    SUBJECTS = {
        "arithmetic": ["预算执行率"],
        "total_not_sum": [],
        "missed_target_full_marks": None,  # the indicator itself
        "funds_total_blank": ["年度资金总额"],
        "score_blank": None,
        "rate_over_initial": ["执行率", "预算执行率"],
        "missing_reason": "reason",
    }

    def review(self, path):
        tmp, work = harness.working_copy(path)
        try:
            doc = self.office.load(work)
            try:
                with open(work, "rb") as fh:
                    before = fh.read()
                res = O.run_job(self.office, "org.jixiao.Check", doc, "zh")
                self.assertEqual(res["Status"], "differ", res["Message"])
                self.assertIn("复核", res["Message"])
                self.assertIn("复核结果", doc.Sheets.ElementNames)
                differ = {r[0] for r in res["Findings"] if r[1] == "不一致"}
                expected = set()
                for sheet, subject, printed, correct, kind, cell in X.PLANTED:
                    subjects = self.SUBJECTS[kind]
                    if subjects is None:
                        subjects = [subject]
                    elif subjects == "reason":
                        subjects = [subject + "（偏差原因）"]
                    for sub in subjects + ["总分"] * (X.FILLED_TOTALS[sheet] != next(
                            p["total"] for p in X.PROJECTS if p["name"] == sheet) or kind == "score_blank"):
                        expected.add("「%s」%s" % (sheet, sub))
                self.assertEqual(differ, expected)
                # the form of a 定性 score inside its band: 需人工判断, not 不一致
                for sheet, subject, printed, note in X.FILLED_NOT_SLIPS:
                    rows = [r for r in res["Findings"] if r[0] == "「%s」%s" % (sheet, subject)]
                    self.assertTrue(rows, subject)
                    self.assertEqual({r[1] for r in rows}, {"需人工判断"}, rows)
                # the slips' recomputed figures
                by_subject = {r[0]: r for r in res["Findings"]}
                self.assertEqual(by_subject["「农业技术推广与农民培训项目」预算执行率"][3], "8.62")
                self.assertEqual(by_subject["「农产品质量安全监管与检测项目」政府采购执行率"][3], "7.27")
                self.assertEqual(by_subject["「农村人居环境整治提升项目」开展村庄清洁行动行政村数"][2], "")  # 未填, not 0
                self.assertIn("未填", by_subject["「农村人居环境整治提升项目」开展村庄清洁行动行政村数"][4])
                self.assertIn("年初预算数", by_subject["「2025年高标准农田建设项目」预算执行率"][4])
                self.assertEqual(by_subject["「2025年高标准农田建设项目」预算执行率"][3], "9.56")
                # the slip's cell is coloured and annotated in the form (planted cell H6)
                h6 = doc.Sheets.getByName("农业技术推广与农民培训项目").getCellRangeByName("H6")
                self.assertEqual(h6.CellBackColor, 0xFFC7CE)
                self.assertIn("Jixiao 复核（不一致）", h6.Annotation.String)
                self.assertAlmostEqual(h6.getValue(), 9.0, places=9)  # the printed value is kept
                with open(work, "rb") as fh:
                    self.assertEqual(fh.read(), before)  # nothing saved over the source
            finally:
                doc.close(True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_ods(self):
        self.review(os.path.join(harness.SAMPLES, "selfeval-department-filled.ods"))

    def test_xlsx(self):
        self.review(os.path.join(harness.SAMPLES, "selfeval-department-filled.xlsx"))


class SelfEvalWithAView(OfficeTestCase):
    def test_one_undo_step_and_the_dispatch_urls(self):
        for url in ("org.jixiao.calc:selfeval", "vnd.sun.star.job:alias=JixiaoSelfEval"):
            # a document with a view, as a person has it (see test_fill's undo test)
            doc = make_book(self.office, hidden=False)
            try:
                before = sheet_values(doc)
                helper = self.office.create("com.sun.star.frame.DispatchHelper")
                helper.executeDispatch(doc.CurrentController.Frame, url, "", 0, ())
                doc.calculateAll()
                self.assertIn("自评汇总", doc.Sheets.ElementNames, url)
                self.assertAlmostEqual(doc.Sheets.getByName("自评汇总").getCellByPosition(6, 1).getValue(), 98.33,
                                       places=9)
                doc.UndoManager.undo()
                self.assertEqual(sheet_values(doc), before, url)
            finally:
                doc.close(True)


class SelfEvalCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="jixiao-selfeval-")
        cls.env = dict(os.environ, JIXIAO_OXT=OXT, JIXIAO_PROFILE=os.path.join(cls.tmp, "profile"),
                       LANG="zh_CN.UTF-8")
        cls.src = os.path.join(cls.tmp, "项目.ods")
        prof = O.copy_profile(harness.template_profile())
        try:
            with O.Office(prof) as office:
                doc = make_book(office)
                doc.storeToURL(O.file_url(cls.src), O.props(FilterName="calc8"))
                doc.close(True)
        finally:
            shutil.rmtree(prof, ignore_errors=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def cli(self, *args):
        return subprocess.run(["/usr/bin/python3", CLI, *args], env=self.env, capture_output=True, text=True,
                              timeout=300)

    def test_pdf_one_form_per_page_and_xlsx(self):
        with open(self.src, "rb") as fh:
            original = fh.read()
        pdf = os.path.join(self.tmp, "自评表.pdf")
        p = self.cli("selfeval", self.src, "-o", pdf)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("98.33", p.stdout)
        self.assertIn("已写入", p.stdout)
        with open(pdf, "rb") as fh:
            data = fh.read()
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
        self.assertEqual(pages, len(EXPECTED) + 1)  # a form per page, then 自评汇总
        xlsx = os.path.join(self.tmp, "自评表.xlsx")
        p = self.cli("selfeval", self.src, "-o", xlsx)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(os.path.getsize(xlsx) > 0)
        with open(self.src, "rb") as fh:
            self.assertEqual(fh.read(), original)  # the input is never changed

    def test_bad_input_exit_1_and_unreadable_exit_2(self):
        p = self.cli("selfeval", os.path.join(self.tmp, "nope.ods"))
        self.assertEqual(p.returncode, 2)
        self.assertIn("文件不存在", p.stderr)
        empty = os.path.join(self.tmp, "empty.ods")
        prof = O.copy_profile(harness.template_profile())
        try:
            with O.Office(prof) as office:
                doc = office.new_calc()
                doc.storeToURL(O.file_url(empty), O.props(FilterName="calc8"))
                doc.close(True)
        finally:
            shutil.rmtree(prof, ignore_errors=True)
        p = self.cli("selfeval", empty, "-o", os.path.join(self.tmp, "x.ods"))
        self.assertEqual(p.returncode, 1)
        self.assertIn("项目资金表", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.ods")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
