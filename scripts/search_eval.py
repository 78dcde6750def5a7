#!/usr/bin/env python3
"""Helper of scripts/search-eval.sh (not a test; prints figures).

  search_eval.py fill CATALOG          writes the judged set's pages (scripts/search-judgements/pages.tsv
                                       and SampleScans' ground-truth texts) into a fresh catalog, one
                                       public packaged item per page (library GEN or SS).
  search_eval.py run URL OUT           sends every query of queries.tsv to a running `sohoa serve`
                                       and writes the ranked items (TREC run format) to OUT.
  search_eval.py score RUN...          prints precision@10 and nDCG@10 of each run (ir-measures,
                                       over pytrec_eval), for all queries, the tuning and the held-out
                                       ones, and by kind of query.
"""
import hashlib
import http.client
import json
import sys
import time
import unicodedata
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGEMENTS = HERE / "search-judgements"
sys.path.insert(0, str(HERE))
import bench_search  # noqa: E402  (fold and marks as sohoa makes them)


def pages():
    for line in (JUDGEMENTS / "pages.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            page_id, text = line.split("\t", 1)
            yield page_id, "GEN", text
    root = HERE.parent / "SampleScans"
    for path in sorted(root.rglob("*.gt.txt")):
        name = str(path.relative_to(root))[: -len(".gt.txt")].replace("/", "-")
        yield "ss-" + name, "SS", path.read_text(encoding="utf-8")


def queries():
    for line in (JUDGEMENTS / "queries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            qid, part, wants, text = line.split("\t")
            yield qid, part, wants, text


def qrels():
    import ir_measures
    by_meaning = {}
    for line in (JUDGEMENTS / "generated-qrels.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            meaning, page, grade = line.split()
            by_meaning.setdefault(meaning, []).append((page, int(grade)))
    by_query = {}
    for line in (JUDGEMENTS / "samplescans-qrels.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            qid, page, grade = line.split()
            by_query.setdefault(qid, []).append((page, int(grade)))
    out = []
    for qid, _, wants, _ in queries():
        judged = by_query.get(qid, []) if wants == "ss" else by_meaning[wants]
        out.extend(ir_measures.Qrel(qid, page, grade) for page, grade in judged)
    return out


def fill(catalog):
    import sqlite3
    db = sqlite3.connect(catalog)
    db.execute("PRAGMA foreign_keys = ON")
    now = time.strftime("%Y-%m-%d %H:%M:%S.000", time.gmtime())
    with db:
        db.execute("DELETE FROM holdings")
        batch = db.execute(
            "INSERT INTO batches (path, pipeline, startedAt, finishedAt, state, pageCount) VALUES ('/eval', 'default', ?, ?, 'finished', 0)",
            (now, now)).lastrowid
        for page_id, library, text in pages():
            text = unicodedata.normalize("NFC", text)
            db.execute(
                """INSERT INTO items (id, libraryCode, objectID, title, language, type, sourcePath, batchID, state,
                       ocflVersion, objectPath, pageCount, packagedAt, createdAt, updatedAt, access)
                   VALUES (?, ?, ?, ?, 'vie', 'other', ?, ?, 'packaged', 'v1', ?, 1, ?, ?, ?, 'public')""",
                (page_id, library, f"urn:sohoa:{library}:{page_id}", page_id, f"/eval/{page_id}", batch, f"obj/{page_id}",
                 now, now, now))
            digest = hashlib.sha256(page_id.encode()).hexdigest()
            row = db.execute(
                """INSERT INTO pages (itemID, name, sequence, sourcePath, sourceSHA256, state, updatedAt)
                   VALUES (?, 'p001', 1, ?, ?, 'done', ?)""", (page_id, f"/eval/{page_id}/p001.tif", digest, now)).lastrowid
            db.execute("INSERT INTO page_texts (pageID, itemID, text, updatedAt) VALUES (?, ?, ?, ?)", (row, page_id, text, now))
            db.execute("INSERT INTO page_search (rowid, folded, marks) VALUES (?, ?, ?)",
                       (row, bench_search.fold(text), bench_search.marks(text)))
    db.close()


def run(url, out):
    parsed = urllib.parse.urlparse(url)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    with open(out, "w", encoding="utf-8") as run_file:
        for qid, _, wants, text in queries():
            library = "SS" if wants == "ss" else "GEN"
            conn.request("GET", "/search?" + urllib.parse.urlencode({"q": text, "library": library}),
                         headers={"Accept": "application/json"})
            response = conn.getresponse()
            body = response.read()
            if response.status != 200:
                sys.exit(f"{text}: HTTP {response.status}")
            for rank, hit in enumerate(json.loads(body)["hits"]):
                run_file.write(f"{qid} Q0 {hit['itemID']} {rank + 1} {1000 - rank} sohoa\n")


def score(runs):
    import ir_measures
    from ir_measures import P, nDCG
    judged = qrels()
    measures = [P(rel=1) @ 10, nDCG @ 10]
    kinds = {}
    for qid, part, wants, text in queries():
        marked = any(unicodedata.category(c) == "Mn" or c in "đĐ" for c in unicodedata.normalize("NFD", text))
        kind = "SampleScans" if wants == "ss" else ("generated, marked" if marked else "generated, unmarked")
        kinds[qid] = (part, kind)
    groups = [("all", lambda q: True), ("tuning", lambda q: kinds[q][0] == "tuning"),
              ("held out", lambda q: kinds[q][0] == "heldout")]
    for kind in ["generated, marked", "generated, unmarked", "SampleScans"]:
        groups.append((kind, lambda q, kind=kind: kinds[q][1] == kind))
    results = {}
    for name, path in runs:
        per_query = {}
        for metric in ir_measures.iter_calc(measures, judged, ir_measures.read_trec_run(path)):
            per_query.setdefault(metric.query_id, {})[str(metric.measure)] = metric.value
        results[name] = per_query
    header = f"{'queries':<22}{'n':>4}" + "".join(f"{name + ' ' + m:>26}" for name, _ in runs for m in ("P@10", "nDCG@10"))
    print(header)
    for label, chosen in groups:
        qids = [q for q in kinds if chosen(q)]
        row = f"{label:<22}{len(qids):>4}"
        for name, _ in runs:
            for measure in measures:
                values = [results[name].get(q, {}).get(str(measure), 0.0) for q in qids]
                row += f"{sum(values) / max(1, len(values)):>26.4f}"
        print(row)


def main(argv):
    if len(argv) == 3 and argv[1] == "fill":
        fill(argv[2])
    elif len(argv) == 4 and argv[1] == "run":
        run(argv[2], argv[3])
    elif len(argv) >= 3 and argv[1] == "score":
        score([(Path(path).stem, path) for path in argv[2:]])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
