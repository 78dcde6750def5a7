import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaImaging
import SohoaOCR
import SohoaPipeline
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaServer

/// The review screens through the real router: the queue's order, sections and filters, who may
/// use them, the page view (escaped OCR text, word boxes), saving as a new archive version, the
/// optimistic revision check, approving, sending for rescanning, and closed items staying hidden.
final class ReviewRoutesTests: XCTestCase {
    static let password = "Mật khẩu 2025"
    static let formType = "application/x-www-form-urlencoded"
    /// An archive made once for the class (pipeline run with `ReviewFixtureEngine`); each test works on a copy.
    nonisolated(unsafe) static var template: URL?

    override class func setUp() {
        super.setUp()
        do {
            template = try ReviewFixtureArchive.make()
        } catch {
            print("ReviewRoutesTests: cannot make the test archive: \(error)")
        }
    }

    override class func tearDown() {
        if let template { try? FileManager.default.removeItem(at: template.deletingLastPathComponent()) }
        super.tearDown()
    }

    /// Services over a fresh copy of the class's archive, with users mai and lan (archivists) and hoa (manager).
    func services() throws -> ServerServices {
        let template = try XCTUnwrap(Self.template, "the class's test archive could not be made")
        let folder = try temporaryArchive(self)
        let archive = folder.appendingPathComponent("archive")
        try FileManager.default.copyItem(at: template, to: archive)
        let services = try makeServices(archive: archive)
        try addTestUser(services, name: "mai", role: .archivist, password: ReviewRoutesTests.password, displayName: "Lò Thị Mai")
        try addTestUser(services, name: "lan", role: .archivist, password: ReviewRoutesTests.password, displayName: "Nguyễn Thị Lan")
        try addTestUser(services, name: "hoa", role: .manager, password: ReviewRoutesTests.password)
        return services
    }

    func pageID(_ services: ServerServices, _ item: String, _ page: String) throws -> Int64 {
        try XCTUnwrap(try services.catalog.page(itemID: item, name: page)?.id)
    }

    // MARK: - The queue

    func testTheQueueListsLowestConfidenceFirstWithBlankAndFailedPagesApart() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1"), sach2 = try pageID(services, "sach", "2")
        let bao1 = try pageID(services, "bao", "1"), bao2 = try pageID(services, "bao", "2"), bao3 = try pageID(services, "bao", "3")
        let secret = try pageID(services, "mat", "1")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let queue = try await get(client, "/review", as: mai.cookie)
            XCTAssertEqual(queue.status, .ok)
            let html = String(buffer: queue.body)
            let positions = [sach1, bao1, sach2].map { html.range(of: "href=\"/review/\($0)\"")?.lowerBound }
            XCTAssertFalse(positions.contains(nil), "every text page is listed")
            XCTAssertTrue(positions.compactMap { $0 }.elementsEqual(positions.compactMap { $0 }.sorted()), "lowest confidence first")
            XCTAssertFalse(html.contains("href=\"/review/\(secret)\""), "a closed item's page is not listed")
            XCTAssertFalse(html.contains("href=\"/review/\(bao2)\""), "blank pages are apart")
            XCTAssertFalse(html.contains("href=\"/review/\(bao3)\""), "failed pages are apart")
            XCTAssertTrue(html.contains("(3)") && html.contains("Trang trắng (1)") && html.contains("Trang lỗi (1)"), html)
            XCTAssertTrue(html.contains("href=\"/static/review.css\""))

            let blank = String(buffer: try await get(client, "/review?section=blank", as: mai.cookie).body)
            XCTAssertTrue(blank.contains("href=\"/review/\(bao2)\""))
            XCTAssertFalse(blank.contains("href=\"/review/\(sach1)\""))
            let failed = String(buffer: try await get(client, "/review?section=failed", as: mai.cookie).body)
            XCTAssertTrue(failed.contains("href=\"/review/\(bao3)\""))
            XCTAssertTrue(failed.contains("engine crashed"), "the failure is shown")

