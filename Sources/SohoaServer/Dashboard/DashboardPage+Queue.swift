import SohoaCatalog

extension DashboardPage {
    /// The work queue of distributed runs (`sohoa serve --queue`): pages waiting, being worked on,
    /// done and failed, and each worker machine's pages and pages per minute; or why it could not be
    /// read. The pages that failed are also in the failures section (the planner records them).
    static func queueSection(_ queue: DashboardQueue, language: UILanguage) -> HTML {
        let title = language.pick("Hàng đợi OCR phân tán", "Distributed OCR queue")
        switch queue {
        case .unreadable(let address, let reason):
            return """
                <section id="work-queue"><h2>\(title)</h2><p class="error">\
                \(language.pick("Không đọc được hàng đợi", "The queue cannot be read")) \(address): \(reason)</p></section>
                """
        case .figures(let address, let counts, let workers):
            func n(_ value: Int) -> String { DashboardNumbers.text(value, language) }
            let facts: [(key: String, label: String, value: Int)] = [
                ("queued", language.pick("Trang chờ", "Pages waiting"), counts.queued),
                ("claimed", language.pick("Đang làm", "Being worked on"), counts.claimed),
                ("done", language.pick("Xong", "Done"), counts.done),
                ("failed", language.pick("Lỗi", "Failed"), counts.failed),
            ]
            let list = facts.map { "<dt>\($0.label)</dt><dd data-queue=\"\($0.key)\">\(n($0.value))</dd>" as HTML }
            let rows = workers.map { worker -> HTML in
                """
                <tr data-worker="\(worker.worker)"><td>\(worker.worker)</td><td class="num">\(n(worker.done))</td>\
                <td class="num">\(n(worker.claimed))</td><td class="num">\(n(worker.failed))</td>\
                <td class="num">\(worker.pagesPerMinute.map { DashboardNumbers.text(($0 * 10).rounded() / 10, language) } ?? "—")</td></tr>
                """
            }
            let table =
                rows.isEmpty
                ? "<p class=\"muted\">\(language.pick("Chưa có máy nào nhận trang.", "No worker has taken a page yet."))</p>" as HTML
                : """
                <table><thead><tr><th>\(language.pick("Máy (tiến trình)", "Worker (process)"))</th>\
                <th>\(language.pick("Trang xong", "Pages done"))</th><th>\(language.pick("Đang làm", "In hand"))</th>\
                <th>\(language.pick("Lỗi", "Failed"))</th><th>\(language.pick("Trang/phút", "Pages/min"))</th></tr></thead>\
                <tbody>\(rows)</tbody></table>
                """
            return """
                <section id="work-queue"><h2>\(title)</h2><p class="muted">\(address)</p>\
                <dl class="figures">\(list)</dl>\(table)</section>
                """
        }
    }
}
