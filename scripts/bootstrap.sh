#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is missing, build, install the .oxt into a
# private LibreOffice profile, and fill 附件1 of the seed department's sample workbook headless:
# prints every score and writes build/seed-department-filled.ods and build/seed-department-附件1.pdf.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
export JIXIAO_PROFILE="$PWD/build/profile"
scripts/jixiao fill samples/seed-department.ods -o build/seed-department-filled.ods
scripts/jixiao fill samples/seed-department.ods -o "build/seed-department-附件1.pdf" > /dev/null
echo "wrote build/seed-department-附件1.pdf"
