import Foundation
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection

/// The usage figures as `sohoa stats` and the yearly report give them, from daily sums in the
/// catalog; the reader targets from `goals.yaml`.
final class UsageReportTests: XCTestCase {
    private func catalogWithUsage() throws -> Catalog {
        let folder = try temporaryFolder("sohoa-usage-report", removedAfter: self)
        let catalog = try Catalog(url: folder.appendingPathComponent(Catalog.fileName))
        typealias Day = UsageBatch.LibraryDay
        typealias ItemDay = UsageBatch.ItemDay
        var batch = UsageBatch()
        batch.libraries[Day(day: "2026-02-03", libraryCode: "")] = UsageFigures(
            visits: 3, itemViews: 4, pageViews: 9, downloads: 1, searches: 2)
        batch.libraries[Day(day: "2026-02-03", libraryCode: "LCH")] = UsageFigures(visits: 2, itemViews: 3, pageViews: 7, downloads: 1)
        batch.libraries[Day(day: "2026-02-03", libraryCode: "MLY")] = UsageFigures(visits: 2, itemViews: 1, pageViews: 2, searches: 1)
        batch.libraries[Day(day: "2026-11-30", libraryCode: "")] = UsageFigures(visits: 1, searches: 1)
        batch.libraries[Day(day: "2025-12-31", libraryCode: "")] = UsageFigures(visits: 50)
        batch.items[ItemDay(day: "2026-02-03", itemID: "a")] = ("LCH", UsageFigures(itemViews: 3, pageViews: 7, downloads: 1))
        batch.items[ItemDay(day: "2026-02-03", itemID: "b")] = ("MLY", UsageFigures(itemViews: 1, pageViews: 2))
        try catalog.recordUsage(batch)
        try catalog.recordUsage(batch)  // added to what is there, not replacing it
        return catalog
    }

    func testTheYearsFiguresAgainstTheTargets() throws {
        let catalog = try catalogWithUsage()
        let report = try UsageReport.build(catalog: catalog, year: 2026, targets: UsageTargets(collectionVisits: 40, libraryVisits: 80))
        XCTAssertEqual(report.total, UsageFigures(visits: 8, itemViews: 8, pageViews: 18, downloads: 2, searches: 6))
        XCTAssertEqual(report.months[1].figures.visits, 6)
        XCTAssertEqual(report.months[10].figures, UsageFigures(visits: 2, searches: 2))
        XCTAssertEqual(report.libraries.map(\.libraryCode), ["LCH", "MLY"])
        XCTAssertEqual(report.libraryVisits, 8)
        XCTAssertEqual(report.collectionVisitsPercent, 20)
        XCTAssertEqual(report.libraryVisitsPercent, 10)
        XCTAssertEqual(report.topItems.map(\.itemID), ["a", "b"])
        XCTAssertEqual(report.topItems.first?.itemViews, 6)
        XCTAssertNil(report.topItems.first?.title, "no such item in the catalog: no title")

        let one = try UsageReport.build(catalog: catalog, year: 2026, libraryCode: "MLY")
        XCTAssertEqual(one.total, UsageFigures(visits: 4, itemViews: 2, pageViews: 4, searches: 2))
        XCTAssertEqual(one.topItems.map(\.itemID), ["b"])
        XCTAssertEqual(try UsageReport.build(catalog: catalog, year: 2025).total, UsageFigures(visits: 100))

        let tables = Dictionary(uniqueKeysWithValues: ReportCSV.usageTables(report).map { ($0.name, $0.text) })
        XCTAssertEqual(
            tables["usage.csv"],
            "year,scope,visits,visits_target,visits_percent,item_views,page_views,downloads,searches\r\n"
                + "2026,digital-collection,8,40,20,8,18,2,6\r\n2026,libraries,8,80,10,8,18,2,2\r\n"
                + "2026,library:LCH,4,,,6,14,2,0\r\n2026,library:MLY,4,,,2,4,0,2\r\n")
        XCTAssertTrue(tables["usage-months.csv"]?.contains("2026,2,6,8,18,2,4\r\n") == true)
        XCTAssertTrue(tables["usage-items.csv"]?.contains("a,,LCH,6,14,2\r\n") == true)
        let html = ReportHTML.usageSection(report)
        XCTAssertTrue(html.contains("data-usage=\"digital-collection\" data-visits=\"8\" data-target=\"40\""), html)
        XCTAssertTrue(html.contains("<tr data-library=\"MLY\">"))
    }

    func testTargetsComeFromTheGoalsFileWithThePlansDefaults() throws {
        XCTAssertEqual(try UsageTargets.parse(GoalsFile.defaultText, file: "default"), .plan)
        XCTAssertEqual(UsageTargets.plan, UsageTargets(collectionVisits: 10_000, libraryVisits: 35_000))
        XCTAssertFalse(GoalsFile.defaults.isEmpty, "the default goals still parse with usage-targets beside them")
        let edited = GoalsFile.defaultText.replacingOccurrences(of: "library-visits: 35000", with: "library-visits: 40000")
        XCTAssertEqual(try UsageTargets.parse(edited, file: "goals.yaml"), UsageTargets(collectionVisits: 10_000, libraryVisits: 40_000))
        XCTAssertEqual(try GoalsFile.parse(edited, file: "goals.yaml"), GoalsFile.defaults)
        XCTAssertEqual(try UsageTargets.parse("goals: []\n", file: "goals.yaml"), .plan, "an older goals file: the plan's targets")
        XCTAssertThrowsError(try UsageTargets.parse("goals: []\nusage-targets:\n  visits: 3\n", file: "goals.yaml")) { error in
            XCTAssertTrue("\(error)".contains("unknown key 'visits'"), "\(error)")
        }
        XCTAssertThrowsError(try UsageTargets.parse("goals: []\nusage-targets:\n  library-visits: -5\n", file: "goals.yaml"))
        XCTAssertThrowsError(try GoalsFile.parse("goals: []\nvisits: 3\n", file: "goals.yaml"), "an unknown top-level key")
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).yaml")
        XCTAssertEqual(try GoalsFile.loadUsageTargets(missing), .plan)
    }
}
