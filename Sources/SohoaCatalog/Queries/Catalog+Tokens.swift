import Foundation

// Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
extension Catalog {
    /// Stores a new API token (its hash only).
    public func createApiToken(_ token: ApiTokenRecord) throws(CatalogError) {
        try write { tx throws(CatalogError) in
            try tx.statements.execute("DELETE FROM api_tokens WHERE expiresAt <= ?", [.date(token.createdAt)])
            try tx.insertRecord(token, into: ApiTokenRecord.databaseTableName)
        }
    }

    /// The enabled user a token with this hash acts for, if the token has not expired at `now`; notes
    /// when it was used (at most once a minute).
    public func apiTokenUser(tokenHash: String, at now: Date = Date()) throws(CatalogError) -> UserRecord? {
        let found = try read { tx throws(CatalogError) -> (ApiTokenRecord, UserRecord)? in
            guard
                let token = try tx.statements.fetchOne(
                    "SELECT * FROM api_tokens WHERE tokenHash = ? AND expiresAt > ?", [.text(tokenHash), .date(now)])?
                    .decode(ApiTokenRecord.self),
                let user = try tx.user(id: token.userID), !user.disabled
            else { return nil }
            return (token, user)
        }
        guard let (token, user) = found else { return nil }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try write { tx throws(CatalogError) in
                _ = try tx.statements.execute(
                    "UPDATE api_tokens SET lastUsedAt = ? WHERE tokenHash = ?", [.date(now), .text(tokenHash)])
            }
        }
        return user
    }

    /// Ends every API token of the user.
    public func deleteApiTokens(userID: Int64) throws(CatalogError) {
        try write { tx throws(CatalogError) in
            _ = try tx.statements.execute("DELETE FROM api_tokens WHERE userID = ?", [.integer(userID)])
        }
    }
}
