import Foundation
import XCTest

@testable import SohoaServer

/// `URLPath.component` encodes byte by byte (for speed): it must give exactly what Foundation's
/// NFC + `addingPercentEncoding` gave, for every kind of text an id, page name or query holds.
final class URLPathTests: XCTestCase {
    /// What the links were before: Foundation's encoding of the NFC text.
    private static func foundation(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.precomposedStringWithCanonicalMapping.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    func testComponentMatchesFoundationsEncoding() {
        let nfd = "Lai Châu – Điện Biên".decomposedStringWithCanonicalMapping
        let samples = [
            "", "lich-su-thu-vien", "LCH.2024.0001", "page_0001", "a~b", "p001.tif", "thư viện", "Tiếng Việt", nfd,
            "đĐ", "a b+c&d=e?f#g/h%i", "\"quoted\" 'single' <b>", "emoji 📜", "tab\tnew\nline", "\u{0}", "日本語",
            "ﬁ ligature", "Å", "A\u{030A}", "100% ~ 50", "%C3%A2", "-._~", String(repeating: "ằ", count: 100),
        ]
        for text in samples {
            XCTAssertEqual(URLPath.component(text), Self.foundation(text), "encoding \(text.debugDescription)")
        }
        // Every single scalar of the Latin and Vietnamese ranges, and ASCII.
        for value in UInt32(0)...0x24F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "x" + String(Character(scalar)) + "y"
            XCTAssertEqual(URLPath.component(text), Self.foundation(text), "encoding U+\(String(value, radix: 16))")
        }
        for value in UInt32(0x1EA0)...0x1EFF {
            let text = String(Character(Unicode.Scalar(value)!))
            XCTAssertEqual(URLPath.component(text), Self.foundation(text), "encoding U+\(String(value, radix: 16))")
        }
    }

    func testComponentKeepsUnreservedTextAndNormalizes() {
        XCTAssertEqual(URLPath.component("LCH-2024_01.page~2"), "LCH-2024_01.page~2")
        // NFD and NFC give the same link.
        XCTAssertEqual(URLPath.component("Ch\u{0061}\u{0302}u"), "Ch%C3%A2u")
        XCTAssertEqual(URLPath.component("Châu"), "Ch%C3%A2u")
        XCTAssertEqual(URLPath.item("a b"), "/items/a%20b")
        XCTAssertEqual(URLPath.pageImage(itemID: "đ", pageName: "p/1"), "/items/%C4%91/pages/p%2F1/image")
    }
}
