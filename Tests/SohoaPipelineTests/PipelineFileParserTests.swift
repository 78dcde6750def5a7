import Foundation
import XCTest

@testable import SohoaPipeline

final class PipelineFileParserTests: XCTestCase {
    func testShippedPipelinesParse() throws {
        let folder = packageRoot.appendingPathComponent("Pipelines")
        let standard = try PipelineFileParser.load(folder.appendingPathComponent("default.yaml"))
        XCTAssertEqual(standard.name, "default")
        XCTAssertEqual(standard.defaultOCRLanguage, "vie")
        XCTAssertEqual(standard.outputs, [.alto, .hocr, .text, .pdf])
        XCTAssertNil(standard.workers.ocr, "ocr: auto means one worker per core")
        let imageOnly = try PipelineFileParser.load(folder.appendingPathComponent("image-only.yaml"))
        XCTAssertNil(imageOnly.defaultOCRLanguage, "languages: [none] turns OCR off")
    }

    func testUnknownKeyNamesKeyAndFile() {
        XCTAssertThrowsError(try PipelineFileParser.parse("normalize: {deskw: true}\n", file: "p.yaml")) { error in
            let error = error as? ConfigurationError
            XCTAssertEqual(error?.file, "p.yaml")
            XCTAssertEqual(error?.key, "normalize.deskw")
            XCTAssertTrue(error?.description.contains("allowed here: deskew, max-skew, min-dpi") ?? false, "\(String(describing: error))")
        }
        XCTAssertThrowsError(try PipelineFileParser.parse("colour: red\n", file: "p.yaml")) { error in
            XCTAssertEqual((error as? ConfigurationError)?.key, "colour")
        }
    }

    func testBadValuesNameKeyAndValue() {
        let cases: [(String, String, String)] = [
            ("normalize: {deskew: maybe}\n", "normalize.deskew", "maybe"),
            ("normalize: {max-skew: 90}\n", "normalize.max-skew", "90"),
            ("workers: {ocr: 0}\n", "workers.ocr", "0"),
            ("ocr: {outputs: [alto, docx]}\n", "ocr.outputs", "docx"),
            ("ocr: {psm: single-line}\n", "ocr.psm", "single-line"),
            ("languages: [vie, 'Tiếng Việt']\n", "languages", "tiếng"),
        ]
        for (yaml, key, value) in cases {
            XCTAssertThrowsError(try PipelineFileParser.parse(yaml, file: "bad.yaml"), yaml) { error in
                let error = error as? ConfigurationError
                XCTAssertEqual(error?.key, key, yaml)
                XCTAssertTrue(
                    error?.description.lowercased().contains(value) ?? false, "\(String(describing: error)) should quote \(value)")
                XCTAssertTrue(error?.description.hasPrefix("bad.yaml") ?? false)
            }
        }
    }

    func testNotAMappingAndBrokenYAML() {
        XCTAssertThrowsError(try PipelineFileParser.parse("- just\n- a list\n", file: "l.yaml"))
        XCTAssertThrowsError(try PipelineFileParser.parse("name: [unclosed\n", file: "y.yaml")) { error in
            XCTAssertTrue("\(error)".contains("y.yaml"))
        }
    }

    func testLanguagesAcceptListsAndPlusForms() throws {
        XCTAssertEqual(try PipelineFileParser.parse("languages: vie+eng\n", file: "x").defaultOCRLanguage, "vie+eng")
        XCTAssertEqual(try PipelineFileParser.parse("languages: [vi, en]\n", file: "x").defaultOCRLanguage, "vie+eng")
        XCTAssertEqual(try PipelineFileParser.parse("workers: {ocr: 3}\n", file: "x").workers.resolvedOCR, 3)
    }
}

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
