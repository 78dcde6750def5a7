import Foundation
import SohoaTesting
import XCTest

@testable import SohoaCatalog

/// A catalog in a fresh temporary folder, removed when the test ends, with helpers to fill it.
struct TestCatalog {
    let folder: URL
    let catalog: Catalog

    /// Makes a temporary folder (removed by a teardown block of `test`) and opens a catalog in it.
    init(_ test: XCTestCase) throws {
        folder = try temporaryFolder("sohoa-catalog-tests", removedAfter: test)
        catalog = try Catalog(url: folder.appendingPathComponent(Catalog.fileName))
    }

    /// A SHA-256 made of `seed` repeated: 64 lowercase hex digits.
    static func sha(_ seed: Character) -> String {
        String(repeating: String(seed), count: 64)
    }

    /// Stores an item of library `LC`.
    @discardableResult
    func addItem(_ id: String, title: String? = nil) throws -> ItemRecord {
        try catalog.upsertItem(ItemRecord(id: id, libraryCode: "LC", title: title, sourcePath: "/batch/\(id)"))
    }

    /// Stores page `name` of an item.
    @discardableResult
    func addPage(_ itemID: String, _ name: String, sequence: Int, sha: Character = "a") throws -> PageRecord {
        try catalog.upsertPage(
            PageRecord(
                itemID: itemID, name: name, sequence: sequence, sourcePath: "/batch/\(itemID)/\(name).tif",
                sourceSHA256: Self.sha(sha), state: .done))
    }

    /// Stores an item with one page holding `text`, and returns the page.
    @discardableResult
    func addText(_ itemID: String, page name: String = "p001", sequence: Int = 1, _ text: String) throws -> PageRecord {
        if try catalog.item(id: itemID) == nil { try addItem(itemID) }
        let page = try addPage(itemID, name, sequence: sequence)
        try catalog.recordPageText(pageID: try XCTUnwrap(page.id), itemID: itemID, text: text)
        return page
    }
}
