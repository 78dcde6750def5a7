import Foundation
import SohoaText
import XCTest

@testable import SohoaArchive

final class PageLabelRulesTests: XCTestCase {
    func testCoverRomanFrontMatterThenArabic() throws {
        let rules = try PageLabelRules(
            yaml: [["from": 1, "label": "Bìa"], ["from": 2, "style": "roman", "start": 1], ["from": 6, "style": "arabic", "start": 1]],
            source: "item.yaml")
        let labels = try rules.labels(pageCount: 8, source: "item.yaml")
        XCTAssertEqual(labels, ["Bìa", "i", "ii", "iii", "iv", "1", "2", "3"])
    }

    func testShortFormInfersStyleFromTheFirstLabel() throws {
        let rules = try PageLabelRules(
            yaml: [1: "Bìa", 2: "III", 4: "5", 6: "Trang trắng", 7: "12b"] as [AnyHashable: Any], source: "item.yaml")
        let labels = try rules.labels(pageCount: 9, source: "item.yaml")
        XCTAssertEqual(labels, ["Bìa", "III", "IV", "5", "6", "Trang trắng", "12b", "13a", "13b"])
    }

    func testLeavesAndUnnumberedPagesWithTo() throws {
        let rules = PageLabelRules([
            PageLabelRule(from: 2, to: 3, style: .fixed, label: "Trang trắng"),
            PageLabelRule(from: 5, style: .leaves, start: 12),
        ])
        let labels = try rules.labels(pageCount: 8, source: "item.yaml")
        XCTAssertEqual(labels, [nil, "Trang trắng", "Trang trắng", nil, "12a", "12b", "13a", "13b"])
    }

    func testPrefixAndUpperRoman() throws {
        let rules = try PageLabelRules(
            yaml: [["from": 1, "style": "ROMAN", "start": "iv"], ["from": 3, "style": "arabic", "prefix": "PL "]], source: "item.yaml")
        XCTAssertEqual(try rules.labels(pageCount: 4, source: "item.yaml"), ["IV", "V", "PL 1", "PL 2"])
    }

    func testRulePastTheLastPageIsRefusedNamingTheFile() {
        let rules = PageLabelRules([PageLabelRule(from: 1, firstLabel: "Bìa"), PageLabelRule(from: 12, firstLabel: "1")])
        XCTAssertThrowsError(try rules.labels(pageCount: 10, source: "/lô/sach/item.yaml")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("/lô/sach/item.yaml"), text)
            XCTAssertTrue(text.contains("page 12") && text.contains("only 10 pages"), text)
        }
    }

    func testBadRulesAreRefusedWithPlainMessages() {
        XCTAssertThrowsError(try PageLabelRules(yaml: [["from": 2, "style": "hex"]], source: "item.yaml")) {
            XCTAssertTrue("\($0)".contains("style 'hex'"), "\($0)")
        }
        XCTAssertThrowsError(try PageLabelRules(yaml: [["style": "roman"]], source: "item.yaml")) {
            XCTAssertTrue("\($0)".contains("needs 'from:'"), "\($0)")
        }
        XCTAssertThrowsError(try PageLabelRules(yaml: [["from": 1, "colour": "red"]], source: "item.yaml")) {
            XCTAssertTrue("\($0)".contains("unknown key 'colour'"), "\($0)")
        }
        XCTAssertThrowsError(try PageLabelRules([PageLabelRule(from: 3, to: 2, firstLabel: "1")]).labels(pageCount: 5, source: "x")) {
            XCTAssertTrue("\($0)".contains("'to: 2'"), "\($0)")
        }
    }

    func testRomanNumerals() {
        XCTAssertEqual((1...12).compactMap(RomanNumeral.text), ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"])
        XCTAssertEqual(RomanNumeral.value("XLIV"), 44)
        XCTAssertNil(RomanNumeral.value("iiii"))
        XCTAssertNil(RomanNumeral.value("Bìa"))
        XCTAssertNil(RomanNumeral.value("Xi"))
    }
}
