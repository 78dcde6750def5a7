#!/usr/bin/env python3
"""Generate an evaluation set for sohoa's accuracy benchmark: degraded Vietnamese pages that share
nothing with SampleScans/ (scripts/generate-samples.py) but the language. Other fonts, other layouts,
other texts, other degradations; pages turned 90/180/270 with skew; two-page spreads; landscape pages.

    python3 scripts/generate-eval-pages.py --out /tmp/eval                  84 pages, seed 11
    python3 scripts/generate-eval-pages.py --out /tmp/eval --only eval-0005,eval-0070
    python3 scripts/generate-eval-pages.py --out /tmp/eval --mild ...       clean scans (for tests)
    python3 scripts/generate-eval-pages.py --out /tmp/eval --spine-shadow 2 spreads with a spine shadow twice as wide

Writes <page>.png|.tif, ground truth <page>.gt.txt (UTF-8, NFC; reading order: header, column 1,
column 2, folio), for a spread <page>-a.gt.txt and <page>-b.gt.txt (its left and right halves, as sohoa
names split halves) and manifest.json. Unreadable pages (noise, a photograph-like texture) have no
ground truth. Each page's record in the manifest:
    page, file, kind (portrait | landscape | table | spread | unreadable), set (tune | heldout),
    turn_deg (the scan shows the upright page turned clockwise by this; turn it back counter-clockwise),
    skew_deg (> 0: content rotated counter-clockwise by that angle after the turn is undone),
    spread, halves (for spreads: [{page: <page>-a, ground_truth}, {page: <page>-b, ...}]),
    fonts, body_pt, columns, degradations, ground_truth, unreadable.
The set split: about a third of each kind is `heldout`, printed in font families that `tune` pages
never use; tune on `tune`, report `heldout` apart.

Deterministic: every random choice of a page comes from random.Random("<seed>:<page>"), so a page
does not depend on which other pages are generated (--only writes the same bytes for the same page).
Pure Python + Pillow (Debian: python3-pil). Fonts: Debian packages fonts-texgyre, fonts-freefont-ttf,
fonts-liberation2 (scripts/install-deps.sh --with-tests installs them); every font is checked to have
every character it is asked to draw.
"""

import argparse
import io
import json
import math
import os
import random
import sys
import unicodedata

try:
    from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, features
except ImportError:  # pragma: no cover
    sys.exit("generate-eval-pages: Pillow is missing (Debian: apt-get install python3-pil)")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_texts import HEADINGS, PARAGRAPHS, RUNNING_HEADS, TABLE  # noqa: E402

GENERATOR = "scripts/generate-eval-pages.py"
VERSION = 1
DPI = 300

# --------------------------------------------------------------------------------------------
# Fonts: (file, description, Debian package). None of them is used by generate-samples.py.

