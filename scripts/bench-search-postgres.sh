#!/usr/bin/env bash
# Search on PostgreSQL against SQLite (issue 16): PAGES pages (default 20000) of generated Vietnamese
# text are written into a fresh catalog (scripts/bench_search.py), copied to a throwaway PostgreSQL
# (scripts/postgres-test-server.sh, `sohoa catalog copy`), then QUERIES searches (default 100: the
# words of bench-search.sh's queries: one word, two words without diacritics, phrases) are run with
# `sohoa search --json` on each catalog. Prints how many answers differ (must be 0) and the median and
# 95th percentile time of a whole command (process start, opening the catalog, the search) on each.
# Not a test: it prints figures.
# Usage: scripts/bench-search-postgres.sh [PAGES] [QUERIES]
#   SOHOA_BIN=path/to/sohoa to use a binary already built; otherwise the debug build's.
#   KEEP=1 keeps the archive and the server (their paths and address printed) for a closer look.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-20000}"; count="${2:-100}"
bin="${SOHOA_BIN:-$(swift build --show-bin-path)/sohoa}"
work="$(mktemp -d)"
folder=""
cleanup() {
  if [ -n "${KEEP:-}" ]; then
    echo "kept: archive $archive, server $SOHOA_TEST_POSTGRES_URL (stop: scripts/postgres-test-server.sh stop $folder)"
    return
  fi
  if [ -n "$folder" ]; then scripts/postgres-test-server.sh stop "$folder" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
archive="$work/archive"
printf 'id,title,library-code\nBENCH-0,Bench,LCH\n' > "$work/one.csv"
"$bin" holdings import "$work/one.csv" --archive "$archive" >/dev/null
python3 scripts/bench_search.py fill "$archive/catalog.sqlite" "$pages" >/dev/null

server=$(scripts/postgres-test-server.sh start)
eval "$server"
folder="$SOHOA_TEST_POSTGRES_FOLDER"
start=$(date +%s)
"$bin" catalog copy --from "$archive" --to "$SOHOA_TEST_POSTGRES_URL" >/dev/null
echo "copied $pages pages to PostgreSQL in $(( $(date +%s) - start )) s"

python3 scripts/bench_search.py words "$count" > "$work/queries"
python3 - "$bin" "$archive" "$SOHOA_TEST_POSTGRES_URL" "$work/queries" <<'PY'
import statistics, subprocess, sys, time
binary, archive, url, path = sys.argv[1:5]
queries = [line.rstrip("\n") for line in open(path, encoding="utf-8") if line.strip()]
times = {"SQLite": [], "PostgreSQL": []}
differ, hits = 0, 0
for query in queries:
    outputs = []
    for name, extra in (("SQLite", []), ("PostgreSQL", ["--catalog", url])):
        start = time.perf_counter()
        run = subprocess.run([binary, "search", query, "--archive", archive, "--json", "--limit", "20"] + extra,
                             capture_output=True, text=True)
        times[name].append((time.perf_counter() - start) * 1000)
        if run.returncode != 0:
            sys.exit(f"{name}: sohoa search {query!r} failed: {run.stderr}")
        outputs.append(run.stdout)
    hits += outputs[0].count("\n")
    if outputs[0] != outputs[1]:
        differ += 1
        print(f"differs: {query!r}")
for name, values in times.items():
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    print(f"{name}: {len(values)} searches, median {statistics.median(values):.0f} ms, p95 {p95:.0f} ms (whole command)")
print(f"{differ} of {len(queries)} answers differ between SQLite and PostgreSQL; {hits} hits shown on SQLite")
sys.exit(1 if differ else 0)
PY
