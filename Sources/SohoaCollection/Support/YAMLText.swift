import Yams

/// Reads YAML into plain values (`[String: Any]`, `[Any]`, strings, numbers) as `Yams.load` does,
/// but first refuses, with an error, what Yams's own constructor would crash on: a mapping key that
/// is itself a mapping or a list (`? [a, b]: c`), which no sohoa file uses. Found by fuzzing.
public enum YAMLText {
    /// YAML that is well formed but not the plain kind sohoa's files are.
    public struct UnsupportedKey: Error, CustomStringConvertible {
        /// 1-based line of the key.
        public var line: Int
        public var description: String { "line \(line): a key must be a word, not a list or a mapping" }
    }

    /// The document's value, or `nil` for an empty document.
    public static func load(_ text: String) throws -> Any? {
        guard let node = try Yams.compose(yaml: text) else { return nil }
        try checkKeys(node)
        return try Yams.load(yaml: text)
    }

    static func checkKeys(_ node: Node) throws {
        switch node {
        case .scalar, .alias:
            return
        case .sequence(let sequence):
            for child in sequence { try checkKeys(child) }
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard case .scalar = key else { throw UnsupportedKey(line: (key.mark?.line ?? 0)) }
                try checkKeys(value)
            }
        }
    }
}
