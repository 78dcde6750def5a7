#!/usr/bin/env bash
# Pages per minute of `sohoa run` on SampleScans/ next to the `tesseract` command line on the same
# pages (xargs -P JOBS, OMP_THREAD_LIMIT=1), measured in the same run. Not a test: prints figures.
# Usage: scripts/bench-throughput.sh [JOBS]   (default 2); PIPELINE=FILE to choose the pipeline.
# SOHOA_BIN="A B ..." times those sohoa binaries instead of building one (each over the same pages,
# in that order, ROUNDS=N times alternating; default 1) and skips the tesseract CLI runs: to compare
# two builds in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${1:-2}"
export OMP_THREAD_LIMIT=1
if [ -z "${SOHOA_BIN:-}" ]; then
  scripts/install-deps.sh --with-tests
  swift build -c release --product sohoa 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\] ' || true
  bin="$(swift build -c release --show-bin-path)/sohoa"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Every page as its own single-page file, so both sides get exactly the same work.
mkdir -p "$work/batch/pages"
n=0
while IFS= read -r f; do
  frames=$(tiffinfo "$f" 2>/dev/null | grep -c "TIFF Directory" || true)
  if [ "${f##*.}" = "tif" ] && [ "$frames" -gt 1 ]; then
    tiffsplit "$f" "$work/batch/pages/$(basename "${f%.*}")-" >/dev/null
  else
    cp "$f" "$work/batch/pages/"
  fi
done < <(find SampleScans -name '*.tif' -o -name '*.png' | sort -V)
pages=$(ls "$work/batch/pages" | wc -l)

now() { date +%s.%N; }
ppm() { python3 -c "print(f'{$pages / ($2 - $1) * 60:.1f}')"; }

if [ -n "${SOHOA_BIN:-}" ]; then
  echo "pages: $pages, jobs: $jobs, cores: $(getconf _NPROCESSORS_ONLN), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for round in $(seq 1 "${ROUNDS:-1}"); do
    for b in $SOHOA_BIN; do
      rm -rf "$work/archive"
      t0=$(now)
      # CPU seconds (user + system) of the run: steadier than the wall clock on a busy machine.
      cpu=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{r.ru_utime + r.ru_stime:.1f}")' "$b" run "$work/batch" --archive "$work/archive" --jobs "$jobs" \
        --pipeline "${PIPELINE:-Pipelines/default.yaml}")
      t1=$(now)
      printf 'round %s  %-40s %7s s  %6s pages/min  %7s s CPU  (load %s)\n' "$round" "$b" "$(python3 -c "print(f'{$t1-$t0:.1f}')")" \
        "$(ppm "$t0" "$t1")" "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)"
    done
  done
  exit 0
fi

t0=$(now)
"$bin" run "$work/batch" --archive "$work/archive" --jobs "$jobs" --pipeline "${PIPELINE:-Pipelines/default.yaml}" >"$work/run.jsonl" 2>/dev/null || true
t1=$(now)
ls "$work/batch/pages"/* | xargs -P "$jobs" -I{} sh -c 'tesseract "$1" "$1.cli" -l vie --psm 3 txt >/dev/null 2>&1' _ {}
t2=$(now)
ls "$work/batch/pages"/*.tif "$work/batch/pages"/*.png 2>/dev/null | xargs -P "$jobs" -I{} sh -c 'tesseract "$1" "$1.all" -l vie --psm 3 txt hocr alto pdf >/dev/null 2>&1' _ {}
t3=$(now)

echo "pages: $pages, jobs: $jobs, cores: $(getconf _NPROCESSORS_ONLN)"
printf '%-62s %8s s  %6s pages/min\n' "sohoa run (deskew, OCR, ALTO+hOCR+text+PDF, OCFL, catalog)" "$(python3 -c "print(f'{$t1-$t0:.1f}')")" "$(ppm "$t0" "$t1")"
# Where sohoa's CPU went: the summary's CPU seconds by stage (StageCPUTimes).
python3 -c 'import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
summaries = [l for l in lines if l.get("event") == "summary"]
if not summaries:
    sys.exit("  sohoa wrote no summary line (see its output above)")
cpu = summaries[-1].get("cpu_seconds", {})
order = ["ingest", "normalize", "ocr", "metadata", "package", "other"]
print("  sohoa CPU seconds by stage: " + ", ".join(f"{k} {cpu[k]}" for k in order if k in cpu) + f" (total {sum(cpu.values()):.1f})")' "$work/run.jsonl" || true
printf '%-62s %8s s  %6s pages/min\n' "tesseract CLI, xargs -P $jobs, text only" "$(python3 -c "print(f'{$t2-$t1:.1f}')")" "$(ppm "$t1" "$t2")"
printf '%-62s %8s s  %6s pages/min\n' "tesseract CLI, xargs -P $jobs, txt+hocr+alto+pdf" "$(python3 -c "print(f'{$t3-$t2:.1f}')")" "$(ppm "$t2" "$t3")"
