"""Vietnamese texts for scripts/generate-eval-pages.py (original prose written for the sohoa project;
licence: as the project). Deliberately different from the texts of scripts/generate-samples.py, so an
accuracy figure measured on these pages says nothing about how well sohoa knows its sample batch.

HEADINGS: short titles. PARAGRAPHS: prose (history, geography, newspapers, libraries, people, numbers).
TABLE: rows of a statistics table (first row: the header). RUNNING_HEADS: page headers.
"""

HEADINGS = [
    "Vùng đất biên cương",
    "Những chặng đường lịch sử",
    "Báo chí ở miền núi Tây Bắc",
    "Tư liệu quý trong kho sách địa phương",
    "Con đường lên Sìn Hồ",
    "Ký ức về bến phà Lai Hà",
    "Nghề dệt thổ cẩm của người Lự",
    "Chợ phiên vùng cao",
    "Sông Đà mùa nước lũ",
    "Những trang viết về Mường Tè",
    "Giáo dục ở các xã vùng sâu",
    "Gìn giữ chữ Thái cổ",
    "Đèo Ô Quy Hồ",
    "Cây chè Shan tuyết",
    "Những người làm báo đầu tiên",
    "Thư viện lưu động",
    "Tên đất, tên làng",
    "Di tích và danh thắng",
]

RUNNING_HEADS = [
    "LỊCH SỬ ĐẢNG BỘ TỈNH LAI CHÂU",
    "BÁO LAI CHÂU - 50 NĂM XÂY DỰNG VÀ TRƯỞNG THÀNH",
    "VĂN HÓA CÁC DÂN TỘC TÂY BẮC",
    "TƯ LIỆU ĐỊA CHÍ",
    "KỶ YẾU HỘI THẢO KHOA HỌC",
    "SỔ TAY NGƯỜI LÀM THƯ VIỆN",
]

