import Foundation
import GRDB

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

extension CatalogTransaction {
    /// Adds the batch's daily sums to the catalog's.
    public func recordUsage(_ batch: UsageBatch) throws(CatalogError) {
        try run {
            let days = try db.cachedStatement(
                sql: """
                    INSERT INTO usage_days (day, libraryCode, visits, itemViews, pageViews, downloads, searches)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (day, libraryCode) DO UPDATE SET
                        visits = visits + excluded.visits, itemViews = itemViews + excluded.itemViews,
                        pageViews = pageViews + excluded.pageViews, downloads = downloads + excluded.downloads,
                        searches = searches + excluded.searches
                    """)
            for (key, f) in batch.libraries where !f.isZero {
                try days.execute(arguments: [key.day, key.libraryCode, f.visits, f.itemViews, f.pageViews, f.downloads, f.searches])
            }
            let items = try db.cachedStatement(
                sql: """
                    INSERT INTO usage_item_days (day, itemID, libraryCode, itemViews, pageViews, downloads)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (day, itemID) DO UPDATE SET
                        libraryCode = excluded.libraryCode, itemViews = itemViews + excluded.itemViews,
                        pageViews = pageViews + excluded.pageViews, downloads = downloads + excluded.downloads
                    """)
            for (key, value) in batch.items where !value.figures.isZero {
                let f = value.figures
                try items.execute(arguments: [key.day, key.itemID, value.libraryCode, f.itemViews, f.pageViews, f.downloads])
            }
        }
    }

    /// The twelve months of `year`, for the whole collection or one library.
    public func usageMonths(year: Int, libraryCode: String? = nil) throws(CatalogError) -> [UsageMonth] {
        let rows = try run {
            try Row.fetchAll(
                db,
                sql: """
                    SELECT CAST(substr(day, 6, 2) AS INTEGER) AS month, SUM(visits) AS visits, SUM(itemViews) AS itemViews,
                        SUM(pageViews) AS pageViews, SUM(downloads) AS downloads, SUM(searches) AS searches
                    FROM usage_days WHERE libraryCode = ? AND day >= ? AND day < ? GROUP BY 1
                    """,
                arguments: [libraryCode ?? UsageBatch.wholeCollection] + Self.yearBounds(year))
        }
        var months = (1...12).map { UsageMonth(month: $0, figures: .zero) }
        for row in rows {
            let month: Int = row["month"]
            guard (1...12).contains(month) else { continue }
            months[month - 1].figures = Self.figures(row)
        }
        return months
    }

    /// Each library's figures over `year`.
    public func usageByLibrary(year: Int) throws(CatalogError) -> [String: UsageFigures] {
        let rows = try run {
            try Row.fetchAll(
                db,
                sql: """
                    SELECT libraryCode, SUM(visits) AS visits, SUM(itemViews) AS itemViews, SUM(pageViews) AS pageViews,
                        SUM(downloads) AS downloads, SUM(searches) AS searches
                    FROM usage_days WHERE libraryCode <> '' AND day >= ? AND day < ? GROUP BY 1
                    """,
                arguments: Self.yearBounds(year))
        }
        var result: [String: UsageFigures] = [:]
        for row in rows {
            let code: String = row["libraryCode"]
            result[code] = Self.figures(row)
        }
        return result
    }

    /// The most-used items of `year`.
    public func usageTopItems(year: Int, libraryCode: String? = nil, limit: Int = 10) throws(CatalogError) -> [UsageItemFigures] {
        var arguments: StatementArguments = Self.yearBounds(year)
        var condition = ""
        if let libraryCode {
            condition = " AND u.libraryCode = ?"
            arguments += [libraryCode]
        }
        arguments += [limit]
        let sql = """
            SELECT u.itemID, MAX(i.title) AS title, MAX(u.libraryCode) AS libraryCode, SUM(u.itemViews) AS itemViews,
                SUM(u.pageViews) AS pageViews, SUM(u.downloads) AS downloads
            FROM usage_item_days u LEFT JOIN items i ON i.id = u.itemID
            WHERE u.day >= ? AND u.day < ?\(condition)
            GROUP BY u.itemID ORDER BY 4 DESC, 5 DESC, 6 DESC, u.itemID LIMIT ?
            """
        return try run {
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                UsageItemFigures(
                    itemID: row["itemID"], title: row["title"], libraryCode: row["libraryCode"], itemViews: row["itemViews"],
                    pageViews: row["pageViews"], downloads: row["downloads"])
            }
        }
    }

    private static func yearBounds(_ year: Int) -> StatementArguments {
        [String(format: "%04d-01-01", year), String(format: "%04d-01-01", year + 1)]
    }

    private static func figures(_ row: Row) -> UsageFigures {
        UsageFigures(
            visits: row["visits"] ?? 0, itemViews: row["itemViews"] ?? 0, pageViews: row["pageViews"] ?? 0,
            downloads: row["downloads"] ?? 0, searches: row["searches"] ?? 0)
    }
}
