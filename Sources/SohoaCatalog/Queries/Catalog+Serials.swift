import Foundation

extension Catalog {
    /// The issues of serial `serial` that may be shown at these access levels: packaged, not
    /// withdrawn; by issue date (undated last), then number and id.
    public func serialIssues(serial: String, access: Set<AccessLevel>) throws(CatalogError) -> [SerialIssue] {
        let levels = access.map(\.rawValue).sorted()
        guard !levels.isEmpty else { return [] }
        return try read { tx throws(CatalogError) in
            // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL (`NULLS FIRST`: SQLite's
            // order of NULLs, which PostgreSQL puts last).
            let rows = try tx.statements.fetch(
                """
                SELECT * FROM items
                WHERE serial = ? AND state = 'packaged' AND withdrawnAt IS NULL
                    AND access IN (\(levels.map { _ in "?" }.joined(separator: ",")))
                ORDER BY CASE WHEN issueDate IS NULL THEN 1 ELSE 0 END, issueDate,
                    \(tx.dialect.leadingInteger(of: "issueNumber")) NULLS FIRST, issueNumber NULLS FIRST, id
                """,
                [.text(serial)] + levels.map { .text($0) })
            var issues: [SerialIssue] = []
            for row in rows {
                issues.append(
                    SerialIssue(
                        item: try row.decode(ItemRecord.self),
                        access: try row.optionalString("access").flatMap(AccessLevel.init(rawValue:)) ?? .closed))
            }
            return issues
        }
    }
}

extension Array where Element == SerialIssue {
    /// The serial's title as its issues give it: that of the latest issue naming one, else nil.
    public var serialTitle: String? {
        last { !($0.item.serialTitle ?? "").isEmpty }?.item.serialTitle
    }
}
