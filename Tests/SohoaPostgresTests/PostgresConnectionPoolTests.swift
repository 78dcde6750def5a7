import Foundation
import SohoaCatalog
import SohoaPostgresTesting
import Synchronization
import XCTest

@testable import SohoaPostgres

/// `PostgresCatalogBackend`'s pool of connections (issue 16, `sohoa serve --catalog`): transactions
/// of several threads run at once, each on a connection of its own; a connection the server ended is
/// replaced, not fatal.
final class PostgresConnectionPoolTests: XCTestCase {
    /// The server's id of the connection a read runs on.
    private func backendID(_ backend: PostgresCatalogBackend) throws -> Int {
        try backend.read { statements throws(CatalogError) in
            try statements.fetchOne("SELECT pg_backend_pid() AS pid")?.int("pid") ?? 0
        }
    }

    /// Two reads on two threads, the first waiting inside its transaction (up to `patience`) until the
    /// second is inside its own; returns whether the second came in, and the two connections' ids.
    private func twoReads(_ backend: PostgresCatalogBackend, patience: TimeInterval) -> (together: Bool, ids: Set<Int>) {
        let secondInside = DispatchSemaphore(value: 0)
        let firstInside = DispatchSemaphore(value: 0)
        let state = Answers()
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread {
            defer { group.leave() }
            let id = try? backend.read { statements throws(CatalogError) -> Int in
                let id = try statements.fetchOne("SELECT pg_backend_pid() AS pid")?.int("pid") ?? 0
                firstInside.signal()
                let together = secondInside.wait(timeout: .now() + patience) == .success
                state.update { $0.together = together }
                return id
            }
            if let id { state.update { $0.ids.insert(id) } }
        }
        group.enter()
        Thread.detachNewThread {
            defer { group.leave() }
            firstInside.wait()
            let id = try? backend.read { statements throws(CatalogError) -> Int in
                secondInside.signal()
                return try statements.fetchOne("SELECT pg_backend_pid() AS pid")?.int("pid") ?? 0
            }
            if let id { state.update { $0.ids.insert(id) } }
        }
        group.wait()
        return state.update { ($0.together, $0.ids) }
    }

    /// What the two threads of `twoReads` found.
    private final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        var together = false
        var ids: Set<Int> = []

