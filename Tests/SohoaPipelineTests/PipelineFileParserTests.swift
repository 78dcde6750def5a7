import Foundation
import SohoaImaging
import XCTest

@testable import SohoaPipeline

final class PipelineFileParserTests: XCTestCase {
    func testShippedPipelinesParse() throws {
        let folder = packageRoot.appendingPathComponent("Pipelines")
        let standard = try PipelineFileParser.load(folder.appendingPathComponent("default.yaml"))
        XCTAssertEqual(standard.name, "default")
        XCTAssertEqual(standard.defaultOCRLanguage, "vie")
        XCTAssertEqual(standard.outputs, [.alto, .hocr, .text, .pdf, .pdfReading], "both PDFs, archival and reading")
        XCTAssertNil(standard.workers.ocr, "ocr: auto means one worker per core")
        let imageOnly = try PipelineFileParser.load(folder.appendingPathComponent("image-only.yaml"))
        XCTAssertNil(imageOnly.defaultOCRLanguage, "languages: [none] turns OCR off")
        let reading = try PipelineFileParser.parse("ocr: {outputs: [pdf-reading]}\n", file: "p.yaml")
        XCTAssertEqual(reading.outputs, [.pdfReading], "the reading PDF alone")
    }

    func testUnknownKeyNamesKeyAndFile() {
        XCTAssertThrowsError(try PipelineFileParser.parse("normalize: {deskw: true}\n", file: "p.yaml")) { error in
            let error = error as? ConfigurationError
            XCTAssertEqual(error?.file, "p.yaml")
            XCTAssertEqual(error?.key, "normalize.deskw")
            XCTAssertTrue(
                error?.description.contains(
                    "allowed here: binarize, crop-borders, deskew, despeckle, even-light, max-skew, min-dpi, orientation, split-spreads")
                    ?? false, "\(String(describing: error))")
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
            ("normalize: {orientation: sometimes}\n", "normalize.orientation", "sometimes"),
            ("normalize: {crop-borders: 1}\n", "normalize.crop-borders", "1"),
            ("normalize: {binarize: niblack}\n", "normalize.binarize", "niblack"),
            ("normalize: {split-spreads: maybe}\n", "normalize.split-spreads", "maybe"),
            ("normalize: {despeckle: strong}\n", "normalize.despeckle", "strong"),
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

    func testNormalizeKeys() throws {
        let yaml = """
            normalize: {orientation: false, deskew: true, crop-borders: false, even-light: false, binarize: sauvola,
                        despeckle: false, split-spreads: always}
            """
        let options = try PipelineFileParser.parse(yaml, file: "n.yaml").normalize
        XCTAssertFalse(options.orientation)
        XCTAssertTrue(options.deskew)
        XCTAssertFalse(options.cropBorders)
        XCTAssertFalse(options.evenLight)
        XCTAssertEqual(options.binarize, .sauvola)
        XCTAssertFalse(options.despeckle)
        XCTAssertEqual(options.splitSpreads, .always)
        XCTAssertEqual(try PipelineFileParser.parse("normalize: {binarize: none}\n", file: "n").normalize.binarize, .none)
        XCTAssertEqual(try PipelineFileParser.parse("normalize: {split-spreads: never}\n", file: "n").normalize.splitSpreads, .never)
        // The shipped default does every step.
        let standard = try PipelineFileParser.load(packageRoot.appendingPathComponent("Pipelines/default.yaml")).normalize
        XCTAssertEqual(standard, NormalizeOptions(minimumDPI: 200))
    }

    /// An installed `sohoa` uses the built-in text; the repository's file must say the same.
    func testTheBuiltInDefaultPipelineIsTheShippedFile() throws {
        let file = try String(contentsOf: packageRoot.appendingPathComponent("Pipelines/default.yaml"), encoding: .utf8)
        XCTAssertEqual(
            DefaultPipeline.yaml + "\n", file,
            "Sources/SohoaPipeline/Configuration/DefaultPipeline.swift differs from Pipelines/default.yaml")
        XCTAssertEqual(try DefaultPipeline.configuration(), try PipelineFileParser.parse(file, file: "default.yaml"))
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