FONT_FILES = {
    "schola": ("texgyreschola-regular.otf", "TeX Gyre Schola", "fonts-texgyre"),
    "schola-bold": ("texgyreschola-bold.otf", "TeX Gyre Schola Bold", "fonts-texgyre"),
    "libserif-italic": ("LiberationSerif-Italic.ttf", "Liberation Serif Italic", "fonts-liberation2"),
    "libserif-bold": ("LiberationSerif-Bold.ttf", "Liberation Serif Bold", "fonts-liberation2"),
    "cursor": ("texgyrecursor-regular.otf", "TeX Gyre Cursor", "fonts-texgyre"),
    "cursor-bold": ("texgyrecursor-bold.otf", "TeX Gyre Cursor Bold", "fonts-texgyre"),
    "heros": ("texgyreheros-regular.otf", "TeX Gyre Heros", "fonts-texgyre"),
    "heros-bold": ("texgyreheros-bold.otf", "TeX Gyre Heros Bold", "fonts-texgyre"),
    "freeserif": ("FreeSerif.ttf", "FreeSerif", "fonts-freefont-ttf"),
    "freeserif-bold": ("FreeSerifBold.ttf", "FreeSerif Bold", "fonts-freefont-ttf"),
    "bonum": ("texgyrebonum-regular.otf", "TeX Gyre Bonum", "fonts-texgyre"),
    "bonum-bold": ("texgyrebonum-bold.otf", "TeX Gyre Bonum Bold", "fonts-texgyre"),
    "termes-italic": ("texgyretermes-italic.otf", "TeX Gyre Termes Italic", "fonts-texgyre"),
    "termes-bold": ("texgyretermes-bold.otf", "TeX Gyre Termes Bold", "fonts-texgyre"),
    "freemono": ("FreeMono.ttf", "FreeMono", "fonts-freefont-ttf"),
    "freemono-bold": ("FreeMonoBold.ttf", "FreeMono Bold", "fonts-freefont-ttf"),
    "libsans": ("LiberationSans-Regular.ttf", "Liberation Sans", "fonts-liberation2"),
    "libsans-bold": ("LiberationSans-Bold.ttf", "Liberation Sans Bold", "fonts-liberation2"),
    "pagella": ("texgyrepagella-regular.otf", "TeX Gyre Pagella", "fonts-texgyre"),
    "pagella-bold": ("texgyrepagella-bold.otf", "TeX Gyre Pagella Bold", "fonts-texgyre"),
}
# (body, heading, style) per family; tune and heldout pages never share a family. Every body font
# reads at <= 1% CER with plain Tesseract (vie) when clean and upright; faces Tesseract itself reads
# badly even then (TeX Gyre Adventor 7.7%, Pagella/Schola/Bonum Italic 3.4-4.3%) are left out, so the
# benchmark measures sohoa's handling of the scan, not Tesseract's model. Typewriter text is set
# ragged right, as a typewriter does (justified monospace makes Tesseract see columns).
FAMILIES = {
    "tune": [("schola", "schola-bold", "display serif"), ("libserif-italic", "libserif-bold", "italic"),
             ("cursor", "cursor-bold", "typewriter monospace"), ("heros", "heros-bold", "sans"),
             ("freeserif", "freeserif-bold", "serif")],
    "heldout": [("bonum", "bonum-bold", "display serif"), ("termes-italic", "termes-bold", "italic"),
                ("freemono", "freemono-bold", "typewriter monospace"), ("libsans", "libsans-bold", "sans"),
                ("pagella", "pagella-bold", "serif")],
}
FONT_DIRS = ["/usr/share/fonts", "/usr/share/texmf/fonts", "/usr/share/texlive/texmf-dist/fonts",
             "/usr/local/share/fonts", os.path.expanduser("~/.local/share/fonts"), os.path.expanduser("~/.fonts")]


class Fonts:
    def __init__(self, extra_dirs):
        self.paths, self.cache, self.checked = {}, {}, set()
        dirs = list(extra_dirs) + FONT_DIRS
        missing = []
        for key, (fname, desc, pkg) in FONT_FILES.items():
            self.paths[key] = self._find(fname, dirs)
            if self.paths[key] is None:
                missing.append(f"  {desc} ({fname}): install the Debian package {pkg}")
        if missing:
            sys.exit("generate-eval-pages: fonts not found in " + ", ".join(dirs) + "\n" + "\n".join(missing)
                     + "\n(scripts/install-deps.sh --with-tests installs them, or pass --font-dir)")

    @staticmethod
    def _find(fname, dirs):
        for d in dirs:
            for root, _subdirs, files in sorted(os.walk(d)) if os.path.isdir(d) else []:
                if fname in files:
                    return os.path.join(root, fname)
        return None

    def get(self, key, px):
        k = (key, round(px))
        if k not in self.cache:
            # BASIC layout: precomposed NFC Vietnamese needs no shaping, and output does not depend on libraqm.
            self.cache[k] = ImageFont.truetype(self.paths[key], round(px), layout_engine=ImageFont.Layout.BASIC)
        return self.cache[k]

    def check(self, key, text):
        """Fail if the font would draw .notdef for a character of text."""
        font = self.get(key, 40)
        nd = font.getmask("\uE000")
        nd = (nd.size, bytes(nd))
        for ch in set(text):
            if ch.isspace() or (key, ch) in self.checked:
                continue
            m = font.getmask(ch)
            if (m.size, bytes(m)) == nd:
                sys.exit(f"generate-eval-pages: font {FONT_FILES[key][1]} ({self.paths[key]}) has no glyph for "
                         f"{ch!r} (U+{ord(ch):04X})")
            self.checked.add((key, ch))


