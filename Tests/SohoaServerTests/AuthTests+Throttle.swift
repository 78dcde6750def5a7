import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOPosix
import SohoaCatalog
import SohoaSharing
import XCTest

@testable import SohoaServer

/// The sign-in throttle and the password pool: delays that double, parallel guesses, fresh names per
/// address, a correct sign-in never delayed by others' failures, bcrypt on its own low-priority pool.
extension AuthTests {
    // MARK: - Slowing repeated failures

    func testDelaysDoubleUpToThirtySeconds() {
        let free = SignInThrottle.freeAttemptsPerPair
        XCTAssertEqual((0..<free).map { SignInThrottle.delay(attempt: $0, free: free) }, [.zero, .zero, .zero])
        XCTAssertEqual(
            [3, 4, 5, 7, 8, 1000].map { SignInThrottle.delay(attempt: $0, free: free) },
            [.seconds(1), .seconds(2), .seconds(4), .seconds(16), .seconds(30), .seconds(30)])
    }

    /// Offsets from `now` at which reserved attempts may be checked.
    private static func waits(_ reservations: [SignInThrottle.Reservation], from now: ContinuousClock.Instant) -> [Duration] {
        reservations.map { $0.notBefore - now }
    }

    func testParallelGuessesWaitAsIfSentOneAfterAnother() {
        let throttle = SignInThrottle()
        let now = ContinuousClock.now
        // Six guesses that all start at the same moment are reserved before any password is checked.
        let guesses = (0..<6).map { _ in throttle.reserve(address: "203.0.113.7", name: "lan", now: now) }
        XCTAssertEqual(
            Self.waits(guesses, from: now), [.zero, .zero, .zero, .seconds(1), .seconds(3), .seconds(7)],
            "each guess after the third waits 1 s, 2 s, 4 s after the one before, as if sent one at a time")
        XCTAssertEqual(throttle.attempts(address: "203.0.113.7", name: "LAN").pair, 6, "names are counted regardless of case")
    }

    func testFreshNamesAreSlowedPerAddress() {
        let throttle = SignInThrottle()
        let now = ContinuousClock.now
        let free = SignInThrottle.freeAttemptsPerAddress
        let guesses = (0..<(free + 2)).map { throttle.reserve(address: "203.0.113.7", name: "name\($0)", now: now) }
        XCTAssertEqual(Self.waits(Array(guesses.prefix(free)), from: now), Array(repeating: .zero, count: free))
        XCTAssertEqual(Self.waits(Array(guesses.suffix(2)), from: now), [.seconds(1), .seconds(3)], "a new name each time is slowed too")
        let elsewhere = throttle.reserve(address: "198.51.100.2", name: "name\(free + 5)", now: now)
        XCTAssertEqual(elsewhere.notBefore, now, "another address is not slowed")
    }

    func testOthersFailuresDoNotDelayACorrectSignIn() async throws {
        let throttle = SignInThrottle()
        let now = ContinuousClock.now
        for _ in 0..<20 { _ = throttle.reserve(address: "203.0.113.7", name: "lan", now: now) }
        XCTAssertEqual(throttle.reserve(address: "198.51.100.2", name: "lan", now: now).notBefore, now)

        // The same through the routes: guesses from one address, the right password from another.
        let services = try services()
        try addTestUser(services, name: "lan", role: .archivist, password: Self.password)
        try await application(services).test(.router) { client in
            for attempt in 1...(SignInThrottle.freeAttemptsPerPair + 1) {
                let response = try await Self.postLogin(
                    client, ["name": "lan", "password": "wrong \(attempt)"], from: "203.0.113.7")
                XCTAssertEqual(response.status, .unauthorized)
            }
            XCTAssertEqual(try services.catalog.user(name: "lan")?.failedSignIns, SignInThrottle.freeAttemptsPerPair + 1)
            let wait = services.signIns.reserve(address: "203.0.113.7", name: "lan").notBefore - .now
            XCTAssertGreaterThan(wait, .seconds(1), "the guessing address waits")
            let right = try await Self.postLogin(client, ["name": "lan", "password": Self.password], from: "198.51.100.2")
            XCTAssertEqual(right.status, .seeOther)
            XCTAssertEqual(try services.catalog.user(name: "lan")?.failedSignIns, 0, "a success starts the count again")
            XCTAssertEqual(services.signIns.attempts(address: "198.51.100.2", name: "lan").pair, 0)
        }
    }

    func testXForwardedForCountsOnlyFromThisMachine() {
        XCTAssertTrue(ClientAddress.isLoopback("127.0.0.1"))
        XCTAssertTrue(ClientAddress.isLoopback("::1"))
        XCTAssertFalse(ClientAddress.isLoopback("203.0.113.7"))
    }

    func testPasswordChecksDoNotUseTheFileThreadPool() async throws {
        let services = try services()
        // A cost high enough that six checks keep the password thread busy for a while.
        try services.catalog.addUser(
            name: "lan", displayName: nil, role: .archivist, passwordHash: try PasswordHasher(cost: 11).hash(Self.password))
        try await application(services).test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for guess in 0..<6 {
                    group.addTask {
                        let response = try await Self.postLogin(
                            client, ["name": "lan", "password": "wrong \(guess)"], from: "198.51.100.\(guess)")
                        XCTAssertEqual(response.status, .unauthorized)
                    }
                }
                while services.passwordChecks.jobs < 4 { try await Task.sleep(for: .milliseconds(5)) }
                // Files are served on NIO's shared thread pool: it answers at once, not after the
                // checks queued before it (each takes a good part of a second).
                let answer = try await NIOThreadPool.singleton.runIfActive { 42 }
                XCTAssertEqual(answer, 42)
                XCTAssertGreaterThanOrEqual(
                    services.passwordChecks.jobs, 3, "the file pool answered while the queued password checks were still waiting")
                try await group.waitForAll()
            }
        }
    }

    func testPasswordChecksRunAtALowPriority() async throws {
        #if os(Linux)
            let low = BoundedThreadPool(name: "test", threads: 2, capacity: 4, priority: .background)
            for _ in 0..<4 {
                let niceness = try await low.run { PriorityThread.currentThreadNiceness }
                XCTAssertEqual(niceness, PriorityThread.niceness(of: .background))
            }
            let normal = BoundedThreadPool(name: "test", threads: 1, capacity: 1)
            let niceness = try await normal.run { PriorityThread.currentThreadNiceness }
            XCTAssertEqual(niceness, PriorityThread.serverNiceness, "other pools keep the server's priority")
        #else
            throw XCTSkip("threads have a nice value of their own only on Linux")
        #endif
    }

    func testFullPasswordPoolAnswers503WithRetryAfter() async throws {
        let pool = BoundedThreadPool(name: "test", threads: 1, capacity: 1)
        let release = DispatchSemaphore(value: 0)
        async let blocked: Void = pool.run { release.wait() }
        while pool.jobs < 1 { try await Task.sleep(for: .milliseconds(5)) }
        do {
            _ = try await pool.run { 1 }
            XCTFail("a full pool took more work")
        } catch let error as HTTPError {
            XCTAssertEqual(error.status, .serviceUnavailable)
            XCTAssertNotNil(error.headers[.retryAfter])
        }
        release.signal()
        try await blocked
        let after = try await pool.run { 2 }
        XCTAssertEqual(after, 2)
    }
}
