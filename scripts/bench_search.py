#!/usr/bin/env python3
"""Helper of scripts/bench-search.sh (not a test; prints figures).

  bench_search.py fill CATALOG PAGES   writes PAGES pages of generated Vietnamese text (100 pages per
                                       item) with their FTS rows, plus an archivist with a session;
                                       prints the session token and a page id for the review page.
  bench_search.py query URL COUNT      sends COUNT searches to URL (a running `sohoa serve`) and prints
                                       the median and 95th percentile latency.
  bench_search.py time URL PATH TOKEN N  times N GETs of PATH with the session cookie.
  bench_search.py words COUNT          prints the words of COUNT such searches, one a line
                                       (scripts/bench-search-postgres.sh).
  bench_search.py index                reads a JSON list of texts on standard input and prints, for
                                       each, its folded text and its marks column as this script
                                       writes them (SearchMarksTests compares them with sohoa's).
"""
import hashlib
import http.client
import json
import random
import re
import secrets
import sqlite3
import statistics
import sys
import time
import unicodedata
import urllib.parse

# Common Vietnamese words and place names first, then generated syllables: drawn with a Zipf
# weight, so that a few are on nearly every page (as "của", "và" are in real text) and most are rare.
COMMON = """
của và các có trong được là cho những với không này người một đã năm về từ theo tỉnh
thư viện sách tài liệu báo địa chí lịch sử văn hóa dân tộc thái mông dao hà nhì lự
lai châu mường lay phong thổ sìn hồ tam đường than uyên tân uyên nậm nhùn đại học
trường học giáo dục nhân dân ủy ban huyện xã bản làng ruộng bậc thang núi sông đà
pu si lung nông nghiệp lúa ngô chè thảo quả rừng cây gỗ nước điện đường giao thông
chợ phiên lễ hội xòe múa hát khèn trang phục thổ cẩm nhà sàn công văn quyết định
kế hoạch báo cáo hội nghị đảng bộ chính quyền cách mạng kháng chiến chiến thắng điện
biên phủ bộ đội biên giới đồn biên phòng hợp tác xã sản xuất thu hoạch mùa vụ
chữ nôm hán thư tịch cổ bản thảo gia phả truyện cổ tích thơ ca dao tục ngữ
ông bà cha mẹ con cháu gia đình họ hàng dòng tộc thầy cúng mo then
xuân hạ thu đông sáng chiều tối đêm mưa nắng gió sương mù lạnh
""".split()
ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r", "s", "t",
          "th", "tr", "v", "x"]
RHYMES = ["a", "ai", "am", "an", "ang", "anh", "ao", "at", "au", "ay", "ăm", "ăn", "ăng", "âm", "ân", "âng", "âu", "ây", "e",
          "em", "en", "eo", "ê", "êm", "ên", "i", "ia", "iên", "im", "in", "inh", "o", "oa", "oi", "om", "on", "ong", "ô", "ôi",
          "ôm", "ông", "ơ", "ơi", "ơn", "u", "ua", "ui", "um", "un", "ung", "uôi", "uông", "ư", "ưa", "ưng", "ươi", "ương"]
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def syllables(count, rng):
    seen, out = set(COMMON), []
    while len(out) < count:
        rhyme = rng.choice(RHYMES)
        vowels = [i for i, ch in enumerate(rhyme) if ch in "aăâeêioôơuưy"]
        # The tone sits on the first vowel of an open rhyme (ái, ủa), else on the last (ánh, iến).
        vowel = vowels[0] if rhyme[-1] in "aăâeêioôơuưy" and len(vowels) == 2 else vowels[-1]
        word = unicodedata.normalize("NFC", rng.choice(ONSETS) + rhyme[:vowel + 1] + rng.choice(TONES) + rhyme[vowel + 1:])
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


WORDS = COMMON + syllables(4000, random.Random(5))
PHRASES = ["thư viện", "đại học", "lai châu", "địa chí", "ruộng bậc thang", "sông đà", "điện biên phủ",
           "nhà sàn", "lễ hội", "dân tộc thái", "thổ cẩm", "chợ phiên"]
