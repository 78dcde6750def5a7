#!/usr/bin/python3
"""Turned, skewed, spread and landscape Vietnamese test pages for the orientation and spread tests.

    /usr/bin/python3 Tests/Fixtures/orientation/make-pages.py --out DIR [--set tuning|held-out|both] [--only NAME,...]

Writes DIR/<name>.png (gray, 300 dpi) and DIR/manifest.json: for each page the clockwise quarter
turns that make it upright (`turns`), whether it is a two-page spread (`spread`), and the text of
each upright page (`text`, one string per page of a spread). Fonts are ones SampleScans does not
use (TeX Gyre, FreeFont, Liberation; Debian fonts-texgyre, fonts-freefont-ttf, fonts-liberation2);
the tuning set and the held-out set use different font families. Pure Python + Pillow
(python3-pil); every random choice comes from random.Random("<seed>:<name>").
The prose is original, written for this project.
"""

import argparse
import json
import math
import os
import random
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFilter, ImageFont

GYRE = "/usr/share/texmf/fonts/opentype/public/tex-gyre/"
FREE = "/usr/share/fonts/truetype/freefont/"
LIB = "/usr/share/fonts/truetype/liberation2/"
FONTS = {
    "tuning": [
        ("bonum", GYRE + "texgyrebonum-regular.otf"),  # display serif
        ("cursor", GYRE + "texgyrecursor-regular.otf"),  # typewriter monospace
        ("freesans", FREE + "FreeSans.ttf"),  # sans
        ("termes-italic", GYRE + "texgyretermes-italic.otf"),  # italic serif
    ],
    "held-out": [
        ("liberation-serif", LIB + "LiberationSerif-Regular.ttf"),
        ("liberation-mono", LIB + "LiberationMono-Regular.ttf"),
        ("heros", GYRE + "texgyreheros-regular.otf"),
        ("pagella-italic", GYRE + "texgyrepagella-italic.otf"),
        ("schola", GYRE + "texgyreschola-regular.otf"),
    ],
}

PROSE = """Làng tôi nằm bên bờ sông Đà, nơi những chiếc thuyền nhỏ chở muối và vải lên bản mỗi mùa nước.
Các cụ già kể rằng ngày trước đường lên huyện phải đi bộ ba ngày, qua nhiều dốc cao và suối sâu.
Năm ấy mưa lớn kéo dài, ruộng bậc thang bị sạt lở, dân làng phải dựng lại từng bờ đá bằng tay.
Trong sổ của hợp tác xã còn ghi tên những người đã góp công, góp gạo để sửa con mương đầu nguồn.
Ông trưởng bản cất giữ một cuốn vở cũ, giấy đã ngả màu vàng, chép lại các bài hát ru của người Thái.
Chợ phiên họp vào ngày rằm, người dưới xuôi mang lên nồi đồng, kim chỉ, còn người trên núi đem xuống mật ong.
Trường học đầu tiên của xã được dựng bằng tre nứa, mái lợp cỏ tranh, chỉ có một lớp và một thầy giáo trẻ.
Những tấm ảnh chụp lễ khánh thành cầu treo vẫn được treo trang trọng trong nhà văn hóa thôn.
Bà cụ bán hàng nước đầu dốc nhớ rõ từng đoàn cán bộ về khảo sát, ghi chép tên đất, tên suối, tên rừng.
Tư liệu địa phương như thế này cần được số hóa cẩn thận để con cháu đời sau còn đọc được.
Mỗi trang giấy mục nát là một phần ký ức của cộng đồng, không thể để mất đi theo năm tháng.
Cán bộ thư viện tỉnh đã đến từng nhà, xin phép chụp lại gia phả, văn tự và những lá thư viết tay.
Việc đọc chữ trên bản chụp đòi hỏi sự kiên nhẫn, vì dấu thanh thường mờ và dễ bị nhầm lẫn.
Người lưu trữ kiểm tra lại từng dòng, sửa các chữ sai, rồi đánh dấu trang đã được duyệt.
Đến cuối năm, kho tư liệu của huyện đã có hơn một nghìn trang được chuyển sang dạng số.
Mùa lúa chín, cả bản xuống đồng gặt, trẻ con chạy theo bắt châu chấu trên bờ ruộng khô.
Người thợ rèn trong xóm vẫn giữ lò than cũ, mỗi sáng tiếng búa vang khắp thung lũng.
Con đường đất đỏ nay đã được trải nhựa, xe khách chạy thẳng từ thị trấn lên tận chân đèo.
Những ghi chép về lễ hội xuống đồng cho biết lịch cày cấy và các món ăn dâng cúng tổ tiên.
Trong thư viện xã, bản đồ cũ vẽ tay cho thấy vị trí các giếng nước và đường mòn xưa kia."""