def nfc(s):
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------------------------
# Layout: draws text operations (x, baseline y, text, font key, px) and collects ground truth lines.

class Sheet:
    def __init__(self, fonts, w_mm, h_mm, margins_mm, body, head, pt, justify=True):
        self.fonts = fonts
        self.justify = justify
        self.mm = DPI / 25.4
        self.W, self.H = round(w_mm * self.mm), round(h_mm * self.mm)
        top, right, bottom, left = margins_mm
        self.left, self.right = left * self.mm, self.W - right * self.mm
        self.top, self.bottom = top * self.mm, self.H - bottom * self.mm
        self.body, self.head, self.pt = body, head, pt
        self.px = pt / 72 * DPI
        self.lead = self.px * 1.42
        self.ops, self.gt, self.rules = [], [], []

    def emit(self, x, y, text, key, px):
        self.fonts.check(key, text)
        self.ops.append((x, y, text, key, px))

    def wrap(self, text, key, px, width, indent):
        font = self.fonts.get(key, px)
        words, lines, cur = text.split(), [], []
        for w in words:
            trial = " ".join(cur + [w])
            limit = width - (indent if not lines else 0)
            if cur and font.getlength(trial) > limit:
                lines.append(cur)
                cur = [w]
            else:
                cur.append(w)
        if cur:
            lines.append(cur)
        return lines

    def line(self, words, x0, x1, y, key, px, justify):
        font = self.fonts.get(key, px)
        if justify and len(words) > 1:
            gap = (x1 - x0 - sum(font.getlength(w) for w in words)) / (len(words) - 1)
            x = x0
            for w in words:
                self.emit(x, y, w, key, px)
                x += font.getlength(w) + gap
        else:
            self.emit(x0, y, " ".join(words), key, px)
        self.gt.append(" ".join(words))

    def centred(self, text, key, px, y):
        w = self.fonts.get(key, px).getlength(text)
        self.emit((self.left + self.right - w) / 2, y, text, key, px)
        self.gt.append(text)

    def flow(self, rng, columns, y0):
        """Fill the columns with a heading and paragraphs from the corpus, column by column."""
        gap = 7 * self.mm
        colw = (self.right - self.left - gap * (columns - 1)) / columns
        indent = 6 * self.mm
        order = PARAGRAPHS[:]
        rng.shuffle(order)
        col, y = 0, y0
        x0 = self.left
        pending = [("h", nfc(rng.choice(HEADINGS)))] + [("p", nfc(t)) for t in order]
        for kind, text in pending:
            key, px = (self.head, self.px * 1.15) if kind == "h" else (self.body, self.px)
            lines = self.wrap(text, key, px, colw, 0 if kind == "h" else indent)
            for i, words in enumerate(lines):
                if y + self.lead > self.bottom:
                    col += 1
                    if col >= columns:
                        return
                    y = y0
                x0 = self.left + col * (colw + gap)
                y += self.lead
                xs = x0 + (indent if i == 0 and kind == "p" else 0)
                last = i == len(lines) - 1
                self.line(words, xs, x0 + colw, y, key, px, justify=(self.justify and kind == "p" and not last))
            y += 0.35 * self.lead

    def table(self, rows, y):
        """A ruled table; ground truth: one line per row, cells left to right."""
        key_h, key_b = self.head, self.body
        n = len(rows[0])
        widths = [max(self.fonts.get(key_h if r == 0 else key_b, self.px).getlength(nfc(row[c]))
                      for r, row in enumerate(rows)) for c in range(n)]
        pad = 5 * self.mm
        total = sum(widths) + pad * 2 * n
        scale = (self.right - self.left) / total
        xs, x = [], self.left
        for w in widths:
            xs.append(x)
            x += (w + 2 * pad) * scale
        xs.append(self.right)
        row_h = self.lead * 1.5
        ytop = y
        self.rules.append(((self.left, y), (self.right, y), 4))
        for r, row in enumerate(rows):
            key = key_h if r == 0 else key_b
            yb = y + row_h * 0.68
            for c, cell in enumerate(row):
                cell = nfc(cell)
                w = self.fonts.get(key, self.px).getlength(cell)
                cx = xs[c] + pad * scale if c == 0 else xs[c + 1] - pad * scale - w
                self.emit(cx, yb, cell, key, self.px)
            self.gt.append(" ".join(nfc(c) for c in row))
            y += row_h
            self.rules.append(((self.left, y), (self.right, y), 4 if r in (0, len(rows) - 1) else 2))
        for x in xs:
            self.rules.append(((x, ytop), (x, y), 2))
        return y

    def render(self, ink):
        img = Image.new("L", (self.W, self.H), 255)
        d = ImageDraw.Draw(img)
        for (a, b, width) in self.rules:
            d.line([a, b], fill=ink, width=width)
        for x, y, text, key, px in self.ops:
            d.text((x, y), text, font=self.fonts.get(key, px), fill=ink, anchor="ls")
        return img

    def used_fonts(self):
        return sorted({FONT_FILES[op[3]][1] for op in self.ops})


