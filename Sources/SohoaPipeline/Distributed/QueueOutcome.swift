import Foundation

/// What a worker made of one queued page, written into the work area (`WorkArea.outcomeURL`, named by
/// the page and the claim's token) before it completes the page: the planner records exactly the
/// outcome filed under the token the queue says completed the page, so a late result of a lease that
/// expired is never used.
struct QueueOutcome: Codable, Sendable {
    /// One page the normalized page became: the page itself, or a half of a split spread.
    struct Part: Codable, Sendable {
        /// `a` or `b` for a spread's half, `nil` for the whole page.
        var spreadPart: String?
        /// The recognized page (also saved in the part's work folder, as a local run saves it).
        var result: PageResult?
        /// Why recognition failed.
        var failure: StageFailure?
    }

    /// The worker (`host:pid/n`).
    var worker: String
    /// The parts, in order (left half first); empty when `failure` is set.
    var parts: [Part]
    /// Why the page failed before it was normalized (decoding, the quality gate, normalizing).
    var failure: StageFailure?
    /// How long the worker took, in seconds.
    var seconds: Double
}
