import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaImaging
import SohoaTesting
import XCTest

@testable import SohoaPipeline

/// The pipeline's `quality:` gate: the section's keys and errors; a page below the gate (a SampleScans
/// newspaper page scanned at 250 dpi, against 300) is archived, sent back for rescanning with the
/// reason, named in the run's warnings and in PREMIS; or refused under `on-fail: refuse`. The
/// 300 dpi page beside it is never flagged.
final class CaptureQualityGateTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleScans")

    func testTheQualitySection() throws {
        XCTAssertNil(try PipelineFileParser.parse("name: x\n", file: "p.yaml").quality, "no section, no gate")
        let standard = try XCTUnwrap(try PipelineFileParser.parse("quality: {}\n", file: "p.yaml").quality)
        XCTAssertEqual(standard, QualityGate())
        XCTAssertEqual(standard.criteria.minimumDPI, 300)
        XCTAssertEqual(standard.onFail, .flag)
        XCTAssertEqual(standard.pageCount, .warn)
        let text = """
            quality:
              min-dpi: 400
              expect: gray
              max-blur: 3
              max-clipped: 0.02
              page-count: ignore
              on-fail: refuse
            """
        let gate = try XCTUnwrap(try PipelineFileParser.parse(text, file: "p.yaml").quality)
        XCTAssertEqual(
            gate.criteria, CaptureQualityCriteria(minimumDPI: 400, expectedTone: .gray, maximumBlur: 3, maximumClipped: 0.02))
        XCTAssertEqual(gate.pageCount, .ignore)
        XCTAssertEqual(gate.onFail, .refuse)
        let unchecked = try XCTUnwrap(
            try PipelineFileParser.parse("quality: {min-dpi: none, expect: any, max-blur: none}\n", file: "p.yaml").quality)
        XCTAssertEqual(
            unchecked.criteria, CaptureQualityCriteria(minimumDPI: nil, expectedTone: nil, maximumBlur: nil, maximumClipped: nil))
        // The commented example in the shipped default pipeline works once uncommented.
        let uncommented = DefaultPipeline.yaml.replacingOccurrences(of: "# quality:", with: "quality:")
            .replacingOccurrences(of: "\n#   ", with: "\n  ")
        let example = try XCTUnwrap(try PipelineFileParser.parse(uncommented, file: "default.yaml").quality)
        XCTAssertEqual(example.criteria.maximumClipped, 0.02)
        XCTAssertEqual(example.onFail, .flag)
    }

    func testTheQualitySectionRefusesWhatItDoesNotKnow() {
        let cases = [
            ("quality: {min-dpii: 300}\n", "quality.min-dpii", "allowed here"),
            ("quality: {expect: sepia}\n", "quality.expect", "bilevel, gray, colour, any"),
            ("quality: {min-dpi: 20}\n", "quality.min-dpi", "out of range"),
            ("quality: {max-clipped: 5}\n", "quality.max-clipped", "out of range"),
            ("quality: {on-fail: delete}\n", "quality.on-fail", "flag, refuse"),
            ("quality: {page-count: maybe}\n", "quality.page-count", "warn, ignore"),
            ("quality: strict\n", "quality", "mapping"),
        ]
        for (text, key, words) in cases {
            XCTAssertThrowsError(try PipelineFileParser.parse(text, file: "p.yaml"), text) { error in
                XCTAssertEqual((error as? ConfigurationError)?.key, key, text)
                XCTAssertTrue("\(error)".contains(words), "\(error)")
            }
        }
    }

    /// A batch of one item: `1.tif` at 300 dpi, `2.png` at 250 dpi (both from SampleScans).
    private func batch(in folder: URL) throws -> URL {
        let batch = folder.appendingPathComponent("batch")
        let item = batch.appendingPathComponent("sach")
        try FileManager.default.createDirectory(at: item, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.samples.appendingPathComponent("dia-chi-lai-chau/p9.tif"), to: item.appendingPathComponent("1.tif"))
        try FileManager.default.copyItem(
            at: Self.samples.appendingPathComponent("bao-lai-chau-1998/trang-3.png"), to: item.appendingPathComponent("2.png"))
        return batch
    }

    private func run(_ batch: URL, archive: URL, gate: QualityGate?, catalog: Catalog? = nil) throws -> (RunSummary, [String]) {
        let reporter = RecordingReporter()
        var options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        options.pipeline.quality = gate
        options.catalog = catalog
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: reporter)).run()
        let warnings = reporter.events.withLock { $0 }.compactMap { event -> String? in
            if case .warning(let text) = event { return text }
            return nil
        }
        return (summary, warnings)
    }

    func testAPageBelowTheGateIsArchivedAndSentBackForRescanning() throws {
        try RunCatalog.onEachBackend(self) { runCatalog in
            let folder = try temporaryFolder()
            let archive = folder.appendingPathComponent("archive")
            let (summary, warnings) = try run(try batch(in: folder), archive: archive, gate: QualityGate(), catalog: runCatalog.option)
            XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
            XCTAssertEqual(warnings.filter { $0.contains("sach/") }.count, 1, "\(warnings)")
            XCTAssertTrue(warnings.contains { $0.contains("sach/2") && $0.contains("250 dpi") }, "\(warnings)")

            let catalog = try runCatalog.catalog(archive: archive)
            let session = try ArchiveSession(folder: archive) { () throws(CatalogError) in catalog }
            let requests = try session.catalog.rescanRequests()
            XCTAssertEqual(requests.map(\.pageName), ["2"], "only the 250 dpi page (\(runCatalog.backend))")
            XCTAssertEqual(
                requests.first?.reason,
                "độ phân giải 250 dpi < 300 dpi tối thiểu (resolution 250 dpi < 300 dpi minimum)")
            let events = try session.catalog.events(itemID: "sach")
            let validation = try XCTUnwrap(events.first { $0.type == "capture-quality" })
            XCTAssertEqual(validation.outcome, .warning)

            let mets = try XCTUnwrap(try session.root.contentURL(objectID: "urn:sohoa:LOCAL:sach", logicalPath: "mets.xml"))
            let text = try String(contentsOf: mets, encoding: .utf8)
            XCTAssertTrue(
                text.contains("2: resolution 250 dpi &lt; 300 dpi minimum") || text.contains("2: resolution 250 dpi < 300 dpi minimum"),
                text)
            XCTAssertTrue(text.contains("<premis:eventType>validation</premis:eventType>"), "a PREMIS validation event")
            // The METS does not depend on the catalog's engine: validated once.
            if runCatalog.backend == .sqlite { try SharedChecks.assertValidXML([mets]) }
        }
    }

    func testWithoutAGateNoPageIsFlagged() throws {
        let folder = try temporaryFolder()
        let archive = folder.appendingPathComponent("archive")
        let (summary, warnings) = try run(try batch(in: folder), archive: archive, gate: nil)
        XCTAssertEqual(summary.exitStatus, .success)
        XCTAssertFalse(warnings.contains { $0.contains("sach/") }, "\(warnings)")
        XCTAssertEqual(try ArchiveSession(folder: archive).catalog.rescanRequests().count, 0)
    }

    func testARefusingGateQuarantinesThePageWithTheReason() throws {
        let folder = try temporaryFolder()
        let archive = folder.appendingPathComponent("archive")
        var gate = QualityGate()
        gate.onFail = .refuse
        let (summary, _) = try run(try batch(in: folder), archive: archive, gate: gate)
        XCTAssertEqual(summary.exitStatus, .somethingFailed)
        let failure = try XCTUnwrap(summary.snapshot.failures.first)
        XCTAssertEqual(summary.snapshot.failures.count, 1)
        XCTAssertEqual(failure.page, "2")
        XCTAssertTrue(failure.reason.contains("độ phân giải 250 dpi < 300 dpi tối thiểu"), failure.reason)
        XCTAssertTrue(failure.reason.contains("quality.on-fail: flag"), failure.reason)
        XCTAssertEqual(try ArchiveSession(folder: archive).catalog.rescanRequests().count, 0)
    }

    func testAnItemFarFromItsHoldingsEstimatedPagesIsNamed() throws {
        let folder = try temporaryFolder()
        let batch = folder.appendingPathComponent("batch")
        let archive = folder.appendingPathComponent("archive")
        for item in ["thieu", "du"] {
            try PipelineFixtures.writePages(2, into: batch.appendingPathComponent(item))
        }
        try Data("holding-id: LCH-0009\n".utf8).write(to: batch.appendingPathComponent("thieu/item.yaml"))
        try Data("holding-id: LCH-0002\n".utf8).write(to: batch.appendingPathComponent("du/item.yaml"))
        _ = try OCFLStorageRoot.openOrCreate(at: archive)
        let catalog = try Catalog(url: archive.appendingPathComponent(Catalog.fileName))
        _ = try catalog.importHoldings([
            HoldingRecord(
                id: "LCH-0009", title: "Thiếu trang", libraryCode: "LCH", collectionType: .localHistory, specialValue: true,
                estimatedPages: 9, source: "test"),
            HoldingRecord(
                id: "LCH-0002", title: "Đủ trang", libraryCode: "LCH", collectionType: .localHistory, specialValue: true,
                estimatedPages: 2, source: "test"),
        ])
        let (_, warnings) = try run(batch, archive: archive, gate: QualityGate())
        let named = warnings.filter { $0.contains("LCH-") }
        XCTAssertEqual(named.count, 1, "\(warnings)")
        XCTAssertTrue(named.first?.contains("thieu") == true && named.first?.contains("9") == true, "\(named)")

        var ignoring = QualityGate()
        ignoring.pageCount = .ignore
        let (_, quiet) = try run(batch, archive: archive, gate: ignoring)
        XCTAssertFalse(quiet.contains { $0.contains("LCH-") }, "\(quiet)")
    }
}
