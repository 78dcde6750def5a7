import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaImaging
import SohoaPipeline
import SohoaTesting
import XCTest

@testable import SohoaServer

/// The shared validators' IIIF sample.
final class IIIFTests: XCTestCase {
    nonisolated(unsafe) static var archive: IIIFTestArchive?
    nonisolated(unsafe) static var failure: String?

    override class func setUp() {
        super.setUp()
        do {
            archive = try IIIFTestArchive()
        } catch {
            failure = "\(error)"
        }
    }

    override class func tearDown() {
        archive?.remove()
        archive = nil
        super.tearDown()
    }

    func fixture() throws -> IIIFTestArchive {
        try XCTUnwrap(Self.archive, "the test archive could not be built: \(Self.failure ?? "?")")
    }

    // MARK: - Image API

    func testImageServerPassesTheIIIFValidatorAtLevel1And2() async throws {
        let fixture = try fixture()
        guard fixture.hasGrid else { throw XCTSkip("\(IIIFChecks.testImage.path) is missing: clone ../shared beside the package") }
        let pageID = try XCTUnwrap(try fixture.pageIDs(IIIFTestArchive.gridItem).first)

        // The master is archived byte-identical, and decodes in colour.
        let item = try XCTUnwrap(try fixture.services.catalog.item(id: IIIFTestArchive.gridItem))
        let master = try XCTUnwrap(
            try fixture.services.root.contentURL(objectID: item.objectID, logicalPath: "masters/\(IIIFChecks.testImage.lastPathComponent)"))
        XCTAssertEqual(try Data(contentsOf: master), try Data(contentsOf: IIIFChecks.testImage))
        let decoded = try ScanDecoder.decode(master).raster
        XCTAssertEqual(decoded.layout, .rgb)
        XCTAssertEqual([decoded.width, decoded.height], [1000, 1000])
        let centre = (50 * 1000 + 50) * 3
        XCTAssertFalse(
            decoded.pixels[centre] == decoded.pixels[centre + 1] && decoded.pixels[centre + 1] == decoded.pixels[centre + 2],
            "a coloured square")

        // A live server on an ephemeral port: ids come from the address the client used.
        let live = ServerServices(
            session: fixture.services.session,
            options: {
                var options = fixture.services.options
                options.port = 0
                options.publicURL = "http://127.0.0.1:0"
                return options
            }())
        let app = Application(router: SohoaServerApp.router(services: live), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            for level in ["1", "2"] {
                let run = try await SharedChecks.runAsync(
                    "validate-iiif-image", ["--level", level, "http://127.0.0.1:\(port)/iiif/image", String(pageID)])
                XCTAssertEqual(run.exitCode, 0, "level \(level):\n\(run.output)")
            }
        }
    }

    func testInfoJSONRedirectAndHeaders() async throws {
        let fixture = try fixture()
        let pageID = try XCTUnwrap(try fixture.pageIDs(IIIFTestArchive.ocrItem).first)
        let redirect = try await fixture.get("/iiif/image/\(pageID)")
        XCTAssertEqual(redirect.status, .seeOther)
        XCTAssertEqual(redirect.headers[.location], "http://sohoa.test/iiif/image/\(pageID)/info.json")
        XCTAssertEqual(redirect.headers[.accessControlAllowOrigin], "*")

        let info = try await fixture.get("/iiif/image/\(pageID)/info.json", headers: [.accept: "application/ld+json"])
        XCTAssertEqual(info.status, .ok)
        XCTAssertEqual(info.headers[.contentType], "application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\"")
        XCTAssertEqual(info.headers[.accessControlAllowOrigin], "*")
        let json = try info.json()
        XCTAssertEqual(json["id"] as? String, "http://sohoa.test/iiif/image/\(pageID)")
        let page = try XCTUnwrap(try fixture.services.catalog.page(id: pageID))
        XCTAssertEqual(json["width"] as? Int, page.width)
        XCTAssertEqual(json["height"] as? Int, page.height)
        let plain = try await fixture.get("/iiif/image/\(pageID)/info.json")
        XCTAssertEqual(plain.headers[.contentType], "application/json")

        let tile = try await fixture.get("/iiif/image/\(pageID)/0,0,512,512/256,/0/default.jpg")
        XCTAssertEqual(tile.status, .ok)
        XCTAssertEqual(tile.headers[.contentType], "image/jpeg")
        XCTAssertEqual(tile.headers[HTTPField.Name("Link")!], "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\"")
        XCTAssertEqual(Array(tile.bytes.prefix(2)), [0xFF, 0xD8])

        for (uri, status) in [
            ("/iiif/image/\(pageID)/nonsense/max/0/default.jpg", HTTPResponse.Status.badRequest),
            ("/iiif/image/\(pageID)/full/max/45/default.jpg", .notImplemented),
            ("/iiif/image/\(pageID)/full/max/0/default.gif", .badRequest),
            ("/iiif/image/\(pageID)/full/99999,/0/default.jpg", .badRequest),
            ("/iiif/image/999999/full/max/0/default.jpg", .notFound),
            ("/iiif/image/abc/info.json", .notFound),
            ("/iiif/image/a%2Fb/full/max/0/default.jpg", .notFound),
        ] {
            let response = try await fixture.get(uri)
            XCTAssertEqual(response.status, status, uri)
            XCTAssertEqual(response.headers[.accessControlAllowOrigin], "*", "CORS on the error of \(uri)")
        }
    }

