/// The review queue's parts: pages with text to read, blank pages and failed pages are kept apart.
public enum ReviewQueueSection: String, Codable, Sendable, CaseIterable {
    /// Pages whose recognized text looks wrong (issue 11): listed first, lowest confidence first.
    case suspect
    /// Pages with recognized text, lowest mean OCR confidence first.
    case text
    /// Pages the pipeline found blank: confirm them, or send them back.
    case blank
    /// Pages a pipeline stage failed on: usually sent back for rescanning.
    case failed

    /// The SQL condition on `pages` that selects the section's pages, in `dialect` (`isBlank` is 0/1 on
    /// SQLite, a `boolean` on PostgreSQL).
    func condition(_ dialect: CatalogDialect) -> String {
        let no = dialect.falseValue
        let yes = dialect.trueValue
        return switch self {
        case .suspect: "pages.state = 'done' AND pages.isBlank = \(no) AND pages.suspectReason IS NOT NULL"
        case .text:
            "pages.state = 'done' AND pages.isBlank = \(no) AND pages.meanConfidence IS NOT NULL AND pages.suspectReason IS NULL"
        case .blank: "pages.state <> 'failed' AND pages.isBlank = \(yes)"
        case .failed: "pages.state = 'failed'"
        }
    }
}
