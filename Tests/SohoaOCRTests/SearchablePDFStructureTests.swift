import Foundation
import SohoaImaging
import SohoaOCR
import SohoaTesting
import XCTest

/// The PDF's page labels, read back by qpdf (`--json`), a library nobody here wrote (the outline is
/// read back in `ItemStructureEndToEndTests`).
final class SearchablePDFStructureTests: XCTestCase {
    private func writePDF(pages: Int, labels: [String?]) throws -> URL {
        let url = try temporaryFolder("sohoa-pdf-structure").appendingPathComponent("item.pdf")
        let writer = try SearchablePDFWriter(url: url, title: "Địa chí", producer: "sohoa test", date: WriterFixtures.date)
        let image = try PDFPageImage(raster: Raster(width: 100, height: 140))
        for _ in 0..<pages { try writer.addPage(image: image, dpi: 72, text: .empty(width: 100, height: 140)) }
        writer.pageLabels = labels
        try writer.finish()
        return url
    }

    private func qpdfJSON(_ url: URL) throws -> [String: Any] {
        let check = try TestFixtures.run(try TestFixtures.tool("qpdf"), ["--check", url.path])
        XCTAssertEqual(check.exitCode, 0, check.stdout + check.stderr)
        XCTAssertFalse((check.stdout + check.stderr).contains("WARNING"), check.stdout + check.stderr)
        let result = try TestFixtures.run(
            try TestFixtures.tool("qpdf"), ["--json", "--json-key=pagelabels", "--json-key=outlines", url.path])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func testPageLabelsReadBackAsPrinted() throws {
        let labels: [String?] = ["Bìa", "i", "ii", "iii", "1", "2", "3", "12a", "12b", nil]
        let url = try writePDF(pages: labels.count, labels: labels)
        let json = try qpdfJSON(url)
        let ranges = try XCTUnwrap(json["pagelabels"] as? [[String: Any]])
        XCTAssertEqual(ranges.compactMap { $0["index"] as? Int }, [0, 1, 4, 7, 8, 9])
        let dictionaries = ranges.compactMap { $0["label"] as? [String: Any] }
        XCTAssertEqual(dictionaries[0]["/P"] as? String, "u:Bìa")
        XCTAssertEqual(dictionaries[1]["/S"] as? String, "/r")
        XCTAssertEqual(dictionaries[2]["/S"] as? String, "/D")
        XCTAssertEqual(dictionaries[2]["/St"] as? Int ?? 1, 1)
        XCTAssertEqual(dictionaries[3]["/P"] as? String, "u:12a")
        XCTAssertEqual(dictionaries[5]["/S"] as? String, "/D")
        XCTAssertEqual(dictionaries[5]["/St"] as? Int, 10)
    }
}
