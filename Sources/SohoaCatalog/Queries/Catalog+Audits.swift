import Foundation

extension Catalog {
    /// Records a fixity audit and returns it with its id.
    @discardableResult
    public func recordAudit(_ audit: AuditRecord) throws(CatalogError) -> AuditRecord {
        try write { tx throws(CatalogError) in try tx.recordAudit(audit) }
    }

    /// The latest audits, latest first.
    public func audits(limit: Int = 10) throws(CatalogError) -> [AuditRecord] {
        try read { tx throws(CatalogError) in try tx.audits(limit: limit) }
    }
}

extension CatalogTransaction {
    /// Records a fixity audit and returns it with its id.
    @discardableResult
    public func recordAudit(_ audit: AuditRecord) throws(CatalogError) -> AuditRecord {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let id = try insertRecordReturningID(audit, into: "audits")
        return try statements.fetchOne("SELECT * FROM audits WHERE id = ?", [.integer(id)])?.decode(AuditRecord.self) ?? audit
    }

    /// The latest audits, latest first.
    public func audits(limit: Int = 10) throws(CatalogError) -> [AuditRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var audits: [AuditRecord] = []
        for row in try statements.fetch("SELECT * FROM audits ORDER BY finishedAt DESC, id DESC LIMIT ?", [.integer(limit)]) {
            audits.append(try row.decode(AuditRecord.self))
        }
        return audits
    }
}
