#!/usr/bin/env bash
# Builds the core and its unit tests with AddressSanitizer and UndefinedBehaviorSanitizer in
# build-asan/ (g++, no LibreOffice parts) and runs the unit tests. Any report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIXIAO_BUILD_UNO=OFF \
  -DJIXIAO_SANITIZE=address,undefined >/dev/null
cmake --build build-asan -j"$(nproc)" --target jixiao_unit_tests >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
build-asan/tests/jixiao_unit_tests --gtest_brief=1
