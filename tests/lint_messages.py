# -*- coding: utf-8 -*-
"""Checks every user message of the C++ sources (src/core, src/uno): each is a msg(code, zh, en, …)
with both languages (jixiao/message.hpp), and none is left as a bare Chinese string.

For each msg(…): the code is unique (or repeated with the same texts), the Chinese and English
templates use the same placeholders {1} {2} …, the English text is English (Chinese only as the
name of a sheet, column or term, never a sentence), and the two texts differ.
Bare messages: a Chinese string literal given straight to problems.push_back, problem(…), missing(…),
RuleError(…), fail(…) or refuse(…). (The cross-check's findings, push_back({…}), are rows of the
核对结果 sheet — part of the Chinese report, like 附件1 — not messages.)

Usage: python3 tests/lint_messages.py [ROOT]   (exit 1 listing what is wrong)."""
import glob
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIT = r'(?:u8)?"(?:[^"\\\n]|\\.)*"'
LITS = r'(?:%s\s*)+' % LIT
MSG = re.compile(r'\bmsg\(\s*"([^"]+)"\s*,\s*(%s),\s*(%s)' % (LITS, LITS), re.S)
CJK = re.compile(r'[\u4e00-\u9fff]')
THROWN = re.compile(r'\b(?:RuleError|fail|refuse)\((?!\s*msg\()[^;]*?"', re.S)
BARE = re.compile(r'(?:push_back|problem|missing|RuleError|fail|refuse)\((?!\{)\s*[^;]*?"[^"\n]*[\u4e00-\u9fff]')


def join(lits):
    return "".join(re.findall(r'"((?:[^"\\\n]|\\.)*)"', lits))


def placeholders(s):
    return sorted(set(re.findall(r'(?<!\{)\{(\d+)\}', s)))


def chinese_sentence(en):
    """Chinese in an English text is allowed as names: a run of CJK (with its ASCII brackets) that
    is not followed by Chinese punctuation of a sentence."""
    return bool(re.search(r'[，。；：！？、]', en))


def main():
    errors, seen = [], {}
    files = sorted(glob.glob(os.path.join(ROOT, "src", "core", "jixiao", "*.cpp")) +
                   glob.glob(os.path.join(ROOT, "src", "uno", "*.cpp")))
    count = 0
    for path in files:
        rel = os.path.relpath(path, ROOT)
        text = open(path, encoding="utf-8").read()
        for m in MSG.finditer(text):
            count += 1
            line = text.count("\n", 0, m.start()) + 1
            code, zh, en = m.group(1), join(m.group(2)), join(m.group(3))
            where = "%s:%d %s" % (rel, line, code)
            if code in seen and seen[code][1:] != (zh, en):
                errors.append("%s: code also used at %s with other texts" % (where, seen[code][0]))
            seen.setdefault(code, (where, zh, en))
            if placeholders(zh) != placeholders(en):
                errors.append("%s: placeholders differ (zh %s, en %s)" % (where, placeholders(zh), placeholders(en)))
            if not re.search(r'[A-Za-z]{2,}', en) or chinese_sentence(en):
                errors.append("%s: the English text is not English: %s" % (where, en))
            if zh == en:
                errors.append("%s: the same text in both languages" % where)
        for m in BARE.finditer(text):
            stmt = m.group(0)
            if "msg(" in stmt:
                continue
            line = text.count("\n", 0, m.start()) + 1
            errors.append("%s:%d: a Chinese message without msg(code, zh, en): %s" % (rel, line, stmt.strip()[:90]))
        for m in THROWN.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            stmt = m.group(0)
            if "msg(" in stmt or re.match(r'\s*(?://|\*)', text[text.rfind("\n", 0, m.start()) + 1:m.start()]):
                continue
            errors.append("%s:%d: an error text without msg(code, zh, en): %s" % (rel, line, stmt.strip()[:90]))
    errors = sorted(set(errors), key=errors.index)
    for e in errors:
        print(e)
    print("%d messages checked in %d files, %d problems" % (count, len(files), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
