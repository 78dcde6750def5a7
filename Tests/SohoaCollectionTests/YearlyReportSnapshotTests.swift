import Foundation
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection

/// The yearly report's goal figures and its tables come from one catalog snapshot: holdings entering
/// the register while the report is made (a register import, a batch archiving) cannot make the goal's
/// total disagree with the sum of the libraries' rows printed under it.
final class YearlyReportSnapshotTests: XCTestCase {
    func testTheGoalAndTheTablesAgreeWhileHoldingsAreAdded() throws {
        let folder = try temporaryFolder("sohoa-report-snapshot", removedAfter: self)
        let url = folder.appendingPathComponent(Catalog.fileName)
        let catalog = try Catalog(url: url)
        try catalog.addLibrary(code: "LCH", name: "Thư viện tỉnh Lai Châu", provincial: true)
        try catalog.addLibrary(code: "MTE", name: "Thư viện huyện Mường Tè")
        let everything = Goal(
            id: "all", name: "Tất cả", measure: .holdingsShare, target: 70, deadline: "2030-12-31", scope: ProgressScope())
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())

        // Another process (here a thread with its own connection) adds holdings one at a time.
        let writer = try Catalog(url: url)
        let adding = BackgroundLoop { number in
            let holding = HoldingRecord(
                id: "H-\(number)", title: "Địa chí \(number)", libraryCode: number % 2 == 0 ? "LCH" : "MTE",
                collectionType: number % 3 == 0 ? .manuscript : .localHistory, specialValue: true, source: "test:\(number)")
            _ = try? writer.importHoldings([holding])
        }
        defer { adding.stop() }

        var reports = 0
        var disagreements: [String] = []
        let deadline = Date().addingTimeInterval(4)
        while Date() < deadline || reports < 20 {
            let data = try YearlyReport.build(catalog: catalog, goals: [everything], year: year)
            reports += 1
            let goalTotal = data.progress.goals.first?.total ?? -1
            let tableTotal = data.libraries.map(\.holdings).reduce(0, +)
            let typesTotal = data.types.map(\.holdings).reduce(0, +)
            if goalTotal != tableTotal || tableTotal != typesTotal || data.progress.holdingsInRegister != goalTotal {
                disagreements.append(
                    "goal \(goalTotal), libraries \(tableTotal), types \(typesTotal), register \(data.progress.holdingsInRegister)")
            }
        }
        adding.stop()
        let last = try YearlyReport.build(catalog: catalog, goals: [everything], year: year)
        XCTAssertGreaterThan(last.progress.goals.first?.total ?? 0, 0, "the writer added holdings")
        XCTAssertEqual(disagreements, [], "\(disagreements.count) of \(reports) reports disagreed with themselves")
    }
}
