import Foundation

/// A blocking FIFO with a fixed capacity that joins two stages: a full queue blocks the producer
/// (back-pressure), so memory is bounded by capacities, not by the size of the batch.
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element] = []
    private var closed = false
    public let capacity: Int

    public init(capacity: Int) {
        precondition(capacity > 0, "a queue needs room for at least one element")
        self.capacity = capacity
    }

    /// Adds `element`, waiting while the queue is full. Returns `false` if the queue was closed.
    @discardableResult
    public func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        buffer.append(element)
        condition.broadcast()
        return true
    }

    /// Removes the oldest element, waiting while the queue is empty; `nil` once closed and drained.
    public func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty && !closed { condition.wait() }
        guard !buffer.isEmpty else { return nil }
        let element = buffer.removeFirst()
        condition.broadcast()
        return element
    }

    /// No more elements will be put; consumers drain what is left, then get `nil`.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Elements waiting now.
    public var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return buffer.count
    }
}
