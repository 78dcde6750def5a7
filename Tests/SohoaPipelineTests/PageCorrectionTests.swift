import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// A correction is a new OCFL version with the changed ALTO and text and a PREMIS event naming who
/// and when; search follows it; the earlier version stays readable.
final class PageCorrectionTests: XCTestCase {
    func testACorrectionMakesVersion2AndKeepsVersion1() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach"], pages: 2, in: folder)
        let session = try ArchiveSession(folder: archive)
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        let written = try PageCorrection(session: session).apply(
            itemID: "sach", pageName: "1", text: "Thư viện tỉnh\nLai Châu\n", by: "Lò Thị Mai", at: date)
        XCTAssertEqual(written.version, "v2")
        XCTAssertFalse(written.unchanged)

        let ocfl = try SharedChecks.run("validate-ocfl", [archive.path])
        XCTAssertEqual(ocfl.exitCode, 0, ocfl.output)
        XCTAssertTrue(ocfl.summary.contains("1/1 objects valid"), ocfl.summary)
        let objectID = "urn:sohoa:LOCAL:sach"
        let object = archive.appendingPathComponent(session.root.objectPath(for: objectID))
        let oldALTO = try String(contentsOf: object.appendingPathComponent("v1/content/alto/1.xml"), encoding: .utf8)
        XCTAssertTrue(oldALTO.contains("CONTENT=\"Thư viện\"") && !oldALTO.contains("Châu"), "version 1 is untouched")
        let alto = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "alto/1.xml"))
        let mets = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "mets.xml"))
        XCTAssertTrue(alto.path.contains("/v2/content/"))
        let newALTO = try String(contentsOf: alto, encoding: .utf8)
        for word in ["Thư", "viện", "tỉnh", "Lai", "Châu"] { XCTAssertTrue(newALTO.contains("CONTENT=\"\(word)\""), word) }
        XCTAssertTrue(newALTO.contains("<processingAgency>Lò Thị Mai</processingAgency>"))
        let newMETS = try String(contentsOf: mets, encoding: .utf8)
        XCTAssertTrue(newMETS.contains("<premis:agentName>Lò Thị Mai</premis:agentName>"))
        XCTAssertTrue(newMETS.contains("<premis:eventType>modification</premis:eventType>"))
        XCTAssertTrue(newMETS.contains("<premis:eventDateTime>2026-09-21T"))
        try SharedChecks.assertValidXML([alto, mets])
        let text = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "text/1.txt"))
        XCTAssertEqual(try String(contentsOf: text, encoding: .utf8), "Thư viện tỉnh\nLai Châu\n")

        XCTAssertEqual(try session.catalog.item(id: "sach")?.ocflVersion, "v2")
        XCTAssertEqual(try SearchHitView.search(session, query: "lai chau", limit: 5).map(\.page), ["1"])
        let corrected = try XCTUnwrap(try session.catalog.events(itemID: "sach").first { $0.type == .corrected })
        XCTAssertEqual(corrected.type, .corrected)
        XCTAssertEqual(corrected.agent, "Lò Thị Mai")
        XCTAssertNotNil(corrected.pageID)

        let again = try PageCorrection(session: session).apply(
            itemID: "sach", pageName: "1", text: "Thư viện tỉnh\nLai Châu", by: "Lò Thị Mai", at: date)
        XCTAssertTrue(again.unchanged, "the same text again writes nothing")
        XCTAssertEqual(try session.root.headVersion(objectID: objectID), "v2")
    }

    func testUnknownPagesAndMissingNamesAreUsageErrors() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach"], pages: 1, in: folder)
        let session = try ArchiveSession(folder: archive)
        XCTAssertThrowsError(try PageCorrection(session: session).apply(itemID: "sach", pageName: "9", text: "x", by: "A")) { error in
            XCTAssertEqual((error as? RunError)?.exitStatus, .usage)
            XCTAssertTrue("\(error)".contains("its pages are: 1"), "\(error)")
        }
        XCTAssertThrowsError(try PageCorrection(session: session).apply(itemID: "sach", pageName: "1", text: "x", by: " ")) { error in
            XCTAssertEqual((error as? RunError)?.exitStatus, .usage)
        }
    }
}
