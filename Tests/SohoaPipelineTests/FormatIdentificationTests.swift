import Foundation
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaImaging
@testable import SohoaPipeline

/// Every master's PREMIS format carries its PRONOM identifier and version, and they are the ones a
/// tool nobody here wrote (FIDO, through `validate-format`) finds for the same file.
final class FormatIdentificationTests: XCTestCase {
    func testPREMISFormatIdsEqualFIDOsForEveryMaster() throws {
        let scans = try SharedFolder.scans()
        let folder = try temporaryFolder()
        let batch = folder.appendingPathComponent("batch")
        let sources: [(String, URL)] = [
            ("dinh-dang/01-g4.tif", scans.appendingPathComponent("vie_vietocr3_samples/vietsample.tif")),
            ("dinh-dang/02-jpeg-in-tiff.tif", scans.appendingPathComponent("leptonica_prog/jpeg-coded.tif")),
            ("dinh-dang/03-png10.png", scans.appendingPathComponent("pytesseract_formats/test.png")),
            ("dinh-dang/04-png11.png", scans.appendingPathComponent("vie_vietocr3_samples/vietsample2.png")),
            ("dinh-dang/05-jfif.jpg", scans.appendingPathComponent("pytesseract_formats/test.jpg")),
            ("dinh-dang/06-jfif-exif.jpg", scans.appendingPathComponent("pytesseract_formats/test-small.jpg")),
            ("dinh-dang/07-adobe-cmyk.jpg", scans.appendingPathComponent("ocrmypdf_resources/formats_colorspaces/baiona_cmyk.jpg")),
            ("dinh-dang/08-sample.tif", SharedFolder.packageRoot.appendingPathComponent("SampleScans/dia-chi-lai-chau/p8.tif")),
            ("dinh-dang/09-jp2.jp2", scans.appendingPathComponent("pytesseract_formats/test.jpeg2000")),
        ]
        for (path, source) in sources {
            let target = batch.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        }
        let archive = folder.appendingPathComponent("archive")
        let options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")

        let session = try ArchiveSession(folder: archive)
        let objectID = "urn:sohoa:LOCAL:dinh-dang"
        let mets = try String(
            contentsOf: try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "mets.xml")), encoding: .utf8)
        var recorded: [String: String] = [:]
        for object in mets.components(separatedBy: "<premis:object ").dropFirst() {
            guard let name = object.firstMatch(of: /<premis:originalName>([^<]+)</)?.output.1,
                let key = object.firstMatch(of: /<premis:formatRegistryKey>([^<]+)</)?.output.1
            else { continue }
            recorded[String(name)] = String(key)
        }
        var masters: [URL] = []
        for (path, _) in sources {
            let name = String(path.split(separator: "/").last ?? "")
            masters.append(try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "masters/\(name)"), name))
        }
        let fido = try SharedChecks.run("validate-format", masters.map(\.path))
        XCTAssertEqual(fido.exitCode, 0, fido.output)
        var found: [String: String] = [:]
        for line in fido.stdout.split(separator: "\n") {
            guard let match = line.firstMatch(of: /validate-format: (\S+) .* (\S+) \[FIDO/) else { continue }
            found[URL(fileURLWithPath: String(match.output.2)).lastPathComponent] = String(match.output.1)
        }
        XCTAssertEqual(found.count, sources.count, fido.stdout)
        XCTAssertEqual(recorded, found, "PREMIS formatRegistryKey per master against FIDO")
        XCTAssertEqual(
            Set(found.values), ["fmt/353", "fmt/11", "fmt/12", "fmt/43", "fmt/41", "x-fmt/392"], "the batch covers several formats")
        try SharedChecks.assertValidXML([try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "mets.xml"))])
    }

    func testSignaturesOfMadeUpFiles() {
        let png10: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8) + [1, 2, 3]
        let end: [UInt8] = [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        XCTAssertEqual(PRONOMFormat.identify(head: png10, tail: end)?.puid, "fmt/11")
        XCTAssertEqual(PRONOMFormat.identify(head: png10 + Array("sRGB".utf8), tail: end)?.puid, "fmt/12")
        XCTAssertEqual(PRONOMFormat.identify(head: png10 + Array("iTXt".utf8), tail: end)?.puid, "fmt/13")
        XCTAssertEqual(
            PRONOMFormat.identify(head: png10 + Array("iTXt".utf8), tail: end + [0x0A])?.puid, "fmt/11",
            "a stray byte after IEND: only PNG 1.0's signature allows it")
        XCTAssertNil(PRONOMFormat.identify(head: png10, tail: [1, 2, 3]), "no IEND: not a whole PNG")
        let jfif102: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + Array("JFIF\0".utf8) + [1, 2, 1, 0, 72, 0, 72, 0, 0]
        XCTAssertEqual(PRONOMFormat.identify(head: jfif102, tail: [0xFF, 0xD9])?.version, "1.02")
        XCTAssertEqual(PRONOMFormat.identify(head: [0xFF, 0xD8, 0xFF, 0xDB, 0, 4], tail: [0xFF, 0xD9])?.puid, "fmt/41")
        XCTAssertNil(PRONOMFormat.identify(head: [0xFF, 0xD8, 0xFF, 0xDB, 0, 4], tail: [0, 0]), "no end-of-image marker")
        XCTAssertEqual(PRONOMFormat.identify(head: Array("MM\0*".utf8), tail: [])?.puid, "fmt/353")
    }
}
