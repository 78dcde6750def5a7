#!/usr/bin/env python3
"""Generate sohoa's sample scans: Vietnamese pages rendered and degraded like a scanner would.

    python3 scripts/generate-samples.py --seed 2021 --out SampleScans
        the committed sample batch (4 items, 15 pages) + ground truth + manifest.json

    python3 scripts/generate-samples.py --seed 7 --pages 30 --strength hard --out /tmp/x
        a flat benchmark set of 30 pages (bench-0001.png ...) with ground truth + manifest.json

Pure Python + Pillow (Debian: python3-pil), no numpy. Every random choice comes from
random.Random seeded with "<seed>:<page id>", so a page does not depend on which other pages are
generated. Output is byte-identical for the same seed on the same Pillow/FreeType/zlib/libtiff
versions (Debian 12 when the samples were committed).

Fonts (fail with a clear message if one is missing):
    Noto Serif Regular/Bold/Italic, Noto Sans Regular/Bold   Debian package fonts-noto-core
    DejaVu Serif                                              Debian package fonts-dejavu-core

The texts below are original prose written for this project (licence: as the project).
"""

import argparse
import hashlib
import io
import json
import math
import os
import random
import sys
import unicodedata
from statistics import NormalDist

try:
    from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps, features
except ImportError:  # pragma: no cover
    sys.exit("generate-samples: Pillow is missing (Debian: apt-get install python3-pil)")

GENERATOR = "scripts/generate-samples.py"
VERSION = 1

# --------------------------------------------------------------------------------------------
# Fonts

FONTS = {
    # key: (file name, description, Debian package)
    "serif": ("NotoSerif-Regular.ttf", "Noto Serif Regular", "fonts-noto-core"),
    "serif-bold": ("NotoSerif-Bold.ttf", "Noto Serif Bold", "fonts-noto-core"),
    "serif-italic": ("NotoSerif-Italic.ttf", "Noto Serif Italic", "fonts-noto-core"),
    "sans": ("NotoSans-Regular.ttf", "Noto Sans Regular", "fonts-noto-core"),
    "sans-bold": ("NotoSans-Bold.ttf", "Noto Sans Bold", "fonts-noto-core"),
    "dejavu": ("DejaVuSerif.ttf", "DejaVu Serif", "fonts-dejavu-core"),
    "dejavu-bold": ("DejaVuSerif-Bold.ttf", "DejaVu Serif Bold", "fonts-dejavu-core"),
}
FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts",
             os.path.expanduser("~/.local/share/fonts"), os.path.expanduser("~/.fonts")]


class FontBook:
    def __init__(self, extra_dirs):
        self.paths = {}
        self.cache = {}
        dirs = list(extra_dirs) + FONT_DIRS
        missing = []
        for key, (fname, desc, pkg) in FONTS.items():
            path = self._find(fname, dirs)
            if path is None:
                missing.append(f"  {desc} ({fname}): install the Debian package {pkg}")
            self.paths[key] = path
        if missing:
            sys.exit("generate-samples: required fonts not found in " + ", ".join(dirs) + "\n"
                     + "\n".join(missing) + "\n(or point --font-dir at a folder holding them)")

    @staticmethod
    def _find(fname, dirs):
        for d in dirs:
            if not os.path.isdir(d):
                continue
            direct = os.path.join(d, fname)
            if os.path.isfile(direct):
                return direct
            for root, _subdirs, files in sorted(os.walk(d)):
                if fname in files:
                    return os.path.join(root, fname)
        return None

    def get(self, key, px):
        k = (key, px)
        if k not in self.cache:
            # BASIC layout: precomposed (NFC) Vietnamese needs no shaping, and it does not depend
            # on the installed libraqm version.
            self.cache[k] = ImageFont.truetype(self.paths[key], px, layout_engine=ImageFont.Layout.BASIC)
        return self.cache[k]

    def check_glyphs(self, key, text):
        """Fail if the font would draw .notdef for a character of text."""
        font = self.get(key, 40)
        notdef = font.getmask("\uE000")
        nd = (notdef.size, bytes(notdef))
        for ch in sorted(set(text)):
            if ch.isspace():
                continue
            m = font.getmask(ch)
            if (m.size, bytes(m)) == nd:
                sys.exit(f"generate-samples: font {FONTS[key][1]} ({self.paths[key]}) has no glyph "
                         f"for {ch!r} (U+{ord(ch):04X})")


# --------------------------------------------------------------------------------------------
# Texts (original; NFC enforced at load). Block kinds:
#   header/folio: running head and page number   title: bold centred   h: bold heading
#   p: justified paragraph with indent   c/ci/cb: centred regular/italic/bold   mast: masthead
#   cols: [paragraphs] flowed in two columns
#   rows: [(left cell, right cell)...] two blocks side by side in printed rows (GT: one line per row)
#   gap: extra vertical space in mm   note: small italic paragraph

