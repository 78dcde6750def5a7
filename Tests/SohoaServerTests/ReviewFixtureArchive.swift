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

/// The `sohoa` executable built beside the test bundle.
func sohoaBinary() -> URL { SohoaBinary.url }

/// A shared check (`../shared/checks/<name>`) run on `arguments`, or nil when the checks are absent
/// (the rest of the test still ran).
func runCheck(_ name: String, _ arguments: [String]) throws -> ProcessOutput? {
    guard (try? SharedChecks.tool(name)) != nil else { return nil }
    return try SharedChecks.run(name, arguments)
}

/// The text of `path` in every version of an object, oldest first (read from its inventory).
func versionTexts(_ services: ServerServices, objectID: String, path: String) throws -> [String] {
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
        try setConfidences(archive)
        try waitUntilClosed(archive)
        return archive
    }

    /// Tests copy the template: every connection to its catalog must be closed first. The last one to
    /// close checkpoints the WAL and deletes the file, and a copy made meanwhile fails on the missing
    /// `catalog.sqlite-wal` (seen once in CI: the run's own connections may close just after it returns).
    private static func waitUntilClosed(_ archive: URL) throws {
        let wal = archive.appendingPathComponent(Catalog.fileName + "-wal")
        let deadline = Date().addingTimeInterval(30)
        while FileManager.default.fileExists(atPath: wal.path) {
            guard Date() < deadline else { throw SignInFailed(description: "the fixture catalog is still open after 30 s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The pages' confidences, a blank page and a failed one, written through a catalog closed on return.
    private static func setConfidences(_ archive: URL) throws {
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

// MARK: - Helpers of the review tests (free functions: the test client's closures must not capture the test case)

func get(_ client: some TestClientProtocol, _ uri: String, as cookie: String? = nil) async throws -> TestResponse {
    try await client.execute(uri: uri, method: .get, headers: cookie.map { [.cookie: $0] } ?? [:])
}

func post(
    _ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], as session: (cookie: String, csrf: String)
) async throws -> TestResponse {
    try await client.execute(
        uri: uri, method: .post, headers: [.cookie: session.cookie, .contentType: ReviewRoutesTests.formType],
        body: ByteBuffer(string: formEncoded([("_csrf", session.csrf)] + fields)))
}

/// Saves the review page `pageID` (revision 1, as the form `html` shows it) with its first line
/// changed to `line1` and its second kept.
func saveFirstLine(
    _ client: some TestClientProtocol, pageID: Int64, form html: String, to line1: String, as session: (cookie: String, csrf: String)
) async throws -> TestResponse {
    let original1 = try XCTUnwrap(inputValue("line.line_1", in: html))
    let original2 = try XCTUnwrap(inputValue("line.line_2", in: html))
    return try await post(
        client, "/review/\(pageID)/save",
        [
            ("revision", "1"), ("orig.line_1", original1), ("line.line_1", line1), ("orig.line_2", original2),
            ("line.line_2", original2),
        ], as: session)
}

/// The value of the input named `name` in `html` (unescaped).
func inputValue(_ name: String, in html: String) -> String? {
    guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    let rest = html[start.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<end]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}

func headALTO(_ services: ServerServices, _ item: String, _ page: String) throws -> ALTOPage {
    let url = try XCTUnwrap(try services.root.contentURL(objectID: "urn:sohoa:LCH:\(item)", logicalPath: "alto/\(page).xml"))
    return try ALTOPage(parsing: try String(contentsOf: url, encoding: .utf8))
}
