#!/usr/bin/env bash
# The standing checks CI runs after the plain suite (packaging/bootstrap.sh test):
#  1. one clang build with AddressSanitizer + UndefinedBehaviorSanitizer and the libFuzzer
#     harnesses (benchmarks left out), in its own build directory;
#  2. the whole test suite again in that build: any memory error, leak outside the
#     suppressed Qt/system libraries (tests/sanitizers/lsan.supp) or undefined behaviour fails;
#  3. each fuzz harness for FUZZ_SECONDS (default 20) from its committed seed corpus.
# Usage: packaging/ci-extra.sh   (after packaging/bootstrap.sh test has installed the packages)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BILLING_MONITOR_SANITIZE_BUILD_DIR:-$here/build-sanitize}
fuzz_seconds=${FUZZ_SECONDS:-20}
jobs=$(nproc)

began=$SECONDS
started=$SECONDS
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DBILLING_MONITOR_SANITIZE=ON -DBUILD_FUZZERS=ON \
    -DBUILD_BENCHMARKS=OFF
cmake --build "$build" --parallel "$jobs"
echo "ci-extra: sanitizer build took $((SECONDS - started)) s"

export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=0
export LSAN_OPTIONS=suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
started=$SECONDS
(cd "$build" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$jobs" --timeout 600)
echo "ci-extra: sanitizer test run took $((SECONDS - started)) s"

started=$SECONDS
corpus_root=$here/tests/fuzz/corpus
for corpus in "$corpus_root"/*/; do
    name=$(basename "$corpus")
    # New inputs go to a scratch directory; the committed seeds stay as they are.
    scratch=$(mktemp -d)
    log=$scratch/log
    if ! "$build/tests/fuzz/$name" -max_total_time="$fuzz_seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$scratch/" \
        "$scratch" "$corpus" >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "ci-extra: $name found a problem; the input is in $scratch" >&2
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "ci-extra: $name: $runs inputs in ${fuzz_seconds} s ($rate/s), no crash"
    rm -rf "$scratch"
done
echo "ci-extra: fuzzing took $((SECONDS - started)) s; everything $((SECONDS - began)) s"
