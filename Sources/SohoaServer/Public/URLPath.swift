import Foundation

/// Building and reading the public routes' URLs. Item ids and page names are percent-encoded as
/// one path component each (only ASCII letters, digits and `-._~` stay as they are), so
/// `/items/<item-id>/pages/<page-name>/image` is the same shape for every id.
enum URLPath {
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// One path component, percent-encoded.
    static func component(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
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
}