    /// Issue 12: limits declared and enforced, canonical keys, revalidation.
    func testLimitsCanonicalKeysAndRevalidation() async throws {
        let fixture = try fixture()
        let pageID = try XCTUnwrap(try fixture.pageIDs(IIIFTestArchive.ocrItem).first)
        let page = try XCTUnwrap(try fixture.services.catalog.page(id: pageID))
        let (width, height) = (try XCTUnwrap(page.width), try XCTUnwrap(page.height))

        let info = try await fixture.get("/iiif/image/\(pageID)/info.json").json()
        XCTAssertEqual(info["maxWidth"] as? Int, 10_000)
        XCTAssertEqual(info["maxHeight"] as? Int, 10_000)
        XCTAssertEqual(info["maxArea"] as? Int, 25_000_000)

        // The 400-megapixel request of the issue, and others beyond the limits: 400 without rendering.
        for uri in [
            "/iiif/image/\(pageID)/0,0,1,1/^20000,20000/0/default.jpg", "/iiif/image/\(pageID)/full/^10001,/0/default.jpg",
            "/iiif/image/\(pageID)/full/^pct:100000/0/default.jpg", "/iiif/image/\(pageID)/full/^6000,6000/0/default.jpg",
            "/iiif/image/\(pageID)/99999999999999999999,0,1,1/max/0/default.jpg", "/iiif/image/\(pageID)/full/max/1e999/default.jpg",
        ] {
            let response = try await fixture.get(uri)
            XCTAssertEqual(response.status, .badRequest, uri)
        }
        // One answer for every way of asking, with one ETag; public answers are kept 5 minutes, then revalidated.
        let first = try await fixture.get("/iiif/image/\(pageID)/full/!300,300/0/default.jpg")
        XCTAssertEqual(first.status, .ok)
        XCTAssertEqual(first.headers[.cacheControl], "public, max-age=300")
        let etag = try XCTUnwrap(first.headers[.eTag])
        let side = width >= height ? "300," : ",300"
        for uri in [
            "/iiif/image/\(pageID)/full/!0300,300/0/default.jpg", "/iiif/image/\(pageID)/0,0,\(width),\(height)/\(side)/360/default.jpg",
            "/iiif/image/\(pageID)/pct:0,0,100,100/!300,300/0.0/default.jpg",
        ] {
            let again = try await fixture.get(uri)
            XCTAssertEqual(again.headers[.eTag], etag, uri)
            XCTAssertEqual(again.bytes, first.bytes, uri)
        }
        let notModified = try await fixture.get("/iiif/image/\(pageID)/full/!300,300/0/default.jpg", headers: [.ifNoneMatch: etag])
        XCTAssertEqual(notModified.status, .notModified)
        XCTAssertTrue(notModified.bytes.isEmpty)
        XCTAssertEqual(notModified.headers[.eTag], etag)
        let other = try await fixture.get("/iiif/image/\(pageID)/full/!300,300/0/default.jpg", headers: [.ifNoneMatch: "\"other\""])
        XCTAssertEqual(other.status, .ok)

        let manifest = try await fixture.get("/iiif/\(IIIFTestArchive.ocrItem)/manifest")
        XCTAssertEqual(manifest.headers[.cacheControl], "public, max-age=300")
        let manifestTag = try XCTUnwrap(manifest.headers[.eTag])
        let unchanged = try await fixture.get("/iiif/\(IIIFTestArchive.ocrItem)/manifest", headers: [.ifNoneMatch: manifestTag])
        XCTAssertEqual(unchanged.status, .notModified)

        // Closed later: the client's copy is not revalidated, the item is gone.
        try fixture.services.catalog.setAccess(itemID: IIIFTestArchive.ocrItem, .closed)
        defer { try? fixture.services.catalog.setAccess(itemID: IIIFTestArchive.ocrItem, .public) }
        let closed = try await fixture.get("/iiif/image/\(pageID)/full/!300,300/0/default.jpg", headers: [.ifNoneMatch: etag])
        XCTAssertEqual(closed.status, .notFound)
    }

    // MARK: - Access

