import Foundation
import GRDB

/// One run of the pipeline over a batch folder (table `batches`).
public struct BatchRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// Where a batch run stands.
    public enum State: String, Codable, Sendable, CaseIterable {
        /// The run has started and not finished.
        case running
        /// The run went through every page (some may have failed; see `failureCount`).
        case finished
        /// The run stopped on an error that was not about one page.
        case failed
        /// The run was stopped (SIGINT/SIGTERM); the next run resumes it.
        case interrupted
    }

    public static let databaseTableName = "batches"

    /// Assigned by the catalog.
    public var id: Int64?
    /// The batch folder, as given on the command line.
    public var path: String
    /// The pipeline's name (`name:` in the pipeline file).
    public var pipeline: String
    public var startedAt: Date
    /// Set when the run ends, whatever the outcome.
    public var finishedAt: Date?
    public var state: State
    /// Pages processed by the run.
    public var pageCount: Int
    /// Files or pages that failed or were quarantined.
    public var failureCount: Int

    /// Makes a batch record; `id` is assigned when it is inserted.
    public init(
        id: Int64? = nil, path: String, pipeline: String, startedAt: Date, finishedAt: Date? = nil,
        state: State = .running, pageCount: Int = 0, failureCount: Int = 0
    ) {
        self.id = id
        self.path = path
        self.pipeline = pipeline
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.state = state
        self.pageCount = pageCount
        self.failureCount = failureCount
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
