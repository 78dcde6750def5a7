#!/usr/bin/env bash
# Search quality on the judged query set (issue 18): scripts/search-judgements/ holds pages (generated
# around words that fold alike, plus SampleScans' ground-truth texts), 107 queries and their graded
# judgements. The pages are written into a fresh catalog, `sohoa serve` is started twice on it, once
# with today's ranking and once with the ranking before issue 18 (SOHOA_SEARCH_RANKING=folded, which
# folds every mark), every query is sent to both, and precision@10 and nDCG@10 are printed side by
# side, by ir-measures (PyPI, over trec_eval's pytrec_eval) in a venv under ~/.cache/sohoa.
# Not a test: it prints figures.
# Usage: scripts/search-eval.sh   (SOHOA_BIN=path/to/sohoa to use a binary already built, else a debug build is made)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${SOHOA_BIN:-}" ]; then
  bin="$SOHOA_BIN"
else
  swift build --product sohoa 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\] ' || true
  bin="$(swift build --show-bin-path)/sohoa"
fi
python="$(scripts/python-venv.sh search-eval)"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
archive="$work/archive"
printf 'id,title,library-code\nEVAL-0,Eval,GEN\n' > "$work/one.csv"
"$bin" holdings import "$work/one.csv" --archive "$archive" >/dev/null
python3 scripts/search_eval.py fill "$archive/catalog.sqlite"

serve() {  # serve RANKING RUNFILE
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  SOHOA_SEARCH_RANKING="$1" "$bin" serve --archive "$archive" --host 127.0.0.1 --port "$port" > "$work/serve-$1.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=2)" 2>/dev/null; then break; fi
    kill -0 "$server" 2>/dev/null || { cat "$work/serve-$1.log"; exit 3; }
    sleep 0.2
  done
  python3 scripts/search_eval.py run "http://127.0.0.1:$port" "$2"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}
serve folded "$work/before.run"
serve marks "$work/marks.run"
"$python" scripts/search_eval.py score "$work/before.run" "$work/marks.run"
