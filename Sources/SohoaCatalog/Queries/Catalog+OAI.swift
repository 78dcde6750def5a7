import Foundation
import GRDB

extension Catalog {
    /// One page of an OAI list, in (datestamp, id) order, at most `limit` records.
    public func oaiRecords(_ query: OAIListQuery, limit: Int) throws(CatalogError) -> [OAIRecordRow] {
        try read { tx throws(CatalogError) in try tx.oaiRecords(query, limit: limit) }
    }

    /// A page of an OAI list with the list's size and how many records come at or before
    /// `query.after`, read from one snapshot of the catalog.
    public func oaiPage(
        _ query: OAIListQuery, limit: Int
    ) throws(CatalogError) -> (records: [OAIRecordRow], total: Int, before: Int) {
        try read { tx throws(CatalogError) in
            let records = try tx.oaiRecords(query, limit: limit)
            let counts = try tx.oaiCounts(query)
            return (records, counts.total, counts.through)
        }
    }

    /// The item's OAI record, whatever its access level or state.
    public func oaiRecord(itemID: String) throws(CatalogError) -> OAIRecordRow? {
        try read { tx throws(CatalogError) in try tx.oaiRecord(itemID: itemID) }
    }

    /// The earliest datestamp among the records with these access levels, or nil when there are none.
    public func oaiEarliestDatestamp(access: Set<AccessLevel>) throws(CatalogError) -> Date? {
        try read { tx throws(CatalogError) in try tx.oaiEarliestDatestamp(access: access) }
    }

    /// The libraries and types among the records with these access levels.
    public func oaiSetValues(access: Set<AccessLevel>) throws(CatalogError) -> OAISetValues {
        try read { tx throws(CatalogError) in try tx.oaiSetValues(access: access) }
    }

    /// Withdraws an item (see `CatalogTransaction.withdrawItem`); nothing leaves the archive.
    public func withdrawItem(id: String, reason: String, agent: String, at date: Date = Date()) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.withdrawItem(id: id, reason: reason, agent: agent, at: date) }
    }

    /// Puts a withdrawn item back; false when it was not withdrawn.
    @discardableResult
    public func restoreItem(id: String, agent: String, at date: Date = Date()) throws(CatalogError) -> Bool {
        try write { tx throws(CatalogError) in try tx.restoreItem(id: id, agent: agent, at: date) }
    }
}

extension CatalogTransaction {
    /// One page of an OAI list, in (datestamp, id) order, at most `limit` records.
    public func oaiRecords(_ query: OAIListQuery, limit: Int) throws(CatalogError) -> [OAIRecordRow] {
        var (sql, arguments) = OAISQL.filtered(query, after: query.after)
        sql += " ORDER BY datestamp, id LIMIT ?"
        _ = arguments.append(contentsOf: [max(0, limit)])
        let statement = sql
        let values = arguments
        return try run { try OAIRecordRow.fetchAll(db, sql: statement, arguments: values) }
    }

    /// How many records the list holds (ignoring `query.after`), and how many of them come at or
    /// before `query.after` (0 without it).
    public func oaiCounts(_ query: OAIListQuery) throws(CatalogError) -> (total: Int, through: Int) {
        let (totalSQL, totalArguments) = OAISQL.filtered(query, after: nil)
        var throughSQL = "", throughArguments = StatementArguments()
        if let after = query.after {
            (throughSQL, throughArguments) = OAISQL.filtered(query, after: nil)
            throughSQL += " AND (datestamp < ? OR (datestamp = ? AND id <= ?))"
            _ = throughArguments.append(contentsOf: [after.datestampKey, after.datestampKey, after.itemID])
        }
        let throughStatement = throughSQL
        let throughValues = throughArguments
        return try run {
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(totalSQL))", arguments: totalArguments) ?? 0
            let through =
                throughStatement.isEmpty
                ? 0 : try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(throughStatement))", arguments: throughValues) ?? 0
            return (total, through)
        }
    }

    /// The item's OAI record, whatever its access level or state (the caller decides what to show).
    public func oaiRecord(itemID: String) throws(CatalogError) -> OAIRecordRow? {
        try run {
            try OAIRecordRow.fetchOne(db, sql: "\(OAISQL.select) WHERE id = ?", arguments: [itemID])
        }
    }

    /// The earliest datestamp among the records with these access levels, or nil when there are none.
    public func oaiEarliestDatestamp(access: Set<AccessLevel>) throws(CatalogError) -> Date? {
        let (sql, arguments) = OAISQL.filtered(OAIListQuery(access: access), after: nil)
        return try run { try Date.fetchOne(db, sql: "SELECT min(datestamp) FROM (\(sql))", arguments: arguments) }
    }

    /// The libraries and types among the records with these access levels.
    public func oaiSetValues(access: Set<AccessLevel>) throws(CatalogError) -> OAISetValues {
        let (sql, arguments) = OAISQL.filtered(OAIListQuery(access: access), after: nil)
        return try run {
            let libraries = try String.fetchAll(
                db, sql: "SELECT DISTINCT libraryCode FROM (\(sql)) ORDER BY libraryCode", arguments: arguments)
            let types = try String.fetchAll(
                db, sql: "SELECT DISTINCT type FROM (\(sql)) WHERE type IS NOT NULL AND type <> '' ORDER BY type",
                arguments: arguments)
            var values = OAISetValues(libraryCodes: libraries, types: types)
            let serials = try Row.fetchAll(
                db,
                sql: """
                    SELECT serial, serialTitle FROM (\(sql)) WHERE serial IS NOT NULL
                    ORDER BY serial, serialTitle IS NOT NULL, issueDate, id
                    """,
                arguments: arguments)
            for row in serials {
                let serial: String = row["serial"]
                let title: String? = row["serialTitle"]
                values.serials[serial] = title ?? values.serials[serial] ?? serial
            }
            return values
        }
    }

    /// Withdraws an item: it leaves search, item pages and IIIF, and OAI-PMH reports it as deleted.
    /// Nothing is removed from the archive. Withdrawing a withdrawn item keeps the first date and
    /// replaces the reason. Records a `withdrawn` event.
    public func withdrawItem(id: String, reason: String, agent: String, at date: Date = Date()) throws(CatalogError) {
        try run {
            try db.execute(
                sql: """
                    UPDATE items SET withdrawnAt = coalesce(withdrawnAt, ?), withdrawnReason = ?, updatedAt = ?
                    WHERE id = ?
                    """,
                arguments: [date, reason, date, id])
        }
        if try db.changesCount == 0 { throw .notFound("item '\(id)'", file: file) }
        try addEvent(itemID: id, type: "withdrawn", agent: agent, detail: reason, at: date)
    }

    /// Puts a withdrawn item back in the collection (a new datestamp, so harvesters fetch it again).
    /// Returns false, changing nothing, when the item was not withdrawn. Records a `reinstated` event.
    @discardableResult
    public func restoreItem(id: String, agent: String, at date: Date = Date()) throws(CatalogError) -> Bool {
        guard let row = try oaiRecord(itemID: id) else { throw .notFound("item '\(id)'", file: file) }
        guard row.isWithdrawn else { return false }
        try run {
            try db.execute(
                sql: "UPDATE items SET withdrawnAt = NULL, withdrawnReason = NULL, updatedAt = ? WHERE id = ?",
                arguments: [date, id])
        }
        try addEvent(itemID: id, type: "reinstated", agent: agent, detail: row.withdrawnReason, at: date)
        return true
    }
}

