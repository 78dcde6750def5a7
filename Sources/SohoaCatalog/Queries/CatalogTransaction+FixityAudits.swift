import Foundation
import GRDB

extension CatalogTransaction {
    /// Fixity audits recorded between `from` (inclusive) and `to` (exclusive), or `nil` when none was
    /// recorded (the report then says "no audit recorded").
    ///
    /// Reads the `audits` table of `sohoa audit` (issue 4) when the catalog has it, by SQL so that
    /// this file does not depend on that table's record type; otherwise the `fixity-checked` events.
    public func fixityAudits(from: Date, to: Date) throws(CatalogError) -> FixityAuditSummary? {
        try run {
            if try db.tableExists("audits") {
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) AS runs, COALESCE(SUM(objectsChecked), 0) AS objects,
                            COALESCE(SUM(filesChecked), 0) AS files, COALESCE(SUM(findingCount), 0) AS problems
                        FROM audits WHERE finishedAt >= ? AND finishedAt < ?
                        """, arguments: [from, to])
                let runs: Int = row?["runs"] ?? 0
                if runs > 0 {
                    return FixityAuditSummary(
                        runs: runs, objectsChecked: row?["objects"] ?? 0, filesChecked: row?["files"] ?? 0,
                        problemsFound: row?["problems"] ?? 0)
                }
            }
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS checks, COUNT(DISTINCT itemID) AS objects,
                        COALESCE(SUM(outcome = 'failure'), 0) AS problems
                    FROM events WHERE type = 'fixity-checked' AND at >= ? AND at < ?
                    """, arguments: [from, to])
            let checks: Int = row?["checks"] ?? 0
            guard checks > 0 else { return nil }
            return FixityAuditSummary(
                runs: checks, objectsChecked: row?["objects"] ?? 0, filesChecked: 0, problemsFound: row?["problems"] ?? 0)
        }
    }
}
