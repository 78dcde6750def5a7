/// What `sohoa status` shows: recent batch runs, items by state, pages by stage and state, OCR
/// quality and recent failures.
public struct CatalogStatus: Sendable, Equatable, Encodable {
    /// The latest batch runs, latest first.
    public var recentBatches: [BatchRecord]
    public var itemCount: Int
    /// Items per state; states with no items are absent.
    public var itemsByState: [ItemRecord.State: Int]
    public var pageCount: Int
    /// Pages per overall state; states with no pages are absent.
    public var pagesByState: [PageRecord.State: Int]
    /// Pages per stage and state; a page that has not entered a stage is not counted for it.
    public var pagesByStage: [PipelineStage: [PageStageRecord.State: Int]]
    public var blankPageCount: Int
    /// Mean of the pages' OCR confidences (0–100), over pages that have one.
    public var meanConfidence: Double?
    /// Failures recorded, all runs.
    public var failureCount: Int
    /// The latest failures, latest first.
    public var recentFailures: [FailureRecord]
    /// The latest fixity audit (`sohoa audit`), if any.
    public var lastAudit: AuditRecord? = nil
    /// Pages reviewers sent back for rescanning, latest first.
    public var rescanRequests: [RescanRequest] = []
    /// Pages whose recognized text looks wrong (issue 11), those waiting for review first.
    public var suspectPages: [SuspectPageRecord] = []
    /// How many pages are suspect in all (the list may be cut short).
    public var suspectPageCount = 0

    /// Makes a status.
    public init(
        recentBatches: [BatchRecord], itemCount: Int, itemsByState: [ItemRecord.State: Int], pageCount: Int,
        pagesByState: [PageRecord.State: Int], pagesByStage: [PipelineStage: [PageStageRecord.State: Int]],
        blankPageCount: Int, meanConfidence: Double?, failureCount: Int, recentFailures: [FailureRecord]
    ) {
        self.recentBatches = recentBatches
        self.itemCount = itemCount
        self.itemsByState = itemsByState
        self.pageCount = pageCount
        self.pagesByState = pagesByState
        self.pagesByStage = pagesByStage
        self.blankPageCount = blankPageCount
        self.meanConfidence = meanConfidence
        self.failureCount = failureCount
        self.recentFailures = recentFailures
    }
}
