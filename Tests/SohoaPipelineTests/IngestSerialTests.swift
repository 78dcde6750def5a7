import Foundation
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// At ingest (issue 14): an issue of a serial gives `serial`, `serial-title`, `issue-date`,
/// `issue-number` and `volume` in item.yaml or items.csv; an issue date that is not a W3CDTF date,
/// or a serial id that is not a slug, is refused naming the file and the key.
final class IngestSerialTests: XCTestCase {
    func testSerialKeysAreReadFromItemYAMLAndItemsCSV() throws {
        let folder = try temporaryFolder("sohoa-ingest-serial", removedAfter: self)
        let yaml = folder.appendingPathComponent("item.yaml")
        try Data("serial: bao-lai-chau\ntên báo: Báo Lai Châu\nissue-date: 1958-03-15\nissue-number: 12\ntập: 2\n".utf8).write(to: yaml)
        let metadata = try ItemMetadata.fromYAML(yaml)
        XCTAssertEqual(metadata.serial, "bao-lai-chau")
        XCTAssertEqual(metadata.serialTitle, "Báo Lai Châu")
        XCTAssertEqual(metadata.issueDate, "1958-03-15")
        XCTAssertEqual(metadata.issueNumber, "12")
        XCTAssertEqual(metadata.volume, "2")

        let csv = folder.appendingPathComponent("items.csv")
        try Data("item;serial;issue-date;issue-number\r\nso-1;bao-lai-chau;1958-03;1\r\n".utf8).write(to: csv)
        let row = try XCTUnwrap(try ItemMetadataTable.load(from: csv).row(for: "so-1"))
        XCTAssertEqual(row.issueDate, "1958-03")
    }

    func testAnIssueDateThatIsNotADateIsRefusedWithTheFileAndKey() throws {
        let folder = try temporaryFolder("sohoa-ingest-serial", removedAfter: self)
        let yaml = folder.appendingPathComponent("item.yaml")
        for bad in ["15/03/1958", "1958-02-30", "[1958?]", "1958-1959"] {
            try Data("serial: bao-lai-chau\nissue-date: \"\(bad)\"\n".utf8).write(to: yaml)
            XCTAssertThrowsError(try ItemMetadata.fromYAML(yaml), bad) { error in
                let text = "\(error)"
                XCTAssertTrue(text.hasPrefix(yaml.path), text)
                XCTAssertTrue(text.contains("issue-date '\(bad)' is not a date"), text)
            }
        }
        let csv = folder.appendingPathComponent("items.csv")
        try Data("item,issue-date\nso-1,1958-03-15\nso-2,mùa xuân 1958\n".utf8).write(to: csv)
        XCTAssertThrowsError(try ItemMetadataTable.load(from: csv)) { error in
            XCTAssertTrue("\(error)".contains("items.csv line 3: issue-date 'mùa xuân 1958' is not a date"), "\(error)")
        }
        try Data("serial: Báo Lai Châu\n".utf8).write(to: yaml)
        XCTAssertThrowsError(try ItemMetadata.fromYAML(yaml)) { XCTAssertTrue("\($0)".contains("serial 'Báo Lai Châu' must be"), "\($0)") }
    }
}
