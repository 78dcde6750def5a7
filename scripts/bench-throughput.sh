#!/usr/bin/env bash
# Throughput (issue 19): `sohoa run` next to the `tesseract` command line and OCRmyPDF on the same
# pages, measured in the same run. Not a test: prints figures.
#
# The pages: PAGES (default 40) generated evaluation pages (scripts/generate-eval-pages.py: several
# fonts and layouts, columns, tables, spreads, pages turned and skewed, gray), every fourth one saved
# as a 1-bit CCITT G4 TIFF (bilevel), in one long item (half the pages) and short items of 4 pages.
# With --samples, SampleScans/ instead (every page its own file, one item).
#
# Printed for each: wall seconds, pages/min, CPU seconds (user + system of the command and all it
# starts: steadier than the wall clock on a shared machine) and CPU-s/page, and peak memory:
#   sohoa run --jobs JOBS (normalize, OCR, ALTO+hOCR+text, archival and reading PDF, OCFL, catalog),
#     with its CPU seconds by stage (the run summary's cpu_seconds, StageCPUTimes);
#   tesseract CLI, xargs -P JOBS, OMP_THREAD_LIMIT=1, one process a page, txt+hocr+alto+pdf;
#   ocrmypdf -j JOBS -l vie, one run an item (its pages put in one PDF first by img2pdf, not timed);
#   ocrmypdf -j JOBS -l vie --rotate-pages --deskew --clean.
#
# Usage: scripts/bench-throughput.sh [--pages N] [--short] [--samples] [--no-ocrmypdf] [JOBS]  (JOBS default 2)
#   --short: 4 pages in two items, no OCRmyPDF (a quick check that the script and the binary work).
#   PIPELINE=FILE chooses sohoa's pipeline; SOHOA=FILE times that binary instead of building one.
#   SOHOA_PIX_PREFAULT=0 or SOHOA_TESSERACT_PNG_LINES=1 in the environment turn off two of sohoa's savings
#   (leptonica's page images mapped at once; Tesseract's line images kept uncompressed), to compare.
#   SOHOA_BIN="A B ..." times those sohoa binaries instead of
#   building one (each over the same pages, in that order, ROUNDS=N times alternating; default 1) and
#   runs nothing else: to compare two builds in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
pages_wanted=40 samples=0 ocrmypdf=1 jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages_wanted="$2"; shift ;;
    --short) pages_wanted=4; ocrmypdf=0 ;;
    --samples) samples=1 ;;
    --no-ocrmypdf) ocrmypdf=0 ;;
    [0-9]*) jobs="$1" ;;
    *) echo "bench-throughput: unknown argument '$1' (usage: scripts/bench-throughput.sh [--pages N] [--short] [--samples] [--no-ocrmypdf] [JOBS])" >&2; exit 2 ;;
  esac
  shift
done
export OMP_THREAD_LIMIT=1
# Debian's Python has Pillow and img2pdf (python3-pil, OCRmyPDF's dependencies); a pyenv one may not.
py=/usr/bin/python3
[ -x "$py" ] || py=python3
bin="${SOHOA:-}"
if [ -z "${SOHOA_BIN:-}" ]; then
  scripts/install-deps.sh --with-tests $([ "$ocrmypdf" = 1 ] && echo --with-bench)
  if [ -z "$bin" ]; then
    swift build -c release --product sohoa 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\] ' || true
    bin="$(swift build -c release --show-bin-path)/sohoa"
  fi
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
batch="$work/batch"

if [ "$samples" = 1 ]; then
  # Every page as its own single-page file, so every tool gets exactly the same work.
  mkdir -p "$batch/pages"
  while IFS= read -r f; do
    frames=$(tiffinfo "$f" 2>/dev/null | grep -c "TIFF Directory" || true)
    if [ "${f##*.}" = "tif" ] && [ "$frames" -gt 1 ]; then
      tiffsplit "$f" "$batch/pages/$(basename "${f%.*}")-" >/dev/null
    else
      cp "$f" "$batch/pages/"
    fi
  done < <(find SampleScans -name '*.tif' -o -name '*.png' | sort -V)
else
  "$py" scripts/generate-eval-pages.py --out "$work/generated" --pages "$(( pages_wanted < 12 ? 12 : pages_wanted ))" >/dev/null 2>"$work/generated.log" \
    || { cat "$work/generated.log" >&2; exit 1; }
  # One long item (the first half), then items of 4 pages; every fourth page bilevel (1-bit G4 TIFF).
  "$py" - "$work/generated" "$batch" "$pages_wanted" <<'PY'
import json, os, sys
from PIL import Image
source, batch, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = json.load(open(os.path.join(source, "manifest.json")))["pages"][:wanted]
long_item = len(pages) // 2
for index, page in enumerate(pages):
    item = "long" if index < long_item else f"short-{(index - long_item) // 4 + 1:02d}"
    folder = os.path.join(batch, item)
    os.makedirs(folder, exist_ok=True)
    image = Image.open(os.path.join(source, page["file"]))
    dpi = tuple(round(v) for v in image.info.get("dpi", (300, 300)))
    name = f"{index + 1:03d}"
    if index % 4 == 3:
        image.convert("L").point(lambda v: 255 if v >= 140 else 0).convert("1").save(
            os.path.join(folder, name + ".tif"), compression="group4", dpi=dpi)
    else:
        image.convert("L").save(os.path.join(folder, name + ".png"), dpi=dpi)