SENTENCES = [unicodedata.normalize("NFC", s.strip()) for s in PROSE.split("\n") if s.strip()]
TABLE_ROWS = [
    ("Xã Mường So", "Nông nghiệp", "1.245 hộ", "Đường đất"),
    ("Xã Bản Lang", "Trồng chè", "982 hộ", "Đường nhựa"),
    ("Thị trấn Phong Thổ", "Buôn bán", "2.310 hộ", "Đường nhựa"),
    ("Xã Sì Lở Lầu", "Chăn nuôi", "611 hộ", "Đường mòn"),
    ("Xã Dào San", "Trồng lúa", "1.034 hộ", "Đường đất"),
    ("Xã Vàng Ma Chải", "Dược liệu", "547 hộ", "Đường mòn"),
    ("Xã Khổng Lào", "Đánh cá", "873 hộ", "Đường nhựa"),
    ("Xã Hoang Thèn", "Trồng ngô", "720 hộ", "Đường đất"),
    ("Xã Mồ Sì San", "Trồng sắn", "455 hộ", "Đường mòn"),
    ("Xã Pa Vây Sử", "Chăn nuôi", "398 hộ", "Đường đất"),
]

DPI = 300


def wrap(draw, font, words, width):
    lines, line = [], []
    for word in words:
        trial = " ".join(line + [word])
        if line and draw.textlength(trial, font=font) > width:
            lines.append(" ".join(line))
            line = [word]
        else:
            line.append(word)
    if line:
        lines.append(" ".join(line))
    return lines


def text_page(rng, font_path, width, height, size, margin, first):
    """A portrait or landscape page of wrapped prose; returns (image, text)."""
    font = ImageFont.truetype(font_path, size)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    words = []
    index = first
    while len(words) < 900:
        words += SENTENCES[index % len(SENTENCES)].split()
        index += 1
    lines = wrap(draw, font, words, width - 2 * margin)
    pitch = int(size * 1.45)
    y = margin
    kept = []
    for line in lines:
        if y + pitch > height - margin:
            break
        draw.text((margin, y), line, font=font, fill=20)
        kept.append(line)
        y += pitch
    return image, "\n".join(kept)


def table_page(rng, font_path, width, height, size, margin):
    """A landscape table without rules: four columns with wide gaps."""
    font = ImageFont.truetype(font_path, size)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    columns = [margin, margin + int(width * 0.27), margin + int(width * 0.50), margin + int(width * 0.68)]
    pitch = int(size * 1.9)
    y = margin
    kept = []
    header = ("Đơn vị", "Nghề chính", "Số hộ", "Giao thông")
    for row in [header] + TABLE_ROWS * 2:
        if y + pitch > height - margin:
            break
        for x, cell in zip(columns, row):
            draw.text((x, y), cell, font=font, fill=20)
        kept.append(" ".join(row))
        y += pitch
    return image, "\n".join(kept)


def degrade(rng, image, skew):
    """Skew (degrees, counter-clockwise), gray paper, blur and noise, like a cheap scan."""
    if skew:
        image = image.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(0.7))
    paper = rng.randint(205, 235)
    ink = rng.randint(25, 60)
    lut = [int(ink + (paper - ink) * v / 255) for v in range(256)]
    image = image.point(lut)
    noise = Image.effect_noise(image.size, rng.uniform(8, 16))
    image = Image.blend(image, noise.point(lambda v: v), 0.12)
    return image


