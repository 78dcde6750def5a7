import Foundation

/// COUNTER's double-click rule, for one visit: the same request made again within 30 seconds counts
/// once. COUNTER keeps the last of such clicks; counting the first and dropping each repeat that
/// comes 30 seconds or less after the one before gives the same number.
struct DoubleClickFilter: Sendable {
    /// How close two identical requests must be to count once.
    static let window: TimeInterval = 30

    private var lastClicks: [String: Date] = [:]

    /// Whether `request` (what was asked for, e.g. `item:<id>`) made at `time` counts.
    mutating func counts(_ request: String, at time: Date) -> Bool {
        defer { lastClicks[request] = time }
        guard let previous = lastClicks[request] else { return true }
        return time.timeIntervalSince(previous) > Self.window
    }

    /// How many requests are remembered (what `forget(before:)` keeps memory from growing in).
    var rememberedCount: Int { lastClicks.count }

    /// Forgets requests made more than the window before `time` (they can no longer be repeated).
    mutating func forget(before time: Date) {
        lastClicks = lastClicks.filter { time.timeIntervalSince($0.value) <= Self.window }
    }
}
