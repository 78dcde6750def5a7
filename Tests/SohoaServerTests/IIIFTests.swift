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
enum IIIFChecks {
    /// The validator's test image: a 1000 × 1000 RGB grid of coloured squares.
    static let testImage = SharedChecks.folder.appendingPathComponent("samples/iiif-image/67352ccc-d1b0-11e1-89ae-279075081939.png")
}

/// A response read in full.
struct IIIFFetched {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var bytes: Data
    var text: String { String(decoding: bytes, as: UTF8.self) }

    func json() throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: bytes) as? [String: Any], "not a JSON object: \(text.prefix(300))")
    }
}

/// An archive made by the real pipeline, once for the test class: the validator's grid image as an
/// image-only item (when ../shared is there), two SampleScans pages OCR'd with Tesseract, and a
/// closed and a restricted item.
final class IIIFTestArchive: Sendable {
    static let library = "LCH"
    static let gridItem = "luoi-thu-iiif"
    static let ocrItem = "bao-lai-chau-1998"
    static let closedItem = "tai-lieu-dong"
    static let restrictedItem = "tai-lieu-han-che"

    let folder: URL
    let services: ServerServices
    let hasGrid: Bool

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-iiif-\(UUID().uuidString)", isDirectory: true)
        let archive = folder.appendingPathComponent("archive")
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()

