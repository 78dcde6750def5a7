import Foundation
import SohoaCatalog
import SohoaCollection

/// The review queue: filters, the three sections with their counts, and one page of the chosen
/// section's list (lowest OCR confidence first).
struct ReviewQueueView {
    var query: ReviewQueueQuery
    var counts: ReviewQueueCounts
    var entries: [ReviewQueueEntry]
    var libraries: [String]
    /// A line above the list (e.g. after the last page was approved).
    var notice: String?
    /// Suspect pages shown above the list of pages to read (issue 11); empty in other sections.
    var suspects: [ReviewQueueEntry] = []

    /// How many suspect pages the first page of the queue shows above the list.
    static let suspectsShown = 10

    func render(context: AppRequestContext) -> HTML {
        let language = context.language
        let body: HTML = """
            \(notice.map { text -> HTML in "<p class=\"notice\" role=\"status\">\(text)</p>" } ?? HTML.empty)
            \(filterForm(language))
            \(suspectList(language))
            \(tabs(language))
            \(list(language))
            \(pager(language))
            """
        return PageLayout.page(
            title: language.pick("Duyệt OCR", "OCR review"), context: context, body: body, styles: ["/static/review.css"])
    }

    static func name(of section: ReviewQueueSection, _ language: UILanguage) -> String {
        switch section {
        case .suspect: language.pick("Trang đáng ngờ", "Suspect pages")
        case .text: language.pick("Cần đọc duyệt", "To read")
        case .blank: language.pick("Trang trắng", "Blank pages")
        case .failed: language.pick("Trang lỗi", "Failed pages")
        }
    }

    private func filterForm(_ language: UILanguage) -> HTML {
        let options = libraries.map { code -> HTML in
            "<option value=\"\(code)\"\(code == query.filter.library ? " selected" : "")>\(code)</option>"
        }
        let section: HTML =
            query.section == .text ? .empty : "<input type=\"hidden\" name=\"section\" value=\"\(query.section.rawValue)\">"
        return """
            <form method="get" action="/review" class="filters">
            \(section)
            <label>\(language.pick("Thư viện", "Library")) <select name="library"><option value="">\(language.pick("tất cả", "all"))</option>\(options)</select></label>
            <label>\(language.pick("Tài liệu", "Item")) <input type="text" name="item" value="\(query.filter.itemID ?? "")" size="16"></label>
            <label>\(language.pick("Lô", "Batch")) <input type="text" name="batch" value="\(query.filter.batchID.map { String($0) } ?? "")" size="5" inputmode="numeric"></label>
            <button type="submit">\(language.pick("Lọc", "Filter"))</button>
            </form>
            """
    }

    private func tabs(_ language: UILanguage) -> HTML {
        let links = ReviewQueueSection.allCases.map { section -> HTML in
            let label = "\(Self.name(of: section, language)) (\(counts[section]))"
            return section == query.section
                ? "<strong class=\"current\" aria-current=\"page\">\(label)</strong>"
                : "<a href=\"\(query.queueURL(section: section, page: 1))\">\(label)</a>"
        }
        return "<nav class=\"queue-tabs\">\(HTML.join(links, separator: " · "))</nav>"
    }

    private func list(_ language: UILanguage) -> HTML {
        guard !entries.isEmpty else {
            return "<p class=\"muted\">\(language.pick("Không có trang nào chờ duyệt ở đây.", "No pages wait for review here."))</p>"
        }
        let rows = entries.map { entry -> HTML in
            let confidence = entry.meanConfidence.map { String(format: "%.1f%%", $0) } ?? "—"
            let detail: HTML =
                (entry.error ?? entry.suspectReason.map(language.suspectReason)).map { why -> HTML in
                    "<br><span class=\"muted\">\(why)</span>"
                } ?? .empty
            return """
                <tr><td><a href="\(query.pageURL(entry.pageID))">\(entry.itemTitle ?? entry.itemID)</a>\(detail)</td>\
                <td>\(entry.sequence) · \(entry.pageName)</td><td class="num">\(confidence)</td>\
                <td class="num">\(entry.wordCount.map { String($0) } ?? "—")</td><td>\(entry.libraryCode)</td>\
                <td>\(entry.batchID.map { String($0) } ?? "—")</td></tr>
                """
        }
        return """
            <table class="queue">
            <thead><tr><th>\(language.pick("Tài liệu", "Item"))</th><th>\(language.pick("Trang", "Page"))</th>\
            <th class="num">\(language.pick("Độ tin cậy", "Confidence"))</th><th class="num">\(language.pick("Số từ", "Words"))</th>\
            <th>\(language.pick("Thư viện", "Library"))</th><th>\(language.pick("Lô", "Batch"))</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    /// The suspect pages, first: pages whose recognized text looks wrong, each with the reason.
    private func suspectList(_ language: UILanguage) -> HTML {
        guard !suspects.isEmpty else { return .empty }
        let items = suspects.map { entry -> HTML in
            """
            <li><a href="\(query.pageURL(entry.pageID))">\(entry.itemTitle ?? entry.itemID) · \(entry.sequence) · \(entry.pageName)</a> \
            <span class="muted">\(entry.suspectReason.map(language.suspectReason) ?? "")</span></li>
            """
        }
        let all: HTML =
            counts.suspect > suspects.count
            ? "<p><a href=\"\(query.queueURL(section: .suspect, page: 1))\">\(language.pick("Xem tất cả", "See all")) (\(counts.suspect))</a></p>"
            : .empty
        let title = language.pick("Trang đáng ngờ: xem trước tiên", "Suspect pages: look at these first")
        let explanation = language.pick(
            "Văn bản nhận dạng của các trang này có vẻ sai (độ tin cậy thấp hoặc ít âm tiết tiếng Việt): trang có thể bị xoay, là ảnh, hoặc cần quét lại.",
            "The recognized text of these pages looks wrong (low confidence or few Vietnamese syllables): the page may be turned, a photograph, or need a new scan."
        )
        return """
            <section class="suspects" aria-labelledby="suspects-title">
            <h2 id="suspects-title">\(title) (\(counts.suspect))</h2>
            <p class="muted">\(explanation)</p>
            <ul>\(items)</ul>
            \(all)
            </section>
            """
    }

    private func pager(_ language: UILanguage) -> HTML {
        let total = counts[query.section]
        let pages = max(1, (total + ReviewQueueQuery.pageSize - 1) / ReviewQueueQuery.pageSize)
        guard pages > 1 else { return .empty }
        var parts: [HTML] = []
        if query.page > 1 {
            parts.append("<a rel=\"prev\" href=\"\(query.queueURL(page: query.page - 1))\">← \(language.pick("Trước", "Previous"))</a>")
        }
        parts.append("<span>\(language.pick("Trang", "Page")) \(query.page) / \(pages)</span>")
        if query.page < pages {
            parts.append("<a rel=\"next\" href=\"\(query.queueURL(page: query.page + 1))\">\(language.pick("Sau", "Next")) →</a>")
        }
        return "<p class=\"pager\">\(parts)</p>"
    }
}
