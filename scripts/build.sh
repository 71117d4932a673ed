#!/usr/bin/env bash
# Configures and builds everything (core, tests, add-in, build/jixiao.oxt) in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
