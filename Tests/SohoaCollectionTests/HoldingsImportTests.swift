import Foundation
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection

/// Registers in CSV, MARC 21 ISO 2709 and MARCXML from `Tests/Fixtures/holdings` (README there):
/// good rows stored, broken ones rejected with their line or record number, encodings converted or refused.
final class HoldingsImportTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/holdings")

    func fixture(_ name: String) -> URL { Self.fixtures.appendingPathComponent(name) }

    func catalog() throws -> Catalog {
        try Catalog(url: try temporaryFolder().appendingPathComponent("catalog.sqlite"))
    }

    func testCSVWithVietnameseHeadersStoresGoodRowsAndRejectsEachBadOneWithItsLine() throws {
        let catalog = try catalog()
        let report = try HoldingsImporter().importRegister(fixture("register.csv"), into: catalog)
        XCTAssertEqual(report.format, "csv")
        XCTAssertEqual(report.encoding, "UTF-8")
        XCTAssertEqual(report.added, 7)
        XCTAssertEqual(report.changed + report.unchanged, 0)
        XCTAssertEqual(report.rejected.map(\.location), ["line 8", "line 9", "line 10", "line 11", "line 13", "line 14"])
        let reasons = report.rejected.map(\.reason)
        XCTAssertTrue(reasons[0].contains("no title"), reasons[0])
        XCTAssertTrue(reasons[1].contains("unknown collection type 'bản vẽ'"), reasons[1])
        XCTAssertTrue(reasons[2].contains("special-value 'có lẽ'"), reasons[2])
        XCTAssertTrue(reasons[3].contains("already given at line 3"), reasons[3])
        XCTAssertTrue(reasons[4].contains("11 fields but the header has 10"), reasons[4])
        XCTAssertTrue(reasons[5].contains("no holding id"), reasons[5])
        XCTAssertEqual(report.rejected[3].holdingID, "LCH-0002")

        let rare = try XCTUnwrap(try catalog.holding(id: "LCH-0001"))
        XCTAssertEqual(rare.callNumber, "QH.0001")
        XCTAssertEqual(rare.title, "Lịch sử Lai Châu")
        XCTAssertEqual(rare.creator, "Nguyễn Văn Huyên")
        XCTAssertEqual(rare.collectionType, .rareBook)
        XCTAssertTrue(rare.specialValue)
        XCTAssertEqual(rare.estimatedPages, 212)
        XCTAssertEqual(rare.year, 1925)
        XCTAssertEqual(try catalog.holding(id: "LCH-0002")?.title, "Địa chí Lai Châu, tập 1")
        XCTAssertEqual(try catalog.holding(id: "LCH-0003")?.year, nil, "[18--?] has no exact year: left empty, not refused")
        XCTAssertEqual(try catalog.holding(id: "LCH-0005")?.collectionType, .manuscript, "Hán Nôm is a manuscript collection")
        XCTAssertEqual(try catalog.holding(id: "LCH-0006")?.specialValue, false)
        XCTAssertEqual(try catalog.holding(id: "MTE-0001")?.libraryCode, "MTE")
        XCTAssertTrue(report.text.contains("line 9 [LCH-0008]"), report.text)
    }

    func testReimportUpdatesByHoldingIDAndCountsAddedChangedUnchanged() throws {
        let catalog = try catalog()
        _ = try HoldingsImporter().importRegister(fixture("register.csv"), into: catalog)
        let again = try HoldingsImporter().importRegister(fixture("register-v2.csv"), into: catalog)
        XCTAssertEqual([again.added, again.changed, again.unchanged, again.rejected.count], [1, 1, 2, 0])
        XCTAssertEqual(try catalog.holding(id: "LCH-0002")?.title, "Địa chí Lai Châu, tập 1 (tái bản)")
        XCTAssertEqual(try catalog.holdingCount(), 8, "holdings not in the new file stay")
        let same = try HoldingsImporter().importRegister(fixture("register-v2.csv"), into: catalog)
        XCTAssertEqual([same.added, same.changed, same.unchanged], [0, 0, 4])
    }

    func testLegacyEncodedCSVIsRefusedWithTheLineAndUTF16IsConverted() throws {
        let catalog = try catalog()
        XCTAssertThrowsError(try HoldingsImporter().importRegister(fixture("register-cp1258.csv"), into: catalog)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("is not UTF-8 (byte 0xF4 at line 3"), message)
            XCTAssertTrue(message.contains("CSV UTF-8"), message)
        }
        XCTAssertEqual(try catalog.holdingCount(), 0, "nothing of a refused file is stored")
        let report = try HoldingsImporter().importRegister(fixture("register-utf16.csv"), into: catalog)
        XCTAssertEqual(report.encoding, "UTF-16 (converted)")
        XCTAssertEqual(report.added, 1)
        XCTAssertEqual(try catalog.holding(id: "LCH-U1")?.title, "Tài liệu địa chí")
        XCTAssertEqual(try catalog.holding(id: "LCH-U1")?.collectionType, .localHistory)
    }

    func testISO2709WithAMARC8RecordAndBrokenRecords() throws {
        let catalog = try catalog()
        let report = try HoldingsImporter().importRegister(fixture("register.mrc"), into: catalog)
        XCTAssertEqual(report.format, "marc")
        XCTAssertEqual(report.added, 4)
        XCTAssertEqual(report.rejected.map(\.location), ["record 4", "record 5"])
        XCTAssertTrue(report.rejected[0].reason.contains("length"), report.rejected[0].reason)
        XCTAssertTrue(report.rejected[1].reason.contains("no title"), report.rejected[1].reason)
        XCTAssertTrue(report.encoding.contains("MARC-8 (converted)"), report.encoding)

        let first = try XCTUnwrap(try catalog.holding(id: "LCH-M001"))
        XCTAssertEqual(first.title, "Lịch sử Lai Châu")
        XCTAssertEqual(first.creator, "Nguyễn Văn Huyên")
        XCTAssertEqual(first.year, 1925)
        XCTAssertEqual(first.language, "vie")
        XCTAssertEqual(first.estimatedPages, 212)
        XCTAssertEqual(first.subjects, "Lịch sử; Lai Châu")
        XCTAssertEqual(first.callNumber, "QH.0001")
        XCTAssertEqual(first.collectionType, .rareBook)
        XCTAssertTrue(first.specialValue)
        let local = try XCTUnwrap(try catalog.holding(id: "LCH-M002"))
        XCTAssertEqual(local.collectionType, .localHistory)
        XCTAssertTrue(local.specialValue, "927$b 'quý hiếm' marks special value")
        XCTAssertEqual(local.year, 1962)
        let marc8 = try XCTUnwrap(try catalog.holding(id: "LCH-M003"))
        XCTAssertEqual(marc8.title, "Thư tịch cổ Thái đen")
        XCTAssertEqual(marc8.title, marc8.title.precomposedStringWithCanonicalMapping)
        XCTAssertEqual(marc8.collectionType, .manuscript)
        let district = try XCTUnwrap(try catalog.holding(id: "MTE-M006"))
        XCTAssertEqual(district.libraryCode, "MTE")
        XCTAssertEqual(district.collectionType, .newspaper)
        XCTAssertFalse(district.specialValue)
    }

    func testMARC8EscapeToAnotherCharacterSetIsRefused() throws {
        let report = try HoldingsImporter().importRegister(fixture("marc8-cjk.mrc"), into: try catalog())
        XCTAssertEqual(report.added, 0)
        XCTAssertEqual(report.rejected.first?.location, "record 1")
        XCTAssertTrue(report.rejected.first?.reason.contains("export the register as MARC 21 in UTF-8") ?? false, "\(report.rejected)")
    }

    func testMARC8Decoding() throws {
        // MARC-8 puts combining marks before the letter; two marks on one letter (ệ) compose in NFC.
        XCTAssertEqual(try MARC8.decode([0x56, 0x69, 0xE3, 0xF2, 0x65, 0x74]), "Việt")
        XCTAssertEqual(try MARC8.decode([0xA3, 0xE1, 0x61, 0x6F, 0x20, 0xAD, 0xBC]), "Đào Ươ")
        XCTAssertThrowsError(try MARC8.decode([0x41, 0x90]))
    }

    func testMARCXMLAndXMLThatBreaksOff() throws {
        let catalog = try catalog()
        let report = try HoldingsImporter().importRegister(fixture("register.xml"), into: catalog)
        XCTAssertEqual(report.format, "marcxml")
        XCTAssertEqual(report.added, 2)
        XCTAssertEqual(report.rejected.count, 1)
        XCTAssertTrue(report.rejected[0].location.hasPrefix("record 3 (line 19)"), report.rejected[0].location)
        XCTAssertTrue(report.rejected[0].reason.contains("no holding id"))
        let genealogy = try XCTUnwrap(try catalog.holding(id: "LCH-X001"))
        XCTAssertEqual(genealogy.title, "Gia phả họ Đèo")
        XCTAssertEqual(genealogy.creator, "Đèo Văn Long")
        XCTAssertEqual(genealogy.collectionType, .manuscript)
        XCTAssertTrue(genealogy.specialValue)
        let photo = try XCTUnwrap(try catalog.holding(id: "LCH-X002"))
        XCTAssertEqual(photo.collectionType, .photo)
        XCTAssertEqual(photo.year, 1958, "from 008/07-10 when 260/264 are absent")
        XCTAssertFalse(photo.specialValue)

        let broken = try HoldingsImporter().importRegister(fixture("register-broken.xml"), into: catalog)
        XCTAssertEqual(broken.added, 1, "the record before the error is kept")
        XCTAssertEqual(broken.rejected.count, 1)
        XCTAssertTrue(broken.rejected[0].reason.contains("not well-formed"), broken.rejected[0].reason)
        XCTAssertTrue(broken.rejected[0].location.contains("line 13"), broken.rejected[0].location)
    }

    /// Found by fuzzing (scripts/fuzz.sh marcxml): a MARCXML file declaring UTF-7 (or EBCDIC), or
    /// holding an empty processing instruction, made Foundation's XMLParser crash the whole process.
    /// It is refused by name instead.
    func testAnEncodingTheXMLParserCannotSwitchToIsRefusedNotACrash() throws {
        let catalog = try catalog()
        let folder = try temporaryFolder()
        let good = try String(contentsOf: fixture("register.xml"), encoding: .utf8)
        XCTAssertTrue(good.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "the fixture's declaration changed")
        for declared in ["UTF-7", "EBCDIC-US", "ISO-8859-1"] {
            let file = folder.appendingPathComponent("register-\(declared).xml")
            try Data(good.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding='\(declared)'").utf8).write(to: file)
            XCTAssertThrowsError(try HoldingsImporter().importRegister(file, into: catalog)) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(file.path) && message.contains("\"\(declared)\"") && message.contains("UTF-8"), message)
            }
        }
        let instruction = folder.appendingPathComponent("register-pi.xml")
        try Data(good.replacingOccurrences(of: "<collection", with: "<?Xmmm?>\n<collection").utf8).write(to: instruction)
        XCTAssertThrowsError(try HoldingsImporter().importRegister(instruction, into: catalog)) { error in
            XCTAssertTrue("\(error)".contains("<?Xmmm?> on line 2"), "\(error)")
        }
        XCTAssertEqual(try catalog.holdingCount(), 0, "nothing was imported from the refused files")
        let report = try HoldingsImporter().importRegister(fixture("register.xml"), into: catalog)
        XCTAssertEqual(report.added, 2, "UTF-8, declared or not, is read")
    }

    func testAMappingFileOverridesTheDefaults() throws {
        let catalog = try catalog()
        let mapping = try MARCMapping.load(fixture("mapping.yaml"))
        let report = try HoldingsImporter(mapping: mapping).importRegister(fixture("mapping.xml"), into: catalog)
        XCTAssertEqual(report.added, 2, "\(report.rejected)")
        let rare = try XCTUnwrap(try catalog.holding(id: "LCH-K001"))
        XCTAssertEqual(rare.libraryCode, "LCH", "default-library-code")
        XCTAssertEqual(rare.collectionType, .rareBook)
        XCTAssertTrue(rare.specialValue)
        let plain = try XCTUnwrap(try catalog.holding(id: "MTE-K002"))
        XCTAssertEqual(plain.libraryCode, "MTE")
        XCTAssertEqual(plain.collectionType, .other)
        XCTAssertFalse(plain.specialValue)
        let bad = try temporaryFolder().appendingPathComponent("bad.yaml")
        try Data("titel: [245$a]\n".utf8).write(to: bad)
        XCTAssertThrowsError(try MARCMapping.load(bad)) { XCTAssertTrue("\($0)".contains("unknown key 'titel'"), "\($0)") }
    }
}
