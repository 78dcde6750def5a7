import Foundation
import GRDB
import PostgresNIO
import SohoaCatalog

extension CatalogCopy {
    /// Rows fetched from PostgreSQL's cursor at a time, and written to SQLite in one transaction.
    static let rowsPerFetch = 2_000

    /// Copies the migrated PostgreSQL catalog `postgres` into the SQLite catalog `sqlite`.
    static func fromPostgres(
        _ postgres: PostgresCatalogConnection, to sqlite: DatabaseQueue, file: URL, replace: Bool,
        progress: (CatalogCopyReport.Table) -> Void
    ) throws(PostgresCatalogError) -> CatalogCopyReport {
        try checkSchemas(sqlite: sqlite, file: file, postgres: postgres)
        let filled: [String]
        do {
            filled = try sqlite.read { db in
                try tables.filter { try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \($0))") ?? false }
            }
            if !filled.isEmpty {
                guard replace else { throw notEmpty(file.path, tables: filled) }
                try sqlite.write { db in
                    for table in tables.reversed() {
                        try db.execute(sql: "DELETE FROM \(table)")
                    }
                    try db.execute(sql: "DELETE FROM page_search")
                    try db.execute(sql: "DELETE FROM sqlite_sequence")
                }
            }
        } catch let error as PostgresCatalogError {
            throw error
        } catch {
            throw sqliteError(error, file: file)
        }
        var report = CatalogCopyReport()
        for table in tables {
            let columns = try columns(of: table, postgres: postgres, sqlite: sqlite, file: file)
            try copyRows(of: table, columns: columns, from: postgres, to: sqlite, file: file)
            let counted = try checkCount(table, sqlite: sqlite, file: file, postgres: postgres)
            report.tables.append(counted)
            progress(counted)
        }
        try copySequences(from: postgres, to: sqlite, file: file)
        return report
    }

    /// Reads the rows of `table` through a cursor and writes each fetch to SQLite in one transaction;
    /// page texts get their search-index row too.
    private static func copyRows(
        of table: String, columns: [CatalogTableColumn], from postgres: PostgresCatalogConnection, to sqlite: DatabaseQueue, file: URL
    ) throws(PostgresCatalogError) {
        let select = columns.map(\.selectExpression).joined(separator: ", ")
        let insert =
            "INSERT INTO \(table) (\(columns.map(\.name).joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let pageColumn = columns.firstIndex { $0.name == "pageid" }
        let textColumn = columns.firstIndex { $0.name == "text" }
        try postgres.transaction { tx throws(PostgresCatalogError) in
            try tx.query(PostgresQuery(unsafeSQL: "DECLARE copy_rows NO SCROLL CURSOR FOR SELECT \(select) FROM \(table)"))
            while true {
                let rows = try tx.query(PostgresQuery(unsafeSQL: "FETCH \(rowsPerFetch) FROM copy_rows"))
                if rows.isEmpty { break }
                var values: [[DatabaseValue]] = []
                values.reserveCapacity(rows.count)
                for row in rows {
                    var rowValues: [DatabaseValue] = []
                    rowValues.reserveCapacity(columns.count)
                    for (index, cell) in row.enumerated() {
                        let text: String?
                        do {
                            text = try cell.decode(String?.self)
                        } catch {
                            throw PostgresCatalogError(
                                kind: .failed,
                                message: "không đọc được \(table).\(columns[index].name) / cannot read \(table)."
                                    + "\(columns[index].name): \(error)")
                        }
                        rowValues.append(try sqliteValue(text, column: columns[index], table: table))
                    }
                    values.append(rowValues)
                }
                do {
                    try sqlite.write { db in
                        for rowValues in values {
                            try db.execute(sql: insert, arguments: StatementArguments(rowValues))
                            if table == "page_texts", let pageColumn, let textColumn,
                                let pageID = Int64.fromDatabaseValue(rowValues[pageColumn]),
                                let text = String.fromDatabaseValue(rowValues[textColumn])
                            {
                                try PageSearchIndex.insert(db, pageID: pageID, text: text)
                            }
                        }
                    }
                } catch {
                    throw sqliteError(error, file: file)
                }
            }
            try tx.query("CLOSE copy_rows")
        }
    }

    /// A value PostgreSQL wrote as text, as SQLite holds it in `column`.
    private static func sqliteValue(
        _ text: String?, column: CatalogTableColumn, table: String
    ) throws(PostgresCatalogError) -> DatabaseValue {
        guard let text else { return .null }
        switch column.sqliteKind {
        case .integer, .boolean:
            if let number = Int64(text) { return number.databaseValue }
        case .real:
            if let number = Double(text) { return number.databaseValue }
        case .text:
            return text.databaseValue
        }
        throw PostgresCatalogError(
            kind: .failed, message: "giá trị không đọc được / cannot read \(table).\(column.name) value '\(text)' as a number")
    }

    /// Writes each id sequence's last value into SQLite's `sqlite_sequence`.
    private static func copySequences(
        from postgres: PostgresCatalogConnection, to sqlite: DatabaseQueue, file: URL
    ) throws(PostgresCatalogError) {
        var sequences: [(String, Int64)] = []
        let rows = try postgres.query(
            """
            SELECT c.relname::text, pg_sequence_last_value(pg_get_serial_sequence(c.relname::text, a.attname::text)::regclass)
            FROM pg_attribute AS a JOIN pg_class AS c ON c.oid = a.attrelid
            WHERE a.attidentity::text <> '' AND c.relnamespace = current_schema()::regnamespace
            """)
        for row in rows {
            if let (table, value) = try? row.decode((String, Int64?).self), let value, tables.contains(table) {
                sequences.append((table, value))
            }
        }
        do {
            try sqlite.write { db in
                for (table, value) in sequences {
                    try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [table])
                    try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table, value])
                }
            }
        } catch {
            throw sqliteError(error, file: file)
        }
    }
}
