import Foundation
import GRDB

extension Catalog {
    /// Runs several progress queries on one read-only snapshot, so that they agree with each other.
    public func progressSnapshot<T>(_ body: (CatalogTransaction) throws(CatalogError) -> T) throws(CatalogError) -> T {
        try read(body)
    }
}

extension CatalogTransaction {
    /// The grouped counts every progress figure is summed from, as of `asOf` (two queries).
    public func progressTally(asOf: Date) throws(CatalogError) -> ProgressTally {
        let window = StatementArguments(named: ProgressQueries.windowArguments(asOf: asOf))
        let windowColumns = """
            COALESCE(SUM(d.at > :since30), 0) AS done30, COALESCE(SUM(CASE WHEN d.at > :since30 THEN d.pages END), 0) AS pages30,
            COALESCE(SUM(d.at > :since90), 0) AS done90, COALESCE(SUM(CASE WHEN d.at > :since90 THEN d.pages END), 0) AS pages90
            """
        // Holdings in the register per group (an index scan), then the digitized ones per group and
        // year (one look-up per digitized holding): summing both gives every figure.
        let registerSQL = """
            SELECT libraryCode, specialValue, collectionType, COUNT(*) AS total FROM holdings GROUP BY 1, 2, 3
            """
        let digitizedSQL = """
            WITH \(ProgressQueries.managedItems), \(ProgressQueries.digitizedHoldings)
            SELECT h.libraryCode, h.specialValue, h.collectionType, strftime('%Y', d.at) AS year,
                0 AS total, COUNT(*) AS done, COALESCE(SUM(d.pages), 0) AS pages, \(windowColumns)
            FROM digitized d JOIN holdings h ON h.id = d.holdingID
            GROUP BY 1, 2, 3, 4
            """
        let itemsSQL = """
            WITH \(ProgressQueries.managedItems),
            d AS (
                SELECT m.libraryCode, COALESCE(h.collectionType, 'unlinked') AS collectionType, m.archivedAt AS at, m.pageCount AS pages
                FROM asOf m LEFT JOIN holdings h ON h.id = m.holdingID
            )
            SELECT d.libraryCode, d.collectionType, strftime('%Y', d.at) AS year,
                COUNT(*) AS total, COUNT(*) AS done, COALESCE(SUM(d.pages), 0) AS pages, \(windowColumns)
            FROM d GROUP BY 1, 2, 3
            """
        func counts(_ row: Row) -> ProgressTally.Counts {
            ProgressTally.Counts(
                total: row["total"], done: row["done"], pages: row["pages"], done30: row["done30"], pages30: row["pages30"],
                done90: row["done90"], pages90: row["pages90"])
        }
        return try run {
            let register = try Row.fetchAll(db, sql: registerSQL).map { row in
                ProgressTally.HoldingGroup(
                    libraryCode: row["libraryCode"], specialValue: row["specialValue"], collectionType: row["collectionType"], year: nil,
                    counts: ProgressTally.Counts(total: row["total"]))
            }
            let digitized = try Row.fetchAll(db, sql: digitizedSQL, arguments: window).map { row in
                ProgressTally.HoldingGroup(
                    libraryCode: row["libraryCode"], specialValue: row["specialValue"], collectionType: row["collectionType"],
                    year: row["year"], counts: counts(row))
            }
            let holdings = register + digitized
            let items = try Row.fetchAll(db, sql: itemsSQL, arguments: window).map { row in
                ProgressTally.ItemGroup(
                    libraryCode: row["libraryCode"], collectionType: row["collectionType"], year: row["year"] ?? "", counts: counts(row))
            }
            return ProgressTally(holdings: holdings, items: items)
        }
    }

    /// Holdings in `scope`, and how many are digitized and managed as of `asOf`, with the pace windows.
    public func holdingsProgress(scope: ProgressScope, asOf: Date) throws(CatalogError) -> ProgressFigures {
        try progressTally(asOf: asOf).holdingsFigures(scope: scope)
    }

    /// Items archived with descriptive metadata in `scope`'s libraries as of `asOf` (the "digital documents" count).
    public func itemsProgress(scope: ProgressScope, asOf: Date) throws(CatalogError) -> ProgressFigures {
        try progressTally(asOf: asOf).itemsFigures(scope: scope)
    }

    /// The holdings figure of `scope` broken down by library, collection type or year digitized.
    public func holdingsProgress(scope: ProgressScope, asOf: Date, by breakdown: ProgressBreakdown) throws(CatalogError) -> [ProgressRow] {
        try progressTally(asOf: asOf).holdingsRows(scope: scope, by: breakdown)
    }

    /// The items figure of `scope` broken down by library, collection type of the linked holding
    /// (`unlinked` when none) or year archived.
    public func itemsProgress(scope: ProgressScope, asOf: Date, by breakdown: ProgressBreakdown) throws(CatalogError) -> [ProgressRow] {
        try progressTally(asOf: asOf).itemsRows(scope: scope, by: breakdown)
    }

    /// Managed items and their pages first archived in each month of `year` (12 entries), in `scope`'s libraries.
    public func monthlyArchived(year: Int, scope: ProgressScope = ProgressScope()) throws(CatalogError) -> [MonthlyCount] {
        let (conditions, arguments) = ProgressQueries.itemConditions(scope)
        let sql = """
            WITH \(ProgressQueries.managedItems)
            SELECT CAST(strftime('%m', m.archivedAt) AS INTEGER) AS month, COUNT(*) AS items, COALESCE(SUM(m.pageCount), 0) AS pages
            FROM asOf m WHERE strftime('%Y', m.archivedAt) = :year AND \(conditions)
            GROUP BY 1
            """
        var named = arguments
        named["asOf"] = Date.distantFuture
        named["year"] = String(format: "%04d", year)
        let rows = try run { try Row.fetchAll(db, sql: sql, arguments: StatementArguments(named: named)) }
        var months = (1...12).map { MonthlyCount(month: $0, items: 0, pages: 0) }
        for row in rows {
            let month: Int = row["month"]
            if (1...12).contains(month) { months[month - 1] = MonthlyCount(month: month, items: row["items"], pages: row["pages"]) }
        }
        return months
    }

    /// OCR quality over the pages of items archived with descriptive metadata as of `asOf`.
    public func ocrQuality(asOf: Date) throws(CatalogError) -> OCRQuality {
        let sql = """
            WITH \(ProgressQueries.managedItems)
            SELECT COUNT(p.meanConfidence) AS recognized, AVG(p.meanConfidence) AS mean,
                COALESCE(SUM(p.meanConfidence IS NULL AND p.state = 'done'), 0) AS imageOnly
            FROM pages p JOIN asOf m ON m.id = p.itemID
            """
        return try run {
            let row = try Row.fetchOne(db, sql: sql, arguments: ["asOf": asOf])
            return OCRQuality(
                recognizedPages: row?["recognized"] ?? 0, meanConfidence: row?["mean"], reviewedPages: 0,
                imageOnlyPages: row?["imageOnly"] ?? 0)
        }
    }

    /// Failures recorded between `from` (inclusive) and `to` (exclusive), per stage.
    public func failureCounts(from: Date, to: Date) throws(CatalogError) -> [FailureCount] {
        try run {
            try Row.fetchAll(
                db, sql: "SELECT stage, COUNT(*) AS n FROM failures WHERE at >= ? AND at < ? GROUP BY stage ORDER BY stage",
                arguments: [from, to]
            ).map { FailureCount(stage: $0["stage"], count: $0["n"]) }
        }
    }
}
