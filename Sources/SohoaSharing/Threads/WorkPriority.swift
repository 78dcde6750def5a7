/// How soon a kind of the server's work gets the processor when more is asked than the processors
/// can do at once: the nice value of the threads that run it, above the server's own
/// (`PriorityThread`). Linux gives a thread about 1.25 times less processor time per step of nice
/// while others want it, and all of it when nothing else runs; so the lower classes slow down only
/// when the server is saturated.
public struct WorkPriority: Sendable, Hashable, Comparable {
    /// How much higher the threads' nice value is than the server's (0 to 19).
    public let niceness: Int32

    /// A priority `niceness` steps below the server's own, kept within 0...19 (an unprivileged
    /// process can only lower a thread's priority).
    public init(niceness: Int32) {
        self.niceness = min(19, max(0, niceness))
    }

    /// What a person waits on while typing or panning (searches, image tiles): the server's own
    /// priority.
    public static let interactive = WorkPriority(niceness: 0)
    /// Whole pages built from many catalog rows or archived files (item pages, review screens): a
    /// little lower (nice 2, about two thirds of an interactive thread's share; at nice 5 they
    /// waited over 10 s under the load test's saturating load).
    public static let pages = WorkPriority(niceness: 2)
    /// OAI-PMH harvests: machines, which can wait (nice 5, about a third of an interactive share).
    public static let harvests = WorkPriority(niceness: 5)
    /// Work anyone can ask for in bulk (whole images at the largest size, password checks): lowest
    /// (nice 10, about a tenth of an interactive share).
    public static let background = WorkPriority(niceness: 10)

    /// Higher priority first: `interactive > pages > harvests > background`.
    public static func < (lhs: WorkPriority, rhs: WorkPriority) -> Bool {
        lhs.niceness > rhs.niceness
    }
}
