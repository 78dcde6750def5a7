#!/usr/bin/env python3
"""Checks that Package.swift declares exactly what each target imports (issue 13).

For every target (tests and the fuzz target too), the modules its Swift files import must be among its
declared dependencies, and every declared dependency must be imported by at least one of its files.
The platform's own modules (Foundation, Dispatch, XCTest...) need no declaration. An executable a test
target depends on is run, not imported (the CLI tests run `sohoa`), so it need not be imported.
It also holds the layers of docs/architecture.md: the modules that serve or work on what is already
archived never reach, even through another module, the batch pipeline, the OCR or Tesseract (FORBIDDEN).
Usage: scripts/lint/check-imports.py   (exit 1 with one line per problem)
"""
import json
import os
import pathlib
import re
import subprocess
import sys

PLATFORM = {
    "Foundation", "FoundationEssentials", "FoundationXML", "FoundationNetworking", "Dispatch", "Glibc",
    "Musl", "Darwin", "Synchronization", "XCTest", "Testing", "_Concurrency", "os", "Android", "WinSDK",
}
IMPORT = re.compile(
    r"^\s*(?:@[\w()]+\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+"
    r"(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_]\w*)",
    re.MULTILINE)

FORBIDDEN = {
    "SohoaServer": {"SohoaPipeline", "SohoaOCR", "CTesseract"},
    "SohoaSharing": {"SohoaPipeline", "SohoaOCR", "CTesseract"},
    "SohoaCollection": {"SohoaPipeline", "SohoaOCR", "CTesseract", "SohoaImaging"},
    "SohoaArchive": {"SohoaPipeline", "SohoaOCR", "CTesseract", "SohoaImaging"},
    "SohoaCatalog": {"SohoaPipeline", "SohoaOCR", "CTesseract", "SohoaImaging"},
}

root = pathlib.Path(__file__).resolve().parents[2]
env = dict(os.environ, SOHOA_FUZZ="1")
env.pop("SOHOA_DEV_TARGETS", None)
manifest = json.loads(subprocess.run(
    ["swift", "package", "dump-package"], cwd=root, env=env, check=True, capture_output=True, text=True).stdout)
types = {t["name"]: t["type"] for t in manifest["targets"]}
problems = []
for target in manifest["targets"]:
    if target["type"] in ("system", "binary", "plugin"):
        continue
    name = target["name"]
    declared = {}
    for dependency in target["dependencies"]:
        kind = next(iter(dependency))
        declared[dependency[kind][0]] = kind
    folder = root / (target.get("path") or ("Tests" if target["type"] == "test" else "Sources")) / (
        "" if target.get("path") else name)
    imported = {}
    for file in sorted(folder.rglob("*.swift")):
        for module in IMPORT.findall(file.read_text(encoding="utf-8")):
            if module not in PLATFORM and module != name:
                imported.setdefault(module, file.relative_to(root))
    for module, file in sorted(imported.items()):
        if module not in declared:
            problems.append(f"{name}: {file} imports {module}, which Package.swift does not declare for {name}")
    for module in sorted(declared):
        if module not in imported and types.get(module) != "executable":
            problems.append(f"{name}: Package.swift declares {module}, which no file of {name} imports")

def reach(name, seen):
    for dependency in next(t for t in manifest["targets"] if t["name"] == name)["dependencies"]:
        kind = next(iter(dependency))
        module = dependency[kind][0]
        if module in types and module not in seen:
            seen[module] = name
            reach(module, seen)
    return seen


for name, forbidden in sorted(FORBIDDEN.items()):
    reached = reach(name, {})
    for module in sorted(forbidden & reached.keys()):
        problems.append(f"{name}: depends on {module} (through {reached[module]}), which its layer must not reach")

for problem in problems:
    print(f"imports: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"imports: every target imports exactly what Package.swift declares ({len(types)} targets)")