PY
fi
mapfile -t images < <(find "$batch" -type f \( -name '*.png' -o -name '*.tif' \) | sort)
pages=${#images[@]}
items=$(find "$batch" -mindepth 1 -maxdepth 1 -type d | wc -l)

# measure LABEL CMD...: runs CMD, prints one line of figures; the sums go to $work/figures.
measure() {
  local label="$1"; shift
  "$py" - "$label" "$pages" "$work/figures" "$@" <<'PY'
import resource, subprocess, sys, time
label, pages, figures, command = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
start = time.monotonic()
code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
line = (f"{label:<58} {wall:7.1f} s {pages / wall * 60:7.1f} pages/min {cpu:7.1f} CPU-s {cpu / pages:5.2f} CPU-s/page"
        f"  peak {usage.ru_maxrss / 1024:5.0f} MiB")
if code != 0:
    line += f"  (exit {code})"
print(line, flush=True)
with open(figures, "a") as out:
    out.write(f"{label}\t{wall}\t{cpu}\n")
PY
}

echo "pages: $pages in $items items, jobs: $jobs, cores: $(getconf _NPROCESSORS_ONLN), load before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "${SOHOA_BIN:-}" ]; then
  for round in $(seq 1 "${ROUNDS:-1}"); do
    for b in $SOHOA_BIN; do
      rm -rf "$work/archive"
      measure "round $round $b" "$b" run "$batch" --archive "$work/archive" --jobs "$jobs" --pipeline "${PIPELINE:-Pipelines/default.yaml}"
    done
  done
  exit 0
fi

measure "sohoa run --jobs $jobs (normalize, OCR, 5 outputs, OCFL, catalog)" \
  sh -c '"$1" run "$2" --archive "$3" --jobs "$4" --pipeline "$5" >"$6" 2>&1' _ \
  "$bin" "$batch" "$work/archive" "$jobs" "${PIPELINE:-Pipelines/default.yaml}" "$work/run.jsonl"
# Where sohoa's CPU went: the summary's CPU seconds by stage (StageCPUTimes).
"$py" -c 'import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
summaries = [l for l in lines if l.get("event") == "summary"]
if not summaries:
    sys.exit("  sohoa wrote no summary line: " + "".join(open(sys.argv[1]).readlines()[-3:]))
cpu = summaries[-1].get("cpu_seconds", {})
order = ["ingest", "normalize", "ocr", "metadata", "package", "other"]
print("  sohoa CPU seconds by stage: " + ", ".join(f"{k} {cpu[k]}" for k in order if k in cpu) + f" (total {sum(cpu.values()):.1f})")
# The parts of the stages (StageCPUTimes.Part); ingest is decoding and the checksums of the masters, "other" the catalog writer.
parts = summaries[-1].get("cpu_parts", {})
if parts:
    print("  of which: " + ", ".join(f"{k} {v}" for k, v in sorted(parts.items())))' "$work/run.jsonl" || true

printf '%s\n' "${images[@]}" >"$work/images.txt"
# One process a page; its outputs go to their own folder (an item folder must hold only its pages).
mkdir -p "$work/cli"
cat >"$work/tesseract-page.sh" <<'SH'
exec tesseract "$1" "$2/$(echo "$1" | tr / _)" -l vie --psm 3 txt hocr alto pdf >/dev/null 2>&1
SH
measure "tesseract CLI, xargs -P $jobs, txt+hocr+alto+pdf" \
  sh -c 'xargs -P "$2" -I{} sh "$3" {} "$4" <"$1"' _ "$work/images.txt" "$jobs" "$work/tesseract-page.sh" "$work/cli"

if [ "$ocrmypdf" = 1 ]; then
  # Each item's pages as one PDF at their own resolution (img2pdf: no re-coding), made before timing.
  for item in "$batch"/*/; do
    name="$(basename "$item")"
    "$py" -c 'import glob, img2pdf, sys
open(sys.argv[2], "wb").write(img2pdf.convert(sorted(glob.glob(sys.argv[1] + "/*"))))' "$item" "$work/$name.in.pdf" >/dev/null 2>&1
  done
  ocr_all() {  # ocr_all EXTRA-OPTIONS...: every item's PDF through ocrmypdf, one after the other
    printf 'for f in "%s"/*.in.pdf; do ocrmypdf -q -j %s -l vie %s "$f" "${f%%.in.pdf}.out.pdf" || exit 1; done' "$work" "$jobs" "$*"
  }
  measure "ocrmypdf -j $jobs" sh -c "$(ocr_all)"
  measure "ocrmypdf -j $jobs --rotate-pages --deskew --clean" sh -c "$(ocr_all --rotate-pages --deskew --clean)"
fi

# The ratios the issue asks for, on the wall clock (pages/min) and on CPU seconds.
"$py" - "$work/figures" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
figures = {label: (float(wall), float(cpu)) for label, wall, cpu in rows}
sohoa = next((v for k, v in figures.items() if k.startswith("sohoa")), None)
if sohoa:
    for label, (wall, cpu) in figures.items():
        if not label.startswith("sohoa"):
            print(f"  sohoa against {label}: {wall / sohoa[0]:.2f}x its pages/min, {cpu / sohoa[1]:.2f}x its pages per CPU-second")
PY
