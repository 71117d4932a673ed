# -*- coding: utf-8 -*-
"""Makes a fresh LibreOffice profile with the built .oxt installed: the template every integration
test copies. Usage: /usr/bin/python3 prepare_profile.py JIXIAO_OXT PROFILE_DIR"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "scripts"))
import office as O  # noqa: E402

oxt, profile = sys.argv[1], sys.argv[2]
if not os.path.isfile(oxt):
    sys.exit("no extension at %s: build first" % oxt)
O.make_profile(oxt, profile)
with O.Office(profile) as office:
    # The users' UI language: messages are asserted in Chinese (test_locale covers English).
    O.set_config(office, "/org.openoffice.Office.Linguistic/General", "UILocale", "zh-CN")
with O.Office(profile) as office:
    ids = office.extensions()
if "org.jixiao.calc" not in ids:
    sys.exit("the extension did not install (deployed: %s)" % ids)
print("profile ready at %s with %s" % (profile, ids))
