import Foundation
import SohoaCatalog
import XCTest

@testable import SohoaCollection

/// An item's MARC 21 record: the fields its description has, at the right tags, indicators and fixed
/// positions, and nothing it does not have.
final class ItemMARCRecordTests: XCTestCase {
    /// 2024-03-05 06:07:08 UTC and 2025-11-02 10:20:30 UTC.
    static let created = Date(timeIntervalSince1970: 1_709_618_828)
    static let updated = Date(timeIntervalSince1970: 1_762_078_830)

    func item(
        _ id: String, title: String? = nil, creator: String? = nil, date: String? = nil, language: String? = nil,
        type: String? = nil, subject: String? = nil, holdingID: String? = nil, metadata: [String: String] = [:],
        version: String = "v1"
    ) throws -> ItemRecord {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: metadata, options: [.sortedKeys]), as: UTF8.self)
        return ItemRecord(
            id: id, libraryCode: "LCH", title: title, creator: creator, date: date, language: language, type: type, subject: subject,
            holdingID: holdingID, metadataJSON: json, sourcePath: "/batch/\(id)", state: .packaged, ocflVersion: version,
            objectPath: "o/\(id)", pageCount: 3, packagedAt: Self.updated, createdAt: Self.created, updatedAt: Self.updated)
    }

    func subfields(_ record: MARCRecord, _ tag: String) -> [String] {
        record.fields(tag).map { field in
            field.indicators + "|" + field.subfields.map { "$\($0.code) \($0.value)" }.joined(separator: " ")
        }
    }

    func testAnItemWithAHoldingIsLinkedByTheRegistersRecordIdWithEveryFieldItsDescriptionHas() throws {
        let item = try item(
            "dia-chi-lai-chau", title: "Địa chí Lai Châu", creator: "Nguyễn, Văn Huyên; Đặng Nghiêm Vạn", date: "1925",
            language: "vie+fra", type: "Sách", subject: "Lai Châu; Dân tộc Thái", holdingID: "LCH-0003",
            metadata: [
                "description": "Sách viết về\nđịa lý, lịch sử tỉnh Lai Châu.", "rights": "https://rightsstatements.org/vocab/NoC-NC/1.0",
                "contributor": "Lò Văn Bường", "alternativeTitle": "Lai Châu địa chí",
            ], version: "v2")
        let record = ItemMARCRecord.record(
            ItemAvailability(item: item, access: .public, withdrawnAt: nil, collectionType: "local-history"),
            itemPage: "https://thuvien.laichau.gov.vn/items/dia-chi-lai-chau", holdingIsShared: false)
        XCTAssertEqual(record.leader, "00000cam a22000003  4500", "revised (v2), language material, monograph, UTF-8")
        XCTAssertEqual(record.controlFields.map(\.tag), ["001", "005", "008"], "no 003: the OPAC's organization code is not known")
        XCTAssertEqual(record.control("001"), "LCH-0003")
        XCTAssertEqual(record.control("005"), "20251102102030.0")
        let fixed = try XCTUnwrap(record.control("008"))
        XCTAssertEqual(fixed.count, 40)
        XCTAssertEqual(fixed, "240305" + "s1925    " + "xx " + String(repeating: "|", count: 17) + "vie" + "|d")
        XCTAssertEqual(
            record.dataFields.map(\.tag), ["024", "041", "100", "245", "246", "264", "520", "540", "650", "650", "700", "700", "856"])
        XCTAssertEqual(subfields(record, "024"), ["7 |$a urn:sohoa:LCH:dia-chi-lai-chau $2 urn"])
        XCTAssertEqual(subfields(record, "041"), ["  |$a vie $a fre"])
        XCTAssertEqual(subfields(record, "100"), ["1 |$a Nguyễn, Văn Huyên"])
        XCTAssertEqual(subfields(record, "245"), ["10|$a Địa chí Lai Châu"])
        XCTAssertEqual(subfields(record, "246"), ["3 |$a Lai Châu địa chí"])
        XCTAssertEqual(subfields(record, "264"), [" 1|$c 1925"])
        XCTAssertEqual(subfields(record, "520"), ["  |$a Sách viết về địa lý, lịch sử tỉnh Lai Châu."])
        XCTAssertEqual(
            subfields(record, "540"),
            [
                "  |$a Không có bản quyền — chỉ dùng phi thương mại (No Copyright - Non-Commercial Use Only) $u http://rightsstatements.org/vocab/NoC-NC/1.0/"
            ])
        XCTAssertEqual(subfields(record, "650"), [" 4|$a Lai Châu", " 4|$a Dân tộc Thái"])
        XCTAssertEqual(subfields(record, "700"), ["0 |$a Đặng Nghiêm Vạn", "0 |$a Lò Văn Bường"])
        XCTAssertEqual(subfields(record, "856"), ["41|$3 Bản số hóa $u https://thuvien.laichau.gov.vn/items/dia-chi-lai-chau"])
        XCTAssertTrue(record.fields("260").isEmpty && record.fields("506").isEmpty && record.fields("773").isEmpty)
        for field in record.dataFields {
            for (_, value) in field.subfields { XCTAssertEqual(value, value.precomposedStringWithCanonicalMapping) }
        }
    }

    func testAnItemWithOnlyATitleGetsItsOwnIdAndNothingInvented() throws {
        let record = ItemMARCRecord.record(
            ItemAvailability(
                item: try item("so-1", title: "Sổ một", language: "none"), access: .public, withdrawnAt: nil, collectionType: nil),
            itemPage: nil, holdingIsShared: false)
        XCTAssertEqual(record.control("001"), "so-1")
        XCTAssertEqual(record.leader, "00000nam a22000003  4500")
        XCTAssertEqual(record.control("008"), "240305" + "nuuuuuuuu" + "xx " + String(repeating: "|", count: 17) + "|||" + "|d")
        XCTAssertEqual(
            record.dataFields.map(\.tag), ["024", "245"], "no 041 for `none` (not read by OCR), no 856 without the public address")
        XCTAssertEqual(subfields(record, "245"), ["00|$a Sổ một"], "no 1XX: first indicator 0")

        var defaults = RightsDefaults()
        defaults.all = RightsStatement("http://rightsstatements.org/vocab/InC/1.0/")
        let withDefault = ItemMARCRecord.record(
            ItemAvailability(item: try item("so-1", title: "Sổ một"), access: .public, withdrawnAt: nil, collectionType: nil),
            itemPage: nil, rights: defaults, holdingIsShared: false)
        XCTAssertEqual(
            subfields(withDefault, "540"), ["  |$a Có bản quyền (In Copyright) $u http://rightsstatements.org/vocab/InC/1.0/"],
            "server.yaml's rights for an item without its own, as in its Dublin Core")
    }

    func testARestrictedManuscriptIssueOfASerial() throws {
        var item = try item(
            "bao-lai-chau-12", title: "Báo Lai Châu, số 12", date: "1958-03-15", language: "vie+blt", type: "bản thảo",
            metadata: ["rights": "Chỉ dùng tại thư viện"])
        (item.serial, item.serialTitle, item.issueDate, item.issueNumber, item.volume) = (
            "bao-lai-chau", "Báo Lai Châu", "1958-03-15", "12", "3"
        )
        let record = ItemMARCRecord.record(
            ItemAvailability(item: item, access: .restricted, withdrawnAt: nil, collectionType: nil),
            itemPage: "https://thuvien.laichau.gov.vn/items/bao-lai-chau-12", holdingIsShared: false)
        XCTAssertEqual(Array(record.leader)[6], "t", "a manuscript (from the item's type)")
        XCTAssertEqual(record.control("008").map { String($0.dropFirst(6).prefix(9)) }, "e19580315", "detailed date")
        XCTAssertEqual(record.control("008").map { String($0.dropFirst(35).prefix(3)) }, "vie")
        XCTAssertEqual(subfields(record, "041"), [" 7|$a vie $a blt $2 iso639-3"], "Tai Dam has no MARC code")
        XCTAssertEqual(subfields(record, "264"), [" 0|$c 1958-03-15"], "a manuscript is produced, not published")
        XCTAssertEqual(subfields(record, "506"), ["1 |$a \(ItemMARCRecord.signInNote) $3 Bản số hóa"])
        XCTAssertEqual(subfields(record, "540"), ["  |$a Chỉ dùng tại thư viện"])
        XCTAssertEqual(subfields(record, "773"), ["0 |$t Báo Lai Châu $g Tập 3, Số 12, 1958-03-15 $o bao-lai-chau"])
        XCTAssertEqual(
            subfields(record, "856"),
            ["41|$3 Bản số hóa $u https://thuvien.laichau.gov.vn/items/bao-lai-chau-12 $z \(ItemMARCRecord.signInNote)"])
    }

    func testAVolumeOfAHoldingOtherItemsAlsoNameGetsItsOwnIdWithTheHoldingIn035() throws {
        let volume = try item("dia-chi-tap-2", title: "Địa chí Lai Châu, tập 2", holdingID: "LCH-0003")
        let record = ItemMARCRecord.record(
            ItemAvailability(item: volume, access: .public, withdrawnAt: nil, collectionType: nil),
            itemPage: "https://thuvien.laichau.gov.vn/items/dia-chi-tap-2", holdingIsShared: true)
        XCTAssertEqual(record.control("001"), "dia-chi-tap-2", "one 001 per item: an OPAC importing on 001 keeps every volume")
        XCTAssertEqual(record.dataFields.map(\.tag), ["024", "035", "245", "856"])
        XCTAssertEqual(subfields(record, "035"), ["  |$a LCH-0003"], "the register's record id, as a system control number")
    }

    func testDatesOfTheFixedField() {
        let cases: [(String?, String)] = [
            (nil, "nuuuuuuuu"), ("1925", "s1925    "), ("[1925]", "s1925    "), ("[1925?]", "s1925    "),
            ("1930-05-02", "e19300502"), ("1930-05", "e193005  "), ("1925-1930", "m19251930"), ("1925 – 1930", "m19251930"),
            ("[192-]", "q19201929"), ("[18--]", "q18001899"), ("khoảng thế kỷ 19", "|||||||||"),
        ]
        for (date, expected) in cases { XCTAssertEqual(ItemMARCRecord.dates(date), expected, date ?? "nil") }
    }

    func testRecordTypesFollowTheCollectionType() {
        XCTAssertEqual(ItemMARCRecord.recordType("manuscript"), "t")
        XCTAssertEqual(ItemMARCRecord.recordType("Thư tịch cổ"), "t")
        XCTAssertEqual(ItemMARCRecord.recordType("map"), "e")
        XCTAssertEqual(ItemMARCRecord.recordType("ảnh"), "k")
        XCTAssertEqual(ItemMARCRecord.recordType("rare-book"), "a")
        XCTAssertEqual(ItemMARCRecord.recordType("Sách"), "a")
        XCTAssertEqual(ItemMARCRecord.recordType(nil), "a")
    }
}
