import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaServer

/// The structure page: an archivist labels pages by rule, builds a two-level table of contents on
/// the scans and saves (a new archive version with a PREMIS event naming who); readers then see the
/// labels and contents on the item page, in search hits and in the IIIF manifest.
final class StructureRoutesTests: XCTestCase {
    nonisolated(unsafe) static var template: URL?

    override class func setUp() {
        super.setUp()
        do {
            template = try ReviewFixtureArchive.make()
        } catch {
            print("StructureRoutesTests: cannot make the test archive: \(error)")
        }
    }

    override class func tearDown() {
        if let template { try? FileManager.default.removeItem(at: template.deletingLastPathComponent()) }
        super.tearDown()
    }

    private func services() throws -> ServerServices {
        let template = try XCTUnwrap(Self.template, "the class's test archive could not be made")
        let archive = try temporaryArchive(self).appendingPathComponent("archive")
        try FileManager.default.copyItem(at: template, to: archive)
        let services = try makeServices(archive: archive)
        try addTestUser(services, name: "mai", role: .archivist, password: ReviewRoutesTests.password, displayName: "Lò Thị Mai")
        try addTestUser(services, name: "hoa", role: .manager, password: ReviewRoutesTests.password)
        return services
    }

    func testLabelsByRuleAndATwoLevelContentsSavedAsANewVersionReachReaders() async throws {
        let services = try services()
        let manifestFile = try temporaryFolder("sohoa-structure-manifest", removedAfter: self).appendingPathComponent("manifest.json")
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let page = try await get(client, "/items/sach/structure", as: mai.cookie)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(inputValue("label.1", in: String(buffer: page.body)), "")

            let filled = try await post(client, "/items/sach/structure", [("action", "rules"), ("rules", "1: Bìa, 2: 5")], as: mai)
            XCTAssertEqual(filled.status, .ok, String(buffer: filled.body))
            let filledHTML = String(buffer: filled.body)
            XCTAssertEqual(inputValue("label.1", in: filledHTML), "Bìa")
            XCTAssertEqual(inputValue("label.2", in: filledHTML), "5")
            XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v1", "applying rules saves nothing")

            let saved = try await post(
                client, "/items/sach/structure",
                [
                    ("action", "save"), ("label.1", "Bìa"), ("label.2", "5"),
                    ("s.1.0.level", "1"), ("s.1.0.title", "Lời giới thiệu"), ("s.1.0.type", "preface"), ("s.1.0.to", ""),
                    ("s.2.0.level", "1"), ("s.2.0.title", "Chương 1. Mường Lay"), ("s.2.0.type", "chapter"), ("s.2.0.to", ""),
                    ("s.2.1.level", "2"), ("s.2.1.title", "Bản Chiềng"), ("s.2.1.type", "section"), ("s.2.1.to", ""),
                    ("s.2.2.level", "1"), ("s.2.2.title", ""), ("s.2.2.type", "chapter"), ("s.2.2.to", ""),
                ], as: mai)
            XCTAssertEqual(saved.status, .seeOther, String(buffer: saved.body))
            XCTAssertEqual(saved.headers[.location], "/items/sach/structure?saved=v2")
            let shown = String(buffer: try await get(client, "/items/sach/structure?saved=v2", as: mai.cookie).body)
            XCTAssertEqual(inputValue("s.2.1.title", in: shown), "Bản Chiềng")
            XCTAssertTrue(shown.contains("Đã lưu (phiên bản v2)."))

            // A reader (not signed in) sees the labels and the contents list jumping to the page.
            let item = String(buffer: try await get(client, "/items/sach").body)
            XCTAssertTrue(item.contains("Mục lục") && item.contains("<a href=\"#page-2\">Chương 1. Mường Lay</a>"), item)
            XCTAssertTrue(item.contains("<h2>Bìa") && item.contains("<h2>Trang 5"), item)
            let search = String(buffer: try await get(client, "/search?q=tinh").body)
            XCTAssertTrue(search.contains(">trang 5</a>") && search.contains(">Bìa</a>"), search)

            let manifest = try await get(client, "/iiif/sach/manifest")
            XCTAssertEqual(manifest.status, .ok)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: manifest.body)) as? [String: Any])
            let canvases = try XCTUnwrap(json["items"] as? [[String: Any]])
            XCTAssertEqual(canvases.compactMap { ($0["label"] as? [String: [String]])?["none"]?.first }, ["Bìa", "5"])
            let ranges = try XCTUnwrap(json["structures"] as? [[String: Any]])
            XCTAssertEqual(
                ranges.compactMap { ($0["label"] as? [String: [String]])?["none"]?.first }, ["Lời giới thiệu", "Chương 1. Mường Lay"])
            let nested = try XCTUnwrap((ranges[1]["items"] as? [[String: Any]])?.last)
            XCTAssertEqual(nested["type"] as? String, "Range")
            try Data(buffer: manifest.body).write(to: manifestFile)
        }
        if let run = try runCheck("validate-iiif-manifest", [manifestFile.path]) {
            XCTAssertEqual(run.exitCode, 0, run.output)
        }
        XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v2")
        let metsURL = try XCTUnwrap(try services.root.contentURL(objectID: "urn:sohoa:LCH:sach", logicalPath: "mets.xml"))
        let mets = try String(contentsOf: metsURL, encoding: .utf8)
        XCTAssertTrue(mets.contains("ORDERLABEL=\"Bìa\"") && mets.contains("LABEL=\"Bản Chiềng\""))
        XCTAssertTrue(mets.contains("<premis:eventType>metadata modification</premis:eventType>"))
        XCTAssertTrue(mets.contains("<premis:agentName>Lò Thị Mai (mai)</premis:agentName>"))
        if (try? SharedChecks.tool("validate-xml")) != nil { try SharedChecks.assertValidXML([metsURL]) }
    }

    func testASectionPastTheLastPageIsRefusedAndNothingIsWritten() async throws {
        let services = try services()
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let refused = try await post(
                client, "/items/sach/structure",
                [("action", "save"), ("label.1", "1"), ("s.1.0.level", "1"), ("s.1.0.title", "Chương <1>"), ("s.1.0.to", "9")], as: mai)
            XCTAssertEqual(refused.status, .badRequest)
            let html = String(buffer: refused.body)
            XCTAssertTrue(html.contains("Chưa lưu") && html.contains("ends at page 9"), html)
            XCTAssertEqual(inputValue("s.1.0.title", in: html), "Chương <1>", "what was typed is kept")
            let badRule = try await post(client, "/items/sach/structure", [("action", "rules"), ("rules", "7: 1")], as: mai)
            XCTAssertEqual(badRule.status, .badRequest)
            XCTAssertTrue(String(buffer: badRule.body).contains("only 2 pages"))
        }
        XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v1")
    }

    func testOnlyArchivistsMayOpenOrSaveTheStructurePage() async throws {
        let services = try services()
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let anonymous = try await get(client, "/items/sach/structure")
            XCTAssertNotEqual(anonymous.status, .ok)
            let hoa = try await signIn(client, name: "hoa", password: ReviewRoutesTests.password)
            let forbidden = try await get(client, "/items/sach/structure", as: hoa.cookie)
            XCTAssertEqual(forbidden.status, .forbidden)
            let saved = try await post(client, "/items/sach/structure", [("action", "save"), ("label.1", "x")], as: hoa)
            XCTAssertEqual(saved.status, .forbidden)
            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let closed = try await get(client, "/items/mat/structure", as: mai.cookie)
            XCTAssertEqual(closed.status, .notFound, "closed items are not shown")
        }
        XCTAssertEqual(try services.root.headVersion(objectID: "urn:sohoa:LCH:sach"), "v1")
    }
}
