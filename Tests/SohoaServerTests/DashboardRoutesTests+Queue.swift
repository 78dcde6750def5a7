import Foundation
import XCTest

@testable import SohoaCatalog
@testable import SohoaServer

/// A work queue whose figures are fixed, or that fails as a queue that does not answer would.
private struct FixedWorkQueue: WorkQueueWatch {
    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "không kết nối được máy chủ <PostgreSQL>" }
    }

    var description = "postgresql://sohoa@db.lai-chau:5432/sohoa"
    var counts = WorkQueueCounts()
    var workers: [QueueWorkerFigures] = []
    var fails = false

    func figures() throws -> (counts: WorkQueueCounts, workers: [QueueWorkerFigures]) {
        if fails { throw Unreachable() }
        return (counts, workers)
    }
}

extension DashboardRoutesTests {
    /// `sohoa serve --queue`: the dashboard shows the queue's pages by state and each worker's pages
    /// and pages per minute, in the manager's language, worker names escaped.
    func testDashboardShowsTheWorkQueueAndEachWorker() async throws {
        let archive = try fixture()
        let queue = FixedWorkQueue(
            counts: WorkQueueCounts(queued: 1234, claimed: 2, done: 56, failed: 1),
            workers: [
                QueueWorkerFigures(worker: "may-ocr-1:4242", done: 40, claimed: 1, failed: 1, pagesPerMinute: 21.37),
                QueueWorkerFigures(worker: "<b>may-2</b>:7", done: 16, claimed: 1, failed: 0, pagesPerMinute: nil),
            ])
        let services = ServerServices(session: archive.services.session, options: archive.services.options, workQueue: queue)
        let vietnamese = try await archive.get("/dashboard", role: .manager, services: services)
        XCTAssertEqual(vietnamese.status, .ok)
        let body = vietnamese.body
        XCTAssertTrue(body.contains("<section id=\"work-queue\"><h2>Hàng đợi OCR phân tán</h2>"), body)
        XCTAssertTrue(body.contains("postgresql://sohoa@db.lai-chau:5432/sohoa"), body)
        XCTAssertTrue(body.contains("<dd data-queue=\"queued\">1.234</dd>"), "Vietnamese digit groups: \(body)")
        XCTAssertTrue(body.contains("<dd data-queue=\"done\">56</dd>"))
        XCTAssertTrue(body.contains("<dd data-queue=\"failed\">1</dd>"))
        XCTAssertTrue(
            body.contains(
                "<tr data-worker=\"may-ocr-1:4242\"><td>may-ocr-1:4242</td><td class=\"num\">40</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">21,4</td></tr>"
            ), body)
        XCTAssertFalse(body.contains("<b>may-2</b>"), "a worker's name is escaped")
        XCTAssertTrue(body.contains("&lt;b&gt;may-2&lt;/b&gt;:7</td><td class=\"num\">16</td>"), body)
        XCTAssertTrue(body.contains("<td class=\"num\">—</td></tr>"), "no rate before a worker's second page")
        XCTAssertTrue(body.contains("<section id=\"failures\">"), "the rest of the dashboard is still there")

        let english = try await archive.get("/dashboard?lang=en", role: .admin, services: services)
        XCTAssertTrue(english.body.contains("<h2>Distributed OCR queue</h2>"), english.body)
        XCTAssertTrue(english.body.contains("<dd data-queue=\"queued\">1,234</dd>"), english.body)
        XCTAssertTrue(english.body.contains("<th>Pages/min</th>"))
        XCTAssertTrue(english.body.contains("<td class=\"num\">21.4</td>"))

        let plain = try await archive.get("/dashboard", role: .manager)
        XCTAssertFalse(plain.body.contains("work-queue"), "no queue section for a server without --queue")
    }

    /// A queue that does not answer is one line on the dashboard, which is still shown.
    func testAWorkQueueThatDoesNotAnswerIsOneLineNotAnErrorPage() async throws {
        let archive = try fixture()
        let services = ServerServices(
            session: archive.services.session, options: archive.services.options, workQueue: FixedWorkQueue(fails: true))
        let response = try await archive.get("/dashboard", role: .manager, services: services)
        XCTAssertEqual(response.status, .ok)
        XCTAssertTrue(
            response.body.contains(
                "<p class=\"error\">Không đọc được hàng đợi postgresql://sohoa@db.lai-chau:5432/sohoa: không kết nối được máy chủ &lt;PostgreSQL&gt;</p>"
            ), response.body)
        XCTAssertTrue(response.body.contains("data-goal=\"tai-lieu-so-lch\""), "the goals are still shown")
    }
}
