#!/usr/bin/env python3
"""Sums up the timing lines of `SOHOA_SEARCH_TRACE=1 sohoa serve` (not a test; prints figures).

  search-trace.py SERVE_LOG [--after MARK] [--before MARK]   (only the lines between the marks)

Each search writes `trace search t=THREAD wall= cpu= outcome=page|ranked|miss ... kind= q=`, then its
pool job `trace pool t=THREAD wait= wall= cpu= pool=NAME` (the same thread, next): a search's time in
the server is its wait for a search thread plus its job. Prints, per outcome and per kind of query,
how many, the job's mean CPU and wall and the p50/p99 of wait + job; then the slowest 1%.
"""
import collections
import re
import sys


def fields(line):
    return dict(re.findall(r"(\w+)=(\S+)", line.split(" q=")[0])) | {"q": line.split(" q=", 1)[1].strip() if " q=" in line else ""}


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0


def main(argv):
    lines = open(argv[1], encoding="utf-8", errors="replace").read().splitlines()
    if "--after" in argv:
        mark = argv[argv.index("--after") + 1]
        lines = lines[next((i for i, line in enumerate(lines) if line.startswith(mark)), 0):]
    if "--before" in argv:
        mark = argv[argv.index("--before") + 1]
        lines = lines[:next((i for i, line in enumerate(lines) if line.startswith(mark)), len(lines))]
    pending, searches, flushes, pools = {}, [], 0, collections.Counter()
    for line in lines:
        if line.startswith("trace flush"):
            flushes += 1
        elif line.startswith("trace search"):
            f = fields(line)
            pending[f["t"]] = f
        elif line.startswith("trace pool"):
            f = fields(line)
            pool = line.split(" pool=", 1)[1]
            pools[pool] += 1
            if "search" in pool and f["t"] in pending:
                s = pending.pop(f["t"])
                s["wait"], s["job"], s["jobcpu"] = float(f["wait"]), float(f["wall"]), float(f["cpu"])
                s["total"] = s["wait"] + s["job"]
                searches.append(s)
    if not searches:
        sys.exit("search-trace.py: no search lines (was the server run with SOHOA_SEARCH_TRACE=1?)")
    print(f"{len(searches)} searches; {flushes} cache flushes; pool jobs: {dict(pools)}")
    print(f"{'group':<34} {'n':>5} {'cpu ms':>7} {'job ms':>7} {'wait p50':>8} {'p50':>7} {'p99':>7}")
    groups = collections.defaultdict(list)
    for s in searches:
        groups["all"].append(s)
        groups["outcome=" + s["outcome"]].append(s)
        groups[s["outcome"] + " " + s["kind"] + (" p2+" if s["offset"] != "0" else "")].append(s)
    for name, group in sorted(groups.items(), key=lambda g: (g[0] != "all", -len(g[1]))):
        n = len(group)
        print(f"{name[:34]:<34} {n:>5} {sum(float(s['cpu']) for s in group) / n:>7.2f} {sum(s['job'] for s in group) / n:>7.2f} "
              f"{percentile([s['wait'] for s in group], 50):>8.1f} {percentile([s['total'] for s in group], 50):>7.1f} "
              f"{percentile([s['total'] for s in group], 99):>7.1f}")
    slowest = sorted(searches, key=lambda s: -s["total"])[: max(1, len(searches) // 100)]
    print("slowest 1% (wait + job):")
    for s in slowest:
        extra = " ".join(f"{k}={s[k]}" for k in ("scope", "scan", "scancpu", "ranges", "matches", "results") if k in s)
        print(f"  {s['total']:7.1f} ms: wait {s['wait']:6.1f} job {s['job']:6.1f} (cpu {s['jobcpu']:5.1f}; search {s['wall']}/{s['cpu']}) "
              f"{s['outcome']} {s['kind']} offset={s['offset']} {extra} q={s['q'][:60]}")


if __name__ == "__main__":
    main(sys.argv)
