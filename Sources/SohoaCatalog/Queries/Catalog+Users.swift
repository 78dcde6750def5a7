import Foundation

extension Catalog {
    /// Adds a user of `libraryCode` (`nil`: every library); throws `constraintViolated` when the name
    /// is taken or not allowed, `notFound` when the catalog does not list the library.
    @discardableResult
    public func addUser(
        name: String, displayName: String?, role: UserRole, libraryCode: String? = nil, passwordHash: String,
        at date: Date = Date()
    ) throws(CatalogError) -> UserRecord {
        try write { tx throws(CatalogError) in
            try tx.addUser(
                name: name, displayName: displayName, role: role, libraryCode: libraryCode, passwordHash: passwordHash, at: date)
        }
    }

    /// Moves the user to `libraryCode` (`nil`: every library) and ends the user's sessions; `notFound`
    /// for an unknown user or library.
    public func setUserLibrary(name: String, _ libraryCode: String?, at date: Date = Date()) throws(CatalogError) {
        try write { tx throws(CatalogError) in try tx.setUserLibrary(name: name, libraryCode, at: date) }
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

extension CatalogTransaction {
    /// Adds a user of `libraryCode` (`nil`: every library); the name is stored in NFC. Throws
    /// `constraintViolated` when the name is taken (regardless of case) or not allowed (empty, spaces,
    /// `:` or `/`), `notFound` when the catalog does not list the library.
    @discardableResult
    public func addUser(
        name: String, displayName: String?, role: UserRole, libraryCode: String? = nil, passwordHash: String,
        at date: Date = Date()
    ) throws(CatalogError) -> UserRecord {
        let name = name.precomposedStringWithCanonicalMapping
        var library: String?
        if let libraryCode {
            guard let listed = try self.library(code: libraryCode) else { throw unknownLibrary(libraryCode) }
            library = listed.code
        }
        if try user(name: name) != nil {
            throw CatalogError(
                kind: .constraintViolated, file: file,
                message: "a user named '\(name)' already exists; choose another name, or change that user's password")
        }
        var user = UserRecord(
            name: name, displayName: displayName?.precomposedStringWithCanonicalMapping, role: role, libraryCode: library,
            passwordHash: passwordHash, createdAt: date, updatedAt: date)
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        user.id = try insertRecordReturningID(user, into: UserRecord.databaseTableName)
        return try self.user(id: user.id ?? 0) ?? user
    }

    /// The user with this name (compared without regard to case, after NFC).
    public func user(name: String) throws(CatalogError) -> UserRecord? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL (`users.name` is `COLLATE NOCASE`
        // on SQLite, `citext` on PostgreSQL).
        try statements.fetchOne(
            "SELECT * FROM users WHERE name = \(dialect.caseInsensitivePlaceholder)", [.text(name.precomposedStringWithCanonicalMapping)]
        )?.decode(UserRecord.self)
    }

    /// The user with this id.
    public func user(id: Int64) throws(CatalogError) -> UserRecord? {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.fetchOne("SELECT * FROM users WHERE id = ?", [.integer(id)])?.decode(UserRecord.self)
    }

    /// Every user, by name.
    public func users() throws(CatalogError) -> [UserRecord] {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        var users: [UserRecord] = []
        for row in try statements.fetch("SELECT * FROM users ORDER BY name", []) { users.append(try row.decode(UserRecord.self)) }
        return users
    }

    /// Replaces the user's password hash, clears failed sign-ins and ends the user's sessions.
    public func setPasswordHash(name: String, _ hash: String, at date: Date = Date()) throws(CatalogError) {
        let id = try existingUserID(name: name)
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute(
            "UPDATE users SET passwordHash = ?, failedSignIns = 0, lastFailedSignInAt = NULL, updatedAt = ? WHERE id = ?",
            [.text(hash), .date(date), .integer(id)])
        try deleteSessions(userID: id)
    }

    /// Disables or enables the user; disabling also ends the user's sessions.
    public func setUserDisabled(name: String, _ disabled: Bool, at date: Date = Date()) throws(CatalogError) {
        let id = try existingUserID(name: name)
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute(
            "UPDATE users SET disabled = ?, failedSignIns = 0, updatedAt = ? WHERE id = ?", [.bool(disabled), .date(date), .integer(id)])
        if disabled { try deleteSessions(userID: id) }
    }

    /// Moves the user to `libraryCode` (`nil`: every library) and ends the user's sessions, so the
    /// new scope applies at once; `notFound` for an unknown user or library.
    public func setUserLibrary(name: String, _ libraryCode: String?, at date: Date = Date()) throws(CatalogError) {
        let id = try existingUserID(name: name)
        var library: String?
        if let libraryCode {
            guard let listed = try self.library(code: libraryCode) else { throw unknownLibrary(libraryCode) }
            library = listed.code
        }
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute(
            "UPDATE users SET libraryCode = ?, updatedAt = ? WHERE id = ?", [.text(library), .date(date), .integer(id)])
        try deleteSessions(userID: id)
    }

    /// Counts one more failed sign-in for the user; returns the count of consecutive failures.
    @discardableResult
    public func recordFailedSignIn(userID: Int64, at date: Date = Date()) throws(CatalogError) -> Int {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute(
            "UPDATE users SET failedSignIns = failedSignIns + 1, lastFailedSignInAt = ? WHERE id = ?", [.date(date), .integer(userID)])
        return try statements.fetchOne("SELECT failedSignIns FROM users WHERE id = ?", [.integer(userID)])?.int("failedSignIns") ?? 0
    }

    /// A successful sign-in: the count of failed ones starts again from zero.
    public func recordSuccessfulSignIn(userID: Int64) throws(CatalogError) {
        // Ported to `CatalogStatements`: runs on SQLite and on PostgreSQL.
        try statements.execute("UPDATE users SET failedSignIns = 0, lastFailedSignInAt = NULL WHERE id = ?", [.integer(userID)])
    }

    private func existingUserID(name: String) throws(CatalogError) -> Int64 {
        guard let id = try user(name: name)?.id else {
            throw CatalogError(
                kind: .notFound, file: file,
                message: "the catalog at \(file.path) has no user named '\(name)'; see `sohoa users list`")
        }
        return id
    }
}
