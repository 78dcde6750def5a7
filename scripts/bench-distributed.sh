#!/usr/bin/env bash
# A distributed run's throughput (issue 16): pages per minute of `sohoa run --queue` with 1 and with 2
# `sohoa worker` processes (one page at a time each) on a throwaway PostgreSQL
# (scripts/postgres-test-server.sh), against `sohoa run --jobs 2` with SQLite only, on the same pages
# (SampleScans, every frame its own file, as scripts/bench-throughput.sh makes them); and the queue's own
# cost per page as the workers measured it (claim + completion; scripts/bench-queue.sh measures the
# statements alone). Not a test: prints figures. All processes run on this machine.
#
#   scripts/bench-distributed.sh              # SOHOA_BIN=path/to/sohoa (default: the debug build)
#   PIPELINE=FILE to choose the pipeline (default Pipelines/default.yaml); ROUNDS=N repeats (default 1)
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
pages=$(ls "$work/batch/pages" | wc -l)

now() { date +%s.%N; }
ppm() { python3 -c "print(f'{$pages / ($2 - $1) * 60:.1f}')"; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

# `sohoa run` with SQLite only, two OCR workers.
local_run() {
  rm -rf "$work/archive"
  local t0 t1
  t0=$(now)
  "$sohoa" run "$work/batch" --archive "$work/archive" --jobs 2 --pipeline "$pipeline" --json >"$work/local.jsonl" 2>/dev/null
  t1=$(now)
  printf '%-44s %7s s  %6s pages/min\n' "sohoa run --jobs 2 (SQLite)" "$(secs "$t0" "$t1")" "$(ppm "$t0" "$t1")"
}

# `sohoa run --queue` (planning and packaging only) with $1 worker processes of one page at a time.
queued_run() {
  local count=$1 t0 t1 i queue_ms
  rm -rf "$work/archive"
  worker_pids=()
  mkdir -p "$work/archive"
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
  # Each worker's summary ends with "queue X ms/page" (or "hàng đợi X ms/trang"): the mean over workers.
  queue_ms=$(cat "$work"/worker-*.out | grep -oE '[0-9]+\.[0-9]+ ms/' | cut -d' ' -f1 | awk '{ s += $1; n++ } END { if (n) printf "%.1f", s / n; else print "?" }')
  printf '%-44s %7s s  %6s pages/min  queue %s ms/page\n' "sohoa run --queue, $count sohoa worker --jobs 1" "$(secs "$t0" "$t1")" \
    "$(ppm "$t0" "$t1")" "$queue_ms"
  rm -f "$work"/worker-*.out "$work"/worker-*.err
}

echo "pages: $pages, cores: $(getconf _NPROCESSORS_ONLN), binary: $sohoa, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "${ROUNDS:-1}"); do
  echo "round $round"
  local_run
  queued_run 1
  queued_run 2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
