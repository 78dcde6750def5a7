import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// A batch whose item.yaml has `pagination:` and `contents:`: the METS (XSD-valid) has ORDERLABELs,
/// a logical structMap and a structLink; the PDF has /PageLabels and an outline (read back by qpdf);
/// the catalog has the structure; an edit writes a new version with a PREMIS event naming who.
final class ItemStructureEndToEndTests: XCTestCase {
    static let yaml = """
        title: Địa chí huyện Phong Thổ
        pagination: [{from: 1, label: "Bìa"}, {from: 2, style: roman, start: 1}, {from: 4, style: arabic, start: 1}]
        contents:
          - {title: "Lời nói đầu", page: 2, type: preface}
          - title: "Chương I. Đất và người"
            page: 4
            sections:
              - {title: "1. Sông ngòi", page: 4}
              - {title: "2. Núi non", page: 5}

        """

    private func run(yaml: String, pages: Int, in folder: URL) throws -> (archive: URL, summary: RunSummary) {
        let batch = folder.appendingPathComponent("batch")
        let item = batch.appendingPathComponent("phong-tho")
        try PipelineFixtures.writePages(pages, into: item)
        try Data(yaml.utf8).write(to: item.appendingPathComponent("item.yaml"))
        let archive = folder.appendingPathComponent("archive")
        let options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        return (archive, summary)
    }

