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

/// Saving a reviewed page: a new archive version keeping the other words' boxes, the optimistic
/// revision check, approving and rescanning, saves in a row as one version, and a command-line
/// correction racing a web save.
extension ReviewRoutesTests {
    // MARK: - Saving

    func testASaveWritesANewVersionKeepingTheOtherWordBoxesAndUpdatesSearch() async throws {
        let services = try services()
        let sach1 = try pageID(services, "sach", "1")
        let before = try headALTO(services, "sach", "1")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let html = String(buffer: try await get(client, "/review/\(sach1)", as: mai.cookie).body)
            let saved = try await saveFirstLine(client, pageID: sach1, form: html, to: "Thư viện Mường", as: mai)
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
