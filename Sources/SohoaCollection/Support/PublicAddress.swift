import Foundation

/// The address readers use to reach `sohoa serve` (its `--public-url`), and the item page links
/// made from it: MARC 21 `856` fields (`sohoa export`), OAI-PMH records, the server's own links.
public enum PublicAddress {
    /// `publicURL` without surrounding spaces and trailing `/`s.
    public static func trimmed(_ publicURL: String) -> String {
        var site = publicURL.trimmingCharacters(in: .whitespaces)
        while site.hasSuffix("/") { site.removeLast() }
        return site
    }

    /// `publicURL` trimmed, or nil when it is not an http(s) URL with a host.
    public static func site(_ publicURL: String) -> String? {
        let site = trimmed(publicURL)
        guard let url = URL(string: site), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil
        else { return nil }
        return site
    }

    /// The item's public page, `<site>/items/<item-id>` (the id one path segment: `segment`). MARC's
    /// `856`, OAI, the server's pages and IIIF's `homepage` all link with this.
    public static func itemPage(site: String, itemID: String) -> String {
        site + "/items/" + segment(itemID)
    }

    /// `text` as one path segment: NFC, percent-encoded except RFC 3986's unreserved characters.
    public static func segment(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
