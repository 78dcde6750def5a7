#!/usr/bin/env bash
# Search latency of `sohoa serve` at scale: PAGES pages (default 100000) of generated Vietnamese text
# are written straight into a fresh catalog (scripts/bench_search.py), a release `sohoa serve` is
# started on 127.0.0.1, then QUERIES searches (default 1000: one word, two words without diacritics,
# phrases, filters, later result pages) are sent over HTTP one after the other. Prints the median and
# 95th percentile latency (target: p95 <= 50 ms) and the review page's response time for a signed-in
# archivist (skipped with a message when that route or session sign-in is not there).
# Not a test: it prints figures.
# Usage: scripts/bench-search.sh [PAGES] [QUERIES]
#   SOHOA_BIN=path/to/sohoa to use a binary already built; otherwise a release build is made.
#   KEEP=1 keeps the generated archive.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-100000}"; count="${2:-1000}"
if [ -n "${SOHOA_BIN:-}" ]; then
  bin="$SOHOA_BIN"
else
  swift build -c release --product sohoa 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\] ' || true
  bin="$(swift build -c release --show-bin-path)/sohoa"
fi
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "${KEEP:-}" ]; then echo "data kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
archive="$work/archive"

# An empty archive with the current schema: import a one-row register (removed by the generator).
printf 'id,title,library-code\nBENCH-0,Bench,LCH\n' > "$work/one.csv"
"$bin" holdings import "$work/one.csv" --archive "$archive" >/dev/null

start=$(date +%s)
read -r token review_page < <(python3 scripts/bench_search.py fill "$archive/catalog.sqlite" "$pages")
echo "generated $pages pages in $(( $(date +%s) - start )) s ($(du -h "$archive/catalog.sqlite" | cut -f1) catalog)"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --archive "$archive" --host 127.0.0.1 --port "$port" > "$work/serve.log" 2>&1 &
server=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen('$url/', timeout=2)" 2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; exit 3; }
  sleep 0.2
done

python3 scripts/bench_search.py query "$url" 20 >/dev/null   # warm the page cache
python3 scripts/bench_search.py query "$url" "$count"
python3 scripts/bench_search.py time "$url" "/review/$review_page" "$token" 20