/// The SQL behind the OAI queries: every item with an archived version and an allowed access level,
/// with its datestamp computed, filtered by the query.
enum OAISQL {
    static let select = """
        SELECT id, libraryCode, objectID, title, creator, date, language, type, subject, holdingID, ocflVersion,
            access, withdrawnAt, withdrawnReason, accessChangedAt, serial, serialTitle, issueDate,
            max(updatedAt, coalesce(withdrawnAt, updatedAt), coalesce(accessChangedAt, updatedAt)) AS datestamp,
            max(updatedAt, coalesce(withdrawnAt, updatedAt), coalesce(accessChangedAt, updatedAt)) AS datestampKey
        FROM items
        """

    /// `SELECT * FROM (…) WHERE …` for the query; the caller may append more `AND` conditions.
    /// Items harvesters may see (withdrawn ones among them are deleted records) and, when
    /// `query.deleted` is true, items whose access was changed (after archiving) to a level they may
    /// not see, which are deleted records too.
    static func filtered(_ query: OAIListQuery, after: OAIListPosition?) -> (String, StatementArguments) {
        let access = query.access.subtracting([.closed]).map(\.rawValue).sorted()
        var arguments = StatementArguments(access)
        let visible = "access IN (\(placeholders(access.count)))"
        var conditions = [
            "ocflVersion IS NOT NULL",
            query.deleted ? "(\(visible) OR accessChangedAt IS NOT NULL)" : visible,
        ]
        var outer = ["1"]
        if let codes = query.libraryCodes {
            conditions.append("libraryCode IN (\(placeholders(codes.count)))")
            _ = arguments.append(contentsOf: StatementArguments(codes))
        }
        if let types = query.types {
            conditions.append("type IN (\(placeholders(types.count)))")
            _ = arguments.append(contentsOf: StatementArguments(types))
        }
        if let serials = query.serials {
            conditions.append("serial IN (\(placeholders(serials.count)))")
            _ = arguments.append(contentsOf: StatementArguments(serials))
        }
        var outerArguments = StatementArguments()
        if let from = query.from {
            outer.append("datestamp >= ?")
            _ = outerArguments.append(contentsOf: [from])
        }
        if let before = query.before {
            outer.append("datestamp < ?")
            _ = outerArguments.append(contentsOf: [before])
        }
        if let snapshot = query.snapshot {
            outer.append("datestamp <= ?")
            _ = outerArguments.append(contentsOf: [snapshot])
        }
        if let after {
            outer.append("(datestamp > ? OR (datestamp = ? AND id > ?))")
            _ = outerArguments.append(contentsOf: [after.datestampKey, after.datestampKey, after.itemID])
        }
        _ = arguments.append(contentsOf: outerArguments)
        let sql =
            "SELECT * FROM (\(select) WHERE \(conditions.joined(separator: " AND "))) WHERE "
            + outer.joined(separator: " AND ")
        return (sql, arguments)
    }

    /// `?, ?, ?` (or `NULL` for none, so that `IN (NULL)` matches nothing).
    private static func placeholders(_ count: Int) -> String {
        count == 0 ? "NULL" : Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
