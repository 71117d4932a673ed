#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, then ctest (GoogleTest unit tests and the
# integration tests in real headless LibreOffice). Exits non-zero on any failure; leaves no office running.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
cd build
ctest --output-on-failure --timeout 900 -j2
