import Foundation
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

final class BatchInputTests: XCTestCase {
    func testNaturalOrder() {
        let names = ["10.tif", "2.tif", "1.tif", "page-11.png", "page-9.png", "A.tif", "b.tif"]
        XCTAssertEqual(
            names.sorted(by: NaturalOrder.areInIncreasingOrder),
            ["1.tif", "2.tif", "10.tif", "A.tif", "b.tif", "page-9.png", "page-11.png"])
    }

    func testCSVQuotesCommasNewlines() {
        let records = CSVReader.records("item,title\nx,\"Địa chí, tập 1\"\ny,\"dòng \"\"một\"\"\nhai\"\r\nz,T\n")
        XCTAssertEqual(records.map(\.fields), [["item", "title"], ["x", "Địa chí, tập 1"], ["y", "dòng \"một\"\nhai"], ["z", "T"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 3, 5], "a quoted field spanning lines moves the next record's line")
        XCTAssertEqual(CSVReader.separator(guessedFrom: "id;title;năm\n1;a,b;2"), ";")
        XCTAssertEqual(CSVReader.separator(guessedFrom: "id\ttitle\n"), "\t")
    }

    func testItemsCSVWithVietnameseHeaders() throws {
        let folder = try temporaryFolder()
        let csv = "thư mục,nhan đề,tác giả,ngôn ngữ,mã thư viện,holding-id\nsach-1,Lịch sử Lai Châu,Nguyễn Văn A,vie+eng,lch,DC-001\n"
        try Data(csv.utf8).write(to: folder.appendingPathComponent("items.csv"))
        let table = try ItemMetadataTable.load(from: folder.appendingPathComponent("items.csv"))
        let row = try XCTUnwrap(table.row(for: "sach-1"))
        XCTAssertEqual(row.title, "Lịch sử Lai Châu")
        XCTAssertEqual(row.creator, "Nguyễn Văn A")
        XCTAssertEqual(row.languages, ["vie", "eng"])
        XCTAssertEqual(row.libraryCode, "LCH")
        XCTAssertEqual(row.holdingID, "DC-001")
    }

    func testItemsCSVErrorsNameTheLine() throws {
        let folder = try temporaryFolder()
        try Data("item,title,colour\nx,T,red\n".utf8).write(to: folder.appendingPathComponent("items.csv"))
        XCTAssertThrowsError(try ItemMetadataTable.load(from: folder.appendingPathComponent("items.csv"))) { error in
            XCTAssertTrue("\(error)".contains("line 2"), "\(error)")
            XCTAssertTrue("\(error)".contains("colour"), "\(error)")
        }
        try Data([0x69, 0x74, 0x65, 0x6D, 0x0A, 0xC4, 0xE9, 0x0A]).write(to: folder.appendingPathComponent("items.csv"))
        XCTAssertThrowsError(try ItemMetadataTable.load(from: folder.appendingPathComponent("items.csv"))) { error in
            XCTAssertTrue("\(error)".contains("UTF-8"), "\(error)")
        }
    }

    /// Found by fuzzing in CI: a row that stops before the item column crashed the process.
    func testARowWithoutItsItemIsRefusedWithItsLine() throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("items.csv")
        for csv in ["title,item\nLịch sử,a\nTruyện cổ\n", "title,item\nLịch sử, \n"] {
            try Data(csv.utf8).write(to: url)
            XCTAssertThrowsError(try ItemMetadataTable.load(from: url), csv) { error in
                XCTAssertTrue("\(error)".contains("line \(csv.hasSuffix(" \n") ? 2 : 3)"), "\(error)")
                XCTAssertTrue("\(error)".contains("'item' column"), "\(error)")
            }
        }
    }

    func testItemYAMLAndDefaults() throws {
        let folder = try temporaryFolder()
        let yaml = "title: Truyện cổ Thái\nlanguage: [vie, eng]\nsubject: [Dân tộc Thái, Truyện cổ]\nlibrary-code: LCH\n"
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("item.yaml"))
        var metadata = try ItemMetadata.fromYAML(folder.appendingPathComponent("item.yaml"))
        metadata.applyDefaults(itemID: "truyen-co", languages: ["vie"])
        XCTAssertEqual(metadata.title, "Truyện cổ Thái")
        XCTAssertEqual(metadata.languages, ["vie", "eng"])
        XCTAssertEqual(metadata.subject, ["Dân tộc Thái", "Truyện cổ"])
        XCTAssertFalse(metadata.titleFromFolderName)

        var bare = ItemMetadata()
        bare.applyDefaults(itemID: "bao-lai-chau_1998", languages: ["vie"])
        XCTAssertEqual(bare.title, "bao lai chau 1998")
        XCTAssertTrue(bare.titleFromFolderName)
        XCTAssertEqual(bare.languages, ["vie"])

        try Data("title: X\nshelf: 3\n".utf8).write(to: folder.appendingPathComponent("item.yaml"))
        XCTAssertThrowsError(try ItemMetadata.fromYAML(folder.appendingPathComponent("item.yaml"))) { error in
            XCTAssertTrue("\(error)".contains("shelf") && "\(error)".contains("item.yaml"), "\(error)")
        }
    }

    func testMultiPageNamesFollowTheDesign() {
        let pages = BatchPlanner.pages(of: URL(fileURLWithPath: "/b/cong-van.tif"), frames: 3, startingAt: 1)
        XCTAssertEqual(pages.map(\.name), ["cong-van-p0001", "cong-van-p0002", "cong-van-p0003"])
        XCTAssertEqual(pages.map(\.sequence), [1, 2, 3])
        XCTAssertEqual(pages.map(\.frameIndex), [0, 1, 2])
        XCTAssertEqual(BatchPlanner.pages(of: URL(fileURLWithPath: "/b/x/p1.png"), frames: 1, startingAt: 4).map(\.name), ["p1"])
    }

    func testOCRLanguageMapping() {
        XCTAssertEqual(OCRLanguage.tesseractString(for: ["vie"]), "vie")
        XCTAssertEqual(OCRLanguage.tesseractString(for: ["vi", "en"]), "vie+eng")
        XCTAssertNil(OCRLanguage.tesseractString(for: ["none"]))
        XCTAssertNil(OCRLanguage.tesseractString(for: []))
    }
}
