import Foundation
import GRDB
import SohoaPostgres

/// Every row of a SQLite catalog, table by table, each value written with its SQLite storage class
/// (so `1` and `1.0` differ): what a copy to PostgreSQL and back must give back unchanged. Also the
/// search index's folded texts and the id sequences.
enum SQLiteCatalogRows {
    static func dump(_ file: URL) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: file.path)
        return try queue.read { db in
            var tables: [String: [String]] = [:]
            for table in CatalogCopy.tables {
                tables[table] = try rows(db, "SELECT * FROM \(table) ORDER BY 1, 2")
            }
            tables["page_search"] = try rows(db, "SELECT rowid, folded, marks FROM page_search ORDER BY rowid")
            tables["sqlite_sequence"] = try rows(db, "SELECT name, seq FROM sqlite_sequence ORDER BY name")
            return tables
        }
    }

    private static func rows(_ db: Database, _ sql: String) throws -> [String] {
        try Row.fetchAll(db, sql: sql).map { row in
            row.databaseValues.map { "\($0.storage)" }.joined(separator: " | ")
        }
    }
}
