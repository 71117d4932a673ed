# -*- coding: utf-8 -*-
"""The real GUI (issue 11, item 5): a visible LibreOffice on an Xvfb display, driven as a user
would — the 绩效 menu opened with the mouse, the 绩效 toolbar and its title, the Function Wizard on a
Jixiao function, the fill through the menu's dispatch URL with its message box closed by a key press,
Ctrl+Z and Ctrl+Y on the window, the cross-check, and the portable save through its file dialog —
with a screenshot of each step.

The screenshots go to a new temporary folder (printed at the end), or to $JIXIAO_SCREENSHOTS (a path
relative to the repository root, e.g. docs/screenshots, which is how the committed ones are made):

    JIXIAO_SCREENSHOTS=docs/screenshots JIXIAO_TEST_PROFILE=/tmp/prof \\
        /usr/bin/python3 tests/integration/test_gui.py

Needs Xvfb, xdotool and ImageMagick's import (scripts/deps.sh installs them); skipped, saying so,
only when Xvfb is missing or does not start."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import harness
from harness import ROOT, SAMPLES, find_row, working_copy
import office as O  # noqa: E402  (harness puts scripts/ on the path)

SEED = os.path.join(SAMPLES, "seed-department.ods")
CONSULTANT = os.path.join(SAMPLES, "seed-department-consultant.ods")
TOOLBAR = "private:resource/toolbar/addon_org.jixiao.calc.toolbar"
SCREEN = (1600, 1000)
NAME, SCORE = 4, 8  # 附件1: 三级指标, 评分
TOTAL = 88.48
BOX_TITLE = "绩效 Jixiao"  # the title of the commands' message box (src/uno/fill.cpp, tell)


def wait_for(what, condition, timeout=30, step=0.1):
    """Polls condition() until it returns something true; that value, or AssertionError."""
    deadline = time.time() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.time() > deadline:
            raise AssertionError("timed out after %ss waiting for %s" % (timeout, what))
        time.sleep(step)


def bounded(what, fn, timeout=30):
    """fn() in a thread, at most `timeout` seconds: a UNO call into an office that hangs must fail
    the test, not hang it (a Python signal handler does not run while the main thread waits in one)."""
    box = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: B902  (handed to the caller)
            box["error"] = e
    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise AssertionError("%s did not return within %ss: the office hangs" % (what, timeout))
    if "error" in box:
        raise box["error"]
    return box.get("value")


def mnemonic_free(name):
    """A menu entry's accessible name without its mnemonic: '工具栏(T)' -> '工具栏'."""
    return re.sub(r"\([A-Z]\)$", "", name.replace("~", "")).strip()


class Xvfb:
    """An Xvfb on the first free display from :91, stopped by stop()."""

    def __init__(self, size=SCREEN):
        exe = shutil.which("Xvfb")
        if not exe:
            raise unittest.SkipTest("GUI test skipped: Xvfb is not installed (apt-get install xvfb; "
                                    "scripts/deps.sh installs it)")
        self.proc = None
        for n in range(91, 131):
            if os.path.exists("/tmp/.X%d-lock" % n) or os.path.exists("/tmp/.X11-unix/X%d" % n):
                continue
            proc = subprocess.Popen([exe, ":%d" % n, "-screen", "0", "%dx%dx24" % size, "-nolisten", "tcp"],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, start_new_session=True)
            deadline = time.time() + 15
            while proc.poll() is None and time.time() < deadline:
                if os.path.exists("/tmp/.X11-unix/X%d" % n):
                    self.proc, self.display = proc, ":%d" % n
                    return
                time.sleep(0.05)
            if proc.poll() is None:
                proc.kill()
            proc.wait()
        raise unittest.SkipTest("GUI test skipped: Xvfb did not start on any display from :91 to :130")

    def stop(self):
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None


