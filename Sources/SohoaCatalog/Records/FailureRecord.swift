import Foundation
import GRDB

/// A file or page the pipeline could not process, including quarantined files that never became pages
/// (table `failures`).
public struct FailureRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "failures"

    /// Assigned by the catalog.
    public var id: Int64?
    /// The batch run that met the failure.
    public var batchID: Int64?
    /// The item, when the failure is known to belong to one.
    public var itemID: String?
    /// The file that failed.
    public var filePath: String
    /// The 0-based page of a multi-page file, when the failure is about one page.
    public var pageIndex: Int?
    public var stage: PipelineStage
    /// What went wrong and what to do about it.
    public var reason: String
    public var at: Date

    /// Makes a failure record; `id` is assigned when it is stored.
    public init(
        id: Int64? = nil, batchID: Int64?, itemID: String? = nil, filePath: String, pageIndex: Int? = nil,
        stage: PipelineStage, reason: String, at: Date = Date()
    ) {
        self.id = id
        self.batchID = batchID
        self.itemID = itemID
        self.filePath = filePath
        self.pageIndex = pageIndex
        self.stage = stage
        self.reason = reason
        self.at = at
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
