#!/usr/bin/env bash
# Load test of `sohoa serve` (issue 12). Builds a catalog of PAGES generated pages (default 100000,
# scripts/bench_search.py) plus real archived items (SampleScans run through `sohoa run`), starts a
# release `sohoa serve` on 127.0.0.1 (a free port) and runs, with Debian's `wrk`:
#   1. the mixed workload for SECONDS (default 60) at 32 connections: search 10, item pages 6,
#      IIIF tiles at random regions and sizes 8, OAI-PMH ListRecords 4, review pages (signed in) 4;
#      the searches are a day's worth: about 600 different ones with Zipf-like repeats and later
#      pages now and then (scripts/load/load_test.py prints how often they repeat, since the server
#      keeps recent searches' rankings);
#   2. the same again with abusive requests alongside: whole images at the largest IIIF size
#      (4 connections) and a sign-in flood of wrong passwords (4 connections).
# Prints requests per second, p50/p99 per kind, errors and the server's peak memory (VmHWM), and
# checks the issue's targets (0 errors; search p99 <= 150 ms; tile p99 <= 300 ms; legitimate p99
# with abuse <= 2x without; peak memory <= 1 GB), and the server's CPU time per legitimate request in
# each phase with the load average before and after (to compare binaries on a shared machine). Exit 1 on errors (or with --strict, a missed
# timing target); timing figures alone never fail the run, since the machine may be shared. Errors:
# any answer to a legitimate request that is not 2xx/3xx (a busy 503 included), socket errors or
# timeouts; for the abusive requests, a server error other than 503 or a socket error; the server
# dying.
# Usage: scripts/load-test.sh [--short] [--strict]
#   --short: 5,000 pages, one small sample item, 10 s per phase (CI: about a minute and a half with
#            the debug binary; fails only on errors or a crash, never on timing; a debug binary's
#            timings are printed but not compared with the targets, which are the release build's).
#   SOHOA_BIN=path/to/sohoa to use a binary already built; otherwise a release build is made.
#   PAGES=N SECONDS_PER_PHASE=N override the sizes; KEEP=1 keeps the generated archive and wrk's output.
#   REUSE=/tmp/sohoa-load.XXXXXX runs the load again on an archive an earlier run kept (KEEP=1), without
#   making it again: to compare two binaries back to back on the same catalog (a binary with a newer
#   catalog schema migrates it, and older ones then refuse it). The archive is kept; its output goes
#   to a new folder in it.
#   SOHOA_SEARCH_TRACE=1 makes the server write each search's timing and prints where the searches of
#   the mixed load spent their time (scripts/load/search-trace.py).
set -euo pipefail
cd "$(dirname "$0")/.."
short="" strict=""
for arg in "$@"; do
  case "$arg" in
    --short) short=1 ;;
    --strict) strict="--strict" ;;
    *) echo "usage: scripts/load-test.sh [--short] [--strict]" >&2; exit 2 ;;
  esac
done
if [ -n "$short" ]; then pages="${PAGES:-5000}"; seconds="${SECONDS_PER_PHASE:-10}"; else
  pages="${PAGES:-100000}"; seconds="${SECONDS_PER_PHASE:-60}"; fi
command -v wrk >/dev/null || scripts/install-deps.sh --with-tests
export OMP_THREAD_LIMIT=1
if [ -n "${SOHOA_BIN:-}" ]; then
  bin="$SOHOA_BIN"
else
  swift build -c release --product sohoa 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\] ' || true
  bin="$(swift build -c release --show-bin-path)/sohoa"
fi
if [ -n "${REUSE:-}" ]; then
  [ -f "$REUSE/archive/catalog.sqlite" ] || { echo "load-test: REUSE=$REUSE holds no archive/catalog.sqlite" >&2; exit 2; }
  work="$REUSE" out="$(mktemp -d "$REUSE/out.XXXXXX")"
else
  work="$(mktemp -d /tmp/sohoa-load.XXXXXX)" out="$work/out"
