import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

@testable import SohoaCatalog
@testable import SohoaCollection
@testable import SohoaPipeline
@testable import SohoaServer

/// The managers' dashboard and the yearly report download, on the public test archive plus a
/// goals file, batches, failures and an audit.
final class DashboardRoutesTests: XCTestCase {
    nonisolated(unsafe) static var archive: PublicTestArchive?

    static let goalsYAML = """
        goals:
          - id: tai-lieu-so-lch
            name: "Tài liệu số của Thư viện tỉnh <LCH>"
            measure: items
            target: 8
            deadline: "2099-12-31"
            scope:
              libraries: [LCH]
            baseline: 0

        """

    override class func setUp() {
        super.setUp()
        guard let archive = try? PublicTestArchive() else { return }
        do {
            try Data(goalsYAML.utf8).write(to: archive.folder.appendingPathComponent("goals.yaml"))
            let catalog = archive.services.catalog
            let batch = try catalog.startBatch(path: "/scans/lo-<1>", pipeline: "default")
            try catalog.finishBatch(id: batch, state: .finished, pages: 31, failures: 1)
            try catalog.recordFailure(
                batchID: batch, itemID: nil, file: "/scans/lo-<1>/hỏng.tif", stage: .ingest, reason: "TIFF hỏng <b>không đọc được</b>")
            _ = try catalog.recordAudit(
                AuditRecord(
                    startedAt: Date(), finishedAt: Date(), scope: "all", objectsChecked: 7, filesChecked: 123, findings: [],
                    agent: "sohoa audit"))
            self.archive = archive
        } catch {
            archive.remove()
        }
    }

    override class func tearDown() {
        archive?.remove()
        archive = nil
        super.tearDown()
    }

    func fixture() throws -> PublicTestArchive {
        try XCTUnwrap(Self.archive, "the test archive could not be built")
    }

    func testOnlyManagersAndAdminsSeeTheDashboard() async throws {
        let archive = try fixture()
        for uri in ["/dashboard", "/dashboard/report?year=2026"] {
            let reader = try await archive.get(uri)
            XCTAssertEqual(reader.status, .seeOther, uri)
            XCTAssertTrue(reader.headers[.location]?.hasPrefix("/login") == true, uri)
            for role in [UserRole.scanner, .archivist] {
                let response = try await archive.get(uri, role: role)
                XCTAssertEqual(response.status, .forbidden, "\(uri) as \(role)")
                XCTAssertFalse(response.body.contains("tai-lieu-so-lch"))
            }
            for role in [UserRole.manager, .admin] {
                let response = try await archive.get(uri, role: role)
                XCTAssertEqual(response.status, .ok, "\(uri) as \(role)")
            }
        }
    }

    func testDashboardShowsGoalsPaceProjectionAndBreakdowns() async throws {
        let archive = try fixture()
        let response = try await archive.get("/dashboard", role: .manager)
        XCTAssertEqual(response.status, .ok)
        let body = response.body
        // Goal from <archive>/goals.yaml; its name is escaped.
        XCTAssertTrue(body.contains("Tài liệu số của Thư viện tỉnh &lt;LCH&gt;"), body)
        XCTAssertTrue(body.contains("data-goal=\"tai-lieu-so-lch\""))
        // LCH has 4 servable-or-not packaged items with metadata... counted as `sohoa progress` counts them.
        let report = try ProgressCalculator.progress(
            goals: try GoalsFile.parse(Self.goalsYAML, file: "goals.yaml"), catalog: archive.services.catalog, by: .library)
        let goal = try XCTUnwrap(report.goals.first)
        XCTAssertTrue(body.contains("\(goal.done) / 8"), "done \(goal.done): \(body)")
        XCTAssertTrue(body.contains("data-status=\"\(goal.status.rawValue)\""))
        XCTAssertTrue(body.contains("Tốc độ 90 ngày"))
        XCTAssertTrue(body.contains("Dự báo đạt"))
        XCTAssertTrue(body.contains("<svg id=\"goal-0\""))
        XCTAssertTrue(body.contains("<svg id=\"goal-0-libraries\""))
        XCTAssertTrue(body.contains("<svg id=\"goal-0-types\""))
        XCTAssertTrue(body.contains("<svg id=\"months-items\""))
        XCTAssertTrue(body.contains("data-key=\"LCH\""))
        // Charts obey the CSP: no inline style, no script.
        XCTAssertFalse(body.contains("style="))
        XCTAssertFalse(body.contains("<script"))
        XCTAssertEqual(response.headers[.contentSecurityPolicy]?.contains("style-src 'self'"), true)
    }

