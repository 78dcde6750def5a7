import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// Review saves that coalesce (issue 12): a person's saves of a page in a row become one archive
/// version, the catalog text follows each save at once, a draft survives a crash, two people's saves
/// are two versions, and `sohoa correct` lands after a pending draft, never under it.
final class ReviewDraftTests: XCTestCase {
    let objectID = "urn:sohoa:LOCAL:sach"
    let mai = Reviewer(userID: nil, account: "mai", displayName: "Lò Thị Mai")
    let lan = Reviewer(userID: nil, account: "lan", displayName: "Nguyễn Thị Lan")

    private func archive() throws -> (ArchiveSession, Int64, Int64) {
        let folder = try temporaryFolder()
        let session = try ArchiveSession(folder: try ReviewTestArchive.make(in: folder))
        let page1 = try XCTUnwrap(try session.catalog.page(itemID: "sach", name: "1")?.id)
        let page2 = try XCTUnwrap(try session.catalog.page(itemID: "sach", name: "2")?.id)
        return (session, page1, page2)
    }

    private func archived(_ session: ArchiveSession, _ path: String) throws -> String {
        let url = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: path))
        return try String(contentsOf: url, encoding: .utf8)
    }

    private func save(
        _ session: ArchiveSession, _ pageID: Int64, _ lines: [String: String], by reviewer: Reviewer, approve: Bool = false,
        at date: Date = Date()
    ) throws -> PageReviewResult {
        let revision = try XCTUnwrap(try session.catalog.reviewEntry(pageID: pageID)?.revision)
        return try PageCorrection(session: session).review(
            PageReview(pageID: pageID, revision: revision, lines: lines, approve: approve), by: reviewer, at: date, coalesce: true)
    }

    private func versionCount(_ session: ArchiveSession) throws -> Int {
        let head = try XCTUnwrap(try session.root.headVersion(objectID: objectID))
        return try XCTUnwrap(Int(head.dropFirst()))
    }

    func testSixSavesInARowBecomeOneVersionAndTheTextIsSeenAtOnce() throws {
        let (session, page1, _) = try archive()
        let words = ["Thư", "viện", "tỉnh", "Lai", "Châu", "xưa"]
        for count in 1...6 {
            let result = try save(session, page1, ["line_1": words.prefix(count).joined(separator: " ")], by: mai)
            XCTAssertNil(result.version, "save \(count) waits in a draft")
            XCTAssertTrue(result.pending)
            XCTAssertEqual(
                try session.catalog.write { tx throws(CatalogError) in try tx.pageText(pageID: page1) }?.components(separatedBy: "\n")
                    .first, words.prefix(count).joined(separator: " "), "the catalog has save \(count) at once")
        }
        XCTAssertEqual(try versionCount(session), 1, "no version yet")
        XCTAssertEqual(try session.catalog.search("xưa").map(\.itemID), ["sach"], "search finds the saved word")
        let preview = try XCTUnwrap(
            try PageCorrection(session: session).currentALTO(objectID: objectID, pageID: page1, pageName: "1"))
        XCTAssertEqual(try ALTOPage(parsing: preview).lines.first?.text, words.joined(separator: " "), "the served ALTO has the draft")

        let approved = try save(session, page1, [:], by: mai, approve: true)
        XCTAssertEqual(approved.version, "v2")
        XCTAssertEqual(try versionCount(session), 2, "six saves and an approval: one version")
        XCTAssertEqual(try archived(session, "text/1.txt"), words.joined(separator: " ") + "\nLai Chau\n")
        let reviews = try session.catalog.reviews(pageID: page1)
        XCTAssertEqual(reviews.filter { $0.action == .corrected }.count, 6)
        XCTAssertTrue(reviews.allSatisfy { $0.ocflVersion == "v2" }, "each save points at the version that took it")
        XCTAssertTrue(try PageCorrection(session: session).drafts.all().isEmpty)
        let ocfl = try SharedChecks.run("validate-ocfl", [session.folder.path])
        XCTAssertEqual(ocfl.exitCode, 0, ocfl.output)
    }

    func testASavedDraftSurvivesACrashAndIsWrittenAtTheNextStart() throws {
        let (session, page1, _) = try archive()
        _ = try save(session, page1, ["line_2": "Lai Châu"], by: mai)
        XCTAssertEqual(try versionCount(session), 1)
        // The server dies here. A new one on the same archive writes what was pending at start.
        let restarted = try ArchiveSession(folder: session.folder)
        let written = try PageCorrection(session: restarted).flushDrafts()
        XCTAssertEqual(written.map(\.version), ["v2"])
        XCTAssertEqual(try archived(restarted, "text/1.txt"), "Thư vien tinh\nLai Châu\n")
        XCTAssertEqual(try restarted.catalog.item(id: "sach")?.ocflVersion, "v2")
        XCTAssertTrue(try PageCorrection(session: restarted).flushDrafts().isEmpty, "nothing is written twice")
    }

    func testAQuietPeriodWritesOnlyDraftsLeftAloneLongEnough() throws {
        let (session, page1, page2) = try archive()
        let now = Date()
        _ = try save(session, page1, ["line_2": "Lai Châu"], by: mai, at: now.addingTimeInterval(-300))
        _ = try save(session, page2, ["line_2": "Lai Châu"], by: lan, at: now.addingTimeInterval(-10))
        let written = try PageCorrection(session: session).flushDrafts(quietPeriod: 120, now: now)
        XCTAssertEqual(written.count, 1, "only the draft idle for 5 minutes")
        XCTAssertEqual(try PageCorrection(session: session).drafts.all().map(\.pageID), [page2])
    }

    func testTwoPeoplesSavesAreTwoVersionsAndMovingOnWritesTheDraft() throws {
        let (session, page1, page2) = try archive()
        _ = try save(session, page1, ["line_1": "Thư viện tinh"], by: mai)
        let second = try save(session, page1, ["line_1": "Thư viện tỉnh"], by: lan)
        XCTAssertEqual(try versionCount(session), 2, "mai's draft became a version before lan's save")
        XCTAssertNil(second.version)
        let history = try PageCorrection(session: session).drafts.draft(pageID: page1)
        XCTAssertEqual(history?.reviewer, lan)
        _ = try save(session, page2, ["line_2": "Lai Châu"], by: lan)
        XCTAssertEqual(try versionCount(session), 3, "lan moved on: her draft of page 1 became a version")
        XCTAssertEqual(try archived(session, "text/1.txt"), "Thư viện tỉnh\nLai Chau\n")
        _ = try PageCorrection(session: session).flushDrafts()
        XCTAssertEqual(try versionCount(session), 4)
        let mets = try archived(session, "mets.xml")
        XCTAssertTrue(mets.contains("Lò Thị Mai (mai)") && mets.contains("Nguyễn Thị Lan (lan)"), "both are named")
    }

    func testACorrectionFromTheCommandLineLandsAfterAPendingDraft() throws {
        let (session, page1, _) = try archive()
        let opened = try XCTUnwrap(try session.catalog.reviewEntry(pageID: page1)?.revision)
        _ = try save(session, page1, ["line_1": "Thư viện tỉnh"], by: mai)
        let cli = try PageCorrection(session: try ArchiveSession(folder: session.folder)).apply(
            itemID: "sach", pageName: "1", text: "Thư viện tỉnh\nLai Châu", by: "Hoa")
        XCTAssertEqual(cli.version, "v3", "the draft went in first (v2), the correction on top")
        XCTAssertTrue(try PageCorrection(session: session).drafts.all().isEmpty)
        XCTAssertEqual(try archived(session, "text/1.txt"), "Thư viện tỉnh\nLai Châu\n")
        let v2 = try XCTUnwrap(try session.catalog.reviews(pageID: page1).first?.ocflVersion)
        XCTAssertEqual(v2, "v2")
        // A reviewer who opened the page before the correction must reload it.
        XCTAssertThrowsError(
            try PageCorrection(session: session).review(
                PageReview(pageID: page1, revision: opened + 1, lines: ["line_2": "Lai Chau"]), by: mai, coalesce: true))
    }
}
