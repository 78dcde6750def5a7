import Foundation

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
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (sql, arguments) = OAISQL.filtered(query, after: query.after, dialect: dialect)
        let rows = try statements.fetch(sql + " ORDER BY datestamp, id LIMIT ?", arguments + [.integer(max(0, limit))])
        var records: [OAIRecordRow] = []
        for row in rows { records.append(try row.decode(OAIRecordRow.self)) }
        return records
    }

    /// How many records the list holds (ignoring `query.after`), and how many of them come at or
    /// before `query.after` (0 without it).
    public func oaiCounts(_ query: OAIListQuery) throws(CatalogError) -> (total: Int, through: Int) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (totalSQL, totalArguments) = OAISQL.filtered(query, after: nil, dialect: dialect)
        let total = try statements.fetchOne("SELECT count(*) AS n FROM (\(totalSQL)) AS oai_list", totalArguments)?.int("n") ?? 0
        guard let after = query.after else { return (total, 0) }
        let (throughSQL, throughArguments) = OAISQL.filtered(query, after: nil, dialect: dialect)
        let through =
            try statements.fetchOne(
                "SELECT count(*) AS n FROM (\(throughSQL) AND (datestampKey < ? OR (datestampKey = ? AND id <= ?))) AS oai_list",
                throughArguments + [.text(after.datestampKey), .text(after.datestampKey), .text(after.itemID)])?.int("n") ?? 0
        return (total, through)
    }

    /// The item's OAI record, whatever its access level or state (the caller decides what to show).
    public func oaiRecord(itemID: String) throws(CatalogError) -> OAIRecordRow? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("\(OAISQL.select(dialect)) WHERE id = ?", [.text(itemID)])?.decode(OAIRecordRow.self)
    }

    /// The earliest datestamp among the records with these access levels, or nil when there are none.
    public func oaiEarliestDatestamp(access: Set<AccessLevel>) throws(CatalogError) -> Date? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (sql, arguments) = OAISQL.filtered(OAIListQuery(access: access), after: nil, dialect: dialect)
        return try statements.fetchOne("SELECT min(datestamp) AS earliest FROM (\(sql)) AS oai_list", arguments)?
            .optionalDate("earliest")
    }

    /// The libraries and types among the records with these access levels.
    public func oaiSetValues(access: Set<AccessLevel>) throws(CatalogError) -> OAISetValues {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL (`NULLS FIRST`: SQLite's
        // order of undated issues, which PostgreSQL puts last).
        let (sql, arguments) = OAISQL.filtered(OAIListQuery(access: access), after: nil, dialect: dialect)
        var libraries: [String] = []
        for row in try statements.fetch(
            "SELECT DISTINCT libraryCode FROM (\(sql)) AS oai_list ORDER BY libraryCode", arguments)
        {
            libraries.append(try row.string("libraryCode"))
        }
        var types: [String] = []
        for row in try statements.fetch(
            "SELECT DISTINCT type FROM (\(sql)) AS oai_list WHERE type IS NOT NULL AND type <> '' ORDER BY type", arguments)
        {
            types.append(try row.string("type"))
        }
        var values = OAISetValues(libraryCodes: libraries, types: types)
        let serials = try statements.fetch(
            """
            SELECT serial, serialTitle FROM (\(sql)) AS oai_list WHERE serial IS NOT NULL
            ORDER BY serial, CASE WHEN serialTitle IS NULL THEN 0 ELSE 1 END, issueDate NULLS FIRST, id
            """, arguments)
        for row in serials {
            let serial = try row.string("serial")
            let title = try row.optionalString("serialTitle")
            values.serials[serial] = title ?? values.serials[serial] ?? serial
        }
        return values
    }

    /// Withdraws an item: it leaves search, item pages and IIIF, and OAI-PMH reports it as deleted.
    /// Nothing is removed from the archive. Withdrawing a withdrawn item keeps the first date and
    /// replaces the reason. Records a `withdrawn` event.
    public func withdrawItem(id: String, reason: String, agent: String, at date: Date = Date()) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let changed = try statements.execute(
            "UPDATE items SET withdrawnAt = coalesce(withdrawnAt, ?), withdrawnReason = ?, updatedAt = ? WHERE id = ?",
            [.date(date), .text(reason), .date(date), .text(id)])
        if changed == 0 { throw .notFound("item '\(id)'", file: file) }
        try addEvent(itemID: id, type: "withdrawn", agent: agent, detail: reason, at: date)
    }

    /// Puts a withdrawn item back in the collection (a new datestamp, so harvesters fetch it again).
    /// Returns false, changing nothing, when the item was not withdrawn. Records a `reinstated` event.
    @discardableResult
    public func restoreItem(id: String, agent: String, at date: Date = Date()) throws(CatalogError) -> Bool {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        guard let row = try oaiRecord(itemID: id) else { throw .notFound("item '\(id)'", file: file) }
        guard row.isWithdrawn else { return false }
        try statements.execute(
            "UPDATE items SET withdrawnAt = NULL, withdrawnReason = NULL, updatedAt = ? WHERE id = ?", [.date(date), .text(id)])
        try addEvent(itemID: id, type: "reinstated", agent: agent, detail: row.withdrawnReason, at: date)
        return true
    }
}

