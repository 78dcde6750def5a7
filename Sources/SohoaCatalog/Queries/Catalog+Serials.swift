import Foundation
import GRDB

extension Catalog {
    /// The issues of serial `serial` that may be shown at these access levels: packaged, not
    /// withdrawn; by issue date (undated last), then number and id.
    public func serialIssues(serial: String, access: Set<AccessLevel>) throws(CatalogError) -> [SerialIssue] {
        let levels = access.map(\.rawValue).sorted()
        guard !levels.isEmpty else { return [] }
        return try read { tx throws(CatalogError) in
            try tx.run {
                try Row.fetchAll(
                    tx.db,
                    sql: """
                        SELECT * FROM items
                        WHERE serial = ? AND state = 'packaged' AND withdrawnAt IS NULL
                            AND access IN (\(levels.map { _ in "?" }.joined(separator: ",")))
                        ORDER BY issueDate IS NULL, issueDate, CAST(issueNumber AS INTEGER), issueNumber, id
                        """,
                    arguments: StatementArguments([serial] + levels)
                )
                .map { row in
                    SerialIssue(
                        item: try ItemRecord(row: row), access: (row["access"] as String?).flatMap(AccessLevel.init(rawValue:)) ?? .closed)
                }
            }
        }
    }
}

extension Array where Element == SerialIssue {
    /// The serial's title as its issues give it: that of the latest issue naming one, else nil.
    public var serialTitle: String? {
        last { !($0.item.serialTitle ?? "").isEmpty }?.item.serialTitle
    }
}
