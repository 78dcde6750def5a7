#!/usr/bin/env python3
"""Helper of scripts/fuzz.sh: fills the seed corpus of each fuzz target (outside the repository).

  seeds.py CORPUS_ROOT   writes CORPUS_ROOT/<target>/ for every target: small generated scans (Pillow)
                         in the layouts and compressions sohoa reads, the test fixtures, SampleScans and
                         ../shared/scans (when present; files up to MAX_SEED bytes), and a sound bag.
"""
import glob
import hashlib
import io
import os
import shutil
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MAX_SEED = 512 * 1024


def small_enough(path):
    """Scans up to 2 megapixels (SohoaFuzz's ScanSize.decodeLimit); larger ones are not decoded there."""
    try:
        from PIL import Image
        Image.MAX_IMAGE_PIXELS = None
        with Image.open(path) as image:
            return image.width * image.height <= 2_000_000
    except Exception:
        return True


def copy(pattern, folder, limit=MAX_SEED):
    for path in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)):
        if os.path.isfile(path) and os.path.getsize(path) <= limit and small_enough(path):
            name = hashlib.sha1(path.encode()).hexdigest()[:12] + "-" + os.path.basename(path)
            shutil.copyfile(path, os.path.join(folder, name))


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as file:
        file.write(data)


def generated_scans(tiff, png, jpeg, jpeg2000):
    try:
        from PIL import Image, ImageDraw
    except ImportError:
        print("seeds.py: Pillow is missing (apt-get install python3-pil); no generated scans", file=sys.stderr)
        return
    page = Image.new("L", (96, 64), 235)
    draw = ImageDraw.Draw(page)
    draw.text((4, 20), "Lai Châu", fill=20)
    draw.line((0, 60, 95, 50), fill=0, width=2)
    variants = {
        "bilevel-g4": (page.convert("1"), "group4"), "bilevel-g3": (page.convert("1"), "group3"),
        "bilevel-packbits": (page.convert("1"), "packbits"), "gray-lzw": (page, "tiff_lzw"),
        "gray-deflate": (page, "tiff_adobe_deflate"), "gray-jpeg": (page, "jpeg"), "gray-raw": (page, None),
        "rgb-lzw": (page.convert("RGB"), "tiff_lzw"), "rgb-jpeg": (page.convert("RGB"), "jpeg"),
        "rgba-deflate": (page.convert("RGBA"), "tiff_adobe_deflate"), "palette-lzw": (page.convert("P"), "tiff_lzw"),
        "cmyk-raw": (page.convert("CMYK"), None), "gray16-raw": (page.convert("I;16"), None),
        "gray-alpha": (page.convert("LA"), "tiff_lzw"),
    }
    for name, (image, compression) in variants.items():
        out = io.BytesIO()
        options = {"compression": compression} if compression else {}
        image.save(out, "TIFF", dpi=(300, 300), **options)
        write(tiff, f"gen-{name}.tif", out.getvalue())
    out = io.BytesIO()
    page.save(out, "TIFF", save_all=True, append_images=[page.rotate(90, expand=True), page.convert("1")], compression="tiff_lzw")
    write(tiff, "gen-multipage.tif", out.getvalue())
    for mode in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
        out = io.BytesIO()
        page.convert(mode).save(out, "PNG", dpi=(300, 300))
        write(png, f"gen-{mode.replace(';', '')}.png", out.getvalue())
    out = io.BytesIO()
    page.save(out, "PNG", interlace=1)
    write(png, "gen-interlaced.png", out.getvalue())
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn 90° clockwise to view
    exif[0x011A], exif[0x011B], exif[0x0128] = 300, 300, 2
    for name, image, options in (
        ("gray", page, {"dpi": (300, 300)}), ("rgb", page.convert("RGB"), {"dpi": (200, 200)}),
        ("progressive", page.convert("RGB"), {"progressive": True}), ("cmyk", page.convert("CMYK"), {}),
        ("exif-orientation", page, {"exif": exif.tobytes()}),
    ):
        out = io.BytesIO()
        image.save(out, "JPEG", quality=90, **options)
        write(jpeg, f"gen-{name}.jpg", out.getvalue())
    # Small tiles and several layers, so the decoder's tile, layer and wavelet paths all get inputs.
    for name, image, options, kind in (
        ("gray-lossless", page, {}, "JPEG2000"), ("rgb-lossy", page.convert("RGB"),
            {"irreversible": True, "quality_mode": "rates", "quality_layers": [40, 10]}, "JPEG2000"),
        ("rgb-tiled", page.convert("RGB"), {"tile_size": (32, 32), "progression": "RPCL"}, "JPEG2000"),
        ("gray16", page.convert("I;16"), {}, "JPEG2000"), ("codestream", page, {"no_jp2": True}, "JPEG2000"),
    ):
        out = io.BytesIO()
        try:
            image.save(out, kind, **options)
        except (OSError, ValueError) as error:  # a Pillow built without OpenJPEG
            print(f"seeds.py: no JPEG 2000 seed {name}: {error}", file=sys.stderr)
            continue
        write(jpeg2000, f"gen-{name}.{'j2k' if options.get('no_jp2') else 'jp2'}", out.getvalue())


