"""Reads `sohoa export --format marc` (ISO 2709) and `--format marcxml` files back with pymarc and
checks that both hold the same records: leader, control fields, data fields with their indicators
and subfields, in order. Also checks what pymarc leaves to the writer: each record's length in the
leader equals its bytes, leader/09 is `a` and every value is NFC.

usage: pymarc_read_back.py <file.mrc> <file.xml>
Prints one JSON line (records, control numbers, tags of the first record); exit 0 when all agree,
1 with the differences on stderr.
"""
import importlib.metadata
import json
import sys
import unicodedata

import pymarc


def plain(record):
    fields = []
    for field in record.fields:
        if field.is_control_field():
            fields.append([field.tag, field.data])
        else:
            fields.append([field.tag, field.indicator1 + field.indicator2,
                           [[sf.code, sf.value] for sf in field.subfields]])
    return {"leader": str(record.leader), "fields": fields}


def main():
    mrc_path, xml_path = sys.argv[1], sys.argv[2]
    problems = []
    with open(mrc_path, "rb") as fh:
        raw = fh.read()
    chunks = [c + b"\x1d" for c in raw.split(b"\x1d") if c]
    with open(mrc_path, "rb") as fh:
        reader = pymarc.MARCReader(fh, to_unicode=True, force_utf8=False, utf8_handling="strict", permissive=False)
        iso = [plain(r) for r in reader]
    xml = [plain(r) for r in pymarc.parse_xml_to_array(xml_path, strict=True)]
    if len(iso) != len(chunks):
        problems.append("pymarc read %d records, the file has %d" % (len(iso), len(chunks)))
    for index, (record, chunk) in enumerate(zip(iso, chunks)):
        leader = record["leader"]
        if int(leader[0:5]) != len(chunk):
            problems.append("record %d: leader says %s bytes, it has %d" % (index + 1, leader[0:5], len(chunk)))
        if leader[9] != "a":
            problems.append("record %d: leader/09 is %r, not 'a' (UTF-8)" % (index + 1, leader[9]))
        for value in json.dumps(record["fields"], ensure_ascii=False).split('"'):
            if unicodedata.normalize("NFC", value) != value:
                problems.append("record %d: %r is not NFC" % (index + 1, value))
    if len(iso) != len(xml):
        problems.append("%d records in ISO 2709, %d in MARCXML" % (len(iso), len(xml)))
    for index, (a, b) in enumerate(zip(iso, xml)):
        if a != b:
            problems.append("record %d differs:\n  ISO 2709: %s\n  MARCXML:  %s" % (
                index + 1, json.dumps(a, ensure_ascii=False), json.dumps(b, ensure_ascii=False)))
    ids = [next((f[1] for f in r["fields"] if f[0] == "001"), None) for r in iso]
    print(json.dumps({"records": len(iso), "ids": ids, "pymarc": importlib.metadata.version("pymarc"),
                      "first": [f[0] for f in iso[0]["fields"]] if iso else []}, ensure_ascii=False))
    for p in problems:
        print(p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
