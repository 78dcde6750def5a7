import Foundation
import SohoaCatalog
import XCTest

@testable import SohoaCollection

/// `Exporter.marc` on a catalog (no pipeline run): one `001` per record when several items name one
/// holding, and a record beyond ISO 2709's limits left out and named while the others are written.
final class ExporterMARCTests: XCTestCase {
    var folder: URL!
    var session: ArchiveSession!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-marc-export-\(UUID().uuidString)")
        _ = try HoldingsRegister.openCatalog(archive: folder)  // makes the OCFL root, as `holdings import` may
        session = try ArchiveSession(folder: folder)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func addItem(_ id: String, holdingID: String? = nil, subject: String? = nil, access: AccessLevel = .public) throws -> ItemRecord {
        let item = try session.catalog.upsertItem(
            ItemRecord(
                id: id, libraryCode: "LCH", title: "Tài liệu \(id)", language: "vie", subject: subject, holdingID: holdingID,
                sourcePath: "/batch/\(id)", state: .packaged, ocflVersion: "v1", objectPath: "objects/\(id)", pageCount: 1,
                packagedAt: Date()))
        if access != .public { try session.catalog.setAccess(itemID: id, access, recordingChange: false) }
        return item
    }

    func records(_ file: URL) throws -> [MARCRecord] {
        try MARCReader.read(Data(contentsOf: file)).compactMap { outcome in
            guard case .record(let record, _, _) = outcome else {
                XCTFail("a record was refused: \(outcome)")
                return nil
            }
            return record
        }
    }

    func testTwoVolumesOfOneHoldingGetTheirOwnIdsAndAnOnlyDigitizationTheRegistersId() throws {
        try addItem("tap-1", holdingID: "LCH-0003")
        try addItem("tap-2", holdingID: "LCH-0003")
        try addItem("mot", holdingID: "LCH-0009")
        try addItem("mot-ban-mat", holdingID: "LCH-0009", access: .closed)
        let export = try Exporter(session: session).marc(
            itemIDs: nil, format: .marc, to: folder.appendingPathComponent("out"), publicURL: "https://thuvien.laichau.gov.vn/")
        XCTAssertEqual(export.itemIDs, ["mot", "tap-1", "tap-2"])
        XCTAssertEqual(export.leftOut, ["mot-ban-mat"])
        let records = try records(export.file)
        XCTAssertEqual(
            records.compactMap { $0.control("001") }, ["LCH-0009", "tap-1", "tap-2"],
            "a closed copy is no other record: the one readers see keeps the register's id")
        XCTAssertEqual(records.map { $0.fields("035").flatMap { $0.subfields.map(\.value) } }, [[], ["LCH-0003"], ["LCH-0003"]])
        XCTAssertEqual(
            records[1].fields("856").first?.subfields.first { $0.code == "u" }?.value, "https://thuvien.laichau.gov.vn/items/tap-1")

        // One item's record does not depend on which items an export names, nor on a sibling's failed re-run.
        try session.catalog.markItemFailed(id: "tap-2", reason: "a page could not be read")
        let one = try Exporter(session: session).marc(
            itemIDs: ["tap-1", "mot"], format: .marc, to: folder.appendingPathComponent("one"),
            publicURL: "https://thuvien.laichau.gov.vn")
        XCTAssertEqual(try self.records(one.file).compactMap { $0.control("001") }, ["tap-1", "LCH-0009"])

        XCTAssertThrowsError(try Exporter(session: session).export(itemIDs: nil, format: .marc, to: folder.appendingPathComponent("x"))) {
            XCTAssertEqual(($0 as? RunError)?.exitStatus, .usage, "export writes files item by item; marc() writes MARC")
        }
    }

    func testARecordOverISO2709sLimitIsLeftOutAndNamedAndTheOthersAreWritten() throws {
        try addItem("a-nho")
        let subjects = (1...3000).map { "Chủ đề số \($0) về lịch sử địa phương" }.joined(separator: "; ")
        try addItem("b-lon", subject: subjects)
        try addItem("c-nho")
        for format in [ExportFormat.marc, .marcxml] {
            let export = try Exporter(session: session).marc(
                itemIDs: nil, format: format, to: folder.appendingPathComponent("out-\(format.rawValue)"),
                publicURL: "https://thuvien.laichau.gov.vn")
            XCTAssertEqual(export.itemIDs, ["a-nho", "c-nho"], format.rawValue)
            XCTAssertEqual(export.unwritable.map(\.itemID), ["b-lon"], format.rawValue)
            XCTAssertTrue(export.unwritable.first?.problem.contains("at most 99999") == true, "\(export.unwritable)")
            if format == .marc {
                XCTAssertEqual(try records(export.file).compactMap { $0.control("001") }, ["a-nho", "c-nho"])
            } else {
                let read = MARCXMLReader.read(try Data(contentsOf: export.file))
                XCTAssertNil(read.error.map(\.message))
                XCTAssertEqual(read.records.compactMap { $0.record.control("001") }, ["a-nho", "c-nho"], "both formats leave out the same")
            }
        }
    }
}