def bag_seed():
    """A sound bag in BagInput's packing (`=== path` lines), with sha256 manifests."""
    mets = ('<?xml version="1.0" encoding="UTF-8"?>\n<mets:mets xmlns:mets="http://www.loc.gov/METS/" '
            'OBJID="urn:sohoa:LCH:fuzz-item"><mets:dmdSec ID="dmd"/></mets:mets>\n').encode()
    text = "Truyện cổ Thái\n".encode()
    payload = {"data/mets.xml": mets, "data/text/01.txt": text}
    manifest = "".join(f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in payload.items()).encode()
    info = (f"Source-Organization: LCH\nExternal-Identifier: urn:sohoa:LCH:fuzz-item\nBagging-Date: 2025-01-01\n"
            f"Payload-Oxum: {sum(len(d) for d in payload.values())}.{len(payload)}\n").encode()
    files = {"bagit.txt": b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", "bag-info.txt": info,
             "manifest-sha256.txt": manifest, **payload}
    return b"".join(b"=== " + path.encode() + b"\n" + data for path, data in files.items())


def main(root):
    folders = {}
    for target in ("tiff", "png", "jpeg", "jpeg2000", "holdings-csv", "marc", "marcxml", "item-yaml", "items-csv", "pipeline", "bag"):
        folders[target] = os.path.join(root, target)
        os.makedirs(folders[target], exist_ok=True)
    generated_scans(folders["tiff"], folders["png"], folders["jpeg"], folders["jpeg2000"])
    for pattern in ("SampleScans/**/*.tif", "../shared/scans/**/*.tif", "../shared/scans/**/*.tiff"):
        copy(pattern, folders["tiff"])
    for pattern in ("SampleScans/**/*.png", "../shared/scans/**/*.png"):
        copy(pattern, folders["png"])
    for pattern in ("../shared/scans/**/*.jpg", "../shared/scans/**/*.jpeg"):
        copy(pattern, folders["jpeg"])
    copy("../shared/scans/**/*.jpeg2000", folders["jpeg2000"])
    copy("Tests/Fixtures/holdings/*.csv", folders["holdings-csv"])
    copy("Tests/Fixtures/holdings/*.mrc", folders["marc"])
    copy("Tests/Fixtures/holdings/*.xml", folders["marcxml"])
    copy("SampleScans/**/item.yaml", folders["item-yaml"])
    copy("Tests/Fixtures/holdings/mapping.yaml", folders["item-yaml"])
    copy("SampleScans/items.csv", folders["items-csv"])
    copy("Tests/Fixtures/holdings/register.csv", folders["items-csv"])
    copy("Pipelines/*.yaml", folders["pipeline"])
    write(folders["bag"], "sound-bag", bag_seed())
    for target, folder in folders.items():
        if not os.listdir(folder):
            write(folder, "empty", b"")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
