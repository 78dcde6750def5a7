import Foundation
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The yearly report checked against the progress it is made from: its HTML is well-formed XHTML,
/// its CSV files hold the same figures.
extension ProgressReportTests {
    func checkYearlyReport(catalog: Catalog, progress: ProgressReport, now: Date) throws {
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now).year ?? 2026
        let data = try YearlyReport.build(catalog: catalog, goals: GoalsFile.defaults, year: year, now: now)
        let out = try temporaryFolder().appendingPathComponent("report")
        try YearlyReport.write(data, to: out)
        // Same queries: the report's goal figures are `sohoa progress`'s.
        XCTAssertEqual(data.progress.goals.map(\.done), progress.goals.map(\.done))
        XCTAssertEqual(data.progress.goals.map(\.figures), progress.goals.map(\.figures))

        let html = try String(contentsOf: out.appendingPathComponent(YearlyReport.htmlName), encoding: .utf8)
        let elements = try XHTMLCheck.parse(Data(html.utf8))
        XCTAssertEqual(elements.first?.name, "html")
        for element in elements {
            XCTAssertFalse(
                ["script", "link", "img", "iframe", "object", "embed"].contains(element.name), "external-capable element \(element.name)")
            for (name, value) in element.attributes where ["src", "href", "xlink:href", "action"].contains(name) {
                XCTFail("attribute \(name)=\(value) on \(element.name): the report must not refer to anything")
            }
        }
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "no URL at all in a self-contained report")
        XCTAssertFalse(html.contains("url(") || html.contains("@import"), "no CSS fetches")
        XCTAssertTrue(html.contains("@page { size: A4"))

        // SVG: the goal bars carry the same numbers as the JSON.
        let bars = elements.filter { $0.name == "g" && $0.attributes["data-goal"] != nil }
        XCTAssertEqual(bars.map { $0.attributes["data-goal"] }, progress.goals.map(\.goal.id))
        XCTAssertEqual(bars.map { Int($0.attributes["data-done"] ?? "") }, progress.goals.map(\.done))
        XCTAssertEqual(bars.map { Int($0.attributes["data-target-count"] ?? "") }, progress.goals.map(\.targetCount))
        XCTAssertEqual(bars.map { Double($0.attributes["data-percent"] ?? "") }, progress.goals.map(\.percent))
        let managed = Self.items.filter(\.managed)
        let monthItems = elements.filter { $0.name == "g" && $0.attributes["data-items"] != nil }
        XCTAssertEqual(monthItems.count, 12)
        XCTAssertEqual(monthItems.compactMap { Int($0.attributes["data-items"] ?? "") }.reduce(0, +), managed.count)
        let monthPages = elements.filter { $0.name == "g" && $0.attributes["data-pages"] != nil }
        XCTAssertEqual(monthPages.compactMap { Int($0.attributes["data-pages"] ?? "") }.reduce(0, +), managed.map(\.pages).reduce(0, +))
        let libraryBars = elements.filter { $0.name == "g" && $0.attributes["data-library"] != nil }
        XCTAssertEqual(libraryBars.map { $0.attributes["data-library"] }, ["LCH", "MTE"])
        XCTAssertEqual(libraryBars.map { $0.attributes["data-done"] }, ["4", "1"], "LCH: 0001, 0002, 0003, 0006")
        XCTAssertEqual(libraryBars.map { $0.attributes["data-total"] }, ["6", "1"])
        XCTAssertTrue(elements.contains { $0.attributes["id"] == "audit-none" }, "no audit recorded yet")

        // CSV: the goals table is the JSON's figures; the other tables add up to the same counts.
        let goalsCSV = try csv(out.appendingPathComponent("goals.csv"))
        XCTAssertEqual(goalsCSV.first?.first, "goal_id", "no BOM left in the first header")
        let header = try XCTUnwrap(goalsCSV.first)
        for (row, goal) in zip(goalsCSV.dropFirst(), progress.goals) {
            let value = { (name: String) in row[header.firstIndex(of: name) ?? 0] }
            XCTAssertEqual(value("goal_id"), goal.goal.id)
            XCTAssertEqual(Int(value("done")), goal.done)
            XCTAssertEqual(value("total"), goal.total.map(String.init) ?? "")
            XCTAssertEqual(Int(value("target_count")), goal.targetCount)
            XCTAssertEqual(Double(value("percent")), goal.percent)
            XCTAssertEqual(Int(value("gap")), goal.gap)
            XCTAssertEqual(Double(value("units_per_week_90d")), goal.pace90.unitsPerWeek)
            XCTAssertEqual(Double(value("pages_per_week_30d")), goal.pace30.pagesPerWeek)
            XCTAssertEqual(value("projected_date"), goal.projectedDate ?? "")
            XCTAssertEqual(value("status"), goal.status.rawValue)
        }
        XCTAssertEqual(goalsCSV.count, progress.goals.count + 1)
        let months = try csv(out.appendingPathComponent("months.csv"))
        XCTAssertEqual(months.dropFirst().compactMap { Int($0[2]) }.reduce(0, +), managed.count)
        XCTAssertEqual(months.dropFirst().compactMap { Int($0[3]) }.reduce(0, +), managed.map(\.pages).reduce(0, +))
        let libraries = try csv(out.appendingPathComponent("libraries.csv"))
        XCTAssertEqual(libraries.dropFirst().map { $0.joined(separator: ",") }, ["LCH,6,4,66.7,7,11", "MTE,1,1,100,1,2"])
        let ocr = try csv(out.appendingPathComponent("ocr.csv"))
        XCTAssertEqual(ocr.last, ["\(progress.ocr.recognizedPages)", "90", "0", "0", "\(progress.ocr.imageOnlyPages)"])
        XCTAssertEqual(try csv(out.appendingPathComponent("audits.csv")).last, ["\(data.year)", "0", "0", "0", "0"])
    }

    func csv(_ url: URL) throws -> [[String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return CSVReader.records(text).map(\.fields)
    }
}