def turn(image, turns):
    """Lay an upright page so that `turns` clockwise quarter turns make it upright again."""
    # PIL rotates counter-clockwise: turning the page ccw by 90*turns needs `turns` cw turns back.
    return image.rotate(90 * turns, expand=True) if turns else image


def pages_for(set_name, fonts, seed):
    specs = []
    for f, (font_name, path) in enumerate(fonts):
        for turns in (0, 1, 2, 3):
            specs.append((f"{set_name}-{font_name}-portrait-{turns * 90}", "portrait", path, turns))
        specs.append((f"{set_name}-{font_name}-spread-0", "spread", path, 0))
        specs.append((f"{set_name}-{font_name}-spread-180", "spread", path, 2))
        specs.append((f"{set_name}-{font_name}-landscape-0", "landscape", path, 0))
        specs.append((f"{set_name}-{font_name}-landscape-90", "landscape", path, 1))
        if f % 2 == 0:
            specs.append((f"{set_name}-{font_name}-table-0", "table", path, 0))
    return specs


def make(spec, seed):
    name, kind, font_path, turns = spec
    rng = random.Random(f"{seed}:{name}")
    size = rng.choice([34, 38, 42, 46])
    if kind == "portrait":
        image, text = text_page(rng, font_path, 1748, 2480, size, rng.randint(150, 220), rng.randrange(20))
        texts = [text]
    elif kind == "landscape":
        image, text = text_page(rng, font_path, 2480, 1748, size, rng.randint(150, 200), rng.randrange(20))
        texts = [text]
    elif kind == "table":
        image, text = table_page(rng, font_path, 2480, 1748, size, 180)
        texts = [text]
    else:
        margin = rng.randint(140, 200)
        left, left_text = text_page(rng, font_path, 1748, 2480, size, margin, rng.randrange(20))
        right, right_text = text_page(rng, font_path, 1748, 2480, size, margin, rng.randrange(20))
        image = Image.new("L", (3496, 2480), 255)
        image.paste(left, (0, 0))
        image.paste(right, (1748, 0))
        # A soft fold shadow at the gutter.
        draw = ImageDraw.Draw(image)
        for dx in range(-12, 13):
            draw.line([(1748 + dx, 0), (1748 + dx, 2479)], fill=255 - int(40 * (1 - abs(dx) / 13)))
        texts = [left_text, right_text]
    skew = round(rng.uniform(-3, 3), 2)
    image = degrade(rng, image, skew)
    image = turn(image, turns)
    return image, {"name": name, "kind": kind, "turns": turns, "skew": skew,
                   "spread": kind == "spread", "font": os.path.basename(font_path), "text": texts}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--set", default="both", choices=["tuning", "held-out", "both"])
    parser.add_argument("--seed", default="11")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    for _, paths in FONTS.items():
        for _, path in paths:
            if not os.path.exists(path):
                sys.exit(f"font {path} is missing: apt-get install fonts-texgyre fonts-freefont-ttf fonts-liberation2")
    os.makedirs(args.out, exist_ok=True)
    sets = ["tuning", "held-out"] if args.set == "both" else [args.set]
    only = set(filter(None, args.only.split(",")))
    manifest = []
    path = os.path.join(args.out, "manifest.json")
    if only and os.path.exists(path):
        # Pages made by earlier runs into the same folder stay listed.
        with open(path, encoding="utf-8") as handle:
            manifest = [entry for entry in json.load(handle) if entry["name"] not in only]
    for set_name in sets:
        for spec in pages_for(set_name, FONTS[set_name], args.seed):
            if only and spec[0] not in only:
                continue
            image, entry = make(spec, args.seed)
            entry["set"] = set_name
            image.save(os.path.join(args.out, spec[0] + ".png"), dpi=(DPI, DPI))
            manifest.append(entry)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=1)
    print(f"{len(manifest)} pages in {args.out}")


if __name__ == "__main__":
    main()
