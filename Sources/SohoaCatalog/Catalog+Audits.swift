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