class GuiTest(unittest.TestCase):
    xvfb = office = profile = None
    tmpdirs = []

    @classmethod
    def setUpClass(cls):
        template = harness.template_profile()
        for tool in ("xdotool", "import"):
            if not shutil.which(tool):
                raise AssertionError("%s is missing: run scripts/deps.sh (xdotool, imagemagick)" % tool)
        cls.started = time.time()
        cls.xvfb = Xvfb()
        out = os.environ.get("JIXIAO_SCREENSHOTS")
        if out:
            cls.shots = os.path.join(ROOT, out) if not os.path.isabs(out) else out
            os.makedirs(cls.shots, exist_ok=True)
        else:
            cls.shots = tempfile.mkdtemp(prefix="jixiao-screenshots-")
        try:
            cls.env = dict(os.environ, DISPLAY=cls.xvfb.display)
            cls.profile = O.copy_profile(template)
            cls.office = O.Office(cls.profile, display=cls.xvfb.display)
            cls.toolkit = cls.office.create("com.sun.star.awt.Toolkit")
            cls.transformer = cls.office.create("com.sun.star.util.URLTransformer")
            tmp, work = working_copy(SEED, "jixiao-gui-")
            cls.tmpdirs.append(tmp)
            cls.doc = cls.office.load(work, hidden=False)
            cls.frame = cls.doc.CurrentController.Frame
            window = cls.frame.ContainerWindow
            window.IsMaximized = True  # no window manager on the Xvfb: it also fills the screen
            window.setPosSize(0, 0, SCREEN[0], SCREEN[1], 15)
            cls.idle()
            cls.doc_window = wait_for("the document's X window", lambda: cls.xdo_search("input.ods"))
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        if cls.office is not None:
            cls.office.close()
            cls.office = None
        if cls.xvfb is not None:
            cls.xvfb.stop()
            cls.xvfb = None
        if cls.profile:
            shutil.rmtree(cls.profile, ignore_errors=True)
        for d in cls.tmpdirs:
            shutil.rmtree(d, ignore_errors=True)
        print("\nscreenshots in %s; the GUI test took %.1f s" % (cls.shots, time.time() - cls.started))

    # ---- helpers ----
    @classmethod
    def idle(cls):
        """Lets the office handle every pending event (paints included) before a look or a shot.
        (Not while a modal dialog runs: it would wait for the dialog.)"""
        bounded("processEventsToIdle", cls.toolkit.processEventsToIdle)

    @classmethod
    def xdo(cls, *args, check=False):
        r = subprocess.run(["xdotool"] + list(args), env=cls.env, capture_output=True, text=True, timeout=30)
        if check and r.returncode != 0:
            raise AssertionError("xdotool %s: %s" % (" ".join(args), r.stderr.strip()))
        return r.stdout.strip()

    @classmethod
    def xdo_search(cls, name):
        """The first visible X window whose title matches `name`, or None."""
        ids = cls.xdo("search", "--onlyvisible", "--name", name).split()
        return ids[0] if ids else None

    def shot(self, name, crop=None, scale=None, modal=False):
        """A PNG of the screen (or of crop = (x, y, w, h)), as 256 colours to keep it small."""
        if not modal:
            self.idle()
        path = os.path.join(self.shots, name)
        args = ["import", "-display", self.xvfb.display, "-window", "root"]
        if crop:
            args += ["-crop", "%dx%d+%d+%d" % (crop[2], crop[3], crop[0], crop[1]), "+repage"]
        if scale:
            args += ["-resize", "%d%%" % scale]
        subprocess.run(args + ["PNG8:" + path], env=self.env, check=True, timeout=60)
        self.assertTrue(os.path.getsize(path) > 0, path)
        return path

    def url(self, command):
        from com.sun.star.util import URL
        u = URL()
        u.Complete = command
        return self.transformer.parseStrict(u)[1]

    def dispatch(self, frame, command, target=""):
        """As the menu does: the frame's dispatch for the URL, then dispatch — in a thread, since the
        call returns only when the command is done, and a Jixiao command ends with a modal message
        box. The thread, to join."""
        u = self.url(command)
        d = frame.queryDispatch(u, target, 0)
        self.assertIsNotNone(d, "no dispatch for %s" % command)
        t = threading.Thread(target=lambda: d.dispatch(u, ()), daemon=True)
        t.start()
        return t

    def joined(self, thread, what, timeout=30):
        thread.join(timeout)
        self.assertFalse(thread.is_alive(), "%s did not return within %ss" % (what, timeout))

    def children(self, ctx):
        """[(name without mnemonic, accessible context)] of an accessible's children."""
        out = []
        for i in range(ctx.AccessibleChildCount):
            c = ctx.getAccessibleChild(i).AccessibleContext
            out.append((mnemonic_free(c.AccessibleName), c))
        return out

    def click(self, ctx):
        p, s = ctx.getLocationOnScreen(), ctx.Size
        self.xdo("mousemove", str(p.X + s.Width // 2), str(p.Y + s.Height // 2), "click", "1", check=True)
        self.idle()

    def menubar(self, frame):
        bar = frame.ContainerWindow.AccessibleContext.getAccessibleChild(0).AccessibleContext
        return dict(self.children(bar))

    def popup_shown(self, item):
        """True when the popup of a menu item is on the screen (its first entry is SHOWING)."""
        from com.sun.star.accessibility.AccessibleStateType import SHOWING
        self.idle()
        return (item.AccessibleChildCount > 0 and
                item.getAccessibleChild(0).AccessibleContext.AccessibleStateSet.contains(SHOWING))

    def key(self, window, *keys, modal=False):
        self.xdo("windowfocus", "--sync", window, check=True)
        self.xdo("key", "--clearmodifiers", *keys, check=True)
        if not modal:
            self.idle()

    def answer_box(self, name):
        """Waits for the command's message box, photographs it and closes it with Return, as a
        user would."""
        box = wait_for("the message box", lambda: self.xdo_search(BOX_TITLE), timeout=120)
        time.sleep(0.3)  # mapped a moment ago: let it paint (no processEventsToIdle under a modal box)
        if name:
            self.shot(name, scale=75, modal=True)
        self.key(box, "Return", modal=True)
        wait_for("the message box to close", lambda: not self.xdo_search(BOX_TITLE), timeout=15)
        self.idle()

    def alive(self):
        """soffice is running and answers a UNO call."""
        self.assertIsNone(self.office.proc.poll(), "soffice is gone (exit code %s)" % self.office.proc.returncode)
        self.assertTrue(self.office.desktop.getComponents().createEnumeration().hasMoreElements())

    # ---- the steps, in order ----
    def test_1_menu(self):
        bar = self.menubar(self.frame)
        self.assertIn("绩效", bar, "no 绩效 menu in the menu bar: %s" % list(bar))
        menu = bar["绩效"]
        self.click(menu)
        wait_for("the 绩效 menu to open", lambda: self.popup_shown(menu), timeout=15)
        entries = [n for n, _ in self.children(menu) if n]
        self.assertEqual(entries[:2], ["填写附件1 部门整体绩效评价表", "核对已填写的附件1"])
        for e in ("填写项目支出绩效自评表", "新建部门工作簿", "生成空白附件1"):
            self.assertIn(e, entries)
        self.shot("menu.png", crop=(0, 0, 900, 260))
        self.key(self.doc_window, "Escape")
        wait_for("the 绩效 menu to close", lambda: not self.popup_shown(menu), timeout=15)

    def test_2_toolbar(self):
        lm = self.frame.LayoutManager
        self.assertIsNotNone(lm.getElement(TOOLBAR), "no 绩效 toolbar")
        # Shown and docked at the top from the start (registry/CalcWindowState.xcu).
        self.assertTrue(lm.isElementVisible(TOOLBAR))
        self.assertTrue(lm.isElementDocked(TOOLBAR))
        bar = lm.getElement(TOOLBAR).getRealInterface().AccessibleContext
        # Its title is the configured one, not LibreOffice's generic 扩展 1 / Add-On 1.
        self.assertEqual(bar.AccessibleName, "绩效")
        buttons = [n for n, _ in self.children(bar)]
        self.assertEqual(buttons, ["填写附件1", "核对附件1"])
        # … and so is its entry in 视图 ▸ 工具栏.
        view = self.menubar(self.frame)["视图"]
        self.click(view)
        wait_for("the 视图 menu to open", lambda: self.popup_shown(view), timeout=15)
        toolbars = dict(self.children(view))["工具栏"]
        self.click(toolbars)
        wait_for("the 工具栏 submenu to open", lambda: self.popup_shown(toolbars), timeout=15)
        names = [n for n, _ in self.children(toolbars)]
        self.assertIn("绩效", names)
        self.assertFalse([n for n in names if n.startswith("扩展") or n.startswith("Add-On")], names)
        from com.sun.star.accessibility.AccessibleStateType import CHECKED
        entry = dict(self.children(toolbars))["绩效"]
        self.assertTrue(entry.AccessibleStateSet.contains(CHECKED), "绩效 not ticked in 视图 ▸ 工具栏")
        self.shot("toolbar.png", crop=(0, 0, 1200, 620))
        self.key(self.doc_window, "Escape")
        self.key(self.doc_window, "Escape")
        wait_for("the 视图 menu to close", lambda: not self.popup_shown(view), timeout=15)

    def test_3_function_wizard(self):
        sheet = self.doc.Sheets.getByIndex(0)
        cell = sheet.getCellRangeByName("J2")
        cell.setFormula("=BUDGET_COMPLETION_SCORE(0.9138;8)")
        self.doc.CurrentController.select(cell)
        self.idle()
        opening = self.dispatch(self.frame, ".uno:FunctionDialog")
        wizard = wait_for("the Function Wizard", lambda: self.xdo_search("函数向导"), timeout=30)
        self.idle()
        self.shot("function-wizard.png", crop=(380, 230, 840, 530))
        self.key(wizard, "Escape")
        wait_for("the Function Wizard to close", lambda: not self.xdo_search("函数向导"), timeout=15)
        self.joined(opening, ".uno:FunctionDialog")
        self.assertAlmostEqual(cell.getValue(), 4.552, places=9)
        cell.setString("")
        self.alive()

    def test_4_fill_then_undo(self):
        before = list(self.doc.Sheets.ElementNames)
        self.assertNotIn("附件1", before)
        self.doc.CurrentController.setActiveSheet(self.doc.Sheets.getByIndex(0))
        filling = self.dispatch(self.frame, "org.jixiao.calc:fill", "_self")
        self.answer_box("fill-message.png")
        self.joined(filling, "org.jixiao.calc:fill")
        names = list(self.doc.Sheets.ElementNames)
        self.assertIn("附件1", names)
        a = self.doc.Sheets.getByName("附件1")
        total = find_row(a, 0, "合   计")
        self.assertIsNotNone(total, "no 合计 row in 附件1")
        from com.sun.star.table.CellContentType import FORMULA
        scored = 0
        for r in range(5, total):
            if a.getCellByPosition(NAME, r).getString().strip():
                c = a.getCellByPosition(SCORE, r)
                self.assertEqual(c.getType(), FORMULA, "评分 of row %d is not a formula" % (r + 1))
                self.assertEqual(harness.cell_result(c)[0], "number", "评分 of row %d" % (r + 1))
                scored += 1
        self.assertGreater(scored, 10)
        self.assertAlmostEqual(a.getCellByPosition(SCORE, total).getValue(), TOTAL, places=9)
        self.assertEqual(self.doc.CurrentController.ActiveSheet.Name, "附件1")
        self.shot("appendix1.png", scale=75)

        # Ctrl+Z in the window: one step takes the whole fill back, and the office lives on.
        um = self.doc.UndoManager
        self.assertEqual(um.getCurrentUndoActionTitle(), "Jixiao：填写附件1")
        self.key(self.doc_window, "ctrl+z")
        wait_for("the fill to be undone", lambda: list(self.doc.Sheets.ElementNames) == before, timeout=30)
        self.alive()
        self.assertEqual(um.getCurrentRedoActionTitle(), "Jixiao：填写附件1")
        self.shot("after-undo.png", scale=75)
        # Ctrl+Y brings it back, formulas and all; Ctrl+Z again takes it back again.
        self.key(self.doc_window, "ctrl+y")
        wait_for("the fill to be redone", lambda: "附件1" in self.doc.Sheets.ElementNames, timeout=30)
        self.alive()
        a = self.doc.Sheets.getByName("附件1")
        self.assertAlmostEqual(a.getCellByPosition(SCORE, find_row(a, 0, "合   计")).getValue(), TOTAL, places=9)
        self.key(self.doc_window, "ctrl+z")
        wait_for("the fill to be undone again", lambda: list(self.doc.Sheets.ElementNames) == before, timeout=30)
        self.alive()

    def test_5_check(self):
        tmp, work = working_copy(CONSULTANT, "jixiao-gui-")
        self.tmpdirs.append(tmp)
        doc = self.office.load(work, hidden=False)
        frame = doc.CurrentController.Frame
        frame.ContainerWindow.setPosSize(0, 0, SCREEN[0], SCREEN[1], 15)
        self.idle()
        checking = self.dispatch(frame, "org.jixiao.calc:check", "_self")
        self.answer_box("check-message.png")
        self.joined(checking, "org.jixiao.calc:check")
        self.assertIn("核对结果", doc.Sheets.ElementNames)
        self.assertEqual(doc.CurrentController.ActiveSheet.Name, "核对结果")
        self.shot("check-result.png", scale=75)
        self.alive()


    def test_6_portable_save(self):
        """绩效 ▸ 另存为通用格式 on the filled seed: the save dialog (a file name typed, Return), the
        message; the .xlsx has no Jixiao call and 88.48; the open document keeps its Jixiao formulas."""
        tmp, work = working_copy(SEED, "jixiao-gui-")
        self.tmpdirs.append(tmp)
        doc = self.office.load(work, hidden=False)
        frame = doc.CurrentController.Frame
        frame.ContainerWindow.setPosSize(0, 0, SCREEN[0], SCREEN[1], 15)
        self.idle()
        filling = self.dispatch(frame, "org.jixiao.calc:fill", "_self")
        self.answer_box(None)
        self.joined(filling, "org.jixiao.calc:fill")
        out = os.path.join(tmp, "portable-copy.xlsx")
        saving = self.dispatch(frame, "org.jixiao.calc:portable", "_self")
        dialog = wait_for("the save dialog", lambda: self.xdo_search("另存为通用格式"), timeout=60)
        time.sleep(0.5)
        self.shot("portable-save.png", scale=75, modal=True)
        # The file name field has the focus, holding the suggested name: replaced by a full path.
        self.key(dialog, "ctrl+a", modal=True)
        self.xdo("type", "--delay", "20", out, check=True)
        self.key(dialog, "Return", modal=True)
        self.answer_box("portable-message.png")
        self.joined(saving, "org.jixiao.calc:portable", timeout=120)
        self.assertTrue(os.path.isfile(out), "no portable copy written")
        import zipfile
        with zipfile.ZipFile(out) as z:
            for n in z.namelist():
                self.assertNotIn(b"ORG.JIXIAO", z.read(n).upper(), n)
        a = doc.Sheets.getByName("附件1")
        total = find_row(a, 0, "合   计")
        self.assertIn("ORG.JIXIAO.FUNCTIONS.", a.getCellByPosition(SCORE, total - 1).getFormula().upper()
                      + "".join(a.getCellByPosition(SCORE, r).getFormula().upper() for r in range(5, total)))
        self.assertNotIn("通用格式说明", doc.Sheets.ElementNames)
        copy = self.office.load(out)
        try:
            c = copy.Sheets.getByName("附件1")
            self.assertAlmostEqual(c.getCellByPosition(SCORE, find_row(c, 0, "合   计")).getValue(), TOTAL, places=9)
            self.assertIn("通用格式说明", copy.Sheets.ElementNames)
        finally:
            copy.close(True)
        self.alive()

if __name__ == "__main__":
    unittest.main(verbosity=2)