    func testADistrictManagerSeesTheirLibraryNextToTheProvince() async throws {
        let archive = try fixture()
        let body = try await archive.get("/dashboard", role: .manager, library: "MLY").body
        let own = try XCTUnwrap(body.range(of: "id=\"own-library\""), body)
        let province = try XCTUnwrap(body.range(of: "id=\"province\""), body)
        XCTAssertLessThan(own.lowerBound, province.lowerBound, "their library first, the province below")
        XCTAssertTrue(body.contains("Thư viện của bạn"))
        XCTAssertTrue(body.contains("(MLY)"))
        XCTAssertTrue(body.contains("Toàn tỉnh"))
        // The same goal counted over MLY's items alone, and over LCH's for the province.
        var goals = try GoalsFile.parse(Self.goalsYAML, file: "goals.yaml")
        let whole = try XCTUnwrap(try ProgressCalculator.progress(goals: goals, catalog: archive.services.catalog).goals.first)
        goals[0].scope.libraryCodes = ["MLY"]
        let mly = try XCTUnwrap(try ProgressCalculator.progress(goals: goals, catalog: archive.services.catalog).goals.first)
        XCTAssertNotEqual(mly.done, whole.done, "the fixture has items of both")
        let ownPart = String(body[own.lowerBound..<province.lowerBound])
        XCTAssertTrue(ownPart.contains("\(mly.done) / 8"), ownPart)
        XCTAssertTrue(String(body[province.lowerBound...]).contains("\(whole.done) / 8"))
        // A manager without a library, or of the provincial library, sees no "your library" part.
        let everything = try await archive.get("/dashboard", role: .manager).body
        XCTAssertFalse(everything.contains("own-library"))
    }

    func testDashboardListsBatchesFailuresAndAuditsEscaped() async throws {
        let archive = try fixture()
        let body = try await archive.get("/dashboard", role: .admin).body
        XCTAssertTrue(body.contains("/scans/lo-&lt;1&gt;"), body)
        XCTAssertTrue(body.contains("TIFF hỏng &lt;b&gt;không đọc được&lt;/b&gt;"))
        XCTAssertFalse(body.contains("<b>không"))
        XCTAssertTrue(body.contains("<td class=\"num\">123</td>"), "files checked by the audit")
        XCTAssertTrue(body.contains("href=\"/dashboard/report?year="))
        let english = try await archive.get("/dashboard?lang=en", role: .admin).body
        XCTAssertTrue(english.contains("Recent batches"))
    }

    /// A goals file whose `usage-targets:` is wrong is the same error everywhere: the dashboard says so
    /// (and still shows the readers' figures), the report download refuses, as `sohoa report` does.
    func testABadUsageTargetIsShownNotIgnored() async throws {
        let archive = try fixture()
        let file = archive.folder.appendingPathComponent("goals.yaml")
        try Data((Self.goalsYAML + "usage-targets:\n  library-visits: nhiều\n").utf8).write(to: file)
        defer { try? Data(Self.goalsYAML.utf8).write(to: file) }
        let body = try await archive.get("/dashboard", role: .manager).body
        XCTAssertTrue(body.contains("<p class=\"error\">Không đọc được tệp mục tiêu:"), body)
        XCTAssertTrue(body.contains("\(file.path): usage-targets.library-visits must be a whole number above 0"), body)
        XCTAssertFalse(body.contains("data-goal=\"tai-lieu-so-lch\""), "no goals shown from a file that cannot be read")
        XCTAssertTrue(body.contains("<section id=\"usage\">"), "the readers' figures are still there")
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let report = try await archive.get("/dashboard/report?year=\(year)", role: .manager)
        XCTAssertEqual(report.status, .conflict, "the file must be mended: not a 500, whose page says to try again")
        XCTAssertFalse(report.body.contains("thử lại"), report.body)
        XCTAssertTrue(report.body.contains("usage-targets.library-visits must be a whole number above 0"), report.body)
    }

    func testYearlyReportDownloads() async throws {
        let archive = try fixture()
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let html = try await archive.get("/dashboard/report?year=\(year)", role: .manager)
        XCTAssertEqual(html.status, .ok)
        XCTAssertEqual(html.headers[.contentDisposition], "attachment; filename=\"bao-cao-\(year).html\"")
        XCTAssertTrue(html.headers[.contentType]?.hasPrefix("text/html") == true)
        XCTAssertTrue(html.body.contains("Báo cáo năm \(year)"), html.body)
        XCTAssertTrue(html.body.contains("tai-lieu-so-lch"))
        let csv = try await archive.get("/dashboard/report?year=\(year)&format=csv&table=goals", role: .manager)
        XCTAssertEqual(csv.status, .ok)
        XCTAssertTrue(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
        XCTAssertTrue(csv.body.contains("goal_id,name,measure"))
        XCTAssertTrue(csv.body.contains("tai-lieu-so-lch"))
        for bad in ["", "?year=abc", "?year=1800", "?year=\(year)&format=pdf", "?year=\(year)&format=csv&table=..%2F..%2Fcatalog"] {
            let response = try await archive.get("/dashboard/report\(bad)", role: .manager)
            XCTAssertEqual(response.status, .badRequest, bad)
        }
    }
}
