import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// The archive of a batch is standards-valid; BagIt export → import moves items between libraries with
/// their identifiers and provenance, and a damaged bag is refused with nothing ingested.
final class ArchiveExchangeTests: XCTestCase {
    func testBatchArchiveValidatesAndBagsRoundTripIntoAnotherArchive() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach-a", "sach-b"], pages: 2, in: folder)
        let ocfl = try SharedChecks.run("validate-ocfl", [archive.path])
        XCTAssertEqual(ocfl.exitCode, 0, ocfl.output)
        XCTAssertTrue(ocfl.summary.contains("2/2 objects valid"), ocfl.summary)
        let objects = archive.appendingPathComponent("extensions").path
        let xml = files(under: archive, endingWith: ".xml")
            .filter {
                !$0.path.hasPrefix(objects)
                    && ($0.lastPathComponent.hasSuffix("mets.xml") || $0.lastPathComponent == "dc.xml" || $0.path.contains("/alto/"))
            }
        XCTAssertEqual(xml.count, 2 * (2 + 2), "METS, DC and 2 ALTO per object")
        try SharedChecks.assertValidXML(xml)
        let mets = try String(contentsOf: try XCTUnwrap(xml.first { $0.lastPathComponent == "mets.xml" }), encoding: .utf8)
        for expected in [
            "MDTYPE=\"MODS\"", "<mets:techMD ID=\"TECH_0001\">", "CHECKSUMTYPE=\"SHA-256\"", "SIZE=\"", "traineddata", "skew ",
        ] {
            XCTAssertTrue(mets.contains(expected), "mets.xml lacks \(expected)")
        }
        let hocr = try XCTUnwrap(files(under: archive, endingWith: ".hocr").first)
        let hocrCopy = folder.appendingPathComponent("page.hocr")
        try FileManager.default.copyItem(at: hocr, to: hocrCopy)
        try SharedChecks.assertValid("validate-hocr", [hocrCopy.path])

        let session = try ArchiveSession(folder: archive)
        let out = folder.appendingPathComponent("bags")
        let bags = try Exporter(session: session).export(itemIDs: nil, format: .bag, to: out).files
        XCTAssertEqual(bags.map(\.lastPathComponent), ["sach-a", "sach-b"])
        for bag in bags { try SharedChecks.assertValid("validate-bag", [bag.path]) }
        let info = try String(contentsOf: bags[0].appendingPathComponent("bag-info.txt"), encoding: .utf8)
        for label in [
            "Source-Organization: LOCAL", "Bagging-Date: ", "External-Identifier: urn:sohoa:LOCAL:sach-a", "Payload-Oxum: ", "sohoa 0.1",
        ] {
            XCTAssertTrue(info.contains(label), "bag-info.txt lacks \(label):\n\(info)")
        }

        let provincial = folder.appendingPathComponent("provincial")
        let receiving = try BagImporter.openArchive(provincial)
        for bag in bags {
            let imported = try BagImporter(session: receiving).importBag(bag)
            XCTAssertEqual(imported.version, "v1")
            XCTAssertEqual(imported.pageCount, 2)
        }
        let imported = try SharedChecks.run("validate-ocfl", [provincial.path])
        XCTAssertEqual(imported.exitCode, 0, imported.output)
        XCTAssertTrue(imported.summary.contains("2/2 objects valid"), imported.summary)
        let original = try XCTUnwrap(try session.root.headState(objectID: "urn:sohoa:LOCAL:sach-a"))
        let copy = try XCTUnwrap(try receiving.root.headState(objectID: "urn:sohoa:LOCAL:sach-a"))
        XCTAssertEqual(original.filter { $0.key != "mets.xml" }, copy.filter { $0.key != "mets.xml" }, "the payload arrives byte for byte")
        let importedMETS = try XCTUnwrap(try receiving.root.contentURL(objectID: "urn:sohoa:LOCAL:sach-a", logicalPath: "mets.xml"))
        XCTAssertTrue(try String(contentsOf: importedMETS, encoding: .utf8).contains("imported from bag sach-a"))
        try SharedChecks.assertValidXML([importedMETS])
        let item = try XCTUnwrap(try receiving.catalog.item(id: "sach-b"))
        XCTAssertEqual(item.state, .packaged)
        XCTAssertEqual(item.objectID, "urn:sohoa:LOCAL:sach-b")
        XCTAssertEqual(try receiving.catalog.pages(itemID: "sach-b").map(\.name), ["1", "2"])
        XCTAssertEqual(try receiving.catalog.events(itemID: "sach-b").last?.type, "imported")
        XCTAssertEqual(Set(try SearchHitView.search(receiving, query: "thu vien", limit: 10).map(\.item)), ["sach-a", "sach-b"])
    }

    func testADamagedBagIsRefusedAndNothingOfItIsIngested() throws {
        let folder = try temporaryFolder()
        let archive = try ArchiveTestBatch.archive(items: ["sach"], pages: 2, in: folder)
        let bag = try XCTUnwrap(
            try Exporter(session: try ArchiveSession(folder: archive)).export(
                itemIDs: ["sach"], format: .bag, to: folder.appendingPathComponent("bags")
            ).files.first)
        let text = bag.appendingPathComponent("data/text/1.txt")
        var bytes = try Data(contentsOf: text)
        bytes[0] ^= 0x20
        try bytes.write(to: text)
        try Data("lạc".utf8).write(to: bag.appendingPathComponent("data/lac.txt"))
        let bagCheck = try SharedChecks.run("validate-bag", [bag.path])
        XCTAssertEqual(bagCheck.exitCode, 1, "bagit-python refuses it too: \(bagCheck.summary)")

        let receiving = try BagImporter.openArchive(folder.appendingPathComponent("provincial"))
        XCTAssertThrowsError(try BagImporter(session: receiving).importBag(bag)) { error in
            let problems = (error as? BagProblems)?.problems ?? ["\(error)"]
            XCTAssertTrue(problems.contains { $0.hasPrefix("data/text/1.txt: sha512") }, "\(problems)")
            XCTAssertTrue(problems.contains { $0.contains("data/lac.txt is in the payload but not in manifest-sha512.txt") }, "\(problems)")
            XCTAssertTrue(problems.contains { $0.hasPrefix("Payload-Oxum") }, "\(problems)")
        }
        XCTAssertEqual(try receiving.root.objectIDs(), [])
        XCTAssertEqual(try receiving.catalog.items(), [])
    }
}
