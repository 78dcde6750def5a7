#!/usr/bin/env bash
# Measures the web upload (issue 15): sends a folder of N random files of M MiB through
# /submissions/upload of a `sohoa serve` on loopback, with curl as the browser, and prints the
# upload's time and the server's peak memory (VmHWM) before and after: the body is written to disk as
# it arrives, so the peak must not grow by the upload's size.
# Usage: scripts/web-upload-memory.sh [FILES=4] [MIB=50]   (uses .build/debug/sohoa; needs curl)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-4}
mib=${2:-50}
sohoa="$PWD/.build/debug/sohoa"
work=$(mktemp -d "${TMPDIR:-/tmp}/sohoa-web-upload-XXXXXX")
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/seed/mot-trang" "$work/lo-do/sach"
cp SampleScans/bao-lai-chau-1998/trang-3.png "$work/seed/mot-trang/"
"$sohoa" run "$work/seed" --archive "$work/archive" --pipeline Pipelines/image-only.yaml --library LCH >/dev/null
printf 'submissions:\n  max-size: 4G\n  free-margin: 1G\n' >"$work/archive/server.yaml"
printf 'mat-khau-do-thu\n' | SOHOA_BCRYPT_COST=4 "$sohoa" users add do.thu --role scanner --password-stdin --archive "$work/archive" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$sohoa" serve --archive "$work/archive" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -s -o /dev/null "$base/login" && break; sleep 0.2; done
token() { curl -s -c "$work/jar" -b "$work/jar" "$base$1" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
curl -s -o /dev/null -c "$work/jar" -b "$work/jar" --data-urlencode name=do.thu --data-urlencode password=mat-khau-do-thu \
  --data-urlencode "_csrf=$(token /login)" "$base/login"
csrf=$(token /submissions/upload)
args=(-F "_csrf=$csrf")
for n in $(seq "$files"); do
  head -c "$((mib << 20))" /dev/urandom >"$work/lo-do/sach/trang-$n.tif"
  args+=(-F "files=@$work/lo-do/sach/trang-$n.tif;filename=lo-do/sach/trang-$n.tif")
done
before=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_upload} %{redirect_url}' -b "$work/jar" "${args[@]}" "$base/submissions/upload")
after=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
read -r status seconds bytes location <<<"$answer"
echo "web upload: $files files × $mib MiB = $((bytes >> 20)) MiB in ${seconds} s (HTTP $status → ${location#$base}); server peak memory (VmHWM) $((before >> 10)) MiB before, $((after >> 10)) MiB after"
