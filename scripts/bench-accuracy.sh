#!/usr/bin/env bash
# Accuracy on pages sohoa was not tuned on: orientation errors, false and missed spread splits,
# suspect pages, CER per page and per set (tune / heldout / real / all), and normalization CPU as a
# share of OCR time. Side by side, on the same pages in the same run: OCRmyPDF
# (`ocrmypdf --rotate-pages --deskew --clean -l vie`) and Tesseract OSD alone (`tesseract --psm 0`
# decides the turn, then recognition). Not a test: prints figures.
#
# Pages: scripts/generate-eval-pages.py (84 pages: other fonts, layouts and texts than SampleScans;
# turned, skewed, spreads, landscape, unreadable), and the real scans in ../shared/scans
# (tesseract_test/rotation, vie_vietocr3_samples; CER only where ground truth exists).
#
# Usage: scripts/bench-accuracy.sh [PAGES_FOLDER]     (a folder written by generate-eval-pages.py;
#                                                      default: generate PAGES pages with SEED)
# Environment:
#   PAGES, SEED     pages to generate (default 84, seed 11) when no folder is given
#   LIMIT           only the first N generated pages (and the unreadable ones): a quicker run
#   SOHOA_BIN       measure this binary (default: build release, scratch path SOHOA_SCRATCH or .build)
#   SOHOA_JOBS      sohoa OCR workers (default 1: its times are per thread)
#   JOBS            parallel OCRmyPDF / OSD runs (default 2)
#   SKIP            comma list of sohoa, ocrmypdf, osd not to run
#   REAL=0          leave out the real scans of ../shared/scans
#   WORK            a work folder to use and keep; a second run reuses what is there (delete
#                   WORK/archive or WORK/text-<tool> to redo one); runs with different SKIP can share it
#                   at the same time, and the last one's report covers the pages every tool finished
#   KEEP=1          keep the temporary work folder
set -euo pipefail
cd "$(dirname "$0")/.."
pages_folder="${1:-}"
pages="${PAGES:-84}"
seed="${SEED:-11}"
jobs="${JOBS:-2}"
sohoa_jobs="${SOHOA_JOBS:-1}"
skip=",${SKIP:-},"
scratch="${SOHOA_SCRATCH:-.build}"
export CER="${CER:-../shared/checks/cer}"
export SHARED="${SHARED:-../shared}"
export JOBS="$jobs"
[ -x "$CER" ] || { echo "bench-accuracy: $CER not found; run ../shared/checks/setup.sh" >&2; exit 2; }
probe="$(mktemp)"
echo "probe" >"$probe"
"$CER" "$probe" "$probe" >/dev/null 2>&1 || { rm -f "$probe"; echo "bench-accuracy: $CER cannot run; run ../shared/checks/setup.sh" >&2; exit 2; }
rm -f "$probe"

