#!/usr/bin/env python3
"""Writes the holdings-register fixtures next to this script (see README.md). Run it again only to
change them; the files it writes are committed."""
import os

here = os.path.dirname(os.path.abspath(__file__))
FT, RT, SD = b"\x1e", b"\x1d", b"\x1f"


def field(indicators, *subfields):
    return indicators.encode() + b"".join(SD + code.encode() + value for code, value in subfields) + FT


def record(fields, unicode=True):
    """fields: list of (tag, bytes). Returns one ISO 2709 record."""
    directory, data = b"", b""
    for tag, body in fields:
        if not body.endswith(FT):
            body += FT
        directory += tag.encode() + b"%04d%05d" % (len(body), len(data))
        data += body
    directory += FT
    base = 24 + len(directory)
    length = base + len(data) + 1
    leader = b"%05dnam %s22%05d   4500" % (length, b"a" if unicode else b" ", base)
    assert len(leader) == 24, leader
    return leader + directory + data + RT


def u(text):
    return text.encode("utf-8")


records = [
    # 1: a rare book of the provincial library, UTF-8.
    record([("001", u("LCH-M001")), ("008", u("850101s1925    vm            000 0 vie d")),
            ("041", field("0 ", ("a", u("vie")))),
            ("100", field("1 ", ("a", u("Nguyễn Văn Huyên,")))),
            ("245", field("10", ("a", u("Lịch sử Lai Châu /")), ("c", u("Nguyễn Văn Huyên.")))),
            ("260", field("  ", ("a", u("Hà Nội :")), ("c", u("1925.")))),
            ("300", field("  ", ("a", u("212 tr. ;")), ("c", u("24 cm")))),
            ("650", field(" 4", ("a", u("Lịch sử")))), ("651", field(" 4", ("a", u("Lai Châu")))),
            ("852", field("  ", ("a", u("LCH")), ("b", u("QH")), ("h", u("QH.0001")))),
            ("927", field("  ", ("a", u("QH")), ("b", u("x"))))]),
    # 2: a local-history document (địa chí), collection code only in 852$b.
    record([("001", u("LCH-M002")), ("041", field("0 ", ("a", u("vie")))),
            ("245", field("10", ("a", u("Địa chí huyện Phong Thổ")))),
            ("264", field(" 1", ("c", u("[1962]")))),
            ("852", field("  ", ("a", u("LCH")), ("b", u("DC")))),
            ("927", field("  ", ("b", u("quý hiếm"))))]),
    # 3: a MARC-8 record (leader/09 blank): "Thư tịch cổ Thái đen" with ANSEL combining marks before the letter.
    record([("001", b"LCH-M003"),
            ("245", field("10", ("a", b"Th\xbd t\xf2ich c\xe3\xe0o Th\xe2ai \xb3en"))),
            ("852", field("  ", ("a", b"LCH"), ("b", b"HN"))),
            ("927", field("  ", ("a", b"HN"), ("b", b"x")))], unicode=False),
    # 4: broken: the leader's length is wrong (one byte too short).
    None,
    # 5: rejected: no title (245).
    record([("001", u("LCH-M005")), ("852", field("  ", ("a", u("LCH")), ("b", u("QH"))))]),
    # 6: a district library's newspaper, not of special value.
    record([("001", u("MTE-M006")), ("245", field("10", ("a", u("Báo Lai Châu, số Tết 1996")))),
            ("852", field("  ", ("a", u("MTE")), ("b", u("BAO"))))]),
]
broken = bytearray(record([("001", u("LCH-M004")), ("245", field("10", ("a", u("Bản ghi hỏng"))))]))
broken[0:5] = b"%05d" % (len(broken) - 1)
records[3] = bytes(broken)
with open(os.path.join(here, "register.mrc"), "wb") as f:
    f.write(b"".join(records))

# A MARC-8 record that switches to another character set (ESC $ 1, CJK): refused.
with open(os.path.join(here, "marc8-cjk.mrc"), "wb") as f:
    f.write(record([("001", b"LCH-CJK1"), ("245", field("10", ("a", b"\x1b$1!0\x1b(B title"))),
                    ("852", field("  ", ("a", b"LCH")))], unicode=False))

# A CSV register in Windows-1258 (a legacy Vietnamese code page): refused with the line.
text = "id,title,library-code\nLCH-W1,Bao cao,LCH\nLCH-W2,Sông Đà,LCH\n"
with open(os.path.join(here, "register-cp1258.csv"), "wb") as f:
    f.write(text.encode("cp1258"))

# The same kind of register in UTF-16 with a BOM (as some spreadsheet exports write it): converted.
text = "id,title,library-code,collection-type\r\nLCH-U1,Tài liệu địa chí,LCH,địa chí\r\n"
with open(os.path.join(here, "register-utf16.csv"), "wb") as f:
    f.write(text.encode("utf-16"))