        // Image-only: the grid, a closed and a restricted item.
        let imageOnly = folder.appendingPathComponent("batch-image-only")
        hasGrid = FileManager.default.fileExists(atPath: IIIFChecks.testImage.path)
        if hasGrid {
            let item = imageOnly.appendingPathComponent(Self.gridItem)
            try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: IIIFChecks.testImage, to: item.appendingPathComponent(IIIFChecks.testImage.lastPathComponent))
            try Self.describe(item, title: "Lưới màu thử IIIF")
        }
        for (id, title) in [(Self.closedItem, "Tài liệu đóng"), (Self.restrictedItem, "Tài liệu hạn chế")] {
            let item = imageOnly.appendingPathComponent(id)
            try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
            try Data(try PNGEncoder.encode(Self.stripes())).write(to: item.appendingPathComponent("1.png"))
            try Self.describe(item, title: title)
        }
        try Self.run(batch: imageOnly, archive: archive, pipeline: packageRoot.appendingPathComponent("Pipelines/image-only.yaml"))

        // OCR'd: two pages of a SampleScans item (a TIFF and a PNG).
        let ocr = folder.appendingPathComponent("batch-ocr")
        let item = ocr.appendingPathComponent(Self.ocrItem)
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        for page in ["trang-1.tif", "trang-3.png"] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent("SampleScans/\(Self.ocrItem)/\(page)"), to: item.appendingPathComponent(page))
        }
        try Self.describe(item, title: "Báo Lai Châu, số Xuân Mậu Dần 1998 (trích)", language: "vie")
        try Self.run(batch: ocr, archive: archive, pipeline: packageRoot.appendingPathComponent("Pipelines/default.yaml"))

        services = try makeServices(archive: archive) { $0.publicURL = "http://sohoa.test" }
        try services.catalog.setAccess(itemID: Self.closedItem, .closed)
        try services.catalog.setAccess(itemID: Self.restrictedItem, .restricted)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The router over this archive (addresses from the configured public URL).
    func application() -> some ApplicationProtocol {
        Application(router: SohoaServerApp.router(services: services))
    }

    /// GETs `uri` through the router, with `headers`.
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> IIIFFetched {
        try await application().test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: headers) { response in
                IIIFFetched(status: response.status, headers: response.headers, bytes: Data(buffer: response.body))
            }
        }
    }

    /// The catalog's pages of an item, in order.
    func pageIDs(_ itemID: String) throws -> [Int64] {
        try services.catalog.pages(itemID: itemID).compactMap(\.id)
    }

    private static func describe(_ item: URL, title: String, language: String? = nil) throws {
        var yaml = "title: \"\(title)\"\nlibrary-code: \(library)\n"
        if let language { yaml += "language: \(language)\n" }
        try Data(yaml.utf8).write(to: item.appendingPathComponent("item.yaml"))
    }

    /// A small gray page with dark stripes.
    private static func stripes() -> Raster {
        var raster = Raster(width: 300, height: 400)
        for y in stride(from: 40, to: 360, by: 40) {
            for yy in y..<(y + 12) {
                for x in 30..<270 { raster.pixels[yy * 300 + x] = 30 }
            }
        }
        return raster
    }

    private static func run(batch: URL, archive: URL, pipeline file: URL) throws {
        var pipeline = try PipelineFileParser.load(file)
        pipeline.workers.ocr = 1
        let options = RunOptions(batch: batch, archive: archive, pipeline: pipeline, defaultLibraryCode: library)
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: batch.lastPathComponent, reporter: SilentReporter()))
            .run()
        // An assertion in a class's setUp reaches no test: throw, so `fixture()` names the failure.
        guard summary.exitStatus == .success else {
            throw FixtureRunFailed(description: "\(batch.lastPathComponent): \(summary.snapshot.failures)")
        }
    }

    private struct FixtureRunFailed: Error, CustomStringConvertible {
        var description: String
    }

    private struct SilentReporter: ProgressReporter {
        func update(_ snapshot: RunSnapshot, after event: ProgressEvent) {}
        func finish(_ snapshot: RunSnapshot) {}
    }
}

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

    private func fixture() throws -> IIIFTestArchive {
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

    // MARK: - Presentation API

    func testManifestsAndCollectionValidate() async throws {
        let fixture = try fixture()
        let manifest = try await fixture.get("/iiif/\(IIIFTestArchive.ocrItem)/manifest")
        XCTAssertEqual(manifest.status, .ok, manifest.text)
        XCTAssertEqual(manifest.headers[.contentType], "application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\"")
        XCTAssertEqual(manifest.headers[.accessControlAllowOrigin], "*")
        try await assertValid(manifest.bytes, name: "ocr-manifest.json")

        let json = try manifest.json()
        XCTAssertEqual(json["id"] as? String, "http://sohoa.test/iiif/\(IIIFTestArchive.ocrItem)/manifest")
        XCTAssertEqual((json["label"] as? [String: [String]])?["vi"], ["Báo Lai Châu, số Xuân Mậu Dần 1998 (trích)"])
        XCTAssertEqual(json["rights"] as? String, "http://rightsstatements.org/vocab/InC/1.0/")
        let canvases = try XCTUnwrap(json["items"] as? [[String: Any]])
        let pages = try fixture.services.catalog.pages(itemID: IIIFTestArchive.ocrItem)
        XCTAssertEqual(canvases.count, 2)
        XCTAssertEqual(
            canvases.map { $0["label"] as? [String: [String]] },
            [["vi": ["Trang 1"], "en": ["Page 1"]], ["vi": ["Trang 2"], "en": ["Page 2"]]])
        XCTAssertEqual(canvases.map { $0["width"] as? Int }, pages.map(\.width))
        XCTAssertEqual(canvases.map { $0["height"] as? Int }, pages.map(\.height))

        // The OCR text: a supplementing annotation per line, inside the canvas, with the archive's words.
        let archivedText = try XCTUnwrap(
            try fixture.services.root.contentURL(
                objectID: try XCTUnwrap(try fixture.services.catalog.item(id: IIIFTestArchive.ocrItem)).objectID,
                logicalPath: "text/\(pages[0].name).txt"))
        let pageText = try String(contentsOf: archivedText, encoding: .utf8)
        let annotations = try XCTUnwrap(((canvases[0]["annotations"] as? [[String: Any]])?.first?["items"]) as? [[String: Any]])
        XCTAssertGreaterThan(annotations.count, 5)
        let canvasID = try XCTUnwrap(canvases[0]["id"] as? String)
        for annotation in annotations {
            XCTAssertEqual(annotation["motivation"] as? String, "supplementing")
            let target = try XCTUnwrap(annotation["target"] as? String)
            let box = try XCTUnwrap(target.split(separator: "#xywh=").last).split(separator: ",").compactMap { Int($0) }
            XCTAssertTrue(target.hasPrefix(canvasID + "#xywh="), target)
            XCTAssertEqual(box.count, 4)
            XCTAssertLessThanOrEqual(box[0] + box[2], try XCTUnwrap(pages[0].width))
            XCTAssertLessThanOrEqual(box[1] + box[3], try XCTUnwrap(pages[0].height))
            let words = try XCTUnwrap((annotation["body"] as? [String: Any])?["value"] as? String)
            XCTAssertTrue(pageText.contains(words), "'\(words)' is a line of the archived text")
        }
        XCTAssertTrue(pageText.lowercased().contains("lai"), "the OCR read the page (its masthead says LAI CHÂU)")

        // seeAlso: ALTO and hOCR, served with access checked.
        let seeAlso = try XCTUnwrap(canvases[1]["seeAlso"] as? [[String: Any]])
        XCTAssertEqual(seeAlso.compactMap { $0["format"] as? String }, ["application/xml", "text/vnd.hocr+html"])
        for link in seeAlso {
            let url = try XCTUnwrap(link["id"] as? String)
            let file = try await fixture.get(String(url.dropFirst("http://sohoa.test".count)))
            XCTAssertEqual(file.status, .ok, url)
            XCTAssertTrue(url.hasSuffix("/\(pages[1].name)"), url)
            XCTAssertTrue(file.text.contains(url.contains("/alto/") ? "<alto" : "ocr_page"), url)
            // Data, not a page of this site: no script in it can run on the site's origin (issue 12).
            XCTAssertEqual(
                file.headers[.contentType], url.contains("/alto/") ? "application/xml; charset=utf-8" : "text/vnd.hocr+html; charset=utf-8")
            XCTAssertFalse(file.headers[.contentType]?.hasPrefix("text/html") == true, url)
            XCTAssertEqual(file.headers[.contentSecurityPolicy], "sandbox; default-src 'none'", url)
            XCTAssertEqual(
                file.headers[.contentDisposition], "inline; filename=\"\(pages[1].name)\(url.contains("/alto/") ? ".xml" : ".hocr")\"")
            XCTAssertEqual(file.headers[.xContentTypeOptions], "nosniff")
        }

        // The image-only item: a canvas, no text.
        if fixture.hasGrid {
            let grid = try await fixture.get("/iiif/\(IIIFTestArchive.gridItem)/manifest")
            XCTAssertEqual(grid.status, .ok, grid.text)
            try await assertValid(grid.bytes, name: "grid-manifest.json")
            let canvas = try XCTUnwrap((try grid.json()["items"] as? [[String: Any]])?.first)
            XCTAssertEqual(canvas["width"] as? Int, 1000)
            XCTAssertNil(canvas["annotations"])
            XCTAssertNil(canvas["seeAlso"])
        }

        // The library's collection lists what a reader may see.
        let collection = try await fixture.get("/iiif/collection/\(IIIFTestArchive.library)")
        XCTAssertEqual(collection.status, .ok, collection.text)
        try await assertValid(collection.bytes, name: "collection.json", collection: true)
        let listed = try XCTUnwrap(try collection.json()["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        var expected = [IIIFTestArchive.ocrItem]
        if fixture.hasGrid { expected.append(IIIFTestArchive.gridItem) }
        XCTAssertEqual(Set(listed), Set(expected.map { "http://sohoa.test/iiif/\($0)/manifest" }))
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

    private func assertValid(
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