scripts/install-deps.sh --with-tests
extra=()
for p in ocrmypdf unpaper; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || extra+=("$p")
done
if [ ${#extra[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${extra[@]}" >/dev/null
fi
py=python3
$py -c 'import PIL' 2>/dev/null || py=/usr/bin/python3
export OMP_THREAD_LIMIT=1

if [[ "$skip" == *,sohoa,* ]]; then
  bin=/bin/true  # baselines only
elif [ -n "${SOHOA_BIN:-}" ]; then
  bin="$SOHOA_BIN"
else
  # A failed build must not leave an older binary to be measured.
  build_log="$(mktemp)"
  build_status=0
  swift build -c release --product sohoa --scratch-path "$scratch" >"$build_log" 2>&1 || build_status=$?
  grep -Ev '^\[[0-9]+/[0-9]+\] |^Building|^Build complete|not used by any target|unhandled|CMakeLists|^warning: .*found [0-9]+ file' "$build_log" || true
  rm -f "$build_log"
  bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/sohoa"
  if [ "$build_status" -ne 0 ]; then
    echo "bench-accuracy: the build failed (see above); nothing measured. Fix the build and run again." >&2
    exit 2
  fi
fi
[ -x "$bin" ] || { echo "bench-accuracy: no sohoa binary at $bin" >&2; exit 2; }

if [ -n "${WORK:-}" ]; then
  work="$WORK"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  [ "${KEEP:-0}" = 1 ] && echo "work folder: $work" || trap 'rm -rf "$work"' EXIT
fi
if [ -z "$pages_folder" ]; then
  pages_folder="$work/pages"
  [ -f "$pages_folder/manifest.json" ] || "$py" scripts/generate-eval-pages.py --seed "$seed" --pages "$pages" --out "$pages_folder" 2>/dev/null
fi
[ -f "$pages_folder/manifest.json" ] || { echo "bench-accuracy: $pages_folder has no manifest.json (write it with scripts/generate-eval-pages.py)" >&2; exit 2; }
"$py" scripts/bench_accuracy.py batch "$work" "$pages_folder"

# sohoa: the default pipeline, text output only.
sed -e 's/^name: .*/name: bench-accuracy/' -e 's/outputs: \[.*\]/outputs: [text]/' Pipelines/default.yaml >"$work/pipeline.yaml"
t0=$(date +%s)
if [[ "$skip" != *,sohoa,* ]] && [ ! -d "$work/text-sohoa" ]; then
  "$bin" run "$work/batch" --pipeline "$work/pipeline.yaml" --archive "$work/archive" --jobs "$sohoa_jobs" >"$work/sohoa-run.jsonl" 2>"$work/sohoa-run.log" || true
  "$bin" export --all --format text --out "$work/text-sohoa" --archive "$work/archive" >/dev/null 2>&1 || true
  "$bin" status --json --archive "$work/archive" >"$work/sohoa-status.json" 2>/dev/null || true
fi
t1=$(date +%s)

# OCRmyPDF: one run per page image; the turn it applied is read from its log.
if [[ "$skip" != *,ocrmypdf,* ]]; then
  mkdir -p "$work/text-ocrmypdf"
  export WORK_DIR="$work"
  xargs -P "$jobs" -L 1 sh -c '
    page=$1; lang=$2; out=$WORK_DIR/text-ocrmypdf
    [ -f "$out/$page.turn" ] && exit 0
    case "$lang" in vie|eng) ;; *) lang=eng ;; esac
    ocrmypdf --rotate-pages --deskew --clean -l "$lang" --tesseract-timeout 3600 --output-type pdf --sidecar "$out/$page.txt" \
      "$WORK_DIR/frames/$page.png" "$out/$page.pdf" >"$out/$page.log" 2>&1 || : >"$out/$page.txt"
    # "1 page is facing ⇨, confidence 9.30 - confidence too low to rotate": where the top of the page
    # faces, and whether OCRmyPDF acted on it (it turns the image itself, so the PDF has no /Rotate).
    line=$(grep -m1 "page is facing" "$out/$page.log" || true)
    fix=0
    case "$line" in
      *"too low"*|*"no change"*|*"appears correct"*|"") fix=0 ;;
      *"facing ⇨"*) fix=3 ;;
      *"facing ⇩"*) fix=2 ;;
      *"facing ⇦"*) fix=1 ;;
    esac
    echo "$fix" >"$out/$page.turn"
    rm -f "$out/$page.pdf"' _ <"$work/frames.txt" || true
fi
t2=$(date +%s)
if [[ "$skip" != *,osd,* ]]; then
  mkdir -p "$work/text-osd"
  while read -r page lang; do
    [ -f "$work/text-osd/$page.turn" ] || echo "$page $lang"
  done <"$work/frames.txt" | xargs -r -P "$jobs" -L 1 sh -c '"$0" scripts/bench_accuracy.py osd "$1" "$2" "$3"' "$py" "$work" || true
fi
t3=$(date +%s)

echo "sohoa: $bin ($(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ', with uncommitted changes')); pages: $pages_folder"
"$py" scripts/bench_accuracy.py report "$work"
echo
printf 'wall time this run: sohoa %d s (%s OCR worker(s)), ocrmypdf %d s, OSD alone %d s (%s in parallel); 0 s = reused from %s\n' \
  $((t1 - t0)) "$sohoa_jobs" $((t2 - t1)) $((t3 - t2)) "$jobs" "$work"
