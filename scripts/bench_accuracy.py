#!/usr/bin/env python3
"""The work behind scripts/bench-accuracy.sh (run that, not this).

    bench_accuracy.py batch WORK PAGES        lay out the batch and the baseline frames, write WORK/truth.json
    bench_accuracy.py osd WORK FRAME LANG     Tesseract OSD alone: --psm 0 decides the turn, then recognition
    bench_accuracy.py report WORK             compare sohoa, OCRmyPDF and OSD alone with the truth; print figures

Truth: PAGES/manifest.json (scripts/generate-eval-pages.py) for the generated pages; for the real scans
in ../shared/scans the turns below (read off the images) and ground truth where the source has one.
Turns are clockwise quarter turns that make the page upright ("fix"); sohoa records the same in a page's
PageTransform.quarterTurns, Tesseract OSD prints it as "Rotate:", OCRmyPDF as the PDF page's /Rotate.
"""

import concurrent.futures
import glob
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import unicodedata

from PIL import Image, ImageSequence

SHARED = os.environ.get("SHARED", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
CER = os.environ.get("CER", os.path.join(SHARED, "checks", "cer"))

# Real turned (and upright) scans: (item folder, source, language, {page name: turn_deg}, ground truth or None).
# turn_deg as in generate-eval-pages.py: the scan shows the upright page turned clockwise by turn_deg.
PHOTOTEST_GT = "tesseract_test/synthetic/phototest.txt"
REAL = [
    ("real-phototest", "tesseract_test/rotation/phototest-rotated-180.png", "eng", {"phototest-rotated-180": 180}, PHOTOTEST_GT),
    ("real-phototest", "tesseract_test/rotation/phototest-rotated-L.png", "eng", {"phototest-rotated-L": 270}, PHOTOTEST_GT),
    ("real-phototest", "tesseract_test/rotation/phototest-rotated-R.png", "eng", {"phototest-rotated-R": 90}, PHOTOTEST_GT),
    ("real-phototest", "tesseract_test/rotation/phototestrot.tif", "eng", {"phototestrot": 270}, PHOTOTEST_GT),
    # Devanagari: no Hindi model is installed, so sohoa archives it image-only; orientation only.
    ("real-devanagari", "tesseract_test/rotation/devatest-rotated-270.png", "hin", {"devatest-rotated-270": 270}, None),
    # VietOCR samples: no ground truth exists (SOURCE.md); orientation only. vietsample2.tif page 1 lies on its side.
    ("real-vietocr", "vie_vietocr3_samples/vietsample2.tif", "vie", {"vietsample2-p0001": 90, "vietsample2-p0002": 0}, None),
    ("real-vietocr", "vie_vietocr3_samples/vietsample.tif", "vie", {"vietsample-p0001": 0, "vietsample-p0002": 0}, None),
    ("real-vietocr", "vie_vietocr3_samples/vietsample1.tif", "vie", {"vietsample1-p0001": 0, "vietsample1-p0002": 0}, None),
]


def nfc(s):
    return unicodedata.normalize("NFC", s)


def fix_of(turn_deg):
    return (4 - turn_deg // 90) % 4


def link(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if os.path.exists(dst):
        return
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def save_frame(img, path):
    dpi = img.info.get("dpi") or (300, 300)
    dpi = tuple(round(float(d)) or 300 for d in dpi)
    if dpi[0] < 100:  # files that do not say (72 by default) are scans at 300 dpi here
        dpi = (300, 300)
    img.save(path, format="PNG", dpi=dpi)


def cmd_batch(work, pages):
    """The batch for sohoa (every generated page an item of its own at the batch root; real scans in
    item folders with their language), a PNG per page image for the baselines, and WORK/truth.json."""
    batch, frames = os.path.join(work, "batch"), os.path.join(work, "frames")
    os.makedirs(frames, exist_ok=True)
    manifest = json.load(open(os.path.join(pages, "manifest.json"), encoding="utf-8"))
    truth = []
    limit = int(os.environ.get("LIMIT", "0") or 0)
    chosen = manifest["pages"][:limit] if limit else manifest["pages"]
    if limit:  # keep the unreadable pages too: they are what the suspect flag is measured on
        chosen += [p for p in manifest["pages"][limit:] if p["unreadable"]]
    for p in chosen:
        src = os.path.join(pages, p["file"])
        link(src, os.path.join(batch, p["file"]))
        frame = os.path.join(frames, p["page"] + ".png")
        if p["file"].endswith(".png"):
            link(src, frame)
        elif not os.path.exists(frame):
            save_frame(Image.open(src).convert("L"), frame)
        gts = [h["ground_truth"] for h in p.get("halves", [])] or ([p["ground_truth"]] if p["ground_truth"] else [])
        truth.append({"page": p["page"], "item": p["page"], "set": p["set"], "kind": p["kind"], "turn_deg": p["turn_deg"],
                      "spread": p["spread"], "unreadable": p["unreadable"], "lang": "vie",
                      "gt": [os.path.join(pages, g) for g in gts], "fonts": p["fonts"]})
    scans = os.path.join(SHARED, "scans")
    if os.environ.get("REAL", "1") != "0" and os.path.isdir(scans):
        for item, rel, lang, turns, gt in REAL:
            src = os.path.join(scans, rel)
            if not os.path.exists(src):
                print(f"bench-accuracy: {src} is missing; skipped", file=sys.stderr)
                continue
            link(src, os.path.join(batch, item, os.path.basename(rel)))
            with open(os.path.join(batch, item, "item.yaml"), "w", encoding="utf-8") as f:
                f.write(f'title: "{item}"\nlanguage: {lang}\n')
            img = Image.open(src)
            for i, fr in enumerate(ImageSequence.Iterator(img)):
                name = sorted(turns)[i] if len(turns) > 1 else next(iter(turns))
                frame = os.path.join(frames, name + ".png")
                if not os.path.exists(frame):
                    save_frame(fr.convert("L"), frame)
                truth.append({"page": name, "item": item, "set": "real", "kind": "real", "turn_deg": turns[name],
                              "spread": False, "unreadable": False, "lang": lang,
                              "gt": [os.path.join(scans, gt)] if gt else [], "fonts": []})
    else:
        print("bench-accuracy: ../shared/scans not found; the real set is skipped", file=sys.stderr)
    json.dump(truth, open(os.path.join(work, "truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    langs = {t["page"]: t["lang"] for t in truth}
    with open(os.path.join(work, "frames.txt"), "w") as f:
        for t in truth:
            f.write(f"{t['page']} {langs[t['page']]}\n")


def cmd_osd(work, page, lang):
    """Tesseract OSD alone: --psm 0 decides the turn, the turned page is recognized (--psm 3)."""
    out = os.path.join(work, "text-osd")
    os.makedirs(out, exist_ok=True)
    frame = os.path.join(work, "frames", page + ".png")
    r = subprocess.run(["tesseract", frame, "-", "--psm", "0"], capture_output=True, text=True)
    m = re.search(r"Rotate: (\d+)", r.stdout)
    rotate = int(m.group(1)) if m else 0
    turned = os.path.join(out, page + ".turned.png")
    img = Image.open(frame)
    img.rotate(-rotate, expand=True).save(turned, dpi=img.info.get("dpi", (300, 300)))
    ocr_lang = lang if lang in ("vie", "eng") else "eng"
    subprocess.run(["tesseract", turned, os.path.join(out, page), "-l", ocr_lang, "--psm", "3"], capture_output=True)
    os.remove(turned)
    with open(os.path.join(out, page + ".turn"), "w") as f:
        f.write(f"{rotate // 90 % 4}\n")


def read(path):
    try:
        return nfc(open(path, encoding="utf-8").read())
    except (OSError, UnicodeDecodeError):
        return ""


def cer_of(gt_text, ocr_text, tmp, key):
    """CER from ../shared/checks/cer (jiwer, NFC, whitespace collapsed); None when it cannot say."""
    g, o = os.path.join(tmp, key + ".gt"), os.path.join(tmp, key + ".ocr")
    open(g, "w", encoding="utf-8").write(gt_text)
    open(o, "w", encoding="utf-8").write(ocr_text if ocr_text.strip() else "\n")
    r = subprocess.run([CER, "--no-dinglehopper", g, o], capture_output=True, text=True)
    m = re.search(r"CER ([0-9.]+)", r.stdout)
    return float(m.group(1)) if m else None


def sohoa_results(work):
    """Per page name: its page.json (normalize report, transform, text) and catalog row."""
    res, suspect = {}, {}
    for archive in sorted(glob.glob(os.path.join(work, "archive*"))):  # archive, and archive-* of split runs
        for f in glob.glob(os.path.join(archive, "extensions", "sohoa-work", "pages", "*", "page.json")):
            r = json.load(open(f, encoding="utf-8"))
            if r.get("text") is not None or r.get("ocrMilliseconds"):
                res[(r["itemID"], r["name"])] = r
        suspect.update(catalog_suspects(os.path.join(archive, "catalog.sqlite")))
    return res, suspect


def catalog_suspects(db):
    """(item, page) -> flag, from a column of the catalog's pages table whose name says suspect."""
    suspect = {}
    if os.path.exists(db):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        cols = [row[1] for row in con.execute("PRAGMA table_info(pages)")]
        flag_cols = [c for c in cols if "suspect" in c.lower()]
        if flag_cols:
            for row in con.execute(f"SELECT itemID, name, {', '.join(flag_cols)} FROM pages"):
                suspect[(row[0], row[1])] = any(v not in (None, 0, "", "0", "false") for v in row[2:])
        con.close()
    return suspect


def page_suspect(result, catalog_flag):
    """h-text's flag: from the catalog when it has a suspect column, else any suspect key in page.json."""
    if catalog_flag is not None:
        return catalog_flag
    found = []

    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if "suspect" in k.lower():
                    found.append(v not in (None, False, 0, "", [], {}))
                elif k != "text":
                    walk(v)
    if result:
        walk(result)
    return any(found) if found else None


def cmd_report(work):
    truth = json.load(open(os.path.join(work, "truth.json"), encoding="utf-8"))
    results, suspect_rows = sohoa_results(work)
    tmp = os.path.join(work, "cer")
    os.makedirs(tmp, exist_ok=True)
    tools = [t for t in ("sohoa", "ocrmypdf", "osd") if os.path.isdir(os.path.join(work, "text-" + t))]
    flagging = bool(suspect_rows) or any(page_suspect(r, None) is not None for r in results.values())
    rows = []
    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=int(os.environ.get("JOBS", "2"))) as pool:
        for t in truth:
            page, item = t["page"], t["item"]
            gt = "\n".join(read(g).rstrip("\n") for g in t["gt"]) + "\n" if t["gt"] else None
            row = {"t": t, "gt": gt}
            # sohoa: the page itself or its halves
            parts = [(item, page)] if (item, page) in results else [(item, page + s) for s in ("-a", "-b") if (item, page + s) in results]
            row["sohoa_found"] = bool(parts)
            turns = set()
            for key in parts:
                r = results[key]
                tr = (r.get("transform") or {}).get("quarterTurns")
                turns.add(tr if tr is not None else (r["normalize"].get("quarterTurnsApplied") or 0))
            row["sohoa_turns"] = sorted(turns)
            row["sohoa_split"] = len(parts) == 2
            flags = [page_suspect(results[k], suspect_rows.get(k)) for k in parts]
            row["sohoa_suspect"] = any(f for f in flags if f) if flags and any(f is not None for f in flags) else None
            row["norm_cpu"] = sum((results[k]["normalize"].get("cpuMilliseconds") or results[k]["normalize"]["milliseconds"]) for k in parts[:1])
            row["orient_ms"] = sum(((results[k]["normalize"].get("stepMilliseconds") or {}).get("orientation") or 0) for k in parts[:1])
            row["ocr_ms"] = sum((results[k].get("ocrMilliseconds") or 0) for k in parts)
            row["ocr_cpu"] = sum((results[k].get("ocrCPUMilliseconds") or 0) for k in parts)
            # The second reading of doubtful lines (part of the OCR time above).
            row["reread_ms"] = sum((results[k].get("lineRereadMilliseconds") or 0) for k in parts)
            row["reread_lines"] = sum((results[k].get("linesReadAgain") or 0) for k in parts)
            row["reread_kept"] = sum((results[k].get("linesReplaced") or 0) for k in parts)
            texts = {"sohoa": "\n".join(read(os.path.join(work, "text-sohoa", item, n + ".txt")) for _i, n in parts)}
            for tool in ("ocrmypdf", "osd"):
                texts[tool] = read(os.path.join(work, "text-" + tool, page + ".txt")).replace("\f", "\n")
                try:
                    row[tool + "_turns"] = [int(open(os.path.join(work, "text-" + tool, page + ".turn")).read().strip())]
                except (OSError, ValueError):
                    row[tool + "_turns"] = None
            row["texts"] = texts
            if gt is not None:
                for tool in tools:  # only what the tool finished (a stopped run leaves pages out)
                    if row["sohoa_found"] if tool == "sohoa" else row[tool + "_turns"] is not None:
                        jobs[(page, tool)] = pool.submit(cer_of, gt, texts[tool], tmp, f"{page}.{tool}")
            rows.append(row)
        for row in rows:
            for tool in tools:
                f = jobs.get((row["t"]["page"], tool))
                row[tool + "_cer"] = f.result() if f else None

    def fmt_cer(v):
        return "   -  " if v is None else f"{v * 100:6.2f}"

    print(f"{'page':<22} {'set':<7} {'kind':<10} {'turn':>4} {'fix':>3} | {'sohoa':>6} {'turn':>4} {'split':>5} {'susp':>4} |"
          f" {'ocrmypdf':>8} {'turn':>4} | {'osd':>6} {'turn':>4} | fonts")
    for row in rows:
        t = row["t"]
        want = fix_of(t["turn_deg"])
        def turn_mark(turns):
            if not turns:
                return "   -"
            return " ".join(str(x) for x in turns) + ("" if turns == [want] else "!")
        split = ("yes" if row["sohoa_split"] else "no") + ("" if row["sohoa_split"] == t["spread"] else "!")
        susp = "-" if row["sohoa_suspect"] is None else ("yes" if row["sohoa_suspect"] else "no")
        if t["unreadable"] and row["sohoa_suspect"] is False:
            susp += "!"
        print(f"{t['page']:<22} {t['set']:<7} {t['kind']:<10} {t['turn_deg']:>4} {want:>3} | {fmt_cer(row.get('sohoa_cer'))} "
              f"{turn_mark(row['sohoa_turns']):>4} {split:>5} {susp:>4} | {fmt_cer(row.get('ocrmypdf_cer')):>8} "
              f"{turn_mark(row['ocrmypdf_turns']):>4} | {fmt_cer(row.get('osd_cer'))} {turn_mark(row['osd_turns']):>4} | "
              f"{', '.join(f for f in t['fonts'] if 'Bold' not in f)}")
    print("(CER in %; turn: clockwise quarter turns applied, ! = wrong; split ! = false or missed; susp: sohoa's suspect flag, "
          "'-' when sohoa does not report one)")
    print()

    def summary(name, sel, tools=tools):
        if not sel:
            return
        readable = [r for r in sel if not r["t"]["unreadable"]]
        print(f"== {name}: {len(sel)} pages ({sum(1 for r in sel if r['t']['turn_deg'])} turned, "
              f"{sum(1 for r in sel if r['t']['spread'])} spreads, {sum(1 for r in sel if r['t']['unreadable'])} unreadable)")
        for tool in tools:
            errs = [r for r in readable if (r[tool + "_turns"] if tool != "sohoa" else r["sohoa_turns"]) != [fix_of(r["t"]["turn_deg"])]]
            with_gt = [r for r in readable if r["gt"] is not None]
            gt_all = "".join(r["gt"] for r in with_gt)
            ocr_all = "".join(r["texts"][tool] + "\n" for r in with_gt)
            overall = cer_of(gt_all, ocr_all, tmp, f"all-{name}-{tool}") if with_gt else None
            cers = sorted(r[tool + "_cer"] for r in with_gt if r.get(tool + "_cer") is not None)
            bad = sum(1 for c in cers if c > 0.10)
            line = (f"  {tool:<9} orientation errors {len(errs):>3}/{len(readable):<3} overall CER "
                    f"{'-' if overall is None else f'{overall * 100:.2f}%':>7}  median page "
                    f"{'-' if not cers else f'{cers[len(cers) // 2] * 100:.2f}%':>7}  pages > 10% CER {bad:>3}/{len(cers)}")
            if tool == "sohoa":
                false_split = sum(1 for r in sel if r["sohoa_split"] and not r["t"]["spread"])
                missed = sum(1 for r in sel if not r["sohoa_split"] and r["t"]["spread"])
                line += f"  false splits {false_split}, missed splits {missed}"
                if any(r["sohoa_suspect"] is not None for r in sel):
                    caught = sum(1 for r in sel if r["t"]["unreadable"] and r["sohoa_suspect"])
                    flagged = sum(1 for r in readable if r["sohoa_suspect"])
                    line += (f", unreadable flagged suspect {caught}/{sum(1 for r in sel if r['t']['unreadable'])}, "
                             f"readable pages flagged suspect {flagged}")
                else:
                    line += ", suspect: not reported by this sohoa"
            print(line)
            if errs:
                print(f"            wrong turn: {', '.join(r['t']['page'] for r in errs)}")
        missing = [r["t"]["page"] for r in sel if not r["sohoa_found"]]
        if missing and "sohoa" in tools:
            print(f"  sohoa produced no page for: {', '.join(missing)}")

    def finished(r):
        return r["sohoa_found"] or "sohoa" not in tools, all(r[t + "_turns"] is not None for t in tools if t != "sohoa")
    unfinished = [r["t"]["page"] for r in rows if not all(finished(r))]
    everything = rows
    if unfinished:
        print(f"left out of the side-by-side summaries: {len(unfinished)} pages that not every tool finished (a stopped "
              f"run): {', '.join(unfinished)}")
        rows = [r for r in rows if all(finished(r))]
    for name in ("tune", "heldout", "real"):
        summary(name, [r for r in rows if r["t"]["set"] == name])
    summary("all", rows)
    if unfinished:
        print()
        for tool in tools:
            own = [r for r in everything
                   if (r["sohoa_found"] if tool == "sohoa" else r[tool + "_turns"] is not None)]
            for name in ("tune", "heldout", "real"):
                summary(f"{tool} alone, {name}, every page it finished", [r for r in own if r["t"]["set"] == name], [tool])
            summary(f"{tool} alone, every page it finished", own, [tool])
    print()
    timed = [r for r in everything if r["ocr_ms"] > 0]  # every page sohoa finished
    if timed:
        cpu = sum(r["norm_cpu"] for r in timed)
        ocr = sum(r["ocr_ms"] for r in timed)
        orient = sum(r["orient_ms"] for r in timed)
        ratios = sorted(r["norm_cpu"] / r["ocr_ms"] for r in timed)
        print(f"sohoa time, {len(timed)} pages with OCR: normalize CPU / OCR time {cpu / ocr * 100:.1f}% overall "
              f"(median page {ratios[len(ratios) // 2] * 100:.1f}%, worst {ratios[-1] * 100:.1f}%); orientation step "
              f"(wall) / OCR time {orient / ocr * 100:.1f}%; mean per page: normalize CPU {cpu / len(timed):.0f} ms, "
              f"OCR {ocr / len(timed):.0f} ms (one thread, OMP_THREAD_LIMIT=1)")
        if all(r["ocr_cpu"] > 0 for r in timed):
            # CPU against CPU: the figure a busy machine does not change (wall times stretch with its load).
            ocr_cpu = sum(r["ocr_cpu"] for r in timed)
            print(f"normalization with its orientation checks, CPU / OCR CPU: {cpu / ocr_cpu * 100:.1f}% "
                  f"(target <= 15%); mean OCR CPU per page {ocr_cpu / len(timed):.0f} ms")
        steps = {}
        for r in timed:
            key = next(k for k in results if k[0] == r["t"]["item"] and k[1].startswith(r["t"]["page"]))
            for k, v in (results[key]["normalize"].get("stepMilliseconds") or {}).items():
                steps[k] = steps.get(k, 0) + v
        print("normalize steps, mean wall ms per page: "
              + ", ".join(f"{k} {v / len(timed):.0f}" for k, v in sorted(steps.items(), key=lambda kv: -kv[1])))
        cpu_steps = {}
        for r in timed:
            key = next(k for k in results if k[0] == r["t"]["item"] and k[1].startswith(r["t"]["page"]))
            for k, v in (results[key]["normalize"].get("stepCPUMilliseconds") or {}).items():
                cpu_steps[k] = cpu_steps.get(k, 0) + v
        if cpu_steps:
            print("normalize steps, mean CPU ms per page: "
                  + ", ".join(f"{k} {v / len(timed):.0f}" for k, v in sorted(cpu_steps.items(), key=lambda kv: -kv[1])))
        # The orientation check's work, which the machine's load does not change: samples recognized
        # (and their words) and the pages given to Tesseract's OSD.
        checked = samples = words = osd_pages = 0
        osd_ms = 0.0
        for r in timed:
            key = next(k for k in results if k[0] == r["t"]["item"] and k[1].startswith(r["t"]["page"]))
            evidence = results[key]["normalize"].get("orientationEvidence") or {}
            tried = [c for c in evidence.get("candidates") or [] if c.get("readability")]
            checked += 1 if evidence.get("candidates") is not None else 0
            samples += len(tried)
            words += sum(c["readability"].get("words", 0) for c in tried)
            if evidence.get("osdMilliseconds") is not None:
                osd_pages += 1
                osd_ms += evidence["osdMilliseconds"]
        print(f"orientation check: {checked} of {len(timed)} pages checked by recognition, {samples} samples recognized "
              f"({words} words), Tesseract OSD asked on {osd_pages} page(s) ({osd_ms / 1000:.1f} s)")
        reread = sum(r.get("reread_ms", 0) for r in timed)
        reread_pages = sum(1 for r in timed if r.get("reread_lines", 0))
        print(f"second reading of doubtful lines: {sum(r.get('reread_lines', 0) for r in timed)} lines on {reread_pages} "
              f"of {len(timed)} pages, {sum(r.get('reread_kept', 0) for r in timed)} kept; its time {reread / 1000:.1f} s "
              f"= {reread / ocr * 100:.1f}% of OCR time (OCR without it {(ocr - reread) / len(timed):.0f} ms per page)")
    if not flagging:
        print("suspect pages: this sohoa records no suspect flag (no 'suspect' column in the catalog's pages table, "
              "none in page.json)")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cmd, work = sys.argv[1], sys.argv[2]
    if cmd == "batch":
        cmd_batch(work, sys.argv[3])
    elif cmd == "osd":
        cmd_osd(work, sys.argv[3], sys.argv[4])
    elif cmd == "report":
        cmd_report(work)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
