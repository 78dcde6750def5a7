import Foundation

// Whole `Codable` records written through `CatalogStatements`, on either backend, as GRDB's
// `insert`/`update` write them: every property one column, in the record's order.
extension CatalogTransaction {
    /// `record`'s columns, or a `CatalogError` naming the record.
    func columns<T: Encodable>(of record: T) throws(CatalogError) -> [(name: String, value: CatalogValue)] {
        do {
            return try CatalogRecordEncoder.columns(of: record)
        } catch {
            throw CatalogError(
                kind: .databaseFailed, file: file,
                message:
                    "không ghi được \(T.self) vào danh mục / cannot write \(T.self) to the catalog at \(file.absoluteString): \(error); report it"
            )
        }
    }

    /// `INSERT INTO table` of `record`'s columns (an `id` that is nil is left to the catalog), and the
    /// new row's `id`.
    func insertRecordReturningID<T: Encodable>(_ record: T, into table: String) throws(CatalogError) -> Int64 {
        let (sql, values) = try insertStatement(record, into: table)
        return try statements.insertReturningID(sql, values)
    }

    /// `INSERT INTO table` of `record`'s columns, for a table without an `id` column.
    func insertRecord<T: Encodable>(_ record: T, into table: String) throws(CatalogError) {
        let (sql, values) = try insertStatement(record, into: table)
        try statements.execute(sql, values)
    }

    private func insertStatement<T: Encodable>(_ record: T, into table: String) throws(CatalogError) -> (String, [CatalogValue]) {
        let columns = try columns(of: record).filter { !($0.name == "id" && $0.value == .null) }
        let names = columns.map(\.name).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return ("INSERT INTO \(table) (\(names)) VALUES (\(marks))", columns.map(\.value))
    }

    /// `UPDATE table` of `record`'s columns where its `key` columns equal the record's; returns how many
    /// rows changed (0 when there is no such row).
    @discardableResult
    func updateRecord<T: Encodable>(_ record: T, in table: String, key: [String]) throws(CatalogError) -> Int {
        let columns = try columns(of: record)
        let set = columns.filter { !key.contains($0.name) }
        var keyValues: [CatalogValue] = []
        for name in key {
            guard let value = columns.first(where: { $0.name == name })?.value else {
                throw CatalogError(
                    kind: .databaseFailed, file: file,
                    message: "\(T.self) không có cột \(name) để cập nhật \(table); hãy báo lỗi này / \(T.self) has no column \(name) to "
                        + "update \(table) by; report it")
            }
            keyValues.append(value)
        }
        let assignments = set.map { "\($0.name) = ?" }.joined(separator: ", ")
        let condition = key.map { "\($0) = ?" }.joined(separator: " AND ")
        return try statements.execute("UPDATE \(table) SET \(assignments) WHERE \(condition)", set.map(\.value) + keyValues)
    }
}
