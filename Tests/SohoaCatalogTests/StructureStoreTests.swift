import Foundation
import SohoaTesting
import XCTest

@testable import SohoaCatalog

/// `item_structures` (v-structure): an item's page labels and contents as JSON, replaced and removed.
final class StructureStoreTests: XCTestCase {
    func testStoreReplaceAndRemove() throws {
        let test = try TestCatalog(self)
        try test.catalog.upsertItem(ItemRecord(id: "sach", libraryCode: "LC", sourcePath: "/b/sach"))
        XCTAssertNil(try test.catalog.structureJSON(itemID: "sach"))
        try test.catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "sach", #"{"labels":["Bìa"]}"#) }
        XCTAssertEqual(try test.catalog.structureJSON(itemID: "sach"), #"{"labels":["Bìa"]}"#)
        try test.catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "sach", #"{"labels":["1"]}"#) }
        XCTAssertEqual(try test.catalog.structureJSON(itemID: "sach"), #"{"labels":["1"]}"#)
        XCTAssertEqual(
            try test.catalog.structureJSONs(itemIDs: ["sach", "khong-co", "other"]), ["sach": #"{"labels":["1"]}"#],
            "one read for a page of hits: only the items with a structure")
        try test.catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "sach", nil) }
        XCTAssertNil(try test.catalog.structureJSON(itemID: "sach"))
    }

    func testUnknownItemAndBadJSONAreRefused() throws {
        let test = try TestCatalog(self)
        XCTAssertThrowsError(try test.catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "không-có", "{}") })
        try test.catalog.upsertItem(ItemRecord(id: "sach", libraryCode: "LC", sourcePath: "/b/sach"))
        XCTAssertThrowsError(try test.catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "sach", "{not json") })
        XCTAssertNil(try test.catalog.structureJSON(itemID: "sach"))
    }
}
