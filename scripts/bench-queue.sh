#!/usr/bin/env bash
# The work queue's own cost per page (issue 16; target ≤ 10 ms): a throwaway PostgreSQL
# (scripts/postgres-test-server.sh), the catalog schema made by `sohoa catalog copy`, PAGES pages
# enqueued, then pgbench running the queue's claim and complete statements with 1 and with 2 clients,
# each client one worker. The statements are `WorkQueue`'s own (`expireLeasesSQL`, `claimSQL`,
# `completeSQL` in Sources/SohoaPostgres/Queue/WorkQueue.swift), read from that file, so the bench
# cannot drift from the code. Prints milliseconds per page and pages per second; no OCR is done.
#
#   scripts/bench-queue.sh [PAGES]        # default 20000; SOHOA_BIN=path/to/sohoa (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-20000}
sohoa=${SOHOA_BIN:-.build/debug/sohoa}
bindir=$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")")
work=$(mktemp -d "${TMPDIR:-/tmp}/sohoa-bench-queue.XXXXXX")
# Taken into a variable first: `eval "$(…)"` would hide a failed start from `set -e`.
server=$(scripts/postgres-test-server.sh start)
eval "$server"
trap 'scripts/postgres-test-server.sh stop "$SOHOA_TEST_POSTGRES_FOLDER"; rm -rf "$work"' EXIT
url=$SOHOA_TEST_POSTGRES_URL
export PGOPTIONS="-c client_min_messages=warning"

# Copying the empty PostgreSQL database out makes its catalog schema (and an empty SQLite file).
"$sohoa" catalog copy --from "$url" --to "$work/empty.sqlite" >/dev/null

# WorkQueue's statement named $1, as written in its `static let $1 = """ … """` block.
statement() {
  awk -v name="$1" '
    index($0, "static let " name " = \"\"\"") { inside = 1; next }
    inside && $0 ~ /^ *"""/ { found = 1; exit }
    inside { print }
    END { if (!found) exit 1 }' Sources/SohoaPostgres/Queue/WorkQueue.swift \
    || { echo "bench-queue: WorkQueue.$1 not found in Sources/SohoaPostgres/Queue/WorkQueue.swift" >&2; exit 1; }
}
# One claim of one page by worker bench:<client> for 60 s, then its completion; `\gset` keeps the
# claim's pageid and leasetoken for the completion.
{
  echo "BEGIN;"
  statement expireLeasesSQL | sed '$ s/$/;/'
  statement claimSQL | sed -e 's/\$1/1/' -e "s/\\\$2/'bench:' || :client_id/" -e 's/\$3/60/' -e '$ s/$/ \\gset/'
  echo "COMMIT;"
  statement completeSQL | sed -e 's/\$1/:pageid/' -e 's/\$2/:leasetoken/' -e '$ s/$/;/'
} >"$work/claim-complete.sql"
if grep -q '\$[0-9]' "$work/claim-complete.sql"; then
  echo "bench-queue: a bind of WorkQueue's statements is not given a value:" >&2
  cat "$work/claim-complete.sql" >&2
  exit 1
fi

for clients in 1 2; do
  psql -q "$url" <<SQL
TRUNCATE work_queue, pages, items CASCADE;
INSERT INTO items (id, libraryCode, objectID, sourcePath, createdAt, updatedAt)
VALUES ('bench', 'LC', 'urn:sohoa:LC:bench', '/bench', now(), now());
INSERT INTO pages (itemID, name, sequence, sourcePath, sourceSHA256, updatedAt)
SELECT 'bench', 'p' || n, n, '/bench/p' || n, repeat('a', 64), now() FROM generate_series(1, $pages) AS n;
INSERT INTO work_queue (pageID, itemID) SELECT id, itemID FROM pages;
VACUUM ANALYZE work_queue;
SQL
  per_client=$((pages / clients))
  out=$("$bindir/pgbench" -n -M prepared -c "$clients" -j "$clients" -t "$per_client" -f "$work/claim-complete.sql" "$url" 2>&1)
  latency=$(grep -E '^latency average' <<<"$out" | awk '{print $4}')
  tps=$(grep -E '^tps' <<<"$out" | awk '{print $3}')
  done_pages=$(psql -At "$url" -c "SELECT count(*) FROM work_queue WHERE state = 'done'")
  echo "queue: $clients worker(s), $done_pages of $pages pages claimed and completed: ${latency} ms per page per worker, ${tps} pages/s"
done