LIBRARIES = ["LCH", "MLY", "PTO", "SHO", "TDG", "TUY"]
TYPES = ["rare-book", "manuscript", "local-history", "newspaper", "map", "photo", "other"]
LANGUAGES = ["vie", "vie", "vie", "vie+fra", "vie+eng", "blt"]


# Folding and marks as sohoa's DiacriticFolding and MarkedWords make them (the Swift test
# SearchMarksTests.testPythonFoldsAndMarksAsSohoa holds the two to the same output). Text made only
# of Latin letters, Vietnamese's precomposed letters and punctuation (one code point per character,
# as DiacriticFolding.isOneScalarPerCharacter) is read fast, as a whole; any other text character by
# character, script-aware: only Latin letters lose their marks (Tai Viet, Greek, Cyrillic keep theirs).
TONE_MARKS = {0x300, 0x301, 0x303, 0x309, 0x323}
ONE_CODE_POINT = re.compile("^[\u0000-\u02ff\u1e00-\u1eff\u2010-\u2027]*$")
WORD_CATEGORIES = ("Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Co")
# Code points that join the one before into one character (grapheme cluster): marks, ZWNJ, ZWJ,
# variation selectors; CR LF is one character too.
JOINING = re.compile("(?:\r\n|.)[\u200c\u200d\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0100-\U000e01ef]*", re.S)


def is_latin_or_unlettered(base):
    """DiacriticFolding.isLatinOrUnlettered."""
    value = ord(base)
    if (value < 0x80 or 0xC0 <= value <= 0x2AF or 0x1D00 <= value <= 0x1DBF or 0x1E00 <= value <= 0x1EFF
            or 0x2C60 <= value <= 0x2C7F or 0xA720 <= value <= 0xA7FF or 0xAB30 <= value <= 0xAB6F
            or 0xFF21 <= value <= 0xFF3A or 0xFF41 <= value <= 0xFF5A):
        return True
    category = unicodedata.category(base)
    return not (category[0] == "L" or category == "Nl")


def characters(text):
    """The text's characters (grapheme clusters, closely enough for search): each with its marks."""
    out = []
    for match in JOINING.finditer(text):
        piece = match.group()
        if out and unicodedata.category(piece[0]) in ("Mn", "Me", "Mc") and unicodedata.category(out[-1][-1]) != "Cc":
            out[-1] += piece
        else:
            out.append(piece)
    return out


def pieces(character):
    """DiacriticFolding.pieces: ('letter', c), ('mark', c) or ('bar', None) for one character."""
    lowered = character.lower()
    decomposed = unicodedata.normalize("NFD", lowered)
    if decomposed and not is_latin_or_unlettered(decomposed[0]):
        return [("letter", c) for c in unicodedata.normalize("NFC", lowered)]
    out = []
    for c in decomposed:
        if unicodedata.category(c) in ("Mn", "Me"):
            out.append(("mark", c))
        elif c in "đð":
            out += [("letter", "d"), ("bar", None)]
        else:
            out.append(("letter", c))
    return out


def fold_character(character):
    """DiacriticFolding.fold of one character."""
    if character.isascii():
        return character.lower()
    return "".join(c for kind, c in pieces(character) if kind == "letter")


def fold(text):
    """DiacriticFolding.fold: lowercase, the combining marks of Latin letters removed, đ/ð → d."""
    if ONE_CODE_POINT.match(text):
        return "".join("d" if ch in "đð" else ch for ch in unicodedata.normalize("NFD", text.lower())
                       if unicodedata.category(ch) not in ("Mn", "Me"))
    return "".join(fold_character(character) for character in characters(text))


def exact_form(word):
    """MarkedWords.exactForm: folded letters, each followed by its other marks' codes, tone codes last."""
    letters, tones = [], []
    for character in characters(word):
        if character.isascii():
            letters.append(character.lower())
            continue
        for kind, c in pieces(character):
            if kind == "letter":
                letters.append(c)
            elif kind == "bar":
                letters.append("\ue111")
            else:
                code = chr(0xE000 + ord(c)) if 0x300 <= ord(c) <= 0x36F else "\ue3ff"
                (tones if ord(c) in TONE_MARKS else letters).append(code)
    return "".join(letters + tones)


