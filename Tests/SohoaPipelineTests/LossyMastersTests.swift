import Foundation
import SohoaCollection
import SohoaImaging
import SohoaTesting
import XCTest

@testable import SohoaPipeline

/// JPEG masters under the pipeline's `lossy-masters`: kept and named in a warning and in PREMIS
/// (`warn`, the default), kept silently (`accept`), or refused with the file and the reason (`refuse`).
final class LossyMastersTests: XCTestCase {
    func testThePipelineFileSaysWhatToDoWithLossyMasters() throws {
        XCTAssertEqual(try PipelineFileParser.parse("name: x\n", file: "p.yaml").lossyMasters, .warn, "warn unless told")
        XCTAssertEqual(try PipelineFileParser.parse("lossy-masters: refuse\n", file: "p.yaml").lossyMasters, .refuse)
        XCTAssertEqual(try PipelineFileParser.parse("lossy-masters: accept\n", file: "p.yaml").lossyMasters, .accept)
        XCTAssertThrowsError(try PipelineFileParser.parse("lossy-masters: maybe\n", file: "p.yaml")) { error in
            XCTAssertEqual((error as? ConfigurationError)?.key, "lossy-masters")
            XCTAssertTrue("\(error)".contains("accept, warn, refuse"), "\(error)")
        }
    }

    func testARefusingPipelineNamesTheJPEGAndKeepsTheRest() throws {
        let batch = try temporaryFolder().appendingPathComponent("batch")
        try PipelineFixtures.writePages(1, into: batch.appendingPathComponent("sach"))
        let jpeg = batch.appendingPathComponent("sach/anh-chup.jpg")
        try FileManager.default.copyItem(at: try SharedFolder.scans().appendingPathComponent("pytesseract_formats/test.jpg"), to: jpeg)

        let refusing = try BatchPlanner(defaultLanguages: ["vie"], lossyMasters: .refuse).plan(batch)
        XCTAssertEqual(refusing.items.first?.pages.count, 1, "the TIFF page stays")
        let rejection = try XCTUnwrap(refusing.rejections.first)
        XCTAssertEqual(rejection.file.lastPathComponent, "anh-chup.jpg")
        XCTAssertTrue(rejection.reason.contains("lossy-masters: refuse"), rejection.reason)

        let warning = try BatchPlanner(defaultLanguages: ["vie"], lossyMasters: .warn).plan(batch)
        XCTAssertEqual(warning.items.first?.pages.map(\.name).sorted(), ["1", "anh-chup"].sorted())
        XCTAssertEqual(warning.lossyFiles.map(\.lastPathComponent), ["anh-chup.jpg"])
        XCTAssertTrue(warning.rejections.isEmpty)
    }

    func testAJPEG2000MasterIsLossyOnlyWhenItsCodingIs() throws {
        let batch = try temporaryFolder().appendingPathComponent("batch")
        let folder = batch.appendingPathComponent("sach")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = try SharedFolder.scans().appendingPathComponent("pytesseract_formats/test.png")
        try Pillow.convert(source, to: folder.appendingPathComponent("1-khong-mat.jp2"))
        try Pillow.convert(
            source, to: folder.appendingPathComponent("2-mat.jp2"), options: "irreversible=True, quality_mode='rates', quality_layers=[20]")

        let refusing = try BatchPlanner(defaultLanguages: ["vie"], lossyMasters: .refuse).plan(batch)
        XCTAssertEqual(refusing.items.first?.pages.map(\.name), ["1-khong-mat"], "the lossless JPEG 2000 is a master like a TIFF")
        let rejection = try XCTUnwrap(refusing.rejections.first)
        XCTAssertEqual(rejection.file.lastPathComponent, "2-mat.jp2")
        XCTAssertTrue(rejection.reason.contains("JPEG 2000 image is coded with loss"), rejection.reason)

        let warning = try BatchPlanner(defaultLanguages: ["vie"], lossyMasters: .warn).plan(batch)
        XCTAssertEqual(warning.lossyFiles.map(\.lastPathComponent), ["2-mat.jp2"])
    }

    func testAJPEGInTIFFMasterIsLossy() throws {
        // leptonica's jpeg-coded.tif: a TIFF container whose page is JPEG-coded (compression 7).
        let batch = try temporaryFolder().appendingPathComponent("batch")
        try PipelineFixtures.writePages(1, into: batch.appendingPathComponent("sach"))
        try FileManager.default.copyItem(
            at: try SharedFolder.scans().appendingPathComponent("leptonica_prog/jpeg-coded.tif"),
            to: batch.appendingPathComponent("sach/to-jpeg.tif"))

        let refusing = try BatchPlanner(defaultLanguages: ["vie"], lossyMasters: .refuse).plan(batch)
        XCTAssertEqual(refusing.items.first?.pages.map(\.name), ["1"], "the PNG page stays")
        let rejection = try XCTUnwrap(refusing.rejections.first)
        XCTAssertEqual(rejection.file.lastPathComponent, "to-jpeg.tif")
        XCTAssertTrue(rejection.reason.contains("TIFF image is coded with loss"), rejection.reason)

        let warning = try BatchPlanner(defaultLanguages: ["vie"], lossyMasters: .warn).plan(batch)
        XCTAssertEqual(warning.lossyFiles.map(\.lastPathComponent), ["to-jpeg.tif"])
    }

    func testAJPEGMasterIsArchivedAsItIsWithTheWarningInPREMIS() throws {
        let folder = try temporaryFolder()
        let batch = folder.appendingPathComponent("batch")
        let jpeg = batch.appendingPathComponent("anh/trang-1.jpg")
        try FileManager.default.createDirectory(at: jpeg.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try SharedFolder.scans().appendingPathComponent("pytesseract_formats/test.jpg"), to: jpeg)
        let archive = folder.appendingPathComponent("archive")
        let reporter = RecordingReporter()
        let options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: reporter)).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        let warnings = reporter.events.withLock { $0 }.compactMap { event -> String? in
            if case .warning(let text) = event { return text }
            return nil
        }
        XCTAssertTrue(warnings.contains { $0.contains("trang-1.jpg") }, "\(warnings)")

        let session = try ArchiveSession(folder: archive)
        let objectID = "urn:sohoa:LOCAL:anh"
        let master = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "masters/trang-1.jpg"))
        XCTAssertEqual(try Data(contentsOf: master), try Data(contentsOf: jpeg), "the master is the file as scanned")
        let mets = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "mets.xml"))
        let text = try String(contentsOf: mets, encoding: .utf8)
        XCTAssertTrue(text.contains("lossy masters (JPEG, JPEG 2000) kept as they are for trang-1 (lossy-masters: warn)"), text)
        XCTAssertTrue(text.contains("MIMETYPE=\"image/jpeg\""), "the master's file entry says JPEG")
        try SharedChecks.assertValidXML([mets])
        try SharedChecks.assertValid("validate-ocfl", [archive.path])
    }

    func testTheWarningNamesThePagesInPlainParentheses() {
        let warning = Messages.lossyMasters(count: 2, names: "a.jpg, b.jp2")
        XCTAssertTrue(warning.contains("(a.jpg, b.jp2)"), warning)
        XCTAssertTrue(Messages.lossyMasters(count: 7, names: "a.jpg").contains("(a.jpg…)"))
    }
}
