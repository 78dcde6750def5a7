import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaCatalog
import SohoaImaging
import SohoaOCR
import SohoaPipeline
import SohoaTesting
import XCTest

@testable import SohoaServer

/// Issue 11 on the review screens: suspect pages are listed first, with their reason, and words that
/// are not Vietnamese are highlighted even when the OCR was confident, in a style of their own.
final class ReviewSuspectTests: XCTestCase {
    static let password = "Mật khẩu 2025"

    /// An archive with one item of two pages read by `ConfidentGarbageEngine`; page 2 is marked suspect.
    private func services() throws -> (ServerServices, page1: Int64, page2: Int64) {
        let folder = try temporaryArchive(self)
        let batch = folder.appendingPathComponent("batch")
        let item = batch.appendingPathComponent("sach")
        try ReviewFixtureArchive.writePages(2, into: item)
        try Data("title: Sách\nlibrary-code: LCH\n".utf8).write(to: item.appendingPathComponent("item.yaml"))
        let archive = folder.appendingPathComponent("archive")
        var pipeline = PipelineConfiguration()
        pipeline.workers.ocr = 1
        let options = RunOptions(batch: batch, archive: archive, pipeline: pipeline, makeEngine: { ConfidentGarbageEngine() })
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: SilentReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success)
        XCTAssertEqual(summary.snapshot.suspectPages, [], "confident text with a few odd words is not a suspect page")
        let services = try makeServices(archive: archive)
        try addTestUser(services, name: "mai", role: .archivist, password: Self.password)
        let page1 = try XCTUnwrap(try services.catalog.page(itemID: "sach", name: "1")?.id)
        let page2 = try XCTUnwrap(try services.catalog.page(itemID: "sach", name: "2")?.id)
        try services.catalog.write { tx throws(CatalogError) in
            try tx.setPageSuspicion(pageID: page2, reason: "12% of words are Vietnamese syllables (batch 95%)", syllableShare: 0.12)
        }
        return (services, page1, page2)
    }

    func testSuspectPagesAreListedFirstWithTheirReason() async throws {
        let (services, page1, page2) = try services()
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewSuspectTests.password)
            let html = String(buffer: try await get(client, "/review", as: mai.cookie).body)
            let suspectLink = try XCTUnwrap(html.range(of: "href=\"/review/\(page2)\""), html)
            let textLink = try XCTUnwrap(html.range(of: "href=\"/review/\(page1)\""), html)
            XCTAssertLessThan(suspectLink.lowerBound, textLink.lowerBound, "the suspect page comes first")
            XCTAssertTrue(html.contains("Trang đáng ngờ: xem trước tiên (1)"), html)
            XCTAssertTrue(html.contains("12% số từ là âm tiết tiếng Việt (cả lô 95%)"), "the reason in the reader's language")
            XCTAssertTrue(html.contains("Cần đọc duyệt (1)"), "the suspect page is not counted again among pages to read")

            let section = String(buffer: try await get(client, "/review?section=suspect&lang=en", as: mai.cookie).body)
            XCTAssertTrue(section.contains("href=\"/review/\(page2)"), section)
            XCTAssertFalse(section.contains("href=\"/review/\(page1)"))
            XCTAssertTrue(section.contains("Suspect pages (1)"))
            XCTAssertTrue(section.contains("12% of words are Vietnamese syllables (batch 95%)"), section)

            let page = String(buffer: try await get(client, "/review/\(page2)", as: mai.cookie).body)
            XCTAssertTrue(page.contains("<dd class=\"suspect\">12% số từ là âm tiết tiếng Việt (cả lô 95%)</dd>"), page)
        }
    }

    func testWordsThatAreNotVietnameseAreHighlightedEvenWhenConfident() async throws {
        let (services, page1, _) = try services()
        try await Application(router: SohoaServerApp.router(services: services)).test(.router) { client in
            let mai = try await signIn(client, name: "mai", password: ReviewSuspectTests.password)
            let html = String(buffer: try await get(client, "/review/\(page1)", as: mai.cookie).body)
            // "quyet" and "ö" are confident (96%, 93%) but not Vietnamese; "ưung" is both doubtful and odd.
            XCTAssertTrue(html.contains("<mark class=\"not-vi\">quyet</mark>"), html)
            XCTAssertTrue(html.contains("<mark class=\"not-vi\">ö</mark>"))
            XCTAssertTrue(html.contains("<mark>ưung</mark>"), "low confidence keeps its own highlight")
            XCTAssertTrue(html.contains("class=\"w not-vi\" data-line=\"line_1\" data-index=\"1\""), "the word box too")
            // Names in minority languages and good syllables are not highlighted.
            for word in ["Nậmnhùn", "Mường", "Tè", "Tập"] {
                XCTAssertFalse(html.contains("<mark class=\"not-vi\">\(word)</mark>"), word)
                XCTAssertTrue(html.contains(word), word)
            }
            XCTAssertTrue(html.contains("không phải âm tiết tiếng Việt"), "the legend explains the highlight")
            let english = String(buffer: try await get(client, "/review/\(page1)?lang=en", as: mai.cookie).body)
            XCTAssertTrue(english.contains("not a Vietnamese syllable"))
            let style = String(buffer: try await get(client, "/static/review.css").body)
            XCTAssertTrue(style.contains("mark.not-vi") && style.contains(".w.not-vi"))
        }
    }
}

/// Reads every page as "Tập quyet ö / Nậmnhùn Mường Tè ưung": confident, with two non-Vietnamese words and
/// a doubtful one.
final class ConfidentGarbageEngine: ScriptedOCREngine {
    init() {
        super.init(rows: [
            [("Tập", 95), ("quyet", 96), ("ö", 93)], [("Nậmnhùn", 94), ("Mường", 92), ("Tè", 95), ("ưung", 40)],
        ])
    }
}
