import Foundation
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A register imported, batches run in-process with items linked to some holdings, then every
/// figure of `sohoa progress --json` and of the yearly report (HTML, SVG, CSV) checked against
/// counts worked out here from what the test put in.
final class ProgressReportTests: XCTestCase {
    /// `Tests/Fixtures/holdings` (README there).
    static let holdingsFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/holdings")

    /// An item the test puts in a batch, with what it should count for.
    struct TestItem {
        var folder: String
        var pages: Int
        var yaml: String?
        var holding: String?
        var library = "LCH"
        /// Archived with descriptive metadata (not a title made from the folder name).
        var managed = true
    }

    /// From `register.csv`: the holdings, their library, and whether they are special-value rare /
    /// manuscript / local-history material (the 70% scope).
    static let register: [(id: String, library: String, inScope: Bool)] = [
        ("LCH-0001", "LCH", true), ("LCH-0002", "LCH", true), ("LCH-0003", "LCH", true), ("LCH-0004", "LCH", true),
        ("LCH-0005", "LCH", true), ("LCH-0006", "LCH", false), ("MTE-0001", "MTE", true),
    ]

    static let items: [TestItem] = [
        TestItem(folder: "sach-1", pages: 2, yaml: "title: Lịch sử Lai Châu\nholding-id: LCH-0001\n", holding: "LCH-0001"),
        TestItem(folder: "sach-1-ban-2", pages: 1, yaml: "title: Lịch sử Lai Châu (bản 2)\nholding-id: LCH-0001\n", holding: "LCH-0001"),
        TestItem(folder: "dia-chi", pages: 3, yaml: "title: Địa chí Lai Châu\nholding-id: LCH-0002\n", holding: "LCH-0002"),
        TestItem(
            folder: "thai-den", pages: 2, yaml: "title: Thư tịch cổ Thái đen\nlanguage: blt\nholding-id: LCH-0003\n", holding: "LCH-0003"),
        TestItem(folder: "bao-1990", pages: 1, yaml: "title: Báo Lai Châu 1990\nholding-id: LCH-0006\n", holding: "LCH-0006"),
        TestItem(
            folder: "muong-te", pages: 2, yaml: "title: Địa chí huyện Mường Tè\nholding-id: MTE-0001\nlibrary-code: MTE\n",
            holding: "MTE-0001", library: "MTE"),
        TestItem(folder: "khong-lien-ket", pages: 1, yaml: "title: Tập ảnh không rõ nguồn\n", holding: nil),
        TestItem(folder: "sai-ma", pages: 1, yaml: "title: Sách ghi sai mã\nholding-id: LCH-9999\n", holding: "LCH-9999"),
        TestItem(folder: "thu-muc-tron", pages: 1, yaml: nil, holding: nil, managed: false),
    ]