DIA_CHI = [
    dict(file="p8.tif", fmt="tiff-deflate", gutter="left", blocks=[
        ("header", "ĐỊA CHÍ LAI CHÂU"),
        ("title", "Chương I"),
        ("title", "VỊ TRÍ ĐỊA LÝ VÀ ĐỊA HÌNH"),
        ("h", "1. Vị trí địa lý"),
        ("p", "Lai Châu là tỉnh miền núi biên giới nằm ở phía tây bắc của Tổ quốc, cách thủ đô Hà Nội "
              "khoảng 450 km theo đường bộ. Phía bắc tỉnh giáp tỉnh Vân Nam (Trung Quốc) với đường biên "
              "giới dài hơn 265 km; phía đông giáp tỉnh Lào Cai, phía đông nam giáp tỉnh Yên Bái, phía "
              "nam giáp tỉnh Sơn La và phía tây giáp tỉnh Điện Biên."),
        ("p", "Tổng diện tích tự nhiên của tỉnh là 9.068,8 km². Về hành chính, tỉnh có bảy huyện: Tam "
              "Đường, Phong Thổ, Sìn Hồ, Mường Tè, Nậm Nhùn, Than Uyên, Tân Uyên và thành phố Lai Châu, "
              "nơi đặt trụ sở các cơ quan đầu não của tỉnh."),
        ("h", "2. Địa hình"),
        ("p", "Địa hình Lai Châu phần lớn là núi cao, bị chia cắt mạnh bởi các dòng sông và khe suối sâu, "
              "hẹp. Dãy Hoàng Liên Sơn chạy dọc phía đông của tỉnh với nhiều đỉnh cao trên 3.000 m; ở "
              "huyện Mường Tè, đỉnh Pu Si Lung nằm sát đường biên giới, quanh năm mây phủ."),
        ("p", "Xen giữa các dãy núi là những thung lũng nhỏ và cao nguyên như Sìn Hồ, nơi đồng bào đã khai "
              "phá ruộng bậc thang từ nhiều đời. Đất dốc chiếm tỷ lệ lớn, nhiều nơi có độ dốc trên 25 độ, "
              "gây không ít khó khăn cho việc đi lại, mở đường và bố trí dân cư."),
        ("folio", "8"),
    ]),
    dict(file="p9.tif", fmt="tiff-jpeg-gray", gutter="right", blocks=[
        ("header", "PHẦN MỘT. ĐỊA LÝ TỰ NHIÊN"),
        ("h", "3. Khí hậu"),
        ("p", "Lai Châu có khí hậu nhiệt đới gió mùa vùng núi: ngày nóng, đêm lạnh, ít chịu ảnh hưởng của "
              "bão. Một năm chia thành hai mùa rõ rệt. Mùa mưa kéo dài từ tháng Tư đến tháng Mười, mùa khô "
              "từ tháng Mười một đến tháng Ba năm sau. Lượng mưa trung bình hằng năm từ 2.500 đến 2.700 mm, "
              "tập trung nhiều nhất vào các tháng Sáu, Bảy và Tám."),
        ("p", "Nhiệt độ trung bình năm dao động từ 19 đến 23°C tùy theo độ cao. Ở những vùng cao như Sìn "
              "Hồ, Tam Đường, mùa đông thường có sương muối; có năm xuất hiện băng giá, thậm chí cả tuyết, "
              "gây thiệt hại cho cây trồng và đàn gia súc của đồng bào."),
        ("h", "4. Sông ngòi"),
        ("p", "Mạng lưới sông suối trong tỉnh khá dày, phần lớn thuộc lưu vực sông Đà. Sông Đà bắt nguồn từ "
              "Vân Nam, chảy vào nước ta tại xã Ka Lăng, huyện Mường Tè, rồi xuôi về phía đông nam. Các phụ "
              "lưu lớn gồm sông Nậm Na, Nậm Mạ, Nậm Mu cùng hàng trăm con suối đổ từ sườn núi xuống."),
        ("p", "Lòng sông hẹp, nhiều thác ghềnh, độ dốc lớn nên tiềm năng thủy điện rất đáng kể. Trên địa "
              "bàn tỉnh đã xây dựng các nhà máy thủy điện Lai Châu, Bản Chát, Huội Quảng cùng nhiều công "
              "trình vừa và nhỏ, đóng góp nguồn thu quan trọng cho ngân sách địa phương."),
        ("folio", "9"),
    ]),
    dict(file="p10.tif", fmt="tiff-lzw", gutter="left", blocks=[
        ("header", "ĐỊA CHÍ LAI CHÂU"),
        ("title", "Chương II"),
        ("title", "DÂN CƯ VÀ CÁC DÂN TỘC"),
        ("p", "Lai Châu là địa bàn cư trú lâu đời của nhiều dân tộc anh em. Toàn tỉnh có khoảng 20 dân tộc "
              "cùng sinh sống, đông nhất là người Thái và người Mông, tiếp đến là người Dao, người Kinh, "
              "người Hà Nhì, người Giáy và người Lự. Đồng bào các dân tộc thiểu số chiếm trên 80% dân số "
              "toàn tỉnh."),
        ("p", "Lai Châu còn là nơi sinh sống tập trung của một số dân tộc có dân số rất ít như Si La, Cống, "
              "Mảng, La Hủ. Mỗi dân tộc có tiếng nói, phong tục, trang phục và kho tri thức dân gian riêng. "
              "Người Thái, người Lự vẫn lưu giữ được chữ viết cổ, dùng để ghi chép sử thi, luật tục, thơ ca "
              "và sách dạy làm ăn."),
        ("p", "Người Thái thường sống ở các thung lũng ven sông suối, làm ruộng nước và dựng nhà sàn. Người "
              "Mông, người Dao, người Hà Nhì cư trú trên sườn núi cao, làm nương, trồng ngô, lúa nương, lanh "
              "và thảo quả. Người Kinh phần đông sống ở thành phố, các thị trấn và dọc những trục đường lớn."),
        ("p", "Sự đa dạng ấy tạo nên một kho tàng văn hóa phong phú, đồng thời đặt ra yêu cầu cấp thiết phải "
              "sưu tầm, bảo quản và số hóa các tài liệu viết về vùng đất, con người nơi đây trước khi chúng "
              "bị hư hỏng hay thất lạc."),
        ("folio", "10"),
    ]),
    dict(file="p11.tif", fmt="tiff-jpeg-gray", gutter="right", border="left", blocks=[
        ("header", "PHẦN HAI. CON NGƯỜI VÀ VĂN HÓA"),
        ("title", "Chương III"),
        ("title", "PHONG TỤC VÀ LỄ HỘI"),
        ("p", "Đời sống tinh thần của đồng bào các dân tộc Lai Châu gắn bó mật thiết với chu kỳ mùa vụ và "
              "với núi rừng. Mỗi độ xuân về, khi hoa ban nở trắng các sườn đồi, bản làng lại rộn ràng chuẩn "
              "bị vào hội."),
        ("p", "Lễ hội Then Kin Pang của người Lự ở xã Bản Hon, huyện Tam Đường được tổ chức vào đầu xuân để "
              "tạ ơn trời đất, cầu cho mưa thuận gió hòa, mùa màng tươi tốt. Trong ngày hội có ném còn, kéo "
              "co, đánh yến, đẩy gậy và những vòng xòe nối dài quanh đống lửa."),
        ("p", "Người Mông mở hội Gầu Tào trong dịp Tết để cầu phúc, cầu sức khỏe cho con cháu. Tiếng khèn, "
              "tiếng sáo cùng những bộ váy áo sặc sỡ làm cho hội xuân vùng cao thêm rực rỡ. Với người Dao, "
              "lễ cấp sắc là nghi lễ quan trọng, đánh dấu sự trưởng thành của người đàn ông trong dòng họ."),
        ("p", "Các chợ phiên như chợ Phong Thổ, chợ Sìn Hồ không chỉ là nơi mua bán, trao đổi hàng hóa mà "
              "còn là chỗ gặp gỡ, hẹn hò của trai gái các bản. Những phong tục đẹp đẽ ấy đã được ghi lại "
              "trong nhiều cuốn sách, bài báo và tư liệu điền dã hiện lưu giữ tại Thư viện tỉnh."),
        ("folio", "11"),
    ]),
    dict(file="p12.tif", fmt="tiff-jpeg-gray", gutter="left", border="right", blocks=[
        ("header", "ĐỊA CHÍ LAI CHÂU"),
        ("title", "Chương IV"),
        ("title", "LỊCH SỬ HÀNH CHÍNH"),
        ("p", "Vùng đất Lai Châu có bề dày lịch sử. Các di chỉ khảo cổ, những tấm bia đá cùng các cuốn sử "
              "thi chép tay của người Thái cho thấy con người đã sinh sống ở đây từ rất sớm, biết làm ruộng, "
              "dệt vải và giao thương với các vùng lân cận."),
        ("p", "Tỉnh Lai Châu được thành lập năm 1909. Trải qua nhiều lần điều chỉnh địa giới, ngày 26 tháng "
              "11 năm 2003, Quốc hội khóa XI thông qua Nghị quyết số 22/2003/QH11 chia tỉnh Lai Châu cũ "
              "thành hai tỉnh Lai Châu và Điện Biên. Tỉnh Lai Châu mới chính thức đi vào hoạt động từ ngày "
              "01/01/2004."),
        ("p", "Thị xã Lai Châu cũ được đổi tên thành thị xã Mường Lay, thuộc tỉnh Điện Biên. Trung tâm hành "
              "chính của tỉnh mới được xây dựng tại Tam Đường; năm 2013, thị xã Lai Châu được nâng lên thành "
              "thành phố Lai Châu."),
        ("p", "Ngày nay, tài liệu về quá trình hình thành và phát triển của tỉnh còn nằm rải rác ở nhiều "
              "nơi: thư viện, kho lưu trữ, bảo tàng và cả trong các gia đình. Tập hợp, số hóa và giới thiệu "
              "rộng rãi nguồn tài liệu quý này là nhiệm vụ quan trọng của ngành văn hóa trong những năm tới."),
        ("folio", "12"),
    ]),
]

