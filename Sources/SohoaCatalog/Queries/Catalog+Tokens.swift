import Foundation
import GRDB

extension Catalog {
    /// Stores a new API token (its hash only).
    public func createApiToken(_ token: ApiTokenRecord) throws(CatalogError) {
        try write { tx throws(CatalogError) in
            try tx.run {
                try tx.db.execute(sql: "DELETE FROM api_tokens WHERE expiresAt <= ?", arguments: [token.createdAt])
                try token.insert(tx.db)
            }
        }
    }

    /// The enabled user a token with this hash acts for, if the token has not expired at `now`; notes
    /// when it was used (at most once a minute).
    public func apiTokenUser(tokenHash: String, at now: Date = Date()) throws(CatalogError) -> UserRecord? {
        let found = try read { tx throws(CatalogError) -> (ApiTokenRecord, UserRecord)? in
            try tx.run { () throws -> (ApiTokenRecord, UserRecord)? in
                guard
                    let token = try ApiTokenRecord.fetchOne(
                        tx.db, sql: "SELECT * FROM api_tokens WHERE tokenHash = ? AND expiresAt > ?", arguments: [tokenHash, now]),
                    let user = try UserRecord.fetchOne(tx.db, key: token.userID), !user.disabled
                else { return nil }
                return (token, user)
            }
        }
        guard let (token, user) = found else { return nil }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try write { tx throws(CatalogError) in
                try tx.run {
                    try tx.db.execute(sql: "UPDATE api_tokens SET lastUsedAt = ? WHERE tokenHash = ?", arguments: [now, tokenHash])
                }
            }
        }
        return user
    }

    /// Ends every API token of the user.
    public func deleteApiTokens(userID: Int64) throws(CatalogError) {
        try write { tx throws(CatalogError) in
            try tx.run { try tx.db.execute(sql: "DELETE FROM api_tokens WHERE userID = ?", arguments: [userID]) }
        }
    }
}
