#!/usr/bin/env bash
# Makes (once) the Python virtualenv with Selenium that the real-browser tests use, and prints its
# python. Debian's chromium and chromium-driver come from scripts/install-deps.sh --with-tests.
# The venv lives in ${XDG_CACHE_HOME:-~/.cache}/sohoa/browser-venv, outside the repository.
set -euo pipefail
selenium_version=4.51.0
venv="${SOHOA_BROWSER_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/sohoa/browser-venv}"
if ! "$venv/bin/python" -c "import selenium, sys; sys.exit(selenium.__version__ != '$selenium_version')" 2>/dev/null; then
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "selenium==$selenium_version" >&2
fi
echo "$venv/bin/python"
