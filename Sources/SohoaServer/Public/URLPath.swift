import Foundation

/// Building and reading the public routes' URLs. Item ids and page names are percent-encoded as
/// one path component each (only ASCII letters, digits and `-._~` stay as they are), so
/// `/items/<item-id>/pages/<page-name>/image` is the same shape for every id.
enum URLPath {
    /// One path component, percent-encoded: the text in NFC, each UTF-8 byte other than an ASCII
    /// letter, digit or `-._~` as `%XX` (upper-case hex), as Foundation's `addingPercentEncoding`
    /// writes it. Built byte by byte (a page of search results or an item page makes hundreds of
    /// links, and Foundation's encoding was a fifth of a search's processor time); text that needs
    /// no escaping (most ids and page names) is returned as it is.
    static func component(_ text: String) -> String {
        if text.utf8.allSatisfy(isUnreserved) { return text }
        // ASCII is its own NFC; anything else is normalized first.
        let normalized = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
        var bytes: [UInt8] = []
        bytes.reserveCapacity(normalized.utf8.count * 3)
        for byte in normalized.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// An ASCII letter or digit, `-`, `.`, `_` or `~` (RFC 3986's unreserved characters).
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// A query value, percent-encoded.
    static func queryValue(_ text: String) -> String {
        component(text)
    }

    /// A path component as sent, decoded to NFC; `nil` when it is not valid percent-encoded UTF-8,
    /// empty, or names the folder itself or its parent.
    static func decodedComponent(_ raw: String) -> String? {
        guard let text = raw.removingPercentEncoding?.precomposedStringWithCanonicalMapping, !text.isEmpty,
            text != ".", text != "..", !text.contains("/"), !text.contains("\0")
        else { return nil }
        return text
    }

    /// `/items/<item-id>`.
    static func item(_ itemID: String) -> String {
        "/items/\(component(itemID))"
    }

    /// `/items/<item-id>/pages/<page-name>/image`: the page's access image.
    static func pageImage(itemID: String, pageName: String) -> String {
        "/items/\(component(itemID))/pages/\(component(pageName))/image"
    }

    /// `/items/<item-id>/pages/<page-name>/text`: the page's text.
    static func pageText(itemID: String, pageName: String) -> String {
        "/items/\(component(itemID))/pages/\(component(pageName))/text"
    }

    /// `/items/<item-id>/pdf`: the item's searchable PDF.
    static func pdf(itemID: String) -> String {
        "/items/\(component(itemID))/pdf"
    }

    /// `/items/<item-id>/reading-pdf`: the item's compact reading PDF.
    static func readingPDF(itemID: String) -> String {
        "/items/\(component(itemID))/reading-pdf"
    }
}