def token(exact):
    """MarkedWords.token: FNV-1a (32 bits) of the exact form's UTF-8, as one plane 15/16 private-use character."""
    h = 2166136261
    for byte in exact.encode():
        h = ((h ^ byte) * 16777619) & 0xFFFFFFFF
    index = h % (2 * 0xFFFE)
    return chr(0xF0000 + index if index < 0xFFFE else 0x100000 + index - 0xFFFE)


def words(text):
    """DiacriticFolding.words: the words of the text as written (runs of characters whose folded
    form starts with a letter, a digit or a private-use character, as FTS5's tokenizer sees them)."""
    if ONE_CODE_POINT.match(text):
        return re.findall(r"[^\W_]+", text)
    out, current = [], ""
    for character in characters(text):
        folded = fold_character(character)
        if folded and unicodedata.category(folded[0]) in WORD_CATEGORIES:
            current += character
        elif current:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def marks(text):
    """MarkedWords.column: one token per word."""
    return " ".join(token(exact_form(word)) for word in words(text))


def page_text(rng, weights):
    words = rng.choices(WORDS, weights=weights, k=rng.randint(120, 220))
    for _ in range(rng.randint(0, 3)):
        at = rng.randrange(len(words))
        words[at:at] = rng.choice(PHRASES).split()
    lines, line = [], []
    for word in words:
        line.append(word)
        if len(line) >= rng.randint(8, 14):
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    text = "\n".join(lines)
    return unicodedata.normalize("NFC", text[0].upper() + text[1:] + ".")


