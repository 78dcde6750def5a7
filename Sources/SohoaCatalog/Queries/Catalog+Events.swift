import Foundation
import GRDB

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
        let stored = event
        return try run {
            var event = stored
            try event.insert(db)
            return try EventRecord.fetchOne(db, key: event.id) ?? event
        }
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
        try run {
            try EventRecord.fetchAll(
                db, sql: "SELECT * FROM events WHERE itemID = ? ORDER BY at, id", arguments: [itemID])
        }
    }
}
