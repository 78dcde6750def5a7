import Foundation

/// An OCFL 1.1 inventory (`inventory.json`), as written and read by the storage root.
struct OCFLInventory: Codable, Equatable, Sendable {
    static let type11 = "https://ocfl.io/1.1/spec/#inventory"

    /// One entry of `versions`.
    struct Version: Codable, Equatable, Sendable {
        var created: String
        var state: [String: [String]]
        var message: String?
        var user: VersionUser?
    }

    var id: String
    var type: String
    var digestAlgorithm: String
    var head: String
    var contentDirectory: String?
    var manifest: [String: [String]]
    var versions: [String: Version]
    var fixity: [String: [String: [String]]]?

    /// Number of the head version (`v3` → 3).
    var headNumber: Int? { Self.versionNumber(head) }

    /// The folder holding content inside each version folder.
    var contentFolder: String { contentDirectory ?? "content" }

    /// Logical path → digest for a version.
    func logicalState(_ version: String) -> [String: String]? {
        guard let entry = versions[version] else { return nil }
        var result: [String: String] = [:]
        for (digest, paths) in entry.state {
            for path in paths { result[path] = digest }
        }
        return result
    }

    /// Parses `v1`, `v02`, … into its number.
    static func versionNumber(_ name: String) -> Int? {
        guard name.count > 1, name.first == "v" else { return nil }
        let digits = name.dropFirst()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), n > 0 else { return nil }
        return n
    }

    /// The name of version `number`, keeping the zero padding the object already uses.
    func versionName(_ number: Int) -> String {
        let digits = head.dropFirst()
        if digits.first == "0" {
            let padded = String(number)
            return "v" + String(repeating: "0", count: max(0, digits.count - padded.count)) + padded
        }
        return "v\(number)"
    }

    /// The canonical bytes written to disk.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    static func decode(_ data: Data) throws -> OCFLInventory {
        try JSONDecoder().decode(OCFLInventory.self, from: data)
    }
}
