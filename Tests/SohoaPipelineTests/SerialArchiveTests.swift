import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// An issue of a serial keeps its serial in the archive (issue 14): MODS `relatedItem type="host"`
/// with its `part`, `dc:relation` with the title and `serial:<id>` (both XSD-valid); a catalog
/// rebuilt from a bag of it (`sohoa import`) has the serial values, the rest of the description and
/// the page labels and contents back.
final class SerialArchiveTests: XCTestCase {
    static let yaml = """
        title: Báo Lai Châu, số 12
        alternative-title: Lai Châu nhật báo
        contributor: Tòa soạn Báo Lai Châu
        description: Số báo ra ngày 15 tháng 3
        rights: http://rightsstatements.org/vocab/NoC-NC/1.0/
        serial: bao-lai-chau
        serial-title: Báo Lai Châu & bạn đọc
        issue-date: 1958-03-15
        issue-number: 12
        volume: 2
        pagination: {1: "Bìa", 2: "1"}
        contents:
          - {title: "Thời sự", page: 2, type: issue-section}
          - title: "Văn hóa"
            page: 3
            sections:
              - {title: "Thơ", page: 3, to: 3, type: article}

        """

    func testSerialValuesAreArchivedAndComeBackWithTheStructureFromABag() throws {
        let folder = try temporaryFolder(removedAfter: self)
        let batch = folder.appendingPathComponent("batch")
        let item = batch.appendingPathComponent("lc-1958-12")
        try PipelineFixtures.writePages(3, into: item)
        try Data(Self.yaml.utf8).write(to: item.appendingPathComponent("item.yaml"))
        let archive = folder.appendingPathComponent("archive")
        let summary = try BatchRunner(
            options: PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() },
            progress: RunProgress(batch: "t", reporter: RecordingReporter())
        ).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        let session = try ArchiveSession(folder: archive)
        let objectID = "urn:sohoa:LOCAL:lc-1958-12"
        let metsURL = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "mets.xml"))
        let dcURL = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "dc.xml"))
        try SharedChecks.assertValidXML([metsURL, dcURL])
        let mets = try String(contentsOf: metsURL, encoding: .utf8)
        for line in [
            "<mods:relatedItem type=\"host\">", "<mods:title>Báo Lai Châu &amp; bạn đọc</mods:title>",
            "<mods:identifier type=\"local\">bao-lai-chau</mods:identifier>", "<mods:detail type=\"issue\">",
            "<mods:number>12</mods:number>",
            "<mods:detail type=\"volume\">", "<mods:date encoding=\"w3cdtf\">1958-03-15</mods:date>",
        ] {
            XCTAssertTrue(mets.contains(line), "mets.xml lacks \(line)")
        }
        let dc = try String(contentsOf: dcURL, encoding: .utf8)
        XCTAssertTrue(dc.contains("<dc:relation>Báo Lai Châu &amp; bạn đọc</dc:relation>"), dc)
        XCTAssertTrue(dc.contains("<dc:relation>serial:bao-lai-chau</dc:relation>"), dc)

        let bag = try XCTUnwrap(
            try Exporter(session: session).export(itemIDs: ["lc-1958-12"], format: .bag, to: folder.appendingPathComponent("bags")).files
                .first)
        let receiving = try BagImporter.openArchive(folder.appendingPathComponent("provincial"))
        _ = try BagImporter(session: receiving).importBag(bag)
        let original = try XCTUnwrap(try session.catalog.item(id: "lc-1958-12"))
        let rebuilt = try XCTUnwrap(try receiving.catalog.item(id: "lc-1958-12"))
        XCTAssertEqual(rebuilt.serial, "bao-lai-chau")
        XCTAssertEqual(rebuilt.serialTitle, "Báo Lai Châu & bạn đọc")
        XCTAssertEqual(rebuilt.issueDate, "1958-03-15")
        XCTAssertEqual(rebuilt.issueNumber, "12")
        XCTAssertEqual(rebuilt.volume, "2")
        var expected = ItemDescription(item: original, access: .public)
        // The archive names the OCR language the run chose, and the DCMI type it gave.
        (expected.languages, expected.type) = (["vie"], "Text")
        XCTAssertEqual(ItemDescription(item: rebuilt, access: .public), expected)
        XCTAssertEqual(try receiving.catalog.structureJSON(itemID: "lc-1958-12"), try session.catalog.structureJSON(itemID: "lc-1958-12"))
        let structure = try XCTUnwrap(try receiving.catalog.structureJSON(itemID: "lc-1958-12").flatMap(ItemStructure.init(json:)))
        XCTAssertEqual(structure.labels, ["Bìa", "1", "2"])
        XCTAssertEqual(structure.contents.flattened.map(\.entry.title), ["Thời sự", "Văn hóa", "Thơ"])
        XCTAssertEqual(try receiving.catalog.pages(itemID: "lc-1958-12").map(\.name), ["1", "2", "3"])
    }
}