def book_page(fonts, rng, fam, pt, columns, size_mm, folio, running_head):
    body, head, _style = fam
    w, h = size_mm
    s = Sheet(fonts, w, h, (22, 16, 22, 18), body, head, pt, justify=fam[2] != "typewriter monospace")
    y = s.top
    s.centred(nfc(running_head), head, s.px * 0.8, s.top - 6 * s.mm)
    if rng.random() < 0.4:
        y += 4 * s.mm
        s.centred(nfc(rng.choice(HEADINGS)).upper(), head, s.px * 1.6, y + s.px * 1.6)
        y += s.px * 2.4
    s.flow(rng, columns, y)
    s.centred(str(folio), body, s.px * 0.9, s.H - 11 * s.mm)
    return s


def landscape_page(fonts, rng, fam, pt):
    s = Sheet(fonts, 297, 210, (20, 18, 18, 18), fam[0], fam[1], pt, justify=fam[2] != "typewriter monospace")
    s.centred(nfc(rng.choice(RUNNING_HEADS)), fam[1], s.px * 1.2, s.top)
    s.flow(rng, 1, s.top + 4 * s.mm)
    return s


def table_page(fonts, rng, fam, pt):
    s = Sheet(fonts, 297, 210, (24, 18, 18, 18), fam[0], fam[1], pt)
    s.centred(nfc("Bảng 3. Diện tích, dân số và mạng lưới văn hóa, giáo dục các huyện, thành phố"), fam[1],
              s.px * 1.1, s.top)
    y = s.table(TABLE, s.top + 8 * s.mm)
    s.centred(nfc("Nguồn: Niên giám thống kê tỉnh Lai Châu; số liệu tổng hợp của Thư viện tỉnh."), fam[0],
              s.px * 0.9, y + 12 * s.mm)
    return s


# --------------------------------------------------------------------------------------------
# Degradation

def gaussian_noise(rng, size, sigma):
    """Noise image centred on 128 with standard deviation sigma, from the seeded rng (the mean of two
    uniform bytes: a triangular distribution, close enough to a scanner's sensor noise)."""
    W, H = size
    a = Image.frombytes("L", (W, H), rng.randbytes(W * H))
    b = Image.frombytes("L", (W, H), rng.randbytes(W * H))
    mean = ImageChops.add(a, b, 2, 0)
    return mean.point([max(0, min(255, round(128 + sigma * (v - 127.5) / 52.05))) for v in range(256)])


def light_field(rng, W, H, paper, amp, vignette, gutter_x=None, spine=1.0):
    s = 16
    w, h = -(-W // s), -(-H // s)
    ang = rng.uniform(0, 2 * math.pi)
    gx, gy = math.cos(ang), math.sin(ang)
    cx, cy = rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7)
    vals = bytearray(w * h)
    i = 0
    for yy in range(h):
        v = yy / (h - 1)
        for xx in range(w):
            u = xx / (w - 1)
            f = 1.0 - amp * (0.5 + 0.7 * ((u - 0.5) * gx + (v - 0.5) * gy))
            f -= vignette * ((u - cx) ** 2 + (v - cy) ** 2) * 2
            if gutter_x is not None:
                f -= 0.35 * math.exp(-abs(u - gutter_x) / (0.025 * spine))
            vals[i] = max(0, min(255, round(paper * f)))
            i += 1
    return Image.frombytes("L", (w, h), bytes(vals)).resize((W, H), Image.BICUBIC)


