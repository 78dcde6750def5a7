import Foundation

/// How the Image API serves (`sharing.iiif` in `<archive>/server.yaml`): the size limits and how many
/// images are rendered at once or wait for their turn.
public struct IIIFSettings: Sendable, Equatable {
    /// The largest answer (declared in info.json).
    public var limits: IIIFLimits
    /// Renders running at once (default: one per processor).
    public var concurrentRenders: Int
    /// Renders waiting for their turn; requests beyond them are answered 503 with `Retry-After`.
    public var waitingRenders: Int

    public init(
        limits: IIIFLimits = .standard, concurrentRenders: Int = ProcessInfo.processInfo.activeProcessorCount,
        waitingRenders: Int = IIIFSettings.defaultWaitingRenders
    ) {
        self.limits = limits
        self.concurrentRenders = max(1, concurrentRenders)
        self.waitingRenders = max(0, waitingRenders)
    }

    /// The default length of the waiting line: a deep-zoom viewer asks for a dozen tiles at once.
    public static let defaultWaitingRenders = 32
}
