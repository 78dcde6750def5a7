#!/usr/bin/env bash
# Fuzzing of every reader of outside input (issue 12) with libFuzzer and AddressSanitizer: TIFF and
# PNG scans, holdings registers (CSV, MARC 21 ISO 2709, MARCXML), item.yaml, items.csv, pipeline
# files and BagIt bags given to `sohoa import` (Sources/SohoaFuzz; built only here, into .build-fuzz).
# Usage: scripts/fuzz.sh [--short] [--build-only | --no-build] [TARGET...]
#   default: each target runs 1,000,000 inputs or 10 minutes, whichever comes first;
#   --short: 30 s each (CI). FUZZ_SECONDS=N and FUZZ_RUNS=N override; FUZZ_JOBS=N targets at a time (2);
#   FUZZ_TIMEOUT=N: seconds one input may take before it counts as a hang (1; 5 for bag): raise it on a
#   machine busy with other work, where a starved process is not a hang (libFuzzer's final
#   stat::slowest_unit_time_sec in each log says how slow the slowest input really was).
#   --build-only builds the fuzzer and stops; --no-build runs the fuzzer built before (scripts/test.sh
#   builds it beside the tests, on the core they leave idle).
# A crash, a hang (one input over 1 s; 5 s for bag: see run()) or a leak stops that target: the input is kept in
# $SOHOA_FUZZ_WORK/findings/<target>/ (default work folder /tmp/sohoa-fuzz) and the script exits 1.
# Replay one: SOHOA_FUZZ_TARGET=tiff .build-fuzz/debug/SohoaFuzz FILE
# Corpora grow in $SOHOA_FUZZ_WORK/corpus/<target>/, seeded from Tests/Fixtures, SampleScans and
# ../shared/scans (copied there at run time, never into the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=600 runs=1000000 build=1 run_targets=1 seed=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --short) seconds=30 runs=-1 seed=1 ;;  # a fixed seed: CI explores the same inputs each run
    --build-only) run_targets=0 ;;
    --no-build) build=0 ;;
    -*) echo "usage: scripts/fuzz.sh [--short] [--build-only | --no-build] [TARGET...]" >&2; exit 2 ;;
    *) targets+=("$arg") ;;
  esac
