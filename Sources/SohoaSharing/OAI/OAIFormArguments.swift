import Foundation

/// Reads OAI-PMH arguments from a URL query or an `application/x-www-form-urlencoded` POST body:
/// `a=1&b=2&a=3` → `["a": ["1", "3"], "b": ["2"]]` (`+` is a space, `%XX` a UTF-8 byte).
public enum OAIFormArguments {
    /// The arguments in `text`; a name or value that is not valid percent-encoded UTF-8 is kept as
    /// given (so the request fails as a bad argument instead of losing it).
    public static func parse(_ text: String) -> [String: [String]] {
        var arguments: [String: [String]] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            arguments[name, default: []].append(value)
        }
        return arguments
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
