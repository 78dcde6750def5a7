import Foundation
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// Found by fuzzing (scripts/fuzz.sh, target `pipeline`): a YAML key that is a list or a mapping
/// (`? [a, b]`) crashed Yams's constructor, so a bad pipeline file or item.yaml stopped the process.
/// Every YAML reader now answers it with a plain error naming the file and the line.
final class YAMLKeyTests: XCTestCase {
    static let complexKeys = [
        "? [a, b]\n: c\n",
        "name: x\nnormalize:\n  ? {deskew: true}\n  : yes\n",
        "? The default pipeline\nE.m[vie]: ecks\n? - orientation\n: true\n",
    ]

    func testComplexKeysAreAnErrorNotACrash() throws {
        for text in Self.complexKeys {
            XCTAssertThrowsError(try YAMLText.load(text), text) { error in
                XCTAssertTrue("\(error)".contains("a key must be a word"), "\(error)")
            }
        }
        let plain = try XCTUnwrap(try YAMLText.load("a: 1\nb: [x, y]\n") as? [String: Any])
        XCTAssertEqual(plain["a"] as? Int, 1)
        XCTAssertEqual(plain["b"] as? [String], ["x", "y"])
    }

    func testPipelineFileWithAComplexKeyNamesTheFile() {
        for text in Self.complexKeys {
            XCTAssertThrowsError(try PipelineFileParser.parse(text, file: "bad.yaml")) { error in
                XCTAssertTrue("\(error)".contains("bad.yaml"), "\(error)")
            }
        }
    }

    func testItemYAMLWithAComplexKeyNamesTheFile() throws {
        let url = try temporaryFolder().appendingPathComponent("item.yaml")
        try Data("title: Sách\n? [a]\n: b\n".utf8).write(to: url)
        XCTAssertThrowsError(try ItemMetadata.fromYAML(url)) { error in
            XCTAssertTrue("\(error)".contains("item.yaml"), "\(error)")
        }
    }
}
