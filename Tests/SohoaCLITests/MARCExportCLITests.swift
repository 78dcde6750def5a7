import Foundation
import SohoaTesting
import XCTest

/// `sohoa export --format marc|marcxml` as a librarian runs it for the OPAC: one record per public
/// item, the MARCXML valid for `validate-xml` (MARC21slim 1.2), the ISO 2709 file read back by pymarc
/// with the same fields and subfields as the MARCXML.
final class MARCExportCLITests: XCTestCase {
    func testMARCAndMARCXMLOfAnImageOnlyBatchAgreeAndValidate() throws {
        _ = try SharedChecks.tool("validate-xml")
        let venv = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/bash"), [Sohoa.packageRoot.appendingPathComponent("scripts/python-venv.sh").path, "marc"])
        guard venv.exitCode == 0 else { throw XCTSkip("no pymarc virtualenv (scripts/python-venv.sh marc): \(venv.stderr)") }
        let python = URL(fileURLWithPath: venv.stdout.trimmingCharacters(in: .whitespacesAndNewlines))

        // Four one-page items archived without OCR: one linked to the register, one restricted
        // manuscript in Tai Dam, one closed, one with 3,000 subjects (a record over ISO 2709's 99,999 bytes).
        let folder = try temporaryFolder("sohoa-marc-cli")
        let batch = folder.appendingPathComponent("batch")
        let page = Sohoa.packageRoot.appendingPathComponent("SampleScans/bao-lai-chau-1998/trang-1.tif")
        let items = [
            "dia-chi": """
            title: "Địa chí Lai Châu: <trích> & phụ lục"
            creator: "Nguyễn, Văn Huyên; Đặng Nghiêm Vạn"
            date: "1925"
            language: vie
            subject: "Lai Châu; Dân tộc Thái"
            holding-id: LCH-0003
            description: "Sách viết về địa lý và lịch sử tỉnh Lai Châu."
            rights: http://rightsstatements.org/vocab/NoC-NC/1.0/

            """,
            "thu-tich": "title: Thư tịch cổ Thái đen\ntype: bản thảo\nlanguage: blt\ndate: \"[18--]\"\naccess: restricted\n",
            "so-mat": "title: Sổ mật\naccess: closed\n",
            "chu-de":
                "title: Nhiều chủ đề\nsubject: \"\((1...3000).map { "Chủ đề số \($0) về lịch sử địa phương" }.joined(separator: "; "))\"\n",
        ]
        for (item, yaml) in items {
            let itemFolder = batch.appendingPathComponent(item)
            try FileManager.default.createDirectory(at: itemFolder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: page, to: itemFolder.appendingPathComponent("trang-1.tif"))
            try Data(yaml.utf8).write(to: itemFolder.appendingPathComponent("item.yaml"))
        }
        let archive = folder.appendingPathComponent("archive").path
        let run = try Sohoa.run(["run", batch.path, "--archive", archive, "--pipeline", "Pipelines/image-only.yaml", "--library", "LCH"])
        XCTAssertEqual(run.exitCode, 0, run.stdout + run.stderr)

        let out = folder.appendingPathComponent("out")
        let noURL = try Sohoa.run(["export", "--all", "--format", "marc", "--out", out.path, "--archive", archive])
        XCTAssertEqual(noURL.exitCode, 2, noURL.stderr)
        XCTAssertTrue(noURL.stderr.contains("--public-url"), noURL.stderr)

        var files: [String: URL] = [:]
        for format in ["marc", "marcxml"] {
            let export = try Sohoa.run([
                "export", "--all", "--format", format, "--out", out.path, "--public-url", "https://thuvien.laichau.gov.vn/",
                "--archive", archive,
            ])
            XCTAssertEqual(export.exitCode, 1, "a partial export: one record could not be written\n" + export.stderr)
            XCTAssertTrue(
                export.stderr.contains("2 biểu ghi MARC 21; bỏ qua 1 tài liệu đóng hoặc đã rút (không có trang cho bạn đọc): so-mat"),
                export.stderr)
            XCTAssertTrue(
                export.stderr.contains(
                    "chu-de: biểu ghi MARC 21 vượt giới hạn của ISO 2709 (99.999 byte một biểu ghi, 9.999 byte một trường), đã bỏ qua: the record is "
                ), export.stderr)
            files[format] = URL(fileURLWithPath: export.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let mrc = try XCTUnwrap(files["marc"])
        let xmlFile = try XCTUnwrap(files["marcxml"])
        XCTAssertEqual(mrc.lastPathComponent, "marc21.mrc")
        XCTAssertEqual(xmlFile.lastPathComponent, "marc21.xml")

        try SharedChecks.assertValidXML([xmlFile])

        let readBack = try ProcessRunner.run(
            python, [Sohoa.packageRoot.appendingPathComponent("Tests/MARC/pymarc_read_back.py").path, mrc.path, xmlFile.path])
        XCTAssertEqual(readBack.exitCode, 0, readBack.stdout + readBack.stderr)
        let summary = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(readBack.stdout.utf8)) as? [String: Any], readBack.stdout + readBack.stderr)
        XCTAssertEqual(summary["records"] as? Int, 2)
        XCTAssertEqual(summary["ids"] as? [String], ["LCH-0003", "thu-tich"], "the register's record id where there is a holding")
        XCTAssertEqual(
            summary["first"] as? [String],
            ["001", "005", "008", "024", "041", "100", "245", "264", "520", "540", "650", "650", "700", "856"])

        let xml = try String(contentsOf: xmlFile, encoding: .utf8)
        for expected in [
            "<subfield code=\"a\">Địa chí Lai Châu: &lt;trích&gt; &amp; phụ lục</subfield>",
            "<datafield tag=\"856\" ind1=\"4\" ind2=\"1\">\n    <subfield code=\"3\">Bản số hóa</subfield>\n"
                + "    <subfield code=\"u\">https://thuvien.laichau.gov.vn/items/dia-chi</subfield>",
            "<datafield tag=\"041\" ind1=\" \" ind2=\"7\">\n    <subfield code=\"a\">blt</subfield>",
            "<subfield code=\"z\">Bạn đọc cần đăng nhập để xem (sign-in required)</subfield>",
        ] {
            XCTAssertTrue(xml.contains(expected), "\(expected) not in\n\(xml)")
        }
        XCTAssertFalse(xml.contains("Sổ mật"), "a closed item is never exported for the OPAC")
        let leaders = xml.matches(of: /<leader>([^<]*)<\/leader>/).map { String($0.output.1) }
        XCTAssertEqual(leaders.map { Array($0)[9] }, ["a", "a"])
        XCTAssertEqual(leaders.map { Array($0)[6] }, ["a", "t"])
    }
}
