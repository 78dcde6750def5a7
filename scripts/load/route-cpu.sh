#!/usr/bin/env bash
# CPU time `sohoa serve` spends per request of each kind of the load test (search, item, tile, oai,
# review), for binaries compared back to back: the figure a busy, shared machine changes least (wall
# times there depend on what else runs). Each binary runs on its own archive kept by
# `KEEP=1 scripts/load-test.sh` (a binary with a newer catalog schema migrates an archive, and older
# ones then refuse it). Per round, per kind, each binary in turn: a fresh server, wrk (2 connections)
# for 3 s of warm-up, then SECONDS (default 10) counted; the server's CPU seconds (/proc utime+stime)
# over the answers. The paths are those the load test uses (load_test.py paths, same seed), so both
# archives are asked the same things. Not a test: it prints figures (ms per request, and each
# binary's figure over the first's).
# Usage: scripts/load/route-cpu.sh KEPT_FOLDER BIN [KEPT_FOLDER BIN ...]
#   ROUNDS=N (default 2), SECONDS_PER_RUN=N, KINDS="search item tile oai review".
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] && [ $(($# % 2)) -eq 0 ] || { echo "usage: scripts/load/route-cpu.sh KEPT_FOLDER BIN [KEPT_FOLDER BIN ...]" >&2; exit 2; }
seconds="${SECONDS_PER_RUN:-10}" rounds="${ROUNDS:-2}" kinds="${KINDS:-search item tile oai review}"
work="$(mktemp -d /tmp/sohoa-route-cpu.XXXXXX)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export OMP_THREAD_LIMIT=1 LOAD_SCRIPTS="$PWD/scripts/load"
folders=() bins=()
while [ $# -gt 0 ]; do
  [ -f "$1/archive/catalog.sqlite" ] || { echo "route-cpu: $1 holds no archive/catalog.sqlite" >&2; exit 2; }
  folders+=("$1") bins+=("$2"); shift 2
done
start_server() { # start_server INDEX: a fresh server on folder INDEX's archive; sets $server and $url.
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  "${bins[$1]}" serve --archive "${folders[$1]}/archive" --host 127.0.0.1 --port "$port" >"$work/serve-$1.log" 2>&1 &
  server=$!
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 300); do curl -s -o /dev/null "$url/" && return 0; sleep 0.2; done
  echo "route-cpu: ${bins[$1]} serve did not start" >&2; cat "$work/serve-$1.log" >&2; exit 3
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# Paths and a signed-in archivist per archive.
for i in "${!folders[@]}"; do
  mkdir -p "$work/$i"
  start_server "$i"
  python3 scripts/load/load_test.py paths "$url" "${folders[$i]}/archive/catalog.sqlite" "$work/$i" 2000 >/dev/null
  python3 scripts/load/load_test.py session "${folders[$i]}/archive/catalog.sqlite" >"$work/$i/token"
  stop_server
done
echo "$(uptime)"
printf '%-6s %-5s %-44s %8s %8s %10s\n' round kind binary answered p50_ms "CPU ms/req"
for round in $(seq 1 "$rounds"); do
  for kind in $kinds; do
    for i in "${!folders[@]}"; do
      cookie=""
      [ "$kind" = review ] && cookie="sohoa_session=$(cat "$work/$i/token")"
      start_server "$i"
      LOAD_KIND="$kind" LOAD_PATHS="$work/$i/$kind.txt" LOAD_COOKIE="$cookie" \
        wrk -t1 -c2 -d3s -s scripts/load/paths.lua "$url" >/dev/null
      before=$(ticks)
      line=$(LOAD_KIND="$kind" LOAD_PATHS="$work/$i/$kind.txt" LOAD_COOKIE="$cookie" \
        wrk -t1 -c2 -d"${seconds}s" -s scripts/load/paths.lua "$url" | grep '^{')
      after=$(ticks)
      stop_server
      python3 -c "
import json, os, sys
row = json.loads(sys.argv[1]); hz = os.sysconf('SC_CLK_TCK')
cpu = (int(sys.argv[2]) - int(sys.argv[3])) / hz * 1000 / max(row['requests'], 1)
print(f\"{sys.argv[6]:<6} {sys.argv[5]:<5} {sys.argv[4][-44:]:<44} {row['requests']:>8} {row['p50_ms']:>8.1f} {cpu:>10.2f}\" + (f\"  errors {row['status_errors'] + row['socket_errors'] + row['timeouts']}\" if row['status_errors'] + row['socket_errors'] + row['timeouts'] else ''))
" "$line" "$after" "$before" "${bins[$i]}" "$kind" "$round" | tee -a "$work/rows.txt"
    done
  done
done
echo "mean CPU ms per request (ratio to the first binary):"
python3 - "$work/rows.txt" "${bins[@]}" <<'PY'
import collections, sys
rows = [line.split() for line in open(sys.argv[1])]
bins = [b[-44:] for b in sys.argv[2:]]
cpu = collections.defaultdict(list)
for r in rows:
    cpu[(r[1], r[2])].append(float(r[5]))
kinds = list(dict.fromkeys(r[1] for r in rows))
for kind in kinds:
    first = sum(cpu[(kind, bins[0])]) / len(cpu[(kind, bins[0])])
    parts = []
    for b in bins:
        v = sum(cpu[(kind, b)]) / len(cpu[(kind, b)])
        parts.append(f"{b}: {v:.2f} ({v / first:.2f}x)")
    print(f"  {kind:<6} " + "   ".join(parts))
PY
