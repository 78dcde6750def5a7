import Foundation
import SohoaTesting
import XCTest

@testable import SohoaCatalog

/// `item_structures` (v-structure): an item's page labels and contents as JSON, replaced and removed;
/// on SQLite and on PostgreSQL (`onEachEmptyTestBackend`).
final class StructureStoreTests: XCTestCase {
    func testStoreReplaceAndRemove() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            try test.catalog.upsertItem(ItemRecord(id: "sach", libraryCode: "LC", sourcePath: "/b/sach"))
            XCTAssertNil(try test.catalog.structureJSON(itemID: "sach"), "\(backend)")
            try test.catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "sach", #"{"labels":["Bìa"]}"#) }
            XCTAssertEqual(try test.catalog.structureJSON(itemID: "sach"), #"{"labels":["Bìa"]}"#, "\(backend)")
            try test.catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "sach", #"{"labels":["1"]}"#) }
            XCTAssertEqual(try test.catalog.structureJSON(itemID: "sach"), #"{"labels":["1"]}"#, "\(backend)")
            XCTAssertEqual(
                try test.catalog.structureJSONs(itemIDs: ["sach", "khong-co", "other"]), ["sach": #"{"labels":["1"]}"#],
                "\(backend): one read for a page of hits: only the items with a structure")
            try test.catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "sach", nil) }
            XCTAssertNil(try test.catalog.structureJSON(itemID: "sach"), "\(backend)")
        }
    }

    func testUnknownItemAndBadJSONAreRefused() throws {
        try TestCatalog.onEachEmptyTestBackend(self) { test, backend in
            XCTAssertThrowsError(
                try test.catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "không-có", "{}") }, "\(backend)")
            try test.catalog.upsertItem(ItemRecord(id: "sach", libraryCode: "LC", sourcePath: "/b/sach"))
            XCTAssertThrowsError(
                try test.catalog.write { tx throws(CatalogError) in try tx.setStructureJSON(itemID: "sach", "{not json") }, "\(backend)")
            XCTAssertNil(try test.catalog.structureJSON(itemID: "sach"), "\(backend)")
        }
    }
}
