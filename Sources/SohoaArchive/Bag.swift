import Foundation

/// A BagIt 1.0 bag (RFC 8493) on disk: `bagit.txt`, `bag-info.txt`, SHA-512 manifests, payload under `data/`.
public struct Bag: Sendable, Equatable {
    /// The bag's folder.
    public var url: URL
    /// `bag-info.txt` labels and values, in file order.
    public var info: [BagInfoEntry]
    /// Payload files: path relative to `data/` (NFC) → file.
    public var payload: [String: URL]

    /// A bag read from disk.
    public init(url: URL, info: [BagInfoEntry], payload: [String: URL]) {
        self.url = url
        self.info = info
        self.payload = payload
    }

    /// The first value of a `bag-info.txt` label (labels compare case-insensitively).
    public func value(_ label: String) -> String? {
        info.first { $0.label.lowercased() == label.lowercased() }?.value
    }
}

/// One `label: value` line of `bag-info.txt`.
public struct BagInfoEntry: Sendable, Equatable {
    /// The label, e.g. `Source-Organization`.
    public var label: String
    /// The value.
    public var value: String

    /// An entry.
    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// Why a bag is refused: every problem found, so the sender can fix them all at once.
public struct BagProblems: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bag's folder.
    public var bag: String
    /// One line per problem.
    public var problems: [String]

    /// A refusal.
    public init(bag: String, problems: [String]) {
        self.bag = bag
        self.problems = problems
    }

    public var description: String {
        "bag \(bag) is damaged or incomplete, nothing of it was imported (\(problems.count) "
            + (problems.count == 1 ? "problem" : "problems") + "):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
            + "\nask the sending library for a new copy of the bag"
    }
}

/// Escaping of file paths in BagIt manifests (RFC 8493 §2.1.3): `%`, CR and LF are percent-encoded.
enum BagPath {
    static func encode(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func decode(_ path: String) -> String {
        path.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0d", with: "\r")
            .replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0a", with: "\n")
            .replacingOccurrences(of: "%25", with: "%")
    }
}