            let library = String(buffer: try await get(client, "/review?library=LCH", as: mai.cookie).body)
            XCTAssertTrue(library.contains("href=\"/review/\(sach1)?library=LCH\""))
            XCTAssertFalse(library.contains("/review/\(bao1)"))
            let item = String(buffer: try await get(client, "/review?item=bao", as: mai.cookie).body)
            XCTAssertTrue(item.contains("/review/\(bao1)?item=bao"))
            XCTAssertFalse(item.contains("/review/\(sach1)"))
            let batchID = try XCTUnwrap(try services.catalog.item(id: "sach")?.batchID)
            let batch = String(buffer: try await get(client, "/review?batch=\(batchID)", as: mai.cookie).body)
            XCTAssertTrue(batch.contains("/review/\(sach1)?batch=\(batchID)"))
            let otherBatch = String(buffer: try await get(client, "/review?batch=\(batchID + 100)", as: mai.cookie).body)
            XCTAssertFalse(otherBatch.contains("/review/\(sach1)"))
        }
    }

    func testOnlyArchivistsMayReview() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let anonymous = try await get(client, "/review")
            XCTAssertEqual(anonymous.status, .seeOther)
            XCTAssertTrue(anonymous.headers[.location]?.hasPrefix("/login") ?? false)
            let status1 = try await get(client, "/review/\(sach1)").status
            XCTAssertEqual(status1, .seeOther)

            let hoa = try await signIn(client, name: "hoa", password: ReviewRoutesTests.password)
            let status2 = try await get(client, "/review", as: hoa.cookie).status
            XCTAssertEqual(status2, .forbidden)
            let status3 = try await get(client, "/review/\(sach1)", as: hoa.cookie).status
            XCTAssertEqual(status3, .forbidden)
            let refused = try await post(client, "/review/\(sach1)/save", [("revision", "1"), ("line.line_1", "x")], as: hoa)
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v1")

            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let status4 = try await get(client, "/review", as: mai.cookie).status
            XCTAssertEqual(status4, .ok)
            let status5 = try await get(client, "/review/\(sach1)", as: mai.cookie).status
            XCTAssertEqual(status5, .ok)
        }
    }

    // MARK: - The page view

    func testThePageViewDrawsTheWordsAndEscapesOCRText() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1")
        // OCR can produce markup-like text: put some into the archived ALTO and the catalog.
        _ = try PageCorrection(session: services.session).review(
            PageReview(pageID: sach1, revision: 1, lines: ["line_2": "<script>alert(\"x\")</script> a\"b"]),
            by: Reviewer(userID: nil, account: "test", displayName: nil))
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let response = try await get(client, "/review/\(sach1)", as: mai.cookie)
            XCTAssertEqual(response.status, .ok)
            let html = String(buffer: response.body)
            XCTAssertFalse(html.contains("<script>alert"), "OCR text never becomes markup")
            XCTAssertFalse(html.contains("a\"b"))
            XCTAssertTrue(html.contains("Sách &lt;cổ&gt;"), "the item title is escaped too")
            XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
            XCTAssertEqual(inputValue("line.line_2", in: html), "<script>alert(\"x\")</script> a\"b")
            XCTAssertEqual(inputValue("line.line_1", in: html), "Thư vien tinh")
            XCTAssertEqual(inputValue("revision", in: html), "2")
            XCTAssertTrue(html.contains("src=\"/items/sach/pages/1/image\""))
            XCTAssertTrue(html.contains("class=\"w doubtful\" data-line=\"line_1\" data-index=\"1\""), "vien (WC 0.41) is doubtful")
            XCTAssertTrue(html.contains("class=\"w\" data-line=\"line_1\" data-index=\"0\""), "Thư (WC 0.95) is not")
            XCTAssertTrue(html.contains("<mark>vien</mark>"))
            XCTAssertTrue(html.contains("data-x=\"") && html.contains("data-w=\""))
            XCTAssertFalse(html.contains("style="), "the CSP forbids style attributes")
            XCTAssertTrue(html.contains("<script src=\"/static/review.js\" defer></script>"))
            XCTAssertTrue(html.contains("formaction=\"/review/\(sach1)/approve\""))
            XCTAssertTrue(html.contains("action=\"/review/\(sach1)/rescan\""))
            XCTAssertTrue(html.contains("data-tone=\"\u{0323}\""), "the palette has the dot below")
            XCTAssertTrue(html.contains("data-insert=\"ơ\""))
            XCTAssertTrue(html.contains("rel=\"next\""), "a link to the next page of the queue")

            let script = try await get(client, "/static/review.js")
            XCTAssertEqual(script.status, .ok)
            XCTAssertTrue(String(buffer: script.body).contains("normalize(\"NFC\")"))
            let style = try await get(client, "/static/review.css")
            XCTAssertEqual(style.status, .ok)
            XCTAssertEqual(style.headers[.contentType], "text/css; charset=utf-8")
        }
    }

    func testClosedAndWithdrawnItemsAreNotFound() async throws {
        let services = try services()
        let secret = try pageID(services, "mat", "1")
        let bao1 = try pageID(services, "bao", "1")
        try services.catalog.withdrawItem(id: "bao", reason: "trùng bản", agent: "test")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let status6 = try await get(client, "/review/\(secret)", as: mai.cookie).status
            XCTAssertEqual(status6, .notFound)
            let status7 = try await get(client, "/review/\(bao1)", as: mai.cookie).status
            XCTAssertEqual(status7, .notFound)
            let status8 = try await get(client, "/review/999999", as: mai.cookie).status
            XCTAssertEqual(status8, .notFound)
            let save = try await post(client, "/review/\(secret)/save", [("revision", "1"), ("line.line_1", "x")], as: mai)
            XCTAssertEqual(save.status, .notFound)
            let rescan = try await post(client, "/review/\(secret)/rescan", [("reason", "x")], as: mai)
            XCTAssertEqual(rescan.status, .notFound)
            XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:mat"), "v1")
            let queue = String(buffer: try await get(client, "/review", as: mai.cookie).body)
            XCTAssertFalse(queue.contains("/review/\(bao1)"), "a withdrawn item's pages leave the queue")
        }
    }

    // MARK: - Saving

    func testASaveWritesANewVersionKeepingTheOtherWordBoxesAndUpdatesSearch() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1")
        let before = try headALTO(services, "sach", "1")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let html = String(buffer: try await get(client, "/review/\(sach1)", as: mai.cookie).body)
            let line1 = try XCTUnwrap(inputValue("line.line_1", in: html))
            let line2 = try XCTUnwrap(inputValue("line.line_2", in: html))
            let saved = try await post(
                client, "/review/\(sach1)/save",
                [
                    ("revision", "1"), ("orig.line_1", line1), ("line.line_1", "Thư viện Mường"), ("orig.line_2", line2),
                    ("line.line_2", line2),
                ], as: mai)
            XCTAssertEqual(saved.status, .seeOther, String(buffer: saved.body))
            XCTAssertEqual(saved.headers[.location], "/review/\(sach1)?saved=pending")
            let shown = String(buffer: try await get(client, saved.headers[.location] ?? "", as: mai.cookie).body)
            XCTAssertTrue(shown.contains("Đã lưu."), shown)
            XCTAssertEqual(inputValue("line.line_1", in: shown), "Thư viện Mường", "the page shows the saved draft")
            XCTAssertEqual(inputValue("revision", in: shown), "2")
            XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v1", "the save waits for more")
            XCTAssertEqual(try services.catalog.search("muong").map(\.pageID), [sach1], "search has it at once")
            let approved = try await post(client, "/review/\(sach1)/approve", [("revision", "2")], as: mai)
            XCTAssertEqual(approved.status, .seeOther, String(buffer: approved.body))
        }
        XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v2")
        let after = try headALTO(services, "sach", "1")
        XCTAssertEqual(after.lines[0].words.map(\.content), ["Thư", "viện", "Mường"])
        XCTAssertEqual(after.lines[0].words[0], before.lines[0].words[0], "an unchanged word keeps its element")
        XCTAssertEqual(after.lines[0].words.map(\.box), before.lines[0].words.map(\.box), "replaced words keep their boxes")
        XCTAssertEqual(after.lines[1], before.lines[1], "the unchanged line keeps every box")
        let mets = try String(
            contentsOf: try XCTUnwrap(try services.root.contentURL(objectID: "urn:sohoa:LCH:sach", logicalPath: "mets.xml")),
            encoding: .utf8)
        XCTAssertTrue(mets.contains("<premis:agentName>Lò Thị Mai (mai)</premis:agentName>"))
        XCTAssertEqual(try services.catalog.search("muong").map(\.pageID), [sach1])
        XCTAssertEqual(try services.catalog.reviewEntry(pageID: sach1)?.revision, 3)
        XCTAssertEqual(try services.catalog.reviewEntry(pageID: sach1)?.reviewState, .approved)
        XCTAssertEqual(try services.catalog.reviews(pageID: sach1).map(\.action), [.corrected, .approved])
        XCTAssertEqual(try services.catalog.reviews(pageID: sach1).map(\.ocflVersion), ["v2", "v2"])
    }

    func testASecondSaveFromTheSameRevisionIsRefusedAndNothingIsLost() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let lan = try await signIn(client, name: "lan", password: ReviewRoutesTests.password)
            let first = try await post(
                client, "/review/\(sach1)/save", [("revision", "1"), ("orig.line_1", "Thư vien tinh"), ("line.line_1", "Thư viện tỉnh")],
                as: mai)
            XCTAssertEqual(first.status, .seeOther)
            let second = try await post(
                client, "/review/\(sach1)/save",
                [
                    ("revision", "1"), ("orig.line_1", "Thư vien tinh"), ("line.line_1", "Thư vien tinh"), ("orig.line_2", "Lai Chau"),
                    ("line.line_2", "Lai Châu xưa"),
                ], as: lan)
            XCTAssertEqual(second.status, .conflict)
            let html = String(buffer: second.body)
            XCTAssertTrue(html.contains("Trang này vừa được người khác lưu"), html)
            XCTAssertEqual(inputValue("line.line_2", in: html), "Lai Châu xưa", "the refused text is shown back")
            XCTAssertEqual(inputValue("line.line_1", in: html), "Thư viện tỉnh", "with the first save's text")
            XCTAssertEqual(inputValue("orig.line_2", in: html), "Lai Chau")
            XCTAssertEqual(inputValue("revision", in: html), "2", "saving again builds on the first save")
            XCTAssertTrue(html.contains("unsaved"))

            let retried = try await post(
                client, "/review/\(sach1)/save",
                [
                    ("revision", "2"), ("orig.line_1", "Thư viện tỉnh"), ("line.line_1", "Thư viện tỉnh"), ("orig.line_2", "Lai Chau"),
                    ("line.line_2", "Lai Châu xưa"),
                ], as: lan)
            XCTAssertEqual(retried.status, .seeOther)
        }
        XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v2", "mai's draft went in before lan's save")
        SohoaServerApp.flushReviewDrafts(services.session)  // as the server does when it stops
        let alto = try headALTO(services, "sach", "1")
        XCTAssertEqual(alto.lines.map(\.text), ["Thư viện tỉnh", "Lai Châu xưa"], "both saves are kept")
        XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v3")
    }

    func testApprovingGoesToTheNextPageAndRescanReachesSohoaStatus() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1"), bao1 = try pageID(services, "bao", "1"), sach2 = try pageID(services, "sach", "2")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let approved = try await post(client, "/review/\(sach1)/approve", [("revision", "1")], as: mai)
            XCTAssertEqual(approved.status, .seeOther)
            XCTAssertEqual(approved.headers[.location], "/review/\(bao1)")
            XCTAssertEqual(try services.catalog.reviewEntry(pageID: sach1)?.reviewState, .approved)
            XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v1", "approving unchanged text writes nothing")

            let noReason = try await post(client, "/review/\(bao1)/rescan", [("reason", "  ")], as: mai)
            XCTAssertEqual(noReason.status, .badRequest)
            let rescan = try await post(
                client, "/review/\(bao1)/rescan", [("reason", "Ảnh mờ,\r\nthiếu góc trái"), ("library", "LCH")], as: mai)
            XCTAssertEqual(rescan.status, .seeOther)
            XCTAssertEqual(rescan.headers[.location], "/review/\(sach2)?library=LCH")
            let queue = String(buffer: try await get(client, "/review", as: mai.cookie).body)
            XCTAssertFalse(queue.contains("href=\"/review/\(sach1)\""))
            XCTAssertFalse(queue.contains("href=\"/review/\(bao1)\""))
            XCTAssertTrue(queue.contains("href=\"/review/\(sach2)\""))
        }
        let status = StatusReport.text(try services.catalog.status(), archive: services.options.archive)
        XCTAssertTrue(status.contains("bao / 1: Ảnh mờ, thiếu góc trái (Lò Thị Mai (mai)"), status)
        XCTAssertEqual(try services.catalog.reviews(pageID: bao1).map(\.action), [.rescan])
    }

    // MARK: - Versions (issue 12)

    func testSavesInARowAreOneVersionAndEveryReaderSeesTheSavedText() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1"), sach2 = try pageID(services, "sach", "2")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            var line = "Thư vien tinh"
            for (round, word) in ["viện", "tỉnh", "Mường", "Tè", "xưa", "nay"].enumerated() {
                let next = round < 2 ? line.replacingOccurrences(of: round == 0 ? "vien" : "tinh", with: word) : line + " " + word
                let saved = try await post(
                    client, "/review/\(sach1)/save", [("revision", "\(round + 1)"), ("orig.line_1", line), ("line.line_1", next)], as: mai)
                XCTAssertEqual(saved.status, .seeOther, String(buffer: saved.body))
                line = next
            }
            XCTAssertEqual(line, "Thư viện tỉnh Mường Tè xưa nay")
            XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v1", "six saves, no version yet")
            let alto = String(buffer: try await get(client, "/iiif/sach/alto/1").body)
            XCTAssertTrue(alto.contains("CONTENT=\"Mường\"") && alto.contains("CONTENT=\"nay\""), "IIIF serves the saved words")
            let item = String(buffer: try await get(client, "/items/sach").body)
            XCTAssertTrue(item.contains("Thư viện tỉnh Mường Tè xưa nay"), "the item page shows the saved text")
            XCTAssertEqual(try services.catalog.search("muong te").map(\.pageID), [sach1])

            // Moving on to another page writes the first page's saves as one version.
            let other = try await post(
                client, "/review/\(sach2)/save", [("revision", "1"), ("orig.line_2", "Lai Chau"), ("line.line_2", "Lai Châu")], as: mai)
            XCTAssertEqual(other.status, .seeOther)
        }
        XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v2")
        XCTAssertEqual(try headALTO(services, "sach", "1").lines.first?.text, "Thư viện tỉnh Mường Tè xưa nay")
        // The server stops (or dies) with page 2 pending: the next start writes it.
        let restarted = try makeServices(archive: services.options.archive)
        _ = SohoaServerApp.router(services: restarted)
        SohoaServerApp.flushReviewDrafts(restarted.session)
        XCTAssertEqual(try restarted.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v3")
        XCTAssertEqual(try headALTO(restarted, "sach", "2").lines.last?.text, "Lai Châu")
        let ocfl = try runCheck("validate-ocfl", [services.options.archive.path])
        if let ocfl { XCTAssertEqual(ocfl.exitCode, 0, ocfl.output) }
    }

    /// A `sohoa correct` process and web saves (with approval, so each writes a version) on the same
    /// page at the same moment, many times: every edit that was accepted is in some version, in
    /// order; a refused one said so (409, or exit 1); none is silently dropped.
    func testACommandLineCorrectionRacingAWebSaveLosesNothing() async throws {
        let binary = sohoaBinary()
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("the sohoa executable is not built next to the tests (\(binary.path))")
        }
        let services = try services()
        let archive = services.options.archive
        let sach1 = try pageID(services, "sach", "1")
        let rounds = 8
        let (acceptedWeb, acceptedCLI) = try await Application(router: SohoaServerApp.router(services: services)).test(.router) {
            client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            var acceptedWeb: [String] = [], acceptedCLI: [String] = []
            for round in 1...rounds {
                let webWord = "web\(round)", cliWord = "cli\(round)"
                let textFile = archive.deletingLastPathComponent().appendingPathComponent("text-\(round).txt")
                try Data("Thư viện \(cliWord)\nLai Chau\n".utf8).write(to: textFile)
                let page = String(buffer: try await get(client, "/review/\(sach1)", as: mai.cookie).body)
                let revision = try XCTUnwrap(inputValue("revision", in: page))
                let line2 = try XCTUnwrap(inputValue("line.line_2", in: page))
                let cli = Task.detached {
                    try ProcessRunner.run(
                        binary, ["correct", "sach", "1", "--text", textFile.path, "--by", "Hoa", "--archive", archive.path])
                }
                let web = try await post(
                    client, "/review/\(sach1)/approve",
                    [("revision", revision), ("orig.line_2", line2), ("line.line_2", "Lai \(webWord)")], as: mai)
                let cliResult = try await cli.value
                XCTAssertTrue([0, 1].contains(cliResult.exitCode), "round \(round): \(cliResult.output)")
                if cliResult.exitCode == 1 { XCTAssertTrue(cliResult.output.contains("run the command again"), cliResult.output) }
                XCTAssertTrue([.seeOther, .conflict].contains(web.status), "round \(round): \(web.status)")
                if cliResult.exitCode == 0 { acceptedCLI.append(cliWord) }
                if web.status == .seeOther { acceptedWeb.append(webWord) }
            }
            return (acceptedWeb, acceptedCLI)
        }
        XCTAssertTrue(try PageCorrection(session: services.session).drafts.all().isEmpty)
        let texts = try versionTexts(services, objectID: "urn:sohoa:LCH:sach", path: "text/1.txt")
        XCTAssertEqual(texts.count, 1 + acceptedWeb.count + acceptedCLI.count, "one version per accepted edit: \(texts)")
        for word in acceptedWeb + acceptedCLI {
            XCTAssertTrue(texts.contains { $0.contains(word) }, "\(word) is in a version: \(texts)")
        }
        // In order: each version is based on the one before (a web edit keeps the CLI text before it).
        for (previous, next) in zip(texts, texts.dropFirst()) where next.contains("Lai web") {
            XCTAssertEqual(next.split(separator: "\n").first, previous.split(separator: "\n").first, "\(previous) → \(next)")
        }
        let ocfl = try runCheck("validate-ocfl", [archive.path])
        if let ocfl { XCTAssertEqual(ocfl.exitCode, 0, ocfl.output) }
    }
}

