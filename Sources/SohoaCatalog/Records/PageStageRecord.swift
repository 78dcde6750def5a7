import Foundation
import GRDB

/// Where one page stands in one stage (table `page_stages`, one row per page and stage).
public struct PageStageRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The state of a page in a stage.
    public enum State: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
        /// Waiting for the stage.
        case pending
        /// The stage is working on the page.
        case running
        /// The stage finished.
        case done
        /// The stage failed; `error` says why.
        case failed
        /// Not run on purpose (e.g. OCR of an item whose language has no model).
        case skipped
    }

    public static let databaseTableName = "page_stages"

    public var pageID: Int64
    public var stage: PipelineStage
    public var state: State
    /// Why the stage failed or was skipped; required when failed.
    public var error: String?
    /// When the stage last started on this page.
    public var startedAt: Date?
    /// When the stage last ended (done, failed or skipped).
    public var finishedAt: Date?

    /// Makes a stage record.
    public init(
        pageID: Int64, stage: PipelineStage, state: State, error: String? = nil, startedAt: Date? = nil,
        finishedAt: Date? = nil
    ) {
        self.pageID = pageID
        self.stage = stage
        self.state = state
        self.error = error
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}