    /// Runs the batch and imports the register into the same archive; returns the archive folder.
    func makeArchive() throws -> URL {
        let folder = try temporaryFolder()
        let batch = folder.appendingPathComponent("batch")
        for (index, item) in Self.items.enumerated() {
            let itemFolder = batch.appendingPathComponent(item.folder)
            try PipelineFixtures.writePages(item.pages, into: itemFolder, seed: index * 13)
            if let yaml = item.yaml { try Data(yaml.utf8).write(to: itemFolder.appendingPathComponent("item.yaml")) }
        }
        let archive = folder.appendingPathComponent("archive")
        var options = PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() }
        options.defaultLibraryCode = "LCH"
        let summary = try BatchRunner(options: options, progress: RunProgress(batch: "t", reporter: RecordingReporter())).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        let catalog = try HoldingsRegister.openCatalog(archive: archive)
        let report = try HoldingsImporter().importRegister(
            Self.holdingsFixtures.appendingPathComponent("register.csv"), into: catalog)
        XCTAssertEqual(report.added, Self.register.count)
        return archive
    }

    /// What each default goal should show, worked out from `items` and `register`.
    struct Expected {
        var total: Int?
        var done: Int
        var pages: Int
    }

    func expectedHoldings(libraries: Set<String>?) -> Expected {
        let scope = Self.register.filter { $0.inScope && (libraries?.contains($0.library) ?? true) }
        let ids = Set(scope.map(\.id))
        let linked = Self.items.filter { $0.managed && ids.contains($0.holding ?? "") }
        return Expected(total: scope.count, done: Set(linked.compactMap(\.holding)).count, pages: linked.map(\.pages).reduce(0, +))
    }

    func expectedItems(library: String) -> Expected {
        let managed = Self.items.filter { $0.managed && $0.library == library }
        return Expected(total: nil, done: managed.count, pages: managed.map(\.pages).reduce(0, +))
    }

    func testProgressJSONFiguresMatchIndependentCountsAndTheReportAgreesWithIt() throws {
        let archive = try makeArchive()
        let catalog = try Catalog(url: archive.appendingPathComponent(Catalog.fileName))
        let now = Date()
        let report = try ProgressCalculator.progress(goals: GoalsFile.defaults, catalog: catalog, asOf: now, by: .library)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        let goals = try XCTUnwrap(json["goals"] as? [[String: Any]])
        XCTAssertEqual(goals.count, 3)
        XCTAssertEqual(json["holdingsInRegister"] as? Int, Self.register.count)

        let expectations: [(id: String, expected: Expected, target: Double, isShare: Bool)] = [
            ("quy-hiem-dia-chi-70", expectedHoldings(libraries: ["LCH"]), 70, true),
            ("tai-lieu-so-15000", expectedItems(library: "LCH"), 15_000, false),
            ("dinh-huong-2030", expectedHoldings(libraries: nil), 100, true),
        ]
        // Sanity of the independent counts themselves: 3 of 5 LCH holdings in scope; 7 LCH items.
        XCTAssertEqual([expectations[0].expected.done, expectations[0].expected.total], [3, 5])
        XCTAssertEqual(expectations[1].expected.done, 7)
        for (goal, (id, expected, target, isShare)) in zip(goals, expectations) {
            let figures = try XCTUnwrap(goal["figures"] as? [String: Any])
            let definition = try XCTUnwrap(goal["goal"] as? [String: Any])
            XCTAssertEqual(definition["id"] as? String, id)
            XCTAssertEqual(goal["done"] as? Int, expected.done, id)
            XCTAssertEqual(figures["pages"] as? Int, expected.pages, id)
            XCTAssertEqual(goal["total"] as? Int, expected.total, id)
            // Everything was archived just now: the 30- and 90-day windows hold all of it.
            for key in ["doneLast30Days", "doneLast90Days"] { XCTAssertEqual(figures[key] as? Int, expected.done, "\(id) \(key)") }
            for key in ["pagesLast30Days", "pagesLast90Days"] { XCTAssertEqual(figures[key] as? Int, expected.pages, "\(id) \(key)") }
            let targetCount = isShare ? Int((Double(expected.total ?? 0) * target / 100).rounded(.up)) : Int(target)
            XCTAssertEqual(goal["targetCount"] as? Int, targetCount, id)
            let gap = max(0, targetCount - expected.done)
            XCTAssertEqual(goal["gap"] as? Int, gap, id)
            let percent = isShare ? Double(expected.done) / Double(expected.total ?? 1) * 100 : Double(expected.done) / target * 100
            XCTAssertEqual(goal["percent"] as? Double ?? -1, (percent * 10).rounded() / 10, accuracy: 1e-9, id)
            let pace30 = try XCTUnwrap(goal["pace30"] as? [String: Any])
            let pace90 = try XCTUnwrap(goal["pace90"] as? [String: Any])
            XCTAssertEqual(
                pace30["unitsPerWeek"] as? Double ?? -1, (Double(expected.done) * 7 / 30 * 100).rounded() / 100, accuracy: 1e-9, id)
            XCTAssertEqual(
                pace30["pagesPerWeek"] as? Double ?? -1, (Double(expected.pages) * 7 / 30 * 100).rounded() / 100, accuracy: 1e-9, id)
            XCTAssertEqual(
                pace90["unitsPerWeek"] as? Double ?? -1, (Double(expected.done) * 7 / 90 * 100).rounded() / 100, accuracy: 1e-9, id)
            XCTAssertEqual(
                pace90["pagesPerWeek"] as? Double ?? -1, (Double(expected.pages) * 7 / 90 * 100).rounded() / 100, accuracy: 1e-9, id)
            let deadline = try XCTUnwrap(GoalsFile.day(definition["deadline"] as? String ?? "")).addingTimeInterval(86_399)
            if isShare && (expected.total ?? 0) == 0 {
                XCTAssertEqual(goal["status"] as? String, "no-register", id)
            } else if gap == 0 {
                XCTAssertEqual(goal["status"] as? String, "reached", id)
                XCTAssertNil(goal["projectedDate"], id)
            } else if deadline <= now {
                XCTAssertEqual(goal["status"] as? String, "overdue", id)
            } else {
                let weeksLeft = deadline.timeIntervalSince(now) / (7 * 86_400)
                XCTAssertEqual(goal["neededPerWeek"] as? Double ?? -1, (Double(gap) / weeksLeft * 100).rounded() / 100, accuracy: 0.011, id)
                let projected = now.addingTimeInterval(Double(gap) / (Double(expected.done) * 7 / 90) * 7 * 86_400)
                XCTAssertEqual(goal["projectedDate"] as? String, GoalsFile.dayText(projected), id)
                XCTAssertEqual(goal["status"] as? String, projected <= deadline ? "on-track" : "behind", id)
            }
        }
        // The breakdown by library of the 2030 goal: LCH 3 of 5, MTE 1 of 1.
        let breakdown = try XCTUnwrap(goals[2]["breakdown"] as? [[String: Any]])
        XCTAssertEqual(breakdown.map { $0["key"] as? String }, ["LCH", "MTE"])
        XCTAssertEqual(breakdown.map { $0["done"] as? Int }, [3, 1])
        XCTAssertEqual(breakdown.map { $0["total"] as? Int }, [5, 1])
        // OCR: CountingEngine gives every word 90; the Tai Dam item's pages are image-only.
        let ocr = try XCTUnwrap(json["ocr"] as? [String: Any])
        let managedPages = Self.items.filter(\.managed).map(\.pages).reduce(0, +)
        XCTAssertEqual(ocr["imageOnlyPages"] as? Int, 2)
        XCTAssertEqual(ocr["recognizedPages"] as? Int, managedPages - 2)
        XCTAssertEqual(ocr["meanConfidence"] as? Double ?? -1, 90, accuracy: 1e-6)
        XCTAssertEqual(ocr["reviewedPages"] as? Int, 0)

        let check = try catalog.holdingsCheck()
        XCTAssertEqual(check.itemsWithUnknownHolding.map(\.itemID), ["sai-ma"])
        XCTAssertEqual(check.holdingsWithSeveralItems.map(\.holdingID), ["LCH-0001"])
        XCTAssertEqual(check.itemsWithoutHolding, ["khong-lien-ket", "thu-muc-tron"])

        try checkYearlyReport(catalog: catalog, progress: report, now: now)
    }

    func testGoalsFileIsEditableAndErrorsNameTheGoalAndKey() throws {
        let goals = try GoalsFile.parse(
            """
            goals:
              - id: huyen
                name: Thư viện huyện Mường Tè
                measure: holdings-share
                target: 50
                deadline: 2026-06-30
                scope: {libraries: [mte], types: [địa chí]}
                baseline: 12
            """, file: "goals.yaml")
        XCTAssertEqual(goals.first?.scope, ProgressScope(libraryCodes: ["MTE"], collectionTypes: [.localHistory]))
        XCTAssertEqual(goals.first?.deadline, "2026-06-30")
        XCTAssertEqual(goals.first?.baseline, 12)
        XCTAssertThrowsError(
            try GoalsFile.parse(
                "goals:\n  - id: x\n    measure: items\n    target: 5\n    deadline: 2025-01-01\n    dealine: 1\n", file: "g")
        ) { XCTAssertTrue("\($0)".contains("unknown key 'dealine'"), "\($0)") }
        XCTAssertThrowsError(
            try GoalsFile.parse("goals:\n  - id: x\n    measure: holdings-share\n    target: 170\n    deadline: 2025-01-01\n", file: "g")
        ) { XCTAssertTrue("\($0)".contains("goal x: target"), "\($0)") }
        XCTAssertEqual(GoalsFile.defaults.map(\.id), ["quy-hiem-dia-chi-70", "tai-lieu-so-15000", "dinh-huong-2030"])
        XCTAssertEqual(GoalsFile.defaults.map(\.target), [70, 15_000, 100])
        XCTAssertEqual(GoalsFile.defaults.map(\.deadline), ["2025-12-31", "2025-12-31", "2030-12-31"])
    }

    func testPaceProjectionAndStatusArithmetic() {
        let goal = Goal(id: "g", name: "g", measure: .items, target: 100, deadline: "2026-12-31", scope: ProgressScope(), baseline: 10)
        let asOf = GoalsFile.day("2026-01-01")!
        let figures = ProgressFigures(
            total: nil, done: 30, pages: 600, doneLast30Days: 6, pagesLast30Days: 120, doneLast90Days: 18, pagesLast90Days: 360)
        let result = ProgressCalculator.evaluate(goal, figures: figures, asOf: asOf)
        XCTAssertEqual(result.done, 40, "baseline added")
        XCTAssertEqual(result.gap, 60)
        XCTAssertEqual(result.pace90.unitsPerWeek, 1.4)
        XCTAssertEqual(result.pace30.pagesPerWeek, 28)
        // 60 at 1.4/week = 42.86 weeks = 300 days after 2026-01-01.
        XCTAssertEqual(result.projectedDate, "2026-10-28")
        XCTAssertEqual(result.status, .onTrack)
        let stalled = ProgressCalculator.evaluate(
            goal,
            figures: ProgressFigures(
                total: nil, done: 30, pages: 0, doneLast30Days: 0, pagesLast30Days: 0, doneLast90Days: 0, pagesLast90Days: 0),
            asOf: asOf)
        XCTAssertEqual(stalled.status, .stalled)
        let share = Goal(
            id: "share", name: "70%", measure: .holdingsShare, target: 70, deadline: "2025-12-31", scope: ProgressScope())
        let empty = ProgressCalculator.evaluate(
            share,
            figures: ProgressFigures(
                total: 0, done: 0, pages: 0, doneLast30Days: 0, pagesLast30Days: 0, doneLast90Days: 0, pagesLast90Days: 0),
            asOf: asOf)
        XCTAssertEqual(empty.status, .noRegister, "an empty register is not a reached goal")
        XCTAssertNil(stalled.projectedDate)
        let late = ProgressCalculator.evaluate(goal, figures: figures, asOf: GoalsFile.day("2027-02-01")!)
        XCTAssertEqual(late.status, .overdue)
        XCTAssertNil(late.neededPerWeek)
    }
}
