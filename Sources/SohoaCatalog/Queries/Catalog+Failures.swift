import Foundation
import GRDB

extension Catalog {
    /// Records a file or page that failed or was quarantined, and returns the record with its id.
    ///
    /// - Parameter page: the 0-based page of a multi-page file, when the failure is about one page.
    @discardableResult
    public func recordFailure(
        batchID: Int64?, itemID: String? = nil, file path: String, page: Int? = nil, stage: PipelineStage,
        reason: String, at date: Date = Date()
    ) throws(CatalogError) -> FailureRecord {
        try write { tx throws(CatalogError) in
            try tx.recordFailure(
                batchID: batchID, itemID: itemID, file: path, page: page, stage: stage, reason: reason, at: date)
        }
    }

    /// The failures of one batch run, in the order they were recorded.
    public func failures(batchID: Int64) throws(CatalogError) -> [FailureRecord] {
        try read { tx throws(CatalogError) in try tx.failures(batchID: batchID) }
    }

    /// The latest failures of all runs (of items in `scope`), latest first.
    public func failures(limit: Int = 100, scope: AccessScope = .everything) throws(CatalogError) -> [FailureRecord] {
        try read { tx throws(CatalogError) in try tx.failures(limit: limit, scope: scope) }
    }
}

extension CatalogTransaction {
    /// Records a file or page that failed or was quarantined, and returns the record with its id.
    ///
    /// - Parameter page: the 0-based page of a multi-page file, when the failure is about one page.
    @discardableResult
    public func recordFailure(
        batchID: Int64?, itemID: String? = nil, file path: String, page: Int? = nil, stage: PipelineStage,
        reason: String, at date: Date = Date()
    ) throws(CatalogError) -> FailureRecord {
        let stored = FailureRecord(
            batchID: batchID, itemID: itemID, filePath: path, pageIndex: page, stage: stage, reason: reason, at: date)
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let id = try insertRecordReturningID(stored, into: "failures")
        return try statements.fetchOne("SELECT * FROM failures WHERE id = ?", [.integer(id)])?.decode(FailureRecord.self) ?? stored
    }

    /// The failures of one batch run, in the order they were recorded.
    public func failures(batchID: Int64) throws(CatalogError) -> [FailureRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var failures: [FailureRecord] = []
        for row in try statements.fetch("SELECT * FROM failures WHERE batchID = ? ORDER BY id", [.integer(batchID)]) {
            failures.append(try row.decode(FailureRecord.self))
        }
        return failures
    }

    /// The latest failures of all runs (of items in `scope`), latest first.
    public func failures(limit: Int = 100, scope: AccessScope = .everything) throws(CatalogError) -> [FailureRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        let (condition, scopeArguments) = scope.itemCondition(column: "itemID")
        var failures: [FailureRecord] = []
        for row in try statements.fetch(
            "SELECT * FROM failures WHERE \(condition) ORDER BY at DESC, id DESC LIMIT ?", scopeArguments + [.integer(max(0, limit))])
        {
            failures.append(try row.decode(FailureRecord.self))
        }
        return failures
    }
}
