import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaImaging
import XCTest

@testable import SohoaCatalog
@testable import SohoaCollection
@testable import SohoaServer

/// Issue 18's usage statistics end to end: a generated access log of known human and robot traffic
/// (double clicks, crawlers from the COUNTER list, several visits, IIIF tiles) replayed against the
/// server's router with its clock set to each line's time; the figures written to the catalog must
/// equal the ones worked out by hand below, and the dashboard and the report must show them.
final class UsageReplayTests: XCTestCase {
    static let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    static let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
    static let safari =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
    static let googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    static let book = "dia-chi-lai-chau"  // LCH, pages p001 and p002
    static let paper = "bao-muong-lay"  // MLY, page p001

    /// 10 January of this year, 08:00 UTC (this year, so that the dashboard shows the replayed days).
    static var start: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let year = calendar.component(.year, from: Date())
        return calendar.date(from: DateComponents(year: year, month: 1, day: 10, hour: 8)) ?? Date()
    }

    static var year: Int { Calendar(identifier: .gregorian).component(.year, from: start) }

    /// One line of the generated log: seconds after `start`, client address, request path, User-Agent.
    struct Line {
        var at: TimeInterval
        var address: String
        var path: String
        var agent: String
    }

    /// The traffic, with what each line should count. The expected figures in the test follow from it.
    static func traffic(pages: [String: Int64]) -> [Line] {
        let a = "203.0.113.5"  // reader A (Firefox); reader C has the same address with Safari
        let b = "198.51.100.7"  // reader B (Chrome)
        let p1 = pages["\(book)/p001"] ?? 0
        let p2 = pages["\(book)/p002"] ?? 0
        let q1 = pages["\(paper)/p001"] ?? 0
        func tile(_ page: Int64, _ x: Int) -> String { "/iiif/image/\(page)/\(x),0,64,64/64,/0/default.jpg" }
        var lines: [Line] = [
            // Reader A, first visit.
            Line(at: 0, address: a, path: "/items/\(book)", agent: firefox),  // item view
            Line(at: 10, address: a, path: "/items/\(book)", agent: firefox),  // double click: no
            Line(at: 50, address: a, path: "/items/\(book)", agent: firefox),  // 40 s later: item view
            Line(at: 60, address: a, path: tile(p1, 0), agent: firefox),  // page view (p1)
            Line(at: 61, address: a, path: tile(p1, 64), agent: firefox),  // same page: no
            Line(at: 62, address: a, path: tile(p1, 128), agent: firefox),
            Line(at: 63, address: a, path: tile(p1, 192), agent: firefox),
            Line(at: 64, address: a, path: tile(p1, 0), agent: firefox),
            Line(at: 70, address: a, path: tile(p2, 0), agent: firefox),  // page view (p2)
            Line(at: 71, address: a, path: tile(p2, 64), agent: firefox),
            Line(at: 72, address: a, path: tile(p2, 128), agent: firefox),
            Line(at: 80, address: a, path: "/items/\(book)/pages/p001/image", agent: firefox),  // p1 seen: no
            Line(at: 90, address: a, path: "/items/\(book)/pdf", agent: firefox),  // download
            Line(at: 100, address: a, path: "/items/\(book)/pdf", agent: firefox),  // double click: no
            Line(at: 120, address: a, path: "/search?q=lai+ch%C3%A2u", agent: firefox),  // search
            Line(at: 125, address: a, path: "/search?q=lai+ch%C3%A2u&page=2", agent: firefox),  // same search: no
            Line(at: 130, address: a, path: "/search?q=lai+ch%C3%A2u", agent: firefox),  // double click: no
            Line(at: 200, address: a, path: "/items/\(paper)", agent: firefox),  // item view, and a visit for MLY
            Line(at: 210, address: a, path: "/items/khong-co", agent: firefox),  // 404: no
            // Reader B.
            Line(at: 300, address: b, path: "/search?q=m%C6%B0%E1%BB%9Dng+lay&library=MLY", agent: chrome),  // search (MLY)
            Line(at: 310, address: b, path: "/items/\(paper)", agent: chrome),  // item view
            Line(at: 320, address: b, path: "/items/\(paper)/pages/p001/image", agent: chrome),  // page view (q1)
            Line(at: 330, address: b, path: tile(q1, 0), agent: chrome),  // q1 seen: no
            Line(at: 340, address: b, path: "/items/\(paper)/pdf", agent: chrome),  // download
            // Reader C: reader A's address, another browser: another visit.
            Line(at: 400, address: a, path: "/items/\(book)", agent: safari),  // item view
            // Reader A again after 31 idle minutes: a second visit.
            Line(at: 200 + 31 * 60, address: a, path: "/items/\(book)", agent: firefox),  // item view
            Line(at: 200 + 31 * 60 + 5, address: a, path: tile(p1, 0), agent: firefox),  // page view (p1, new visit)
            // Reader B the next day (00:00:10): a new visit.
            Line(at: 16 * 3600 + 10, address: b, path: "/items/\(paper)", agent: chrome),  // item view
        ]
        // Robots, none counted: a search engine, command-line tools, no User-Agent.
        for (index, path) in [
            "/items/\(book)", "/items/\(paper)", "/items/\(book)/pdf", tile(p1, 0), tile(q1, 0), "/search?q=lai",
            "/items/\(paper)/pages/p001/image",
        ].enumerated() {
            lines.append(Line(at: 500 + Double(index), address: "66.249.66.1", path: path, agent: googlebot))
            lines.append(Line(at: 600 + Double(index), address: "192.0.2.44", path: path, agent: "curl/8.4.0"))
            lines.append(Line(at: 700 + Double(index), address: "192.0.2.45", path: path, agent: "python-requests/2.31.0"))
            lines.append(Line(at: 800 + Double(index), address: "192.0.2.46", path: path, agent: ""))
        }
        return lines.sorted { $0.at < $1.at }
    }

    /// The log as an Apache "combined" access log, the form a server's log would have.
    static func accessLog(_ lines: [Line]) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
        return lines.map { line in
            let agent = line.agent.isEmpty ? "-" : line.agent
            return
                "\(line.address) - - [\(formatter.string(from: start.addingTimeInterval(line.at)))] \"GET \(line.path) HTTP/1.1\" 200 0 \"-\" \"\(agent)\""
        }.joined(separator: "\n") + "\n"
    }

    /// The lines of an access log, read back (the replay reads the log, not the list it came from).
    static func parse(_ log: String) throws -> [(time: Date, address: String, path: String, agent: String)] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
        return try log.split(separator: "\n").map { line in
            let match = try XCTUnwrap(
                line.wholeMatch(of: /(\S+) - - \[([^\]]+)\] "GET (\S+) HTTP\/1\.1" \d+ \d+ "[^"]*" "([^"]*)"/), "\(line)")
            let agent = String(match.output.4)
            return (
                try XCTUnwrap(formatter.date(from: String(match.output.2))), String(match.output.1), String(match.output.3),
                agent == "-" ? "" : agent
            )
        }
    }

    func testReplayedLogGivesTheExpectedFigures() async throws {
        let fixture = try UsageTestArchive()
        defer { fixture.remove() }
        let log = Self.accessLog(Self.traffic(pages: try fixture.pageIDs()))
        let app = fixture.application()
        try await app.test(.router) { client in
            for entry in try Self.parse(log) {
                fixture.clock.set(entry.time)
                var headers: HTTPFields = [ClientAddress.forwardedFor: entry.address]
                if !entry.agent.isEmpty { headers[.userAgent] = entry.agent }
                let response = try await client.execute(uri: entry.path, method: .get, headers: headers)
                let expected: HTTPResponse.Status = entry.path.contains("khong-co") ? .notFound : .ok
                XCTAssertEqual(response.status, expected, "\(entry.path) by \(entry.agent)")
            }
        }
        // What the counter gathered, per day, is what the flush writes.
        typealias Day = UsageBatch.LibraryDay
        typealias ItemDay = UsageBatch.ItemDay
        let day1 = GoalsFile.dayText(Self.start)
        let day2 = GoalsFile.dayText(Self.start.addingTimeInterval(86_400))
        let batch = fixture.services.usage.takeBatch()
        XCTAssertEqual(
            batch.libraries,
            [
                Day(day: day1, libraryCode: ""): UsageFigures(visits: 4, itemViews: 6, pageViews: 4, downloads: 2, searches: 2),
                Day(day: day1, libraryCode: "LCH"): UsageFigures(visits: 3, itemViews: 4, pageViews: 3, downloads: 1, searches: 0),
                Day(day: day1, libraryCode: "MLY"): UsageFigures(visits: 2, itemViews: 2, pageViews: 1, downloads: 1, searches: 1),
                Day(day: day2, libraryCode: ""): UsageFigures(visits: 1, itemViews: 1),
                Day(day: day2, libraryCode: "MLY"): UsageFigures(visits: 1, itemViews: 1),
            ], "per day: the whole collection ('') and each library")
        XCTAssertEqual(batch.items[ItemDay(day: day1, itemID: Self.book)]?.figures, UsageFigures(itemViews: 4, pageViews: 3, downloads: 1))
        XCTAssertEqual(batch.items[ItemDay(day: day1, itemID: Self.paper)]?.figures, UsageFigures(itemViews: 2, pageViews: 1, downloads: 1))
        XCTAssertEqual(batch.items[ItemDay(day: day2, itemID: Self.paper)]?.figures, UsageFigures(itemViews: 1))
        XCTAssertEqual(batch.items.count, 3)
        fixture.services.usage.putBack(batch)
        try fixture.services.usage.flush(to: fixture.services.catalog)
        XCTAssertTrue(fixture.services.usage.takeBatch().isEmpty, "written and forgotten")

        let catalog = fixture.services.catalog
        let year = Self.year
        let months = try catalog.usageMonths(year: year)
        XCTAssertEqual(months[0].figures, UsageFigures(visits: 5, itemViews: 7, pageViews: 4, downloads: 2, searches: 2))
        XCTAssertTrue(months.dropFirst().allSatisfy { $0.figures.isZero })
        let libraries = try catalog.usageByLibrary(year: year)
        XCTAssertEqual(libraries["LCH"], UsageFigures(visits: 3, itemViews: 4, pageViews: 3, downloads: 1, searches: 0))
        XCTAssertEqual(libraries["MLY"], UsageFigures(visits: 3, itemViews: 3, pageViews: 1, downloads: 1, searches: 1))
        XCTAssertEqual(libraries.count, 2)
        let items = try catalog.usageTopItems(year: year)
        XCTAssertEqual(
            items,
            [
                UsageItemFigures(
                    itemID: Self.book, title: "Địa chí Lai Châu", libraryCode: "LCH", itemViews: 4, pageViews: 3, downloads: 1),
                UsageItemFigures(itemID: Self.paper, title: "Báo Mường Lay", libraryCode: "MLY", itemViews: 3, pageViews: 1, downloads: 1),
            ])

        // Nothing in the catalog's files says who the readers were.
        let folder = fixture.folder
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix(Catalog.fileName) {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            for secret in ["203.0.113.5", "198.51.100.7", "66.249.66.1", "192.0.2.44", "Firefox", "Chrome", "Googlebot", "curl/"] {
                XCTAssertNil(bytes.range(of: Data(secret.utf8)), "\(name) holds '\(secret)'")
            }
        }

        // The dashboard and the yearly report show the figures.
        let dashboard = try await fixture.get("/dashboard", role: .manager)
        XCTAssertEqual(dashboard.status, .ok)
        XCTAssertTrue(dashboard.body.contains("<dd data-usage=\"collection-visits\">5 / 10.000 (0,1%)</dd>"), dashboard.body)
        XCTAssertTrue(dashboard.body.contains("<dd data-usage=\"library-visits\">6 / 35.000 (0%)</dd>"), dashboard.body)
        XCTAssertTrue(dashboard.body.contains("<g class=\"month\" data-month=\"1\" data-value=\"5\">"), "January's visits")
        XCTAssertTrue(dashboard.body.contains("<tr data-item=\"\(Self.book)\">"))
        let district = try await fixture.get("/dashboard", role: .manager, library: "MLY")
        XCTAssertTrue(district.body.contains("<dd data-usage=\"visits\">3</dd>"), "a district manager sees their library's visits")
        XCTAssertFalse(district.body.contains("<tr data-item=\"\(Self.book)\">"), "and their library's items only")
        let csv = try await fixture.get("/dashboard/report?year=\(year)&format=csv&table=usage", role: .manager)
        XCTAssertEqual(csv.status, .ok)
        XCTAssertTrue(csv.body.contains("\(year),digital-collection,5,10000,0.1,7,4,2,2\r\n"), csv.body)
        XCTAssertTrue(csv.body.contains("\(year),libraries,6,35000,0,7,4,2,1\r\n"), csv.body)
        XCTAssertTrue(csv.body.contains("\(year),library:MLY,3,,,3,1,1,1\r\n"), csv.body)
        let report = try await fixture.get("/dashboard/report?year=\(year)", role: .manager)
        XCTAssertTrue(report.body.contains("data-usage=\"digital-collection\" data-visits=\"5\" data-target=\"10000\""), report.body)
    }
}

