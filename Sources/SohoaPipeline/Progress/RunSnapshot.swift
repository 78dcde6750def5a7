import Foundation

/// The state of a run at one moment: what the progress display and the summary show.
public struct RunSnapshot: Sendable, Codable {
    public var batch: String
    public var startedAt: Date
    public var elapsedSeconds: Double
    public var itemsTotal = 0
    public var itemsPackaged = 0
    public var itemsSkipped = 0
    public var itemsFailed = 0
    public var pagesTotal = 0
    /// Pages recognized (or image-only pages normalized) in this run.
    public var pagesDone = 0
    /// Pages whose earlier results were reused (already done by an earlier run).
    public var pagesReused = 0
    public var pagesFailed = 0
    public var pagesBlank = 0
    /// What each worker is doing now, by worker name (`ocr.1` → `dia-chi/p003`).
    public var activity: [String: String] = [:]
    public var failures: [StageFailure] = []
    /// Things staff should know that did not fail the run (an item made image-only, an estimated DPI).
    public var warnings: [String] = []
    /// Pages whose recognized text looks wrong (issue 11), in the order they were found.
    public var suspectPages: [SuspectPage] = []
    public var stopped = false

    /// Pages accounted for so far.
    public var pagesFinished: Int { pagesDone + pagesReused + pagesFailed }

    /// Pages processed per minute in this run (reused pages excluded).
    public var pagesPerMinute: Double {
        elapsedSeconds > 0 ? Double(pagesDone) / elapsedSeconds * 60 : 0
    }

    /// Seconds left at the current pace, when there is a pace to go by.
    public var etaSeconds: Double? {
        let left = pagesTotal - pagesFinished
        guard pagesDone > 0, left > 0 else { return left <= 0 ? 0 : nil }
        return Double(left) / (Double(pagesDone) / elapsedSeconds)
    }
}
