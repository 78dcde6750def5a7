import Foundation
import XCTest

@testable import SohoaArchive

final class ItemContentsTests: XCTestCase {
    static var yaml: [Any] {
        [
            ["title": "Lời nói đầu", "page": 3, "type": "preface"],
            [
                "title": "Chương I. Địa lý", "page": 5,
                "sections": [["title": "1. Sông ngòi", "page": 6], ["title": "2. Núi non", "page": 8, "to": 9]],
            ],
            ["title": "Phụ lục", "page": 11, "type": "appendix"],
        ]
    }

    func testNestingAndLastPagesFromTheNextSection() throws {
        let contents = try ItemContents(yaml: Self.yaml, source: "item.yaml").resolved(pageCount: 12, source: "item.yaml")
        XCTAssertEqual(contents.entries.map(\.title), ["Lời nói đầu", "Chương I. Địa lý", "Phụ lục"])
        XCTAssertEqual(contents.entries.map(\.pages), [3...4, 5...10, 11...12])
        XCTAssertEqual(contents.entries[0].type, "preface")
        XCTAssertEqual(contents.entries[1].sections.map(\.pages), [6...7, 8...9])
    }

    func testFlattenedKeepsReadingOrderAndDepth() throws {
        let contents = try ItemContents(yaml: Self.yaml, source: "item.yaml")
        XCTAssertEqual(contents.flattened.map(\.depth), [0, 0, 1, 1, 0])
        XCTAssertEqual(contents.flattened.map(\.entry.title)[2], "1. Sông ngòi")
    }

    func testPageOutOfRangeIsRefused() throws {
        let contents = try ItemContents(yaml: Self.yaml, source: "item.yaml")
        XCTAssertThrowsError(try contents.resolved(pageCount: 10, source: "/lô/sach/item.yaml")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("/lô/sach/item.yaml") && text.contains("'Phụ lục' starts at page 11"), text)
            XCTAssertTrue(text.contains("pages 1 to 10"), text)
        }
    }

    func testSubSectionOutsideItsSectionIsRefused() {
        let contents = ItemContents([
            ContentsEntry(title: "Chương I", firstPage: 2, lastPage: 4, sections: [ContentsEntry(title: "Mục 1", firstPage: 6)])
        ])
        XCTAssertThrowsError(try contents.resolved(pageCount: 10, source: "item.yaml")) {
            XCTAssertTrue("\($0)".contains("'Mục 1' starts at page 6, outside its section"), "\($0)")
        }
    }

    func testSectionsOutOfOrderAreRefused() {
        let contents = ItemContents([ContentsEntry(title: "B", firstPage: 5), ContentsEntry(title: "A", firstPage: 2)])
        XCTAssertThrowsError(try contents.resolved(pageCount: 10, source: "item.yaml")) {
            XCTAssertTrue("\($0)".contains("list sections in page order"), "\($0)")
        }
    }

    func testLevelsMakeATree() throws {
        let rows: [(level: Int, entry: ContentsEntry)] = [
            (1, ContentsEntry(title: "Phần 1", firstPage: 1)), (2, ContentsEntry(title: "Chương 1", firstPage: 1)),
            (3, ContentsEntry(title: "Mục a", firstPage: 2)), (2, ContentsEntry(title: "Chương 2", firstPage: 3)),
            (1, ContentsEntry(title: "Phần 2", firstPage: 4)),
        ]
        let contents = try ItemContents(levels: rows, source: "form")
        XCTAssertEqual(contents.entries.map(\.title), ["Phần 1", "Phần 2"])
        XCTAssertEqual(contents.entries[0].sections.map(\.title), ["Chương 1", "Chương 2"])
        XCTAssertEqual(contents.entries[0].sections[0].sections.map(\.title), ["Mục a"])
        XCTAssertThrowsError(try ItemContents(levels: [(2, ContentsEntry(title: "x", firstPage: 1))], source: "form")) {
            XCTAssertTrue("\($0)".contains("level 2 must be 1"), "\($0)")
        }
    }

    func testUnknownKeyAndMissingPageAreRefused() {
        XCTAssertThrowsError(try ItemContents(yaml: [["title": "A", "pages": 3]], source: "item.yaml")) {
            XCTAssertTrue("\($0)".contains("unknown key 'pages'"), "\($0)")
        }
        XCTAssertThrowsError(try ItemContents(yaml: [["title": "A"]], source: "item.yaml")) {
            XCTAssertTrue("\($0)".contains("needs 'page:'"), "\($0)")
        }
    }

    func testStructureJSONRoundTrip() throws {
        let contents = try ItemContents(yaml: Self.yaml, source: "item.yaml")
        let structure = try ItemStructure(
            rules: PageLabelRules([PageLabelRule(from: 1, firstLabel: "Bìa"), PageLabelRule(from: 2, firstLabel: "1")]),
            contents: contents, pageCount: 12, source: "item.yaml")
        XCTAssertEqual(ItemStructure(json: structure.json), structure)
        XCTAssertEqual(structure.label(ofPage: 1), "Bìa")
        XCTAssertEqual(structure.label(ofPage: 12), "11")
        XCTAssertNil(structure.label(ofPage: 13))
    }
}