/// A small archive for the replay: two libraries' items with real page images (for IIIF) and PDFs.
final class UsageTestArchive: Sendable {
    let folder: URL
    let services: ServerServices
    /// The time the usage counter reads; the replay sets it to each line's.
    let clock: UsageCounterTests.TestClock

    init() throws {
        let clock = UsageCounterTests.TestClock()
        self.clock = clock
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-usage-\(UUID().uuidString)", isDirectory: true)
        let root = try OCFLStorageRoot.openOrCreate(at: folder)
        let catalog = try Catalog(url: folder.appendingPathComponent(Catalog.fileName))
        var raster = Raster(width: 256, height: 128)
        for y in stride(from: 16, to: 112, by: 24) {
            for x in 16..<240 { raster.pixels[y * 256 + x] = 20 }
        }
        let png = Data(try PNGEncoder.encode(raster))
        for (id, library, title, pages) in [
            (UsageReplayTests.book, "LCH", "Địa chí Lai Châu", ["p001", "p002"]),
            (UsageReplayTests.paper, "MLY", "Báo Mường Lay", ["p001"]),
        ] {
            let item = try catalog.upsertItem(
                ItemRecord(
                    id: id, libraryCode: library, title: title, language: "vie", sourcePath: "/batch/\(id)", pageCount: pages.count))
            var files: [LogicalFile] = [LogicalFile(logicalPath: "\(id).pdf", source: .data(Data("%PDF-1.4 \(id)\n".utf8)))]
            for (index, page) in pages.enumerated() {
                let stored = try catalog.upsertPage(
                    PageRecord(
                        itemID: id, name: page, sequence: index + 1, sourcePath: "/batch/\(id)/\(page).png",
                        sourceSHA256: String(repeating: "b", count: 64), state: .done))
                try catalog.recordPageText(pageID: try XCTUnwrap(stored.id), itemID: id, text: "\(title), trang \(index + 1)")
                files.append(LogicalFile(logicalPath: "masters/\(page).png", source: .data(png)))
                files.append(LogicalFile(logicalPath: "access/\(page).png", source: .data(png)))
            }
            let written = try root.writeVersion(
                objectID: item.objectID, files: files, message: "test", user: VersionUser(name: "sohoa tests"))
            try catalog.markItemPackaged(id: id, version: written.version, objectPath: root.objectPath(for: item.objectID))
        }
        let session = try ArchiveSession(folder: folder)
        services = ServerServices(session: session, options: ServerOptions(archive: folder), usageClock: clock.read)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Page ids by `<item>/<page>`.
    func pageIDs() throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for item in [UsageReplayTests.book, UsageReplayTests.paper] {
            for page in try services.catalog.pages(itemID: item) { ids["\(item)/\(page.name)"] = page.id }
        }
        return ids
    }

    /// The public, IIIF and dashboard routes with the real middlewares; sign-in simulated as in
    /// `PublicTestArchive` (the `X-Test-Role` header).
    func application() -> some ApplicationProtocol {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: CachePolicyMiddleware())
        router.add(middleware: ErrorPageMiddleware())
        router.add(middleware: LanguageMiddleware())
        router.add(middleware: TestSignInMiddleware())
        PublicRoutes.add(to: router, services: services)
        IIIFRoutes.add(to: router, services: services)
        DashboardRoutes.add(to: router, services: services)
        return Application(router: router)
    }

    /// GETs `uri` as a signed-in user with `role` (of `library`).
    func get(_ uri: String, role: UserRole, library: String? = nil) async throws -> FetchedResponse {
        var fields: HTTPFields = [TestSignInMiddleware.header: role.rawValue]
        if let library { fields[TestSignInMiddleware.libraryHeader] = library }
        let headers = fields
        return try await application().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get, headers: headers)
            let data = Data(response.body.readableBytesView)
            return FetchedResponse(
                status: response.status, headers: response.headers, body: String(decoding: data, as: UTF8.self), bytes: data)
        }
    }
}
