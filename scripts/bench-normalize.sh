#!/usr/bin/env bash
# What normalization does for OCR on hard, degraded pages: character error rate (CER) per page and
# overall for sohoa with normalization on, with it off, and for OCRmyPDF
# (`ocrmypdf --rotate-pages --deskew --clean -l vie`) on the same pages, all in one run; and the
# normalize stage's time next to OCR's, per page. Not a test: prints figures.
# Usage: scripts/bench-normalize.sh [PAGES] [SEED]     (default 30 pages, seed 7)
# Environment: SOHOA_SCRATCH (swift build scratch path, default .build), JOBS (parallel OCRmyPDF
#              runs, default 2; sohoa always runs with one OCR worker so its times are per thread),
#              KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-30}"
seed="${2:-7}"
jobs="${JOBS:-2}"
scratch="${SOHOA_SCRATCH:-.build}"
cer="${CER:-../shared/checks/cer}"
[ -x "$cer" ] || { echo "bench-normalize: $cer not found; run ../shared/checks/setup.sh" >&2; exit 2; }
# The wrapper exists but its Python environment may not: find out before the long runs.
probe="$(mktemp)"
echo "probe" >"$probe"
"$cer" "$probe" "$probe" >/dev/null 2>&1 || { rm -f "$probe"; echo "bench-normalize: $cer cannot run; run ../shared/checks/setup.sh" >&2; exit 2; }
rm -f "$probe"

scripts/install-deps.sh --with-tests
# OCRmyPDF and unpaper (for --clean), from Debian; nothing happens when they are installed.
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
# The generator needs Pillow; a python3 from pyenv or a venv may not have Debian's.
py=python3
$py -c 'import PIL' 2>/dev/null || py=/usr/bin/python3

export OMP_THREAD_LIMIT=1
# A failed build must not leave an older binary to be measured.
build_log="$(mktemp)"
build_status=0
swift build -c release --product sohoa --scratch-path "$scratch" >"$build_log" 2>&1 || build_status=$?
grep -Ev '^\[[0-9]+/[0-9]+\] |^Building|^Build complete|not used by any target' "$build_log" || true
rm -f "$build_log"
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/sohoa"
if [ "$build_status" -ne 0 ] || [ ! -x "$bin" ]; then
  echo "bench-normalize: the build failed (see above); nothing measured. Fix the build and run again." >&2
  exit 2
fi

work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] && echo "work folder: $work" || trap 'rm -rf "$work"' EXIT
"$py" scripts/generate-samples.py --seed "$seed" --pages "$pages" --strength hard --out "$work/batch" >/dev/null 2>&1
mkdir -p "$work/gt"
mv "$work/batch"/*.gt.txt "$work/gt/"
mv "$work/batch/manifest.json" "$work/manifest.json"

cat >"$work/off.yaml" <<'YAML'
name: normalization-off
languages: [vie]
normalize: {orientation: false, deskew: false, crop-borders: false, even-light: false, binarize: none, despeckle: false, split-spreads: never}
ocr: {psm: auto, outputs: [text]}
YAML
sed -e 's/^name: .*/name: normalization-on/' -e 's/outputs: \[.*\]/outputs: [text]/' Pipelines/default.yaml >"$work/on.yaml"

