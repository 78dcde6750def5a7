import Foundation
import SohoaCatalog
import SohoaCollection

/// The HTML of a serial's title page: its issues grouped by year (latest year first, each year's
/// issues in date order), with links to the issues and to the title's IIIF collection.
enum SerialPage {
    static func html(serial: String, title: String, issues: [SerialIssue], context: AppRequestContext) -> HTML {
        let language = context.language
        let years = Dictionary(grouping: issues) { SerialValues.year(of: $0.item.issueDate) ?? "" }
        let order = years.keys.sorted { $0.isEmpty != $1.isEmpty ? !$0.isEmpty : $0 > $1 }
        let sections = order.map { year -> HTML in
            let heading = year.isEmpty ? language.pick("Không rõ năm", "Year unknown") : language.pick("Năm \(year)", "Year \(year)")
            let rows = (years[year] ?? []).map { issue -> HTML in
                let restricted: HTML =
                    issue.access == .restricted
                    ? " <span class=\"muted\">(\(language.pick("hạn chế", "restricted")))</span>" : .empty
                return """
                    <li><a href="\(URLPath.item(issue.item.id))">\(label(issue, language))</a>\(restricted)</li>
                    """
            }
            return "<section class=\"serial-year\"><h2>\(heading)</h2><ol>\(rows)</ol></section>"
        }
        let count = language.pick("\(issues.count) số", "\(issues.count) issues")
        return """
            <p class="muted">\(language.pick("Báo, tạp chí", "Serial")) · \(count) · \
            <a href="/iiif/collection/\(URLPath.component(serial))">IIIF</a></p>
            \(sections)
            """
    }

    /// An issue's name in lists and links: volume, number and date (or its title).
    static func label(_ issue: SerialIssue, _ language: UILanguage) -> String {
        issue.label(number: language.pick("Số", "No."), volume: language.pick("Tập", "Vol."))
    }
}
