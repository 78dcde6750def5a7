import Foundation

/// The rights statement of items that carry none of their own: `rights:` in `<archive>/server.yaml`,
/// one for every item, per library code, or per collection (the holding's type), the most specific
/// first (collection, then library, then `default`). Read by the server and by `sohoa run`.
///
/// ```yaml
/// rights:
///   default: http://rightsstatements.org/vocab/CNE/1.0/
///   libraries: {LCH: http://rightsstatements.org/vocab/NoC-NC/1.0/}
///   collections: {manuscript: http://creativecommons.org/publicdomain/mark/1.0/}
/// ```
public struct RightsDefaults: Sendable, Equatable {
    public var all: RightsStatement?
    /// By library code (upper case).
    public var libraries: [String: RightsStatement] = [:]
    /// By collection type (`rare-book`, `manuscript`, `local-history`, `newspaper`, …).
    public var collections: [String: RightsStatement] = [:]

    /// No defaults: items without rights of their own have none.
    public init() {}

    /// The statement for an item of `library` in `collection` that has none of its own.
    public func statement(library: String, collection: String?) -> RightsStatement? {
        collection.flatMap { collections[$0] } ?? libraries[library.uppercased()] ?? all
    }

    /// The `rights:` section's value; throws a message naming the key for anything else.
    public static func parse(_ value: Any, file: String) throws(RightsDefaultsError) -> RightsDefaults {
        guard let map = value as? [String: Any] else {
            throw RightsDefaultsError("\(file): 'rights' must be a mapping (default, libraries, collections)")
        }
        var defaults = RightsDefaults()
        for key in map.keys.sorted() where !["default", "libraries", "collections"].contains(key) {
            throw RightsDefaultsError("\(file): unknown key 'rights.\(key)'; allowed in rights: default, libraries, collections")
        }
        func statement(_ value: Any, key: String) throws(RightsDefaultsError) -> RightsStatement {
            guard let text = value as? String, let statement = RightsStatement(text) else {
                throw RightsDefaultsError("\(file): \(key): \(RightsStatement.refusal("\(value)"))")
            }
            return statement
        }
        func table(_ key: String) throws(RightsDefaultsError) -> [String: RightsStatement] {
            guard let value = map[key] else { return [:] }
            guard let entries = value as? [String: Any] else {
                throw RightsDefaultsError("\(file): 'rights.\(key)' must be a mapping of names to rights URIs")
            }
            var result: [String: RightsStatement] = [:]
            for (name, uri) in entries { result[name] = try statement(uri, key: "rights.\(key).\(name)") }
            return result
        }
        if let value = map["default"] { defaults.all = try statement(value, key: "rights.default") }
        defaults.libraries = Dictionary(uniqueKeysWithValues: try table("libraries").map { ($0.key.uppercased(), $0.value) })
        defaults.collections = try table("collections")
        return defaults
    }

    /// The defaults in `<archive>/server.yaml` (none when it has no `rights:` section or no file).
    public static func load(archive: URL) throws(RightsDefaultsError) -> RightsDefaults {
        let url = archive.appendingPathComponent("server.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return RightsDefaults() }
        let root: Any?
        do {
            root = try YAMLText.load(try String(contentsOf: url, encoding: .utf8))
        } catch {
            throw RightsDefaultsError("\(url.path): not valid UTF-8 YAML: \(error)")
        }
        guard let value = (root as? [String: Any])?["rights"] else { return RightsDefaults() }
        return try parse(value, file: url.path)
    }
}

/// A `rights:` section that cannot be used; the message names the file and the key.
public struct RightsDefaultsError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
