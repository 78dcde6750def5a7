#!/usr/bin/env bash
# The README's first command: install what is needed, build sohoa, run the default pipeline over
# SampleScans/ into ./archive, then show `sohoa status`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export OMP_THREAD_LIMIT=1
quiet() { grep -Ev '^\[[0-9]+/[0-9]+\] ' || true; }
swift build -c release --product sohoa 2>&1 | quiet
bin="$(swift build -c release --show-bin-path)/sohoa"
[ -x "$bin" ] || { echo "sohoa: the build failed; see the messages above" >&2; exit 2; }
status=0
"$bin" run SampleScans --archive ./archive --library LCH "$@" || status=$?
"$bin" status --archive ./archive
exit $status
