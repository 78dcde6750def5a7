#!/usr/bin/env bash
# Character error rate of an archive's text against SampleScans/ ground truth, with the
# third-party `cer` check (jiwer + dinglehopper). Usage: scripts/measure-cer.sh [ARCHIVE] [SAMPLES]
# Prints one line per page, then the overall figure (all pages concatenated in batch order).
set -euo pipefail
cd "$(dirname "$0")/.."
archive="${1:-./archive}"
samples="${2:-SampleScans}"
cer="${CER:-../shared/checks/cer}"
[ -x "$cer" ] || { echo "measure-cer: $cer not found; run ../shared/checks/setup.sh" >&2; exit 2; }
bin="${SOHOA:-$(swift build -c release --show-bin-path)/sohoa}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" export --all --format text --out "$work/text" --archive "$archive" >/dev/null
: >"$work/all.gt"; : >"$work/all.ocr"
while IFS= read -r gt; do
  rel="${gt#"$samples"/}"
  page="$(basename "$rel" .gt.txt)"
  dir="$(dirname "$rel")"
  item="$dir"
  [ "$dir" = "." ] && item="${page%-p[0-9][0-9][0-9][0-9]}"
  ocr="$work/text/$item/$page.txt"
  [ -f "$ocr" ] || { echo "measure-cer: no archived text for $rel (expected $item/$page.txt)" >&2; : >"$ocr.missing"; ocr="$ocr.missing"; }
  printf '%-45s %s\n' "$rel" "$("$cer" --no-dinglehopper "$gt" "$ocr" | tail -1 | sed 's/ (CER ignoring.*//')"
  cat "$gt" >>"$work/all.gt"; printf '\n' >>"$work/all.gt"
  cat "$ocr" >>"$work/all.ocr"; printf '\n' >>"$work/all.ocr"
done < <(find "$samples" -name '*.gt.txt' | sort -V)
echo "overall: $("$cer" "$work/all.gt" "$work/all.ocr" "${@:3}" | tail -1)"
