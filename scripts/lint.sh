#!/usr/bin/env bash
# Formats (with --fix) or checks the Swift sources against .swift-format. CI runs the check.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--fix" ]; then
  swift format format --in-place --recursive Sources Tests Package.swift
fi
swift format lint --strict --recursive Sources Tests Package.swift
echo "lint: clean"