/// The `sohoa` executable built beside the test bundle.
private func sohoaBinary() -> URL {
    let candidates =
        Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("sohoa") }
        + [
            Bundle.main.bundleURL.appendingPathComponent("sohoa"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sohoa"),
        ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}

/// A shared check (`../shared/checks/<name>`) run on `arguments`, or nil when the checks are absent
/// (the rest of the test still ran).
private func runCheck(_ name: String, _ arguments: [String]) throws -> ProcessOutput? {
    guard (try? SharedChecks.tool(name)) != nil else { return nil }
    return try SharedChecks.run(name, arguments)
}

/// The text of `path` in every version of an object, oldest first (read from its inventory).
private func versionTexts(_ services: ServerServices, objectID: String, path: String) throws -> [String] {
    let folder = services.root.url.appendingPathComponent(services.root.objectPath(for: objectID))
    let json = try XCTUnwrap(
        try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("inventory.json"))) as? [String: Any])
    let manifest = try XCTUnwrap(json["manifest"] as? [String: [String]])
    let versions = try XCTUnwrap(json["versions"] as? [String: [String: Any]])
    return try versions.keys.sorted { Int($0.dropFirst()) ?? 0 < Int($1.dropFirst()) ?? 0 }.map { name in
        let state = try XCTUnwrap(versions[name]?["state"] as? [String: [String]])
        let digest = try XCTUnwrap(state.first { $0.value.contains(path) }?.key)
        let content = try XCTUnwrap(manifest[digest]?.first)
        return try String(contentsOf: folder.appendingPathComponent(content), encoding: .utf8)
    }
}

