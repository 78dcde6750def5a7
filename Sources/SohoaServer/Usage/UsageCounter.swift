import Foundation
import SohoaCatalog
import Synchronization

/// Counts what readers do by the COUNTER rules, in memory, one lock per request: robots (the COUNTER
/// list) are left out; a visit is one client (`VisitKeys`: a daily-salted hash, never the address)
/// until 30 minutes pass without a request or the day (UTC) ends; a page's image counts once
/// per visit however many tiles are fetched; any other request repeated by the visit within 30
/// seconds counts once (`DoubleClickFilter`). The sums wait in a `UsageBatch` until `flush` writes
/// them to the catalog in one transaction (`UsageFlushService` does every few seconds and at stop).
final class UsageCounter: Sendable {
    /// A visit ends after this long without a request.
    static let visitTimeout: TimeInterval = 30 * 60

    let robots: RobotMatcher
    private let clock: @Sendable () -> Date
    private let state: Mutex<State>

    /// One visit's memory: when it was last seen, which libraries and pages it has counted, its clicks.
    private struct Visit {
        var lastSeen: Date
        var libraries: Set<String> = []
        var pages: Set<Int64> = []
        var clicks = DoubleClickFilter()
    }

    private struct State {
        var keys: VisitKeys
        var visits: [String: Visit] = [:]
        var pending = UsageBatch()
    }

    /// A counter reading the time from `clock` (tests replay a log with their own).
    init(robots: RobotMatcher = RobotMatcher(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.robots = robots
        self.clock = clock
        state = Mutex(State(keys: VisitKeys(day: UsageDay.text(clock()))))
    }

    /// Counts `event` made by the client at `address` with `userAgent`; returns whether it counted
    /// (not: a robot, a double click, a page this visit has already seen).
    @discardableResult
    func record(_ event: UsageEvent, address: String, userAgent: String) -> Bool {
        guard !robots.isRobot(userAgent) else { return false }
        let now = clock()
        let day = UsageDay.text(now)
        return state.withLock { state in
            if state.keys.isStale(for: day) {
                // A new day: a new salt, and every visit ends.
                state.keys.rotate(to: day)
                state.visits.removeAll()
            }
            let key = state.keys.key(address: address, userAgent: userAgent)
            var isNew = false
            var visit: Visit
            if let known = state.visits[key], now.timeIntervalSince(known.lastSeen) <= Self.visitTimeout {
                visit = known
            } else {
                visit = Visit(lastSeen: now)
                isNew = true
            }
            visit.lastSeen = now
            let counts: Bool
            if case .pageView(let pageID, _, _) = event {
                counts = visit.pages.insert(pageID).inserted
            } else {
                counts = visit.clicks.counts(event.request, at: now)
            }
            guard counts else {
                state.visits[key] = visit
                return false
            }
            var figures = event.figures
            figures.visits = isNew ? 1 : 0
            state.pending.libraries[UsageBatch.LibraryDay(day: day, libraryCode: UsageBatch.wholeCollection), default: .zero] +=
                figures
            if let library = event.libraryCode {
                var libraryFigures = event.figures
                libraryFigures.visits = visit.libraries.insert(library).inserted ? 1 : 0
                state.pending.libraries[UsageBatch.LibraryDay(day: day, libraryCode: library), default: .zero] += libraryFigures
                if let itemID = event.itemID {
                    let itemDay = UsageBatch.ItemDay(day: day, itemID: itemID)
                    let before = state.pending.items[itemDay]?.figures ?? .zero
                    state.pending.items[itemDay] = (library, before + event.figures)
                }
            }
            state.visits[key] = visit
            return true
        }
    }

    /// The sums counted since the last call, which the counter forgets; visits that have ended are
    /// forgotten too.
    func takeBatch() -> UsageBatch {
        let now = clock()
        return state.withLock { state in
            let batch = state.pending
            state.pending = UsageBatch()
            state.visits = state.visits.filter { now.timeIntervalSince($0.value.lastSeen) <= Self.visitTimeout }
            for key in state.visits.keys { state.visits[key]?.clicks.forget(before: now) }
            return batch
        }
    }

    /// Gives back a batch that could not be written, to be written with the next one.
    func putBack(_ batch: UsageBatch) {
        state.withLock { $0.pending.add(batch) }
    }

    /// Writes what was counted to the catalog in one transaction; on failure the sums are kept for
    /// the next flush, and the error is thrown. When the outcome is unknown (`.outcomeUnknown`: the
    /// connection to PostgreSQL broke during the commit) the sums are not kept: written again they
    /// would be counted twice if the commit had landed; losing them at worst undercounts.
    func flush(to catalog: Catalog) throws(CatalogError) {
        let batch = takeBatch()
        do {
            try catalog.recordUsage(batch)
        } catch {
            if error.kind != .outcomeUnknown { putBack(batch) }
            throw error
        }
    }

    /// Visits remembered now (for tests).
    var rememberedVisits: Int { state.withLock { $0.visits.count } }
}
