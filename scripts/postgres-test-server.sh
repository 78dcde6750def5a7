#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (issue 16): Debian's PostgreSQL 15 (installed by
# `scripts/install-deps.sh --with-tests`), a new cluster in a temporary folder, on a free loopback port,
# owned by the `postgres` user when run as root (PostgreSQL refuses to run as root), no Docker.
#
#   server=$(scripts/postgres-test-server.sh start) && eval "$server"   # sets SOHOA_TEST_POSTGRES_URL and _FOLDER
#   (not `eval "$(… start)"`: that hides a failed start from `set -e`)
#   scripts/postgres-test-server.sh stop "$SOHOA_TEST_POSTGRES_FOLDER"
#   scripts/postgres-test-server.sh start --tls   # the same, serving TLS with a self-signed certificate
#                                                 # (CN and SAN localhost, 127.0.0.1), printed as _CERT
#
# `start` prints two shell assignments: the URL (user `sohoa` with a password, database `sohoa_test`)
# and the cluster's folder, which `stop` shuts down and removes. The cluster trades durability for
# speed (fsync off): it is for tests only.
set -euo pipefail

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/pg_ctl" ] && bindir=$candidate
done
if [ -z "$bindir" ]; then
  echo "postgres-test-server: PostgreSQL is not installed; run scripts/install-deps.sh --with-tests" >&2
  exit 1
fi

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
start)
  tls=""
  case "${2:-}" in
  "") ;;
  --tls) tls=1 ;;
  *) echo "usage: postgres-test-server.sh start [--tls] | stop FOLDER" >&2; exit 2 ;;
  esac
  base=${TMPDIR:-/tmp}
  # The cluster's owner must reach the folder: fall back to /tmp when TMPDIR is private to this user.
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$base"; then base=/tmp; fi
  folder=$(mktemp -d "$base/sohoa-postgres.XXXXXX")
  chmod 755 "$folder"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$folder"
  password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" >"$folder/password"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$folder/password"
  as_owner "$bindir/initdb" -D "$folder/data" -U sohoa --pwfile="$folder/password" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$folder/initdb.log" 2>&1 || {
    cat "$folder/initdb.log" >&2; exit 1; }
  ssl_options=""
  if [ -n "$tls" ]; then
    # A certificate no authority signed, as Debian's own `ssl-cert-snakeoil` is: `prefer`/`require`
    # accept it, `verify-ca`/`verify-full` must refuse it.
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$folder/server.key" -out "$folder/server.crt" >"$folder/openssl.log" 2>&1 || {
      cat "$folder/openssl.log" >&2; exit 1; }
    chmod 600 "$folder/server.key"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$folder/server.key" "$folder/server.crt"
    ssl_options="-c ssl=on -c ssl_cert_file=$folder/server.crt -c ssl_key_file=$folder/server.key"
  fi
  # A free port: the kernel picks one for a socket bound to port 0.
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_owner "$bindir/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 30 start \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$folder -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50 $ssl_options" \
    >/dev/null || { cat "$folder/server.log" >&2; exit 1; }
  as_owner "$bindir/createdb" -h "$folder" -p "$port" -U sohoa sohoa_test
  echo "SOHOA_TEST_POSTGRES_URL=postgresql://sohoa:$password@127.0.0.1:$port/sohoa_test"
  echo "SOHOA_TEST_POSTGRES_FOLDER=$folder"
  [ -z "$tls" ] || echo "SOHOA_TEST_POSTGRES_CERT=$folder/server.crt"
  ;;
stop)
  folder=${2:?usage: postgres-test-server.sh stop FOLDER}
  case "$folder" in
  */sohoa-postgres.*) ;;
  *) echo "postgres-test-server: $folder is not a folder this script made" >&2; exit 1 ;;
  esac
  if [ -d "$folder/data" ]; then
    as_owner "$bindir/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$folder"
  ;;
*)
  echo "usage: postgres-test-server.sh start [--tls] | stop FOLDER" >&2
  exit 2
  ;;
esac
