import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

final class FileLockTests: XCTestCase {
    /// A cleaner in another process takes a staging folder whose lock it can take for an abandoned one.
    /// A lock made by `createLocked` is locked from the moment its name appears, so a cleaner trying the
    /// name at any moment never takes it before its maker (with `acquire`, the file exists for a moment
    /// before it is locked: a cleaner spinning on it got it in some of these rounds).
    func testALockFileMadeLockedIsNeverTakenBeforeItsMaker() throws {
        let folder = try TemporaryFolder()
        let base = folder.url
        let rounds = 1500
        let state = RoundState()
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            if thread == 0 {
                for round in 1...rounds {
                    let url = base.appendingPathComponent("lock-\(round)")
                    state.begin(round)
                    do {
                        let lock = try FileLock.createLocked(url)
                        if state.takenBeforeMaker(round) { state.violation(round) }
                        lock.unlock()
                    } catch {
                        state.failure("\(round): \(error)")
                    }
                }
                state.finish()
            } else {
                while let round = state.current {
                    let url = base.appendingPathComponent("lock-\(round)")
                    if let lock = FileLock.tryAcquire(url) {
                        state.taken(round)
                        usleep(50)
                        lock.unlock()
                    }
                }
            }
        }
        XCTAssertEqual(state.failures, [])
        XCTAssertEqual(state.violations, [], "rounds where another opener took the lock before its maker")
    }
}

/// What the two threads of the lock test share.
private final class RoundState: @unchecked Sendable {
    private let lock = NSLock()
    private var round = 0
    private var done = false
    private var takenRounds: Set<Int> = []
    private var violationRounds: [Int] = []
    private var failureMessages: [String] = []

    func begin(_ value: Int) { lock.withLock { round = value } }
    func finish() { lock.withLock { done = true } }
    var current: Int? { lock.withLock { done ? nil : round } }
    func taken(_ value: Int) { lock.withLock { _ = takenRounds.insert(value) } }
    func takenBeforeMaker(_ value: Int) -> Bool { lock.withLock { takenRounds.contains(value) } }
    func violation(_ value: Int) { lock.withLock { violationRounds.append(value) } }
    func failure(_ message: String) { lock.withLock { failureMessages.append(message) } }
    var violations: [Int] { lock.withLock { violationRounds } }
    var failures: [String] { lock.withLock { failureMessages } }
}
