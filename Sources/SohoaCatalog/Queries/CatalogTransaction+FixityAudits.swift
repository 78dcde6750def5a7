import Foundation

extension CatalogTransaction {
    /// Fixity audits recorded between `from` (inclusive) and `to` (exclusive), or `nil` when none was
    /// recorded (the report then says "no audit recorded").
    ///
    /// Reads the `audits` table of `sohoa audit` (issue 4; every migrated catalog has it); when it
    /// holds no audit in the period, the `fixity-checked` events.
    public func fixityAudits(from: Date, to: Date) throws(CatalogError) -> FixityAuditSummary? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let audits = try statements.fetchOne(
            """
            SELECT COUNT(*) AS runs, COALESCE(SUM(objectsChecked), 0) AS objects,
                COALESCE(SUM(filesChecked), 0) AS files, COALESCE(SUM(findingCount), 0) AS problems
            FROM audits WHERE finishedAt >= ? AND finishedAt < ?
            """, [.date(from), .date(to)])
        if let audits, try audits.int("runs") > 0 {
            return FixityAuditSummary(
                runs: try audits.int("runs"), objectsChecked: try audits.int("objects"), filesChecked: try audits.int("files"),
                problemsFound: try audits.int("problems"))
        }
        let events = try statements.fetchOne(
            """
            SELECT COUNT(*) AS checks, COUNT(DISTINCT itemID) AS objects,
                COALESCE(SUM(CASE WHEN outcome = 'failure' THEN 1 ELSE 0 END), 0) AS problems
            FROM events WHERE type = 'fixity-checked' AND at >= ? AND at < ?
            """, [.date(from), .date(to)])
        guard let events, try events.int("checks") > 0 else { return nil }
        return FixityAuditSummary(
            runs: try events.int("checks"), objectsChecked: try events.int("objects"), filesChecked: 0,
            problemsFound: try events.int("problems"))
    }
}
