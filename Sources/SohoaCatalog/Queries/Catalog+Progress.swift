import Foundation

extension Catalog {
    /// Runs several progress queries on one read-only snapshot, so that they agree with each other.
    public func progressSnapshot<T>(_ body: (CatalogTransaction) throws(CatalogError) -> T) throws(CatalogError) -> T {
        try read(body)
    }
}

// Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
extension CatalogTransaction {
    /// The grouped counts every progress figure is summed from, as of `asOf` (three queries).
    public func progressTally(asOf: Date) throws(CatalogError) -> ProgressTally {
        let dialect = statements.dialect
        let window = ProgressQueries.windowArguments(asOf: asOf)
        // Holdings in the register per group (an index scan), then the digitized ones per group and
        // year (one look-up per digitized holding): summing both gives every figure.
        let registerSQL = """
            SELECT libraryCode, specialValue, collectionType, COUNT(*) AS total FROM holdings GROUP BY 1, 2, 3
            """
        let digitizedSQL = """
            WITH \(ProgressQueries.managedItems(dialect)), \(ProgressQueries.digitizedHoldings)
            SELECT h.libraryCode, h.specialValue, h.collectionType, \(dialect.year(of: "d.at")) AS year,
                0 AS total, COUNT(*) AS done, COALESCE(SUM(d.pages), 0) AS pages, \(ProgressQueries.windowColumns)
            FROM digitized d JOIN holdings h ON h.id = d.holdingID
            GROUP BY 1, 2, 3, 4
            """
        let itemsSQL = """
            WITH \(ProgressQueries.managedItems(dialect)),
            d AS (
                SELECT m.libraryCode, COALESCE(h.collectionType, 'unlinked') AS collectionType, m.archivedAt AS at, m.pageCount AS pages
                FROM asOf m LEFT JOIN holdings h ON h.id = m.holdingID
            )
            SELECT d.libraryCode, d.collectionType, \(dialect.year(of: "d.at")) AS year,
                COUNT(*) AS total, COUNT(*) AS done, COALESCE(SUM(d.pages), 0) AS pages, \(ProgressQueries.windowColumns)
            FROM d GROUP BY 1, 2, 3
            """
        func counts(_ row: CatalogRow) throws(CatalogError) -> ProgressTally.Counts {
            ProgressTally.Counts(
                total: try row.int("total"), done: try row.int("done"), pages: try row.int("pages"), done30: try row.int("done30"),
                pages30: try row.int("pages30"), done90: try row.int("done90"), pages90: try row.int("pages90"))
        }
        var holdings: [ProgressTally.HoldingGroup] = []
        for row in try statements.fetch(registerSQL, []) {
            holdings.append(
                ProgressTally.HoldingGroup(
                    libraryCode: try row.string("libraryCode"), specialValue: try row.bool("specialValue"),
                    collectionType: try row.string("collectionType"), year: nil, counts: ProgressTally.Counts(total: try row.int("total"))))
        }
        for row in try statements.fetch(digitizedSQL, window) {
            holdings.append(
                ProgressTally.HoldingGroup(
                    libraryCode: try row.string("libraryCode"), specialValue: try row.bool("specialValue"),
                    collectionType: try row.string("collectionType"), year: try row.optionalString("year"), counts: try counts(row)))
        }
        var items: [ProgressTally.ItemGroup] = []
        for row in try statements.fetch(itemsSQL, window) {
            items.append(
                ProgressTally.ItemGroup(
                    libraryCode: try row.string("libraryCode"), collectionType: try row.string("collectionType"),
                    year: try row.optionalString("year") ?? "", counts: try counts(row)))
        }
        return ProgressTally(holdings: holdings, items: items)
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
        let dialect = statements.dialect
        let (conditions, arguments) = ProgressQueries.itemConditions(scope)
        let sql = """
            WITH \(ProgressQueries.managedItems(dialect))
            SELECT \(dialect.month(of: "m.archivedAt")) AS month, COUNT(*) AS items, COALESCE(SUM(m.pageCount), 0) AS pages
            FROM asOf m WHERE \(dialect.year(of: "m.archivedAt")) = ? AND \(conditions)
            GROUP BY 1
            """
        let rows = try statements.fetch(sql, [.date(Date.distantFuture), .text(String(format: "%04d", year))] + arguments)
        var months = (1...12).map { MonthlyCount(month: $0, items: 0, pages: 0) }
        for row in rows {
            let month = try row.int("month")
            if (1...12).contains(month) {
                months[month - 1] = MonthlyCount(month: month, items: try row.int("items"), pages: try row.int("pages"))
            }
        }
        return months
    }

    /// OCR quality over the pages of items archived with descriptive metadata as of `asOf`.
    public func ocrQuality(asOf: Date) throws(CatalogError) -> OCRQuality {
        let sql = """
            WITH \(ProgressQueries.managedItems(statements.dialect))
            SELECT COUNT(p.meanConfidence) AS recognized, AVG(p.meanConfidence) AS mean,
                COALESCE(SUM(CASE WHEN p.meanConfidence IS NULL AND p.state = 'done' THEN 1 ELSE 0 END), 0) AS imageOnly
            FROM pages p JOIN asOf m ON m.id = p.itemID
            WHERE \(Self.notASplitSpread("p"))
            """
        let row = try statements.fetchOne(sql, [.date(asOf)])
        return OCRQuality(
            recognizedPages: try row?.int("recognized") ?? 0, meanConfidence: try row?.optionalDouble("mean"), reviewedPages: 0,
            imageOnlyPages: try row?.int("imageOnly") ?? 0)
    }

    /// Failures recorded between `from` (inclusive) and `to` (exclusive), per stage.
    public func failureCounts(from: Date, to: Date) throws(CatalogError) -> [FailureCount] {
        var counts: [FailureCount] = []
        for row in try statements.fetch(
            "SELECT stage, COUNT(*) AS n FROM failures WHERE at >= ? AND at < ? GROUP BY stage ORDER BY stage", [.date(from), .date(to)])
        {
            counts.append(FailureCount(stage: try row.string("stage"), count: try row.int("n")))
        }
        return counts
    }
}
