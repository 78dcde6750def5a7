import Foundation
import GRDB

/// A sign-in to `sohoa serve` (table `sessions`). The browser holds the session token in a cookie;
/// the catalog keeps only its SHA-256, so a copy of the catalog cannot be used to sign in.
public struct SessionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "sessions"

    /// SHA-256 of the session token, 64 lowercase hex digits (the key).
    public var tokenHash: String
    /// The signed-in user.
    public var userID: Int64
    /// The token the session's forms must send back.
    public var csrfToken: String
    public var createdAt: Date
    /// After this the session no longer signs anybody in.
    public var expiresAt: Date

    public init(tokenHash: String, userID: Int64, csrfToken: String, createdAt: Date = Date(), expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
