import Foundation
import GRDB
import PostgresNIO
import SohoaCatalog

extension CatalogCopy {
    /// Statement parameters PostgreSQL allows are 65,535; a batch of rows stays well below.
    static let parametersPerStatement = 30_000

    /// Copies the SQLite catalog `sqlite` into the migrated PostgreSQL catalog `postgres`.
    static func toPostgres(
        from sqlite: DatabaseQueue, file: URL, to postgres: PostgresCatalogConnection, replace: Bool,
        progress: (CatalogCopyReport.Table) -> Void
    ) throws(PostgresCatalogError) -> CatalogCopyReport {
        try checkSchemas(sqlite: sqlite, file: file, postgres: postgres)
        let filled = try nonEmptyTables(postgres: postgres)
        if !filled.isEmpty {
            guard replace else { throw notEmpty(postgres.address.description, tables: filled) }
            try postgres.query(
                PostgresQuery(unsafeSQL: "TRUNCATE \((tables + ["work_queue", "page_marks"]).joined(separator: ", ")) RESTART IDENTITY"))
        }
        var report = CatalogCopyReport()
        for table in tables {
            let columns = try columns(of: table, postgres: postgres, sqlite: sqlite, file: file)
            try copyRows(of: table, columns: columns, from: sqlite, file: file, to: postgres)
            let counted = try checkCount(table, sqlite: sqlite, file: file, postgres: postgres)
            report.tables.append(counted)
            progress(counted)
        }
        try copySequences(from: sqlite, file: file, to: postgres)
        try writePageMarks(from: sqlite, file: file, to: postgres)
        return report
    }

    /// Pages whose exact-form tokens are sent in one statement.
    static let pageMarksPerBatch = 500

    /// Writes each copied page's exact-form tokens (`page_marks`, `PageMarkTokens`), made from its text
    /// as the search index is made on either side.
    private static func writePageMarks(
        from sqlite: DatabaseQueue, file: URL, to postgres: PostgresCatalogConnection
    ) throws(PostgresCatalogError) {
        var failure: PostgresCatalogError?
        do {
            try sqlite.read { db in
                let cursor = try Row.fetchCursor(db, sql: "SELECT pageID, text FROM page_texts ORDER BY pageID")
                var pages: [Int64] = []
                var lexemes: [String] = []
                func send() throws {
                    guard !pages.isEmpty else { return }
                    var bindings = PostgresBindings(capacity: 2)
                    bindings.append(pages)
                    bindings.append(lexemes)
                    do {
                        try postgres.query(
                            PostgresQuery(
                                unsafeSQL: """
                                    INSERT INTO page_marks (pageID, marks)
                                    SELECT page, to_tsvector('simple', words) FROM unnest($1::bigint[], $2::text[]) AS u(page, words)
                                    """, binds: bindings))
                    } catch {
                        failure = error
                        throw error
                    }
                    pages.removeAll(keepingCapacity: true)
                    lexemes.removeAll(keepingCapacity: true)
                }
                while let row = try cursor.next() {
                    pages.append(row[0])
                    lexemes.append(PageMarkTokens.lexemes(row[1]))
                    if pages.count == pageMarksPerBatch { try send() }
                }
                try send()
            }
        } catch {
            throw failure ?? sqliteError(error, file: file)
        }
    }

    /// Sends the rows of `table` over in batches, each one statement and transaction: every value as
    /// text, cast by PostgreSQL to the column's type.
    private static func copyRows(
        of table: String, columns: [CatalogTableColumn], from sqlite: DatabaseQueue, file: URL, to postgres: PostgresCatalogConnection
    ) throws(PostgresCatalogError) {
        let rowsPerBatch = max(1, parametersPerStatement / columns.count)
        let names = columns.map(\.name).joined(separator: ", ")
        var failure: PostgresCatalogError?
        do {
            try sqlite.read { db in
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(names) FROM \(table)")
                var batch: [[String?]] = []
                func send() throws {
                    guard !batch.isEmpty else { return }
                    do {
                        try postgres.query(insert(into: table, columns: columns, rows: batch))
                    } catch {
                        failure = error
                        throw error
                    }
                    batch.removeAll(keepingCapacity: true)
                }
                while let row = try cursor.next() {
                    var values: [String?] = []
                    values.reserveCapacity(columns.count)
                    for index in columns.indices {
                        let value: DatabaseValue = row[index]
                        switch value.storage {
                        case .null: values.append(nil)
                        case .int64(let number): values.append(String(number))
                        case .double(let number): values.append("\(number)")
                        case .string(let text): values.append(text)
                        case .blob:
                            let binary = PostgresCatalogError(
                                kind: .schemaMismatch,
                                message: "bảng \(table) có dữ liệu nhị phân / table \(table) column \(columns[index].name) holds "
                                    + "binary data, which the catalog's schema never writes; check the file \(file.path)")
                            failure = binary
                            throw binary
                        }
                    }
                    batch.append(values)
                    if batch.count == rowsPerBatch { try send() }
                }
                try send()
            }
        } catch {
            throw failure ?? sqliteError(error, file: file)
        }
    }

    /// `INSERT INTO table (…) VALUES ($1::type, …), (…)` for `rows`.
    private static func insert(into table: String, columns: [CatalogTableColumn], rows: [[String?]]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: rows.count * columns.count)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        var parameter = 0
        for row in rows {
            var placeholders: [String] = []
            for (index, value) in row.enumerated() {
                parameter += 1
                placeholders.append("$\(parameter)::\(columns[index].type)")
                bindings.append(value)
            }
            tuples.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        let names = columns.map(\.name).joined(separator: ", ")
        return PostgresQuery(
            unsafeSQL: "INSERT INTO \(table) (\(names)) VALUES " + tuples.joined(separator: ", "), binds: bindings)
    }

    /// Sets each id sequence where SQLite's `sqlite_sequence` has it, so new rows get the ids they would
    /// have had in SQLite (`AUTOINCREMENT` never reuses an id, even of a deleted row).
    private static func copySequences(
        from sqlite: DatabaseQueue, file: URL, to postgres: PostgresCatalogConnection
    ) throws(PostgresCatalogError) {
        let sequences: [(String, Int64)]
        do {
            sequences = try sqlite.read { db in
                try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence").map { (row: Row) -> (String, Int64) in
                    (row["name"], row["seq"])
                }
            }
        } catch {
            throw sqliteError(error, file: file)
        }
        for (table, value) in sequences where tables.contains(table) && value > 0 {
            try postgres.query("SELECT setval(pg_get_serial_sequence(\(table), 'id'), \(value), true)")
        }
    }
}