/// The class's archive: items `sach` (2 pages, library LCH) and `bao` (3 pages: text, blank, failed;
/// library DBN), and the closed item `mat` (LCH); the pages' confidences are set so the queue order is known
/// (sach/1 40, bao/1 55, sach/2 70, mat/1 10).
enum ReviewFixtureArchive {
    static func make() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-review-\(UUID().uuidString)")
        let batch = folder.appendingPathComponent("batch")
        let items = [
            ("sach", 2, "title: Sách <cổ>\nlibrary-code: LCH\n"), ("bao", 3, "title: Báo\nlibrary-code: DBN\n"),
            ("mat", 1, "title: Mật\nlibrary-code: LCH\naccess: closed\n"),
        ]
        for (item, pages, yaml) in items {
            let itemFolder = batch.appendingPathComponent(item)
            try writePages(pages, into: itemFolder)
            try Data(yaml.utf8).write(to: itemFolder.appendingPathComponent("item.yaml"))
        }
        let archive = folder.appendingPathComponent("archive")
        var pipeline = PipelineConfiguration()
        pipeline.workers.ocr = 1
        let options = RunOptions(batch: batch, archive: archive, pipeline: pipeline, makeEngine: { ReviewFixtureEngine() })
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: SilentReporter())).run()
        guard summary.exitStatus == .success else {
            throw SignInFailed(description: "the fixture batch failed: \(summary.snapshot.failures)")
        }
        let catalog = try Catalog(url: archive)
        for (item, page, confidence) in [("sach", "1", 40.0), ("sach", "2", 70.0), ("bao", "1", 55.0), ("mat", "1", 10.0)] {
            guard var record = try catalog.page(itemID: item, name: page) else { continue }
            record.meanConfidence = confidence
            try catalog.upsertPage(record)
        }
        if var blank = try catalog.page(itemID: "bao", name: "2") {
            blank.isBlank = true
            blank.meanConfidence = nil
            try catalog.upsertPage(blank)
        }
        if var failed = try catalog.page(itemID: "bao", name: "3") {
            failed.state = .failed
            failed.error = "ocr: engine crashed"
            try catalog.upsertPage(failed)
        }
        return archive
    }

    /// Small text-like PNG pages 1.png, 2.png, … in `folder`.
    static func writePages(_ count: Int, into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 1...count {
            var raster = Raster(width: 600, height: 800)
            for line in 0..<8 {
                let y = 60 + line * 55
                var x = 50
                while x < 520 {
                    let width = 30 + ((index * 31 + line * 17 + x) % 70)
                    for yy in y..<(y + 18) {
                        for xx in x..<min(x + width, 560) { raster.pixels[yy * 600 + xx] = 20 }
                    }
                    x += width + 15
                }
            }
            try Data(try PNGEncoder.encode(raster)).write(to: folder.appendingPathComponent("\(index).png"))
        }
    }
}

