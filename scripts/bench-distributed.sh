#!/usr/bin/env bash
# A distributed run's throughput (issue 16): pages per minute of `sohoa run --queue` with 1 and with 2
# `sohoa worker` processes (one page at a time each) on a throwaway PostgreSQL
# (scripts/postgres-test-server.sh), against `sohoa run --jobs 2` with SQLite only, on the same pages
# (SampleScans, every frame its own file, as scripts/bench-throughput.sh makes them); and the queue's own
# cost per page: the workers' wait for their claims and completions (and their own CPU in them), and
# the PostgreSQL server's CPU per page (its processes, those that ended included); scripts/bench-queue.sh
# measures the statements alone. Not a test: prints figures. All processes run on this machine, so the
# waits include waiting for a core that OCR holds; the CPU figures are the queue's cost.
#
#   scripts/bench-distributed.sh              # SOHOA_BIN=path/to/sohoa (default: the debug build)
#   PIPELINE=FILE to choose the pipeline (default Pipelines/default.yaml); ROUNDS=N repeats (default 1);
#   COPIES=N runs each page N times (default 1: 15 pages)
set -euo pipefail
cd "$(dirname "$0")/.."
sohoa=$(readlink -f "${SOHOA_BIN:-.build/debug/sohoa}")
pipeline=$(readlink -f "${PIPELINE:-Pipelines/default.yaml}")
export OMP_THREAD_LIMIT=1
work=$(mktemp -d "${TMPDIR:-/tmp}/sohoa-bench-distributed.XXXXXX")
worker_pids=()
cleanup() {
  for pid in "${worker_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  [ -n "${SOHOA_TEST_POSTGRES_FOLDER:-}" ] && scripts/postgres-test-server.sh stop "$SOHOA_TEST_POSTGRES_FOLDER"
  rm -rf "$work"
}
trap cleanup EXIT
# Taken into a variable first: `eval "$(…)"` would hide a failed start from `set -e`.
server=$(scripts/postgres-test-server.sh start)
eval "$server"
url=$SOHOA_TEST_POSTGRES_URL

mkdir -p "$work/batch/pages"
while IFS= read -r f; do
  frames=$(tiffinfo "$f" 2>/dev/null | grep -c "TIFF Directory" || true)
  if [ "${f##*.}" = "tif" ] && [ "$frames" -gt 1 ]; then
    tiffsplit "$f" "$work/batch/pages/$(basename "${f%.*}")-" >/dev/null
  else
    cp "$f" "$work/batch/pages/"
  fi
