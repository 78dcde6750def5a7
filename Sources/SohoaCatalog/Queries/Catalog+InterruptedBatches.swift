import Foundation

extension Catalog {
    /// Marks every batch still `running` as `interrupted` (its process ended without finishing it:
    /// killed, or the machine stopped) and returns how many. Call only while holding the archive's
    /// run lock, when no run can be going on.
    @discardableResult
    public func closeInterruptedBatches(at date: Date = Date()) throws(CatalogError) -> Int {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try write { tx throws(CatalogError) in
            try tx.statements.execute("UPDATE batches SET state = 'interrupted', finishedAt = ? WHERE state = 'running'", [.date(date)])
        }
    }
}
