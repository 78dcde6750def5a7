import Foundation

extension Catalog {
    /// Stores a new session.
    public func createSession(_ session: SessionRecord) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.createSession(session) }
    }

    /// The session with this token hash, with its user, if it has not expired at `now` and the
    /// user is not disabled.
    public func validSession(tokenHash: String, at now: Date = Date()) throws(CatalogError) -> ValidSession? {
        try read { tx throws(CatalogError) in try tx.validSession(tokenHash: tokenHash, at: now) }
    }

    /// Ends the session with this token hash (nothing happens if there is none).
    public func deleteSession(tokenHash: String) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.deleteSession(tokenHash: tokenHash) }
    }

    /// Ends every session of the user.
    public func deleteSessions(userID: Int64) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.deleteSessions(userID: userID) }
    }

    /// Removes the sessions expired at `now`; returns how many.
    @discardableResult
    public func purgeExpiredSessions(at now: Date = Date()) throws(CatalogError) -> Int {
        try write { tx throws(CatalogError) in try tx.purgeExpiredSessions(at: now) }
    }
}

extension CatalogTransaction {
    /// Stores a new session.
    public func createSession(_ session: SessionRecord) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try insertRecord(session, into: SessionRecord.databaseTableName)
    }

    /// The session with this token hash, with its user and the user's scope, if it has not expired at
    /// `now` and the user is not disabled.
    public func validSession(tokenHash: String, at now: Date = Date()) throws(CatalogError) -> ValidSession? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        guard
            let session = try statements.fetchOne(
                "SELECT * FROM sessions WHERE tokenHash = ? AND expiresAt > ?", [.text(tokenHash), .date(now)])?
                .decode(SessionRecord.self),
            let user = try user(id: session.userID), !user.disabled
        else { return nil }
        return ValidSession(session: session, user: user, scope: try accessScope(of: user))
    }

    /// Ends the session with this token hash (nothing happens if there is none).
    public func deleteSession(tokenHash: String) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute("DELETE FROM sessions WHERE tokenHash = ?", [.text(tokenHash)])
    }

    /// Ends every session of the user.
    public func deleteSessions(userID: Int64) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute("DELETE FROM sessions WHERE userID = ?", [.integer(userID)])
    }

    /// Removes the sessions expired at `now`; returns how many.
    @discardableResult
    public func purgeExpiredSessions(at now: Date = Date()) throws(CatalogError) -> Int {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute("DELETE FROM sessions WHERE expiresAt <= ?", [.date(now)])
    }
}