done < <(find SampleScans -name '*.tif' -o -name '*.png' | sort -V)
# COPIES=N: each page N times (other names), so that what each process pays once (connecting, its
# first statements) weighs less than what each page costs.
for copy in $(seq 2 "${COPIES:-1}"); do
  for f in "$work/batch/pages"/*; do
    [ -f "$f" ] && case "$(basename "$f")" in c[0-9]*-*) ;; *) cp "$f" "$(dirname "$f")/c$copy-$(basename "$f")" ;; esac
  done
done
pages=$(ls "$work/batch/pages" | wc -l)

now() { date +%s.%N; }
# CPU seconds of the PostgreSQL server so far: the postmaster and its live processes, and the processes
# that ended (their time is added to the postmaster's when it reaps them).
pg_cpu() {
  python3 - "$SOHOA_TEST_POSTGRES_FOLDER/data/postmaster.pid" <<'PY'
import os, sys
tick = os.sysconf("SC_CLK_TCK")
def fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()
master = int(open(sys.argv[1]).readline())
own = fields(master)
total = sum(int(x) for x in own[11:15])  # utime stime cutime cstime
for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) != master:
        try:
            f = fields(pid)
        except OSError:
            continue
        if int(f[1]) == master:
            total += int(f[11]) + int(f[12])
print(total / tick)
PY
}
ppm() { python3 -c "print(f'{$pages / ($2 - $1) * 60:.1f}')"; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }
# What the run's summary (its last JSON line) says of the pages: a fast run must not be a run that skipped pages.
outcome() {
  python3 -c "import json, sys; s = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1]); \
print(f\"{s.get('pages_done', '?')} done, {s.get('pages_failed', '?')} failed, {s.get('pages_reused', '?')} reused\")" "$1"
}

# `sohoa run` with SQLite only, two OCR workers.
local_run() {
  rm -rf "$work/archive"
  local t0 t1
  t0=$(now)
  "$sohoa" run "$work/batch" --archive "$work/archive" --jobs 2 --pipeline "$pipeline" --json >"$work/local.jsonl" 2>/dev/null
  t1=$(now)
  printf '%-44s %7s s  %6s pages/min  (%s)\n' "sohoa run --jobs 2 (SQLite)" "$(secs "$t0" "$t1")" "$(ppm "$t0" "$t1")" \
    "$(outcome "$work/local.jsonl")"
}

# `sohoa run --queue` (planning and packaging only) with $1 worker processes of one page at a time.
queued_run() {
  local count=$1 t0 t1 i queue_ms queue_cpu pg0 pg1 server_ms
  rm -rf "$work/archive"
  worker_pids=()
  mkdir -p "$work/archive"
  pg0=$(pg_cpu)
  t0=$(now)
  for i in $(seq 1 "$count"); do
    "$sohoa" worker --queue "$url" --archive "$work/archive" --jobs 1 --name "bench-$i" >"$work/worker-$i.out" 2>"$work/worker-$i.err" &
    worker_pids+=($!)
  done
  "$sohoa" run "$work/batch" --archive "$work/archive" --queue "$url" --pipeline "$pipeline" --json >"$work/queued.jsonl" 2>/dev/null
  t1=$(now)
  for pid in "${worker_pids[@]}"; do kill -TERM "$pid"; done
  for pid in "${worker_pids[@]}"; do wait "$pid" || true; done
  worker_pids=()
  sleep 1  # the backends of the closed connections end and are reaped
  pg1=$(pg_cpu)
  server_ms=$(python3 -c "print(f'{($pg1 - $pg0) * 1000 / $pages:.1f}')")
  # Each worker's summary ends with "queue X ms/page (CPU Y ms)" (or "hàng đợi X ms/trang (CPU Y ms)"): the means over workers.
  queue_ms=$(cat "$work"/worker-*.out | grep -oE '[0-9]+\.[0-9]+ ms/' | cut -d' ' -f1 | awk '{ s += $1; n++ } END { if (n) printf "%.1f", s / n; else print "?" }')
  queue_cpu=$(cat "$work"/worker-*.out | grep -oE 'CPU [0-9]+\.[0-9]+ ms' | cut -d' ' -f2 | awk '{ s += $1; n++ } END { if (n) printf "%.1f", s / n; else print "?" }')
  printf '%-44s %7s s  %6s pages/min  (%s)\n  queue: waited %s ms/page, CPU %s ms/page worker + %s ms/page PostgreSQL (planner included)\n' \
    "sohoa run --queue, $count sohoa worker --jobs 1" "$(secs "$t0" "$t1")" "$(ppm "$t0" "$t1")" "$(outcome "$work/queued.jsonl")" \
    "$queue_ms" "$queue_cpu" "$server_ms"
  rm -f "$work"/worker-*.out "$work"/worker-*.err
}

# The queue's tables are made by the first process that opens it (a worker, here, outside the timings):
# the queued runs below measure the work, not the migration.
mkdir -p "$work/archive"
"$sohoa" worker --queue "$url" --archive "$work/archive" --jobs 1 --name warm-up >/dev/null 2>"$work/warm-up.err" &
warm=$!
for _ in $(seq 1 600); do grep -qE 'waiting|đang chờ' "$work/warm-up.err" && break; sleep 0.1; done
kill -TERM "$warm"; wait "$warm" || true

echo "pages: $pages, cores: $(getconf _NPROCESSORS_ONLN), binary: $sohoa, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "${ROUNDS:-1}"); do
  echo "round $round"
  local_run
  queued_run 1
  queued_run 2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