fi
server="" loaders=()
cleanup() {
  for pid in "${loaders[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "${REUSE:-}" ]; then
    if [ -n "${KEEP:-}" ]; then echo "output kept in $out"; else rm -rf "$out"; fi
  elif [ -n "${KEEP:-}" ]; then echo "data kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
archive="$work/archive"
mkdir -p "$out"

# Real archived items (for item pages, IIIF tiles and review pages), then the generated pages.
if [ -n "${REUSE:-}" ]; then
  token=$(python3 scripts/load/load_test.py session "$archive/catalog.sqlite")
  echo "catalog: $archive again ($(du -h "$archive/catalog.sqlite" | cut -f1))"
else
  batch=SampleScans
  if [ -n "$short" ]; then
    mkdir -p "$work/batch"; cp -R SampleScans/truyen-co-thai "$work/batch/"; batch="$work/batch"
  fi
  start=$(date +%s)
  "$bin" run "$batch" --archive "$archive" --library LCH >"$work/run.log" 2>&1 || {
    tail -20 "$work/run.log"; echo "load-test: sohoa run failed (log above)" >&2; exit 3; }
  read -r token _ < <(python3 scripts/bench_search.py fill "$archive/catalog.sqlite" "$pages")
  echo "load-test-password" | "$bin" users add load-archivist --role archivist --password-stdin --archive "$archive" >/dev/null
  echo "catalog: $pages generated pages + $batch archived, in $(( $(date +%s) - start )) s ($(du -h "$archive/catalog.sqlite" | cut -f1))"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log="$out/serve.log"
"$bin" serve --archive "$archive" --host 127.0.0.1 --port "$port" >>"$log" 2>&1 &
server=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 150); do
  if python3 -c "import urllib.request; urllib.request.urlopen('$url/', timeout=2)" 2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { cat "$log"; echo "load-test: sohoa serve did not start" >&2; exit 3; }
  sleep 0.2
done
python3 scripts/load/load_test.py paths "$url" "$archive/catalog.sqlite" "$out" 2000

export LOAD_SCRIPTS="$PWD/scripts/load"
# load KIND CONNECTIONS SECONDS LOG [COOKIE]: one wrk in the background, its pid in $loaders.
load() {
  local kind="$1" connections="$2" duration="$3" log="$4" cookie="${5:-}"
  local script=paths.lua
  [ "$kind" = "sign-in flood" ] && script=sign-in-flood.lua
  LOAD_KIND="$kind" LOAD_PATHS="$out/${kind// /-}.txt" LOAD_COOKIE="$cookie" LOAD_USER=load-archivist \
    timeout $((duration + 30)) wrk -t1 -c"$connections" -d"${duration}s" --timeout 10s -s "scripts/load/$script" "$url" \
    >>"$log" 2>&1 &
  loaders+=($!)
}
mixed() {
  load search 10 "$1" "$2"; load item 6 "$1" "$2"; load tile 8 "$1" "$2"; load oai 4 "$1" "$2"
  load review 4 "$1" "$2" "sohoa_session=$token"
}
finish() { for pid in "${loaders[@]}"; do wait "$pid" || true; done; loaders=(); }
peak() { awk '/VmHWM/ {print $2}' "/proc/$server/status"; }
# The server's CPU time so far (clock ticks, utime + stime) and the machine's load, for the report's
# CPU per request: the figure a busy, shared machine changes least.
ticks() { echo "$(awk '{print $14 + $15}' "/proc/$server/stat") $(getconf CLK_TCK) $(cut -d' ' -f1 /proc/loadavg)"; }

mixed 3 "$out/warm-up.log"; finish
echo "mixed load: $seconds s at 32 connections"
echo "--- mixed load" >>"$log"
ticks >"$out/cpu-quiet.txt"
mixed "$seconds" "$out/quiet.log"; finish
ticks >>"$out/cpu-quiet.txt"
echo "--- with abuse" >>"$log"
peak >"$out/peak-quiet.txt"
echo "mixed load with abusive requests alongside: $seconds s (+ 8 abusive connections)"
ticks >"$out/cpu-abuse.txt"
mixed "$seconds" "$out/abuse.log"
load "iiif max" 4 "$seconds" "$out/abuse.log"; load "sign-in flood" 4 "$seconds" "$out/abuse.log"
finish
ticks >>"$out/cpu-abuse.txt"
peak >"$out/peak-abuse.txt"
kill -0 "$server" 2>/dev/null || { tail -20 "$log"; echo "load-test: the server died" >&2; exit 1; }
grep -h '^{' "$out/quiet.log" >"$out/quiet.jsonl" || true
grep -h '^{' "$out/abuse.log" >"$out/abuse.jsonl" || true
if [ "${SOHOA_SEARCH_TRACE:-}" = 1 ]; then
  echo "where the searches of the mixed load spent their time in the server:"
  python3 scripts/load/search-trace.py "$log" --after "--- mixed load" --before "--- with abuse" || true
fi
debug_binary=""
case "$bin" in */debug/*) debug_binary="--debug-binary" ;; esac
python3 scripts/load/load_test.py report "$out" $strict $debug_binary
