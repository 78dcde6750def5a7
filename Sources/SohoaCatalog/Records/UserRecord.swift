import Foundation
import GRDB

/// A user of `sohoa serve` (table `users`): a name to sign in with, a role, and a bcrypt hash of
/// the password — never the password itself.
public struct UserRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "users"

    /// Assigned by the catalog.
    public var id: Int64?
    /// The sign-in name: unique regardless of case, no spaces, `:` or `/` (the schema checks it).
    public var name: String
    /// The name shown on pages and in reviews, e.g. "Nguyễn Văn A".
    public var displayName: String?
    public var role: UserRole
    /// The code of the library the user works for; `nil` for every library (accounts made before
    /// libraries existed keep what they could do).
    public var libraryCode: String?
    /// The bcrypt hash of the password (`$2b$…`).
    public var passwordHash: String
    /// A disabled user cannot sign in, and their sessions stop working.
    public var disabled: Bool
    /// Failed sign-ins since the last successful one (slows further attempts).
    public var failedSignIns: Int
    public var lastFailedSignInAt: Date?
    /// Set by the catalog when the user is added.
    public var createdAt: Date
    /// Set by the catalog on every change.
    public var updatedAt: Date

    /// Makes a user record; `id` is assigned and the timestamps are set when it is stored.
    public init(
        id: Int64? = nil, name: String, displayName: String? = nil, role: UserRole, libraryCode: String? = nil,
        passwordHash: String, disabled: Bool = false, failedSignIns: Int = 0, lastFailedSignInAt: Date? = nil, createdAt: Date = Date(),
        updatedAt: Date = Date()
    ) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.role = role
        self.libraryCode = libraryCode
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.failedSignIns = failedSignIns
        self.lastFailedSignInAt = lastFailedSignInAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