/// Reads every page as "Thư vien tinh / Lai Chau", with "vien" (41) and "tinh" (55) doubtful.
final class ReviewFixtureEngine: ScriptedOCREngine {
    init() { super.init(rows: [[("Thư", 95), ("vien", 41), ("tinh", 55)], [("Lai", 90), ("Chau", 88)]]) }
}

/// Progress nobody watches.
struct SilentReporter: ProgressReporter {
    func update(_ snapshot: RunSnapshot, after event: ProgressEvent) {}
    func finish(_ snapshot: RunSnapshot) {}
}

// MARK: - Helpers (free functions: the test client's closures must not capture the test case)

private func get(_ client: some TestClientProtocol, _ uri: String, as cookie: String? = nil) async throws -> TestResponse {
    try await client.execute(uri: uri, method: .get, headers: cookie.map { [.cookie: $0] } ?? [:])
}

private func post(
    _ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], as session: (cookie: String, csrf: String)
) async throws -> TestResponse {
    try await client.execute(
        uri: uri, method: .post, headers: [.cookie: session.cookie, .contentType: ReviewRoutesTests.formType],
        body: ByteBuffer(string: formEncoded([("_csrf", session.csrf)] + fields)))
}

/// The value of the input named `name` in `html` (unescaped).
private func inputValue(_ name: String, in html: String) -> String? {
    guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    let rest = html[start.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<end]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}

private func headALTO(_ services: ServerServices, _ item: String, _ page: String) throws -> ALTOPage {
    let url = try XCTUnwrap(try services.root.contentURL(objectID: "urn:sohoa:LCH:\(item)", logicalPath: "alto/\(page).xml"))
    return try ALTOPage(parsing: try String(contentsOf: url, encoding: .utf8))
}
