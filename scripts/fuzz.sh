#!/usr/bin/env bash
# Builds every libFuzzer target of tests/fuzz with clang (ASan + UBSan) in
# build-fuzz/ and runs each for SECONDS (default 60). Seeds: tests/fuzz/corpus/
# <target>, the kept regressions and, for the YAML targets, the shipped
# scenarios and scripts. An input that crashes, hangs (over 25 s on one input) or exhausts
# memory (over 2 GiB) fails the target and is copied to
# tests/fuzz/regressions/<target>/, where the ordinary test suite replays it:
# commit it with the fix. Ends with one line: targets, executions, failures.
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(scenario_text script_text recording_bytes journal_bytes lrs_conf progress_import csv_export)
fi
cc=$(command -v clang-14 || command -v clang)
cxx=$(command -v clang++-14 || command -v clang++)
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
mkdir -p build-fuzz
cmake -S . -B build-fuzz -DDERMASIM_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_CXX_COMPILER="$cxx" "${launcher[@]}" >build-fuzz/build.log 2>&1 || { cat build-fuzz/build.log; exit 2; }
# Only the fuzz targets and what they link: the GUI is not fuzzed.
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >>build-fuzz/build.log 2>&1 ||
  { tail -50 build-fuzz/build.log; exit 2; }

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
total_execs=0
failures=0
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t
  artifacts=build-fuzz/artifacts/$t/
  mkdir -p "$work" "$artifacts" "tests/fuzz/regressions/$t"
  seeds=("tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t")
  case $t in
    scenario_text) seeds+=(scenarios) ;;
    script_text) seeds+=(scenarios/scripts/*/) ;;
  esac
  log=build-fuzz/$t.log
  # -timeout: one input running over 25 s is a hang (generous: CI machines are
  # shared and ASan slows the physics tenfold); -rss_limit_mb: memory.
  build-fuzz/fuzz_$t "$work" "${seeds[@]}" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
    -max_len=131072 -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  execs=${execs:-0}
  total_execs=$((total_execs + execs))
  status=clean
  if [ $rc -ne 0 ]; then
    failures=$((failures + 1))
    status="FAILED (exit $rc; see $log)"
    for f in "$artifacts"*; do [ -f "$f" ] && cp "$f" "tests/fuzz/regressions/$t/"; done
  fi
  echo "fuzz_$t: ${seconds} s, $execs executions, $status"
done
echo "fuzz: ${#targets[@]} targets, $total_execs executions, $failures failures"
[ $failures -eq 0 ]
