import Foundation
import SohoaTesting
import XCTest

@testable import SohoaCollection

/// ISO 2709 and MARCXML writing: lengths and positions in bytes (Vietnamese letters take two or
/// three), escaping, refusals, and records read back by sohoa's own MARC readers.
final class MARCWriterTests: XCTestCase {
    func testLeaderAndDirectoryCountBytesNotCharactersForVietnameseText() throws {
        let title = "Địa chí Lai Châu"
        XCTAssertEqual(title.count, 16)
        XCTAssertEqual(title.utf8.count, 21, "Đ 2 bytes, ị 3, í 2, â 2")
        let record = MARCRecord(
            leader: ItemMARCRecord.leader(status: "n", type: "a"), controlFields: [("001", "LCH-0001")],
            dataFields: [.init(tag: "245", indicators: "10", subfields: [(code: Character("a"), value: title)])])
        let bytes = [UInt8](try MARCWriter.data(record))
        // 001: 8 + terminator = 9 bytes; 245: 2 indicators + 0x1F a + 21 + terminator = 26 bytes.
        // Base address: 24 + 2 × 12 + 1 = 49; record: 49 + 9 + 26 + 1 = 85 bytes.
        XCTAssertEqual(bytes.count, 85)
        XCTAssertEqual(String(decoding: bytes[0..<24], as: UTF8.self), "00085nam a22000493  4500")
        XCTAssertEqual(String(decoding: bytes[24..<48], as: UTF8.self), "001000900000" + "245002600009")
        XCTAssertEqual(bytes[48], 0x1E)
        XCTAssertEqual(String(decoding: bytes[49..<58], as: UTF8.self), "LCH-0001\u{1E}")
        XCTAssertEqual(Array(bytes[58..<62]), [0x31, 0x30, 0x1F, 0x61])
        XCTAssertEqual(String(decoding: bytes[62..<83], as: UTF8.self), title)
        XCTAssertEqual(Array(bytes[83...]), [0x1E, 0x1D])
        XCTAssertEqual(try MARCWriter.leader(for: record), "00085nam a22000493  4500")

        guard case .record(let read, let encoding, let warning)? = MARCReader.read(Data(bytes)).first else {
            return XCTFail("sohoa's ISO 2709 reader refused the record")
        }
        XCTAssertEqual(encoding, "UTF-8")
        XCTAssertNil(warning)
        var expected = record
        expected.leader = "00085nam a22000493  4500"
        XCTAssertEqual(read, expected)
    }

    func testAFileOfSeveralRecordsReadsBackRecordByRecord() throws {
        let records = (1...3).map { index in
            MARCRecord(
                leader: ItemMARCRecord.leader(status: "n", type: "t"), controlFields: [("001", "sach-\(index)")],
                dataFields: [
                    .init(
                        tag: "245", indicators: "00",
                        subfields: [(code: Character("a"), value: String(repeating: "Thư tịch cổ Thái đen ", count: index))]),
                    .init(tag: "650", indicators: " 4", subfields: [(code: "a", value: "Dân tộc Thái")]),
                ])
        }
        let outcomes = MARCReader.read(try MARCWriter.data(records))
        XCTAssertEqual(outcomes.count, 3)
        for (outcome, record) in zip(outcomes, records) {
            guard case .record(let read, _, _) = outcome else { return XCTFail("\(outcome)") }
            XCTAssertEqual(read.control("001"), record.control("001"))
            XCTAssertEqual(read.dataFields, record.dataFields)
            XCTAssertEqual(Int(read.leader.prefix(5)), try MARCWriter.data(record).count)
        }
    }

    func testRandomRecordsOfOneToFourByteLettersReadBackUnchangedFromBothForms() throws {
        var random = SplitMix64(seed: 18)
        let letters = Array("aăâđêôơưĐƯỳỹữặẫệ㐀𠀀<>&\"' -–…") + ["e\u{301}"].map { Character($0) }
        let tags = ["041", "100", "245", "520", "650", "700", "856", "900"]
        for round in 0..<60 {
            func text(_ length: Int) -> String {
                String((0..<length).map { _ in letters[Int(random.next() % UInt64(letters.count))] })
                    .precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
            }
            var record = MARCRecord(
                leader: ItemMARCRecord.leader(status: "n", type: "a"),
                controlFields: [("001", "r-\(round)"), ("008", String(repeating: "|", count: 40))])
            for _ in 0..<Int(random.next() % 12) {
                let subfields = (0..<(1 + Int(random.next() % 4))).map { index in
                    (code: Character(UnicodeScalar(UInt8(0x61 + index))), value: "x" + text(Int(random.next() % 300)))
                }
                record.dataFields.append(
                    .init(
                        tag: tags[Int(random.next() % UInt64(tags.count))], indicators: ["  ", "10", " 4", "41"][round % 4],
                        subfields: subfields))
            }
            let data = try MARCWriter.data(record)
            record.leader = try MARCWriter.leader(for: record)
            XCTAssertEqual(Int(record.leader.prefix(5)), data.count)
            guard case .record(let iso, _, _)? = MARCReader.read(data).first else { return XCTFail("round \(round): refused") }
            XCTAssertEqual(iso, record, "round \(round), ISO 2709")
            let xml = MARCXMLReader.read(Data(MARCXMLWriter.collection([record]).utf8))
            XCTAssertEqual(xml.records.map(\.record), [record], "round \(round), MARCXML")
        }
    }

