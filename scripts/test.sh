#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, then ctest (GoogleTest unit tests, the message
# lint and the integration tests in real headless LibreOffice), the unit tests again under ASan+UBSan
# (scripts/sanitize.sh) and each fuzz target for a few seconds (scripts/fuzz.sh). Exits non-zero on
# any failure; leaves no office running.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
(cd build && ctest --output-on-failure --timeout 900 -j2)
scripts/sanitize.sh
scripts/fuzz.sh "${JIXIAO_FUZZ_SECONDS:-5}"
