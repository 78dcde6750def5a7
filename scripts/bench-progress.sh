#!/usr/bin/env bash
# How long `sohoa progress` (and `--by library`, `--json`, `sohoa report`) take on a register of
# HOLDINGS holdings and ITEMS items (default 100000 and 20000; 5 pages and 2-3 events per item, 10% of
# items at a second version), the
# data written straight into a fresh catalog with SQL. The target: under a second. Not a test: prints figures.
# Usage: scripts/bench-progress.sh [HOLDINGS] [ITEMS]
#   SOHOA_BIN=path/to/sohoa to time a binary already built; otherwise a release build is made.
set -euo pipefail
cd "$(dirname "$0")/.."
holdings="${1:-100000}"; items="${2:-20000}"
command -v sqlite3 >/dev/null || { apt-get install -y -qq sqlite3 >/dev/null; }
if [ -n "${SOHOA_BIN:-}" ]; then
  bin="$SOHOA_BIN"
else
  swift build -c release --product sohoa 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\] ' || true
  bin="$(swift build -c release --show-bin-path)/sohoa"
fi
work="$(mktemp -d)"
[ -n "${KEEP:-}" ] && echo "data kept in $work" || trap 'rm -rf "$work"' EXIT
archive="$work/archive"

# An empty archive with the current schema: import a one-row register, then remove the row.
printf 'id,title,library-code\nBENCH-0,Bench,LCH\n' > "$work/one.csv"
"$bin" holdings import "$work/one.csv" --archive "$archive" >/dev/null
db="$archive/catalog.sqlite"

sqlite3 "$db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
DELETE FROM holdings;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $holdings)
INSERT INTO holdings (id, callNumber, title, libraryCode, collectionType, specialValue, language, estimatedPages, year, source, importedAt, updatedAt)
SELECT printf('H%07d', i), printf('QH.%07d', i), printf('Tài liệu số %d', i),
    CASE WHEN i % 10 < 7 THEN 'LCH' ELSE printf('H%02d', i % 8) END,
    CASE i % 7 WHEN 0 THEN 'rare-book' WHEN 1 THEN 'manuscript' WHEN 2 THEN 'local-history' WHEN 3 THEN 'local-history'
        WHEN 4 THEN 'newspaper' WHEN 5 THEN 'map' ELSE 'photo' END,
    (i % 5) < 3, 'vie', 50 + i % 300, 1800 + i % 220, 'bench', '2024-01-01 00:00:00.000', '2024-01-01 00:00:00.000'
FROM n;
INSERT INTO batches (path, pipeline, startedAt, finishedAt, state) VALUES ('/bench', 'default', '2024-01-01 00:00:00.000', '2024-01-02 00:00:00.000', 'finished');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $items),
d AS (SELECT i, strftime('%Y-%m-%d %H:%M:%f', 'now', printf('-%d minutes', (i * 53) % (730 * 1440))) AS at,
        CASE WHEN i % 10 < 8 THEN 'LCH' ELSE printf('H%02d', i % 8) END AS lib FROM n)
INSERT INTO items (id, libraryCode, objectID, title, language, holdingID, metadataJSON, sourcePath, batchID, state, failureReason,
    ocflVersion, objectPath, pageCount, packagedAt, createdAt, updatedAt)
SELECT printf('I%06d', i), lib, 'urn:sohoa:' || lib || ':' || printf('I%06d', i), printf('Bản số %d', i), 'vie',
    CASE WHEN i % 5 = 0 THEN NULL ELSE printf('H%07d', (i * 37) % $holdings + 1) END,
    '{"titleFromFolderName":false}', printf('/bench/I%06d', i), 1,
    CASE WHEN i % 20 = 1 THEN 'pending' WHEN i % 20 = 2 THEN 'failed' ELSE 'packaged' END,
    CASE WHEN i % 20 = 2 THEN 'bench' END,
    CASE WHEN i % 20 > 2 OR i % 20 = 0 THEN CASE WHEN i % 10 = 3 THEN 'v2' ELSE 'v1' END END, CASE WHEN i % 20 > 2 OR i % 20 = 0 THEN printf('obj/I%06d', i) END,
    5, CASE WHEN i % 20 > 2 OR i % 20 = 0 THEN at END, at, at
FROM d;
WITH RECURSIVE p(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM p WHERE k < 5)
INSERT INTO pages (itemID, name, sequence, sourcePath, sourceSHA256, state, meanConfidence, wordCount, updatedAt)
SELECT i.id, printf('%d', k), k, i.sourcePath || printf('/%d.tif', k), printf('%064x', i.rowid * 8 + k), 'done',
    CASE WHEN i.rowid % 9 = 0 THEN NULL ELSE 60 + (i.rowid * k) % 40 END, 200, i.createdAt
FROM items i, p;
INSERT INTO events (itemID, type, at, agent, outcome) SELECT id, 'ingested', createdAt, 'bench', 'success' FROM items;
INSERT INTO events (itemID, type, at, agent, outcome) SELECT id, 'packaged', packagedAt, 'bench', 'success' FROM items WHERE state = 'packaged';
-- Items corrected since (v2, 10%): their first version was written 60 days before.
INSERT INTO events (itemID, type, at, agent, outcome)
    SELECT id, 'packaged', strftime('%Y-%m-%d %H:%M:%f', packagedAt, '-60 days'), 'bench', 'success' FROM items WHERE ocflVersion = 'v2';
COMMIT;
ANALYZE;
SQL
echo "catalog: $(sqlite3 "$db" 'SELECT COUNT(*) FROM holdings') holdings, $(sqlite3 "$db" 'SELECT COUNT(*) FROM items') items, $(sqlite3 "$db" 'SELECT COUNT(*) FROM pages') pages, $(sqlite3 "$db" 'SELECT COUNT(*) FROM events') events"

time_it() {  # time_it LABEL COMMAND...
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  printf '%-40s %6.3f s\n' "$label" "$(echo "$end - $start" | bc -l)"
}
command -v bc >/dev/null || { apt-get install -y -qq bc >/dev/null; }
time_it "sohoa progress" "$bin" progress --archive "$archive"
time_it "sohoa progress --json" "$bin" progress --archive "$archive" --json
time_it "sohoa progress --by library" "$bin" progress --archive "$archive" --by library
time_it "sohoa progress --by type" "$bin" progress --archive "$archive" --by type
time_it "sohoa progress --by year" "$bin" progress --archive "$archive" --by year
time_it "sohoa report --year $(date +%Y)" "$bin" report --archive "$archive" --year "$(date +%Y)" --out "$work/report"
"$bin" progress --archive "$archive" | head -8
