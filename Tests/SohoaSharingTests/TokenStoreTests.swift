import Foundation
import SohoaTesting
import XCTest

@testable import SohoaSharing

/// `sohoa login`'s token file: mode 0600 from the start, one token per server, and a file others
/// can read is refused.
final class TokenStoreTests: XCTestCase {
    func testTokensAreKeptReadableByTheirOwnerOnly() throws {
        let config = try temporaryFolder("sohoa-tokens", removedAfter: self)
        let store = TokenStore.standard(environment: ["XDG_CONFIG_HOME": config.path])
        XCTAssertEqual(store.file.path, config.path + "/sohoa/tokens.json")
        XCTAssertNil(try store.token(for: "https://thuvien.example.vn"))
        try store.save("aaa", for: "https://ThuVien.example.vn/")
        try store.save("bbb", for: "http://127.0.0.1:8080")
        XCTAssertEqual(try store.token(for: "https://thuvien.example.vn"), "aaa")
        XCTAssertEqual(try store.token(for: "http://127.0.0.1:8080/"), "bbb")
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: store.file.path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store.file.path)
        XCTAssertThrowsError(try store.token(for: "http://127.0.0.1:8080")) { error in
            XCTAssertTrue("\(error)".contains("chmod 600"), "\(error)")
        }
    }
}
