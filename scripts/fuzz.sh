#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan+UBSan) in build-fuzz/ and runs each for
# SECONDS (default 10) from the seed corpus in fuzz/corpus/<target> (new inputs go to a scratch
# corpus, the repository's is only read). Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# A crash leaves its input as build-fuzz/crash-*; the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(number target indicators template workbook selfeval formula)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIXIAO_BUILD_UNO=OFF \
  -DJIXIAO_BUILD_TESTS=OFF -DJIXIAO_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in "${targets[@]}"; do
  work="build-fuzz/corpus-$t"
  mkdir -p "$work"
  echo "fuzz_$t: ${seconds}s"
  (cd build-fuzz && "./fuzz/fuzz_$t" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
     -print_final_stats=1 "corpus-$t" "../fuzz/corpus/$t" 2>"fuzz-$t.log") || {
    tail -n 60 "build-fuzz/fuzz-$t.log"
    echo "fuzz_$t FAILED (log: build-fuzz/fuzz-$t.log)"
    exit 1
  }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/fuzz-$t.log" | tr '\n' ' '
  echo
done
