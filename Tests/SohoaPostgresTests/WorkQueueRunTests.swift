import Foundation
import PostgresNIO
import SohoaCatalog
import SohoaPostgresTesting
import XCTest

@testable import SohoaPostgres

/// What a distributed run asks of the queue beyond claiming: registering a SQLite run's pages,
/// finished pages with the completing claim's token, giving a page back, each worker's figures.
final class WorkQueueRunTests: XCTestCase {
    static func page(_ id: Int64, _ name: String, item: String = "sach") -> QueuedPageSource {
        QueuedPageSource(
            pageID: id, itemID: item, libraryCode: "LC", itemSource: "/batch/\(item)", name: name, sequence: Int(id),
            sourcePath: "/batch/\(item)/\(name).tif", sha256: String(repeating: "b", count: 64), frameIndex: 0)
    }

    func testRegisteredPagesAreQueuedAgainOnlyWhenFinishedAndKeepTheCompletingToken() throws {
        let database = try PostgresTestDatabase(self)
        let connection = try database.migrated()
        defer { connection.close() }
        let queue = WorkQueue(connection)
        try queue.register([Self.page(7, "1"), Self.page(8, "2")])
        XCTAssertEqual(try connection.query("SELECT objectID FROM items").map { try $0.decode(String.self) }, ["urn:sohoa:LC:sach"])

        let first = try XCTUnwrap(try queue.claim(worker: "may-1:10/1").first)
        let second = try XCTUnwrap(try queue.claim(worker: "may-1:10/2").first)
        XCTAssertEqual([first.pageID, second.pageID], [7, 8])
        XCTAssertTrue(try queue.complete(first))
        XCTAssertEqual(try queue.finished(among: [7, 8]), [FinishedQueuedPage(pageID: 7, done: true, token: first.token, error: nil)])

        // Given back by a stopping worker: queued again, the attempt not counted.
        XCTAssertTrue(try queue.release(second))
        XCTAssertFalse(try queue.complete(second), "a released lease is gone")
        let again = try XCTUnwrap(try queue.claim(worker: "may-2:20/1").first)
        XCTAssertEqual(again.pageID, 8)
        XCTAssertEqual(again.attempt, 1)

        // A second run registers its pages: the done page is queued again, the held page left to its worker;
        // a page of the same item and name under a new id (a new SQLite catalog) replaces the old row.
        try queue.register([Self.page(7, "1"), Self.page(8, "2"), Self.page(9, "3")])
        try queue.register([Self.page(10, "3")])
        let states = try connection.query("SELECT pageID, state, attempts FROM work_queue ORDER BY pageID")
            .map { try $0.decode((Int64, String, Int32).self) }
        XCTAssertEqual(states.map(\.0), [7, 8, 10])
        XCTAssertEqual(states.map(\.1), ["queued", "claimed", "queued"])
        XCTAssertEqual(states.map(\.2), [0, 1, 0])
        XCTAssertEqual(try connection.query("SELECT id FROM pages ORDER BY id").map { try $0.decode(Int64.self) }, [7, 8, 10])
    }

    func testEachWorkerProcessGetsItsPagesAndRate() throws {
        let database = try PostgresTestDatabase(self)
        let connection = try database.migrated()
        defer { connection.close() }
        let queue = WorkQueue(connection)
        try queue.register((1...5).map { Self.page(Int64($0), "\($0)") })
        for worker in ["may-1:10/1", "may-1:10/2", "may-1:10/1"] {
            let lease = try XCTUnwrap(try queue.claim(worker: worker).first)
            Thread.sleep(forTimeInterval: 0.05)
            XCTAssertTrue(try queue.complete(lease))
        }
        _ = try XCTUnwrap(try queue.claim(worker: "may-2:20/1").first)
        let figures = try queue.workerFigures()
        XCTAssertEqual(figures.map(\.worker), ["may-1:10", "may-2:20"])
        XCTAssertEqual(figures.map(\.done), [3, 0])
        XCTAssertEqual(figures.map(\.claimed), [0, 1])
        let rate = try XCTUnwrap(figures[0].pagesPerMinute)
        XCTAssertGreaterThan(rate, 0)
        XCTAssertLessThan(rate, 3 / (0.15 / 60) + 1, "no faster than three pages in the 0.15 s they took at least")
        XCTAssertNil(figures[1].pagesPerMinute)
    }
}
