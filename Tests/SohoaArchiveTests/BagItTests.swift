import Foundation
import SohoaTesting
import XCTest

@testable import SohoaArchive

/// Bags written by `BagWriter` pass the Library of Congress validator; `BagVerifier` refuses damage
/// with every problem listed.
final class BagItTests: XCTestCase {
    private func makeBag(_ folder: TemporaryFolder) throws -> Bag {
        let payload = [
            "mets.xml": try folder.file("src/mets.xml", "<mets/>\n"),
            "masters/trang 01.tif": try folder.file("src/t1.tif", "TIFF bytes"),
            "text/trang-01.txt": try folder.file("src/t1.txt", "Trăm năm trong cõi người ta,\n"),
            "alto/đại-nam.xml": try folder.file("src/a.xml", "<alto/>\n"),
        ]
        return try BagWriter.write(
            payload: payload,
            info: [BagInfoEntry("Source-Organization", "LCH"), BagInfoEntry("External-Identifier", "urn:sohoa:LCH:x")],
            to: folder.url.appendingPathComponent("bags/x"))
    }

    func testAWrittenBagIsValidForBagItPythonAndForTheVerifier() throws {
        let folder = try TemporaryFolder()
        let bag = try makeBag(folder)
        XCTAssertEqual(bag.value("Payload-Oxum"), "\(10 + 8 + Data("Trăm năm trong cõi người ta,\n".utf8).count + 8).4")
        let run = try SharedChecks.run("validate-bag", [bag.url.path])
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        XCTAssertTrue(run.summary.contains("VALID"), run.summary)
        let verified = try BagVerifier.verify(bag.url)
        XCTAssertEqual(Set(verified.payload.keys), ["mets.xml", "masters/trang 01.tif", "text/trang-01.txt", "alto/đại-nam.xml"])
        XCTAssertEqual(verified.value("source-organization"), "LCH")
    }

    func testDamageIsListedProblemByProblem() throws {
        let folder = try TemporaryFolder()
        let bag = try makeBag(folder)
        let data = bag.url.appendingPathComponent("data")
        try Data("TIFF bytez".utf8).write(to: data.appendingPathComponent("masters/trang 01.tif"))
        try FileManager.default.removeItem(at: data.appendingPathComponent("mets.xml"))
        try Data("extra".utf8).write(to: data.appendingPathComponent("text/extra.txt"))
        XCTAssertThrowsError(try BagVerifier.verify(bag.url)) { error in
            guard let problems = error as? BagProblems else { return XCTFail("\(error)") }
            let text = problems.problems.joined(separator: "\n")
            XCTAssertTrue(text.contains("data/masters/trang 01.tif: sha512"), text)
            XCTAssertTrue(text.contains("data/mets.xml is listed in manifest-sha512.txt but missing"), text)
            XCTAssertTrue(text.contains("data/text/extra.txt is in the payload but not in manifest-sha512.txt"), text)
            XCTAssertTrue(text.contains("Payload-Oxum"), text)
            XCTAssertTrue(problems.description.contains("nothing of it was imported"))
        }
        let run = try SharedChecks.run("validate-bag", [bag.url.path])
        XCTAssertEqual(run.exitCode, 1, "the third-party validator agrees: \(run.summary)")
    }

    func testABagWithoutBagitTxtOrManifestIsRefused() throws {
        let folder = try TemporaryFolder()
        let bag = try makeBag(folder)
        try FileManager.default.removeItem(at: bag.url.appendingPathComponent("bagit.txt"))
        try FileManager.default.removeItem(at: bag.url.appendingPathComponent("manifest-sha512.txt"))
        XCTAssertThrowsError(try BagVerifier.verify(bag.url)) { error in
            let text = (error as? BagProblems)?.problems.joined(separator: "\n") ?? "\(error)"
            XCTAssertTrue(text.contains("bagit.txt is missing"), text)
            XCTAssertTrue(text.contains("no payload manifest"), text)
        }
    }
}
