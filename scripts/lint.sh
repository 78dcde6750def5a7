#!/usr/bin/env bash
# Formats (with --fix) or checks the Swift sources against .swift-format, and checks that Package.swift
# declares exactly what each target imports. CI runs the check.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--fix" ]; then
  swift format format --in-place --recursive Sources Tests Package.swift
fi
swift format lint --strict --recursive Sources Tests Package.swift
# Package.swift declares exactly what each target imports (no undeclared import, no unused dependency).
python3 scripts/lint/check-imports.py
echo "lint: clean"
