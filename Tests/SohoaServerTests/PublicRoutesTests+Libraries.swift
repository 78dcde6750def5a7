import Foundation
import XCTest

@testable import SohoaCatalog
@testable import SohoaServer

/// Restricted items are for the staff of the library that holds them (issue 15): a district
/// library's signed-in staff get 404 for another library's restricted item, its pages and its PDF.
extension PublicRoutesTests {
    func testARestrictedItemIsServedOnlyToItsLibrarysStaff() async throws {
        let archive = try fixture()
        for route in ["", "/pages/p001/image", "/pages/p001/text", "/pdf"] {
            let restricted = "/items/tai-lieu-han-che\(route)"
            let district = try await archive.get(restricted, role: .archivist, library: "MLY")
            XCTAssertEqual(district.status, .notFound, restricted)
            XCTAssertFalse(district.body.contains("Tài liệu hạn chế"), "the 404 does not name the item")
            let own = try await archive.get(restricted, role: .scanner, library: "LCH")
            XCTAssertEqual(own.status, .ok, restricted)
            let admin = try await archive.get(restricted, role: .admin, library: "MLY")
            XCTAssertEqual(admin.status, .ok, "admins see every library: \(restricted)")
        }
        let publicItem = try await archive.get("/items/lich-su-thu-vien", role: .archivist, library: "MLY")
        XCTAssertEqual(publicItem.status, .ok, "public items stay public")
        XCTAssertFalse(publicItem.body.contains("/items/lich-su-thu-vien/metadata"), "but another library's are not edited")
        let ownItem = try await archive.get("/items/bao-muong-lay", role: .archivist, library: "MLY")
        XCTAssertTrue(ownItem.body.contains("/items/bao-muong-lay/metadata"), "their own library's are")
    }

    func testSearchFindsRestrictedItemsOfTheUsersLibraryOnly() async throws {
        let archive = try fixture()
        let district = try await archive.searchItems("thu vien luu giu", role: .scanner, library: "MLY")
        XCTAssertEqual(district, [], "another library's restricted item is not found")
        let own = try await archive.searchItems("thu vien luu giu", role: .scanner, library: "LCH")
        XCTAssertEqual(own, ["tai-lieu-han-che"])
        let everyLibrary = try await archive.searchItems("thu vien luu giu", role: .archivist)
        XCTAssertEqual(everyLibrary, ["tai-lieu-han-che"], "users without a library see every library's")
        let publicItems = try await archive.searchItems("Mường Lay", role: .scanner, library: "LCH")
        XCTAssertFalse(publicItems.isEmpty, "public items of other libraries are found by everyone")
    }
}
