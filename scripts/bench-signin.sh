#!/usr/bin/env bash
# Sign-in throttle figures (issue 12). Starts `sohoa serve` on a new empty archive with one account,
# then prints how long wrong guesses take: one after another, all at once, with a new name each
# time, and how long the right password takes from another address meanwhile.
#   scripts/bench-signin.sh [SOHOA_BINARY] [GUESSES]      (default .build/debug/sohoa, 6)
set -euo pipefail
bin=${1:-.build/debug/sohoa}
n=${2:-6}
dir=$(mktemp -d /tmp/sohoa-signin-XXXXXX)
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
password='Mật khẩu 2025'
mkdir -p "$dir/empty-batch"
"$bin" run "$dir/empty-batch" --archive "$dir/archive" >/dev/null 2>&1
printf '%s\n' "$password" | "$bin" users add lan --role archivist --password-stdin --archive "$dir/archive" >/dev/null
"$bin" serve --archive "$dir/archive" --port "$port" >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "$base/login" && break; sleep 0.1; done

# attempt NAME PASSWORD [ADDRESS]: one sign-in through the form; prints the HTTP status.
attempt() {
    local jar token extra=()
    jar=$(mktemp -p "$dir")
    token=$(curl -s -c "$jar" "$base/login" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"$//')
    [ -n "${3:-}" ] && extra=(-H "X-Forwarded-For: $3")
    curl -s -o /dev/null -w '%{http_code}' -b "$jar" "${extra[@]}" --data-urlencode "_csrf=$token" \
        --data-urlencode "name=$1" --data-urlencode "password=$2" "$base/login"
}
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc | xargs printf '%.1f'; }

start=$(now)
for i in $(seq "$n"); do attempt lan "wrong $i" 203.0.113.1 >/dev/null; done
echo "$n wrong guesses one after another (one address, one account): $(elapsed "$start") s"

start=$(now)
for i in $(seq "$n"); do attempt lan "wrong $i" 203.0.113.2 >/dev/null & done
wait_jobs() { for job in $(jobs -p); do [ "$job" = "$pid" ] || wait "$job"; done; }
wait_jobs
echo "$n wrong guesses all at once (one address, one account):   $(elapsed "$start") s"

start=$(now)
for i in $(seq $((n + 10))); do attempt "name$i" "wrong" 203.0.113.3 >/dev/null & done
wait_jobs
echo "$((n + 10)) guesses at new names all at once (one address):      $(elapsed "$start") s"

for i in $(seq 4); do attempt lan "wrong $i" 203.0.113.4 >/dev/null & done
sleep 0.2
start=$(now)
status=$(attempt lan "$password" 198.51.100.9)
echo "right password from another address meanwhile: HTTP $status in $(elapsed "$start") s"
wait_jobs