    func testPaginationAndContentsReachMETSPDFAndCatalogThenAnEditMakesAVersion() throws {
        let folder = try temporaryFolder(removedAfter: self)
        let (archive, summary) = try run(yaml: Self.yaml, pages: 5, in: folder)
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        let session = try ArchiveSession(folder: archive)
        let objectID = "urn:sohoa:LOCAL:phong-tho"
        let metsURL = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "mets.xml"))
        try SharedChecks.assertValidXML([metsURL])
        let mets = try String(contentsOf: metsURL, encoding: .utf8)
        for label in ["Bìa", "i", "ii", "1", "2"] { XCTAssertTrue(mets.contains("ORDERLABEL=\"\(label)\""), "no ORDERLABEL \(label)") }
        XCTAssertTrue(mets.contains("<mets:structMap TYPE=\"LOGICAL\">"))
        XCTAssertTrue(mets.contains("LABEL=\"2. Núi non\""))
        XCTAssertTrue(mets.contains("<mets:smLink xlink:from=\"LOG_0001\" xlink:to=\"PHYS_0002\"/>"))

        let pdf = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "phong-tho.pdf"))
        let qpdf = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/qpdf"), ["--json", "--json-key=pagelabels", "--json-key=outlines", pdf.path])
        XCTAssertEqual(qpdf.exitCode, 0, qpdf.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(qpdf.stdout.utf8)) as? [String: Any])
        let labels = try XCTUnwrap(json["pagelabels"] as? [[String: Any]])
        XCTAssertEqual(labels.compactMap { $0["index"] as? Int }, [0, 1, 3])
        let outline = try XCTUnwrap(json["outlines"] as? [[String: Any]])
        XCTAssertEqual(outline.compactMap { $0["title"] as? String }, ["Lời nói đầu", "Chương I. Đất và người"])
        XCTAssertEqual(((outline[1]["kids"] as? [[String: Any]]) ?? []).compactMap { $0["destpageposfrom1"] as? Int }, [4, 5])

        let stored = try XCTUnwrap(try session.catalog.structureJSON(itemID: "phong-tho").flatMap(ItemStructure.init(json:)))
        XCTAssertEqual(stored.labels, ["Bìa", "i", "ii", "1", "2"])
        XCTAssertEqual(stored.contents.entries[0].pages, 2...3)

        let before = try XCTUnwrap(try session.root.headState(objectID: objectID))
        var edited = stored
        edited.labels[4] = "2a"
        edited.contents.entries.append(ContentsEntry(title: "Phụ lục", type: "appendix", firstPage: 5))
        let written = try StructureEdit(session: session).apply(itemID: "phong-tho", structure: edited, by: "Lò Thị Mai (mai)")
        XCTAssertEqual(written.version, "v2")
        let revisedURL = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "mets.xml"))
        try SharedChecks.assertValidXML([revisedURL])
        let revised = try String(contentsOf: revisedURL, encoding: .utf8)
        XCTAssertTrue(revised.contains("ORDERLABEL=\"2a\"") && revised.contains("LABEL=\"Phụ lục\""))
        XCTAssertTrue(revised.contains("<premis:eventType>metadata modification</premis:eventType>"))
        XCTAssertTrue(revised.contains("<premis:agentName>Lò Thị Mai (mai)</premis:agentName>"))
        let after = try XCTUnwrap(try session.root.headState(objectID: objectID))
        XCTAssertEqual(
            Set(after.filter { $0.value != before[$0.key] }.keys), ["mets.xml", "phong-tho.pdf", "reading/phong-tho.pdf"],
            "only METS and the PDFs change")
        let revisedPDF = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "phong-tho.pdf"))
        XCTAssertTrue(try Data(contentsOf: revisedPDF).starts(with: try Data(contentsOf: pdf)), "an incremental update keeps every byte")
        let check = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/qpdf"), ["--check", revisedPDF.path])
        XCTAssertEqual(check.exitCode, 0, check.stdout + check.stderr)
        XCTAssertFalse((check.stdout + check.stderr).contains("WARNING"), check.stdout + check.stderr)
        let revisedRun = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/qpdf"), ["--json", "--json-key=pagelabels", "--json-key=outlines", revisedPDF.path])
        let revisedJSON = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(revisedRun.stdout.utf8)) as? [String: Any])
        let revisedLabels = try XCTUnwrap(revisedJSON["pagelabels"] as? [[String: Any]])
        XCTAssertEqual(revisedLabels.compactMap { $0["index"] as? Int }, [0, 1, 3, 4])
        XCTAssertEqual(((revisedLabels[3]["label"] as? [String: Any])?["/P"]) as? String, "u:2a")
        let revisedOutline = try XCTUnwrap(revisedJSON["outlines"] as? [[String: Any]])
        XCTAssertEqual(revisedOutline.compactMap { $0["title"] as? String }, ["Lời nói đầu", "Chương I. Đất và người", "Phụ lục"])
        if (try? SharedChecks.tool("validate-pdf")) != nil { try SharedChecks.assertValid("validate-pdf", [revisedPDF.path]) }
        XCTAssertEqual(try session.catalog.item(id: "phong-tho")?.ocflVersion, "v2")
        XCTAssertEqual(try session.catalog.structureJSON(itemID: "phong-tho").flatMap(ItemStructure.init(json:))?.label(ofPage: 5), "2a")
        let ocfl = try SharedChecks.run("validate-ocfl", [archive.path])
        XCTAssertEqual(ocfl.exitCode, 0, ocfl.output)

        let again = try StructureEdit(session: session).apply(itemID: "phong-tho", structure: edited, by: "Lò Thị Mai (mai)")
        XCTAssertTrue(again.unchanged)
    }

    func testARulePastTheLastPageRefusesTheItemNamingItemYAML() throws {
        let folder = try temporaryFolder(removedAfter: self)
        let yaml = "title: Sách\npagination: [{from: 1, label: \"Bìa\"}, {from: 9, style: arabic}]\n"
        let (_, summary) = try run(yaml: yaml, pages: 3, in: folder)
        let reasons = summary.snapshot.failures.map(\.reason).joined(separator: "\n")
        XCTAssertTrue(reasons.contains("item.yaml") && reasons.contains("page 9") && reasons.contains("only 3 pages"), reasons)
    }

    func testShortPaginationFormAndAContentsCSVBesideItemYAML() throws {
        let item = try temporaryFolder(removedAfter: self).appendingPathComponent("bao")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try Data("title: Báo\npagination: {1: Bìa, 2: i, 4: 1, 6: 12a}\n".utf8).write(to: item.appendingPathComponent("item.yaml"))
        try Data("level,title,page\n1,Thời sự,2\n2,Tin tỉnh,3\n1,Văn hóa,5\n".utf8).write(to: item.appendingPathComponent("contents.csv"))
        let metadata = try ItemMetadata.load(itemFolder: item, table: ItemMetadataTable(), itemID: "bao")
        let structure = try metadata.structure(pageCount: 7, source: "item.yaml")
        XCTAssertEqual(structure.labels, ["Bìa", "i", "ii", "1", "2", "12a", "12b"])
        XCTAssertEqual(structure.contents.entries.map(\.title), ["Thời sự", "Văn hóa"])
        XCTAssertEqual(structure.contents.entries[0].sections.map(\.pages), [3...4])
        try Data("title: Báo\ncontents: [{title: A, page: 1}]\n".utf8).write(to: item.appendingPathComponent("item.yaml"))
        XCTAssertThrowsError(try ItemMetadata.load(itemFolder: item, table: ItemMetadataTable(), itemID: "bao")) {
            XCTAssertTrue("\($0)".contains("item.yaml has contents too"), "\($0)")
        }
    }
}
