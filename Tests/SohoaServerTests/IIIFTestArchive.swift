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
