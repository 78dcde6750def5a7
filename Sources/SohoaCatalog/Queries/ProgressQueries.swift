import Foundation

/// The SQL behind every progress figure. `sohoa progress` and `sohoa report` both go through it,
/// so their numbers cannot disagree. Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
///
/// An item is *managed* when it is archived (`state = 'packaged'`) with descriptive metadata: a
/// metadata record, and either a holding link or a title given by staff (not made from the folder
/// name). Image-only items count. Its *archived date* is when its first version was written:
/// `packagedAt` while it is at `v1`; for a later version (a correction) its first `packaged` event,
/// so that a correction does not count the item again (`packagedAt` when it has no event).
/// A holding is *digitized and managed* when at least one managed item links to it; its date is
/// the earliest such item's.
enum ProgressQueries {
    /// The `managed` and `asOf` common table expressions; binds one argument, the `asOf` date.
    static func managedItems(_ dialect: CatalogDialect) -> String {
        """
        managed AS (
            SELECT i.id, i.libraryCode, i.holdingID, i.pageCount,
                CASE WHEN i.ocflVersion = 'v1' THEN i.packagedAt
                    ELSE COALESCE(
                        (SELECT MIN(e.at) FROM events e WHERE e.type = 'packaged' AND e.itemID = i.id),
                        i.packagedAt)
                END AS archivedAt
            FROM items i
            WHERE i.state = 'packaged' AND i.metadataJSON IS NOT NULL
                AND (i.holdingID IS NOT NULL OR \(dialect.jsonFlagIsNotSet("i.metadataJSON", key: "titleFromFolderName")))
        ),
        asOf AS (SELECT * FROM managed WHERE archivedAt <= ?)
        """
    }

    static let digitizedHoldings = """
        digitized AS (
            SELECT holdingID, MIN(archivedAt) AS at, SUM(pageCount) AS pages FROM asOf
            WHERE holdingID IS NOT NULL GROUP BY holdingID
        )
        """

    /// `WHERE` conditions on `m` (managed items) for a scope's libraries, and their arguments.
    static func itemConditions(_ scope: ProgressScope) -> (sql: String, arguments: [CatalogValue]) {
        guard !scope.libraryCodes.isEmpty else { return ("1 = 1", []) }
        let marks = Array(repeating: "?", count: scope.libraryCodes.count).joined(separator: ", ")
        return ("m.libraryCode IN (\(marks))", scope.libraryCodes.map { .text($0) })
    }

    /// The pace windows' columns over `d.at` and `d.pages`; bind `windowArguments` after the `asOf` date.
    static let windowColumns = """
        COALESCE(SUM(CASE WHEN d.at > ? THEN 1 ELSE 0 END), 0) AS done30,
        COALESCE(SUM(CASE WHEN d.at > ? THEN d.pages END), 0) AS pages30,
        COALESCE(SUM(CASE WHEN d.at > ? THEN 1 ELSE 0 END), 0) AS done90,
        COALESCE(SUM(CASE WHEN d.at > ? THEN d.pages END), 0) AS pages90
        """

    /// The arguments of a statement with `managedItems` then `windowColumns`: `asOf`, then the
    /// starts of the 30- and 90-day windows, each twice.
    static func windowArguments(asOf: Date) -> [CatalogValue] {
        let since30 = CatalogValue.date(asOf.addingTimeInterval(-30 * 86_400))
        let since90 = CatalogValue.date(asOf.addingTimeInterval(-90 * 86_400))
        return [.date(asOf), since30, since30, since90, since90]
    }
}
