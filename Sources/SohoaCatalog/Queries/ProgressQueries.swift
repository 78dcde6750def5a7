import Foundation
import GRDB

/// The SQL behind every progress figure. `sohoa progress` and `sohoa report` both go through it,
/// so their numbers cannot disagree.
///
/// An item is *managed* when it is archived (`state = 'packaged'`) with descriptive metadata: a
/// metadata record, and either a holding link or a title given by staff (not made from the folder
/// name). Image-only items count. Its *archived date* is when its first version was written:
/// `packagedAt` while it is at `v1`; for a later version (a correction) its first `packaged` event,
/// so that a correction does not count the item again (`packagedAt` when it has no event).
/// A holding is *digitized and managed* when at least one managed item links to it; its date is
/// the earliest such item's.
enum ProgressQueries {
    static let managedItems = """
        managed AS (
            SELECT i.id, i.libraryCode, i.holdingID, i.pageCount,
                CASE WHEN i.ocflVersion = 'v1' THEN i.packagedAt
                    ELSE COALESCE(
                        (SELECT MIN(e.at) FROM events e WHERE e.type = 'packaged' AND e.itemID = i.id),
                        i.packagedAt)
                END AS archivedAt
            FROM items i
            WHERE i.state = 'packaged' AND i.metadataJSON IS NOT NULL
                AND (i.holdingID IS NOT NULL OR COALESCE(json_extract(i.metadataJSON, '$.titleFromFolderName'), 0) = 0)
        ),
        asOf AS (SELECT * FROM managed WHERE archivedAt <= :asOf)
        """

    static let digitizedHoldings = """
        digitized AS (
            SELECT holdingID, MIN(archivedAt) AS at, SUM(pageCount) AS pages FROM asOf
            WHERE holdingID IS NOT NULL GROUP BY holdingID
        )
        """

    /// `WHERE` conditions on `m` (managed items) for a scope's libraries.
    static func itemConditions(_ scope: ProgressScope) -> (sql: String, arguments: [String: any DatabaseValueConvertible]) {
        guard !scope.libraryCodes.isEmpty else { return ("1", [:]) }
        let names = scope.libraryCodes.indices.map { ":lib\($0)" }
        var arguments: [String: any DatabaseValueConvertible] = [:]
        for (index, code) in scope.libraryCodes.enumerated() { arguments["lib\(index)"] = code }
        return ("m.libraryCode IN (\(names.joined(separator: ", ")))", arguments)
    }

    static func windowArguments(asOf: Date) -> [String: any DatabaseValueConvertible] {
        ["asOf": asOf, "since30": asOf.addingTimeInterval(-30 * 86_400), "since90": asOf.addingTimeInterval(-90 * 86_400)]
    }
}

extension StatementArguments {
    init(named: [String: any DatabaseValueConvertible]) {
        self.init(named.mapValues { $0 as (any DatabaseValueConvertible)? })
    }
}