def fill(catalog, pages):
    rng = random.Random(20251126)
    weights = [1.0 / (rank + 1) for rank in range(len(WORDS))]
    db = sqlite3.connect(catalog)
    db.execute("PRAGMA foreign_keys = ON")
    now = time.strftime("%Y-%m-%d %H:%M:%S.000", time.gmtime())
    per_item = 100
    with db:
        db.execute("DELETE FROM holdings")
        batch = db.execute(
            "INSERT INTO batches (path, pipeline, startedAt, finishedAt, state, pageCount) VALUES ('/bench', 'default', ?, ?, 'finished', ?)",
            (now, now, pages)).lastrowid
        sequence_page = None
        for item_index in range((pages + per_item - 1) // per_item):
            library = LIBRARIES[item_index % len(LIBRARIES)]
            item_id = f"bench-{item_index:05d}"
            count = min(per_item, pages - item_index * per_item)
            access = "closed" if item_index % 50 == 7 else "restricted" if item_index % 10 == 3 else "public"
            db.execute(
                """INSERT INTO items (id, libraryCode, objectID, title, date, language, type, sourcePath, batchID, state,
                       ocflVersion, objectPath, pageCount, packagedAt, createdAt, updatedAt, access)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'packaged', 'v1', ?, ?, ?, ?, ?, ?)""",
                (item_id, library, f"urn:sohoa:{library}:{item_id}", f"Tài liệu số {item_index}: {rng.choice(PHRASES)}",
                 str(1900 + item_index % 120), LANGUAGES[item_index % len(LANGUAGES)], TYPES[item_index % len(TYPES)],
                 f"/bench/{item_id}", batch, f"obj/{item_id}", count, now, now, now, access))
            for number in range(1, count + 1):
                digest = hashlib.sha256(f"{item_id}/{number}".encode()).hexdigest()
                page_id = db.execute(
                    """INSERT INTO pages (itemID, name, sequence, sourcePath, sourceSHA256, state, meanConfidence, wordCount, updatedAt)
                       VALUES (?, ?, ?, ?, ?, 'done', ?, 180, ?)""",
                    (item_id, f"p{number:03d}", number, f"/bench/{item_id}/p{number:03d}.tif", digest,
                     50 + rng.random() * 50, now)).lastrowid
                text = page_text(rng, weights)
                db.execute("INSERT INTO page_texts (pageID, itemID, text, updatedAt) VALUES (?, ?, ?, ?)", (page_id, item_id, text, now))
                db.execute("INSERT INTO page_search (rowid, folded, marks) VALUES (?, ?, ?)", (page_id, fold(text), marks(text)))
                if sequence_page is None and access == "public":
                    sequence_page = page_id
        token = secrets.token_hex(32)
        user = db.execute(
            """INSERT INTO users (name, displayName, role, passwordHash, createdAt, updatedAt)
               VALUES ('bench-archivist', 'Bench', 'archivist', 'not-a-password-hash', ?, ?)""", (now, now)).lastrowid
        db.execute(
            "INSERT INTO sessions (tokenHash, userID, csrfToken, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
            (hashlib.sha256(token.encode()).hexdigest(), user, secrets.token_hex(16), now, "2999-01-01 00:00:00.000"))
    db.execute("PRAGMA optimize")
    db.execute("INSERT INTO page_search (page_search) VALUES ('optimize')")
    db.commit()
    print(token, sequence_page)


def queries(count):
    rng = random.Random(7)
    # Readers look for content words (the 2,000 after the most frequent 60), not for "của".
    plain = [w for w in WORDS[60:2060] if len(w) > 1]
    out = []
    for index in range(count):
        kind = index % 5
        if kind == 0:
            q = {"q": rng.choice(plain)}
        elif kind == 1:
            q = {"q": fold(" ".join(rng.sample(plain, 2)))}
        elif kind == 2:
            q = {"q": '"' + rng.choice(PHRASES) + '"'}
        elif kind == 3:
            q = {"q": fold(rng.choice(PHRASES)), "library": rng.choice(LIBRARIES)}
        else:
            q = {"q": rng.choice(plain), "type": rng.choice(TYPES), "year": str(1900 + rng.randrange(120)), "lang": "vie"}
        if index % 7 == 0:
            q["page"] = str(rng.randint(2, 5))
        out.append(q)
    return out


def connection(url):
    parsed = urllib.parse.urlparse(url)
    return http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def query(url, count):
    conn = connection(url)
    latencies, totals = [], []
    for q in queries(count):
        path = "/search?" + urllib.parse.urlencode(q)
        start = time.perf_counter()
        conn.request("GET", path, headers={"Accept": "application/json"})
        response = conn.getresponse()
        body = response.read()
        latencies.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            sys.exit(f"{path}: HTTP {response.status}")
        totals.append(json.loads(body)["total"])
    print(f"search: {count} queries, median {statistics.median(latencies):.1f} ms, "
          f"p95 {percentile(latencies, 95):.1f} ms, max {max(latencies):.1f} ms (target p95 <= 50 ms); "
          f"median hits {statistics.median(totals):.0f}, max hits {max(totals)}")


def time_page(url, path, token, count):
    conn = connection(url)
    latencies = []
    for _ in range(count):
        start = time.perf_counter()
        conn.request("GET", path, headers={"Cookie": f"sohoa_session={token}"})
        response = conn.getresponse()
        response.read()
        latencies.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            return response.status, latencies
    return 200, latencies


def main(argv):
    if len(argv) == 4 and argv[1] == "fill":
        fill(argv[2], int(argv[3]))
    elif len(argv) == 4 and argv[1] == "query":
        query(argv[2], int(argv[3]))
    elif len(argv) == 6 and argv[1] == "time":
        status, latencies = time_page(argv[2], argv[3], argv[4], int(argv[5]))
        if status != 200:
            print(f"{argv[3]}: skipped (HTTP {status}; the review page or sign-in by session is not there yet)")
        else:
            print(f"{argv[3]} as a signed-in archivist: {len(latencies)} requests, median {statistics.median(latencies):.1f} ms, "
                  f"max {max(latencies):.1f} ms")
    elif len(argv) == 3 and argv[1] == "words":
        # The queries' words alone, one a line (the filters left out): what `sohoa search` takes.
        for q in queries(int(argv[2])):
            print(q["q"])
    elif len(argv) == 2 and argv[1] == "index":
        print(json.dumps([[fold(text), marks(text)] for text in json.load(sys.stdin)]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
