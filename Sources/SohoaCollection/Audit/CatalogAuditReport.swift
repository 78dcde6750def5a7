import Foundation

/// The result of `sohoa audit --catalog`: what was compared and every disagreement found.
public struct CatalogAuditReport: Sendable, Equatable, Codable {
    /// Items in the catalog.
    public var itemsChecked: Int
    /// Objects in the storage root.
    public var objectsChecked: Int
    /// Pages of packaged items compared with their objects.
    public var pagesChecked: Int
    /// Everything found, by item.
    public var findings: [CatalogFinding]

    /// A report.
    public init(itemsChecked: Int, objectsChecked: Int, pagesChecked: Int, findings: [CatalogFinding]) {
        self.itemsChecked = itemsChecked
        self.objectsChecked = objectsChecked
        self.pagesChecked = pagesChecked
        self.findings = findings
    }

    /// True when catalog and archive agree.
    public var isClean: Bool { findings.isEmpty }

    /// The report as people read it: findings by item, then a summary line saying what to do.
    public var text: String {
        var lines: [String] = []
        for finding in findings {
            let subject = [finding.itemID ?? finding.objectID, finding.page].compactMap { $0 }.joined(separator: "/")
            lines.append("✗ \(finding.kind.rawValue) \(subject): \(finding.detail)")
        }
        let summary = Messages.text(
            "kiểm tra danh mục: \(itemsChecked) tài liệu, \(objectsChecked) đối tượng, \(pagesChecked) trang, \(findings.count) chỗ không khớp",
            "catalog audit: \(itemsChecked) items, \(objectsChecked) objects, \(pagesChecked) pages, \(findings.count) findings")
        lines.append(
            summary
                + (findings.isEmpty
                    ? Messages.text(" — danh mục và kho khớp nhau", " — the catalog and the archive agree")
                    : Messages.text(
                        " — chạy lại lô tương ứng để ghi lại danh mục; nếu vẫn còn, hãy báo người quản trị",
                        " — run the batch concerned again to bring the catalog up to date; if findings remain, tell the administrator")))
        return lines.joined(separator: "\n")
    }
}
