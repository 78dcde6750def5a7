import Foundation
import SohoaCatalog

/// The yearly report as one self-contained XHTML-compatible page in Vietnamese: inline CSS and SVG,
/// no script, no external file or font, laid out for A4 paper.
enum ReportHTML {
    static func render(_ data: YearlyReportData) -> String {
        let p = data.progress
        var body = ""
        body += "<header><p class=\"kicker\">Báo cáo năm \(data.year) — gửi trước ngày 01/11 (Kế hoạch 4084/KH-UBND, mục VI)</p>"
        body += "<h1>Kết quả số hóa tài liệu quý hiếm và tài liệu địa chí năm \(data.year)</h1>"
        body += "<p class=\"meta\">Số liệu tính đến \(vietnameseDate(data.asOf)); lập ngày \(vietnameseDate(data.generatedAt)). "
        body += "Sổ đăng ký: \(vn(p.holdingsInRegister)) tài liệu. Mục tiêu: \(escape(p.goalsFile ?? "mặc định theo kế hoạch"))."
        body += "</p></header>"

        body += "<section><h2>1. Tiến độ so với mục tiêu</h2>"
        body += ReportCharts.horizontalBars(
            p.goals.map { g in
                ReportCharts.Bar(
                    label: g.goal.name, percent: g.goal.measure == .holdingsShare ? g.percent : g.percentOfTarget,
                    target: g.goal.measure == .holdingsShare ? g.goal.target : 100,
                    caption: g.goal.measure == .holdingsShare
                        ? "\(vn(g.done))/\(vn(g.total ?? 0)) (\(vn(g.percent))%) — mục tiêu \(vn(g.goal.target))%"
                        : "\(vn(g.done))/\(vn(g.targetCount)) (\(vn(g.percent))%)",
                    data: [
                        ("goal", g.goal.id), ("done", "\(g.done)"), ("total", g.total.map(String.init) ?? ""),
                        ("target-count", "\(g.targetCount)"), ("percent", ReportCSV.number(g.percent)),
                    ])
            }, title: "Tiến độ từng mục tiêu (vạch đỏ: mục tiêu)", id: "chart-goals", labelsAbove: true)
        body += "<table><thead><tr><th>Mục tiêu</th><th>Hạn</th><th>Đạt</th><th>%</th><th>Còn thiếu</th>"
        body += "<th>Tốc độ 90 ngày (/tuần)</th><th>Dự báo đạt</th><th>Cần (/tuần)</th></tr></thead><tbody>"
        for g in p.goals {
            let figure = g.goal.measure == .holdingsShare ? "\(vn(g.done))/\(vn(g.total ?? 0))" : "\(vn(g.done))/\(vn(g.targetCount))"
            body += "<tr data-goal=\"\(escape(g.goal.id))\"><td>\(escape(g.goal.name))</td><td>\(escape(g.goal.deadline))</td>"
            body += "<td class=\"n\">\(figure)</td><td class=\"n\">\(vn(g.percent))</td><td class=\"n\">\(vn(g.gap))</td>"
            body += "<td class=\"n\">\(vn(g.pace90.unitsPerWeek)) tài liệu, \(vn(g.pace90.pagesPerWeek)) trang</td>"
            body += "<td>\(escape(statusText(g)))</td><td class=\"n\">\(g.neededPerWeek.map { vn($0) } ?? "—")</td></tr>"
        }
        body += "</tbody></table>"
        body += "<p class=\"note\">Một tài liệu trong sổ đăng ký được tính là <em>đã số hóa và quản lý</em> khi có ít nhất một bản số "
        body += "liên kết với nó đã lưu trữ thành công kèm siêu dữ liệu mô tả (kể cả tài liệu chỉ có ảnh, như chữ Thái cổ, Hán Nôm). "
        body += "Tốc độ và dự báo tính theo 90 ngày gần nhất.</p></section>"

        body += "<section><h2>2. Số hóa trong năm \(data.year) theo tháng</h2>"
        body += ReportCharts.months(
            data.months.map(\.items), title: "Tài liệu số lưu trữ mỗi tháng", id: "chart-month-items", attribute: "items")
        body += ReportCharts.months(
            data.months.map(\.pages), title: "Số trang lưu trữ mỗi tháng", id: "chart-month-pages", attribute: "pages")
        body +=
            "<table><thead><tr><th>Tháng</th>" + data.months.map { "<th>T\($0.month)</th>" }.joined()
            + "<th>Cả năm</th></tr></thead><tbody>"
        body += "<tr><td>Tài liệu</td>" + data.months.map { "<td class=\"n\">\(vn($0.items))</td>" }.joined()
        body += "<td class=\"n\">\(vn(data.months.map(\.items).reduce(0, +)))</td></tr>"
        body += "<tr><td>Trang</td>" + data.months.map { "<td class=\"n\">\(vn($0.pages))</td>" }.joined()
        body += "<td class=\"n\">\(vn(data.months.map(\.pages).reduce(0, +)))</td></tr></tbody></table></section>"

        body += "<section><h2>3. Theo thư viện</h2>"
        body += rowsChart(
            data.libraries, title: "Tỉ lệ tài liệu trong sổ đăng ký đã số hóa, theo thư viện", id: "chart-libraries", key: "library"
        ) { $0 }
        body += rowsTable(data.libraries, keyTitle: "Mã thư viện") { $0 }
        body += "</section><section><h2>4. Theo loại tài liệu</h2>"
        body += rowsChart(data.types, title: "Tỉ lệ đã số hóa, theo loại tài liệu", id: "chart-types", key: "type", name: typeName)
        body += rowsTable(data.types, keyTitle: "Loại tài liệu", name: typeName)
        body += "</section>"

        let ocr = p.ocr
        body += "<section class=\"pair\"><div><h2>5. Chất lượng nhận dạng chữ (OCR)</h2><table><tbody>"
        body += "<tr><td>Trang có lớp chữ</td><td class=\"n\" id=\"ocr-pages\">\(vn(ocr.recognizedPages))</td></tr>"
        body +=
            "<tr><td>Độ tin cậy trung bình</td><td class=\"n\" id=\"ocr-confidence\">\(ocr.meanConfidence.map { vn(GoalProgress.oneDecimal($0)) + "%" } ?? "—")</td></tr>"
        body +=
            "<tr><td>Trang đã được người duyệt</td><td class=\"n\" id=\"ocr-reviewed\">\(vn(ocr.reviewedPages)) (\(vn(reviewedPercent(ocr)))%)</td></tr>"
        body += "<tr><td>Trang chỉ có ảnh (không có mô hình OCR)</td><td class=\"n\">\(vn(ocr.imageOnlyPages))</td></tr>"
        body += "</tbody></table><p class=\"note\">Chưa có công cụ duyệt văn bản: số trang đã duyệt là 0.</p></div>"
        body += "<div><h2>6. Kiểm tra toàn vẹn (fixity)</h2>"
        if let audits = data.audits {
            body += "<table><tbody><tr><td>Lượt kiểm tra</td><td class=\"n\" id=\"audit-runs\">\(vn(audits.runs))</td></tr>"
            body += "<tr><td>Đối tượng đã kiểm tra</td><td class=\"n\">\(vn(audits.objectsChecked))</td></tr>"
            body += "<tr><td>Tệp đã kiểm tra</td><td class=\"n\">\(vn(audits.filesChecked))</td></tr>"
            body +=
                "<tr><td>Phát hiện sai lệch</td><td class=\"n\" id=\"audit-problems\">\(vn(audits.problemsFound))</td></tr></tbody></table>"
        } else {
            body += "<p id=\"audit-none\">Chưa ghi nhận lần kiểm tra toàn vẹn nào trong năm \(data.year) (no audit recorded). "
            body += "Chạy <code>sohoa audit</code> để kiểm tra.</p>"
        }
        body += "<h2>7. Lỗi trong năm</h2>"
        if data.failures.isEmpty {
            body += "<p id=\"failures-none\">Không có lỗi nào được ghi nhận.</p>"
        } else {
            body += "<table><thead><tr><th>Công đoạn</th><th>Số lỗi</th></tr></thead><tbody>"
            for f in data.failures {
                body += "<tr data-stage=\"\(escape(f.stage))\"><td>\(escape(f.stage))</td><td class=\"n\">\(vn(f.count))</td></tr>"
            }
            body += "</tbody></table>"
        }
        body += "</div></section>"
        if let usage = data.usage { body += usageSection(usage) }
        body +=
            "<footer>Lập bằng sohoa \(escape(SoftwareVersions.sohoaVersion)). Bảng số liệu kèm theo: goals.csv, months.csv, libraries.csv, "
        body += "types.csv, ocr.csv, audits.csv, failures.csv, usage.csv, usage-months.csv, usage-items.csv.</footer>"

        return """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"/><title>Báo cáo số hóa năm \(data.year)</title>
            <style>\(style)</style></head><body>\(body)</body></html>

            """
    }