run_sohoa() {  # $1 = on|off
  "$bin" run "$work/batch" --pipeline "$work/$1.yaml" --archive "$work/archive-$1" --jobs 1 >/dev/null 2>&1 || true
  "$bin" export --all --format text --out "$work/text-$1" --archive "$work/archive-$1" >/dev/null 2>&1
  for f in "$work"/text-"$1"/*/*.txt; do cp "$f" "$work/text-$1/$(basename "$f")"; done
}
t0=$(date +%s.%N)
run_sohoa on
t1=$(date +%s.%N)
run_sohoa off
t2=$(date +%s.%N)
mkdir -p "$work/text-ocrmypdf"
ls "$work/batch"/*.png | xargs -P "$jobs" -I{} sh -c '
  page=$(basename "$1" .png)
  ocrmypdf --rotate-pages --deskew --clean -l vie --output-type pdf --sidecar "$2/$page.txt" "$1" "$2/$page.pdf" >/dev/null 2>&1 \
    || : >"$2/$page.txt"' _ {} "$work/text-ocrmypdf"
t3=$(date +%s.%N)

page_cer() { "$cer" --no-dinglehopper "$1" "$2" 2>/dev/null | tail -1 | sed -E 's/^cer: CER ([0-9.]+).*/\1/'; }
printf '%-12s %6s %9s %9s %9s   %s\n' page skew "on" "off" "ocrmypdf" "normalize (turns, crop, spread)"
for gt in $(ls "$work/gt"/*.gt.txt | sort -V); do
  page="$(basename "$gt" .gt.txt)"
  for side in on off ocrmypdf; do
    [ -f "$work/text-$side/$page.txt" ] || : >"$work/text-$side/$page.txt"
    cat "$gt" >>"$work/all.gt.$side"; printf '\n' >>"$work/all.gt.$side"
    cat "$work/text-$side/$page.txt" >>"$work/all.$side"; printf '\n' >>"$work/all.$side"
  done
  skew=$("$py" -c "import json,sys; m=json.load(open('$work/manifest.json')); print(next(p['skew_deg'] for p in m['pages'] if p['page']=='$page'))")
  note=$("$py" - "$work/archive-on" "$page" <<'PY'
import glob, json, sys
for f in glob.glob(sys.argv[1] + "/extensions/sohoa-work/pages/*/page.json"):
    r = json.load(open(f))
    if r["name"] == sys.argv[2]:
        n = r["normalize"]
        print(f"skew {n['skewDegrees']:+.2f}, turns {n.get('quarterTurnsApplied', 0)}, crop {'yes' if n.get('cropBox') else 'no'}, "
              f"spread {n.get('spreadPart') or 'no'}, specks {n.get('specksRemoved', 0)}")
PY
)
  printf '%-12s %+6.2f %9s %9s %9s   %s\n' "$page" "$skew" "$(page_cer "$gt" "$work/text-on/$page.txt")" \
    "$(page_cer "$gt" "$work/text-off/$page.txt")" "$(page_cer "$gt" "$work/text-ocrmypdf/$page.txt")" "$note"
done
echo
for side in on off ocrmypdf; do
  printf 'overall %-9s %s\n' "$side" "$("$cer" "$work/all.gt.$side" "$work/all.$side" | tail -1)"
done
echo
printf 'wall time: sohoa on %.0f s, sohoa off %.0f s (one OCR worker), ocrmypdf %.0f s (%s in parallel), %s pages\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)" "$jobs" "$pages"
"$py" - "$work/archive-on" <<'PY'
import glob, json, sys
rows = [json.load(open(f)) for f in glob.glob(sys.argv[1] + "/extensions/sohoa-work/pages/*/page.json")]
rows = [r for r in rows if r.get("ocrMilliseconds")]
if not rows:
    sys.exit("no page results with OCR times")
cpu = [r["normalize"].get("cpuMilliseconds") or r["normalize"]["milliseconds"] for r in rows]
wall = [r["normalize"]["milliseconds"] for r in rows]
ocr = [r["ocrMilliseconds"] for r in rows]
ratios = sorted(c / o for c, o in zip(cpu, ocr))
print(f"per page, normalization on ({len(rows)} pages): normalize CPU {sum(cpu)/len(cpu):.0f} ms (wall {sum(wall)/len(wall):.0f} ms), "
      f"OCR {sum(ocr)/len(ocr):.0f} ms (wall, one thread, OMP_THREAD_LIMIT=1)")
print(f"normalize CPU / OCR time: overall {sum(cpu)/sum(ocr)*100:.1f}%, median page {ratios[len(ratios)//2]*100:.1f}%, "
      f"worst page {ratios[-1]*100:.1f}%")
steps = {}
for r in rows:
    for k, v in (r["normalize"].get("stepMilliseconds") or {}).items():
        steps[k] = steps.get(k, 0) + v
print("normalize steps, mean wall ms per page: " + ", ".join(f"{k} {v/len(rows):.0f}" for k, v in sorted(steps.items(), key=lambda kv: -kv[1])))
PY