BAO = [
    dict(file="trang-1.tif", fmt="tiff-jpeg-rgb", blocks=[
        ("mast", "LAI CHÂU"),
        ("c", "Số Xuân Mậu Dần - Năm 1998 - Giá 1.500 đồng"),
        ("gap", 4),
        ("title", "Mùa xuân trên những bản vùng cao"),
        ("ci", "Ghi chép của phóng viên"),
        ("cols", [
            "Những ngày cuối năm, con đường từ thị xã lên Sìn Hồ quanh co giữa rừng đào, rừng mận đang trổ "
            "bông. Sương sớm còn đọng trên mái nhà trình tường, khói bếp lan nhẹ trên nương. Ở bản Nậm Tăm, "
            "bà con người Dao đang giã bánh dày, mổ lợn, chuẩn bị đón Tết.",
            "Trưởng bản cho biết, năm nay cả bản được mùa lúa nương, nhiều gia đình đã mua được ti vi, xe "
            "máy. Đường điện về tới đầu bản từ tháng Chín, trẻ em có đèn sáng để học bài. Lớp học cắm bản "
            "mới dựng đã có hơn 30 em theo học.",
            "Dọc đường về Phong Thổ, chợ phiên đông hơn mọi tuần. Người Giáy, người Mông, người Hà Nhì gùi "
            "hàng xuống chợ từ tờ mờ sáng: vải chàm, mật ong, thảo quả, gà, lợn và những bó lá dong xanh "
            "mướt để gói bánh chưng.",
            "Ở đâu cũng nghe tiếng cười, tiếng khèn gọi bạn. Mùa xuân năm Mậu Dần về trên vùng cao mang "
            "theo bao niềm hy vọng về một năm mới no ấm, đủ đầy.",
        ]),
        ("folio", "1"),
    ]),
    dict(file="trang-2.tif", fmt="tiff-jpeg-rgb", blocks=[
        ("header", "VĂN HÓA - XÃ HỘI"),
        ("title", "Đưa sách về với đồng bào các bản xa"),
        ("cols", [
            "Từ năm 1996, Thư viện tỉnh tổ chức những chuyến xe sách lưu động về các xã vùng sâu, vùng xa. "
            "Mỗi chuyến xe chở theo hàng nghìn cuốn sách, báo, tranh ảnh về kỹ thuật trồng trọt, chăn nuôi, "
            "chăm sóc sức khỏe và truyện thiếu nhi.",
            "Những nơi xe không vào được, cán bộ thư viện gùi sách đi bộ hàng chục cây số. Có chuyến phải "
            "vượt suối, ngủ lại nhà dân vì mưa lũ. Đổi lại là niềm vui khi thấy các cụ già, em nhỏ chăm chú "
            "đọc dưới mái nhà văn hóa của bản.",
            "Năm 1997, thư viện đã luân chuyển gần 15.000 lượt sách tới 42 điểm đọc ở các huyện Mường Tè, "
            "Sìn Hồ, Phong Thổ. Nhiều tủ sách ở đồn biên phòng, trường học và trạm y tế cũng được bổ sung "
            "đầu sách mới.",
            "Anh Đỗ Văn Định, cán bộ thư viện, kể: “Ở bản người Si La, có cụ ông ngoài bảy mươi tuổi ngày "
            "nào cũng đến mượn sách về cách nuôi cá ruộng. Cụ bảo đọc để dạy lại cho con cháu.”",
        ]),
        ("folio", "2"),
    ]),
    dict(file="trang-3.png", fmt="png-gray", blocks=[
        ("header", "ĐỜI SỐNG"),
        ("title", "Chợ phiên Phong Thổ ngày giáp Tết"),
        ("p", "Chủ nhật cuối cùng của năm Đinh Sửu, chợ phiên Phong Thổ đông nghịt người từ sáng sớm. Trên "
              "con dốc dẫn vào chợ, những đoàn người Dao đỏ, Mông hoa, Hà Nhì nối nhau đi, trên lưng là gùi "
              "ngô, gùi đậu, bó củi và cả những chú gà trống đỏ rực."),
        ("p", "Hàng bán chạy nhất là vải, chỉ thêu, giấy đỏ và pháo. Một sạp thổ cẩm của người Giáy bày kín "
              "những chiếc khăn, túi, địu em bé thêu tay tỉ mỉ. Chị bán hàng bảo, mỗi tấm thổ cẩm phải thêu "
              "gần một tháng mới xong."),
        ("p", "Góc chợ phía dưới dành cho trâu, bò, ngựa. Các ông già đứng xem răng, vuốt lưng con vật, mặc "
              "cả rất lâu rồi mới bắt tay nhau. Ở hàng ăn, nồi thắng cố bốc khói nghi ngút, mùi rượu ngô "
              "thơm nồng khắp một góc đồi."),
        ("p", "Chợ tan khi mặt trời đã ngả về tây. Người về bản, gùi nặng hơn lúc đi, trong đó có gói kẹo, "
              "tấm áo mới cho con và cả những câu chuyện để kể suốt mấy ngày Tết."),
        ("folio", "3"),
    ]),
    dict(file="trang-4.png", fmt="png-gray-nodpi", blocks=[
        ("header", "VĂN HÓA - XÃ HỘI"),
        ("title", "Giữ gìn chữ Thái cổ"),
        ("p", "Chữ Thái cổ đã có từ nhiều thế kỷ, được người Thái ở Tây Bắc dùng để chép sử thi, luật tục, "
              "gia phả, thơ ca và sách bói. Hiện nay, số người đọc thông thạo loại chữ này ngày càng ít, phần "
              "lớn là các cụ cao tuổi."),
        ("p", "Để chữ viết của cha ông không bị mai một, Sở Văn hóa - Thông tin đã phối hợp với các huyện mở "
              "lớp dạy chữ Thái cho cán bộ, giáo viên và thanh niên. Nhiều bản sách cổ chép trên giấy dó, "
              "giấy bản được sưu tầm, chụp ảnh và đưa về lưu giữ tại thư viện, bảo tàng tỉnh."),
        ("gap", 3),
        ("title", "THÔNG BÁO"),
        ("p", "Thư viện tỉnh phục vụ bạn đọc tất cả các ngày trong tuần, trừ chiều thứ Bảy và ngày Chủ nhật. "
              "Buổi sáng từ 7 giờ đến 11 giờ, buổi chiều từ 13 giờ 30 đến 17 giờ. Bạn đọc làm thẻ xin mang "
              "theo giấy chứng minh nhân dân và 01 ảnh cỡ 3 x 4 cm."),
        ("folio", "4"),
    ]),
]