    /// Section 8: the year's visits against the plan's reader targets, each month, each library, the
    /// most-used items.
    static func usageSection(_ u: UsageReport) -> String {
        let summed = u.libraries.map(\.figures).reduce(.zero, +)
        var html = "<section id=\"usage\"><h2>8. Bạn đọc: lượt truy cập, xem, tải trong năm \(u.year)</h2>"
        html += ReportCharts.horizontalBars(
            [
                ReportCharts.Bar(
                    label: "Lượt truy cập thư viện số", percent: u.collectionVisitsPercent, target: 100,
                    caption: "\(vn(u.total.visits))/\(vn(u.targets.collectionVisits)) (\(vn(u.collectionVisitsPercent))%)",
                    data: [("usage", "digital-collection"), ("visits", "\(u.total.visits)"), ("target", "\(u.targets.collectionVisits)")]),
                ReportCharts.Bar(
                    label: "Lượt truy cập các thư viện", percent: u.libraryVisitsPercent, target: 100,
                    caption: "\(vn(u.libraryVisits))/\(vn(u.targets.libraryVisits)) (\(vn(u.libraryVisitsPercent))%)",
                    data: [("usage", "libraries"), ("visits", "\(u.libraryVisits)"), ("target", "\(u.targets.libraryVisits)")]),
            ], title: "Lượt truy cập so với mục tiêu năm (vạch đỏ: mục tiêu)", id: "chart-usage-targets")
        html += ReportCharts.months(
            u.months.map(\.figures.visits), title: "Lượt truy cập mỗi tháng", id: "chart-usage-visits", attribute: "visits")
        html += "<table><thead><tr><th></th>" + u.months.map { "<th>T\($0.month)</th>" }.joined() + "<th>Cả năm</th></tr></thead><tbody>"
        let measures: [(String, KeyPath<UsageFigures, Int>)] = [
            ("Lượt truy cập", \.visits), ("Lượt xem tài liệu", \.itemViews), ("Lượt xem trang", \.pageViews), ("Lượt tải PDF", \.downloads),
            ("Lượt tìm kiếm", \.searches),
        ]
        for (name, path) in measures {
            html += "<tr><td>\(name)</td>" + u.months.map { "<td class=\"n\">\(vn($0.figures[keyPath: path]))</td>" }.joined()
            html += "<td class=\"n\">\(vn(u.total[keyPath: path]))</td></tr>"
        }
        html += "</tbody></table>"
        html += "<table><thead><tr><th>Thư viện</th><th>Lượt truy cập</th><th>Xem tài liệu</th><th>Xem trang</th><th>Tải PDF</th>"
        html += "<th>Tìm kiếm</th></tr></thead><tbody>"
        for row in u.libraries {
            let f = row.figures
            html +=
                "<tr data-library=\"\(escape(row.libraryCode))\"><td>\(escape(row.libraryCode))</td><td class=\"n\">\(vn(f.visits))</td>"
            html += "<td class=\"n\">\(vn(f.itemViews))</td><td class=\"n\">\(vn(f.pageViews))</td><td class=\"n\">\(vn(f.downloads))</td>"
            html += "<td class=\"n\">\(vn(f.searches))</td></tr>"
        }
        html += "<tr><td>Cộng các thư viện</td><td class=\"n\">\(vn(summed.visits))</td><td class=\"n\">\(vn(summed.itemViews))</td>"
        html +=
            "<td class=\"n\">\(vn(summed.pageViews))</td><td class=\"n\">\(vn(summed.downloads))</td><td class=\"n\">\(vn(summed.searches))</td></tr>"
        html += "</tbody></table>"
        if !u.topItems.isEmpty {
            html += "<table><thead><tr><th>Tài liệu được xem nhiều nhất</th><th>Thư viện</th><th>Xem</th><th>Trang</th><th>Tải</th>"
            html += "</tr></thead><tbody>"
            for item in u.topItems {
                html +=
                    "<tr data-item=\"\(escape(item.itemID))\"><td>\(escape(item.title ?? item.itemID))</td><td>\(escape(item.libraryCode))</td>"
                html +=
                    "<td class=\"n\">\(vn(item.itemViews))</td><td class=\"n\">\(vn(item.pageViews))</td><td class=\"n\">\(vn(item.downloads))</td></tr>"
            }
            html += "</tbody></table>"
        }
        html += "<p class=\"note\">Đếm theo quy tắc COUNTER: không tính robot (danh sách COUNTER Robots), cùng một yêu cầu lặp lại "
        html += "trong 30 giây tính một lần, mỗi trang ảnh tính một lần mỗi lượt truy cập; một lượt truy cập kết thúc sau 30 phút "
        html += "không hoạt động hoặc hết ngày. Không lưu địa chỉ IP. Lượt truy cập các thư viện: mỗi thư viện đếm các lượt xem "
        html += "tài liệu của mình (một lượt xem tài liệu của hai thư viện tính cho cả hai).</p></section>"
        return html
    }

