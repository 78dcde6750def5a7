#!/usr/bin/env python3
"""Writes the generated part of the judged search set (issue 18): pages.tsv and generated-qrels.txt.

Pages are built around words that fold to the same letters but mean different things (đường road,
dương ocean, đương current...). Each page is written about one meaning: two pages use the word often
("about", grade 2), one mentions it once ("mention", grade 1), one is an "about" page as a careless OCR
would read it, with the word's marks lost ("damaged", still grade 2: the reader wants it). A marked
query wants its meaning only; an unmarked query wants every meaning (the reader did not say which).
The judgements come from the meaning each page was written about, never from any ranking.

Run from the repository root: python3 scripts/search-judgements/generate.py (deterministic).
The queries (queries.tsv) and the judgements of SampleScans' pages (samplescans-qrels.txt) are
written by hand.
"""
import random
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from bench_search import fold  # noqa: E402  (DiacriticFolding.fold, as the bench writes the index)

# folded group -> meanings: (written form(s), words of its context). Several written forms are
# one word written with the old and the new tone placement (hòa / hoà).
GROUPS = {
    "duong": [(["đường"], "xe đèo dốc nhựa ô tô cầu"), (["dương"], "biển sóng tàu cảng đại"),
              (["đương"], "thời nhiệm chức quyền lúc")],
    "hoa": [(["hòa", "hoà"], "bình thỏa thuận ước chiến tranh"), (["hóa", "hoá"], "văn nghệ thuật truyền thống"),
            (["hoa"], "cánh nở trắng thơm vườn")],
    "thuy": [(["thủy", "thuỷ"], "nước kênh mương tưới đập"), (["thúy"], "chị cô giáo tên gọi")],
    "ban": [(["bản"], "làng trưởng người Thái nhà sàn"), (["bán"], "mua chợ tiền giá hàng"),
            (["bạn"], "thân quen chơi thư gửi"), (["bàn"], "ghế gỗ kê học"), (["ban"], "hoa trắng tháng ba nở")],
    "da": [(["đá"], "núi hang vôi khai thác"), (["da"], "trâu thuộc túi giày"), (["đa"], "cây gốc rễ đình cổ"),
           (["Đà"], "sông thủy điện dòng chảy")],
    "che": [(["chè"], "đồi búp hái pha trà"), (["che"], "mưa nắng mái phủ")],
    "muong": [(["mường"], "Thanh Lò mo then"), (["mương"], "nước đào phai tưới ruộng")],
    "lua": [(["lúa"], "gạo cấy gặt ruộng bậc thang"), (["lửa"], "bếp củi đốt khói"), (["lụa"], "vải dệt tằm khăn")],
    "nuong": [(["nương"], "rẫy ngô đốt phát sườn"), (["nướng"], "thịt than xiên gác bếp")],
    "song": [(["sông"], "bến đò thuyền nước"), (["sống"], "cuộc sinh nuôi gia đình")],
    "ca": [(["cá"], "suối ao bắt lưới"), (["ca"], "hát khúc dao điệu"), (["cà"], "quả tím muối dưa")],
    "thu": [(["thư"], "viện sách báo đọc mượn"), (["thu"], "mùa lá vàng heo may"), (["thú"], "rừng săn hổ gấu")],
    "loi": [(["lợi"], "ích thủy công trình"), (["lời"], "nói kể hát dặn"), (["lối"], "đi ngõ mòn vào")],
    "dien": [(["điện"], "lưới cột dây thắp"), (["diện"], "tích rộng héc ta")],
    "dong": [(["đồng"], "ruộng cánh lúa trâu"), (["đông"], "mùa rét lạnh sương"), (["dòng"], "chảy nước suối xiết")],
    "bia": [(["bia"], "đá khắc chữ cổ mộ"), (["bìa"], "sách giấy trang in")],
    "tay": [(["tay"], "đôi ngón bàn cầm"), (["tây"], "phía bắc hướng nam"), (["tày"], "dân tộc người then tính")],
    "hoi": [(["hội"], "lễ xuân đua vui"), (["hồi"], "ký ức ấy xưa"), (["hỏi"], "câu trả đáp thăm")],
    "truong": [(["trường"], "học sinh lớp giáo"), (["trưởng"], "bản thôn già làng"), (["trương"], "họ ông tộc")],
    "cao": [(["cao"], "núi vùng đỉnh độ"), (["cáo"], "báo gửi kết tổng"), (["cào"], "cỏ sắt đất vun")],
    "le": [(["lễ"], "hội cúng cơm mới"), (["lê"], "quả ngọt vườn hái"), (["lệ"], "làng tục phong luật")],
}

FILLER = """năm tháng người làng xã huyện tỉnh việc nhiều các những một có được trong với cho về theo từ
này kia rất cũng như khi sau trước nhà cửa gạo muối vải áo đồi rừng cây gỗ khói bếp mùa xuân hè
sáng chiều tối đêm mưa nắng gió con cháu ông già trẻ em đi đến ở lại ra vào lên xuống nay xưa mới
cũ lớn nhỏ đẹp tốt xa gần biết làm ăn uống ngủ chơi""".split()


def main():
    rng = random.Random(18)
    groups = set(GROUPS)
    filler = [w for w in FILLER if fold(w) not in groups]
    pages, qrels = [], []
    for group, meanings in GROUPS.items():
        for meaning_index, (forms, context) in enumerate(meanings):
            context_words = [w for w in context.split() if fold(w) not in groups]
            for kind_index, kind in enumerate(["about", "about", "mention", "damaged"]):
                page_id = f"gen-{group}-{meaning_index}-{kind_index}"
                form = forms[kind_index % len(forms)]
                if kind == "damaged":
                    form = fold(form)
                words = rng.choices(filler, k=rng.randint(40, 70))
                uses = 1 if kind == "mention" else rng.randint(3, 5)
                for _ in range(uses):
                    at = rng.randrange(len(words) + 1)
                    pair = [form, rng.choice(context_words)] if rng.random() < 0.5 else [rng.choice(context_words), form]
                    words[at:at] = pair
                if kind != "mention":
                    for _ in range(4):
                        words.insert(rng.randrange(len(words) + 1), rng.choice(context_words))
                text = " ".join(words)
                text = unicodedata.normalize("NFC", text[0].upper() + text[1:] + ".")
                pages.append((page_id, text))
                grade = 1 if kind == "mention" else 2
                qrels.append((group, meaning_index, page_id, grade))
    with open(HERE / "pages.tsv", "w", encoding="utf-8") as out:
        out.write("# page\ttext (generated by generate.py; do not edit)\n")
        for page_id, text in pages:
            out.write(f"{page_id}\t{text}\n")
    # Judgements by meaning: "<group>/<meaning>" wants its meaning's pages; "<group>" wants them all.
    with open(HERE / "generated-qrels.txt", "w", encoding="utf-8") as out:
        out.write("# meaning page grade (generated by generate.py; queries.tsv names the meaning each query wants)\n")
        for group, meaning_index, page_id, grade in qrels:
            out.write(f"{group}/{meaning_index} {page_id} {grade}\n")
            out.write(f"{group} {page_id} {grade}\n")


if __name__ == "__main__":
    main()