def degrade(rng, img, turn, gutter_x=None, force=None, mild=False):
    """Scanner-like damage; returns (image, record). Order: paper and light, skew, dark border, turn,
    blur, noise, JPEG artefacts or bilevel. mild: the same random draws, scaled down to a clean scan
    (light noise and blur, gray, no JPEG artefacts) for tests about orientation and layout."""
    W, H = img.size
    rec = {}
    opts = force or {}
    paper = rng.randint(200, 240)
    amp = round(rng.uniform(0.05, 0.30), 3)
    vig = round(rng.uniform(0.0, 0.15), 3)
    img = ImageChops.multiply(img, light_field(rng, W, H, paper, amp, vig, gutter_x, opts.get("spine", 1.0)))
    rec["uneven_light"] = {"paper": paper, "gradient": amp, "vignette": vig}
    if opts.get("spine", 1.0) != 1.0:
        rec["spine_shadow_width"] = opts["spine"]
    for _ in range(rng.randint(10, 80)):
        x, y, r = rng.uniform(0, W), rng.uniform(0, H), rng.uniform(0.8, 3.0)
        ImageDraw.Draw(img).ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(40, 150))
    skew = round(rng.uniform(-3.0, 3.0), 2)
    rec["skew_deg"] = skew
    border = opts.get("border", rng.random() < 0.35)
    if border:
        dark = rng.randint(15, 60)
        mx, my = round(W * rng.uniform(0.02, 0.06)), round(H * rng.uniform(0.015, 0.05))
        canvas = Image.new("L", (W + 2 * mx, H + 2 * my), dark)
        rot = img.rotate(skew, Image.BICUBIC, expand=True, fillcolor=paper)
        mask = Image.new("L", img.size, 255).rotate(skew, Image.BICUBIC, expand=True, fillcolor=0)
        canvas.paste(rot, ((canvas.size[0] - rot.size[0]) // 2 + rng.randint(-mx // 2, mx // 2),
                           (canvas.size[1] - rot.size[1]) // 2 + rng.randint(-my // 2, my // 2)), mask)
        img = canvas
        rec["dark_border"] = {"level": dark, "margin_px": [mx, my]}
    else:
        img = img.rotate(skew, Image.BICUBIC, expand=False, fillcolor=min(255, paper + 6))
    img = {0: img, 90: img.transpose(Image.ROTATE_270), 180: img.transpose(Image.ROTATE_180),
           270: img.transpose(Image.ROTATE_90)}[turn]
    blur = round(rng.uniform(0.6, 1.8), 2) if rng.random() < 0.6 else 0.0
    if mild:
        blur = round(min(blur, 0.8), 2)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
        rec["blur_px"] = blur
    sigma = round(rng.uniform(3, 7) if rng.random() < 0.7 else rng.uniform(9, 16), 1)
    if mild:
        sigma = round(min(sigma, 4.0), 1)
    img = ImageChops.add(img, gaussian_noise(rng, img.size, sigma), 1, -128)
    rec["noise_sigma"] = sigma
    finish = opts.get("finish") or rng.choices(["gray", "jpeg", "bilevel"], [0.45, 0.35, 0.2])[0]
    if mild:
        finish = "gray"
    if finish == "jpeg":
        q = rng.randint(12, 35)
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=q)
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
        rec["jpeg_artefacts_quality"] = q
    elif finish == "bilevel":
        t = rng.randint(120, 165)
        img = img.point(lambda v: 255 if v > t else 0).convert("1", dither=Image.NONE)
        rec["bilevel_threshold"] = t
    return img, rec, skew


def unreadable(rng, kind, W, H):
    if kind == "noise":
        return Image.frombytes("L", (W, H), rng.randbytes(W * H)), {"content": "uniform random noise"}
    # photograph-like: smooth blobs of light and shade plus grain
    w, h = W // 24, H // 24
    small = Image.new("L", (w, h), 128)
    d = ImageDraw.Draw(small)
    for _ in range(40):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(3, w / 3)
        d.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(20, 235))
    img = small.filter(ImageFilter.GaussianBlur(4)).resize((W, H), Image.BICUBIC)
    img = ImageChops.add(img, gaussian_noise(rng, (W, H), 10), 1, -128)
    return img, {"content": "photograph-like gradient texture with grain"}


