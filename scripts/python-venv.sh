#!/usr/bin/env bash
# Makes (once) one of the Python virtualenvs the tests and benchmarks use, each with one library
# nobody here wrote at a pinned version, and prints its python. The venvs live in
# ${XDG_CACHE_HOME:-~/.cache}/sohoa/<name>-venv, outside the repository.
#   browser      Selenium, for the real-browser tests (Debian's chromium and chromium-driver come
#                from scripts/install-deps.sh --with-tests)
#   marc         pymarc, which reads sohoa's ISO 2709 and MARCXML exports back in the MARC tests
#   search-eval  ir-measures (over trec_eval), for scripts/search-eval.sh
# Usage: scripts/python-venv.sh browser|marc|search-eval
set -euo pipefail
case "${1:-}" in
  browser) package=selenium version=4.51.0 ;;
  marc) package=pymarc version=5.4.0 ;;
  search-eval) package=ir-measures version=0.4.3 ;;
  *) echo "usage: scripts/python-venv.sh browser|marc|search-eval" >&2; exit 2 ;;
esac
venv="${XDG_CACHE_HOME:-$HOME/.cache}/sohoa/$1-venv"
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('$package') != '$version')" 2>/dev/null; then
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "$package==$version" >&2
fi
echo "$venv/bin/python"