TRUYEN = [
    dict(file="01.tif", fmt="tiff-g4", blocks=[
        ("c", "TRUYỆN CỔ DÂN TỘC THÁI"),
        ("gap", 2),
        ("title", "SỰ TÍCH HOA BAN"),
        ("ci", "(Kể theo lời các cụ già ở Mường So, Phong Thổ)"),
        ("gap", 2),
        ("p", "Ngày xưa, ở một bản người Thái bên dòng Nậm Na, có nàng Ban xinh đẹp và nết na nhất vùng. "
              "Nàng dệt vải giỏi, hát hay, đôi bàn tay trắng như búp măng rừng. Trai các bản gần xa đều mong "
              "được nàng để ý, nhưng Ban chỉ đem lòng thương chàng Khum, một người con trai nghèo mồ côi, "
              "chăm làm và thổi sáo rất hay."),
        ("p", "Mỗi tối trăng lên, tiếng sáo của Khum vọng sang từ bên kia suối, Ban lại ra sàn ngồi dệt và "
              "cất tiếng hát đáp lời. Hai người hẹn nhau, khi lúa nương chín vàng sẽ thưa chuyện với cha mẹ "
              "để nên vợ nên chồng."),
        ("p", "Nhưng tạo mường, chúa đất giàu có trong vùng, cũng muốn cưới Ban cho con trai mình. Thấy nàng "
              "không ưng, lão bày mưu bắt Khum đi phu thật xa, sang tận miền đất lạ bên kia núi, rồi cho "
              "người đến ép cha mẹ Ban nhận sính lễ."),
        ("folio", "- 1 -"),
    ]),
    dict(file="02.tif", fmt="tiff-g4", blocks=[
        ("p", "Ban khóc suốt mấy mùa trăng. Nàng không chịu nhận lễ, ngày ngày trèo lên đỉnh đồi cao nhất "
              "ngóng về phía Khum đã đi. Đói, nàng hái quả rừng; khát, nàng uống sương đọng trên lá. Đôi tay "
              "trắng của nàng cứ bám vào thân cây mà gọi tên người yêu."),
        ("p", "Một năm, rồi hai năm trôi qua, Khum vẫn chưa về. Người trong bản chỉ còn thấy dáng nàng gầy "
              "guộc đứng lặng giữa sương mù. Đến một sớm mùa xuân, người ta không thấy Ban đâu nữa. Trên đỉnh "
              "đồi, chỗ nàng vẫn đứng đợi, mọc lên một cây lạ, thân mảnh mai, cành vươn về phía núi xa."),
        ("p", "Khi Khum trốn được về bản, cây ấy đã trổ đầy hoa trắng muốt, cánh hoa có những đường gân tím "
              "nhạt như nét chỉ nàng Ban vẫn thêu. Chàng ôm lấy thân cây mà khóc, rồi ngồi thổi sáo suốt ba "
              "ngày ba đêm cho đến khi gục xuống dưới gốc cây."),
        ("folio", "- 2 -"),
    ]),
    dict(file="03.tif", fmt="tiff-g4", blocks=[
        ("p", "Thương đôi trai gái chung thủy, dân bản gọi cây ấy là cây ban. Từ đó, cứ đến tháng Hai, tháng "
              "Ba, hoa ban lại nở trắng khắp núi rừng Tây Bắc. Trai gái người Thái hái hoa ban cài lên mái "
              "tóc, tặng nhau làm tin, mong tình yêu bền chặt như mối tình của nàng Ban và chàng Khum."),
        ("p", "Câu chuyện được lưu truyền qua nhiều thế hệ, trong lời ru của mẹ, trong những bài khắp đối đáp "
              "bên bếp lửa nhà sàn. Ngày nay, lễ hội hoa ban được tổ chức hằng năm ở nhiều địa phương vùng "
              "cao, trở thành nét đẹp văn hóa đặc sắc của đồng bào các dân tộc."),
        ("gap", 4),
        ("note", "Ghi chú: Bản kể này do cán bộ Thư viện tỉnh sưu tầm năm 2019, có đối chiếu với hai dị bản "
                 "chép tay bằng chữ Thái cổ đang được số hóa."),
        ("folio", "- 3 -"),
    ]),
]

