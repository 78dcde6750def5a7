import Foundation
import SohoaTesting
import XCTest

@testable import SohoaCatalog
@testable import SohoaCollection
@testable import SohoaServer

/// The dashboard's two breakdowns (by library, by collection type) come from one catalog snapshot:
/// holdings entering the register while the page is made cannot show a manager two different totals
/// for the same goal, one above the other.
final class DashboardSnapshotTests: XCTestCase {
    func testTheBreakdownsAgreeWhileHoldingsAreAdded() throws {
        let archive = try PublicTestArchive()
        defer { archive.remove() }
        let goals = """
            goals:
              - id: tat-ca
                name: "Mọi tài liệu trong sổ"
                measure: holdings-share
                target: 70
                deadline: "2099-12-31"

            """
        try Data(goals.utf8).write(to: archive.folder.appendingPathComponent("goals.yaml"))

        // Another process (here a thread with its own connection) adds holdings one at a time.
        let writer = try Catalog(url: archive.folder.appendingPathComponent(Catalog.fileName))
        let adding = BackgroundLoop { number in
            let holding = HoldingRecord(
                id: "H-\(number)", title: "Địa chí \(number)", libraryCode: "LCH",
                collectionType: number % 2 == 0 ? .manuscript : .localHistory, specialValue: true, source: "test:\(number)")
            _ = try? writer.importHoldings([holding])
        }
        defer { adding.stop() }

        var pages = 0
        var disagreements: [String] = []
        let deadline = Date().addingTimeInterval(4)
        while Date() < deadline || pages < 20 {
            let data = try DashboardData.load(services: archive.services)
            pages += 1
            let byLibrary = try XCTUnwrap(data.byLibrary?.goals.first)
            let byType = try XCTUnwrap(data.byType?.goals.first)
            let libraryRows = (byLibrary.breakdown ?? []).compactMap(\.total).reduce(0, +)
            let typeRows = (byType.breakdown ?? []).compactMap(\.total).reduce(0, +)
            if byLibrary.total != byType.total || libraryRows != typeRows || byLibrary.total != libraryRows {
                disagreements.append(
                    "by library \(byLibrary.total ?? -1) (rows \(libraryRows)), by type \(byType.total ?? -1) (rows \(typeRows))")
            }
        }
        adding.stop()
        let last = try DashboardData.load(services: archive.services)
        XCTAssertGreaterThan(last.byLibrary?.goals.first?.total ?? 0, 0, "the writer added holdings")
        XCTAssertEqual(disagreements, [], "\(disagreements.count) of \(pages) dashboards disagreed with themselves")
    }
}
