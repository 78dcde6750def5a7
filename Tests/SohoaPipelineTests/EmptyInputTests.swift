import Foundation
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// The first inputs the fuzzer (scripts/fuzz.sh) tries are empty files: every reader of outside input
/// must answer them with an empty result or a plain error, never a crash.
final class EmptyInputTests: XCTestCase {
    func emptyFile(_ name: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data().write(to: url)
        return url
    }

    func testEmptyRegistersGiveNoHoldings() throws {
        for (name, format) in [("r.csv", HoldingsImporter.Format.csv), ("r.mrc", .marc), ("r.xml", .marcxml)] {
            do {
                let (holdings, report) = try HoldingsImporter().read(try emptyFile(name), format: format)
                XCTAssertTrue(holdings.isEmpty, name)
                XCTAssertEqual(report.added, 0, name)
            } catch {
                XCTAssertFalse("\(error)".isEmpty, name)
            }
        }
    }

    func testEmptyItemYAMLIsRefusedWithAPlainMessage() throws {
        XCTAssertThrowsError(try ItemMetadata.fromYAML(try emptyFile("item.yaml"))) { error in
            XCTAssertTrue("\(error)".contains("item.yaml"), "\(error)")
        }
    }

    func testEmptyItemsCSVIsAnEmptyTable() throws {
        XCTAssertTrue(try ItemMetadataTable.load(from: try emptyFile("items.csv")).rows.isEmpty)
    }

    func testEmptyPipelineFileIsRefusedWithAPlainMessage() {
        XCTAssertThrowsError(try PipelineFileParser.parse("", file: "empty.yaml")) { error in
            XCTAssertTrue("\(error)".contains("empty.yaml"), "\(error)")
        }
    }
}
