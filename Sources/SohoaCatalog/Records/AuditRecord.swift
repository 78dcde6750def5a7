import Foundation
import GRDB

/// A fixity audit of the archive (`sohoa audit`): when, what was checked, what was found (table `audits`).
public struct AuditRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "audits"

    /// Assigned by the catalog.
    public var id: Int64?
    public var startedAt: Date
    public var finishedAt: Date
    /// What was asked for: `all`, `item <id>`, `sample 10%`.
    public var scope: String
    public var objectsChecked: Int
    public var filesChecked: Int
    public var findingCount: Int
    /// The findings, one line each, as a JSON array of strings.
    public var findingsJSON: String
    /// Who ran it, e.g. `sohoa 0.1.0`.
    public var agent: String

    /// Makes an audit record; `id` is assigned when it is stored.
    public init(
        id: Int64? = nil, startedAt: Date, finishedAt: Date, scope: String, objectsChecked: Int, filesChecked: Int,
        findings: [String], agent: String
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.scope = scope
        self.objectsChecked = objectsChecked
        self.filesChecked = filesChecked
        self.findingCount = findings.count
        self.findingsJSON = (try? JSONEncoder().encode(findings)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        self.agent = agent
    }

    /// The findings, one line each.
    public var findings: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(findingsJSON.utf8))) ?? []
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
