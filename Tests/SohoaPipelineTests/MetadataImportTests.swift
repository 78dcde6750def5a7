import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// The metadata CSV round trip (issue 14): export, change three items as a spreadsheet saves them
/// (BOM, `;`), a dry run that lists exactly those changes, then one new version per changed item;
/// a bad row is named by line and column and nothing is written.
final class MetadataImportTests: XCTestCase {
    private static let items = ["a-sach", "b-bao", "c-tap-chi", "d-ban-do"]

    private func archive() throws -> (URL, ArchiveSession) {
        let archive = try ArchiveTestBatch.archive(items: Self.items, pages: 1, in: try temporaryFolder())
        return (archive, try ArchiveSession(folder: archive))
    }

    private func versions(_ session: ArchiveSession) throws -> [String: String] {
        var versions: [String: String] = [:]
        for item in Self.items {
            versions[item] = try XCTUnwrap(try session.root.head(objectID: "urn:sohoa:LOCAL:\(item)")).version
        }
        return versions
    }

    /// The exported CSV as a spreadsheet saves it with `;`: every field quoted where needed.
    private func semicolons(_ rows: [[String]]) -> String {
        "\u{FEFF}"
            + rows.map { row in
                row.map { $0.contains(";") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                    .joined(separator: ";")
            }.joined(separator: "\r\n") + "\r\n"
    }

    func testExportChangeThreeItemsDryRunThenApply() throws {
        let (archive, session) = try archive()
        let editor = MetadataEditor(session: session)
        let exported = MetadataCSV.export(try editor.archivedDescriptions())
        XCTAssertTrue(exported.hasPrefix("\u{FEFF}item,title,alternative-title,creator,"), String(exported.prefix(80)))
        var rows = CSVReader.records(String(exported.dropFirst())).map(\.fields)
        XCTAssertEqual(rows.count, 1 + Self.items.count)
        let column = { (name: String) in try XCTUnwrap(rows[0].firstIndex(of: name)) }
        // Three items change: a title with tone marks, a date, rights and access; the fourth stays.
        rows[1][try column("title")] = "Địa chí Lai Châu"
        rows[1][try column("creator")] = "Đỗ Văn Hùng; Lò Văn Mười"
        rows[2][try column("date")] = "[192-]"
        rows[3][try column("rights")] = "https://rightsstatements.org/vocab/NoC-NC/1.0"
        rows[3][try column("access")] = "hạn chế"
        let before = try versions(session)

        let importer = MetadataImport(editor: editor)
        let plan = try importer.plan(semicolons(rows))
        XCTAssertEqual(plan.problems, [])
        XCTAssertEqual(plan.unchanged, 1)
        XCTAssertEqual(plan.edits.map(\.edit.itemID), ["a-sach", "b-bao", "c-tap-chi"])
        XCTAssertEqual(plan.edits.map { $0.changes.map(\.field) }, [[.title, .creator], [.date], [.rights, .access]])
        XCTAssertEqual(plan.edits[0].changes[0].new, "Địa chí Lai Châu")
        XCTAssertEqual(plan.edits[2].changes[0].new, "http://rightsstatements.org/vocab/NoC-NC/1.0/")
        XCTAssertTrue(plan.text.contains("title: \"a sach\" → \"Địa chí Lai Châu\""), plan.text)
        XCTAssertEqual(try versions(session), before, "a dry run writes nothing")

        let results = try importer.apply(plan, by: "Lò Thị Mai")
        XCTAssertEqual(results.compactMap(\.written?.version), ["v2", "v2", "v2"])
        let after = try versions(session)
        XCTAssertEqual(after, ["a-sach": "v2", "b-bao": "v2", "c-tap-chi": "v2", "d-ban-do": before["d-ban-do"]])

        // The archive: dc.xml and the METS description follow, with the PREMIS event naming who.
        let objectID = "urn:sohoa:LOCAL:a-sach"
        let dc = try String(contentsOf: XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "dc.xml")), encoding: .utf8)
        XCTAssertTrue(dc.contains("<dc:title>Địa chí Lai Châu</dc:title>"), dc)
        let metsURL = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "mets.xml"))
        let mets = try String(contentsOf: metsURL, encoding: .utf8)
        XCTAssertTrue(mets.contains("<mods:title>Địa chí Lai Châu</mods:title>"))
        XCTAssertTrue(mets.contains("<premis:eventType>metadata modification</premis:eventType>"))
        XCTAssertTrue(mets.contains("<premis:agentName>Lò Thị Mai</premis:agentName>"))
        XCTAssertFalse(mets.contains("<dc:title>a sach</dc:title>") || mets.contains("LABEL=\"a sach\""), "the old title is gone")
        XCTAssertTrue(mets.contains("LABEL=\"Địa chí Lai Châu\""))
        let rightsMETS = try String(
            contentsOf: XCTUnwrap(try session.root.contentURL(objectID: "urn:sohoa:LOCAL:c-tap-chi", logicalPath: "mets.xml")),
            encoding: .utf8)
        XCTAssertTrue(
            rightsMETS.contains(
                "<mods:accessCondition type=\"use and reproduction\">http://rightsstatements.org/vocab/NoC-NC/1.0/</mods:accessCondition>"))
        try SharedChecks.assertValidXML([metsURL])
        let ocfl = try SharedChecks.run("validate-ocfl", [archive.path])
        XCTAssertEqual(ocfl.exitCode, 0, ocfl.output)

        // The catalog: the item record, the access level and an event.
        let item = try XCTUnwrap(try session.catalog.item(id: "a-sach"))
        XCTAssertEqual(item.title, "Địa chí Lai Châu")
        XCTAssertEqual(item.ocflVersion, "v2")
        XCTAssertEqual(try session.catalog.access(itemID: "c-tap-chi"), .restricted)
        XCTAssertEqual(try session.catalog.item(id: "b-bao")?.date, "[192-]")

        // Importing the same file again changes nothing.
        let again = try importer.plan(semicolons(rows))
        XCTAssertEqual(again.edits.count, 0)
        XCTAssertEqual(again.unchanged, 4)
    }

    func testABadRowIsNamedAndNothingIsWritten() throws {
        let (_, session) = try archive()
        let before = try versions(session)
        let csv = """
            item;title;date;rights;access
            a-sach;Sách mới;1925;;public
            khong-co;Không có;1925;;public
            b-bao;Báo;1925-13-01;;public
            c-tap-chi;Tạp chí;1930;http://example.org/rights;mở

            """
        let importer = MetadataImport(editor: MetadataEditor(session: session))
        let plan = try importer.plan(csv)
        XCTAssertEqual(plan.edits.map(\.edit.itemID), ["a-sach"])
        XCTAssertEqual(plan.problems.map { "\($0.line):\($0.column ?? 0)" }, ["3:1", "4:3", "5:4", "5:5"])
        XCTAssertTrue(plan.problems[0].message.contains("no archived item 'khong-co'"), plan.problems[0].message)
        XCTAssertTrue(plan.problems[1].message.contains("'1925-13-01' is not a date"), plan.problems[1].message)
        XCTAssertTrue(plan.text.contains("bad: line 4, column 3: date:"), plan.text)
        XCTAssertThrowsError(try importer.apply(plan, by: "Lò Thị Mai"))
        XCTAssertEqual(try versions(session), before, "nothing is written while a row is bad")

        let skipped = try importer.apply(plan, by: "Lò Thị Mai", skippingBad: true)
        XCTAssertEqual(skipped.compactMap(\.written?.version), ["v2"])
        XCTAssertEqual(try session.catalog.item(id: "a-sach")?.title, "Sách mới")
    }

    func testAnEditOnAnOlderVersionIsAConflict() throws {
        let (_, session) = try archive()
        let editor = MetadataEditor(session: session)
        var description = try XCTUnwrap(try editor.description(of: "a-sach"))
        description.title = "Một"
        _ = try editor.apply(MetadataEdit(itemID: "a-sach", description: description, basedOn: "v1"), by: "Mai")
        description.title = "Hai"
        XCTAssertThrowsError(try editor.apply(MetadataEdit(itemID: "a-sach", description: description, basedOn: "v1"), by: "Lan")) {
            guard case .conflict(_, "v1", "v2") = $0 as? MetadataEditError else { return XCTFail("\($0)") }
        }
        XCTAssertEqual(try session.catalog.item(id: "a-sach")?.title, "Một")
    }
}
