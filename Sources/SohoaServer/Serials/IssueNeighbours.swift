import Foundation
import SohoaCatalog

/// Where an issue stands in its serial, for its item page: the title page, and the previous and
/// next issues the reader may see.
struct IssueNeighbours {
    var serial: String
    var title: String
    var previous: SerialIssue?
    var next: SerialIssue?

    /// The neighbours of `item` among the issues readable with `access`; nil when it is no issue.
    static func find(for item: ItemRecord, catalog: Catalog, access: Set<AccessLevel>) throws -> IssueNeighbours? {
        guard let serial = item.serial else { return nil }
        let issues = try catalog.serialIssues(serial: serial, access: access)
        let index = issues.firstIndex { $0.item.id == item.id }
        return IssueNeighbours(
            serial: serial, title: issues.serialTitle ?? item.serialTitle ?? serial,
            previous: index.flatMap { $0 > 0 ? issues[$0 - 1] : nil },
            next: index.flatMap { $0 + 1 < issues.count ? issues[$0 + 1] : nil })
    }

    /// The links, as a navigation bar.
    func html(_ language: UILanguage) -> HTML {
        let previous: HTML =
            self.previous.map {
                "<a rel=\"prev\" href=\"\(URLPath.item($0.item.id))\">← \(language.pick("Số trước", "Previous issue")): \(SerialPage.label($0, language))</a>"
            } ?? .empty
        let next: HTML =
            self.next.map {
                "<a rel=\"next\" href=\"\(URLPath.item($0.item.id))\">\(language.pick("Số sau", "Next issue")): \(SerialPage.label($0, language)) →</a>"
            } ?? .empty
        return """
            <nav class="serial-issues" aria-label="\(language.pick("Các số báo", "Issues"))">\
            <a href="/serials/\(URLPath.component(serial))">\(title)</a> \(previous) \(next)</nav>
            """
    }
}
