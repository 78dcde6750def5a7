#!/usr/bin/env bash
# Installs the Debian packages sohoa needs to build, run and test (--with-tests) and benchmark
# (--with-bench). Idempotent: does nothing
# (not even `apt-get update`) when everything is already there.
set -euo pipefail

packages=(
  pkg-config libtiff-dev libpng-dev libtesseract-dev libleptonica-dev libsqlite3-dev
  tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-osd
  libturbojpeg0-dev libopenjp2-7-dev poppler-utils
)
for option in "$@"; do
  case "$option" in
    --with-tests)
      packages+=(fonts-noto-core fonts-dejavu-core python3-pil fonts-texgyre fonts-freefont-ttf fonts-liberation2 libtiff-tools chromium chromium-driver python3-venv wrk postgresql openssl) ;;
    # The benchmarks that compare with OCRmyPDF (scripts/bench-pdf-size.sh, bench-accuracy.sh, bench-throughput.sh:
    # unpaper for its --clean): Debian 12 has 14.0.
    --with-bench) packages+=(ocrmypdf qpdf unpaper) ;;
    *)
      echo "sohoa: install-deps.sh: unknown option '$option' (usage: scripts/install-deps.sh [--with-tests] [--with-bench])" >&2
      exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "sohoa: installing Debian packages: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
