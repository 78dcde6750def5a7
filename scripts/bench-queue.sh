#!/usr/bin/env bash
# The work queue's own cost per page (issue 16; target ≤ 10 ms): a throwaway PostgreSQL
# (scripts/postgres-test-server.sh), the catalog schema made by `sohoa catalog copy`, PAGES pages enqueued, then pgbench running the queue's claim and complete statements (the
# same SQL as `WorkQueue.claim` and `WorkQueue.complete`) with 1 and with 2 clients, each client one
# worker. Prints milliseconds per page and pages per second; no OCR is done.
#
#   scripts/bench-queue.sh [PAGES]        # default 20000; SOHOA_BIN=path/to/sohoa (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-20000}
sohoa=${SOHOA_BIN:-.build/debug/sohoa}
bindir=$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")")
work=$(mktemp -d "${TMPDIR:-/tmp}/sohoa-bench-queue.XXXXXX")
eval "$(scripts/postgres-test-server.sh start)"
trap 'scripts/postgres-test-server.sh stop "$SOHOA_TEST_POSTGRES_FOLDER"; rm -rf "$work"' EXIT
url=$SOHOA_TEST_POSTGRES_URL
export PGOPTIONS="-c client_min_messages=warning"

# Copying the empty PostgreSQL database out makes its catalog schema (and an empty SQLite file).
"$sohoa" catalog copy --from "$url" --to "$work/empty.sqlite" >/dev/null

cat >"$work/claim-complete.sql" <<'SQL'
BEGIN;
UPDATE work_queue SET
    state = CASE WHEN attempts >= maxAttempts THEN 'failed' ELSE 'queued' END,
    finishedAt = CASE WHEN attempts >= maxAttempts THEN now() END,
    error = CASE WHEN attempts >= maxAttempts THEN 'lease expired' ELSE error END,
    leaseToken = NULL, leaseExpiresAt = NULL
WHERE pageID IN (
    SELECT pageID FROM work_queue WHERE state = 'claimed' AND leaseExpiresAt < now() FOR UPDATE SKIP LOCKED);
WITH next AS (
    SELECT pageID FROM work_queue WHERE state = 'queued' ORDER BY pageID LIMIT 1 FOR UPDATE SKIP LOCKED)
UPDATE work_queue AS queue
SET state = 'claimed', worker = 'bench:' || :client_id, leaseToken = gen_random_uuid(),
    leaseExpiresAt = now() + make_interval(secs => 60), heartbeatAt = now(), claimedAt = now(),
    attempts = queue.attempts + 1
FROM next WHERE queue.pageID = next.pageID
RETURNING queue.pageID, queue.leaseToken \gset
COMMIT;
UPDATE work_queue SET state = 'done', finishedAt = now(), leaseToken = NULL, leaseExpiresAt = NULL, error = NULL
WHERE pageID = :pageid AND leaseToken = :leasetoken AND state = 'claimed';
SQL

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
