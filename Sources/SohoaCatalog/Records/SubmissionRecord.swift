import Foundation
import GRDB

/// A batch a user sent to `sohoa serve` (table `submissions`): one uncompressed tar of a BagIt bag,
/// uploaded in chunks, then verified, queued and run through the pipeline.
public struct SubmissionRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "submissions"

    /// Assigned by the catalog.
    public var id: Int64?
    /// The user who sent it.
    public var userID: Int64
    /// The batch folder's name on the sending station.
    public var name: String
    /// Bytes of the whole upload.
    public var size: Int64
    /// SHA-256 of the whole upload, 64 lowercase hex digits.
    public var sha256: String
    /// The chunk size the sender uses.
    public var chunkSize: Int64
    /// Bytes received and checked so far; the next chunk goes at this offset.
    public var receivedBytes: Int64
    public var state: SubmissionState
    /// Why it was refused or failed, one plain sentence each (JSON array), or nil.
    public var problemsJSON: String?
    /// The library the submission's items are archived under, when the server assigns one.
    public var libraryCode: String?
    public var pagesDone: Int
    public var pagesTotal: Int
    public var pagesFailed: Int
    public var itemsArchived: Int
    public var createdAt: Date
    public var updatedAt: Date
    /// When it was archived or failed.
    public var finishedAt: Date?

    /// A new submission in state `uploading`.
    public init(
        userID: Int64, name: String, size: Int64, sha256: String, chunkSize: Int64, libraryCode: String? = nil, at date: Date = Date()
    ) {
        self.userID = userID
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.chunkSize = chunkSize
        receivedBytes = 0
        state = .uploading
        self.libraryCode = libraryCode
        pagesDone = 0
        pagesTotal = 0
        pagesFailed = 0
        itemsArchived = 0
        createdAt = date
        updatedAt = date
    }

    /// The problems listed in `problemsJSON`.
    public var problems: [String] {
        guard let problemsJSON, let list = try? JSONDecoder().decode([String].self, from: Data(problemsJSON.utf8)) else { return [] }
        return list
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
