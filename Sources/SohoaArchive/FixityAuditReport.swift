import Foundation

/// The result of a fixity audit: what was checked and what was found.
public struct FixityAuditReport: Sendable, Equatable, Codable {
    /// When the audit started.
    public var startedAt: Date
    /// When it ended.
    public var finishedAt: Date
    /// Ids of the objects checked (including those whose inventory could not be read, as `?`), sorted.
    public var objectsChecked: [String]
    /// Files whose bytes were read and digested.
    public var filesChecked: Int
    /// Bytes read.
    public var bytesChecked: Int64
    /// Everything found, by object and path.
    public var findings: [FixityFinding]

    /// A report.
    public init(
        startedAt: Date, finishedAt: Date, objectsChecked: [String], filesChecked: Int, bytesChecked: Int64,
        findings: [FixityFinding]
    ) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.objectsChecked = objectsChecked
        self.filesChecked = filesChecked
        self.bytesChecked = bytesChecked
        self.findings = findings
    }

    /// True when nothing was found.
    public var isClean: Bool { findings.isEmpty }
}
