import Foundation

/// Plain values read by YAML (strings, numbers, mappings with any scalar keys) as structure rules need them.
enum StructureYAML {
    /// A mapping with its keys as text, or `nil` when `value` is not a mapping.
    static func mapping(_ value: Any) -> [String: Any]? {
        if let map = value as? [String: Any] { return map }
        guard let map = value as? [AnyHashable: Any] else { return nil }
        var result: [String: Any] = [:]
        for (key, element) in map { result["\(key.base)"] = element }
        return result
    }

    /// A scalar as text (NFC).
    static func text(_ value: Any) -> String {
        "\(value)".trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    /// A whole number, from an integer or its text.
    static func integer(_ value: Any) -> Int? {
        if let number = value as? Int { return number }
        return Int(text(value))
    }
}
