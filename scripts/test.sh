#!/usr/bin/env bash
# The README's test command (and CI's): install what is needed, then build and run every test.
# End-to-end tests use ../shared/scans and ../shared/checks when they exist, and skip otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-tests
if [ -x ../shared/checks/setup.sh ]; then
  ../shared/checks/setup.sh >/tmp/sohoa-checks-setup.log 2>&1 || {
    echo "sohoa: ../shared/checks/setup.sh failed; see /tmp/sohoa-checks-setup.log" >&2; exit 1; }
fi
# Selenium for the real-browser tests (a virtualenv outside the repository).
scripts/browser-venv.sh >/dev/null
scripts/lint.sh
export OMP_THREAD_LIMIT=1
quiet() { grep -Ev '^\[[0-9]+/[0-9]+\] ' || true; }
swift build --build-tests 2>&1 | quiet
status=0
swift test --skip-build --disable-swift-testing 2>&1 | tee /tmp/sohoa-test.log || status=$?
# One plain closing line for people and CI: totals over every XCTest case.
passed=$(grep -cE "^Test Case '.*' passed" /tmp/sohoa-test.log || true)
failed=$(grep -cE "^Test Case '.*' failed" /tmp/sohoa-test.log || true)
skipped=$(grep -cE "^Test Case '.*' skipped" /tmp/sohoa-test.log || true)
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || status=1
# Fuzzing (issue 12): every reader of outside input for 30 s under libFuzzer + AddressSanitizer;
# a crash, hang or leak fails CI (the long run is `scripts/fuzz.sh`, see its header).
scripts/fuzz.sh --short || status=1
exit "$status"
