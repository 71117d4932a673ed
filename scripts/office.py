"""A private headless LibreOffice for Jixiao's tools and tests.

Run with /usr/bin/python3 (Debian's python3-uno). Every office this module starts is stopped by
Office.close() (also on garbage collection and at interpreter exit), by the PID it started.

    with Office(profile_dir) as office:
        doc = office.load("/path/book.ods")
"""
import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

SOFFICE = os.environ.get("JIXIAO_SOFFICE", "/usr/lib/libreoffice/program/soffice")
_live = set()


def props(**kw):
    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


class _Approve(unohelper.Base, XInteractionHandler):
    def handle(self, request):
        for c in request.getContinuations():
            if c.queryInterface(uno.getTypeByName("com.sun.star.task.XInteractionApprove")):
                c.select()
                return


class Refuse(unohelper.Base, XInteractionHandler):
    """An interaction handler for loading a file where no one can answer (the CLI): every request is
    aborted (a password-protected file fails to load instead of waiting for a password that never
    comes) and remembered, so the caller can tell "protected by a password" from "damaged"."""

    def __init__(self):
        self.password = False
        self.requests = []

    def handle(self, request):
        # (request.getRequest() fails in pyuno for a DocumentPasswordRequest2; its continuations tell:
        # a password request is the one offering a password to be supplied.)
        conts = request.getContinuations()
        kinds = set()
        for c in conts:
            for kind in ("XInteractionPassword", "XInteractionPassword2", "XInteractionAbort"):
                if c.queryInterface(uno.getTypeByName("com.sun.star.task." + kind)):
                    kinds.add(kind)
        self.requests.append(sorted(kinds))
        if kinds & {"XInteractionPassword", "XInteractionPassword2"}:
            self.password = True
        for c in conts:
            if c.queryInterface(uno.getTypeByName("com.sun.star.task.XInteractionAbort")):
                c.select()
                return


class _Progress(unohelper.Base, XProgressHandler):
    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class _CommandEnv(unohelper.Base, XCommandEnvironment):
    def getInteractionHandler(self):
        return _Approve()

    def getProgressHandler(self):
        return _Progress()


class Office:
    """A headless soffice on a private profile, connected over a named pipe. With `display`
    (an X display such as ":91", e.g. an Xvfb) it is a visible office with its windows on that
    display instead (the gen X11 plugin), for the GUI test."""

    def __init__(self, profile_dir, timeout=60, display=None):
        self.display = display
        self.profile_dir = os.path.abspath(profile_dir)
        os.makedirs(self.profile_dir, exist_ok=True)
        self.pipe = "jixiao_" + uuid.uuid4().hex[:12]
        self.proc = None
        self.ctx = None
        self.desktop = None
        self._start(timeout)

    def _start(self, timeout):
        args = [SOFFICE] + ([] if self.display else ["--headless", "--invisible"]) + [
            "--norestore", "--nodefault", "--nolockcheck", "--nologo",
            "-env:UserInstallation=" + file_url(self.profile_dir),
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe]
        env = dict(os.environ)
        if self.display:
            env["DISPLAY"] = self.display
            env["SAL_USE_VCLPLUGIN"] = "gen"  # plain X11: no desktop session, no D-Bus needed
        else:
            env.setdefault("SAL_USE_VCLPLUGIN", "svp")
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        _live.add(self)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + timeout
        while True:
            try:
                self.ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except NoConnectException:
                if self.proc.poll() is not None:
                    self.close()
                    raise RuntimeError("soffice exited with code %s before accepting connections"
                                       % self.proc.returncode)
                if time.time() > deadline:
                    self.close()
                    raise RuntimeError("soffice did not accept a connection within %ss" % timeout)
                time.sleep(0.1)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def create(self, name):
        return self.smgr.createInstanceWithContext(name, self.ctx)

    def load(self, path, hidden=True, **kw):
        doc = self.desktop.loadComponentFromURL(file_url(path), "_blank", 0, props(Hidden=hidden, **kw))
        if doc is None:
            raise RuntimeError("could not open %s" % path)
        return doc

    def new_calc(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))

    def add_extension(self, oxt_path):
        """Installs an .oxt into this profile (user scope). Restart the office before using it."""
        mgr = self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        abort = mgr.createAbortChannel()
        mgr.addExtension(file_url(oxt_path), (), "user", abort, _CommandEnv())

    def extensions(self):
        mgr = self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        return [p.getIdentifier().Value for p in
                mgr.getDeployedExtensions("user", mgr.createAbortChannel(), _CommandEnv())]

    def _terminate(self):
        try:
            if self.display:
                # A visible office asks whether to save a changed document, and terminate() waits
                # for the answer: discard the changes first.
                comps = self.desktop.Components.createEnumeration()
                while comps.hasMoreElements():
                    c = comps.nextElement()
                    if hasattr(c, "setModified"):
                        c.setModified(False)
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass

    def close(self):
        if self.proc is None:
            return
        hung = False
        if self.display:
            # An office that hangs (or shows a dialog) must not hang the caller: at most 10 s.
            t = threading.Thread(target=self._terminate, daemon=True)
            t.start()
            t.join(10)
            hung = t.is_alive()
        else:
            self._terminate()
        try:
            if not hung:
                self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        # soffice.bin is a child of the soffice script; kill the whole session if anything is left.
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.proc = None
        self.desktop = None
        _live.discard(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()


@atexit.register
def _close_all():
    for o in list(_live):
        o.close()


def _terminate_handler(signum, frame):
    _close_all()
    sys.exit(128 + signum)


for _sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    try:
        signal.signal(_sig, _terminate_handler)
    except (ValueError, OSError):
        pass


def make_profile(oxt_path, profile_dir, recalc_xlsx=True):
    """A fresh profile at profile_dir with the extension installed (and .xlsx recalculated on load)."""
    if os.path.exists(profile_dir):
        shutil.rmtree(profile_dir)
    with Office(profile_dir) as office:
        office.add_extension(oxt_path)
        if recalc_xlsx:
            set_config(office, "/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode", 0)
            set_config(office, "/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode", 0)
    return profile_dir


def set_config(office, node, name, value):
    cp = office.create("com.sun.star.configuration.ConfigurationProvider")
    access = cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                            props(nodepath=node))
    access.setPropertyValue(name, value)
    access.commitChanges()


def run_job(office, service, doc, language=None):
    """Runs a Jixiao job (org.jixiao.Fill / org.jixiao.Check) on a document; returns its result as a
    dict (Status, Message, Target, Findings). `language` ("zh" / "en") sets the messages' language;
    without it they follow the office's UI language."""
    from com.sun.star.beans import NamedValue
    args = []
    for name, value in (("Document", doc), ("Language", language)):
        if value is not None:
            nv = NamedValue()
            nv.Name, nv.Value = name, value
            args.append(nv)
    return {x.Name: x.Value for x in office.create(service).execute(tuple(args))}


def copy_profile(template_dir):
    """A throw-away copy of a prepared profile; the caller removes it."""
    d = tempfile.mkdtemp(prefix="jixiao-profile-")
    shutil.rmtree(d)
    shutil.copytree(template_dir, d, symlinks=True)
    return d