# --------------------------------------------------------------------------------------------
# Plan: the same list of pages for a given --pages, independent of the seed.

def plan(n):
    n_unread = 2
    n_spread = max(2, round(n * 10 / 84))
    n_land = max(2, round(n * 6 / 84))
    n_port = n - n_unread - n_spread - n_land
    if n_port < 4:
        sys.exit("generate-eval-pages: --pages must be at least 12")
    kinds = []
    spread_turns = [0, 90, 0, 180, 0, 270, 0, 90, 0, 180]
    land_kinds = [("table", 0), ("landscape", 0), ("landscape", 180), ("landscape", 0), ("landscape", 90),
                  ("landscape", 270)]
    port_turns = [90, 0, 180, 270]
    # interleave so that any prefix of the plan holds every kind
    si = li = pi = 0
    slots = n - n_unread
    for k in range(slots):
        if si < n_spread and k * n_spread // slots >= si:
            kinds.append(("spread", spread_turns[si % len(spread_turns)], si))
            si += 1
        elif li < n_land and k * n_land // slots >= li:
            kinds.append(land_kinds[li % len(land_kinds)] + (li,))
            li += 1
        else:
            kinds.append(("portrait", port_turns[pi % 4], pi))
            pi += 1
    kinds.insert(len(kinds) // 2, ("unreadable", 0, 0))
    kinds.append(("unreadable", 0, 1))
    return [(f"eval-{i + 1:04d}",) + k for i, k in enumerate(kinds)]


def set_of(kind, index):
    """About a third of each kind is heldout (of the two unreadable pages, the second)."""
    if kind == "unreadable":
        return "heldout" if index == 1 else "tune"
    return "heldout" if index % 3 == 2 else "tune"


# --------------------------------------------------------------------------------------------

def write_gt(path, lines):
    text = "\n".join(nfc(l) for l in lines) + "\n"
    assert unicodedata.is_normalized("NFC", text)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def save(img, path, finish):
    if finish == "bilevel":
        img.save(path, format="TIFF", compression="group4", dpi=(DPI, DPI))
    else:
        img.save(path, format="PNG", dpi=(DPI, DPI), optimize=False, compress_level=6)


def make(args, fonts, name, kind, turn, index):
    rng = random.Random(f"{args.seed}:{name}")
    page_set = set_of(kind, index)
    rec = {"page": name, "kind": kind, "set": page_set, "turn_deg": turn}
    fams = FAMILIES[page_set]
    # every family of the set in turn (heldout pages are every third page of a kind)
    fam = fams[(index // 3 * 3 + index % 3 + (2 if kind == "spread" else 0)) % len(fams)]
    pt = rng.choice([10.0, 12.5])
    gutter = None
    force = {}
    if kind == "unreadable":
        img, what = unreadable(rng, ["noise", "photo"][index % 2], round(148 / 25.4 * DPI), round(210 / 25.4 * DPI))
        rec.update({"unreadable": True, "what": what["content"], "skew_deg": 0.0, "spread": False,
                    "ground_truth": None, "fonts": [], "degradations": {}})
        finish = "gray"
    else:
        if kind == "portrait":
            columns = 2 if rng.random() < 0.35 else 1
            size = (176, 250) if columns == 2 else (148, 210)
            s = book_page(fonts, rng, fam, pt, columns, size, rng.randint(5, 240), rng.choice(RUNNING_HEADS))
            sheets = [s]
            img = s.render(rng.randint(0, 50))
            rec["columns"] = columns
        elif kind == "spread":
            folio = 2 * rng.randint(3, 120)
            head = rng.choice(RUNNING_HEADS)
            left = book_page(fonts, rng, fam, pt, 1, (148, 210), folio, head)
            right = book_page(fonts, rng, fam, pt, 1, (148, 210), folio + 1, head)
            sheets = [left, right]
            ink = rng.randint(0, 50)
            img = Image.new("L", (left.W + right.W, left.H), 255)
            img.paste(left.render(ink), (0, 0))
            img.paste(right.render(ink), (left.W, 0))
            gutter = 0.5
            rec["columns"] = 1
            force["border"] = rng.random() < 0.5
            if args.spine_shadow != 1.0:
                force["spine"] = args.spine_shadow
        else:
            s = table_page(fonts, rng, fam, pt) if kind == "table" else landscape_page(fonts, rng, fam, pt)
            sheets = [s]
            img = s.render(rng.randint(0, 50))
            rec["columns"] = 1
        img, deg, skew = degrade(rng, img, turn, gutter, force, args.mild)
        finish = "bilevel" if "bilevel_threshold" in deg else "gray"
        rec.update({"unreadable": False, "skew_deg": skew, "spread": kind == "spread", "body_pt": pt,
                    "font_style": fam[2], "fonts": sorted({f for s in sheets for f in s.used_fonts()}),
                    "degradations": deg})
        if kind == "spread":
            rec["ground_truth"] = None
            rec["halves"] = []
            for part, s in zip("ab", sheets):
                gt = f"{name}-{part}.gt.txt"
                write_gt(os.path.join(args.out, gt), s.gt)
                rec["halves"].append({"page": f"{name}-{part}", "ground_truth": gt, "text_lines": len(s.gt)})
        else:
            gt = f"{name}.gt.txt"
            write_gt(os.path.join(args.out, gt), sheets[0].gt)
            rec["ground_truth"] = gt
            rec["text_lines"] = len(sheets[0].gt)
    ext = ".tif" if finish == "bilevel" else ".png"
    rec["file"] = name + ext
    rec["format"] = "TIFF, 1-bit bilevel, CCITT Group 4" if finish == "bilevel" else "PNG, 8-bit gray"
    rec["width"], rec["height"] = img.size
    rec["dpi"] = DPI
    save(img, os.path.join(args.out, rec["file"]), finish)
    print(f"  {rec['file']:<14} {kind:<10} {rec['set']:<7} turn {turn:3d}  skew {rec['skew_deg']:+.2f}", file=sys.stderr)
    return rec


def main():
    ap = argparse.ArgumentParser(description="Generate sohoa's evaluation pages (not SampleScans' fonts or texts).")
    ap.add_argument("--seed", type=int, default=11, help="random seed (default 11)")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--pages", type=int, default=84, help="number of pages (default 84; at least 12)")
    ap.add_argument("--only", default="", help="comma-separated page names to write (others skipped)")
    ap.add_argument("--mild", action="store_true",
                    help="clean scans: light noise and blur, gray, no JPEG artefacts (same pages, fonts, turns, skew)")
    ap.add_argument("--spine-shadow", type=float, default=1.0,
                    help="width of a spread's spine shadow, times the usual (default 1; tune pages for a wide shadow: 2)")
    ap.add_argument("--font-dir", action="append", default=[], help="extra folder to look for the fonts in")
    args = ap.parse_args()
    fonts = Fonts(args.font_dir)
    os.makedirs(args.out, exist_ok=True)
    only = {p for p in args.only.split(",") if p}
    pages = plan(args.pages)
    unknown = only - {p[0] for p in pages}
    if unknown:
        sys.exit(f"generate-eval-pages: no such page in the plan: {', '.join(sorted(unknown))}")
    records = [make(args, fonts, *p) for p in pages if not only or p[0] in only]
    manifest = {
        "generator": GENERATOR,
        "generator_version": VERSION,
        "command": f"python3 {GENERATOR} --seed {args.seed} --pages {args.pages}" + (" --mild" if args.mild else "")
                   + (f" --spine-shadow {args.spine_shadow:g}" if args.spine_shadow != 1.0 else "")
                   + (f" --only {args.only}" if only else "") + f" --out {args.out}",
        "seed": args.seed,
        "mild": args.mild,
        "turn_convention": "turn_deg: the scan shows the upright page turned clockwise by turn_deg; "
                           "sohoa's quarterTurnsApplied (clockwise) should be (4 - turn_deg/90) % 4",
        "skew_convention": "skew_deg > 0: content rotated counter-clockwise (PIL Image.rotate) before the turn",
        "pillow": Image.__version__,
        "freetype": features.version("freetype2"),
        "licence": "generated by the sohoa project; texts written for the project",
        "pages": records,
        "total_pages": len(records),
    }
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"generate-eval-pages: {len(records)} pages in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