    func testClosedItemIsAbsentFromIIIF() async throws {
        let fixture = try fixture()
        let pageID = try XCTUnwrap(try fixture.pageIDs(IIIFTestArchive.closedItem).first)
        let item = IIIFTestArchive.closedItem
        for uri in [
            "/iiif/\(item)/manifest", "/iiif/image/\(pageID)", "/iiif/image/\(pageID)/info.json",
            "/iiif/image/\(pageID)/full/max/0/default.jpg", "/iiif/image/\(pageID)/full/100,/0/gray.png", "/iiif/\(item)/alto/1",
        ] {
            let response = try await fixture.get(uri)
            XCTAssertEqual(response.status, .notFound, uri)
            XCTAssertEqual(response.headers[.accessControlAllowOrigin], "*", uri)
            XCTAssertFalse(response.text.contains("Tài liệu đóng"), uri)
            if uri.hasPrefix("/iiif/image/") {
                XCTAssertFalse(response.text.contains(item), "a 404 for a page id names no hidden item (issue 12): \(response.text)")
            }
        }
        // A closed item's page answers as a page that does not exist.
        let closed = try await fixture.get("/iiif/image/\(pageID)/full/max/0/default.jpg")
        let missing = try await fixture.get("/iiif/image/999999/full/max/0/default.jpg")
        XCTAssertEqual(
            closed.text.replacingOccurrences(of: String(pageID), with: "N"), missing.text.replacingOccurrences(of: "999999", with: "N"))
        let restrictedPage = try XCTUnwrap(try fixture.pageIDs(IIIFTestArchive.restrictedItem).first)
        let restricted = try await fixture.get("/iiif/image/\(restrictedPage)/info.json")
        XCTAssertEqual(restricted.status, .notFound)
        XCTAssertFalse(restricted.text.contains(IIIFTestArchive.restrictedItem), restricted.text)
        let collection = try await fixture.get("/iiif/collection/\(IIIFTestArchive.library)")
        XCTAssertFalse(collection.text.contains(item))
        XCTAssertFalse(collection.text.contains(IIIFTestArchive.restrictedItem), "restricted items are listed for signed-in readers only")

        // Withdrawn: gone too, though public.
        if fixture.hasGrid {
            try fixture.services.catalog.withdrawItem(id: IIIFTestArchive.gridItem, reason: "test", agent: "IIIFTests")
            defer { _ = try? fixture.services.catalog.restoreItem(id: IIIFTestArchive.gridItem, agent: "IIIFTests") }
            let gridPage = try XCTUnwrap(try fixture.pageIDs(IIIFTestArchive.gridItem).first)
            let manifest = try await fixture.get("/iiif/\(IIIFTestArchive.gridItem)/manifest")
            XCTAssertEqual(manifest.status, .notFound)
            let image = try await fixture.get("/iiif/image/\(gridPage)/full/max/0/default.jpg")
            XCTAssertEqual(image.status, .notFound)
        }
    }

    func testRestrictedItemNeedsASignedInReader() async throws {
        let fixture = try fixture()
        let pageID = try XCTUnwrap(try fixture.pageIDs(IIIFTestArchive.restrictedItem).first)
        let manifestURI = "/iiif/\(IIIFTestArchive.restrictedItem)/manifest"
        let imageURI = "/iiif/image/\(pageID)/full/max/0/default.jpg"
        let anonymousManifest = try await fixture.get(manifestURI)
        XCTAssertEqual(anonymousManifest.status, .notFound)
        let anonymousImage = try await fixture.get(imageURI)
        XCTAssertEqual(anonymousImage.status, .notFound)

        try addTestUser(fixture.services, name: "iiif-doc-gia", role: .scanner, password: "mật khẩu IIIF")
        try await fixture.application().test(.router) { client in
            let (cookie, _) = try await signIn(client, name: "iiif-doc-gia", password: "mật khẩu IIIF")
            let manifest = try await client.execute(uri: manifestURI, method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(manifest.status, .ok)
            XCTAssertEqual(manifest.headers[.cacheControl], "no-store", "a restricted answer is kept nowhere (issue 12)")
            let image = try await client.execute(uri: imageURI, method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(image.status, .ok)
            XCTAssertEqual(image.headers[.contentType], "image/jpeg")
            XCTAssertEqual(image.headers[.cacheControl], "no-store")
            XCTAssertNil(image.headers[.eTag])
            let collection = try await client.execute(
                uri: "/iiif/collection/\(IIIFTestArchive.library)", method: .get, headers: [.cookie: cookie])
            XCTAssertTrue(String(buffer: collection.body).contains(IIIFTestArchive.restrictedItem))
        }
    }

    func assertValid(
        _ bytes: Data, name: String, collection: Bool = false, file: StaticString = #filePath, line: UInt = #line
    )
        async throws
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-iiif-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try bytes.write(to: url)
        let run = try await SharedChecks.runAsync("validate-iiif-manifest", (collection ? ["--allow-collection"] : []) + [url.path])
        XCTAssertEqual(run.exitCode, 0, "\(name):\n\(run.output)", file: file, line: line)
    }
}
