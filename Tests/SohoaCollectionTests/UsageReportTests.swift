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
        try catalog.addLibrary(code: "LCH", name: "Thư viện tỉnh Lai Châu", provincial: true)
        try catalog.addLibrary(code: "MLY", name: "Thư viện thị xã Mường Lay")
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
        XCTAssertThrowsError(try UsageReport.build(catalog: catalog, year: 2026, libraryCode: "TUY")) { error in
            XCTAssertEqual((error as? CatalogError)?.kind, .notFound, "\(error)")
            XCTAssertTrue("\(error)".contains("no library 'TUY'"), "\(error)")
        }

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
        func targets(_ text: String) throws -> UsageTargets { try GoalsFile.read(text, file: "goals.yaml").usageTargets }
        XCTAssertEqual(try targets(GoalsFile.defaultText), .plan)
        XCTAssertEqual(UsageTargets.plan, UsageTargets(collectionVisits: 10_000, libraryVisits: 35_000))
        XCTAssertFalse(GoalsFile.defaults.isEmpty, "the default goals still parse with usage-targets beside them")
        let edited = GoalsFile.defaultText.replacingOccurrences(of: "library-visits: 35000", with: "library-visits: 40000")
        XCTAssertEqual(try targets(edited), UsageTargets(collectionVisits: 10_000, libraryVisits: 40_000))
        XCTAssertEqual(try GoalsFile.parse(edited, file: "goals.yaml"), GoalsFile.defaults)
        XCTAssertEqual(try targets("goals: []\n"), .plan, "an older goals file: the plan's targets")
        XCTAssertThrowsError(try targets("goals: []\nusage-targets:\n  visits: 3\n")) { error in
            XCTAssertTrue("\(error)".contains("unknown key 'visits'"), "\(error)")
        }
        XCTAssertThrowsError(try targets("goals: []\nusage-targets:\n  visits: nhiều\n")) { error in
            XCTAssertTrue("\(error)".contains("unknown key 'visits'"), "a misspelt key is named as such, whatever its value: \(error)")
        }
        XCTAssertThrowsError(try targets("goals: []\nusage-targets:\n  library-visits: -5\n"))
        XCTAssertThrowsError(try GoalsFile.parse("goals: []\nvisits: 3\n", file: "goals.yaml"), "an unknown top-level key")
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).yaml")
        XCTAssertEqual(try GoalsFile.load(missing), GoalsFile.Contents(goals: GoalsFile.defaults, usageTargets: .plan, file: nil))
    }

    /// One read of the file gives the goals and the targets; a bad `usage-targets:` is the file's error
    /// for every reader (`sohoa progress`, `report`, `stats`, the dashboard), and a file named on the
    /// command line must exist.
    func testLoadingTheGoalsFileChecksItsTargetsAndNamesTheFile() throws {
        let folder = try temporaryFolder("sohoa-goals-file", removedAfter: self)
        let url = folder.appendingPathComponent(GoalsFile.fileName)
        let edited = GoalsFile.defaultText.replacingOccurrences(
            of: "digital-collection-visits: 10000", with: "digital-collection-visits: 12000")
        try Data(edited.utf8).write(to: url)
        let loaded = try GoalsFile.load(url)
        XCTAssertEqual(loaded.goals, GoalsFile.defaults)
        XCTAssertEqual(loaded.usageTargets, UsageTargets(collectionVisits: 12_000, libraryVisits: 35_000))
        XCTAssertEqual(loaded.file, url.path)

        try Data("goals: []\nusage-targets:\n  library-visits: nhiều\n".utf8).write(to: url)
        XCTAssertThrowsError(try GoalsFile.load(url)) { error in
            XCTAssertEqual((error as? GoalsFileError)?.file, url.path)
            XCTAssertTrue("\(error)".contains("usage-targets.library-visits must be a whole number above 0"), "\(error)")
        }
        XCTAssertThrowsError(try GoalsFile.parse("goals: []\nusage-targets: 5\n", file: "goals.yaml"), "the goals alone check it too")

        let missing = folder.appendingPathComponent("khong-co.yaml")
        XCTAssertEqual(try GoalsFile.load(missing, required: false).file, nil, "the archive's own file may be absent")
        XCTAssertThrowsError(try GoalsFile.load(missing, required: true)) { error in
            XCTAssertEqual((error as? GoalsFileError)?.file, missing.path)
            XCTAssertTrue("\(error)".contains("no such file"), "\(error)")
        }
    }
}