        @discardableResult
        func update<T>(_ change: (Answers) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return change(self)
        }
    }

    func testTwoReadsRunAtOnceOnTwoConnections() throws {
        let database = try PostgresTestDatabase(self)
        let pooled = try PostgresCatalogBackend(database.address, connections: 2)
        let (together, ids) = twoReads(pooled, patience: 20)
        XCTAssertTrue(together, "the second read ran while the first was still open")
        XCTAssertEqual(ids.count, 2, "each on a connection of its own: \(ids)")
        XCTAssertEqual(pooled.openConnections, 2)

        // The control: with one connection the second read waits for the first to end.
        let single = try PostgresCatalogBackend(database.address, connections: 1)
        let (alone, singleIDs) = twoReads(single, patience: 1)
        XCTAssertFalse(alone, "one connection: the second read waited")
        XCTAssertEqual(singleIDs.count, 1, "\(singleIDs)")
        XCTAssertEqual(single.openConnections, 1)
    }

    func testAKilledConnectionIsReplaced() throws {
        let database = try PostgresTestDatabase(self)
        let backend = try PostgresCatalogBackend(database.address, connections: 1)
        let admin = try database.connect()
        defer { admin.close() }
        /// Ends the connection `id` and waits until the server has let it go.
        func kill(_ id: Int) throws {
            try admin.query("SELECT pg_terminate_backend(CAST(\(id) AS integer))")
            for _ in 0..<100 {
                let left = try admin.query("SELECT count(*) FROM pg_stat_activity WHERE pid = CAST(\(id) AS integer)").first?.decode(
                    Int.self)
                if left == 0 { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            XCTFail("connection \(id) did not end")
        }

        let first = try backendID(backend)
        try kill(first)
        let second = try backendID(backend)
        XCTAssertNotEqual(second, first, "the read ran again on a new connection")

        try kill(second)
        let written = try backend.write { statements throws(CatalogError) in
            try statements.execute("UPDATE items SET title = title WHERE id = ?", [.text("none")])
        }
        XCTAssertEqual(written, 0, "a write whose connection had ended before it began runs on a new one")
        XCTAssertNotEqual(try backendID(backend), second)
        XCTAssertEqual(backend.openConnections, 1, "the dead connections were let go")
    }

    /// Ends the connection `id` from `admin`, waits until the server has let it go, and gives the
    /// client a moment to see its socket closed.
    private func terminate(_ id: Int, from admin: PostgresCatalogConnection) throws {
        try admin.query("SELECT pg_terminate_backend(CAST(\(id) AS integer))")
        for _ in 0..<100 {
            let left = try admin.query("SELECT count(*) FROM pg_stat_activity WHERE pid = CAST(\(id) AS integer)").first?.decode(Int.self)
            if left == 0 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.2)
    }

    func testAWriteWhoseConnectionEndsInsideItRunsOnceAndItsOutcomeIsUnknown() throws {
        let database = try PostgresTestDatabase(self)
        let backend = try PostgresCatalogBackend(database.address, connections: 2)
        let admin = try database.connect()
        defer { admin.close() }
        var runs = 0
        do {
            try backend.write { statements throws(CatalogError) in
                runs += 1
                let id = try statements.fetchOne("SELECT pg_backend_pid() AS pid")?.int("pid") ?? 0
                try statements.execute("UPDATE items SET title = title WHERE id = ?", [.text("none")])
                do { try terminate(id, from: admin) } catch { XCTFail("\(error)") }
            }
            XCTFail("the write's connection ended before its COMMIT")
        } catch {
            XCTAssertEqual(error.kind, .outcomeUnknown, "\(error)")
            XCTAssertTrue(error.message.hasPrefix("mất kết nối"), error.message)
        }
        XCTAssertEqual(runs, 1, "a write that may have reached the server is not run again")
        XCTAssertEqual(try backendID(backend) > 0, true, "the next transaction runs on a new connection")
    }

    /// A writer stuck inside its transaction (its network cut, its machine suspended) holds the write
    /// lock: the others wait `lockTimeoutSeconds` and fail with `.locked`, as on SQLite, instead of
    /// waiting for ever; the server ends a session idle in a transaction after `idleInTransactionSeconds`.
    func testAWriterStuckInItsTransactionMakesTheOthersFailLockedNotWaitForEver() throws {
        let database = try PostgresTestDatabase(self)
        let backend = try PostgresCatalogBackend(database.address, connections: 2)
        let stuck = try database.connect()
        defer { stuck.close() }
        try stuck.query("BEGIN")
        try stuck.query("SELECT pg_advisory_xact_lock(CAST(\(PostgresCatalogBackend.writeLock) AS bigint))")
        let start = Date()
        do {
            _ = try backend.write { statements throws(CatalogError) in
                try statements.execute("UPDATE items SET title = title WHERE id = ?", [.text("none")])
            }
            XCTFail("another writer holds the lock")
        } catch {
            XCTAssertEqual(error.kind, .locked, "\(error)")
            XCTAssertTrue(error.message.contains("busy"), error.message)
        }
        let waited = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(waited, Double(PostgresCatalogBackend.lockTimeoutSeconds) - 0.5)
        XCTAssertLessThan(waited, Double(PostgresCatalogBackend.lockTimeoutSeconds) * 6, "waited \(waited) s")
        XCTAssertEqual(
            try backend.read { statements throws(CatalogError) in try statements.fetchOne("SELECT 1 AS one")?.int("one") }, 1,
            "reads do not wait for the lock")
        try stuck.query("ROLLBACK")
        _ = try backend.write { statements throws(CatalogError) in
            try statements.execute("UPDATE items SET title = title WHERE id = ?", [.text("none")])
        }
        let idle = try backend.read { statements throws(CatalogError) in
            try statements.fetchOne("SELECT current_setting('idle_in_transaction_session_timeout') AS t")?.string("t")
        }
        XCTAssertEqual(idle, "\(PostgresCatalogBackend.idleInTransactionSeconds / 60)min")
    }

    func testAReadWhoseConnectionEndsInsideItRunsAgainAndAnswers() throws {
        let database = try PostgresTestDatabase(self)
        let backend = try PostgresCatalogBackend(database.address, connections: 2)
        let admin = try database.connect()
        defer { admin.close() }
        var ids: [Int] = []
        let answer = try backend.read { statements throws(CatalogError) -> Int in
            let id = try statements.fetchOne("SELECT pg_backend_pid() AS pid")?.int("pid") ?? 0
            ids.append(id)
            if ids.count == 1 {
                do { try terminate(id, from: admin) } catch { XCTFail("\(error)") }
            }
            return try statements.fetchOne("SELECT 41 + 1 AS answer")?.int("answer") ?? 0
        }
        XCTAssertEqual(answer, 42)
        XCTAssertEqual(ids.count, 2, "the read ran again: \(ids)")
        XCTAssertNotEqual(ids.first, ids.last, "on another connection")
    }

    /// Two uploads at once, with room for one: writes run one at a time (the advisory lock taken after
    /// BEGIN), so the quota's check and the insertion stay one step and exactly one upload opens.
    func testTwoUploadsAtOnceWithRoomForOneOpenOne() throws {
        let database = try PostgresTestDatabase(self)
        let catalog = Catalog(backend: try PostgresCatalogBackend(database.address, connections: 2))
        let quota = SubmissionQuota(user: 100, total: 1_000_000)
        for round in 0..<30 {
            let user = try XCTUnwrap(
                try catalog.addUser(name: "u\(round)", displayName: nil, role: .scanner, passwordHash: "$2b$04$x").id)
            let go = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            let opened = Mutex(0)
            for upload in 0..<2 {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    go.wait()
                    let sha = String(repeating: String(upload), count: 64)
                    let new = SubmissionRecord(userID: user, name: "lo-\(upload)", size: 60, sha256: sha, chunkSize: 10)
                    if case .opened(_, created: true) = try? catalog.openSubmission(new, within: quota) {
                        opened.withLock { $0 += 1 }
                    }
                }
            }
            go.signal()
            go.signal()
            group.wait()
            XCTAssertEqual(opened.withLock { $0 }, 1, "round \(round): one upload fits the quota")
        }
    }

    /// A server restart ends every connection: after one is found broken, the idle ones are closed
    /// too, so the retry runs on a new connection, not on an idle one that may be dead as well.
    func testAfterABrokenConnectionTheIdleOnesAreClosedBeforeTheRetry() throws {
        let database = try PostgresTestDatabase(self)
        let backend = try PostgresCatalogBackend(database.address, connections: 2)
        let admin = try database.connect()
        defer { admin.close() }
        // Two connections open, both idle afterwards.
        let open = try backend.read { statements throws(CatalogError) -> Set<Int> in
            let outer = try statements.fetchOne("SELECT pg_backend_pid() AS pid")?.int("pid") ?? 0
            let inner = try backend.read { inside throws(CatalogError) in
                try inside.fetchOne("SELECT pg_backend_pid() AS pid")?.int("pid") ?? 0
            }
            return [outer, inner]
        }
        XCTAssertEqual(open.count, 2, "\(open)")
        XCTAssertEqual(backend.openConnections, 2)
        var ids: [Int] = []
        _ = try backend.read { statements throws(CatalogError) -> Int in
            let id = try statements.fetchOne("SELECT pg_backend_pid() AS pid")?.int("pid") ?? 0
            ids.append(id)
            if ids.count == 1 {
                do { try terminate(id, from: admin) } catch { XCTFail("\(error)") }
            }
            return try statements.fetchOne("SELECT 1 AS one")?.int("one") ?? 0
        }
        XCTAssertEqual(ids.count, 2, "\(ids)")
        XCTAssertTrue(open.contains(ids[0]), "\(ids) \(open)")
        XCTAssertFalse(open.contains(ids[1]), "the retry ran on a new connection, the idle one was closed: \(ids) \(open)")
        XCTAssertEqual(backend.openConnections, 1)
    }
}
