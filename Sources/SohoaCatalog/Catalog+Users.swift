import Foundation

extension Catalog {
    /// Adds a user; throws `constraintViolated` when the name is taken or not allowed.
    @discardableResult
    public func addUser(
        name: String, displayName: String?, role: UserRole, passwordHash: String, at date: Date = Date()
    ) throws(CatalogError) -> UserRecord {
        try write { tx throws(CatalogError) in
            try tx.addUser(name: name, displayName: displayName, role: role, passwordHash: passwordHash, at: date)
        }
    }

    /// The user with this name (compared without regard to case).
    public func user(name: String) throws(CatalogError) -> UserRecord? {
        try read { tx throws(CatalogError) in try tx.user(name: name) }
    }

    /// The user with this id.
    public func user(id: Int64) throws(CatalogError) -> UserRecord? {
        try read { tx throws(CatalogError) in try tx.user(id: id) }
    }

    /// Every user, by name.
    public func users() throws(CatalogError) -> [UserRecord] {
        try read { tx throws(CatalogError) in try tx.users() }
    }

    /// Replaces the user's password hash and ends the user's sessions; `notFound` for an unknown name.
    public func setPasswordHash(name: String, _ hash: String, at date: Date = Date()) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.setPasswordHash(name: name, hash, at: date) }
    }

    /// Disables or enables the user (disabling ends the user's sessions); `notFound` for an unknown name.
    public func setUserDisabled(name: String, _ disabled: Bool, at date: Date = Date()) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.setUserDisabled(name: name, disabled, at: date) }
    }

    /// Counts one more failed sign-in for the user; returns the count of consecutive failures.
    @discardableResult
    public func recordFailedSignIn(userID: Int64, at date: Date = Date()) throws(CatalogError) -> Int {
        try write { tx throws(CatalogError) in try tx.recordFailedSignIn(userID: userID, at: date) }
    }

    /// A successful sign-in: the count of failed ones starts again from zero.
    public func recordSuccessfulSignIn(userID: Int64) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.recordSuccessfulSignIn(userID: userID) }
    }
}
