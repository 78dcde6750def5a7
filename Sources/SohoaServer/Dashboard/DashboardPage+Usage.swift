import Foundation
import SohoaCatalog
import SohoaCollection

extension DashboardPage {
    /// Readers this year: visits against the plan's targets (the province's, for users who see every
    /// library), month charts of visits, item views and downloads, and the most-used items.
    static func usageSection(_ u: UsageReport, library: LibraryRecord?, language: UILanguage) -> HTML {
        func n(_ value: Int) -> String { DashboardNumbers.text(value, language) }
        func percent(_ value: Double) -> String { DashboardNumbers.text(value, language) }
        var facts: [(key: String, label: String, value: String)] = []
        if library == nil {
            facts.append(
                (
                    "collection-visits", language.pick("Lượt truy cập thư viện số", "Visits to the digital collection"),
                    "\(n(u.total.visits)) / \(n(u.targets.collectionVisits)) (\(percent(u.collectionVisitsPercent))%)"
                ))
            facts.append(
                (
                    "library-visits", language.pick("Lượt truy cập các thư viện", "Visits across the libraries"),
                    "\(n(u.libraryVisits)) / \(n(u.targets.libraryVisits)) (\(percent(u.libraryVisitsPercent))%)"
                ))
        } else {
            facts.append(("visits", language.pick("Lượt truy cập", "Visits"), n(u.total.visits)))
        }
        facts += [
            ("item-views", language.pick("Lượt xem tài liệu", "Item views"), n(u.total.itemViews)),
            ("page-views", language.pick("Lượt xem trang", "Page views"), n(u.total.pageViews)),
            ("downloads", language.pick("Lượt tải PDF", "PDF downloads"), n(u.total.downloads)),
            ("searches", language.pick("Lượt tìm kiếm", "Searches"), n(u.total.searches)),
        ]
        let list = facts.map { "<dt>\($0.label)</dt><dd data-usage=\"\($0.key)\">\($0.value)</dd>" as HTML }
        var bars = HTML.empty
        if library == nil {
            bars = DashboardCharts.bars(
                [
                    DashboardCharts.Bar(
                        label: language.pick("Thư viện số", "Digital collection"), percent: u.collectionVisitsPercent, target: 100,
                        caption: "\(n(u.total.visits)) / \(n(u.targets.collectionVisits))", key: "collection-visits",
                        value: "\(u.total.visits)"),
                    DashboardCharts.Bar(
                        label: language.pick("Các thư viện", "The libraries"), percent: u.libraryVisitsPercent, target: 100,
                        caption: "\(n(u.libraryVisits)) / \(n(u.targets.libraryVisits))", key: "library-visits",
                        value: "\(u.libraryVisits)"),
                ], title: language.pick("Lượt truy cập so với mục tiêu năm (vạch đỏ)", "Visits against the year's targets (red line)"),
                id: "usage-targets")
        }
        let charts: [HTML] = [
            DashboardCharts.months(
                u.months.map(\.figures.visits), title: language.pick("Lượt truy cập mỗi tháng", "Visits per month"), id: "usage-visits",
                language: language),
            DashboardCharts.months(
                u.months.map(\.figures.itemViews), title: language.pick("Lượt xem tài liệu mỗi tháng", "Item views per month"),
                id: "usage-views", language: language),
            DashboardCharts.months(
                u.months.map(\.figures.downloads), title: language.pick("Lượt tải PDF mỗi tháng", "PDF downloads per month"),
                id: "usage-downloads", language: language),
        ]
        let rows = u.topItems.map { item -> HTML in
            """
            <tr data-item="\(item.itemID)"><td><a href="/items/\(URLPath.component(item.itemID))">\(item.title ?? item.itemID)</a></td>\
            <td>\(item.libraryCode)</td><td class="num">\(n(item.itemViews))</td><td class="num">\(n(item.pageViews))</td>\
            <td class="num">\(n(item.downloads))</td></tr>
            """
        }
        let top = table(
            id: "usage-items", title: language.pick("Tài liệu được xem nhiều nhất", "Most-used items"),
            headers: [
                language.pick("Tài liệu", "Item"), language.pick("Thư viện", "Library"), language.pick("Xem", "Views"),
                language.pick("Trang", "Pages"), language.pick("Tải", "Downloads"),
            ], rows: rows, empty: language.pick("Chưa có lượt xem nào trong năm.", "No views this year yet."))
        let note = language.pick(
            "Đếm theo quy tắc COUNTER: không tính robot; cùng một yêu cầu trong 30 giây tính một lần; không lưu địa chỉ IP.",
            "Counted by the COUNTER rules: robots left out; the same request within 30 s counted once; no IP address stored.")
        let heading = language.pick("Bạn đọc năm", "Readers in") + " \(u.year)" + (library.map { " — \($0.code)" } ?? "")
        return """
            <section id="usage"><h2>\(heading)</h2><p class="muted">\(note)</p>\
            <dl class="figures">\(list)</dl>\(bars)\(charts)</section>\(top)
            """
    }
}
