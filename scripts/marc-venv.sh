#!/usr/bin/env bash
# Makes (once) the Python virtualenv with pymarc that the MARC export tests read sohoa's ISO 2709
# and MARCXML files back with, and prints its python. pymarc is a library nobody here wrote.
# The venv lives in ${XDG_CACHE_HOME:-~/.cache}/sohoa/marc-venv, outside the repository.
set -euo pipefail
pymarc_version=5.4.0
venv="${SOHOA_MARC_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/sohoa/marc-venv}"
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('pymarc') != '$pymarc_version')" 2>/dev/null; then
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "pymarc==$pymarc_version" >&2
fi
echo "$venv/bin/python"
