#!/usr/bin/env python3
"""Helper of scripts/load-test.sh (not a test; prints figures and checks the issue's targets).

  load_test.py paths URL CATALOG OUT COUNT   writes one file of request paths per kind of request
                                             into OUT (search, item, tile, oai, review, iiif-max)
  load_test.py session CATALOG               signs the load test's archivist in again (a new session
                                             in CATALOG) and prints the session token (REUSE=)
  load_test.py report OUT                    prints the figures of OUT/quiet.jsonl (mixed load alone)
                                             and OUT/abuse.jsonl (with abusive requests alongside) and
                                             checks them; exit 1 on errors, 0 otherwise (timing
                                             targets missed are printed as MISSED, unless --strict;
                                             with --debug-binary they are printed as not compared:
                                             the targets are the release build's)
"""
import hashlib
import json
import os
import random
import re
import secrets
import sqlite3
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import bench_search  # noqa: E402  (the 100,000-page generator and its search queries)

LEGITIMATE = ["search", "item", "tile", "oai", "review"]
ABUSIVE = ["iiif max", "sign-in flood"]


def get(url, timeout=30):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def archived_pages(catalog):
    """Pages of the real (archived) items: the ones not made by the generator."""
    db = sqlite3.connect(catalog)
    rows = db.execute(
        """SELECT pages.id, pages.itemID FROM pages JOIN items ON items.id = pages.itemID
           WHERE items.id NOT LIKE 'bench-%' AND items.access = 'public' ORDER BY pages.id""").fetchall()
    bench_items = [row[0] for row in db.execute(
        "SELECT id FROM items WHERE id LIKE 'bench-%' AND access = 'public' ORDER BY id")]
    db.close()
    return rows, bench_items


def tile_paths(url, page_ids, rng, count):
    sizes = {}
    for page in page_ids:
        info = json.loads(get(f"{url}/iiif/image/{page}/info.json"))
        sizes[page] = (info["width"], info["height"])
    paths = []
    for _ in range(count):
        page = rng.choice(page_ids)
        width, height = sizes[page]
        side = rng.choice([256, 512, 1024])
        w, h = min(side, width), min(side, height)
        x, y = rng.randrange(0, width - w + 1), rng.randrange(0, height - h + 1)
        # Never larger than the region without `^` (that is a 400 by the Image API, not a tile).
        size = rng.choice(["256,", "512," if w >= 512 else "^512,", ",256", "max" if side == 256 else "pct:50"])
        paths.append(f"/iiif/image/{page}/{x},{y},{w},{h}/{size}/0/default.jpg")
    return paths


# A day of searches: DISTINCT_SEARCHES different ones (words, two words, phrases, with filters;
# bench_search.queries), asked with Zipf-like repeats (the k-th most asked one 1/k^0.8 as often as
# the first), a later page of results now and then. The server keeps the ranked matches of recent
# searches (SearchCache), so how often searches repeat matters: `report` prints what share of
# these requests repeat a search asked among the last SEARCH_CACHE ones.
DISTINCT_SEARCHES = 1000
SEARCH_CACHE = 128


def day_of_searches(count, rng):
    distinct = [q for q in bench_search.queries(DISTINCT_SEARCHES) if "page" not in q]
    rng.shuffle(distinct)
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(distinct))]
    out = []
    for q in rng.choices(distinct, weights=weights, k=count):
        q = dict(q)
        if rng.random() < 0.15:
            q["page"] = str(rng.randint(2, 5))
        out.append(q)
    return out


def repeat_share(paths, rng, draws=20000, cache=SEARCH_CACHE):
    """Share of `draws` random picks of `paths` (as wrk picks them) whose search (the path without
    its page) was asked among the last `cache` different searches (the cache keeps the least
    recently asked out)."""
    recent, repeats = {}, 0
    for step in range(draws):
        key = re.sub(r"&?page=\d+", "", rng.choice(paths))
        if key in recent:
            repeats += 1
        recent[key] = step
        if len(recent) > cache:
            del recent[min(recent, key=recent.get)]
    return repeats / draws