CONG_VAN = [
    dict(blocks=[
        ("rows", [
            (("c", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"), ("cb", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
            (("cb", "THƯ VIỆN TỈNH LAI CHÂU"), ("cb", "Độc lập - Tự do - Hạnh phúc")),
            (("c", "Số: 45/TV-NV"), ("ci", "Lai Châu, ngày 15 tháng 3 năm 2021")),
            (("cs", "V/v triển khai số hóa tài liệu"), None),
            (("cs", "địa chí và tài liệu quý hiếm"), None),
        ]),
        ("gap", 8),
        ("c", "Kính gửi: Thư viện các huyện, thành phố trên địa bàn tỉnh."),
        ("gap", 5),
        ("p", "Thực hiện Quyết định số 206/QĐ-TTg ngày 11/02/2021 của Thủ tướng Chính phủ phê duyệt "
              "“Chương trình chuyển đổi số ngành thư viện đến năm 2025, định hướng đến năm 2030”, Thư viện "
              "tỉnh Lai Châu đề nghị thư viện các huyện, thành phố triển khai một số nội dung sau:"),
        ("p", "1. Rà soát, thống kê toàn bộ tài liệu địa chí, tài liệu quý hiếm đang lưu giữ tại đơn vị "
              "(sách, báo, tạp chí, bản đồ, ảnh, văn bản chữ Thái cổ...), lập danh mục theo mẫu gửi kèm và "
              "gửi về Thư viện tỉnh trước ngày 30/4/2021."),
        ("p", "2. Phân loại tài liệu theo tình trạng vật lý: tài liệu còn tốt; tài liệu bị ẩm mốc, rách, "
              "giòn gãy cần tu bổ trước khi số hóa. Tuyệt đối không tháo gáy, cắt xén hoặc ép phẳng tài liệu "
              "cổ khi chưa có ý kiến của Thư viện tỉnh."),
        ("p", "3. Cử cán bộ tham gia lớp tập huấn về kỹ thuật quét, xử lý ảnh và nhập siêu dữ liệu do Thư "
              "viện tỉnh tổ chức trong tháng 5/2021. Mỗi đơn vị cử từ 01 đến 02 người, ưu tiên cán bộ biết "
              "tiếng và chữ viết dân tộc."),
    ]),
    dict(blocks=[
        ("header", "2"),
        ("p", "4. Tài liệu sau khi quét được lưu theo từng đơn vị tài liệu: mỗi cuốn sách, mỗi số báo là một "
              "thư mục riêng; ảnh quét có độ phân giải tối thiểu 300 dpi, định dạng TIFF hoặc PNG, tên tệp "
              "đặt theo số trang. Không chỉnh sửa, cắt xén tệp gốc sau khi quét."),
        ("p", "5. Bố trí kho, tủ bảo quản tài liệu đúng tiêu chuẩn: thoáng khí, tránh ánh nắng trực tiếp, "
              "giữ nhiệt độ và độ ẩm ổn định; định kỳ vệ sinh, phòng chống mối mọt, nấm mốc cho tài liệu."),
        ("p", "6. Chậm nhất ngày 15 hằng tháng, các đơn vị báo cáo kết quả thực hiện về Thư viện tỉnh (qua "
              "phòng Nghiệp vụ) để tổng hợp, báo cáo Sở Văn hóa, Thể thao và Du lịch."),
        ("p", "Phấn đấu đến năm 2025, ít nhất 70% tài liệu địa chí và tài liệu quý hiếm có giá trị đặc biệt "
              "được số hóa và quản lý trên phần mềm thư viện số, phục vụ bạn đọc tra cứu trực tuyến."),
        ("p", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh kịp thời "
              "về phòng Nghiệp vụ, Thư viện tỉnh để được hướng dẫn, giải quyết."),
    ]),
    dict(blocks=[
        ("header", "3"),
        ("p", "Gửi kèm theo Công văn này: Mẫu danh mục tài liệu địa chí, tài liệu quý hiếm và Hướng dẫn kỹ "
              "thuật quét, đặt tên tệp, ghi siêu dữ liệu (02 phụ lục)."),
        ("p", "Thư viện tỉnh Lai Châu đề nghị thư viện các huyện, thành phố quan tâm, phối hợp thực hiện./."),
        ("gap", 6),
        ("rows", [
            (("lbi", "Nơi nhận:"), ("cb", "GIÁM ĐỐC")),
            (("ls", "- Như trên;"), ("ci", "(Đã ký)")),
            (("ls", "- Sở VHTTDL (để b/c);"), None),
            (("ls", "- Lưu: VT, NV."), None),
        ]),
    ]),
]

# Page styles: paper size (mm), dpi, margins (mm: left, top, right, bottom), fonts and sizes (pt).
STYLES = {
    "book": dict(paper=(148, 210), dpi=300, margins=(17, 16, 17, 18), leading=1.42, indent=6,
                 fonts={"body": ("serif", 11), "h": ("serif-bold", 11), "title": ("serif-bold", 13),
                        "header": ("serif-italic", 9), "folio": ("serif", 10), "c": ("serif", 11),
                        "ci": ("serif-italic", 11), "cb": ("serif-bold", 11), "note": ("serif-italic", 10)}),
    "news": dict(paper=(148, 210), dpi=250, margins=(13, 13, 13, 14), leading=1.4, indent=4,
                 fonts={"body": ("sans", 11), "h": ("sans-bold", 11), "title": ("sans-bold", 15),
                        "mast": ("sans-bold", 34), "header": ("sans-bold", 9), "folio": ("sans", 9),
                        "c": ("sans", 10), "ci": ("serif-italic", 10.5), "cb": ("sans-bold", 11),
                        "note": ("serif-italic", 10)}),
    "tale": dict(paper=(148, 210), dpi=300, margins=(18, 20, 18, 18), leading=1.5, indent=7,
                 fonts={"body": ("dejavu", 11), "h": ("dejavu-bold", 11), "title": ("dejavu-bold", 14),
                        "header": ("dejavu", 9), "folio": ("dejavu", 10), "c": ("dejavu", 10),
                        "ci": ("dejavu", 10), "cb": ("dejavu-bold", 11), "note": ("dejavu", 9.5)}),
    "letter": dict(paper=(210, 297), dpi=300, margins=(30, 20, 20, 20), leading=1.4, indent=12,
                   fonts={"body": ("serif", 13), "h": ("serif-bold", 13), "title": ("serif-bold", 13),
                          "header": ("serif", 13), "folio": ("serif", 12), "c": ("serif", 12),
                          "ci": ("serif-italic", 13), "cb": ("serif-bold", 12), "cs": ("serif", 12),
                          "ls": ("serif", 11), "lbi": ("serif-bold", 12), "note": ("serif-italic", 11)}),
}


def nfc(s):
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------------------------
# Layout: returns a list of draw operations and the ground-truth lines in reading order.

class Layout:
    def __init__(self, style, fonts):
        self.st = STYLES[style] if isinstance(style, str) else style
        self.fonts = fonts
        self.dpi = self.st["dpi"]
        mm = self.dpi / 25.4
        self.W = round(self.st["paper"][0] * mm)
        self.H = round(self.st["paper"][1] * mm)
        ml, mt, mr, mb = (round(v * mm) for v in self.st["margins"])
        self.left, self.top, self.right, self.bottom = ml, mt, self.W - mr, self.H - mb
        self.mm = mm
        self.ops = []       # (x, baseline_y, text, font_key, px)
        self.gt = []
        self.used_fonts = {}

    def font(self, kind):
        key, pt = self.st["fonts"].get(kind, self.st["fonts"]["body"])
        px = round(pt * self.dpi / 72)
        self.used_fonts.setdefault(key, set())
        return key, px, self.fonts.get(key, px)

    def wrap(self, text, font, width, indent=0):
        words = text.split()
        lines, cur = [], []
        for w in words:
            trial = " ".join(cur + [w])
            avail = width - (indent if not lines else 0)
            if cur and font.getlength(trial) > avail:
                lines.append(cur)
                cur = [w]
            else:
                cur.append(w)
        if cur:
            lines.append(cur)
        return lines

    def emit(self, x, y, text, key, px):
        self.ops.append((round(x), round(y), text, key, px))
        self.used_fonts.setdefault(key, set()).update(text)

    def para_lines(self, text, kind, x0, x1, y, justify=True, indent_mm=None):
        """Lay out a paragraph between x0 and x1 starting with the baseline after y. Returns new y."""
        key, px, font = self.font(kind)
        lead = px * self.st["leading"]
        indent = (self.st["indent"] if indent_mm is None else indent_mm) * self.mm
        lines = self.wrap(text, font, x1 - x0, indent)
        out = []
        for i, words in enumerate(lines):
            y += lead
            xs = x0 + (indent if i == 0 else 0)
            last = i == len(lines) - 1
            line = " ".join(words)
            out.append((xs, y, words, last))
            self.gt.append(line)
            if justify and not last and len(words) > 1:
                total = sum(font.getlength(w) for w in words)
                gap = (x1 - xs - total) / (len(words) - 1)
                x = xs
                for w in words:
                    self.emit(x, y, w, key, px)
                    x += font.getlength(w) + gap
            else:
                self.emit(xs, y, line, key, px)
        return y

    def centered(self, text, kind, x0, x1, y, align="c"):
        key, px, font = self.font(kind)
        y += px * self.st["leading"]
        w = font.getlength(text)
        x = {"c": (x0 + x1 - w) / 2, "l": x0, "r": x1 - w}[align]
        self.emit(x, y, text, key, px)
        self.gt.append(text)
        return y

    def run(self, blocks, name):
        y = self.top
        folio = None
        for b in blocks:
            kind = b[0]
            if kind == "header":
                key, px, font = self.font("header")
                text = nfc(b[1])
                w = font.getlength(text)
                yb = self.top - 4 * self.mm
                self.emit((self.left + self.right - w) / 2, yb, text, key, px)
                self.gt.append(text)
                y = self.top + 2 * self.mm
            elif kind == "folio":
                folio = nfc(b[1])
            elif kind == "gap":
                y += b[1] * self.mm
            elif kind in ("title", "mast"):
                y += 1.5 * self.mm
                y = self.centered(nfc(b[1]), kind, self.left, self.right, y)
                y += 1.0 * self.mm
            elif kind in ("c", "ci", "cb"):
                y = self.centered(nfc(b[1]), kind, self.left, self.right, y)
            elif kind == "h":
                y += 2.5 * self.mm
                y = self.para_lines(nfc(b[1]), "h", self.left, self.right, y, justify=False, indent_mm=0)
                y += 0.8 * self.mm
            elif kind == "p":
                y = self.para_lines(nfc(b[1]), "body", self.left, self.right, y)
                y += 0.6 * self.mm
            elif kind == "note":
                y = self.para_lines(nfc(b[1]), "note", self.left, self.right, y, indent_mm=0)
            elif kind == "cols":
                y = self.columns([nfc(t) for t in b[1]], y)
            elif kind == "rows":
                y = self.rows(b[1], y)
            else:
                raise ValueError(f"unknown block kind {kind}")
            if y > self.bottom:
                sys.exit(f"generate-samples: text overflows the page {name} (baseline {y:.0f} > {self.bottom})")
        if folio is not None:
            key, px, font = self.font("folio")
            w = font.getlength(folio)
            self.emit((self.left + self.right - w) / 2, self.bottom + 9 * self.mm, folio, key, px)
            self.gt.append(folio)
        return self.ops, self.gt

    def columns(self, paras, y):
        key, px, font = self.font("body")
        lead = px * self.st["leading"]
        gap = 6 * self.mm
        colw = (self.right - self.left - gap) / 2
        indent = self.st["indent"] * self.mm
        lines = []  # (words, first, last)
        for t in paras:
            ls = self.wrap(t, font, colw, indent)
            for i, words in enumerate(ls):
                lines.append((words, i == 0, i == len(ls) - 1))
        half = (len(lines) + 1) // 2
        ymax = y
        for c, chunk in enumerate((lines[:half], lines[half:])):
            x0 = self.left + c * (colw + gap)
            x1 = x0 + colw
            yy = y + 1.5 * self.mm
            for words, first, last in chunk:
                yy += lead
                xs = x0 + (indent if first else 0)
                self.gt.append(" ".join(words))
                if not last and len(words) > 1:
                    total = sum(font.getlength(w) for w in words)
                    g = (x1 - xs - total) / (len(words) - 1)
                    x = xs
                    for w in words:
                        self.emit(x, yy, w, key, px)
                        x += font.getlength(w) + g
                else:
                    self.emit(xs, yy, " ".join(words), key, px)
            ymax = max(ymax, yy)
        return ymax

    def rows(self, rows, y):
        """Two blocks side by side (letter head, signature block), laid out in printed rows.
        Ground truth follows the rows: a row's left and right parts on one line, left first."""
        boxes = ((self.left - 10 * self.mm, self.left + 70 * self.mm),
                 (self.left + 86 * self.mm, self.right + 8 * self.mm))
        for row in rows:
            parts = []
            height = 0
            for cell, (x0, x1) in zip(row, boxes):
                if cell is None:
                    continue
                kind, text = cell[0], nfc(cell[1])
                key, px, font = self.font(kind)
                height = max(height, px * self.st["leading"])
                w = font.getlength(text)
                x = x0 + 10 * self.mm if kind.startswith("l") else (x0 + x1 - w) / 2
                parts.append((x, text, key, px))
            y += height
            for x, text, key, px in parts:
                self.emit(x, y, text, key, px)
            self.gt.append(" ".join(p[1] for p in parts))
        return y


def render_clean(ops, W, H, fonts, ink):
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    for x, y, text, key, px in ops:
        d.text((x, y), text, font=fonts.get(key, px), fill=ink, anchor="ls")
    return img


# --------------------------------------------------------------------------------------------
# Degradation

STRENGTHS = {
    # blur radius, noise sigma, noise grain (px), illumination amplitude, vignette, paper tone range,
    # ink level range, dust specks, border probability (flat sets), JPEG quality, bleed-through strength
    "none": dict(blur=(0, 0), noise=(0, 0), grain=1, illum=(0, 0), vignette=(0, 0), paper=(255, 255),
                 ink=(0, 0), dust=(0, 0), border_p=0.0, skew=False, jpeg=92, bleed=(0, 0)),
    "mild": dict(blur=(0.5, 0.9), noise=(1.2, 1.8), grain=2, illum=(0.04, 0.09), vignette=(0.03, 0.07),
                 paper=(226, 240), ink=(18, 38), dust=(4, 14), border_p=0.3, skew=True, jpeg=76,
                 bleed=(0, 0)),
    "medium": dict(blur=(0.8, 1.3), noise=(2.5, 4.5), grain=1, illum=(0.08, 0.16), vignette=(0.06, 0.12),
                   paper=(210, 232), ink=(30, 60), dust=(20, 60), border_p=0.5, skew=True, jpeg=70,
                   bleed=(0.06, 0.12)),
    "hard": dict(blur=(1.1, 1.7), noise=(5.0, 9.0), grain=1, illum=(0.14, 0.26), vignette=(0.10, 0.20),
                 paper=(190, 222), ink=(45, 85), dust=(60, 160), border_p=0.8, skew=True, jpeg=60,
                 bleed=(0.12, 0.25)),
}

_ND = NormalDist()


def noise_lut(sigma):
    return [max(0, min(255, round(128 + sigma * _ND.inv_cdf((i + 0.5) / 256)))) for i in range(256)]


def gaussian_noise(rng, size, sigma, grain):
    """Gaussian noise image centred on 128, from the seeded rng (not PIL's effect_noise, which uses C rand())."""
    W, H = size
    w, h = -(-W // grain), -(-H // grain)
    n = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(noise_lut(sigma))
    if grain > 1:
        n = n.resize((w * grain, h * grain), Image.NEAREST).crop((0, 0, W, H))
    return n


def illumination_field(rng, W, H, paper, illum, vignette, gutter):
    """Smooth multiplicative light field (values 0..255): paper tone, a linear gradient in a random
    direction, a vignette, and for bound books a shadow along the spine."""
    s = 8
    w, h = -(-W // s), -(-H // s)
    ang = rng.uniform(0, 2 * math.pi)
    gx, gy = math.cos(ang), math.sin(ang)
    cx, cy = rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7)
    gut_w = rng.uniform(0.04, 0.08)
    gut_d = rng.uniform(0.12, 0.22) if gutter else 0.0
    vals = bytearray(w * h)
    i = 0
    for yy in range(h):
        v = yy / (h - 1)
        for xx in range(w):
            u = xx / (w - 1)
            f = 1.0 - illum * (0.5 + 0.5 * ((u - 0.5) * gx + (v - 0.5) * gy) * 1.4)
            r2 = ((u - cx) ** 2 + (v - cy) ** 2) / 0.5
            f -= vignette * r2
            if gutter:
                dist = u if gutter == "left" else 1.0 - u
                f -= gut_d * math.exp(-dist / gut_w)
            vals[i] = max(0, min(255, round(paper * f)))
            i += 1
    return Image.frombytes("L", (w, h), bytes(vals)).resize((W, H), Image.BICUBIC), gut_d


def add_dust(rng, img, count, ink):
    d = ImageDraw.Draw(img)
    W, H = img.size
    for _ in range(count):
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        r = rng.uniform(0.8, 2.6)
        d.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(ink + 20, 150))
    # hairs, on harder pages only
    for _ in range(rng.randint(0, 4) if count >= 20 else 0):
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        pts = [(x, y)]
        a = rng.uniform(0, 2 * math.pi)
        for _k in range(12):
            a += rng.uniform(-0.35, 0.35)
            x += 9 * math.cos(a)
            y += 9 * math.sin(a)
            pts.append((x, y))
        d.line(pts, fill=rng.randint(90, 160), width=2)


def degrade(rng, clean_ops, W, H, fonts, strength, gutter=None, border=None, max_skew=3.0, noise_factor=1.0):
    """Return (gray image, record of what was done)."""
    P = STRENGTHS[strength]
    u = lambda r: rng.uniform(*r) if r[1] > r[0] else r[0]
    ink = round(u(P["ink"]))
    img = render_clean(clean_ops, W, H, fonts, ink)
    rec = {"strength": strength}
    if strength == "none":
        rec["skew_deg"] = 0.0
        return img, rec, 0.0
    if P["bleed"][1] > 0:
        # show-through of the back of the leaf: the text mirrored, blurred and faint
        alpha = u(P["bleed"])
        back = ImageOps.mirror(img).transform((W, H), Image.AFFINE,
                                              (1, 0, rng.uniform(-40, 40), 0, 1, rng.uniform(-60, 60)),
                                              fillcolor=255).filter(ImageFilter.GaussianBlur(2.0))
        back = back.point(lambda v: round(255 - (255 - v) * alpha))
        img = ImageChops.multiply(img, back)
        rec["bleed_through"] = round(alpha, 3)
    ndust = rng.randint(*P["dust"])
    add_dust(rng, img, ndust, ink)
    paper = round(u(P["paper"]))
    illum, vig = u(P["illum"]), u(P["vignette"])
    field, gut_d = illumination_field(rng, W, H, paper, illum, vig, gutter)
    img = ImageChops.multiply(img, field)
    rec.update({"ink_level": ink, "paper_tone": paper, "illumination_gradient": round(illum, 3),
                "vignette": round(vig, 3), "dust_specks": ndust})
    if gutter:
        rec["gutter_shadow"] = {"side": gutter, "depth": round(gut_d, 3)}
    skew = round(rng.uniform(-max_skew, max_skew), 2) if P["skew"] else 0.0
    rec["skew_deg"] = skew
    if border:
        dark = rng.randint(22, 48)
        shift = round(rng.uniform(0.025, 0.045) * W)
        dy = round(rng.uniform(-0.012, 0.012) * H)
        dx = shift if border == "left" else -shift
        canvas = Image.new("L", (W, H), dark)
        # the dark lid/holder is not perfectly even either
        canvas = ImageChops.add(canvas, gaussian_noise(rng, (W, H), 3.0, 4), 1, -128)
        rot = img.rotate(skew, Image.BICUBIC, expand=True, fillcolor=paper)
        mask = Image.new("L", img.size, 255).rotate(skew, Image.BICUBIC, expand=True, fillcolor=0)
        ox = (W - rot.size[0]) // 2 + dx
        oy = (H - rot.size[1]) // 2 + dy
        canvas.paste(rot, (ox, oy), mask)
        img = canvas
        rec["dark_border"] = {"side": border, "level": dark, "page_offset_px": [dx, dy]}
    else:
        # uncovered glass under a white lid: a light fill in the corners the rotation uncovers
        img = img.rotate(skew, Image.BICUBIC, expand=False, fillcolor=min(255, paper + 8))
    blur = round(u(P["blur"]), 2)
    if blur > 0:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    sigma = round(u(P["noise"]) * noise_factor, 2)
    if sigma > 0:
        img = ImageChops.add(img, gaussian_noise(rng, (W, H), sigma, P["grain"]), 1, -128)
    rec["blur_radius_px"] = blur
    rec["noise"] = {"sigma": sigma, "grain_px": P["grain"]}
    return img, rec, skew


def to_bilevel(img, threshold):
    return img.point(lambda v: 255 if v > threshold else 0).convert("1", dither=Image.NONE)


def colorize(img, tint):
    return Image.merge("RGB", [img.point(lambda v, f=f: round(v * f)) for f in tint])


# --------------------------------------------------------------------------------------------
# Saving

FORMATS = {
    # fmt: (description, mode, PIL save kwargs, noise factor)
    # Lossless gray pages get less sensor noise than the rest: noise is what makes them big.
    "tiff-deflate": ("TIFF, 8-bit gray, Deflate", "L", dict(format="TIFF", compression="tiff_deflate"), 0.35),
    "tiff-lzw": ("TIFF, 8-bit gray, LZW with horizontal predictor", "L",
                 dict(format="TIFF", compression="tiff_lzw", tiffinfo={317: 2}), 0.35),
    "tiff-jpeg-gray": ("TIFF, 8-bit gray, JPEG", "L", dict(format="TIFF", compression="jpeg"), 1.0),
    "tiff-jpeg-rgb": ("TIFF, 24-bit colour (YCbCr), JPEG", "RGB", dict(format="TIFF", compression="jpeg"), 1.0),
    "tiff-g4": ("TIFF, 1-bit bilevel, CCITT Group 4", "1", dict(format="TIFF", compression="group4"), 1.0),
    "png-gray": ("PNG, 8-bit gray", "L", dict(format="PNG", optimize=True), 0.35),
    "png-gray-nodpi": ("PNG, 8-bit gray, no pHYs (DPI not recorded)", "L", dict(format="PNG", optimize=True), 0.35),
}


def save_kwargs(fmt, dpi, jpeg_q):
    kw = dict(FORMATS[fmt][2])
    if fmt != "png-gray-nodpi":
        kw["dpi"] = (dpi, dpi)
    if kw.get("compression") == "jpeg":
        kw["quality"] = jpeg_q if fmt != "tiff-jpeg-rgb" else jpeg_q - 5
    return kw


def save_page(img, path, fmt, dpi, jpeg_q):
    if fmt == "tiff-jpeg-rgb":
        img = img.convert("YCbCr")  # photometric YCbCr, as scanners write colour JPEG-in-TIFF
    img.save(path, **save_kwargs(fmt, dpi, jpeg_q))


def finish(img, fmt, rng, rec):
    """Convert the degraded gray page to the format's pixel type."""
    mode = FORMATS[fmt][1]
    if mode == "1":
        t = 150
        rec["binarized"] = {"method": "global threshold after degradation", "threshold": t}
        return to_bilevel(img, t)
    if mode == "RGB":
        tint = (1.0, round(rng.uniform(0.95, 0.97), 3), round(rng.uniform(0.80, 0.86), 3))
        rec["paper_tint_rgb"] = tint
        return colorize(img, tint)
    return img


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_gt(path, lines):
    text = "\n".join(nfc(l) for l in lines) + "\n"
    assert unicodedata.is_normalized("NFC", text)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# --------------------------------------------------------------------------------------------
# Batches

ITEM_YAML = """\
# Descriptive metadata of this item (sohoa batch layout, DESIGN.md section 1). Sample data.
title: "Địa chí Lai Châu (trích, trang 8-12)"
creator: "Ban Biên soạn Địa chí Lai Châu"
date: "2016"
language: vie
type: "Sách"
subject: "Lai Châu; Địa lý tự nhiên; Dân tộc; Phong tục; Lịch sử hành chính"
holding-id: "LCH-DC-0001"
library-code: LCH
"""

ITEMS_CSV = [
    ["item", "title", "creator", "date", "language", "type", "subject", "holding-id", "library-code"],
    ["bao-lai-chau-1998", "Báo Lai Châu, số Xuân Mậu Dần 1998 (trích)", "Báo Lai Châu", "1998-01", "vie",
     "Báo", "Tết; Chợ phiên; Thư viện lưu động; Chữ Thái cổ", "LCH-BC-1998-001", "LCH"],
    ["cong-van-2021", "Công văn số 45/TV-NV về việc triển khai số hóa tài liệu địa chí và tài liệu quý hiếm",
     "Thư viện tỉnh Lai Châu", "2021-03-15", "vie", "Công văn", "Số hóa; Tài liệu địa chí; Tài liệu quý hiếm",
     "LCH-CV-2021-045", "LCH"],
]


def csv_line(row):
    out = []
    for v in row:
        if any(c in v for c in ',"\n'):
            v = '"' + v.replace('"', '""') + '"'
        out.append(v)
    return ",".join(out)


def sample_pages():
    """(item, page file, style, spec) for the committed batch; the multi-page TIFF is handled apart."""
    pages = []
    for spec in DIA_CHI:
        pages.append(("dia-chi-lai-chau", "book", spec))
    for spec in BAO:
        pages.append(("bao-lai-chau-1998", "news", spec))
    for spec in TRUYEN:
        pages.append(("truyen-co-thai", "tale", spec))
    return pages


def make_page(args, fonts, page_id, style, blocks, gutter=None, border=None, fmt="tiff-g4"):
    rng = random.Random(f"{args.seed}:{page_id}")
    lay = Layout(style, fonts)
    ops, gt = lay.run(blocks, page_id)
    for key, chars in lay.used_fonts.items():
        fonts.check_glyphs(key, "".join(chars))
    img, rec, skew = degrade(rng, ops, lay.W, lay.H, fonts, args.strength, gutter, border, args.max_skew,
                             FORMATS[fmt][3])
    used = sorted({FONTS[k][1] for k, _x in ((op[3], 0) for op in ops)})
    return rng, lay, img, rec, gt, used


def page_record(item, file, fmt, lay, rec, gt, used, path, gt_name, page_index=None, dpi_written=True):
    r = {"item": item, "file": file}
    if page_index is not None:
        r["page_index"] = page_index
    r.update({
        "page": os.path.splitext(file)[0] if page_index is None else f"{os.path.splitext(file)[0]}-p{page_index:04d}",
        "ground_truth": gt_name,
        "format": FORMATS[fmt][0],
        "width": lay.W, "height": lay.H,
        "dpi": lay.dpi if dpi_written else None,
        "true_dpi": lay.dpi,
        "paper_mm": list(lay.st["paper"]),
        "fonts": used,
        "skew_deg": rec.get("skew_deg", 0.0),
        "degradations": {k: v for k, v in rec.items() if k not in ("skew_deg",)},
        "text_lines": len(gt),
        "text_chars": sum(len(l) for l in gt),
    })
    if not dpi_written:
        r["note"] = "no resolution stored in the file (PNG without pHYs): exercises DPI estimation; true DPI is true_dpi"
    return r


def generate_samples(args, fonts):
    out = args.out
    os.makedirs(out, exist_ok=True)
    q = STRENGTHS[args.strength]["jpeg"]
    records = []
    for item, style, spec in sample_pages():
        d = os.path.join(out, item)
        os.makedirs(d, exist_ok=True)
        page_id = f"{item}/{spec['file']}"
        rng, lay, img, rec, gt, used = make_page(args, fonts, page_id, style, spec["blocks"],
                                                  spec.get("gutter"), spec.get("border"), spec["fmt"])
        fmt = spec["fmt"]
        img = finish(img, fmt, rng, rec)
        path = os.path.join(d, spec["file"])
        save_page(img, path, fmt, lay.dpi, q)
        stem = os.path.splitext(spec["file"])[0]
        write_gt(os.path.join(d, stem + ".gt.txt"), gt)
        records.append(page_record(item, f"{item}/{spec['file']}", fmt, lay, rec, gt, used, path,
                                   f"{item}/{stem}.gt.txt", dpi_written=(fmt != "png-gray-nodpi")))
        print(f"  {item}/{spec['file']}  {FORMATS[fmt][0]}  skew {rec.get('skew_deg', 0):+.2f}°", file=sys.stderr)

    # Multi-page TIFF at the batch root: an item of its own; CCITT G4, A4.
    item = "cong-van-2021"
    imgs = []
    for i, spec in enumerate(CONG_VAN, 1):
        page_id = f"{item}.tif#{i}"
        rng, lay, img, rec, gt, used = make_page(args, fonts, page_id, "letter", spec["blocks"])
        img = finish(img, "tiff-g4", rng, rec)
        imgs.append(img)
        gt_name = f"{item}-p{i:04d}.gt.txt"
        write_gt(os.path.join(out, gt_name), gt)
        r = page_record(item, f"{item}.tif", "tiff-g4", lay, rec, gt, used, None, gt_name, page_index=i)
        r["format"] = "TIFF, multi-page (3 IFDs), 1-bit bilevel, CCITT Group 4"
        records.append(r)
        print(f"  {item}.tif page {i}  skew {rec.get('skew_deg', 0):+.2f}°", file=sys.stderr)
    path = os.path.join(out, f"{item}.tif")
    imgs[0].save(path, format="TIFF", compression="group4", dpi=(300, 300), save_all=True,
                 append_images=imgs[1:])

    with open(os.path.join(out, "dia-chi-lai-chau", "item.yaml"), "w", encoding="utf-8") as f:
        f.write(nfc(ITEM_YAML))
    with open(os.path.join(out, "items.csv"), "w", encoding="utf-8", newline="") as f:
        for row in ITEMS_CSV:
            f.write(nfc(csv_line(row)) + "\n")

    items = [
        {"item": "dia-chi-lai-chau", "kind": "folder", "pages": 5, "metadata": "dia-chi-lai-chau/item.yaml",
         "description": "excerpt of a local gazetteer (book), pages 8-12: page order needs natural sort (p8 < p10)"},
        {"item": "bao-lai-chau-1998", "kind": "folder", "pages": 4, "metadata": "items.csv",
         "description": "newspaper issue, Tet 1998: two-column pages on yellowed newsprint (RGB), gray PNGs"},
        {"item": "truyen-co-thai", "kind": "folder", "pages": 3, "metadata": None,
         "description": "Thai folk tale, bilevel G4 pages; no metadata: title comes from the folder name"},
        {"item": "cong-van-2021", "kind": "multi-page file", "file": "cong-van-2021.tif", "pages": 3,
         "metadata": "items.csv", "description": "official letter, A4, 3-page G4 TIFF at the batch root"},
    ]
    return records, items


def flat_corpus():
    heads, paras = [], []
    for spec in DIA_CHI + BAO + TRUYEN + CONG_VAN:
        for b in spec["blocks"]:
            if b[0] in ("title", "h"):
                heads.append(b[1])
            elif b[0] in ("p", "note"):
                paras.append(b[1])
            elif b[0] == "cols":
                paras.extend(b[1])
    return heads, paras


def generate_flat(args, fonts):
    """A flat benchmark set: bench-0001.png ... with text drawn from the sample corpus."""
    out = args.out
    os.makedirs(out, exist_ok=True)
    heads, paras = flat_corpus()
    records = []
    P = STRENGTHS[args.strength]
    for n in range(1, args.pages + 1):
        name = f"bench-{n:04d}"
        rng = random.Random(f"{args.seed}:flat:{n}")
        base = rng.choice(["book", "news", "tale"])
        st = json.loads(json.dumps(STYLES[base]))
        st["fonts"]["body"] = [rng.choice(["serif", "sans", "dejavu"]), rng.choice([11, 11.5, 12])]
        lay = Layout(st, fonts)
        key, px, font = lay.font("body")
        # fill the page: heading + paragraphs until the next one would overflow
        blocks = [("title", rng.choice(heads))]
        order = paras[:]
        rng.shuffle(order)
        lead = px * st["leading"]
        budget = (lay.bottom - lay.top) - 3 * lead
        used = 0
        for t in order:
            need = len(lay.wrap(nfc(t), font, lay.right - lay.left, st["indent"] * lay.mm)) * lead + 0.6 * lay.mm
            if used + need > budget:
                break
            blocks.append(("p", t))
            used += need
        lay2 = Layout(st, fonts)
        ops, gt = lay2.run(blocks, name)
        for k, chars in lay2.used_fonts.items():
            fonts.check_glyphs(k, "".join(chars))
        border = None
        if rng.random() < P["border_p"]:
            border = rng.choice(["left", "right"])
        gutter = rng.choice([None, "left", "right"]) if base == "book" else None
        img, rec, skew = degrade(rng, ops, lay2.W, lay2.H, fonts, args.strength, gutter, border, args.max_skew)
        save_page(img, os.path.join(out, name + ".png"), "png-gray", lay2.dpi, P["jpeg"])
        write_gt(os.path.join(out, name + ".gt.txt"), gt)
        used_f = sorted({FONTS[op[3]][1] for op in ops})
        records.append(page_record(None, name + ".png", "png-gray", lay2, rec, gt, used_f, None, name + ".gt.txt"))
        print(f"  {name}.png  skew {rec.get('skew_deg', 0):+.2f}°", file=sys.stderr)
    return records, []


def main():
    ap = argparse.ArgumentParser(description="Generate sohoa's seeded sample scans with ground truth.")
    ap.add_argument("--seed", type=int, default=2021, help="random seed (default 2021: the committed samples)")
    ap.add_argument("--out", default="SampleScans", help="output folder (default SampleScans)")
    ap.add_argument("--strength", "--degrade", dest="strength", choices=sorted(STRENGTHS), default="mild",
                    help="degradation strength (default mild: the committed samples)")
    ap.add_argument("--pages", type=int, default=0,
                    help="instead of the sample batch, write a flat benchmark set of N pages (bench-0001.png ...)")
    ap.add_argument("--max-skew", type=float, default=3.0, help="skew is uniform in ±this many degrees (default 3)")
    ap.add_argument("--font-dir", action="append", default=[], help="extra folder to look for the fonts in")
    args = ap.parse_args()
    if args.pages < 0:
        ap.error("--pages must be positive")

    fonts = FontBook(args.font_dir)
    if args.pages:
        records, items = generate_flat(args, fonts)
    else:
        records, items = generate_samples(args, fonts)

    files = sorted({r["file"] for r in records} | {r["ground_truth"] for r in records})
    sizes = {f: os.path.getsize(os.path.join(args.out, f)) for f in files}
    hashes = {f: sha256(os.path.join(args.out, f)) for f in files}
    for r in records:
        r["bytes"] = sizes[r["file"]]
        r["sha256"] = hashes[r["file"]]
    manifest = {
        "generator": GENERATOR,
        "generator_version": VERSION,
        "command": " ".join(["python3", GENERATOR, "--seed", str(args.seed)]
                            + ([] if args.strength == "mild" else ["--strength", args.strength])
                            + (["--pages", str(args.pages)] if args.pages else [])
                            + ([] if args.max_skew == 3.0 else ["--max-skew", str(args.max_skew)])
                            + ["--out", args.out]),
        "seed": args.seed,
        "strength": args.strength,
        "max_skew_deg": args.max_skew,
        "skew_convention": "skew_deg > 0: page content rotated counter-clockwise by that angle (PIL Image.rotate); "
                           "rotate by -skew_deg to correct",
        "pillow": Image.__version__,
        "freetype": features.version("freetype2"),
        "licence": "generated by the sohoa project; texts written for the project",
        "items": items,
        "pages": records,
        "total_pages": len(records),
    }
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(dp, fn)) for dp, _d, fns in os.walk(args.out) for fn in fns)
    print(f"generate-samples: {len(records)} pages in {args.out} ({total / 1e6:.2f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
