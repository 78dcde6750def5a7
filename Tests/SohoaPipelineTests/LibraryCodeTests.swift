import Foundation
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaPipeline

/// A batch run with `RunOptions.libraryCode` (a district library's submitted batch): every item is
/// archived under that library, whatever its metadata says; without it the metadata decides.
final class LibraryCodeTests: XCTestCase {
    func testTheGivenLibraryCodeWinsOverTheItemsMetadata() throws {
        let folder = try temporaryFolder("sohoa-library-code", removedAfter: self)
        let batch = folder.appendingPathComponent("batch")
        try PipelineFixtures.writePages(1, into: batch.appendingPathComponent("dia-chi"))
        try Data("title: Địa chí\nlibrary-code: LCH\n".utf8).write(to: batch.appendingPathComponent("dia-chi/item.yaml"))
        try PipelineFixtures.writePages(1, into: batch.appendingPathComponent("khong-ma"), seed: 3)

        let forced = folder.appendingPathComponent("forced")
        var options = PipelineFixtures.options(batch: batch, archive: forced) { NullOCREngine() }
        options.libraryCode = "TUY"
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        let catalog = try Catalog(url: forced.appendingPathComponent(Catalog.fileName))
        XCTAssertEqual(try catalog.items().map(\.objectID).sorted(), ["urn:sohoa:TUY:dia-chi", "urn:sohoa:TUY:khong-ma"])

        let own = folder.appendingPathComponent("own")
        var plain = PipelineFixtures.options(batch: batch, archive: own) { NullOCREngine() }
        plain.defaultLibraryCode = "MTE"
        _ = try BatchRunner(options: plain, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        let ownCatalog = try Catalog(url: own.appendingPathComponent(Catalog.fileName))
        XCTAssertEqual(try ownCatalog.items().map(\.objectID).sorted(), ["urn:sohoa:LCH:dia-chi", "urn:sohoa:MTE:khong-ma"])
    }
}
