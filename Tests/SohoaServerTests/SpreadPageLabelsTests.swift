import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaPipeline
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaServer

/// Page labels count by a page's place in the archived item, not by its scan: a book opening split
/// into two pages (`2-a`, `2-b`, one scan, one sequence) has a label each, and the pages after it keep
/// theirs, on the item page, in its table of contents, in the IIIF manifest, in search hits (labelled
/// or not) and on the review page (before, both halves showed the first half's label and every later
/// page its neighbour's).
final class SpreadPageLabelsTests: XCTestCase {
    private static let spread = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/scans/unpaper_tests/imgsrcE001.png").standardizedFileURL

    func testAnItemWithASplitSpreadShowsEachPageItsOwnLabel() async throws {
        guard FileManager.default.fileExists(atPath: Self.spread.path) else {
            throw XCTSkip("\(Self.spread.path) is missing: the shared scans (../shared/scans beside the package) are needed")
        }
        let folder = try temporaryFolder("sohoa-spread-labels", removedAfter: self)
        let item = folder.appendingPathComponent("batch/sach")
        let made = folder.appendingPathComponent("made")
        try ReviewFixtureArchive.writePages(3, into: made)
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: made.appendingPathComponent("1.png"), to: item.appendingPathComponent("1.png"))
        try FileManager.default.copyItem(at: Self.spread, to: item.appendingPathComponent("2.png"))
        try FileManager.default.copyItem(at: made.appendingPathComponent("3.png"), to: item.appendingPathComponent("3.png"))
        try Data("title: Sách có trang đôi\nlibrary-code: LCH\n".utf8).write(to: item.appendingPathComponent("item.yaml"))
        // The same scans in an item without labels: its pages are numbered by their place too.
        let plain = folder.appendingPathComponent("batch/bao")
        try FileManager.default.copyItem(at: item, to: plain)
        try Data("title: Báo có trang đôi\nlibrary-code: LCH\n".utf8).write(to: plain.appendingPathComponent("item.yaml"))
        let archive = folder.appendingPathComponent("archive")
        var pipeline = PipelineConfiguration()
        pipeline.workers.ocr = 1
        let options = RunOptions(
            batch: folder.appendingPathComponent("batch"), archive: archive, pipeline: pipeline, makeEngine: { ReviewFixtureEngine() })
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: SilentReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")

        // Four pages archived (1, 2-a, 2-b, 3) from three scans; a section starts on the spread's right page.
        let structure = ItemStructure(
            labels: ["Bìa", "7", "8", "9"],
            contents: ItemContents([ContentsEntry(title: "Chương đầu", firstPage: 1), ContentsEntry(title: "Chương hai", firstPage: 3)]))
        _ = try StructureEdit(session: try ArchiveSession(folder: archive)).apply(
            itemID: "sach", structure: structure, by: "Lò Thị Mai (mai)")
        let services = try makeServices(archive: archive)
        try addTestUser(services, name: "mai", role: .archivist, password: ReviewRoutesTests.password, displayName: "Lò Thị Mai")
        XCTAssertEqual(try services.catalog.pagePositions(itemID: "sach"), ["1": 1, "2-a": 2, "2-b": 3, "3": 4])
        let lastPage = try XCTUnwrap(try services.catalog.page(itemID: "sach", name: "3")?.id)

        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let page = String(buffer: try await get(client, "/items/sach").body)
            for heading in ["<h2>Bìa", "<h2>Trang 7", "<h2>Trang 8", "<h2>Trang 9"] {
                XCTAssertEqual(page.components(separatedBy: heading).count - 1, 1, "\(heading) once in \(page)")
            }
            XCTAssertTrue(page.contains("<a href=\"#page-2-b\">Chương hai</a>"), "the section starts on the spread's right page: \(page)")
            XCTAssertTrue(page.contains("<a href=\"#page-3\">9</a>"), page)

            let manifest = try await get(client, "/iiif/sach/manifest")
            XCTAssertEqual(manifest.status, .ok)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: manifest.body)) as? [String: Any])
            let canvases = try XCTUnwrap(json["items"] as? [[String: Any]])
            XCTAssertEqual(canvases.compactMap { ($0["label"] as? [String: [String]])?["none"]?.first }, ["Bìa", "7", "8", "9"])
            let ranges = try XCTUnwrap(json["structures"] as? [[String: Any]])
            XCTAssertEqual(ranges.map { ($0["items"] as? [Any])?.count }, [2, 2], "1 and 2-a, then 2-b and 3")

            let search = String(buffer: try await get(client, "/search?q=tinh").body)
            for (page, label) in [("1", "Bìa"), ("2-a", "trang 7"), ("2-b", "trang 8"), ("3", "trang 9")] {
                XCTAssertTrue(search.contains("href=\"/items/sach#page-\(page)\">\(label)</a>"), "\(page) as \(label) in \(search)")
            }
            for (page, label) in [("1", "trang 1"), ("2-a", "trang 2"), ("2-b", "trang 3"), ("3", "trang 4")] {
                XCTAssertTrue(search.contains("href=\"/items/bao#page-\(page)\">\(label)</a>"), "\(page) as \(label) in \(search)")
            }

            let mai = try await signIn(client, name: "mai", password: ReviewRoutesTests.password)
            let review = String(buffer: try await get(client, "/review/\(lastPage)", as: mai.cookie).body)
            XCTAssertTrue(review.contains("<dd>Trang 9 · "), review)
        }
    }

    /// A hit on a page the version no longer holds (its scan failed on a re-run) has no place: it is
    /// named by its scan, never given the label of the page now at that place.
    func testAHitOnAPageNotArchivedIsNamedByItsScan() {
        let labels = SearchResultsPage.ItemLabels(
            structure: ItemStructure(labels: ["Bìa", "7", "8"]), positions: ["1": 1, "2-a": 2, "2-b": 3])
        func hit(_ name: String, _ sequence: Int) -> SearchHit {
            SearchHit(itemID: "sach", itemTitle: nil, pageID: 1, pageName: name, sequence: sequence, snippet: "", highlights: [], score: 0)
        }
        XCTAssertEqual(labels.page(hit("2-b", 2))?.label, "8")
        XCTAssertEqual(labels.page(hit("2-b", 2))?.position, 3)
        XCTAssertNil(labels.page(hit("3", 3)), "page 3 is not in the version: no position, no label")
        let unlabelled = SearchResultsPage.ItemLabels(structure: nil, positions: ["1": 1])
        XCTAssertEqual(unlabelled.page(hit("1", 1))?.position, 1)
        XCTAssertNil(unlabelled.page(hit("1", 1))?.label ?? nil)
    }
}
