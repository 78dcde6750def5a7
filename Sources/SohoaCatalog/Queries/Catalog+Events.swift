import Foundation

extension Catalog {
    /// Records an event and returns it with its id.
    @discardableResult
    public func addEvent(_ event: EventRecord) throws(CatalogError) -> EventRecord {
        try write { tx throws(CatalogError) in try tx.addEvent(event) }
    }

    /// Records an event about an item, or one of its pages, and returns it with its id.
    @discardableResult
    public func addEvent(
        itemID: String, pageID: Int64? = nil, type: EventRecord.EventType, agent: String,
        outcome: EventRecord.Outcome = .success, detail: String? = nil, at date: Date = Date()
    ) throws(CatalogError) -> EventRecord {
        try addEvent(
            EventRecord(
                itemID: itemID, pageID: pageID, type: type, at: date, agent: agent, outcome: outcome, detail: detail))
    }

    /// The item's events (its pages' included), oldest first.
    public func events(itemID: String) throws(CatalogError) -> [EventRecord] {
        try read { tx throws(CatalogError) in try tx.events(itemID: itemID) }
    }
}

extension CatalogTransaction {
    /// Records an event and returns it with its id.
    @discardableResult
    public func addEvent(_ event: EventRecord) throws(CatalogError) -> EventRecord {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let id = try insertRecordReturningID(event, into: "events")
        return try statements.fetchOne("SELECT * FROM events WHERE id = ?", [.integer(id)])?.decode(EventRecord.self) ?? event
    }

    /// Records an event about an item, or one of its pages, and returns it with its id.
    @discardableResult
    public func addEvent(
        itemID: String, pageID: Int64? = nil, type: EventRecord.EventType, agent: String,
        outcome: EventRecord.Outcome = .success, detail: String? = nil, at date: Date = Date()
    ) throws(CatalogError) -> EventRecord {
        try addEvent(
            EventRecord(
                itemID: itemID, pageID: pageID, type: type, at: date, agent: agent, outcome: outcome, detail: detail))
    }

    /// The item's events (its pages' included), oldest first.
    public func events(itemID: String) throws(CatalogError) -> [EventRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var events: [EventRecord] = []
        for row in try statements.fetch("SELECT * FROM events WHERE itemID = ? ORDER BY at, id", [.text(itemID)]) {
            events.append(try row.decode(EventRecord.self))
        }
        return events
    }
}