    static let style = """
        @page { size: A4; margin: 16mm 14mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Serif", "DejaVu Serif", "Times New Roman", serif; font-size: 10.5pt; color: #111; max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
        h1 { font-size: 17pt; margin: 2mm 0 3mm; }
        h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 0.4pt solid #888; }
        .kicker, .meta, .note, footer { color: #444; font-size: 9pt; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0; page-break-inside: avoid; font-size: 9pt; }
        th, td { border: 0.4pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        section { page-break-inside: avoid; }
        .pair { display: flex; gap: 6mm; } .pair > div { flex: 1; }
        svg.chart { display: block; margin: 2mm 0; page-break-inside: avoid; font-family: "Noto Sans", "DejaVu Sans", sans-serif; }
        svg .chart-title { font-size: 13px; font-weight: bold; }
        svg .label, svg .value { font-size: 12px; fill: #111; }
        svg .track { fill: #e6e6e6; } svg .fill { fill: #2f6f9f; } svg .target { stroke: #c0392b; stroke-width: 2.5; }
        svg .axis { stroke: #666; stroke-width: 1; }
        footer { margin-top: 8mm; border-top: 0.4pt solid #888; padding-top: 2mm; }
        @media print { body { padding: 0; } }
        """

    static func rowsChart(
        _ rows: [YearlyReportData.Row], title: String, id: String, key: String, name: (String) -> String
    ) -> String {
        let withHoldings = rows.filter { $0.holdings > 0 }
        guard !withHoldings.isEmpty else { return "<p class=\"note\">Sổ đăng ký chưa có tài liệu.</p>" }
        return ReportCharts.horizontalBars(
            withHoldings.map { row in
                ReportCharts.Bar(
                    label: name(row.key), percent: row.percent, target: nil,
                    caption: "\(vn(row.digitized))/\(vn(row.holdings)) (\(vn(row.percent))%)",
                    data: [(key, row.key), ("done", "\(row.digitized)"), ("total", "\(row.holdings)")])
            }, title: title, id: id)
    }

