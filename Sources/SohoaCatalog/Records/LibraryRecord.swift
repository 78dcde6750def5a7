import Foundation
import GRDB

/// A library of the provincial network (table `libraries`): the provincial library or a district
/// library, known by the code its items and holdings carry (`LCH`, `TUY`, …).
public struct LibraryRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "libraries"

    /// The library code: capital letters, digits, `-` or `_`, at most 32 (codes listed by the
    /// migration from existing items keep whatever they were).
    public var code: String
    /// The Vietnamese name, e.g. "Thư viện huyện Than Uyên" (the code until someone renames it).
    public var name: String
    /// The district, e.g. "Than Uyên".
    public var district: String?
    /// Whether this is the provincial library (at most one is): its managers see every library.
    public var provincial: Bool
    /// Set by the catalog when the library is added.
    public var createdAt: Date
    /// Set by the catalog on every change.
    public var updatedAt: Date

    public var id: String { code }

    /// Makes a library record.
    public init(
        code: String, name: String, district: String? = nil, provincial: Bool = false, createdAt: Date = Date(),
        updatedAt: Date = Date()
    ) {
        self.code = code
        self.name = name
        self.district = district
        self.provincial = provincial
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// `text` as a library code (trimmed, upper case), or `nil` when it is not one: 1 to 32 letters
    /// A–Z, digits, `-` or `_` (the rule of the holdings register's codes).
    public static func code(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        return code.range(of: "^[A-Z0-9_-]{1,32}$", options: .regularExpression) != nil ? code : nil
    }
}
