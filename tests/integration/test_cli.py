# -*- coding: utf-8 -*-
"""The headless CLI: `jixiao fill INPUT -o OUTPUT` for .ods, .xlsx and .pdf, and its exit codes
(1 inputs missing, 2 input unreadable)."""
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

import harness
from harness import ROOT, SAMPLES

CLI = os.path.join(ROOT, "scripts", "jixiao")


class Cli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="jixiao-cli-")
        cls.env = dict(os.environ, JIXIAO_PROFILE=os.path.join(cls.tmp, "profile"), LANG="zh_CN.UTF-8", LC_ALL="")
        harness.template_profile()  # skip outside ctest

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_cli(self, *args):
        return subprocess.run([CLI, *args], env=self.env, capture_output=True, text=True, timeout=300)

    def test_fill_to_ods_xlsx_pdf(self):
        src = os.path.join(SAMPLES, "seed-department.ods")
        before = open(src, "rb").read()
        for ext in ("ods", "xlsx", "pdf"):
            out = os.path.join(self.tmp, "filled." + ext)
            p = self.run_cli("fill", src, "-o", out)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("88.48", p.stdout)
            self.assertTrue(os.path.getsize(out) > 1000)
        self.assertEqual(open(src, "rb").read(), before, "the input file changed")
        with zipfile.ZipFile(os.path.join(self.tmp, "filled.xlsx")) as z:
            self.assertTrue(any("ORG.JIXIAO.FUNCTIONS." in z.read(n).decode("utf-8", "ignore")
                                for n in z.namelist() if n.startswith("xl/worksheets/")))
        info = subprocess.run(["pdfinfo", os.path.join(self.tmp, "filled.pdf")], capture_output=True, text=True)
        size = [l for l in info.stdout.splitlines() if l.startswith("Page size")][0].split()
        self.assertGreater(float(size[2]), float(size[4]), "附件1 PDF is not landscape")
        text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", os.path.join(self.tmp, "filled.pdf"), "-"],
                              capture_output=True, text=True).stdout
        for head in ("评分标准", "专家意见", "得分率"):  # the full width on the first page
            self.assertIn(head, text)

    def test_missing_inputs_exit_1(self):
        src = os.path.join(SAMPLES, "appendix1-template.ods")  # 附件1 and 指标体系 only, no data
        p = self.run_cli("fill", src, "-o", os.path.join(self.tmp, "x.ods"))
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("基础信息表", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.ods")))

    def test_unreadable_input_exit_2(self):
        bad = os.path.join(self.tmp, "not-a-workbook.ods")
        with open(bad, "wb") as f:
            f.write(b"\x00\x01garbage" * 100)
        p = self.run_cli("fill", bad, "-o", os.path.join(self.tmp, "y.ods"))
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        p = self.run_cli("fill", os.path.join(self.tmp, "nope.ods"))
        self.assertEqual(p.returncode, 2)
        self.assertIn("文件不存在", p.stderr)

    def test_four_runs_at_once_share_nothing(self):
        """A bureau batch-filling with xargs -P: four runs started together on one JIXIAO_PROFILE each
        get an office of their own, and every output is complete."""
        src = os.path.join(SAMPLES, "seed-department.ods")
        self.run_cli("fill", src, "-o", os.path.join(self.tmp, "warm.ods"))  # the profile prepared once
        outs = [os.path.join(self.tmp, "batch-%d.ods" % i) for i in range(4)]
        procs = [subprocess.Popen([CLI, "fill", src, "-o", out], env=self.env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for out in outs]
        for p, out in zip(procs, outs):
            stdout, stderr = p.communicate(timeout=600)
            self.assertEqual(p.returncode, 0, stdout + stderr)
            self.assertIn("88.48", stdout)
            self.assertNotIn("disposed", stderr)
            self.assertGreater(os.path.getsize(out), 1000)

    def test_batch_fill_in_one_office(self):
        """`fill FOLDER -o DIR`: every workbook of the folder filled in one run, each written as
        NAME-filled.ods (the folder made if need be); a damaged one and one without data are reported by name and do not stop the
        others; the exit status is the worst; the inputs are unchanged; a second run beside the inputs
        does not take the first run's outputs (NAME-filled.*) for inputs."""
        d = os.path.join(self.tmp, "部门们")
        out = os.path.join(self.tmp, "填好的", "2024")  # made by the run
        os.makedirs(d)
        shutil.copyfile(os.path.join(SAMPLES, "seed-department.ods"), os.path.join(d, "甲局.ods"))
        shutil.copyfile(os.path.join(SAMPLES, "appendix1-template.ods"), os.path.join(d, "乙局.ods"))
        with open(os.path.join(d, "丙局.xlsx"), "wb") as f:
            f.write(b"PK\x03\x04 not really a workbook" * 50)
        shutil.copyfile(os.path.join(SAMPLES, "health-department.ods"), os.path.join(d, "丁局.ods"))

        def contents():
            out = {}
            for n in os.listdir(d):
                with open(os.path.join(d, n), "rb") as f:
                    out[n] = f.read()
            return out
        before = contents()
        p = self.run_cli("fill", d, "-o", out)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertEqual(sorted(os.listdir(out)), ["丁局-filled.ods", "甲局-filled.ods"])
        self.assertEqual(p.stdout.count("88.48"), 1, p.stdout)  # 甲局; 丁局 is another department
        self.assertIn("乙局.ods", p.stdout + p.stderr)
        self.assertIn("基础信息表", p.stderr)
        self.assertIn("丙局.xlsx", p.stderr)
        self.assertIn("共 4 个工作簿：已填写 2，缺少数据 1，无法读取 1", p.stdout)
        self.assertNotIn("Traceback", p.stdout + p.stderr)
        self.assertEqual(contents(), before)
        # beside the inputs, twice: the second run fills the same four, not the first run's outputs
        for _ in range(2):
            p = self.run_cli("fill", d)
            self.assertIn("共 4 个工作簿", p.stdout)
        self.assertEqual(sorted(n for n in os.listdir(d) if "-filled" in n), ["丁局-filled.ods", "甲局-filled.ods"])
        # a file as the output of several workbooks is refused before anything is done
        p = self.run_cli("fill", os.path.join(d, "甲局.ods"), os.path.join(d, "丁局.ods"), "-o", os.path.join(self.tmp, "x.ods"))
        self.assertEqual(p.returncode, 2)
        self.assertIn("文件夹", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.ods")))

    def test_portable_outputs(self):
        """fill and check with --portable: the .xlsx they write names no Jixiao function; --portable
        on check without -o is refused (exit 2) with a message saying why."""
        def jixiao_refs(path):
            with zipfile.ZipFile(path) as z:
                return sum(z.read(n).decode("utf-8", "ignore").upper().count("ORG.JIXIAO") for n in z.namelist())
        out = os.path.join(self.tmp, "portable.xlsx")
        p = self.run_cli("fill", os.path.join(SAMPLES, "seed-department.ods"), "-o", out, "--portable")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("88.48", p.stdout)
        self.assertEqual(jixiao_refs(out), 0)
        outdir = os.path.join(self.tmp, "checked")
        src = os.path.join(SAMPLES, "seed-department-consultant.ods")
        before = open(src, "rb").read()
        p = self.run_cli("check", src, "-o", outdir, "--portable")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        written = [f for f in os.listdir(outdir) if f.endswith(".xlsx")]
        self.assertEqual(written, ["seed-department-consultant-核对.xlsx"])
        self.assertEqual(jixiao_refs(os.path.join(outdir, written[0])), 0)
        with zipfile.ZipFile(os.path.join(outdir, written[0])) as z:
            self.assertTrue(any("核对结果" in z.read(n).decode("utf-8", "ignore") for n in z.namelist()))
        self.assertEqual(open(src, "rb").read(), before, "the checked file changed")
        p = self.run_cli("check", src, "--portable")
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("-o", p.stderr)

    def test_messages_follow_the_environment_language(self):
        """LANG=C: the CLI's own messages and the extension's come in English, naming the same things."""
        env = dict(self.env, LANG="C.UTF-8", LC_ALL="")
        run = lambda *a: subprocess.run([CLI, *a], env=env, capture_output=True, text=True, timeout=300)  # noqa: E731
        p = run("fill", os.path.join(self.tmp, "nope.ods"))
        self.assertEqual(p.returncode, 2)
        self.assertIn("no such file", p.stderr)
        src = os.path.join(SAMPLES, "appendix1-template.ods")  # no data sheets
        p = run("fill", src, "-o", os.path.join(self.tmp, "en.ods"))
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("Jixiao did not", p.stderr)
        self.assertIn("Missing", p.stderr)
        for ch in "，。；":
            self.assertNotIn(ch, p.stderr)
        p = run("fill", os.path.join(SAMPLES, "seed-department.ods"), "-o", os.path.join(self.tmp, "en-ok.ods"))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("88.48", p.stdout)
        self.assertIn("wrote", p.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
