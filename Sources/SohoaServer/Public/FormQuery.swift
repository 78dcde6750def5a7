import Foundation

/// The parameters of a URL query as an HTML form sends them (`application/x-www-form-urlencoded`):
/// `+` is a space, `%XX` a byte of UTF-8; values are NFC. The first value of a name wins.
struct FormQuery: Sendable {
    private var values: [String: String] = [:]

    /// Parses a raw query string such as `q=th%C6%B0+vi%E1%BB%87n&page=2`.
    init(query: String) {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), values[name] == nil else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    /// The value of `name`, trimmed; `nil` when absent or empty.
    subscript(name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding?.precomposedStringWithCanonicalMapping
    }
}
