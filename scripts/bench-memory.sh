#!/usr/bin/env bash
# Peak memory (max RSS) of `sohoa run` on a SMALL and a LARGE batch made of SampleScans/ pages
# (items of 10 pages, hard links), measured in the same run. The design target: the large batch
# peaks within 20% of the small one. Not a test: prints figures.
# Usage: scripts/bench-memory.sh [SMALL] [LARGE] [JOBS]   (default 50 500 2); PIPELINE=FILE to choose the pipeline;
# SMALL_ITEM_PAGES / LARGE_ITEM_PAGES set the pages of an item in each batch (default 10): issue 19's
# target, 40 one-page items and one 400-page item each within 300 MB, is
#   SMALL_ITEM_PAGES=1 LARGE_ITEM_PAGES=400 scripts/bench-memory.sh 40 400
# SOHOA=FILE measures that binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
small="${1:-50}"; large="${2:-500}"; jobs="${3:-2}"
scripts/install-deps.sh
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
export OMP_THREAD_LIMIT=1
bin="${SOHOA:-}"
if [ -z "$bin" ]; then
  swift build -c release --product sohoa 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\] ' || true
  bin="$(swift build -c release --show-bin-path)/sohoa"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mapfile -t sources < <(find SampleScans -name '*.png' -o -name '*.tif' | grep -v cong-van | sort -V)

make_batch() {  # make_batch DIR PAGES PAGES-AN-ITEM
  local dir="$1" count="$2" per="$3" i
  for ((i = 0; i < count; i++)); do
    local item="$dir/item-$((i / per))"
    mkdir -p "$item"
    local src="${sources[$((i % ${#sources[@]}))]}"
    ln "$src" "$item/$((i % per + 1)).${src##*.}" 2>/dev/null || cp "$src" "$item/$((i % per + 1)).${src##*.}"
  done
}

measure() {  # measure PAGES PAGES-AN-ITEM -> prints "pages seconds maxrss_kb"
  local count="$1"
  make_batch "$work/batch-$count" "$count" "$2"
  /usr/bin/time -f "%e %M" -o "$work/time-$count" "$bin" run "$work/batch-$count" --archive "$work/archive-$count" \
    --jobs "$jobs" --pipeline "${PIPELINE:-Pipelines/default.yaml}" >"$work/run-$count.json" 2>&1 || true
  grep -q '"event":"summary"' "$work/run-$count.json" || { echo "bench-memory: the $count-page run failed:" >&2; tail -3 "$work/run-$count.json" >&2; exit 1; }
  read -r seconds rss < <(tail -1 "$work/time-$count")
  echo "$count $seconds $rss"
}

read -r sp ss sr < <(measure "$small" "${SMALL_ITEM_PAGES:-10}")
read -r lp ls lr < <(measure "$large" "${LARGE_ITEM_PAGES:-10}")
echo "jobs: $jobs"
printf '%6s pages (items of %s): %8.1f s, peak RSS %8.1f MiB\n' "$sp" "${SMALL_ITEM_PAGES:-10}" "$ss" "$(echo "$sr / 1024" | bc -l)"
printf '%6s pages (items of %s): %8.1f s, peak RSS %8.1f MiB\n' "$lp" "${LARGE_ITEM_PAGES:-10}" "$ls" "$(echo "$lr / 1024" | bc -l)"
python3 -c "print(f'ratio large/small peak RSS: {$lr / $sr:.3f} (target ≤ 1.20)')"