    static func rowsTable(_ rows: [YearlyReportData.Row], keyTitle: String, name: (String) -> String) -> String {
        var html = "<table><thead><tr><th>\(escape(keyTitle))</th><th>Trong sổ đăng ký</th><th>Đã số hóa</th><th>%</th>"
        html += "<th>Tài liệu số</th><th>Trang</th></tr></thead><tbody>"
        for row in rows {
            html += "<tr><td>\(escape(name(row.key)))</td><td class=\"n\">\(vn(row.holdings))</td><td class=\"n\">\(vn(row.digitized))</td>"
            html += "<td class=\"n\">\(vn(row.percent))</td><td class=\"n\">\(vn(row.items))</td><td class=\"n\">\(vn(row.pages))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    static func typeName(_ key: String) -> String {
        if key == "unlinked" { return "Chưa liên kết sổ đăng ký" }
        return HoldingRecord.CollectionType(rawValue: key)?.vietnamese ?? key
    }

    static func statusText(_ g: GoalProgress) -> String {
        switch g.status {
        case .reached: "Đã đạt"
        case .noRegister: "Chưa có sổ đăng ký tài liệu"
        case .overdue: "Quá hạn, chưa đạt" + (g.projectedDate.map { "; theo tốc độ hiện nay đạt vào \($0)" } ?? "")
        case .stalled: "Không có tiến độ 90 ngày qua"
        case .onTrack: "\(g.projectedDate ?? "—") (kịp hạn)"
        case .behind: "\(g.projectedDate ?? "—") (sau hạn)"
        }
    }

    /// Reviewed pages ÷ recognized pages, in % (one decimal).
    static func reviewedPercent(_ ocr: OCRQuality) -> Double {
        ocr.recognizedPages > 0 ? GoalProgress.oneDecimal(Double(ocr.reviewedPages) / Double(ocr.recognizedPages) * 100) : 0
    }

    /// Vietnamese number style: `15.000`, `29,2`.
    static func vn(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [String] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ".")
    }

    static func vn(_ value: Double) -> String {
        if value == value.rounded() { return vn(Int(value)) }
        let text = ReportCSV.number(value)
        let parts = text.split(separator: ".")
        return vn(Int(parts[0]) ?? 0) + "," + (parts.count > 1 ? parts[1] : "")
    }

    static func vietnameseDate(_ date: Date) -> String {
        let day = GoalsFile.dayText(date).split(separator: "-")
        return day.count == 3 ? "\(day[2])/\(day[1])/\(day[0])" : GoalsFile.dayText(date)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