    func testXMLEscapesMarkupAndReadsBackTheSameValues() throws {
        let record = MARCRecord(
            leader: ItemMARCRecord.leader(status: "c", type: "a"), controlFields: [("001", "a&b<1>")],
            dataFields: [
                .init(
                    tag: "245", indicators: "00",
                    subfields: [(code: "a", value: "Báo <Lai Châu> & \"Điện Biên\" ]]> 'số 1'"), (code: "c", value: "Ban & nhóm")]),
                .init(tag: "856", indicators: "41", subfields: [(code: "u", value: "https://thuvien.vn/items/a?b=1&c=2")]),
            ])
        let xml = MARCXMLWriter.collection([record])
        XCTAssertTrue(xml.contains("<controlfield tag=\"001\">a&amp;b&lt;1&gt;</controlfield>"), xml)
        XCTAssertTrue(
            xml.contains("<subfield code=\"a\">Báo &lt;Lai Châu&gt; &amp; \"Điện Biên\" ]]&gt; 'số 1'</subfield>"), xml)
        XCTAssertTrue(xml.contains("https://thuvien.vn/items/a?b=1&amp;c=2"), xml)
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\""))
        let read = MARCXMLReader.read(Data(xml.utf8))  // sohoa's own UTF-8 output: no preflight needed
        XCTAssertNil(read.error.map { "\($0)" })
        var expected = record
        expected.leader = try MARCWriter.leader(for: record)
        XCTAssertEqual(read.records.map(\.record), [expected])

        let single = MARCXMLWriter.record(record)
        XCTAssertTrue(single.hasPrefix("<record xmlns=\"http://www.loc.gov/MARC21/slim\""), single)
        XCTAssertTrue(single.contains("xsi:schemaLocation=\"http://www.loc.gov/MARC21/slim \(MARCXMLWriter.schema)\""))
    }

    func testControlCharactersAndLineBreaksNeverReachARecord() {
        XCTAssertEqual(ItemMARCRecord.clean("Dòng một\nDòng\u{1F}hai\t\u{1D}  ba\u{0}\u{85}"), "Dòng một Dòng hai ba")
        XCTAssertNil(ItemMARCRecord.clean(" \n\t "))
        XCTAssertEqual(ItemMARCRecord.clean("Hoa\u{300}"), "Hoà", "NFC")
        let long = String(repeating: "Địa chí ", count: 2000)
        let cut = ItemMARCRecord.clean(long)
        XCTAssertLessThanOrEqual(cut?.utf8.count ?? 0, ItemMARCRecord.maximumValueBytes)
        XCTAssertEqual(cut?.hasSuffix("…"), true)
        XCTAssertEqual(String(decoding: Array((cut ?? "").utf8), as: UTF8.self), cut, "cut between characters")
    }

    func testBrokenRecordsAreRefusedWithTheirControlNumber() {
        func refusal(_ record: MARCRecord) -> String {
            do {
                _ = try MARCWriter.data(record)
                return "written"
            } catch {
                return error.description
            }
        }
        let leader = ItemMARCRecord.leader(status: "n", type: "a")
        XCTAssertEqual(
            refusal(
                MARCRecord(
                    leader: leader, controlFields: [("001", "x-1")],
                    dataFields: [.init(tag: "245", indicators: "00", subfields: [(code: "a", value: "a\u{1F}b")])])),
            "MARC record x-1: field 245 holds a MARC delimiter character (0x1D, 0x1E or 0x1F)")
        XCTAssertEqual(
            refusal(
                MARCRecord(
                    leader: leader, controlFields: [("001", "x-2")],
                    dataFields: [
                        .init(tag: "520", indicators: "  ", subfields: [(code: "a", value: String(repeating: "đ", count: 5000))])
                    ])), "MARC record x-2: field 520 is 10005 bytes (at most 9999)")
        let many = (0..<12).map { _ in
            MARCRecord.DataField(tag: "520", indicators: "  ", subfields: [(code: "a", value: String(repeating: "a", count: 9000))])
        }
        XCTAssertTrue(
            refusal(MARCRecord(leader: leader, controlFields: [("001", "x-3")], dataFields: many)).hasPrefix(
                "MARC record x-3: the record is"))
        XCTAssertEqual(
            refusal(MARCRecord(leader: "short", controlFields: [("001", "x-4")])),
            "MARC record x-4: the leader must be 24 ASCII characters, got 'short'")
    }
}