/// The SQL behind the OAI queries: every item with an archived version and an allowed access level,
/// with its datestamp computed, filtered by the query. The same on both engines but for the
/// datestamp's expression: `datestamp` is a date, `datestampKey` its text as SQLite stores it (the
/// position kept in resumption tokens, compared as text on both).
enum OAISQL {
    /// Every item's OAI columns, with `datestamp` and `datestampKey`.
    static func select(_ dialect: CatalogDialect) -> String {
        let datestamp = dialect.greatest([
            "updatedAt", "coalesce(withdrawnAt, updatedAt)", "coalesce(accessChangedAt, updatedAt)",
        ])
        return """
            SELECT id, libraryCode, objectID, title, creator, date, language, type, subject, holdingID, ocflVersion,
                access, withdrawnAt, withdrawnReason, accessChangedAt, serial, serialTitle, issueDate,
                \(datestamp) AS datestamp, \(dialect.dateText(of: datestamp)) AS datestampKey
            FROM items
            """
    }

    /// `SELECT * FROM (…) WHERE …` for the query; the caller may append more `AND` conditions.
    /// Items harvesters may see (withdrawn ones among them are deleted records) and, when
    /// `query.deleted` is true, items whose access was changed (after archiving) to a level they may
    /// not see, which are deleted records too.
    static func filtered(_ query: OAIListQuery, after: OAIListPosition?, dialect: CatalogDialect) -> (String, [CatalogValue]) {
        let access = query.access.subtracting([.closed]).map(\.rawValue).sorted()
        var arguments: [CatalogValue] = access.map { .text($0) }
        let visible = "access IN (\(placeholders(access.count)))"
        var conditions = [
            "ocflVersion IS NOT NULL",
            query.deleted ? "(\(visible) OR accessChangedAt IS NOT NULL)" : visible,
        ]
        var outer = ["1 = 1"]
        if let codes = query.libraryCodes {
            conditions.append("libraryCode IN (\(placeholders(codes.count)))")
            arguments += codes.map { .text($0) }
        }
        if let types = query.types {
            conditions.append("type IN (\(placeholders(types.count)))")
            arguments += types.map { .text($0) }
        }
        if let serials = query.serials {
            conditions.append("serial IN (\(placeholders(serials.count)))")
            arguments += serials.map { .text($0) }
        }
        if let from = query.from {
            outer.append("datestamp >= ?")
            arguments.append(.date(from))
        }
        if let before = query.before {
            outer.append("datestamp < ?")
            arguments.append(.date(before))
        }
        if let snapshot = query.snapshot {
            outer.append("datestamp <= ?")
            arguments.append(.date(snapshot))
        }
        if let after {
            outer.append("(datestampKey > ? OR (datestampKey = ? AND id > ?))")
            arguments += [.text(after.datestampKey), .text(after.datestampKey), .text(after.itemID)]
        }
        let sql =
            "SELECT * FROM (\(select(dialect)) WHERE \(conditions.joined(separator: " AND "))) AS oai_items WHERE "
            + outer.joined(separator: " AND ")
        return (sql, arguments)
    }

    /// `?, ?, ?` (or `NULL` for none, so that `IN (NULL)` matches nothing).
    private static func placeholders(_ count: Int) -> String {
        count == 0 ? "NULL" : Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
