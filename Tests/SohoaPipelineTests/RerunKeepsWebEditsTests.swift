import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// A re-run that writes a new version of an item keeps what archivists edited on the web since its
/// last ingest (issue 14): the fields edited (through the metadata CSV import here) and the page
/// labels win over a changed item.yaml, the run's warnings name the item and the fields, fields not
/// edited on the web follow item.yaml, the next re-run keeps them still, and `--metadata-from-files`
/// takes item.yaml.
final class RerunKeepsWebEditsTests: XCTestCase {
    private let objectID = "urn:sohoa:LOCAL:dia-chi"

    private func run(_ batch: URL, _ archive: URL, _ catalog: RunCatalog, fromFiles: Bool = false) throws -> RunSummary {
        var options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        options.metadataFromFiles = fromFiles
        options.catalog = catalog.option
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        return summary
    }

    private func dc(_ session: ArchiveSession) throws -> String {
        let url = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "dc.xml"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    func testARerunKeepsWebEditsWarnsAndTakesItemYAMLOnlyWhenAsked() throws {
        try RunCatalog.onEachBackend(self) { runCatalog in
            let folder = try temporaryFolder(removedAfter: self)
            let batch = folder.appendingPathComponent("batch")
            let item = batch.appendingPathComponent("dia-chi")
            let archive = folder.appendingPathComponent("archive")
            let yaml = item.appendingPathComponent("item.yaml")
            try PipelineFixtures.writePages(1, into: item)
            try Data("title: Địa chí Phong Thổ\ndate: \"1960\"\npagination: {1: \"Bìa\"}\n".utf8).write(to: yaml)
            _ = try run(batch, archive, runCatalog)
            let catalog = try runCatalog.catalog(archive: archive)
            let session = try ArchiveSession(folder: archive) { () throws(CatalogError) in catalog }

            // An archivist mends the title through the metadata CSV, and labels the page on the web.
            let editor = MetadataEditor(session: session)
            var rows = CSVReader.records(String(MetadataCSV.export(try editor.archivedDescriptions()).dropFirst())).map(\.fields)
            let title = try XCTUnwrap(rows[0].firstIndex(of: "title"))
            rows[1][title] = "Địa chí huyện Phong Thổ"
            let csv = rows.map { $0.map { "\"\($0)\"" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
            let plan = try MetadataImport(editor: editor).plan(csv)
            XCTAssertEqual(plan.edits.map { $0.changes.map(\.field) }, [[.title]])
            _ = try MetadataImport(editor: editor).apply(plan, by: "Lò Thị Mai")
            _ = try StructureEdit(session: session).apply(
                itemID: "dia-chi", structure: ItemStructure(labels: ["Bìa trước"]), by: "Lò Thị Mai")

            // Scanning staff add a page and change item.yaml's title and date, then run the batch again.
            try PipelineFixtures.writePages(2, into: item)
            try Data("title: Địa chí Phong Thổ (bản in)\ndate: \"1961\"\npagination: {1: \"Bìa\"}\n".utf8).write(to: yaml)
            let rerun = try run(batch, archive, runCatalog)
            XCTAssertEqual(try session.root.head(objectID: objectID)?.version, "v4")
            let warning = try XCTUnwrap(rerun.snapshot.warnings.first { $0.hasPrefix("dia-chi: ") }, "\(rerun.snapshot.warnings)")
            XCTAssertTrue(warning.contains("title “Địa chí huyện Phong Thổ” (item.yaml: “Địa chí Phong Thổ (bản in)”)"), warning)
            XCTAssertTrue(warning.contains("--metadata-from-files"), warning)
            XCTAssertFalse(warning.contains("date"), "the date was not edited on the web: item.yaml's is taken")
            var text = try dc(session)
            XCTAssertTrue(text.contains("<dc:title>Địa chí huyện Phong Thổ</dc:title>"), text)
            XCTAssertTrue(text.contains("<dc:date>1961</dc:date>"), text)
            XCTAssertEqual(try session.catalog.item(id: "dia-chi")?.title, "Địa chí huyện Phong Thổ", runCatalog.backend.rawValue)
            let structure = try XCTUnwrap(try session.catalog.structureJSON(itemID: "dia-chi").flatMap(ItemStructure.init(json:)))
            XCTAssertEqual(structure.labels, ["Bìa trước", nil])
            let metsURL = try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "mets.xml"))
            // The METS does not depend on the catalog's engine: validated once.
            if runCatalog.backend == .sqlite { try SharedChecks.assertValidXML([metsURL]) }
            let mets = try String(contentsOf: metsURL, encoding: .utf8)
            XCTAssertTrue(mets.contains("ORDERLABEL=\"Bìa trước\""))
            XCTAssertEqual(WebEdits(mets: mets), WebEdits(fields: [.title], structure: true), "the new version records what it kept")

            // The next re-run keeps them still; --metadata-from-files takes item.yaml.
            try PipelineFixtures.writePages(3, into: item)
            _ = try run(batch, archive, runCatalog)
            XCTAssertTrue(try dc(session).contains("<dc:title>Địa chí huyện Phong Thổ</dc:title>"))
            try PipelineFixtures.writePages(4, into: item)
            let fromFiles = try run(batch, archive, runCatalog, fromFiles: true)
            XCTAssertFalse(fromFiles.snapshot.warnings.contains { $0.hasPrefix("dia-chi: ") }, "\(fromFiles.snapshot.warnings)")
            text = try dc(session)
            XCTAssertTrue(text.contains("<dc:title>Địa chí Phong Thổ (bản in)</dc:title>"), text)
            XCTAssertEqual(
                try session.catalog.structureJSON(itemID: "dia-chi").flatMap(ItemStructure.init(json:))?.labels,
                Array(repeating: "Bìa", count: 4))
        }
    }
}
