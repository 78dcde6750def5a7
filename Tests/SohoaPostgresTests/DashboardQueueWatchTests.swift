import Foundation
import PostgresNIO
import SohoaCatalog
import SohoaPostgresTesting
import XCTest

@testable import SohoaPostgres
@testable import sohoa

/// `sohoa serve --queue`: the dashboard's reading of a real work queue, before PostgreSQL answers,
/// and after the server dropped its connection.
final class DashboardQueueWatchTests: XCTestCase {
    func testTheDashboardReadsEachWorkerAndConnectsAgainAfterADrop() throws {
        let database = try PostgresTestDatabase(self)
        let connection = try database.migrated()
        defer { connection.close() }
        let queue = WorkQueue(connection)
        try queue.register((1...3).map { WorkQueueRunTests.page(Int64($0), "\($0)") })
        for worker in ["may-bac:11/1", "may-nam:22/1"] {
            let lease = try XCTUnwrap(try queue.claim(worker: worker).first)
            XCTAssertTrue(try queue.complete(lease))
        }
        _ = try XCTUnwrap(try queue.claim(worker: "may-nam:22/2").first)

        let watch = try DashboardQueueWatch(address: database.url, quietAfterFailure: .zero)
        defer { watch.close() }
        let quiet = try DashboardQueueWatch(address: database.url)
        defer { quiet.close() }
        XCTAssertEqual(try quiet.figures().counts.done, 2)
        XCTAssertFalse(watch.description.contains(database.address.password ?? "no password"), "never the password")
        let before = try watch.figures()
        XCTAssertEqual(before.counts, WorkQueueCounts(queued: 0, claimed: 1, done: 2, failed: 0))
        XCTAssertEqual(before.workers.map(\.worker), ["may-bac:11", "may-nam:22"])
        XCTAssertEqual(before.workers.map(\.done), [1, 1])
        XCTAssertEqual(before.workers.map(\.claimed), [0, 1])

        // The server drops every other connection (a restart): one reading fails, the next connects again.
        let dropped = try connection.query(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).first?.decode(Int64.self)
        XCTAssertEqual(dropped, 2, "the watches' connections")
        // The reading that meets the dropped connection fails (its connection is replaced for the next one).
        XCTAssertThrowsError(try quiet.figures())
        XCTAssertThrowsError(try watch.figures())
        // Within 30 s of a failed reading the failure is answered again, without asking the queue, which
        // answers again: the watch without a quiet window reads it.
        XCTAssertThrowsError(try quiet.figures(), "the queue answers again, but the watch is quiet")
        XCTAssertEqual(try watch.figures().counts, before.counts)
        XCTAssertEqual(
            try connection.query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'work_queue'").first?.decode(
                Int64.self),
            1)
    }

    func testAServerThatDoesNotAnswerYetIsAReadingErrorNotAStartError() throws {
        // A port nobody listens on (the server is not up yet): the watch is made; each reading fails in plain words.
        let watch = try DashboardQueueWatch(address: "postgresql://sohoa:bí-mật@127.0.0.1:1/sohoa")
        XCTAssertFalse(watch.description.contains("bí-mật"))
        XCTAssertThrowsError(try watch.figures()) { error in
            XCTAssertTrue("\(error)".contains("127.0.0.1"), "\(error)")
            XCTAssertFalse("\(error)".contains("bí-mật"), "\(error)")
        }
        XCTAssertThrowsError(
            try DashboardQueueWatch(address: "postgresql://sohoa@host:port/sohoa"), "a malformed address is refused at once")
    }
}
