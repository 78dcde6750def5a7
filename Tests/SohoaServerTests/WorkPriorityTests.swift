import Dispatch
import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaCatalog
import SohoaSharing
import XCTest

@testable import SohoaServer

/// Issue 12: the server's work runs in priority classes. What a person waits on while typing
/// (searches) at the server's own priority, item pages and review screens a little lower, OAI-PMH
/// harvests lower, password checks lowest; each class on a pool of its own, so each route's work
/// really runs at its class's priority.
final class WorkPriorityTests: XCTestCase {
    private func archive() throws -> PublicTestArchive {
        let archive = try PublicTestArchive()
        addTeardownBlock { archive.remove() }
        return archive
    }

    func testEachPoolRunsItsWorkAtItsClassPriority() async throws {
        #if os(Linux)
            let services = try archive().services
            let classes: [(BoundedThreadPool, WorkPriority)] = [
                (services.searches, .interactive), (services.pages, .pages), (services.harvests, .harvests),
                (services.passwordChecks, .background), (services.uploads, .background),
            ]
            for (pool, priority) in classes {
                XCTAssertEqual(pool.priority, priority, pool.name)
                // Several at once: whichever of the pool's threads runs each, the priority is the class's.
                let seen = try await withThrowingTaskGroup(of: Int32.self) { group in
                    for _ in 0..<8 { group.addTask { try await pool.run { PriorityThread.currentThreadNiceness } } }
                    return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
                }
                XCTAssertEqual(seen, [PriorityThread.niceness(of: priority)], pool.name)
            }
            XCTAssertEqual([WorkPriority.interactive, .pages, .harvests, .background].map(\.niceness), [0, 2, 5, 10])
            XCTAssertGreaterThan(WorkPriority.interactive, WorkPriority.pages)
            XCTAssertGreaterThan(WorkPriority.pages, WorkPriority.harvests)
            XCTAssertGreaterThan(WorkPriority.harvests, WorkPriority.background)
        #else
            throw XCTSkip("threads have a nice value of their own only on Linux")
        #endif
    }

    func testTheNicenessIsAParameter() async throws {
        #if os(Linux)
            let pool = BoundedThreadPool(name: "test", threads: 1, capacity: 2, priority: WorkPriority(niceness: 7))
            let niceness = try await pool.run { PriorityThread.currentThreadNiceness }
            XCTAssertEqual(niceness, min(19, PriorityThread.serverNiceness + 7))
            XCTAssertEqual(WorkPriority(niceness: 40).niceness, 19, "an unprivileged process has 19 at most")
            XCTAssertEqual(WorkPriority(niceness: -5).niceness, 0, "and cannot raise a thread's priority")
        #else
            throw XCTSkip("threads have a nice value of their own only on Linux")
        #endif
    }

    /// Each route goes to its class's pool: with that pool full it answers 503 (with
    /// `Retry-After`) while the routes of the other classes still answer.
    func testEachRouteRunsOnItsClassPool() async throws {
        let services = try archive().services
        let app = Application(router: SohoaServerApp.router(services: services))
        let item = "/items/lich-su-thu-vien", harvest = "/oai?verb=Identify", search = "/search?q=thu"
        // A search asked before (its result page kept) goes to the kept searches' lane, one not
        // asked yet to the lane of searches that rank.
        let kept = "/search?q=thu", fresh = "/search?q=vien", otherFresh = "/search?q=dai+hoc"
        let cases: [(BoundedThreadPool, String, [String])] = [
            (services.harvests, harvest, [item, search]), (services.pages, item, [harvest, search]),
            (services.searches, fresh, [item, harvest, kept]), (services.keptSearches, kept, [item, harvest, otherFresh]),
        ]
        try await app.test(.router) { client in
            for (pool, route, others) in cases {
                if pool === services.keptSearches {
                    _ = try await client.execute(uri: route, method: .get)
                    XCTAssertTrue(
                        services.searchLane("thu", filters: SearchFilters(access: [.public]), limit: 20, offset: 0) === pool)
                }
                let release = DispatchSemaphore(value: 0)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<pool.capacity { group.addTask { try await pool.run { release.wait() } } }
                    while pool.jobs < pool.capacity { try await Task.sleep(for: .milliseconds(5)) }
                    let busy = try await client.execute(uri: route, method: .get)
                    XCTAssertEqual(busy.status, .serviceUnavailable, "\(route) with the \(pool.name) pool full")
                    XCTAssertNotNil(busy.headers[.retryAfter], route)
                    for other in others {
                        let answer = try await client.execute(uri: other, method: .get)
                        XCTAssertEqual(answer.status, .ok, "\(other) with the \(pool.name) pool full")
                    }
                    for _ in 0..<pool.capacity { release.signal() }
                    try await group.waitForAll()
                }
                let again = try await client.execute(uri: route, method: .get)
                XCTAssertEqual(again.status, .ok, route)
            }
        }
    }
}
