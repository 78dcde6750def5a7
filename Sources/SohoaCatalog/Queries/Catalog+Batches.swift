import Foundation
import GRDB

extension Catalog {
    /// Records the start of a batch run and returns its id.
    public func startBatch(path: String, pipeline: String, at date: Date = Date()) throws(CatalogError) -> Int64 {
        try write { tx throws(CatalogError) in try tx.startBatch(path: path, pipeline: pipeline, at: date) }
    }

    /// Records the end of a batch run with its counts.
    public func finishBatch(
        id: Int64, state: BatchRecord.State, pages: Int, failures: Int, at date: Date = Date()
    ) throws(CatalogError) {
        try write { tx throws(CatalogError) in
            try tx.finishBatch(id: id, state: state, pages: pages, failures: failures, at: date)
        }
    }

    /// The batch run with this id.
    public func batch(id: Int64) throws(CatalogError) -> BatchRecord? {
        try read { tx throws(CatalogError) in try tx.batch(id: id) }
    }

    /// The latest batch runs (those that ingested items in `scope`), latest first.
    public func batches(limit: Int = 10, scope: AccessScope = .everything) throws(CatalogError) -> [BatchRecord] {
        try read { tx throws(CatalogError) in try tx.batches(limit: limit, scope: scope) }
    }
}

extension CatalogTransaction {
    /// Records the start of a batch run and returns its id.
    public func startBatch(path: String, pipeline: String, at date: Date = Date()) throws(CatalogError) -> Int64 {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try insertRecordReturningID(BatchRecord(path: path, pipeline: pipeline, startedAt: date), into: "batches")
    }

    /// Records the end of a batch run with its counts.
    public func finishBatch(
        id: Int64, state: BatchRecord.State, pages: Int, failures: Int, at date: Date = Date()
    ) throws(CatalogError) {
        guard var batch = try self.batch(id: id) else { throw .notFound("batch \(id)", file: file) }
        batch.state = state
        batch.pageCount = pages
        batch.failureCount = failures
        batch.finishedAt = state == .running ? nil : date
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try updateRecord(batch, in: "batches", key: ["id"])
    }

    /// The batch run with this id.
    public func batch(id: Int64) throws(CatalogError) -> BatchRecord? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT * FROM batches WHERE id = ?", [.integer(id)])?.decode(BatchRecord.self)
    }

    /// The latest batch runs (those that ingested items in `scope`), latest first.
    public func batches(limit: Int = 10, scope: AccessScope = .everything) throws(CatalogError) -> [BatchRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (condition, scopeArguments) = scope.libraryCondition(column: "libraryCode")
        let inScope = scope.isEverything ? "1 = 1" : "id IN (SELECT batchID FROM items WHERE \(condition))"
        var batches: [BatchRecord] = []
        for row in try statements.fetch(
            "SELECT * FROM batches WHERE \(inScope) ORDER BY startedAt DESC, id DESC LIMIT ?", scopeArguments + [.integer(max(0, limit))])
        {
            batches.append(try row.decode(BatchRecord.self))
        }
        return batches
    }
}