PARAGRAPHS = [
    "Mường Tè là huyện biên giới xa xôi nhất của tỉnh, nơi có ngã ba biên giới A Pa Chải và cột mốc số "
    "0 nằm trên đỉnh núi cao gần 1.900 mét. Đường từ trung tâm huyện lên các bản giáp biên phải vượt qua "
    "hàng chục con dốc, nhiều đoạn chỉ đi được bằng xe máy hoặc đi bộ trong mùa mưa.",
    "Trong những năm đầu thế kỷ hai mươi, Lai Châu là một trong những vùng mà bộ máy cai trị thực dân "
    "với tới muộn nhất. Quyền hành thực tế vẫn nằm trong tay các dòng họ thổ ty người Thái, mỗi mường "
    "có luật lệ, thuế khóa và binh lính riêng.",
    "Tờ báo đầu tiên của tỉnh ra số đầu vào mùa xuân năm 1962, in tại một xưởng nhỏ bằng máy in tay. "
    "Mỗi số chỉ có bốn trang khổ nhỏ, phát hành khoảng 800 bản, được gửi theo đường bưu điện và theo "
    "chân cán bộ về tận các xã.",
    "Những người làm báo thời ấy vừa viết bài, vừa sắp chữ, vừa đi phát hành. Có chuyến công tác kéo dài "
    "gần một tháng, phóng viên phải mang theo gạo, muối và đèn pin, ngủ nhờ nhà dân dọc đường để kịp "
    "ghi lại tin tức từ các bản xa.",
    "Kho tài liệu địa chí của Thư viện tỉnh hiện có hơn 3.200 đầu sách, 146 tên báo và tạp chí cùng "
    "nhiều bản thảo viết tay. Phần lớn được in trên giấy xấu, nay đã ố vàng, giòn và rách mép, cần được "
    "số hóa sớm để tránh mất mát.",
    "Đèo Ô Quy Hồ dài gần 50 km, nối Lai Châu với Lào Cai qua dãy Hoàng Liên Sơn. Đỉnh đèo ở độ cao "
    "khoảng 2.000 mét, quanh năm mây phủ, mùa đông có khi băng tuyết làm trơn mặt đường khiến xe cộ "
    "phải dừng lại chờ nắng lên.",
    "Người Lự ở Bản Hon vẫn giữ được nghề dệt truyền thống. Từ sợi bông tự trồng, các bà, các chị kéo "
    "sợi, nhuộm chàm rồi dệt thành váy áo, chăn đệm và túi thổ cẩm với những hoa văn hình quả trám, "
    "hình cây thông và hình con chim.",
    "Chè Shan tuyết mọc trên những sườn núi cao của Tam Đường và Sìn Hồ. Có những cây chè cổ thụ đã "
    "trên trăm năm tuổi, thân to hai người ôm không xuể. Búp chè phủ lớp lông tơ trắng như tuyết nên "
    "mới có tên gọi như vậy.",
    "Bến phà Lai Hà từng là nơi qua lại duy nhất của người dân hai bờ sông Đà. Mỗi chuyến phà chở được "
    "chừng mười chiếc xe máy và vài chục người. Mùa lũ nước dâng cao, chảy xiết, phà phải ngừng chạy "
    "nhiều ngày liền.",
    "Khi công trình thủy điện Sơn La tích nước, thị xã Lai Châu cũ và hàng chục bản làng ven sông phải "
    "di dời lên nơi ở mới. Hơn 7.000 hộ dân đã rời bỏ nơi chôn nhau cắt rốn để nhường đất cho lòng hồ.",
    "Phong Thổ có cửa khẩu Ma Lù Thàng, nơi hằng ngày có hàng trăm lượt người và xe qua lại. Hàng hóa "
    "trao đổi chủ yếu là nông sản, thảo quả, vật liệu xây dựng và hàng tiêu dùng.",
    "Chữ Thái cổ được ghi trên giấy bản, trên vải và trên lá cây. Những cuốn sách như Quám tố mướng, "
    "Xống chụ xon xao ghi lại lịch sử các mường, gia phả dòng họ và những bài ca tình yêu đã được truyền "
    "qua nhiều thế hệ.",
    "Năm 1995, cả tỉnh chỉ có khoảng 40% số xã có trường trung học cơ sở. Sau hai mươi năm, mạng lưới "
    "trường lớp đã phủ khắp các xã, nhiều điểm trường được xây kiên cố, có nhà bán trú cho học sinh ở xa.",
    "Giáo viên cắm bản nhiều người đã gắn bó với vùng cao hàng chục năm. Họ không chỉ dạy chữ mà còn dạy "
    "các em cách giữ vệ sinh, trồng rau và học tiếng phổ thông. Có thầy giáo đã đi bộ hơn 20 km mỗi tuần "
    "để đến lớp.",
    "Ngày 10 tháng 10 năm 1950, chiến dịch Biên giới thắng lợi mở ra thời kỳ mới cho cách mạng cả nước. "
    "Ở Tây Bắc, các đội vũ trang tuyên truyền lần lượt xây dựng cơ sở, gây dựng phong trào trong đồng bào "
    "các dân tộc.",
    "Mùa xuân năm 1953, quân và dân Tây Bắc tiến công giải phóng thị xã Lai Châu. Chiến thắng ấy góp "
    "phần tạo thế và lực cho chiến dịch Điện Biên Phủ diễn ra vào năm sau.",
    "Các cụ già trong bản kể rằng xưa kia đường lên Sìn Hồ chỉ là lối mòn men theo sườn núi. Muốn xuống "
    "chợ huyện phải đi từ lúc gà gáy, chiều tối mới tới nơi. Nay ô tô đã chạy tới tận trung tâm các xã.",
    "Chợ phiên San Thàng họp vào sáng Chủ nhật. Từ sớm, người Dao, người Mông, người Giáy đã gùi hàng "
    "xuống chợ: măng rừng, mật ong, rau cải, gà, vịt và những tấm vải chàm mới nhuộm còn thơm mùi lá.",
    "Kho lưu trữ của tỉnh còn giữ nhiều tập công văn, sổ sách từ thời kỳ 1955 - 1975. Nhiều văn bản "
    "đánh máy trên giấy pơ-luya mỏng, chữ đã mờ, mép giấy bị mối mọt làm hư hại.",
    "Việc số hóa không chỉ là chụp ảnh từng trang. Mỗi tài liệu phải được mô tả, nhận dạng chữ, kiểm tra "
    "lại và lưu giữ lâu dài, để nhiều năm sau người đọc vẫn tìm được đúng trang, đúng dòng cần tra cứu.",
    "Người Hà Nhì ở Mường Tè sống trong những ngôi nhà trình tường dày, mát về mùa hè, ấm về mùa đông. "
    "Mỗi dịp Tết Khô Già Già, cả bản cùng dựng cây đu, mổ trâu và múa hát suốt ba ngày.",
    "Thác Tác Tình ở Tam Đường đổ từ độ cao hơn 100 mét xuống lòng suối, nước trắng xóa quanh năm. "
    "Theo truyền thuyết của người Lự, thác là nơi đôi trai gái yêu nhau hóa thân để mãi mãi được ở bên "
    "nhau.",
    "Động Tiên Sơn nằm ở xã Bản Giang, cách thành phố chừng 10 km. Trong động có nhiều khối thạch nhũ "
    "mang hình thù kỳ lạ, được người dân đặt tên là voi đá, chuông đá, ruộng bậc thang.",
    "Năm 2004, tỉnh mới có diện tích hơn 9.000 km² với dân số khoảng 280.000 người. Đến năm 2019, dân "
    "số đã vượt 460.000 người, trong đó người dân tộc thiểu số chiếm hơn 84%.",
    "Bản tin miền núi được phát bằng tiếng Thái, tiếng Mông và tiếng Dao vào các buổi tối. Nhiều gia "
    "đình ở bản xa vẫn nghe đài bằng chiếc máy thu thanh nhỏ chạy pin, đặt trên gác bếp.",
    "Những số báo cũ in trong thời kỳ bao cấp nay rất hiếm. Có số chỉ còn một bản duy nhất, được một cán "
    "bộ hưu trí giữ gìn cẩn thận và tặng lại cho thư viện vào năm 2018.",
    "Người Giáy ở Phong Thổ thường làm ruộng nước ở các thung lũng ven suối. Lễ hội Roóng Poọc tổ chức vào "
    "tháng Giêng để cầu mùa, có trò ném còn, kéo co và múa sư tử.",
    "Dọc quốc lộ 4D, những cánh đồng lúa ở Bình Lư mùa này đã chín vàng. Người dân tranh thủ gặt nhanh "
    "trước khi mưa xuống, rồi cày bừa ngay để kịp gieo vụ sau.",
    "Bộ sưu tập ảnh tư liệu của tỉnh có khoảng 12.500 tấm, phần lớn là phim âm bản chụp từ năm 1960 đến "
    "năm 1990. Nhiều tấm đã bị nấm mốc, cần được quét và phục chế.",
    "Theo ghi chép của các nhà nghiên cứu, tiếng Mảng và tiếng Cống chỉ còn vài trăm người sử dụng. "
    "Những bài hát ru, câu chuyện cổ của các dân tộc này đang được ghi âm và chép lại bằng chữ quốc ngữ.",
    "Tháng 7 năm 2016, mưa lũ lớn làm sạt lở nhiều đoạn đường ở Sìn Hồ và Tân Uyên. Hàng trăm hộ dân "
    "phải sơ tán khẩn cấp, nhiều ha lúa và hoa màu bị vùi lấp.",
    "Ở Than Uyên, cánh đồng Mường Than rộng hơn 3.000 ha là vựa lúa lớn nhất của tỉnh. Gạo nếp Tan Co "
    "Mường Than dẻo và thơm, được nhiều nơi biết đến.",
    "Hội Văn học Nghệ thuật tỉnh đã xuất bản hàng chục tập thơ, truyện ngắn và ký viết về con người miền "
    "núi. Nhiều tác phẩm được viết song ngữ tiếng Việt và tiếng dân tộc.",
    "Những người thợ bạc người Dao đỏ làm vòng cổ, khuyên tai và trâm cài từ bạc nén. Mỗi món trang sức "
    "đều mang hoa văn riêng, được truyền từ đời cha sang đời con.",
    "Bảo tàng tỉnh trưng bày hơn 2.000 hiện vật: trống đồng, công cụ lao động, nhạc cụ, trang phục và "
    "các bản sắc phong cổ. Nhiều hiện vật do chính người dân hiến tặng.",
    "Năm 1909, người Pháp lập đạo quan binh thứ tư ở vùng này. Đến năm 1916, đạo quan binh được đổi "
    "thành tỉnh Lai Châu, tỉnh lỵ đặt tại bản Lay bên bờ sông Đà.",
    "Giữa thế kỷ mười chín, nhiều nhóm người Mông và người Dao từ phương bắc di cư xuống, lập bản trên "
    "các sườn núi cao. Họ mang theo giống ngô, giống lanh và nghề rèn đúc nông cụ.",
    "Số báo Tết năm 1975 dày gấp đôi số thường, có thêm trang thơ, trang ảnh và trang dành cho thiếu "
    "nhi. Để kịp phát hành trước Tết, xưởng in làm việc suốt ba ngày đêm.",
    "Trong chiến tranh biên giới năm 1979, nhiều bản làng ở Phong Thổ bị tàn phá. Sau chiến tranh, đồng "
    "bào trở về dựng lại nhà cửa, khai hoang ruộng nương và mở lại trường học.",
    "Cán bộ thư viện thường mang sách về các xã bằng xe máy. Mỗi chuyến đi chừng 300 cuốn, gồm sách kỹ "
    "thuật trồng trọt, chăn nuôi, truyện tranh thiếu nhi và báo cũ.",
]

# Statistics table (landscape page): header first. Figures are illustrative, not official.
TABLE = [
    ["Huyện, thành phố", "Diện tích (km²)", "Dân số (người)", "Số xã", "Trường học", "Tủ sách"],
    ["Thành phố Lai Châu", "70,8", "42.973", "7", "21", "14"],
    ["Tam Đường", "684,5", "55.460", "14", "47", "26"],
    ["Phong Thổ", "1.029,0", "79.108", "17", "62", "31"],
    ["Sìn Hồ", "1.526,9", "87.950", "22", "74", "29"],
    ["Mường Tè", "2.679,3", "46.520", "14", "53", "18"],
    ["Nậm Nhùn", "1.388,1", "28.275", "11", "35", "12"],
    ["Than Uyên", "792,5", "66.360", "12", "51", "23"],
    ["Tân Uyên", "897,3", "58.785", "10", "44", "20"],
    ["Toàn tỉnh", "9.068,4", "465.431", "107", "387", "173"],
]
