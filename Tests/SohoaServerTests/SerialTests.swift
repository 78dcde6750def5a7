import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaCatalog
import SohoaPipeline
import SohoaSharing
import SohoaTesting
import XCTest

@testable import SohoaServer

/// Serials (issue 14): a batch of three issues of one newspaper (the middle one restricted) and a
/// book, run through the real pipeline; then the title page, previous/next links, the title's IIIF
/// collection (validated) and its OAI set, for an anonymous reader and a signed-in one.
final class SerialTests: XCTestCase {
    private static let serial = "bao-lai-chau"
    private static let password = "mật khẩu báo"

    func testThreeIssuesMakeATitlePageNeighboursACollectionAndAnOAISet() async throws {
        let archive = try Self.makeArchive(self)
        let services = try makeServices(archive: archive) {
            $0.publicURL = "http://sohoa.test"
            $0.sharing = SharingConfiguration(repositoryName: "Thư viện số Lai Châu", repositoryIdentifier: "sohoa.test")
        }
        try addTestUser(services, name: "lan", role: .archivist, password: Self.password)
        let folder = try temporaryFolder("sohoa-serial-out", removedAfter: self)
        let app = Application(
            router: SohoaServerApp.router(services: services), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            // The title page: by year, latest year first; the restricted issue only when signed in.
            let page = String(buffer: try await get(client, "/serials/\(Self.serial)").body)
            XCTAssertTrue(page.contains("Báo Lai Châu"), page)
            let y1959 = try XCTUnwrap(page.range(of: "Năm 1959")), y1958 = try XCTUnwrap(page.range(of: "Năm 1958"))
            XCTAssertLessThan(y1959.lowerBound, y1958.lowerBound)
            XCTAssertTrue(page.contains("href=\"/items/so-1\"") && page.contains("href=\"/items/so-3\""), page)
            XCTAssertFalse(page.contains("so-2"), "a restricted issue is not listed for an anonymous reader")
            let missing = try await get(client, "/serials/khong-co")
            XCTAssertEqual(missing.status, .notFound)
            let session = try await signIn(client, name: "lan", password: Self.password)
            let signedIn = String(buffer: try await get(client, "/serials/\(Self.serial)", as: session.cookie).body)
            XCTAssertTrue(signedIn.contains("href=\"/items/so-2\""), signedIn)

            // Previous/next: an anonymous reader steps over the restricted issue.
            let first = String(buffer: try await get(client, "/items/so-1").body)
            XCTAssertTrue(first.contains("rel=\"next\" href=\"/items/so-3\""), first)
            XCTAssertFalse(first.contains("rel=\"prev\""))
            XCTAssertTrue(first.contains("href=\"/serials/bao-lai-chau\""), first)
            let middle = String(buffer: try await get(client, "/items/so-2", as: session.cookie).body)
            XCTAssertTrue(middle.contains("rel=\"prev\" href=\"/items/so-1\""), middle)
            XCTAssertTrue(middle.contains("rel=\"next\" href=\"/items/so-3\""), middle)
            XCTAssertTrue(middle.contains("1958-03-15"), middle)
            let book = String(buffer: try await get(client, "/items/sach").body)
            XCTAssertFalse(book.contains("serial-issues"), "a book has no issue links")

            // The IIIF collection: issues by date, validated; each manifest links to it.
            let collection = try await get(client, "/iiif/collection/\(Self.serial)")
            XCTAssertEqual(collection.status, .ok)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: collection.body)) as? [String: Any])
            let ids = try XCTUnwrap(json["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            XCTAssertEqual(ids, ["http://sohoa.test/iiif/so-1/manifest", "http://sohoa.test/iiif/so-3/manifest"])
            try await Self.assertValidIIIF(Data(buffer: collection.body), name: "collection.json", in: folder, collection: true)
            let all = try await get(client, "/iiif/collection/\(Self.serial)", as: session.cookie)
            let allJSON = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: all.body)) as? [String: Any])
            XCTAssertEqual((allJSON["items"] as? [Any])?.count, 3, "signed in, the restricted issue is listed")
            XCTAssertFalse(all.headers[.cacheControl]?.contains("public") ?? true, "a list with a restricted issue is not cached")
            let manifest = try await get(client, "/iiif/so-1/manifest")
            XCTAssertTrue(String(buffer: manifest.body).contains("\"id\":\"http://sohoa.test/iiif/collection/bao-lai-chau\""))
            try await Self.assertValidIIIF(Data(buffer: manifest.body), name: "manifest.json", in: folder, collection: false)
            let library = try await get(client, "/iiif/collection/LOCAL")
            XCTAssertEqual(library.status, .ok, "library collections still answer")

            // OAI-PMH: a set per title, whose list holds the issues harvesters may see.
            let sets = String(buffer: try await get(client, "/oai?verb=ListSets").body)
            XCTAssertTrue(sets.contains("<setSpec>serial:bao-lai-chau</setSpec><setName>Báo Lai Châu</setName>"), sets)
            try await Self.assertValidXML(sets, name: "sets.xml", in: folder)
            let records = String(
                buffer: try await get(client, "/oai?verb=ListRecords&metadataPrefix=oai_dc&set=serial:bao-lai-chau").body)
            XCTAssertEqual(records.components(separatedBy: "<record>").count - 1, 2, records)
            XCTAssertTrue(records.contains(":so-1</identifier>") && records.contains(":so-3</identifier>"), records)
            XCTAssertFalse(records.contains(":sach</identifier>"))
            try await Self.assertValidXML(records, name: "records.xml", in: folder)
            let port = try XCTUnwrap(client.port)
            let harvest = try await SharedChecks.runAsync("oai-harvest", ["http://127.0.0.1:\(port)/oai"])
            XCTAssertEqual(harvest.exitCode, 0, harvest.output)
        }
    }

    /// The batch: issues so-1 (1958-03-01), so-2 (1958-03-15, restricted), so-3 (1959-01-01) of
    /// bao-lai-chau, the title given on the first one only, and a book.
    private static func makeArchive(_ test: XCTestCase) throws -> URL {
        _ = try SharedChecks.tool("validate-iiif-manifest")
        _ = try SharedChecks.tool("oai-harvest")
        let folder = try temporaryFolder("sohoa-serial", removedAfter: test)
        let batch = folder.appendingPathComponent("batch")
        let items = [
            (
                "so-1",
                "title: Báo Lai Châu số 1\nserial: bao-lai-chau\nserial-title: Báo Lai Châu\nissue-date: 1958-03-01\nissue-number: 1\n"
            ),
            ("so-2", "title: Báo Lai Châu số 2\nserial: bao-lai-chau\nissue-date: 1958-03-15\nissue-number: 2\naccess: restricted\n"),
            ("so-3", "title: Báo Lai Châu số 3\nserial: bao-lai-chau\nissue-date: 1959-01-01\nissue-number: 3\nvolume: 2\n"),
            ("sach", "title: Địa chí Lai Châu\n"),
        ]
        for (item, yaml) in items {
            let itemFolder = batch.appendingPathComponent(item)
            try ReviewFixtureArchive.writePages(1, into: itemFolder)
            try Data(yaml.utf8).write(to: itemFolder.appendingPathComponent("item.yaml"))
        }
        let archive = folder.appendingPathComponent("archive")
        var pipeline = PipelineConfiguration()
        pipeline.workers.ocr = 1
        let options = RunOptions(batch: batch, archive: archive, pipeline: pipeline, makeEngine: { ReviewFixtureEngine() })
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: SilentReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        return archive
    }

    private static func assertValidIIIF(_ data: Data, name: String, in folder: URL, collection: Bool) async throws {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        let run = try await SharedChecks.runAsync("validate-iiif-manifest", (collection ? ["--allow-collection"] : []) + [url.path])
        XCTAssertEqual(run.exitCode, 0, "\(name):\n\(run.output)")
    }

    private static func assertValidXML(_ xml: String, name: String, in folder: URL) async throws {
        let url = folder.appendingPathComponent(name)
        try Data(xml.utf8).write(to: url)
        let run = try await SharedChecks.runAsync("validate-xml", [url.path])
        XCTAssertEqual(run.exitCode, 0, "\(name):\n\(run.output)")
    }
}
