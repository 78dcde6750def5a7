import Foundation

extension Catalog {
    /// Adds the batch's daily sums to the catalog's, in one write transaction.
    public func recordUsage(_ batch: UsageBatch) throws(CatalogError) {
        guard !batch.isEmpty else { return }
        try write { tx throws(CatalogError) in try tx.recordUsage(batch) }
    }

    /// The twelve months of `year`: the whole collection's figures, or one library's.
    public func usageMonths(year: Int, libraryCode: String? = nil) throws(CatalogError) -> [UsageMonth] {
        try read { tx throws(CatalogError) in try tx.usageMonths(year: year, libraryCode: libraryCode) }
    }

    /// Each library's figures over `year` (libraries with nothing counted are left out).
    public func usageByLibrary(year: Int) throws(CatalogError) -> [String: UsageFigures] {
        try read { tx throws(CatalogError) in try tx.usageByLibrary(year: year) }
    }

    /// The most-used items of `year` (by item views, then page views, then downloads), of one library or all.
    public func usageTopItems(year: Int, libraryCode: String? = nil, limit: Int = 10) throws(CatalogError) -> [UsageItemFigures] {
        try read { tx throws(CatalogError) in try tx.usageTopItems(year: year, libraryCode: libraryCode, limit: limit) }
    }
}

// Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
extension CatalogTransaction {
    /// Adds the batch's daily sums to the catalog's. The upserts name the stored row's columns by
    /// table (`usage_days.visits`): PostgreSQL finds a bare name ambiguous beside `excluded`.
    public func recordUsage(_ batch: UsageBatch) throws(CatalogError) {
        for (key, f) in batch.libraries where !f.isZero {
            try statements.execute(
                """
                INSERT INTO usage_days (day, libraryCode, visits, itemViews, pageViews, downloads, searches)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (day, libraryCode) DO UPDATE SET
                    visits = usage_days.visits + excluded.visits, itemViews = usage_days.itemViews + excluded.itemViews,
                    pageViews = usage_days.pageViews + excluded.pageViews, downloads = usage_days.downloads + excluded.downloads,
                    searches = usage_days.searches + excluded.searches
                """,
                [
                    .text(key.day), .text(key.libraryCode), .integer(f.visits), .integer(f.itemViews), .integer(f.pageViews),
                    .integer(f.downloads), .integer(f.searches),
                ])
        }
        for (key, value) in batch.items where !value.figures.isZero {
            let f = value.figures
            try statements.execute(
                """
                INSERT INTO usage_item_days (day, itemID, libraryCode, itemViews, pageViews, downloads)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (day, itemID) DO UPDATE SET
                    libraryCode = excluded.libraryCode, itemViews = usage_item_days.itemViews + excluded.itemViews,
                    pageViews = usage_item_days.pageViews + excluded.pageViews,
                    downloads = usage_item_days.downloads + excluded.downloads
                """,
                [
                    .text(key.day), .text(key.itemID), .text(value.libraryCode), .integer(f.itemViews), .integer(f.pageViews),
                    .integer(f.downloads),
                ])
        }
    }

    /// The twelve months of `year`, for the whole collection or one library.
    public func usageMonths(year: Int, libraryCode: String? = nil) throws(CatalogError) -> [UsageMonth] {
        let rows = try statements.fetch(
            """
            SELECT CAST(substr(day, 6, 2) AS INTEGER) AS month, SUM(visits) AS visits, SUM(itemViews) AS itemViews,
                SUM(pageViews) AS pageViews, SUM(downloads) AS downloads, SUM(searches) AS searches
            FROM usage_days WHERE libraryCode = ? AND day >= ? AND day < ? GROUP BY 1
            """,
            [.text(libraryCode ?? UsageBatch.wholeCollection)] + Self.yearBounds(year))
        var months = (1...12).map { UsageMonth(month: $0, figures: .zero) }
        for row in rows {
            let month = try row.int("month")
            guard (1...12).contains(month) else { continue }
            months[month - 1].figures = try Self.figures(row)
        }
        return months
    }

    /// Each library's figures over `year`.
    public func usageByLibrary(year: Int) throws(CatalogError) -> [String: UsageFigures] {
        let rows = try statements.fetch(
            """
            SELECT libraryCode, SUM(visits) AS visits, SUM(itemViews) AS itemViews, SUM(pageViews) AS pageViews,
                SUM(downloads) AS downloads, SUM(searches) AS searches
            FROM usage_days WHERE libraryCode <> '' AND day >= ? AND day < ? GROUP BY 1
            """,
            Self.yearBounds(year))
        var result: [String: UsageFigures] = [:]
        for row in rows { result[try row.string("libraryCode")] = try Self.figures(row) }
        return result
    }

    /// The most-used items of `year`.
    public func usageTopItems(year: Int, libraryCode: String? = nil, limit: Int = 10) throws(CatalogError) -> [UsageItemFigures] {
        var arguments = Self.yearBounds(year)
        var condition = ""
        if let libraryCode {
            condition = " AND u.libraryCode = ?"
            arguments.append(.text(libraryCode))
        }
        arguments.append(.integer(limit))
        let rows = try statements.fetch(
            """
            SELECT u.itemID, MAX(i.title) AS title, MAX(u.libraryCode) AS libraryCode, SUM(u.itemViews) AS itemViews,
                SUM(u.pageViews) AS pageViews, SUM(u.downloads) AS downloads
            FROM usage_item_days u LEFT JOIN items i ON i.id = u.itemID
            WHERE u.day >= ? AND u.day < ?\(condition)
            GROUP BY u.itemID ORDER BY 4 DESC, 5 DESC, 6 DESC, u.itemID LIMIT ?
            """, arguments)
        var items: [UsageItemFigures] = []
        for row in rows {
            items.append(
                UsageItemFigures(
                    itemID: try row.string("itemID"), title: try row.optionalString("title"),
                    libraryCode: try row.string("libraryCode"), itemViews: try row.int("itemViews"),
                    pageViews: try row.int("pageViews"), downloads: try row.int("downloads")))
        }
        return items
    }

    private static func yearBounds(_ year: Int) -> [CatalogValue] {
        [.text(String(format: "%04d-01-01", year)), .text(String(format: "%04d-01-01", year + 1))]
    }

    private static func figures(_ row: CatalogRow) throws(CatalogError) -> UsageFigures {
        UsageFigures(
            visits: try row.optionalInt("visits") ?? 0, itemViews: try row.optionalInt("itemViews") ?? 0,
            pageViews: try row.optionalInt("pageViews") ?? 0, downloads: try row.optionalInt("downloads") ?? 0,
            searches: try row.optionalInt("searches") ?? 0)
    }
}
