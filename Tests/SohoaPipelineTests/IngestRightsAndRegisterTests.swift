import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// At ingest (issue 14): an item given only a `holding-id` takes its description from the register;
/// `rights:` in item.yaml or items.csv (`;`-separated) reaches Dublin Core and MODS; an item without
/// rights takes the default of `server.yaml`.
final class IngestRightsAndRegisterTests: XCTestCase {
    func testRegisterPrefillItemRightsAndTheArchiveDefault() throws {
        try RunCatalog.onEachBackend(self) { runCatalog in
            let folder = try temporaryFolder("sohoa-ingest-rights", removedAfter: self)
            let batch = folder.appendingPathComponent("batch")
            let archive = folder.appendingPathComponent("archive")
            for (index, item) in ["tu-so", "ban-quyen", "csv-muc", "mac-dinh"].enumerated() {
                try PipelineFixtures.writePages(1, into: batch.appendingPathComponent(item), seed: index * 5)
            }
            try Data("holding-id: LCH-0001\n".utf8).write(to: batch.appendingPathComponent("tu-so/item.yaml"))
            try Data("title: Gia phả họ Đèo\nrights: https://creativecommons.org/publicdomain/mark/1.0\n".utf8)
                .write(to: batch.appendingPathComponent("ban-quyen/item.yaml"))
            try Data("\u{FEFF}item;title;rights\r\ncsv-muc;Từ bảng;http://rightsstatements.org/vocab/NKC/1.0/\r\n".utf8)
                .write(to: batch.appendingPathComponent("items.csv"))
            _ = try OCFLStorageRoot.openOrCreate(at: archive)
            try Data("rights:\n  default: http://rightsstatements.org/vocab/CNE/1.0/\n".utf8)
                .write(to: archive.appendingPathComponent("server.yaml"))
            let catalog = try runCatalog.catalog(archive: archive)
            _ = try catalog.importHoldings([
                HoldingRecord(
                    id: "LCH-0001", title: "Địa chí huyện Phong Thổ", creator: "Đỗ Thị Hảo", libraryCode: "LCH",
                    collectionType: .localHistory, specialValue: true, language: "vie", year: 1962, source: "test")
            ])

            var options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
            options.catalog = runCatalog.option
            let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
            XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")

            let session = try ArchiveSession(folder: archive) { () throws(CatalogError) in catalog }
            let item = try XCTUnwrap(try session.catalog.item(id: "tu-so"))
            XCTAssertEqual(item.title, "Địa chí huyện Phong Thổ", runCatalog.backend.rawValue)
            XCTAssertEqual(item.creator, "Đỗ Thị Hảo")
            XCTAssertEqual(item.date, "1962")
            XCTAssertEqual(item.type, "local-history")
            XCTAssertEqual(item.language, "vie")
            XCTAssertFalse(item.metadataJSON?.contains("\"titleFromFolderName\":true") ?? true, "it counts as described")

            func dc(_ id: String) throws -> String {
                let url = try XCTUnwrap(try session.root.contentURL(objectID: "urn:sohoa:LOCAL:\(id)", logicalPath: "dc.xml"))
                return try String(contentsOf: url, encoding: .utf8)
            }
            XCTAssertTrue(try dc("tu-so").contains("<dc:title>Địa chí huyện Phong Thổ</dc:title>"))
            XCTAssertTrue(try dc("ban-quyen").contains("<dc:rights>http://creativecommons.org/publicdomain/mark/1.0/</dc:rights>"))
            let fromTable = try dc("csv-muc")
            XCTAssertTrue(fromTable.contains("<dc:title>Từ bảng</dc:title>"), fromTable)
            XCTAssertTrue(try dc("csv-muc").contains("<dc:rights>http://rightsstatements.org/vocab/NKC/1.0/</dc:rights>"))
            XCTAssertTrue(try dc("mac-dinh").contains("<dc:rights>http://rightsstatements.org/vocab/CNE/1.0/</dc:rights>"))
            let mets = try XCTUnwrap(try session.root.contentURL(objectID: "urn:sohoa:LOCAL:ban-quyen", logicalPath: "mets.xml"))
            XCTAssertTrue(
                try String(contentsOf: mets, encoding: .utf8).contains(
                    "<mods:accessCondition type=\"use and reproduction\">http://creativecommons.org/publicdomain/mark/1.0/</mods:accessCondition>"
                ))
            // The METS does not depend on the catalog's engine: validated once.
            if runCatalog.backend == .sqlite { try SharedChecks.assertValidXML([mets]) }
        }
    }

    func testAnUnknownRightsURIInItemYAMLIsRefusedWithTheFile() throws {
        let folder = try temporaryFolder("sohoa-ingest-rights", removedAfter: self)
        let item = folder.appendingPathComponent("sach")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try Data("rights: http://example.org/tu-do\n".utf8).write(to: item.appendingPathComponent("item.yaml"))
        XCTAssertThrowsError(try ItemMetadata.fromYAML(item.appendingPathComponent("item.yaml"))) {
            XCTAssertTrue("\($0)".contains("not a rights statement"), "\($0)")
        }
    }
}
