import Foundation
import GRDB

/// A token `sohoa login` received (table `api_tokens`): scripts send it as `Authorization: Bearer`.
/// The catalog keeps only its SHA-256, so a copy of the catalog cannot be used to sign in.
public struct ApiTokenRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "api_tokens"

    /// SHA-256 of the token, 64 lowercase hex digits (the key).
    public var tokenHash: String
    /// The user the token acts for.
    public var userID: Int64
    public var createdAt: Date
    /// When the token was last accepted (at most once a minute is written).
    public var lastUsedAt: Date?
    /// After this the token is refused; `sohoa login` again.
    public var expiresAt: Date

    public init(tokenHash: String, userID: Int64, createdAt: Date = Date(), lastUsedAt: Date? = nil, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.expiresAt = expiresAt
    }
}
