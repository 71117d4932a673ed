#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is missing, build, install the .oxt into a
# private LibreOffice profile (build/profile) and run the sample workbook headless, printing results.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
/usr/bin/python3 scripts/run_sample.py build/jixiao.oxt build/profile samples/functions-check.ods
