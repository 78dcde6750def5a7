import Foundation
import Hummingbird
import HummingbirdTesting
import SohoaCatalog
import XCTest

@testable import SohoaServer

/// IIIF and a district library's staff (issue 15): another library's restricted item is not found
/// (manifest, image) nor listed in that library's collection.
extension IIIFTests {
    func testARestrictedItemIsNotServedToAnotherLibrarysStaff() async throws {
        let fixture = try fixture()
        let pageID = try XCTUnwrap(try fixture.pageIDs(IIIFTestArchive.restrictedItem).first)
        let catalog = fixture.services.catalog
        if try catalog.library(code: "TUY") == nil { try catalog.addLibrary(code: "TUY", name: "Thư viện huyện Than Uyên") }
        try catalog.addUser(
            name: "iiif-than-uyen", displayName: nil, role: .scanner, libraryCode: "TUY",
            passwordHash: try PasswordHasher(cost: 4).hash("mật khẩu IIIF"))
        try await fixture.application().test(.router) { client in
            let (cookie, _) = try await signIn(client, name: "iiif-than-uyen", password: "mật khẩu IIIF")
            let manifest = try await client.execute(
                uri: "/iiif/\(IIIFTestArchive.restrictedItem)/manifest", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(manifest.status, .notFound)
            let image = try await client.execute(
                uri: "/iiif/image/\(pageID)/full/max/0/default.jpg", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(image.status, .notFound)
            let collection = try await client.execute(
                uri: "/iiif/collection/\(IIIFTestArchive.library)", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(collection.status, .ok)
            XCTAssertFalse(String(buffer: collection.body).contains(IIIFTestArchive.restrictedItem))
        }
    }
}
