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

    /// The item's public page, `<site>/items/<item-id>` (the id percent-encoded as one path segment).
    public static func itemPage(site: String, itemID: String) -> String {
        site + "/items/" + (itemID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? itemID)
    }
}
