import Foundation
import GRDB
import PostgresNIO
import SohoaPostgresTesting
import SohoaTesting
import XCTest

@testable import SohoaPostgres

/// Issue 16's test: one planner (`sohoa run --queue`) and three `sohoa worker` processes on one
/// PostgreSQL; one worker is killed with SIGKILL in the middle of a page. Every page is recognized,
/// every item archived exactly once, and the killed worker's page is redone after its lease expires;
/// the planner's connection, dropped by the server meanwhile, is opened again.
final class DistributedRunTests: XCTestCase {
    /// Seconds a page is held without a heartbeat: short, so the killed worker's page comes back soon.
    static let lease = "2"

    func testOnePlannerAndThreeWorkersOneKilledMidPage() throws {
        let database = try PostgresTestDatabase(self)
        let folder = try TemporaryFolder("sohoa-pg-distributed")
        try CatalogCopyEndToEndTests.writeSampleBatch(into: folder)
        let pipeline = try folder.file("pipeline.yaml", CatalogCopyEndToEndTests.pipeline)
        let archive = folder.archive

        let planner = try Background(
            folder, "planner",
            [
                "run", folder.url.appendingPathComponent("batch").path, "--archive", archive.path, "--pipeline", pipeline.path,
                "--queue", database.url, "--lease-seconds", Self.lease, "--json",
            ])
        defer { planner.stop(SIGKILL) }
        let workerArguments = { (name: String) in
            ["worker", "--queue", database.url, "--archive", archive.path, "--jobs", "1", "--lease-seconds", Self.lease, "--name", name]
        }

        // The first worker is killed as soon as it holds a page, long before the page is done.
        let doomed = try Background(folder, "doomed", workerArguments("doomed"))
        defer { doomed.stop(SIGKILL) }
        let watch = try database.migrated()
        defer { watch.close() }
        var killedPage: Int64?
        let deadline = Date().addingTimeInterval(60)
        while killedPage == nil, Date() < deadline {
            killedPage = try watch.query("SELECT pageID FROM work_queue WHERE state = 'claimed' AND worker = 'doomed/1'")
                .first.map { try $0.decode(Int64.self) }
            if killedPage == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let page = try XCTUnwrap(killedPage, "the first worker never claimed a page: \(doomed.output)\n\(planner.output)")
        doomed.stop(SIGKILL)
        let (stateAtKill, attemptsAtKill) = try XCTUnwrap(
            try watch.query("SELECT state, attempts FROM work_queue WHERE pageID = \(page)").first?.decode((String, Int32).self))
        XCTAssertEqual(stateAtKill, "claimed", "killed in the middle of its page, before completing it")
        XCTAssertEqual(attemptsAtKill, 1)

        // The server drops the planner's connection (a restart, a network cut): it opens a new one and waits on.
        let dropped = try watch.query(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).first?.decode(Int64.self)
        XCTAssertGreaterThanOrEqual(dropped ?? 0, 1, "the planner's connection was dropped")

        let workers = try ["bac", "nam"].map { try Background(folder, $0, workerArguments($0)) }
        defer { for worker in workers { worker.stop(SIGKILL) } }
        let plannerExit = planner.wait(seconds: 240)
        XCTAssertEqual(plannerExit, 0, planner.output)
        // SIGTERM: each worker finishes what it holds (nothing now) and exits with its summary.
        for worker in workers {
            worker.stop(SIGTERM)
            XCTAssertEqual(worker.wait(seconds: 30), 0, worker.output)
            XCTAssertTrue(worker.stdout.contains("trang xong") || worker.stdout.contains("pages done"), worker.output)
        }

        let summary = try XCTUnwrap(planner.stdout.split(separator: "\n").last { $0.contains("\"event\":\"summary\"") })
        XCTAssertTrue(summary.contains("\"pages_done\":3"), String(summary))
        XCTAssertTrue(summary.contains("\"items_packaged\":2"), String(summary))
        XCTAssertTrue(summary.contains("\"pages_failed\":0"), String(summary))

        // The queue: every page done; the killed worker's page redone by another worker on a second claim.
        let rows = try watch.query("SELECT pageID, state, attempts, worker FROM work_queue ORDER BY pageID")
            .map { try $0.decode((Int64, String, Int32, String?).self) }
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows.map(\.1), ["done", "done", "done"])
        let redone = try XCTUnwrap(rows.first { $0.0 == page })
        XCTAssertEqual(redone.2, 2, "claimed again after the lease expired")
        XCTAssertTrue(["bac/1", "nam/1"].contains(redone.3 ?? ""), "redone by a live worker, not \(redone.3 ?? "nobody")")

        // `sohoa status --queue`: the queue's pages and each worker's (the killed worker's page went to another).
        let status = try ProcessRunner.run(SohoaBinary.url, ["status", "--archive", archive.path, "--queue", database.url, "--json"])
        XCTAssertEqual(status.exitCode, 0, status.stderr)
        let queueStatus = try XCTUnwrap(
            (try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["queue"] as? [String: Any])
        XCTAssertEqual(queueStatus["done"] as? Int, 3)
        let byWorker = (queueStatus["workers"] as? [[String: Any]] ?? []).map { ($0["worker"] as? String ?? "", $0["done"] as? Int ?? 0) }
        XCTAssertEqual(Set(byWorker.map(\.0)).subtracting(["bac", "nam"]), [], "\(byWorker)")
        XCTAssertEqual(byWorker.map(\.1).reduce(0, +), 3)

        // The catalog: every page recognized, each item archived once (one version, one packaging event).
        let catalog = try DatabaseQueue(path: archive.appendingPathComponent("catalog.sqlite").path)
        try catalog.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM pages WHERE state = 'done'"), 3)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM page_texts WHERE length(text) > 0"), 3)
            XCTAssertEqual(
                try String.fetchAll(db, sql: "SELECT id || ' ' || state || ' ' || ocflVersion FROM items ORDER BY id"),
                ["bao-xuan packaged v1", "truyen-co packaged v1"])
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE type = 'packaged'"), 2)
        }
        let versions = files(under: archive, endingWith: "inventory.json").filter { $0.path.contains("/v2/") }
        XCTAssertEqual(versions, [], "no item was written twice")
        let queueFolder = archive.appendingPathComponent("extensions/sohoa-work/queue")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: queueFolder.path), [], "orders and outcomes are cleared")
        try SharedChecks.assertValid("validate-ocfl", [archive.path])
    }

    /// `sohoa status` with a queue it cannot read (a database without the queue's tables, a server that
    /// is not there) warns and still shows the catalog's status; it never migrates the queue's database.
    func testStatusWithAQueueItCannotReadStillShowsTheCatalog() throws {
        let database = try PostgresTestDatabase(self)
        let folder = try TemporaryFolder("sohoa-pg-status")
        let batch = folder.url.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let made = try ProcessRunner.run(SohoaBinary.url, ["run", batch.path, "--archive", folder.archive.path])
        XCTAssertEqual(made.exitCode, 0, made.stderr)
        for queue in [database.url, "postgresql://sohoa@127.0.0.1:1/nothing"] {
            let status = try ProcessRunner.run(
                SohoaBinary.url, ["status", "--archive", folder.archive.path], environment: ["SOHOA_QUEUE": queue])
            XCTAssertEqual(status.exitCode, 0, status.stderr)
            XCTAssertTrue(status.stderr.contains("Không dùng được hàng đợi công việc"), status.stderr)
            XCTAssertFalse(status.stdout.isEmpty, "the catalog's status is shown")
        }
        let connection = try database.connect()
        defer { connection.close() }
        let tables = try connection.query("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        XCTAssertEqual(try tables.first?.decode(Int.self), 0, "status migrated the queue's database")
    }
}

/// A `sohoa` process running beside the test, its output going to files in the test's folder.
final class Background {
    let process = Process()
    let out: URL
    let err: URL

    init(_ folder: TemporaryFolder, _ name: String, _ arguments: [String]) throws {
        out = folder.url.appendingPathComponent("\(name).out")
        err = folder.url.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = SohoaBinary.url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["OMP_THREAD_LIMIT": "1"]) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
    }

    var stdout: String { (try? String(contentsOf: out, encoding: .utf8)) ?? "" }
    var output: String { stdout + ((try? String(contentsOf: err, encoding: .utf8)) ?? "") }

    /// Sends `signal` if the process still runs.
    func stop(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits up to `seconds` for the process to end; its exit status, or nil (killed) when it did not end.
    func wait(seconds: Double) -> Int32? {
        let end = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < end { Thread.sleep(forTimeInterval: 0.1) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }
}
