#!/usr/bin/env bash
# CPU time `sohoa serve` spends per search, with the recent-search cache missing and hitting, on an
# archive already made (e.g. one kept by `KEEP=1 scripts/load-test.sh`). Three runs of wrk (4
# connections, SECONDS each, default 20) against a fresh server each: 2,000 searches that are nearly all
# different (bench_search.queries: misses), a day of searches (load_test.py: ~70% repeats) and one
# search again and again (hits). Prints the server's CPU seconds (/proc utime+stime) per answered
# search. Not a test: it prints figures; the machine may be shared, so compare binaries back to back.
# A binary with a newer catalog schema migrates the archive when it opens it (v-search-fast rebuilds
# the full-text index: about a minute for 100,000 pages), and older binaries then refuse it: to
# compare across a migration, run each binary on its own copy of the archive.
# Usage: scripts/load/search-cpu.sh ARCHIVE BIN...   (SECONDS_PER_RUN=N: seconds per run)
set -euo pipefail
cd "$(dirname "$0")/../.."
archive="$1"; shift
seconds="${SECONDS_PER_RUN:-20}"
work="$(mktemp -d /tmp/sohoa-search-cpu.XXXXXX)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
python3 - "$work" <<'PY'
import random, sys, urllib.parse
sys.path.insert(0, "scripts"); sys.path.insert(0, "scripts/load")
import bench_search, load_test
out = sys.argv[1]
write = lambda name, qs: open(f"{out}/{name}.txt", "w").write("\n".join("/search?" + urllib.parse.urlencode(q) for q in qs) + "\n")
write("different", bench_search.queries(2000))
write("day", load_test.day_of_searches(2000, random.Random(12)))
write("same", [{"q": "cúng"}])
PY
export LOAD_SCRIPTS="$PWD/scripts/load" LOAD_KIND=search
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
printf '%-40s %-10s %8s %8s %14s\n' binary searches answered p50_ms "CPU ms/search"
for bin in "$@"; do
  for kind in different day same; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    "$bin" serve --archive "$archive" --host 127.0.0.1 --port "$port" >"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
    # Warm-up (every reader connection opened, the OS cache filled), not counted.
    LOAD_PATHS="$work/$kind.txt" wrk -t1 -c4 -d3s -s scripts/load/paths.lua "http://127.0.0.1:$port" >/dev/null
    before=$(ticks)
    line=$(LOAD_PATHS="$work/$kind.txt" wrk -t1 -c4 -d"${seconds}s" -s scripts/load/paths.lua "http://127.0.0.1:$port" | grep '^{')
    after=$(ticks)
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
    python3 -c "
import json, os, sys
row = json.loads(sys.argv[1]); hz = os.sysconf('SC_CLK_TCK')
cpu = (int(sys.argv[2]) - int(sys.argv[3])) / hz * 1000 / max(row['requests'], 1)
print(f\"{sys.argv[4][-40:]:<40} {sys.argv[5]:<10} {row['requests']:>8} {row['p50_ms']:>8.1f} {cpu:>14.1f}\")
" "$line" "$after" "$before" "$bin" "$kind"
  done
done
