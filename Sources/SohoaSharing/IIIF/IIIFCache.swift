import Synchronization

/// A thread-safe least-recently-used cache bounded by the total cost of its values (bytes, say).
/// The most recent value is kept even when it alone is over the budget.
public final class IIIFCache<Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var cost: Int
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var total = 0
        var clock: UInt64 = 0
    }

    /// The largest total cost kept.
    public let budget: Int
    private let state = Mutex(State())

    public init(budget: Int) {
        self.budget = budget
    }

    /// The value under `key`, marked as just used.
    public func value(for key: String) -> Value? {
        state.withLock { state in
            guard var entry = state.entries[key] else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry.value
        }
    }

    /// Keeps `value` under `key`, dropping the least recently used values while over budget.
    public func insert(_ value: Value, for key: String, cost: Int) {
        state.withLock { state in
            state.clock += 1
            if let old = state.entries[key] { state.total -= old.cost }
            state.entries[key] = Entry(value: value, cost: cost, lastUse: state.clock)
            state.total += cost
            while state.total > budget, state.entries.count > 1,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
            {
                state.total -= oldest.value.cost
                state.entries[oldest.key] = nil
            }
        }
    }

    /// The total cost of what is kept.
    public var totalCost: Int { state.withLock { $0.total } }

    /// How many values are kept.
    public var count: Int { state.withLock { $0.entries.count } }
}
