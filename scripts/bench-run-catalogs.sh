#!/usr/bin/env bash
# `sohoa run` with its catalog on SQLite (the archive's catalog.sqlite) and on PostgreSQL
# (`--catalog postgresql://…`, issue 16), on the same SampleScans pages, alternating ROUNDS times:
# prints each run's wall and CPU seconds and pages per minute, so the two can be compared on a
# machine as busy as it is. A throwaway PostgreSQL (scripts/postgres-test-server.sh), one fresh
# database per run.
#
#   scripts/bench-run-catalogs.sh [ROUNDS]   # default 2; JOBS=2 (--jobs); SOHOA_BIN=path/to/sohoa (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
jobs=${JOBS:-2}
sohoa=${SOHOA_BIN:-.build/debug/sohoa}
work=$(mktemp -d "${TMPDIR:-/tmp}/sohoa-bench-catalogs.XXXXXX")
# Taken into a variable first: `eval "$(…)"` would hide a failed start from `set -e`.
server=$(scripts/postgres-test-server.sh start)
eval "$server"
trap 'scripts/postgres-test-server.sh stop "$SOHOA_TEST_POSTGRES_FOLDER"; rm -rf "$work"' EXIT
export PGOPTIONS="-c client_min_messages=warning"

# Three items, eight pages: Thai and Vietnamese text, a newspaper page, a gazetteer's pages.
mkdir -p "$work/batch/truyen-co" "$work/batch/bao-xuan" "$work/batch/dia-chi"
cp SampleScans/truyen-co-thai/01.tif SampleScans/truyen-co-thai/02.tif "$work/batch/truyen-co/"
cp SampleScans/bao-lai-chau-1998/trang-2.tif "$work/batch/bao-xuan/"
cp SampleScans/dia-chi-lai-chau/*.tif "$work/batch/dia-chi/"
echo "pages: $(find "$work/batch" -name '*.tif' | wc -l), --jobs $jobs, load: $(cut -d' ' -f1-3 /proc/loadavg)"

# One run; prints "<catalog> round <n>: <wall> s wall, <cpu> s CPU, <ppm> pages/min".
run() {
  local name=$1 round=$2
  shift 2
  local start end summary
  start=$(date +%s.%N)
  summary=$(/usr/bin/time -f '%U %S' -o "$work/time" "$sohoa" run "$work/batch" --archive "$work/archive-$name-$round" \
    --library LCH --jobs "$jobs" --json "$@" 2>"$work/stderr" | tail -1) || { cat "$work/stderr" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c '
import json, sys
summary = json.loads(sys.argv[1])
user, system = (float(x) for x in open(sys.argv[2]).read().split())
assert summary["exit_code"] == 0, summary
print("%-10s round %s: %6.2f s wall, %6.2f s CPU, %5.1f pages/min" % (
    sys.argv[3], sys.argv[4], float(sys.argv[6]) - float(sys.argv[5]), user + system, summary["pages_per_minute"]))
' "$summary" "$work/time" "$name" "$round" "$start" "$end"
}

for round in $(seq 1 "$rounds"); do
  run sqlite "$round"
  database="bench_$round"
  psql "$SOHOA_TEST_POSTGRES_URL" -qc "CREATE DATABASE $database"
  run postgresql "$round" --catalog "${SOHOA_TEST_POSTGRES_URL%/*}/$database"
done
