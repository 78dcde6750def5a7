#!/usr/bin/env bash
# Size and text of SampleScans' item PDFs, sohoa's against OCRmyPDF 14's on the same pages (issue 17).
# Usage: scripts/bench-pdf-size.sh [SAMPLES]   (SOHOA=path/to/sohoa; default: the release build)
# For each item: the bytes of sohoa's archival PDF (PDF/A-1b, lossless), of its compact reading PDF
# (G4 and 150 dpi JPEG) and of `ocrmypdf -l vie --output-type pdf -O1` run on the item's page images
# (one run per image file, joined with qpdf); the ratio reading/OCRmyPDF (issue 17's target: at most
# 0.5); whether the reading PDF's `pdftotext` equals the archival one's; and the CER of `pdftotext` of
# each against the item's ground truth (../shared/checks/cer). OCRmyPDF missing (`scripts/install-deps.sh
# --with-bench`): its columns say so and the rest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
samples="${1:-SampleScans}"
cer="${CER:-../shared/checks/cer}"
bin="${SOHOA:-$(swift build -c release --show-bin-path)/sohoa}"
[ -x "$bin" ] || { echo "bench-pdf-size: $bin not found; build sohoa or set SOHOA" >&2; exit 2; }
[ -x "$cer" ] || { echo "bench-pdf-size: $cer not found; run ../shared/checks/setup.sh" >&2; exit 2; }
ocrmypdf="$(command -v ocrmypdf || true)"
[ -n "$ocrmypdf" ] || echo "bench-pdf-size: ocrmypdf not found (scripts/install-deps.sh --with-bench installs Debian 12's OCRmyPDF 14.0); its columns are skipped" >&2
work="$(mktemp -d /tmp/bench-pdf-size.XXXXXX)"
trap 'rm -rf "$work"' EXIT
"$bin" run "$samples" --archive "$work/archive" >"$work/run.log" 2>&1 || { tail -20 "$work/run.log" >&2; exit 1; }
"$bin" export --all --format pdf --out "$work/pdf" --archive "$work/archive" >/dev/null
"$bin" export --all --format pdf-reading --out "$work/reading" --archive "$work/archive" >/dev/null

cer_of() { # <pdf> <gt> → CER (pdftotext of the whole PDF against the item's ground truth)
  pdftotext -enc UTF-8 "$1" "$1.txt" && "$cer" --no-dinglehopper "$2" "$1.txt" | tail -1 | sed 's/ (CER ignoring.*//'
}
printf '%-18s %10s %10s %10s %7s %5s  %-12s %-12s %s\n' item archival reading ocrmypdf ratio same archival-cer reading-cer ocrmypdf-cer
total_a=0; total_r=0; total_o=0
for pdf in "$work"/pdf/*.pdf; do
  item="$(basename "$pdf" .pdf)"
  reading="$work/reading/$item.pdf"
  if [ -d "$samples/$item" ]; then
    images=$(find "$samples/$item" -maxdepth 1 -regex '.*\.\(tif\|tiff\|png\|jpg\|jpeg\)' | sort -V)
    gts=$(find "$samples/$item" -maxdepth 1 -name '*.gt.txt' | sort -V)
  else
    images=$(find "$samples" -maxdepth 1 -regex ".*/$item\.\(tif\|tiff\|png\|jpg\|jpeg\)")
    gts=$(find "$samples" -maxdepth 1 -name "$item-p*.gt.txt" | sort -V)
  fi
  : >"$work/$item.gt"
  for gt in $gts; do cat "$gt" >>"$work/$item.gt"; printf '\n' >>"$work/$item.gt"; done
  size_a=$(stat -c %s "$pdf"); total_a=$((total_a + size_a))
  size_r=$(stat -c %s "$reading"); total_r=$((total_r + size_r))
  text_a="$(cer_of "$pdf" "$work/$item.gt")"
  text_r="$(cer_of "$reading" "$work/$item.gt")"
  same=no; cmp -s "$pdf.txt" "$reading.txt" && same=yes
  size_o="-"; ratio="-"; text_o="(ocrmypdf not run)"
  if [ -n "$ocrmypdf" ]; then
    parts=()
    n=0
    for image in $images; do
      n=$((n + 1))
      "$ocrmypdf" -q -l vie --output-type pdf -O1 "$image" "$work/$item-$n.pdf" >>"$work/ocrmypdf.log" 2>&1 || true
      [ -f "$work/$item-$n.pdf" ] && parts+=("$work/$item-$n.pdf")
    done
    if [ "${#parts[@]}" -gt 0 ]; then
      qpdf --empty --pages "${parts[@]}" -- "$work/$item.ocrmypdf.pdf"
      size_o=$(stat -c %s "$work/$item.ocrmypdf.pdf"); total_o=$((total_o + size_o))
      ratio=$(awk -v s="$size_r" -v o="$size_o" 'BEGIN { printf "%.2f", s / o }')
      text_o="$(cer_of "$work/$item.ocrmypdf.pdf" "$work/$item.gt")"
    else
      text_o="(ocrmypdf failed: see its log)"
    fi
  fi
  printf '%-18s %10s %10s %10s %7s %5s  %-12s %-12s %s\n' "$item" "$size_a" "$size_r" "$size_o" "$ratio" "$same" "$text_a" "$text_r" "$text_o"
done
ratio_total="-"
[ "$total_o" -gt 0 ] && ratio_total=$(awk -v s="$total_r" -v o="$total_o" 'BEGIN { printf "%.2f", s / o }')
printf '%-18s %10s %10s %10s %7s\n' total "$total_a" "$total_r" "${total_o/#0/-}" "$ratio_total"