done
seconds="${FUZZ_SECONDS:-$seconds}" runs="${FUZZ_RUNS:-$runs}" jobs="${FUZZ_JOBS:-2}"
[ ${#targets[@]} -gt 0 ] || targets=(tiff png jpeg jpeg2000 holdings-csv marc marcxml item-yaml items-csv pipeline bag)
work="${SOHOA_FUZZ_WORK:-/tmp/sohoa-fuzz}"

start=$(date +%s)
fuzzer="$PWD/.build-fuzz/debug/SohoaFuzz"
if [ "$build" -eq 1 ]; then
  rm -f "$fuzzer"
  SOHOA_FUZZ=1 SOHOA_DEV_TARGETS=SohoaFuzz swift build ${FUZZ_BUILD_FLAGS:-} --scratch-path .build-fuzz --product SohoaFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
    | grep -Ev "^\[[0-9]+/[0-9]+\] |ld.gold: warning: Cannot export" || true
  [ -x "$fuzzer" ] || { echo "fuzz: the fuzz build failed; see the messages above" >&2; exit 2; }
  echo "fuzz: built in $(( $(date +%s) - start )) s"
fi
[ -x "$fuzzer" ] || { echo "fuzz: no fuzzer at $fuzzer: run scripts/fuzz.sh --build-only first" >&2; exit 2; }
[ "$run_targets" -eq 1 ] || exit 0

mkdir -p "$work/corpus" "$work/findings" "$work/logs"
# Debian's python3 has Pillow (python3-pil) for the generated scans; another python3 may not.
"$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3 )" scripts/fuzz/seeds.py "$work/corpus"

# hang_limit TARGET: the seconds over which one input is a hang. A sound bag is written into the
# scratch archive (an OCFL version, fsync'd): 1.3 s seen in this debug + ASan build on a busy machine,
# so the bag target's limit is 5 s.
hang_limit() {
  if [ "$1" = bag ]; then echo "${FUZZ_TIMEOUT:-5}"; else echo "${FUZZ_TIMEOUT:-1}"; fi
}

# run TARGET: one libFuzzer run; its log in $work/logs/TARGET.log, a finding in $work/findings/TARGET/.
run() {
  local target="$1" timeout
  timeout=$(hang_limit "$target")
  rm -rf "$work/findings/$target"; mkdir -p "$work/findings/$target"
  # -timeout: an input over that is a hang; leaks are reported by LeakSanitizer at the end of each input.
  ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}" SOHOA_FUZZ_TARGET="$target" \
    LSAN_OPTIONS="suppressions=$PWD/scripts/fuzz/lsan-suppressions.txt:print_suppressions=0" \
    "$fuzzer" -timeout="$timeout" -rss_limit_mb=2560 -max_len=1048576 -max_total_time="$seconds" -runs="$runs" \
    -seed="${FUZZ_SEED:-$seed}" -print_final_stats=1 -artifact_prefix="$work/findings/$target/" "$work/corpus/$target" \
    >"$work/logs/$target.log" 2>&1
}

status=0 pids=() names=()
report() {
  local target="$1" code="$2" log="$work/logs/$1.log"
  local done_runs slowest
  done_runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  if [ "$code" -eq 0 ] && [ -z "$(ls -A "$work/findings/$target")" ]; then
    slowest=$(grep -E '^stat::slowest_unit_time_sec' "$log" | awk '{print $2}' || true)
    echo "fuzz: $target: ${done_runs:-?} inputs, no crash, hang or leak (slowest input ${slowest:-?} s)"
  else
    echo "fuzz: $target: FINDING (exit $code) after ${done_runs:-?} inputs; input in $work/findings/$target/, log $log" >&2
    grep -E 'ERROR: |SUMMARY: |Fatal error|panic|==[0-9]+== ' "$log" | head -5 >&2 || true
    # A "timeout" on a busy machine (CI's load test runs beside the fuzzers) may be a process that did
    # not get the CPU: replayed alone, an input that is really slow or hangs is slow again. Only when
    # libFuzzer stopped for timeouts alone (exit 70) and every one replays in under a tenth of the limit
    # is it the machine, not the input: said, and not a failure. Anything else stays a finding
    # (FUZZ_TIMEOUT=N raises the limit).
    local limit_ms only_load=0 input replay ms
    limit_ms=$(( $(hang_limit "$target") * 1000 ))
    [ "$code" -eq 70 ] && only_load=1
    for input in "$work/findings/$target"/*; do
      [ -e "$input" ] || continue
      case "$(basename "$input")" in timeout-*) ;; *) only_load=0; continue ;; esac
      replay=$(SOHOA_FUZZ_TARGET="$target" "$fuzzer" "$input" 2>&1 | grep -E '^Executed' || true)
      echo "fuzz:   replayed alone: ${replay:-no answer}" >&2
      ms=$(echo "$replay" | grep -oE 'in [0-9]+ ms' | grep -oE '[0-9]+' || true)
      if [ -z "$ms" ] || [ "$ms" -ge $(( limit_ms / 10 )) ]; then only_load=0; fi
    done
    if [ "$only_load" -eq 1 ]; then
      echo "fuzz: $target: not a hang: the machine was busy (each timed-out input replays alone in under $(( limit_ms / 10 )) ms)" >&2
    else
      status=1
    fi
  fi
}
for target in "${targets[@]}"; do
  run "$target" & pids+=($!) names+=("$target")
  if [ ${#pids[@]} -ge "$jobs" ]; then
    code=0; wait "${pids[0]}" || code=$?; report "${names[0]}" "$code"
    pids=("${pids[@]:1}") names=("${names[@]:1}")
  fi
done
for index in "${!pids[@]}"; do
  code=0; wait "${pids[$index]}" || code=$?; report "${names[$index]}" "$code"
done
echo "fuzz: ${#targets[@]} targets in $(( $(date +%s) - start )) s"
exit "$status"