def write_paths(url, catalog, out, count):
    rng = random.Random(12)
    pages, bench_items = archived_pages(catalog)
    if not pages:
        sys.exit("load_test.py: no archived public pages in the catalog (did `sohoa run` work?)")
    page_ids = [page for page, _ in pages]
    items = sorted({item for _, item in pages})
    kinds = {}
    kinds["search"] = ["/search?" + urllib.parse.urlencode(q) for q in day_of_searches(count, rng)]
    # Item pages: the archived items, and as many generated ones (catalog rows only).
    kinds["item"] = [f"/items/{urllib.parse.quote(rng.choice(items))}" for _ in range(count // 2)]
    kinds["item"] += [f"/items/{rng.choice(bench_items)}" for _ in range(count // 2)]
    kinds["tile"] = tile_paths(url, page_ids, rng, count)
    sets = re.findall(r"<setSpec>([^<]+)</setSpec>", get(f"{url}/oai?verb=ListSets").decode())
    kinds["oai"] = ["/oai?verb=ListRecords&metadataPrefix=oai_dc"]
    kinds["oai"] += [f"/oai?verb=ListRecords&metadataPrefix=oai_dc&set={urllib.parse.quote(s)}" for s in sets[:20]]
    kinds["oai"] += ["/oai?verb=ListRecords&metadataPrefix=oai_dc&from=2000-01-01", "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc"]
    kinds["review"] = [f"/review/{page}" for page in page_ids] + ["/review"]
    kinds["iiif max"] = [f"/iiif/image/{page}/full/max/0/default.{fmt}" for page in page_ids for fmt in ("jpg", "png")]
    kinds["iiif max"] += [f"/iiif/image/{page}/full/max/90/gray.png" for page in page_ids]
    for kind, paths in kinds.items():
        with open(os.path.join(out, kind.replace(" ", "-") + ".txt"), "w") as file:
            file.write("\n".join(paths) + "\n")
    print(f"{len(page_ids)} archived pages in {len(items)} items; {len(bench_items)} generated public items; "
          f"{len(sets)} OAI sets; {len(set(kinds['search']))} different search requests of {len(kinds['search'])}, "
          f"{repeat_share(kinds['search'], random.Random(3)):.0%} repeating one of the last {SEARCH_CACHE} searches")


def new_session(catalog):
    """A new session of the catalog's first archivist (the one `bench_search.py fill` made), as the
    server checks it: the token's SHA-256 in `sessions`. Returns the token."""
    db = sqlite3.connect(catalog)
    row = db.execute("SELECT id FROM users WHERE role = 'archivist' ORDER BY id LIMIT 1").fetchone()
    if row is None:
        sys.exit(f"load_test.py: no archivist in {catalog} (not an archive made by scripts/load-test.sh?)")
    token = secrets.token_hex(32)
    db.execute(
        "INSERT INTO sessions (tokenHash, userID, csrfToken, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
        (hashlib.sha256(token.encode()).hexdigest(), row[0], secrets.token_hex(16),
         "2026-01-01 00:00:00.000", "2999-01-01 00:00:00.000"))
    db.commit()
    db.close()
    return token


def read_phase(path):
    rows = {}
    if os.path.exists(path):
        for line in open(path):
            line = line.strip()
            if line.startswith("{"):
                row = json.loads(line)
                rows[row["kind"]] = row
    return rows


def server_cpu(out, name, rows):
    """The server's CPU time in phase `name` per legitimate request answered (cpu-NAME.txt: ticks,
    ticks per second and the load average, before and after), or None without figures."""
    path = os.path.join(out, f"cpu-{name}.txt")
    lines = [line.split() for line in open(path)] if os.path.exists(path) else []
    if len(lines) != 2:
        return None
    (before, hz, load_before), (after, _, load_after) = lines
    seconds = (int(after) - int(before)) / int(hz)
    answered = sum(rows[kind]["requests"] for kind in LEGITIMATE if kind in rows)
    return (f"server CPU ({'mixed' if name == 'quiet' else 'with abuse'}): {seconds:.1f} s, "
            f"{seconds * 1000 / max(answered, 1):.2f} ms per legitimate request answered "
            f"(load average {load_before} before, {load_after} after)")


def report(out, strict, debug_binary=False):
    quiet, abuse = read_phase(os.path.join(out, "quiet.jsonl")), read_phase(os.path.join(out, "abuse.jsonl"))
    peak = {name: open(os.path.join(out, f"peak-{name}.txt")).read().strip()
            for name in ("quiet", "abuse") if os.path.exists(os.path.join(out, f"peak-{name}.txt"))}
    problems, missed = [], []
    print(f"{'phase':<11} {'kind':<14} {'req':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}")
    for phase, rows in (("mixed", quiet), ("with abuse", abuse)):
        total = 0.0
        for kind in LEGITIMATE + ABUSIVE:
            row = rows.get(kind)
            if row is None:
                continue
            errors = row["status_errors"] + row["socket_errors"] + row["timeouts"]
            busy, server_errors = row.get("busy", 0), row.get("server_errors", 0)
            note = f"  ({busy} busy 503s)" if busy else ""
            print(f"{phase:<11} {kind:<14} {row['requests']:>7} {row['rps']:>8.1f} {row['p50_ms']:>8.1f} "
                  f"{row['p99_ms']:>8.1f} {row['max_ms']:>8.1f} {errors:>7}{note}")
            if kind in LEGITIMATE:
                total += row["rps"]
                if errors:
                    problems.append(f"{phase}: {kind}: {errors} errors")
                if row["requests"] == 0:
                    problems.append(f"{phase}: {kind}: no request answered")
            else:
                # Refusals (4xx, 503) and slow answers are expected; a server error or a broken
                # connection is not.
                if server_errors or row["socket_errors"]:
                    problems.append(f"{phase}: {kind}: {server_errors} server errors (5xx other than 503), "
                                    f"{row['socket_errors']} socket errors")
                if row["timeouts"]:
                    print(f"  ({kind}: {row['timeouts']} timeouts; slow answers to abusive requests are expected)")
        print(f"{phase:<11} {'legitimate':<14} {'':>7} {total:>8.1f} req/s in all")
    for missing in (kind for kind in LEGITIMATE if kind not in quiet or kind not in abuse):
        problems.append(f"{missing}: no figures (wrk failed?)")
    for name in ("quiet", "abuse"):
        line = server_cpu(out, name, quiet if name == "quiet" else abuse)
        if line:
            print(line)
    for name, value in peak.items():
        print(f"server peak memory ({'mixed' if name == 'quiet' else 'with abuse'}): {int(value) / 1024:.0f} MB")
    # The targets (benchmark on the 2-core machine).
    if "search" in quiet and quiet["search"]["p99_ms"] > 150:
        missed.append(f"search p99 {quiet['search']['p99_ms']:.0f} ms > 150 ms")
    if "tile" in quiet and quiet["tile"]["p99_ms"] > 300:
        missed.append(f"IIIF tile p99 {quiet['tile']['p99_ms']:.0f} ms > 300 ms")
    for kind in LEGITIMATE:
        if kind in quiet and kind in abuse and abuse[kind]["p99_ms"] > 2 * max(quiet[kind]["p99_ms"], 1):
            missed.append(f"{kind} p99 with abuse {abuse[kind]['p99_ms']:.0f} ms > 2 x {quiet[kind]['p99_ms']:.0f} ms")
    if peak and max(int(v) for v in peak.values()) > 1024 * 1024:
        missed.append(f"peak memory {max(int(v) for v in peak.values()) / 1024:.0f} MB > 1024 MB")
    if debug_binary:
        # A debug binary is several times slower than the release build the targets are set for.
        for line in missed:
            print(f"not compared (debug binary; the targets are the release build's): {line}")
        missed = []
    for line in missed:
        print(f"MISSED target: {line}")
    for line in problems:
        print(f"ERROR: {line}")
    if debug_binary and not problems:
        print("no errors (timing targets not compared: debug binary)")
    elif not missed and not problems:
        print("all targets met: 0 errors, search p99 <= 150 ms, tile p99 <= 300 ms, abuse <= 2x, memory <= 1 GB")
    return 1 if problems or (strict and missed) else 0


def main(argv):
    if len(argv) == 6 and argv[1] == "paths":
        write_paths(argv[2], argv[3], argv[4], int(argv[5]))
    elif len(argv) == 3 and argv[1] == "session":
        print(new_session(argv[2]))
    elif len(argv) >= 3 and argv[1] == "report":
        sys.exit(report(argv[2], "--strict" in argv[3:], "--debug-binary" in argv[3:]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
