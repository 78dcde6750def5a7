import Foundation
import GRDB

/// `CatalogStatements` on the SQLite catalog: GRDB's `Database` inside the transaction that
/// `Catalog.read`/`write` opened.
struct SQLiteCatalogStatements: CatalogStatements {
    let db: Database
    let file: URL

    var dialect: CatalogDialect { .sqlite }

    func fetch(_ sql: String, _ arguments: [CatalogValue]) throws(CatalogError) -> [CatalogRow] {
        do {
            let file = self.file
            // Cached statements, as GRDB's record methods use: prepared once per connection.
            return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map { row in
                CatalogRow(row.map { (name, value) in (name, Self.value(value)) }, file: file)
            }
        } catch {
            throw CatalogError(error, file: file)
        }
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [CatalogValue]) throws(CatalogError) -> Int {
        do {
            try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
            return db.changesCount
        } catch {
            throw CatalogError(error, file: file)
        }
    }

    func insertReturningID(_ sql: String, _ arguments: [CatalogValue]) throws(CatalogError) -> Int64 {
        try execute(sql, arguments)
        return db.lastInsertedRowID
    }

    /// `arguments` as GRDB binds them: dates as its text, booleans as 0 and 1.
    static func arguments(_ arguments: [CatalogValue]) -> StatementArguments {
        StatementArguments(
            arguments.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .null: nil
                case .integer(let number): number
                case .real(let number): number
                case .text(let text): text
                case .date(let date): date
                case .bool(let flag): flag
                }
            })
    }

    /// A stored value as the neutral row holds it (dates stay GRDB's text; `CatalogRow` reads them).
    static func value(_ value: DatabaseValue) -> CatalogValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
        }
    }
}
