#!/usr/bin/env bash
# The README's test command (and CI's): install what is needed, then build and run every test.
# End-to-end tests use ../shared/scans and ../shared/checks when they exist, and skip otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each phase's wall time goes to stderr, so a slow CI run says where its minutes went.
phase_start=$SECONDS
phase() { echo "phase: $1 took $((SECONDS - phase_start)) s" >&2; phase_start=$SECONDS; }
scripts/install-deps.sh --with-tests
if [ -x ../shared/checks/setup.sh ]; then
  ../shared/checks/setup.sh >/tmp/sohoa-checks-setup.log 2>&1 || {
    echo "sohoa: ../shared/checks/setup.sh failed; see /tmp/sohoa-checks-setup.log" >&2; exit 1; }
fi
# Selenium for the real-browser tests, pymarc for the MARC export tests (virtualenvs outside the repository).
scripts/python-venv.sh browser >/dev/null
scripts/python-venv.sh marc >/dev/null
phase "set-up (Debian packages, validators, browser)"
scripts/lint.sh
phase lint
export OMP_THREAD_LIMIT=1
# A real PostgreSQL for the catalog's PostgreSQL tests (issue 16), stopped on any exit.
# (Its output is taken first: `eval "$(…)"` would hide a failed start under `set -e`, and every
# PostgreSQL test would then skip.)
postgres_env="$(scripts/postgres-test-server.sh start)"
eval "$postgres_env"
export SOHOA_TEST_POSTGRES_URL
trap 'scripts/postgres-test-server.sh stop "$SOHOA_TEST_POSTGRES_FOLDER"' EXIT
# A second one serving TLS with a self-signed certificate, for the sslmode tests (PostgresTLSTests).
tls_env="$(scripts/postgres-test-server.sh start --tls)"
SOHOA_TEST_POSTGRES_TLS_URL="$(sed -n 's/^SOHOA_TEST_POSTGRES_URL=//p' <<<"$tls_env")"
tls_folder="$(sed -n 's/^SOHOA_TEST_POSTGRES_FOLDER=//p' <<<"$tls_env")"
export SOHOA_TEST_POSTGRES_TLS_URL
trap 'scripts/postgres-test-server.sh stop "$SOHOA_TEST_POSTGRES_FOLDER"; scripts/postgres-test-server.sh stop "$tls_folder"' EXIT
phase "PostgreSQL test server"
quiet() { grep -Ev '^\[[0-9]+/[0-9]+\] ' || true; }
swift build --build-tests 2>&1 | quiet
phase build
# Fuzzing (issue 12): every reader of outside input for 30 s under libFuzzer + AddressSanitizer; a
# crash, hang or leak fails CI (the long run is `scripts/fuzz.sh`, see its header). The fuzzer's
# sanitizer build (its own .build-fuzz) starts beside the tests at a lower priority (the tests mostly
# use one core), and its 30-second runs follow it one target at a time, still beside the tests: the
# slowest input of any target takes well under its 1-second hang limit, so sharing the cores is safe,
# and CI no longer waits three minutes for the fuzzer after the tests.
(
  if nice -n 10 scripts/fuzz.sh --build-only >/tmp/sohoa-fuzz-build.log 2>&1; then
    tail -n 1 /tmp/sohoa-fuzz-build.log
    FUZZ_JOBS=1 scripts/fuzz.sh --short --no-build
  else
    cat /tmp/sohoa-fuzz-build.log
    echo "fuzz: the fuzz build failed (above)"
    exit 1
  fi
) >/tmp/sohoa-fuzz.log 2>&1 &
fuzz=$!
status=0
swift test --skip-build --disable-swift-testing 2>&1 | tee /tmp/sohoa-test.log || status=$?
phase tests
fuzz_status=0
wait "$fuzz" || fuzz_status=1
cat /tmp/sohoa-fuzz.log
phase "fuzz (after the tests)"
# Load test (issue 12): the short run (a 5,000-page catalog, ~10 s per phase) against the debug
# binary just built; it fails on errors or a crash only, never on timing (the figures are the long
# run's, `scripts/load-test.sh`).
load_status=0
if command -v wrk >/dev/null; then
  SOHOA_BIN="$(swift build --show-bin-path)/sohoa" scripts/load-test.sh --short || load_status=1
else
  echo "load test: skipped (wrk is not installed; scripts/install-deps.sh --with-tests installs it)"
fi
phase "load test"
# One plain closing line for people and CI: totals over every XCTest case.
passed=$(grep -cE "^Test Case '.*' passed" /tmp/sohoa-test.log || true)
failed=$(grep -cE "^Test Case '.*' failed" /tmp/sohoa-test.log || true)
skipped=$(grep -cE "^Test Case '.*' skipped" /tmp/sohoa-test.log || true)
[ "$fuzz_status" -eq 0 ] || { status=1; echo "fuzz: FAILED (see above)"; }
[ "$load_status" -eq 0 ] || { status=1; echo "load test: FAILED (see above)"; }
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || status=1
exit "$status"
